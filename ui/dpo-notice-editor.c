/* dpo-notice-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-discard-guard.h"
#include "dpo-editor-dialog.h"
#include "dpo-form.h"
#include "dpo-notice.h"
#include "dpo-notice-editor.h"
#include "dpo-store-notice.h"
#include "dpo-ui.h"

/* Its own window rather than a DpoEditorDialog: the text and its preview
 * side by side need more room than a form's column. It keeps the
 * dialogs' ways: Cancel, Save, Ctrl+Enter, Escape, the reason of a
 * refusal above the form, nothing typed lost. */

struct _DpoNoticeEditor
{
  AdwWindow             parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkWidget            *form;
  AdwEntryRow          *subject_row;
  GtkTextView          *body_view;
  GtkFlowBox           *placeholder_box;
  AdwPreferencesGroup  *preview_group;
  GtkToggleButton      *co_insured_toggle;
  GtkLabel             *preview_subject;
  GtkLabel             *preview_body;

  DpoStore             *store;
  DpoIncident          *incident;     /* a copy */
  DpoNoticeSample      *sample;       /* a person the incident affects, or NULL */
  char                 *preview;      /* subject and text, as the preview shows them */
  char                 *error;
};

G_DEFINE_FINAL_TYPE (DpoNoticeEditor, dpo_notice_editor, ADW_TYPE_WINDOW)

static char *
body_text (DpoNoticeEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_texts (DpoNoticeEditor *self,
           const char      *subject,
           const char      *body)
{
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject != NULL ? subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body != NULL ? body : "", -1);
}

/* "As Claire Martin would read it…": who the preview is written to. */
static char *
describe_reader (DpoNoticeEditor       *self,
                 const DpoNoticePerson *person)
{
  if (self->sample == NULL)
    return person->co_insured != NULL
      /* Translators: an example person's first and last name, then the names of the co-insured */
      ? g_strdup_printf (_("As %s %s would read it, with co-insured %s (an example person)"),
                         person->first_name, person->last_name, person->co_insured)
      : g_strdup_printf (_("As %s %s would read it, without co-insured (an example person)"),
                         person->first_name, person->last_name);
  return person->co_insured != NULL
    /* Translators: a person's first and last name, their reference, then the names of the co-insured */
    ? g_strdup_printf (_("As %s %s (%s), affected by this incident, would read it, with co-insured %s"),
                       person->first_name, person->last_name, self->sample->id, person->co_insured)
    : g_strdup_printf (_("As %s %s (%s), affected by this incident, would read it"),
                       person->first_name, person->last_name, self->sample->id);
}

/* A person the incident affects, else the example person; with or without
 * co-insured as the toggle says. */
static void
refresh_preview (DpoNoticeEditor *self)
{
  DpoNoticePerson person = *dpo_notice_example_person ();
  gboolean co_insured = gtk_toggle_button_get_active (self->co_insured_toggle);
  g_autofree char *body = body_text (self);
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  if (self->sample != NULL)
    person = (DpoNoticePerson) { self->sample->first_name, self->sample->last_name,
                                 self->sample->member_number, self->sample->co_insured };
  if (!co_insured)
    person.co_insured = NULL;
  subject = dpo_notice_expand_for (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), &person);
  text = dpo_notice_expand_for (body, &person);
  gtk_label_set_text (self->preview_subject, subject);
  gtk_label_set_text (self->preview_body, text);
  g_free (self->preview);
  self->preview = g_strdup_printf ("%s\n\n%s", subject, text);

  description = describe_reader (self, &person);
  adw_preferences_group_set_description (self->preview_group, description);
}

static void
on_text_changed_cb (DpoNoticeEditor *self)
{
  refresh_preview (self);
}

void
dpo_notice_editor_draft (DpoNoticeEditor *self)
{
  g_autoptr(DpoOrganisation) organisation = NULL;
  g_autoptr(DpoNotice) notice = NULL;

  g_return_if_fail (DPO_IS_NOTICE_EDITOR (self));

  organisation = dpo_store_get_organisation (self->store);
  notice = dpo_notice_draft (self->incident, organisation);
  set_texts (self, notice->subject, notice->body);
}

static void
on_draft_button_clicked_cb (DpoNoticeEditor *self)
{
  dpo_notice_editor_draft (self);
}

void
dpo_notice_editor_insert (DpoNoticeEditor *self,
                          const char      *name)
{
  GtkTextBuffer *buffer;
  g_autofree char *placeholder = NULL;

  g_return_if_fail (DPO_IS_NOTICE_EDITOR (self));
  g_return_if_fail (g_strv_contains (dpo_notice_placeholders (), name));

  buffer = gtk_text_view_get_buffer (self->body_view);
  placeholder = g_strdup_printf ("{{%s}}", name);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, placeholder, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
on_insert_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  DpoNoticeEditor *self = user_data;

  dpo_notice_editor_insert (self, g_object_get_data (G_OBJECT (button), "dpo-placeholder"));
}

