use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use std::ops::Range;

use super::*;
use crate::text::width::width as display_width;

/// The rows of `text` at `width`, joined by ` / ` as in the design notes.
fn rows(text: &str, width: usize) -> String {
    let rows = wrap(text, width).unwrap_or_else(|e| panic!("{text:?} at {width}: {e}"));
    for row in &rows {
        assert_eq!(
            row.width,
            display_width(row.slice(text)),
            "{row:?} of {text:?}"
        );
        assert!(row.width <= width, "{row:?} of {text:?} at {width}");
    }
    rows.iter()
        .map(|row| row.slice(text))
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn design_note_cases() {
    let cases = [
        ("一二三四五六七八九十", 10, "一二三四五 / 六七八九十"),
        ("一二三四五六七八九十", 9, "一二三四 / 五六七八 / 九十"),
        ("ab一二三", 5, "ab一 / 二三"),
        ("a中b", 2, "a / 中 / b"),
        ("一二三四五？六七", 10, "一二三四 / 五？六七"),
        ("一二三四。」好", 8, "一二三 / 四。」好"),
        ("一二三四《五六》七", 10, "一二三四 / 《五六》七"),
        ("他說“好的”然後走了", 6, "他說 / “好的” / 然後走 / 了"),
        (
            "全國快遞業務量完成8122.4萬件",
            20,
            "全國快遞業務量完成 / 8122.4萬件",
        ),
        ("同比增長50.9%。我們", 14, "同比增長 / 50.9%。我們"),
        (
            "我們認為ratatui非常好用",
            12,
            "我們認為 / ratatui非常 / 好用",
        ),
        ("我們認為——這", 9, "我們認為 / ——這"),
        ("好的……再見", 5, "好 / 的…… / 再見"),
        ("一二·三", 4, "一 / 二· / 三"),
    ];
    for (text, width, expected) in cases {
        assert_eq!(rows(text, width), expected, "{text:?} at {width}");
    }
}

#[test]
fn closing_punctuation_does_not_start_a_row() {
    assert_eq!(rows("一二，三", 4), "一 / 二， / 三");
    assert_eq!(rows("一二）三", 4), "一 / 二） / 三");
    assert_eq!(rows("abc, def", 4), "abc, / def");
    // when nothing else fits, the break is forced
    assert_eq!(rows("一「二」", 4), "一「 / 二」");
}

#[test]
fn opening_punctuation_does_not_end_a_row() {
    assert_eq!(rows("一「二」", 6), "一 / 「二」");
    assert_eq!(rows("一二(三)", 5), "一二 / (三)");
}

#[test]
fn dashes_and_ellipses_stay_whole() {
    assert_eq!(rows("一——二", 3), "一 / —— / 二");
    assert_eq!(rows("一――二", 3), "一 / ―― / 二");
    assert_eq!(rows("一二……", 5), "一 / 二……");
}

#[test]
fn latin_words_and_numbers_stay_whole() {
    assert_eq!(rows("中文ratatui", 8), "中文 / ratatui");
    assert_eq!(rows("中文２０２２", 8), "中文 / ２０２２");
    assert_eq!(rows("一二2013至2020年", 10), "一二2013至 / 2020年");
}

#[test]
fn separators_between_digits_bind() {
    assert_eq!(rows("增長50.9", 5), "增長 / 50.9");
    assert_eq!(rows("共1,000", 6), "共 / 1,000");
    assert_eq!(rows("一16:27", 5), "一 / 16:27");
    // the source's ASCII comma after a CJK word does not bind the number after it
    assert_eq!(rows("7月29日,2022年", 10), "7月29日, / 2022年");
}

#[test]
fn numbers_keep_their_units() {
    assert_eq!(rows("完成8122.4萬件", 8), "完成 / 8122.4萬 / 件");
    assert_eq!(rows("一二三四五2022年", 14), "一二三四五 / 2022年");
    assert_eq!(rows("同比50.9%", 6), "同比 / 50.9%");
    assert_eq!(rows("共計300多家", 8), "共計 / 300多家");
}

#[test]
fn a_break_falls_around_a_word_between_numbers() {
    let text = "時間2013至2020年";
    for width in 6..=20 {
        let rows = rows(text, width);
        assert!(rows.contains("2013") && rows.contains("2020年"), "{rows}");
    }
    assert_eq!(rows(text, 12), "時間2013至 / 2020年");
    assert_eq!(rows(text, 9), "時間2013 / 至2020年");
}

#[test]
fn spaces_at_a_break_are_dropped() {
    let text = "hello big world";
    let rows_at_9 = wrap(text, 9).unwrap_or_default();
    assert_eq!(rows(text, 9), "hello big / world");
    assert_eq!(rows_at_9[1].range, 10..15);
    assert_eq!(rows("ab   ", 4), "ab");
    assert_eq!(rows("a     b", 4), "a / b");
    // breaking after a space is allowed even before closing punctuation
    assert_eq!(rows("abc ?", 4), "abc / ?");
}

#[test]
fn an_indent_is_kept_unless_it_fills_the_row() {
    assert_eq!(rows("　　一二三", 6), "　　一 / 二三");
    assert_eq!(rows("  ab", 4), "  ab");
    assert_eq!(rows("      ab", 4), "ab");
    assert_eq!(rows("　　一二三", 5), "一二 / 三");
    assert_eq!(rows("　　一二三", 4), "一二 / 三");
    assert_eq!(rows("　 　一二", 7), "　 　一 / 二");
    // within a paragraph an ideographic space is text like any other
    assert_eq!(rows("一　二三", 4), "一　 / 二三");
}

#[test]
fn a_word_longer_than_the_row_is_cut() {
    let text = "中pneumonoultramicroscopic";
    let wrapped = wrap(text, 10).unwrap_or_default();
    // no row of 中 alone, when the word cannot fit on the next row anyway
    assert_eq!(rows(text, 10), "中pneumono / ultramicro / scopic");
    assert_eq!(
        wrapped.iter().map(|row| row.forced).collect::<Vec<_>>(),
        [true, true, false]
    );
}

#[test]
fn a_wide_character_never_takes_the_last_single_column() {
    assert_eq!(rows("abc中", 4), "abc / 中");
    let wrapped = wrap("abc中", 4).unwrap_or_default();
    assert_eq!(wrapped[0].width, 3);
}

#[test]
fn newlines_are_hard_breaks() {
    assert_eq!(rows("一\n\n二\r\n三\n", 10), "一 /  / 二 / 三 / ");
    let wrapped = wrap("一\n二", 10).unwrap_or_default();
    assert_eq!(wrapped[1].range, 4..7);
}

#[test]
fn empty_input_gives_one_empty_row() {
    assert_eq!(
        wrap("", 10),
        Ok(vec![Row {
            range: 0..0,
            width: 0,
            forced: false
        }])
    );
}

#[test]
fn too_narrow_is_an_error_with_a_message() {
    let err = wrap("a", 1).err();
    assert_eq!(err, Some(TooNarrow { width: 1, min: 2 }));
    assert!(wrap("a", 0).is_err());
    assert_eq!(
        err.map(|e| e.to_string()).unwrap_or_default(),
        "too narrow to show text: 1 column available, at least 2 needed"
    );
}

#[test]
fn a_grapheme_wider_than_the_row_stands_alone() {
    // Devanagari conjunct clusters that unicode-width counts as 3 columns
    let wide = "\u{0915}\u{094D}\u{0937}\u{093F}";
    let g_width = crate::text::grapheme_width(wide);
    if g_width > 2 {
        let text = format!("a{wide}b");
        let wrapped = wrap(&text, 2).unwrap_or_default();
        assert_eq!(wrapped.len(), 3);
        assert_eq!(wrapped[1].slice(&text), wide);
    }
}

// ---- properties ----

fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(vec![
            "一", "二", "國", "年", "萬", "件", "至", "好", "　",
        ]),
        4 => proptest::sample::select(vec![
            "，", "。", "？", "」", "》", "“", "”", "（", "《", "—", "…", "·", "%", ".", ",", "(",
            ")", "$",
        ]),
        4 => proptest::sample::select(vec!["a", "b", "Z", "é", "1", "2", "0", "８"]),
        3 => Just(" "),
        1 => proptest::sample::select(vec![
            "\u{1F468}\u{200D}\u{1F469}", "e\u{301}", "\u{301}", "\u{1F1E8}\u{1F1F3}", "\u{200B}",
            "\u{0915}\u{094D}\u{0937}\u{093F}",
        ]),
        1 => proptest::sample::select(vec!["\n", "\r\n"]),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|parts| parts.concat())
}

