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
