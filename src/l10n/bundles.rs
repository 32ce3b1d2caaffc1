//! Building Fluent bundles from `locales/<lang>/*.ftl`: syntax errors with
//! their line, duplicate ids, messages missing from a language, and plural
//! selections that would go through fluent-bundle's bundled plural rules
//! (wrong for Lithuanian 22, 25, 102, 111, 2.5) instead of `PLURAL()`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use fluent_syntax::ast;

use super::format::Formats;
use super::numbers;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{line_col, FileId, Lang, SourceMap, Span};

/// A concurrent bundle: rendering runs on several threads.
pub type Bundle = FluentBundle<FluentResource>;

/// Where each message id of a language is defined, and a hash of its text
/// (to tell when a translation's source has changed).
pub type MessageIndex = BTreeMap<String, MessageInfo>;

/// A message's place and a short hash of its value and attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInfo {
    /// Where the id is written.
    pub span: Span,
    /// Short hash of the message's patterns (comments excluded).
    pub hash: String,
}

/// Parses and checks every `.ftl` file of `lang` and builds its bundle.
pub fn build_bundle(
    lang: &Lang,
    files: &[FileId],
    sources: &SourceMap,
    formats: Arc<Formats>,
    diags: &mut Diagnostics,
) -> (Bundle, MessageIndex) {
    let langid: unic_langid::LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(numbers::format_fluent_number));
    let plural = formats.clone();
    // Registering a function on a fresh bundle cannot collide.
    let _ = bundle.add_function("PLURAL", move |args, _named| {
        let n = match args.first() {
            Some(FluentValue::Number(n)) => n.value,
            Some(FluentValue::String(s)) => s.parse().unwrap_or(f64::NAN),
            _ => f64::NAN,
        };
        if n.is_nan() {
            return FluentValue::from("other");
        }
        FluentValue::from(plural.plural_category(n))
    });

    let mut index = MessageIndex::new();
    for &file in files {
        let text = sources.get(file).text.clone();
        if let Some(offset) = nested_too_deep(&text) {
            let (line, col) = line_col(&text, offset);
            diags.push(
                Diagnostic::error(
                    Span::at(file, line, col),
                    format!("this file opens `{{` more than {MAX_NESTING} levels deep without closing them"),
                )
                .help("close every `{` with `}`; placeables in a message nest two or three levels at most"),
            );
            continue;
        }
        let resource = match FluentResource::try_new(text) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    let (line, col) = line_col(&sources.get(file).text, e.pos.start);
                    diags.push(
                        Diagnostic::error(Span::at(file, line, col), format!("Fluent syntax error: {}", lower_first(&e.to_string())))
                            .help("a message is `id = text` on one line; continuation lines and `.attribute = text` lines are indented; variants look like `[one] …` with one `*[other]` default"),
                    );
                }
                r
            }
        };
        check_entries(&resource, file, sources, &mut index, diags);
        // Duplicates were reported by check_entries; keep the first definition.
        let _ = bundle.add_resource(resource);
    }
    (bundle, index)
}

fn check_entries(
    resource: &FluentResource,
    file: FileId,
    sources: &SourceMap,
    index: &mut MessageIndex,
    diags: &mut Diagnostics,
) {
    let source = resource.source();
    let span_of = |s: &str| {
        let offset = (s.as_ptr() as usize).saturating_sub(source.as_ptr() as usize);
        let (line, col) = line_col(source, offset);
        Span::at(file, line, col)
    };
    for entry in resource.entries() {
        let ast::Entry::Message(msg) = entry else {
            continue;
        };
        let id = msg.id.name;
        let span = span_of(id);
        if let Some(first) = index.get(id) {
            diags.push(
                Diagnostic::error(span, format!("the message `{id}` is defined twice")).help(
                    format!(
                        "it is already defined at {}:{}; remove or rename one of them",
                        sources.name(first.span.file),
                        first.span.line
                    ),
                ),
            );
            continue;
        }
        let hash = crate::translations::short_hash(&format!("{:?}{:?}", msg.value, msg.attributes));
        index.insert(id.to_string(), MessageInfo { span, hash });
        let patterns = msg
            .value
            .iter()
            .chain(msg.attributes.iter().map(|a| &a.value));
        for p in patterns {
            check_pattern(p, &span_of, diags);
        }
    }
}

