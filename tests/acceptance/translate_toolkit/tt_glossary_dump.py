#!/usr/bin/python3
"""Loads glossaries with translate-toolkit's own code and prints every unit it sees, one per line.

Usage: tt_glossary_dump.py [--po WORKDIR [--round-trip]] FILE...

Each file goes through translate.storage.factory.getobject, which picks the storage class by extension
(.tbx: tbxfile, .csv: csvfile, .utf8/.tab: the OmegaT glossary...). For each file it prints
"file<TAB>FILE" and "store<TAB>CLASS", then each unit as "unit<TAB>source<TAB>target<TAB>notes<TAB>id<TAB>
context", with backslash, tab, CR and LF escaped as \\ \t \r \n. With --po, translate-toolkit's own
converter (tbx2po for .tbx, csv2po for .csv, run as a program) also turns each file into a PO file in
WORKDIR, which is read back and printed as "po<TAB>msgctxt<TAB>msgid<TAB>msgstr<TAB>notes". With
--round-trip, a .csv file is also written back by translate-toolkit: csv2tbx turns it into WORKDIR/outN.tbx
and po2csv turns its PO into WORKDIR/outN.csv, each printed as "wrote<TAB>KIND<TAB>PATH". The converters are
translate-toolkit's own command-line entry points, run in this process (one Python start for every file).
"""
import os
import sys

from translate.convert import csv2po, csv2tbx, po2csv, tbx2po
from translate.storage import factory, po


def escape(text):
    if text is None:
        return ""
    return (str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r")
            .replace("\n", "\\n"))


def convert(module, source, out):
    """Runs a converter's command line (as /usr/bin/<name> would) on one file."""
    name = module.__name__.rsplit(".", 1)[-1]
    saved = sys.argv
    sys.argv = [name, "--progress=none", "-i", source, "-o", out]
    try:
        module.main()
    except SystemExit as stop:
        if stop.code:
            raise RuntimeError(f"{name} -i {source} -o {out} failed with exit code {stop.code}") from stop
    finally:
        sys.argv = saved


def main(argv):
    args = argv[1:]
    workdir, round_trip = None, False
    if len(args) >= 2 and args[0] == "--po":
        workdir, args = args[1], args[2:]
        if args and args[0] == "--round-trip":
            round_trip, args = True, args[1:]
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
            print("\t".join(["unit", escape(unit.source), escape(unit.target), escape(unit.getnotes()),
                             escape(unit.getid()), escape(unit.getcontext())]))
        if workdir is None:
            continue
        out = os.path.join(workdir, f"out{number}.po")
        is_csv = path.lower().endswith(".csv")
        convert(csv2po if is_csv else tbx2po, path, out)
        if round_trip and is_csv:
            tbx_out = os.path.join(workdir, f"out{number}.tbx")
            convert(csv2tbx, path, tbx_out)
            print("wrote\tcsv2tbx\t" + escape(tbx_out))
        if not os.path.exists(out):
            continue  # the converters write no file when they find no unit
        if round_trip and is_csv:
            csv_out = os.path.join(workdir, f"out{number}.csv")
            convert(po2csv, out, csv_out)
            print("wrote\tpo2csv\t" + escape(csv_out))
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
