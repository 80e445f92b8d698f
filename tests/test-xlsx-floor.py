#!/usr/bin/python3
# test-xlsx-floor.py
#
# Copyright 2026 The DPO Workbench authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The export benchmark's floor (bench-xlsx-bare: libxlsxwriter alone) must
write the workbook the registers export writes, or the benchmark's ratio
compares unlike work. At a small size, both are written and read back with
openpyxl: the same sheets, widths, header rows, cells (value, type, format,
wrapping), row heights and page set-up. Only the due dates differ in value
(the floor does not apply the legal rule), never in type or format.

Usage: test-xlsx-floor.py BENCH-XLSX BENCH-XLSX-BARE. Prints TAP."""

import os
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils import get_column_letter

BENCH, BARE = sys.argv[1], sys.argv[2]
DUE_COLUMNS = ("G", "H")


def page_setup(sheet):
    fit = sheet.sheet_properties.pageSetUpPr
    return (sheet.page_setup.orientation, sheet.page_setup.paperSize,
            sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight,
            fit.fitToPage if fit is not None else None, sheet.print_title_rows,
            sheet.freeze_panes, sheet.auto_filter.ref,
            sheet.oddFooter.left.text, sheet.oddFooter.right.text,
            sheet.oddHeader.center.text)


def differences(ours, bare):
    found = []
    if ours.sheetnames != bare.sheetnames:
        return ["sheets %s != %s" % (ours.sheetnames, bare.sheetnames)]
    for name in ours.sheetnames:
        a, b = ours[name], bare[name]
        if page_setup(a) != page_setup(b):
            found.append("%s: page set-up %s != %s" % (name, page_setup(a), page_setup(b)))
        if a.max_row != b.max_row or a.max_column != b.max_column:
            found.append("%s: size %s != %s" % (name, a.dimensions, b.dimensions))
        for col in range(1, a.max_column + 1):
            letter = get_column_letter(col)
            if a.column_dimensions[letter].width != b.column_dimensions[letter].width:
                found.append("%s: width of %s" % (name, letter))
        for row in range(1, a.max_row + 1):
            if a.row_dimensions[row].height != b.row_dimensions[row].height:
                found.append("%s: height of row %d" % (name, row))
        for row_a, row_b in zip(a.iter_rows(), b.iter_rows()):
            for x, y in zip(row_a, row_b):
                same_value = x.value == y.value or (x.column_letter in DUE_COLUMNS and x.row > 1)
                if (not same_value or type(x.value) is not type(y.value)
                        or x.number_format != y.number_format
                        or bool(x.alignment.wrap_text) != bool(y.alignment.wrap_text)
                        or bool(x.font.b) != bool(y.font.b)):
                    found.append("%s!%s: %r (%s) != %r (%s)" % (name, x.coordinate, x.value,
                                                               x.number_format, y.value,
                                                               y.number_format))
    return found


def main():
    print("1..2")
    env = dict(os.environ, DPO_BENCH_REQUESTS="3000")
    with tempfile.TemporaryDirectory() as tmp:
        database = os.path.join(tmp, "bench.sqlite")
        ours_path = os.path.join(tmp, "ours.xlsx")
        bare_path = os.path.join(tmp, "bare.xlsx")
        subprocess.run([BENCH, "--fill", database], env=env, check=True)
        subprocess.run([BENCH, "--export", database, ours_path], env=env, check=True)
        subprocess.run([BARE, bare_path], env=env, check=True)
        ours = openpyxl.load_workbook(ours_path)
        bare = openpyxl.load_workbook(bare_path)
        wrapped = sum(1 for row in ours["Requests"].iter_rows(min_row=2)
                      for cell in row if cell.alignment.wrap_text)
        # The comparison means something only if the export wraps text.
        print("%s 1 - the export wraps long text (%d cells)" % ("ok" if wrapped > 0 else "not ok",
                                                              wrapped))
        found = differences(ours, bare)
        for line in found[:20]:
            print("# " + line)
        print("%s 2 - the floor writes the same workbook" % ("not ok" if found else "ok"))


main()
