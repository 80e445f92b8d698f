/* test-cursor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "dpo-import.h"
#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-store-cursor.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* The store's read seam: cursors, their orders, the request rows of the
 * long lists (with and without reading ahead) and read snapshots. */

static DpoStore *
example_store (char **path)
{
  DpoStore *store = dpo_test_new_store (path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  return store;
}

static gint64
unix_or_none (GDateTime *time)
{
  return time != NULL ? g_date_time_to_unix (time) : DPO_STORE_NO_TIME;
}

/* Rows carry the same values as the records, in the same order. */
static void
test_request_rows_match_records (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStoreCursor) records = dpo_store_cursor_requests (store, DPO_STORE_ORDER_DATE, &error);
  g_autoptr(DpoStoreCursor) rows = dpo_store_cursor_request_rows (store, DPO_STORE_ORDER_DATE, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(DpoRequest) request = dpo_store_cursor_next_request (records, &error);
      const DpoRequestRow *row = dpo_store_cursor_next_request_row (rows, &error);

      g_assert_no_error (error);
      if (request == NULL)
        {
          g_assert_null (row);
          break;
        }
      g_assert_nonnull (row);
      g_assert_cmpstr (row->id, ==, request->id);
      g_assert_cmpstr (row->person, ==, request->subject_name);
      g_assert_cmpstr (row->requester_name, ==, request->requester_name);
      g_assert_cmpstr (row->kind, ==, request->kind);
      g_assert_cmpstr (row->channel, ==, request->channel);
      g_assert_cmpstr (row->status, ==, request->status);
      g_assert_cmpstr (row->outcome, ==, request->outcome);
      g_assert_cmpstr (row->refusal_ground, ==, request->refusal_ground);
      g_assert_cmpstr (row->extension_reason, ==, request->extension_reason);
      g_assert_cmpint (row->received_at, ==, unix_or_none (request->received_at));
      g_assert_cmpint (row->identity_verified_at, ==, unix_or_none (request->identity_verified_at));
      g_assert_cmpint (row->extension_notified_at, ==, unix_or_none (request->extension_notified_at));
      g_assert_cmpint (row->answered_at, ==, unix_or_none (request->answered_at));
      n++;
    }
  g_assert_cmpuint (n, ==, 5);
}

/* Whole records by reference: incidents with their children, people with
 * their contracts, requests. */
static void
test_records_by_id (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStoreCursor) incidents = dpo_store_cursor_incidents (store, DPO_STORE_ORDER_ID, TRUE, &error);
  g_autoptr(DpoStoreCursor) subjects = dpo_store_cursor_subjects (store, &error);
  g_autoptr(DpoStoreCursor) requests = dpo_store_cursor_requests (store, DPO_STORE_ORDER_ID, &error);
  g_autoptr(DpoIncident) incident = NULL;
  g_autofree char *last = g_strdup ("");
  DpoSubject *subject;
  DpoRequest *request;
  guint n_subjects = 0, n_requests = 0, n_contracts = 0;

  g_assert_no_error (error);
  incident = dpo_store_cursor_next_incident (incidents, &error);
  g_assert_nonnull (incident);
  g_assert_cmpuint (incident->events->len, >, 0);
  g_assert_cmpuint (incident->notifications->len, >, 0);
  g_assert_null (dpo_store_cursor_next_incident (incidents, &error));
  g_assert_no_error (error);

  while ((subject = dpo_store_cursor_next_subject (subjects, &error)) != NULL)
    {
      g_assert_cmpstr (last, <, subject->id);
      g_free (last);
      last = g_strdup (subject->id);
      n_contracts += subject->contracts->len;
      n_subjects++;
      dpo_subject_free (subject);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_subjects, ==, 8);
  g_assert_cmpuint (n_contracts, >, 0);

  g_clear_pointer (&last, g_free);
  last = g_strdup ("");
  while ((request = dpo_store_cursor_next_request (requests, &error)) != NULL)
    {
      g_assert_cmpstr (last, <, request->id);
      g_free (last);
      last = g_strdup (request->id);
      n_requests++;
      dpo_request_free (request);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_requests, ==, 5);
}

/* The open requests alone, soonest due first. */
static void
test_open_rows_by_due_date (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStoreCursor) rows = dpo_store_cursor_request_rows (store, DPO_STORE_ORDER_DUE, &error);
  g_autofree char *last = g_strdup ("");
  const DpoRequestRow *row;
  guint n = 0;

  g_assert_no_error (error);
  while ((row = dpo_store_cursor_next_request_row (rows, &error)) != NULL)
    {
      g_assert_true (dpo_request_status_is_open (dpo_enum_value (DPO_ENUM_REQUEST_STATUS, row->status)));
      g_assert_cmpstr (last, <=, row->current_due_on);
      g_free (last);
      last = g_strdup (row->current_due_on);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
}

