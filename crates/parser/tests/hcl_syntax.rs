//! Newlines and duplicate object keys where Terraform's own parser (hclsyntax) accepts
//! them. Every case's expectation is what `terraform fmt` 1.11 says about the same text,
//! so a case that flips means we diverge from Terraform.

use bedrock_lint_parser::model::load::{parse_text, FileKind};
use bedrock_lint_parser::syntax::ast::{Expr, ExprKind, ObjectKey};
use bedrock_lint_parser::FileId;
use pretty_assertions::assert_eq;

/// (name, text, accepted by `terraform fmt`)
const CASES: &[(&str, &str, bool)] = &[
    ("and_forobj", "a = { for k in x : k =>\n  b &&\n  c\n}\n", true),
    ("and_forobj2", "a = { for k in x :\n  k => b\n  &&\n  c\n}\n", true),
    ("and_object_value", "a = {\n  x = b &&\n    c\n}\n", false),
    ("and_paren", "a = (b &&\n  c)\n", true),
    ("and_toplevel", "a = b &&\n  c\n", false),
    ("blockcmt", "a = (b /* x\n y */ && d)\n", true),
    ("cmt_paren", "a = (b # c\n  && d)\n", true),
    ("cond_forlist", "a = [for v in x :\n  v\n  ? 1\n  : 2\n]\n", true),
    ("cond_forobj", "a = { for k, v in x : k =>\n  v\n  ? 1\n  : 2\n}\n", true),
    ("cond_paren", "a = (\n  b\n  ? 1\n  : 2\n)\n", true),
    ("cond_toplevel", "a = b\n  ? 1\n  : 2\n", false),
    ("cond_toplevel2", "a = b ?\n  1 :\n  2\n", false),
    ("cond_tuple", "a = [\n  b\n  ? 1\n  : 2\n]\n", true),
    ("dot_toplevel", "a = b\n  .c\n", false),
    ("dupattr", "a = 1\na = 2\n", false),
    ("dupkey", "a = {\n  p = 1\n  p = 2\n}\n", true),
    ("dupkey_str", "a = {\n  \"p\" = 1\n  p = 2\n}\n", true),
    ("ellipsis_nl", "a = f(x\n...\n)\n", true),
    ("forgroup", "a = { for k, v in x : v => k\n... if k != \"\" }\n", true),
    ("forlist_coll", "a = [for v in concat(\n x, y) : v if v\n != 1]\n", true),
    ("forobj_cmt", "a = { for k, v in x : k => # c\n  v\n  # d\n  ? 1 : 2\n}\n", true),
    ("forobj_coll", "a = {for k, v in\n x\n :\n k => v}\n", true),
    ("forobj_key", "a = {for k, v in x : upper(k) ==\n \"A\" ? k : v => v}\n", true),
    ("funcarg", "a = f(\n  b &&\n  c,\n  d\n)\n", true),
    ("heredoc_paren", "a = (<<EOT\nhi\nEOT\n)\n", true),
    ("ifdir", "a = \"%{if b &&\n c}x%{endif}\"\n", true),
    ("index", "a = b[\n  c\n  + 1\n]\n", true),
    ("interp", "a = \"${b &&\n c}\"\n", true),
    ("nested_obj_in_for", "a = { for k in x : k => {\n  p = 1\n  q = 2\n} }\n", true),
    ("obj_in_paren", "a = ({\n  p = 1\n  q = 2\n})\n", true),
    ("objval_paren", "a = {\n  x = (b &&\n    c)\n  y = 2\n}\n", true),
    ("op_start_toplevel", "a = b\n  && c\n", false),
    ("splat_nl", "a = [for v in b[*]\n .c : v]\n", true),
    ("traversal_nl", "a = (b\n .c)\n", true),
    ("unary", "a = (!\n b)\n", true),
    ("block_header_nl", "resource \"a\"\n  \"b\" {\n}\n", false),
    ("block_nested", "b {\n  c = (1 +\n    2)\n  d {\n    e = [for x in y :\n      x]\n  }\n}\n", true),
    ("cmt_obj", "a = {\n  p = 1 # c\n  q = 2 // d\n  r = 3 /* e */\n}\n", true),
    ("crlf_paren", "a = (b &&\r\n  c)\r\nd = 1\r\n", true),
    ("dupkey_expr", "\na = {\n  (b) = 1\n  (b) = 2\n}\n", true),
    ("dupkey_nested", "a = {\n  p = { r = 1, r = 2 }\n  p = { s = 1 }\n}\n", true),
    ("dupkey_oneletter", "a = { a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12, m = 13, n = 14, o = 15, p = 16, q = 17, r = 18, s = 19, t = 20, u = 21, v = 22, w = 23, x = 24, y = 25, z = 26, a = 27 }\n", true),
    ("dupkey_three", "a = {\n  p = 1\n  q = 2\n  p = 3\n  q = 4\n  p = 5\n}\n", true),
    ("esc_str_paren", "a = (b == \"\\\"(\" &&\n  c)\n", true),
    ("for_in_interp", "a = \"${ [for v in x :\n v] }\"\n", true),
    ("forcond_nl", "a = [for v in x : v\n  if v]\n", true),
    ("fordir", "a = \"%{for x in y\n}a%{endfor}\"\n", true),
    ("heredoc_in_for", "a = {for k in x : k => <<EOT\nhi ${k}\n  EOT\n}\n", true),
    ("heredoc_in_for_dash", "a = [for k in x : <<-EOT\n  hi ${k &&\n v}\n  EOT\n]\n", true),
    ("interp_obj", "a = \"${ {p = 1\n q = 2}.p }\"\n", true),
    ("obj_in_for_and", "a = {for k in x : k => {\n  p = b &&\n    c\n}}\n", false),
    ("obj_in_for_paren", "a = {for k in x : k => {\n  p = (1 +\n    2)\n  q = 3\n}}\n", true),
    ("oneline_block", "b { c = 1 }\n", true),
    ("str_hash_paren", "a = (b == \"#\"\n  && c)\n", true),
    ("tuple_in_object", "a = {\n  p = [1,\n    2]\n  q = 1\n}\n", true),
    ("heredoc_if", "a = <<EOT\n%{if b &&\n  c}x%{endif}\nEOT\n", true),
    ("heredoc_interp", "a = <<EOT\n${b &&\n  c}\nEOT\n", true),
    ("heredoc_for", "a = <<-EOT\n  %{for x in [1,\n 2]}${x}%{endfor}\n  EOT\n", true),
    ("heredoc_then_paren", "a = (<<EOT\n${b}\nEOT\n  )\nb = [\n  1\n]\n", true),
];

