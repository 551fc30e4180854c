//! The command line: what can be typed, and how the options resolve against the environment.
//!
//! Parsing is clap's; the resolution of the script and the language (from the locale) and of
//! colour (from `NO_COLOR` and whether stdout is a terminal) are pure functions so they can be
//! tested without touching the process environment.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::colors::ColorScheme;
use crate::config::{FileSettings, name_of};
use crate::data::{Lang, Script};
use crate::text::AmbiguousWidth;
use crate::text::sanitize;

const MAIN_EXAMPLES: &str = "\
Examples:
  pressdash                          open the dashboard (by default q quits, ? lists the keys)
  pressdash --script hans --lang en  simplified Chinese, English labels
  pressdash --mouse                  also react to the mouse wheel and clicks
  pressdash render --size 80x24      print the dashboard's first screen as text
  pressdash figures --grep 快递      the figures about parcels, as a table
  pressdash figures --format csv     every figure, for a spreadsheet
  pressdash qa --item 3              the third item of the transcript, as text
  pressdash validate my.json         check a dataset before using it with --data
  pressdash completions bash         completion for bash (also zsh, fish, powershell)
  pressdash man | man -l -           this program's manual page

Without --script, the script follows the locale (LC_ALL, LC_MESSAGES, LANG): zh_CN and zh_SG
show simplified characters, anything else the traditional ones of the source. Without --lang,
so does the language: a Chinese locale (zh_*), C, POSIX or none gives Chinese labels, any
other (en_US.UTF-8, fr_FR) English ones.
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

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  pressdash completions bash > ~/.local/share/bash-completion/completions/pressdash
  pressdash completions zsh > ~/.zfunc/_pressdash   (with fpath+=~/.zfunc before compinit)
  pressdash completions fish > ~/.config/fish/completions/pressdash.fish
  pressdash completions powershell >> $PROFILE";

const CONFIG_EXAMPLES: &str = "\
A configuration file holds defaults, named as the options are:

  script = \"hans\"      # hans or hant
  lang = \"en\"          # zh or en
  color = \"auto\"       # auto, always or never
  colors = \"light\"     # default, dark, light, high-contrast or ansi
  mouse = true

  [keys]                # after the settings: actions and their keys
  quit = [\"x\", \"Ctrl-c\"]
  next-tab = \"w\"

`pressdash config --default` lists every action and its default keys.

Precedence: an option wins over the environment (NO_COLOR, TERM=dumb), which wins over the
file, which wins over the locale and the built-in defaults.

Examples:
  pressdash config                     the settings in force and where each came from
  pressdash config --default > ~/.config/pressdash/config.toml
  pressdash config --config my.toml    the same with another file";

#[cfg(feature = "import")]
const IMPORT_EXAMPLES: &str = "\
Reads a Chinese press-conference transcript (UTF-8 text, simplified or traditional) and writes
a dataset for --data: the speakers, the transcript cut into items, and every figure found with
its value, unit, qualifier, period, speaker and source sentence. The dataset is checked with
the same validator as --data before it is written.

--repairs names known damage of the file to undo first; --annotations, what a person decides
(ids, themes, labels, periods, charts, numbers that are not figures), which wins over what
the import finds alone. Formats: data/ANNOTATIONS.md.

Examples:
  pressdash import transcript.txt -o conference.json
  pressdash --data conference.json
  pressdash import transcript.txt --report > /dev/null    what the import was unsure of
  pressdash import transcript.txt --title '某某新闻发布会' --date 2024-03-15 -o out.json
  pressdash import data/raw/000_d46a46a87dc0840e.txt --repairs data/repairs.toml \\
    --annotations data/annotations.toml -o data/dataset.json

Without -o the dataset is printed. Exit status: 0 written; 1 the transcript or an annotation
cannot make a valid dataset (every problem is listed); 2 a file cannot be read or written.";

const MAN_EXAMPLES: &str = "\
Examples:
  pressdash man | man -l -
  pressdash man > ~/.local/share/man/man1/pressdash.1";

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

    /// Language of labels and interface (the transcript is always Chinese). Default: from
    /// the locale.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangChoice>,

    /// When to use colour; a bare --color means always.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        num_args = 0..=1,
        default_missing_value = "always"
    )]
    pub color: Option<ColorChoice>,

    /// Colour scheme; `NO_COLOR`, `TERM=dumb` and --color never turn colour off
    /// whatever it is.
    #[arg(long, global = true, value_enum, value_name = "SCHEME")]
    pub colors: Option<ColorScheme>,

    /// The configuration file. Default: `PRESSDASH_CONFIG`, else
    /// `$XDG_CONFIG_HOME/pressdash/config.toml`, else `~/.config/pressdash/config.toml`.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read no configuration file.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,

    /// Columns the terminal draws East Asian Ambiguous characters in (“ ” … — · ○ ①): 2 when
    /// it is set to draw them wide (a CJK option of the terminal, CJK Windows consoles); the
    /// dashboard then draws its borders and bars in ASCII. Default: 1.
    #[arg(
        long,
        global = true,
        value_name = "1|2",
        value_parser = clap::value_parser!(u8).range(1..=2)
    )]
    pub ambiguous_width: Option<u8>,
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
    /// Print a completion script for a shell.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page, in roff.
    #[command(after_help = MAN_EXAMPLES)]
    Man,
    /// Print the settings in force, each with where it came from.
    #[command(after_help = CONFIG_EXAMPLES)]
    Config(ConfigArgs),
    /// Turn a press-conference transcript into a dataset for --data.
    #[cfg(feature = "import")]
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
}

