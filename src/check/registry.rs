//! The rule registry: every rule's documentation, default level and
//! parameters, written in `rules/*.yaml` and compiled into the binary as the
//! Rust code `build.rs` makes of them (the profiles as JSON).
//!
//! The YAML is the single source of what `stride rules` lists, what
//! `stride explain` prints and which parameters a plan may set; the code of
//! each rule lives in `check/rules/`. The two are tied together by name, and
//! a test makes sure neither has a rule the other lacks.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::params::{ParamKind, ParamValue, Params};

/// The rule files, in the order `stride rules` lists them. `build.rs`
/// compiles each to Rust code (`build/registry.rs`): see [`rule_file`].
const FILES: &[&str] = &[
    "frequency.yaml",
    "load.yaml",
    "volume.yaml",
    "effort.yaml",
    "rest.yaml",
    "progression.yaml",
    "deload.yaml",
    "schedule.yaml",
    "recovery.yaml",
    "plyo.yaml",
    "taper.yaml",
    "selection.yaml",
    "session.yaml",
    "meta.yaml",
];

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// The profiles (`profile heavy`, ...), embedded too.
const PROFILES: (&str, &str) = (
    "profiles.yaml",
    include_str!(concat!(env!("OUT_DIR"), "/profiles.json")),
);

/// The names of the embedded files, for the test that finds forgotten ones.
#[cfg(test)]
fn embedded_files() -> impl Iterator<Item = &'static str> {
    FILES.iter().copied().chain(std::iter::once(PROFILES.0))
}

/// How loudly a rule speaks: the levels a user sets (`allow`, `warn`,
/// `deny`) plus `info`, which only a rule's default can be: a finding worth
/// knowing that the evidence does not make a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Allow,
    Info,
    Warn,
    Deny,
}

impl Level {
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    /// The levels a user may set, by keyword.
    pub fn from_user(word: &str) -> Option<Level> {
        match word {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }
}

impl From<crate::ast::Level> for Level {
    fn from(level: crate::ast::Level) -> Self {
        match level {
            crate::ast::Level::Allow => Level::Allow,
            crate::ast::Level::Warn => Level::Warn,
            crate::ast::Level::Deny => Level::Deny,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// How strong the support for a rule is, per citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    MetaAnalysis,
    Review,
    Trial,
    /// Primary research that is not an intervention (biomechanics, surveys
    /// of measurements).
    Study,
    PositionStand,
    Practice,
    Unverified,
}

impl Strength {
    pub fn label(self) -> &'static str {
        match self {
            Strength::MetaAnalysis => "meta-analysis",
            Strength::Review => "review",
            Strength::Trial => "trial",
            Strength::Study => "study",
            Strength::PositionStand => "position stand",
            Strength::Practice => "practice",
            Strength::Unverified => "unverified",
        }
    }
}

/// One paper (or book, or practice survey) a rule rests on.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The reference number in EVIDENCE.md (`R14`), if it has one.
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Short form for the one-line note: `Schumann et al. 2022`.
    pub cite: String,
    /// Journal, volume and pages, or the book.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    pub strength: Strength,
    /// What it found that matters here, in one sentence.
    pub finding: String,
}

/// Where a citation is shown: each place writes the same facts its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationStyle {
    /// The one line under each finding: `Cite (strength), doi:D`.
    Note,
    /// `stride explain`: reference, citation, source and strength, then
    /// the DOI with its link on a line of its own (the finding, wrapped,
    /// is the caller's).
    Terminal,
    /// Editor hover (Markdown): `- Cite (source, doi:D), strength: finding`.
    Hover,
    /// `docs/rules.md`: `- Cite, *source* (strength) [doi:D](link): finding`.
    Docs,
}

