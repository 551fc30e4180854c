//! What the screens show: queries over the state that the UI draws from and the update
//! consults. None of them changes anything.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::layout::Rect;

use crate::app::action::Action;
use crate::app::keys::{self, Context};
use crate::app::layout::{FigureColumnNeeds, TopicNeed, TopicTabLayout};
use crate::app::pager::Laid;
use crate::app::scroll::Step;
use crate::app::{App, Focus, Tab, layout, popup, strings};
use crate::data::{Bar, Chart, Figure, Label, Lang, Period, Script};
use crate::text::{self, Magnitude, sanitize};

/// Columns of bar a chart needs to compare its values at a glance.
const BAR_WANTED: u16 = 16;
/// Columns the count of a topic's charts takes after the chart's title: `  1/7（c）`.
const CHART_COUNTER: u16 = 10;

/// The overview's grid of headline cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardGrid {
    /// Cards in all, shown or not.
    pub count: usize,
    /// Cards a row holds.
    pub columns: usize,
    /// The cards shown on the screen.
    pub shown: Range<usize>,
}

/// What a figure list's row shows of a figure, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureCells<'a> {
    /// The label, sanitised: the text its rows are byte ranges into.
    pub label: Cow<'a, str>,
    /// How often the fact was said, and whether the filter found it only in its sentence.
    pub mark: String,
    pub value: String,
    pub period: String,
    pub speaker: &'a str,
}

impl App {
    /// Every tab in order: the overview, one per theme, the Q&A.
    pub fn tabs(&self) -> Vec<Tab> {
        std::iter::once(Tab::Overview)
            .chain((0..self.data.themes.len()).map(Tab::Topic))
            .chain(std::iter::once(Tab::Qa))
            .collect()
    }

    /// The tab the tab bar keeps in view: the current one, unless a click on the bar's
    /// arrows scrolled it since the tab was chosen.
    pub fn tab_bar_shown(&self) -> usize {
        match self.tab_bar_scroll {
            Some((tab, shown)) if tab == self.tab => shown,
            _ => self.tab_index(),
        }
    }

    pub(super) fn tab_index(&self) -> usize {
        match self.tab {
            Tab::Overview => 0,
            Tab::Topic(i) => i + 1,
            Tab::Qa => self.data.themes.len() + 1,
        }
    }

    /// Indices into [`Dataset::figures`] of the figures topic tab `topic` lists: those of
    /// that theme passing the filter, in the order chosen ([`App::order`]).
    pub fn topic_figures(&self, topic: usize) -> &[usize] {
        self.ordered.get(topic).map_or(&[], Vec::as_slice)
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
        self.figure_ids
            .get(id)
            .map(|index| &self.data.figures[index])
    }

    /// A figure by id, when it passes the filter.
    pub(super) fn passing_figure(&self, id: &str) -> Option<&Figure> {
        let index = self.figure_ids.get(id)?;
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

    /// How many figures pass the filter, of all, a figure said several times counted once.
    pub fn figures_shown(&self) -> (usize, usize) {
        self.passing.fact_counts()
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

    /// The key-table contexts active now, innermost first.
    pub fn contexts(&self) -> &'static [Context] {
        let innermost = match (self.focus(), &self.popup) {
            (Focus::TooSmall, _) => Context::Global,
            (Focus::FilterPrompt | Focus::PagerSearch, _) => Context::Prompt,
            (_, Some(popup)) => popup.context(),
            (Focus::Cards, None) => Context::Cards,
            (Focus::PagerItems, None) => Context::Items,
            (_, None) => match self.tab {
                Tab::Overview => Context::Dashboard,
                Tab::Topic(_) => Context::FigureList,
                Tab::Qa => Context::Pager,
            },
        };
        innermost.stack()
    }

    /// The footer's key hints for what can be done now, most useful first.
    pub fn hints(&self) -> Vec<keys::Hint<'_>> {
        self.options
            .keys
            .hints(self.contexts())
            .filter(|(action, _)| self.offers(*action))
            .map(|(_, hint)| hint)
            .collect()
    }

