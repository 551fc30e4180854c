//! Reading a cleaned transcript: the metadata around it and the transcript itself as
//! paragraphs with their speakers.
//!
//! Nothing here knows one transcript. The header lines are recognised by their shape (a
//! breadcrumb `site>>section`, a timestamp, `时间：…`, `出席嘉宾：…`, `…主持`, a lede saying
//! who `举行` the conference, the first other line being the title); the turns by a speaker's
//! name before a colon (`姓名：`, `[姓名]：`, `姓名同志：`, `主持人：`, `某报记者：`); the back
//! matter by `来源：`, `（责编：…）` and lines of search-engine spam. Everything here works on
//! simplified text with full-width punctuation restored.

use crate::data::{Meta, Role, Text};

use super::annotations::{MetaEntry, SpeakerEntry};
use super::error::Error;
use super::people::{self, Cast};
use super::punctuation;
use super::repair::{self, Repairs};
use super::script::{self, SourceVariants, label};

/// Who speaks in a news report, which has no turns: the report itself.
const NARRATOR: (&str, &str) = ("报道", "新闻报道");

/// Where a news report's body starts: the second line that is no date, breadcrumb or
/// furniture (the first is its title).
fn report_body(lines: &[Line]) -> usize {
    let is_header = |text: &str| {
        date_line(text).is_some()
            || dated_field(text).is_some()
            || text.contains(">>")
            || is_furniture(text)
    };
    let plain: Vec<usize> = (0..lines.len())
        .filter(|&i| !is_header(&lines[i].text))
        .take(2)
        .collect();
    plain.get(1).copied().unwrap_or(lines.len())
}

/// The title of a moderator that a turn marker names only by role (`主持人 李某：`).
const CHAIR: &str = "主持人";

/// What the metadata says where the source names no organiser, publisher or credit.
const NOT_STATED: (&str, &str) = ("未注明", "not stated");

/// Header keys that look like a speaker's name before a colon but are not.
const HEADER_KEYS: [&str; 13] = [
    "出席嘉宾",
    "嘉宾",
    "时间",
    "日期",
    "地点",
    "来源",
    "责编",
    "编辑",
    "责任编辑",
    "主题",
    "发布时间",
    "发布日期",
    "文字实录",
];

/// Words that make a line naming a speaker a subhead rather than a turn
/// (`刘伟回答记者提问`, `王某介绍有关情况并回答记者提问`).
const SUBHEAD_WORDS: [&str; 3] = ["回答记者提问", "答记者问", "介绍有关情况"];

/// One line of the cleaned source.
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
    /// The speaker's name as the cast knows it.
    pub name: String,
    /// The paragraph opened with the speaker's name.
    pub turn_start: bool,
    /// Without the name.
    pub text: String,
}

/// The source, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub meta: Meta,
    pub cast: Cast,
    pub transcript: Vec<Spoken>,
    /// Lines neither metadata nor transcript that were dropped, for the report.
    pub dropped: Vec<Line>,
    /// Lines that still carry damage, kept as they are, for the report.
    pub damaged: Vec<Line>,
    /// The traditional variants it writes, which its traditional text keeps.
    pub variants: SourceVariants,
}

/// What the command line may say about the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// The path the dataset names as its source.
    pub raw_file: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// The non-empty lines after repair, pinyin stripping, punctuation restoration and
/// conversion to simplified, the lines that still show damage (as the source has them), and
/// the traditional variants the source writes.
fn lines_and_damage(
    raw: &str,
    repairs: &Repairs,
) -> Result<(Vec<Line>, Vec<Line>, SourceVariants), Error> {
    let cleaned = repair::clean(raw, repairs)?;
    let mut lines = Vec::new();
    let mut damaged = Vec::new();
    let mut variants = SourceVariants::default();
    for (i, line) in cleaned.split('\n').enumerate() {
        // Zero-width marks and byte order marks are no text; a line's edges may hold spaces
        // of any width.
        let line: String = line
            .chars()
            .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{feff}'))
            .collect();
        let trimmed = line.trim_matches(char::is_whitespace);
        if trimmed.is_empty() {
            continue;
        }
        if let Some(trace) = repair::damage_traces(trimmed) {
            damaged.push(Line {
                number: i + 1,
                text: trace,
            });
        }
        variants.read(trimmed);
        lines.push(Line {
            number: i + 1,
            text: script::to_hans(&punctuation::restore(&ascii_figures(trimmed))),
        });
    }
    Ok((lines, damaged, variants))
}

