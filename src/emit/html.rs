//! The HTML backend: one self-contained page a runner prints or opens on a
//! phone. The week grid first (on page 1 when printed), then each session
//! once over its weeks (a new page per block), the weekly volume and
//! intensity charts as inline SVG, and the findings with their evidence.
//! No scripts, fonts, images or links to load: everything is in the file.

use std::fmt::Write as _;

use super::WeekRange;
use super::grid::{self, Entry};
use super::prescriptions::{self, SessionSummary};
use super::svg::{Chart, Marks};
use super::volume::{self, WeekVolume};
use super::{describe, estimate, markdown::Detail};
use crate::ast::Weekday;
use crate::diagnostic::Severity;
use crate::plan::{Plan, Week};
use crate::render::Finding;

/// What the HTML backend writes besides the plan.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The checker's findings, listed at the end.
    pub findings: &'a [Finding],
    pub detail: Detail,
}

const STYLE: &str = include_str!("html.css");

/// Writes the page: the weeks `weeks` selects (all without it).
pub fn emit(plan: &Plan, weeks: Option<WeekRange>, options: &Options) -> String {
    let weeks: Vec<&Week> = super::select(plan, weeks).collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&plan.name)
    );
    header(&mut out, plan);
    week_grid(&mut out, plan, &weeks);
    charts(&mut out, plan, &weeks);
    sessions(&mut out, plan, &weeks);
    findings(&mut out, options.findings);
    out.push_str("</body>\n</html>\n");
    out
}

fn header(out: &mut String, plan: &Plan) {
    let _ = writeln!(out, "<h1>{}</h1>", escape(&plan.name));
    let mut facts: Vec<String> = Vec::new();
    if let (Some(first), Some(last)) = (plan.weeks.first(), plan.weeks.last()) {
        facts.push(format!(
            "{} weeks, {} – {}",
            plan.weeks.len(),
            describe::long_date(first.monday),
            describe::long_date(last.sunday)
        ));
    }
    facts.push(format!(
        "{}, loads in {}",
        plan.athlete.level.keyword(),
        plan.athlete.units.symbol()
    ));
    for race in &plan.races {
        let mut text = format!("Race: {}, {}", race.name, describe::long_date(race.date));
        if let Some(t) = race.time {
            text.push_str(&format!(", {}", describe::time(t)));
        }
        facts.push(text);
    }
    if plan.sessions().any(|s| s.time.is_some()) {
        facts.push(format!("Times in {}", plan.timezone));
    }
    let items: Vec<String> = facts.iter().map(|f| escape(f)).collect();
    let _ = writeln!(out, "<p class=\"facts\">{}</p>", items.join(" · "));
}

