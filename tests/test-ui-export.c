/* test-ui-export.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The registers workbook and the incident report from the GUI: the save
 * chooser's proposal, the export on its worker thread with its progress
 * and Cancel, the toast with "Open", the error dialog, and never a file
 * left behind by a cancelled or failed export. What the workbook holds is
 * test-xlsx.py's business. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dpo-incident-view.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

#define WAIT_MS 20000

/* Enough requests for an export to last a few seconds: long enough to see
 * its progress (which shows after a quarter of a second) and cancel it. */
#define MANY_REQUESTS 300000

static gboolean
not_exporting (gpointer window)
{
  return !dpo_window_get_exporting (window);
}

static gboolean
chooser_has_folder (gpointer chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);

  return folder != NULL;
}

/* Only the database's own files: no workbook, no temporary file. */
static void
assert_nothing_written (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_test_message ("In the folder: %s", name);
      g_assert_true (g_str_has_prefix (name, "workbench.sqlite"));
    }
}

/* A zip, as an .xlsx is: "PK" first. */
static void
assert_workbook (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');
}

/* A database with the example scenario, its "now" fixed. */
static DpoStore *
example_store (const char *dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-23T10:00:00+01:00", NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_open_store (dir);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  dpo_store_set_now (store, now);
  return store;
}

