//! Reading the cleaned scrape: the metadata around the transcript, and the transcript as
//! paragraphs with their speakers.
//!
//! Layout of the scrape (non-empty lines): breadcrumb, title, timestamp, lede, guest list,
//! time, `张晓辉主持`, the transcript, `来源：…`, `（责编：…）`, and a line of place names
//! that is search-engine spam. Everything here works on simplified text with full-width
//! punctuation restored.

use pressdash::data::{Meta, Speaker, Text};

use crate::error::Error;
use crate::people::{self, Official, Who};
use crate::punctuation;
use crate::repair::{self, Repairs};
use crate::script::{self, label};

/// Where the dataset says it was built from.
pub const RAW_FILE: &str = "data/raw/000_d46a46a87dc0840e.txt";

const TITLE_EN: &str = "Press conference on the achievements and experience of trade union \
                        work since the 18th National Congress of the Communist Party of China";
const ORGANISER_EN: &str = "ACFTU News Center";
const PUBLISHER_EN: &str = "CPC News";
const SOURCE_CREDIT_EN: &str = "All-China Federation of Trade Unions";

/// One line of the cleaned scrape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based, as in the raw file.
    pub number: usize,
    /// Simplified, punctuation restored, surrounding whitespace trimmed.
    pub text: String,
}

/// A paragraph of the transcript with its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    pub line: usize,
    pub who: Who,
    /// The paragraph opened with the speaker's name.
    pub turn_start: bool,
    /// Without the name.
    pub text: String,
}

/// A guest as the guest list introduces them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guest {
    pub official: &'static Official,
    /// Simplified, e.g. 全国总工会研究室主任.
    pub title: String,
}

/// The scrape, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub meta: Meta,
    pub guests: Vec<Guest>,
    pub transcript: Vec<Spoken>,
}

/// The non-empty lines of the scrape after repair, pinyin stripping, punctuation
/// restoration and conversion to simplified.
pub fn clean_lines(raw: &str, repairs: &Repairs) -> Result<Vec<Line>, Error> {
    let cleaned = repair::clean(raw, repairs)?;
    Ok(cleaned
        .split('\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let trimmed = line.trim_matches(|c: char| c.is_whitespace());
            (!trimmed.is_empty()).then(|| Line {
                number: i + 1,
                text: script::to_hans(&punctuation::restore(trimmed)),
            })
        })
        .collect())
}

/// Takes the next line, failing with what was expected there.
fn next_line<'a>(
    lines: &mut impl Iterator<Item = &'a Line>,
    what: &str,
) -> Result<&'a Line, Error> {
    lines
        .next()
        .ok_or_else(|| Error::new(format!("the scrape ends before its {what}")))
}

fn unexpected(line: &Line, what: &str) -> Error {
    Error::new(format!(
        "line {} should be the {what}, but reads: {}",
        line.number, line.text
    ))
}

/// `2022年08月01日16:27` → `2022-08-01 16:27`.
fn parse_timestamp(line: &Line) -> Result<String, Error> {
    let digits: Vec<&str> = line
        .text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .collect();
    match digits.as_slice() {
        [year, month, day, hour, minute]
            if year.len() == 4 && [month, day, hour, minute].iter().all(|p| p.len() == 2) =>
        {
            Ok(format!("{year}-{month}-{day} {hour}:{minute}"))
        }
        _ => Err(unexpected(
            line,
            "publication timestamp (YYYY年MM月DD日HH:MM)",
        )),
    }
}

/// `出席嘉宾：<title><name>；…` → the guests in order.
fn parse_guests(line: &Line) -> Result<Vec<Guest>, Error> {
    let list = line
        .text
        .strip_prefix("出席嘉宾：")
        .ok_or_else(|| unexpected(line, "guest list (出席嘉宾：…)"))?;
    list.split('；')
        .map(|entry| {
            people::OFFICIALS
                .iter()
                .find_map(|official| {
                    entry.strip_suffix(official.name).map(|title| Guest {
                        official,
                        title: title.to_owned(),
                    })
                })
                .ok_or_else(|| {
                    Error::new(format!(
                        "line {}: guest entry \"{entry}\" ends with no known name",
                        line.number
                    ))
                })
        })
        .collect()
}

/// The speaker a paragraph opens with, if it opens with `name：`.
fn speaker_prefix(text: &str) -> Option<(Who, &str)> {
    let (name, words) = text.split_once('：')?;
    people::who(name).map(|who| (who, words))
}

/// The official a subhead such as `刘伟回答记者提问` announces, if the line is one.
fn subhead(text: &str) -> Option<&'static Official> {
    let name = text
        .strip_suffix("介绍有关情况并回答记者提问")
        .or_else(|| text.strip_suffix("回答记者提问"))?;
    people::official(name)
}

