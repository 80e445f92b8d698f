/* dpo-window-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Data into the window's store: the example scenario, and JSON import
 * (on a worker thread). */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-export-json.h"
#include "dpo-import.h"
#include "dpo-window-private.h"

#define EXAMPLE_RESOURCE APP_ID_PATH "/example/breach-2024.json"

/* "1 incident, 5 people, 5 requests" */
static char *
format_counts (const DpoImportCounts *counts)
{
  g_autofree char *incidents =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents",
                                  counts->incidents), counts->incidents);
  g_autofree char *people =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                  counts->subjects), counts->subjects);
  g_autofree char *requests =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request", "%u requests",
                                  counts->requests), counts->requests);

  /* Translators: the counts of an import: incidents, people, requests */
  return g_strdup_printf (_("%s, %s, %s"), incidents, people, requests);
}

void
_dpo_window_load_example (DpoWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;
  DpoImportCounts counts = { 0 };

  g_return_if_fail (self->store != NULL);

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !dpo_import_bytes (self->store, bytes, _("the example scenario"), &counts, &error))
    {
      _dpo_window_show_error (self, _("Cannot Load the Example Scenario"), error->message);
      return;
    }

  summary = format_counts (&counts);
  /* Translators: %s lists the counts, e.g. "1 incident, 5 people, 5 requests" */
  message = g_strdup_printf (_("Example scenario loaded: %s"), summary);
  _dpo_window_toast (self, message);
}

static void
on_import_finished_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(DpoWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;
  DpoImportCounts counts = { 0 };
  gboolean imported;

  imported = dpo_import_file_finish (DPO_STORE (source), result, &counts, &error);
  g_weak_ref_clear (window_ref);
  g_free (window_ref);

  /* The window was closed meanwhile: the import itself is whole (one
   * transaction) and there is nobody left to tell. */
  if (self == NULL)
    return;

  if (!imported)
    {
      /* Cancelled: the window is going away. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      _dpo_window_set_busy (self, FALSE);
      _dpo_window_show_error (self, _("Import Failed"), error->message);
      return;
    }

  _dpo_window_set_busy (self, FALSE);
  summary = format_counts (&counts);
  /* Translators: %s lists the counts, e.g. "1 incident, 5 people, 5 requests" */
  message = g_strdup_printf (_("Imported: %s"), summary);
  _dpo_window_toast (self, message);
}

void
dpo_window_import_file (DpoWindow *self,
                        GFile     *file)
{
  GWeakRef *window_ref;

  g_return_if_fail (DPO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL && !self->busy);

  window_ref = g_new0 (GWeakRef, 1);

  _dpo_window_set_busy (self, TRUE);
  /* Held weakly, so closing the window during an import releases it. */
  g_weak_ref_init (window_ref, self);
  dpo_import_file_async (self->store, file, self->cancellable,
                               on_import_finished_cb, window_ref);
}
