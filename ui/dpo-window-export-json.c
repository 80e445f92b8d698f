/* dpo-window-export-json.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything in the window's store written out as JSON, the interchange
 * format (on a worker thread). */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-export-json.h"
#include "dpo-window-private.h"

static void
on_export_json_finished_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(DpoWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean exported;

  exported = dpo_export_json_file_finish (DPO_STORE (source), result, &error);
  g_weak_ref_clear (window_ref);
  g_free (window_ref);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _dpo_window_set_busy (self, FALSE);
  if (!exported)
    {
      _dpo_window_show_error (self, _("Export Failed"), error->message);
      return;
    }

  name = g_file_get_parse_name (self->export_json_file);
  /* Translators: %s is the exported file */
  message = g_strdup_printf (_("Exported to %s"), name);
  _dpo_window_toast (self, message);
}

/* Runs on a worker thread: a million requests never freeze the window. */
void
dpo_window_export_json (DpoWindow *self,
                        GFile     *file)
{
  GWeakRef *window_ref;

  g_return_if_fail (DPO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL && !self->busy);

  g_set_object (&self->export_json_file, file);
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  _dpo_window_set_busy (self, TRUE);
  dpo_export_json_file_async (self->store, file, self->cancellable,
                                    on_export_json_finished_cb, window_ref);
}

