/* dpo-hold-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-date-field.h"
#include "dpo-form.h"
#include "dpo-hold-editor.h"
#include "dpo-time.h"
#include "dpo-ui.h"

struct _DpoHoldEditor
{
  GtkBox       parent_instance;

  /* Template children */
  AdwComboRow *reason_row;
  AdwEntryRow *note_row;
  AdwEntryRow *since_row;
  AdwEntryRow *until_row;

  DpoStore    *store;
  char        *subject_id;
  DpoHold     *hold;        /* a copy; rowid 0 when new */
};

G_DEFINE_FINAL_TYPE (DpoHoldEditor, dpo_hold_editor, GTK_TYPE_BOX)

static char *
row_text (AdwEntryRow *row)
{
  return dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (row)));
}

gboolean
dpo_hold_editor_save (DpoHoldEditor  *self,
                      GError        **error)
{
  g_autoptr(DpoHold) hold = NULL;
  g_autofree char *since_text = row_text (self->since_row);
  g_autofree char *until_text = row_text (self->until_row);
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (DPO_IS_HOLD_EDITOR (self), FALSE);

  if (!dpo_editor_parse_date (since_text, _("Since"), &since, error) ||
      !dpo_editor_parse_date (until_text, _("Until"), &until, error))
    return FALSE;

  hold = dpo_hold_copy (self->hold);
  g_free (hold->reason);
  hold->reason = g_strdup (dpo_form_combo_get (self->reason_row, DPO_ENUM_HOLD_REASON));
  g_free (hold->note);
  hold->note = row_text (self->note_row);
  g_free (hold->since);
  hold->since = g_steal_pointer (&since);
  g_free (hold->until);
  hold->until = g_steal_pointer (&until);

  if (!dpo_store_save_hold (self->store, self->subject_id, hold, error))
    return FALSE;

  dpo_hold_free (self->hold);
  self->hold = g_steal_pointer (&hold);
  return TRUE;
}

static void
dpo_hold_editor_dispose (GObject *object)
{
  DpoHoldEditor *self = DPO_HOLD_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->subject_id, g_free);
  g_clear_pointer (&self->hold, dpo_hold_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_HOLD_EDITOR);

  G_OBJECT_CLASS (dpo_hold_editor_parent_class)->dispose (object);
}

static void
dpo_hold_editor_class_init (DpoHoldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_hold_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-hold-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoHoldEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, DpoHoldEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, DpoHoldEditor, since_row);
  gtk_widget_class_bind_template_child (widget_class, DpoHoldEditor, until_row);
}

static void
dpo_hold_editor_init (DpoHoldEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dpo_form_combo_setup (self->reason_row, DPO_ENUM_HOLD_REASON);
  dpo_date_field_setup (GTK_WIDGET (self->since_row), _("Since"), FALSE);
  dpo_date_field_setup (GTK_WIDGET (self->until_row), _("Until"), FALSE);
  dpo_editor_label_rows (GTK_WIDGET (self));
}

GtkWidget *
dpo_hold_editor_new (DpoStore      *store,
                     const char    *subject_id,
                     const DpoHold *hold)
{
  DpoHoldEditor *self;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  self = g_object_new (DPO_TYPE_HOLD_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->subject_id = g_strdup (subject_id);
  self->hold = hold != NULL ? dpo_hold_copy (hold) : dpo_hold_new ();

  if (hold == NULL)
    {
      g_autoptr(GDateTime) now = dpo_store_dup_now (store);

      self->hold->since = dpo_time_to_local_iso_date (now);
      self->hold->reason = g_strdup ("litigation");
    }

  dpo_form_combo_set (self->reason_row, DPO_ENUM_HOLD_REASON, self->hold->reason);
  dpo_editor_set_row_text (self->note_row, self->hold->note);
  since = dpo_date_field_format_iso (self->hold->since);
  until = dpo_date_field_format_iso (self->hold->until);
  dpo_editor_set_row_text (self->since_row, since);
  dpo_editor_set_row_text (self->until_row, until);
  return GTK_WIDGET (self);
}

static gboolean
save_cb (GtkWidget  *form,
         gpointer    user_data,
         GError    **error)
{
  DpoHoldEditor *self = DPO_HOLD_EDITOR (form);
  gboolean is_new = self->hold->rowid == 0;

  if (!dpo_hold_editor_save (self, error))
    return FALSE;
  dpo_editor_toast (form, is_new ? _("Legal hold added") : _("Legal hold saved"));
  return TRUE;
}

DpoEditorDialog *
dpo_hold_editor_present (GtkWidget     *parent,
                         DpoStore      *store,
                         const char    *subject_id,
                         const DpoHold *hold)
{
  GtkWidget *form = dpo_hold_editor_new (store, subject_id, hold);
  DpoEditorDialog *dialog;

  dialog = dpo_editor_dialog_new (parent,
                                  hold != NULL ? _("Edit Legal Hold") : _("New Legal Hold"),
                                  hold != NULL ? _("Save") : _("Add"),
                                  form, save_cb, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 500);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (DPO_HOLD_EDITOR (form)->note_row));
  return dialog;
}
