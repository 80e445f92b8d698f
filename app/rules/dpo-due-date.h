/* dpo-due-date.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-enums.h"

G_BEGIN_DECLS

/* GDPR Art. 33(1): the CNIL is notified within 72 hours of awareness. The
 * one home of the figure: the C clock and the incident list's SQL (which
 * pastes it in as a generated expression) both use it. */
#define DPO_CNIL_DELAY_HOURS 72

/* French public holidays (Code du travail L3133-1), Easter-based ones computed;
 * with @alsace_moselle, Good Friday and 26 December too. */
gboolean      dpo_date_is_public_holiday (const GDate *date,
                                          gboolean     alsace_moselle);
gboolean      dpo_date_is_working_day    (const GDate *date,
                                          gboolean     alsace_moselle);

/* Regulation 1182/71 Art. 3: @months after @from, same day number, else the
 * last day of that month; then, if not a working day, the next working day. */
void          dpo_deadline_add_months    (const GDate *from,
                                          guint        months,
                                          gboolean     alsace_moselle,
                                          GDate       *out);
/* A request's due date: one month after receipt, three when extended. */
void          dpo_request_due_on         (const GDate *received_on,
                                          gboolean     extended,
                                          gboolean     alsace_moselle,
                                          GDate       *out);

/* aware_at + DPO_CNIL_DELAY_HOURS elapsed hours (a real duration across DST changes). */
GDateTime    *dpo_cnil_deadline          (GDateTime   *aware_at);
gboolean      dpo_cnil_required          (const char  *risk);
/* GDPR Art. 34: the people affected must be informed when the risk is high. */
gboolean      dpo_people_must_be_informed (const char *risk);
/* @notified_at: the first *initial* CNIL notification, or NULL. */
DpoCnilStatus dpo_cnil_status            (const char  *risk,
                                          GDateTime   *aware_at,
                                          GDateTime   *notified_at,
                                          GDateTime   *now);
/* "not_required", "pending", ...: the export-json words. */
const char   *dpo_cnil_status_to_word    (DpoCnilStatus status);

G_END_DECLS
