//! The embedded action catalogs (rules/data), parsed and indexed once per process.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Invoke,
    Read,
    Build,
    Admin,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Invoke => "invoke",
            Category::Read => "read",
            Category::Build => "build",
            Category::Admin => "admin",
        }
    }
}

#[derive(Debug)]
pub struct Action {
    /// `bedrock:InvokeModel`, as the catalog spells it.
    pub name: String,
    lower: String,
    pub category: Category,
    /// Resource type names it applies to; empty means it needs `*`.
    pub resource_types: Vec<String>,
    pub targets_model_resources: bool,
    /// The ARN templates of `resource_types`, resolved once at load.
    pub resource_arns: Vec<String>,
}

impl Action {
    /// Does a verdict depend on *which* resources of its type the action is granted
    /// on? For model-invoke actions (any model: BL101–BL105) and agent, flow and
    /// runtime invocation (any agent: BL106); not for the other actions, whose rules
    /// only ask whether they are granted at all.
    pub fn scope_matters(&self) -> bool {
        self.targets_model_resources || self.agent_target().is_some()
    }

    /// What an agent, inline agent, flow or AgentCore runtime invocation action is
    /// invoked on (BL106's actions, RULES.md).
    pub fn agent_target(&self) -> Option<AgentTarget> {
        match self.name.as_str() {
            "bedrock:InvokeAgent" => Some(AgentTarget::AgentAlias),
            "bedrock:InvokeInlineAgent" => Some(AgentTarget::InlineAgent),
            "bedrock:InvokeFlow" => Some(AgentTarget::FlowAlias),
            n if n.starts_with("bedrock-agentcore:InvokeAgentRuntime") => {
                Some(AgentTarget::Runtime)
            }
            _ => None,
        }
    }
}

/// The targets of agent invocation actions, in the order of consequence messages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgentTarget {
    AgentAlias,
    Runtime,
    FlowAlias,
    InlineAgent,
}

#[derive(Debug)]
pub struct ResourceType {
    pub name: String,
    pub prefix: String,
    /// `arn:${Partition}:bedrock:${Region}:${Account}:foundation-model/${ResourceId}`
    pub arn: String,
    pub model_type: bool,
}

#[derive(Debug)]
pub struct Sensitive {
    pub name: String,
    lower: String,
    pub category: String,
    /// `always`, or `resource_wildcard` (flag only on `Resource: "*"`).
    pub flag_when: String,
}

#[derive(Debug)]
pub struct ManagedPolicy {
    pub name: String,
    pub arn: String,
    /// The policy document, as JSON text (a slice of the embedded catalog: only the
    /// few policies a configuration attaches are ever parsed).
    pub document: &'static str,
}

#[derive(Debug)]
pub struct Catalog {
    pub actions: Vec<Action>,
    pub resource_types: Vec<ResourceType>,
    pub sensitive: Vec<Sensitive>,
    /// API names that are not IAM actions, to the action that authorises them.
    pub not_actions: HashMap<String, String>,
    pub prefixes: Vec<String>,
    /// Lower-cased action names, sorted, with their index in `actions`.
    sorted: Vec<(String, usize)>,
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();

const ACTIONS_JSON: &str = include_str!("../../../rules/data/bedrock-iam-actions.json");
const SENSITIVE_JSON: &str = include_str!("../../../rules/data/sensitive-iam-actions.json");
const MANAGED_JSON: &str = include_str!("../../../rules/data/bedrock-managed-policies.json");

pub fn catalog() -> &'static Catalog {
    CATALOG.get_or_init(Catalog::load)
}

