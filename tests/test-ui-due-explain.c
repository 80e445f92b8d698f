/* test-ui-due-explain.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-due-date-button.h"
#include "dpo-import.h"
#include "dpo-requests-page.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

#include <glib/gstdio.h>

/* The request view's due dates explain themselves (issue 12, item 4): an
 * information button beside each date opens the steps of its computation,
 * and follows the Alsace-Moselle setting. */

static GtkWidget *
explain_button (GtkWidget  *page,
                const char *row_title)
{
  GtkWidget *row = dpo_test_wait_for_widget (page, dpo_test_is_row_titled, row_title);
  GtkWidget *button = dpo_test_find_by_type (row, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  return button;
}

typedef struct
{
  GtkWidget  *button;
  const char *text;
} Explained;

static gboolean
explains (gpointer data)
{
  Explained *explained = data;

  return g_strcmp0 (dpo_due_date_button_get_text (explained->button), explained->text) == 0;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The example's R-2024-0001, received Friday 9 February 2024. */
static void
test_request_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-due-XXXXXX", NULL);
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_open_store (dir);
  DpoWindow *window;
  DpoRequestsPage *page;
  GtkWidget *one_month;
  GtkWidget *extended;
  g_autoptr(DpoRequest) request = NULL;
  Explained explained;

  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  window = dpo_test_present_window (store);
  page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, "R-2024-0001");

  one_month = explain_button (GTK_WIDGET (page), "One month");
  g_assert_cmpstr (dpo_due_date_button_get_text (one_month), ==,
                   "Received Friday 9 February 2024\n"
                   "→ one month later: Saturday 9 March 2024\n"
                   "→ a Saturday, so the next working day\n"
                   "→ due Monday 11 March 2024");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (one_month), ==, "How this date was computed");
  extended = explain_button (GTK_WIDGET (page), "Extended (three months)");
  g_assert_cmpstr (dpo_due_date_button_get_text (extended), ==,
                   "Received Friday 9 February 2024\n"
                   "→ three months later, with the extension: Thursday 9 May 2024\n"
                   "→ Ascension Day, a public holiday, so the next working day\n"
                   "→ due Friday 10 May 2024");

  /* The button opens the steps. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (one_month));
  dpo_test_wait_until (popover_shown, one_month);
  g_assert_nonnull (dpo_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (one_month))),
                                          dpo_test_is_shown_label, "How This Date Was Computed"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (one_month));

  /* Received on 29 February instead: due on Good Friday, a working day
   * unless the Alsace-Moselle setting is on. The view follows each change. */
  request = dpo_store_get_request (store, "R-2024-0001", &error);
  g_assert_no_error (error);
  g_date_time_unref (request->received_at);
  request->received_at = dpo_time_parse ("2024-02-29T10:00:00+01:00", NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);
  explained.button = one_month;
  explained.text = "Received Thursday 29 February 2024\n"
                   "→ one month later: Friday 29 March 2024\n"
                   "→ due Friday 29 March 2024";
  dpo_test_wait_until (explains, &explained);

  g_assert_true (dpo_store_set_alsace_moselle (store, TRUE, &error));
  g_assert_no_error (error);
  explained.button = explain_button (GTK_WIDGET (page), "One month");
  explained.text = "Received Thursday 29 February 2024\n"
                   "→ one month later: Friday 29 March 2024\n"
                   "→ Good Friday, a public holiday in Alsace-Moselle, so the next working day\n"
                   "→ then a weekend\n"
                   "→ Monday 1 April 2024 is Easter Monday, a public holiday\n"
                   "→ due Tuesday 2 April 2024";
  dpo_test_wait_until (explains, &explained);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *at = strstr (text, what); at != NULL; at = strstr (at + 1, what))
    n++;
  return n;
}

/* Export Deadlines Calendar…: the file of `dpo deadlines --ics`, written on
 * a worker thread, private; a folder that does not exist says so. */
static void
test_export_calendar (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-ics-XXXXXX", NULL);
  g_autofree char *example_path = dpo_test_example_path ();
  g_autofree char *out_path = g_build_filename (dir, "deadlines.ics", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "deadlines.ics", NULL);
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GDateTime) now = NULL;
  DpoStore *store = dpo_test_open_store (dir);
  AdwMessageDialog *dialog;
  DpoWindow *window;
  GDate day;
  GStatBuf st;

  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 2, 2024);
  now = dpo_time_end_of_local_day (&day);
  dpo_store_set_now (store, now);
  window = dpo_test_present_window (store);
  dpo_window_export_calendar (window, out);
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label,
                            "Calendar exported: subscribe to it in your calendar application");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "BEGIN:VCALENDAR\r\n"));
  /* The example's five open requests (its CNIL clock stopped with the
   * notification of 2 February). */
  g_assert_cmpuint (count (written, "BEGIN:VEVENT"), ==, 5);
  g_assert_cmpuint (count (written, "SUMMARY:Due: access request R-2024-0001 (Claire Martin)"), ==, 1);
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  dpo_window_export_calendar (window, bad);
  dpo_test_wait_until (dpo_test_has_message_dialog, "Export Failed");
  dialog = dpo_test_find_message_dialog ("Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no-such-folder"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Export Failed");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/requests/due-date-explained", test_request_view);
  g_test_add_func ("/ui/window/export-calendar", test_export_calendar);

  return g_test_run ();
}
