//! The one step that keeps derived state up to date with the state, run after every update.

use ratatui::layout::Rect;

use crate::app::filter::Filter;
use crate::app::order::Order;
use crate::app::{App, Tab, layout, pager_context, popup};
use crate::data::{Lang, Script};

/// What the derived state was last computed from, for [`App::reconcile`] to compare with the
/// state and recompute only what changed.
#[derive(Debug, Default)]
pub(super) struct DerivedFrom {
    /// The terminal size and filter every list's offset was kept visible for.
    lists: Option<((u16, u16), Filter)>,
    /// The body area, script, language and filter the pager was laid out for.
    pager: Option<PagerInputs>,
    /// The order, language, script and filter the topic lists were arranged for.
    ordered: Option<(Order, Lang, Script, Filter)>,
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

    /// Every list's offset after a resize or a filter change (their rows, or what they list,
    /// changed); otherwise only the shown tab's, whose rows follow its chart.
    pub(super) fn reconcile_lists(&mut self) {
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
