//! Markdown for hovers: a rule's explanation, an exercise's catalogue
//! entry, a session's dates.

use std::fmt::Write as _;

use crate::ast::{ExerciseLine, Group, GroupKind, LineForm, Session};
use crate::catalogue::Exercise;
use crate::check::registry::{CitationStyle, RuleDoc};
use crate::plan::Plan;

/// What `stride explain RULE` says, in Markdown.
pub fn rule(doc: &RuleDoc) -> String {
    let mut out = format!(
        "**{}** · {} · {} by default\n\n{}\n\n{}",
        doc.name,
        doc.category,
        doc.level.keyword(),
        doc.summary.trim(),
        doc.rationale.trim()
    );
    if !doc.parameters.is_empty() {
        out.push_str("\n\n**Parameters**\n");
        for p in &doc.parameters {
            let default = serde_yaml::to_string(&p.default).unwrap_or_default();
            let unit = p.unit.as_deref().map_or(String::new(), |u| format!(" {u}"));
            let _ = write!(
                out,
                "\n- `{}.{}` (default `{}`{unit}): {}",
                doc.name,
                p.name,
                default.trim(),
                p.description.trim()
            );
        }
    }
    if !doc.evidence.is_empty() {
        out.push_str("\n\n**Evidence**\n");
        for c in &doc.evidence {
            out.push('\n');
            out.push_str(&c.render(CitationStyle::Hover));
        }
    }
    let _ = write!(
        out,
        "\n\nAllow it on one statement with `# stride: allow({})`, or for the plan with `allow {}` in `rules {{ }}`.",
        doc.name, doc.name
    );
    out
}

/// An exercise's entry: muscles, pattern, equipment.
pub fn exercise(entry: &Exercise, written: &str) -> String {
    let mut out = format!("**{}** · `{}`", entry.name, entry.id);
    if written != entry.id {
        let _ = write!(out, " (written `{written}`)");
    }
    let _ = write!(out, "\n\n- muscles: {}", entry.muscles.join(", "));
    if !entry.secondary.is_empty() {
        let _ = write!(out, "\n- secondary: {}", entry.secondary.join(", "));
    }
    let _ = write!(out, "\n- pattern: {}", entry.pattern);
    let _ = write!(out, "\n- equipment: {}", entry.equipment);
    let mut traits = Vec::new();
    traits.push(if entry.unilateral {
        "unilateral"
    } else {
        "bilateral"
    });
    if entry.compound {
        traits.push("compound");
    }
    let _ = write!(out, "\n- {}", traits.join(", "));
    if let Some(contacts) = entry.contacts {
        let _ = write!(out, "\n- foot contacts per rep: {contacts}");
    }
    if !entry.aliases.is_empty() {
        let _ = write!(out, "\n- also called: {}", entry.aliases.join(", "));
    }
    out
}

/// The dates a session expands to.
pub fn session(session: &Session, plan: Option<&Plan>) -> String {
    let mut out = format!("**session {:?}**", session.name.value);
    let Some(plan) = plan else {
        out.push_str("\n\nNo dates while the plan has errors.");
        return out;
    };
    let dates: Vec<_> = plan
        .sessions()
        .filter(|s| s.header == session.header)
        .collect();
    if let Some(first) = dates.first() {
        let _ = write!(out, " · block {:?}", first.block);
    }
    match dates.len() {
        0 => out.push_str("\n\nNot scheduled on any date."),
        1 => out.push_str("\n\n1 date:\n"),
        n => {
            let _ = write!(out, "\n\n{n} dates:\n");
        }
    }
    for s in dates {
        let day = s.date.strftime("%a %Y-%m-%d");
        let time = s
            .time
            .map_or("all day".to_owned(), |t| t.strftime("%H:%M").to_string());
        let kind = plan.week(s.week).map_or("", |w| match w.kind {
            crate::plan::WeekKind::Loading => "",
            crate::plan::WeekKind::Deload => " · deload",
            crate::plan::WeekKind::Taper => " · taper",
        });
        let _ = write!(out, "\n- week {} · {day} {time}{kind}", s.week);
    }
    out
}

/// The lines of a session's group `index`, in order.
pub fn group_lines(session: &Session, index: usize) -> Vec<&ExerciseLine> {
    session
        .exercises
        .iter()
        .filter(|l| l.group.map(usize::from) == Some(index))
        .collect()
}

/// `superset A`, `circuit B`: a group as the backends letter it.
pub fn group_name(group: &Group, index: usize) -> String {
    format!(
        "{} {}",
        group.kind_keyword(),
        crate::emit::describe::group_label(index)
    )
}

/// `2 lines · rest 90s`, `2 rounds · 3 entries · work 40s · between 20s ·
/// rest 60s`.
pub fn group_facts(group: &Group, lines: usize) -> String {
    let duration =
        |d: &crate::span::Spanned<crate::ast::Duration>| crate::fmt::duration_text(d.value.seconds);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut facts = Vec::new();
    match &group.kind {
        GroupKind::Superset => facts.push(plural(lines, "line")),
        GroupKind::Circuit {
            rounds,
            work,
            between,
        } => {
            facts.push(plural(rounds.value as usize, "round"));
            facts.push(plural(lines, "entry").replace("entrys", "entries"));
            facts.extend(work.as_ref().map(|w| format!("work {}", duration(w))));
            facts.extend(between.as_ref().map(|b| format!("between {}", duration(b))));
        }
    }
    facts.extend(group.rest.as_ref().map(|r| format!("rest {}", duration(r))));
    facts.join(" · ")
}

/// `4x5`, `10-12` (a circuit entry: one set a round), empty for an entry
/// that works for the circuit's time.
pub fn line_sets(line: &ExerciseLine) -> String {
    match line.form {
        LineForm::Sets => line
            .groups
            .iter()
            .map(|g| {
                crate::spelling::Sets {
                    sets: g.sets.value,
                    reps: g.reps.value,
                    per_side: g.per_side,
                }
                .to_string()
            })
            .collect::<Vec<_>>()
            .join(", "),
        LineForm::Entry => line
            .groups
            .first()
            .map(|g| g.reps.value.to_string())
            .unwrap_or_default(),
        LineForm::EntryWithoutReps => String::new(),
    }
}

/// A group's hover: what it is, its rounds and rests, its lines lettered
/// as the backends print them.
pub fn group(session: &Session, group: &Group, index: usize) -> String {
    let lines = group_lines(session, index);
    let label = crate::emit::describe::group_label(index);
    let what = match group.kind {
        GroupKind::Superset => {
            "Lines done back to back, one set of each a round; the rest comes after each round. Their set counts must agree."
        }
        GroupKind::Circuit { .. } => {
            "Each entry is one set a round; `work` is each entry's time, `between` the rest between entries, `rest` the rest between rounds."
        }
    };
    let mut out = format!(
        "**{}** · {}\n\n{what}\n",
        group_name(group, index),
        group_facts(group, lines.len())
    );
    for (i, line) in lines.iter().enumerate() {
        let sets = line_sets(line);
        let _ = write!(out, "\n- {label}{} `{}`", i + 1, line.exercise.value);
        if !sets.is_empty() {
            let _ = write!(out, " {sets}");
        }
        for alternative in &line.alternatives {
            let _ = write!(out, " (or `{}`)", alternative.exercise.value);
        }
    }
    out
}
