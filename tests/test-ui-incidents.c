/* test-ui-incidents.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dpo-computed.h"
#include "dpo-entry-editor.h"
#include "dpo-incident-editor.h"
#include "dpo-incident-view.h"
#include "dpo-incidents-page.h"
#include "dpo-store.h"
#include "dpo-window.h"

#define WAIT_MS 10000

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
typedef gboolean (*Condition)   (gpointer       data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_shown_label_prefix (GtkWidget     *widget,
                       gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_shown_button (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
get_by_id (GtkWidget  *root,
           const char *id)
{
  GtkWidget *widget = find_widget (root, has_id, id);

  if (widget == NULL)
    g_error ("No widget “%s”", id);
  return widget;
}

static void
set_text (GtkWidget  *root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_by_id (root, id)), text);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting");
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

typedef struct
{
  GtkWidget     *root;
  WidgetMatch    match;
  gconstpointer  data;
} FindData;

static gboolean
widget_found (gpointer data)
{
  FindData *find = data;

  return find_widget (find->root, find->match, find->data) != NULL;
}

static GtkWidget *
wait_for_widget (GtkWidget     *root,
                 WidgetMatch    match,
                 gconstpointer  data)
{
  FindData find = { root, match, data };

  wait_until (widget_found, &find);
  return find_widget (root, match, data);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  GtkWindow *window = find_toplevel (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  return GTK_WIDGET (find_toplevel (type));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

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

static const char *
error_text (GtkWidget *editor)
{
  GtkWidget *revealer = get_by_id (editor, "error_revealer");

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  return gtk_label_get_text (GTK_LABEL (get_by_id (editor, "error_label")));
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
  editor = wait_for_toplevel (DPO_TYPE_INCIDENT_EDITOR);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (get_by_id (editor, "reference_row"))),
                                   "INC-"));

  set_text (editor, "reference_row", "INC-TEST-1");
  set_text (editor, "aware_entry", aware);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (editor, has_name, "nature-confidentiality")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (editor, has_name, "data-nir")), TRUE);

  /* No title: refused, said beside the form, the field marked, nothing saved. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_test_message ("Refused: %s", error_text (editor));
  g_assert_true (g_str_has_prefix (error_text (editor), "Title: "));
  g_assert_true (gtk_widget_has_css_class (get_by_id (editor, "title_row"), "error"));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);
  g_assert_true (find_toplevel (DPO_TYPE_INCIDENT_EDITOR) == GTK_WINDOW (editor));

  /* A negative count, and an awareness that cannot be read. */
  set_text (editor, "title_row", "Test breach at the third-party payer");
  set_text (editor, "subjects_count_entry", "-5");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_cmpstr (error_text (editor), ==, "Approximate number of persons: cannot be negative");
  set_text (editor, "subjects_count_entry", "18 000");
  set_text (editor, "aware_entry", "yesterday");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (g_str_has_prefix (error_text (editor), "Awareness: "));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);

  set_text (editor, "aware_entry", aware);
  set_text (editor, "processor_row", "Viamedis");
  set_text (editor, "other_data_row", "Viamedis extract, ");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  wait_until (toplevel_gone, GSIZE_TO_POINTER (DPO_TYPE_INCIDENT_EDITOR));

  saved = dpo_store_get_incident (store, "INC-TEST-1", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->approx_subjects, ==, 18000);
  g_assert_cmpstr (saved->risk, ==, "risk");
  g_assert_cmpstr (saved->natures[0], ==, "confidentiality");
  g_assert_true (g_strv_contains ((const char * const *) saved->data_categories, "nir"));
  g_assert_true (g_strv_contains ((const char * const *) saved->data_categories, "Viamedis extract"));
  g_assert_cmpuint (g_strv_length (saved->data_categories), ==, 2);

  return wait_for_toplevel (DPO_TYPE_INCIDENT_VIEW);
}

static void
add_notification (GtkWidget  *view,
                  const char *authority_word,
                  int         hours)
{
  g_autofree char *sent = local_time_text (hours);
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (view, "incident.add-entry", "s", "notification"));
  editor = wait_for_toplevel (DPO_TYPE_ENTRY_EDITOR);
  if (g_strcmp0 (authority_word, "anssi") == 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (get_by_id (editor, "authority_row")), 1);
  set_text (editor, "notification_sent_entry", sent);
  set_text (editor, "notification_reference_row", "REF-1");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  wait_until (toplevel_gone, GSIZE_TO_POINTER (DPO_TYPE_ENTRY_EDITOR));
}

