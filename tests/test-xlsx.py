#!/usr/bin/python3
# test-xlsx.py
#
# Copyright 2026 The DPO Workbench authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The registers workbook and the incident report, read back with an
independent reader (openpyxl), through the built `dpo` command line.

Usage: test-xlsx.py [DPO]   (else $DPO_CLI). Prints TAP.

Run under the meson test environment: TZ=Europe/Paris, LC_ALL=C.UTF-8,
DPO_LOCALEDIR pointing at the built translations.

DPO_XLSX_MAX_ROWS is a test hook of the CLI, not a user setting: it sets
the rows per sheet (header included) so that continuation sheets appear
without writing a million rows. With DPO_TEST_ENGINE=postgresql, under
build-aux/pg-test-server, each database is a new one on the test server
(its URI in --database) instead of a file."""

import datetime
import gettext
import itertools
import json
import locale
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    print("1..0 # SKIP python3-openpyxl is not installed")
    sys.exit(0)

DPO = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DPO_CLI")
SERVER = os.environ.get("DPO_TEST_ENGINE") == "postgresql"
_databases = itertools.count()


def new_database(folder, name):
    """A new file's path in @folder, or a new database on the test server,
    set up by `dpo server init` (its URI)."""
    if not SERVER:
        return os.path.join(folder, name)
    admin = os.environ["DPO_TEST_PG_URI"]
    db = f"xlsx_{os.getpid()}_{next(_databases)}"
    subprocess.run(["psql", admin, "-qXc", f"CREATE DATABASE {db}"], check=True,
                   capture_output=True)
    uri = admin.replace("///postgres", f"///{db}", 1)
    subprocess.run([DPO, "server", "init", uri], check=True, capture_output=True)
    return uri
SOURCE_ROOT = os.environ.get("DPO_SOURCE_ROOT",
                             os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(SOURCE_ROOT, "data", "example", "breach-2024.json")
MARK = "… [truncated]"
MAX_TEXT = 32767

SHEETS = ["Breaches", "Timeline", "Notifications", "Complaints", "Communications", "Requests"]
HEADERS = {
    "Breaches": ["Reference", "Title", "Nature", "Origin", "Processor", "Start", "End",
                 "Awareness", "Data categories", "Categories of persons", "Approx. persons",
                 "Approx. records", "Consequences", "Risk", "Measures", "CNIL deadline",
                 "CNIL notified", "CNIL status", "Delay reason", "People informed"],
    "Timeline": ["Incident", "Date", "Kind", "Description"],
    "Notifications": ["Incident", "Authority", "Kind", "Sent", "Reference",
                      "Hours after awareness"],
    "Complaints": ["Incident", "Direction", "Body", "Date", "Reference", "Party", "Status",
                   "Outcome"],
    "Communications": ["Incident", "Channel", "Sent", "Count", "Message"],
    "Requests": ["Reference", "Received", "Kind", "Channel", "Person", "Identity verified",
                 "Due", "Extended due", "Status", "Answered", "On time", "Outcome"],
}
FORM_SECTIONS = ["Type of notification", "Organisation and contact", "Dates",
                 "Nature and origin", "Data and persons concerned", "Likely consequences",
                 "Measures", "Communication to the people", "Other notifications", "Timeline"]


class Skip(Exception):
    pass


# --- TAP -------------------------------------------------------------------

class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def run(self, name, func):
        self.count += 1
        try:
            func()
        except Skip as reason:
            print(f"ok {self.count} - {name} # SKIP {reason}")
        except Exception:
            self.failed += 1
            print(f"not ok {self.count} - {name}")
            for line in traceback.format_exc().rstrip().splitlines():
                print(f"# {line}")
        else:
            print(f"ok {self.count} - {name}")
        sys.stdout.flush()

    def done(self):
        print(f"1..{self.count}")
        return 1 if self.failed else 0


# --- helpers ----------------------------------------------------------------

class Workdir:
    """A fresh folder with its own database."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="dpo-xlsx-")
        self.db = new_database(self.path, "workbench.sqlite")

    def file(self, *names):
        return os.path.join(self.path, *names)

    def dpo(self, *args, env=None, as_of=None, check=True):
        argv = [DPO, "--database", self.db]
        if as_of:
            argv += ["--as-of", as_of]
        full_env = dict(os.environ)
        full_env.update(env or {})
        result = subprocess.run(argv + list(args), env=full_env, capture_output=True,
                                text=True, timeout=60)
        if check and result.returncode != 0:
            raise AssertionError(f"dpo {' '.join(args)} failed ({result.returncode}): "
                                 f"{result.stderr}")
        return result

    def import_doc(self, doc):
        path = self.file("import.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        self.dpo("import", path)

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


def with_workdir(func):
    def run():
        work = Workdir()
        try:
            func(work)
        finally:
            work.cleanup()
    return run


def eq(found, expected, what=""):
    if found != expected:
        raise AssertionError(f"{what}: expected {expected!r}, found {found!r}")


def header(ws):
    return [c.value for c in ws[1]]


def rows(ws):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=2)]


