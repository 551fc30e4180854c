//! The two scripts. The scrape's traditional text was converted character by character and
//! carries wrong forms (關系, 干部, 示范, 于); converting it to simplified and then back with a
//! phrase-aware converter gives correct traditional text.

use crate::data::{Label, Text};
use zhconv::{Variant, zhconv};

/// The words in which simplified Chinese writes 著 (zhù: "marked", "to write"). The scrape
/// turned every 着 (zhe, zhuó: 沿着, 着眼, 着力) into 著, and the converter keeps 著 because
/// simplified uses it too, so every other 著 is a 着.
const ZHU_WORDS: [&str; 14] = [
    "显著", "卓著", "昭著", "名著", "专著", "论著", "原著", "巨著", "编著", "土著", "著名", "著作",
    "著称", "著述",
];

/// Whether the 著 at `at` belongs to one of [`ZHU_WORDS`].
fn in_zhu_word(chars: &[char], at: usize) -> bool {
    ZHU_WORDS.iter().any(|word| {
        let word: Vec<char> = word.chars().collect();
        word.iter().enumerate().any(|(offset, &c)| {
            c == '著'
                && at >= offset
                && chars
                    .get(at - offset..at - offset + word.len())
                    .is_some_and(|around| around == word.as_slice())
        })
    })
}

/// Simplified text with 着 wherever the scrape wrote 著 for it, and 余 for the converter's 馀,
/// which standard simplified keeps only where 余 would be ambiguous.
fn fix_hans(converted: &str) -> String {
    let chars: Vec<char> = converted.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(at, &c)| match c {
            '著' if !in_zhu_word(&chars, at) => '着',
            '馀' => '余',
            other => other,
        })
        .collect()
}

/// Where the conversion to traditional goes wrong: (its output, the right form). It reads
/// 机制作用 as 机 + 制作 + 用; writes 台 where official texts write 臺 (平臺, 出臺);
/// keeps 扎根, which traditional writes 紮根 (as the converter does 紮實); and turns
/// the source's quotation marks into corner brackets, which the source does not use.
const HANT_FIXES: [(&str, &str); 8] = [
    ("機製作用", "機制作用"),
    ("平台", "平臺"),
    ("出台", "出臺"),
    ("扎根", "紮根"),
    ("「", "“"),
    ("」", "”"),
    ("『", "‘"),
    ("』", "’"),
];

/// Traditional text as the source's other forms read: the converter keeps simplified 着,
/// where traditional writes 著 for every reading (沿著, 著眼, 顯著).
fn fix_hant(converted: &str) -> String {
    HANT_FIXES
        .iter()
        .fold(converted.replace('着', "著"), |text, (wrong, right)| {
            text.replace(wrong, right)
        })
}

/// Pairs of traditional characters that write one word either way (the converter's form,
/// the other): where a source writes the other, its traditional text keeps it. The converter
/// writes 閒 and 勳; a text from the mainland often writes 閑 and 勛, and neither is wrong.
const VARIANTS: [(char, char); 10] = [
    ('閒', '閑'),
    ('勳', '勛'),
    ('裡', '裏'),
    ('線', '綫'),
    ('眾', '衆'),
    ('為', '爲'),
    ('群', '羣'),
    ('啟', '啓'),
    ('峰', '峯'),
    ('鉤', '鈎'),
];

/// The variants of [`VARIANTS`] a traditional source writes, to keep in its traditional text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceVariants(Vec<char>);

impl SourceVariants {
    /// Notes the variants `source`, a line as the source writes it, uses.
    pub fn read(&mut self, source: &str) {
        for c in source.chars() {
            if VARIANTS.iter().any(|&(_, other)| other == c) && !self.0.contains(&c) {
                self.0.push(c);
            }
        }
    }

    /// `hant`, the converter's traditional, with each variant the source writes in place of
    /// the converter's form of the same word.
    fn apply(&self, hant: String) -> String {
        if self.0.is_empty() {
            return hant;
        }
        hant.chars()
            .map(|c| {
                VARIANTS
                    .iter()
                    .find(|&&(converted, other)| converted == c && self.0.contains(&other))
                    .map_or(c, |&(_, other)| other)
            })
            .collect()
    }
}

/// `hant` with every variant of [`VARIANTS`] in the converter's form: what the converter
/// would write, for comparing a source's traditional text with it.
pub fn in_converter_forms(hant: &str) -> String {
    hant.chars()
        .map(|c| {
            VARIANTS
                .iter()
                .find(|&&(_, other)| other == c)
                .map_or(c, |&(converted, _)| converted)
        })
        .collect()
}

/// Both scripts of a simplified text from a source, its traditional in the variants the
/// source writes.
pub fn source_text(hans: &str, variants: &SourceVariants) -> Text {
    Text {
        hans: hans.to_owned(),
        hant: variants.apply(to_hant(hans)),
    }
}

/// Simplified form of a text in either script.
pub fn to_hans(text: &str) -> String {
    fix_hans(&zhconv(text, Variant::ZhHans))
}

/// Traditional form of a simplified text.
pub fn to_hant(hans: &str) -> String {
    fix_hant(&zhconv(hans, Variant::ZhHant))
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
    fn a_source_keeps_the_variants_it_writes_and_only_those() {
        let mut variants = SourceVariants::default();
        variants.read("休閑場所，頒發勛章");
        let text = source_text("休闲场所，颁发勋章，一线职工", &variants);
        assert_eq!(text.hant, "休閑場所，頒發勛章，一線職工");
        // A source that writes no variant gets the converter's forms.
        let plain = source_text("休闲场所，颁发勋章", &SourceVariants::default());
        assert_eq!(plain.hant, "休閒場所，頒發勳章");
    }

    #[test]
    fn going_through_simplified_fixes_the_scrapes_wrong_forms() {
        let scraped = "勞動關系,干部隊伍,示范性,關于工會";
        assert_eq!(
            to_hant(&to_hans(scraped)),
            "勞動關係,幹部隊伍,示範性,關於工會"
        );
    }

    #[test]
    fn restores_simplified_zhe_but_keeps_zhu() {
        assert_eq!(
            to_hans("沿著正確方向,著眼長遠,著力構建,顯著成效,著名的著作"),
            "沿着正确方向,着眼长远,着力构建,显著成效,著名的著作"
        );
        assert_eq!(to_hans("著"), "着");
        assert_eq!(to_hans("顯著"), "显著");
        assert_eq!(
            to_hant("沿着方向，着眼长远，着力构建，显著成效"),
            "沿著方向，著眼長遠，著力構建，顯著成效"
        );
    }

    #[test]
    fn writes_yu_for_more_than_as_standard_simplified_does() {
        assert_eq!(to_hans("12餘萬人次"), "12余万人次");
        assert_eq!(to_hant("12余万人次"), "12餘萬人次");
    }

    #[test]
    fn writes_tai_and_zhagen_as_the_source_and_traditional_do() {
        assert_eq!(to_hant("平台企业出台文件"), "平臺企業出臺文件");
        assert_eq!(to_hant("扎根职工，扎实推进"), "紮根職工，紮實推進");
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