#[cfg(feature = "import")]
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The transcript: UTF-8 text, one paragraph a line.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Where to write the dataset. Default: stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Known damage of FILE to repair before reading it (data/ANNOTATIONS.md).
    #[arg(long, value_name = "FILE")]
    pub repairs: Option<PathBuf>,

    /// What a person decides, overriding what the import finds (data/ANNOTATIONS.md).
    #[arg(long, value_name = "FILE")]
    pub annotations: Option<PathBuf>,

    /// The keyword table that sorts automatic figures into themes. Default: the built-in
    /// copy of data/themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes: Option<PathBuf>,

    /// The conference's title, when the transcript has no title line.
    #[arg(long, value_name = "T")]
    pub title: Option<String>,

    /// The conference's date, when the transcript gives none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<String>,

    /// Print on stderr what the import was unsure of: figures without a period, labels not
    /// found, numbers excused and why, lines dropped.
    #[arg(long)]
    pub report: bool,
}

/// A `YYYY-MM-DD` date with a real month and day.
#[cfg(feature = "import")]
fn parse_date(text: &str) -> Result<String, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let valid = match parts.as_slice() {
        [year, month, day] => {
            year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && month.len() == 2
                && day.len() == 2
                && month.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
                && day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    };
    if valid {
        Ok(text.to_owned())
    } else {
        Err("expected a date as YYYY-MM-DD, such as 2024-03-15".to_owned())
    }
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print a configuration file of the defaults, every setting explained and commented out.
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Screen size, columns x rows.
    #[arg(long, value_name = "COLSxROWS", default_value = "100x30", value_parser = parse_size)]
    pub size: Size,

    /// Keys to press before printing, e.g. "Tab Down Enter" or "/ 法律 Enter": key names in
    /// any case, Ctrl-x, text in quotes typed as it is ("/ 'Wang' Enter"), other words typed
    /// letter by letter.
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

    /// The table: fit to N columns. Default: the terminal's width, or 120 when not a terminal.
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,

    /// Every statement of a fact said more than once, each with its own source sentence. By
    /// default a fact is listed once, at its first statement, as the dashboard lists it.
    #[arg(long)]
    pub statements: bool,

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
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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

impl From<Script> for ScriptChoice {
    fn from(script: Script) -> Self {
        match script {
            Script::Hans => Self::Hans,
            Script::Hant => Self::Hant,
        }
    }
}

impl From<Lang> for LangChoice {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Zh => Self::Zh,
            Lang::En => Self::En,
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
    /// How the terminal draws ambiguous characters.
    pub ambiguous_width: AmbiguousWidth,
    pub colors: ColorScheme,
    /// Dashboard only: whether to react to the mouse.
    pub mouse: bool,
    /// The keys in force: the key table's, with the file's rebindings.
    pub keys: crate::app::keys::KeyMap,
    /// Each setting's value as the file writes it, and where it came from.
    pub origins: Vec<(&'static str, String, Origin)>,
    /// Each action the file gives keys other than its defaults, its keys as the file writes
    /// them, and where they came from.
    pub key_origins: Vec<(String, String, Origin)>,
    /// Which configuration file was read, for people.
    pub config: String,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The locale variable and its value.
    Locale(String),
    /// The configuration file's line.
    File(usize),
    /// The environment variable and its value.
    Environment(String),
    /// The command line.
    Option,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Default => f.write_str("default"),
            Self::Locale(variable) => write!(f, "locale, {variable}"),
            Self::File(line) => write!(f, "configuration file, line {line}"),
            Self::Environment(variable) => write!(f, "environment, {variable}"),
            Self::Option => f.write_str("command line"),
        }
    }
}

