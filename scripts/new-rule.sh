#!/usr/bin/env bash
# Scaffolds a rule: the rule file, its registry entry and its documentation skeleton.
# Usage: scripts/new-rule.sh BL123 my-rule-name [error|warning|note] [group]
set -euo pipefail
cd "$(dirname "$0")/.."
code=${1:?code like BL123}; name=${2:?name like my-rule-name}
severity=${3:-warning}; group=${4:-model-scope}
module="$(echo "$code" | tr 'A-Z' 'a-z')_$(echo "$name" | tr '-' '_')"
variant="Bl${code#BL}"
sev="$(echo "${severity:0:1}" | tr a-z A-Z)${severity:1}"
file="crates/rules/src/rules/$module.rs"
[ -e "$file" ] && { echo "$file exists" >&2; exit 2; }
cat > "$file" <<RS
//! $code $name: see rules/$code-$name.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Meta;

pub const META: Meta = Meta {
    code: "$code",
    name: "$name",
    severity: Severity::$sev,
    group: "$group",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(_ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
RS
echo "pub mod $module;" >> crates/rules/src/rules/mod.rs
# Register before the closing brace of declare_rules!.
python3 - "$variant" "$module" <<'PY'
import sys, re
p = "crates/rules/src/registry.rs"
s = open(p).read()
i = s.index("declare_rules! {")
j = s.index("\n}", i)
s = s[:j] + f"\n    {sys.argv[1]} => {sys.argv[2]}," + s[j:]
open(p, "w").write(s)
PY
cat > "rules/$code-$name.md" <<MD
---
code: $code
name: $name
severity: $severity
group: $group
fix: none
frameworks: OWASP-NHI5
---

# $code $name

One-line summary.

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
echo "created $file and rules/$code-$name.md; registered $variant"
