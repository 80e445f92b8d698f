/* dpo-person-view.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-computed.h"
#include "dpo-contract-editor.h"
#include "dpo-editor-dialog.h"
#include "dpo-enums.h"
#include "dpo-people-page.h"
#include "dpo-person-coverage.h"
#include "dpo-person-editor.h"
#include "dpo-person-holds.h"
#include "dpo-affected-person.h"
#include "dpo-person-view.h"
#include "dpo-request-editor.h"
#include "dpo-request-view.h"
#include "dpo-restriction-banner.h"
#include "dpo-restriction-lift.h"
#include "dpo-row.h"
#include "dpo-time.h"
#include "dpo-ui.h"

/* A person's requests are found by the store's search on their reference;
 * more than this many is not a person but a data problem. */
#define MAX_REQUESTS 500

struct _DpoPersonView
{
  GtkBox               parent_instance;

  /* Template children */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkStack            *stack;
  AdwActionRow        *reference_row;
  AdwActionRow        *birth_date_row;
  AdwActionRow        *nir_row;
  AdwActionRow        *member_number_row;
  AdwActionRow        *email_row;
  AdwActionRow        *postal_address_row;
  AdwPreferencesGroup *contracts_group;
  AdwPreferencesGroup *requests_group;
  GtkWidget           *covered_group;   /* dpo-person-coverage.h */
  GtkWidget           *holds_group;     /* dpo-person-holds.h, once a store is set */
  GtkWidget           *erasure_group;   /* the same */
  DpoRestrictionBanner *restriction_banner;
  DpoAffectedPerson *affected_person;

  DpoStore            *store;
  char                *id;
  DpoSubject          *subject;
  GPtrArray           *contract_rows;
  GPtrArray           *request_rows;
};

G_DEFINE_FINAL_TYPE (DpoPersonView, dpo_person_view, GTK_TYPE_BOX)

static void
set_optional (AdwActionRow *row,
              const char   *text)
{
  dpo_editor_set_row_value (row, text != NULL ? text : _("Not recorded"),
                            text == NULL ? "dim-label" : NULL);
}

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !dpo_date_parse (iso, &date, NULL))
    return g_strdup (iso);
  return dpo_date_format_display (&date);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
