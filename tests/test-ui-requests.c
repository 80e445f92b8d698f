/* test-ui-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-editor-dialog.h"
#include "dpo-people-page.h"
#include "dpo-person-editor.h"
#include "dpo-request-editor.h"
#include "dpo-requests-page.h"
#include "dpo-row.h"
#include "dpo-request-execute.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* The requests and people of the example scenario, through the window:
 * carrying out an erasure for a person with an active contract shows the
 * refusal and deletes nothing; the filters and the due counts; recording a
 * request; a person's NIR checked by the form; the Alsace-Moselle setting
 * in the Preferences window. */

/* A new database with the example scenario, "now" at the end of @as_of
 * (YYYY-MM-DD) or the wall clock. */
static DpoStore *
open_example (const char *dir,
              const char *as_of)
{
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_open_store (dir);

  if (as_of != NULL)
    {
      g_autoptr(GDateTime) now = NULL;
      GDate date;

      g_assert_true (dpo_date_parse (as_of, &date, NULL));
      now = dpo_time_end_of_local_day (&date);
      dpo_store_set_now (store, now);
    }
  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static AdwMessageDialog *
wait_for_message_dialog (const char *heading)
{
  dpo_test_wait_until (dpo_test_has_message_dialog, (gpointer) heading);
  return dpo_test_find_message_dialog (heading);
}

/* The example's R-2024-0002: Claire Martin (S-0001) asks for erasure, and
 * her contract CT-2019-0042 is still running. */
static void
test_erasure_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  DpoStore *store = open_example (dir, NULL);
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  AdwMessageDialog *dialog;
  GtkWidget *button;
  GtkWidget *ground;
  const char *body;

  /* Open the request from the list, as a click on its row does. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "R-2024-0002");
  g_signal_emit_by_name (dpo_list_page_get_column_view (DPO_LIST_PAGE (page)), "activate", 1);
  g_assert_cmpstr (dpo_request_view_get_id (dpo_requests_page_get_view (page)), ==, "R-2024-0002");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "Erasure · Martin Claire");

  /* Carry Out…, then confirm the erasure. */
  button = dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "Carry Out…");
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  dialog = wait_for_message_dialog ("Carry Out the Erasure?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  /* The confirmation states what the app knows: it will be refused, and why. */
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("Confirmation shown: %s", body);
  g_assert_null (strstr (body, "If "));
  g_assert_nonnull (strstr (body, "Martin Claire has an active contract (CT-2019-0042, since 1 Jan 2019)"));
  g_assert_nonnull (strstr (body, "The erasure will be refused"));
  g_assert_nonnull (strstr (body, "Nothing will be deleted"));
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button,
                                                 "_Record the Refusal"));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Carry Out the Erasure?");

  /* Refused, in plain words; the person keeps all her data. */
  dialog = wait_for_message_dialog ("Erasure Refused");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("Refusal shown: %s", body);
  g_assert_nonnull (strstr (body, "Claire Martin has an active contract"));
  g_assert_nonnull (strstr (body, "CT-2019-0042"));
  g_assert_nonnull (strstr (body, "nothing was deleted"));

  subject = dpo_store_get_subject (store, "S-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subject->last_name, ==, "Martin");
  g_assert_cmpstr (subject->nir, ==, "278047505612374");
  g_assert_cmpuint (subject->contracts->len, ==, 1);
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 8);

  request = dpo_store_get_request (store, "R-2024-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->status, ==, "refused");
  g_assert_cmpstr (request->subject_id, ==, "S-0001");
  g_assert_nonnull (request->refusal_ground);
  g_assert_nonnull (strstr (request->refusal_ground, "CT-2019-0042"));

  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button, "_Close"));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Erasure Refused");

  /* The view follows: Refused, with its ground; it cannot be carried out again. */
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "Refused");
  ground = dpo_test_find_widget (GTK_WIDGET (dpo_requests_page_get_view (page)), dpo_test_is_row_titled,
                       "Refusal ground");
  g_assert_true (ADW_IS_ENTRY_ROW (ground));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ground)), ==, request->refusal_ground);
  g_assert_false (gtk_widget_is_sensitive (button));

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* The example's R-2024-0003: Paul Bernard's only contract ended in 2023:
 * the confirmation says he and his contract will be deleted. Cancel keeps
 * everything. */
