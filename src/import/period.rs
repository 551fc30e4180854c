//! The period a figure refers to, from the words before it in its sentence: `截至2022年4月`,
//! `截至目前`, `2012年以来`, `党的十八大以来`, `2013年至2020年`, `近5年来`, `十年来`,
//! `今年`, `一季度` (a part of the conference's year: the schema's periods go no finer than
//! a year), `2021年`. A date of the form "as of" governs everything after it in the sentence
//! (`截至2022年5月底，党的十八大以来，…`); otherwise the nearest phrase before the figure does.

use std::sync::LazyLock;

use regex::Regex;

use crate::data::Period;

/// The Party congresses texts date periods from, and their years.
const CONGRESSES: [(&str, u16); 5] = [
    ("十六大", 2002),
    ("十七大", 2007),
    ("十八大", 2012),
    ("十九大", 2017),
    ("二十大", 2022),
];

/// A number of years written in digits or Chinese numerals (`5`, `五`, `十`).
fn years(text: &str) -> Option<u16> {
    text.parse().ok().or_else(|| {
        let raw = format!("{text}倍");
        crate::data::number::parse_raw(&raw)
            .ok()
            .map(|parsed| parsed.value as u16)
    })
}

/// Phrases that date a state: `截至2022年5月底`, `截至今年4月`, `截至目前`, `2020年底`.
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:截至|截止到|截止)(?:(?<year>\d{4})年|(?<this>今年|去年))?(?:(?<month>\d{1,2})月)?(?<end>底|末)?|到目前为止|目前|迄今|到?(?<yearend>\d{4})年(?:底|末)",
    )
    .expect("a valid pattern")
});

/// A comparison's base (`比2019年`, `比去年同期`, `与2019年相比`, `较上年末`, `同比`): the
/// year a change is measured against, not the period of the figure.
static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:比|较|与|同)(?:\d{4}年|去年|上年|前年)(?:同期|底|末)?(?:相比)?")
        .expect("a valid pattern")
});

/// Phrases that name a span or a year.
static OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?<from>\d{4})年?\s*(?:至|到|—|－|-|～|~)\s*(?<to>\d{4})年|近(?<recent>\d{1,2}|[一二三四五六七八九十]+)年|(?<since>\d{4})年(?:\d{1,2}月)?(?:起|[^，。；]{0,12}?以来)|[“\x22]?十(?<plan>[一二三四五])五[”\x22]?(?<plan_span>以来|期间|时期)|(?<congress>十六大|十七大|十八大|十九大|二十大)以来|(?<span>\d{1,2}|[一二三四五六七八九十]+)年来|(?<named>\d{4})年(?:[一二三四]季度|前三季度|上半年|下半年)?|(?<relative>今年|去年|[一二三四]季度|前三季度|上半年|下半年)",
    )
    .expect("a valid pattern")
});

/// The period of a figure whose sentence reads `before` up to it, for a conference held in
/// `year`-`month`.
pub fn find(before: &str, year: u16, month: u8) -> Option<Period> {
    let before = COMPARED.replace_all(before, "，");
    let before = before.as_ref();
    let as_of = AS_OF
        .captures_iter(before)
        .map(|found| {
            let named_year = match (found.name("year"), found.name("this")) {
                (Some(digits), _) => digits.as_str().parse().ok(),
                (None, Some(word)) if word.as_str() == "去年" => Some(year.saturating_sub(1)),
                (None, Some(_)) => Some(year),
                (None, None) => None,
            };
            let month_named = found
                .name("month")
                .and_then(|m| m.as_str().parse::<u8>().ok());
            if let Some(end_year) = found.name("yearend") {
                return format!("{}-12", end_year.as_str());
            }
            match (named_year, month_named) {
                (Some(y), Some(m)) => format!("{y}-{m:02}"),
                (Some(y), None) if found.name("end").is_some() => format!("{y}-12"),
                (Some(y), None) => y.to_string(),
                (None, Some(m)) => format!("{year}-{m:02}"),
                (None, None) => format!("{year}-{month:02}"),
            }
        })
        .last();
    if let Some(date) = as_of {
        return Some(Period::AsOf { date });
    }
    let found = OTHER.captures_iter(before).last()?;
    let number = |name: &str| {
        found
            .name(name)
            .and_then(|m| m.as_str().parse::<u16>().ok())
    };
    if let (Some(from), Some(to)) = (number("from"), number("to")) {
        return (from <= to).then_some(Period::Range { from, to });
    }
    if let Some(span) = found.name("recent") {
        return years(span.as_str()).map(|years| Period::Recent { years });
    }
    if let Some(since) = number("since") {
        return Some(Period::Since { year: since });
    }
    if let Some(plan) = found.name("plan") {
        // The five-year plans: the 11th ran 2006-2010, each next one five years later.
        let first = 2006 + 5 * (years(plan.as_str())? - 1);
        return Some(match found.name("plan_span").map(|m| m.as_str()) {
            Some("以来") => Period::Since { year: first },
            _ => Period::Range {
                from: first,
                to: first + 4,
            },
        });
    }
    if let Some(congress) = found.name("congress") {
        let year = CONGRESSES
            .iter()
            .find(|(name, _)| *name == congress.as_str())?
            .1;
        return Some(Period::Since { year });
    }
    // 十年来 says a span back from the day, as 近5年来 does, not a year it started in.
    if let Some(span) = found.name("span") {
        return years(span.as_str()).map(|years| Period::Recent { years });
    }
    if let Some(named) = number("named") {
        return Some(Period::Year { year: named });
    }
    match found.name("relative").map(|m| m.as_str()) {
        Some("去年") => Some(Period::Year {
            year: year.saturating_sub(1),
        }),
        Some(_) => Some(Period::Year { year }),
        None => None,
    }
}

