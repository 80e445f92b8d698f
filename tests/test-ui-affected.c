/* test-ui-affected.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "dpo-affected-check.h"
#include "dpo-affected-group.h"
#include "dpo-affected-import.h"
#include "dpo-affected-person.h"
#include "dpo-import.h"
#include "dpo-incident-view.h"
#include "dpo-people-page.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-ui-test-util.h"
#include "dpo-window.h"

/* The affected population in the window (issue 11, items 3 and 6): the
 * People page's "Am I affected?", the incident view's "Affected people"
 * with its import on a worker, and the person view's incidents.
 * With DPO_SHOT_DIR set, each step also saves a picture of the window
 * there (the screenshots of the report). */

#define INCIDENT "INC-2024-01"

static DpoStore *
open_example (const char *dir)
{
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *db = dpo_test_database_of (dir);
  DpoStore *store = dpo_test_open_store (dir);

  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  dpo_test_exec (db, "UPDATE subjects SET postal_address = '3 rue Haute, 75003 Paris' WHERE id = 'S-0002';"
                     "INSERT INTO contract_beneficiaries (contract, subject) SELECT c.pk, s.pk "
                     "FROM contracts c, subjects s WHERE c.number = 'CT-2019-0042' AND s.id = 'S-0004';"
                     "INSERT INTO informed (incident, subject, channel, sent_at) SELECT i.pk, s.pk, "
                     "'email', '2024-02-06' FROM incidents i, subjects s WHERE s.id = 'S-0001'");
  return store;
}

