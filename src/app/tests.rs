//! The app's update: keys, pastes and mouse events in, state and derived state out.

use super::*;
use crate::app::fixture::topic_of;
use crate::text::Magnitude;
use crossterm::event::{KeyEventState, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

fn app() -> App {
    fixture::app(Script::Hans, Lang::Zh)
}

#[test]
fn tabs_cycle_both_ways_and_digits_jump() {
    let mut app = app();
    assert_eq!(app.tab(), Tab::Overview);
    app.handle_key(key(KeyCode::Tab));
    assert_eq!(app.tab(), Tab::Topic(0));
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.tab(), Tab::Overview);
    app.handle_key(key(KeyCode::Left));
    assert_eq!(app.tab(), Tab::Qa, "going left from the first tab wraps");
    press(&mut app, "3");
    assert_eq!(app.tab(), Tab::Topic(1));
    press(&mut app, "l");
    assert_eq!(app.tab(), Tab::Topic(2));
    press(&mut app, "9");
    assert_eq!(app.tab(), Tab::Topic(2), "no ninth tab: nothing happens");
}

#[test]
fn only_presses_count() {
    let mut app = app();
    let mut release = key(KeyCode::Tab);
    release.kind = KeyEventKind::Release;
    release.state = KeyEventState::NONE;
    app.handle_key(release);
    assert_eq!(app.tab(), Tab::Overview);
}

#[test]
fn the_selection_moves_pages_and_stays_in_bounds() {
    let mut app = app();
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    let len = app.topic_figures(skills).len();
    press(&mut app, "jj");
    assert_eq!(app.topic_view(skills).list.selected, 2);
    press(&mut app, "G");
    assert_eq!(app.topic_view(skills).list.selected, len - 1);
    press(&mut app, "j");
    assert_eq!(app.topic_view(skills).list.selected, len - 1);
    app.handle_key(key(KeyCode::Home));
    assert_eq!(app.topic_view(skills).list.selected, 0);
    app.handle_key(key(KeyCode::PageDown));
    assert!(app.topic_view(skills).list.selected > 0);
}

#[test]
fn a_tiny_terminal_keeps_the_selection_visible() {
    let mut app = app();
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    press(&mut app, "G");
    app.resize(40, 12);
    let view = app.topic_view(skills).list;
    let laid = app.screen_topic_layout(skills);
    let shown = layout::list_entries(laid.parts.list, &laid.heights, view.offset());
    assert!(
        shown.iter().any(|(entry, rect)| *entry == view.selected
            && usize::from(rect.height) == laid.heights[*entry]),
        "the selected figure is shown whole"
    );
    app.resize(120, 40);
    assert_eq!(app.topic_view(skills).list.selected, view.selected);
}

#[test]
fn charts_cycle_with_c_and_brackets() {
    let mut app = app();
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    assert_eq!(
        app.current_chart(skills).map(|c| c.id.as_str()),
        Some("c-training")
    );
    press(&mut app, "c");
    assert_eq!(
        app.current_chart(skills).map(|c| c.id.as_str()),
        Some("c-platform")
    );
    press(&mut app, "]");
    assert_eq!(
        app.current_chart(skills).map(|c| c.id.as_str()),
        Some("c-training")
    );
    press(&mut app, "C");
    assert_eq!(
        app.current_chart(skills).map(|c| c.id.as_str()),
        Some("c-platform")
    );
}

#[test]
fn a_tab_the_filter_empties_neither_offers_nor_turns_its_hidden_chart() {
    let mut app = app();
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    press(&mut app, "/");
    press(&mut app, "zzzzq");
    app.handle_key(key(KeyCode::Enter));
    assert!(app.topic_figures(skills).is_empty());
    let chart = app.current_chart(skills).map(|c| c.id.clone());
    assert!(!app.offers(Action::NextChart) && !app.offers(Action::PrevChart));
    press(&mut app, "c");
    assert_eq!(app.current_chart(skills).map(|c| c.id.clone()), chart);
}

#[test]
fn a_chart_shows_only_the_bars_whose_figures_pass_the_filter() {
    let mut app = app();
    let skills = topic_of(&app, "skills");
    let chart = app
        .current_chart(skills)
        .expect("the skills tab has a chart");
    let bars = |app: &App| -> Vec<String> {
        let chart = app.current_chart(skills).expect("still there");
        app.shown_bars(chart)
            .map(|(bar, _)| bar.figure.clone())
            .collect()
    };
    assert_eq!(bars(&app).len(), chart.bars.len());
    app.set_filter_text("快递".into());
    assert_eq!(bars(&app), ["f-courier"]);
    assert_eq!(app.chart_rows(skills), 1);
    app.set_filter_text("no such words".into());
    assert!(bars(&app).is_empty());
    assert_eq!(app.chart_rows(skills), 0);
}

#[test]
fn enter_opens_the_drill_down_and_esc_closes_it() {
    let mut app = app();
    app.apply(Action::GoToTab(1));
    app.handle_key(key(KeyCode::Enter));
    let first = app.topic_figures(0)[0];
    assert!(matches!(
        app.popup(),
        Some(Popup::Figure(details)) if details.figure() == first && details.scroll() == 0
    ));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.popup(), None);
    assert!(!app.should_quit());
}

#[test]
fn jumping_to_the_source_lands_on_the_qa_tab() {
    let mut app = app();
    app.apply(Action::GoToTab(1));
    app.handle_key(key(KeyCode::Enter));
    press(&mut app, "o");
    assert_eq!(app.tab(), Tab::Qa);
    assert_eq!(app.popup(), None);
}

