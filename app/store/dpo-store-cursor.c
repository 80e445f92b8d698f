/* dpo-store-cursor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-store-cursor.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* SQLite's side of the read seam: a cursor is a statement of its own
 * (prepared for it, so that two cursors never share one), stepped row by
 * row. The orders are the ones the exports always had.
 *
 * On a server, a statement's whole result would come at once: a million
 * requests in the program's memory. A cursor there is the server's own
 * (DECLARE … CURSOR), read FETCH_ROWS rows at a time by a statement that
 * steps as any other: the rows of one FETCH, then the next FETCH. Inside a
 * transaction (a snapshot), the cursor reads that transaction's rows; outside
 * one, it is declared WITH HOLD, so that it outlives the statement's own
 * transaction (the server then keeps the result on its side, not ours). */

#define FETCH_ROWS 2000

struct _DpoStoreSnapshot
{
  DpoStore *store;
  gboolean  began;     /* FALSE inside the caller's own transaction */
};

typedef enum
{
  KIND_INCIDENT,
  KIND_SUBJECT,
  KIND_REQUEST,
  KIND_REQUEST_ROW,
} CursorKind;

typedef struct _Batch Batch;

struct _DpoStoreCursor
{
  DpoStore      *store;
  DpoSqlStmt  *stmt;
  CursorKind     kind;
  gboolean       children;
  gboolean       done;
  DpoRequestRow  row;
  GString       *person;
  char          *portal;        /* the server's cursor, or NULL (a file) */
  guint          fetched;       /* rows stepped in the current FETCH */
  /* Reading ahead (dpo_store_cursor_prefetch()): batches go from the
   * reading thread to the caller through @full and come back through @free. */
  GThread       *reader;
  GAsyncQueue   *full;
  GAsyncQueue   *free;
  Batch         *batch;         /* the caller's current batch */
  guint          index;         /* its next row */
  gint           stop;          /* atomic: the caller is done */
};

DpoStoreSnapshot *
dpo_store_snapshot_begin (DpoStore *self)
{
  DpoStoreSnapshot *snapshot;
  DpoSqlConn *db;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  db = _dpo_store_get_db (self);
  snapshot = g_new0 (DpoStoreSnapshot, 1);
  snapshot->store = g_object_ref (self);
  /* A deferred BEGIN: the snapshot is taken at the first read (a server's
   * REPEATABLE READ likewise). If it cannot begin, each read is still
   * consistent on its own. */
  snapshot->began = !dpo_sql_in_transaction (db) &&
                    dpo_sql_exec (db, dpo_sql_conn_get_engine (db) == DPO_SQL_POSTGRESQL
                                      ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  return snapshot;
}

void
dpo_store_snapshot_end (DpoStoreSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  if (snapshot->began)
    dpo_sql_exec (_dpo_store_get_db (snapshot->store), "COMMIT");
  g_object_unref (snapshot->store);
  g_free (snapshot);
}

static void
set_read_error (DpoStore  *self,
                GError   **error)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot read the database “%s”: %s"),
               dpo_store_get_path (self), dpo_sql_conn_errmsg (_dpo_store_get_db (self)));
}

static DpoStoreCursor *
cursor_new (DpoStore    *self,
            CursorKind   kind,
            const char  *sql,
            GError     **error)
{
  static gint n_portals;
  DpoSqlConn *db = _dpo_store_get_db (self);
  DpoStoreCursor *cursor;
  g_autofree char *portal = NULL;
  DpoSqlStmt *stmt;

  if (dpo_sql_conn_get_engine (db) == DPO_SQL_POSTGRESQL)
    {
      g_autofree char *declare = NULL;
      g_autofree char *fetch = NULL;

      portal = g_strdup_printf ("dpo_cursor_%d", g_atomic_int_add (&n_portals, 1));
      declare = g_strdup_printf ("DECLARE %s NO SCROLL CURSOR%s FOR %s", portal,
                                 dpo_sql_in_transaction (db) ? "" : " WITH HOLD", sql);
      fetch = g_strdup_printf ("FETCH %d FROM %s", FETCH_ROWS, portal);
      stmt = dpo_sql_exec (db, declare) ? dpo_sql_prepare (db, fetch, FALSE) : NULL;
    }
  else
    stmt = dpo_sql_prepare (db, sql, FALSE);

  if (stmt == NULL)
    {
      set_read_error (self, error);
      return NULL;
    }
  cursor = g_new0 (DpoStoreCursor, 1);
  cursor->store = g_object_ref (self);
  cursor->stmt = stmt;
  cursor->kind = kind;
  cursor->portal = g_steal_pointer (&portal);
  return cursor;
}

