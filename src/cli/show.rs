use clap::Args;

#[derive(Debug, Args)]
pub struct ShowArgs {}

pub fn run(_args: ShowArgs) -> u8 {
    super::USAGE
}
