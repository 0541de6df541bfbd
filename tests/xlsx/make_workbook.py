#!/usr/bin/python3
"""Writes hand-made .xlsx workbooks for the reader's tests (hostile and unusual ones that Excel and
libxlsxwriter never write). Usage: make_workbook.py KIND OUT.xlsx
KINDs:
  cells            inline strings, rich-text shared strings, numbers, booleans, a formula's cached value,
                   _xHHHH_ escapes, gaps between cells, a second sheet named "Second"
  bomb             a worksheet that inflates to 300 MiB of spaces (about 300 KB packed)
  lying-size       a worksheet of 300 MiB whose central directory claims 100 bytes
  many-entries     10001 empty entries
  external-sheet   the workbook's only sheet is an external link (file:///etc/passwd)
  bad-xml          a worksheet that is not well-formed
  bad-utf8         a worksheet with a byte that is not UTF-8 (a Windows-1252 "é")
  control-char     a shared string with a raw BEL (U+0007), which XML does not allow
  huge-char-ref    an inline string with &#22555555555555555553; (no character has that number)
  unended-char-ref an inline string with "&#223e" (a character reference that no ';' ends)
  no-workbook      a ZIP archive without xl/workbook.xml
  legacy-encodings shared strings declared ISO-8859-1 and a worksheet in UTF-16LE with a byte-order mark
"""
import struct
import sys
import zipfile
import zlib

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""


def workbook(sheets):
    entries = "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, name in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>'


def workbook_rels(targets, extra=""):
    entries = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="{target}"/>' for i, target in enumerate(targets))
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{entries}{extra}</Relationships>'


def sheet(rows):
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'


def basic(book, sheet_xml, more=None):
    book.writestr("[Content_Types].xml", CONTENT_TYPES)
    book.writestr("_rels/.rels", PACKAGE_RELS)
    book.writestr("xl/workbook.xml", workbook(["Terms"]))
    book.writestr("xl/_rels/workbook.xml.rels", workbook_rels(["worksheets/sheet1.xml"]))
    book.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    for name, text in (more or {}).items():
        book.writestr(name, text)


def cells(out):
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="3" uniqueCount="3">'
              '<si><t>id</t></si><si><t>en</t></si>'
              '<si><r><rPr><b/></rPr><t>border </t></r><r><t xml:space="preserve">control</t></r>'
              '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si></sst>')
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="D1" t="inlineStr"><is><t>de</t></is></c></row>'
            '<row r="3"><c r="A3"><v>7</v></c><c r="B3" t="s"><v>2</v></c>'
            '<c r="D3" t="inlineStr"><is><t>Grenz_x005F_kontrolle_x000D__x000A_und Stra&#223;e</t></is></c></row>'
            '<row r="4"><c r="A4" t="str"><f>"c"&amp;"8"</f><v>c8</v></c><c r="B4" t="b"><v>1</v></c>'
            '<c r="D4" t="inlineStr"><is><t>Emoji _xD83D__xDE00_</t></is></c></row>')
    second = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>fr</t></is></c></row>' \
             '<row r="2"><c r="A2" t="inlineStr"><is><t>s1</t></is></c><c r="B2" t="inlineStr"><is><t>frontière</t></is></c></row>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", PACKAGE_RELS)
        book.writestr("xl/workbook.xml", workbook(["Terms", "Second"]))
        book.writestr("xl/_rels/workbook.xml.rels", workbook_rels(
            ["worksheets/sheet1.xml", "/xl/worksheets/../worksheets/sheet2.xml"],
            f'<Relationship Id="rId9" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'))
        book.writestr("xl/sharedStrings.xml", shared)
        book.writestr("xl/worksheets/sheet1.xml", sheet(rows))
        book.writestr("xl/worksheets/sheet2.xml", sheet(second))


