//! `cargo run -p pressdash-preprocess [-- --check | --dump-text]`

use std::process::ExitCode;

use pressdash_preprocess::annotations::ANNOTATIONS_FILE;
use pressdash_preprocess::dataset::{self, DATASET_FILE};
use pressdash_preprocess::repair::{REPAIRS_FILE, Repairs};
use pressdash_preprocess::{Error, dump_text, read_repository_file, repository_root, source};

const USAGE: &str = "usage: cargo run -p pressdash-preprocess [-- --check | --dump-text]
  (no option)  build data/dataset.json from the raw scrape, data/repairs.toml and
               data/annotations.toml
  --check      build and compare with data/dataset.json; fail on a difference
  --dump-text  print the cleaned simplified text by segment and paragraph";

fn build() -> Result<String, Error> {
    let raw = read_repository_file(source::RAW_FILE)?;
    let annotations = read_repository_file(ANNOTATIONS_FILE)?;
    dataset::to_json(&dataset::build(&raw, &repairs()?, &annotations)?)
}

fn repairs() -> Result<Repairs, Error> {
    Repairs::parse(&read_repository_file(REPAIRS_FILE)?)
}

fn run(option: Option<&str>) -> Result<(), Error> {
    match option {
        None => {
            let path = repository_root().join(DATASET_FILE);
            std::fs::write(&path, build()?)
                .map_err(|error| Error::new(format!("cannot write {}: {error}", path.display())))?;
            println!("wrote {DATASET_FILE}");
            Ok(())
        }
        Some("--check") => {
            let fresh = build()?;
            if read_repository_file(DATASET_FILE)? == fresh {
                println!("{DATASET_FILE} is up to date");
                Ok(())
            } else {
                Err(Error::new(format!(
                    "{DATASET_FILE} differs from a fresh build; \
                     run `cargo run -p pressdash-preprocess` and commit the result"
                )))
            }
        }
        Some("--dump-text") => {
            let raw = read_repository_file(source::RAW_FILE)?;
            print!("{}", dump_text(&raw, &repairs()?)?);
            Ok(())
        }
        Some(_) => Err(Error::new(USAGE)),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() > 1 {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    }
    match run(args.first().map(String::as_str)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
