/* dpo-request-view-actions.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the request view does: the status and the answer, identity
 * verification, the extension, and carrying the request out. */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-carry-out.h"
#include "dpo-date-field.h"
#include "dpo-editor-dialog.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-form.h"
#include "dpo-request-editor.h"
#include "dpo-request-execute.h"
#include "dpo-request-view-private.h"

/* Status */

typedef struct
{
  DpoRequestView *self;
  char           *status;
} StatusChange;

static void
status_change_free (gpointer  data,
                    GClosure *closure)
{
  StatusChange *change = data;

  g_object_unref (change->self);
  g_free (change->status);
  g_free (change);
}

static void
set_status (DpoRequestView *self,
            const char     *status)
{
  g_autoptr(DpoRequest) request = dpo_request_copy (self->request);

  g_free (request->status);
  request->status = g_strdup (status);
  /* Reopened: it is no longer answered. */
  if (!_dpo_request_view_is_closing_status (status))
    g_clear_pointer (&request->answered_at, g_date_time_unref);
  if (_dpo_request_view_save (self, request))
    {
      /* Translators: %s is the new status of a request */
      g_autofree char *message = g_strdup_printf (_("Status: %s"),
                                                  dpo_enum_label (DPO_ENUM_REQUEST_STATUS, status));

      dpo_editor_toast (GTK_WIDGET (self), message);
    }
}

static void
on_status_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              StatusChange     *change)
{
  if (g_str_equal (response, "change") && change->self->request != NULL)
    set_status (change->self, change->status);
  else
    _dpo_request_view_reload (change->self);
}

