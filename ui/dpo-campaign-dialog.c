/* dpo-campaign-dialog.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-campaign.h"
#include "dpo-error.h"
#include "dpo-campaign-dialog.h"
#include "dpo-date-field.h"
#include "dpo-export-ui.h"
#include "dpo-time.h"
#include "dpo-time-input.h"
#include "dpo-start-folder.h"

struct _DpoCampaignDialog
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkStack       *stack;
  AdwActionRow   *email_row;
  AdwActionRow   *post_row;
  AdwActionRow   *unreachable_row;
  GtkEntry       *date_entry;
  AdwActionRow   *folder_row;
  GtkButton      *write_button;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  AdwStatusPage  *result_page;
  AdwStatusPage  *nothing_page;

  DpoStore          *store;
  char              *incident_id;
  GFile             *location;      /* where the campaign's folder goes */
  GFile             *folder;        /* the campaign's folder */
  GCancellable      *cancellable;   /* while the campaign runs */
  DpoCampaignCounts  counts;        /* written by the worker until it reports */
  DpoCampaignCounts  preview;       /* the same, for the preview */
  gboolean           previewing;
  gboolean           close_when_done;
};

G_DEFINE_FINAL_TYPE (DpoCampaignDialog, dpo_campaign_dialog, ADW_TYPE_WINDOW)

static char *
households_text (guint households,
                 guint people)
{
  g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                                     households), households);
  g_autofree char *p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                     people), people);

  /* Translators: "3 households, 5 people" */
  return g_strdup_printf (_("%s, %s"), h, p);
}

static void
set_row (AdwActionRow       *row,
         const DpoCampaignCounts *counts,
         DpoCampaignChannel  channel)
{
  g_autofree char *text = households_text (counts->households[channel], counts->people[channel]);

  adw_action_row_set_subtitle (row, text);
}

/* The day typed, as "YYYY-MM-DD"; NULL (with @error) when it is not a date. */
static char *
dup_sent_on (DpoCampaignDialog  *self,
             GError            **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  GDate date;

  if (!dpo_time_input_parse_date (text, _("Date sent"), &date, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("Date sent: give the day the messages are sent."));
      return NULL;
    }
  return dpo_date_to_iso (&date);
}

/* The campaign's folder: "campaign-INC-2024-01-2024-02-08" in the
 * location, with a number after it if that name is taken. */
static void
update_folder (DpoCampaignDialog *self)
{
  g_autofree char *id = g_strdup (self->incident_id);
  g_autofree char *day = dup_sent_on (self, NULL);
  g_autofree char *path = NULL;

  g_strdelimit (id, "/\\:*?\"<>|", '-');
  g_clear_object (&self->folder);
  for (guint n = 1; self->location != NULL && day != NULL; n++)
    {
      /* Translators: the name of a campaign's folder: the incident's
       * reference, then the day sent. Avoid "/". */
      g_autofree char *base = g_strdup_printf (_("campaign-%s-%s"), id, day);
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      self->folder = g_file_get_child (self->location, name);
      if (!g_file_query_exists (self->folder, NULL))
        break;
      g_clear_object (&self->folder);
    }
  path = self->folder != NULL ? g_file_get_parse_name (self->folder) : NULL;
  adw_action_row_set_subtitle (self->folder_row, path != NULL ? path : _("Choose where to write the messages"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button), self->folder != NULL && !self->previewing);
}

static void
on_preview_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DpoCampaignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dpo_campaign_preview_finish (DPO_STORE (source), result, &error);

  self->previewing = FALSE;
  /* Closed meanwhile: its widgets are gone. */
  if (self->stack == NULL)
    return;
  if (!ok)
    {
      adw_status_page_set_description (self->nothing_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "nothing");
      return;
    }
  set_row (self->email_row, &self->preview, DPO_CAMPAIGN_EMAIL);
  set_row (self->post_row, &self->preview, DPO_CAMPAIGN_POST);
  set_row (self->unreachable_row, &self->preview, DPO_CAMPAIGN_UNREACHABLE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button), self->folder != NULL);
}

/* The households are read on a worker: "…" stands in until they arrive,
 * and nothing can be written meanwhile. */
static void
show_preview (DpoCampaignDialog *self)
{
  if (self->previewing)
    return;
  self->previewing = TRUE;
  adw_action_row_set_subtitle (self->email_row, "…");
  adw_action_row_set_subtitle (self->post_row, "…");
  adw_action_row_set_subtitle (self->unreachable_row, "…");
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  dpo_campaign_preview_async (self->store, self->incident_id, &self->preview, NULL, on_preview_cb,
                              g_object_ref (self));
}

void
dpo_campaign_dialog_set_location (DpoCampaignDialog *self,
                                  GFile             *location)
{
  g_return_if_fail (DPO_IS_CAMPAIGN_DIALOG (self));

  g_set_object (&self->location, location);
  update_folder (self);
}

