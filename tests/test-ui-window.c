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

#include "dpo-dashboard-page.h"
#include "dpo-import.h"
#include "dpo-incidents-page.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

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
  static const char * const pages[][2] = {
    { "incidents", "Incidents" }, { "requests", "Requests" }, { "people", "People" },
  };
  AdwViewSwitcherTitle *title;
  AdwViewStack *stack;
  DpoIncidentsPage *incidents;
  DpoWindow *window;
  DpoStore *store;

  store = dpo_test_open_store (dir);
  window = dpo_test_present_window (store);

  /* A new database greets with the empty state, and names the file. */
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_status_page, "Welcome to DPO Workbench");
  title = ADW_VIEW_SWITCHER_TITLE (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "workbench.sqlite");

  stack = ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
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
  dpo_test_wait_until (model_has_one_item, incidents);
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 1);
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 5);
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 5);

  /* The dashboard now counts; the incidents list shows the breach. */
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Incidents");
  adw_view_stack_set_visible_child_name (stack, "incidents");
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "INC-2024-01");

  /* Searching asks the store again; no match shows its own state. */
  {
    GtkWidget *entry = dpo_test_find_by_type (GTK_WIDGET (incidents), GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (entry), "no such incident zzz");
    dpo_test_wait_until (model_is_empty, incidents);
    dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_status_page, "No Results");

    gtk_editable_set_text (GTK_EDITABLE (entry), "Viamedis");
    dpo_test_wait_until (model_has_one_item, incidents);
    dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "INC-2024-01");
  }

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* What the dashboard showed when its first frame was painted. */
typedef struct
{
  GtkWidget     *dashboard;
  GdkFrameClock *clock;
  gulong         after_paint_id;
  char          *requests_count;
  char          *deadlines;
  gboolean       counting;
} FirstFrame;

static const char *
label_text (GtkWidget  *root,
            const char *id)
{
  GtkWidget *label = dpo_test_find_widget (root, dpo_test_has_id, id);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         FirstFrame    *first)
{
  if (first->requests_count != NULL)
    return;
  first->requests_count = g_strdup (label_text (first->dashboard, "requests_count_label"));
  first->deadlines = g_strdup (label_text (first->dashboard, "deadlines_label"));
  first->counting = dpo_dashboard_page_get_counting (DPO_DASHBOARD_PAGE (first->dashboard));
}

static void
on_realize_cb (GtkWidget  *window,
               FirstFrame *first)
{
  first->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  first->after_paint_id = g_signal_connect (first->clock, "after-paint",
                                            G_CALLBACK (on_first_after_paint_cb), first);
}

static gboolean
dashboard_counted (gpointer data)
{
  return !dpo_dashboard_page_get_counting (data);
}

/* Over a big register the counts would hold the window back: the first
 * frame shows dashes, then the counts arrive from a worker thread, and
 * follow the store's changes. As of 13 March 2024 the example's requests
 * are due on 11, 12, 12, 15 March and 30 April. */
static void
test_dashboard_counts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  FirstFrame first = { 0 };
  DpoWindow *window;
  DpoStore *store;
  GDate date;

  store = dpo_test_open_store (dir);
  g_date_set_dmy (&date, 13, G_DATE_MARCH, 2024);
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);

  window = dpo_window_new (NULL, store);
  first.dashboard = dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_DASHBOARD_PAGE);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), &first);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (first.requests_count, ==, "–");
  g_assert_cmpstr (first.deadlines, ==, "Counting the requests due…");
  g_assert_true (first.counting);

  dpo_test_wait_until (dashboard_counted, first.dashboard);
  g_assert_cmpstr (label_text (first.dashboard, "incidents_count_label"), ==, "1");
  g_assert_cmpstr (label_text (first.dashboard, "requests_count_label"), ==, "5");
  g_assert_cmpstr (label_text (first.dashboard, "people_count_label"), ==, "5");
  g_assert_cmpstr (label_text (first.dashboard, "deadlines_label"), ==,
                   "3 requests are overdue · 1 due within the next 7 days");

  /* Luc Bernard's contract ended in 2023: his erasure is carried out, and
   * the numbers shown stay until the new ones replace them. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_dashboard_page_get_counting (DPO_DASHBOARD_PAGE (first.dashboard)));
  g_assert_cmpstr (label_text (first.dashboard, "people_count_label"), ==, "5");
  dpo_test_wait_until (dashboard_counted, first.dashboard);
  g_assert_cmpstr (label_text (first.dashboard, "people_count_label"), ==, "4");
  g_assert_cmpstr (label_text (first.dashboard, "deadlines_label"), ==,
                   "2 requests are overdue · 1 due within the next 7 days");

  if (g_signal_handler_is_connected (first.clock, first.after_paint_id))
    g_signal_handler_disconnect (first.clock, first.after_paint_id);
  g_clear_object (&first.clock);
  g_free (first.requests_count);
  g_free (first.deadlines);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static void
assert_error_page (const char *path,
                   const char *expected)
{
  AdwStatusPage *page;
  DpoWindow *window;
  const char *description;

  window = dpo_test_present_window (NULL);
  g_assert_false (dpo_window_open_path (window, path));
  g_assert_null (dpo_window_get_store (window));

  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_status_page, "Cannot Open This Database");
  page = ADW_STATUS_PAGE (dpo_test_find_widget (GTK_WIDGET (window), dpo_test_is_shown_status_page,
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

  dpo_test_destroy_window (window, NULL);
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
  dpo_test_remove_tree (dir);
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
  dpo_test_remove_tree (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (dpo_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
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
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "export.json", NULL);
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_toast = NULL;
  AdwMessageDialog *dialog;
  DpoIncidentsPage *incidents;
  DpoWindow *window;
  DpoStore *store;
  GStatBuf st;

  store = dpo_test_open_store (dir);
  window = dpo_test_present_window (store);
  incidents = DPO_INCIDENTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_INCIDENTS_PAGE));

  /* A bad file: nothing imported, a dialog names the place and the problem. */
  g_file_set_contents (bad_path,
                       "{\"format\": \"dpo-workbench\", \"version\": 1, \"requests\": "
                       "[{\"id\": \"R-1\", \"kind\": \"access\", \"requester\": {\"name\": \"X\"}}]}",
                       -1, &error);
  g_assert_no_error (error);
  dpo_window_import_file (window, bad);
  dpo_test_wait_until (has_message_dialog, NULL);
  dialog = find_message_dialog ();
  g_test_message ("Import error shown: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "received_at"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 0);

  /* The example file, on the worker thread: the lists follow, a toast says so. */
  dpo_window_import_file (window, example);
  dpo_test_wait_until (model_has_one_item, incidents);
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Imported: 1 incident, 5 people, 5 requests");

  /* Export, on the worker thread: the whole store, private to the user. */
  dpo_window_export_json (window, out);
  exported_toast = g_strdup_printf ("Exported to %s", out_path);
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, exported_toast);
  g_assert_true (g_file_get_contents (out_path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\"INC-2024-01\""));
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/window/empty-then-example", test_empty_then_example);
  g_test_add_func ("/ui/window/dashboard-counts", test_dashboard_counts);
  g_test_add_func ("/ui/window/not-a-database", test_not_a_database);
  g_test_add_func ("/ui/window/newer-database", test_newer_database);
  g_test_add_func ("/ui/window/import-and-export", test_import_and_export);

  return g_test_run ();
}
