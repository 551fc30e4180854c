//! Loading and validating a dataset: the work done before the first frame.
//!
//! `cargo bench --bench data`. With `PRESSDASH_WRITE_SCALED=<copies>:<file>` set, writes the
//! real dataset repeated `<copies>` times as JSON to `<file>` instead of measuring, for
//! whole-process measurements with `pressdash --data <file>` (see BENCHMARKS.md).

#[path = "common/synthetic.rs"]
mod synthetic;

use std::sync::LazyLock;

use divan::Bencher;
use pressdash::data::load::{load_embedded, load_str};
use pressdash::data::validate::validate;
use synthetic::Size;

/// The large dataset as compact JSON, as `--data` would read it.
static LARGE_JSON: LazyLock<String> =
    LazyLock::new(|| serde_json::to_string(Size::Large.dataset()).expect("a dataset serialises"));

fn json(size: Size) -> &'static str {
    match size {
        Size::Real => pressdash::data::EMBEDDED_JSON,
        Size::Large => &LARGE_JSON,
    }
}

fn main() {
    if let Ok(request) = std::env::var("PRESSDASH_WRITE_SCALED") {
        if let Err(message) = write_scaled(&request) {
            eprintln!("PRESSDASH_WRITE_SCALED={request}: {message}");
            std::process::exit(2);
        }
        return;
    }
    println!("{}", synthetic::describe());
    divan::main();
}

/// Writes the dataset scaled as `<copies>:<file>` asks.
fn write_scaled(request: &str) -> Result<(), String> {
    let (copies, path) = request
        .split_once(':')
        .ok_or("expected <copies>:<file>, as in 60:/tmp/large.json")?;
    let copies: usize = copies
        .parse()
        .ok()
        .filter(|&copies| copies > 0)
        .ok_or("the number of copies must be a whole number from 1")?;
    let data = synthetic::scaled(Size::Real.dataset(), copies);
    let text = serde_json::to_string(&data).map_err(|error| error.to_string())?;
    std::fs::write(path, &text).map_err(|error| format!("cannot write {path}: {error}"))?;
    eprintln!(
        "wrote {path}: {} bytes, {} segments, {} figures",
        text.len(),
        data.segments.len(),
        data.figures.len()
    );
    Ok(())
}

/// The embedded dataset, as the dashboard starts without `--data`.
#[divan::bench]
fn load_embedded_dataset() -> pressdash::data::Dataset {
    load_embedded().expect("the embedded dataset loads")
}

/// Parsing JSON text into the model as `--data` does, with errors for people on failure.
#[divan::bench(args = Size::BOTH, sample_count = 30)]
fn load(bencher: Bencher, size: Size) {
    let text = json(size);
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench(|| load_str(text, "dataset.json").expect("the dataset loads"));
}

/// The parses the loader may make, measured apart: the typed parse is all a valid file
/// costs; the untyped one runs only to explain a file the typed parse refused.
mod load_passes {
    use super::{Bencher, Size, json};
    use pressdash::data::Dataset;

    #[divan::bench(args = Size::BOTH, sample_count = 30)]
    fn untyped(bencher: Bencher, size: Size) {
        let text = json(size);
        bencher.bench(|| serde_json::from_str::<serde_json::Value>(text).expect("valid JSON"));
    }

    #[divan::bench(args = Size::BOTH, sample_count = 30)]
    fn typed(bencher: Bencher, size: Size) {
        let text = json(size);
        bencher.bench(|| serde_json::from_str::<Dataset>(text).expect("a dataset"));
    }
}

/// Checking every id, reference, span and value, as `--data` does before use.
#[divan::bench(args = Size::BOTH, sample_count = 30)]
fn validate_dataset(bencher: Bencher, size: Size) {
    let data = size.dataset();
    bencher.bench(|| {
        let found = validate(data);
        assert!(found.problems.is_empty());
        found
    });
}
