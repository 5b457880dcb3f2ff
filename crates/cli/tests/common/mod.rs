//! The CLI tests' helpers: the rules crate's shared ones, and running the binary.

#![allow(dead_code, unused_imports)]

#[path = "../../../rules/tests/common/mod.rs"]
mod shared;

pub mod bin;

pub use shared::*;
