//! The pager's moves, search, relayouts and clicks, on a small transcript.

use super::*;
use crate::app::transcript::fixture;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

const NO_TOPICS: &BTreeSet<String> = &BTreeSet::new();

fn ctx(data: &Dataset, script: Script) -> PagerContext<'_> {
    PagerContext {
        data,
        script,
        lang: Lang::Zh,
        topics: NO_TOPICS,
        text: "",
    }
}

/// A narrow area: a one-row list on top, then `height - 1` text rows of `width - 1`.
fn area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width, height)
}

fn top_text(pager: &Pager) -> &str {
    pager
        .layout()
        .map_or("", |laid| laid.line_text(pager.top()))
}

fn search(pager: &mut Pager, query: &str, ctx: &PagerContext) {
    assert!(pager.apply(Action::StartSearch, ctx));
    assert!(pager.is_prompting());
    for c in query.chars() {
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), ctx);
    }
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), ctx);
    assert!(!pager.is_prompting());
}

fn matched_texts(pager: &Pager, data: &Dataset) -> Vec<String> {
    let laid = pager.layout().expect("laid out");
    pager
        .search()
        .expect("searched")
        .matches
        .iter()
        .map(|m| laid.text_of(data, m.block)[m.range.clone()].to_owned())
        .collect()
}

#[test]
fn new_lays_nothing_out_until_resized() {
    let pager = Pager::new();
    assert!(matches!(pager.laid(), Laid::NotYet));
    assert_eq!(pager.status(), PagerStatus::default());
}

#[test]
fn moves_by_row_page_and_item() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(25, 6), &ctx);
    let total = pager.layout().expect("laid out").lines.len();
    assert!(total > 20, "the fixture is long enough at this width");
    assert!(pager.apply(Action::Down, &ctx));
    assert_eq!(pager.top(), 1);
    assert!(pager.apply(Action::PageDown, &ctx));
    assert_eq!(pager.top(), 5, "a page is the 5 text rows less one");
    assert!(pager.apply(Action::HalfPageUp, &ctx));
    assert_eq!(pager.top(), 3);
    assert!(pager.apply(Action::Bottom, &ctx));
    assert_eq!(pager.top(), total - 5);
    assert_eq!(pager.status().percent, 100);
    assert!(pager.apply(Action::Down, &ctx));
    assert_eq!(pager.top(), total - 5, "never past the end");
    assert!(pager.apply(Action::Top, &ctx));
    assert_eq!(pager.top(), 0);
    assert_eq!(pager.status().item, Some((1, 4)));

    assert!(pager.apply(Action::NextItem, &ctx));
    assert_eq!(pager.current_item(), 1);
    assert!(top_text(&pager).starts_with("一、"));
    assert!(pager.apply(Action::NextItem, &ctx));
    assert!(top_text(&pager).starts_with("提问1"));
    assert!(pager.apply(Action::Down, &ctx));
    assert!(pager.apply(Action::PrevItem, &ctx));
    assert!(
        top_text(&pager).starts_with("提问1"),
        "first back to this item's heading"
    );
    assert!(pager.apply(Action::PrevItem, &ctx));
    assert!(top_text(&pager).starts_with("一、"));
    assert!(!pager.apply(Action::ToggleScript, &ctx));
}

#[test]
fn the_list_highlights_the_last_items_even_when_the_view_cannot_reach_them() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(120, 40), &ctx);
    assert_eq!(pager.status().percent, 100, "everything fits");
    for _ in 0..5 {
        pager.apply(Action::NextItem, &ctx);
    }
    assert_eq!(pager.top(), 0);
    assert_eq!(pager.status().item, Some((4, 4)));
    pager.resize(area(110, 40), &ctx);
    assert_eq!(pager.status().item, Some((4, 4)), "still, after a resize");
}

