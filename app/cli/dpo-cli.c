/* dpo-cli.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "dpo-campaign.h"
#include "dpo-cli-affected.h"
#include "dpo-cli-server.h"
#include "dpo-deadlines.h"
#include "dpo-deadlines-ics.h"
#include "dpo-audit-verify.h"
#include "dpo-store-audit-log.h"
#include "dpo-store-role.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-export-json.h"
#include "dpo-registers.h"
#include "dpo-request-execute.h"
#include "dpo-request-letter-write.h"
#include "dpo-request-letter.h"
#include "dpo-store-restriction.h"
#include "dpo-import.h"
#include "dpo-file-check.h"
#include "dpo-store.h"
#include "dpo-store-notice.h"
#include "dpo-temp-files.h"
#include "dpo-time.h"

#include "dpo-cli-private.h"


static int
run_import (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  DpoImportCounts counts = { 0 };
  int exit_code = EXIT_OK;

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_IMPORT], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!dpo_cli_open_store (cli, &error) || !dpo_import_file (cli->store, file, &counts, &error))
    return dpo_cli_fail (error);

  g_print (_("Imported into %s — incidents: %u, people: %u, requests: %u\n"),
           dpo_store_get_path (cli->store), counts.incidents, counts.subjects, counts.requests);
  return EXIT_OK;
}

static int
run_export_json (Cli   *cli,
                 int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int exit_code = EXIT_OK;

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_EXPORT_JSON], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!dpo_cli_open_store (cli, &error) || !dpo_export_json (cli->store, out, NULL, &error))
        return dpo_cli_fail (error);
      return EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!dpo_cli_check_output (file, &error) || !dpo_cli_open_store (cli, &error) ||
      !dpo_export_json_file (cli->store, file, NULL, &error))
    return dpo_cli_fail (error);
  return EXIT_OK;
}

/* Test hook, not a user setting: DPO_XLSX_MAX_ROWS sets the rows per sheet
 * (header included), so that tests see continuation sheets without writing
 * a million rows. 0, Excel's limit, when unset or not a number in range. */
static guint
xlsx_max_rows (void)
{
  const char *text = g_getenv ("DPO_XLSX_MAX_ROWS");
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 2, DPO_XLSX_SHEET_ROWS, &value, NULL))
    return 0;
  return value;
}

/* "-" is standard output for export-json; a workbook is a zip written by
 * path, so it needs a real file. */
static gboolean
is_a_file_name (const char *path)
{
  if (!g_str_equal (path, "-"))
    return TRUE;
  g_printerr (_("dpo: a workbook cannot go to standard output; give a file name such as "
                "registers.xlsx.\n"));
  return FALSE;
}

static int
run_export_registers (Cli   *cli,
                      int    argc,
                      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int exit_code = EXIT_OK;

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_EXPORT_REGISTERS], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (!is_a_file_name (argv[1]))
    return EXIT_FAILURE_;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!dpo_cli_check_output (file, &error) || !dpo_cli_open_store (cli, &error) ||
      !dpo_registers_export (cli->store, file, xlsx_max_rows (), NULL, NULL, NULL, &error))
    return dpo_cli_fail (error);
  return EXIT_OK;
}

static int
run_export_incident (Cli   *cli,
                     int    argc,
                     char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int exit_code = EXIT_OK;

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_EXPORT_INCIDENT], NULL, &argc, &argv, 2, &exit_code))
    return exit_code;
  if (!is_a_file_name (argv[2]))
    return EXIT_FAILURE_;

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!dpo_cli_check_output (file, &error) || !dpo_cli_open_store (cli, &error) ||
      !dpo_registers_export_incident (cli->store, argv[1], file, &error))
    return dpo_cli_fail (error);
  return EXIT_OK;
}


/* "audit log": the last entries, oldest first, with who made each change
 * on a server (the login and its role, as the server wrote them). */
