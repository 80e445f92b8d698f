#!/usr/bin/python3
# test-campaign.py
#
# Copyright 2026 The DPO Workbench authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Art. 34 campaign (`dpo campaign`), its files read back by
independent readers: Python's mailbox and email for emails.mbox, Python's
csv for the CSV files, poppler's pdfinfo and pdftotext for letters.pdf,
and Python's sqlite3 for what was recorded.

Usage: test-campaign.py [DPO]   (else $DPO_CLI). Prints TAP.

With DPO_TEST_ENGINE=postgresql, under build-aux/pg-test-server, each
database is a new one on the test server (its URI in --database), read
back by psql instead of sqlite3.

The affected population, the contract beneficiaries and the notice are
written with raw SQL (the tables of schema 6), so that the campaign is
tested on its own."""

import csv
import email
import email.policy
import hashlib
import itertools
import mailbox
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

DPO = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DPO_CLI")
INCIDENT = "INC-2024-01"
NOTICE_SUBJECT = "Violation de données : ce que vous devez savoir"
NOTICE_BODY = ("Bonjour {{first_name}} {{last_name}},\n\n"
               "Les données de votre contrat (adhérent n° {{member_number}}) ont été "
               "consultées.\nPersonnes concernées avec vous : {{co_insured}}.\n\n"
               "From now on, méfiez-vous des appels frauduleux.\n"
               "- ne donnez jamais vos coordonnées bancaires")


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def run(self, name, func):
        self.count += 1
        try:
            func()
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


def eq(found, expected, what=""):
    if found != expected:
        raise AssertionError(f"{what}: expected {expected!r}, found {found!r}")


def person(pid, first, last, member, email_address=None, address=None, contract=None):
    record = {"id": pid, "first_name": first, "last_name": last, "member_number": member}
    if email_address:
        record["email"] = email_address
    if address:
        record["postal_address"] = address
    if contract:
        record["contracts"] = [{"number": contract, "start_date": "2020-01-01"}]
    return record


def document():
    return {
        "format": "dpo-workbench", "version": 1,
        "organisation": {
            "name": "Mutuelle Santé Horizon",
            "address": "12 rue de la Paix\n75002 Paris",
            "dpo": {"name": "Hélène Garnier", "email": "dpo@horizon.example",
                    "phone": "+33 1 42 00 00 00"},
        },
        "incidents": [{
            "id": INCIDENT, "title": "Viamedis", "natures": ["confidentiality"],
            "aware_at": "2024-02-01T17:30:00+01:00", "risk": "high",
        }],
        "subjects": [
            # Email household: Claire holds C-1, which covers Théo (no contract).
            person("S-1", "Claire", "Martin", "IP-1", "claire.martin@example.org", None, "C-1"),
            person("S-2", "Théo", "Martin", "IP-2"),
            # Post household, address on several lines.
            person("S-3", "Luc", "Bernard", "IP-3", None, "5 rue des Lilas\n69003 Lyon", "C-3"),
            # Unreachable: neither email nor address.
            person("S-4", "Paolo", "Rossi", "IP-4", None, None, "C-4"),
            # Email household with accents in the name.
            person("S-5", "Zoé", "Lefèvre", "IP-5", "zoe@example.org", "1 place Bellecour, 69002 Lyon",
                   "C-5"),
            # Affected, covered by no contract, an address only: a household of their own.
            person("S-6", "Ana", "Costa", "IP-6", None, "3 quai des Chartrons\n33000 Bordeaux"),
            # A holder NOT affected, whose child is: the letter goes to the holder.
            person("S-7", "Marc", "Dubois", "IP-7", None, "9 rue Sainte-Catherine\n33000 Bordeaux",
                   "C-7"),
            person("S-8", "Léa", "Dubois", "IP-8"),
            # Not affected at first (the second campaign).
            person("S-9", "Inès", "Moreau", "IP-9", "ines@example.org", None, "C-9"),
        ],
    }


BENEFICIARIES = [("C-1", "S-2"), ("C-7", "S-8")]
FIRST_AFFECTED = ["S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-8"]


SERVER = os.environ.get("DPO_TEST_ENGINE") == "postgresql"
_databases = itertools.count()


def new_database(folder, name):
    """A new file's path in @folder, or a new database on the test server,
    set up by `dpo server init` (its URI)."""
    if not SERVER:
        return os.path.join(folder, name)
    admin = os.environ["DPO_TEST_PG_URI"]
    db = f"campaign_{os.getpid()}_{next(_databases)}"
    subprocess.run(["psql", admin, "-qXc", f"CREATE DATABASE {db}"], check=True,
                   capture_output=True)
    uri = admin.replace("///postgres", f"///{db}", 1)
    subprocess.run([DPO, "server", "init", uri], check=True, capture_output=True)
    return uri


def psql_rows(uri, statement, params):
    """@statement's rows through psql: each "?" a psql variable, quoted by
    psql; digits read back as numbers, NULL as None (as sqlite3 gives them)."""
    argv = ["psql", uri, "-qAtX", "-v", "ON_ERROR_STOP=1", "-F", "\x1f", "-R", "\x1e",
            "-P", "null=\x1d"]
    parts = statement.split("?")
    text = parts[0]
    for i, (value, part) in enumerate(zip(params, parts[1:])):
        argv += ["-v", f"p{i}={value}"]
        text += f":'p{i}'" + part
    result = subprocess.run(argv, input=text, capture_output=True, text=True, check=True)

    def value(field):
        if field == "\x1d":
            return None
        return int(field) if field.isdigit() else field
    return [tuple(value(f) for f in row.split("\x1f"))
            for row in result.stdout.rstrip("\n").split("\x1e") if row != ""]


def chain_intact(uri):
    """The audit log's hash chain recomputed from psql's rows (the rule of
    app/store/dpo-store-audit.c), as `dpo audit verify` does for a file."""
    rows = psql_rows(uri, "SELECT at, entity, record, action, changes, content_hash, hash "
                          "FROM audit ORDER BY pk", ())
    head = "0" * 64
    for row in rows:
        content = hashlib.sha256(b"dpo-audit/1\n")
        for field in row[:5]:
            if field is None:
                content.update(b"N")
            else:
                data = str(field).encode()
                content.update(b"S%d:" % len(data) + data)
        head = hashlib.sha256((head + content.hexdigest()).encode()).hexdigest()
        if content.hexdigest() != row[5] or head != row[6]:
            return False
    return len(rows) > 0


class Workdir:
    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="dpo-campaign-")
        self.db = new_database(self.path, "workbench.sqlite")

    def file(self, *names):
        return os.path.join(self.path, *names)

    def dpo(self, *args, check=True):
        result = subprocess.run([DPO, "--database", self.db] + list(args),
                                capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"dpo {' '.join(args)} failed ({result.returncode}): "
                                 f"{result.stderr}")
        return result

    def sql(self, statement, params=()):
        if SERVER:
            return psql_rows(self.db, statement, params)
        with sqlite3.connect(self.db) as db:
            db.execute("PRAGMA foreign_keys = ON")
            rows = db.execute(statement, params).fetchall()
        return rows

    def setup(self, notice=True, affected=FIRST_AFFECTED):
        import json
        path = self.file("import.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(document(), f, ensure_ascii=False)
        self.dpo("import", path)
        for contract, subject in BENEFICIARIES:
            self.sql("INSERT INTO contract_beneficiaries SELECT c.pk, s.pk FROM contracts c, "
                     "subjects s WHERE c.number = ? AND s.id = ?", (contract, subject))
        for subject in affected:
            self.affect(subject)
        if notice:
            self.sql("UPDATE incidents SET notice_subject = ?, notice_body = ?",
                     (NOTICE_SUBJECT, NOTICE_BODY))

    def affect(self, subject):
        self.sql("INSERT INTO affected SELECT i.pk, s.pk, 1 FROM incidents i, subjects s "
                 "WHERE i.id = ? AND s.id = ?", (INCIDENT, subject))

    def communications(self):
        return self.sql("SELECT channel, sent_at, count, message FROM communications ORDER BY pk")

    def informed(self):
        return sorted(self.sql("SELECT s.id, i.channel FROM informed i JOIN subjects s "
                               "ON s.pk = i.subject"))

    def campaign(self, folder, *extra, check=True):
        return self.dpo("campaign", INCIDENT, "--out", self.file(folder), *extra, check=check)

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


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_mbox(path):
    box = mailbox.mbox(path, factory=lambda f: email.message_from_binary_file(
        f, policy=email.policy.default), create=False)
    return list(box)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gives no page count")


def pdf_page_text(path, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-"],
                          capture_output=True, text=True, check=True).stdout


# --- the first campaign -----------------------------------------------------

@with_workdir
def test_emails(work):
    work.setup()
    work.campaign("out", "--sent-at", "2024-02-08")
    messages = read_mbox(work.file("out", "emails.mbox"))
    eq(len(messages), 2, "one message per email household")
    by_to = {m["To"].addresses[0].addr_spec: m for m in messages}
    eq(sorted(by_to), ["claire.martin@example.org", "zoe@example.org"], "recipients")
    claire = by_to["claire.martin@example.org"]
    eq(claire["From"].addresses[0].display_name, "Hélène Garnier", "From name")
    eq(claire["From"].addresses[0].addr_spec, "dpo@horizon.example", "From address")
    eq(str(claire["Subject"]), NOTICE_SUBJECT, "Subject")
    eq(claire["MIME-Version"], "1.0", "MIME-Version")
    assert claire["Message-ID"].startswith("<") and "@horizon.example>" in claire["Message-ID"]
    eq(claire["Date"].datetime.date().isoformat(), "2024-02-08", "Date")
    eq(claire.get_content_type(), "text/plain", "content type")
    eq(claire.get_content_charset(), "utf-8", "charset")
    eq(claire["Content-Transfer-Encoding"], "quoted-printable", "encoding")
    body = claire.get_content()
    assert "Bonjour Claire Martin," in body, body
    assert "adhérent n° IP-1)" in body, body
    assert "Personnes concernées avec vous : Théo Martin." in body, "co-insured named: " + body
    assert "coordonnées bancaires" in body
    zoe = by_to["zoe@example.org"]
    eq(zoe["To"].addresses[0].display_name, "Zoé Lefèvre", "To name")
    # No co-insured: the notice's sentence naming them goes, not ": ."
    assert "Personnes concernées avec vous" not in zoe.get_content(), zoe.get_content()
    assert "Bonjour Zoé Lefèvre," in zoe.get_content()
    # The mbox "From " line is escaped in the body, not taken for a new message.
    raw = open(work.file("out", "emails.mbox"), encoding="utf-8").read()
    eq(raw.count("\nFrom dpo@horizon.example "), 1, "separator lines after the first")
    assert raw.startswith("From dpo@horizon.example ")
    assert ">From now on" in raw


@with_workdir
def test_emails_csv(work):
    work.setup()
    work.campaign("out", "--sent-at", "2024-02-08")
    rows = read_csv(work.file("out", "emails.csv"))
    eq(list(rows[0].keys()), ["email", "first_name", "last_name", "member_number", "subject",
                              "body"], "columns")
    eq(sorted(r["email"] for r in rows), ["claire.martin@example.org", "zoe@example.org"], "rows")
    claire = next(r for r in rows if r["member_number"] == "IP-1")
    eq((claire["first_name"], claire["last_name"]), ("Claire", "Martin"), "names")
    eq(claire["subject"], NOTICE_SUBJECT, "subject")
    assert "Théo Martin" in claire["body"] and "\n- ne donnez" in claire["body"]


@with_workdir
def test_letters(work):
    work.setup()
    work.campaign("out", "--sent-at", "2024-02-08")
    rows = read_csv(work.file("out", "letters.csv"))
    eq(list(rows[0].keys()), ["name", "address_1", "address_2", "address_3", "address_4",
                              "address_5", "first_page", "pages"], "columns")
    eq(sorted(r["name"] for r in rows), ["Ana Costa", "Luc Bernard", "Marc Dubois"], "letters")
    pdf = work.file("out", "letters.pdf")
    total = pdf_pages(pdf)
    eq(sum(int(r["pages"]) for r in rows), total, "pages in letters.csv and in the PDF")
    page = 1
    for row in rows:
        eq(int(row["first_page"]), page, f"first page of {row['name']}")
        text = pdf_page_text(pdf, page)
        assert row["name"] in text, f"{row['name']} not on page {page}: {text}"
        assert row["address_1"] in text and row["address_2"] in text
        assert "Paris, 8 February 2024" in text, text
        assert "Mutuelle Santé Horizon" in text
        page += int(row["pages"])
    luc = next(r for r in rows if r["name"] == "Luc Bernard")
    eq((luc["address_1"], luc["address_2"], luc["address_3"]), ("5 rue des Lilas", "69003 Lyon", ""),
       "address lines")
    marc = next(r for r in rows if r["name"] == "Marc Dubois")
    text = pdf_page_text(pdf, int(marc["first_page"]))
    assert "Léa Dubois" in text, "the affected child is named in the holder's letter: " + text


def signatures(text):
    """The lines that are the DPO's title alone (the letterhead says
    "Data protection officer: NAME" on one line)."""
    return sum(1 for line in text.splitlines() if line.strip() == "Data protection officer")


@with_workdir
def test_letter_signed_once(work):
    """A notice that ends with the DPO's own signature (as the drafted one
    does) is not signed a second time by the letter; one without a closing
    gets the DPO's signature block."""
    work.setup()
    work.sql("UPDATE incidents SET notice_body = ?",
             (NOTICE_BODY + "\n\nYours sincerely,\n\nHélène Garnier\nData protection officer",))
    work.campaign("signed", "--sent-at", "2024-02-08")
    rows = read_csv(work.file("signed", "letters.csv"))
    luc = next(r for r in rows if r["name"] == "Luc Bernard")
    text = "".join(pdf_page_text(work.file("signed", "letters.pdf"), int(luc["first_page"]) + i)
                   for i in range(int(luc["pages"])))
    eq(signatures(text), 1, "signatures in Luc's letter: " + text)

    other = Workdir()
    try:
        other.setup()
        other.campaign("out", "--sent-at", "2024-02-08")
        rows = read_csv(other.file("out", "letters.csv"))
        luc = next(r for r in rows if r["name"] == "Luc Bernard")
        text = pdf_page_text(other.file("out", "letters.pdf"), int(luc["first_page"]))
        eq(signatures(text), 1, "the letter's own signature: " + text)
    finally:
        other.cleanup()


