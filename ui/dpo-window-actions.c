/* dpo-window-actions.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dpo-incident-view.h"
#include "dpo-preferences-window.h"
#include "dpo-store-role.h"
#include "dpo-ui.h"
#include "dpo-window-private.h"
#include "dpo-start-folder.h"

static GtkFileChooserNative *
new_chooser (DpoWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Start beside the current database. */
  if (self->path != NULL)
    {
      g_autoptr(GFile) folder = dpo_start_folder (self->path);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  return native;
}

static void
add_filter (GtkFileChooserNative *native,
            const char           *name,
            const char * const   *patterns,
            const char * const   *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
}

static void
show_chooser (GtkFileChooserNative *native,
              GCallback             response_cb,
              DpoWindow            *self)
{
  g_signal_connect_object (native, "response", response_cb, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The file chosen, or NULL; the chooser is done with. */
static GFile *
chooser_finish (GtkNativeDialog *native,
                int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  return file;
}

static char *
chooser_finish_path (GtkNativeDialog *native,
                     int              response)
{
  g_autoptr(GFile) file = chooser_finish (native, response);

  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Open Database… */

static void
on_open_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             DpoWindow       *self)
{
  g_autofree char *path = chooser_finish_path (native, response);

  if (path != NULL)
    _dpo_window_open_chosen_path (self, path);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  GtkFileChooserNative *native = new_chooser (self, _("Open Database"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  static const char * const patterns[] = { "*.sqlite", "*.sqlite3", "*.db", NULL };
  static const char * const mime_types[] = { "application/vnd.sqlite3", "application/x-sqlite3", NULL };
  static const char * const all[] = { "*", NULL };

  add_filter (native, _("DPO Workbench Databases"), patterns, mime_types);
  add_filter (native, _("All Files"), all, NULL);
  show_chooser (native, G_CALLBACK (on_open_chooser_response_cb), self);
}

/* New Database… */

static void
on_new_chooser_response_cb (GtkNativeDialog *native,
                            int              response,
                            DpoWindow       *self)
{
  g_autofree char *path = chooser_finish_path (native, response);

  if (path == NULL)
    return;

  /* The chooser has already asked whether to replace an existing file, but a
   * register is never deleted from here: refuse, rather than open it. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message =
        /* Translators: %s is a file name */
        g_strdup_printf (_("“%s” already exists, and DPO Workbench never overwrites a database. "
                           "Choose another name, or use Open Database… to open it."), name);

      _dpo_window_show_error (self, _("Cannot Create the Database"), message);
      return;
    }

  _dpo_window_open_chosen_path (self, path);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  GtkFileChooserNative *native = new_chooser (self, _("New Database"),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "workbench.sqlite");
  show_chooser (native, G_CALLBACK (on_new_chooser_response_cb), self);
}

/* Import JSON… */

static void
on_import_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               DpoWindow       *self)
{
  g_autoptr(GFile) file = chooser_finish (native, response);

  if (file != NULL && self->store != NULL && !self->busy)
    dpo_window_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  GtkFileChooserNative *native = new_chooser (self, _("Import JSON"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  static const char * const patterns[] = { "*.json", NULL };
  static const char * const mime_types[] = { "application/json", NULL };

  add_filter (native, _("JSON Files"), patterns, mime_types);
  show_chooser (native, G_CALLBACK (on_import_chooser_response_cb), self);
}

/* Load Example Scenario */

static void
load_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _dpo_window_load_example (DPO_WINDOW (widget));
}

/* Export JSON… */

static void
on_export_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               DpoWindow       *self)
{
  g_autoptr(GFile) file = chooser_finish (native, response);

  if (file != NULL && self->store != NULL)
    dpo_window_export_json (self, file);
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  GtkFileChooserNative *native = new_chooser (self, _("Export JSON"),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "dpo-workbench-export.json");
  show_chooser (native, G_CALLBACK (on_export_chooser_response_cb), self);
}

/* Navigation */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (!DPO_IS_LIST_PAGE (page))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "incidents");
      page = adw_view_stack_get_visible_child (self->view_stack);
    }

  dpo_list_page_focus_search (DPO_LIST_PAGE (page));
}

/* Incidents */

static void
new_incident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);

  dpo_incident_view_new_incident (GTK_WINDOW (self), self->store);
}

static void
open_incident_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);

  dpo_incident_view_present (GTK_WINDOW (self), self->store, g_variant_get_string (param, NULL));
}

/* Requests and people */

static void
show_request_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "requests");
  dpo_requests_page_show_request (self->requests_page, g_variant_get_string (param, NULL));
}