/* MANY_REQUESTS more requests, straight into the file. */
static void
add_many_requests (const char *dir)
{
  g_autofree char *database = dpo_test_database_of (dir);
  /* The same rows on both engines: only the reference's padding differs. */
  g_autofree char *sql =
    g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
                     "INSERT INTO requests (id, requester_name, kind, received_at, channel, status, "
                     "  due_on, current_due_on) "
                     "SELECT %s, 'Person ' || i, 'access', "
                     "  '2026-10-01T08:00:00Z', 'email', 'received', '2026-11-02', '2026-11-02' FROM n",
                     MANY_REQUESTS,
                     dpo_test_engine_is_server () ? "'R-BULK-' || lpad (i::text, 6, '0')"
                                                  : "printf('R-BULK-%06d', i)");

  dpo_test_exec (database, sql);
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (dpo_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Without a database, nothing to export: the action does nothing (it
 * would fail a precondition, fatally here). */
static void
test_no_database (void)
{
  DpoWindow *window = dpo_test_present_window (NULL);

  g_assert_false (gtk_widget_get_sensitive (dpo_test_get_by_id (GTK_WIDGET (window), "header_export_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-registers", NULL);
  g_assert_false (dpo_window_get_exporting (window));
  g_assert_null (dpo_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  dpo_test_destroy_window (window, NULL);
}

/* Where the chooser is sent on a server (none of its own: Documents). */
static const char *chooser_folder;

/* Ctrl+E's chooser: a save chooser in the database's folder proposing a
 * dated name. Once it has read the folder, the DPO types @name and
 * accepts. */
static void
choose_file (DpoWindow  *window,
             const char *name)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) database = NULL;
  GtkWidget *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-registers", NULL));
  chooser = dpo_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "registers-2026-11-23.xlsx");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser))), ==,
                   "Excel Workbooks");

  dpo_test_wait_until (chooser_has_folder, chooser);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  if (dpo_test_engine_is_server ())
    {
      /* A register on a server has no folder: the Documents folder, else home. */
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());

      g_assert_true (g_file_equal (folder, expected));
      /* The test's files go to its own folder, as a user would choose. */
      g_clear_object (&folder);
      folder = g_file_new_for_path (chooser_folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  else
    {
      database = g_file_new_for_path (dpo_store_get_path (dpo_window_get_store (window)));
      g_assert_true (g_file_has_parent (database, folder));
    }

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* Through the chooser, a name typed without the extension gets it; the
 * workbook is written; a toast offers to open it. Again: the file with
 * the extension added exists, and the chooser did not ask about it, so
 * the window does. Then straight to a file: the controls that would start
 * another export are disabled while it runs. */
static void
test_registers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "registres DPO.xlsx", NULL);
  g_autofree char *other_path = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  DpoStore *store = example_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  GtkWidget *header_button = dpo_test_get_by_id (GTK_WIDGET (window), "header_export_button");
  AdwMessageDialog *dialog;
  GStatBuf before, after;

  chooser_folder = dir;
  g_assert_true (gtk_widget_get_sensitive (header_button));

  choose_file (window, "registres DPO");
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Registers exported");
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_button, "_Open");
  g_assert_false (dpo_window_get_exporting (window));
  g_assert_true (gtk_widget_get_sensitive (header_button));
  assert_workbook (path);

  /* "Replace?": no, then yes. */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  choose_file (window, "registres DPO");
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace “registres DPO.xlsx”?");
  adw_message_dialog_response (dialog, "cancel");
  g_assert_false (dpo_window_get_exporting (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  choose_file (window, "registres DPO");
  dialog = wait_for_message_dialog ();
  adw_message_dialog_response (dialog, "replace");
  g_assert_true (dpo_window_get_exporting (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  dpo_test_wait_until (not_exporting, window);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  assert_workbook (path);

  dpo_window_export_registers_to (window, other);
  g_assert_true (dpo_window_get_exporting (window));
  g_assert_false (gtk_widget_get_sensitive (header_button));
  g_assert_false (gtk_widget_get_sensitive (dpo_test_get_by_id (GTK_WIDGET (window), "export_button")));
  dpo_test_wait_until (not_exporting, window);
  g_assert_true (gtk_widget_get_sensitive (header_button));
  assert_workbook (other_path);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* A read-only place: a dialog that names the file; nothing written. */
static void
test_registers_unwritable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-export-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/x.xlsx");
  DpoStore *store = example_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  AdwMessageDialog *dialog;

  dpo_window_export_registers_to (window, file);
  dialog = wait_for_message_dialog ();
  g_test_message ("Export error shown: %s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Export the Registers");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "x.xlsx"));
  g_assert_false (dpo_window_get_exporting (window));
  g_assert_false (g_file_test ("/proc/x.xlsx", G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dpo_test_destroy_window (window, store);
  assert_nothing_written (dir);
  dpo_test_remove_tree (dir);
}

static gboolean
progress_shown (gpointer data)
{
  DpoWindow *window = data;
  GtkRevealer *revealer = GTK_REVEALER (dpo_test_get_by_id (GTK_WIDGET (window), "export_revealer"));
  GtkLabel *label = GTK_LABEL (dpo_test_get_by_id (GTK_WIDGET (window), "export_label"));
  GtkProgressBar *bar = GTK_PROGRESS_BAR (dpo_test_get_by_id (GTK_WIDGET (window), "export_progress"));

  return gtk_revealer_get_reveal_child (revealer) &&
         gtk_progress_bar_get_fraction (bar) > 0 &&
         g_str_has_prefix (gtk_label_get_text (label), "Exporting the registers… ");
}

/* A big store: the progress shows under the header, and Cancel there
 * stops the export and leaves no file; cancelling at once does too; and
 * closing the window during an export cancels it. */
static void
test_registers_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DpoStore *store = example_store (dir);
  DpoWindow *window;
  GtkWidget *cancel;

  add_many_requests (dir);

  /* Cancel, once the progress shows. */
  window = dpo_test_present_window (store);
  dpo_window_export_registers_to (window, file);
  dpo_test_wait_until (progress_shown, window);
  g_test_message ("Progress: %s", gtk_label_get_text (GTK_LABEL (dpo_test_get_by_id (GTK_WIDGET (window),
                                                                            "export_label"))));
  cancel = dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_button, "_Cancel");
  g_assert_true (gtk_widget_get_sensitive (cancel));
  gtk_widget_activate (cancel);
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Export cancelled");
  g_assert_false (dpo_window_get_exporting (window));
  assert_nothing_written (dir);
  dpo_test_destroy_window (window, NULL);

  /* Cancel right after starting. */
  window = dpo_test_present_window (store);
  dpo_window_export_registers_to (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Export cancelled");
  dpo_test_wait_until (not_exporting, window);
  assert_nothing_written (dir);
  dpo_test_destroy_window (window, NULL);

  /* The window closed while exporting: cancelled, both let go. */
  window = dpo_test_present_window (store);
  dpo_window_export_registers_to (window, file);
  dpo_test_destroy_window (window, store);
  assert_nothing_written (dir);

  dpo_test_remove_tree (dir);
}

/* The incident view's report for the CNIL, to a file, then to a place
 * that cannot be written. */
static void
test_incident_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "INC-2024-01.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) unwritable = g_file_new_for_path ("/proc/y.xlsx");
  DpoStore *store = example_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  AdwMessageDialog *dialog;
  DpoIncidentView *view;
  GtkWidget *button, *chooser;
  gpointer view_ptr;

  view = dpo_incident_view_present (GTK_WINDOW (window), store, "INC-2024-01");
  g_assert_nonnull (view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  view_ptr = view;
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);

  /* The button beside the CNIL clock proposes a name with the reference. */
  button = dpo_test_get_by_id (GTK_WIDGET (view), "export_report_button");
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
  chooser = dpo_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "incident-INC-2024-01-2026-11-23.xlsx");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);

  dpo_incident_view_export_report_to (view, file);
  g_assert_false (gtk_widget_get_sensitive (button));
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_shown_label, "Incident report exported");
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_shown_button, "_Open");
  g_assert_true (gtk_widget_get_sensitive (button));
  assert_workbook (path);

  dpo_incident_view_export_report_to (view, unwritable);
  dialog = wait_for_message_dialog ();
  g_test_message ("Report error shown: %s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Export the Incident Report");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "y.xlsx"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_wait_until (dpo_test_is_null, &view_ptr);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, WAIT_MS);

  g_test_add_func ("/ui/export/no-database", test_no_database);
  g_test_add_func ("/ui/export/registers", test_registers);
  g_test_add_func ("/ui/export/registers-unwritable", test_registers_unwritable);
  g_test_add_func ("/ui/export/registers-cancel", test_registers_cancel);
  g_test_add_func ("/ui/export/incident-report", test_incident_report);

  return g_test_run ();
}