@with_workdir
def test_unreachable_and_record(work):
    work.setup()
    result = work.campaign("out", "--sent-at", "2024-02-08")
    rows = read_csv(work.file("out", "unreachable.csv"))
    eq(list(rows[0].keys()), ["id", "name", "member_number", "reason"], "columns")
    eq([(r["id"], r["name"], r["member_number"]) for r in rows], [("S-4", "Paolo Rossi", "IP-4")],
       "unreachable")
    assert rows[0]["reason"]
    comms = work.communications()
    eq([(c[0], c[2], c[3]) for c in comms],
       [("email", 3, NOTICE_SUBJECT), ("post", 4, NOTICE_SUBJECT)], "communications")
    assert comms[0][1].startswith("2024-02-08T"), comms[0][1]
    eq(work.informed(), [("S-1", "email"), ("S-2", "email"), ("S-3", "post"), ("S-5", "email"),
                         ("S-6", "post"), ("S-7", "post"), ("S-8", "post")], "informed")
    assert "2 households" in result.stdout, result.stdout
    eq(sorted(os.listdir(work.path)), ["import.json", "out"] if SERVER else
       ["import.json", "out", "workbench.sqlite", "workbench.sqlite-shm", "workbench.sqlite-wal"]
       if os.path.exists(work.file("workbench.sqlite-wal")) else
       ["import.json", "out", "workbench.sqlite"], "no temporary folder left")
    if SERVER:
        # `dpo audit verify` reads a file only, so far: the chain recomputed here.
        assert chain_intact(work.db), "the audit log's chain"
    else:
        audit = work.dpo("audit", "verify")
        assert "intact" in audit.stdout


