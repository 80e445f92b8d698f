/* dpo-export-ui.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-export-ui.h"
#include "dpo-time.h"
#include "dpo-start-folder.h"

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

char *
dpo_export_ui_today (DpoStore *store)
{
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  now = dpo_store_dup_now (store);
  dpo_time_get_local_date (now, &date);
  return dpo_date_to_iso (&date);
}

/* What to do once a file is chosen, kept on the chooser, then on the
 * "Replace…" dialog. */
typedef struct
{
  DpoExportChosenFunc  chosen;
  GFile               *file;
} Choice;

static Choice *
choice_new (DpoExportChosenFunc  chosen,
            GFile               *file)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->chosen = chosen;
  choice->file = file != NULL ? g_object_ref (file) : NULL;
  return choice;
}

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_clear_object (&choice->file);
  g_free (choice);
}

/* Replace… */

static void
on_replace_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GtkWindow        *parent)
{
  Choice *choice = g_object_get_data (G_OBJECT (dialog), "dpo-choice");

  if (g_strcmp0 (response, "replace") == 0)
    choice->chosen (parent, choice->file);
}

static void
confirm_replace (GtkWindow           *parent,
                 GFile               *file,
                 DpoExportChosenFunc  chosen)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (name);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Replace “%s”?"), display_name);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("A file with this name already exists in this folder. "
                                     "Replacing it overwrites its contents."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "dpo-choice", choice_new (chosen, file), choice_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response_cb), parent, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chooser */

/* @file, or @file with ".xlsx" added when its name lacks it (a workbook
 * without the extension does not open with a double click). */
static GFile *
with_xlsx_extension (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *with_extension = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (folded, ".xlsx") || (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);

  with_extension = g_strconcat (name, ".xlsx", NULL);
  return g_file_get_child (parent, with_extension);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        GtkWindow       *parent)
{
  Choice *choice = g_object_get_data (G_OBJECT (native), "dpo-choice");
  DpoExportChosenFunc chosen = choice->chosen;
  g_autoptr(GFile) picked = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    picked = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (picked == NULL)
    return;

  /* GTK 4's chooser, like the portals', asks before replacing the file
   * named in it; not about the one we name by adding the extension. */
  file = with_xlsx_extension (picked);
  if (!g_file_equal (file, picked) && g_file_query_exists (file, NULL))
    confirm_replace (parent, file, chosen);
  else
    chosen (parent, file);
}

void
dpo_export_ui_choose_file (GtkWindow           *parent,
                           DpoStore            *store,
                           const char          *title,
                           const char          *name,
                           DpoExportChosenFunc  chosen)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *native;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (chosen != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* Beside the database, as the other choosers. */
  folder = dpo_start_folder (dpo_store_get_path (store));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data_full (G_OBJECT (native), "dpo-choice", choice_new (chosen, NULL), choice_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response_cb), parent, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Open */

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      gtk_widget_get_visible (GTK_WIDGET (parent)))
    dpo_export_ui_show_error (parent, _("Cannot Open the Workbook"), error->message);
}

static void
on_open_clicked_cb (AdwToast  *toast,
                    GtkWindow *parent)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "dpo-file");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched_cb, g_object_ref (parent));
}

AdwToast *
dpo_export_ui_toast_new (GtkWindow  *parent,
                         const char *title,
                         GFile      *file)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  /* Long enough to decide whether to look at it. */
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "dpo-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), parent, 0);
  return toast;
}

void
dpo_export_ui_show_error (GtkWindow  *parent,
                          const char *heading,
                          const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  dialog = adw_message_dialog_new (parent, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
