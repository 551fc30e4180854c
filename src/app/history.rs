//! Where the reader has been: the places left by a jump (another tab, a figure's details, the
//! source of a figure), to go back to and forward again, like a browser or vim's jump list.
//! Moving within a list is not a jump; the place remembers the selection it was left with:
//! on a topic tab the figure selected, since re-sorting the list moves it to another row.

use crate::app::Tab;
use crate::app::pager::PagerPlace;

/// How many places back are kept; the oldest go first.
const KEPT: usize = 100;

/// A place to return to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub tab: Tab,
    /// The selected row of the overview's or the topic tab's list.
    pub selected: usize,
    /// The figure (an index into the dataset's figures) selected in a topic tab's list: the
    /// place to return to, wherever the list's order has put it since.
    pub listed: Option<usize>,
    /// The figure (an index into the dataset's figures) whose details were open.
    pub figure: Option<usize>,
    /// Where the Q&A pager was.
    pub pager: PagerPlace,
}

impl Place {
    /// Whether going from `self` to `next` is a jump worth returning from: another tab, or
    /// another figure's details opened. Closing the details is not: it is going back itself.
    pub fn jumps_to(&self, next: &Self) -> bool {
        self.tab != next.tab || (next.figure.is_some() && next.figure != self.figure)
    }
}

/// The places behind and ahead of the current one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// `left` was left by a jump: it is the way back, and the way forward is forgotten.
    pub fn record(&mut self, left: Place) {
        if self.back.len() == KEPT {
            self.back.remove(0);
        }
        self.back.push(left);
        self.forward.clear();
    }

    /// The place to go back to from `current`, which becomes the way forward.
    pub fn back(&mut self, current: Place) -> Option<Place> {
        let place = self.back.pop()?;
        self.forward.push(current);
        Some(place)
    }

    /// The place to go forward to from `current`, which becomes the way back.
    pub fn forward(&mut self, current: Place) -> Option<Place> {
        let place = self.forward.pop()?;
        self.back.push(current);
        Some(place)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(tab: Tab, figure: Option<usize>) -> Place {
        Place {
            tab,
            selected: 0,
            listed: None,
            figure,
            pager: PagerPlace::default(),
        }
    }

    #[test]
    fn back_and_forward_walk_the_places_and_a_new_jump_forgets_the_way_forward() {
        let mut history = History::default();
        let (overview, topic, qa) = (
            place(Tab::Overview, None),
            place(Tab::Topic(0), None),
            place(Tab::Qa, None),
        );
        assert!(!history.can_go_back());
        history.record(overview);
        history.record(topic);
        assert_eq!(history.back(qa), Some(topic));
        assert_eq!(history.back(topic), Some(overview));
        assert_eq!(history.back(overview), None, "nothing further back");
        assert!(history.can_go_forward());
        assert_eq!(history.forward(overview), Some(topic));
        history.record(topic);
        assert!(!history.can_go_forward());
        assert_eq!(history.back(overview), Some(place(Tab::Topic(0), None)));
    }

    #[test]
    fn only_a_new_tab_or_new_details_are_jumps() {
        let topic = place(Tab::Topic(0), None);
        let details = place(Tab::Topic(0), Some(3));
        assert!(topic.jumps_to(&details));
        assert!(!details.jumps_to(&topic), "closing the details");
        assert!(details.jumps_to(&place(Tab::Topic(0), Some(4))));
        assert!(details.jumps_to(&place(Tab::Qa, None)));
        let mut moved = topic;
        moved.selected = 5;
        assert!(!topic.jumps_to(&moved), "moving within a list");
    }

    #[test]
    fn the_oldest_places_go_first() {
        let mut history = History::default();
        for selected in 0..=KEPT {
            history.record(Place {
                selected,
                ..place(Tab::Overview, None)
            });
        }
        let mut oldest = None;
        let mut current = place(Tab::Qa, None);
        while let Some(place) = history.back(current) {
            oldest = Some(place.selected);
            current = place;
        }
        assert_eq!(oldest, Some(1));
    }

    /// Going back after the list was re-sorted selects the figure left, not the row.
    #[test]
    fn going_back_finds_the_figure_left_wherever_the_order_put_it() {
        use crate::app::action::Action;
        use crate::app::fixture;
        use crate::data::{Lang, Script};

        let mut app = fixture::app(Script::Hans, Lang::Zh);
        let topics = app.data().themes.len();
        let said: Vec<Vec<usize>> = (0..topics).map(|t| app.topic_figures(t).to_vec()).collect();
        // A topic, a number of presses of `r` (on a topic tab) and a row whose figure that
        // order moves.
        app.apply(Action::GoToTab(1));
        let mut moved = None;
        for presses in 1..=2 {
            app.apply(Action::CycleOrder);
            moved = moved.or_else(|| {
                (0..topics).find_map(|topic| {
                    let now = app.topic_figures(topic);
                    let row = (0..now.len()).find(|&row| now[row] != said[topic][row])?;
                    Some((topic, presses, row))
                })
            });
        }
        app.apply(Action::CycleOrder);
        let (topic, presses, row) = moved.expect("some order moves a figure of the fixture");
        assert_eq!(
            app.topic_figures(topic),
            said[topic],
            "back to the order said"
        );
        app.apply(Action::GoToTab(topic + 1));
        for _ in 0..row {
            app.apply(Action::Down);
        }
        let left = said[topic][row];

        // Another topic tab, where `r` re-sorts every list.
        app.apply(Action::GoToTab((topic + 1) % topics + 1));
        for _ in 0..presses {
            app.apply(Action::CycleOrder);
        }
        app.apply(Action::GoBack);
        assert_eq!(app.tab(), Tab::Topic(topic));
        let selected = app.topic_view(topic).list.selected;
        assert_ne!(selected, row, "the figure is on another row now");
        assert_eq!(app.topic_figures(topic)[selected], left);
    }
}
