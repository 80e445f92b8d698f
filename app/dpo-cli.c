/* dpo-cli.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "dpo-cli-output.h"
#include "dpo-deadlines.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-store.h"
#include "dpo-time.h"

/* Exit codes of DESIGN "Command line". */
enum {
  EXIT_OK = 0,
  EXIT_FAILURE_ = 1,
  EXIT_USAGE = 2,
  EXIT_REFUSED = 3,
};

typedef struct
{
  char      *database;
  char      *as_of;
  DpoStore  *store;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

static int
fail (GError *error)
{
  g_printerr ("dpo: %s\n", error->message);
  return g_error_matches (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT) ? EXIT_REFUSED : EXIT_FAILURE_;
}

/* Parses a command's own options; prints its --help. */
static gboolean
parse_command_options (const Command  *command,
                       GOptionEntry   *entries,
                       int            *argc,
                       char         ***argv,
                       int             n_args,
                       int            *exit_code)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, command->args);
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
  if (*argc - 1 != n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr (_("dpo %s: expected %s\n\n%s"), command->name, command->args, help);
      *exit_code = EXIT_FAILURE_;
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_store (Cli     *cli,
            GError **error)
{
  g_autofree char *path = cli->database != NULL ? g_strdup (cli->database) : dpo_store_default_path ();

  cli->store = dpo_store_open (path, error);
  if (cli->store == NULL)
    return FALSE;

  if (cli->as_of != NULL)
    {
      g_autoptr(GDateTime) now = NULL;
      GDate date;

      if (!dpo_date_parse (cli->as_of, &date, error))
        {
          g_prefix_error (error, _("--as-of: "));
          return FALSE;
        }
      now = dpo_time_end_of_local_day (&date);
      dpo_store_set_now (cli->store, now);
    }
  return TRUE;
}

static const Command COMMANDS[4];

static int
run_import (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  DpoImportCounts counts = { 0 };
  int exit_code = EXIT_OK;

  if (!parse_command_options (&COMMANDS[0], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!open_store (cli, &error) || !dpo_store_import_file (cli->store, file, &counts, &error))
    return fail (error);

  g_print (_("Imported into %s — incidents: %u, people: %u, requests: %u\n"),
           dpo_store_get_path (cli->store), counts.incidents, counts.subjects, counts.requests);
  return EXIT_OK;
}

static gboolean
write_json (gpointer        store,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  return dpo_store_export_json (store, stream, cancellable, error);
}

static int
run_export_json (Cli   *cli,
                 int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  int exit_code = EXIT_OK;

  if (!parse_command_options (&COMMANDS[1], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (!open_store (cli, &error))
    return fail (error);

  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!dpo_store_export_json (cli->store, out, NULL, &error))
        return fail (error);
      return EXIT_OK;
    }

  if (!dpo_cli_write_atomically (argv[1], write_json, cli->store, &error))
    return fail (error);
  return EXIT_OK;
}

static int
run_execute (Cli   *cli,
             int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *outcome = NULL;
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("For an access request: the file to write the person’s data to (JSON)"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options (&COMMANDS[2], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (output_path != NULL)
    output = g_file_new_for_commandline_arg (output_path);
  if (!open_store (cli, &error) ||
      !dpo_store_execute_request (cli->store, argv[1], output, &outcome, &error))
    return fail (error);

  g_print ("%s: %s\n", argv[1], outcome);
  return EXIT_OK;
}

static gboolean
print_deadline (const DpoDeadline *deadline,
                gpointer           user_data)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (deadline->due);
  g_autofree char *when = NULL;
  const char *state = deadline->overdue ? _("OVERDUE") : _("due");

  if (deadline->kind == DPO_DEADLINE_CNIL)
    {
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      /* Translators: a line of "dpo deadlines" for an incident's 72-hour clock */
      g_print (_("%s  %-7s  CNIL notification  %s  %s\n"), when, state, deadline->id, deadline->what);
    }
  else
    {
      when = g_date_time_format (local, "%Y-%m-%d      ");
      g_print (_("%s  %-7s  %-17s  %s  %s%s\n"), when, state,
               dpo_enum_label (DPO_ENUM_REQUEST_KIND, deadline->what), deadline->id,
               deadline->person != NULL ? deadline->person : "",
               deadline->extended ? _(" (extended)") : "");
    }
  return TRUE;
}

static int
run_deadlines (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  int exit_code = EXIT_OK;

  if (!parse_command_options (&COMMANDS[3], NULL, &argc, &argv, 0, &exit_code))
    return exit_code;
  if (!open_store (cli, &error))
    return fail (error);

  dpo_store_foreach_deadline (cli->store, print_deadline, NULL);
  return EXIT_OK;
}

static const Command COMMANDS[] = {
  { "import", N_("FILE.json"),
    N_("Imports an interchange file: all of it, or nothing if anything is wrong."), run_import },
  { "export-json", N_("FILE.json"),
    N_("Writes everything as an interchange file, with computed fields (\"-\" for standard output)."),
    run_export_json },
  { "execute", N_("REQUEST-ID"),
    N_("Carries a request out: erasure (refused while a contract is active), rectification "
       "(applies the changes), access (writes the person’s data to --output FILE)."), run_execute },
  { "deadlines", "",
    N_("Lists overdue and upcoming deadlines, soonest first: open requests and the CNIL clocks."),
    run_deadlines },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (COMMANDS); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", COMMANDS[i].name,
                                                *COMMANDS[i].args ? _(COMMANDS[i].args) : "");
      g_string_append_printf (text, "\n  %-28s %s", usage, _(COMMANDS[i].summary));
    }
  g_string_append_printf (text, "\n\n%s",
                          _("Exit status: 0 on success, 3 when a data protection rule refused the "
                            "action (the refusal is recorded), 1 for any other failure.\n"
                            "\"dpo COMMAND --help\" describes a command."));
  return g_string_free (text, FALSE);
}

static void
setup_locale (void)
{
  const char *localedir = g_getenv ("DPO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *commands = NULL;
  Cli cli = { NULL };
  int exit_code = EXIT_FAILURE_;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &cli.database,
      N_("The database to use (default: $DPO_DATABASE, else your data folder)"), N_("PATH") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &cli.as_of,
      N_("Compute deadlines and statuses as at the end of this day"), N_("YYYY-MM-DD") },
    { NULL }
  };

  setup_locale ();

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("DPO Workbench: the breach register, data subject "
                                           "requests and their deadlines, from the command line."));
  commands = describe_commands ();
  g_option_context_set_description (context, commands);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dpo: %s\n", error->message);
      return EXIT_FAILURE_;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_FAILURE_;
    }

  for (guint i = 0; i < G_N_ELEMENTS (COMMANDS); i++)
    if (g_str_equal (argv[1], COMMANDS[i].name))
      {
        exit_code = COMMANDS[i].run (&cli, argc - 1, argv + 1);
        goto out;
      }

  g_printerr (_("dpo: unknown command “%s”; \"dpo --help\" lists the commands.\n"), argv[1]);

out:
  g_clear_object (&cli.store);
  g_free (cli.database);
  g_free (cli.as_of);
  return exit_code;
}
