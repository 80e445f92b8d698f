/* dpo-store-schema.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-affected-private.h"
#include "dpo-store-private.h"

/* Ordered migrations: MIGRATIONS[n] takes the schema from version n to n + 1.
 * Never edit a released step; append a new one and raise
 * DPO_STORE_SCHEMA_VERSION. */
static const char * const MIGRATIONS[] = {
  /* 0 -> 1: the whole domain of DESIGN "Domain". */
  "CREATE TABLE incidents ("
  "  pk INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE CHECK (length(trim(id)) > 0),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT,"
  "  processor TEXT,"
  "  natures TEXT NOT NULL CHECK (json_valid(natures) AND json_array_length(natures) > 0),"
  "  origin TEXT,"
  "  started_at TEXT,"
  "  ended_at TEXT,"
  "  aware_at TEXT NOT NULL,"
  "  data_categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(data_categories)),"
  "  subject_categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(subject_categories)),"
  "  approx_subjects INTEGER CHECK (approx_subjects IS NULL OR approx_subjects >= 0),"
  "  approx_records INTEGER CHECK (approx_records IS NULL OR approx_records >= 0),"
  "  consequences TEXT,"
  "  risk TEXT NOT NULL CHECK (risk IN ('none', 'risk', 'high')),"
  "  measures TEXT,"
  "  delay_reason TEXT"
  ");"
  "CREATE INDEX incidents_aware_at ON incidents (aware_at);"
  "CREATE TABLE events ("
  "  pk INTEGER PRIMARY KEY,"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  at TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('occurrence', 'detection', 'awareness', 'containment',"
  "    'notification', 'complaint', 'communication', 'measure', 'other')),"
  "  description TEXT"
  ");"
  "CREATE INDEX events_incident ON events (incident, at);"
  "CREATE TABLE notifications ("
  "  pk INTEGER PRIMARY KEY,"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  authority TEXT NOT NULL CHECK (authority IN ('cnil', 'anssi', 'other')),"
  "  authority_name TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('initial', 'complementary')),"
  "  sent_at TEXT NOT NULL,"
  "  reference TEXT"
  ");"
  "CREATE INDEX notifications_incident ON notifications (incident, sent_at);"
  "CREATE TABLE complaints ("
  "  pk INTEGER PRIMARY KEY,"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  direction TEXT NOT NULL CHECK (direction IN ('filed', 'received')),"
  "  body TEXT NOT NULL CHECK (body IN ('prosecutor', 'police', 'gendarmerie', 'cnil', 'court', 'other')),"
  "  filed_at TEXT NOT NULL,"
  "  reference TEXT,"
  "  party TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
  "  outcome TEXT"
  ");"
  "CREATE INDEX complaints_incident ON complaints (incident, filed_at);"
  "CREATE TABLE communications ("
  "  pk INTEGER PRIMARY KEY,"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'public_notice', 'phone')),"
  "  sent_at TEXT NOT NULL,"
  "  count INTEGER CHECK (count IS NULL OR count >= 0)"
  ");"
  "CREATE INDEX communications_incident ON communications (incident, sent_at);"
  "CREATE TABLE subjects ("
  "  pk INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE CHECK (length(trim(id)) > 0),"
  "  last_name TEXT NOT NULL,"
  "  first_name TEXT NOT NULL,"
  "  birth_date TEXT,"
  "  nir TEXT,"
  "  member_number TEXT,"
  "  email TEXT,"
  "  postal_address TEXT"
  ");"
  /* NOCASE indexes let LIKE 'prefix%' use them (case_sensitive_like is off). */
  "CREATE INDEX subjects_last_name ON subjects (last_name COLLATE NOCASE, first_name COLLATE NOCASE);"
  "CREATE INDEX subjects_first_name ON subjects (first_name COLLATE NOCASE);"
  "CREATE INDEX subjects_member_number ON subjects (member_number COLLATE NOCASE);"
  "CREATE INDEX subjects_nir ON subjects (nir COLLATE NOCASE);"
  "CREATE INDEX subjects_id_nocase ON subjects (id COLLATE NOCASE);"
  "CREATE TABLE contracts ("
  "  pk INTEGER PRIMARY KEY,"
  "  subject INTEGER NOT NULL REFERENCES subjects (pk) ON DELETE CASCADE,"
  "  number TEXT NOT NULL,"
  "  product TEXT,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date)"
  ");"
  "CREATE INDEX contracts_subject ON contracts (subject);"
  "CREATE TABLE requests ("
  "  pk INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE CHECK (length(trim(id)) > 0),"
  "  subject INTEGER REFERENCES subjects (pk) ON DELETE SET NULL,"
  "  requester_name TEXT,"
  "  requester_contact TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'restriction',"
  "    'portability', 'objection')),"
  "  received_at TEXT NOT NULL,"
  "  channel TEXT CHECK (channel IS NULL OR channel IN ('email', 'post', 'phone', 'web', 'in_person')),"
  "  identity_verified_at TEXT,"
  "  extension_reason TEXT,"
  "  extension_notified_at TEXT,"
  "  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress',"
  "    'answered', 'refused', 'withdrawn')),"
  "  answered_at TEXT,"
  "  outcome TEXT,"
  "  refusal_ground TEXT,"
  "  changes TEXT CHECK (changes IS NULL OR json_valid(changes)),"
  /* Derived from received_at by the core on every write (Regulation
   * 1182/71, holidays), kept here so that a million requests sort and
   * filter by due date from an index. */
  "  due_on TEXT NOT NULL,"
  "  current_due_on TEXT NOT NULL"
  ");"
  /* With the status and due date, a person's requests are found, filtered
   * and sorted from the index alone (a search by name). */
  "CREATE INDEX requests_subject ON requests (subject, status, current_due_on);"
  "CREATE INDEX requests_due ON requests (current_due_on, pk);"
  "CREATE INDEX requests_status_due ON requests (status, current_due_on);"
  /* The requests still to answer, by due date: the Requests page's "open",
   * "overdue" and "due within 7 days", and the counts in its header, read
   * this small index alone instead of sorting or scanning a million rows. */
  "CREATE INDEX requests_open_due ON requests (current_due_on) WHERE status IN ('received', 'in_progress');"
  "CREATE INDEX requests_kind_due ON requests (kind, current_due_on);"
  "CREATE INDEX requests_received_at ON requests (received_at);"
  "CREATE INDEX requests_id_nocase ON requests (id COLLATE NOCASE);"
  "CREATE INDEX requests_requester_nocase ON requests (requester_name COLLATE NOCASE);"
  /* The erasure rule, held by the database itself: whatever path a DELETE
   * takes, a person with a contract active today cannot be deleted. */
  "CREATE TRIGGER subjects_erasure_rule BEFORE DELETE ON subjects "
  "WHEN EXISTS (SELECT 1 FROM contracts c WHERE c.subject = OLD.pk "
  "  AND (c.end_date IS NULL OR c.end_date >= date('now', 'localtime'))) "
  "BEGIN SELECT RAISE (ABORT, '" DPO_ERASURE_RULE_MESSAGE_V1 "'); END;"
  "CREATE TABLE audit ("
  "  pk INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'execute')),"
  "  changes TEXT CHECK (changes IS NULL OR json_valid(changes))"
  ");"
  "CREATE INDEX audit_record ON audit (entity, record);"
  /* Settings that change computed values, shared by the GUI and the CLI. */
  "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  /* Append-only, with one exception: erasing a person redacts the values
   * the log kept about them (the change stays, its content goes), or the
   * log would defeat the erasure. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
  "WHEN NEW.changes IS NOT '{\"redacted\":\"erasure\"}' OR NEW.at IS NOT OLD.at "
  "  OR NEW.entity IS NOT OLD.entity OR NEW.record IS NOT OLD.record OR NEW.action IS NOT OLD.action "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 1 -> 2: the audit log becomes a hash chain (DESIGN "The audit log is a
   * hash chain"). SQLite cannot change a CHECK constraint in place, so the
   * table is rebuilt: chain_existing_rows() copies the rows into audit_v2,
   * chained, between this step and MIGRATION_2_END. */
  "CREATE TABLE audit_v2 ("
  "  pk INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'execute',"
  "    'redact', 'restore')),"
  "  changes TEXT CHECK (changes IS NULL OR json_valid(changes)),"
  /* SHA-256 of the entry's canonical serialisation, kept when the entry is
   * redacted; and of the previous entry's hash followed by this one. */
  "  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),"
  "  hash TEXT NOT NULL CHECK (length(hash) = 64)"
  ");"
  /* The store's own bookkeeping, never exported: 'forget_pending' while an
   * erasure's old pages may still be in the write-ahead log. */
  "CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);",

  /* 2 -> 3 (issue 9): what was said to the people in a communication. */
  "ALTER TABLE communications ADD COLUMN message TEXT;",

  /* 3 -> 4: the organisation and its DPO (DESIGN "Interchange additions"):
   * one row at most, every member optional. */
  "CREATE TABLE organisation ("
  "  pk INTEGER PRIMARY KEY CHECK (pk = 1),"
  "  name TEXT,"
  "  siren TEXT CHECK (siren IS NULL OR (length(siren) = 9 AND siren NOT GLOB '*[^0-9]*')),"
  "  address TEXT,"
  "  dpo_name TEXT,"
  "  dpo_email TEXT CHECK (dpo_email IS NULL OR instr(dpo_email, '@') > 1),"
  "  dpo_phone TEXT,"
  "  dpo_address TEXT"
  ");",

  /* 4 -> 5: the search index (dpo-store-search.c): folded names, numbers
   * and references, found by any part of them through their trigrams.
   * _dpo_store_fill_search_index() indexes the rows already stored, after
   * this step's SQL. */
  "CREATE VIRTUAL TABLE subjects_search USING fts5 (text, tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE requests_search USING fts5 (text, tokenize = 'trigram');"
  "CREATE TRIGGER subjects_search_delete AFTER DELETE ON subjects "
  "BEGIN DELETE FROM subjects_search WHERE rowid = OLD.pk; END;"
  "CREATE TRIGGER requests_search_delete AFTER DELETE ON requests "
  "BEGIN DELETE FROM requests_search WHERE rowid = OLD.pk; END;",

  /* 5 -> 6 (issues 11 and 12, DESIGN "Domain additions"): the tables the
   * affected population, the Art. 34 campaign, legal holds, restriction and
   * the request letters share, laid down in one step so that each feature
   * builds on the same schema. */
  /* A contract covers its holder (contracts.subject) and these people. */
  "CREATE TABLE contract_beneficiaries ("
  "  contract INTEGER NOT NULL REFERENCES contracts (pk) ON DELETE CASCADE,"
  "  subject INTEGER NOT NULL REFERENCES subjects (pk) ON DELETE CASCADE,"
  "  PRIMARY KEY (contract, subject)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contract_beneficiaries_subject ON contract_beneficiaries (subject, contract);"
  /* The Art. 34 notice, with placeholders for the person. */
  "ALTER TABLE incidents ADD COLUMN notice_subject TEXT;"
  "ALTER TABLE incidents ADD COLUMN notice_body TEXT;"
  /* The people an incident affects: listed by the processor (listed = 1)
   * or co-insured on a listed person's contract (listed = 0). */
  "CREATE TABLE affected ("
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  subject INTEGER NOT NULL REFERENCES subjects (pk) ON DELETE CASCADE,"
  "  listed INTEGER NOT NULL CHECK (listed IN (0, 1)),"
  "  PRIMARY KEY (incident, subject)"
  ") WITHOUT ROWID;"
  "CREATE INDEX affected_subject ON affected (subject, incident);"
  /* Rows of the processor's list that match no member, kept only as
   * HMAC-SHA256 of the NIR and of the member number (hex, keyed by the
   * store_state 'affected_hmac_key'): no new copy of a stolen identity. */
  "CREATE TABLE affected_unmatched ("
  "  pk INTEGER PRIMARY KEY,"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  nir_hash TEXT CHECK (nir_hash IS NULL OR length (nir_hash) = 64),"
  "  member_hash TEXT CHECK (member_hash IS NULL OR length (member_hash) = 64),"
  "  CHECK (nir_hash IS NOT NULL OR member_hash IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX affected_unmatched_row ON affected_unmatched "
  "  (incident, coalesce (nir_hash, ''), coalesce (member_hash, ''));"
  "CREATE INDEX affected_unmatched_nir ON affected_unmatched (nir_hash) WHERE nir_hash IS NOT NULL;"
  "CREATE INDEX affected_unmatched_member ON affected_unmatched (member_hash) WHERE member_hash IS NOT NULL;"
  /* Who was informed of an incident, how and when; each row belongs to the
   * communication it was counted in. */
  "CREATE TABLE informed ("
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  subject INTEGER NOT NULL REFERENCES subjects (pk) ON DELETE CASCADE,"
  "  channel TEXT NOT NULL CHECK (channel IN ('email', 'post')),"
  "  sent_at TEXT NOT NULL,"
  "  communication INTEGER REFERENCES communications (pk) ON DELETE SET NULL,"
  "  PRIMARY KEY (incident, subject, channel, sent_at)"
  ") WITHOUT ROWID;"
  "CREATE INDEX informed_subject ON informed (subject, incident);"
  /* Legal holds (litigation, fraud...) that keep a person's data. */
  "CREATE TABLE holds ("
  "  pk INTEGER PRIMARY KEY,"
  "  subject INTEGER NOT NULL REFERENCES subjects (pk) ON DELETE CASCADE,"
  "  reason TEXT NOT NULL CHECK (reason IN ('litigation', 'fraud', 'other')),"
  "  note TEXT,"
  "  since TEXT,"
  "  until TEXT CHECK (until IS NULL OR since IS NULL OR until >= since)"
  ");"
  "CREATE INDEX holds_subject ON holds (subject);"
  /* Art. 18: processing restricted since a date, for a reason. */
  "ALTER TABLE subjects ADD COLUMN restricted_since TEXT;"
  "ALTER TABLE subjects ADD COLUMN restriction_reason TEXT;"
  /* The letters produced for a request (its history). */
  "CREATE TABLE request_letters ("
  "  pk INTEGER PRIMARY KEY,"
  "  request INTEGER NOT NULL REFERENCES requests (pk) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  produced_at TEXT NOT NULL"
  ");"
  "CREATE INDEX request_letters_request ON request_letters (request, produced_at);",

  /* 6 -> 7 (issues 11 and 12): the erasure rule as the law allows, held
   * by the database as by the core (rules/dpo-carry-out.c). A person is
   * kept while a contract covering them, as holder or as beneficiary, is
   * active or within the retention period after its end (the setting
   * retention_after_contract_years, 0 when unset), and while a legal hold
   * runs. "end + N years >= today" is written "end >= today - N years":
   * SQLite moves 29 February + 1 year to 1 March where the core (and
   * Regulation 1182/71 Art. 3) end the period on 28 February, and the
   * subtraction gives the same days as the core's addition. */
  "DROP TRIGGER subjects_erasure_rule;"
  "CREATE TRIGGER subjects_erasure_rule BEFORE DELETE ON subjects "
  "WHEN EXISTS (SELECT 1 FROM contracts c WHERE (c.subject = OLD.pk "
  "    OR c.pk IN (SELECT b.contract FROM contract_beneficiaries b WHERE b.subject = OLD.pk)) "
  "  AND (c.end_date IS NULL OR c.end_date >= date ('now', 'localtime', '-' || "
  "    coalesce ((SELECT CAST (value AS INTEGER) FROM settings "
  "      WHERE key = 'retention_after_contract_years'), 0) || ' years'))) "
  "OR EXISTS (SELECT 1 FROM holds h WHERE h.subject = OLD.pk "
  "  AND (h.until IS NULL OR h.until >= date ('now', 'localtime'))) "
  "BEGIN SELECT RAISE (ABORT, '" DPO_ERASURE_RULE_MESSAGE "'); END;",

  /* 7 -> 8 (issue 12, Art. 21): an objection carried out records the
   * DPO's decision and its reason; only an objection has one. */
  "ALTER TABLE requests ADD COLUMN decision TEXT CHECK (decision IS NULL OR "
  "  (kind = 'objection' AND decision IN ('upheld', 'rejected')));"
  "ALTER TABLE requests ADD COLUMN decision_reason TEXT;",

  /* 8 -> 9 (issue 11, item 7): the unmatched rows of a processor's list,
   * millions of them, as small as they can be: the two HMAC-SHA256 as 32
   * bytes each (an empty blob when the row had no such number) in a table
   * clustered on (incident, NIR hash, member hash), which is also what
   * makes a row unique; one index for the member number's hash. Versions 6 to 8
   * kept hex text, a row id and three indexes: four times the bytes.
   * _dpo_affected_migrate_hashes() copies the earlier rows, then drops
   * affected_unmatched_v6. */
  "DROP INDEX affected_unmatched_row;"
  "DROP INDEX affected_unmatched_nir;"
  "DROP INDEX affected_unmatched_member;"
  "ALTER TABLE affected_unmatched RENAME TO affected_unmatched_v6;"
  "CREATE TABLE affected_unmatched ("
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  nir_hash BLOB NOT NULL CHECK (typeof (nir_hash) = 'blob' AND length (nir_hash) IN (0, 32)),"
  "  member_hash BLOB NOT NULL CHECK (typeof (member_hash) = 'blob' AND length (member_hash) IN (0, 32)),"
  "  CHECK (length (nir_hash) + length (member_hash) > 0),"
  "  PRIMARY KEY (incident, nir_hash, member_hash)"
  ") WITHOUT ROWID;"
  "CREATE INDEX affected_unmatched_member ON affected_unmatched (member_hash) "
  "  WHERE length (member_hash) > 0;",

  /* 9 -> 10 (issue 12, item 1): what an access answer says of the
   * processing (GDPR Art. 15(1) a, c, d, g), and the letters' templates as
   * the DPO edited them (the built-in ones are used where none is kept). */
  "ALTER TABLE organisation ADD COLUMN purposes TEXT;"
  "ALTER TABLE organisation ADD COLUMN recipients TEXT;"
  "ALTER TABLE organisation ADD COLUMN retention TEXT;"
  "ALTER TABLE organisation ADD COLUMN source TEXT;"
  "CREATE TABLE letter_templates ("
  "  kind TEXT NOT NULL,"
  "  language TEXT NOT NULL CHECK (language IN ('en', 'fr')),"
  "  subject TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (kind, language)"
  ") WITHOUT ROWID;",

  /* 10 -> 11 (issue 11, item 7): each number of an unmatched row is its own
   * row, its HMAC-SHA256 keyed by kind (0 NIR, 1 member number) then hash,
   * so "am I affected?" is one primary-key seek and an import of millions
   * inserts each kind sorted, at the end of its range: one sort per kind and
   * no secondary index to rebuild (version 9's table took two sorts, one of
   * them to rebuild its member index). How many unmatched rows each
   * incident has is kept beside it, since rows are no longer stored whole.
   * The earlier rows are copied, and each counts as one. */
  "CREATE TABLE affected_hashes ("
  "  kind INTEGER NOT NULL CHECK (kind IN (0, 1)),"
  "  hash BLOB NOT NULL CHECK (typeof (hash) = 'blob' AND length (hash) = 32),"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  PRIMARY KEY (kind, hash, incident)"
  ") WITHOUT ROWID;"
  "CREATE TABLE affected_unmatched_count ("
  "  incident INTEGER PRIMARY KEY REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  unmatched INTEGER NOT NULL CHECK (unmatched >= 0)"
  ");"
  "INSERT INTO affected_hashes (kind, hash, incident) "
  "  SELECT 0, nir_hash, incident FROM affected_unmatched WHERE length (nir_hash) = 32 "
  "  UNION SELECT 1, member_hash, incident FROM affected_unmatched WHERE length (member_hash) = 32;"
  "INSERT INTO affected_unmatched_count (incident, unmatched) "
  "  SELECT incident, count(*) FROM affected_unmatched GROUP BY incident;"
  "DROP TABLE affected_unmatched;",

  /* 11 -> 12 (issue 13, item 3): who made each change. On a server the
   * server itself writes the login and its group role (a trigger, whatever
   * the client sends); a file has one user and leaves them empty. Neither
   * is in the hashes: the entries written before this step must still
   * verify, and the client, which computes the hashes, does not choose
   * these values. The append-only rule keeps them as they were, the
   * redaction included. */
  "ALTER TABLE audit ADD COLUMN actor TEXT;"
  "ALTER TABLE audit ADD COLUMN actor_role TEXT;"
  "DROP TRIGGER audit_no_update;"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
  "WHEN NOT (NEW.changes IS '{\"redacted\":\"erasure\"}' AND NEW.pk IS OLD.pk "
  "  AND NEW.at IS OLD.at AND NEW.entity IS OLD.entity AND NEW.record IS OLD.record "
  "  AND NEW.action IS OLD.action AND NEW.content_hash IS OLD.content_hash "
  "  AND NEW.hash IS OLD.hash AND NEW.actor IS OLD.actor AND NEW.actor_role IS OLD.actor_role "
  "  AND EXISTS (SELECT 1 FROM audit r, json_each (r.changes, '$.entries') e "
  "    WHERE r.action = 'redact' AND r.pk > OLD.pk "
  "      AND json_extract (e.value, '$[0]') = OLD.pk "
  "      AND json_extract (e.value, '$[1]') = OLD.content_hash)) "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (MIGRATIONS) == DPO_STORE_SCHEMA_VERSION);

