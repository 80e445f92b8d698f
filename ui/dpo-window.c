/* dpo-window.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-incident-view.h"
#include "dpo-store-role.h"
#include "dpo-ui.h"
#include "dpo-window-private.h"

G_DEFINE_FINAL_TYPE (DpoWindow, dpo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The subtitle names the database; its full path is in the tooltip, shown
 * only while the title (not the view switcher) occupies the header. */
static void
dpo_window_update_title (DpoWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *display_path = NULL;
  g_autofree char *title = NULL;

  if (self->store != NULL && (display_name = dpo_store_dup_session_label (self->store)) != NULL)
    {
      /* On a server: who is connected, with which role, to which database;
       * the address (password masked) in the tooltip. */
      display_path = g_strdup (dpo_store_get_path (self->store));
      /* Translators: the window title; %s is the database file name */
      title = g_strdup_printf (_("%s — DPO Workbench"), display_name);
    }
  else if (self->path != NULL && dpo_store_path_is_server (self->path))
    {
      display_name = dpo_store_dup_display_path (self->path);
      display_path = g_strdup (display_name);
      title = g_strdup_printf (_("%s — DPO Workbench"), display_name);
    }
  else if (self->path != NULL)
    {
      basename = g_path_get_basename (self->path);
      display_name = g_filename_display_name (basename);
      display_path = g_filename_display_name (self->path);
      /* Translators: the window title; %s is the database file name */
      title = g_strdup_printf (_("%s — DPO Workbench"), display_name);
    }

  adw_view_switcher_title_set_subtitle (self->switcher_title, display_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title),
                               adw_view_switcher_title_get_title_visible (self->switcher_title)
                               ? display_path : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("DPO Workbench"));
}

static void
on_switcher_title_notify_title_visible_cb (DpoWindow  *self,
                                           GParamSpec *pspec,
                                           GObject    *object)
{
  dpo_window_update_title (self);
}

static void
dpo_window_set_pages_store (DpoWindow *self,
                            DpoStore  *store)
{
  dpo_dashboard_page_set_store (self->dashboard_page, store);
  dpo_incidents_page_set_store (self->incidents_page, store);
  dpo_requests_page_set_store (self->requests_page, store);
  dpo_people_page_set_store (self->people_page, store);
}

static void
dpo_window_show_open_error (DpoWindow    *self,
                            const char   *path,
                            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (self->store != NULL)
    {
      g_clear_object (&self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  dpo_window_set_pages_store (self, NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  dpo_window_update_title (self);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  /* No pages to switch between: the header names the file instead. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  _dpo_window_actions_update (self);
}

void
_dpo_window_toast (DpoWindow  *self,
                   const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_dpo_window_show_error (DpoWindow  *self,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_dpo_window_set_busy (DpoWindow *self,
                      gboolean   busy)
{
  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  _dpo_window_actions_update (self);
}

void
_dpo_window_open_chosen_path (DpoWindow  *self,
                              const char *path)
{
  if (dpo_window_open_path (self, path) && self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", path);
}

static void
dpo_window_restore_size (DpoWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
dpo_window_close_request (GtkWindow *window)
{
  DpoWindow *self = DPO_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      /* The default size follows the window while it is not maximized. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (dpo_window_parent_class)->close_request (window);
}

static void
dpo_window_dispose (GObject *object)
{
  DpoWindow *self = DPO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_json_file);
  _dpo_window_export_dispose (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);

  /* libadwaita 1.2: a switcher that outlives its view stack during
   * disposal unparents freed pages. Let go of the stack first. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_WINDOW);

  G_OBJECT_CLASS (dpo_window_parent_class)->dispose (object);
}

static void
dpo_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DpoWindow *self = DPO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dpo_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DpoWindow *self = DPO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dpo_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dpo_window_class_init (DpoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dpo_window_dispose;
  object_class->get_property = dpo_window_get_property;
  object_class->set_property = dpo_window_set_property;
  window_class->close_request = dpo_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DPO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DPO_TYPE_DASHBOARD_PAGE);
  g_type_ensure (DPO_TYPE_INCIDENTS_PAGE);
  g_type_ensure (DPO_TYPE_REQUESTS_PAGE);
  g_type_ensure (DPO_TYPE_PEOPLE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, header_export_button);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, incidents_page);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, requests_page);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, DpoWindow, export_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_notify_title_visible_cb);

  _dpo_window_class_actions_init (klass);
  _dpo_window_class_export_init (klass);
  _dpo_window_class_calendar_init (klass);
}

static void
dpo_window_init (DpoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = dpo_ui_settings_new ();

  dpo_window_restore_size (self);
  _dpo_window_actions_update (self);
}

DpoWindow *
dpo_window_new (DpoApplication *app,
                DpoStore       *store)
{
  g_return_val_if_fail (app == NULL || DPO_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (store == NULL || DPO_IS_STORE (store), NULL);

  return g_object_new (DPO_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

DpoStore *
dpo_window_get_store (DpoWindow *self)
{
  g_return_val_if_fail (DPO_IS_WINDOW (self), NULL);

  return self->store;
}

void
dpo_window_set_store (DpoWindow *self,
                      DpoStore  *store)
{
  g_return_if_fail (DPO_IS_WINDOW (self));
  g_return_if_fail (store == NULL || DPO_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_free (self->path);
  self->path = store != NULL ? g_strdup (dpo_store_get_path (store)) : NULL;

  dpo_window_set_pages_store (self, store);
  dpo_window_update_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, "registers");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "dashboard");
  _dpo_window_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  dpo_incident_view_open_from_environment (GTK_WINDOW (self), store);
  _dpo_window_show_from_environment (self);
  _dpo_window_export_from_environment (self);
}

gboolean
dpo_window_open_path (DpoWindow  *self,
                      const char *path)
{
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DPO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = dpo_store_open (path, &error);
  if (store == NULL)
    {
      g_debug ("Cannot open %s: %s", path, error->message);
      dpo_window_show_open_error (self, path, error);
      return FALSE;
    }

  dpo_window_set_store (self, store);
  return TRUE;
}
