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

/* Parses a command's own options; prints its --help. @n_args < 0: the
 * command counts its arguments itself. */
static gboolean
parse_command_options (const Command  *command,
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
static gboolean
open_store (Cli     *cli,
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
static gboolean
check_output (GFile   *file,
              GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);

  return path == NULL || dpo_file_check_output_target (path, name, error);
}

/* In the order of "dpo --help". */
enum {
  CMD_IMPORT,
  CMD_EXPORT_JSON,
  CMD_EXPORT_REGISTERS,
  CMD_EXPORT_INCIDENT,
  CMD_EXECUTE,
  CMD_LETTER,
  CMD_DEADLINES,
  CMD_AUDIT,
  CMD_AFFECTED,
  CMD_NOTICE,
  CMD_CAMPAIGN,
  CMD_RESTRICTION,
  CMD_SERVER,
  N_COMMANDS
};

static const Command COMMANDS[N_COMMANDS];

static int
run_import (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  DpoImportCounts counts = { 0 };
  int exit_code = EXIT_OK;

  if (!parse_command_options (&COMMANDS[CMD_IMPORT], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!open_store (cli, &error) || !dpo_import_file (cli->store, file, &counts, &error))
    return fail (error);

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

  if (!parse_command_options (&COMMANDS[CMD_EXPORT_JSON], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;

  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!open_store (cli, &error) || !dpo_export_json (cli->store, out, NULL, &error))
        return fail (error);
      return EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!check_output (file, &error) || !open_store (cli, &error) ||
      !dpo_export_json_file (cli->store, file, NULL, &error))
    return fail (error);
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

  if (!parse_command_options (&COMMANDS[CMD_EXPORT_REGISTERS], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (!is_a_file_name (argv[1]))
    return EXIT_FAILURE_;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!check_output (file, &error) || !open_store (cli, &error) ||
      !dpo_registers_export (cli->store, file, xlsx_max_rows (), NULL, NULL, NULL, &error))
    return fail (error);
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

  if (!parse_command_options (&COMMANDS[CMD_EXPORT_INCIDENT], NULL, &argc, &argv, 2, &exit_code))
    return exit_code;
  if (!is_a_file_name (argv[2]))
    return EXIT_FAILURE_;

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!check_output (file, &error) || !open_store (cli, &error) ||
      !dpo_registers_export_incident (cli->store, argv[1], file, &error))
    return fail (error);
  return EXIT_OK;
}

/* Before carrying a request out with --letter: what the letter needs (the
 * DPO's contact, the processing section of an access answer) is there, so
 * that the answer is not recorded without its letter for want of it. */
static gboolean
check_letter_possible (DpoStore     *store,
                       const char   *id,
                       DpoSubject  **person,
                       GError      **error)
{
  g_autoptr(DpoRequest) request = dpo_store_get_request (store, id, error);
  g_autoptr(DpoOrganisation) organisation = dpo_store_get_organisation (store);

  if (request == NULL ||
      !dpo_request_letter_check_organisation (organisation, DPO_LETTER_ANSWER, request, error))
    return FALSE;
  if (request->subject_id != NULL)
    *person = dpo_store_get_subject (store, request->subject_id, NULL);
  return TRUE;
}

/* The letter once the request is carried out, to @person as read before
 * (an erasure leaves no one to address it to); says why if it fails. */
static gboolean
write_letter_after (DpoStore          *store,
                    const char        *id,
                    DpoLetterKind      kind,
                    const DpoSubject  *person,
                    GFile             *file)
{
  g_autoptr(GError) error = NULL;

  if (dpo_request_letter_write_to (store, id, kind, person, file, &error))
    return TRUE;
  g_printerr (_("dpo: the request was carried out, but its letter was not written: %s\n"),
              error->message);
  return FALSE;
}

static int
run_execute (Cli   *cli,
             int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GFile) letter = NULL;
  g_autoptr(DpoSubject) person = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *letter_path = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *line = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *reason = NULL;
  DpoCarryOutInput input = { NULL, NULL };
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("For an access request: the file to write the person’s data to (JSON)"), N_("FILE") },
    { "letter", 'l', 0, G_OPTION_ARG_FILENAME, &letter_path,
      N_("Also write the letter to send (PDF): the answer, or the refusal"), N_("FILE.pdf") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision,
      N_("For an objection: upheld (the processing stops) or rejected (compelling legitimate grounds)"),
      N_("upheld|rejected") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("For a restriction or an objection: the reason, in plain words"), N_("TEXT") },
    { NULL }
  };

  if (!parse_command_options (&COMMANDS[CMD_EXECUTE], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (output_path != NULL)
    output = g_file_new_for_commandline_arg (output_path);
  if (letter_path != NULL)
    letter = g_file_new_for_commandline_arg (letter_path);
  input.decision = decision;
  input.reason = reason;
  if ((output != NULL && !check_output (output, &error)) ||
      (letter != NULL && !check_output (letter, &error)) || !open_store (cli, &error) ||
      (letter != NULL && !check_letter_possible (cli->store, argv[1], &person, &error)))
    return fail (error);
  if (!dpo_request_execute_with_input (cli->store, argv[1], output, &input, &outcome, &error))
    {
      /* A refusal is recorded: its letter is the one to send. */
      if (letter != NULL && g_error_matches (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT))
        write_letter_after (cli->store, argv[1], DPO_LETTER_REFUSAL, person, letter);
      return fail (error);
    }

  /* TRANSLATORS: "R-2024-0002: the outcome"; French puts a space before the colon. */
  line = g_strdup_printf (_("%s: %s"), argv[1], outcome);
  g_print ("%s\n", line);
  if (letter != NULL && !write_letter_after (cli->store, argv[1], DPO_LETTER_ANSWER, person, letter))
    return EXIT_FAILURE_;
  return EXIT_OK;
}

/* Request ids, one a line; blank lines and lines starting with "#" are
 * skipped. "-" reads standard input. */
static GStrv
read_request_list (const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      g_output_stream_write (out, "", 1, NULL, NULL);
      text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
    }
  else if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *id = g_strstrip (lines[i]);

      if (*id != '\0' && *id != '#')
        g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}

