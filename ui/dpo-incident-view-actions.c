/* dpo-incident-view-actions.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-campaign-dialog.h"
#include "dpo-store-role.h"
#include "dpo-entry-editor.h"
#include "dpo-export-ui.h"
#include "dpo-registers.h"
#include "dpo-store-campaign.h"
#include "dpo-form.h"
#include "dpo-incident-editor.h"
#include "dpo-incident-entry.h"
#include "dpo-incident-view-private.h"

/* Edit Incident… */

static void
on_editor_saved_cb (DpoIncidentView *self,
                    const char      *id)
{
  /* The reference may have changed: follow it. */
  _dpo_incident_view_set_id (self, id);
  _dpo_incident_view_queue_reload (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  DpoIncidentEditor *editor = dpo_incident_editor_new (GTK_WINDOW (self), self->store, self->incident);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Delete Incident… */

static void
on_delete_response_cb (DpoIncidentView  *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  /* Once deleted, the store's signal makes the view read the incident
   * again, find it gone and close: not here, inside the dialog's response,
   * as the dialog goes with its parent. */
  if (!dpo_store_delete_incident (self->store, self->id, &error))
    _dpo_incident_view_toast (self, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the incident's reference */
  heading = g_strdup_printf (_("Delete Incident %s?"), self->id);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The incident and its whole story — events, notifications, "
                                     "complaints and communications — will be removed from the breach "
                                     "register. The audit log keeps a record of the deletion."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reason for the Delay… */

static void
on_reason_response_cb (DpoIncidentView  *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "dpo-text-view");
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->incident == NULL)
    return;

  incident = dpo_incident_copy (self->incident);
  g_free (incident->delay_reason);
  incident->delay_reason = dpo_form_text_view_dup (view);
  if (!dpo_store_save_incident (self->store, incident, &error))
    _dpo_incident_view_toast (self, error->message);
}

static void
edit_reason_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  GtkWidget *dialog, *frame, *view;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reason for the Delay"),
                                   _("Why was the CNIL not notified within 72 hours of awareness? "
                                     "The reasons go with the notification (GDPR Art. 33(1))."));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (view, "form-text");
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the delay"),
                                  -1);
  dpo_form_text_view_set (GTK_TEXT_VIEW (view), self->incident->delay_reason);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), frame);
  g_object_set_data (G_OBJECT (dialog), "dpo-text-view", view);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* Entries of the story: add, edit, delete with undo */

static gboolean
kind_from_word (const char       *word,
                DpoIncidentChild *kind)
{
  static const char * const words[] = {
    [DPO_CHILD_EVENT] = "event",
    [DPO_CHILD_NOTIFICATION] = "notification",
    [DPO_CHILD_COMPLAINT] = "complaint",
    [DPO_CHILD_COMMUNICATION] = "communication",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i], word) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  DpoIncidentChild kind;

  if (!kind_from_word (g_variant_get_string (param, NULL), &kind))
    return;
  gtk_window_present (GTK_WINDOW (dpo_entry_editor_new (GTK_WINDOW (self), self->store,
                                                        self->incident, kind, NULL)));
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  int kind;
  gint64 rowid;
  gpointer record;

  g_variant_get (param, "(ix)", &kind, &rowid);
  record = dpo_incident_entry_find (self->incident, kind, rowid);
  if (record != NULL)
    gtk_window_present (GTK_WINDOW (dpo_entry_editor_new (GTK_WINDOW (self), self->store,
                                                          self->incident, kind, record)));
}

