//! `stride explain RULE`: a rule's summary, rationale, parameters,
//! evidence, the active profiles and its examples.

use std::fmt::Write;

use clap::Args;

use super::input;
use crate::check::config::Overrides;
use crate::check::registry::{Axis, CitationStyle, ProfileDoc, RuleDoc};
use crate::check::{Options, Registry, Settings};
use crate::error_code::ErrorCode;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule (`schedule.same-session`), profile (`heavy`) or compiler
    /// error code (`unknown-exercise`) to explain.
    pub rule: String,
    /// Show the levels, parameters and profiles in force for this plan.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<String>,
    /// Choose a profile, as `stride check --profile` does.
    #[arg(long, value_name = "NAME")]
    pub profile: Vec<String>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let registry = Registry::builtin();
    let overrides = Overrides {
        levels: Vec::new(),
        profiles: args.profile.clone(),
    };
    let path = args.plan.as_deref().unwrap_or("-");
    let options = match Options::for_plan(path, overrides) {
        Ok(options) => options,
        Err(err) => {
            errln!("error: {err}");
            return super::USAGE;
        }
    };
    let plan = match &args.plan {
        None => None,
        Some(path) => match input::read(path) {
            Ok(source) => match crate::compile(&source.text).plan {
                Some(plan) => Some(plan),
                None => {
                    errln!("error: {path}: the plan has errors; `stride check {path}` shows them");
                    return super::FAILURE;
                }
            },
            Err(message) => {
                errln!("error: {message}");
                return super::USAGE;
            }
        },
    };
    let (settings, _) = crate::check::settings(plan.as_ref(), &options);
    let text = if let Some(rule) = registry.get(&args.rule) {
        explain_rule(rule, &settings, plan.is_some(), registry)
    } else if let Some(profile) = registry.profile(&args.rule) {
        explain_profile(profile, registry)
    } else if let Some(code) = ErrorCode::from_code(&args.rule) {
        explain_code(code)
    } else {
        let names = registry
            .names()
            .chain(registry.profiles().iter().map(|p| p.name.as_str()))
            .chain(ErrorCode::ALL.iter().map(|c| c.as_str()));
        let hint = match crate::suggest::closest(&args.rule, names) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`stride rules` lists every rule".to_string(),
        };
        errln!("error: there is no rule or profile `{}`; {hint}", args.rule);
        return super::USAGE;
    };
    out!("{text}");
    super::SUCCESS
}

