//! The theme's tera templates, built once per build, with the functions
//! templates use for interface text:
//!
//! - `t(key="…", count=3)`: the Fluent message in the page's language, as
//!   HTML; a fallback to the default language is wrapped in
//!   `<span lang="en" class="untranslated">`. A missing message fails the
//!   build (unlike `fluent-templates`, which would print the key).
//! - `ta(key="…")`: the same as plain text, for attributes.
//! - `loc` filter: a localised value from the view (`{{ report.title | loc }}`),
//!   marked the same way when it is a fallback.
//! - `asset(path="style.css")`: the hashed, relative URL of a theme file.

use std::collections::BTreeMap;
use std::sync::Arc;

use tera::{Kwargs, State, Tera, Value};

use super::paths;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::{Arg, Localiser};
use crate::markup::escape;
use crate::model::{Lang, Site, SourceMap, Span};

/// Templates every theme must have.
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "base.html",
    "chooser.html",
    "home.html",
    "report.html",
    "campaign.html",
    "404.html",
    "single.html",
    "_head.html",
    "_campaign_body.html",
    "_finances.html",
];

/// Loads the theme's templates and registers our functions.
pub fn build(
    site: &Site,
    sources: &SourceMap,
    l10n: Arc<Localiser>,
    assets: Arc<BTreeMap<String, String>>,
    diags: &mut Diagnostics,
) -> Option<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);

    let l = l10n.clone();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let (text, fallback, lang) = message(&l, &kwargs, state)?;
            Ok(if fallback {
                Value::safe_string(&format!(
                    "<span lang=\"{lang}\" class=\"untranslated\">{}</span>",
                    escape(&text)
                ))
            } else {
                Value::safe_string(&escape(&text))
            })
        },
    );
    let l = l10n.clone();
    tera.register_function(
        "ta",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let (text, _, _) = message(&l, &kwargs, state)?;
            Ok(Value::from(text))
        },
    );
    tera.register_filter("loc", |v: Value, _: Kwargs, _: &State| -> Value {
        let text = v
            .get_from_path("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        let fallback = v
            .get_from_path("fallback")
            .map(|f| f.is_truthy())
            .unwrap_or(false);
        if fallback {
            let lang = v
                .get_from_path("lang")
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            Value::safe_string(&format!(
                "<span lang=\"{}\" class=\"untranslated\">{}</span>",
                escape(lang),
                escape(text)
            ))
        } else {
            Value::safe_string(&escape(text))
        }
    });
    tera.register_function(
        "asset",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let path: String = kwargs.must_get("path")?;
            let page: String = state.get("page_path")?.unwrap_or_default();
            match assets.get(&path) {
                Some(hashed) => Ok(Value::from(paths::relative(&page, hashed))),
                None => Err(tera::Error::message(format!(
                    "the theme has no static file `{path}`"
                ))),
            }
        },
    );
    // Functions must be known before templates that call them are added.
    let mut files = Vec::new();
    for (name, &id) in &site.theme.templates {
        files.push((name.clone(), sources.get(id).text.clone()));
    }
    if let Err(e) = tera.add_raw_templates(files) {
        diags.push(template_error(&e, site));
        return None;
    }
    Some(tera)
}

fn message(
    l10n: &Localiser,
    kwargs: &Kwargs,
    state: &State,
) -> tera::TeraResult<(String, bool, String)> {
    let key: String = kwargs.must_get("key")?;
    let lang: String = state.get("lang")?.unwrap_or_default();
    let lang = Lang::parse(&lang).unwrap_or_else(|| l10n.default_lang().clone());
    let mut args: Vec<(String, Arg)> = Vec::new();
    for (k, v) in kwargs.iter() {
        let name = k.to_string();
        if name == "key" {
            continue;
        }
        let arg = match v.as_f64() {
            Some(n) => Arg::Number(n),
            None => Arg::Text(
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string()),
            ),
        };
        args.push((name, arg));
    }
    args.sort_by(|a, b| a.0.cmp(&b.0));
    let refs: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let m = l10n.message(&lang, &key, &refs).map_err(|e| {
        tera::Error::message(format!(
            "{e}; add `{key} = …` to a .ftl file in every locales/<language>/ folder"
        ))
    })?;
    Ok((m.text, m.fallback, m.lang.to_string()))
}

/// A tera error as a diagnostic pointing into the template file.
pub fn template_error(e: &tera::Error, site: &Site) -> Diagnostic {
    use tera::ErrorKind;
    let report = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message = format!("{message}: {s}");
        source = s.source();
    }
    let span = report.and_then(|r| {
        let id = *site.theme.templates.get(r.filename())?;
        let s = r.span();
        Some(Span::at(id, s.start_line as u32, s.start_col as u32 + 1))
    });
    let message = match report {
        Some(r) => format!("template error: {}", r.message()),
        None => format!("template error: {message}"),
    };
    Diagnostic::error(span, message)
        .help("fix the template in the theme's templates/ folder; the line is shown above")
}
