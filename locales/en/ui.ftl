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

footer-published-by = Published by
footer-private = This site makes no requests to other sites: no trackers, no analytics, no external fonts.

home-reports = { PLURAL($count) ->
    [one] Report
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
campaign-countries = { PLURAL($count) ->
    [one] Country
   *[other] Countries
}
campaign-languages = { PLURAL($count) ->
    [one] Language
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

untranslated-notice = Parts of this page are not yet translated and are shown in English.

not-found-title = Page not found
not-found-text = The page you were looking for is not here. It may have moved.

# { $start } and { $end } are dates already formatted for the language.
period = { $start } – { $end }

# { $value } is a formatted figure.
qualifier-at-least = { $value }+
qualifier-about = about { $value }

## Charts. { $value }, { $first }, { $income }… are already formatted; the
## audience, stage and result names come from the data and metrics.ftl.

chart-show-data = Show the numbers
chart-audience = Audience
chart-stage = Stage
chart-item = Category
chart-value = Value
chart-amount = Amount
chart-change = Change
chart-reach-title = People reached, by audience
chart-reach-desc = The most people were reached in { $audience }: { $value }.
chart-potential-title = Share of the potential audience reached
chart-potential-desc = The largest share of the potential audience was reached in { $audience }: { $value }.
chart-funnel-title = From impressions to videos watched, by audience
chart-funnel-desc = { $audience }: from { $first } ({ $first_stage }) to { $last } ({ $last_stage }).
chart-results-title = Survey results, by audience
chart-results-desc = The highest result: { $result }, { $value } in { $audience }.
chart-change-title = Change after the campaign
chart-change-desc = The largest change: { $result }, { $value }.
chart-finances-desc = Income { $income } and expenditure { $expenditure }, { $period }.
chart-trend-desc = From { $first } in { $first_label } to { $last } in { $last_label }.
chart-highest-desc = The highest value: { $label }, { $value }.

## Downloads. { $size } is already formatted ("1.2 MB").

download-heading = Download the report
download-pdf = PDF, { $size }
download-pdf-title = The whole report as a PDF, to print or pass on
download-html = One web page, { $size }
download-html-title = The whole report as one web page that opens without the internet
pdf-page-of = Page { $page } of { $total }
pdf-version = Version
pdf-notes = Notes
footer-version = Version of the data
