"""Compares DbGate's lint with squawk's, statement by statement (called by lint-vs-squawk.sh).

  python3 lint-vs-squawk.py squawk SQUAWK ROOT OUT     runs squawk on every .sql file under ROOT, as the tool runs it
  python3 lint-vs-squawk.py cases WORK                  the fixtures' table, from WORK/cases/<case>/{dbgate,squawk}.json
  python3 lint-vs-squawk.py corpus WORK ROOT SQUAWK     crates.io, from WORK/{dbgate,squawk}.json and squawk's parse

squawk is given the transaction each file really runs in (--assume-in-transaction): diesel runs every file in one
unless its metadata.toml says run_in_transaction = false; golang-migrate sends a file as one query, which PostgreSQL
runs in one transaction when it holds more than one statement.

squawk reports 0-based lines inside a statement; DbGate reports each finding at its statement's first line. Both are
mapped to statements with squawk's own parse tree (`squawk --debug parse`: the top-level nodes), so neither side's
findings are matched by guesswork about where a statement starts.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

# Rules about timeouts fire on nearly every statement of both tools; the fixture table leaves them out (and says so).
TIMEOUTS = {"require-lock-timeout", "require-statement-timeout", "DBG107"}
# squawk's design rules (column types of new objects) belong to DbGate's schema-health issue, not to this lint.
DESIGN = {"prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-identity", "prefer-timestamp-tz", "prefer-timestamptz",
          "ban-char-field", "require-table-schema"}
# Every squawk rule about a lock, a rewrite, a scan or client breakage, with the DbGate rules that report the same danger.
EQUIVALENT = {
    # DBG106: the build ran under a lock an earlier statement of the transaction still held, which is worse.
    "require-concurrent-index-creation": {"DBG101", "DBG128", "DBG106"},
    "require-concurrent-index-deletion": {"DBG118"},
    "require-concurrent-reindex": {"DBG119"},
    "require-concurrent-partition-detach": {"DBG120"},
    "constraint-missing-not-valid": {"DBG103", "DBG104", "DBG106"},
    "adding-foreign-key-constraint": {"DBG103", "DBG106"},
    "disallowed-unique-constraint": {"DBG104"},
    "adding-serial-primary-key-field": {"DBG104", "DBG102"},
    "adding-not-nullable-field": {"DBG105", "DBG106"},
    "adding-required-field": {"DBG109"},
    "adding-field-with-default": {"DBG102"},
    "changing-column-type": {"DBG102", "DBG116"},
    "prefer-repack": {"DBG102"},
    "ban-alter-domain-with-add-constraint": {"DBG129"},
    "ban-truncate-cascade": {"DBG114"},
    "ban-drop-column": {"DBG110"},
    "ban-drop-table": {"DBG111"},
    "renaming-column": {"DBG112"},
    "renaming-table": {"DBG113"},
    "ban-drop-not-null": set(),
    "transaction-nesting": {"DBG125"},
    "ban-uncommitted-transaction": {"DBG124"},
    "identifier-too-long": {"DBG126"},
}
TRIVIA = {"WHITESPACE", "COMMENT", "SEMICOLON", "ERROR"}


def statement_starts(squawk, path):
    """1-based first lines of the file's top-level statements, from squawk's parse tree (byte offsets)."""
    tree = subprocess.run([squawk, "--debug", "parse", path], capture_output=True, text=True).stdout
    data = open(path, "rb").read()
    starts = []
    for match in re.finditer(r"^  ([A-Z_]+)@(\d+)\.\.", tree, re.M):
        if match.group(1) not in TRIVIA:
            starts.append(data[: int(match.group(2))].count(b"\n") + 1)
    return starts or [1]


def run_squawk(squawk, root, out):
    findings = []
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(f for f in files if f.endswith(".sql")):
            path = os.path.join(folder, name)
            metadata = os.path.join(folder, "metadata.toml")
            if name in ("up.sql", "down.sql"):
                in_transaction = not (os.path.exists(metadata) and re.search(r"^\s*run_in_transaction\s*=\s*false", open(metadata).read(), re.M))
            else:
                in_transaction = len(statement_starts(squawk, path)) > 1
            flags = ["--assume-in-transaction"] if in_transaction else []
            result = subprocess.run([squawk, "--reporter", "json", *flags, path], capture_output=True, text=True)
            findings += json.loads(result.stdout or "[]")
    json.dump(findings, open(out, "w"))


def statement_of(starts, line):
    return max([s for s in starts if s <= line], default=starts[0])


def load(work):
    dbgate = json.load(open(os.path.join(work, "dbgate.json")))["findings"]
    squawk = json.load(open(os.path.join(work, "squawk.json")))
    return dbgate, squawk


def cases(work):
    root = os.path.join(work, "cases")
    print(f"{'case':32} {'squawk':58} DbGate")
    for case in sorted(os.listdir(root)):
        dbgate, squawk = load(os.path.join(root, case))
        ours = sorted({f["ruleId"] for f in dbgate if f["ruleId"].startswith("DBG1") and f["ruleId"] not in TIMEOUTS
                       and not f["location"]["path"].startswith("0001_")})
        theirs = sorted({f["rule_name"] for f in squawk if f["rule_name"] not in TIMEOUTS | DESIGN and not os.path.basename(f["file"]).startswith("0001_")})
        failed = [f["ruleId"] for f in dbgate if f["ruleId"] == "DBG001"]
        print(f"{case:32} {', '.join(theirs) or '-':58} {', '.join(ours + failed) or '-'}")


def corpus(work, root, squawk_bin):
    dbgate, squawk = load(work)
    starts = {}

    def key(path, line):
        if path not in starts:
            starts[path] = statement_starts(squawk_bin, os.path.join(root, path))
        return (path, statement_of(starts[path], line))

    ours = defaultdict(set)
    for f in dbgate:
        if f["ruleId"].startswith("DBG1") and f.get("location"):
            ours[key(f["location"]["path"], f["location"]["line"])].add(f["ruleId"])
    theirs = defaultdict(set)
    for f in squawk:
        theirs[key(os.path.relpath(f["file"], root), f["line"] + 1)].add(f["rule_name"])

    total = Counter(f["rule_name"] for f in squawk)
    print(f"squawk: {sum(total.values())} warnings on {len({f['file'] for f in squawk})} files; "
          f"timeouts {sum(total[r] for r in TIMEOUTS)}, prefer-robust-stmts {total['prefer-robust-stmts']}, design rules {sum(total[r] for r in DESIGN)}")
    print(f"DbGate: {sum(1 for f in dbgate if f['ruleId'].startswith('DBG1'))} DBG1xx findings "
          f"({', '.join(f'{r} {n}' for r, n in sorted(Counter(f['ruleId'] for f in dbgate if f['ruleId'].startswith('DBG1')).items()))})")
    print()
    print("squawk's lock, rewrite and client-breakage findings, by statement (up and down files):")
    print(f"  {'squawk rule':40} {'statements':>10} {'DbGate too':>10}  {'unmatched in ups':>16}  {'in downs':>8}")
    unmatched = []
    for rule, equivalent in EQUIVALENT.items():
        hits = [k for k, rules in theirs.items() if rule in rules]
        if not hits:
            continue
        missed = [k for k in hits if not (ours.get(k, set()) & equivalent)]
        unmatched += [(rule, k) for k in missed]
        ups = sum(1 for path, _ in missed if path.endswith("up.sql"))
        print(f"  {rule:40} {len(hits):>10} {len(hits) - len(missed):>10}  {ups:>16}  {len(missed) - ups:>8}")
    print()
    print("Statements squawk reports and DbGate does not (each explained in README, 'Zero-downtime lint'):")
    for rule, (path, line) in sorted(unmatched, key=lambda x: (x[0], x[1])):
        text = open(os.path.join(root, path)).read().split("\n")[line - 1].strip()
        print(f"  {rule:36} {path}:{line}  {text[:90]}  [DbGate: {', '.join(sorted(ours.get((path, line), set()))) or '-'}]")
    print()
    lock_rules = {"DBG101", "DBG102", "DBG103", "DBG104", "DBG105", "DBG106", "DBG118", "DBG119", "DBG120", "DBG121", "DBG123", "DBG128", "DBG129", "DBG130"}
    extra = Counter()
    for k, rules in ours.items():
        for r in rules & lock_rules:
            if not any(r in EQUIVALENT.get(s, set()) for s in theirs.get(k, set())):
                extra[r] += 1
    print("DbGate's lock, rewrite and scan findings on statements where squawk reports nothing equivalent: "
          + (", ".join(f"{r} {n}" for r, n in sorted(extra.items())) or "none"))
    for (path, line), rules in sorted(ours.items()):
        found = sorted(r for r in rules & lock_rules if not any(r in EQUIVALENT.get(s, set()) for s in theirs.get((path, line), set())))
        if found:
            text = open(os.path.join(root, path)).read().split("\n")[line - 1].strip()
            print(f"  {', '.join(found):14} {path}:{line}  {text[:90]}  [squawk: {', '.join(sorted(theirs.get((path, line), set()) - TIMEOUTS)) or '-'}]")
    rewrites = [f for f in dbgate if f["ruleId"] == "DBG102"]
    print(f"Rewrites of pre-existing tables or indexes observed (relfilenode changed) and reported as DBG102: {len(rewrites)}")
    for f in rewrites:
        print(f"  {f['location']['path']}:{f['location']['line']}  {f['message'][:110]}")


if __name__ == "__main__":
    if sys.argv[1] == "squawk":
        run_squawk(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "cases":
        cases(sys.argv[2])
    else:
        corpus(sys.argv[2], sys.argv[3], sys.argv[4])