typedef struct
{
  DpoStore         *store;
  GWeakRef          view;
  char             *incident_id;
  DpoIncidentChild  kind;
  gpointer          record;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_weak_ref_clear (&undo->view);
  g_free (undo->incident_id);
  dpo_incident_entry_free (undo->kind, undo->record);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(DpoIncidentView) view = g_weak_ref_get (&undo->view);
  gpointer copy = dpo_incident_entry_copy (undo->kind, undo->record);
  g_autoptr(GError) error = NULL;

  /* Saved again as a new entry, with the same values. */
  dpo_incident_entry_set_rowid (undo->kind, copy, 0);
  if (!dpo_incident_entry_save (undo->store, undo->incident_id, undo->kind, copy, &error) && view != NULL)
    _dpo_incident_view_toast (view, error->message);
  dpo_incident_entry_free (undo->kind, copy);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gpointer record;
  AdwToast *toast;
  Undo *undo;
  int kind;
  gint64 rowid;

  g_variant_get (param, "(ix)", &kind, &rowid);
  record = dpo_incident_entry_find (self->incident, kind, rowid);
  if (record == NULL)
    return;

  undo = g_new0 (Undo, 1);
  undo->store = g_object_ref (self->store);
  g_weak_ref_init (&undo->view, self);
  undo->incident_id = g_strdup (self->id);
  undo->kind = kind;
  undo->record = dpo_incident_entry_copy (kind, record);

  if (!dpo_store_delete_incident_child (self->store, kind, rowid, &error))
    {
      undo_free (undo, NULL);
      _dpo_incident_view_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (dpo_incident_entry_deleted_message (kind));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo, undo_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Export Report… */

/* The view is held weakly: closing it disposes it, which cancels the
 * export. */
typedef struct
{
  GWeakRef  view;
  GFile    *file;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_weak_ref_clear (&job->view);
  g_object_unref (job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportJob, report_job_free)

static void
on_report_finished_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ReportJob) job = user_data;
  g_autoptr(DpoIncidentView) self = g_weak_ref_get (&job->view);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = dpo_registers_export_incident_finish (DPO_STORE (source), result, &error);
  /* Cancelled because the view was closed. */
  if (self == NULL || self->export_cancellable == NULL)
    return;

  g_clear_object (&self->export_cancellable);
  _dpo_incident_view_actions_update (self);
  if (ok)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 dpo_export_ui_toast_new (GTK_WINDOW (self), _("Incident report exported"),
                                                          job->file));
  else
    dpo_export_ui_show_error (GTK_WINDOW (self), _("Cannot Export the Incident Report"), error->message);
}

void
dpo_incident_view_export_report_to (DpoIncidentView *self,
                                    GFile           *file)
{
  ReportJob *job;

  g_return_if_fail (DPO_IS_INCIDENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->export_cancellable == NULL);

  self->export_cancellable = g_cancellable_new ();
  _dpo_incident_view_actions_update (self);

  job = g_new0 (ReportJob, 1);
  g_weak_ref_init (&job->view, self);
  job->file = g_object_ref (file);
  dpo_registers_export_incident_async (self->store, self->id, file, self->export_cancellable,
                                       on_report_finished_cb, job);
}

static void
on_report_file_chosen_cb (GtkWindow *parent,
                          GFile     *file)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (parent);

  if (self->incident != NULL && self->export_cancellable == NULL)
    dpo_incident_view_export_report_to (self, file);
}

/* "INC-2024-01": a reference typed by the DPO, made safe for a file name. */
static char *
file_name_part (const char *id)
{
  g_autofree char *part = g_strdup (id);

  g_strdelimit (part, "/\\:*?\"<>|", '-');
  return g_steal_pointer (&part);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);
  g_autofree char *id = file_name_part (self->id);
  g_autofree char *today = dpo_export_ui_today (self->store);
  g_autofree char *name = NULL;

  /* Translators: the proposed name of an incident's report: the incident's
   * reference, then today's date, as 2026-11-23. Keep ".xlsx", avoid "/". */
  name = g_strdup_printf (_("incident-%s-%s.xlsx"), id, today);
  dpo_export_ui_choose_file (GTK_WINDOW (self), self->store, _("Export the Incident Report"), name,
                             on_report_file_chosen_cb);
}

/* Inform the People… (the Art. 34 campaign) */

static void
inform_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (widget);

  gtk_window_present (GTK_WINDOW (dpo_campaign_dialog_new (GTK_WINDOW (self), self->store, self->id)));
}

