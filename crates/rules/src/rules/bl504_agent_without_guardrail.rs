//! BL504 agent-without-guardrail: with `require_guardrail = true`, a Bedrock agent has
//! no `guardrail_configuration`. See rules/BL504-agent-without-guardrail.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::value::{Kind, Value};
use bedrock_lint_parser::Mode;

pub const META: Meta = Meta {
    code: "BL504",
    name: "agent-without-guardrail",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

/// The agent resources and their guardrail setting. hashicorp/aws 5.100 has no AgentCore
/// resources, so no runtime is listed (docs/decisions.md).
const AGENTS: [(&str, &str); 1] = [("aws_bedrockagent_agent", "guardrail_configuration")];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !ctx.config.require_guardrail {
        return;
    }
    for r in &ctx.model.resources {
        if r.mode != Mode::Managed {
            continue;
        }
        let Some((_, setting)) = AGENTS.iter().find(|(t, _)| *t == r.rtype) else {
            continue;
        };
        if !lacks_guardrail(&r.body, setting) {
            continue;
        }
        out.push(
            Diagnostic::new(
                RuleId::Bl504,
                r.header,
                format!("{} has no {setting}", r.address),
            )
            .address(r.address.clone())
            .help(format!(
                "add a {setting} block with guardrail_identifier and a numbered guardrail_version so every conversation with the agent passes the guardrail"
            )),
        );
    }
}

/// Known to have no guardrail: the setting is absent, null, an empty list, or names
/// none. An unknown body or setting (a `dynamic` block with an unknown `for_each`, a
/// variable without a value) is not known to lack one.
fn lacks_guardrail(body: &Value, setting: &str) -> bool {
    if !matches!(body.kind, Kind::Object(_)) {
        return false;
    }
    match body.get(setting).map(|v| &v.kind) {
        None | Some(Kind::Null) => true,
        Some(Kind::List(items)) => items.iter().all(names_no_guardrail),
        Some(Kind::Object(_)) => body.get(setting).is_some_and(names_no_guardrail),
        _ => false,
    }
}

/// One guardrail entry whose identifier is known to be null or empty.
fn names_no_guardrail(entry: &Value) -> bool {
    match entry.get("guardrail_identifier").map(|v| &v.kind) {
        Some(Kind::Null) => matches!(entry.kind, Kind::Object(_)),
        Some(Kind::String(s)) => s.text().trim().is_empty(),
        // An entry that is not an object (unknown) or has no identifier key yet
        // is treated as a guardrail: never guess.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bedrock_lint_parser::value::Entry;

    fn obj(entries: Vec<(&str, Value)>) -> Value {
        Value::object(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key: k.into(),
                    key_span: None,
                    value: v,
                })
                .collect(),
            None,
        )
    }

    #[test]
    fn guardrail_presence() {
        let g = "guardrail_configuration";
        let lacks = |v: Value| lacks_guardrail(&obj(vec![(g, v)]), g);
        assert!(lacks_guardrail(&obj(vec![]), g));
        assert!(lacks(Value::null(None)));
        assert!(lacks(Value::list(vec![], None)));
        assert!(lacks(Value::list(
            vec![obj(vec![("guardrail_identifier", Value::null(None))])],
            None
        )));
        assert!(!lacks(Value::list(
            vec![obj(vec![(
                "guardrail_identifier",
                Value::string("gr7x2k9q4b1m", None)
            )])],
            None
        )));
        assert!(!lacks(Value::list(
            vec![Value::unknown(
                "dynamic \"guardrail_configuration\" for_each",
                None
            )],
            None
        )));
        assert!(!lacks(Value::unknown("var.guardrails", None)));
        assert!(!lacks_guardrail(&Value::unknown("x", None), g));
    }
}
