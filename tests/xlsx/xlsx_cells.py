#!/usr/bin/python3
"""Checks an .xlsx that ilo-tbx wrote, independently of ilo-tbx: its first worksheet holds exactly the
rows of a CSV/TSV file that ilo-tbx wrote with the same options, its creation time is the fixed one,
and given texts are in its cells. Uses only the standard library (zipfile, ElementTree: no DTDs, no
external entities). Usage: xlsx_cells.py BOOK.xlsx [--same-as SHEET.csv] [--expect-cell TEXT]..."""
import argparse
import csv
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FIXED_CREATED = "2000-01-01T00:00:00Z"


def column_index(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def text_of(element):
    """The text of a shared or inline string: its <t> children, not the phonetic runs."""
    return "".join(t.text or "" for t in element.iter(MAIN + "t"))


def workbook_rows(path):
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(book.read("xl/sharedStrings.xml"))
            shared = [text_of(si) for si in root.iter(MAIN + "si")]
        core = book.read("docProps/core.xml").decode("utf-8")
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(MAIN + "row"):
        number = int(row.get("r"))
        while len(rows) < number - 1:
            rows.append([])
        cells = []
        for cell in row.iter(MAIN + "c"):
            index = column_index(cell.get("r"))
            while len(cells) < index:
                cells.append("")
            kind = cell.get("t")
            value = cell.find(MAIN + "v")
            if kind == "s":
                cells.append(shared[int(value.text)])
            elif kind == "inlineStr":
                cells.append(text_of(cell.find(MAIN + "is")))
            else:
                cells.append(value.text if value is not None and value.text else "")
        rows.append(cells)
    return rows, core


def sheet_rows(path):
    """The rows of a CSV/TSV file: '#' lines above the header are one cell each."""
    text = open(path, encoding="utf-8-sig", newline="").read()
    rows = []
    while text.startswith("#"):
        line, _, text = text.partition("\r\n")
        rows.append([line])
    first = text.split("\r\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows += [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return rows


def trimmed(rows):
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] == "":
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("book")
    parser.add_argument("--same-as")
    parser.add_argument("--expect-cell", action="append", default=[], help="a text some cell must contain")
    args = parser.parse_args()
    rows, core = workbook_rows(args.book)
    problems = []
    if f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{FIXED_CREATED}</dcterms:created>" not in core:
        problems.append(f"docProps/core.xml does not hold the fixed creation time {FIXED_CREATED}")
    if args.same_as:
        expected = trimmed(sheet_rows(args.same_as))
        actual = trimmed(rows)
        if len(expected) != len(actual):
            problems.append(f"{len(actual)} rows in the workbook, {len(expected)} in {args.same_as}")
        for number, (want, got) in enumerate(zip(expected, actual), 1):
            if want != got:
                problems.append(f"row {number} differs:\n  sheet:    {want!r}\n  workbook: {got!r}")
                break
    cells = [cell for row in rows for cell in row]
    for text in args.expect_cell:
        if not any(text in cell for cell in cells):
            problems.append(f"no cell contains {text!r}")
    for problem in problems:
        print(f"{args.book}: {problem}", file=sys.stderr)
    if not problems:
        print(f"{args.book}: {len(rows)} rows, {sum(1 for row in rows for cell in row if cell)} filled cells")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
