//! Loading and validating damaged copies of the real dataset: whatever the damage, loading never
//! panics, each refusal says where the problem is, and validating whatever loads never panics.
//!
//! Each case damages an excerpt of the embedded dataset (one segment and the figures printed in
//! it, with everything else whole), which keeps the real data's variety while costing a tenth of
//! the time of the whole file in a debug build.

#[path = "../src/proptest_config.rs"]
mod proptest_config;

use std::path::PathBuf;
use std::sync::LazyLock;

use pressdash::data::EMBEDDED_JSON;
use pressdash::data::load::{LoadError, load_embedded, load_file, load_str};
use pressdash::data::validate::{Problem, Severity, validate};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

static REAL: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(EMBEDDED_JSON).expect("the embedded dataset is JSON"));

fn segments() -> &'static [Value] {
    REAL["segments"]
        .as_array()
        .expect("the embedded dataset has segments")
}

/// The real dataset cut down to its segment number `index` and the figures printed in it.
/// References out of the excerpt dangle; validation reports them, which is beside the point here.
fn excerpt(index: usize) -> Value {
    let segment = &segments()[index];
    let in_segment = |figure: &&Value| figure["source"]["segment"] == segment["id"];
    let figures: Vec<Value> = REAL["figures"]
        .as_array()
        .expect("the embedded dataset has figures")
        .iter()
        .filter(in_segment)
        .cloned()
        .collect();
    let fields = REAL
        .as_object()
        .expect("the embedded dataset is an object")
        .iter()
        .map(|(key, value)| {
            let value = match key.as_str() {
                "segments" => Value::Array(vec![segment.clone()]),
                "figures" => Value::Array(figures.clone()),
                _ => value.clone(),
            };
            (key.clone(), value)
        })
        .collect();
    Value::Object(fields)
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("a JSON value serialises")
}

/// Loads `json`; a success is validated, a refusal must say where the problem is.
fn load_and_check(json: &str) -> Result<(), TestCaseError> {
    match load_str(json, "mutated.json") {
        Ok(dataset) => {
            validate(&dataset);
            Ok(())
        }
        Err(err) => check_refusal(&err),
    }
}

fn check_refusal(err: &LoadError) -> Result<(), TestCaseError> {
    let message = err.to_string();
    prop_assert!(names_a_place(&message), "no path or position in: {message}");
    Ok(())
}

/// Whether `message` holds `line N, column M`, a byte offset, or a JSON path in backticks.
fn names_a_place(message: &str) -> bool {
    let after_number = |rest: &str| -> Option<usize> {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (digits > 0).then_some(digits)
    };
    let line_and_column = message.match_indices("line ").any(|(at, word)| {
        let rest = &message[at + word.len()..];
        after_number(rest).is_some_and(|digits| {
            rest[digits..]
                .strip_prefix(", column ")
                .is_some_and(|column| after_number(column).is_some())
        })
    });
    let byte_offset = message.contains("byte offset ");
    let json_path =
        message.split('`').skip(1).step_by(2).any(|quoted| {
            quoted == "schema_version" || quoted.contains('.') || quoted.contains('[')
        });
    line_and_column || byte_offset || json_path
}

/// JSON pointers to every node of `value` below the top level.
fn pointers(value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![(String::new(), value)];
    while let Some((pointer, node)) = pending.pop() {
        if !pointer.is_empty() {
            found.push(pointer.clone());
        }
        match node {
            Value::Object(fields) => {
                for (key, child) in fields {
                    pending.push((format!("{pointer}/{key}"), child));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    pending.push((format!("{pointer}/{i}"), child));
                }
            }
            _ => {}
        }
    }
    found
}

/// The validator's path for a JSON pointer: `/figures/3/label/en` → `figures[3].label.en`.
fn problem_path(pointer: &str) -> String {
    let mut path = String::new();
    for part in pointer.split('/').skip(1) {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(part);
            path.push(']');
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(part);
        }
    }
    path
}

/// Whether the string at `pointer` is text for a reader (or an id), as opposed to a reference
/// to an id or a date: `/figures/3/label/en`, but not `/figures/3/theme`.
fn is_text(pointer: &str) -> bool {
    let field = pointer.rsplit('/').next().unwrap_or_default();
    matches!(
        field,
        "hans" | "hant" | "en" | "id" | "raw_file" | "surviving"
    )
}

