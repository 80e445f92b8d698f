/* dpo-request-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-date-field.h"
#include "dpo-form.h"
#include "dpo-people-page.h"
#include "dpo-person-fields.h"
#include "dpo-request-editor.h"
#include "dpo-row.h"
#include "dpo-time.h"
#include "dpo-ui.h"

/* Enough to pick the person; a longer list means "type more". */
#define MAX_MATCHES 5

struct _DpoRequestEditor
{
  GtkBox               parent_instance;

  /* Template children */
  AdwPreferencesGroup *person_group;
  AdwActionRow        *chosen_row;
  AdwEntryRow         *search_row;
  AdwPreferencesGroup *requester_group;
  AdwEntryRow         *requester_name_row;
  AdwEntryRow         *requester_contact_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *channel_row;
  AdwEntryRow         *received_row;
  AdwEntryRow         *reference_row;
  AdwPreferencesGroup *changes_group;

  DpoStore            *store;
  DpoRequest          *request;      /* a copy; rowid 0 when new */
  char                *subject_id;   /* the person chosen, or NULL */
  GPtrArray           *match_rows;   /* search results shown */
  GPtrArray           *change_rows;  /* AdwEntryRow per person field */
};

G_DEFINE_FINAL_TYPE (DpoRequestEditor, dpo_request_editor, GTK_TYPE_BOX)

static char *
row_text (gpointer row)
{
  return dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* "MARTIN Claire" as the lists show people; "S-0001 · IP-104233 · born 12 Apr 1978". */
static char *
describe_person (const DpoSubject *subject)
{
  g_autoptr(GString) text = g_string_new (subject->id);
  g_autofree char *born = NULL;
  GDate date;

  if (subject->member_number != NULL)
    g_string_append_printf (text, " · %s", subject->member_number);
  if (subject->birth_date != NULL && dpo_date_parse (subject->birth_date, &date, NULL))
    {
      born = dpo_date_format_display (&date);
      /* Translators: %s is a birth date, after a person's reference */
      g_string_append_printf (text, _(" · born %s"), born);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
person_name (const DpoSubject *subject)
{
  /* Translators: a person's name in lists: last name, then first name */
  return g_strdup_printf (C_("person name", "%s %s"), subject->last_name, subject->first_name);
}

static void
show_person (DpoRequestEditor *self,
             const DpoSubject *subject)
{
  g_autofree char *name = subject != NULL ? person_name (subject) : NULL;
  g_autofree char *details = subject != NULL ? describe_person (subject) : NULL;

  g_free (self->subject_id);
  self->subject_id = subject != NULL ? g_strdup (subject->id) : NULL;

  if (subject != NULL)
    {
      g_autofree char *accessible = g_strdup_printf ("%s, %s", name, details);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), name);
      adw_action_row_set_subtitle (self->chosen_row, details);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chosen_row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_row), subject != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->search_row), subject == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->requester_group), subject == NULL);
}

static void
clear_matches (DpoRequestEditor *self)
{
  for (guint i = 0; i < self->match_rows->len; i++)
    adw_preferences_group_remove (self->person_group, g_ptr_array_index (self->match_rows, i));
  g_ptr_array_set_size (self->match_rows, 0);
}

