/* dpo-beneficiary-list.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-beneficiary-list.h"
#include "dpo-row.h"
#include "dpo-ui.h"

/* A search is a query over the whole register: a few candidates are
 * enough to pick from, the DPO types more to narrow it. */
#define MAX_RESULTS 6
/* Two characters at least: one letter would list the whole register. */
#define MIN_SEARCH 2

struct _DpoBeneficiaryList
{
  GtkBox               parent_instance;

  /* Template children */
  AdwPreferencesGroup *listed_group;
  AdwPreferencesGroup *search_group;
  AdwEntryRow         *search_row;

  DpoStore            *store;
  char                *holder_id;
  GPtrArray           *ids;            /* of char *, as listed */
  GHashTable          *names;          /* id -> "First Last" */
  GPtrArray           *listed_rows;
  GPtrArray           *result_rows;
};

G_DEFINE_FINAL_TYPE (DpoBeneficiaryList, dpo_beneficiary_list, GTK_TYPE_BOX)

static char *
display_name (const DpoSubject *subject)
{
  /* Translators: a person's name: first name, then last name */
  return g_strdup_printf (C_("person full name", "%s %s"), subject->first_name, subject->last_name);
}

static char *
describe_person (const DpoSubject *subject)
{
  if (subject->member_number != NULL)
    /* Translators: a person's reference, then their member number */
    return g_strdup_printf (_("%s · member %s"), subject->id, subject->member_number);
  return g_strdup (subject->id);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static gboolean
is_listed (DpoBeneficiaryList *self,
           const char         *id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids, i), id))
      return TRUE;
  return FALSE;
}

static GtkWidget *
new_person_row (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static GtkWidget *
new_row_button (const char *icon_name,
                const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void rebuild_listed (DpoBeneficiaryList *self);

static void
on_remove_clicked_cb (GtkButton          *button,
                      DpoBeneficiaryList *self)
{
  dpo_beneficiary_list_remove (self, g_object_get_data (G_OBJECT (button), "dpo-id"));
}

static void
rebuild_listed (DpoBeneficiaryList *self)
{
  clear_rows (self->listed_group, self->listed_rows);

  for (guint i = 0; i < self->ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->ids, i);
      const char *name = g_hash_table_lookup (self->names, id);
      /* Translators: %s is a person's name */
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s from the contract"), name);
      GtkWidget *row = new_person_row (name, id);
      GtkWidget *button = new_row_button ("list-remove-symbolic", tooltip);

      g_object_set_data_full (G_OBJECT (button), "dpo-id", g_strdup (id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->listed_group, row);
      g_ptr_array_add (self->listed_rows, row);
    }

  if (self->ids->len == 0)
    {
      GtkWidget *row = new_person_row (_("None: the contract covers its holder alone"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->listed_group, row);
      g_ptr_array_add (self->listed_rows, row);
    }
}

static void
on_result_activated_cb (AdwActionRow       *row,
                        DpoBeneficiaryList *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "dpo-id"));

  if (dpo_beneficiary_list_add (self, id))
    gtk_editable_set_text (GTK_EDITABLE (self->search_row), "");
}

static void
on_add_clicked_cb (GtkButton          *button,
                   DpoBeneficiaryList *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  on_result_activated_cb (ADW_ACTION_ROW (row), self);
}

static void
add_result_row (DpoBeneficiaryList *self,
                const DpoSubject   *subject)
{
  g_autofree char *name = display_name (subject);
  g_autofree char *subtitle = describe_person (subject);
  /* Translators: %s is a person's name */
  g_autofree char *tooltip = g_strdup_printf (_("Add %s to the contract"), name);
  GtkWidget *row = new_person_row (name, subtitle);
  GtkWidget *button = new_row_button ("list-add-symbolic", tooltip);

  g_object_set_data_full (G_OBJECT (row), "dpo-id", g_strdup (subject->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_result_activated_cb), self, 0);
  adw_preferences_group_add (self->search_group, row);
  g_ptr_array_add (self->result_rows, row);
}

static void
on_search_row_changed_cb (DpoBeneficiaryList *self)
{
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_row))));
  g_autoptr(GListModel) model = NULL;
  guint n;

  clear_rows (self->search_group, self->result_rows);
  if (g_utf8_strlen (search, -1) < MIN_SEARCH)
    return;

  model = dpo_store_list_subjects (self->store, search);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && self->result_rows->len < MAX_RESULTS; i++)
    {
      g_autoptr(DpoRow) item = g_list_model_get_item (model, i);
      DpoSubject *subject = item != NULL ? dpo_row_get_subject (item) : NULL;

      if (subject == NULL || g_strcmp0 (subject->id, self->holder_id) == 0 || is_listed (self, subject->id))
        continue;
      add_result_row (self, subject);
    }

  if (self->result_rows->len == 0)
    {
      GtkWidget *row = new_person_row (_("No one else found"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->search_group, row);
      g_ptr_array_add (self->result_rows, row);
    }
}

