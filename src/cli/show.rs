//! `stride show`: the expanded weeks as a table for the terminal.

use std::fmt::Write as _;

use clap::Args;

use super::input;
use crate::ast::Weekday;
use crate::emit::{describe, grid};
use crate::plan::{
    GroupInfo, GroupKind, Plan, Prescription, SessionOccurrence, SetGroup, Week, WeekKind,
    format_duration,
};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The plan to show (`-` reads standard input).
    pub file: String,
    /// Show only this week (or a range such as 5-8).
    #[arg(long, value_name = "N[-M]")]
    pub week: Option<String>,
    /// Show the weeks as a grid: weeks down, weekdays across, each day's
    /// runs, sessions and races.
    #[arg(long)]
    pub grid: bool,
}

pub fn run(args: ShowArgs) -> u8 {
    let range = match args.week.as_deref().map(parse_weeks).transpose() {
        Ok(range) => range,
        Err(message) => {
            errln!("error: {message}");
            return super::USAGE;
        }
    };
    let (source, compiled) = match input::compile_path(&args.file) {
        Ok(pair) => pair,
        Err(code) => return code,
    };
    let Some(plan) = compiled.plan.as_ref() else {
        return super::FAILURE;
    };
    let weeks = plan.weeks.len() as u32;
    let (first, last) = range.unwrap_or((1, weeks));
    if range.is_some() && first > weeks {
        errln!(
            "error: {}: week {first} is outside the plan, which has {weeks} weeks",
            source.name
        );
        return super::USAGE;
    }
    if args.grid {
        out!("{}", render_grid(plan, first, last.min(weeks)));
    } else {
        out!("{}", render(plan, first, last.min(weeks)));
    }
    super::SUCCESS
}

/// `5` or `5-8`.
fn parse_weeks(text: &str) -> Result<(u32, u32), String> {
    let bad =
        || format!("`--week {text}` is not a week: give a number such as 5 or a range such as 5-8");
    let (a, b) = match text.split_once('-') {
        Some((a, b)) => (a, b),
        None => (text, text),
    };
    let first: u32 = a.trim().parse().map_err(|_| bad())?;
    let last: u32 = b.trim().parse().map_err(|_| bad())?;
    if first == 0 || last < first {
        return Err(bad());
    }
    Ok((first, last))
}

/// The weeks `first..=last` of `plan` as a grid.
pub fn render_grid(plan: &Plan, first: u32, last: u32) -> String {
    let grid = grid::grid(
        plan,
        plan.weeks
            .iter()
            .filter(|w| (first..=last).contains(&w.number)),
    );
    format!(
        "{} · {} weeks from {} · {}\n\n{}",
        plan.name,
        plan.weeks.len(),
        plan.start,
        plan.timezone,
        grid::text(&grid)
    )
}

/// The weeks `first..=last` of `plan` as text.
pub fn render(plan: &Plan, first: u32, last: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} weeks from {} · {}",
        plan.name,
        plan.weeks.len(),
        plan.start,
        plan.timezone
    );
    for week in plan
        .weeks
        .iter()
        .filter(|w| (first..=last).contains(&w.number))
    {
        out.push('\n');
        render_week(&mut out, plan, week);
    }
    out
}

fn render_week(out: &mut String, plan: &Plan, week: &Week) {
    let block = week
        .block
        .and_then(|i| plan.blocks.get(i))
        .map_or("no block", |b| b.name.as_str());
    let kind = match week.kind {
        WeekKind::Loading => "",
        WeekKind::Deload => " · deload",
        WeekKind::Taper => " · taper",
    };
    let _ = writeln!(
        out,
        "Week {} · {} – {} · {block}{kind}",
        week.number,
        day_date(Weekday::Mon, week.monday),
        day_date(Weekday::Sun, week.sunday),
    );
    if week.sessions.is_empty() {
        let _ = writeln!(out, "  no strength sessions");
    }
    for session in &week.sessions {
        render_session(out, session);
    }
    for race in plan
        .races
        .iter()
        .filter(|r| r.week == i64::from(week.number))
    {
        let time = race
            .time
            .map(|t| format!(" {}", t.strftime("%H:%M")))
            .unwrap_or_default();
        let _ = writeln!(out, "  race: {} {}{time}", race.name, race.date);
    }
}