/// The text `stride explain` prints for a rule.
pub fn explain_rule(
    rule: &RuleDoc,
    settings: &Settings,
    for_plan: bool,
    registry: &Registry,
) -> String {
    let mut out = String::new();
    let level = settings.level(&rule.name);
    let _ = writeln!(out, "{}", rule.name);
    out.push_str(&wrap(&rule.summary, ""));
    let _ = writeln!(out);
    let _ = write!(
        out,
        "category: {}    default level: {}",
        rule.category, rule.level
    );
    if level != rule.level {
        let _ = write!(out, "    level here: {level}");
    }
    let _ = writeln!(out);

    let _ = writeln!(out, "\nWhy");
    for line in rule.rationale.trim_end().lines() {
        let _ = writeln!(out, "  {line}");
    }

    if !rule.parameters.is_empty() {
        let _ = writeln!(
            out,
            "\nParameters (`set {}.NAME VALUE` in a plan's rules block)",
            rule.name
        );
        let params = settings.params(&rule.name);
        for p in &rule.parameters {
            let default = p.value.as_ref().map_or(String::new(), ToString::to_string);
            let current = params
                .get(&p.name)
                .map_or(default.clone(), ToString::to_string);
            let unit = p.unit.as_ref().map_or(String::new(), |u| format!(" ({u})"));
            let _ = write!(out, "  {} = {current}{unit}", p.name);
            if current != default {
                let _ = write!(out, "    default {default}");
            }
            let _ = writeln!(out);
            out.push_str(&wrap(&p.description, "      "));
        }
    }

    let _ = writeln!(out, "\nEvidence");
    if rule.evidence.is_empty() {
        let _ = writeln!(out, "  none: the rule holds the plan to its own word");
    }
    for c in &rule.evidence {
        out.push_str(&c.render(CitationStyle::Terminal));
        out.push_str(&wrap(&c.finding, "    "));
    }

    let _ = writeln!(
        out,
        "\nProfiles{}",
        if for_plan {
            " in force for the plan"
        } else {
            " (`--plan FILE` shows a plan's)"
        }
    );
    for axis in Axis::ALL {
        let active = settings
            .profiles
            .get(&axis)
            .filter(|a| for_plan || !matches!(a.origin, crate::check::config::Origin::Default(_)));
        let text = match active {
            Some(active) => {
                let others: Vec<&str> = registry
                    .profiles()
                    .iter()
                    .filter(|p| p.axis == axis && p.name != active.name)
                    .map(|p| p.name.as_str())
                    .collect();
                format!(
                    "{} ({}); the other: {}",
                    active.name,
                    active.origin,
                    others.join(", ")
                )
            }
            None => defaults_text(axis, registry),
        };
        let _ = writeln!(out, "  {:10}{text}", format!("{}:", axis.keyword()));
    }

    let _ = writeln!(out, "\nExample: fires on");
    for line in rule.examples.bad.trim_end().lines() {
        let _ = writeln!(out, "    {line}");
    }
    let _ = writeln!(out, "\nExample: passes");
    for line in rule.examples.good.trim_end().lines() {
        let _ = writeln!(out, "    {line}");
    }
    out
}

/// The text `stride explain` prints for a compiler error code.
fn explain_code(code: ErrorCode) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{code}");
    out.push_str(&wrap(code.summary(), ""));
    let _ = writeln!(
        out,
        "compiler error: always an error, and cannot be allowed"
    );
    let _ = writeln!(out, "\nWhy");
    out.push_str(&wrap(code.description(), "  "));
    out
}

/// `text` wrapped at 90 columns, each line indented.
fn wrap(text: &str, indent: &str) -> String {
    const WIDTH: usize = 90;
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

/// `heavy for intermediate and advanced athletes, moderate for beginner
/// athletes`, or for an axis without defaults what happens then.
fn defaults_text(axis: Axis, registry: &Registry) -> String {
    let profiles: Vec<&ProfileDoc> = registry
        .profiles()
        .iter()
        .filter(|p| p.axis == axis)
        .collect();
    let parts: Vec<String> = profiles
        .iter()
        .filter(|p| !p.default_for.is_empty())
        .map(|p| format!("{} for {} athletes", p.name, p.default_for.join(" and ")))
        .collect();
    if parts.is_empty() {
        let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
        format!(
            "none chosen ({}): the layout most lower-body sessions follow",
            names.join(" or ")
        )
    } else {
        format!("by level, {}", parts.join(", "))
    }
}

fn explain_profile(profile: &ProfileDoc, registry: &Registry) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "profile {} ({})", profile.name, profile.axis.keyword());
    out.push_str(&wrap(&profile.summary, ""));
    if !profile.default_for.is_empty() {
        let _ = writeln!(
            out,
            "\nthe default for {} athletes",
            profile.default_for.join(" and ")
        );
    }
    let _ = writeln!(out, "\nSets");
    for (rule, param, value) in &profile.values {
        let _ = writeln!(out, "  {rule}.{param} = {value}");
    }
    let others: Vec<&str> = registry
        .profiles()
        .iter()
        .filter(|p| p.axis == profile.axis && p.name != profile.name)
        .map(|p| p.name.as_str())
        .collect();
    out.push('\n');
    out.push_str(&wrap(
        &format!(
            "Choose it with `profile {0}` in a plan's rules block, `profile: {0}` in stride.yaml or `--profile {0}`; the alternative: {1}.",
            profile.name,
            others.join(", ")
        ),
        "",
    ));
    out
}
