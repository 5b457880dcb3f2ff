//! BL103 unapproved-region: an invoke grant's ARN region is a wildcard with no
//! `aws:RequestedRegion` condition narrowing it, or names a region outside
//! `approved_regions`. See rules/BL103-unapproved-region.md.

use crate::catalog::wildcard_match;
use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::iam::grants::{arn_parts, is_any_model};
use crate::iam::partial::has_hole;
use crate::iam::policy::Statement;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::model_targets;

pub const META: Meta = Meta {
    code: "BL103",
    name: "unapproved-region",
    severity: Severity::Warning,
    group: "model-scope",
    fix: Some(Applicability::Unsafe),
    frameworks: &["OWASP-NHI5"],
};

/// What the statement's `aws:RequestedRegion` conditions say.
enum Narrowing {
    /// No condition (or only negated ones): the region is open.
    None,
    /// A value is unknown: undecidable, never fire.
    Unknown,
    /// The regions the condition allows.
    Regions(Vec<String>),
}

fn narrowing(st: &Statement) -> Narrowing {
    let mut regions = Vec::new();
    let mut any = false;
    for c in st.conditions_on("aws:RequestedRegion") {
        let op = c.operator.to_ascii_lowercase();
        if op.contains("not") || op.contains("ifexists") || op.starts_with("null") {
            continue;
        }
        if c.values.is_unknown() {
            return Narrowing::Unknown;
        }
        any = true;
        regions.extend(c.values.texts().map(str::to_string));
    }
    if st.conditions.iter().any(|c| {
        (c.key_unknown() && c.key_may_be("aws:RequestedRegion")) || c.values.unknown.is_some()
    }) {
        return Narrowing::Unknown;
    }
    if any {
        Narrowing::Regions(regions)
    } else {
        Narrowing::None
    }
}

fn approved(region: &str, list: &[String]) -> bool {
    list.iter()
        .any(|a| a == region || wildcard_match(a, region))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let approved_regions = ctx.config.approved_regions.as_deref();
    // One condition fix per statement: it covers every resource of the statement.
    let mut fixed: Vec<*const Statement> = Vec::new();
    for t in model_targets(ctx) {
        // BL101 speaks for an any-model string.
        if is_any_model(t.text) {
            continue;
        }
        let narrow = narrowing(t.stmt);
        let Some((region, ..)) = arn_parts(t.text) else {
            continue;
        };
        let wildcard = region.contains(['*', '?']);
        // An unknown region is one specific region, not a wildcard (RULES.md).
        let problem = if has_hole(region) {
            None
        } else if wildcard {
            match &narrow {
                Narrowing::None if region == "*" => Some("in every region".into()),
                Narrowing::None => Some(format!("in every region matching \"{region}\"")),
                Narrowing::Regions(rs) => approved_regions.and_then(|a| {
                    let bad: Vec<&str> = rs
                        .iter()
                        .filter(|r| !approved(r, a))
                        .map(String::as_str)
                        .collect();
                    (!bad.is_empty())
                        .then(|| format!("in {}, outside approved_regions", bad.join(", ")))
                }),
                Narrowing::Unknown => None,
            }
        } else if region.is_empty() || matches!(narrow, Narrowing::Unknown) {
            None
        } else {
            approved_regions
                .filter(|a| !approved(region, a))
                .map(|_| format!("in {region}, outside approved_regions"))
        };
        let Some(problem) = problem else { continue };
        let Some(span) = t.elem.primary() else {
            continue;
        };
        let mut d = Diagnostic::new(
            RuleId::Bl103,
            span,
            format!("{} allowed {problem} (\"{}\")", t.phrase(), t.shown),
        );
        if approved_regions.is_some() {
            d.severity = Severity::Error;
        }
        // The condition fix narrows a wildcard region; it cannot move a resource
        // written in an outside region, so none is offered there.
        let key = t.stmt as *const Statement;
        let fix = if wildcard && matches!(narrow, Narrowing::None) && !fixed.contains(&key) {
            fix(ctx, t.stmt)
        } else {
            None
        };
        if fix.is_some() {
            fixed.push(key);
        }
        out.push(
            d.address(t.policy.address.clone())
                .label(t.elem.via, "used in this policy here")
                .help(help(ctx))
                .fix(fix),
        );
    }
}

fn help(ctx: &Ctx) -> String {
    match &ctx.config.approved_regions {
        Some(r) if !r.is_empty() => format!(
            "name an approved region ({}) in the ARN, or add a condition StringEquals aws:RequestedRegion = [{}]",
            r.join(", "),
            r.iter().map(|x| format!("\"{x}\"")).collect::<Vec<_>>().join(", ")
        ),
        _ => "name the region in the ARN, or add a condition StringEquals aws:RequestedRegion naming the regions the workload uses".into(),
    }
}

