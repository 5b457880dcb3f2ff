//! BL903 unused-suppression: see rules/BL903-unused-suppression.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;

pub const META: Meta = Meta {
    code: "BL903",
    name: "unused-suppression",
    severity: Severity::Warning,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
