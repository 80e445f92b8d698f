/* dpo-incident-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-discard-guard.h"
#include "dpo-date-field.h"
#include "dpo-error.h"
#include "dpo-form.h"
#include "dpo-incident-editor.h"
#include "dpo-incident-text.h"
#include "dpo-ui.h"

struct _DpoIncidentEditor
{
  AdwWindow       parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkButton            *reload_button;
  AdwPreferencesPage   *form;
  AdwEntryRow          *reference_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *processor_row;
  AdwEntryRow          *origin_row;
  GtkEntry             *aware_entry;
  GtkEntry             *start_entry;
  GtkEntry             *end_entry;
  AdwPreferencesGroup  *nature_group;
  AdwComboRow          *risk_row;
  AdwExpanderRow       *data_row;
  AdwEntryRow          *other_data_row;
  AdwExpanderRow       *subjects_row;
  AdwEntryRow          *other_subjects_row;
  GtkEntry             *subjects_count_entry;
  GtkEntry             *records_count_entry;
  GtkTextView          *description_view;
  GtkTextView          *consequences_view;
  GtkTextView          *measures_view;
  GtkTextView          *delay_view;

  DpoStore    *store;
  DpoIncident *original;     /* NULL for a new incident */
  GPtrArray   *nature_checks;
  GPtrArray   *data_checks;
  GPtrArray   *subject_checks;
};

G_DEFINE_FINAL_TYPE (DpoIncidentEditor, dpo_incident_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define WORD_KEY "dpo-word"

/* A row with a check button for each known word of @vocabulary. The check
 * is named "<prefix><word>" so that tests can find it. */
static void
add_check_rows (DpoIncidentEditor *self,
                GtkWidget         *parent,
                DpoEnum            vocabulary,
                const char        *prefix,
                GPtrArray         *checks,
                GCallback          toggled)
{
  const char * const *words = dpo_enum_words (vocabulary);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *label = dpo_enum_label (vocabulary, words[i]);
      g_autofree char *name = g_strconcat (prefix, words[i], NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      /* The words are static: they live as long as the program. */
      g_object_set_data (G_OBJECT (check), WORD_KEY, (gpointer) words[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* One Tab stop per choice: the check box, which names itself; the
       * row around it still toggles it on a click. */
      gtk_widget_set_focusable (row, FALSE);
      if (toggled != NULL)
        g_signal_connect_object (check, "toggled", toggled, self, G_CONNECT_SWAPPED);

      if (ADW_IS_EXPANDER_ROW (parent))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
      g_ptr_array_add (checks, check);
    }
}

/* Checks the known words of @words; the others are returned, joined. */
static char *
set_checks (GPtrArray          *checks,
            const char * const *words)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < checks->len && !known; j++)
        {
          GtkCheckButton *check = g_ptr_array_index (checks, j);

          if (g_str_equal (g_object_get_data (G_OBJECT (check), WORD_KEY), words[i]))
            {
              gtk_check_button_set_active (check, TRUE);
              known = TRUE;
            }
        }
      if (!known)
        g_ptr_array_add (others, (gpointer) words[i]);
    }

  g_ptr_array_add (others, NULL);
  return g_strjoinv (", ", (char **) others->pdata);
}

/* The checked words, then those typed in @other_text. */
static GStrv
collect_checks (GPtrArray  *checks,
                const char *other_text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) others = dpo_form_split_list (other_text);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), WORD_KEY));
    }
  g_strv_builder_addv (builder, (const char **) others);
  return g_strv_builder_end (builder);
}

static void
update_summary (AdwExpanderRow *row,
                GPtrArray      *checks,
                DpoEnum         vocabulary)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (labels, (gpointer) dpo_enum_label (vocabulary,
                                                             g_object_get_data (G_OBJECT (check), WORD_KEY)));
    }
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);
  escaped = g_markup_escape_text (*joined != '\0' ? joined : _("None checked"), -1);
  adw_expander_row_set_subtitle (row, escaped);
}

static void
on_data_check_toggled_cb (DpoIncidentEditor *self)
{
  update_summary (self->data_row, self->data_checks, DPO_ENUM_DATA_CATEGORY);
}

static void
on_subject_check_toggled_cb (DpoIncidentEditor *self)
{
  update_summary (self->subjects_row, self->subject_checks, DPO_ENUM_SUBJECT_CATEGORY);
}

static void
on_risk_row_notify_selected_cb (DpoIncidentEditor *self)
{
  const char *risk = dpo_form_combo_get (self->risk_row, DPO_ENUM_RISK);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->risk_row),
                               dpo_incident_text_risk_obligations (risk));
}

