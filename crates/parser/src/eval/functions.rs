//! The Terraform functions policy code uses. Any other function's result is unknown.

use super::ops::{scalar_string, strip_eq, unknown_name, Scope};
use crate::model::types::ModuleInst;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Expr, Template as TemplateExpr};
use crate::value::{
    decode_json, Entry, Hole, Kind, Part, Str, Template, Unknown, Value, WellKnown,
};
use std::sync::Arc;

/// What the functions need from the evaluator (which implements it): their
/// arguments evaluated, templates evaluated, files read.
pub(super) trait Env {
    fn eval(&self, e: &Expr, m: &ModuleInst, sc: &Scope) -> Value;
    fn template(&self, t: &TemplateExpr, whole: Span, m: &ModuleInst, sc: &Scope) -> Value;
    fn read_file(&self, m: &ModuleInst, path: &str) -> Option<(FileId, Arc<str>)>;
}

pub(super) fn call(
    ev: &dyn Env,
    name: &str,
    arg_exprs: &[Expr],
    expand: bool,
    span: Span,
    m: &ModuleInst,
    sc: &Scope,
) -> Value {
    let sp = Some(span);
    // try() and can() look past errors, so they evaluate their own arguments.
    if name == "try" {
        for a in arg_exprs {
            let v = ev.eval(a, m, sc);
            if !matches!(v.kind, Kind::Error(_)) {
                return v;
            }
        }
        return Value::error("no argument of try() succeeded", sp);
    }
    if name == "can" {
        let v = arg_exprs.first().map(|a| ev.eval(a, m, sc));
        return match v {
            Some(v) if matches!(v.kind, Kind::Unknown(_)) => v,
            Some(v) => Value::new(Kind::Bool(!matches!(v.kind, Kind::Error(_))), sp),
            None => Value::error("can() needs an argument", sp),
        };
    }
    let mut args: Vec<Value> = arg_exprs
        .iter()
        .map(|a| {
            let mut v = ev.eval(a, m, sc);
            v.mark_via(a.span);
            v
        })
        .collect();
    if expand {
        if let Some(last) = args.pop() {
            match &last.kind {
                Kind::List(items) => args.extend(items.iter().cloned()),
                _ => return Value::unknown(unknown_name(&last, "expanded argument"), sp),
            }
        }
    }
    // Functions whose result can be built from partly unknown arguments.
    match name {
        "jsonencode" => return jsonencode(args.into_iter().next(), sp),
        "merge" => return merge(&args, sp),
        "concat" => return concat(&args, sp),
        "tolist" | "toset" | "tomap" => {
            return match args.into_iter().next() {
                Some(mut v) if name == "toset" => {
                    if let Kind::List(items) = &mut v.kind {
                        dedup(items);
                    }
                    v
                }
                Some(v) => v,
                None => Value::error(format!("{name}() needs an argument"), sp),
            }
        }
        "coalesce" => {
            for a in &args {
                if a.is_unknown() {
                    return a.clone();
                }
                if !a.is_null() && a.as_str() != Some("") {
                    return a.clone();
                }
            }
            return Value::error("coalesce(): no non-empty argument", sp);
        }
        "lookup" => {
            return match (args.first(), args.get(1)) {
                (Some(map), Some(key)) if !map.is_unknown() && !key.is_unknown() => {
                    let k = scalar_string(key).unwrap_or_default();
                    match map.get(&k) {
                        Some(v) => v.clone(),
                        None => args
                            .get(2)
                            .cloned()
                            .unwrap_or_else(|| Value::error("lookup(): no such key", sp)),
                    }
                }
                (Some(map), Some(key)) => Value::unknown(
                    unknown_name(if map.is_unknown() { map } else { key }, "lookup"),
                    sp,
                ),
                _ => Value::error("lookup() needs a map and a key", sp),
            };
        }
        "element" => {
            return match (args.first(), args.get(1).and_then(Value::as_number)) {
                (Some(l), Some(i)) if l.as_list().is_some_and(|l| !l.is_empty()) => {
                    let items = l.as_list().unwrap_or(&[]);
                    items[(i.max(0.0) as usize) % items.len()].clone()
                }
                (Some(l), _) if l.is_unknown() => l.clone(),
                _ => Value::unknown(
                    unknown_name(args.get(1).unwrap_or(&Value::null(None)), "element"),
                    sp,
                ),
            };
        }
        "file" | "templatefile" => return file(ev, name, &args, span, m),
        // Strings built from partly known parts keep the known text.
        "format" => {
            return match args.first() {
                Some(f) if f.is_unknown() => Value::unknown(unknown_name(f, name), sp),
                Some(f) => match scalar_string(f) {
                    Some(f) => format(&f, &args[1..])
                        .map(|t| t.into_value(sp))
                        .unwrap_or_else(|| Value::unknown("format()", sp)),
                    None => Value::error("format() needs a format string", sp),
                },
                None => Value::error("format() needs a format string", sp),
            }
        }
        "replace" if args.iter().any(|a| !a.is_known()) => {
            return partial_replace(&args).map_or_else(
                || {
                    let u = args.iter().find(|a| !a.is_known()).unwrap_or(&args[0]);
                    Value::unknown(unknown_name(u, name), sp)
                },
                |t| t.into_value(sp),
            )
        }
        "join" => return join(&args, sp),
        // A known list whose elements are only partly known (ARNs with a partition or
        // region hole): the elements stay, only known duplicates go. IAM reads such a
        // list as a set, so the grants are those of the list as written.
        "distinct"
            if args.first().is_some_and(|a| {
                a.as_list()
                    .is_some_and(|l| l.iter().all(|v| v.is_known() || v.template().is_some()))
            }) =>
        {
            let mut items = args
                .first()
                .and_then(Value::as_list)
                .unwrap_or(&[])
                .to_vec();
            dedup(&mut items);
            return Value::list(items, sp);
        }
        // The number of elements is known even when some of them are not.
        "length" if args.first().is_some_and(|a| !a.is_unknown()) => {
            return match args.first().map(|a| &a.kind) {
                Some(Kind::List(l)) => Value::new(Kind::Number(l.len() as f64), sp),
                Some(Kind::Object(o)) => Value::new(Kind::Number(o.len() as f64), sp),
                Some(Kind::String(t)) => {
                    Value::new(Kind::Number(t.text().chars().count() as f64), sp)
                }
                _ => Value::error("length(): not a collection", sp),
            }
        }
        _ => {}
    }
    // A list of unknown length keeps its known elements through these.
    if let (Some(a), "distinct" | "compact") = (args.first(), name) {
        if let Some(items) = list_structure(a) {
            let mut items: Vec<Value> = items
                .iter()
                .filter(|v| name != "compact" || (!v.is_null() && v.as_str() != Some("")))
                .cloned()
                .collect();
            if name == "distinct" {
                dedup(&mut items);
            }
            return with_list_structure(unknown_name(a, name), items, sp);
        }
    }
    // The rest need every argument known.
    if let Some(u) = args.iter().find(|a| !a.is_known()) {
        return Value::unknown(unknown_name(u, name), sp);
    }
    let s = |i: usize| args.get(i).and_then(scalar_string);
    let strv = |t: String| Value::string(t, sp);
    match name {
        "jsondecode" => match args.first() {
            Some(v) => decode_json(v)
                .unwrap_or_else(|(e, _)| Value::error(format!("jsondecode(): {e}"), sp)),
            None => Value::error("jsondecode() needs an argument", sp),
        },
        "flatten" => {
            let mut out = Vec::new();
            flatten_into(
                args.first().and_then(Value::as_list).unwrap_or(&[]),
                &mut out,
            );
            Value::list(out, sp)
        }
        "distinct" => {
            let mut items = args
                .first()
                .and_then(Value::as_list)
                .unwrap_or(&[])
                .to_vec();
            dedup(&mut items);
            Value::list(items, sp)
        }
        "compact" => Value::list(
            args.first()
                .and_then(Value::as_list)
                .unwrap_or(&[])
                .iter()
                .filter(|v| !v.is_null() && v.as_str() != Some(""))
                .cloned()
                .collect(),
            sp,
        ),
        "formatlist" => formatlist(&args, sp),
        "split" => match (s(0), s(1)) {
            (Some(sep), Some(text)) => Value::list(
                text.split(sep.as_str())
                    .map(|p| Value::string(p, sp))
                    .collect(),
                sp,
            ),
            _ => Value::error("split() needs two strings", sp),
        },
        "replace" => match (s(0), s(1), s(2)) {
            (Some(text), Some(from), Some(to)) => {
                if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
                    Value::unknown("replace() with a regular expression", sp)
                } else {
                    strv(text.replace(&from, &to))
                }
            }
            _ => Value::error("replace() needs three strings", sp),
        },
        "lower" => s(0)
            .map(|t| strv(t.to_lowercase()))
            .unwrap_or_else(|| Value::error("lower()", sp)),
        "upper" => s(0)
            .map(|t| strv(t.to_uppercase()))
            .unwrap_or_else(|| Value::error("upper()", sp)),
        "trimspace" => s(0)
            .map(|t| strv(t.trim().to_string()))
            .unwrap_or_else(|| Value::error("trimspace()", sp)),
        "tostring" => match args.first() {
            Some(v) if v.as_str().is_some() => v.clone(),
            Some(v) => s(0)
                .map(strv)
                .unwrap_or_else(|| Value::error(format!("tostring(): {}", v.display()), sp)),
            None => Value::error("tostring() needs an argument", sp),
        },
        "tonumber" => match args.first().and_then(Value::as_number) {
            Some(n) => Value::new(Kind::Number(n), sp),
            None => Value::error("tonumber(): not a number", sp),
        },
        "keys" => Value::list(
            args.first()
                .map(|o| {
                    o.entries()
                        .iter()
                        .map(|e| Value::string(e.key.clone(), e.key_span))
                        .collect()
                })
                .unwrap_or_default(),
            sp,
        ),
        "values" => Value::list(
            args.first()
                .map(|o| o.entries().iter().map(|e| e.value.clone()).collect())
                .unwrap_or_default(),
            sp,
        ),
        "contains" => match (args.first().and_then(Value::as_list), args.get(1)) {
            (Some(items), Some(x)) => {
                Value::new(Kind::Bool(items.iter().any(|i| strip_eq(i, x))), sp)
            }
            _ => Value::error("contains() needs a list and a value", sp),
        },
        _ => Value::unknown(format!("{name}(…)"), sp),
    }
}

