use clap::Args;

#[derive(Debug, Args)]
pub struct ExplainArgs {}

pub fn run(_args: ExplainArgs) -> u8 {
    super::USAGE
}
