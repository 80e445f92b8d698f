/* test-ui-window.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dpo-incidents-page.h"
#include "dpo-store.h"
#include "dpo-window.h"

#define WAIT_MS 10000

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
typedef gboolean (*Condition)   (gpointer       data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_shown_status_page (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, or fails after WAIT_MS. */
static void
wait_until (Condition  condition,
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the window");
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static DpoWindow *
present_window (DpoStore *store)
{
  DpoWindow *window = dpo_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys @window and checks that it and @store (our last reference)
 * are finalized: no page keeps the database open. */
static void
destroy_window (DpoWindow *window,
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
  wait_until (is_null, &window_ptr);
  wait_until (is_null, &store_ptr);
}

typedef struct
{
  GtkWidget   *root;
  WidgetMatch  match;
  gconstpointer data;
} FindData;

static gboolean
widget_found (gpointer data)
{
  FindData *find = data;

  return find_widget (find->root, find->match, find->data) != NULL;
}

static void
wait_for_widget (DpoWindow     *window,
                 WidgetMatch    match,
                 gconstpointer  data)
{
  FindData find = { GTK_WIDGET (window), match, data };

  wait_until (widget_found, &find);
}

static gboolean
model_has_one_item (gpointer data)
{
  GListModel *model = dpo_incidents_page_get_model (data);

  return model != NULL && g_list_model_get_n_items (model) == 1;
}

static gboolean
model_is_empty (gpointer data)
{
  GListModel *model = dpo_incidents_page_get_model (data);

  return model != NULL && g_list_model_get_n_items (model) == 0;
}

static void
test_empty_then_example (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workbench.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  static const char * const pages[][2] = {
    { "incidents", "Incidents" }, { "requests", "Requests" }, { "people", "People" },
  };
  AdwViewSwitcherTitle *title;
  AdwViewStack *stack;
  DpoIncidentsPage *incidents;
  DpoWindow *window;
  DpoStore *store;

  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  window = present_window (store);

  /* A new database greets with the empty state, and names the file. */
  wait_for_widget (window, is_shown_status_page, "Welcome to DPO Workbench");
  title = ADW_VIEW_SWITCHER_TITLE (find_widget (GTK_WIDGET (window), is_type,
                                                GSIZE_TO_POINTER (ADW_TYPE_VIEW_SWITCHER_TITLE)));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "workbench.sqlite");

  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), is_type,
                                       GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK)));
  g_assert_nonnull (stack);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, pages[i][0]);

      g_assert_nonnull (child);
      g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)),
                       ==, pages[i][1]);
    }
  incidents = DPO_INCIDENTS_PAGE (adw_view_stack_get_child_by_name (stack, "incidents"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL));
  wait_until (model_has_one_item, incidents);
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 1);
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 5);
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 5);

  /* The dashboard now counts; the incidents list shows the breach. */
  wait_for_widget (window, is_shown_label, "Incidents");
  adw_view_stack_set_visible_child_name (stack, "incidents");
  wait_for_widget (window, is_shown_label, "INC-2024-01");

  /* Searching asks the store again; no match shows its own state. */
  {
    GtkWidget *entry = find_widget (GTK_WIDGET (incidents), is_type,
                                    GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));

    gtk_editable_set_text (GTK_EDITABLE (entry), "no such incident zzz");
    wait_until (model_is_empty, incidents);
    wait_for_widget (window, is_shown_status_page, "No Results");

    gtk_editable_set_text (GTK_EDITABLE (entry), "Viamedis");
    wait_until (model_has_one_item, incidents);
    wait_for_widget (window, is_shown_label, "INC-2024-01");
  }

  destroy_window (window, store);
  remove_tree (dir);
}

static void
assert_error_page (const char *path,
                   const char *expected)
{
  AdwStatusPage *page;
  DpoWindow *window;
  const char *description;

  window = present_window (NULL);
  g_assert_false (dpo_window_open_path (window, path));
  g_assert_null (dpo_window_get_store (window));

  wait_for_widget (window, is_shown_status_page, "Cannot Open This Database");
  page = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (window), is_shown_status_page,
                                       "Cannot Open This Database"));
  description = adw_status_page_get_description (page);
  g_test_message ("Error shown: %s", description);
  g_assert_nonnull (description);
  g_assert_cmpuint (strlen (description), >, 0);
  if (expected != NULL)
    g_assert_nonnull (strstr (description, expected));

  /* Without a database the data actions are disabled: activating one does
   * nothing (the action itself would fail a precondition, fatally here). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example", NULL);
  g_assert_null (dpo_window_get_store (window));

  destroy_window (window, NULL);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.sqlite", NULL);
  g_autofree char *text = g_strnfill (4096, 'x');
  g_autofree char *read_back = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  assert_error_page (path, NULL);

  /* Refused, untouched. */
  g_assert_true (g_file_get_contents (path, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, text);
  remove_tree (dir);
}

static void
test_newer_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* A database from a later DPO Workbench: a higher user_version. */
  {
    g_autoptr(DpoStore) store = dpo_store_open (path, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_error_page (path, "newer");
  remove_tree (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_import_and_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workbench.sqlite", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "export.json", NULL);
  g_autofree char *example_path = g_build_filename (g_getenv ("DPO_SOURCE_ROOT"), "data",
                                                    "example", "breach-2024.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  AdwMessageDialog *dialog;
  DpoIncidentsPage *incidents;
  DpoWindow *window;
  DpoStore *store;
  GStatBuf st;

  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  window = present_window (store);
  incidents = DPO_INCIDENTS_PAGE (find_widget (GTK_WIDGET (window), is_type,
                                               GSIZE_TO_POINTER (DPO_TYPE_INCIDENTS_PAGE)));

  /* A bad file: nothing imported, a dialog names the place and the problem. */
  g_file_set_contents (bad_path,
                       "{\"format\": \"dpo-workbench\", \"version\": 1, \"requests\": "
                       "[{\"id\": \"R-1\", \"kind\": \"access\", \"requester\": {\"name\": \"X\"}}]}",
                       -1, &error);
  g_assert_no_error (error);
  dpo_window_import_file (window, bad);
  wait_until (has_message_dialog, NULL);
  dialog = find_message_dialog ();
  g_test_message ("Import error shown: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "received_at"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 0);

  /* The example file, on the worker thread: the lists follow, a toast says so. */
  dpo_window_import_file (window, example);
  wait_until (model_has_one_item, incidents);
  wait_for_widget (window, is_shown_label, "Imported: 1 incident, 5 people, 5 requests");

  /* Export: the whole store, private to the user. */
  g_assert_true (dpo_window_export_json (window, out));
  g_assert_true (g_file_get_contents (out_path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\"INC-2024-01\""));
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  destroy_window (window, store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/empty-then-example", test_empty_then_example);
  g_test_add_func ("/ui/window/not-a-database", test_not_a_database);
  g_test_add_func ("/ui/window/newer-database", test_newer_database);
  g_test_add_func ("/ui/window/import-and-export", test_import_and_export);

  return g_test_run ();
}
