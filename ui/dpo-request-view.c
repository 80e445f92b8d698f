/* dpo-request-view.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dpo-computed.h"
#include "dpo-editor-dialog.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-form.h"
#include "dpo-request-editor.h"
#include "dpo-request-view.h"
#include "dpo-time.h"
#include "dpo-ui.h"

struct _DpoRequestView
{
  GtkBox               parent_instance;

  /* Template children */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkButton           *carry_out_button;
  GtkStack            *stack;
  GtkBox              *content;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkLabel            *status_badge;
  GtkLabel            *summary_label;
  AdwActionRow        *person_row;
  GtkWidget           *person_arrow;
  AdwActionRow        *kind_row;
  AdwActionRow        *channel_row;
  AdwActionRow        *received_row;
  AdwActionRow        *due_row;
  AdwActionRow        *extended_due_row;
  AdwActionRow        *identity_row;
  GtkButton           *verify_button;
  AdwPreferencesGroup *extension_group;
  GtkButton           *extend_button;
  AdwActionRow        *extension_state_row;
  AdwEntryRow         *extension_reason_row;
  AdwEntryRow         *extension_notified_row;
  AdwPreferencesGroup *changes_group;
  AdwComboRow         *status_row;
  AdwActionRow        *answered_row;
  AdwEntryRow         *outcome_row;
  AdwEntryRow         *refusal_ground_row;

  DpoStore            *store;
  char                *id;
  DpoRequest          *request;      /* as stored; NULL when absent */
  GPtrArray           *change_rows;
  const char          *badge_class;
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (DpoRequestView, dpo_request_view, GTK_TYPE_BOX)

#define set_value dpo_editor_set_row_value

static char *
format_time (GDateTime *time)
{
  return time != NULL ? dpo_time_format_display (time) : NULL;
}

static void
get_today (DpoRequestView *self,
           GDate          *today)
{
  g_autoptr(GDateTime) now = dpo_store_dup_now (self->store);

  dpo_time_get_local_date (now, today);
}

static void
get_deadlines (DpoRequestView      *self,
               DpoRequestDeadlines *deadlines)
{
  g_autoptr(GDateTime) now = dpo_store_dup_now (self->store);

  dpo_request_get_deadlines (self->request, now, dpo_store_get_alsace_moselle (self->store),
                             deadlines);
}

static gboolean
is_closing_status (const char *status)
{
  return g_strcmp0 (status, "answered") == 0 ||
         g_strcmp0 (status, "refused") == 0 ||
         g_strcmp0 (status, "withdrawn") == 0;
}

static gboolean
can_extend (DpoRequestView *self)
{
  DpoRequestDeadlines deadlines;
  GDate today;

  if (!dpo_request_is_open (self->request) || self->request->extension_notified_at != NULL)
    return FALSE;

  /* The core refuses an extension notified after the one-month date. */
  get_deadlines (self, &deadlines);
  get_today (self, &today);
  return g_date_compare (&today, &deadlines.due_on) <= 0;
}

static gboolean
can_carry_out (const DpoRequest  *request,
               const char       **why_not)
{
  const char *kind = request->kind;

  if (!dpo_request_is_open (request))
    *why_not = _("This request is closed: it is not carried out again.");
  else if (g_strcmp0 (kind, "restriction") == 0 || g_strcmp0 (kind, "objection") == 0)
    *why_not = _("Restriction and objection requests are applied in the systems concerned: "
                 "record the outcome, then mark the request answered.");
  else if (request->subject_id == NULL)
    *why_not = _("Link the request to a person in the register first.");
  else
    return TRUE;
  return FALSE;
}

static const char *
carry_out_tooltip (const DpoRequest *request)
{
  if (g_strcmp0 (request->kind, "erasure") == 0)
    return _("Erase the person’s data, unless a contract of theirs is still active");
  if (g_strcmp0 (request->kind, "rectification") == 0)
    return _("Apply the requested changes to the person’s record");
  return _("Write the person’s data to a JSON file for them");
}

