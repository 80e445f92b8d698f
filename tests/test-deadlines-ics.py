#!/usr/bin/python3
# test-deadlines-ics.py
#
# Copyright 2026 The DPO Workbench authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""`dpo deadlines --explain` and `dpo deadlines --ics FILE.ics`, the
calendar read back with an independent reader: Debian's python3-icalendar.

Usage: test-deadlines-ics.py [DPO]   (else $DPO_CLI). Prints TAP.

Run under the meson test environment: TZ=Europe/Paris, LC_ALL=C.UTF-8,
DPO_LOCALEDIR pointing at the built translations. Weekdays checked with
`date -d`; Easter Sunday 2024 is 31 March. With DPO_TEST_ENGINE=postgresql,
under build-aux/pg-test-server, each database is a new one on the test
server (its URI in --database) instead of a file."""

import datetime
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

try:
    import icalendar
except ImportError:
    print("1..0 # SKIP python3-icalendar is not installed")
    sys.exit(0)

DPO = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DPO_CLI")
UTC = datetime.timezone.utc
FRENCH = {"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}
SERVER = os.environ.get("DPO_TEST_ENGINE") == "postgresql"
_databases = itertools.count()


def new_database(folder, name):
    """A new file's path in @folder, or a new database on the test server,
    set up by `dpo server init` (its URI)."""
    if not SERVER:
        return os.path.join(folder, name)
    admin = os.environ["DPO_TEST_PG_URI"]
    db = f"ics_{os.getpid()}_{next(_databases)}"
    subprocess.run(["psql", admin, "-qXc", f"CREATE DATABASE {db}"], check=True,
                   capture_output=True)
    uri = admin.replace("///postgres", f"///{db}", 1)
    subprocess.run([DPO, "server", "init", uri], check=True, capture_output=True)
    return uri


class Skip(Exception):
    pass


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def run(self, name, func):
        self.n += 1
        try:
            func()
            print(f"ok {self.n} - {name}")
        except Skip as skip:
            print(f"ok {self.n} - {name} # SKIP {skip}")
        except Exception:
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        sys.stdout.flush()

    def done(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


class Workdir:
    """A fresh folder with its own database."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="dpo-ics-")
        self.db = new_database(self.path, "workbench.sqlite")

    def file(self, *names):
        return os.path.join(self.path, *names)

    def dpo(self, *args, env=None, as_of=None, check=True, db=None):
        argv = [DPO, "--database", db or self.db]
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

    def import_doc(self, doc, db=None):
        path = self.file("import.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        self.dpo("import", path, db=db)

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


def request(rid, kind, received_at, subject=None, status="received", **more):
    doc = {"id": rid, "kind": kind, "received_at": received_at, "channel": "email",
           "status": status}
    if subject:
        doc["subject"] = subject
    else:
        doc["requester"] = {"name": "Anne Requérante", "contact": "anne@example.org"}
    doc.update(more)
    return doc


def document():
    """Open requests with a weekend, a month end with an extension, Good
    Friday (a working day outside Alsace-Moselle), one closed; a CNIL clock
    running across the change to summer time, and an incident notified."""
    return {
        "format": "dpo-workbench", "version": 1,
        "organisation": {"name": "Mutuelle Exemple"},
        "incidents": [
            {"id": "INC-RUNNING", "title": "Vol d'un ordinateur portable", "natures": ["confidentiality"],
             "aware_at": "2024-03-29T10:00:00+01:00", "risk": "risk"},
            {"id": "INC-NOTIFIED", "title": "Courrier mal adressé", "natures": ["confidentiality"],
             "aware_at": "2024-03-01T10:00:00+01:00", "risk": "risk",
             "notifications": [{"authority": "cnil", "kind": "initial",
                                "sent_at": "2024-03-02T10:00:00+01:00"}]},
            {"id": "INC-NONE", "title": "Sans risque", "natures": ["availability"],
             "aware_at": "2024-03-29T10:00:00+01:00", "risk": "none"},
        ],
        "subjects": [
            {"id": "S-1", "last_name": "Dupont", "first_name": "Jean"},
        ],
        "requests": [
            request("R-1", "access", "2024-02-09T14:00:00+01:00", "S-1"),
            request("R-2", "erasure", "2024-01-31T09:00:00+01:00", "S-1", status="in_progress",
                    extension={"reason": "Nombreuses demandes", "notified_at": "2024-02-20T09:00:00+01:00"}),
            request("R-3", "objection", "2024-02-29T09:00:00+01:00"),
            request("R-4", "rectification", "2024-02-01T09:00:00+01:00", "S-1", status="answered",
                    answered_at="2024-02-10T09:00:00+01:00"),
        ],
    }


def read_calendar(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data.endswith(b"END:VCALENDAR\r\n"), data[-40:]
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), "CRLF line ends"
    # Folded lines join into valid UTF-8: no character cut in two.
    data.replace(b"\r\n ", b"").decode("utf-8", errors="strict")
    return icalendar.Calendar.from_ical(data), data


def events_by_uid(calendar):
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in events, f"duplicate UID {uid}"
        events[uid] = event
    return events


def by_summary(calendar, start):
    found = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith(start)]
    eq(len(found), 1, f"events whose summary starts with {start!r}")
    return found[0]


