//! The `pressdash` binary: parses the command line and picks a mode.

use std::process::ExitCode;

use pressdash::cli::{Cli, Command, ConfigArgs};
use pressdash::{commands, terminal};

fn main() -> ExitCode {
    let cli = match Cli::from_args() {
        Ok(cli) => cli,
        Err(error) => return commands::report_command_line(&error),
    };
    // The defaults need no configuration, so a broken file can be replaced with them.
    if let Some(Command::Config(ConfigArgs { default: true })) = cli.command {
        return commands::config::print_default()
            .map_or_else(|failure| failure.report(), |()| ExitCode::SUCCESS);
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
