//! Levels, parameters and profiles: where each comes from and which wins.
//!
//! In rising precedence: the rule's default (with the profiles the athlete's
//! level implies), a `stride.yaml` found by walking up from the plan file,
//! the plan's `rules { }` block, inline `# stride: allow(...)` comments
//! (applied per finding, in `suppress`), and the command line. Within one
//! layer a profile applies first and explicit parameters override it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use super::params::{ParamValue, Params};
use super::registry::{Axis, Level, Registry};
use crate::ast::{RuleItem, RuleItemKind};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;

/// The configuration file's name.
pub const FILE_NAME: &str = "stride.yaml";

/// A configuration problem: a bad `stride.yaml` or command-line flag.
/// These stop the run (exit code 2) since no plan can be judged fairly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}{}", help.as_ref().map_or(String::new(), |h| format!("\n  help: {h}")))]
pub struct ConfigError {
    /// The file, or `command line`.
    pub origin: String,
    pub message: String,
    /// How to fix it, when there is more to say than the message.
    pub help: Option<String>,
}

impl ConfigError {
    fn new(origin: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigError {
            origin: origin.into(),
            message: message.into(),
            help: None,
        }
    }
}

/// A problem in one entry of `rules:`, before the file's name is known.
struct Problem {
    message: String,
    help: Option<String>,
}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Problem {
            message,
            help: None,
        }
    }
}

/// A validated `stride.yaml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Where it was found, as displayed.
    pub path: String,
    pub profiles: Vec<String>,
    /// Levels by rule name (or `all`), in file order.
    pub levels: Vec<(String, Level)>,
    /// Parameters: rule, parameter, value.
    pub params: Vec<(String, String, ParamValue)>,
}

/// Levels and profiles given on the command line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// Rule name (or `all`) and level, in the order given.
    pub levels: Vec<(String, Level)>,
    pub profiles: Vec<String>,
}

impl Overrides {
    /// Checks every name; unknown ones are errors with a did-you-mean.
    pub fn validate(&self, registry: &Registry) -> Result<(), ConfigError> {
        for (name, _) in &self.levels {
            if name != "all" && registry.get(name).is_none() {
                return Err(ConfigError::new(
                    "command line",
                    format!(
                        "unknown rule `{name}`; {}",
                        registry.unknown_rule_help(name)
                    ),
                ));
            }
        }
        for name in &self.profiles {
            if registry.profile(name).is_none() {
                return Err(ConfigError::new(
                    "command line",
                    unknown_profile_message(registry, name),
                ));
            }
        }
        Ok(())
    }
}

fn unknown_profile_message(registry: &Registry, name: &str) -> String {
    let names = registry.profiles().iter().map(|p| p.name.as_str());
    match crate::suggest::closest(name, names) {
        Some(near) => format!("unknown profile `{name}`; did you mean `{near}`?"),
        None => format!(
            "unknown profile `{name}`; the profiles are {}",
            registry
                .profiles()
                .iter()
                .map(|p| format!("`{}`", p.name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The nearest `stride.yaml` in `dir` or one of its parents.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Finds and loads the configuration that applies to a plan in `dir`.
pub fn discover(dir: &Path, registry: &Registry) -> Result<Option<Config>, ConfigError> {
    match find(dir) {
        Some(path) => load(&path, registry).map(Some),
        None => Ok(None),
    }
}

/// The directory whose configuration applies to `plan_path` (`-`: the
/// current directory).
pub fn dir_of(plan_path: &str) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if plan_path == "-" {
        return cwd;
    }
    let path = cwd.join(plan_path);
    path.parent().map_or(cwd, Path::to_path_buf)
}

pub fn load(path: &Path, registry: &Registry) -> Result<Config, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::new(&shown, format!("cannot read it: {e}")))?;
    parse(&text, &shown, registry)
}

/// Reads a `stride.yaml`:
///
/// ```yaml
/// profile: consolidated          # or a list
/// rules:
///   schedule.same-session: deny
///   schedule.heavy-before-key-run:
///     level: warn
///     min-gap: 36h
/// ```
pub fn parse(text: &str, origin: &str, registry: &Registry) -> Result<Config, ConfigError> {
    use serde_yaml::Value;
    let fail = |message: String| ConfigError::new(origin, message);
    let root: Value =
        serde_yaml::from_str(text).map_err(|e| fail(format!("not valid YAML: {e}")))?;
    let mut config = Config {
        path: origin.to_string(),
        ..Config::default()
    };
    let map = match root {
        Value::Null => return Ok(config),
        Value::Mapping(map) => map,
        _ => return Err(fail("expected a mapping with `profile` and `rules`".into())),
    };
    for (key, value) in map {
        let key = yaml_key(&key).map_err(&fail)?;
        match key.as_str() {
            "profile" | "profiles" => {
                let names = match value {
                    Value::String(s) => vec![s],
                    Value::Sequence(items) => items
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => Ok(s.clone()),
                            _ => Err(fail("`profile`: expected profile names".into())),
                        })
                        .collect::<Result<_, _>>()?,
                    Value::Null => Vec::new(),
                    _ => return Err(fail("`profile`: expected a name or a list of names".into())),
                };
                for name in names {
                    if registry.profile(&name).is_none() {
                        return Err(fail(unknown_profile_message(registry, &name)));
                    }
                    config.profiles.push(name);
                }
            }
            "rules" => {
                let rules = match value {
                    Value::Mapping(m) => m,
                    Value::Null => continue,
                    _ => return Err(fail("`rules`: expected a mapping of rule names".into())),
                };
                for (name, setting) in rules {
                    let name = yaml_key(&name).map_err(&fail)?;
                    read_rule(&mut config, registry, &name, setting).map_err(|p| ConfigError {
                        help: p.help,
                        ..fail(p.message)
                    })?;
                }
            }
            other => {
                let hint = crate::suggest::closest(other, ["profile", "rules"])
                    .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
                return Err(fail(format!(
                    "unknown key `{other}`{hint} (a stride.yaml has `profile` and `rules`)"
                )));
            }
        }
    }
    Ok(config)
}

