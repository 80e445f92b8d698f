/* dpo-cli-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <gio/gunixinputstream.h>

#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-request-execute.h"
#include "dpo-request-letter-write.h"
#include "dpo-request-letter.h"
#include "dpo-store-restriction.h"
#include "dpo-cli-private.h"

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

int
dpo_cli_run_execute (Cli   *cli,
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

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_EXECUTE], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (output_path != NULL)
    output = g_file_new_for_commandline_arg (output_path);
  if (letter_path != NULL)
    letter = g_file_new_for_commandline_arg (letter_path);
  input.decision = decision;
  input.reason = reason;
  if ((output != NULL && !dpo_cli_check_output (output, &error)) ||
      (letter != NULL && !dpo_cli_check_output (letter, &error)) || !dpo_cli_open_store (cli, &error) ||
      (letter != NULL && !check_letter_possible (cli->store, argv[1], &person, &error)))
    return dpo_cli_fail (error);
  if (!dpo_request_execute_with_input (cli->store, argv[1], output, &input, &outcome, &error))
    {
      /* A refusal is recorded: its letter is the one to send. */
      if (letter != NULL && g_error_matches (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT))
        write_letter_after (cli->store, argv[1], DPO_LETTER_REFUSAL, person, letter);
      return dpo_cli_fail (error);
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

int
dpo_cli_run_letter (Cli   *cli,
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

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_LETTER], entries, &argc, &argv, -1, &exit_code))
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
        return dpo_cli_fail (error);
    }
  else
    {
      ids = g_new0 (char *, 2);
      ids[0] = g_strdup (argv[1]);
    }
  file = g_file_new_for_commandline_arg (argv[argc - 1]);
  if (!dpo_cli_check_output (file, &error) || !dpo_cli_open_store (cli, &error) ||
      !dpo_request_letters_write (cli->store, (const char * const *) ids, kind, file, &n_pages,
                                  &error))
    return dpo_cli_fail (error);
  /* Two numbers, two plurals: "1 letter written (1 page)", "3 letters written (4 pages)". */
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u letter written (%s) to %s\n",
                        "%u letters written (%s) to %s\n", g_strv_length (ids)),
           g_strv_length (ids), pages, argv[argc - 1]);
  return EXIT_OK;
}

/* "restriction lift PERSON-ID" (Art. 18(3): the person is informed first). */
int
dpo_cli_run_restriction (Cli   *cli,
                         int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  int exit_code = EXIT_OK;

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_RESTRICTION], NULL, &argc, &argv, 2, &exit_code))
    return exit_code;
  if (!g_str_equal (argv[1], "lift"))
    {
      g_printerr (_("dpo restriction: unknown action “%s”; the only one is “lift”.\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  if (!dpo_cli_open_store (cli, &error) || !dpo_store_lift_restriction (cli->store, argv[2], &error))
    return dpo_cli_fail (error);

  g_print (_("%s: the restriction of processing is lifted. The person must have been informed "
             "before it was lifted (GDPR Art. 18(3)).\n"), argv[2]);
  return EXIT_OK;
}