static void
confirm_status (DpoRequestView *self,
                const char     *status)
{
  const char *label = dpo_enum_label (DPO_ENUM_REQUEST_STATUS, status);
  g_autofree char *heading = NULL;
  const char *body;
  GtkWidget *dialog;
  StatusChange *change;
  DpoRequestStatus value = dpo_enum_value (DPO_ENUM_REQUEST_STATUS, status);

  /* Translators: %s is a request status ("Answered", "Refused", "Withdrawn") */
  heading = g_strdup_printf (_("Mark the Request “%s”?"), label);
  if (value == DPO_REQUEST_WITHDRAWN)
    body = _("A withdrawn request is closed: it can no longer be carried out.");
  else if (value == DPO_REQUEST_REFUSED)
    body = _("A refused request is closed: it can no longer be carried out. Record the refusal "
             "ground, which the person must be told along with their right to complain to the CNIL.");
  else
    body = _("Use this when you answered the person outside DPO Workbench. The request is closed: "
             "it can no longer be carried out. Record the outcome.");

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("_Close the Request"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  change = g_new0 (StatusChange, 1);
  change->self = g_object_ref (self);
  change->status = g_strdup (status);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_status_dialog_response_cb),
                         change, status_change_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_status_row_notify_selected_cb (DpoRequestView *self,
                                  GParamSpec     *pspec,
                                  AdwComboRow    *row)
{
  const char *status;

  if (self->updating || self->request == NULL)
    return;

  status = dpo_form_combo_get (row, DPO_ENUM_REQUEST_STATUS);
  if (dpo_enum_value (DPO_ENUM_REQUEST_STATUS, status) == dpo_request_get_status (self->request))
    return;

  if (_dpo_request_view_is_closing_status (status))
    confirm_status (self, status);
  else
    set_status (self, status);
}

static void
save_text_field (DpoRequestView  *self,
                 AdwEntryRow     *row,
                 char           **(*field) (DpoRequest *request))
{
  g_autoptr(DpoRequest) request = NULL;
  char **slot;

  if (self->request == NULL)
    return;

  request = dpo_request_copy (self->request);
  slot = field (request);
  g_free (*slot);
  *slot = dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (_dpo_request_view_save (self, request))
    dpo_editor_toast (GTK_WIDGET (self), _("Saved"));
}

static char **
outcome_field (DpoRequest *request)
{
  return &request->outcome;
}

static char **
refusal_ground_field (DpoRequest *request)
{
  return &request->refusal_ground;
}

static void
on_outcome_row_apply_cb (DpoRequestView *self,
                         AdwEntryRow    *row)
{
  save_text_field (self, row, outcome_field);
}

static void
on_refusal_ground_row_apply_cb (DpoRequestView *self,
                                AdwEntryRow    *row)
{
  save_text_field (self, row, refusal_ground_field);
}

/* Actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (widget);

  dpo_request_editor_present (widget, self->store, self->request, NULL);
}

static void
verify_identity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (widget);
  g_autoptr(DpoRequest) request = dpo_request_copy (self->request);

  request->identity_verified_at = dpo_store_dup_now (self->store);
  if (_dpo_request_view_save (self, request))
    dpo_editor_toast (widget, _("Identity marked as verified"));
}

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (widget);
  g_autoptr(DpoRequest) request = dpo_request_copy (self->request);
  g_autoptr(GError) error = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->extension_notified_row));
  g_autoptr(GDateTime) notified = dpo_form_parse_time (typed, _("Person told on"), &error);

  if (error != NULL)
    {
      _dpo_request_view_show_error (self, error);
      return;
    }

  g_free (request->extension_reason);
  request->extension_reason = dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (self->extension_reason_row)));
  request->extension_notified_at = g_steal_pointer (&notified);
  if (request->extension_reason == NULL && request->extension_notified_at == NULL)
    request->extension_reason = g_strdup ("");
  if (_dpo_request_view_save (self, request))
    dpo_editor_toast (widget, _("Extension recorded: the answer is now due in three months"));
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (widget);

  if (self->request != NULL && self->request->subject_id != NULL)
    gtk_widget_activate_action (widget, "win.show-person", "s", self->request->subject_id);
}

/* Carrying out */

static void
on_execute_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DpoRequestView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  gboolean done = dpo_request_execute_finish (DPO_STORE (source), result, &outcome, &error);

  self->executing = FALSE;
  /* The view was closed meanwhile: the work is done, nothing to show. */
  if (self->store == NULL)
    return;
  _dpo_request_view_reload (self);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  if (done)
    {
      dpo_editor_toast (GTK_WIDGET (self), outcome);
      return;
    }

  if (g_error_matches (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT))
    {
      GtkWidget *dialog;

      /* The refusal is recorded already; the person keeps all their data. */
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       _("Erasure Refused"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dpo_editor_show_error (GTK_WIDGET (self), _("Cannot Carry Out the Request"), error->message);
}

/* On a worker thread: an erasure or a large access file never holds the
 * window; Carry Out stays disabled until it lands. */
void
_dpo_request_view_execute (DpoRequestView         *self,
                           GFile                  *output,
                           const DpoCarryOutInput *input)
{
  if (self->executing)
    return;
  self->executing = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.carry-out", FALSE);
  dpo_request_execute_with_input_async (self->store, self->id, output, input, NULL,
                                        on_execute_done_cb, g_object_ref (self));
}

static void
on_output_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               DpoRequestView  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  if (file != NULL && self->request != NULL)
    _dpo_request_view_execute (self, file, NULL);
}

static void
choose_output (DpoRequestView *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s-%s.json", self->request->id, self->request->subject_id);

  native = gtk_file_chooser_native_new (_("Save the Person’s Data"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("JSON Files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_output_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_carry_out_dialog_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 DpoRequestView   *self)
{
  if (g_str_equal (response, "carry-out") && self->request != NULL)
    _dpo_request_view_execute (self, NULL, NULL);
}

static char *
describe_changes (DpoRequestView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->change_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->change_rows, i);

      g_string_append_printf (text, "\n%s: %s",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (row));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the erasure will do, from the facts the app holds: the person's
 * contracts as stored, judged by the core's erasure rule on the store's
 * "now" (the store decides again when it carries the request out). Sets
 * @refused when an active contract will make it refused. */
static char *
describe_erasure (DpoRequestView *self,
                  gboolean       *refused)
{
  const char *name = self->request->subject_name;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(DpoErasureVerdict) verdict = NULL;
  const DpoContract *active;
  guint n_contracts;

  *refused = FALSE;
  if (self->request->subject_id != NULL)
    subject = dpo_store_get_subject (self->store, self->request->subject_id, NULL);
  if (subject == NULL)
    /* Translators: %s is the person's name */
    return g_strdup_printf (_("If %s has no active contract, their data and contracts are deleted "
                              "for good, and the request stays in the register without them. "
                              "If a contract is still active, nothing is deleted and the request "
                              "is recorded as refused."), name);

  now = dpo_store_dup_now (self->store);
  verdict = dpo_erasure_verdict_at (subject, now, dpo_store_get_retention_years (self->store));
  active = dpo_erasure_find_active_contract (subject, now);
  if (verdict->rule == DPO_ERASURE_ACTIVE_CONTRACT && active != NULL && active->holder_id == NULL)
    {
      g_autofree char *since = dpo_date_field_format_display (active->start_date);
      g_autofree char *earliest = dpo_erasure_format_date (verdict->earliest);
      g_autofree char *when = verdict->earliest != NULL
        /* Translators: %s is the day erasure becomes possible ("1 April 2029") */
        ? g_strdup_printf (_("Erasure becomes possible on %s."), earliest)
        : g_strdup (_("No date can be given yet: the contract has no end date, or a legal hold runs "
                      "until it is lifted."));

      *refused = TRUE;
      /* Translators: the person's name, the contract's number, the date it began, then when
       * erasure becomes possible */
      return g_strdup_printf (_("%s has an active contract (%s, since %s). The erasure will be "
                                "refused: the data are needed to perform the contract (GDPR "
                                "Art. 17(1)(a) and 6(1)(b)). Nothing will be deleted; the request "
                                "will be recorded as refused with this ground.\n\n%s"),
                              name, active->number, since, when);
    }
  if (verdict->rule != DPO_ERASURE_ALLOWED)
    {
      *refused = TRUE;
      /* Translators: %s is the refusal ground, naming the rule and the earliest date */
      return g_strdup_printf (_("The erasure will be refused, and nothing deleted; the request will "
                                "be recorded as refused with this ground:\n\n%s"), verdict->reason);
    }

  n_contracts = subject->contracts != NULL ? subject->contracts->len : 0;
  if (n_contracts == 0)
    /* Translators: %s is the person's name */
    return g_strdup_printf (_("%s has no contract. Their data will be deleted for good; the "
                              "request stays in the register without them."), name);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the person's name, then how many contracts */
                                       "%s has no active contract. Their data and their %u ended "
                                       "contract will be deleted for good; the request stays in "
                                       "the register without them.",
                                       "%s has no active contract. Their data and their %u ended "
                                       "contracts will be deleted for good; the request stays in "
                                       "the register without them.",
                                       n_contracts),
                          name, n_contracts);
}

static void
confirm_carry_out (DpoRequestView *self)
{
  const char *name = self->request->subject_name;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gboolean erasure = dpo_request_get_kind (self->request) == DPO_REQUEST_ERASURE;
  gboolean refused = FALSE;
  GtkWidget *dialog;

  if (erasure)
    {
      heading = g_strdup (_("Carry Out the Erasure?"));
      body = describe_erasure (self, &refused);
    }
  else
    {
      g_autofree char *changes = describe_changes (self);

      heading = g_strdup (_("Apply the Changes?"));
      /* Translators: %s is the person's name, then the list of changes */
      body = g_strdup_printf (_("The record of %s will be changed as requested:\n%s\n\nThe audit log "
                                "keeps the old values."), name, changes);
    }

  if (self->request->identity_verified_at == NULL)
    {
      g_autofree char *with_warning =
        g_strconcat (body, "\n\n", _("The requester’s identity has not been marked as verified."), NULL);

      g_free (body);
      body = g_steal_pointer (&with_warning);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "carry-out", refused ? _("_Record the Refusal")
                                                 : erasure ? _("_Erase") : _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "carry-out",
                                              erasure && !refused ? ADW_RESPONSE_DESTRUCTIVE
                                                                  : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_carry_out_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}


static void
on_unverified_dialog_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  DpoRequestView   *self)
{
  if (g_str_equal (response, "continue") && self->request != NULL)
    choose_output (self);
}

/* Sending someone's data to a requester whose identity was not checked
 * could be a breach in itself: say so before the file is written. */
static void
confirm_unverified (DpoRequestView *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Identity Not Verified"),
                                   _("The requester’s identity has not been marked as verified. "
                                     "Sending a person’s data to someone else would itself be a "
                                     "data breach. Verify the identity first, or go on if it was "
                                     "checked another way."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("_Continue Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unverified_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
carry_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (widget);
  DpoRequestKind kind = dpo_request_get_kind (self->request);

  if (kind == DPO_REQUEST_RESTRICTION || kind == DPO_REQUEST_OBJECTION)
    _dpo_request_view_confirm_decision (self);
  else if (!dpo_request_kind_writes_file (kind))
    confirm_carry_out (self);
  else if (self->request->identity_verified_at == NULL)
    confirm_unverified (self);
  else
    choose_output (self);
}

void
_dpo_request_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "request.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "request.carry-out", NULL, carry_out_action);
  gtk_widget_class_install_action (widget_class, "request.verify-identity", NULL, verify_identity_action);
  gtk_widget_class_install_action (widget_class, "request.extend", NULL, extend_action);
  gtk_widget_class_install_action (widget_class, "request.show-person", NULL, show_person_action);

  gtk_widget_class_bind_template_callback (widget_class, on_status_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refusal_ground_row_apply_cb);
}
