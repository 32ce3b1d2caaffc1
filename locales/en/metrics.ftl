# Labels for the metric keys used in content/ (report headlines, campaign
# audiences and results). `metric-<key>` is the label (table header, axis
# title); `.lower` is the same name mid-sentence (lower case); `.count` is the
# noun after a number, chosen with PLURAL().

## Headline figures

metric-campaigns = Campaigns
    .lower = campaigns
    .count = { PLURAL($count) ->
        [one] campaign
       *[other] campaigns
    }

metric-people_reached = People reached
    .lower = people reached
    .count = { PLURAL($count) ->
        [one] person reached
       *[other] people reached
    }

metric-countries = Countries
    .lower = countries
    .count = { PLURAL($count) ->
        [one] country
       *[other] countries
    }

metric-languages = Languages
    .lower = languages
    .count = { PLURAL($count) ->
        [one] language
       *[other] languages
    }

metric-continents = Continents
    .lower = continents
    .count = { PLURAL($count) ->
        [one] continent
       *[other] continents
    }

metric-people_trained = People trained
    .lower = people trained
    .count = { PLURAL($count) ->
        [one] person trained
       *[other] people trained
    }

metric-respondents = Respondents
    .lower = respondents
    .count = { PLURAL($count) ->
        [one] respondent
       *[other] respondents
    }

## Reach and engagement on social media

metric-impressions = Impressions
    .lower = impressions
    .count = { PLURAL($count) ->
        [one] impression
       *[other] impressions
    }

metric-reach = Reach
    .lower = reach
    .count = { PLURAL($count) ->
        [one] person reached
       *[other] people reached
    }

metric-potential_reach_share = Share of potential reach
    .lower = share of potential reach

metric-landing_page_sessions = Landing page sessions
    .lower = landing page sessions
    .count = { PLURAL($count) ->
        [one] landing page session
       *[other] landing page sessions
    }

metric-website_visits = Website visits
    .lower = website visits
    .count = { PLURAL($count) ->
        [one] website visit
       *[other] website visits
    }

metric-average_time_on_page_seconds = Average time on page, in seconds
    .lower = average time on page, in seconds
    .count = { PLURAL($count) ->
        [one] second on the page on average
       *[other] seconds on the page on average
    }

metric-video_plays_95 = Video plays at 95%
    .lower = video plays at 95%
    .count = { PLURAL($count) ->
        [one] video play at 95%
       *[other] video plays at 95%
    }

metric-reactions = Reactions
    .lower = reactions
    .count = { PLURAL($count) ->
        [one] reaction
       *[other] reactions
    }

metric-shares = Shares
    .lower = shares
    .count = { PLURAL($count) ->
        [one] share
       *[other] shares
    }

metric-comments = Comments
    .lower = comments
    .count = { PLURAL($count) ->
        [one] comment
       *[other] comments
    }

metric-link_clicks = Link clicks
    .lower = link clicks
    .count = { PLURAL($count) ->
        [one] link click
       *[other] link clicks
    }

metric-unique_link_clicks = Unique link clicks
    .lower = unique link clicks
    .count = { PLURAL($count) ->
        [one] unique link click
       *[other] unique link clicks
    }

metric-clicks = Clicks
    .lower = clicks
    .count = { PLURAL($count) ->
        [one] click
       *[other] clicks
    }

metric-click_through_rate = Click-through rate (CTR)
    .lower = click-through rate (CTR)

## Survey findings (shares, shown as percentages)

metric-found_helpful = Survey respondents who found the campaign helpful
    .lower = survey respondents who found the campaign helpful

metric-contacted_organisation = Survey respondents who contacted an organisation
    .lower = survey respondents who contacted an organisation

metric-saved_support_numbers = Survey respondents who saved support organisations' numbers
    .lower = survey respondents who saved support organisations' numbers

metric-experienced_labour_exploitation = Pre-survey respondents who had experienced labour exploitation
    .lower = pre-survey respondents who had experienced labour exploitation

metric-would_behave_differently = Would behave differently after the video
    .lower = would behave differently after the video

metric-took_relevant_action = Had taken a relevant action (follow-up survey)
    .lower = had taken a relevant action (follow-up survey)

metric-discussed_with_others = Had discussed it with others (follow-up survey)
    .lower = had discussed it with others (follow-up survey)

metric-spoke_to_employer_or_agency = Had spoken to an employer or recruitment agency (follow-up survey)
    .lower = had spoken to an employer or recruitment agency (follow-up survey)

## Changes (shown as +N%)

metric-kopzi_calls_change = Change in calls to KOPŽI in the campaign month
    .lower = change in calls to KOPŽI in the campaign month

metric-missing_persons_calls_change = Change in calls to the Missing Persons' Families Support Centre in July, year on year
    .lower = change in calls to the Missing Persons' Families Support Centre in July, year on year

metric-searches_change = Change in searches, year on year
    .lower = change in searches, year on year

metric-online_conversations_change = Change in online conversations
    .lower = change in online conversations

metric-belief_local_exploitation_change = Change in the belief that victims are exploited in local businesses
    .lower = change in the belief that victims are exploited in local businesses

metric-confidence_identify_signs_change = Change in confidence to identify the signs
    .lower = change in confidence to identify the signs

metric-news_child_trafficking_change = Change in news articles on child trafficking
    .lower = change in news articles on child trafficking

metric-news_human_trafficking_change = Change in news articles on human trafficking
    .lower = change in news articles on human trafficking

metric-news_slavery_change = Change in news articles on slavery
    .lower = change in news articles on slavery
