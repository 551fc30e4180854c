//! Every interface string of the dashboard, in simplified and traditional Chinese and in
//! English, and the few phrases built from data (qualifiers, periods, counts).
//!
//! Keeping them in one place means a new screen cannot forget a language.

use crate::app::effect::Report;
use crate::data::{Figure, Lang, Period, Qualifier, Script};
use crate::text::number::Scale;
use crate::text::{Magnitude, format_zh, sanitize};

/// One phrase in the three interface variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    pub hans: &'static str,
    pub hant: &'static str,
    pub en: &'static str,
}

impl Phrase {
    /// The variant for the interface language, in `script` when Chinese.
    pub fn get(&self, lang: Lang, script: Script) -> &'static str {
        match (lang, script) {
            (Lang::En, _) => self.en,
            (Lang::Zh, Script::Hans) => self.hans,
            (Lang::Zh, Script::Hant) => self.hant,
        }
    }
}

/// Shorthand for the tables below.
const fn p(hans: &'static str, hant: &'static str, en: &'static str) -> Phrase {
    Phrase { hans, hant, en }
}

pub const OVERVIEW: Phrase = p("概览", "概覽", "Overview");
pub const QA: Phrase = p("问答", "問答", "Q&A");
pub const TOPICS: Phrase = p("主题", "主題", "Topics");
pub const FIGURES: Phrase = p("数据", "數據", "Figures");
pub const CHART: Phrase = p("图表", "圖表", "Chart");
pub const NO_CHARTS: Phrase = p("本主题无图表", "本主題無圖表", "No chart for this topic");
pub const NO_FIGURES: Phrase = p(
    "本主题没有符合筛选的数据",
    "本主題沒有符合篩選的數據",
    "No figures of this topic match the filter",
);
pub const NO_BARS: Phrase = p(
    "筛选后此图表无数据",
    "篩選後此圖表無數據",
    "No bar of this chart matches the filter",
);
pub const NO_ITEMS_FOR_TOPICS: Phrase = p(
    "所选主题没有相关问答。按 t 更改主题。",
    "所選主題沒有相關問答。按 t 更改主題。",
    "No part of the transcript touches the chosen topics. Press t to change them.",
);
pub const NO_ITEMS_FOR_FILTER: Phrase = p(
    "没有符合筛选的问答。按 Esc 清除筛选。",
    "沒有符合篩選的問答。按 Esc 清除篩選。",
    "No part of the transcript matches the filter. Press Esc to clear it.",
);
pub const DAMAGED: Phrase = p("原文损坏", "原文損壞", "damaged in source");
pub const HELP_TITLE: Phrase = p("按键", "按鍵", "Keys");
pub const TOPIC_PICKER_TITLE: Phrase = p(
    "选择主题（空格选取，Enter 应用）",
    "選擇主題（空格選取，Enter 套用）",
    "Topics (Space selects, Enter applies)",
);
pub const MATCHES_IN: Phrase = p("匹配见", "符合見", "matches in");
pub const FILTER_PROMPT: Phrase = p("筛选：", "篩選：", "Filter: ");
pub const FILTER_TOPICS: Phrase = p("主题", "主題", "topics");
pub const FILTER_TEXT: Phrase = p("文字", "文字", "text");
pub const ESC_CLEARS: Phrase = p("Esc 清除", "Esc 清除", "Esc clears");
pub const SPEAKER: Phrase = p("发言人", "發言人", "Speaker");
pub const PERIOD: Phrase = p("时间", "時間", "Period");
pub const SOURCE: Phrase = p("原文", "原文", "Source");
pub const SERIES: Phrase = p("历次数据", "歷次數據", "Series");
pub const JUMP_HINT: Phrase = p(
    "Enter/o 跳至问答原文 ⋅ Esc 关闭",
    "Enter/o 跳至問答原文 ⋅ Esc 關閉",
    "Enter/o: go to the Q&A ⋅ Esc: close",
);
pub const CLOSE_HINT: Phrase = p("Esc 关闭", "Esc 關閉", "Esc: close");
pub const ORDER_AS_SAID: Phrase = p("按发言顺序", "按發言順序", "as said");
pub const ORDER_BY_VALUE: Phrase = p("按数值", "按數值", "by value");
pub const ORDER_BY_LABEL: Phrase = p("按名称", "按名稱", "by label");

