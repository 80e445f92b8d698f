/* dpo-discard-guard.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-discard-guard.h"

#define GUARD_KEY "dpo-discard-guard"

typedef struct
{
  GtkWidget *form;       /* unowned: a child of the window */
  char      *snapshot;   /* NULL until the window is first shown */
  gboolean   released;
  gboolean   asking;
} Guard;

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_free (guard->snapshot);
  g_free (guard);
}

/* Every value a person can type or choose under @widget, in tree order.
 * Toggle buttons are left out: a menu button's own toggle (the calendar's)
 * is not something typed. */
static void
append_state (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) == NULL)
    g_string_append_printf (out, "e:%s\x1f", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, "t:%s\x1f", text);
    }
  else if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (out, "c:%u\x1f", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    g_string_append_printf (out, "d:%u\x1f", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (out, "k:%d\x1f", gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_SWITCH (widget))
    g_string_append_printf (out, "s:%d\x1f", gtk_switch_get_active (GTK_SWITCH (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_state (child, out);
}

static char *
take_snapshot (Guard *guard)
{
  GString *out = g_string_new (NULL);

  append_state (guard->form, out);
  return g_string_free (out, FALSE);
}

static void
on_map_cb (GtkWidget *window,
           Guard     *guard)
{
  /* The form was filled before it was shown: that is the saved state. */
  if (guard->snapshot == NULL)
    guard->snapshot = take_snapshot (guard);
}

gboolean
dpo_discard_guard_is_changed (GtkWindow *window)
{
  Guard *guard = g_object_get_data (G_OBJECT (window), GUARD_KEY);
  g_autofree char *now = NULL;

  if (guard == NULL || guard->snapshot == NULL || guard->released)
    return FALSE;
  now = take_snapshot (guard);
  return g_strcmp0 (now, guard->snapshot) != 0;
}

static gboolean
close_window_cb (gpointer window)
{
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                GtkWindow        *window)
{
  Guard *guard = g_object_get_data (G_OBJECT (window), GUARD_KEY);

  guard->asking = FALSE;
  if (g_strcmp0 (response, "discard") == 0)
    {
      guard->released = TRUE;
      /* Closed once the dialog has finished answering: closing the window
       * here would destroy the dialog (it goes with its parent) while it
       * still emits "response". The idle holds the window meanwhile. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb, g_object_ref (window),
                       g_object_unref);
    }
}

static gboolean
on_close_request_cb (GtkWindow *window,
                     Guard     *guard)
{
  AdwMessageDialog *dialog;

  if (!dpo_discard_guard_is_changed (window))
    return FALSE;
  if (guard->asking)
    return TRUE;

  guard->asking = TRUE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("What you typed in this form has not been saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter and Escape keep the work: only a deliberate choice loses it. */
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
dpo_discard_guard_attach (GtkWindow *window,
                          GtkWidget *form)
{
  Guard *guard;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (form));

  guard = g_new0 (Guard, 1);
  guard->form = form;
  g_object_set_data_full (G_OBJECT (window), GUARD_KEY, guard, guard_free);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), guard);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request_cb), guard);
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    on_map_cb (GTK_WIDGET (window), guard);
}

void
dpo_discard_guard_rebase (GtkWindow *window)
{
  Guard *guard = g_object_get_data (G_OBJECT (window), GUARD_KEY);

  if (guard == NULL || guard->snapshot == NULL)
    return;
  g_free (guard->snapshot);
  guard->snapshot = take_snapshot (guard);
}

void
dpo_discard_guard_release (GtkWindow *window)
{
  Guard *guard = g_object_get_data (G_OBJECT (window), GUARD_KEY);

  if (guard != NULL)
    guard->released = TRUE;
}