/* Closes the server's cursor if it is still there: one declared inside a
 * transaction went with it, and a CLOSE of a cursor gone would fail (and
 * fail the transaction the connection may be in by now). */
static void
close_portal (DpoStoreCursor *cursor)
{
  DpoSqlConn *db = _dpo_store_get_db (cursor->store);
  g_autoptr(DpoSqlStmt) exists = dpo_sql_prepare (db, "SELECT count(*) FROM pg_cursors WHERE name = ?",
                                                  FALSE);

  if (exists == NULL)
    return;
  dpo_sql_bind_text (exists, 1, cursor->portal);
  if (dpo_sql_step (exists) == DPO_SQL_ROW && dpo_sql_column_int64 (exists, 0) > 0)
    {
      g_autofree char *close = g_strdup_printf ("CLOSE %s", cursor->portal);

      dpo_sql_exec (db, close);
    }
}

static void stop_prefetch (DpoStoreCursor *cursor);

void
dpo_store_cursor_free (DpoStoreCursor *cursor)
{
  if (cursor == NULL)
    return;
  if (cursor->reader != NULL)
    stop_prefetch (cursor);
  dpo_sql_stmt_free (cursor->stmt);
  if (cursor->portal != NULL)
    close_portal (cursor);
  g_free (cursor->portal);
  g_object_unref (cursor->store);
  if (cursor->person != NULL)
    g_string_free (cursor->person, TRUE);
  g_free (cursor);
}

/* TRUE with a row to read; FALSE at the end or on error (@error set). */
static gboolean
step (DpoStoreCursor  *cursor,
      GError         **error)
{
  int rc;

  if (cursor->done)
    return FALSE;
  rc = dpo_sql_step (cursor->stmt);
  if (cursor->portal != NULL)
    {
      /* The end of a full FETCH: a step runs the next one. */
      if (rc == DPO_SQL_DONE && cursor->fetched == FETCH_ROWS)
        {
          cursor->fetched = 0;
          rc = dpo_sql_step (cursor->stmt);
        }
      if (rc == DPO_SQL_ROW)
        cursor->fetched++;
    }
  if (rc == DPO_SQL_ROW)
    return TRUE;
  cursor->done = TRUE;
  if (rc != DPO_SQL_DONE)
    set_read_error (cursor->store, error);
  return FALSE;
}

DpoStoreCursor *
dpo_store_cursor_incidents (DpoStore       *self,
                            DpoStoreOrder   order,
                            gboolean        children,
                            GError        **error)
{
  DpoStoreCursor *cursor;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (order == DPO_STORE_ORDER_ID || order == DPO_STORE_ORDER_DATE, NULL);

  cursor = cursor_new (self, KIND_INCIDENT,
                       order == DPO_STORE_ORDER_ID
                       ? "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i ORDER BY i.id"
                       : "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i ORDER BY i.aware_at, i.id",
                       error);
  if (cursor != NULL)
    cursor->children = children;
  return cursor;
}

DpoStoreCursor *
dpo_store_cursor_subjects (DpoStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  return cursor_new (self, KIND_SUBJECT,
                     "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s ORDER BY s.id", error);
}

DpoStoreCursor *
dpo_store_cursor_requests (DpoStore       *self,
                           DpoStoreOrder   order,
                           GError        **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (order == DPO_STORE_ORDER_ID || order == DPO_STORE_ORDER_DATE, NULL);

  return cursor_new (self, KIND_REQUEST,
                     order == DPO_STORE_ORDER_ID
                     ? "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                       "LEFT JOIN subjects s ON s.pk = r.subject ORDER BY r.id"
                     : "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                       "LEFT JOIN subjects s ON s.pk = r.subject ORDER BY r.received_at, r.pk",
                     error);
}

