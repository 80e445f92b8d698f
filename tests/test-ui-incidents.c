/* test-ui-incidents.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-computed.h"
#include "dpo-entry-editor.h"
#include "dpo-incident-editor.h"
#include "dpo-incident-view.h"
#include "dpo-import.h"
#include "dpo-incidents-page.h"
#include "dpo-store.h"
#include "dpo-timeline-row.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* "2024-01-29 10:00", local time, @hours from now. */
static char *
local_time_text (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) time = g_date_time_add_hours (now, hours);

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static const DpoIncident *
view_incident (GtkWidget *view)
{
  return dpo_incident_view_get_incident (DPO_INCIDENT_VIEW (view));
}

static gboolean
view_notified (gpointer view)
{
  const DpoIncident *incident = view_incident (view);

  return incident != NULL && incident->cnil_notified_at != NULL;
}

static gboolean
view_not_notified (gpointer view)
{
  const DpoIncident *incident = view_incident (view);

  return incident != NULL && incident->cnil_notified_at == NULL;
}

static gboolean
view_has_two_notifications (gpointer view)
{
  const DpoIncident *incident = view_incident (view);

  return incident != NULL && incident->notifications->len == 2;
}

/* The timeline's rows come from their template: a marker has no buttons;
 * the row flagged "Before awareness" deletes that notification. */
static void
assert_timeline_rows (GtkWidget *view,
                      gint64     flagged_rowid)
{
  GtkWidget *marker = dpo_test_find_widget (view, dpo_test_is_row_titled,
                                            "Awareness: the 72-hour clock starts");
  GtkWidget *flag = dpo_test_find_widget (view, dpo_test_is_shown_label, "Before awareness");
  GtkWidget *row, *button;
  GVariant *target;
  gint64 rowid;
  int kind;

  g_assert_true (DPO_IS_TIMELINE_ROW (marker));
  g_assert_true (gtk_widget_has_css_class (marker, "timeline-marker"));
  g_assert_null (dpo_test_find_widget (marker, dpo_test_is_shown_button, NULL));

  g_assert_nonnull (flag);
  row = gtk_widget_get_ancestor (flag, DPO_TYPE_TIMELINE_ROW);
  g_assert_nonnull (row);
  button = dpo_test_find_widget (row, dpo_test_is_shown_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "incident.edit-entry");
  button = gtk_widget_get_next_sibling (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "incident.delete-entry");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_variant_get (target, "(ix)", &kind, &rowid);
  g_assert_cmpint (kind, ==, DPO_CHILD_NOTIFICATION);
  g_assert_cmpint (rowid, ==, flagged_rowid);
}

static const char *
error_text (GtkWidget *editor)
{
  GtkWidget *revealer = dpo_test_get_by_id (editor, "error_revealer");

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  return gtk_label_get_text (GTK_LABEL (dpo_test_get_by_id (editor, "error_label")));
}

/* The editor refuses an empty title, then an impossible count; nothing is
 * saved; then the incident is saved and its view opens. */
static GtkWidget *
create_incident (DpoWindow *window,
                 DpoStore  *store)
{
  g_autofree char *aware = local_time_text (-2);
  g_autoptr(DpoIncident) saved = NULL;
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-incident", NULL));
  editor = dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_EDITOR);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (dpo_test_get_by_id (editor, "reference_row"))),
                                   "INC-"));

  dpo_test_set_text (editor, "reference_row", "INC-TEST-1");
  dpo_test_set_text (editor, "aware_entry", aware);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dpo_test_find_widget (editor, dpo_test_has_name, "nature-confidentiality")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dpo_test_find_widget (editor, dpo_test_has_name, "data-nir")), TRUE);

  /* No title: refused, said beside the form, the field marked, nothing saved. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_test_message ("Refused: %s", error_text (editor));
  g_assert_true (g_str_has_prefix (error_text (editor), "Title: "));
  g_assert_true (gtk_widget_has_css_class (dpo_test_get_by_id (editor, "title_row"), "error"));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);
  g_assert_true (dpo_test_find_toplevel (DPO_TYPE_INCIDENT_EDITOR) == GTK_WINDOW (editor));

  /* A negative count, and an awareness that cannot be read. */
  dpo_test_set_text (editor, "title_row", "Test breach at the third-party payer");
  dpo_test_set_text (editor, "subjects_count_entry", "-5");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_cmpstr (error_text (editor), ==, "Approximate number of persons: cannot be negative");
  dpo_test_set_text (editor, "subjects_count_entry", "18 000");
  dpo_test_set_text (editor, "aware_entry", "yesterday");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (g_str_has_prefix (error_text (editor), "Awareness: "));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);

  dpo_test_set_text (editor, "aware_entry", aware);
  dpo_test_set_text (editor, "processor_row", "Viamedis");
  dpo_test_set_text (editor, "other_data_row", "Viamedis extract, ");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  dpo_test_wait_until (dpo_test_toplevel_gone, GSIZE_TO_POINTER (DPO_TYPE_INCIDENT_EDITOR));

  saved = dpo_store_get_incident (store, "INC-TEST-1", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->approx_subjects, ==, 18000);
  g_assert_cmpstr (saved->risk, ==, "risk");
  g_assert_cmpstr (saved->natures[0], ==, "confidentiality");
  g_assert_true (g_strv_contains ((const char * const *) saved->data_categories, "nir"));
  g_assert_true (g_strv_contains ((const char * const *) saved->data_categories, "Viamedis extract"));
  g_assert_cmpuint (g_strv_length (saved->data_categories), ==, 2);

  return dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_VIEW);
}

