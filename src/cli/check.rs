//! `stride check FILE...`: compile each plan, run the rules, render the
//! diagnostics to stderr and end with a summary line.

use std::io::IsTerminal;

use clap::Args;

use super::input;
use crate::check::{Level, Options, Overrides, Registry};
use crate::diagnostic::{self, Severity};
use crate::render::{self, Style};

#[derive(Debug, Args)]
#[command(
    after_help = "Levels rise in precedence from each rule's default, through the nearest \
stride.yaml, the plan's `rules { }` block and `# stride: allow(RULE)` comments, to these flags. \
A named rule beats `all`; for the same rule, --deny beats --warn beats --allow."
)]
pub struct CheckArgs {
    /// Plan files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Do not report RULE (or `all`).
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<String>,
    /// Report RULE (or `all`) as a warning.
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<String>,
    /// Report RULE (or `all`) as an error, which fails the run.
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<String>,
    /// Choose a profile where the evidence conflicts: heavy, moderate,
    /// recovery-24h, recovery-48h, consolidated, distributed.
    #[arg(long, value_name = "NAME")]
    pub profile: Vec<String>,
}

impl CheckArgs {
    /// The levels and profiles the flags set.
    pub fn overrides(&self) -> Overrides {
        let mut levels = Vec::new();
        for (names, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            levels.extend(names.iter().map(|n| (n.clone(), level)));
        }
        Overrides {
            levels,
            profiles: self.profile.clone(),
        }
    }
}

/// The style for diagnostics on stderr: colour only on a terminal and
/// without `NO_COLOR`.
pub fn stderr_style() -> Style {
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(Style::PLAIN.width);
    Style {
        color,
        unicode: true,
        width,
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let overrides = args.overrides();
    if let Err(err) = overrides.validate(Registry::builtin()) {
        eprintln!("error: {err}");
        return super::USAGE;
    }
    let style = stderr_style();
    let mut problem = false;
    let (mut errors, mut warnings, mut infos, mut files) = (0usize, 0usize, 0usize, 0usize);
    for path in &args.files {
        let source = match input::read(path) {
            Ok(source) => source,
            Err(message) => {
                eprintln!("error: {message}");
                problem = true;
                continue;
            }
        };
        let options = match Options::for_plan(path, overrides.clone()) {
            Ok(options) => options,
            Err(err) => {
                eprintln!("error: {err}");
                problem = true;
                continue;
            }
        };
        files += 1;
        let compiled = crate::compile(&source.text);
        let mut diags = compiled.diagnostics.clone();
        diags.extend(crate::check::check(&compiled, &options));
        diagnostic::sort(&mut diags);
        for d in &diags {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Advice => infos += 1,
            }
        }
        eprint!(
            "{}",
            render::human(&diags, &source.name, &source.text, style)
        );
    }
    // With no file read, the error lines above say everything.
    if files > 0 {
        eprintln!("{}", summary(errors, warnings, infos, files));
    }
    if problem {
        super::USAGE
    } else if errors > 0 {
        super::FAILURE
    } else {
        super::SUCCESS
    }
}

/// `2 errors, 3 warnings in 1 file`, with notes when there are any.
pub fn summary(errors: usize, warnings: usize, infos: usize, files: usize) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = format!(
        "{}, {}",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings")
    );
    if infos > 0 {
        text.push_str(&format!(", {}", count(infos, "note", "notes")));
    }
    text.push_str(&format!(" in {}", count(files, "file", "files")));
    text
}
