//! BL301 static-key-for-bedrock: see rules/BL301-static-key-for-bedrock.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL301",
    name: "static-key-for-bedrock",
    severity: Severity::Error,
    group: "credentials",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
