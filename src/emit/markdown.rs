//! The Markdown backend: a document a runner prints or commits.
//!
//! Title and summary, the running week, an overview of every week with its
//! volume per muscle group, Mermaid charts of volume and of the main lifts'
//! top loads, one section per week with a table per session, and the check
//! findings at the end. GitHub-flavoured: every table is followed by a blank
//! line, user text is escaped, numbers are right-aligned.

use std::collections::BTreeSet;

use jiff::civil::Time;

use super::WeekRange;
use super::describe::{self, exercise_name};
use super::mermaid::{Chart, Series};
use super::table::{Align, Table, escape};
use super::volume::{self, MuscleGroup, WeekVolume};
use super::{estimate, grid, prescriptions};
use crate::ast::{Intensity, Weekday};
use crate::diagnostic::Severity;
use crate::plan::{Plan, SessionOccurrence, Unit, Week, WeekKind, format_number};
use crate::render::Finding;

/// What the Markdown backend writes besides the plan.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The checker's findings, listed at the end.
    pub findings: &'a [Finding],
    /// Each session once (the default) or every week in full.
    pub detail: Detail,
}

/// How much of the weeks the document spells out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// The week grid, then each session once with the range its weeks cover.
    #[default]
    Sessions,
    /// The week grid, the running week, then every week's sessions in full.
    Full,
}

/// Writes the document: the weeks `weeks` selects (all without it).
pub fn emit(plan: &Plan, weeks: Option<WeekRange>, options: &Options) -> String {
    let weeks: Vec<&Week> = super::select(plan, weeks).collect();
    let volumes: Vec<WeekVolume> = weeks.iter().map(|w| volume::week_volume(plan, w)).collect();
    let mut out = String::new();
    summary(&mut out, plan, &weeks);
    week_grid(&mut out, plan, &weeks);
    if options.detail == Detail::Full {
        running_week(&mut out, &weeks);
    }
    overview(&mut out, plan, &weeks, &volumes, options.detail);
    charts(&mut out, plan, &weeks, &volumes);
    match options.detail {
        Detail::Sessions => session_summaries(&mut out, plan, &weeks),
        Detail::Full => {
            for week in &weeks {
                week_section(&mut out, plan, week);
            }
        }
    }
    findings(&mut out, options.findings);
    // One final newline, no trailing blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn summary(out: &mut String, plan: &Plan, weeks: &[&Week]) {
    let athlete = &plan.athlete;
    let unit = athlete.units;
    out.push_str(&format!("# {}\n\n", escape(&plan.name)));
    let span = match (plan.weeks.first(), plan.weeks.last()) {
        (Some(first), Some(last)) => format!(
            ", {} week{} from {} to {}",
            plan.weeks.len(),
            if plan.weeks.len() == 1 { "" } else { "s" },
            describe::long_date(first.monday),
            describe::long_date(last.sunday)
        ),
        _ => String::new(),
    };
    let level = athlete.level.keyword();
    let article = if level.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    out.push_str(&format!(
        "Strength plan for {article} {level} runner{span}.\n\n"
    ));

    let mut athlete_line = format!("{}, loads in {}", athlete.level.keyword(), unit.symbol());
    if let Some(bw) = athlete.bodyweight {
        athlete_line.push_str(&format!(", bodyweight {}", describe::mass(bw, unit)));
    }
    out.push_str(&format!("- **Athlete:** {athlete_line}\n"));
    if !athlete.maxes.is_empty() {
        let maxes: Vec<String> = athlete
            .maxes
            .iter()
            .map(|(id, max)| {
                let name = plan
                    .exercises
                    .get(id)
                    .map_or(id.as_str(), |e| e.name.as_str());
                format!("{} {}", escape(name), describe::mass(*max, unit))
            })
            .collect();
        out.push_str(&format!("- **One-rep maxes:** {}\n", maxes.join(", ")));
    }
    out.push_str(&format!(
        "- **Start:** {}; loads rounded to {}\n",
        describe::long_date(plan.start),
        describe::mass(athlete.round, unit)
    ));
    if !plan.blocks.is_empty() {
        let blocks: Vec<String> = plan
            .blocks
            .iter()
            .map(|b| {
                format!(
                    "{} ({})",
                    escape(&b.name),
                    week_span(b.first_week, b.last_week)
                )
            })
            .collect();
        out.push_str(&format!("- **Blocks:** {}\n", blocks.join(", ")));
    }
    for (kind, label) in [(WeekKind::Deload, "Deload"), (WeekKind::Taper, "Taper")] {
        let numbers: Vec<String> = plan
            .weeks
            .iter()
            .filter(|w| w.kind == kind)
            .map(|w| w.number.to_string())
            .collect();
        if !numbers.is_empty() {
            let word = if numbers.len() == 1 { "week" } else { "weeks" };
            out.push_str(&format!("- **{label} {word}:** {}\n", numbers.join(", ")));
        }
    }
    for race in &plan.races {
        let mut line = format!("{}, {}", escape(&race.name), describe::long_date(race.date));
        if let Some(t) = race.time {
            line.push_str(&format!(", {}", describe::time(t)));
        }
        if race.week >= 1 {
            line.push_str(&format!(" (week {})", race.week));
        }
        out.push_str(&format!("- **Race:** {line}\n"));
    }
    let timed = plan.sessions().any(|s| s.time.is_some()) || plan.runs().any(|r| r.time.is_some());
    if timed {
        out.push_str(&format!("- **Times:** {}\n", escape(&plan.timezone)));
    }
    if weeks.len() != plan.weeks.len() {
        match (weeks.first(), weeks.last()) {
            (Some(first), Some(last)) => out.push_str(&format!(
                "- **This document:** {}\n",
                week_span(first.number, last.number)
            )),
            _ => out.push_str("- **This document:** no weeks\n"),
        }
    }
    out.push('\n');
}