static void
test_erasure_confirmation_no_contract (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  DpoStore *store = open_example (dir, NULL);
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  AdwMessageDialog *dialog;
  GtkWidget *button;
  const char *body;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, "R-2024-0003");
  button = dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "Carry Out…");
  gtk_widget_activate (button);
  dialog = wait_for_message_dialog ("Carry Out the Erasure?");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("Confirmation shown: %s", body);
  g_assert_null (strstr (body, "If "));
  g_assert_nonnull (strstr (body, "has no active contract"));
  g_assert_nonnull (strstr (body, "their 1 ended contract will be deleted for good"));
  g_assert_nonnull (dpo_test_find_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button, "_Erase"));
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button, "_Cancel"));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Carry Out the Erasure?");
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 8);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* Carry Out runs on a worker thread (dpo_request_execute_async): the
 * confirmation returns at once with Carry Out disabled, the window keeps
 * drawing, and the view follows when the answer lands. The example's
 * R-2024-0004 asks to change Sophie Lefèvre's email. */
static void
test_carry_out_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  DpoStore *store = open_example (dir, NULL);
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  AdwMessageDialog *dialog;
  GtkWidget *button;
  const char *tooltip;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, "R-2024-0004");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "Rectification · Lefèvre Sophie");
  button = dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "Carry Out…");
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  dialog = wait_for_message_dialog ("Apply the Changes?");

  /* The confirmation starts the work and returns: nothing has landed in
   * the window yet (the result comes through the main loop), and Carry Out
   * cannot be pressed twice meanwhile. */
  adw_message_dialog_response (dialog, "carry-out");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_null (dpo_test_find_widget (GTK_WIDGET (page), dpo_test_is_shown_label_prefix, "Answered on "));

  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label_prefix, "Answered on ");
  subject = dpo_store_get_subject (store, "S-0003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subject->email, ==, "sophie.lefevre@example.org");
  request = dpo_store_get_request (store, "R-2024-0004", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->status, ==, "answered");

  /* Closed now: Carry Out is off, and its tooltip gives the core's reason. */
  g_assert_false (gtk_widget_is_sensitive (button));
  tooltip = gtk_widget_get_tooltip_text (button);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "not carried out again"));

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

typedef struct
{
  DpoRequestsPage *page;
  guint            n_items;
} ModelCount;

static gboolean
model_has_n_items (gpointer data)
{
  ModelCount *count = data;
  GListModel *model = dpo_requests_page_get_model (count->page);

  return model != NULL && g_list_model_get_n_items (model) == count->n_items;
}

static void
wait_for_n_requests (DpoRequestsPage *page,
                     guint            n_items)
{
  ModelCount count = { page, n_items };

  dpo_test_wait_until (model_has_n_items, &count);
}

static const char *
request_id_at (DpoRequestsPage *page,
               guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (dpo_requests_page_get_model (page), position);

  return dpo_row_get_request (DPO_ROW (item))->id;
}

/* As of 13 March 2024 the example's requests are due on 11, 12, 12, 15 March
 * and 30 April: three overdue, one due within 7 days. */
static void
test_filters_and_counts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  DpoStore *store = open_example (dir, "2024-03-13");
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  GtkWidget *overdue;
  guint n_overdue, n_due_soon;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");

  /* The counts are in the page header, whatever the filters. */
  overdue = dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "3 overdue");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "1 due within 7 days");
  dpo_requests_page_get_due_counts (page, &n_overdue, &n_due_soon);
  g_assert_cmpuint (n_overdue, ==, 3);
  g_assert_cmpuint (n_due_soon, ==, 1);
  wait_for_n_requests (page, 5);
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "5 requests");

  /* A click on the overdue count shows those only, soonest due first. */
  gtk_widget_activate (overdue);
  wait_for_n_requests (page, 3);
  g_assert_cmpstr (request_id_at (page, 0), ==, "R-2024-0001");
  g_assert_cmpstr (request_id_at (page, 2), ==, "R-2024-0003");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "3 requests");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "3 overdue");

  dpo_requests_page_set_filter (page, &(DpoRequestFilter) { .urgency = DPO_URGENCY_DUE_SOON });
  wait_for_n_requests (page, 1);
  g_assert_cmpstr (request_id_at (page, 0), ==, "R-2024-0004");

  dpo_requests_page_set_filter (page, &(DpoRequestFilter) { .by_kind = TRUE, .kind = DPO_REQUEST_ERASURE });
  wait_for_n_requests (page, 2);
  dpo_requests_page_set_filter (page, &(DpoRequestFilter) { .open = TRUE, .by_kind = TRUE,
                                                           .kind = DPO_REQUEST_ACCESS });
  wait_for_n_requests (page, 2);

  /* Nothing answered yet: no results, said as such. */
  dpo_requests_page_set_filter (page, &(DpoRequestFilter) { .by_status = TRUE,
                                                           .status = DPO_REQUEST_ANSWERED });
  wait_for_n_requests (page, 0);
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_status_page, "No Results");

  /* The counts follow the store: Luc Bernard's contract ended in 2023, so
   * his erasure (R-2024-0003) is carried out, and one fewer is overdue. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  wait_for_n_requests (page, 1);
  dpo_requests_page_set_filter (page, &(DpoRequestFilter) { NULL });
  wait_for_n_requests (page, 5);
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "2 overdue");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "Erased person");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* Recording a request takes a search and a click; a bad value keeps the
 * form open with the reason, and records nothing. */