fn dedup(items: &mut Vec<Value>) {
    let mut out: Vec<Value> = Vec::new();
    for i in items.drain(..) {
        if !out.iter().any(|o| strip_eq(o, &i)) {
            out.push(i);
        }
    }
    *items = out;
}

fn flatten_into(items: &[Value], out: &mut Vec<Value>) {
    for i in items {
        match &i.kind {
            Kind::List(inner) => flatten_into(inner, out),
            _ => out.push(i.clone()),
        }
    }
}

fn jsonencode(arg: Option<Value>, sp: Option<Span>) -> Value {
    let Some(v) = arg else {
        return Value::error("jsonencode() needs an argument", sp);
    };
    match Str::encoded(v, true) {
        Ok(s) => Value::new(Kind::String(Arc::new(s)), sp),
        // Wholly unknown to Terraform, but the known parts stay readable.
        Err(v) => Value::new(
            Kind::Unknown(Box::new(Unknown {
                what: unknown_name(&v, "jsonencode").into(),
                structure: Some(Box::new(v)),
                template: None,
                instance: None,
            })),
            sp,
        ),
    }
}

fn merge(args: &[Value], sp: Option<Span>) -> Value {
    let mut entries: Vec<Entry> = Vec::new();
    for a in args {
        match &a.kind {
            Kind::Object(es) => {
                for e in es {
                    entries.retain(|x| x.key != e.key);
                    entries.push(e.clone());
                }
            }
            Kind::Null => {}
            _ => return Value::unknown(unknown_name(a, "merge"), sp),
        }
    }
    Value::object(entries, sp)
}

