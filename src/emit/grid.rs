//! The week grid: weeks down, weekdays across, each cell the day's runs,
//! strength sessions and races. One model, read by `stride show --grid`,
//! the Markdown plan and the HTML plan, so the three agree cell for cell.

use jiff::civil::{Date, Time};

use super::describe;
use super::estimate::Estimate;
use crate::ast::{Intensity, RunDistance, Weekday};
use crate::plan::{Plan, Week, WeekKind, format_number};

/// The grid of some weeks of a plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    pub(crate) rows: Vec<GridWeek>,
}

/// One week: its label and seven day cells, Monday first.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GridWeek {
    pub(crate) number: u32,
    pub(crate) monday: Date,
    pub(crate) sunday: Date,
    pub(crate) block: Option<String>,
    pub(crate) kind: WeekKind,
    /// A race falls in this week.
    pub(crate) race: bool,
    pub(crate) days: [Vec<Entry>; 7],
}

/// One thing on one day, in the order the day holds them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    Run {
        time: Option<Time>,
        minutes: u32,
        /// As written: `18km`, `10mi`.
        distance: Option<RunDistance>,
        intensity: Intensity,
        label: Option<String>,
    },
    Session {
        name: String,
        time: Option<Time>,
        minutes: Option<u32>,
        /// The length its content takes, as the checker estimates it.
        estimate: Estimate,
    },
    Race {
        name: String,
        time: Option<Time>,
    },
}

impl Entry {
    /// When in the day: untimed entries first, then by time.
    fn time(&self) -> Option<Time> {
        match self {
            Entry::Run { time, .. } | Entry::Session { time, .. } | Entry::Race { time, .. } => {
                *time
            }
        }
    }

    /// The entry as a short line of text: `hard run 60 min`,
    /// `moderate run 1 h 40 min, 18 km`,
    /// `Lower A 18:00, 50 min (est. 52 min)`,
    /// `Race: Brighton Half Marathon 09:00`.
    pub(crate) fn text(&self) -> String {
        let mut text = self.written();
        if let Some(estimate) = self.estimate() {
            text.push_str(&estimate);
        }
        text
    }

    /// The estimate's part of [`Entry::text`], for a session:
    /// ` (est. 52 min)`, or `, est. 52 min` without a written length.
    pub(crate) fn estimate(&self) -> Option<String> {
        match self {
            Entry::Session {
                minutes, estimate, ..
            } => Some(estimate.beside(*minutes)),
            Entry::Run { .. } | Entry::Race { .. } => None,
        }
    }

    /// [`Entry::text`] without the estimate: what the plan says.
    pub(crate) fn written(&self) -> String {
        match self {
            Entry::Run {
                minutes,
                distance,
                intensity,
                ..
            } => {
                let mut text = format!(
                    "{} run {}",
                    intensity.keyword(),
                    describe::minutes(*minutes)
                );
                if let Some(d) = distance {
                    text.push_str(&format!(", {} {}", format_number(d.value), d.unit.symbol()));
                }
                text
            }
            Entry::Session {
                name,
                time,
                minutes,
                ..
            } => {
                let mut text = name.clone();
                if let Some(t) = time {
                    text.push(' ');
                    text.push_str(&describe::time(*t));
                }
                if let Some(m) = minutes {
                    text.push_str(", ");
                    text.push_str(&describe::minutes(*m));
                }
                text
            }
            Entry::Race { name, time } => match time {
                Some(t) => format!("Race: {name} {}", describe::time(*t)),
                None => format!("Race: {name}"),
            },
        }
    }
}

impl GridWeek {
    /// `Base`, `Base · deload`, `Peak · taper · race`.
    pub(crate) fn label(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(block) = &self.block {
            parts.push(block);
        }
        let kind = describe::week_kind(self.kind);
        if !kind.is_empty() {
            parts.push(kind);
        }
        if self.race {
            parts.push("race");
        }
        parts.join(" · ")
    }
}

/// The grid of `weeks` of `plan`.
pub(crate) fn grid<'a>(plan: &Plan, weeks: impl IntoIterator<Item = &'a Week>) -> Grid {
    Grid {
        rows: weeks.into_iter().map(|w| grid_week(plan, w)).collect(),
    }
}

