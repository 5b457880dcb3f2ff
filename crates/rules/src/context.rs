//! What a rule's check receives: the model, the IAM view, the resolved config and
//! today's date, with per-principal grants computed once.

use crate::catalog::Category;
use crate::config::Config;
use crate::date::Date;
use crate::iam::boundary;
use crate::iam::effective::{has_category, principal_grants_with, PrincipalGrant};
use crate::iam::grants::{sensitive_grants, statement_grants, SensitiveGrant, StatementGrants};
use crate::iam::policy::PolicyDoc;
use crate::iam::policy::Statement;
use crate::iam::trust::{web_identities_in, WebIdentity};
use crate::iam::Boundary;
use crate::iam::IamView;
use crate::iam::{Policy, PolicyKind};
use bedrock_lint_parser::{Model, Resource};
use rayon::prelude::*;
use std::sync::OnceLock;

pub struct Ctx<'a> {
    pub model: &'a Model,
    pub view: &'a IamView,
    pub config: &'a Config,
    pub today: Date,
    grants: Vec<OnceLock<Vec<PrincipalGrant<'a>>>>,
    sensitive: Vec<OnceLock<Vec<SensitiveGrant<'a>>>>,
    reached_by: OnceLock<Vec<Vec<usize>>>,
    boundaries: Vec<OnceLock<Option<boundary::Allowed>>>,
    deploying: OnceLock<Vec<String>>,
    statements: OnceLock<Vec<PolicyStatements<'a>>>,
}

/// An identity policy's statements still in force, each with its grants expanded once.
pub type PolicyStatements<'a> = (&'a Policy, Vec<(&'a Statement, StatementGrants)>);

impl<'a> Ctx<'a> {
    pub fn new(model: &'a Model, view: &'a IamView, config: &'a Config, today: Date) -> Self {
        Ctx {
            model,
            view,
            config,
            today,
            grants: (0..view.principals.len())
                .map(|_| OnceLock::new())
                .collect(),
            sensitive: (0..view.principals.len())
                .map(|_| OnceLock::new())
                .collect(),
            statements: OnceLock::new(),
            reached_by: OnceLock::new(),
            boundaries: (0..view.principals.len())
                .map(|_| OnceLock::new())
                .collect(),
            deploying: OnceLock::new(),
        }
    }

    /// The effective grants of principal `i` (see RULES.md "Principal").
    pub fn grants(&self, i: usize) -> &[PrincipalGrant<'a>] {
        self.grants[i].get_or_init(|| {
            let statements = self.identity_statements();
            principal_grants_with(self.view, &self.view.principals[i], self.today, |id| {
                let at = statements.binary_search_by_key(&id, |(p, _)| p.id).ok()?;
                Some(statements[at].1.as_slice())
            })
        })
    }

    /// Computes the caches most rules start from, in parallel: the first rule to ask
    /// would otherwise compute them one principal at a time while the others wait.
    pub fn prepare(&self) {
        self.identity_statements();
        (0..self.view.principals.len())
            .into_par_iter()
            .for_each(|i| {
                self.grants(i);
            });
    }

    /// Every statement of every identity policy (not AWS managed ones: they have no
    /// place in the user's files), less time-bound ones past their date, with grants.
    pub fn identity_statements(&self) -> &[PolicyStatements<'a>] {
        self.statements.get_or_init(|| {
            self.view
                .policies
                .par_iter()
                .filter(|p| p.kind == PolicyKind::Identity)
                .map(|p| {
                    let sts = p
                        .doc
                        .statements
                        .iter()
                        .filter(|st| !crate::date::expired(st, self.today))
                        .map(|st| (st, statement_grants(st)))
                        .collect();
                    (p, sts)
                })
                .collect()
        })
    }

    /// Does principal `i` have any effective Bedrock grant?
    pub fn has_bedrock(&self, i: usize) -> bool {
        self.grants(i).iter().any(|g| !g.granted.is_empty())
    }

    /// Does principal `i` have any effective invoke grant?
    pub fn has_invoke(&self, i: usize) -> bool {
        has_category(self.grants(i), Category::Invoke)
    }

    /// The sensitive actions principal `i` is granted (RULES.md BL202/BL203).
    pub fn sensitive(&self, i: usize) -> &[SensitiveGrant<'a>] {
        self.sensitive[i]
            .get_or_init(|| sensitive_grants(self.view, &self.view.principals[i], self.today))
    }

    /// Trust-policy web identities still in force, hosts resolved from the model.
    pub fn web_identities(&self, doc: &'a PolicyDoc) -> Vec<WebIdentity<'a>> {
        web_identities_in(self.model, doc, self.today)
    }

    /// The principals policy `policy` reaches (attached, inline, or through a group).
    pub fn reached_by(&self, policy: usize) -> &[usize] {
        let all = self.reached_by.get_or_init(|| {
            let mut v = vec![Vec::new(); self.view.policies.len()];
            for (i, p) in self.view.principals.iter().enumerate() {
                for a in &p.attachments {
                    if !v[a.policy].contains(&i) {
                        v[a.policy].push(i);
                    }
                }
            }
            v
        });
        all.get(policy).map_or(&[], Vec::as_slice)
    }

    /// Does principal `i`'s known permissions boundary leave `action` on the written
    /// resource pattern `text` as it is? `true` without a known boundary.
    pub fn boundary_keeps(&self, i: usize, action: &str, text: &str) -> bool {
        let allowed = self.boundaries[i].get_or_init(|| match self.view.principals[i].boundary {
            Boundary::Known(b) => Some(boundary::allowed(&self.view.policies[b].doc, self.today)),
            _ => None,
        });
        allowed
            .as_ref()
            .is_none_or(|a| boundary::covers(a, action, text))
    }

    /// Is `account` the account being deployed (RULES.md: `data.aws_caller_identity`
    /// stands for it and it is always approved)? Known from a plan, where Terraform
    /// read the caller identity.
    pub fn deploying_account(&self, account: &str) -> bool {
        self.deploying
            .get_or_init(|| {
                self.model
                    .resources
                    .iter()
                    .filter(|r| {
                        r.mode == bedrock_lint_parser::Mode::Data
                            && r.rtype == "aws_caller_identity"
                    })
                    .filter_map(|r| r.body.get("account_id")?.as_str().map(str::to_string))
                    .collect()
            })
            .iter()
            .any(|a| a == account)
    }

    pub fn resource(&self, i: usize) -> &'a Resource {
        &self.model.resources[i]
    }
}
