/* dpo-people-page.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dpo-affected-check.h"
#include "dpo-columns.h"
#include "dpo-people-page.h"
#include "dpo-person-editor.h"
#include "dpo-records.h"
#include "dpo-row.h"
#include "dpo-ui.h"

struct _DpoPeoplePage
{
  DpoListPage    parent_instance;

  DpoPersonView *view;
  DpoAffectedCheck *affected_check;
};

G_DEFINE_FINAL_TYPE (DpoPeoplePage, dpo_people_page, DPO_TYPE_LIST_PAGE)

char *
dpo_people_page_format_nir (const char *nir)
{
  /* sex, year, month, département, commune, order, key */
  static const guint groups[] = { 1, 2, 2, 2, 3, 3, 2 };
  GString *out;
  const char *p = nir;

  if (nir == NULL)
    return NULL;
  if (strlen (nir) != 15 || strchr (nir, ' ') != NULL)
    return g_strdup (nir);

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, p, groups[i]);
      p += groups[i];
    }

  return g_string_free (out, FALSE);
}

static char *
reference_cb (DpoRow      *row,
              gpointer     user_data,
              const char **css_class)
{
  return g_strdup (dpo_row_get_subject (row)->id);
}

static char *
name_cb (DpoRow      *row,
         gpointer     user_data,
         const char **css_class)
{
  DpoSubject *subject = dpo_row_get_subject (row);

  /* As the requests list names people (the core's "Last First"). */
  /* Translators: a person's name in lists: last name, then first name */
  return g_strdup_printf (C_("person name", "%s %s"),
                          subject->last_name != NULL ? subject->last_name : "",
                          subject->first_name != NULL ? subject->first_name : "");
}

static char *
birth_date_cb (DpoRow      *row,
               gpointer     user_data,
               const char **css_class)
{
  return dpo_columns_format_iso_date (dpo_row_get_subject (row)->birth_date);
}

static char *
member_number_cb (DpoRow      *row,
                  gpointer     user_data,
                  const char **css_class)
{
  return g_strdup (dpo_row_get_subject (row)->member_number);
}

static char *
nir_cb (DpoRow      *row,
        gpointer     user_data,
        const char **css_class)
{
  return dpo_people_page_format_nir (dpo_row_get_subject (row)->nir);
}

static char *
email_cb (DpoRow      *row,
          gpointer     user_data,
          const char **css_class)
{
  return g_strdup (dpo_row_get_subject (row)->email);
}

/* Art. 18: the person's processing is restricted, as a badge. */
static char *
restricted_cb (DpoRow      *row,
               gpointer     user_data,
               const char **css_class)
{
  DpoSubject *subject = dpo_row_get_subject (row);
  g_autofree char *since = NULL;

  if (subject->restricted_since == NULL)
    return NULL;
  *css_class = "restricted";
  since = dpo_columns_format_iso_date (subject->restricted_since);
  /* Translators: a badge in the People list; %s is a date */
  return g_strdup_printf (_("Restricted since %s"), since);
}

static GListModel *
dpo_people_page_list (DpoListPage *page,
                      DpoStore    *store,
                      const char  *search)
{
  return dpo_store_list_subjects (store, search);
}

static char *
dpo_people_page_format_count (DpoListPage *page,
                              guint        n_items)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_items),
                          n_items);
}

