//! `pressdash completions SHELL` and `pressdash man`: what shells and `man` need, generated
//! from the same clap definitions that parse the command line, so they cannot drift from it.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;

use crate::cli::Cli;
use crate::commands::{Failure, write_stdout};

const NAME: &str = "pressdash";

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<(), Failure> {
    write_stdout(|out| {
        clap_complete::generate(shell, &mut Cli::command(), NAME, out);
        Ok(())
    })
}

/// Prints the manual page.
pub fn man_page() -> Result<(), Failure> {
    write_stdout(|out| write_man_page(out))
}

/// One page for the whole program: its options, then a section per command with that
/// command's own synopsis and options, then the examples and exit statuses of `--help`.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    let command = Cli::command();
    let page = Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    // The commands of an unbuilt definition do not yet repeat the global options, which the
    // page lists once above.
    for sub in command.get_subcommands() {
        let name = format!("{NAME} {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let sub_page = Man::new(sub.clone().display_name(&name).bin_name(&name));
        let mut sections = Vec::new();
        sub_page.render_synopsis_section(&mut sections)?;
        sub_page.render_description_section(&mut sections)?;
        sub_page.render_options_section(&mut sections)?;
        if sub.get_after_help().is_some() {
            sub_page.render_extra_section(&mut sections)?;
        }
        write_as_subsections(&sections, out)?;
    }
    page.render_extra_section(out)?;
    page.render_version_section(out)
}

/// Writes rendered sections one level down (`.SH` → `.SS`), so that each command's
/// synopsis and options sit under the command's own heading.
fn write_as_subsections(sections: &[u8], out: &mut dyn Write) -> io::Result<()> {
    for line in sections.split_inclusive(|byte| *byte == b'\n') {
        match line.strip_prefix(b".SH ") {
            Some(heading) => {
                out.write_all(b".SS ")?;
                out.write_all(heading)?;
            }
            None => out.write_all(line)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_move_one_level_down_and_nothing_else_changes() {
        let mut out = Vec::new();
        write_as_subsections(
            b".SH OPTIONS\n.TP\n.SH in text\n\\fB\\-\\-size\\fR\n",
            &mut out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            ".SS OPTIONS\n.TP\n.SS in text\n\\fB\\-\\-size\\fR\n"
        );
    }
}
