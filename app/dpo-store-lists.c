/* dpo-store-lists.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-paged-model.h"
#include "dpo-store-private.h"

/* Searches on the big tables are prefix matches ("Mart" finds Martin) that
 * SQLite answers from the NOCASE indexes; % and _ are dropped from the text
 * so the pattern stays a plain prefix. */
static char *
prefix_pattern (const char *search)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = search; *p != '\0'; p++)
    if (*p != '%' && *p != '_' && *p != '\\')
      g_string_append_c (pattern, *p);
  g_strstrip (pattern->str);
  pattern->len = strlen (pattern->str);
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static gboolean
is_blank (const char *search)
{
  for (const char *p = search; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static guint
count_table (DpoStore   *self,
             const char *sql)
{
  sqlite3_stmt *stmt = _dpo_store_prepare (self, sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

guint
dpo_store_count_incidents (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), 0);
  return count_table (self, "SELECT count(*) FROM incidents");
}

guint
dpo_store_count_subjects (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), 0);
  return count_table (self, "SELECT count(*) FROM subjects");
}

guint
dpo_store_count_requests (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), 0);
  return count_table (self, "SELECT count(*) FROM requests");
}

static gpointer
read_incident (sqlite3_stmt *stmt)
{
  return _dpo_incident_from_row (stmt);
}

static gpointer
read_subject (sqlite3_stmt *stmt)
{
  return _dpo_subject_from_row (stmt);
}

static gpointer
read_request (sqlite3_stmt *stmt)
{
  return _dpo_request_from_row (stmt);
}

/* The incident register is short (a few per year): a substring search over
 * reference, title and processor is instant without an index. */
#define INCIDENT_MATCH \
  " WHERE ?1 = '' OR instr (lower (i.id || ' ' || i.title || ' ' || ifnull (i.processor, '')), lower (?1)) > 0"

GListModel *
dpo_store_list_incidents (DpoStore   *self,
                          const char *search)
{
  g_autofree char *text = g_strstrip (g_strdup (search != NULL ? search : ""));

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  return G_LIST_MODEL (dpo_paged_model_new (self,
                                            "SELECT count(*) FROM incidents i" INCIDENT_MATCH,
                                            "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i"
                                            INCIDENT_MATCH " ORDER BY i.aware_at DESC, i.pk DESC"
                                            " LIMIT ?2 OFFSET ?3",
                                            DPO_TYPE_INCIDENT_RECORD, read_incident, text));
}

#define SUBJECT_MATCH \
  " WHERE s.last_name LIKE ?1 OR s.first_name LIKE ?1 OR s.member_number LIKE ?1" \
  " OR s.nir LIKE replace (?1, ' ', '') OR s.id LIKE ?1"

GListModel *
dpo_store_list_subjects (DpoStore   *self,
                         const char *search)
{
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  if (is_blank (search))
    return G_LIST_MODEL (dpo_paged_model_new (self,
                                              "SELECT count(*) FROM subjects WHERE ?1 = ?1",
                                              "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                              " ORDER BY s.last_name COLLATE NOCASE,"
                                              " s.first_name COLLATE NOCASE LIMIT ?2 OFFSET ?3",
                                              DPO_TYPE_SUBJECT_RECORD, read_subject, ""));

  pattern = prefix_pattern (search);
  return G_LIST_MODEL (dpo_paged_model_new (self,
                                            "SELECT count(*) FROM subjects s" SUBJECT_MATCH,
                                            "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                            SUBJECT_MATCH " ORDER BY s.last_name COLLATE NOCASE,"
                                            " s.first_name COLLATE NOCASE LIMIT ?2 OFFSET ?3",
                                            DPO_TYPE_SUBJECT_RECORD, read_subject, pattern));
}

#define REQUEST_MATCH \
  " WHERE r.id LIKE ?1 OR r.subject IN (SELECT s2.pk FROM subjects s2 WHERE" \
  " s2.last_name LIKE ?1 OR s2.member_number LIKE ?1 OR s2.nir LIKE replace (?1, ' ', ''))"

GListModel *
dpo_store_list_requests (DpoStore   *self,
                         const char *search)
{
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  if (is_blank (search))
    return G_LIST_MODEL (dpo_paged_model_new (self,
                                              "SELECT count(*) FROM requests WHERE ?1 = ?1",
                                              "SELECT " DPO_REQUEST_COLUMNS " FROM requests r"
                                              " LEFT JOIN subjects s ON s.pk = r.subject"
                                              " ORDER BY r.received_at DESC, r.pk DESC"
                                              " LIMIT ?2 OFFSET ?3",
                                              DPO_TYPE_REQUEST_RECORD, read_request, ""));

  pattern = prefix_pattern (search);
  return G_LIST_MODEL (dpo_paged_model_new (self,
                                            "SELECT count(*) FROM requests r" REQUEST_MATCH,
                                            "SELECT " DPO_REQUEST_COLUMNS " FROM requests r"
                                            " LEFT JOIN subjects s ON s.pk = r.subject"
                                            REQUEST_MATCH " ORDER BY r.received_at DESC, r.pk DESC"
                                            " LIMIT ?2 OFFSET ?3",
                                            DPO_TYPE_REQUEST_RECORD, read_request, pattern));
}