static void
on_column_view_activate_cb (DpoPeoplePage *self,
                            guint          position,
                            GtkColumnView *view)
{
  GListModel *model = dpo_list_page_get_model (DPO_LIST_PAGE (self));
  g_autoptr(DpoRow) row = model != NULL ? g_list_model_get_item (model, position) : NULL;

  if (row != NULL)
    dpo_people_page_show_person (self, dpo_row_get_subject (row)->id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  dpo_people_page_show_list (DPO_PEOPLE_PAGE (widget));
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  dpo_people_page_new_person (DPO_PEOPLE_PAGE (widget));
}

static void
add_new_button (DpoPeoplePage *self)
{
  GtkBox *toolbar = dpo_list_page_get_toolbar (DPO_LIST_PAGE (self));
  GtkWidget *button = gtk_button_new_with_label (_("New Person…"));

  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.new");
  gtk_widget_set_tooltip_text (button, _("Add a member or beneficiary to the register"));
  gtk_box_append (toolbar, button);
}

static void
dpo_people_page_class_init (DpoPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DpoListPageClass *page_class = DPO_LIST_PAGE_CLASS (klass);

  page_class->list = dpo_people_page_list;
  page_class->format_count = dpo_people_page_format_count;

  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "people.new", NULL, new_person_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-people-page.ui");
}

static void
dpo_people_page_init (DpoPeoplePage *self)
{
  GtkColumnView *view;

  gtk_widget_init_template (GTK_WIDGET (self));

  view = dpo_list_page_get_column_view (DPO_LIST_PAGE (self));
  dpo_columns_append (view, _("Reference"), reference_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Name"), name_cb, NULL, DPO_COLUMN_EXPAND | DPO_COLUMN_TOOLTIP);
  dpo_columns_append (view, _("Birth Date"), birth_date_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Member Number"), member_number_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("NIR"), nir_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Email"), email_cb, NULL, DPO_COLUMN_TOOLTIP);
  dpo_columns_append (view, _("Processing"), restricted_cb, NULL, DPO_COLUMN_BADGE);
  gtk_column_view_set_single_click_activate (view, TRUE);
  g_signal_connect_object (view, "activate", G_CALLBACK (on_column_view_activate_cb), self,
                           G_CONNECT_SWAPPED);

  add_new_button (self);
  /* "Am I affected?" under the search, above the list. */
  {
    GtkWidget *toolbar = GTK_WIDGET (dpo_list_page_get_toolbar (DPO_LIST_PAGE (self)));

    self->affected_check = g_object_new (DPO_TYPE_AFFECTED_CHECK, NULL);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (toolbar)),
                                GTK_WIDGET (self->affected_check), toolbar);
  }
  self->view = g_object_new (DPO_TYPE_PERSON_VIEW, NULL);
  dpo_list_page_add_detail (DPO_LIST_PAGE (self), GTK_WIDGET (self->view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.new", FALSE);
}

void
dpo_people_page_set_store (DpoPeoplePage *self,
                           DpoStore      *store)
{
  g_return_if_fail (DPO_IS_PEOPLE_PAGE (self));

  dpo_person_view_set_store (self->view, store);
  dpo_affected_check_set_store (self->affected_check, store);
  dpo_people_page_show_list (self);
  dpo_list_page_set_store (DPO_LIST_PAGE (self), store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.new", store != NULL);
}

GListModel *
dpo_people_page_get_model (DpoPeoplePage *self)
{
  g_return_val_if_fail (DPO_IS_PEOPLE_PAGE (self), NULL);

  return dpo_list_page_get_model (DPO_LIST_PAGE (self));
}

void
dpo_people_page_show_person (DpoPeoplePage *self,
                             const char    *id)
{
  g_return_if_fail (DPO_IS_PEOPLE_PAGE (self));
  g_return_if_fail (id != NULL);

  dpo_person_view_show (self->view, id);
  dpo_list_page_show_detail (DPO_LIST_PAGE (self));
}

void
dpo_people_page_show_list (DpoPeoplePage *self)
{
  g_return_if_fail (DPO_IS_PEOPLE_PAGE (self));

  dpo_list_page_show_list (DPO_LIST_PAGE (self));
}

DpoAffectedCheck *
dpo_people_page_get_affected_check (DpoPeoplePage *self)
{
  g_return_val_if_fail (DPO_IS_PEOPLE_PAGE (self), NULL);

  return self->affected_check;
}

DpoPersonView *
dpo_people_page_get_view (DpoPeoplePage *self)
{
  g_return_val_if_fail (DPO_IS_PEOPLE_PAGE (self), NULL);

  return self->view;
}

DpoEditorDialog *
dpo_people_page_new_person (DpoPeoplePage *self)
{
  DpoStore *store;

  g_return_val_if_fail (DPO_IS_PEOPLE_PAGE (self), NULL);

  store = dpo_list_page_get_store (DPO_LIST_PAGE (self));
  g_return_val_if_fail (store != NULL, NULL);

  return dpo_person_editor_present (GTK_WIDGET (self), store, NULL);
}
