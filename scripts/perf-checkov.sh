#!/usr/bin/env bash
# bedrock-lint against Checkov on the same generated tree, timed in the same run
# (issue 12).
#
# usage: scripts/perf-checkov.sh [--bin BIN] [--tree DIR] [--keep]
#   --bin BIN    bedrock-lint binary (default target/release/bedrock-lint; not built here)
#   --tree DIR   use DIR as the tree (generated into it when it has no modules/)
#   --keep       keep the generated tree (its path is printed)
# env:   PERF_MODULES=400            modules to generate (3 .tf files each: 1,200 files)
#        BEDROCK_RUNS=5              timed bedrock-lint runs, after one warm-up
#        CHECKOV_RUNS=2              timed Checkov runs (best is reported)
#        CHECKOV_VENV=target/perf-venv
#                                    where Checkov is installed when it is not on PATH
#        PERF_TIMEOUT=1200           seconds before one run is abandoned
#
# Commands timed (wall clock, bash's $EPOCHREALTIME: read without starting a process,
# where two `date` processes per run added 3-5 ms to a 35 ms run):
#   BIN TREE --format json --output /dev/null
#   checkov -d TREE --framework terraform --quiet --compact -o json > /dev/null
# Exit status 1 (findings) is a normal outcome for both tools. The untimed warm-up of
# bedrock-lint and the first Checkov run write their JSON to a temporary file instead
# of /dev/null, so the script can print how much each tool found (a tool that failed
# to read the tree would show up there).
set -euo pipefail
export LC_NUMERIC=C  # $EPOCHREALTIME with a decimal point

cd "$(dirname "$0")/.."
root="$PWD"
bin="$root/target/release/bedrock-lint"
tree=""
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) bin="$(realpath "$2")"; shift 2 ;;
        --tree) tree="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "perf-checkov: unknown argument $1" >&2; exit 2 ;;
    esac
done
modules="${PERF_MODULES:-400}"
bl_runs="${BEDROCK_RUNS:-5}"
ck_runs="${CHECKOV_RUNS:-2}"
venv="${CHECKOV_VENV:-target/perf-venv}"
limit="${PERF_TIMEOUT:-1200}"

if [[ ! -x "$bin" ]]; then
    echo "perf-checkov: no executable at $bin (build it with cargo build --release, or pass --bin)" >&2
    exit 2
fi

# ---- Checkov: on PATH, in the venv, or installed into the venv ----
if command -v checkov >/dev/null 2>&1; then
    checkov="$(command -v checkov)"
elif [[ -x "$venv/bin/checkov" ]]; then
    checkov="$venv/bin/checkov"
else
    echo "checkov: not on PATH nor in $venv; installing it: python3 -m venv $venv && $venv/bin/pip install checkov"
    start=$(date +%s)
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >/dev/null 2>&1 || true
    "$venv/bin/pip" install --quiet checkov
    echo "checkov: installed in $(( $(date +%s) - start )) s"
    checkov="$venv/bin/checkov"
fi
checkov="$(realpath "$checkov")"
ck_version="$("$checkov" --version 2>/dev/null | tail -n 1)"

# ---- the tree ----
work="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-perf-checkov.XXXXXX")"
cleanup() {
    rm -rf "$work"
    if [[ "$keep" != 1 && -n "${gen_tree:-}" ]]; then rm -rf "$gen_tree"; fi
}
trap cleanup EXIT
if [[ -z "$tree" ]]; then
    gen_tree="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-perf-tree.XXXXXX")"
    tree="$gen_tree"
fi
tree="$(realpath "$tree")"
if [[ ! -d "$tree/modules" ]]; then
    python3 scripts/gen-bench-tree.py "$modules" "$tree"
fi
files=$(find "$tree" -type f -name '*.tf' | wc -l)
bytes=$(find "$tree" -type f -name '*.tf' -printf '%s\n' | awk '{s += $1} END {print s + 0}')

echo "tree:        $tree ($files .tf files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB)"
echo "bedrock-lint: $bin ($("$bin" --version 2>/dev/null | head -n 1))"
echo "checkov:     $checkov (version $ck_version)"
echo "machine:     $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
[[ "$keep" == 1 && -n "${gen_tree:-}" ]] && echo "(the tree is kept)"