@with_workdir
def test_holder_also_covered(work):
    """Paolo holds a contract but can be reached by neither channel; he is
    also a beneficiary of Claire's contract: her email names him, so he is
    informed, and not listed as unreachable."""
    work.setup()
    work.sql("INSERT INTO contract_beneficiaries SELECT c.pk, s.pk FROM contracts c, subjects s "
             "WHERE c.number = 'C-1' AND s.id = 'S-4'")
    work.campaign("out", "--sent-at", "2024-02-08")
    claire = next(m for m in read_mbox(work.file("out", "emails.mbox"))
                  if m["To"].addresses[0].addr_spec == "claire.martin@example.org")
    body = claire.get_content()
    assert "Paolo Rossi" in body and "Théo Martin" in body, body
    eq(read_csv(work.file("out", "unreachable.csv")), [], "nobody unreachable")
    assert ("S-4", "email") in work.informed(), work.informed()
    eq(work.communications()[0][:3:2], ("email", 4), "email count")


# --- later campaigns ---------------------------------------------------------

@with_workdir
def test_second_campaign(work):
    work.setup()
    work.campaign("first", "--sent-at", "2024-02-08")
    work.affect("S-9")
    work.campaign("second", "--sent-at", "2024-02-10")
    messages = read_mbox(work.file("second", "emails.mbox"))
    eq([m["To"].addresses[0].addr_spec for m in messages], ["ines@example.org"], "only the rest")
    assert not os.path.exists(work.file("second", "letters.pdf")), "no letters to write"
    eq(read_csv(work.file("second", "letters.csv")), [], "no letters listed")
    eq([(c[0], c[2]) for c in work.communications()],
       [("email", 3), ("post", 4), ("email", 1)], "communications")
    # Nobody left but the unreachable: nothing written, nothing recorded.
    result = work.campaign("third", check=False)
    eq(result.returncode, 1, "exit status")
    assert "Nobody can be written to" in result.stderr, result.stderr
    assert not os.path.exists(work.file("third"))
    eq(len(work.communications()), 3, "nothing recorded")