/// The AWS managed policies, read the first time one is looked up (a million bytes
/// of JSON most runs never need).
fn managed() -> &'static [ManagedPolicy] {
    static MANAGED: OnceLock<Vec<ManagedPolicy>> = OnceLock::new();
    MANAGED.get_or_init(|| {
        // Embedded at build time and checked by tests, like the rest of the catalog.
        let file: RawManagedFile =
            serde_json::from_str(MANAGED_JSON).expect("embedded managed policies");
        file.policies
            .into_iter()
            .map(|p| ManagedPolicy {
                name: p.name,
                arn: p.arn,
                document: p.document.get(),
            })
            .collect()
    })
}

#[derive(Deserialize)]
struct RawActions {
    prefixes: Vec<String>,
    actions: Vec<RawAction>,
    resource_types: Vec<RawResourceType>,
    not_iam_actions: RawNotActions,
}
#[derive(Deserialize)]
struct RawAction {
    action: String,
    category: String,
    #[serde(default)]
    resource_types: Vec<String>,
    #[serde(default)]
    targets_model_resources: bool,
}
#[derive(Deserialize)]
struct RawResourceType {
    name: String,
    service_prefix: String,
    arn: String,
    #[serde(default)]
    model_type: bool,
}
#[derive(Deserialize)]
struct RawNotActions {
    map: HashMap<String, String>,
}
#[derive(Deserialize)]
struct RawSensitiveFile {
    actions: Vec<RawSensitive>,
}
#[derive(Deserialize)]
struct RawSensitive {
    action: String,
    category: String,
    flag_when: String,
}
#[derive(Deserialize)]
struct RawManagedFile {
    #[serde(borrow)]
    policies: Vec<RawManaged<'static>>,
}
#[derive(Deserialize)]
struct RawManaged<'a> {
    name: String,
    arn: String,
    #[serde(borrow)]
    document: &'a serde_json::value::RawValue,
}

impl Catalog {
    fn load() -> Catalog {
        // The data is embedded at build time and checked by tests: a parse failure
        // here is a build defect, not user input.
        let raw: RawActions = serde_json::from_str(ACTIONS_JSON).expect("embedded action catalog");
        let sens: RawSensitiveFile =
            serde_json::from_str(SENSITIVE_JSON).expect("embedded sensitive catalog");
        Catalog {
            actions: raw
                .actions
                .into_iter()
                .map(|a| Action {
                    lower: a.action.to_ascii_lowercase(),
                    category: match a.category.as_str() {
                        "invoke" => Category::Invoke,
                        "read" => Category::Read,
                        "build" => Category::Build,
                        _ => Category::Admin,
                    },
                    name: a.action,
                    resource_types: a.resource_types,
                    targets_model_resources: a.targets_model_resources,
                    resource_arns: vec![],
                })
                .collect(),
            resource_types: raw
                .resource_types
                .into_iter()
                .map(|r| ResourceType {
                    name: r.name,
                    prefix: r.service_prefix,
                    arn: r.arn,
                    model_type: r.model_type,
                })
                .collect(),
            sensitive: sens
                .actions
                .into_iter()
                .map(|s| Sensitive {
                    lower: s.action.to_ascii_lowercase(),
                    name: s.action,
                    category: s.category,
                    flag_when: s.flag_when,
                })
                .collect(),
            not_actions: raw.not_iam_actions.map,
            prefixes: raw.prefixes,
            sorted: Vec::new(),
        }
        .indexed()
    }

