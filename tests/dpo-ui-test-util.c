/* dpo-ui-test-util.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-test-util.h"
#include "dpo-ui-test-util.h"
#include "dpo-ui.h"

static guint wait_ms = 10000;

void
dpo_test_ui_init (int    *argc,
                  char ***argv,
                  guint   ms)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  dpo_ui_init ();
  wait_ms = ms;
}

GtkWidget *
dpo_test_find_widget (GtkWidget      *root,
                      DpoWidgetMatch  match,
                      gconstpointer   data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dpo_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
dpo_test_is_type (GtkWidget     *widget,
                  gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
dpo_test_has_id (GtkWidget     *widget,
                 gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

gboolean
dpo_test_has_name (GtkWidget     *widget,
                   gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

gboolean
dpo_test_is_row_titled (GtkWidget     *widget,
                        gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
dpo_test_is_shown_label (GtkWidget     *widget,
                         gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

gboolean
dpo_test_is_shown_label_prefix (GtkWidget     *widget,
                                gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

gboolean
dpo_test_is_shown_button (GtkWidget     *widget,
                          gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
dpo_test_is_shown_status_page (GtkWidget     *widget,
                               gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

GtkWidget *
dpo_test_find_by_type (GtkWidget *root,
                       GType      type)
{
  return dpo_test_find_widget (root, dpo_test_is_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
dpo_test_get_by_id (GtkWidget  *root,
                    const char *id)
{
  GtkWidget *widget = dpo_test_find_widget (root, dpo_test_has_id, id);

  if (widget == NULL)
    g_error ("No widget “%s”", id);
  return widget;
}

void
dpo_test_set_text (GtkWidget  *root,
                   const char *id,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dpo_test_get_by_id (root, id)), text);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
dpo_test_wait_until (DpoCondition condition,
                     gpointer     data)
{
  gint64 deadline = g_get_monotonic_time () + wait_ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting");
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

gboolean
dpo_test_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

typedef struct
{
  GtkWidget      *root;
  DpoWidgetMatch  match;
  gconstpointer   data;
} FindData;

static gboolean
widget_found (gpointer data)
{
  FindData *find = data;

  return dpo_test_find_widget (find->root, find->match, find->data) != NULL;
}

GtkWidget *
dpo_test_wait_for_widget (GtkWidget      *root,
                          DpoWidgetMatch  match,
                          gconstpointer   data)
{
  FindData find = { root, match, data };

  dpo_test_wait_until (widget_found, &find);
  return dpo_test_find_widget (root, match, data);
}

GtkWindow *
dpo_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  GtkWindow *window = dpo_test_find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

gboolean
dpo_test_toplevel_gone (gpointer type)
{
  return dpo_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

GtkWidget *
dpo_test_wait_for_toplevel (GType type)
{
  dpo_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  return GTK_WIDGET (dpo_test_find_toplevel (type));
}

/* The database of @dir: its file, or on the test server (the UI tests
 * run on both engines) a database made for that folder the first time. */
char *
dpo_test_database_of (const char *dir)
{
  static GHashTable *uris;
  const char *uri;

  if (!dpo_test_engine_is_server ())
    return g_build_filename (dir, "workbench.sqlite", NULL);
  if (uris == NULL)
    uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  uri = g_hash_table_lookup (uris, dir);
  if (uri == NULL)
    {
      uri = dpo_test_new_server_database ();
      g_hash_table_insert (uris, g_strdup (dir), (char *) uri);
    }
  return g_strdup (uri);
}

DpoStore *
dpo_test_open_store (const char *dir)
{
  g_autofree char *path = dpo_test_database_of (dir);
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

DpoWindow *
dpo_test_present_window (DpoStore *store)
{
  DpoWindow *window = dpo_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

void
dpo_test_destroy_window (DpoWindow *window,
                         DpoStore  *store)
{
  gpointer window_ptr = window;
  gpointer store_ptr = store;

  g_object_add_weak_pointer (G_OBJECT (window), &window_ptr);
  if (store != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (store), &store_ptr);
      g_object_unref (store);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  dpo_test_wait_until (dpo_test_is_null, &window_ptr);
  dpo_test_wait_until (dpo_test_is_null, &store_ptr);
}

AdwMessageDialog *
dpo_test_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

gboolean
dpo_test_has_message_dialog (gpointer heading)
{
  return dpo_test_find_message_dialog (heading) != NULL;
}

gboolean
dpo_test_no_message_dialog (gpointer heading)
{
  return dpo_test_find_message_dialog (heading) == NULL;
}
