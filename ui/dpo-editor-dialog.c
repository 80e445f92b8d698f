/* dpo-editor-dialog.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-discard-guard.h"
#include "dpo-editor-dialog.h"
#include "dpo-error.h"
#include "dpo-form.h"
#include "dpo-time.h"
#include "dpo-time-input.h"
#include "dpo-ui.h"

struct _DpoEditorDialog
{
  AdwWindow          parent_instance;

  /* Template children */
  GtkButton         *accept_button;
  GtkBox            *form_box;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkButton         *reload_button;

  GtkWidget         *form;
  DpoEditorReloadFunc reload;
  DpoEditorSaveFunc  save;
  gpointer           user_data;
  GDestroyNotify     destroy;
  char              *error;
};

G_DEFINE_FINAL_TYPE (DpoEditorDialog, dpo_editor_dialog, ADW_TYPE_WINDOW)

gboolean
dpo_editor_dialog_accept (DpoEditorDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DPO_IS_EDITOR_DIALOG (self), FALSE);

  g_clear_pointer (&self->error, g_free);
  if (!self->save (self->form, self->user_data, &error))
    {
      /* Nothing was written: the form stays as typed, with the reason. */
      self->error = g_strdup (error->message);
      dpo_form_show_error (self->error_revealer, self->error_label, self->form, error);
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button),
                              self->reload != NULL &&
                              g_error_matches (error, DPO_ERROR, DPO_ERROR_CHANGED_ELSEWHERE));
      return FALSE;
    }

  dpo_form_show_error (self->error_revealer, self->error_label, self->form, NULL);
  dpo_discard_guard_release (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_accept_button_clicked_cb (DpoEditorDialog *self,
                             GtkButton       *button)
{
  dpo_editor_dialog_accept (self);
}

/* A colleague's change refused the save: the form shows the record as
 * stored now, so the DPO can make their change again over it. */
gboolean
dpo_editor_dialog_reload (DpoEditorDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DPO_IS_EDITOR_DIALOG (self), FALSE);
  g_return_val_if_fail (self->reload != NULL, FALSE);

  g_clear_pointer (&self->error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), FALSE);
  if (!self->reload (self->form, &error))
    {
      self->error = g_strdup (error->message);
      dpo_form_show_error (self->error_revealer, self->error_label, self->form, error);
      return FALSE;
    }
  dpo_form_show_error (self->error_revealer, self->error_label, self->form, NULL);
  /* As stored: nothing typed to lose. */
  dpo_discard_guard_rebase (GTK_WINDOW (self));
  return TRUE;
}

static void
on_reload_button_clicked_cb (DpoEditorDialog *self,
                             GtkButton       *button)
{
  dpo_editor_dialog_reload (self);
}

void
dpo_editor_dialog_set_reload (DpoEditorDialog     *self,
                              DpoEditorReloadFunc  reload)
{
  g_return_if_fail (DPO_IS_EDITOR_DIALOG (self));

  self->reload = reload;
}

gboolean
dpo_editor_dialog_offers_reload (DpoEditorDialog *self)
{
  g_return_val_if_fail (DPO_IS_EDITOR_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->reload_button));
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  dpo_editor_dialog_accept (DPO_EDITOR_DIALOG (widget));
}

static void
dpo_editor_dialog_dispose (GObject *object)
{
  DpoEditorDialog *self = DPO_EDITOR_DIALOG (object);

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  self->form = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_EDITOR_DIALOG);

  G_OBJECT_CLASS (dpo_editor_dialog_parent_class)->dispose (object);
}

static void
dpo_editor_dialog_finalize (GObject *object)
{
  DpoEditorDialog *self = DPO_EDITOR_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (dpo_editor_dialog_parent_class)->finalize (object);
}

static void
dpo_editor_dialog_class_init (DpoEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_editor_dialog_dispose;
  object_class->finalize = dpo_editor_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "editor.accept", NULL, accept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-editor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoEditorDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, DpoEditorDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, DpoEditorDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DpoEditorDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DpoEditorDialog, reload_button);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reload_button_clicked_cb);
}

static void
dpo_editor_dialog_init (DpoEditorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DpoEditorDialog *
dpo_editor_dialog_new (GtkWidget         *parent,
                       const char        *title,
                       const char        *accept_label,
                       GtkWidget         *form,
                       DpoEditorSaveFunc  save,
                       gpointer           user_data,
                       GDestroyNotify     destroy)
{
  DpoEditorDialog *self;
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (form), NULL);
  g_return_val_if_fail (save != NULL, NULL);

  self = g_object_new (DPO_TYPE_EDITOR_DIALOG,
                       "title", title,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  gtk_button_set_label (self->accept_button, accept_label);
  self->form = form;
  gtk_box_append (self->form_box, form);
  self->save = save;
  self->user_data = user_data;
  self->destroy = destroy;
  dpo_discard_guard_attach (GTK_WINDOW (self), form);

  return self;
}

GtkWidget *
dpo_editor_dialog_get_form (DpoEditorDialog *self)
{
  g_return_val_if_fail (DPO_IS_EDITOR_DIALOG (self), NULL);

  return self->form;
}

const char *
dpo_editor_dialog_get_error (DpoEditorDialog *self)
{
  g_return_val_if_fail (DPO_IS_EDITOR_DIALOG (self), NULL);

  return self->error;
}

gboolean
dpo_editor_parse_date (const char  *text,
                       const char  *field,
                       char       **iso,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate date;

  *iso = NULL;
  if (dpo_time_input_parse_date (text, field, &date, &local_error))
    *iso = dpo_date_to_iso (&date);
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Blank text: no date, and no error. */
  return TRUE;
}

static GtkWidget *
first_overlay_below (GtkWidget *widget)
{
  if (widget == NULL || ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overlay above @widget; for a dialog, the one of the window it
 * belongs to. */
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = NULL;

  if (overlay != NULL)
    return overlay;
  if (GTK_IS_WINDOW (root))
    parent = gtk_window_get_transient_for (GTK_WINDOW (root));
  return first_overlay_below (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (root));
}

void
dpo_editor_toast (GtkWidget  *widget,
                  const char *message)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = find_overlay (widget);
  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Read-only values as the incident view shows them: the value reads first,
 * the field's name small above it (style.css, row.property). */
void
dpo_editor_set_row_value (AdwActionRow *row,
                          const char   *text,
                          const char   *css_class)
{
  static const char * const classes[] = { "not-recorded", "value-error", "value-warning" };
  GtkWidget *widget = GTK_WIDGET (row);

  gtk_widget_add_css_class (widget, "property");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (g_strcmp0 (css_class, "dim-label") == 0)
    gtk_widget_add_css_class (widget, "not-recorded");
  else if (g_strcmp0 (css_class, "error") == 0)
    gtk_widget_add_css_class (widget, "value-error");
  else if (g_strcmp0 (css_class, "warning") == 0)
    gtk_widget_add_css_class (widget, "value-warning");
}

void
dpo_editor_label_rows (GtkWidget *root)
{
  /* Entry and combo rows already take their title as their name. */
  if (ADW_IS_PREFERENCES_ROW (root) && !ADW_IS_ENTRY_ROW (root) && !ADW_IS_COMBO_ROW (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (root),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                        -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dpo_editor_label_rows (child);
}

void
dpo_editor_show_error (GtkWidget  *widget,
                       const char *heading,
                       const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
dpo_editor_set_row_text (gpointer    row,
                         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}