impl Settings {
    /// What the app starts with in these settings; only the dashboard listens to the mouse.
    pub fn app_options(&self, mouse: bool) -> crate::app::Options {
        crate::app::Options {
            script: self.script,
            lang: self.lang,
            color: self.color,
            colors: self.colors,
            mouse,
            keys: self.keys.clone(),
        }
    }
}

impl GlobalOptions {
    /// Resolves the options over the configuration `file`, reading the locale, `NO_COLOR`,
    /// `TERM` and whether stdout is a terminal. `mouse` is the dashboard's `--mouse`.
    pub fn resolve(&self, file: &FileSettings, mouse: bool) -> Settings {
        self.resolve_in(
            file,
            mouse,
            |name| std::env::var(name).ok(),
            io::stdout().is_terminal(),
        )
    }

    /// [`GlobalOptions::resolve`] with the environment given: an option wins over the
    /// environment, which wins over the file, which wins over the locale and the defaults.
    pub fn resolve_in(
        &self,
        file: &FileSettings,
        mouse: bool,
        env: impl Fn(&str) -> Option<String>,
        stdout_is_terminal: bool,
    ) -> Settings {
        let from_file = |key: &str| Origin::File(file.line_of(key).unwrap_or_default());
        let locale = locale_variable(&env);
        let locale_origin = || locale.clone().map_or(Origin::Default, Origin::Locale);
        let (script, script_origin) = match (self.script, file.script) {
            (Some(choice), _) => (choice.into(), Origin::Option),
            (None, Some(choice)) => (choice.into(), from_file("script")),
            (None, None) => (resolve_script(None, &env), locale_origin()),
        };
        let (lang, lang_origin) = match (self.lang, file.lang) {
            (Some(choice), _) => (choice.into(), Origin::Option),
            (None, Some(choice)) => (choice.into(), from_file("lang")),
            (None, None) => (resolve_lang(None, &env), locale_origin()),
        };
        let switched_off = colour_switched_off(&env);
        let (color_choice, color_origin) = match (self.color, switched_off, file.color) {
            (Some(choice), ..) => (choice, Origin::Option),
            (None, Some(variable), _) => (ColorChoice::Never, Origin::Environment(variable)),
            (None, None, Some(choice)) => (choice, from_file("color")),
            (None, None, None) => (ColorChoice::Auto, Origin::Default),
        };
        let color = resolve_color(
            color_choice,
            |name| env(name).map(OsString::from),
            stdout_is_terminal,
        );
        let (colors, colors_origin) = match (self.colors, file.colors) {
            (Some(scheme), _) => (scheme, Origin::Option),
            (None, Some(scheme)) => (scheme, from_file("colors")),
            (None, None) => (ColorScheme::default(), Origin::Default),
        };
        let (mouse, mouse_origin) = match (mouse, file.mouse) {
            (true, _) => (true, Origin::Option),
            (false, Some(on)) => (on, from_file("mouse")),
            (false, None) => (false, Origin::Default),
        };
        let (columns, columns_origin) = match (self.ambiguous_width, file.ambiguous_width) {
            (Some(columns), _) => (columns, Origin::Option),
            (None, Some(columns)) => (columns, from_file("ambiguous-width")),
            (None, None) => (1, Origin::Default),
        };
        let quoted = |name: String| format!("\"{name}\"");
        let origins = vec![
            (
                "script",
                quoted(name_of(&ScriptChoice::from(script))),
                script_origin,
            ),
            (
                "lang",
                quoted(name_of(&LangChoice::from(lang))),
                lang_origin,
            ),
            ("color", quoted(name_of(&color_choice)), color_origin),
            ("colors", quoted(name_of(&colors)), colors_origin),
            ("mouse", mouse.to_string(), mouse_origin),
            ("ambiguous-width", columns.to_string(), columns_origin),
        ];
        // Only the file rebinds keys: an action's line is where the file set it.
        let key_origins = file
            .keys
            .rebound()
            .map(|(name, keys)| {
                let line = file
                    .rebindings
                    .iter()
                    .find(|rebinding| crate::app::keys::row_name(rebinding.row) == name)
                    .map_or(0, |rebinding| rebinding.line);
                (name, crate::config::keys_value(keys), Origin::File(line))
            })
            .collect();
        Settings {
            data: self.data.clone(),
            script,
            lang,
            color,
            colors,
            mouse,
            keys: file.keys.clone(),
            origins,
            key_origins,
            config: String::new(),
            ambiguous_width: if columns == 2 {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            },
        }
    }
}