static void
set_time_entry (GtkEntry  *entry,
                GDateTime *time)
{
  g_autofree char *text = dpo_form_format_time (time);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_count_entry (GtkEntry *entry,
                 gint64    count)
{
  g_autofree char *text = dpo_form_format_count (count);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* "INC-2026-03": the year and the next free number. */
static char *
propose_reference (DpoStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n = dpo_store_count_incidents (store) + 1;

  for (guint tries = 0; tries < 1000; tries++, n++)
    {
      g_autofree char *id = g_strdup_printf ("INC-%d-%02u", g_date_time_get_year (now), n);
      g_autoptr(DpoIncident) existing = dpo_store_get_incident (store, id, NULL);

      if (existing == NULL)
        return g_steal_pointer (&id);
    }
  return NULL;
}

static void
load_new (DpoIncidentEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *reference = propose_reference (self->store);

  adw_window_title_set_title (self->window_title, _("New Incident"));
  gtk_window_set_title (GTK_WINDOW (self), _("New Incident"));
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference != NULL ? reference : "");
  /* Most breaches are recorded as soon as they are known. */
  set_time_entry (self->aware_entry, now);
  /* An unassessed risk does not exempt from notifying. */
  dpo_form_combo_set (self->risk_row, DPO_ENUM_RISK, "risk");
  adw_expander_row_set_expanded (self->data_row, TRUE);
}

static void
load_incident (DpoIncidentEditor *self,
               const DpoIncident *incident)
{
  g_autofree char *other_data = NULL;
  g_autofree char *other_subjects = NULL;
  g_autofree char *ignored = NULL;

  adw_window_title_set_title (self->window_title, _("Edit Incident"));
  adw_window_title_set_subtitle (self->window_title, incident->id);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Incident"));
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), incident->id);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), incident->title);
  gtk_editable_set_text (GTK_EDITABLE (self->processor_row), incident->processor ? incident->processor : "");
  gtk_editable_set_text (GTK_EDITABLE (self->origin_row), incident->origin ? incident->origin : "");
  set_time_entry (self->aware_entry, incident->aware_at);
  set_time_entry (self->start_entry, incident->started_at);
  set_time_entry (self->end_entry, incident->ended_at);
  ignored = set_checks (self->nature_checks, (const char * const *) incident->natures);
  dpo_form_combo_set (self->risk_row, DPO_ENUM_RISK, incident->risk);
  other_data = set_checks (self->data_checks, (const char * const *) incident->data_categories);
  gtk_editable_set_text (GTK_EDITABLE (self->other_data_row), other_data);
  other_subjects = set_checks (self->subject_checks, (const char * const *) incident->subject_categories);
  gtk_editable_set_text (GTK_EDITABLE (self->other_subjects_row), other_subjects);
  set_count_entry (self->subjects_count_entry, incident->approx_subjects);
  set_count_entry (self->records_count_entry, incident->approx_records);
  dpo_form_text_view_set (self->description_view, incident->description);
  dpo_form_text_view_set (self->consequences_view, incident->consequences);
  dpo_form_text_view_set (self->measures_view, incident->measures);
  dpo_form_text_view_set (self->delay_view, incident->delay_reason);
}

static void
take_text (char       **field,
           const char  *text)
{
  g_free (*field);
  *field = dpo_form_dup_text (text);
}

static gboolean
collect_times (DpoIncidentEditor  *self,
               DpoIncident        *incident,
               GError            **error)
{
  g_autoptr(GDateTime) aware_at = NULL;
  g_autoptr(GDateTime) started_at = NULL;
  g_autoptr(GDateTime) ended_at = NULL;
  g_autoptr(GError) local_error = NULL;

  aware_at = dpo_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->aware_entry)),
                                  _("Awareness"), &local_error);
  if (local_error == NULL)
    started_at = dpo_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_entry)),
                                      _("Start"), &local_error);
  if (local_error == NULL)
    ended_at = dpo_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_entry)),
                                    _("End"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&incident->aware_at, g_date_time_unref);
  g_clear_pointer (&incident->started_at, g_date_time_unref);
  g_clear_pointer (&incident->ended_at, g_date_time_unref);
  incident->aware_at = g_steal_pointer (&aware_at);
  incident->started_at = g_steal_pointer (&started_at);
  incident->ended_at = g_steal_pointer (&ended_at);
  return TRUE;
}