fn yaml_key(key: &serde_yaml::Value) -> Result<String, String> {
    match key {
        serde_yaml::Value::String(s) => Ok(s.clone()),
        other => Err(format!(
            "expected a name as key, found `{}`",
            serde_yaml::to_string(other).unwrap_or_default().trim()
        )),
    }
}

fn user_level(word: &str, rule: &str) -> Result<Level, String> {
    Level::from_user(word)
        .ok_or_else(|| format!("`{rule}`: `{word}` is not a level; use `allow`, `warn` or `deny`"))
}

fn read_rule(
    config: &mut Config,
    registry: &Registry,
    name: &str,
    setting: serde_yaml::Value,
) -> Result<(), Problem> {
    use serde_yaml::Value;
    let doc = if name == "all" {
        None
    } else {
        Some(registry.get(name).ok_or_else(|| {
            format!(
                "unknown rule `{name}`; {}",
                registry.unknown_rule_help(name)
            )
        })?)
    };
    match (setting, doc) {
        (Value::String(word), _) => {
            let level = user_level(&word, name)?;
            config.levels.push((name.to_string(), level));
        }
        (Value::Mapping(map), Some(doc)) => {
            for (key, value) in map {
                let key = yaml_key(&key)?;
                if key == "level" {
                    let word = value.as_str().unwrap_or_default();
                    config
                        .levels
                        .push((name.to_string(), user_level(word, name)?));
                    continue;
                }
                let Some(param) = doc.param(&key) else {
                    return Err(unknown_param(doc, &key));
                };
                let value =
                    ParamValue::from_yaml(&value, param.kind, &param.values).map_err(|e| {
                        let default = param.value.as_ref().map(ToString::to_string);
                        Problem {
                            message: format!("`{name}.{key}`: {e}"),
                            help: Some(format!(
                                "write it like its default, `{key}: {}`; `stride explain \
                                 {name}` describes it",
                                default.unwrap_or_default()
                            )),
                        }
                    })?;
                config.params.push((name.to_string(), key, value));
            }
        }
        (_, None) => return Err(String::from("`all`: expected `allow`, `warn` or `deny`").into()),
        (_, Some(_)) => {
            return Err(format!(
                "`{name}`: expected a level or a mapping of `level` and parameters"
            )
            .into());
        }
    }
    Ok(())
}