static void
dpo_request_view_update_actions (DpoRequestView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  DpoRequest *request = self->request;
  const char *why_not = NULL;
  gboolean carry_out = request != NULL && can_carry_out (request, &why_not);

  gtk_widget_action_set_enabled (widget, "request.edit", request != NULL);
  gtk_widget_action_set_enabled (widget, "request.carry-out", carry_out);
  gtk_widget_action_set_enabled (widget, "request.verify-identity",
                                 request != NULL && dpo_request_is_open (request) &&
                                 request->identity_verified_at == NULL);
  gtk_widget_action_set_enabled (widget, "request.extend", request != NULL && can_extend (self));
  gtk_widget_action_set_enabled (widget, "request.show-person",
                                 request != NULL && request->subject_id != NULL);

  /* Carrying out an erasure deletes data: it looks like it. */
  if (request != NULL && g_strcmp0 (request->kind, "erasure") == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->carry_out_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->carry_out_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->carry_out_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->carry_out_button), "suggested-action");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->carry_out_button),
                               request == NULL ? NULL
                               : carry_out ? carry_out_tooltip (request) : why_not);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->carry_out_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Carry Out the Request"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  request == NULL ? "" : carry_out ? carry_out_tooltip (request) : why_not,
                                  -1);
}

static char *
person_text (const DpoRequest *request)
{
  if (request->subject_id != NULL)
    /* Translators: a person's name, then their reference */
    return g_strdup_printf (_("%s (%s)"),
                            request->subject_name != NULL ? request->subject_name : "",
                            request->subject_id);
  if (request->requester_name != NULL && request->requester_contact != NULL)
    /* Translators: a requester's name, then how to reach them */
    return g_strdup_printf (_("%s · %s"), request->requester_name, request->requester_contact);
  if (request->requester_name != NULL)
    return g_strdup (request->requester_name);
  return g_strdup (_("Erased person: the request stays in the register without their data"));
}

static void
fill_header (DpoRequestView *self)
{
  DpoRequest *request = self->request;
  g_autofree char *person = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = request->subject_name != NULL ? request->subject_name : request->requester_name;

  gtk_label_set_text (self->title_label, request->id);
  person = g_strdup (name != NULL ? name : _("Erased person"));
  /* Translators: a request's kind, then the person's name */
  subtitle = g_strdup_printf (_("%s · %s"), dpo_enum_label (DPO_ENUM_REQUEST_KIND, request->kind), person);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
fill_request (DpoRequestView *self)
{
  DpoRequest *request = self->request;
  g_autofree char *person = person_text (request);
  g_autofree char *received = format_time (request->received_at);

  set_value (self->person_row, person, request->subject_id == NULL ? "dim-label" : NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->person_row), request->subject_id != NULL);
  gtk_widget_set_visible (self->person_arrow, request->subject_id != NULL);
  set_value (self->kind_row, dpo_enum_label (DPO_ENUM_REQUEST_KIND, request->kind), NULL);
  set_value (self->channel_row,
             request->channel != NULL ? dpo_enum_label (DPO_ENUM_REQUEST_CHANNEL, request->channel)
                                      : _("Not recorded"),
             request->channel == NULL ? "dim-label" : NULL);
  set_value (self->received_row, received, NULL);
}

/* "Due on 12 Mar 2024, in 5 days", "Answered on 3 Mar 2024, on time"… */
static char *
describe_state (DpoRequestView            *self,
                const DpoRequestDeadlines *deadlines,
                const char               **css_class)
{
  DpoRequest *request = self->request;
  const GDate *due = dpo_request_deadlines_current (deadlines);
  g_autofree char *due_text = dpo_date_format_display (due);
  GDate today, answered;
  int days;

  get_today (self, &today);
  *css_class = NULL;

  if (dpo_request_is_open (request))
    {
      days = g_date_days_between (&today, due);
      if (deadlines->overdue)
        {
          *css_class = "error";
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Overdue: the answer was due on %s, %d day ago.",
                                               "Overdue: the answer was due on %s, %d days ago.",
                                               -days), due_text, -days);
        }
      if (days == 0)
        {
          *css_class = "warning";
          /* Translators: %s is today's date */
          return g_strdup_printf (_("Due today, %s."), due_text);
        }
      if (days <= 7)
        *css_class = "warning";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due on %s, in %d day.",
                                           "Due on %s, in %d days.", days), due_text, days);
    }

  if (g_strcmp0 (request->status, "withdrawn") == 0)
    return g_strdup (_("Withdrawn by the person: nothing more to do."));
  if (request->answered_at == NULL)
    return g_strdup (_("Closed."));

  dpo_time_get_local_date (request->answered_at, &answered);
  days = g_date_days_between (due, &answered);
  {
    g_autofree char *answered_text = dpo_date_format_display (&answered);
    gboolean refused = g_strcmp0 (request->status, "refused") == 0;

    if (days <= 0)
      return g_strdup_printf (refused ? _("Refused on %s, on time.") : _("Answered on %s, on time."),
                              answered_text);
    *css_class = "warning";
    return g_strdup_printf (refused
                            ? g_dngettext (GETTEXT_PACKAGE, "Refused on %s, %d day late.",
                                           "Refused on %s, %d days late.", days)
                            : g_dngettext (GETTEXT_PACKAGE, "Answered on %s, %d day late.",
                                           "Answered on %s, %d days late.", days),
                            answered_text, days);
  }
}

