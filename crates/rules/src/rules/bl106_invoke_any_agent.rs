//! BL106 invoke-any-agent: an Allow grants agent, flow or AgentCore runtime invocation
//! on every agent alias, flow alias or runtime. See rules/BL106-invoke-any-agent.md.

use crate::catalog::{wildcard_match, Action, AgentTarget as Target};
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::{arn_overlap, is_any_model, Granted, StatementGrants};
use crate::iam::policy::{Condition, Statement};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::Span;

pub const META: Meta = Meta {
    code: "BL106",
    name: "invoke-any-agent",
    severity: Severity::Warning,
    group: "model-scope",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            let agents: Vec<&Granted> = g
                .granted
                .iter()
                .filter(|x| x.action.agent_target().is_some() && !narrowed(st, x.action))
                .collect();
            if agents.is_empty() {
                continue;
            }
            if let Some(nr) = &st.not_resource {
                // NotResource grants every alias and runtime but the few it names
                // (and every model: BL101 reports a model-invoke grant there).
                if g.granted.iter().any(|x| x.action.targets_model_resources) {
                    continue;
                }
                if let Some(span) = nr.key_span.or(nr.span).or(st.span) {
                    out.push(
                        diag(span, &agents, "NotResource")
                            .address(pol.address.clone())
                            .help(help(&agents)),
                    );
                }
                continue;
            }
            let Some(res) = &st.resource else { continue };
            for (ri, e) in res.items.iter().enumerate() {
                let (Some(text), Some(shown)) = (e.pattern(), e.shown()) else {
                    continue;
                };
                if bl101_reports(g, ri, text) {
                    continue;
                }
                let on: Vec<&Granted> = agents
                    .iter()
                    .copied()
                    .filter(|x| x.resources.contains(&ri) && every_target(x.action, text))
                    .collect();
                if on.is_empty() {
                    continue;
                }
                let Some(span) = e.primary() else { continue };
                out.push(
                    diag(span, &on, shown)
                        .address(pol.address.clone())
                        .label(e.via, "used in this policy here")
                        .help(help(&on)),
                );
            }
        }
    }
}

/// BL101 speaks for an any-model string that a model-invoke action is granted on
/// (`"*"` with `bedrock:Invoke*`): one string, one finding.
fn bl101_reports(g: &StatementGrants, ri: usize, text: &str) -> bool {
    is_any_model(text)
        && g.granted
            .iter()
            .any(|x| x.action.targets_model_resources && x.resources.contains(&ri))
}

fn diag(span: Span, on: &[&Granted], text: &str) -> Diagnostic {
    Diagnostic::new(
        RuleId::Bl106,
        span,
        format!("{} on every {} (\"{text}\")", actions(on), targets(on)),
    )
}

fn help(on: &[&Granted]) -> &'static str {
    match on.first().and_then(|x| x.action.agent_target()) {
        Some(Target::FlowAlias) => {
            "name the flow aliases this workload calls, e.g. arn:aws:bedrock:us-east-1:111122223333:flow/FLOWID/alias/ALIASID"
        }
        Some(Target::Runtime) => {
            "name the runtimes this workload calls, e.g. arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/RUNTIME-ID"
        }
        Some(Target::InlineAgent) => {
            "add a StringEquals condition on bedrock:InlineAgentName naming the inline agents this workload runs"
        }
        _ => {
            "name the agent aliases this workload calls, e.g. arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENTID/ALIASID"
        }
    }
}

impl Target {
    fn noun(self) -> &'static str {
        match self {
            Target::AgentAlias => "agent alias",
            Target::Runtime => "AgentCore runtime",
            Target::FlowAlias => "flow alias",
            Target::InlineAgent => "inline agent",
        }
    }
}

/// Does `pattern` match every resource of one of the action's resource types, at
/// least within one account (`*`, `…:agent-alias/*`, `…:runtime/*`, `arn:aws:bedrock:*`)?
/// An inline agent is no resource: `*` is the only way to grant it.
fn every_target(action: &Action, pattern: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    action
        .resource_arns
        .iter()
        .any(|t| arn_overlap(pattern, t) && covers_every_id(pattern, t))
}