/// What the status line says after the terminal (or `render`) acted on a copy or an export.
pub fn report(report: &Report, lang: Lang, script: Script) -> String {
    match (report, lang, script) {
        (Report::Copied, Lang::En, _) => {
            "Copied (OSC 52). Missing? tmux: set -g set-clipboard on; or pressdash figures"
                .to_owned()
        }
        (Report::Copied, Lang::Zh, Script::Hans) => {
            "已复制（OSC 52）。没收到？tmux：set -g set-clipboard on；或用 pressdash figures"
                .to_owned()
        }
        (Report::Copied, Lang::Zh, Script::Hant) => {
            "已複製（OSC 52）。沒收到？tmux：set -g set-clipboard on；或用 pressdash figures"
                .to_owned()
        }
        (Report::CopyNotSent, Lang::En, _) => {
            "Not copied: no terminal to send the citation to; print with pressdash figures"
                .to_owned()
        }
        (Report::CopyNotSent, Lang::Zh, Script::Hans) => {
            "引文未复制：没有可发送的终端。可用 pressdash figures 打印。".to_owned()
        }
        (Report::CopyNotSent, Lang::Zh, Script::Hant) => {
            "引文未複製：沒有可傳送的終端。可用 pressdash figures 列印。".to_owned()
        }
        (Report::NothingToCopy, _, _) => p(
            "没有选中的数据可复制。",
            "沒有選中的數據可複製。",
            "No figure is selected to copy.",
        )
        .get(lang, script)
        .to_owned(),
        (Report::NothingToExport, _, _) => p(
            "没有可导出的数据：筛选后一项也没有。",
            "沒有可匯出的數據：篩選後一項也沒有。",
            "Nothing to export: no figure passes the filter.",
        )
        .get(lang, script)
        .to_owned(),
        (Report::Exported { count, path }, Lang::En, _) => {
            format!("Exported {count} figure{} to {path}", plural(*count))
        }
        (Report::Exported { count, path }, Lang::Zh, Script::Hans) => {
            format!("已导出 {count} 项数据到 {path}。")
        }
        (Report::Exported { count, path }, Lang::Zh, Script::Hant) => {
            format!("已匯出 {count} 項數據到 {path}。")
        }
        (Report::ExportFailed { path, error }, Lang::En, _) => {
            format!("Could not export to {path}: {error}")
        }
        (Report::ExportFailed { path, error }, Lang::Zh, Script::Hans) => {
            format!("无法导出到 {path}：{error}")
        }
        (Report::ExportFailed { path, error }, Lang::Zh, Script::Hant) => {
            format!("無法匯出到 {path}：{error}")
        }
    }
}

/// The words before a figure's number that say how exact it is; empty for exact figures.
pub fn qualifier(qualifier: Qualifier, lang: Lang, script: Script) -> &'static str {
    match qualifier {
        Qualifier::Exact => "",
        Qualifier::Over => p("超过", "超過", "over").get(lang, script),
        Qualifier::Nearly => p("近", "近", "nearly").get(lang, script),
        Qualifier::About => p("约", "約", "about").get(lang, script),
        Qualifier::MoreThan => p("逾", "逾", "more than").get(lang, script),
    }
}

/// A figure's value as a reader wants it, qualifier and unit included: `约8,122.4万件`,
/// `about 81.2 M parcels`, or with `Magnitude::Words` where there is room `about 81.2 million
/// parcels`. A damaged figure shows what survives (`?650个`).
pub fn figure_value(figure: &Figure, magnitude: Magnitude, lang: Lang, script: Script) -> String {
    value_with(figure, lang, script, &|value| match lang {
        Lang::Zh => format_zh(value, script),
        Lang::En => magnitude.format_en(value),
    })
}

