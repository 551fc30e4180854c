//! The one step that keeps derived state up to date with the state, run after every update.

use ratatui::layout::Rect;

use crate::app::filter::Filter;
use crate::app::order::Order;
use crate::app::{App, Tab, layout, pager_context, popup};
use crate::data::{Lang, Script};

/// What the derived state was last computed from, for [`App::reconcile`] to compare with the
/// state and recompute only what changed.
#[derive(Debug, Clone, Default)]
pub(super) struct DerivedFrom {
    /// What every list's offset was kept visible for, and every topic tab laid out for.
    lists: Option<ListsInputs>,
    /// Counts the changes of `lists`: a topic tab laid out before the last one is stale.
    pub(super) lists_changed: u64,
    /// The body area, script, language and filter the pager was laid out for.
    pager: Option<PagerInputs>,
    /// The order, language, script and filter the topic lists were arranged for.
    ordered: Option<(Order, Lang, Script, Filter)>,
}

/// The terminal size, filter, language, script and order: what every list's rows depend on.
type ListsInputs = ((u16, u16), Filter, Lang, Script, Order);

/// What a topic tab's layout depends on besides the filter, language and script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TopicLaidFor {
    pub(super) body: Rect,
    /// The chart shown, whose bars the layout makes room for.
    pub(super) chart: usize,
    /// [`DerivedFrom::lists_changed`] when it was laid out.
    pub(super) lists: u64,
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
    /// After every update, brings what is derived from the state up to date with it,
    /// recomputing only what changed: each list's offset keeps its selection in view, the
    /// pager is laid out for the Q&A tab's body, script and filter (only while that tab is
    /// shown, so startup lays out no transcript), the open popup's lines are wrapped for the
    /// body. The only place derived state is written; no update keeps it in sync by hand.
    pub(super) fn reconcile(&mut self) {
        let jump = self.pager_jump.take();
        self.reconcile_order();
        self.reconcile_lists();
        let Some(screen) = layout::screen(self.area()) else {
            return;
        };
        // A screen grown narrow draws no items list to hold the keys.
        if !self.items_listed() {
            self.qa_items = None;
        }
        if self.tab == Tab::Qa {
            self.reconcile_pager(screen.body);
            if let Some(figure) = jump {
                let id = self.data.figures[figure].id.clone();
                let ctx = pager_context(&self.data, &self.options, &self.filter);
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

    /// Arranges the topic lists again when the order, the labels' language or script, or the
    /// filter changed; each list's selection follows its figure, or goes to the top when the
    /// filter hid it.
    fn reconcile_order(&mut self) {
        let inputs = (
            self.order,
            self.options.lang,
            self.options.script,
            self.filter.clone(),
        );
        if self.derived_from.ordered.as_ref() == Some(&inputs) {
            return;
        }
        for (topic, view) in self.topics.iter_mut().enumerate() {
            let selected = self
                .ordered
                .get(topic)
                .and_then(|figures| figures.get(view.list.selected))
                .copied();
            let arranged = self.order.arrange(
                self.passing.topic_figures(topic),
                &self.data,
                self.options.lang,
                self.options.script,
            );
            let index = selected
                .and_then(|figure| arranged.iter().position(|&f| f == figure))
                .unwrap_or(0);
            view.list.selected = index.min(arranged.len().saturating_sub(1));
            if let Some(list) = self.ordered.get_mut(topic) {
                *list = arranged;
            }
        }
        self.derived_from.ordered = Some(inputs);
    }

    /// Every list's offset after a resize, a filter change, a change of language or script or
    /// a new order (their rows, or what they list, changed); otherwise only the shown tab's. A topic
    /// tab is laid out again only while shown (laying out every one on each keystroke of the
    /// filter would cost as much as all their labels), when what it was laid out for changed.
    pub(super) fn reconcile_lists(&mut self) {
        let inputs = (
            self.size,
            self.filter.clone(),
            self.options.lang,
            self.options.script,
            self.order,
        );
        let all = self.derived_from.lists.as_ref() != Some(&inputs);
        if all {
            self.derived_from.lists_changed += 1;
        }
        if all || self.tab == Tab::Overview {
            let rows = self.overview_rows();
            self.overview.keep_in_view(rows);
            // Fewer cards (a filter) or none shown (a small screen): the arrows stay on one
            // that is there, or go back to the topics.
            let count = self.card_grid().count;
            self.overview_card = self
                .overview_card
                .filter(|_| count > 0)
                .map(|card| card.min(count - 1));
            if self.card_grid().shown.is_empty() {
                self.overview_card = None;
            }
        }
        if self.tab == Tab::Qa {
            let items = self.pager_items();
            let rows = self.items_rows();
            if let Some(cursor) = &mut self.qa_items {
                match items {
                    Some((count, _)) => cursor.select(cursor.selected, count, rows),
                    None => self.qa_items = None,
                }
            }
        }
        if let (Tab::Topic(topic), Some(screen)) = (self.tab, layout::screen(self.area())) {
            let laid_for = self.topic_laid_for(topic, screen.body);
            let current = self
                .topic_layouts
                .get(topic)
                .and_then(Option::as_ref)
                .is_some_and(|(before, _)| *before == laid_for);
            if !current && topic < self.topic_layouts.len() {
                let laid = self.lay_out_topic(topic, screen.body);
                self.topic_layouts[topic] = Some((laid_for, laid));
            }
            if let Some((_, laid)) = &self.topic_layouts[topic] {
                let rows = usize::from(laid.parts.list.height);
                self.topics[topic]
                    .list
                    .keep_entry_in_view(laid.entry_heights(), rows);
            }
        }
        if all {
            self.derived_from.lists = Some(inputs);
        }
    }

    /// What topic tab `topic` laid out in `body` now depends on.
    pub(super) fn topic_laid_for(&self, topic: usize, body: Rect) -> TopicLaidFor {
        TopicLaidFor {
            body,
            chart: self.topic_view(topic).chart,
            lists: self.derived_from.lists_changed,
        }
    }

    /// Lays the pager out again when its body, the script, the language or the filter changed.
    pub(super) fn reconcile_pager(&mut self, body: Rect) {
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
        let ctx = pager_context(&self.data, &self.options, &self.filter);
        if resized {
            self.pager.resize(body, &ctx);
        } else {
            self.pager.on_context_change(&ctx);
        }
        self.derived_from.pager = Some(inputs);
    }
}