/// Full-width digits and per cent signs (`１２３万人`, `５％`) as the ASCII ones numbers are
/// read in.
fn ascii_figures(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(|c| ('０'..='９').contains(&c) || c == '％') {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
            '％' => '%',
            other => other,
        })
        .collect::<String>()
        .into()
}

/// `YYYY-MM-DD` from year, month and day digits, if they make a date.
fn date_of(year: &str, month: &str, day: &str) -> Option<String> {
    let (month, day): (u8, u8) = (month.parse().ok()?, day.parse().ok()?);
    (year.len() == 4 && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}

/// Keys before a header's date: the conference's own (`时间：`) or the page's (`发布时间：`).
const EVENT_KEYS: [&str; 4] = ["时间：", "日期：", "时间 ", "日期 "];
const PUBLISHED_KEYS: [&str; 4] = ["发布时间：", "发布日期：", "发布时间 ", "发布日期 "];

/// The date a text opens with (`2024年4月18日`, `2024-04-18`, `2024/4/18`) and the rest.
fn leading_date(text: &str) -> Option<(String, &str)> {
    let digits = |text: &str| text.chars().take_while(char::is_ascii_digit).count();
    let year_len = digits(text);
    let (year, rest) = text.split_at(year_len);
    let separator = rest.chars().next()?;
    let (after_month, after_day) = match separator {
        '年' => ('月', Some('日')),
        '-' | '/' | '.' => (separator, None),
        _ => return None,
    };
    let rest = &rest[separator.len_utf8()..];
    let (month, rest) = rest.split_at(digits(rest));
    let rest = rest.strip_prefix(after_month)?;
    let (day, rest) = rest.split_at(digits(rest));
    let rest = match after_day {
        Some(mark) => rest.strip_prefix(mark)?,
        None => rest,
    };
    Some((date_of(year, month, day)?, rest))
}

/// A weekday after a date: `星期四`, `（星期四）`, `周四`.
fn without_weekday(text: &str) -> &str {
    let text = text.trim_start();
    let bare = text.strip_prefix('（').unwrap_or(text);
    let Some(day) = ["星期", "周"]
        .iter()
        .find_map(|word| bare.strip_prefix(word))
    else {
        return text;
    };
    let mut chars = day.chars();
    if !chars.next().is_some_and(|c| "一二三四五六日天".contains(c)) {
        return text;
    }
    let rest = chars.as_str();
    if bare.len() == text.len() {
        rest
    } else {
        rest.strip_prefix('）').unwrap_or(rest)
    }
}

/// A time of day after a date: `16:30`, `上午10:00`, `下午3:00`, as `HH:MM`.
fn leading_time(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let (afternoon, text) = match ["上午", "下午", "晚上"]
        .iter()
        .find_map(|word| text.strip_prefix(word).map(|rest| (*word, rest)))
    {
        Some((word, rest)) => (word != "上午", rest),
        None => (false, text),
    };
    let (hour, rest) = text.split_once([':', '：'])?;
    let minute: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let mut hour: u8 = hour.parse().ok()?;
    if afternoon && hour < 12 {
        hour += 12;
    }
    (hour < 24 && minute.len() == 2 && minute.as_str() < "60")
        .then(|| (format!("{hour:02}:{minute}"), &rest[minute.len()..]))
}

/// A header line giving a date: the date, the time if there is one, and the source named
/// after it (`2024年04月18日16:30  来源：人民网`). Nothing else may follow but a weekday.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DateLine {
    date: String,
    time: Option<String>,
    source: Option<String>,
}

/// A line that is a date, with or without a weekday, a time and a `来源：`:
/// `2022年08月01日16:27`, `2022-07-29`, `2024年4月18日 星期四`,
/// `2024-04-18 16:30 来源： 国新网`.
fn date_line(text: &str) -> Option<DateLine> {
    let text = text.trim_matches(|c: char| c.is_whitespace());
    let (date, rest) = leading_date(text)?;
    let rest = without_weekday(rest);
    let (time, rest) = match leading_time(rest) {
        Some((time, rest)) => (Some(time), rest),
        None => (None, rest),
    };
    let rest =
        without_weekday(rest).trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '丨');
    let source = match rest.strip_prefix("来源：") {
        Some(named) => Some(named.trim_matches(|c: char| c.is_whitespace()).to_owned()),
        None if rest.is_empty() => None,
        None => return None,
    };
    Some(DateLine {
        date,
        time,
        source: source.filter(|named| !named.is_empty()),
    })
}

