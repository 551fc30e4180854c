//! The configuration file: defaults for the options, named as the options are
//! (`script = "hans"`, `lang = "en"`, `color`, `colors`, `mouse`), and a `[keys]` table that
//! gives actions of the key table other keys (`quit = ["q", "Ctrl-c"]`).
//!
//! Finding the file and checking it are pure: the environment is passed in, and a file's
//! problems are all collected, each with its line and key, before anything is applied.

use std::fmt;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use toml::de::{DeTable, DeValue};

use crate::app::keys::{self, Key, KeyMap, Rebinding};
use crate::cli::{ColorChoice, LangChoice, ScriptChoice};
use crate::colors::ColorScheme;

/// The variable that names a configuration file, as `--config` does.
pub const CONFIG_VARIABLE: &str = "PRESSDASH_CONFIG";

/// The values a configuration file sets; `None` where it is silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub script: Option<ScriptChoice>,
    pub lang: Option<LangChoice>,
    pub color: Option<ColorChoice>,
    pub colors: Option<ColorScheme>,
    pub mouse: Option<bool>,
    /// `ambiguous-width`: 1 or 2.
    pub ambiguous_width: Option<u8>,
    /// The `[keys]` table: the rows it rebinds, each with its line.
    pub rebindings: Vec<Rebinding>,
    /// The key table with those rebindings, checked for clashes.
    pub keys: KeyMap,
    /// The line each value was set on, by key.
    pub lines: Vec<(&'static str, usize)>,
}

impl FileSettings {
    /// The line `key` was set on.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.lines
            .iter()
            .find(|(known, _)| *known == key)
            .map(|(_, line)| *line)
    }
}

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `--no-config`.
    Ignored,
    /// Named by `--config` or `PRESSDASH_CONFIG`: it must exist.
    Named(PathBuf),
    /// The usual place: read when it exists.
    Usual(PathBuf),
    /// No usual place: neither `XDG_CONFIG_HOME` nor `HOME` is set.
    Nowhere,
}

impl Location {
    /// `--config`, else `PRESSDASH_CONFIG`, else `$XDG_CONFIG_HOME/pressdash/config.toml`, else
    /// `~/.config/pressdash/config.toml`. `env` looks up a variable; empty ones are unset.
    pub fn find(
        flag: Option<&Path>,
        no_config: bool,
        env: impl Fn(&str) -> Option<String>,
    ) -> Self {
        let set = |name: &str| env(name).filter(|value| !value.is_empty());
        if no_config {
            return Self::Ignored;
        }
        if let Some(path) = flag {
            return Self::Named(path.to_owned());
        }
        if let Some(path) = set(CONFIG_VARIABLE) {
            return Self::Named(PathBuf::from(path));
        }
        // The XDG base directory specification ignores a relative XDG_CONFIG_HOME.
        let base = set("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
            .or_else(|| set("HOME").map(|home| Path::new(&home).join(".config")));
        base.map_or(Self::Nowhere, |base| {
            Self::Usual(base.join("pressdash").join("config.toml"))
        })
    }
}

/// A problem of a configuration file, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    /// The key the problem is about, when there is one.
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "line {}: `{key}` {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// The key a line of a TOML text sets (`keys.quit` for `quit = …` under `[keys]`), found by
/// reading the text itself: a syntax error stops the parser before it names one.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().take(line).collect();
    let bare = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    let (name, _) = lines.last()?.split_once('=')?;
    let name = name.trim();
    if !bare(name) {
        return None;
    }
    let table = lines.iter().rev().skip(1).find_map(|earlier| {
        let header = earlier.trim().strip_prefix('[')?.strip_suffix(']')?.trim();
        bare(header).then_some(header)
    });
    Some(table.map_or_else(|| name.to_owned(), |table| format!("{table}.{name}")))
}