/// `value` with the node that `pick` selects, among those `keep` accepts, replaced; and the
/// pointer to that node.
fn replace_node(
    mut value: Value,
    pick: Index,
    keep: impl Fn(&Value) -> bool,
    replace: impl FnOnce(&Value) -> Value,
) -> (Value, String) {
    let candidates: Vec<String> = pointers(&value)
        .into_iter()
        .filter(|pointer| value.pointer(pointer).is_some_and(&keep))
        .collect();
    let pointer = pick.get(&candidates).clone();
    if let Some(node) = value.pointer_mut(&pointer) {
        *node = replace(node);
    }
    (value, pointer)
}

/// A value of another JSON type than `old`.
fn other_type(old: &Value, choice: u8) -> Value {
    let candidates = [
        Value::from("text"),
        Value::from(7),
        Value::from(-1.5),
        Value::Array(vec![old.clone()]),
        Value::Array(Vec::new()),
        Value::Null,
        Value::Bool(true),
        Value::Object(serde_json::Map::new()),
    ];
    let differ: Vec<&Value> = candidates
        .iter()
        .filter(|c| std::mem::discriminant(*c) != std::mem::discriminant(old))
        .collect();
    differ[usize::from(choice) % differ.len()].clone()
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        // Tidying up is best effort; a leftover temporary file does no harm.
        let _ = std::fs::remove_file(&self.0);
    }
}

proptest! {
    #![proptest_config(proptest_config::proptest_config(32))]

    #[test]
    fn truncated_copies_are_refused_with_a_position(segment in 0..segments().len(), at in any::<Index>()) {
        let json = pretty(&excerpt(segment));
        // At least the opening brace stays: an empty file has no position to name.
        let end = floor_char_boundary(&json, at.index(json.len() - 1)).max(1);
        let err = load_str(&json[..end], "cut.json").expect_err("a cut copy is incomplete JSON");
        check_refusal(&err)?;
    }

    #[test]
    fn flipped_bytes_never_panic(
        segment in 0..segments().len(),
        flips in prop::collection::vec((any::<Index>(), 1..=u8::MAX), 1..4),
    ) {
        let mut bytes = pretty(&excerpt(segment)).into_bytes();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        let file = TempFile(std::env::temp_dir().join(format!(
            "pressdash-fuzz-{}-{:?}.json",
            std::process::id(),
            std::thread::current().id()
        )));
        std::fs::write(&file.0, &bytes).expect("the temporary file is written");
        match load_file(&file.0) {
            Ok(dataset) => {
                validate(&dataset);
            }
            Err(err) => check_refusal(&err)?,
        }
    }

    #[test]
    fn removed_fields_never_panic(segment in 0..segments().len(), object in any::<Index>(), key in any::<Index>()) {
        let mut value = excerpt(segment);
        let objects: Vec<String> = pointers(&value)
            .into_iter()
            .filter(|p| value.pointer(p).is_some_and(Value::is_object))
            .chain(std::iter::once(String::new()))
            .collect();
        let pointer = object.get(&objects).clone();
        if let Some(Value::Object(fields)) = value.pointer_mut(&pointer) {
            let keys: Vec<String> = fields.keys().cloned().collect();
            if !keys.is_empty() {
                fields.remove(key.get(&keys));
            }
        }
        load_and_check(&pretty(&value))?;
    }

    #[test]
    fn swapped_types_never_panic(segment in 0..segments().len(), node in any::<Index>(), choice in any::<u8>()) {
        let (value, _) = replace_node(excerpt(segment), node, |_| true, |old| other_type(old, choice));
        load_and_check(&pretty(&value))?;
    }

    #[test]
    fn changed_numbers_never_panic(
        segment in 0..segments().len(),
        node in any::<Index>(),
        number in prop_oneof![
            Just(u64::MAX),
            Just(u64::from(u32::MAX) + 1),
            0..100_u64,
            any::<u64>(),
        ],
    ) {
        let (value, _) = replace_node(excerpt(segment), node, Value::is_number, |_| Value::from(number));
        load_and_check(&pretty(&value))?;
    }

    #[test]
    fn deep_nesting_is_refused_with_a_position(
        segment in 0..segments().len(),
        node in any::<Index>(),
        depth in 100..10_000_usize,
    ) {
        // Nested as text: a serde_json value that deep would overflow the stack when dropped.
        const PLACEHOLDER: &str = "nesting goes here";
        let (value, _) = replace_node(excerpt(segment), node, |_| true, |_| Value::from(PLACEHOLDER));
        let nested = pretty(&value).replacen(&format!("\"{PLACEHOLDER}\""), &"[".repeat(depth), 1);
        match load_str(&nested, "deep.json") {
            Ok(_) => prop_assert!(false, "unbalanced brackets loaded"),
            Err(err) => check_refusal(&err)?,
        }
    }

    #[test]
    fn huge_strings_never_panic(
        segment in 0..segments().len(),
        node in any::<Index>(),
        unit in "[a-z中文?。\u{7}]{1,4}",
        repeat in 1000..20_000_usize,
    ) {
        let (value, _) = replace_node(excerpt(segment), node, Value::is_string, |_| Value::from(unit.repeat(repeat)));
        load_and_check(&pretty(&value))?;
    }

    /// A control character is reported at its path: in text as a warning, since output shows
    /// it as a visible symbol and the dataset stays usable; in a reference or a date as the
    /// error of naming nothing or having the wrong form.
    #[test]
    fn a_control_character_in_any_string_is_refused_or_reported_there(
        segment in 0..segments().len(),
        node in any::<Index>(),
        at in any::<Index>(),
        control in prop_oneof![0..0x20_u32, 0x7f..0xa0_u32],
    ) {
        let control = char::from_u32(control).expect("a control character is a char");
        let (value, pointer) = replace_node(excerpt(segment), node, Value::is_string, |old| {
            let mut text = old.as_str().unwrap_or_default().to_owned();
            let chars = text.chars().count();
            let byte = text.char_indices().nth(at.index(chars + 1)).map_or(text.len(), |(b, _)| b);
            text.insert(byte, control);
            Value::from(text)
        });
        match load_str(&pretty(&value), "control.json") {
            Ok(dataset) => {
                let path = problem_path(&pointer);
                let problems = validate(&dataset).problems;
                let at_path: Vec<&Problem> = problems.iter().filter(|p| p.path == path).collect();
                let expected = if is_text(&pointer) { Severity::Warning } else { Severity::Error };
                prop_assert!(
                    at_path.iter().any(|p| p.severity == expected),
                    "no {expected:?} at {path}: {problems:#?}"
                );
            }
            Err(err) => check_refusal(&err)?,
        }
    }

    #[test]
    fn raw_control_bytes_never_panic(segment in 0..segments().len(), at in any::<Index>(), control in 0..0x20_u8) {
        let json = pretty(&excerpt(segment));
        let at = floor_char_boundary(&json, at.index(json.len()));
        let damaged = format!("{}{}{}", &json[..at], char::from(control), &json[at..]);
        load_and_check(&damaged)?;
    }
}

