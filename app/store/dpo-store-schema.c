/* dpo-store-schema.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
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
  "BEGIN SELECT RAISE (ABORT, '" DPO_ERASURE_RULE_MESSAGE "'); END;"
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
};

G_STATIC_ASSERT (G_N_ELEMENTS (MIGRATIONS) == DPO_STORE_SCHEMA_VERSION);

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
