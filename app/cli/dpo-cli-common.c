/* dpo-cli-common.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-time.h"
#include "dpo-cli-private.h"

int
dpo_cli_fail (GError *error)
{
  g_printerr ("dpo: %s\n", error->message);
  return g_error_matches (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT) ? EXIT_REFUSED : EXIT_FAILURE_;
}

/* Parses a command's own options; prints its --help. @n_args < 0: the
 * command counts its arguments itself. */
gboolean
dpo_cli_parse_options (const Command  *command,
                       GOptionEntry   *entries,
                       int            *argc,
                       char         ***argv,
                       int             n_args,
                       int            *exit_code)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command->name,
                                                *command->args ? _(command->args) : "");
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("dpo %s: %s\n", command->name, error->message);
      *exit_code = EXIT_FAILURE_;
      return FALSE;
    }
  if (n_args >= 0 && *argc - 1 != n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr (_("dpo %s: expected %s\n\n%s"), command->name,
                  *command->args ? _(command->args) : "", help);
      *exit_code = EXIT_FAILURE_;
      return FALSE;
    }
  return TRUE;
}

/* --as-of is read before the database is opened, so that a mistake in it
 * leaves nothing behind (not even a new, empty database). */
gboolean
dpo_cli_open_store (Cli     *cli,
                    GError **error)
{
  g_autofree char *path = cli->database != NULL ? g_strdup (cli->database) : dpo_store_default_path ();
  g_autoptr(GDateTime) now = NULL;

  if (cli->as_of != NULL)
    {
      GDate date;

      if (!dpo_date_parse (cli->as_of, &date, error))
        {
          g_prefix_error (error, _("--as-of: "));
          return FALSE;
        }
      now = dpo_time_end_of_local_day (&date);
    }

  cli->store = dpo_store_open (path, error);
  if (cli->store == NULL)
    return FALSE;
  if (now != NULL)
    dpo_store_set_now (cli->store, now);
  return TRUE;
}

/* An output file named on the command line is checked before the database
 * is opened: a link, a device or a folder there is refused at once. */
gboolean
dpo_cli_check_output (GFile   *file,
                      GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);

  return path == NULL || dpo_file_check_output_target (path, name, error);
}

