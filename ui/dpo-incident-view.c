/* dpo-incident-view.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-incident-text.h"
#include "dpo-incident-view-private.h"
#include "dpo-time.h"
#include "dpo-timeline.h"
#include "dpo-ui.h"

G_DEFINE_FINAL_TYPE (DpoIncidentView, dpo_incident_view, ADW_TYPE_WINDOW)

#define CLOCK_INTERVAL_SECONDS 60

/* "Civil status, Date of birth, Viamedis extract": labels of known words,
 * other words as typed; NULL for none. */
static char *
join_labels (DpoEnum             vocabulary,
             const char * const *words)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) dpo_enum_label (vocabulary, words[i]));
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static char *
format_count (gint64 count)
{
  return count >= 0 ? dpo_ui_format_count (count) : NULL;
}

static char *
format_time (GDateTime *time)
{
  return time != NULL ? dpo_time_format_display (time) : NULL;
}

/* A field and its value: the value reads first, the field name above it.
 * Takes @value. */
static void
add_detail (DpoIncidentView *self,
            const char      *field,
            char            *value)
{
  g_autofree char *owned = value;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), owned != NULL ? owned : _("Not recorded"));
  gtk_widget_add_css_class (row, "property");
  if (owned == NULL)
    gtk_widget_add_css_class (row, "not-recorded");
  gtk_list_box_append (self->details_list, row);
}

static void
refresh_details (DpoIncidentView *self)
{
  const DpoIncident *i = self->incident;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))) != NULL)
    gtk_list_box_remove (self->details_list, child);

  add_detail (self, _("Reference"), g_strdup (i->id));
  add_detail (self, _("Nature"), join_labels (DPO_ENUM_NATURE, (const char * const *) i->natures));
  add_detail (self, _("Processor or third party involved"), g_strdup (i->processor));
  add_detail (self, _("Origin"), g_strdup (i->origin));
  add_detail (self, _("Start"), format_time (i->started_at));
  add_detail (self, _("End"), format_time (i->ended_at));
  add_detail (self, _("Awareness"), format_time (i->aware_at));
  add_detail (self, _("Data categories"),
              join_labels (DPO_ENUM_DATA_CATEGORY, (const char * const *) i->data_categories));
  add_detail (self, _("Categories of persons"),
              join_labels (DPO_ENUM_SUBJECT_CATEGORY, (const char * const *) i->subject_categories));
  add_detail (self, _("Approximate number of persons"), format_count (i->approx_subjects));
  add_detail (self, _("Approximate number of records"), format_count (i->approx_records));
  /* Not the bare label: "Risk" under the field "Risk" says nothing. */
  add_detail (self, _("Risk"), g_strdup (dpo_incident_text_risk_summary (i->risk)));
  add_detail (self, _("Likely consequences"), g_strdup (i->consequences));
  add_detail (self, _("Measures taken or planned"), g_strdup (i->measures));
  add_detail (self, _("Description"), g_strdup (i->description));
}

static void
refresh_header (DpoIncidentView *self)
{
  const DpoIncident *i = self->incident;
  g_autofree char *persons = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  gtk_window_set_title (GTK_WINDOW (self), i->id);
  adw_window_title_set_title (self->window_title, i->id);
  adw_window_title_set_subtitle (self->window_title, _("Incident"));
  gtk_label_set_text (self->title_label, i->title);

  if (i->processor != NULL)
    g_ptr_array_add (parts, g_strdup (i->processor));
  g_ptr_array_add (parts, g_strdup (dpo_incident_text_risk_summary (i->risk)));
  if (i->approx_subjects >= 0)
    {
      persons = format_count (i->approx_subjects);
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %s person",
                                                            "about %s persons", i->approx_subjects),
                                               persons));
    }
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->summary_label, summary);
}

static void
refresh_obligations (DpoIncidentView *self)
{
  g_autofree char *cnil = dpo_incident_text_cnil_obligation (self->incident);
  g_autofree char *detail = NULL;
  g_autofree char *people = NULL;
  gboolean done;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cnil_obligation_row), cnil);
  people = dpo_incident_text_people_obligation (self->incident, &detail, &done);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->people_obligation_row), people);
  adw_action_row_set_subtitle (self->people_obligation_row, detail != NULL ? detail : "");
  if (done)
    gtk_widget_remove_css_class (GTK_WIDGET (self->people_obligation_row), "missing");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->people_obligation_row), "missing");
}

static void
set_badge_class (DpoIncidentView *self,
                 const char      *css_class)
{
  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), self->badge_class);
  self->badge_class = css_class;
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), css_class);
}

static void
refresh_reason (DpoIncidentView *self,
                GDateTime       *now)
{
  const char *reason = self->incident->delay_reason;
  gboolean needed = dpo_incident_needs_delay_reason (self->incident, now);
  gboolean missing = needed && reason == NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), needed || reason != NULL);
  if (missing)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                     _("Reason for the delay: missing"));
      adw_action_row_set_subtitle (self->reason_row,
                                   _("The CNIL expects the reasons when it is notified after 72 hours "
                                     "(GDPR Art. 33(1)). Record them."));
      gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "missing");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason for the delay"));
      adw_action_row_set_subtitle (self->reason_row, reason != NULL ? reason : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "missing");
    }
  gtk_image_set_from_icon_name (self->reason_icon,
                                missing ? "dialog-warning-symbolic" : "document-edit-symbolic");
  gtk_button_set_label (self->reason_button, reason == NULL ? _("_Add Reason…") : _("_Edit Reason…"));
  gtk_button_set_use_underline (self->reason_button, TRUE);
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_button), "suggested-action");
}

