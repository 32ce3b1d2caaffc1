//! Names of countries and languages from CLDR (ICU4X display names), in
//! every language CLDR covers, and which codes are countries at all.
//!
//! CLDR names more than countries (`EU`, `ZZ`, `419`), so validity is a
//! list kept here: the 249 ISO 3166-1 alpha-2 codes. A site's Fluent
//! message `country-XX` / `language-xx` overrides a name (l10n/mod.rs).

use icu_experimental::displaynames::multi::{LanguageDisplayNames, RegionDisplayNames};
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_locale_core::subtags::{Language, Region};
use icu_locale_core::Locale;

/// Country and language names in one language.
pub struct Names {
    regions: RegionDisplayNames,
    languages: LanguageDisplayNames,
}

impl Names {
    /// The names CLDR has for `locale`.
    pub fn new(locale: &Locale) -> Result<Names, icu_provider::DataError> {
        let options = DisplayNamesOptions::default();
        Ok(Names {
            regions: RegionDisplayNames::try_new(locale.clone().into(), options)?,
            languages: LanguageDisplayNames::try_new(locale.clone().into(), options)?,
        })
    }

    /// The name of the country `code` (`NO` -> "Norway" / "Norvegija").
    pub fn country(&self, code: &str) -> Option<&str> {
        if !is_country(code) {
            return None;
        }
        self.regions.of(Region::try_from_str(code).ok()?)
    }

    /// The name of the language `code` (`lt` -> "Lithuanian" / "lietuvių").
    pub fn language(&self, code: &str) -> Option<&str> {
        self.languages.of(Language::try_from_str(code).ok()?)
    }
}

/// Whether `code` is an ISO 3166-1 alpha-2 country code (upper case).
pub fn is_country(code: &str) -> bool {
    ISO_3166_1.binary_search(&code).is_ok()
}

/// The right code for a common wrong one, with a word on why.
pub fn country_hint(code: &str) -> Option<&'static str> {
    Some(match code {
        "UK" => "the United Kingdom's ISO code is GB (UK is reserved, not assigned)",
        "EL" => "Greece's ISO code is GR (EL is the European Union's own abbreviation)",
        "EN" => "EN is not a country: England is part of GB (the United Kingdom)",
        "EU" => "the European Union is not a country: list its member countries",
        "SP" => "Spain's ISO code is ES",
        "KO" => "South Korea's ISO code is KR",
        "XK" => "XK (Kosovo) is a user-assigned code, not in ISO 3166-1: to use it, name it with `country-XK = …` in locales/<language>/ for every language",
        _ => return None,
    })
}

/// ISO 3166-1 alpha-2, sorted (as of 2024: 249 codes).
const ISO_3166_1: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(locale: &str) -> Names {
        Names::new(&Locale::try_from_str(locale).unwrap()).unwrap()
    }

    #[test]
    fn the_country_list_is_sorted_and_cldr_names_every_code() {
        assert!(ISO_3166_1.windows(2).all(|w| w[0] < w[1]));
        let (en, lt) = (names("en"), names("lt"));
        for code in ISO_3166_1 {
            assert!(en.country(code).is_some(), "no English name for {code}");
            assert!(lt.country(code).is_some(), "no Lithuanian name for {code}");
        }
    }

    #[test]
    fn names_come_from_cldr_in_each_language() {
        let (en, lt) = (names("en-GB"), names("lt"));
        assert_eq!(en.country("NO"), Some("Norway"));
        assert_eq!(lt.country("NO"), Some("Norvegija"));
        assert_eq!(lt.country("MD"), Some("Moldova"));
        assert_eq!(en.country("BA"), Some("Bosnia & Herzegovina"));
        assert_eq!(lt.language("lt"), Some("lietuvių"));
        assert_eq!(en.language("ro"), Some("Romanian"));
    }

    #[test]
    fn codes_cldr_names_but_iso_does_not_assign_are_not_countries() {
        let en = names("en");
        for code in [
            "ZZ", "EU", "UK", "EL", "XK", "QO", "UN", "EZ", "gb", "GBR", "",
        ] {
            assert!(!is_country(code), "{code}");
            assert_eq!(en.country(code), None, "{code}");
        }
        assert!(country_hint("UK").unwrap().contains("GB"));
        assert!(country_hint("EL").unwrap().contains("GR"));
    }
}
