//! What a rule's check receives: the model, the IAM view, the resolved config and
//! today's date, with per-principal grants computed once.

use crate::config::Config;
use crate::date::Date;
use crate::iam::grants::{principal_grants, PrincipalGrant};
use crate::iam::IamView;
use bedrock_lint_parser::{Model, Resource};
use std::cell::OnceCell;

pub struct Ctx<'a> {
    pub model: &'a Model,
    pub view: &'a IamView,
    pub config: &'a Config,
    pub today: Date,
    grants: Vec<OnceCell<Vec<PrincipalGrant<'a>>>>,
}

impl<'a> Ctx<'a> {
    pub fn new(model: &'a Model, view: &'a IamView, config: &'a Config, today: Date) -> Self {
        Ctx {
            model,
            view,
            config,
            today,
            grants: (0..view.principals.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// The effective grants of principal `i` (see RULES.md "Principal").
    pub fn grants(&self, i: usize) -> &[PrincipalGrant<'a>] {
        self.grants[i]
            .get_or_init(|| principal_grants(self.view, &self.view.principals[i], self.today))
    }

    pub fn resource(&self, i: usize) -> &'a Resource {
        &self.model.resources[i]
    }
}