static void
on_match_row_activated_cb (DpoRequestEditor *self,
                           AdwActionRow     *row)
{
  DpoSubject *subject = g_object_get_data (G_OBJECT (row), "dpo-subject");

  show_person (self, subject);
  clear_matches (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

static GtkWidget *
new_match_row (DpoRequestEditor *self,
               const DpoSubject *subject)
{
  g_autofree char *name = person_name (subject);
  g_autofree char *details = describe_person (subject);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "dpo-subject", dpo_subject_copy (subject),
                          (GDestroyNotify) dpo_subject_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_match_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
  return row;
}

/* The store's own search (indexed prefixes), a handful of rows at most. */
static guint
search (DpoRequestEditor *self,
        const char       *text)
{
  g_autoptr(GListModel) model = NULL;
  guint n;

  clear_matches (self);
  if (text == NULL)
    return 0;

  model = dpo_store_list_subjects (self->store, text);
  n = MIN (g_list_model_get_n_items (model), MAX_MATCHES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DpoRow) item = g_list_model_get_item (model, i);
      GtkWidget *row = new_match_row (self, dpo_row_get_subject (item));

      adw_preferences_group_add (self->person_group, row);
      g_ptr_array_add (self->match_rows, row);
    }
  return n;
}

static void
on_search_row_changed_cb (DpoRequestEditor *self,
                          GtkEditable      *editable)
{
  g_autofree char *text = row_text (editable);

  search (self, text);
}

gboolean
dpo_request_editor_choose_person (DpoRequestEditor *self,
                                  const char       *text)
{
  g_return_val_if_fail (DPO_IS_REQUEST_EDITOR (self), FALSE);

  dpo_editor_set_row_text (self->search_row, text);
  if (self->match_rows->len == 0)
    return FALSE;
  on_match_row_activated_cb (self, g_ptr_array_index (self->match_rows, 0));
  return TRUE;
}

static void
on_change_person_button_clicked_cb (DpoRequestEditor *self,
                                    GtkButton        *button)
{
  show_person (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
}

static void
on_kind_row_notify_selected_cb (DpoRequestEditor *self,
                                GParamSpec       *pspec,
                                AdwComboRow      *row)
{
  const char *kind = dpo_form_combo_get (row, DPO_ENUM_REQUEST_KIND);

  gtk_widget_set_visible (GTK_WIDGET (self->changes_group),
                          dpo_enum_value (DPO_ENUM_REQUEST_KIND, kind) == DPO_REQUEST_RECTIFICATION);
}

/* The rows follow the core's person-field table, one row per field. */

/* The filled rows as typed changes; NULL when none is. */
static GPtrArray *
read_changes (DpoRequestEditor *self)
{
  const DpoPersonField *fields = dpo_person_fields ();
  GPtrArray *changes = NULL;

  for (guint i = 0; fields[i].name != NULL; i++)
    {
      g_autofree char *value = row_text (g_ptr_array_index (self->change_rows, i));

      if (value != NULL)
        changes = dpo_changes_add (changes, &fields[i], value);
    }
  return changes;
}

static void
show_changes (DpoRequestEditor *self,
              const DpoRequest *request)
{
  const DpoPersonField *fields = dpo_person_fields ();
  g_autoptr(GPtrArray) changes = dpo_request_dup_changes (request);

  for (guint i = 0; i < changes->len; i++)
    {
      const DpoChange *change = g_ptr_array_index (changes, i);

      if (change->value != NULL)
        dpo_editor_set_row_text (g_ptr_array_index (self->change_rows, change->field - fields), change->value);
    }
}

static gboolean
read_form (DpoRequestEditor  *self,
           DpoRequest        *request,
           GError           **error)
{
  g_autofree char *received_text = row_text (self->received_row);
  g_autoptr(GDateTime) received = dpo_form_parse_time (received_text, _("Received"), error);
  const char *kind = dpo_form_combo_get (self->kind_row, DPO_ENUM_REQUEST_KIND);

  if (received == NULL && received_text != NULL)
    return FALSE;

  g_free (request->id);
  request->id = row_text (self->reference_row);
  g_free (request->kind);
  request->kind = g_strdup (kind);
  g_free (request->channel);
  request->channel = g_strdup (dpo_form_combo_get (self->channel_row, DPO_ENUM_REQUEST_CHANNEL));
  g_clear_pointer (&request->received_at, g_date_time_unref);
  request->received_at = g_steal_pointer (&received);

  g_free (request->subject_id);
  request->subject_id = g_strdup (self->subject_id);
  g_free (request->requester_name);
  g_free (request->requester_contact);
  request->requester_name = self->subject_id == NULL ? row_text (self->requester_name_row) : NULL;
  request->requester_contact = self->subject_id == NULL ? row_text (self->requester_contact_row) : NULL;

  if (dpo_request_get_kind (request) == DPO_REQUEST_RECTIFICATION)
    {
      g_autoptr(GPtrArray) changes = read_changes (self);

      dpo_request_set_changes (request, changes);
    }
  else
    dpo_request_set_changes (request, NULL);
  return TRUE;
}

gboolean
dpo_request_editor_save (DpoRequestEditor  *self,
                         GError           **error)
{
  g_autoptr(DpoRequest) request = NULL;

  g_return_val_if_fail (DPO_IS_REQUEST_EDITOR (self), FALSE);

  request = dpo_request_copy (self->request);
  if (!read_form (self, request, error) ||
      !dpo_store_save_request (self->store, request, error))
    return FALSE;

  dpo_request_free (self->request);
  self->request = g_steal_pointer (&request);
  return TRUE;
}

const char *
dpo_request_editor_get_id (DpoRequestEditor *self)
{
  g_return_val_if_fail (DPO_IS_REQUEST_EDITOR (self), NULL);

  return self->request->id;
}

static void
dpo_request_editor_dispose (GObject *object)
{
  DpoRequestEditor *self = DPO_REQUEST_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->request, dpo_request_free);
  g_clear_pointer (&self->subject_id, g_free);
  g_clear_pointer (&self->match_rows, g_ptr_array_unref);
  g_clear_pointer (&self->change_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_REQUEST_EDITOR);

  G_OBJECT_CLASS (dpo_request_editor_parent_class)->dispose (object);
}

static void
dpo_request_editor_class_init (DpoRequestEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_request_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-request-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, search_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, requester_group);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, requester_name_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, requester_contact_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, received_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DpoRequestEditor, changes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_search_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_person_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_notify_selected_cb);
}

