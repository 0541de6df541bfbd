#!/usr/bin/python3
"""Acceptance tests: real translation tools (OmegaT 3.6, translate-toolkit 3.8) read the files under test.

Each CTest case is one run of this script with a sub-command (see --help). A case:
  1. optionally has ilo-tbx write the file under test (--produce) and the JSON form of the model it
     came from (--model-args);
  2. reads the file independently (a small TBX 2008 / TSV / CSV reader here, never ilo-tbx's own code)
     into a neutral list of concepts, languages, terms and data-category values;
  3. runs the tool's own code on the file through a driver (omegat/OmegaTGlossaryDump.java,
     translate_toolkit/tt_glossary_dump.py) and parses what the tool printed;
  4. compares, to the character, what the tool shows with what a model of that tool's behaviour
     predicts from the file, in every language pair, and fails on any difference;
  5. counts the terms written and the terms seen; a term not seen fails the case unless the tool drops
     it by design, and with --complete (our own exports) no term may be missing at all; with a model,
     every term of the model must also be in the file and seen;
  6. measures which data categories the tool shows and which it drops, on a probe copy of the file in
     which every data-category value is replaced by a unique marker (so that "noun" shown for the target
     term is not mistaken for "noun" of the source term), and writes that as a row of the README's
     table (build/acceptance/rows/); the `readme` sub-command checks the README table against the rows
     (ILO_TBX_ACCEPT=1 rewrites it).

The sheet cases (omegat-sheet, tt-sheet) do the same for our own --profile omegat and translate-toolkit
sheets, one file per language pair: ilo-tbx exports the term base to TBX and imports that into each sheet,
as a user would, and the probe copy is made from the term base's TBX 2008 export. With --round-trip the
tool writes the glossary again (OmegaT's own glossary writer; csv2tbx, csv2po + po2csv) and ilo-tbx must
read back every term and comment the tool carried.

Exit codes: 0 pass, 1 fail, 77 skip (a consumer is missing outside CI; with CI=true that is a failure).
"""
import argparse
import collections
import csv
import dataclasses
import difflib
import fcntl
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
README = os.path.join(SOURCE_DIR, "README.md")
OMEGAT_JAR = "/usr/share/omegat/OmegaT.jar"
SYSTEM_PYTHON = "/usr/bin/python3"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FIELD_ELEMENTS = ("descrip", "termNote", "admin", "note", "ref", "xref", "transacNote")
GROUP_ELEMENTS = ("descripGrp", "adminGrp", "termNoteGrp", "transacGrp")


class Failure(Exception):
    """The tool does not see what it should: the case fails with this message."""


class ConsumerMissing(Exception):
    """A translation tool (or what its driver needs) is not installed."""


# ---------------------------------------------------------------------------------------------------------
# The neutral view of a term base.

@dataclasses.dataclass
class Term:
    text: str
    fields: list  # (category, value) pairs on the term (termNote, descrip, admin, note)


@dataclasses.dataclass
class LangSet:
    tag: str
    terms: list
    fields: list  # (category, value) pairs on the language section


@dataclasses.dataclass
class Concept:
    id: str
    langs: list
    fields: list  # (category, value) pairs on the concept
    descrips: list = dataclasses.field(default_factory=list)  # every descrip text in the entry, in order


def primary_subtag(tag):
    return re.split(r"[-_]", tag, maxsplit=1)[0].lower()


def element_text(element):
    return "".join(element.itertext())


def category_of(element):
    local = element.tag.split("}")[-1]
    return "note" if local == "note" else (element.get("type") or local)


def collect_fields(parent, fields):
    """The data categories directly under parent (descrip, termNote, admin, note, and groups of them)."""
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        local = child.tag.split("}")[-1]
        if local in FIELD_ELEMENTS:
            fields.append((category_of(child), element_text(child) or child.get("target", "")))
        elif local in GROUP_ELEMENTS:
            collect_fields(child, fields)
        elif local in ("transac", "date"):
            fields.append((local, element_text(child)))


def term_groups(lang_set):
    """(term element, elements holding its data categories) for every tig and ntig of a langSet."""
    for group in lang_set:
        if group.tag == "tig":
            term = group.find("term")
            if term is not None:
                yield term, [group]
        elif group.tag == "ntig":
            term_group = group.find("termGrp")
            term = term_group.find("term") if term_group is not None else None
            if term is not None:
                yield term, [group, term_group]


def parse_tbx2008(path):
    """ElementTree never loads external DTDs or entities, so a DOCTYPE is harmless."""
    try:
        tree = ElementTree.parse(path)
    except ElementTree.ParseError as error:
        raise Failure(f"{path}: not well-formed XML: {error}") from error
    if tree.getroot().tag != "martif":
        raise Failure(f"{path}: root element is <{tree.getroot().tag}>, not a namespace-less <martif> (TBX 2008)")
    return tree


def read_tbx2008(path):
    concepts = []
    for entry in parse_tbx2008(path).getroot().iter("termEntry"):
        concept = Concept(id=entry.get("id", ""), langs=[], fields=[],
                          descrips=[element_text(descrip) for descrip in entry.iter("descrip")])
        collect_fields(entry, concept.fields)
        for lang_set in entry.findall("langSet"):
            section = LangSet(tag=lang_set.get(XML_LANG) or lang_set.get("lang", ""), terms=[], fields=[])
            collect_fields(lang_set, section.fields)
            for term_element, field_parents in term_groups(lang_set):
                term = Term(text=element_text(term_element), fields=[])
                for field_parent in field_parents:
                    collect_fields(field_parent, term.fields)
                section.terms.append(term)
            concept.langs.append(section)
        concepts.append(concept)
    return concepts


def make_probe(path, probe_path):
    """A copy of a TBX 2008 file in which the value of every data category is a unique marker, so that
    what a tool shows can be traced back to exactly one element. Terms stay as they are."""
    tree = parse_tbx2008(path)
    number = 0
    for element in tree.getroot().iter():
        if element.tag in FIELD_ELEMENTS or element.tag in ("transac", "date"):
            number += 1
            for child in list(element):
                element.remove(child)
            element.text = f"probe{number:04d}{element.tag}"
            if element.get("target") is not None:
                element.set("target", f"probe{number:04d}target")
    tree.write(probe_path, encoding="UTF-8", xml_declaration=True)
    return probe_path


def read_model_json(path):
    """ilo-tbx's JSON form of the model (format "ilo-tbx-model"), as neutral concepts."""
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    if document.get("format") != "ilo-tbx-model":
        raise Failure(f"{path}: not ilo-tbx's JSON model")
    concepts = []
    for item in document.get("concepts", []):
        concept = Concept(id=item.get("id", ""), langs=[], fields=[])
        if item.get("subject_field"):
            concept.fields.append(("subjectField", item["subject_field"]))
        concept.fields += [("definition", d["text"]) for d in item.get("definitions", [])]
        concept.fields += [("note", note) for note in item.get("notes", [])]
        for language in item.get("languages", []):
            section = LangSet(tag=language["language"], terms=[], fields=[])
            section.fields += [("definition", d["text"]) for d in language.get("definitions", [])]
            section.fields += [("note", note) for note in language.get("notes", [])]
            for term in language.get("terms", []):
                fields = [(category, term[key]) for key, category in (
                    ("term_type", "termType"), ("administrative_status", "administrativeStatus"),
                    ("part_of_speech", "partOfSpeech"), ("grammatical_gender", "grammaticalGender"),
                    ("geographical_usage", "geographicalUsage"), ("context", "context")) if term.get(key)]
                fields += [("note", note) for note in term.get("notes", [])]
                section.terms.append(Term(text=term["text"], fields=fields))
            concept.langs.append(section)
        concepts.append(concept)
    return concepts


