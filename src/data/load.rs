//! Reading a dataset from a file, a string or the copy embedded in the binary.
//!
//! Every failure becomes a [`LoadError`] written for people: it names the file, says what is
//! wrong and where (a line and column, or a JSON path such as `figures[3].value`), and what to
//! do about it. Loading checks only that the JSON has the shape of a [`Dataset`]; whether its
//! ids, references and offsets agree is the job of [`crate::data::validate`].

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::model::{Dataset, SCHEMA_VERSION};

/// The largest dataset accepted, in bytes. One press conference takes well under a megabyte,
/// so anything this big is not a dataset, and refusing it early keeps memory use bounded.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// A file is refused unread when holding its values would take more than this many times
/// its size (see [`Footprint`]); with the file itself read into memory, a load then stays
/// within three times the file. The datasets of real conferences, whose values are long
/// texts, take about as much memory as their file.
const FOOTPRINT_PER_FILE_BYTE: usize = 2;

/// Small files are never refused for their footprint: it is small anyway.
const MIN_FOOTPRINT_ALLOWED: usize = 8 * 1024 * 1024;

/// How the embedded dataset is named in messages.
pub const EMBEDDED_ORIGIN: &str = "the embedded dataset";

/// Details quoted from the JSON parser are cut to this many chars, so that a huge string in a
/// broken file does not flood the terminal.
const MAX_DETAIL_CHARS: usize = 200;

/// Whether a load failed because the file could not be read or because its content is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file is missing, unreadable, a directory or not a regular file.
    Io,
    /// The content was read but is not an acceptable dataset.
    Data,
}

