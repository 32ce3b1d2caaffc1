# Metrikų raktų, naudojamų content/ (ataskaitų pagrindiniai skaičiai, kampanijų
# auditorijos ir rezultatai), pavadinimai. `metric-<raktas>` – pavadinimas (lentelės
# antraštė, ašies pavadinimas); `.count` – daiktavardis po skaičiaus, parenkamas PLURAL().
# Lietuvių daugiskaitos kategorijos: one (1, 21, 31…), few (2–9, 22–29…),
# many (trupmenos), other (0, 10–20, 30…).

## Pagrindiniai skaičiai

metric-campaigns = Kampanijos
    .count = { PLURAL($count) ->
        [one] kampanija
        [few] kampanijos
        [many] kampanijos
       *[other] kampanijų
    }

metric-people_reached = Pasiekta žmonių
    .count = { PLURAL($count) ->
        [one] pasiektas žmogus
        [few] pasiekti žmonės
        [many] pasiekto žmogaus
       *[other] pasiektų žmonių
    }

metric-countries = Šalys
    .count = { PLURAL($count) ->
        [one] šalis
        [few] šalys
        [many] šalies
       *[other] šalių
    }

metric-languages = Kalbos
    .count = { PLURAL($count) ->
        [one] kalba
        [few] kalbos
        [many] kalbos
       *[other] kalbų
    }

metric-continents = Žemynai
    .count = { PLURAL($count) ->
        [one] žemynas
        [few] žemynai
        [many] žemyno
       *[other] žemynų
    }

metric-people_trained = Apmokyta žmonių
    .count = { PLURAL($count) ->
        [one] apmokytas žmogus
        [few] apmokyti žmonės
        [many] apmokyto žmogaus
       *[other] apmokytų žmonių
    }

metric-respondents = Respondentai
    .count = { PLURAL($count) ->
        [one] respondentas
        [few] respondentai
        [many] respondento
       *[other] respondentų
    }

## Pasiekiamumas ir įsitraukimas socialiniuose tinkluose

metric-impressions = Parodymai
    .count = { PLURAL($count) ->
        [one] parodymas
        [few] parodymai
        [many] parodymo
       *[other] parodymų
    }

metric-reach = Pasiekiamumas
    .count = { PLURAL($count) ->
        [one] pasiektas žmogus
        [few] pasiekti žmonės
        [many] pasiekto žmogaus
       *[other] pasiektų žmonių
    }

metric-potential_reach_share = Galimo pasiekiamumo dalis

metric-landing_page_sessions = Sesijos nukreipimo puslapyje
    .count = { PLURAL($count) ->
        [one] sesija nukreipimo puslapyje
        [few] sesijos nukreipimo puslapyje
        [many] sesijos nukreipimo puslapyje
       *[other] sesijų nukreipimo puslapyje
    }

metric-website_visits = Apsilankymai tinklalapyje
    .count = { PLURAL($count) ->
        [one] apsilankymas tinklalapyje
        [few] apsilankymai tinklalapyje
        [many] apsilankymo tinklalapyje
       *[other] apsilankymų tinklalapyje
    }

metric-average_time_on_page_seconds = Vidutinė buvimo puslapyje trukmė sekundėmis
    .count = { PLURAL($count) ->
        [one] sekundė
        [few] sekundės
        [many] sekundės
       *[other] sekundžių
    }

metric-video_plays_95 = Vaizdo įrašų peržiūros iki 95 %
    .count = { PLURAL($count) ->
        [one] vaizdo įrašo peržiūra iki 95 %
        [few] vaizdo įrašų peržiūros iki 95 %
        [many] vaizdo įrašo peržiūros iki 95 %
       *[other] vaizdo įrašų peržiūrų iki 95 %
    }

metric-reactions = Reakcijos
    .count = { PLURAL($count) ->
        [one] reakcija
        [few] reakcijos
        [many] reakcijos
       *[other] reakcijų
    }

metric-shares = Pasidalijimai
    .count = { PLURAL($count) ->
        [one] pasidalijimas
        [few] pasidalijimai
        [many] pasidalijimo
       *[other] pasidalijimų
    }

metric-comments = Komentarai
    .count = { PLURAL($count) ->
        [one] komentaras
        [few] komentarai
        [many] komentaro
       *[other] komentarų
    }

metric-link_clicks = Nuorodų paspaudimai
    .count = { PLURAL($count) ->
        [one] nuorodos paspaudimas
        [few] nuorodų paspaudimai
        [many] nuorodos paspaudimo
       *[other] nuorodų paspaudimų
    }

metric-unique_link_clicks = Unikalūs nuorodų paspaudimai
    .count = { PLURAL($count) ->
        [one] unikalus nuorodos paspaudimas
        [few] unikalūs nuorodų paspaudimai
        [many] unikalaus nuorodos paspaudimo
       *[other] unikalių nuorodų paspaudimų
    }

metric-clicks = Paspaudimai
    .count = { PLURAL($count) ->
        [one] paspaudimas
        [few] paspaudimai
        [many] paspaudimo
       *[other] paspaudimų
    }

metric-click_through_rate = Paspaudimų rodiklis (CTR)

## Apklausų rezultatai (dalys, rodomos procentais)

metric-found_helpful = Apklausos respondentai, kuriems kampanija buvo naudinga

metric-contacted_organisation = Apklausos respondentai, susisiekę su organizacija

metric-saved_support_numbers = Apklausos respondentai, išsisaugoję pagalbos organizacijų telefono numerius

metric-experienced_labour_exploitation = Apklausos prieš kampaniją respondentai, patyrę išnaudojimą darbe

metric-would_behave_differently = Po vaizdo įrašo elgtųsi kitaip

metric-took_relevant_action = Ėmėsi susijusių veiksmų (pakartotinė apklausa)

metric-discussed_with_others = Aptarė temą su kitais (pakartotinė apklausa)

metric-spoke_to_employer_or_agency = Kalbėjosi su darbdaviu ar įdarbinimo agentūra (pakartotinė apklausa)

## Pokyčiai (rodomi kaip +N %)

metric-kopzi_calls_change = Skambučių į KOPŽI pokytis kampanijos mėnesį

metric-missing_persons_calls_change = Skambučių į Dingusių žmonių šeimų paramos centrą pokytis liepą, palyginti su ankstesniais metais

metric-searches_change = Paieškų pokytis, palyginti su ankstesniais metais

metric-online_conversations_change = Pokalbių internete pokytis

metric-belief_local_exploitation_change = Įsitikinimo, kad aukos išnaudojamos vietos įmonėse, pokytis

metric-confidence_identify_signs_change = Pasitikėjimo gebėjimu atpažinti požymius pokytis

metric-news_child_trafficking_change = Naujienų straipsnių apie prekybą vaikais pokytis

metric-news_human_trafficking_change = Naujienų straipsnių apie prekybą žmonėmis pokytis

metric-news_slavery_change = Naujienų straipsnių apie vergiją pokytis
