#!/usr/bin/env python3
"""Regenerates the findings table of crates-io-review.md from a JSON report of crates.io.

The locations, the statement text found there and the related locations come from the report; the Verdict and Why
columns are the human review, kept by (rule, object) from the file as it is. A finding the file does not review yet
gets "unreviewed", and a reviewed row no finding matches any more is printed, so neither goes unnoticed.

    python3 docs/health/crates-io-review.py out/crates.json docs/health/crates-io-review.md
"""
import json
import re
import sys
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parents[3] / "shared/corpora/crates-io/migrations"
HEADER = "| # | Rule | Object | Location | Statement there | Related locations | Verdict | Why |"


def cell(text):
    return text.replace("|", "\\|")


def statement_at(location):
    lines = (MIGRATIONS / location["path"]).read_text().split("\n")
    rest = "\n".join(lines[location["line"] - 1:])[location["column"] - 1:]
    first = re.sub(r"\s+", " ", rest[: rest.find(";") + 1] if ";" in rest else rest).strip()
    return first if len(first) <= 60 else first[:57] + "…"


def place(location):
    return f"`{location['path']}:{location['line']}:{location['column']}`"


def reviewed(markdown):
    rows = {}
    for line in markdown.split("\n"):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) >= 5 and cells[1].startswith("DBG"):
            rows[(cells[1], cells[2].strip("`"))] = (cells[-2], cells[-1])
    return rows


def main(report_path, review_path):
    report = json.loads(Path(report_path).read_text())
    review = Path(review_path).read_text()
    verdicts = reviewed(review)
    findings = [f for f in report["findings"] if f.get("subject")]
    rows = [HEADER, "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for number, f in enumerate(findings, 1):
        related = "<br>".join(f"{place(r['location'])} {cell(r['message'])}" for r in f["relatedLocations"])
        verdict, why = verdicts.pop((f["ruleId"], f["subject"]), ("unreviewed", ""))
        rows.append(f"| {number} | {f['ruleId']} | `{f['subject']}` | {place(f['location'])} | `{cell(statement_at(f['location']))}` "
                    f"| {related} | {verdict} | {why} |")
    for (rule, subject) in verdicts:
        print(f"reviewed but no longer reported: {rule} {subject}", file=sys.stderr)
    table = re.compile(r"^\| # \| Rule \|.*?(?=\n\n)", re.S | re.M)
    Path(review_path).write_text(table.sub(lambda _: "\n".join(rows), review, count=1))
    print(f"{len(findings)} findings, {sum(1 for r in rows if '| unreviewed |' in r)} unreviewed", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
