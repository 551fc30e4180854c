//! The built binary's commands, its help, and every kind of bad input: exit statuses and
//! messages as a user sees them.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use clap::CommandFactory;
use pressdash::app::{App, Options};
use pressdash::cli::Cli;
use pressdash::data::{Dataset, EMBEDDED_JSON, Lang, Script, load::load_embedded};
use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_pressdash");

/// What a hostile dataset could try: a title change (OSC 0), a clipboard write (OSC 52), a
/// screen clear, an 8-bit CSI (C1) and a right-to-left override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m\u{202e}";

/// [`HOSTILE`] as the terminal outputs show it.
const HOSTILE_SHOWN: &str = "␛]0;pwned␇␛]52;c;cHduZWQ=␇␛[2J\\u{9b}31m\\u{202e}";

/// The title change as shown: what survives when a narrow cell cuts the rest.
const TITLE_CHANGE_SHOWN: &str = "␛]0;pwned␇";

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command
        .args(args)
        // Pinned, so expectations hold whatever the host's locale.
        .env("LC_ALL", "zh_TW.UTF-8")
        .env_remove("NO_COLOR")
        // No configuration file but the ones a test names.
        .env_remove("PRESSDASH_CONFIG")
        .env(
            "XDG_CONFIG_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-config"),
        )
        .stdin(Stdio::null());
    command
}

