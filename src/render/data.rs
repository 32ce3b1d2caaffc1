//! The numbers behind every chart and table, as a reader can take them
//! away: a [`Dataset`] is made from the same chart data or figures the page
//! shows (never from its formatted text) and written as CSV beside the page
//! ("Get the data"). UTF-8 with a byte-order mark (so Excel opens it as
//! UTF-8), RFC 4180 (comma-separated, CRLF, quoted by the `csv` crate), the
//! header row in the page's language, plain machine numbers (`515839`,
//! `0.308`) with a unit column, and a figure's qualifier ("at least",
//! "about") in a column of its own rather than lost.

use super::charts::{ChartData, Format};
use super::view::Viewer;
use crate::diagnostics::Diagnostics;
use crate::document::{ChartRef, Owner};
use crate::model::*;

/// What a value is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataUnit {
    /// How many (people, impressions).
    Count,
    /// A fraction of a whole, 0–1 (`0.308` is 30.8 %).
    Share,
    /// A relative change (`0.5` is +50 %).
    Change,
    /// Money in a currency's main unit.
    Money(Currency),
    /// A plain number (a declared money chart names no currency).
    Number,
    /// A length of time in seconds.
    Seconds,
}

impl DataUnit {
    /// The value as a machine number and its unit.
    pub fn of_value(v: &Value) -> (f64, DataUnit) {
        match *v {
            Value::Count(n) => (n as f64, DataUnit::Count),
            Value::Share(x) => (x, DataUnit::Share),
            Value::Change(x) => (x, DataUnit::Change),
            Value::Money {
                amount, currency, ..
            } => (amount, DataUnit::Money(currency)),
            Value::Duration { seconds } => (seconds as f64, DataUnit::Seconds),
        }
    }

    /// The unit of a chart's numbers.
    pub fn of_format(f: Format) -> DataUnit {
        match f {
            Format::Count => DataUnit::Count,
            Format::Share => DataUnit::Share,
            Format::Change => DataUnit::Change,
            Format::Money(c) => DataUnit::Money(c),
            Format::Number => DataUnit::Number,
            Format::Duration => DataUnit::Seconds,
        }
    }

    /// The same in every language, for machines (a data package's field
    /// description): `count`, `share`, `change`, `GBP`, `number`, `s`.
    pub fn code(self) -> String {
        match self {
            DataUnit::Count => "count".into(),
            DataUnit::Share => "share".into(),
            DataUnit::Change => "change".into(),
            DataUnit::Money(c) => c.as_str().to_string(),
            DataUnit::Number => "number".into(),
            DataUnit::Seconds => "s".into(),
        }
    }
}

/// A table of figures in one language: what one chart or table shows,
/// one value a row.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// What it is (the chart's caption, the table's heading).
    pub title: String,
    /// Its main finding, or what it holds.
    pub description: String,
    /// Headings of the columns that say what each value is ("Audience",
    /// "Metric").
    pub label_headings: Vec<String>,
    /// Heading of the value column.
    pub value_heading: String,
    /// Heading of the unit column.
    pub unit_heading: String,
    /// Heading of the qualifier column.
    pub qualifier_heading: String,
    /// The values.
    pub rows: Vec<DataRow>,
}

/// One value of a [`Dataset`].
#[derive(Debug, Clone)]
pub struct DataRow {
    /// What the value is, one text per label heading.
    pub labels: Vec<String>,
    /// The number, as the data says it.
    pub value: f64,
    /// Its unit.
    pub unit: DataUnit,
    /// The unit in the page's language (the currency's code for money).
    pub unit_text: String,
    /// The unit as the workbook shows it: there a share or a change is
    /// formatted as a percentage ("30,8 %"), so its unit says so rather
    /// than "0–1".
    pub book_unit_text: String,
    /// "At least" or "about", when the figure says so.
    pub qualifier: Option<Qualifier>,
    /// The qualifier in the page's language, or empty.
    pub qualifier_text: String,
}

impl Dataset {
    /// The header row.
    pub fn header(&self) -> Vec<&str> {
        let mut h: Vec<&str> = self.label_headings.iter().map(String::as_str).collect();
        h.extend([
            self.value_heading.as_str(),
            self.unit_heading.as_str(),
            self.qualifier_heading.as_str(),
        ]);
        h
    }

    /// The dataset as CSV: a byte-order mark, the header, a row per value.
    pub fn csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        // Writing to memory cannot fail, and every record has as many
        // fields as the header (a row has a label per heading).
        let _ = w.write_record(self.header());
        for r in &self.rows {
            let mut record: Vec<String> = r.labels.clone();
            record.push(machine_number(r.value));
            record.push(r.unit_text.clone());
            record.push(r.qualifier_text.clone());
            let _ = w.write_record(&record);
        }
        w.into_inner().unwrap_or_default()
    }
}

