//! The Q&A pager as a widget: the items list, the visible transcript rows, the scrollbar and the
//! search prompt, from [`Pager`]'s state. Nothing is wrapped here: rows come laid out.
//!
//! Every cell of the area is written, and text is written grapheme by grapheme within each
//! part's width, so no half of a wide character is ever left at an edge.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::app::keys::KeyMap;
use crate::app::layout::{LIST_ENTRY_HEIGHT, PagerRegions};
use crate::app::pager::{Laid, Pager, PagerContext};
use crate::app::scroll::centred_offset;
use crate::app::strings;
use crate::app::text_spans;
use crate::app::transcript::{BlockKind, TranscriptLayout, question_number};
use crate::data::{Role, Script, SegmentKind};
use crate::text::{sanitize, take_width, truncate, width};
use crate::ui::palette::Palette;

/// The pager's styles, taken from the palette.
struct Styles {
    base: Style,
    heading: Style,
    subheading: Style,
    speaker: Style,
    figure: Style,
    opened_figure: Style,
    found: Style,
    current_found: Style,
    muted: Style,
    selected: Style,
    notice: Style,
    prompt: Style,
    matched: Style,
}

impl Styles {
    fn new(palette: &Palette) -> Self {
        Self {
            base: palette.base,
            heading: palette.title,
            subheading: palette.base.add_modifier(Modifier::BOLD),
            speaker: palette.base.add_modifier(Modifier::BOLD),
            figure: palette.base.add_modifier(Modifier::UNDERLINED),
            opened_figure: palette.highlight,
            found: palette.selected,
            current_found: palette.highlight,
            muted: palette.muted,
            selected: palette.selected,
            notice: palette.notice,
            prompt: palette.prompt,
            matched: palette.matched,
        }
    }
}

/// The Q&A pager, drawn into the area given to [`Pager::resize`].
#[derive(Debug)]
pub struct PagerView<'a> {
    pub pager: &'a Pager,
    /// The items list's cursor, while the keys move through the list.
    pub items_cursor: Option<usize>,
    pub ctx: &'a PagerContext<'a>,
    /// The keys in force, for the notes that name keys.
    pub keys: &'a KeyMap,
    pub palette: &'a Palette,
}

impl Widget for &PagerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (pager, ctx, palette) = (self.pager, self.ctx, self.palette);
        let area = area.intersection(buf.area);
        let styles = Styles::new(palette);
        buf.set_style(area, styles.base);
        blank(buf, area, styles.base);
        let regions = PagerRegions::new(area, pager.is_prompting());
        match pager.laid() {
            Laid::NotYet => {}
            Laid::Failed(error) => {
                let message = strings::text_too_narrow(error, ctx.lang, ctx.script);
                put_wrapped_notice(buf, area, &message, styles.notice);
            }
            Laid::Ready(laid) if laid.items.is_empty() => {
                let (message, spot) = if ctx.text.trim().is_empty() {
                    (strings::NO_ITEMS_FOR_TOPICS, ("t", "topic-picker"))
                } else {
                    (strings::NO_ITEMS_FOR_FILTER, ("Esc", "back"))
                };
                let message = self
                    .keys
                    .respell(message.get(ctx.lang, ctx.script), &[spot]);
                put_wrapped_notice(buf, regions.text, &message, styles.notice);
            }
            Laid::Ready(laid) => {
                let list = ItemsList {
                    current: self
                        .items_cursor
                        .unwrap_or_else(|| pager.current_item())
                        .min(laid.items.len() - 1),
                    focused: self.items_cursor.is_some(),
                };
                draw_list(buf, &regions, &list, laid, ctx, &styles);
                draw_text(buf, regions.text, pager, laid, &styles);
                draw_scrollbar(
                    buf,
                    regions.scrollbar,
                    pager.top(),
                    laid.row_count(),
                    &styles,
                );
            }
        }
        if let Some(prompt) = pager.prompt() {
            draw_prompt(buf, regions.prompt, prompt, &styles);
        }
    }
}

/// The visible transcript rows, styled by block kind, speaker name, figures and matches.
fn draw_text(
    buf: &mut Buffer,
    area: Rect,
    pager: &Pager,
    laid: &TranscriptLayout,
    styles: &Styles,
) {
    let matches = pager.search().map_or(&[][..], |search| &search.matches[..]);
    let current_match = pager.search().and_then(|search| search.current);
    for (y, line) in (area.y..area.bottom()).zip(laid.rows(pager.top(), area.height.into())) {
        let (Some(range), Some(block)) = (line.range.clone(), laid.blocks.get(line.block)) else {
            continue;
        };
        let base = match block.kind {
            BlockKind::ItemHeading | BlockKind::Heading => styles.heading,
            BlockKind::Subheading => styles.subheading,
            BlockKind::Body => styles.base,
        };
        // Styles by byte range, later ones on top.
        let mut marks: Vec<(Range<usize>, Style)> = vec![(0..block.name_len, styles.speaker)];
        marks.extend(block.figures.iter().map(|(span, figure)| {
            let style = if pager.opened_figure() == Some(*figure) {
                styles.opened_figure
            } else {
                styles.figure
            };
            (span.clone(), style)
        }));
        let first = matches.partition_point(|m| m.block < line.block);
        marks.extend(
            matches[first..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.block == line.block)
                .map(|(offset, m)| {
                    let style = if current_match == Some(first + offset) {
                        styles.current_found
                    } else {
                        styles.found
                    };
                    (m.range.clone(), style)
                }),
        );
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        put_styled(buf, row, &block.text, range, base, &marks);
    }
}

