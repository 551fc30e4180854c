//! The command line: what can be typed, and how the options resolve against the environment.
//!
//! Parsing is clap's; the resolution of the script (from the locale) and of colour (from
//! `NO_COLOR` and whether stdout is a terminal) are pure functions so they can be tested
//! without touching the process environment.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::{Lang, Script};
use crate::text::sanitize;

const MAIN_EXAMPLES: &str = "\
Examples:
  pressdash                          open the dashboard (q quits, ? lists the keys)
  pressdash --script hans --lang en  simplified Chinese, English labels
  pressdash --mouse                  also react to the mouse wheel and clicks
  pressdash render --size 80x24      print the dashboard's first screen as text
  pressdash figures --grep 快递      the figures about parcels, as a table
  pressdash figures --format csv     every figure, for a spreadsheet
  pressdash qa --item 3              the third item of the transcript, as text
  pressdash validate my.json         check a dataset before using it with --data

Without --script, the script follows the locale (LC_ALL, LC_MESSAGES, LANG): zh_CN and zh_SG
show simplified characters, anything else the traditional ones of the source.
Colour is off when NO_COLOR is set or output is not a terminal, unless --color always.

Exit status: 0 success; 1 the data is not acceptable or the output cannot be written; 2 the
command line cannot be carried out (an unknown option or a bad value, a file that cannot be
read, the dashboard without a terminal); 128 + n when signal n ends the dashboard.";

const RENDER_EXAMPLES: &str = "\
KEYS is a space-separated list of key names: Tab BackTab Shift-Tab Enter Esc Up Down Left Right
PageUp PageDown PgUp PgDn Home End Space Backspace F1, Ctrl-x or C-x for Ctrl-x, and any other
word, typed character by character; a word spelled like a key name but none (Escape) is refused.

Examples:
  pressdash render                        the overview at 100x30
  pressdash render --size 60x20 --keys 3  the third tab at 60 columns by 20 rows
  pressdash render --keys '/ 法律 Enter'  filter for 法律
  pressdash render --keys 'Down Enter' --color | less -R";

const FIGURES_EXAMPLES: &str = "\
Examples:
  pressdash figures                          every figure, as a table
  pressdash figures --theme legal-aid        the figures of one theme (repeat for more)
  pressdash figures --grep 工会 --format md  matching figures, as a Markdown table
  pressdash figures --format json | jq '.[0]'

--grep matches a figure's label (simplified, traditional or English) and its source sentence.
Written to a file or a pipe, csv and json keep the dataset's text exactly (json escapes control
characters); on a terminal every format shows control characters as visible symbols. A csv text
cell starting with = + - @ gets a leading ' unless --no-formula-guard; md escapes Markdown and
HTML syntax in text.";

const QA_EXAMPLES: &str = "\
Examples:
  pressdash qa             the whole transcript, wrapped to the terminal (or 80 columns)
  pressdash qa --width 60  wrapped to 60 columns
  pressdash qa --item 2    only the second item (1 is the opening)
  pressdash qa | less";

const VALIDATE_EXAMPLES: &str = "\
Examples:
  pressdash validate          check the embedded dataset
  pressdash validate my.json  check a file before using it with --data

Every problem is listed with its JSON path. Exit status: 0 valid, 1 not, 2 unreadable.";

/// pressdash: the key figures and the Q&A of the ACFTU press conference of 2022-07-29.
#[derive(Debug, Parser)]
#[command(name = "pressdash", version, after_help = MAIN_EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,

    /// Dashboard only: react to the mouse (wheel scrolls, a click picks a tab or a row).
    #[arg(long)]
    pub mouse: bool,

    /// Without a command, the interactive dashboard opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses the program's arguments. Clap's error messages quote what was typed, so an error
    /// is made again from the arguments with their control characters made visible: a file
    /// named with an escape sequence is shown as `␛]0;…`, never run by the terminal.
    pub fn from_args() -> Result<Self, clap::Error> {
        Self::parse_visibly(std::env::args_os().collect::<Vec<_>>())
    }

    /// [`Cli::from_args`] for the given arguments, the program's name first.
    pub fn parse_visibly(
        args: impl IntoIterator<Item = OsString> + Clone,
    ) -> Result<Self, clap::Error> {
        Self::try_parse_from(args.clone()).map_err(|error| {
            if !error.use_stderr() {
                return error;
            }
            let visible = args
                .into_iter()
                .map(|arg| OsString::from(sanitize(&arg.to_string_lossy()).into_owned()));
            Self::try_parse_from(visible).err().unwrap_or(error)
        })
    }
}