def column(ws, title):
    return header(ws).index(title)


def check_register_sheet(ws, titles, n_rows):
    eq(header(ws)[:len(titles)], titles, f"{ws.title} header")
    eq(ws.max_row, n_rows + 1, f"{ws.title} rows")
    for cell in ws[1]:
        assert cell.font.b, f"{ws.title}!{cell.coordinate} is not bold"
    eq(ws.freeze_panes, "A2", f"{ws.title} frozen panes")
    eq(ws.auto_filter.ref, f"A1:{get_column_letter(ws.max_column)}{ws.max_row}",
       f"{ws.title} autofilter")
    for i in range(1, ws.max_column + 1):
        width = ws.column_dimensions[get_column_letter(i)].width
        assert width and width >= 8, f"{ws.title} column {i} width {width}"


def no_formulas(path):
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                data = z.read(name)
                assert b"<f>" not in data and b"<f " not in data, f"a formula in {name}"


def leftovers(folder, expected):
    found = sorted(os.listdir(folder))
    eq(found, sorted(expected), f"files in {folder}")


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def dt(*args):
    return datetime.datetime(*args)


# --- fixtures ---------------------------------------------------------------

def edge_document():
    """Text that looks like formulas, text too long for a cell, no CNIL notification."""
    return {
        "format": "dpo-workbench", "version": 1,
        "incidents": [{
            "id": "=1+1",
            "title": "=HYPERLINK(\"http://evil.example\",\"click\")",
            "natures": ["integrity"],
            "aware_at": "2024-06-03T09:00:00+02:00",
            "risk": "risk",
            "origin": "+33 1 23 45 67 89",
            "processor": "@SUM(A1:A2)",
            "consequences": "-2+3",
            "description": "😀" * 20000,
            "measures": "m" * MAX_TEXT,
            "delay_reason": "é" * 40000,
        }],
        "subjects": [],
        "requests": [{
            "id": "-R1", "kind": "access", "channel": "email",
            "received_at": "2024-06-03T10:00:00+02:00",
            "requester": {"name": "=cmd|' /C calc'!A0", "contact": "@someone"},
            "status": "answered", "answered_at": "2024-06-10T10:00:00+02:00",
            "outcome": "+1",
        }],
    }


def long_document(n_requests, n_events, outcome=""):
    return {
        "format": "dpo-workbench", "version": 1,
        "incidents": [{
            "id": "INC-LONG", "title": "Many events", "natures": ["availability"],
            "aware_at": "2024-05-01T08:00:00+02:00", "risk": "none",
            "events": [{"at": f"2024-05-01T{8 + i // 60:02d}:{i % 60:02d}:00+02:00",
                        "kind": "other", "description": f"Event {i + 1:02d}"}
                       for i in range(n_events)],
        }],
        "subjects": [],
        "requests": [{
            "id": f"R-{i + 1:05d}", "kind": "objection", "channel": "post",
            "received_at": f"2024-05-{1 + i % 28:02d}T{8 + i // 28 % 10:02d}:{i // 280 % 60:02d}:00+02:00",
            "requester": {"name": f"Person {i + 1}"}, "outcome": outcome or None,
        } for i in range(n_requests)],
    }


def sorted_requests(doc):
    return [r["id"] for r in sorted(doc["requests"], key=lambda r: (r["received_at"], r["id"]))]


# --- tests ------------------------------------------------------------------

@with_workdir
def test_help(work):
    for command, words in (("export-registers", "FILE.xlsx"), ("export-incident", "ID FILE.xlsx")):
        result = work.dpo(command, "--help")
        assert words in result.stdout, result.stdout
    listing = work.dpo("--help", check=False)
    assert "export-registers FILE.xlsx" in listing.stdout + listing.stderr
    assert "export-incident ID FILE.xlsx" in listing.stdout + listing.stderr
    result = work.dpo("export-registers", check=False)
    eq(result.returncode, 1, "exit status without a file")