#[test]
fn the_topic_picker_selects_several_and_applies_on_enter() {
    let mut app = app();
    press(&mut app, "t");
    app.handle_key(key(KeyCode::Char(' ')));
    press(&mut app, "j");
    app.handle_key(key(KeyCode::Char(' ')));
    assert!(
        app.filter().topics.is_empty(),
        "nothing applies before Enter"
    );
    app.handle_key(key(KeyCode::Enter));
    let chosen: Vec<&str> = app.filter().topics.iter().map(String::as_str).collect();
    assert_eq!(chosen, ["grassroots", "rights"]);
    assert_eq!(app.popup(), None);
    // The counts follow: the skills theme keeps only its figure tagged "rights".
    let skills = topic_of(&app, "skills");
    assert_eq!(app.topic_counts(skills).0, 1);
    app.handle_key(key(KeyCode::Esc));
    assert!(!app.filter().is_active(), "Esc clears the filter");
}

#[test]
fn the_text_filter_follows_typing_and_esc_restores() {
    let mut app = app();
    app.apply(Action::GoToTab(1));
    press(&mut app, "/");
    assert!(app.prompt().is_some());
    press(&mut app, "q");
    assert!(!app.should_quit(), "q is text in the prompt");
    assert_eq!(app.filter().text, "q");
    app.handle_key(key(KeyCode::Backspace));
    for c in "快递".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    let (shown, total) = app.figures_shown();
    assert!(shown < total && shown > 0);
    app.handle_key(key(KeyCode::Enter));
    assert!(app.prompt().is_none());
    assert_eq!(app.filter().text, "快递");
    // Open again and cancel: the filter stays as it was.
    press(&mut app, "/x");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.filter().text, "快递");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.filter().text, "");
}

#[test]
fn filtering_keeps_the_selected_figure_when_it_stays() {
    let mut app = app();
    let rights = topic_of(&app, "rights");
    app.apply(Action::GoToTab(rights + 1));
    press(&mut app, "jj");
    let chosen = app.topic_figures(rights)[2];
    app.set_filter(Filter {
        topics: BTreeSet::new(),
        text: app.data().figures[chosen].label.hans.clone(),
    });
    app.reconcile();
    let after = app.topic_figures(rights);
    assert!(after.len() < app.data().figures.len());
    assert_eq!(after[app.topic_view(rights).list.selected], chosen);
}

#[test]
fn script_and_language_toggle() {
    let mut app = app();
    press(&mut app, "s");
    assert_eq!(app.script(), Script::Hant);
    press(&mut app, "L");
    assert_eq!(app.lang(), Lang::En);
    assert_eq!(app.tab_titles()[0], "1 Overview");
}

#[test]
fn footer_hints_leave_out_what_would_do_nothing() {
    let mut app = app();
    assert!(
        !keys_shown(&app).contains(&"Esc"),
        "nothing to go back from"
    );
    let grassroots = topic_of(&app, "grassroots");
    app.apply(Action::GoToTab(grassroots + 1));
    assert!(!keys_shown(&app).contains(&"c"), "a topic without charts");
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    assert!(keys_shown(&app).contains(&"c"));
    press(&mut app, "/zzz");
    app.handle_key(key(KeyCode::Enter));
    let shown = keys_shown(&app);
    assert!(!shown.contains(&"Enter"), "no figure to open");
    assert!(shown.contains(&"Esc"), "a filter to clear");
}

#[test]
fn the_focus_follows_what_is_open() {
    let mut app = app();
    assert_eq!(app.focus(), Focus::Overview);
    press(&mut app, "/");
    assert_eq!(app.focus(), Focus::FilterPrompt);
    app.handle_key(key(KeyCode::Esc));
    press(&mut app, "2");
    assert_eq!(app.focus(), Focus::Topic(0));
    press(&mut app, "?");
    assert_eq!(app.focus(), Focus::Popup);
    press(&mut app, "2");
    assert_eq!(
        app.tab(),
        Tab::Topic(0),
        "a popup keeps tab keys from the tabs"
    );
    app.handle_key(key(KeyCode::Esc));
    app.apply(Action::GoToTab(app.tabs().len() - 1));
    assert_eq!(app.focus(), Focus::Pager);
    press(&mut app, "/");
    assert_eq!(app.focus(), Focus::PagerSearch);
    press(&mut app, "q");
    assert!(!app.should_quit(), "the search prompt takes q as text");
}

#[test]
fn derived_state_follows_every_update_without_being_asked() {
    let mut app = app();
    app.apply(Action::GoToTab(app.tabs().len() - 1));
    let laid = |app: &App| {
        let layout = app.pager().layout().expect("laid out");
        (layout.script, layout.width)
    };
    assert_eq!(laid(&app).0, Script::Hans);
    press(&mut app, "s");
    assert_eq!(
        laid(&app).0,
        Script::Hant,
        "the script key relays the pager out"
    );
    let wide = laid(&app).1;
    app.resize(60, 24);
    assert!(laid(&app).1 < wide, "a resize too");
    // The help's lines are wrapped when it opens and again when the language changes.
    app.handle_key(key(KeyCode::F(1)));
    let heading = |app: &App| match app.popup() {
        Some(Popup::Help(help)) => help.help().lines.first().cloned(),
        _ => None,
    };
    assert_eq!(heading(&app), Some(popup::HelpLine::Heading("問答頁")));
    press(&mut app, "L");
    assert_eq!(heading(&app), Some(popup::HelpLine::Heading("Q&A tab")));
}

#[test]
fn help_toggles_and_quit_quits() {
    let mut app = app();
    app.handle_key(key(KeyCode::F(1)));
    assert!(matches!(app.popup(), Some(Popup::Help(_))));
    press(&mut app, "?");
    assert_eq!(app.popup(), None);
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit());
}

