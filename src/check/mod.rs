//! The checker: evidence-based rules over the expanded plan.
//!
//! Each rule (one file in `rules/`) is a function from the plan, some
//! shared facts about it and its parameters to findings, which it pushes
//! into a [`Findings`](finding::Findings) that merges repeats as they
//! come (so a finding repeated every week is kept once). Levels,
//! profiles, parameters and suppressions are resolved here, once, around
//! them: a rule never knows how loudly it will be reported, or whether.
//!
//! ```no_run
//! let source = std::fs::read_to_string("plan.stride").unwrap();
//! let compiled = stride::compile(&source);
//! let options = stride::check::Options::for_plan("plan.stride", Default::default()).unwrap();
//! let findings = stride::check::check(&compiled, &options);
//! ```

pub(crate) mod config;
pub(crate) mod facts;
mod finding;
mod params;
pub(crate) mod registry;
mod rules;
pub(crate) mod suppress;

use crate::Compiled;
use crate::diagnostic::{self, Diagnostic};
use crate::plan::Plan;

pub use config::{Config, ConfigError, Overrides, Settings};
pub use registry::{Level, Registry};

use facts::Facts;
use finding::{Findings, Merged};
use params::Params;

/// What a rule sees.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub facts: &'a Facts<'a>,
    pub params: &'a Params,
}

/// How to check: the configuration file that applies and the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub config: Option<Config>,
    pub overrides: Overrides,
}

impl Options {
    /// Options for the plan at `path` (`-` for standard input): finds the
    /// nearest `stride.yaml` and validates the command-line overrides.
    pub fn for_plan(path: &str, overrides: Overrides) -> Result<Options, ConfigError> {
        let registry = Registry::builtin();
        overrides.validate(registry)?;
        let config = config::discover(&config::dir_of(path), registry)?;
        Ok(Options { config, overrides })
    }
}

/// Checks a compiled plan. Returns only the checker's diagnostics (the
/// compiler's are in `compiled.diagnostics`); nothing when the plan did not
/// compile.
pub fn check(compiled: &Compiled, options: &Options) -> Vec<Diagnostic> {
    match &compiled.plan {
        Some(plan) => check_plan(plan, options),
        None => Vec::new(),
    }
}

/// The settings (levels, parameters, profiles) a plan is checked with.
pub fn settings(plan: Option<&Plan>, options: &Options) -> (Settings, Vec<Diagnostic>) {
    config::resolve(
        Registry::builtin(),
        plan.map(|p| p.athlete.level),
        options.config.as_ref(),
        plan.map_or(&[][..], |p| &p.rule_settings),
        &options.overrides,
    )
}

