/* dpo-entry-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-computed.h"
#include "dpo-date-field.h"
#include "dpo-discard-guard.h"
#include "dpo-entry-editor.h"
#include "dpo-form.h"
#include "dpo-incident-entry.h"
#include "dpo-time.h"
#include "dpo-ui.h"
#include "dpo-validate.h"

struct _DpoEntryEditor
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesPage  *form;
  AdwPreferencesGroup *event_group;
  GtkEntry            *event_at_entry;
  AdwComboRow         *event_kind_row;
  AdwEntryRow         *event_description_row;
  AdwPreferencesGroup *notification_group;
  AdwComboRow         *authority_row;
  AdwEntryRow         *authority_name_row;
  AdwComboRow         *notification_kind_row;
  GtkEntry            *notification_sent_entry;
  AdwEntryRow         *notification_reference_row;
  GtkLabel            *suspicious_label;
  AdwPreferencesGroup *complaint_group;
  AdwComboRow         *direction_row;
  AdwComboRow         *body_row;
  GtkEntry            *complaint_at_entry;
  AdwEntryRow         *complaint_reference_row;
  AdwEntryRow         *party_row;
  AdwComboRow         *complaint_status_row;
  AdwEntryRow         *outcome_row;
  AdwPreferencesGroup *communication_group;
  AdwComboRow         *channel_row;
  GtkEntry            *communication_sent_entry;
  GtkEntry            *count_entry;
  AdwEntryRow         *message_row;

  DpoStore         *store;
  DpoIncident      *incident;  /* a copy: its notifications give a new one's kind */
  char             *incident_id;
  GDateTime        *aware_at;
  DpoIncidentChild  kind;
  gpointer          record;    /* the entry being edited: a copy, rowid 0 when new */
};

G_DEFINE_FINAL_TYPE (DpoEntryEditor, dpo_entry_editor, ADW_TYPE_WINDOW)

static void
set_time (GtkEntry  *entry,
          GDateTime *time)
{
  g_autofree char *text = dpo_form_format_time (time);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static GDateTime *
get_time (GtkEntry    *entry,
          const char  *field,
          GError     **error)
{
  return dpo_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (entry)), field, error);
}

static void
take_text (char     **field,
           gpointer   editable)
{
  g_free (*field);
  *field = dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

static void
replace_time (GDateTime **field,
              GDateTime  *time)
{
  g_clear_pointer (field, g_date_time_unref);
  *field = time;
}

/* A new notification's kind follows the authority chosen: the first to
 * each authority is initial. An existing one keeps what it was. */
static void
update_new_notification_kind (DpoEntryEditor *self)
{
  DpoNotification *n = self->record;
  DpoNotificationKind kind;

  if (self->kind != DPO_CHILD_NOTIFICATION || n == NULL || n->rowid != 0 || self->incident == NULL)
    return;
  kind = dpo_incident_next_notification_kind (self->incident,
                                              dpo_form_combo_get (self->authority_row, DPO_ENUM_AUTHORITY),
                                              gtk_editable_get_text (GTK_EDITABLE (self->authority_name_row)));
  dpo_form_combo_set (self->notification_kind_row, DPO_ENUM_NOTIFICATION_KIND,
                      dpo_enum_word (DPO_ENUM_NOTIFICATION_KIND, kind));
}

static void
on_authority_row_notify_selected_cb (DpoEntryEditor *self)
{
  const char *authority = dpo_form_combo_get (self->authority_row, DPO_ENUM_AUTHORITY);

  gtk_widget_set_visible (GTK_WIDGET (self->authority_name_row),
                          dpo_enum_value (DPO_ENUM_AUTHORITY, authority) == DPO_AUTHORITY_OTHER);
  update_new_notification_kind (self);
}

/* Said as it is typed; the save refuses it (dpo_validate_notification_time). */
static void
on_notification_sent_entry_changed_cb (DpoEntryEditor *self)
{
  g_autoptr(GDateTime) sent_at = get_time (self->notification_sent_entry, "", NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->suspicious_label),
                          !dpo_validate_notification_time (sent_at, self->aware_at, NULL, NULL));
}

