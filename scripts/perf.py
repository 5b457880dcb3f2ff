#!/usr/bin/env python3
"""Issue 12's figures, measured side by side in one run (docs/performance.md).

usage: scripts/perf.py [--bin BIN] [--baseline OLD_BIN] [--runs N] [--checkov] [--skip-build]

Builds the release binary and the read-and-tokenize floor (crates/parser/examples/
read_floor.rs) unless --skip-build, generates the 12,000-file tree
(scripts/gen-bench-tree.py 4000), then prints, for each target of issue 12, what was
measured on this machine and whether it is met:

  1. the 12,000-file tree: wall time and peak RSS (best of N runs), and the ratio to
     the floor (walk + read + tokenize the same files, in parallel);
  2. ../shared/corpus (or $BEDROCK_LINT_CORPUS): wall time and peak RSS;
  3. the ratio to Checkov on 1,200 files (--checkov: runs scripts/perf-checkov.sh,
     which installs Checkov into a venv when it is absent; slow);
  4. JSON report bytes per finding (the corpus and testdata/cases);
  5. the language server: a keystroke in a 200-module workspace, after the debounce
     (scripts/perf-lsp.py);
  6. startup on one small module, and a pre-commit run over 20 files in 20 modules.

With --baseline, every figure is measured for that binary too, in the same run, and
printed beside (before/after). Wall times are the best of the runs (the least disturbed by other load); peak RSS is
the largest seen. Nothing here is a test: the numbers go in docs/performance.md.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, runs, **kw):
    """Best wall time (s) of `runs` runs of cmd (exit 0 or 1: findings are normal)."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
        wall = time.perf_counter() - t
        if p.returncode not in (0, 1):
            sys.exit(f"perf: {' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
        best = min(best, wall)
    return best


def fresh_peak(cmd, **kw):
    """Peak RSS (MB) of one run, read in a child interpreter: RUSAGE_CHILDREN is the
    largest of all children so far, so each figure gets an interpreter of its own."""
    code = (
        "import resource,subprocess,sys;"
        "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024)"
    )
    out = subprocess.check_output([sys.executable, "-c", code, *cmd], **kw)
    return float(out)


def figures(binary, tree, corpus, runs, checkov):
    """Every figure for one binary: (label, shown, value or None, target, met)."""
    out = []

    def add(label, shown, target, met):
        out.append((label, shown, target, "yes" if met else "NO"))

    lint = [binary, tree, "--format", "json", "--output", "/dev/null"]
    wall = run(lint, runs)
    add("1. 12,000 files: wall", f"{wall:.3f} s", "< 0.5 s", wall < 0.5)
    peak = fresh_peak(lint)
    add("1. 12,000 files: peak RSS", f"{peak:.0f} MB", "< 120 MB", peak < 120)
    add("1. wall / floor", f"{wall / FLOOR[0]:.1f}x", "< 3x", wall / FLOOR[0] < 3)
    if checkov:
        res = subprocess.run([os.path.join(ROOT, "scripts/perf-checkov.sh"), "--bin", binary],
                             capture_output=True, text=True).stdout
        line = [l for l in res.splitlines() if "faster than Checkov" in l]
        ratio = float(line[0].split("×")[0].split()[-1]) if line else 0.0
        add("3. Checkov time / bedrock-lint time", f"{ratio:.0f}x", ">= 300x", ratio >= 300)
    if os.path.isdir(corpus):
        c = [binary, corpus, "--format", "json", "--output", "/dev/null", "--fail-on", "never"]
        cw = run(c, runs)
        add("2. corpus: wall", f"{cw:.3f} s", "< 0.4 s", cw < 0.4)
        cp = fresh_peak(c)
        add("2. corpus: peak RSS", f"{cp:.0f} MB", "< 150 MB", cp < 150)
        size, n = 0, 0
        for d in (corpus, os.path.join(ROOT, "testdata/cases")):
            rep = subprocess.run([binary, d, "--format", "json", "--fail-on", "never"],
                                 capture_output=True).stdout
            size, n = size + len(rep), n + len(json.loads(rep)["diagnostics"])
        per = size / max(1, n)
        add("4. JSON report: bytes per finding", f"{per:,.0f} B of {n}", "proportionate", per < 2000)
    else:
        add("2. corpus", f"not found at {corpus}", "< 0.4 s", False)
    lsp = subprocess.run([sys.executable, os.path.join(ROOT, "scripts/perf-lsp.py"), "--bin", binary],
                         capture_output=True, text=True)
    after = [l for l in lsp.stdout.splitlines() if l.startswith("keystroke, after debounce")]
    if after:
        p90 = float(after[0].split()[5])
        add("5. LSP keystroke after debounce, p90", f"{p90:.1f} ms", "< 50 ms", p90 < 50)
    else:
        add("5. LSP keystroke", "failed", "< 50 ms", False)
    small = os.path.join(ROOT, "testdata/cases/bl101-any-model-patterns")
    sw = run([binary, small, "--format", "json", "--output", "/dev/null", "--fail-on", "never"], 20)
    add("6. startup: one small module", f"{sw * 1000:.1f} ms", "< 5 ms", sw < 0.005)
    mods = sorted(os.listdir(os.path.join(tree, "modules")))
    step = max(1, len(mods) // 20)
    changed = [os.path.join(tree, "modules", m, "main.tf") for m in mods[::step][:20]]
    pw = run([binary, *changed, "--format", "json", "--output", "/dev/null", "--fail-on", "never"], 10)
    add("6. pre-commit: 20 files, 20 modules", f"{pw * 1000:.1f} ms", "< 50 ms", pw < 0.05)
    return out


FLOOR = [1.0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/bedrock-lint"))
    ap.add_argument("--baseline", help="another bedrock-lint binary, measured in the same run (before/after)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--checkov", action="store_true")
    ap.add_argument("--skip-build", action="store_true")
    a = ap.parse_args()
    floor = os.path.join(ROOT, "target/release/examples/read_floor")
    if not a.skip_build:
        subprocess.check_call(["cargo", "build", "--release", "--quiet", "--bin", "bedrock-lint"], cwd=ROOT)
        subprocess.check_call(
            ["cargo", "build", "--release", "--quiet", "-p", "bedrock-lint-parser", "--example", "read_floor"],
            cwd=ROOT,
        )
    corpus = os.environ.get("BEDROCK_LINT_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
    tmp = tempfile.mkdtemp(prefix="bedrock-lint-perf.")
    try:
        tree = os.path.join(tmp, "tree")
        subprocess.check_call([sys.executable, os.path.join(ROOT, "scripts/gen-bench-tree.py"), "4000", tree],
                              stdout=subprocess.DEVNULL)
        out = subprocess.check_output([floor, tree, str(a.runs)]).decode().split()
        files, nbytes, FLOOR[0] = int(out[1]), int(out[3]), float(out[5])
        bins = [a.bin] + ([a.baseline] if a.baseline else [])
        cols = [figures(b, tree, corpus, a.runs, a.checkov) for b in bins]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    version = lambda b: subprocess.check_output([b, "--version"]).decode().strip()
    print(f"{files:,} files, {nbytes / 1e6:.1f} MB; floor (walk + read + tokenize, parallel): "
          f"{FLOOR[0]:.3f} s; {os.cpu_count()} cores; wall times best of {a.runs} runs")
    for i, b in enumerate(bins):
        print(f"{'after' if i == 0 else 'before'}: {b} ({version(b)})")
    w = max(len(r[0]) for r in cols[0])
    m = max(len(r[1]) for c in cols for r in c)
    head = f"{'figure':<{w}}  {'after':<{m}}"
    if len(cols) > 1:
        head += f"  {'before':<{m}}"
    print(head + f"  {'target':<14} met (after)")
    for i, (label, shown, target, met) in enumerate(cols[0]):
        line = f"{label:<{w}}  {shown:<{m}}"
        if len(cols) > 1:
            line += f"  {cols[1][i][1]:<{m}}"
        print(line + f"  {target:<14} {met}")


if __name__ == "__main__":
    main()
