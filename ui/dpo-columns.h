/* dpo-columns.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dpo-row.h"

G_BEGIN_DECLS

typedef enum
{
  DPO_COLUMN_DEFAULT = 0,
  DPO_COLUMN_EXPAND  = 1 << 0,  /* takes the spare width */
  DPO_COLUMN_TOOLTIP = 1 << 1,  /* long text: ellipsized, the full text in a tooltip */
  DPO_COLUMN_NUMERIC = 1 << 2,  /* tabular figures: references, numbers, dates */
  DPO_COLUMN_BADGE   = 1 << 3,  /* a pill-shaped status label */
} DpoColumnFlags;

/* Returns the cell's text (owned by the caller, NULL for none) and, if
 * @css_class is not NULL, may point it at a static style class for the cell. */
typedef char *(*DpoColumnTextFunc) (DpoRow      *row,
                                    gpointer     user_data,
                                    const char **css_class);

/* Appends a column of labels, filled by @func for each visible row only
 * (rows come from a lazy model, so nothing is computed for hidden ones). */
GtkColumnViewColumn *dpo_columns_append (GtkColumnView     *view,
                                         const char        *title,
                                         DpoColumnTextFunc  func,
                                         gpointer           user_data,
                                         DpoColumnFlags     flags);

/* Names the list row holding @cell_child (a cell's label) after the
 * texts of its cells, "R-2024-0002, Erasure, Martin Claire, …", so that a
 * screen reader announces each row; called at each cell's bind. */
void  dpo_columns_name_row        (GtkWidget   *cell_child);

/* The locale's date ("29/01/2024" in French) from "2024-01-29" or a GDate,
 * like dpo_time_format_display(); NULL for NULL/invalid input. */
char *dpo_columns_format_iso_date (const char  *iso_date);
char *dpo_columns_format_date     (const GDate *date);

G_END_DECLS
