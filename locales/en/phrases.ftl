# The site's phrases with a number, placed in stories with
# {{ phrase(id="people-reached", n=metric(key="reach", audience="…")) }}.
# $n is the number as shown (PLURAL($n) picks the form), $value the same
# figure with its qualifier ("500,000+") or "%", when it has one.

people-reached = { PLURAL($n) ->
    [one] { $value } person
   *[other] { $value } people
}

clicks-made = { PLURAL($n) ->
    [one] { $value } click
   *[other] { $value } clicks
}

link-clicks-made = { PLURAL($n) ->
    [one] { $value } link click
   *[other] { $value } link clicks
}

# Exactly one is "once", not "1 times": a selector on the number itself.
times = { $n ->
    [1] once
   *[other] { $value } times
}

reactions-received = { PLURAL($n) ->
    [one] { $value } reaction
   *[other] { $value } reactions
}

bank-staff = { $value } Barclays and Santander staff
