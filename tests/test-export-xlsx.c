/* test-export-xlsx.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-registers.h"
#include "dpo-import.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* The export API the window calls: progress, cancellation, the worker
 * thread. What the workbook holds is read back by test-xlsx.py. */

typedef struct
{
  guint    calls;
  guint64  last_done;
  guint64  last_total;
  gboolean cancel_at_first_call;
  GCancellable *cancellable;
  GMainContext *context;      /* where the calls must arrive */
  gboolean      in_context;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  p->calls++;
  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->last_done = done;
  p->last_total = total;
  if (p->context != NULL)
    p->in_context = p->in_context && g_main_context_is_owner (p->context);
  if (p->cancel_at_first_call)
    g_cancellable_cancel (p->cancellable);
}

static DpoStore *
scenario (char **dir)
{
  g_autofree char *path = NULL;
  DpoStore *store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  /* The workbook beside the file, or in a folder of its own for a server. */
  *dir = dpo_test_engine_is_server () ? dpo_test_make_dir () : g_path_get_dirname (path);
  return store;
}

/* @n requests, so that an export takes a few progress reports. */
static void
import_requests (DpoStore *store,
                 guint     n)
{
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"dpo-workbench\", \"version\": 1, "
                                         "\"requests\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "%s{\"id\": \"B-%05u\", \"kind\": \"access\", "
                            "\"received_at\": \"2024-04-02T10:00:00+02:00\", "
                            "\"requester\": {\"name\": \"Person %u\"}}", i ? ", " : "", i, i);
  g_string_append (doc, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&doc));
  g_assert_true (dpo_import_bytes (store, bytes, "requests", NULL, &error));
  g_assert_no_error (error);
}

/* Only the database's own files: no workbook, no temporary file. */
static void
assert_nothing_written (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "workbench.sqlite"));
}

static void
test_progress (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DpoStore) store = scenario (&dir);
  g_autofree char *path = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };

  import_requests (store, 3000);
  g_assert_true (dpo_registers_export (store, file, 0, on_progress, &p, NULL, &error));
  g_assert_no_error (error);
  /* Each incident counts once per incident register (five), then its events,
   * notifications, complaints, communications (twice: their own sheet and
   * the timeline), and the requests. */
  g_assert_cmpuint (p.last_total, ==, 1 * 5 + 6 + 2 + 1 + 2 * 2 + 5 + 3000);
  g_assert_cmpuint (p.last_done, ==, p.last_total);
  g_assert_cmpuint (p.calls, >=, 3);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&store);
  dpo_test_remove_tree (dir);
}

static void
test_cancel_midway (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DpoStore) store = scenario (&dir);
  g_autofree char *path = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { .cancel_at_first_call = TRUE, .cancellable = cancellable };

  import_requests (store, 3000);
  g_assert_false (dpo_registers_export (store, file, 0, on_progress, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.calls, ==, 1);
  assert_nothing_written (dir);

  g_clear_object (&store);
  dpo_test_remove_tree (dir);
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  w->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Waiter *w)
{
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return w->result;
}

static void
test_async (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DpoStore) store = scenario (&dir);
  g_autofree char *path = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Progress p = { .context = g_main_context_default (), .in_context = TRUE };
  Waiter w = { NULL };

  import_requests (store, 3000);
  dpo_registers_export_async (store, file, 0, on_progress, &p, NULL, on_done, &w);
  g_assert_true (dpo_registers_export_finish (store, wait_for (&w), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);

  /* The last report arrives before the callback, in the caller's context. */
  g_assert_cmpuint (p.calls, >=, 1);
  g_assert_true (p.in_context);
  g_assert_cmpuint (p.last_done, ==, p.last_total);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&store);
  dpo_test_remove_tree (dir);
}

static void
test_async_cancelled (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DpoStore) store = scenario (&dir);
  g_autofree char *path = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };

  g_cancellable_cancel (cancellable);
  dpo_registers_export_async (store, file, 0, NULL, NULL, cancellable, on_done, &w);
  g_assert_false (dpo_registers_export_finish (store, wait_for (&w), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&w.result);
  assert_nothing_written (dir);

  g_clear_object (&store);
  dpo_test_remove_tree (dir);
}

static void
test_incident_async (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DpoStore) store = scenario (&dir);
  g_autofree char *path = g_build_filename (dir, "incident.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Waiter w = { NULL };

  dpo_registers_export_incident_async (store, "NOPE", file, NULL, on_done, &w);
  g_assert_false (dpo_registers_export_incident_finish (store, wait_for (&w), &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_clear_object (&w.result);
  g_clear_error (&error);
  assert_nothing_written (dir);

  dpo_registers_export_incident_async (store, "INC-2024-01", file, NULL, on_done, &w);
  g_assert_true (dpo_registers_export_incident_finish (store, wait_for (&w), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&store);
  dpo_test_remove_tree (dir);
}

static void
test_error_names_the_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DpoStore) store = scenario (&dir);
  g_autofree char *path = g_build_filename (dir, "missing", "registers.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_registers_export (store, file, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));

  g_clear_object (&store);
  dpo_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-xlsx/progress", test_progress);
  g_test_add_func ("/export-xlsx/cancel-midway", test_cancel_midway);
  g_test_add_func ("/export-xlsx/async", test_async);
  g_test_add_func ("/export-xlsx/async-cancelled", test_async_cancelled);
  g_test_add_func ("/export-xlsx/incident-async", test_incident_async);
  g_test_add_func ("/export-xlsx/error-names-the-file", test_error_names_the_file);

  return g_test_run ();
}
