#!/usr/bin/python3
# Re-derives the official verdict and failing rules of every file in agreement.tsv with the official checkers, and compares.
"""Usage: tests/validate/official_verdicts.py [--print] TABLE

For each row of TABLE (tests/validate/agreement.tsv) it runs the official checkers
through tools/official-check, as ../shared/reference/tbx/VALIDATION.md describes:
  TBX v3:   the official core RNG (libxml2), then the dialect's Schematron (Saxon);
            DCT files also get the module Schematrons (Basic.sch, Min.sch).
  TBX 2008: the official core DTD (libxml2); TBX-Basic files also get
            TBXBasicRNGV02.rng and the Schematron rules embedded in it (Saxon).
It maps every failure to the project's rule id (the mapping is below) and checks
that the verdict and the set of rule ids equal the table's "official" columns, so
the table cannot drift from the official tools. --print writes the derived
columns instead of comparing. Exit 0 when every row agrees, 1 otherwise."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("ILO_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
REFERENCE = os.path.join(SHARED, "reference")
TBX = os.path.join(REFERENCE, "tbx")
OFFICIAL_CHECK = os.path.join(ROOT, "tools", "official-check")

SCHEMATRONS = {
    ("TBX-Basic", "dca"): ["ltac-tbx-basic/DCA/TBX-Basic_DCA.sch"],
    ("TBX-Basic", "dct"): ["ltac-tbx-basic/DCT/TBX-Basic_DCT.sch", "ltac-tbx-basic-module/Basic.sch",
                           "ltac-tbx-min-module/Min.sch"],
    ("TBX-Min", "dca"): ["ltac-tbx-min/DCA/TBX-Min_DCA.sch"],
    ("TBX-Min", "dct"): ["ltac-tbx-min/DCT/TBX-Min_DCT.sch", "ltac-tbx-min-module/Min.sch"],
    ("TBX-Core", "dca"): ["ltac-tbx-core/Schemas/TBX-Core.sch"],
    ("TBX-Core", "dct"): ["ltac-tbx-core/Schemas/TBX-Core.sch"],
}
BASIC_2008_RNG = "tbx-v2/TBX-Basic/Validation/TBXBasicRNGV02.rng"

# Which DCA element carries each data category (Basic.tbxmd, Min.tbxmd, the 2008 XCS).
CARRIER = {
    "customerSubset": "admin", "projectSubset": "admin", "source": "admin",
    "subjectField": "descrip", "context": "descrip", "definition": "descrip",
    "crossReference": "ref", "externalCrossReference": "xref", "xGraphic": "xref",
    "administrativeStatus": "termNote", "partOfSpeech": "termNote", "geographicalUsage": "termNote",
    "grammaticalGender": "termNote", "termLocation": "termNote", "termType": "termNote",
    "grammaticalUsage": "termNote", "transactionType": "transac", "responsibility": "transacNote",
}


def classify_libxml2(message):
    """The same classification as validate::classify_libxml2_message in src/validate/tbx_validator.cpp."""
    has = lambda part: part in message
    if has("parser error") or has("not well-formed") or has("Opening and ending tag mismatch") or has("Premature end of data"):
        return "xml.not-well-formed"
    if has("IDREF") or has("references an unknown ID") or has("no ID for IDREF"):
        return "integrity.target.dangling"
    if has("defined twice") or (has("ID ") and has("already defined")):
        return "integrity.id.duplicate"
    if has("Did not expect text") or has("text not allowed") or has("Misplaced text"):
        return "structure.text"
    if has("attribute") or has("Attribute"):
        return "structure.attribute"
    if has("Type ") or has("datatype") or has("doesn't allow value") or has("Error validating value"):
        return "structure.datatype"
    return "structure.content"


def classify_schematron(context, test, message, dialect, dct):
    """Maps one failed assert of the official Schematron to the project's rule id."""
    match = re.fullmatch(r"tbx:(\w+)/@type", context)
    if match:
        return f"{dialect}.{match.group(1)}.type"
    match = re.fullmatch(r"(?:tbx:)?(\w+)\[@type='(\w+)'\]", context)
    if match:
        carrier = match.group(1)
        kind = "level" if ("parent::" in test or "level" in message) else "picklist"
        return f"{dialect}.{carrier}.{kind}"
    match = re.match(r"(basic|min):(\w+)", context)
    if match:
        return f"{dialect}.{CARRIER[match.group(2)]}.level"
    if context == "tbx:tbx":
        return f"{dialect}.dialect"
    if context.startswith("*[not(namespace-uri()"):
        return "core.foreign" if dialect == "core" else f"{dialect}.dca.foreign"
    if context == "tbx:*[@type]":
        return f"{dialect}.dct.dca-element" if dct else "core.type.empty"
    if context == "*[@target]":
        return "integrity.target.dangling"
    if context in ("tbx:termNote", "tbx:*[@metatype='termNote']"):
        return "core.termNote.level"
    if context.startswith("tbx:sc") or context.startswith("tbx:ec"):
        return "core.inline"
    return "unmapped:" + context


def run(arguments):
    result = subprocess.run([OFFICIAL_CHECK, *arguments], capture_output=True, text=True)
    if result.returncode not in (0, 3):
        raise RuntimeError(f"official-check {' '.join(arguments)} failed ({result.returncode}): {result.stderr}")
    return result.stdout.splitlines()


def root_attributes(path):
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", "replace")
    match = re.search(r"<(tbx|martif|TBX)\b([^>]*)>", head)
    if not match:
        return None, {}
    return match.group(1), dict(re.findall(r'([\w:]+)\s*=\s*["\']([^"\']*)["\']', match.group(2)))