#[test]
fn a_query_in_either_script_finds_the_text_shown_in_the_other() {
    let data = fixture();
    for (script, query, shown) in [
        (Script::Hant, "快递业务量", "快遞業務量"),
        (Script::Hans, "快遞業務量", "快递业务量"),
        (Script::Hant, "工会", "工會"),
        (Script::Hans, "工會", "工会"),
    ] {
        let ctx = ctx(&data, script);
        let mut pager = Pager::new();
        pager.resize(area(60, 10), &ctx);
        search(&mut pager, query, &ctx);
        let found = matched_texts(&pager, &data);
        assert!(!found.is_empty(), "{query} in {script:?}");
        assert!(found.iter().all(|text| text == shown), "{query}: {found:?}");
    }
}

#[test]
fn a_paragraph_whose_conversion_changed_its_length_is_searched_with_the_table() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hant);
    let mut pager = Pager::new();
    pager.resize(area(60, 10), &ctx);
    // 里面 → 裡面 in the one paragraph whose two scripts differ in length; the table knows
    // 里 → 裡 from the opening, where 这里 is 這裡.
    search(&mut pager, "里面", &ctx);
    assert_eq!(matched_texts(&pager, &data), ["裡面"]);
    let laid = pager.layout().expect("laid out");
    let found = &pager.search().expect("searched").matches[0];
    assert_eq!(laid.blocks[found.block].paragraph, Some(2));
}

#[test]
fn n_and_shift_n_wrap_around_and_count() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(30, 8), &ctx);
    search(&mut pager, "工会", &ctx);
    let count = pager.search().expect("searched").matches.len();
    assert!(count >= 3, "{count}");
    assert_eq!(pager.status().matches, Some((1, count)));
    assert!(
        pager
            .status()
            .text(Lang::En, Script::Hans)
            .ends_with(&format!("1/{count}"))
    );
    assert!(pager.apply(Action::PrevMatch, &ctx));
    assert_eq!(
        pager.status().matches,
        Some((count, count)),
        "wraps to the last"
    );
    assert!(pager.apply(Action::NextMatch, &ctx));
    assert_eq!(
        pager.status().matches,
        Some((1, count)),
        "wraps to the first"
    );
    for _ in 1..count {
        pager.apply(Action::NextMatch, &ctx);
    }
    // The last match's row is in view.
    let laid = pager.layout().expect("laid out");
    let last = &pager.search().expect("searched").matches[count - 1];
    let line = laid.line_of_offset(last.block, last.range.start);
    assert!((pager.top()..pager.top() + 7).contains(&line));
    assert!(pager.apply(Action::Back, &ctx));
    assert!(pager.search().is_none());
    assert!(!pager.apply(Action::Back, &ctx), "nothing left to clear");
    assert!(
        !pager.apply(Action::NextMatch, &ctx),
        "no search to step through"
    );
}

#[test]
fn the_search_follows_the_typing_and_esc_goes_back() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(30, 6), &ctx);
    pager.apply(Action::StartSearch, &ctx);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    pager.handle_prompt_key(key('缩'), &ctx);
    assert!(pager.is_prompting());
    assert_eq!(pager.status().matches, Some((1, 1)));
    assert!(pager.top() > 0, "the view went to the match");
    pager.handle_prompt_key(key('x'), &ctx);
    assert_eq!(pager.status().matches, Some((0, 0)));
    assert_eq!(pager.top(), 0, "no match: back where the prompt opened");
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE), &ctx);
    assert!(pager.top() > 0);
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &ctx);
    assert_eq!(pager.top(), 0);
    assert!(pager.search().is_none(), "no search before the prompt");
}

#[test]
fn pasted_text_goes_into_the_open_prompt() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(30, 8), &ctx);
    assert!(!pager.handle_prompt_paste("工会", &ctx), "no prompt open");
    pager.apply(Action::StartSearch, &ctx);
    assert!(pager.handle_prompt_paste("工\n会", &ctx));
    assert_eq!(pager.prompt().map(LineInput::text), Some("工会"));
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &ctx);
    assert!(pager.status().matches.is_some_and(|(_, count)| count > 0));
}

