/* test-ui-forms.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dpo-editor-dialog.h"
#include "dpo-entry-editor.h"
#include "dpo-import.h"
#include "dpo-incident-editor.h"
#include "dpo-incident-view.h"
#include "dpo-incidents-page.h"
#include "dpo-list-page.h"
#include "dpo-request-view.h"
#include "dpo-requests-page.h"
#include "dpo-timeline-row.h"
#include "dpo-person-editor.h"
#include "dpo-request-editor.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* The forms (issue 9): nothing typed is lost when an editor is closed,
 * cancelled or Escaped; dates typed as the locale writes them, or picked
 * from a calendar; a date in neither form refused, naming the field, with
 * what was typed kept. */

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* How a person leaves a form: 0 Escape (its key binding), 1 the Cancel
 * button or the close button (window.close), 2 the window manager. */
static void
leave (GtkWindow *window,
       int        how)
{
  if (how == 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  else if (how == 1)
    {
      GtkWidget *cancel = dpo_test_find_widget (GTK_WIDGET (window), dpo_test_is_shown_button, "Cancel");

      if (cancel != NULL)
        gtk_widget_activate (cancel);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
    }
  else
    gtk_window_close (window);
}

/* @window has a change typed in: each way out asks, Keep Editing keeps
 * the window and the text, Discard closes it. */
static void
assert_guarded (GtkWindow  *window,
                GtkWidget  *editable,
                const char *typed)
{
  g_autoptr(GtkWindow) alive = g_object_ref (window);
  GtkWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  for (int how = 0; how < 3; how++)
    {
      AdwMessageDialog *dialog;

      leave (window, how);
      dpo_test_wait_until (dpo_test_has_message_dialog, "Discard Changes?");
      dialog = dpo_test_find_message_dialog ("Discard Changes?");
      g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
      g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, "_Keep Editing");
      g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "discard"), ==, "_Discard");
      adw_message_dialog_response (dialog, "keep");
      gtk_window_close (GTK_WINDOW (dialog));
      dpo_test_wait_until (dpo_test_no_message_dialog, "Discard Changes?");
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editable)), ==, typed);
    }

  leave (window, 0);
  dpo_test_wait_until (dpo_test_has_message_dialog, "Discard Changes?");
  /* Nothing but the window's own reference while Discard is answered, as
   * in the running application: the window must not go while the dialog
   * is still emitting its response. */
  g_clear_object (&alive);
  adw_message_dialog_response (dpo_test_find_message_dialog ("Discard Changes?"), "discard");
  dpo_test_wait_until (dpo_test_is_null, &weak);
}

/* Unchanged: closes at once, nothing asked. */
static void
assert_closes_unasked (GtkWindow *window)
{
  GtkWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  leave (window, 0);
  iterate (50);
  g_assert_null (dpo_test_find_message_dialog ("Discard Changes?"));
  dpo_test_wait_until (dpo_test_is_null, &weak);
}

