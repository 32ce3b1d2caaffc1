//! serde-saphyr's messages for the mistakes people make in YAML, said in
//! plain words with the fix: `invalid floating point` for `income: 12 500`
//! becomes "`12 500` is not a number … write 12500". Each explanation
//! looks at the error's kind and at the line it points to, and keeps the
//! error's line and column; an error not recognised here keeps serde's own
//! words (cleaned up by the caller).

use serde_saphyr::Error;

/// A plain message and its help line.
pub struct Plain {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// A better place than the error's own (1-based line and column), when
    /// the parser notices the mistake later than where it is.
    pub at: Option<(usize, usize)>,
}

/// Fields whose value is a text in every site language.
const TEXT_MAP_FIELDS: &[&str] = &[
    "title",
    "summary",
    "name",
    "description",
    "text",
    "who",
    "label",
    "alt",
];

fn plain(message: impl Into<String>, help: impl Into<String>) -> Plain {
    Plain {
        message: message.into(),
        help: help.into(),
        at: None,
    }
}

/// The plain explanation of `error`, found at 1-based `line`/`col` of
/// `text`, when it is one of the common mistakes.
pub fn explain(error: &Error, text: &str, line: usize, col: usize) -> Option<Plain> {
    let src = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let key = key_before(src, col);
    let value = value_at(src, col);
    let raw = error.to_string();
    let lower = raw.to_lowercase();
    if let Some(p) = curly_quotes(src) {
        return Some(p);
    }
    let per_language = |k: &str| {
        let shown = value.trim_matches('"');
        let shown = if shown.is_empty() { "…" } else { shown };
        plain(
            format!("`{k}` needs a text in every language"),
            format!("write `{k}: {{ en: \"{shown}\", lt: \"…\" }}`, one text per site language"),
        )
    };
    let fields = |k: &str| {
        plain(
            format!("`{k}` needs `key: value` fields, not a single value"),
            "write them on the lines below, indented, or in braces: `{ start: 2024-01-01, end: 2024-12-31 }`",
        )
    };
    match error {
        Error::DuplicateMappingKey { key: Some(k), .. } => {
            return Some(plain(
                format!("`{k}` is written twice in this map"),
                format!("remove one of the two `{k}:` lines: only one may stay"),
            ))
        }
        Error::DuplicateMappingKey { key: None, .. } => {
            return Some(plain(
                "a key is written twice in this map",
                "remove one of the two lines with the same key",
            ))
        }
        Error::Unexpected { expected, .. } if expected.contains("string") => {
            let what = key.map(|k| format!("`{k}` here")).unwrap_or("this".into());
            let message = if value.starts_with('{') {
                format!("{what} is one text for every language, not one per language")
            } else {
                format!("{what} is one text, not a list or a map")
            };
            let example = key.map(|k| format!("{k}: \"…\"")).unwrap_or("\"…\"".into());
            return Some(plain(
                message,
                format!(
                    "write `{example}`; texts per language (`{{ en: …, lt: … }}`) are for what readers see translated, such as names and summaries of campaigns"
                ),
            ));
        }
        Error::Unexpected { expected, .. }
            if expected.contains("list") || expected.contains("sequence") =>
        {
            let k = key.unwrap_or("the field");
            let item = value.trim_matches(|c| c == '"' || c == '\'');
            let item = if item.is_empty() { "…" } else { item };
            return Some(plain(
                format!("`{k}` needs a list, even of one item"),
                format!(
                    "write `{k}: [{item}]` (square brackets, items separated by commas), or one `- …` line per item below it"
                ),
            ));
        }
        Error::Unexpected { expected, .. } if expected.contains("mapping") => {
            let k = key.unwrap_or("this field");
            return Some(if TEXT_MAP_FIELDS.contains(&k) {
                per_language(k)
            } else {
                fields(k)
            });
        }
        _ => {}
    }
    if lower.contains("duplicate") && lower.contains("key") {
        let k = key.unwrap_or("this key");
        return Some(plain(
            format!("`{k}` is written twice in this map"),
            format!("remove one of the two `{k}:` lines: only one may stay"),
        ));
    }
    if lower.contains("floating point")
        || lower.contains("invalid integer")
        || lower.contains("expected f64")
        || lower.contains("expected i64")
        || lower.contains("expected u64")
    {
        return Some(number(value));
    }
    if lower.contains("invalid type") && lower.contains("expected a mapping") {
        let k = key.unwrap_or("this field");
        return Some(if TEXT_MAP_FIELDS.contains(&k) {
            per_language(k)
        } else {
            fields(k)
        });
    }
    if lower.contains("trailing content after double-quoted")
        || lower.contains("trailing content after single-quoted")
    {
        if let Some(next) = swallowed_key(src, col) {
            return Some(plain(
                format!("a closing quote is missing before `{next}:`"),
                format!("end the text with \" before `, {next}:`: without it, the text runs on into the next field"),
            ));
        }
        return Some(plain(
            "something follows the closing quote of this text",
            "a text in quotes ends at the next quote mark; for quotation marks inside it, use „…“ or “…”, or put the whole text in single quotes: 'The \"Winter\" shelter'",
        ));
    }
    if lower.contains("unclosed quote") || lower.contains("while scanning a quoted scalar") {
        return Some(plain(
            "a quote mark opens a text that is never closed",
            "close each text with \" on the same line; the mistake is usually on the line shown or the one above it",
        ));
    }
    if lower.contains("tab") {
        let at = text
            .lines()
            .position(|l| {
                l.chars()
                    .take_while(|c| c.is_whitespace())
                    .any(|c| c == '\t')
            })
            .map(|i| (i + 1, 1));
        return Some(Plain {
            at,
            ..plain(
                "this line is indented with a tab",
                "indent YAML with spaces only, lined up with the lines around it (most editors have a \"convert tabs to spaces\" command)",
            )
        });
    }
    None
}

