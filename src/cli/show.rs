//! `stride show`: the expanded weeks as a table for the terminal.

use std::fmt::Write as _;

use clap::Args;

use super::input;
use crate::ast::Weekday;
use crate::emit::grid;
use crate::plan::{Plan, SessionOccurrence, Week, WeekKind, format_duration};

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
    let _ = writeln!(
        out,
        "  {}{time}  {}{duration}",
        day_date(session.day, session.date),
        session.name
    );
    let mut rows: Vec<[String; 5]> = Vec::new();
    if let Some(warmup) = &session.warmup {
        rows.push(phase_row(
            "warmup",
            warmup.duration_min,
            warmup.note.as_deref(),
        ));
    }
    for exercise in &session.exercises {
        for (i, group) in exercise.sets.iter().enumerate() {
            let name = if i == 0 {
                exercise.exercise.clone()
            } else {
                String::new()
            };
            let load = group.load.as_ref().map(|l| l.text()).unwrap_or_default();
            let rest = match (i, exercise.rest_s) {
                (0, Some(s)) => format!("rest {}", format_duration(s)),
                _ => String::new(),
            };
            let progression = if i == 0 {
                exercise.progression.clone().unwrap_or_default()
            } else {
                String::new()
            };
            rows.push([name, group.sets_text(), load, rest, progression]);
        }
    }
    if let Some(cooldown) = &session.cooldown {
        rows.push(phase_row(
            "cooldown",
            cooldown.duration_min,
            cooldown.note.as_deref(),
        ));
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let mut line = String::from("    ");
        for (c, cell) in row.iter().enumerate() {
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

fn phase_row(what: &str, minutes: f64, note: Option<&str>) -> [String; 5] {
    let seconds = (minutes * 60.0).round() as u32;
    [
        what.to_string(),
        format_duration(seconds),
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