static void
test_new_request (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  DpoStore *store = open_example (dir, "2024-03-13");
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  DpoEditorDialog *dialog;
  DpoRequestEditor *editor;
  GtkWidget *received;
  gpointer dialog_ptr;

  dialog = dpo_requests_page_new_request (page);
  editor = DPO_REQUEST_EDITOR (dpo_editor_dialog_get_form (dialog));
  g_assert_cmpstr (dpo_request_editor_get_id (editor), ==, "R-2024-0006");
  g_assert_true (dpo_request_editor_choose_person (editor, "IP-0881"));

  received = dpo_test_find_widget (GTK_WIDGET (editor), dpo_test_is_row_titled, "Received");
  gtk_editable_set_text (GTK_EDITABLE (received), "30/02/2024 10:00");
  g_assert_false (dpo_editor_dialog_accept (dialog));
  g_test_message ("Error shown: %s", dpo_editor_dialog_get_error (dialog));
  g_assert_true (g_str_has_prefix (dpo_editor_dialog_get_error (dialog), "Received: "));
  g_assert_true (gtk_widget_has_css_class (received, "error"));
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 5);

  gtk_editable_set_text (GTK_EDITABLE (received), "2024-03-12 16:30");
  dialog_ptr = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog_ptr);
  g_assert_true (dpo_editor_dialog_accept (dialog));
  dpo_test_wait_until (dpo_test_is_null, &dialog_ptr);

  request = dpo_store_get_request (store, "R-2024-0006", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->subject_id, ==, "S-0002");
  g_assert_cmpstr (request->kind, ==, "access");
  g_assert_cmpstr (request->status, ==, "received");
  wait_for_n_requests (page, 6);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static gboolean
has_one_item (gpointer page)
{
  GListModel *model = dpo_people_page_get_model (page);

  return model != NULL && g_list_model_get_n_items (model) == 1;
}

/* Typing "lefevre" in People finds Lefèvre: the search ignores accents
 * and case (issue 9). */
static void
test_people_search (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  DpoStore *store = open_example (dir, NULL);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPeoplePage *page = DPO_PEOPLE_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PEOPLE_PAGE));
  AdwViewStack *stack = ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *entry;
  g_autoptr(DpoRow) row = NULL;

  adw_view_stack_set_visible_child_name (stack, "people");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label_prefix, "Martin ");
  entry = dpo_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "lefevre");
  dpo_test_wait_until (has_one_item, page);
  row = g_list_model_get_item (dpo_people_page_get_model (page), 0);
  g_assert_cmpstr (dpo_row_get_subject (row)->last_name, ==, "Lefèvre");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label_prefix, "Lefèvre ");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* A person's NIR is checked by the core; the form says what is wrong, in
 * plain words, by the field, and nothing is saved. */