/// `concat()`. When some argument is an unknown list (a splat of a computed
/// attribute), the result's length is unknown but the known lists' elements are
/// still in it: an unknown whose structure lists them, with the unknown argument as
/// one element standing for however many it has. Only policy readers look at that
/// structure (a Resource list keeps its known ARNs); everything else sees an unknown.
fn concat(args: &[Value], sp: Option<Span>) -> Value {
    let mut out = Vec::new();
    let mut unknown: Option<&Value> = None;
    for a in args {
        match (&a.kind, list_structure(a)) {
            (Kind::List(items), _) => out.extend(items.iter().cloned()),
            (Kind::Unknown(_), Some(items)) => {
                unknown.get_or_insert(a);
                out.extend(items.iter().cloned());
            }
            (Kind::Unknown(_), None) => {
                unknown.get_or_insert(a);
                out.push(a.clone());
            }
            _ => return Value::unknown(unknown_name(a, "concat"), sp),
        }
    }
    match unknown {
        None => Value::list(out, sp),
        Some(u) => with_list_structure(unknown_name(u, "concat"), out, sp),
    }
}

/// The known elements of a list whose length is unknown (see [`concat`]).
fn list_structure(v: &Value) -> Option<&[Value]> {
    match &v.kind {
        Kind::Unknown(u) => u.structure.as_deref()?.as_list(),
        _ => None,
    }
}

