//! `--format checkstyle`: Checkstyle XML, one `<file>` per file with findings.

use super::position::range;
use bedrock_lint_rules::{Report, Severity};

/// Escapes text for an XML attribute or element; drops characters XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &Report) -> String {
    let files = &report.model.files;
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    let mut current: Option<String> = None;
    for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
        let file = files.get(d.span.file).path.display().to_string();
        if current.as_deref() != Some(file.as_str()) {
            if current.is_some() {
                out.push_str("  </file>\n");
            }
            out.push_str(&format!("  <file name=\"{}\">\n", xml_escape(&file)));
            current = Some(file);
        }
        let ((l, c), _) = range(files, d.span);
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "info",
        };
        out.push_str(&format!(
            "    <error line=\"{l}\" column=\"{c}\" severity=\"{sev}\" message=\"{}\" source=\"bedrock-lint.{}\"/>\n",
            xml_escape(&d.message),
            d.rule.code()
        ));
    }
    if current.is_some() {
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
