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
    /// Its attributes (`.count`, `.kind`) by name.
    pub attrs: BTreeMap<String, AttrInfo>,
    /// Its `PLURAL()` choices that lack a form the language needs.
    pub missing_forms: Vec<MissingForms>,
}

/// One attribute of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrInfo {
    /// Where the attribute's name is written.
    pub span: Span,
    /// Its text, when it is plain text (`.kind = share`).
    pub text: Option<String>,
}

/// A `PLURAL()` choice without every plural form of its language: in
/// Lithuanian, a label without `[few]` reads "42 seminarų".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingForms {
    /// The message or attribute that chooses: `metric-workshops.count`.
    pub part: String,
    /// The categories it lacks, in CLDR order: `few`, `many`.
    pub categories: Vec<&'static str>,
    /// Where `PLURAL` is written.
    pub span: Span,
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
        let text = sources.get(file).text.to_string();
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
        let categories = formats.plural_categories();
        check_entries(&resource, file, sources, &categories, &mut index, diags);
        // Duplicates were reported by check_entries; keep the first definition.
        let _ = bundle.add_resource(resource);
    }
    (bundle, index)
}

fn check_entries(
    resource: &FluentResource,
    file: FileId,
    sources: &SourceMap,
    categories: &[&'static str],
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
        // `.kind` is declared in the default language only and is nothing to
        // translate: declaring it must not make every translation outdated.
        let translated: Vec<&ast::Attribute<&str>> = msg
            .attributes
            .iter()
            .filter(|a| a.id.name != super::kinds::KIND_ATTRIBUTE)
            .collect();
        let hash = crate::translations::short_hash(&format!("{:?}{:?}", msg.value, translated));
        let attrs = msg
            .attributes
            .iter()
            .map(|a| {
                let text = match a.value.elements.as_slice() {
                    [ast::PatternElement::TextElement { value }] => Some(value.trim().to_string()),
                    _ => None,
                };
                let info = AttrInfo {
                    span: span_of(a.id.name),
                    text,
                };
                (a.id.name.to_string(), info)
            })
            .collect();
        let mut missing_forms = Vec::new();
        let patterns = msg.value.iter().map(|p| (id.to_string(), p)).chain(
            msg.attributes
                .iter()
                .map(|a| (format!("{id}.{}", a.id.name), &a.value)),
        );
        for (part, p) in patterns {
            check_pattern(p, &part, categories, &span_of, &mut missing_forms, diags);
        }
        index.insert(
            id.to_string(),
            MessageInfo {
                span,
                hash,
                attrs,
                missing_forms,
            },
        );
    }
}

/// Flags `{ $count -> [one] … }`, a number selected without `PLURAL()`,
/// and notes `PLURAL()` choices without every category of the language
/// (exact-number variants such as `[1]` may come in addition).
fn check_pattern(
    p: &ast::Pattern<&str>,
    part: &str,
    categories: &[&'static str],
    span_of: &dyn Fn(&str) -> Span,
    missing: &mut Vec<MissingForms>,
    diags: &mut Diagnostics,
) {
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
        if let ast::InlineExpression::FunctionReference { id, .. } = selector {
            if id.name == "PLURAL" {
                let has: BTreeSet<&str> = variants
                    .iter()
                    .filter_map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => Some(*name),
                        ast::VariantKey::NumberLiteral { .. } => None,
                    })
                    .collect();
                let lacks: Vec<&'static str> = categories
                    .iter()
                    .copied()
                    .filter(|c| !has.contains(c))
                    .collect();
                if !lacks.is_empty() {
                    missing.push(MissingForms {
                        part: part.to_string(),
                        categories: lacks,
                        span: span_of(id.name),
                    });
                }
            }
        }
        for v in variants {
            check_pattern(&v.value, part, categories, span_of, missing, diags);
        }
    }
}

/// `country-XX` and `language-xx` override CLDR's name in one language;
/// the other languages keep CLDR's, so one need not exist in every
/// language.
/// (`language-name`, the switcher's label, is not one: it names no code.)
pub fn is_name_override(id: &str) -> bool {
    let code = |prefix: &str, len: std::ops::RangeInclusive<usize>, upper: bool| {
        id.strip_prefix(prefix).is_some_and(|c| {
            len.contains(&c.len())
                && c.bytes().all(|b| match upper {
                    true => b.is_ascii_uppercase(),
                    false => b.is_ascii_lowercase(),
                })
        })
    };
    code("country-", 2..=2, true) || code("language-", 2..=3, false)
}

/// Every message id must be in every language (name overrides aside).
/// Returns, per language, the ids that are missing there (for fallbacks
/// under `--allow-missing`).
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
            if let Some(own) = index.get(id) {
                missing_attributes(id, info, own, lang, default, allow_missing, diags);
            }
            if !index.contains_key(id) && !is_name_override(id) {
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
            if !base.contains_key(id) && !is_name_override(id) {
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

/// Attributes of `base` (the default language's message `id`) that `own`
/// lacks, and attributes only `own` has. The templates read attributes
/// such as `.count` (the noun after a number), so a Lithuanian label
/// without one would show the English word. `.kind` is declared once, in
/// the default language only.
fn missing_attributes(
    id: &str,
    base: &MessageInfo,
    own: &MessageInfo,
    lang: &Lang,
    default: &Lang,
    allow_missing: bool,
    diags: &mut Diagnostics,
) {
    for name in base.attrs.keys() {
        if name == super::kinds::KIND_ATTRIBUTE || own.attrs.contains_key(name) {
            continue;
        }
        let msg = format!("the message `{id}` has no `.{name}` in {lang}");
        let help = format!(
            "add the line `    .{name} = …` under `{id} =`, translating the {default} `.{name}`{}",
            if name == "count" {
                " (the words after a number, with every plural form)"
            } else {
                ""
            }
        );
        let d = if allow_missing {
            Diagnostic::warning(own.span, msg)
        } else {
            Diagnostic::error(own.span, msg)
        };
        diags.push(d.help(help));
    }
    for (name, attr) in &own.attrs {
        if base.attrs.contains_key(name) {
            continue;
        }
        let (msg, help) = if name == super::kinds::KIND_ATTRIBUTE {
            (
                format!("`{id}` declares its kind in {lang}"),
                format!(
                    "a metric's kind is declared once, in locales/{default}/: remove this line"
                ),
            )
        } else {
            (
                format!("the message `{id}` has `.{name}` in {lang} but not in {default}"),
                format!("add `.{name}` to `{id}` in locales/{default}/ too, or remove it here"),
            )
        };
        diags.push(Diagnostic::error(attr.span, msg).help(help));
    }
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