#[test]
fn ctrl_z_asks_to_suspend_from_any_screen_or_prompt_once() {
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let mut app = app();
    assert!(!app.take_suspend());
    app.handle_key(ctrl_z);
    assert!(app.take_suspend());
    assert!(!app.take_suspend(), "taken once");
    press(&mut app, "/工会");
    app.handle_key(ctrl_z);
    assert!(app.take_suspend(), "from the filter prompt");
    assert_eq!(app.filter().text, "工会", "the prompt keeps its text");
    app.handle_key(key(KeyCode::Esc));
    let qa = app.tabs().len() - 1;
    app.apply(Action::GoToTab(qa));
    press(&mut app, "/");
    app.handle_key(ctrl_z);
    assert!(app.take_suspend(), "from the Q&A search prompt");
    assert!(!app.should_quit());
}

#[test]
fn the_drill_down_scrolls_within_its_content() {
    let mut app = app();
    app.resize(40, 12);
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    app.handle_key(key(KeyCode::Enter));
    let content = match app.popup() {
        Some(Popup::Figure(details)) => details.lines().len(),
        other => panic!("not a drill-down: {other:?}"),
    };
    let body = layout::screen(Rect::new(0, 0, 40, 12))
        .expect("big enough")
        .body;
    let visible = usize::from(layout::box_inner(layout::text_popup(body, content)).height);
    assert!(content > visible, "a 40×12 drill-down needs scrolling");
    let scroll = |app: &App| match app.popup() {
        Some(Popup::Figure(details)) => details.scroll(),
        other => panic!("not a drill-down: {other:?}"),
    };
    for _ in 0..100 {
        press(&mut app, "j");
    }
    assert_eq!(scroll(&app), content - visible, "stops at the end");
    press(&mut app, "k");
    assert_eq!(
        scroll(&app),
        content - visible - 1,
        "one step back, not a hundred"
    );
    press(&mut app, "g");
    assert_eq!(scroll(&app), 0);
    press(&mut app, "G");
    assert_eq!(scroll(&app), content - visible);
}

#[test]
fn startup_and_dashboard_tabs_lay_out_no_transcript() {
    let mut app = app();
    for tab in 0..=app.data().themes.len() {
        app.apply(Action::GoToTab(tab));
        crate::ui::render_buffer(&app, 80, 24);
    }
    assert!(matches!(app.pager().laid(), pager::Laid::NotYet));
    press(&mut app, "s");
    assert!(matches!(app.pager().laid(), pager::Laid::NotYet));
    app.apply(Action::GoToTab(app.data().themes.len() + 1));
    assert!(matches!(app.pager().laid(), pager::Laid::Ready(_)));
}

#[test]
fn the_mouse_acts_only_when_enabled() {
    let click = |column, row| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = app();
    // "1 概览 │ 2 基层建设": the second title starts at column 9.
    app.handle_mouse(click(10, 0));
    assert_eq!(app.tab(), Tab::Topic(0));
    let rights = topic_of(&app, "rights");
    app.apply(Action::GoToTab(rights + 1));
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(
        app.topic_view(rights).list.selected,
        3,
        "three rows a notch"
    );
    // Row 3 of the screen is the list's first row (tabs, description, list title).
    app.handle_mouse(click(5, 3));
    assert_eq!(app.topic_view(rights).list.selected, 0);
    // Clicking the selected row opens it; clicks wait while a popup is open.
    app.handle_mouse(click(5, 3));
    assert!(matches!(app.popup(), Some(Popup::Figure(_))));
    app.handle_mouse(click(10, 0));
    assert_eq!(app.tab(), Tab::Topic(rights));
    app.handle_key(key(KeyCode::Esc));

    let mut off = App::new(
        fixture::dataset(),
        Options {
            mouse: false,
            ..app.options().clone()
        },
    );
    off.resize(80, 24);
    off.handle_mouse(click(10, 0));
    assert_eq!(off.tab(), Tab::Overview);

    // While the filter prompt is open, a click does not take the user elsewhere.
    press(&mut app, "/");
    app.handle_mouse(click(1, 0));
    assert_eq!(app.tab(), Tab::Topic(rights));
}

#[test]
fn a_paste_goes_into_the_open_prompt_as_one_line() {
    let mut app = app();
    app.handle_paste("q/快递");
    assert!(!app.should_quit(), "no prompt: a paste is not keys");
    assert!(app.prompt().is_none() && !app.filter().is_active());

    press(&mut app, "/");
    app.handle_paste("快\r\n递\n");
    assert_eq!(app.prompt().map(|p| p.input.text()), Some("快递"));
    assert_eq!(app.filter().text, "快递", "the filter follows the paste");
    let (shown, total) = app.figures_shown();
    assert!(0 < shown && shown < total);
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.filter().text, "快递");

    // In the Q&A, a paste goes into the search prompt, not the filter.
    app.apply(Action::GoToTab(app.tabs().len() - 1));
    press(&mut app, "/");
    app.handle_paste("工会\u{1b}[2J");
    assert_eq!(app.pager().prompt().map(LineInput::text), Some("工会[2J"));
    assert_eq!(app.filter().text, "快递");
    // A popup over the Q&A takes no paste.
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::F(1)));
    app.handle_paste("x");
    assert!(app.pager().prompt().is_none());
}

#[test]
fn the_text_filter_narrows_the_qa_items_and_the_overview_counts() {
    let mut app = app();
    let qa = app.tabs().len() - 1;
    app.apply(Action::GoToTab(qa));
    let items = |app: &App| app.pager().status().item.map(|(_, count)| count);
    assert_eq!(items(&app), Some(app.data().segments.len()));
    let rights = topic_of(&app, "rights");
    assert_eq!(app.topic_counts(rights).1, 2);

    app.apply(Action::GoToTab(0));
    press(&mut app, "/");
    app.handle_paste("快递小哥");
    // Only the question about couriers says so; the statement has other figures.
    assert_eq!(app.topic_counts(rights).1, 1);
    assert_eq!(app.topic_counts(topic_of(&app, "skills")).1, 0);
    app.handle_key(key(KeyCode::Enter));
    app.apply(Action::GoToTab(qa));
    assert_eq!(items(&app), Some(1));
    let laid = app.pager().layout().expect("laid out");
    assert_eq!(app.data().segments[laid.items[0].segment].id, "s-q2");

    // Esc in the Q&A clears the filter, and every item is back.
    app.handle_key(key(KeyCode::Esc));
    assert!(!app.filter().is_active());
    assert_eq!(items(&app), Some(app.data().segments.len()));
}