gboolean
dpo_beneficiary_list_add (DpoBeneficiaryList *self,
                          const char         *id)
{
  g_autoptr(DpoSubject) subject = NULL;

  g_return_val_if_fail (DPO_IS_BENEFICIARY_LIST (self), FALSE);

  if (id == NULL || g_strcmp0 (id, self->holder_id) == 0 || is_listed (self, id))
    return FALSE;
  subject = dpo_store_get_subject (self->store, id, NULL);
  if (subject == NULL)
    return FALSE;
  g_ptr_array_add (self->ids, g_strdup (id));
  g_hash_table_insert (self->names, g_strdup (id), display_name (subject));
  rebuild_listed (self);
  return TRUE;
}

gboolean
dpo_beneficiary_list_remove (DpoBeneficiaryList *self,
                             const char         *id)
{
  g_return_val_if_fail (DPO_IS_BENEFICIARY_LIST (self), FALSE);

  for (guint i = 0; id != NULL && i < self->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids, i), id))
      {
        g_ptr_array_remove_index (self->ids, i);
        rebuild_listed (self);
        return TRUE;
      }
  return FALSE;
}

GStrv
dpo_beneficiary_list_dup_ids (DpoBeneficiaryList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DPO_IS_BENEFICIARY_LIST (self), NULL);

  for (guint i = 0; i < self->ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->ids, i));
  return g_strv_builder_end (builder);
}

static void
dpo_beneficiary_list_dispose (GObject *object)
{
  DpoBeneficiaryList *self = DPO_BENEFICIARY_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->holder_id, g_free);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->listed_rows, g_ptr_array_unref);
  g_clear_pointer (&self->result_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_BENEFICIARY_LIST);

  G_OBJECT_CLASS (dpo_beneficiary_list_parent_class)->dispose (object);
}

static void
dpo_beneficiary_list_class_init (DpoBeneficiaryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_beneficiary_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-beneficiary-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoBeneficiaryList, listed_group);
  gtk_widget_class_bind_template_child (widget_class, DpoBeneficiaryList, search_group);
  gtk_widget_class_bind_template_child (widget_class, DpoBeneficiaryList, search_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_row_changed_cb);
}

static void
dpo_beneficiary_list_init (DpoBeneficiaryList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->listed_rows = g_ptr_array_new ();
  self->result_rows = g_ptr_array_new ();
}

GtkWidget *
dpo_beneficiary_list_new (DpoStore           *store,
                          const char         *holder_id,
                          const char * const *ids)
{
  DpoBeneficiaryList *self;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  self = g_object_new (DPO_TYPE_BENEFICIARY_LIST, NULL);
  self->store = g_object_ref (store);
  self->holder_id = g_strdup (holder_id);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!dpo_beneficiary_list_add (self, ids[i]))
      {
        /* Erased meanwhile, say: still shown, by its reference. */
        g_ptr_array_add (self->ids, g_strdup (ids[i]));
        g_hash_table_insert (self->names, g_strdup (ids[i]), g_strdup (ids[i]));
      }
  rebuild_listed (self);
  return GTK_WIDGET (self);
}
