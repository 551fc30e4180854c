//! Where each part of the screen goes, as pure functions of the terminal size and the state:
//! the screen's rows, the overview, a topic tab, the tab bar, the pager's regions and every
//! popup.
//!
//! The app uses them to size pages, lay out popups, tell the pager its area and hit-test mouse
//! clicks; the UI draws into exactly the same rectangles. Nothing here draws.

use std::ops::Range;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::app::scroll::Heights;
use crate::text::Magnitude;
use crate::text::wrap::wrap;

/// Below this size the dashboard shows only a notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Topic tabs put the list and the chart side by side from this body width on.
const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// Overview cards: the height of one with a title and a value of one row each (border,
/// value, period, border) and least width.
pub const CARD_HEIGHT: u16 = 4;
const CARD_MIN_WIDTH: u16 = 26;

/// The frame of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The screen's parts, or `None` when `area` is below the minimum size.
pub fn screen(area: Rect) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    // Plain arithmetic rather than ratatui's `Layout`: every split here is of fixed rows or a
    // fixed share, and `Layout`'s solver (its cache is not built in) made the frame tests run
    // over ten times slower.
    let row = |y: u16| Rect::new(area.x, y, area.width, 1);
    Some(Screen {
        tabs: row(area.y),
        body: Rect::new(area.x, area.y + 1, area.width, area.height - 3),
        status: row(area.bottom() - 2),
        footer: row(area.bottom() - 1),
    })
}

/// A topic tab: a description row, the figure list and the current chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TopicLayout {
    pub description: Rect,
    /// The figure list with its title row, split into the next two.
    pub figures: Rect,
    pub list_title: Rect,
    pub list: Rect,
    /// The chart with its title row, split into the next two.
    pub chart_panel: Rect,
    pub chart_title: Rect,
    pub chart: Rect,
}

/// What a topic tab's two panes need, measured from what they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TopicNeed {
    /// How many bars the current chart has (0 for none).
    pub chart_rows: u16,
    /// Columns the chart shows its labels, values and useful bars in (or its notice).
    pub chart_width: u16,
    /// Columns the figure list shows every label on one row in, beside the columns that
    /// tell its figures apart ([`FigureColumnNeeds::whole_width`]).
    pub list_width: u16,
    /// Whether the filter leaves the list empty: its notice, which says where the matches
    /// are, then gets the whole tab, and the chart (whose bars the filter hides too) none.
    pub list_empty: bool,
}

/// Side by side, the chart keeps at least this share of the width while the list wants more:
/// two fifths.
const CHART_SHARE: (u16, u16) = (2, 5);

/// Splits a topic tab's body by need. Side by side, the list gets the width its labels need
/// before the chart gets more than its bars need; when both cannot have it, the chart keeps
/// what it needs up to two fifths. Stacked, the chart never takes more rows than it has bars,
/// nor more than half of the body. An empty list takes it all.
pub fn topic(body: Rect, need: TopicNeed) -> TopicLayout {
    let description = Rect::new(body.x, body.y, body.width, body.height.min(1));
    let rest = Rect::new(
        body.x,
        description.bottom(),
        body.width,
        body.height.saturating_sub(1),
    );
    let (list_area, chart_area) = if need.list_empty {
        (rest, Rect::new(rest.right(), rest.bottom(), 0, 0))
    } else if body.width >= SIDE_BY_SIDE_WIDTH {
        // One blank column between the two.
        let room = rest.width - 1;
        let least_chart = need.chart_width.min(room * CHART_SHARE.0 / CHART_SHARE.1);
        let list_width = need.list_width.min(room - least_chart);
        let chart_x = rest.x + list_width + 1;
        (
            Rect::new(rest.x, rest.y, list_width, rest.height),
            Rect::new(chart_x, rest.y, rest.right() - chart_x, rest.height),
        )
    } else {
        let wanted = need.chart_rows.max(1) + 1;
        let chart_height = wanted.min(rest.height / 2);
        let list_height = rest.height - chart_height;
        (
            Rect::new(rest.x, rest.y, rest.width, list_height),
            Rect::new(rest.x, rest.y + list_height, rest.width, chart_height),
        )
    };
    let (list_title, list) = title_and_rows(list_area);
    let (chart_title, chart) = title_and_rows(chart_area);
    TopicLayout {
        description,
        figures: list_area,
        list_title,
        list,
        chart_panel: chart_area,
        chart_title,
        chart,
    }
}

/// Columns of a list row's selection marker (`▸ `).
pub const ROW_MARKER: u16 = 2;
/// Blank columns between two columns of a list.
pub const COLUMN_GAP: u16 = 2;
/// While labels must wrap, the period and the speaker give way until the label column has
/// this many.
const LABEL_BEFORE_COLUMNS: u16 = 30;
/// The least a label keeps beside a wide value.
pub const LABEL_LEAST: u16 = 8;

/// What each column of a figure list wants: the widest of its texts over all the list's
/// figures, so columns stay put while the list scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FigureColumnNeeds {
    pub label: u16,
    /// Marks such as `said 2x`.
    pub mark: u16,
    /// Value, unit and qualifier, never cut: the column holds most values, a wider one takes
    /// the rest from its own row's label.
    pub value: u16,
    /// The widest value.
    pub value_widest: u16,
    pub period: u16,
    pub speaker: u16,
    /// Whether every figure has the same period, or the same speaker: such a column tells no
    /// row from another and goes first.
    pub period_constant: bool,
    pub speaker_constant: bool,
}

