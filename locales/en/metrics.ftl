# Labels for the metric keys used in content/ (report headlines, campaign
# audiences and results). `metric-<key>` is the label (table header, axis
# title); `.kind` declares what its values are (count, share, money or
# change; here only, not in other languages), and every value in content/ is
# checked against it; `.lower` is the same name mid-sentence (lower case);
# `.count` is the noun after a number, chosen with PLURAL().

## Headline figures

metric-campaigns = Campaigns
    .kind = count
    .lower = campaigns
    .count = { PLURAL($count) ->
        [one] campaign
       *[other] campaigns
    }

metric-people_reached = People reached
    .kind = count
    .lower = people reached
    .count = { PLURAL($count) ->
        [one] person reached
       *[other] people reached
    }

metric-countries = Countries
    .kind = count
    .lower = countries
    .count = { PLURAL($count) ->
        [one] country
       *[other] countries
    }

metric-languages = Languages
    .kind = count
    .lower = languages
    .count = { PLURAL($count) ->
        [one] language
       *[other] languages
    }

metric-continents = Continents
    .kind = count
    .lower = continents
    .count = { PLURAL($count) ->
        [one] continent
       *[other] continents
    }

metric-people_trained = People trained
    .kind = count
    .lower = people trained
    .count = { PLURAL($count) ->
        [one] person trained
       *[other] people trained
    }

metric-respondents = Respondents
    .kind = count
    .lower = respondents
    .count = { PLURAL($count) ->
        [one] respondent
       *[other] respondents
    }

## Reach and engagement on social media

metric-impressions = Impressions
    .kind = count
    .lower = impressions
    .count = { PLURAL($count) ->
        [one] impression
       *[other] impressions
    }

metric-reach = Reach
    .kind = count
    .lower = reach
    .count = { PLURAL($count) ->
        [one] person reached
       *[other] people reached
    }

metric-potential_reach_share = Share of potential reach
    .kind = share
    .lower = share of potential reach

metric-landing_page_sessions = Landing page sessions
    .kind = count
    .lower = landing page sessions
    .count = { PLURAL($count) ->
        [one] landing page session
       *[other] landing page sessions
    }

metric-website_visits = Website visits
    .kind = count
    .lower = website visits
    .count = { PLURAL($count) ->
        [one] website visit
       *[other] website visits
    }

# A duration (`{ seconds: 113 }`), shown in minutes and seconds.
metric-average_time_on_page = Average time on page
    .kind = duration
    .lower = average time on page

metric-average_time_on_page_seconds = Average time on page, in seconds
    .kind = count
    .lower = average time on page, in seconds
    .count = { PLURAL($count) ->
        [one] second on the page on average
       *[other] seconds on the page on average
    }

metric-video_plays_95 = Video plays at 95%
    .kind = count
    .lower = video plays at 95%
    .count = { PLURAL($count) ->
        [one] video play at 95%
       *[other] video plays at 95%
    }

metric-reactions = Reactions
    .kind = count
    .lower = reactions
    .count = { PLURAL($count) ->
        [one] reaction
       *[other] reactions
    }

metric-shares = Shares
    .kind = count
    .lower = shares
    .count = { PLURAL($count) ->
        [one] share
       *[other] shares
    }

metric-comments = Comments
    .kind = count
    .lower = comments
    .count = { PLURAL($count) ->
        [one] comment
       *[other] comments
    }

metric-link_clicks = Link clicks
    .kind = count
    .lower = link clicks
    .count = { PLURAL($count) ->
        [one] link click
       *[other] link clicks
    }

metric-unique_link_clicks = Unique link clicks
    .kind = count
    .lower = unique link clicks
    .count = { PLURAL($count) ->
        [one] unique link click
       *[other] unique link clicks
    }

metric-clicks = Clicks
    .kind = count
    .lower = clicks
    .count = { PLURAL($count) ->
        [one] click
       *[other] clicks
    }

metric-click_through_rate = Click-through rate (CTR)
    .kind = share
    .lower = click-through rate (CTR)

## Survey findings (shares, shown as percentages)

metric-found_helpful = Survey respondents who found the campaign helpful
    .kind = share
    .lower = survey respondents who found the campaign helpful

metric-contacted_organisation = Survey respondents who contacted an organisation
    .kind = share
    .lower = survey respondents who contacted an organisation

metric-saved_support_numbers = Survey respondents who saved support organisations' numbers
    .kind = share
    .lower = survey respondents who saved support organisations' numbers

metric-experienced_labour_exploitation = Pre-survey respondents who had experienced labour exploitation
    .kind = share
    .lower = pre-survey respondents who had experienced labour exploitation

metric-would_behave_differently = Would behave differently after the video
    .kind = share
    .lower = would behave differently after the video

metric-took_relevant_action = Had taken a relevant action (follow-up survey)
    .kind = share
    .lower = had taken a relevant action (follow-up survey)

metric-discussed_with_others = Had discussed it with others (follow-up survey)
    .kind = share
    .lower = had discussed it with others (follow-up survey)

metric-spoke_to_employer_or_agency = Had spoken to an employer or recruitment agency (follow-up survey)
    .kind = share
    .lower = had spoken to an employer or recruitment agency (follow-up survey)

## Changes (shown as +N%)

metric-kopzi_calls_change = Change in calls to KOPŽI in the campaign month
    .kind = change
    .lower = change in calls to KOPŽI in the campaign month

metric-missing_persons_calls_change = Change in calls to the Missing Persons' Families Support Centre in July, year on year
    .kind = change
    .lower = change in calls to the Missing Persons' Families Support Centre in July, year on year

metric-searches_change = Change in searches, year on year
    .kind = change
    .lower = change in searches, year on year

metric-online_conversations_change = Change in online conversations
    .kind = change
    .lower = change in online conversations

metric-belief_local_exploitation_change = Change in the belief that victims are exploited in local businesses
    .kind = change
    .lower = change in the belief that victims are exploited in local businesses

metric-confidence_identify_signs_change = Change in confidence to identify the signs
    .kind = change
    .lower = change in confidence to identify the signs

metric-news_child_trafficking_change = Change in news articles on child trafficking
    .kind = change
    .lower = change in news articles on child trafficking

metric-news_human_trafficking_change = Change in news articles on human trafficking
    .kind = change
    .lower = change in news articles on human trafficking

metric-news_slavery_change = Change in news articles on slavery
    .kind = change
    .lower = change in news articles on slavery
