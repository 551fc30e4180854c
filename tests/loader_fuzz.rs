//! Loading and validating damaged copies of a real dataset: whatever the damage, loading never
//! panics, each refusal says where the problem is, and validating whatever loads never panics.

use std::path::PathBuf;

use pressdash::data::load::{LoadError, load_file, load_str};
use pressdash::data::validate::validate;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

const BASE: &str = include_str!("fixtures/min.json");

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
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

fn base_value() -> Value {
    serde_json::from_str(BASE).expect("the base dataset is JSON")
}

/// The base dataset with the node that `pick` selects (among those `keep` accepts) replaced.
fn replace_node(
    pick: Index,
    keep: impl Fn(&Value) -> bool,
    replace: impl FnOnce(&Value) -> Value,
) -> String {
    let mut value = base_value();
    let candidates: Vec<String> = pointers(&value)
        .into_iter()
        .filter(|pointer| value.pointer(pointer).is_some_and(&keep))
        .collect();
    let pointer = pick.get(&candidates).clone();
    if let Some(node) = value.pointer_mut(&pointer) {
        *node = replace(node);
    }
    value.to_string()
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
    #![proptest_config(config())]

    #[test]
    fn truncated_copies_are_refused_with_a_position(at in 1..BASE.len()) {
        let cut = &BASE[..floor_char_boundary(BASE, at)];
        prop_assume!(!cut.is_empty());
        let err = load_str(cut, "cut.json").expect_err("a cut copy is incomplete JSON");
        check_refusal(&err)?;
    }

    #[test]
    fn flipped_bytes_never_panic(flips in prop::collection::vec((any::<Index>(), any::<u8>()), 1..4)) {
        let mut bytes = BASE.as_bytes().to_vec();
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
    fn removed_fields_never_panic(pick in any::<Index>(), key in any::<Index>()) {
        let mut value = base_value();
        let objects: Vec<String> = pointers(&value)
            .into_iter()
            .filter(|p| value.pointer(p).is_some_and(Value::is_object))
            .chain(std::iter::once(String::new()))
            .collect();
        let pointer = pick.get(&objects).clone();
        if let Some(Value::Object(fields)) = value.pointer_mut(&pointer) {
            let keys: Vec<String> = fields.keys().cloned().collect();
            if !keys.is_empty() {
                fields.remove(key.get(&keys));
            }
        }
        load_and_check(&value.to_string())?;
    }

    #[test]
    fn swapped_types_never_panic(pick in any::<Index>(), choice in any::<u8>()) {
        let json = replace_node(pick, |_| true, |old| other_type(old, choice));
        load_and_check(&json)?;
    }

    #[test]
    fn changed_numbers_never_panic(
        pick in any::<Index>(),
        number in prop_oneof![
            Just(u64::MAX),
            Just(u64::from(u32::MAX) + 1),
            0..100_u64,
            any::<u64>(),
        ],
    ) {
        let json = replace_node(pick, Value::is_number, |_| Value::from(number));
        load_and_check(&json)?;
    }

    #[test]
    fn deep_nesting_is_refused_with_a_position(pick in any::<Index>(), depth in 100..10_000_usize) {
        // Nested as text: a serde_json value that deep would overflow the stack when dropped.
        const PLACEHOLDER: &str = "nesting goes here";
        let json = replace_node(pick, |_| true, |_| Value::from(PLACEHOLDER));
        let nested = json.replacen(&format!("\"{PLACEHOLDER}\""), &"[".repeat(depth), 1);
        match load_str(&nested, "deep.json") {
            Ok(_) => prop_assert!(false, "unbalanced brackets loaded"),
            Err(err) => check_refusal(&err)?,
        }
    }

    #[test]
    fn huge_strings_never_panic(pick in any::<Index>(), unit in "[a-z中文?。\u{7}]{1,4}", repeat in 1000..50_000_usize) {
        let json = replace_node(pick, Value::is_string, |_| Value::from(unit.repeat(repeat)));
        load_and_check(&json)?;
    }

    #[test]
    fn a_control_character_in_any_string_is_refused_or_reported(
        pick in any::<Index>(),
        at in any::<Index>(),
        control in prop_oneof![0..0x20_u32, 0x7f..0xa0_u32],
    ) {
        let control = char::from_u32(control).expect("a control character is a char");
        let json = replace_node(pick, Value::is_string, |old| {
            let mut text = old.as_str().unwrap_or_default().to_owned();
            let chars = text.chars().count();
            let byte = text.char_indices().nth(at.index(chars + 1)).map_or(text.len(), |(b, _)| b);
            text.insert(byte, control);
            Value::from(text)
        });
        match load_str(&json, "control.json") {
            Ok(dataset) => prop_assert!(!validate(&dataset).is_empty()),
            Err(err) => check_refusal(&err)?,
        }
    }

    #[test]
    fn raw_control_bytes_never_panic(at in any::<Index>(), control in 0..0x20_u8) {
        let at = floor_char_boundary(BASE, at.index(BASE.len()));
        let json = format!("{}{}{}", &BASE[..at], char::from(control), &BASE[at..]);
        load_and_check(&json)?;
    }
}

#[test]
fn the_base_dataset_loads_and_validates_clean() {
    let dataset = load_str(BASE, "base").expect("the base dataset loads");
    assert_eq!(validate(&dataset), []);
}

#[test]
fn place_detection_accepts_positions_and_paths_only() {
    assert!(names_a_place("bad at line 3, column 14: x"));
    assert!(names_a_place("at `figures[3].value` (line 2, column 1)"));
    assert!(names_a_place("`schema_version` is 0"));
    assert!(!names_a_place("it holds no JSON at all"));
    assert!(!names_a_place("line 3 is odd"));
}