#[test]
fn the_embedded_dataset_loads_and_validates_clean() {
    let dataset = load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = validate(&dataset)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn every_excerpt_loads() {
    for i in 0..segments().len() {
        let json = pretty(&excerpt(i));
        if let Err(err) = load_str(&json, "excerpt") {
            panic!("segment {i}: {err}");
        }
    }
}

#[test]
fn problem_paths_follow_the_validator() {
    assert_eq!(problem_path("/figures/3/label/en"), "figures[3].label.en");
    assert_eq!(problem_path("/schema_version"), "schema_version");
    assert_eq!(
        problem_path("/themes/0/headline/2"),
        "themes[0].headline[2]"
    );
}

#[test]
fn text_is_told_from_references_and_dates() {
    assert!(is_text("/figures/3/label/en"));
    assert!(is_text("/meta/editors/0/hans"));
    assert!(is_text("/speakers/1/id"));
    assert!(!is_text("/figures/3/theme"));
    assert!(!is_text("/themes/0/headline/2"));
    assert!(!is_text("/meta/event_date"));
}

#[test]
fn place_detection_accepts_positions_and_paths_only() {
    assert!(names_a_place("bad at line 3, column 14: x"));
    assert!(names_a_place("at `figures[3].value` (line 2, column 1)"));
    assert!(names_a_place("`schema_version` is 0"));
    assert!(!names_a_place("it holds no JSON at all"));
    assert!(!names_a_place("line 3 is odd"));
}
