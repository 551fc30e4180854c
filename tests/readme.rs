//! The README states facts that the code also knows: the keys and the figures per theme.
//! These tests regenerate those parts from the key table and the embedded dataset and fail,
//! printing the expected block, when the README has drifted.

use std::fmt::Write as _;

use pressdash::app::keys::KeyMap;
use pressdash::app::{App, Options};
use pressdash::data::{Lang, Script, load::load_embedded};

const README: &str = include_str!("../README.md");

/// The text between `<!-- NAME:begin -->` and `<!-- NAME:end -->`, without surrounding
/// blank lines.
fn section(name: &str) -> &'static str {
    let begin = format!("<!-- {name}:begin -->");
    let end = format!("<!-- {name}:end -->");
    let start = README
        .find(&begin)
        .unwrap_or_else(|| panic!("README.md lacks the marker {begin}"));
    let stop = README
        .find(&end)
        .unwrap_or_else(|| panic!("README.md lacks the marker {end}"));
    README[start + begin.len()..stop].trim()
}

fn assert_section(name: &str, expected: &str) {
    let found = section(name);
    assert!(
        found == expected.trim(),
        "README.md's `{name}` section is out of date; replace it with:\n\n{expected}"
    );
}

fn code_keys(label: &str) -> String {
    label
        .split(", ")
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn readme_lists_every_key_of_the_key_table() {
    let mut expected = String::from("| Keys | What they do |\n|---|---|\n");
    // The README shows the defaults: the table's own keys.
    for (context, bindings) in KeyMap::default().help_sections() {
        if bindings.is_empty() {
            continue;
        }
        let title = context.title().get(Lang::En, Script::Hant);
        writeln!(expected, "| **{title}** | |").unwrap();
        for (keys, binding) in bindings {
            let help = binding.help.get(Lang::En, Script::Hant);
            writeln!(expected, "| {} | {help} |", code_keys(&keys)).unwrap();
        }
    }
    assert_section("keys", &expected);
}

#[test]
fn readme_counts_the_figures_of_each_theme() {
    let data = load_embedded().expect("the embedded dataset loads");
    // The counts the dashboard shows: a figure said several times counts once.
    let app = App::new(
        data.clone(),
        Options {
            script: Script::Hans,
            lang: Lang::En,
            color: false,
            colors: pressdash::colors::ColorScheme::Default,
            mouse: false,
            keys: pressdash::app::keys::KeyMap::default(),
        },
    );
    let mut expected =
        String::from("| Tab | Theme | 主题 | Figures | Q&A items |\n|---|---|---|---:|---:|\n");
    for (index, theme) in data.themes.iter().enumerate() {
        let figures = app.topic_counts(index).0;
        let items = data
            .segments
            .iter()
            .filter(|s| s.themes.contains(&theme.id))
            .count();
        writeln!(
            expected,
            "| {} | {} | {} | {figures} | {items} |",
            index + 2,
            theme.label.en,
            theme.label.hans
        )
        .unwrap();
    }
    writeln!(
        expected,
        "| | **All** | | **{}** | **{}** |",
        app.figures_shown().1,
        data.segments.len()
    )
    .unwrap();
    assert_section("themes", &expected);
}
