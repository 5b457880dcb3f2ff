//! Policy documents, from any source, as statements whose every element keeps its
//! span and is either a known string or unknown.

use bedrock_lint_parser::value::{decode_json, Key, Kind, Segments, Str, Value};
use bedrock_lint_parser::Span;
use std::sync::Arc;

/// One string element of a policy (an action, a resource, a condition value...).
#[derive(Debug, Clone)]
pub struct Elem {
    value: ElemValue,
    /// Where the value is written.
    pub span: Option<Span>,
    /// Where it entered the policy, when written elsewhere (variable, module input).
    pub via: Option<Span>,
}

/// What an element holds. A known string is the evaluated string itself, shared, not
/// a copy of its text: a large tree's policies have hundreds of thousands of elements
/// (issue 12; an element went from 88 bytes plus a copy of its text to 40).
#[derive(Debug, Clone)]
enum ElemValue {
    /// A known string (a number or a boolean as its text), with the segments that map
    /// a part of it back to where it is written.
    Known(Arc<Str>),
    /// Boxed, as most elements are known.
    Unknown(Box<UnknownElem>),
}

#[derive(Debug, Clone)]
struct UnknownElem {
    /// What is unknown.
    what: String,
    /// For a partly known string: its skeleton (`iam::partial`), and the string as
    /// written with `${…}` for the unknown parts (for messages).
    partial: Option<(String, String)>,
}

impl Elem {
    pub(crate) fn from_value(v: &Value) -> Elem {
        let value = match &v.kind {
            Kind::String(s) => ElemValue::Known(s.clone()),
            Kind::Number(_) | Kind::Bool(_) => {
                ElemValue::Known(Arc::new(Str::new(v.display(), Segments::None)))
            }
            _ => ElemValue::Unknown(Box::new(UnknownElem {
                what: v
                    .unknown_what()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.display()),
                partial: v
                    .template()
                    .and_then(|t| Some((super::partial::skeleton(t)?, t.display()))),
            })),
        };
        Elem {
            value,
            span: v.span,
            via: v.via,
        }
    }

    /// The string, when known statically.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            ElemValue::Known(s) => Some(s.text()),
            ElemValue::Unknown(_) => None,
        }
    }

    /// What is unknown, when the text is not known.
    pub fn unknown(&self) -> Option<&str> {
        match &self.value {
            ElemValue::Known(_) => None,
            ElemValue::Unknown(u) => Some(&u.what),
        }
    }

    /// For a partly known string: its skeleton (`iam::partial`), and the string as
    /// written with `${…}` for the unknown parts.
    pub fn partial(&self) -> Option<(&str, &str)> {
        match &self.value {
            ElemValue::Unknown(u) => u.partial.as_ref().map(|(s, d)| (s.as_str(), d.as_str())),
            ElemValue::Known(_) => None,
        }
    }

    /// The text to match patterns against: the known string, or the skeleton of a
    /// partly known one.
    pub fn pattern(&self) -> Option<&str> {
        self.text().or(self.partial().map(|(s, _)| s))
    }

    /// The string for a message: as known, or as written with `${…}` parts.
    pub fn shown(&self) -> Option<&str> {
        self.text().or(self.partial().map(|(_, d)| d))
    }

    /// The span a finding on this element points at: where the value is written.
    pub fn primary(&self) -> Option<Span> {
        self.span.or(self.via)
    }

    /// Where the part `needle` of the text is written, when that is somewhere else than
    /// the element itself (`"...foundation-model/${var.model}"` with the model id in a
    /// tfvars file); else the element's own span.
    pub fn primary_for(&self, needle: &str) -> Option<Span> {
        let own = self.primary();
        let ElemValue::Known(src) = &self.value else {
            return own;
        };
        let text = src.text();
        let Some(at) = text.rfind(needle).filter(|_| !needle.is_empty()) else {
            return own;
        };
        match src.span_of(at, at + needle.len()) {
            Some(p)
                if !own.is_some_and(|o| o.contains(&p))
                    && !self.via.is_some_and(|v| v.contains(&p)) =>
            {
                Some(p)
            }
            _ => own,
        }
    }
}