def split_lines(text):
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def glossary_rows(path):
    """OmegaT's tab-separated (.tab/.txt/.utf8) or comma-separated (.csv) glossary as a careful reader of
    the format reads it: UTF-8 (a BOM skipped), '#' lines are comments, columns source, target, comment
    (CSV quoting within a line); a row without both a source and a target is no entry."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    rows = []
    for line in split_lines(text):
        if line.startswith("#"):
            continue
        columns = next(csv.reader([line]), []) if path.lower().endswith(".csv") else line.split("\t")
        while columns and columns[-1] == "":
            columns.pop()  # as Java's String.split drops trailing empty cells
        if len(columns) < 2 or columns[0] == "":
            continue
        rows.append((columns[0], columns[1], columns[2] if len(columns) > 2 else ""))
    return rows


# ---------------------------------------------------------------------------------------------------------
# Consumers: finding them, and running their drivers.

def require(condition, what):
    if not condition:
        raise ConsumerMissing(what)


def unescape(field):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], field)


def omegat_classpath():
    """OmegaT.jar and the jars its manifest's Class-Path names (its dependencies, from other Debian
    packages in /usr/share/java): what the Debian package runs OmegaT with."""
    require(os.path.isfile(OMEGAT_JAR), f"OmegaT ({OMEGAT_JAR}; Debian package omegat)")
    with zipfile.ZipFile(OMEGAT_JAR) as jar:
        manifest = re.sub(r"\r?\n ", "", jar.read("META-INF/MANIFEST.MF").decode("utf-8"))
    class_path = next((line.split(":", 1)[1].split() for line in manifest.splitlines()
                       if line.startswith("Class-Path:")), [])
    missing = [path for path in class_path if not os.path.isfile(path)]
    require(not missing, "OmegaT's dependencies " + " ".join(missing))
    return [OMEGAT_JAR] + class_path


def omegat_driver(build_dir):
    """Compiles OmegaTGlossaryDump.java against the Debian package's jars into the build directory
    (once; parallel cases wait on a lock) and returns the java command line prefix."""
    class_path = omegat_classpath()
    javac, java = shutil.which("javac"), shutil.which("java")
    require(javac and java, "javac and java (Debian package default-jdk-headless)")
    classes = os.path.join(build_dir, "acceptance", "omegat-classes")
    source = os.path.join(HERE, "omegat", "OmegaTGlossaryDump.java")
    os.makedirs(classes, exist_ok=True)
    with open(os.path.join(classes, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        compiled = os.path.join(classes, "OmegaTGlossaryDump.class")
        if not os.path.exists(compiled) or os.path.getmtime(compiled) < os.path.getmtime(source):
            result = subprocess.run([javac, "-encoding", "UTF-8", "-Xlint:all", "-Xlint:-path", "-Werror",
                                     "-d", classes, "-cp", os.pathsep.join(class_path), source],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                raise Failure("javac failed on the OmegaT driver:\n" + result.stdout + result.stderr)
    return [java, "-cp", os.pathsep.join([classes] + class_path), "OmegaTGlossaryDump"]


@dataclasses.dataclass
class Entry:
    source: str
    target: str
    comment: str
    id: str = ""
    context: str = ""


def run_omegat(build_dir, workdir, source_lang, target_langs, paths, write_back=None, target_per_file=False):
    """Runs OmegaT's readers on every file for every pair in one JVM; returns {(path, target): [Entry]}.
    With target_per_file, target_langs holds one target for each file. With write_back (a directory),
    OmegaT appends every entry of each file's first pair to write_back/N.utf8 (its own glossary writer)."""
    home = os.path.join(workdir, "home")  # OmegaT's preferences go here, never in the user's ~/.omegat
    os.makedirs(home, exist_ok=True)
    command = omegat_driver(build_dir)
    command[1:1] = [f"-Duser.home={home}"]
    command += (["--write-back", write_back] if write_back else []) + (["--target-per-file"] if target_per_file else [])
    command += [source_lang, ",".join(target_langs)]
    command += list(paths)
    # A UTF-8 locale, as on a translator's desktop; Java's default charset follows it.
    env = dict(os.environ, LC_ALL="C.UTF-8")
    result = subprocess.run(command, capture_output=True, env=env)
    if result.returncode != 0:
        raise Failure(f"OmegaT's reader failed on {' '.join(paths)} ({source_lang}->{','.join(target_langs)}):\n"
                      + result.stderr.decode("utf-8", "replace"))
    shown, path, target = {}, None, None
    for line in result.stdout.decode("utf-8").splitlines():
        kind, *fields = [unescape(field) for field in line.split("\t")]
        if kind == "file":
            path = fields[0]
        elif kind == "pair":
            target = fields[1]
            shown[(path, target)] = []
        elif kind == "entry":
            shown[(path, target)].append(Entry(*fields))
    return shown


def translate_toolkit_present():
    require(os.path.exists(SYSTEM_PYTHON), SYSTEM_PYTHON)
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import translate.storage.factory"], capture_output=True)
    require(probe.returncode == 0, "translate-toolkit's Python package (Debian package python3-translate)")
    require(os.path.exists("/usr/bin/tbx2po"), "tbx2po (Debian package translate-toolkit)")


@dataclasses.dataclass
class ToolkitView:
    store: str
    units: list  # Entry(source, target, notes)
    po_units: list  # dicts: context, source, target, notes
    wrote: dict = dataclasses.field(default_factory=dict)  # converter name: the file it wrote


def run_translate_toolkit(workdir, paths, tbx2po=True, round_trip=False):
    """Returns {path: ToolkitView}. tbx2po: also convert each file to PO (tbx2po or csv2po); round_trip:
    also have csv2tbx and po2csv write each CSV file again (ToolkitView.wrote)."""
    translate_toolkit_present()
    out = tempfile.mkdtemp(prefix="translate-toolkit-", dir=workdir)
    command = [SYSTEM_PYTHON, os.path.join(HERE, "translate_toolkit", "tt_glossary_dump.py")]
    command += (["--po", out] if tbx2po else []) + (["--round-trip"] if round_trip else []) + list(paths)
    result = subprocess.run(command, capture_output=True)
    if result.returncode != 0:
        raise Failure(f"translate-toolkit failed on {' '.join(paths)}:\n"
                      + result.stderr.decode("utf-8", "replace"))
    views, view = {}, None
    for line in result.stdout.decode("utf-8").splitlines():
        kind, *fields = [unescape(field) for field in line.split("\t")]
        if kind == "file":
            view = views[fields[0]] = ToolkitView("", [], [])
        elif kind == "store":
            view.store = fields[0]
        elif kind == "unit":
            view.units.append(Entry(*fields))  # source, target, notes, id, context
        elif kind == "wrote":
            view.wrote[fields[0]] = fields[1]
        elif kind == "po":
            view.po_units.append(dict(context=fields[0], source=fields[1], target=fields[2], notes=fields[3]))
    return views