fn render_session(out: &mut String, session: &SessionOccurrence) {
    let time = match (session.time, session.utc_offset) {
        (Some(t), Some(offset)) => format!(
            " {} (UTC{})",
            t.strftime("%H:%M"),
            crate::plan::offset_text(offset)
        ),
        (Some(t), None) => format!(" {}", t.strftime("%H:%M")),
        (None, _) => " all day".to_string(),
    };
    let duration = session
        .duration_min
        .map(|m| format!(", {}", format_duration(m * 60)))
        .unwrap_or_default();
    let tags: String = [
        (session.optional, " (optional)"),
        (session.mobility, " (mobility)"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, tag)| *tag)
    .collect();
    let _ = writeln!(
        out,
        "  {}{time}  {}{tags}{duration}",
        day_date(session.day, session.date),
        session.name
    );
    let mut rows: Vec<Row> = Vec::new();
    if let Some(warmup) = &session.warmup {
        rows.push(Row::Cells(phase_row(
            "warmup",
            warmup.duration_min,
            warmup.note.as_deref(),
        )));
    }
    for item in describe::items(session) {
        match item {
            describe::Item::Line(entry) => entry_rows(&mut rows, "", &entry),
            describe::Item::Group {
                label,
                info,
                rounds,
                entries,
            } => {
                rows.push(Row::Heading(group_heading(info, &label, rounds)));
                for (i, entry) in entries.iter().enumerate() {
                    entry_rows(&mut rows, &format!("  {label}{} ", i + 1), entry);
                }
            }
        }
    }
    if let Some(cooldown) = &session.cooldown {
        rows.push(Row::Cells(phase_row(
            "cooldown",
            cooldown.duration_min,
            cooldown.note.as_deref(),
        )));
    }
    let cells = || {
        rows.iter().filter_map(|r| match r {
            Row::Cells(cells) => Some(cells),
            Row::Heading(_) => None,
        })
    };
    let widths: Vec<usize> = (0..COLUMNS)
        .map(|c| cells().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    // The tempo column only when a line has a tempo, so that plans without
    // one read as before.
    let skip_tempo = widths[TEMPO] == 0;
    for row in &rows {
        let row = match row {
            Row::Heading(text) => {
                let _ = writeln!(out, "    {text}");
                continue;
            }
            Row::Cells(cells) => cells,
        };
        let mut line = String::from("    ");
        for (c, cell) in row.iter().enumerate() {
            if c == TEMPO && skip_tempo {
                continue;
            }
            let pad = widths[c].saturating_sub(cell.chars().count());
            // Loads are numbers: right-aligned.
            if c == 2 {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// Name, sets, load, rest, tempo, progression.
const COLUMNS: usize = 6;
const TEMPO: usize = 4;

/// A row of a session's table, or a group's heading across it.
enum Row {
    Cells([String; COLUMNS]),
    Heading(String),
}

/// `superset A · 3 rounds · rest 90s`,
/// `circuit B · 2 rounds · work 40s · between 20s · rest 60s`.
fn group_heading(info: &GroupInfo, label: &str, rounds: u32) -> String {
    let mut parts = vec![
        format!("{} {label}", info.kind.keyword()),
        format!("{rounds} round{}", if rounds == 1 { "" } else { "s" }),
    ];
    if let GroupKind::Circuit {
        work_s, between_s, ..
    } = info.kind
    {
        parts.extend(work_s.map(|w| format!("work {}", format_duration(w))));
        parts.extend(between_s.map(|b| format!("between {}", format_duration(b))));
    }
    parts.extend(info.rest_s.map(|r| format!("rest {}", format_duration(r))));
    parts.join(" · ")
}

/// A line's rows (one a set group), then each alternative's, `or ` before
/// its name.
fn entry_rows(rows: &mut Vec<Row>, label: &str, entry: &describe::Entry<'_>) {
    prescription_rows(rows, label.to_string(), entry.prescription);
    let indent = " ".repeat(label.chars().count().max(2));
    for alternative in &entry.alternatives {
        prescription_rows(rows, format!("{indent}or "), alternative);
    }
}

fn prescription_rows(rows: &mut Vec<Row>, label: String, exercise: &Prescription) {
    for (i, group) in exercise.sets.iter().enumerate() {
        let first = i == 0;
        let name = if first {
            format!("{label}{}", exercise.exercise)
        } else {
            String::new()
        };
        let rest = match (first, exercise.rest_s) {
            (true, Some(s)) => format!("rest {}", format_duration(s)),
            _ => String::new(),
        };
        let tempo = match (first, exercise.tempo) {
            (true, Some(t)) => format!("tempo {}", crate::fmt::spell::tempo(t)),
            _ => String::new(),
        };
        let progression = if first {
            exercise.progression.clone().unwrap_or_default()
        } else {
            String::new()
        };
        rows.push(Row::Cells([
            name,
            group.sets_text(),
            load_text(group),
            rest,
            tempo,
            progression,
        ]));
    }
}

/// The load as the plan gives it, ranges whole and the effort beside it:
/// `70-75 kg`, `RPE 7-8`, `80 kg RPE 8`.
fn load_text(group: &SetGroup) -> String {
    let mut text = match (&group.load, &group.load_to) {
        (Some(from), Some(to)) if from != to => {
            let (a, b) = (from.text(), to.text());
            // `70 kg` to `75 kg` reads `70-75 kg`; `RPE 7` to `RPE 8`, `RPE 7-8`.
            match (a.split_once(' '), b.split_once(' ')) {
                (Some((x, unit_a)), Some((y, unit_b)))
                    if unit_a == unit_b && !x.starts_with("bw") =>
                {
                    format!("{x}-{y} {unit_a}")
                }
                (Some((scale_a, x)), Some((scale_b, y))) if scale_a == scale_b => {
                    format!("{scale_a} {x}-{y}")
                }
                _ => format!("{a} to {b}"),
            }
        }
        (Some(load), _) => load.text(),
        (None, _) => String::new(),
    };
    if let Some(e) = group.effort {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&describe::effort(e).replace('–', "-"));
    }
    text
}

fn phase_row(what: &str, minutes: f64, note: Option<&str>) -> [String; COLUMNS] {
    let seconds = (minutes * 60.0).round() as u32;
    [
        what.to_string(),
        format_duration(seconds),
        String::new(),
        String::new(),
        String::new(),
        note.unwrap_or_default().to_string(),
    ]
}

fn day_date(day: Weekday, date: jiff::civil::Date) -> String {
    let mut name = day.keyword().to_string();
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{name} {date}")
}
