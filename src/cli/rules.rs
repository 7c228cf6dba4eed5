//! `stride rules`: every rule with its level and summary.

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::check::config::{self, Overrides};
use crate::check::{Level, Options, Registry};

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Instead of the rules: how the exercise catalogue maps to Garmin FIT
    /// exercises (`stride build --to fit`), listing the approximate ones.
    #[arg(long)]
    pub fit: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    category: &'a str,
    /// The level in force here: the default, or the nearest stride.yaml's.
    level: Level,
    default_level: Level,
    summary: &'a str,
}

pub fn run(args: RulesArgs) -> u8 {
    if args.fit {
        return fit(args.format);
    }
    let registry = Registry::builtin();
    // Levels as the stride.yaml of the current directory sets them.
    let options = match Options::for_plan("-", Overrides::default()) {
        Ok(options) => options,
        Err(err) => {
            errln!("error: {err}");
            return super::USAGE;
        }
    };
    let (settings, _) = crate::check::settings(None, &options);
    let rows: Vec<Row<'_>> = registry
        .rules()
        .iter()
        .map(|r| Row {
            name: &r.name,
            category: &r.category,
            level: settings.level(&r.name),
            default_level: r.level,
            summary: &r.summary,
        })
        .collect();
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&rows) {
            Ok(text) => outln!("{text}"),
            Err(err) => {
                errln!("error: {err}");
                return super::USAGE;
            }
        },
        Format::Text => {
            out!("{}", table(&rows));
            if let Some(config) = &options.config {
                outln!("\nlevels as set in {}", config.path);
            }
            outln!(
                "\n`stride explain RULE` shows why a rule exists and the papers it rests on. Set levels\n(allow, warn, deny) in {}, in a plan's `rules {{ }}` block or with --allow/--warn/--deny.",
                config::FILE_NAME
            );
        }
    }
    super::SUCCESS
}

fn table(rows: &[Row<'_>]) -> String {
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for row in rows {
        out.push_str(&format!(
            "{:width$}  {:5}  {}\n",
            row.name,
            row.level.keyword(),
            row.summary
        ));
    }
    out
}

/// `stride rules --fit`: every exercise's FIT category and name.
fn fit(format: Format) -> u8 {
    let catalogue = crate::catalogue::Catalogue::builtin();
    match format {
        Format::Text => out!("{}", crate::fit_exercise::mapping_report(catalogue)),
        Format::Json => {
            let rows: Vec<serde_json::Value> = catalogue
                .iter()
                .map(|e| {
                    let fit = e.fit.as_ref();
                    serde_json::json!({
                        "exercise": e.id,
                        "category": fit.map(|f| f.category.as_str()),
                        "name": fit.and_then(|f| f.name.as_deref()),
                        "exact": fit.is_some_and(|f| f.is_exact()),
                    })
                })
                .collect();
            match serde_json::to_string_pretty(&rows) {
                Ok(text) => outln!("{text}"),
                Err(err) => {
                    errln!("error: {err}");
                    return super::USAGE;
                }
            }
        }
    }
    super::SUCCESS
}
