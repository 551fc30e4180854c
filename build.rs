//! Links the `pressdash` binary at a fixed address on Linux with glibc. A position-independent
//! executable of this size starts by writing some 27,000 of its own addresses into about 550 kB
//! of tables, each 4 kB page of them copied on first write: about 140 page faults and a third
//! of a millisecond before `main`, more than a tenth of the dashboard's time to its first
//! frame. At a fixed address the linker has written them all already. (The shared libraries,
//! the heap and the stack are still placed at random.)

fn main() {
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bin=pressdash=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