/// Options every command and the dashboard accept, before or after the command name.
#[derive(Debug, Args)]
pub struct GlobalOptions {
    /// Another dataset of the same schema, instead of the one built in.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Chinese script: hans (simplified) or hant (traditional). Default: from the locale.
    #[arg(long, global = true, value_enum)]
    pub script: Option<ScriptChoice>,

    /// Language of labels and interface (the transcript is always Chinese).
    #[arg(long, global = true, value_enum, default_value_t = LangChoice::Zh)]
    pub lang: LangChoice,

    /// When to use colour; a bare --color means always.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto,
        num_args = 0..=1,
        default_missing_value = "always"
    )]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the dashboard's screen as text, after replaying keys; no terminal needed.
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// List the figures as a table, CSV, JSON or Markdown.
    #[command(after_help = FIGURES_EXAMPLES)]
    Figures(FiguresArgs),
    /// Print the transcript (questions and answers) as wrapped text.
    #[command(after_help = QA_EXAMPLES)]
    Qa(QaArgs),
    /// Check a dataset and list every problem with its JSON path.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Screen size, columns x rows.
    #[arg(long, value_name = "COLSxROWS", default_value = "100x30", value_parser = parse_size)]
    pub size: Size,

    /// Keys to press before printing, e.g. "Tab Down Enter" or "/ 法律 Enter".
    #[arg(
        long,
        value_name = "KEYS",
        default_value = "",
        hide_default_value = true
    )]
    pub keys: String,
}

#[derive(Debug, Args)]
pub struct FiguresArgs {
    /// Only figures of this theme id (repeatable); an unknown id lists the valid ones.
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,

    /// Only figures whose label or source sentence contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,

    #[arg(long, value_enum, default_value_t = FiguresFormat::Table)]
    pub format: FiguresFormat,

    /// CSV: keep text cells that start with = + - @ as they are. By default such a cell gets
    /// a leading ' so that a spreadsheet shows it instead of running it as a formula.
    #[arg(long)]
    pub no_formula_guard: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FiguresFormat {
    /// Aligned columns, fitted to the terminal width (or 120).
    Table,
    /// RFC 4180 CSV with a header row; text kept exactly.
    Csv,
    /// A JSON array of objects; text kept exactly.
    Json,
    /// A Markdown table.
    Md,
}

#[derive(Debug, Args)]
pub struct QaArgs {
    /// Wrap to N columns. Default: the terminal's width, or 80 when not a terminal.
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,

