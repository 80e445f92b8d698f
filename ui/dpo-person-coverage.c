/* dpo-person-coverage.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-person-coverage.h"
#include "dpo-time.h"

char *
dpo_person_coverage_describe_beneficiaries (DpoStore          *store,
                                            const DpoContract *contract)
{
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (contract != NULL, NULL);

  if (contract->beneficiaries == NULL || contract->beneficiaries[0] == NULL)
    return NULL;
  names = g_string_new (NULL);
  for (guint i = 0; contract->beneficiaries[i] != NULL; i++)
    {
      g_autoptr(DpoSubject) person = dpo_store_get_subject (store, contract->beneficiaries[i], NULL);

      if (names->len > 0)
        g_string_append (names, ", ");
      if (person != NULL)
        /* Translators: a person's name: first name, then last name */
        g_string_append_printf (names, C_("person full name", "%s %s"), person->first_name, person->last_name);
      else
        g_string_append (names, contract->beneficiaries[i]);
    }
  /* Translators: %s lists the people a contract covers besides its holder */
  return g_strdup_printf (_("Covers %s"), names->str);
}

GtkWidget *
dpo_person_coverage_group_new (void)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Covered as a Beneficiary"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Contracts held by others that cover this person. While one "
                                           "is active, the person’s data cannot be erased either."));
  g_object_set_data_full (G_OBJECT (group), "dpo-rows", g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_set_visible (group, FALSE);
  return group;
}

static GtkWidget *
new_badge (const char *text,
           const char *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static char *
format_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !dpo_date_parse (iso, &date, NULL))
    return g_strdup (iso);
  return dpo_date_format_display (&date);
}

static GtkWidget *
new_covered_row (const DpoContract *contract,
                 const char        *today)
{
  gboolean active = dpo_contract_is_active_on (contract, today);
  /* Translators: a contract's number, then the name of the person who holds it */
  g_autofree char *title = g_strdup_printf (_("Covered by contract %s held by %s"),
                                            contract->number, contract->holder_name);
  g_autofree char *start = format_date (contract->start_date);
  g_autofree char *end = format_date (contract->end_date);
  g_autofree char *period = contract->end_date != NULL
    /* Translators: a contract's start and end dates */
    ? g_strdup_printf (_("%s – %s"), start, end)
    /* Translators: %s is a contract's start date */
    : g_strdup_printf (_("Since %s"), start);
  g_autofree char *subtitle = contract->product != NULL
    /* Translators: a contract's product, then its period */
    ? g_strdup_printf (_("%s · %s"), contract->product, period) : g_strdup (period);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_badge (active ? _("Active") : _("Ended"),
                                        active ? "contract-active" : "contract-ended"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show the holder"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", contract->holder_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

void
dpo_person_coverage_fill (GtkWidget        *group,
                          const DpoSubject *subject,
                          const char       *today)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "dpo-rows");

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group) && rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; subject != NULL && subject->covered_by != NULL && i < subject->covered_by->len; i++)
    {
      GtkWidget *row = new_covered_row (g_ptr_array_index (subject->covered_by, i), today);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (rows, row);
    }
  gtk_widget_set_visible (group, rows->len > 0);
}