def alarm_trigger(event):
    alarms = event.walk("VALARM")
    eq(len(alarms), 1, "one alarm")
    eq(str(alarms[0]["ACTION"]), "DISPLAY", "alarm action")
    return alarms[0]["TRIGGER"].dt


# --- tests -------------------------------------------------------------------

@with_workdir
def test_calendar(work):
    work.import_doc(document())
    path = work.file("deadlines.ics")
    result = work.dpo("deadlines", "--ics", path, as_of="2024-03-30")
    eq(result.stdout.strip(), f"Calendar written to {path}: 4 deadlines.", "stdout")
    eq(oct(os.stat(path).st_mode & 0o777), "0o600", "private file")
    calendar, _ = read_calendar(path)

    eq(calendar.name, "VCALENDAR", "component")
    eq(str(calendar["VERSION"]), "2.0", "VERSION")
    assert "DPO Workbench" in str(calendar["PRODID"]), calendar["PRODID"]
    eq(str(calendar["X-WR-CALNAME"]), "Deadlines — Mutuelle Exemple", "calendar name")
    eq(len(calendar.walk("VEVENT")), 4, "three open requests and one running clock")

    # --as-of is "now": the end of 30 March 2024 in Paris (UTC+1 that day).
    stamp = datetime.datetime(2024, 3, 30, 22, 59, 59, tzinfo=UTC)
    for event in calendar.walk("VEVENT"):
        eq(event["DTSTAMP"].dt, stamp, "DTSTAMP")
        eq(str(event["TRANSP"]), "TRANSPARENT", "a deadline does not make anyone busy")

    r1 = by_summary(calendar, "Due: access request R-1")
    eq(str(r1["SUMMARY"]), "Due: access request R-1 (Jean Dupont)", "summary")
    eq(r1["DTSTART"].dt, datetime.date(2024, 3, 11), "R-1 all day on its due date")
    assert not isinstance(r1["DTSTART"].dt, datetime.datetime), "a date, not a time"
    eq(r1["DTEND"].dt, datetime.date(2024, 3, 12), "R-1 ends the next day")
    eq(str(r1["DESCRIPTION"]),
       "received Friday 9 February 2024\n→ one month later: Saturday 9 March 2024\n"
       "→ a Saturday, so the next working day\n→ due Monday 11 March 2024", "R-1 explained")
    eq(alarm_trigger(r1), -datetime.timedelta(days=7), "reminder a week before")

    r2 = by_summary(calendar, "Due: erasure request R-2")
    eq(r2["DTSTART"].dt, datetime.date(2024, 4, 30), "extended: three months")
    assert "three months later, with the extension: April has no 31st, so its last day: " \
           "Tuesday 30 April 2024" in str(r2["DESCRIPTION"]), r2["DESCRIPTION"]

    r3 = by_summary(calendar, "Due: objection R-3")
    eq(str(r3["SUMMARY"]), "Due: objection R-3 (Anne Requérante)", "a requester's name")
    eq(r3["DTSTART"].dt, datetime.date(2024, 3, 29), "Good Friday is a working day here")

    cnil = by_summary(calendar, "CNIL notification deadline: INC-RUNNING")
    eq(str(cnil["SUMMARY"]), "CNIL notification deadline: INC-RUNNING (Vol d'un ordinateur portable)",
       "CNIL summary")
    # Aware 29 March 10:00 CET (09:00 UTC); 72 elapsed hours across the
    # change to summer time: 1 April 09:00 UTC (11:00 in Paris).
    eq(cnil["DTSTART"].dt, datetime.datetime(2024, 4, 1, 9, 0, tzinfo=UTC), "the deadline in UTC")
    assert "DTEND" not in cnil, "a moment"
    eq(alarm_trigger(cnil), -datetime.timedelta(hours=24), "reminder a day before")
    assert "72 hours later" in str(cnil["DESCRIPTION"]), cnil["DESCRIPTION"]

    # Every request's explanation ends on the date the event is on.
    for event in calendar.walk("VEVENT"):
        if str(event["SUMMARY"]).startswith("Due:"):
            last = str(event["DESCRIPTION"]).splitlines()[-1]
            assert last.startswith("→ due "), last
            eq(datetime.datetime.strptime(last[len("→ due "):], "%A %d %B %Y").date(),
               event["DTSTART"].dt, f"{event['SUMMARY']}: explanation and date")

    assert not any("R-4" in str(e["SUMMARY"]) for e in calendar.walk("VEVENT")), "answered: none"
    assert not any("INC-NOTIFIED" in str(e["SUMMARY"]) or "INC-NONE" in str(e["SUMMARY"])
                   for e in calendar.walk("VEVENT")), "no clock for a notified or riskless incident"