DpoIncident *
dpo_store_cursor_next_incident (DpoStoreCursor  *cursor,
                                GError         **error)
{
  DpoIncident *incident;

  g_return_val_if_fail (cursor != NULL && cursor->kind == KIND_INCIDENT, NULL);

  if (!step (cursor, error))
    return NULL;
  incident = _dpo_incident_from_row (cursor->stmt);
  if (cursor->children)
    _dpo_store_read_incident_children (cursor->store, incident);
  return incident;
}

DpoSubject *
dpo_store_cursor_next_subject (DpoStoreCursor  *cursor,
                               GError         **error)
{
  DpoSubject *subject;

  g_return_val_if_fail (cursor != NULL && cursor->kind == KIND_SUBJECT, NULL);

  if (!step (cursor, error))
    return NULL;
  subject = _dpo_subject_from_row (cursor->stmt);
  _dpo_store_read_subject_contracts (cursor->store, subject);
  _dpo_store_read_subject_holds (cursor->store, subject);
  return subject;
}

DpoRequest *
dpo_store_cursor_next_request (DpoStoreCursor  *cursor,
                               GError         **error)
{
  g_return_val_if_fail (cursor != NULL && cursor->kind == KIND_REQUEST, NULL);

  if (!step (cursor, error))
    return NULL;
  return _dpo_request_from_row (cursor->stmt);
}

/* The columns of a request row, in DpoRequestRow's order. */
#define REQUEST_ROW_COLUMNS \
  "r.id, s.last_name, s.first_name, s.pk IS NOT NULL, r.requester_name, r.kind, r.channel, " \
  "r.status, r.received_at, r.identity_verified_at, r.extension_notified_at, r.answered_at, " \
  "r.outcome, r.refusal_ground, r.extension_reason, r.current_due_on, s.restricted_since, " \
  "s.restriction_reason"

/* "Open" comes from the core: see _dpo_sql_open_statuses(). */
static const char *
open_request_rows_sql (void)
{
  static const char *sql;

  return _dpo_sql_once (&sql, "SELECT " REQUEST_ROW_COLUMNS " FROM requests r "
                        "LEFT JOIN subjects s ON s.pk = r.subject WHERE r.status IN %s "
                        "ORDER BY r.current_due_on, r.pk", _dpo_sql_open_statuses ());
}

DpoStoreCursor *
dpo_store_cursor_request_rows (DpoStore       *self,
                               DpoStoreOrder   order,
                               GError        **error)
{
  DpoStoreCursor *cursor;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (order == DPO_STORE_ORDER_DATE || order == DPO_STORE_ORDER_DUE, NULL);

  cursor = cursor_new (self, KIND_REQUEST_ROW,
                       order == DPO_STORE_ORDER_DATE
                       ? "SELECT " REQUEST_ROW_COLUMNS " FROM requests r "
                         "LEFT JOIN subjects s ON s.pk = r.subject ORDER BY r.received_at, r.pk"
                       : open_request_rows_sql (),
                       error);
  if (cursor != NULL)
    cursor->person = g_string_sized_new (64);
  return cursor;
}

