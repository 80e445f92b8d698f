/* dpo-affected-group.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-affected-group.h"
#include "dpo-affected-import.h"
#include "dpo-store-worker.h"
#include "dpo-ui.h"

enum { ROW_LISTED, ROW_CO_INSURED, ROW_UNMATCHED, ROW_EMAIL, ROW_POST, ROW_NEITHER, N_ROWS };

struct _DpoAffectedGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *rows[N_ROWS];
  GtkLabel            *values[N_ROWS];
  GtkButton           *import_button;
  AdwActionRow        *progress_row;
  GtkProgressBar      *progress_bar;

  DpoStore            *store;
  char                *id;
  GCancellable        *cancellable;   /* while a list is imported */
  GCancellable        *counting;      /* while the counts are read */
};

G_DEFINE_FINAL_TYPE (DpoAffectedGroup, dpo_affected_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_summary (DpoAffectedGroup         *self,
              const DpoAffectedSummary *summary)
{
  guint64 values[N_ROWS];

  values[ROW_LISTED] = summary->listed;
  values[ROW_CO_INSURED] = summary->co_insured;
  values[ROW_UNMATCHED] = summary->unmatched;
  values[ROW_EMAIL] = summary->by_email;
  values[ROW_POST] = summary->by_post;
  values[ROW_NEITHER] = summary->neither;
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *text = dpo_ui_format_count (values[i]);

      gtk_label_set_text (self->values[i], text);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    summary->listed + summary->co_insured + summary->unmatched == 0
      ? _("No list imported yet. Import the processor’s list of the people whose data were stolen.")
      : _("From the processor’s list: the members it matched, the co-insured of their contracts, "
          "and the rows that matched nobody (kept only as keyed hashes)."));
}

/* Counting millions of unmatched rows takes a moment: on a worker, with a
 * connection of its own, so the incident view never waits for it. */
static gboolean
summary_job (DpoStore      *worker,
             GTask         *task,
             gpointer       id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree DpoAffectedSummary *summary = g_new0 (DpoAffectedSummary, 1);

  if (!dpo_store_affected_summary (worker, id, summary, error))
    return FALSE;
  g_object_set_data_full (G_OBJECT (task), "summary", g_steal_pointer (&summary), g_free);
  return TRUE;
}

static const char summary_tag[] = "dpo_affected_group_summary";

static void
on_summary_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DpoAffectedGroup) self = user_data;
  DpoAffectedSummary *summary = g_object_get_data (G_OBJECT (result), "summary");

  if (!dpo_store_job_finish (DPO_STORE (source), result, summary_tag, NULL) || summary == NULL ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->counting);
  show_summary (self, summary);
}

static void
refresh (DpoAffectedGroup *self)
{
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  if (self->store == NULL || self->id == NULL)
    {
      DpoAffectedSummary none = { 0 };

      show_summary (self, &none);
      return;
    }
  self->counting = g_cancellable_new ();
  dpo_store_job_run_async (self->store, summary_job, g_strdup (self->id), g_free, summary_tag,
                           self->counting, on_summary_cb, g_object_ref (self));
}

void
dpo_affected_group_show (DpoAffectedGroup *self,
                         DpoStore         *store,
                         const char       *id)
{
  g_return_if_fail (DPO_IS_AFFECTED_GROUP (self));

  g_set_object (&self->store, store);
  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
    }
  refresh (self);
}

static void
set_importing (DpoAffectedGroup *self,
               gboolean          importing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !importing);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

static void
on_progress_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  DpoAffectedGroup *self = user_data;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / total));
}

static void
show_message (DpoAffectedGroup *self,
              const char       *heading,
              const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_counts (const DpoAffectedCounts *counts)
{
  return g_strdup_printf (_("Rows: %llu\n"
                            "Matched: %llu (listed for the first time: %llu)\n"
                            "Co-insured added: %llu\n"
                            "Unmatched: %llu (new: %llu)\n"
                            "Reachable by email: %llu, by post: %llu, neither: %llu"),
                          (unsigned long long) counts->rows, (unsigned long long) counts->matched,
                          (unsigned long long) counts->newly_listed,
                          (unsigned long long) counts->co_insured_added,
                          (unsigned long long) counts->unmatched,
                          (unsigned long long) counts->unmatched_added,
                          (unsigned long long) counts->by_email, (unsigned long long) counts->by_post,
                          (unsigned long long) counts->neither);
}

/* @self is held by the task until it ends, so the dialog has a parent. */
static void
on_import_finished_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DpoAffectedGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  DpoAffectedCounts counts;

  g_clear_object (&self->cancellable);
  set_importing (self, FALSE);
  if (!dpo_affected_import_file_finish (DPO_STORE (source), result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("The List Was Not Imported"), error->message);
      return;
    }
  refresh (self);
  {
    g_autofree char *body = describe_counts (&counts);

    show_message (self, _("List Imported"), body);
  }
}

