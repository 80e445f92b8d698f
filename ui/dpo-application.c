/* dpo-application.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dpo-application.h"
#include "dpo-store-role.h"
#include "dpo-store.h"
#include "dpo-ui.h"
#include "dpo-window.h"

struct _DpoApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL without an installed schema */
};

G_DEFINE_FINAL_TYPE (DpoApplication, dpo_application, ADW_TYPE_APPLICATION)

/* No --database, no $DPO_DATABASE: the database opened last, if it is still
 * there, else $XDG_DATA_HOME/dpo-workbench/workbench.sqlite. */
static char *
dpo_application_dup_default_path (DpoApplication *self)
{
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  path = dpo_store_default_path ();
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_debug ("Cannot create %s: %s", folder, g_strerror (errno));

  return g_steal_pointer (&path);
}

void
dpo_application_open_database (DpoApplication *self,
                               const char     *path)
{
  DpoWindow *window;

  g_return_if_fail (DPO_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  /* One window per database: its "changed" signal keeps one window current,
   * not two. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      DpoStore *store;

      if (!DPO_IS_WINDOW (l->data) || (store = dpo_window_get_store (l->data)) == NULL)
        continue;
      if (g_strcmp0 (dpo_store_get_path (store), path) == 0)
        {
          gtk_window_present (l->data);
          return;
        }
    }

  window = dpo_window_new (self, NULL);
  dpo_window_open_path (window, path);
  gtk_window_present (GTK_WINDOW (window));
}

static void
dpo_application_activate (GApplication *application)
{
  DpoApplication *self = DPO_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dpo_application_dup_default_path (self);
  dpo_application_open_database (self, path);
}

static char *
path_from_arg (GApplicationCommandLine *cmdline,
               const char              *arg)
{
  g_autoptr(GFile) file = NULL;

  /* A server's address is not a file name relative to the caller. */
  if (dpo_store_path_is_server (arg))
    return g_strdup (arg);
  file = g_application_command_line_create_file_for_arg (cmdline, arg);
  return g_file_get_path (file);
}

/* --database PATH, else $DPO_DATABASE of the command line, else the default.
 * Runs in the primary instance: relative paths are the caller's. */
static int
dpo_application_command_line (GApplication            *application,
                              GApplicationCommandLine *cmdline)
{
  DpoApplication *self = DPO_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  const char *database = NULL;
  const char *env;
  g_autofree char *path = NULL;

  if (!g_variant_dict_lookup (options, "database", "^&ay", &database))
    database = NULL;
  env = g_application_command_line_getenv (cmdline, "DPO_DATABASE");

  if (database != NULL && *database != '\0')
    path = path_from_arg (cmdline, database);
  else if (env != NULL && *env != '\0')
    path = path_from_arg (cmdline, env);

  if (path == NULL)
    g_application_activate (application);
  else
    dpo_application_open_database (self, path);

  return EXIT_SUCCESS;
}

static int
dpo_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "dpo-workbench", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close the windows (they save their size) before quitting. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (app));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The DPO Workbench authors", NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("DPO Workbench"),
                        "application-icon", APP_ID,
                        "developer-name", _("The DPO Workbench authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep the breach register, answer data subject requests "
                                      "on time, and hand the registers to the regulator."),
                        "developers", developers,
                        "copyright", "© 2026 The DPO Workbench authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (APP_ID_PATH "/ui/dpo-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  gtk_window_present (window);
}

/* The preferences belong to the database of the active window. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (DPO_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
};

static void
dpo_application_startup (GApplication *application)
{
  DpoApplication *self = DPO_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  dpo_ui_init ();

  /* Also loads style.css from the resource base path. */
  G_APPLICATION_CLASS (dpo_application_parent_class)->startup (application);

  self->settings = dpo_ui_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
dpo_application_dispose (GObject *object)
{
  DpoApplication *self = DPO_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dpo_application_parent_class)->dispose (object);
}

static void
dpo_application_class_init (DpoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = dpo_application_dispose;
  app_class->startup = dpo_application_startup;
  app_class->activate = dpo_application_activate;
  app_class->command_line = dpo_application_command_line;
  app_class->handle_local_options = dpo_application_handle_local_options;
}

static void
dpo_application_init (DpoApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default one"), N_("PATH") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The data protection officer's workbench."));
}

DpoApplication *
dpo_application_new (void)
{
  return g_object_new (DPO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_SEND_ENVIRONMENT,
                       "resource-base-path", APP_ID_PATH,
                       NULL);
}