    /// Whether `action` would do something now: the footer and the help leave out keys that
    /// would not.
    pub(super) fn offers(&self, action: Action) -> bool {
        match action {
            Action::GoBack => return self.history.can_go_back(),
            Action::GoForward => return self.history.can_go_forward(),
            // Esc clears the filter wherever nothing inside takes it first.
            Action::Back if self.filter.is_active() => return true,
            Action::LastTab if self.tab == Tab::Qa => return false,
            _ => {}
        }
        let moves = Step::of(action, 1).is_some();
        match self.focus() {
            Focus::TooSmall => matches!(action, Action::Quit | Action::Suspend),
            Focus::FilterPrompt | Focus::PagerSearch => true,
            Focus::Popup => self
                .popup
                .as_ref()
                .is_some_and(|popup| popup.offers(action)),
            Focus::Topic(topic) => {
                let listed = self.topic_figures(topic).len();
                match action {
                    _ if moves => listed > 1,
                    Action::Open | Action::CycleOrder | Action::CopyCitation => listed > 0,
                    // An empty list hides the chart.
                    Action::NextChart | Action::PrevChart => {
                        listed > 0 && self.topic_charts(topic).len() > 1
                    }
                    Action::Back => false,
                    _ => true,
                }
            }
            Focus::Overview | Focus::Cards => match action {
                Action::Left | Action::Right => self.card_grid().count > 1,
                Action::CopyCitation => self.selected_figure().is_some(),
                Action::Back => false,
                _ => true,
            },
            Focus::Pager | Focus::PagerItems => {
                let items = self.pager_items().map_or(0, |(count, _)| count);
                let in_list = self.focus() == Focus::PagerItems;
                match action {
                    _ if moves => items > usize::from(in_list),
                    Action::FocusItems => in_list || (items > 0 && self.items_listed()),
                    Action::NextItem | Action::PrevItem => items > 1,
                    // With one match shown, `n` has nowhere else to go.
                    Action::NextMatch | Action::PrevMatch => {
                        self.pager.search().is_some_and(|search| {
                            search.matches.len() > usize::from(search.current.is_some())
                        })
                    }
                    Action::CopyCitation => self.top_paragraph().is_some(),
                    // Esc leaves the list, or clears the pager's highlights.
                    Action::Back => in_list || self.pager.has_marks(),
                    _ => true,
                }
            }
        }
    }

    /// The key table's rows the help lists now, with the keys that reach them, and the order
    /// of its sections: what acts in the contexts active now, innermost first, then how to
    /// close the help itself.
    pub(super) fn help_listing(&self) -> (Vec<keys::Listed>, Vec<Context>) {
        let active = self.contexts();
        let map = &self.options.keys;
        let mut listed: Vec<keys::Listed> = (0..keys::KEY_TABLE.len())
            .filter_map(|row| map.reaching(row, active))
            .filter(|reached| self.offers(keys::KEY_TABLE[reached.row].action))
            .collect();
        for row in 0..keys::KEY_TABLE.len() {
            let closes = keys::KEY_TABLE[row].contexts.first() == Some(&Context::Popup);
            if closes && listed.iter().all(|l| l.row != row) {
                listed.extend(map.reaching(row, popup::HELP_CONTEXTS));
            }
        }
        let mut order = active.to_vec();
        for &context in popup::HELP_CONTEXTS {
            if !order.contains(&context) {
                order.push(context);
            }
        }
        (listed, order)
    }

    /// Whether the Q&A items list is drawn as a column the keys can move through (a narrow
    /// screen shows only the current item, in a bar).
    pub(super) fn items_listed(&self) -> bool {
        layout::screen(self.area())
            .is_some_and(|s| layout::PagerRegions::new(s.body, false).list_is_column)
    }