#[test]
fn a_search_with_no_match_says_so_and_esc_keeps_the_previous_one() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(30, 8), &ctx);
    search(&mut pager, "不存在的词", &ctx);
    assert_eq!(pager.status().matches, Some((0, 0)));
    assert!(
        pager
            .status()
            .text(Lang::Zh, Script::Hans)
            .ends_with("无匹配")
    );
    assert_eq!(
        pager.status().text(Lang::Zh, Script::Hant),
        format!("第1/4項 ⋅ {}% ⋅ 無匹配", pager.status().percent)
    );
    search(&mut pager, "工会", &ctx);
    pager.apply(Action::StartSearch, &ctx);
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE), &ctx);
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &ctx);
    assert!(!pager.is_prompting());
    assert_eq!(pager.search().expect("kept").query, "工会");
}

#[test]
fn a_resize_keeps_the_same_sentence_at_the_top() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(24, 6), &ctx);
    while !top_text(&pager).contains("截至") {
        assert!(pager.top() < 100);
        pager.apply(Action::Down, &ctx);
    }
    let before = top_text(&pager).to_owned();
    pager.resize(area(40, 6), &ctx);
    assert!(
        before.starts_with(top_text(&pager))
            || top_text(&pager).starts_with(&before)
            || top_text(&pager).contains("截至"),
        "{before} vs {}",
        top_text(&pager)
    );
    pager.resize(area(24, 6), &ctx);
    assert_eq!(top_text(&pager), before);
    // Switching the script keeps the place too.
    pager.on_context_change(&PagerContext {
        script: Script::Hant,
        ..ctx
    });
    assert!(top_text(&pager).contains("截至"));
}

#[test]
fn a_blank_row_at_the_top_stays_the_one_after_the_same_paragraph() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(24, 6), &ctx);
    pager.apply(Action::NextItem, &ctx);
    pager.apply(Action::NextItem, &ctx);
    while !top_text(&pager).is_empty() {
        pager.apply(Action::Down, &ctx);
    }
    pager.apply(Action::Up, &ctx);
    let before_blank = top_text(&pager).to_owned();
    pager.apply(Action::Down, &ctx);
    pager.resize(area(40, 6), &ctx);
    assert_eq!(top_text(&pager), "");
    pager.apply(Action::Up, &ctx);
    let wider_last_row = top_text(&pager).to_owned();
    assert!(
        wider_last_row.ends_with(&before_blank),
        "the same paragraph ends the row above: {before_blank} / {wider_last_row}"
    );
}

#[test]
fn open_at_figure_lands_on_its_sentence_and_highlights_it() {
    let data = fixture();
    for script in [Script::Hans, Script::Hant] {
        let ctx = ctx(&data, script);
        let mut pager = Pager::new();
        pager.resize(area(30, 5), &ctx);
        assert!(pager.open_at_figure("union-members", &ctx));
        assert!(top_text(&pager).contains("截至"), "{}", top_text(&pager));
        assert_eq!(pager.opened_figure(), Some(1));
        assert_eq!(pager.status().item, Some((3, 4)));
        assert!(!pager.open_at_figure("no-such-figure", &ctx));
    }
}

#[test]
fn the_topic_filter_hides_items_and_figures_in_them() {
    let data = fixture();
    let topics: BTreeSet<String> = ["union-organisation".to_owned()].into();
    let filtered = PagerContext {
        topics: &topics,
        ..ctx(&data, Script::Hans)
    };
    let mut pager = Pager::new();
    pager.resize(area(40, 10), &ctx(&data, Script::Hans));
    pager.apply(Action::NextItem, &filtered);
    pager.on_context_change(&filtered);
    assert_eq!(pager.status().item, Some((1, 1)));
    assert!(top_text(&pager).starts_with("提问1"), "the next shown item");
    assert!(!pager.open_at_figure("parcels-2021", &filtered));
    assert!(pager.open_at_figure("union-members", &filtered));
}