/// A list-or-string policy field (`Action`, `Resource`, ...) with its key's span.
#[derive(Debug, Clone, Default)]
pub struct Field {
    pub items: Vec<Elem>,
    pub key_span: Option<Span>,
    /// The field's value span (the list, or the single string).
    pub span: Option<Span>,
    /// Set when the whole field is unknown (not even a list is known).
    pub unknown: Option<String>,
}

impl Field {
    pub fn is_unknown(&self) -> bool {
        self.unknown.is_some() || self.items.iter().any(|e| e.text().is_none())
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(Elem::text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Condition {
    /// `StringEquals`, `ForAnyValue:StringLike`, `DateLessThan`...
    pub operator: Key,
    pub operator_span: Option<Span>,
    pub key: Key,
    pub key_span: Option<Span>,
    pub values: Field,
}

/// `Principal`: `"*"` or a map of type (`AWS`, `Service`, `Federated`) to values.
#[derive(Debug, Clone, Default)]
pub struct PrincipalElem {
    pub entries: Vec<(Key, Field)>,
    pub span: Option<Span>,
    pub key_span: Option<Span>,
    pub unknown: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub sid: Option<String>,
    pub effect: Effect,
    pub action: Option<Field>,
    // The rarer elements boxed: a statement is 280 bytes, not 550.
    pub not_action: Option<Box<Field>>,
    pub resource: Option<Field>,
    pub not_resource: Option<Box<Field>>,
    pub principal: Option<Box<PrincipalElem>>,
    pub not_principal: Option<Box<PrincipalElem>>,
    pub conditions: Vec<Condition>,
    pub span: Option<Span>,
}

impl Condition {
    /// Can this condition's key be `key` (case-insensitive)? An unknown key can be
    /// anything; a key known in part (`${…}:aud`) only what its known parts allow.
    pub fn key_may_be(&self, key: &str) -> bool {
        if self.key == "(unknown)" {
            return true;
        }
        if !self.key.contains("${") {
            return self.key.eq_ignore_ascii_case(key);
        }
        // Every unknown part stands for any text.
        let mut pattern = String::new();
        let mut rest = self.key.as_str();
        while let Some(i) = rest.find("${") {
            pattern.push_str(&rest[..i]);
            pattern.push('*');
            rest = rest[i..].find('}').map_or("", |j| &rest[i + j + 1..]);
        }
        pattern.push_str(rest);
        crate::catalog::wildcard_match(&pattern.to_ascii_lowercase(), &key.to_ascii_lowercase())
    }

    /// A key not written out in full (wholly or partly unknown).
    pub fn key_unknown(&self) -> bool {
        self.key == "(unknown)" || self.key.contains("${")
    }
}

impl Statement {
    pub fn conditions_on<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Condition> + 'a {
        self.conditions
            .iter()
            .filter(move |c| c.key.eq_ignore_ascii_case(key))
    }
}

#[derive(Debug, Clone, Default)]
pub struct PolicyDoc {
    pub statements: Vec<Statement>,
    /// The whole document cannot be known (and has no known structure).
    pub unknown: Option<String>,
    /// Not JSON or not an IAM policy (BL910): message and where.
    pub invalid: Option<(String, Option<Span>)>,
    pub span: Option<Span>,
    /// Some statement is unknown as a whole.
    pub unknown_statements: Vec<(String, Option<Span>)>,
}

impl PolicyDoc {
    /// A policy from an attribute value: a JSON string (heredoc, `file()`, plan), a
    /// `jsonencode()` result or a policy document's `json`.
    pub fn from_value(v: &Value) -> PolicyDoc {
        // Read in place; only a JSON string is decoded into a new value.
        let decoded;
        let structured = if let Some(s) = v.encoded_structure() {
            s
        } else {
            match &v.kind {
                Kind::String(_) => match decode_json(v) {
                    Ok(d) => {
                        decoded = d;
                        &decoded
                    }
                    Err((msg, at)) => {
                        return PolicyDoc {
                            invalid: Some((
                                format!("the policy is not valid JSON: {msg}"),
                                at.or(v.best_span()),
                            )),
                            span: v.best_span(),
                            ..PolicyDoc::default()
                        }
                    }
                },
                Kind::Unknown(_) | Kind::Error(_) => {
                    return PolicyDoc {
                        unknown: Some(v.unknown_what().unwrap_or("(unknown)").to_string()),
                        span: v.best_span(),
                        ..PolicyDoc::default()
                    }
                }
                Kind::Null => {
                    return PolicyDoc {
                        span: v.best_span(),
                        ..PolicyDoc::default()
                    }
                }
                _ => v,
            }
        };
        Self::from_structure(structured, v.best_span())
    }

    fn from_structure(doc: &Value, outer: Option<Span>) -> PolicyDoc {
        let span = doc.best_span().or(outer);
        let mut out = PolicyDoc {
            span,
            ..PolicyDoc::default()
        };
        if doc.is_unknown() {
            out.unknown = Some(doc.unknown_what().unwrap_or("(unknown)").to_string());
            return out;
        }
        let Kind::Object(_) = doc.kind else {
            out.invalid = Some(("the policy is not a JSON object".into(), span));
            return out;
        };
        let Some(st) = doc.get("Statement") else {
            out.invalid = Some(("the policy has no Statement".into(), span));
            return out;
        };
        let list: Vec<&Value> = match &st.kind {
            Kind::List(l) => l.iter().collect(),
            Kind::Object(_) => vec![st],
            Kind::Unknown(_) | Kind::Error(_) => {
                out.unknown = Some(st.unknown_what().unwrap_or("(unknown)").to_string());
                return out;
            }
            _ => {
                out.invalid = Some((
                    "Statement must be an object or a list of objects".into(),
                    st.best_span(),
                ));
                return out;
            }
        };
        out.statements.reserve_exact(list.len());
        for s in list {
            if s.is_unknown() && s.entries().is_empty() {
                out.unknown_statements.push((
                    s.unknown_what().unwrap_or("(unknown)").to_string(),
                    s.best_span(),
                ));
                continue;
            }
            match statement(s) {
                Ok(st) => out.statements.push(st),
                Err(e) => {
                    if out.invalid.is_none() {
                        out.invalid = Some(e);
                    }
                }
            }
        }
        out
    }
}

fn field(v: &Value, key_span: Option<Span>, name: &str) -> Result<Field, (String, Option<Span>)> {
    let mut f = Field {
        key_span,
        span: v.best_span(),
        ..Field::default()
    };
    // A list of unknown length (`concat()` with a computed list): its known
    // elements, and an unknown one for the rest.
    let list = match &v.kind {
        Kind::List(items) => Some(items.as_slice()),
        Kind::Unknown(u) => u.structure.as_deref().and_then(Value::as_list),
        _ => None,
    };
    if let Some(items) = list {
        f.items.reserve_exact(items.len());
        for i in items {
            if matches!(i.kind, Kind::List(_) | Kind::Object(_)) {
                return Err((format!("{name} must hold strings"), i.best_span()));
            }
            f.items.push(Elem::from_value(i));
        }
        return Ok(f);
    }
    match &v.kind {
        Kind::String(_) | Kind::Unknown(_) | Kind::Error(_) => f.items.push(Elem::from_value(v)),
        Kind::Null => {}
        _ => {
            return Err((
                format!("{name} must be a string or a list of strings"),
                v.best_span(),
            ))
        }
    }
    Ok(f)
}

fn principal(v: &Value, key_span: Option<Span>) -> Result<PrincipalElem, (String, Option<Span>)> {
    let mut p = PrincipalElem {
        span: v.best_span(),
        key_span,
        ..PrincipalElem::default()
    };
    match &v.kind {
        Kind::String(_) => p
            .entries
            .push(("*".into(), field(v, key_span, "Principal")?)),
        Kind::Object(es) => {
            for e in es {
                p.entries
                    .push((e.key.clone(), field(&e.value, e.key_span, "Principal")?));
            }
        }
        Kind::Unknown(_) | Kind::Error(_) => {
            p.unknown = Some(v.unknown_what().unwrap_or("").to_string())
        }
        _ => return Err(("Principal must be \"*\" or an object".into(), v.best_span())),
    }
    Ok(p)
}

fn statement(s: &Value) -> Result<Statement, (String, Option<Span>)> {
    if !matches!(s.kind, Kind::Object(_)) {
        return Err(("a statement must be an object".into(), s.best_span()));
    }
    let effect = match s.get("Effect") {
        Some(e) => match e.as_str() {
            Some("Allow") => Effect::Allow,
            Some("Deny") => Effect::Deny,
            Some(other) => {
                return Err((
                    format!("Effect must be \"Allow\" or \"Deny\", not \"{other}\""),
                    e.best_span(),
                ))
            }
            None if e.is_unknown() => Effect::Unknown,
            None => return Err(("Effect must be a string".into(), e.best_span())),
        },
        None => return Err(("a statement has no Effect".into(), s.best_span())),
    };
    let get = |k: &str| -> Result<Option<Field>, (String, Option<Span>)> {
        match s.entry(k) {
            Some(e) => Ok(Some(field(&e.value, e.key_span, k)?)),
            None => Ok(None),
        }
    };
    let mut conditions = Vec::new();
    if let Some(c) = s.get("Condition") {
        for op in c.entries() {
            // Condition keys known only in part (`"${var.issuer}:aud"`): each entry
            // is read with its key written `${…}` (see `Condition::key_may_be`).
            let op_value = match (&op.value.kind, op.value.encoded_structure()) {
                (Kind::Unknown(_), Some(structure))
                    if matches!(structure.kind, Kind::Object(_)) =>
                {
                    structure
                }
                _ => &op.value,
            };
            if op_value.is_unknown() {
                conditions.push(Condition {
                    operator: op.key.clone(),
                    operator_span: op.key_span,
                    key: "(unknown)".into(),
                    key_span: op.key_span,
                    values: Field {
                        unknown: op.value.unknown_what().map(str::to_string),
                        ..Field::default()
                    },
                });
                continue;
            }
            for k in op_value.entries() {
                conditions.push(Condition {
                    operator: op.key.clone(),
                    operator_span: op.key_span,
                    key: k.key.clone(),
                    key_span: k.key_span,
                    values: field(&k.value, k.key_span, "Condition")?,
                });
            }
        }
    }
    let pr = |k: &str| -> Result<Option<PrincipalElem>, (String, Option<Span>)> {
        match s.entry(k) {
            Some(e) => Ok(Some(principal(&e.value, e.key_span)?)),
            None => Ok(None),
        }
    };
    let st = Statement {
        sid: s.get("Sid").and_then(Value::as_str).map(str::to_string),
        effect,
        action: get("Action")?,
        not_action: get("NotAction")?.map(Box::new),
        resource: get("Resource")?,
        not_resource: get("NotResource")?.map(Box::new),
        principal: pr("Principal")?.map(Box::new),
        not_principal: pr("NotPrincipal")?.map(Box::new),
        conditions,
        span: s.best_span(),
    };
    if st.action.is_none() && st.not_action.is_none() {
        return Err((
            "a statement has neither Action nor NotAction".into(),
            st.span,
        ));
    }
    Ok(st)
}
