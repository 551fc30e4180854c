//! What the app asks the world to do, and what it hears back. The app stays pure: an update
//! queues an [`Effect`]; the terminal layer (or `render`) performs it and hands a [`Report`]
//! back through [`App::report`], which the status line shows.

use crate::app::action::ExportFormat;
use crate::app::filter::first_statements;
use crate::app::{App, Popup, Tab, strings};
use crate::data::{Figure, Lang, Script};
use crate::text::{Magnitude, sanitize};

/// A request for the terminal layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52). The text is the visible, sanitised form.
    Copy(String),
    /// Write figures to a new file in the current directory.
    Export(ExportRequest),
}

/// The figures to export and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Indices into the dataset's figures, each fact once, in dataset order.
    pub figures: Vec<usize>,
    pub format: ExportFormat,
    /// What names the file after `pressdash-figures-`: the chosen topics, or `all`.
    pub stem: String,
    pub lang: Lang,
    pub script: Script,
}

/// What became of an effect, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// The citation went to the terminal (which may still ignore OSC 52).
    Copied,
    /// There was no terminal to send the citation to (`render`).
    CopyNotSent,
    NothingToCopy,
    NothingToExport,
    /// `path` as the user would type it, `./pressdash-figures-all.csv`.
    Exported {
        count: usize,
        path: String,
    },
    ExportFailed {
        path: String,
        error: String,
    },
}

impl App {
    /// The effects asked for since the last call, oldest first; the terminal layer performs
    /// them and reports back through [`App::report`].
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// What became of an effect: the status line says it until the next key.
    pub fn report(&mut self, report: Report) {
        self.report = Some(report);
        self.reconcile();
    }

    /// The last report, while the status line shows it.
    pub fn last_report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    /// `y`: the selected figure (in a figure's details, a topic's list, or the first headline
    /// figure of the topic selected on the overview) as a citation for the clipboard; on the
    /// Q&A tab, the paragraph being read (the one at the top) as a quotation.
    pub(super) fn copy_citation(&mut self) {
        let text = match self.selected_figure() {
            Some(figure) => Some(citation(self, &self.data.figures[figure])),
            None => self
                .top_paragraph()
                .map(|(segment, paragraph)| quotation(self, segment, paragraph)),
        };
        match text {
            Some(text) => self.effects.push(Effect::Copy(text)),
            None => self.report = Some(Report::NothingToCopy),
        }
    }

    /// On the Q&A tab, the paragraph (segment and paragraph index) at the top of the pager,
    /// or the first below the top row when that row is a heading.
    pub(super) fn top_paragraph(&self) -> Option<(usize, usize)> {
        if self.tab != Tab::Qa || self.popup.is_some() {
            return None;
        }
        let layout = self.pager.layout()?;
        let top = layout.lines.get(self.pager.top())?.block;
        layout
            .blocks
            .get(top..)?
            .iter()
            .find_map(|block| Some((block.segment, block.paragraph?)))
    }

    /// `e`, `E`: the figures the filter shows, every topic's, each fact once, as
    /// `pressdash figures` lists them.
    pub(super) fn export(&mut self, format: ExportFormat) {
        let figures: Vec<usize> =
            first_statements(&self.data, &self.figure_ids, |f| self.passing.figure(f)).collect();
        if figures.is_empty() {
            self.report = Some(Report::NothingToExport);
            return;
        }
        let topics: Vec<&str> = self.filter.topics.iter().map(String::as_str).collect();
        let stem = if topics.is_empty() {
            "all".to_owned()
        } else {
            topics.join("+")
        };
        self.effects.push(Effect::Export(ExportRequest {
            figures,
            format,
            // Theme ids are kebab-case once validated; anything else is kept out of the name.
            stem: stem
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+'))
                .collect(),
            lang: self.options.lang,
            script: self.options.script,
        }));
    }

