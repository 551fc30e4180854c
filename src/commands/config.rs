//! `pressdash config`: the settings in force with where each came from, or a configuration
//! file of the defaults, explained from the same clap definitions as `--help`, and the keys
//! of every action from the key table.

use std::fmt::Write as _;

use clap::{CommandFactory, Parser};

use crate::app::keys::{self, KEY_TABLE};
use crate::cli::{Cli, Settings};
use crate::commands::{Failure, write_stdout};
use crate::config::{FileSettings, KEYS, KEYS_TABLE, keys_value};
use crate::text::sanitize;

/// Each setting as the file writes it, and where its value came from.
pub fn print_settings(settings: &Settings) -> Result<(), Failure> {
    write_stdout(|out| {
        writeln!(out, "# configuration file: {}", sanitize(&settings.config))?;
        for (key, value, origin) in &settings.origins {
            let setting = format!("{key} = {value}");
            writeln!(out, "{setting:<26}# {}", sanitize(&origin.to_string()))?;
        }
        if settings.key_origins.is_empty() {
            writeln!(
                out,
                "# [{KEYS_TABLE}]: every action on its default keys \
                 (pressdash config --default lists them)"
            )?;
        } else {
            writeln!(out, "\n[{KEYS_TABLE}]")?;
            for (name, value, origin) in &settings.key_origins {
                let binding = format!("{name} = {}", sanitize(value));
                writeln!(out, "{binding:<26}# {}", sanitize(&origin.to_string()))?;
            }
        }
        Ok(())
    })
}

/// A file of the built-in defaults, each commented out under its option's help and values.
pub fn print_default() -> Result<(), Failure> {
    write_stdout(|out| out.write_all(default_file().as_bytes()))
}

/// The defaults are what the settings resolve to with no option, no file and no environment.
fn default_file() -> String {
    let command = Cli::command();
    let mut options = Cli::try_parse_from(["pressdash"])
        .expect("no arguments parse")
        .global;
    options.no_config = true;
    let defaults = options.resolve_in(&FileSettings::default(), false, |_| None, false);
    let mut text = String::from(
        "# pressdash configuration: $XDG_CONFIG_HOME/pressdash/config.toml, else\n\
         # ~/.config/pressdash/config.toml. Each setting is named as its option; remove the #\n\
         # to set one. An option or NO_COLOR still wins over what is set here.\n",
    );
    for key in KEYS {
        let arg = command
            .get_arguments()
            .find(|arg| arg.get_long() == Some(key))
            .expect("every setting is an option");
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        let _ = write!(text, "\n# {help}.\n");
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|value| value.get_name().to_owned())
            .collect();
        if !values.is_empty() && arg.get_action().takes_values() {
            let _ = writeln!(text, "# One of: {}.", values.join(", "));
        }
        let (_, value, _) = defaults
            .origins
            .iter()
            .find(|(known, ..)| *known == key)
            .expect("every setting is resolved");
        let _ = writeln!(text, "# {key} = {value}");
    }
    text.push_str(
        "\n# Keys of the dashboard: each action with its default keys. A key is named as\n\
         # `render --keys` names it (Enter, Esc, Tab, Shift-Tab, PgDn, Ctrl-d, F1) or is one\n\
         # character; a list gives an action several keys. Within one context (the help's\n\
         # headings) a key may have one action only.\n",
    );
    let _ = writeln!(text, "# [{KEYS_TABLE}]");
    for (row, name) in keys::rebindable_rows() {
        let help = KEY_TABLE[row].help.en;
        let binding = format!("{name} = {}", keys_value(KEY_TABLE[row].keys));
        let _ = writeln!(text, "# {binding:<36} # {help}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_sets_every_setting_to_its_default_once_uncommented() {
        let text = default_file();
        let uncommented = text
            .lines()
            .filter_map(|line| line.strip_prefix("# "))
            .filter(|line| {
                KEYS.iter()
                    .any(|key| line.starts_with(&format!("{key} = ")))
            })
            .collect::<Vec<_>>()
            .join("\n");
        let settings = crate::config::parse(&uncommented).expect("a valid file");
        assert_eq!(settings.lines.len(), KEYS.len(), "{text}");
        assert_eq!(settings.colors, Some(crate::colors::ColorScheme::Default));
        assert_eq!(settings.mouse, Some(false));
        assert!(
            text.contains("# One of: default, dark, light, high-contrast, ansi."),
            "{text}"
        );
    }

    #[test]
    fn the_default_file_lists_every_action_on_its_default_keys() {
        let text = default_file();
        let (_, keys_part) = text.split_once("# [keys]\n").expect("a keys table");
        let uncommented = std::iter::once("[keys]")
            .chain(keys_part.lines().filter_map(|line| line.strip_prefix("# ")))
            .collect::<Vec<_>>()
            .join("\n");
        let settings = crate::config::parse(&uncommented).expect("a valid file");
        assert_eq!(settings.rebindings.len(), keys::rebindable_rows().count());
        assert_eq!(settings.keys, crate::app::keys::KeyMap::default());
        assert!(text.contains("# quit = [\"q\", \"Ctrl-c\"]"), "{text}");
    }
}