@with_workdir
def test_everyone_informed(work):
    work.setup(affected=["S-1", "S-2"])
    work.campaign("first")
    result = work.campaign("again", check=False)
    eq(result.returncode, 1, "exit status")
    assert "already been informed" in result.stderr, result.stderr
    assert not os.path.exists(work.file("again"))


@with_workdir
def test_bounced(work):
    work.setup()
    work.campaign("first", "--sent-at", "2024-02-08")
    with open(work.file("bounced.txt"), "w") as f:
        f.write("  ZOE@example.org \n\n")
    work.campaign("bounced", "--sent-at", "2024-02-12", "--bounced", work.file("bounced.txt"))
    eq(read_mbox(work.file("bounced", "emails.mbox")), [], "no email")
    rows = read_csv(work.file("bounced", "letters.csv"))
    eq([(r["name"], r["address_1"], r["address_2"]) for r in rows],
       [("Zoé Lefèvre", "1 place Bellecour", "69002 Lyon")], "the letter instead")
    eq(pdf_pages(work.file("bounced", "letters.pdf")), int(rows[0]["pages"]), "pages")
    eq(work.communications()[-1][:3:2], ("post", 1), "recorded as post")
    informed = work.informed()
    assert ("S-5", "email") in informed and ("S-5", "post") in informed, informed


