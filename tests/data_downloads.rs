//! "Get the data": the CSV beside every chart and table. Every link is
//! followed, every file read back with a CSV reader (byte-order mark,
//! RFC 4180, CRLF) and every value compared with the YAML the site was
//! built from, in both languages, on the sample site with a duration metric
//! and a duration chart added.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use impact::model::{Campaign, ChartUnit, Lang, Qualifier, Site, Value};

/// The sample site with a duration among an audience's figures and a
/// declared duration chart, which the sample has only as a result.
fn site_with_durations() -> tempfile::TempDir {
    let dir = sample_site();
    let yaml = dir
        .path()
        .join("content/campaigns/lithuanian-communities/campaign.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let text = text.replacen(
        "      comments: 71\n",
        "      comments: 71\n      average_time_on_page: { seconds: 95 }\n",
        1,
    );
    let text = text.replacen(
        "charts:\n",
        "charts:\n  - id: watch-time\n    kind: hbar\n    title: { en: \"Time on the page\", lt: \"Laikas puslapyje\" }\n    unit: duration\n    data:\n      - { label: { en: \"Phase one\", lt: \"Pirmasis etapas\" }, value: 113 }\n      - { label: { en: \"Phase two\", lt: \"Antrasis etapas\" }, value: 3725 }\n",
        1,
    );
    assert!(text.contains("seconds: 95") && text.contains("watch-time"));
    std::fs::write(&yaml, text).unwrap();
    let outcome = build(dir.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    dir
}

/// A CSV as a reader gets it: header and rows. Fails unless it starts with
/// a byte-order mark and every line ends in CRLF.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or_else(|| panic!("{}: no UTF-8 byte-order mark", path.display()));
    let text = std::str::from_utf8(body).expect("UTF-8");
    assert!(text.ends_with("\r\n"), "{}: last line", path.display());
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "{}: a line ends without CR",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// One row read back: its labels, value, unit and qualifier.
#[derive(Debug)]
struct Row {
    labels: Vec<String>,
    value: f64,
    unit: String,
    qualifier: String,
}

fn rows(path: &Path) -> (Vec<String>, Vec<Row>) {
    let (header, rows) = read_csv(path);
    let n = header.len();
    assert!(n >= 4, "{}: header {header:?}", path.display());
    let rows = rows
        .into_iter()
        .map(|r| {
            assert_eq!(r.len(), n, "{}: {r:?}", path.display());
            let value = &r[n - 3];
            // Plain machine numbers: digits, a point, a minus; nothing else.
            assert!(
                value
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-'),
                "{}: `{value}` is not a machine number",
                path.display()
            );
            Row {
                labels: r[..n - 3].to_vec(),
                value: value.parse().unwrap(),
                unit: r[n - 2].clone(),
                qualifier: r[n - 1].clone(),
            }
        })
        .collect();
    (header, rows)
}

fn number(v: &Value) -> f64 {
    match *v {
        Value::Count(n) => n as f64,
        Value::Share(x) | Value::Change(x) => x,
        Value::Money { amount, .. } => amount,
        Value::Duration { seconds } => seconds as f64,
    }
}

/// The words each language writes in the unit and qualifier columns.
struct Words {
    unit_heading: &'static str,
    count: &'static str,
    share: &'static str,
    seconds: &'static str,
    change: &'static str,
    about: &'static str,
    at_least: &'static str,
}

fn words(lang: &str) -> Words {
    match lang {
        "lt" => Words {
            unit_heading: "Matavimo vienetas",
            count: "kiekis",
            share: "dalis (0–1)",
            seconds: "sekundės",
            change: "santykinis pokytis (0.5 = +50 %)",
            about: "apie",
            at_least: "ne mažiau kaip",
        },
        _ => Words {
            unit_heading: "Unit",
            count: "count",
            share: "share (0–1)",
            seconds: "seconds",
            change: "relative change (0.5 = +50%)",
            about: "about",
            at_least: "at least",
        },
    }
}

fn unit_of(v: &Value, w: &Words) -> String {
    match v {
        Value::Count(_) => w.count.into(),
        Value::Share(_) => w.share.into(),
        Value::Change(_) => w.change.into(),
        Value::Money { currency, .. } => currency.as_str().into(),
        Value::Duration { .. } => w.seconds.into(),
    }
}

fn qualifier_of(q: Option<Qualifier>, w: &Words) -> &'static str {
    match q {
        None => "",
        Some(Qualifier::AtLeast) => w.at_least,
        Some(Qualifier::About) => w.about,
    }
}

