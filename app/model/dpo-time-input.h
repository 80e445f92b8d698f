/* dpo-time-input.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates and times as people type them in a form: the locale's form (LC_TIME:
 * "29/11/2026 10:00" in French, "11/29/2026 10:00 AM" in American English)
 * or ISO ("2026-11-29 10:00", or ISO 8601 with an offset). The C locale
 * writes ISO. Times are local (the zone of dpo_time_dup_local_zone()). */

/* A date: blank gives FALSE with no error and @out cleared; bad text a
 * DPO_ERROR_INVALID error "@field: “…” is not a date such as …". */
gboolean   dpo_time_input_parse_date  (const char   *text,
                                       const char   *field,
                                       GDate        *out,
                                       GError      **error);
/* A local date and time (seconds optional): NULL without error for blank
 * text; NULL with a DPO_ERROR_INVALID "@field: …" error for bad text, a
 * time that does not exist locally (clocks going forward) included. */
GDateTime *dpo_time_input_parse       (const char   *text,
                                       const char   *field,
                                       GError      **error);
/* @date in the locale's form: "29/11/2026", "11/29/2026", "2026-11-29". */
char      *dpo_time_input_format_date (const GDate  *date);
/* @time in the local zone and the locale's form; "" for NULL. */
char      *dpo_time_input_format      (GDateTime    *time);
/* An example in the locale's form, for a field's hint: 29 November 2026,
 * with 10:00 when @with_time. */
char      *dpo_time_input_example     (gboolean      with_time);

G_END_DECLS