#[test]
fn the_text_filter_hides_items_that_do_not_hold_it() {
    let data = fixture();
    let mut pager = Pager::new();
    pager.resize(area(40, 10), &ctx(&data, Script::Hans));
    let all = pager.status().item.map(|(_, count)| count);
    // Written in the other script, the text still finds its items.
    let filtered = PagerContext {
        text: "會員",
        ..ctx(&data, Script::Hans)
    };
    pager.on_context_change(&filtered);
    let laid = pager.layout().expect("laid out");
    let shown: Vec<usize> = laid.items.iter().map(|item| item.segment).collect();
    let holding: Vec<usize> = (0..data.segments.len())
        .filter(|&s| {
            data.segments[s]
                .paragraphs
                .iter()
                .any(|p| p.text.hant.contains("會員"))
        })
        .collect();
    assert!(!shown.is_empty() && Some(shown.len()) < all, "{shown:?}");
    assert_eq!(shown, holding);
    pager.on_context_change(&ctx(&data, Script::Hans));
    assert_eq!(pager.status().item.map(|(_, count)| count), all);
}

#[test]
fn a_click_in_the_list_jumps_to_that_item() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(Rect::new(0, 2, 120, 12), &ctx);
    assert!(pager.click(3, 2 + 2 * LIST_ENTRY_HEIGHT + 1, &ctx));
    assert_eq!(pager.current_item(), 2);
    assert!(!pager.click(60, 3, &ctx), "the text is not the list");
    assert!(!pager.click(3, 13, &ctx), "below the last entry");
}

#[test]
fn too_narrow_an_area_fails_softly() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(2, 5), &ctx);
    assert!(matches!(
        pager.laid(),
        Laid::Failed(TranscriptError::TooNarrow { .. })
    ));
    assert!(pager.apply(Action::Down, &ctx));
    pager.resize(area(30, 5), &ctx);
    assert!(pager.layout().is_some());
}

fn action() -> impl Strategy<Value = Action> {
    prop::sample::select(vec![
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::NextItem,
        Action::PrevItem,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Back,
        Action::StartSearch,
    ])
}

#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Resize(u16, u16),
    Key(char),
    Enter,
    Figure(bool),
    Script,
    Click(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => action().prop_map(Step::Act),
        1 => (0u16..130, 0u16..30).prop_map(|(w, h)| Step::Resize(w, h)),
        2 => prop::sample::select(vec!['工', '会', 'a', '2', '。']).prop_map(Step::Key),
        1 => Just(Step::Enter),
        1 => any::<bool>().prop_map(Step::Figure),
        1 => Just(Step::Script),
        1 => (0u16..130, 0u16..30).prop_map(|(x, y)| Step::Click(x, y)),
    ]
}

proptest! {
    #![proptest_config(crate::proptest_config::proptest_config(128))]
    #[test]
    fn random_actions_at_random_sizes_never_panic_or_leave_the_layout(
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let data = fixture();
        let mut script = Script::Hans;
        let mut pager = Pager::new();
        for step in steps {
            let ctx = ctx(&data, script);
            match step {
                Step::Act(action) => { pager.apply(action, &ctx); }
                Step::Resize(w, h) => pager.resize(Rect::new(0, 0, w, h), &ctx),
                Step::Key(c) => {
                    pager.handle_prompt_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &ctx);
                }
                Step::Enter => {
                    pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &ctx);
                }
                Step::Figure(first) => {
                    pager.open_at_figure(if first { "parcels-2021" } else { "union-members" }, &ctx);
                }
                Step::Script => {
                    script = if script == Script::Hans { Script::Hant } else { Script::Hans };
                    pager.on_context_change(&PagerContext { script, ..ctx });
                }
                Step::Click(x, y) => { pager.click(x, y, &ctx); }
            }
            let status = pager.status();
            prop_assert!(status.percent <= 100);
            if let Some(laid) = pager.layout() {
                prop_assert!(pager.top() < laid.lines.len().max(1));
                prop_assert!(pager.current_item() < laid.items.len().max(1));
                if let Some(search) = pager.search() {
                    prop_assert!(search.current.is_none_or(|c| c < search.matches.len()));
                }
            }
        }
    }
}

