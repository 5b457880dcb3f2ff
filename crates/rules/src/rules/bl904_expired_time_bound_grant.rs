//! BL904 expired-time-bound-grant: a time-bound statement's date has passed, so it
//! grants nothing. See rules/BL904-expired-time-bound-grant.md.

use crate::context::Ctx;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PolicyKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL904",
    name: "expired-time-bound-grant",
    severity: Severity::Note,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut seen = Vec::new();
    for pol in &ctx.view.policies {
        if pol.kind == PolicyKind::AwsManaged {
            continue;
        }
        for st in &pol.doc.statements {
            if !crate::date::expired(st, ctx.today) {
                continue;
            }
            let Some(e) = st
                .conditions
                .iter()
                .filter(|c| c.key.eq_ignore_ascii_case("aws:CurrentTime"))
                .filter(|c| matches!(c.operator.as_str(), "DateLessThan" | "DateLessThanEquals"))
                .flat_map(|c| c.values.items.iter())
                .find(|e| {
                    e.text()
                        .and_then(Date::parse)
                        .is_some_and(|d| d <= ctx.today)
                })
            else {
                continue;
            };
            let Some(span) = e.primary() else { continue };
            if seen.contains(&span) {
                continue;
            }
            seen.push(span);
            let date = e.text().unwrap_or("");
            let what = match pol.kind {
                PolicyKind::Trust => "trust statement",
                _ => "statement",
            };
            let sid = st
                .sid
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    RuleId::Bl904,
                    span,
                    format!(
                        "time-bound {what}{sid} in {} expired on {date} and no longer grants anything",
                        pol.address
                    ),
                )
                .address(pol.address.clone())
                .label(e.via, "used in this policy here")
                .help("remove the expired statement, or extend the date if the exception is still needed"),
            );
        }
    }
}
