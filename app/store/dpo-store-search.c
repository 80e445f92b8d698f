/* dpo-store-search.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-search-text.h"
#include "dpo-store-private.h"

/* The search index: subjects_search and requests_search (FTS5, trigram
 * tokenizer), one row per person or request under its pk, holding the
 * folded text of what a search looks in. Folding is dpo_search_fold(), in
 * C, so the index is written here on every path that writes those columns
 * (the store's inserts and updates, the bulk loader, the migration that
 * built it), not by triggers: a trigger would need the function registered
 * on every connection, other programs' included. Deletions, which need no
 * folding, are triggers (subjects_search_delete, requests_search_delete). */

static char *
subject_text (const char *id,
              const char *last_name,
              const char *first_name,
              const char *member_number,
              const char *nir)
{
  g_autofree char *joined = g_strjoin (" ", last_name ? last_name : "", first_name ? first_name : "",
                                       id ? id : "", member_number ? member_number : "", NULL);
  g_autofree char *folded = dpo_search_fold (joined);
  g_autofree char *compact_nir = dpo_search_fold_compact (nir);

  /* The NIR without its spaces: typed in groups ("2 78 04"), it is
   * searched as one number (dpo_search_number). */
  return g_strconcat (folded, " ", compact_nir, NULL);
}

static char *
request_text (const char *id,
              const char *requester_name)
{
  g_autofree char *joined = g_strjoin (" ", id ? id : "", requester_name ? requester_name : "", NULL);

  return dpo_search_fold (joined);
}

char *
_dpo_store_request_search_text (const char *id,
                                const char *requester_name)
{
  return request_text (id, requester_name);
}