/// A campaign's figures per audience: a row per metric and audience, in
/// the table's order, each value, unit and audience as in the YAML.
fn check_figures(dir: &Path, site: &Site, c: &Campaign, lang: &Lang, checked: &mut usize) {
    let w = words(lang.as_str());
    let (header, got) = rows(dir);
    assert_eq!(header[3], w.unit_heading, "{}", dir.display());
    let mut keys: Vec<&str> = Vec::new();
    for a in &c.audiences {
        for m in &a.metrics {
            if !keys.contains(&m.metric.as_str()) {
                keys.push(&m.metric);
            }
        }
    }
    let mut want = Vec::new();
    for k in &keys {
        for a in &c.audiences {
            if let Some(m) = a.metrics.iter().find(|m| m.metric == *k) {
                want.push((a, m));
            }
        }
    }
    assert_eq!(got.len(), want.len(), "{}", dir.display());
    let default = site.config.default_lang();
    for (row, (a, m)) in got.iter().zip(&want) {
        assert_eq!(row.labels[1], a.name.get(lang, default).text, "{row:?}");
        assert_eq!(row.value, number(&m.value), "{row:?} vs {m:?}");
        assert_eq!(row.unit, unit_of(&m.value, &w), "{row:?}");
        assert_eq!(row.qualifier, qualifier_of(m.qualifier, &w), "{row:?}");
        *checked += 1;
    }
}

/// Values of a chart's CSV, as a sorted list of (value, unit, qualifier)
/// texts, to compare with what the YAML says the chart shows.
fn values(path: &Path) -> Vec<(String, String, String)> {
    let (_, got) = rows(path);
    let mut v: Vec<_> = got
        .into_iter()
        .map(|r| (format!("{}", r.value), r.unit, r.qualifier))
        .collect();
    v.sort();
    v
}

fn want(list: Vec<(f64, String, &str)>) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = list
        .into_iter()
        .map(|(x, u, q)| (format!("{x}"), u, q.to_string()))
        .collect();
    v.sort();
    v
}

/// What a chart's CSV should hold: (value, unit, qualifier) per row.
type Expected<'a> = Vec<(f64, String, &'a str)>;

const FUNNEL: [&str; 4] = [
    "impressions",
    "reach",
    "landing_page_sessions",
    "video_plays_95",
];

