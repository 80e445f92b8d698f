/* dpo-computed.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-due-date.h"
#include "dpo-records.h"

G_BEGIN_DECLS

/* The computed values of DESIGN "Interchange format" (CNIL clock, request
 * due dates, overdue), as of a given "now". export-json and the registers
 * workbook both call these, so the two can never disagree. */

/* aware_at + 72 hours, or NULL when no CNIL notification is required. */
GDateTime     *dpo_incident_dup_cnil_deadline (const DpoIncident *incident);
DpoCnilStatus  dpo_incident_get_cnil_status   (const DpoIncident *incident,
                                               GDateTime         *now);

/* The people told of the breach (Art. 34): the sum of the communications'
 * counts; -1 when no communication gives a count. */
gint64         dpo_incident_count_informed    (const DpoIncident *incident);

typedef struct
{
  GDate    received_on;       /* the local calendar date of receipt */
  GDate    due_on;            /* one month after receipt */
  GDate    extended_due_on;   /* three months after receipt */
  gboolean extended;          /* an extension was notified: extended_due_on applies */
  gboolean open;              /* received or in progress */
  gboolean overdue;           /* open past its current due date */
} DpoRequestDeadlines;

/* Received or in progress: still to be answered. */
gboolean       dpo_request_is_open            (const DpoRequest  *request);
gboolean       dpo_request_status_is_open     (const char        *status);
void           dpo_request_get_deadlines      (const DpoRequest  *request,
                                               GDateTime         *now,
                                               gboolean           alsace_moselle,
                                               DpoRequestDeadlines *out);
/* The same with today's local date already known: for a long list. */
void           dpo_request_get_deadlines_on   (const DpoRequest  *request,
                                               const GDate       *today,
                                               gboolean           alsace_moselle,
                                               DpoRequestDeadlines *out);
/* The same from a request's parts, for a list that reads no records: its
 * local date of receipt, whether an extension was notified, whether open. */
void           dpo_request_deadlines_from     (const GDate       *received_on,
                                               gboolean           extended,
                                               gboolean           open,
                                               const GDate       *today,
                                               gboolean           alsace_moselle,
                                               DpoRequestDeadlines *out);
/* extended_due_on once extended, else due_on. */
const GDate   *dpo_request_deadlines_current  (const DpoRequestDeadlines *deadlines);

G_END_DECLS
