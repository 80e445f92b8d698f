/* dpo-pg-copy-in.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include "dpo-sql.h"
#include "dpo-pg-conn-private.h"
#include "dpo-pg-stmt-private.h"

/* COPY FROM STDIN, for the bulk loader: rows in COPY's text format. */

void
_dpo_pg_copy_append_field (GString    *row,
                           const char *text)
{
  if (text == NULL)
    {
      g_string_append (row, "\\N");
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (row, "\\\\");
        break;
      case '\t':
        g_string_append (row, "\\t");
        break;
      case '\n':
        g_string_append (row, "\\n");
        break;
      case '\r':
        g_string_append (row, "\\r");
        break;
      default:
        g_string_append_c (row, *p);
        break;
      }
}

void
_dpo_pg_copy_append_bound (DpoSqlStmt *sql,
                           GString    *row)
{
  DpoPgStmt *stmt = sql->pg;

  for (int i = 0; i < stmt->n_params; i++)
    {
      if (i > 0)
        g_string_append_c (row, '\t');
      _dpo_pg_copy_append_field (row, stmt->values[i]);
    }
}

gboolean
_dpo_pg_copy_in (DpoSqlConn *conn,
                 const char *copy_sql,
                 const char *rows,
                 gsize       length)
{
  DpoPgConn *pg = conn->pg;
  PGresult *result = PQexec (pg->conn, copy_sql);
  gboolean sent = TRUE;
  gboolean ok;

  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      _dpo_pg_keep_error (pg, result);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  /* In pieces: PQputCopyData takes an int. */
  for (gsize done = 0; sent && done < length; )
    {
      int piece = (int) MIN (length - done, (gsize) 1 << 24);

      sent = PQputCopyData (pg->conn, rows + done, piece) == 1;
      done += piece;
    }
  if (PQputCopyEnd (pg->conn, sent ? NULL : "the rows could not be sent") != 1)
    sent = FALSE;
  result = PQgetResult (pg->conn);
  ok = sent && PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    _dpo_pg_keep_error (pg, result);
  PQclear (result);
  /* The end of the command's results. */
  while ((result = PQgetResult (pg->conn)) != NULL)
    PQclear (result);
  return ok;
}
