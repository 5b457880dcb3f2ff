//! What rules return: a finding with its primary span, related labels, help and an
//! optional fix. Byte spans only; line/column are computed by renderers.

use crate::rule_id::RuleId;
use bedrock_lint_parser::{Files, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "note" => Severity::Note,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub message: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Meaning preserved.
    Safe,
    /// Permissions change: applied only with --unsafe-fixes.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub description: String,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// The resource the finding is about (`module.app.aws_iam_role_policy.x`).
    pub address: Option<String>,
    /// The principal concerned (`aws_iam_role.app`).
    pub principal: Option<String>,
    pub related: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub suppressed: bool,
    /// Set by rules for findings on a time-bound statement: its end date.
    pub time_bound: Option<String>,
}

impl Diagnostic {
    pub fn new(rule: RuleId, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            span,
            address: None,
            principal: None,
            related: vec![],
            help: None,
            fix: None,
            suppressed: false,
            time_bound: None,
        }
    }

    pub fn address(mut self, a: impl Into<String>) -> Self {
        self.address = Some(a.into());
        self
    }

    pub fn principal(mut self, p: impl Into<String>) -> Self {
        self.principal = Some(p.into());
        self
    }

    pub fn help(mut self, h: impl Into<String>) -> Self {
        self.help = Some(h.into());
        self
    }

    pub fn label(mut self, span: Option<Span>, message: impl Into<String>) -> Self {
        if let Some(span) = span {
            if span != self.span {
                self.related.push(Label {
                    message: message.into(),
                    span,
                });
            }
        }
        self
    }

    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}

/// What identifies a finding across runs and edits: the rule, what it is about (the
/// address, else the principal, else the file) and the text its primary span covers
/// (whitespace-normalised). No line, column or message: inserting lines above a
/// finding, or a message that names another value, does not make it a new one.
/// Baselines, fix verification, SARIF fingerprints and `diff` all use this one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: &'static str,
    pub anchor: String,
    pub text: String,
}

impl Key {
    /// A short stable hash of the key (FNV-1a, 64 bits: the same on every platform
    /// and Rust version), for SARIF `partialFingerprints` and the JSON report.
    pub fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        // Each part ends with a zero byte, so ("ab", "c") and ("a", "bc") differ.
        for part in [self.code, &self.anchor, &self.text] {
            for b in part.bytes().chain([0]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{h:016x}")
    }
}

impl Diagnostic {
    /// This finding's identity (see [`Key`]).
    pub fn key(&self, files: &Files) -> Key {
        let file = files.get(self.span.file);
        let text = file
            .text
            .get(self.span.range())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Key {
            code: self.rule.code(),
            anchor: self
                .address
                .clone()
                .or_else(|| self.principal.clone())
                .unwrap_or_else(|| file.path.display().to_string().replace('\\', "/")),
            text,
        }
    }
}
