//! The rule files `rules/*.yaml` as Rust code (`$OUT_DIR/registry.rs`), so
//! that a run of `stride` does not read the rules' documentation: it builds
//! the `RuleDoc`s directly. `check/registry.rs` still validates them (and
//! parses the parameter defaults) as it does the YAML, and `cargo test`
//! compares the two (`registry::tests::the_embedded_files_are_the_yaml`).
//!
//! The generated file holds `fn rule_file(name) -> Option<Vec<RuleDoc>>`,
//! one arm per file.

use std::fmt::Write as _;

use serde_yaml::Value;

/// How a YAML value becomes a Rust expression.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    OptStr,
    StrList,
    /// A kebab-case word naming a variant of this enum.
    Enum(&'static str),
    /// Any scalar, as a `serde_yaml::Value`.
    Value,
    List(&'static Schema),
    Struct(&'static Schema),
}

struct Schema {
    rust: &'static str,
    /// YAML key, Rust field, kind, the expression when the key is absent
    /// (`None`: required).
    fields: &'static [(&'static str, &'static str, Kind, Option<&'static str>)],
    /// Fields the YAML never gives, with their value.
    computed: &'static [(&'static str, &'static str)],
}

const CITATION: Schema = Schema {
    rust: "Citation",
    fields: &[
        ("ref", "reference", Kind::OptStr, Some("None")),
        ("cite", "cite", Kind::Str, None),
        ("source", "source", Kind::Str, None),
        ("doi", "doi", Kind::OptStr, Some("None")),
        ("strength", "strength", Kind::Enum("Strength"), None),
        ("finding", "finding", Kind::Str, None),
    ],
    computed: &[],
};

const PARAM: Schema = Schema {
    rust: "ParamDoc",
    fields: &[
        ("name", "name", Kind::Str, None),
        ("kind", "kind", Kind::Enum("ParamKind"), None),
        ("default", "default", Kind::Value, None),
        ("unit", "unit", Kind::OptStr, Some("None")),
        ("description", "description", Kind::Str, None),
        ("values", "values", Kind::StrList, Some("Vec::new()")),
    ],
    computed: &[("value", "None")],
};

const EXAMPLES: Schema = Schema {
    rust: "Examples",
    fields: &[
        ("bad", "bad", Kind::Str, None),
        ("good", "good", Kind::Str, None),
    ],
    computed: &[],
};

const RULE: Schema = Schema {
    rust: "RuleDoc",
    fields: &[
        ("name", "name", Kind::Str, None),
        ("category", "category", Kind::Str, None),
        ("level", "level", Kind::Enum("Level"), None),
        ("summary", "summary", Kind::Str, None),
        (
            "parameters",
            "parameters",
            Kind::List(&PARAM),
            Some("Vec::new()"),
        ),
        ("rationale", "rationale", Kind::Str, None),
        (
            "evidence",
            "evidence",
            Kind::List(&CITATION),
            Some("Vec::new()"),
        ),
        ("examples", "examples", Kind::Struct(&EXAMPLES), None),
    ],
    computed: &[("note", "OnceLock::new()")],
};

/// The Rust source for the rule files, each `(file name, YAML text)`.
pub fn generate(files: &[(String, String)]) -> Result<String, String> {
    let mut out = String::from(
        "// Written by build.rs from rules/*.yaml.\n\n\
         /// The rules of one embedded file, by its name (`load.yaml`).\n\
         fn rule_file(name: &str) -> Option<Vec<RuleDoc>> {\n    match name {\n",
    );
    for (name, text) in files {
        let value: Value =
            serde_yaml::from_str(text).map_err(|e| format!("{name} is not valid YAML: {e}"))?;
        let code = list(&value, &RULE).map_err(|e| format!("{name}: {e}"))?;
        let _ = writeln!(out, "        {name:?} => Some({code}),");
    }
    out.push_str("        _ => None,\n    }\n}\n");
    Ok(out)
}

fn list(value: &Value, schema: &Schema) -> Result<String, String> {
    let Value::Sequence(items) = value else {
        return Err(format!("not a list of {}: {value:?}", schema.rust));
    };
    let items = items
        .iter()
        .map(|item| structure(item, schema))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(format!("vec![{}]", items.join(", ")))
}

fn structure(value: &Value, schema: &Schema) -> Result<String, String> {
    let Value::Mapping(map) = value else {
        return Err(format!("a {} is not a mapping: {value:?}", schema.rust));
    };
    for key in map.keys() {
        let known = key
            .as_str()
            .is_some_and(|k| schema.fields.iter().any(|(yaml, ..)| *yaml == k));
        if !known {
            return Err(format!("{}: unknown field {key:?}", schema.rust));
        }
    }
    let mut code = format!("{} {{ ", schema.rust);
    for &(yaml, field, kind, default) in schema.fields {
        let expression = match (map.get(yaml), default) {
            (Some(value), _) => expression(value, kind).map_err(|e| format!("`{yaml}`: {e}"))?,
            (None, Some(default)) => default.to_string(),
            (None, None) => return Err(format!("a {} has no `{yaml}`", schema.rust)),
        };
        let _ = write!(code, "{field}: {expression}, ");
    }
    for (field, expression) in schema.computed {
        let _ = write!(code, "{field}: {expression}, ");
    }
    code.push('}');
    Ok(code)
}

fn expression(value: &Value, kind: Kind) -> Result<String, String> {
    let text = || {
        value
            .as_str()
            .ok_or_else(|| format!("not a string: {value:?}"))
    };
    Ok(match kind {
        Kind::Str => format!("String::from({:?})", text()?),
        Kind::OptStr => format!("Some(String::from({:?}))", text()?),
        Kind::StrList => {
            let Value::Sequence(items) = value else {
                return Err(format!("not a list: {value:?}"));
            };
            let items = items
                .iter()
                .map(|v| expression(v, Kind::Str))
                .collect::<Result<Vec<_>, _>>()?;
            format!("vec![{}]", items.join(", "))
        }
        Kind::Enum(name) => format!("{name}::{}", crate::catalogue::camel(text()?)),
        Kind::Value => match value {
            Value::String(s) => format!("serde_yaml::Value::String(String::from({s:?}))"),
            Value::Bool(b) => format!("serde_yaml::Value::Bool({b})"),
            Value::Number(n) => {
                if let Some(n) = n.as_u64() {
                    format!("serde_yaml::Value::Number(serde_yaml::Number::from({n}u64))")
                } else if let Some(n) = n.as_i64() {
                    format!("serde_yaml::Value::Number(serde_yaml::Number::from({n}i64))")
                } else {
                    let n = n.as_f64().unwrap_or(f64::NAN);
                    format!("serde_yaml::Value::Number(serde_yaml::Number::from({n:?}f64))")
                }
            }
            other => return Err(format!("not a scalar: {other:?}")),
        },
        Kind::List(schema) => list(value, schema)?,
        Kind::Struct(schema) => structure(value, schema)?,
    })
}