/// Which date a dated header field gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dated {
    /// `时间：…`, `日期：…`: the conference's.
    Event,
    /// `发布时间：…`, `发布日期：…`: the page's.
    Published,
}

/// `时间：2022-07-29`, `发布时间：2024-04-18 16:30` → which date, and the date line.
fn dated_field(text: &str) -> Option<(Dated, DateLine)> {
    let (dated, value) = PUBLISHED_KEYS
        .iter()
        .find_map(|key| {
            text.strip_prefix(key)
                .map(|value| (Dated::Published, value))
        })
        .or_else(|| {
            EVENT_KEYS
                .iter()
                .find_map(|key| text.strip_prefix(key).map(|value| (Dated::Event, value)))
        })?;
    Some((dated, date_line(value)?))
}

/// The name a turn opens with and the words after it, if the line opens a turn:
/// `姓名：…`, `[姓名]：…`, `姓名同志：…`, `主持人：…`, `主持人 姓名：…`.
pub fn turn_marker(text: &str) -> Option<(String, &str)> {
    let (name, words) = if let Some(rest) = text.strip_prefix('[') {
        let (name, words) = rest.split_once(']')?;
        (name, words.strip_prefix('：').unwrap_or(words))
    } else {
        text.split_once('：')?
    };
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.strip_suffix("同志").unwrap_or(&name).to_owned();
    (people::can_be_name(&name) && !HEADER_KEYS.contains(&name.as_str())).then_some((name, words))
}

/// The moderator's name when a marker names them by role: `主持人` alone, or
/// `主持人张晓辉`.
fn chair_marker(name: &str) -> Option<&str> {
    name.strip_prefix("主持人")
}

/// `出席嘉宾：<title><name>；…` → (title, name) for each guest whose name is among `names`.
/// Guests are separated by `；`, or by `，` or `、` right after a speaking guest's name
/// (`…部长黄某，…部长杨某`); a title runs back to the previous guest.
fn guests<'a>(text: &'a str, names: &[String]) -> Option<Vec<(&'a str, String)>> {
    let list = ["出席嘉宾：", "嘉宾："]
        .iter()
        .find_map(|key| text.strip_prefix(key))?;
    let mut found: Vec<(usize, &String)> = names
        .iter()
        .filter_map(|name| {
            list.match_indices(name.as_str())
                .map(|(at, _)| at)
                .find(|&at| {
                    let after = &list[at + name.len()..];
                    after.is_empty()
                        || ["同志", "；", "，", "、", "。", " "]
                            .iter()
                            .any(|mark| after.starts_with(mark))
                })
                .map(|at| (at, name))
        })
        .collect();
    found.sort();
    let mut previous_end = 0;
    let mut listed = Vec::new();
    for (at, name) in found {
        let start = list[..at]
            .rfind('；')
            .map_or(previous_end, |i| (i + '；'.len_utf8()).max(previous_end));
        let title = list[start..at].trim_matches(['，', '、', '；', ' ']);
        listed.push((title, name.clone()));
        let end = at + name.len();
        previous_end = end + list[end..].strip_prefix("同志").map_or(0, |_| "同志".len());
    }
    Some(listed)
}

/// `张晓辉主持` → the moderator's name.
fn chair_line<'a>(text: &'a str, names: &[String]) -> Option<&'a str> {
    let name = text.strip_suffix("主持")?;
    names.iter().any(|known| known == name).then_some(name)
}

/// A line that announces who speaks next instead of speaking (`刘伟回答记者提问`).
fn is_subhead(text: &str, names: &[String]) -> bool {
    !text.contains(['。', '，', '：', '！', '？'])
        && SUBHEAD_WORDS.iter().any(|word| text.contains(word))
        && names.iter().any(|name| text.starts_with(name.as_str()))
}

/// Lines of search-engine spam or page furniture: lists split by `|`, licence and ICP lines,
/// photo credits.
fn is_furniture(text: &str) -> bool {
    text.matches('|').count() >= 3
        || text.contains("ICP")
        || text.starts_with("版权所有")
        || text.starts_with("Copyright")
        || (text.starts_with("图为") && text.ends_with('摄'))
}

/// The editors a page names after the transcript: `（责编：赵某、孙某）`,
/// `责任编辑：某某`, `【我要纠错】 责任编辑：某某`.
fn editors_line(text: &str) -> Option<Vec<&str>> {
    let text = text.strip_prefix("【我要纠错】").unwrap_or(text).trim();
    let names = ["（责编：", "（编辑：", "（责任编辑："]
        .iter()
        .find_map(|key| text.strip_prefix(key)?.strip_suffix('）'))
        .or_else(|| text.strip_prefix("责任编辑："))?;
    Some(
        names
            .split(['、', ' ', '，'])
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .collect(),
    )
}

