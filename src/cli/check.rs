//! `stride check PATH...`: find the plans, compile and check them in
//! parallel, print the diagnostics in the chosen format (sorted by path,
//! then position) and end with a summary line on stderr.
//!
//! Human output goes to stderr, like the compiler's diagnostics of every
//! other command; the machine formats go to stdout (or `-o FILE`), so that
//! `stride check --format json plans | jq` sees nothing else.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use rayon::prelude::*;

use super::sink::Sink;
use super::{input, terminal, walk};
use crate::check::config::{self, Config, ConfigError};
use crate::check::{Level, Options, Overrides, Registry};
use crate::render::{self, Style};
use crate::report::{CheckedFile, Format, Summary};

/// The environment variable that sets the default `--format`.
pub const FORMAT_ENV: &str = "STRIDE_FORMAT";

#[derive(Debug, Args)]
#[command(
    after_help = "Levels rise in precedence from each rule's default, through the nearest \
stride.yaml, the plan's `rules { }` block and `# stride: allow(RULE)` comments, to these flags. \
A named rule beats `all`; for the same rule, --deny beats --warn beats --allow.

Exit codes: 0 no errors; 1 errors (or warnings with --deny warnings or more than \
--max-warnings); 2 usage, configuration or I/O problems. --exit-zero turns 1 into 0."
)]
pub struct CheckArgs {
    /// Plan files and directories (searched for `*.stride`, respecting
    /// .gitignore); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// The name to report standard input under (and to find its
    /// stride.yaml from).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Do not report RULE (or `all`).
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<String>,
    /// Report RULE (or `all`) as a warning.
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<String>,
    /// Report RULE (or `all`) as an error, which fails the run;
    /// `--deny warnings` fails the run on any warning.
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<String>,
    /// Choose a profile where the evidence conflicts: heavy, moderate,
    /// recovery-24h, recovery-48h, consolidated, distributed.
    #[arg(long, value_name = "NAME")]
    pub profile: Vec<String>,
    /// Output format: human, concise, json, sarif, github or junit
    /// [default: $STRIDE_FORMAT, else human].
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// Write the diagnostics to FILE instead of the terminal.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Exit 0 even when there are errors (usage and I/O problems still
    /// exit 2).
    #[arg(long)]
    pub exit_zero: bool,
}

fn parse_format(word: &str) -> Result<Format, String> {
    word.parse()
}

impl CheckArgs {
    /// The levels and profiles the flags set (`--deny warnings` is not a
    /// rule and is left out).
    pub fn overrides(&self) -> Overrides {
        let mut levels = Vec::new();
        for (names, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            levels.extend(
                names
                    .iter()
                    .filter(|n| !(level == Level::Deny && n.as_str() == DENY_WARNINGS))
                    .map(|n| (n.clone(), level)),
            );
        }
        Overrides {
            levels,
            profiles: self.profile.clone(),
        }
    }

    fn deny_warnings(&self) -> bool {
        self.deny.iter().any(|n| n == DENY_WARNINGS)
    }
}

const DENY_WARNINGS: &str = "warnings";

/// A plan to check.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Input {
    File(String),
    Stdin,
}

impl Input {
    fn name<'a>(&'a self, stdin_name: &'a str) -> &'a str {
        match self {
            Input::File(path) => path,
            Input::Stdin => stdin_name,
        }
    }
}

/// A part of the human report: text made already, or the diagnostics
/// of `files[i]`, to be rendered as they are written.
enum Piece {
    Text(String),
    File(usize),
}

/// What became of one input: its diagnostics, or why it could not be
/// checked.
struct Outcome {
    result: Result<CheckedFile, String>,
    /// The human rendering, made in parallel with the checking, a piece
    /// per diagnostic.
    human: Option<Vec<String>>,
}

/// Every checked file, and the human report's pieces in order.
#[derive(Default)]
struct Report {
    files: Vec<CheckedFile>,
    pieces: Vec<Piece>,
}