/* The version the audit chain's step reaches: that step runs
 * chain_existing_rows(), then MIGRATION_2_END, after its SQL. (If steps are
 * renumbered when branches merge, this number moves with it.) */
#define AUDIT_CHAIN_VERSION 2

/* The version the search index's step reaches: that step runs
 * _dpo_store_fill_search_index() after its SQL (renumbered with it). */
#define SEARCH_INDEX_VERSION 5

/* The version the unmatched rows' step reaches: that step runs
 * _dpo_affected_migrate_hashes() after its SQL (renumbered with it). */
#define AFFECTED_BLOB_VERSION 9

/* The end of step 1 -> 2, once the rows are chained. */
static const char MIGRATION_2_END[] =
  "DROP TABLE audit;"
  "ALTER TABLE audit_v2 RENAME TO audit;"
  "CREATE INDEX audit_record ON audit (entity, record);"
  "CREATE INDEX audit_redactions ON audit (pk) WHERE action = 'redact';"
  /* Append-only, with one exception: an erasure redacts the values the log
   * kept about the person, or the log would defeat the erasure. The
   * redaction must have been announced by a later 'redact' entry listing
   * the entry and its hash, so the chain stays verifiable; the hashes and
   * every other column stay as they were. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
  "WHEN NOT (NEW.changes IS '{\"redacted\":\"erasure\"}' AND NEW.pk IS OLD.pk "
  "  AND NEW.at IS OLD.at AND NEW.entity IS OLD.entity AND NEW.record IS OLD.record "
  "  AND NEW.action IS OLD.action AND NEW.content_hash IS OLD.content_hash "
  "  AND NEW.hash IS OLD.hash "
  "  AND EXISTS (SELECT 1 FROM audit r, json_each (r.changes, '$.entries') e "
  "    WHERE r.action = 'redact' AND r.pk > OLD.pk "
  "      AND json_extract (e.value, '$[0]') = OLD.pk "
  "      AND json_extract (e.value, '$[1]') = OLD.content_hash)) "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  /* A redaction is announced only for a person who has an erasure request:
   * the exception above cannot be used to rewrite the log otherwise. */
  "CREATE TRIGGER audit_redact_needs_erasure BEFORE INSERT ON audit "
  "WHEN NEW.action = 'redact' AND NOT EXISTS (SELECT 1 FROM requests r JOIN subjects s "
  "  ON s.pk = r.subject WHERE s.id = NEW.record AND r.kind = 'erasure') "
  "BEGIN SELECT RAISE (ABORT, 'a redaction of the audit log needs an erasure request'); END;";

