#!/usr/bin/python3
# lint --fix, then validate, then diff: the fixed file is valid and differs from the original only where the report says.
# Usage: fix_then_validate.py ILO_TBX INPUT WORK_DIR   (INPUT: anything ilo-tbx reads; it is exported to TBX first)
import difflib
import os
import re
import subprocess
import sys

binary, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
original = os.path.join(work, "original.tbx")
fixed = os.path.join(work, "fixed.tbx")
for path in (original, fixed):
    if os.path.exists(path):
        os.remove(path)


def run(*args, expect):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    if result.returncode not in expect:
        sys.exit(f"{' '.join(args)}: exit {result.returncode}, expected {expect}\n{result.stdout}{result.stderr}")
    return result


run("export", source, "--out", original, expect=(0,))
report = run("lint", original, "--fix", "--out", fixed, "--expect-langs", "en", expect=(0, 5)).stdout
run("validate", fixed, expect=(0,))

# Every fix the report lists: 'fixed: ... "before" -> "after" [rule]'.
fix_pattern = re.compile(r': fixed: .*: "(.*)" -> "(.*)" \[([a-z.-]+)\]$')
fixes = [m.groups() for line in report.splitlines() if (m := fix_pattern.search(line))]
summary = re.search(r"(\d+) changes? made by --fix", report)
if not fixes or not summary or int(summary.group(1)) != len(fixes):
    sys.exit(f"the report should list each fix and count them:\n{report}")

before_lines = open(original, encoding="utf-8").read().splitlines()
after_lines = open(fixed, encoding="utf-8").read().splitlines()
matcher = difflib.SequenceMatcher(a=before_lines, b=after_lines, autojunk=False)
unexplained = []
used = set()
for tag, a0, a1, b0, b1 in matcher.get_opcodes():
    if tag == "equal":
        continue
    if tag != "replace" or a1 - a0 != b1 - b0:
        unexplained.append(f"lines {a0 + 1}-{a1}: {tag}")
        continue
    for old, new in zip(before_lines[a0:a1], after_lines[b0:b1]):
        # The line must be the original with one reported fix applied to it.
        match = next((i for i, (was, now, _) in enumerate(fixes)
                      if i not in used and old.replace(was, now, 1) == new), None)
        if match is None:
            unexplained.append(f"-{old}\n+{new}")
        else:
            used.add(match)
if unexplained:
    sys.exit("changes that the report does not explain:\n" + "\n".join(unexplained) + "\n--- report\n" + report)
if len(used) != len(fixes):
    missing = [f for i, f in enumerate(fixes) if i not in used]
    sys.exit(f"the report lists fixes that are not in the file: {missing}")
print(f"{len(fixes)} fixes, each one changed line; the fixed file is valid")
