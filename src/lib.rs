//! pressdash: a terminal dashboard of the key figures of a press conference.
//!
//! Layers, each knowing only those above it in this list:
//! - [`data`]: the dataset model, loading and validation (no terminal);
//! - [`text`]: display width, line breaking, truncation, sanitising (no app);
//! - [`app`]: state and actions, pure and testable without a terminal;
//! - [`ui`]: draws the state onto a ratatui buffer, never changes it;
//! - [`terminal`]: the interactive loop on a real terminal, drawing through [`repaint`];
//! - [`effects`]: performs what the app asks of the world (a copy, an export), for the
//!   terminal and `render`;
//! - [`commands`]: the non-interactive commands, built on the same code;
//! - [`import`] (feature `import`): turns a transcript into a dataset; uses [`data`] only.

pub mod app;
pub mod cli;
pub mod colors;
pub mod commands;
pub mod config;
pub mod data;
pub mod effects;
#[cfg(feature = "import")]
pub mod import;
#[cfg(test)]
mod proptest_config;
pub mod repaint;
pub mod terminal;
pub mod text;
pub mod ui;