/// The widths a figure list's columns get; 0 for a column left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FigureColumns {
    pub label: u16,
    pub mark: u16,
    pub value: u16,
    pub period: u16,
    pub speaker: u16,
}

impl FigureColumnNeeds {
    /// The list width at which every label fits on one row beside the marks, the values and
    /// the periods and speakers that differ between figures.
    pub fn whole_width(&self) -> u16 {
        let (period, speaker) = self.telling();
        self.others(self.value, period, speaker)
            .saturating_add(self.label)
    }

    /// The columns for a list `width` columns wide. Values are never cut. Columns give way to
    /// the label in turn: those that are the same on every row, then the speaker; they stay
    /// while the label is whole without them, or while the label keeps
    /// [`LABEL_BEFORE_COLUMNS`] to wrap in. A period that differs between figures stays while
    /// the label keeps that much, even if the label then wraps: two statements of one measure
    /// (a share in 2012 and in 2021) are told apart by it alone, and without the column it
    /// goes under their labels ([`ListedFigure::period_below`]).
    pub fn fit(&self, width: u16) -> FigureColumns {
        let (period, speaker) = self.telling();
        let label_beside = |(period, speaker): (u16, u16)| {
            width.saturating_sub(self.others(self.value, period, speaker))
        };
        let (period, speaker) = [(self.period, self.speaker), (period, speaker), (period, 0)]
            .into_iter()
            .find(|&choice| label_beside(choice) >= self.label)
            .or_else(|| {
                [(period, speaker), (period, 0)]
                    .into_iter()
                    .find(|&choice| label_beside(choice) >= LABEL_BEFORE_COLUMNS)
            })
            .unwrap_or((0, 0));
        // A value wider than the row leaves the label a few columns; the row cuts the rest.
        let value = self.value.min(width.saturating_sub(
            ROW_MARKER + with_gap(self.label.min(LABEL_LEAST)) + with_gap(self.mark),
        ));
        let label = width
            .saturating_sub(self.others(value, period, speaker))
            .min(self.label);
        // The widest value may take at most half of its row's label: the value column grows
        // by what it would take beyond (L - g) / 2 = L - g - (widest - value - g).
        let excess = self.value_widest.saturating_sub(value);
        let grow = (excess * 2)
            .saturating_sub(label)
            .min(label.saturating_sub(LABEL_LEAST));
        let (label, value) = (label - grow, value + grow);
        FigureColumns {
            label,
            mark: self.mark,
            value,
            period,
            speaker,
        }
    }

    /// The period and speaker widths of the columns that tell figures apart.
    fn telling(&self) -> (u16, u16) {
        (
            if self.period_constant { 0 } else { self.period },
            if self.speaker_constant {
                0
            } else {
                self.speaker
            },
        )
    }

    /// Columns taken by everything but the label, with these value, period and speaker
    /// columns.
    fn others(&self, value: u16, period: u16, speaker: u16) -> u16 {
        [self.mark, value, period, speaker]
            .into_iter()
            .map(with_gap)
            .fold(ROW_MARKER, u16::saturating_add)
    }
}

/// For each of `rows` (label, period), whether another has its label and a different period,
/// so that only the period tells the two apart.
pub fn told_apart_by_period<'a>(rows: &[(&'a str, &'a str)]) -> Vec<bool> {
    let mut periods: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    for &(label, period) in rows {
        periods.entry(label).or_default().push(period);
    }
    rows.iter()
        .map(|(label, period)| periods[label].iter().any(|other| other != period))
        .collect()
}

/// A column of `width` with the gap that parts it from the next; nothing when left out.
fn with_gap(width: u16) -> u16 {
    if width > 0 {
        width.saturating_add(COLUMN_GAP)
    } else {
        0
    }
}

/// The most rows a label wraps onto (a figure's in a short list, a card's title); a longer
/// one is cut with `…` on the last.
pub const MAX_LABEL_ROWS: usize = 3;
/// A figure list keeps room for this many of its longest labels: one of more rows than
/// [`MAX_LABEL_ROWS`] wraps onto up to a sixth of the list's rows.
const LONGEST_LABELS_SHOWN: u16 = 6;
/// The most rows a figure's label wraps onto in a tall list.
const MOST_LABEL_ROWS: u16 = 5;

/// A topic tab laid out: its parts, the columns of its figure list, and each listed figure's
/// label as the rows it wraps onto.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicTabLayout {
    pub parts: TopicLayout,
    pub columns: FigureColumns,
    /// Per listed figure, its label's rows: byte ranges into the sanitised label. The last row
    /// of a label longer than [`MAX_LABEL_ROWS`] rows runs to its end, to be cut with `…`.
    pub labels: Vec<Vec<Range<usize>>>,
    /// Per listed figure, the columns its label has: the label column's, less what a value
    /// wider than the value column takes from it.
    pub label_widths: Vec<u16>,
    /// Per listed figure, whether its period goes on a row under its label.
    pub period_below: Vec<bool>,
    /// Per listed figure, whether a rule above it parts its group from the one before.
    pub rule_above: Vec<bool>,
    /// Screen rows each listed figure takes: the rule above it, its label's rows, the period
    /// under them.
    pub heights: Vec<usize>,
    /// How the list's English values name millions and billions.
    pub magnitude: Magnitude,
    /// How the chart's English values name them.
    pub chart_magnitude: Magnitude,
}