    pub(super) fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// While a filter is active, how many matches each tab shows (figures, or Q&A items);
    /// `None` without a filter.
    pub fn tab_matches(&self) -> Option<Vec<usize>> {
        if !self.filter.is_active() {
            return None;
        }
        let items = (0..self.data.segments.len())
            .filter(|&item| self.passing.item(item))
            .count();
        let counts = self.tabs().into_iter().map(|tab| match tab {
            Tab::Overview => self.figures_shown().0,
            Tab::Topic(topic) => self.topic_figures(topic).len(),
            Tab::Qa => items,
        });
        Some(counts.collect())
    }

    /// While a filter is active, the titles of the topic tabs it leaves something on, for a
    /// tab it leaves empty to point to.
    pub fn topics_with_matches(&self) -> Vec<String> {
        let Some(counts) = self.tab_matches() else {
            return Vec::new();
        };
        self.tabs()
            .into_iter()
            .zip(self.tab_titles())
            .zip(counts)
            .filter(|((tab, _), count)| matches!(tab, Tab::Topic(_)) && *count > 0)
            .map(|((_, title), _)| title)
            .collect()
    }

    /// The tab titles as the bar shows them: `1 概览`, numbered while a digit reaches them,
    /// and the last `0` (its key) when it comes after the ninth; while a filter is active,
    /// with each tab's matches: `2 技能人才（5）`.
    pub fn tab_titles(&self) -> Vec<String> {
        let (lang, script) = (self.options.lang, self.options.script);
        let matches = self.tab_matches();
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
                let last = *tab == Tab::Qa;
                let numbered = if index < 9 {
                    format!("{} {name}", index + 1)
                } else if last {
                    format!("0 {name}")
                } else {
                    name
                };
                match matches.as_ref().and_then(|counts| counts.get(index)) {
                    Some(count) => numbered + &strings::in_brackets(&count.to_string(), lang),
                    None => numbered,
                }
            })
            .collect()
    }

    /// The overview's layout for `body`: its headline cards with their titles and values
    /// wrapped to the cards' width, and the topic table.
    pub fn overview_layout(&self, body: Rect) -> layout::OverviewLayout {
        let width = layout::card_text_width(body);
        let cards = self
            .headline_figures()
            .into_iter()
            .map(|figure| {
                let (title, short) = self.card_texts(figure, Magnitude::Short);
                let short = layout::label_rows(&short, width);
                // Millions written out where that takes the value no more rows (only English
                // has two ways to write them).
                let words = (self.lang() == Lang::En)
                    .then(|| {
                        let (_, words) = self.card_texts(figure, Magnitude::Words);
                        layout::label_rows(&words, width)
                    })
                    .filter(|words| words.len() <= short.len());
                let (value, magnitude) = match words {
                    Some(words) => (words, Magnitude::Words),
                    None => (short, Magnitude::Short),
                };
                layout::CardRows {
                    title: layout::card_title_rows(&title, width),
                    value,
                    magnitude,
                }
            })
            .collect();
        layout::overview(
            body,
            cards,
            self.data.themes.len() as u16,
            self.overview_card,
        )
    }

    /// A headline card's title and value with magnitudes named `magnitude`, sanitised: the
    /// texts its rows are ranges into.
    pub fn card_texts(&self, figure: &Figure, magnitude: Magnitude) -> (String, String) {
        let (lang, script) = (self.lang(), self.script());
        (
            sanitize(figure.label.get(lang, script)).into_owned(),
            strings::figure_value(figure, magnitude, lang, script),
        )
    }

    /// How many rows the chart of topic `topic` shows (what its layout reserves): its bars,
    /// and its legend when it has one.
    pub fn chart_rows(&self, topic: usize) -> u16 {
        self.current_chart(topic).map_or(0, |chart| {
            let legend = usize::from(self.chart_has_legend(chart));
            u16::try_from(self.shown_bars(chart).count() + legend).unwrap_or(u16::MAX)
        })
    }

    /// The periods that tell the shown bars of `chart` apart, in the order first shown, each
    /// drawn in its own style; empty when they all share one.
    pub fn chart_periods<'a>(&'a self, chart: &'a Chart) -> Vec<Option<&'a Period>> {
        let mut periods = Vec::new();
        for (_, figure) in self.shown_bars(chart) {
            if !periods.contains(&figure.period.as_ref()) {
                periods.push(figure.period.as_ref());
            }
        }
        if periods.len() < 2 {
            periods.clear();
        }
        periods
    }

    /// Whether `chart` shows a legend: its bars differ in period, or one is damaged.
    pub fn chart_has_legend(&self, chart: &Chart) -> bool {
        !self.chart_periods(chart).is_empty()
            || self.shown_bars(chart).any(|(_, f)| f.damaged.is_some())
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

    /// The overview's grid of cards on the screen: how many there are, how many a row holds
    /// and which are shown.
    pub(super) fn card_grid(&self) -> CardGrid {
        let count = self.headline_figures().len();
        let Some(screen) = layout::screen(self.area()) else {
            return CardGrid {
                count,
                columns: 1,
                shown: 0..0,
            };
        };
        let laid = self.overview_layout(screen.body);
        CardGrid {
            count,
            columns: laid.columns.max(1),
            shown: laid.first_card..laid.first_card + laid.cards.len(),
        }
    }

    /// How many items the Q&A pager lists and which holds the text's top row, once laid out
    /// with at least one.
    pub(super) fn pager_items(&self) -> Option<(usize, usize)> {
        match self.pager.laid() {
            Laid::Ready(laid) if !laid.items.is_empty() => {
                Some((laid.items.len(), self.pager.current_item()))
            }
            _ => None,
        }
    }

    /// How many entries the Q&A items list shows at once (one in the bar of a narrow screen).
    pub(super) fn items_rows(&self) -> usize {
        layout::screen(self.area()).map_or(1, |s| {
            let regions = layout::PagerRegions::new(s.body, false);
            if regions.list_is_column {
                regions.list_entries()
            } else {
                1
            }
        })
    }

    pub(super) fn overview_rows(&self) -> usize {
        layout::screen(self.area()).map_or(1, |s| {
            usize::from(self.overview_layout(s.body).topics.height)
        })
    }

    /// Where the text filter's words are in `shown` ([`text_spans`]).
    pub fn filter_spans(&self, shown: &str, other: &str) -> Vec<Range<usize>> {
        text_spans(&self.filter.text, shown, other)
    }

    /// Where the text filter's words are in `label` as the screen shows it (sanitised).
    pub fn label_spans(&self, label: &Label, shown: &str) -> Vec<Range<usize>> {
        let other = match (self.lang(), self.script()) {
            (Lang::En, _) if !label.lacks(Lang::En) => return self.filter_spans(shown, shown),
            (_, Script::Hans) => &label.hant,
            (_, Script::Hant) => &label.hans,
        };
        self.filter_spans(shown, &sanitize(other))
    }

    /// What a row of a figure list shows of `figure`, its value's magnitude named `magnitude`.
    pub fn figure_cells<'a>(&'a self, figure: &'a Figure, magnitude: Magnitude) -> FigureCells<'a> {
        let (lang, script) = (self.lang(), self.script());
        // A fact said several times is listed once, marked with how often; a label shown in
        // Chinese for want of English, and a row the filter found only in the source
        // sentence, say so.
        let in_chinese = figure
            .label
            .lacks(lang)
            .then(|| strings::IN_CHINESE.get(lang, script).to_string());
        let said = (!figure.repeats.is_empty())
            .then(|| strings::said_times(figure.repeats.len() + 1, lang, script));
        let in_source = self
            .filter
            .matches_only_in_sentence(figure, &self.data.speakers)
            .then(|| strings::IN_SOURCE.get(lang, script).to_string());
        FigureCells {
            label: sanitize(figure.label.get(lang, script)),
            mark: in_chinese
                .into_iter()
                .chain(said)
                .chain(in_source)
                .collect::<Vec<_>>()
                .join(" "),
            value: strings::figure_value(figure, magnitude, lang, script),
            period: figure
                .period
                .as_ref()
                .map(|p| strings::period(p, lang, script))
                .unwrap_or_default(),
            speaker: self
                .data
                .speaker(&figure.speaker)
                .map_or("", |s| s.name.get(lang, script)),
        }
    }

    /// What topic `topic`'s figure list, its values' magnitudes named `magnitude`, and its
    /// chart need, measured over every figure listed.
    fn topic_need(&self, topic: usize, magnitude: Magnitude) -> (TopicNeed, FigureColumnNeeds) {
        let cells: Vec<FigureCells> = self
            .topic_figures(topic)
            .iter()
            .map(|&index| self.figure_cells(&self.data.figures[index], magnitude))
            .collect();
        let widest = |cell: &dyn for<'c> Fn(&'c FigureCells<'c>) -> &'c str| {
            cells.iter().map(|c| width_of(cell(c))).max().unwrap_or(0)
        };
        let constant = |cell: &dyn for<'c> Fn(&'c FigureCells<'c>) -> &'c str| {
            cells
                .windows(2)
                .all(|pair| cell(&pair[0]) == cell(&pair[1]))
        };
        let value = usual_width(cells.iter().map(|c| width_of(&c.value)).collect());
        let list = FigureColumnNeeds {
            // A value wider than its column takes its excess from its own label's row.
            label: cells
                .iter()
                .map(|c| width_of(&c.label) + width_of(&c.value).saturating_sub(value))
                .max()
                .unwrap_or(0),
            mark: widest(&|c| &c.mark),
            value,
            value_widest: widest(&|c| &c.value),
            period: widest(&|c| &c.period),
            speaker: widest(&|c| c.speaker),
            period_constant: constant(&|c| &c.period),
            speaker_constant: constant(&|c| c.speaker),
        };
        let need = TopicNeed {
            chart_rows: self.chart_rows(topic),
            chart_width: self.chart_width(topic),
            list_width: list.whole_width(),
            list_empty: cells.is_empty(),
        };
        (need, list)
    }

    /// Columns the chart of topic `topic` needs for whole labels and values beside bars long
    /// enough to compare, or for its notice when it has none.
    fn chart_width(&self, topic: usize) -> u16 {
        let (lang, script) = (self.lang(), self.script());
        let Some(chart) = self.current_chart(topic) else {
            return width_of(strings::NO_CHARTS.get(lang, script));
        };
        let (label, value) = self.bar_texts_width(chart, Magnitude::Short);
        // The bars give labels and values at most two fifths of the chart each.
        let fifths = |columns: u16| columns.saturating_mul(5).div_ceil(2);
        let heading =
            strings::labelled(strings::CHART, chart.title.get(lang, script), lang, script);
        let counter = if self.topic_charts(topic).len() > 1 {
            CHART_COUNTER
        } else {
            0
        };
        label
            .saturating_add(value)
            .saturating_add(BAR_WANTED + 2)
            .max(fifths(label))
            .max(fifths(value))
            .max(width_of(&heading).saturating_add(counter))
            .max(width_of(strings::NO_BARS.get(lang, script)))
    }

    /// The widest bar label and the widest value of `chart`'s shown bars, magnitudes named
    /// `magnitude`.
    fn bar_texts_width(&self, chart: &Chart, magnitude: Magnitude) -> (u16, u16) {
        let (lang, script) = (self.lang(), self.script());
        let (mut label, mut value) = (0, 0);
        for (bar, figure) in self.shown_bars(chart) {
            label = label.max(width_of(&sanitize(bar.label.get(lang, script))));
            let mut text = strings::figure_value(figure, magnitude, lang, script);
            if figure.damaged.is_some() {
                text = format!("{text} — {}", strings::DAMAGED.get(lang, script));
            }
            value = value.max(width_of(&text));
        }
        (label, value)
    }

    /// Topic tab `topic` laid out in `body`: its parts, its figure list's columns and each
    /// figure's label rows. English values write millions and billions out where that costs
    /// nothing: in the list when no label takes another row or loses words for it and no
    /// column gives way, in the chart when its bars keep the columns they want.
    pub(super) fn lay_out_topic(&self, topic: usize, body: Rect) -> TopicTabLayout {
        let short = self.lay_out_topic_with(topic, body, Magnitude::Short);
        if self.lang() == Lang::Zh {
            return short;
        }
        let words = self.lay_out_topic_with(topic, body, Magnitude::Words);
        let kept =
            |column: fn(&TopicTabLayout) -> u16| (column(&words) == 0) == (column(&short) == 0);
        // A label cut with `…` after its last row loses words, as one more row would cost one.
        let figures = self.topic_figures(topic);
        let cut = |laid: &TopicTabLayout, entry: usize| {
            let figure = &self.data.figures[figures[entry]];
            let label = sanitize(figure.label.get(self.lang(), self.script()));
            laid.labels[entry]
                .last()
                .is_some_and(|last| width_of(&label[last.clone()]) > laid.label_widths[entry])
        };
        let room = (0..figures.len()).all(|entry| {
            words.heights[entry] <= short.heights[entry]
                && (!cut(&words, entry) || cut(&short, entry))
        }) && kept(|laid| laid.columns.period)
            && kept(|laid| laid.columns.speaker);
        let mut laid = if room { words } else { short };
        laid.chart_magnitude = match self.current_chart(topic) {
            Some(chart) => {
                let (label, value) = self.bar_texts_width(chart, Magnitude::Words);
                let wanted = label.saturating_add(value).saturating_add(BAR_WANTED + 2);
                if wanted <= laid.parts.chart.width {
                    Magnitude::Words
                } else {
                    Magnitude::Short
                }
            }
            None => Magnitude::Short,
        };
        laid
    }

    /// [`Self::lay_out_topic`] with the list's values' magnitudes named `magnitude`.
    fn lay_out_topic_with(&self, topic: usize, body: Rect, magnitude: Magnitude) -> TopicTabLayout {
        let (need, columns) = self.topic_need(topic, magnitude);
        let parts = layout::topic(body, need);
        let columns = columns.fit(parts.list.width);
        let (lang, script) = (self.lang(), self.script());
        let figures: Vec<&Figure> = self
            .topic_figures(topic)
            .iter()
            .map(|&index| &self.data.figures[index])
            .collect();
        let labels: Vec<_> = figures
            .iter()
            .map(|f| sanitize(f.label.get(lang, script)))
            .collect();
        let periods: Vec<String> = figures
            .iter()
            .map(|f| {
                f.period
                    .as_ref()
                    .map(|p| strings::period(p, lang, script))
                    .unwrap_or_default()
            })
            .collect();
        let told_apart = layout::told_apart_by_period(
            &labels
                .iter()
                .zip(&periods)
                .map(|(label, period)| (label.as_ref(), period.as_str()))
                .collect::<Vec<_>>(),
        );
        let groups = self.order().group_starts(&figures);
        let listed = figures
            .iter()
            .enumerate()
            .map(|(at, figure)| {
                let value = width_of(&strings::figure_value(figure, magnitude, lang, script));
                let width = columns
                    .label
                    .saturating_sub(value.saturating_sub(columns.value))
                    .max(columns.label.min(layout::LABEL_LEAST));
                layout::ListedFigure {
                    label_rows: layout::figure_label_rows(&labels[at], width, parts.list.height),
                    label_width: width,
                    period_below: columns.period == 0 && told_apart[at],
                    rule_above: groups[at],
                }
            })
            .collect();
        TopicTabLayout {
            magnitude,
            ..TopicTabLayout::new(parts, columns, listed)
        }
    }

    /// Topic tab `topic` laid out in `body`: as reconciled for the screen, or laid out now
    /// for another area.
    pub fn topic_layout(&self, topic: usize, body: Rect) -> Cow<'_, TopicTabLayout> {
        match self.topic_layouts.get(topic).and_then(Option::as_ref) {
            Some((laid_for, laid)) if *laid_for == self.topic_laid_for(topic, body) => {
                Cow::Borrowed(laid)
            }
            _ => Cow::Owned(self.lay_out_topic(topic, body)),
        }
    }

    /// Topic tab `topic` laid out for the screen (empty below the minimum size).
    pub(super) fn screen_topic_layout(&self, topic: usize) -> Cow<'_, TopicTabLayout> {
        match layout::screen(self.area()) {
            Some(screen) => self.topic_layout(topic, screen.body),
            None => Cow::Owned(TopicTabLayout::default()),
        }
    }
}

