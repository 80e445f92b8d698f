/* dpo-date-field.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-date-field.h"
#include "dpo-time.h"
#include "dpo-time-input.h"

typedef struct
{
  GtkWidget   *editable;   /* unowned: the field outlives its button */
  GtkCalendar *calendar;
  GtkPopover  *popover;
  gboolean     with_time;
} DateField;

/* The field's date, or today, shown when the calendar opens. */
static void
on_popover_show_cb (GtkWidget *popover,
                    DateField *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->editable));
  g_autoptr(GDateTime) selected = NULL;

  if (field->with_time)
    {
      g_autoptr(GDateTime) typed = dpo_time_input_parse (text, "-", NULL);

      if (typed != NULL)
        {
          g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();

          selected = g_date_time_to_timezone (typed, zone);
        }
    }
  else
    {
      GDate date;

      if (dpo_time_input_parse_date (text, "-", &date, NULL))
        selected = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                          g_date_get_day (&date), 12, 0, 0);
    }
  if (selected == NULL)
    selected = g_date_time_new_now_local ();
  gtk_calendar_select_day (field->calendar, selected);
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    DateField   *field)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (field->popover)))
    return;

  if (field->with_time)
    {
      /* The time already typed stays; a new field gets 09:00, a morning
       * hour the DPO corrects if needed. */
      const char *typed_text = gtk_editable_get_text (GTK_EDITABLE (field->editable));
      g_autoptr(GDateTime) typed = dpo_time_input_parse (typed_text, "-", NULL);
      g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();
      g_autoptr(GDateTime) local = typed != NULL ? g_date_time_to_timezone (typed, zone) : NULL;
      g_autoptr(GDateTime) chosen = NULL;

      chosen = g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                local != NULL ? g_date_time_get_hour (local) : 9,
                                local != NULL ? g_date_time_get_minute (local) : 0, 0);
      text = dpo_time_input_format (chosen);
    }
  else
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                      g_date_time_get_year (day));
      text = dpo_time_input_format_date (&date);
    }

  gtk_editable_set_text (GTK_EDITABLE (field->editable), text);
  gtk_popover_popdown (field->popover);
}

void
dpo_date_field_setup (GtkWidget  *editable,
                      const char *field_name,
                      gboolean    with_time)
{
  g_autofree char *example = dpo_time_input_example (with_time);
  g_autofree char *hint = NULL;
  g_autofree char *button_name = NULL;
  GtkWidget *button;
  GtkWidget *calendar;
  GtkWidget *popover;
  DateField *field;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  hint = g_strdup_printf (with_time
                          /* Translators: the example is in the locale's form,
                           * e.g. 29/11/2026 10:00 */
                          ? _("Local date and time, as %s, or pick the date from the calendar")
                          /* Translators: the example is in the locale's form,
                           * e.g. 29/11/2026 */
                          : _("A date, as %s, or pick it from the calendar"),
                          example);
  gtk_widget_set_tooltip_text (editable, hint);

  field = g_new0 (DateField, 1);
  field->editable = editable;
  field->with_time = with_time;

  calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  field->calendar = GTK_CALENDAR (calendar);
  field->popover = GTK_POPOVER (popover);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick from a calendar"));
  /* Translators: the accessible name of a calendar button; %s is a field */
  button_name = g_strdup_printf (_("%s: pick the date from a calendar"), field_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "dpo-date-field", field, g_free);
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_show_cb), field);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), field);

  if (ADW_IS_ENTRY_ROW (editable))
    {
      /* An entry row has no placeholder: the example sits beside it, dim,
       * marked as an example so it is not read as a second date. */
      /* Translators: before an example date in the locale's form, beside a
       * date field, e.g. "e.g. 29/11/2026 10:00" */
      g_autofree char *shown = g_strdup_printf (_("e.g. %s"), example);
      GtkWidget *label = gtk_label_new (shown);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hint,
                                      -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (editable), label);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (editable), button);
    }
  else
    {
      GtkWidget *row = gtk_widget_get_ancestor (editable, ADW_TYPE_ACTION_ROW);

      if (GTK_IS_ENTRY (editable))
        gtk_entry_set_placeholder_text (GTK_ENTRY (editable), example);
      if (row != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      else
        g_warning ("date field %s has no row for its calendar button", field_name);
    }
}

char *
dpo_date_field_format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  if (!dpo_date_parse (iso, &date, NULL))
    return g_strdup (iso);
  return dpo_time_input_format_date (&date);
}

char *
dpo_date_field_format_display (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  if (!dpo_date_parse (iso, &date, NULL))
    return g_strdup (iso);
  return dpo_date_format_display (&date);
}
