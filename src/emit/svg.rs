//! Charts drawn as inline SVG: a title, labelled axes with units, dark
//! marks on white (well above 3:1 contrast), no fonts or scripts to load.

use std::fmt::Write as _;

use super::html::escape;
use crate::plan::format_number;

/// Dark blue on white: 8.6:1.
const INK: &str = "#1f4e79";
/// Axis and label grey on white: 12.6:1.
const AXIS: &str = "#333333";

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 52.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marks {
    Bars,
    Line,
}

/// One chart: a value per category.
#[derive(Debug, Clone)]
pub(crate) struct Chart<'a> {
    pub(crate) title: &'a str,
    pub(crate) x_label: &'a str,
    pub(crate) y_label: &'a str,
    pub(crate) categories: Vec<String>,
    pub(crate) values: Vec<f64>,
    pub(crate) marks: Marks,
    /// The values are counts (sets): ticks only at whole numbers.
    pub(crate) whole: bool,
}

impl Chart<'_> {
    /// The chart as an `<svg>` element.
    pub(crate) fn svg(&self) -> String {
        let Scale {
            low,
            high,
            step: tick,
        } = self.scale();
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let n = self.values.len().max(1) as f64;
        let step = plot_w / n;
        let x = |i: usize| LEFT + step * (i as f64 + 0.5);
        let y = |v: f64| TOP + plot_h * (1.0 - (v - low) / (high - low));
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
             aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
            escape(self.title)
        );
        let _ = write!(
            out,
            "<title>{}</title><text x=\"{}\" y=\"22\" text-anchor=\"middle\" \
             font-size=\"16\" font-weight=\"bold\" fill=\"{AXIS}\">{}</text>",
            escape(self.title),
            WIDTH / 2.0,
            escape(self.title)
        );
        // Axes, ticks and grid lines at each step.
        let _ = write!(
            out,
            "<path d=\"M{LEFT} {TOP}V{b}H{r}\" stroke=\"{AXIS}\" fill=\"none\"/>",
            b = TOP + plot_h,
            r = WIDTH - RIGHT
        );
        let ticks = ((high - low) / tick).round() as u32;
        for k in 0..=ticks {
            let v = low + tick * f64::from(k);
            let ty = y(v);
            let _ = write!(
                out,
                "<path d=\"M{LEFT} {ty:.1}H{r}\" stroke=\"#d0d0d0\" fill=\"none\"/>\
                 <text x=\"{tx}\" y=\"{ly:.1}\" text-anchor=\"end\" font-size=\"12\" \
                 fill=\"{AXIS}\">{}</text>",
                format_number(v),
                r = WIDTH - RIGHT,
                tx = LEFT - 6.0,
                ly = ty + 4.0
            );
        }
        for (i, c) in self.categories.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" \
                 fill=\"{AXIS}\">{}</text>",
                x(i),
                TOP + plot_h + 16.0,
                escape(c)
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" \
             fill=\"{AXIS}\">{}</text>",
            LEFT + plot_w / 2.0,
            HEIGHT - 8.0,
            escape(self.x_label)
        );
        let _ = write!(
            out,
            "<text transform=\"translate(16 {}) rotate(-90)\" text-anchor=\"middle\" \
             font-size=\"13\" fill=\"{AXIS}\">{}</text>",
            TOP + plot_h / 2.0,
            escape(self.y_label)
        );
        match self.marks {
            Marks::Bars => {
                let mut d = String::new();
                let w = step * 0.6;
                for (i, v) in self.values.iter().enumerate() {
                    let top = y(*v);
                    let _ = write!(
                        d,
                        "M{:.1} {:.1}h{w:.1}V{:.1}h{:.1}Z",
                        x(i) - w / 2.0,
                        TOP + plot_h,
                        top,
                        -w
                    );
                }
                let _ = write!(out, "<path class=\"marks\" d=\"{d}\" fill=\"{INK}\"/>");
            }
            Marks::Line => {
                let mut d = String::new();
                for (i, v) in self.values.iter().enumerate() {
                    let cmd = if i == 0 { 'M' } else { 'L' };
                    let _ = write!(d, "{cmd}{:.1} {:.1}", x(i), y(*v));
                }
                let _ = write!(
                    out,
                    "<path class=\"marks\" d=\"{d}\" fill=\"none\" stroke=\"{INK}\" \
                     stroke-width=\"2.5\"/>"
                );
                for (i, v) in self.values.iter().enumerate() {
                    let _ = write!(
                        out,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{INK}\"/>",
                        x(i),
                        y(*v)
                    );
                }
            }
        }
        out.push_str("</svg>");
        out
    }

    /// The value axis: from zero for bars, around the data (with a little
    /// room) for a line; ticks at a "nice" step of 1, 2 or 5 times a power
    /// of ten giving at most about six intervals, never below 1 for counts.
    fn scale(&self) -> Scale {
        let max = self.values.iter().copied().fold(0.0_f64, f64::max);
        let min = self.values.iter().copied().fold(f64::INFINITY, f64::min);
        let (low, high) = match self.marks {
            Marks::Bars => (0.0, max),
            Marks::Line if min.is_finite() => {
                let room = ((max - min) * 0.1).max(max.abs() * 0.02).max(0.5);
                ((min - room).max(0.0), max + room)
            }
            Marks::Line => (0.0, 1.0),
        };
        let span = (high - low).max(1e-9);
        let raw = span / 5.0;
        let power = 10f64.powf(raw.log10().floor());
        let mut step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .find(|s| *s >= raw * (1.0 - 1e-9))
            .unwrap_or(10.0 * power);
        if self.whole {
            step = step.max(1.0).round();
        }
        let low = (low / step + 1e-9).floor() * step;
        let high = ((high / step - 1e-9).ceil() * step).max(low + step);
        Scale { low, high, step }
    }
}

