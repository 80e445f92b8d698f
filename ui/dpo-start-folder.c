/* dpo-start-folder.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-start-folder.h"
#include "dpo-store-role.h"

GFile *
dpo_start_folder (const char *database)
{
  const char *documents;

  if (database != NULL && !dpo_store_path_is_server (database))
    {
      g_autoptr(GFile) file = g_file_new_for_path (database);

      return g_file_get_parent (file);
    }
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
}