@with_workdir
def test_bounced_not_emailed(work):
    work.setup()
    work.campaign("first", "--sent-at", "2024-02-08")
    with open(work.file("bounced.txt"), "w") as f:
        f.write("zoe@example.org\nnobody@example.org\n")
    before = work.communications()
    result = work.campaign("bounced", "--bounced", work.file("bounced.txt"), check=False)
    eq(result.returncode, 1, "exit status")
    assert "nobody@example.org" in result.stderr, result.stderr
    assert not os.path.exists(work.file("bounced"))
    eq(work.communications(), before, "nothing recorded")


# --- bad input: one message, exit 1, nothing recorded, no folder -------------

def refused(work, folder, expected, *extra, incident=INCIDENT):
    before = (work.communications(), work.informed())
    result = work.dpo("campaign", incident, "--out", work.file(folder), *extra, check=False)
    eq(result.returncode, 1, f"exit status ({result.stderr})")
    assert expected in result.stderr, result.stderr
    eq(len(result.stderr.strip().splitlines()), 1, "one message")
    eq((work.communications(), work.informed()), before, "nothing recorded")
    leftovers = [n for n in os.listdir(work.path) if "dpo-tmp" in n]
    eq(leftovers, [], "no temporary folder")


@with_workdir
def test_bad_input(work):
    work.setup()
    refused(work, "a", "There is no incident", incident="INC-NONE")
    assert not os.path.exists(work.file("a"))
    refused(work, "b", "2024-02-30", "--sent-at", "2024-02-30")
    assert not os.path.exists(work.file("b"))
    os.mkdir(work.file("full"))
    open(work.file("full", "keep.txt"), "w").close()
    refused(work, "full", "is not empty")
    eq(os.listdir(work.file("full")), ["keep.txt"], "the folder untouched")
    open(work.file("afile"), "w").close()
    refused(work, "afile", "is not a folder")
    refused(work, "c", "bounced", "--bounced", work.file("missing.txt"))
    assert not os.path.exists(work.file("c"))