/// A line that ends the transcript: the page's credit, editors, related headlines or
/// copyright. What follows it is no one's words.
fn is_end_matter(text: &str) -> bool {
    text.starts_with("来源：")
        || editors_line(text).is_some()
        || ["相关新闻", "相关阅读", "相关链接", "热门推荐", "延伸阅读"]
            .iter()
            .any(|heading| text.starts_with(heading))
        || text.contains("版权所有")
        || text.starts_with("Copyright")
}

/// Words of the entertainment and click-bait sentences that scrapers splice into a page
/// (`某明星新剧热播收视率破纪录，网友直呼过瘾。`): a sentence with two of them is no one's.
const SPLICED_WORDS: [&str; 12] = [
    "明星",
    "热播",
    "收视率",
    "网友直呼",
    "过瘾",
    "震惊",
    "点击查看",
    "娱乐圈",
    "绯闻",
    "综艺",
    "票房",
    "粉丝",
];

/// Whether a sentence was spliced in from another page.
fn is_spliced(sentence: &str) -> bool {
    SPLICED_WORDS
        .iter()
        .filter(|word| sentence.contains(*word))
        .count()
        >= 2
}

/// The lines without the sentences spliced in from other pages, which go to `dropped`.
fn without_spliced_sentences(lines: &[Line], dropped: &mut Vec<Line>) -> Vec<Line> {
    lines
        .iter()
        .filter_map(|line| {
            let mut kept = String::new();
            for sentence in line.text.split_inclusive(['。', '！', '？']) {
                if is_spliced(sentence) {
                    dropped.push(Line {
                        number: line.number,
                        text: sentence.to_owned(),
                    });
                } else {
                    kept.push_str(sentence);
                }
            }
            (!kept.trim().is_empty()).then_some(Line {
                number: line.number,
                text: kept,
            })
        })
        .collect()
}

