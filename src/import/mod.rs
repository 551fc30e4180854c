//! Importing a press-conference transcript as a dataset (`pressdash import`).
//!
//! The pipeline, one file per step: read a saved page's text ([`html`]), [`repair`] the known damage and strip pinyin, restore the
//! [`punctuation`], convert to simplified ([`script`]), read metadata and speakers
//! ([`source`], [`people`]), cut the transcript into segments ([`transcript`]), find and read
//! the annotated figures ([`figures`]) and every other number ([`automatic`]: [`detect`],
//! [`label`], [`period`], [`themes`]), assemble and [`check`] the [`dataset`], and hold the
//! annotations' words to the editorial rules ([`style`]). What a person decides comes from
//! [`annotations`] and wins over what is found; nothing here knows one transcript.

pub mod annotations;
pub mod automatic;
pub mod check;
pub mod dataset;
pub mod detect;
pub mod error;
pub mod figures;
pub mod html;
pub mod label;
pub mod people;
pub mod period;
pub mod punctuation;
pub mod repair;
pub mod script;
pub mod source;
pub mod style;
pub mod themes;
pub mod transcript;

pub use error::Error;
