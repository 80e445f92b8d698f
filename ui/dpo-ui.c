/* dpo-ui.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

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

  /* Each follower connects one handler to "changed": found by signal and
   * instance, without comparing function pointers as data pointers. */
  if (*store_ptr != NULL)
    g_signal_handlers_disconnect_matched (*store_ptr, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                          g_signal_lookup ("changed", DPO_TYPE_STORE), 0,
                                          NULL, NULL, instance);
  g_set_object (store_ptr, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", changed_cb, instance, G_CONNECT_SWAPPED);
  return TRUE;
}

/* The printf flag "'" (thousands grouping) is POSIX, not ISO C: the
 * locale's separator is inserted by hand, every three digits. */
char *
dpo_ui_format_count (gint64 count)
{
  const char *separator = localeconv ()->thousands_sep;

  /* The C locale groups nothing ("18000"): the language's separator then. */
  if (separator == NULL || *separator == '\0')
    /* Translators: the separator of thousands in 18,000 (French: a narrow
     * no-break space, U+202F) */
    separator = C_("thousands separator", ",");
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  const char *first = digits[0] == '-' ? digits + 1 : digits;
  GString *text = g_string_new (digits[0] == '-' ? "-" : NULL);
  gsize n = strlen (first);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0 && separator != NULL)
        g_string_append (text, separator);
      g_string_append_c (text, first[i]);
    }
  return g_string_free (text, FALSE);
}