/// What exactly went wrong. Lines and columns count from 1; columns count chars.
#[derive(Debug)]
#[non_exhaustive]
pub enum LoadErrorReason {
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// A device, pipe or socket.
    NotAFile,
    Unreadable(io::Error),
    /// Nothing but whitespace.
    Empty,
    /// `size` is known when the file system reported it.
    TooLarge {
        size: Option<u64>,
    },
    NotUtf8 {
        byte_offset: usize,
        line: usize,
    },
    /// The JSON stops in the middle of a value.
    Truncated {
        line: usize,
        column: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Arrays or objects nested deeper than the parser's limit of 128 levels.
    TooDeep {
        line: usize,
        column: usize,
    },
    /// The top-level value is not an object; `found` names what it is ("an array").
    NotAnObject {
        line: usize,
        column: usize,
        found: &'static str,
    },
    MissingVersion,
    /// `schema_version` is zero or not a whole number; `found` is its JSON text.
    InvalidVersion {
        found: String,
    },
    NewerVersion {
        found: u64,
    },
    /// Values that would take far more memory than the file (see [`Footprint`]).
    TooManyValues {
        values: usize,
        footprint: usize,
        bytes: usize,
    },
    /// Valid JSON of the wrong shape at `path` (`figures[3].value`, or `.` for the top level).
    Shape {
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
}

/// A dataset that could not be loaded.
#[derive(Debug)]
pub struct LoadError {
    /// The file name, or [`EMBEDDED_ORIGIN`], or what the caller of [`load_str`] named.
    origin: String,
    reason: LoadErrorReason,
}

impl LoadError {
    pub fn reason(&self) -> &LoadErrorReason {
        &self.reason
    }

    pub fn kind(&self) -> LoadErrorKind {
        match self.reason {
            LoadErrorReason::NotFound
            | LoadErrorReason::PermissionDenied
            | LoadErrorReason::IsDirectory
            | LoadErrorReason::NotAFile
            | LoadErrorReason::Unreadable(_) => LoadErrorKind::Io,
            _ => LoadErrorKind::Data,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LoadErrorReason as R;
        write!(f, "Cannot load {}: ", self.origin)?;
        match &self.reason {
            R::NotFound => f.write_str(
                "there is no such file. Check the path, or leave out --data to use the \
                 embedded dataset.",
            ),
            R::PermissionDenied => f.write_str(
                "permission to read it was denied. Make the file readable for this user \
                 (for example with chmod a+r).",
            ),
            R::IsDirectory => f.write_str(
                "it is a directory. Give the path of the dataset file itself, a .json file \
                 such as data/dataset.json.",
            ),
            R::NotAFile => f.write_str(
                "it is not a regular file (a device, pipe or socket). Save the dataset to a \
                 file and give that file's path.",
            ),
            R::Unreadable(err) => write!(
                f,
                "reading it failed ({err}). Check that the file is intact and readable, then \
                 try again."
            ),
            R::Empty => f.write_str(
                "it holds no JSON at all (it is empty or only whitespace), as if it was cut \
                 short while being written. Rebuild it with `pressdash import` \
                 or copy it again.",
            ),
            R::TooLarge { size } => {
                match size {
                    Some(size) => write!(f, "it is {size} bytes, ")?,
                    None => f.write_str("it is ")?,
                }
                write!(
                    f,
                    "more than the limit of {} MiB. A dataset of one press conference is far \
                     smaller, so this is probably not a dataset file; check the path.",
                    MAX_BYTES / (1024 * 1024)
                )
            }
            R::TooManyValues {
                values,
                footprint,
                bytes,
            } => write!(
                f,
                "its {values} JSON values could take up to about {} MB of memory, more than \
                 {FOOTPRINT_PER_FILE_BYTE} times the file's {} MB, so it is refused unread. A \
                 dataset's values are texts and numbers that take about as much memory as \
                 their file; this many short values look like a file made by mistake. Check \
                 how it was made.",
                footprint / 1_000_000,
                bytes / 1_000_000
            ),
            R::NotUtf8 { byte_offset, line } => write!(
                f,
                "it is not valid UTF-8 text: the bytes at byte offset {byte_offset} (line \
                 {line}) are not UTF-8. Save the file as UTF-8; the dataset is written in it."
            ),
            R::Truncated { line, column } => write!(
                f,
                "the JSON ends in the middle of a value at line {line}, column {column}: the \
                 file looks cut short. Rebuild it with `pressdash import` or \
                 copy it again."
            ),
            R::Syntax {
                line,
                column,
                detail,
            } => write!(
                f,
                "it is not valid JSON at line {line}, column {column}: {detail}. Fix the JSON \
                 at that spot (a JSON-aware editor shows it), or rebuild the file."
            ),
            R::TooDeep { line, column } => write!(
                f,
                "arrays or objects are nested more than 128 levels deep at line {line}, column \
                 {column}. No dataset nests that deep, so this is not a dataset file; check \
                 the path."
            ),
            R::NotAnObject {
                line,
                column,
                found,
            } => write!(
                f,
                "the JSON at line {line}, column {column} is {found}, but a dataset is one \
                 JSON object that starts with `schema_version`. See data/SCHEMA.md."
            ),
            R::MissingVersion => write!(
                f,
                "the field `schema_version` is missing, so its format is unknown. A dataset \
                 for this build starts with \"schema_version\": {SCHEMA_VERSION}; see \
                 data/SCHEMA.md."
            ),
            R::InvalidVersion { found } => write!(
                f,
                "`schema_version` is {found}, but it must be a whole number from 1 (this build \
                 reads up to {SCHEMA_VERSION}). See data/SCHEMA.md."
            ),
            R::NewerVersion { found } => write!(
                f,
                "`schema_version` is {found}, but this build reads versions up to \
                 {SCHEMA_VERSION}. Use a newer pressdash, or a dataset written for version \
                 {SCHEMA_VERSION}."
            ),
            R::Shape {
                path,
                line,
                column,
                detail,
            } => write!(
                f,
                "at `{path}` (line {line}, column {column}): {detail}. See data/SCHEMA.md for \
                 what each field holds."
            ),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.reason {
            LoadErrorReason::Unreadable(err) => Some(err),
            _ => None,
        }
    }
}

/// Loads the dataset in the file at `path`.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    let origin = path.display().to_string();
    let bytes = read_capped(path).map_err(|reason| LoadError {
        origin: origin.clone(),
        reason,
    })?;
    let json = std::str::from_utf8(&bytes).map_err(|err| {
        let byte_offset = err.valid_up_to();
        let line = bytes[..byte_offset].split(|&b| b == b'\n').count();
        LoadError {
            origin: origin.clone(),
            reason: LoadErrorReason::NotUtf8 { byte_offset, line },
        }
    })?;
    load_str(json, &origin)
}

/// Loads a dataset from JSON text; `origin` names it in messages (a file name, say).
pub fn load_str(json: &str, origin: &str) -> Result<Dataset, LoadError> {
    check_footprint(json)
        .and_then(|()| parse(json))
        .map_err(|reason| LoadError {
            origin: origin.to_owned(),
            reason,
        })
}

/// Loads the dataset built into the binary ([`crate::data::EMBEDDED_JSON`]). Its count of
/// values is not checked: it is ours, and a test keeps it within the limit, so the start-up
/// does not pay for a pass over it.
pub fn load_embedded() -> Result<Dataset, LoadError> {
    parse(super::EMBEDDED_JSON).map_err(|reason| LoadError {
        origin: EMBEDDED_ORIGIN.to_owned(),
        reason,
    })
}

/// Reads the whole file, refusing anything that is not a regular file of at most
/// [`MAX_BYTES`] before reading it.
fn read_capped(path: &Path) -> Result<Vec<u8>, LoadErrorReason> {
    // Metadata first: opening a pipe would block, and a huge file is refused unread.
    let metadata = fs::metadata(path).map_err(|err| open_failure(path, err))?;
    check_metadata(&metadata)?;
    let file = File::open(path).map_err(|err| open_failure(path, err))?;
    // The file may have changed since; the capped read keeps the limit regardless.
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| open_failure(path, err))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadErrorReason::TooLarge { size: None });
    }
    Ok(bytes)
}

