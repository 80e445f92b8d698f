/* dpo-deadlines-ics.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* The deadlines as an iCalendar file (RFC 5545) that a calendar application
 * subscribes to: one all-day event per open request on its current due
 * date, with a reminder 7 days before, and one event per running CNIL clock
 * at its deadline, with a reminder 24 hours before. Each event says how its
 * date was reached; its UID is built on the database's identity and the
 * reference, so that the same obligation keeps its UID from one export to
 * the next (a calendar updates it). As of dpo_store_dup_now(), which is
 * also the DTSTAMP. Written through DpoOutputFile: the whole file or
 * nothing. @n_events (may be NULL) receives the number of events. */
gboolean dpo_deadlines_write_ics        (DpoStore       *store,
                                         GFile          *file,
                                         guint          *n_events,
                                         GError        **error);
/* The same into @stream (standard output). */
gboolean dpo_deadlines_write_ics_stream (DpoStore       *store,
                                         GOutputStream  *stream,
                                         guint          *n_events,
                                         GError        **error);

/* dpo_deadlines_write_ics() on a worker thread with its own connection, as
 * of the caller's "now" (the window). */
void     dpo_deadlines_write_ics_async  (DpoStore             *store,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean dpo_deadlines_write_ics_finish (DpoStore             *store,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
