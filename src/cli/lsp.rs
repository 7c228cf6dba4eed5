use clap::Args;

#[derive(Debug, Args)]
pub struct LspArgs {}

pub fn run(_args: LspArgs) -> u8 {
    super::USAGE
}
