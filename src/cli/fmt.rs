use clap::Args;

#[derive(Debug, Args)]
pub struct FmtArgs {}

pub fn run(_args: FmtArgs) -> u8 {
    super::USAGE
}
