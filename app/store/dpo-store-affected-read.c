/* dpo-store-affected-read.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-store-affected-private.h"

static void
informed_free (DpoInformed *informed)
{
  g_free (informed->channel);
  g_free (informed->sent_at);
  g_free (informed);
}

void
dpo_affected_entry_free (DpoAffectedEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->incident);
  g_free (entry->subject);
  g_clear_pointer (&entry->informed, g_ptr_array_unref);
  g_free (entry);
}

static DpoAffectedEntry *
entry_new (const char *incident,
           const char *subject,
           gboolean    listed)
{
  DpoAffectedEntry *entry = g_new0 (DpoAffectedEntry, 1);

  entry->incident = g_strdup (incident);
  entry->subject = g_strdup (subject);
  entry->listed = listed;
  entry->informed = g_ptr_array_new_with_free_func ((GDestroyNotify) informed_free);
  return entry;
}

static GPtrArray *
entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_affected_entry_free);
}

static gboolean
read_informed (DpoStore          *self,
               gint64             incident,
               gint64             subject,
               DpoAffectedEntry  *entry,
               GError           **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT channel, sent_at FROM informed "
                                                 "WHERE subject = ? AND incident = ? "
                                                 "ORDER BY sent_at, channel", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, subject);
  dpo_sql_bind_int64 (stmt, 2, incident);
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    {
      DpoInformed *informed = g_new0 (DpoInformed, 1);

      informed->channel = _dpo_column_text (stmt, 0);
      informed->sent_at = _dpo_column_text (stmt, 1);
      g_ptr_array_add (entry->informed, informed);
    }
  dpo_sql_reset (stmt);
  if (rc == DPO_SQL_DONE)
    return TRUE;
  _dpo_store_set_db_error (self, error);
  return FALSE;
}

/* Adds @entry to @entries unless an entry for its incident is there: then
 * merges it (listed wins; informed rows join). */
static void
add_entry (GPtrArray        *entries,
           DpoAffectedEntry *entry)
{
  for (guint i = 0; i < entries->len; i++)
    {
      DpoAffectedEntry *other = g_ptr_array_index (entries, i);

      if (!g_str_equal (other->incident, entry->incident))
        continue;
      other->listed = other->listed || entry->listed;
      if (other->subject == NULL)
        other->subject = g_steal_pointer (&entry->subject);
      g_ptr_array_extend_and_steal (other->informed, g_steal_pointer (&entry->informed));
      entry->informed = NULL;
      dpo_affected_entry_free (entry);
      return;
    }
  g_ptr_array_add (entries, entry);
}

/* The columns: incident pk, incident id, subject pk, subject id, listed. */
static gboolean
read_entries (DpoStore      *self,
              DpoSqlStmt  *stmt,
              GPtrArray     *entries,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = entries_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  int rc;

  /* Read the rows first: read_informed() uses another statement. */
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    {
      gint64 key[2] = { dpo_sql_column_int64 (stmt, 0), dpo_sql_column_int64 (stmt, 2) };

      g_ptr_array_add (rows, entry_new (dpo_sql_column_text (stmt, 1),
                                        dpo_sql_column_text (stmt, 3),
                                        dpo_sql_column_int (stmt, 4)));
      g_array_append_val (keys, key);
    }
  dpo_sql_reset (stmt);
  if (rc != DPO_SQL_DONE)
    {
      _dpo_store_set_db_error (self, error);
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 *key = (gint64 *) (void *) (keys->data + i * 2 * sizeof (gint64));

      if (!read_informed (self, key[0], key[1], g_ptr_array_index (rows, i), error))
        return FALSE;
    }
  while (rows->len > 0)
    add_entry (entries, g_ptr_array_steal_index (rows, 0));
  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const DpoAffectedEntry *x = *(DpoAffectedEntry * const *) a;
  const DpoAffectedEntry *y = *(DpoAffectedEntry * const *) b;

  return g_strcmp0 (x->incident, y->incident);
}