static char *
write_list (const char *dir,
            const char *name,
            const char *content)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("DPO_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Lets an animation (the person sliding in) end before a picture. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_numeric_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

/* The number a row of the "Affected people" group shows. */
static const char *
row_value (DpoAffectedGroup *group,
           const char       *title)
{
  GtkWidget *row = dpo_test_find_widget (GTK_WIDGET (group), dpo_test_is_row_titled, title);

  g_assert_nonnull (row);
  return gtk_label_get_text (GTK_LABEL (dpo_test_find_widget (row, is_numeric_label, NULL)));
}

static gboolean
answer_starts (gpointer data)
{
  DpoAffectedCheck *check = data;
  const char *expected = g_object_get_data (G_OBJECT (check), "expected");

  return g_str_has_prefix (dpo_affected_check_get_answer (check), expected);
}

static void
ask (DpoAffectedCheck *check,
     const char       *text,
     const char       *expected)
{
  g_object_set_data_full (G_OBJECT (check), "expected", g_strdup (expected), g_free);
  dpo_affected_check_ask (check, text);
  dpo_test_wait_until (answer_starts, check);
}

static void
test_people_and_incident (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-affected-XXXXXX", NULL);
  g_autofree char *list = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GFile) list_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  DpoStore *store = open_example (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPeoplePage *page = DPO_PEOPLE_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PEOPLE_PAGE));
  AdwViewStack *stack = ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  DpoAffectedCheck *check = dpo_people_page_get_affected_check (page);
  DpoIncidentView *view;
  DpoAffectedGroup *group;
  AdwMessageDialog *dialog;
  gpointer view_ptr;

  list = write_list (dir, "liste.csv", "nir;numero_adherent\n2 78 04 75 056 123 74;\n;IP-088112\n"
                                       "180057505600068;\n");
  bad = write_list (dir, "faux.csv", "nir;numero_adherent\n278047505612374;\n180057505600042;\n");
  list_file = g_file_new_for_path (list);
  bad_file = g_file_new_for_path (bad);

  /* Before any list: nobody is affected. */
  adw_view_stack_set_visible_child_name (stack, "people");
  ask (check, "IP-104233", "Not affected by any incident");

  /* The incident view: no list yet, then the import on a worker. */
  view = dpo_incident_view_present (GTK_WINDOW (window), store, INCIDENT);
  view_ptr = view;
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);
  gtk_window_set_default_size (GTK_WINDOW (view), 900, 1300);
  group = DPO_AFFECTED_GROUP (dpo_test_find_by_type (GTK_WIDGET (view), DPO_TYPE_AFFECTED_GROUP));
  g_assert_nonnull (group);
  dpo_test_wait_for_widget (GTK_WIDGET (group), dpo_test_is_shown_label_prefix, "No list imported yet");

  /* A wrong NIR on line 3: one dialog that names it, nothing recorded. */
  dpo_affected_group_import (group, bad_file, NULL);
  g_assert_true (dpo_affected_group_is_importing (group));
  dpo_test_wait_until (dpo_test_has_message_dialog, (gpointer) "The List Was Not Imported");
  dialog = dpo_test_find_message_dialog ("The List Was Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "faux.csv, line 3, column nir:"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (dpo_affected_group_is_importing (group));
  ask (check, "278047505612374", "Not affected by any incident");

  dpo_affected_group_import (group, list_file, NULL);
  dpo_test_wait_until (dpo_test_has_message_dialog, (gpointer) "List Imported");
  dialog = dpo_test_find_message_dialog ("List Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Co-insured added: 1\n"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  dpo_test_wait_for_widget (GTK_WIDGET (group), dpo_test_is_shown_label_prefix, "From the processor’s list");
  /* S-0001 (email) and S-0002 (post) listed, S-0004 co-insured (neither). */
  g_assert_cmpstr (row_value (group, "Listed and matched"), ==, "2");
  g_assert_cmpstr (row_value (group, "Co-insured"), ==, "1");
  g_assert_cmpstr (row_value (group, "Unmatched"), ==, "1");
  g_assert_cmpstr (row_value (group, "Reachable by email"), ==, "1");
  g_assert_cmpstr (row_value (group, "Reachable by post only"), ==, "1");
  g_assert_cmpstr (row_value (group, "Reachable by neither"), ==, "1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dpo_test_find_widget (GTK_WIDGET (group),
                                                                                       dpo_test_is_row_titled,
                                                                                       "Reachable by neither"))),
                   ==, "Neither an email address nor a postal address on file");
  shoot (GTK_WIDGET (view), "incident-affected.png");

  /* "Am I affected?" answers for a member, a co-insured person and an
   * unmatched row; a mistyped NIR is said to be wrong. */
  ask (check, "2 78 04 75 056 123 74",
       "Affected by INC-2024-01 (listed), informed by email on 6 February 2024");
  shoot (GTK_WIDGET (window), "people-am-i-affected.png");
  ask (check, "IP-077340", "Affected by INC-2024-01 (co-insured), not informed yet");
  ask (check, "180057505600068", "Affected by INC-2024-01 (listed)");
  ask (check, "278047505612375", "“278047505612375” looks like a NIR but is not valid");
  ask (check, "IP-120571", "Not affected by any incident");

  /* The person view lists the incidents that affect the person. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-0001");
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_row_titled, INCIDENT);
  dpo_test_wait_for_widget (GTK_WIDGET (page), dpo_test_is_shown_label_prefix,
                            "On the processor’s list · informed by email on 6 February 2024");
  settle ();
  shoot (GTK_WIDGET (window), "person-incidents.png");

  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_wait_until (dpo_test_is_null, &view_ptr);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* Cancel: the worker stops, nothing is recorded, no dialog. */
static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-affected-XXXXXX", NULL);
  g_autofree char *db = dpo_test_database_of (dir);
  g_autoptr(GString) content = g_string_new ("nir\n");
  g_autofree char *list = NULL;
  g_autoptr(GFile) file = NULL;
  DpoStore *store = open_example (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoIncidentView *view = dpo_incident_view_present (GTK_WINDOW (window), store, INCIDENT);
  DpoAffectedGroup *group = DPO_AFFECTED_GROUP (dpo_test_find_by_type (GTK_WIDGET (view),
                                                                       DPO_TYPE_AFFECTED_GROUP));
  gpointer view_ptr = view;

  for (guint i = 0; i < 200000; i++)
    {
      guint64 body = 1800575056000ULL + i;

      g_string_append_printf (content, "%013" G_GUINT64_FORMAT "%02u\n", body, (guint) (97 - body % 97));
    }
  list = write_list (dir, "long.csv", content->str);
  file = g_file_new_for_path (list);
  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);
  dpo_affected_group_import (group, file, NULL);
  dpo_affected_group_cancel (group);
  while (dpo_affected_group_is_importing (group))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dpo_test_find_message_dialog ("The List Was Not Imported"));
  g_assert_null (dpo_test_find_message_dialog ("List Imported"));
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_hashes"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_wait_until (dpo_test_is_null, &view_ptr);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