@with_workdir
def test_registers(work):
    work.dpo("import", EXAMPLE)
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out, as_of="2024-03-15")
    leftovers(work.path, ["registers.xlsx"] if SERVER else
              ["workbench.sqlite", "workbench.sqlite-shm", "workbench.sqlite-wal",
               "registers.xlsx"] if os.path.exists(work.db + "-wal")
              else ["workbench.sqlite", "registers.xlsx"])
    eq(os.stat(out).st_mode & 0o777, 0o600, "mode (the registers name people)")
    no_formulas(out)
    wb = openpyxl.load_workbook(out)
    eq(wb.sheetnames, SHEETS, "sheets")
    counts = {"Breaches": 1, "Timeline": 8, "Notifications": 2, "Complaints": 1,
              "Communications": 2, "Requests": 5}
    for name in SHEETS:
        check_register_sheet(wb[name], HEADERS[name], counts[name])

    breach = dict(zip(header(wb["Breaches"]), rows(wb["Breaches"])[0]))
    eq(breach["Reference"], "INC-2024-01")
    eq(breach["Nature"], "Confidentiality")
    eq(breach["Processor"], "Viamedis")
    # Local time (TZ=Europe/Paris), as the file gave it: not UTC.
    eq(breach["Start"], dt(2024, 1, 22, 0, 0), "Start")
    eq(breach["End"], dt(2024, 1, 29, 18, 0), "End")
    eq(breach["Awareness"], dt(2024, 2, 1, 17, 30), "Awareness")
    eq(breach["CNIL deadline"], dt(2024, 2, 4, 17, 30), "CNIL deadline")
    eq(breach["CNIL notified"], dt(2024, 2, 2, 16, 0), "CNIL notified")
    eq(breach["CNIL status"], "Notified on time")
    eq(breach["Risk"], "High risk")
    eq(breach["Approx. persons"], 18000)
    eq(breach["People informed"], 18000)
    assert breach["Data categories"].startswith("Civil status, Date of birth"), breach
    eq(breach["Categories of persons"], "Members, Beneficiaries")
    eq(breach["Delay reason"], None)

    ws = wb["Breaches"]
    for title in ("Start", "End", "Awareness", "CNIL deadline", "CNIL notified"):
        cell = ws.cell(2, column(ws, title) + 1)
        assert cell.is_date and isinstance(cell.value, datetime.datetime), title
        eq(cell.number_format, "dd/mm/yyyy hh:mm", f"{title} format")
    eq(ws.cell(2, column(ws, "Approx. persons") + 1).data_type, "n", "a count is a number")

    timeline = rows(wb["Timeline"])
    eq(timeline[0][:3], ["INC-2024-01", dt(2024, 1, 22, 0, 0), "Occurrence"])
    # The communications to the people are in the story too, in date order.
    eq([r[2] for r in timeline], ["Occurrence", "Detection", "Awareness", "Measure",
                                  "Communication", "Communication", "Communication",
                                  "Communication"], "timeline kinds")
    eq([r[1] for r in timeline], sorted(r[1] for r in timeline), "timeline in date order")
    told = [r for r in timeline if r[3].startswith(("Email to", "Post to"))]
    eq([r[1] for r in told], [dt(2024, 2, 8, 10, 0), dt(2024, 2, 9, 10, 0)], "communications' dates")
    assert told[0][3].startswith("Email to 16400 people: Vos nom"), told[0][3]
    assert told[1][3].startswith("Post to 1600 people: Courrier"), told[1][3]

    notifications = rows(wb["Notifications"])
    eq(notifications[0][:5], ["INC-2024-01", "CNIL", "Initial", dt(2024, 2, 2, 16, 0),
                              "CNIL-NOTIF-EXEMPLE-1"])
    eq(notifications[0][5], 22.5, "hours after awareness")
    eq(notifications[1][2], "Complementary")
    eq(notifications[1][5], 185.5, "hours after awareness")

    complaints = rows(wb["Complaints"])
    eq(complaints[0][:7], ["INC-2024-01", "Filed", "Prosecutor", dt(2024, 2, 5, 10, 0),
                           "PLAINTE-EXEMPLE-1", "Procureur de la République", "Open"])

    ws = wb["Communications"]
    communications = rows(ws)
    eq([r[:4] for r in communications],
       [["INC-2024-01", "Email", dt(2024, 2, 8, 10, 0), 16400],
        ["INC-2024-01", "Post", dt(2024, 2, 9, 10, 0), 1600]], "communications")
    assert communications[0][4].startswith("Vos nom, date de naissance"), communications[0][4]
    assert communications[1][4].startswith("Courrier reprenant"), communications[1][4]
    eq(ws.cell(2, 3).number_format, "dd/mm/yyyy hh:mm", "Sent format")
    eq(ws.cell(2, 4).data_type, "n", "a count is a number")

    ws = wb["Requests"]
    requests = {r[0]: dict(zip(header(ws), r)) for r in rows(ws)}
    eq([r[0] for r in rows(ws)], ["R-2024-0001", "R-2024-0002", "R-2024-0003", "R-2024-0004",
                                  "R-2024-0005"], "requests in the order received")
    first = requests["R-2024-0001"]
    eq(first["Received"], dt(2024, 2, 9, 14, 12))
    eq(first["Kind"], "Access")
    eq(first["Channel"], "Email")
    eq(first["Person"], "Martin Claire")
    # 9 March 2024 is a Saturday: the next working day.
    eq(first["Due"], dt(2024, 3, 11), "due date")
    eq(first["Extended due"], None)
    eq(first["Status"], "Received")
    eq(first["On time"], "No", "open past its due date as of 15 March")
    eq(requests["R-2024-0004"]["Due"], dt(2024, 3, 15))
    eq(requests["R-2024-0004"]["On time"], None, "due that very day: not late yet")
    row = list(requests).index("R-2024-0001") + 2
    eq(ws.cell(row, column(ws, "Due") + 1).number_format, "dd/mm/yyyy", "a date's format")
    eq(ws.cell(row, column(ws, "Received") + 1).number_format, "dd/mm/yyyy hh:mm")


