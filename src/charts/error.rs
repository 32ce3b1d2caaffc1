//! What can go wrong drawing a chart or a card. Every input gives a chart
//! or one of these, never a panic.

/// Why a chart or card could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The id is used in SVG ids and `aria-labelledby`, which need a
    /// plain token.
    #[error("chart id `{id}` cannot be used in SVG ids (use letters, digits, `-` and `_`)")]
    InvalidId {
        /// The id given.
        id: String,
    },
    /// No category has a value to draw.
    #[error("chart `{id}` has no values to draw")]
    NoData {
        /// The chart.
        id: String,
    },
    /// A series has more or fewer values than there are categories.
    #[error("chart `{id}`: series `{series}` has {values} values for {categories} categories")]
    Shape {
        /// The chart.
        id: String,
        /// The series' name.
        series: String,
        /// How many values it has.
        values: usize,
        /// How many categories the chart has.
        categories: usize,
    },
    /// Bar, hbar and donut charts draw exactly one series.
    #[error("chart `{id}`: a {kind} chart draws one series, not {count} (use a grouped chart)")]
    SeriesCount {
        /// The chart.
        id: String,
        /// The chart kind.
        kind: &'static str,
        /// How many series it was given.
        count: usize,
    },
    /// A donut shows parts of a whole; a part cannot be negative.
    #[error("chart `{id}`: donut slice `{category}` is negative ({value})")]
    NegativeSlice {
        /// The chart.
        id: String,
        /// The slice's category label.
        category: String,
        /// Its value.
        value: f64,
    },
    /// The values are too large to place on an axis.
    #[error("chart `{id}` has values too large to draw (beyond ±10^307)")]
    OutOfRange {
        /// The chart.
        id: String,
    },
    /// The theme font could not be read.
    #[error("the {face} chart font is not a TrueType or OpenType font")]
    InvalidFont {
        /// `regular` or `bold`.
        face: &'static str,
    },
    /// plotters failed.
    #[error("failed to draw `{id}` ({reason})")]
    Draw {
        /// The chart id, or `card` for a social card.
        id: String,
        /// plotters' message.
        reason: String,
    },
    /// The social card could not be written or read back as PNG.
    #[error("failed to encode the social card as PNG ({0})")]
    Png(#[source] std::io::Error),
}