static void
load_event (DpoEntryEditor *self,
            DpoEvent       *e)
{
  set_time (self->event_at_entry, e->at);
  dpo_form_combo_set (self->event_kind_row, DPO_ENUM_EVENT_KIND, e->kind);
  set_text (self->event_description_row, e->description);
}

static void
load_notification (DpoEntryEditor  *self,
                   DpoNotification *n)
{
  dpo_form_combo_set (self->authority_row, DPO_ENUM_AUTHORITY, n->authority);
  set_text (self->authority_name_row, n->authority_name);
  dpo_form_combo_set (self->notification_kind_row, DPO_ENUM_NOTIFICATION_KIND, n->kind);
  set_time (self->notification_sent_entry, n->sent_at);
  set_text (self->notification_reference_row, n->reference);
  on_authority_row_notify_selected_cb (self);
}

static void
load_complaint (DpoEntryEditor *self,
                DpoComplaint   *c)
{
  dpo_form_combo_set (self->direction_row, DPO_ENUM_COMPLAINT_DIRECTION, c->direction);
  dpo_form_combo_set (self->body_row, DPO_ENUM_COMPLAINT_BODY, c->body);
  set_time (self->complaint_at_entry, c->filed_at);
  set_text (self->complaint_reference_row, c->reference);
  set_text (self->party_row, c->party);
  dpo_form_combo_set (self->complaint_status_row, DPO_ENUM_COMPLAINT_STATUS, c->status);
  set_text (self->outcome_row, c->outcome);
}

static void
load_communication (DpoEntryEditor   *self,
                    DpoCommunication *m)
{
  g_autofree char *count = dpo_form_format_count (m->count);

  dpo_form_combo_set (self->channel_row, DPO_ENUM_COMMUNICATION_CHANNEL, m->channel);
  set_time (self->communication_sent_entry, m->sent_at);
  gtk_editable_set_text (GTK_EDITABLE (self->count_entry), count);
  set_text (self->message_row, m->message);
}

static gboolean
collect_event (DpoEntryEditor  *self,
               DpoEvent        *e,
               GError         **error)
{
  GDateTime *at = get_time (self->event_at_entry, _("Date"), error);

  if (error != NULL && *error != NULL)
    return FALSE;
  replace_time (&e->at, at);
  g_free (e->kind);
  e->kind = g_strdup (dpo_form_combo_get (self->event_kind_row, DPO_ENUM_EVENT_KIND));
  take_text (&e->description, self->event_description_row);
  return TRUE;
}

static gboolean
collect_notification (DpoEntryEditor   *self,
                      DpoNotification  *n,
                      GError          **error)
{
  GDateTime *sent_at = get_time (self->notification_sent_entry, _("Sent"), error);

  if (error != NULL && *error != NULL)
    return FALSE;
  replace_time (&n->sent_at, sent_at);
  g_free (n->authority);
  n->authority = g_strdup (dpo_form_combo_get (self->authority_row, DPO_ENUM_AUTHORITY));
  take_text (&n->authority_name, self->authority_name_row);
  if (dpo_notification_get_authority (n) != DPO_AUTHORITY_OTHER)
    g_clear_pointer (&n->authority_name, g_free);
  g_free (n->kind);
  n->kind = g_strdup (dpo_form_combo_get (self->notification_kind_row, DPO_ENUM_NOTIFICATION_KIND));
  take_text (&n->reference, self->notification_reference_row);
  return TRUE;
}

static gboolean
collect_complaint (DpoEntryEditor  *self,
                   DpoComplaint    *c,
                   GError         **error)
{
  GDateTime *filed_at = get_time (self->complaint_at_entry, _("Date"), error);

  if (error != NULL && *error != NULL)
    return FALSE;
  replace_time (&c->filed_at, filed_at);
  g_free (c->direction);
  c->direction = g_strdup (dpo_form_combo_get (self->direction_row, DPO_ENUM_COMPLAINT_DIRECTION));
  g_free (c->body);
  c->body = g_strdup (dpo_form_combo_get (self->body_row, DPO_ENUM_COMPLAINT_BODY));
  take_text (&c->reference, self->complaint_reference_row);
  take_text (&c->party, self->party_row);
  g_free (c->status);
  c->status = g_strdup (dpo_form_combo_get (self->complaint_status_row, DPO_ENUM_COMPLAINT_STATUS));
  take_text (&c->outcome, self->outcome_row);
  return TRUE;
}