/// Checks every invariant of the rows of `text` at `width`.
fn check_rows(text: &str, width: usize) -> Result<(), TestCaseError> {
    let rows = wrap(text, width).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let mut covered = 0;
    for (i, row) in rows.iter().enumerate() {
        let slice = row.slice(text);
        prop_assert_eq!(row.width, display_width(slice));
        let single = slice.graphemes(true).count() == 1;
        prop_assert!(
            row.width <= width || single,
            "row {} too wide: {:?}",
            i,
            slice
        );
        prop_assert!(boundaries.contains(&row.range.start) && boundaries.contains(&row.range.end));
        // between rows only spaces dropped at a break or a line break
        let gap = &text[covered..row.range.start];
        prop_assert!(
            gap.chars()
                .all(|c| matches!(c, ' ' | '\n' | '\r' | '\u{3000}')),
            "gap {:?} before row {}",
            gap,
            i
        );
        prop_assert!(i == 0 || !gap.is_empty() || rows[i - 1].range.end == row.range.start);
        covered = row.range.end;
        if let Some(next) = rows.get(i + 1) {
            let gap = &text[row.range.end..next.range.start];
            if !gap.contains('\n') && !row.forced {
                prop_assert!(
                    rank_between(text, row.range.end, next.range.start) == Break::Allowed,
                    "break {:?} | {:?}",
                    slice,
                    next.slice(text)
                );
            }
        }
    }
    prop_assert!(text[covered..].chars().all(|c| c == ' '));
    // one row per paragraph at least
    prop_assert!(rows.len() > text.matches('\n').count());
    Ok(())
}