/* Copies the version-1 log into audit_v2, chaining each entry to the one
 * before it, in the order they were written. */
static gboolean
chain_existing_rows (sqlite3  *db,
                     char    **message)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  char head[DPO_AUDIT_HASH_LENGTH + 1];
  int rc;

  _dpo_audit_genesis (head);
  rc = sqlite3_prepare_v2 (db, "SELECT pk, at, entity, record, action, changes FROM audit ORDER BY pk",
                           -1, &select, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO audit_v2 (pk, at, entity, record, action, changes, "
                             "content_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert, NULL);
  while (rc == SQLITE_OK && sqlite3_step (select) == SQLITE_ROW)
    {
      DpoAuditEntry entry = {
        .at = (const char *) sqlite3_column_text (select, 1),
        .entity = (const char *) sqlite3_column_text (select, 2),
        .record = (const char *) sqlite3_column_text (select, 3),
        .action = (const char *) sqlite3_column_text (select, 4),
        .changes = (const char *) sqlite3_column_text (select, 5),
      };
      char content_hash[DPO_AUDIT_HASH_LENGTH + 1];

      _dpo_audit_content_hash (&entry, content_hash);
      _dpo_audit_link_hash (head, content_hash, head);
      sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (select, 0));
      for (int i = 1; i <= 5; i++)
        sqlite3_bind_value (insert, i + 1, sqlite3_column_value (select, i));
      sqlite3_bind_text (insert, 7, content_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 8, head, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        rc = sqlite3_errcode (db);
      sqlite3_reset (insert);
    }
  if (rc != SQLITE_OK)
    *message = sqlite3_mprintf ("%s", sqlite3_errmsg (db));
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  return rc == SQLITE_OK;
}

/* Runs in the caller's transaction, so a failed step leaves the file as it was. */
gboolean
_dpo_store_migrate (sqlite3     *db,
                    int          from_version,
                    GError     **error)
{
  for (int version = from_version; version < DPO_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;
      char *message = NULL;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (sqlite3_exec (db, MIGRATIONS[version], NULL, NULL, &message) != SQLITE_OK ||
          (version + 1 == AUDIT_CHAIN_VERSION && !chain_existing_rows (db, &message)) ||
          (version + 1 == AUDIT_CHAIN_VERSION &&
           sqlite3_exec (db, MIGRATION_2_END, NULL, NULL, &message) != SQLITE_OK) ||
          (version + 1 == SEARCH_INDEX_VERSION && !_dpo_store_fill_search_index (db, &message)) ||
          (version + 1 == AFFECTED_BLOB_VERSION && !_dpo_affected_migrate_hashes (db, &message)) ||
          sqlite3_exec (db, set_version, NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                       _("Cannot upgrade the database to version %d: %s"), version + 1, message);
          sqlite3_free (message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
schema_object_free (gpointer data)
{
  DpoSchemaObject *object = data;

  g_free (object->type);
  g_free (object->name);
  g_free (object->sql);
  g_free (object);
}

/* Triggers first: they are the safeguards, and a verification names them
 * before anything else. */
#define SCHEMA_OBJECTS_SQL \
  "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " \
  "ORDER BY type <> 'trigger', name"

static GPtrArray *
read_reference_schema (void)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (schema_object_free);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  /* The migrations are constant text: if they cannot run on an empty
   * in-memory database, the program itself is broken. */
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      !_dpo_store_migrate (db, 0, &error) ||
      sqlite3_prepare_v2 (db, SCHEMA_OBJECTS_SQL, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("The reference schema cannot be built: %s", error ? error->message : sqlite3_errmsg (db));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DpoSchemaObject *object = g_new0 (DpoSchemaObject, 1);

      object->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      object->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      object->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (objects, object);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return objects;
}

GPtrArray *
_dpo_store_reference_schema (void)
{
  static GPtrArray *objects;

  if (g_once_init_enter (&objects))
    g_once_init_leave (&objects, read_reference_schema ());
  return objects;
}

/* The SQL of @name in @db, or NULL if it has none. */
static char *
read_object_sql (sqlite3    *db,
                 const char *type,
                 const char *name)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return sql;
}

gboolean
_dpo_store_safeguards_intact (sqlite3 *db)
{
  GPtrArray *reference = _dpo_store_reference_schema ();

  for (guint i = 0; i < reference->len; i++)
    {
      DpoSchemaObject *object = g_ptr_array_index (reference, i);
      g_autofree char *sql = NULL;

      if (!g_str_equal (object->type, "trigger"))
        continue;
      sql = read_object_sql (db, object->type, object->name);
      if (g_strcmp0 (sql, object->sql) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_trigger (DpoStore         *self,
                 DpoSchemaObject  *object,
                 gboolean          altered,
                 GError          **error)
{
  sqlite3 *db = _dpo_store_get_sqlite (self);
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS \"%s\"", object->name);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (sqlite3_exec (db, drop, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, object->sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _dpo_store_set_db_error (self, error);
      return FALSE;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "found");
  json_builder_add_string_value (builder, altered ? "altered" : "dropped");
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  g_message (altered ? _("%s: the safeguard “%s” had been altered; it was restored, and this is "
                         "recorded in the audit log.")
                     : _("%s: the safeguard “%s” had been removed; it was restored, and this is "
                         "recorded in the audit log."),
             dpo_store_get_path (self), object->name);
  return _dpo_store_audit (self, "safeguard", object->name, "restore", node, error);
}

gboolean
_dpo_store_restore_safeguards (DpoStore  *self,
                               GError   **error)
{
  GPtrArray *reference = _dpo_store_reference_schema ();

  for (guint i = 0; i < reference->len; i++)
    {
      DpoSchemaObject *object = g_ptr_array_index (reference, i);
      g_autofree char *sql = NULL;

      if (!g_str_equal (object->type, "trigger"))
        continue;
      sql = read_object_sql (_dpo_store_get_sqlite (self), object->type, object->name);
      if (g_strcmp0 (sql, object->sql) != 0 && !restore_trigger (self, object, sql != NULL, error))
        return FALSE;
    }
  return TRUE;
}