static gboolean
collect_communication (DpoEntryEditor    *self,
                       DpoCommunication  *m,
                       GError           **error)
{
  GDateTime *sent_at = get_time (self->communication_sent_entry, _("Sent"), error);
  gint64 count;

  if ((error != NULL && *error != NULL) ||
      !dpo_form_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->count_entry)),
                             _("Number of people"), &count, error))
    {
      g_clear_pointer (&sent_at, g_date_time_unref);
      return FALSE;
    }
  replace_time (&m->sent_at, sent_at);
  g_free (m->channel);
  m->channel = g_strdup (dpo_form_combo_get (self->channel_row, DPO_ENUM_COMMUNICATION_CHANNEL));
  m->count = count;
  take_text (&m->message, self->message_row);
  return TRUE;
}

static gboolean
collect (DpoEntryEditor  *self,
         gpointer         record,
         GError         **error)
{
  switch (self->kind)
    {
    case DPO_CHILD_EVENT:
      return collect_event (self, record, error);
    case DPO_CHILD_NOTIFICATION:
      return collect_notification (self, record, error);
    case DPO_CHILD_COMPLAINT:
      return collect_complaint (self, record, error);
    case DPO_CHILD_COMMUNICATION:
      return collect_communication (self, record, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DpoEntryEditor *self = DPO_ENTRY_EDITOR (widget);
  gpointer record = dpo_incident_entry_copy (self->kind, self->record);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  /* A copy, so that a refused save leaves the original rowid (0) alone. */
  saved = collect (self, record, &error) &&
          dpo_incident_entry_save (self->store, self->incident_id, self->kind, record, &error);
  dpo_incident_entry_free (self->kind, record);

  dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->form), error);
  if (saved)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
dpo_entry_editor_dispose (GObject *object)
{
  DpoEntryEditor *self = DPO_ENTRY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_ENTRY_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->incident_id, g_free);
  g_clear_pointer (&self->incident, dpo_incident_free);
  g_clear_pointer (&self->aware_at, g_date_time_unref);
  if (self->record != NULL)
    dpo_incident_entry_free (self->kind, g_steal_pointer (&self->record));

  G_OBJECT_CLASS (dpo_entry_editor_parent_class)->dispose (object);
}

