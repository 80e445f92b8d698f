/* dpo-affected-person.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-affected-person.h"
#include "dpo-store-affected.h"

struct _DpoAffectedPerson
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* the rows added, to take them out again */
};

G_DEFINE_FINAL_TYPE (DpoAffectedPerson, dpo_affected_person, ADW_TYPE_PREFERENCES_GROUP)

static char *
describe_informed (const DpoAffectedEntry *entry)
{
  GString *text = g_string_new (entry->listed ? _("On the processor’s list")
                                             : _("Co-insured with someone on the list"));

  if (entry->informed->len == 0)
    g_string_append (text, _(" · not informed yet"));
  for (guint i = 0; i < entry->informed->len; i++)
    {
      const DpoInformed *informed = g_ptr_array_index (entry->informed, i);
      g_autofree char *day = dpo_affected_format_day (informed->sent_at);

      g_string_append_printf (text, g_strcmp0 (informed->channel, "email") == 0
                                      ? _(" · informed by email on %s")
                                      : _(" · informed by post on %s"), day);
    }
  return g_string_free (text, FALSE);
}

static void
add_row (DpoAffectedPerson *self,
         const char        *title,
         const char        *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

void
dpo_affected_person_show (DpoAffectedPerson *self,
                          DpoStore          *store,
                          const char        *subject_id)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (DPO_IS_AFFECTED_PERSON (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (store != NULL && subject_id != NULL)
    entries = dpo_store_affected_for_subject (store, subject_id, NULL);
  if (entries == NULL || entries->len == 0)
    {
      add_row (self, _("Not affected by any incident"), NULL);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const DpoAffectedEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *subtitle = describe_informed (entry);

      add_row (self, entry->incident, subtitle);
    }
}

static void
dpo_affected_person_finalize (GObject *object)
{
  DpoAffectedPerson *self = DPO_AFFECTED_PERSON (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (dpo_affected_person_parent_class)->finalize (object);
}

static void
dpo_affected_person_class_init (DpoAffectedPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dpo_affected_person_finalize;
}

static void
dpo_affected_person_init (DpoAffectedPerson *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Incidents Affecting This Person"));
}