static void
dpo_request_editor_init (DpoRequestEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  dpo_date_field_setup (GTK_WIDGET (self->received_row), _("Received"), TRUE);
  self->match_rows = g_ptr_array_new ();
  self->change_rows = g_ptr_array_new ();
  for (const DpoPersonField *field = dpo_person_fields (); field->name != NULL; field++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dpo_person_field_get_label (field));
      adw_preferences_group_add (self->changes_group, row);
      g_ptr_array_add (self->change_rows, row);
    }

  dpo_form_combo_setup (self->kind_row, DPO_ENUM_REQUEST_KIND);
  dpo_form_combo_setup (self->channel_row, DPO_ENUM_REQUEST_CHANNEL);
  dpo_editor_label_rows (GTK_WIDGET (self));
}

char *
dpo_request_editor_suggest_id (DpoStore *store)
{
  g_autoptr(GDateTime) now = dpo_store_dup_now (store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  guint n = dpo_store_count_requests (store) + 1;

  /* The count is a guess (references are typed by hand too): step on
   * until the reference is free, an indexed look-up each. */
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("R-%d-%04u", g_date_time_get_year (local), n);
      g_autoptr(DpoRequest) existing = dpo_store_get_request (store, id, NULL);

      if (existing == NULL)
        return g_steal_pointer (&id);
    }
}

static void
fill_form (DpoRequestEditor *self)
{
  g_autofree char *received = dpo_form_format_time (self->request->received_at);
  g_autoptr(DpoSubject) subject = NULL;

  dpo_editor_set_row_text (self->reference_row, self->request->id);
  dpo_form_combo_set (self->kind_row, DPO_ENUM_REQUEST_KIND, self->request->kind);
  dpo_form_combo_set (self->channel_row, DPO_ENUM_REQUEST_CHANNEL, self->request->channel);
  dpo_editor_set_row_text (self->received_row, received);
  dpo_editor_set_row_text (self->requester_name_row, self->request->requester_name);
  dpo_editor_set_row_text (self->requester_contact_row, self->request->requester_contact);
  show_changes (self, self->request);

  if (self->request->subject_id != NULL)
    subject = dpo_store_get_subject (self->store, self->request->subject_id, NULL);
  show_person (self, subject);
}

GtkWidget *
dpo_request_editor_new (DpoStore         *store,
                        const DpoRequest *request,
                        const char       *subject_id)
{
  DpoRequestEditor *self;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  self = g_object_new (DPO_TYPE_REQUEST_EDITOR, NULL);
  self->store = g_object_ref (store);
  if (request != NULL)
    self->request = dpo_request_copy (request);
  else
    {
      self->request = dpo_request_new ();
      self->request->id = dpo_request_editor_suggest_id (store);
      dpo_request_set_kind (self->request, DPO_REQUEST_ACCESS);
      self->request->channel = g_strdup ("email");
      self->request->received_at = g_date_time_new_now_local ();
      self->request->subject_id = g_strdup (subject_id);
    }

  fill_form (self);
  return GTK_WIDGET (self);
}

/* The request as stored now, over what was typed (a colleague changed it
 * meanwhile): read by the reference it was opened with. */
static gboolean
reload_cb (GtkWidget  *form,
           GError    **error)
{
  DpoRequestEditor *self = DPO_REQUEST_EDITOR (form);
  DpoRequest *fresh = dpo_store_get_request (self->store, self->request->id, error);

  if (fresh == NULL)
    return FALSE;
  dpo_request_free (self->request);
  self->request = fresh;
  fill_form (self);
  return TRUE;
}

static gboolean
save_cb (GtkWidget  *form,
         gpointer    user_data,
         GError    **error)
{
  DpoRequestEditor *self = DPO_REQUEST_EDITOR (form);
  gboolean is_new = self->request->rowid == 0;
  g_autofree char *message = NULL;

  if (!dpo_request_editor_save (self, error))
    return FALSE;

  message = is_new
    /* Translators: %s is the request's reference */
    ? g_strdup_printf (_("Request %s recorded"), self->request->id)
    /* Translators: %s is the request's reference */
    : g_strdup_printf (_("Request %s saved"), self->request->id);
  dpo_editor_toast (form, message);
  return TRUE;
}

DpoEditorDialog *
dpo_request_editor_present (GtkWidget        *parent,
                            DpoStore         *store,
                            const DpoRequest *request,
                            const char       *subject_id)
{
  GtkWidget *form = dpo_request_editor_new (store, request, subject_id);
  DpoRequestEditor *self = DPO_REQUEST_EDITOR (form);
  DpoEditorDialog *dialog;

  dialog = dpo_editor_dialog_new (parent,
                                  request != NULL ? _("Edit Request") : _("New Request"),
                                  request != NULL ? _("Save") : _("Record"),
                                  form, save_cb, NULL, NULL);
  dpo_editor_dialog_set_reload (dialog, reload_cb);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Recording in seconds: start where the typing starts. */
  gtk_widget_grab_focus (self->subject_id == NULL ? GTK_WIDGET (self->search_row)
                                                  : GTK_WIDGET (self->kind_row));
  return dialog;
}
