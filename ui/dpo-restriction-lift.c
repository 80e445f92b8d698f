/* dpo-restriction-lift.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dpo-carry-out-decision.h"
#include "dpo-editor-dialog.h"
#include "dpo-restriction-lift.h"
#include "dpo-store-restriction.h"

typedef struct
{
  GtkWidget *parent;   /* weak: the view may go while the dialog is open */
  DpoStore  *store;
  char      *subject_id;
} Lift;

static void
lift_free (gpointer data)
{
  Lift *lift = data;

  g_clear_weak_pointer (&lift->parent);
  g_clear_object (&lift->store);
  g_free (lift->subject_id);
  g_free (lift);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Lift             *lift)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "lift") || lift->parent == NULL)
    return;
  if (!dpo_store_lift_restriction (lift->store, lift->subject_id, &error))
    {
      dpo_editor_show_error (lift->parent, _("Cannot Lift the Restriction"), error->message);
      return;
    }
  dpo_editor_toast (lift->parent, _("Restriction lifted"));
}

void
dpo_restriction_lift_confirm (GtkWidget        *parent,
                              DpoStore         *store,
                              const DpoSubject *subject)
{
  g_autofree char *restriction = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Lift *lift;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (subject != NULL && subject->restricted_since != NULL);

  restriction = dpo_restriction_describe (subject->restricted_since, subject->restriction_reason);
  /* Translators: the person's first and last name, then the restriction */
  body = g_strdup_printf (_("%s %s: %s.\n\nThe person must be informed before the restriction is "
                            "lifted (GDPR Art. 18(3)). Lift it only once they have been told."),
                          subject->first_name, subject->last_name, restriction);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                   _("Lift the Restriction?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "lift", _("_Lift Restriction"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lift",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  lift = g_new0 (Lift, 1);
  g_set_weak_pointer (&lift->parent, parent);
  lift->store = g_object_ref (store);
  lift->subject_id = g_strdup (subject->id);
  g_object_set_data_full (G_OBJECT (dialog), "dpo-lift", lift, lift_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), lift);
  gtk_window_present (GTK_WINDOW (dialog));
}