/// The transcript lines as paragraphs with speakers, subheads dropped (but checked against
/// who then speaks).
fn parse_transcript(lines: &[&Line]) -> Result<Vec<Spoken>, Error> {
    let mut spoken: Vec<Spoken> = Vec::new();
    let mut announced: Option<(&Line, &Official)> = None;
    let mut problems = Vec::new();
    for line in lines {
        if let Some(official) = subhead(&line.text) {
            announced = Some((line, official));
            continue;
        }
        if let Some((who, words)) = speaker_prefix(&line.text) {
            if let Some((subhead_line, official)) = announced.take()
                && who != Who::Official(official)
            {
                problems.push(format!(
                    "line {}: the subhead announces {}, but {} speaks next",
                    subhead_line.number,
                    official.name,
                    who.id()
                ));
            }
            spoken.push(Spoken {
                line: line.number,
                who,
                turn_start: true,
                text: words.to_owned(),
            });
        } else if let Some(previous) = spoken.last() {
            spoken.push(Spoken {
                line: line.number,
                who: previous.who,
                turn_start: false,
                text: line.text.clone(),
            });
        } else {
            problems.push(format!(
                "line {}: the transcript must open with a speaker's name, but reads: {}",
                line.number, line.text
            ));
        }
    }
    Error::check(problems)?;
    Ok(spoken)
}

/// Reads the raw scrape.
pub fn read(raw: &str, repairs: &Repairs) -> Result<Source, Error> {
    let lines = clean_lines(raw, repairs)?;
    let mut iter = lines.iter();

    let breadcrumb = next_line(&mut iter, "breadcrumb")?;
    let publisher = breadcrumb
        .text
        .split_once(">>")
        .map(|(site, _)| site)
        .ok_or_else(|| unexpected(breadcrumb, "breadcrumb (site>>section)"))?;
    let title = next_line(&mut iter, "title")?;
    let published = parse_timestamp(next_line(&mut iter, "timestamp")?)?;
    let lede = next_line(&mut iter, "lede")?;
    let organiser = lede
        .text
        .split_once('，')
        .and_then(|(_, rest)| rest.split_once("举行"))
        .map(|(organiser, _)| organiser)
        .ok_or_else(|| unexpected(lede, "lede (date，organiser举行…)"))?;
    let guests = parse_guests(next_line(&mut iter, "guest list")?)?;
    let time = next_line(&mut iter, "time line")?;
    let event_date = time
        .text
        .strip_prefix("时间：")
        .map(str::trim)
        .filter(|date| date.len() == 10)
        .ok_or_else(|| unexpected(time, "time line (时间：YYYY-MM-DD)"))?;
    let chair = next_line(&mut iter, "chair line")?;
    if !chair.text.ends_with("主持") {
        return Err(unexpected(chair, "chair line (…主持)"));
    }

    let rest: Vec<&Line> = iter.collect();
    let credit_at = rest
        .iter()
        .position(|line| line.text.starts_with("来源："))
        .ok_or_else(|| Error::new("the scrape has no source line (来源：…)"))?;
    let (transcript_lines, back_matter) = rest.split_at(credit_at);
    let source_credit = &back_matter[0].text["来源：".len()..];
    let editors_line = back_matter
        .get(1)
        .ok_or_else(|| Error::new("the scrape ends before its editors line"))?;
    let editors = editors_line
        .text
        .strip_prefix("（责编：")
        .and_then(|names| names.strip_suffix('）'))
        .ok_or_else(|| unexpected(editors_line, "editors line (（责编：…）)"))?;
    // Whatever follows the editors is the place-name spam; make sure it is only that.
    for spam in &back_matter[2..] {
        if !spam.text.contains('|') {
            return Err(unexpected(spam, "list of place names after the editors"));
        }
    }

    let meta = Meta {
        title: label(&title.text, TITLE_EN),
        event_date: event_date.to_owned(),
        published,
        organiser: label(organiser, ORGANISER_EN),
        publisher: label(publisher, PUBLISHER_EN),
        source_credit: label(source_credit, SOURCE_CREDIT_EN),
        editors: editors.split('、').map(script::text).collect::<Vec<Text>>(),
        raw_file: RAW_FILE.to_owned(),
    };
    Ok(Source {
        meta,
        guests,
        transcript: parse_transcript(transcript_lines)?,
    })
}

/// The speaker records: the guests with their titles, then one reporter per outlet.
pub fn speakers(guests: &[Guest]) -> Vec<Speaker> {
    let officials = guests.iter().map(|guest| Speaker {
        id: guest.official.id.to_owned(),
        name: label(guest.official.name, guest.official.name_en),
        title: label(&guest.title, guest.official.title_en),
        role: guest.official.role,
    });
    let reporters = people::OUTLETS.iter().map(|outlet| Speaker {
        id: outlet.reporter_id.to_owned(),
        name: label(
            &format!("{}{}", outlet.name, people::REPORTER_SUFFIX),
            &format!("{} reporter", outlet.name_en),
        ),
        title: label(outlet.name, outlet.name_en),
        role: Who::Reporter(outlet).role(),
    });
    officials.chain(reporters).collect()
}
