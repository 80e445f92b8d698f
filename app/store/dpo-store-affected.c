/* dpo-store-affected.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "dpo-error.h"
#include "dpo-store-affected-private.h"

#define KEY_BYTES 32
#define IMPORT_CACHE_KIB 16384

struct _DpoAffectedImport
{
  DpoStore          *store;
  gint64             incident;
  DpoAffectedKeyed   keyed;
  DpoAffectedCounts *counts;
  /* The statements every row runs, looked up once: a list has millions. */
  DpoSqlStmt      *by_nir;
  DpoSqlStmt      *by_member;
  DpoSqlStmt      *list;
  DpoSqlStmt      *stage;
  /* A Bloom filter of the members' NIRs and member numbers (ASCII lower
   * case, as COLLATE NOCASE compares): a number it says no to is nobody's,
   * and most rows of a processor's list are nobody's. */
  guint64           *known;
  guint64            known_mask;
  /* What was staged, so that flush_unmatched() skips an empty pass. */
  guint64            staged_nir;
  guint64            staged_member_alone;
  guint64            staged_member_too;
};

/* The per-row statements. COLLATE NOCASE: the indexes on nir and
 * member_number are NOCASE in a file; a server's are on lower (…). The
 * staging table is found unqualified on both (temporary tables come
 * first). */
static gboolean
prepare_row_statements (DpoAffectedImport  *import,
                        GError            **error)
{
  gboolean server = _dpo_store_get_engine (import->store) == DPO_SQL_POSTGRESQL;

  import->by_nir = _dpo_store_prepare (import->store, server
    ? "SELECT pk FROM subjects WHERE lower (nir) = lower (?)"
    : "SELECT pk FROM subjects WHERE nir = ? COLLATE NOCASE", error);
  if (import->by_nir != NULL)
    import->by_member = _dpo_store_prepare (import->store, server
      ? "SELECT pk FROM subjects WHERE lower (member_number) = lower (?)"
      : "SELECT pk FROM subjects WHERE member_number = ? COLLATE NOCASE", error);
  if (import->by_member != NULL)
    import->list = _dpo_store_prepare (import->store,
      "INSERT INTO affected (incident, subject, listed) VALUES (?1, ?2, 1) "
      "ON CONFLICT (incident, subject) DO UPDATE SET listed = 1 WHERE affected.listed = 0", error);
  if (import->list != NULL)
    import->stage = _dpo_store_prepare (import->store,
      "INSERT INTO affected_staging (nir_hash, member_hash) VALUES (?, ?)", error);
  return import->stage != NULL;
}

/* At most 2^27 bits (16 MiB) whatever the number of members: beyond, the
 * filter says "maybe" more often and the lookup decides, as without it. */
#define KNOWN_MIN_BITS (G_GUINT64_CONSTANT (1) << 16)
#define KNOWN_MAX_BITS (G_GUINT64_CONSTANT (1) << 27)

/* FNV-1a over the text in ASCII lower case. */
static guint64
known_hash (const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (const char *p = text; *p != '\0'; p++)
    hash = (hash ^ (guchar) g_ascii_tolower (*p)) * G_GUINT64_CONSTANT (1099511628211);
  return hash;
}

/* Three probes from one hash (double hashing). */
#define KNOWN_PROBES 3

static void
known_add (DpoAffectedImport *import,
           const char        *text)
{
  guint64 hash = known_hash (text);
  guint64 step = (hash >> 32) | 1;

  for (guint i = 0; i < KNOWN_PROBES; i++, hash += step)
    import->known[(hash & import->known_mask) / 64] |= G_GUINT64_CONSTANT (1) << (hash % 64);
}

static gboolean
known_maybe (const DpoAffectedImport *import,
             const char              *text)
{
  guint64 hash = known_hash (text);
  guint64 step = (hash >> 32) | 1;

  for (guint i = 0; i < KNOWN_PROBES; i++, hash += step)
    if (!(import->known[(hash & import->known_mask) / 64] & (G_GUINT64_CONSTANT (1) << (hash % 64))))
      return FALSE;
  return TRUE;
}