@with_workdir
def test_no_notice(work):
    work.setup(notice=False)
    refused(work, "out", "Write the notice first")
    assert not os.path.exists(work.file("out"))


@with_workdir
def test_no_dpo_contact(work):
    work.setup()
    work.sql("UPDATE organisation SET dpo_email = NULL")
    refused(work, "out", "Set the DPO’s contact in Preferences first")
    assert not os.path.exists(work.file("out"))


@with_workdir
def test_nobody_affected(work):
    work.setup(affected=[])
    refused(work, "out", "Nobody is recorded as affected")
    assert not os.path.exists(work.file("out"))


@with_workdir
def test_empty_folder_is_used(work):
    work.setup()
    os.mkdir(work.file("empty"))
    work.campaign("empty")
    assert os.path.exists(work.file("empty", "emails.mbox"))


def main():
    if not DPO:
        print("1..0 # SKIP no dpo given")
        return 0
    if SERVER and "DPO_TEST_PG_URI" not in os.environ:
        print("1..0 # SKIP no test server (" +
              os.environ.get("DPO_TEST_PG_MISSING", "run it under build-aux/pg-test-server") + ")")
        return 0
    if shutil.which("pdfinfo") is None:
        print("1..0 # SKIP poppler-utils (pdfinfo) is not installed")
        return 0
    tap = Tap()
    for name, func in [
        ("emails.mbox: one RFC 5322 message per email household", test_emails),
        ("emails.csv for a mass-mailing service", test_emails_csv),
        ("letters.pdf and letters.csv agree page by page", test_letters),
        ("unreachable.csv; communications and informed recorded", test_unreachable_and_record),
        ("a notice that signs itself is not signed twice", test_letter_signed_once),
        ("a holder covered by another's contract is named there", test_holder_also_covered),
        ("a second campaign writes only to the rest", test_second_campaign),
        ("everyone informed: exit 1, nothing written", test_everyone_informed),
        ("bounced addresses get letters, recorded as post", test_bounced),
        ("a bounced address that was not emailed is refused", test_bounced_not_emailed),
        ("bad input: exit 1, nothing recorded, no folder", test_bad_input),
        ("no notice", test_no_notice),
        ("no DPO contact", test_no_dpo_contact),
        ("nobody affected", test_nobody_affected),
        ("an empty folder is used", test_empty_folder_is_used),
    ]:
        tap.run(name, func)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