static void
set_badge (DpoRequestView *self,
           const char     *text,
           const char     *css_class)
{
  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), self->badge_class);
  self->badge_class = css_class;
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), css_class);
  gtk_label_set_text (self->status_badge, text);
}

char *
dpo_request_view_describe_status (const DpoRequest  *request,
                                  gboolean           overdue,
                                  const char       **css_class)
{
  const char *label = dpo_enum_label (DPO_ENUM_REQUEST_STATUS,
                                      request->status != NULL ? request->status : "received");

  if (!dpo_request_is_open (request))
    {
      *css_class = g_strcmp0 (request->status, "answered") == 0 ? "request-answered"
                   : g_strcmp0 (request->status, "refused") == 0 ? "request-refused"
                   : "request-closed";
      return g_strdup (label);
    }
  if (overdue)
    {
      *css_class = "request-overdue";
      /* Translators: %s is a request status ("Received", "In progress") */
      return g_strdup_printf (_("%s · overdue"), label);
    }
  *css_class = "request-open";
  return g_strdup (label);
}

static void
fill_state (DpoRequestView            *self,
            const DpoRequestDeadlines *deadlines)
{
  const char *summary_class = NULL;
  const char *badge_class = NULL;
  g_autofree char *summary = describe_state (self, deadlines, &summary_class);
  g_autofree char *badge = dpo_request_view_describe_status (self->request, deadlines->overdue,
                                                             &badge_class);

  set_badge (self, badge, badge_class);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "warning");
  if (summary_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), summary_class);
}

static void
fill_due_dates (DpoRequestView            *self,
                const DpoRequestDeadlines *deadlines)
{
  g_autofree char *due = dpo_date_format_display (&deadlines->due_on);
  g_autofree char *extended = dpo_date_format_display (&deadlines->extended_due_on);
  g_autofree char *not_extended = NULL;
  gboolean late = deadlines->overdue;

  set_value (self->due_row, due, !deadlines->extended && late ? "error" : NULL);
  if (deadlines->extended)
    set_value (self->extended_due_row, extended, late ? "error" : NULL);
  else
    {
      /* Translators: %s is the date an extension would move the answer to */
      not_extended = g_strdup_printf (_("Not extended (would be %s)"), extended);
      set_value (self->extended_due_row, not_extended, "dim-label");
    }
}

static void
fill_identity (DpoRequestView *self)
{
  g_autofree char *verified = format_time (self->request->identity_verified_at);

  set_value (self->identity_row, verified != NULL ? verified : _("Not verified yet"),
             verified == NULL ? "dim-label" : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_button),
                          verified == NULL && dpo_request_is_open (self->request));
}

static void
fill_extension (DpoRequestView            *self,
                const DpoRequestDeadlines *deadlines,
                gboolean                   new_request)
{
  DpoRequest *request = self->request;
  gboolean extended = request->extension_notified_at != NULL;
  gboolean possible = can_extend (self);
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

static const char *
subject_field (const DpoSubject *subject,
               const char       *field)
{
  if (subject == NULL)
    return NULL;
  if (g_str_equal (field, "last_name")) return subject->last_name;
  if (g_str_equal (field, "first_name")) return subject->first_name;
  if (g_str_equal (field, "birth_date")) return subject->birth_date;
  if (g_str_equal (field, "nir")) return subject->nir;
  if (g_str_equal (field, "member_number")) return subject->member_number;
  if (g_str_equal (field, "email")) return subject->email;
  if (g_str_equal (field, "postal_address")) return subject->postal_address;
  return NULL;
}

static void
fill_changes (DpoRequestView *self)
{
  DpoRequest *request = self->request;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GList) fields = NULL;
  JsonObject *object;

  clear_change_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group),
                          g_strcmp0 (request->kind, "rectification") == 0);
  if (g_strcmp0 (request->kind, "rectification") != 0)
    return;

  node = request->changes != NULL ? json_from_string (request->changes, NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      json_object_get_size (object = json_node_get_object (node)) == 0)
    {
      add_change_row (self, _("No changes recorded"), _("Use Edit… to record them"), "dim-label");
      return;
    }

  if (request->subject_id != NULL)
    subject = dpo_store_get_subject (self->store, request->subject_id, NULL);

  fields = json_object_get_members (object);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      const char *new_value = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL;
      const char *old_value = subject_field (subject, l->data);
      g_autofree char *text = NULL;

      if (subject != NULL && dpo_request_is_open (request))
        /* Translators: a person's field, its current value, then the new one */
        text = g_strdup_printf (_("%s → %s"), old_value != NULL ? old_value : _("(empty)"),
                                new_value != NULL ? new_value : _("(empty)"));
      else
        text = g_strdup (new_value != NULL ? new_value : _("(empty)"));
      add_change_row (self, dpo_request_editor_field_label (l->data), text, NULL);
    }
}

