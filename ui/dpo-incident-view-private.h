/* dpo-incident-view-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-affected-group.h"
#include "dpo-incident-view.h"
#include "dpo-notice-group.h"
#include "dpo-timeline.h"

G_BEGIN_DECLS

struct _DpoIncidentView
{
  AdwWindow        parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *title_label;
  GtkLabel        *summary_label;
  AdwActionRow    *clock_row;
  GtkLabel        *status_badge;
  AdwActionRow    *reason_row;
  GtkImage        *reason_icon;
  GtkButton       *reason_button;
  AdwActionRow    *cnil_obligation_row;
  AdwActionRow    *people_obligation_row;
  DpoNoticeGroup  *notice_group;
  DpoTimeline     *timeline;
  GtkListBox      *details_list;
  DpoAffectedGroup *affected_group;

  DpoStore        *store;
  char            *id;
  DpoIncident     *incident;      /* as last read; NULL before the first reading */
  const char      *badge_class;   /* a static style class */
  guint            clock_id;
  guint            reload_id;
  GCancellable    *export_cancellable;  /* while the report is written */
};

/* dpo-incident-view-actions.c */
void _dpo_incident_view_class_actions_init (DpoIncidentViewClass *klass);
void _dpo_incident_view_actions_update     (DpoIncidentView      *self);

/* dpo-incident-view.c */
void _dpo_incident_view_toast              (DpoIncidentView      *self,
                                            const char           *message);
void _dpo_incident_view_set_id             (DpoIncidentView      *self,
                                            const char           *id);
void _dpo_incident_view_queue_reload       (DpoIncidentView      *self);

G_END_DECLS
