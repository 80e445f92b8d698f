/* dpo-request-decision.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-request-view-private.h"

/* Carrying out a restriction (Art. 18) or an objection (Art. 21) needs the
 * DPO's word: the reason, and for an objection the decision. One message
 * dialog asks for them; its button stays off until they are given, and the
 * core checks them again (dpo_carry_out_check_input()). The widgets are
 * named so that tests and assistive technologies find them. */

typedef struct
{
  GtkEditable    *reason;
  GtkCheckButton *uphold;     /* NULL for a restriction */
  GtkCheckButton *reject;
} Fields;

static const char *
chosen_decision (Fields *fields)
{
  if (fields->uphold == NULL)
    return NULL;
  if (gtk_check_button_get_active (fields->uphold))
    return "upheld";
  if (gtk_check_button_get_active (fields->reject))
    return "rejected";
  return NULL;
}

static gboolean
is_complete (Fields *fields)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (fields->reason)));

  return *reason != '\0' && (fields->uphold == NULL || chosen_decision (fields) != NULL);
}

static void
on_field_changed_cb (GtkWidget        *widget,
                     AdwMessageDialog *dialog)
{
  Fields *fields = g_object_get_data (G_OBJECT (dialog), "dpo-fields");

  adw_message_dialog_set_response_enabled (dialog, "carry-out", is_complete (fields));
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                DpoRequestView   *self)
{
  Fields *fields = g_object_get_data (G_OBJECT (dialog), "dpo-fields");
  DpoCarryOutInput input;

  if (!g_str_equal (response, "carry-out") || self->request == NULL || !is_complete (fields))
    return;
  input.decision = chosen_decision (fields);
  input.reason = gtk_editable_get_text (fields->reason);
  _dpo_request_view_execute (self, NULL, &input);
}

static GtkWidget *
new_reason_entry (AdwMessageDialog *dialog,
                  Fields           *fields,
                  const char       *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, "decision-reason");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_field_changed_cb), dialog, 0);
  fields->reason = GTK_EDITABLE (entry);
  return entry;
}

static GtkWidget *
new_choice (AdwMessageDialog *dialog,
            const char       *name,
            const char       *label,
            GtkCheckButton   *group)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);
  GtkWidget *text = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

  gtk_widget_set_name (check, name);
  if (GTK_IS_LABEL (text))
    {
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
    }
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_field_changed_cb), dialog, 0);
  return check;
}

static GtkWidget *
objection_fields (AdwMessageDialog *dialog,
                  Fields           *fields)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *uphold = new_choice (dialog, "decision-upheld",
                                  _("_Uphold: the processing stops for that purpose"), NULL);
  GtkWidget *reject = new_choice (dialog, "decision-rejected",
                                  _("_Reject: compelling legitimate grounds override the person’s "
                                    "interests, or the data are needed for legal claims"),
                                  GTK_CHECK_BUTTON (uphold));

  fields->uphold = GTK_CHECK_BUTTON (uphold);
  fields->reject = GTK_CHECK_BUTTON (reject);
  gtk_box_append (GTK_BOX (box), uphold);
  gtk_box_append (GTK_BOX (box), reject);
  gtk_box_append (GTK_BOX (box), new_reason_entry (dialog, fields, _("Reason, in words the person can read")));
  return box;
}

void
_dpo_request_view_confirm_decision (DpoRequestView *self)
{
  gboolean objection = dpo_request_get_kind (self->request) == DPO_REQUEST_OBJECTION;
  const char *name = self->request->subject_name != NULL ? self->request->subject_name : "";
  Fields *fields = g_new0 (Fields, 1);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *extra;

  if (objection)
    /* Translators: %s is the person's name */
    body = g_strdup_printf (_("Decide on the objection of %s (GDPR Art. 21). Upheld, the processing "
                              "for that purpose stops; rejected, the answer must say which "
                              "compelling legitimate grounds override the person’s interests. "
                              "The request is answered with the decision and its reason."), name);
  else
    /* Translators: %s is the person's name */
    body = g_strdup_printf (_("From today the data of %s are kept but not otherwise used (GDPR "
                              "Art. 18), until the restriction is lifted; every screen showing "
                              "them says so. The request is answered."), name);
  if (self->request->identity_verified_at == NULL)
    {
      g_autofree char *with_warning =
        g_strconcat (body, "\n\n", _("The requester’s identity has not been marked as verified."), NULL);

      g_free (body);
      body = g_steal_pointer (&with_warning);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   objection ? _("Decide on the Objection") : _("Restrict Processing?"),
                                   body);
  g_object_set_data_full (G_OBJECT (dialog), "dpo-fields", fields, g_free);
  extra = objection ? objection_fields (ADW_MESSAGE_DIALOG (dialog), fields)
                    : new_reason_entry (ADW_MESSAGE_DIALOG (dialog), fields,
                                        _("Reason, e.g. the person contests the accuracy of their data"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "carry-out", objection ? _("_Record the Decision")
                                                           : _("_Restrict Processing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "carry-out",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "carry-out", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (objection ? GTK_WIDGET (fields->uphold) : GTK_WIDGET (fields->reason));
}
