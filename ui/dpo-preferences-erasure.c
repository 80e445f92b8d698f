/* dpo-preferences-erasure.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "dpo-carry-out.h"
#include "dpo-discard-guard.h"
#include "dpo-preferences-erasure.h"

/* The window and the store are not owned: the window holds the store, and
 * libadwaita 1.2's preferences window keeps its rows (and so this group)
 * after the window is gone, which must not keep the database open. */
typedef struct
{
  AdwPreferencesWindow *window;
  DpoStore             *store;
  GtkSpinButton        *spin;
  GtkLabel             *message;
  gboolean              updating;
} Erasure;

static void
erasure_free (gpointer data)
{
  Erasure *e = data;

  g_clear_weak_pointer (&e->window);
  g_clear_weak_pointer (&e->store);
  g_free (e);
}

static void
show_error (Erasure     *e,
            const char  *message)
{
  gtk_label_set_text (e->message, message);
  gtk_widget_set_visible (GTK_WIDGET (e->message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (e->spin), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (e->spin), "error");
}

static void
show_stored (Erasure *e)
{
  e->updating = TRUE;
  gtk_spin_button_set_value (e->spin, dpo_store_get_retention_years (e->store));
  e->updating = FALSE;
}

/* What was typed, checked by the core rather than clamped in silence: a
 * DPO typing 50 or -2 is told why it cannot be. */
static void
show_stored_as_saved (Erasure *e)
{
  show_stored (e);
  dpo_discard_guard_rebase (GTK_WINDOW (e->window));
}

static int
on_spin_input_cb (GtkSpinButton *spin,
                  double        *value,
                  Erasure       *e)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  char *end = NULL;
  gint64 years;

  years = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    {
      show_error (e, _("Retention after a contract ends: type a whole number of years, from 0 to 30."));
      return GTK_INPUT_ERROR;
    }
  if (!dpo_erasure_check_retention_years (years, &error))
    {
      show_error (e, error->message);
      return GTK_INPUT_ERROR;
    }
  *value = (double) years;
  return TRUE;
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          Erasure       *e)
{
  g_autoptr(GError) error = NULL;
  int years = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *done = NULL;

  if (e->updating || e->store == NULL || e->window == NULL)
    return;
  if (!dpo_store_set_retention_years (e->store, years, &error))
    {
      show_error (e, error->message);
      show_stored_as_saved (e);
      return;
    }
  show_error (e, NULL);
  /* Saved as it changes: nothing for the window to ask about on closing. */
  dpo_discard_guard_rebase (GTK_WINDOW (e->window));
  done = years == 0
    ? g_strdup (_("Data may be erased from the day after a contract ends"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Data are now kept %d year after a contract ends",
                                    "Data are now kept %d years after a contract ends", years),
                       years);
  adw_preferences_window_add_toast (e->window, adw_toast_new (done));
}

GtkWidget *
dpo_preferences_erasure_group_new (AdwPreferencesWindow *window,
                                   DpoStore             *store)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  Erasure *e = g_new0 (Erasure, 1);

  g_set_weak_pointer (&e->window, window);
  g_set_weak_pointer (&e->store, store);
  g_object_set_data_full (G_OBJECT (group), "dpo-erasure", e, erasure_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Erasure"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("A person’s data are not erased while a contract covering them is active, nor while a legal "
      "hold runs. Kept in the database, so that the window, the dpo tool and the database’s own "
      "safeguard apply the same rule."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Years kept after a contract ends"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
    _("Code de la mutualité L221-11: claims arising from the contract are time-barred after 2 years, "
      "5 and 10 years for some. The CNIL’s guidance for insurers keeps the data archived for these "
      "limitation periods after the contract ends. 0 erases from the day after the end."));
  e->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, DPO_RETENTION_MAX_YEARS, 1));
  gtk_spin_button_set_numeric (e->spin, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (e->spin), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (e->spin), "retention_spin");
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Years kept after a contract ends"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (e->spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  e->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (e->message, TRUE);
  gtk_label_set_xalign (e->message, 0);
  gtk_widget_set_name (GTK_WIDGET (e->message), "retention_message");
  gtk_widget_add_css_class (GTK_WIDGET (e->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (e->message), 6);
  gtk_widget_set_visible (GTK_WIDGET (e->message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (e->message));

  show_stored (e);
  g_signal_connect (e->spin, "input", G_CALLBACK (on_spin_input_cb), e);
  g_signal_connect (e->spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), e);
  return group;
}
