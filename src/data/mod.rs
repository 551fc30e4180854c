//! The dataset: typed model, loading and validation. Knows nothing of the terminal.

pub mod load;
pub mod model;
pub mod number;
pub mod validate;

pub use model::*;

/// The default dataset, made by `pressdash import` and embedded so the binary stands alone.
pub const EMBEDDED_JSON: &str = include_str!("../../data/dataset.json");
