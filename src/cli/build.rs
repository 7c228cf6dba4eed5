use clap::Args;

#[derive(Debug, Args)]
pub struct BuildArgs {}

pub fn run(_args: BuildArgs) -> u8 {
    super::USAGE
}