/// What a row ending at byte `end` of `text`, the next starting at `next`, gives up, as the
/// analysis of its paragraph says.
fn rank_between(text: &str, end: usize, next: usize) -> Break {
    let Some(range) = paragraphs(text)
        .into_iter()
        .find(|range| range.start <= end && next <= range.end)
    else {
        return Break::Never;
    };
    let mut paragraph = Paragraph::default();
    paragraph.analyse(text, range);
    paragraph
        .items
        .iter()
        .find(|item| item.start == next)
        .map_or(Break::Never, |item| item.before)
}

/// The paragraphs of `text` as byte ranges, line ends left out.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        ranges.push(start..start + line.strip_suffix('\r').unwrap_or(line).len());
        start += line.len() + 1;
    }
    ranges
}

/// Rows filled greedily, first fit, over the same break opportunities: each row ends at the
/// last allowed break that fits, or else at the one that gives up least of those that fit
/// (the last of them on a tie). What total fit is measured against.
fn greedy(text: &str, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut paragraph = Paragraph::default();
    for range in paragraphs(text) {
        paragraph.analyse(text, range);
        let n = paragraph.items.len();
        if n == 0 {
            paragraph.fit(width, &mut rows);
            continue;
        }
        let items = &paragraph.items;
        let (mut row, mut row_byte, mut row_col) = paragraph.first_row(width);
        loop {
            let mut last_allowed = None;
            let mut next = row + 1;
            while next < n && items[next].end_col - row_col <= width {
                if items[next].before == Break::Allowed {
                    last_allowed = Some(next);
                }
                next += 1;
            }
            if next < n && items[next].before != Break::Allowed {
                next = last_allowed.unwrap_or_else(|| {
                    (row + 1..=next)
                        .rev()
                        .min_by_key(|&k| items[k].before)
                        .unwrap_or(next)
                });
            }
            let end = &items[next - 1];
            rows.push(Row {
                range: row_byte..end.end,
                width: end.end_col - row_col,
                forced: next < n && items[next].before != Break::Allowed,
            });
            let Some(start) = items.get(next) else {
                break;
            };
            (row, row_byte, row_col) = (next, start.start, start.col);
        }
    }
    rows
}

/// Where a row may start by the rules: the start and end of every paragraph and every allowed
/// break.
fn allowed_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut paragraph = Paragraph::default();
    for range in paragraphs(text) {
        starts.push(range.start);
        paragraph.analyse(text, range.clone());
        starts.extend(
            paragraph
                .items
                .iter()
                .filter(|item| item.before == Break::Allowed)
                .map(|item| item.start),
        );
        starts.push(paragraph.items.last().map_or(range.end, |item| item.end));
    }
    starts
}

/// What rows cost, compared in order: the words and numbers split, the rows, the punctuation
/// given up, the raggedness.
type RowsCost = (u32, u32, u32, u64);

/// `cost` and one more row ending at a break of `rank` that leaves `slack` columns.
fn and_row(cost: RowsCost, rank: Break, slack: u64) -> RowsCost {
    let (split, rows, punctuation, ragged) = cost;
    if rank.outweighs_a_row() {
        (
            split + rank.penalty(),
            rows + 1,
            punctuation,
            ragged + slack * slack,
        )
    } else {
        (
            split,
            rows + 1,
            punctuation + rank.penalty(),
            ragged + slack * slack,
        )
    }
}

