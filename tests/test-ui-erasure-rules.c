/* test-ui-erasure-rules.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dpo-beneficiary-list.h"
#include "dpo-contract-editor.h"
#include "dpo-import.h"
#include "dpo-person-view.h"
#include "dpo-test-family.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* The window's side of the erasure rules (issues 11 and 12): who a
 * contract covers, in the contract editor and the person view. */

#define DPO_TEST_WAIT_MS 10000

static DpoStore *
open_family (const char *dir)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (DPO_TEST_FAMILY, strlen (DPO_TEST_FAMILY));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  DpoStore *store = dpo_test_open_store (dir);
  GDate day;

  g_date_set_dmy (&day, 1, 3, 2024);
  now = dpo_time_end_of_local_day (&day);
  dpo_store_set_now (store, now);
  g_assert_true (dpo_import_bytes (store, bytes, "family.json", NULL, &error));
  g_assert_no_error (error);
  return store;
}

static gboolean
has_subtitle_containing (GtkWidget     *widget,
                         gconstpointer  text)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL;
}

static gboolean
is_mapped_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return dpo_test_is_row_titled (widget, title) && gtk_widget_get_mapped (widget);
}

/* The holder's contract names the people it covers; the beneficiary's
 * view says by whose contract she is covered, and leads to the holder. */
static void
test_person_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-er-XXXXXX", NULL);
  DpoStore *store = open_family (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPersonView *view;
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-1");
  view = DPO_PERSON_VIEW (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PERSON_VIEW));
  dpo_test_wait_for_widget (GTK_WIDGET (view), has_subtitle_containing, "Covers Anne Dupont, Léo Dupont");
  g_assert_null (dpo_test_find_widget (GTK_WIDGET (view), is_mapped_row_titled,
                                       "Covered by contract C-1 held by Jean Dupont"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-2");
  row = dpo_test_wait_for_widget (GTK_WIDGET (view), is_mapped_row_titled,
                                  "Covered by contract C-1 held by Jean Dupont");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Since"));
  /* The row leads to the holder. */
  gtk_widget_activate (row);
  dpo_test_wait_for_widget (GTK_WIDGET (view), has_subtitle_containing, "Covers Anne Dupont");
  g_assert_cmpstr (dpo_person_view_get_id (view), ==, "S-1");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0;
}

static gboolean
lise_gone (gpointer list)
{
  return dpo_test_find_widget (list, is_mapped_row_titled, "Lise Morel") == NULL;
}

/* Paul's ended contract covered Lise: the DPO finds Anne by name, adds
 * her, removes Lise, and saves: the store holds Anne alone. */
static void
test_contract_editor (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-er-XXXXXX", NULL);
  DpoStore *store = open_family (dir);
  DpoWindow *window = dpo_test_present_window (store);
  g_autoptr(DpoSubject) paul = dpo_store_get_subject (store, "S-4", NULL);
  g_autoptr(DpoSubject) saved = NULL;
  g_autoptr(GError) error = NULL;
  DpoEditorDialog *dialog;
  DpoContractEditor *editor;
  GtkWidget *list;
  const DpoContract *contract;

  dialog = dpo_contract_editor_present (GTK_WIDGET (window), store, "S-4",
                                        g_ptr_array_index (paul->contracts, 0));
  editor = DPO_CONTRACT_EDITOR (dpo_editor_dialog_get_form (dialog));
  list = dpo_contract_editor_get_beneficiaries (editor);
  dpo_test_wait_for_widget (list, is_mapped_row_titled, "Lise Morel");

  /* The holder is never offered; those listed already neither. */
  dpo_test_set_text (list, "search_row", "morel");
  dpo_test_wait_for_widget (list, is_mapped_row_titled, "No one else found");
  dpo_test_set_text (list, "search_row", "dupont");
  dpo_test_wait_for_widget (list, is_mapped_row_titled, "Jean Dupont");
  gtk_widget_activate (dpo_test_wait_for_widget (list, is_button_named, "Add Anne Dupont to the contract"));
  dpo_test_wait_for_widget (list, is_button_named, "Remove Anne Dupont from the contract");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dpo_test_get_by_id (list, "search_row"))), ==, "");
  gtk_widget_activate (dpo_test_wait_for_widget (list, is_button_named, "Remove Lise Morel from the contract"));
  dpo_test_wait_until (lise_gone, list);

  g_assert_true (dpo_contract_editor_save (editor, &error));
  g_assert_no_error (error);
  saved = dpo_store_get_subject (store, "S-4", &error);
  contract = g_ptr_array_index (saved->contracts, 0);
  g_assert_cmpuint (g_strv_length (contract->beneficiaries), ==, 1);
  g_assert_cmpstr (contract->beneficiaries[0], ==, "S-2");

  gtk_window_destroy (GTK_WINDOW (dialog));
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/erasure-rules/person-view", test_person_view);
  g_test_add_func ("/ui/erasure-rules/contract-editor", test_contract_editor);

  return g_test_run ();
}
