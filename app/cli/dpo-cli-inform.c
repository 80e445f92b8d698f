/* dpo-cli-inform.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-campaign.h"
#include "dpo-error.h"
#include "dpo-store-notice.h"
#include "dpo-cli-private.h"

/* The stored notice, or a draft; --save stores the draft, but replaces a
 * stored notice (perhaps edited by hand) only when --draft says so. */
int
dpo_cli_run_notice (Cli   *cli,
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

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_NOTICE], entries, &argc, &argv, 1, &exit_code))
    return exit_code;
  if (!dpo_cli_open_store (cli, &error))
    return dpo_cli_fail (error);
  incident = dpo_store_get_incident (cli->store, argv[1], &error);
  if (incident == NULL)
    return dpo_cli_fail (error);

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
    return dpo_cli_fail (error);

  g_print (_("Subject: %s\n\n%s"), notice->subject, notice->body);
  /* The draft ends on the signature without a newline: the shell's prompt
   * (or the "Stored as…" line) would otherwise run on after it. */
  if (!g_str_has_suffix (notice->body, "\n"))
    g_print ("\n");
  if (save)
    g_printerr (_("Stored as the notice of incident %s.\n"), argv[1]);
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

int
dpo_cli_run_campaign (Cli   *cli,
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

  if (!dpo_cli_parse_options (&dpo_cli_commands[CMD_CAMPAIGN], entries, &argc, &argv, 1, &exit_code))
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
        return dpo_cli_fail (error);
    }
  folder = g_file_new_for_commandline_arg (out);
  options.incident_id = argv[1];
  options.folder = folder;
  options.sent_on = sent_at;
  options.bounced = (const char * const *) bounced;
  if (!dpo_cli_open_store (cli, &error) ||
      !dpo_campaign_run (cli->store, &options, NULL, NULL, NULL, &counts, &error))
    return dpo_cli_fail (error);
  print_campaign (out, &counts);
  return EXIT_OK;
}
