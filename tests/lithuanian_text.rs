//! The sample site in Lithuanian, read the way an editor reads it: a noun
//! after a number agrees with it, no template joins words around a
//! translated string, and the footer, quotes and version line are whole
//! Lithuanian sentences.

mod common;

use common::*;

/// The text of the `<ul class="results">` list, one entry per item, tags
/// removed.
fn result_lines(html: &str) -> Vec<String> {
    let list = html
        .split("<ul class=\"results\">")
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
        .expect("a results list");
    list.split("<li>")
        .skip(1)
        .map(|li| {
            let mut out = String::new();
            let mut in_tag = false;
            for c in li.split("</li>").next().unwrap_or("").chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out
        })
        .collect()
}

#[test]
fn campaign_results_put_the_noun_in_the_form_the_number_needs() {
    let site = built_sample();
    let lt = read(
        site.path(),
        "lt/impact-2019-2020/lithuanian-communities/index.html",
    );
    let lines = result_lines(&lt);
    for want in [
        "ne mažiau kaip 500\u{a0}000 pasiektų žmonių",
        "16\u{a0}616 apsilankymų svetainėje",
        "Vidutinė buvimo puslapyje trukmė: 1\u{a0}min. 53\u{a0}sek.",
        "25\u{a0}453 vaizdo įrašų peržiūros iki 95\u{a0}%",
        "1\u{a0}171 reakcija",
        "793 pasidalijimai",
        "194 komentarai",
        "Linkolnšyras, JK (pirmasis etapas): 30 mokymų dalyvių",
    ] {
        assert!(
            lines.iter().any(|l| l == want),
            "no line {want:?} in {lines:#?}"
        );
    }
    // A number is never followed by a metric's heading form
    // ("16 616 Apsilankymai tinklalapyje").
    for l in &lines {
        let after_number = l
            .split(|c: char| {
                c.is_ascii_digit() || c == '\u{a0}' || c == ',' || c == '%' || c == '+'
            })
            .rfind(|s| !s.is_empty());
        if let Some(rest) = after_number.filter(|_| l.starts_with(|c: char| c.is_ascii_digit())) {
            assert!(
                !rest.trim_start().starts_with(char::is_uppercase),
                "heading form after a number: {l:?}"
            );
        }
    }
    let old = "16\u{a0}616</span> <span class=\"label\">Apsilankymai";
    assert!(!lt.contains(old), "the heading form after the number");

    let en = read(
        site.path(),
        "en/impact-2019-2020/lithuanian-communities/index.html",
    );
    let lines = result_lines(&en);
    assert!(
        lines.iter().any(|l| l == "16,616 website visits"),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l == "1,171 reactions"), "{lines:#?}");
}

#[test]
fn stories_place_numbers_in_phrases_that_agree() {
    let site = built_sample();
    let lt = read(
        site.path(),
        "lt/impact-2019-2020/lithuanian-communities/index.html",
    );
    for want in [
        "pasiekėme <span class=\"phrase\">ne mažiau kaip 500\u{a0}000 žmonių</span>",
        "apsilankyta <span class=\"phrase\">16\u{a0}616 kartų</span>",
        "pasiekė <span class=\"phrase\">515\u{a0}839 žmones</span>",
        "dalyvavo <span class=\"phrase\">30 „Barclays“ ir „Santander“ darbuotojų</span>",
    ] {
        assert!(lt.contains(want), "no {want:?}");
    }
    let cleaners = read(
        site.path(),
        "lt/impact-2019-2020/latin-american-cleaners/index.html",
    );
    assert!(cleaners.contains("peržiūrėti <span class=\"phrase\">28\u{a0}698 kartus</span>"));
    assert!(cleaners.contains("sulaukė <span class=\"phrase\">2\u{a0}713 reakcijų</span>"));
    let covid = read(site.path(), "lt/impact-2019-2020/covid-response/index.html");
    assert!(covid.contains("<span class=\"phrase\">5\u{a0}895 paspaudimai</span> nuvedė"));
    // The evaluation report places the campaign's figure too.
    let eval = read(
        site.path(),
        "lt/lithuanian-communities-evaluation/index.html",
    );
    assert!(eval.contains("apsilankyta <span class=\"phrase\">16\u{a0}616 kartų</span>"));
}

#[test]
fn footer_quotes_and_version_are_whole_lithuanian_sentences() {
    let site = built_sample();
    let lt = read(
        site.path(),
        "lt/impact-2019-2020/lithuanian-communities/index.html",
    );
    assert!(
        lt.contains("<p>Šias ataskaitas skelbia <a href=\"https://www.stopthetraffik.org/\" rel=\"external\">STOP THE TRAFFIK</a>.</p>"),
        "footer"
    );
    assert!(!lt.contains("Leidėjas"));
    assert!(
        lt.contains("<figcaption>– Fokusuotų grupių diskusijose"),
        "a Lithuanian attribution starts with an en dash"
    );
    assert!(
        lt.contains(
            "Duomenų versija: 2019\u{a0}m. sausio\u{a0}1\u{a0}d.\u{a0}– 2020\u{a0}m. rugpjūčio\u{a0}31\u{a0}d., "
        ),
        "version line with Lithuanian dates"
    );
    assert!(
        !lt.contains("2019-01-01"),
        "an ISO date on a Lithuanian page"
    );
    let en = read(
        site.path(),
        "en/impact-2019-2020/lithuanian-communities/index.html",
    );
    assert!(en.contains("<figcaption>— A learning theme"));
    assert!(en.contains(
        "Version of the data: 1\u{a0}January\u{a0}2019\u{a0}– 31\u{a0}August\u{a0}2020, "
    ));
    assert!(en.contains("Published by <a href=\"https://www.stopthetraffik.org/\" rel=\"external\">STOP THE TRAFFIK</a>."));
}

#[test]
fn chart_descriptions_use_metric_names_in_lower_case_mid_sentence() {
    let site = built_sample();
    let lt = read(site.path(), "lt/impact-2019-2020/bali/index.html");
    assert!(
        lt.contains("Didžiausias iš šių pokyčių – naujienų straipsnių apie vergovę pokytis: +3\u{a0}449\u{a0}%."),
        "change description"
    );
    let lt = read(
        site.path(),
        "lt/impact-2019-2020/lithuanian-communities/index.html",
    );
    assert!(lt.contains("(parodymai)"), "funnel stage in lower case");
    assert!(!lt.contains("(Parodymai)"));
}
