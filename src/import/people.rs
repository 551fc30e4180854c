//! Who speaks: found in the transcript (the guest list, the chair line, the names before the
//! turns), with the English forms and ids a person may give in the annotations.
//!
//! Names and titles in Chinese come from the source; everything else is either annotated or
//! derived plainly (an id by order of appearance, the Chinese form standing in for English).

use crate::data::{Role, Speaker};

use super::annotations::SpeakerEntry;
use super::script::label;

/// How a transcript names a reporter before their words: `工人日报记者`, or `记者` alone.
pub const REPORTER_SUFFIX: &str = "记者";

/// The longest name a turn may open with, in characters: a person's name with a title
/// (`主持人张晓辉`) or an outlet's reporter (`中国新闻社记者`).
const LONGEST_NAME: usize = 16;

/// One speaker as found, in simplified Chinese, with what the annotations add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As the transcript names them before their words (王利中, 工人日报记者).
    pub name: String,
    /// Their position as introduced (全国总工会研究室主任); for a reporter, the outlet.
    pub title: String,
    pub role: Role,
    pub id: String,
    pub name_en: String,
    pub title_en: String,
}

/// The speakers of one transcript, in the order the dataset lists them: the guests as
/// introduced, then anyone else who speaks, then the reporters in the order they ask.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cast {
    people: Vec<Person>,
}

/// Whether `name` names a reporter.
pub fn is_reporter(name: &str) -> bool {
    name.ends_with(REPORTER_SUFFIX)
}

/// Whether a text before a colon can be a speaker's name: short, no sentence punctuation,
/// no digits (a clock time or a list), Chinese.
pub fn can_be_name(text: &str) -> bool {
    let count = text.chars().count();
    (2..=LONGEST_NAME).contains(&count)
        && text
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '·' || c == '•' || c == '・')
}

impl Cast {
    /// Adds a speaker unless one of that name is known; the title is kept from the first
    /// mention that gives one.
    pub fn add(&mut self, name: &str, title: &str, role: Role) {
        if let Some(known) = self.people.iter_mut().find(|p| p.name == name) {
            if known.title.is_empty() {
                title.clone_into(&mut known.title);
            }
            if role == Role::Moderator {
                known.role = role;
            }
            return;
        }
        self.people.push(Person {
            name: name.to_owned(),
            title: title.to_owned(),
            role,
            id: String::new(),
            name_en: String::new(),
            title_en: String::new(),
        });
    }

    /// Makes `name` the moderator, adding them if unknown.
    pub fn chair(&mut self, name: &str) {
        self.add(name, "", Role::Moderator);
    }

    /// The speaker named `name`.
    pub fn find(&self, name: &str) -> Option<&Person> {
        self.people.iter().find(|person| person.name == name)
    }

    /// Whether a name before a colon is one of this cast, or a reporter.
    pub fn knows(&self, name: &str) -> bool {
        self.find(name).is_some() || is_reporter(name)
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Gives every speaker an id and English forms: the annotated ones where the
    /// annotations name the speaker, otherwise `speaker-N` / `reporter-N` and no English. Reporters go last, in the order they were added.
    pub fn settle(&mut self, annotated: &[SpeakerEntry]) {
        let (mut reporters, others): (Vec<Person>, Vec<Person>) = std::mem::take(&mut self.people)
            .into_iter()
            .partition(|p| p.role == Role::Reporter);
        self.people = others;
        self.people.append(&mut reporters);
        let (mut officials, mut asking) = (0, 0);
        for person in &mut self.people {
            let counter = if person.role == Role::Reporter {
                &mut asking
            } else {
                &mut officials
            };
            *counter += 1;
            let number = *counter;
            if let Some(entry) = annotated.iter().find(|entry| entry.name == person.name) {
                person.id.clone_from(&entry.id);
                person.name_en.clone_from(&entry.en);
                person.title_en.clone_from(&entry.title_en);
            } else {
                person.id = match person.role {
                    Role::Reporter => format!("reporter-{number}"),
                    _ => format!("speaker-{number}"),
                };
            }
            // A speaker without a title is shown by name, in both languages; English that
            // no annotation gives stays empty, and the reader falls back to the Chinese.
            if person.title.is_empty() {
                person.title.clone_from(&person.name);
                person.title_en.clone_from(&person.name_en);
            }
        }
    }

    /// The speaker records of the dataset.
    pub fn speakers(&self) -> Vec<Speaker> {
        self.people
            .iter()
            .map(|person| Speaker {
                id: person.id.clone(),
                name: label(&person.name, &person.name_en),
                title: label(&person.title, &person.title_en),
                role: person.role,
            })
            .collect()
    }
}

/// The outlet of a reporter's name (`工人日报记者` → `工人日报`); empty for `记者` alone.
pub fn outlet(name: &str) -> &str {
    name.strip_suffix(REPORTER_SUFFIX).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, id: &str) -> SpeakerEntry {
        SpeakerEntry {
            name: name.to_owned(),
            id: id.to_owned(),
            en: format!("{id} in English"),
            title_en: String::new(),
        }
    }

    #[test]
    fn names_are_short_chinese_words() {
        assert!(can_be_name("刘伟"));
        assert!(can_be_name("工人日报记者"));
        assert!(!can_be_name("时"));
        assert!(!can_be_name("16"));
        assert!(!can_be_name("一是，我们"));
        assert!(!can_be_name(
            "我们认为这是一件非常重要而且需要长期坚持下去的事情"
        ));
    }

    #[test]
    fn settles_ids_from_annotations_or_order_and_puts_reporters_last() {
        let mut cast = Cast::default();
        cast.add("甲某", "主任", Role::Official);
        cast.add("乙报记者", "乙报", Role::Reporter);
        cast.chair("丙某");
        cast.add("甲某", "副主任", Role::Official);
        cast.add("记者", "", Role::Reporter);
        cast.settle(&[entry("丙某", "bing")]);
        let ids: Vec<&str> = cast.people().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["speaker-1", "bing", "reporter-1", "reporter-2"]);
        let first = &cast.people()[0];
        assert_eq!(
            (
                first.title.as_str(),
                first.name_en.as_str(),
                first.title_en.as_str()
            ),
            ("主任", "", ""),
            "no English is made up for a speaker the annotations do not name"
        );
        let chair = &cast.people()[1];
        assert_eq!(chair.role, Role::Moderator);
        assert_eq!(
            (chair.name_en.as_str(), chair.title_en.as_str()),
            ("bing in English", "bing in English"),
            "a speaker without a title is shown by name in English too"
        );
        assert_eq!(cast.people()[3].title, "记者", "a title is never empty");
        assert!(cast.knows("丁报记者") && !cast.knows("丁某"));
        assert_eq!(outlet("乙报记者"), "乙报");
    }
}
