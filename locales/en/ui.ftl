# Interface text of the default theme, in English.
# Numbers in { $count } are formatted by CLDR; plural forms are chosen with
# PLURAL($count) (never select on $count directly: Fluent's built-in rules
# are wrong for Lithuanian).

language-name = English
chooser-prompt = Read in English
skip-to-content = Skip to content
language-switcher = Language
breadcrumbs = You are here
nav-home = Home

# { $organisation } is the organisation's name (a link on the site).
footer-published-by = Published by { $organisation }.
footer-private = This site makes no requests to other sites: no trackers, no analytics, no external fonts.

# Headings that mean "exactly one" or "several" select on the number
# itself ([1]), not through PLURAL(): 21 reports are "Reports".
home-reports = { $count ->
    [1] Report
   *[other] Reports
}

report-kicker = Impact report
report-headline = Headline figures
report-contents = Contents
report-introduction = Introduction
report-campaigns-heading = Campaigns
report-campaigns-count = { PLURAL($count) ->
    [one] { $count } campaign in this report.
   *[other] { $count } campaigns in this report.
}

finances-title = Finances
finances-income = Income
finances-expenditure = Expenditure

campaign-period = When
campaign-countries = { $count ->
    [1] Country
   *[other] Countries
}
campaign-languages = { $count ->
    [1] Language
   *[other] Languages
}
campaign-partners = Partners
campaign-figures = Figures by audience
campaign-metric = Measure
campaign-results = Results
campaign-story = The story
campaign-quotes = In their words
campaign-charts = Charts
campaign-back = Back to the report

## The campaign's list of results: one line each. { $value } is the formatted
## figure; { $noun } the metric's `.count` attribute (the noun agreeing with
## the number); { $name } the metric's name, { $lower } its `.lower`
## attribute; { $audience } the audience's name.

result-count = { $value } { $noun }
result-count-audience = { $audience }: { $value } { $noun }
result-named = { $name }: { $value }
result-named-audience = { $audience }: { $lower } – { $value }

# Who said a quote, or where it comes from.
quote-attribution = — { $who }

untranslated-notice = Parts of this page are not yet translated and are shown in English.

not-found-title = Page not found
not-found-text = The page you were looking for is not here. It may have moved.

# { $start } and { $end } are dates already formatted for the language.
# A no-break space before the dash: a line never starts with it.
period = { $start }{ "\u00A0" }– { $end }

# A report's data version: { $period } is its period, { $hash } a short hash
# of the data (it changes only when the data does).
version = { $period }, { $hash }

# { $value } is a formatted figure.
qualifier-at-least = { $value }+
qualifier-about = about { $value }

## Charts. { $value }, { $first }, { $income }… are already formatted; the
## audience names come from the data, stage and result names are the
## `.lower` attributes in metrics.ftl (the form used mid-sentence).

chart-show-data = Show the numbers
chart-audience = Audience
chart-stage = Stage
chart-item = Category
chart-value = Value
chart-amount = Amount
chart-change = Change
chart-reach-title = People reached, by audience
chart-reach-desc = The most people, { $value }, were reached in this audience: { $audience }.
chart-potential-title = Share of the potential audience reached
chart-potential-desc = The largest share of the potential audience, { $value }, was reached in this audience: { $audience }.
chart-funnel-title = From impressions to videos watched, by audience
chart-funnel-desc = { $audience }: from { $first } ({ $first_stage }) to { $last } ({ $last_stage }).
chart-results-title = Survey results, by audience
chart-results-desc = The highest result is { $result }: { $value }; audience: { $audience }.
chart-change-title = Change after the campaign
chart-change-desc = The largest of these changes is the { $result }: { $value }.
# A measure and its audience, when a campaign has several audiences.
chart-label-audience = { $name }, { $audience }
chart-finances-desc = Income { $income } and expenditure { $expenditure }, { $period }.
chart-trend-desc = From { $first } in { $first_label } to { $last } in { $last_label }.
chart-highest-desc = The highest value is { $value } ({ $label }).

## The numbers behind a chart or table, as a CSV file beside the page:
## the link under it, the headings of the file's unit and qualifier
## columns, and the words in them. Values are machine numbers (0.308 for
## 30.8%), so the unit says what they count.

data-get = Get the data
data-unit = Unit
data-qualifier = Qualifier
data-unit-count = count
data-unit-share = share (0–1)
data-unit-change = relative change (0.5 = +50%)
data-unit-number = number
# The same units in the Excel workbook, where shares and changes are shown
# as percentages (30.8%, +50.0%).
data-unit-share-percent = share, %
data-unit-change-percent = relative change, %
data-unit-seconds = seconds
data-qualifier-at-least = at least
data-qualifier-about = about
data-value-description = The number as machines read it: 0.308 is 30.8%, a change of 0.5 is +50%, durations are in seconds and money in the currency's main unit.
# The description of a table in the data package (datapackage.json):
# { $part } is the part of the report (a campaign's name), { $description }
# the chart's main finding.
data-resource-description = { $part }. { $description }
data-unit-description = What the number is expressed in (a count, a share, a change, seconds or a currency).
data-qualifier-description = When the figure is not exact: at least, or about, this number.
# The open-data workbook's first sheet: its name, the licence line
# ({ $licence } is the licence's name) and the headings of its list.
data-contents = Contents
data-licence = Licence: { $licence }
data-sheet = Sheet
data-part = Part of the report
data-table = Table

## Downloads. { $size } is already formatted ("1.2 MB").

download-heading = Download the report
download-pdf = PDF, { $size }
download-pdf-title = The whole report as a PDF, to print or pass on
download-html = One web page, { $size }
download-html-title = The whole report as one web page that opens without the internet
download-zip = Open data (CSV), { $size }
download-zip-title = Every figure of the report as CSV files with a Frictionless Data Package description, zipped
download-xlsx = Excel workbook, { $size }
download-xlsx-title = Every figure of the report as an Excel workbook: one sheet per kind of table, each row naming the part of the report it comes from
pdf-page-of = Page { $page } of { $total }
# { $version } as in the `version` message.
pdf-version = Version: { $version }
pdf-notes = Notes
# Under a photo's caption: who made it, as written after ` | ` in the
# Markdown image's title or in a cover's `credit:` ("Ona Petraitė", "impact, CC0").
image-credit = Credit: { $credit }
# { $version } is the period and the short hash of the data.
footer-version = Version of the data: { $version }
