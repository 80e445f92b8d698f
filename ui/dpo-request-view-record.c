/* dpo-request-view-record.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-date-field.h"
#include "dpo-store-role.h"
#include "dpo-due-date-button.h"
#include "dpo-carry-out.h"
#include "dpo-computed.h"
#include "dpo-editor-dialog.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-form.h"
#include "dpo-person-fields.h"
#include "dpo-request-editor.h"
#include "dpo-request-view-private.h"
#include "dpo-time.h"
#include "dpo-ui.h"

/* The record's later sections: the extension, the change history and
 * the answer, filled on each reload of the request view. */

#define set_value dpo_editor_set_row_value

void
_dpo_request_view_fill_extension (DpoRequestView            *self,
                                  const DpoRequestDeadlines *deadlines,
                                  gboolean                   new_request)
{
  DpoRequest *request = self->request;
  gboolean extended = request->extension_notified_at != NULL;
  gboolean possible = _dpo_request_view_can_extend (self);
  g_autofree char *due = dpo_date_format_display (&deadlines->due_on);
  g_autofree char *description = NULL;

  if (extended)
    {
      g_autofree char *notified = dpo_form_format_time (request->extension_notified_at);

      gtk_editable_set_text (GTK_EDITABLE (self->extension_reason_row),
                             request->extension_reason != NULL ? request->extension_reason : "");
      gtk_editable_set_text (GTK_EDITABLE (self->extension_notified_row), notified);
      description = g_strdup (_("Extended to three months: the person was told, with the reason."));
    }
  else
    {
      if (new_request)
        {
          g_autoptr(GDateTime) now = dpo_store_dup_now (self->store);
          g_autofree char *now_text = dpo_form_format_time (now);

          gtk_editable_set_text (GTK_EDITABLE (self->extension_reason_row), "");
          gtk_editable_set_text (GTK_EDITABLE (self->extension_notified_row), now_text);
        }
      if (possible)
        /* Translators: %s is the one-month date */
        description = g_strdup_printf (_("Up to two more months when the request is complex or "
                                         "one of many (GDPR Art. 12(3)). Tell the person, with the "
                                         "reason, by %s, then record it here."), due);
      else if (dpo_request_is_open (request))
        /* Translators: %s is the one-month date */
        description = g_strdup_printf (_("Too late to extend: an extension had to be notified by "
                                         "the one-month date, %s."), due);
      else
        description = g_strdup (_("Not extended."));
    }

  adw_preferences_group_set_description (self->extension_group, description);
  gtk_editable_set_editable (GTK_EDITABLE (self->extension_reason_row), possible);
  gtk_editable_set_editable (GTK_EDITABLE (self->extension_notified_row), possible);
  gtk_widget_set_sensitive (GTK_WIDGET (self->extension_reason_row), possible || extended);
  gtk_widget_set_sensitive (GTK_WIDGET (self->extension_notified_row), possible || extended);
  gtk_widget_set_visible (GTK_WIDGET (self->extension_reason_row), possible || extended);
  gtk_widget_set_visible (GTK_WIDGET (self->extension_notified_row), possible || extended);
  gtk_widget_set_visible (GTK_WIDGET (self->extend_button), !extended && dpo_request_is_open (request));
  /* Nothing to type any more: say so in a row rather than leave the list empty. */
  dpo_editor_set_row_value (self->extension_state_row, _("Not extended"), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->extension_state_row), !extended && !possible);
}

static void
clear_change_rows (DpoRequestView *self)
{
  for (guint i = 0; i < self->change_rows->len; i++)
    adw_preferences_group_remove (self->changes_group, g_ptr_array_index (self->change_rows, i));
  g_ptr_array_set_size (self->change_rows, 0);
}

static void
add_change_row (DpoRequestView *self,
                const char     *title,
                const char     *value,
                const char     *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_value (ADW_ACTION_ROW (row), value, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_preferences_group_add (self->changes_group, row);
  g_ptr_array_add (self->change_rows, row);
}

void
_dpo_request_view_fill_changes (DpoRequestView *self)
{
  DpoRequest *request = self->request;
  gboolean rectification = dpo_request_get_kind (request) == DPO_REQUEST_RECTIFICATION;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  clear_change_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), rectification);
  if (!rectification)
    return;

  changes = dpo_request_dup_changes (request);
  if (changes->len == 0)
    {
      add_change_row (self, _("No changes recorded"), _("Use Edit… to record them"), "dim-label");
      return;
    }

  if (request->subject_id != NULL)
    subject = dpo_store_get_subject (self->store, request->subject_id, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const DpoChange *change = g_ptr_array_index (changes, i);
      const char *old_value = subject != NULL ? dpo_person_field_get (change->field, subject) : NULL;
      g_autofree char *text = NULL;

      if (subject != NULL && dpo_request_is_open (request))
        /* Translators: a person's field, its current value, then the new one */
        text = g_strdup_printf (_("%s → %s"), old_value != NULL ? old_value : _("(empty)"),
                                change->value != NULL ? change->value : _("(empty)"));
      else
        text = g_strdup (change->value != NULL ? change->value : _("(empty)"));
      add_change_row (self, dpo_person_field_get_label (change->field), text, NULL);
    }
}

void
_dpo_request_view_fill_answer (DpoRequestView *self,
                               const DpoRequest *previous)
{
  DpoRequest *request = self->request;
  g_autofree char *answered = _dpo_request_view_format_time (request->answered_at);
  gboolean refresh_all = previous == NULL;

  dpo_form_combo_set (self->status_row, DPO_ENUM_REQUEST_STATUS,
                      dpo_enum_word (DPO_ENUM_REQUEST_STATUS, dpo_request_get_status (request)));
  set_value (self->answered_row, answered != NULL ? answered : _("Not yet"),
             answered == NULL ? "dim-label" : NULL);

  /* Keep what is being typed unless the stored value itself moved. */
  if (refresh_all || g_strcmp0 (previous->outcome, request->outcome) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                           request->outcome != NULL ? request->outcome : "");
  if (refresh_all || g_strcmp0 (previous->refusal_ground, request->refusal_ground) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->refusal_ground_row),
                           request->refusal_ground != NULL ? request->refusal_ground : "");
  /* An entry row shows one line: a ground or outcome of three (an erasure
   * refused by retention and a hold) is cut off at the row's end. The
   * tooltip holds the whole text as recorded. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outcome_row), request->outcome);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->refusal_ground_row), request->refusal_ground);
}
