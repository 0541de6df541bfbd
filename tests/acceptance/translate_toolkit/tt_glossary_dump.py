#!/usr/bin/python3
"""Loads glossaries with translate-toolkit's own code and prints every unit it sees, one per line.

Usage: tt_glossary_dump.py [--tbx2po WORKDIR] FILE...

Each file goes through translate.storage.factory.getobject, which picks the storage class by extension
(.tbx: tbxfile, .csv: csvfile, .utf8/.tab: the OmegaT glossary...). For each file it prints
"file<TAB>FILE" and "store<TAB>CLASS", then each unit as "unit<TAB>source<TAB>target<TAB>notes", with
backslash, tab, CR and LF escaped as \\ \t \r \n. With --tbx2po, the tbx2po command (translate-toolkit's
own converter, run as a program) also turns each file into a PO file in WORKDIR, which is read back and
printed as "po<TAB>msgctxt<TAB>msgid<TAB>msgstr<TAB>notes".
"""
import os
import subprocess
import sys

from translate.storage import factory, po


def escape(text):
    if text is None:
        return ""
    return (str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r")
            .replace("\n", "\\n"))


def main(argv):
    args = argv[1:]
    workdir = None
    if len(args) >= 2 and args[0] == "--tbx2po":
        workdir, args = args[1], args[2:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    for number, path in enumerate(args):
        print("file\t" + escape(path))
        store = factory.getobject(path)
        print("store\t" + type(store).__module__ + "." + type(store).__name__)
        for unit in store.units:
            if unit.isheader():
                continue
            print("\t".join(["unit", escape(unit.source), escape(unit.target), escape(unit.getnotes())]))
        if workdir is None:
            continue
        out = os.path.join(workdir, f"out{number}.po")
        subprocess.run(["/usr/bin/tbx2po", "--progress=none", "-i", path, "-o", out], check=True)
        if not os.path.exists(out):
            continue  # tbx2po writes no file when it finds no unit
        with open(out, "rb") as handle:
            po_store = po.pofile(handle)
        for unit in po_store.units:
            if unit.isheader():
                continue
            print("\t".join(["po", escape(unit.getcontext()), escape(unit.source), escape(unit.target),
                             escape(unit.getnotes())]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