fn pressdash(args: &[&str]) -> Output {
    command(args).output().expect("run pressdash")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn assert_status(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// A failure for people: one paragraph on stderr naming `what`, nothing on stdout, no panic.
fn assert_failure(output: &Output, code: i32, what: &str, mentions: &str) {
    assert_status(output, code);
    let message = stderr(output);
    assert!(message.contains(what), "should name {what}: {message}");
    assert!(
        message.to_lowercase().contains(&mentions.to_lowercase()),
        "should mention {mentions}: {message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert!(!message.contains("backtrace"), "{message}");
    assert!(stdout(output).is_empty(), "{}", stdout(output));
}

/// A directory of its own for each test, under the target directory.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    fs::write(&path, contents).expect("write a test file");
    path.to_str().expect("UTF-8 path").to_owned()
}

fn embedded_value() -> Value {
    serde_json::from_str(EMBEDDED_JSON).expect("the embedded dataset is JSON")
}

fn dataset() -> Dataset {
    load_embedded().expect("the embedded dataset loads")
}

/// The first headline figure of the first theme: shown on the overview.
fn headline_index(data: &Dataset) -> usize {
    let headline = &data.themes[0].headline[0];
    data.figures
        .iter()
        .position(|figure| &figure.id == headline)
        .expect("the headline figure exists")
}

/// `--help` reads no configuration file, so the keys it names may have been rebound: it says
/// they are the defaults.
#[test]
fn help_names_the_default_keys_as_defaults() {
    let text = stdout(&pressdash(&["--help"]));
    let line = text
        .lines()
        .find(|line| line.contains("open the dashboard"))
        .expect("an example opens the dashboard");
    assert!(
        line.contains("(by default q quits, ? lists the keys)"),
        "{line}"
    );
}

#[test]
fn help_explains_every_command_with_examples() {
    let main = pressdash(&["--help"]);
    assert_status(&main, 0);
    let text = stdout(&main);
    for expected in [
        "render",
        "figures",
        "qa",
        "validate",
        "--data",
        "--script",
        "--lang",
        "--color",
        "--mouse",
        "Examples:",
    ] {
        assert!(
            text.contains(expected),
            "main help lacks {expected}:\n{text}"
        );
    }
    for command in ["render", "figures", "qa", "validate"] {
        let help = pressdash(&[command, "--help"]);
        assert_status(&help, 0);
        let text = stdout(&help);
        assert!(text.contains("Examples:"), "{command} --help:\n{text}");
        assert!(
            text.contains(&format!("pressdash {command}")),
            "{command} --help:\n{text}"
        );
    }
}

#[test]
fn version_names_the_program_and_the_built_in_dataset() {
    let data = dataset();
    for flag in ["--version", "-V"] {
        let output = pressdash(&[flag]);
        assert_status(&output, 0);
        let text = stdout(&output);
        assert!(
            text.starts_with(&format!("pressdash {}\n", env!("CARGO_PKG_VERSION"))),
            "{text}"
        );
        assert!(
            text.contains(&format!("schema version {}", data.schema_version)),
            "{text}"
        );
        assert!(text.contains(&data.meta.event_date), "{text}");
    }
}

#[test]
fn the_bash_completion_script_parses_and_knows_every_command() {
    let output = pressdash(&["completions", "bash"]);
    assert_status(&output, 0);
    let script = write(
        &scratch("bash_completion"),
        "pressdash.bash",
        stdout(&output),
    );
    let checked = Command::new("bash")
        .args(["-n", &script])
        .output()
        .expect("run bash");
    assert!(checked.status.success(), "{}", stderr(&checked));
    let cli = Cli::command();
    for sub in cli.get_subcommands() {
        assert!(
            stdout(&output).contains(sub.get_name()),
            "{}",
            sub.get_name()
        );
    }
}

#[test]
fn completions_exist_for_the_common_shells_and_refuse_others() {
    for shell in ["zsh", "fish", "powershell"] {
        let output = pressdash(&["completions", shell]);
        assert_status(&output, 0);
        let script = stdout(&output);
        assert!(
            script.contains("pressdash") && script.contains("figures"),
            "{shell}: {script}"
        );
    }
    let unknown = pressdash(&["completions", "tcsh"]);
    assert_status(&unknown, 2);
    assert!(stderr(&unknown).contains("bash"), "{}", stderr(&unknown));
}

/// How a long option is written in roff, where `-` is `\-`.
fn roff_option(arg: &clap::Arg) -> Option<String> {
    arg.get_long()
        .map(|long| format!("\\-\\-{}", long.replace('-', "\\-")))
}

#[test]
fn the_man_page_lists_every_command_and_option() {
    let output = pressdash(&["man"]);
    assert_status(&output, 0);
    let page = stdout(&output);
    assert!(page.contains(".TH pressdash 1"), "{page}");
    let cli = Cli::command();
    let mut sections = page.split(".SH \"PRESSDASH ");
    let main = sections
        .next()
        .expect("the page starts with the program's options");
    for option in cli.get_arguments().filter_map(roff_option) {
        assert!(main.contains(&option), "{option} missing from the options");
    }
    let commands: Vec<_> = cli.get_subcommands().collect();
    let sections: Vec<_> = sections.collect();
    assert_eq!(sections.len(), commands.len());
    for (sub, section) in commands.iter().zip(&sections) {
        let heading = format!("{}\"\n", sub.get_name().to_uppercase());
        assert!(section.starts_with(&heading), "{heading} at {section}");
        for option in sub.get_arguments().filter_map(roff_option) {
            assert!(section.contains(&option), "{option} missing from {heading}");
        }
        for value in sub.get_positionals() {
            let name = value
                .get_value_names()
                .into_iter()
                .flatten()
                .next()
                .unwrap();
            assert!(
                section.contains(name.as_str()),
                "{name} missing from {heading}"
            );
        }
    }
}

#[test]
fn unknown_options_are_usage_errors() {
    let output = pressdash(&["figures", "--format", "xml"]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("xml"));
    assert_status(&pressdash(&["--script", "latin"]), 2);
    assert_status(&pressdash(&["qa", "--mouse"]), 2);
}

#[test]
fn the_dashboard_without_a_terminal_points_to_the_text_commands() {
    let output = pressdash(&[]);
    assert_status(&output, 2);
    let message = stderr(&output);
    for command in ["pressdash render", "pressdash figures", "pressdash qa"] {
        assert!(message.contains(command), "{message}");
    }
}

#[test]
fn render_prints_one_line_per_row_within_the_width() {
    let output = pressdash(&["render"]);
    assert_status(&output, 0);
    let frame = stdout(&output);
    assert_eq!(frame.lines().count(), 30);
    assert!(
        frame
            .lines()
            .all(|line| pressdash::text::width(line) <= 100)
    );
    assert!(frame.lines().all(|line| !line.ends_with(' ')));
    assert!(!frame.contains('\u{1b}'), "no styles without --color");
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    assert!(frame.contains(&figure.label.hant), "{frame}");

    let small = stdout(&pressdash(&["render", "--size", "60x20"]));
    assert_eq!(small.lines().count(), 20);
    assert!(small.lines().all(|line| pressdash::text::width(line) <= 60));
}

#[test]
fn render_follows_keys_script_and_language() {
    let overview = stdout(&pressdash(&["render"]));
    let third_tab = stdout(&pressdash(&["render", "--keys", "3"]));
    assert_ne!(overview, third_tab);
    assert_eq!(
        third_tab,
        stdout(&pressdash(&["render", "--keys", "Tab Tab"]))
    );

    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    let simplified = stdout(&pressdash(&["render", "--script", "hans"]));
    assert!(simplified.contains(&figure.label.hans), "{simplified}");
    let english = stdout(&pressdash(&["render", "--lang", "en"]));
    assert!(english.contains(&figure.label.en), "{english}");
}

/// `render` with only the given locale variables set.
fn render_in_locale(locale: &[(&str, &str)], args: &[&str]) -> String {
    let mut command = Command::new(BINARY);
    command.arg("render").arg("--no-config").args(args);
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(variable);
    }
    command.envs(locale.iter().copied());
    String::from_utf8(command.output().expect("run pressdash").stdout).expect("UTF-8")
}

/// Whether a rendered screen has English labels and interface, and no Chinese label.
fn is_english(screen: &str, figure: &pressdash::data::Figure) -> bool {
    screen.contains(&figure.label.en)
        && screen.contains("figures")
        && !screen.contains(&figure.label.hant)
}

#[test]
fn the_language_is_chinese_without_a_locale() {
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    let unset = render_in_locale(&[], &[]);
    assert!(unset.contains(&figure.label.hant), "{unset}");
    assert!(!is_english(&unset, figure), "{unset}");
}

#[test]
fn the_language_follows_the_locale() {
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    let english = render_in_locale(&[("LANG", "en_US.UTF-8")], &[]);
    assert!(is_english(&english, figure), "{english}");
    let chinese = render_in_locale(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")], &[]);
    assert!(chinese.contains(&figure.label.hant), "{chinese}");
    assert!(!is_english(&chinese, figure), "{chinese}");
}

#[test]
fn the_language_option_wins_over_the_locale() {
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    let english = render_in_locale(&[("LANG", "zh_CN.UTF-8")], &["--lang", "en"]);
    assert!(is_english(&english, figure), "{english}");
    let chinese = render_in_locale(&[("LANG", "en_US.UTF-8")], &["--lang", "zh"]);
    assert!(!is_english(&chinese, figure), "{chinese}");
    assert!(chinese.contains(&figure.label.hant), "{chinese}");
}

#[test]
fn the_script_follows_the_locale_unless_given() {
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    assert_ne!(
        figure.label.hans, figure.label.hant,
        "pick a label that differs"
    );
    let simplified = render_in_locale(&[("LANG", "zh_CN.UTF-8")], &[]);
    assert!(simplified.contains(&figure.label.hans), "{simplified}");
    let traditional = render_in_locale(&[("LC_ALL", "zh_HK.UTF-8"), ("LANG", "zh_CN.UTF-8")], &[]);
    assert!(traditional.contains(&figure.label.hant), "{traditional}");
    let unset = render_in_locale(&[], &[]);
    assert!(unset.contains(&figure.label.hant), "{unset}");
    let chosen = render_in_locale(&[("LANG", "zh_CN.UTF-8")], &["--script", "hant"]);
    assert!(chosen.contains(&figure.label.hant), "{chosen}");
}

#[test]
fn render_colour_is_opt_in_and_never_wins_over_no_color() {
    let colored = pressdash(&["render", "--color"]);
    assert_status(&colored, 0);
    assert!(stdout(&colored).contains("\u{1b}["));
    let never = stdout(&pressdash(&["render", "--color", "never"]));
    assert!(!never.contains('\u{1b}'));
}

/// The parameters of every SGR sequence (`ESC [ … m`) in `text`, the sub-parameters of
/// 256-colour and true colour (`38;5;n`, `48;2;r;g;b`) left out.
fn sgr_parameters(text: &str) -> Vec<u16> {
    let mut found = Vec::new();
    for sequence in text.split("\u{1b}[").skip(1) {
        let Some((parameters, _)) = sequence.split_once('m') else {
            continue;
        };
        let mut numbers = parameters.split(';').filter_map(|p| p.parse::<u16>().ok());
        while let Some(number) = numbers.next() {
            found.push(number);
            if number == 38 || number == 48 {
                let skip = if numbers.next() == Some(5) { 1 } else { 3 };
                numbers.by_ref().take(skip).for_each(drop);
            }
        }
    }
    found
}

#[test]
fn the_default_colours_never_draw_text_in_white_grey_or_black() {
    let screens = ["", "2 Down Enter", "3 Down", "t", "?", "L"];
    for keys in screens {
        let output = pressdash(&["render", "--color", "--keys", keys]);
        assert_status(&output, 0);
        let parameters = sgr_parameters(&stdout(&output));
        assert!(
            parameters.iter().any(|p| (31..=36).contains(p)),
            "{keys}: some colour"
        );
        for vanishing in [30, 37, 90, 97, 40, 47, 100, 107] {
            assert!(!parameters.contains(&vanishing), "{keys}: SGR {vanishing}");
        }
    }
}

#[test]
fn a_colour_scheme_is_chosen_with_colors() {
    let dark = stdout(&pressdash(&["render", "--color", "--colors", "dark"]));
    assert!(dark.contains("48;5;234"), "the dark background");
    let light = stdout(&pressdash(&["render", "--color", "--colors", "light"]));
    assert!(light.contains("48;5;231"), "the light background");
    let ansi = sgr_parameters(&stdout(&pressdash(&[
        "render", "--color", "--colors", "ansi",
    ])));
    assert!(
        !ansi.contains(&38) && !ansi.contains(&48),
        "only the named colours"
    );
    let unknown = pressdash(&["render", "--colors", "sepia"]);
    assert_status(&unknown, 2);
    assert!(
        stderr(&unknown).contains("high-contrast"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn no_color_and_a_dumb_terminal_win_over_a_colour_scheme() {
    for (variable, value) in [("NO_COLOR", "1"), ("TERM", "dumb")] {
        let output = command(&["render", "--colors", "high-contrast", "--color", "auto"])
            .env(variable, value)
            .output()
            .expect("run pressdash");
        assert_status(&output, 0);
        assert!(!stdout(&output).contains('\u{1b}'), "{variable}={value}");
    }
    let never = stdout(&pressdash(&[
        "render", "--colors", "dark", "--color", "never",
    ]));
    assert!(!never.contains('\u{1b}'));
}

/// The line `pressdash config` prints for `key`, with the configuration in `file`.
fn setting(file: &str, env: &[(&str, &str)], args: &[&str], key: &str) -> String {
    let mut config = command(&["config"]);
    config
        .env("PRESSDASH_CONFIG", file)
        .args(args)
        .envs(env.iter().copied());
    let output = config.output().expect("run pressdash");
    assert_status(&output, 0);
    let printed = stdout(&output);
    printed
        .lines()
        .find(|line| line.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("no {key} in {printed}"))
        .to_owned()
}

/// A configuration file in a scratch directory.
fn config_file(test: &str, text: &str) -> String {
    write(&scratch(test), "config.toml", text)
}

#[test]
fn settings_without_a_file_are_the_defaults() {
    let output = pressdash(&["config"]);
    assert_status(&output, 0);
    let printed = stdout(&output);
    assert!(
        printed.contains("no-config/pressdash/config.toml (none there)"),
        "{printed}"
    );
    assert!(printed.contains("colors = \"default\""), "{printed}");
    assert!(printed.contains("mouse = false"), "{printed}");
    let none = stdout(&pressdash(&["config", "--no-config"]));
    assert!(none.contains("none (--no-config)"), "{none}");
}

#[test]
fn the_file_sets_defaults_over_the_locale() {
    let file = config_file("file_layer", "# mine\nlang = \"en\"\ncolors = \"light\"\n");
    let lang = setting(&file, &[], &[], "lang");
    assert!(
        lang.contains("\"en\"") && lang.ends_with("configuration file, line 2"),
        "{lang}"
    );
    let colors = setting(&file, &[], &[], "colors");
    assert!(colors.ends_with("configuration file, line 3"), "{colors}");
    // And it is used: English labels, the light background.
    let screen = command(&["render", "--color"])
        .env("PRESSDASH_CONFIG", &file)
        .output()
        .expect("run pressdash");
    assert!(stdout(&screen).contains("48;5;231"), "the light scheme");
    assert!(stdout(&screen).contains("figures"), "English");
    // XDG_CONFIG_HOME finds the same file in its usual place.
    let home = scratch("file_layer_xdg");
    fs::create_dir_all(home.join("pressdash")).unwrap();
    fs::copy(&file, home.join("pressdash/config.toml")).unwrap();
    let xdg = command(&["config"])
        .env("XDG_CONFIG_HOME", &home)
        .output()
        .expect("run pressdash");
    assert!(
        stdout(&xdg).contains("colors = \"light\""),
        "{}",
        stdout(&xdg)
    );
}

#[test]
fn the_environment_wins_over_the_file() {
    let file = config_file("environment_layer", "color = \"always\"\n");
    let color = setting(&file, &[], &[], "color");
    assert!(color.contains("\"always\""), "{color}");
    let color = setting(&file, &[("NO_COLOR", "1")], &[], "color");
    assert!(
        color.contains("\"never\"") && color.ends_with("environment, NO_COLOR=1"),
        "{color}"
    );
    let screen = command(&["render"])
        .env("PRESSDASH_CONFIG", &file)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pressdash");
    assert!(!stdout(&screen).contains('\u{1b}'));
}

#[test]
fn an_option_wins_over_the_file() {
    let file = config_file("option_layer", "colors = \"light\"\nscript = \"hans\"\n");
    let colors = setting(&file, &[], &["--colors", "dark"], "colors");
    assert!(
        colors.contains("\"dark\"") && colors.ends_with("command line"),
        "{colors}"
    );
    let script = setting(&file, &[], &["--script", "hant"], "script");
    assert!(
        script.contains("\"hant\"") && script.ends_with("command line"),
        "{script}"
    );
    let other = config_file("option_layer_other", "colors = \"ansi\"\n");
    let named = setting(&file, &[], &["--config", &other], "colors");
    assert!(
        named.contains("\"ansi\""),
        "--config wins over PRESSDASH_CONFIG: {named}"
    );
}

#[test]
fn an_option_wins_over_the_environment() {
    let file = config_file("option_over_environment", "");
    let color = setting(&file, &[("NO_COLOR", "1")], &["--color", "always"], "color");
    assert!(
        color.contains("\"always\"") && color.ends_with("command line"),
        "{color}"
    );
    let screen = command(&["render", "--color", "always"])
        .env("PRESSDASH_CONFIG", &file)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pressdash");
    assert!(stdout(&screen).contains('\u{1b}'), "--color always colours");
}

#[test]
fn the_file_the_environment_names_wins_over_the_usual_one_and_no_config_ignores_both() {
    let home = scratch("file_choice");
    fs::create_dir_all(home.join("pressdash")).unwrap();
    write(
        &home.join("pressdash"),
        "config.toml",
        "colors = \"light\"\n",
    );
    let named = write(&home, "named.toml", "colors = \"ansi\"\n");
    let colors = |args: &[&str], named_file: Option<&str>| {
        let mut config = command(&["config"]);
        config.args(args).env("XDG_CONFIG_HOME", &home);
        if let Some(file) = named_file {
            config.env("PRESSDASH_CONFIG", file);
        }
        let printed = stdout(&config.output().expect("run pressdash"));
        printed
            .lines()
            .find(|line| line.starts_with("colors = "))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(colors(&[], None).contains("\"light\""), "the usual file");
    assert!(
        colors(&[], Some(&named)).contains("\"ansi\""),
        "PRESSDASH_CONFIG"
    );
    for named_file in [None, Some(named.as_str())] {
        let ignored = colors(&["--no-config"], named_file);
        assert!(
            ignored.contains("\"default\"") && ignored.ends_with("default"),
            "{ignored}"
        );
    }
}

#[test]
fn a_broken_usual_file_stands_in_the_way_of_no_command_that_does_not_read_it() {
    let home = scratch("broken_usual");
    fs::create_dir_all(home.join("pressdash")).unwrap();
    write(&home.join("pressdash"), "config.toml", "lang = \n");
    let run = |args: &[&str]| {
        command(args)
            .env("XDG_CONFIG_HOME", &home)
            .output()
            .expect("run pressdash")
    };
    for args in [
        &["man"][..],
        &["completions", "bash"],
        &["config", "--default"],
    ] {
        assert_status(&run(args), 0);
    }
    assert_failure(&run(&["figures"]), 1, "line 1", "`lang`");
}

#[test]
fn a_configuration_file_that_is_not_utf8_is_refused_with_its_line() {
    let dir = scratch("config_not_utf8");
    let file = write(
        &dir,
        "config.toml",
        b"lang = \"en\"\n\ncolors = \"da\xffrk\"\n",
    );
    let output = pressdash(&["config", "--config", &file]);
    assert_failure(&output, 1, &file, "line 3 is not UTF-8");
}

#[test]
fn the_default_file_is_a_valid_configuration_even_beside_a_broken_one() {
    let broken = config_file("default_config", "lang = \n");
    let output = pressdash(&["config", "--default", "--config", &broken]);
    assert_status(&output, 0);
    let uncommented = stdout(&output)
        .lines()
        .filter(|line| line.starts_with("# ") && line.contains(" = ") || *line == "# [keys]")
        .map(|line| &line[2..])
        .collect::<Vec<_>>()
        .join("\n");
    let file = config_file("default_config_uncommented", &uncommented);
    let settings = stdout(&pressdash(&["config", "--config", &file]));
    assert_eq!(
        settings.matches("configuration file, line").count(),
        pressdash::config::KEYS.len(),
        "every setting from the file: {settings}"
    );
    assert!(
        settings.contains("every action on its default keys"),
        "{settings}"
    );
}

#[test]
fn a_bad_configuration_file_lists_every_problem_and_applies_nothing() {
    let file = config_file(
        "bad_config",
        "lang = \"en\"\ncolours = \"dark\"\nmouse = 1\n",
    );
    let output = command(&["figures"])
        .env("PRESSDASH_CONFIG", &file)
        .output()
        .unwrap();
    assert_failure(&output, 1, &file, "configuration file");
    let message = stderr(&output);
    assert!(
        message.contains("line 2: `colours` is not a setting"),
        "{message}"
    );
    assert!(
        message.contains("line 3: `mouse` must be true or false"),
        "{message}"
    );
    let broken = config_file("broken_config", "lang = \n");
    let output = pressdash(&["config", "--config", &broken]);
    assert_failure(&output, 1, &broken, "line 1");
    let missing = pressdash(&["config", "--config", "/nonexistent/pressdash.toml"]);
    assert_failure(&missing, 2, "/nonexistent/pressdash.toml", "cannot read");
}

#[test]
fn render_refuses_bad_sizes_and_keys() {
    let output = pressdash(&["render", "--size", "100"]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("COLSxROWS"), "{}", stderr(&output));
    assert_status(&pressdash(&["render", "--size", "0x10"]), 2);
    let keys = pressdash(&["render", "--keys", "Tab C-xy"]);
    assert_failure(&keys, 2, "xy", "one character");
    for token in ["Escape", "NoSuchKey"] {
        let keys = pressdash(&["render", "--keys", &format!("2 {token}")]);
        assert_failure(&keys, 2, token, "BackTab Shift-Tab Enter Esc");
    }
}

#[test]
fn render_takes_the_key_names_the_readme_uses_and_types_the_rest() {
    let spelled = |keys: &str| stdout(&pressdash(&["render", "--size", "80x24", "--keys", keys]));
    assert_eq!(spelled("2 Ctrl-d PgDn"), spelled("2 C-d PageDown"));
    assert_ne!(spelled("2 Ctrl-d PgDn"), spelled("2"));
    let filtered = spelled("/ 法律 Enter");
    assert!(filtered.contains("法律"), "{filtered}");
    // Names in any case; a word that is no key name, typed from quotes.
    assert_eq!(spelled("2 ctrl-d pgdn esc"), spelled("2 Ctrl-d PgDn Esc"));
    let english = |keys: &str| {
        stdout(&pressdash(&[
            "render", "--size", "80x24", "--lang", "en", "--keys", keys,
        ]))
    };
    let by_speaker = english("/ 'Wang Lizhong' Enter");
    assert!(by_speaker.contains("text: Wang Lizhong"), "{by_speaker}");
    assert!(!by_speaker.contains("0/118"), "{by_speaker}");
}

#[test]
fn figures_table_aligns_and_fits_120_columns() {
    let output = pressdash(&["figures", "--statements"]);
    assert_status(&output, 0);
    let table = stdout(&output);
    let data = dataset();
    // A header and a row each, and a line more for each line a long label goes on over.
    let continued = table
        .lines()
        .filter(|line| !line.trim_end().contains("  "))
        .count();
    assert_eq!(
        table.lines().count(),
        data.figures.len() + 1 + continued,
        "a header and a row each"
    );
    assert!(
        table
            .lines()
            .all(|line| pressdash::text::width(line) <= 120)
    );
    let header = table.lines().next().unwrap_or_default();
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["指標", "數值", "單位", "限定詞", "時間", "發言人", "原文"]
    );
    // Every row's unit column starts at the same display column as the header's.
    let unit_column = pressdash::text::width(&header[..header.find("單位").unwrap_or(0)]);
    for row in table.lines().skip(1) {
        if pressdash::text::width(row) < unit_column {
            // The rest of a label, alone on its line.
            continue;
        }
        let cut = row
            .char_indices()
            .map(|(at, _)| at)
            .find(|&at| pressdash::text::width(&row[..at]) == unit_column);
        assert!(
            cut.is_some(),
            "no cell boundary at column {unit_column}: {row}"
        );
        assert!(row[..cut.unwrap_or(0)].ends_with("  "), "{row}");
    }
}

#[test]
fn figures_headers_follow_language_and_script() {
    let header = |args: &[&str]| {
        let mut command = vec!["figures"];
        command.extend_from_slice(args);
        let table = stdout(&pressdash(&command));
        table.lines().next().unwrap_or_default().to_owned()
    };
    let english = header(&["--lang", "en"]);
    assert_eq!(
        english.split_whitespace().collect::<Vec<_>>(),
        [
            "Figure",
            "Value",
            "Unit",
            "Qualifier",
            "Period",
            "Speaker",
            "Source"
        ]
    );
    assert!(header(&["--script", "hans"]).starts_with("指标"));
    let markdown = stdout(&pressdash(&["figures", "--format", "md", "--lang", "en"]));
    assert!(
        markdown.starts_with("| Figure | Value | Unit | Qualifier | Period | Speaker | Source |\n"),
        "{markdown}"
    );
}

#[test]
fn figures_mark_damaged_values() {
    let data = dataset();
    let damaged = data
        .figures
        .iter()
        .find(|figure| figure.damaged.is_some())
        .expect("the source damaged a figure");
    let surviving = damaged
        .damaged
        .as_ref()
        .map(|damage| damage.surviving.as_str())
        .unwrap_or_default();
    let table = stdout(&pressdash(&["figures", "--format", "md"]));
    let marked = format!("| {surviving} (原文損壞) |");
    assert!(table.contains(&marked), "no {marked} in:\n{table}");
}

#[test]
fn figures_csv_and_json_keep_every_figure_exactly() {
    let data = dataset();
    let json = pressdash(&["figures", "--statements", "--format", "json"]);
    assert_status(&json, 0);
    let records: Vec<Value> = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(records.len(), data.figures.len());
    for (record, figure) in records.iter().zip(&data.figures) {
        assert_eq!(record["id"], figure.id.as_str());
        assert_eq!(record["label"], figure.label.hant.as_str());
        assert_eq!(record["value"].as_f64(), figure.value);
        assert_eq!(record["sentence"], figure.source.sentence.hant.as_str());
    }

    let csv = stdout(&pressdash(&[
        "figures",
        "--statements",
        "--format",
        "csv",
        "--lang",
        "en",
    ]));
    assert!(
        csv.starts_with("id,theme,label,value,unit,qualifier,period,speaker,sentence,damaged\r\n")
    );
    let first = &data.figures[0];
    assert!(csv.contains(&first.label.en), "{csv}");
}

#[test]
fn figures_grep_matches_both_scripts_and_english() {
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    for query in [
        &figure.label.hans,
        &figure.label.hant,
        &figure.label.en.to_uppercase(),
    ] {
        let output = pressdash(&[
            "figures",
            "--statements",
            "--grep",
            query,
            "--format",
            "json",
        ]);
        let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("valid JSON");
        assert!(
            records
                .iter()
                .any(|record| record["id"] == figure.id.as_str()),
            "--grep {query} should find {}",
            figure.id
        );
    }
    let none = pressdash(&["figures", "--grep", "絕不會出現的字串", "--format", "json"]);
    assert_eq!(stdout(&none).trim(), "[]");
}

#[test]
fn figures_theme_filters_and_unknown_themes_list_the_valid_ids() {
    let data = dataset();
    // The command lists a theme's figures as its tab and the overview count them: a fact said
    // twice once; with --statements, every statement of the theme.
    let options = Options::plain(Script::Hans, Lang::En);
    let app = App::new(data.clone(), options);
    let listed = |args: &[&str]| {
        let output = pressdash(args);
        assert_status(&output, 0);
        let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("valid JSON");
        records.len()
    };
    for (tab, theme) in data.themes.iter().enumerate() {
        let facts = listed(&["figures", "--theme", &theme.id, "--format", "json"]);
        assert_eq!(facts, app.topic_counts(tab).0, "{}", theme.id);
        let statements = data
            .figures
            .iter()
            .filter(|f| f.in_theme(&theme.id))
            .count();
        let every = [
            "figures",
            "--statements",
            "--theme",
            &theme.id,
            "--format",
            "json",
        ];
        assert_eq!(listed(&every), statements, "{}", theme.id);
        assert!(facts > 0 && facts <= statements);
    }
    assert_eq!(
        listed(&["figures", "--format", "json"]),
        app.figures_shown().1,
        "every fact once"
    );

    let unknown = pressdash(&["figures", "--theme", "no-such-theme"]);
    assert_failure(&unknown, 2, "no-such-theme", "valid theme ids");
    for theme in &data.themes {
        assert!(stderr(&unknown).contains(&theme.id), "{}", stderr(&unknown));
    }
}

#[test]
fn qa_prints_the_transcript_within_the_width() {
    let output = pressdash(&["qa", "--width", "50"]);
    assert_status(&output, 0);
    let text = stdout(&output);
    assert!(text.lines().count() > 10, "{text}");
    assert!(text.lines().all(|line| pressdash::text::width(line) <= 50));
    let data = dataset();
    let first_words: String = data.segments[0].paragraphs[0]
        .text
        .hant
        .chars()
        .take(4)
        .collect();
    assert!(text.contains(&first_words), "{text}");

    let one = stdout(&pressdash(&["qa", "--width", "50", "--item", "2"]));
    assert!(!one.is_empty() && one.lines().count() < text.lines().count());
}

/// Columns a terminal that draws East Asian Ambiguous characters wide gives `line`.
fn width_on_a_wide_ambiguous_terminal(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width_cjk(line)
}

#[test]
fn qa_fits_terminals_that_draw_ambiguous_characters_wide() {
    for script in ["hans", "hant"] {
        for width in ["12", "31", "80"] {
            let args = ["qa", "--script", script, "--width", width];
            let columns: usize = width.parse().expect("a number");
            let narrow = stdout(&pressdash(&args));
            let wide_output = pressdash(&[&args[..], &["--ambiguous-width", "2"]].concat());
            assert_status(&wide_output, 0);
            let wide = stdout(&wide_output);
            for line in wide.lines() {
                assert!(
                    width_on_a_wide_ambiguous_terminal(line) <= columns,
                    "{line:?} at {width}"
                );
            }
            // the same text, only broken elsewhere, and the default overflows such terminals
            let words = |text: &str| text.split_whitespace().collect::<String>();
            assert_eq!(words(&wide), words(&narrow));
            assert!(
                narrow
                    .lines()
                    .any(|line| width_on_a_wide_ambiguous_terminal(line) > columns),
                "{script} at {width}"
            );
        }
    }
}

#[test]
fn figures_table_fits_terminals_that_draw_ambiguous_characters_wide() {
    for script in ["hans", "hant"] {
        let output = pressdash(&["figures", "--script", script, "--ambiguous-width", "2"]);
        assert_status(&output, 0);
        let table = stdout(&output);
        assert!(table.lines().count() > 100, "{table}");
        for line in table.lines() {
            assert!(width_on_a_wide_ambiguous_terminal(line) <= 120, "{line:?}");
        }
    }
}

/// The dashboard's frame on a terminal that draws ambiguous characters wide: every row fits
/// it, with plain ASCII borders and bars, and the same text as the usual frame.
#[test]
fn render_lines_up_where_ambiguous_characters_are_wide() {
    for (script, lang, keys) in [
        ("hant", "zh", ""),
        ("hans", "zh", "2 j Enter"),
        ("hans", "en", "3"),
        ("hant", "en", "?"),
        ("hans", "zh", "0"),
    ] {
        let args = [
            "render", "--size", "120x36", "--script", script, "--lang", lang, "--keys", keys,
        ];
        let wide_output = pressdash(&[&args[..], &["--ambiguous-width", "2"]].concat());
        assert_status(&wide_output, 0);
        let wide = stdout(&wide_output);
        assert_eq!(wide.lines().count(), 36, "{wide}");
        for line in wide.lines() {
            assert!(
                width_on_a_wide_ambiguous_terminal(line) <= 120,
                "{keys:?}: {line:?}"
            );
        }
        assert!(!wide.contains(['─', '│', '╭', '█']), "{wide}");
        // The usual frame draws box drawing, which such a terminal widens past the edge.
        let narrow = stdout(&pressdash(&args));
        assert!(
            narrow
                .lines()
                .any(|line| width_on_a_wide_ambiguous_terminal(line) > 120),
            "{keys:?}"
        );
    }
    assert_status(&pressdash(&["render", "--ambiguous-width", "3"]), 2);
}

#[test]
fn qa_refuses_impossible_widths_and_items() {
    assert_failure(&pressdash(&["qa", "--width", "1"]), 2, "width", "--width");
    assert_failure(&pressdash(&["qa", "--item", "9999"]), 2, "9999", "--item");
}

#[test]
fn validate_accepts_the_embedded_dataset() {
    let output = pressdash(&["validate"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("valid"));
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let dir = scratch("validate");
    let mut value = embedded_value();
    value["figures"][0]["theme"] = "no-such-theme".into();
    value["figures"][1]["speaker"] = "nobody".into();
    let file = write(&dir, "broken-refs.json", value.to_string());
    let output = pressdash(&["validate", &file]);
    assert_status(&output, 1);
    let report = stdout(&output);
    assert!(report.contains("figures[0].theme"), "{report}");
    assert!(report.contains("figures[1].speaker"), "{report}");

    assert_failure(
        &pressdash(&["validate", "/no/such/file.json"]),
        2,
        "/no/such/file.json",
        "no such file",
    );
}

#[test]
fn bad_data_files_are_refused_with_one_paragraph() {
    let dir = scratch("bad-data");
    let valid = embedded_value();
    let mut wrong_shape = valid.clone();
    wrong_shape["figures"][0]["value"] = "lots".into();
    let mut newer = valid.clone();
    newer["schema_version"] = 99.into();
    let mut bad_reference = valid.clone();
    bad_reference["figures"][0]["theme"] = "no-such-theme".into();
    let text = valid.to_string();

    // (file, contents, exit status, what the message must mention)
    let cases: Vec<(&str, Vec<u8>, i32, &str)> = vec![
        ("empty.json", Vec::new(), 1, "no JSON"),
        ("latin1.json", b"{\"a\": \"caf\xe9\"}".to_vec(), 1, "UTF-8"),
        (
            "malformed.json",
            b"{\n  \"schema_version\": 1,,\n}".to_vec(),
            1,
            "line 2, column",
        ),
        (
            "truncated.json",
            text.as_bytes()[..text.len() / 2].to_vec(),
            1,
            "cut short",
        ),
        (
            "shape.json",
            wrong_shape.to_string().into_bytes(),
            1,
            "figures[0].value",
        ),
        ("newer.json", newer.to_string().into_bytes(), 1, "99"),
        (
            "reference.json",
            bad_reference.to_string().into_bytes(),
            1,
            "figures[0].theme",
        ),
    ];
    for (name, contents, code, mentions) in cases {
        let file = write(&dir, name, contents);
        for command in [&["figures"][..], &["render"], &["qa"], &[]] {
            let mut args = vec!["--data", file.as_str()];
            args.extend_from_slice(command);
            assert_failure(&pressdash(&args), code, &file, mentions);
        }
    }
}

#[test]
fn unreadable_paths_are_usage_errors() {
    let dir = scratch("unreadable");
    let missing = dir.join("missing.json");
    let missing = missing.to_str().expect("UTF-8 path");
    assert_failure(
        &pressdash(&["--data", missing, "figures"]),
        2,
        missing,
        "no such file",
    );
    let directory = dir.to_str().expect("UTF-8 path");
    assert_failure(
        &pressdash(&["figures", "--data", directory]),
        2,
        directory,
        "directory",
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        use std::os::unix::process::CommandExt;
        let locked = write(&dir, "locked.json", EMBEDDED_JSON);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        let mut locked_out = command(&["figures", "--data", &locked]);
        // A superuser reads any file, so it runs the binary as the unprivileged `nobody`.
        if File::open(&locked).is_ok() {
            locked_out.uid(65534).gid(65534);
        }
        let output = locked_out.output().expect("run pressdash");
        assert_failure(&output, 2, &locked, "permission");
    }
}

#[test]
fn a_huge_file_is_refused_unread() {
    let dir = scratch("huge");
    let path = dir.join("huge.json");
    // Sparse: 50 MB on paper, nothing on disk.
    File::create(&path)
        .and_then(|file| file.set_len(50 * 1024 * 1024))
        .expect("create a sparse file");
    let path = path.to_str().expect("UTF-8 path");
    assert_failure(&pressdash(&["figures", "--data", path]), 1, path, "limit");
}

#[test]
fn a_valid_copy_of_the_dataset_is_accepted() {
    let dir = scratch("copy");
    let file = write(&dir, "copy.json", EMBEDDED_JSON);
    let output = pressdash(&["figures", "--data", &file, "--format", "csv"]);
    assert_status(&output, 0);
    assert_eq!(
        output.stdout,
        pressdash(&["figures", "--format", "csv"]).stdout
    );
}

/// The places a hostile dataset puts [`HOSTILE`] in, the rest of it intact and valid.
struct Hostile {
    file: String,
    figure_id: String,
    label: String,
    speaker_name: String,
}

/// The real dataset with [`HOSTILE`] before the first headline figure's label (both scripts
/// and English), its topic's label and its speaker's name, and after the first paragraph's
/// text, where it moves no figure's span.
fn hostile_dataset(dir: &Path) -> Hostile {
    let data = dataset();
    let figure = &data.figures[headline_index(&data)];
    let theme = data
        .themes
        .iter()
        .position(|theme| theme.id == figure.theme)
        .expect("the figure's theme exists");
    let speaker = data
        .speakers
        .iter()
        .position(|speaker| speaker.id == figure.speaker)
        .expect("the figure's speaker exists");
    let mut value = embedded_value();
    let labels = [
        &format!("/figures/{}/label", headline_index(&data)),
        &format!("/themes/{theme}/label"),
        &format!("/speakers/{speaker}/name"),
    ];
    for pointer in labels {
        let label = value.pointer_mut(pointer).expect("the label exists");
        for key in ["hans", "hant", "en"] {
            let text = label[key].as_str().expect("a label is text");
            label[key] = format!("{HOSTILE}{text}").into();
        }
    }
    let paragraph = &mut value["segments"][0]["paragraphs"][0]["text"];
    for key in ["hans", "hant"] {
        let text = paragraph[key].as_str().expect("a paragraph is text");
        paragraph[key] = format!("{text}{HOSTILE}").into();
    }
    Hostile {
        file: write(dir, "hostile.json", value.to_string()),
        figure_id: figure.id.clone(),
        label: format!("{HOSTILE}{}", figure.label.hant),
        speaker_name: format!("{HOSTILE}{}", data.speakers[speaker].name.hant),
    }
}

/// `text` holds nothing a terminal would act on: no C0 control but the line break, no DEL, no
/// C1 control, no bidi control.
fn assert_harmless(what: &str, text: &str) {
    let acting = text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    if let Some((at, c)) = acting {
        let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
        let line = text[line_start..].lines().next().unwrap_or_default();
        panic!("{what} lets {c:?} through, in the line {line:?}");
    }
}

/// `text` without the SGR sequences (`ESC [ 0;1;36 m`) that `--color` styles with.
fn without_styles(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                .len();
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            // Not a style: kept, for the caller to find.
            plain.push_str("\u{1b}[");
            rest = after;
        }
    }
    plain.push_str(rest);
    plain
}

/// Parses RFC 4180 CSV strictly: a quote only opens a field or closes it (doubled inside),
/// records end with CRLF, and control characters occur only inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                assert!(
                    matches!(chars.peek(), None | Some(',' | '\r')),
                    "text after a closing quote in {text:?}"
                );
            }
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote inside a bare field: {field:?}");
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(!c.is_control(), "a bare control {c:?} after {field:?}");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "the CSV ends inside a record"
    );
    records
}

