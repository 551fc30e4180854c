//! App state and actions: pure, testable without a terminal.
//!
//! [`App`] holds everything the screens show; keys and mouse events become
//! [`action::Action`]s through the one key table ([`keys`]) and are applied here. Drawing is
//! [`crate::ui`]'s job and never changes the state.

pub mod action;
pub mod drill;
pub mod effect;
pub mod filter;
pub mod focus;
pub mod history;
pub mod input;
pub mod keys;
pub mod layout;
mod mouse;
pub mod order;
pub mod pager;
pub mod popup;
mod reconcile;
pub mod scroll;
pub mod strings;
pub mod transcript;
mod view;

#[cfg(test)]
pub(crate) mod fixture;

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::data::{Dataset, FigureIds, Lang, Script};
use action::Action;
use effect::{Effect, Report};
use filter::{Filter, Passing, SearchIndex};
pub use focus::Focus;
use history::{History, Place};
use input::{InputOutcome, LineInput};
use order::Order;
use pager::{Pager, PagerContext};
pub use popup::Popup;
use popup::{FigureDetails, HelpPopup, Outcome, TopicPicker};
pub use scroll::Selection;
pub use view::text_spans;

/// How the dashboard starts; `color` is already resolved from `--color` and `NO_COLOR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub script: Script,
    pub lang: Lang,
    pub color: bool,
    /// The colour scheme, when `color` is on.
    pub colors: crate::colors::ColorScheme,
    pub mouse: bool,
    /// The keys in force: the key table's, with the configuration's rebindings.
    pub keys: keys::KeyMap,
}

impl Options {
    /// In `script` and `lang`, without colour or the mouse, on the default keys: as
    /// `pressdash render` draws with no configuration.
    pub fn plain(script: Script, lang: Lang) -> Self {
        Self {
            script,
            lang,
            color: false,
            colors: crate::colors::ColorScheme::Default,
            mouse: false,
            keys: keys::KeyMap::default(),
        }
    }
}

/// A tab of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    /// A theme, by index into [`Dataset::themes`].
    Topic(usize),
    Qa,
}

/// A topic tab's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TopicView {
    pub list: Selection,
    /// Index into the theme's charts.
    pub chart: usize,
}

/// The `/` filter prompt of the dashboard tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterPrompt {
    pub input: LineInput,
    /// The text filter before the prompt opened, restored by Esc.
    before: String,
}

/// The whole state of the dashboard.
#[derive(Debug, Clone)]
pub struct App {
    data: Dataset,
    /// Where each figure is in `data`, by id.
    figure_ids: FigureIds,
    options: Options,
    tab: Tab,
    overview: Selection,
    /// The overview's card the arrows are on (an index among the cards shown), while the keys
    /// move through the cards rather than the topics.
    overview_card: Option<usize>,
    /// The Q&A items list's cursor, while the keys move through the list rather than the
    /// text.
    qa_items: Option<Selection>,
    topics: Vec<TopicView>,
    /// The tab bar scrolled by a click on its arrows: the tab it was scrolled on, and the tab
    /// it keeps in view while that one stays current.
    tab_bar_scroll: Option<(Tab, usize)>,
    /// Each topic tab laid out for the screen, with what it was laid out for; kept by
    /// [`App::reconcile`].
    topic_layouts: Vec<Option<(reconcile::TopicLaidFor, layout::TopicTabLayout)>>,
    popup: Option<Popup>,
    prompt: Option<FilterPrompt>,
    filter: Filter,
    /// What the filter lets through, kept with it: matching every figure and paragraph for
    /// every frame, or several times per keystroke, is too slow for a large dataset.
    passing: Passing,
    /// How the topic tabs order their figures.
    order: Order,
    /// Per theme: the figures that pass, in `order` (derived by [`App::reconcile`]).
    ordered: Vec<Vec<usize>>,
    /// The dataset's texts lowercased for the text filter, made when it is first used.
    search_index: Option<SearchIndex>,
    size: (u16, u16),
    pager: Pager,
    /// A figure (an index into the dataset's figures) to show in the pager once it is laid
    /// out: the update asks, [`App::reconcile`] does it.
    pager_jump: Option<usize>,
    /// The places left by jumps, to go back and forward through.
    history: History,
    /// What the derived state was last computed from.
    derived_from: reconcile::DerivedFrom,
    quit: bool,
    /// Ctrl-z was pressed and the terminal layer has not suspended yet.
    suspend: bool,
    /// Asked of the terminal layer and not yet taken by it.
    effects: Vec<Effect>,
    /// What the last effect came to, shown on the status line until the next key.
    report: Option<Report>,
}