/* @n requests, straight into the database from another connection (a
 * file or a server: the SQL is both's). */
static void
add_requests (const char *path,
              guint       first,
              guint       n)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (guint i = first; i < first + n; i++)
    {
      /* A few hundred rows a statement. */
      if ((i - first) % 250 == 0)
        g_string_append (sql, "INSERT INTO requests (id, requester_name, kind, received_at, channel, "
                              "status, due_on, current_due_on) VALUES ");
      g_string_append_printf (sql, "('R-T-%06u', 'Requester %u', 'access', '2030-01-01T%02u:%02u:%02uZ', "
                              "'email', 'received', '2030-02-01', '2030-02-01')%s",
                              i, i, i / 3600 % 24, i / 60 % 60, i % 60,
                              (i - first) % 250 == 249 || i + 1 == first + n ? ";" : ", ");
    }
  g_string_append (sql, "COMMIT;");
  dpo_test_exec (path, sql->str);
}

/* Every row, as "id|person|requester|received" lines. */
static char *
read_rows (DpoStore *store,
           gboolean  prefetch,
           guint     stop_after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStoreCursor) rows = dpo_store_cursor_request_rows (store, DPO_STORE_ORDER_DATE, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  const DpoRequestRow *row;
  guint n = 0;

  g_assert_no_error (error);
  if (prefetch)
    dpo_store_cursor_prefetch (rows);
  while (n < stop_after && (row = dpo_store_cursor_next_request_row (rows, &error)) != NULL)
    {
      g_string_append_printf (text, "%s|%s|%s|%" G_GINT64_FORMAT "\n", row->id,
                              row->person != NULL ? row->person : "-",
                              row->requester_name != NULL ? row->requester_name : "-",
                              row->received_at);
      n++;
    }
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reading ahead gives the same rows, across many batches; a cursor left
 * halfway stops its reader. */
static void
test_prefetch_same_rows (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = example_store (&path);
  g_autofree char *plain = NULL;
  g_autofree char *ahead = NULL;
  g_autofree char *part = NULL;

  add_requests (path, 0, 5000);
  plain = read_rows (store, FALSE, G_MAXUINT);
  ahead = read_rows (store, TRUE, G_MAXUINT);
  g_assert_cmpuint (strlen (plain), >, 5000 * 20);
  g_assert_cmpstr (plain, ==, ahead);

  part = read_rows (store, TRUE, 700);
  g_assert_true (g_str_has_prefix (plain, part));
  g_assert_cmpuint (strlen (part), <, strlen (plain));
  /* The store is free again. */
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 5005);
}

static guint
count_rows (DpoStore *store)
{
  g_autoptr(DpoStoreCursor) rows = dpo_store_cursor_request_rows (store, DPO_STORE_ORDER_DATE, NULL);
  guint n = 0;

  while (dpo_store_cursor_next_request_row (rows, NULL) != NULL)
    n++;
  return n;
}

/* Inside a snapshot, another connection's writes are not seen. */
static void
test_snapshot_is_consistent (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = example_store (&path);
  DpoStoreSnapshot *snapshot;
  DpoStoreCounts counts;

  snapshot = dpo_store_snapshot_begin (store);
  g_assert_cmpuint (count_rows (store), ==, 5);
  add_requests (path, 0, 3);
  g_assert_cmpuint (count_rows (store), ==, 5);
  dpo_store_count_records (store, &counts);
  g_assert_cmpuint (counts.requests, ==, 5);
  dpo_store_snapshot_end (snapshot);

  g_assert_cmpuint (count_rows (store), ==, 8);
  dpo_store_count_records (store, &counts);
  g_assert_cmpuint (counts.requests, ==, 8);
  g_assert_cmpuint (counts.subjects, ==, 8);
  g_assert_cmpuint (counts.incidents, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cursor/request-rows-match-records", test_request_rows_match_records);
  g_test_add_func ("/cursor/records-by-id", test_records_by_id);
  g_test_add_func ("/cursor/open-rows-by-due-date", test_open_rows_by_due_date);
  g_test_add_func ("/cursor/prefetch-same-rows", test_prefetch_same_rows);
  g_test_add_func ("/cursor/snapshot-is-consistent", test_snapshot_is_consistent);

  return g_test_run ();
}