impl Citation {
    /// The citation as `style` writes it.
    pub fn render(&self, style: CitationStyle) -> String {
        let doi = |f: fn(&str) -> String| self.doi.as_deref().map_or(String::new(), f);
        let (cite, strength) = (&self.cite, self.strength.label());
        match style {
            CitationStyle::Note => {
                format!("{cite} ({strength}){}", doi(|d| format!(", doi:{d}")))
            }
            CitationStyle::Terminal => {
                let reference = self
                    .reference
                    .as_ref()
                    .map_or(String::new(), |r| format!("[{r}] "));
                format!(
                    "  - {reference}{cite}. {}. {strength}\n{}",
                    self.source,
                    doi(|d| format!("    doi:{d}  https://doi.org/{d}\n"))
                )
            }
            CitationStyle::Hover => format!(
                "- {cite} ({}{}), {strength}: {}",
                self.source,
                doi(|d| format!(", doi:{d}")),
                self.finding.trim()
            ),
            CitationStyle::Docs => format!(
                "- {cite}, *{}* ({strength}){}: {}",
                self.source.trim(),
                doi(|d| format!(" [doi:{d}](https://doi.org/{d})")),
                self.finding.trim()
            ),
        }
    }
}

/// A rule parameter as documented.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamDoc {
    pub name: String,
    pub kind: ParamKind,
    /// The default as written (`3h`, `10%`, `2`, `auto`).
    pub default: serde_yaml::Value,
    /// The unit in words, for `explain` (`hours`, `% of the load`, `sessions a week`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub description: String,
    /// The accepted words, for `word` parameters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The default, parsed (filled in at load).
    #[serde(skip)]
    pub value: Option<ParamValue>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// A plan the rule fires on.
    pub bad: String,
    /// The same plan fixed.
    pub good: String,
}

/// One rule, as documented in `rules/*.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub name: String,
    pub category: String,
    pub level: Level,
    pub summary: String,
    #[serde(default)]
    pub parameters: Vec<ParamDoc>,
    pub rationale: String,
    #[serde(default)]
    pub evidence: Vec<Citation>,
    pub examples: Examples,
    /// The note, worked out on first use and shared by every finding.
    #[serde(skip)]
    note: OnceLock<String>,
}

impl RuleDoc {
    pub fn param(&self, name: &str) -> Option<&ParamDoc> {
        self.parameters.iter().find(|p| p.name == name)
    }

    /// Every parameter at its default.
    pub fn defaults(&self) -> Params {
        let mut params = Params::default();
        for p in &self.parameters {
            if let Some(v) = &p.value {
                params.insert(&p.name, v.clone());
            }
        }
        params
    }

    /// The one-line citation shown under each finding.
    pub fn note(&self) -> &str {
        self.note.get_or_init(|| self.make_note())
    }

    fn make_note(&self) -> String {
        match self.evidence.first() {
            Some(c) => format!(
                "evidence: {}; more in `stride explain {}`",
                c.render(CitationStyle::Note),
                self.name
            ),
            None => format!("more in `stride explain {}`", self.name),
        }
    }
}

/// A group of rules that disagree in the literature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    Load,
    Recovery,
    Schedule,
}

impl Axis {
    pub const ALL: [Axis; 3] = [Axis::Load, Axis::Recovery, Axis::Schedule];

    pub fn keyword(self) -> &'static str {
        match self {
            Axis::Load => "load",
            Axis::Recovery => "recovery",
            Axis::Schedule => "schedule",
        }
    }
}

/// A named choice where the evidence conflicts: a set of parameter values.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileDoc {
    pub name: String,
    pub axis: Axis,
    pub summary: String,
    /// Athlete levels this profile is the default for.
    #[serde(default, rename = "default-for")]
    pub default_for: Vec<String>,
    /// `RULE.PARAM: VALUE`.
    #[serde(default)]
    pub set: BTreeMap<String, serde_yaml::Value>,
    /// The parsed `set` (filled in at load): rule, parameter, value.
    #[serde(skip)]
    pub values: Vec<(String, String, ParamValue)>,
}

impl ProfileDoc {
    pub fn is_default_for(&self, level: crate::plan::Level) -> bool {
        self.default_for.iter().any(|l| l == level.keyword())
    }
}

/// Every rule and profile.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    rules: Vec<RuleDoc>,
    index: BTreeMap<String, usize>,
    profiles: Vec<ProfileDoc>,
}