/// [`figure_value`] with the number in `scale`, so that figures shown together (a chart's
/// bars) share one unit: `0.9万场次` beside `7.3万场次`.
pub fn figure_value_in(figure: &Figure, scale: Scale, lang: Lang, script: Script) -> String {
    value_with(figure, lang, script, &|value| {
        scale.format(value, lang, script)
    })
}

/// A figure's value with its qualifier and unit, the number written by `number`.
fn value_with(
    figure: &Figure,
    lang: Lang,
    script: Script,
    number: &dyn Fn(f64) -> String,
) -> String {
    let unit = sanitize(figure.unit.written(lang, script));
    let number = match (&figure.damaged, figure.value) {
        (Some(damage), _) => sanitize(&damage.surviving).into_owned(),
        (None, None) => "?".to_string(),
        (None, Some(value)) => number(value),
    };
    let qualifier = qualifier(figure.qualifier, lang, script);
    match lang {
        Lang::Zh => format!("{qualifier}{number}{unit}"),
        Lang::En => {
            // `50.9%`, but `81.2 M parcels`.
            let number = if unit.starts_with('%') {
                format!("{number}{unit}")
            } else {
                [number.as_str(), &unit]
                    .iter()
                    .filter(|part| !part.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            if qualifier.is_empty() {
                number
            } else {
                format!("{qualifier} {number}")
            }
        }
    }
}

/// A period as a reader says it: `2021年`, `2012年以来`, `as of 2022-06`.
pub fn period(period: &Period, lang: Lang, script: Script) -> String {
    match (period, lang) {
        (Period::Year { year }, Lang::Zh) => format!("{year}年"),
        (Period::Year { year }, Lang::En) => year.to_string(),
        (Period::Range { from, to }, Lang::Zh) => format!("{from}–{to}年"),
        (Period::Range { from, to }, Lang::En) => format!("{from}–{to}"),
        (Period::Since { year }, _) => match (lang, script) {
            (Lang::En, _) => format!("since {year}"),
            (Lang::Zh, Script::Hans) => format!("{year}年以来"),
            (Lang::Zh, Script::Hant) => format!("{year}年以來"),
        },
        (Period::AsOf { date }, Lang::Zh) => format!("截至{}", zh_date(date)),
        (Period::AsOf { date }, Lang::En) => format!("as of {date}"),
        (Period::Recent { years }, Lang::Zh) => match script {
            Script::Hans => format!("近{years}年来"),
            Script::Hant => format!("近{years}年來"),
        },
        (Period::Recent { years: 1 }, Lang::En) => "the last year".to_owned(),
        (Period::Recent { years }, Lang::En) => format!("the last {years} years"),
    }
}

/// A day as a reader of `lang` writes it: `2022年7月29日`, or `2022-07-29` in English.
pub fn date(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh_date(date),
        Lang::En => date.to_owned(),
    }
}

/// `2022-06-30` as `2022年6月30日`; anything unexpected is shown as it is.
fn zh_date(date: &str) -> String {
    let parts: Vec<Option<u16>> = date.split('-').map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [Some(y)] => format!("{y}年"),
        [Some(y), Some(m @ 1..=12)] => format!("{y}年{m}月"),
        [Some(y), Some(m @ 1..=12), Some(d @ 1..=31)] => format!("{y}年{m}月{d}日"),
        _ => date.to_string(),
    }
}

/// `12 项数据 ⋅ 5 个问答` for a topic row of the overview.
pub fn topic_counts(figures: usize, items: usize, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::En, _) => format!(
            "{figures} figure{} ⋅ {items} Q&A item{}",
            plural(figures),
            plural(items)
        ),
        (Lang::Zh, Script::Hans) => format!("{figures} 项数据 ⋅ {items} 个问答"),
        (Lang::Zh, Script::Hant) => format!("{figures} 項數據 ⋅ {items} 個問答"),
    }
}