#[test]
fn backspace_and_ctrl_o_go_back_through_the_jumps_and_ctrl_f_forward() {
    let mut app = app();
    assert!(!keys_shown(&app).contains(&"Bksp"), "nowhere to go back to");
    let rights = topic_of(&app, "rights");
    app.apply(Action::GoToTab(rights + 1));
    press(&mut app, "j");
    app.handle_key(key(KeyCode::Enter));
    let figure = app.topic_figures(rights)[1];
    press(&mut app, "o");
    assert_eq!(app.tab(), Tab::Qa);
    press(&mut app, "j");
    let at_source = app.pager().top();
    assert!(keys_shown(&app).contains(&"Bksp"));
    assert!(
        !keys_shown(&app).contains(&"Ctrl-f"),
        "nowhere to go forward to"
    );

    app.handle_key(key(KeyCode::Backspace));
    assert_eq!(app.tab(), Tab::Topic(rights));
    assert!(matches!(app.popup(), Some(Popup::Figure(d)) if d.figure() == figure));
    app.handle_key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(app.popup(), None, "back before the details were opened");
    assert_eq!(
        app.topic_view(rights).list.selected,
        1,
        "with the row that was selected"
    );
    app.handle_key(key(KeyCode::Backspace));
    assert_eq!(app.tab(), Tab::Overview);
    assert!(!keys_shown(&app).contains(&"Bksp"));

    let forward = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert!(keys_shown(&app).contains(&"Ctrl-f"));
    for _ in 0..3 {
        app.handle_key(forward);
    }
    assert_eq!(app.tab(), Tab::Qa);
    assert_eq!(app.pager().top(), at_source, "the pager where it was left");
    assert_eq!(app.pager().opened_figure(), Some(figure));
    app.handle_key(forward);
    assert_eq!(app.tab(), Tab::Qa, "nothing further forward");
}

#[test]
fn a_new_jump_after_going_back_forgets_the_way_forward() {
    let mut app = app();
    press(&mut app, "2");
    app.handle_key(key(KeyCode::Backspace));
    assert_eq!(app.tab(), Tab::Overview);
    press(&mut app, "3");
    app.handle_key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL));
    assert_eq!(app.tab(), Tab::Topic(1));
    app.handle_key(key(KeyCode::Backspace));
    assert_eq!(app.tab(), Tab::Overview);
}

#[test]
fn the_qa_footer_offers_esc_only_when_it_clears_something() {
    let mut app = app();
    app.apply(Action::GoToTab(app.tabs().len() - 1));
    assert!(!keys_shown(&app).contains(&"Esc"));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.tab(), Tab::Qa, "Esc did nothing, as the footer said");
    app.apply(Action::GoToTab(1));
    app.handle_key(key(KeyCode::Enter));
    press(&mut app, "o");
    assert!(keys_shown(&app).contains(&"Esc"), "a highlight to clear");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.pager().opened_figure(), None);
    assert!(!keys_shown(&app).contains(&"Esc"));
}

#[test]
fn every_key_the_footer_offers_acts_and_the_tabs_hide_behind_a_popup() {
    let mut app = app();
    app.apply(Action::GoToTab(1));
    app.handle_key(key(KeyCode::Enter));
    let shown = keys_shown(&app);
    for hidden in ["Tab", "t", "q"] {
        assert!(!shown.contains(&hidden), "{hidden} in {shown:?}");
    }
    let details = app.popup().cloned();
    press(&mut app, "t2");
    app.handle_key(key(KeyCode::Tab));
    assert_eq!(
        app.popup().cloned(),
        details,
        "the keys not offered did nothing"
    );
    assert_eq!(app.tab(), Tab::Topic(0));

    app.handle_key(key(KeyCode::Esc));
    press(&mut app, "/");
    let shown = keys_shown(&app);
    assert_eq!(shown, ["Enter", "Esc"], "typing: only what the prompt does");
    press(&mut app, "cq");
    assert!(!app.should_quit());
    assert_eq!(app.filter().text, "cq", "c and q were typed");
}

