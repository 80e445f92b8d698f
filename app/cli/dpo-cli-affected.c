/* dpo-cli-affected.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-affected-import.h"
#include "dpo-affected-json.h"
#include "dpo-cli-affected.h"
#include "dpo-error.h"
#include "dpo-json-text.h"

/* dpo affected import INCIDENT FILE.csv [--encoding windows-1252]
 * dpo affected check NIR-OR-MEMBER [--json] */

static gboolean
parse_options (const char    *parameter,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int            n_args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("dpo affected: %s\n", error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr (_("dpo affected: expected %s\n\n%s"), parameter, help);
      return FALSE;
    }
  return TRUE;
}

static int
fail (GError *error)
{
  g_printerr ("dpo: %s\n", error->message);
  return 1;
}

static int
run_import (int              argc,
            char           **argv,
            DpoCliOpenStore  open_store,
            gpointer         cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *encoding = NULL;
  DpoAffectedCounts counts;
  DpoStore *store;
  GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The file’s encoding: UTF-8 (the default) or windows-1252"), N_("ENCODING") },
    { NULL }
  };

  if (!parse_options (_("import INCIDENT-ID FILE.csv"),
                      _("Imports the processor’s list of the people affected by an incident: "
                        "all of it, or nothing if anything is wrong."),
                      entries, &argc, &argv, 2))
    return 1;
  file = g_file_new_for_commandline_arg (argv[2]);
  store = open_store (cli, &error);
  if (store == NULL ||
      !dpo_affected_import_file (store, argv[1], file, encoding, NULL, NULL, &counts, NULL, &error))
    return fail (error);

  g_print (_("Rows: %llu\n"), (unsigned long long) counts.rows);
  g_print (_("Matched: %llu (listed for the first time: %llu)\n"),
           (unsigned long long) counts.matched, (unsigned long long) counts.newly_listed);
  g_print (_("Co-insured added: %llu\n"), (unsigned long long) counts.co_insured_added);
  g_print (_("Unmatched: %llu (new: %llu)\n"),
           (unsigned long long) counts.unmatched, (unsigned long long) counts.unmatched_added);
  g_print (_("Reachable by email: %llu, by post: %llu, neither: %llu\n"),
           (unsigned long long) counts.by_email, (unsigned long long) counts.by_post,
           (unsigned long long) counts.neither);
  return 0;
}

static JsonNode *
entries_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "affected");
  json_builder_add_boolean_value (builder, entries->len > 0);
  json_builder_set_member_name (builder, "incidents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const DpoAffectedEntry *entry = g_ptr_array_index (entries, i);

      dpo_affected_entry_build_json (builder, "incident", entry->incident, entry);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
run_check (int              argc,
           char           **argv,
           DpoCliOpenStore  open_store,
           gpointer         cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *nir = NULL;
  g_autofree char *member = NULL;
  gboolean json = FALSE;
  DpoStore *store;
  GOptionEntry entries_options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the answer as JSON"), NULL },
    { NULL }
  };

  if (!parse_options (_("check NIR-OR-MEMBER-NUMBER"),
                      _("Says whether a person is affected by an incident, as listed or "
                        "co-insured, and when and how they were informed."),
                      entries_options, &argc, &argv, 1))
    return 1;
  if (!dpo_affected_parse_query (argv[1], &nir, &member, &error))
    return fail (error);
  store = open_store (cli, &error);
  if (store == NULL)
    return fail (error);
  entries = dpo_store_affected_check (store, nir, member, &error);
  if (entries == NULL)
    return fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = entries_to_json (entries);
      g_autofree char *text = dpo_json_to_text (node, TRUE);

      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = dpo_affected_describe (entries);

      g_print ("%s\n", text);
    }
  return 0;
}

int
dpo_cli_affected (int              argc,
                  char           **argv,
                  DpoCliOpenStore  open_store,
                  gpointer         cli)
{
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return run_import (argc - 1, argv + 1, open_store, cli);
  if (argc >= 2 && g_str_equal (argv[1], "check"))
    return run_check (argc - 1, argv + 1, open_store, cli);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage:\n"
                         "  dpo affected import INCIDENT-ID FILE.csv [--encoding windows-1252]\n"
                         "  dpo affected check NIR-OR-MEMBER-NUMBER [--json]"));
      return 0;
    }
  g_printerr (_("dpo affected: expected “import” or “check”; \"dpo affected --help\" "
                "describes them.\n"));
  return 1;
}