/* About 16 bits per number (under 0.5 % said "maybe" wrongly). */
static gboolean
fill_known (DpoAffectedImport  *import,
            GError            **error)
{
  gint64 subjects = _dpo_store_query_int (import->store, "SELECT count(*) FROM subjects");
  guint64 bits = KNOWN_MIN_BITS;
  DpoSqlStmt *stmt;
  int rc;

  while (bits < KNOWN_MAX_BITS && bits < (guint64) MAX (subjects, 0) * 2 * 16)
    bits *= 2;
  import->known = g_new0 (guint64, bits / 64);
  import->known_mask = bits - 1;
  stmt = _dpo_store_prepare (import->store, "SELECT nir, member_number FROM subjects", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    for (int column = 0; column < 2; column++)
      if (!dpo_sql_column_is_null (stmt, column))
        known_add (import, dpo_sql_column_text (stmt, column));
  dpo_sql_reset (stmt);
  if (rc == DPO_SQL_DONE)
    return TRUE;
  _dpo_store_set_db_error (import->store, error);
  return FALSE;
}

char *
dpo_affected_normalize_member (const char *member_number)
{
  g_autofree char *text = NULL;

  if (member_number == NULL)
    return NULL;
  text = g_ascii_strup (member_number, -1);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static GBytes *
read_key (DpoStore  *self,
          GError   **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT value FROM store_state "
                                                 "WHERE key = 'affected_hmac_key'", error);
  g_autofree char *hex = NULL;
  guint8 key[KEY_BYTES];

  if (stmt == NULL)
    return NULL;
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    hex = g_strdup (dpo_sql_column_text (stmt, 0));
  dpo_sql_reset (stmt);
  if (hex == NULL || strlen (hex) != 2 * KEY_BYTES)
    return NULL;
  for (guint i = 0; i < KEY_BYTES; i++)
    key[i] = g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new (key, sizeof key);
}

/* 32 bytes from the kernel's random source, once per database: the key
 * must be unguessable, or the hashes of NIRs (a small space) could be
 * reversed by trying every number. */
static gboolean
create_key (DpoStore  *self,
            GError   **error)
{
  guint8 key[KEY_BYTES];
  char hex[2 * KEY_BYTES + 1];
  DpoSqlStmt *stmt;

  if (getrandom (key, sizeof key, 0) != sizeof key)
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_FAILED,
                           _("Cannot draw a random key for the list’s hashes."));
      return FALSE;
    }
  for (guint i = 0; i < KEY_BYTES; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", key[i]);
  stmt = _dpo_store_prepare (self, "INSERT INTO store_state (key, value) "
                                   "VALUES ('affected_hmac_key', ?)", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, hex);
  return _dpo_store_step_done (self, stmt, error);
}

GBytes *
_dpo_affected_key (DpoStore  *self,
                   gboolean   create,
                   GError   **error)
{
  GBytes *key = read_key (self, error);

  if (key != NULL || !create)
    return key;
  if (!create_key (self, error))
    return NULL;
  return read_key (self, error);
}

void
_dpo_affected_keyed_init (DpoAffectedKeyed *keyed,
                          GBytes           *key)
{
  hmac_sha256_set_key (&keyed->ready, g_bytes_get_size (key), g_bytes_get_data (key, NULL));
}

void
_dpo_affected_hash (const DpoAffectedKeyed *keyed,
                    const char             *text,
                    guint8                  out[DPO_AFFECTED_HASH_BYTES])
{
  struct hmac_sha256_ctx hmac = keyed->ready;

  hmac_sha256_update (&hmac, strlen (text), (const guint8 *) text);
  hmac_sha256_digest (&hmac, DPO_AFFECTED_HASH_BYTES, out);
}