/// A pager that wraps every block when it lays out, as the lazy one is checked against.
fn wrapping_all() -> Pager {
    Pager {
        wrap_all: true,
        ..Pager::new()
    }
}

/// The visible rows: each as its block and text.
fn visible_rows(pager: &Pager) -> Vec<(usize, String)> {
    let height = pager.regions().text.height.into();
    pager.layout().map_or_else(Vec::new, |laid| {
        (pager.top()..)
            .zip(laid.rows(pager.top(), height))
            .map(|(line, row)| (row.block, laid.line_text(line).to_owned()))
            .collect()
    })
}

#[test]
fn lays_out_only_the_blocks_around_the_view() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(30, 6), &ctx);
    let laid = pager.layout().expect("laid out");
    let last = laid.blocks.len() - 1;
    assert!(laid.is_wrapped(0));
    assert!(
        !laid.is_wrapped(last),
        "the end is not wrapped for the first screen"
    );
    pager.apply(Action::Bottom, &ctx);
    let laid = pager.layout().expect("laid out");
    assert!(laid.is_wrapped(last));
    let mut reference = wrapping_all();
    reference.resize(area(30, 6), &ctx);
    reference.apply(Action::Bottom, &ctx);
    assert_eq!(visible_rows(&pager), visible_rows(&reference));
}

#[test]
fn the_top_row_stays_when_blocks_above_it_are_wrapped() {
    let data = fixture();
    let ctx = ctx(&data, Script::Hans);
    let mut pager = Pager::new();
    pager.resize(area(24, 6), &ctx);
    pager.apply(Action::Bottom, &ctx);
    let laid = pager.layout().expect("laid out");
    let unwrapped = (0..laid.blocks.len())
        .filter(|&block| !laid.is_wrapped(block))
        .collect::<Vec<_>>();
    assert!(
        !unwrapped.is_empty(),
        "blocks above the view wait for their rows"
    );
    let (rows, place) = (visible_rows(&pager), pager.place());
    let mut top = pager.top();
    for block in unwrapped {
        let before = pager.layout().expect("laid out").row_count();
        pager.wrap_block(&data, block);
        assert_eq!(visible_rows(&pager), rows, "after wrapping block {block}");
        assert_eq!(pager.place(), place);
        let laid = pager.layout().expect("laid out");
        assert!(laid.is_wrapped(block));
        assert_eq!(
            laid.row_count() + top,
            before + pager.top(),
            "the top moved by the difference"
        );
        top = pager.top();
    }
    let everything = pager.layout().expect("laid out").clone();
    let mut reference = wrapping_all();
    reference.resize(area(24, 6), &ctx);
    assert_eq!(Some(&everything), reference.layout());
}

#[derive(Debug, Clone)]
enum Move {
    Act(Action),
    Resize(u16, u16),
    Search(char),
    Figure(bool),
    Script,
}

fn a_move() -> impl Strategy<Value = Move> {
    prop_oneof![
        6 => action().prop_map(Move::Act),
        1 => (10u16..60, 3u16..14).prop_map(|(w, h)| Move::Resize(w, h)),
        2 => prop::sample::select(vec!['工', '会', '2', '。']).prop_map(Move::Search),
        1 => any::<bool>().prop_map(Move::Figure),
        1 => Just(Move::Script),
    ]
}

