/* dpo-person-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-date-field.h"
#include "dpo-form.h"
#include "dpo-nir.h"
#include "dpo-person-editor.h"
#include "dpo-ui.h"

struct _DpoPersonEditor
{
  GtkBox       parent_instance;

  /* Template children */
  AdwEntryRow *reference_row;
  AdwEntryRow *last_name_row;
  AdwEntryRow *first_name_row;
  AdwEntryRow *birth_date_row;
  AdwEntryRow *nir_row;
  AdwEntryRow *member_number_row;
  AdwEntryRow *email_row;
  AdwEntryRow *postal_address_row;
  GtkLabel    *nir_warning_label;

  DpoStore    *store;
  DpoSubject  *subject;     /* the record edited: a copy, rowid 0 when new */
};

G_DEFINE_FINAL_TYPE (DpoPersonEditor, dpo_person_editor, GTK_TYPE_BOX)

static char *
row_text (AdwEntryRow *row)
{
  return dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* The NIR against the birth date, as they are typed (dpo_nir_check_birth);
 * NULL when they agree or cannot be compared yet. */
static char *
dup_nir_warning (DpoPersonEditor *self)
{
  g_autofree char *typed = row_text (self->birth_date_row);
  g_autofree char *nir = row_text (self->nir_row);
  g_autofree char *birth_date = NULL;
  g_autofree char *problem = NULL;

  if (typed == NULL || nir == NULL || !dpo_editor_parse_date (typed, "", &birth_date, NULL))
    return NULL;
  problem = dpo_nir_check_birth (nir, birth_date);
  if (problem == NULL)
    return NULL;
  /* Translators: "Field: what is wrong with it" */
  return g_strdup_printf (_("%s: %s"), _("Social security number (NIR)"), problem);
}

static void
update_nir_warning (DpoPersonEditor *self)
{
  g_autofree char *warning = dup_nir_warning (self);

  gtk_label_set_text (self->nir_warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->nir_warning_label), warning != NULL);
}

/* Reads the form into a copy of the record; the core validates the whole. */
static gboolean
read_form (DpoPersonEditor  *self,
           DpoSubject       *subject,
           GError          **error)
{
  g_autofree char *birth_date = NULL;
  g_autofree char *typed = row_text (self->birth_date_row);

  if (!dpo_editor_parse_date (typed, _("Birth date"), &birth_date, error))
    return FALSE;

#define TAKE(field, row) g_free (subject->field); subject->field = row_text (self->row)
  TAKE (id, reference_row);
  TAKE (last_name, last_name_row);
  TAKE (first_name, first_name_row);
  TAKE (nir, nir_row);
  TAKE (member_number, member_number_row);
  TAKE (email, email_row);
  TAKE (postal_address, postal_address_row);
#undef TAKE
  g_free (subject->birth_date);
  subject->birth_date = g_steal_pointer (&birth_date);
  return TRUE;
}

gboolean
dpo_person_editor_save (DpoPersonEditor  *self,
                        GError          **error)
{
  g_autoptr(DpoSubject) subject = NULL;

  g_return_val_if_fail (DPO_IS_PERSON_EDITOR (self), FALSE);

  subject = dpo_subject_copy (self->subject);
  if (!read_form (self, subject, error) ||
      !dpo_store_save_subject (self->store, subject, error))
    return FALSE;

  /* Saved: the NIR as the core normalized it, the rowid of a new person. */
  dpo_subject_free (self->subject);
  self->subject = g_steal_pointer (&subject);
  return TRUE;
}

const char *
dpo_person_editor_get_id (DpoPersonEditor *self)
{
  g_return_val_if_fail (DPO_IS_PERSON_EDITOR (self), NULL);

  return self->subject->id;
}

static void
dpo_person_editor_dispose (GObject *object)
{
  DpoPersonEditor *self = DPO_PERSON_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->subject, dpo_subject_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_PERSON_EDITOR);

  G_OBJECT_CLASS (dpo_person_editor_parent_class)->dispose (object);
}

static void
dpo_person_editor_class_init (DpoPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_person_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, nir_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, member_number_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, postal_address_row);
  gtk_widget_class_bind_template_child (widget_class, DpoPersonEditor, nir_warning_label);
  gtk_widget_class_bind_template_callback (widget_class, update_nir_warning);
}

