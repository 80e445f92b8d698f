/* dpo-columns.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-columns.h"
#include "dpo-time.h"

typedef struct
{
  DpoColumnTextFunc func;
  gpointer          user_data;
  DpoColumnFlags    flags;
} ColumnData;

#define CSS_CLASS_KEY "dpo-column-css-class"

/* The full text of a cell cut short. */
static gboolean
on_label_query_tooltip_cb (GtkWidget  *label,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ColumnData               *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  /* Long free text gives way (its tooltip has it all); references, dates
   * and badges keep their width, and a narrow window scrolls sideways
   * rather than truncating every column. */
  if (data->flags & DPO_COLUMN_TOOLTIP)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      /* The tooltip is asked for when the pointer rests on the cell: setting
       * it at each bind costs GTK 4.8 a round trip to the X server, for
       * every cell of every row shown. */
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_query_tooltip_cb), NULL);
    }

  if (data->flags & DPO_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");

  if (data->flags & DPO_COLUMN_BADGE)
    {
      gtk_widget_add_css_class (label, "badge");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
    }

  gtk_list_item_set_child (item, label);
}

static void
clear_css_class (GtkWidget *label)
{
  const char *old = g_object_get_data (G_OBJECT (label), CSS_CLASS_KEY);

  if (old != NULL)
    gtk_widget_remove_css_class (label, old);
  g_object_set_data (G_OBJECT (label), CSS_CLASS_KEY, NULL);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ColumnData               *data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DpoRow *row = gtk_list_item_get_item (item);
  const char *css_class = NULL;
  g_autofree char *text = NULL;

  clear_css_class (label);

  if (row == NULL)
    return;

  text = data->func (row, data->user_data, &css_class);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
  dpo_columns_name_row (label);

  if (css_class != NULL)
    {
      gtk_widget_add_css_class (label, css_class);
      /* Style classes are static strings: keep the pointer to remove it. */
      g_object_set_data (G_OBJECT (label), CSS_CLASS_KEY, (gpointer) css_class);
    }
}

void
dpo_columns_name_row (GtkWidget *cell_child)
{
  GtkWidget *cell = gtk_widget_get_parent (cell_child);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autoptr(GString) name = NULL;

  if (row == NULL || GTK_IS_COLUMN_VIEW (row))
    return;

  /* The cells bound so far: the last one bound completes the name. */
  name = g_string_new (NULL);
  for (GtkWidget *other = gtk_widget_get_first_child (row);
       other != NULL;
       other = gtk_widget_get_next_sibling (other))
    {
      GtkWidget *child = gtk_widget_get_first_child (other);
      const char *text;

      if (!GTK_IS_LABEL (child) || !gtk_widget_get_visible (child))
        continue;
      text = gtk_label_get_text (GTK_LABEL (child));
      if (*text == '\0')
        continue;
      if (name->len > 0)
        g_string_append (name, ", ");
      g_string_append (name, text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  -1);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ColumnData               *data)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  clear_css_class (label);
  gtk_label_set_text (GTK_LABEL (label), "");
}

GtkColumnViewColumn *
dpo_columns_append (GtkColumnView     *view,
                    const char        *title,
                    DpoColumnTextFunc  func,
                    gpointer           user_data,
                    DpoColumnFlags     flags)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  ColumnData *data;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  data = g_new0 (ColumnData, 1);
  data->func = func;
  data->user_data = user_data;
  data->flags = flags;

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), "dpo-column-data", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), data);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, (flags & DPO_COLUMN_EXPAND) != 0);
  gtk_column_view_append_column (view, column);

  return column;
}

char *
dpo_columns_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return dpo_date_format_display (date);
}

char *
dpo_columns_format_iso_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL || !dpo_date_parse (iso_date, &date, NULL))
    return NULL;

  return dpo_columns_format_date (&date);
}
