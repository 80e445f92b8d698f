/* dpo-window-export-calendar.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* win.export-calendar: the deadlines as an iCalendar file for the DPO's
 * calendar application (dpo_deadlines_write_ics(), the same file as
 * `dpo deadlines --ics`), written on a worker thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-deadlines-ics.h"
#include "dpo-window-private.h"
#include "dpo-start-folder.h"

static void
on_calendar_written_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(DpoWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = dpo_deadlines_write_ics_finish (DPO_STORE (source), result, &error);
  g_weak_ref_clear (window_ref);
  g_free (window_ref);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _dpo_window_set_busy (self, FALSE);
  if (!written)
    {
      _dpo_window_show_error (self, _("Export Failed"), error->message);
      return;
    }
  _dpo_window_toast (self, _("Calendar exported: subscribe to it in your calendar application"));
}

void
dpo_window_export_calendar (DpoWindow *self,
                            GFile     *file)
{
  GWeakRef *window_ref;

  g_return_if_fail (DPO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL && !self->busy);

  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  _dpo_window_set_busy (self, TRUE);
  dpo_deadlines_write_ics_async (self->store, file, self->cancellable,
                                 on_calendar_written_cb, window_ref);
}

static void
on_calendar_chooser_response_cb (GtkNativeDialog *native,
                                 int              response,
                                 DpoWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file != NULL && self->store != NULL && !self->busy)
    dpo_window_export_calendar (self, file);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Export the Deadlines Calendar"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Start beside the current database. */
  if (self->path != NULL)
    {
      g_autoptr(GFile) folder = dpo_start_folder (self->path);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("deadlines.ics"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_calendar_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_dpo_window_class_calendar_init (DpoWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.export-calendar", NULL,
                                   export_calendar_action);
}
