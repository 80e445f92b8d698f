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
#include "dpo-incident-editor.h"
#include "dpo-incident-view.h"
#include "dpo-incidents-page.h"
#include "dpo-request-view.h"
#include "dpo-requests-page.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
#include "dpo-store-role.h"
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
  if (dpo_test_engine_is_server ())
    {
      /* On a server, who is connected, and where. */
      g_autofree char *label = dpo_store_dup_session_label (store);

      g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, label);
    }
  else
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
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 8);
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
  g_assert_cmpstr (label_text (first.dashboard, "people_count_label"), ==, "8");
  g_assert_cmpstr (label_text (first.dashboard, "deadlines_label"), ==,
                   "3 requests are overdue · 1 due within the next 7 days");

  /* Luc Bernard's contract ended in 2023: his erasure is carried out, and
   * the numbers shown stay until the new ones replace them. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_dashboard_page_get_counting (DPO_DASHBOARD_PAGE (first.dashboard)));
  g_assert_cmpstr (label_text (first.dashboard, "people_count_label"), ==, "8");
  dpo_test_wait_until (dashboard_counted, first.dashboard);
  g_assert_cmpstr (label_text (first.dashboard, "people_count_label"), ==, "7");
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
add_incident (DpoStore   *store,
              const char *id,
              const char *aware_at,
              const char *cnil_sent_at)
{
  g_autoptr(DpoIncident) incident = dpo_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->id = g_strdup (id);
  incident->title = g_strdup ("Fuite");
  incident->natures = g_strsplit ("confidentiality", ",", -1);
  incident->aware_at = dpo_time_parse (aware_at, NULL);
  incident->risk = g_strdup ("high");
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);
  if (cnil_sent_at != NULL)
    {
      g_autoptr(DpoNotification) notification = dpo_notification_new ();

      notification->authority = g_strdup ("cnil");
      notification->kind = g_strdup ("initial");
      notification->sent_at = dpo_time_parse (cnil_sent_at, NULL);
      g_assert_true (dpo_store_save_notification (store, id, notification, &error));
      g_assert_no_error (error);
    }
}

static void
add_request (DpoStore   *store,
             const char *id,
             const char *received_at)
{
  g_autoptr(DpoRequest) request = dpo_request_new ();
  g_autoptr(GError) error = NULL;

  request->id = g_strdup (id);
  request->requester_name = g_strdup ("Jean Dupont");
  dpo_request_set_kind (request, DPO_REQUEST_ACCESS);
  request->received_at = dpo_time_parse (received_at, NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);
}

/* The row of the dashboard titled @title, once shown. */
static GtkWidget *
agenda_row (GtkWidget  *dashboard,
            const char *title)
{
  return dpo_test_wait_for_widget (dashboard, dpo_test_is_row_titled, title);
}

