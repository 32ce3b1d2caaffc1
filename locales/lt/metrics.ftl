# Rodiklių raktų, naudojamų content/ (ataskaitų pagrindiniai skaičiai, kampanijų
# auditorijos ir rezultatai), pavadinimai. `metric-<raktas>` – pavadinimas (lentelės
# antraštė, ašies pavadinimas); `.lower` – tas pats pavadinimas sakinio viduryje
# (mažąja raide); `.count` – daiktavardis po skaičiaus, parenkamas PLURAL().
# Lietuvių daugiskaitos kategorijos: one (1, 21, 31…), few (2–9, 22–29…),
# many (trupmenos), other (0, 10–20, 30…).

## Pagrindiniai skaičiai

metric-campaigns = Kampanijos
    .lower = kampanijos
    .count = { PLURAL($count) ->
        [one] kampanija
        [few] kampanijos
        [many] kampanijos
       *[other] kampanijų
    }

metric-people_reached = Pasiekta žmonių
    .lower = pasiekta žmonių
    .count = { PLURAL($count) ->
        [one] pasiektas žmogus
        [few] pasiekti žmonės
        [many] pasiekto žmogaus
       *[other] pasiektų žmonių
    }

metric-countries = Šalys
    .lower = šalys
    .count = { PLURAL($count) ->
        [one] šalis
        [few] šalys
        [many] šalies
       *[other] šalių
    }

metric-languages = Kalbos
    .lower = kalbos
    .count = { PLURAL($count) ->
        [one] kalba
        [few] kalbos
        [many] kalbos
       *[other] kalbų
    }

metric-continents = Žemynai
    .lower = žemynai
    .count = { PLURAL($count) ->
        [one] žemynas
        [few] žemynai
        [many] žemyno
       *[other] žemynų
    }

metric-people_trained = Mokymų dalyviai
    .lower = mokymų dalyviai
    .count = { PLURAL($count) ->
        [one] mokymų dalyvis
        [few] mokymų dalyviai
        [many] mokymų dalyvio
       *[other] mokymų dalyvių
    }

metric-respondents = Respondentai
    .lower = respondentai
    .count = { PLURAL($count) ->
        [one] respondentas
        [few] respondentai
        [many] respondento
       *[other] respondentų
    }

## Pasiekiamumas ir įsitraukimas socialiniuose tinkluose

metric-impressions = Parodymai
    .lower = parodymai
    .count = { PLURAL($count) ->
        [one] parodymas
        [few] parodymai
        [many] parodymo
       *[other] parodymų
    }

metric-reach = Pasiekiamumas
    .lower = pasiekiamumas
    .count = { PLURAL($count) ->
        [one] pasiektas žmogus
        [few] pasiekti žmonės
        [many] pasiekto žmogaus
       *[other] pasiektų žmonių
    }

metric-potential_reach_share = Pasiekta potencialios auditorijos dalis
    .lower = pasiekta potencialios auditorijos dalis

metric-landing_page_sessions = Apsilankymai nukreipimo puslapyje
    .lower = apsilankymai nukreipimo puslapyje
    .count = { PLURAL($count) ->
        [one] apsilankymas nukreipimo puslapyje
        [few] apsilankymai nukreipimo puslapyje
        [many] apsilankymo nukreipimo puslapyje
       *[other] apsilankymų nukreipimo puslapyje
    }

metric-website_visits = Apsilankymai svetainėje
    .lower = apsilankymai svetainėje
    .count = { PLURAL($count) ->
        [one] apsilankymas svetainėje
        [few] apsilankymai svetainėje
        [many] apsilankymo svetainėje
       *[other] apsilankymų svetainėje
    }

# Trukmė (`{ seconds: 113 }`), rodoma minutėmis ir sekundėmis.
metric-average_time_on_page = Vidutinė buvimo puslapyje trukmė
    .lower = vidutinė buvimo puslapyje trukmė

metric-average_time_on_page_seconds = Vidutinė buvimo puslapyje trukmė (sekundėmis)
    .lower = vidutinė buvimo puslapyje trukmė (sekundėmis)
    .count = { PLURAL($count) ->
        [one] sekundė vidutiniškai praleista puslapyje
        [few] sekundės vidutiniškai praleistos puslapyje
        [many] sekundės vidutiniškai praleista puslapyje
       *[other] sekundžių vidutiniškai praleista puslapyje
    }

metric-video_plays_95 = Vaizdo įrašų peržiūros iki 95 %
    .lower = vaizdo įrašų peržiūros iki 95 %
    .count = { PLURAL($count) ->
        [one] vaizdo įrašo peržiūra iki 95 %
        [few] vaizdo įrašų peržiūros iki 95 %
        [many] vaizdo įrašo peržiūros iki 95 %
       *[other] vaizdo įrašų peržiūrų iki 95 %
    }

metric-reactions = Reakcijos
    .lower = reakcijos
    .count = { PLURAL($count) ->
        [one] reakcija
        [few] reakcijos
        [many] reakcijos
       *[other] reakcijų
    }