void
_dpo_incident_view_actions_update (DpoIncidentView *self)
{
  static const char * const actions[] = {
    "incident.edit", "incident.delete", "incident.edit-reason",
    "incident.add-entry", "incident.edit-entry", "incident.delete-entry",
  };

  /* What the session's role may not do is disabled, and hidden where the
   * menu says hidden-when="action-disabled". */
  gboolean can_edit = self->incident != NULL &&
                      dpo_store_can (self->store, DPO_RIGHT_EDIT_INCIDENTS);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incident.inform",
                                 can_edit &&
                                 dpo_store_campaign_count_affected (self->store, self->id) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "incident.export-report",
                                 self->incident != NULL && self->export_cancellable == NULL &&
                                 dpo_store_can (self->store, DPO_RIGHT_EXPORT));
}

void
_dpo_incident_view_class_actions_init (DpoIncidentViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "incident.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "incident.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "incident.inform", NULL, inform_action);
  gtk_widget_class_install_action (widget_class, "incident.edit-reason", NULL, edit_reason_action);
  gtk_widget_class_install_action (widget_class, "incident.add-entry", "s", add_entry_action);
  gtk_widget_class_install_action (widget_class, "incident.edit-entry", "(ix)", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "incident.delete-entry", "(ix)", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "incident.export-report", NULL, export_report_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "incident.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* Opening incidents from the main window */

static void
on_new_incident_saved_cb (GtkWindow  *parent,
                          const char *id,
                          DpoIncidentEditor *editor)
{
  DpoStore *store = g_object_get_data (G_OBJECT (editor), "dpo-store");

  dpo_incident_view_present (parent, store, id);
}

GtkWindow *
dpo_incident_view_new_incident (GtkWindow *parent,
                                DpoStore  *store)
{
  DpoIncidentEditor *editor;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  editor = dpo_incident_editor_new (parent, store, NULL);
  g_object_set_data_full (G_OBJECT (editor), "dpo-store", g_object_ref (store), g_object_unref);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_new_incident_saved_cb), parent,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

typedef struct
{
  GtkWindow *parent;   /* weak */
  DpoStore  *store;
  char      *request;
} OpenRequest;

static void
open_request (GtkWindow  *parent,
              DpoStore   *store,
              const char *request)
{
  g_auto(GStrv) parts = g_strsplit (request, "/", 2);
  DpoIncidentView *view;

  /* The register behind the incident. */
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "incidents");

  if (g_str_equal (parts[0], "new"))
    dpo_incident_view_new_incident (parent, store);
  else if ((view = dpo_incident_view_present (parent, store, parts[0])) != NULL &&
           g_strcmp0 (parts[1], "edit") == 0)
    gtk_widget_activate_action (GTK_WIDGET (view), "incident.edit", NULL);
  else if (view != NULL && g_strcmp0 (parts[1], "inform") == 0)
    inform_action (GTK_WIDGET (view), "incident.inform", NULL);
}

static gboolean
open_requested_cb (gpointer data)
{
  OpenRequest *open = data;

  if (open->parent != NULL)
    {
      open_request (open->parent, open->store, open->request);
      g_object_remove_weak_pointer (G_OBJECT (open->parent), (gpointer *) &open->parent);
    }
  g_object_unref (open->store);
  g_free (open->request);
  g_free (open);
  return G_SOURCE_REMOVE;
}

void
dpo_incident_view_open_from_environment (GtkWindow *parent,
                                         DpoStore  *store)
{
  const char *request = g_getenv ("DPO_OPEN_INCIDENT");
  static gboolean done;
  OpenRequest *open;

  /* Once, for the first database shown. */
  if (request == NULL || *request == '\0' || store == NULL || done)
    return;
  done = TRUE;

  open = g_new0 (OpenRequest, 1);
  open->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &open->parent);
  open->store = g_object_ref (store);
  open->request = g_strdup (request);
  /* Once the main window is on screen, so that ours come above it. */
  g_timeout_add (500, open_requested_cb, open);
}
