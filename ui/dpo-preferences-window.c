/* dpo-preferences-window.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-error.h"
#include "dpo-discard-guard.h"
#include "dpo-letter-templates-page.h"
#include "dpo-organisation-check.h"
#include "dpo-preferences-erasure.h"
#include "dpo-preferences-window.h"
#include "dpo-ui.h"

struct _DpoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  GtkSwitch            *alsace_moselle_switch;

  /* The Organisation page, one row per DpoOrganisationField. */
  AdwEntryRow          *organisation_rows[DPO_ORGANISATION_N_FIELDS];
  GtkButton            *organisation_save;
  GtkLabel             *organisation_message;   /* the last error, under the rows */

  DpoStore             *store;
  guint                 updating : 1;
};

G_DEFINE_FINAL_TYPE (DpoPreferencesWindow, dpo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_setting (DpoPreferencesWindow *self)
{
  self->updating = TRUE;
  gtk_switch_set_active (self->alsace_moselle_switch, dpo_store_get_alsace_moselle (self->store));
  self->updating = FALSE;
}

/* Through the core, in one transaction: the setting and every due date
 * computed again; the lists follow the store's "changed". */
static void
on_alsace_moselle_switch_notify_active_cb (DpoPreferencesWindow *self,
                                           GParamSpec           *pspec,
                                           GtkSwitch            *sw)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating || self->store == NULL)
    return;

  if (!dpo_store_set_alsace_moselle (self->store, active, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      show_setting (self);
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (active
                                                   ? _("Due dates now count the Alsace-Moselle holidays")
                                                   : _("Due dates now follow the national holidays only")));
}

static void
show_organisation (DpoPreferencesWindow *self)
{
  g_autoptr(DpoOrganisation) organisation = dpo_store_get_organisation (self->store);

  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    {
      const char *value = *dpo_organisation_field (organisation, i);

      gtk_editable_set_text (GTK_EDITABLE (self->organisation_rows[i]), value != NULL ? value : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->organisation_rows[i]), "error");
    }
}

/* Save: checked by the store (a SIREN of 9 digits with its key, an email
 * with "@"). On an error nothing is saved, what was typed stays, and the
 * field is marked and named. */
static void
on_organisation_save_clicked_cb (DpoPreferencesWindow *self)
{
  g_autoptr(DpoOrganisation) organisation = dpo_organisation_new ();
  g_autoptr(DpoOrganisation) checked = NULL;
  g_autoptr(GError) error = NULL;
  DpoOrganisationField bad = DPO_ORGANISATION_NAME;

  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    {
      *dpo_organisation_field (organisation, i) =
        g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_rows[i])));
      gtk_widget_remove_css_class (GTK_WIDGET (self->organisation_rows[i]), "error");
    }

  /* The same check as the store's, here to know which row to mark. */
  checked = dpo_organisation_copy (organisation);
  if (!dpo_organisation_check (checked, &bad, &error) ||
      !dpo_store_set_organisation (self->store, organisation, &error))
    {
      if (error->code == DPO_ERROR_INVALID)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->organisation_rows[bad]), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->organisation_rows[bad]));
        }
      gtk_label_set_text (self->organisation_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->organisation_message), TRUE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_message), FALSE);
  show_organisation (self);
  dpo_discard_guard_rebase (GTK_WINDOW (self));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Organisation saved")));
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

/* The Organisation page, built here: an entry row per field and a Save button
 * (a half-typed SIREN is not saved on each keystroke). */
static void
build_organisation_page (DpoPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = NULL;
  GtkWidget *button;

  adw_preferences_page_set_title (page, _("Organisation"));
  adw_preferences_page_set_icon_name (page, "x-office-address-book-symbolic");
  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    {
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
      const char *label = dpo_organisation_field_label (i);

      if (i == DPO_ORGANISATION_NAME)
        group = add_group (page, _("Organisation"),
                           _("The controller, as the incident report and the pages of the "
                             "registers name it. Kept in the database and in the JSON export."));
      else if (i == DPO_ORGANISATION_DPO_NAME)
        group = add_group (page, _("Data Protection Officer"),
                           _("The contact the CNIL writes to about a notification, and the "
                             "sender of every letter to a person."));
      else if (i == DPO_ORGANISATION_PURPOSES)
        group = add_group (page, _("Processing"),
                           _("What an answer to an access request tells the person (GDPR "
                             "Art. 15): why their data are processed, who receives them, how "
                             "long they are kept and where they come from."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      self->organisation_rows[i] = row;
    }

  group = add_group (page, NULL, NULL);
  self->organisation_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->organisation_message, TRUE);
  gtk_label_set_xalign (self->organisation_message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->organisation_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_message), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->organisation_message));
  button = gtk_button_new_with_mnemonic (_("_Save Organisation"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_organisation_save_clicked_cb), self);
  adw_preferences_group_add (group, button);
  self->organisation_save = GTK_BUTTON (button);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  /* Closing with the organisation typed but not saved asks first (the
   * Alsace-Moselle switch on the other page is saved as it is switched). */
  dpo_discard_guard_attach (GTK_WINDOW (self), GTK_WIDGET (page));
}

static void
dpo_preferences_window_dispose (GObject *object)
{
  DpoPreferencesWindow *self = DPO_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (dpo_preferences_window_parent_class)->dispose (object);
}

static void
dpo_preferences_window_class_init (DpoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_preferences_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoPreferencesWindow, alsace_moselle_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_alsace_moselle_switch_notify_active_cb);
}

static void
dpo_preferences_window_init (DpoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_organisation_page (self);
}

DpoPreferencesWindow *
dpo_preferences_window_new (GtkWindow *parent,
                            DpoStore  *store)
{
  DpoPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  self = g_object_new (DPO_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  show_setting (self);
  show_organisation (self);
  /* General, after the request deadlines: the erasure rule's setting. */
  adw_preferences_page_add (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self)),
                            ADW_PREFERENCES_GROUP (dpo_preferences_erasure_group_new (ADW_PREFERENCES_WINDOW (self),
                                                                                      store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), dpo_letter_templates_page_new (store));
  return self;
}