def run_lokalize(source_lang, target_langs, path):
    """Runs Lokalize on the file for every pair (one instance); returns {target: [row]}, each row a list
    of the Glossary window's cells: id, source terms, target terms, subject field."""
    for tool, package in (("lokalize", "lokalize"), ("xvfb-run", "xvfb"), ("xauth", "xauth"),
                          ("dbus-run-session", "dbus"), ("dbus-send", "dbus"), ("xprop", "x11-utils")):
        require(shutil.which(tool), f"{tool} (Debian package {package})")
    require(os.path.exists("/usr/libexec/at-spi-bus-launcher"), "the AT-SPI bus (Debian package at-spi2-core)")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi, pyatspi"], capture_output=True)
    require(probe.returncode == 0, "pyatspi (Debian packages python3-pyatspi, python3-gi)")
    command = [SYSTEM_PYTHON, os.path.join(HERE, "lokalize", "lokalize_glossary_dump.py"), source_lang,
               ",".join(target_langs), path]
    # Lokalize sometimes starts before its accessibility bus is ready and never registers on it
    # (more often on a loaded machine). That start-up race is retried; any other failure, and any
    # wrong result after a good start, fails at once.
    for attempt in range(1, 4):
        result = subprocess.run(command, capture_output=True)
        if result.returncode == 0 or b"timed out waiting for Lokalize" not in result.stderr:
            break
        sys.stderr.write(f"Lokalize did not appear on the accessibility bus (attempt {attempt}); retrying\n")
    if result.returncode != 0:
        raise Failure(f"Lokalize failed on {path}:\n" + result.stderr.decode("utf-8", "replace")[-4000:])
    shown, target = {}, None
    for line in result.stdout.decode("utf-8").splitlines():
        kind, *fields = [unescape(field) for field in line.split("\t")]
        if kind == "pair":
            target = fields[1]
            shown[target] = []
        elif kind == "entry":
            # Lokalize's XML reader keeps a file's CR LF line ends inside values, where an XML parser
            # gives LF; the independent reading here is a conforming parser, so compare on LF.
            shown[target].append([field.replace("\r\n", "\n") for field in fields])
    return shown


def run_ilo_tbx(ilo_tbx, arguments, out, quiet=False):
    """Has ilo-tbx write a file; its diagnostics (the loss report) are printed for the log unless quiet."""
    if not ilo_tbx:
        raise Failure("--produce and --model-args need --ilo-tbx")
    if isinstance(arguments, str):
        arguments = shlex.split(arguments)
    command = [ilo_tbx] + [argument.replace("{out}", out) for argument in arguments]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.stderr and not (quiet and result.returncode == 0):
        print(f"ilo-tbx {' '.join(command[1:])}:\n{result.stderr.rstrip()}")
    if result.returncode != 0 or not os.path.exists(out):
        raise Failure(f"ilo-tbx {' '.join(command[1:])} failed with exit code {result.returncode}")
    return out


# ---------------------------------------------------------------------------------------------------------
# Models of what each tool shows, from the neutral view.

def terms_in(concept, lang):
    """Every term of the concept in the language, matched on the primary subtag, in document order."""
    return [term.text for section in concept.langs if primary_subtag(section.tag) == primary_subtag(lang)
            for term in section.terms]


def omegat_tbx_expected(concept, source_lang, target_lang):
    """OmegaT 3.6's GlossaryReaderTBX, for one termEntry: every source term paired with every target
    term (languages matched on the primary subtag); a source term with no target gives an entry with an
    empty target; a termEntry with no source term gives nothing."""
    targets = terms_in(concept, target_lang) or [""]
    return [(source, target) for source in terms_in(concept, source_lang) for target in targets]


def toolkit_tbx_expected(concept):
    """translate-toolkit's tbxfile, for one termEntry: one unit; the source is the first term of the first
    langSet and the target the first term of the second, whatever their languages."""
    def first(index):
        return concept.langs[index].terms[0].text if index < len(concept.langs) and concept.langs[index].terms else ""
    return (first(0), first(1))


LOKALIZE_SEPARATOR = " \u00b7 "  # how Lokalize's Glossary window joins the terms of a language


def lokalize_expected(concept, source_lang, target_lang):
    """Lokalize 22.12's Glossary window, for one termEntry: one row (id, the source terms, the target
    terms, the subject field), the terms of a language joined by " · "; a termEntry without an id gives
    a row with every cell empty. The window sorts its rows by source term."""
    if not concept.id:
        return [["", "", "", ""]]
    subject = next((value for category, value in concept.fields if category == "subjectField"), "")
    return [[concept.id, LOKALIZE_SEPARATOR.join(terms_in(concept, source_lang)),
             LOKALIZE_SEPARATOR.join(terms_in(concept, target_lang)), subject]]


def tbx2po_expected(concepts):
    """tbx2po: one PO unit per TBX unit; its msgctxt is the entry's descrip texts (each once, in order),
    and units with the same msgctxt and msgid are merged into the first (PO removeduplicates "merge")."""
    units, ids = [], set()
    for concept in concepts:
        source, target = toolkit_tbx_expected(concept)
        context = "\n".join(dict.fromkeys(concept.descrips))
        if source and (context, source) not in ids:
            ids.add((context, source))
            units.append((source, target))
    return units


# ---------------------------------------------------------------------------------------------------------
# Comparison, figures and the shown/dropped measurement.

def compare(what, expected, seen):
    if expected == seen:
        return
    expected_lines = ["\t".join(row) for row in expected]
    seen_lines = ["\t".join(row) for row in seen]
    diff = "\n".join(difflib.unified_diff(expected_lines, seen_lines, "expected", "seen by the tool", lineterm=""))
    raise Failure(f"{what}: the tool does not show what the file holds ({len(expected)} expected, "
                  f"{len(seen)} seen):\n{diff}")


class Measure:
    """Counts, per data category and where it sits, how many probe values a tool shows and drops."""

    def __init__(self):
        self.counts = collections.OrderedDict()

    def add(self, label, shown):
        kept, dropped = self.counts.get(label, (0, 0))
        self.counts[label] = (kept + (1 if shown else 0), dropped + (0 if shown else 1))

    def shown(self):
        return sorted(label for label, (kept, dropped) in self.counts.items() if kept and not dropped)

    def dropped(self):
        return sorted(label for label, (kept, dropped) in self.counts.items() if dropped and not kept)

    def partly(self):
        return sorted(f"{label} ({kept} of {kept + dropped})"
                      for label, (kept, dropped) in self.counts.items() if kept and dropped)


def measure_fields(measure, probe_concept, source_lang, target_lang, shown_text):
    """Which of a probe concept's data categories (unique marker values) appear in shown_text."""
    def side_of(tag):
        if primary_subtag(tag) == primary_subtag(source_lang):
            return "source"
        if target_lang and primary_subtag(tag) == primary_subtag(target_lang):
            return "target"
        return None
    for category, value in probe_concept.fields:
        measure.add(f"{category} (entry)", value in shown_text)
    for section in probe_concept.langs:
        side = side_of(section.tag)
        if side is None:
            continue
        for category, value in section.fields:
            measure.add(f"{category} ({side} language)", value in shown_text)
        for term in section.terms:
            for category, value in term.fields:
                measure.add(f"{category} ({side} term)", value in shown_text)


def concept_label(concept, index):
    return concept.id or f"#{index + 1}"


def coverage(concepts, seen, langs):
    """Terms written vs terms seen. seen holds (concept index, primary language, term text) for every
    term the tool showed in its concept, in any language pair; only the languages in langs count.
    Returns the number written and the (index, label) of each term not seen."""
    written, missing = 0, []
    for index, concept in enumerate(concepts):
        for section in concept.langs:
            if primary_subtag(section.tag) not in langs:
                continue
            for position, term in enumerate(section.terms):
                written += 1
                if (index, primary_subtag(section.tag), term.text) not in seen:
                    missing.append((index, section, position,
                                    f"{concept_label(concept, index)}/{section.tag}: {term.text}"))
    return written, missing


