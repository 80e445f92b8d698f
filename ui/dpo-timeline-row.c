/* dpo-timeline-row.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-time.h"
#include "dpo-timeline-row.h"

struct _DpoTimelineRow
{
  AdwActionRow  parent_instance;

  /* Template children */
  GtkLabel     *date_label;
  GtkLabel     *time_label;
  GtkImage     *icon;
  GtkWidget    *flag;
  GtkWidget    *edit_button;
  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (DpoTimelineRow, dpo_timeline_row, ADW_TYPE_ACTION_ROW)

static void
dpo_timeline_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DPO_TYPE_TIMELINE_ROW);

  G_OBJECT_CLASS (dpo_timeline_row_parent_class)->dispose (object);
}

static void
dpo_timeline_row_class_init (DpoTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_timeline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoTimelineRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, DpoTimelineRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, DpoTimelineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DpoTimelineRow, flag);
  gtk_widget_class_bind_template_child (widget_class, DpoTimelineRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DpoTimelineRow, delete_button);
}

static void
dpo_timeline_row_init (DpoTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static DpoTimelineRow *
dpo_timeline_row_new (GDateTime  *at,
                      const char *icon_name,
                      const char *title,
                      const char *subtitle)
{
  DpoTimelineRow *self = g_object_new (DPO_TYPE_TIMELINE_ROW, "title", title, NULL);
  g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, zone);
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = g_date_time_format (local, "%H:%M");
  GDate date;

  dpo_time_get_local_date (at, &date);
  date_text = dpo_date_format_display (&date);
  gtk_label_set_text (self->date_label, date_text);
  gtk_label_set_text (self->time_label, time_text);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return self;
}

GtkWidget *
dpo_timeline_row_new_marker (GDateTime  *at,
                             const char *icon_name,
                             const char *title)
{
  DpoTimelineRow *self;

  g_return_val_if_fail (at != NULL, NULL);

  self = dpo_timeline_row_new (at, icon_name, title, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "timeline-marker");
  return GTK_WIDGET (self);
}

/* The target first, then the action: an action that takes a target must
 * never be seen without one. */
static void
show_button (GtkWidget  *button,
             const char *action_name,
             GVariant   *target)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_visible (button, TRUE);
}

/* Each row's buttons say which entry they act on: a screen reader lists
 * buttons by name, and twenty "Edit This Entry" cannot be told apart. */
static void
name_button (GtkWidget  *button,
             gboolean    edit,
             const char *title,
             GDateTime  *at)
{
  g_autofree char *when = dpo_time_format_display (at);
  g_autofree char *name = edit
    /* Translators: a button's accessible name: the entry's title, then its date */
    ? g_strdup_printf (_("Edit: %s, %s"), title, when)
    /* Translators: a button's accessible name: the entry's title, then its date */
    : g_strdup_printf (_("Delete: %s, %s"), title, when);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

GtkWidget *
dpo_timeline_row_new_entry (GDateTime  *at,
                            const char *icon_name,
                            const char *title,
                            const char *subtitle,
                            int         kind,
                            gint64      rowid,
                            gboolean    suspicious)
{
  g_autoptr(GVariant) target = NULL;
  DpoTimelineRow *self;

  g_return_val_if_fail (at != NULL, NULL);

  self = dpo_timeline_row_new (at, icon_name, title, subtitle);
  gtk_widget_set_visible (self->flag, suspicious);
  target = g_variant_ref_sink (g_variant_new ("(ix)", kind, rowid));
  show_button (self->edit_button, "incident.edit-entry", target);
  show_button (self->delete_button, "incident.delete-entry", target);
  name_button (self->edit_button, TRUE, title, at);
  name_button (self->delete_button, FALSE, title, at);
  return GTK_WIDGET (self);
}
