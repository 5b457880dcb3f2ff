//! BL303 hardcoded-credentials: see rules/BL303-hardcoded-credentials.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL303",
    name: "hardcoded-credentials",
    severity: Severity::Error,
    group: "credentials",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
