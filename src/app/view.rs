//! What the screens show: queries over the state that the UI draws from and the update
//! consults. None of them changes anything.

use ratatui::layout::Rect;

use crate::app::action::Action;
use crate::app::keys::{self, Context};
use crate::app::{App, Focus, Tab, layout, strings};
use crate::data::{Bar, Chart, Figure, Period};

impl App {
    /// Every tab in order: the overview, one per theme, the Q&A.
    pub fn tabs(&self) -> Vec<Tab> {
        std::iter::once(Tab::Overview)
            .chain((0..self.data.themes.len()).map(Tab::Topic))
            .chain(std::iter::once(Tab::Qa))
            .collect()
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
    pub fn contexts(&self) -> Vec<Context> {
        match self.focus() {
            Focus::TooSmall => return vec![Context::Global],
            Focus::FilterPrompt | Focus::PagerSearch => return vec![Context::Prompt],
            Focus::Popup | Focus::Pager | Focus::Overview | Focus::Topic(_) => {}
        }
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
    pub fn hints(&self) -> Vec<keys::Hint<'_>> {
        self.options
            .keys
            .hints(&self.contexts())
            .filter(|(action, _)| self.offers(*action))
            .map(|(_, hint)| hint)
            .collect()
    }

    /// Whether `action` would do something now; the footer leaves out hints that would not.
    pub(super) fn offers(&self, action: Action) -> bool {
        match action {
            Action::GoBack => return self.history.can_go_back(),
            Action::GoForward => return self.history.can_go_forward(),
            _ => {}
        }
        if matches!(self.focus(), Focus::FilterPrompt | Focus::PagerSearch) {
            return true;
        }
        if let Some(popup) = &self.popup {
            return popup.offers(action);
        }
        match (action, self.tab) {
            (Action::NextChart | Action::PrevChart, Tab::Topic(topic)) => {
                self.topic_charts(topic).len() > 1
            }
            (Action::Open, Tab::Topic(topic)) => !self.topic_figures(topic).is_empty(),
            // Esc clears the pager's highlights, then the filter.
            (Action::Back, Tab::Qa) => self.pager.has_marks() || self.filter.is_active(),
            (Action::Back, Tab::Overview | Tab::Topic(_)) => self.filter.is_active(),
            _ => true,
        }
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

    /// The overview's layout for `body`.
    pub fn overview_layout(&self, body: Rect) -> layout::OverviewLayout {
        layout::overview(
            body,
            self.headline_figures().len(),
            self.data.themes.len() as u16,
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

    pub(super) fn overview_rows(&self) -> usize {
        layout::screen(self.area()).map_or(1, |s| {
            usize::from(self.overview_layout(s.body).topics.height)
        })
    }

    pub(super) fn topic_rows(&self, topic: usize) -> usize {
        layout::screen(self.area()).map_or(1, |s| {
            usize::from(layout::topic(s.body, self.chart_rows(topic)).list.height)
        })
    }
}