static int
run_letter (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *pages = NULL;
  const char *kind_word;
  DpoLetterKind kind;
  guint n_pages = 0;
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "batch", 'b', 0, G_OPTION_ARG_FILENAME, &batch,
      N_("Write a letter for each request listed in LIST (one id a line, \"-\" for standard "
         "input) into one PDF; then give only KIND FILE.pdf"), N_("LIST") },
    { NULL }
  };

  if (!parse_command_options (&COMMANDS[CMD_LETTER], entries, &argc, &argv, -1, &exit_code))
    return exit_code;
  if (argc != (batch != NULL ? 3 : 4))
    {
      g_printerr (_("dpo letter: expected REQUEST-ID KIND FILE.pdf, or --batch LIST KIND "
                    "FILE.pdf\n"));
      return EXIT_FAILURE_;
    }
  kind_word = argv[argc - 2];
  if (!dpo_letter_kind_from_word (kind_word, &kind))
    {
      g_printerr (_("dpo letter: unknown kind “%s”; the kinds are acknowledgement, identity, "
                    "extension, refusal and answer.\n"), kind_word);
      return EXIT_FAILURE_;
    }
  if (batch != NULL)
    {
      ids = read_request_list (batch, &error);
      if (ids == NULL)
        return fail (error);
    }
  else
    {
      ids = g_new0 (char *, 2);
      ids[0] = g_strdup (argv[1]);
    }
  file = g_file_new_for_commandline_arg (argv[argc - 1]);
  if (!check_output (file, &error) || !open_store (cli, &error) ||
      !dpo_request_letters_write (cli->store, (const char * const *) ids, kind, file, &n_pages,
                                  &error))
    return fail (error);
  /* Two numbers, two plurals: "1 letter written (1 page)", "3 letters written (4 pages)". */
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u letter written (%s) to %s\n",
                        "%u letters written (%s) to %s\n", g_strv_length (ids)),
           g_strv_length (ids), pages, argv[argc - 1]);
  return EXIT_OK;
}

