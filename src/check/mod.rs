//! The checker: evidence-based rules over the expanded plan.
//!
//! Each rule (one file in `rules/`) is a pure function from the plan, some
//! shared facts about it and its parameters to a list of findings. Levels,
//! profiles, parameters and suppressions are resolved here, once, around
//! them: a rule never knows how loudly it will be reported, or whether.
//!
//! ```no_run
//! let source = std::fs::read_to_string("plan.stride").unwrap();
//! let compiled = stride::compile(&source);
//! let options = stride::check::Options::for_plan("plan.stride", Default::default()).unwrap();
//! let findings = stride::check::check(&compiled, &options);
//! ```

pub mod config;
pub mod facts;
pub mod finding;
pub mod params;
pub mod registry;
pub mod rules;
pub mod suppress;

use crate::Compiled;
use crate::diagnostic::{self, Diagnostic};
use crate::plan::Plan;

pub use config::{Config, ConfigError, Overrides, Settings};
pub use registry::{Level, Registry};

use facts::Facts;
use finding::Finding;
use params::Params;

/// What a rule sees.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub facts: &'a Facts<'a>,
    pub params: &'a Params,
}

/// A rule: findings from a plan.
pub type RuleFn = fn(&Context<'_>) -> Vec<Finding>;

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
pub fn check_plan(plan: &Plan, options: &Options) -> Vec<Diagnostic> {
    let registry = Registry::builtin();
    let (settings, mut diags) = settings(Some(plan), options);
    let facts = Facts::new(plan);
    let (mut suppressor, unknown) = suppress::Suppressor::new(&plan.suppressions, registry);
    diags.extend(unknown);
    for (name, rule) in rules::ALL {
        let Some(doc) = registry.get(name) else {
            continue;
        };
        let params = settings.params(name);
        let context = Context {
            plan,
            facts: &facts,
            params: &params,
        };
        let pinned = settings.pinned.contains(*name);
        // Every rule runs, even an allowed one, so that a comment allowing
        // it counts as used where it would fire.
        let findings: Vec<Finding> = rule(&context)
            .into_iter()
            .filter(|f| !suppressor.suppresses(name, f.span) || pinned)
            .collect();
        diags.extend(finding::to_diagnostics(doc, settings.level(name), findings));
    }
    if let Some(doc) = registry.get(suppress::UNUSED) {
        let level = settings.level(suppress::UNUSED);
        diags.extend(finding::to_diagnostics(doc, level, suppressor.unused()));
    }
    diagnostic::sort(&mut diags);
    diags
}
