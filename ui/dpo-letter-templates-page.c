/* dpo-letter-templates-page.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-letter-templates-page.h"
#include "dpo-request-letter.h"
#include "dpo-store-letters.h"

/* One template at a time: picked in a list, its subject in an entry row,
 * its text in a text view; Save checks the placeholders first (an unknown
 * one is named with its line, nothing is saved); Restore goes back to the
 * built-in text. */

typedef struct
{
  DpoStore            *store;
  AdwPreferencesPage  *page;
  AdwComboRow         *template_row;
  AdwEntryRow         *subject_row;
  GtkTextView         *body_view;
  GtkLabel            *message;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *e = data;

  g_clear_object (&e->store);
  g_free (e);
}

static DpoLetterTemplate
current (Editor *e)
{
  return adw_combo_row_get_selected (e->template_row);
}

static void
show_message (Editor     *e,
              const char *text,
              gboolean    error)
{
  gtk_label_set_text (e->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (e->message), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (e->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (e->message), "error");
}

static void
load (Editor *e)
{
  DpoLetterTemplate id = current (e);
  const char *language = dpo_letter_language ();
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  const char *default_subject, *default_body;

  if (id >= DPO_N_LETTER_TEMPLATES)
    return;
  dpo_letter_template_default (id, language, &default_subject, &default_body);
  if (!dpo_store_get_letter_template (e->store, dpo_letter_template_to_word (id), language,
                                      &subject, &body))
    {
      subject = g_strdup (default_subject);
      body = g_strdup (default_body);
    }
  gtk_editable_set_text (GTK_EDITABLE (e->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (e->body_view), body, -1);
  show_message (e, NULL, FALSE);
}

static char *
body_text (Editor *e)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (e->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_save_clicked_cb (GtkButton *button,
                    Editor    *e)
{
  g_autofree char *body = body_text (e);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (e->subject_row));
  g_autoptr(GError) error = NULL;

  if (!dpo_letter_template_check (subject, body, &error) ||
      !dpo_store_set_letter_template (e->store, dpo_letter_template_to_word (current (e)),
                                      dpo_letter_language (), subject, body, &error))
    {
      show_message (e, error->message, TRUE);
      return;
    }
  show_message (e, _("Template saved: the next letters of this kind use it."), FALSE);
}

static void
on_restore_clicked_cb (GtkButton *button,
                       Editor    *e)
{
  g_autoptr(GError) error = NULL;

  if (!dpo_store_set_letter_template (e->store, dpo_letter_template_to_word (current (e)),
                                      dpo_letter_language (), NULL, NULL, &error))
    {
      show_message (e, error->message, TRUE);
      return;
    }
  load (e);
  show_message (e, _("The built-in template applies again."), FALSE);
}

static void
on_template_selected_cb (AdwComboRow *row,
                         GParamSpec  *pspec,
                         Editor      *e)
{
  load (e);
}

static char *
placeholders_text (void)
{
  const char * const *names = dpo_letter_template_placeholders ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (text, "%s{{%s}}", i > 0 ? ", " : "", names[i]);
  return g_string_free (text, FALSE);
}

static GtkWidget *
button_new (const char *mnemonic,
            GCallback   callback,
            Editor     *e)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  g_signal_connect (button, "clicked", callback, e);
  return button;
}

AdwPreferencesPage *
dpo_letter_templates_page_new (DpoStore *store)
{
  Editor *e = g_new0 (Editor, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *placeholders = placeholders_text ();
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *frame, *buttons, *save;

  e->store = g_object_ref (store);
  e->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (e->page, _("Letters"));
  adw_preferences_page_set_icon_name (e->page, "mail-send-symbolic");
  g_object_set_data_full (G_OBJECT (e->page), "dpo-editor", e, editor_free);

  description = g_strdup_printf (_("The text of the letters sent to people about their requests. "
                                   "A blank line starts a paragraph, “- ” a bullet. The "
                                   "placeholders are: %s."), placeholders);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Letter Templates"));
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (e->page, group);

  for (guint i = 0; i < DPO_N_LETTER_TEMPLATES; i++)
    gtk_string_list_append (names, dpo_letter_template_label (i));
  e->template_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->template_row), _("Template"));
  adw_combo_row_set_model (e->template_row, G_LIST_MODEL (names));
  adw_preferences_group_add (group, GTK_WIDGET (e->template_row));

  e->subject_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->subject_row), _("Subject"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->subject_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Subject"), -1);
  adw_preferences_group_add (group, GTK_WIDGET (e->subject_row));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (e->page, group);
  e->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (e->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (e->body_view, 8);
  gtk_text_view_set_bottom_margin (e->body_view, 8);
  gtk_text_view_set_left_margin (e->body_view, 8);
  gtk_text_view_set_right_margin (e->body_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (e->body_view), -1, 260);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->body_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text of the letter"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (e->body_view));
  adw_preferences_group_add (group, frame);

  e->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (e->message, TRUE);
  gtk_label_set_xalign (e->message, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (e->message), 6);
  gtk_widget_set_visible (GTK_WIDGET (e->message), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (e->message));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), button_new (_("_Restore the Built-in Template"),
                                                 G_CALLBACK (on_restore_clicked_cb), e));
  save = button_new (_("Save _Template"), G_CALLBACK (on_save_clicked_cb), e);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), save);
  adw_preferences_group_add (group, buttons);

  g_signal_connect (e->template_row, "notify::selected", G_CALLBACK (on_template_selected_cb), e);
  load (e);
  return e->page;
}