    /// The figure `y` cites: the one whose details are open, else the selected row of a topic
    /// tab, else on the overview the selected card's figure or the selected topic's first
    /// headline figure.
    pub(super) fn selected_figure(&self) -> Option<usize> {
        if let Some(Popup::Figure(details)) = &self.popup {
            return Some(details.figure());
        }
        match self.tab {
            Tab::Topic(topic) => self
                .topic_figures(topic)
                .get(self.topic_view(topic).list.selected)
                .copied(),
            // The card the arrows are on, else the selected topic's first headline figure.
            Tab::Overview if self.overview_card.is_some() => {
                let card = self.headline_figures().get(self.overview_card?)?.id.clone();
                self.figure_ids.get(&card)
            }
            Tab::Overview => {
                let theme = self.data.themes.get(self.overview.selected)?;
                theme
                    .headline
                    .iter()
                    .filter_map(|id| self.figure_ids.get(id))
                    .find(|&f| self.passing.figure(f))
            }
            Tab::Qa => None,
        }
    }
}

/// A figure as a citation in the interface's language and script: value with unit and
/// qualifier, label and period; the source sentence; the speaker, the conference and its date.
/// Every dataset string is in its visible, sanitised form.
pub fn citation(app: &App, figure: &Figure) -> String {
    let (lang, script) = (app.lang(), app.script());
    let value = strings::figure_value(figure, Magnitude::Words, lang, script);
    let label = sanitize(figure.label.get(lang, script));
    // A damaged figure's note and its period share one pair of brackets.
    let damaged = figure
        .damaged
        .as_ref()
        .map(|_| strings::DAMAGED.get(lang, script).to_owned());
    let period = figure
        .period
        .as_ref()
        .map(|p| strings::period(p, lang, script));
    let notes: Vec<String> = damaged.into_iter().chain(period).collect();
    let notes = strings::notes_in_brackets(&notes, lang);
    let quoted = quoted(
        app,
        figure.source.sentence.get(app.script()),
        &figure.speaker,
    );
    match lang {
        Lang::Zh => format!("{label}：{value}{notes}\n{quoted}"),
        Lang::En => format!("{label}: {value}{notes}\n{quoted}"),
    }
}

/// Paragraph `paragraph` of Q&A item `segment` as a quotation in the interface's language and
/// script: the words; the speaker, the conference and its date, as a figure's citation ends.
pub fn quotation(app: &App, segment: usize, paragraph: usize) -> String {
    app.data()
        .segments
        .get(segment)
        .and_then(|segment| segment.paragraphs.get(paragraph))
        .map(|p| quoted(app, p.text.get(app.script()), &p.speaker))
        .unwrap_or_default()
}

/// `words` in quotation marks, and on the next line who said them (speaker id `speaker`),
/// where and when. Every dataset string is in its visible, sanitised form.
fn quoted(app: &App, words: &str, speaker: &str) -> String {
    let (lang, script) = (app.lang(), app.script());
    let data = app.data();
    let words = sanitize(words);
    let speaker = data.speaker(speaker).map_or_else(
        || sanitize(speaker).into_owned(),
        |s| {
            strings::name_and_title(
                &sanitize(s.name.get(lang, script)),
                &sanitize(s.title.get(lang, script)),
                lang,
            )
        },
    );
    let conference = sanitize(data.meta.title.get(lang, script));
    let date = strings::date(&data.meta.event_date, lang);
    match lang {
        Lang::Zh => format!("“{words}”\n——{speaker}，{conference}，{date}"),
        Lang::En => format!("“{words}”\n— {speaker}, {conference}, {date}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    /// The first line of the citation of the fixture's damaged figure, which has a period.
    fn damaged_citation(script: Script, lang: Lang) -> String {
        let app = fixture::app(script, lang);
        let figure = app
            .data()
            .figures
            .iter()
            .find(|f| f.damaged.is_some() && f.period.is_some())
            .expect("the fixture has a damaged figure with a period");
        let text = citation(&app, figure);
        text.lines().next().unwrap_or_default().to_owned()
    }

    #[test]
    fn a_damaged_figure_and_its_period_share_one_pair_of_brackets() {
        for (script, lang, notes) in [
            (Script::Hans, Lang::Zh, "（原文损坏，2012年以来）"),
            (Script::Hant, Lang::Zh, "（原文損壞，2012年以來）"),
            (Script::Hant, Lang::En, " (damaged in source, since 2012)"),
        ] {
            let line = damaged_citation(script, lang);
            assert!(line.ends_with(notes), "{line}");
            assert_eq!(line.matches(['（', '(']).count(), 1, "{line}");
        }
    }
}
