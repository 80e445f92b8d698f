/* dpo-request-view.c
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

G_DEFINE_FINAL_TYPE (DpoRequestView, dpo_request_view, GTK_TYPE_BOX)

#define set_value dpo_editor_set_row_value

char *
_dpo_request_view_format_time (GDateTime *time)
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

gboolean
_dpo_request_view_is_closing_status (const char *status)
{
  DpoRequestStatus value = dpo_enum_value (DPO_ENUM_REQUEST_STATUS, status);

  return value != DPO_REQUEST_STATUS_UNKNOWN && !dpo_request_status_is_open (value);
}

gboolean
_dpo_request_view_can_extend (DpoRequestView *self)
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

static const char *
carry_out_tooltip (const DpoRequest *request)
{
  switch (dpo_request_get_kind (request))
    {
    case DPO_REQUEST_ERASURE:
      return _("Erase the person’s data, unless a contract of theirs is still active");
    case DPO_REQUEST_RECTIFICATION:
      return _("Apply the requested changes to the person’s record");
    case DPO_REQUEST_RESTRICTION:
      return _("Restrict the processing of the person’s data, with the reason");
    case DPO_REQUEST_OBJECTION:
      return _("Record the decision on the objection, with its reason");
    case DPO_REQUEST_KIND_UNKNOWN:
    case DPO_REQUEST_ACCESS:
    case DPO_REQUEST_PORTABILITY:
    case DPO_N_REQUEST_KINDS:
    default:
      return _("Write the person’s data to a JSON file for them");
    }
}

static void
dpo_request_view_update_actions (DpoRequestView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  DpoRequest *request = self->request;
  g_autoptr(GError) why_not = NULL;
  /* The core's rule, and its reason in plain words as the tooltip. */
  gboolean carry_out = request != NULL && !self->executing &&
                       dpo_request_check_executable (request, &why_not);
  /* An erasure is the officer's: for another role, the button goes. */
  gboolean may_carry_out = request == NULL || dpo_request_get_kind (request) != DPO_REQUEST_ERASURE ||
                           self->store == NULL || dpo_store_can (self->store, DPO_RIGHT_ERASE);
  const char *tooltip = request == NULL ? NULL
                        : carry_out || why_not == NULL ? carry_out_tooltip (request)
                        : why_not->message;

  gtk_widget_action_set_enabled (widget, "request.edit", request != NULL);
  gtk_widget_action_set_enabled (widget, "request.carry-out", carry_out && may_carry_out);
  gtk_widget_set_visible (GTK_WIDGET (self->carry_out_button), may_carry_out);
  gtk_widget_action_set_enabled (widget, "request.verify-identity",
                                 request != NULL && dpo_request_is_open (request) &&
                                 request->identity_verified_at == NULL);
  gtk_widget_action_set_enabled (widget, "request.extend", request != NULL && _dpo_request_view_can_extend (self));
  gtk_widget_action_set_enabled (widget, "request.show-person",
                                 request != NULL && request->subject_id != NULL);

  /* Carrying out an erasure deletes data: it looks like it. */
  if (request != NULL && dpo_request_get_kind (request) == DPO_REQUEST_ERASURE)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->carry_out_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->carry_out_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->carry_out_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->carry_out_button), "suggested-action");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->carry_out_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->carry_out_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip != NULL ? tooltip : "",
                                  -1);
  _dpo_request_view_letters_update (self);
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
  g_autofree char *received = _dpo_request_view_format_time (request->received_at);

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
      if (days <= DPO_DUE_SOON_DAYS)
        *css_class = "warning";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due on %s, in %d day.",
                                           "Due on %s, in %d days.", days), due_text, days);
    }

  if (dpo_request_get_status (request) == DPO_REQUEST_WITHDRAWN)
    return g_strdup (_("Withdrawn by the person: nothing more to do."));
  if (request->answered_at == NULL)
    return g_strdup (_("Closed."));

  dpo_time_get_local_date (request->answered_at, &answered);
  {
    g_autofree char *answered_text = dpo_date_format_display (&answered);
    gboolean refused = dpo_request_get_status (request) == DPO_REQUEST_REFUSED;

    if (dpo_request_get_on_time (request, deadlines, &days) == DPO_ON_TIME_YES)
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
  DpoRequestStatus status = dpo_request_get_status (request);
  const char *label = dpo_enum_label (DPO_ENUM_REQUEST_STATUS,
                                      dpo_enum_word (DPO_ENUM_REQUEST_STATUS, status));

  if (!dpo_request_is_open (request))
    {
      *css_class = status == DPO_REQUEST_ANSWERED ? "request-answered"
                   : status == DPO_REQUEST_REFUSED ? "request-refused"
                   : "request-closed";
      return g_strdup (label != NULL ? label : request->status);
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
  gboolean alsace_moselle = dpo_store_get_alsace_moselle (self->store);

  dpo_due_date_button_explain (self->due_explain_button, &deadlines->received_on, FALSE, alsace_moselle);
  dpo_due_date_button_explain (self->extended_explain_button, &deadlines->received_on, TRUE,
                               alsace_moselle);
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
  g_autofree char *verified = _dpo_request_view_format_time (self->request->identity_verified_at);

  set_value (self->identity_row, verified != NULL ? verified : _("Not verified yet"),
             verified == NULL ? "dim-label" : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_button),
                          verified == NULL && dpo_request_is_open (self->request));
}