#[test]
fn q_closes_the_help_and_the_picker_and_quits_from_the_tabs() {
    let mut app = app();
    for opener in ["?", "t"] {
        press(&mut app, opener);
        assert!(app.popup().is_some());
        assert!(
            app.hints().iter().all(|h| h.keys != "q"),
            "the footer does not say q quits"
        );
        press(&mut app, "q");
        assert_eq!(app.popup(), None, "{opener}");
        assert!(!app.should_quit());
    }
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn below_the_minimum_size_only_quitting_acts() {
    let mut app = app();
    app.resize(39, 12);
    assert_eq!(app.focus(), Focus::TooSmall);
    for code in [
        KeyCode::Tab,
        KeyCode::Enter,
        KeyCode::Char('s'),
        KeyCode::Char('?'),
    ] {
        app.handle_key(key(code));
    }
    app.handle_paste("法律");
    app.apply(Action::ToggleLang);
    assert_eq!(
        (app.tab(), app.popup(), app.script(), app.lang()),
        (Tab::Overview, None, Script::Hans, Lang::Zh),
        "nothing changed unseen"
    );
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn the_details_footer_says_what_enter_does() {
    let mut app = app();
    app.apply(Action::GoToTab(1));
    app.handle_key(key(KeyCode::Enter));
    let enter = app.hints().into_iter().find(|h| h.keys == "Enter");
    assert_eq!(
        enter.map(|h| h.text.get(Lang::Zh, Script::Hans)),
        Some("原文")
    );
    press(&mut app, "q");
    press(&mut app, "t");
    let enter = app.hints().into_iter().find(|h| h.keys == "Enter");
    assert_eq!(
        enter.map(|h| h.text.get(Lang::En, Script::Hans)),
        Some("apply")
    );
}

#[test]
fn a_figure_said_twice_is_listed_once_and_counted_once() {
    let app = app();
    let grassroots = topic_of(&app, "grassroots");
    let listed = app.topic_figures(grassroots);
    assert_eq!(listed.len(), 1, "f-express and its restatement");
    assert_eq!(app.data().figures[listed[0]].repeats.len(), 1);
    assert_eq!(app.topic_counts(grassroots).0, 1);
    let pairs = app
        .data()
        .figures
        .iter()
        .filter(|f| !f.repeats.is_empty())
        .count()
        / 2;
    assert_eq!(
        app.figures_shown(),
        (
            app.data().figures.len() - pairs,
            app.data().figures.len() - pairs
        )
    );
}

#[test]
fn zero_goes_to_the_last_tab_and_its_title_says_so() {
    let mut app = app();
    press(&mut app, "0");
    assert_eq!(app.tab(), Tab::Qa);
    press(&mut app, "2");
    app.handle_key(key(KeyCode::Enter));
    press(&mut app, "0");
    assert_eq!(app.tab(), Tab::Topic(0), "not behind a popup");
    assert!(app.popup().is_some());
    // Past nine tabs, the last is numbered by its key.
    let data = crate::data::load::load_embedded().expect("the embedded dataset loads");
    let full = App::new(data, app.options().clone());
    let titles = full.tab_titles();
    assert!(titles.len() > 9);
    assert_eq!(titles.last().map(String::as_str), Some("0 问答"));
    assert!(
        !titles[9..titles.len() - 1]
            .iter()
            .any(|t| t.starts_with('0'))
    );
}

#[test]
fn while_filtering_the_tabs_say_their_matches_and_esc_clears_text_then_topics() {
    let mut app = app();
    assert_eq!(app.tab_matches(), None);
    let rights = topic_of(&app, "rights");
    app.set_filter(Filter {
        topics: BTreeSet::from(["rights".to_string()]),
        text: "快递".into(),
    });
    app.reconcile();
    let matches = app.tab_matches().expect("a filter is active");
    assert_eq!(matches[0], app.figures_shown().0);
    let titles = app.tab_titles();
    let mut with_matches = Vec::new();
    for topic in 0..app.data().themes.len() {
        let count = app.topic_figures(topic).len();
        assert_eq!(matches[topic + 1], count);
        assert!(titles[topic + 1].ends_with(&format!("（{count}）")));
        if count > 0 {
            with_matches.push(titles[topic + 1].clone());
        }
    }
    assert!(matches[rights + 1] > 0 && with_matches.len() < app.data().themes.len());
    assert_eq!(app.topics_with_matches(), with_matches);

    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.filter().text, "", "the text first");
    assert!(!app.filter().topics.is_empty());
    app.handle_key(key(KeyCode::Esc));
    assert!(!app.filter().is_active(), "then the topics");
    assert_eq!(app.tab_matches(), None);
}

#[test]
fn a_click_on_the_tab_bars_arrows_scrolls_it_and_tab_clicks_are_jumps() {
    let mut app = app();
    app.resize(40, 12);
    let click = |app: &mut App, column| {
        app.handle_mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row: 0,
            modifiers: KeyModifiers::NONE,
        });
    };
    let bar = |app: &App| {
        layout::tab_bar(
            Rect::new(0, 0, 40, 1),
            &app.tab_titles(),
            app.tab_index(),
            app.tab_bar_shown(),
        )
    };
    let before = bar(&app);
    let (marker, text) = before
        .marker
        .clone()
        .expect("five tabs do not fit in 40 columns");
    assert!(text.ends_with('›'), "{text}");
    let hidden = before.tabs.last().map_or(0, |(index, _)| index + 1);
    click(&mut app, marker.right() - 1);
    assert_eq!(app.tab_index(), 0, "the arrow scrolls the bar, not the tab");
    let after = bar(&app);
    let (_, rect) = *after
        .tabs
        .iter()
        .find(|(index, _)| *index == hidden)
        .expect("the first tab hidden on the right comes into view");
    let (marker, text) = after.marker.clone().expect("still scrolled");
    assert!(text.starts_with('‹') && text.contains("1/"), "{text}");
    assert_ne!(after, before);
    click(&mut app, marker.x);
    assert_eq!(app.tab_index(), 0);
    assert_eq!(bar(&app), before, "back to the start");
    click(&mut app, marker.right() - 1);
    click(&mut app, rect.x);
    assert_eq!(
        app.tab_index(),
        hidden,
        "a click on a title goes to its tab"
    );
    app.handle_key(key(KeyCode::Backspace));
    assert_eq!(
        app.tab_index(),
        0,
        "a click on a tab is a jump to go back from"
    );
}

