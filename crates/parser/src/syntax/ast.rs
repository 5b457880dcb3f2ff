//! The one syntax tree both HCL (`.tf`) and Terraform JSON syntax (`.tf.json`) are
//! read into. Every node keeps its span; the evaluator and rules never look at
//! hcl-edit or raw JSON.

use crate::span::Span;

/// Identifiers and literal text: inline up to 24 bytes (nearly every identifier and
/// most literals), so parsing does not allocate for each.
pub type Ident = compact_str::CompactString;

#[derive(Debug, Clone, Default)]
pub struct Body {
    pub attributes: Vec<Attribute>,
    pub blocks: Vec<Block>,
}

impl Body {
    pub fn attribute(&self, key: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.key == key)
    }

    pub fn blocks_named<'a>(&'a self, ident: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| b.ident == ident)
    }
}

#[derive(Debug, Clone)]
pub struct Attribute {
    pub key: Ident,
    pub key_span: Span,
    pub value: Expr,
    /// The whole `key = value`.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub ident: Ident,
    pub labels: Vec<Ident>,
    /// From the block type through its last label: `resource "aws_iam_role" "app"`.
    pub header: Span,
    pub span: Span,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Null,
    Bool(bool),
    Number(f64),
    /// A quoted string or heredoc; a plain string is a template of one literal.
    Template(Template),
    Array(Vec<Expr>),
    Object(Vec<ObjectItem>),
    Variable(Ident),
    Traversal(Box<Traversal>),
    Call(Box<Call>),
    Conditional(Box<Expr>, Box<Expr>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    For(Box<ForExpr>),
}

// The larger and rarer shapes are boxed so that every node stays small: an
// expression is 48 bytes, not 72 (a large tree has millions of them).

/// `root.attr[index]...`: a root expression and the steps after it.
#[derive(Debug, Clone)]
pub struct Traversal {
    pub root: Expr,
    pub ops: Vec<Traverse>,
}

/// `name(args...)`; `expand` for a final `...` argument.
#[derive(Debug, Clone)]
pub struct Call {
    pub name: Ident,
    pub args: Vec<Expr>,
    pub expand: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Eq,
    NotEq,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
}

#[derive(Debug, Clone)]
pub struct ObjectItem {
    pub key: ObjectKey,
    pub key_span: Span,
    pub value: Expr,
}

#[derive(Debug, Clone)]
pub enum ObjectKey {
    /// A bare identifier or a literal string key.
    Name(Ident),
    Expr(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum Traverse {
    Attr(Ident, Span),
    Index(Expr),
    AttrSplat,
    FullSplat,
}

#[derive(Debug, Clone)]
pub struct ForExpr {
    pub key_var: Option<Ident>,
    pub value_var: Ident,
    pub collection: Expr,
    pub key_expr: Option<Expr>,
    pub value_expr: Expr,
    pub cond: Option<Expr>,
    pub grouping: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Template {
    pub parts: Vec<TemplatePart>,
}

#[derive(Debug, Clone)]
pub enum TemplatePart {
    /// `exact` is true when `text` is byte-for-byte the source at `span` (no escapes),
    /// so offsets inside it map straight back to the file.
    Literal {
        text: Ident,
        span: Span,
        exact: bool,
    },
    Interp(Expr),
    If(Box<TemplateIf>),
    For(Box<TemplateFor>),
}

/// `%{ if cond }then%{ else }otherwise%{ endif }`.
#[derive(Debug, Clone)]
pub struct TemplateIf {
    pub cond: Expr,
    pub then: Template,
    pub otherwise: Template,
}

/// `%{ for key_var, value_var in collection }body%{ endfor }`.
#[derive(Debug, Clone)]
pub struct TemplateFor {
    pub key_var: Option<Ident>,
    pub value_var: Ident,
    pub collection: Expr,
    pub body: Template,
}

impl Expr {
    /// The string of a template that is one literal with no interpolation.
    pub fn as_literal_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Template(t) => match t.parts.as_slice() {
                [TemplatePart::Literal { text, .. }] => Some(text),
                [] => Some(""),
                _ => None,
            },
            _ => None,
        }
    }

    /// `a.b.c` as a dotted path of plain attribute steps, if it is one.
    pub fn as_path(&self) -> Option<Vec<&str>> {
        match &self.kind {
            ExprKind::Variable(v) => Some(vec![v.as_str()]),
            ExprKind::Traversal(t) => {
                let mut path = t.root.as_path()?;
                for op in &t.ops {
                    match op {
                        Traverse::Attr(a, _) => path.push(a),
                        _ => return None,
                    }
                }
                Some(path)
            }
            _ => None,
        }
    }
}