/// What a listed figure needs of a topic tab's layout.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListedFigure {
    /// Its label's rows ([`figure_label_rows`]).
    pub label_rows: Vec<Range<usize>>,
    /// The columns its label was wrapped in.
    pub label_width: u16,
    /// Its period goes under its label: the list has no period column, and another figure
    /// of its label differs from it by period alone.
    pub period_below: bool,
    /// It starts a group of the order (by value: another unit or measure) after another.
    pub rule_above: bool,
}

impl TopicTabLayout {
    /// The layout of a tab with these parts and columns, and its listed figures.
    pub fn new(parts: TopicLayout, columns: FigureColumns, listed: Vec<ListedFigure>) -> Self {
        let heights = listed
            .iter()
            .map(|f| {
                usize::from(f.rule_above) + f.label_rows.len().max(1) + usize::from(f.period_below)
            })
            .collect();
        let mut laid = Self {
            parts,
            columns,
            heights,
            ..Self::default()
        };
        for figure in listed {
            laid.labels.push(figure.label_rows);
            laid.label_widths.push(figure.label_width);
            laid.period_below.push(figure.period_below);
            laid.rule_above.push(figure.rule_above);
        }
        laid
    }

    /// The list's entries by screen rows, for the scroll.
    pub fn entry_heights(&self) -> Heights<'_> {
        Heights::Varied(&self.heights)
    }
}

/// A label's rows in a column `width` wide, by the text layer's line breaker, at most
/// [`MAX_LABEL_ROWS`]. A column too narrow to wrap in gets one row, cut where it is drawn.
pub fn label_rows(label: &str, width: u16) -> Vec<Range<usize>> {
    rows_up_to(label, width, MAX_LABEL_ROWS)
}

/// The most rows a card's title wraps onto, the first on the border.
const MOST_CARD_TITLE_ROWS: usize = 8;

/// A card's title's rows in a card `width` columns wide: whole up to
/// [`MOST_CARD_TITLE_ROWS`]; [`overview`] takes off those the body has no room for.
pub fn card_title_rows(title: &str, width: u16) -> Vec<Range<usize>> {
    rows_up_to(title, width, MOST_CARD_TITLE_ROWS)
}

/// A figure's label's rows in a column `width` wide of a list `list_height` rows tall: up to
/// [`MAX_LABEL_ROWS`], more in a tall list, so a long label is cut only where a list has no
/// room for it.
pub fn figure_label_rows(label: &str, width: u16, list_height: u16) -> Vec<Range<usize>> {
    let most = (list_height / LONGEST_LABELS_SHOWN).clamp(MAX_LABEL_ROWS as u16, MOST_LABEL_ROWS);
    rows_up_to(label, width, usize::from(most))
}

/// `text`'s rows in a column `width` wide, by the text layer's line breaker, at most `most`
/// (at least one): the last runs to the end of the text, to be cut with `…` where it is
/// drawn. A column too narrow to wrap in gets one row.
pub fn rows_up_to(text: &str, width: u16, most: usize) -> Vec<Range<usize>> {
    let most = most.max(1);
    let Ok(rows) = wrap(text, usize::from(width)) else {
        return std::iter::once(0..text.len()).collect();
    };
    let mut ranges: Vec<Range<usize>> = rows.into_iter().map(|row| row.range).collect();
    if ranges.len() > most {
        let start = ranges[most - 1].start;
        ranges.truncate(most);
        ranges[most - 1] = start..text.len();
    }
    ranges
}

/// Where each entry of a list of `heights` goes in `area`, from entry `offset` on, as
/// (entry, rectangle) top to bottom; the last may be cut by the bottom of the area. Drawing and
/// clicks both use it.
pub fn list_entries(area: Rect, heights: &[usize], offset: usize) -> Vec<(usize, Rect)> {
    let mut y = area.y;
    let mut placed = Vec::new();
    for (entry, &height) in heights.iter().enumerate().skip(offset) {
        if y >= area.bottom() {
            break;
        }
        let height = u16::try_from(height.max(1))
            .unwrap_or(u16::MAX)
            .min(area.bottom() - y);
        placed.push((entry, Rect::new(area.x, y, area.width, height)));
        y += height;
    }
    placed
}

/// The overview: headline cards on top, the topic table below.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverviewLayout {
    /// One rectangle per card shown, in reading order, from card `first_card` on; may be
    /// fewer than asked for.
    pub cards: Vec<Rect>,
    /// The first card shown: the grid scrolls by rows to keep a card in view.
    pub first_card: usize,
    /// How many cards a row of the grid holds.
    pub columns: usize,
    /// The text of each card shown, as rows.
    pub card_rows: Vec<CardRows>,
    pub topics_title: Rect,
    pub topics: Rect,
}

/// A card's title and value as rows: byte ranges into the sanitised texts. The first title
/// row sits on the top border, the rest under it; then the value's rows and the period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardRows {
    pub title: Vec<Range<usize>>,
    pub value: Vec<Range<usize>>,
    /// How the value names millions and billions in English.
    pub magnitude: Magnitude,
}

