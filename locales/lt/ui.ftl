# Numatytosios temos sąsajos tekstai lietuvių kalba.
# Skaičiai { $count } formatuojami pagal CLDR; daugiskaitos formos
# parenkamos per PLURAL($count) (ne tiesiogiai pagal $count: įtaisytosios
# Fluent taisyklės lietuvių kalbai klysta).

language-name = Lietuvių
chooser-prompt = Skaityti lietuviškai
skip-to-content = Pereiti prie turinio
language-switcher = Kalba
breadcrumbs = Naršymo kelias
nav-home = Pradžia

# { $organisation } – organizacijos pavadinimas (svetainėje – nuoroda).
footer-published-by = Šias ataskaitas skelbia { $organisation }.
footer-private = Ši svetainė nieko neįkelia iš kitų svetainių: nėra jokių sekiklių, analitikos įrankių ar išorinių šriftų.

# Antraštės, kurios reiškia „lygiai viena“ arba „kelios“: renkamasi pagal
# patį skaičių ([1]), ne pagal PLURAL() – 21 ataskaita yra „Ataskaitos“.
home-reports = { $count ->
    [1] Ataskaita
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
campaign-countries = { $count ->
    [1] Šalis
   *[other] Šalys
}
campaign-languages = { $count ->
    [1] Kalba
   *[other] Kalbos
}
campaign-partners = Partneriai
campaign-figures = Skaičiai pagal auditorijas
campaign-metric = Rodiklis
campaign-results = Rezultatai
campaign-story = Istorija
campaign-quotes = Citatos
campaign-charts = Diagramos
campaign-back = Atgal į ataskaitą

## Kampanijos rezultatų sąrašas: vienas sakinys (eilutė) kiekvienam rezultatui.
## { $value } – suformatuotas skaičius; { $noun } – metrics.ftl atributas
## `.count` (daiktavardis, suderintas su skaičiumi); { $name } – rodiklio
## pavadinimas, { $lower } – jo atributas `.lower` (mažąja raide);
## { $audience } – auditorijos pavadinimas.

result-count = { $value } { $noun }
result-count-audience = { $audience }: { $value } { $noun }
result-named = { $name }: { $value }
result-named-audience = { $audience }: { $lower } – { $value }

# Citatos autorius ar šaltinis. Lietuviškai prieš jį rašomas brūkšnys (–).
quote-attribution = – { $who }

untranslated-notice = Dalis šio puslapio dar neišversta ir rodoma anglų kalba.

not-found-title = Puslapis nerastas
not-found-text = Ieškomo puslapio čia nėra. Galbūt jis buvo perkeltas.

# { $start } ir { $end } – jau suformatuotos datos.
# Prieš brūkšnį – nelaužiamas tarpas: eilutė neprasideda brūkšniu.
period = { $start }{ "\u00A0" }– { $end }

# Ataskaitos duomenų versija: { $period } – laikotarpis, { $hash } – trumpas
# duomenų maišos kodas (jis nesikeičia, kol nesikeičia duomenys).
version = { $period }, { $hash }

# { $value } – suformatuotas skaičius.
qualifier-at-least = ne mažiau kaip { $value }
qualifier-about = apie { $value }

## Diagramos. { $value }, { $first }, { $income }… jau suformatuoti;
## auditorijų pavadinimai – iš duomenų, etapų ir rezultatų pavadinimai –
## metrics.ftl atributai `.lower` (mažąja raide, sakinio viduryje).

chart-show-data = Rodyti skaičius
chart-audience = Auditorija
chart-stage = Etapas
chart-item = Kategorija
chart-value = Reikšmė
chart-amount = Suma
chart-change = Pokytis
chart-reach-title = Pasiekti žmonės pagal auditorijas
chart-reach-desc = Daugiausia žmonių – { $value } – pasiekta šioje auditorijoje: { $audience }.
chart-potential-title = Pasiekta potencialios auditorijos dalis pagal auditorijas
chart-potential-desc = Didžiausia potencialios auditorijos dalis – { $value } – pasiekta šioje auditorijoje: { $audience }.
chart-funnel-title = Nuo parodymų iki peržiūrų pagal auditorijas
chart-funnel-desc = { $audience }: nuo { $first } ({ $first_stage }) iki { $last } ({ $last_stage }).
chart-results-title = Apklausų rezultatai pagal auditorijas
chart-results-desc = Didžiausias rezultatas – { $result }: { $value }; auditorija – { $audience }.
chart-change-title = Pokytis po kampanijos
chart-change-desc = Didžiausias iš šių pokyčių – { $result }: { $value }.
# Rodiklis ir auditorija, kai kampanija turi kelias auditorijas.
chart-label-audience = { $name }, { $audience }
chart-finances-desc = Laikotarpiu { $period } pajamos sudarė { $income }, išlaidos – { $expenditure }.
chart-trend-desc = Nuo { $first } ({ $first_label }) iki { $last } ({ $last_label }).
chart-highest-desc = Didžiausia reikšmė – { $value } ({ $label }).

## Diagramos ar lentelės skaičiai CSV faile šalia puslapio: nuoroda po ja,
## failo vienetų ir tikslumo stulpelių antraštės ir jų žodžiai. Reikšmės
## rašomos kompiuterio skaitomu formatu (0.308, o ne 30,8 %), todėl
## vieneto stulpelis nurodo, ką jos reiškia.

data-get = Atsisiųsti duomenis
data-unit = Matavimo vienetas
data-qualifier = Tikslumas
data-unit-count = kiekis
data-unit-share = dalis (0–1)
data-unit-change = santykinis pokytis (0.5 = +50 %)
data-unit-number = skaičius
# Tie patys vienetai „Excel“ darbaknygėje, kur dalys ir pokyčiai rodomi
# procentais (30,8 %, +50,0 %).
data-unit-share-percent = dalis, %
data-unit-change-percent = santykinis pokytis, %
data-unit-seconds = sekundės
data-qualifier-at-least = ne mažiau kaip
data-qualifier-about = apie
data-value-description = Skaičius kompiuterio skaitomu formatu (su dešimtainiu tašku): 0.308 reiškia 30,8 %, pokytis 0.5 reiškia +50 %, trukmė nurodoma sekundėmis, pinigų sumos – pagrindiniais valiutos vienetais.
# Duomenų paketo (datapackage.json) lentelės aprašas: { $part } – ataskaitos
# dalis (kampanijos pavadinimas), { $description } – pagrindinė diagramos išvada.
data-resource-description = { $part }. { $description }
data-unit-description = Skaičiaus matavimo vienetas (kiekis, dalis, pokytis, sekundės ar valiuta).
data-qualifier-description = Nurodoma, kai skaičius nėra tikslus: „ne mažiau kaip“ arba „apie“.
# Atvirųjų duomenų darbaknygės pirmasis lapas: jo pavadinimas, licencijos
# eilutė ({ $licence } – licencijos pavadinimas) ir sąrašo antraštės.
data-contents = Turinys
data-licence = Licencija: { $licence }
data-sheet = Lapas
data-part = Ataskaitos dalis
data-table = Lentelė

## Atsisiuntimai. { $size } jau suformatuotas („1,2 MB“).

download-heading = Atsisiųsti ataskaitą
download-pdf = PDF, { $size }
download-pdf-title = Visa ataskaita PDF formatu: galima atsispausdinti ar persiųsti
download-html = Vienas tinklalapis, { $size }
download-html-title = Visa ataskaita viename tinklalapyje, kurį galima atverti ir be interneto ryšio
download-zip = Atvirieji duomenys (CSV), { $size }
download-zip-title = Visi ataskaitos skaičiai CSV failuose su „Frictionless Data Package“ aprašu, sudėti į vieną ZIP archyvą
download-xlsx = „Excel“ darbaknygė, { $size }
download-xlsx-title = Visi ataskaitos skaičiai „Excel“ darbaknygėje: kiekvienai lentelių rūšiai – atskiras lapas; kiekvienoje eilutėje nurodyta, iš kurios ataskaitos dalies ji paimta
pdf-page-of = { $page } psl. iš { $total }
# { $version } – kaip `version` pranešime.
pdf-version = Duomenų versija: { $version }
pdf-notes = Pastabos
# Po nuotraukos parašu: kas ją sukūrė, kaip nurodyta po ` | ` Markdown
# paveikslėlio parašo kabutėse arba viršelio `credit:` lauke („Ona Petraitė“, „impact, CC0“).
image-credit = Šaltinis: { $credit }
# { $version } – ataskaitos laikotarpis ir trumpas duomenų maišos kodas.
footer-version = Duomenų versija: { $version }