fn grid_week(plan: &Plan, week: &Week) -> GridWeek {
    let mut days: [Vec<Entry>; 7] = Default::default();
    for run in &week.runs {
        days[usize::from(run.day.index())].push(Entry::Run {
            time: run.time,
            minutes: run.duration_min,
            distance: run.distance,
            intensity: run.intensity,
            label: run.label.clone(),
        });
    }
    for session in &week.sessions {
        days[usize::from(session.day.index())].push(Entry::Session {
            name: session.name.clone(),
            time: session.time,
            minutes: session.duration_min,
            estimate: Estimate::of(session),
        });
    }
    let mut race = false;
    for r in plan
        .races
        .iter()
        .filter(|r| week.monday <= r.date && r.date <= week.sunday)
    {
        race = true;
        let index = r.date.weekday().to_monday_zero_offset();
        days[usize::try_from(index).unwrap_or(0) % 7].push(Entry::Race {
            name: r.name.clone(),
            time: r.time,
        });
    }
    for day in &mut days {
        // Stable: equal times keep runs before sessions before races.
        day.sort_by_key(|e| e.time());
    }
    GridWeek {
        number: week.number,
        monday: week.monday,
        sunday: week.sunday,
        block: week
            .block
            .and_then(|i| plan.blocks.get(i))
            .map(|b| b.name.clone()),
        kind: week.kind,
        race,
        days,
    }
}

/// Three-letter weekday names for column heads.
pub(crate) fn short_day(day: Weekday) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][usize::from(day.index()) % 7]
}

/// The grid as fixed-width text for the terminal: one row of lines per
/// week, each day a column as wide as its longest entry.
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
pub(crate) fn text(grid: &Grid) -> String {
    let heads: Vec<String> = grid
        .rows
        .iter()
        .map(|w| {
            format!(
                "{} {}",
                w.number,
                describe::date_range(w.monday, w.sunday)
                    .rsplit_once(' ')
                    .map_or(String::new(), |(d, _)| d.to_string())
            )
        })
        .collect();
    let labels: Vec<String> = grid.rows.iter().map(GridWeek::label).collect();
    let cells: Vec<[Vec<String>; 7]> = grid
        .rows
        .iter()
        .map(|w| w.days.clone().map(|d| d.iter().map(Entry::text).collect()))
        .collect();
    let first_width = heads
        .iter()
        .chain(&labels)
        .map(|s| s.chars().count())
        .chain(["Week".len()])
        .max()
        .unwrap_or(4);
    let widths: Vec<usize> = (0..7)
        .map(|d| {
            cells
                .iter()
                .flat_map(|c| c[d].iter())
                .map(|s| s.chars().count())
                .chain([3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let mut out = String::new();
    let push_line = |out: &mut String, first: &str, rest: &[String]| {
        let mut line = pad(first, first_width);
        for (d, cell) in rest.iter().enumerate() {
            line.push_str(" │ ");
            line.push_str(&pad(cell, widths[d]));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    let names: Vec<String> = Weekday::ALL
        .iter()
        .map(|d| short_day(*d).to_string())
        .collect();
    push_line(&mut out, "Week", &names);
    let rule: String = std::iter::once("─".repeat(first_width))
        .chain(widths.iter().map(|w| "─".repeat(*w)))
        .collect::<Vec<_>>()
        .join("─┼─");
    for ((head, label), days) in heads.iter().zip(&labels).zip(&cells) {
        out.push_str(&rule);
        out.push('\n');
        let height = days.iter().map(Vec::len).max().unwrap_or(0).max(2);
        for line in 0..height {
            let first = match line {
                0 => head.as_str(),
                1 => label.as_str(),
                _ => "",
            };
            let rest: Vec<String> = days
                .iter()
                .map(|d| d.get(line).cloned().unwrap_or_default())
                .collect();
            push_line(&mut out, first, &rest);
        }
    }
    out
}

#[cfg_attr(not(feature = "cli"), allow(dead_code))]
fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(text.chars().count()),
    ));
    out
}