static void
fill_answer (DpoRequestView *self,
             const DpoRequest *previous)
{
  DpoRequest *request = self->request;
  g_autofree char *answered = format_time (request->answered_at);
  gboolean refresh_all = previous == NULL;

  dpo_form_combo_set (self->status_row, DPO_ENUM_REQUEST_STATUS,
                      request->status != NULL ? request->status : "received");
  set_value (self->answered_row, answered != NULL ? answered : _("Not yet"),
             answered == NULL ? "dim-label" : NULL);

  /* Keep what is being typed unless the stored value itself moved. */
  if (refresh_all || g_strcmp0 (previous->outcome, request->outcome) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                           request->outcome != NULL ? request->outcome : "");
  if (refresh_all || g_strcmp0 (previous->refusal_ground, request->refusal_ground) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->refusal_ground_row),
                           request->refusal_ground != NULL ? request->refusal_ground : "");
}

static void
dpo_request_view_reload (DpoRequestView *self)
{
  g_autoptr(DpoRequest) previous = g_steal_pointer (&self->request);
  DpoRequestDeadlines deadlines;

  if (self->store != NULL && self->id != NULL)
    self->request = dpo_store_get_request (self->store, self->id, NULL);

  if (self->request == NULL)
    {
      gtk_label_set_text (self->title_label, self->id != NULL ? self->id : "");
      gtk_label_set_text (self->subtitle_label, "");
      gtk_stack_set_visible_child_name (self->stack, "gone");
      dpo_request_view_update_actions (self);
      return;
    }

  if (previous != NULL && g_strcmp0 (previous->id, self->request->id) != 0)
    g_clear_pointer (&previous, dpo_request_free);

  self->updating = TRUE;
  get_deadlines (self, &deadlines);
  fill_header (self);
  fill_state (self, &deadlines);
  fill_request (self);
  fill_due_dates (self, &deadlines);
  fill_identity (self);
  fill_extension (self, &deadlines, previous == NULL ||
                  (previous->extension_notified_at == NULL) !=
                  (self->request->extension_notified_at == NULL));
  fill_changes (self);
  fill_answer (self, previous);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "request");
  dpo_request_view_update_actions (self);
}

static void
show_error (DpoRequestView *self,
            const GError   *error)
{
  dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->content), error);
}

/* Saves @request (a changed copy) through the core. On error nothing was
 * written: the view shows the stored record again, and why. */