def bomb(out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", PACKAGE_RELS)
        book.writestr("xl/workbook.xml", workbook(["Terms"]))
        book.writestr("xl/_rels/workbook.xml.rels", workbook_rels(["worksheets/sheet1.xml"]))
        with book.open("xl/worksheets/sheet1.xml", "w") as big:
            block = b" " * (1 << 20)
            for _ in range(300):
                big.write(block)


def lying_size(out):
    """A deflated sheet of 300 MiB whose local and central headers both claim 100 bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = b"".join(compressor.compress(b" " * (1 << 20)) for _ in range(300)) + compressor.flush()
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": PACKAGE_RELS.encode(),
        "xl/workbook.xml": workbook(["Terms"]).encode(),
        "xl/_rels/workbook.xml.rels": workbook_rels(["worksheets/sheet1.xml"]).encode(),
    }
    local = bytearray()
    central = bytearray()
    entries = []
    for name, data in parts.items():
        entries.append((name.encode(), 0, data, len(data), zlib.crc32(data)))
    entries.append((b"xl/worksheets/sheet1.xml", 8, packed, 100, 0))
    for name, method, data, size, crc in entries:
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(name), 0)
        local += name + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                               len(name), 0, 0, 0, 0, 0, offset)
        central += name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(local), 0)
    with open(out, "wb") as file:
        file.write(bytes(local) + bytes(central) + end)


def many_entries(out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as book:
        basic(book, sheet(""))
        for i in range(10001):
            book.writestr(f"x/{i}", b"")


def external_sheet(out):
    rels = (f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" '
            'Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", PACKAGE_RELS)
        book.writestr("xl/workbook.xml", workbook(["Terms"]))
        book.writestr("xl/_rels/workbook.xml.rels", rels)


def bad_xml(out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        basic(book, sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>').replace("</sheetData>", ""))


def bad_utf8(out):
    # A Windows-1252 "é" (byte 0xE9) where UTF-8 needs two bytes: a damaged or hand-edited workbook.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        basic(book, sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>en</t></is></c></row>'
                          '<row r="2"><c r="A2" t="inlineStr"><is><t>r\xe9fugi\xe9</t></is></c></row>'
                          ).encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))


def with_shared_strings(out, shared, sheet_part):
    # One sheet and a shared strings part, each given as text or bytes.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", PACKAGE_RELS)
        book.writestr("xl/workbook.xml", workbook(["Terms"]))
        book.writestr("xl/_rels/workbook.xml.rels", workbook_rels(
            ["worksheets/sheet1.xml"],
            f'<Relationship Id="rId9" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'))
        book.writestr("xl/sharedStrings.xml", shared)
        book.writestr("xl/worksheets/sheet1.xml", sheet_part)


def control_char(out):
    # A raw BEL (U+0007) in a shared string: XML allows it nowhere, escaped or not (Excel writes _x0007_).
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="2" uniqueCount="2">'
              '<si><t>en</t></si><si><t>ring\x07bell</t></si></sst>')
    with_shared_strings(out, shared, sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'))


def huge_char_ref(out):
    # Found by xlsx_parts_fuzz: pugixml decoded the number without a check, into bytes that are not UTF-8.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        basic(book, sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>en</t></is></c></row>'
                          '<row r="2"><c r="A2" t="inlineStr"><is><t>Stra&#22555555555555555553;e</t></is></c></row>'))


def unended_char_ref(out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        basic(book, sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>en</t></is></c></row>'
                          '<row r="2"><c r="A2" t="inlineStr"><is><t>Stra&#223e</t></is></c></row>'))


def no_workbook(out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("word/document.xml", "<document/>")


def legacy_encodings(out):
    # Excel writes UTF-8, but XML lets a part be any encoding it declares; other producers use that.
    shared = (f'<?xml version="1.0" encoding="ISO-8859-1"?><sst xmlns="{MAIN}" count="2" uniqueCount="2">'
              '<si><t>de</t></si><si><t>Grenzübertrittsstelle</t></si></sst>').encode("latin-1")
    rows = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>en</t></is></c><c r="B1" t="s"><v>0</v></c></row>'
                 '<row r="2"><c r="A2" t="inlineStr"><is><t>border crossing point 𝄞</t></is></c>'
                 '<c r="B2" t="s"><v>1</v></c></row>').replace('encoding="UTF-8"', 'encoding="UTF-16"')
    with_shared_strings(out, shared, b"\xff\xfe" + rows.encode("utf-16-le"))


KINDS = {"cells": cells, "bomb": bomb, "lying-size": lying_size, "many-entries": many_entries,
         "external-sheet": external_sheet, "bad-xml": bad_xml, "bad-utf8": bad_utf8, "control-char": control_char,
         "huge-char-ref": huge_char_ref, "unended-char-ref": unended_char_ref,
         "no-workbook": no_workbook, "legacy-encodings": legacy_encodings}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in KINDS:
        sys.exit(__doc__)
    KINDS[sys.argv[1]](sys.argv[2])
