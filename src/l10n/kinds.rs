//! What the Fluent files declare beyond text: the kind of every metric
//! (`.kind = share` on `metric-<key>` in the default language, the one
//! place a key's kind is written, beside its label), and whether each
//! `PLURAL()` choice has every plural form of its language.
//!
//! A metric's kind decides how its values are checked and shown; guessing
//! it from how a value is written published "87 of pupils" for a share
//! written `87`. So every metric label in the default language declares
//! one, and `validate` checks every value against it.

use std::collections::BTreeMap;

use super::bundles::MessageIndex;
use super::format::Formats;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Lang, Span, ValueKind};

/// The attribute that declares a metric's kind.
pub const KIND_ATTRIBUTE: &str = "kind";

/// The prefix of metric labels: `metric-reach`.
pub const METRIC_PREFIX: &str = "metric-";

/// Every metric key's declared kind and where it is declared.
pub type DeclaredKinds = BTreeMap<String, (ValueKind, Span)>;

/// The kinds the default language's metric labels declare; a label
/// without `.kind`, or with a kind that does not exist, is an error at its
/// line.
pub fn declared_kinds(default: &MessageIndex, diags: &mut Diagnostics) -> DeclaredKinds {
    let mut kinds = DeclaredKinds::new();
    for (id, info) in default {
        let Some(key) = id.strip_prefix(METRIC_PREFIX) else {
            continue;
        };
        match info.attrs.get(KIND_ATTRIBUTE) {
            None => diags.push(
                Diagnostic::error(
                    info.span,
                    format!("the metric `{key}` does not say what kind of figure it is"),
                )
                .help(format!(
                    "add the line `    .kind = count` under `{id} = …` ({} instead of count if it is one): impact checks every `{key}` value against it",
                    other_kinds(ValueKind::Count)
                )),
            ),
            Some(attr) => match attr.text.as_deref().and_then(ValueKind::from_name) {
                Some(kind) => {
                    kinds.insert(key.to_string(), (kind, attr.span));
                }
                None => diags.push(
                    Diagnostic::error(
                        attr.span,
                        format!(
                            "`{}` is not a kind of figure",
                            attr.text.as_deref().unwrap_or("…")
                        ),
                    )
                    .help(format!("write `.kind = ` and one of {}", ValueKind::names())),
                ),
            },
        }
    }
    kinds
}

fn other_kinds(but: ValueKind) -> String {
    let others: Vec<&str> = crate::model::KIND_NAMES
        .iter()
        .filter(|(_, k)| *k != but)
        .map(|(n, _)| *n)
        .collect();
    match others.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => others.join(""),
    }
}

/// `PLURAL()` choices of `lang` that lack a form of the language: an error
/// at the `.ftl` line, or a warning under `--allow-missing` (the text then
/// uses the `*[other]` form).
pub fn check_forms(
    lang: &Lang,
    index: &MessageIndex,
    formats: &Formats,
    allow_missing: bool,
    diags: &mut Diagnostics,
) {
    let all = formats.plural_categories();
    for info in index.values() {
        for m in &info.missing_forms {
            let list = |cats: &[&str]| {
                cats.iter()
                    .map(|c| format!("[{c}]"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let msg = format!(
                "the plural choice in `{}` has no {} form for {lang}",
                m.part,
                list(&m.categories).replace(", [", " or [")
            );
            let uses: Vec<String> = m
                .categories
                .iter()
                .map(|c| {
                    let examples = formats.plural_examples(c);
                    // "0,5; 1,5" where the language writes a decimal comma.
                    let sep = if examples.iter().any(|e| e.contains(',')) {
                        "; "
                    } else {
                        ", "
                    };
                    format!("`[{c}] …` (for {} …)", examples.join(sep))
                })
                .collect();
            let help = format!(
                "add {} before `*[other]`; {lang} needs {} (exact numbers such as [1] may come in addition)",
                uses.join(" and "),
                list(&all)
            );
            let d = if allow_missing {
                Diagnostic::warning(m.span, msg)
            } else {
                Diagnostic::error(m.span, msg)
            };
            diags.push(d.help(help));
        }
    }
}
