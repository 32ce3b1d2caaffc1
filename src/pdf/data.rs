//! The JSON the template reads: a [`PdfDocument`] plus what is easier to
//! work out in Rust than in Typst — which note each footnote reference
//! points to, and whether it is the first reference to it.
//!
//! Typst prints a note at the foot of the page of its first reference and
//! only the number for later ones; notes nobody refers to stay where the
//! Markdown put them. Nothing here formats text.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::PdfDocument;

/// Serialises `doc` for the template as `data.json`.
pub(crate) fn template_data(doc: &PdfDocument) -> Result<Vec<u8>, serde_json::Error> {
    let mut value = serde_json::to_value(doc)?;
    number_footnotes(&mut value);
    serde_json::to_vec(&value)
}

/// Gives every footnote definition a number (`id`), points every
/// `FootnoteRef` at one (`id`, or `null` when the label is not defined, and
/// `first`), marks definitions that are `referenced`, and adds the notes'
/// text by number as `notes`.
///
/// A reference looks for its label in its own section first, then anywhere
/// in the document (labels are meant to be unique per document, but a
/// section taken from another page may repeat one).
fn number_footnotes(doc: &mut Value) {
    let Some(sections) = doc.get_mut("sections").and_then(Value::as_array_mut) else {
        return;
    };

    let mut notes = Map::new();
    let mut in_section: Vec<HashMap<String, u64>> = Vec::with_capacity(sections.len());
    let mut anywhere: HashMap<String, u64> = HashMap::new();
    let mut next = 1u64;
    for section in sections.iter_mut() {
        let mut labels = HashMap::new();
        for_each_footnotes_item(section, &mut |item| {
            let (label, text) = match item {
                Value::Array(pair) if pair.len() == 2 => (pair[0].clone(), pair[1].clone()),
                _ => return,
            };
            let id = next;
            next += 1;
            let label_text = label.as_str().unwrap_or_default().to_owned();
            labels.entry(label_text.clone()).or_insert(id);
            anywhere.entry(label_text).or_insert(id);
            notes.insert(id.to_string(), text.clone());
            *item = json!({ "label": label, "text": text, "id": id, "referenced": false });
        });
        in_section.push(labels);
    }

    let mut seen: HashSet<u64> = HashSet::new();
    for (section, labels) in sections.iter_mut().zip(&in_section) {
        annotate_refs(section, &mut |label| {
            let id = labels.get(label).or_else(|| anywhere.get(label)).copied()?;
            Some((id, seen.insert(id)))
        });
    }

    for section in sections.iter_mut() {
        for_each_footnotes_item(section, &mut |item| {
            let referenced = item
                .get("id")
                .and_then(Value::as_u64)
                .is_some_and(|id| seen.contains(&id));
            if let Some(object) = item.as_object_mut() {
                object.insert("referenced".into(), Value::Bool(referenced));
            }
        });
    }

    if let Some(object) = doc.as_object_mut() {
        object.insert("notes".into(), Value::Object(notes));
    }
}

/// Calls `f` on every item of every `Footnotes` block in `value`.
fn for_each_footnotes_item(value: &mut Value, f: &mut dyn FnMut(&mut Value)) {
    match value {
        Value::Object(object) => {
            if object.get("type").and_then(Value::as_str) == Some("Footnotes") {
                if let Some(items) = object.get_mut("items").and_then(Value::as_array_mut) {
                    items.iter_mut().for_each(&mut *f);
                }
                return;
            }
            object
                .values_mut()
                .for_each(|v| for_each_footnotes_item(v, f));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| for_each_footnotes_item(v, f)),
        _ => {}
    }
}

/// Adds `id` and `first` to every `FootnoteRef` in `value`, in reading
/// order, skipping the notes themselves (a reference inside a note prints
/// its label). `resolve` returns the note's number and whether this is its
/// first reference.
fn annotate_refs(value: &mut Value, resolve: &mut dyn FnMut(&str) -> Option<(u64, bool)>) {
    match value {
        Value::Object(object) => match object.get("type").and_then(Value::as_str) {
            Some("Footnotes") => {}
            Some("FootnoteRef") => {
                let label = object
                    .get("label")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let (id, first) = match resolve(label) {
                    Some((id, first)) => (Value::from(id), first),
                    None => (Value::Null, false),
                };
                object.insert("id".into(), id);
                object.insert("first".into(), Value::Bool(first));
            }
            // serde_json's map is ordered by key; the only object with two
            // parts holding text is a table, and "header" < "rows".
            _ => object.values_mut().for_each(|v| annotate_refs(v, resolve)),
        },
        Value::Array(items) => items.iter_mut().for_each(|v| annotate_refs(v, resolve)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{Block, Inline, PdfSection};

    fn reference(label: &str) -> Inline {
        Inline::FootnoteRef {
            label: label.into(),
        }
    }

    #[test]
    fn footnotes_are_numbered_in_order_and_repeats_are_not_first() {
        let doc = PdfDocument {
            sections: vec![PdfSection {
                title: "A".into(),
                bookmark: true,
                blocks: vec![
                    Block::Paragraph {
                        text: vec![
                            reference("b"),
                            reference("a"),
                            reference("b"),
                            reference("nope"),
                        ],
                    },
                    Block::Footnotes {
                        items: vec![
                            ("a".into(), vec![Inline::text("note a")]),
                            ("b".into(), vec![Inline::text("note b")]),
                            ("c".into(), vec![Inline::text("never cited")]),
                        ],
                    },
                ],
            }],
            ..PdfDocument::default()
        };
        let value: Value = serde_json::from_slice(&template_data(&doc).unwrap()).unwrap();
        let text = &value["sections"][0]["blocks"][0]["text"];
        assert_eq!(
            (text[0]["id"].as_u64(), text[0]["first"].as_bool()),
            (Some(2), Some(true))
        );
        assert_eq!(
            (text[1]["id"].as_u64(), text[1]["first"].as_bool()),
            (Some(1), Some(true))
        );
        assert_eq!(
            (text[2]["id"].as_u64(), text[2]["first"].as_bool()),
            (Some(2), Some(false))
        );
        assert!(text[3]["id"].is_null());
        let items = &value["sections"][0]["blocks"][1]["items"];
        assert_eq!(items[0]["referenced"], Value::Bool(true));
        assert_eq!(items[2]["referenced"], Value::Bool(false));
        assert_eq!(value["notes"]["3"][0]["text"], "never cited");
    }
}