#[test]
fn r_cycles_the_order_and_the_selection_follows_its_figure() {
    let mut app = app();
    let rights = topic_of(&app, "rights");
    app.apply(Action::GoToTab(rights + 1));
    press(&mut app, "j");
    let chosen = app.topic_figures(rights)[1];
    let said = app.topic_figures(rights).to_vec();
    press(&mut app, "r");
    assert_eq!(app.order(), order::Order::ByValue);
    let by_value = app.topic_figures(rights).to_vec();
    assert_ne!(by_value, said, "the fixture's rights tab reorders by value");
    assert_eq!(by_value[app.topic_view(rights).list.selected], chosen);
    // Enter opens the figure the row shows, not the one at that place as said.
    app.handle_key(key(KeyCode::Enter));
    assert!(matches!(app.popup(), Some(Popup::Figure(d)) if d.figure() == chosen));
    app.handle_key(key(KeyCode::Esc));
    press(&mut app, "r");
    assert_eq!(app.order(), order::Order::ByLabel);
    let selected = app.topic_view(rights).list.selected;
    assert_eq!(app.topic_figures(rights)[selected], chosen);
    // Labels sort in the interface's language: switching it re-sorts, the figure followed.
    press(&mut app, "L");
    let english: Vec<String> = app
        .topic_figures(rights)
        .iter()
        .map(|&f| app.data().figures[f].label.en.to_lowercase())
        .collect();
    assert!(english.is_sorted(), "{english:?}");
    let selected = app.topic_view(rights).list.selected;
    assert_eq!(app.topic_figures(rights)[selected], chosen);
    press(&mut app, "r");
    assert_eq!(app.topic_figures(rights), said, "back to the order said");
}