@with_workdir
def test_uids_stable(work):
    work.import_doc(document())
    first, second, later = work.file("a.ics"), work.file("b.ics"), work.file("c.ics")
    work.dpo("deadlines", "--ics", first, as_of="2024-03-30")
    work.dpo("deadlines", "--ics", second, as_of="2024-03-30")
    work.dpo("deadlines", "--ics", later, as_of="2024-04-05")
    a, a_bytes = read_calendar(first)
    b, b_bytes = read_calendar(second)
    c, _ = read_calendar(later)
    eq(b_bytes, a_bytes, "the same data as of the same day: the same file")
    uids = sorted(events_by_uid(a))
    eq(len(uids), 4, "UIDs")
    eq(sorted(events_by_uid(c)), uids, "a week later, the same UIDs (the clock is overdue, still open)")
    for uid in uids:
        assert "@" in uid, uid
    assert len({u.split("-request-")[0].split("-cnil-")[0] for u in uids}) == 1, uids

    # Another database holding the same records: other UIDs, never mixed up.
    other = new_database(work.path, "other.sqlite")
    work.import_doc(document(), db=other)
    work.dpo("deadlines", "--ics", work.file("o.ics"), as_of="2024-03-30", db=other)
    o, _ = read_calendar(work.file("o.ics"))
    assert not set(events_by_uid(o)) & set(uids), "UIDs are the database's own"


@with_workdir
def test_french(work):
    work.import_doc(document())
    path = work.file("echeances.ics")
    work.dpo("deadlines", "--ics", path, as_of="2024-03-30", env=FRENCH)
    calendar, _ = read_calendar(path)
    r1 = by_summary(calendar, "Échéance : demande d’accès R-1")
    eq(str(r1["SUMMARY"]), "Échéance : demande d’accès R-1 (Jean Dupont)", "French summary")
    eq(str(r1["DESCRIPTION"]),
       "reçue le vendredi 9 février 2024\n→ un mois plus tard : samedi 9 mars 2024\n"
       "→ un samedi, donc le jour ouvrable suivant\n→ échéance le lundi 11 mars 2024",
       "French explanation")


@with_workdir
def test_empty_database(work):
    path = work.file("empty.ics")
    result = work.dpo("deadlines", "--ics", path)
    eq(result.stdout.strip(), f"Calendar written to {path}: 0 deadlines.", "stdout")
    calendar, _ = read_calendar(path)
    eq(len(calendar.walk("VEVENT")), 0, "no events")
    assert "PRODID" in calendar


@with_workdir
def test_standard_output(work):
    work.import_doc(document())
    result = work.dpo("deadlines", "--ics", "-", as_of="2024-03-30")
    calendar = icalendar.Calendar.from_ical(result.stdout)
    eq(len(calendar.walk("VEVENT")), 4, "events on standard output")


@with_workdir
def test_explain(work):
    work.import_doc(document())
    out = work.dpo("deadlines", "--explain", as_of="2024-03-30").stdout
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "R-1" in line)
    eq([line.strip() for line in lines[at + 1:at + 5]],
       ["received Friday 9 February 2024", "→ one month later: Saturday 9 March 2024",
        "→ a Saturday, so the next working day", "→ due Monday 11 March 2024"], "R-1 steps")
    assert lines[at].startswith("2024-03-11"), lines[at]
    at = next(i for i, line in enumerate(lines) if "INC-RUNNING" in line)
    assert lines[at + 1].strip().startswith("aware 29 Mar 2024 10:00"), lines[at + 1]
    assert lines[at + 2].strip().startswith("→ 72 hours later: 1 Apr 2024 11:00"), lines[at + 2]
    # Without --explain, one line per deadline.
    plain = work.dpo("deadlines", as_of="2024-03-30").stdout.splitlines()
    eq(len(plain), 4, "one line each")
    eq(plain, [lines[i] for i in range(len(lines)) if not lines[i].startswith(" ")], "same lines")