def check_model(model_concepts, concepts, langs, seen_texts):
    """Every term of ilo-tbx's model (in the languages the file is for) must be in the file and seen."""
    in_file = {(primary_subtag(section.tag), term.text) for concept in concepts
               for section in concept.langs for term in section.terms}
    not_written, not_seen, count = [], [], 0
    for index, concept in enumerate(model_concepts):
        for section in concept.langs:
            if primary_subtag(section.tag) not in langs:
                continue
            for term in section.terms:
                count += 1
                key = (primary_subtag(section.tag), term.text)
                label = f"{concept_label(concept, index)}/{section.tag}: {term.text}"
                if key not in in_file:
                    not_written.append(label)
                elif key not in seen_texts:
                    not_seen.append(label)
    if not_written:
        raise Failure("terms of the model missing from the file ilo-tbx wrote:\n  " + "\n  ".join(not_written))
    if not_seen:
        raise Failure("terms of the model that the tool does not see:\n  " + "\n  ".join(not_seen))
    print(f"  model: all {count} terms of ilo-tbx's model in these languages are in the file and seen")


def report_missing(missing, complete, why, by_design):
    """A term the tool does not see fails the case unless the tool drops it by design; with --complete
    (our own exports) no term may be missing at all."""
    for item in missing:
        print(f"  not seen ({why}): {item[3]}")
    unexplained = [item[3] for item in missing if not by_design(item)]
    if unexplained:
        raise Failure("terms written but not seen by the tool:\n  " + "\n  ".join(unexplained))
    if complete and missing:
        raise Failure("--complete: every term written must be seen, and these are not:\n  "
                      + "\n  ".join(item[3] for item in missing))


def write_row(build_dir, key, columns):
    rows = os.path.join(build_dir, "acceptance", "rows")
    os.makedirs(rows, exist_ok=True)
    with open(os.path.join(rows, key + ".json"), "w", encoding="utf-8") as handle:
        json.dump(columns, handle, ensure_ascii=False, indent=1)


def describe(labels):
    return ", ".join(labels) if labels else "—"


def languages_of(concepts):
    return list(dict.fromkeys(primary_subtag(section.tag) for concept in concepts for section in concept.langs))


def target_languages(args, concepts):
    """The source language and the targets: --targets, or every other language of the concepts."""
    source = primary_subtag(args.source)
    if args.targets:
        return source, args.targets.split(",")
    return source, [lang for lang in languages_of(concepts) if lang != source]


# ---------------------------------------------------------------------------------------------------------
# Test cases.

def prepare(args, workdir, produce=True):
    """The file under test (written by ilo-tbx first with --produce) and the model's concepts, if any."""
    path = args.file
    if args.produce and produce:
        path = run_ilo_tbx(args.ilo_tbx, args.produce, os.path.join(workdir, os.path.basename(args.file)))
    model = None
    if args.model_args:
        model = read_model_json(run_ilo_tbx(args.ilo_tbx, args.model_args, os.path.join(workdir, "model.json")))
    return path, model


def case_omegat_tbx(args, workdir):
    path, model = prepare(args, workdir)
    concepts = read_tbx2008(path)
    source, targets = target_languages(args, concepts)
    if not targets:
        raise Failure(f"{path}: no target language besides {args.source}")
    probe = make_probe(path, os.path.join(workdir, "probe.tbx"))
    probe_concepts = read_tbx2008(probe)
    shown = run_omegat(args.build_dir, workdir, args.source, targets, [path, probe])
    measure, seen, entry_count = Measure(), set(), 0
    for target in targets:
        entries, probe_entries = shown[(path, target)], shown[(probe, target)]
        expected = [pair for concept in concepts for pair in omegat_tbx_expected(concept, args.source, target)]
        compare(f"OmegaT {args.source}->{target} on {path}", expected, [(e.source, e.target) for e in entries])
        compare(f"OmegaT {args.source}->{target} on the probe copy", expected,
                [(e.source, e.target) for e in probe_entries])
        entry_count += len(entries)
        position = 0
        for index, (concept, probe_concept) in enumerate(zip(concepts, probe_concepts)):
            count = len(omegat_tbx_expected(concept, args.source, target))
            for entry in entries[position:position + count]:
                seen.add((index, source, entry.source))
                seen.add((index, primary_subtag(target), entry.target))
            if count:
                comments = "\n".join(entry.comment for entry in probe_entries[position:position + count])
                measure_fields(measure, probe_concept, args.source, target, comments)
            position += count
    langs = {source} | {primary_subtag(target) for target in targets}
    written, missing = coverage(concepts, seen, langs)
    print(f"OmegaT 3.6 GlossaryReaderTBX on {os.path.basename(path)}: {len(targets)} pairs "
          f"{args.source}->{','.join(targets)}, {entry_count} entries; terms written {written}, "
          f"seen {written - len(missing)}")
    report_missing(missing, args.complete, f"its termEntry has no {args.source} term",
                   lambda item: not terms_in(concepts[item[0]], args.source))
    if model is not None:
        check_model(model, concepts, langs, {(lang, text) for _, lang, text in seen})
    if args.row:
        write_row(args.build_dir, args.row, {
            "tool": "OmegaT 3.6 (GlossaryReaderTBX)", "file": args.row_file or os.path.basename(path),
            "seen": f"{written - len(missing)} of {written}", "shows": describe(measure.shown()),
            "drops": describe(measure.dropped() + measure.partly() + (
                [f"terms of a termEntry with no {args.source} term"] if missing else []))})
    return 0


def toolkit_targets(args, model):
    """--each-target: the target languages, one file each ("all": every language of the model but the source)."""
    if args.each_target == "all":
        if model is None:
            raise Failure("--each-target all needs --model-args")
        return [lang for lang in languages_of(model) if lang != primary_subtag(args.source)]
    return args.each_target.split(",")


def case_toolkit_tbx(args, workdir):
    """translate-toolkit's tbxfile and tbx2po on a TBX 2008 file; with --each-target, on one file per target
    language ({lang} in the file name and in --produce), all read by one translate-toolkit process."""
    if args.each_target:
        _, model = prepare(args, workdir, produce=False)
        paths = []
        for target in toolkit_targets(args, model):
            out = os.path.join(workdir, os.path.basename(args.file).replace("{lang}", target))
            paths.append(run_ilo_tbx(args.ilo_tbx, args.produce.replace("{lang}", target), out, quiet=bool(paths)))
    else:
        path, model = prepare(args, workdir)
        paths = [path]
    probes = [make_probe(path, os.path.join(workdir, f"probe{number}.tbx")) for number, path in enumerate(paths)]
    views = run_translate_toolkit(workdir, paths + probes)
    measure, total_written, total_missing = Measure(), 0, []
    for path, probe in zip(paths, probes):
        written, missing = check_toolkit_tbx(args, path, model, views[path], read_tbx2008(probe), views[probe], measure)
        total_written += written
        total_missing += missing
    if len(paths) > 1:
        print(f"translate-toolkit 3.8 on {len(paths)} files (one pair each): terms written {total_written}, "
              f"seen {total_written - len(total_missing)}")
    if args.row:
        drops = measure.dropped() + measure.partly()
        if any(item[2] > 0 for item in total_missing):
            drops.append("every term after the first of a language")
        if any(item[2] == 0 for item in total_missing):
            drops.append("every langSet after the second")
        write_row(args.build_dir, args.row, {
            "tool": "translate-toolkit 3.8 (tbxfile, tbx2po)", "file": args.row_file or os.path.basename(paths[0]),
            "seen": f"{total_written - len(total_missing)} of {total_written}"
                    + (f" ({len(paths)} files, one pair each)" if len(paths) > 1 else ""),
            "shows": describe(measure.shown()), "drops": describe(drops)})
    return 0


