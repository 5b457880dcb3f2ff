//! BL901 suppression-without-expiry: see rules/BL901-suppression-without-expiry.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;

pub const META: Meta = Meta {
    code: "BL901",
    name: "suppression-without-expiry",
    severity: Severity::Warning,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
