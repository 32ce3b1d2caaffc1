//! Turns a [`Figure`] into the SVG the pages inline: drawn by plotters,
//! then finished for readers and for the site's Content-Security-Policy.
//!
//! The finished root has `role="img"`, `aria-labelledby` pointing at a
//! `<title>` and a `<desc>` that come first, a `viewBox` with
//! `width="100%"` instead of a fixed size so it scales from a phone to a
//! desktop, and one `font-family` naming the theme font. There are no
//! `style` attributes (CSP `style-src 'self'` forbids them): only
//! presentation attributes. Patterned fills become `<pattern>`s whose ids
//! start with the chart's id.

use std::fmt::Write as _;

use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;

use super::figure::Figure;
use super::fonts::Fonts;
use super::paint::{paint, Overlay, OverlayShape};
use super::palette::Pattern;
use super::{kind_name, Chart, ChartError};

/// Draws `figure` and finishes it for `chart`.
pub(crate) fn render(figure: &Figure, fonts: &Fonts, chart: &Chart) -> Result<String, ChartError> {
    let fail = |reason: String| ChartError::Draw {
        id: chart.id.to_string(),
        reason,
    };
    let mut raw = String::new();
    let overlays = {
        let area =
            SVGBackend::with_string(&mut raw, (figure.width, figure.height)).into_drawing_area();
        let overlays = paint(figure, fonts, &area).map_err(fail)?;
        area.present().map_err(|e| fail(e.to_string()))?;
        overlays
    };
    Ok(finish(&raw, figure, fonts, chart, &overlays))
}

/// Appends `line` to `out` without the attributes plotters repeats on
/// every element: the font family the root already names, and
/// `opacity="1"`. Written in place: most lines have one, and copying each
/// line to remove it was 2 % of a build of a thousand campaigns.
fn push_without(out: &mut String, line: &str, drop: &Dropped) {
    let mut rest = line;
    loop {
        let at = |finder: &memchr::memmem::Finder| {
            finder
                .find(rest.as_bytes())
                .map(|at| (at, finder.needle().len()))
        };
        let Some((at, len)) = [at(&drop.family), at(&drop.opaque)]
            .into_iter()
            .flatten()
            .min()
        else {
            out.push_str(rest);
            return;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + len..];
    }
}

/// The two attributes [`push_without`] drops, each searched for with a
/// searcher made once per chart: making one per line (`str::find`) was
/// a tenth of drawing a chart.
struct Dropped {
    family: memchr::memmem::Finder<'static>,
    opaque: memchr::memmem::Finder<'static>,
}

impl Dropped {
    fn new(own_family: &str) -> Dropped {
        Dropped {
            family: memchr::memmem::Finder::new(own_family.as_bytes()).into_owned(),
            opaque: memchr::memmem::Finder::new(" opacity=\"1\"").into_owned(),
        }
    }
}

/// Rewrites plotters' SVG into the finished document.
fn finish(
    raw: &str,
    figure: &Figure,
    fonts: &Fonts,
    chart: &Chart,
    overlays: &[Overlay],
) -> String {
    let id = chart.id;
    // plotters writes `<svg width=… height=… viewBox=… xmlns=…>` on the
    // first line, one element a line after it, and `</svg>` last.
    let body = raw.split_once(">\n").map_or("", |(_, rest)| rest);
    let body = body.trim_end().strip_suffix("</svg>").unwrap_or(body);
    let dropped = Dropped::new(&format!(" font-family=\"{}\"", fonts.key()));

    let mut out = String::with_capacity(raw.len() + 512);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
         class=\"chart chart-{kind}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"{family}\">",
        w = figure.width,
        h = figure.height,
        kind = kind_name(chart.kind),
        family = escape(&fonts.css_family()),
    );
    let _ = writeln!(
        out,
        "<title id=\"{id}-title\">{}</title>",
        escape(chart.title)
    );
    let _ = writeln!(
        out,
        "<desc id=\"{id}-desc\">{}</desc>",
        escape(chart.description)
    );
    out.push_str(&pattern_defs(id, overlays));

    // Text content goes on one line with its tags: plotters puts it on a
    // line of its own, which adds spaces to what a reader copies.
    let mut lines = body.lines().peekable();
    while let Some(line) = lines.next() {
        push_without(&mut out, line, &dropped);
        if line.starts_with("<text") && line.ends_with('>') {
            out.push_str(lines.next().unwrap_or_default());
            out.push_str(lines.next().unwrap_or_default());
        }
        out.push('\n');
    }
    for overlay in overlays {
        let fill = format!("url(#{id}-{})", overlay.pattern.name());
        match &overlay.shape {
            OverlayShape::Rect([x0, y0, x1, y1]) => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
                    x1 - x0,
                    y1 - y0
                );
            }
            OverlayShape::Polygon(points) => {
                let points: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
                let _ = writeln!(
                    out,
                    "<polygon points=\"{}\" fill=\"{fill}\"/>",
                    points.join(" ")
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// `<defs>` with the patterns `overlays` use, in a fixed order.
fn pattern_defs(id: &str, overlays: &[Overlay]) -> String {
    let mut defs = String::new();
    for pattern in Pattern::OVERLAYS {
        if !overlays.iter().any(|o| o.pattern == pattern) {
            continue;
        }
        let Some((tile, transform)) = pattern.svg_tile() else {
            continue;
        };
        let transform = if transform.is_empty() {
            String::new()
        } else {
            format!(" patternTransform=\"{transform}\"")
        };
        let _ = writeln!(
            defs,
            "<pattern id=\"{id}-{}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"{transform}>{tile}</pattern>",
            pattern.name()
        );
    }
    if defs.is_empty() {
        defs
    } else {
        format!("<defs>\n{defs}</defs>\n")
    }
}

/// Text for XML content and attribute values: control characters (which
/// XML 1.0 cannot carry) made spaces, then escaped.
fn escape(text: &str) -> String {
    crate::markup::escape(&super::fonts::clean_text(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_control_characters() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&#39; ");
        assert_eq!(escape("ąčęėįšųūž"), "ąčęėįšųūž");
    }

    #[test]
    fn repeated_attributes_are_left_out_wherever_they_are() {
        let family = Dropped::new(" font-family=\"a\"");
        let mut out = String::new();
        push_without(
            &mut out,
            "<rect opacity=\"1\" x=\"1\" font-family=\"a\" opacity=\"1\"/>",
            &family,
        );
        push_without(&mut out, "<text font-family=\"b\">", &family);
        assert_eq!(out, "<rect x=\"1\"/><text font-family=\"b\">");
    }
}