static inline int
digits (const char *p,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* A stored time (dpo_time_to_storage(): "YYYY-MM-DDTHH:MM:SSZ") as Unix
 * seconds, read without a GDateTime: a million rows read four each.
 * Anything else goes through the general parser. */
static gint64
column_unix_time (DpoSqlStmt *stmt,
                  int           column)
{
  const char *text = dpo_sql_column_text (stmt, column);
  g_autoptr(GDateTime) parsed = NULL;
  int year, month, day, hour, minute, second;

  if (text == NULL)
    return DPO_STORE_NO_TIME;
  if (dpo_sql_column_bytes (stmt, column) == 20 && text[4] == '-' && text[7] == '-' &&
      text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z' &&
      (year = digits (text, 4)) >= 0 && (month = digits (text + 5, 2)) >= 1 && month <= 12 &&
      (day = digits (text + 8, 2)) >= 1 && day <= 31 && (hour = digits (text + 11, 2)) >= 0 &&
      hour < 24 && (minute = digits (text + 14, 2)) >= 0 && minute < 60 &&
      (second = digits (text + 17, 2)) >= 0 && second < 60)
    return days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;

  parsed = dpo_time_from_storage (text);
  return parsed != NULL ? g_date_time_to_unix (parsed) : DPO_STORE_NO_TIME;
}

static const char *
column_text (DpoSqlStmt *stmt,
             int           column)
{
  return dpo_sql_column_text (stmt, column);
}

static const DpoRequestRow *
read_request_row (DpoStoreCursor  *cursor,
                  GError         **error)
{
  DpoSqlStmt *stmt;
  DpoRequestRow *row;

  if (!step (cursor, error))
    return NULL;
  stmt = cursor->stmt;
  row = &cursor->row;
  row->id = column_text (stmt, 0);
  row->person = NULL;
  row->last_name = column_text (stmt, 1);
  row->first_name = column_text (stmt, 2);
  if (dpo_sql_column_int (stmt, 3))
    {
      /* As _dpo_request_from_row() names the person. */
      g_string_assign (cursor->person, row->last_name);
      g_string_append_c (cursor->person, ' ');
      g_string_append (cursor->person, row->first_name);
      row->person = cursor->person->str;
    }
  row->requester_name = column_text (stmt, 4);
  row->kind = column_text (stmt, 5);
  row->channel = column_text (stmt, 6);
  row->status = column_text (stmt, 7);
  row->received_at = column_unix_time (stmt, 8);
  row->identity_verified_at = column_unix_time (stmt, 9);
  row->extension_notified_at = column_unix_time (stmt, 10);
  row->answered_at = column_unix_time (stmt, 11);
  row->outcome = column_text (stmt, 12);
  row->refusal_ground = column_text (stmt, 13);
  row->extension_reason = column_text (stmt, 14);
  row->current_due_on = column_text (stmt, 15);
  row->restricted_since = column_text (stmt, 16);
  row->restriction_reason = column_text (stmt, 17);
  return row;
}

/* Reading ahead: a batch of rows whose strings are copied into one buffer. */
#define BATCH_ROWS 512
#define N_BATCHES  4
#define N_TEXTS    14

struct _Batch
{
  DpoRequestRow  rows[BATCH_ROWS];
  gssize         offsets[BATCH_ROWS][N_TEXTS];   /* into @text; -1 for NULL */
  guint          n_rows;
  GString       *text;
  gboolean       end;           /* no batch follows */
  GError        *error;         /* the read error that ended the rows */
};

/* The string fields of a row, in a fixed order. */
static void
row_texts (DpoRequestRow  *row,
           const char    **texts[N_TEXTS])
{
  texts[0] = &row->id;
  texts[1] = &row->person;
  texts[2] = &row->last_name;
  texts[3] = &row->first_name;
  texts[4] = &row->requester_name;
  texts[5] = &row->kind;
  texts[6] = &row->channel;
  texts[7] = &row->status;
  texts[8] = &row->outcome;
  texts[9] = &row->refusal_ground;
  texts[10] = &row->extension_reason;
  texts[11] = &row->current_due_on;
  texts[12] = &row->restricted_since;
  texts[13] = &row->restriction_reason;
}

static void
batch_add (Batch               *batch,
           const DpoRequestRow *row)
{
  guint n = batch->n_rows++;
  const char **texts[N_TEXTS];

  batch->rows[n] = *row;
  row_texts (&batch->rows[n], texts);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      const char *text = *texts[i];

      batch->offsets[n][i] = text != NULL ? (gssize) batch->text->len : -1;
      if (text != NULL)
        g_string_append_len (batch->text, text, strlen (text) + 1);
    }
}

/* Once the buffer no longer grows, its strings can be pointed at. */
static void
batch_seal (Batch *batch)
{
  for (guint n = 0; n < batch->n_rows; n++)
    {
      const char **texts[N_TEXTS];

      row_texts (&batch->rows[n], texts);
      for (guint i = 0; i < N_TEXTS; i++)
        *texts[i] = batch->offsets[n][i] >= 0 ? batch->text->str + batch->offsets[n][i] : NULL;
    }
}

