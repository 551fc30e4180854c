//! Who speaks: the officials on the guest list and one reporter per outlet.
//!
//! Names and titles in Chinese come from the source; the English forms and the ids are ours.

use pressdash::data::Role;

/// An official on the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Official {
    /// As the transcript writes it, simplified.
    pub name: &'static str,
    pub id: &'static str,
    /// In pinyin order, family name first.
    pub name_en: &'static str,
    pub title_en: &'static str,
    pub role: Role,
}

/// The guests, in the order of the guest list.
pub const OFFICIALS: [Official; 6] = [
    Official {
        name: "张晓辉",
        id: "zhang-xiaohui",
        name_en: "Zhang Xiaohui",
        title_en: "ACFTU spokesperson; head of the Publicity and Education Department",
        role: Role::Moderator,
    },
    Official {
        name: "王利中",
        id: "wang-lizhong",
        name_en: "Wang Lizhong",
        title_en: "Head of the ACFTU Research Office",
        role: Role::Official,
    },
    Official {
        name: "索朗德吉",
        id: "suolang-deji",
        name_en: "Suolang Deji",
        title_en: "Deputy head of the ACFTU Rights Protection Department",
        role: Role::Official,
    },
    Official {
        name: "王晓峰",
        id: "wang-xiaofeng",
        name_en: "Wang Xiaofeng",
        title_en: "Head of the ACFTU Labour and Economic Work Department",
        role: Role::Official,
    },
    Official {
        name: "刘伟",
        id: "liu-wei",
        name_en: "Liu Wei",
        title_en: "Head of the ACFTU Grassroots Work Department",
        role: Role::Official,
    },
    Official {
        name: "王君伟",
        id: "wang-junwei",
        name_en: "Wang Junwei",
        title_en: "Head of the ACFTU Legal Work Department",
        role: Role::Official,
    },
];

/// A news outlet whose reporter asks a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlet {
    /// Simplified.
    pub name: &'static str,
    pub name_en: &'static str,
    /// The speaker id of its reporter.
    pub reporter_id: &'static str,
}

/// The outlets, in the order they ask.
pub const OUTLETS: [Outlet; 7] = [
    Outlet {
        name: "工人日报",
        name_en: "Workers' Daily",
        reporter_id: "reporter-workers-daily",
    },
    Outlet {
        name: "人民日报",
        name_en: "People's Daily",
        reporter_id: "reporter-peoples-daily",
    },
    Outlet {
        name: "海报新闻",
        name_en: "Haibao News",
        reporter_id: "reporter-haibao-news",
    },
    Outlet {
        name: "科技日报",
        name_en: "Science and Technology Daily",
        reporter_id: "reporter-science-and-technology-daily",
    },
    Outlet {
        name: "中国青年报",
        name_en: "China Youth Daily",
        reporter_id: "reporter-china-youth-daily",
    },
    Outlet {
        name: "中国新闻社",
        name_en: "China News Service",
        reporter_id: "reporter-china-news-service",
    },
    Outlet {
        name: "法治日报",
        name_en: "Legal Daily",
        reporter_id: "reporter-legal-daily",
    },
];

/// How the transcript names a reporter before their words.
pub const REPORTER_SUFFIX: &str = "记者";

/// A speaker as the transcript names them, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Official(&'static Official),
    Reporter(&'static Outlet),
}

impl Who {
    pub fn id(self) -> &'static str {
        match self {
            Self::Official(official) => official.id,
            Self::Reporter(outlet) => outlet.reporter_id,
        }
    }

    pub fn role(self) -> Role {
        match self {
            Self::Official(official) => official.role,
            Self::Reporter(_) => Role::Reporter,
        }
    }
}

/// The official with this simplified name.
pub fn official(name: &str) -> Option<&'static Official> {
    OFFICIALS.iter().find(|official| official.name == name)
}

/// Who a name before a colon stands for: an official, or `<outlet>记者`.
pub fn who(name: &str) -> Option<Who> {
    if let Some(found) = official(name) {
        return Some(Who::Official(found));
    }
    let outlet = name.strip_suffix(REPORTER_SUFFIX)?;
    OUTLETS
        .iter()
        .find(|known| known.name == outlet)
        .map(Who::Reporter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_officials_and_reporters() {
        assert_eq!(who("刘伟").map(Who::id), Some("liu-wei"));
        assert_eq!(
            who("法治日报记者").map(Who::id),
            Some("reporter-legal-daily")
        );
        assert_eq!(who("法治日报"), None);
        assert_eq!(who("某某"), None);
    }

    #[test]
    fn ids_are_unique_kebab_case() {
        let ids: Vec<&str> = OFFICIALS
            .iter()
            .map(|o| o.id)
            .chain(OUTLETS.iter().map(|o| o.reporter_id))
            .collect();
        for id in &ids {
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
            assert_eq!(ids.iter().filter(|other| *other == id).count(), 1, "{id}");
        }
    }
}