/// One run of the weekly template.
type TemplateRun = (Weekday, Option<Time>, u32, Intensity, Option<String>);

fn running_week(out: &mut String, weeks: &[&Week]) {
    // Group weeks by block (a block's `runs` replaces the plan's), taking the
    // union of each group's runs so that weeks cut short by the start date or
    // the race still show the whole template; merge neighbours that agree.
    let mut groups: Vec<(u32, u32, Option<usize>, BTreeSet<TemplateRun>)> = Vec::new();
    for week in weeks {
        let runs: BTreeSet<TemplateRun> = week
            .runs
            .iter()
            .map(|r| (r.day, r.time, r.duration_min, r.intensity, r.label.clone()))
            .collect();
        match groups.last_mut() {
            Some(last) if last.2 == week.block => {
                last.1 = week.number;
                last.3.extend(runs);
            }
            _ => groups.push((week.number, week.number, week.block, runs)),
        }
    }
    let mut merged: Vec<(u32, u32, BTreeSet<TemplateRun>)> = Vec::new();
    for (first, last, _, runs) in groups {
        match merged.last_mut() {
            Some(prev) if prev.2 == runs => prev.1 = last,
            _ => merged.push((first, last, runs)),
        }
    }
    if merged.iter().all(|m| m.2.is_empty()) {
        return;
    }
    out.push_str("## Running week\n\n");
    let several = merged.len() > 1;
    for (first, last, runs) in &merged {
        if several {
            out.push_str(&format!(
                "### {}\n\n",
                capitalized(&week_span(*first, *last))
            ));
        }
        if runs.is_empty() {
            out.push_str("No runs.\n\n");
            continue;
        }
        let mut table = Table::new(&[
            ("Day", Align::Left),
            ("Time", Align::Right),
            ("Duration", Align::Right),
            ("Intensity", Align::Left),
            ("Run", Align::Left),
        ]);
        for (day, time, duration, intensity, label) in runs {
            table.row(vec![
                day_name(*day).to_string(),
                time.map_or_else(|| "—".to_string(), describe::time),
                describe::minutes(*duration),
                intensity.keyword().to_string(),
                label.as_deref().map(escape).unwrap_or_default(),
            ]);
        }
        table.write(out);
    }
}