@with_workdir
def test_same_values_as_export_json(work):
    """The workbook and export-json compute deadlines with the same code."""
    work.dpo("import", EXAMPLE)
    work.import_doc(edge_document())
    for as_of in ("2024-02-03", "2024-03-12", "2024-06-05", "2024-06-07"):
        out = work.file(f"registers-{as_of}.xlsx")
        work.dpo("export-registers", out, as_of=as_of)
        doc = json.loads(work.dpo("export-json", "-", as_of=as_of).stdout)
        wb = openpyxl.load_workbook(out)
        ws = wb["Requests"]
        by_id = {r[0]: dict(zip(header(ws), r)) for r in rows(ws)}
        for request in doc["requests"]:
            found = by_id[request["id"]]
            eq(found["Due"].date().isoformat(), request["due_on"], f"{request['id']} due")
            if request["overdue"]:
                eq(found["On time"], "No", f"{request['id']} overdue on {as_of}")
        ws = wb["Breaches"]
        by_id = {r[0]: dict(zip(header(ws), r)) for r in rows(ws)}
        words = {"not_required": "Not required", "pending": "Pending", "overdue": "Overdue",
                 "on_time": "Notified on time", "late": "Notified late"}
        for incident in doc["incidents"]:
            found = by_id[incident["id"]]
            eq(found["CNIL status"], words[incident["cnil_status"]], f"{incident['id']} {as_of}")
            deadline = datetime.datetime.fromisoformat(incident["cnil_deadline"])
            eq(found["CNIL deadline"], deadline.replace(tzinfo=None), "CNIL deadline")
    wb = openpyxl.load_workbook(work.file("registers-2024-06-05.xlsx"))
    eq(rows(wb["Breaches"])[1][column(wb["Breaches"], "CNIL status")], "Pending")
    wb = openpyxl.load_workbook(work.file("registers-2024-06-07.xlsx"))
    eq(rows(wb["Breaches"])[1][column(wb["Breaches"], "CNIL status")], "Overdue")


@with_workdir
def test_formula_text_stays_text(work):
    doc = edge_document()
    work.import_doc(doc)
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out, as_of="2024-06-05")
    no_formulas(out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Breaches"]
    incident = doc["incidents"][0]
    for title, key in (("Reference", "id"), ("Title", "title"), ("Origin", "origin"),
                       ("Processor", "processor"), ("Consequences", "consequences")):
        cell = ws.cell(2, column(ws, title) + 1)
        eq(cell.data_type, "s", f"{title} is text")
        eq(cell.value, incident[key], title)
    ws = wb["Requests"]
    for title, expected in (("Reference", "-R1"), ("Person", "=cmd|' /C calc'!A0"),
                            ("Outcome", "+1")):
        cell = ws.cell(2, column(ws, title) + 1)
        eq(cell.data_type, "s", f"{title} is text")
        eq(cell.value, expected, title)


@with_workdir
def test_one_person_informed(work):
    """A campaign may inform one person: the timeline says "1 person"."""
    doc = edge_document()
    doc["incidents"][0]["communications"] = [
        {"channel": "email", "sent_at": "2024-02-06T12:00:00+01:00", "count": 1,
         "message": "Notice"},
        {"channel": "post", "sent_at": "2024-02-07T12:00:00+01:00", "count": 4,
         "message": "Notice"}]
    work.import_doc(doc)
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out, as_of="2024-06-05")
    told = [r[3] for r in rows(openpyxl.load_workbook(out)["Timeline"])
            if r[2] == "Communication"]
    eq(told, ["Email to 1 person: Notice", "Post to 4 people: Notice"], "communications")


@with_workdir
def test_long_text_is_cut(work):
    doc = edge_document()
    work.import_doc(doc)
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out, as_of="2024-06-05")
    ws = openpyxl.load_workbook(out)["Breaches"]
    incident = doc["incidents"][0]

    measures = ws.cell(2, column(ws, "Measures") + 1).value
    eq(measures, incident["measures"], "exactly 32,767 characters fit")
    for title, key in (("Description", "description"), ("Delay reason", "delay_reason")):
        value = ws.cell(2, column(ws, title) + 1).value
        assert value.endswith(MARK), f"{title} has no visible mark"
        assert incident[key].startswith(value[:-len(MARK)]), f"{title} is not a cut"
        # Excel counts UTF-16 code units: 😀 counts twice.
        assert MAX_TEXT - 2 <= utf16_len(value) <= MAX_TEXT, (title, utf16_len(value))