/* The same views in the user's language, for pictures only
 * (DPO_SHOT_DIR, and LC_ALL and DPO_LOCALEDIR for the language). */
static void
test_shots (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-ui-affected-XXXXXX", NULL);
  g_autofree char *db = dpo_test_database_of (dir);
  g_autofree char *example = dpo_test_example_path ();
  g_autofree char *folder = g_path_get_dirname (example);
  /* The list shipped with the example, as the README's walk-through uses it. */
  g_autofree char *list = g_build_filename (folder, "affected-list.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (list);
  DpoStore *store = open_example (dir);
  DpoWindow *window = dpo_test_present_window (store);
  DpoPeoplePage *page = DPO_PEOPLE_PAGE (dpo_test_find_by_type (GTK_WIDGET (window), DPO_TYPE_PEOPLE_PAGE));
  AdwViewStack *stack = ADW_VIEW_STACK (dpo_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  DpoIncidentView *view = dpo_incident_view_present (GTK_WINDOW (window), store, INCIDENT);
  DpoAffectedGroup *group = DPO_AFFECTED_GROUP (dpo_test_find_by_type (GTK_WIDGET (view),
                                                                       DPO_TYPE_AFFECTED_GROUP));
  gpointer view_ptr = view;

  g_object_add_weak_pointer (G_OBJECT (view), &view_ptr);
  gtk_window_set_default_size (GTK_WINDOW (view), 900, 1300);
  dpo_affected_group_import (group, file, NULL);
  while (dpo_affected_group_is_importing (group))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  {
    AdwMessageDialog *dialog = dpo_test_find_message_dialog (_("List Imported"));

    g_assert_nonnull (dialog);
    shoot (GTK_WIDGET (dialog), "dialog.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  shoot (GTK_WIDGET (view), "incident-affected.png");
  adw_view_stack_set_visible_child_name (stack, "people");
  {
    /* A member, a co-insured person, a row that matched nobody, a stranger. */
    static const char *asked[][2] = {
      { "2 78 04 75 056 123 74", "people-am-i-affected.png" },
      { "IP-140816", "people-am-i-affected-co-insured.png" },
      { "1 85 07 75 112 233 76", "people-am-i-affected-unmatched.png" },
      { "1 80 05 75 056 000 68", "people-am-i-affected-stranger.png" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
      {
        dpo_affected_check_ask (dpo_people_page_get_affected_check (page), asked[i][0]);
        settle ();
        shoot (GTK_WIDGET (window), asked[i][1]);
      }
    /* Then as the campaign of 6 February 2024 records it (post, the Girards). */
    dpo_test_exec (db, "INSERT INTO informed (incident, subject, channel, sent_at) "
                       "SELECT i.pk, s.pk, 'post', '2024-02-06' FROM incidents i, subjects s "
                       "WHERE s.id IN ('S-0006', 'S-0007', 'S-0008')");
    dpo_affected_check_ask (dpo_people_page_get_affected_check (page), "IP-140816");
    settle ();
    shoot (GTK_WIDGET (window), "people-am-i-affected-informed.png");
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1400);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-person", "s", "S-0007");
  settle ();
  shoot (GTK_WIDGET (window), "person-incidents.png");

  gtk_window_destroy (GTK_WINDOW (view));
  dpo_test_wait_until (dpo_test_is_null, &view_ptr);
  dpo_test_destroy_window (window, store);
  dpo_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  if (g_getenv ("DPO_SHOT_DIR") != NULL && g_getenv ("DPO_LOCALEDIR") != NULL &&
      g_getenv ("DPO_SHOT_LANGUAGE") != NULL)
    {
      /* gtk_test_init() chose English: the pictures want the user's language. */
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DPO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_test_add_func ("/ui/affected/shots", test_shots);
      return g_test_run ();
    }

  g_test_add_func ("/ui/affected/people-and-incident", test_people_and_incident);
  g_test_add_func ("/ui/affected/cancel", test_cancel);
  return g_test_run ();
}