/// Reads a configuration file's text: every value, or every problem.
pub fn parse(text: &str) -> Result<FileSettings, Vec<Problem>> {
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let table = DeTable::parse(text).map_err(|error| {
        let line = error.span().map_or(1, |span| line_at(span.start));
        let message = error.message().trim_end().to_owned();
        vec![Problem {
            line,
            key: key_on_line(text, line),
            message,
        }]
    })?;
    let mut settings = FileSettings::default();
    let mut problems = Vec::new();
    for (key, value) in table.get_ref() {
        let line = line_at(key.span().start);
        let name = key.get_ref().as_ref();
        let value = value.get_ref();
        let known = match name {
            "script" => choice(value)
                .map(|v| settings.script = Some(v))
                .map(|()| "script"),
            "lang" => choice(value)
                .map(|v| settings.lang = Some(v))
                .map(|()| "lang"),
            "color" => choice(value)
                .map(|v| settings.color = Some(v))
                .map(|()| "color"),
            "colors" => choice(value)
                .map(|v| settings.colors = Some(v))
                .map(|()| "colors"),
            "mouse" => value
                .as_bool()
                .ok_or_else(|| format!("must be true or false, not {}", a_value_of(value)))
                .map(|v| settings.mouse = Some(v))
                .map(|()| "mouse"),
            "ambiguous-width" => value
                .as_integer()
                .filter(|n| n.radix() == 10)
                .and_then(|n| n.as_str().parse::<u8>().ok())
                .filter(|n| (1..=2).contains(n))
                .ok_or_else(|| {
                    let found = value
                        .as_integer()
                        .map_or_else(|| a_value_of(value), ToString::to_string);
                    format!("must be 1 or 2, not {found}")
                })
                .map(|v| settings.ambiguous_width = Some(v))
                .map(|()| "ambiguous-width"),
            KEYS_TABLE => match value.as_table() {
                Some(table) => {
                    problems.extend(rebindings(table, &line_at, &mut settings.rebindings));
                    Ok(KEYS_TABLE)
                }
                None => Err(format!(
                    "must be a table of actions and their keys, as in `[keys]` then \
                     `quit = [\"q\", \"Ctrl-c\"]`, not {}",
                    a_value_of(value)
                )),
            },
            _ => Err(format!(
                "is not a setting; the settings are {}, and the `[{KEYS_TABLE}]` table",
                KEYS.map(|key| format!("`{key}`")).join(", ")
            )),
        };
        match known {
            Ok(key) => settings.lines.push((key, line)),
            Err(message) => problems.push(Problem {
                line,
                key: Some(name.to_owned()),
                message,
            }),
        }
    }
    if problems.is_empty() {
        match KeyMap::with(&settings.rebindings) {
            Ok(map) => settings.keys = map,
            Err(clashes) => problems.extend(clashes.into_iter().map(|clash| Problem {
                line: clash.line,
                key: Some(format!("keys.{}", clash.name)),
                message: clash.message,
            })),
        }
    }
    problems.sort_by_key(|problem| problem.line);
    if problems.is_empty() {
        Ok(settings)
    } else {
        Err(problems)
    }
}

/// Reads the `[keys]` table into `found`: each action by name with a key or a list of keys.
/// Returns the problems of its entries.
fn rebindings(
    table: &DeTable,
    line_at: &impl Fn(usize) -> usize,
    found: &mut Vec<Rebinding>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, value) in table {
        let line = line_at(key.span().start);
        let name = key.get_ref().as_ref();
        let keys = keys::row_named(name)
            .ok_or_else(|| {
                if KEYS.contains(&name) {
                    // TOML puts every line after a table's header into the table.
                    return format!(
                        "is a setting, not an action: settings go before the `[{KEYS_TABLE}]` \
                         table"
                    );
                }
                let names: Vec<String> = keys::rebindable_rows()
                    .map(|(_, name)| format!("`{name}`"))
                    .collect();
                format!("is not an action; the actions are {}", names.join(", "))
            })
            .and_then(|row| Ok((row, keys_of(value.get_ref())?)));
        match keys {
            Ok((row, keys)) => found.push(Rebinding { row, keys, line }),
            Err(message) => problems.push(Problem {
                line,
                key: Some(format!("keys.{name}")),
                message,
            }),
        }
    }
    problems
}

/// A key (`"q"`) or a list of keys (`["q", "Ctrl-c"]`), at least one, each once.
fn keys_of(value: &DeValue) -> Result<Vec<Key>, String> {
    let texts: Vec<&DeValue> = match value.as_array() {
        Some(array) => array.iter().map(toml::Spanned::get_ref).collect(),
        None => vec![value],
    };
    if texts.is_empty() {
        return Err("has no key: an action needs at least one".to_owned());
    }
    let mut keys: Vec<Key> = Vec::with_capacity(texts.len());
    for text in texts {
        let Some(text) = text.as_str() else {
            return Err(format!(
                "must be a key or a list of keys, as in \"q\" or [\"q\", \"Ctrl-c\"], not {}",
                a_value_of(text)
            ));
        };
        let key = keys::parse_key(text)?;
        if keys.contains(&key) {
            return Err(format!("lists `{}` twice", key.name()));
        }
        keys.push(key);
    }
    Ok(keys)
}

