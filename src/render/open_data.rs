//! The open-data pack of a report in one language, beside its PDF and
//! single-file HTML: every figure of the report and its campaigns as CSV
//! files (the same [`Dataset`]s as the "Get the data" links, written the
//! same way) with a Frictionless Data Package description
//! (`datapackage.json`: titles, descriptions, units, the site's data
//! licence, the report's version, the CSV dialect), zipped; and the same
//! tables as one Excel workbook, a sheet per kind of table, numbers stored as
//! numbers with their formats. Both are byte-for-byte the same for the
//! same input: the zip's entries carry a fixed time, the workbook a fixed
//! creation date.

use std::io::Write as _;

use serde::Serialize;

use super::charts::Drawn;
use super::data::{chart_file, DataUnit, Dataset, FIGURES_FILE};
use super::documents::ReportDoc;
use super::view::Viewer;
use crate::diagnostics::Diagnostics;
use crate::document::Owner;
use crate::l10n::Arg;

/// The deflate level of the zip and the workbook: what Excel itself
/// writes, and rust_xlsxwriter's advice (its `performance` page: about
/// 30 % less time than the default 6 for files about 5 % larger).
const ZIP_LEVEL: i64 = 3;

/// One table of the pack.
pub struct Resource<'a> {
    /// Path inside the zip (`data/bali/chart-reach.csv`).
    pub path: String,
    /// Frictionless name: the path's words, lower case (`bali-chart-reach`).
    pub name: String,
    /// The part it belongs to (the report's or a campaign's title).
    pub part: String,
    /// The table.
    pub data: &'a Dataset,
}

/// Every table of a report and its campaigns, in reading order: the
/// report's headline figures and own charts, then each campaign's figures
/// per audience, results and charts.
pub fn resources<'a>(rdoc: &'a ReportDoc, slug: &str, drawn: &'a Drawn) -> Vec<Resource<'a>> {
    let mut out = Vec::new();
    let mut push = |folder: &str, file: &str, part: &str, data: &'a Dataset| {
        let stem = file.strip_suffix(".csv").unwrap_or(file);
        let short = folder.strip_prefix("campaigns/").unwrap_or(folder);
        out.push(Resource {
            path: format!("data/{folder}/{file}"),
            name: format!("{short}-{stem}"),
            part: part.to_string(),
            data,
        });
    };
    let report = &rdoc.title.text;
    if let Some(d) = &rdoc.headline_data {
        push("report", "headline.csv", report, d);
    }
    let mut seen = std::collections::BTreeSet::new();
    let own = Owner::Report(slug.to_string());
    for (key, _) in &rdoc.chart_data {
        let file = chart_file(key, &own);
        if let (Some(chart), true) = (drawn.get(&rdoc.lang, key), seen.insert(file.clone())) {
            push("report", &file, report, &chart.data);
        }
    }
    for c in &rdoc.campaigns {
        let slug = &c.facts.slug;
        let part = &c.facts.title.text;
        let folder = format!("campaigns/{slug}");
        if let Some(d) = &c.metric_data {
            push(&folder, FIGURES_FILE, part, d);
        }
        if let Some(d) = &c.results_data {
            push(&folder, "results.csv", part, d);
        }
        let own = Owner::Campaign(slug.clone());
        let mut seen = std::collections::BTreeSet::new();
        for (key, _) in &c.chart_data {
            let file = chart_file(key, &own);
            if let (Some(chart), true) = (drawn.get(&rdoc.lang, key), seen.insert(file.clone())) {
                push(&folder, &file, part, &chart.data);
            }
        }
    }
    // Names are unique because paths are, unless a campaign's name and
    // file run together as another's would; number those.
    let mut names = std::collections::BTreeSet::new();
    for r in &mut out {
        r.name = r.name.replace('/', "-").to_ascii_lowercase();
        let mut name = r.name.clone();
        let mut n = 2;
        while !names.insert(name.clone()) {
            name = format!("{}-{n}", r.name);
            n += 1;
        }
        r.name = name;
    }
    out
}

/// A Frictionless Tabular Data Package (`datapackage.json`), written
/// straight from these types: a tree of `serde_json::Value`s for two
/// thousand tables was 5 % of a build of a thousand campaigns. Fields are
/// in alphabetical order, as the file has always listed them.
#[derive(Serialize)]
pub struct Package<'a> {
    contributors: [Contributor; 1],
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    homepage: Option<&'a str>,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    licenses: Option<[Licence; 1]>,
    name: &'a str,
    profile: &'static str,
    resources: Vec<PackResource<'a>>,
    title: &'a str,
    version: &'a str,
}