/// Flags `{ $count -> [one] … }`: a number selected without `PLURAL()`.
fn check_pattern(p: &ast::Pattern<&str>, span_of: &dyn Fn(&str) -> Span, diags: &mut Diagnostics) {
    for el in &p.elements {
        let ast::PatternElement::Placeable { expression } = el else {
            continue;
        };
        let ast::Expression::Select { selector, variants } = expression else {
            continue;
        };
        let plural_keys = variants.iter().any(|v| match &v.key {
            ast::VariantKey::Identifier { name } => {
                matches!(*name, "zero" | "one" | "two" | "few" | "many")
            }
            ast::VariantKey::NumberLiteral { .. } => false,
        });
        if let ast::InlineExpression::VariableReference { id } = selector {
            if plural_keys {
                diags.push(
                    Diagnostic::error(span_of(id.name), format!("`${}` selects plural forms without PLURAL()", id.name))
                        .help(format!("write `{{ PLURAL(${}) -> … }}`: the plural rules built into Fluent get Lithuanian wrong (22, 25, 102, 111, 2.5)", id.name)),
                );
            }
        }
        for v in variants {
            check_pattern(&v.value, span_of, diags);
        }
    }
}

/// Every message id must be in every language. Returns, per language, the
/// ids that are missing there (for fallbacks under `--allow-missing`).
pub fn check_complete(
    indexes: &BTreeMap<Lang, MessageIndex>,
    default: &Lang,
    allow_missing: bool,
    diags: &mut Diagnostics,
) -> BTreeMap<Lang, BTreeSet<String>> {
    let mut missing = BTreeMap::new();
    let Some(base) = indexes.get(default) else {
        return missing;
    };
    for (lang, index) in indexes {
        if lang == default {
            continue;
        }
        let mut gone = BTreeSet::new();
        for (id, info) in base {
            let span = &info.span;
            if !index.contains_key(id) {
                let msg = format!("the message `{id}` has no {lang} translation");
                let help = format!("add `{id} = …` to a file in locales/{lang}/, translating the {default} text shown here");
                let d = if allow_missing {
                    Diagnostic::warning(*span, msg)
                } else {
                    Diagnostic::error(*span, msg)
                };
                diags.push(d.help(help));
                gone.insert(id.clone());
            }
        }
        for (id, info) in index {
            let span = &info.span;
            if !base.contains_key(id) {
                diags.push(
                    Diagnostic::error(
                        *span,
                        format!("the message `{id}` exists in {lang} but not in {default}"),
                    )
                    .help(format!(
                        "add it to locales/{default}/ too, or remove it if it is no longer used"
                    )),
                );
            }
        }
        missing.insert(lang.clone(), gone);
    }
    missing
}

/// How deep `{ … }` may nest in a Fluent file. Real messages nest two or
/// three levels; fluent-syntax parses nested placeables by recursion, so a
/// file of thousands of `{` would overflow the stack instead of failing.
const MAX_NESTING: usize = 64;

