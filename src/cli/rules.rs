use clap::Args;

#[derive(Debug, Args)]
pub struct RulesArgs {}

pub fn run(_args: RulesArgs) -> u8 {
    super::USAGE
}