static int
audit_log (Cli  *cli,
           guint last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (!dpo_cli_open_store (cli, &error) || (rows = dpo_store_audit_log (cli->store, last, &error)) == NULL)
    return dpo_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      DpoAuditRow *row = g_ptr_array_index (rows, i);
      g_autofree char *who = NULL;

      if (row->actor != NULL)
        /* Translators: who wrote an audit entry: "alice (dpo_agent)" */
        who = row->actor_role != NULL ? g_strdup_printf (_("%s (%s)"), row->actor, row->actor_role)
                                      : g_strdup (row->actor);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", row->pk, row->at, row->action,
               row->entity, row->record, who != NULL ? who : "-");
    }
  return EXIT_OK;
}

/* "audit verify" reads the file as it is: it does not open the store,
 * which would put back a dropped safeguard before it could be reported;
 * or the server's register (dpo-cli-copy.c). */
static int
run_audit (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *seal = NULL;
  guint64 n_entries = 0;
  int exit_code = EXIT_OK;
  int last = 20;
  GOptionEntry entries[] = {
    { "last", 0, 0, G_OPTION_ARG_INT, &last,
      N_("“log”: the last N entries (0 for all; default 20)"), N_("N") },
    { NULL }
  };

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_AUDIT], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (g_str_equal (argv[1], "log"))
    return audit_log (cli, MAX (last, 0));
  if (!g_str_equal (argv[1], "verify"))
    {
      g_printerr (_("dpo audit: unknown action “%s”; it is “verify” or “log”.\n"), argv[1]);
      return EXIT_FAILURE_;
    }

  path = cli->database != NULL ? g_strdup (cli->database) : dpo_store_default_path ();
  shown = dpo_cli_shown_database (path);
  if (!dpo_cli_verify_audit (path, &seal, &n_entries, &error))
    {
      g_autofree char *message = dpo_cli_one_line (error->message);

      g_printerr (_("dpo: audit verification of “%s” failed: %s\n"), shown, message);
      return EXIT_FAILURE_;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit log is intact (%llu entry); the safeguards and the "
                        "database structure are as DPO Workbench made them.\n",
                        "The audit log is intact (%llu entries); the safeguards and the "
                        "database structure are as DPO Workbench made them.\n",
                        n_entries), (unsigned long long) n_entries);
  g_print (_("Seal: %s\n"), seal);
  return EXIT_OK;
}


static DpoStore *
open_store_for_affected (gpointer   data,
                         GError   **error)
{
  Cli *cli = data;

  return dpo_cli_open_store (cli, error) ? cli->store : NULL;
}

static int
run_affected (Cli   *cli,
              int    argc,
              char **argv)
{
  return dpo_cli_affected (argc, argv, open_store_for_affected, cli);
}


/* "server init URI": a PostgreSQL server, not the --database file. */
static int
run_server (Cli   *cli,
            int    argc,
            char **argv)
{
  return dpo_cli_server (argc, argv);
}