static gpointer
prefetch_thread (gpointer data)
{
  DpoStoreCursor *cursor = data;
  gboolean end = FALSE;

  while (!end)
    {
      Batch *batch = g_async_queue_pop (cursor->free);
      const DpoRequestRow *row = NULL;

      batch->n_rows = 0;
      g_string_truncate (batch->text, 0);
      while (!g_atomic_int_get (&cursor->stop) && batch->n_rows < BATCH_ROWS &&
             (row = read_request_row (cursor, &batch->error)) != NULL)
        batch_add (batch, row);
      end = batch->end = row == NULL || g_atomic_int_get (&cursor->stop);
      batch_seal (batch);
      g_async_queue_push (cursor->full, batch);
    }
  return NULL;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_free (batch->text, TRUE);
  g_clear_error (&batch->error);
  g_free (batch);
}

void
dpo_store_cursor_prefetch (DpoStoreCursor *cursor)
{
  g_return_if_fail (cursor != NULL && cursor->kind == KIND_REQUEST_ROW);
  g_return_if_fail (cursor->reader == NULL);

  /* A connection moves between threads only if SQLite was built for it;
   * libpq's never: a server's cursor reads ahead by its FETCHes instead. */
  if (cursor->portal != NULL || !sqlite3_threadsafe ())
    return;
  cursor->full = g_async_queue_new_full (batch_free);
  cursor->free = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      batch->text = g_string_sized_new (BATCH_ROWS * 160);
      g_async_queue_push (cursor->free, batch);
    }
  cursor->reader = g_thread_new ("dpo-cursor", prefetch_thread, cursor);
}

/* The reader ends with the batch it is filling: take batches until it. */
static void
stop_prefetch (DpoStoreCursor *cursor)
{
  gboolean end = cursor->batch != NULL && cursor->batch->end;

  g_atomic_int_set (&cursor->stop, TRUE);
  if (cursor->batch != NULL)
    g_async_queue_push (cursor->free, g_steal_pointer (&cursor->batch));
  while (!end)
    {
      Batch *batch = g_async_queue_pop (cursor->full);

      end = batch->end;
      g_async_queue_push (cursor->free, batch);
    }
  g_thread_join (g_steal_pointer (&cursor->reader));
  g_async_queue_unref (cursor->full);
  g_async_queue_unref (cursor->free);
}

static const DpoRequestRow *
next_prefetched_row (DpoStoreCursor  *cursor,
                     GError         **error)
{
  while (cursor->batch == NULL || cursor->index >= cursor->batch->n_rows)
    {
      if (cursor->batch != NULL && cursor->batch->end)
        {
          if (cursor->batch->error != NULL)
            g_propagate_error (error, g_steal_pointer (&cursor->batch->error));
          return NULL;
        }
      if (cursor->batch != NULL)
        g_async_queue_push (cursor->free, cursor->batch);
      cursor->batch = g_async_queue_pop (cursor->full);
      cursor->index = 0;
    }
  return &cursor->batch->rows[cursor->index++];
}

const DpoRequestRow *
dpo_store_cursor_next_request_row (DpoStoreCursor  *cursor,
                                   GError         **error)
{
  g_return_val_if_fail (cursor != NULL && cursor->kind == KIND_REQUEST_ROW, NULL);

  if (cursor->reader != NULL)
    return next_prefetched_row (cursor, error);
  return read_request_row (cursor, error);
}

void
dpo_store_count_records (DpoStore       *self,
                         DpoStoreCounts *counts)
{
  DpoSqlStmt *stmt;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (counts != NULL);

  *counts = (DpoStoreCounts) { 0 };
  stmt = _dpo_store_prepare (self,
                             "SELECT (SELECT count(*) FROM incidents), (SELECT count(*) FROM events), "
                             "(SELECT count(*) FROM notifications), (SELECT count(*) FROM complaints), "
                             "(SELECT count(*) FROM communications), (SELECT count(*) FROM subjects), "
                             "(SELECT count(*) FROM requests)", NULL);
  if (stmt == NULL)
    return;
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      counts->incidents = dpo_sql_column_int64 (stmt, 0);
      counts->events = dpo_sql_column_int64 (stmt, 1);
      counts->notifications = dpo_sql_column_int64 (stmt, 2);
      counts->complaints = dpo_sql_column_int64 (stmt, 3);
      counts->communications = dpo_sql_column_int64 (stmt, 4);
      counts->subjects = dpo_sql_column_int64 (stmt, 5);
      counts->requests = dpo_sql_column_int64 (stmt, 6);
    }
  dpo_sql_reset (stmt);
}