/// `12/131 项数据（全部主题）` in the status line: of all figures, each counted once whatever
/// its themes, how many pass the filter; with `chosen_topics`, the count is of the topics the
/// filter keeps and says so.
pub fn shown_of(
    shown: usize,
    total: usize,
    chosen_topics: bool,
    lang: Lang,
    script: Script,
) -> String {
    match (lang, script, chosen_topics) {
        (Lang::En, _, false) => format!("{shown}/{total} figures, all themes"),
        (Lang::En, _, true) => format!("{shown}/{total} figures, chosen themes"),
        (Lang::Zh, Script::Hans, false) => format!("{shown}/{total} 项数据（全部主题）"),
        (Lang::Zh, Script::Hans, true) => format!("{shown}/{total} 项数据（所选主题）"),
        (Lang::Zh, Script::Hant, false) => format!("{shown}/{total} 項數據（全部主題）"),
        (Lang::Zh, Script::Hant, true) => format!("{shown}/{total} 項數據（所選主題）"),
    }
}

/// `说2次`: the mark of a figure said `times` times, in its list row.
pub fn said_times(times: usize, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::Zh, Script::Hans) => format!("说{times}次"),
        (Lang::Zh, Script::Hant) => format!("說{times}次"),
        (Lang::En, _) => format!("said {times}x"),
    }
}

/// The mark of a row whose label is shown in Chinese because no English was written; only
/// English shows it, since a Chinese label is never a fallback in Chinese.
pub const IN_CHINESE: Phrase = p("中文", "中文", "zh");

/// What the details of a figure whose label is the Chinese fallback say about it.
pub const LABEL_IN_CHINESE: Phrase = p(
    "标签为中文：未写英文标签（可在注释文件中添加，见 README）",
    "標籤為中文：未寫英文標籤（可在註釋檔中添加，見 README）",
    "Label in Chinese: no English label was written (add one in an annotations file: see README)",
);

/// `3 labels in Chinese`: how many figure labels of the dataset are shown in Chinese for
/// want of English, in the status line.
pub fn labels_in_chinese(count: usize, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::En, _) => format!("{count} label{} in Chinese", plural(count)),
        (Lang::Zh, Script::Hans) => format!("{count} 个标签为中文"),
        (Lang::Zh, Script::Hant) => format!("{count} 個標籤為中文"),
    }
}

/// The mark of a row the text filter found only in the figure's source sentence.
pub const IN_SOURCE: Phrase = p("见原文", "見原文", "in source");

/// `说了 2 次：`: the heading of the places a figure was said, in its details.
pub fn said_at(times: usize, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::Zh, Script::Hans) => format!("说了 {times} 次："),
        (Lang::Zh, Script::Hant) => format!("說了 {times} 次："),
        (Lang::En, _) => format!("Said {times} times:"),
    }
}

/// `第3/17项`: which transcript item the pager is at, in the status line.
pub fn item_position(item: usize, count: usize, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::Zh, Script::Hans) => format!("第{item}/{count}项"),
        (Lang::Zh, Script::Hant) => format!("第{item}/{count}項"),
        (Lang::En, _) => format!("item {item}/{count}"),
    }
}

pub const NO_MATCH: Phrase = p("无匹配", "無匹配", "no match");

/// `问3 标题`: a question's entry in the pager's items list.
pub fn question_title(number: usize, title: &str, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::Zh, Script::Hans) => format!("问{number} {title}"),
        (Lang::Zh, Script::Hant) => format!("問{number} {title}"),
        (Lang::En, _) => format!("Q{number} {title}"),
    }
}

/// `王利中（研究室主任）`: a speaker's name and title in the drill-down.
pub fn name_and_title(name: &str, title: &str, lang: Lang) -> String {
    format!("{name}{}", in_brackets(title, lang))
}

/// `（text）` with the full-width brackets of Chinese, ` (text)` in English.
pub fn in_brackets(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

/// `图表：标题` with the full-width colon of Chinese, `Chart: title` in English.
pub fn labelled(name: Phrase, value: &str, lang: Lang, script: Script) -> String {
    let name = name.get(lang, script);
    match lang {
        Lang::Zh => format!("{name}：{value}"),
        Lang::En => format!("{name}: {value}"),
    }
}

/// Notes on a value in one pair of brackets, as the interface writes several things in
/// brackets: `（原文損壞，2012年以來）`, ` (damaged in source, since 2012)`; nothing without
/// notes.
pub fn notes_in_brackets(notes: &[String], lang: Lang) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let separator = match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    };
    in_brackets(&notes.join(separator), lang)
}