def check_toolkit_tbx(args, path, model, view, probe_concepts, probe_view, measure):
    """One TBX file as translate-toolkit saw it; returns (terms written, terms missing)."""
    concepts = read_tbx2008(path)
    if view.store != "translate.storage.tbx.tbxfile":
        raise Failure(f"translate-toolkit read {path} as {view.store}, not as TBX")
    expected = [toolkit_tbx_expected(concept) for concept in concepts]
    compare(f"translate-toolkit on {path}", expected, [(unit.source, unit.target) for unit in view.units])
    compare(f"tbx2po on {path}", tbx2po_expected(concepts), [(u["source"], u["target"]) for u in view.po_units])
    compare(f"translate-toolkit on the probe copy", expected,
            [(unit.source, unit.target) for unit in probe_view.units])
    seen, langs = set(), set()
    for index, (concept, probe_concept, unit, probe_unit) in enumerate(
            zip(concepts, probe_concepts, view.units, probe_view.units)):
        langs |= {primary_subtag(section.tag) for section in concept.langs}
        source_lang = primary_subtag(concept.langs[0].tag) if concept.langs else ""
        target_lang = primary_subtag(concept.langs[1].tag) if len(concept.langs) > 1 else ""
        if unit.source:
            seen.add((index, source_lang, unit.source))
        if unit.target:
            seen.add((index, target_lang, unit.target))
        # What a translator sees of the probe entry: the unit's notes, and tbx2po's msgctxt and comments.
        po_unit = next((p for p in probe_view.po_units if p["source"] == probe_unit.source), None)
        shown = probe_unit.comment + ("\n" + po_unit["context"] + "\n" + po_unit["notes"] if po_unit else "")
        measure_fields(measure, probe_concept, source_lang, target_lang, shown)
    written, missing = coverage(concepts, seen, langs)
    print(f"translate-toolkit 3.8 tbxfile + tbx2po on {os.path.basename(path)}: {len(view.units)} units, "
          f"{len(view.po_units)} PO units; terms written {written}, seen {written - len(missing)}")

    def by_design(item):
        index, section, position, _ = item
        langs_read = concepts[index].langs[:2]
        return position > 0 or not any(section is read for read in langs_read)
    report_missing(missing, args.complete, "only the first term of the first two langSets is read", by_design)
    if model is not None:
        check_model(model, concepts, langs, {(lang, text) for _, lang, text in seen})
    return written, missing


def case_lokalize_tbx(args, workdir):
    path, model = prepare(args, workdir)
    concepts = read_tbx2008(path)
    source, targets = target_languages(args, concepts)
    shown = run_lokalize(args.source, targets, path)
    seen, rows = set(), 0
    for target in targets:
        expected = [row for concept in concepts for row in lokalize_expected(concept, args.source, target)]
        compare(f"Lokalize {args.source}->{target} on {path}", sorted(tuple(row) for row in expected),
                sorted(tuple(row) for row in shown[target]))
        rows += len(expected)
        listed = {row[0] for row in expected}
        for index, concept in enumerate(concepts):
            if concept.id and concept.id in listed:
                for lang in (args.source, target):
                    seen |= {(index, primary_subtag(lang), text) for text in terms_in(concept, lang)}
    langs = {source} | {primary_subtag(target) for target in targets}
    written, missing = coverage(concepts, seen, langs)
    print(f"Lokalize 22.12 Glossary window on {os.path.basename(path)}: {len(targets)} pairs "
          f"{args.source}->{','.join(targets)}, {rows} rows; terms written {written}, "
          f"seen {written - len(missing)}")
    report_missing(missing, args.complete, "its termEntry has no id", lambda item: not concepts[item[0]].id)
    if model is not None:
        check_model(model, concepts, langs, {(lang, text) for _, lang, text in seen})
    if args.row:
        write_row(args.build_dir, args.row, {
            "tool": "Lokalize 22.12 (Glossary window, via AT-SPI)", "file": args.row_file or os.path.basename(path),
            "seen": f"{written - len(missing)} of {written}", "shows": "id, subjectField (entry), every term "
            "of the pair's two languages (the list's columns, compared exactly)", "drops": "not measured: "
            "the list has no other columns, and the entry pane beside it (definition) is not read"
            + ("; every term of a termEntry without an id" if missing else "")})
    return 0


def case_v3_unread(args, workdir):
    """TBX v3 (what `ilo-tbx export` writes by default) is read by none of the tools: each must fail on
    it or show nothing. Should a tool start reading it, this case fails so that the README is updated."""
    path, _ = prepare(args, workdir)
    root = ElementTree.parse(path).getroot()
    if not root.tag.endswith("}tbx"):
        raise Failure(f"{path} is not TBX v3 (root {root.tag})")
    terms = sum(1 for element in root.iter() if element.tag.split("}")[-1] == "term")
    outcomes = []
    try:
        shown = run_omegat(args.build_dir, workdir, "en", ["fr"], [path])
        if shown[(path, "fr")]:
            raise Failure(f"OmegaT now shows {len(shown[(path, 'fr')])} entries of a TBX v3 file")
        outcomes.append("OmegaT: no entry")
    except Failure as failure:
        if "now shows" in str(failure):
            raise
        reason = re.search(r"unexpected element \(uri:\"([^\"]*)\", local:\"([^\"]*)\"\)", str(failure))
        outcomes.append("OmegaT: error" + (f" (unexpected element {reason.group(2)})" if reason else ""))
    try:
        units = run_translate_toolkit(workdir, [path], tbx2po=False)[path].units
        if units:
            raise Failure(f"translate-toolkit now shows {len(units)} units of a TBX v3 file")
        outcomes.append("translate-toolkit: no unit")
    except Failure as failure:
        if "now shows" in str(failure):
            raise
        outcomes.append("translate-toolkit: error" + (" (AssertionError)" if "AssertionError" in str(failure) else ""))
    if not args.no_lokalize:
        rows = [row for row in run_lokalize("en", ["fr"], path)["fr"] if any(row)]
        if rows:
            raise Failure(f"Lokalize now lists {len(rows)} entries of a TBX v3 file")
        outcomes.append("Lokalize: no row")
    print(f"TBX v3 {os.path.basename(path)} ({terms} terms): " + "; ".join(outcomes))
    if args.row:
        write_row(args.build_dir, args.row, {
            "tool": "OmegaT, translate-toolkit" + ("" if args.no_lokalize else ", Lokalize"),
            "file": args.row_file or os.path.basename(path), "seen": f"0 of {terms}", "shows": "—",
            "drops": "everything: " + "; ".join(outcomes) + " (use a TBX 2008 profile)"})
    return 0


def read_back(args, path, workdir):
    """ilo-tbx's own reader on a file a tool wrote: the model, as neutral concepts; its warnings printed."""
    if not args.read_back:
        raise Failure("--read-back is needed: the acceptance_read_back helper")
    out = os.path.join(workdir, "read-back.json")
    with open(out, "wb") as handle:
        result = subprocess.run([args.read_back, path], stdout=handle, stderr=subprocess.PIPE, text=False)
    warnings = result.stderr.decode("utf-8", "replace").strip()
    if warnings:
        print(f"ilo-tbx reading {os.path.basename(path)}:\n  " + "\n  ".join(
            line for line in warnings.splitlines() if line.strip()))
    if result.returncode != 0:
        raise Failure(f"ilo-tbx cannot read what the tool wrote ({path}), exit code {result.returncode}")
    return read_model_json(out)


