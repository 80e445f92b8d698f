/* dpo-pg-error.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "dpo-sql.h"
#include "dpo-pg-conn-private.h"

/* A server connection's last failure: kept as the DPO may read it, and
 * told to the store's seam as SQLite would tell it. */

/* Keeps the failure of @result (or, with none, the connection's). The
 * message as a DPO may read it: the server's primary message and its
 * DETAIL, without libpq's "ERROR:" and newline. */
void
_dpo_pg_keep_error (DpoPgConn *pg,
                    PGresult  *result)
{
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL;
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  g_free (pg->errmsg);
  if (primary != NULL && detail != NULL)
    pg->errmsg = g_strdup_printf ("%s: %s", primary, detail);
  else if (primary != NULL)
    pg->errmsg = g_strdup (primary);
  else
    {
      /* libpq's own words (a lost connection): their first line. */
      const char *own = result != NULL ? PQresultErrorMessage (result) : "";

      if (*own == '\0')
        own = pg->conn != NULL ? PQerrorMessage (pg->conn) : "no connection to the server";
      pg->errmsg = g_strstrip (g_strndup (own, strcspn (own, "\n")));
    }
  g_strlcpy (pg->sqlstate, state != NULL ? state : "", sizeof pg->sqlstate);
}

const char *
_dpo_pg_errmsg (DpoSqlConn *conn)
{
  return conn->pg->errmsg != NULL ? conn->pg->errmsg : "not an error";
}

const char *
_dpo_pg_sqlstate (DpoSqlConn *conn)
{
  return conn->pg->sqlstate;
}

DpoSqlFailure
_dpo_pg_failure (DpoSqlConn *conn)
{
  const char *state = conn->pg->sqlstate;

  if (PQstatus (conn->pg->conn) == CONNECTION_BAD || g_str_has_prefix (state, "08") ||
      strcmp (state, "57P01") == 0)
    return DPO_SQL_FAILED_IO;
  /* Our triggers' refusals: the codes of their own (DPO01, the erasure
   * rule; DPO02, the audit log is append-only; ... see dpo-pg-schema.h),
   * or a plain RAISE EXCEPTION (P0001). */
  if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "DPO") ||
      strcmp (state, "P0001") == 0)
    return DPO_SQL_FAILED_CONSTRAINT;
  if (strcmp (state, "42501") == 0)
    return DPO_SQL_FAILED_PRIVILEGE;
  if (strcmp (state, "53100") == 0)
    return DPO_SQL_FAILED_DISK_FULL;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0 || strcmp (state, "55P03") == 0)
    return DPO_SQL_FAILED_BUSY;
  return DPO_SQL_FAILED_OTHER;
}
