//! `--format junit`: one test suite "bedrock-lint", a failing test case per finding
//! (or one passing test case when there is none).

use super::checkstyle::xml_escape;
use super::position::range;
use bedrock_lint_rules::Report;

pub fn render(report: &Report) -> String {
    let files = &report.model.files;
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !d.suppressed)
        .collect();
    let n = findings.len();
    let tests = n.max(1);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"bedrock-lint\" tests=\"{tests}\" failures=\"{n}\" errors=\"0\">\n"
    ));
    out.push_str(&format!(
        "  <testsuite name=\"bedrock-lint\" tests=\"{tests}\" failures=\"{n}\" errors=\"0\" skipped=\"0\">\n"
    ));
    if findings.is_empty() {
        out.push_str("    <testcase name=\"bedrock-lint\" classname=\"bedrock-lint\"/>\n");
    }
    for d in findings {
        let file = files.get(d.span.file).path.display().to_string();
        let ((l, c), _) = range(files, d.span);
        let name = format!("{} {}:{l}:{c}", d.rule.code(), file);
        let mut body = format!(
            "{file}:{l}:{c}: {}[{}] {}",
            d.severity.as_str(),
            d.rule.code(),
            d.message
        );
        if let Some(a) = d.principal.as_ref().or(d.address.as_ref()) {
            body.push_str(&format!("\n{a}"));
        }
        if let Some(h) = &d.help {
            body.push_str(&format!("\nhelp: {h}"));
        }
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{l}\">\n",
            xml_escape(&name),
            xml_escape(&file),
            xml_escape(&file)
        ));
        out.push_str(&format!(
            "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
            xml_escape(&d.message),
            d.rule.code(),
            xml_escape(&body)
        ));
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