/* Pads to @width characters, not bytes, so accented labels line up. */
static char *
pad (const char *text,
     glong       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *padded = g_string_new (text);

  for (glong i = length; i < width; i++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

/* --explain: how the date was reached, one step a line under it. */
static void
print_explanation (const DpoDeadline *deadline)
{
  g_auto(GStrv) phrases = dpo_deadline_explain (deadline);

  for (guint i = 0; phrases[i] != NULL; i++)
    g_print ("      %s%s\n", i > 0 ? "→ " : "", phrases[i]);
}

static gboolean
print_deadline (const DpoDeadline *deadline,
                gpointer           user_data)
{
  gboolean *explain = user_data;
  g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (deadline->due, zone);
  g_autofree char *state = pad (deadline->overdue ? _("OVERDUE") : _("due"), 7);
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;
  const char *detail;

  if (deadline->kind == DPO_DEADLINE_CNIL)
    {
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      what = pad (_("CNIL notification"), 17);
      detail = deadline->what;
    }
  else
    {
      when = g_date_time_format (local, "%Y-%m-%d      ");
      what = pad (dpo_enum_label (DPO_ENUM_REQUEST_KIND, deadline->what), 17);
      detail = deadline->person != NULL ? deadline->person : "";
    }
  g_print ("%s  %s  %s  %s  %s%s\n", when, state, what, deadline->id, detail,
           deadline->extended ? _(" (extended)") : "");
  if (*explain)
    print_explanation (deadline);
  return TRUE;
}

static int
write_calendar (Cli        *cli,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_events = 0;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!open_store (cli, &error) || !dpo_deadlines_write_ics_stream (cli->store, out, NULL, &error))
        return fail (error);
      return EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!check_output (file, &error) || !open_store (cli, &error) ||
      !dpo_deadlines_write_ics (cli->store, file, &n_events, &error))
    return fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Calendar written to %s: %u deadline.\n",
                        "Calendar written to %s: %u deadlines.\n", n_events), path, n_events);
  return EXIT_OK;
}

static int
run_deadlines (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics_path = NULL;
  gboolean explain = FALSE;
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
      N_("Under each deadline, the steps of its computation (weekends, holidays, extension)"), NULL },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics_path,
      N_("Write the deadlines as an iCalendar file for a calendar application (\"-\" for standard "
         "output) instead of listing them"), N_("FILE.ics") },
    { NULL }
  };

  if (!parse_command_options (&COMMANDS[CMD_DEADLINES], entries, &argc, &argv, 0, &exit_code))
    return exit_code;
  if (ics_path != NULL)
    return write_calendar (cli, ics_path);
  if (!open_store (cli, &error))
    return fail (error);

  dpo_deadlines_foreach (cli->store, print_deadline, &explain);
  return EXIT_OK;
}

/* "audit verify" reads the file as it is: it does not open the store,
 * which would put back a dropped safeguard before it could be reported. */
static int
run_audit (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *seal = NULL;
  guint64 n_entries = 0;
  int exit_code = EXIT_OK;

  if (!parse_command_options (&COMMANDS[CMD_AUDIT], NULL, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (!g_str_equal (argv[1], "verify"))
    {
      g_printerr (_("dpo audit: unknown action “%s”; the only one is “verify”.\n"), argv[1]);
      return EXIT_FAILURE_;
    }

  path = cli->database != NULL ? g_strdup (cli->database) : dpo_store_default_path ();
  if (!dpo_audit_verify_file (path, &seal, &n_entries, &error))
    {
      g_printerr (_("dpo: audit verification of “%s” failed: %s\n"), path, error->message);
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

/* "3 households, 5 people" */
static char *
households_text (guint households,
                 guint people)
{
  g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                                     households), households);
  g_autofree char *p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                     people), people);

  /* Translators: "3 households, 5 people" */
  return g_strdup_printf (_("%s, %s"), h, p);
}

