#!/usr/bin/env bash
# The real-world regression set (docs/real-world.md): lint every extracted
# repository under DIR and print the findings per repository and per code.
#
# usage: scripts/real-world.sh DIR [OUT]
#   DIR  the folder holding the extracted repositories, one folder each
#        (owner+name, as listed in docs/real-world.tsv)
#   OUT  where the reports go (default: a fresh temporary directory, printed):
#        OUT/<repo>.json, OUT/<repo>.txt (compact) and OUT/findings.tsv
#        (repo, file, line, code, severity, address, message: one finding a line,
#        the list docs/real-world.md reviews)
# env:   BEDROCK_LINT=path  the binary to run (default: target/release/bedrock-lint,
#        built with `cargo build --release` when missing)
#        REAL_WORLD_BUILD=1 rebuild first (`cargo build --release`)
# Never downloads anything and never runs code from the repositories: it only
# lints their files, with the defaults a new user sees (no .bedrock-lint.hcl
# unless a repository carries one).
set -euo pipefail

if [[ $# -lt 1 || ! -d "$1" ]]; then
    echo "usage: $0 DIR [OUT]   (DIR holds the extracted repositories)" >&2
    exit 2
fi
root="$(cd "$1" && pwd)"
cd "$(dirname "$0")/.."

bin="${BEDROCK_LINT:-$PWD/target/release/bedrock-lint}"
if [[ "${REAL_WORLD_BUILD:-0}" == 1 || ( -z "${BEDROCK_LINT:-}" && ! -x "$bin" ) ]]; then
    cargo build --release --quiet --bin bedrock-lint
fi
command -v jq >/dev/null || { echo "real-world.sh needs jq" >&2; exit 2; }

out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-real-world.XXXXXX")}"
mkdir -p "$out"
tsv="$out/findings.tsv"
printf 'repo\tfile\tline\tcode\tseverity\taddress\tmessage\n' >"$tsv"

echo "binary: $bin ($("$bin" --version 2>/dev/null || echo unknown))"
echo "reports: $out"
echo
printf '%-55s %6s %8s  %s\n' repository files findings "per code"
for dir in "$root"/*/; do
    repo="$(basename "$dir")"
    json="$out/$repo.json"
    # --fail-on never: exit 0 unless the run itself failed (exit 2).
    if ! (cd "$dir" && "$bin" . --format json --fail-on never) >"$json" 2>"$out/$repo.stderr"; then
        printf '%-55s %s\n' "$repo" "RUN FAILED (see $out/$repo.stderr)"
        continue
    fi
    (cd "$dir" && "$bin" . --format compact --fail-on never) >"$out/$repo.txt" 2>/dev/null || true
    jq -r --arg repo "$repo" '.diagnostics[] | select(.suppressed | not)
        | [$repo, .file, (.range.start.line | tostring), .code, .severity,
           (.address // "null"), (.message | gsub("[\t\n]"; " "))] | @tsv' "$json" >>"$tsv"
    files="$(jq '.summary.files' "$json")"
    count="$(jq '[.diagnostics[] | select(.suppressed | not)] | length' "$json")"
    codes="$(jq -r '[.diagnostics[] | select(.suppressed | not) | .code] | group_by(.)
        | map("\(.[0])=\(length)") | join(" ")' "$json")"
    printf '%-55s %6s %8s  %s\n' "$repo" "$files" "$count" "$codes"
done

echo
echo "per code (findings / repositories):"
tail -n +2 "$tsv" | awk -F'\t' '{ n[$4]++; if (!seen[$4 FS $1]++) r[$4]++ }
    END { for (c in n) printf "  %-6s %5d / %d\n", c, n[c], r[c] }' | sort
echo "total findings: $(($(wc -l <"$tsv") - 1))"

# Compare with the reviewed verdicts: a finding nobody has judged yet, a judged
# finding that is gone (a fixed FP, or a lost TP), a miss that is now reported.
verdicts="docs/real-world-verdicts.tsv"
[[ -f "$verdicts" ]] || exit 0
echo
echo "against $verdicts:"
awk -F'\t' '
    FNR == 1 { next }
    FILENAME == ARGV[1] {
        key = $1 FS $2 FS $3 FS $4
        if ($5 == "miss") { miss[key] = $7; next }
        judged[key] = $5 " (" $6 ")"; why[key] = $7; next
    }
    {
        key = $1 FS $2 FS $3 FS $4; seen[key] = 1
        if (key in miss) { printf "  miss now reported:  %s %s:%s %s\n", $1, $2, $3, $4; fixed++ }
        else if (!(key in judged)) { printf "  NOT REVIEWED:       %s %s:%s %s  %s\n", $1, $2, $3, $4, $7; fresh++ }
    }
    END {
        for (k in judged) if (!(k in seen)) {
            split(k, p, FS)
            printf "  gone, was %-12s %s %s:%s %s  %s\n", judged[k] ":", p[1], p[2], p[3], p[4], why[k]
            gone++
        }
        printf "  %d not reviewed, %d reviewed findings gone, %d misses now reported\n", fresh, gone, fixed
    }' "$verdicts" "$tsv"
