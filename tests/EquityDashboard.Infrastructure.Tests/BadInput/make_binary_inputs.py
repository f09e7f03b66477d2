#!/usr/bin/env python3
"""Regenerates the bad-input files that cannot be written by hand (python3, stdlib only).

Run from anywhere:  python3 tests/EquityDashboard.Infrastructure.Tests/BadInput/make_binary_inputs.py
The outputs are committed next to this script; BadInputTests.cs asserts what the importer
does with each. Output is deterministic (fixed zip timestamps, seeded random bytes).
"""
import io
import os
import random
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

FUNDING_HEADER = "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id"
PRESENCE_HEADER = "year,organisation,acronym,org_type,cluster,governorate,district,activity"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data):,} bytes")


# --- xlsx --------------------------------------------------------------------------------

CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""

ROOT_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Funding" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""

WORKBOOK_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def column_letter(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f"{column_letter(c)}{r}"
            if value == "":
                continue
            if isinstance(value, (int, float)):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


def xlsx(sheet):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/worksheets/sheet1.xml", sheet)]:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


FUNDING_ROWS = [
    FUNDING_HEADER.split(","),
    [2019, "2019-03-14", "Donor X", "NRC", "Shelter", "Ninewa", 1500000, "paid", "incoming", "BX-001"],
    [2019, "2019-04-01", "Donor Y", "IOM", "CCCM", "Erbil", 250000, "commitment", "", "BX-002"],
]

control = xlsx(sheet_xml(FUNDING_ROWS))
# A valid workbook: the positive control for the two broken ones below.
write("xlsx-control.xlsx", control)
# The same workbook cut in half: local headers survive, the central directory is gone.
write("truncated.xlsx", control[: len(control) // 2])
# A zip bomb: the worksheet part is 50 MiB of zero bytes, deflated to ~50 KB (ratio ~1000).
write("zip-bomb.xlsx", xlsx(b"\0" * (50 * 1024 * 1024)))

# --- text that cannot be typed in an editor ------------------------------------------------

# Zero bytes.
write("empty.csv", b"")
# Only a UTF-8 byte order mark.
write("bom-only.csv", b"\xef\xbb\xbf")
# Random bytes (with NULs and control characters), named .csv.
write("binary-junk.csv", random.Random(20240601).randbytes(4096))

# Presence with Arabic organisation, cluster, district and governorate names, saved as Windows-1256.
arabic = "\n".join([
    PRESENCE_HEADER,
    "2022,المجلس النرويجي للاجئين,NRC,INGO,مأوى,نينوى,الموصل,توزيع مواد",
    "2022,منظمة الهجرة الدولية,IOM,UN,,البصرة,,",
    "2022,جمعية الهلال الأحمر العراقي,IRCS,NNGO,صحة,أربيل,,",
]) + "\n"
write("arabic-windows-1256.csv", arabic.encode("cp1256"))

# UTF-8 lines with one line saved as Windows-1252 (a file pasted together from two sources).
mixed = (
    (PRESENCE_HEADER + "\n").encode("utf-8")
    + "2022,Médecins du Monde,MdM,INGO,Health,Ninewa,Mosul,Clinics\n".encode("utf-8")
    + "2022,Médecins Sans Frontières,MSF,INGO,Health,Erbil,,Clinics\n".encode("cp1252")
    + "2022,Première Urgence Internationale,PUI,INGO,Health,Duhok,,Clinics\n".encode("utf-8")
)
write("mixed-encodings.csv", mixed)

# A presence row whose organisation name is 10,000 characters long.
long_name = ("Long-Name-" * 1000)
assert len(long_name) == 10_000
long_cell = "\n".join([
    PRESENCE_HEADER,
    "2022,Danish Refugee Council,DRC,INGO,CCCM,Al-Anbar,Falluja,Camp management",
    f"2022,{long_name},LONG,INGO,CCCM,Ninewa,Mosul,Site monitoring",
]) + "\n"
write("long-cell-10000.csv", long_cell.encode("utf-8"))