static gboolean
check_people (DpoStore     *self,
              const char   *nir,
              const char   *member_number,
              GPtrArray    *entries,
              GError      **error)
{
  /* A file's indexes compare without case (NOCASE), a server's on lower (…). */
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL
    ? "SELECT i.pk, i.id, s.pk, s.id, a.listed FROM subjects s "
      "JOIN affected a ON a.subject = s.pk JOIN incidents i ON i.pk = a.incident "
      "WHERE s.pk IN (SELECT pk FROM subjects WHERE ?1::text IS NOT NULL AND lower (nir) = lower (?1) "
      "  UNION SELECT pk FROM subjects WHERE ?2::text IS NOT NULL AND lower (member_number) = lower (?2)) "
      "ORDER BY i.id, a.listed DESC, s.id"
    : "SELECT i.pk, i.id, s.pk, s.id, a.listed FROM subjects s "
      "JOIN affected a ON a.subject = s.pk JOIN incidents i ON i.pk = a.incident "
      "WHERE s.pk IN (SELECT pk FROM subjects WHERE ?1 IS NOT NULL AND nir = ?1 COLLATE NOCASE "
      "  UNION SELECT pk FROM subjects WHERE ?2 IS NOT NULL AND member_number = ?2 COLLATE NOCASE) "
      "ORDER BY i.id, a.listed DESC, s.id", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, nir);
  _dpo_bind_text (stmt, 2, member_number);
  return read_entries (self, stmt, entries, error);
}

static void
bind_hash (DpoSqlStmt           *stmt,
           int                     index,
           const DpoAffectedKeyed *keyed,
           const char             *text,
           guint8                  buffer[DPO_AFFECTED_HASH_BYTES])
{
  if (text == NULL)
    return;
  _dpo_affected_hash (keyed, text, buffer);
  dpo_sql_bind_blob (stmt, index, buffer, DPO_AFFECTED_HASH_BYTES);
}

static gboolean
check_unmatched (DpoStore     *self,
                 const char   *nir,
                 const char   *member_number,
                 GPtrArray    *entries,
                 GError      **error)
{
  g_autoptr(GBytes) key = NULL;
  DpoAffectedKeyed keyed;
  guint8 nir_hash[DPO_AFFECTED_HASH_BYTES];
  guint8 member_hash[DPO_AFFECTED_HASH_BYTES];
  DpoSqlStmt *stmt;

  /* On a server only the officer reads the key: every role asks the
   * server's function, which hashes the numbers with it (dpo-pg-schema.c,
   * version 12). */
  if (_dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL)
    {
      stmt = _dpo_store_prepare (self,
        "SELECT i.pk, i.id, 0, NULL, 1 FROM incidents i WHERE i.pk IN ("
        "  SELECT dpo_affected_unmatched (?1, ?2)) ORDER BY i.id", error);
      if (stmt == NULL)
        return FALSE;
      _dpo_bind_text (stmt, 1, nir);
      _dpo_bind_text (stmt, 2, member_number);
      return read_entries (self, stmt, entries, error);
    }

  key = _dpo_affected_key (self, FALSE, NULL);
  /* No key: no list was ever imported, so no row is kept. */
  if (key == NULL)
    return TRUE;
  _dpo_affected_keyed_init (&keyed, key);
  /* One primary-key seek for each number: the table is clustered on
   * (kind, hash, incident). An absent number stays NULL and finds nothing. */
  stmt = _dpo_store_prepare (self,
    "SELECT i.pk, i.id, 0, NULL, 1 FROM incidents i WHERE i.pk IN ("
    "  SELECT h.incident FROM affected_hashes h WHERE h.kind = 0 AND h.hash = ?1 "
    "  UNION SELECT h.incident FROM affected_hashes h WHERE h.kind = 1 AND h.hash = ?2) "
    "ORDER BY i.id", error);
  if (stmt == NULL)
    return FALSE;
  /* The statement is kept between checks: no hash of an earlier one. */
  dpo_sql_clear_bindings (stmt);
  bind_hash (stmt, 1, &keyed, nir, nir_hash);
  bind_hash (stmt, 2, &keyed, member_number, member_hash);
  return read_entries (self, stmt, entries, error);
}

