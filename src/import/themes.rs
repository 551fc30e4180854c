//! The keyword table that sorts automatic figures into themes (`data/themes.toml`): a figure
//! goes to the theme whose keywords its label and sentence hold most, the label counting
//! double; a figure no keyword claims goes to the catch-all, the entry without keywords.

use serde::Deserialize;

use super::annotations::Words;
use super::error::Error;

/// The table shipped with the program, used unless `--themes` names another.
pub const BUILT_IN: &str = include_str!("../../data/themes.toml");

/// One theme of the table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeKeywords {
    pub id: String,
    pub label: Words,
    pub description: Words,
    /// Simplified; empty for the catch-all.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// The table, in tab order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeTable {
    #[serde(rename = "theme")]
    pub themes: Vec<ThemeKeywords>,
}

impl ThemeTable {
    /// Reads a table; an error names `file`. Exactly one theme must have no keywords.
    pub fn parse(text: &str, file: &str) -> Result<Self, Error> {
        let table: Self =
            toml::from_str(text).map_err(|error| Error::new(format!("{file}: {error}")))?;
        let catch_alls = table
            .themes
            .iter()
            .filter(|t| t.keywords.is_empty())
            .count();
        if catch_alls == 1 {
            Ok(table)
        } else {
            Err(Error::new(format!(
                "{file}: exactly one theme must have no keywords, to take the figures no \
                 keyword claims; {catch_alls} have none"
            )))
        }
    }

    /// The theme the table gives a figure with this label and sentence, among the themes
    /// `allowed`: the most keyword hits, the first in the table on a tie, else the catch-all
    /// (or, when it is not allowed, none).
    pub fn theme_of(
        &self,
        label: &str,
        sentence: &str,
        allowed: &dyn Fn(&str) -> bool,
    ) -> Option<&str> {
        let score = |theme: &ThemeKeywords| {
            theme
                .keywords
                .iter()
                .map(|word| {
                    2 * label.matches(word.as_str()).count()
                        + sentence.matches(word.as_str()).count()
                })
                .sum::<usize>()
        };
        let best = self
            .themes
            .iter()
            .filter(|theme| allowed(&theme.id))
            .map(|theme| (score(theme), theme))
            .filter(|(score, _)| *score > 0)
            .fold(
                None,
                |best: Option<(usize, &ThemeKeywords)>, (score, theme)| match best {
                    Some((top, _)) if top >= score => best,
                    _ => Some((score, theme)),
                },
            );
        best.map(|(_, theme)| theme.id.as_str()).or_else(|| {
            self.catch_all()
                .filter(|theme| allowed(&theme.id))
                .map(|theme| theme.id.as_str())
        })
    }

    /// The theme without keywords.
    pub fn catch_all(&self) -> Option<&ThemeKeywords> {
        self.themes.iter().find(|theme| theme.keywords.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ThemeTable {
        ThemeTable::parse(BUILT_IN, "themes.toml").unwrap()
    }

    #[test]
    fn the_shipped_table_has_one_catch_all_and_unique_ids() {
        let table = table();
        assert!(table.catch_all().is_some());
        for theme in &table.themes {
            assert_eq!(table.themes.iter().filter(|t| t.id == theme.id).count(), 1);
        }
    }

    #[test]
    fn the_most_keywords_win_and_nothing_goes_to_the_catch_all() {
        let table = table();
        let any = |_: &str| true;
        assert_eq!(table.theme_of("职业技能竞赛", "", &any), Some("skills"));
        assert_eq!(table.theme_of("法律援助案件", "", &any), Some("legal-aid"));
        let catch_all = table.catch_all().unwrap().id.as_str();
        assert_eq!(table.theme_of("某物", "某事", &any), Some(catch_all));
        let only_skills = |id: &str| id == "skills";
        assert_eq!(table.theme_of("法律援助案件", "", &only_skills), None);
    }

    #[test]
    fn conferences_beyond_the_unions_find_their_themes() {
        let table = table();
        let any = |_: &str| true;
        assert_eq!(
            table.theme_of("营业性货运量", "完成营业性货运量124.6亿吨", &any),
            Some("transport")
        );
        assert_eq!(
            table.theme_of("受污染耕地安全利用率", "", &any),
            Some("environment")
        );
        assert_eq!(
            table.theme_of("快递业务量年均", "全国快递业务量年均增长超过两成", &any),
            Some("transport"),
            "parcels are no courier's working conditions"
        );
    }

    #[test]
    fn a_table_needs_exactly_one_catch_all() {
        let none = "[[theme]]\nid = \"a\"\nlabel = { hans = \"甲\", en = \"A\" }\n\
                    description = { hans = \"甲\", en = \"A\" }\nkeywords = [\"甲\"]\n";
        let error = ThemeTable::parse(none, "mine.toml")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("mine.toml") && error.contains("0 have none"),
            "{error}"
        );
    }
}
