//! The configuration file: defaults for the options, named as the options are
//! (`script = "hans"`, `lang = "en"`, `color`, `colors`, `mouse`).
//!
//! Finding the file and checking it are pure: the environment is passed in, and a file's
//! problems are all collected, each with its line and key, before anything is applied.

use std::fmt;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use toml::de::{DeTable, DeValue};

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

/// Reads a configuration file's text: every value, or every problem.
pub fn parse(text: &str) -> Result<FileSettings, Vec<Problem>> {
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let table = DeTable::parse(text).map_err(|error| {
        let line = error.span().map_or(1, |span| line_at(span.start));
        let message = error.message().trim_end().to_owned();
        vec![Problem {
            line,
            key: None,
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
            _ => Err(format!(
                "is not a setting; the settings are {}",
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
    problems.sort_by_key(|problem| problem.line);
    if problems.is_empty() {
        Ok(settings)
    } else {
        Err(problems)
    }
}

/// The keys a file may set, in the order `pressdash config` prints them.
pub const KEYS: [&str; 6] = [
    "script",
    "lang",
    "color",
    "colors",
    "mouse",
    "ambiguous-width",
];

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
                 `colors`, `mouse`, `ambiguous-width`",
                "line 5: `script` must be one of \"hans\", \"hant\", not an integer",
            ]
        );
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let problems = parse("lang = \"en\"\ncolors = \n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2, "{problems:?}");
    }
}