/// The key a quoted text ran on into when its closing quote is missing:
/// `lt` in `{ en: "Winter shelter, lt: "Žiemos" }`, where the error is at
/// `Žiemos` (1-based column `col`).
fn swallowed_key(line: &str, col: usize) -> Option<String> {
    let cut = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let before = line[..cut].trim_end();
    let inner = before.strip_suffix('"')?;
    let open = inner.rfind('"')?;
    let quoted = &inner[open + 1..];
    let (_, after_comma) = quoted.rsplit_once(", ")?;
    let key = after_comma.trim().strip_suffix(':')?;
    (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .then(|| key.to_string())
}

/// A value meant as a number, written with separators or in quotes.
fn number(value: &str) -> Plain {
    let bare = value.trim_matches(|c| c == '"' || c == '\'');
    let digits: String = bare.chars().filter(char::is_ascii_digit).collect();
    let looks_grouped = !digits.is_empty()
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '\u{a0}' | '.' | '\''));
    let fix = if looks_grouped && !bare.contains('.') {
        format!("write {digits}")
    } else if looks_grouped {
        "write the number with a full stop for decimals and nothing between thousands, e.g. 12500.50".into()
    } else {
        "write a plain number, e.g. 12500".into()
    };
    plain(
        format!("`{value}` is not a number"),
        format!("{fix}: numbers are written without quotes, commas, spaces or signs"),
    )
}

/// Curly quotes where YAML expects straight ones (pasted from a word
/// processor): YAML reads them as letters, so the text's commas and
/// colons break it.
fn curly_quotes(line: &str) -> Option<Plain> {
    line.contains(['“', '”']).then(|| plain(
        "this line has curly quotes “ ”, which YAML does not read as quote marks",
        "put texts in straight quotes \"…\" (type them in a plain-text editor, or paste the text between straight quotes)",
    ))
}

/// The key written just before column `col` of `line`: `countries` in
/// `countries: Lithuania`, `name` in `- { name: { en: … } }`.
fn key_before(line: &str, col: usize) -> Option<&str> {
    let cut = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let before = line[..cut].trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let key = &before[start..];
    (!key.is_empty()).then_some(key)
}

/// The value starting at column `col` of `line`, up to the end of the line
/// or the end of its flow item.
fn value_at(line: &str, col: usize) -> &str {
    let start = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let rest = &line[start..];
    let opened = line[..start].matches(['{', '[']).count();
    let closed = line[..start].matches(['}', ']']).count();
    let in_flow = opened > closed;
    let end = if let Some(inner) = rest.strip_prefix('"') {
        inner.find('"').map(|i| i + 2).unwrap_or(rest.len())
    } else if rest.starts_with(['{', '[']) {
        rest.len()
    } else if in_flow {
        rest.find([',', '}', ']', '#']).unwrap_or(rest.len())
    } else {
        rest.find(" #").unwrap_or(rest.len())
    };
    rest[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_are_found_on_the_line() {
        assert_eq!(key_before("countries: Lithuania", 12), Some("countries"));
        assert_eq!(key_before("  - { name: { en: A } }", 13), Some("name"));
        assert_eq!(value_at("  income: 12 500", 11), "12 500");
        assert_eq!(value_at("income: \"125,000\"", 9), "\"125,000\"");
        assert_eq!(value_at("  - { metric: x, value: 1 }", 25), "1");
        assert_eq!(value_at("  income: 125,000", 11), "125,000");
        assert_eq!(
            swallowed_key(r#"name: { en: "Winter shelter, lt: "Žiemos" }"#, 35).as_deref(),
            Some("lt")
        );
    }

    #[test]
    fn grouped_numbers_get_the_digits_back() {
        assert!(number("12 500").help.starts_with("write 12500:"));
        assert!(number("\"125,000\"").help.starts_with("write 125000:"));
        assert!(number("lots").help.starts_with("write a plain number"));
    }
}
