//! BL502 invocation-logging-incomplete: see rules/BL502-invocation-logging-incomplete.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL502",
    name: "invocation-logging-incomplete",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