# run_timed NAME OUTFILE CMD...: runs CMD with stdout to OUTFILE, prints wall seconds.
# Exit 0 or 1 is a result; anything else (or a timeout) fails the script.
run_timed() {
    local name="$1" out="$2" rc=0 start end
    shift 2
    start=$EPOCHREALTIME
    timeout "$limit" "$@" >"$out" 2>"$work/$name.err" || rc=$?
    end=$EPOCHREALTIME
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then
        echo "perf-checkov: $name failed or timed out after ${limit}s (exit $rc): $*" >&2
        tail -n 20 "$work/$name.err" >&2
        exit 1
    fi
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}'
}

min() { awk -v a="$1" -v b="$2" 'BEGIN {print (b == "" || a + 0 < b + 0) ? a : b}'; }

# ---- bedrock-lint: one warm-up (report kept for the count), best of N ----
bl_cmd=("$bin" "$tree" --format json --output /dev/null)
w=$(run_timed bedrock-lint /dev/null "$bin" "$tree" --format json --output "$work/bl.json")
bl_found=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["diagnostics"]))' "$work/bl.json")
echo
echo "bedrock-lint: warm-up ${w} s, $bl_found finding(s)"
bl_best=""
bl_all=()
for i in $(seq "$bl_runs"); do
    t=$(run_timed bedrock-lint /dev/null "${bl_cmd[@]}")
    bl_all+=("$t")
    bl_best=$(min "$t" "$bl_best")
done
echo "bedrock-lint: runs ${bl_all[*]} s -> best $bl_best s"

# ---- Checkov: best of N (the first run's report kept for the count) ----
ck_cmd=("$checkov" -d "$tree" --framework terraform --quiet --compact -o json)
ck_best=""
ck_all=()
for i in $(seq "$ck_runs"); do
    out=/dev/null
    [[ $i == 1 ]] && out="$work/ck.json"
    t=$(run_timed checkov "$out" "${ck_cmd[@]}")
    ck_all+=("$t")
    ck_best=$(min "$t" "$ck_best")
    if [[ $i == 1 ]]; then
        ck_found=$(python3 - "$work/ck.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except ValueError as e:
    print(f"unreadable JSON report ({e})")
    sys.exit()
reports = d if isinstance(d, list) else [d]
s = {}
for r in reports:
    for k, v in (r.get("summary") or {}).items():
        if isinstance(v, int):
            s[k] = s.get(k, 0) + v
print(f"{s.get('failed', 0)} failed / {s.get('passed', 0)} passed checks, "
      f"{s.get('resource_count', 0)} resources, {s.get('parsing_errors', 0)} parsing errors")
EOF
)
        echo "checkov:     first run ${t} s, $ck_found"
    fi
done
# Without network Checkov fails to fetch its guidelines from its platform and logs a
# traceback; the checks themselves run locally. Other tracebacks are shown.
if grep -q Traceback "$work/checkov.err" 2>/dev/null; then
    if grep -q -E 'guidelines|NameResolutionError|Max retries exceeded' "$work/checkov.err"; then
        echo "checkov:     (could not reach its platform for guidelines: no network; the checks run locally)"
    else
        echo "checkov:     wrote a Python traceback to stderr (last lines):" >&2
        tail -n 10 "$work/checkov.err" >&2
    fi
fi
echo "checkov:     runs ${ck_all[*]} s -> best $ck_best s"

echo
printf '%-14s %10s  %s\n' tool "best wall" command
printf '%-14s %9ss  %s\n' bedrock-lint "$bl_best" "bedrock-lint TREE --format json --output /dev/null (best of $bl_runs after a warm-up)"
printf '%-14s %9ss  %s\n' "checkov $ck_version" "$ck_best" "checkov -d TREE --framework terraform --quiet --compact -o json > /dev/null (best of $ck_runs)"
awk -v c="$ck_best" -v b="$bl_best" -v f="$files" 'BEGIN {
    if (b <= 0) b = 0.001
    printf "\nbedrock-lint is %.0f× faster than Checkov on %d files (%.3f s against %.3f s).\n", c / b, f, b, c }'