pub fn run(args: CheckArgs) -> u8 {
    let mut stderr = Sink::stderr();
    let overrides = args.overrides();
    if let Err(err) = overrides.validate(Registry::builtin()) {
        stderr.line(&format!("error: {err}"));
        return super::USAGE;
    }
    let format = match format(&args) {
        Ok(format) => format,
        Err(message) => {
            stderr.line(&format!("error: {message}"));
            return super::USAGE;
        }
    };
    let (inputs, mut problems) = collect(&args.paths, args.stdin_filename.as_deref());
    let style = match &args.output {
        Some(_) => Style::PLAIN,
        None => terminal::stderr_style(),
    };
    let human = format == Format::Human;
    let outcomes = check_all(
        &args,
        &inputs,
        &overrides,
        (human && inputs.len() > 1).then_some(style),
    );
    let report = gather(
        outcomes,
        human && args.output.is_none(),
        &mut problems,
        &mut stderr,
    );
    if let Err(message) = write(&args, format, style, &report) {
        stderr.line(&format!("error: {message}"));
        problems += 1;
    }

    let summary = Summary::of(&report.files);
    // With no file read, the error lines above say everything.
    if summary.files > 0 {
        stderr.line(&summary.to_string());
    }
    let too_many = too_many_warnings(&args, summary.warnings);
    if let Some(reason) = &too_many
        && !args.exit_zero
    {
        stderr.line(&format!("error: {reason}"));
    }
    let failed = summary.errors > 0 || too_many.is_some();
    if problems > 0 {
        super::USAGE
    } else if failed && !args.exit_zero {
        super::FAILURE
    } else {
        super::SUCCESS
    }
}

/// Why the warnings alone fail the run, if they do: `--deny warnings`
/// with any warning, or more than `--max-warnings N`.
fn too_many_warnings(args: &CheckArgs, warnings: usize) -> Option<String> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if args.deny_warnings() && warnings > 0 {
        return Some(format!(
            "{warnings} warning{} and --deny warnings is set",
            plural(warnings)
        ));
    }
    let max = args.max_warnings?;
    (warnings > max).then(|| {
        format!(
            "{warnings} warning{}, more than --max-warnings {max} allows",
            plural(warnings)
        )
    })
}

/// The output format: `--format`, else `$STRIDE_FORMAT`, else human.
fn format(args: &CheckArgs) -> Result<Format, String> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    match std::env::var(FORMAT_ENV) {
        Ok(word) if !word.is_empty() => word
            .parse()
            .map_err(|message| format!("{FORMAT_ENV}: {message}")),
        _ => Ok(Format::Human),
    }
}

/// Reads, compiles and checks every input, in parallel when there are
/// several; with `render`, each is rendered for the terminal as well.
fn check_all(
    args: &CheckArgs,
    inputs: &[Input],
    overrides: &Overrides,
    render: Option<Style>,
) -> Vec<Outcome> {
    let stdin = inputs.contains(&Input::Stdin).then(|| {
        let mut source = input::read("-");
        if let (Ok(source), Some(name)) = (&mut source, &args.stdin_filename) {
            source.name = name.clone();
        }
        source
    });
    let stdin_config = args.stdin_filename.as_deref().unwrap_or("-");
    let configs = configs(inputs, args.stdin_filename.as_deref());
    let job = |input: &Input| {
        let (source, config) = match input {
            Input::File(path) => (input::read(path), configs.get(&config_dir(path))),
            Input::Stdin => (
                stdin
                    .clone()
                    .unwrap_or_else(|| Err("standard input".into())),
                configs.get(&config_dir(stdin_config)),
            ),
        };
        check_one(source, config, overrides, render)
    };
    // One plan is not worth waking a thread pool for.
    if inputs.len() > 1 {
        inputs.par_iter().map(job).collect()
    } else {
        inputs.iter().map(job).collect()
    }
}

/// The checked files and the human report's pieces. An input that could
/// not be checked is a problem: its error line takes its file's place in
/// the human report on the terminal (`inline_errors`), else goes to stderr.
fn gather(
    outcomes: Vec<Outcome>,
    inline_errors: bool,
    problems: &mut usize,
    stderr: &mut Sink,
) -> Report {
    let mut report = Report::default();
    for outcome in outcomes {
        match outcome.result {
            Ok(file) => {
                match outcome.human {
                    Some(parts) => report.pieces.extend(parts.into_iter().map(Piece::Text)),
                    None => report.pieces.push(Piece::File(report.files.len())),
                }
                report.files.push(file);
            }
            Err(message) => {
                if inline_errors {
                    report
                        .pieces
                        .push(Piece::Text(format!("error: {message}\n")));
                } else {
                    stderr.line(&format!("error: {message}"));
                }
                *problems += 1;
            }
        }
    }
    report
}

