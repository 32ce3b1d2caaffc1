//! Sample reports in English and Lithuanian, with the figures of the sample
//! site, every block kind and a hand-written chart.

use crate::pdf::{Block, FigureItem, Inline, Labels, PdfDocument, PdfSection};

/// A chart as plotters writes one: a viewBox, rectangles, real `<text>`.
pub(crate) const CHART_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300" viewBox="0 0 640 300" role="img">
<title>Pasiekta žmonių</title><desc>ąčęėįšųūž</desc>
<rect x="0" y="0" width="640" height="300" fill="#ffffff"/>
<line x1="150" y1="20" x2="150" y2="260" stroke="#d5dbe1"/>
<rect x="150" y="40" width="90" height="44" fill="#0b5f6b"/>
<rect x="150" y="120" width="440" height="44" fill="#0b5f6b"/>
<rect x="150" y="200" width="300" height="44" fill="#f2c14e"/>
<text x="140" y="68" font-family="DejaVu Sans, sans-serif" font-size="14" text-anchor="end" fill="#1b2430">Linkolnšyras</text>
<text x="140" y="148" font-family="DejaVu Sans, sans-serif" font-size="14" text-anchor="end" fill="#1b2430">Lietuva</text>
<text x="140" y="228" font-family="DejaVu Sans, sans-serif" font-size="14" text-anchor="end" fill="#1b2430">ąčęėįšųūž</text>
<text x="248" y="68" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#1b2430">11 972</text>
<text x="598" y="148" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#1b2430">515 839</text>
<text x="458" y="228" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#1b2430">348 873</text>
<text x="370" y="290" font-family="DejaVu Sans, sans-serif" font-size="12" text-anchor="middle" fill="#4a5563">Chartų tekstas lieka tekstu</text>
</svg>"##;

pub(crate) fn text(s: &str) -> Inline {
    Inline::text(s)
}

fn para(parts: Vec<Inline>) -> Block {
    Block::Paragraph { text: parts }
}

fn cell(s: &str) -> Vec<Inline> {
    vec![text(s)]
}

fn figure(value: &str, label: &str, prefix: &str) -> FigureItem {
    FigureItem {
        value: value.into(),
        label: label.into(),
        prefix: prefix.into(),
    }
}