/// What separates the items of a list (names, topics): `、` in Chinese.
pub fn name_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// What replaces the interface when the terminal is below the minimum size: its size, the
/// size needed, and the way out, one short line each so they fit a narrow terminal. Sizes
/// are written `80x24`, as `--size` takes them: `×` is ambiguous in width.
pub fn too_small(now: (u16, u16), needed: (u16, u16), lang: Lang, script: Script) -> [String; 3] {
    let ((width, height), (min_width, min_height)) = (now, needed);
    match (lang, script) {
        (Lang::En, _) => [
            format!("terminal {width}x{height}"),
            format!("needs {min_width}x{min_height}"),
            "q quits".to_owned(),
        ],
        (Lang::Zh, Script::Hans) => [
            format!("终端 {width}x{height}"),
            format!("需要 {min_width}x{min_height}"),
            "按 q 退出".to_owned(),
        ],
        (Lang::Zh, Script::Hant) => [
            format!("終端 {width}x{height}"),
            format!("需要 {min_width}x{min_height}"),
            "按 q 退出".to_owned(),
        ],
    }
}

/// What the Q&A tab shows when its text cannot be laid out at this width: in English the
/// error itself, which says how wide it must be.
pub fn text_too_narrow(error: &impl std::fmt::Display, lang: Lang, script: Script) -> String {
    match (lang, script) {
        (Lang::En, _) => error.to_string(),
        (Lang::Zh, Script::Hans) => "窗口太窄，无法显示文字".to_owned(),
        (Lang::Zh, Script::Hant) => "窗口太窄，無法顯示文字".to_owned(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_follow_language_and_script() {
        assert_eq!(OVERVIEW.get(Lang::Zh, Script::Hans), "概览");
        assert_eq!(OVERVIEW.get(Lang::Zh, Script::Hant), "概覽");
        assert_eq!(OVERVIEW.get(Lang::En, Script::Hant), "Overview");
    }

    #[test]
    fn several_notes_share_one_pair_of_brackets() {
        let since = Period::Since { year: 2012 };
        let notes = |lang, script| {
            let notes = [
                DAMAGED.get(lang, script).to_owned(),
                period(&since, lang, script),
            ];
            notes_in_brackets(&notes, lang)
        };
        assert_eq!(notes(Lang::Zh, Script::Hans), "（原文损坏，2012年以来）");
        assert_eq!(notes(Lang::Zh, Script::Hant), "（原文損壞，2012年以來）");
        assert_eq!(
            notes(Lang::En, Script::Hant),
            " (damaged in source, since 2012)"
        );
        assert_eq!(
            notes_in_brackets(&["2021年".to_owned()], Lang::Zh),
            "（2021年）"
        );
        assert_eq!(notes_in_brackets(&[], Lang::En), "");
    }

    #[test]
    fn periods_read_naturally() {
        let since = Period::Since { year: 2012 };
        assert_eq!(period(&since, Lang::Zh, Script::Hant), "2012年以來");
        assert_eq!(period(&since, Lang::En, Script::Hans), "since 2012");
        let as_of = Period::AsOf {
            date: "2022-06".into(),
        };
        assert_eq!(period(&as_of, Lang::Zh, Script::Hans), "截至2022年6月");
        let odd = Period::AsOf {
            date: "mid-2022".into(),
        };
        assert_eq!(period(&odd, Lang::Zh, Script::Hans), "截至mid-2022");
        let recent = Period::Recent { years: 5 };
        assert_eq!(period(&recent, Lang::Zh, Script::Hant), "近5年來");
        assert_eq!(period(&recent, Lang::En, Script::Hans), "the last 5 years");
    }

    #[test]
    fn values_carry_qualifier_and_unit() {
        let data = crate::app::fixture::dataset();
        let by_id = |id: &str| {
            data.figures
                .iter()
                .find(|f| f.id == id)
                .expect("fixture figure")
        };
        let (members, medal) = (by_id("f-members"), by_id("f-medal"));
        for (figure, magnitude, lang, script, expected) in [
            (
                members,
                Magnitude::Short,
                Lang::Zh,
                Script::Hans,
                "约2.96亿人",
            ),
            (
                members,
                Magnitude::Words,
                Lang::Zh,
                Script::Hant,
                "約2.96億人",
            ),
            (
                members,
                Magnitude::Short,
                Lang::En,
                Script::Hans,
                "about 296 M people",
            ),
            (
                members,
                Magnitude::Words,
                Lang::En,
                Script::Hans,
                "about 296 million people",
            ),
            (medal, Magnitude::Short, Lang::Zh, Script::Hant, "?650個"),
            (medal, Magnitude::Words, Lang::En, Script::Hant, "?650"),
        ] {
            assert_eq!(figure_value(figure, magnitude, lang, script), expected);
        }
        let mut share = members.clone();
        share.unit.en = "%".into();
        share.value = Some(50.9);
        share.qualifier = Qualifier::Exact;
        assert_eq!(
            figure_value(&share, Magnitude::Short, Lang::En, Script::Hans),
            "50.9%"
        );
    }

    #[test]
    fn reports_fit_an_80_column_status_line_in_every_language() {
        let reports = [
            Report::Copied,
            Report::CopyNotSent,
            Report::NothingToCopy,
            Report::NothingToExport,
            Report::Exported {
                count: 118,
                path: "./pressdash-figures-all.csv".into(),
            },
        ];
        for report in &reports {
            for (lang, script) in [
                (Lang::Zh, Script::Hans),
                (Lang::Zh, Script::Hant),
                (Lang::En, Script::Hans),
            ] {
                let text = super::report(report, lang, script);
                // The status line starts with a space.
                assert!(crate::text::width(&text) < 80, "{text}");
                if lang == Lang::Zh {
                    assert!(
                        !text.contains([',', ':', ';', '?']),
                        "full-width marks: {text}"
                    );
                }
            }
        }
        let exported = &reports[4];
        assert_eq!(
            super::report(exported, Lang::En, Script::Hans),
            "Exported 118 figures to ./pressdash-figures-all.csv"
        );
        assert_eq!(
            super::report(exported, Lang::Zh, Script::Hant),
            "已匯出 118 項數據到 ./pressdash-figures-all.csv。"
        );
    }

    #[test]
    fn a_too_narrow_text_is_told_in_the_script_or_by_the_error() {
        let error = "too narrow";
        assert_eq!(
            text_too_narrow(&error, Lang::Zh, Script::Hant),
            "窗口太窄，無法顯示文字"
        );
        assert_eq!(text_too_narrow(&error, Lang::En, Script::Hant), error);
    }

    #[test]
    fn counts_say_what_they_count_and_pluralise_in_english_only() {
        let cases = [
            (
                topic_counts(1, 2, Lang::En, Script::Hans),
                "1 figure ⋅ 2 Q&A items",
            ),
            (
                topic_counts(1, 2, Lang::Zh, Script::Hant),
                "1 項數據 ⋅ 2 個問答",
            ),
            (
                shown_of(12, 131, false, Lang::En, Script::Hans),
                "12/131 figures, all themes",
            ),
            (
                shown_of(12, 131, true, Lang::En, Script::Hans),
                "12/131 figures, chosen themes",
            ),
            (
                shown_of(12, 131, false, Lang::Zh, Script::Hant),
                "12/131 項數據（全部主題）",
            ),
            (
                shown_of(12, 131, true, Lang::Zh, Script::Hans),
                "12/131 项数据（所选主题）",
            ),
            (
                labels_in_chinese(1, Lang::En, Script::Hans),
                "1 label in Chinese",
            ),
            (
                labels_in_chinese(13, Lang::En, Script::Hant),
                "13 labels in Chinese",
            ),
            (
                labels_in_chinese(13, Lang::Zh, Script::Hant),
                "13 個標籤為中文",
            ),
        ];
        for (made, expected) in cases {
            assert_eq!(made, expected);
        }
    }
}