#[test]
fn csv_parsing_follows_rfc_4180() {
    assert_eq!(
        parse_csv("a,\"b,\"\"c\"\"\r\nd\",\r\n"),
        [vec![
            "a".to_owned(),
            "b,\"c\"\r\nd".to_owned(),
            String::new()
        ]]
    );
}

#[test]
fn styles_are_stripped_but_other_escapes_kept() {
    assert_eq!(without_styles("\u{1b}[0;1;36mab\u{1b}[0m"), "ab");
    assert_eq!(without_styles("a\u{1b}[2Jb"), "a\u{1b}[2Jb");
}

/// A data file may hold escape sequences: it is used, and every output to a terminal shows
/// them as visible text, while CSV and JSON keep them exactly.
#[test]
fn escape_sequences_in_a_data_file_are_shown_harmlessly_or_kept_exactly() {
    let dir = scratch("hostile");
    let hostile = hostile_dataset(&dir);
    let run = |command: &[&str]| {
        let mut args = vec!["--data", hostile.file.as_str()];
        args.extend_from_slice(command);
        let output = pressdash(&args);
        assert_status(&output, 0);
        assert!(output.stderr.is_empty(), "{}", stderr(&output));
        stdout(&output)
    };

    let markdown_shown = HOSTILE_SHOWN
        .replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]");
    // (command, what it must show); a table cell is cut to fit, and Markdown escapes its syntax.
    let shown = [
        (&["render"][..], HOSTILE_SHOWN),
        (&["render", "--color"], HOSTILE_SHOWN),
        (
            &["figures", "--statements", "--format", "table"],
            TITLE_CHANGE_SHOWN,
        ),
        (
            &["figures", "--statements", "--format", "md"],
            &markdown_shown,
        ),
        (
            &["figures", "--statements", "--format", "md", "--lang", "en"],
            &markdown_shown,
        ),
        (&["qa", "--width", "200"], HOSTILE_SHOWN),
    ];
    for (command, expected) in shown {
        let mut output = run(command);
        if command.contains(&"--color") {
            output = without_styles(&output);
        }
        assert_harmless(&format!("{command:?}"), &output);
        assert!(
            output.contains(expected),
            "{command:?} does not show {expected}:\n{output}"
        );
    }

    let csv = run(&["figures", "--statements", "--format", "csv"]);
    assert!(
        csv.contains(&format!(",\"{}\",", hostile.label)),
        "the label is not a quoted field"
    );
    let records = parse_csv(&csv);
    assert!(records.iter().all(|record| record.len() == 10));
    let record = records
        .iter()
        .find(|record| record[0] == hostile.figure_id)
        .expect("the hostile figure is listed");
    assert_eq!(record[2], hostile.label);
    assert_eq!(record[7], hostile.speaker_name);

    let json = run(&["figures", "--statements", "--format", "json"]);
    assert_harmless("figures --format json", &json);
    let escaped =
        r#""label": "\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e"#;
    assert!(json.contains(escaped), "no {escaped} in the JSON");
    let records: Vec<Value> = serde_json::from_str(&json).expect("valid JSON");
    let record = records
        .iter()
        .find(|record| record["id"] == hostile.figure_id.as_str())
        .expect("the hostile figure is listed");
    assert_eq!(record["label"], hostile.label.as_str());
    assert_eq!(record["speaker"], hostile.speaker_name.as_str());
}