impl CardRows {
    /// The card's height: its borders, the title's rows after the first, the value's rows and
    /// the period's.
    fn height(&self) -> u16 {
        let rows = self.title.len().saturating_sub(1) + self.value.len().max(1) + 1;
        u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
    }

    /// Takes title rows off until the card is at most `height` tall, while it has more than
    /// [`MAX_LABEL_ROWS`]: the last kept runs to the title's end, to be cut with `…`.
    fn fit(&mut self, height: u16) {
        let surplus = usize::from(self.height().saturating_sub(height));
        let keep = self
            .title
            .len()
            .saturating_sub(surplus)
            .max(MAX_LABEL_ROWS.min(self.title.len()));
        if keep < self.title.len() {
            let end = self.title.last().map_or(0, |row| row.end);
            self.title.truncate(keep);
            if let Some(last) = self.title.last_mut() {
                last.end = end;
            }
        }
    }
}

/// Columns of a card's text: a title on the border (` title ` after `╭`, before `─╮`), and
/// the inside less its border and padding.
pub fn card_text_width(body: Rect) -> u16 {
    card_width(body).saturating_sub(POPUP_FRAME_WIDTH + 1)
}

/// Cards per row in `body`.
fn card_columns(body: Rect) -> u16 {
    (body.width / CARD_MIN_WIDTH).max(1)
}

/// The width of every card but the last of a row, which takes the rounding remainder.
fn card_width(body: Rect) -> u16 {
    body.width / card_columns(body)
}

/// Lays out headline cards, each as tall as its rows (a row of the grid as its tallest),
/// leaving the topic table `topics` rows (and a title) when it can. The grid starts at its
/// first row, or at the row that shows card `keep` as low as it can.
pub fn overview(
    body: Rect,
    cards: Vec<CardRows>,
    topics: u16,
    keep: Option<usize>,
) -> OverviewLayout {
    let table_height = (topics + 1).min(body.height);
    let columns = card_columns(body);
    let card_width = card_width(body);
    let room = body.height.saturating_sub(table_height);
    let mut cards = cards;
    for card in &mut cards {
        card.fit(room);
    }
    let heights: Vec<u16> = cards
        .chunks(usize::from(columns))
        .map(|row| {
            row.iter()
                .map(CardRows::height)
                .max()
                .unwrap_or(CARD_HEIGHT)
        })
        .collect();
    let first_row = keep.map_or(0, |card| {
        let row = (card / usize::from(columns)).min(heights.len().saturating_sub(1));
        let mut first = row;
        let mut used = heights.get(row).copied().unwrap_or(0);
        while first > 0 && used.saturating_add(heights[first - 1]) <= room {
            first -= 1;
            used += heights[first];
        }
        first
    });
    let first_card = (first_row * usize::from(columns)).min(cards.len());
    let mut rects = Vec::new();
    let mut y = body.y;
    for (chunk, &height) in cards[first_card..]
        .chunks(usize::from(columns))
        .zip(&heights[first_row.min(heights.len())..])
    {
        if y - body.y + height > room {
            break;
        }
        for column in (0..columns).take(chunk.len()) {
            // The last column takes the rounding remainder.
            let width = if column == columns - 1 {
                body.width - card_width * column
            } else {
                card_width
            };
            rects.push(Rect::new(body.x + column * card_width, y, width, height));
        }
        y += height;
    }
    let mut card_rows = cards;
    card_rows.drain(..first_card);
    card_rows.truncate(rects.len());
    let table = Rect::new(body.x, y, body.width, body.bottom() - y);
    let (topics_title, topics) = title_and_rows(table);
    OverviewLayout {
        cards: rects,
        first_card,
        columns: usize::from(columns),
        card_rows,
        topics_title,
        topics,
    }
}

/// Splits off the first row as a title.
pub fn title_and_rows(area: Rect) -> (Rect, Rect) {
    let title = Rect::new(area.x, area.y, area.width, area.height.min(1));
    let rows = Rect::new(
        area.x,
        title.bottom(),
        area.width,
        area.height.saturating_sub(1),
    );
    (title, rows)
}

/// The tab bar: where each visible tab title goes, and a position marker when not all fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabBar {
    /// (tab index, where its title goes), left to right.
    pub tabs: Vec<(usize, Rect)>,
    /// `‹ 3/10 ›` at the right end when some tabs are hidden.
    pub marker: Option<(Rect, String)>,
}

/// Columns between two tab titles (` │ `).
pub const TAB_GAP: u16 = 3;