/// The Lithuanian evaluation report, with every kind of block.
pub(crate) fn lithuanian() -> PdfDocument {
    PdfDocument {
        lang: "lt".into(),
        title: "Kampanija „Lietuvos bendruomenės“: vertinimas".into(),
        period: "2019 m. sausio 1 d. – 2019 m. gruodžio 31 d.".into(),
        organisation: "STOP THE TRAFFIK".into(),
        version: "2019-01-01–2019-12-31 · 3f2a9c1b".into(),
        summary: "2019 m. trumpų vaizdo įrašų serija perspėjo Linkolnšyre ir visoje Lietuvoje gyvenančius \
                  lietuvius apie per gerus, kad būtų tiesa, darbo pasiūlymus. Šiame vertinime apžvelgiame, ką \
                  kampanija pasiekė, kas pasikeitė ir ką darytume kitaip."
            .into(),
        cover_figures: vec![
            figure("500\u{a0}000", "pasiekti žmonės", "daugiau kaip"),
            figure("16\u{a0}616", "apsilankymai svetainėje", ""),
            figure("25\u{a0}453", "vaizdo įrašų peržiūros iki galo", ""),
        ],
        labels: Labels {
            contents: "Turinys".into(),
            page_of: "{page} psl. iš {total}".into(),
            version: "Versija".into(),
            notes: "Pastabos".into(),
        },
        sections: vec![
            PdfSection {
                title: "Įvadas".into(),
                bookmark: true,
                blocks: vec![
                    para(vec![
                        text("Kampaniją įvertino „Humankind Research“. Lietuvoje ją pamatė "),
                        Inline::Strong { children: vec![text("515\u{a0}839")] },
                        text(" žmonės"),
                        Inline::FootnoteRef { label: "lt-1".into() },
                        text(" – tai ąčęėįšųūž ir ĄČĘĖĮŠŲŪŽ raidės, kurios turi išlikti kopijuojant."),
                    ]),
                    Block::Figures {
                        items: vec![
                            figure("20,6\u{a0}%", "Linkolnšyre elgtųsi kitaip", ""),
                            figure("30,8\u{a0}%", "Lietuvoje elgtųsi kitaip", ""),
                        ],
                    },
                    Block::Quote {
                        text: vec![text("Niekada nemaniau, kad tai gali nutikti man.")],
                        who: Some("Moteris, 46 m.".into()),
                    },
                    Block::Footnotes {
                        items: vec![("lt-1".into(), vec![text("Abu kampanijos etapai kartu; „Facebook“ duomenys.")])],
                    },
                ],
            },
            PdfSection {
                title: "Vertinimas".into(),
                bookmark: true,
                blocks: vec![
                    Block::Heading { level: 2, text: vec![text("Kaip vertinta")] },
                    para(vec![
                        Inline::Strong { children: vec![text("Trijų etapų kokybinis tyrimas.")] },
                        text(" Jį sudarė:"),
                    ]),
                    Block::List {
                        ordered: false,
                        items: vec![
                            vec![para(vec![text("fokus grupės Linkolnšyre, Vilniuje, Kaune ir Klaipėdoje;")])],
                            vec![para(vec![text("interviu su partneriais prieš kampaniją ir po jos;")])],
                            vec![para(vec![
                                text("interviu su auditorijos atstovais ("),
                                Inline::Emph { children: vec![text("žr. ataskaitą")] },
                                text(")."),
                            ])],
                        ],
                    },
                    Block::Heading { level: 2, text: vec![text("Ką parodė apklausos")] },
                    Block::Table {
                        header: vec![cell("Rezultatas"), cell("JK"), cell("Lietuva")],
                        rows: vec![
                            vec![cell("Po vaizdo įrašo elgtųsi kitaip"), cell("20,6\u{a0}%"), cell("30,8\u{a0}%")],
                            vec![cell("Ėmėsi susijusių veiksmų"), cell("64\u{a0}%"), cell("53\u{a0}%")],
                            vec![cell("Aptarė temą su kitais"), cell("23\u{a0}%"), cell("22\u{a0}%")],
                            vec![cell("Kalbėjosi su darbdaviu ar įdarbinimo agentūra"), cell("–"), cell("19\u{a0}%")],
                        ],
                        caption: Some("Apklausų rezultatai".into()),
                        numeric_columns: vec![false, true, true],
                    },
                    Block::Chart { svg: CHART_SVG.into(), caption: "Pasiekti žmonės pagal auditoriją".into() },
                    Block::Rule,
                    Block::List {
                        ordered: true,
                        items: vec![
                            vec![para(vec![text("Pirmas žingsnis"), Inline::LineBreak, text("antra eilutė")])],
                            vec![para(vec![
                                text("Daugiau: "),
                                Inline::Link {
                                    url: "https://www.missing.lt/".into(),
                                    children: vec![text("Dingusių žmonių šeimų paramos centras")],
                                },
                                text(" ir "),
                                Inline::Code { text: "impact build".into() },
                            ])],
                        ],
                    },
                ],
            },
        ],
        author: "STOP THE TRAFFIK".into(),
        keywords: vec!["prekyba žmonėmis".into(), "vertinimas".into()],
        created: Some("2019-12-31".into()),
        brand: Default::default(),
        cover: None,
    }
}

/// The English impact report.
pub(crate) fn english() -> PdfDocument {
    let mut doc = lithuanian();
    doc.lang = "en".into();
    doc.title = "Lithuanian communities campaign: evaluation".into();
    doc.period = "1 January 2019 – 31 December 2019".into();
    doc.summary =
        "In 2019 a series of short videos warned Lithuanians in Lincolnshire and across Lithuania \
                   about job offers that are too good to be true."
            .into();
    doc.cover_figures = vec![
        figure("500,000", "people reached", "at least"),
        figure("16,616", "website visits", ""),
        figure("25,453", "video plays to 95%", ""),
    ];
    doc.labels = Labels {
        contents: "Contents".into(),
        page_of: "Page {page} of {total}".into(),
        version: "Version".into(),
        notes: "Notes".into(),
    };
    doc.sections[0].title = "Introduction".into();
    doc.sections[1].title = "Evaluation".into();
    doc.keywords = vec!["human trafficking".into(), "evaluation".into()];
    doc
}

/// A long report: the Lithuanian sample's sections repeated until the PDF
/// has about ten pages.
pub(crate) fn long_lithuanian() -> PdfDocument {
    let mut doc = lithuanian();
    let body: Vec<Block> = doc.sections[1].blocks.clone();
    let prose = para(vec![text(
        "KOPŽI paprastai sulaukia 25–45 skambučių per mėnesį, o kampanijos mėnesį sulaukė 45–50, t. y. \
         maždaug 50\u{a0}% daugiau. Dingusių žmonių šeimų paramos centras liepą sulaukė 31\u{a0}% daugiau \
         skambučių nei tą patį mėnesį prieš metus. Pasibaigus kampanijai, nė vienas iš šių padidėjimų \
         neišliko.",
    )]);
    for n in 1..=3 {
        let mut blocks = body.clone();
        blocks.extend(std::iter::repeat_n(prose.clone(), 6));
        doc.sections.push(PdfSection {
            title: format!("Kampanijos etapas {n}"),
            blocks,
            bookmark: true,
        });
    }
    doc
}
