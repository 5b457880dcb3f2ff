//! `--format github`: GitHub Actions workflow commands, one per finding.

use super::position::range;
use bedrock_lint_rules::{Report, Severity};

/// Escapes a command's message (data).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let files = &report.model.files;
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
        let cmd = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let ((sl, sc), (el, ec)) = range(files, d.span);
        let file = files
            .get(d.span.file)
            .path
            .display()
            .to_string()
            .replace('\\', "/");
        out.push_str(&format!(
            "::{cmd} file={},line={sl},col={sc},endLine={el},endColumn={ec},title={}::{}\n",
            escape_property(&file),
            escape_property(d.rule.code()),
            escape_data(&d.message)
        ));
    }
    out
}