def embedded_schematron(rng_path, work):
    """Writes the Schematron 1.5 rules embedded in a 2008 RNG as one ISO Schematron file."""
    old = "http://www.ascc.net/xml/schematron"
    iso = "http://purl.oclc.org/dsdl/schematron"
    tree = ET.parse(rng_path)
    schema = ET.Element(f"{{{iso}}}schema", {"queryBinding": "xslt"})
    for pattern in tree.getroot().iter(f"{{{old}}}pattern"):
        copy = ET.SubElement(schema, f"{{{iso}}}pattern")
        for rule in pattern.iter(f"{{{old}}}rule"):
            new_rule = ET.SubElement(copy, f"{{{iso}}}rule", {"context": rule.get("context")})
            for assertion in rule.iter(f"{{{old}}}assert"):
                new_assert = ET.SubElement(new_rule, f"{{{iso}}}assert", {"test": assertion.get("test")})
                new_assert.text = " ".join("".join(assertion.itertext()).split())
    path = os.path.join(work, "TBXBasicRNGV02-embedded.sch")
    ET.ElementTree(schema).write(path, encoding="utf-8", xml_declaration=True)
    return path


def official(path, work):
    """(verdict, sorted rule ids) from the official checkers."""
    root, attributes = root_attributes(path)
    rules = set()
    verdict = "valid"

    def absorb_xmllint(lines, dialect_rng=False):
        nonlocal verdict
        undeclared = set(re.findall(r"No declaration for element (\w+)", "\n".join(lines)))
        for line in lines[1:]:
            match = re.match(r"^  line \d+: (.*)$", line)
            if match:
                message = match.group(1)
                attribute_of = re.search(r"No declaration for attribute \w+ of element (\w+)", message)
                if attribute_of and attribute_of.group(1) in undeclared:
                    continue  # the DTD repeats, for each attribute, that the element is undeclared
                rule = classify_libxml2(message)
                carrier = re.search(r"Element (admin|descrip|ref|termNote|transac|transacNote|xref) failed to validate attributes", message)
                if dialect_rng and carrier:
                    # The 2008 Basic RNG lists each carrier's allowed type values as attribute values.
                    rule = f"basic.{carrier.group(1)}.type"
                rules.add(rule)
                if rule == "xml.not-well-formed":
                    verdict = "not-well-formed"
                elif verdict == "valid":
                    verdict = "invalid"

    if root == "tbx":
        absorb_xmllint(run(["rng", path]))
    else:
        absorb_xmllint(run(["dtd", path]))
    if verdict == "not-well-formed":
        return verdict, ["xml.not-well-formed"]

    dialect = {"TBX-Basic": "basic", "TBX-Min": "min", "TBX-Core": "core"}.get(attributes.get("type"), "tbx")
    schematrons = []
    if root == "tbx":
        style = attributes.get("style", "dca")
        schematrons = [os.path.join(TBX, s) for s in SCHEMATRONS.get((attributes.get("type"), style), [])]
        dct = style == "dct"
    elif root == "martif" and attributes.get("type") == "TBX-Basic":
        absorb_xmllint(run(["rng", "--schema", os.path.join(TBX, BASIC_2008_RNG), path]), dialect_rng=True)
        schematrons = [embedded_schematron(os.path.join(TBX, BASIC_2008_RNG), work)]
        dct = False
    checked = path
    if root == "martif":
        # Saxon would load the DOCTYPE's DTD (absent beside some files, and never
        # wanted): check a copy without it; the DTD check above has run already.
        with open(path, "rb") as f:
            text = f.read()
        checked = os.path.join(work, "without-doctype-" + os.path.basename(path))
        with open(checked, "wb") as f:
            f.write(re.sub(rb"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>", b"", text, count=1))
    for sch in schematrons:
        for line in run(["schematron", sch, checked])[1:]:
            match = re.match(r"^  \[(.*?)\] at .*?: (.*?): (.*)$", line)
            if not match:
                continue
            # The location holds ': ' only inside predicates we do not split on; the test is the XPath.
            context, rest = match.group(1), line.split("] at ", 1)[1]
            test_and_message = rest.split(": ", 1)[1] if ": " in rest else rest
            test, _, message = test_and_message.partition(": ")
            rules.add(classify_schematron(context, test, message, dialect, dct))
            if verdict == "valid":
                verdict = "invalid"
    return verdict, sorted(rules)


def read_table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 6:
                raise SystemExit(f"{path}:{number}: expected 6 tab-separated cells, found {len(cells)}")
            rows.append((number, cells))
    return rows


def rule_cell(rules):
    return ",".join(rules) if rules else "-"


def main(argv):
    printing = "--print" in argv
    arguments = [a for a in argv[1:] if a != "--print"]
    if len(arguments) != 1:
        sys.stderr.write(__doc__)
        return 2
    table = arguments[0]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for number, cells in read_table(table):
            file, official_verdict, official_rules = cells[0], cells[1], cells[2]
            verdict, rules = official(os.path.join(REFERENCE, file), work)
            if printing:
                print(f"{file}\t{verdict}\t{rule_cell(rules)}")
                continue
            if verdict != official_verdict or rule_cell(rules) != official_rules:
                failures += 1
                print(f"{table}:{number}: {file}: the official tools now say {verdict} [{rule_cell(rules)}], "
                      f"the table says {official_verdict} [{official_rules}]")
            else:
                print(f"ok {file}: {verdict} [{rule_cell(rules)}]")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