/// The least cost of a paragraph's rows, found by trying every pair of places where rows may
/// start.
fn least_cost(paragraph: &mut Paragraph, width: usize) -> RowsCost {
    let Some(last) = paragraph.items.last() else {
        return (0, 1, 0, 0);
    };
    let (first, _, first_col) = paragraph.first_row(width);
    if last.end_col - first_col <= width {
        return (0, 1, 0, 0);
    }
    paragraph.row_starts(first, first_col, width);
    let starts = &paragraph.scratch.starts;
    let mut best: Vec<Option<RowsCost>> = vec![None; starts.len()];
    best[0] = Some((0, 0, 0, 0));
    for c in 1..starts.len() {
        for b in 0..c {
            let row_width = starts[c].end_col - starts[b].col;
            let Some(before) = best[b] else { continue };
            if row_width > width && b + 1 < c {
                continue;
            }
            let (slack, rank) = if c + 1 == starts.len() {
                (0, Break::Allowed)
            } else {
                (width.saturating_sub(row_width) as u64, starts[c].before)
            };
            let cost = and_row(before, rank, slack);
            best[c] = Some(best[c].map_or(cost, |known| known.min(cost)));
        }
    }
    best[starts.len() - 1].unwrap_or_default()
}

/// What `rows` of the analysed `paragraph` cost.
fn cost_of(paragraph: &Paragraph, rows: &[Row], width: usize) -> RowsCost {
    let mut cost = (0, 1, 0, 0);
    for pair in rows.windows(2) {
        let slack = (width.saturating_sub(pair[0].width)) as u64;
        let items = &paragraph.items;
        let rank = items
            .binary_search_by_key(&pair[1].range.start, |item| item.start)
            .map_or(Break::Never, |k| items[k].before);
        cost = and_row(cost, rank, slack);
    }
    cost
}

/// The rows total fit chooses cost the least there is.
fn check_least_cost(text: &str, width: usize) -> Result<(), TestCaseError> {
    let mut paragraph = Paragraph::default();
    for range in paragraphs(text) {
        paragraph.analyse(text, range.clone());
        let mut rows = Vec::new();
        paragraph.fit(width, &mut rows);
        prop_assert_eq!(
            cost_of(&paragraph, &rows, width),
            least_cost(&mut paragraph, width),
            "{:?}",
            &text[range]
        );
    }
    Ok(())
}