    fn indexed(mut self) -> Catalog {
        for i in 0..self.actions.len() {
            let prefix = self.actions[i]
                .name
                .split(':')
                .next()
                .unwrap_or("")
                .to_string();
            let arns: Vec<String> = self.actions[i]
                .resource_types
                .iter()
                .filter_map(|rt| self.resource_type(&prefix, rt).map(|t| t.arn.clone()))
                .collect();
            self.actions[i].resource_arns = arns;
        }
        self.sorted = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.lower.clone(), i))
            .collect();
        self.sorted.sort();
        self
    }

    /// Catalog actions an IAM action pattern matches (case-insensitive `*`/`?`), in
    /// catalog order. Only actions sharing the pattern's literal prefix are tried.
    pub fn expand<'a>(&'a self, pattern: &str) -> std::vec::IntoIter<&'a Action> {
        let p = pattern.to_ascii_lowercase();
        let prefix = &p[..p.find(['*', '?']).unwrap_or(p.len())];
        let from = self.sorted.partition_point(|(l, _)| l.as_str() < prefix);
        let mut hits: Vec<usize> = self.sorted[from..]
            .iter()
            .take_while(|(l, _)| l.starts_with(prefix))
            .filter(|(l, _)| wildcard_match(&p, l))
            .map(|(_, i)| *i)
            .collect();
        hits.sort_unstable();
        hits.into_iter()
            .map(|i| &self.actions[i])
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Does `pattern` match any catalog action? [`Catalog::expand`]`(pattern).next()`
    /// without collecting and ordering the matches.
    pub fn matches_any(&self, pattern: &str) -> bool {
        let p = pattern.to_ascii_lowercase();
        let prefix = &p[..p.find(['*', '?']).unwrap_or(p.len())];
        let from = self.sorted.partition_point(|(l, _)| l.as_str() < prefix);
        self.sorted[from..]
            .iter()
            .take_while(|(l, _)| l.starts_with(prefix))
            .any(|(l, _)| wildcard_match(&p, l))
    }

    pub fn action(&self, name: &str) -> Option<&Action> {
        let l = name.to_ascii_lowercase();
        let i = self
            .sorted
            .binary_search_by(|(x, _)| x.as_str().cmp(&l))
            .ok()?;
        Some(&self.actions[self.sorted[i].1])
    }

    pub fn sensitive_matching<'a>(
        &'a self,
        pattern: &str,
    ) -> impl Iterator<Item = &'a Sensitive> + 'a {
        let p = pattern.to_ascii_lowercase();
        self.sensitive
            .iter()
            .filter(move |s| wildcard_match(&p, &s.lower))
    }

    /// Whether an action name has a Bedrock service prefix.
    pub fn is_bedrock_prefix(&self, action: &str) -> bool {
        // Prefixes are held lower-case; asked for every action of every statement.
        let prefix = action.split(':').next().unwrap_or("");
        self.prefixes.iter().any(|p| p.eq_ignore_ascii_case(prefix))
    }

    pub fn resource_type(&self, prefix: &str, name: &str) -> Option<&ResourceType> {
        self.resource_types
            .iter()
            .find(|r| r.prefix == prefix && r.name == name)
    }

    pub fn managed_policy(&self, arn: &str) -> Option<&'static ManagedPolicy> {
        // Only an AWS managed policy ARN can match: most strings asked about are not
        // one, and need not load that part of the catalog.
        if !arn.contains(":iam::aws:policy/") {
            return None;
        }
        managed().iter().find(|m| m.arn == arn)
    }

    pub fn managed_policy_named(&self, name: &str) -> Option<&'static ManagedPolicy> {
        managed().iter().find(|m| m.name == name)
    }
}

/// Glob match with `*` (any run) and `?` (one character); both sides already cased.
/// Works on bytes (IAM action names are ASCII) without allocating: it runs for every
/// catalog action a pattern could match.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_loads_and_expands() {
        let c = catalog();
        assert_eq!(c.actions.len(), 558);
        let invoke: Vec<_> = c
            .expand("bedrock:InvokeModel*")
            .map(|a| a.name.as_str())
            .collect();
        assert!(invoke.contains(&"bedrock:InvokeModel"));
        assert!(invoke.contains(&"bedrock:InvokeModelWithResponseStream"));
        assert_eq!(c.expand("BEDROCK:*").count(), 262);
        assert!(c
            .managed_policy("arn:aws:iam::aws:policy/AmazonBedrockFullAccess")
            .is_some());
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("a*c", "abbbc"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("a?c", "abbc"));
        assert!(wildcard_match("*", ""));
    }
}