new_badge (const char *text,
           const char *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* "Since 1 Jan 2019", "1 Mar 2012 – 31 Dec 2023", "From 1 Mar 2027"… */
static char *
describe_period (const DpoContract *contract,
                 const char        *today)
{
  g_autofree char *start = format_iso_date (contract->start_date);
  g_autofree char *end = format_iso_date (contract->end_date);

  if (contract->end_date != NULL)
    /* Translators: a contract's start and end dates */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (g_strcmp0 (contract->start_date, today) > 0)
    /* Translators: %s is a contract's start date, in the future */
    return g_strdup_printf (_("From %s"), start);
  /* Translators: %s is a contract's start date */
  return g_strdup_printf (_("Since %s"), start);
}

static void
on_contract_row_activated_cb (DpoPersonView *self,
                              AdwActionRow  *row)
{
  DpoContract *contract = g_object_get_data (G_OBJECT (row), "dpo-contract");

  dpo_contract_editor_present (GTK_WIDGET (self), self->store, self->subject->id, contract);
}

static void
fill_contracts (DpoPersonView *self)
{
  g_autoptr(GDateTime) now = dpo_store_dup_now (self->store);
  g_autofree char *today = NULL;
  GDate date;

  dpo_time_get_local_date (now, &date);
  today = dpo_date_to_iso (&date);
  clear_rows (self->contracts_group, self->contract_rows);

  for (guint i = 0; i < self->subject->contracts->len; i++)
    {
      DpoContract *contract = g_ptr_array_index (self->subject->contracts, i);
      gboolean active = dpo_contract_is_active_on (contract, today);
      g_autofree char *period = describe_period (contract, today);
      g_autofree char *covers = dpo_person_coverage_describe_beneficiaries (self->store, contract);
      g_autofree char *line = contract->product != NULL
        /* Translators: a contract's product, then its period */
        ? g_strdup_printf (_("%s · %s"), contract->product, period) : g_strdup (period);
      g_autofree char *subtitle = covers != NULL ? g_strdup_printf ("%s\n%s", line, covers)
                                                 : g_steal_pointer (&line);
      const char *state = active ? _("Active") : _("Ended");
      g_autofree char *accessible = g_strdup_printf ("%s, %s", contract->number, state);
      GtkWidget *row = new_row (contract->number, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_badge (state, active ? "contract-active" : "contract-ended"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit the contract"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                      -1);
      g_object_set_data_full (G_OBJECT (row), "dpo-contract", dpo_contract_copy (contract),
                              (GDestroyNotify) dpo_contract_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_contract_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->contracts_group, row);
      g_ptr_array_add (self->contract_rows, row);
    }

  dpo_person_coverage_fill (self->covered_group, self->subject, today);
  if (self->holds_group != NULL)
    dpo_person_holds_fill (self->holds_group, self->subject, today);
  if (self->erasure_group != NULL)
    dpo_person_erasure_fill (self->erasure_group, self->subject, today);
  if (self->subject->contracts->len == 0)
    {
      GtkWidget *row = new_row (_("No contracts"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->contracts_group, row);
      g_ptr_array_add (self->contract_rows, row);
    }
}

static GtkWidget *
new_request_row (DpoPersonView    *self,
                 const DpoRequest *request)
{
  g_autoptr(GDateTime) now = dpo_store_dup_now (self->store);
  g_autofree char *title = NULL;
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  const char *status_class = NULL;
  DpoRequestDeadlines deadlines;
  GtkWidget *row;

  dpo_request_get_deadlines (request, now, dpo_store_get_alsace_moselle (self->store), &deadlines);
  /* Translators: a request's reference, then its kind */
  title = g_strdup_printf (_("%s · %s"), request->id, dpo_enum_label (DPO_ENUM_REQUEST_KIND, request->kind));
  received = dpo_date_format_display (&deadlines.received_on);
  due = dpo_date_format_display (dpo_request_deadlines_current (&deadlines));
  /* Translators: the dates a request was received and is due */
  subtitle = g_strdup_printf (_("Received %s · due %s"), received, due);
  status = dpo_request_view_describe_status (request, deadlines.overdue, &status_class);

  row = new_row (title, subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_badge (status, status_class));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-request");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", request->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static void
fill_requests (DpoPersonView *self)
{
  g_autoptr(GListModel) model = NULL;
  guint n;

  clear_rows (self->requests_group, self->request_rows);

  /* The search also matches references that merely begin like this one. */
  model = dpo_store_list_requests (self->store, self->subject->id);
  n = MIN (g_list_model_get_n_items (model), MAX_REQUESTS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DpoRow) item = g_list_model_get_item (model, i);
      DpoRequest *request = item != NULL ? dpo_row_get_request (item) : NULL;
      GtkWidget *row;

      if (request == NULL || g_strcmp0 (request->subject_id, self->subject->id) != 0)
        continue;
      row = new_request_row (self, request);
      adw_preferences_group_add (self->requests_group, row);
      g_ptr_array_add (self->request_rows, row);
    }

  if (self->request_rows->len == 0)
    {
      GtkWidget *row = new_row (_("No requests"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->requests_group, row);
      g_ptr_array_add (self->request_rows, row);
    }
}

static void
fill_fields (DpoPersonView *self)
{
  DpoSubject *subject = self->subject;
  g_autofree char *name = g_strdup_printf ("%s %s", subject->first_name, subject->last_name);
  g_autofree char *birth_date = format_iso_date (subject->birth_date);
  g_autofree char *nir = dpo_people_page_format_nir (subject->nir);
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->title_label, name);
  subtitle = subject->member_number != NULL
    /* Translators: a person's reference, then their member number */
    ? g_strdup_printf (_("%s · member %s"), subject->id, subject->member_number)
    : g_strdup (subject->id);
  gtk_label_set_text (self->subtitle_label, subtitle);

  dpo_editor_set_row_value (self->reference_row, subject->id, NULL);
  set_optional (self->birth_date_row, birth_date);
  set_optional (self->nir_row, nir);
  set_optional (self->member_number_row, subject->member_number);
  set_optional (self->email_row, subject->email);
  set_optional (self->postal_address_row, subject->postal_address);
  dpo_restriction_banner_set_restriction (self->restriction_banner, subject->restricted_since,
                                          subject->restriction_reason);
}

static void
dpo_person_view_update_actions (DpoPersonView *self)
{
  gboolean shown = self->subject != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-contract", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.new-request", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.lift-restriction",
                                 shown && dpo_subject_is_restricted (self->subject));
}

static void
dpo_person_view_reload (DpoPersonView *self)
{
  g_clear_pointer (&self->subject, dpo_subject_free);
  if (self->store != NULL && self->id != NULL)
    self->subject = dpo_store_get_subject (self->store, self->id, NULL);

  if (self->subject == NULL)
    {
      dpo_restriction_banner_set_restriction (self->restriction_banner, NULL, NULL);
      gtk_label_set_text (self->title_label, self->id != NULL ? self->id : "");
      gtk_label_set_text (self->subtitle_label, "");
      gtk_stack_set_visible_child_name (self->stack, "gone");
    }
  else
    {
      fill_fields (self);
      fill_contracts (self);
      fill_requests (self);
      dpo_affected_person_show (self->affected_person, self->store, self->id);
      gtk_stack_set_visible_child_name (self->stack, "person");
    }
  dpo_person_view_update_actions (self);
}

static void
on_store_changed_cb (DpoPersonView *self,
                     DpoStore      *store)
{
  dpo_person_view_reload (self);
}

/* The editor saved the person under another reference: follow it. */
static gboolean
on_editor_close_request_cb (DpoPersonView   *self,
                            DpoEditorDialog *dialog)
{
  DpoPersonEditor *editor = DPO_PERSON_EDITOR (dpo_editor_dialog_get_form (dialog));
  const char *id = dpo_person_editor_get_id (editor);

  if (id != NULL && g_strcmp0 (id, self->id) != 0)
    dpo_person_view_show (self, id);
  return FALSE;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DpoPersonView *self = DPO_PERSON_VIEW (widget);
  DpoEditorDialog *dialog = dpo_person_editor_present (widget, self->store, self->subject);

  g_signal_connect_object (dialog, "close-request", G_CALLBACK (on_editor_close_request_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
add_contract_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DpoPersonView *self = DPO_PERSON_VIEW (widget);

  dpo_contract_editor_present (widget, self->store, self->subject->id, NULL);
}

static void
new_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DpoPersonView *self = DPO_PERSON_VIEW (widget);

  dpo_request_editor_present (widget, self->store, NULL, self->subject->id);
}

static void
lift_restriction_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DpoPersonView *self = DPO_PERSON_VIEW (widget);

  if (self->subject != NULL && dpo_subject_is_restricted (self->subject))
    dpo_restriction_lift_confirm (widget, self->store, self->subject);
}

static void
dpo_person_view_dispose (GObject *object)
{
  DpoPersonView *self = DPO_PERSON_VIEW (object);

  dpo_ui_follow_store (&self->store, NULL, G_CALLBACK (on_store_changed_cb), self);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->subject, dpo_subject_free);
  g_clear_pointer (&self->contract_rows, g_ptr_array_unref);
  g_clear_pointer (&self->request_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_PERSON_VIEW);

  G_OBJECT_CLASS (dpo_person_view_parent_class)->dispose (object);
}

static void
dpo_person_view_class_init (DpoPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_person_view_dispose;

  gtk_widget_class_install_action (widget_class, "person.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "person.add-contract", NULL, add_contract_action);
  gtk_widget_class_install_action (widget_class, "person.new-request", NULL, new_request_action);
  gtk_widget_class_install_action (widget_class, "person.lift-restriction", NULL, lift_restriction_action);

  g_type_ensure (DPO_TYPE_RESTRICTION_BANNER);

  g_type_ensure (DPO_TYPE_AFFECTED_PERSON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, title_label);
  /* Reached with gtk_widget_get_template_child(), no struct field. */
  gtk_widget_class_bind_template_child_full (widget_class, "scroller", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, stack);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, nir_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, member_number_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, email_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, postal_address_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, contracts_group);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, requests_group);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, restriction_banner);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonView, affected_person);
}

