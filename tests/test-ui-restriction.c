/* test-ui-restriction.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-import.h"
#include "dpo-people-page.h"
#include "dpo-person-view.h"
#include "dpo-requests-page.h"
#include "dpo-restriction-banner.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* Issue 12, item 3, through the window: a restriction carried out through
 * its dialog (the reason asked for, the button off until given), the
 * banner on the request view and the person view, lifting it with the
 * Art. 18(3) reminder; an objection's decision through the same dialog. */

#define BANNER "Processing restricted since 6 February 2024: Accuracy contested"

static const char EXTRA[] =
  "{\"format\": \"dpo-workbench\", \"version\": 1, \"requests\": ["
  " {\"id\": \"R-2024-0006\", \"subject\": \"S-0001\", \"kind\": \"restriction\","
  "  \"received_at\": \"2024-02-01T09:00:00+01:00\", \"channel\": \"email\"},"
  " {\"id\": \"R-2024-0007\", \"subject\": \"S-0004\", \"kind\": \"objection\","
  "  \"received_at\": \"2024-02-02T09:00:00+01:00\", \"channel\": \"post\"}]}";

static DpoStore *
open_store (const char *dir)
{
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GBytes) extra = g_bytes_new_static (EXTRA, strlen (EXTRA));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  DpoStore *store = dpo_test_open_store (dir);
  GDate date;

  g_assert_true (dpo_date_parse ("2024-02-06", &date, NULL));
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_true (dpo_import_bytes (store, extra, "extra", NULL, &error));
  g_assert_no_error (error);
  return store;
}

static AdwMessageDialog *
wait_for_message_dialog (const char *heading)
{
  dpo_test_wait_until (dpo_test_has_message_dialog, (gpointer) heading);
  return dpo_test_find_message_dialog (heading);
}

static DpoRequestsPage *
show_request (DpoWindow  *window,
              const char *id,
              const char *subtitle)
{
  DpoRequestsPage *page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, id);
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label, subtitle);
  return page;
}

static void
press_carry_out (DpoRequestsPage *page)
{
  GtkWidget *button = dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "Carry Out…");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), !=, NULL);
  gtk_widget_activate (button);
}

static void
test_restriction (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-restr-XXXXXX", NULL);
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(DpoRequest) request = NULL;
  DpoStore *store = open_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = show_request (window, "R-2024-0006", "Restriction · Martin Claire");
  GtkWidget *view = GTK_WIDGET (dpo_requests_page_get_view (page));
  DpoRestrictionBanner *banner = DPO_RESTRICTION_BANNER (dpo_test_find_by_type (view, DPO_TYPE_RESTRICTION_BANNER));
  DpoPersonView *person_view;
  AdwMessageDialog *dialog;
  GtkWidget *reason;
  const char *body;

  /* Not restricted yet: no banner. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  press_carry_out (page);
  dialog = wait_for_message_dialog ("Restrict Processing?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Art. 18"));
  /* The reason is asked for: the button stays off without it. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "carry-out"));
  reason = dpo_test_find_widget (GTK_WIDGET (dialog), dpo_test_has_name, "decision-reason");
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "carry-out"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Accuracy contested");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "carry-out"));
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button,
                                                 "_Restrict Processing"));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Restrict Processing?");

  /* Answered, and the banner says so on the request view. */
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label_prefix, "Answered on ");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, BANNER);
  g_assert_cmpstr (dpo_restriction_banner_get_text (banner), ==, BANNER);
  subject = dpo_store_get_subject (store, "S-0001", NULL);
  g_assert_cmpstr (subject->restricted_since, ==, "2024-02-06");
  g_assert_cmpstr (subject->restriction_reason, ==, "Accuracy contested");
  request = dpo_store_get_request (store, "R-2024-0006", NULL);
  g_assert_cmpstr (request->status, ==, "answered");

  /* Another request of hers shows it too. */
  show_request (window, "R-2024-0001", "Access · Martin Claire");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, BANNER);

  /* The person view: the banner, and Lift Restriction… with Art. 18(3). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-0001");
  person_view = DPO_PERSON_VIEW (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PERSON_VIEW));
  dpo_test_wait_for_widget (GTK_WIDGET (person_view), dpo_test_is_shown_label, BANNER);
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (person_view), dpo_test_is_shown_button,
                                                 "Lift Restriction…"));
  dialog = wait_for_message_dialog ("Lift the Restriction?");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("Lift confirmation: %s", body);
  g_assert_nonnull (strstr (body, "must be informed before the restriction is lifted"));
  g_assert_nonnull (strstr (body, "Art. 18(3)"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button,
                                                 "_Lift Restriction"));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Lift the Restriction?");

  g_clear_pointer (&subject, dpo_subject_free);
  subject = dpo_store_get_subject (store, "S-0001", NULL);
  g_assert_null (subject->restricted_since);
  g_assert_null (dpo_test_find_widget (GTK_WIDGET (person_view), dpo_test_is_shown_label, BANNER));
  g_assert_cmpint (dpo_store_count_subjects (store), ==, 8);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static void
test_objection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-restr-XXXXXX", NULL);
  g_autoptr(DpoRequest) request = NULL;
  DpoStore *store = open_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoRequestsPage *page = show_request (window, "R-2024-0007", "Objection · Rossi Paolo");
  GtkWidget *view = GTK_WIDGET (dpo_requests_page_get_view (page));
  AdwMessageDialog *dialog;
  GtkWidget *reason;

  press_carry_out (page);
  dialog = wait_for_message_dialog ("Decide on the Objection");
  reason = dpo_test_find_widget (GTK_WIDGET (dialog), dpo_test_has_name, "decision-reason");
  gtk_editable_set_text (GTK_EDITABLE (reason), "Fraud checks protect the members");
  /* A reason without a decision is not enough. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "carry-out"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dpo_test_find_widget (GTK_WIDGET (dialog), dpo_test_has_name,
                                                                       "decision-rejected")), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "carry-out"));
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button,
                                                 "_Record the Decision"));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Decide on the Objection");

  dpo_test_wait_for_widget (view, dpo_test_is_shown_label_prefix, "Answered on ");
  request = dpo_store_get_request (store, "R-2024-0007", NULL);
  g_assert_cmpstr (request->status, ==, "answered");
  g_assert_cmpstr (request->decision, ==, "rejected");
  g_assert_cmpstr (request->decision_reason, ==, "Fraud checks protect the members");
  g_assert_true (g_str_has_prefix (request->outcome, "Objection rejected"));

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/restriction/carried-out-and-lifted", test_restriction);
  g_test_add_func ("/ui/objection/decided", test_objection);

  return g_test_run ();
}
