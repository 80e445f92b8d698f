/* dpo-notice-group.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-notice-editor.h"
#include "dpo-notice-group.h"

/* Built in code: one row and one button, kept apart from the incident
 * view's template so that the view only places it and hands it the
 * incident. */

struct _DpoNoticeGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *row;
  GtkWidget           *edit_button;
  DpoStore            *store;
  DpoIncident         *incident;   /* a copy; NULL until set */
};

G_DEFINE_FINAL_TYPE (DpoNoticeGroup, dpo_notice_group, ADW_TYPE_PREFERENCES_GROUP)

gboolean
dpo_notice_group_edit (DpoNoticeGroup *self)
{
  g_return_val_if_fail (DPO_IS_NOTICE_GROUP (self), FALSE);

  if (self->incident == NULL)
    return FALSE;
  dpo_notice_editor_present (GTK_WIDGET (self), self->store, self->incident);
  return TRUE;
}

static void
on_edit_clicked_cb (DpoNoticeGroup *self)
{
  dpo_notice_group_edit (self);
}

static gboolean
open_from_environment_cb (gpointer data)
{
  g_autoptr(DpoNoticeGroup) self = data;

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    dpo_notice_group_edit (self);
  return G_SOURCE_REMOVE;
}

/* DPO_OPEN_NOTICE=INC-2024-01 (with DPO_OPEN_INCIDENT): the notice editor
 * of that incident, once, shortly after start-up (for screenshots and
 * manual checks). */
static void
open_from_environment (DpoNoticeGroup *self)
{
  static gboolean done;

  if (done || g_strcmp0 (g_getenv ("DPO_OPEN_NOTICE"), self->incident->id) != 0)
    return;
  done = TRUE;
  g_timeout_add (500, open_from_environment_cb, g_object_ref (self));
}

void
dpo_notice_group_set_incident (DpoNoticeGroup    *self,
                               DpoStore          *store,
                               const DpoIncident *incident)
{
  gboolean written;

  g_return_if_fail (DPO_IS_NOTICE_GROUP (self));
  g_return_if_fail (DPO_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->incident, dpo_incident_free);
  self->incident = incident != NULL ? dpo_incident_copy (incident) : NULL;
  gtk_widget_set_sensitive (self->edit_button, incident != NULL);
  if (incident == NULL)
    return;

  written = incident->notice_subject != NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                 written ? incident->notice_subject : _("No notice yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->row),
                               written ? _("Written; the campaign sends it by email and by post")
                                       : _("Edit Notice… starts from a draft written from the incident"));
  open_from_environment (self);
}

static void
dpo_notice_group_dispose (GObject *object)
{
  DpoNoticeGroup *self = DPO_NOTICE_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->incident, dpo_incident_free);

  G_OBJECT_CLASS (dpo_notice_group_parent_class)->dispose (object);
}

static void
dpo_notice_group_class_init (DpoNoticeGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dpo_notice_group_dispose;
}

static void
dpo_notice_group_init (DpoNoticeGroup *self)
{
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "mail-message-new-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Notice to the People"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What the people affected are told (GDPR Art. 34), "
                                           "with placeholders for each person"));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "document-edit-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Edit _Notice…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->edit_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->edit_button), content);
  gtk_widget_set_valign (self->edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->edit_button, "flat");
  gtk_widget_set_tooltip_text (self->edit_button, _("Write the notice to the people affected, "
                                                    "with a preview"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Notice"), -1);
  g_signal_connect_object (self->edit_button, "clicked", G_CALLBACK (on_edit_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->edit_button);

  self->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->row), icon);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->row);
}