static void
add_notification (GtkWidget  *view,
                  const char *authority_word,
                  int         hours)
{
  g_autofree char *sent = local_time_text (hours);
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (view, "incident.add-entry", "s", "notification"));
  editor = dpo_test_wait_for_toplevel (DPO_TYPE_ENTRY_EDITOR);
  if (g_strcmp0 (authority_word, "anssi") == 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (dpo_test_get_by_id (editor, "authority_row")), 1);
  dpo_test_set_text (editor, "notification_sent_entry", sent);
  dpo_test_set_text (editor, "notification_reference_row", "REF-1");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  dpo_test_wait_until (dpo_test_toplevel_gone, GSIZE_TO_POINTER (DPO_TYPE_ENTRY_EDITOR));
}

static void
test_create_notify_undo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(DpoIncident) stored = NULL;
  gpointer view_ptr;
  DpoIncidentsPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *view, *button;
  DpoWindow *window;
  DpoStore *store;
  gint64 rowid;

  store = dpo_test_open_store (dir);
  window = dpo_test_present_window (store);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "incidents");
  page = DPO_INCIDENTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_INCIDENTS_PAGE));
  g_assert_nonnull (page);

  view = create_incident (window, store);
  view_ptr = view;
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);

  /* Pending: the list and the view count the hours left. */
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "INC-TEST-1");
  /* 69 h and some minutes: the countdown rounds down, as the view does. */
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Pending · 69 h left");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Pending");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label_prefix, "69 h ");

  /* Time passes (the store's "now"): the clock turns overdue without a
   * reload, and the view asks for the reason for the delay. */
  later = g_date_time_add_hours (view_incident (view)->aware_at, 73);
  dpo_store_set_now (store, later);
  dpo_incidents_page_refresh_clock (page);
  dpo_incident_view_refresh_clock (DPO_INCIDENT_VIEW (view));
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Overdue");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Reason for the delay: missing");
  g_assert_true (gtk_widget_activate_action (view, "incident.edit-reason", NULL));
  dialog = ADW_MESSAGE_DIALOG (dpo_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dpo_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW))),
                            "The processor told us late.", -1);
  adw_message_dialog_response (dialog, "save");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "The processor told us late.");
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Reason for the delay");
  dpo_store_set_now (store, NULL);
  dpo_incidents_page_refresh_clock (page);
  dpo_incident_view_refresh_clock (DPO_INCIDENT_VIEW (view));
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Pending · 69 h left");

  /* A notification dated before awareness, left by a database from before
   * issue 9 (the window refuses one now, see below): flagged. */
  {
    g_autofree char *path = dpo_test_database_of (dir);
    g_autoptr(GDateTime) early = g_date_time_add_hours (view_incident (view)->aware_at, -28);
    g_autofree char *early_text = dpo_time_to_storage (early);
    g_autofree char *sql = g_strdup_printf ("INSERT INTO notifications (incident, authority, "
                                            "authority_name, kind, sent_at) SELECT pk, 'other', 'ARS', "
                                            "'initial', '%s' FROM incidents", early_text);

    dpo_test_exec (path, sql);
  }

  /* An initial notification to the CNIL, through the GUI: notified on time. */
  add_notification (view, "cnil", -1);
  dpo_test_wait_until (view_notified, view);
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Notified on time");
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label, "Notified on time");
  dpo_test_wait_until (view_has_two_notifications, view);
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Before awareness");
  assert_timeline_rows (view, ((DpoNotification *) g_ptr_array_index (view_incident (view)->notifications, 0))->rowid);

  /* Issue 9: a new ANSSI notification is initial although the CNIL was
   * notified (the first to each authority); dated before awareness, it is
   * said as it is typed and refused, the form kept. */
  {
    g_autofree char *sent = local_time_text (-30);
    GtkWidget *editor, *label;
    AdwComboRow *authority, *kind;

    g_assert_true (gtk_widget_activate_action (view, "incident.add-entry", "s", "notification"));
    editor = dpo_test_wait_for_toplevel (DPO_TYPE_ENTRY_EDITOR);
    authority = ADW_COMBO_ROW (dpo_test_get_by_id (editor, "authority_row"));
    kind = ADW_COMBO_ROW (dpo_test_get_by_id (editor, "notification_kind_row"));
    g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, DPO_NOTIFICATION_COMPLEMENTARY);
    adw_combo_row_set_selected (authority, DPO_AUTHORITY_ANSSI);
    g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, DPO_NOTIFICATION_INITIAL);
    label = dpo_test_get_by_id (editor, "suspicious_label");
    g_assert_false (gtk_widget_get_visible (label));
    dpo_test_set_text (editor, "notification_sent_entry", sent);
    g_assert_true (gtk_widget_get_visible (label));
    g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
    g_test_message ("Refused: %s", error_text (editor));
    g_assert_true (g_str_has_prefix (error_text (editor), "Sent: "));
    g_assert_nonnull (strstr (error_text (editor), "correct the notification’s date or the awareness date"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dpo_test_get_by_id (editor, "notification_sent_entry"))),
                     ==, sent);
    g_assert_true (dpo_test_find_toplevel (DPO_TYPE_ENTRY_EDITOR) == GTK_WINDOW (editor));
    g_assert_cmpuint (view_incident (view)->notifications->len, ==, 2);
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* Deleting the CNIL notification offers to undo it. */
  rowid = ((DpoNotification *) g_ptr_array_index (view_incident (view)->notifications, 1))->rowid;
  g_assert_cmpstr (((DpoNotification *) g_ptr_array_index (view_incident (view)->notifications, 1))->authority,
                   ==, "cnil");
  g_assert_true (gtk_widget_activate_action (view, "incident.delete-entry", "(ix)",
                                             DPO_CHILD_NOTIFICATION, rowid));
  dpo_test_wait_until (view_not_notified, view);
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Pending");
  dpo_test_wait_for_widget (GTK_WIDGET (window), dpo_test_is_shown_label_prefix, "Pending · ");
  button = dpo_test_wait_for_widget (view, dpo_test_is_shown_button, "_Undo");
  g_signal_emit_by_name (button, "clicked");
  dpo_test_wait_until (view_notified, view);
  dpo_test_wait_for_widget (view, dpo_test_is_shown_label, "Notified on time");
  stored = dpo_store_get_incident (store, "INC-TEST-1", NULL);
  g_assert_cmpuint (stored->notifications->len, ==, 2);
  g_assert_cmpint (dpo_incident_get_cnil_status (stored, NULL), ==, DPO_CNIL_ON_TIME);

  /* Closed, it opens again from the register (a row activated). */
  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_wait_until (dpo_test_is_null, &view_ptr);
  g_signal_emit_by_name (dpo_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW),
                         "activate", 0);
  view = dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_VIEW);
  g_assert_cmpstr (dpo_incident_view_get_id (DPO_INCIDENT_VIEW (view)), ==, "INC-TEST-1");
  view_ptr = view;
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);

  /* Deleting the incident asks first. */
  g_assert_true (gtk_widget_activate_action (view, "incident.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (dpo_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 1);
  adw_message_dialog_response (dialog, "delete");
  dpo_test_wait_until (dpo_test_is_null, &view_ptr);
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);

  /* Nothing keeps the window or the database alive. */
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static gboolean
is_shown_label_containing (GtkWidget     *widget,
                           gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

/* Issue 9: the story tells what was said to the people. */
static void
test_communication_message_in_story (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *example = dpo_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (example);
  DpoStore *store = dpo_test_open_store (dir);
  DpoWindow *window;
  GtkWidget *view;

  g_assert_true (dpo_import_file (store, file, NULL, NULL));
  window = dpo_test_present_window (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-incident", "s", "INC-2024-01"));
  view = dpo_test_wait_for_toplevel (DPO_TYPE_INCIDENT_VIEW);
  dpo_test_wait_for_widget (view, is_shown_label_containing,
                            "Vos nom, date de naissance et numéro de sécurité sociale");
  dpo_test_wait_for_widget (view, is_shown_label_containing, "Courrier reprenant l'information");
  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* The CNIL countdown rounds down (issue 9): at 61 h 56 min left it says
 * 61 h, and the last hour counts its minutes. */
static void
test_cnil_countdown_rounds_down (void)
{
  g_autoptr(DpoIncident) incident = dpo_incident_new ();
  static const struct { gint64 seconds_left; const char *text; } cases[] = {
    { (61 * 60 + 56) * 60, "Pending · 61 h left" },
    { 72 * 3600, "Pending · 72 h left" },
    { 72 * 3600 - 30, "Pending · 71 h left" },
    { 2 * 3600 - 1, "Pending · 1 h left" },
    { 59 * 60 + 59, "Pending · 59 min left" },
    { 30, "Pending · 0 min left" },
  };

  incident->risk = g_strdup ("risk");
  incident->aware_at = g_date_time_new_utc (2026, 11, 27, 9, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_seconds (incident->aware_at,
                                                          72 * 3600 - cases[i].seconds_left);
      const char *css_class = NULL;
      g_autofree char *text = dpo_incidents_page_describe_cnil (incident, now, &css_class);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (css_class, ==, "cnil-pending");
    }
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/incidents/create-notify-undo", test_create_notify_undo);
  g_test_add_func ("/ui/incidents/communication-message-in-story", test_communication_message_in_story);
  g_test_add_func ("/ui/incidents/cnil-countdown-rounds-down", test_cnil_countdown_rounds_down);

  return g_test_run ();
}
