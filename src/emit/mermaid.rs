//! Mermaid `xychart-beta` charts, fenced for Markdown (GitHub renders them).

use crate::plan::format_number;

/// The colour of bars and lines: a dark blue, 8.6:1 against white (and
/// legible on GitHub's dark background too), where Mermaid's default
/// palette draws lines at 1.17:1. WCAG asks at least 3:1 of graphics.
const PLOT_COLOUR: &str = "#1f4e9e";

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Bar,
    Line,
}

/// One chart of one series over labelled categories.
#[derive(Debug, Clone)]
pub struct Chart<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub categories: Vec<String>,
    pub y_label: &'a str,
    pub values: Vec<f64>,
    pub series: Series,
    /// Start the y axis at zero (volumes) rather than near the data (loads).
    pub from_zero: bool,
}

impl Chart<'_> {
    /// The fenced code block, followed by a blank line.
    pub fn write(&self, out: &mut String) {
        let (low, high) = self.y_range();
        out.push_str("```mermaid\n");
        out.push_str(&format!(
            "%%{{init: {{\"themeVariables\": {{\"xyChart\": {{\"plotColorPalette\": \"{PLOT_COLOUR}\"}}}}}}}}%%\n"
        ));
        out.push_str("xychart-beta\n");
        out.push_str(&format!("    title \"{}\"\n", quoted(self.title)));
        let categories: Vec<String> = self
            .categories
            .iter()
            .map(|c| format!("\"{}\"", quoted(c)))
            .collect();
        out.push_str(&format!(
            "    x-axis \"{}\" [{}]\n",
            quoted(self.x_label),
            categories.join(", ")
        ));
        out.push_str(&format!(
            "    y-axis \"{}\" {} --> {}\n",
            quoted(self.y_label),
            format_number(low),
            format_number(high)
        ));
        let values: Vec<String> = self.values.iter().map(|v| format_number(*v)).collect();
        let kind = match self.series {
            Series::Bar => "bar",
            Series::Line => "line",
        };
        out.push_str(&format!("    {kind} [{}]\n", values.join(", ")));
        out.push_str("```\n\n");
    }

    /// A y range with some headroom, on round numbers.
    fn y_range(&self) -> (f64, f64) {
        let finite = || self.values.iter().copied().filter(|v| v.is_finite());
        let max = finite().fold(0.0_f64, f64::max);
        let min = finite().fold(max, f64::min);
        let step = nice_step(max);
        let high = ((max * 1.1) / step).ceil().max(1.0) * step;
        let low = if self.from_zero {
            0.0
        } else {
            ((min * 0.8) / step).floor().max(0.0) * step
        };
        (low, high.max(low + step))
    }
}

/// 1, 2, 5, 10, 20, 50, ...: the first at least a tenth of `max`.
fn nice_step(max: f64) -> f64 {
    const FACTORS: [f64; 3] = [2.0, 2.5, 2.0];
    let mut step = 1.0;
    let mut i = 0;
    // Bounded: f64 tops out near 1e308.
    while step * 10.0 < max && step < 1e300 {
        step *= FACTORS[i % 3];
        i += 1;
    }
    step
}

/// Text safe inside a Mermaid double-quoted string and a Markdown fence.
fn quoted(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => '\'',
            '`' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast of the plot colour against white.
    #[test]
    fn plot_colour_contrasts_with_white() {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&PLOT_COLOUR[1 + 2 * i..3 + 2 * i], 16).unwrap())
                / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
        let contrast = 1.05 / (luminance + 0.05);
        assert!(contrast >= 3.0, "{contrast}");
    }

    #[test]
    fn writes_a_fenced_chart() {
        let chart = Chart {
            title: "Weekly \"volume\"",
            x_label: "Week",
            categories: vec!["1".into(), "2".into()],
            y_label: "Sets",
            values: vec![30.0, 42.0],
            series: Series::Bar,
            from_zero: true,
        };
        let mut out = String::new();
        chart.write(&mut out);
        assert_eq!(
            out,
            "```mermaid\n%%{init: {\"themeVariables\": {\"xyChart\": \
             {\"plotColorPalette\": \"#1f4e9e\"}}}}%%\nxychart-beta\n    title \"Weekly 'volume'\"\n    \
             x-axis \"Week\" [\"1\", \"2\"]\n    y-axis \"Sets\" 0 --> 50\n    \
             bar [30, 42]\n```\n\n"
        );
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(8.0), 1.0);
        assert_eq!(nice_step(42.0), 5.0);
        assert_eq!(nice_step(120.0), 20.0);
        assert_eq!(nice_step(4000.0), 500.0);
        assert!(nice_step(f64::MAX).is_finite());
    }
}
