/* dpo-time.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are stored as UTC ISO 8601 ("2024-01-29T09:00:00Z") and shown or
 * exported in the local time zone. Dates without time are "YYYY-MM-DD". */

/* Parses an ISO 8601 date-time that carries an offset or "Z"
 * ("2024-01-29T10:00:00+01:00"). Rejects impossible dates (2024-02-30),
 * missing offsets and trailing text with a DPO_ERROR_INVALID error. */
GDateTime *dpo_time_parse            (const char   *text,
                                      GError      **error);
/* "2024-01-29T09:00:00Z": the storage form, always UTC, second precision. */
char      *dpo_time_to_storage       (GDateTime    *time);
/* Reads the storage form back; NULL for NULL or unreadable text. */
GDateTime *dpo_time_from_storage     (const char   *text);
/* The local time zone; unlike g_time_zone_new_local(), cheap to call often. */
GTimeZone *dpo_time_dup_local_zone   (void);
/* "2024-01-29T10:00:00+01:00": the local time zone, for export. */
char      *dpo_time_to_iso_local     (GDateTime    *time);
/* "29 Jan 2024 10:00" in English, "29/01/2024 10:00" in French: for display,
 * in the local time zone. */
char      *dpo_time_format_display   (GDateTime    *time);
/* "29 Jan 2024" in English, "29/01/2024" in French. */
char      *dpo_date_format_display   (const GDate  *date);

/* Parses "YYYY-MM-DD" strictly (no 2024-02-30, no 2023-02-29). */
gboolean   dpo_date_parse            (const char   *text,
                                      GDate        *out,
                                      GError      **error);
char      *dpo_date_to_iso           (const GDate  *date);
/* The calendar date of @time in the local time zone. */
void       dpo_time_get_local_date   (GDateTime    *time,
                                      GDate        *out);
/* The same, as "YYYY-MM-DD" (today's date where a record keeps one). */
char      *dpo_time_to_local_iso_date (GDateTime   *time);
/* 23:59:59 local time on @date: "now" for --as-of (the register that evening). */
GDateTime *dpo_time_end_of_local_day (const GDate  *date);

G_END_DECLS
