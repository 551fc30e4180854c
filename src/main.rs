//! The `pressdash` binary: parses the command line and picks a mode.

use std::process::ExitCode;

use pressdash::cli::{Cli, Command, ConfigArgs};
use pressdash::{commands, terminal};

fn main() -> ExitCode {
    let cli = match Cli::from_args() {
        Ok(cli) => cli,
        Err(error) => return commands::report_command_line(&error),
    };
    // These print what the program is, not what a configuration makes of it: a broken file
    // stands in the way of none of them (and the defaults can replace it).
    let unconfigured = match &cli.command {
        Some(Command::Config(ConfigArgs { default: true })) => {
            Some(commands::config::print_default())
        }
        Some(Command::Man) => Some(commands::manual::man_page()),
        Some(Command::Completions(args)) => Some(commands::manual::completions(args.shell)),
        _ => None,
    };
    if let Some(outcome) = unconfigured {
        return outcome.map_or_else(|failure| failure.report(), |()| ExitCode::SUCCESS);
    }
    let outcome =
        commands::settings(&cli.global, cli.mouse).and_then(|settings| match cli.command {
            Some(command) => commands::run(command, &settings),
            None => commands::load_dataset(settings.data.as_ref())
                .and_then(|dataset| terminal::run(dataset, &settings, settings.mouse))
                .map(|()| ExitCode::SUCCESS),
        });
    outcome.unwrap_or_else(|failure| failure.report())
}
