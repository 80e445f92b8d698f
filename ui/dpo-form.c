/* dpo-form.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dpo-error.h"
#include "dpo-form.h"
#include "dpo-time.h"
#include "dpo-time-input.h"

/* The forms read and write dates as the locale does: the core's
 * dpo-time-input, unit-tested under several locales. */
GDateTime *
dpo_form_parse_time (const char  *text,
                     const char  *field,
                     GError     **error)
{
  g_return_val_if_fail (field != NULL, NULL);

  return dpo_time_input_parse (text, field, error);
}

char *
dpo_form_format_time (GDateTime *time)
{
  return dpo_time_input_format (time);
}

gboolean
dpo_form_parse_count (const char  *text,
                      const char  *field,
                      gint64      *count,
                      GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  guint64 value;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  /* "18 000", "18,000" or "18 000" (no-break spaces) as people write them. */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == ',' || c == '.')
        continue;
      if (c == '-' && digits->len == 0 && !negative)
        negative = TRUE;
      else
        g_string_append_unichar (digits, c);
    }

  if (digits->len == 0 && !negative)
    {
      *count = -1;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_autofree char *typed = dpo_form_dup_text (text);

      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   /* Translators: %s is a field name, then the text typed */
                   _("%s: “%s” is not a whole number (leave it blank if unknown)"),
                   field, typed);
      return FALSE;
    }
  if (negative && value > 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   /* Translators: %s is a field name */
                   _("%s: cannot be negative"), field);
      return FALSE;
    }

  *count = (gint64) value;
  return TRUE;
}

char *
dpo_form_format_count (gint64 count)
{
  return count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : g_strdup ("");
}

char *
dpo_form_dup_text (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

char *
dpo_form_text_view_dup (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return dpo_form_dup_text (text);
}

void
dpo_form_text_view_set (GtkTextView *view,
                        const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

void
dpo_form_combo_setup (AdwComboRow *row,
                      DpoEnum      vocabulary)
{
  const char * const *words = dpo_enum_words (vocabulary);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    gtk_string_list_append (labels, dpo_enum_label (vocabulary, words[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

const char *
dpo_form_combo_get (AdwComboRow *row,
                    DpoEnum      vocabulary)
{
  const char * const *words = dpo_enum_words (vocabulary);
  guint selected = adw_combo_row_get_selected (row);

  return selected < g_strv_length ((char **) words) ? words[selected] : NULL;
}

void
dpo_form_combo_set (AdwComboRow *row,
                    DpoEnum      vocabulary,
                    const char  *word)
{
  int value = dpo_enum_value (vocabulary, word);

  /* The rows are the words in order: a word's value is its position. */
  adw_combo_row_set_selected (row, value >= 0 ? (guint) value : 0);
}

GStrv
dpo_form_split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *word = dpo_form_dup_text (parts[i]);

      if (word != NULL)
        g_strv_builder_add (builder, word);
    }
  return g_strv_builder_end (builder);
}

/* The row or group titled @field, error styles cleared on the way. */
static GtkWidget *
mark_field (GtkWidget  *widget,
            const char *field)
{
  GtkWidget *found = NULL;
  const char *title = NULL;

  /* Hidden forms (another kind of entry) are not the one being saved. */
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      gtk_widget_remove_css_class (widget, "error");
      title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
    }
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

  if (field != NULL && g_strcmp0 (title, field) == 0)
    found = widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *in_child = mark_field (child, found == NULL ? field : NULL);

      if (found == NULL)
        found = in_child;
    }

  return found;
}

void
dpo_form_show_error (GtkRevealer  *revealer,
                     GtkLabel     *label,
                     GtkWidget    *form,
                     const GError *error)
{
  g_autofree char *field = NULL;
  GtkWidget *widget;
  const char *colon;

  if (error != NULL && (colon = strstr (error->message, ": ")) != NULL)
    field = g_strndup (error->message, colon - error->message);

  widget = mark_field (form, field);
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_revealer_set_reveal_child (revealer, error != NULL);

  if (widget != NULL)
    {
      if (ADW_IS_PREFERENCES_ROW (widget))
        gtk_widget_add_css_class (widget, "error");
      gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    }
}

GtkWidget *
dpo_form_add_row_button (AdwActionRow *row,
                         const char   *icon_name,
                         const char   *label,
                         const char   *action_name,
                         GVariant     *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (row, button);
  return button;
}

void
dpo_form_label_rows (GtkWidget *root)
{
  if (ADW_IS_PREFERENCES_ROW (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      if (title != NULL && *title != '\0')
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (root),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                          -1);
          if (ADW_IS_ENTRY_ROW (root))
            gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (root))),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                            -1);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dpo_form_label_rows (child);
}