static void
test_person_nir (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  g_autoptr(DpoSubject) subject = NULL;
  DpoStore *store = open_example (dir, NULL);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPeoplePage *page = DPO_PEOPLE_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PEOPLE_PAGE));
  DpoEditorDialog *dialog;
  GtkWidget *form, *nir;
  gpointer dialog_ptr;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-0001");
  g_assert_cmpstr (dpo_person_view_get_id (dpo_people_page_get_view (page)), ==, "S-0001");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "Active");

  subject = dpo_store_get_subject (store, "S-0001", NULL);
  dialog = dpo_person_editor_present (GTK_WIDGET (page), store, subject);
  form = dpo_editor_dialog_get_form (dialog);
  nir = dpo_test_find_widget (form, dpo_test_is_row_titled, "Social security number (NIR)");
  gtk_editable_set_text (GTK_EDITABLE (nir), "2 78 04 75 056 123 75");
  g_assert_false (dpo_editor_dialog_accept (dialog));
  g_test_message ("Error shown: %s", dpo_editor_dialog_get_error (dialog));
  g_assert_true (g_str_has_prefix (dpo_editor_dialog_get_error (dialog),
                                   "Social security number (NIR): "));
  g_assert_true (gtk_widget_has_css_class (nir, "error"));
  g_clear_pointer (&subject, dpo_subject_free);
  subject = dpo_store_get_subject (store, "S-0001", NULL);
  g_assert_cmpstr (subject->nir, ==, "278047505612374");

  /* Corrected, with spaces: saved, normalized. */
  gtk_editable_set_text (GTK_EDITABLE (nir), "2 78 04 75 056 123 74");
  gtk_editable_set_text (GTK_EDITABLE (dpo_test_find_widget (form, dpo_test_is_row_titled, "Email")), "claire@example.org");

  /* Issue 9: a birth date the NIR disagrees with (1979, the NIR says 78):
   * said as it is typed, a warning that does not stop the save. */
  {
    GtkWidget *warning = dpo_test_get_by_id (form, "nir_warning_label");
    GtkWidget *birth = dpo_test_find_widget (form, dpo_test_is_row_titled, "Birth date");

    g_assert_false (gtk_widget_get_visible (warning));
    gtk_editable_set_text (GTK_EDITABLE (birth), "1979-04-12");
    g_assert_true (gtk_widget_get_visible (warning));
    g_test_message ("Warning shown: %s", gtk_label_get_text (GTK_LABEL (warning)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (warning)), "Social security number (NIR): "));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "04/78"));
  }
  dialog_ptr = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog_ptr);
  g_assert_true (dpo_editor_dialog_accept (dialog));
  dpo_test_wait_until (dpo_test_is_null, &dialog_ptr);
  g_clear_pointer (&subject, dpo_subject_free);
  subject = dpo_store_get_subject (store, "S-0001", NULL);
  g_assert_cmpstr (subject->email, ==, "claire@example.org");
  g_assert_cmpstr (subject->nir, ==, "278047505612374");
  g_assert_cmpstr (subject->birth_date, ==, "1979-04-12");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, "claire@example.org");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static gboolean
is_preferences_window (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_PREFERENCES_WINDOW (widget);
}

static GtkWidget *
find_preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (is_preferences_window (window, NULL) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
has_preferences_window (gpointer data)
{
  return find_preferences_window () != NULL;
}

/* The Alsace-Moselle holidays: a setting of the database (the dpo CLI
 * reads the same), switched in the Preferences window. */
static void
test_preferences (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-req-XXXXXX", NULL);
  DpoStore *store = open_example (dir, NULL);
  DpoWindow *window = dpo_test_present_window (store);
  GtkWidget *preferences, *sw;
  gpointer preferences_ptr;

  g_assert_false (dpo_store_get_alsace_moselle (store));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  dpo_test_wait_until (has_preferences_window, NULL);
  preferences = find_preferences_window ();
  sw = dpo_test_find_by_type (preferences, GTK_TYPE_SWITCH);
  g_assert_nonnull (sw);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));

  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (dpo_store_get_alsace_moselle (store));
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_false (dpo_store_get_alsace_moselle (store));

  preferences_ptr = preferences;
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

  g_test_add_func ("/ui/requests/erasure-refused", test_erasure_refused);
  g_test_add_func ("/ui/requests/erasure-confirmation-no-contract", test_erasure_confirmation_no_contract);
  g_test_add_func ("/ui/requests/carry-out-async", test_carry_out_async);
  g_test_add_func ("/ui/requests/filters-and-counts", test_filters_and_counts);
  g_test_add_func ("/ui/requests/new-request", test_new_request);
  g_test_add_func ("/ui/people/nir", test_person_nir);
  g_test_add_func ("/ui/people/search", test_people_search);
  g_test_add_func ("/ui/preferences/alsace-moselle", test_preferences);

  return g_test_run ();
}
