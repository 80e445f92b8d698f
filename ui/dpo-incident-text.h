/* dpo-incident-text.h
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

/* What the incident view says about the CNIL clock and the obligations,
 * in plain words, as of @now. */

/* "Sunday 4 February 2024 at 17:30", local time. */
char     *dpo_incident_text_long_time        (GDateTime         *time);
/* "41 h 12 min", "100 h", "25 min"; "12 days" beyond a week. */
char     *dpo_incident_text_duration         (GTimeSpan          span);

/* The clock's headline ("41 h 12 min left to notify the CNIL",
 * "Notified on time"...), a sentence with the dates in @detail, and a
 * style class (cnil-pending, cnil-overdue...) in @css_class. */
char     *dpo_incident_text_clock            (const DpoIncident *incident,
                                              GDateTime         *now,
                                              char             **detail,
                                              const char       **css_class);
/* The risk's consequence for the CNIL, e.g. "The CNIL must be notified
 * within 72 hours of awareness — deadline Sunday 4 February 2024 at 17:30". */
char     *dpo_incident_text_cnil_obligation  (const DpoIncident *incident);
/* The same for the people affected; @detail says what was done so far.
 * @done is FALSE when informing them is required and nobody was told. */
char     *dpo_incident_text_people_obligation (const DpoIncident *incident,
                                               char             **detail,
                                               gboolean          *done);
/* The risk's obligations in one short sentence, for the editor. */
const char *dpo_incident_text_risk_obligations (const char       *risk);

/* "No risk to people", "A risk to people", "A high risk to people". */
const char *dpo_incident_text_risk_summary   (const char       *risk);

/* Overdue, or notified late: the CNIL expects the reason for the delay. */
gboolean  dpo_incident_needs_delay_reason    (const DpoIncident *incident,
                                              GDateTime         *now);

G_END_DECLS