/* One button per placeholder, its {{name}} as tooltip. */
static void
add_placeholder_buttons (DpoNoticeEditor *self)
{
  const char * const *names = dpo_notice_placeholders ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *label = dpo_notice_placeholder_label (names[i]);
      GtkWidget *button = gtk_button_new_with_label (label);
      g_autofree char *code = g_strdup_printf ("{{%s}}", names[i]);
      /* Translators: %s is a placeholder's label, such as "Last name" */
      g_autofree char *name = g_strdup_printf (_("Insert %s"), label);

      gtk_widget_set_tooltip_text (button, code);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "dpo-placeholder", (gpointer) names[i]);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_insert_clicked_cb), self, 0);
      gtk_flow_box_append (self->placeholder_box, button);
    }
}

gboolean
dpo_notice_editor_save (DpoNoticeEditor *self)
{
  g_autofree char *body = NULL;
  g_autofree char *message = NULL;
  g_autoptr(DpoNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DPO_IS_NOTICE_EDITOR (self), FALSE);

  body = body_text (self);
  notice = dpo_notice_new (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body);
  g_clear_pointer (&self->error, g_free);
  if (!dpo_store_save_notice (self->store, self->incident->id, notice, &error))
    {
      /* Nothing was written: the form stays as typed, with the reason. */
      self->error = g_strdup (error->message);
      dpo_form_show_error (self->error_revealer, self->error_label, self->form, error);
      return FALSE;
    }
  dpo_form_show_error (self->error_revealer, self->error_label, self->form, NULL);
  /* Translators: %s is an incident's reference */
  message = g_strdup_printf (_("Notice of incident %s saved"), self->incident->id);
  dpo_editor_toast (GTK_WIDGET (self), message);
  dpo_discard_guard_release (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
dpo_notice_editor_get_error (DpoNoticeEditor *self)
{
  g_return_val_if_fail (DPO_IS_NOTICE_EDITOR (self), NULL);

  return self->error;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  dpo_notice_editor_save (DPO_NOTICE_EDITOR (widget));
}

const char *
dpo_notice_editor_get_preview (DpoNoticeEditor *self)
{
  g_return_val_if_fail (DPO_IS_NOTICE_EDITOR (self), NULL);

  return self->preview;
}

static void
dpo_notice_editor_dispose (GObject *object)
{
  DpoNoticeEditor *self = DPO_NOTICE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->incident, dpo_incident_free);
  g_clear_pointer (&self->sample, dpo_notice_sample_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_NOTICE_EDITOR);

  G_OBJECT_CLASS (dpo_notice_editor_parent_class)->dispose (object);
}

static void
dpo_notice_editor_finalize (GObject *object)
{
  DpoNoticeEditor *self = DPO_NOTICE_EDITOR (object);

  g_free (self->preview);
  g_free (self->error);

  G_OBJECT_CLASS (dpo_notice_editor_parent_class)->finalize (object);
}

static void
dpo_notice_editor_class_init (DpoNoticeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_notice_editor_dispose;
  object_class->finalize = dpo_notice_editor_finalize;

  gtk_widget_class_install_action (widget_class, "notice.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "notice.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-notice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, form);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, placeholder_box);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, preview_group);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, co_insured_toggle);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, preview_subject);
  gtk_widget_class_bind_template_child (widget_class, DpoNoticeEditor, preview_body);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
}

static void
dpo_notice_editor_init (DpoNoticeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_placeholder_buttons (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->subject_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("notice part", "Subject"), -1);
}

DpoNoticeEditor *
dpo_notice_editor_present (GtkWidget         *parent,
                           DpoStore          *store,
                           const DpoIncident *incident)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  DpoNoticeEditor *self;
  /* Translators: %s is an incident's reference */
  g_autofree char *title = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (incident != NULL, NULL);

  title = g_strdup_printf (_("Notice of Incident %s"), incident->id);
  self = g_object_new (DPO_TYPE_NOTICE_EDITOR,
                       "title", title,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, incident->title);
  self->store = g_object_ref (store);
  self->incident = dpo_incident_copy (incident);
  self->sample = dpo_store_notice_sample (store, incident->id, NULL);
  if (self->sample != NULL && self->sample->co_insured == NULL)
    {
      gtk_toggle_button_set_active (self->co_insured_toggle, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->co_insured_toggle), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->co_insured_toggle),
                                   _("No co-insured of this person is affected"));
    }
  /* No notice yet: the editor starts from a draft, which Cancel does not keep. */
  if (incident->notice_subject != NULL || incident->notice_body != NULL)
    set_texts (self, incident->notice_subject, incident->notice_body);
  else
    dpo_notice_editor_draft (self);
  refresh_preview (self);
  dpo_discard_guard_attach (GTK_WINDOW (self), self->form);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
  return self;
}
