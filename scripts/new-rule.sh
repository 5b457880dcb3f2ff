#!/usr/bin/env bash
# Scaffolds a rule: the rule file, its entry in the one rule list (in code order, so
# SARIF ruleIndex and `bedrock-lint rules` stay sorted), its documentation skeleton,
# and a failing and a passing fixture case to fill in.
#
# Usage: scripts/new-rule.sh CODE NAME SEVERITY GROUP FRAMEWORK[,FRAMEWORK...]
#   e.g. scripts/new-rule.sh BL107 invoke-any-profile warning model-scope OWASP-NHI5
# Frameworks are the references RULES.md lists for the rule (OWASP-NHI1..10,
# NIST-AI-RMF-GOVERN); SARIF tags and the docs use them.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { sed -n '2,9p' "$0" >&2; exit 2; }
[ $# -eq 5 ] || usage
code=$1; name=$2; severity=$3; group=$4; frameworks=$5
[[ $code =~ ^BL[0-9]{3}$ ]] || { echo "code must look like BL123" >&2; exit 2; }
[[ $name =~ ^[a-z][a-z0-9-]*$ ]] || { echo "name must be kebab-case" >&2; exit 2; }
case $severity in error|warning|note) ;; *) echo "severity: error, warning or note" >&2; exit 2;; esac
module="$(echo "$code" | tr 'A-Z' 'a-z')_$(echo "$name" | tr '-' '_')"
variant="Bl${code#BL}"
sev="$(echo "${severity:0:1}" | tr a-z A-Z)${severity:1}"
file="crates/rules/src/rules/$module.rs"
lower="$(echo "$code" | tr 'A-Z' 'a-z')"
[ -e "$file" ] && { echo "$file exists" >&2; exit 2; }
fw_rust=$(echo "$frameworks" | awk -F, '{for(i=1;i<=NF;i++) printf "%s\"%s\"", (i>1?", ":""), $i}')

cat > "$file" <<RS
//! $code $name: see rules/$code-$name.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;

pub const META: Meta = Meta {
    code: "$code",
    name: "$name",
    severity: Severity::$sev,
    group: "$group",
    fix: None,
    frameworks: &[$fw_rust],
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
RS

# Register in code order: the module list and the one rule list.
python3 - "$variant" "$module" <<'PY'
import sys, re
variant, module = sys.argv[1], sys.argv[2]

def insert_sorted(path, start_marker, end_marker, line, key):
    s = open(path).read()
    i = s.index(start_marker) + len(start_marker)
    j = s.index(end_marker, i)
    lines = [l for l in s[i:j].split("\n") if l.strip()]
    lines.append(line)
    lines.sort(key=key)
    s = s[:i] + "\n" + "\n".join(lines) + "\n" + s[j:].lstrip("\n")
    open(path, "w").write(s)

code_of = lambda l: re.search(r"bl(\d{3})", l.lower()).group(1)
insert_sorted("crates/rules/src/rule_id.rs", "$m! {", "        }",
              f"            {variant} => {module},", code_of)
p = "crates/rules/src/rules/mod.rs"
s = open(p).read()
mods = [l for l in s.split("\n") if l.startswith("pub mod ")] + [f"pub mod {module};"]
head = "\n".join(l for l in s.split("\n") if not l.startswith("pub mod ")).rstrip("\n")
open(p, "w").write(head + "\n\n" + "\n".join(sorted(set(mods), key=code_of)) + "\n")
PY

cat > "rules/$code-$name.md" <<MD
---
code: $code
name: $name
severity: $severity
group: $group
fix: none
frameworks: $frameworks
---

# $code $name

one-line summary in lower case

## What it catches

## Why it matters

## Example

\`\`\`hcl
\`\`\`

## Use instead

\`\`\`hcl
\`\`\`

## Fix

## Configuration

## References
MD

fail_dir="testdata/cases/$lower-TODO"
pass_dir="testdata/cases/$lower-pass-TODO"
mkdir -p "$fail_dir" "$pass_dir"
cat > "$fail_dir/main.tf" <<TF
# $code: what this case makes fire. End the line where the finding's primary span
# starts (RULES.md) with the marker \`# expect: $code\`.
TF
cat > "$pass_dir/main.tf" <<TF
# $code passing case: a configuration that follows the guidance; the linter must be
# silent on it (no markers).
TF
cargo fmt --all >/dev/null 2>&1 || true
echo "created $file, rules/$code-$name.md, testdata/cases/$lower-TODO and $lower-pass-TODO;"
echo "registered $variant in crates/rules/src/rule_id.rs. Rename the case folders, write"
echo "check() and the doc, then: cargo test -p bedrock-lint-rules"
