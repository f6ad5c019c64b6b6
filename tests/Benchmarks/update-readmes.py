#!/usr/bin/env python3
"""Copies the summary rows of tests/Benchmarks/RESULTS.md into README.md (all rows) and into each service's README (its own rows),
between the <!-- BENCHMARKS:START --> and <!-- BENCHMARKS:END --> markers. run.sh calls it after a run; it can be rerun alone."""
import re
import sys

RESULTS = "tests/Benchmarks/RESULTS.md"
SERVICE_READMES = {
    "router": "services/Router/README.md",
    "kube2iam": "services/Kube2Iam/README.md",
    "dns": "services/DnsController/README.md",
    "ingress": "services/IngressController/README.md",
    "jobcleaner": "services/JobCleaner/README.md",
}
HEADER = "| benchmark | figure | ours | reference | ratio / goal |\n|---|---|---|---|---|\n"
MARKERS = re.compile(r"<!-- BENCHMARKS:START -->.*?<!-- BENCHMARKS:END -->", re.S)


def summary_rows(results):
    section = results.split("## Summary", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("|") and not line.startswith("| benchmark") and not line.startswith("|---")]


def provenance(results):
    def field(name):
        match = re.search(r"^\| " + name + r" \| (.*) \|$", results, re.M)
        return match.group(1) if match else "unknown"
    command = re.search(r"Written by `([^`]*)`", results)
    return f"From `{command.group(1) if command else 'tests/Benchmarks/run.sh'}` at {field('date')}, commit {field('commit')} ({field('machine')}); every table and how it was measured: [tests/Benchmarks/RESULTS.md]"


def replace(path, rows, link):
    text = open(path).read()
    if not MARKERS.search(text):
        print(f"{path}: no BENCHMARKS markers, left alone", file=sys.stderr)
        return
    block = "<!-- BENCHMARKS:START -->\n" + link + "\n\n" + HEADER + "\n".join(rows) + "\n<!-- BENCHMARKS:END -->"
    open(path, "w").write(MARKERS.sub(lambda _: block, text, count=1))


def main():
    results = open(RESULTS).read()
    rows = summary_rows(results)
    selected = set(sys.argv[1:]) or {row.split("|")[1] for row in rows}
    if {"router", "kube2iam", "dns", "ingress", "jobcleaner", "kubernetes"} <= selected:
        replace("README.md", rows, provenance(results) + "(tests/Benchmarks/RESULTS.md).")
    for name, path in SERVICE_READMES.items():
        own = [row for row in rows if row.split("|")[1] == name]
        if name in selected and own:
            replace(path, own, provenance(results) + "(../../tests/Benchmarks/RESULTS.md).")


main()