/// Places tab titles (already including their number) so tab `shown` is visible: the current
/// one, unless a click on the bar's `‹` or `›` scrolled it; when they don't all fit, the bar
/// scrolls and ends in a marker telling which tab is current.
pub fn tab_bar(area: Rect, titles: &[String], current: usize, shown: usize) -> TabBar {
    let widths: Vec<u16> = titles
        .iter()
        .map(|t| u16::try_from(t.width()).unwrap_or(u16::MAX))
        .collect();
    let total: u32 = widths
        .iter()
        .map(|&w| u32::from(w) + u32::from(TAB_GAP))
        .sum();
    if total <= u32::from(area.width) + u32::from(TAB_GAP) {
        return TabBar {
            tabs: place(area, &widths, 0, widths.len()),
            marker: None,
        };
    }
    let current = current.min(titles.len().saturating_sub(1));
    // `‹` and `›` say tabs are hidden on that side; a space stands in for either.
    let marker = |left: bool, right: bool| {
        format!(
            "{} {}/{} {}",
            if left { '‹' } else { ' ' },
            current + 1,
            titles.len(),
            if right { '›' } else { ' ' }
        )
    };
    let marker_width = (marker(true, true).width() as u16).min(area.width);
    let room = area.width.saturating_sub(marker_width + 1);
    let shown = shown.min(titles.len().saturating_sub(1));
    // Start as far left as still shows the tab shown, so the bar moves only when it must;
    // then fill what room is left with the tabs after it.
    let span = |from: usize, to: usize| -> u16 {
        widths[from..=to].iter().fold(0u16, |sum, &w| {
            sum.saturating_add(w).saturating_add(TAB_GAP)
        }) - TAB_GAP
    };
    let start = (0..=shown)
        .find(|&from| span(from, shown) <= room)
        .unwrap_or(shown);
    let mut end = shown + 1;
    while end < widths.len() && span(start, end) <= room {
        end += 1;
    }
    let bar = Rect::new(area.x, area.y, room, area.height);
    TabBar {
        tabs: place(bar, &widths, start, end),
        marker: Some((
            Rect::new(
                area.right() - marker_width,
                area.y,
                marker_width,
                area.height,
            ),
            marker(start > 0, end < widths.len()),
        )),
    }
}

/// Rectangles for titles `start..end` left to right, clipped to `area`.
fn place(area: Rect, widths: &[u16], start: usize, end: usize) -> Vec<(usize, Rect)> {
    let mut x = area.x;
    let mut placed = Vec::new();
    for (index, &width) in widths.iter().enumerate().take(end).skip(start) {
        if x >= area.right() {
            break;
        }
        let width = width.min(area.right() - x);
        placed.push((index, Rect::new(x, area.y, width, area.height)));
        x = x.saturating_add(width).saturating_add(TAB_GAP);
    }
    placed
}

/// A popup of at most `width`×`height` centred in `area`, leaving a margin when it can.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let width = width
        .min(area.width.saturating_sub(4))
        .max(area.width.min(10));
    let height = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(3));
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Columns a popup's border and padding take from its width.
const POPUP_FRAME_WIDTH: u16 = 4;
/// The widest the drill-down and the help get, borders included.
const TEXT_POPUP_WIDTH: u16 = 76;
/// The widest the topic picker gets, borders included.
const PICKER_WIDTH: u16 = 50;

/// The inside of a box (a popup, an overview card): its border and a column of padding each
/// side taken off.
pub fn box_inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x.saturating_add(2),
        rect.y.saturating_add(1),
        rect.width.saturating_sub(POPUP_FRAME_WIDTH),
        rect.height.saturating_sub(2),
    )
}

/// Columns of text inside the drill-down or the help in `body`: what their lines are wrapped
/// to. Their width does not depend on how many rows they have.
pub fn text_popup_width(body: Rect) -> usize {
    usize::from(box_inner(text_popup(body, 0)).width)
}

/// The drill-down or the help for `rows` rows of content.
pub fn text_popup(body: Rect, rows: usize) -> Rect {
    popup(body, TEXT_POPUP_WIDTH, frame_height(rows))
}

/// The topic picker for `topics` themes.
pub fn topic_picker(body: Rect, topics: usize) -> Rect {
    popup(body, PICKER_WIDTH, frame_height(topics))
}

/// Rows of a popup for `rows` rows of content: a border row above and below.
fn frame_height(rows: usize) -> u16 {
    u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX)
}

/// From this area width on, the Q&A pager's items list gets its own column left of the text.
pub const WIDE_FROM: u16 = 100;
/// The items list's share of a wide area, two fifths, between these widths (the upper one
/// holds the longest titles, `Q12 ` and some forty columns) while the transcript keeps
/// [`TEXT_LEAST`] columns.
const ITEMS_SHARE: (u16, u16) = (2, 5);
const ITEMS_WIDTH: (u16, u16) = (24, 48);
const TEXT_LEAST: u16 = 72;
/// Rows each entry of the items list takes in the wide layout: its title, then who speaks.
pub const LIST_ENTRY_HEIGHT: u16 = 2;
/// Where the pager draws its parts within the tab's body area. Computed by
/// [`PagerRegions::new`], used by both the pager's state (page size, text width, clicks) and
/// its drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PagerRegions {
    /// The items list: a column on the left on wide areas, one row on top on narrow ones
    /// (zero-sized when there is no room).
    pub list: Rect,
    /// Whether the list is the wide column (else the one-row bar or nothing).
    pub list_is_column: bool,
    /// The transcript rows; their width is the text width the transcript is wrapped to.
    pub text: Rect,
    /// One column right of the text.
    pub scrollbar: Rect,
    /// The search prompt's row (zero-sized when not prompting).
    pub prompt: Rect,
}