    /// Only the K-th item of the transcript, counting from 1.
    #[arg(long, value_name = "K")]
    pub item: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The dataset to check. Default: the --data file, or the embedded dataset.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScriptChoice {
    /// Simplified characters.
    Hans,
    /// Traditional characters, as in the source.
    Hant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

impl From<ScriptChoice> for Script {
    fn from(choice: ScriptChoice) -> Self {
        match choice {
            ScriptChoice::Hans => Script::Hans,
            ScriptChoice::Hant => Script::Hant,
        }
    }
}

impl From<LangChoice> for Lang {
    fn from(choice: LangChoice) -> Self {
        match choice {
            LangChoice::Zh => Lang::Zh,
            LangChoice::En => Lang::En,
        }
    }
}

/// The global options resolved against the environment: what every mode runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub data: Option<PathBuf>,
    pub script: Script,
    pub lang: Lang,
    /// Whether to emit colour and styles.
    pub color: bool,
}

impl Settings {
    /// What the app starts with in these settings; only the dashboard listens to the mouse.
    pub fn app_options(&self, mouse: bool) -> crate::app::Options {
        crate::app::Options {
            script: self.script,
            lang: self.lang,
            color: self.color,
            mouse,
        }
    }
}

impl GlobalOptions {
    /// Reads the locale, `NO_COLOR`, `TERM` and whether stdout is a terminal.
    pub fn resolve(&self) -> Settings {
        Settings {
            data: self.data.clone(),
            script: resolve_script(self.script, |name| std::env::var(name).ok()),
            lang: self.lang.into(),
            color: resolve_color(
                self.color,
                |name| std::env::var_os(name),
                io::stdout().is_terminal(),
            ),
        }
    }
}

/// A screen size for `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub cols: u16,
    pub rows: u16,
}

/// The largest side `render` accepts: far beyond any real terminal, small enough that the
/// frame's buffer stays a few megabytes.
pub const MAX_RENDER_SIDE: u16 = 1000;

/// Parses `COLSxROWS` (`100x30`; `X` and `×` work too).
pub fn parse_size(text: &str) -> Result<Size, String> {
    let expected = || format!("`{text}` is not a size: write COLSxROWS, for example 100x30");
    let (cols, rows) = text.split_once(['x', 'X', '×']).ok_or_else(expected)?;
    let side = |part: &str| part.trim().parse::<u16>().map_err(|_| expected());
    let size = Size {
        cols: side(cols)?,
        rows: side(rows)?,
    };
    let range = 1..=MAX_RENDER_SIDE;
    if range.contains(&size.cols) && range.contains(&size.rows) {
        Ok(size)
    } else {
        Err(format!(
            "`{text}` is out of range: columns and rows must each be from 1 to {MAX_RENDER_SIDE}"
        ))
    }
}

/// The script to show: the option when given, else the first set locale variable.
///
/// `env` looks up an environment variable (`std::env::var` in the binary), so tests can pass
/// any environment.
pub fn resolve_script(
    choice: Option<ScriptChoice>,
    env: impl Fn(&str) -> Option<String>,
) -> Script {
    if let Some(choice) = choice {
        return choice.into();
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&env)
        .find(|value| !value.is_empty());
    locale.map_or(Script::default(), |locale| script_of_locale(&locale))
}

/// `zh_CN.UTF-8`, `zh-SG`, `zh_Hans` → simplified; every other locale → traditional, the
/// script of the source.
fn script_of_locale(locale: &str) -> Script {
    // Drop the encoding (`.UTF-8`) and modifier (`@euro`); BCP 47 tags use `-`.
    let name = locale
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('-', "_")
        .to_ascii_lowercase();
    let simplified = ["zh_cn", "zh_sg", "zh_hans"];
    if simplified
        .iter()
        .any(|prefix| name == *prefix || name.starts_with(&format!("{prefix}_")))
    {
        Script::Hans
    } else {
        Script::Hant
    }
}

/// Whether to emit colour: `always` forces it; `never`, a non-empty `NO_COLOR` or `TERM=dumb`
/// turns it off; `auto` follows whether stdout is a terminal. `env` looks up a variable.
pub fn resolve_color(
    choice: ColorChoice,
    env: impl Fn(&str) -> Option<OsString>,
    stdout_is_terminal: bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color_set = env("NO_COLOR").is_some_and(|value| !value.is_empty());
            let dumb = env("TERM").is_some_and(|term| term == "dumb");
            stdout_is_terminal && !no_color_set && !dumb
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_subcommand_means_the_dashboard() {
        let cli = Cli::try_parse_from(["pressdash", "--mouse", "--script", "hans"]).unwrap();
        assert!(cli.command.is_none());
        assert!(cli.mouse);
        assert_eq!(cli.global.script, Some(ScriptChoice::Hans));
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "pressdash",
            "figures",
            "--lang",
            "en",
            "--data",
            "x.json",
            "--color",
            "never",
        ])
        .unwrap();
        assert_eq!(cli.global.lang, LangChoice::En);
        assert_eq!(cli.global.data, Some(PathBuf::from("x.json")));
        assert_eq!(cli.global.color, ColorChoice::Never);
        assert!(matches!(cli.command, Some(Command::Figures(_))));
    }

    #[test]
    fn bare_color_means_always_and_absent_means_auto() {
        let bare = Cli::try_parse_from(["pressdash", "render", "--color"]).unwrap();
        assert_eq!(bare.global.color, ColorChoice::Always);
        let absent = Cli::try_parse_from(["pressdash", "render"]).unwrap();
        assert_eq!(absent.global.color, ColorChoice::Auto);
    }

    #[test]
    fn mouse_is_not_accepted_by_commands() {
        assert!(Cli::try_parse_from(["pressdash", "figures", "--mouse"]).is_err());
    }

    #[test]
    fn figures_themes_repeat() {
        let cli =
            Cli::try_parse_from(["pressdash", "figures", "--theme", "a", "--theme", "b"]).unwrap();
        let Some(Command::Figures(args)) = cli.command else {
            panic!("expected figures");
        };
        assert_eq!(args.themes, ["a", "b"]);
        assert_eq!(args.format, FiguresFormat::Table);
    }

    #[test]
    fn argument_errors_quote_control_characters_visibly() {
        let hostile = "x\u{1b}]0;pwned\u{7}.json";
        for args in [
            vec!["pressdash", hostile],
            vec!["pressdash", "--script", hostile],
            vec!["pressdash", "render", "--size", hostile],
            vec!["pressdash", hostile, "--bogus"],
        ] {
            let error = Cli::parse_visibly(args.iter().map(OsString::from)).unwrap_err();
            let text = error.render().to_string();
            assert!(text.contains("x␛]0;pwned␇.json"), "{text}");
            assert!(!text.contains(['\u{1b}', '\u{7}']), "{text:?}");
        }
        // Help is not an error and is not parsed again.
        let help = Cli::parse_visibly(["pressdash", "--help"].map(OsString::from)).unwrap_err();
        assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp);
    }

    #[test]
    fn sizes_parse_and_refuse_nonsense() {
        assert_eq!(
            parse_size("100x30"),
            Ok(Size {
                cols: 100,
                rows: 30
            })
        );
        assert_eq!(parse_size("60X20"), Ok(Size { cols: 60, rows: 20 }));
        assert_eq!(parse_size("1×1"), Ok(Size { cols: 1, rows: 1 }));
        for bad in [
            "", "100", "x30", "100x", "0x10", "10x0", "-1x5", "1001x10", "axb", "99999x9",
        ] {
            assert!(parse_size(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn explicit_script_wins_over_the_locale() {
        let env = env_of(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(resolve_script(Some(ScriptChoice::Hant), env), Script::Hant);
    }

    #[test]
    fn locale_picks_the_script() {
        let cases = [
            ("zh_CN.UTF-8", Script::Hans),
            ("zh_SG", Script::Hans),
            ("zh-Hans-CN", Script::Hans),
            ("zh_TW.UTF-8", Script::Hant),
            ("zh_HK.Big5HKSCS", Script::Hant),
            ("zh_MO", Script::Hant),
            ("en_US.UTF-8", Script::Hant),
            ("C", Script::Hant),
            ("zh_CNX", Script::Hant),
        ];
        for (locale, script) in cases {
            let pairs = [("LANG", locale)];
            assert_eq!(resolve_script(None, env_of(&pairs)), script, "{locale}");
        }
    }

    #[test]
    fn locale_variables_have_a_precedence_and_empty_ones_are_skipped() {
        let all = env_of(&[
            ("LC_ALL", "zh_CN"),
            ("LC_MESSAGES", "zh_TW"),
            ("LANG", "zh_TW"),
        ]);
        assert_eq!(resolve_script(None, all), Script::Hans);
        let messages = env_of(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_SG"), ("LANG", "zh_TW")]);
        assert_eq!(resolve_script(None, messages), Script::Hans);
        let lang = env_of(&[("LC_MESSAGES", "zh_HK"), ("LANG", "zh_CN")]);
        assert_eq!(resolve_script(None, lang), Script::Hant);
        assert_eq!(resolve_script(None, env_of(&[])), Script::Hant);
    }

    #[test]
    fn colour_resolution() {
        let vars = |pairs: &'static [(&str, &str)]| {
            move |name: &str| env_of(pairs)(name).map(OsString::from)
        };
        let no_color = vars(&[("NO_COLOR", "1")]);
        assert!(resolve_color(ColorChoice::Always, no_color, false));
        assert!(!resolve_color(ColorChoice::Never, vars(&[]), true));
        assert!(resolve_color(ColorChoice::Auto, vars(&[]), true));
        assert!(!resolve_color(ColorChoice::Auto, vars(&[]), false));
        assert!(!resolve_color(ColorChoice::Auto, no_color, true));
        assert!(resolve_color(
            ColorChoice::Auto,
            vars(&[("NO_COLOR", "")]),
            true
        ));
        let dumb = vars(&[("TERM", "dumb")]);
        assert!(!resolve_color(ColorChoice::Auto, dumb, true));
        assert!(resolve_color(ColorChoice::Always, dumb, true));
        assert!(resolve_color(
            ColorChoice::Auto,
            vars(&[("TERM", "xterm")]),
            true
        ));
    }
}