static const char *
row_subtitle (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The rows a group shows, in order: "title | subtitle" each. */
static char *
group_rows (GtkWidget  *dashboard,
            const char *name)
{
  GtkWidget *group = dpo_test_find_widget (dashboard, dpo_test_has_name, name);
  GtkWidget *list = dpo_test_find_by_type (group, GTK_TYPE_LIST_BOX);
  GString *rows = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (rows, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              row_subtitle (row) != NULL ? row_subtitle (row) : "");
  return g_string_free (rows, FALSE);
}

static gboolean
requests_listed_seven (gpointer data)
{
  GListModel *model = dpo_requests_page_get_model (data);

  return model != NULL && g_list_model_get_n_items (model) == 7;
}

/* The dashboard lists the day's work: the clocks (past their 72 hours,
 * then running, the soonest deadline first, then the delay reasons to
 * write), and the requests overdue then due soon, the first five with "and
 * N more"; each row opens its record, "and N more" the filtered list. As
 * of 13 March 2024, 23:59:59. */
static void
test_dashboard_agenda (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clocks = NULL;
  g_autofree char *requests = NULL;
  DpoRequestsPage *page;
  GtkWidget *dashboard;
  GtkWidget *view;
  DpoWindow *window;
  DpoStore *store;
  GDate date;

  store = dpo_test_open_store (dir);
  g_date_set_dmy (&date, 13, G_DATE_MARCH, 2024);
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  add_incident (store, "INC-RUNNING", "2024-03-13T12:00:00+01:00", NULL);
  add_incident (store, "INC-SOONER", "2024-03-12T08:00:00+01:00", NULL);
  add_incident (store, "INC-OVERDUE", "2024-03-05T09:00:00+01:00", NULL);
  add_incident (store, "INC-LATE", "2024-03-01T09:00:00+01:00", "2024-03-06T09:00:00+01:00");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("R-2024-01%02u", i);

      add_request (store, id, "2024-02-05T10:00:00+01:00");
    }

  window = dpo_test_present_window (store);
  dashboard = dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_DASHBOARD_PAGE);
  dpo_test_wait_until (dashboard_counted, dashboard);

  clocks = group_rows (dashboard, "agenda-clocks");
  g_test_message ("%s", clocks);
  g_assert_cmpstr (clocks, ==,
                   "INC-OVERDUE · Fuite | Overdue by 134 h 59 min: the CNIL has not been notified\n"
                   "INC-SOONER · Fuite | 32 h left to notify the CNIL\n"
                   "INC-RUNNING · Fuite | 60 h left to notify the CNIL\n"
                   "INC-LATE · Fuite | Notified late: record the reason for the delay\n");

  /* Seven overdue (the four of 5 February first, due on 5 March):
   * five shown, "and 2 more overdue"; R-2024-0004, due on its one-month date, may
   * still be extended. */
  requests = group_rows (dashboard, "agenda-requests");
  g_test_message ("%s", requests);
  g_assert_cmpstr (label_text (dashboard, "deadlines_label"), ==,
                   "7 requests are overdue · 1 due within the next 7 days");
  g_assert_true (g_str_has_prefix (requests,
                                   "R-2024-0100 · Jean Dupont | Access · was due on 5 Mar 2024, 8 days ago\n"
                                   "R-2024-0101 · Jean Dupont | Access · was due on 5 Mar 2024, 8 days ago\n"));
  g_assert_nonnull (strstr (requests, "and 2 more overdue | \n"));
  g_assert_nonnull (strstr (requests, "R-2024-0004 · "));
  g_assert_nonnull (strstr (requests, "Rectification · answer or extend by "));
  g_assert_null (strstr (requests, "R-2024-0005"));

  /* A clock opens its incident. */
  gtk_widget_activate (agenda_row (dashboard, "INC-SOONER · Fuite"));
  view = dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_VIEW);
  g_assert_cmpstr (dpo_incident_view_get_id (DPO_INCIDENT_VIEW (view)), ==, "INC-SOONER");
  gtk_window_destroy (GTK_WINDOW (view));

  /* A request opens in the requests page. */
  page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  gtk_widget_activate (agenda_row (dashboard, "R-2024-0102 · Jean Dupont"));
  g_assert_cmpstr (dpo_request_view_get_id (dpo_requests_page_get_view (page)), ==, "R-2024-0102");

  /* "and 2 more" opens the list of the overdue ones, all seven. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

    adw_view_stack_set_visible_child_name (stack, "dashboard");
    gtk_widget_activate (agenda_row (dashboard, "and 2 more overdue"));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "requests");
    dpo_test_wait_until (requests_listed_seven, page);
  }

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* Nothing to do: each list says so and offers what to do next; a new
 * database's welcome page offers to record an incident. */
static void
test_dashboard_empty_states (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autoptr(GDateTime) now = NULL;
  GtkWidget *dashboard;
  GtkWidget *editor;
  GtkWidget *button;
  DpoWindow *window;
  DpoStore *store;
  GDate date;

  store = dpo_test_open_store (dir);
  window = dpo_test_present_window (store);
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_status_page, "Welcome to DPO Workbench");
  button = dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_button, "_Record an Incident");
  gtk_widget_activate (button);
  editor = dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_EDITOR);
  gtk_window_destroy (GTK_WINDOW (editor));
  dpo_test_wait_until (dpo_test_toplevel_gone, GSIZE_TO_POINTER (DPO_TYPE_INCIDENT_EDITOR));

  /* One request, answered long ago: nothing due, no clock. */
  g_date_set_dmy (&date, 13, G_DATE_MARCH, 2025);
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  add_request (store, "R-2024-0100", "2024-02-10T10:00:00+01:00");
  {
    g_autoptr(DpoRequest) request = dpo_store_get_request (store, "R-2024-0100", NULL);

    dpo_request_set_status (request, DPO_REQUEST_WITHDRAWN);
    g_assert_true (dpo_store_save_request (store, request, NULL));
  }
  dashboard = dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_DASHBOARD_PAGE);
  dpo_test_wait_until (dashboard_counted, dashboard);
  agenda_row (dashboard, "No CNIL clock is running");
  agenda_row (dashboard, "Nothing due this week");
  button = dpo_test_find_widget (dpo_test_find_widget (dashboard, dpo_test_has_name, "agenda-clocks"),
                                 dpo_test_is_shown_button, "_Record an Incident");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  editor = dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_EDITOR);
  gtk_window_destroy (GTK_WINDOW (editor));
  dpo_test_wait_until (dpo_test_toplevel_gone, GSIZE_TO_POINTER (DPO_TYPE_INCIDENT_EDITOR));

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
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Imported: 1 incident, 8 people, 5 requests");

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
  g_test_add_func ("/ui/window/dashboard-agenda", test_dashboard_agenda);
  g_test_add_func ("/ui/window/dashboard-empty-states", test_dashboard_empty_states);
  g_test_add_func ("/ui/window/not-a-database", test_not_a_database);
  g_test_add_func ("/ui/window/newer-database", test_newer_database);
  g_test_add_func ("/ui/window/import-and-export", test_import_and_export);

  return g_test_run ();
}