/// With `approved_regions` set: add an `aws:RequestedRegion` condition to a
/// statement that has no condition yet, written as a `jsonencode()` object or as
/// JSON text whose span maps exactly.
fn fix(ctx: &Ctx, st: &Statement) -> Option<Fix> {
    let regions = ctx.config.approved_regions.as_ref()?;
    if regions.is_empty() || !st.conditions.is_empty() {
        return None;
    }
    let span = st.span?;
    let text = ctx.model.files.text(span);
    let body = text.strip_prefix('{')?.strip_suffix('}')?;
    let list = regions
        .iter()
        .map(|r| format!("\"{r}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let trimmed = body.trim_end();
    let insert_at = span.start as usize + 1 + trimmed.len();
    let (sep, cond) = if is_json_object(body) {
        (
            if trimmed.ends_with(',') { " " } else { ", " },
            format!("\"Condition\": {{\"StringEquals\": {{\"aws:RequestedRegion\": [{list}]}}}}"),
        )
    } else if is_hcl_object(body) && body.contains('\n') {
        // An HCL object in jsonencode(): one attribute per line, `=` aligned over the
        // attributes around it as `terraform fmt` aligns them.
        let body_start = span.start as usize + 1;
        let group = aligned_group(&body[..trimmed.len()], body_start);
        let indent = group.first().map_or(0, |a| a.indent);
        let width = group
            .iter()
            .map(|a| a.key_len)
            .chain(["Condition".len()])
            .max()
            .unwrap_or(0);
        let mut edits: Vec<Edit> = group
            .iter()
            .filter(|a| a.pad.len() != width - a.key_len + 1)
            .map(|a| Edit {
                span: bedrock_lint_parser::Span::new(span.file, a.pad.start, a.pad.end),
                replacement: " ".repeat(width - a.key_len + 1),
            })
            .collect();
        edits.push(Edit {
            span: bedrock_lint_parser::Span::new(span.file, insert_at, insert_at),
            replacement: format!(
                "\n{}Condition{} = {{ StringEquals = {{ \"aws:RequestedRegion\" = [{list}] }} }}",
                " ".repeat(indent),
                " ".repeat(width - "Condition".len())
            ),
        });
        return Some(Fix {
            applicability: Applicability::Unsafe,
            description: "add an aws:RequestedRegion condition with the approved regions".into(),
            edits,
        });
    } else {
        return None;
    };
    Some(Fix {
        applicability: Applicability::Unsafe,
        description: "add an aws:RequestedRegion condition with the approved regions".into(),
        edits: vec![Edit {
            span: bedrock_lint_parser::Span::new(span.file, insert_at, insert_at),
            replacement: format!("{sep}{cond}"),
        }],
    })
}

/// One `key = value` line of an HCL object: its key's length and the byte range of
/// the blanks between the key and `=` (absolute offsets).
struct Aligned {
    indent: usize,
    key_len: usize,
    pad: std::ops::Range<usize>,
}

/// The last run of one-line attributes of `body` (which starts at byte `base`):
/// `terraform fmt` aligns their `=` signs, and the inserted attribute joins them.
/// A blank line, a comment or a value spanning lines ends the run.
fn aligned_group(body: &str, base: usize) -> Vec<Aligned> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in body.split_inclusive('\n') {
        lines.push((base + at, l.trim_end_matches(['\n', '\r'])));
        at += l.len();
    }
    let mut out = Vec::new();
    for (start, line) in lines.into_iter().rev() {
        let t = line.trim_start();
        if t.is_empty() && out.is_empty() {
            continue;
        }
        let key_len = t
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(t.len());
        let after = &t[key_len..];
        let balanced = |s: &str| {
            let n = |cs: &[char]| s.chars().filter(|c| cs.contains(c)).count();
            n(&['{', '[', '(']) == n(&['}', ']', ')'])
        };
        if key_len == 0 || !after.trim_start().starts_with('=') || !balanced(t) {
            break;
        }
        let indent = line.len() - t.len();
        let pad_len = after.len() - after.trim_start().len();
        let pad_start = start + indent + key_len;
        out.push(Aligned {
            indent,
            key_len,
            pad: pad_start..pad_start + pad_len,
        });
    }
    out.reverse();
    out
}

/// `Effect = "Allow"` style: an HCL object body (keys assigned with `=`).
fn is_hcl_object(body: &str) -> bool {
    body.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("Effect") && t["Effect".len()..].trim_start().starts_with('=')
    })
}

/// `"Effect": "Allow"` style: JSON text.
fn is_json_object(body: &str) -> bool {
    body.split("\"Effect\"")
        .nth(1)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}