/// Writes the report where `-o` says, else the human format to stderr and
/// the others to stdout. The human report is written a piece at a time:
/// for a plan that draws hundreds of findings it is ten times the plan's
/// size.
fn write(args: &CheckArgs, format: Format, style: Style, report: &Report) -> Result<(), String> {
    let files = &report.files;
    let write = |out: &mut dyn Write| -> io::Result<()> {
        if let Some(written) = format.write(files, out) {
            return written;
        }
        for piece in &report.pieces {
            match piece {
                Piece::Text(text) => out.write_all(text.as_bytes())?,
                Piece::File(i) => {
                    let Some(file) = files.get(*i) else { continue };
                    let mut written = Ok(());
                    render::human_each(&file.diagnostics, &file.name, &file.text, style, |p| {
                        if written.is_ok() {
                            written = out.write_all(p.as_bytes());
                        }
                    });
                    written?;
                }
            }
        }
        Ok(())
    };
    match (&args.output, format == Format::Human) {
        (Some(path), _) => super::output::write_atomic_with(path, write)
            .map_err(|e| format!("{}: {e}", path.display())),
        (None, true) => {
            let _ = Sink::stderr().write_with(write);
            Ok(())
        }
        (None, false) => Sink::stdout()
            .write_with(write)
            .map_err(|e| format!("cannot write to standard output: {e}")),
    }
}

/// Compiles and checks one plan.
fn check_one(
    source: Result<input::Source, String>,
    config: Option<&Result<Option<Config>, ConfigError>>,
    overrides: &Overrides,
    human: Option<Style>,
) -> Outcome {
    let failed = |message: String| Outcome {
        result: Err(message),
        human: None,
    };
    let source = match source {
        Ok(source) => source,
        Err(message) => return failed(message),
    };
    let config = match config {
        Some(Ok(config)) => config.clone(),
        Some(Err(err)) => return failed(err.to_string()),
        None => None,
    };
    let options = Options {
        config,
        overrides: overrides.clone(),
    };
    let analysis = crate::analyze(&source.text, &options.into());
    // The plan is not needed past here: drop it before rendering.
    let crate::Analysis { diagnostics, .. } = analysis;
    let human =
        human.map(|style| render::human_parts(&diagnostics, &source.name, &source.text, style));
    Outcome {
        result: Ok(CheckedFile {
            name: source.name,
            text: source.text,
            diagnostics,
        }),
        human,
    }
}

/// The plans the arguments name, without duplicates and sorted by the
/// name they are shown under (standard input takes its place among the
/// files by its name), and how many arguments named nothing usable
/// (reported on stderr).
fn collect(paths: &[String], stdin_name: Option<&str>) -> (Vec<Input>, usize) {
    let mut stderr = Sink::stderr();
    let mut inputs = Vec::new();
    let mut problems = 0;
    for path in paths {
        if path == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if !Path::new(path).is_dir() {
            // Named explicitly: checked whatever its extension; a missing
            // file is reported when it is read.
            inputs.push(Input::File(path.clone()));
            continue;
        }
        let found = walk::plans(Path::new(path));
        for error in &found.errors {
            stderr.line(&format!("error: {error}"));
            problems += 1;
        }
        if found.files.is_empty() {
            stderr.line(&format!("error: {path}: is a directory, not a plan file"));
            problems += 1;
        }
        // `stride check .` shows `plans/a.stride`, not `./plans/a.stride`.
        inputs.extend(found.files.iter().map(|file| {
            let file = file.strip_prefix("./").unwrap_or(file);
            Input::File(file.display().to_string())
        }));
    }
    inputs.sort();
    inputs.dedup();
    let stdin_name = stdin_name.unwrap_or("<stdin>");
    inputs.sort_by(|a, b| a.name(stdin_name).cmp(b.name(stdin_name)));
    (inputs, problems)
}

/// The directory whose stride.yaml applies to a plan.
fn config_dir(path: &str) -> PathBuf {
    config::dir_of(path)
}

/// The configuration of every directory holding an input, each found and
/// read once however many plans share it.
fn configs(
    inputs: &[Input],
    stdin_name: Option<&str>,
) -> BTreeMap<PathBuf, Result<Option<Config>, ConfigError>> {
    let registry = Registry::builtin();
    let mut out = BTreeMap::new();
    for input in inputs {
        let path = match input {
            Input::File(path) => path.as_str(),
            Input::Stdin => stdin_name.unwrap_or("-"),
        };
        let dir = config_dir(path);
        out.entry(dir)
            .or_insert_with_key(|dir| config::discover(dir, registry));
    }
    out
}