#[test]
fn validate_warns_of_control_characters_but_accepts_them() {
    let dir = scratch("hostile-validate");
    let hostile = hostile_dataset(&dir);
    let output = pressdash(&["validate", &hostile.file]);
    assert_status(&output, 0);
    let report = stdout(&output);
    assert_harmless("validate", &report);
    let lines: Vec<&str> = report.lines().collect();
    assert!(lines[0].ends_with("valid, with 11 warnings:"), "{report}");
    let data = dataset();
    let warning = format!(
        "  warning: figures[{}].label.hant: contains the control character U+001B at char 0",
        headline_index(&data)
    );
    assert!(
        lines.iter().any(|line| line.starts_with(&warning)),
        "{report}"
    );
    assert!(
        lines[1..]
            .iter()
            .all(|line| line.starts_with("  warning: ")),
        "{report}"
    );

    // An error still fails, and is told apart from the warnings.
    let mut broken: Value = serde_json::from_str(
        &fs::read_to_string(&hostile.file).expect("the hostile file reads back"),
    )
    .expect("it is JSON");
    broken["figures"][0]["theme"] = "no-such-theme".into();
    let file = write(&dir, "hostile-broken.json", broken.to_string());
    let output = pressdash(&["validate", &file]);
    assert_status(&output, 1);
    let report = stdout(&output);
    assert!(report.contains(": 1 error, 11 warnings:"), "{report}");
    assert!(report.contains("\n  figures[0].theme: "), "{report}");
    let refused = pressdash(&["--data", &file, "figures"]);
    assert_failure(&refused, 1, &file, "1 problem");
    assert!(
        !stderr(&refused).contains("warning"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    for args in [
        &["figures"][..],
        &["figures", "--format", "json"],
        &["render"],
        &["qa"],
        &["validate"],
        &["--help"],
    ] {
        let mut child = Command::new(BINARY)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start pressdash");
        // Closed before the program writes a byte: its first write meets a closed pipe.
        drop(child.stdout.take());
        let mut errors = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut errors)
            .expect("read stderr");
        let status = child.wait().expect("wait for pressdash");
        assert!(status.success(), "{args:?}: {status:?}");
        assert!(errors.is_empty(), "{args:?} printed: {errors}");
    }
}

#[test]
fn reading_only_the_first_line_ends_quietly() {
    let mut child = Command::new(BINARY)
        .args(["figures"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pressdash");
    let mut first = [0; 64];
    let read = child
        .stdout
        .as_mut()
        .expect("stdout")
        .read(&mut first)
        .expect("read");
    assert!(read > 0);
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for pressdash");
    assert!(output.status.success(), "{:?}", output.status);
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

/// The embedded dataset with the headline figure's label, in every language, replaced by
/// `label`, written to `dir`.
fn relabelled_dataset(dir: &Path, label: &str) -> String {
    let mut value = embedded_value();
    let pointer = format!("/figures/{}/label", headline_index(&dataset()));
    let labels = value.pointer_mut(&pointer).expect("the label exists");
    for key in ["hans", "hant", "en"] {
        labels[key] = label.into();
    }
    write(dir, "relabelled.json", value.to_string())
}

/// A label a spreadsheet would run: guarded by default, kept as it is when asked.
#[test]
fn csv_guards_cells_a_spreadsheet_would_run_unless_asked_not_to() {
    let dir = scratch("formula");
    let formula = "=HYPERLINK(\"http://example.com\",\"click\")";
    let file = relabelled_dataset(&dir, formula);
    let label_of = |extra: &[&str]| {
        let mut args = vec![
            "--data",
            file.as_str(),
            "figures",
            "--statements",
            "--format",
            "csv",
        ];
        args.extend_from_slice(extra);
        let output = pressdash(&args);
        assert_status(&output, 0);
        let records = parse_csv(&stdout(&output));
        let id = &dataset().figures[headline_index(&dataset())].id;
        let record = records
            .into_iter()
            .find(|record| &record[0] == id)
            .expect("the figure is listed");
        record[2].clone()
    };
    assert_eq!(label_of(&[]), format!("'{formula}"));
    assert_eq!(label_of(&["--no-formula-guard"]), formula);
}

#[test]
fn ids_that_are_not_kebab_case_are_refused() {
    let dir = scratch("kebab");
    let mut value = embedded_value();
    value["themes"][0]["id"] = "=cmd|' /C calc'!A0".into();
    let file = write(&dir, "formula-id.json", value.to_string());
    let output = pressdash(&["--data", &file, "figures", "--format", "csv"]);
    assert_failure(&output, 1, &file, "kebab-case");
    let output = pressdash(&["validate", &file]);
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains("themes[0].id"),
        "{}",
        stdout(&output)
    );
}

/// Help to a full disk, or any output to a stdout closed before the start, is an error with
/// exit status 1, not silently lost.
#[test]
fn output_that_cannot_be_written_is_an_error() {
    for args in [&["--help"][..], &["--version"], &["figures"], &["qa"]] {
        let full = File::create("/dev/full").expect("open /dev/full");
        let output = command(args).stdout(full).output().expect("run pressdash");
        assert_status(&output, 1);
        assert!(
            stderr(&output).contains("Cannot write"),
            "{args:?}: {}",
            stderr(&output)
        );

        let output = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" >&-")
            .arg(BINARY)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run pressdash with stdout closed");
        assert_status(&output, 1);
        assert!(
            stderr(&output).contains("stdout is closed"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // Thrown away on purpose is fine.
    let null = File::create("/dev/null").expect("open /dev/null");
    let output = command(&["figures"]).stdout(null).output().expect("run");
    assert_status(&output, 0);
}

/// Runs pressdash with its address space limited to `limit` bytes, as `ulimit -v` does.
fn pressdash_within(limit: u64, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", limit / 1024))
        .arg(BINARY)
        .args(args)
        .env("LC_ALL", "zh_TW.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("run pressdash")
}

/// A file as large as the limit allows, nearly all of it an array of zeros in a field the
/// format does not have: explaining the refusal must not build the document in memory (it
/// took over half a gigabyte). Refused with its path within three times the file's size.
#[test]
fn a_huge_unknown_field_is_refused_within_three_times_the_file_size() {
    let dir = scratch("zeros");
    let dataset = EMBEDDED_JSON
        .trim_end()
        .strip_suffix('}')
        .expect("an object");
    let max = usize::try_from(pressdash::data::load::MAX_BYTES).expect("fits");
    let zeros = (max - dataset.len() - 32) / 2;
    let mut text = String::with_capacity(max);
    text.push_str(dataset);
    text.push_str(", \"unknown\": [0");
    text.push_str(&",0".repeat(zeros - 1));
    text.push_str("]}");
    assert!(text.len() as u64 <= pressdash::data::load::MAX_BYTES);
    let file = write(&dir, "zeros.json", &text);
    let output = pressdash_within(3 * text.len() as u64, &["validate", &file]);
    assert_failure(&output, 1, &file, "unknown field `unknown`");
}

/// A file as large as the limit allows whose first figure carries millions of one-letter
/// tags: each would cost far more memory than its four bytes of file, so the file is refused
/// for what its values would take before any of them is kept, within three times its size.
#[test]
fn millions_of_tiny_values_are_refused_within_three_times_the_file_size() {
    let dir = scratch("tiny_values");
    let max = usize::try_from(pressdash::data::load::MAX_BYTES).expect("fits");
    let (head, tail) = EMBEDDED_JSON
        .split_once("\"tags\": [")
        .expect("figures have tags");
    let tags = (max - EMBEDDED_JSON.len() - 16) / 4;
    let mut text = String::with_capacity(max);
    text.push_str(head);
    text.push_str("\"tags\": [\"a\"");
    text.push_str(&",\"a\"".repeat(tags - 1));
    text.push_str(tail);
    assert!(text.len() as u64 <= pressdash::data::load::MAX_BYTES);
    let file = write(&dir, "tiny.json", &text);
    let output = pressdash_within(3 * text.len() as u64, &["validate", &file]);
    assert_failure(&output, 1, &file, "could take up to about");
}

/// The terminal's ambiguous width is a property of the terminal, so it belongs in the file:
/// `qa` then wraps for it without the option, and the option still wins.
#[test]
fn the_ambiguous_width_comes_from_the_file_unless_given() {
    let file = config_file("ambiguous_width", "ambiguous-width = 2\n");
    let set = setting(&file, &[], &[], "ambiguous-width");
    assert!(
        set.contains("= 2") && set.ends_with("configuration file, line 1"),
        "{set}"
    );
    let qa = |extra: &[&str]| {
        let mut args = vec!["qa", "--item", "3", "--width", "30"];
        args.extend_from_slice(extra);
        let output = command(&args)
            .env("PRESSDASH_CONFIG", &file)
            .output()
            .expect("run pressdash");
        assert_status(&output, 0);
        stdout(&output)
    };
    let wide = qa(&[]);
    assert_eq!(wide, qa(&["--ambiguous-width", "2"]));
    assert_ne!(wide, qa(&["--ambiguous-width", "1"]));
    let bad = config_file("ambiguous_width_bad", "ambiguous-width = 3\n");
    let output = command(&["config"])
        .env("PRESSDASH_CONFIG", &bad)
        .output()
        .expect("run pressdash");
    assert_failure(&output, 1, &bad, "`ambiguous-width` must be 1 or 2, not 3");
}

/// A fresh, empty directory for a test to run the binary in.
fn empty_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("make a directory");
    dir
}

#[test]
fn render_never_claims_a_copy_it_could_not_send() {
    let output = pressdash(&["render", "--size", "120x36", "--keys", "2 y"]);
    assert_status(&output, 0);
    let frame = stdout(&output);
    assert!(
        frame.contains("引文未複製：沒有可傳送的終端。"),
        "the status line says it was not copied:\n{frame}"
    );
    assert!(!frame.contains("已複製"), "{frame}");
    assert!(
        !frame.contains('\u{1b}'),
        "nothing is sent to a terminal:\n{frame}"
    );
}

#[test]
fn render_exports_what_the_filter_shows_as_figures_writes_it_never_overwriting() {
    let dir = empty_dir("render-export");
    let export = |keys: &str| {
        let output = command(&["render", "--size", "120x36", "--keys", keys])
            .current_dir(&dir)
            .output()
            .expect("run pressdash");
        assert_status(&output, 0);
        stdout(&output)
    };
    let first = export("/ 法律 Enter e");
    let second = export("/ 法律 Enter e");
    let listed = pressdash(&["figures", "--grep", "法律", "--format", "csv"]);
    assert_status(&listed, 0);
    let count = stdout(&listed).lines().count() - 1;
    assert!(
        first.contains(&format!(
            "已匯出 {count} 項數據到 ./pressdash-figures-all.csv。"
        )),
        "{first}"
    );
    assert!(
        second.contains("./pressdash-figures-all-2.csv"),
        "a second export gets a new name:\n{second}"
    );
    for name in ["pressdash-figures-all.csv", "pressdash-figures-all-2.csv"] {
        let written = fs::read(dir.join(name)).expect("the export was written");
        assert_eq!(written, listed.stdout, "{name} is what figures writes");
    }

    let markdown = command(&["--lang", "en", "render", "--keys", "E"])
        .current_dir(&dir)
        .output()
        .expect("run pressdash");
    assert_status(&markdown, 0);
    let table = pressdash(&["--lang", "en", "figures", "--format", "md"]);
    let rows = stdout(&table).lines().count() - 2;
    assert!(
        stdout(&markdown).contains(&format!(
            "Exported {rows} figures to ./pressdash-figures-all.md"
        )),
        "{}",
        stdout(&markdown)
    );
    assert_eq!(
        fs::read(dir.join("pressdash-figures-all.md")).expect("written"),
        table.stdout
    );
}

/// `render` with the configuration file `file`.
fn render_with(file: &str, args: &[&str]) -> Output {
    let mut render = command(&["render", "--size", "100x30", "--lang", "en"]);
    render.env("PRESSDASH_CONFIG", file).args(args);
    render.output().expect("run pressdash")
}

/// The `[keys]` table rebinds what `render --keys` does, what the footer offers and what the
/// help lists; without it the defaults hold.
#[test]
fn a_rebinding_in_the_file_changes_the_keys_the_footer_and_the_help() {
    let file = config_file(
        "keys_rebound",
        "[keys]\nnext-tab = \"w\"\nquit = [\"x\", \"Ctrl-c\"]\ntoggle-topic = \"v\"\n",
    );
    let screen = |file: &str, keys: &str| {
        let output = render_with(file, &["--keys", keys]);
        assert_status(&output, 0);
        stdout(&output)
    };
    let none = config_file("keys_none", "");
    let first_tab = screen(&none, "");
    let second_tab = screen(&none, "Tab");
    assert_ne!(first_tab, second_tab);
    // `w` goes to the next tab, Tab no longer does; the footer aside, the screens are the
    // defaults'.
    let above_footer = |screen: &str| {
        let lines: Vec<&str> = screen.lines().collect();
        lines[..lines.len() - 1].join("\n")
    };
    assert_eq!(above_footer(&screen(&file, "w")), above_footer(&second_tab));
    assert_eq!(screen(&file, "Tab"), screen(&file, ""));
    let footer = |screen: &str| screen.lines().last().unwrap_or_default().to_owned();
    assert!(footer(&first_tab).contains("q quit"), "{first_tab}");
    assert!(footer(&first_tab).contains("Tab tabs"), "{first_tab}");
    let rebound = screen(&file, "");
    assert!(footer(&rebound).contains("x quit"), "{rebound}");
    assert!(footer(&rebound).contains("w tabs"), "{rebound}");
    assert!(!footer(&rebound).contains("q quit"), "{rebound}");
    // The help lists the keys in force (those that act everywhere at its end).
    let help = screen(&file, "? End");
    assert!(
        help.contains("x, Ctrl-c") && help.contains("quit"),
        "{help}"
    );
    assert!(help.contains("│ w ") && help.contains("next tab"), "{help}");
    assert!(!help.contains("Tab, ▸, l"), "{help}");
    assert!(screen(&none, "? End").contains("Tab, ▸, l"));
    // So do the notes that name keys: the topic picker's title, the too-small notice.
    assert!(screen(&file, "t").contains("Topics (v selects, Enter applies)"));
    assert!(screen(&none, "t").contains("Topics (Space selects, Enter applies)"));
    let small = |file: &str| {
        let mut render = command(&["render", "--size", "30x8", "--lang", "en"]);
        render.env("PRESSDASH_CONFIG", file);
        stdout(&render.output().expect("run pressdash"))
    };
    assert!(small(&file).contains("x quits"), "{}", small(&file));
    assert!(small(&none).contains("q quits"), "{}", small(&none));
    // And the Q&A's notes when nothing is left to show.
    let moved = config_file("keys_notes", "[keys]\nback = \"z\"\ntopic-picker = \"T\"\n");
    let empty_qa = screen(&moved, "/ zzzzq Enter 0");
    assert!(empty_qa.contains("Press z to clear it"), "{empty_qa}");
}

#[test]
fn config_shows_the_bindings_that_differ_from_the_defaults_with_their_line() {
    let file = config_file(
        "keys_shown",
        "lang = \"en\"\n[keys]\nquit = [\"x\", \"Ctrl-c\"]\nhelp = [\"?\", \"F1\"]\n",
    );
    let mut config = command(&["config"]);
    config.env("PRESSDASH_CONFIG", &file);
    let output = config.output().expect("run pressdash");
    assert_status(&output, 0);
    let printed = stdout(&output);
    let (_, keys) = printed.split_once("[keys]\n").expect("a keys table");
    assert_eq!(
        keys.lines().collect::<Vec<_>>(),
        ["quit = [\"x\", \"Ctrl-c\"]    # configuration file, line 3"],
        "help is set to its defaults: {printed}"
    );
    let defaults = stdout(&pressdash(&["config"]));
    assert!(
        defaults.contains("# [keys]: every action on its default keys"),
        "{defaults}"
    );
    let default_file = stdout(&pressdash(&["config", "--default"]));
    assert!(default_file.contains("\n# [keys]\n"), "{default_file}");
    assert!(
        default_file.contains("# next-tab = [\"Tab\", \"Right\", \"l\"]"),
        "{default_file}"
    );
}

#[test]
fn a_bad_binding_is_refused_with_its_line_and_nothing_applied() {
    for (text, line, what) in [
        (
            "lang = \"en\"\n[keys]\nqiut = \"x\"\n",
            3,
            "`keys.qiut` is not an action",
        ),
        (
            "[keys]\nhelp = \"Escape\"\n",
            2,
            "`keys.help` `Escape` is not a key",
        ),
        (
            "[keys]\n\nhelp = \"q\"\n",
            3,
            "`keys.help` binds `q` where `quit` has it too",
        ),
        ("[keys]\nquit = []\n", 2, "`keys.quit` has no key"),
        (
            "[keys]\nhelp = \"j\"\n",
            2,
            "`keys.help` binds `j` where `down` has it too",
        ),
    ] {
        let file = config_file("keys_bad", text);
        let output = render_with(&file, &["--keys", "x"]);
        assert_failure(&output, 1, &format!("line {line}: {what}"), "configuration");
    }
}

#[test]
fn a_figures_table_fits_narrow_terminals_in_every_language_and_script() {
    for width in ["60", "80", "100"] {
        for (lang, script) in [("en", "hant"), ("zh", "hant"), ("zh", "hans")] {
            let output = pressdash(&[
                "figures",
                "--statements",
                "--format",
                "table",
                "--width",
                width,
                "--lang",
                lang,
                "--script",
                script,
            ]);
            assert_status(&output, 0);
            let table = stdout(&output);
            let widest = table.lines().map(pressdash::text::width).max();
            assert!(
                widest <= width.parse().ok(),
                "{widest:?} columns at --width {width} --lang {lang}:\n{table}"
            );
        }
    }
}

#[test]
fn a_narrow_figures_table_wraps_labels_and_keeps_values_whole() {
    let output = pressdash(&[
        "figures",
        "--format",
        "table",
        "--width",
        "70",
        "--lang",
        "en",
        "--theme",
        "union-organisation",
    ]);
    assert_status(&output, 0);
    let table = stdout(&output);
    // Every label is there whole, over as many lines as it takes; no label is cut.
    let text: String = table.split_whitespace().collect::<Vec<_>>().join(" ");
    for label in [
        "Provincial unions with industrial workers as part-time vice-chairs",
        "New union members among workers in new forms of employment",
    ] {
        let words: Vec<&str> = label.split(['-', ' ']).collect();
        let mut from = 0;
        for word in words {
            let at = text[from..]
                .find(word)
                .unwrap_or_else(|| panic!("{word} of {label} missing in\n{table}"));
            from += at + word.len();
        }
    }
    for value in ["3.5 million", "300 million", "provincial unions"] {
        assert!(table.contains(value), "{value} whole in\n{table}");
    }
}