static void
dpo_person_view_init (DpoPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->contract_rows = g_ptr_array_new ();
  self->request_rows = g_ptr_array_new ();
  self->covered_group = dpo_person_coverage_group_new ();
  gtk_widget_insert_after (self->covered_group, gtk_widget_get_parent (GTK_WIDGET (self->contracts_group)),
                           GTK_WIDGET (self->contracts_group));
  dpo_editor_label_rows (GTK_WIDGET (self));
  dpo_restriction_banner_set_button (self->restriction_banner, _("Lift Restriction…"),
                                     "person.lift-restriction");
  dpo_person_view_update_actions (self);
}

void
dpo_person_view_set_store (DpoPersonView *self,
                           DpoStore      *store)
{
  g_return_if_fail (DPO_IS_PERSON_VIEW (self));
  g_return_if_fail (store == NULL || DPO_IS_STORE (store));

  if (!dpo_ui_follow_store (&self->store, store, G_CALLBACK (on_store_changed_cb), self))
    return;

  /* The holds, after the contracts that cover the person. */
  if (self->holds_group != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->holds_group)), g_steal_pointer (&self->holds_group));
  if (self->erasure_group != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->erasure_group)), g_steal_pointer (&self->erasure_group));
  if (store != NULL)
    {
      self->holds_group = dpo_person_holds_group_new (store);
      gtk_widget_insert_after (self->holds_group, gtk_widget_get_parent (self->covered_group),
                               self->covered_group);
      self->erasure_group = dpo_person_erasure_group_new (store);
      gtk_widget_insert_after (self->erasure_group, gtk_widget_get_parent (self->holds_group),
                               self->holds_group);
    }

  g_clear_pointer (&self->id, g_free);
  dpo_person_view_reload (self);
}

void
dpo_person_view_show (DpoPersonView *self,
                      const char    *id)
{
  g_return_if_fail (DPO_IS_PERSON_VIEW (self));

  if (g_strcmp0 (self->id, id) != 0)
    {
      GObject *scroller = gtk_widget_get_template_child (GTK_WIDGET (self), DPO_TYPE_PERSON_VIEW, "scroller");

      /* Another person starts at the top, not where the last one was left. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
    }
  g_free (self->id);
  self->id = g_strdup (id);
  dpo_person_view_reload (self);
}

const char *
dpo_person_view_get_id (DpoPersonView *self)
{
  g_return_val_if_fail (DPO_IS_PERSON_VIEW (self), NULL);

  return self->id;
}

const DpoSubject *
dpo_person_view_get_subject (DpoPersonView *self)
{
  g_return_val_if_fail (DPO_IS_PERSON_VIEW (self), NULL);

  return self->subject;
}