@with_workdir
def test_continuation_sheets(work):
    doc = long_document(25, 12)
    work.import_doc(doc)
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out, env={"DPO_XLSX_MAX_ROWS": "10"})
    wb = openpyxl.load_workbook(out)
    eq(wb.sheetnames, ["Breaches", "Timeline", "Timeline (2)", "Notifications", "Complaints",
                       "Communications", "Requests", "Requests (2)", "Requests (3)"], "sheets")
    for name, n in (("Timeline", 9), ("Timeline (2)", 3), ("Requests", 9),
                    ("Requests (2)", 9), ("Requests (3)", 7)):
        check_register_sheet(wb[name], HEADERS[name.split(" (")[0]], n)
    ids = [r[0] for name in ("Requests", "Requests (2)", "Requests (3)") for r in rows(wb[name])]
    eq(ids, sorted_requests(doc), "every request once, in order")
    events = [r[3] for name in ("Timeline", "Timeline (2)") for r in rows(wb[name])]
    eq(events, [f"Event {i:02d}" for i in range(1, 13)], "every event once, in order")


@with_workdir
def test_empty_database(work):
    out = work.file("empty.xlsx")
    work.dpo("export-registers", out)
    wb = openpyxl.load_workbook(out)
    eq(wb.sheetnames, SHEETS, "sheets")
    for name in SHEETS:
        check_register_sheet(wb[name], HEADERS[name], 0)


def one_line_error(result, path, reason):
    eq(result.returncode, 1, "exit status")
    lines = result.stderr.splitlines()
    eq(len(lines), 1, f"one message, found {result.stderr!r}")
    assert path in lines[0] and reason in lines[0], lines[0]


@with_workdir
def test_unwritable_paths(work):
    work.dpo("import", EXAMPLE)
    before = sorted(os.listdir(work.path))

    path = work.file("no-such-folder", "registers.xlsx")
    one_line_error(work.dpo("export-registers", path, check=False), path,
                   "the folder does not exist")

    with open(work.file("a-file"), "w") as f:
        f.write("not a folder")
    path = work.file("a-file", "registers.xlsx")
    one_line_error(work.dpo("export-registers", path, check=False), path,
                   "the folder does not exist")

    os.mkdir(work.file("a-folder.xlsx"))
    path = work.file("a-folder.xlsx")
    one_line_error(work.dpo("export-registers", path, check=False), path, "it is a folder")
    eq(os.listdir(path), [], "the folder is left alone")

    one_line_error(work.dpo("export-incident", "NOPE", work.file("x.xlsx"), check=False),
                   "NOPE", "There is no incident")
    one_line_error(work.dpo("export-registers", "-", check=False), "dpo:", "standard output")
    eq(sorted(os.listdir(work.path)), sorted(before + ["a-file", "a-folder.xlsx"]),
       "nothing left behind")


