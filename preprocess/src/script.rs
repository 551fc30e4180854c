//! The two scripts. The scrape's traditional text was converted character by character and
//! carries wrong forms (關系, 干部, 示范, 于); converting it to simplified and then back with a
//! phrase-aware converter gives correct traditional text.

use pressdash::data::{Label, Text};
use zhconv::{Variant, zhconv};

/// Where the conversion to simplified goes wrong: (its output, the right form). The scrape
/// turned 着 into 著, which simplified also uses (显著), so the converter keeps it.
const HANS_FIXES: [(&str, &str); 1] = [("沿著", "沿着")];

/// Where the conversion to traditional goes wrong: (its output, the right form). It reads
/// 机制作用 as 机 + 制作 + 用, keeps 着 after 沿, and turns the source's quotation marks into
/// corner brackets, which the source does not use.
const HANT_FIXES: [(&str, &str); 6] = [
    ("沿着", "沿著"),
    ("機製作用", "機制作用"),
    ("「", "“"),
    ("」", "”"),
    ("『", "‘"),
    ("』", "’"),
];

fn fix(converted: String, fixes: &[(&str, &str)]) -> String {
    fixes
        .iter()
        .fold(converted, |text, (wrong, right)| text.replace(wrong, right))
}

/// Simplified form of a text in either script.
pub fn to_hans(text: &str) -> String {
    fix(zhconv(text, Variant::ZhHans), &HANS_FIXES)
}

/// Traditional form of a simplified text.
pub fn to_hant(hans: &str) -> String {
    fix(zhconv(hans, Variant::ZhHant), &HANT_FIXES)
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
    fn keeps_the_sources_quotation_marks_and_reads_jizhi_right() {
        assert_eq!(to_hant("“协调机制作用”和‘制作’"), "“協調機制作用”和‘製作’");
    }

    #[test]
    fn label_converts_only_the_chinese() {
        let made = label("职工", "Workers");
        assert_eq!(made.hant, "職工");
        assert_eq!(made.en, "Workers");
    }
}