/// Whether the pattern's resource part matches the template's whatever its ids are.
/// Each `${...}` is filled with characters no ARN is written with, once one long and
/// once two long: only wildcards (`*`, and `?` just once) match both.
fn covers_every_id(pattern: &str, template: &str) -> bool {
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    let Some(t) = template.splitn(6, ':').nth(5) else {
        return false;
    };
    if p.len() < 6 {
        // `arn:aws:bedrock:*`: the trailing `*` spans the rest.
        return p.last().is_some_and(|l| l.ends_with('*'));
    }
    ["\u{1}", "\u{1}\u{1}"]
        .iter()
        .all(|fill| wildcard_match(p[5], &fill_ids(t, fill)))
}

fn fill_ids(template: &str, fill: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        out.push_str(fill);
        rest = rest[i..].find('}').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(rest);
    out
}

/// A condition that names the targets narrows the grant: `bedrock:InlineAgentName`
/// for inline agents, `aws:ResourceTag/…` (attribute-based access) for the others.
/// Negated, `IfExists` and wildcard conditions do not narrow.
fn narrowed(st: &Statement, action: &Action) -> bool {
    let inline = action.agent_target() == Some(Target::InlineAgent);
    st.conditions.iter().any(|c| {
        let key = c.key.to_ascii_lowercase();
        let relevant = if inline {
            key == "bedrock:inlineagentname"
        } else {
            key.starts_with("aws:resourcetag/")
        };
        relevant && names_values(c)
    })
}

fn names_values(c: &Condition) -> bool {
    let op = c.operator.to_ascii_lowercase();
    let positive = (op.contains("stringequals") || op.contains("stringlike"))
        && !op.contains("not")
        && !op.contains("ifexists")
        && !op.starts_with("forallvalues");
    positive
        && !c.values.items.is_empty()
        && c.values.items.iter().all(|e| {
            e.text()
                .is_some_and(|t| !t.is_empty() && !t.contains(['*', '?']))
        })
}

/// `bedrock:InvokeAgent is allowed`, `bedrock:InvokeAgent and bedrock:InvokeFlow are
/// allowed`: most consequential first, never alphabetical.
fn actions(on: &[&Granted]) -> String {
    let mut v: Vec<(Option<Target>, &str)> = on
        .iter()
        .map(|x| (x.action.agent_target(), x.action.name.as_str()))
        .collect();
    v.sort();
    v.dedup();
    let names: Vec<&str> = v.iter().map(|(_, n)| *n).collect();
    match names.len() {
        0 => String::new(),
        1 => format!("{} is allowed", names[0]),
        2 => format!("{} and {} are allowed", names[0], names[1]),
        n => format!(
            "{} and {} more agent invocation actions are allowed",
            names[0],
            n - 1
        ),
    }
}