static void
test_person_editor_asks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-forms-XXXXXX", NULL);
  DpoStore *store = dpo_test_open_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoEditorDialog *dialog;
  GtkWidget *row;

  dialog = dpo_person_editor_present (GTK_WIDGET (window), store, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  assert_closes_unasked (GTK_WINDOW (dialog));

  dialog = dpo_person_editor_present (GTK_WIDGET (window), store, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  row = dpo_test_get_by_id (GTK_WIDGET (dialog), "last_name_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "Lefèvre");
  assert_guarded (GTK_WINDOW (dialog), row, "Lefèvre");
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 0);

  /* Saved: closes without asking. */
  dialog = dpo_person_editor_present (GTK_WIDGET (window), store, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  dpo_test_set_text (GTK_WIDGET (dialog), "last_name_row", "Lefèvre");
  dpo_test_set_text (GTK_WIDGET (dialog), "first_name_row", "Sophie");
  {
    DpoEditorDialog *weak = dialog;

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
    g_assert_true (dpo_editor_dialog_accept (dialog));
    iterate (50);
    g_assert_null (dpo_test_find_message_dialog ("Discard Changes?"));
    dpo_test_wait_until (dpo_test_is_null, &weak);
  }
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 1);

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static void
test_incident_editors_ask (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-forms-XXXXXX", NULL);
  DpoStore *store = dpo_test_open_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  DpoIncidentEditor *editor;
  DpoEntryEditor *entry_editor;
  GtkWidget *widget;

  editor = dpo_incident_editor_new (GTK_WINDOW (window), store, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  assert_closes_unasked (GTK_WINDOW (editor));

  editor = dpo_incident_editor_new (GTK_WINDOW (window), store, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  widget = dpo_test_get_by_id (GTK_WIDGET (editor), "title_row");
  gtk_editable_set_text (GTK_EDITABLE (widget), "Mailing sent to the wrong members");
  assert_guarded (GTK_WINDOW (editor), widget, "Mailing sent to the wrong members");

  {
    g_autofree char *example_path = dpo_test_example_path ();
    g_autoptr(GFile) example = g_file_new_for_path (example_path);

    g_assert_true (dpo_import_file (store, example, NULL, &error));
    g_assert_no_error (error);
  }
  incident = dpo_store_get_incident (store, "INC-2024-01", &error);
  g_assert_no_error (error);

  entry_editor = dpo_entry_editor_new (GTK_WINDOW (window), store, incident, DPO_CHILD_EVENT, NULL);
  gtk_window_present (GTK_WINDOW (entry_editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (entry_editor));
  widget = dpo_test_get_by_id (GTK_WIDGET (entry_editor), "event_at_entry");
  gtk_editable_set_text (GTK_EDITABLE (widget), "27/11/2026 10:00");
  assert_guarded (GTK_WINDOW (entry_editor), widget, "27/11/2026 10:00");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static GtkWidget *
find_calendar_button (GtkWidget *row)
{
  return dpo_test_find_widget (row, dpo_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
}

/* French dates: typed, shown, picked from the calendar; a date in neither
 * form refused with the field named and the text kept. */
static void
test_dates_french (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-forms-XXXXXX", NULL);
  DpoStore *store = dpo_test_open_store (dir);
  DpoWindow *window = dpo_test_present_window (store);
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;
  g_autofree char *request_id = NULL;
  DpoEditorDialog *dialog;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *calendar;
  const char *tooltip;

  /* The dates as a French locale writes them; messages stay English. */
  g_assert_nonnull (setlocale (LC_TIME, "fr_FR.UTF-8"));

  dialog = dpo_person_editor_present (GTK_WIDGET (window), store, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  row = dpo_test_get_by_id (GTK_WIDGET (dialog), "birth_date_row");
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (strstr (tooltip, "29/11/2026"));
  g_assert_nonnull (dpo_test_find_widget (row, dpo_test_is_shown_label, "e.g. 29/11/2026"));

  /* The calendar fills the field in the locale's form. */
  button = find_calendar_button (row);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  calendar = dpo_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                   dpo_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  picked = g_date_time_new_local (1980, 3, 5, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), picked);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "05/03/1980");

  /* Neither form: refused, the field named, the text kept, nothing saved. */
  dpo_test_set_text (GTK_WIDGET (dialog), "last_name_row", "Martin");
  gtk_editable_set_text (GTK_EDITABLE (row), "31/31/1980");
  g_assert_false (dpo_editor_dialog_accept (dialog));
  g_test_message ("%s", dpo_editor_dialog_get_error (dialog));
  g_assert_true (g_str_has_prefix (dpo_editor_dialog_get_error (dialog), "Birth date: "));
  g_assert_nonnull (strstr (dpo_editor_dialog_get_error (dialog), "“31/31/1980”"));
  g_assert_nonnull (strstr (dpo_editor_dialog_get_error (dialog), "29/11/2026"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31/31/1980");
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (row), "05/03/1980");
  dpo_test_set_text (GTK_WIDGET (dialog), "first_name_row", "Claire");
  if (!dpo_editor_dialog_accept (dialog))
    g_error ("not saved: %s", dpo_editor_dialog_get_error (dialog));
  subject = dpo_store_get_subject (store, "S-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subject->birth_date, ==, "1980-03-05");

  /* Shown back in the locale's form when edited. */
  dialog = dpo_person_editor_present (GTK_WIDGET (window), store, subject);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dpo_test_get_by_id (GTK_WIDGET (dialog), "birth_date_row"))),
                   ==, "05/03/1980");
  gtk_window_close (GTK_WINDOW (dialog));

  /* A date and time: "29/11/2026 10:00" is 09:00 UTC in Paris. */
  request_id = dpo_request_editor_suggest_id (store);
  dialog = dpo_request_editor_present (GTK_WIDGET (window), store, NULL, "S-0001");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  row = dpo_test_get_by_id (GTK_WIDGET (dialog), "received_row");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "29/11/2026 10:00"));
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-13-40 10:00");
  g_assert_false (dpo_editor_dialog_accept (dialog));
  g_assert_true (g_str_has_prefix (dpo_editor_dialog_get_error (dialog), "Received: "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-13-40 10:00");
  gtk_editable_set_text (GTK_EDITABLE (row), "29/11/2026 10:00");
  if (!dpo_editor_dialog_accept (dialog))
    g_error ("not saved: %s", dpo_editor_dialog_get_error (dialog));

  request = dpo_store_get_request (store, request_id, &error);
  g_assert_no_error (error);
  received = dpo_time_to_storage (request->received_at);
  g_assert_cmpstr (received, ==, "2026-11-29T09:00:00Z");

  setlocale (LC_TIME, "C.UTF-8");
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static gboolean
is_row_with_label (GtkWidget     *widget,
                   gconstpointer  text)
{
  /* A list row: its cells' first children are the labels. */
  for (GtkWidget *cell = gtk_widget_get_first_child (widget);
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);

      if (GTK_IS_LABEL (child) && gtk_widget_get_parent (widget) != NULL &&
          !GTK_IS_COLUMN_VIEW (widget) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0 &&
          gtk_widget_get_first_child (child) == NULL &&
          g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_focusable_check (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

/* The smaller items of issue 9, point 10, in the window. */
static void
test_lists_and_story (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-forms-XXXXXX", NULL);
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2024, 1, 29, 9, 0, 0);
  DpoStore *store = dpo_test_open_store (dir);
  DpoWindow *window;
  DpoRequestsPage *requests;
  DpoIncidentsPage *incidents;
  DpoIncidentView *view;
  DpoIncidentEditor *editor;
  GtkWidget *row, *first, *second, *check, *summary;
  GtkAdjustment *adjustment;
  char *failure;

  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  window = dpo_test_present_window (store);

  /* Incidents open on one click, as requests do. */
  incidents = DPO_INCIDENTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_INCIDENTS_PAGE));
  requests = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  g_assert_true (gtk_column_view_get_single_click_activate (dpo_list_page_get_column_view (DPO_LIST_PAGE (requests))));
  g_assert_true (gtk_column_view_get_single_click_activate (dpo_list_page_get_column_view (DPO_LIST_PAGE (incidents))));

  /* Each list row has an accessible name: its cells' texts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "requests");
  dpo_test_wait_for_widget (GTK_WIDGET (requests), dpo_test_is_shown_label, "R-2024-0002");
  row = dpo_test_find_widget (GTK_WIDGET (dpo_list_page_get_column_view (DPO_LIST_PAGE (requests))),
                              is_row_with_label, "R-2024-0002");
  g_assert_nonnull (row);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL));
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  g_assert_nonnull (failure);   /* not empty */
  g_free (failure);

  /* A new request view starts at its top. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  dpo_requests_page_show_request (requests, "R-2024-0002");
  dpo_test_wait_for_widget (GTK_WIDGET (requests), dpo_test_is_shown_label, "Erasure · Martin Claire");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (dpo_test_get_by_id (GTK_WIDGET (dpo_requests_page_get_view (requests)), "scroller")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_adjustment_set_value (adjustment, 200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  dpo_requests_page_show_request (requests, "R-2024-0003");
  dpo_test_wait_for_widget (GTK_WIDGET (requests), dpo_test_is_shown_label, "Erasure · Bernard Luc");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* The incident: "about 18,000 persons", the risk in words, not "Risk". */
  view = dpo_incident_view_present (GTK_WINDOW (window), store, "INC-2024-01");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  summary = dpo_test_get_by_id (GTK_WIDGET (view), "summary_label");
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (summary)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "about 18,000 persons"));
  row = dpo_test_find_widget (GTK_WIDGET (view), dpo_test_is_row_titled, "Risk");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "A high risk to people");
  gtk_window_destroy (GTK_WINDOW (view));

  /* Story rows: each button names its own entry. */
  first = dpo_timeline_row_new_entry (at, "mail-send-symbolic", "Notification · CNIL", NULL, 1, 1, FALSE);
  second = dpo_timeline_row_new_entry (at, "mail-send-symbolic", "Notification · ANSSI", NULL, 1, 2, FALSE);
  g_object_ref_sink (first);
  g_object_ref_sink (second);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (dpo_test_get_by_id (first, "edit_button")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Edit: Notification · CNIL, 29 Jan 2024 10:00");
  g_assert_null (failure);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (dpo_test_get_by_id (second, "delete_button")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Delete: Notification · ANSSI, 29 Jan 2024 10:00");
  g_assert_null (failure);
  g_object_unref (first);
  g_object_unref (second);

  /* A checkbox row is one Tab stop: the check box, not the row too. */
  editor = dpo_incident_editor_new (GTK_WINDOW (window), store, NULL);
  check = dpo_test_find_widget (GTK_WIDGET (editor), is_focusable_check, NULL);
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_focusable (check));
  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW)));
  gtk_window_destroy (GTK_WINDOW (editor));

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/forms/person-editor-asks", test_person_editor_asks);
  g_test_add_func ("/ui/forms/incident-editors-ask", test_incident_editors_ask);
  g_test_add_func ("/ui/forms/dates-french", test_dates_french);
  g_test_add_func ("/ui/forms/lists-and-story", test_lists_and_story);

  return g_test_run ();
}