#[test]
fn y_asks_for_the_selected_figures_citation_in_the_interface_language() {
    let mut app = app();
    let rights = topic_of(&app, "rights");
    app.apply(Action::GoToTab(rights + 1));
    let first = app.topic_figures(rights)[0];
    press(&mut app, "y");
    let effects = app.take_effects();
    let [effect::Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    let figure = app.data().figures[first].clone();
    assert!(
        text.starts_with(&format!("{}：", figure.label.hans)),
        "{text}"
    );
    assert!(text.contains(&strings::figure_value(
        &figure,
        Magnitude::Words,
        Lang::Zh,
        Script::Hans
    )));
    assert!(
        text.contains(&format!("“{}”", figure.source.sentence.hans)),
        "{text}"
    );
    assert!(text.contains("2022年7月29日"), "{text}");
    assert!(app.take_effects().is_empty(), "taken once");

    // From the details, in English.
    press(&mut app, "L");
    app.handle_key(key(KeyCode::Enter));
    press(&mut app, "y");
    let effects = app.take_effects();
    let [effect::Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    assert!(
        text.starts_with(&format!("{}: ", figure.label.en)),
        "{text}"
    );
    assert!(text.ends_with(", 2022-07-29"), "{text}");

    // The report shows until the next key.
    app.report(effect::Report::Copied);
    assert_eq!(app.last_report(), Some(&effect::Report::Copied));
    press(&mut app, "j");
    assert_eq!(app.last_report(), None);
}

#[test]
fn y_on_the_overview_cites_the_selected_topics_headline_and_on_the_qa_quotes_the_top_paragraph() {
    let mut app = app();
    let rights = topic_of(&app, "rights");
    for _ in 0..rights {
        press(&mut app, "j");
    }
    press(&mut app, "y");
    let headline = &app.data().themes[rights].headline[0];
    let label = app.figure(headline).unwrap().label.hans.clone();
    let effects = app.take_effects();
    assert!(
        matches!(effects.as_slice(), [effect::Effect::Copy(text)] if text.starts_with(&label)),
        "{effects:?}"
    );
    // On the Q&A tab: the first paragraph, below the first item's heading.
    app.handle_key(key(KeyCode::Char('0')));
    press(&mut app, "y");
    let effects = app.take_effects();
    let [effect::Effect::Copy(first)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    let paragraph = &app.data().segments[0].paragraphs[0];
    assert!(
        first.starts_with(&format!("“{}”\n——", paragraph.text.hans)),
        "{first}"
    );
    assert!(first.ends_with("，2022年7月29日"), "{first}");
    assert_eq!(*first, effect::quotation(&app, 0, 0));

    // Further down, the paragraph then at the top.
    app.handle_key(key(KeyCode::PageDown));
    press(&mut app, "y");
    let effects = app.take_effects();
    let [effect::Effect::Copy(further)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    assert_ne!(further, first);
    let top = app.pager().layout().unwrap().lines[app.pager().top()].block;
    let block = &app.pager().layout().unwrap().blocks[top..]
        .iter()
        .find(|b| b.paragraph.is_some())
        .unwrap();
    let paragraph = block.paragraph.unwrap();
    assert_eq!(*further, effect::quotation(&app, block.segment, paragraph));
}

#[test]
fn e_on_the_qa_tab_exports_what_the_filter_shows_too() {
    let mut app = app();
    press(&mut app, "e");
    let on_the_overview = app.take_effects();
    app.handle_key(key(KeyCode::Char('0')));
    press(&mut app, "e");
    assert_eq!(app.take_effects(), on_the_overview);
    assert!(!on_the_overview.is_empty());
}

#[test]
fn e_exports_what_the_filter_shows_named_after_its_topics() {
    let mut app = app();
    press(&mut app, "e");
    let effects = app.take_effects();
    let [effect::Effect::Export(all)] = effects.as_slice() else {
        panic!("one export: {effects:?}");
    };
    assert_eq!(all.stem, "all");
    assert_eq!(all.format, action::ExportFormat::Csv);
    assert_eq!(all.figures.len(), app.figures_shown().0);

    let rights = topic_of(&app, "rights");
    app.set_filter(Filter {
        topics: BTreeSet::from(["rights".to_string()]),
        text: String::new(),
    });
    app.reconcile();
    app.apply(Action::GoToTab(rights + 1));
    press(&mut app, "E");
    let effects = app.take_effects();
    let [effect::Effect::Export(chosen)] = effects.as_slice() else {
        panic!("one export: {effects:?}");
    };
    assert_eq!(chosen.stem, "rights");
    assert_eq!(chosen.format, action::ExportFormat::Markdown);
    let mut listed = app.topic_figures(rights).to_vec();
    listed.sort_unstable();
    assert_eq!(chosen.figures, listed);

    app.set_filter(Filter {
        topics: BTreeSet::new(),
        text: "no such words".into(),
    });
    app.apply(Action::Export(action::ExportFormat::Csv));
    assert!(app.take_effects().is_empty());
    assert_eq!(app.last_report(), Some(&effect::Report::NothingToExport));
}

/// The keys the footer offers now.
fn keys_shown(app: &App) -> Vec<&str> {
    app.hints().iter().map(|h| h.keys).collect()
}

#[test]
fn a_wrapped_label_makes_a_taller_row_that_clicks_and_pages_count() {
    let click = |column, row| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = fixture::app(Script::Hans, Lang::En);
    app.resize(60, 16);
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    let laid = app.screen_topic_layout(skills).into_owned();
    let long = laid
        .heights
        .iter()
        .rposition(|&height| height > 1)
        .expect("a label too long for one row");
    // A click on any row of a wrapped figure selects that figure, a second opens it.
    app.apply(Action::Bottom);
    let shown = layout::list_entries(
        laid.parts.list,
        &laid.heights,
        app.topic_view(skills).list.offset(),
    );
    let (_, rect) = shown
        .iter()
        .find(|(entry, _)| *entry == long)
        .expect("the wrapped figure is in view at the end");
    let (first, first_rect) = shown[0];
    assert_ne!(first, long);
    app.handle_mouse(click(5, first_rect.y));
    assert_eq!(app.topic_view(skills).list.selected, first);
    app.handle_mouse(click(5, rect.bottom() - 1));
    assert_eq!(app.topic_view(skills).list.selected, long);
    assert!(app.popup().is_none());
    app.handle_mouse(click(5, rect.y + 1));
    assert!(matches!(app.popup(), Some(Popup::Figure(_))));
    app.apply(Action::Back);
    // A page passes as many figures as fit in the list's rows less one.
    app.apply(Action::Top);
    app.apply(Action::PageDown);
    let landed = app.topic_view(skills).list.selected;
    let page = usize::from(laid.parts.list.height) - 1;
    let passed: usize = laid.heights[1..=landed].iter().sum();
    assert!(
        landed == 1 || passed <= page,
        "{passed} rows in a page of {page}"
    );
    if landed + 1 < laid.heights.len() {
        assert!(passed + laid.heights[landed + 1] > page || landed == 1);
    }
}

#[test]
fn the_arrows_move_through_the_cards_and_enter_opens_a_cards_figure() {
    let mut app = app();
    app.resize(120, 40);
    let grid = app.card_grid();
    let (cards, columns) = (grid.shown.len(), grid.columns);
    assert!(
        cards > columns,
        "more than a row of cards: {cards} in rows of {columns}"
    );
    assert_eq!(app.focus(), Focus::Overview);
    // Up from the first topic goes to the first card of the last row.
    app.handle_key(key(KeyCode::Up));
    let last_row = (cards - 1) / columns * columns;
    assert_eq!(app.overview_card(), Some(last_row));
    assert_eq!(app.focus(), Focus::Cards);
    assert!(app.contexts().contains(&keys::Context::Cards));
    // In the grid, left and right move between cards rather than tabs.
    app.handle_key(key(KeyCode::Right));
    assert_eq!(app.overview_card(), Some((last_row + 1).min(cards - 1)));
    assert_eq!(app.tab(), Tab::Overview);
    app.handle_key(key(KeyCode::Left));
    app.handle_key(key(KeyCode::Up));
    assert_eq!(app.overview_card(), Some(last_row - columns));
    app.handle_key(key(KeyCode::Home));
    assert_eq!(app.overview_card(), Some(0));
    // Enter opens the card's figure, a jump that Backspace comes back from.
    app.handle_key(key(KeyCode::Enter));
    let headline = &app.headline_figures()[0].id;
    let opened = match app.popup() {
        Some(Popup::Figure(details)) => details.figure(),
        other => panic!("no details: {other:?}"),
    };
    assert_eq!(&app.data().figures[opened].id, headline);
    app.handle_key(key(KeyCode::Backspace));
    assert!(app.popup().is_none(), "back at the cards");
    assert_eq!(app.focus(), Focus::Cards);
    app.handle_key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL));
    assert!(
        matches!(app.popup(), Some(Popup::Figure(_))),
        "forward to the details"
    );
    app.handle_key(key(KeyCode::Esc));
    // Down past the last row returns to the topics.
    app.handle_key(key(KeyCode::End));
    app.handle_key(key(KeyCode::Down));
    assert_eq!(app.overview_card(), None);
    assert_eq!(app.focus(), Focus::Overview);
    assert_eq!(app.overview_list().selected, 0);
}

#[test]
fn a_click_selects_a_card_and_a_second_opens_it() {
    let click = |column, row| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = app();
    app.resize(120, 40);
    let card = app.overview_layout(Rect::new(0, 1, 120, 37)).cards[1];
    app.handle_mouse(click(card.x + 3, card.y + 1));
    assert_eq!(app.overview_card(), Some(1));
    assert!(app.popup().is_none());
    app.handle_mouse(click(card.x + 3, card.y + 1));
    assert!(matches!(app.popup(), Some(Popup::Figure(_))));
}

#[test]
fn the_qa_items_list_takes_the_keys_with_i_and_enter_opens_an_item() {
    let mut app = app();
    app.resize(120, 40);
    app.apply(Action::LastTab);
    assert_eq!(app.focus(), Focus::Pager);
    assert!(keys_shown(&app).contains(&"i"));
    press(&mut app, "i");
    assert_eq!(app.focus(), Focus::PagerItems);
    assert_eq!(app.qa_items().map(|c| c.selected), Some(0));
    assert!(keys_shown(&app).contains(&"Enter"));
    // The arrows move the list's cursor, not the text.
    let top = app.pager().top();
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Down));
    assert_eq!(app.qa_items().map(|c| c.selected), Some(2));
    assert_eq!(app.pager().top(), top);
    // Enter opens the item in the text, which gets the keys back; Backspace returns.
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.focus(), Focus::Pager);
    assert_eq!(app.pager().current_item(), 2);
    app.handle_key(key(KeyCode::Backspace));
    assert_eq!(app.pager().current_item(), 0, "back where the text was");
    // Esc, or i again, give the keys back without moving the text.
    press(&mut app, "i");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.focus(), Focus::Pager);
    press(&mut app, "ii");
    assert_eq!(app.focus(), Focus::Pager);
}