/* The dashboard's "and N more": the requests page filtered alike. */
static void
show_requests_due_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);
  DpoRequestFilter filter = { 0 };

  filter.open = TRUE;
  filter.urgency = g_str_equal (g_variant_get_string (param, NULL), "overdue")
                   ? DPO_URGENCY_OVERDUE : DPO_URGENCY_DUE_SOON;
  adw_view_stack_set_visible_child_name (self->view_stack, "requests");
  dpo_requests_page_show_list (self->requests_page);
  dpo_requests_page_set_filter (self->requests_page, &filter);
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "people");
  dpo_people_page_show_person (self->people_page, g_variant_get_string (param, NULL));
}

/* The Alsace-Moselle setting lives in the database (see the GSettings
 * schema): the preferences are those of the database shown. */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DpoWindow *self = DPO_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (dpo_preferences_window_new (GTK_WINDOW (self), self->store)));
}

static gboolean
show_from_environment_cb (gpointer data)
{
  g_autoptr(DpoWindow) self = data;
  const char *show = g_getenv ("DPO_SHOW");

  if (self->store == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  if (g_str_has_prefix (show, "request:"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-request", "s", show + strlen ("request:"));
  else if (g_str_has_prefix (show, "person:"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-person", "s", show + strlen ("person:"));
  else if (g_str_equal (show, "requests") || g_str_equal (show, "people"))
    adw_view_stack_set_visible_child_name (self->view_stack, show);
  else if (g_str_equal (show, "new-request"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "requests");
      dpo_requests_page_new_request (self->requests_page);
    }
  else if (g_str_equal (show, "preferences"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.preferences", NULL);

  return G_SOURCE_REMOVE;
}

/* DPO_SHOW=request:R-2024-0002, person:S-0001, requests, people,
 * new-request or preferences: that view, once, shortly after start-up (for
 * screenshots and manual checks). */
void
_dpo_window_show_from_environment (DpoWindow *self)
{
  const char *show = g_getenv ("DPO_SHOW");
  static gboolean done;

  if (show == NULL || *show == '\0' || self->store == NULL || done)
    return;
  done = TRUE;
  g_timeout_add (300, show_from_environment_cb, g_object_ref (self));
}

void
_dpo_window_actions_update (DpoWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;
  gboolean idle = !self->busy;
  /* What the session's role cannot do is hidden, not only greyed (the menu
   * items say hidden-when="action-disabled"); the server refuses it anyway. */
  gboolean can_import = has_store && dpo_store_can (self->store, DPO_RIGHT_IMPORT);
  gboolean can_export = has_store && dpo_store_can (self->store, DPO_RIGHT_EXPORT);
  gboolean can_edit_incidents = has_store && dpo_store_can (self->store, DPO_RIGHT_EDIT_INCIDENTS);
  gboolean can_settings = has_store && dpo_store_can (self->store, DPO_RIGHT_SETTINGS);

  gtk_widget_action_set_enabled (widget, "win.open-database", idle);
  gtk_widget_action_set_enabled (widget, "win.new-database", idle);
  gtk_widget_action_set_enabled (widget, "win.import", can_import && idle);
  gtk_widget_action_set_enabled (widget, "win.load-example", can_import && idle);
  gtk_widget_action_set_enabled (widget, "win.export-json", can_export && idle);
  gtk_widget_action_set_enabled (widget, "win.export-calendar", can_export && idle);
  gtk_widget_action_set_enabled (widget, "win.export-registers",
                                 can_export && idle && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-export",
                                 self->export_cancellable != NULL && self->export_pulse_id == 0);
  gtk_widget_action_set_enabled (widget, "win.show-page", has_store);
  gtk_widget_action_set_enabled (widget, "win.search", has_store);
  gtk_widget_action_set_enabled (widget, "win.new-incident", can_edit_incidents);
  gtk_widget_action_set_enabled (widget, "win.open-incident", has_store);
  gtk_widget_action_set_enabled (widget, "win.show-request", has_store);
  gtk_widget_action_set_enabled (widget, "win.show-requests-due", has_store);
  gtk_widget_action_set_enabled (widget, "win.show-person", has_store);
  gtk_widget_action_set_enabled (widget, "win.preferences", can_settings);
  if (self->header_export_button != NULL)
    gtk_widget_set_visible (self->header_export_button, !has_store || can_export);
}

void
_dpo_window_class_actions_init (DpoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const pages[] = { "dashboard", "incidents", "requests", "people" };

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.load-example", NULL, load_example_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-incident", NULL, new_incident_action);
  gtk_widget_class_install_action (widget_class, "win.open-incident", "s", open_incident_action);
  gtk_widget_class_install_action (widget_class, "win.show-request", "s", show_request_action);
  gtk_widget_class_install_action (widget_class, "win.show-requests-due", "s", show_requests_due_action);
  gtk_widget_class_install_action (widget_class, "win.show-person", "s", show_person_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-json", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-incident", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);

  /* Alt+1 … Alt+4: the pages, in the switcher's order. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}