/// Checks an expanded plan.
///
/// What is kept at once is held down: each rule's findings are merged as
/// they come, the facts and settings are dropped before the findings
/// become diagnostics, and the diagnostics are put in one vector of the
/// right size and sorted in place.
pub fn check_plan(plan: &Plan, options: &Options) -> Vec<Diagnostic> {
    let registry = Registry::builtin();
    let (settings, mut early) = settings(Some(plan), options);
    let facts = Facts::new(plan);
    let (mut suppressor, unknown) = suppress::Suppressor::new(&plan.suppressions, registry);
    early.extend(unknown);
    let mut merged: Vec<Merged> = Vec::with_capacity(rules::ALL.len() + 1);
    for rule in rules::ALL {
        let name = rule.name;
        let Some(doc) = registry.get(name) else {
            continue;
        };
        let context = Context {
            plan,
            facts: &facts,
            params: settings.params(name),
        };
        let pinned = settings.pinned.contains(name);
        // Every rule runs, even an allowed one, so that a comment allowing
        // it counts as used where it would fire.
        let mut findings = Findings::default();
        if let Err(e) = (rule.run)(&context, &mut findings) {
            // The registry read every rule's defaults and allowed words into
            // its type when it loaded, and settings keep each parameter's
            // kind: this is a build that skipped its tests.
            early.push(Diagnostic::error(
                crate::error_code::ErrorCode::InvalidParameter,
                format!("rule `{name}` cannot read its parameters: {e}"),
            ));
            continue;
        }
        findings.retain(|span| !suppressor.suppresses(name, span) || pinned);
        let found = findings.finish(doc, settings.level(name));
        if !found.is_empty() {
            merged.push(found);
        }
    }
    drop(facts);
    if let Some(doc) = registry.get(suppress::UNUSED) {
        let level = settings.level(suppress::UNUSED);
        merged.push(suppressor.unused().finish(doc, level));
    }
    drop(suppressor);
    drop(settings);
    let total = early.len() + merged.iter().map(Merged::len).sum::<usize>();
    let mut diags = Vec::with_capacity(total);
    diags.append(&mut early);
    drop(early);
    for found in merged {
        found.into_diagnostics(&mut diags);
    }
    diagnostic::sort(&mut diags);
    diags
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::time::{Duration, Instant};

    use super::*;
    use crate::generate::{self, Shape};

    /// The large generated plan over `weeks`, busier: a race every four
    /// weeks, spacing constraints, a whole-day session and an `allow`
    /// comment on every session, so that every part of the checker that
    /// grows with the plan has work to do.
    fn busy_plan(weeks: u32) -> String {
        let text = generate::plan(&Shape {
            weeks,
            ..Shape::large()
        });
        let start = jiff::civil::date(2027, 1, 4);
        let mut out = String::new();
        for line in text.lines() {
            let mut line = line.to_string();
            if line.contains("session \"Session 2\"") {
                line = line.replace(" 18:00 50min {", " {");
            }
            if line.trim_start().starts_with("session ") {
                line.push_str(" # stride: allow(schedule.profile) -- busy");
            }
            out.push_str(&line);
            out.push('\n');
            if line.starts_with("start ") {
                for week in (3..weeks).step_by(4) {
                    let day = start
                        .checked_add(jiff::Span::new().days(i64::from(week) * 7 + 6))
                        .unwrap();
                    let _ = writeln!(out, "race \"Race {week}\" {day} 09:00");
                }
                out.push_str(
                    "spacing {\n  at least 3h between strength and run\n  \
                     at least 24h after lower before hard-run\n  \
                     at least 48h between lower and lower\n}\n",
                );
            }
        }
        out
    }

    /// The fastest of `runs` calls of `work`, its result dropped untimed.
    fn fastest<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let result = std::hint::black_box(work());
                let time = start.elapsed();
                drop(result);
                time
            })
            .min()
            .unwrap()
    }

    /// How long each step of checking takes: the facts, each rule,
    /// answering whether comments allow the findings, and the whole check
    /// (merging and sorting included).
    fn step_times(compiled: &Compiled, runs: usize) -> Vec<(&'static str, Duration)> {
        let plan = compiled.plan.as_ref().unwrap();
        let options = Options::default();
        let (settings, _) = settings(Some(plan), &options);
        let registry = Registry::builtin();
        let mut times = vec![("facts", fastest(runs, || Facts::new(plan)))];
        let facts = Facts::new(plan);
        let mut found = Vec::new();
        for rule in rules::ALL {
            let name = rule.name;
            let context = Context {
                plan,
                facts: &facts,
                params: settings.params(name),
            };
            let run = || {
                let mut findings = Findings::default();
                (rule.run)(&context, &mut findings).unwrap();
                findings
            };
            times.push((name, fastest(runs, run)));
            found.extend(run().spans().map(|span| (name, span)));
        }
        let suppress = fastest(runs, || {
            let (mut suppressor, _) = suppress::Suppressor::new(&plan.suppressions, registry);
            found
                .iter()
                .filter(|(rule, span)| suppressor.suppresses(rule, *span))
                .count()
        });
        times.push(("suppression", suppress));
        times.push(("check", fastest(runs, || check(compiled, &options))));
        times
    }

    /// Twenty times the weeks cost twenty to forty times the time, step by
    /// step (caches fill up); a step quadratic in sessions, runs, races,
    /// comments or findings costs hundreds of times as much. The bound is
    /// loose, with a margin for steps that have almost nothing to do in the
    /// short plan, so that a loaded machine does not fail it: it catches a
    /// step gone quadratic, not a few percent.
    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "times the checker: run with `cargo test --release`"
    )]
    fn checking_time_grows_linearly_with_plan_length() {
        let small = crate::compile(&busy_plan(26));
        let big = crate::compile(&busy_plan(520));
        for compiled in [&small, &big] {
            assert!(compiled.plan.is_some() && !compiled.has_errors());
        }
        let options = Options::default();
        assert!(check(&big, &options).len() > 10 * check(&small, &options).len());
        let small_times = step_times(&small, 30);
        let big_times = step_times(&big, 5);
        for ((step, small), (_, big)) in small_times.iter().zip(&big_times) {
            let ratio = big.as_secs_f64() / small.as_secs_f64().max(1e-9);
            println!("{step:<36} {small:>12.2?} {big:>12.2?} {ratio:>6.1}x");
            let bound = *small * 60 + Duration::from_millis(2);
            assert!(
                *big < bound,
                "{step}: 520 weeks took {big:?}, 26 weeks {small:?} (at most {bound:?} expected)"
            );
        }
    }
}