/// A period as a person reads it, in Chinese and English, for messages and chart titles.
pub fn words(period: Option<&Period>) -> (String, String) {
    match period {
        None => ("未注明时期".to_owned(), "no period".to_owned()),
        Some(Period::Year { year }) => (format!("{year}年"), year.to_string()),
        Some(Period::Range { from, to }) => (format!("{from}至{to}年"), format!("{from}-{to}")),
        Some(Period::Since { year }) => (format!("{year}年以来"), format!("since {year}")),
        Some(Period::AsOf { date }) => (format!("截至{date}"), format!("as of {date}")),
        Some(Period::Recent { years }) => {
            (format!("近{years}年"), format!("the last {years} years"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(before: &str) -> Option<Period> {
        find(before, 2022, 7)
    }

    #[expect(
        clippy::unnecessary_wraps,
        reason = "compared with what `find` returns"
    )]
    fn as_of(date: &str) -> Option<Period> {
        Some(Period::AsOf { date: date.into() })
    }

    #[test]
    fn periods_read_in_both_languages() {
        assert_eq!(
            words(Some(&Period::Since { year: 2012 })),
            ("2012年以来".to_owned(), "since 2012".to_owned())
        );
        assert_eq!(words(None).1, "no period");
    }

    #[test]
    fn as_of_a_date() {
        assert_eq!(
            period("截至2022年5月底，党的十八大以来，共"),
            as_of("2022-05")
        );
        assert_eq!(period("截至2021年末，全国"), as_of("2021-12"));
        assert_eq!(period("到2021年底，全国"), as_of("2021-12"));
        assert_eq!(period("2020年底，全国"), as_of("2020-12"));
        assert_eq!(period("截至今年4月，全国已建站点近"), as_of("2022-04"));
        assert_eq!(period("截至目前，已推动"), as_of("2022-07"));
        assert_eq!(period("目前全国共有"), as_of("2022-07"));
        assert_eq!(period("截至2021年，"), as_of("2021"));
        assert_eq!(period("截至7月，"), as_of("2022-07"));
    }

    #[test]
    fn a_comparison_base_is_no_period() {
        assert_eq!(period("日均2.1亿人次，比2019年增长约"), None);
        assert_eq!(period("比去年增加"), None);
        assert_eq!(period("比去年同期增长约"), None);
        assert_eq!(period("与2019年相比，增长"), None);
        assert_eq!(period("较上年末增加"), None);
        assert_eq!(period("同比增长"), None);
        assert_eq!(
            period("今年春运40天，日均2.1亿人次，比2019年增长约"),
            Some(Period::Year { year: 2022 })
        );
    }

    #[test]
    fn since_ranges_spans_and_years() {
        let since = |year| Some(Period::Since { year });
        assert_eq!(period("党的十八大以来，累计表彰"), since(2012));
        assert_eq!(period("2013年以来，联合举办了"), since(2013));
        assert_eq!(period("自2014年以来，创建命名了"), since(2014));
        assert_eq!(
            period("十年来，累计组织"),
            Some(Period::Recent { years: 10 })
        );
        assert_eq!(
            period("2021年比2012年提高了"),
            Some(Period::Year { year: 2021 })
        );
        assert_eq!(period("自2020年1月新冠肺炎疫情发生以来，共"), since(2020));
        assert_eq!(
            period("2013至2020年，提出合理化建议"),
            Some(Period::Range {
                from: 2013,
                to: 2020
            })
        );
        assert_eq!(
            period("2013年—2019年连续主办"),
            Some(Period::Range {
                from: 2013,
                to: 2019
            })
        );
        assert_eq!(period("近5年来，全总"), Some(Period::Recent { years: 5 }));
        assert_eq!(period("近五年，"), Some(Period::Recent { years: 5 }));
        assert_eq!(period("从2012年的"), Some(Period::Year { year: 2012 }));
        assert_eq!(period("2019年组织两批"), Some(Period::Year { year: 2019 }));
        assert_eq!(period("今年一季度，"), Some(Period::Year { year: 2022 }));
        assert_eq!(period("去年，"), Some(Period::Year { year: 2021 }));
        assert_eq!(period("一季度，全国"), Some(Period::Year { year: 2022 }));
        assert_eq!(period("2021年上半年，"), Some(Period::Year { year: 2021 }));
        assert_eq!(period("全国共有"), None);
        assert_eq!(period("“十三五”以来，全国"), since(2016));
        assert_eq!(period("\"十四五\"以来，"), since(2021));
        assert_eq!(
            period("“十三五”期间，累计"),
            Some(Period::Range {
                from: 2016,
                to: 2020
            })
        );
        assert_eq!(period("增加到2021年的"), Some(Period::Year { year: 2021 }));
    }
}