static void
dpo_person_editor_init (DpoPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dpo_date_field_setup (GTK_WIDGET (self->birth_date_row), _("Birth date"), FALSE);
  dpo_editor_label_rows (GTK_WIDGET (self));
}

char *
dpo_person_editor_suggest_id (DpoStore *store)
{
  guint n = dpo_store_count_subjects (store) + 1;

  /* Counting is a guess (people are erased, references typed by hand):
   * step on until the reference is free. */
  for (;; n++)
    {
      g_autofree char *id = g_strdup_printf ("S-%04u", n);
      g_autoptr(DpoSubject) existing = dpo_store_get_subject (store, id, NULL);

      if (existing == NULL)
        return g_steal_pointer (&id);
    }
}

static void
fill_form (DpoPersonEditor *self)
{
  g_autofree char *birth_date = dpo_date_field_format_iso (self->subject->birth_date);

  dpo_editor_set_row_text (self->reference_row, self->subject->id);
  dpo_editor_set_row_text (self->last_name_row, self->subject->last_name);
  dpo_editor_set_row_text (self->first_name_row, self->subject->first_name);
  dpo_editor_set_row_text (self->birth_date_row, birth_date);
  dpo_editor_set_row_text (self->nir_row, self->subject->nir);
  dpo_editor_set_row_text (self->member_number_row, self->subject->member_number);
  dpo_editor_set_row_text (self->email_row, self->subject->email);
  dpo_editor_set_row_text (self->postal_address_row, self->subject->postal_address);
}

GtkWidget *
dpo_person_editor_new (DpoStore         *store,
                       const DpoSubject *subject)
{
  DpoPersonEditor *self;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  self = g_object_new (DPO_TYPE_PERSON_EDITOR, NULL);
  self->store = g_object_ref (store);
  if (subject != NULL)
    self->subject = dpo_subject_copy (subject);
  else
    {
      self->subject = dpo_subject_new ();
      self->subject->id = dpo_person_editor_suggest_id (store);
    }

  fill_form (self);
  return GTK_WIDGET (self);
}

/* The person as stored now, over what was typed (a colleague changed them
 * meanwhile): read by the reference it was opened with. */
static gboolean
reload_cb (GtkWidget  *form,
           GError    **error)
{
  DpoPersonEditor *self = DPO_PERSON_EDITOR (form);
  DpoSubject *fresh = dpo_store_get_subject (self->store, self->subject->id, error);

  if (fresh == NULL)
    return FALSE;
  dpo_subject_free (self->subject);
  self->subject = fresh;
  fill_form (self);
  return TRUE;
}

static gboolean
save_cb (GtkWidget  *form,
         gpointer    user_data,
         GError    **error)
{
  DpoPersonEditor *self = DPO_PERSON_EDITOR (form);
  gboolean is_new = self->subject->rowid == 0;
  g_autofree char *message = NULL;
  g_autofree char *warning = dup_nir_warning (self);

  if (!dpo_person_editor_save (self, error))
    return FALSE;

  /* Saved with a warning: said once more as the form closes. */
  if (warning != NULL)
    /* Translators: %s is the person's reference */
    message = g_strdup_printf (_("Person %s saved; its NIR and birth date disagree"), self->subject->id);
  else
    message = is_new
      /* Translators: %s is the person's reference */
      ? g_strdup_printf (_("Person %s added"), self->subject->id)
      /* Translators: %s is the person's reference */
      : g_strdup_printf (_("Person %s saved"), self->subject->id);
  dpo_editor_toast (form, message);
  return TRUE;
}

DpoEditorDialog *
dpo_person_editor_present (GtkWidget        *parent,
                           DpoStore         *store,
                           const DpoSubject *subject)
{
  GtkWidget *form = dpo_person_editor_new (store, subject);
  DpoEditorDialog *dialog;

  dialog = dpo_editor_dialog_new (parent,
                                  subject != NULL ? _("Edit Person") : _("New Person"),
                                  subject != NULL ? _("Save") : _("Add"),
                                  form, save_cb, NULL, NULL);
  dpo_editor_dialog_set_reload (dialog, reload_cb);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (DPO_PERSON_EDITOR (form)->last_name_row));
  return dialog;
}