/* The form as a record, or an error naming the field that cannot be read. */
static DpoIncident *
collect (DpoIncidentEditor  *self,
         GError            **error)
{
  g_autoptr(DpoIncident) incident = self->original != NULL ? dpo_incident_copy (self->original)
                                                           : dpo_incident_new ();

  if (!collect_times (self, incident, error) ||
      !dpo_form_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->subjects_count_entry)),
                             _("Approximate number of persons"), &incident->approx_subjects, error) ||
      !dpo_form_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->records_count_entry)),
                             _("Approximate number of records"), &incident->approx_records, error))
    return NULL;

  take_text (&incident->id, gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
  take_text (&incident->title, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  take_text (&incident->processor, gtk_editable_get_text (GTK_EDITABLE (self->processor_row)));
  take_text (&incident->origin, gtk_editable_get_text (GTK_EDITABLE (self->origin_row)));
  g_strfreev (incident->natures);
  incident->natures = collect_checks (self->nature_checks, NULL);
  g_free (incident->risk);
  incident->risk = g_strdup (dpo_form_combo_get (self->risk_row, DPO_ENUM_RISK));
  g_strfreev (incident->data_categories);
  incident->data_categories =
    collect_checks (self->data_checks, gtk_editable_get_text (GTK_EDITABLE (self->other_data_row)));
  g_strfreev (incident->subject_categories);
  incident->subject_categories =
    collect_checks (self->subject_checks, gtk_editable_get_text (GTK_EDITABLE (self->other_subjects_row)));

  g_free (incident->description);
  incident->description = dpo_form_text_view_dup (self->description_view);
  g_free (incident->consequences);
  incident->consequences = dpo_form_text_view_dup (self->consequences_view);
  g_free (incident->measures);
  incident->measures = dpo_form_text_view_dup (self->measures_view);
  g_free (incident->delay_reason);
  incident->delay_reason = dpo_form_text_view_dup (self->delay_view);

  return g_steal_pointer (&incident);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DpoIncidentEditor *self = DPO_INCIDENT_EDITOR (widget);
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  incident = collect (self, &error);
  if (incident == NULL || !dpo_store_save_incident (self->store, incident, &error))
    {
      dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->form), error);
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button),
                              g_error_matches (error, DPO_ERROR, DPO_ERROR_CHANGED_ELSEWHERE));
      return;
    }

  dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->form), NULL);
  g_signal_emit (self, signals[SAVED], 0, incident->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A colleague changed the incident since it was opened, and the save was
 * refused: the form shows it as stored now, to make the change again. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DpoIncidentEditor *self = DPO_INCIDENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  DpoIncident *fresh;

  if (self->original == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), FALSE);
  fresh = dpo_store_get_incident (self->store, self->original->id, &error);
  if (fresh == NULL)
    {
      dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->form), error);
      return;
    }
  dpo_incident_free (self->original);
  self->original = fresh;
  load_incident (self, fresh);
  dpo_form_show_error (self->error_revealer, self->error_label, GTK_WIDGET (self->form), NULL);
  dpo_discard_guard_rebase (GTK_WINDOW (self));
}

static void
dpo_incident_editor_dispose (GObject *object)
{
  DpoIncidentEditor *self = DPO_INCIDENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_INCIDENT_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, dpo_incident_free);
  g_clear_pointer (&self->nature_checks, g_ptr_array_unref);
  g_clear_pointer (&self->data_checks, g_ptr_array_unref);
  g_clear_pointer (&self->subject_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (dpo_incident_editor_parent_class)->dispose (object);
}

static void
dpo_incident_editor_class_init (DpoIncidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_incident_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-incident-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, reload_button);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, form);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, processor_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, origin_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, aware_entry);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, nature_group);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, risk_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, data_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, other_data_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, subjects_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, other_subjects_row);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, subjects_count_entry);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, records_count_entry);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, consequences_view);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, measures_view);
  gtk_widget_class_bind_template_child (widget_class, DpoIncidentEditor, delay_view);
  gtk_widget_class_bind_template_callback (widget_class, on_risk_row_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dpo_incident_editor_init (DpoIncidentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  dpo_discard_guard_attach (GTK_WINDOW (self), GTK_WIDGET (self->form));
  dpo_date_field_setup (GTK_WIDGET (self->aware_entry), _("Awareness"), TRUE);
  dpo_date_field_setup (GTK_WIDGET (self->start_entry), _("Start"), TRUE);
  dpo_date_field_setup (GTK_WIDGET (self->end_entry), _("End"), TRUE);

  self->nature_checks = g_ptr_array_new ();
  self->data_checks = g_ptr_array_new ();
  self->subject_checks = g_ptr_array_new ();
  add_check_rows (self, GTK_WIDGET (self->nature_group), DPO_ENUM_NATURE, "nature-",
                  self->nature_checks, NULL);
  add_check_rows (self, GTK_WIDGET (self->data_row), DPO_ENUM_DATA_CATEGORY, "data-",
                  self->data_checks, G_CALLBACK (on_data_check_toggled_cb));
  add_check_rows (self, GTK_WIDGET (self->subjects_row), DPO_ENUM_SUBJECT_CATEGORY, "subject-",
                  self->subject_checks, G_CALLBACK (on_subject_check_toggled_cb));
  dpo_form_combo_setup (self->risk_row, DPO_ENUM_RISK);
  on_risk_row_notify_selected_cb (self);
  on_data_check_toggled_cb (self);
  on_subject_check_toggled_cb (self);
  dpo_form_label_rows (GTK_WIDGET (self->form));
}

DpoIncidentEditor *
dpo_incident_editor_new (GtkWindow         *parent,
                         DpoStore          *store,
                         const DpoIncident *incident)
{
  DpoIncidentEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  self = g_object_new (DPO_TYPE_INCIDENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (incident != NULL)
    {
      self->original = dpo_incident_copy (incident);
      load_incident (self, incident);
    }
  else
    load_new (self);

  return self;
}
