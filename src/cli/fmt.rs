//! `stride fmt`: rewrite plans in the canonical layout.

use std::path::{Path, PathBuf};

use clap::Args;

use super::input::{self, Source};

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
        match files(Path::new(path)) {
            Ok(found) => {
                for file in found {
                    outcomes.push(one_file(&file, &args));
                }
            }
            Err(message) => {
                input::to_stderr(&format!("error: {message}\n"));
                outcomes.push(Outcome::Failed);
            }
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
/// directory (honouring `.gitignore`), sorted.
fn files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    for entry in ignore::WalkBuilder::new(path).build() {
        let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        if is_file && entry.path().extension().is_some_and(|e| e == "stride") {
            out.push(entry.into_path());
        }
    }
    out.sort();
    Ok(out)
}

fn stdin(args: &FmtArgs) -> Outcome {
    let source = match input::read("-") {
        Ok(source) => source,
        Err(message) => {
            input::to_stderr(&format!("error: {message}\n"));
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
            input::to_stderr("would reformat <stdin>\n");
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
            input::to_stderr(&format!("error: {message}\n"));
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
        input::to_stderr(&format!("would reformat {name}\n"));
    } else if let Err(e) = super::output::write_atomic(path, formatted.as_bytes()) {
        input::to_stderr(&format!("error: {name}: cannot write: {e}\n"));
        return Outcome::Failed;
    }
    Outcome::Changed
}

/// Writes to standard output; a reader that went away (`| head`) ends the
/// run as a failure, not a crash.
fn to_stdout(text: &str) -> Result<(), Outcome> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Outcome::Failed),
        Err(e) => {
            input::to_stderr(&format!("error: cannot write to standard output: {e}\n"));
            Err(Outcome::Failed)
        }
    }
}

/// The formatted text, or `None` after printing why there is none.
fn format(source: &Source) -> Option<String> {
    match crate::fmt::format(&source.text) {
        Ok(text) => Some(text),
        Err(diagnostics) => {
            input::to_stderr(&input::render_for_terminal(&diagnostics, source));
            input::to_stderr(&format!("error: {}: not formatted\n", source.name));
            None
        }
    }
}
