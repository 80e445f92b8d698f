/* dpo-pg-init.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-init.h"
#include "dpo-pg-schema.h"

/* Two "dpo server init" at once on one database take turns. */
#define INIT_LOCK "SELECT pg_advisory_xact_lock (hashtext ('dpo-workbench server init'))"

/* The tables, views and sequences other than ours in the schema new
 * tables go to, and whether dpo_schema is among them. */
#define STATE_SQL \
  "SELECT current_schema () IS NULL," \
  " (SELECT count (*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace" \
  "   WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))," \
  " EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace" \
  "   WHERE n.nspname = current_schema () AND c.relname = 'dpo_schema' AND c.relkind = 'r')"

static gboolean
another_program (PGconn  *conn,
                 GError **error)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE,
               _("The database “%s” holds another program’s tables: DPO Workbench leaves it "
                 "alone. Create an empty database for DPO Workbench (CREATE DATABASE dpo;)."),
               PQdb (conn));
  return FALSE;
}

gboolean
dpo_pg_read_version (PGconn  *conn,
                     int     *version,
                     GError **error)
{
  g_autoptr(PGresult) state = PQexec (conn, STATE_SQL);
  g_autoptr(PGresult) row = NULL;

  if (PQresultStatus (state) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, state, _("Cannot read what the database holds"), error);
      return FALSE;
    }
  if (g_str_equal (PQgetvalue (state, 0, 0), "t"))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The database “%s” has no schema to hold tables (its search_path names "
                     "none that exists)."), PQdb (conn));
      return FALSE;
    }
  if (g_str_equal (PQgetvalue (state, 0, 2), "f"))
    {
      *version = 0;
      return g_str_equal (PQgetvalue (state, 0, 1), "0") || another_program (conn, error);
    }

  row = PQexec (conn, "SELECT program, version FROM dpo_schema");
  if (PQresultStatus (row) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, row, _("Cannot read the schema version"), error);
      return FALSE;
    }
  if (PQntuples (row) != 1 || !g_str_equal (PQgetvalue (row, 0, 0), DPO_PG_PROGRAM))
    return another_program (conn, error);
  *version = atoi (PQgetvalue (row, 0, 1));
  return TRUE;
}

static gboolean
refuse_newer (PGconn  *conn,
              int      version,
              GError **error)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_NEWER_DATABASE,
               _("The database “%s” was set up by a newer DPO Workbench (schema version %d; this "
                 "one knows up to %d). It was left as it is: use the newer version."),
               PQdb (conn), version, DPO_PG_SCHEMA_VERSION);
  return FALSE;
}

gboolean
dpo_pg_check_schema (PGconn  *conn,
                     GError **error)
{
  int version = 0;

  if (!dpo_pg_read_version (conn, &version, error))
    return FALSE;
  if (version > DPO_PG_SCHEMA_VERSION)
    return refuse_newer (conn, version, error);
  if (version == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE,
                   _("The database “%s” is empty: set it up first with “dpo server init”."),
                   PQdb (conn));
      return FALSE;
    }
  return TRUE;
}

/* The steps from @from to this version, the roles and the grants. */
static gboolean
apply_steps (PGconn  *conn,
             int      from,
             GError **error)
{
  const char *what = _("Cannot create DPO Workbench’s tables and roles");
  g_autofree char *set_version = NULL;

  if (!dpo_pg_exec (conn, dpo_pg_roles_sql (), what, error))
    return FALSE;
  for (int version = from; version < DPO_PG_SCHEMA_VERSION;)
    {
      int to = 0;
      const char *sql = dpo_pg_schema_step (version, &to);

      if (sql == NULL)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                       _("The database “%s” is at schema version %d, which this DPO Workbench "
                         "cannot upgrade."), PQdb (conn), version);
          return FALSE;
        }
      if (!dpo_pg_exec (conn, sql, what, error))
        return FALSE;
      version = to;
    }
  set_version = g_strdup_printf (from == 0 ? "INSERT INTO dpo_schema (program, version) VALUES ('"
                                             DPO_PG_PROGRAM "', %d)"
                                           : "UPDATE dpo_schema SET version = %d",
                                 DPO_PG_SCHEMA_VERSION);
  return dpo_pg_exec (conn, set_version, what, error) &&
         dpo_pg_exec (conn, dpo_pg_grants_sql (), what, error);
}

gboolean
dpo_pg_server_init (PGconn            *conn,
                    DpoPgInitOutcome  *outcome,
                    int               *found_version,
                    GError           **error)
{
  const char *what = _("Cannot set up the database");
  int version = 0;
  gboolean done;

  if (!dpo_pg_exec (conn, "BEGIN", what, error))
    return FALSE;
  done = dpo_pg_exec (conn, INIT_LOCK, what, error) &&
         dpo_pg_read_version (conn, &version, error);
  if (done && version > DPO_PG_SCHEMA_VERSION)
    done = refuse_newer (conn, version, error);
  if (done && version == DPO_PG_SCHEMA_VERSION)
    {
      /* Nothing to do, and nothing done: the transaction only read. */
      *found_version = version;
      *outcome = DPO_PG_INIT_ALREADY;
      return dpo_pg_exec (conn, "ROLLBACK", what, error);
    }
  done = done && apply_steps (conn, version, error) &&
         dpo_pg_exec (conn, "COMMIT", what, error);
  if (!done)
    {
      /* Whatever failed, the transaction leaves the database as it was. */
      PQclear (PQexec (conn, "ROLLBACK"));
      return FALSE;
    }
  *found_version = version;
  *outcome = version == 0 ? DPO_PG_INIT_CREATED : DPO_PG_INIT_UPGRADED;
  return TRUE;
}
