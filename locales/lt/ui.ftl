# Numatytosios temos sąsajos tekstai lietuvių kalba.
# Skaičiai { $count } formatuojami pagal CLDR; daugiskaitos formos
# parenkamos per PLURAL($count) (ne tiesiogiai pagal $count: įtaisytosios
# Fluent taisyklės lietuvių kalbai klysta).

language-name = Lietuvių
chooser-prompt = Skaityti lietuviškai
skip-to-content = Pereiti prie turinio
language-switcher = Kalba
breadcrumbs = Jūs esate čia
nav-home = Pradžia

footer-published-by = Leidėjas
footer-private = Ši svetainė nesikreipia į jokias kitas svetaines: jokių sekiklių, analitikos ar išorinių šriftų.

home-reports = { PLURAL($count) ->
    [one] Ataskaita
   *[other] Ataskaitos
}

report-kicker = Poveikio ataskaita
report-headline = Pagrindiniai skaičiai
report-contents = Turinys
report-introduction = Įžanga
report-campaigns-heading = Kampanijos
report-campaigns-count = { PLURAL($count) ->
    [one] Šioje ataskaitoje – { $count } kampanija.
    [few] Šioje ataskaitoje – { $count } kampanijos.
    [many] Šioje ataskaitoje – { $count } kampanijos.
   *[other] Šioje ataskaitoje – { $count } kampanijų.
}

finances-title = Finansai
finances-income = Pajamos
finances-expenditure = Išlaidos

campaign-period = Laikotarpis
campaign-countries = { PLURAL($count) ->
    [one] Šalis
   *[other] Šalys
}
campaign-languages = { PLURAL($count) ->
    [one] Kalba
   *[other] Kalbos
}
campaign-partners = Partneriai
campaign-figures = Skaičiai pagal auditoriją
campaign-metric = Rodiklis
campaign-results = Rezultatai
campaign-story = Istorija
campaign-quotes = Jų žodžiais
campaign-charts = Diagramos
campaign-back = Atgal į ataskaitą

untranslated-notice = Dalis šio puslapio dar neišversta ir rodoma anglų kalba.

not-found-title = Puslapis nerastas
not-found-text = Ieškomo puslapio čia nėra. Galbūt jis perkeltas.

# { $start } ir { $end } – jau suformatuotos datos.
period = { $start } – { $end }

# { $value } – suformatuotas skaičius.
qualifier-at-least = daugiau kaip { $value }
qualifier-about = apie { $value }

## Diagramos. { $value }, { $first }, { $income }… jau suformatuoti;
## auditorijų, etapų ir rezultatų pavadinimai – iš duomenų ir metrics.ftl.

chart-show-data = Rodyti skaičius
chart-audience = Auditorija
chart-stage = Etapas
chart-item = Kategorija
chart-value = Reikšmė
chart-amount = Suma
chart-change = Pokytis
chart-reach-title = Pasiekti žmonės pagal auditoriją
chart-reach-desc = Daugiausia žmonių pasiekta šioje auditorijoje: { $audience } – { $value }.
chart-potential-title = Pasiekta potencialios auditorijos dalis
chart-potential-desc = Didžiausia potencialios auditorijos dalis pasiekta šioje auditorijoje: { $audience } – { $value }.
chart-funnel-title = Nuo parodymų iki peržiūrų pagal auditoriją
chart-funnel-desc = { $audience }: nuo { $first } ({ $first_stage }) iki { $last } ({ $last_stage }).
chart-results-title = Apklausų rezultatai pagal auditoriją
chart-results-desc = Didžiausias rezultatas: { $result } – { $value } ({ $audience }).
chart-change-title = Pokytis po kampanijos
chart-change-desc = Didžiausias pokytis: { $result } – { $value }.
chart-finances-desc = Pajamos { $income }, išlaidos { $expenditure } ({ $period }).
chart-trend-desc = Nuo { $first } ({ $first_label }) iki { $last } ({ $last_label }).
chart-highest-desc = Didžiausia reikšmė: { $label } – { $value }.

## Atsisiuntimai. { $size } jau suformatuotas („1,2 MB“).

download-heading = Atsisiųsti ataskaitą
download-pdf = PDF, { $size }
download-pdf-title = Visa ataskaita PDF formatu – spausdinti ar persiųsti
download-html = Vienas tinklalapis, { $size }
download-html-title = Visa ataskaita viename tinklalapyje, kuris atsidaro ir be interneto
pdf-page-of = { $page } psl. iš { $total }
pdf-version = Versija
pdf-notes = Pastabos
footer-version = Duomenų versija