#[derive(Debug, thiserror::Error)]
#[error("rules/{file}: {message}")]
pub struct RegistryError {
    pub file: String,
    pub message: String,
}

impl Registry {
    /// The registry built into the binary.
    pub fn builtin() -> &'static Registry {
        static BUILTIN: OnceLock<Registry> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The embedded files are validated by `cargo test`; only a broken
            // build could fail here, and an empty registry then checks nothing.
            Registry::embedded().unwrap_or_default()
        })
    }

    /// The rules `build.rs` compiled in, validated as if read from YAML.
    fn embedded() -> Result<Registry, RegistryError> {
        let files = FILES.iter().map(|&file| {
            let rules = rule_file(file).ok_or_else(|| "not compiled in by build.rs".to_string());
            (file, rules)
        });
        let (file, text) = PROFILES;
        Registry::assemble(files, (file, Syntax::Json.read(text)))
    }

    /// Loads and validates rule files and the profile file, in YAML.
    pub fn load(files: &[(&str, &str)], profiles: (&str, &str)) -> Result<Registry, RegistryError> {
        Registry::load_with(files, profiles, Syntax::Yaml)
    }

    fn load_with(
        files: &[(&str, &str)],
        profiles: (&str, &str),
        syntax: Syntax,
    ) -> Result<Registry, RegistryError> {
        let files = files.iter().map(|&(file, text)| (file, syntax.read(text)));
        let (file, text) = profiles;
        Registry::assemble(files, (file, syntax.read(text)))
    }

    /// Validates and indexes rules read from their files, then the profiles.
    fn assemble<'f>(
        files: impl Iterator<Item = (&'f str, Result<Vec<RuleDoc>, String>)>,
        profiles: (&str, Result<Vec<ProfileDoc>, String>),
    ) -> Result<Registry, RegistryError> {
        let mut registry = Registry::default();
        for (file, rules) in files {
            let fail = |message: String| RegistryError {
                file: file.to_string(),
                message,
            };
            let rules = rules.map_err(fail)?;
            for mut rule in rules {
                validate_rule(&mut rule)
                    .and_then(|()| validate_typed(&rule))
                    .map_err(|m| fail(format!("rule `{}`: {m}", rule.name)))?;
                if registry.index.contains_key(&rule.name) {
                    return Err(fail(format!("rule `{}` is defined twice", rule.name)));
                }
                registry
                    .index
                    .insert(rule.name.clone(), registry.rules.len());
                registry.rules.push(rule);
            }
        }
        let (file, docs) = profiles;
        let fail = |message: String| RegistryError {
            file: file.to_string(),
            message,
        };
        let docs = docs.map_err(fail)?;
        for mut profile in docs {
            registry
                .validate_profile(&mut profile)
                .map_err(|m| fail(format!("profile `{}`: {m}", profile.name)))?;
            registry.profiles.push(profile);
        }
        for axis in Axis::ALL {
            let mut keys = registry
                .profiles
                .iter()
                .filter(|p| p.axis == axis)
                .map(|p| (p.name.as_str(), p.set.keys().collect::<Vec<_>>()));
            if let Some((first, expected)) = keys.next()
                && let Some((other, _)) = keys.find(|(_, k)| *k != expected)
            {
                return Err(fail(format!(
                    "profiles `{first}` and `{other}` of axis {} set different parameters",
                    axis.keyword()
                )));
            }
            for level in [
                crate::plan::Level::Beginner,
                crate::plan::Level::Intermediate,
                crate::plan::Level::Advanced,
            ] {
                let n = registry
                    .profiles
                    .iter()
                    .filter(|p| p.axis == axis && p.is_default_for(level))
                    .count();
                if n > 1 {
                    return Err(fail(format!(
                        "{n} {} profiles are the default for {} athletes",
                        axis.keyword(),
                        level.keyword()
                    )));
                }
            }
        }
        Ok(registry)
    }

    pub fn rules(&self) -> &[RuleDoc] {
        &self.rules
    }

    pub fn get(&self, name: &str) -> Option<&RuleDoc> {
        self.index.get(name).map(|&i| &self.rules[i])
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.name.as_str())
    }

    pub fn profiles(&self) -> &[ProfileDoc] {
        &self.profiles
    }

    pub fn profile(&self, name: &str) -> Option<&ProfileDoc> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// The profile of `axis` an athlete of `level` gets without choosing.
    pub fn default_profile(&self, axis: Axis, level: crate::plan::Level) -> Option<&ProfileDoc> {
        self.profiles
            .iter()
            .find(|p| p.axis == axis && p.is_default_for(level))
    }

    /// "unknown rule `x`", with a did-you-mean when one is close.
    pub fn unknown_rule_help(&self, name: &str) -> String {
        match crate::suggest::closest(name, self.names().chain(["all"])) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`stride rules` lists every rule".to_string(),
        }
    }

    fn validate_profile(&self, profile: &mut ProfileDoc) -> Result<(), String> {
        if !crate::catalogue::is_kebab(&profile.name) {
            return Err("the name is not kebab-case".into());
        }
        if self.profiles.iter().any(|p| p.name == profile.name) {
            return Err("defined twice".into());
        }
        if self.get(&profile.name).is_some() || profile.name == "all" {
            return Err("the name is also a rule's".into());
        }
        for level in &profile.default_for {
            if !["beginner", "intermediate", "advanced"].contains(&level.as_str()) {
                return Err(format!("`default-for`: unknown athlete level `{level}`"));
            }
        }
        for (key, raw) in &profile.set {
            let Some((rule, param)) = key.rsplit_once('.') else {
                return Err(format!("`{key}` is not RULE.PARAMETER"));
            };
            let doc = self
                .get(rule)
                .ok_or_else(|| format!("`{key}`: no rule `{rule}`"))?;
            let p = doc
                .param(param)
                .ok_or_else(|| format!("`{key}`: rule `{rule}` has no parameter `{param}`"))?;
            let value = ParamValue::from_yaml(raw, p.kind, &p.values)
                .map_err(|e| format!("`{key}`: {e}"))?;
            profile
                .values
                .push((rule.to_string(), param.to_string(), value));
        }
        Ok(())
    }
}