/* Binds a hash, or the empty blob that stands for "no such number". */
static void
bind_hash (DpoSqlStmt           *stmt,
           int                     index,
           const DpoAffectedKeyed *keyed,
           const char             *text,
           guint8                  buffer[DPO_AFFECTED_HASH_BYTES])
{
  if (text == NULL)
    {
      dpo_sql_bind_blob (stmt, index, "", 0);
      return;
    }
  _dpo_affected_hash (keyed, text, buffer);
  dpo_sql_bind_blob (stmt, index, buffer, DPO_AFFECTED_HASH_BYTES);
}

static gboolean
decode_hex (const char *hex,
            guint8      out[DPO_AFFECTED_HASH_BYTES])
{
  if (hex == NULL || strlen (hex) != 2 * DPO_AFFECTED_HASH_BYTES)
    return FALSE;
  for (guint i = 0; i < DPO_AFFECTED_HASH_BYTES; i++)
    {
      int high = g_ascii_xdigit_value (hex[2 * i]);
      int low = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      out[i] = high * 16 + low;
    }
  return TRUE;
}

static void
bind_hex_hash (DpoSqlStmt *stmt,
               int           index,
               const char   *hex,
               guint8        buffer[DPO_AFFECTED_HASH_BYTES])
{
  if (decode_hex (hex, buffer))
    dpo_sql_bind_blob (stmt, index, buffer, DPO_AFFECTED_HASH_BYTES);
  else
    dpo_sql_bind_blob (stmt, index, "", 0);
}

