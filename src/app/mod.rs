//! App state and actions: pure, testable without a terminal.
//!
//! [`App`] holds everything the screens show; keys and mouse events become
//! [`action::Action`]s through the one key table ([`keys`]) and are applied here. Drawing is
//! [`crate::ui`]'s job and never changes the state.

pub mod action;
pub mod drill;
pub mod filter;
pub mod focus;
pub mod input;
pub mod keys;
pub mod layout;
pub mod pager;
pub mod popup;
pub mod scroll;
pub mod strings;
pub mod transcript;

#[cfg(test)]
pub(crate) mod fixture;

use std::collections::BTreeSet;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::data::{Bar, Chart, Dataset, Figure, Lang, Script};
use action::Action;
use filter::{Filter, Passing, SearchIndex};
pub use focus::Focus;
use input::{InputOutcome, LineInput};
use keys::Context;
use pager::{Pager, PagerContext};
pub use popup::Popup;
use popup::{FigureDetails, HelpPopup, Outcome, TopicPicker};
pub use scroll::Selection;

/// How the dashboard starts; `color` is already resolved from `--color` and `NO_COLOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub script: Script,
    pub lang: Lang,
    pub color: bool,
    pub mouse: bool,
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
#[derive(Debug)]
pub struct App {
    data: Dataset,
    options: Options,
    tab: Tab,
    overview: Selection,
    topics: Vec<TopicView>,
    popup: Option<Popup>,
    prompt: Option<FilterPrompt>,
    filter: Filter,
    /// What the filter lets through, kept with it: matching every figure and paragraph for
    /// every frame, or several times per keystroke, is too slow for a large dataset.
    passing: Passing,
    /// The dataset's texts lowercased for the text filter, made when it is first used.
    search_index: Option<SearchIndex>,
    size: (u16, u16),
    pager: Pager,
    /// A figure (an index into the dataset's figures) to show in the pager once it is laid
    /// out: the update asks, [`App::reconcile`] does it.
    pager_jump: Option<usize>,
    /// What the derived state was last computed from.
    derived_from: DerivedFrom,
    quit: bool,
}

/// What the derived state was last computed from, for [`App::reconcile`] to compare with the
/// state and recompute only what changed.
#[derive(Debug, Default)]
struct DerivedFrom {
    /// The terminal size and filter every list's offset was kept visible for.
    lists: Option<((u16, u16), Filter)>,
    /// The body area, script, language and filter the pager was laid out for.
    pager: Option<PagerInputs>,
}

/// What the pager's layout depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PagerInputs {
    body: Rect,
    script: Script,
    lang: Lang,
    filter: Filter,
}