/// `agent alias`, `agent alias and flow alias`, ...
fn targets(on: &[&Granted]) -> String {
    let mut t: Vec<Target> = on.iter().filter_map(|x| x.action.agent_target()).collect();
    t.sort();
    t.dedup();
    let nouns: Vec<&str> = t.iter().map(|t| t.noun()).collect();
    match nouns.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::catalog;

    fn every(action: &str, pattern: &str) -> bool {
        let a = catalog().action(action).expect("catalog action");
        every_target(a, pattern)
    }

    #[test]
    fn patterns_that_match_every_target() {
        let agent = "bedrock:InvokeAgent";
        let acct = "arn:aws:bedrock:us-east-1:111122223333";
        for p in [
            "*".to_string(),
            "arn:aws:bedrock:*".to_string(),
            format!("{acct}:*"),
            format!("{acct}:agent-alias/*"),
            format!("{acct}:agent-alias/*/*"),
            "arn:aws:bedrock:*:*:agent-alias/*".to_string(),
            "arn:*:bedrock:us-east-1:*:agent-alias/*".to_string(),
        ] {
            assert!(every(agent, &p), "{p}");
        }
        for p in [
            format!("{acct}:agent-alias/AGENT12345/*"),
            format!("{acct}:agent-alias/AGENT12345/ALIAS12345"),
            format!("{acct}:agent-alias/A*/*"),
            format!("{acct}:agent-alias/?/*"),
            format!("{acct}:agent/*"),
            format!("{acct}:flow/*"),
        ] {
            assert!(!every(agent, &p), "{p}");
        }
        assert!(every("bedrock:InvokeFlow", &format!("{acct}:flow/*")));
        assert!(!every(
            "bedrock:InvokeFlow",
            &format!("{acct}:flow/FLOW123456/alias/*")
        ));
        let rt = "arn:aws:bedrock-agentcore:us-east-1:111122223333";
        assert!(every(
            "bedrock-agentcore:InvokeAgentRuntime",
            &format!("{rt}:runtime/*")
        ));
        assert!(!every(
            "bedrock-agentcore:InvokeAgentRuntime",
            &format!("{rt}:runtime/app-AbC123/*")
        ));
        assert!(every("bedrock:InvokeInlineAgent", "*"));
    }

    /// BL106's messages on one policy statement (BL101 and the others not run).
    fn findings(statement: &str) -> Vec<String> {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("bl106-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let tf = format!(
            "resource \"aws_iam_policy\" \"p\" {{\n  policy = jsonencode({{ Version = \"2012-10-17\", Statement = [{statement}] }})\n}}\n"
        );
        std::fs::write(dir.join("main.tf"), tf).expect("write");
        let model = bedrock_lint_parser::build(&bedrock_lint_parser::LoadOptions {
            paths: vec![dir.clone()],
            ..Default::default()
        })
        .expect("build");
        let view = crate::iam::IamView::build(&model);
        let config = crate::Config::default();
        let ctx = Ctx::new(&model, &view, &config, crate::Date::today());
        let mut out = Vec::new();
        check(&ctx, &mut out);
        let _ = std::fs::remove_dir_all(&dir);
        out.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn inline_agents_and_conditions() {
        let inline =
            r#"{ Effect = "Allow", Action = "bedrock:InvokeInlineAgent", Resource = "*" }"#;
        assert_eq!(
            findings(inline),
            vec![r#"bedrock:InvokeInlineAgent is allowed on every inline agent ("*")"#]
        );
        let named = r#"{ Effect = "Allow", Action = "bedrock:InvokeInlineAgent", Resource = "*", Condition = { StringEquals = { "bedrock:InlineAgentName" = "triage" } } }"#;
        assert_eq!(findings(named), Vec::<String>::new());
        let wild = r#"{ Effect = "Allow", Action = "bedrock:InvokeInlineAgent", Resource = "*", Condition = { StringLike = { "bedrock:InlineAgentName" = "tri*" } } }"#;
        assert_eq!(findings(wild).len(), 1);
        let tagged = r#"{ Effect = "Allow", Action = ["bedrock:InvokeAgent", "bedrock:InvokeFlow"], Resource = "*", Condition = { StringEquals = { "aws:ResourceTag/team" = "search" } } }"#;
        assert_eq!(findings(tagged), Vec::<String>::new());
        let both = r#"{ Effect = "Allow", Action = ["bedrock:InvokeFlow", "bedrock:InvokeAgent"], NotResource = "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/*" }"#;
        assert_eq!(
            findings(both),
            vec![
                r#"bedrock:InvokeAgent and bedrock:InvokeFlow are allowed on every agent alias and flow alias ("NotResource")"#
            ]
        );
    }

    #[test]
    fn one_string_one_finding_with_bl101() {
        let mixed = r#"{ Effect = "Allow", Action = ["bedrock:InvokeModel", "bedrock:InvokeAgent"], Resource = "*" }"#;
        assert_eq!(findings(mixed), Vec::<String>::new());
        let not_res = r#"{ Effect = "Allow", Action = ["bedrock:InvokeModel", "bedrock:InvokeAgent"], NotResource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/*" }"#;
        assert_eq!(findings(not_res), Vec::<String>::new());
        // A model ARN list plus every agent alias: only the alias pattern is BL106's.
        let split = r#"{ Effect = "Allow", Action = ["bedrock:InvokeModel", "bedrock:InvokeAgent"], Resource = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "arn:aws:bedrock:us-east-1:111122223333:agent-alias/*"] }"#;
        assert_eq!(
            findings(split),
            vec![
                r#"bedrock:InvokeAgent is allowed on every agent alias ("arn:aws:bedrock:us-east-1:111122223333:agent-alias/*")"#
            ]
        );
    }

    #[test]
    fn fills_every_id() {
        assert_eq!(
            fill_ids("agent-alias/${AgentId}/${AgentAliasId}", "x"),
            "agent-alias/x/x"
        );
        assert_eq!(fill_ids("runtime/${RuntimeId", "x"), "runtime/x");
    }
}