fn check_metadata(metadata: &fs::Metadata) -> Result<(), LoadErrorReason> {
    if metadata.is_dir() {
        Err(LoadErrorReason::IsDirectory)
    } else if !metadata.is_file() {
        Err(LoadErrorReason::NotAFile)
    } else if metadata.len() > MAX_BYTES {
        Err(LoadErrorReason::TooLarge {
            size: Some(metadata.len()),
        })
    } else {
        Ok(())
    }
}

fn open_failure(path: &Path, err: io::Error) -> LoadErrorReason {
    match err.kind() {
        io::ErrorKind::NotFound => LoadErrorReason::NotFound,
        io::ErrorKind::IsADirectory => LoadErrorReason::IsDirectory,
        // Some systems refuse to open a directory as a file with "permission denied".
        io::ErrorKind::PermissionDenied if path.is_dir() => LoadErrorReason::IsDirectory,
        io::ErrorKind::PermissionDenied => LoadErrorReason::PermissionDenied,
        _ => LoadErrorReason::Unreadable(err),
    }
}

fn parse(json: &str) -> Result<Dataset, LoadErrorReason> {
    if json.len() as u64 > MAX_BYTES {
        return Err(LoadErrorReason::TooLarge {
            size: Some(json.len() as u64),
        });
    }
    // Editors on some systems start UTF-8 files with a byte order mark; it carries no meaning.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim_start_matches(is_json_whitespace).is_empty() {
        return Err(LoadErrorReason::Empty);
    }
    // A valid file is parsed once. Its version is checked on the result: a file of a newer
    // version that parses all the same still takes the detailed path below to be refused.
    if let Ok(dataset) = serde_json::from_str::<Dataset>(json)
        && (1..=SCHEMA_VERSION).contains(&dataset.schema_version)
    {
        return Ok(dataset);
    }
    explain_failure(json)
}

/// Parses a file that the plain typed parse refused (or whose version it cannot read) again,
/// step by step, to say what is wrong. An untyped pass first: it reports syntax and nesting
/// depth, and lets the version be checked before the typed parse, so a newer file is refused
/// for its version and not for a field this build does not know.
fn explain_failure(json: &str) -> Result<Dataset, LoadErrorReason> {
    let top: TopLevel = serde_json::from_str(json).map_err(|err| syntax_failure(json, &err))?;
    check_version(json, &top)?;

    let mut deserializer = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let (line, column) = position(json, &inner);
        LoadErrorReason::Shape {
            path,
            line,
            column,
            detail: detail(&inner),
        }
    })
}

/// Refuses a file whose values would take far more memory than the file itself, before
/// anything of it is kept. A file that is not even JSON passes, to be explained by the parse
/// that follows.
fn check_footprint(json: &str) -> Result<(), LoadErrorReason> {
    if json.len() as u64 > MAX_BYTES {
        // Refused for its size by the parse, unread.
        return Ok(());
    }
    let allowed = (json.len() * FOOTPRINT_PER_FILE_BYTE).max(MIN_FOOTPRINT_ALLOWED);
    let mut deserializer = serde_json::Deserializer::from_str(json);
    match Footprint::deserialize(&mut deserializer) {
        Ok(footprint) if footprint.bytes > allowed => Err(LoadErrorReason::TooManyValues {
            values: footprint.values,
            footprint: footprint.bytes,
            bytes: json.len(),
        }),
        _ => Ok(()),
    }
}

fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn syntax_failure(json: &str, err: &serde_json::Error) -> LoadErrorReason {
    let (line, column) = position(json, err);
    let detail = detail(err);
    if err.is_eof() {
        LoadErrorReason::Truncated { line, column }
    } else if detail == "recursion limit exceeded" {
        LoadErrorReason::TooDeep { line, column }
    } else {
        LoadErrorReason::Syntax {
            line,
            column,
            detail,
        }
    }
}

/// What the explaining pass needs of the document's top level: what kind of value it is, and
/// the text of its `schema_version` field. Read without building the document, so that a
/// file of millions of values costs no more memory than its text (a `serde_json::Value` of a
/// 32 MiB array of zeros takes over half a gigabyte).
enum TopLevel<'a> {
    Object {
        version: Option<&'a RawValue>,
    },
    /// Not an object: "an array", "a number"…
    Other(&'static str),
}

impl<'de> Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TopLevelVisitor)
    }
}

struct TopLevelVisitor;

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Self::Value, A::Error> {
        let mut version = None;
        // As in a JSON object read whole, the last of repeated keys counts.
        while let Some(key) = fields.next_key::<String>()? {
            if key == "schema_version" {
                version = Some(fields.next_value()?);
            } else {
                fields.next_value::<Footprint>()?;
            }
        }
        Ok(TopLevel::Object { version })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
        while items.next_element::<Footprint>()?.is_some() {}
        Ok(TopLevel::Other("an array"))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(TopLevel::Other("null"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(TopLevel::Other("a boolean"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(TopLevel::Other("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(TopLevel::Other("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(TopLevel::Other("a number"))
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(TopLevel::Other("a string"))
    }
}

/// What a JSON value (itself, its elements, its fields' values) would take in memory once
/// parsed, estimated without keeping any of it: a string its `String` and the heap block
/// holding its text, an array or object a `Vec`. Field names are not counted, since a dataset
/// keeps them in its types. It is an upper bound: values the dataset does not know are
/// skipped by the real parse. Unlike serde's `IgnoredAny`, which `serde_json` skips without counting
/// depth, nested arrays and objects go through the parser's recursion limit, so a file nested
/// too deep is reported as such rather than by where it ends.
#[derive(Debug, Clone, Copy, Default)]
struct Footprint {
    values: usize,
    bytes: usize,
}

impl Footprint {
    const WORD: usize = size_of::<usize>();

    /// A number, boolean or null: it lives in a field of its parent's element, so it adds
    /// nothing of its own (a dataset has no list of numbers).
    fn scalar() -> Self {
        Self {
            values: 1,
            bytes: 0,
        }
    }

    /// A `String` of `len` bytes: its three words, and the block the allocator gives its text
    /// (a header word, rounded up to 16 bytes, at least 32).
    fn string(len: usize) -> Self {
        let heap = if len == 0 {
            0
        } else {
            (len + Self::WORD).next_multiple_of(16).max(32)
        };
        Self {
            values: 1,
            bytes: size_of::<String>() + heap,
        }
    }

    /// An array or object: a `Vec`'s three words, and what its elements take.
    fn container() -> Self {
        Self {
            values: 1,
            bytes: size_of::<Vec<u8>>(),
        }
    }

    fn add(&mut self, inner: Self) {
        self.values += inner.values;
        self.bytes += inner.bytes;
    }
}

impl<'de> Deserialize<'de> for Footprint {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FootprintVisitor)
    }
}

struct FootprintVisitor;

impl<'de> Visitor<'de> for FootprintVisitor {
    type Value = Footprint;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Footprint, A::Error> {
        let mut footprint = Footprint::container();
        while let Some((IgnoredAny, inner)) = fields.next_entry()? {
            footprint.add(inner);
        }
        Ok(footprint)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Footprint, A::Error> {
        let mut footprint = Footprint::container();
        while let Some(inner) = items.next_element()? {
            footprint.add(inner);
        }
        Ok(footprint)
    }

    fn visit_unit<E>(self) -> Result<Footprint, E> {
        Ok(Footprint::scalar())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Footprint, E> {
        Ok(Footprint::scalar())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Footprint, E> {
        Ok(Footprint::scalar())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Footprint, E> {
        Ok(Footprint::scalar())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Footprint, E> {
        Ok(Footprint::scalar())
    }

    fn visit_str<E>(self, text: &str) -> Result<Footprint, E> {
        Ok(Footprint::string(text.len()))
    }
}

fn check_version(json: &str, top: &TopLevel) -> Result<(), LoadErrorReason> {
    let version = match top {
        TopLevel::Object { version } => version.ok_or(LoadErrorReason::MissingVersion)?,
        TopLevel::Other(found) => {
            let (line, column) = first_token_position(json);
            return Err(LoadErrorReason::NotAnObject {
                line,
                column,
                found,
            });
        }
    };
    match version.get().parse::<u64>() {
        Ok(found) if found > u64::from(SCHEMA_VERSION) => {
            Err(LoadErrorReason::NewerVersion { found })
        }
        Ok(found) if found > 0 => Ok(()),
        _ => Err(LoadErrorReason::InvalidVersion {
            found: cut(version.get()),
        }),
    }
}

/// The parser's message without its own position suffix, which counts bytes.
fn detail(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    cut(message.strip_suffix(&suffix).unwrap_or(&message))
}

fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_DETAIL_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The error's line, and its column counted in chars as an editor shows it (the parser counts
/// bytes, which for Chinese text is about three times too far).
fn position(json: &str, err: &serde_json::Error) -> (usize, usize) {
    let line = err.line().max(1);
    let line_text = json.split('\n').nth(line - 1).unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|&(at, _)| at < err.column())
        .count();
    (line, column.max(1))
}

fn first_token_position(json: &str) -> (usize, usize) {
    let start = json.len() - json.trim_start_matches(is_json_whitespace).len();
    let before = &json[..start];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (line, 1 + before[line_start..].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    const FIXTURE: &str = include_str!("../../tests/fixtures/min.json");

    /// A fresh path in the temporary directory, removed again when dropped.
    struct TempPath(PathBuf);

    impl TempPath {
        fn new(name: &str) -> Self {
            let path =
                std::env::temp_dir().join(format!("pressdash-load-{}-{name}", std::process::id()));
            TempPath(path)
        }

        fn with_bytes(name: &str, bytes: &[u8]) -> Self {
            let temp = TempPath::new(name);
            fs::write(&temp.0, bytes).expect("the temporary file is written");
            temp
        }
    }

    impl Drop for TempPath {
        fn drop(&mut self) {
            // Either kind may have been made; failing to tidy up is harmless.
            let _ = fs::remove_file(&self.0).or_else(|_| fs::remove_dir(&self.0));
        }
    }

    fn error_of(json: &str) -> LoadError {
        load_str(json, "test.json").expect_err("the JSON is refused")
    }

    #[test]
    fn the_fixture_loads() {
        let dataset = load_str(FIXTURE, "min.json").expect("the fixture loads");
        assert_eq!(dataset.figures.len(), 6);
        let temp = TempPath::with_bytes("fixture.json", FIXTURE.as_bytes());
        assert_eq!(load_file(&temp.0).expect("the file loads"), dataset);
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let with_mark = format!("\u{feff}{FIXTURE}");
        assert!(load_str(&with_mark, "bom.json").is_ok());
    }

    #[test]
    fn a_missing_file_is_an_io_error_that_names_it() {
        let temp = TempPath::new("missing.json");
        let err = load_file(&temp.0).expect_err("nothing is there");
        assert!(matches!(err.reason(), LoadErrorReason::NotFound));
        assert_eq!(err.kind(), LoadErrorKind::Io);
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("Cannot load {}: ", temp.0.display())),
            "{message}"
        );
        assert!(message.contains("no such file"), "{message}");
    }

    #[test]
    fn a_directory_is_refused() {
        let temp = TempPath::new("dir");
        fs::create_dir(&temp.0).expect("the directory is made");
        let err = load_file(&temp.0).expect_err("a directory is not a dataset");
        assert!(matches!(err.reason(), LoadErrorReason::IsDirectory));
        assert_eq!(err.kind(), LoadErrorKind::Io);
    }

    #[test]
    fn open_failures_are_told_apart() {
        let file = Path::new("no-such-dir/x.json");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(matches!(
            open_failure(file, denied),
            LoadErrorReason::PermissionDenied
        ));
        let other = io::Error::other("disk on fire");
        let reason = open_failure(file, other);
        assert!(matches!(reason, LoadErrorReason::Unreadable(_)));
        let err = LoadError {
            origin: "x.json".into(),
            reason,
        };
        assert!(err.to_string().contains("disk on fire"), "{err}");
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn a_huge_file_is_refused_without_reading_it() {
        let temp = TempPath::with_bytes("huge.json", b"");
        let file = File::options().write(true).open(&temp.0).expect("it opens");
        // Sparse: the size is set without writing 50 MB.
        file.set_len(50_000_000).expect("the size is set");
        let started = Instant::now();
        let err = load_file(&temp.0).expect_err("50 MB is too large");
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(matches!(
            err.reason(),
            LoadErrorReason::TooLarge {
                size: Some(50_000_000)
            }
        ));
        assert_eq!(err.kind(), LoadErrorKind::Data);
        assert!(err.to_string().contains("32 MiB"), "{err}");
    }

    #[test]
    fn empty_content_is_refused() {
        for content in ["", " \n\t\r\n"] {
            let temp = TempPath::with_bytes("empty.json", content.as_bytes());
            let err = load_file(&temp.0).expect_err("nothing to load");
            assert!(matches!(err.reason(), LoadErrorReason::Empty), "{err}");
        }
    }

    #[test]
    fn non_utf8_bytes_are_located() {
        let mut bytes = b"{\n  \"schema_version\": 1,\n  \"x\": \"".to_vec();
        let offset = bytes.len();
        bytes.extend_from_slice(b"\xff\xfe\"}");
        let temp = TempPath::with_bytes("latin1.json", &bytes);
        let err = load_file(&temp.0).expect_err("not UTF-8");
        assert!(
            matches!(err.reason(), LoadErrorReason::NotUtf8 { byte_offset, line: 3 } if *byte_offset == offset),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains(&format!("byte offset {offset} (line 3)")),
            "{err}"
        );
    }

    #[test]
    fn truncated_json_says_where_it_ends() {
        let cut = &FIXTURE[..FIXTURE.len() / 2];
        let err = error_of(cut);
        let expected_line = cut.lines().count();
        assert!(
            matches!(err.reason(), LoadErrorReason::Truncated { line, .. } if *line == expected_line),
            "{err:?}"
        );
        assert!(err.to_string().contains("cut short"), "{err}");
    }

    #[test]
    fn syntax_errors_give_line_and_column_in_chars() {
        let err = error_of("{\n  \"名字\": 值\n}");
        assert!(
            matches!(
                err.reason(),
                LoadErrorReason::Syntax {
                    line: 2,
                    column: 9,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("line 2, column 9"), "{err}");
    }

    #[test]
    fn deep_nesting_is_reported_not_overflowed() {
        let deep = "[".repeat(10_000);
        let err = error_of(&deep);
        assert!(
            matches!(err.reason(), LoadErrorReason::TooDeep { line: 1, .. }),
            "{err:?}"
        );
        let inside = format!("{{\"schema_version\": 1, \"meta\": {deep}");
        let err = error_of(&inside);
        assert!(
            matches!(err.reason(), LoadErrorReason::TooDeep { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_file_whose_values_would_take_far_more_memory_than_it_is_refused_unread() {
        let tags = |count: usize| {
            let tags = vec!["\"a\""; count].join(",");
            format!("{{\"schema_version\": 1, \"unknown\": [{tags}]}}")
        };
        // Four bytes of file for 24 + 32 of memory: refused once past the floor that small
        // files always get.
        let per_tag = Footprint::string(1).bytes;
        let count = MIN_FOOTPRINT_ALLOWED / per_tag + 10;
        let err = error_of(&tags(count));
        assert!(
            matches!(
                err.reason(),
                LoadErrorReason::TooManyValues { values, .. } if *values == count + 3
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("could take up to about"), "{err}");
        // Below the floor the file is read, and refused for what it is.
        let err = error_of(&tags(MIN_FOOTPRINT_ALLOWED / per_tag - 10));
        assert!(
            matches!(err.reason(), LoadErrorReason::Shape { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn real_datasets_take_about_as_much_memory_as_their_file() {
        let embedded = crate::data::EMBEDDED_JSON;
        let mut deserializer = serde_json::Deserializer::from_str(embedded);
        let footprint = Footprint::deserialize(&mut deserializer).expect("valid JSON");
        assert!(
            footprint.bytes < embedded.len() * FOOTPRINT_PER_FILE_BYTE * 2 / 3,
            "{footprint:?} for {} bytes",
            embedded.len()
        );
    }

    #[test]
    fn a_string_takes_its_header_and_an_allocator_block() {
        assert_eq!(Footprint::string(0).bytes, 24);
        assert_eq!(Footprint::string(1).bytes, 24 + 32);
        assert_eq!(Footprint::string(24).bytes, 24 + 32);
        assert_eq!(Footprint::string(25).bytes, 24 + 48);
    }

    #[test]
    fn the_top_level_must_be_an_object() {
        let err = error_of("\n  [1, 2]");
        assert!(
            matches!(
                err.reason(),
                LoadErrorReason::NotAnObject {
                    line: 2,
                    column: 3,
                    found: "an array"
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn the_version_is_checked_before_the_shape() {
        let newer = r#"{"schema_version": 2, "a_field_from_the_future": true}"#;
        let err = error_of(newer);
        assert!(
            matches!(err.reason(), LoadErrorReason::NewerVersion { found: 2 }),
            "{err:?}"
        );
        assert!(err.to_string().contains("reads versions up to 1"), "{err}");

        let err = error_of(r#"{"meta": {}}"#);
        assert!(
            matches!(err.reason(), LoadErrorReason::MissingVersion),
            "{err:?}"
        );
        for bad in ["0", "-1", "1.5", "\"1\"", "null"] {
            let err = error_of(&format!(r#"{{"schema_version": {bad}}}"#));
            assert!(
                matches!(err.reason(), LoadErrorReason::InvalidVersion { found } if found == bad),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn a_file_of_another_version_is_refused_even_when_it_parses() {
        let error_with_version = |version: &str| {
            let other = FIXTURE.replacen(
                "\"schema_version\": 1",
                &format!("\"schema_version\": {version}"),
                1,
            );
            assert_ne!(other, FIXTURE, "the fixture states its version");
            error_of(&other)
        };
        let err = error_with_version("2");
        assert!(
            matches!(err.reason(), LoadErrorReason::NewerVersion { found: 2 }),
            "{err:?}"
        );
        let err = error_with_version("0");
        assert!(
            matches!(err.reason(), LoadErrorReason::InvalidVersion { found } if found == "0"),
            "{err:?}"
        );
    }

    #[test]
    fn a_wrong_shape_names_the_json_path() {
        let broken = FIXTURE.replacen("\"value\": 83360000000.0", "\"value\": \"many\"", 1);
        assert_ne!(broken, FIXTURE, "the fixture has the value to break");
        let err = error_of(&broken);
        let LoadErrorReason::Shape { path, line, .. } = err.reason() else {
            panic!("expected a shape error, got {err:?}");
        };
        assert_eq!(path, "figures[1].value");
        let expected_line = 1 + broken[..broken.find("\"many\"").unwrap_or(0)]
            .matches('\n')
            .count();
        assert_eq!(*line, expected_line);
        assert!(
            err.to_string().contains("at `figures[1].value` (line"),
            "{err}"
        );
        assert_eq!(err.kind(), LoadErrorKind::Data);
    }

    #[test]
    fn unknown_fields_are_refused_by_path() {
        let broken = FIXTURE.replacen(
            "\"turn_start\": true,",
            "\"turn_start\": true, \"mood\": 1,",
            1,
        );
        let err = error_of(&broken);
        assert!(
            matches!(err.reason(), LoadErrorReason::Shape { path, detail, .. }
                if path == "segments[0].paragraphs[0].mood" && detail.contains("unknown field `mood`")),
            "{err:?}"
        );
    }

    #[test]
    fn huge_strings_are_cut_in_messages() {
        let huge = "x".repeat(100_000);
        let broken = FIXTURE.replacen(
            "\"value\": 83360000000.0",
            &format!("\"value\": \"{huge}\""),
            1,
        );
        let message = error_of(&broken).to_string();
        assert!(message.len() < 1000, "{} bytes", message.len());
        assert!(message.contains('…'), "{message}");
    }

    #[test]
    fn the_embedded_dataset_is_named_as_such() {
        let err = load_str("[", EMBEDDED_ORIGIN).expect_err("truncated");
        assert!(
            err.to_string()
                .starts_with("Cannot load the embedded dataset: "),
            "{err}"
        );
    }
}
