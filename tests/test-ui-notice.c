/* test-ui-notice.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The notice editor (issue 11, Deliver 4 and 6): opened from the incident
 * view's "Notice to the People", it starts from a draft, previews it for an
 * example person with and without co-insured, inserts placeholders,
 * refuses an unknown one with the reason (nothing saved), saves, and asks
 * before discarding an edit. */

#include "config.h"

#include <string.h>

#include "dpo-import.h"
#include "dpo-incident-view.h"
#include "dpo-notice-editor.h"
#include "dpo-notice-group.h"
#include "dpo-test-util.h"
#include "dpo-ui-test-util.h"

#define INCIDENT "INC-2024-01"
#define DRAFT_SUBJECT "Personal data breach at Viamedis: information about your data"

static DpoStore *
example_store (const char *dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2024-02-20T10:00:00+01:00", NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_open_store (dir);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  dpo_store_set_now (store, now);
  return store;
}

static char *
body_text (GtkWidget *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dpo_test_get_by_id (editor, "body_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_body (GtkWidget  *editor,
          const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dpo_test_get_by_id (editor, "body_view")));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static const char *
preview (GtkWidget *editor)
{
  return dpo_notice_editor_get_preview (DPO_NOTICE_EDITOR (editor));
}

static GtkWidget *
open_editor (DpoIncidentView *view)
{
  GtkWidget *group = dpo_test_find_by_type (GTK_WIDGET (view), DPO_TYPE_NOTICE_GROUP);
  GtkWidget *button;

  g_assert_nonnull (group);
  button = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  return dpo_test_wait_for_toplevel (DPO_TYPE_NOTICE_EDITOR);
}

static gint64
stored_notices (const char *path)
{
  return dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_body IS NOT NULL");
}

static void
test_edit_and_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-notice-XXXXXX", NULL);
  g_autofree char *path = dpo_test_database_of (dir);
  DpoStore *store = example_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoIncidentView *view = dpo_incident_view_present (GTK_WINDOW (window), store, INCIDENT);
  GtkWidget *editor, *button;
  GtkWidget *alive = NULL;
  g_autofree char *body = NULL;
  gpointer weak;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_row_titled, "No notice yet");

  /* No notice yet: the editor starts from the draft, previewed for Claire Martin. */
  editor = open_editor (view);
  gtk_test_widget_wait_for_draw (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dpo_test_get_by_id (editor, "subject_row"))), ==,
                   DRAFT_SUBJECT);
  body = body_text (editor);
  g_assert_true (g_str_has_prefix (body, "Member number: {{member_number}}\n\nDear {{first_name}} {{last_name}},"));
  g_assert_true (g_str_has_prefix (preview (editor), DRAFT_SUBJECT "\n\nMember number: IP-104233\n\n"
                                                     "Dear Claire Martin,\n\n"));
  g_assert_nonnull (strstr (preview (editor), "beneficiaries of your contract: Luc Martin, Emma Martin."));
  g_assert_nonnull (strstr (preview (editor), "75334 Paris Cedex 07"));

  /* Without co-insured, their line is not in the letter. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dpo_test_get_by_id (editor, "co_insured_toggle")), FALSE);
  g_assert_null (strstr (preview (editor), "beneficiaries of your contract"));
  g_assert_nonnull (strstr (preview (editor), "Dear Claire Martin,"));

  /* A placeholder inserted at the cursor, with the button that names it. */
  set_body (editor, "Dear ,\n\nSorry.");
  {
    GtkTextView *text = GTK_TEXT_VIEW (dpo_test_get_by_id (editor, "body_view"));
    GtkTextIter at;

    gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text), &at, strlen ("Dear "));
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (text), &at);
  }
  button = dpo_test_find_widget (editor, dpo_test_is_shown_button, "Last name");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_clear_pointer (&body, g_free);
  body = body_text (editor);
  g_assert_cmpstr (body, ==, "Dear {{last_name}},\n\nSorry.");
  g_assert_cmpstr (preview (editor), ==, DRAFT_SUBJECT "\n\nDear Martin,\n\nSorry.");

  /* An unknown placeholder: the reason shown, nothing saved, the text kept. */
  set_body (editor, "Dear {{last_name}},\n\nMadame {{nom}}");
  g_assert_true (gtk_widget_activate_action (editor, "notice.save", NULL));
  g_assert_nonnull (dpo_notice_editor_get_error (DPO_NOTICE_EDITOR (editor)));
  g_assert_true (g_str_has_prefix (dpo_notice_editor_get_error (DPO_NOTICE_EDITOR (editor)),
                                   "Text: Unknown placeholder {{nom}} on line 3."));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (dpo_test_get_by_id (editor, "error_revealer"))));
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpint (stored_notices (path), ==, 0);

  /* Corrected and saved: the editor closes, the view shows the subject. */
  set_body (editor, "Dear {{last_name}},\n\nSorry.");
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  g_assert_true (dpo_notice_editor_save (DPO_NOTICE_EDITOR (editor)));
  dpo_test_wait_until (dpo_test_is_null, &weak);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_body = "
                                             "'Dear {{last_name}},\n\nSorry.'"), ==, 1);
  dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_row_titled, DRAFT_SUBJECT);

  /* Reopened: the stored notice; Draft from Incident refills it; closing
   * asks first, and Discard keeps what is stored. */
  editor = open_editor (view);
  gtk_test_widget_wait_for_draw (editor);
  g_clear_pointer (&body, g_free);
  body = body_text (editor);
  g_assert_cmpstr (body, ==, "Dear {{last_name}},\n\nSorry.");
  g_signal_emit_by_name (dpo_test_get_by_id (editor, "draft_button"), "clicked");
  g_clear_pointer (&body, g_free);
  body = body_text (editor);
  g_assert_nonnull (strstr (body, "On 1 February 2024, we were informed that our processor Viamedis"));
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  alive = g_object_ref (editor);    /* as test-ui-forms' assert_guarded(), until the dialog is done */
  gtk_window_close (GTK_WINDOW (editor));
  dpo_test_wait_until (dpo_test_has_message_dialog, "Discard Changes?");
  adw_message_dialog_response (dpo_test_find_message_dialog ("Discard Changes?"), "discard");
  g_clear_object (&alive);
  dpo_test_wait_until (dpo_test_is_null, &weak);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_body = "
                                             "'Dear {{last_name}},\n\nSorry.'"), ==, 1);

  /* With people recorded as affected, the preview is written to one of them. */
  dpo_test_exec (path, "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 1 "
                       "FROM incidents i, subjects s WHERE s.id = 'S-0001';"
                       "INSERT INTO contract_beneficiaries (contract, subject) SELECT c.pk, s.pk "
                       "FROM contracts c, subjects s WHERE c.number = 'CT-2019-0042' AND s.id = 'S-0003';"
                       "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 0 "
                       "FROM incidents i, subjects s WHERE s.id = 'S-0003'");
  editor = open_editor (view);
  set_body (editor, "Dear {{first_name}} {{last_name}} ({{member_number}}),\n\nAlso: {{co_insured}}.");
  g_assert_true (g_str_has_suffix (preview (editor), "Dear Claire Martin (IP-104233),\n\nAlso: Sophie Lefèvre."));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (dpo_test_get_by_id (editor, "preview_group"))),
                            "Claire Martin (S-0001), affected by this incident"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dpo_test_get_by_id (editor, "co_insured_toggle")), FALSE);
  g_assert_true (g_str_has_suffix (preview (editor), "\n\nDear Claire Martin (IP-104233),"));
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/notice/edit-and-save", test_edit_and_save);

  return g_test_run ();
}
