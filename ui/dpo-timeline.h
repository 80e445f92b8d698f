/* dpo-timeline.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-records.h"

G_BEGIN_DECLS

#define DPO_TYPE_TIMELINE (dpo_timeline_get_type ())

G_DECLARE_FINAL_TYPE (DpoTimeline, dpo_timeline, DPO, TIMELINE, AdwBin)

/* The incident's story: its events, notifications, complaints and
 * communications in one list, by date, each with an icon and its kind in
 * words; the moment of awareness and the CNIL deadline are placed among
 * them. Each entry's buttons activate "incident.edit-entry" and
 * "incident.delete-entry" with a "(ix)" target: (DpoIncidentChild, rowid). */
GtkWidget *dpo_timeline_new           (void);
void       dpo_timeline_set_incident  (DpoTimeline       *self,
                                       const DpoIncident *incident);
/* Entries shown, markers excluded. */
guint      dpo_timeline_get_n_entries (DpoTimeline       *self);

G_END_DECLS
