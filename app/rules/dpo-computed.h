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

/* "Due soon": an open request due within this many days from today (the
 * Requests page's filter, its header count, the dashboard and the request's
 * badge all use it). */
#define DPO_DUE_SOON_DAYS 7

/* aware_at + 72 hours, or NULL when no CNIL notification is required. */
GDateTime     *dpo_incident_dup_cnil_deadline (const DpoIncident *incident);
/* The CNIL clock as it stood at @now (NULL: the wall clock): an initial
 * notification sent after @now had not happened yet, so a register "as of"
 * a day shows the clock running that evening. This is the one place that
 * rule lives; the SQL that pre-selects or orders incidents
 * (dpo-store-agenda.c, dpo-store-lists.c) compares first_cnil with the same
 * "now". */
DpoCnilStatus  dpo_incident_get_cnil_status   (const DpoIncident *incident,
                                               GDateTime         *now);

/* The people told of the breach (Art. 34): the sum of the communications'
 * counts; -1 when no communication gives a count. */
gint64         dpo_incident_count_informed    (const DpoIncident *incident);

/* The kind a new notification to @authority (and @authority_name, for
 * another authority) most likely is: initial when the incident holds no
 * notification to that authority yet, else complementary. Per authority:
 * a first ANSSI notification is initial even after the CNIL's. */
DpoNotificationKind dpo_incident_next_notification_kind (const DpoIncident *incident,
                                                         const char        *authority,
                                                         const char        *authority_name);

typedef struct
{
  GDate    received_on;       /* the local calendar date of receipt */
  GDate    due_on;            /* one month after receipt */
  GDate    extended_due_on;   /* three months after receipt */
  gboolean extended;          /* an extension was notified: extended_due_on applies */
  gboolean open;              /* received or in progress */
  gboolean overdue;           /* open past its current due date */
} DpoRequestDeadlines;

/* Received or in progress: still to be answered. The one home of "open":
 * the lists' SQL is generated from it (see dpo-store-lists.c). */
gboolean       dpo_request_status_is_open     (DpoRequestStatus   status);
gboolean       dpo_request_is_open            (const DpoRequest  *request);
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

typedef enum
{
  DPO_ON_TIME_NOT_YET,        /* open and not yet due, or closed without an answer date */
  DPO_ON_TIME_YES,            /* answered (or refused) on or before its current due date */
  DPO_ON_TIME_LATE,           /* answered after it, or open past it */
} DpoOnTime;

/* "On time": answered on or before the current due date (the registers'
 * On time column, the request's state line). @days_late (may be NULL)
 * receives how many days after the due date it was answered (0 or less
 * when on time; 0 when there is no answer date). */
DpoOnTime      dpo_request_get_on_time        (const DpoRequest          *request,
                                               const DpoRequestDeadlines *deadlines,
                                               int                       *days_late);
/* The same from the local date of the answer (NULL or invalid: none), for a
 * list that reads no records. */
DpoOnTime      dpo_request_on_time_on         (const DpoRequestDeadlines *deadlines,
                                               const GDate               *answered,
                                               int                       *days_late);

G_END_DECLS
