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
#include "dpo-hold-editor.h"
#include "dpo-person-view.h"
#include "dpo-preferences-window.h"
#include "dpo-request-execute.h"
#include "dpo-requests-page.h"
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

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_shown_button_in_row (GtkWidget     *widget,
                        gconstpointer  row_title)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && row != NULL &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), row_title) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Lift") == 0;
}

/* Paul has no hold: the DPO adds one until lifted, a wrong one is refused
 * naming the field, and Lift ends the running hold on the as-of day. */
static void
test_holds (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-er-XXXXXX", NULL);
  DpoStore *store = open_family (dir);
  DpoWindow *window = dpo_test_present_window (store);
  g_autoptr(DpoSubject) paul = NULL;
  g_autoptr(GError) error = NULL;
  DpoPersonView *view;
  DpoEditorDialog *dialog;
  GtkWidget *form;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-4");
  view = DPO_PERSON_VIEW (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PERSON_VIEW));
  dpo_test_wait_for_widget (GTK_WIDGET (view), is_mapped_row_titled, "No legal holds");
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (view), dpo_test_is_shown_button, "Add Hold…"));
  dpo_test_wait_for_toplevel (DPO_TYPE_EDITOR_DIALOG);
  dialog = DPO_EDITOR_DIALOG (dpo_test_find_toplevel (DPO_TYPE_EDITOR_DIALOG));
  form = dpo_editor_dialog_get_form (dialog);
  g_assert_true (DPO_IS_HOLD_EDITOR (form));

  /* Ending before it starts: refused, the dialog stays. */
  dpo_test_set_text (form, "since_row", "2024-01-15");
  dpo_test_set_text (form, "until_row", "2024-01-14");
  g_assert_false (dpo_editor_dialog_accept (dialog));
  g_assert_nonnull (strstr (dpo_editor_dialog_get_error (dialog), "a hold ending before it starts"));

  dpo_test_set_text (form, "until_row", "");
  dpo_test_set_text (form, "note_row", "Tribunal judiciaire de Lyon, RG 24/01234");
  g_assert_true (dpo_editor_dialog_accept (dialog));
  dpo_test_wait_for_widget (GTK_WIDGET (view), is_mapped_row_titled,
                            "Litigation · Since 15 January 2024, until lifted");

  /* Lift, as of 1 March 2024: it ran until the day before, the data may
   * be erased from that day. */
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (view), is_shown_button_in_row, "Litigation"));
  dpo_test_wait_for_widget (GTK_WIDGET (view), is_mapped_row_titled,
                            "Litigation · Since 15 January 2024, ended on 29 February 2024");
  paul = dpo_store_get_subject (store, "S-4", &error);
  g_assert_cmpuint (paul->holds->len, ==, 1);
  g_assert_cmpstr (((DpoHold *) g_ptr_array_index (paul->holds, 0))->until, ==, "2024-02-29");
  g_assert_cmpstr (((DpoHold *) g_ptr_array_index (paul->holds, 0))->note, ==,
                   "Tribunal judiciaire de Lyon, RG 24/01234");

  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* Preferences: 45 years is refused in words under the row and the stored
 * value stays; 5 is kept in the database. */
static void
test_preferences (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-er-XXXXXX", NULL);
  DpoStore *store = open_family (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPreferencesWindow *prefs = dpo_preferences_window_new (GTK_WINDOW (window), store);
  GtkWidget *spin;

  gtk_window_present (GTK_WINDOW (prefs));
  spin = dpo_test_wait_for_widget (GTK_WIDGET (prefs), dpo_test_has_name, "retention_spin");
  dpo_test_wait_for_widget (GTK_WIDGET (prefs), is_mapped_label_containing,
                            "Code de la mutualité L221-11: claims arising from the contract are time-barred after 2 years");
  /* The cases of L221-11 named, not "5 and 10 years for some". */
  dpo_test_wait_for_widget (GTK_WIDGET (prefs), is_mapped_label_containing,
                            "5 years for incapacity for work, 10 years for death cover");
  gtk_editable_set_text (GTK_EDITABLE (spin), "45");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  dpo_test_wait_for_widget (GTK_WIDGET (prefs), is_mapped_label_containing, "from 0 to 30");
  g_assert_cmpuint (dpo_store_get_retention_years (store), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (spin), "5");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpuint (dpo_store_get_retention_years (store), ==, 5);
  g_assert_null (dpo_test_find_widget (GTK_WIDGET (prefs), is_mapped_label_containing, "from 0 to 30"));

  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_close (GTK_WINDOW (prefs));
  dpo_test_wait_until (dpo_test_is_null, &prefs);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* Paul's contract ended on 31 December 2020 and the data are kept five
 * years: Carry Out says beforehand that the erasure will be refused, why,
 * and from when it becomes possible. */
static gboolean
has_tooltip (gpointer widget)
{
  return gtk_widget_get_tooltip_text (widget) != NULL;
}

static void
test_confirmation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-er-XXXXXX", NULL);
  DpoStore *store = open_family (dir);
  DpoWindow *window = NULL;
  DpoRequestsPage *page;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (dpo_store_set_retention_years (store, 5, NULL));
  window = dpo_test_present_window (store);
  page = DPO_REQUESTS_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_REQUESTS_PAGE));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, "R-2");
  gtk_widget_activate (dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_button, "Carry Out…"));
  dpo_test_wait_until (dpo_test_has_message_dialog, "Carry Out the Erasure?");
  dialog = dpo_test_find_message_dialog ("Carry Out the Erasure?");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("Confirmation shown: %s", body);
  g_assert_nonnull (strstr (body, "The erasure will be refused"));
  g_assert_nonnull (strstr (body, "the contract C-9 ended on 31 December 2020 and its data are kept 5 years "
                                  "after it ends (Code de la mutualité L221-11); erasure becomes possible on "
                                  "1 January 2026."));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  dpo_test_wait_until (dpo_test_no_message_dialog, "Carry Out the Erasure?");

  /* The person view says it too, before any request. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-4");
  dpo_test_wait_for_widget (GTK_WIDGET (window), is_mapped_row_titled,
                            "An erasure request would be refused: possible from 1 January 2026");
  g_assert_nonnull (dpo_test_find_widget (GTK_WIDGET (window), has_subtitle_containing,
                                          "the contract C-9 ended on 31 December 2020"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-5");
  dpo_test_wait_for_widget (GTK_WIDGET (window), is_mapped_row_titled,
                            "An erasure request would be refused: possible from 1 January 2026");

  /* Refused: the request view's one-line row cuts the ground off; its
   * tooltip gives the whole ground as recorded. */
  g_assert_false (dpo_request_execute (store, "R-2", NULL, NULL, NULL));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "requests");
  dpo_requests_page_show_request (page, "R-2");
  {
    GtkWidget *ground = dpo_test_get_by_id (GTK_WIDGET (page), "refusal_ground_row");
    g_autoptr(DpoRequest) refused = dpo_store_get_request (store, "R-2", NULL);

    dpo_test_wait_until (has_tooltip, ground);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (ground), ==, refused->refusal_ground);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (ground), "erasure becomes possible on 1 January 2026."));
  }

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
  g_test_add_func ("/ui/erasure-rules/holds", test_holds);
  g_test_add_func ("/ui/erasure-rules/preferences", test_preferences);
  g_test_add_func ("/ui/erasure-rules/confirmation", test_confirmation);

  return g_test_run ();
}
