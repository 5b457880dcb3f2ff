//! Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) into the same [`ast`](super::ast)
//! as HCL, with spans from the span-keeping JSON parser.

use super::ast::*;
use super::json::{self, Json, JsonKind};
use super::ParseError;
use crate::span::{FileId, Span};

/// How many labels each top-level block type takes in JSON syntax.
fn label_count(block: &str) -> Option<usize> {
    Some(match block {
        "resource" | "data" => 2,
        "module" | "variable" | "output" | "provider" => 1,
        "terraform" | "locals" | "moved" | "import" | "check" => 0,
        _ => return None,
    })
}

pub fn parse_config(file: FileId, text: &str) -> Result<Body, ParseError> {
    let root = parse_json(text)?;
    let c = Conv { file, text };
    let mut body = Body::default();
    for m in root.members() {
        if m.key == "//" {
            continue;
        }
        let Some(n) = label_count(&m.key) else {
            continue;
        };
        if m.key == "locals" {
            // Locals are attributes of a label-less block.
            for body_obj in as_bodies(&m.value) {
                body.blocks.push(Block {
                    ident: "locals".into(),
                    labels: vec![],
                    header: c.span(m.key_start, m.key_end),
                    span: c.span(body_obj.start, body_obj.end),
                    body: c.attrs_body(body_obj)?,
                });
            }
            continue;
        }
        c.labelled(
            &m.key,
            (m.key_start, m.key_end),
            &m.value,
            n,
            &mut vec![],
            &mut body,
        )?;
    }
    Ok(body)
}

/// `.tfvars.json`: one object of variable values.
pub fn parse_vars(file: FileId, text: &str) -> Result<Body, ParseError> {
    let root = parse_json(text)?;
    Conv { file, text }.attrs_body(&root)
}

fn parse_json(text: &str) -> Result<Json, ParseError> {
    let root = json::parse(text).map_err(|e| ParseError {
        message: e.message,
        offset: e.offset,
    })?;
    if !matches!(root.kind, JsonKind::Object(_)) {
        return Err(ParseError {
            message: "a Terraform JSON file must hold one object".into(),
            offset: root.start,
        });
    }
    Ok(root)
}

/// A body may be written as one object or an array of objects (repeated blocks).
fn as_bodies(v: &Json) -> Vec<&Json> {
    match &v.kind {
        JsonKind::Array(items) => items.iter().collect(),
        _ => vec![v],
    }
}

struct Conv<'a> {
    file: FileId,
    text: &'a str,
}

impl Conv<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    fn labelled(
        &self,
        ident: &str,
        key: (usize, usize),
        v: &Json,
        remaining: usize,
        labels: &mut Vec<String>,
        out: &mut Body,
    ) -> Result<(), ParseError> {
        if remaining == 0 {
            for b in as_bodies(v) {
                out.blocks.push(Block {
                    ident: ident.to_string(),
                    labels: labels.clone(),
                    header: self.span(key.0, key.1),
                    span: self.span(b.start, b.end),
                    body: self.attrs_body(b)?,
                });
            }
            return Ok(());
        }
        for m in v.members() {
            if m.key == "//" {
                continue;
            }
            labels.push(m.key.clone());
            // The innermost label's key is the block's header.
            self.labelled(
                ident,
                (m.key_start, m.key_end),
                &m.value,
                remaining - 1,
                labels,
                out,
            )?;
            labels.pop();
        }
        Ok(())
    }

    fn attrs_body(&self, obj: &Json) -> Result<Body, ParseError> {
        let mut body = Body::default();
        for m in obj.members() {
            if m.key == "//" {
                continue;
            }
            body.attributes.push(Attribute {
                key: m.key.clone(),
                key_span: self.span(m.key_start, m.key_end),
                value: self.expr(&m.value)?,
                span: self.span(m.key_start, m.value.end),
            });
        }
        Ok(body)
    }

    fn expr(&self, v: &Json) -> Result<Expr, ParseError> {
        let span = self.span(v.start, v.end);
        let kind = match &v.kind {
            JsonKind::Null => ExprKind::Null,
            JsonKind::Bool(b) => ExprKind::Bool(*b),
            JsonKind::Number(n) => ExprKind::Number(n.parse().unwrap_or(f64::NAN)),
            JsonKind::String(s) => ExprKind::Template(self.string(s, v)?),
            JsonKind::Array(items) => ExprKind::Array(
                items
                    .iter()
                    .map(|i| self.expr(i))
                    .collect::<Result<_, _>>()?,
            ),
            JsonKind::Object(members) => ExprKind::Object(
                members
                    .iter()
                    .filter(|m| m.key != "//")
                    .map(|m| {
                        Ok(ObjectItem {
                            key: ObjectKey::Name(m.key.clone()),
                            key_span: self.span(m.key_start, m.key_end),
                            value: self.expr(&m.value)?,
                        })
                    })
                    .collect::<Result<_, ParseError>>()?,
            ),
        };
        Ok(Expr { kind, span })
    }

    /// JSON strings are templates in Terraform's JSON syntax.
    fn string(&self, s: &str, v: &Json) -> Result<Template, ParseError> {
        let inner = (v.start + 1, v.end.saturating_sub(1).max(v.start + 1));
        let raw = self.text.get(inner.0..inner.1).unwrap_or("");
        let exact = raw == s;
        if !s.contains("${") && !s.contains("%{") {
            return Ok(Template {
                parts: vec![TemplatePart::Literal {
                    text: s.to_string(),
                    span: self.span(inner.0, inner.1),
                    exact,
                }],
            });
        }
        let fixed = (!exact).then(|| self.span(v.start, v.end));
        super::hcl::template_in_json(self.file, s, inner.0, fixed)
    }
}
