/* dpo-ui.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-resources.h"
#include "dpo-ui.h"

void
dpo_ui_init (void)
{
  /* The resource lives in the static dpo-ui library: registered by hand
   * (--manual-register), because an unreferenced object's constructor
   * would not be linked in. */
  dpo_register_resource ();
}

GSettings *
dpo_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; settings are not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

char *
dpo_ui_resource_path (const char *name)
{
  return g_strconcat (APP_ID_PATH, "/", name, NULL);
}

gboolean
dpo_ui_follow_store (DpoStore  **store_ptr,
                     DpoStore   *store,
                     GCallback   changed_cb,
                     gpointer    instance)
{
  g_return_val_if_fail (store_ptr != NULL, FALSE);
  g_return_val_if_fail (store == NULL || DPO_IS_STORE (store), FALSE);

  if (*store_ptr == store)
    return FALSE;

  if (*store_ptr != NULL)
    g_signal_handlers_disconnect_by_func (*store_ptr, changed_cb, instance);
  g_set_object (store_ptr, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", changed_cb, instance, G_CONNECT_SWAPPED);
  return TRUE;
}