/// How the rule files are written: YAML in `rules/`, JSON once embedded.
#[derive(Debug, Clone, Copy)]
enum Syntax {
    Yaml,
    Json,
}

impl Syntax {
    fn read<T: serde::de::DeserializeOwned>(self, text: &str) -> Result<T, String> {
        match self {
            Syntax::Yaml => serde_yaml::from_str(text).map_err(|e| e.to_string()),
            Syntax::Json => serde_json::from_str(text).map_err(|e| e.to_string()),
        }
    }
}

/// `schedule.same-session`, or a meta rule's plain kebab name.
fn is_rule_name(name: &str) -> bool {
    name.split('.').all(crate::catalogue::is_kebab) && name.split('.').count() <= 2
}

fn validate_rule(rule: &mut RuleDoc) -> Result<(), String> {
    if !is_rule_name(&rule.name) || rule.name == "all" {
        return Err("the name must be `category.kebab-name`".into());
    }
    match rule.name.split_once('.') {
        Some((category, _)) if category != rule.category => {
            return Err(format!(
                "the name says category `{category}` but `category` is `{}`",
                rule.category
            ));
        }
        None if rule.category != "meta" => {
            return Err("only `meta` rules may have a name without a category".into());
        }
        _ => {}
    }
    for (what, text) in [
        ("summary", &rule.summary),
        ("rationale", &rule.rationale),
        ("examples.bad", &rule.examples.bad),
        ("examples.good", &rule.examples.good),
    ] {
        if text.trim().is_empty() {
            return Err(format!("`{what}` is empty"));
        }
    }
    // Only rules that hold a plan to its own word may cite nothing: the
    // meta rules and the plan's spacing constraints.
    if rule.evidence.is_empty() && rule.category != "meta" && rule.name != "schedule.spacing" {
        return Err("cites no evidence".into());
    }
    for citation in &rule.evidence {
        if let Some(doi) = &citation.doi
            && !doi.starts_with("10.")
        {
            return Err(format!("`{doi}` is not a DOI"));
        }
    }
    let mut seen = Vec::new();
    for param in &mut rule.parameters {
        if !crate::catalogue::is_kebab(&param.name) {
            return Err(format!("parameter `{}` is not kebab-case", param.name));
        }
        if seen.contains(&param.name) {
            return Err(format!("parameter `{}` is listed twice", param.name));
        }
        seen.push(param.name.clone());
        if param.kind == ParamKind::Word && param.values.is_empty() {
            return Err(format!("word parameter `{}` lists no `values`", param.name));
        }
        let value = ParamValue::from_yaml(&param.default, param.kind, &param.values)
            .map_err(|e| format!("parameter `{}`: {e}", param.name))?;
        param.value = Some(value);
    }
    Ok(())
}