impl PagerRegions {
    /// Splits `area` into the pager's parts.
    pub fn new(area: Rect, prompting: bool) -> Self {
        let prompt_height = u16::from(prompting && area.height > 1);
        let prompt = Rect {
            y: area.bottom() - prompt_height,
            height: prompt_height,
            ..area
        };
        let body = Rect {
            height: area.height - prompt_height,
            ..area
        };
        let list_is_column = area.width >= WIDE_FROM;
        let (list, rest) = if list_is_column {
            let list_width = (area.width * ITEMS_SHARE.0 / ITEMS_SHARE.1)
                .min(area.width.saturating_sub(TEXT_LEAST))
                .clamp(ITEMS_WIDTH.0, ITEMS_WIDTH.1);
            // One blank column between the list and the text.
            let rest_x = body.x + list_width + 1;
            (
                Rect {
                    width: list_width,
                    ..body
                },
                Rect {
                    x: rest_x,
                    width: body.right() - rest_x,
                    ..body
                },
            )
        } else if body.height >= 3 {
            (
                Rect { height: 1, ..body },
                Rect {
                    y: body.y + 1,
                    height: body.height - 1,
                    ..body
                },
            )
        } else {
            (Rect { height: 0, ..body }, body)
        };
        let scrollbar_width = u16::from(rest.width > 1);
        Self {
            list,
            list_is_column,
            text: Rect {
                width: rest.width - scrollbar_width,
                ..rest
            },
            scrollbar: Rect {
                x: rest.right() - scrollbar_width,
                width: scrollbar_width,
                ..rest
            },
            prompt,
        }
    }

    /// How many list entries fit in the list column.
    pub fn list_entries(&self) -> usize {
        usize::from(self.list.height / LIST_ENTRY_HEIGHT)
    }
}

