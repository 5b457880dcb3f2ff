#!/usr/bin/env bash
# Throughput benchmark: bedrock-lint on a generated tree of ordinary Terraform.
#
# usage: scripts/bench.sh [MODULES]        (default 4000 modules = 12,000 files)
# env:   BENCH_RUNS=5          timed runs (after one warm-up run)
#        BENCH_UNIQUE=1        give every module's resources distinct names
#                              (see scripts/gen-bench-tree.py --unique-names)
#        BENCH_TIMEOUT=300     seconds before one run is abandoned
#        BENCH_KEEP=1          keep the generated tree (its path is printed)
# Uses hyperfine when it is installed, else a bash loop around `date +%s.%N`.
set -euo pipefail

cd "$(dirname "$0")/.."
modules="${1:-4000}"
runs="${BENCH_RUNS:-5}"
limit="${BENCH_TIMEOUT:-300}"
gen_flags=()
if [[ "${BENCH_UNIQUE:-0}" == 1 ]]; then
    gen_flags+=(--unique-names)
fi

cargo build --release --quiet --bin bedrock-lint
bin="$PWD/target/release/bedrock-lint"

tree="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$tree"' EXIT
fi
python3 scripts/gen-bench-tree.py "${gen_flags[@]}" "$modules" "$tree"
files=$(find "$tree" -type f -name '*.tf' | wc -l)
bytes=$(find "$tree" -type f -name '*.tf' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "tree: $tree"
echo "modules: $modules, files: $files, bytes: $bytes ($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB)"
echo "cores: $(nproc)"

cmd=("$bin" "$tree" --format json --output /dev/null)
run_once() {
    # Exit status 1 (findings) is a normal outcome; 2 or a timeout is not.
    local rc=0
    timeout "$limit" "${cmd[@]}" || rc=$?
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then
        echo "run failed or timed out after ${limit}s (exit $rc)" >&2
        return 1
    fi
}

report() {
    awk -v t="$1" -v f="$files" -v b="$bytes" 'BEGIN {
        printf "mean %.3f s  ->  %.0f files/s, %.1f MB/s\n", t, f / t, b / 1e6 / t }'
}

if command -v hyperfine >/dev/null 2>&1; then
    json="$(mktemp)"
    hyperfine --warmup 1 --runs "$runs" -i --export-json "$json" \
        "timeout $limit ${cmd[*]}"
    mean=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$json")
    rm -f "$json"
    report "$mean"
else
    run_once # warm-up: page cache
    total=0
    for i in $(seq "$runs"); do
        start=$(date +%s.%N)
        run_once
        end=$(date +%s.%N)
        t=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}')
        echo "run $i: $t s"
        total=$(awk -v a="$total" -v t="$t" 'BEGIN {print a + t}')
    done
    report "$(awk -v a="$total" -v n="$runs" 'BEGIN {print a / n}')"
fi
