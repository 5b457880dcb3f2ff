//! `.bedrock-lint.hcl`: found by walking up from the linted path, read with the same
//! HCL parser, validated strictly (unknown keys, bad globs, rules, severities).

use crate::diagnostic::Severity;
use crate::rule_id::{RuleId, ALL};
use bedrock_lint_parser::syntax::ast::{Expr, ExprKind};
use bedrock_lint_parser::syntax::hcl;
use bedrock_lint_parser::FileId;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = ".bedrock-lint.hcl";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Logging {
    #[default]
    Required,
    External,
}

#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    pub ignorable: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Environment {
    pub name: String,
    pub globs: GlobSet,
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from (None: defaults).
    pub path: Option<PathBuf>,
    /// Directory the globs are relative to.
    pub root: PathBuf,
    pub approved_models: Option<Vec<String>>,
    pub approved_regions: Option<Vec<String>>,
    pub approved_accounts: Option<Vec<String>>,
    pub admin_principals: Vec<String>,
    pub max_session_duration: u64,
    pub invocation_logging: Logging,
    pub require_guardrail: bool,
    pub exclude: Option<GlobSet>,
    pub exclude_patterns: Vec<String>,
    pub environments: Vec<Environment>,
    pub rules: HashMap<RuleId, RuleSettings>,
    /// `--select` / `--ignore` from the command line.
    pub select: Option<Vec<RuleId>>,
    pub ignore: Vec<RuleId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl Config {
    pub fn defaults() -> Config {
        Config {
            max_session_duration: 3600,
            root: PathBuf::from("."),
            ..Config::default()
        }
    }

    /// The nearest `.bedrock-lint.hcl` at or above `start`.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = start.canonicalize().ok()?;
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            let c = d.join(CONFIG_FILE);
            if c.is_file() {
                return Some(bedrock_lint_parser::model::load::clean(&c));
            }
            dir = d.parent();
        }
        None
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            message: format!("cannot read: {e}"),
        })?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let line_of = |off: usize| text[..off.min(text.len())].matches('\n').count() + 1;
        let err = |off: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            line: line_of(off),
            message,
        };
        let (body, _) = hcl::parse(FileId::new(0), text).map_err(|e| err(e.offset, e.message))?;
        let mut c = Config::defaults();
        c.path = Some(path.to_path_buf());
        c.root = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        const KEYS: &str = "approved_models, approved_regions, approved_accounts, admin_principals, max_session_duration, invocation_logging, require_guardrail, exclude";
        for a in &body.attributes {
            let at = a.span.start as usize;
            let list = |e: &Expr| {
                strings(e).ok_or_else(|| err(at, format!("{} must be a list of strings", a.key)))
            };
            match a.key.as_str() {
                "approved_models" => c.approved_models = Some(list(&a.value)?),
                "approved_regions" => c.approved_regions = Some(list(&a.value)?),
                "approved_accounts" => c.approved_accounts = Some(list(&a.value)?),
                "admin_principals" => c.admin_principals = list(&a.value)?,
                "exclude" => {
                    let pats = list(&a.value)?;
                    c.exclude = Some(globs(&pats).map_err(|e| err(at, e))?);
                    c.exclude_patterns = pats;
                }
                "max_session_duration" => match a.value.kind {
                    ExprKind::Number(n) if (900.0..=43200.0).contains(&n) && n.fract() == 0.0 => c.max_session_duration = n as u64,
                    _ => return Err(err(at, "max_session_duration must be a whole number of seconds from 900 to 43200".into())),
                },
                "invocation_logging" => {
                    c.invocation_logging = match a.value.as_literal_str() {
                        Some("required") => Logging::Required,
                        Some("external") => Logging::External,
                        _ => return Err(err(at, "invocation_logging must be \"required\" or \"external\"".into())),
                    }
                }
                "require_guardrail" => match a.value.kind {
                    ExprKind::Bool(b) => c.require_guardrail = b,
                    _ => return Err(err(at, "require_guardrail must be true or false".into())),
                },
                other => return Err(err(at, format!("unknown setting `{other}`; valid settings: {KEYS}, and blocks environment \"NAME\" {{ paths = [...] }} and rule \"CODE\" {{ ... }}"))),
            }
        }
        for b in &body.blocks {
            let at = b.header.start as usize;
            let label = b
                .labels
                .first()
                .cloned()
                .ok_or_else(|| err(at, format!("{} block needs a label", b.ident)))?;
            match b.ident.as_str() {
                "environment" => {
                    let mut paths = None;
                    for a in &b.body.attributes {
                        match a.key.as_str() {
                            "paths" => {
                                paths = Some(strings(&a.value).ok_or_else(|| {
                                    err(
                                        a.span.start as usize,
                                        "paths must be a list of strings".into(),
                                    )
                                })?)
                            }
                            other => {
                                return Err(err(
                                    a.span.start as usize,
                                    format!(
                                        "unknown setting `{other}` in environment; valid: paths"
                                    ),
                                ))
                            }
                        }
                    }
                    let paths = paths.ok_or_else(|| {
                        err(at, format!("environment \"{label}\" needs paths = [...]"))
                    })?;
                    c.environments.push(Environment {
                        name: label.to_string(),
                        globs: globs(&paths).map_err(|e| err(at, e))?,
                    });
                }
                "rule" => {
                    let Some(id) = RuleId::from_code_or_name(&label) else {
                        let valid: Vec<&str> = ALL.iter().map(|r| r.code()).collect();
                        return Err(err(
                            at,
                            format!(
                                "unknown rule \"{label}\"; valid rules: {} (or their names)",
                                valid.join(", ")
                            ),
                        ));
                    };
                    let mut s = RuleSettings::default();
                    for a in &b.body.attributes {
                        let at = a.span.start as usize;
                        let boolean = || match a.value.kind {
                            ExprKind::Bool(v) => Ok(v),
                            _ => Err(err(at, format!("{} must be true or false", a.key))),
                        };
                        match a.key.as_str() {
                            "enabled" => s.enabled = Some(boolean()?),
                            "ignorable" => s.ignorable = Some(boolean()?),
                            "severity" => {
                                s.severity = Some(a.value.as_literal_str().and_then(Severity::parse).ok_or_else(|| err(at, "severity must be \"error\", \"warning\" or \"note\"".into()))?)
                            }
                            other => return Err(err(at, format!("unknown setting `{other}` in rule; valid: enabled, severity, ignorable"))),
                        }
                    }
                    c.rules.insert(id, s);
                }
                other => {
                    return Err(err(
                        at,
                        format!("unknown block `{other}`; valid blocks: environment, rule"),
                    ))
                }
            }
        }
        Ok(c)
    }

    pub fn enabled(&self, id: RuleId) -> bool {
        if let Some(sel) = &self.select {
            if !sel.contains(&id) {
                return false;
            }
        }
        if self.ignore.contains(&id) {
            return false;
        }
        self.rules.get(&id).and_then(|s| s.enabled).unwrap_or(true)
    }

    pub fn severity(&self, id: RuleId) -> Option<Severity> {
        self.rules.get(&id).and_then(|s| s.severity)
    }

    pub fn ignorable(&self, id: RuleId) -> bool {
        self.rules
            .get(&id)
            .and_then(|s| s.ignorable)
            .unwrap_or(true)
    }

    /// Environments whose path globs match `file` (relative to the config's folder).
    pub fn environments_of(&self, file: &Path) -> Vec<String> {
        // Resolving the paths costs a system call per component, for every principal.
        if self.environments.is_empty() {
            return Vec::new();
        }
        let rel = relative_to(file, &self.root);
        self.environments
            .iter()
            .filter(|e| e.globs.is_match(&rel))
            .map(|e| e.name.clone())
            .collect()
    }

    /// Is the principal named in `admin_principals` (by address or name glob)?
    pub fn is_admin(&self, address: &str, name: Option<&str>) -> bool {
        self.admin_principals.iter().any(|p| {
            let p = p.as_str();
            p == address
                || address.ends_with(&format!(".{p}"))
                || name.is_some_and(|n| crate::catalog::wildcard_match(p, n))
        })
    }
}

fn relative_to(file: &Path, root: &Path) -> PathBuf {
    // Resolve the folder, not the file: the file may be a virtual path in a root module.
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (Ok(d), Ok(r)) = (dir.canonicalize(), root.canonicalize()) else {
        return file.to_path_buf();
    };
    let f = d.join(file.file_name().unwrap_or_default());
    f.strip_prefix(&r).map(Path::to_path_buf).unwrap_or(f)
}

fn strings(e: &Expr) -> Option<Vec<String>> {
    match &e.kind {
        ExprKind::Array(items) => items
            .iter()
            .map(|i| i.as_literal_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("bad glob \"{p}\": {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}
