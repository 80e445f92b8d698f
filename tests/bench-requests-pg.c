/* bench-requests-pg.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "bench-requests-fill.h"
#include "dpo-pg-connection.h"
#include "dpo-test-util.h"

/* The register bench_fill_database() made in a file, copied whole into a
 * new database on the test server: the same people, contracts, requests
 * and search index, so that the file and the server are timed over the
 * same rows. COPY, a table a statement, not a million store calls. */

static const char * const TABLES[] = {
  "subjects", "contracts", "requests", "subjects_search", "requests_search",
};

/* @text in COPY's text format: backslash, tab, newline and return escaped. */
static void
append_copy_text (GString    *line,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      default: g_string_append_c (line, *p);
      }
}

static void
put_or_die (PGconn  *conn,
            GString *buffer)
{
  if (PQputCopyData (conn, buffer->str, (int) buffer->len) != 1)
    g_error ("COPY: %s", PQerrorMessage (conn));
  g_string_truncate (buffer, 0);
}

static void
copy_table (sqlite3    *db,
            PGconn     *conn,
            const char *table)
{
  /* The search tables are FTS5 tables in the file: their key is rowid. */
  g_autofree char *select = g_str_has_suffix (table, "_search")
                            ? g_strdup_printf ("SELECT rowid, text FROM %s", table)
                            : g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GString) buffer = g_string_sized_new (1 << 20);
  sqlite3_stmt *stmt = NULL;
  PGresult *result;
  int n_columns;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", select, sqlite3_errmsg (db));
  n_columns = sqlite3_column_count (stmt);
  g_string_printf (copy, "COPY %s (", table);
  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (copy, "%s%s", i > 0 ? ", " : "", sqlite3_column_name (stmt, i));
  g_string_append (copy, ") FROM STDIN");
  result = PQexec (conn, copy->str);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    g_error ("%s: %s", copy->str, PQerrorMessage (conn));
  PQclear (result);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (buffer, '\t');
          if (text == NULL)
            g_string_append (buffer, "\\N");
          else
            append_copy_text (buffer, text);
        }
      g_string_append_c (buffer, '\n');
      if (buffer->len > (1 << 20) - 4096)
        put_or_die (conn, buffer);
    }
  put_or_die (conn, buffer);
  sqlite3_finalize (stmt);
  if (PQputCopyEnd (conn, NULL) != 1)
    g_error ("COPY: %s", PQerrorMessage (conn));
  result = PQgetResult (conn);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("COPY %s: %s", table, PQerrorMessage (conn));
  PQclear (result);
  while ((result = PQgetResult (conn)) != NULL)
    PQclear (result);
}

char *
bench_copy_to_server (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *uri = dpo_test_new_server_database ();
  PGconn *conn = dpo_pg_connect (uri, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));

  if (!dpo_pg_exec (conn, "BEGIN", "begin", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (TABLES); i++)
    copy_table (db, conn, TABLES[i]);
  /* The identities go on after the keys copied; then the statistics and
   * visibility map that the server's autovacuum gives a table soon after
   * a big import (a real server is not timed in the minute after one). */
  if (!dpo_pg_exec (conn,
                    "SELECT setval (pg_get_serial_sequence ('subjects', 'pk'), max (pk)) FROM subjects;"
                    "SELECT setval (pg_get_serial_sequence ('contracts', 'pk'), max (pk)) FROM contracts;"
                    "SELECT setval (pg_get_serial_sequence ('requests', 'pk'), max (pk)) FROM requests;"
                    "COMMIT;",
                    "after the copy", &error))
    g_error ("%s", error->message);
  /* VACUUM, one table a command: it runs in no transaction block. */
  for (guint i = 0; i < G_N_ELEMENTS (TABLES); i++)
    {
      g_autofree char *vacuum = g_strdup_printf ("VACUUM ANALYZE %s", TABLES[i]);

      if (!dpo_pg_exec (conn, vacuum, "vacuum", &error))
        g_error ("%s", error->message);
    }
  sqlite3_close (db);
  PQfinish (conn);
  return uri;
}