/// Where the words of a text filter `filter` are in `shown`, a text as the screen shows it:
/// found in it whatever the case, or found in `other` (the same text in the other script)
/// and placed at the same characters when the two have as many, so a filter typed in one
/// script marks the other. Sorted, without overlaps; none for an empty filter.
pub fn text_spans(filter: &str, shown: &str, other: &str) -> Vec<Range<usize>> {
    let needle = filter.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut spans = find_lowercased(shown, &needle);
    if other != shown && other.chars().count() == shown.chars().count() {
        spans.extend(by_characters(other, shown, find_lowercased(other, &needle)));
    }
    spans.sort_unstable_by_key(|span| (span.start, span.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// Every place `needle` (lowercase) occurs in `haystack`, compared lowercased, as byte ranges
/// of `haystack`.
fn find_lowercased(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    // Each byte of the lowercased text remembers the character of `haystack` it came from.
    let mut lowered = String::with_capacity(haystack.len());
    let mut from: Vec<Range<usize>> = Vec::with_capacity(haystack.len());
    for (at, c) in haystack.char_indices() {
        for lower in c.to_lowercase() {
            lowered.push(lower);
            from.resize(lowered.len(), at..at + c.len_utf8());
        }
    }
    lowered
        .match_indices(needle)
        .map(|(at, found)| from[at].start..from[at + found.len() - 1].end)
        .collect()
}

/// `ranges` of `from` moved to the same characters of `to`, a text with as many characters.
fn by_characters(from: &str, to: &str, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let starts = |text: &str| -> Vec<usize> {
        text.char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(text.len()))
            .collect()
    };
    let (from_starts, to_starts) = (starts(from), starts(to));
    let char_of = |byte: usize| from_starts.partition_point(|&start| start < byte);
    ranges
        .into_iter()
        .map(|range| to_starts[char_of(range.start)]..to_starts[char_of(range.end)])
        .collect()
}

/// Columns `s` takes on screen, as a column width.
fn width_of(s: &str) -> u16 {
    u16::try_from(text::width(s)).unwrap_or(u16::MAX)
}

/// The width of a column that holds three in four of texts this wide whole: the few wider
/// ones reach into their own row's label rather than widening every row's column.
fn usual_width(mut widths: Vec<u16>) -> u16 {
    widths.sort_unstable();
    let index = (widths.len() * 3).div_ceil(4).saturating_sub(1);
    widths.get(index).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_is_found_whatever_the_case() {
        let shown = "Union Members and union offices";
        let found: Vec<&str> = text_spans(" UNION ", shown, shown)
            .into_iter()
            .map(|span| &shown[span])
            .collect();
        assert_eq!(found, ["Union", "union"]);
        let overlapping = text_spans("aa", "aaa", "aaa");
        assert_eq!(overlapping.len(), 1, "one of overlapping matches");
        assert_eq!(overlapping[0], 0..2);
        assert!(text_spans("  ", shown, shown).is_empty());
        // A character whose lowercase is longer keeps its whole bytes.
        let longer = text_spans("i̇", "İx", "İx");
        assert_eq!((longer.len(), &longer[0]), (1, &(0..2)));
    }

    #[test]
    fn a_filter_typed_in_one_script_marks_the_other() {
        let (hant, hans) = ("全國勞模和工匠", "全国劳模和工匠");
        let spans = text_spans("劳模", hant, hans);
        assert_eq!(
            spans.iter().map(|s| &hant[s.clone()]).collect::<Vec<_>>(),
            ["勞模"]
        );
        // Texts of different lengths are not mapped: only what the shown one holds.
        assert!(text_spans("劳模", hant, "全国劳模和工匠们").is_empty());
        assert_eq!(
            text_spans("工匠", hant, hans).len(),
            1,
            "found in both, marked once"
        );
    }
}