/// The names that open turns anywhere in the source, in order of first appearance.
fn marker_names(lines: &[Line]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in lines {
        if let Some((name, _)) = turn_marker(&line.text) {
            let name = chair_marker(&name)
                .filter(|rest| !rest.is_empty())
                .map_or(name.clone(), str::to_owned);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// What the header lines said.
#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    event_date: Option<String>,
    organiser: Option<String>,
    source_credit: Option<String>,
}

impl Header {
    /// What a dated line says: the date it gives and the source it names.
    fn dated(&mut self, dated: Dated, line: DateLine) {
        match (dated, line.time) {
            (Dated::Published, Some(time)) => {
                self.published
                    .get_or_insert(format!("{} {time}", line.date));
            }
            (Dated::Published, None) => {
                self.published.get_or_insert(line.date);
            }
            (Dated::Event, _) => {
                self.event_date.get_or_insert(line.date);
            }
        }
        if let Some(named) = line.source {
            self.credited(&named);
        }
    }

    /// A `来源：` in the header: the credit, and the publisher when no breadcrumb names one.
    fn credited(&mut self, named: &str) {
        if named.is_empty() {
            return;
        }
        self.source_credit.get_or_insert_with(|| named.to_owned());
        self.publisher.get_or_insert_with(|| named.to_owned());
    }
}

/// `7月29日，全国总工会新闻中心举行…发布会` → the organiser.
fn organiser(text: &str) -> Option<&str> {
    let (before, _) = text.split_once("举行")?;
    let clause = before.rsplit('，').next()?;
    (!clause.is_empty() && clause.chars().count() <= 30).then_some(clause)
}

/// Reads the cleaned source.
pub fn read(
    raw: &str,
    repairs: &Repairs,
    given: &Given,
    meta_entry: &MetaEntry,
    speakers: &[SpeakerEntry],
) -> Result<Source, Error> {
    let (lines, damaged, variants) = lines_and_damage(raw, repairs)?;
    // A headline such as `某某：十年帮扶…` looks like a turn; a name that opens no other line
    // at the top of the file is the title.
    let headline = lines
        .first()
        .and_then(|first| turn_marker(&first.text))
        .is_some_and(|(name, _)| {
            lines[1..]
                .iter()
                .all(|line| turn_marker(&line.text).is_none_or(|(other, _)| other != name))
        });
    let skip = usize::from(headline);
    let names = marker_names(&lines[skip..]);
    let mut cast = Cast::default();
    let mut header = Header::default();
    let mut dropped = Vec::new();
    let first_turn = lines[skip..]
        .iter()
        .position(|line| turn_marker(&line.text).is_some())
        .map(|at| at + skip);
    // A news report of a conference has no turns: after its title, it is one statement.
    let first_turn = first_turn.unwrap_or_else(|| report_body(&lines));
    for line in &lines[..first_turn] {
        let text = line.text.as_str();
        if let Some(listed) = guests(text, &names) {
            for (title, name) in listed {
                cast.add(&name, title, Role::Official);
            }
        } else if let Some(name) = chair_line(text, &names) {
            cast.chair(name);
        } else if let Some((dated, line)) = dated_field(text) {
            header.dated(dated, line);
        } else if let Some(line) = date_line(text) {
            // A page's timestamp has a time; a date alone is the conference's.
            let dated = if line.time.is_some() {
                Dated::Published
            } else {
                Dated::Event
            };
            header.dated(dated, line);
        } else if let Some(named) = text.strip_prefix("来源：") {
            header.credited(named.trim());
        } else if let Some((site, _)) = text.split_once(">>") {
            header.publisher.get_or_insert(site.trim().to_owned());
        } else if header.title.is_none() && !is_furniture(text) {
            // The first plain line is the title, even when it says who held the conference
            // (`国务院新闻办公室就…举行发布会`).
            header.title = Some(text.to_owned());
        } else if header.organiser.is_none()
            && let Some(found) = organiser(text)
        {
            header.organiser = Some(found.to_owned());
        } else {
            dropped.push(line.clone());
        }
    }

    let rest = &lines[first_turn..];
    let back_at = rest
        .iter()
        .position(|line| is_end_matter(&line.text))
        .unwrap_or(rest.len());
    let (transcript_lines, back_matter) = rest.split_at(back_at);
    let mut source_credit = None;
    let mut editors: Vec<Text> = Vec::new();
    for line in back_matter {
        if let Some(credit) = line.text.strip_prefix("来源：") {
            source_credit = Some(credit.trim().to_owned());
        } else if let Some(names) = editors_line(&line.text) {
            editors.extend(names.into_iter().map(script::text));
        } else {
            dropped.push(line.clone());
        }
    }

    let transcript_lines = &without_spliced_sentences(transcript_lines, &mut dropped);
    let transcript = if names.is_empty() {
        cast.add(NARRATOR.0, NARRATOR.1, Role::Official);
        transcript_lines
            .iter()
            .filter(|line| !is_furniture(&line.text))
            .enumerate()
            .map(|(i, line)| Spoken {
                line: line.number,
                name: NARRATOR.0.to_owned(),
                turn_start: i == 0,
                text: line.text.clone(),
            })
            .collect()
    } else {
        turns(transcript_lines, &names, &mut cast, &mut dropped)
    };
    if transcript.is_empty() {
        return Err(Error::new(
            "no turn found: no line starts with a speaker's name and a colon (姓名：…, \
             [姓名]:…, 主持人：…), and no text follows the title; is this a press-conference \
             transcript or a report of one?",
        ));
    }
    titles_from_introductions(&mut cast, &transcript);
    cast.settle(speakers);
    let event_date = given
        .date
        .clone()
        .or(header.event_date)
        .or_else(|| header.published.as_ref().map(|p| p[..10].to_owned()))
        .ok_or_else(|| {
            Error::new(
                "no date found: no header line gives the conference's date (时间：YYYY-MM-DD, \
                 a line such as 2024年3月15日); pass --date YYYY-MM-DD",
            )
        })?;
    let title =
        given.title.clone().or(header.title).ok_or_else(|| {
            Error::new("no title found before the first turn; pass --title \"…\"")
        })?;
    let or_not_stated = |found: Option<String>, en: &str| match found {
        Some(hans) => label(&hans, en),
        None => label(NOT_STATED.0, NOT_STATED.1),
    };
    let meta = Meta {
        title: label(&title, &meta_entry.title),
        published: header.published.unwrap_or_else(|| event_date.clone()),
        event_date,
        organiser: or_not_stated(header.organiser, &meta_entry.organiser),
        publisher: or_not_stated(header.publisher, &meta_entry.publisher),
        source_credit: or_not_stated(
            source_credit.or(header.source_credit),
            &meta_entry.source_credit,
        ),
        editors,
        raw_file: given.raw_file.clone(),
    };
    Ok(Source {
        meta,
        cast,
        transcript,
        dropped,
        damaged,
        variants,
    })
}

/// Words after which a host names a guest's title (`我们邀请到国家某局副局长张某同志`).
const INTRODUCING: [&str; 6] = ["邀请到", "请来", "出席的有", "分别是", "有请", "请"];

/// The title a host gives `name` in `text`: the words right before the name, back to a
/// clause mark or an introducing word, when the name is followed by an honorific or a mark.
pub fn introduced_title(text: &str, name: &str) -> Option<String> {
    text.match_indices(name).find_map(|(at, _)| {
        let after = &text[at + name.len()..];
        let named = ["同志", "先生", "女士", "，", "、", "。", "；"]
            .iter()
            .any(|word| after.starts_with(word));
        let before = &text[..at];
        let start = before
            .rfind(['，', '。', '：', '；', '、', '！'])
            .map_or(0, |i| i + '，'.len_utf8());
        let mut title = &before[start..];
        for word in INTRODUCING {
            if let Some((_, rest)) = title.rsplit_once(word) {
                title = rest;
                break;
            }
        }
        let length = title.chars().count();
        (named && (2..=30).contains(&length) && !title.contains(['“', '”']))
            .then(|| title.to_owned())
    })
}

/// Officials the guest list did not introduce take the title a host's words give them.
fn titles_from_introductions(cast: &mut Cast, transcript: &[Spoken]) {
    let untitled: Vec<String> = cast
        .people()
        .iter()
        .filter(|person| person.title.is_empty() && person.role != Role::Reporter)
        .map(|person| person.name.clone())
        .collect();
    for name in untitled {
        let hosted = transcript.iter().filter(|spoken| {
            cast.find(&spoken.name)
                .is_some_and(|person| person.role == Role::Moderator)
        });
        let title = hosted
            .into_iter()
            .find_map(|spoken| introduced_title(&spoken.text, &name));
        if let Some(title) = title {
            cast.add(&name, &title, Role::Official);
        }
    }
}

/// `一、就业形势总体稳定。上半年，…` → the heading (`一、就业形势总体稳定`) and the rest: a
/// numbered first sentence short and without a clause mark, with words after it.
fn inline_heading(text: &str) -> Option<(&str, &str)> {
    let mut chars = text.chars();
    let numbered = chars
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && chars.next() == Some('、');
    let (heading, rest) = text.split_once('。')?;
    (numbered
        && heading.chars().count() <= 30
        && !heading.contains(['，', '；', '：'])
        && !rest.trim().is_empty())
    .then(|| (heading, rest.trim_start()))
}

/// The transcript lines as paragraphs with speakers; subheads and furniture dropped.
fn turns(
    lines: &[Line],
    names: &[String],
    cast: &mut Cast,
    dropped: &mut Vec<Line>,
) -> Vec<Spoken> {
    let mut spoken: Vec<Spoken> = Vec::new();
    // A speaker named on a line of its own, whose words follow.
    let mut opened: Option<String> = None;
    let chair = cast
        .people()
        .iter()
        .find(|person| person.role == Role::Moderator)
        .map(|person| person.name.clone());
    for line in lines {
        if is_subhead(&line.text, names) || is_furniture(&line.text) {
            dropped.push(line.clone());
            continue;
        }
        if let Some((name, words)) = turn_marker(&line.text) {
            let name = match chair_marker(&name) {
                Some("") => chair.clone().unwrap_or(name),
                Some(named) => {
                    // `主持人 李某：` names the role: it is the title, unless one is known.
                    cast.add(named, CHAIR, Role::Moderator);
                    named.to_owned()
                }
                None => name,
            };
            let role = if people::is_reporter(&name) {
                Role::Reporter
            } else if spoken.is_empty() && cast.find(&name).is_none() && chair.is_none() {
                // Nobody chairs by name: whoever opens the conference does.
                Role::Moderator
            } else {
                Role::Official
            };
            let title = if role == Role::Reporter {
                people::outlet(&name)
            } else {
                ""
            };
            cast.add(&name, title, role);
            if words.trim().is_empty() {
                // A name alone on its line (`张某：`, `[张某]:`) opens the turn below it.
                opened = Some(name);
                continue;
            }
            // A paragraph repeating its speaker's name (the portal's `[姓名]:` on every line)
            // goes on the same turn.
            let turn_start = opened.take().is_some()
                || spoken.last().is_none_or(|previous| previous.name != name)
                || !line.text.starts_with('[');
            spoken.push(Spoken {
                line: line.number,
                name,
                turn_start,
                text: words.trim_start().to_owned(),
            });
        } else if let Some(name) = opened.take() {
            spoken.push(Spoken {
                line: line.number,
                name,
                turn_start: true,
                text: line.text.clone(),
            });
        } else if let Some(previous) = spoken.last() {
            spoken.push(Spoken {
                line: line.number,
                name: previous.name.clone(),
                turn_start: false,
                text: line.text.clone(),
            });
        } else {
            dropped.push(line.clone());
        }
    }
    // A numbered heading that opens a paragraph (`一、就业形势总体稳定。上半年，…`) stands on its
    // own, as the portals' pages show it.
    spoken
        .into_iter()
        .flat_map(|paragraph| match inline_heading(&paragraph.text) {
            Some((heading, rest)) => vec![
                Spoken {
                    text: heading.to_owned(),
                    ..paragraph.clone()
                },
                Spoken {
                    text: rest.to_owned(),
                    turn_start: false,
                    ..paragraph
                },
            ],
            None => vec![paragraph],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_turn_markers_of_every_format() {
        let name = |text| turn_marker(text).map(|(name, words)| (name, words.to_owned()));
        assert_eq!(name("刘伟：好的"), Some(("刘伟".into(), "好的".into())));
        assert_eq!(name("[王某]：您好"), Some(("王某".into(), "您好".into())));
        assert_eq!(name("王某同志：您好"), Some(("王某".into(), "您好".into())));
        assert_eq!(
            name("主持人 张某：开始"),
            Some(("主持人张某".into(), "开始".into()))
        );
        assert_eq!(
            name("工人日报记者：请问"),
            Some(("工人日报记者".into(), "请问".into()))
        );
        assert_eq!(name("时间：2022-07-29"), None);
        assert_eq!(name("一是加强领导，二是：好"), None);
        assert_eq!(name("16:27"), None);
    }

    /// A date line's date, time and source, as strings for comparison.
    fn dated(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        date_line(text).map(|line| (line.date, line.time, line.source))
    }

    #[test]
    fn reads_dates_in_their_usual_forms() {
        let date = |text| dated(text).map(|(date, time, _)| (date, time));
        assert_eq!(
            date("2022年08月01日16:27\u{a0}\u{a0}"),
            Some(("2022-08-01".into(), Some("16:27".into())))
        );
        assert_eq!(date("2024年3月15日"), Some(("2024-03-15".into(), None)));
        assert_eq!(date("2022-07-29"), Some(("2022-07-29".into(), None)));
        assert_eq!(date("2022.07.29"), Some(("2022-07-29".into(), None)));
        assert_eq!(
            date("2024年4月18日 星期四"),
            Some(("2024-04-18".into(), None))
        );
        assert_eq!(date("2022年的工作"), None);
        assert_eq!(date("2024年4月18日，张某说"), None);
        assert_eq!(date("2024年4月18日 星期八"), None);
    }

    #[test]
    fn reads_the_source_named_on_a_date_line() {
        assert_eq!(
            dated("2024年04月18日16:30  来源：人民网"),
            Some((
                "2024-04-18".into(),
                Some("16:30".into()),
                Some("人民网".into())
            ))
        );
        assert_eq!(
            dated("2024-04-18 16:30 来源： 国新网"),
            Some((
                "2024-04-18".into(),
                Some("16:30".into()),
                Some("国新网".into())
            ))
        );
    }

    #[test]
    fn reads_dated_fields_as_the_conference_or_the_page() {
        let field = |text| dated_field(text).map(|(dated, line)| (dated, line.date, line.time));
        assert_eq!(
            field("时间：2022-07-29"),
            Some((Dated::Event, "2022-07-29".into(), None))
        );
        assert_eq!(
            field("时间：2024年4月18日（星期四）上午10:00"),
            Some((Dated::Event, "2024-04-18".into(), Some("10:00".into())))
        );
        assert_eq!(
            field("时间：2024年4月18日（星期四）下午3:30"),
            Some((Dated::Event, "2024-04-18".into(), Some("15:30".into())))
        );
        assert_eq!(
            field("发布时间：2024-04-18 16:30"),
            Some((Dated::Published, "2024-04-18".into(), Some("16:30".into())))
        );
        assert_eq!(
            field("发布日期：2024年04月18日"),
            Some((Dated::Published, "2024-04-18".into(), None))
        );
        assert_eq!(field("时间：上午"), None);
    }

    #[test]
    fn a_moderator_named_by_role_is_titled_by_it() {
        let given = Given {
            raw_file: "chair.txt".to_owned(),
            ..Given::default()
        };
        let source = read(
            "某部发布会\n2024-03-28\n主持人 李某：大家好。\n张某：谢谢。\n",
            &Repairs::default(),
            &given,
            &MetaEntry::default(),
            &[],
        )
        .unwrap();
        let chair = source.cast.find("李某").unwrap();
        assert_eq!(
            (chair.title.as_str(), chair.role),
            ("主持人", Role::Moderator)
        );
    }

    #[test]
    fn the_end_matter_names_the_editors() {
        assert_eq!(
            editors_line("（责编：赵某、孙某）"),
            Some(vec!["赵某", "孙某"])
        );
        assert_eq!(
            editors_line("【我要纠错】 责任编辑：某某"),
            Some(vec!["某某"])
        );
        assert_eq!(editors_line("张某：谢谢"), None);
        for end in [
            "相关新闻",
            "人民网版权所有，未经书面授权禁止使用",
            "来源：某网",
        ] {
            assert!(is_end_matter(end), "{end}");
        }
        assert!(!is_end_matter("张某：相关新闻报道很多。"));
    }

    #[test]
    fn a_sentence_spliced_from_another_page_is_dropped() {
        let lines = [Line {
            number: 5,
            text: "今年1月，总诊疗量约7.6亿人次。某明星新剧热播收视率破纪录，网友直呼过瘾。"
                .to_owned(),
        }];
        let mut dropped = Vec::new();
        let kept = without_spliced_sentences(&lines, &mut dropped);
        assert_eq!(kept[0].text, "今年1月，总诊疗量约7.6亿人次。");
        assert_eq!(dropped[0].number, 5);
        assert!(!is_spliced("某明星企业的粉末冶金"));
    }

    #[test]
    fn a_numbered_heading_opening_a_paragraph_stands_alone() {
        assert_eq!(
            inline_heading("一、就业形势总体稳定。上半年，全国城镇新增就业678万人。"),
            Some(("一、就业形势总体稳定", "上半年，全国城镇新增就业678万人。"))
        );
        assert_eq!(
            inline_heading("一、深入开展调研摸排工作，组织开展了调研。随后，…"),
            None
        );
        assert_eq!(inline_heading("一、就业形势总体稳定。"), None);
        assert_eq!(inline_heading("今年。上半年"), None);
    }

    #[test]
    fn full_width_digits_are_read_as_ascii() {
        assert_eq!(ascii_figures("１２３万人，占５％"), "123万人，占5%");
        assert_eq!(ascii_figures("没有数字"), "没有数字");
    }

    #[test]
    fn splits_guests_into_title_and_name_by_the_names_that_speak() {
        let names = vec!["张某".to_owned(), "李某某".to_owned()];
        assert_eq!(
            guests(
                "出席嘉宾：某部新闻发言人，宣传部部长张某；某室主任李某某同志；王五",
                &names
            ),
            Some(vec![
                ("某部新闻发言人，宣传部部长", "张某".to_owned()),
                ("某室主任", "李某某".to_owned())
            ])
        );
        assert_eq!(guests("时间：2022", &names), None);
        let names = vec!["黄某".to_owned(), "杨某".to_owned()];
        assert_eq!(
            guests(
                "出席嘉宾：中华全国总工会权益保障部部长黄某，中华全国总工会女职工部部长杨某",
                &names
            ),
            Some(vec![
                ("中华全国总工会权益保障部部长", "黄某".to_owned()),
                ("中华全国总工会女职工部部长", "杨某".to_owned())
            ])
        );
    }

    #[test]
    fn a_host_introduces_titles() {
        assert_eq!(
            introduced_title("今天，我们邀请到国家某局副局长张某同志，请他介绍", "张某").as_deref(),
            Some("国家某局副局长")
        );
        assert_eq!(
            introduced_title("全国总工会研究室主任王某同志；", "王某").as_deref(),
            Some("全国总工会研究室主任")
        );
        assert_eq!(introduced_title("感谢王某的介绍", "王某"), None);
    }

    #[test]
    fn finds_the_organiser_in_the_lede() {
        assert_eq!(
            organiser("7月29日，全国总工会新闻中心举行发布会，介绍情况。"),
            Some("全国总工会新闻中心")
        );
        assert_eq!(organiser("没有"), None);
    }
}
