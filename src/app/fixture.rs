//! A small dataset for unit tests: three themes, a damaged, a zero, a huge and a very long
//! figure, a repeat and a series.

use crate::app::{App, Options};
use crate::data::{Dataset, Lang, Script};

pub fn dataset() -> Dataset {
    serde_json::from_str(include_str!("../../tests/fixtures/dashboard.json"))
        .expect("the test fixture is a valid dataset")
}

/// An app over the fixture, colour and mouse on, sized 80×24.
pub fn app(script: Script, lang: Lang) -> App {
    app_over(dataset(), script, lang)
}

/// An app over `dataset`, as [`app`] makes one over the fixture.
pub fn app_over(dataset: Dataset, script: Script, lang: Lang) -> App {
    let mut app = App::new(
        dataset,
        Options {
            color: true,
            mouse: true,
            ..Options::plain(script, lang)
        },
    );
    app.resize(80, 24);
    app
}

/// The index of the fixture's theme `id` among the topics.
pub fn topic_of(app: &App, id: &str) -> usize {
    app.data()
        .themes
        .iter()
        .position(|t| t.id == id)
        .expect("fixture theme")
}
