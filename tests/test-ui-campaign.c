/* test-ui-campaign.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "dpo-campaign-dialog.h"
#include "dpo-incident-view.h"
#include "dpo-test-util.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* Inform the People…: the households by channel, the campaign written on
 * a worker thread, its result, and Cancel leaving nothing. */

#define INCIDENT "INC-2024-01"

/* The example scenario, with a notice, two postal addresses and everyone
 * affected; @extra more people by post, for a campaign that takes time. */
static DpoStore *
campaign_store (char **path,
                guint  extra)
{
  DpoStore *store = dpo_test_example_store ("2024-02-08", path);
  g_autofree char *more = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO subjects (id, last_name, first_name, postal_address) "
    "SELECT 'P-' || i, 'Nom' || i, 'Prénom', '1 rue de Rivoli\n75001 Paris' FROM n;", extra);

  dpo_test_exec (*path,
                 "UPDATE subjects SET postal_address = '5 rue des Lilas\n69003 Lyon' "
                 "WHERE id IN ('S-0002', 'S-0004');"
                 "UPDATE incidents SET notice_subject = 'Vos données', "
                 "notice_body = 'Bonjour {{first_name}} {{last_name}},';");
  if (extra > 0)
    dpo_test_exec (*path, more);
  dpo_test_exec (*path, "INSERT INTO affected SELECT i.pk, s.pk, 1 FROM incidents i, subjects s;");
  return store;
}

static gboolean
write_enabled (gpointer dialog)
{
  return gtk_widget_get_sensitive (dpo_test_get_by_id (dialog, "write_button"));
}

/* The dialog, once its households are counted (on a worker). */
static DpoCampaignDialog *
open_dialog (DpoWindow  *window,
             DpoStore   *store)
{
  DpoIncidentView *view = dpo_incident_view_present (GTK_WINDOW (window), store, INCIDENT);
  GtkWidget *dialog;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "incident.inform", NULL));
  dialog = dpo_test_wait_for_toplevel (DPO_TYPE_CAMPAIGN_DIALOG);
  dpo_test_wait_until (write_enabled, dialog);
  return DPO_CAMPAIGN_DIALOG (dialog);
}

static const char *
subtitle (GtkWidget  *dialog,
          const char *id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (dpo_test_get_by_id (dialog, id)));
}

static gboolean
stack_shows (gpointer data)
{
  GtkStack *stack = data;
  const char *name = g_object_get_data (G_OBJECT (stack), "dpo-expected");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

static void
wait_for_page (GtkWidget  *dialog,
               const char *name)
{
  GtkWidget *stack = dpo_test_get_by_id (dialog, "stack");

  g_object_set_data_full (G_OBJECT (stack), "dpo-expected", g_strdup (name), g_free);
  dpo_test_wait_until (stack_shows, stack);
}

static void
test_campaign (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = campaign_store (&path, 0);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoCampaignDialog *dialog = open_dialog (window, store);
  g_autofree char *folder = NULL;
  g_autofree char *mbox = NULL;
  g_autofree char *letters = NULL;

  /* Claire and Sophie by email; Luc, Paolo and the Girard family (Nathalie
   * and the two beneficiaries of her contract) by post; Maria unreachable. */
  g_assert_cmpstr (subtitle (GTK_WIDGET (dialog), "email_row"), ==, "2 households, 2 people");
  g_assert_cmpstr (subtitle (GTK_WIDGET (dialog), "post_row"), ==, "3 households, 5 people");
  g_assert_cmpstr (subtitle (GTK_WIDGET (dialog), "unreachable_row"), ==, "1 household, 1 person");

  dpo_test_set_text (GTK_WIDGET (dialog), "date_entry", "2024-02-08");
  dpo_campaign_dialog_set_location (dialog, location);
  folder = g_file_get_path (dpo_campaign_dialog_get_folder (dialog));
  g_assert_true (g_str_has_prefix (folder, dir));
  g_signal_emit_by_name (dpo_test_get_by_id (GTK_WIDGET (dialog), "write_button"), "clicked");
  wait_for_page (GTK_WIDGET (dialog), "result");
  g_assert_nonnull (dpo_test_find_widget (GTK_WIDGET (dialog), dpo_test_is_shown_status_page,
                                          "Messages Written"));

  mbox = g_build_filename (folder, "emails.mbox", NULL);
  letters = g_build_filename (folder, "letters.pdf", NULL);
  g_assert_true (g_file_test (mbox, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (letters, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM communications "
                                             "WHERE message = 'Vos données'"), ==, 2);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM informed"), ==, 7);

  gtk_window_destroy (GTK_WINDOW (dialog));
  dpo_test_destroy_window (window, NULL);
  dpo_test_remove_tree (folder);
  dpo_test_remove_tree (dir);
}

/* Cancel while the letters are written: back to the plan, no folder, no
 * hidden folder beside it, nothing recorded. */
static void
test_cancel (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = campaign_store (&path, 300);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoCampaignDialog *dialog = open_dialog (window, store);
  g_autoptr(GDir) listing = NULL;
  gint64 before = dpo_test_query_int (path, "SELECT count (*) FROM communications");

  dpo_campaign_dialog_set_location (dialog, location);
  g_signal_emit_by_name (dpo_test_get_by_id (GTK_WIDGET (dialog), "write_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dpo_test_get_by_id (GTK_WIDGET (dialog), "stack"))),
                   ==, "progress");
  g_signal_emit_by_name (dpo_test_get_by_id (GTK_WIDGET (dialog), "cancel_button"), "clicked");
  wait_for_page (GTK_WIDGET (dialog), "plan");

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM communications"), ==, before);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM informed"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  dpo_test_destroy_window (window, NULL);
  dpo_test_remove_tree (dir);
}

/* Nobody affected: the action is off. */
static void
test_disabled_without_affected (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-02-08", &path);
  DpoWindow *window = dpo_test_present_window (store);
  DpoIncidentView *view = dpo_incident_view_present (GTK_WINDOW (window), store, INCIDENT);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  /* A disabled action is found but does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (view), "incident.inform", NULL);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dpo_test_find_toplevel (DPO_TYPE_CAMPAIGN_DIALOG));
  dpo_test_destroy_window (window, NULL);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/campaign/write", test_campaign);
  g_test_add_func ("/ui/campaign/cancel", test_cancel);
  g_test_add_func ("/ui/campaign/disabled-without-affected", test_disabled_without_affected);

  return g_test_run ();
}
