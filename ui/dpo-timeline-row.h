/* dpo-timeline-row.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DPO_TYPE_TIMELINE_ROW (dpo_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (DpoTimelineRow, dpo_timeline_row, DPO, TIMELINE_ROW, AdwActionRow)

/* One line of an incident's story: the local date and time in a column,
 * an icon, a title and an optional subtitle. */

/* A moment placed among the entries (awareness, the CNIL deadline):
 * quieter, and with nothing to edit. */
GtkWidget *dpo_timeline_row_new_marker (GDateTime  *at,
                                        const char *icon_name,
                                        const char *title);
/* An entry the DPO recorded: its Edit and Delete buttons activate
 * "incident.edit-entry" and "incident.delete-entry" with the target
 * (@kind, @rowid); @suspicious flags a notification sent before awareness. */
GtkWidget *dpo_timeline_row_new_entry  (GDateTime  *at,
                                        const char *icon_name,
                                        const char *title,
                                        const char *subtitle,
                                        int         kind,
                                        gint64      rowid,
                                        gboolean    suspicious);

G_END_DECLS