void
dpo_affected_group_import (DpoAffectedGroup *self,
                           GFile            *file,
                           const char       *encoding)
{
  g_return_if_fail (DPO_IS_AFFECTED_GROUP (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->id == NULL || self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_importing (self, TRUE);
  dpo_affected_import_file_async (self->store, self->id, file, encoding, on_progress_cb, self,
                                  self->cancellable, on_import_finished_cb, g_object_ref (self));
}

gboolean
dpo_affected_group_is_importing (DpoAffectedGroup *self)
{
  g_return_val_if_fail (DPO_IS_AFFECTED_GROUP (self), FALSE);

  return self->cancellable != NULL;
}

void
dpo_affected_group_cancel (DpoAffectedGroup *self)
{
  g_return_if_fail (DPO_IS_AFFECTED_GROUP (self));

  g_cancellable_cancel (self->cancellable);
}

static void
on_file_chosen_cb (DpoAffectedGroup     *self,
                   int                   response,
                   GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  const char *encoding;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      encoding = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "encoding");
      if (file != NULL)
        dpo_affected_group_import (self, file,
                                   g_strcmp0 (encoding, "windows-1252") == 0 ? "windows-1252" : NULL);
    }
  g_object_unref (chooser);
}

static void
on_import_clicked_cb (DpoAffectedGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *ids[] = { "utf-8", "windows-1252", NULL };
  const char *labels[] = { N_("UTF-8"), N_("Windows (windows-1252)"), NULL };
  const char *translated[] = { _(labels[0]), _(labels[1]), NULL };

  chooser = gtk_file_chooser_native_new (_("Import the Processor’s List"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV lists"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "encoding", _("Encoding"),
                               ids, translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "encoding", "utf-8");
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkLabel *
add_row (DpoAffectedGroup *self,
         guint             index,
         const char       *title,
         const char       *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *value = gtk_label_new ("0");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (row, value);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
  self->rows[index] = row;
  return GTK_LABEL (value);
}

static void
add_progress_row (DpoAffectedGroup *self)
{
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->progress_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _("Importing the list…"));
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress of the import"), -1);
  adw_action_row_add_suffix (self->progress_row, GTK_WIDGET (self->progress_bar));
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (dpo_affected_group_cancel), self);
  adw_action_row_add_suffix (self->progress_row, cancel);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->progress_row));
}

static void
dpo_affected_group_dispose (GObject *object)
{
  DpoAffectedGroup *self = DPO_AFFECTED_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_object (&self->store);
  g_clear_pointer (&self->id, g_free);
  G_OBJECT_CLASS (dpo_affected_group_parent_class)->dispose (object);
}

static void
dpo_affected_group_class_init (DpoAffectedGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dpo_affected_group_dispose;
}

static void
dpo_affected_group_init (DpoAffectedGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  adw_preferences_group_set_title (group, _("Affected People"));
  self->import_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Import List…")));
  gtk_widget_set_valign (GTK_WIDGET (self->import_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               _("Import the processor’s list of the people affected (CSV)"));
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  adw_preferences_group_set_header_suffix (group, GTK_WIDGET (self->import_button));

  add_progress_row (self);
  self->values[ROW_LISTED] = add_row (self, ROW_LISTED, _("Listed and matched"),
                                      _("Members found from the processor’s list"));
  self->values[ROW_CO_INSURED] = add_row (self, ROW_CO_INSURED, _("Co-insured"),
                                          _("Covered by the same contracts"));
  self->values[ROW_UNMATCHED] = add_row (self, ROW_UNMATCHED, _("Unmatched"),
                                         _("Rows of the list that match no member"));
  self->values[ROW_EMAIL] = add_row (self, ROW_EMAIL, _("Reachable by email"), NULL);
  self->values[ROW_POST] = add_row (self, ROW_POST, _("Reachable by post only"), NULL);
  self->values[ROW_NEITHER] = add_row (self, ROW_NEITHER, _("Reachable by neither"),
                                       _("Neither an email address nor a postal address on file"));
}
