//! `docs/rules.md`, generated from the rule registry so that it never
//! drifts from what `stride explain` says (a test compares the committed
//! file with [`markdown`]; `STRIDE_BLESS=1 cargo test` rewrites it).

use std::fmt::Write;

use crate::check::Registry;
use crate::check::registry::{CitationStyle, RuleDoc};
use crate::error_code::ErrorCode;

/// The heading anchor of the section documenting `rule`, as GitHub derives
/// it from the heading text; compiler error codes share one section.
pub fn anchor(rule: &str) -> String {
    if Registry::builtin().get(rule).is_some() {
        slug(rule)
    } else {
        slug(COMPILER_ERRORS)
    }
}

const COMPILER_ERRORS: &str = "Compiler errors";

/// GitHub's anchor for a heading: lower case, punctuation other than `-`
/// and `_` dropped, spaces turned into `-`.
pub fn anchor_of_heading(heading: &str) -> String {
    slug(heading.trim())
}

fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The whole of `docs/rules.md`.
pub fn markdown() -> String {
    let registry = Registry::builtin();
    let mut out = String::from(
        "# Rules\n\n\
<!-- Generated from rules/*.yaml by `stride::report::rules_doc::markdown`; \
do not edit. `STRIDE_BLESS=1 cargo test --test check_formats` rewrites it. -->\n\n\
Every rule `stride check` applies, with its default level, parameters and \
the evidence behind it. `stride explain RULE` prints the same in a terminal. \
Levels are set in `stride.yaml`, in a plan's `rules { }` block, with \
`# stride: allow(RULE)` comments or with `--allow`/`--warn`/`--deny`.\n\n",
    );
    out.push_str("| rule | level | summary |\n|---|---|---|\n");
    for rule in registry.rules() {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} |",
            rule.name,
            slug(&rule.name),
            rule.level,
            table_cell(&rule.summary)
        );
    }
    for rule in registry.rules() {
        section(&mut out, rule);
    }
    let _ = write!(
        out,
        "\n## {COMPILER_ERRORS}\n\n\
Problems that stop a plan from compiling (`unknown-exercise`, `invalid-date`, \
syntax errors, ...) are always errors and cannot be allowed. Each message says \
what is wrong and how to fix it; the language is described in \
[language.md](language.md).\n\n\
`stride explain CODE` prints the same for one code.\n\n\
| code | meaning |\n|---|---|\n"
    );
    for code in ErrorCode::ALL {
        let _ = writeln!(
            out,
            "| `{code}` | {} {} |",
            table_cell(code.summary()),
            table_cell(code.description())
        );
    }
    out
}

fn section(out: &mut String, rule: &RuleDoc) {
    let _ = write!(
        out,
        "\n## {}\n\n*{}* · default level **{}**\n\n{}\n\n",
        rule.name,
        rule.category,
        rule.level,
        rule.summary.trim()
    );
    if !rule.parameters.is_empty() {
        out.push_str("| parameter | default | meaning |\n|---|---|---|\n");
        for p in &rule.parameters {
            let default = match &p.default {
                serde_yaml::Value::String(s) => s.clone(),
                serde_yaml::Value::Number(n) => n.to_string(),
                serde_yaml::Value::Bool(b) => b.to_string(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            let unit = p
                .unit
                .as_deref()
                .map_or(String::new(), |u| format!(" ({u})"));
            let _ = writeln!(
                out,
                "| `{}` | `{default}` | {}{unit} |",
                p.name,
                table_cell(&p.description)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "**Why.** {}\n", rule.rationale.trim());
    if !rule.evidence.is_empty() {
        out.push_str("**Evidence.**\n\n");
        for c in &rule.evidence {
            out.push_str(&c.render(CitationStyle::Docs));
            out.push('\n');
        }
        out.push('\n');
    }
    let _ = write!(
        out,
        "Fires on:\n\n```stride\n{}\n```\n\nFixed:\n\n```stride\n{}\n```\n",
        rule.examples.bad.trim_end(),
        rule.examples.good.trim_end()
    );
}

fn table_cell(text: &str) -> String {
    text.trim().replace('\n', " ").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    #[test]
    fn anchors_follow_github() {
        assert_eq!(super::slug("schedule.same-session"), "schedulesame-session");
        assert_eq!(super::anchor("unknown-exercise"), "compiler-errors");
    }
}
