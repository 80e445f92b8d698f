/* test-ui-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dpo-import.h"
#include "dpo-letter-templates-page.h"
#include "dpo-preferences-window.h"
#include "dpo-request-execute.h"
#include "dpo-store-letters.h"
#include "dpo-request-view-private.h"
#include "dpo-requests-page.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* The request view's Letter… menu (issue 12, item 1): the kinds that fit
 * the request's state are enabled, the others insensitive with the reason
 * as their tooltip; writing one runs on a worker and shows it in the
 * request's history. */

static DpoStore *
open_example (const char *dir)
{
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  DpoStore *store = dpo_test_open_store (dir);
  GDate date;

  g_assert_true (dpo_date_parse ("2024-02-20", &date, NULL));
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Screenshots: DPO_TEST_SHOOT=SECONDS keeps the menu open that long. */
static void
hold_for_screenshot (DpoRequestView *view)
{
  const char *seconds = g_getenv ("DPO_TEST_SHOOT");
  gint64 until;

  if (seconds == NULL)
    return;
  gtk_menu_button_popup (view->letter_button);
  until = g_get_monotonic_time () + g_ascii_strtoll (seconds, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  gtk_menu_button_popdown (view->letter_button);
}

static void
test_letter_menu (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-letters-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  DpoStore *store = open_example (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window),
                                                                    DPO_TYPE_REQUESTS_PAGE));
  DpoRequestView *view;
  GtkWidget *refusal;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window),
                                                                                ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "R-2024-0002");
  g_signal_emit_by_name (dpo_list_page_get_column_view (DPO_LIST_PAGE (page)), "activate", 1);
  view = dpo_requests_page_get_view (page);
  g_assert_cmpstr (dpo_request_view_get_id (view), ==, "R-2024-0002");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "Erasure · Martin Claire");

  /* The menu: an open request, received 12 February, nothing recorded yet. */
  g_assert_nonnull (view->letter_button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (view->letter_button)));
  g_assert_true (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_ACKNOWLEDGEMENT]));
  g_assert_true (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_IDENTITY]));
  g_assert_false (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_EXTENSION]));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (view->letter_kind_buttons[DPO_LETTER_EXTENSION]),
                            "reason"));
  refusal = view->letter_kind_buttons[DPO_LETTER_REFUSAL];
  g_assert_false (gtk_widget_get_sensitive (refusal));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (refusal), "is not refused"));
  g_assert_false (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_ANSWER]));
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_row_titled, "No letter written yet");
  hold_for_screenshot (view);

  /* As the file chooser's answer does: written on a worker, then in the
   * history. */
  _dpo_request_view_write_letter (view, DPO_LETTER_ACKNOWLEDGEMENT, file);
  g_assert_false (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_ACKNOWLEDGEMENT]));
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_row_titled, "Acknowledgement");
  dpo_test_wait_until (file_exists, pdf);
  g_assert_true (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_ACKNOWLEDGEMENT]));
  g_assert_null (dpo_test_find_widget (GTK_WIDGET (view), dpo_test_is_row_titled,
                                       "No letter written yet"));

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* An erased person's request: no one to write to, and the menu says so. */
static void
test_erased_person (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-letters-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  DpoStore *store = open_example (dir);
  DpoWindow *window;
  DpoRequestsPage *page;
  DpoRequestView *view;
  GtkWidget *answer;

  /* Luc Bernard's contract ended on 31 December 2023. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  window = dpo_test_present_window (store);
  page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window),
                                                                                ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, "R-2024-0003");
  view = dpo_requests_page_get_view (page);
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_row_titled, "No letter written yet");
  answer = view->letter_kind_buttons[DPO_LETTER_ANSWER];
  g_assert_false (gtk_widget_get_sensitive (answer));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (answer), "was erased"));
  g_assert_false (gtk_widget_get_sensitive (view->letter_kind_buttons[DPO_LETTER_REFUSAL]));

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  part)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
has_label_with (gpointer data)
{
  gpointer *pair = data;

  return dpo_test_find_widget (pair[0], is_label_with, pair[1]) != NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = dpo_test_find_widget (root, dpo_test_is_shown_button, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Preferences, Letters: an unknown placeholder is named and nothing is
 * saved; a good template is kept; Restore goes back to the built-in one. */
static void
test_templates_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-letters-XXXXXX", NULL);
  DpoStore *store = open_example (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPreferencesWindow *preferences = dpo_preferences_window_new (GTK_WINDOW (window), store);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  GtkWidget *page, *view;
  gpointer wait[2];
  gpointer preferences_ptr = preferences;

  gtk_window_present (GTK_WINDOW (preferences));
  page = dpo_test_find_by_type (GTK_WIDGET (preferences), ADW_TYPE_PREFERENCES_PAGE);
  view = NULL;
  for (GtkWidget *w = page; w != NULL && view == NULL; w = gtk_widget_get_next_sibling (w))
    view = dpo_test_find_by_type (w, GTK_TYPE_TEXT_VIEW);
  page = gtk_widget_get_ancestor (view, ADW_TYPE_PREFERENCES_PAGE);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));
  g_assert_nonnull (view);
  /* The first template, the acknowledgement, shown as built in. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, "{{due_on}}"));
    gtk_text_buffer_set_text (buffer, "Dear {{name}},\n\nYour {{colour}}.", -1);
  }
  click (page, "Save _Template");
  wait[0] = page;
  wait[1] = (gpointer) "colour";
  dpo_test_wait_until (has_label_with, wait);
  g_assert_false (dpo_store_get_letter_template (store, "acknowledgement", "en", &subject, &body));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Dear {{name}}, we have request {{request_id}}.", -1);
  click (page, "Save _Template");
  g_assert_true (dpo_store_get_letter_template (store, "acknowledgement", "en", &subject, &body));
  g_assert_cmpstr (body, ==, "Dear {{name}}, we have request {{request_id}}.");
  if (g_getenv ("DPO_TEST_SHOOT") != NULL)
    {
      gint64 until = g_get_monotonic_time () + 6 * G_USEC_PER_SEC;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }

  click (page, "_Restore the Built-in Template");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  g_assert_false (dpo_store_get_letter_template (store, "acknowledgement", "en", &subject, &body));

  g_object_add_weak_pointer (G_OBJECT (preferences), &preferences_ptr);
  gtk_window_destroy (GTK_WINDOW (preferences));
  dpo_test_wait_until (dpo_test_is_null, &preferences_ptr);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/letters/menu", test_letter_menu);
  g_test_add_func ("/ui/letters/templates-page", test_templates_page);
  g_test_add_func ("/ui/letters/erased-person", test_erased_person);

  return g_test_run ();
}