static gboolean
write_entry (DpoStore    *self,
             const char  *delete_sql,
             const char  *insert_sql,
             gint64       pk,
             const char  *text,
             GError     **error)
{
  DpoSqlStmt *stmt;

  if (delete_sql != NULL)
    {
      stmt = _dpo_store_prepare (self, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      dpo_sql_bind_int64 (stmt, 1, pk);
      if (!_dpo_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = _dpo_store_prepare (self, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, pk);
  dpo_sql_bind_text (stmt, 2, text);
  return _dpo_store_step_done (self, stmt, error);
}

gboolean
_dpo_store_index_subject (DpoStore          *self,
                          const DpoSubject  *subject,
                          gboolean           replace,
                          GError           **error)
{
  g_autofree char *text = subject_text (subject->id, subject->last_name, subject->first_name,
                                        subject->member_number, subject->nir);

  return write_entry (self, replace ? "DELETE FROM subjects_search WHERE rowid = ?" : NULL,
                      "INSERT INTO subjects_search (rowid, text) VALUES (?, ?)",
                      subject->rowid, text, error);
}

gboolean
_dpo_store_index_request (DpoStore          *self,
                          const DpoRequest  *request,
                          gboolean           replace,
                          GError           **error)
{
  g_autofree char *text = request_text (request->id, request->requester_name);

  return write_entry (self, replace ? "DELETE FROM requests_search WHERE rowid = ?" : NULL,
                      "INSERT INTO requests_search (rowid, text) VALUES (?, ?)",
                      request->rowid, text, error);
}

/* dpo_search_request_text(ID, REQUESTER_NAME): request_text() in SQL. */
static void
search_request_text (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  char *text = request_text ((const char *) sqlite3_value_text (argv[0]),
                             (const char *) sqlite3_value_text (argv[1]));

  sqlite3_result_text (context, text, -1, g_free);
}

static gboolean
index_requests_after_here (DpoStore  *self,
                           gint64     last_pk,
                           GError   **error)
{
  g_autoptr(DpoSqlStmt) select = dpo_sql_prepare (_dpo_store_get_db (self),
    "SELECT pk, id, requester_name FROM requests WHERE pk > ? ORDER BY pk", FALSE);
  DpoSqlStmt *insert = _dpo_store_prepare (self,
    "INSERT INTO requests_search (rowid, text) VALUES (?, ?)", error);
  DpoSqlStep step;

  if (select == NULL || insert == NULL)
    {
      if (select == NULL)
        _dpo_store_set_db_error (self, error);
      return FALSE;
    }
  dpo_sql_bind_int64 (select, 1, last_pk);
  while ((step = dpo_sql_step (select)) == DPO_SQL_ROW)
    {
      g_autofree char *text = request_text (dpo_sql_column_text (select, 1),
                                            dpo_sql_column_text (select, 2));

      dpo_sql_bind_int64 (insert, 1, dpo_sql_column_int64 (select, 0));
      dpo_sql_bind_text (insert, 2, text);
      if (!_dpo_store_step_done (self, insert, error))
        return FALSE;
    }
  if (step == DPO_SQL_ERROR)
    {
      _dpo_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_dpo_store_index_requests_after (DpoStore  *self,
                                 gint64     last_pk,
                                 GError   **error)
{
  DpoSqlStmt *stmt;

  /* A server has no function of ours to call: the text is made here. */
  if (_dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL)
    return index_requests_after_here (self, last_pk, error);
  stmt = _dpo_store_prepare (self,
    "INSERT INTO requests_search (rowid, text) "
    "SELECT pk, dpo_search_request_text (id, requester_name) FROM requests WHERE pk > ?", error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, last_pk);
  return _dpo_store_step_done (self, stmt, error);
}

/* The migration's part: every row already stored, into the new index. */
static gboolean
fill_table (sqlite3     *db,
            const char  *select_sql,
            const char  *insert_sql,
            gboolean     subjects)
{
  /* The index of a file alone: the seam over its connection, borrowed. */
  DpoSqlConn conn = { DPO_SQL_SQLITE, db, NULL };
  g_autoptr(DpoSqlStmt) select = dpo_sql_prepare (&conn, select_sql, FALSE);
  g_autoptr(DpoSqlStmt) insert = select != NULL ? dpo_sql_prepare (&conn, insert_sql, FALSE) : NULL;
  int rc = insert != NULL ? SQLITE_OK : SQLITE_ERROR;

  while (rc == SQLITE_OK && dpo_sql_step (select) == DPO_SQL_ROW)
    {
#define COL(i) (dpo_sql_column_text (select, (i)))
      g_autofree char *text = subjects ? subject_text (COL (1), COL (2), COL (3), COL (4), COL (5))
                                       : request_text (COL (1), COL (2));
#undef COL
      dpo_sql_bind_int64 (insert, 1, dpo_sql_column_int64 (select, 0));
      dpo_sql_bind_text (insert, 2, text);
      if (dpo_sql_step (insert) != DPO_SQL_DONE)
        rc = sqlite3_errcode (db);
      dpo_sql_reset (insert);
    }
  return rc == SQLITE_OK;
}

gboolean
_dpo_store_fill_search_index (sqlite3  *db,
                              char    **message)
{
  if (fill_table (db, "SELECT pk, id, last_name, first_name, member_number, nir FROM subjects",
                  "INSERT INTO subjects_search (rowid, text) VALUES (?, ?)", TRUE) &&
      fill_table (db, "SELECT pk, id, requester_name FROM requests",
                  "INSERT INTO requests_search (rowid, text) VALUES (?, ?)", FALSE))
    return TRUE;
  *message = sqlite3_mprintf ("%s", sqlite3_errmsg (db));
  return FALSE;
}

/* The FTS5 query for @search: each term as a quoted string (a substring,
 * for the trigram tokenizer), all of them required, in any order. A number
 * typed in groups is one substring, its digits together or as typed ("2 78
 * 04" finds the NIR 27804..., "2024-0003" the reference R-2024-0003), not
 * groups found anywhere. NULL when no term is long enough for the index.
 * Folded text holds letters, digits and spaces only: nothing to escape. */
char *
_dpo_store_search_match (const char *search)
{
  g_autofree char *number = dpo_search_number (search);
  g_auto(GStrv) terms = NULL;
  GString *match;

  if (number != NULL)
    {
      g_autofree char *folded = dpo_search_fold (search);

      return g_strdup_printf ("\"%s\" OR \"%s\"", number, folded);
    }
  terms = dpo_search_terms (search);
  if (terms == NULL)
    return NULL;
  match = g_string_new (NULL);
  for (guint i = 0; terms[i] != NULL; i++)
    g_string_append_printf (match, "%s\"%s\"", i > 0 ? " AND " : "", terms[i]);
  return g_string_free (match, FALSE);
}

/* The same search as _dpo_store_search_match(), for dpo_search_has():
 * alternatives one per line, each a tab-separated list of terms that must
 * all be in the text. NULL when _dpo_store_search_match() is. */
char *
_dpo_store_search_spec (const char *search)
{
  g_autofree char *number = dpo_search_number (search);
  g_auto(GStrv) terms = NULL;

  if (number != NULL)
    {
      g_autofree char *folded = dpo_search_fold (search);

      return g_strconcat (number, "\n", folded, NULL);
    }
  terms = dpo_search_terms (search);
  return terms != NULL ? g_strjoinv ("\t", terms) : NULL;
}

/* A term as an element of a PostgreSQL array literal of LIKE patterns:
 * found anywhere ("%term%"), LIKE's and the literal's own characters
 * escaped (folded text has none, but a pattern must not depend on it). */
static void
append_pattern (GString    *array,
                const char *term)
{
  g_string_append (array, array->len > 1 ? ",\"%" : "\"%");
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append (array, "\\\\");   /* LIKE's backslash, escaped for the array */
      if (*p == '"' || *p == '\\')
        g_string_append_c (array, '\\');
      g_string_append_c (array, *p);
    }
  g_string_append (array, "%\"");
}

/* The same search as _dpo_store_search_match(), for a server, whose
 * index (pg_trgm) answers LIKE '%term%': @any, patterns one of which must
 * be found (the index looks them up), and @all, patterns all of which must
 * be (checked on what @any found), both as PostgreSQL array literals. All
 * the terms: @any the longest of them, the most telling; a number typed in
 * groups: @any the number or the search as typed, @all none. FALSE, and
 * nothing set, when _dpo_store_search_match() is NULL. */
gboolean
_dpo_store_search_patterns (const char  *search,
                            char       **any,
                            char       **all)
{
  g_autofree char *number = dpo_search_number (search);
  g_auto(GStrv) terms = NULL;
  GString *any_array;
  GString *all_array;
  guint longest = 0;

  if (number == NULL && (terms = dpo_search_terms (search)) == NULL)
    return FALSE;
  any_array = g_string_new ("{");
  all_array = g_string_new ("{");
  if (number != NULL)
    {
      g_autofree char *folded = dpo_search_fold (search);

      append_pattern (any_array, number);
      append_pattern (any_array, folded);
    }
  else
    {
      for (guint i = 0; terms[i] != NULL; i++)
        {
          append_pattern (all_array, terms[i]);
          if (strlen (terms[i]) > strlen (terms[longest]))
            longest = i;
        }
      append_pattern (any_array, terms[longest]);
    }
  g_string_append_c (any_array, '}');
  g_string_append_c (all_array, '}');
  *any = g_string_free (any_array, FALSE);
  *all = g_string_free (all_array, FALSE);
  return TRUE;
}

static gboolean
has_all_terms (const char *text,
               const char *terms,
               const char *end)
{
  while (terms < end)
    {
      const char *tab = memchr (terms, '\t', end - terms);
      g_autofree char *term = g_strndup (terms, (tab != NULL ? tab : end) - terms);

      if (strstr (text, term) == NULL)
        return FALSE;
      terms = tab != NULL ? tab + 1 : end;
    }
  return TRUE;
}

/* dpo_search_has(TEXT, SPEC): whether the folded TEXT of an index entry
 * holds the search SPEC (_dpo_store_search_spec). The broad search checks
 * each request in due-date order with it: a MATCH limited to one rowid
 * reads the terms' whole lists each time, this reads one entry. */
static void
search_has (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *spec = (const char *) sqlite3_value_text (argv[1]);
  gboolean found = FALSE;

  while (text != NULL && spec != NULL && *spec != '\0' && !found)
    {
      const char *line_end = strchr (spec, '\n');
      const char *end = line_end != NULL ? line_end : spec + strlen (spec);

      found = has_all_terms (text, spec, end);
      spec = line_end != NULL ? line_end + 1 : NULL;
    }
  sqlite3_result_int (context, found);
}

gboolean
_dpo_store_register_search (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "dpo_search_has", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, search_has, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (db, "dpo_search_request_text", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, search_request_text, NULL, NULL, NULL) == SQLITE_OK;
}