#[test]
fn every_card_can_be_reached_the_grid_scrolling_to_it() {
    let mut app = fixture::app(Script::Hans, Lang::Zh);
    app.resize(80, 14);
    let grid = app.card_grid();
    assert!(
        grid.shown.len() < grid.count,
        "the screen is too short for every card: {grid:?}"
    );
    app.handle_key(key(KeyCode::Up));
    app.handle_key(key(KeyCode::Home));
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..grid.count {
        let card = app.overview_card().expect("on the cards");
        assert!(
            app.card_grid().shown.contains(&card),
            "card {card} is shown"
        );
        seen.insert(card);
        app.handle_key(key(KeyCode::Right));
    }
    assert_eq!(seen.len(), grid.count, "every card reached: {seen:?}");
}

#[test]
fn the_items_list_moves_with_brackets_and_searches_like_the_text() {
    let mut app = app();
    app.resize(120, 40);
    app.apply(Action::LastTab);
    press(&mut app, "i]]");
    assert_eq!(
        app.qa_items().map(|c| c.selected),
        Some(2),
        "`]` moves the list"
    );
    press(&mut app, "[");
    assert_eq!(app.qa_items().map(|c| c.selected), Some(1));
    let offered = keys_shown(&app);
    assert!(offered.contains(&"]["), "{offered:?}");
    assert!(
        !offered.contains(&"n/N"),
        "no search, no matches: {offered:?}"
    );
    // `/` searches from the list, which gives the keys to the prompt.
    press(&mut app, "/");
    assert_eq!(app.focus(), Focus::PagerSearch);
    press(&mut app, "工会");
    app.handle_key(key(KeyCode::Enter));
    assert!(keys_shown(&app).contains(&"n/N"));
    let current = |app: &App| app.pager().search().and_then(|search| search.current);
    let first = current(&app);
    press(&mut app, "i");
    press(&mut app, "n");
    assert_eq!(
        app.focus(),
        Focus::Pager,
        "`n` gives the keys back to the text"
    );
    assert_ne!(current(&app), first, "and goes to the next match");
}

#[test]
fn i_is_neither_offered_nor_acts_where_the_items_list_is_a_bar() {
    let mut app = app();
    app.resize(80, 24);
    app.apply(Action::LastTab);
    assert!(!keys_shown(&app).contains(&"i"));
    press(&mut app, "i");
    assert_eq!(app.focus(), Focus::Pager);
    assert_eq!(app.qa_items(), None);
    // A list with the keys that the screen then narrows to a bar gives them back.
    app.resize(120, 40);
    press(&mut app, "i");
    assert_eq!(app.focus(), Focus::PagerItems);
    app.resize(80, 24);
    assert_eq!(app.focus(), Focus::Pager);
}

#[test]
fn the_help_over_details_lists_what_acts_there_and_closes_back_to_them() {
    let mut app = app();
    let skills = topic_of(&app, "skills");
    app.apply(Action::GoToTab(skills + 1));
    app.handle_key(key(KeyCode::Enter));
    let figure = match app.popup() {
        Some(Popup::Figure(details)) => details.figure(),
        other => panic!("details open: {other:?}"),
    };
    press(&mut app, "?");
    let Some(Popup::Help(help)) = app.popup() else {
        panic!("the help is open");
    };
    let actions: Vec<Action> = help
        .listed()
        .iter()
        .map(|l| keys::KEY_TABLE[l.row].action)
        .collect();
    for absent in [
        Action::TopicPicker,
        Action::NextTab,
        Action::GoToTab(0),
        Action::LastTab,
        Action::NextChart,
    ] {
        assert!(!actions.contains(&absent), "{absent:?} in {actions:?}");
    }
    for present in [Action::JumpToSource, Action::CopyCitation, Action::Quit] {
        assert!(actions.contains(&present), "{present:?} in {actions:?}");
    }
    let quit = help
        .listed()
        .iter()
        .find(|l| keys::KEY_TABLE[l.row].action == Action::Quit)
        .map(|l| l.keys.iter().map(|k| k.label()).collect::<Vec<_>>());
    assert_eq!(quit, Some(vec!["Ctrl-c".to_string()]), "`q` closes a popup");
    app.handle_key(key(KeyCode::Esc));
    assert!(
        matches!(app.popup(), Some(Popup::Figure(d)) if d.figure() == figure),
        "back to the details: {:?}",
        app.popup()
    );
}

#[test]
fn y_on_a_card_cites_the_cards_figure() {
    let mut app = app();
    app.handle_key(key(KeyCode::Up));
    app.handle_key(key(KeyCode::Right));
    let card = app.overview_card().expect("on the cards");
    let id = app.headline_figures()[card].id.clone();
    press(&mut app, "y");
    let effects = app.take_effects();
    let [effect::Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    let figure = app.figure(&id).expect("a figure");
    assert_eq!(text, &effect::citation(&app, figure));
}