def case_toolkit_roundtrip(args, workdir):
    """Our TBX through translate-toolkit's own converters and back: tbx2po, po2csv, csv2tbx write the
    term base again, and ilo-tbx reads csv2tbx's TBX: every pair the tool carried must be there."""
    path, _ = prepare(args, workdir)
    translate_toolkit_present()
    concepts = read_tbx2008(path)
    po_file, csv_file, tbx_file = (os.path.join(workdir, name) for name in ("rt.po", "rt.csv", "rt.tbx"))
    for command in (["/usr/bin/tbx2po", "-i", path, "-o", po_file], ["/usr/bin/po2csv", "-i", po_file, "-o", csv_file],
                    ["/usr/bin/csv2tbx", "-i", csv_file, "-o", tbx_file]):
        result = subprocess.run(command + ["--progress=none"], capture_output=True, text=True)
        if result.returncode != 0 or not os.path.exists(command[-1]):
            raise Failure(f"{' '.join(command)} failed:\n{result.stderr}")
    carried = tbx2po_expected(concepts)
    model = read_back(args, tbx_file, workdir)
    got = []
    for concept in model:
        sources = [term.text for section in concept.langs[:1] for term in section.terms]
        targets = [term.text for section in concept.langs[1:2] for term in section.terms]
        got.append((sources[0] if sources else "", targets[0] if targets else ""))
    compare(f"{os.path.basename(path)} -> tbx2po -> po2csv -> csv2tbx -> ilo-tbx", carried, got)
    languages = sorted({section.tag for concept in model for section in concept.langs})
    terms = sum(1 for pair in carried for text in pair if text)
    print(f"translate-toolkit round trip of {os.path.basename(path)}: {len(carried)} entries, {terms} terms "
          f"carried by the tool, all read back by ilo-tbx to the character (languages in csv2tbx's file: "
          f"{', '.join(languages)}; csv2tbx labels every target 'xx')")
    return 0


def case_omegat_glossary(args, workdir):
    """OmegaT's TSV (.tab/.txt/.utf8) and CSV readers on a glossary file."""
    path, model = prepare(args, workdir)
    rows = glossary_rows(path)
    shown = run_omegat(args.build_dir, workdir, args.source, [args.target], [path])
    entries = shown[(path, args.target)]
    compare(f"OmegaT on {path}", rows, [(entry.source, entry.target, entry.comment) for entry in entries])
    terms = {(primary_subtag(args.source), row[0]) for row in rows} | {(primary_subtag(args.target), row[1])
                                                                          for row in rows}
    print(f"OmegaT 3.6 on {os.path.basename(path)}: {len(entries)} entries; all {len(terms)} distinct terms "
          f"and every comment of the file seen exactly")
    if model is not None:
        concepts = [Concept(id="", langs=[LangSet(args.source, [Term(r[0], [])], []),
                                          LangSet(args.target, [Term(r[1], [])], [])], fields=[]) for r in rows]
        check_model(model, concepts, {primary_subtag(args.source), primary_subtag(args.target)}, terms)
    return 0


# ---------------------------------------------------------------------------------------------------------
# Our own sheet exports (--profile omegat: .txt/.utf8/.csv; --profile translate-toolkit: .csv), one file
# per language pair, each pair as the tool reads it.

@dataclasses.dataclass
class Sheet:
    target: str
    path: str
    probe: str  # the same sheet made from a probe copy of the term base (unique marker values)


def prepare_sheets(args, workdir):
    """As a user would: ilo-tbx exports the term base to TBX, then imports that into the tool's sheet with
    --profile, one file per target language. Also the JSON model, and each sheet made from a probe copy
    of the term base (from its TBX 2008 export) to measure what the tool shows."""
    term_base = shlex.split(args.term_base or "")
    model = read_model_json(run_ilo_tbx(args.ilo_tbx, ["export"] + term_base + ["--to", "json", "--out", "{out}"],
                                        os.path.join(workdir, "model.json")))
    base = run_ilo_tbx(args.ilo_tbx, ["export"] + term_base + ["--out", "{out}"], os.path.join(workdir, "base.tbx"),
                       quiet=True)
    base2008 = run_ilo_tbx(args.ilo_tbx, ["export"] + term_base + ["--to", "tbx2008", "--out", "{out}"],
                           os.path.join(workdir, "base-2008.tbx"), quiet=True)
    probe_tbx = make_probe(base2008, os.path.join(workdir, "probe.tbx"))
    source, targets = target_languages(args, model)
    stem, extension = os.path.splitext(os.path.basename(args.file))
    sheets = []
    for target in targets:
        sheet = Sheet(target, os.path.join(workdir, f"{stem}-{target}{extension}"),
                      os.path.join(workdir, f"probe-{stem}-{target}{extension}"))
        for tbx, out, quiet in ((base, sheet.path, bool(sheets)), (probe_tbx, sheet.probe, True)):
            run_ilo_tbx(args.ilo_tbx, ["import", tbx, "--out", "{out}", "--profile", args.profile,
                                       "--source-lang", args.source, "--langs", target], out, quiet=quiet)
        sheets.append(sheet)
    return model, read_tbx2008(probe_tbx), sheets


class PairFigures:
    """Terms written and seen, and the model's terms, over every pair of a sheet case."""

    def __init__(self, model, source):
        self.model, self.source = model, primary_subtag(source)
        self.written = self.seen = self.model_terms = self.outside = 0
        self.pairs = []

    def add(self, target, written, seen, label):
        """written, seen: sets of (language, term text) in the file, and shown by the tool."""
        target = primary_subtag(target)
        missing = sorted(written - seen)
        in_pair = [concept for concept in self.model if terms_in(concept, self.source) and terms_in(concept, target)]
        model_terms = {(lang, text) for concept in in_pair for lang in (self.source, target)
                       for text in terms_in(concept, lang)}
        # A concept with no term in one of the two languages has no row in a pair sheet: ilo-tbx warns
        # (csv.dropped, "concepts without a term in both languages"); its terms are counted here.
        outside = sum(len(terms_in(concept, lang)) for concept in self.model if concept not in in_pair
                      for lang in (self.source, target))
        not_written = sorted(model_terms - written)
        not_seen = sorted((model_terms & written) - seen)
        print(f"  {self.source}->{target}: terms written {len(written)}, seen {len(written & seen)}; the model's "
              f"{len(model_terms)} terms of this pair all in the file: {not not_written}, all seen: {not not_seen}"
              + (f"; {outside} terms of concepts without a term in both languages (no row)" if outside else ""))
        if missing:
            raise Failure(f"{label}: terms written but not seen by the tool:\n  "
                          + "\n  ".join(f"{lang}: {text}" for lang, text in missing))
        if not_written:
            raise Failure(f"{label}: terms of the model missing from the file ilo-tbx wrote:\n  "
                          + "\n  ".join(f"{lang}: {text}" for lang, text in not_written))
        if not_seen:
            raise Failure(f"{label}: terms of the model that the tool does not see:\n  "
                          + "\n  ".join(f"{lang}: {text}" for lang, text in not_seen))
        self.written += len(written)
        self.seen += len(written & seen)
        self.model_terms += len(model_terms)
        self.outside += outside
        self.pairs.append(target)

    def summary(self, tool):
        print(f"{tool}: {len(self.pairs)} pairs {self.source}->{','.join(self.pairs)}; terms written "
              f"{self.written}, seen {self.seen}; every one of the model's {self.model_terms} terms in these pairs "
              f"written and seen" + (f"; {self.outside} terms of concepts without a term in both languages of a "
                                     f"pair have no row (reported by ilo-tbx)" if self.outside else ""))

    def seen_column(self):
        return (f"{self.seen} of {self.written} ({len(self.pairs)} pairs, a file each)")


def measure_pair(measure, probe_concepts, source, target, shown_text):
    """Which data categories of the probe concepts that have a row in this pair the tool shows; every
    marker is unique in the term base, so all the pair's shown text can be searched at once."""
    for concept in probe_concepts:
        if terms_in(concept, source) and terms_in(concept, target):
            measure_fields(measure, concept, source, target, shown_text)