/// Every standard and declared chart of a campaign, against the YAML.
fn check_charts(dir: &Path, c: &Campaign, lang: &Lang, checked: &mut usize) {
    let w = words(lang.as_str());
    let metric = |key: &str| -> Vec<(f64, String, &str)> {
        c.audiences
            .iter()
            .flat_map(|a| a.metrics.iter().filter(|m| m.metric == key))
            .map(|m| (number(&m.value), unit_of(&m.value, &w), ""))
            .collect()
    };
    let mut expected: Vec<(String, Expected)> = vec![
        ("chart-reach.csv".into(), metric("reach")),
        (
            "chart-potential-reach.csv".into(),
            metric("potential_reach_share"),
        ),
    ];
    // The funnel: audiences with at least two of its stages.
    let funnel: Vec<(f64, String, &str)> = c
        .audiences
        .iter()
        .filter(|a| {
            a.metrics
                .iter()
                .filter(|m| FUNNEL.contains(&m.metric.as_str()))
                .count()
                >= 2
        })
        .flat_map(|a| {
            a.metrics
                .iter()
                .filter(|m| FUNNEL.contains(&m.metric.as_str()))
        })
        .map(|m| (number(&m.value), unit_of(&m.value, &w), ""))
        .collect();
    expected.push(("chart-funnel.csv".into(), funnel));
    let results = |f: &dyn Fn(&Value) -> bool| -> Vec<(f64, String, &str)> {
        c.results
            .iter()
            .filter(|r| f(&r.value))
            .map(|r| {
                (
                    number(&r.value),
                    unit_of(&r.value, &w),
                    qualifier_of(r.qualifier, &w),
                )
            })
            .collect()
    };
    let shares: Vec<_> = c
        .results
        .iter()
        .filter(|r| matches!(r.value, Value::Share(_)) && r.audience.is_some())
        .map(|r| {
            (
                number(&r.value),
                unit_of(&r.value, &w),
                qualifier_of(r.qualifier, &w),
            )
        })
        .collect();
    expected.push(("chart-results.csv".into(), shares));
    expected.push((
        "chart-change.csv".into(),
        results(&|v| matches!(v, Value::Change(_))),
    ));
    for chart in &c.charts {
        let unit = match chart.unit {
            ChartUnit::Count => w.count.to_string(),
            ChartUnit::Share => w.share.to_string(),
            ChartUnit::Duration => w.seconds.to_string(),
            ChartUnit::Money => match lang.as_str() {
                "lt" => "skaičius".into(),
                _ => "number".into(),
            },
        };
        expected.push((
            format!("chart-{}.csv", chart.id),
            chart
                .data
                .iter()
                .map(|d| (d.value, unit.clone(), ""))
                .collect(),
        ));
    }
    for (file, list) in expected {
        let path = dir.join(&file);
        if list.is_empty() {
            assert!(!path.exists(), "{} for a chart not drawn", path.display());
            continue;
        }
        *checked += list.len();
        assert_eq!(values(&path), want(list), "{}", path.display());
    }
}

#[test]
fn every_csv_reads_back_as_the_yaml_says() {
    let dir = site_with_durations();
    let loaded = impact::load::load_site(dir.path());
    let site = loaded.site.expect("loads");
    let out = dir.path().join("output");
    let mut checked = 0;
    let mut durations = 0;
    for lang in &site.config.languages {
        for r in &site.reports {
            if let Some(f) = &r.finances {
                let path = out.join(format!("{lang}/{}/chart-finances.csv", r.slug));
                let cur = f.currency.as_str().to_string();
                assert_eq!(
                    values(&path),
                    want(vec![(f.income, cur.clone(), ""), (f.expenditure, cur, "")]),
                );
                checked += 2;
            }
            for (slug, _) in &r.campaigns {
                let c = &site.campaigns[slug];
                let cdir = out.join(format!("{lang}/{}/{slug}", r.slug));
                if c.audiences.iter().any(|a| !a.metrics.is_empty()) {
                    check_figures(&cdir.join("figures.csv"), &site, c, lang, &mut checked);
                } else {
                    assert!(!cdir.join("figures.csv").exists());
                }
                check_charts(&cdir, c, lang, &mut checked);
                let w = words(lang.as_str());
                for file in ["figures.csv", "chart-watch-time.csv"] {
                    if cdir.join(file).exists() {
                        let (_, got) = rows(&cdir.join(file));
                        durations += got.iter().filter(|r| r.unit == w.seconds).count();
                    }
                }
            }
        }
    }
    // The duration metric and both points of the duration chart, in each
    // report that lists the campaign and in both languages.
    assert!(durations >= 3 * 2, "only {durations} durations");
    assert!(checked > 200, "only {checked} values checked");
    record_count(&format!("CSV values checked against the YAML: {checked}"));
}

#[test]
fn every_chart_and_table_links_its_csv_and_every_csv_is_linked() {
    let dir = site_with_durations();
    let out = dir.path().join("output");
    let files = files_under(&out);
    let mut linked = BTreeSet::new();
    for page in files.iter().filter(|f| f.ends_with("index.html")) {
        let html = read(dir.path(), page);
        let charts = html.matches("<figure class=\"chart").count();
        let tables = html.matches("<table class=\"metrics\">").count();
        let links: Vec<&str> = html
            .split("<a class=\"data-link\" href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert_eq!(
            links.len(),
            charts + tables,
            "{page}: a link per chart and table"
        );
        for href in links {
            assert!(
                href.ends_with(".csv") && !href.contains('/'),
                "{page}: {href}"
            );
            let target = resolve(page, href);
            assert!(out.join(&target).is_file(), "{page}: {href} leads nowhere");
            linked.insert(target);
        }
    }
    let csvs: BTreeSet<String> = files
        .iter()
        .filter(|f| f.ends_with(".csv"))
        .cloned()
        .collect();
    assert_eq!(csvs, linked, "every CSV is linked from its page");
    // The Lithuanian files have their headers in Lithuanian.
    let (header, _) = read_csv(&out.join("lt/impact-2019-2020/lithuanian-communities/figures.csv"));
    assert_eq!(
        header,
        [
            "Rodiklis",
            "Auditorija",
            "Reikšmė",
            "Matavimo vienetas",
            "Tikslumas"
        ]
    );
}