/// The variable that turns colour off when no option asks for it: a non-empty `NO_COLOR` or
/// `TERM=dumb`, as `NAME=value`.
fn colour_switched_off(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let no_color = env("NO_COLOR").filter(|value| !value.is_empty());
    let dumb = env("TERM").filter(|term| term == "dumb");
    no_color
        .map(|value| format!("NO_COLOR={value}"))
        .or(dumb.map(|term| format!("TERM={term}")))
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
    messages_locale(env).map_or(Script::default(), |locale| script_of_locale(&locale))
}

/// The language of labels and interface: the option when given, else the first set locale
/// variable's language, as for [`resolve_script`].
pub fn resolve_lang(choice: Option<LangChoice>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(choice) = choice {
        return choice.into();
    }
    messages_locale(env).map_or(Lang::default(), |locale| lang_of_locale(&locale))
}

/// The locale messages are shown in: the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`.
fn messages_locale(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    locale_variable(env).map(|variable| {
        let (_, value) = variable.split_once('=').unwrap_or_default();
        value.to_owned()
    })
}

/// [`messages_locale`] as `NAME=value`, to say where a setting came from.
fn locale_variable(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| {
            env(name)
                .filter(|value| !value.is_empty())
                .map(|value| format!("{name}={value}"))
        })
}

/// `zh_TW.UTF-8`, `zh-Hans` → Chinese; `C` and `POSIX`, which name no language, keep the
/// default, Chinese; every other language (`en_US.UTF-8`, `fr_FR`) → English, the one other
/// language the labels are written in.
fn lang_of_locale(locale: &str) -> Lang {
    let language = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match language.as_str() {
        "zh" | "c" | "posix" => Lang::Zh,
        _ => Lang::En,
    }
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
    use crate::config::tests::env_of;

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
        assert_eq!(cli.global.lang, Some(LangChoice::En));
        assert_eq!(cli.global.data, Some(PathBuf::from("x.json")));
        assert_eq!(cli.global.color, Some(ColorChoice::Never));
        assert!(matches!(cli.command, Some(Command::Figures(_))));
    }

    #[test]
    fn bare_color_means_always_and_absent_means_auto() {
        let bare = Cli::try_parse_from(["pressdash", "render", "--color"]).unwrap();
        assert_eq!(bare.global.color, Some(ColorChoice::Always));
        let absent = Cli::try_parse_from(["pressdash", "render"]).unwrap();
        assert_eq!(absent.global.color, None);
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
    fn explicit_language_wins_over_the_locale() {
        let env = env_of(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(resolve_lang(Some(LangChoice::Zh), env), Lang::Zh);
        let env = env_of(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(resolve_lang(Some(LangChoice::En), env), Lang::En);
    }

    #[test]
    fn locale_picks_the_language() {
        let cases = [
            ("zh_CN.UTF-8", Lang::Zh),
            ("zh_TW", Lang::Zh),
            ("zh-Hant-HK", Lang::Zh),
            ("zh", Lang::Zh),
            ("C", Lang::Zh),
            ("C.UTF-8", Lang::Zh),
            ("POSIX", Lang::Zh),
            ("en_US.UTF-8", Lang::En),
            ("en", Lang::En),
            ("fr_FR@euro", Lang::En),
            ("zu_ZA", Lang::En),
        ];
        for (locale, lang) in cases {
            let pairs = [("LANG", locale)];
            assert_eq!(resolve_lang(None, env_of(&pairs)), lang, "{locale}");
        }
    }

    #[test]
    fn the_language_reads_the_locale_variables_in_the_scripts_order() {
        let all = env_of(&[("LC_ALL", "en_GB"), ("LANG", "zh_TW")]);
        assert_eq!(resolve_lang(None, all), Lang::En);
        let messages = env_of(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")]);
        assert_eq!(resolve_lang(None, messages), Lang::Zh);
        assert_eq!(resolve_lang(None, env_of(&[])), Lang::Zh);
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