def sheet_drops(measure, figures):
    drops = measure.dropped() + measure.partly()
    if figures.outside:
        drops.append("concepts without a term in both languages of the pair (no row; ilo-tbx warns)")
    return describe(drops)


def check_read_back_pairs(label, model, source, target, entries):
    """Every (source, target, comment) a tool wrote back must be in ilo-tbx's reading of its file: a concept
    with both terms, and the comment among that concept's notes or definitions."""
    pairs = {}
    for concept in model:
        texts = {value for _, value in concept.fields} | {value for section in concept.langs
                                                           for _, value in section.fields}
        for source_text in terms_in(concept, source):
            for target_text in terms_in(concept, target):
                pairs.setdefault((source_text, target_text), set()).update(texts)
    lost = [entry for entry in entries if (entry.source, entry.target) not in pairs
            or (entry.comment and entry.comment not in pairs[(entry.source, entry.target)])]
    if lost:
        raise Failure(f"{label}: what the tool wrote and ilo-tbx did not read back:\n  "
                      + "\n  ".join("\t".join((e.source, e.target, e.comment[:80])) for e in lost))
    return len({(source, e.source) for e in entries} | {(target, e.target) for e in entries})


def case_omegat_sheet(args, workdir):
    """OmegaT's GlossaryReaderTSV (.txt, .utf8) or GlossaryReaderCSV (.csv) on our --profile omegat sheets,
    one per target language; with --round-trip (TSV sheets), the sheet is the project's writable glossary:
    OmegaT adds every entry again (GlossaryReaderTSV.append), and ilo-tbx reads the file back."""
    model, probe_concepts, sheets = prepare_sheets(args, workdir)
    reader = "GlossaryReaderCSV" if args.file.lower().endswith(".csv") else "GlossaryReaderTSV"
    write_back = os.path.join(workdir, "write-back")
    os.makedirs(write_back, exist_ok=True)
    paths = [sheet.path for sheet in sheets] + [sheet.probe for sheet in sheets]
    shown = run_omegat(args.build_dir, workdir, args.source, [sheet.target for sheet in sheets] * 2, paths,
                       write_back=write_back if args.round_trip else None, target_per_file=True)
    figures, measure, carried = PairFigures(model, args.source), Measure(), 0
    source = primary_subtag(args.source)
    for number, sheet in enumerate(sheets):
        label = f"OmegaT {reader} {args.source}->{sheet.target} on {os.path.basename(sheet.path)}"
        entries, probe_entries = shown[(sheet.path, sheet.target)], shown[(sheet.probe, sheet.target)]
        rows = glossary_rows(sheet.path)
        compare(label, rows, [(entry.source, entry.target, entry.comment) for entry in entries])
        compare(label + " (probe copy)", glossary_rows(sheet.probe),
                [(entry.source, entry.target, entry.comment) for entry in probe_entries])
        target = primary_subtag(sheet.target)
        figures.add(sheet.target, {(source, row[0]) for row in rows} | {(target, row[1]) for row in rows},
                    {(source, e.source) for e in entries} | {(target, e.target) for e in entries}, label)
        measure_pair(measure, probe_concepts, source, target, "\n".join(e.comment for e in probe_entries))
        if args.round_trip:
            # Our sheet as the project's writable glossary, with every entry added again by OmegaT's writer.
            written_back = os.path.join(write_back, f"{number}{os.path.splitext(sheet.path)[1]}")
            compare(f"OmegaT's glossary writer on a copy of {os.path.basename(sheet.path)}",
                    rows + [(e.source, e.target, e.comment) for e in entries], glossary_rows(written_back))
            back = read_model_json(run_ilo_tbx(args.ilo_tbx, [
                "import", written_back, "--profile", "omegat", "--source-lang", args.source, "--langs", sheet.target,
                "--to", "json", "--out", "{out}"], os.path.join(workdir, f"read-back-{number}.json"), quiet=True))
            carried += check_read_back_pairs(f"OmegaT's glossary written back ({written_back})", back, source,
                                             target, entries)
    figures.summary(f"OmegaT 3.6 {reader} on {args.file}")
    if args.round_trip:
        print(f"round trip: OmegaT added every entry again to a copy of the sheet (its writable glossary, through "
              f"GlossaryReaderTSV.append), and ilo-tbx read back all {carried} terms and every comment, in every pair")
    if args.row:
        write_row(args.build_dir, args.row, {
            "tool": f"OmegaT 3.6 ({reader})", "file": args.row_file or os.path.basename(args.file),
            "seen": figures.seen_column(), "shows": describe(measure.shown()), "drops": sheet_drops(measure, figures)})
    return 0


