//! `rules/exercises.yaml` as Rust code (`$OUT_DIR/catalogue.rs`), so that
//! a run of `stride` reads no embedded data: `src/catalogue.rs` looks a
//! name up in a sorted table and builds an entry on its first use.
//!
//! The generated file holds
//! - `COUNT`, the number of entries, sorted by id;
//! - `NAMES`, every id and alias, sorted, with the index of its entry;
//! - `ENTRIES`, one function per entry that builds its `Exercise`.
//!
//! This script only changes the syntax of the data: `cargo test` loads the
//! YAML with the library's own validation and compares
//! (`catalogue::tests::the_embedded_catalogue_is_the_yaml`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_yaml::Value;

/// The Rust source of the catalogue in `yaml`, or what is wrong with it.
pub fn generate(yaml: &str) -> Result<String, String> {
    let entries: Vec<Value> =
        serde_yaml::from_str(yaml).map_err(|e| format!("not a list of entries: {e}"))?;
    let mut by_id: BTreeMap<String, String> = BTreeMap::new();
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in &entries {
        let (id, code, names) = exercise(entry)?;
        if by_id.insert(id.clone(), code).is_some() {
            return Err(format!("exercise `{id}` is defined twice"));
        }
        aliases.insert(id, names);
    }
    let index: BTreeMap<&str, usize> = by_id
        .keys()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, list) in &aliases {
        for name in std::iter::once(id).chain(list) {
            if let Some(other) = names.insert(name, index[id.as_str()]) {
                let other = by_id.keys().nth(other).map_or("", String::as_str);
                return Err(format!("the name `{name}` is used by `{other}` and `{id}`"));
            }
        }
    }
    let mut out = String::from("// Written by build.rs from rules/exercises.yaml.\n\n");
    let _ = writeln!(out, "pub(crate) const COUNT: usize = {};\n", by_id.len());
    out.push_str("pub(crate) static NAMES: &[(&str, u16)] = &[\n");
    for (name, i) in &names {
        let _ = writeln!(out, "    ({name:?}, {i}),");
    }
    out.push_str("];\n\npub(crate) static ENTRIES: [fn() -> Exercise; COUNT] = [\n");
    for i in 0..by_id.len() {
        let _ = writeln!(out, "    e{i},");
    }
    out.push_str("];\n");
    for (i, code) in by_id.values().enumerate() {
        let _ = write!(out, "\nfn e{i}() -> Exercise {{\n    {code}\n}}\n");
    }
    Ok(out)
}

/// One entry: its id, the expression that builds it, its aliases.
fn exercise(entry: &Value) -> Result<(String, String, Vec<String>), String> {
    let Value::Mapping(map) = entry else {
        return Err(format!("an entry is not a mapping: {entry:?}"));
    };
    let mut id = None;
    let mut aliases = Vec::new();
    let mut fields: BTreeMap<&str, String> = BTreeMap::new();
    for (key, value) in map {
        let key = key
            .as_str()
            .ok_or_else(|| format!("a key is not a word: {key:?}"))?;
        let code = match key {
            "id" => {
                let text = string(key, value)?;
                id = Some(text.to_string());
                format!("String::from({text:?})")
            }
            "name" | "pattern" | "equipment" => format!("String::from({:?})", string(key, value)?),
            "aliases" | "muscles" | "secondary" => {
                let list = strings(key, value)?;
                let code = list
                    .iter()
                    .map(|s| format!("String::from({s:?})"))
                    .collect::<Vec<_>>()
                    .join(", ");
                if key == "aliases" {
                    aliases = list;
                }
                format!("vec![{code}]")
            }
            "unilateral" | "compound" => boolean(key, value)?.to_string(),
            "contacts" => match value.as_u64() {
                Some(n) if u32::try_from(n).is_ok() => format!("Some({n})"),
                _ => return Err(format!("`contacts` is not a count: {value:?}")),
            },
            "stress" => format!("Some(Stress::{})", camel(string(key, value)?)),
            "fit" => format!("Some({})", fit(value)?),
            other => return Err(format!("unknown field `{other}`")),
        };
        fields.insert(key, code);
    }
    let id = id.ok_or("an entry has no `id`")?;
    let mut code = String::from("Exercise {\n");
    for (field, default) in [
        ("id", None),
        ("name", None),
        ("aliases", Some("Vec::new()")),
        ("pattern", None),
        ("muscles", None),
        ("secondary", Some("Vec::new()")),
        ("equipment", None),
        ("unilateral", Some("false")),
        ("compound", Some("false")),
        ("contacts", Some("None")),
        ("fit", Some("None")),
        ("stress", Some("None")),
    ] {
        let value = match (fields.get(field), default) {
            (Some(value), _) => value.as_str(),
            (None, Some(default)) => default,
            (None, None) => return Err(format!("exercise `{id}` has no `{field}`")),
        };
        let _ = writeln!(code, "        {field}: {value},");
    }
    code.push_str("    }");
    Ok((id, code, aliases))
}

fn fit(value: &Value) -> Result<String, String> {
    let Value::Mapping(map) = value else {
        return Err(format!("`fit` is not a mapping: {value:?}"));
    };
    let (mut category, mut name, mut approximate) = (None, "None".to_string(), false);
    for (key, value) in map {
        match key.as_str() {
            Some("category") => category = Some(string("fit.category", value)?),
            Some("name") => name = format!("Some(String::from({:?}))", string("fit.name", value)?),
            Some("approximate") => approximate = boolean("fit.approximate", value)?,
            _ => return Err(format!("unknown field `fit.{key:?}`")),
        }
    }
    let category = category.ok_or("a `fit` mapping has no `category`")?;
    Ok(format!(
        "FitMapping {{ category: String::from({category:?}), name: {name}, approximate: {approximate} }}"
    ))
}

fn string<'a>(key: &str, value: &'a Value) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("`{key}` is not a string: {value:?}"))
}

fn strings(key: &str, value: &Value) -> Result<Vec<String>, String> {
    let Value::Sequence(items) = value else {
        return Err(format!("`{key}` is not a list: {value:?}"));
    };
    items
        .iter()
        .map(|v| string(key, v).map(str::to_string))
        .collect()
}

fn boolean(key: &str, value: &Value) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("`{key}` is not true or false: {value:?}"))
}

/// `plyo-low` -> `PlyoLow`: a kebab-case word as a Rust variant name.
pub fn camel(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}