fn with_list_structure(what: String, items: Vec<Value>, sp: Option<Span>) -> Value {
    let mut v = Value::unknown(what, sp);
    if let Kind::Unknown(u) = &mut v.kind {
        u.structure = Some(Box::new(Value::list(items, sp)));
    }
    v
}

/// Terraform's `format` verbs: %s %d %v %q %%, with simple width-less use. An unknown
/// argument is a hole in the result.
fn format(f: &str, args: &[Value]) -> Option<Template> {
    let mut out = Template::default();
    let mut it = f.chars().peekable();
    let mut n = 0;
    let mut lit = String::new();
    while let Some(c) = it.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        let verb = it.next()?;
        if verb == '%' {
            lit.push('%');
            continue;
        }
        let arg = args.get(n)?;
        n += 1;
        out.push_lit(&std::mem::take(&mut lit));
        let known = scalar_string(arg);
        match (verb, known) {
            ('q', Some(k)) => out.push_lit(&serde_json::Value::String(k).to_string()),
            ('q', None) if arg.is_unknown() => {
                out.push_lit("\"");
                out.push_value(arg);
                out.push_lit("\"");
            }
            ('s' | 'd' | 'v', Some(k)) => out.push_lit(&k),
            ('s' | 'd' | 'v', None) if arg.is_unknown() => out.push_value(arg),
            _ => return None,
        }
    }
    out.push_lit(&lit);
    Some(out)
}

/// `join(sep, list...)`: unknown elements are holes between the known ones.
fn join(args: &[Value], sp: Option<Span>) -> Value {
    let Some(sep) = args.first() else {
        return Value::error("join() needs a separator and a list", sp);
    };
    if sep.is_unknown() {
        return Value::unknown(unknown_name(sep, "join"), sp);
    }
    let (Some(sep), true) = (scalar_string(sep), args.len() > 1) else {
        return Value::error("join() needs a separator and a list", sp);
    };
    let mut out = Template::default();
    let mut first = true;
    for list in &args[1..] {
        let items = match &list.kind {
            Kind::List(items) => items,
            _ if list.is_unknown() => return Value::unknown(unknown_name(list, "join"), sp),
            _ => return Value::error("join() needs a separator and a list", sp),
        };
        for item in items {
            if !first {
                out.push_lit(&sep);
            }
            first = false;
            match (&item.kind, scalar_string(item)) {
                (_, Some(t)) => out.push_lit(&t),
                (Kind::Unknown(_) | Kind::Error(_), None) => out.push_value(item),
                _ => return Value::error("join(): not strings", sp),
            }
        }
    }
    out.into_value(sp)
}

fn formatlist(args: &[Value], sp: Option<Span>) -> Value {
    let Some(f) = args.first().and_then(scalar_string) else {
        return Value::error("formatlist() needs a format", sp);
    };
    let len = args[1..]
        .iter()
        .filter_map(Value::as_list)
        .map(<[Value]>::len)
        .max()
        .unwrap_or(1);
    let mut out = Vec::new();
    for i in 0..len {
        let row: Vec<Value> = args[1..]
            .iter()
            .map(|a| match a.as_list() {
                Some(l) => l.get(i).cloned().unwrap_or_else(|| Value::null(None)),
                None => a.clone(),
            })
            .collect();
        match format(&f, &row) {
            Some(t) => out.push(t.into_value(sp)),
            None => return Value::unknown("formatlist()", sp),
        }
    }
    Value::list(out, sp)
}