/// The publisher.
#[derive(Serialize)]
struct Contributor {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    role: &'static str,
    title: String,
}

/// The data's licence.
#[derive(Serialize)]
struct Licence {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
}

/// One table: a Tabular Data Resource.
#[derive(Serialize)]
struct PackResource<'a> {
    description: String,
    dialect: Dialect,
    encoding: &'static str,
    format: &'static str,
    mediatype: &'static str,
    name: &'a str,
    path: &'a str,
    profile: &'static str,
    schema: Schema<'a>,
    title: &'a str,
    units: Vec<String>,
}

/// How the CSVs are written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Dialect {
    delimiter: &'static str,
    double_quote: bool,
    header: bool,
    line_terminator: &'static str,
    quote_char: &'static str,
}

/// A table's columns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Schema<'a> {
    fields: Vec<Field<'a>>,
    missing_values: [&'static str; 1],
}

/// One column.
#[derive(Serialize)]
struct Field<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    constraints: Option<Constraints>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    name: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

impl<'a> Field<'a> {
    /// A text column named `heading`.
    fn text(heading: &'a str, description: Option<String>) -> Field<'a> {
        Field {
            constraints: None,
            description,
            name: heading,
            title: heading,
            kind: "string",
        }
    }
}

/// What a column's values must be.
#[derive(Serialize)]
struct Constraints {
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    values: Option<Vec<String>>,
    required: bool,
}

/// What the pack says about itself, in the report's language.
pub struct PackInfo {
    /// `impact-2019-2020-en`.
    pub name: String,
    /// The report's title.
    pub title: String,
    /// Its summary.
    pub description: String,
    /// The report's version (period and short hash), as its other
    /// downloads print it.
    pub version: String,
    /// The report's page on the live site, when its address is known.
    pub homepage: Option<String>,
    /// The language code.
    pub lang: String,
}

impl Viewer<'_> {
    /// `datapackage.json` of `resources`.
    pub fn datapackage<'r>(
        &self,
        info: &'r PackInfo,
        resources: &'r [Resource],
        diags: &mut Diagnostics,
    ) -> Package<'r> {
        let value_desc = self.msg("data-value-description", &[], diags).text;
        let unit_desc = self.msg("data-unit-description", &[], diags).text;
        let qualifier_desc = self.msg("data-qualifier-description", &[], diags).text;
        let resources = resources
            .iter()
            .map(|r| {
                let d = r.data;
                let mut fields: Vec<Field> = d
                    .label_headings
                    .iter()
                    .map(|h| Field::text(h, None))
                    .collect();
                let mut units: Vec<String> = d.rows.iter().map(|r| r.unit_text.clone()).collect();
                units.sort();
                units.dedup();
                let mut codes: Vec<String> = d.rows.iter().map(|r| r.unit.code()).collect();
                codes.sort();
                codes.dedup();
                fields.push(Field {
                    constraints: Some(Constraints {
                        values: None,
                        required: true,
                    }),
                    kind: "number",
                    ..Field::text(&d.value_heading, Some(value_desc.clone()))
                });
                fields.push(Field {
                    constraints: Some(Constraints {
                        values: Some(units),
                        required: true,
                    }),
                    ..Field::text(&d.unit_heading, Some(unit_desc.clone()))
                });
                fields.push(Field::text(
                    &d.qualifier_heading,
                    Some(qualifier_desc.clone()),
                ));
                let description = if d.description.is_empty() {
                    r.part.clone()
                } else {
                    // One sentence per language, not pieces joined here.
                    let args = [
                        ("part", Arg::Text(r.part.clone())),
                        ("description", Arg::Text(d.description.clone())),
                    ];
                    self.msg("data-resource-description", &args, diags).text
                };
                PackResource {
                    description,
                    dialect: Dialect {
                        delimiter: ",",
                        double_quote: true,
                        header: true,
                        line_terminator: "\r\n",
                        quote_char: "\"",
                    },
                    encoding: "utf-8",
                    format: "csv",
                    mediatype: "text/csv",
                    name: &r.name,
                    path: &r.path,
                    profile: "tabular-data-resource",
                    schema: Schema {
                        fields,
                        missing_values: [""],
                    },
                    title: &d.title,
                    units: codes,
                }
            })
            .collect();
        let config = &self.site.config;
        let licences = config.data_licence.as_ref().map(|l| {
            [Licence {
                name: l.name.clone(),
                path: l.url.as_ref().map(|u| u.to_string()),
                title: l.title.as_ref().map(|t| self.text(t).text),
            }]
        });
        Package {
            contributors: [Contributor {
                path: config.organisation.url.as_ref().map(|u| u.to_string()),
                role: "publisher",
                title: config.organisation.name.clone(),
            }],
            description: &info.description,
            homepage: info.homepage.as_deref(),
            language: &info.lang,
            licenses: licences,
            name: &info.name,
            profile: "tabular-data-package",
            resources,
            title: &info.title,
            version: &info.version,
        }
    }

    /// The zip of the pack: `datapackage.json` and every CSV, deflated at
    /// [`ZIP_LEVEL`], each entry dated 1980-01-01 (the zip format's first
    /// day) so that the same data gives the same bytes.
    pub fn data_zip(
        &self,
        info: &PackInfo,
        resources: &[Resource],
        diags: &mut Diagnostics,
    ) -> Result<Vec<u8>, String> {
        let package = self.datapackage(info, resources, diags);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(ZIP_LEVEL))
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let json = serde_json::to_vec_pretty(&package).map_err(|e| e.to_string())?;
        let mut files = vec![("datapackage.json".to_string(), json)];
        files.extend(resources.iter().map(|r| (r.path.clone(), r.data.csv())));
        for (path, bytes) in files {
            zip.start_file(path, options).map_err(|e| e.to_string())?;
            zip.write_all(&bytes).map_err(|e| e.to_string())?;
        }
        let cursor = zip.finish().map_err(|e| e.to_string())?;
        Ok(cursor.into_inner())
    }

    /// The workbook: a contents sheet (the report, its version and licence,
    /// and each table with a link to its first row), then a sheet per kind
    /// of table (see [`sheets`]) with the part of the report each row
    /// belongs to, its localised header, and numbers as numbers in the
    /// unit's format.
    pub fn data_workbook(
        &self,
        info: &PackInfo,
        resources: &[Resource],
        diags: &mut Diagnostics,
    ) -> Result<Vec<u8>, String> {
        use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
        let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
        let mut book = Workbook::new();
        book.set_zip_compression_level(ZIP_LEVEL as u8);
        // A fixed creation date: the workbook's only varying part.
        let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
        book.set_properties(
            &DocProperties::new()
                .set_title(&info.title)
                .set_author(&self.site.config.organisation.name)
                .set_comment(&info.version)
                .set_creation_datetime(&created),
        );
        let bold = Format::new().set_bold();
        let wrap = Format::new().set_text_wrap();
        let part_heading = self.msg("data-part", &[], diags).text;

        let contents_name = sheet_name(&self.msg("data-contents", &[], diags).text);
        let sheets = sheets(resources, &contents_name);
        let contents = book.add_worksheet();
        contents.set_name(&contents_name).map_err(err)?;
        contents
            .write_string_with_format(0, 0, &info.title, &bold)
            .map_err(err)?;
        let version = self
            .msg(
                "pdf-version",
                &[("version", crate::l10n::Arg::Text(info.version.clone()))],
                diags,
            )
            .text;
        contents.write_string(1, 0, &version).map_err(err)?;
        let mut row = 2;
        if let Some(l) = &self.site.config.data_licence {
            let text = self
                .msg(
                    "data-licence",
                    &[(
                        "licence",
                        crate::l10n::Arg::Text(match &l.title {
                            Some(t) => self.text(t).text,
                            None => l.name.clone(),
                        }),
                    )],
                    diags,
                )
                .text;
            contents.write_string(row, 0, &text).map_err(err)?;
            if let Some(url) = &l.url {
                contents.write_url(row, 1, url.as_str()).map_err(err)?;
            }
            row += 1;
        }
        row += 1;
        let heads = [
            self.msg("data-sheet", &[], diags).text,
            part_heading.clone(),
            self.msg("data-table", &[], diags).text,
        ];
        for (col, h) in heads.iter().enumerate() {
            contents
                .write_string_with_format(row, col as u16, h, &bold)
                .map_err(err)?;
        }
        // A line per table, in reading order, linked to its first row.
        let mut at = Vec::new();
        for sheet in &sheets {
            let mut first = 1;
            for &i in &sheet.tables {
                at.push((i, &sheet.name, first + 1));
                first += resources[i].data.rows.len() as u32;
            }
        }
        at.sort();
        for (i, name, first) in at {
            let r = &resources[i];
            row += 1;
            let link =
                rust_xlsxwriter::Url::new(format!("internal:'{name}'!A{first}")).set_text(name);
            contents.write_url(row, 0, link).map_err(err)?;
            contents.write_string(row, 1, &r.part).map_err(err)?;
            contents
                .write_string_with_format(row, 2, &r.data.title, &wrap)
                .map_err(err)?;
        }
        contents.set_column_width(0, 34).map_err(err)?;
        contents.set_column_width(1, 40).map_err(err)?;
        contents.set_column_width(2, 60).map_err(err)?;

        for group in &sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(&group.name).map_err(err)?;
            let first = resources[group.tables[0]].data;
            let header = std::iter::once(part_heading.as_str()).chain(first.header());
            for (col, h) in header.enumerate() {
                sheet
                    .write_string_with_format(0, col as u16, h, &bold)
                    .map_err(err)?;
            }
            let labels = first.label_headings.len() as u16 + 1;
            let mut y = 0;
            for &i in &group.tables {
                let r = &resources[i];
                for row in &r.data.rows {
                    y += 1;
                    sheet.write_string(y, 0, &r.part).map_err(err)?;
                    for (col, l) in row.labels.iter().enumerate() {
                        sheet.write_string(y, col as u16 + 1, l).map_err(err)?;
                    }
                    let format = Format::new().set_num_format(number_format(row.unit));
                    sheet
                        .write_number_with_format(y, labels, row.value, &format)
                        .map_err(err)?;
                    sheet
                        .write_string(y, labels + 1, &row.book_unit_text)
                        .map_err(err)?;
                    if !row.qualifier_text.is_empty() {
                        sheet
                            .write_string(y, labels + 2, &row.qualifier_text)
                            .map_err(err)?;
                    }
                }
            }
            for col in 0..labels {
                sheet.set_column_width(col, 36).map_err(err)?;
            }
            sheet.set_column_width(labels, 16).map_err(err)?;
            sheet.set_column_width(labels + 1, 24).map_err(err)?;
            sheet.set_column_width(labels + 2, 16).map_err(err)?;
            sheet.set_freeze_panes(1, 0).map_err(err)?;
        }
        book.save_to_buffer().map_err(err)
    }
}