void
_dpo_request_view_reload (DpoRequestView *self)
{
  g_autoptr(DpoRequest) previous = g_steal_pointer (&self->request);
  DpoRequestDeadlines deadlines;

  if (self->store != NULL && self->id != NULL)
    self->request = dpo_store_get_request (self->store, self->id, NULL);

  if (self->request == NULL)
    {
      dpo_restriction_banner_set_restriction (self->restriction_banner, NULL, NULL);
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
  _dpo_request_view_fill_extension (self, &deadlines, previous == NULL ||
                                    (previous->extension_notified_at == NULL) !=
                                    (self->request->extension_notified_at == NULL));
  _dpo_request_view_fill_changes (self);
  _dpo_request_view_fill_answer (self, previous);
  /* The person's restriction (Art. 18), on every request of theirs. */
  dpo_restriction_banner_set_restriction (self->restriction_banner,
                                          self->request->subject_restricted_since,
                                          self->request->subject_restriction_reason);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "request");
  dpo_request_view_update_actions (self);
}

void
_dpo_request_view_show_error (DpoRequestView *self,
                                                const GError   *error)
{
  dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->content), error);
}

gboolean
_dpo_request_view_save (DpoRequestView *self,
                                          DpoRequest     *request)
{
  g_autoptr(GError) error = NULL;

  if (!dpo_store_save_request (self->store, request, &error))
    {
      _dpo_request_view_reload (self);
      _dpo_request_view_show_error (self, error);
      return FALSE;
    }

  _dpo_request_view_show_error (self, NULL);
  return TRUE;
}

static void
on_store_changed_cb (DpoRequestView *self,
                     DpoStore       *store)
{
  _dpo_request_view_reload (self);
}

static void
dpo_request_view_dispose (GObject *object)
{
  DpoRequestView *self = DPO_REQUEST_VIEW (object);

  dpo_ui_follow_store (&self->store, NULL, G_CALLBACK (on_store_changed_cb), self);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->request, dpo_request_free);
  g_clear_pointer (&self->change_rows, g_ptr_array_unref);
  g_clear_pointer (&self->letter_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_REQUEST_VIEW);

  G_OBJECT_CLASS (dpo_request_view_parent_class)->dispose (object);
}

static void
dpo_request_view_class_init (DpoRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_request_view_dispose;

  g_type_ensure (DPO_TYPE_RESTRICTION_BANNER);
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
  /* Reached with gtk_widget_get_template_child(), no struct field. */
  gtk_widget_class_bind_template_child_full (widget_class, "scroller", FALSE, 0);
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
  gtk_widget_class_bind_template_child (widget_class, DpoRequestView, restriction_banner);

  _dpo_request_view_class_actions_init (widget_class);
}

static void
dpo_request_view_init (DpoRequestView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->change_rows = g_ptr_array_new ();
  _dpo_request_view_letters_build (self, GTK_WIDGET (self->carry_out_button));
  dpo_date_field_setup (GTK_WIDGET (self->extension_notified_row), _("Person told on"), TRUE);
  dpo_form_combo_setup (self->status_row, DPO_ENUM_REQUEST_STATUS);
  self->due_explain_button = dpo_due_date_button_new ();
  adw_action_row_add_suffix (self->due_row, self->due_explain_button);
  self->extended_explain_button = dpo_due_date_button_new ();
  adw_action_row_add_suffix (self->extended_due_row, self->extended_explain_button);
  dpo_editor_label_rows (GTK_WIDGET (self));
  dpo_request_view_update_actions (self);
}

void
dpo_request_view_set_store (DpoRequestView *self,
                            DpoStore       *store)
{
  g_return_if_fail (DPO_IS_REQUEST_VIEW (self));
  g_return_if_fail (store == NULL || DPO_IS_STORE (store));

  if (!dpo_ui_follow_store (&self->store, store, G_CALLBACK (on_store_changed_cb), self))
    return;

  g_clear_pointer (&self->id, g_free);
  _dpo_request_view_reload (self);
}

static void
scroll_to_top (DpoRequestView *self)
{
  GObject *scroller = gtk_widget_get_template_child (GTK_WIDGET (self), DPO_TYPE_REQUEST_VIEW, "scroller");

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
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
      _dpo_request_view_show_error (self, NULL);
      /* Another request starts at its top, not where the last one was left. */
      scroll_to_top (self);
    }
  _dpo_request_view_reload (self);
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