/// Weeks down, weekdays across: the page a runner pins on the fridge.
fn week_grid(out: &mut String, plan: &Plan, weeks: &[&Week]) {
    if weeks.is_empty() {
        return;
    }
    let grid = grid::grid(plan, weeks.iter().copied());
    out.push_str("## Week by week\n\n");
    let mut columns = vec![("Week", Align::Left)];
    columns.extend(
        Weekday::ALL
            .iter()
            .map(|d| (grid::short_day(*d), Align::Left)),
    );
    let mut table = Table::new(&columns);
    for row in &grid.rows {
        let mut head = format!("**{}** {}", row.number, row.monday.strftime("%-d %b"));
        let label = row.label();
        if !label.is_empty() {
            head.push_str("<br>");
            head.push_str(&escape(&label));
        }
        let mut cells = vec![head];
        cells.extend(row.days.iter().map(|entries| {
            entries
                .iter()
                .map(|e| escape(&e.text()))
                .collect::<Vec<_>>()
                .join("<br>")
        }));
        table.row(cells);
    }
    table.write(out);
}

/// Each session once, over the weeks it occurs in.
fn session_summaries(out: &mut String, plan: &Plan, weeks: &[&Week]) {
    let summaries = prescriptions::summaries(plan, weeks);
    if summaries.is_empty() {
        return;
    }
    out.push_str("## Sessions\n\n");
    for s in &summaries {
        let block = if s.block.is_empty() {
            String::new()
        } else {
            format!("{}, ", escape(&s.block))
        };
        out.push_str(&format!(
            "### {} · {block}{} · {}\n\n",
            escape(&s.name),
            s.week_text(),
            escape(&estimate::when(weeks, s))
        ));
        let mut facts: Vec<String> = Vec::new();
        if s.optional {
            facts.push("**Optional** (not counted toward the weekly minimums)".to_string());
        }
        if s.mobility {
            facts.push("**Mobility** (not counted as strength work)".to_string());
        }
        if let Some(location) = &s.location {
            facts.push(format!("**Location:** {}", escape(location)));
        }
        if let Some(w) = &s.warmup {
            facts.push(
                phase("Warm-up", w.duration_min, w.note.as_deref())
                    .trim_end()
                    .to_string(),
            );
        }
        if let Some(c) = &s.cooldown {
            facts.push(
                phase("Cool-down", c.duration_min, c.note.as_deref())
                    .trim_end()
                    .to_string(),
            );
        }
        if !facts.is_empty() {
            out.push_str(&facts.join(" · "));
            out.push_str("\n\n");
        }
        if s.lines.is_empty() {
            out.push_str("No exercises.\n\n");
            continue;
        }
        let lighter = s.lighter.clone().unwrap_or_default();
        type Get = fn(&prescriptions::LineSummary) -> &str;
        let columns: [(&str, Align, Get); 7] = [
            ("Exercise", Align::Left, |l| &l.exercise),
            ("Sets × reps", Align::Right, |l| &l.sets),
            ("Load", Align::Right, |l| &l.load),
            (&lighter, Align::Right, |l| &l.lighter),
            ("Rest", Align::Right, |l| &l.rest),
            ("Progression", Align::Left, |l| &l.progression),
            ("Notes", Align::Left, |l| &l.note),
        ];
        // Columns no line fills are left out (Exercise and Sets always stay).
        let kept: Vec<_> = columns
            .iter()
            .enumerate()
            .filter(|(i, (_, _, get))| *i < 2 || s.lines.iter().any(|l| !get(l).is_empty()))
            .map(|(_, c)| c)
            .collect();
        let heads: Vec<(&str, Align)> = kept.iter().map(|(h, a, _)| (*h, *a)).collect();
        let mut table = Table::new(&heads);
        for line in &s.lines {
            table.row(kept.iter().map(|(_, _, get)| escape(get(line))).collect());
        }
        table.write(out);
    }
}

