/* dpo-person-holds.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-carry-out.h"
#include "dpo-editor-dialog.h"
#include "dpo-hold-editor.h"
#include "dpo-person-holds.h"
#include "dpo-time.h"

typedef struct
{
  DpoStore  *store;
  char      *subject_id;
  char      *today;
  GPtrArray *rows;
} Holds;

static void
holds_free (gpointer data)
{
  Holds *h = data;

  g_clear_object (&h->store);
  g_free (h->subject_id);
  g_free (h->today);
  g_ptr_array_unref (h->rows);
  g_free (h);
}

static Holds *
get_holds (GtkWidget *widget)
{
  GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);

  /* The rows sit in the group's list, inside the group. */
  while (group != NULL && g_object_get_data (G_OBJECT (group), "dpo-holds") == NULL)
    group = gtk_widget_get_ancestor (gtk_widget_get_parent (group), ADW_TYPE_PREFERENCES_GROUP);
  return group != NULL ? g_object_get_data (G_OBJECT (group), "dpo-holds") : NULL;
}

static void
on_add_clicked_cb (GtkButton *button,
                   GtkWidget *group)
{
  Holds *h = g_object_get_data (G_OBJECT (group), "dpo-holds");

  if (h->subject_id != NULL)
    dpo_hold_editor_present (group, h->store, h->subject_id, NULL);
}

static void
on_row_activated_cb (AdwActionRow *row,
                     gpointer      user_data)
{
  Holds *h = get_holds (GTK_WIDGET (row));

  dpo_hold_editor_present (GTK_WIDGET (row), h->store, h->subject_id,
                           g_object_get_data (G_OBJECT (row), "dpo-hold"));
}

/* Lifting a hold ends it: it ran until yesterday (a hold runs through its
 * last day), so that erasure is possible from today; it stays in the
 * record. One that was to start today or later never ran: it is recorded
 * as ending the day before today, its start moved there too. */
static void
on_lift_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  Holds *h = get_holds (row);
  g_autoptr(DpoHold) hold = dpo_hold_copy (g_object_get_data (G_OBJECT (row), "dpo-hold"));
  g_autoptr(GError) error = NULL;
  GDate yesterday;

  if (!dpo_date_parse (h->today, &yesterday, NULL))
    return;
  g_date_subtract_days (&yesterday, 1);
  g_free (hold->until);
  hold->until = dpo_date_to_iso (&yesterday);
  if (hold->since != NULL && g_strcmp0 (hold->since, hold->until) > 0)
    {
      g_free (hold->since);
      hold->since = g_strdup (hold->until);
    }
  if (!dpo_store_save_hold (h->store, h->subject_id, hold, &error))
    {
      dpo_editor_show_error (GTK_WIDGET (button), _("Cannot Lift the Hold"), error->message);
      return;
    }
  dpo_editor_toast (GTK_WIDGET (button), _("Legal hold lifted: it no longer keeps the data"));
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
describe_period (const DpoHold *hold,
                 gboolean       running)
{
  g_autofree char *until = dpo_erasure_format_date (hold->until);
  g_autofree char *since = dpo_erasure_format_date (hold->since);
  g_autofree char *end = hold->until == NULL ? g_strdup (_("until lifted"))
    /* Translators: %s is the date a legal hold ends (or ended) */
    : g_strdup_printf (running ? _("until %s") : _("ended on %s"), until);

  if (hold->since == NULL)
    return g_steal_pointer (&end);
  /* Translators: the date a legal hold began, then its end ("until lifted") */
  return g_strdup_printf (_("Since %s, %s"), since, end);
}

static GtkWidget *
new_hold_row (const DpoHold *hold,
              const char    *today)
{
  gboolean running = dpo_hold_is_running_on (hold, today);
  const char *reason = dpo_enum_label (DPO_ENUM_HOLD_REASON, hold->reason);
  g_autofree char *period = describe_period (hold, running);
  /* Translators: a legal hold's reason, then its period */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), reason, period);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (hold->note != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hold->note);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_badge (running ? _("Running") : _("Lifted"),
                                        running ? "contract-active" : "contract-ended"));
  if (running)
    {
      GtkWidget *lift = gtk_button_new_with_label (_("Lift"));

      gtk_widget_set_valign (lift, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (lift, _("End the hold today"));
      g_signal_connect (lift, "clicked", G_CALLBACK (on_lift_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lift);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the legal hold"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "dpo-hold", dpo_hold_copy (hold), (GDestroyNotify) dpo_hold_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), NULL);
  return row;
}

GtkWidget *
dpo_person_holds_group_new (DpoStore *store)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_label (_("Add Hold…"));
  Holds *h = g_new0 (Holds, 1);

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  h->store = g_object_ref (store);
  h->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (group), "dpo-holds", h, holds_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Legal Holds"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("A litigation, a fraud investigation or another legal reason that keeps the person’s data: "
      "while a hold runs, they cannot be erased."));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), group);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

void
dpo_person_holds_fill (GtkWidget        *group,
                       const DpoSubject *subject,
                       const char       *today)
{
  Holds *h = g_object_get_data (G_OBJECT (group), "dpo-holds");

  g_return_if_fail (h != NULL);

  for (guint i = 0; i < h->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (h->rows, i));
  g_ptr_array_set_size (h->rows, 0);
  g_free (h->subject_id);
  h->subject_id = subject != NULL ? g_strdup (subject->id) : NULL;
  g_free (h->today);
  h->today = g_strdup (today);

  for (guint i = 0; subject != NULL && i < subject->holds->len; i++)
    {
      GtkWidget *row = new_hold_row (g_ptr_array_index (subject->holds, i), today);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (h->rows, row);
    }
  if (h->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No legal holds"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (h->rows, row);
    }
}

GtkWidget *
dpo_person_erasure_group_new (DpoStore *store)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Erasure"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, "erasure_row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (group), "dpo-row", row);
  g_object_set_data_full (G_OBJECT (group), "dpo-store", g_object_ref (store), g_object_unref);
  return group;
}

void
dpo_person_erasure_fill (GtkWidget        *group,
                         const DpoSubject *subject,
                         const char       *today)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (group), "dpo-row");
  DpoStore *store = g_object_get_data (G_OBJECT (group), "dpo-store");
  g_autoptr(DpoErasureVerdict) verdict = NULL;
  g_autofree char *title = NULL;
  g_autofree char *earliest = NULL;

  g_return_if_fail (row != NULL && store != NULL);

  if (subject == NULL)
    return;
  verdict = dpo_erasure_verdict_new (subject, today, dpo_store_get_retention_years (store));
  earliest = dpo_erasure_format_date (verdict->earliest);
  if (verdict->rule == DPO_ERASURE_ALLOWED)
    title = g_strdup (_("An erasure request would be carried out today"));
  else if (verdict->earliest != NULL)
    /* Translators: %s is the day erasure becomes possible */
    title = g_strdup_printf (_("An erasure request would be refused: possible from %s"), earliest);
  else
    title = g_strdup (_("An erasure request would be refused; no date can be given yet"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), verdict->reason != NULL ? verdict->reason : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  verdict->reason != NULL ? verdict->reason : "", -1);
}
