//! How every property test of the project runs: from one fixed seed, so that `cargo test` and
//! CI are repeatable, with a case count per test that fits a loaded 2-core machine.
//! `PROPTEST_RNG_SEED` and `PROPTEST_CASES` override both to explore (`.ci/explore`).
//! Integration tests include this file by path, so there is one definition.

use proptest::test_runner::{Config, FileFailurePersistence, RngSeed};

/// The date of the conference: any fixed value would do.
const SEED: u64 = 20_220_729;

/// A configuration running `cases` cases from the project's fixed seed. Shrunk failures are
/// kept beside the test's source (`filter.rs` → `filter.proptest-regressions`), committed
/// with the fix, and run first.
pub fn proptest_config(cases: u32) -> Config {
    Config {
        rng_seed: RngSeed::Fixed(SEED),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::with_cases(cases)
    }
}