static void
dpo_entry_editor_class_init (DpoEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_entry_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-entry-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DpoEntryEditor, name)
  BIND (window_title);
  BIND (error_revealer);
  BIND (error_label);
  BIND (form);
  BIND (event_group);
  BIND (event_at_entry);
  BIND (event_kind_row);
  BIND (event_description_row);
  BIND (notification_group);
  BIND (authority_row);
  BIND (authority_name_row);
  BIND (notification_kind_row);
  BIND (notification_sent_entry);
  BIND (notification_reference_row);
  BIND (suspicious_label);
  BIND (complaint_group);
  BIND (direction_row);
  BIND (body_row);
  BIND (complaint_at_entry);
  BIND (complaint_reference_row);
  BIND (party_row);
  BIND (complaint_status_row);
  BIND (outcome_row);
  BIND (communication_group);
  BIND (channel_row);
  BIND (communication_sent_entry);
  BIND (count_entry);
  BIND (message_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_authority_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notification_sent_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dpo_entry_editor_init (DpoEntryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  dpo_discard_guard_attach (GTK_WINDOW (self), GTK_WIDGET (self->form));
  dpo_date_field_setup (GTK_WIDGET (self->event_at_entry), _("Date"), TRUE);
  dpo_date_field_setup (GTK_WIDGET (self->notification_sent_entry), _("Sent"), TRUE);
  dpo_date_field_setup (GTK_WIDGET (self->complaint_at_entry), _("Date"), TRUE);
  dpo_date_field_setup (GTK_WIDGET (self->communication_sent_entry), _("Sent"), TRUE);
  dpo_form_combo_setup (self->event_kind_row, DPO_ENUM_EVENT_KIND);
  dpo_form_combo_setup (self->authority_row, DPO_ENUM_AUTHORITY);
  dpo_form_combo_setup (self->notification_kind_row, DPO_ENUM_NOTIFICATION_KIND);
  dpo_form_combo_setup (self->direction_row, DPO_ENUM_COMPLAINT_DIRECTION);
  dpo_form_combo_setup (self->body_row, DPO_ENUM_COMPLAINT_BODY);
  dpo_form_combo_setup (self->complaint_status_row, DPO_ENUM_COMPLAINT_STATUS);
  dpo_form_combo_setup (self->channel_row, DPO_ENUM_COMMUNICATION_CHANNEL);
  dpo_form_label_rows (GTK_WIDGET (self->form));
}

/* A new entry: now, and the likeliest kind. */
static gpointer
new_record (DpoIncidentChild   kind,
            const DpoIncident *incident)
{
  g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  GDateTime *minute = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                                       g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                       g_date_time_get_minute (now), 0);

  switch (kind)
    {
    case DPO_CHILD_EVENT:
      {
        DpoEvent *e = dpo_event_new ();
        e->at = minute;
        e->kind = g_strdup ("other");
        return e;
      }
    case DPO_CHILD_NOTIFICATION:
      {
        DpoNotification *n = dpo_notification_new ();
        n->sent_at = minute;
        n->authority = g_strdup ("cnil");
        n->kind = g_strdup (dpo_enum_word (DPO_ENUM_NOTIFICATION_KIND,
                                           dpo_incident_next_notification_kind (incident, n->authority,
                                                                                NULL)));
        return n;
      }
    case DPO_CHILD_COMPLAINT:
      {
        DpoComplaint *c = dpo_complaint_new ();
        c->filed_at = minute;
        c->direction = g_strdup ("filed");
        c->body = g_strdup ("prosecutor");
        c->status = g_strdup (dpo_enum_word (DPO_ENUM_COMPLAINT_STATUS, DPO_COMPLAINT_OPEN));
        return c;
      }
    case DPO_CHILD_COMMUNICATION:
    default:
      {
        DpoCommunication *m = dpo_communication_new ();
        m->sent_at = minute;
        m->channel = g_strdup ("email");
        return m;
      }
    }
}

static void
set_titles (DpoEntryEditor *self,
            gboolean        adding)
{
  static const char *adding_titles[] = {
    N_("New Event"), N_("New Notification"), N_("New Complaint"), N_("New Communication"),
  };
  static const char *editing_titles[] = {
    N_("Edit Event"), N_("Edit Notification"), N_("Edit Complaint"), N_("Edit Communication"),
  };
  const char *title = _((adding ? adding_titles : editing_titles)[self->kind]);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, self->incident_id);
}

DpoEntryEditor *
dpo_entry_editor_new (GtkWindow         *parent,
                      DpoStore          *store,
                      const DpoIncident *incident,
                      DpoIncidentChild   kind,
                      gconstpointer      record)
{
  AdwPreferencesGroup *groups[] = { NULL, NULL, NULL, NULL };
  DpoEntryEditor *self;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (kind <= DPO_CHILD_COMMUNICATION, NULL);

  self = g_object_new (DPO_TYPE_ENTRY_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->incident_id = g_strdup (incident->id);
  self->incident = dpo_incident_copy (incident);
  self->aware_at = incident->aware_at != NULL ? g_date_time_ref (incident->aware_at) : NULL;
  self->kind = kind;
  self->record = record != NULL ? dpo_incident_entry_copy (kind, record) : new_record (kind, incident);
  set_titles (self, record == NULL);

  groups[DPO_CHILD_EVENT] = self->event_group;
  groups[DPO_CHILD_NOTIFICATION] = self->notification_group;
  groups[DPO_CHILD_COMPLAINT] = self->complaint_group;
  groups[DPO_CHILD_COMMUNICATION] = self->communication_group;
  gtk_widget_set_visible (GTK_WIDGET (groups[kind]), TRUE);

  switch (kind)
    {
    case DPO_CHILD_EVENT:
      load_event (self, self->record);
      break;
    case DPO_CHILD_NOTIFICATION:
      load_notification (self, self->record);
      break;
    case DPO_CHILD_COMPLAINT:
      load_complaint (self, self->record);
      break;
    case DPO_CHILD_COMMUNICATION:
    default:
      load_communication (self, self->record);
      break;
    }

  return self;
}