/// The Excel number format of a unit. Codes are locale-neutral in the
/// file: Excel shows `30.8%` to an English reader and `30,8 %` to a
/// Lithuanian one.
fn number_format(unit: DataUnit) -> String {
    match unit {
        DataUnit::Count | DataUnit::Seconds => "#,##0".into(),
        DataUnit::Share => "0.0%".into(),
        DataUnit::Change => "+0.0%;-0.0%;0%".into(),
        DataUnit::Money(c) => format!("#,##0.00 \"{}\"", c.as_str()),
        DataUnit::Number => "#,##0.##".into(),
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\\`,
/// not starting or ending with `'`.
fn sheet_name(text: &str) -> String {
    sheet_name_within(text, 31)
}

/// [`sheet_name`] at most `max` characters long.
fn sheet_name_within(text: &str, max: usize) -> String {
    // "Title: subtitle" keeps its sense with a dash where Excel forbids
    // the colon.
    let clean: String = text
        .replace(": ", " – ")
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_matches('\'');
    if clean.chars().count() <= max {
        return clean.to_string();
    }
    // Cut at the last word that fits with the ellipsis, so that a tab
    // does not end inside a word ("Pasiekta potencialios…"), and close a
    // quotation the cut leaves open („Citizens…“).
    // A preposition or conjunction left last is dropped too: „Pasiekti
    // žmonės pagal…“ reads as broken off, „Pasiekti žmonės…“ as shortened.
    let cut = |room: usize| {
        let room: String = clean.chars().take(room).collect();
        let mut cut = match room.rfind(' ') {
            Some(at) if at > 0 => &room[..at],
            _ => room.as_str(),
        };
        loop {
            cut = cut.trim_end_matches([' ', ',', ';', '–', '-', '\'']);
            match cut.rsplit_once(' ') {
                Some((before, last)) if DANGLING.contains(&last.to_lowercase().as_str()) => {
                    cut = before
                }
                _ => return cut.to_string(),
            }
        }
    };
    let text = cut(max - 1);
    let closing = unclosed(&text);
    if closing.is_empty() {
        return format!("{text}…");
    }
    let text = cut(max - 1 - closing.chars().count());
    format!("{text}…{}", unclosed(&text))
}

/// The closing marks of the quotations `text` leaves open, innermost
/// first: `“` for a Lithuanian „…, `”` for an English “…. English opens
/// with the mark Lithuanian closes with, so the marks are matched in
/// order rather than counted, and the text's language need not be known.
fn unclosed(text: &str) -> String {
    let mut open = Vec::new();
    for c in text.chars() {
        match (c, open.last()) {
            ('„', _) => open.push('“'),
            ('“', Some('“')) | ('”', Some('”')) => {
                open.pop();
            }
            ('“', _) => open.push('”'),
            _ => {}
        }
    }
    open.iter().rev().collect()
}

/// Words a shortened sheet name does not end on: Lithuanian and English
/// prepositions, conjunctions and articles (a native editor's list for
/// Lithuanian).
const DANGLING: &[&str] = &[
    "apie", "be", "dėl", "iki", "į", "iš", "ant", "nuo", "pagal", "per", "po", "prie", "prieš",
    "pro", "su", "tarp", "už", "virš", "ties", "anot", "link", "pas", "ligi", "šalia", "greta",
    "palei", "vietoj", "vietoje", "aplink", "pasak", "abipus", "anapus", "šiapus", "skersai",
    "išilgai", "ir", "bei", "ar", "arba", "o", "kaip", "kad", "nei", "negu", "bet", "tačiau",
    "nes", "jei", "jeigu", "kai", "nors", "jog", "kol", "tad", "todėl", "tai", "lyg", "tarsi",
    "tartum", "kadangi", "nebent", "užtat", "ne", "nė", "net", "tik", "dar", "gi", "juk", "jau",
    "vis", "vos", "pat", "irgi", "ypač", "beveik", "a", "an", "the", "of", "by", "to", "in", "at",
    "on", "for", "from", "with", "and", "or",
];

/// A sheet of the workbook: the tables it holds, one under another.
struct Sheet {
    /// Its name, unique in the workbook.
    name: String,
    /// Indexes of its tables in the resources, in reading order.
    tables: Vec<usize>,
}

/// The workbook's sheets: the tables that are one kind of table in
/// different campaigns (each campaign's `figures.csv`, or its
/// `chart-reach.csv` with the same columns) make one long sheet, a row per
/// value with the campaign in the first column, as a reader filtering or
/// pivoting wants it; the report's own tables get a sheet each. A sheet
/// per campaign's table made 2000 sheets for a report of a thousand
/// campaigns, and rust_xlsxwriter starts a thread per sheet, which cost a
/// build of that report 0.6 s of its 1.5 s (docs/PERFORMANCE.md).
/// `contents` is the contents sheet's name, which no other takes.
fn sheets(resources: &[Resource], contents: &str) -> Vec<Sheet> {
    let mut out: Vec<Sheet> = Vec::new();
    let mut keys: Vec<(bool, &str, Vec<&str>)> = Vec::new();
    let mut used = std::collections::BTreeSet::from([contents.to_lowercase()]);
    for (i, r) in resources.iter().enumerate() {
        let report = r.path.starts_with("data/report/");
        let file = r.path.rsplit('/').next().unwrap_or(&r.path);
        let key = (report, file, r.data.header());
        if let Some(k) = keys.iter().position(|k| *k == key) {
            out[k].tables.push(i);
            continue;
        }
        // Named by its first table's title, in the workbook's language
        // ("Figures by audience", „Pasiekti žmonės…“); the contents
        // sheet gives every table's whole title. Excel compares names
        // without case.
        let stem = file.strip_suffix(".csv").unwrap_or(file);
        let base = match sheet_name(&r.data.title) {
            title if title.is_empty() => sheet_name(if report { &r.name } else { stem }),
            title => title,
        };
        let mut name = base.clone();
        let mut n = 2;
        while !used.insert(name.to_lowercase()) {
            let suffix = format!(" {n}");
            let room = 31 - suffix.chars().count();
            name = format!("{}{suffix}", sheet_name_within(&base, room));
            n += 1;
        }
        keys.push(key);
        out.push(Sheet {
            name,
            tables: vec![i],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(title: &str, labels: &[&str]) -> Dataset {
        Dataset {
            title: title.into(),
            description: String::new(),
            label_headings: labels.iter().map(|l| l.to_string()).collect(),
            value_heading: "Value".into(),
            unit_heading: "Unit".into(),
            qualifier_heading: "Qualifier".into(),
            rows: Vec::new(),
        }
    }

    #[test]
    fn one_kind_of_table_in_every_campaign_is_one_sheet() {
        let (figures, audience, measure, untitled) = (
            table("Figures by audience", &["Measure", "Audience"]),
            table("People reached, by audience", &["Audience"]),
            table("People reached, by audience", &["Measure"]),
            table("", &["Measure"]),
        );
        let res = |path: &str, data| Resource {
            path: path.into(),
            name: path.trim_start_matches("data/").replace('/', "-"),
            part: "p".into(),
            data,
        };
        let resources = [
            res("data/report/figures.csv", &figures),
            res("data/campaigns/a/figures.csv", &figures),
            res("data/campaigns/a/chart-reach.csv", &audience),
            res("data/campaigns/b/figures.csv", &figures),
            // The same chart id with other columns is another sheet.
            res("data/campaigns/b/chart-reach.csv", &measure),
            res("data/campaigns/c/chart-reach.csv", &audience),
            res("data/campaigns/c/contents.csv", &untitled),
        ];
        let sheets = sheets(&resources, "Contents");
        let got: Vec<(&str, &[usize])> = sheets
            .iter()
            .map(|s| (s.name.as_str(), s.tables.as_slice()))
            .collect();
        assert_eq!(
            got,
            [
                // The report's tables apart from the campaigns', each
                // sheet named by its first table's title.
                ("Figures by audience", &[0][..]),
                ("Figures by audience 2", &[1, 3]),
                ("People reached, by audience", &[2, 5]),
                ("People reached, by audience 2", &[4]),
                // A table without a title by its file, apart from the
                // contents sheet.
                ("contents 2", &[6]),
            ]
        );
    }

    #[test]
    fn sheet_names_fit_excel() {
        let long = "campaigns-lithuanian-communities-chart-citizens-advice-cases";
        let name = sheet_name(long);
        assert_eq!(name.chars().count(), 31, "{name}");
        assert!(name.ends_with('…'), "{name}");
        // Cut after a whole word, with no comma left before the ellipsis.
        assert_eq!(
            sheet_name("Pasiekta potencialios auditorijos dalis pagal auditorijas"),
            "Pasiekta potencialios…"
        );
        // Not on a preposition or conjunction.
        assert_eq!(
            sheet_name_within("Pasiekti žmonės pagal auditorijas", 29),
            "Pasiekti žmonės…"
        );
        assert_eq!(
            sheet_name("Skambučiai į liniją, tačiau ne visi atsiliepė"),
            "Skambučiai į liniją…"
        );
        assert_eq!(
            sheet_name("Skambučiai išaugo, nors kampanija baigėsi"),
            "Skambučiai išaugo…"
        );
        assert_eq!(
            sheet_name("Share of the people reached in the county"),
            "Share of the people reached…"
        );
        assert_eq!(
            sheet_name("People reached in the county, by audience"),
            "People reached in the county…"
        );
        assert_eq!(
            sheet_name_within("Survey results, by audience", 29),
            "Survey results, by audience"
        );
        assert_eq!(
            sheet_name("Linkolnšyro „Citizens Advice“: su darbu susiję atvejai"),
            "Linkolnšyro „Citizens Advice“…"
        );
        assert_eq!(
            sheet_name("Linkolnšyro „Citizens Advice Bureau“ atvejai"),
            "Linkolnšyro „Citizens Advice…“"
        );
        // English quotations open with the mark Lithuanian ones close with.
        assert_eq!(
            sheet_name("Calls after the “Know the Signs” campaign"),
            "Calls after the “Know…”"
        );
        assert_eq!(
            sheet_name("“Know the Signs” calls, by audience and county"),
            "“Know the Signs” calls…"
        );
        assert_eq!(unclosed("„a“ “b"), "”");
        assert_eq!(unclosed("„a“ “b” „c“"), "");
        assert_eq!(sheet_name("Finances: 2020"), "Finances – 2020");
        assert_eq!(sheet_name("a/b [c]?"), "a-b -c--");
        assert_eq!(sheet_name("'Turinys'"), "Turinys");
    }
}