impl App {
    /// A dashboard on the overview. Cheap: nothing is laid out until a screen needs it.
    pub fn new(dataset: Dataset, options: Options) -> Self {
        let topics = vec![TopicView::default(); dataset.themes.len()];
        // No filter yet: everything passes, and nothing is lowercased.
        let mut search_index = None;
        let passing = Passing::new(&dataset, &Filter::default(), &mut search_index);
        Self {
            data: dataset,
            options,
            tab: Tab::Overview,
            overview: Selection::default(),
            topics,
            popup: None,
            prompt: None,
            filter: Filter::default(),
            passing,
            search_index,
            size: (0, 0),
            pager: Pager::new(),
            pager_jump: None,
            derived_from: DerivedFrom::default(),
            quit: false,
        }
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn options(&self) -> Options {
        self.options
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

    pub fn pager(&self) -> &Pager {
        &self.pager
    }

    pub fn overview_list(&self) -> Selection {
        self.overview
    }

    /// The state of topic tab `topic`.
    pub fn topic_view(&self, topic: usize) -> TopicView {
        self.topics.get(topic).copied().unwrap_or_default()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// What the pager needs to lay out and draw.
    pub fn pager_context(&self) -> PagerContext<'_> {
        pager_context(&self.data, self.options, &self.filter)
    }

    /// Every tab in order: the overview, one per theme, the Q&A.
    pub fn tabs(&self) -> Vec<Tab> {
        std::iter::once(Tab::Overview)
            .chain((0..self.data.themes.len()).map(Tab::Topic))
            .chain(std::iter::once(Tab::Qa))
            .collect()
    }

    fn tab_index(&self) -> usize {
        match self.tab {
            Tab::Overview => 0,
            Tab::Topic(i) => i + 1,
            Tab::Qa => self.data.themes.len() + 1,
        }
    }

    /// Indices into [`Dataset::figures`] of the figures topic tab `topic` lists: those of
    /// that theme passing the filter, in dataset order.
    pub fn topic_figures(&self, topic: usize) -> &[usize] {
        self.passing.topic_figures(topic)
    }

    /// The charts of topic tab `topic`, in dataset order.
    pub fn topic_charts(&self, topic: usize) -> Vec<&Chart> {
        let Some(theme) = self.data.themes.get(topic) else {
            return Vec::new();
        };
        self.data
            .charts
            .iter()
            .filter(|c| c.theme == theme.id)
            .collect()
    }

    /// The chart topic tab `topic` shows, if it has any.
    pub fn current_chart(&self, topic: usize) -> Option<&Chart> {
        let charts = self.topic_charts(topic);
        let index = self.topic_view(topic).chart % charts.len().max(1);
        charts.get(index).copied()
    }

    /// A figure by id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.data.figures.iter().find(|f| f.id == id)
    }

    /// A figure by id, when it passes the filter.
    fn passing_figure(&self, id: &str) -> Option<&Figure> {
        let index = self.data.figures.iter().position(|f| f.id == id)?;
        self.passing
            .figure(index)
            .then(|| &self.data.figures[index])
    }

    /// For theme `topic`: how many of its figures and transcript items pass the filter.
    pub fn topic_counts(&self, topic: usize) -> (usize, usize) {
        let Some(theme) = self.data.themes.get(topic) else {
            return (0, 0);
        };
        let items = self
            .data
            .segments
            .iter()
            .enumerate()
            .filter(|(i, s)| self.passing.item(*i) && s.themes.contains(&theme.id))
            .count();
        (self.passing.topic_figures(topic).len(), items)
    }

    /// How many figures pass the filter, of all.
    pub fn figures_shown(&self) -> (usize, usize) {
        (self.passing.figure_count(), self.data.figures.len())
    }

    /// The headline figures of every theme, in theme order, that pass the filter.
    pub fn headline_figures(&self) -> Vec<&Figure> {
        self.data
            .themes
            .iter()
            .flat_map(|t| &t.headline)
            .filter_map(|id| self.passing_figure(id))
            .collect()
    }

    /// Who gets input now: the innermost thing open.
    pub fn focus(&self) -> Focus {
        if self.prompt.is_some() {
            Focus::FilterPrompt
        } else if self.popup.is_some() {
            Focus::Popup
        } else {
            match self.tab {
                Tab::Qa if self.pager.is_prompting() => Focus::PagerSearch,
                Tab::Qa => Focus::Pager,
                Tab::Overview => Focus::Overview,
                Tab::Topic(topic) => Focus::Topic(topic),
            }
        }
    }

    /// The key-table contexts active now, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        if let Some(popup) = &self.popup {
            return popup.contexts().to_vec();
        }
        match self.tab {
            Tab::Overview => vec![Context::Dashboard, Context::Global],
            Tab::Topic(_) => vec![Context::FigureList, Context::Dashboard, Context::Global],
            Tab::Qa => vec![Context::Pager, Context::Global],
        }
    }

    /// The footer's key hints for what can be done now, most useful first.
    pub fn hints(&self) -> Vec<keys::Hint> {
        keys::hints(&self.contexts())
            .filter(|(action, _)| self.offers(*action))
            .map(|(_, hint)| hint)
            .collect()
    }

    /// Whether `action` would do something now; the footer leaves out hints that would not.
    fn offers(&self, action: Action) -> bool {
        if let Some(popup) = &self.popup {
            return popup.offers(action);
        }
        match (action, self.tab) {
            (Action::NextChart | Action::PrevChart, Tab::Topic(topic)) => {
                self.topic_charts(topic).len() > 1
            }
            (Action::Open, Tab::Topic(topic)) => !self.topic_figures(topic).is_empty(),
            // The pager may have a search to clear; elsewhere Esc needs something open.
            (Action::Back, Tab::Overview | Tab::Topic(_)) => self.filter.is_active(),
            _ => true,
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
        let used = match self.focus() {
            Focus::FilterPrompt => self.prompt_key(key),
            Focus::PagerSearch => {
                let ctx = pager_context(&self.data, self.options, &self.filter);
                self.pager.handle_prompt_key(key, &ctx)
            }
            Focus::Popup | Focus::Pager | Focus::Overview | Focus::Topic(_) => {
                match keys::lookup(&key, &self.contexts()) {
                    Some(action) => {
                        self.update(action);
                        true
                    }
                    None => false,
                }
            }
        };
        // Ctrl-c quits even from a prompt that has no use for it.
        if !used && key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
        {
            self.quit = true;
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
                let ctx = pager_context(&self.data, self.options, &self.filter);
                self.pager.handle_prompt_paste(text, &ctx);
            }
            Focus::Popup | Focus::Pager | Focus::Overview | Focus::Topic(_) => {}
        }
        self.reconcile();
    }

    /// Applies a mouse event: the wheel scrolls what has the focus, a click picks a tab or a
    /// row. Does nothing unless the mouse was enabled, nor while the filter prompt is open (it
    /// has the keys); clicks wait while a popup is open.
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        if !self.options.mouse {
            return;
        }
        let focus = self.focus();
        match (focus, event.kind) {
            (Focus::FilterPrompt, _) => {}
            (_, MouseEventKind::ScrollDown) => self.update(Action::Down),
            (_, MouseEventKind::ScrollUp) => self.update(Action::Up),
            (_, MouseEventKind::Down(MouseButton::Left)) => {
                self.click(focus, event.column, event.row);
            }
            _ => {}
        }
        self.reconcile();
    }

    /// Applies one action, then brings the derived state up to date.
    pub fn apply(&mut self, action: Action) {
        self.update(action);
        self.reconcile();
    }

    /// One action: what has the focus takes it first, then the tabs, then the app.
    fn update(&mut self, action: Action) {
        let used = match self.focus() {
            Focus::Popup => {
                self.popup_action(action);
                return;
            }
            Focus::Pager | Focus::PagerSearch => {
                let ctx = pager_context(&self.data, self.options, &self.filter);
                self.pager.apply(action, &ctx)
            }
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
            // Whatever was open took its Esc; with nothing open, the filter clears.
            Action::Back if self.filter.is_active() => self.set_filter(Filter::default()),
            Action::Help => self.popup = Some(Popup::Help(HelpPopup::new())),
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

    fn go_to_tab(&mut self, index: usize) {
        self.tab = self.tabs().get(index).copied().unwrap_or(Tab::Overview);
    }

    /// An action on the overview's list of topics; `true` when used.
    fn overview_action(&mut self, action: Action) -> bool {
        let rows = self.overview_rows();
        let len = self.data.themes.len();
        match action {
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

    /// An action on topic tab `topic`'s figures and charts; `true` when used.
    fn topic_action(&mut self, topic: usize, action: Action) -> bool {
        let charts = self.topic_charts(topic).len();
        let rows = self.topic_rows(topic);
        // The field itself, not `topic_figures`, so the views can be borrowed beside it.
        let figures = self.passing.topic_figures(topic);
        let Some(view) = self.topics.get_mut(topic) else {
            return false;
        };
        match action {
            Action::Open => {
                if let Some(&figure) = figures.get(view.list.selected) {
                    self.popup = Some(Popup::Figure(FigureDetails::new(figure)));
                }
            }
            Action::NextChart if charts > 0 => view.chart = (view.chart + 1) % charts,
            Action::PrevChart if charts > 0 => view.chart = (view.chart + charts - 1) % charts,
            Action::NextChart | Action::PrevChart => {}
            Action::StartSearch => self.open_prompt(),
            _ => return view.list.apply(action, figures.len(), rows),
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
            Outcome::Close => self.popup = None,
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

    /// Replaces the filter, keeping each list's selected figure when it is still shown.
    fn set_filter(&mut self, filter: Filter) {
        if filter == self.filter {
            return;
        }
        let selected: Vec<Option<usize>> = (0..self.topics.len())
            .map(|t| {
                self.passing
                    .topic_figures(t)
                    .get(self.topics[t].list.selected)
                    .copied()
            })
            .collect();
        self.passing = Passing::new(&self.data, &filter, &mut self.search_index);
        self.filter = filter;
        for (topic, figure) in selected.into_iter().enumerate() {
            let figures = self.passing.topic_figures(topic);
            let index = figure
                .and_then(|f| figures.iter().position(|&g| g == f))
                .unwrap_or(0);
            self.topics[topic].list.selected = index.min(figures.len().saturating_sub(1));
        }
    }

    /// After every update, brings what is derived from the state up to date with it,
    /// recomputing only what changed: each list's offset keeps its selection in view, the
    /// pager is laid out for the Q&A tab's body, script and filter (only while that tab is
    /// shown, so startup lays out no transcript), the open popup's lines are wrapped for the
    /// body. The only place derived state is written; no update keeps it in sync by hand.
    fn reconcile(&mut self) {
        let jump = self.pager_jump.take();
        self.reconcile_lists();
        let Some(screen) = layout::screen(self.area()) else {
            return;
        };
        if self.tab == Tab::Qa {
            self.reconcile_pager(screen.body);
            if let Some(figure) = jump {
                let id = self.data.figures[figure].id.clone();
                let ctx = pager_context(&self.data, self.options, &self.filter);
                self.pager.open_at_figure(&id, &ctx);
            }
        }
        if let Some(mut popup) = self.popup.take() {
            let at = popup::LaidFor {
                body: screen.body,
                lang: self.options.lang,
                script: self.options.script,
            };
            popup.reconcile(self, at);
            self.popup = Some(popup);
        }
    }

    /// Every list's offset after a resize or a filter change (their rows, or what they list,
    /// changed); otherwise only the shown tab's, whose rows follow its chart.
    fn reconcile_lists(&mut self) {
        let inputs = (self.size, self.filter.clone());
        let all = self.derived_from.lists.as_ref() != Some(&inputs);
        if all || self.tab == Tab::Overview {
            let rows = self.overview_rows();
            self.overview.keep_in_view(rows);
        }
        for topic in 0..self.topics.len() {
            if all || self.tab == Tab::Topic(topic) {
                let rows = self.topic_rows(topic);
                self.topics[topic].list.keep_in_view(rows);
            }
        }
        if all {
            self.derived_from.lists = Some(inputs);
        }
    }

    /// Lays the pager out again when its body, the script, the language or the filter changed.
    fn reconcile_pager(&mut self, body: Rect) {
        let inputs = PagerInputs {
            body,
            script: self.options.script,
            lang: self.options.lang,
            filter: self.filter.clone(),
        };
        let before = self.derived_from.pager.as_ref();
        if before == Some(&inputs) {
            return;
        }
        let resized = before.is_none_or(|before| before.body != body);
        let ctx = pager_context(&self.data, self.options, &self.filter);
        if resized {
            self.pager.resize(body, &ctx);
        } else {
            self.pager.on_context_change(&ctx);
        }
        self.derived_from.pager = Some(inputs);
    }

    fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// A left click: on a tab's title it goes there; on a list row it selects the row, or opens
    /// it when already selected; in the pager's list it jumps to that item.
    fn click(&mut self, focus: Focus, column: u16, row: u16) {
        let Some(screen) = layout::screen(self.area()) else {
            return;
        };
        if focus == Focus::Popup {
            return;
        }
        if layout::contains(screen.tabs, column, row) {
            let bar = layout::tab_bar(screen.tabs, &self.tab_titles(), self.tab_index());
            if let Some((index, _)) = bar
                .tabs
                .iter()
                .find(|(_, rect)| layout::contains(*rect, column, row))
            {
                self.go_to_tab(*index);
            }
            return;
        }
        if !layout::contains(screen.body, column, row) {
            return;
        }
        match focus {
            Focus::Overview => {
                let parts = self.overview_layout(screen.body);
                if layout::contains(parts.topics, column, row) {
                    let rows = usize::from(parts.topics.height);
                    let index = self.overview.offset() + usize::from(row - parts.topics.y);
                    if index == self.overview.selected {
                        self.overview_action(Action::Open);
                    } else if index < self.data.themes.len() {
                        self.overview.select(index, self.data.themes.len(), rows);
                    }
                }
            }
            Focus::Topic(topic) => {
                let parts = layout::topic(screen.body, self.chart_rows(topic));
                let len = self.topic_figures(topic).len();
                let view = &mut self.topics[topic].list;
                if layout::contains(parts.list, column, row) {
                    let rows = usize::from(parts.list.height);
                    let index = view.offset() + usize::from(row - parts.list.y);
                    if index == view.selected {
                        self.topic_action(topic, Action::Open);
                    } else if index < len {
                        view.select(index, len, rows);
                    }
                }
            }
            Focus::Pager | Focus::PagerSearch => {
                let ctx = pager_context(&self.data, self.options, &self.filter);
                self.pager.click(column, row, &ctx);
            }
            Focus::Popup | Focus::FilterPrompt => {}
        }
    }

    /// The tab titles as the bar shows them: `1 概览`, numbered while a digit reaches them.
    pub fn tab_titles(&self) -> Vec<String> {
        let (lang, script) = (self.options.lang, self.options.script);
        self.tabs()
            .iter()
            .enumerate()
            .map(|(index, tab)| {
                let name = match tab {
                    Tab::Overview => strings::OVERVIEW.get(lang, script).to_string(),
                    Tab::Topic(t) => crate::text::sanitize::sanitize(
                        self.data.themes[*t].label.get(lang, script),
                    )
                    .into_owned(),
                    Tab::Qa => strings::QA.get(lang, script).to_string(),
                };
                if index < 9 {
                    format!("{} {name}", index + 1)
                } else {
                    name
                }
            })
            .collect()
    }

    /// The overview's layout for `body`.
    pub fn overview_layout(&self, body: Rect) -> layout::OverviewLayout {
        layout::overview(
            body,
            self.headline_figures().len(),
            self.data.themes.len() as u16,
        )
    }

    /// How many bars the chart of topic `topic` shows (what its layout reserves).
    pub fn chart_rows(&self, topic: usize) -> u16 {
        self.current_chart(topic).map_or(0, |chart| {
            u16::try_from(self.shown_bars(chart).count()).unwrap_or(u16::MAX)
        })
    }

    /// The bars of `chart` whose figures pass the filter, each with its figure, in chart order.
    pub fn shown_bars<'a>(
        &'a self,
        chart: &'a Chart,
    ) -> impl Iterator<Item = (&'a Bar, &'a Figure)> {
        chart
            .bars
            .iter()
            .filter_map(|bar| Some((bar, self.passing_figure(&bar.figure)?)))
    }

    fn overview_rows(&self) -> usize {
        layout::screen(self.area()).map_or(1, |s| {
            usize::from(self.overview_layout(s.body).topics.height)
        })
    }

    fn topic_rows(&self, topic: usize) -> usize {
        layout::screen(self.area()).map_or(1, |s| {
            usize::from(layout::topic(s.body, self.chart_rows(topic)).list.height)
        })
    }
}

/// What the pager needs, from the app's parts: a free function so the pager itself can be
/// borrowed mutably beside it.
fn pager_context<'a>(data: &'a Dataset, options: Options, filter: &'a Filter) -> PagerContext<'a> {
    PagerContext {
        data,
        script: options.script,
        lang: options.lang,
        topics: &filter.topics,
        text: &filter.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventState, MouseEvent};

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

    fn topic_of(app: &App, id: &str) -> usize {
        app.data()
            .themes
            .iter()
            .position(|t| t.id == id)
            .expect("fixture theme")
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
        let rows = app.topic_rows(skills);
        assert!(view.offset() <= view.selected && view.selected < view.offset() + rows);
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
        let grassroots = topic_of(&app, "grassroots");
        app.apply(Action::GoToTab(grassroots + 1));
        press(&mut app, "j");
        let figures = app.topic_figures(grassroots);
        let chosen = figures[1];
        app.set_filter(Filter {
            topics: BTreeSet::new(),
            text: "答问".into(),
        });
        let after = app.topic_figures(grassroots);
        assert_eq!(after[app.topic_view(grassroots).list.selected], chosen);
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
        let keys_shown = |app: &App| -> Vec<&str> { app.hints().iter().map(|h| h.keys).collect() };
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
        assert_eq!(heading(&app), Some(popup::HelpLine::Heading("全域")));
        press(&mut app, "L");
        assert_eq!(heading(&app), Some(popup::HelpLine::Heading("Everywhere")));
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
        app.handle_mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 5,
            row: 5,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(app.topic_view(0).list.selected, 1);
        // Row 3 of the screen is the list's first row (tabs, description, list title).
        app.handle_mouse(click(5, 3));
        assert_eq!(app.topic_view(0).list.selected, 0);
        // Clicking the selected row opens it; clicks wait while a popup is open.
        app.handle_mouse(click(5, 3));
        assert!(matches!(app.popup(), Some(Popup::Figure(_))));
        app.handle_mouse(click(10, 0));
        assert_eq!(app.tab(), Tab::Topic(0));
        app.handle_key(key(KeyCode::Esc));

        let mut off = App::new(
            fixture::dataset(),
            Options {
                mouse: false,
                ..app.options()
            },
        );
        off.resize(80, 24);
        off.handle_mouse(click(10, 0));
        assert_eq!(off.tab(), Tab::Overview);

        // While the filter prompt is open, a click does not take the user elsewhere.
        press(&mut app, "/");
        app.handle_mouse(click(1, 0));
        assert_eq!(app.tab(), Tab::Topic(0));
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
}
