# Names of countries (ISO 3166-1 alpha-2: country-XX) and of languages
# (ISO 639-1: language-xx) used in campaign.yaml. Add the ones you need,
# in every language.

country-AF = Afghanistan
country-AL = Albania
country-BE = Belgium
country-BG = Bulgaria
country-BR = Brazil
country-CN = China
country-CO = Colombia
country-DE = Germany
country-EE = Estonia
country-ER = Eritrea
country-ES = Spain
country-FR = France
country-GB = United Kingdom
country-GR = Greece
country-ID = Indonesia
country-IE = Ireland
country-IN = India
country-IQ = Iraq
country-IR = Iran
country-IT = Italy
country-LT = Lithuania
country-LV = Latvia
country-MX = Mexico
country-NG = Nigeria
country-NL = Netherlands
country-PH = Philippines
country-PL = Poland
country-PT = Portugal
country-RO = Romania
country-SD = Sudan
country-SY = Syria
country-TR = Turkey
country-UA = Ukraine
country-US = United States
country-VE = Venezuela
country-VN = Vietnam

language-ar = Arabic
language-en = English
language-es = Spanish
language-fa = Persian
language-id = Indonesian
language-lt = Lithuanian
language-pl = Polish
language-pt = Portuguese
language-ro = Romanian
language-ru = Russian
language-tl = Tagalog
language-uk = Ukrainian
language-vi = Vietnamese
