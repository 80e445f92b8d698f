/* dpo-window-export-registers.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The registers workbook from the window: a save chooser, the export on a
 * worker thread with its progress and a Cancel button under the header,
 * then a toast that opens the workbook, or a dialog saying why not. */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-export-ui.h"
#include "dpo-registers.h"
#include "dpo-window-private.h"

/* A small register is written before the bar could be read: it appears
 * only if the export takes longer than this. */
#define REVEAL_DELAY_MS 250

/* The window is held weakly: closing it disposes it, which cancels the
 * export. The job lives until the export's callback, after its last
 * progress report. */
typedef struct
{
  GWeakRef  window;
  GFile    *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_weak_ref_clear (&job->window);
  g_object_unref (job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
set_progress (DpoWindow *self,
              guint64    done,
              guint64    total)
{
  double fraction = total > 0 ? CLAMP ((double) done / total, 0.0, 1.0) : 0.0;
  g_autofree char *text = NULL;

  /* Translators: the registers export's progress; %u is a percentage
   * (keep the %% after it, as your language writes percentages) */
  text = g_strdup_printf (_("Exporting the registers… %u %%"), (guint) (fraction * 100));
  gtk_label_set_text (self->export_label, text);
  gtk_progress_bar_set_fraction (self->export_progress, fraction);
}

static gboolean
pulse_cb (gpointer data)
{
  DpoWindow *self = data;

  gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

/* Every row is written; the core now zips the sheets into the file, which
 * takes a while on a big store and cannot be cancelled. */
static void
set_finishing (DpoWindow *self)
{
  if (self->export_pulse_id != 0)
    return;

  gtk_label_set_text (self->export_label, _("Finishing the workbook…"));
  gtk_progress_bar_set_pulse_step (self->export_progress, 0.05);
  gtk_progress_bar_pulse (self->export_progress);
  self->export_pulse_id = g_timeout_add (100, pulse_cb, self);
  _dpo_window_actions_update (self);
}

static gboolean
reveal_progress_cb (gpointer data)
{
  DpoWindow *self = data;

  self->export_reveal_id = 0;
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

static void
start_exporting (DpoWindow *self)
{
  self->export_cancellable = g_cancellable_new ();
  set_progress (self, 0, 0);
  self->export_reveal_id = g_timeout_add (REVEAL_DELAY_MS, reveal_progress_cb, self);
  _dpo_window_actions_update (self);
}

static void
stop_exporting (DpoWindow *self)
{
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->export_reveal_id, g_source_remove);
  g_clear_handle_id (&self->export_pulse_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  _dpo_window_actions_update (self);
}

/* In the main thread, at most ten times a second. */
static void
on_export_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  ExportJob *job = user_data;
  g_autoptr(DpoWindow) self = g_weak_ref_get (&job->window);

  /* Gone: the window was closed, and the export cancelled. */
  if (self == NULL || self->export_cancellable == NULL)
    return;

  if (done < total)
    set_progress (self, done, total);
  else
    set_finishing (self);
}

static void
on_export_finished_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(DpoWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = dpo_registers_export_finish (DPO_STORE (source), result, &error);
  /* Cancelled because the window went: nothing to say, nowhere to say it. */
  if (self == NULL || self->export_cancellable == NULL)
    return;

  stop_exporting (self);
  if (ok)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 dpo_export_ui_toast_new (GTK_WINDOW (self), _("Registers exported"),
                                                          job->file));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _dpo_window_toast (self, _("Export cancelled"));
  else
    dpo_export_ui_show_error (GTK_WINDOW (self), _("Cannot Export the Registers"), error->message);
}

void
dpo_window_export_registers_to (DpoWindow *self,
                                GFile     *file)
{
  ExportJob *job;

  g_return_if_fail (DPO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  start_exporting (self);

  job = g_new0 (ExportJob, 1);
  g_weak_ref_init (&job->window, self);
  job->file = g_object_ref (file);
  dpo_registers_export_async (self->store, file, 0, on_export_progress_cb, job,
                              self->export_cancellable, on_export_finished_cb, job);
}

gboolean
dpo_window_get_exporting (DpoWindow *self)
{
  g_return_val_if_fail (DPO_IS_WINDOW (self), FALSE);

  return self->export_cancellable != NULL;
}

void
_dpo_window_export_dispose (DpoWindow *self)
{
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->export_reveal_id, g_source_remove);
  g_clear_handle_id (&self->export_pulse_id, g_source_remove);
}

/* Actions */

static void
on_file_chosen_cb (GtkWindow *parent,
                   GFile     *file)
{
  DpoWindow *self = DPO_WINDOW (parent);

  /* Another database, or an export started meanwhile (Ctrl+E twice). */
  if (self->store != NULL && self->export_cancellable == NULL)
    dpo_window_export_registers_to (self, file);
}

static void
export_registers_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  g_autofree char *today = dpo_export_ui_today (self->store);
  g_autofree char *name = NULL;

  /* Translators: the proposed name of the registers workbook; %s is
   * today's date, as 2026-11-23. Keep ".xlsx", avoid "/". */
  name = g_strdup_printf (_("registers-%s.xlsx"), today);
  dpo_export_ui_choose_file (GTK_WINDOW (self), self->store, _("Export the Registers"), name,
                             on_file_chosen_cb);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);

  g_cancellable_cancel (self->export_cancellable);
}

void
_dpo_window_class_export_init (DpoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-registers", NULL, export_registers_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-registers", NULL);
}

/* For screenshots and manual checks: DPO_EXPORT_REGISTERS=FILE.xlsx
 * exports the first database shown to FILE, shortly after start-up,
 * without the chooser. */

static gboolean
export_from_environment_cb (gpointer data)
{
  g_autoptr(DpoWindow) self = data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_getenv ("DPO_EXPORT_REGISTERS"));

  if (self->store != NULL && self->export_cancellable == NULL &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    dpo_window_export_registers_to (self, file);
  return G_SOURCE_REMOVE;
}

void
_dpo_window_export_from_environment (DpoWindow *self)
{
  const char *path = g_getenv ("DPO_EXPORT_REGISTERS");
  static gboolean done;

  if (path == NULL || *path == '\0' || self->store == NULL || done)
    return;
  done = TRUE;
  g_timeout_add (500, export_from_environment_cb, g_object_ref (self));
}