/// The value axis: its ends and the step between ticks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale {
    low: f64,
    high: f64,
    step: f64,
}

#[cfg(test)]
mod tests {
    use super::{Chart, Marks, Scale};

    fn chart(values: &[f64], marks: Marks, whole: bool) -> Chart<'static> {
        Chart {
            title: "t",
            x_label: "Week",
            y_label: "y",
            categories: values.iter().map(|v| v.to_string()).collect(),
            values: values.to_vec(),
            marks,
            whole,
        }
    }

    /// The tick labels of a chart, in order.
    fn ticks(svg: &str) -> Vec<String> {
        svg.split("text-anchor=\"end\" font-size=\"12\" fill=\"#333333\">")
            .skip(1)
            .map(|t| t[..t.find('<').expect("closed")].to_string())
            .collect()
    }

    #[test]
    fn counts_tick_at_whole_numbers_even_on_small_ranges() {
        let c = chart(&[3.0, 2.0, 3.0], Marks::Bars, true);
        assert_eq!(
            c.scale(),
            Scale {
                low: 0.0,
                high: 3.0,
                step: 1.0
            }
        );
        assert_eq!(ticks(&c.svg()), ["0", "1", "2", "3"]);
        let c = chart(&[50.0, 45.0, 12.0], Marks::Bars, true);
        assert_eq!(ticks(&c.svg()), ["0", "10", "20", "30", "40", "50"]);
    }

    #[test]
    fn loads_tick_at_round_values_around_the_data() {
        // 72.5-85 kg: not 76.25 and 92.5, but every 5 kg.
        let c = chart(&[75.0, 72.5, 85.0], Marks::Line, false);
        assert_eq!(ticks(&c.svg()), ["70", "75", "80", "85", "90"]);
        let c = chart(&[85.0, 110.0], Marks::Line, false);
        assert_eq!(ticks(&c.svg()), ["80", "90", "100", "110", "120"]);
        // A flat line still has an axis around it.
        let c = chart(&[20.0, 20.0], Marks::Line, false);
        let s = c.scale();
        assert!(s.low < 20.0 && 20.0 < s.high, "{s:?}");
    }

    #[test]
    fn every_chart_has_a_title_axes_and_a_mark_path() {
        for marks in [Marks::Bars, Marks::Line] {
            let svg = Chart {
                title: "Weekly volume",
                x_label: "Week",
                y_label: "Working sets",
                categories: vec!["1".into(), "2".into()],
                values: vec![40.0, 50.0],
                marks,
                whole: true,
            }
            .svg();
            assert!(svg.contains("<title>Weekly volume</title>"), "{svg}");
            assert!(svg.contains(">Working sets</text>"), "{svg}");
            assert!(svg.contains("class=\"marks\" d=\"M"), "{svg}");
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        }
    }
}