static void
test_create_notify_undo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workbench.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(DpoIncident) stored = NULL;
  gpointer window_ptr, store_ptr, view_ptr;
  DpoIncidentsPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *view, *button;
  DpoWindow *window;
  DpoStore *store;
  gint64 rowid;

  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  window = dpo_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "incidents");
  page = DPO_INCIDENTS_PAGE (find_widget (GTK_WIDGET (window), is_type,
                                          GSIZE_TO_POINTER (DPO_TYPE_INCIDENTS_PAGE)));
  g_assert_nonnull (page);

  view = create_incident (window, store);
  view_ptr = view;
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);

  /* Pending: the list and the view count the hours left. */
  wait_for_widget (GTK_WIDGET (window), is_shown_label, "INC-TEST-1");
  wait_for_widget (GTK_WIDGET (window), is_shown_label, "Pending · 70 h left");
  wait_for_widget (view, is_shown_label, "Pending");
  wait_for_widget (view, is_shown_label_prefix, "69 h ");

  /* Time passes (the store's "now"): the clock turns overdue without a
   * reload, and the view asks for the reason for the delay. */
  later = g_date_time_add_hours (view_incident (view)->aware_at, 73);
  dpo_store_set_now (store, later);
  dpo_incidents_page_refresh_clock (page);
  dpo_incident_view_refresh_clock (DPO_INCIDENT_VIEW (view));
  wait_for_widget (GTK_WIDGET (window), is_shown_label, "Overdue");
  wait_for_widget (view, is_shown_label, "Reason for the delay: missing");
  g_assert_true (gtk_widget_activate_action (view, "incident.edit-reason", NULL));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), is_type,
                                                                                    GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)))),
                            "The processor told us late.", -1);
  adw_message_dialog_response (dialog, "save");
  wait_for_widget (view, is_shown_label, "The processor told us late.");
  wait_for_widget (view, is_shown_label, "Reason for the delay");
  dpo_store_set_now (store, NULL);
  dpo_incidents_page_refresh_clock (page);
  dpo_incident_view_refresh_clock (DPO_INCIDENT_VIEW (view));
  wait_for_widget (GTK_WIDGET (window), is_shown_label, "Pending · 70 h left");

  /* An initial notification to the CNIL, through the GUI: notified on time. */
  add_notification (view, "cnil", -1);
  wait_until (view_notified, view);
  wait_for_widget (view, is_shown_label, "Notified on time");
  wait_for_widget (GTK_WIDGET (window), is_shown_label, "Notified on time");

  /* An ANSSI notification dated before awareness: saved, but flagged. */
  add_notification (view, "anssi", -30);
  wait_until (view_has_two_notifications, view);
  wait_for_widget (view, is_shown_label, "Before awareness");

  /* Deleting the CNIL notification offers to undo it. */
  rowid = ((DpoNotification *) g_ptr_array_index (view_incident (view)->notifications, 1))->rowid;
  g_assert_cmpstr (((DpoNotification *) g_ptr_array_index (view_incident (view)->notifications, 1))->authority,
                   ==, "cnil");
  g_assert_true (gtk_widget_activate_action (view, "incident.delete-entry", "(ix)",
                                             DPO_CHILD_NOTIFICATION, rowid));
  wait_until (view_not_notified, view);
  wait_for_widget (view, is_shown_label, "Pending");
  wait_for_widget (GTK_WIDGET (window), is_shown_label_prefix, "Pending · ");
  button = wait_for_widget (view, is_shown_button, "_Undo");
  g_signal_emit_by_name (button, "clicked");
  wait_until (view_notified, view);
  wait_for_widget (view, is_shown_label, "Notified on time");
  stored = dpo_store_get_incident (store, "INC-TEST-1", NULL);
  g_assert_cmpuint (stored->notifications->len, ==, 2);
  g_assert_cmpint (dpo_incident_get_cnil_status (stored, NULL), ==, DPO_CNIL_ON_TIME);

  /* Closed, it opens again from the register (a row activated). */
  gtk_window_destroy (GTK_WINDOW (view));
  wait_until (is_null, &view_ptr);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)),
                         "activate", 0);
  view = wait_for_toplevel (DPO_TYPE_INCIDENT_VIEW);
  g_assert_cmpstr (dpo_incident_view_get_id (DPO_INCIDENT_VIEW (view)), ==, "INC-TEST-1");
  view_ptr = view;
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);

  /* Deleting the incident asks first. */
  g_assert_true (gtk_widget_activate_action (view, "incident.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 1);
  adw_message_dialog_response (dialog, "delete");
  wait_until (is_null, &view_ptr);
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);

  /* Nothing keeps the window or the database alive. */
  window_ptr = window;
  store_ptr = store;
  g_object_add_weak_pointer (G_OBJECT (window), &window_ptr);
  g_object_add_weak_pointer (G_OBJECT (store), &store_ptr);
  g_object_unref (store);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (is_null, &window_ptr);
  wait_until (is_null, &store_ptr);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/incidents/create-notify-undo", test_create_notify_undo);

  return g_test_run ();
}