/// A number as machines read it: `515839`, `0.308`, `-0.12`; never an
/// exponent, never a group separator, never `-0`.
pub fn machine_number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    // Rust writes an f64 in the fewest digits that read back as the same
    // number, and never with an exponent.
    format!("{x}")
}

/// The file name of a chart's CSV beside a page whose own charts belong
/// to `page`: `chart-reach.csv`, or with the owner's name for a chart of
/// another campaign or report the page places (`chart-bali-reach.csv`).
pub fn chart_file(key: &ChartRef, page: &Owner) -> String {
    if &key.owner == page {
        format!("chart-{}.csv", key.id)
    } else {
        let owner = match &key.owner {
            Owner::Report(s) | Owner::Campaign(s) => s,
        };
        format!("chart-{owner}-{}.csv", key.id)
    }
}

/// The file name of a campaign's table of figures per audience.
pub const FIGURES_FILE: &str = "figures.csv";

/// The texts every dataset of a language shares.
struct Headings {
    unit: String,
    qualifier: String,
    value: String,
}

impl Viewer<'_> {
    fn headings(&self, diags: &mut Diagnostics) -> Headings {
        Headings {
            unit: self.msg("data-unit", &[], diags).text,
            qualifier: self.msg("data-qualifier", &[], diags).text,
            value: self.msg("chart-value", &[], diags).text,
        }
    }

    /// A unit in the page's language.
    fn unit_text(&self, unit: DataUnit, diags: &mut Diagnostics) -> String {
        let id = match unit {
            DataUnit::Money(c) => return c.as_str().to_string(),
            DataUnit::Count => "data-unit-count",
            DataUnit::Share => "data-unit-share",
            DataUnit::Change => "data-unit-change",
            DataUnit::Number => "data-unit-number",
            DataUnit::Seconds => "data-unit-seconds",
        };
        self.msg(id, &[], diags).text
    }

    fn qualifier_text(&self, q: Option<Qualifier>, diags: &mut Diagnostics) -> String {
        match q {
            None => String::new(),
            Some(Qualifier::AtLeast) => self.msg("data-qualifier-at-least", &[], diags).text,
            Some(Qualifier::About) => self.msg("data-qualifier-about", &[], diags).text,
        }
    }

    fn row(
        &self,
        labels: Vec<String>,
        value: f64,
        unit: DataUnit,
        qualifier: Option<Qualifier>,
        diags: &mut Diagnostics,
    ) -> DataRow {
        DataRow {
            labels,
            value,
            unit,
            unit_text: self.unit_text(unit, diags),
            book_unit_text: match unit {
                DataUnit::Share => self.msg("data-unit-share-percent", &[], diags).text,
                DataUnit::Change => self.msg("data-unit-change-percent", &[], diags).text,
                _ => self.unit_text(unit, diags),
            },
            qualifier,
            qualifier_text: self.qualifier_text(qualifier, diags),
        }
    }

    /// What chart `data` shows: a row per category (and per series, when
    /// it has several), in the order of its table.
    pub fn chart_dataset(&self, data: &ChartData, diags: &mut Diagnostics) -> Dataset {
        let h = self.headings(diags);
        let unit = DataUnit::of_format(data.format);
        let several = data.series.len() > 1;
        let mut rows = Vec::new();
        for (i, category) in data.categories.iter().enumerate() {
            for (s, series) in data.series.iter().enumerate() {
                let Some(value) = series.values.get(i).copied().flatten() else {
                    continue;
                };
                let mut labels = vec![category.clone()];
                if several {
                    labels.push(series.name.clone());
                }
                rows.push(self.row(labels, value, unit, data.qualifier(s, i), diags));
            }
        }
        let mut label_headings = vec![data.category_heading.clone()];
        let value_heading = if several {
            label_headings.push(data.series_heading.clone());
            h.value
        } else {
            data.series
                .first()
                .map(|s| s.name.clone())
                .unwrap_or(h.value)
        };
        Dataset {
            title: data.title.text.clone(),
            description: data.description.clone(),
            label_headings,
            value_heading,
            unit_heading: h.unit,
            qualifier_heading: h.qualifier,
            rows,
        }
    }

    /// A campaign's figures per audience (the table on its page): a row
    /// per metric and audience, in the table's order.
    pub fn metric_dataset(&self, c: &Campaign, diags: &mut Diagnostics) -> Option<Dataset> {
        let mut keys: Vec<&str> = Vec::new();
        for a in &c.audiences {
            for m in &a.metrics {
                if !keys.contains(&m.metric.as_str()) {
                    keys.push(&m.metric);
                }
            }
        }
        if keys.is_empty() {
            return None;
        }
        let h = self.headings(diags);
        let mut rows = Vec::new();
        for k in &keys {
            let name = self.metric_name(k, diags).text;
            for a in &c.audiences {
                if let Some(m) = a.metrics.iter().find(|m| m.metric == *k) {
                    let (value, unit) = DataUnit::of_value(&m.value);
                    let labels = vec![name.clone(), self.text(&a.name).text];
                    rows.push(self.row(labels, value, unit, m.qualifier, diags));
                }
            }
        }
        Some(Dataset {
            title: self.msg("campaign-figures", &[], diags).text,
            description: String::new(),
            label_headings: vec![
                self.msg("campaign-metric", &[], diags).text,
                self.msg("chart-audience", &[], diags).text,
            ],
            value_heading: h.value,
            unit_heading: h.unit,
            qualifier_heading: h.qualifier,
            rows,
        })
    }

    /// A list of single figures (a report's headline, a campaign's
    /// results) with their qualifiers; `c` names the results' audiences.
    pub fn figures_dataset(
        &self,
        title: String,
        description: String,
        figures: &[Figure],
        c: Option<&Campaign>,
        diags: &mut Diagnostics,
    ) -> Option<Dataset> {
        if figures.is_empty() {
            return None;
        }
        let h = self.headings(diags);
        let mut label_headings = vec![self.msg("campaign-metric", &[], diags).text];
        if c.is_some() {
            label_headings.push(self.msg("chart-audience", &[], diags).text);
        }
        let rows = figures
            .iter()
            .map(|f| {
                let (value, unit) = DataUnit::of_value(&f.value);
                let mut labels = vec![self.metric_name(&f.metric, diags).text];
                if let Some(c) = c {
                    let audience = f
                        .audience
                        .as_deref()
                        .and_then(|id| c.audiences.iter().find(|a| a.id == id))
                        .map(|a| self.text(&a.name).text);
                    labels.push(audience.unwrap_or_default());
                }
                self.row(labels, value, unit, f.qualifier, diags)
            })
            .collect();
        Some(Dataset {
            title,
            description,
            label_headings,
            value_heading: h.value,
            unit_heading: h.unit,
            qualifier_heading: h.qualifier,
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Dataset {
        Dataset {
            title: "Reach".into(),
            description: String::new(),
            label_headings: vec!["Auditorija".into(), "Rodiklis, \"pavadinimas\"".into()],
            value_heading: "Reikšmė".into(),
            unit_heading: "Vienetas".into(),
            qualifier_heading: "Tikslumas".into(),
            rows: vec![
                DataRow {
                    labels: vec!["Lietuva".into(), "Pasiekiamumas".into()],
                    value: 1_971_352.0,
                    unit: DataUnit::Count,
                    unit_text: "skaičius".into(),
                    book_unit_text: "skaičius".into(),
                    qualifier: Some(Qualifier::AtLeast),
                    qualifier_text: "ne mažiau kaip".into(),
                },
                DataRow {
                    labels: vec!["JK, Škotija".into(), "Dalis".into()],
                    value: 0.308,
                    unit: DataUnit::Share,
                    unit_text: "dalis (0–1)".into(),
                    book_unit_text: "dalis, %".into(),
                    qualifier: None,
                    qualifier_text: String::new(),
                },
            ],
        }
    }

    #[test]
    fn csv_has_a_bom_crlf_quotes_and_machine_numbers() {
        let bytes = sample().csv();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(
            text,
            "Auditorija,\"Rodiklis, \"\"pavadinimas\"\"\",Reikšmė,Vienetas,Tikslumas\r\n\
             Lietuva,Pasiekiamumas,1971352,skaičius,ne mažiau kaip\r\n\
             \"JK, Škotija\",Dalis,0.308,dalis (0–1),\r\n"
        );
    }

    #[test]
    fn machine_numbers_have_no_exponent_or_separator() {
        assert_eq!(machine_number(515_839.0), "515839");
        assert_eq!(machine_number(0.308), "0.308");
        assert_eq!(machine_number(-0.0), "0");
        assert_eq!(machine_number(-0.125), "-0.125");
        assert_eq!(machine_number(1e21), "1000000000000000000000");
        assert_eq!(machine_number(844_000.5), "844000.5");
    }

    #[test]
    fn a_chart_of_another_owner_is_named_after_it() {
        let own = Owner::Campaign("bali".into());
        let key = |o: Owner| ChartRef {
            owner: o,
            id: "reach".into(),
        };
        assert_eq!(chart_file(&key(own.clone()), &own), "chart-reach.csv");
        assert_eq!(
            chart_file(&key(Owner::Campaign("nepal".into())), &own),
            "chart-nepal-reach.csv"
        );
    }
}
