//! BL501 invocation-logging-missing: see rules/BL501-invocation-logging-missing.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL501",
    name: "invocation-logging-missing",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
