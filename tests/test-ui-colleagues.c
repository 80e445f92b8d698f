/* test-ui-colleagues.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-editor-dialog.h"
#include "dpo-import.h"
#include "dpo-incident-editor.h"
#include "dpo-person-editor.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* No silent overwrite, in the window (issue 13, item 4): an editor whose
 * record someone else saved meanwhile (a second store on the same file: a
 * second window) refuses to save, says so, and offers "Reload", which
 * shows the record as stored now; the change made again is then saved. */

static const char *
row_text (GtkWidget  *root,
          const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (dpo_test_get_by_id (root, id)));
}

static void
test_editors_offer_reload (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = dpo_test_database_of (dir);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_open_store (dir);
  g_autoptr(DpoStore) colleague = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(DpoSubject) theirs = NULL;
  g_autoptr(DpoSubject) stored = NULL;
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(DpoIncident) their_incident = NULL;
  g_autoptr(DpoIncident) stored_incident = NULL;
  DpoIncidentEditor *editor;
  DpoEditorDialog *dialog;
  DpoWindow *window;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  colleague = dpo_store_open (path, &error);
  g_assert_no_error (error);
  window = dpo_test_present_window (store);

  /* A person: the editor opened, then the colleague saves first. */
  subject = dpo_store_get_subject (store, "S-0001", NULL);
  dialog = dpo_person_editor_present (GTK_WIDGET (window), store, subject);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  theirs = dpo_store_get_subject (colleague, "S-0001", NULL);
  g_free (theirs->email);
  theirs->email = g_strdup ("theirs@example.org");
  g_assert_true (dpo_store_save_subject (colleague, theirs, &error));
  g_assert_no_error (error);

  dpo_test_set_text (GTK_WIDGET (dialog), "first_name_row", "Mine");
  g_assert_false (dpo_editor_dialog_accept (dialog));
  g_test_message ("%s", dpo_editor_dialog_get_error (dialog));
  /* On a server, the colleague's login (the tests' own). */
  g_assert_nonnull (strstr (dpo_editor_dialog_get_error (dialog),
                            dpo_test_engine_is_server () ? "Changed by dpo_admin" : "another window"));
  g_assert_true (dpo_editor_dialog_offers_reload (dialog));
  g_assert_nonnull (dpo_test_wait_for_widget (GTK_WIDGET (dialog), dpo_test_is_shown_button, "Reload"));
  stored = dpo_store_get_subject (colleague, "S-0001", NULL);
  g_assert_cmpstr (stored->first_name, !=, "Mine");

  /* Reload: the colleague's change shows, and mine, made again, is saved. */
  g_assert_true (dpo_editor_dialog_reload (dialog));
  g_assert_false (dpo_editor_dialog_offers_reload (dialog));
  g_assert_null (dpo_editor_dialog_get_error (dialog));
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "email_row"), ==, "theirs@example.org");
  dpo_test_set_text (GTK_WIDGET (dialog), "first_name_row", "Mine");
  if (!dpo_editor_dialog_accept (dialog))
    g_error ("not saved: %s", dpo_editor_dialog_get_error (dialog));
  g_clear_pointer (&stored, dpo_subject_free);
  stored = dpo_store_get_subject (colleague, "S-0001", NULL);
  g_assert_cmpstr (stored->first_name, ==, "Mine");
  g_assert_cmpstr (stored->email, ==, "theirs@example.org");

  /* An incident, in its own window: the same, through its actions. */
  incident = dpo_store_get_incident (store, "INC-2024-01", NULL);
  editor = dpo_incident_editor_new (GTK_WINDOW (window), store, incident);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  their_incident = dpo_store_get_incident (colleague, "INC-2024-01", NULL);
  g_free (their_incident->title);
  their_incident->title = g_strdup ("Their title");
  g_assert_true (dpo_store_save_incident (colleague, their_incident, &error));
  g_assert_no_error (error);

  dpo_test_set_text (GTK_WIDGET (editor), "processor_row", "My processor");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (editor);
  g_assert_nonnull (dpo_test_wait_for_widget (GTK_WIDGET (editor), dpo_test_is_shown_button, "Reload"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reload", NULL);
  g_assert_cmpstr (row_text (GTK_WIDGET (editor), "title_row"), ==, "Their title");
  g_assert_null (dpo_test_find_widget (GTK_WIDGET (editor), dpo_test_is_shown_button, "Reload"));
  dpo_test_set_text (GTK_WIDGET (editor), "processor_row", "My processor");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dpo_test_wait_until (dpo_test_is_null, &editor);
  stored_incident = dpo_store_get_incident (colleague, "INC-2024-01", NULL);
  g_assert_cmpstr (stored_incident->title, ==, "Their title");
  g_assert_cmpstr (stored_incident->processor, ==, "My processor");

  g_clear_object (&colleague);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/colleagues/editors-offer-reload", test_editors_offer_reload);

  return g_test_run ();
}