GPtrArray *
dpo_store_affected_check (DpoStore    *self,
                          const char  *nir,
                          const char  *member_number,
                          GError     **error)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *member = dpo_affected_normalize_member (member_number);

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  if (!check_people (self, nir, member, entries, error) ||
      !check_unmatched (self, nir, member, entries, error))
    return NULL;
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
dpo_store_affected_for_subject (DpoStore    *self,
                                const char  *subject_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  stmt = _dpo_store_prepare (self,
    "SELECT i.pk, i.id, s.pk, s.id, a.listed FROM subjects s "
    "JOIN affected a ON a.subject = s.pk JOIN incidents i ON i.pk = a.incident "
    "WHERE s.id = ? ORDER BY i.id", error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, subject_id);
  if (!read_entries (self, stmt, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

GPtrArray *
dpo_store_affected_people (DpoStore    *self,
                           const char  *incident_id,
                           guint64     *unmatched_count,
                           GError     **error)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autoptr(GPtrArray) rows = NULL;
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  /* Not merged by incident (read_entries() would): one entry per person. */
  stmt = _dpo_store_prepare (self,
    "SELECT i.pk, i.id, s.pk, s.id, a.listed FROM incidents i "
    "JOIN affected a ON a.incident = i.pk JOIN subjects s ON s.pk = a.subject "
    "WHERE i.id = ? ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, incident_id);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoAffectedEntry *entry = entry_new (dpo_sql_column_text (stmt, 1),
                                           dpo_sql_column_text (stmt, 3),
                                           dpo_sql_column_int (stmt, 4));

      g_ptr_array_add (entries, entry);
    }
  dpo_sql_reset (stmt);
  for (guint i = 0; i < entries->len; i++)
    {
      DpoAffectedEntry *entry = g_ptr_array_index (entries, i);
      DpoSqlStmt *informed = _dpo_store_prepare (self,
        "SELECT f.channel, f.sent_at FROM informed f JOIN incidents i ON i.pk = f.incident "
        "JOIN subjects s ON s.pk = f.subject WHERE i.id = ? AND s.id = ? "
        "ORDER BY f.sent_at, f.channel", error);

      if (informed == NULL)
        return NULL;
      _dpo_bind_text (informed, 1, incident_id);
      _dpo_bind_text (informed, 2, entry->subject);
      while (dpo_sql_step (informed) == DPO_SQL_ROW)
        {
          DpoInformed *row = g_new0 (DpoInformed, 1);

          row->channel = _dpo_column_text (informed, 0);
          row->sent_at = _dpo_column_text (informed, 1);
          g_ptr_array_add (entry->informed, row);
        }
      dpo_sql_reset (informed);
    }
  if (unmatched_count != NULL)
    {
      stmt = _dpo_store_prepare (self, "SELECT coalesce (sum (c.unmatched), 0) FROM affected_unmatched_count c "
                                       "JOIN incidents i ON i.pk = c.incident WHERE i.id = ?", error);
      if (stmt == NULL)
        return NULL;
      _dpo_bind_text (stmt, 1, incident_id);
      *unmatched_count = dpo_sql_step (stmt) == DPO_SQL_ROW ? dpo_sql_column_int64 (stmt, 0) : 0;
      dpo_sql_reset (stmt);
    }
  return g_steal_pointer (&entries);
}

/* "Reachable" follows the campaign's choice: email where there is an
 * address, else post where there is a postal address. */
gboolean
dpo_store_affected_summary (DpoStore            *self,
                            const char          *incident_id,
                            DpoAffectedSummary  *summary,
                            GError             **error)
{
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  stmt = _dpo_store_prepare (self,
    "WITH p AS (SELECT a.listed, coalesce (trim (s.email), '') != '' AS email, "
    "  coalesce (trim (s.postal_address), '') != '' AS post FROM incidents i "
    "  JOIN affected a ON a.incident = i.pk JOIN subjects s ON s.pk = a.subject WHERE i.id = ?1) "
    "SELECT (SELECT count(*) FROM p WHERE listed = 1), (SELECT count(*) FROM p WHERE listed = 0), "
    "  (SELECT coalesce (sum (c.unmatched), 0) FROM affected_unmatched_count c "
    "   JOIN incidents i ON i.pk = c.incident WHERE i.id = ?1), "
    "  (SELECT count(*) FROM p WHERE email), (SELECT count(*) FROM p WHERE NOT email AND post), "
    "  (SELECT count(*) FROM p WHERE NOT email AND NOT post)", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, incident_id);
  if (dpo_sql_step (stmt) != DPO_SQL_ROW)
    {
      dpo_sql_reset (stmt);
      _dpo_store_set_db_error (self, error);
      return FALSE;
    }
  summary->listed = dpo_sql_column_int64 (stmt, 0);
  summary->co_insured = dpo_sql_column_int64 (stmt, 1);
  summary->unmatched = dpo_sql_column_int64 (stmt, 2);
  summary->by_email = dpo_sql_column_int64 (stmt, 3);
  summary->by_post = dpo_sql_column_int64 (stmt, 4);
  summary->neither = dpo_sql_column_int64 (stmt, 5);
  dpo_sql_reset (stmt);
  return TRUE;
}