proptest! {
    #![proptest_config(crate::proptest_config::proptest_config(96))]

    /// Whatever the moves, the lazy pager shows the rows a pager that wrapped everything shows.
    #[test]
    fn shows_what_a_pager_that_wraps_everything_shows(
        moves in prop::collection::vec(a_move(), 1..40),
    ) {
        let data = fixture();
        let mut script = Script::Hans;
        let mut lazy = Pager::new();
        let mut reference = wrapping_all();
        for pager in [&mut lazy, &mut reference] {
            pager.resize(area(30, 8), &ctx(&data, script));
        }
        for one in moves {
            if matches!(one, Move::Script) {
                script = if script == Script::Hans { Script::Hant } else { Script::Hans };
            }
            let ctx = ctx(&data, script);
            for pager in [&mut lazy, &mut reference] {
                match &one {
                    Move::Act(action) => {
                        pager.apply(*action, &ctx);
                        if pager.is_prompting() {
                            pager.handle_prompt_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &ctx);
                        }
                    }
                    Move::Resize(w, h) => pager.resize(area(*w, *h), &ctx),
                    Move::Search(c) => search(pager, &c.to_string(), &ctx),
                    Move::Figure(first) => {
                        pager.open_at_figure(if *first { "parcels-2021" } else { "union-members" }, &ctx);
                    }
                    Move::Script => pager.on_context_change(&ctx),
                }
            }
            prop_assert_eq!(visible_rows(&lazy), visible_rows(&reference), "after {:?}", one);
            prop_assert_eq!(lazy.current_item(), reference.current_item());
            prop_assert_eq!(lazy.search(), reference.search());
            prop_assert_eq!(lazy.status().item, reference.status().item);
        }
    }
}

/// A paragraph of many pieces (see `transcript`): opening it at a figure near its end wraps
/// only the pieces around the figure, and the view shows the figure's sentence.
#[test]
fn a_figure_at_the_end_of_a_long_paragraph_wraps_only_around_it() {
    let data = transcript::fixture_with_long_paragraph(400);
    for script in [Script::Hans, Script::Hant] {
        let ctx = ctx(&data, script);
        let mut pager = Pager::new();
        pager.resize(area(40, 10), &ctx);
        assert!(pager.open_at_figure("union-members", &ctx));
        let laid = pager.layout().expect("laid out");
        let pieces: Vec<usize> = (0..laid.blocks.len())
            .filter(|&block| {
                laid.blocks[block].segment == 2 && laid.blocks[block].paragraph == Some(1)
            })
            .collect();
        assert!(pieces.len() > 3);
        let wrapped = pieces
            .iter()
            .filter(|&&block| laid.is_wrapped(block))
            .count();
        assert!(wrapped <= 2, "{wrapped} of {} pieces wrapped", pieces.len());
        let top = laid.lines[pager.top()].block;
        assert_eq!(Some(&top), pieces.last(), "the view is at the last piece");
        // Near the end of the transcript, the view cannot scroll the sentence to the top.
        let sentence = data.figures[1].source.sentence.get(script);
        let shown: String = visible_rows(&pager)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        let opening: String = sentence.chars().take(8).collect();
        assert!(shown.contains(&opening), "{shown} shows {sentence}");
    }
}

/// Every copy of a phrase in a paragraph of many pieces is found, each match within one
/// piece, and the place in a later piece stays at the top through resizes.
#[test]
fn a_long_paragraph_is_searched_whole_and_keeps_its_place_through_resizes() {
    let data = transcript::fixture_with_long_paragraph(400);
    let ctx = ctx(&data, Script::Hant);
    let mut pager = Pager::new();
    pager.resize(area(40, 10), &ctx);
    search(&mut pager, "會員總數", &ctx);
    let found = matched_texts(&pager, &data);
    assert_eq!(found.len(), 400);
    assert!(found.iter().all(|text| text == "會員總數"));
    for _ in 0..300 {
        pager.apply(Action::NextMatch, &ctx);
    }
    let place = top_text(&pager).to_owned();
    let block = pager.layout().expect("laid out").lines[pager.top()].block;
    assert!(
        pager.layout().expect("laid out").blocks[block].words_chars > 0,
        "a later piece"
    );
    pager.resize(area(60, 10), &ctx);
    pager.resize(area(40, 10), &ctx);
    assert_eq!(top_text(&pager), place);
    assert_eq!(pager.status().matches, Some((301, 400)));
}
