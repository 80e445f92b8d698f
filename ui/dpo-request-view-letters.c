/* dpo-request-view-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-editor-dialog.h"
#include "dpo-error.h"
#include "dpo-request-letter-write.h"
#include "dpo-request-view-private.h"
#include "dpo-store-letters.h"
#include "dpo-time.h"
#include "dpo-start-folder.h"

/* The request view's letters (issue 12, item 1): the Letter… menu, one
 * item per kind, enabled when the core's rule says the kind fits the
 * request's state (dpo_letter_kind_fits(), its reason as the tooltip
 * otherwise); the PDF written on a worker thread; and the letters already
 * produced, in the request's history. */

static const char *
kind_tooltip (DpoLetterKind kind)
{
  switch (kind)
    {
    case DPO_LETTER_ACKNOWLEDGEMENT:
      return _("Tell the person the request was received, and when it is due");
    case DPO_LETTER_IDENTITY:
      return _("Ask the person for a proof of identity");
    case DPO_LETTER_EXTENSION:
      return _("Tell the person the time to answer is extended by two months, and why");
    case DPO_LETTER_REFUSAL:
      return _("State the ground of the refusal and the person’s remedies (CNIL, courts)");
    case DPO_LETTER_ANSWER:
      return _("Send the answer: the access answer with the Art. 15 information and the "
               "person’s data, or the confirmation of what was done");
    case DPO_N_LETTER_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
on_letter_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DpoRequestView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = dpo_request_letters_write_finish (DPO_STORE (source), result, &error);

  self->writing_letter = FALSE;
  if (self->store == NULL)
    return;
  _dpo_request_view_reload (self);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  if (done)
    dpo_editor_toast (GTK_WIDGET (self), _("Letter written and recorded in the request’s history"));
  else
    dpo_editor_show_error (GTK_WIDGET (self), _("Cannot Write the Letter"), error->message);
}

void
_dpo_request_view_write_letter (DpoRequestView *self,
                                DpoLetterKind   kind,
                                GFile          *file)
{
  const char *ids[] = { self->id, NULL };

  if (self->writing_letter || self->id == NULL)
    return;
  self->writing_letter = TRUE;
  _dpo_request_view_letters_update (self);
  dpo_request_letters_write_async (self->store, ids, kind, file, NULL, on_letter_written_cb,
                                   g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        DpoRequestView  *self)
{
  DpoLetterKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (native), "dpo-kind"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file != NULL && self->store != NULL)
    _dpo_request_view_write_letter (self, kind, file);
}

static void
on_kind_clicked_cb (GtkButton      *button,
                    DpoRequestView *self)
{
  DpoLetterKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "dpo-kind"));
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", self->id, dpo_letter_kind_to_word (kind));
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *native;

  gtk_menu_button_popdown (self->letter_button);
  native = gtk_file_chooser_native_new (_("Save the Letter"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  folder = dpo_start_folder (dpo_store_get_path (self->store));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "dpo-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_dpo_request_view_letters_build (DpoRequestView *self,
                                 GtkWidget      *before)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *popover = gtk_popover_new ();

  for (guint i = 0; i < DPO_N_LETTER_KINDS; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (dpo_letter_kind_label (i));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (button), "dpo-kind", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_kind_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      self->letter_kind_buttons[i] = button;
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->letter_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->letter_button, _("Letter…"));
  gtk_menu_button_set_popover (self->letter_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->letter_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->letter_button),
                               _("Write a letter to the person (PDF)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->letter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Letter"), -1);
  gtk_widget_insert_before (GTK_WIDGET (self->letter_button), gtk_widget_get_parent (before), before);

  self->letters_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->letters_group, _("Letters"));
  adw_preferences_group_set_description (self->letters_group,
                                         _("The letters written for this request"));
  gtk_box_append (self->content, GTK_WIDGET (self->letters_group));
  self->letter_rows = g_ptr_array_new ();
}

static void
fill_history (DpoRequestView *self)
{
  g_autoptr(GPtrArray) letters = NULL;

  for (guint i = 0; i < self->letter_rows->len; i++)
    adw_preferences_group_remove (self->letters_group, g_ptr_array_index (self->letter_rows, i));
  g_ptr_array_set_size (self->letter_rows, 0);
  if (self->store != NULL && self->id != NULL)
    letters = dpo_store_list_request_letters (self->store, self->id, NULL);

  for (guint i = 0; letters != NULL && i < letters->len; i++)
    {
      DpoLetterRecord *record = g_ptr_array_index (letters, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = dpo_time_format_display (record->produced_at);
      DpoLetterKind kind;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     dpo_letter_kind_from_word (record->kind, &kind)
                                     ? dpo_letter_kind_label (kind) : record->kind);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_preferences_group_add (self->letters_group, row);
      g_ptr_array_add (self->letter_rows, row);
    }
  if (self->letter_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No letter written yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->letters_group, row);
      g_ptr_array_add (self->letter_rows, row);
    }
}

void
_dpo_request_view_letters_update (DpoRequestView *self)
{
  g_autoptr(GDateTime) now = NULL;
  gboolean alsace_moselle = FALSE;

  if (self->letter_button == NULL)
    return;
  if (self->store != NULL)
    {
      now = dpo_store_dup_now (self->store);
      alsace_moselle = dpo_store_get_alsace_moselle (self->store);
    }
  for (guint i = 0; i < DPO_N_LETTER_KINDS; i++)
    {
      GtkWidget *button = self->letter_kind_buttons[i];
      g_autoptr(GError) why_not = NULL;
      gboolean fits = self->request != NULL && !self->writing_letter &&
                      dpo_letter_kind_fits (i, self->request, now, alsace_moselle, &why_not);

      /* Once erased, there is no one to write to (the writer says so too). */
      if (fits && self->request->subject_id == NULL && self->request->requester_name == NULL)
        {
          fits = FALSE;
          g_set_error (&why_not, DPO_ERROR, DPO_ERROR_INVALID,
                       _("The person of request %s was erased: there is no one to address the "
                         "letter to. An erasure’s confirmation is written as the erasure is "
                         "carried out with dpo execute --letter."),
                       self->request->id);
        }
      const char *tooltip = fits || why_not == NULL ? kind_tooltip (i) : why_not->message;

      gtk_widget_set_sensitive (button, fits);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->letter_button), self->request != NULL);
  fill_history (self);
}