/// Writes `text[range]` (sanitised text) on the one-row `row` as [`put_styled`] does, cut
/// with the ellipsis when it does not fit: a label or title with the filter's matches marked.
pub(super) fn put_marked(
    buf: &mut Buffer,
    row: Rect,
    text: &str,
    range: Range<usize>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) {
    let Some(shown) = text.get(range.clone()) else {
        return;
    };
    if width(shown) <= usize::from(row.width) {
        put_styled(buf, row, text, range, base, marks);
        return;
    }
    // The cut text keeps the bytes of `shown` up to the ellipsis: marks move with its start.
    let cut = truncate(shown, usize::from(row.width));
    let moved: Vec<(Range<usize>, Style)> = marks
        .iter()
        .filter(|(mark, _)| mark.end > range.start)
        .map(|(mark, style)| {
            (
                mark.start.saturating_sub(range.start)..mark.end - range.start,
                *style,
            )
        })
        .collect();
    put_styled(buf, row, &cut, 0..cut.len(), base, &moved);
}

/// Writes `text[range]` into the one-row `row`, in runs of equal style: `base` patched with
/// every mark covering the run, later marks on top.
fn put_styled(
    buf: &mut Buffer,
    row: Rect,
    text: &str,
    range: Range<usize>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) {
    // Cut points: the row's ends and every mark's ends within the row.
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|(mark, _)| [mark.start, mark.end])
        .filter(|&at| range.start < at && at < range.end)
        .chain([range.start, range.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut column = 0;
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        let style = marks
            .iter()
            .filter(|(mark, _)| mark.start <= start && end <= mark.end)
            .fold(base, |style, (_, mark_style)| style.patch(*mark_style));
        let Some(piece_text) = text.get(start..end) else {
            continue;
        };
        column += put(
            buf,
            row.x + column,
            row.y,
            row.width - column,
            piece_text,
            style,
        );
    }
}

/// Which entry of the items list is highlighted: the item at the text's top, or the cursor
/// while the keys move through the list (then marked `▸`).
struct ItemsList {
    current: usize,
    focused: bool,
}

/// The items list: a column of two-row entries on wide areas, else one row on top.
fn draw_list(
    buf: &mut Buffer,
    regions: &PagerRegions,
    list: &ItemsList,
    laid: &TranscriptLayout,
    ctx: &PagerContext,
    styles: &Styles,
) {
    let area = regions.list;
    if area.is_empty() {
        return;
    }
    let current = list.current;
    if !regions.list_is_column {
        let position = format!("[{}/{}] ", current + 1, laid.items.len());
        let position_style = if list.focused {
            styles.selected
        } else {
            styles.muted
        };
        let used = put(buf, area.x, area.y, area.width, &position, position_style);
        let segment = laid.items[current].segment;
        let title = entry_title(ctx, segment);
        put_marked(
            buf,
            Rect {
                x: area.x + used,
                width: area.width - used,
                ..area
            },
            &title,
            0..title.len(),
            styles.heading,
            &title_marks(ctx, segment, &title, styles),
        );
        return;
    }
    let visible = regions.list_entries();
    let first = centred_offset(current, laid.items.len(), visible);
    for (row, index) in (0..visible).zip(first..laid.items.len()) {
        let y = area.y + row as u16 * LIST_ENTRY_HEIGHT;
        let segment = laid.items[index].segment;
        let (title_style, detail_style) = if index == current {
            (styles.selected, styles.selected)
        } else {
            (styles.base, styles.muted)
        };
        let title = entry_title(ctx, segment);
        let rows = [
            (
                title_marks(ctx, segment, &title, styles),
                title,
                title_style,
            ),
            (Vec::new(), entry_detail(ctx, segment), detail_style),
        ];
        for (offset, (marks, text, style)) in (0..LIST_ENTRY_HEIGHT).zip(rows) {
            let line = Rect {
                y: y + offset,
                height: 1,
                ..area
            };
            buf.set_style(line, style);
            if list.focused && index == current && offset == 0 {
                put(buf, line.x, line.y, line.width, "▸", style);
            }
            put_marked(
                buf,
                Rect {
                    x: line.x + 1,
                    width: line.width.saturating_sub(1),
                    ..line
                },
                &text,
                0..text.len(),
                style,
                &marks,
            );
        }
    }
}

/// Where the dashboard's text filter is found in an entry's title as shown, typed in either
/// script.
fn title_marks(
    ctx: &PagerContext,
    segment: usize,
    title: &str,
    styles: &Styles,
) -> Vec<(Range<usize>, Style)> {
    let other_script = match ctx.script {
        Script::Hans => Script::Hant,
        Script::Hant => Script::Hans,
    };
    let other = entry_title(
        &PagerContext {
            script: other_script,
            ..*ctx
        },
        segment,
    );
    text_spans(ctx.text, title, &other)
        .into_iter()
        .map(|span| (span, styles.matched))
        .collect()
}