/// The byte offset of the first `{` nested deeper than [`MAX_NESTING`],
/// counting every `{` not yet closed by a `}` (so one left open per message
/// counts too: such a file has syntax errors anyway). A `"` where an
/// expression starts (after `{`, `(`, `,` or `:`) opens a string literal,
/// whose braces are text, to the next `"` or the end of the line.
fn nested_too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 && matches!(prev, '{' | '(' | ',' | ':') => in_string = true,
            _ => {}
        }
        if !c.is_whitespace() {
            prev = c;
        }
    }
    None
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle_of(text: &str) -> (Bundle, Diagnostics) {
        let mut sources = SourceMap::default();
        let file = sources.add("locales/lt/x.ftl".into(), text.to_string());
        let lang = Lang::parse("lt").unwrap();
        let formats = Arc::new(Formats::with_locale(&lang, "lt").unwrap());
        let mut diags = Diagnostics::default();
        let (bundle, _) = build_bundle(&lang, &[file], &sources, formats, &mut diags);
        (bundle, diags)
    }

    fn format(bundle: &Bundle, id: &str, n: f64) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", FluentValue::from(n));
        args.set("n", FluentValue::from(n));
        let msg = bundle.get_message(id).expect("message");
        let mut errors = Vec::new();
        let text = bundle.format_pattern(msg.value().unwrap(), Some(&args), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        text.into_owned()
    }

    /// A heading meaning "exactly one" selects on the number itself: 21
    /// countries are „Šalys“ although 21 is in the `one` category.
    #[test]
    fn exact_number_keys_pass_and_mean_exactly_that_number() {
        let (bundle, diags) = bundle_of(include_str!("../../locales/lt/ui.ftl"));
        assert!(!diags.has_errors(), "{diags:?}");
        assert_eq!(format(&bundle, "campaign-countries", 1.0), "Šalis");
        for n in [2.0, 11.0, 21.0, 31.0, 101.0] {
            assert_eq!(format(&bundle, "campaign-countries", n), "Šalys", "{n}");
        }
        assert_eq!(format(&bundle, "campaign-languages", 21.0), "Kalbos");
        assert_eq!(format(&bundle, "home-reports", 1.0), "Ataskaita");
        assert_eq!(format(&bundle, "home-reports", 21.0), "Ataskaitos");
    }

    #[test]
    fn an_exact_key_around_plural_passes_and_picks_each_form() {
        let text = "times = { $n ->\n    [1] vieną kartą\n   *[other] { PLURAL($n) ->\n        [one] { $n } kartą\n        [few] { $n } kartus\n        [many] { $n } karto\n       *[other] { $n } kartų\n    }\n}\n";
        let (bundle, diags) = bundle_of(text);
        assert!(!diags.has_errors(), "{diags:?}");
        let cases = [
            (1.0, "vieną kartą"),
            (21.0, "21 kartą"),
            (22.0, "22 kartus"),
            (16_616.0, "16\u{a0}616 kartų"),
            (1.5, "1,5 karto"),
        ];
        for (n, want) in cases {
            assert_eq!(format(&bundle, "times", n), want, "{n}");
        }
    }

    #[test]
    fn plural_keys_on_a_bare_number_are_still_refused() {
        for key in ["one", "few", "many"] {
            let text = format!("x = {{ $n ->\n    [{key}] a\n   *[other] b\n}}\n");
            let (_, diags) = bundle_of(&text);
            let d = &diags.sorted()[0];
            assert!(d.message.contains("without PLURAL()"), "{key}: {d:?}");
            // Nested inside an exact selector too.
            let text = format!("x = {{ $n ->\n    [1] a\n   *[other] {{ $n ->\n        [{key}] b\n       *[other] c\n    }}\n}}\n");
            let (_, diags) = bundle_of(&text);
            assert!(diags.has_errors(), "{key} nested");
        }
    }

    #[test]
    fn placeables_nested_thousands_deep_are_an_error_not_a_stack_overflow() {
        // Found by fuzzing (fuzz/regressions/fluent_locales/): 20 000 `{`
        // overflowed the stack in fluent-syntax's parser.
        let text = format!("ok = fine\nbad = {}\n", "{".repeat(20_000));
        let (_, diags) = bundle_of(&text);
        let d = &diags.sorted()[0];
        assert!(d.message.contains("more than 64 levels deep"), "{d:?}");
        assert_eq!(d.span.map(|s| (s.line, s.col)), Some((2, 71)));
    }

    #[test]
    fn ordinary_nesting_and_braces_in_strings_are_fine() {
        let deep = format!("{}$x{}", "{ ".repeat(MAX_NESTING), " }".repeat(MAX_NESTING));
        let text = format!(
            "deep = {deep}\n{}",
            "brace = {\"{\"} and { PLURAL($n) -> [one] \"a\" *[other] { \"}}\" } }\n".repeat(200)
        );
        assert_eq!(nested_too_deep(&text), None);
        let (bundle, diags) = bundle_of(&format!("deep = {deep}\n"));
        assert!(!diags.has_errors(), "{diags:?}");
        assert!(bundle.has_message("deep"));
    }
}
