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
        .map_err(|e| to_diagnostic(file, &e, line_offset))
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

fn to_diagnostic(file: FileId, e: &serde_saphyr::Error, line_offset: u32) -> Diagnostic {
    let span = e
        .location()
        .map(|l| location_span(file, l, line_offset))
        .unwrap_or(Span::file(file));
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