const Command dpo_cli_commands[N_COMMANDS] = {
  [CMD_IMPORT] = { "import", N_("FILE.json"),
    N_("Imports an interchange file: all of it, or nothing if anything is wrong."), run_import },
  [CMD_EXPORT_JSON] = { "export-json", N_("FILE.json"),
    N_("Writes everything as an interchange file, with computed fields (\"-\" for standard output)."),
    run_export_json },
  [CMD_EXPORT_REGISTERS] = { "export-registers", N_("FILE.xlsx"),
    N_("Writes the registers workbook: breaches, timeline, notifications, complaints and "
       "requests, one sheet each, with deadlines as of --as-of or now."), run_export_registers },
  [CMD_EXPORT_INCIDENT] = { "export-incident", N_("ID FILE.xlsx"),
    N_("Writes one incident as a workbook in the order of the CNIL’s notification form."),
    run_export_incident },
  [CMD_EXECUTE] = { "execute", N_("REQUEST-ID"),
    N_("Carries a request out: erasure (refused while a covering contract is active, during the "
       "retention period after it ends, or under a legal hold: exit 3 names the rule and the "
       "earliest date), rectification "
       "(applies the changes), access (writes the person’s data to --output FILE), restriction "
       "(--reason TEXT), objection (--decision upheld|rejected --reason TEXT); --letter "
       "FILE.pdf writes the answer to send."), dpo_cli_run_execute },
  [CMD_LETTER] = { "letter", N_("REQUEST-ID KIND FILE.pdf"),
    N_("Writes the letter a request needs (PDF): acknowledgement, identity, extension, "
       "refusal or answer, and records it in the request’s history. --batch LIST writes one "
       "for each request listed, in one PDF."), dpo_cli_run_letter },
  [CMD_DEADLINES] = { "deadlines", "",
    N_("Lists overdue and upcoming deadlines, soonest first: open requests and the CNIL clocks "
       "(--explain: how each date was reached; --ics FILE.ics: as a calendar)."),
    dpo_cli_run_deadlines },
  [CMD_AUDIT] = { "audit", N_("verify|log"),
    N_("“verify” checks the audit log’s hash chain, the safeguards (triggers) and the database "
       "structure; prints the seal, or names the first entry or safeguard altered, removed or "
       "dropped. “log” lists the last entries (--last N), with who made each change on a server."),
    run_audit },
  [CMD_AFFECTED] = { "affected", N_("import|check …"),
    N_("The people an incident affects: “import INCIDENT-ID FILE.csv” reads the processor’s "
       "list (all or nothing); “check NIR-OR-MEMBER-NUMBER [--json]” says whether someone is "
       "affected and how they were informed."), run_affected },
  [CMD_NOTICE] = { "notice", N_("INCIDENT-ID"),
    N_("Prints the incident’s notice to the people affected (Art. 34), or a draft from the "
       "incident when none is stored or with --draft; --save stores the draft."), dpo_cli_run_notice },
  [CMD_CAMPAIGN] = { "campaign", N_("INCIDENT-ID"),
    N_("Informs the people affected by an incident (GDPR Art. 34): one message per household "
       "not yet informed, by email where the holder has an address, by post otherwise, written "
       "into --out DIR, and records who was informed."), dpo_cli_run_campaign },
  [CMD_RESTRICTION] = { "restriction", N_("lift PERSON-ID"),
    N_("Lifts the restriction of processing of a person (GDPR Art. 18); inform the person "
       "before lifting it."), dpo_cli_run_restriction },
  [CMD_SERVER] = { "server", N_("init URI"),
    N_("Sets up an empty PostgreSQL database for a DPO team (in progress): the tables, the rules "
       "the server enforces, and the roles dpo_officer, dpo_agent and dpo_auditor."), run_server },
  [CMD_COPY] = { "copy", N_("SOURCE DEST"),
    N_("Copies a whole register, audit log included, from a file to a PostgreSQL server "
       "(postgresql://…, set up by “server init” and holding no register yet) or from a server to "
       "a new file; all or nothing, then verified table by table."), dpo_cli_run_copy },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (dpo_cli_commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", dpo_cli_commands[i].name,
                                                *dpo_cli_commands[i].args ? _(dpo_cli_commands[i].args) : "");
      g_string_append_printf (text, "\n  %-28s %s", usage, _(dpo_cli_commands[i].summary));
    }
  g_string_append_printf (text, "\n\n%s",
                          _("Exit status: 0 on success, 3 when a data protection rule refused the "
                            "action (the refusal is recorded), 1 for any other failure.\n"
                            "\"dpo COMMAND --help\" describes a command."));
  return g_string_free (text, FALSE);
}

/* The core reports the repairs it makes on opening (a safeguard put back)
 * with g_message: shown like every other message of dpo. */
static void
print_message (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        user_data)
{
  g_printerr ("dpo: %s\n", message);
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
  g_log_set_handler ("dpo", G_LOG_LEVEL_MESSAGE, print_message, NULL);
  /* Ctrl+C or SIGTERM during an export removes its temporary file. */
  dpo_temp_files_catch_signals ();

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

  for (guint i = 0; i < G_N_ELEMENTS (dpo_cli_commands); i++)
    if (g_str_equal (argv[1], dpo_cli_commands[i].name))
      {
        exit_code = dpo_cli_commands[i].run (&cli, argc - 1, argv + 1);
        goto out;
      }

  g_printerr (_("dpo: unknown command “%s”; \"dpo --help\" lists the commands.\n"), argv[1]);

out:
  g_clear_object (&cli.store);
  g_free (cli.database);
  g_free (cli.as_of);
  return exit_code;
}