/// A parameter `doc` does not have: the nearest name, or the names it has.
fn unknown_param(doc: &super::registry::RuleDoc, param: &str) -> Problem {
    let names: Vec<&str> = doc.parameters.iter().map(|p| p.name.as_str()).collect();
    let listed = || {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let help = if names.is_empty() {
        format!(
            "`{}` takes no parameters, only a level: `{}: warn`",
            doc.name, doc.name
        )
    } else {
        match crate::suggest::closest(param, names.iter().copied()) {
            Some(near) => format!(
                "did you mean `{near}`? `stride explain {}` lists its parameters",
                doc.name
            ),
            None => format!(
                "`{}` takes {}; `stride explain {}` describes them",
                doc.name,
                listed(),
                doc.name
            ),
        }
    };
    Problem {
        message: format!("rule `{}` has no parameter `{param}`", doc.name),
        help: Some(help),
    }
}

/// Where a setting came from, for `stride explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The default for the athlete's level (`None`: no plan given).
    Default(Option<crate::plan::Level>),
    Config(String),
    Plan,
    CommandLine,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default(Some(level)) => {
                write!(f, "the default for {} athletes", level.keyword())
            }
            Origin::Default(None) => f.write_str("the default"),
            Origin::Config(path) => write!(f, "set in {path}"),
            Origin::Plan => f.write_str("set in the plan's rules block"),
            Origin::CommandLine => f.write_str("set on the command line"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveProfile {
    pub name: String,
    pub origin: Origin,
}

/// Everything the checker needs to know about levels and parameters for
/// one plan.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub levels: BTreeMap<String, Level>,
    pub params: BTreeMap<String, Params>,
    pub profiles: BTreeMap<Axis, ActiveProfile>,
    /// Rules whose level the command line set: inline comments cannot
    /// allow them.
    pub pinned: BTreeSet<String>,
}

impl Settings {
    pub fn level(&self, rule: &str) -> Level {
        self.levels.get(rule).copied().unwrap_or(Level::Allow)
    }

    /// The parameters set for `rule` (none set: the rule's defaults).
    pub fn params(&self, rule: &str) -> &Params {
        static NONE: Params = Params::new();
        self.params.get(rule).unwrap_or(&NONE)
    }
}

/// Resolves the settings for one plan. Problems in the plan's `rules { }`
/// block come back as diagnostics pointing into the plan.
pub fn resolve(
    registry: &Registry,
    athlete: Option<crate::plan::Level>,
    config: Option<&Config>,
    plan_items: &[RuleItem],
    overrides: &Overrides,
) -> (Settings, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut s = Settings::default();
    for rule in registry.rules() {
        s.levels.insert(rule.name.clone(), rule.level);
        s.params.insert(rule.name.clone(), rule.defaults());
    }

    // Layer 1: the profiles the athlete's level implies.
    let level = athlete.unwrap_or(crate::plan::Level::Beginner);
    for axis in Axis::ALL {
        if let Some(profile) = registry.default_profile(axis, level) {
            apply_profile(&mut s, registry, &profile.name, Origin::Default(athlete));
        }
    }

    // Layer 2: stride.yaml.
    if let Some(config) = config {
        for name in &config.profiles {
            apply_profile(&mut s, registry, name, Origin::Config(config.path.clone()));
        }
        for (rule, param, value) in &config.params {
            set_param(&mut s, rule, param, value.clone());
        }
        apply_levels(&mut s, registry, &config.levels);
    }

    // Layer 3: the plan's rules block, in order.
    for item in plan_items {
        read_plan_item(&mut s, registry, item, &mut diags);
    }

    // Layer 5 (layer 4, inline comments, applies per finding).
    for name in &overrides.profiles {
        apply_profile(&mut s, registry, name, Origin::CommandLine);
    }
    apply_levels(&mut s, registry, &overrides.levels);
    for (name, _) in &overrides.levels {
        if name == "all" {
            s.pinned.extend(registry.names().map(str::to_string));
        } else {
            s.pinned.insert(name.clone());
        }
    }
    (s, diags)
}

/// `all` first, then named rules in order: a named rule beats `all` within
/// one layer whatever the order they are written in.
fn apply_levels(s: &mut Settings, registry: &Registry, levels: &[(String, Level)]) {
    for (_, level) in levels.iter().filter(|(n, _)| n == "all") {
        for rule in registry.names() {
            s.levels.insert(rule.to_string(), *level);
        }
    }
    for (name, level) in levels.iter().filter(|(n, _)| n != "all") {
        if registry.get(name).is_some() {
            s.levels.insert(name.clone(), *level);
        }
    }
}

fn apply_profile(s: &mut Settings, registry: &Registry, name: &str, origin: Origin) {
    let Some(profile) = registry.profile(name) else {
        return;
    };
    for (rule, param, value) in &profile.values {
        set_param(s, rule, param, value.clone());
    }
    s.profiles.insert(
        profile.axis,
        ActiveProfile {
            name: profile.name.clone(),
            origin,
        },
    );
}

fn set_param(s: &mut Settings, rule: &str, param: &str, value: ParamValue) {
    match s.params.get_mut(rule) {
        Some(params) => params.insert(param, value),
        None => s
            .params
            .entry(rule.to_string())
            .or_default()
            .insert(param, value),
    }
}

fn read_plan_item(
    s: &mut Settings,
    registry: &Registry,
    item: &RuleItem,
    diags: &mut Vec<Diagnostic>,
) {
    let unknown_rule = |name: &crate::span::Spanned<String>| {
        Diagnostic::error(
            ErrorCode::UnknownRule,
            format!("there is no rule `{}`", name.value),
        )
        .with_label(name.span, "unknown rule")
        .with_help(registry.unknown_rule_help(&name.value))
    };
    match &item.kind {
        RuleItemKind::Level { level, rule } => {
            let level = Level::from(level.value);
            if rule.value == "all" {
                for name in registry.names() {
                    s.levels.insert(name.to_string(), level);
                }
            } else if registry.get(&rule.value).is_some() {
                s.levels.insert(rule.value.clone(), level);
            } else {
                diags.push(unknown_rule(rule));
            }
        }
        RuleItemKind::Set { rule, param, value } => {
            let Some(doc) = registry.get(&rule.value) else {
                diags.push(unknown_rule(rule));
                return;
            };
            let Some(p) = doc.param(&param.value) else {
                let names: Vec<&str> = doc.parameters.iter().map(|p| p.name.as_str()).collect();
                let help = match crate::suggest::closest(&param.value, names.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if names.is_empty() => format!("`{}` takes no parameters", doc.name),
                    None => format!(
                        "`{}` takes {}",
                        doc.name,
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        ErrorCode::UnknownParameter,
                        format!("rule `{}` has no parameter `{}`", doc.name, param.value),
                    )
                    .with_label(param.span, "unknown parameter")
                    .with_help(help),
                );
                return;
            };
            match ParamValue::from_ast(&value.value, p.kind, &p.values) {
                Ok(v) => set_param(s, &doc.name, &p.name, v),
                Err(problem) => diags.push(
                    Diagnostic::error(
                        ErrorCode::InvalidParameter,
                        format!("`{}.{}` cannot be set to this", doc.name, p.name),
                    )
                    .with_label(value.span, problem)
                    .with_help(format!(
                        "the default is `set {}.{} {}`",
                        doc.name,
                        p.name,
                        p.value.as_ref().map_or(String::new(), ToString::to_string)
                    )),
                ),
            }
        }
        RuleItemKind::Profile(name) => {
            if registry.profile(&name.value).is_some() {
                apply_profile(s, registry, &name.value, Origin::Plan);
            } else {
                let names = registry.profiles().iter().map(|p| p.name.as_str());
                let help = match crate::suggest::closest(&name.value, names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "the profiles are {}",
                        registry
                            .profiles()
                            .iter()
                            .map(|p| format!("`{}`", p.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        ErrorCode::UnknownProfile,
                        format!("there is no profile `{}`", name.value),
                    )
                    .with_label(name.span, "unknown profile")
                    .with_help(help),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Level as AstLevel, RuleItem, RuleItemKind, Value};
    use crate::span::{Span, Spanned};

    fn registry() -> &'static Registry {
        Registry::builtin()
    }

    fn spanned<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Span::new(0, 1))
    }

    fn level_item(level: AstLevel, rule: &str) -> RuleItem {
        RuleItem {
            kind: RuleItemKind::Level {
                level: spanned(level),
                rule: spanned(rule.to_string()),
            },
            span: Span::new(0, 1),
        }
    }

    #[test]
    fn reads_a_config_file() {
        let text = "profile: [consolidated, recovery-48h]\nrules:\n  all: warn\n  schedule.same-session: deny\n  schedule.heavy-before-key-run:\n    level: allow\n    min-gap: 36h\n";
        let config = parse(text, "stride.yaml", registry()).unwrap();
        assert_eq!(config.profiles, ["consolidated", "recovery-48h"]);
        assert_eq!(
            config.levels,
            [
                ("all".to_string(), Level::Warn),
                ("schedule.same-session".to_string(), Level::Deny),
                ("schedule.heavy-before-key-run".to_string(), Level::Allow),
            ]
        );
        assert_eq!(
            config.params,
            [(
                "schedule.heavy-before-key-run".to_string(),
                "min-gap".to_string(),
                ParamValue::Duration(36 * 3600)
            )]
        );
        assert_eq!(parse("", "stride.yaml", registry()).unwrap().levels, []);
    }

    #[test]
    fn rejects_bad_config_files() {
        let err = |text: &str| {
            parse(text, "stride.yaml", registry())
                .unwrap_err()
                .to_string()
        };
        assert!(err("rules:\n  schedule.same-session: info\n").contains("`info` is not a level"));
        assert!(err("rules: [a]\n").contains("expected a mapping of rule names"));
        assert!(err("profile: heavyy\n").contains("did you mean `heavy`?"));
        assert!(err("rules:\n  all:\n    level: deny\n").contains("`all`: expected"));
        assert!(err(": :").starts_with("stride.yaml: not valid YAML"));
    }

    #[test]
    fn later_layers_win_and_named_rules_beat_all() {
        let config = parse(
            "rules:\n  schedule.same-session: deny\n  all: allow\n",
            "stride.yaml",
            registry(),
        )
        .unwrap();
        let (s, diags) = resolve(registry(), None, Some(&config), &[], &Overrides::default());
        assert!(diags.is_empty());
        // Within the file, the named rule beats `all` whatever the order.
        assert_eq!(s.level("schedule.same-session"), Level::Deny);
        assert_eq!(s.level("load.heavy-intensity"), Level::Allow);

        // The plan's block, in order, beats the file.
        let items = [
            level_item(AstLevel::Warn, "all"),
            level_item(AstLevel::Allow, "schedule.same-session"),
        ];
        let (s, _) = resolve(
            registry(),
            None,
            Some(&config),
            &items,
            &Overrides::default(),
        );
        assert_eq!(s.level("schedule.same-session"), Level::Allow);
        assert_eq!(s.level("load.heavy-intensity"), Level::Warn);

        // The command line beats both, and pins the rule.
        let cli = Overrides {
            levels: vec![("schedule.same-session".into(), Level::Deny)],
            profiles: Vec::new(),
        };
        let (s, _) = resolve(registry(), None, Some(&config), &items, &cli);
        assert_eq!(s.level("schedule.same-session"), Level::Deny);
        assert!(s.pinned.contains("schedule.same-session"));
        assert!(!s.pinned.contains("load.heavy-intensity"));
    }

    #[test]
    fn profiles_default_from_level_and_layer_like_levels() {
        use crate::plan::Level as Athlete;
        let gap = |s: &Settings| {
            s.params("schedule.heavy-before-key-run")
                .get("min-gap")
                .cloned()
        };
        let (s, _) = resolve(
            registry(),
            Some(Athlete::Beginner),
            None,
            &[],
            &Overrides::default(),
        );
        assert_eq!(gap(&s), Some(ParamValue::Duration(48 * 3600)));
        assert_eq!(s.profiles[&Axis::Load].name, "moderate");
        let (s, _) = resolve(
            registry(),
            Some(Athlete::Advanced),
            None,
            &[],
            &Overrides::default(),
        );
        assert_eq!(gap(&s), Some(ParamValue::Duration(24 * 3600)));
        assert_eq!(
            s.profiles[&Axis::Load].origin,
            Origin::Default(Some(Athlete::Advanced))
        );
        assert!(!s.profiles.contains_key(&Axis::Schedule));

        // A file's parameter, then the plan's profile over it.
        let config = parse(
            "rules:\n  schedule.heavy-before-key-run:\n    min-gap: 36h\n",
            "stride.yaml",
            registry(),
        )
        .unwrap();
        let (s, _) = resolve(
            registry(),
            Some(Athlete::Advanced),
            Some(&config),
            &[],
            &Overrides::default(),
        );
        assert_eq!(gap(&s), Some(ParamValue::Duration(36 * 3600)));
        let items = [RuleItem {
            kind: RuleItemKind::Profile(spanned("recovery-48h".to_string())),
            span: Span::new(0, 1),
        }];
        let (s, _) = resolve(
            registry(),
            Some(Athlete::Advanced),
            Some(&config),
            &items,
            &Overrides::default(),
        );
        assert_eq!(gap(&s), Some(ParamValue::Duration(48 * 3600)));
        assert_eq!(s.profiles[&Axis::Recovery].origin, Origin::Plan);
    }

    #[test]
    fn plan_block_problems_are_diagnostics() {
        let items = [
            level_item(AstLevel::Deny, "schedule.same-sesion"),
            RuleItem {
                kind: RuleItemKind::Set {
                    rule: spanned("schedule.same-session".into()),
                    param: spanned("min-gap".into()),
                    value: spanned(Value::Word("soon".into())),
                },
                span: Span::new(0, 1),
            },
        ];
        let (_, diags) = resolve(registry(), None, None, &items, &Overrides::default());
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_ref()).collect();
        assert_eq!(codes, ["unknown-rule", "invalid-parameter"]);
        assert_eq!(
            diags[0].help.as_deref(),
            Some("did you mean `schedule.same-session`?")
        );
    }
}
