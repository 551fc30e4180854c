//! The two scripts. The scrape's traditional text was converted character by character and
//! carries wrong forms (關系, 干部, 示范, 于); converting it to simplified and then back with a
//! phrase-aware converter gives correct traditional text.

use pressdash::data::{Label, Text};
use zhconv::{Variant, zhconv};

/// Phrases the converter gets wrong, as (simplified, traditional). The scrape turned 着 into
/// 著, which simplified also uses (显著); the converter keeps either form as it finds it.
const PHRASES: [(&str, &str); 1] = [("沿着", "沿著")];

/// Simplified form of a text in either script.
pub fn to_hans(text: &str) -> String {
    PHRASES
        .iter()
        .fold(zhconv(text, Variant::ZhHans), |converted, (hans, hant)| {
            converted.replace(hant, hans)
        })
}

/// Traditional form of a simplified text.
pub fn to_hant(hans: &str) -> String {
    PHRASES
        .iter()
        .fold(zhconv(hans, Variant::ZhHant), |converted, (hans, hant)| {
            converted.replace(hans, hant)
        })
}

/// Both scripts of a simplified text.
pub fn text(hans: &str) -> Text {
    Text {
        hans: hans.to_owned(),
        hant: to_hant(hans),
    }
}

/// A label from its simplified and English forms.
pub fn label(hans: &str, en: &str) -> Label {
    Label {
        hans: hans.to_owned(),
        hant: to_hant(hans),
        en: en.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn going_through_simplified_fixes_the_scrapes_wrong_forms() {
        let scraped = "勞動關系,干部隊伍,示范性,關于工會";
        assert_eq!(
            to_hant(&to_hans(scraped)),
            "勞動關係,幹部隊伍,示範性,關於工會"
        );
    }

    #[test]
    fn restores_the_simplified_zhe_particle() {
        assert_eq!(to_hans("沿著正確方向,顯著成效"), "沿着正确方向,显著成效");
        assert_eq!(to_hant("沿着"), "沿著");
    }

    #[test]
    fn label_converts_only_the_chinese() {
        let made = label("职工", "Workers");
        assert_eq!(made.hant, "職工");
        assert_eq!(made.en, "Workers");
    }
}
