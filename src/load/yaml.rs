//! YAML through serde-saphyr, with its errors turned into diagnostics that
//! name the line and say how to fix the usual mistakes.

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, Spanned};

use crate::diagnostics::Diagnostic;
use crate::model::{FileId, Span};

/// Parses `text` (from `file`, starting `line_offset` lines into it).
pub fn parse<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    line_offset: u32,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Span::file(file), "the file is empty")
            .help("fill it in: `impact new` writes a commented example of every field"));
    }
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options::<T>(text, options)
        .map_err(|e| to_diagnostic(file, text, &e, line_offset))
}

/// The span of a value read with [`Spanned`].
pub fn span_of<T>(file: FileId, v: &Spanned<T>, line_offset: u32) -> Span {
    location_span(file, v.referenced, line_offset)
}

/// The span of a serde-saphyr location; an unknown location points at the file.
pub fn location_span(file: FileId, loc: Location, line_offset: u32) -> Span {
    if loc.line() == 0 {
        Span::file(file)
    } else {
        Span::at(file, loc.line() as u32 + line_offset, loc.column() as u32)
    }
}

fn to_diagnostic(
    file: FileId,
    text: &str,
    e: &serde_saphyr::Error,
    line_offset: u32,
) -> Diagnostic {
    let location = e.location();
    let span = location
        .map(|l| location_span(file, l, line_offset))
        .unwrap_or(Span::file(file));
    if let Some(l) = location.filter(|l| l.line() > 0) {
        let plain = super::yaml_plain::explain(
            e.without_snippet(),
            text,
            l.line() as usize,
            l.column() as usize,
        );
        if let Some(p) = plain {
            let span = match p.at {
                Some((line, col)) => Span::at(file, line as u32 + line_offset, col as u32),
                None => span,
            };
            return Diagnostic::error(span, p.message).help(p.help);
        }
    }
    let raw = e.without_snippet().to_string();
    let message = clean_message(&raw);
    let help = help_for(&message);
    let d = Diagnostic::error(span, message);
    match help {
        Some(h) => d.help(h),
        None => d,
    }
}

/// serde-saphyr's message without its own " at line X, column Y" (we show
/// the location ourselves) and with serde's type names made readable.
fn clean_message(raw: &str) -> String {
    let mut msg = raw.trim().to_string();
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    if let Some(rest) = msg.strip_prefix("error: ") {
        msg = rest.to_string();
    }
    msg = msg
        .replace("invalid type: ", "wrong type: ")
        .replace("Spanned", "")
        .replace("a sequence", "a list")
        .replace("sequence", "list")
        .replace(
            "struct RawPeriod",
            "`{ start: YYYY-MM-DD, end: YYYY-MM-DD }`",
        )
        .replace("struct RawOrganisation", "`{ name: \"…\", url: \"…\" }`")
        .replace("variant identifier", "one of the allowed words");
    let mut chars = msg.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
        None => "the YAML could not be read".into(),
    }
}