#[test]
fn the_single_file_html_links_the_data_on_the_live_site() {
    let dir = site_with_durations();
    let html = read(dir.path(), "en/impact-2019-2020/impact-2019-2020.html");
    let links: Vec<&str> = html
        .split("<a class=\"data-link\" href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert!(!links.is_empty());
    for href in links {
        let path = href
            .strip_prefix("https://impact.example.org/")
            .unwrap_or_else(|| panic!("{href} is not on the live site"));
        assert!(
            dir.path().join("output").join(path).is_file(),
            "{href} is not a file of the site"
        );
    }
}

/// The files of a zip by name, with how each is stored.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>, zip::CompressionMethod, zip::DateTime)> {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            let time = f.last_modified().unwrap_or_default();
            (f.name().unwrap().to_string(), data, f.compression(), time)
        })
        .collect()
}

#[test]
fn every_report_has_an_open_data_pack_beside_its_other_downloads() {
    let dir = site_with_durations();
    let loaded = impact::load::load_site(dir.path());
    let site = loaded.site.expect("loads");
    let out = dir.path().join("output");
    let mut resources = 0;
    let mut percent_units = 0;
    let mut shared_sheets = 0;
    for lang in &site.config.languages {
        for r in &site.reports {
            let folder = format!("{lang}/{}", r.slug);
            let page = read(dir.path(), &format!("{folder}/index.html"));
            // Linked beside the single-file HTML, with their sizes.
            let downloads = &page[page.find("id=\"downloads\"").expect("downloads")..];
            let downloads = &downloads[..downloads.find("</section>").unwrap()];
            let zip_link = format!("href=\"{}.zip\" type=\"application/zip\" download", r.slug);
            let xlsx_link = format!("href=\"{}.xlsx\" type=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\" download", r.slug);
            let html_at = downloads
                .find(&format!("href=\"{}.html\"", r.slug))
                .unwrap();
            let zip_at = downloads.find(&zip_link).expect("zip linked");
            let xlsx_at = downloads.find(&xlsx_link).expect("xlsx linked");
            assert!(html_at < zip_at && zip_at < xlsx_at, "{folder}: order");
            assert!(downloads.contains("kB</a>"), "{folder}: sizes");

            let files = unzip(&out.join(format!("{folder}/{}.zip", r.slug)));
            for (name, _, method, time) in &files {
                assert_eq!(*method, zip::CompressionMethod::Deflated, "{name}");
                assert_eq!(*time, zip::DateTime::default(), "{name}: a fixed time");
            }
            let (first, json, _, _) = &files[0];
            assert_eq!(first, "datapackage.json");
            let pack: serde_json::Value = serde_json::from_slice(json).unwrap();
            assert_eq!(pack["profile"], "tabular-data-package");
            assert_eq!(pack["name"], format!("{}-{lang}", r.slug));
            assert_eq!(pack["licenses"][0]["name"], "CC-BY-4.0");
            assert_eq!(
                pack["licenses"][0]["path"],
                "https://creativecommons.org/licenses/by/4.0/"
            );
            // Named as the readers of the pack's language know it.
            let licence = match lang.as_str() {
                "lt" => "Creative Commons Priskyrimas 4.0 Tarptautinė (CC BY 4.0)",
                _ => "Creative Commons Attribution 4.0 International",
            };
            assert_eq!(pack["licenses"][0]["title"], licence, "{folder}");
            // The same version stamp as the page and its other downloads.
            let version = pack["version"].as_str().unwrap();
            assert!(version.len() > 10 && page.contains(version), "{version}");
            let list = pack["resources"].as_array().unwrap();
            let mut tables = Vec::new();
            let mut titles = Vec::new();
            assert_eq!(list.len() + 1, files.len(), "a file per resource");
            for res in list {
                let path = res["path"].as_str().unwrap();
                let (_, csv_bytes, _, _) = files
                    .iter()
                    .find(|(n, ..)| n == path)
                    .unwrap_or_else(|| panic!("{path} not in the zip"));
                assert!(csv_bytes.starts_with(b"\xEF\xBB\xBF"));
                let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
                let header: Vec<String> = reader
                    .headers()
                    .unwrap()
                    .iter()
                    .map(str::to_string)
                    .collect();
                let fields: Vec<&str> = res["schema"]["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["name"].as_str().unwrap())
                    .collect();
                assert_eq!(header, fields, "{path}");
                let kind = (
                    path.starts_with("data/report/"),
                    path.rsplit('/').next().unwrap().to_string(),
                    header.clone(),
                );
                tables.push((kind, reader.records().count()));
                assert_eq!(res["dialect"]["lineTerminator"], "\r\n");
                assert!(res["title"].as_str().is_some_and(|t| !t.is_empty()));
                titles.push(res["title"].as_str().unwrap().to_string());
                assert!(!res["units"].as_array().unwrap().is_empty(), "{path}");
                // A chart's or table's CSV in the pack is the one beside its page.
                if let Some(rest) = path.strip_prefix("data/campaigns/") {
                    let beside = out.join(format!("{folder}/{rest}"));
                    if beside.exists() {
                        assert_eq!(&std::fs::read(&beside).unwrap(), csv_bytes, "{path}");
                    }
                }
                resources += 1;
            }
            // Every result of every campaign, with its qualifier and unit.
            for (slug, _) in &r.campaigns {
                let c = &site.campaigns[slug];
                let path = format!("data/campaigns/{slug}/results.csv");
                let Some((_, bytes, _, _)) = files.iter().find(|(n, ..)| *n == path) else {
                    assert!(c.results.is_empty(), "{path} missing");
                    continue;
                };
                let tmp = tempfile::NamedTempFile::new().unwrap();
                std::fs::write(tmp.path(), bytes).unwrap();
                let (_, got) = rows(tmp.path());
                let w = words(lang.as_str());
                assert_eq!(got.len(), c.results.len());
                for (row, f) in got.iter().zip(&c.results) {
                    assert_eq!(row.value, number(&f.value), "{path}: {row:?}");
                    assert_eq!(row.unit, unit_of(&f.value, &w), "{path}: {row:?}");
                    assert_eq!(row.qualifier, qualifier_of(f.qualifier, &w));
                }
            }
            let (percent, shared) = check_workbook(
                &out.join(format!("{folder}/{}.xlsx", r.slug)),
                &tables,
                &titles,
            );
            percent_units += percent;
            shared_sheets += shared;
        }
    }
    assert!(resources > 40, "only {resources} tables");
    assert!(shared_sheets > 0, "no sheet holds two campaigns' tables");
    assert!(
        percent_units > 0,
        "no workbook shows a share as a percentage"
    );
}

/// A table of the pack: whether it is the report's own, its file's name
/// and its header; and how many rows it has.
type Table = ((bool, String, Vec<String>), usize);

/// The workbook: a contents sheet linking every table, then a sheet per
/// kind of table (the report's own tables one each, a campaign table of
/// the same file and columns in every campaign one long sheet), every
/// value a number cell with a number format (no number stored as text), and
/// units that match the cells: a share shown as "30,8 %" is not said to
/// be "0–1"; each sheet after the contents named by a table's title in
/// the workbook's language (cut to Excel's 31 characters after a whole
/// word), not by a file name. Returns how many units say "%", and how
/// many tables share a sheet with an earlier one.
fn check_workbook(path: &Path, tables: &[Table], titles: &[String]) -> (usize, usize) {
    let files = unzip(path);
    let book = files
        .iter()
        .find(|(n, ..)| n == "xl/workbook.xml")
        .map(|(_, b, ..)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    let names: Vec<String> = book
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .collect();
    let titles: Vec<String> = titles.iter().map(|t| t.replace(": ", " – ")).collect();
    for name in names.iter().skip(1) {
        assert!(name.chars().count() <= 31, "{name}");
        let stem = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let stem = stem.trim_end_matches('“').trim_end_matches('…');
        assert!(
            titles.iter().any(|t| t.starts_with(stem)),
            "{}: the sheet {name:?} is not named by a table's title",
            path.display()
        );
        assert!(
            !stem.contains(".csv") && !stem.starts_with("chart-"),
            "{name}"
        );
    }
    let mut sheets: Vec<&(String, Vec<u8>, _, _)> = files
        .iter()
        .filter(|(n, ..)| n.starts_with("xl/worksheets/sheet"))
        .collect();
    // sheet1 … sheet10 … in the workbook's order.
    sheets.sort_by_key(|(n, ..)| {
        n.trim_start_matches("xl/worksheets/sheet")
            .trim_end_matches(".xml")
            .parse::<usize>()
            .unwrap()
    });
    let mut kinds = Vec::new();
    for (kind, _) in tables {
        if kind.0 || !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    assert_eq!(sheets.len(), kinds.len() + 1, "{}", path.display());
    // The contents sheet links every table to its first row.
    let contents = String::from_utf8_lossy(&sheets[0].1);
    assert_eq!(
        contents.matches("location=").count(),
        tables.len(),
        "{}",
        path.display()
    );
    let styles = files
        .iter()
        .find(|(n, ..)| n == "xl/styles.xml")
        .map(|(_, b, ..)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    assert!(styles.contains("formatCode=\"0.0%\""), "{styles}");
    assert!(styles.contains("formatCode=\"#,##0\""), "{styles}");
    let mut numbers = 0;
    for (name, xml, ..) in sheets.iter().skip(1) {
        let xml = String::from_utf8_lossy(xml);
        // Row 2 on: the campaign and label cells are strings, the value
        // cell a number.
        let number_cells = xml.matches("<c r=\"").count() - xml.matches("t=\"s\"").count();
        assert!(number_cells > 0, "{name}: no number cells");
        numbers += number_cells;
    }
    // Every value of every table is there, once, as a number.
    let values: usize = tables.iter().map(|(_, rows)| rows).sum();
    assert_eq!(numbers, values, "{}", path.display());
    let strings = files
        .iter()
        .find(|(n, ..)| n == "xl/sharedStrings.xml")
        .map(|(_, b, ..)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    assert!(
        !strings.contains("0–1") && !strings.contains("0.5 ="),
        "{}: a percentage cell's unit reads as a fraction: {strings}",
        path.display()
    );
    (strings.matches(", %<").count(), tables.len() - kinds.len())
}

#[test]
fn a_data_licence_that_is_not_an_identifier_is_an_error_at_its_line() {
    let dir = sample_site();
    let yaml = dir.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml)
        .unwrap()
        .replace("name: CC-BY-4.0", "name: Creative Commons BY")
        .replace(
            "url: \"https://creativecommons.org/licenses/by/4.0/\"",
            "url: creativecommons.org/licenses/by/4.0/",
        );
    std::fs::write(&yaml, text).unwrap();
    let outcome = build(dir.path(), false);
    assert!(outcome.failed());
    assert_diag(
        &outcome,
        &[
            "content/site.yaml:",
            "not a licence identifier",
            "CC-BY-4.0",
        ],
    );
    assert_diag(&outcome, &["content/site.yaml:", "not a web address"]);
}

#[test]
fn a_licence_title_missing_a_language_is_an_error_naming_it() {
    let dir = sample_site();
    let yaml = dir.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap().replace(
        "    lt: \"Creative Commons Priskyrimas 4.0 Tarptautinė (CC BY 4.0)\"\n",
        "",
    );
    std::fs::write(&yaml, text).unwrap();
    let outcome = build(dir.path(), false);
    assert!(outcome.failed());
    assert_diag(
        &outcome,
        &["content/site.yaml:", "the data licence's title", "lt:"],
    );
}
