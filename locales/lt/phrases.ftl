# Svetainės frazės su skaičiais: pasakojimuose įterpiamos taip:
# {{ phrase(id="people-reached", n=metric(key="reach", audience="…")) }}.
# $n – skaičius, koks rodomas (PLURAL($n) parenka formą), $value – tas pats
# skaičius su žodžiais „ne mažiau kaip“, „apie“ ar ženklu „%“, jei jų yra.
# Kiekviena frazė parašyta tuo linksniu, kurio reikia sakinyje (nurodyta).

# Galininkas: „kampanija pasiekė … žmones“.
people-reached = { PLURAL($n) ->
    [one] { $value } žmogų
    [few] { $value } žmones
    [many] { $value } žmogaus
   *[other] { $value } žmonių
}

# Vardininkas: „… paspaudimai nuvedė žmones …“.
clicks-made = { PLURAL($n) ->
    [one] { $value } paspaudimas
    [few] { $value } paspaudimai
    [many] { $value } paspaudimo
   *[other] { $value } paspaudimų
}

# Vardininkas: „… nuorodų paspaudimai rodo …“.
link-clicks-made = { PLURAL($n) ->
    [one] { $value } nuorodos paspaudimas
    [few] { $value } nuorodų paspaudimai
    [many] { $value } nuorodos paspaudimo
   *[other] { $value } nuorodų paspaudimų
}

# Galininkas: „peržiūrėti … kartus“, „apsilankyta … kartų“.
times = { PLURAL($n) ->
    [one] { $value } kartą
    [few] { $value } kartus
    [many] { $value } karto
   *[other] { $value } kartų
}

# Kilmininkas: „įrašai sulaukė … reakcijų“.
reactions-received = { PLURAL($n) ->
    [one] { $value } reakcijos
    [few] { $value } reakcijų
    [many] { $value } reakcijos
   *[other] { $value } reakcijų
}

# Vardininkas: „mokymuose dalyvavo … darbuotojų“.
bank-staff = { PLURAL($n) ->
    [one] { $value } „Barclays“ ir „Santander“ darbuotojas
    [few] { $value } „Barclays“ ir „Santander“ darbuotojai
    [many] { $value } „Barclays“ ir „Santander“ darbuotojo
   *[other] { $value } „Barclays“ ir „Santander“ darbuotojų
}