/// The settings a file may set, in the order `pressdash config` prints them.
pub const KEYS: [&str; 6] = [
    "script",
    "lang",
    "color",
    "colors",
    "mouse",
    "ambiguous-width",
];

/// The table of actions and their keys, after the settings.
pub const KEYS_TABLE: &str = "keys";

/// Keys as a file writes them: `"q"` for one, `["q", "Ctrl-c"]` for several.
pub fn keys_value(keys: &[Key]) -> String {
    let quoted: Vec<String> = keys
        .iter()
        .map(|key| toml::Value::String(key.name()).to_string())
        .collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        _ => format!("[{}]", quoted.join(", ")),
    }
}

/// A value named as on the command line (`"hans"`, `"high-contrast"`).
fn choice<T: ValueEnum>(value: &DeValue) -> Result<T, String> {
    let names = || {
        T::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .map(|value| format!("\"{}\"", value.get_name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(text) = value.as_str() else {
        return Err(format!(
            "must be one of {}, not {}",
            names(),
            a_value_of(value)
        ));
    };
    T::from_str(text, false).map_err(|_| format!("must be one of {}, not \"{text}\"", names()))
}

/// "a string", "an integer": what kind of value was written.
fn a_value_of(value: &DeValue) -> String {
    let kind = value.type_str();
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// The name of a choice as the command line and the file write it.
pub fn name_of<T: ValueEnum>(value: &T) -> String {
    value
        .to_possible_value()
        .map(|value| value.get_name().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An environment of the given variables, for the functions that take one.
    pub(crate) fn env_of<'a>(
        pairs: &'a [(&'a str, &'a str)],
    ) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn the_file_is_found_by_flag_then_variable_then_xdg_then_home() {
        let all = [
            (CONFIG_VARIABLE, "/env.toml"),
            ("XDG_CONFIG_HOME", "/xdg"),
            ("HOME", "/home/u"),
        ];
        let flag = Some(Path::new("/flag.toml"));
        assert_eq!(Location::find(flag, true, env_of(&all)), Location::Ignored);
        assert_eq!(
            Location::find(flag, false, env_of(&all)),
            Location::Named("/flag.toml".into())
        );
        assert_eq!(
            Location::find(None, false, env_of(&all)),
            Location::Named("/env.toml".into())
        );
        assert_eq!(
            Location::find(None, false, env_of(&all[1..])),
            Location::Usual("/xdg/pressdash/config.toml".into())
        );
        let relative = [("XDG_CONFIG_HOME", "xdg"), ("HOME", "/home/u")];
        assert_eq!(
            Location::find(None, false, env_of(&relative)),
            Location::Usual("/home/u/.config/pressdash/config.toml".into())
        );
        assert_eq!(Location::find(None, false, env_of(&[])), Location::Nowhere);
    }

    #[test]
    fn values_are_named_as_the_options_are() {
        let text = "script = \"hans\"\nlang = \"en\"\ncolor = \"never\"\ncolors = \"high-contrast\"\nmouse = true\n";
        let settings = parse(text).unwrap();
        assert_eq!(settings.script, Some(ScriptChoice::Hans));
        assert_eq!(settings.lang, Some(LangChoice::En));
        assert_eq!(settings.color, Some(ColorChoice::Never));
        assert_eq!(settings.colors, Some(ColorScheme::HighContrast));
        assert_eq!(settings.mouse, Some(true));
        assert_eq!(settings.line_of("colors"), Some(4));
        assert_eq!(parse("").unwrap(), FileSettings::default());
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_key() {
        let text = "lang = \"fr\"\n# a comment\nmouse = \"yes\"\nscirpt = \"hans\"\nscript = 1\n";
        let problems: Vec<String> = parse(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "line 1: `lang` must be one of \"zh\", \"en\", not \"fr\"",
                "line 3: `mouse` must be true or false, not a string",
                "line 4: `scirpt` is not a setting; the settings are `script`, `lang`, `color`, \
                 `colors`, `mouse`, `ambiguous-width`, and the `[keys]` table",
                "line 5: `script` must be one of \"hans\", \"hant\", not an integer",
            ]
        );
    }

    #[test]
    fn a_syntax_error_names_its_line_and_key() {
        let problems = parse("lang = \"en\"\ncolors = \n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2, "{problems:?}");
        assert_eq!(problems[0].key.as_deref(), Some("colors"));
        let problems = parse("lang = \"en\"\nlang = \"zh\"\n").unwrap_err();
        assert_eq!(problems[0].to_string(), "line 2: `lang` duplicate key");
        let problems = parse("[keys]\nquit = \"x\"\n\nquit = \"y\"\n").unwrap_err();
        assert_eq!(problems[0].line, 4, "{problems:?}");
        assert_eq!(problems[0].key.as_deref(), Some("keys.quit"));
        // A line that sets nothing names no key.
        let problems = parse("lang = \"en\"\n[keys\n").unwrap_err();
        assert_eq!(problems[0].key, None, "{problems:?}");
    }

    #[test]
    fn the_keys_table_rebinds_actions_by_name() {
        let text = "lang = \"en\"\n[keys]\nquit = [\"x\", \"Ctrl-c\"]\nnext-tab = \"w\"\n";
        let settings = parse(text).unwrap();
        assert_eq!(settings.lang, Some(LangChoice::En));
        let lines: Vec<(String, usize)> = settings
            .rebindings
            .iter()
            .map(|r| (keys::row_name(r.row), r.line))
            .collect();
        assert!(lines.contains(&("quit".to_string(), 3)), "{lines:?}");
        assert!(lines.contains(&("next-tab".to_string(), 4)), "{lines:?}");
        let rebound: Vec<(String, String)> = settings
            .keys
            .rebound()
            .map(|(name, keys)| (name, keys_value(keys)))
            .collect();
        assert_eq!(
            rebound,
            [
                ("next-tab".to_string(), "\"w\"".to_string()),
                ("quit".to_string(), "[\"x\", \"Ctrl-c\"]".to_string())
            ]
        );
        // Inline, as any TOML table.
        assert_eq!(
            parse("keys = { quit = \"x\" }\n").unwrap().keys,
            settings_keys("[keys]\nquit = \"x\"\n")
        );
    }

    fn settings_keys(text: &str) -> KeyMap {
        parse(text).unwrap().keys
    }

    #[test]
    fn every_bad_binding_is_a_problem_with_its_line_and_key() {
        let text = "[keys]\nqiut = \"x\"\nhelp = \"Escape\"\nup = []\ndown = 2\nnext-tab = [\"l\", \"l\"]\ntop = \"q\"\n";
        let problems: Vec<String> = parse(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(
            problems[0].starts_with("line 2: `keys.qiut` is not an action; the actions are `help`")
        );
        assert!(problems[0].contains("`quit`"), "{}", problems[0]);
        assert!(
            problems[1].starts_with("line 3: `keys.help` `Escape` is not a key"),
            "{}",
            problems[1]
        );
        assert_eq!(
            problems[2],
            "line 4: `keys.up` has no key: an action needs at least one"
        );
        assert!(
            problems[3].starts_with("line 5: `keys.down` must be a key or a list of keys"),
            "{}",
            problems[3]
        );
        assert_eq!(problems[4], "line 6: `keys.next-tab` lists `l` twice");
        // A clash is checked once every entry reads: `q` quits from the lists and closes a
        // popup, where `top` acts too.
        let clash: Vec<String> = parse("[keys]\ntop = \"q\"\nhelp = \"?\"\n")
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            clash,
            [
                "line 2: `keys.top` binds `q` where `quit` has it too (everywhere)",
                "line 2: `keys.top` binds `q` where `popup-back` has it too (popups)"
            ]
        );
    }

    #[test]
    fn a_setting_after_the_keys_table_says_where_settings_go() {
        let problems = parse("[keys]\nquit = \"x\"\nlang = \"en\"\n").unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "line 3: `keys.lang` is a setting, not an action: settings go before the `[keys]` \
             table"
        );
    }

    #[test]
    fn keys_is_a_table() {
        let problems = parse("keys = \"q\"\n").unwrap_err();
        assert_eq!(problems[0].key.as_deref(), Some("keys"));
        assert!(
            problems[0].message.contains("must be a table"),
            "{problems:?}"
        );
    }
}