void
dpo_incident_view_refresh_clock (DpoIncidentView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *detail = NULL;
  const char *css_class = NULL;
  DpoCnilStatus status;

  g_return_if_fail (DPO_IS_INCIDENT_VIEW (self));

  if (self->incident == NULL)
    return;

  now = dpo_store_dup_now (self->store);
  headline = dpo_incident_text_clock (self->incident, now, &detail, &css_class);
  status = dpo_incident_get_cnil_status (self->incident, now);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clock_row), headline);
  adw_action_row_set_subtitle (self->clock_row, detail);
  gtk_label_set_text (self->status_badge,
                      dpo_enum_label (DPO_ENUM_CNIL_STATUS, dpo_cnil_status_to_word (status)));
  set_badge_class (self, css_class);
  refresh_reason (self, now);
}

static gboolean
on_clock_tick_cb (gpointer data)
{
  dpo_incident_view_refresh_clock (data);
  return G_SOURCE_CONTINUE;
}

static void
refresh (DpoIncidentView *self)
{
  refresh_header (self);
  dpo_incident_view_refresh_clock (self);
  refresh_obligations (self);
  dpo_timeline_set_incident (self->timeline, self->incident);
  dpo_notice_group_set_incident (self->notice_group, self->store, self->incident);
  refresh_details (self);
  dpo_affected_group_show (self->affected_group, self->store, self->id);
  _dpo_incident_view_actions_update (self);
}

/* Reads the incident again. Gone (deleted, here or elsewhere): the window
 * closes. */
static gboolean
reload (DpoIncidentView *self)
{
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  incident = dpo_store_get_incident (self->store, self->id, &error);
  if (incident == NULL)
    {
      if (!g_error_matches (error, DPO_ERROR, DPO_ERROR_NOT_FOUND))
        _dpo_incident_view_toast (self, error->message);
      else
        gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }

  g_clear_pointer (&self->incident, dpo_incident_free);
  self->incident = g_steal_pointer (&incident);
  refresh (self);
  return TRUE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  DpoIncidentView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Later, not now: an editor that renamed the incident tells us its new
 * reference just after the store's signal, and several writes in a row
 * need only one reading. */
void
_dpo_incident_view_queue_reload (DpoIncidentView *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
on_store_changed_cb (DpoIncidentView *self)
{
  _dpo_incident_view_queue_reload (self);
}

void
_dpo_incident_view_set_id (DpoIncidentView *self,
                           const char      *id)
{
  g_free (self->id);
  self->id = g_strdup (id);
}

void
_dpo_incident_view_toast (DpoIncidentView *self,
                          const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
dpo_incident_view_dispose (GObject *object)
{
  DpoIncidentView *self = DPO_INCIDENT_VIEW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  dpo_ui_follow_store (&self->store, NULL, G_CALLBACK (on_store_changed_cb), self);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->incident, dpo_incident_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_INCIDENT_VIEW);

  G_OBJECT_CLASS (dpo_incident_view_parent_class)->dispose (object);
}

static void
dpo_incident_view_class_init (DpoIncidentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_incident_view_dispose;

  g_type_ensure (DPO_TYPE_TIMELINE);
  g_type_ensure (DPO_TYPE_NOTICE_GROUP);
  g_type_ensure (DPO_TYPE_AFFECTED_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-incident-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, window_title);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, clock_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, reason_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, reason_icon);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, reason_button);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, cnil_obligation_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, people_obligation_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, notice_group);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, timeline);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, details_list);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentView, affected_group);

  _dpo_incident_view_class_actions_init (klass);
}

static void
dpo_incident_view_init (DpoIncidentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->clock_id = g_timeout_add_seconds (CLOCK_INTERVAL_SECONDS, on_clock_tick_cb, self);
}

static DpoIncidentView *
find_view (DpoStore   *store,
           const char *id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DPO_IS_INCIDENT_VIEW (window) &&
          DPO_INCIDENT_VIEW (window)->store == store &&
          g_strcmp0 (DPO_INCIDENT_VIEW (window)->id, id) == 0)
        return DPO_INCIDENT_VIEW (window);
    }
  return NULL;
}

static void
on_parent_notify_store_cb (DpoIncidentView *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

DpoIncidentView *
dpo_incident_view_present (GtkWindow  *parent,
                           DpoStore   *store,
                           const char *id)
{
  DpoIncidentView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = find_view (store, id);
  if (self != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }

  self = g_object_new (DPO_TYPE_INCIDENT_VIEW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  dpo_ui_follow_store (&self->store, store, G_CALLBACK (on_store_changed_cb), self);
  self->id = g_strdup (id);
  /* Another database in the main window: this one's incidents go. */
  if (parent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (parent), "store") != NULL)
    g_signal_connect_object (parent, "notify::store", G_CALLBACK (on_parent_notify_store_cb), self,
                             G_CONNECT_SWAPPED);

  if (!reload (self))
    return NULL;

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

const char *
dpo_incident_view_get_id (DpoIncidentView *self)
{
  g_return_val_if_fail (DPO_IS_INCIDENT_VIEW (self), NULL);

  return self->id;
}

const DpoIncident *
dpo_incident_view_get_incident (DpoIncidentView *self)
{
  g_return_val_if_fail (DPO_IS_INCIDENT_VIEW (self), NULL);

  return self->incident;
}
