/* dpo-cli-copy.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-audit-verify.h"
#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-copy.h"
#include "dpo-pg-verify.h"
#include "dpo-store.h"

#include "dpo-cli-private.h"

/* dpo copy SOURCE DEST, and dpo audit verify on a file or a server. */

/* Below this, a table is copied before anyone would wonder. */
#define PROGRESS_FROM 100000

static void
show_progress (const char *table,
               gint64      done,
               gint64      total,
               gpointer    user_data)
{
  if (total < PROGRESS_FROM)
    return;
  g_printerr (_("dpo: copying %s: %lld of %lld rows\n"), table, (long long) done, (long long) total);
}

/* libpq's messages run over several lines ("server closed the connection
 * unexpectedly\n\tThis probably means..."): one line on stderr. */
char *
dpo_cli_one_line (const char *message)
{
  g_auto(GStrv) words = g_strsplit_set (message, " \t\n", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
  return g_string_free (line, FALSE);
}

int
dpo_cli_run_copy (Cli   *cli,
                  int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *dest = NULL;
  DpoCopyReport report = { 0 };
  gint64 total = 0;
  int exit_code = EXIT_OK;

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_COPY], NULL, &argc, &argv, 2, &exit_code))
    return exit_code;

  source = dpo_cli_shown_database (argv[1]);
  dest = dpo_cli_shown_database (argv[2]);
  if (!dpo_copy (argv[1], argv[2], show_progress, NULL, &report, &error))
    {
      g_autofree char *message = dpo_cli_one_line (error->message);

      g_printerr (_("dpo: the copy of %s to %s failed: %s\n"), source, dest, message);
      return EXIT_FAILURE_;
    }

  g_print (_("Copied %s to %s:\n"), source, dest);
  for (guint i = 0; i < report.n_tables; i++)
    {
      g_print ("  %-26s %12lld\n", report.tables[i], (long long) report.rows[i]);
      total += report.rows[i];
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%lld row in all; every table verified (the same rows on both sides).\n",
                        "%lld rows in all; every table verified (the same rows on both sides).\n",
                        total), (long long) total);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit log is intact (%llu entry); the safeguards and the "
                        "database structure are as DPO Workbench made them.\n",
                        "The audit log is intact (%llu entries); the safeguards and the "
                        "database structure are as DPO Workbench made them.\n",
                        report.n_entries), (unsigned long long) report.n_entries);
  g_print (_("Seal: %s\n"), report.seal);
  dpo_copy_report_clear (&report);
  return EXIT_OK;
}

/* A file is read as it is: opening it with the store would put back a
 * dropped safeguard before it could be reported. A server is read in one
 * read-only transaction: an auditor may run it. */
gboolean
dpo_cli_verify_audit (const char  *database,
                      char       **seal,
                      guint64     *n_entries,
                      GError     **error)
{
  g_autoptr(PGconn) conn = NULL;

  if (!dpo_pg_is_uri (database))
    return dpo_audit_verify_file (database, seal, n_entries, error);
  conn = dpo_pg_connect (database, error);
  return conn != NULL && dpo_pg_audit_verify (conn, seal, n_entries, error);
}

char *
dpo_cli_shown_database (const char *database)
{
  return dpo_pg_is_uri (database) ? dpo_pg_mask_uri (database) : g_strdup (database);
}