fn overview(
    out: &mut String,
    plan: &Plan,
    weeks: &[&Week],
    volumes: &[WeekVolume],
    detail: Detail,
) {
    if weeks.is_empty() {
        return;
    }
    let unit = plan.athlete.units.symbol();
    out.push_str("## Overview\n\n");
    let bodyweight = volume::has_bodyweight_reps(plan, weeks);
    let tonnage = match (bodyweight, plan.athlete.bodyweight) {
        (true, Some(_)) => format!("Tonnage ({unit}, with bodyweight)"),
        _ => format!("Tonnage ({unit})"),
    };
    let mut table = Table::new(&[
        ("Week", Align::Right),
        ("Dates", Align::Left),
        ("Block", Align::Left),
        ("Phase", Align::Left),
        ("Sessions", Align::Right),
        ("Sets", Align::Right),
        (&tonnage, Align::Right),
    ]);
    for (week, volume) in weeks.iter().zip(volumes) {
        table.row(vec![
            week.number.to_string(),
            describe::date_range(week.monday, week.sunday),
            block_name(plan, week),
            describe::week_kind(week.kind).to_string(),
            volume.sessions.to_string(),
            volume.total.sets.to_string(),
            whole(volume.total.tonnage),
        ]);
    }
    table.write(out);
    if bodyweight {
        out.push_str(&bodyweight_note(plan));
    }

    let groups: Vec<MuscleGroup> = MuscleGroup::ALL
        .into_iter()
        .filter(|g| volumes.iter().any(|v| v.by_group.contains_key(g)))
        .collect();
    if groups.is_empty() {
        return;
    }
    let mut columns = vec![("Week", Align::Right)];
    columns.extend(groups.iter().map(|g| (g.label(), Align::Right)));
    out.push_str("### Weekly sets per muscle group\n\n");
    let mut sets = Table::new(&columns);
    out_rows(&mut sets, weeks, volumes, &groups, |l| l.sets.to_string());
    sets.write(out);
    if detail != Detail::Full {
        // The overview has each week's tonnage; per group only in full.
        return;
    }
    out.push_str(&format!("### Weekly tonnage per muscle group ({unit})\n\n"));
    let mut tons = Table::new(&columns);
    out_rows(&mut tons, weeks, volumes, &groups, |l| whole(l.tonnage));
    tons.write(out);
    out.push_str(
        "Tonnage is reps × external load (the bottom of a rep range, both sides of a \
         per-side set). An exercise counts in every group it works as a prime mover, \
         so the groups add up to more than the week.\n\n",
    );
}

/// What tonnage makes of bodyweight work, for plans that have some.
fn bodyweight_note(plan: &Plan) -> String {
    let unit = plan.athlete.units;
    match plan.athlete.bodyweight {
        Some(mass) => format!(
            "Tonnage counts bodyweight exercises at the declared bodyweight of {}{} \
             (plus or minus any load added with `@bw`); jumps and drills count only \
             added load.\n\n",
            format_number(mass),
            unit.symbol()
        ),
        None => format!(
            "Tonnage leaves out bodyweight exercises (only loads added with `@bw+` count): \
             declare the athlete's `bodyweight {}` to count them.\n\n",
            match unit {
                Unit::Kg => "70kg",
                Unit::Lb => "150lb",
            }
        ),
    }
}

fn out_rows(
    table: &mut Table,
    weeks: &[&Week],
    volumes: &[WeekVolume],
    groups: &[MuscleGroup],
    cell: impl Fn(&volume::Load) -> String,
) {
    for (week, volume) in weeks.iter().zip(volumes) {
        let mut row = vec![week.number.to_string()];
        row.extend(
            groups
                .iter()
                .map(|g| cell(&volume.by_group.get(g).copied().unwrap_or_default())),
        );
        table.row(row);
    }
}

fn charts(out: &mut String, plan: &Plan, weeks: &[&Week], volumes: &[WeekVolume]) {
    if weeks.is_empty() {
        return;
    }
    out.push_str("## Charts\n\n");
    Chart {
        title: "Weekly volume (working sets)",
        x_label: "Week",
        categories: weeks.iter().map(|w| w.number.to_string()).collect(),
        y_label: "Sets",
        values: volumes.iter().map(|v| f64::from(v.total.sets)).collect(),
        series: Series::Bar,
        from_zero: true,
    }
    .write(out);
    let unit = plan.athlete.units.symbol();
    let y_label = format!("Load ({unit})");
    for volume::LiftSeries { name, points } in volume::main_lift_series(plan, weeks) {
        let title = format!("{name}: top load per week");
        Chart {
            title: &title,
            x_label: "Week",
            categories: points.iter().map(|(w, _)| w.to_string()).collect(),
            y_label: &y_label,
            values: points.iter().map(|(_, l)| *l).collect(),
            series: Series::Line,
            from_zero: false,
        }
        .write(out);
    }
}