def toolkit_csv_expected(path):
    """translate-toolkit's csvfile on a CSV with its own field names, as the Python csv module reads the
    file: one unit per row; notes are translator_comments then developer_comments, on two lines."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    units = []
    for row in rows:
        notes = "\n".join(note for note in (row.get("translator_comments", ""), row.get("developer_comments", ""))
                          if note)
        units.append((row.get("source", ""), row.get("target", ""), notes, row.get("id", "") or row.get("source", ""),
                      row.get("context", "")))
    return rows, units


def csv2po_expected(rows):
    """csv2po: a PO unit per row (source, target); rows with the same source and location are duplicates,
    of which PO keeps the first."""
    units, keys = [], set()
    for row in rows:
        key = (row.get("location", ""), row.get("source", ""))
        if row.get("source") and key not in keys:
            keys.add(key)
            units.append((row["source"], row.get("target", "")))
    return units


def case_toolkit_sheet(args, workdir):
    """translate-toolkit's csvfile (storage API) and csv2po on our --profile translate-toolkit CSV, one file
    per target language; with --round-trip, csv2tbx and po2csv write the glossary again and ilo-tbx reads
    both back."""
    model, probe_concepts, sheets = prepare_sheets(args, workdir)
    paths = [sheet.path for sheet in sheets]
    views = run_translate_toolkit(workdir, paths, tbx2po=True, round_trip=args.round_trip)
    probe_views = run_translate_toolkit(workdir, [sheet.probe for sheet in sheets], tbx2po=False)
    figures, measure, carried = PairFigures(model, args.source), Measure(), {"csv2tbx": 0, "po2csv": 0}
    source = primary_subtag(args.source)
    for sheet in sheets:
        label = f"translate-toolkit csvfile {args.source}->{sheet.target} on {os.path.basename(sheet.path)}"
        view, probe_view = views[sheet.path], probe_views[sheet.probe]
        if view.store != "translate.storage.csvl10n.csvfile":
            raise Failure(f"translate-toolkit read {sheet.path} as {view.store}, not as CSV")
        rows, expected = toolkit_csv_expected(sheet.path)
        compare(label, expected, [(u.source, u.target, u.comment, u.id, u.context) for u in view.units])
        compare(label + " (probe copy)", toolkit_csv_expected(sheet.probe)[1],
                [(u.source, u.target, u.comment, u.id, u.context) for u in probe_view.units])
        po_expected = csv2po_expected(rows)
        compare(f"csv2po {args.source}->{sheet.target} on {os.path.basename(sheet.path)}", po_expected,
                [(u["source"], u["target"]) for u in view.po_units])
        target = primary_subtag(sheet.target)
        written = {(source, row["source"]) for row in rows} | {(target, row["target"]) for row in rows}
        seen = {(source, u.source) for u in view.units} | {(target, u.target) for u in view.units}
        po_seen = {(source, u["source"]) for u in view.po_units} | {(target, u["target"]) for u in view.po_units}
        figures.add(sheet.target, written, seen & po_seen, label + " and csv2po")
        measure_pair(measure, probe_concepts, source, target, "\n".join(
            "\n".join((u.comment, u.id, u.context)) for u in probe_view.units))
        if args.round_trip:
            for kind, path in view.wrote.items():
                back = read_model_json(run_ilo_tbx(args.ilo_tbx, (["import", path, "--to", "json", "--out", "{out}"]) + (
                    ["--source-lang", args.source, "--langs", sheet.target] if kind == "po2csv" else []),
                    os.path.join(workdir, f"read-back-{kind}-{sheet.target}.json"), quiet=True))
                # csv2tbx labels every target language 'xx'.
                back_target = "xx" if kind == "csv2tbx" else target
                units = [Entry(u.source, u.target, "") for u in view.units] if kind == "csv2tbx" else \
                    [Entry(u["source"], u["target"], "") for u in view.po_units]
                carried[kind] += check_read_back_pairs(f"{kind}'s file ({path})", back, source, back_target, units)
    figures.summary(f"translate-toolkit 3.8 csvfile + csv2po on {args.file}")
    if args.round_trip:
        print(f"round trip: csv2tbx wrote TBX and po2csv wrote CSV again; ilo-tbx read back all {carried['csv2tbx']} "
              f"and {carried['po2csv']} terms they carried, in every pair (csv2tbx labels the target 'xx')")
    if args.row:
        write_row(args.build_dir, args.row, {
            "tool": "translate-toolkit 3.8 (csvfile, csv2po)", "file": args.row_file or os.path.basename(args.file),
            "seen": figures.seen_column(), "shows": describe(measure.shown()), "drops": sheet_drops(measure, figures)})
    return 0


def case_readme(args, workdir):
    """Checks the README's acceptance table against the rows the cases measured."""
    rows_dir = os.path.join(args.build_dir, "acceptance", "rows")
    keys = args.keys.split(",")
    missing = [key for key in keys if not os.path.exists(os.path.join(rows_dir, key + ".json"))]
    if missing:
        raise ConsumerMissing("the measurements of " + ", ".join(missing) + " (their cases were skipped)")
    lines = ["| tool and reader | file | terms seen | shows | drops |", "| --- | --- | --- | --- | --- |"]
    for key in keys:
        with open(os.path.join(rows_dir, key + ".json"), encoding="utf-8") as handle:
            row = json.load(handle)
        lines.append("| " + " | ".join(row[column].replace("|", "\\|")
                                      for column in ("tool", "file", "seen", "shows", "drops")) + " |")
    table = "\n".join(lines)
    begin, end = "<!-- acceptance-table:begin (generated by tests/acceptance) -->", "<!-- acceptance-table:end -->"
    with open(README, encoding="utf-8") as handle:
        readme = handle.read()
    match = re.search(re.escape(begin) + r"\n(.*?)" + re.escape(end), readme, re.S)
    if not match:
        raise Failure(f"README.md has no acceptance table between '{begin}' and '{end}'")
    if match.group(1).strip() == table:
        print("README.md's acceptance table matches what the tests measured")
        return 0
    if os.environ.get("ILO_TBX_ACCEPT") == "1":
        with open(README, "w", encoding="utf-8") as handle:
            handle.write(readme[:match.start(1)] + table + "\n" + readme[match.end(1):])
        print("README.md's acceptance table rewritten (ILO_TBX_ACCEPT=1)")
        return 0
    diff = "\n".join(difflib.unified_diff(match.group(1).strip().splitlines(), table.splitlines(),
                                          "README.md", "measured", lineterm=""))
    raise Failure("README.md's acceptance table differs from what the tests measured "
                  "(ILO_TBX_ACCEPT=1 ctest -R acceptance.readme rewrites it):\n" + diff)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--ilo-tbx", help="the ilo-tbx executable under test")
    parser.add_argument("--read-back", help="the acceptance_read_back helper (ilo-tbx's readers to JSON)")
    sub = parser.add_subparsers(dest="case", required=True)

    def file_case(name, run, help_text):
        case = sub.add_parser(name, help=help_text)
        case.add_argument("file", help="the file under test (with --produce: the name of the file ilo-tbx writes)")
        case.add_argument("--produce", help="ilo-tbx arguments that write the file; {out} stands for its path")
        case.add_argument("--model-args", help="ilo-tbx arguments that write the model as JSON to {out}")
        case.add_argument("--complete", action="store_true", help="every term written must be seen")
        case.add_argument("--row", help="key of the README table row this case measures")
        case.add_argument("--row-file", help="how the README table names the file")
        case.set_defaults(run=run)
        return case

    case = file_case("omegat-tbx", case_omegat_tbx, "OmegaT's TBX reader on a TBX 2008 file, every pair")
    case.add_argument("--source", default="en")
    case.add_argument("--targets", help="comma-separated target languages (default: every other language)")
    case = file_case("lokalize-tbx", case_lokalize_tbx, "Lokalize's glossary on a TBX 2008 file, every pair")
    case.add_argument("--source", default="en")
    case.add_argument("--targets", help="comma-separated target languages (default: every other language)")
    file_case("tt-roundtrip", case_toolkit_roundtrip, "our TBX through tbx2po, po2csv, csv2tbx, back to ilo-tbx")
    case = file_case("v3-unread", case_v3_unread, "no tool reads TBX v3: each fails or shows nothing")
    case.add_argument("--no-lokalize", action="store_true")
    case = file_case("tt-tbx", case_toolkit_tbx, "translate-toolkit's TBX storage and tbx2po on a TBX 2008 file")
    case.add_argument("--each-target", help="one file per target language ({lang} in the file name and in "
                      "--produce): a comma-separated list, or 'all' for every language of the model")
    case.add_argument("--source", default="en")
    case = file_case("omegat-glossary", case_omegat_glossary, "OmegaT's TSV or CSV reader on a glossary file")
    case.add_argument("--source", default="en")
    case.add_argument("--target", default="fr")
    for name, run, help_text in (
            ("omegat-sheet", case_omegat_sheet, "OmegaT's TSV or CSV reader on our --profile omegat sheets"),
            ("tt-sheet", case_toolkit_sheet, "translate-toolkit's CSV storage and csv2po on our CSV sheets")):
        case = sub.add_parser(name, help=help_text)
        case.add_argument("file", help="how the sheets are named: NAME.EXT gives NAME-<target>.EXT")
        case.add_argument("--term-base", default="", help="the ilo-tbx export arguments that select the term base "
                          "(none: the built-in ILO entry)")
        case.add_argument("--profile", required=True)
        case.add_argument("--source", default="en")
        case.add_argument("--targets", help="comma-separated target languages (default: every other language)")
        case.add_argument("--round-trip", action="store_true", help="the tool writes the glossary back; ilo-tbx "
                          "reads it")
        case.add_argument("--row", help="key of the README table row this case measures")
        case.add_argument("--row-file", help="how the README table names the file")
        case.set_defaults(run=run)
    case = sub.add_parser("readme", help="check README.md's acceptance table against the measured rows")
    case.add_argument("--keys", required=True, help="comma-separated row keys, in table order")
    case.set_defaults(run=case_readme)
    args = parser.parse_args(argv[1:])
    workdir = tempfile.mkdtemp(prefix="ilo-acceptance-")
    try:
        return args.run(args, workdir)
    except ConsumerMissing as missing:
        if os.environ.get("CI") == "true":
            print(f"FAIL: {missing} is missing, and CI=true: install it with tools/setup.sh --test",
                  file=sys.stderr)
            return 1
        print(f"SKIP: {missing} is missing; install it with tools/setup.sh --test (as root)", file=sys.stderr)
        return SKIP
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