/// Whether a cell lies in `rect`.
pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.right() && row >= rect.y && row < rect.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(outer: Rect, inner: Rect) -> bool {
        inner.is_empty() || outer.union(inner) == outer
    }

    #[test]
    fn small_terminals_get_no_layout() {
        assert!(screen(Rect::new(0, 0, MIN_WIDTH - 1, 40)).is_none());
        assert!(screen(Rect::new(0, 0, 200, MIN_HEIGHT - 1)).is_none());
        let s = screen(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT)).expect("minimum size fits");
        assert_eq!(s.body.height, MIN_HEIGHT - 3);
        assert_eq!(s.footer.y, MIN_HEIGHT - 1);
    }

    fn need(chart_rows: u16, chart_width: u16, list_width: u16) -> TopicNeed {
        TopicNeed {
            chart_rows,
            chart_width,
            list_width,
            list_empty: false,
        }
    }

    #[test]
    fn topic_parts_stay_inside_the_body() {
        for (w, h) in [(40, 9), (80, 21), (120, 37), (250, 77), (40, 1), (40, 2)] {
            let body = Rect::new(0, 1, w, h);
            for bars in [0, 1, 5, 300] {
                for (chart, list) in [(0, 0), (30, 60), (u16::MAX, u16::MAX)] {
                    let l = topic(body, need(bars, chart, list));
                    for part in [l.description, l.list_title, l.list, l.chart_title, l.chart] {
                        assert!(inside(body, part), "{part:?} outside {body:?}");
                    }
                }
            }
        }
        // Stacked: a five-bar chart gets its rows and the list keeps the rest.
        let l = topic(Rect::new(0, 1, 80, 21), need(5, 40, 200));
        assert_eq!(l.chart.height, 5);
        assert_eq!(l.list.height, 21 - 1 - 6 - 1);
    }

    #[test]
    fn side_by_side_the_list_gets_what_its_labels_need_before_the_chart_grows() {
        let body = Rect::new(0, 1, 120, 30);
        // Both fit: the list gets its need, the chart all the rest.
        let l = topic(body, need(3, 30, 70));
        assert_eq!((l.list.width, l.chart.width), (70, 119 - 70));
        // The list wants more than is left: a small chart keeps only what it needs.
        let l = topic(body, need(3, 30, 200));
        assert_eq!((l.list.width, l.chart.width), (119 - 30, 30));
        // A chart that wants much keeps at most two fifths while the list wants more.
        let l = topic(body, need(3, 100, 200));
        assert_eq!(l.chart.width, 119 - 119 * 3 / 5 - 1);
    }

    #[test]
    fn an_empty_list_takes_the_whole_tab_for_its_notice() {
        for body in [Rect::new(0, 1, 120, 30), Rect::new(0, 1, 80, 21)] {
            let empty = TopicNeed {
                list_empty: true,
                ..need(3, 60, 2)
            };
            let l = topic(body, empty);
            assert_eq!(l.figures, Rect::new(0, 2, body.width, body.height - 1));
            assert!(l.chart_panel.is_empty() && l.chart.is_empty());
        }
    }

    fn needs() -> FigureColumnNeeds {
        FigureColumnNeeds {
            label: 40,
            mark: 5,
            value: 12,
            value_widest: 12,
            period: 10,
            speaker: 6,
            period_constant: false,
            speaker_constant: true,
        }
    }

    #[test]
    fn columns_give_way_to_the_label_constant_ones_first() {
        let needs = needs();
        // marker 2, label 40, then mark, value and period each with its gap.
        assert_eq!(needs.whole_width(), 2 + 40 + 7 + 14 + 12);
        let roomy = needs.fit(200);
        assert_eq!((roomy.label, roomy.period, roomy.speaker), (40, 10, 6));
        // Without room for the constant speaker, it goes first and the label stays whole.
        let tight = needs.fit(needs.whole_width());
        assert_eq!((tight.label, tight.period, tight.speaker), (40, 10, 0));
        // Less room: the period goes rather than the label wrapping.
        let whole = needs.fit(2 + 40 + 7 + 14);
        assert_eq!((whole.label, whole.period), (40, 0));
        // A label that must wrap anyway: the period stays while the label keeps enough to
        // wrap in, then goes too.
        let long = FigureColumnNeeds { label: 60, ..needs };
        let wrapping = long.fit(70);
        assert_eq!(
            (wrapping.label, wrapping.period),
            (70 - 2 - 7 - 14 - 12, 10)
        );
        let narrow = long.fit(50);
        assert_eq!(
            (narrow.label, narrow.period, narrow.value),
            (50 - 2 - 7 - 14, 0, 12)
        );
        // Values are never cut while the row has room for a few columns of label.
        let tiny = needs.fit(2 + LABEL_LEAST + 2 + 5 + 2 + 12);
        assert_eq!((tiny.label, tiny.value), (LABEL_LEAST, 12));
    }

    #[test]
    fn only_labels_said_of_several_periods_need_their_period() {
        let rows = [
            ("甲", "2012"),
            ("乙", "2012"),
            ("甲", "2021"),
            ("丙", ""),
            ("丙", ""),
        ];
        assert_eq!(
            told_apart_by_period(&rows),
            [true, false, true, false, false]
        );
    }

    #[test]
    fn a_value_wider_than_most_takes_at_most_half_its_label() {
        let needs = FigureColumnNeeds {
            value_widest: 30,
            ..needs()
        };
        let columns = needs.fit(2 + 30 + 7 + 14);
        let excess = needs.value_widest - columns.value;
        assert!(columns.label - excess >= columns.label / 2, "{columns:?}");
        assert_eq!(columns.label + columns.value, 30 + 12, "{columns:?}");
    }

    #[test]
    fn labels_wrap_by_the_line_breaker_up_to_three_rows() {
        let label = "Provincial unions with industrial workers as part-time vice-chairs";
        let rows = label_rows(label, 30);
        let text: Vec<&str> = rows.iter().map(|r| &label[r.clone()]).collect();
        assert_eq!(
            text,
            [
                "Provincial unions with",
                "industrial workers as part-",
                "time vice-chairs"
            ]
        );
        // Chinese follows the punctuation rules: no row starts with a closing mark.
        let zh = "出臺產改實施方案的省（區、市）";
        let rows = label_rows(zh, 16);
        assert!(rows.iter().all(|r| !zh[r.clone()].starts_with('）')));
        // Longer than three rows: the third runs to the end, to be cut where drawn.
        let rows = label_rows(label, 10);
        assert_eq!(rows.len(), MAX_LABEL_ROWS);
        assert_eq!(rows[2].end, label.len());
        // A tall list gives a figure's label more rows, a short one no more than three.
        assert_eq!(figure_label_rows(label, 10, 30).len(), 5);
        assert_eq!(figure_label_rows(label, 10, 8).len(), MAX_LABEL_ROWS);
        // Too narrow to wrap: one row.
        let whole = label_rows(zh, 1);
        assert_eq!((whole.len(), whole[0].clone()), (1, 0..zh.len()));
    }

    #[test]
    fn list_entries_stack_by_height_and_stop_at_the_bottom() {
        let area = Rect::new(2, 3, 20, 6);
        let placed = list_entries(area, &[1, 2, 3, 1], 1);
        assert_eq!(
            placed,
            [
                (1, Rect::new(2, 3, 20, 2)),
                (2, Rect::new(2, 5, 20, 3)),
                (3, Rect::new(2, 8, 20, 1)),
            ]
        );
        let cut = list_entries(Rect::new(0, 0, 5, 4), &[3, 3], 0);
        assert_eq!(cut[1].1.height, 1, "the last entry is cut by the bottom");
        assert!(list_entries(Rect::new(0, 0, 5, 0), &[1], 0).is_empty());
    }

    fn card(title: usize, value: usize) -> CardRows {
        CardRows {
            title: vec![0..1; title],
            value: vec![0..1; value],
            magnitude: Magnitude::Short,
        }
    }

    #[test]
    fn overview_cards_leave_room_for_the_topics() {
        let body = Rect::new(0, 1, 80, 21);
        let all = overview(body, vec![card(1, 1); 7], 3, None);
        assert_eq!(
            all.cards.len(),
            7,
            "three rows of three columns hold seven cards"
        );
        assert_eq!(all.topics.height, 21 - 3 * CARD_HEIGHT - 1);
        assert!(all.cards.iter().all(|c| inside(body, *c)));
        let short = overview(Rect::new(0, 1, 80, 13), vec![card(1, 1); 7], 3, None);
        assert_eq!(
            short.cards.len(),
            6,
            "two rows of cards leave the table its rows"
        );
        assert!(short.topics.height >= 3);
        let tiny = overview(Rect::new(0, 1, 40, 9), vec![card(1, 1); 7], 8, None);
        assert!(tiny.cards.is_empty());
    }

    #[test]
    fn a_row_of_cards_is_as_tall_as_its_tallest() {
        let body = Rect::new(0, 1, 80, 30);
        let cards = vec![card(1, 1), card(3, 1), card(1, 2), card(1, 1)];
        let laid = overview(body, cards, 3, None);
        assert_eq!(laid.columns, 3);
        // Borders, title rows after the first, value rows, the period.
        let heights: Vec<u16> = laid.cards.iter().map(|c| c.height).collect();
        assert_eq!(heights, [6, 6, 6, 4]);
        assert_eq!(laid.cards[3].y, 1 + 6);
        assert_eq!(laid.card_rows.len(), 4);
        assert_eq!(laid.topics_title.y, 1 + 6 + 4);
    }

    #[test]
    fn a_long_card_title_wraps_whole_where_the_body_has_room() {
        let long = || vec![card(6, 1), card(1, 1)];
        // Borders, five title rows after the first, the value and the period.
        let tall = overview(Rect::new(0, 1, 80, 30), long(), 3, None);
        assert_eq!(tall.cards[0].height, 2 + 5 + 1 + 1);
        assert_eq!(tall.card_rows[0].title.len(), 6);
        // Less room: the title loses rows, its last running to the end, so cards still show.
        let short = overview(Rect::new(0, 1, 80, 12), long(), 3, None);
        assert_eq!(short.cards[0].height, 8);
        let title = &short.card_rows[0].title;
        assert_eq!(title.len(), 5);
        assert_eq!(title[4].end, 1, "the last row runs to the end");
    }

    #[test]
    fn the_cards_scroll_by_rows_to_keep_a_card_in_view() {
        // Room for two rows of three cards above a table of three topics.
        let body = Rect::new(0, 1, 80, 13);
        let cards = || vec![card(1, 1); 10];
        assert_eq!(overview(body, cards(), 3, Some(4)).first_card, 0);
        let last = overview(body, cards(), 3, Some(9));
        assert_eq!(last.first_card, 6, "the last card's row at the bottom");
        assert_eq!(last.cards.len(), 4);
        assert_eq!(last.card_rows.len(), 4);
        assert_eq!(last.cards[0].y, 1);
    }

    #[test]
    fn the_tab_bar_scrolls_to_keep_the_current_tab() {
        let titles: Vec<String> = (1..=10).map(|i| format!("{i} 主题第{i}个")).collect();
        let area = Rect::new(0, 0, 40, 1);
        for current in 0..titles.len() {
            let bar = tab_bar(area, &titles, current, current);
            assert!(bar.tabs.iter().any(|(i, _)| *i == current));
            let (rect, text) = bar.marker.expect("ten tabs don't fit in 40 columns");
            assert!(text.contains(&format!("{}/10", current + 1)));
            assert!(bar.tabs.iter().all(|(_, r)| r.right() <= rect.x));
        }
        // Arrows only where tabs are hidden; the bar stays put while the current tab shows.
        let first = tab_bar(area, &titles, 0, 0);
        let second = tab_bar(area, &titles, 1, 1);
        assert_eq!(first.tabs, second.tabs);
        assert!(first.marker.is_some_and(|(_, m)| m.starts_with("  1/10 ›")));
        let last = tab_bar(area, &titles, 9, 9);
        assert!(last.marker.is_some_and(|(_, m)| m.starts_with("‹ 10/10")));
        let few = tab_bar(Rect::new(0, 0, 80, 1), &titles[..3], 1, 1);
        assert!(few.marker.is_none());
        assert_eq!(few.tabs.len(), 3);
    }

    #[test]
    fn regions_put_the_list_aside_on_wide_areas_and_on_top_on_narrow_ones() {
        let wide = PagerRegions::new(Rect::new(0, 1, 120, 30), false);
        assert!(wide.list_is_column);
        // The list holds its longest titles from 120 columns on, the text keeps its least.
        let just_wide = PagerRegions::new(Rect::new(0, 1, WIDE_FROM, 30), false);
        assert_eq!(just_wide.list.width, WIDE_FROM - TEXT_LEAST);
        assert_eq!(wide.list, Rect::new(0, 1, 48, 30));
        assert_eq!(wide.text, Rect::new(49, 1, 70, 30));
        assert_eq!(wide.scrollbar, Rect::new(119, 1, 1, 30));
        let narrow = PagerRegions::new(Rect::new(0, 1, 60, 20), true);
        assert!(!narrow.list_is_column);
        assert_eq!(narrow.list, Rect::new(0, 1, 60, 1));
        assert_eq!(narrow.text, Rect::new(0, 2, 59, 18));
        assert_eq!(narrow.prompt, Rect::new(0, 20, 60, 1));
        // Too small for anything but text: no panic, nothing negative.
        let tiny = PagerRegions::new(Rect::new(0, 0, 1, 1), true);
        assert_eq!(tiny.text.height, 1);
        assert_eq!(tiny.scrollbar.width, 0);
    }

    #[test]
    fn popups_fit_any_area() {
        for (w, h) in [(1, 1), (3, 2), (40, 12), (200, 60)] {
            let area = Rect::new(0, 0, w, h);
            assert!(inside(area, popup(area, 70, 30)));
            for rows in [0, 5, 500] {
                let text = text_popup(area, rows);
                assert!(inside(area, text) && inside(text, box_inner(text)));
                assert_eq!(usize::from(box_inner(text).width), text_popup_width(area));
                assert!(inside(area, topic_picker(area, rows)));
            }
        }
        // A popup is as tall as its content and its border, while the body has room.
        let body = Rect::new(0, 1, 80, 21);
        assert_eq!(box_inner(text_popup(body, 5)).height, 5);
        assert_eq!(box_inner(text_popup(body, 500)).height, 21 - 2 - 2);
    }
}
