# Country (country-XX) and language (language-xx) names come from CLDR
# (ICU4X display names) in every language, for every ISO 3166-1 country.
# This file holds only overrides: a name we want instead of CLDR's in this
# language, each with a comment saying why. Other languages keep CLDR's.
#
#   # Why CLDR's name does not suit our readers.
#   country-XX = Our name
#
# No English names are overridden.
