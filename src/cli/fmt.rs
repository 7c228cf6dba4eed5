//! `stride fmt`: rewrite plans in the canonical layout.

use std::path::{Path, PathBuf};

use clap::Args;

use super::input::{self, Source};
use super::sink::Sink;
use super::{terminal, walk};

/// Format plans in place; with no path, standard input to standard output.
#[derive(Debug, Args)]
#[command(
    after_help = "Files are rewritten only when they change. With no PATH (or `-`), \
    the plan on standard input is written formatted to standard output; a plan with syntax \
    errors is left as it is and its errors reported.\n\n\
    Exit codes: 0 done (or nothing to change), 1 a file would change (--check, --diff) or has \
    syntax errors, 2 usage or I/O problem."
)]
pub struct FmtArgs {
    /// Plan files or directories (searched for *.stride); `-` is standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Write nothing; list the files that would change and exit 1 if any would.
    #[arg(long)]
    check: bool,
    /// Write nothing; print what would change as a unified diff and exit 1 if
    /// anything would.
    #[arg(long)]
    diff: bool,
}

/// What happened to one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Unchanged,
    Changed,
    /// Syntax errors: left as it was, errors printed.
    Invalid,
    /// Could not be read or written.
    Failed,
}

pub fn run(args: FmtArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec!["-".to_owned()]
    } else {
        args.paths.clone()
    };
    let mut outcomes = Vec::new();
    for path in &paths {
        if path == "-" {
            outcomes.push(stdin(&args));
            continue;
        }
        for file in files(Path::new(path), &mut outcomes) {
            outcomes.push(one_file(&file, &args));
        }
    }
    if outcomes.contains(&Outcome::Failed) {
        super::USAGE
    } else if outcomes.contains(&Outcome::Invalid)
        || ((args.check || args.diff) && outcomes.contains(&Outcome::Changed))
    {
        super::FAILURE
    } else {
        super::SUCCESS
    }
}

/// The plan files `path` names: itself, or the `*.stride` files under a
/// directory, sorted; the errors met walking it are printed and make the
/// run fail.
fn files(path: &Path, outcomes: &mut Vec<Outcome>) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let found = walk::plans(path);
    for error in &found.errors {
        errln!("error: {error}");
        outcomes.push(Outcome::Failed);
    }
    found.files
}

fn stdin(args: &FmtArgs) -> Outcome {
    let source = match input::read("-") {
        Ok(source) => source,
        Err(message) => {
            errln!("error: {message}");
            return Outcome::Failed;
        }
    };
    let Some(formatted) = format(&source) else {
        // Left untouched: a pipe gets its text back as it was.
        return match to_stdout(&source.text) {
            Ok(()) => Outcome::Invalid,
            Err(outcome) => outcome,
        };
    };
    let changed = formatted != source.text;
    let written = if args.diff {
        let diff =
            crate::fmt::unified_diff(&source.text, &formatted, "<stdin>", "<stdin> (formatted)");
        to_stdout(&diff)
    } else if args.check {
        if changed {
            errln!("would reformat <stdin>");
        }
        Ok(())
    } else {
        to_stdout(&formatted)
    };
    if let Err(outcome) = written {
        return outcome;
    }
    if changed {
        Outcome::Changed
    } else {
        Outcome::Unchanged
    }
}

fn one_file(path: &Path, args: &FmtArgs) -> Outcome {
    let name = path.display().to_string();
    let source = match input::read(&name) {
        Ok(source) => source,
        Err(message) => {
            errln!("error: {message}");
            return Outcome::Failed;
        }
    };
    let Some(formatted) = format(&source) else {
        return Outcome::Invalid;
    };
    if formatted == source.text {
        return Outcome::Unchanged;
    }
    if args.diff {
        let new = format!("{name} (formatted)");
        let diff = crate::fmt::unified_diff(&source.text, &formatted, &name, &new);
        if let Err(outcome) = to_stdout(&diff) {
            return outcome;
        }
    } else if args.check {
        errln!("would reformat {name}");
    } else if let Err(e) = super::output::write_atomic(path, formatted.as_bytes()) {
        errln!("error: {name}: cannot write: {e}");
        return Outcome::Failed;
    }
    Outcome::Changed
}

/// Writes to standard output; a failure to write (other than a reader
/// that went away) fails the run.
fn to_stdout(text: &str) -> Result<(), Outcome> {
    Sink::stdout().write(text).map_err(|e| {
        errln!("error: cannot write to standard output: {e}");
        Outcome::Failed
    })
}

/// The formatted text, or `None` after printing why there is none.
fn format(source: &Source) -> Option<String> {
    match crate::fmt::format(&source.text) {
        Ok(text) => Some(text),
        Err(diagnostics) => {
            Sink::stderr().text(&terminal::render(&diagnostics, source));
            errln!("error: {}: not formatted", source.name);
            None
        }
    }
}