impl App {
    /// A dashboard on the overview. Cheap: nothing is laid out until a screen needs it.
    pub fn new(dataset: Dataset, options: Options) -> Self {
        let topics = vec![TopicView::default(); dataset.themes.len()];
        let figure_ids = FigureIds::new(&dataset);
        // No filter yet: everything passes, and nothing is lowercased.
        let mut search_index = None;
        let passing = Passing::new(&dataset, &figure_ids, &Filter::default(), &mut search_index);
        let ordered = (0..dataset.themes.len())
            .map(|topic| passing.topic_figures(topic).to_vec())
            .collect();
        Self {
            data: dataset,
            figure_ids,
            options,
            tab: Tab::Overview,
            overview: Selection::default(),
            overview_card: None,
            qa_items: None,
            tab_bar_scroll: None,
            topic_layouts: vec![None; topics.len()],
            topics,
            popup: None,
            prompt: None,
            filter: Filter::default(),
            passing,
            order: Order::AsSaid,
            ordered,
            search_index,
            size: (0, 0),
            pager: Pager::new(),
            pager_jump: None,
            history: History::default(),
            derived_from: reconcile::DerivedFrom::default(),
            quit: false,
            suspend: false,
            effects: Vec::new(),
            report: None,
        }
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn script(&self) -> Script {
        self.options.script
    }

    pub fn lang(&self) -> Lang {
        self.options.lang
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn popup(&self) -> Option<&Popup> {
        self.popup.as_ref()
    }

    pub fn prompt(&self) -> Option<&FilterPrompt> {
        self.prompt.as_ref()
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// How the topic tabs order their figures.
    pub fn order(&self) -> Order {
        self.order
    }

    pub fn pager(&self) -> &Pager {
        &self.pager
    }

    pub fn overview_list(&self) -> Selection {
        self.overview
    }

    /// The overview's card the arrows are on, while they move through the cards.
    pub fn overview_card(&self) -> Option<usize> {
        self.overview_card
    }

    /// The Q&A items list's cursor, while the keys move through the list.
    pub fn qa_items(&self) -> Option<Selection> {
        self.qa_items
    }

    /// The state of topic tab `topic`.
    pub fn topic_view(&self, topic: usize) -> TopicView {
        self.topics.get(topic).copied().unwrap_or_default()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether Ctrl-z asked to suspend since the last call; the terminal layer acts on it.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// What the pager needs to lay out and draw.
    pub fn pager_context(&self) -> PagerContext<'_> {
        pager_context(&self.data, &self.options, &self.filter)
    }

    /// Who gets input now: the innermost thing open.
    pub fn focus(&self) -> Focus {
        if layout::screen(self.area()).is_none() {
            Focus::TooSmall
        } else if self.prompt.is_some() {
            Focus::FilterPrompt
        } else if self.popup.is_some() {
            Focus::Popup
        } else {
            match self.tab {
                Tab::Qa if self.pager.is_prompting() => Focus::PagerSearch,
                Tab::Qa if self.qa_items.is_some() => Focus::PagerItems,
                Tab::Qa => Focus::Pager,
                Tab::Overview if self.overview_card.is_some() => Focus::Cards,
                Tab::Overview => Focus::Overview,
                Tab::Topic(topic) => Focus::Topic(topic),
            }
        }
    }

    /// The terminal now has this size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.reconcile();
    }

    /// Applies one key press; releases and repeats of other kinds are ignored. A prompt takes
    /// every key; elsewhere the key table turns the key into an action.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        self.report = None;
        let used = match self.focus() {
            Focus::TooSmall => {
                let action = self.options.keys.lookup(&key, self.contexts());
                if let Some(action @ (Action::Quit | Action::Suspend)) = action {
                    self.app_action(action);
                }
                true
            }
            Focus::FilterPrompt => self.prompt_key(key),
            Focus::PagerSearch => {
                let ctx = pager_context(&self.data, &self.options, &self.filter);
                self.pager.handle_prompt_key(key, &ctx)
            }
            Focus::Popup
            | Focus::PagerItems
            | Focus::Pager
            | Focus::Cards
            | Focus::Overview
            | Focus::Topic(_) => match self.options.keys.lookup(&key, self.contexts()) {
                Some(action) => {
                    self.update(action);
                    true
                }
                None => false,
            },
        };
        // Ctrl-c quits and Ctrl-z suspends even from a prompt that has no use for them.
        if !used && key.modifiers.contains(KeyModifiers::CONTROL) {
            match key.code {
                KeyCode::Char('c') => self.quit = true,
                KeyCode::Char('z') => self.suspend = true,
                _ => {}
            }
        }
        self.reconcile();
    }

    /// Inserts pasted text (a bracketed paste, or an input method that delivers its text at
    /// once) into the open prompt: the `/` filter's, or the Q&A search's, which then follow it
    /// as they follow typing. Line breaks and other controls are dropped, so a paste stays one
    /// line. With no prompt open a paste does nothing: its characters must not act as keys.
    pub fn handle_paste(&mut self, text: &str) {
        match self.focus() {
            Focus::FilterPrompt => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.input.insert_str(text);
                    let text = prompt.input.text().to_string();
                    self.set_filter_text(text);
                }
            }
            Focus::PagerSearch => {
                let ctx = pager_context(&self.data, &self.options, &self.filter);
                self.pager.handle_prompt_paste(text, &ctx);
            }
            Focus::TooSmall
            | Focus::Popup
            | Focus::PagerItems
            | Focus::Pager
            | Focus::Cards
            | Focus::Overview
            | Focus::Topic(_) => {}
        }
        self.reconcile();
    }

    /// Applies one action, then brings the derived state up to date.
    pub fn apply(&mut self, action: Action) {
        self.update(action);
        self.reconcile();
    }

    /// One action; a jump leaves its place in the history.
    fn update(&mut self, action: Action) {
        if matches!(action, Action::GoBack | Action::GoForward) {
            self.dispatch(action);
        } else {
            self.recording_jumps(|app| app.dispatch(action));
        }
    }

    /// Runs `change`; when it jumps elsewhere, the place left goes into the history.
    fn recording_jumps(&mut self, change: impl FnOnce(&mut Self)) {
        let before = self.place();
        change(self);
        if before.jumps_to(&self.place()) {
            self.history.record(before);
        }
    }

    /// One action: what has the focus takes it first, then the tabs, then the app.
    fn dispatch(&mut self, action: Action) {
        let used = match self.focus() {
            Focus::TooSmall => {
                if matches!(action, Action::Quit | Action::Suspend) {
                    self.app_action(action);
                }
                return;
            }
            Focus::Popup => {
                self.popup_action(action);
                return;
            }
            Focus::PagerItems => self.items_action(action),
            // The keys go to the items list only where it is drawn as a column.
            Focus::Pager if action == Action::FocusItems => {
                self.qa_items =
                    self.pager_items()
                        .filter(|_| self.items_listed())
                        .map(|(_, current)| {
                            let mut cursor = Selection::default();
                            cursor.selected = current;
                            cursor
                        });
                self.qa_items.is_some()
            }
            Focus::Pager | Focus::PagerSearch => {
                let ctx = pager_context(&self.data, &self.options, &self.filter);
                self.pager.apply(action, &ctx)
            }
            Focus::Cards => self.cards_action(action),
            Focus::Overview => self.overview_action(action),
            Focus::Topic(topic) => self.topic_action(topic, action),
            // Only a caller of `apply` reaches here: keys go to the prompt. Its tab acts.
            Focus::FilterPrompt => match self.tab {
                Tab::Overview => self.overview_action(action),
                Tab::Topic(topic) => self.topic_action(topic, action),
                Tab::Qa => false,
            },
        };
        if !used && !self.tabs_action(action) {
            self.app_action(action);
        }
    }

    /// The actions every tab shares: switching tabs and opening the topic picker.
    fn tabs_action(&mut self, action: Action) -> bool {
        match action {
            Action::TopicPicker => {
                self.popup = Some(Popup::Topics(TopicPicker::new(self.filter.topics.clone())));
            }
            Action::NextTab => self.go_to_tab((self.tab_index() + 1) % self.tabs().len()),
            Action::PrevTab => {
                let count = self.tabs().len();
                self.go_to_tab((self.tab_index() + count - 1) % count);
            }
            Action::LastTab => self.go_to_tab(self.tabs().len() - 1),
            Action::GoToTab(index) => {
                if index < self.tabs().len() {
                    self.go_to_tab(index);
                }
            }
            _ => return false,
        }
        true
    }

    /// The actions that reach the app whatever is open (a popup lets only these through).
    fn app_action(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            // Whatever was open took its Esc; with nothing open, the text filter clears, then
            // the topics.
            Action::Back if !self.filter.text.trim().is_empty() => {
                self.set_filter_text(String::new());
            }
            Action::Back if self.filter.is_active() => self.set_filter(Filter::default()),
            Action::Help => {
                let (listed, order) = self.help_listing();
                let under = self.popup.take();
                self.popup = Some(Popup::Help(HelpPopup::new(listed, order, under)));
            }
            Action::CopyCitation => self.copy_citation(),
            Action::Export(format) => self.export(format),
            Action::GoBack => {
                if let Some(place) = self.history.back(self.place()) {
                    self.return_to(place);
                }
            }
            Action::GoForward => {
                if let Some(place) = self.history.forward(self.place()) {
                    self.return_to(place);
                }
            }
            Action::ToggleScript => {
                self.options.script = match self.options.script {
                    Script::Hans => Script::Hant,
                    Script::Hant => Script::Hans,
                };
            }
            Action::ToggleLang => {
                self.options.lang = match self.options.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
            }
            _ => {}
        }
    }

    /// Where the reader is now, as the history keeps it.
    fn place(&self) -> Place {
        let selected = match self.tab {
            Tab::Overview => self.overview.selected,
            Tab::Topic(topic) => self.topic_view(topic).list.selected,
            Tab::Qa => 0,
        };
        Place {
            tab: self.tab,
            selected,
            listed: match self.tab {
                Tab::Topic(topic) => self.topic_figures(topic).get(selected).copied(),
                Tab::Overview | Tab::Qa => None,
            },
            figure: match &self.popup {
                Some(Popup::Figure(details)) => Some(details.figure()),
                _ => None,
            },
            pager: self.pager.place(),
        }
    }

    /// Back at a place from the history: its tab, selection, details and pager position.
    fn return_to(&mut self, place: Place) {
        self.tab = place.tab;
        match place.tab {
            Tab::Overview => {
                self.overview.selected =
                    place.selected.min(self.data.themes.len().saturating_sub(1));
            }
            Tab::Topic(topic) => {
                let listed = self.topic_figures(topic);
                // The figure left, at its row in the list's present order; the row left when
                // the filter has hidden it since.
                let row = place
                    .listed
                    .and_then(|figure| listed.iter().position(|&f| f == figure))
                    .unwrap_or(place.selected)
                    .min(listed.len().saturating_sub(1));
                if let Some(view) = self.topics.get_mut(topic) {
                    view.list.selected = row;
                }
            }
            Tab::Qa => self.pager.go_to_place(&self.data, place.pager),
        }
        self.popup = place
            .figure
            .map(|figure| Popup::Figure(FigureDetails::new(figure)));
    }

    fn go_to_tab(&mut self, index: usize) {
        self.tab = self.tabs().get(index).copied().unwrap_or(Tab::Overview);
    }

    /// An action on the overview's list of topics; `true` when used. Up from the first topic
    /// goes to the last row of cards.
    fn overview_action(&mut self, action: Action) -> bool {
        let rows = self.overview_rows();
        let len = self.data.themes.len();
        match action {
            Action::Up if self.overview.selected == 0 && !self.card_grid().shown.is_empty() => {
                let grid = self.card_grid();
                let last_shown = grid.shown.end - 1;
                self.overview_card = Some(last_shown / grid.columns * grid.columns);
                true
            }
            Action::Open => {
                if len > 0 {
                    self.tab = Tab::Topic(self.overview.selected.min(len - 1));
                }
                true
            }
            Action::StartSearch => {
                self.open_prompt();
                true
            }
            _ => self.overview.apply(action, len, rows),
        }
    }

    /// An action on the overview's cards, a grid that scrolls to show the card the arrows
    /// are on: they move in it, down from its last row to the topics; Enter opens the card's
    /// figure. `true` when used.
    fn cards_action(&mut self, action: Action) -> bool {
        let grid = self.card_grid();
        let (cards, columns) = (grid.count, grid.columns);
        let Some(card) = self.overview_card.filter(|&card| card < cards) else {
            self.overview_card = None;
            return false;
        };
        let column = card % columns;
        let last_row = (cards - 1) / columns * columns;
        self.overview_card = match action {
            Action::Left => Some(card.saturating_sub(1)),
            Action::Right => Some((card + 1).min(cards - 1)),
            Action::Up => Some(card.checked_sub(columns).unwrap_or(card)),
            Action::Down if card + columns < cards => Some(card + columns),
            // Below the last row: the topics, from their first.
            Action::Down if card >= last_row => {
                self.overview
                    .select(0, self.data.themes.len(), self.overview_rows());
                None
            }
            Action::Down => Some(cards - 1),
            Action::Top | Action::PageUp | Action::HalfPageUp => Some(column.min(cards - 1)),
            Action::Bottom | Action::PageDown | Action::HalfPageDown => {
                Some((last_row + column).min(cards - 1))
            }
            Action::Open => {
                if let Some(figure) = self.headline_figures().get(card).map(|f| f.id.clone()) {
                    let index = self.figure_ids.get(&figure);
                    self.popup = index.map(|index| Popup::Figure(FigureDetails::new(index)));
                }
                Some(card)
            }
            Action::StartSearch => {
                self.open_prompt();
                Some(card)
            }
            _ => return false,
        };
        true
    }

    /// An action on the Q&A items list: the arrows, `]` and `[` move its cursor, Enter opens
    /// the item in the text and gives the keys back to it, as do `i` and Esc; a search, and
    /// its next and previous match, give the keys back to the text and act there. `true` when
    /// used.
    fn items_action(&mut self, action: Action) -> bool {
        let Some((count, _)) = self.pager_items() else {
            self.qa_items = None;
            return false;
        };
        let rows = self.items_rows();
        let Some(cursor) = &mut self.qa_items else {
            return false;
        };
        match action {
            Action::FocusItems | Action::Back => self.qa_items = None,
            Action::NextItem => return cursor.apply(Action::Down, count, rows),
            Action::PrevItem => return cursor.apply(Action::Up, count, rows),
            Action::StartSearch | Action::NextMatch | Action::PrevMatch => {
                let ctx = pager_context(&self.data, &self.options, &self.filter);
                let used = self.pager.apply(action, &ctx);
                if used {
                    self.qa_items = None;
                }
                return used;
            }
            Action::Open => {
                let item = cursor.selected;
                self.qa_items = None;
                // Another item is a place to come back from, as another tab is.
                self.history.record(self.place());
                self.pager.open_item(&self.data, item);
            }
            _ => return cursor.apply(action, count, rows),
        }
        true
    }

    /// An action on topic tab `topic`'s figures and charts; `true` when used.
    fn topic_action(&mut self, topic: usize, action: Action) -> bool {
        let charts = self.topic_charts(topic).len();
        // Movement first, on a copy of the selection, while the layout is borrowed.
        let mut list = self.topic_view(topic).list;
        let moved = {
            let laid = self.screen_topic_layout(topic);
            let rows = usize::from(laid.parts.list.height);
            list.apply_entries(action, laid.entry_heights(), rows)
        };
        // The field itself, not `topic_figures`, so the views can be borrowed beside it.
        let figures = self.ordered.get(topic).map_or(&[][..], Vec::as_slice);
        let Some(view) = self.topics.get_mut(topic) else {
            return false;
        };
        if moved {
            view.list = list;
            return true;
        }
        match action {
            Action::Open => {
                if let Some(&figure) = figures.get(view.list.selected) {
                    self.popup = Some(Popup::Figure(FigureDetails::new(figure)));
                }
            }
            // A tab the filter empties hides its chart: a key would turn it unseen.
            Action::NextChart if charts > 0 && !figures.is_empty() => {
                view.chart = (view.chart + 1) % charts;
            }
            Action::PrevChart if charts > 0 && !figures.is_empty() => {
                view.chart = (view.chart + charts - 1) % charts;
            }
            Action::NextChart | Action::PrevChart => {}
            Action::StartSearch => self.open_prompt(),
            Action::CycleOrder => self.order = self.order.next(),
            _ => return false,
        }
        true
    }

    /// An action while a popup is open: the popup says what it did, and only the app-wide
    /// actions get past it.
    fn popup_action(&mut self, action: Action) {
        let outcome = match &mut self.popup {
            Some(popup) => popup.handle(action, &self.data.themes),
            None => Outcome::Ignored,
        };
        match outcome {
            Outcome::Consumed => {}
            Outcome::Ignored => self.app_action(action),
            Outcome::Close => self.popup = self.popup.take().and_then(Popup::closed),
            Outcome::JumpToSource(figure) => self.jump_to_source(figure),
            Outcome::ApplyTopics(topics) => {
                self.popup = None;
                self.set_filter(Filter {
                    topics,
                    text: self.filter.text.clone(),
                });
            }
        }
    }

    /// Leaves the drill-down for the Q&A tab at the figure's sentence. When the topic filter
    /// hides that item, the topics are cleared so the user lands where they asked.
    fn jump_to_source(&mut self, figure: usize) {
        let Some(source) = self.data.figures.get(figure).map(|f| &f.source.segment) else {
            return;
        };
        let item = self.data.segments.iter().position(|s| &s.id == source);
        self.popup = None;
        self.tab = Tab::Qa;
        if item.is_some_and(|item| !self.passing.item(item)) && !self.filter.topics.is_empty() {
            self.set_filter(Filter {
                topics: BTreeSet::new(),
                text: self.filter.text.clone(),
            });
        }
        self.pager_jump = Some(figure);
    }

    fn open_prompt(&mut self) {
        let mut input = LineInput::new();
        input.set_text(&self.filter.text);
        self.prompt = Some(FilterPrompt {
            input,
            before: self.filter.text.clone(),
        });
    }

    /// A key for the open filter prompt: the filter follows the text as it is typed.
    fn prompt_key(&mut self, key: KeyEvent) -> bool {
        let Some(prompt) = &mut self.prompt else {
            return false;
        };
        let outcome = prompt.input.handle_key(key);
        let text = match outcome {
            InputOutcome::Edited => prompt.input.text().to_string(),
            InputOutcome::Submitted => {
                let text = prompt.input.text().trim().to_string();
                self.prompt = None;
                text
            }
            InputOutcome::Cancelled => {
                let before = prompt.before.clone();
                self.prompt = None;
                before
            }
            InputOutcome::Ignored => return false,
        };
        self.set_filter_text(text);
        true
    }

    fn set_filter_text(&mut self, text: String) {
        self.set_filter(Filter {
            topics: self.filter.topics.clone(),
            text,
        });
    }

    /// Replaces the filter; [`App::reconcile`] then keeps each list's selected figure when it
    /// is still shown.
    fn set_filter(&mut self, filter: Filter) {
        if filter == self.filter {
            return;
        }
        self.passing = Passing::new(
            &self.data,
            &self.figure_ids,
            &filter,
            &mut self.search_index,
        );
        self.filter = filter;
    }
}

/// What the pager needs, from the app's parts: a free function so the pager itself can be
/// borrowed mutably beside it.
fn pager_context<'a>(data: &'a Dataset, options: &Options, filter: &'a Filter) -> PagerContext<'a> {
    PagerContext {
        data,
        script: options.script,
        lang: options.lang,
        topics: &filter.topics,
        text: &filter.text,
    }
}

#[cfg(test)]
mod tests;