def private_mount(work, options, script):
    """Runs @script with a fresh tmpfs (mount @options) on work/mnt, in a
    mount namespace of its own (root only)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        raise Skip("needs root and unshare(1) to mount a small or read-only file system")
    mnt = work.file("mnt")
    os.makedirs(mnt, exist_ok=True)
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o {options} tmpfs '{mnt}'"],
                           capture_output=True)
    if probe.returncode != 0:
        raise Skip("cannot mount a tmpfs here: " + probe.stderr.decode().strip())
    return subprocess.run(["unshare", "-m", "sh", "-c",
                           f"mount -t tmpfs -o {options} tmpfs '{mnt}' && {script}"],
                          capture_output=True, text=True, timeout=120)


@with_workdir
def test_read_only_folder(work):
    work.dpo("import", EXAMPLE)
    mnt = work.file("mnt")
    if os.geteuid() != 0:
        os.mkdir(mnt)
        os.chmod(mnt, 0o555)
        path = os.path.join(mnt, "registers.xlsx")
        one_line_error(work.dpo("export-registers", path, check=False), path,
                       "you are not allowed to write in this folder")
        eq(os.listdir(mnt), [], "nothing left behind")
        return
    path = os.path.join(mnt, "registers.xlsx")
    result = private_mount(work, "ro", f"'{DPO}' --database '{work.db}' export-registers '{path}'; "
                                       f"echo status=$?; ls -A '{mnt}'")
    assert "status=1" in result.stdout, result.stdout + result.stderr
    eq(result.stdout.split("status=1")[1].strip(), "", "nothing left behind")
    one_line_error(subprocess.CompletedProcess([], 1, "", result.stderr), path,
                   "the folder is read-only")


@with_workdir
def test_full_disk(work):
    """Whatever moment the disk fills up at, either a whole workbook or an
    error with the previous file untouched and nothing left behind."""
    doc = long_document(2000, 0, outcome="Réponse envoyée avec la notice d'information. " * 6)
    work.import_doc(doc)
    mnt = work.file("mnt")
    path = os.path.join(mnt, "registers.xlsx")
    seen = set()
    for size in ("64k", "512k", "1m", "1500k", "2m", "2500k", "3m", "4m", "8m"):
        result = private_mount(
            work, f"size={size}",
            f"echo previous > '{path}' && '{DPO}' --database '{work.db}' export-registers '{path}'; "
            f"echo status=$?; ls -A '{mnt}'; cp '{path}' '{work.file('result.xlsx')}'")
        status = result.stdout.split("status=")[1].split()[0]
        listing = result.stdout.split("status=")[1].split("\n", 1)[1].split()
        eq(listing, ["registers.xlsx"], f"files left on a {size} disk")
        if status == "0":
            seen.add("written")
            ws = openpyxl.load_workbook(work.file("result.xlsx"))["Requests"]
            eq(ws.max_row, 2001, f"every request on a {size} disk")
        else:
            seen.add("refused")
            eq(status, "1", "exit status")
            lines = result.stderr.splitlines()
            eq(len(lines), 1, f"one message, found {result.stderr!r}")
            assert path in lines[0] and ("the disk is full" in lines[0] or
                                         "incomplete" in lines[0]), lines[0]
            with open(work.file("result.xlsx")) as f:
                eq(f.read(), "previous\n", "the previous file is untouched")
    eq(seen, {"written", "refused"}, "both outcomes were tried")


@with_workdir
def test_replaces_existing_file(work):
    work.dpo("import", EXAMPLE)
    out = work.file("registers.xlsx")
    with open(out, "w") as f:
        f.write("an older export")
    work.dpo("export-registers", out)
    eq(openpyxl.load_workbook(out).sheetnames, SHEETS, "replaced")
    assert not [n for n in os.listdir(work.path) if n.startswith(".")], os.listdir(work.path)


@with_workdir
def test_incident_report(work):
    work.dpo("import", EXAMPLE)
    out = work.file("incident.xlsx")
    work.dpo("export-incident", "INC-2024-01", out, as_of="2024-03-15")
    no_formulas(out)
    wb = openpyxl.load_workbook(out)
    eq(wb.sheetnames, ["INC-2024-01"], "one sheet")
    ws = wb.active
    bold = [c.value for c in ws["A"] if c.value is not None and c.font.b]
    eq(bold, ["Personal data breach INC-2024-01"] + FORM_SECTIONS, "sections in the form's order")

    labels = [c.value for c in ws["A"]]
    fields = {row[0].value: row[1] for row in ws.iter_rows() if row[0].value is not None}

    def after(section, label):
        start = labels.index(section)
        return labels.index(label, start) > start

    eq(fields["Notification"].value, "Complementary", "an initial one was sent")
    eq(fields["CNIL deadline (72 hours after awareness)"].value, dt(2024, 2, 4, 17, 30))
    eq(fields["CNIL status"].value, "Notified on time")
    eq(fields["Processor involved"].value, "Viamedis")
    eq(fields["Start of the breach"].value, dt(2024, 1, 22, 0, 0))
    eq(fields["Start of the breach"].number_format, "dd/mm/yyyy hh:mm")
    eq(fields["End of the breach"].value, dt(2024, 1, 29, 18, 0))
    eq(fields["Awareness of the breach"].value, dt(2024, 2, 1, 17, 30))
    eq(fields["Nature of the breach"].value, "Confidentiality")
    eq(fields["Approximate number of persons"].value, 18000)
    eq(fields["Approximate number of records"].value, 18000)
    eq(fields["Risk"].value, "High risk")
    eq(fields["Information of the persons"].value, "Required: the risk is high")
    eq(fields["Persons informed in all"].value, 18000)
    # The organisation entered (here, imported with the example) fills the block.
    eq(fields["Organisation (controller)"].value, "Mutuelle Santé Horizon")
    eq(fields["SIREN number"].value, "775684129")
    eq(fields["Address"].value, "12 rue de la Paix, 75002 Paris")
    eq(fields["Data protection officer"].value, "Hélène Garnier")
    eq(fields["Telephone"].value, "+33 1 42 00 00 00")
    assert "To be completed by the DPO before sending (Preferences, Organisation)." not in labels
    eq(labels.index("Start of the breach") < labels.index("End of the breach")
       < labels.index("Awareness of the breach") < labels.index("Reasons for the delay"), True,
       "dates in the form's order")
    assert after("Dates", "Reasons for the delay")
    assert after("Communication to the people", "Email")
    assert after("Other notifications", "Filed — Prosecutor")
    eq(fields["Filed — Prosecutor"].value, dt(2024, 2, 5, 10, 0))
    assert after("Type of notification", "Initial")
    eq(fields["Initial"].value, dt(2024, 2, 2, 16, 0))


@with_workdir
def test_incident_report_late(work):
    """A late notification without a reason: the report says it is missing."""
    work.import_doc(edge_document())
    out = work.file("incident.xlsx")
    work.dpo("export-incident", "=1+1", out, as_of="2024-06-07")
    ws = openpyxl.load_workbook(out).active
    fields = {row[0].value: row[1].value for row in ws.iter_rows() if row[0].value is not None}
    eq(fields["CNIL status"], "Overdue")
    eq(fields["Notification"], "Initial")
    # No organisation in this database: the block is left for the DPO.
    eq(fields["Organisation (controller)"], None, "left for the DPO")
    eq(fields["SIREN number"], None, "left for the DPO")
    assert "To be completed by the DPO before sending (Preferences, Organisation)." in fields
    eq(ws.oddHeader.center.text, None, "no organisation, no page header")
    eq(fields["Title"], "=HYPERLINK(\"http://evil.example\",\"click\")")
    assert fields["Reasons for the delay"].startswith("é"), "the reason given is kept"
    no_formulas(out)


ORGANISATION_HEADER = ("Mutuelle Santé Horizon · SIREN 775684129 · DPO: Hélène Garnier, "
                       "dpo@mutuelle-horizon.example, +33 1 42 00 00 00")


def check_page(ws, orientation, seal):
    """A4, one page wide and as many down as it takes, the organisation at
    the top, the seal, sheet name and page number at the foot."""
    setup = ws.page_setup
    eq(setup.orientation, orientation, f"{ws.title} orientation")
    eq(int(setup.paperSize), 9, f"{ws.title} paper (A4)")
    assert ws.sheet_properties.pageSetUpPr is not None and \
        ws.sheet_properties.pageSetUpPr.fitToPage, f"{ws.title} fits to pages"
    eq(int(setup.fitToWidth) if setup.fitToWidth is not None else 1, 1,
       f"{ws.title} one page wide")
    eq(int(setup.fitToHeight), 0, f"{ws.title} as many pages down as needed")
    eq(ws.oddHeader.center.text, ORGANISATION_HEADER, f"{ws.title} page header")
    eq(ws.oddFooter.left.text, f"Audit log seal: {seal}", f"{ws.title} footer: the seal")
    eq(ws.oddFooter.right.text, "&A, page &P of &N", f"{ws.title} footer: sheet and page")


@with_workdir
def test_registers_on_paper(work):
    """Every sheet landscape, one page wide, its header row on every page."""
    work.dpo("import", EXAMPLE)
    if SERVER:
        # The head of the chain, read by psql (`dpo audit verify` reads a
        # file only, so far).
        seal = subprocess.run(["psql", work.db, "-AtXc",
                               "SELECT hash FROM audit ORDER BY pk DESC LIMIT 1"],
                              check=True, capture_output=True, text=True).stdout.strip()
    else:
        seal = work.dpo("audit", "verify").stdout.split("Seal: ")[1].strip()
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out, as_of="2024-03-15", env={"DPO_XLSX_MAX_ROWS": "3"})
    wb = openpyxl.load_workbook(out)
    assert "Requests (2)" in wb.sheetnames, wb.sheetnames
    for ws in wb.worksheets:
        check_page(ws, "landscape", seal)
        eq(ws.print_title_rows, "$1:$1", f"{ws.title} header row repeated")

    out = work.file("incident.xlsx")
    work.dpo("export-incident", "INC-2024-01", out, as_of="2024-03-15")
    ws = openpyxl.load_workbook(out).active
    check_page(ws, "portrait", seal)
    # Label beside value: the form's columns fit a portrait A4 page at no
    # less than 70 % (about 95 characters at 100 %).
    widths = sum(ws.column_dimensions[get_column_letter(i)].width for i in range(1, 6))
    assert widths <= 95 / 0.7, f"the form is {widths} characters wide"
    # A long answer wraps in its row, made tall enough for it (in constant
    # memory no reader measures it), the question at the top beside it.
    for row in ws.iter_rows():
        if row[0].value == "Description":
            assert row[1].alignment.wrap_text, "the description wraps"
            eq(row[0].alignment.vertical, "top", "the label at the top of its row")
            height = ws.row_dimensions[row[0].row].height
            assert height and height >= 45, f"the description's row is {height} points tall"
            break
    else:
        raise AssertionError("no Description in the form")

    # The registers too: no column wider than 24 characters, longer text wraps.
    wb = openpyxl.load_workbook(work.file("registers.xlsx"))
    ws = wb["Breaches"]
    for i in range(1, ws.max_column + 1):
        # (openpyxl reads the width with Excel's padding, under a character.)
        assert ws.column_dimensions[get_column_letter(i)].width < 25, f"Breaches column {i}"
    title = ws.cell(2, column(ws, "Title") + 1)
    assert title.alignment.wrap_text, "a long title wraps"
    assert ws.row_dimensions[2].height and ws.row_dimensions[2].height >= 30, \
        ws.row_dimensions[2].height


@with_workdir
def test_organisation_too_long_for_header(work):
    """A header holds 255 bytes: a long organisation is cut, never an error."""
    doc = json.load(open(EXAMPLE, encoding="utf-8"))
    doc["organisation"]["name"] = "Mutuelle & Cie " + "é" * 300
    work.import_doc(doc)
    out = work.file("registers.xlsx")
    work.dpo("export-registers", out)
    text = openpyxl.load_workbook(out).active.oddHeader.center.text
    # "&&" is how a header writes "&" (a lone "&" starts a code).
    assert text.startswith("Mutuelle && Cie é") and text.endswith("…"), text
    assert len(text.encode()) <= 255, len(text.encode())


def mended_sheet_name(name):
    for c in "[]:*?/\\":
        name = name.replace(c, "-")
    return name[:31].strip("'")


def test_french():
    localedir = os.environ.get("DPO_LOCALEDIR")
    mo = os.path.join(localedir or "", "fr", "LC_MESSAGES", "dpo-workbench.mo")
    if not localedir or not os.path.exists(mo):
        raise Skip("no built French translation (DPO_LOCALEDIR)")
    try:
        locale.setlocale(locale.LC_ALL, "fr_FR.UTF-8")
        locale.setlocale(locale.LC_ALL, "C.UTF-8")
    except locale.Error:
        raise Skip("the fr_FR.UTF-8 locale is not generated on this machine")
    with open(mo, "rb") as f:
        fr = gettext.GNUTranslations(f)
    wanted = [("sheet", name) for name in SHEETS] + \
             [("register column", t) for name in SHEETS for t in HEADERS[name]]
    # In the catalogue at all: a translation may be the same word ("Notifications").
    missing = [msgid for context, msgid in wanted if f"{context}\x04{msgid}" not in fr._catalog]
    if missing:
        raise Skip(f"po/fr.po does not translate the workbook yet ({len(missing)} strings, "
                   f"e.g. {missing[0]!r})")

    work = Workdir()
    try:
        work.dpo("import", EXAMPLE)
        out = work.file("registres.xlsx")
        work.dpo("export-registers", out, as_of="2024-03-15",
                 env={"LANGUAGE": "fr", "LC_ALL": "fr_FR.UTF-8"})
        wb = openpyxl.load_workbook(out)
        eq(wb.sheetnames, [mended_sheet_name(fr.pgettext("sheet", n)) for n in SHEETS],
           "French sheet names")
        for name, ws in zip(SHEETS, wb.worksheets):
            eq(header(ws)[:len(HEADERS[name])],
               [fr.pgettext("register column", t) for t in HEADERS[name]], f"{name} headers")
        ws = wb.worksheets[SHEETS.index("Requests")]
        first = rows(ws)[0]
        eq(first[2], fr.pgettext("request kind", "Access"), "a translated label")
        # Numbers and dates stay numbers under a French locale (decimal comma).
        eq(first[1], dt(2024, 2, 9, 14, 12), "a date")
        eq(rows(wb.worksheets[2])[0][5], 22.5, "a number")
    finally:
        work.cleanup()


def main():
    if not DPO or not os.path.exists(DPO):
        print(f"1..0 # SKIP the dpo program was not given (argument or DPO_CLI)")
        return 0
    if SERVER and "DPO_TEST_PG_URI" not in os.environ:
        print("1..0 # SKIP no test server (" +
              os.environ.get("DPO_TEST_PG_MISSING", "run it under build-aux/pg-test-server") + ")")
        return 0
    os.environ.setdefault("TZ", "Europe/Paris")
    tap = Tap()
    tap.run("--help for both commands", test_help)
    tap.run("registers: sheets, headers, values, types, bold frozen header, autofilter",
            test_registers)
    tap.run("registers: same deadlines and statuses as export-json, as of four days",
            test_same_values_as_export_json)
    tap.run("text that looks like a formula stays text", test_formula_text_stays_text)
    tap.run("text too long for a cell is cut with a visible mark", test_long_text_is_cut)
    tap.run("one person informed is \"1 person\"", test_one_person_informed)
    tap.run("a register longer than a sheet continues on Name (2)", test_continuation_sheets)
    tap.run("an empty database gives headers only", test_empty_database)
    tap.run("unwritable paths: exit 1, one message, nothing left", test_unwritable_paths)
    tap.run("read-only folder: exit 1, one message, nothing left", test_read_only_folder)
    tap.run("full disk: a whole workbook or an error, never a broken file", test_full_disk)
    tap.run("an existing file is replaced", test_replaces_existing_file)
    tap.run("incident report in the order of the CNIL form", test_incident_report)
    tap.run("incident report: late notification, formula-looking title", test_incident_report_late)
    tap.run("French sheet names and headers", test_french)
    tap.run("registers on paper: landscape, one page wide, header repeated, organisation, "
            "seal, sheet and page; the incident report portrait", test_registers_on_paper)
    tap.run("an organisation too long for the page header is cut",
            test_organisation_too_long_for_header)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
