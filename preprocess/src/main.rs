//! `cargo run -p pressdash-preprocess [-- --check | --dump-text]`

use std::process::ExitCode;

use pressdash_preprocess::{Error, dump_text, read_repository_file, source};

const USAGE: &str = "usage: cargo run -p pressdash-preprocess [-- --check | --dump-text]
  (no option)  write data/dataset.json
  --check      compare data/dataset.json with a fresh build; fail on a difference
  --dump-text  print the cleaned simplified text by segment and paragraph";

fn run(option: Option<&str>) -> Result<(), Error> {
    let raw = read_repository_file(source::RAW_FILE)?;
    match option {
        Some("--dump-text") => {
            print!("{}", dump_text(&raw)?);
            Ok(())
        }
        _ => Err(Error::new(USAGE)),
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
