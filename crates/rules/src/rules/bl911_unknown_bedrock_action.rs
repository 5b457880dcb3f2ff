//! BL911 unknown-bedrock-action: a Bedrock-prefixed action the catalog does not know.
//! See rules/BL911-unknown-bedrock-action.md.

use crate::catalog::catalog;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PolicyKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL911",
    name: "unknown-bedrock-action",
    severity: Severity::Warning,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let cat = catalog();
    for pol in ctx
        .view
        .policies
        .iter()
        .filter(|p| p.kind == PolicyKind::Identity)
    {
        for st in &pol.doc.statements {
            for field in [st.action.as_ref(), st.not_action.as_deref()]
                .into_iter()
                .flatten()
            {
                for e in &field.items {
                    let Some(text) = e.text() else { continue };
                    if !cat.is_bedrock_prefix(text) || cat.matches_any(text) {
                        continue;
                    }
                    let Some(span) = e.primary() else { continue };
                    out.push(
                        Diagnostic::new(
                            RuleId::Bl911,
                            span,
                            format!("{text} is not a Bedrock IAM action and grants nothing"),
                        )
                        .address(pol.address.clone())
                        .label(e.via, "used in this policy here")
                        .help(suggest(text)),
                    );
                }
            }
        }
    }
}

fn suggest(text: &str) -> String {
    let cat = catalog();
    let api = text.split(':').nth(1).unwrap_or("");
    if let Some(a) = cat
        .not_actions
        .iter()
        .find(|(k, _)| {
            k.split(':')
                .nth(1)
                .is_some_and(|n| n.eq_ignore_ascii_case(api))
        })
        .map(|(_, v)| v)
    {
        return format!("the {api} API is authorised by {a}: use that action");
    }
    // The closest catalog action by edit distance.
    let best = cat
        .actions
        .iter()
        .min_by_key(|a| distance(&a.name.to_ascii_lowercase(), &text.to_ascii_lowercase()));
    match best {
        Some(a) => format!("did you mean {}?", a.name),
        None => "check the action name against the Service Authorization Reference".into(),
    }
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}
