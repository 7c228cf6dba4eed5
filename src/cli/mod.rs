//! The command-line interface: argument parsing and exit codes.
//!
//! Each subcommand lives in its own file with its clap `Args` and a `run`
//! function returning the process exit code; `main.rs` only calls [`main`].

/// `print!` and friends panic when the other end of a pipe has gone
/// (`stride check | head`); these write through [`sink::Sink`], which ends
/// the output quietly instead.
macro_rules! out {
    ($($arg:tt)*) => {
        crate::cli::sink::Sink::stdout().text(&format!($($arg)*))
    };
}
macro_rules! outln {
    ($($arg:tt)*) => {
        crate::cli::sink::Sink::stdout().line(&format!($($arg)*))
    };
}
macro_rules! errln {
    ($($arg:tt)*) => {
        crate::cli::sink::Sink::stderr().line(&format!($($arg)*))
    };
}

mod build;
mod build_fit;
mod check;
mod explain;
mod fmt;
mod input;
mod lsp;
mod output;
mod rules;
mod serve;
mod serve_feed;
mod serve_http;
mod show;
mod sink;
mod terminal;
mod walk;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: no errors.
pub const SUCCESS: u8 = 0;
/// Exit code: the plan has errors (or warnings that were denied).
pub const FAILURE: u8 = 1;
/// Exit code: usage, configuration or I/O problem.
pub const USAGE: u8 = 2;

/// Compile, check and export strength-training plans for runners.
#[derive(Debug, Parser)]
#[command(name = "stride", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check plans for errors and evidence-based warnings.
    Check(check::CheckArgs),
    /// Compile a plan to JSON, Markdown or iCalendar.
    Build(build::BuildArgs),
    /// Print the expanded weeks of a plan as a table.
    Show(show::ShowArgs),
    /// List every rule of the checker with its level and summary.
    Rules(rules::RulesArgs),
    /// Explain a rule: rationale, parameters, evidence and examples.
    Explain(explain::ExplainArgs),
    /// Format plans in the canonical layout.
    Fmt(fmt::FmtArgs),
    /// Run the language server over standard input and output.
    Lsp(lsp::LspArgs),
    /// Serve plans over HTTP as calendars to subscribe to, kept up to date.
    Serve(serve::ServeArgs),
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    main_with(std::env::args_os())
}

/// [`main`] with the given arguments, the program's name first.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { USAGE } else { SUCCESS };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Show(args) => show::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Serve(args) => serve::run(args),
    };
    ExitCode::from(code)
}