static gboolean
save (DpoRequestView *self,
      DpoRequest     *request)
{
  g_autoptr(GError) error = NULL;

  if (!dpo_store_save_request (self->store, request, &error))
    {
      dpo_request_view_reload (self);
      show_error (self, error);
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

static void
on_store_changed_cb (DpoRequestView *self,
                     DpoStore       *store)
{
  dpo_request_view_reload (self);
}

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
  if (!is_closing_status (status))
    g_clear_pointer (&request->answered_at, g_date_time_unref);
  if (save (self, request))
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
    dpo_request_view_reload (change->self);
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

  /* Translators: %s is a request status ("Answered", "Refused", "Withdrawn") */
  heading = g_strdup_printf (_("Mark the Request “%s”?"), label);
  if (g_str_equal (status, "withdrawn"))
    body = _("A withdrawn request is closed: it can no longer be carried out.");
  else if (g_str_equal (status, "refused"))
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
  if (g_strcmp0 (status, self->request->status) == 0)
    return;

  if (is_closing_status (status))
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
  if (save (self, request))
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
  if (save (self, request))
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
      show_error (self, error);
      return;
    }

  g_free (request->extension_reason);
  request->extension_reason = dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (self->extension_reason_row)));
  request->extension_notified_at = g_steal_pointer (&notified);
  if (request->extension_reason == NULL && request->extension_notified_at == NULL)
    request->extension_reason = g_strdup ("");
  if (save (self, request))
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
execute (DpoRequestView *self,
         GFile          *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *id = g_strdup (self->id);

  if (dpo_store_execute_request (self->store, id, output, &outcome, &error))
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
    execute (self, file);
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
    execute (self, NULL);
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

static void
confirm_carry_out (DpoRequestView *self)
{
  const char *name = self->request->subject_name;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gboolean erasure = g_str_equal (self->request->kind, "erasure");
  GtkWidget *dialog;

  if (erasure)
    {
      heading = g_strdup (_("Carry Out the Erasure?"));
      /* Translators: %s is the person's name */
      body = g_strdup_printf (_("If %s has no active contract, their data and contracts are deleted "
                                "for good, and the request stays in the register without them. "
                                "If a contract is still active, nothing is deleted and the request "
                                "is recorded as refused."), name);
    }
  else
    {
      g_autofree char *changes = describe_changes (self);

      heading = g_strdup (_("Apply the Changes?"));
      /* Translators: %s is the person's name, then the list of changes */
      body = g_strdup_printf (_("The record of %s will be changed as requested:\n%s\n\nThe audit log "
                                "keeps the old values."), name, changes);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "carry-out", erasure ? _("_Erase") : _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "carry-out",
                                              erasure ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_carry_out_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
carry_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (widget);
  const char *kind = self->request->kind;

  if (g_str_equal (kind, "access") || g_str_equal (kind, "portability"))
    choose_output (self);
  else
    confirm_carry_out (self);
}

static void
dpo_request_view_dispose (GObject *object)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->request, dpo_request_free);
  g_clear_pointer (&self->change_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_REQUEST_VIEW);

  G_OBJECT_CLASS (dpo_request_view_parent_class)->dispose (object);
}

static void
dpo_request_view_class_init (DpoRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_request_view_dispose;

  gtk_widget_class_install_action (widget_class, "request.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "request.carry-out", NULL, carry_out_action);
  gtk_widget_class_install_action (widget_class, "request.verify-identity", NULL, verify_identity_action);
  gtk_widget_class_install_action (widget_class, "request.extend", NULL, extend_action);
  gtk_widget_class_install_action (widget_class, "request.show-person", NULL, show_person_action);

  dpo_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-request-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, carry_out_button);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, stack);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, content);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, error_label);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, person_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, person_arrow);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, received_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, due_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, extended_due_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, identity_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, verify_button);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, extension_group);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, extend_button);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, extension_state_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, extension_reason_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, extension_notified_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, changes_group);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, status_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, answered_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, refusal_ground_row);
  gtk_widget_class_bind_template_callback (widget_class, on_status_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refusal_ground_row_apply_cb);
}

static void
dpo_request_view_init (DpoRequestView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->change_rows = g_ptr_array_new ();
  dpo_form_combo_setup (self->status_row, DPO_ENUM_REQUEST_STATUS);
  dpo_editor_label_rows (GTK_WIDGET (self));
  dpo_request_view_update_actions (self);
}

void
dpo_request_view_set_store (DpoRequestView *self,
                            DpoStore       *store)
{
  g_return_if_fail (DPO_IS_REQUEST_VIEW (self));
  g_return_if_fail (store == NULL || DPO_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_clear_pointer (&self->id, g_free);
  dpo_request_view_reload (self);
}

void
dpo_request_view_show (DpoRequestView *self,
                       const char     *id)
{
  g_return_if_fail (DPO_IS_REQUEST_VIEW (self));

  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      g_clear_pointer (&self->request, dpo_request_free);
      show_error (self, NULL);
    }
  dpo_request_view_reload (self);
}

const char *
dpo_request_view_get_id (DpoRequestView *self)
{
  g_return_val_if_fail (DPO_IS_REQUEST_VIEW (self), NULL);

  return self->id;
}

const DpoRequest *
dpo_request_view_get_request (DpoRequestView *self)
{
  g_return_val_if_fail (DPO_IS_REQUEST_VIEW (self), NULL);

  return self->request;
}