fn week_grid(out: &mut String, plan: &Plan, weeks: &[&Week]) {
    let grid = grid::grid(plan, weeks.iter().copied());
    out.push_str("<section class=\"grid\">\n<h2>Week by week</h2>\n<table class=\"grid\">\n<thead><tr><th>Week</th>");
    for day in Weekday::ALL {
        let _ = write!(out, "<th>{}</th>", grid::short_day(day));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &grid.rows {
        let kind = describe::week_kind(row.kind);
        let mut class = String::new();
        if !kind.is_empty() {
            class.push_str(kind);
        }
        if row.race {
            class.push_str(if class.is_empty() { "race" } else { " race" });
        }
        let _ = write!(
            out,
            "<tr class=\"{class}\"><th scope=\"row\"><b>{}</b> {}<br><span class=\"label\">{}</span></th>",
            row.number,
            row.monday.strftime("%-d %b"),
            escape(&row.label())
        );
        for (day, entries) in Weekday::ALL.iter().zip(&row.days) {
            if entries.is_empty() {
                out.push_str("<td class=\"rest\"></td>");
                continue;
            }
            let _ = write!(out, "<td data-day=\"{}\">", grid::short_day(*day));
            for e in entries {
                let class = match e {
                    Entry::Run { intensity, .. } => format!("run {}", intensity.keyword()),
                    Entry::Session { .. } => "lift".to_string(),
                    Entry::Race { .. } => "racing".to_string(),
                };
                let _ = write!(out, "<div class=\"{class}\">{}", escape(&e.written()));
                if let Some(estimate) = e.estimate() {
                    let _ = write!(out, "<span class=\"est\">{}</span>", escape(&estimate));
                }
                out.push_str("</div>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n<p class=\"key\">Runs: <span class=\"run hard\">hard</span> <span class=\"run moderate\">moderate</span> <span class=\"run easy\">easy</span> · <span class=\"lift\">strength session</span></p>\n</section>\n");
}

fn charts(out: &mut String, plan: &Plan, weeks: &[&Week]) {
    if weeks.is_empty() {
        return;
    }
    let volumes: Vec<WeekVolume> = weeks.iter().map(|w| volume::week_volume(plan, w)).collect();
    out.push_str("<section class=\"charts\">\n<h2>Volume and intensity</h2>\n");
    let svg = Chart {
        title: "Weekly volume: working sets per week",
        x_label: "Week",
        y_label: "Working sets",
        categories: weeks.iter().map(|w| w.number.to_string()).collect(),
        values: volumes.iter().map(|v| f64::from(v.total.sets)).collect(),
        marks: Marks::Bars,
        whole: true,
    }
    .svg();
    let _ = writeln!(out, "<figure>{svg}</figure>");
    let unit = plan.athlete.units.symbol();
    let y_label = format!("Top load ({unit})");
    for volume::LiftSeries { name, points } in volume::main_lift_series(plan, weeks) {
        let title = format!("Intensity: {name}, top load per week ({unit})");
        let svg = Chart {
            title: &title,
            x_label: "Week",
            y_label: &y_label,
            categories: points.iter().map(|(w, _)| w.to_string()).collect(),
            values: points.iter().map(|(_, l)| *l).collect(),
            marks: Marks::Line,
            whole: false,
        }
        .svg();
        let _ = writeln!(out, "<figure>{svg}</figure>");
    }
    out.push_str("</section>\n");
}

fn sessions(out: &mut String, plan: &Plan, weeks: &[&Week]) {
    let summaries = prescriptions::summaries(plan, weeks);
    let mut block: Option<&str> = None;
    for s in &summaries {
        if block != Some(s.block.as_str()) {
            if block.is_some() {
                out.push_str("</section>\n");
            }
            block = Some(&s.block);
            let title = if s.block.is_empty() {
                "Sessions".to_string()
            } else {
                format!("{} block", s.block)
            };
            let _ = writeln!(
                out,
                "<section class=\"block\">\n<h2>{}</h2>",
                escape(&title)
            );
        }
        session(out, weeks, s);
    }
    if block.is_some() {
        out.push_str("</section>\n");
    }
}

fn session(out: &mut String, weeks: &[&Week], s: &SessionSummary) {
    let _ = writeln!(
        out,
        "<article class=\"session\">\n<h3>{} <small>{} · {}</small></h3>",
        escape(&s.name),
        s.week_text(),
        escape(&estimate::when(weeks, s))
    );
    let mut facts: Vec<String> = Vec::new();
    if let Some(l) = &s.location {
        facts.push(format!("Location: {l}"));
    }
    if let Some(w) = &s.warmup {
        facts.push(describe::phase_line(
            "Warm-up",
            w.duration_min,
            w.note.as_deref(),
        ));
    }
    if let Some(c) = &s.cooldown {
        facts.push(describe::phase_line(
            "Cool-down",
            c.duration_min,
            c.note.as_deref(),
        ));
    }
    if !facts.is_empty() {
        let items: Vec<String> = facts.iter().map(|f| escape(f)).collect();
        let _ = writeln!(out, "<p>{}</p>", items.join(" · "));
    }
    if s.lines.is_empty() {
        out.push_str("<p>No exercises.</p>\n</article>\n");
        return;
    }
    let lighter = s.lighter.clone().unwrap_or_default();
    type Get = fn(&prescriptions::LineSummary) -> &str;
    let columns: [(&str, bool, Get); 7] = [
        ("Exercise", false, |l| &l.exercise),
        ("Sets × reps", true, |l| &l.sets),
        ("Load", true, |l| &l.load),
        (&lighter, true, |l| &l.lighter),
        ("Rest", true, |l| &l.rest),
        ("Progression", false, |l| &l.progression),
        ("Notes", false, |l| &l.note),
    ];
    let kept: Vec<_> = columns
        .iter()
        .enumerate()
        .filter(|(i, (_, _, get))| *i < 2 || s.lines.iter().any(|l| !get(l).is_empty()))
        .map(|(_, c)| c)
        .collect();
    out.push_str("<div class=\"scroll\"><table class=\"detail\"><thead><tr>");
    for (head, number, _) in &kept {
        let class = if *number { " class=\"n\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(head));
    }
    out.push_str("</tr></thead><tbody>\n");
    for line in &s.lines {
        out.push_str("<tr>");
        for (_, number, get) in &kept {
            let class = if *number { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", escape(get(line)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n</article>\n");
}

fn findings(out: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    out.push_str("<section class=\"findings\">\n<h2>Findings</h2>\n<ul>\n");
    for f in findings {
        let severity = match f.severity {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Advice => "Info",
        };
        let place = if f.place.is_empty() {
            String::new()
        } else {
            format!(" ({})", escape(&f.place))
        };
        let _ = write!(
            out,
            "<li><b>{severity}</b> <code>{}</code>{place}: {}",
            escape(&f.code),
            escape(&f.message)
        );
        for d in &f.details {
            let _ = write!(out, "<br><span class=\"detail\">{}</span>", escape(d));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// Text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
