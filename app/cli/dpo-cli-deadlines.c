/* dpo-cli-deadlines.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <gio/gunixoutputstream.h>

#include "dpo-deadlines.h"
#include "dpo-deadlines-ics.h"
#include "dpo-error.h"
#include "dpo-time.h"
#include "dpo-cli-private.h"

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

      if (!dpo_cli_open_store (cli, &error) || !dpo_deadlines_write_ics_stream (cli->store, out, NULL, &error))
        return dpo_cli_fail (error);
      return EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!dpo_cli_check_output (file, &error) || !dpo_cli_open_store (cli, &error) ||
      !dpo_deadlines_write_ics (cli->store, file, &n_events, &error))
    return dpo_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Calendar written to %s: %u deadline.\n",
                        "Calendar written to %s: %u deadlines.\n", n_events), path, n_events);
  return EXIT_OK;
}

int
dpo_cli_run_deadlines (Cli   *cli,
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

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_DEADLINES], entries, &argc, &argv, 0, &exit_code))
    return exit_code;
  if (ics_path != NULL)
    return write_calendar (cli, ics_path);
  if (!dpo_cli_open_store (cli, &error))
    return dpo_cli_fail (error);

  dpo_deadlines_foreach (cli->store, print_deadline, &explain);
  return EXIT_OK;
}