/// Reads a rule's parameters into the type its code declares (the
/// `Params` of its file in `check/rules/`): the defaults, then each word a
/// `word` parameter allows in turn. A parameter missing from either side,
/// or of another kind, fails naming it. Rules without code (test entries,
/// `unused-suppression`) pass.
pub(crate) fn validate_typed(rule: &RuleDoc) -> Result<(), String> {
    let Some(code) = super::rules::find(&rule.name) else {
        return Ok(());
    };
    let defaults = rule.defaults();
    (code.params)(&defaults).map_err(|e| e.to_string())?;
    for p in rule.parameters.iter().filter(|p| p.kind == ParamKind::Word) {
        for word in &p.values {
            let mut values = defaults.clone();
            values.insert(&p.name, ParamValue::Word(word.clone()));
            (code.params)(&values)
                .map_err(|e| format!("`{}: {word}` (one of its `values`): {e}", p.name))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_registry_is_valid() {
        let registry = Registry::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert!(registry.rules().len() >= 30);
        assert!(registry.get("schedule.same-session").is_some());
    }

    /// `build.rs` compiles the YAML into Rust code: loading either gives
    /// the same registry.
    #[test]
    fn the_embedded_registry_is_the_yaml() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        let texts: Vec<(String, String)> = embedded_files()
            .map(|name| (name.to_string(), read(name)))
            .collect();
        let (profiles, rules) = texts.split_last().unwrap();
        let files: Vec<(&str, &str)> = rules
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let yaml =
            Registry::load(&files, (&profiles.0, &profiles.1)).unwrap_or_else(|e| panic!("{e}"));
        // A fresh copy: the shared builtin's notes (`OnceLock`s, in the
        // Debug text) may have been filled by other tests running alongside.
        let builtin = Registry::embedded().unwrap_or_else(|e| panic!("{e}"));
        let debug = |r: &Registry| format!("{:?} {:?}", r.rules(), r.profiles());
        assert_eq!(debug(&builtin), debug(&yaml));
    }

    #[test]
    fn every_rule_file_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml") && n != "exercises.yaml")
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = embedded_files().map(str::to_string).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn rejects_bad_entries() {
        let bad = "- name: Schedule.Same\n  category: schedule\n  level: warn\n  summary: s\n  rationale: r\n  examples: { bad: b, good: g }\n";
        let err = Registry::load(&[("x.yaml", bad)], ("p.yaml", "[]")).unwrap_err();
        assert!(err.to_string().contains("category.kebab-name"), "{err}");

        let no_evidence = "- name: schedule.x\n  category: schedule\n  level: warn\n  summary: s\n  rationale: r\n  examples: { bad: b, good: g }\n";
        let err = Registry::load(&[("x.yaml", no_evidence)], ("p.yaml", "[]")).unwrap_err();
        assert!(err.to_string().contains("cites no evidence"), "{err}");

        let bad_default = "- name: meta-x\n  category: meta\n  level: warn\n  summary: s\n  rationale: r\n  parameters:\n    - { name: gap, kind: duration, default: 3 apples, description: d }\n  examples: { bad: b, good: g }\n";
        let err = Registry::load(&[("x.yaml", bad_default)], ("p.yaml", "[]")).unwrap_err();
        assert!(err.to_string().contains("parameter `gap`"), "{err}");
    }
}