gboolean
_dpo_affected_migrate_hashes (sqlite3  *db,
                          char    **message)
{
  /* A migration runs on a file alone: the seam over its connection, borrowed. */
  DpoSqlConn conn = { DPO_SQL_SQLITE, db, NULL };
  g_autoptr(DpoSqlStmt) select = NULL;
  g_autoptr(DpoSqlStmt) insert = NULL;
  int rc = SQLITE_ERROR;

  select = dpo_sql_prepare (&conn, "SELECT incident, nir_hash, member_hash FROM affected_unmatched_v6", FALSE);
  if (select != NULL)
    insert = dpo_sql_prepare (&conn, "INSERT OR IGNORE INTO affected_unmatched (incident, nir_hash, "
                              "member_hash) VALUES (?, ?, ?)", FALSE);
  if (insert != NULL)
    rc = SQLITE_OK;
  while (rc == SQLITE_OK && dpo_sql_step (select) == DPO_SQL_ROW)
    {
      guint8 nir[DPO_AFFECTED_HASH_BYTES], member[DPO_AFFECTED_HASH_BYTES];

      dpo_sql_bind_int64 (insert, 1, dpo_sql_column_int64 (select, 0));
      bind_hex_hash (insert, 2, dpo_sql_column_text (select, 1), nir);
      bind_hex_hash (insert, 3, dpo_sql_column_text (select, 2), member);
      if (dpo_sql_step (insert) != DPO_SQL_DONE)
        rc = sqlite3_errcode (db);
      dpo_sql_reset (insert);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "DROP TABLE affected_unmatched_v6", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    *message = sqlite3_mprintf ("%s", sqlite3_errmsg (db));
  return rc == SQLITE_OK;
}

static gboolean
step_done (DpoAffectedImport  *import,
           DpoSqlStmt       *stmt,
           GError            **error)
{
  int rc = dpo_sql_step (stmt);

  dpo_sql_reset (stmt);
  if (rc == DPO_SQL_DONE || rc == DPO_SQL_ROW)
    return TRUE;
  _dpo_store_set_db_error (import->store, error);
  return FALSE;
}

/* Lists the person, or makes a co-insured person listed; counts whether
 * that changed anything. */
static gboolean
list_person (DpoAffectedImport  *import,
             gint64              subject,
             GError            **error)
{
  dpo_sql_bind_int64 (import->list, 1, import->incident);
  dpo_sql_bind_int64 (import->list, 2, subject);
  if (!step_done (import, import->list, error))
    return FALSE;
  import->counts->newly_listed += dpo_sql_changes (_dpo_store_get_db (import->store));
  return TRUE;
}

/* Lists the people @lookup finds for @key; TRUE in @matched if any. */
static gboolean
match_by (DpoAffectedImport  *import,
          DpoSqlStmt       *lookup,
          const char         *key,
          gboolean           *matched,
          GError            **error)
{
  g_autoptr(GArray) people = NULL;
  int rc;

  if (key == NULL || !known_maybe (import, key))
    return TRUE;
  dpo_sql_bind_text (lookup, 1, key);
  /* Nearly always one person or none: no array unless there is one. */
  while ((rc = dpo_sql_step (lookup)) == DPO_SQL_ROW)
    {
      gint64 pk = dpo_sql_column_int64 (lookup, 0);

      if (people == NULL)
        people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (people, pk);
    }
  dpo_sql_reset (lookup);
  if (rc != DPO_SQL_DONE)
    {
      _dpo_store_set_db_error (import->store, error);
      return FALSE;
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (!list_person (import, g_array_index (people, gint64, i), error))
      return FALSE;
  *matched = *matched || people != NULL;
  return TRUE;
}

static gboolean
match_row (DpoAffectedImport  *import,
           const char         *nir,
           const char         *member_number,
           gboolean           *matched,
           GError            **error)
{
  return match_by (import, import->by_nir, nir, matched, error) &&
         match_by (import, import->by_member, member_number, matched, error);
}

/* Unmatched rows wait, hashed, in a private table without an index (an
 * append costs little); flush_unmatched() moves them in at the end. */
static gboolean
keep_unmatched (DpoAffectedImport  *import,
                const char         *nir,
                const char         *member_number,
                GError            **error)
{
  DpoSqlStmt *stmt = import->stage;
  guint8 nir_hash[DPO_AFFECTED_HASH_BYTES];
  guint8 member_hash[DPO_AFFECTED_HASH_BYTES];

  bind_hash (stmt, 1, &import->keyed, nir, nir_hash);
  bind_hash (stmt, 2, &import->keyed, member_number, member_hash);
  if (!step_done (import, stmt, error))
    return FALSE;
  import->staged_nir += nir != NULL;
  import->staged_member_alone += nir == NULL && member_number != NULL;
  import->staged_member_too += nir != NULL && member_number != NULL;
  import->counts->unmatched++;
  return TRUE;
}

/* Hashes are random: inserted in file order, each would land on a random
 * page of the table, and a list of millions would spend its time moving
 * pages between the disk and a small cache. Sorted (SQLite's sorter works
 * in bounded memory), each kind's hashes go in at the end of its range of
 * the table, which is clustered on (kind, hash, incident). */
static gboolean
exec_sql (DpoStore    *self,
          const char  *sql,
          GError     **error)
{
  if (dpo_sql_exec (_dpo_store_get_db (self), sql))
    return TRUE;
  _dpo_store_set_db_error (self, error);
  return FALSE;
}

/* Inserts the hashes @select picks from the staged rows, as @kind, sorted;
 * adds to @added how many were not kept for this incident before. */
static gboolean
insert_hashes (DpoAffectedImport  *import,
               guint64             staged,
               int                 kind,
               const char         *select,
               guint64            *added,
               GError            **error)
{
  g_autofree char *sql = NULL;
  DpoSqlStmt *stmt;

  if (staged == 0)
    return TRUE;
  /* "WHERE true": SQLite's parser needs it before ON CONFLICT. */
  sql = g_strdup_printf ("INSERT INTO affected_hashes (kind, hash, incident) "
                         "SELECT %d, h, ?1 FROM (%s) AS staged WHERE true ORDER BY h "
                         "ON CONFLICT DO NOTHING", kind, select);
  stmt = _dpo_store_prepare (import->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, import->incident);
  if (!_dpo_store_step_done (import->store, stmt, error))
    return FALSE;
  if (added != NULL)
    *added += dpo_sql_changes (_dpo_store_get_db (import->store));
  return TRUE;
}

/* A row is identified by its NIR, or by its member number when it has no
 * NIR: it is new, and counted in unmatched_added and the incident's count,
 * when that number was not kept for this incident before (nor earlier in
 * the same list). Its other number is kept too, and found by a check. */
static gboolean
flush_unmatched (DpoAffectedImport  *import,
                 GError            **error)
{
  DpoStore *self = import->store;
  guint64 added = 0;
  DpoSqlStmt *stmt;

  if (!insert_hashes (import, import->staged_nir, 0,
                      "SELECT nir_hash AS h FROM affected_staging WHERE length (nir_hash) > 0",
                      &added, error) ||
      !insert_hashes (import, import->staged_member_alone, 1,
                      "SELECT member_hash AS h FROM affected_staging WHERE length (nir_hash) = 0",
                      &added, error) ||
      !insert_hashes (import, import->staged_member_too, 1,
                      "SELECT member_hash AS h FROM affected_staging "
                      "WHERE length (nir_hash) > 0 AND length (member_hash) > 0",
                      NULL, error))
    return FALSE;
  import->counts->unmatched_added = added;
  if (added > 0)
    {
      stmt = _dpo_store_prepare (self,
        "INSERT INTO affected_unmatched_count (incident, unmatched) VALUES (?, ?) "
        "ON CONFLICT (incident) DO UPDATE SET unmatched = affected_unmatched_count.unmatched + excluded.unmatched", error);
      if (stmt == NULL)
        return FALSE;
      dpo_sql_bind_int64 (stmt, 1, import->incident);
      dpo_sql_bind_int64 (stmt, 2, added);
      if (!_dpo_store_step_done (self, stmt, error))
        return FALSE;
    }
  return exec_sql (self, "DELETE FROM affected_staging", error);
}

gboolean
dpo_affected_import_add_row (DpoAffectedImport  *import,
                             const char         *nir,
                             const char         *member_number,
                             GError            **error)
{
  g_autofree char *member = dpo_affected_normalize_member (member_number);
  gboolean matched = FALSE;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (nir != NULL || member != NULL, FALSE);

  import->counts->rows++;
  if (!match_row (import, nir, member, &matched, error))
    return FALSE;
  if (matched)
    {
      import->counts->matched++;
      return TRUE;
    }
  return keep_unmatched (import, nir, member, error);
}

/* Everyone covered by a contract that covers a listed person, as holder
 * or beneficiary, is affected too: the processor stole the contract's
 * data, which name them all. */
static const char ADD_CO_INSURED[] =
  "WITH listed AS (SELECT subject FROM affected WHERE incident = ?1 AND listed = 1), "
  "touched AS (SELECT c.pk AS contract FROM contracts c JOIN listed l ON c.subject = l.subject "
  "  UNION SELECT b.contract FROM contract_beneficiaries b JOIN listed l ON b.subject = l.subject) "
  "INSERT INTO affected (incident, subject, listed) "
  "SELECT ?1, c.subject, 0 FROM contracts c WHERE c.pk IN (SELECT contract FROM touched) "
  "UNION SELECT ?1, b.subject, 0 FROM contract_beneficiaries b "
  "WHERE b.contract IN (SELECT contract FROM touched) "
  "ON CONFLICT DO NOTHING";

static gboolean
add_co_insured (DpoAffectedImport  *import,
                GError            **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (import->store, ADD_CO_INSURED, error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, import->incident);
  if (!_dpo_store_step_done (import->store, stmt, error))
    return FALSE;
  import->counts->co_insured_added = dpo_sql_changes (_dpo_store_get_db (import->store));
  return TRUE;
}

static JsonNode *
audit_changes (const char              *file_name,
               const DpoAffectedCounts *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "import");
  json_builder_add_string_value (builder, file_name != NULL ? file_name : "");
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, counts->rows);
  json_builder_set_member_name (builder, "matched");
  json_builder_add_int_value (builder, counts->matched);
  json_builder_set_member_name (builder, "newly_listed");
  json_builder_add_int_value (builder, counts->newly_listed);
  json_builder_set_member_name (builder, "co_insured_added");
  json_builder_add_int_value (builder, counts->co_insured_added);
  json_builder_set_member_name (builder, "unmatched");
  json_builder_add_int_value (builder, counts->unmatched);
  json_builder_set_member_name (builder, "unmatched_added");
  json_builder_add_int_value (builder, counts->unmatched_added);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gint64
incident_pk (DpoStore    *self,
             const char  *incident_id,
             GError     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT pk FROM incidents WHERE id = ?", error);
  gint64 pk = 0;

  if (stmt == NULL)
    return 0;
  _dpo_bind_text (stmt, 1, incident_id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    pk = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  if (pk == 0)
    g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."), incident_id);
  return pk;
}

typedef struct
{
  const char        *incident_id;
  const char        *file_name;
  DpoAffectedSource  source;
  gpointer           user_data;
  DpoAffectedCounts *counts;
} ImportJob;

static gboolean
import_write (DpoStore  *self,
              gpointer   data,
              GError   **error)
{
  ImportJob *job = data;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(JsonNode) changes = NULL;
  DpoAffectedSummary summary;
  DpoAffectedImport import = { .store = self, .counts = job->counts };
  gboolean ok;

  import.incident = incident_pk (self, job->incident_id, error);
  if (import.incident == 0)
    return FALSE;
  key = _dpo_affected_key (self, TRUE, error);
  if (key == NULL)
    return FALSE;
  _dpo_affected_keyed_init (&import.keyed, key);

  ok = exec_sql (self, _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL
                       ? "CREATE TEMP TABLE IF NOT EXISTS affected_staging "
                         "(nir_hash BYTEA, member_hash BYTEA); DELETE FROM affected_staging"
                       : "CREATE TEMP TABLE IF NOT EXISTS affected_staging "
                         "(nir_hash BLOB, member_hash BLOB); DELETE FROM affected_staging", error) &&
       prepare_row_statements (&import, error) &&
       fill_known (&import, error) &&
       job->source (&import, job->user_data, error);
  g_clear_pointer (&import.known, g_free);
  if (!ok ||
      !flush_unmatched (&import, error) ||
      !add_co_insured (&import, error) ||
      !dpo_store_affected_summary (self, job->incident_id, &summary, error))
    return FALSE;
  job->counts->by_email = summary.by_email;
  job->counts->by_post = summary.by_post;
  job->counts->neither = summary.neither;
  changes = audit_changes (job->file_name, job->counts);
  return _dpo_store_audit (self, "affected", job->incident_id, "insert", changes, error);
}

gboolean
dpo_store_import_affected (DpoStore           *self,
                           const char         *incident_id,
                           const char         *file_name,
                           DpoAffectedSource   source,
                           gpointer            user_data,
                           DpoAffectedCounts  *counts,
                           GError            **error)
{
  DpoAffectedCounts local = { 0 };
  ImportJob job = { incident_id, file_name, source, user_data, counts != NULL ? counts : &local };
  g_autofree char *restore = NULL;
  gint64 cache_size;
  gboolean ok;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident_id != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  memset (job.counts, 0, sizeof *job.counts);
  /* A bigger page cache for the lookups and the sorted insert, within the
   * 100 MB a list of any length may take. */
  if (_dpo_store_get_sqlite (self) == NULL)
    return _dpo_store_write (self, import_write, &job, error);
  cache_size = _dpo_store_query_int (self, "PRAGMA cache_size");
  sqlite3_exec (_dpo_store_get_sqlite (self), "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB),
                NULL, NULL, NULL);
  ok = _dpo_store_write (self, import_write, &job, error);
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  sqlite3_exec (_dpo_store_get_sqlite (self), restore, NULL, NULL, NULL);
  return ok;
}