/// An entry's first row: its title in the interface language (a question's with its number),
/// sanitised.
fn entry_title(ctx: &PagerContext, segment_index: usize) -> String {
    sanitize(&compose_entry_title(ctx, segment_index)).into_owned()
}

fn compose_entry_title(ctx: &PagerContext, segment_index: usize) -> String {
    let Some(segment) = ctx.data.segments.get(segment_index) else {
        return String::new();
    };
    let title = segment.title.get(ctx.lang, ctx.script);
    if segment.kind == SegmentKind::Question {
        let number = question_number(ctx.data, segment_index);
        strings::question_title(number, title, ctx.lang, ctx.script)
    } else {
        title.to_owned()
    }
}

/// An entry's second row: a question's outlet and who answered, else who speaks; sanitised.
fn entry_detail(ctx: &PagerContext, segment_index: usize) -> String {
    sanitize(&compose_entry_detail(ctx, segment_index)).into_owned()
}

fn compose_entry_detail(ctx: &PagerContext, segment_index: usize) -> String {
    let Some(segment) = ctx.data.segments.get(segment_index) else {
        return String::new();
    };
    let name = |id: &str| {
        ctx.data.speaker(id).map_or_else(
            || id.to_owned(),
            |speaker| speaker.name.get(ctx.lang, ctx.script).to_owned(),
        )
    };
    let separator = strings::name_separator(ctx.lang);
    if let Some(question) = &segment.question {
        let outlet = ctx
            .data
            .speaker(&question.asked_by)
            .filter(|speaker| speaker.role == Role::Reporter)
            .map_or_else(
                || name(&question.asked_by),
                |speaker| speaker.title.get(ctx.lang, ctx.script).to_owned(),
            );
        let answered: Vec<String> = question.answered_by.iter().map(|id| name(id)).collect();
        format!("{outlet} ▸ {}", answered.join(separator))
    } else {
        let mut speakers: Vec<&str> = Vec::new();
        for paragraph in &segment.paragraphs {
            if !speakers.contains(&paragraph.speaker.as_str()) {
                speakers.push(&paragraph.speaker);
            }
        }
        speakers
            .into_iter()
            .map(name)
            .collect::<Vec<_>>()
            .join(separator)
    }
}

/// A thumb of reversed cells whose size and place show the visible share of the rows.
fn draw_scrollbar(buf: &mut Buffer, area: Rect, top: usize, total: usize, styles: &Styles) {
    let height = usize::from(area.height);
    if area.is_empty() || total <= height {
        return;
    }
    let thumb = (height * height / total).clamp(1, height);
    let max_top = total - height;
    let start = (top.min(max_top) * (height - thumb) + max_top / 2) / max_top;
    for offset in start..start + thumb {
        buf.set_string(area.x, area.y + offset as u16, " ", styles.selected);
    }
}

/// The search prompt: `/`, the visible part of the query and the cursor cell.
fn draw_prompt(
    buf: &mut Buffer,
    area: Rect,
    prompt: &crate::app::input::LineInput,
    styles: &Styles,
) {
    if area.is_empty() {
        return;
    }
    let used = put(buf, area.x, area.y, area.width, "/", styles.prompt);
    let room = area.width - used;
    let (shown, cursor) = prompt.visible(usize::from(room));
    let shown = sanitize(shown);
    put(buf, area.x + used, area.y, room, &shown, styles.base);
    let cursor_x = area.x + used + cursor as u16;
    if cursor_x < area.right() {
        let cell = Rect {
            x: cursor_x,
            width: 1,
            ..area
        };
        buf.set_style(cell, Style::new().add_modifier(Modifier::REVERSED));
    }
}

/// A notice wrapped into `area` (or cut, if even that does not fit).
fn put_wrapped_notice(buf: &mut Buffer, area: Rect, message: &str, style: Style) {
    let rows = crate::text::wrap(message, usize::from(area.width)).unwrap_or_default();
    for (y, row) in (area.y..area.bottom()).zip(rows) {
        put(buf, area.x, y, area.width, row.slice(message), style);
    }
    if area.height > 0 && area.width < 2 {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            &truncate(message, usize::from(area.width)),
            style,
        );
    }
}

/// Writes whole graphemes of `text` that fit in `max_width` columns; returns the columns used.
fn put(buf: &mut Buffer, x: u16, y: u16, max_width: u16, text: &str, style: Style) -> u16 {
    let (fits, used) = take_width(text, usize::from(max_width));
    if !fits.is_empty() {
        crate::ui::set_text(buf, x, y, fits, max_width, style);
    }
    debug_assert_eq!(used, width(fits));
    used as u16
}

/// Fills `area` with spaces, so nothing drawn before (a half of a wide character above all)
/// survives.
fn blank(buf: &mut Buffer, area: Rect, style: Style) {
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}