static void
print_campaign (const char              *folder,
                const DpoCampaignCounts *counts)
{
  g_autofree char *email = households_text (counts->households[DPO_CAMPAIGN_EMAIL],
                                            counts->people[DPO_CAMPAIGN_EMAIL]);
  g_autofree char *post = households_text (counts->households[DPO_CAMPAIGN_POST],
                                           counts->people[DPO_CAMPAIGN_POST]);
  g_autofree char *none = households_text (counts->households[DPO_CAMPAIGN_UNREACHABLE],
                                           counts->people[DPO_CAMPAIGN_UNREACHABLE]);

  g_print (_("Campaign written to %s\n"), folder);
  g_print (_("  by email: %s (emails.mbox, emails.csv)\n"), email);
  g_print (_("  by post: %s (letters.pdf, letters.csv)\n"), post);
  if (counts->bounced > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "    of which %u household after a bounced email\n",
                          "    of which %u households after a bounced email\n", counts->bounced),
             counts->bounced);
  g_print (_("  unreachable: %s (unreachable.csv), not recorded as informed\n"), none);
}

static int
run_campaign (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *sent_at = NULL;
  g_autofree char *bounced_path = NULL;
  g_auto(GStrv) bounced = NULL;
  g_autoptr(GFile) folder = NULL;
  DpoCampaignCounts counts = { 0 };
  DpoCampaignOptions options = { 0 };
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("The folder to write the campaign into: new, or empty"), N_("DIR") },
    { "sent-at", 0, 0, G_OPTION_ARG_STRING, &sent_at,
      N_("The day the messages are sent (default: today)"), N_("YYYY-MM-DD") },
    { "bounced", 0, 0, G_OPTION_ARG_FILENAME, &bounced_path,
      N_("Email addresses that bounced, one per line: their households get a letter instead"),
      N_("FILE") },
    { NULL }
  };

  if (!parse_command_options (&COMMANDS[CMD_CAMPAIGN], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (out == NULL)
    {
      g_printerr (_("dpo campaign: give the folder to write into with --out DIR.\n"));
      return EXIT_FAILURE_;
    }
  if (bounced_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (bounced_path);

      bounced = dpo_campaign_read_bounced (file, &error);
      if (bounced == NULL)
        return fail (error);
    }
  folder = g_file_new_for_commandline_arg (out);
  options.incident_id = argv[1];
  options.folder = folder;
  options.sent_on = sent_at;
  options.bounced = (const char * const *) bounced;
  if (!open_store (cli, &error) ||
      !dpo_campaign_run (cli->store, &options, NULL, NULL, NULL, &counts, &error))
    return fail (error);
  print_campaign (out, &counts);
  return EXIT_OK;
}

static DpoStore *
open_store_for_affected (gpointer   data,
                         GError   **error)
{
  Cli *cli = data;

  return open_store (cli, error) ? cli->store : NULL;
}

static int
run_affected (Cli   *cli,
              int    argc,
              char **argv)
{
  return dpo_cli_affected (argc, argv, open_store_for_affected, cli);
}

/* The stored notice, or a draft; --save stores the draft, but replaces a
 * stored notice (perhaps edited by hand) only when --draft says so. */
static int
run_notice (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(DpoOrganisation) organisation = NULL;
  g_autoptr(DpoNotice) notice = NULL;
  gboolean draft = FALSE, save = FALSE, stored;
  int exit_code = EXIT_OK;
  GOptionEntry entries[] = {
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_("Draft the notice afresh from the incident, even if one is stored"), NULL },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save,
      N_("Store the draft as the incident’s notice (with --draft, replacing the stored one)"), NULL },
    { NULL }
  };

  if (!parse_command_options (&COMMANDS[CMD_NOTICE], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (!open_store (cli, &error))
    return fail (error);
  incident = dpo_store_get_incident (cli->store, argv[1], &error);
  if (incident == NULL)
    return fail (error);

  stored = incident->notice_subject != NULL;
  if (save && stored && !draft)
    {
      g_printerr (_("dpo: incident %s has a notice already; add --draft to replace it with a new "
                    "draft.\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  organisation = dpo_store_get_organisation (cli->store);
  notice = draft || !stored ? dpo_notice_draft (incident, organisation)
                            : dpo_notice_new (incident->notice_subject, incident->notice_body);
  if (save && !dpo_store_save_notice (cli->store, argv[1], notice, &error))
    return fail (error);

  g_print (_("Subject: %s\n\n%s"), notice->subject, notice->body);
  /* The draft ends on the signature without a newline: the shell's prompt
   * (or the "Stored as…" line) would otherwise run on after it. */
  if (!g_str_has_suffix (notice->body, "\n"))
    g_print ("\n");
  if (save)
    g_printerr (_("Stored as the notice of incident %s.\n"), argv[1]);
  return EXIT_OK;
}

/* "restriction lift PERSON-ID" (Art. 18(3): the person is informed first). */
static int
run_restriction (Cli   *cli,
                 int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  int exit_code = EXIT_OK;

  if (!parse_command_options (&COMMANDS[CMD_RESTRICTION], NULL, &argc, &argv, 2, &exit_code))
    return exit_code;
  if (!g_str_equal (argv[1], "lift"))
    {
      g_printerr (_("dpo restriction: unknown action “%s”; the only one is “lift”.\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  if (!open_store (cli, &error) || !dpo_store_lift_restriction (cli->store, argv[2], &error))
    return fail (error);

  g_print (_("%s: the restriction of processing is lifted. The person must have been informed "
             "before it was lifted (GDPR Art. 18(3)).\n"), argv[2]);
  return EXIT_OK;
}

/* "server init URI": a PostgreSQL server, not the --database file. */
static int
run_server (Cli   *cli,
            int    argc,
            char **argv)
{
  return dpo_cli_server (argc, argv);
}

static const Command COMMANDS[N_COMMANDS] = {
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
       "FILE.pdf writes the answer to send."), run_execute },
  [CMD_LETTER] = { "letter", N_("REQUEST-ID KIND FILE.pdf"),
    N_("Writes the letter a request needs (PDF): acknowledgement, identity, extension, "
       "refusal or answer, and records it in the request’s history. --batch LIST writes one "
       "for each request listed, in one PDF."), run_letter },
  [CMD_DEADLINES] = { "deadlines", "",
    N_("Lists overdue and upcoming deadlines, soonest first: open requests and the CNIL clocks "
       "(--explain: how each date was reached; --ics FILE.ics: as a calendar)."),
    run_deadlines },
  [CMD_AUDIT] = { "audit", N_("verify"),
    N_("Checks the audit log’s hash chain, the safeguards (triggers) and the database structure; "
       "prints the seal, or names the first entry or safeguard altered, removed or dropped."),
    run_audit },
  [CMD_AFFECTED] = { "affected", N_("import|check …"),
    N_("The people an incident affects: “import INCIDENT-ID FILE.csv” reads the processor’s "
       "list (all or nothing); “check NIR-OR-MEMBER-NUMBER [--json]” says whether someone is "
       "affected and how they were informed."), run_affected },
  [CMD_NOTICE] = { "notice", N_("INCIDENT-ID"),
    N_("Prints the incident’s notice to the people affected (Art. 34), or a draft from the "
       "incident when none is stored or with --draft; --save stores the draft."), run_notice },
  [CMD_CAMPAIGN] = { "campaign", N_("INCIDENT-ID"),
    N_("Informs the people affected by an incident (GDPR Art. 34): one message per household "
       "not yet informed, by email where the holder has an address, by post otherwise, written "
       "into --out DIR, and records who was informed."), run_campaign },
  [CMD_RESTRICTION] = { "restriction", N_("lift PERSON-ID"),
    N_("Lifts the restriction of processing of a person (GDPR Art. 18); inform the person "
       "before lifting it."), run_restriction },
  [CMD_SERVER] = { "server", N_("init URI"),
    N_("Sets up an empty PostgreSQL database for a DPO team (in progress): the tables, the rules "
       "the server enforces, and the roles dpo_officer, dpo_agent and dpo_auditor."), run_server },
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
