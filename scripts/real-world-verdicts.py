#!/usr/bin/env python3
"""Prints the verdicts table of docs/real-world.md from docs/real-world-verdicts.tsv.

usage: scripts/real-world-verdicts.py >table.md   (then paste it under "## Verdicts")

One row per distinct finding (identical findings on one line, e.g. one per root
module, share a row with a count), then the misses; commits from docs/real-world.tsv.
"""
import csv
import os
import sys

docs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs")


def rows(name):
    with open(os.path.join(docs, name), newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


commits = {r["repo"].replace("/", "+"): r["commit"][:10] for r in rows("real-world.tsv")}
groups = {}
for r in rows("real-world-verdicts.tsv"):
    key = (r["verdict"] == "miss", r["repo"], r["file"], int(r["line"]), r["code"])
    if key in groups:
        groups[key][1] += 1
    else:
        groups[key] = [r, 1]

out = sys.stdout
out.write("| repository | commit | file:line | code | verdict | why |\n")
out.write("|---|---|---|---|---|---|\n")
for key in sorted(groups, key=lambda k: (k[0], k[1].lower(), k[2], k[3], k[4])):
    r, n = groups[key]
    code = r["code"] + (f" ×{n}" if n > 1 else "")
    verdict = r["verdict"] + (f" ({r['status']})" if r["status"] not in ("", "-") else "")
    why = r["why"].replace("|", "\\|")
    out.write(
        f"| {r['repo'].replace('+', '/', 1)} | `{commits.get(r['repo'], '?')}` "
        f"| `{r['file']}:{r['line']}` | {code} | {verdict} | {why} |\n"
    )