fn week_section(out: &mut String, plan: &Plan, week: &Week) {
    let mut heading = format!(
        "## Week {} · {}",
        week.number,
        describe::date_range(week.monday, week.sunday)
    );
    let block = block_name(plan, week);
    if !block.is_empty() {
        heading.push_str(" · ");
        heading.push_str(&block);
    }
    out.push_str(&heading);
    out.push_str("\n\n");
    match week.kind {
        WeekKind::Loading => {}
        WeekKind::Deload => out.push_str("**Deload week:** lighter loads or fewer sets.\n\n"),
        WeekKind::Taper => out.push_str("**Taper week:** fewer sets, same loads.\n\n"),
    }
    if week.sessions.is_empty() {
        out.push_str("No strength sessions.\n\n");
    }
    for session in &week.sessions {
        session_section(out, plan, session);
    }
    for race in plan
        .races
        .iter()
        .filter(|r| week.monday <= r.date && r.date <= week.sunday)
    {
        let mut line = format!(
            "**Race:** {}, {}",
            escape(&race.name),
            describe::long_date(race.date)
        );
        if let Some(t) = race.time {
            line.push_str(&format!(", {}", describe::time(t)));
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
}

fn session_section(out: &mut String, plan: &Plan, session: &SessionOccurrence) {
    let unit = plan.athlete.units;
    out.push_str(&format!(
        "### {} · {}\n\n",
        escape(&session.name),
        describe::session_when(session)
    ));
    if let Some(location) = &session.location {
        out.push_str(&format!("**Location:** {}\n\n", escape(location)));
    }
    if let Some(w) = &session.warmup {
        out.push_str(&phase("Warm-up", w.duration_min, w.note.as_deref()));
    }
    if session.exercises.is_empty() {
        out.push_str("No exercises.\n\n");
    } else {
        let mut table = Table::new(&[
            ("Exercise", Align::Left),
            ("Sets × reps", Align::Right),
            ("Load", Align::Right),
            ("Rest", Align::Right),
            ("Notes", Align::Left),
        ]);
        for p in &session.exercises {
            let load = describe::all_loads(p, unit);
            table.row(vec![
                escape(&exercise_name(plan, p)),
                describe::all_sets(p),
                if load.is_empty() {
                    "—".to_string()
                } else {
                    load
                },
                p.rest_s.map_or_else(|| "—".to_string(), describe::rest),
                p.note.as_deref().map(escape).unwrap_or_default(),
            ]);
        }
        // Exercise and sets always stay; a column no line fills goes.
        table.drop_empty_columns(2);
        table.write(out);
    }
    if let Some(c) = &session.cooldown {
        out.push_str(&phase("Cool-down", c.duration_min, c.note.as_deref()));
    }
}

fn phase(label: &str, minutes: f64, note: Option<&str>) -> String {
    match note {
        Some(note) => format!(
            "**{label}:** {} — {}\n\n",
            describe::phase_minutes(minutes),
            escape(note)
        ),
        None => format!("**{label}:** {}\n\n", describe::phase_minutes(minutes)),
    }
}

fn findings(out: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    out.push_str("## Findings\n\n");
    for f in findings {
        out.push_str(&finding(f));
    }
    out.push('\n');
}

fn finding(f: &Finding) -> String {
    let severity = match f.severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Advice => "Info",
    };
    let place = if f.place.is_empty() {
        String::new()
    } else {
        format!(" ({})", f.place)
    };
    let mut item = format!(
        "- **{severity}** `{}`{place}: {}\n",
        f.code.replace('`', "'"),
        escape(&f.message)
    );
    for extra in &f.details {
        item.push_str(&format!("  {}\n", escape(extra)));
    }
    item
}

fn block_name(plan: &Plan, week: &Week) -> String {
    week.block
        .and_then(|i| plan.blocks.get(i))
        .map(|b| escape(&b.name))
        .unwrap_or_default()
}

/// `weeks 1–6`, `week 3`.
fn week_span(first: u32, last: u32) -> String {
    if first == last {
        format!("week {first}")
    } else {
        format!("weeks {first}–{last}")
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn day_name(day: Weekday) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][usize::from(day.index()) % 7]
}

/// A tonnage, rounded to whole units.
fn whole(value: f64) -> String {
    format_number(value.round())
}
