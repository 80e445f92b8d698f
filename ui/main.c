/* main.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "dpo-application.h"
#include "dpo-temp-files.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DpoApplication) app = NULL;
  const char *localedir = g_getenv ("DPO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Closed by a signal during an export: its temporary file goes too. */
  dpo_temp_files_catch_signals ();
  app = dpo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
