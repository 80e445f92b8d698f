/* test-ui-preferences.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Organisation page of Preferences: what is saved, and a bad SIREN or
 * email refused with the field named, nothing saved, what was typed kept. */

#include "config.h"

#include "dpo-discard-guard.h"
#include "dpo-preferences-window.h"
#include "dpo-test-util.h"
#include "dpo-ui-test-util.h"

static AdwEntryRow *
row_titled (GtkWidget  *window,
            const char *title)
{
  GtkWidget *row = dpo_test_find_widget (window, dpo_test_is_row_titled, title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return ADW_ENTRY_ROW (row);
}

static void
type_into (GtkWidget  *window,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row_titled (window, title)), text);
}

static const char *
text_of (GtkWidget  *window,
         const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row_titled (window, title)));
}

static void
save (GtkWidget *window)
{
  GtkWidget *button = dpo_test_find_widget (window, dpo_test_is_shown_button, "_Save Organisation");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_shown_message (GtkWidget  *window,
                   const char *prefix)
{
  return dpo_test_find_widget (window, dpo_test_is_shown_label_prefix, prefix) != NULL;
}

/* DPO_TEST_LINGER=SECONDS keeps the window up, to look at it (a screenshot). */
static void
linger (void)
{
  const char *seconds = g_getenv ("DPO_TEST_LINGER");
  gint64 until;

  if (seconds == NULL)
    return;
  until = g_get_monotonic_time () + g_ascii_strtoll (seconds, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_organisation (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(DpoStore) store = dpo_test_open_store (dir);
  g_autoptr(DpoOrganisation) saved = NULL;
  DpoPreferencesWindow *prefs = dpo_preferences_window_new (NULL, store);
  GtkWidget *window = GTK_WIDGET (prefs);

  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (prefs));
  /* To the Organisation page, so that its rows are mapped. */
  page = gtk_widget_get_ancestor (GTK_WIDGET (row_titled (window, "SIREN number")),
                                  ADW_TYPE_PREFERENCES_PAGE);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (page));
  gtk_test_widget_wait_for_draw (window);

  type_into (window, "Organisation name", "Mutuelle Santé Horizon");
  type_into (window, "SIREN number", "775 684 128");   /* the key is wrong */
  type_into (window, "DPO email", "dpo@mutuelle-horizon.example");
  save (window);
  saved = dpo_store_get_organisation (store);
  g_assert_true (dpo_organisation_is_empty (saved));
  g_assert_cmpstr (text_of (window, "SIREN number"), ==, "775 684 128");
  g_assert_cmpstr (text_of (window, "Organisation name"), ==, "Mutuelle Santé Horizon");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_titled (window, "SIREN number")), "error"));
  dpo_test_wait_for_widget (window, dpo_test_is_shown_label_prefix, "SIREN number: ");
  linger ();
  g_clear_pointer (&saved, dpo_organisation_free);

  /* An email without "@": the same, naming that field. */
  type_into (window, "SIREN number", "775 684 129");
  type_into (window, "DPO email", "dpo.mutuelle-horizon.example");
  save (window);
  saved = dpo_store_get_organisation (store);
  g_assert_true (dpo_organisation_is_empty (saved));
  g_assert_cmpstr (text_of (window, "DPO email"), ==, "dpo.mutuelle-horizon.example");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_titled (window, "SIREN number")), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_titled (window, "DPO email")), "error"));
  g_assert_true (has_shown_message (window, "DPO email: "));
  g_clear_pointer (&saved, dpo_organisation_free);

  /* Mended: saved, the SIREN as 9 digits. */
  type_into (window, "DPO email", "dpo@mutuelle-horizon.example");
  save (window);
  saved = dpo_store_get_organisation (store);
  g_assert_cmpstr (saved->name, ==, "Mutuelle Santé Horizon");
  g_assert_cmpstr (saved->siren, ==, "775684129");
  g_assert_cmpstr (saved->dpo_email, ==, "dpo@mutuelle-horizon.example");
  g_assert_null (saved->address);
  g_assert_cmpstr (text_of (window, "SIREN number"), ==, "775684129");
  g_assert_false (has_shown_message (window, "DPO email: "));

  /* Nothing typed is lost: closing with an unsaved change asks first. */
  type_into (window, "DPO telephone", "01 23 45 67 89");
  g_assert_true (dpo_discard_guard_is_changed (GTK_WINDOW (prefs)));
  gtk_window_close (GTK_WINDOW (prefs));
  dpo_test_wait_until (dpo_test_has_message_dialog, "Discard Changes?");
  {
    AdwMessageDialog *dialog = dpo_test_find_message_dialog ("Discard Changes?");

    /* As its Keep Editing button does: the response, then the dialog goes. */
    adw_message_dialog_response (dialog, "keep");
    gtk_window_close (GTK_WINDOW (dialog));
  }
  dpo_test_wait_until (dpo_test_no_message_dialog, "Discard Changes?");
  g_assert_true (gtk_widget_get_visible (window));
  g_assert_cmpstr (text_of (window, "DPO telephone"), ==, "01 23 45 67 89");
  /* Saved: it closes without asking. */
  save (window);
  g_clear_pointer (&saved, dpo_organisation_free);
  saved = dpo_store_get_organisation (store);
  g_assert_cmpstr (saved->dpo_phone, ==, "01 23 45 67 89");
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_close (GTK_WINDOW (prefs));
  dpo_test_wait_until (dpo_test_is_null, &prefs);
  g_assert_null (dpo_test_find_message_dialog ("Discard Changes?"));
}

int
main (int   argc,
      char *argv[])
{
  dpo_test_ui_init (&argc, &argv, DPO_TEST_WAIT_MS);

  g_test_add_func ("/ui/preferences/organisation", test_organisation);

  return g_test_run ();
}