GFile *
dpo_campaign_dialog_get_folder (DpoCampaignDialog *self)
{
  g_return_val_if_fail (DPO_IS_CAMPAIGN_DIALOG (self), NULL);
  return self->folder;
}

static void
on_chooser_response_cb (DpoCampaignDialog    *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) location = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      dpo_campaign_dialog_set_location (self, location);
    }
  g_object_unref (chooser);
}

static void
on_choose_clicked_cb (DpoCampaignDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Where to Write the Messages"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->location != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->location, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  DpoCampaignDialog *self = user_data;
  g_autofree char *text = g_strdup_printf (_("%u of %u households"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_result (DpoCampaignDialog *self)
{
  const DpoCampaignCounts *c = &self->counts;
  g_autofree char *email = households_text (c->households[DPO_CAMPAIGN_EMAIL], c->people[DPO_CAMPAIGN_EMAIL]);
  g_autofree char *post = households_text (c->households[DPO_CAMPAIGN_POST], c->people[DPO_CAMPAIGN_POST]);
  g_autofree char *none = households_text (c->households[DPO_CAMPAIGN_UNREACHABLE],
                                           c->people[DPO_CAMPAIGN_UNREACHABLE]);
  g_autofree char *text = g_strdup_printf (_("By email: %s.\nBy post: %s.\nUnreachable: %s "
                                             "(listed in unreachable.csv).\n\nThe communications "
                                             "and the people informed are recorded."),
                                           email, post, none);

  adw_status_page_set_description (self->result_page, text);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
on_run_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DpoCampaignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dpo_campaign_run_finish (DPO_STORE (source), result, &error);

  g_clear_object (&self->cancellable);
  /* Destroyed meanwhile (its parent closed): its widgets are gone. */
  if (self->stack == NULL)
    return;
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (ok)
    show_result (self);
  else
    {
      show_preview (self);
      update_folder (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        dpo_export_ui_show_error (GTK_WINDOW (self), _("Cannot Write the Messages"), error->message);
    }
}

static void
on_write_clicked_cb (DpoCampaignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = dup_sent_on (self, &error);

  if (day == NULL)
    {
      dpo_export_ui_show_error (GTK_WINDOW (self), _("Cannot Write the Messages"), error->message);
      return;
    }
  if (self->folder == NULL || self->cancellable != NULL || self->previewing)
    return;
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, _("Writing the emails and the letters…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  dpo_campaign_run_async (self->store, self->incident_id, self->folder, day, &self->counts,
                          on_progress, self, self->cancellable, on_run_finished_cb,
                          g_object_ref (self));
}

static void
on_cancel_clicked_cb (DpoCampaignDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_open_clicked_cb (DpoCampaignDialog *self)
{
  g_autofree char *uri = g_file_get_uri (self->folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Closing while the campaign runs cancels it: the window goes once the
 * worker has removed what it wrote. */
static gboolean
on_close_request_cb (DpoCampaignDialog *self)
{
  if (self->cancellable == NULL)
    return FALSE;
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

static void
dpo_campaign_dialog_dispose (GObject *object)
{
  DpoCampaignDialog *self = DPO_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_CAMPAIGN_DIALOG);
  G_OBJECT_CLASS (dpo_campaign_dialog_parent_class)->dispose (object);
}

static void
dpo_campaign_dialog_finalize (GObject *object)
{
  DpoCampaignDialog *self = DPO_CAMPAIGN_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->incident_id);
  g_clear_object (&self->location);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (dpo_campaign_dialog_parent_class)->finalize (object);
}

static void
dpo_campaign_dialog_class_init (DpoCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_campaign_dialog_dispose;
  object_class->finalize = dpo_campaign_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, post_row);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, unreachable_row);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, write_button);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, DpoCampaignDialog, nothing_page);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_write_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dpo_campaign_dialog_init (DpoCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
on_date_changed_cb (DpoCampaignDialog *self)
{
  update_folder (self);
}

DpoCampaignDialog *
dpo_campaign_dialog_new (GtkWindow  *parent,
                         DpoStore   *store,
                         const char *incident_id)
{
  DpoCampaignDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GFile) location = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  self = g_object_new (DPO_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->incident_id = g_strdup (incident_id);
  today = dpo_export_ui_today (store);
  dpo_date_field_setup (GTK_WIDGET (self->date_entry), _("Date sent"), FALSE);
  shown = dpo_date_field_format_iso (today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
  g_signal_connect_object (self->date_entry, "changed", G_CALLBACK (on_date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The campaign's folder goes with the letters, not beside the register. */
  location = dpo_start_folder (NULL);
  dpo_campaign_dialog_set_location (self, location);
  show_preview (self);
  return self;
}
