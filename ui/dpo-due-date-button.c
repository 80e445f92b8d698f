/* dpo-due-date-button.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-due-date-button.h"
#include "dpo-due-date.h"

#define STEPS_LABEL "dpo-due-date-steps"

GtkWidget *
dpo_due_date_button_new (void)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("How This Date Was Computed"));
  GtkWidget *steps = gtk_label_new (NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (steps), 0);
  gtk_label_set_wrap (GTK_LABEL (steps), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (steps), 60);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), steps);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "help-about-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("How this date was computed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How this date was computed"), -1);
  g_object_set_data (G_OBJECT (button), STEPS_LABEL, steps);
  return button;
}

void
dpo_due_date_button_explain (GtkWidget   *button,
                             const GDate *received_on,
                             gboolean     extended,
                             gboolean     alsace_moselle)
{
  g_autoptr(GArray) steps = NULL;
  g_auto(GStrv) phrases = NULL;
  GString *text = g_string_new (NULL);
  GtkLabel *label;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (received_on != NULL && g_date_valid (received_on));

  steps = dpo_request_explain_due (received_on, extended, alsace_moselle);
  phrases = dpo_due_steps_describe (steps);
  for (guint i = 0; phrases[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n→ " : "", phrases[i]);
  /* Under a heading, the first step starts a sentence. */
  if (text->len > 0)
    {
      gunichar first = g_utf8_get_char (text->str);
      char upper[8] = { 0 };
      int length = g_unichar_to_utf8 (g_unichar_totitle (first), upper);

      g_string_erase (text, 0, g_utf8_next_char (text->str) - text->str);
      g_string_prepend_len (text, upper, length);
    }

  label = g_object_get_data (G_OBJECT (button), STEPS_LABEL);
  gtk_label_set_text (label, text->str);
  g_string_free (text, TRUE);
}

const char *
dpo_due_date_button_get_text (GtkWidget *button)
{
  g_return_val_if_fail (GTK_IS_MENU_BUTTON (button), NULL);

  return gtk_label_get_text (g_object_get_data (G_OBJECT (button), STEPS_LABEL));
}
