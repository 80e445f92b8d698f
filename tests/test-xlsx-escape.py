#!/usr/bin/python3
# test-xlsx-escape.py
#
# Copyright 2026 The DPO Workbench authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Text that looks like Excel's own escape "_xHHHH_" (U+HHHH) is written so
that Excel shows it as typed: "_x0041_" stays "_x0041_", not "A". Checked
in the sheet XML itself (unzipped), then decoded as Excel decodes it.

Usage: test-xlsx-escape.py [DPO]   (else $DPO_CLI). Prints TAP."""

import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from xml.etree import ElementTree

DPO = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DPO_CLI")

TITLE = "A _x0041_ B _X00e9_ C _x12_ D _x005F_ E __x0042__ \x01"

DOCUMENT = {
    "format": "dpo-workbench", "version": 1,
    "incidents": [{
        "id": "INC-X", "title": TITLE, "natures": ["integrity"],
        "aware_at": "2024-05-02T10:00:00+02:00", "risk": "high",
    }],
}


def main():
    print("1..2")
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "in.json")
        database = os.path.join(tmp, "w.sqlite")
        workbook = os.path.join(tmp, "registers.xlsx")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(DOCUMENT, f)
        subprocess.run([DPO, "--database", database, "import", source], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([DPO, "--database", database, "export-registers", workbook],
                       check=True, stdout=subprocess.DEVNULL)

        with zipfile.ZipFile(workbook) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        expected = ("A _x005F_x0041_ B _x005F_X00e9_ C _x12_ D _x005F_x005F_ "
                    "E __x005F_x0042__ _x0001_")
        if expected in sheet:
            print("ok 1 literal _xHHHH_ escaped in the sheet XML")
        else:
            start = sheet.find("A _x")
            print("not ok 1 literal _xHHHH_ escaped in the sheet XML")
            print("# found: " + sheet[start:start + 120])

        # Excel (ECMA-376 Part 1, 22.9.2.19 ST_Xstring) reads each _xHHHH_
        # as U+HHHH: decoded so, the cell must give the title as typed.
        root = ElementTree.fromstring(sheet)
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        cell = root.find(".//m:c[@r='B2']", ns)
        text = "".join(cell.itertext()) if cell is not None else ""
        shown = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)
        if shown == TITLE:
            print("ok 2 Excel's reading of the cell is the title as typed")
        else:
            print("not ok 2 Excel's reading of the cell is the title as typed")
            print("# read: %r" % shown)

main()