def one_line_error(result, path, reason):
    eq(result.returncode, 1, "exit status")
    lines = result.stderr.splitlines()
    eq(len(lines), 1, f"one message, found {result.stderr!r}")
    assert path in lines[0] and reason in lines[0], lines[0]


@with_workdir
def test_unwritable_paths(work):
    work.import_doc(document())
    before = sorted(os.listdir(work.path))

    path = work.file("no-such-folder", "deadlines.ics")
    one_line_error(work.dpo("deadlines", "--ics", path, check=False), path,
                   "the folder does not exist")
    os.mkdir(work.file("a-folder.ics"))
    path = work.file("a-folder.ics")
    one_line_error(work.dpo("deadlines", "--ics", path, check=False), path, "it is a folder")
    os.symlink(work.file("target.ics"), work.file("link.ics"))
    path = work.file("link.ics")
    result = work.dpo("deadlines", "--ics", path, check=False)
    eq(result.returncode, 1, "a link is refused")
    assert not os.path.exists(work.file("target.ics")), "nothing written through the link"
    eq(sorted(os.listdir(work.path)), sorted(before + ["a-folder.ics", "link.ics"]),
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
    work.import_doc(document())
    mnt = work.file("mnt")
    path = os.path.join(mnt, "deadlines.ics")
    result = private_mount(work, "ro", f"'{DPO}' --database '{work.db}' deadlines --ics '{path}'; "
                                       f"echo status=$?; ls -A '{mnt}'")
    assert "status=1" in result.stdout, result.stdout + result.stderr
    eq(result.stdout.split("status=1")[1].strip(), "", "nothing left behind")
    one_line_error(subprocess.CompletedProcess([], 1, "", result.stderr), path,
                   "the folder is read-only")


@with_workdir
def test_full_disk(work):
    """A calendar too big for the disk: exit 1, the previous file untouched,
    no temporary file left."""
    doc = document()
    doc["requests"] += [request(f"R-BULK-{i:05d}", "access", "2024-03-01T09:00:00+01:00", "S-1")
                        for i in range(3000)]
    work.import_doc(doc)
    mnt = work.file("mnt")
    path = os.path.join(mnt, "deadlines.ics")
    result = private_mount(
        work, "size=64k",
        f"echo previous > '{path}' && '{DPO}' --database '{work.db}' deadlines --ics '{path}'; "
        f"echo status=$?; ls -A '{mnt}'; cp '{path}' '{work.file('result.ics')}'")
    status = result.stdout.split("status=")[1].split()[0]
    listing = result.stdout.split("status=")[1].split("\n", 1)[1].split()
    eq(status, "1", "exit status")
    eq(listing, ["deadlines.ics"], "files left")
    eq(len(result.stderr.splitlines()), 1, f"one message, found {result.stderr!r}")
    with open(work.file("result.ics")) as f:
        eq(f.read(), "previous\n", "the previous file is untouched")


def test_help():
    result = subprocess.run([DPO, "deadlines", "--help"], capture_output=True, text=True)
    eq(result.returncode, 0, "exit status")
    assert "--explain" in result.stdout and "--ics=FILE.ics" in result.stdout, result.stdout


def main():
    if not DPO or not os.path.exists(DPO):
        print("1..0 # SKIP the dpo program was not given (argument or DPO_CLI)")
        return 0
    if SERVER and "DPO_TEST_PG_URI" not in os.environ:
        print("1..0 # SKIP no test server (" +
              os.environ.get("DPO_TEST_PG_MISSING", "run it under build-aux/pg-test-server") + ")")
        return 0
    os.environ.setdefault("TZ", "Europe/Paris")
    tap = Tap()
    tap.run("deadlines --help names --explain and --ics", test_help)
    tap.run("calendar: events, all-day due dates, CNIL clock in UTC, alarms, as of --as-of",
            test_calendar)
    tap.run("calendar: UIDs stable across runs, the database's own", test_uids_stable)
    tap.run("calendar in French", test_french)
    tap.run("calendar of an empty database", test_empty_database)
    tap.run("calendar on standard output", test_standard_output)
    tap.run("deadlines --explain: the steps under each line", test_explain)
    tap.run("unwritable paths: exit 1, one message, nothing left", test_unwritable_paths)
    tap.run("read-only folder: exit 1, one message, nothing left", test_read_only_folder)
    tap.run("full disk: exit 1, previous file untouched", test_full_disk)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
