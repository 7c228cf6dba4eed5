//! `stride lsp`: the language server over standard input and output.

use clap::Args;

/// Run the language server over standard input and output.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted
    /// because editors' clients pass it).
    #[arg(long)]
    stdio: bool,
}

pub fn run(args: LspArgs) -> u8 {
    let _ = args.stdio;
    match crate::lsp::run_stdio() {
        Ok(true) => super::SUCCESS,
        Ok(false) => super::FAILURE,
        Err(message) => {
            errln!("error: stride lsp: {message}");
            super::USAGE
        }
    }
}