fn file(ev: &dyn Env, name: &str, args: &[Value], span: Span, m: &ModuleInst) -> Value {
    let sp = Some(span);
    let Some(path) = args.first() else {
        return Value::error(format!("{name}() needs a path"), sp);
    };
    let Some(path) = path.as_str() else {
        return Value::unknown(unknown_name(path, name), sp);
    };
    let Some((id, text)) = ev.read_file(m, path) else {
        return Value::unknown(
            format!("{name}(\"{path}\"): not a readable file inside the scanned tree"),
            sp,
        );
    };
    let whole = Span::new(id, 0, text.len());
    if name == "file" {
        let mut v = Value::new(
            Kind::String(Arc::new(Str::new(
                &*text,
                crate::value::Segments::One(crate::value::Segment {
                    start: 0,
                    len: text.len(),
                    source: whole,
                    exact: true,
                }),
            ))),
            Some(whole),
        );
        v.via = sp;
        return v;
    }
    // templatefile(path, vars): the template sees only its variables.
    let vars = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| Value::object(vec![], None));
    if !vars.is_known() && vars.entries().is_empty() {
        return Value::unknown(unknown_name(&vars, name), sp);
    }
    let template = match crate::syntax::hcl::template_in_json(id, &text, 0, None) {
        Ok(t) => t,
        Err(e) => return Value::error(format!("templatefile(): {}", e.message), sp),
    };
    let scope = Scope {
        vars: vars
            .entries()
            .iter()
            .map(|e| (e.key.to_string(), std::rc::Rc::new(e.value.clone())))
            .collect(),
        isolated: true,
    };
    let mut v = ev.template(&template, whole, m, &scope);
    v.via = sp;
    v
}

/// `replace(text, search, replacement)` where the text or the replacement is partly
/// known (`replace(var.arn, "arn:aws", "arn:${data.aws_partition.current.partition}")`):
/// a template, when the search is a known plain string and no match can involve an
/// unknown part of the text. That holds only for well-known holes (partition,
/// region, account), whose characters are known; any other hole could hold the
/// search string. `None` when the result cannot be known in part.
fn partial_replace(args: &[Value]) -> Option<Template> {
    let [text, search, with] = args else {
        return None;
    };
    let search = scalar_string(search)?;
    if search.is_empty() || (search.len() > 1 && search.starts_with('/') && search.ends_with('/')) {
        return None;
    }
    let as_template = |v: &Value| -> Option<Template> {
        let mut t = Template::default();
        match &v.kind {
            Kind::String(_) | Kind::Number(_) | Kind::Bool(_) => t.push_value(v),
            Kind::Unknown(u) => t.extend(u.template.as_deref()?),
            _ => return None,
        }
        Some(t)
    };
    let (text, with) = (as_template(text)?, as_template(with)?);
    let parts = &text.parts;
    for (i, p) in parts.iter().enumerate() {
        let Part::Hole(h) = p else { continue };
        let lit = |j: Option<usize>| match j.and_then(|j| parts.get(j)) {
            Some(Part::Lit(l)) => Some(l.as_str()),
            Some(Part::Hole(_)) => None,
            None => Some(""),
        };
        let (before, after) = (lit(i.checked_sub(1))?, lit(Some(i + 1))?);
        if may_match_at_hole(&search, h, before, after) {
            return None;
        }
    }
    let mut out = Template::default();
    for p in parts {
        match p {
            Part::Hole(h) => out.push_hole(h.clone()),
            Part::Lit(l) => {
                for (n, piece) in l.split(search.as_str()).enumerate() {
                    if n > 0 {
                        out.extend(&with);
                    }
                    out.push_lit(piece);
                }
            }
        }
    }
    Some(out)
}

/// Could `search` match text that includes part of the hole's value? Inside it, or
/// across its edge into the known text around it.
fn may_match_at_hole(search: &str, hole: &Hole, before: &str, after: &str) -> bool {
    let Some(wk) = hole.well_known else {
        return true;
    };
    let can_hold = |c: char| match wk {
        WellKnown::Partition => c.is_ascii_lowercase() || c == '-',
        WellKnown::DnsSuffix => {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'
        }
        WellKnown::Region => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-',
        WellKnown::AccountId => c.is_ascii_digit(),
    };
    if search.chars().all(can_hold) {
        return true;
    }
    search.char_indices().skip(1).any(|(k, c)| {
        // `search[..k]` ends the known text before, the rest starts in the hole.
        let left = before.ends_with(&search[..k]) && can_hold(c);
        // `search[k..]` starts the known text after, what precedes ends the hole.
        let right = after.starts_with(&search[k..])
            && search[..k].chars().next_back().is_some_and(can_hold);
        left || right
    })
}
