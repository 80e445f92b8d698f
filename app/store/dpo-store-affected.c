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

struct _DpoAffectedImport
{
  DpoStore          *store;
  gint64             incident;
  GHmac             *keyed;
  DpoAffectedCounts *counts;
};

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
  sqlite3_stmt *stmt = _dpo_store_prepare (self, "SELECT value FROM store_state "
                                                 "WHERE key = 'affected_hmac_key'", error);
  g_autofree char *hex = NULL;
  guint8 key[KEY_BYTES];

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hex = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt;

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
_dpo_affected_hash (GHmac      *keyed,
                    const char *text,
                    char        out[DPO_AFFECTED_HASH_LENGTH + 1])
{
  g_autoptr(GHmac) hmac = g_hmac_copy (keyed);

  g_hmac_update (hmac, (const guchar *) text, strlen (text));
  memcpy (out, g_hmac_get_string (hmac), DPO_AFFECTED_HASH_LENGTH);
  out[DPO_AFFECTED_HASH_LENGTH] = '\0';
}

/* Lists (or, with @listed FALSE, adds as co-insured) one person; counts
 * whether that changed anything. */
static gboolean
list_person (DpoAffectedImport  *import,
             gint64              subject,
             GError            **error)
{
  sqlite3_stmt *stmt = _dpo_store_prepare (import->store,
    "INSERT INTO affected (incident, subject, listed) VALUES (?1, ?2, 1) "
    "ON CONFLICT (incident, subject) DO UPDATE SET listed = 1 WHERE listed = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->incident);
  sqlite3_bind_int64 (stmt, 2, subject);
  if (!_dpo_store_step_done (import->store, stmt, error))
    return FALSE;
  import->counts->newly_listed += sqlite3_changes (_dpo_store_get_db (import->store));
  return TRUE;
}

/* Lists the people with that NIR or member number; FALSE in @matched if
 * there is none. */
static gboolean
match_row (DpoAffectedImport  *import,
           const char         *nir,
           const char         *member_number,
           gboolean           *matched,
           GError            **error)
{
  /* COLLATE NOCASE: the indexes on nir and member_number are NOCASE. */
  sqlite3_stmt *stmt = _dpo_store_prepare (import->store,
    "SELECT pk FROM subjects WHERE ?1 IS NOT NULL AND nir = ?1 COLLATE NOCASE "
    "UNION SELECT pk FROM subjects WHERE ?2 IS NOT NULL AND member_number = ?2 COLLATE NOCASE",
    error);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, nir);
  _dpo_bind_text (stmt, 2, member_number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pk = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (people, pk);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dpo_store_set_db_error (import->store, error);
      return FALSE;
    }
  *matched = people->len > 0;
  for (guint i = 0; i < people->len; i++)
    if (!list_person (import, g_array_index (people, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
keep_unmatched (DpoAffectedImport  *import,
                const char         *nir,
                const char         *member_number,
                GError            **error)
{
  sqlite3_stmt *stmt = _dpo_store_prepare (import->store,
    "INSERT OR IGNORE INTO affected_unmatched (incident, nir_hash, member_hash) VALUES (?, ?, ?)",
    error);
  char nir_hash[DPO_AFFECTED_HASH_LENGTH + 1];
  char member_hash[DPO_AFFECTED_HASH_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->incident);
  if (nir != NULL)
    {
      _dpo_affected_hash (import->keyed, nir, nir_hash);
      sqlite3_bind_text (stmt, 2, nir_hash, -1, SQLITE_STATIC);
    }
  if (member_number != NULL)
    {
      _dpo_affected_hash (import->keyed, member_number, member_hash);
      sqlite3_bind_text (stmt, 3, member_hash, -1, SQLITE_STATIC);
    }
  if (!_dpo_store_step_done (import->store, stmt, error))
    return FALSE;
  import->counts->unmatched++;
  import->counts->unmatched_added += sqlite3_changes (_dpo_store_get_db (import->store));
  return TRUE;
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
  "INSERT OR IGNORE INTO affected (incident, subject, listed) "
  "SELECT ?1, c.subject, 0 FROM contracts c WHERE c.pk IN touched "
  "UNION SELECT ?1, b.subject, 0 FROM contract_beneficiaries b WHERE b.contract IN touched";

static gboolean
add_co_insured (DpoAffectedImport  *import,
                GError            **error)
{
  sqlite3_stmt *stmt = _dpo_store_prepare (import->store, ADD_CO_INSURED, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import->incident);
  if (!_dpo_store_step_done (import->store, stmt, error))
    return FALSE;
  import->counts->co_insured_added = sqlite3_changes (_dpo_store_get_db (import->store));
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
  sqlite3_stmt *stmt = _dpo_store_prepare (self, "SELECT pk FROM incidents WHERE id = ?", error);
  gint64 pk = 0;

  if (stmt == NULL)
    return 0;
  _dpo_bind_text (stmt, 1, incident_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pk = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
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
  g_autoptr(GHmac) keyed = NULL;
  g_autoptr(JsonNode) changes = NULL;
  DpoAffectedSummary summary;
  DpoAffectedImport import = { self, 0, NULL, job->counts };

  import.incident = incident_pk (self, job->incident_id, error);
  if (import.incident == 0)
    return FALSE;
  key = _dpo_affected_key (self, TRUE, error);
  if (key == NULL)
    return FALSE;
  keyed = g_hmac_new (G_CHECKSUM_SHA256, g_bytes_get_data (key, NULL), g_bytes_get_size (key));
  import.keyed = keyed;

  if (!job->source (&import, job->user_data, error) ||
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

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident_id != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  memset (job.counts, 0, sizeof *job.counts);
  return _dpo_store_write (self, import_write, &job, error);
}
