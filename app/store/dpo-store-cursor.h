/* dpo-store-cursor.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* The store's read seam for the features above it (export-json, the
 * registers workbook, the deadlines listing): read transactions and
 * cursors that yield records one at a time, in a stated order, so a
 * million rows cost no more memory than one. Nothing here names the
 * engine: another one (PostgreSQL) implements the same functions. */

typedef struct _DpoStoreSnapshot DpoStoreSnapshot;
typedef struct _DpoStoreCursor   DpoStoreCursor;

/* A read transaction: everything read until dpo_store_snapshot_end() sees
 * one consistent state of the database, whatever other connections write
 * meanwhile. Inside a transaction the caller already holds, it is that
 * one (and ending the snapshot leaves it open). Never NULL. */
DpoStoreSnapshot *dpo_store_snapshot_begin (DpoStore         *self);
void              dpo_store_snapshot_end   (DpoStoreSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoStoreSnapshot, dpo_store_snapshot_end)

typedef enum
{
  DPO_STORE_ORDER_ID,        /* by reference */
  DPO_STORE_ORDER_DATE,      /* incidents by awareness then reference; requests by
                              * receipt then in the order recorded */
  DPO_STORE_ORDER_DUE,       /* request rows: open requests only, by current due
                              * date then in the order recorded */
} DpoStoreOrder;

/* Incidents; with @children, each with its timeline, notifications,
 * complaints and communications (as dpo_store_get_incident()). */
DpoStoreCursor   *dpo_store_cursor_incidents (DpoStore       *self,
                                              DpoStoreOrder   order,
                                              gboolean        children,
                                              GError        **error);
/* People by reference, each with their contracts. */
DpoStoreCursor   *dpo_store_cursor_subjects  (DpoStore       *self,
                                              GError        **error);
/* Requests as whole records, DPO_STORE_ORDER_ID or _DATE. */
DpoStoreCursor   *dpo_store_cursor_requests  (DpoStore       *self,
                                              DpoStoreOrder   order,
                                              GError        **error);

/* The next record, owned by the caller; NULL at the end, or on a read
 * error (then @error is set, DPO_ERROR_IO naming the database). Each
 * cursor yields the kind it was made for. */
DpoIncident      *dpo_store_cursor_next_incident (DpoStoreCursor  *cursor,
                                                  GError         **error);
DpoSubject       *dpo_store_cursor_next_subject  (DpoStoreCursor  *cursor,
                                                  GError         **error);
DpoRequest       *dpo_store_cursor_next_request  (DpoStoreCursor  *cursor,
                                                  GError         **error);

/* No time: the field was empty. */
#define DPO_STORE_NO_TIME G_MININT64

/* A request as the long lists read it: no allocation per row. Strings
 * belong to the cursor and are valid until its next row; times are Unix
 * seconds (UTC) or DPO_STORE_NO_TIME. */
typedef struct
{
  const char *id;
  const char *person;             /* "LAST First"; NULL when no person is linked */
  const char *last_name;          /* the person's, or NULL */
  const char *first_name;
  const char *requester_name;
  const char *kind;               /* words, as stored */
  const char *channel;
  const char *status;
  gint64      received_at;
  gint64      identity_verified_at;
  gint64      extension_notified_at;
  gint64      answered_at;
  const char *outcome;
  const char *refusal_ground;
  const char *extension_reason;
  const char *current_due_on;     /* "YYYY-MM-DD", as stored */
  const char *restricted_since;   /* the person's restriction (Art. 18), or NULL */
  const char *restriction_reason;
} DpoRequestRow;

/* Request rows, DPO_STORE_ORDER_DATE (all) or DPO_STORE_ORDER_DUE (the
 * open ones: received or in progress). */
DpoStoreCursor      *dpo_store_cursor_request_rows     (DpoStore        *self,
                                                        DpoStoreOrder    order,
                                                        GError         **error);
/* The next row; NULL at the end or on a read error (@error set). */
const DpoRequestRow *dpo_store_cursor_next_request_row (DpoStoreCursor  *cursor,
                                                        GError         **error);
/* Reads the rows ahead on a thread of its own, a few hundred at a time,
 * while the caller writes the ones it has: a long export then reads the
 * database on one core and writes on the other. Until the cursor is freed
 * the store is the cursor's: the caller makes no other use of it. */
void                 dpo_store_cursor_prefetch         (DpoStoreCursor  *cursor);

void              dpo_store_cursor_free      (DpoStoreCursor *cursor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoStoreCursor, dpo_store_cursor_free)

/* How many records of each kind: progress reports size their work by it. */
typedef struct
{
  guint64 incidents;
  guint64 events;
  guint64 notifications;
  guint64 complaints;
  guint64 communications;
  guint64 subjects;
  guint64 requests;
} DpoStoreCounts;

void              dpo_store_count_records    (DpoStore       *self,
                                              DpoStoreCounts *counts);

G_END_DECLS
