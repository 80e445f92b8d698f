/* dpo-preferences-window.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-preferences-window.h"
#include "dpo-ui.h"

struct _DpoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  GtkSwitch            *alsace_moselle_switch;

  DpoStore             *store;
  guint                 updating : 1;
};

G_DEFINE_FINAL_TYPE (DpoPreferencesWindow, dpo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_setting (DpoPreferencesWindow *self)
{
  self->updating = TRUE;
  gtk_switch_set_active (self->alsace_moselle_switch, dpo_store_get_alsace_moselle (self->store));
  self->updating = FALSE;
}

/* Through the core, in one transaction: the setting and every due date
 * computed again; the lists follow the store's "changed". */
static void
on_alsace_moselle_switch_notify_active_cb (DpoPreferencesWindow *self,
                                           GParamSpec           *pspec,
                                           GtkSwitch            *sw)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating || self->store == NULL)
    return;

  if (!dpo_store_set_alsace_moselle (self->store, active, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      show_setting (self);
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (active
                                                   ? _("Due dates now count the Alsace-Moselle holidays")
                                                   : _("Due dates now follow the national holidays only")));
}

static void
dpo_preferences_window_dispose (GObject *object)
{
  DpoPreferencesWindow *self = DPO_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (dpo_preferences_window_parent_class)->dispose (object);
}

static void
dpo_preferences_window_class_init (DpoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_preferences_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoPreferencesWindow, alsace_moselle_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_alsace_moselle_switch_notify_active_cb);
}

static void
dpo_preferences_window_init (DpoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DpoPreferencesWindow *
dpo_preferences_window_new (GtkWindow *parent,
                            DpoStore  *store)
{
  DpoPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  self = g_object_new (DPO_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  show_setting (self);
  return self;
}
