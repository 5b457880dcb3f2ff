//! `--format compact`: `file:line:col: severity[CODE] message`, one per line.

use super::position::range;
use bedrock_lint_rules::Report;

pub fn render(report: &Report, verbose: bool) -> String {
    let files = &report.model.files;
    let mut out = String::new();
    for d in report
        .diagnostics
        .iter()
        .filter(|d| verbose || !d.suppressed)
    {
        let ((l, c), _) = range(files, d.span);
        let sup = if d.suppressed { " (suppressed)" } else { "" };
        out.push_str(&format!(
            "{}:{l}:{c}: {}[{}] {}{sup}\n",
            files.get(d.span.file).path.display(),
            d.severity.as_str(),
            d.rule.code(),
            d.message
        ));
    }
    out
}
