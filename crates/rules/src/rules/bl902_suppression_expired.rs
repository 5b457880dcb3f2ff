//! BL902 suppression-expired: see rules/BL902-suppression-expired.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;

pub const META: Meta = Meta {
    code: "BL902",
    name: "suppression-expired",
    severity: Severity::Error,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