#[test]
fn accepts_exactly_what_terraform_accepts() {
    let expected: Vec<(&str, bool)> = CASES.iter().map(|(n, _, ok)| (*n, *ok)).collect();
    let got: Vec<(&str, bool)> = CASES
        .iter()
        .map(|(n, text, _)| {
            (
                *n,
                parse_text(FileKind::Config, text, FileId::new(0)).is_ok(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

fn value_of(text: &str) -> Expr {
    let parsed = parse_text(FileKind::Config, text, FileId::new(0)).expect("parses");
    let body = parsed.body.expect("a body");
    body.attribute("a").expect("attribute a").value.clone()
}

fn src<'a>(text: &'a str, e: &Expr) -> &'a str {
    &text[e.span.start as usize..e.span.end as usize]
}

#[test]
fn spans_stay_exact_across_ignored_newlines() {
    let text = "a = { for k, v in x : k => # why\n  v.on\n  ? 1\n  : 2\n}\n";
    let ExprKind::For(f) = value_of(text).kind else {
        panic!("a for expression")
    };
    let ExprKind::Conditional(cond, then, _) = &f.value_expr.kind else {
        panic!("a conditional value")
    };
    assert_eq!(
        (src(text, &f.value_expr), src(text, cond), src(text, then)),
        ("v.on\n  ? 1\n  : 2", "v.on", "1")
    );
}

fn keys_and_values(text: &str) -> Vec<(String, String)> {
    let ExprKind::Object(items) = value_of(text).kind else {
        panic!("an object")
    };
    items
        .iter()
        .map(|i| {
            let key = match &i.key {
                ObjectKey::Name(n) => n.to_string(),
                ObjectKey::Expr(e) => format!("({})", src(text, e)),
            };
            (key, src(text, &i.value).to_string())
        })
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn duplicate_object_keys_keep_the_last_as_terraform_does() {
    let text = "a = {\n  p = 1\n  q = 2\n  \"p\" = 3\n  q = \"four\"\n  p = 5\n}\n";
    assert_eq!(
        keys_and_values(text),
        pairs(&[("q", "\"four\""), ("p", "5")])
    );
    let text = "a = { a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12, m = 13, n = 14, o = 15, p = 16, q = 17, r = 18, s = 19, t = 20, u = 21, v = 22, w = 23, x = 24, y = 25, z = 26, _ = 0, a = 27 }\n";
    let got = keys_and_values(text);
    assert_eq!(got.len(), 27);
    assert_eq!(got.last(), Some(&("a".to_string(), "27".to_string())));
}

#[test]
fn a_real_error_is_reported_where_it_is() {
    let text = "a = {\n  x = b &&\n    c\n}\n";
    let err = parse_text(FileKind::Config, text, FileId::new(0)).unwrap_err();
    assert_eq!(err.offset, text.find("&&").unwrap() + 2);
}

#[test]
fn many_repeated_keys_stop_after_a_bounded_number_of_readings() {
    let mut text = String::from("a = {\n");
    for i in 0..5_000 {
        text.push_str(&format!("  k = {i}\n"));
    }
    text.push_str("}\n");
    let start = std::time::Instant::now();
    let err = parse_text(FileKind::Config, &text, FileId::new(0)).unwrap_err();
    assert!(err.message.contains("redefined object key"), "{err:?}");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// Every prefix and a few byte-level mutations of tricky valid input: no panic, and
/// every error offset inside the text.
#[test]
fn mangled_input_never_panics() {
    let seeds: Vec<&str> = CASES.iter().map(|(_, t, _)| *t).collect();
    for seed in seeds {
        for end in (0..=seed.len()).filter(|e| seed.is_char_boundary(*e)) {
            let cut = &seed[..end];
            for text in [
                cut.to_string(),
                format!("{cut}}}\n"),
                format!("{cut})\"\n"),
                cut.replace('\n', "\r\n"),
                cut.replace('{', "{ for a in b : c => {"),
            ] {
                if let Err(e) = parse_text(FileKind::Config, &text, FileId::new(0)) {
                    assert!(e.offset <= text.len(), "{text:?}: {e:?}");
                }
            }
        }
    }
}