fn help_for(message: &str) -> Option<String> {
    let m = message.to_lowercase();
    let help = if m.contains("unknown field") {
        "check the spelling of the field name; the fields allowed here are listed above"
    } else if m.contains("missing field") {
        "add the field; `impact new campaign <slug>` shows a complete example"
    } else if m.contains("unknown variant") {
        "use one of the words listed above"
    } else if m.contains("wrong type") && m.contains("expected a map") {
        "write it as `key: value` lines, or `{ en: \"…\", lt: \"…\" }` for text in every language"
    } else if m.contains("wrong type") && m.contains("list") {
        "write a list as `[a, b]` or as lines starting with `- `"
    } else if m.contains("wrong type") && m.contains("string") {
        "put text in quotes: \"…\""
    } else if m.contains("duplicate") {
        "remove one of the two entries with the same key"
    } else if m.contains("tab") {
        "indent YAML with spaces, never tabs"
    } else if m.contains("expected a number") || m.contains("number") {
        "write numbers without quotes, separators or % signs: 11972, 0.308"
    } else {
        "check the indentation and punctuation on this line and the one above it"
    };
    Some(help.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::RawCampaign;

    #[test]
    fn unknown_field_names_line_and_field() {
        let text = "name: { en: A, lt: B }\nsummary: { en: A, lt: B }\nperiod: { start: 2019-01-01, end: 2019-02-01 }\ncolour: red\n";
        let d = parse::<RawCampaign>(FileId(0), text, 0).unwrap_err();
        assert_eq!(d.span.map(|s| s.line), Some(4), "{d:?}");
        assert!(
            d.message.contains("unknown field `colour`"),
            "{}",
            d.message
        );
        assert!(!d.message.contains("at line"), "{}", d.message);
    }

    #[test]
    fn syntax_error_names_line() {
        let text = "name: { en: A, lt: B\nsummary: x\n";
        let d = parse::<RawCampaign>(FileId(0), text, 0).unwrap_err();
        assert!(d.span.map(|s| s.line).unwrap_or(0) >= 1, "{d:?}");
    }

    #[test]
    fn line_offset_is_added_for_front_matter() {
        let text = "title: x\nbogus: 1\n";
        let d = parse::<crate::load::raw::RawFrontMatter>(FileId(0), text, 1).unwrap_err();
        assert_eq!(d.span.map(|s| s.line), Some(3), "{d:?}");
    }

    #[test]
    fn empty_file_is_an_error() {
        let d = parse::<RawCampaign>(FileId(0), "  \n", 0).unwrap_err();
        assert!(d.message.contains("empty"));
    }
}

/// The common YAML mistakes, as the person who made them reads them: the
/// whole report (message, file:line:column, the line, the fix), pinned.
#[cfg(test)]
mod plain_messages {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::load::raw::{RawCampaign, RawReport};
    use crate::model::SourceMap;

    const CAMPAIGN: &str = r#"name: { en: "Winter shelter", lt: "Žiemos prieglauda" }
summary: { en: "Beds and meals in the cold months.", lt: "Lovos ir maistas šaltaisiais mėnesiais." }
period: { start: 2021-01-04, end: 2021-03-31 }
countries: [LT]
partners:
  - { name: "City kitchen" }
audiences:
  - id: vilnius
    name: { en: "Vilnius", lt: "Vilnius" }
    metrics:
      meals_served: 8000
"#;

    const REPORT: &str = r#"title: { en: "Annual results 2021", lt: "2021 m. rezultatai" }
period: { start: 2021-01-01, end: 2021-12-31 }
summary: { en: "A year.", lt: "Metai." }
campaigns: [winter-shelter]
finances:
  period: { start: 2021-01-01, end: 2021-12-31 }
  currency: EUR
  income: 125000
  expenditure: 98500
"#;

    /// `base` with `from` replaced by `to`, parsed as `T`, its error shown.
    fn shown<T: DeserializeOwned + std::fmt::Debug>(
        name: &str,
        base: &str,
        from: &str,
        to: &str,
    ) -> String {
        assert!(base.contains(from), "{from:?}");
        let text = base.replacen(from, to, 1);
        let mut sources = SourceMap::default();
        let file = sources.add(name.into(), text.clone());
        let d = parse::<T>(file, &text, 0).expect_err("the mistake is an error");
        crate::diagnostics::render(&Diagnostics::from(d), &sources, false)
    }

    fn campaign(from: &str, to: &str) -> String {
        shown::<RawCampaign>("campaign.yaml", CAMPAIGN, from, to)
    }

    fn report(from: &str, to: &str) -> String {
        shown::<RawReport>("report.yaml", REPORT, from, to)
    }

    #[test]
    fn amount_with_a_thousands_comma_in_quotes() {
        insta::assert_snapshot!(report("income: 125000", "income: \"125,000\""));
    }

    #[test]
    fn amount_with_a_space_between_thousands() {
        insta::assert_snapshot!(report("income: 125000", "income: 125 000"));
    }

    #[test]
    fn amount_with_a_thousands_comma() {
        insta::assert_snapshot!(report("income: 125000", "income: 125,000"));
    }

    #[test]
    fn one_string_where_a_text_per_language_is_expected() {
        insta::assert_snapshot!(report(
            r#"title: { en: "Annual results 2021", lt: "2021 m. rezultatai" }"#,
            r#"title: "Annual results 2021""#
        ));
    }

    #[test]
    fn a_text_per_language_where_one_string_is_expected() {
        // A partner's name may be one per language (issue 18); its
        // address is one for every language.
        insta::assert_snapshot!(campaign(
            r#"- { name: "City kitchen" }"#,
            r#"- { name: "City kitchen", url: { en: "https://kitchen.example/", lt: "https://kitchen.example/lt/" } }"#
        ));
    }

    #[test]
    fn a_single_value_where_a_list_is_expected() {
        insta::assert_snapshot!(campaign("countries: [LT]", "countries: Lithuania"));
    }

    #[test]
    fn text_after_the_closing_quote() {
        insta::assert_snapshot!(campaign(
            r#"en: "Winter shelter""#,
            r#"en: "Winter "shelter"""#
        ));
    }

    #[test]
    fn a_quote_never_closed() {
        insta::assert_snapshot!(campaign(
            r#"en: "Winter shelter""#,
            r#"en: "Winter shelter"#
        ));
    }

    #[test]
    fn curly_quotes() {
        insta::assert_snapshot!(campaign(
            r#"{ en: "Beds and meals in the cold months.""#,
            "{ en: “Beds, and meals in the cold months.”"
        ));
    }

    #[test]
    fn a_tab_for_indentation() {
        insta::assert_snapshot!(campaign(
            "    name: { en: \"Vilnius\"",
            "\tname: { en: \"Vilnius\""
        ));
    }

    #[test]
    fn a_key_written_twice() {
        insta::assert_snapshot!(campaign(
            "countries: [LT]",
            "countries: [LT]\ncountries: [GB]"
        ));
    }
}