metric-shares = Pasidalijimai
    .lower = pasidalijimai
    .count = { PLURAL($count) ->
        [one] pasidalijimas
        [few] pasidalijimai
        [many] pasidalijimo
       *[other] pasidalijimų
    }

metric-comments = Komentarai
    .lower = komentarai
    .count = { PLURAL($count) ->
        [one] komentaras
        [few] komentarai
        [many] komentaro
       *[other] komentarų
    }

metric-link_clicks = Nuorodų paspaudimai
    .lower = nuorodų paspaudimai
    .count = { PLURAL($count) ->
        [one] nuorodos paspaudimas
        [few] nuorodų paspaudimai
        [many] nuorodos paspaudimo
       *[other] nuorodų paspaudimų
    }

metric-unique_link_clicks = Unikalūs nuorodų paspaudimai
    .lower = unikalūs nuorodų paspaudimai
    .count = { PLURAL($count) ->
        [one] unikalus nuorodos paspaudimas
        [few] unikalūs nuorodų paspaudimai
        [many] unikalaus nuorodos paspaudimo
       *[other] unikalių nuorodų paspaudimų
    }

metric-clicks = Paspaudimai
    .lower = paspaudimai
    .count = { PLURAL($count) ->
        [one] paspaudimas
        [few] paspaudimai
        [many] paspaudimo
       *[other] paspaudimų
    }

metric-click_through_rate = Paspaudimų rodiklis (CTR)
    .lower = paspaudimų rodiklis (CTR)

## Apklausų rezultatai (dalys, rodomos procentais)

metric-found_helpful = Respondentai, kuriems kampanija buvo naudinga (apklausa po kampanijos)
    .lower = respondentai, kuriems kampanija buvo naudinga (apklausa po kampanijos)

metric-contacted_organisation = Respondentai, susisiekę su pagalbos organizacija (apklausa po kampanijos)
    .lower = respondentai, susisiekę su pagalbos organizacija (apklausa po kampanijos)

metric-saved_support_numbers = Respondentai, išsisaugoję pagalbos organizacijų telefono numerius (apklausa po kampanijos)
    .lower = respondentai, išsisaugoję pagalbos organizacijų telefono numerius (apklausa po kampanijos)

metric-experienced_labour_exploitation = Respondentai, patyrę išnaudojimą darbe (apklausa prieš kampaniją)
    .lower = respondentai, patyrę išnaudojimą darbe (apklausa prieš kampaniją)

metric-would_behave_differently = Po vaizdo įrašo elgtųsi kitaip
    .lower = po vaizdo įrašo elgtųsi kitaip

metric-took_relevant_action = Ėmėsi atitinkamų veiksmų (pakartotinė apklausa)
    .lower = ėmėsi atitinkamų veiksmų (pakartotinė apklausa)

metric-discussed_with_others = Aptarė temą su kitais (pakartotinė apklausa)
    .lower = aptarė temą su kitais (pakartotinė apklausa)

metric-spoke_to_employer_or_agency = Kalbėjosi su darbdaviu ar įdarbinimo agentūra (pakartotinė apklausa)
    .lower = kalbėjosi su darbdaviu ar įdarbinimo agentūra (pakartotinė apklausa)

## Pokyčiai (rodomi kaip +N %)

metric-kopzi_calls_change = Skambučių į KOPŽI pokytis kampanijos mėnesį
    .lower = skambučių į KOPŽI pokytis kampanijos mėnesį

metric-missing_persons_calls_change = Skambučių į Dingusių žmonių šeimų paramos centrą pokytis liepą, palyginti su praėjusiais metais
    .lower = skambučių į Dingusių žmonių šeimų paramos centrą pokytis liepą, palyginti su praėjusiais metais

metric-searches_change = Paieškų pokytis, palyginti su praėjusiais metais
    .lower = paieškų pokytis, palyginti su praėjusiais metais

metric-online_conversations_change = Pokalbių internete pokytis
    .lower = pokalbių internete pokytis

metric-belief_local_exploitation_change = Įsitikinimo, kad aukos išnaudojamos vietos įmonėse, pokytis
    .lower = įsitikinimo, kad aukos išnaudojamos vietos įmonėse, pokytis

metric-confidence_identify_signs_change = Pasitikėjimo gebėjimu atpažinti požymius pokytis
    .lower = pasitikėjimo gebėjimu atpažinti požymius pokytis

metric-news_child_trafficking_change = Naujienų straipsnių apie prekybą vaikais pokytis
    .lower = naujienų straipsnių apie prekybą vaikais pokytis

metric-news_human_trafficking_change = Naujienų straipsnių apie prekybą žmonėmis pokytis
    .lower = naujienų straipsnių apie prekybą žmonėmis pokytis

metric-news_slavery_change = Naujienų straipsnių apie vergovę pokytis
    .lower = naujienų straipsnių apie vergovę pokytis