/// In each paragraph, total fit splits no more words and numbers than greedy filling, and
/// where it splits as many (none, in most), takes no more rows; and it gives up a rule only
/// between two allowed breaks where greedy filling gives one up too.
fn check_against_greedy(text: &str, width: usize) -> Result<(), TestCaseError> {
    let mut paragraph = Paragraph::default();
    for range in paragraphs(text) {
        let text = &text[range];
        let fitted = wrap(text, width).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let greedy = greedy(text, width);
        paragraph.analyse(text, 0..text.len());
        let [
            (fitted_split, fitted_rows, ..),
            (greedy_split, greedy_rows, ..),
        ] = [&fitted, &greedy].map(|rows| cost_of(&paragraph, rows, width));
        prop_assert!(
            (fitted_split, fitted_rows) <= (greedy_split, greedy_rows),
            "{:?}: splits costing {} in {} rows, greedy {} in {}",
            text,
            fitted_split,
            fitted_rows,
            greedy_split,
            greedy_rows
        );
        let allowed = allowed_starts(text);
        let forced_starts = |rows: &[Row]| -> Vec<usize> {
            rows.windows(2)
                .filter(|pair| pair[0].forced)
                .map(|pair| pair[1].range.start)
                .collect()
        };
        let greedy_forced = forced_starts(&greedy);
        for at in forced_starts(&fitted) {
            let after = allowed.iter().rev().find(|&&p| p < at).copied();
            let before = allowed.iter().find(|&&p| p > at).copied();
            prop_assert!(
                greedy_forced
                    .iter()
                    .any(|&g| after.is_none_or(|p| g > p) && before.is_none_or(|p| g < p)),
                "total fit breaks a rule at byte {} of {:?} that greedy filling keeps",
                at,
                text
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::proptest_config::proptest_config(256))]

    #[test]
    fn rows_keep_every_invariant(text in mixed_text(), width in MIN_WIDTH..=80usize) {
        check_rows(&text, width)?;
    }

    #[test]
    fn rows_keep_every_invariant_when_narrow(text in mixed_text(), width in MIN_WIDTH..=6usize) {
        check_rows(&text, width)?;
    }

    #[test]
    fn total_fit_takes_no_more_rows_nor_rules_than_greedy(
        text in mixed_text(),
        width in MIN_WIDTH..=30usize,
    ) {
        check_against_greedy(&text, width)?;
    }

    #[test]
    fn total_fit_costs_the_least(text in mixed_text(), width in MIN_WIDTH..=30usize) {
        check_least_cost(&text, width)?;
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>(), width in 0usize..100) {
        if let Ok(rows) = wrap(&text, width) {
            prop_assert!(!rows.is_empty());
        }
    }
}

#[test]
fn wraps_the_whole_transcript() {
    let raw = include_str!("../../../data/raw/000_d46a46a87dc0840e.txt");
    let text = crate::text::sanitize(raw);
    for width in [2, 3, 15, 19, 21, 34, 40, 80] {
        let rows = wrap(&text, width).unwrap_or_default();
        let mut covered = 0;
        for pair in rows.windows(2) {
            let (row, next) = (&pair[0], &pair[1]);
            assert!(row.width <= width, "{row:?} at {width}");
            let gap = &text[row.range.end..next.range.start];
            assert!(gap.chars().all(|c| matches!(c, ' ' | '\n' | '\u{3000}')));
            let starts = next.slice(&text).chars().next().unwrap_or(' ');
            if !row.forced && !gap.contains('\n') {
                assert!(
                    !may_not_start_row(starts),
                    "{:?} at {width}",
                    next.slice(&text)
                );
            }
            covered += row.range.len() + gap.len();
        }
        let last = rows.last().map_or(0..0, |row| row.range.clone());
        assert_eq!(
            covered + last.len(),
            last.end,
            "rows cover the text at {width}"
        );
    }
}

// ---- rules beyond the basic level, each in both scripts ----

/// The rows of `text` at `width` for each of its forms (simplified, traditional), which must
/// break alike.
fn rows_in_both(texts: [&str; 2], width: usize) -> [String; 2] {
    texts.map(|text| rows(text, width))
}

#[test]
fn a_single_dash_connects_and_does_not_start_a_row() {
    assert_eq!(
        rows_in_both(
            ["活动2013年—2019年连续主办", "活動2013年—2019年連續主辦"],
            10
        ),
        [
            "活动 / 2013年— / 2019年连续 / 主办",
            "活動 / 2013年— / 2019年連續 / 主辦"
        ]
    );
    assert_eq!(
        rows_in_both(["技能强国—全国产业", "技能強國—全國產業"], 8),
        ["技能强 / 国—全国 / 产业", "技能強 / 國—全國 / 產業"]
    );
    // a double dash is one mark that may start a row
    assert_eq!(rows("我們認為——這", 9), "我們認為 / ——這");
}

#[test]
fn hyphens_do_not_start_a_row() {
    for hyphen in ["-", "‐", "–", "〜", "～", "゠"] {
        let [hans, hant] = [format!("九点{hyphen}十点半"), format!("九點{hyphen}十點半")];
        // the hyphen is what overflows the first row
        let width = 3 + display_width(hyphen);
        let rows = rows_in_both([&hans, &hant], width);
        assert_eq!(
            rows,
            [
                format!("九 / 点{hyphen} / 十点 / 半"),
                format!("九 / 點{hyphen} / 十點 / 半")
            ],
            "{hyphen}"
        );
    }
}

#[test]
fn half_width_punctuation_follows_the_full_width_rules() {
    // ｡ and ､ close a clause, ｣ a quotation: none starts a row; ｢ does not end one
    assert_eq!(
        rows_in_both(["一二三四｡五六", "一二三四｡五六"], 8),
        ["一二三 / 四｡五六", "一二三 / 四｡五六"]
    );
    assert_eq!(
        rows_in_both(["他说好､走吧", "他說好､走吧"], 6),
        ["他说 / 好､走 / 吧", "他說 / 好､走 / 吧"]
    );
    assert_eq!(
        rows_in_both(["他说好｢的｣", "他說好｢的｣"], 7),
        ["他说好 / ｢的｣", "他說好 / ｢的｣"]
    );
}

#[test]
fn a_sign_stays_with_its_number() {
    assert_eq!(
        rows_in_both(["同比下降-3.5%", "同比下降-3.5%"], 10),
        ["同比下降 / -3.5%", "同比下降 / -3.5%"]
    );
    assert_eq!(
        rows_in_both(["同比增长+2.1%", "同比增長+2.1%"], 10),
        ["同比增长 / +2.1%", "同比增長 / +2.1%"]
    );
}

#[test]
fn a_fraction_stays_whole() {
    assert_eq!(
        rows_in_both(["完成了1/3", "完成了1/3"], 8),
        ["完成了 / 1/3", "完成了 / 1/3"]
    );
}

#[test]
fn a_hyphen_before_digits_stays_with_them() {
    assert_eq!(
        rows_in_both(["防控COVID-19疫情", "防控COVID-19疫情"], 10),
        ["防控 / COVID-19疫 / 情", "防控 / COVID-19疫 / 情"]
    );
}

#[test]
fn urls_and_words_move_whole_to_the_next_row() {
    assert_eq!(
        rows_in_both(["详见www.acftu.org", "詳見www.acftu.org"], 13),
        ["详见 / www.acftu.org", "詳見 / www.acftu.org"]
    );
    assert_eq!(
        rows_in_both(
            ["网址https://acftu.org/a/b", "網址https://acftu.org/a/b"],
            24
        ),
        [
            "网址 / https://acftu.org/a/b",
            "網址 / https://acftu.org/a/b"
        ]
    );
    assert_eq!(
        rows_in_both(["这是China's方案", "這是China's方案"], 9),
        ["这是 / China's方 / 案", "這是 / China's方 / 案"]
    );
    // a full stop after a URL ends the sentence, not the URL
    assert_eq!(urls("見www.acftu.org。"), vec![3..16]);
    assert_eq!(urls("see https://a.org/x."), vec![4..19]);
    assert!(urls("awww.b").is_empty());
}

#[test]
fn a_full_width_full_stop_is_a_decimal_point_between_digits() {
    assert_eq!(
        rows_in_both(["同比增长３．５％，一二", "同比增長３．５％，一二"], 10),
        [
            "同比增长 / ３．５％， / 一二",
            "同比增長 / ３．５％， / 一二"
        ]
    );
}

#[test]
fn a_full_width_fraction_stays_whole() {
    assert_eq!(
        rows_in_both(["进度３／４，一二", "進度３／４，一二"], 8),
        ["进度 / ３／４， / 一二", "進度 / ３／４， / 一二"]
    );
}

#[test]
fn the_ellipsis_of_midline_dots_stays_whole() {
    assert_eq!(
        rows_in_both(["好的⋯⋯再见", "好的⋯⋯再見"], 5),
        ["好 / 的⋯⋯ / 再见", "好 / 的⋯⋯ / 再見"]
    );
}

#[test]
fn the_interpunct_of_names_does_not_start_a_row() {
    assert_eq!(
        rows_in_both(["我们索朗‧德吉同志", "我們索朗‧德吉同志"], 8),
        ["我们索 / 朗‧德吉 / 同志", "我們索 / 朗‧德吉 / 同志"]
    );
}

/// Marks of JIS X 4051's classes beyond the commonest: closing brackets and quotes, dividing
/// marks, middle dots, full stops, commas (small forms too), inseparable marks, iteration
/// marks and postfixed units.
const MORE_MAY_NOT_START_ROW: [&str; 33] = [
    "．", "／", "⋯", "‥", "‧", "〞", "〟", "｠", "»", "﹐", "﹑", "﹒", "﹔", "﹕", "﹖", "﹗",
    "﹚", "﹜", "﹞", "﹪", "﹣", "‼", "⁇", "⁈", "⁉", "′", "″", "￠", "℉", "々", "〻", "ゝ", "ヽ",
];

/// Opening brackets and quotes, and prefixed units, beyond the commonest.
const MORE_MAY_NOT_END_ROW: [&str; 10] = ["〝", "｟", "«", "﹙", "﹛", "﹝", "＄", "￡", "﹩", "№"];

#[test]
fn every_closing_mark_stays_off_a_row_start() {
    for mark in MORE_MAY_NOT_START_ROW {
        let [hans, hant] = [format!("九点{mark}十点半"), format!("九點{mark}十點半")];
        // the mark is what overflows the first row
        let width = 3 + display_width(mark);
        assert_eq!(
            rows_in_both([&hans, &hant], width),
            [
                format!("九 / 点{mark} / 十点 / 半"),
                format!("九 / 點{mark} / 十點 / 半")
            ],
            "{mark}"
        );
    }
}

#[test]
fn every_opening_mark_stays_off_a_row_end() {
    for mark in MORE_MAY_NOT_END_ROW {
        let [hans, hant] = [format!("九点{mark}十点半"), format!("九點{mark}十點半")];
        // the mark would end the first row, full to the last column
        let width = 4 + display_width(mark);
        assert_eq!(
            rows_in_both([&hans, &hant], width),
            [
                format!("九点 / {mark}十点 / 半"),
                format!("九點 / {mark}十點 / 半")
            ],
            "{mark}"
        );
    }
}

#[test]
fn a_hyphen_after_a_letter_breaks_after_itself() {
    // the word cannot fit on a row: it is split after its hyphen, which starts no row
    assert_eq!(
        rows_in_both(["我们在COVID-19疫情期间", "我們在COVID-19疫情期間"], 7),
        [
            "我们在 / COVID- / 19疫情 / 期间",
            "我們在 / COVID- / 19疫情 / 期間"
        ]
    );
    assert_eq!(
        rows_in_both(
            ["版本ratatui-0.30和tokio-1.4", "版本ratatui-0.30與tokio-1.4"],
            11
        ),
        [
            "版本 / ratatui- / 0.30和 / tokio-1.4",
            "版本 / ratatui- / 0.30與 / tokio-1.4"
        ]
    );
}

// ---- total fit ----

#[test]
fn rows_end_evenly_rather_than_greedily() {
    let texts = [
        "全国快递业务量完成8122.4万件",
        "全國快遞業務量完成8122.4萬件",
    ];
    assert_eq!(
        texts.map(|text| greedy_rows(text, 8)),
        [
            "全国快递 / 业务量完 / 成 / 8122.4万 / 件",
            "全國快遞 / 業務量完 / 成 / 8122.4萬 / 件"
        ]
    );
    assert_eq!(
        rows_in_both(texts, 8),
        [
            "全国快 / 递业务 / 量完成 / 8122.4万 / 件",
            "全國快 / 遞業務 / 量完成 / 8122.4萬 / 件"
        ]
    );
    // the last row is free: a short one costs nothing
    assert_eq!(
        rows("一二三四五六七八九十。好", 14),
        "一二三四五六七 / 八九十。好"
    );
}

/// The greedy rows of `text` at `width`, joined like [`rows`].
fn greedy_rows(text: &str, width: usize) -> String {
    greedy(text, width)
        .iter()
        .map(|row| row.slice(text))
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn forced_breaks_give_up_punctuation_before_numbers_and_numbers_before_words() {
    // punctuation before a word: `(` ends a row or `)` starts one rather than 12345 split
    assert_eq!(rows("(12345)", 6), "(12345 / )");
    // a number before a word: the sign leaves its digits rather than the digits split
    assert_eq!(rows("−12345", 5), "− / 12345");
    // punctuation before a number
    assert_eq!(rows("(+123)", 5), "(+123 / )");
    // a unit leaves its number rather than the number splitting
    assert_eq!(rows("12345萬", 5), "12345 / 萬");
    for (text, width) in [("(12345)", 6), ("−12345", 5), ("(+123)", 5), ("12345萬", 5)] {
        let wrapped = wrap(text, width).unwrap_or_default();
        assert!(wrapped[0].forced, "{text}");
    }
}

#[test]
fn a_number_stays_whole_where_punctuation_can_give_way_instead() {
    // a full stop starts a row rather than the year being split, though that takes a row more
    assert_eq!(
        rows_in_both(["由工会主办，2013年。", "由工會主辦，2013年。"], 7),
        [
            "由工会 / 主办， / 2013年 / 。",
            "由工會 / 主辦， / 2013年 / 。"
        ]
    );
    // nor does a number leave its sign or its percent sign
    assert_eq!(
        rows_in_both(["同比减少−3.5%，好", "同比減少−3.5%，好"], 6),
        ["同比 / 减少 / −3.5% / ，好", "同比 / 減少 / −3.5% / ，好"]
    );
    // brackets give way on both sides rather than the number inside
    assert_eq!(
        rows_in_both(["说「12345678」", "說「12345678」"], 8),
        ["说「 / 12345678 / 」", "說「 / 12345678 / 」"]
    );
}

#[test]
fn dashes_and_ellipses_give_way_after_plain_punctuation() {
    assert_eq!(
        rows_in_both(["说「……」", "說「……」"], 5),
        ["说「 / ……」", "說「 / ……」"]
    );
    assert_eq!(
        rows_in_both(["说「——」", "說「——」"], 5),
        ["说「 / ——」", "說「 / ——」"]
    );
}

#[test]
fn no_row_of_one_character_when_the_rest_cannot_fit_anyway() {
    assert_eq!(greedy_rows("一「12345678」", 7), "一 / 「 / 1234567 / 8」");
    assert_eq!(rows("一「12345678」", 7), "一「123 / 45678」");
    assert_eq!(
        greedy_rows("他说ratatuiratatui", 10),
        "他说 / ratatuirat / atui"
    );
    assert_eq!(rows("他说ratatuiratatui", 10), "他说ratatu / iratatui");
}

/// Rows of `rows` other than a paragraph's last that leave 4 or more of `width` columns
/// unused.
fn ragged(rows: &[Row], text: &str, width: usize) -> usize {
    rows.windows(2)
        .filter(|pair| {
            !text[pair[0].range.end..pair[1].range.start].contains('\n')
                && width - pair[0].width >= 4
        })
        .count()
}

/// Every paragraph of the transcript in both scripts at every width from 8 to 160 (a spread
/// of them in debug builds, which lay out many times slower): total fit takes no more rows
/// than greedy filling, gives up no rule it keeps, and leaves far fewer ragged rows.
#[test]
fn total_fit_evens_the_transcript() {
    let data: crate::data::Dataset =
        serde_json::from_str(crate::data::EMBEDDED_JSON).unwrap_or_else(|e| panic!("{e}"));
    let widths: Vec<usize> = if cfg!(debug_assertions) {
        (8..=20)
            .chain((21..=160).step_by(13))
            .chain([160])
            .collect()
    } else {
        (8..=160).collect()
    };
    for script in [crate::data::Script::Hans, crate::data::Script::Hant] {
        let (mut greedy_ragged, mut fitted_ragged) = (0, 0);
        for paragraph in data.segments.iter().flat_map(|segment| &segment.paragraphs) {
            let text = paragraph.text.get(script);
            for &width in &widths {
                check_against_greedy(text, width).unwrap_or_else(|e| panic!("{e} at {width}"));
                greedy_ragged += ragged(&greedy(text, width), text, width);
                fitted_ragged += ragged(&wrap(text, width).unwrap_or_default(), text, width);
            }
        }
        println!(
            "{script:?}, widths {}–{} ({} of them): rows with 4 or more unused columns: greedy {greedy_ragged}, total fit {fitted_ragged}",
            widths[0],
            widths[widths.len() - 1],
            widths.len()
        );
        assert!(
            fitted_ragged * 3 < greedy_ragged,
            "{fitted_ragged} of {greedy_ragged}"
        );
    }
}

/// The pieces of `text` cover it in order, each at most `max` bytes.
fn assert_pieces_cover(text: &str, pieces: &[Range<usize>], max: usize) {
    let mut end = 0;
    for piece in pieces {
        assert_eq!(piece.start, end, "pieces follow each other");
        assert!(!piece.is_empty(), "no empty piece");
        assert!(piece.len() <= max, "{piece:?} is over {max} bytes");
        end = piece.end;
    }
    assert_eq!(end, text.len(), "the pieces cover the text");
}

#[test]
fn a_short_text_is_one_piece() {
    let whole = |text: &str| {
        vec![Range {
            start: 0,
            end: text.len(),
        }]
    };
    assert_eq!(pieces("全国快递业务量", 64), whole("全国快递业务量"));
    assert_eq!(pieces("", 64), whole(""));
}

#[test]
fn long_text_is_cut_after_a_sentence_end() {
    let text = "截至2021年底，全国工会会员总数达2.96亿人。".repeat(40);
    let found = pieces(&text, 512);
    assert!(found.len() > 2);
    assert_pieces_cover(&text, &found, 512);
    for piece in &found[..found.len() - 1] {
        assert!(
            text[piece.clone()].ends_with('。'),
            "{:?}",
            &text[piece.clone()]
        );
    }
}

#[test]
fn without_sentence_ends_a_cut_is_where_a_row_may_end() {
    // Ideographs with numbers and units: never between a number and its unit, nor before
    // the closing comma.
    let text = "全国快递业务量完成8122.4万件，同比增长50.9%，".repeat(30);
    let found = pieces(&text, 300);
    assert_pieces_cover(&text, &found, 300);
    for piece in &found[..found.len() - 1] {
        let before = text[..piece.end].chars().next_back();
        let after = text[piece.end..].chars().next();
        let (Some(before), Some(after)) = (before, after) else {
            panic!("a cut inside the text");
        };
        assert!(!may_not_start_row(after), "a row would start with {after}");
        assert!(
            !(is_digit(before) && is_unit_or_counter(after)),
            "{before}|{after}"
        );
        assert!(!(is_digit(before) && is_digit(after)), "{before}|{after}");
    }
}

#[test]
fn latin_text_is_cut_after_a_space_and_no_piece_starts_with_one() {
    let text = "Union membership reached 296 million people by the end of 2021 ".repeat(20);
    let found = pieces(&text, 200);
    assert_pieces_cover(&text, &found, 200);
    for piece in &found[1..] {
        assert!(
            !text[piece.clone()].starts_with(' '),
            "{:?}",
            &text[piece.clone()]
        );
        assert!(text[..piece.start].ends_with(' '));
    }
}

#[test]
fn one_endless_word_is_cut_where_it_must_be() {
    let text = "a".repeat(1000);
    let found = pieces(&text, 100);
    assert_pieces_cover(&text, &found, 100);
    assert_eq!(found.len(), 10);
}

proptest! {
    #![proptest_config(crate::proptest_config::proptest_config(256))]

    /// Any text is cut into pieces that cover it, on character boundaries, within the size.
    #[test]
    fn pieces_cover_any_text(
        text in "[一二。，、a1 .\u{301}\u{1f469}\u{3000}]{0,400}",
        max in 8usize..120,
    ) {
        let found = pieces(&text, max);
        let mut end = 0;
        for piece in &found {
            prop_assert_eq!(piece.start, end);
            prop_assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
            prop_assert!(piece.len() <= max.max(8));
            end = piece.end;
        }
        prop_assert_eq!(end, text.len());
    }
}
