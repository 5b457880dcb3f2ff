//! BL302 bedrock-granted-to-user: see rules/BL302-bedrock-granted-to-user.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "BL302",
    name: "bedrock-granted-to-user",
    severity: Severity::Warning,
    group: "credentials",
    fix: None,
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
