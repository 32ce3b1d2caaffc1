//! `{{ name(key="value", n=1) }}` placements in narrative. They are found in
//! the raw Markdown (before smart punctuation would curl their quotes) and
//! replaced by placeholders that pass through Markdown untouched.

use std::collections::BTreeMap;

/// A parsed shortcode.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortcode {
    /// `chart`, `metric`, `quote`.
    pub name: String,
    /// Arguments by name.
    pub args: BTreeMap<String, ArgValue>,
    /// 1-based line in the body.
    pub line: u32,
    /// 1-based column in the body.
    pub col: u32,
}

/// A shortcode argument.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// `"text"`.
    Text(String),
    /// `1`.
    Number(f64),
    /// `metric(key="reach")`: another placement given as an argument, e.g.
    /// the number of `phrase(id="…", n=metric(…))`.
    Call {
        /// `metric`.
        name: String,
        /// Its arguments.
        args: BTreeMap<String, ArgValue>,
    },
}

impl Shortcode {
    /// The text argument `key`.
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.args.get(key) {
            Some(ArgValue::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// The number argument `key`.
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.args.get(key) {
            Some(ArgValue::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// The argument `key` when it is a nested call (`n=metric(…)`), as a
    /// shortcode of its own at the same place.
    pub fn call(&self, key: &str) -> Option<Shortcode> {
        match self.args.get(key) {
            Some(ArgValue::Call { name, args }) => Some(Shortcode {
                name: name.clone(),
                args: args.clone(),
                line: self.line,
                col: self.col,
            }),
            _ => None,
        }
    }
}

/// Start and end of a placeholder (Unicode private-use characters, which no
/// Markdown rule touches).
pub const OPEN: char = '\u{E000}';
/// See [`OPEN`].
pub const CLOSE: char = '\u{E001}';

/// A problem with a shortcode's syntax.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: String,
    /// 1-based line in the body.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

/// Replaces every shortcode outside fenced code with a placeholder
/// `OPEN n CLOSE` and returns the new text with the shortcodes in order.
pub fn extract(body: &str) -> (String, Vec<Shortcode>, Vec<SyntaxError>) {
    let mut out = String::with_capacity(body.len());
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let lineno = i as u32 + 1;
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        let mut col_base = 0usize;
        while let Some(pos) = find_open(rest) {
            out.push_str(&rest[..pos]);
            let col = (col_base + rest[..pos].chars().count() + 1) as u32;
            match parse_one(&rest[pos..]) {
                Ok((mut sc, len)) => {
                    sc.line = lineno;
                    sc.col = col;
                    out.push(OPEN);
                    out.push_str(&found.len().to_string());
                    out.push(CLOSE);
                    found.push(sc);
                    col_base += rest[..pos + len].chars().count();
                    rest = &rest[pos + len..];
                }
                Err(message) => {
                    errors.push(SyntaxError {
                        message,
                        line: lineno,
                        col,
                    });
                    if !rest[pos..].contains("}}") {
                        // No later `{{` on this line can be closed either:
                        // one error says it (found by fuzzing: thousands of
                        // `{{` made thousands of errors, each a scan).
                        rest = &rest[pos..];
                        break;
                    }
                    out.push_str("{{");
                    col_base += rest[..pos + 2].chars().count();
                    rest = &rest[pos + 2..];
                }
            }
        }
        out.push_str(rest);
    }
    (out, found, errors)
}

/// Where `{{` first starts in `s`. Found through `{` alone, which is a
/// byte search: a story is searched line by line, several times a build,
/// and a substring search sets itself up anew for every line.
fn find_open(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find('{') {
        let at = from + i;
        if s.as_bytes().get(at + 1) == Some(&b'{') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `s` for a message: at most 40 characters of it.
fn shown(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Parses `{{ name(args) }}` at the start of `s`; returns it and its length.
fn parse_one(s: &str) -> Result<(Shortcode, usize), String> {
    let end = s.find("}}").ok_or_else(|| {
        "a shortcode starts with `{{` but has no closing `}}` on the same line".to_string()
    })?;
    let inner = s[2..end].trim();
    let open = inner.find('(').ok_or_else(|| {
        format!(
            "`{{{{ {} }}}}` is not a shortcode: write it as `{{{{ name(key=\"value\") }}}}`",
            shown(inner)
        )
    })?;
    let name = inner[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(format!("`{}` is not a shortcode name", shown(name)));
    }
    let args_text = inner[open + 1..]
        .strip_suffix(')')
        .ok_or_else(|| format!("the shortcode `{name}` is missing its closing `)`"))?;
    let args = parse_args(args_text).map_err(|e| format!("in the shortcode `{name}`: {e}"))?;
    Ok((
        Shortcode {
            name: name.to_string(),
            args,
            line: 0,
            col: 0,
        },
        end + 2,
    ))
}

fn parse_args(s: &str) -> Result<BTreeMap<String, ArgValue>, String> {
    let mut args = BTreeMap::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("`{}` should be `key=\"value\"`", shown(rest)))?;
        let key = rest[..eq].trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("`{}` is not an argument name", shown(key)));
        }
        let after = rest[eq + 1..].trim_start();
        let (value, used) = if let Some((name, inner, used)) = nested_call(after)? {
            let args = parse_args(inner).map_err(|e| format!("in `{name}(…)`: {e}"))?;
            (
                ArgValue::Call {
                    name: name.to_string(),
                    args,
                },
                used,
            )
        } else if let Some(q) = after.strip_prefix('"') {
            let close = q
                .find('"')
                .ok_or_else(|| format!("the value of `{key}` has no closing quote"))?;
            (ArgValue::Text(q[..close].to_string()), close + 2)
        } else {
            let len = after.find(',').unwrap_or(after.len());
            let num = after[..len].trim();
            let n: f64 = num.parse().map_err(|_| {
                format!(
                    "the value of `{key}` must be a number or text in double quotes, not `{}`",
                    shown(num)
                )
            })?;
            (ArgValue::Number(n), len)
        };
        if args.insert(key.to_string(), value).is_some() {
            return Err(format!("`{key}` is given twice"));
        }
        rest = after[used..].trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r.trim_start();
        } else if !rest.is_empty() {
            return Err(format!(
                "expected `,` between arguments, found `{}`",
                shown(rest)
            ));
        }
    }
    Ok(args)
}

/// A nested call at the start of `s` (`metric(key="reach")`): its name,
/// the text between its parentheses and the length it takes. `None` when
/// `s` does not start with a name and `(`. The closing `)` is the first
/// one outside double quotes; a call does not nest a further call.
fn nested_call(s: &str) -> Result<Option<(&str, &str, usize)>, String> {
    let name_len = s
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
        .count();
    if name_len == 0 || s.as_bytes().get(name_len) != Some(&b'(') {
        return Ok(None);
    }
    let name = &s[..name_len];
    let body = &s[name_len + 1..];
    let mut in_quotes = false;
    for (i, c) in body.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '(' if !in_quotes => {
                return Err(format!(
                    "`{name}(…)` holds another `(`: an argument may be one call, not a call inside a call"
                ))
            }
            ')' if !in_quotes => return Ok(Some((name, &body[..i], name_len + 1 + i + 1))),
            _ => {}
        }
    }
    Err(format!("`{name}(` has no closing `)`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_shortcodes_with_positions() {
        let body = "Intro.\n\nReach was {{ metric(key=\"reach\", audience=\"lt\") }} people.\n\n{{ quote(n=1) }}\n";
        let (text, found, errors) = extract(body);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "metric");
        assert_eq!(found[0].text("audience"), Some("lt"));
        assert_eq!((found[0].line, found[0].col), (3, 11));
        assert_eq!(found[1].number("n"), Some(1.0));
        assert!(text.contains("Reach was \u{E000}0\u{E001} people."));
        assert!(!text.contains("{{"));
    }

    #[test]
    fn an_argument_may_be_a_call() {
        let body = "We reached {{ phrase(id=\"people-reached\", n=metric(key=\"reach\", audience=\"lt\")) }}.\n";
        let (text, found, errors) = extract(body);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(found[0].name, "phrase");
        assert_eq!(found[0].text("id"), Some("people-reached"));
        let n = found[0].call("n").expect("n is a call");
        assert_eq!(n.name, "metric");
        assert_eq!(n.text("key"), Some("reach"));
        assert_eq!(n.text("audience"), Some("lt"));
        assert_eq!((n.line, n.col), (1, 12));
        assert_eq!(text, "We reached \u{E000}0\u{E001}.\n");
        // Parentheses inside quotes are text.
        let (_, found, errors) = extract("{{ phrase(id=\"a\", n=metric(key=\"x (y)\")) }}");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(found[0].call("n").unwrap().text("key"), Some("x (y)"));
        let (_, found, _) = extract("{{ phrase(id=\"a\", n=21) }}");
        assert_eq!(found[0].number("n"), Some(21.0));
    }

    #[test]
    fn a_call_inside_a_call_or_unclosed_is_an_error() {
        let (_, _, errors) = extract("{{ phrase(id=\"a\", n=metric(key=f(1))) }}");
        assert!(
            errors[0].message.contains("not a call inside a call"),
            "{errors:?}"
        );
        let (_, _, errors) = extract("{{ phrase(id=\"a\", n=metric(key=\"x\" }}");
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn finds_the_first_double_brace() {
        assert_eq!(find_open("a { b {{ c"), Some(6));
        assert_eq!(find_open("{{"), Some(0));
        assert_eq!(find_open("ą{ {x} {"), None);
        assert_eq!(find_open("{ą{{"), Some(3));
        assert_eq!(find_open(""), None);
    }

    #[test]
    fn leaves_code_fences_alone() {
        let body = "```\n{{ chart(id=\"x\") }}\n```\n";
        let (text, found, _) = extract(body);
        assert!(found.is_empty());
        assert_eq!(text, body);
    }

    #[test]
    fn thousands_of_unclosed_shortcodes_on_a_line_are_one_error() {
        // Found by fuzzing (fuzz/regressions/markdown_page/): each `{{`
        // scanned the rest of the line and made an error of its own.
        let body = format!("{}\n", "{{ ".repeat(5000));
        let (text, found, errors) = extract(&body);
        assert!(found.is_empty());
        assert_eq!(errors.len(), 1, "{:?}", &errors[..2]);
        assert_eq!(text, body);
        let body = format!("{} }}}}\n", "{{ x".repeat(5000));
        let (_, _, errors) = extract(&body);
        assert!(
            errors.iter().all(|e| e.message.len() < 200),
            "{:?}",
            errors[0]
        );
    }

    #[test]
    fn reports_syntax_errors_with_column() {
        let (_, _, errors) = extract("a {{ chart(id=\"x\" }}\n");
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].col), (1, 3));
        let (_, _, errors) = extract("{{ chart(id=x) }}\n");
        assert!(
            errors[0].message.contains("must be a number or text"),
            "{errors:?}"
        );
    }
}
