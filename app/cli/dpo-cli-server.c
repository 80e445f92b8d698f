/* dpo-cli-server.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-cli-server.h"
#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-init.h"
#include "dpo-pg-schema.h"

/* dpo server init URI */

static int
usage (gboolean asked)
{
  void (*print) (const char *format, ...) = asked ? g_print : g_printerr;

  print (_("Usage: dpo server init URI\n"
                "Sets up an empty PostgreSQL database for DPO Workbench: its tables, the rules "
                "the server enforces, and the roles %s, %s and %s. URI is libpq’s "
                "(postgresql://USER@HOST/DATABASE?sslmode=verify-full); put the password in "
                "~/.pgpass rather than in the URI.\n"),
              DPO_PG_ROLE_OFFICER, DPO_PG_ROLE_AGENT, DPO_PG_ROLE_AUDITOR);
  return asked ? 0 : 2;
}

static void
report (PGconn           *conn,
        const char       *shown,
        DpoPgInitOutcome  outcome,
        int               found_version)
{
  switch (outcome)
    {
    case DPO_PG_INIT_CREATED:
      g_print (_("The database “%s” at %s is set up for DPO Workbench (schema version %d), with "
                 "the roles %s (everything), %s (people and requests, no erasure, no incident, "
                 "no export) and %s (reads only).\n"
                 "Give each person a login and their role, e.g.: GRANT %s TO alice;\n"),
               PQdb (conn), shown, DPO_PG_SCHEMA_VERSION, DPO_PG_ROLE_OFFICER,
               DPO_PG_ROLE_AGENT, DPO_PG_ROLE_AUDITOR, DPO_PG_ROLE_AGENT);
      break;
    case DPO_PG_INIT_UPGRADED:
      g_print (_("The database “%s” at %s was upgraded from schema version %d to %d.\n"),
               PQdb (conn), shown, found_version, DPO_PG_SCHEMA_VERSION);
      break;
    case DPO_PG_INIT_ALREADY:
    default:
      g_print (_("The database “%s” at %s is already set up for DPO Workbench (schema version "
                 "%d); nothing was changed.\n"), PQdb (conn), shown, found_version);
      break;
    }
}

int
dpo_cli_server (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *shown = NULL;
  DpoPgInitOutcome outcome = DPO_PG_INIT_ALREADY;
  int found_version = 0;

  if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    return usage (TRUE);
  if (argc != 3 || !g_str_equal (argv[1], "init"))
    return usage (FALSE);

  shown = dpo_pg_mask_uri (argv[2]);
  conn = dpo_pg_connect (argv[2], &error);
  if (conn == NULL ||
      !dpo_pg_server_init (conn, &outcome, &found_version, &error))
    {
      g_printerr ("dpo: %s\n", error->message);
      return 1;
    }
  report (conn, shown, outcome, found_version);
  return 0;
}
