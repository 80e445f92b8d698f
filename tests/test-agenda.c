/* test-agenda.c: the day's work the dashboard lists.
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "dpo-import.h"
#include "dpo-store-agenda.h"
#include "dpo-store-counts.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

static void
add_incident (DpoStore   *store,
              const char *id,
              const char *risk,
              const char *aware_at,
              const char *cnil_sent_at,
              const char *delay_reason)
{
  g_autoptr(DpoIncident) incident = dpo_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->id = g_strdup (id);
  incident->title = g_strdup ("Fuite de données");
  incident->natures = g_strsplit ("confidentiality", ",", -1);
  incident->aware_at = dpo_time_parse (aware_at, NULL);
  incident->risk = g_strdup (risk);
  incident->delay_reason = g_strdup (delay_reason);
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);

  if (cnil_sent_at != NULL)
    {
      g_autoptr(DpoNotification) notification = dpo_notification_new ();

      notification->authority = g_strdup ("cnil");
      notification->kind = g_strdup ("initial");
      notification->sent_at = dpo_time_parse (cnil_sent_at, NULL);
      g_assert_true (dpo_store_save_notification (store, id, notification, &error));
      g_assert_no_error (error);
    }
}

static void
assert_ids (GPtrArray  *rows,
            const char *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  /* DpoIncident and DpoRequest both start with rowid, then id. */
  for (guint i = 0; i < rows->len; i++)
    {
      const DpoIncident *row = g_ptr_array_index (rows, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", row->id);
    }
  g_assert_cmpstr (ids->str, ==, expected);
}

static DpoStore *
example_store (void)
{
  g_autofree char *example_path = dpo_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_new_store (NULL);
  GDate date;

  /* As of 13 March 2024 the example's requests are due on 11, 12, 12,
   * 15 March and 30 April; its breach was notified on time. */
  g_date_set_dmy (&date, 13, G_DATE_MARCH, 2024);
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  g_assert_true (dpo_import_file (store, example, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* Each clock in its list, the most urgent first; what needs nothing more
 * (no risk, notified on time, late with its reason) in none. */
static void
test_agenda_clocks (void)
{
  g_autoptr(DpoStore) store = example_store ();
  g_autoptr(DpoAgenda) agenda = NULL;

  add_incident (store, "INC-A", "risk", "2024-03-13T12:00:00+01:00", NULL, NULL);
  add_incident (store, "INC-B", "high", "2024-03-12T08:00:00+01:00", NULL, NULL);
  add_incident (store, "INC-C", "risk", "2024-03-05T09:00:00+01:00", NULL, NULL);
  add_incident (store, "INC-D", "risk", "2024-03-01T09:00:00+01:00", "2024-03-06T09:00:00+01:00", NULL);
  add_incident (store, "INC-E", "risk", "2024-03-01T09:00:00+01:00", "2024-03-06T09:00:00+01:00",
                "Investigation du sous-traitant");
  add_incident (store, "INC-F", "none", "2024-03-13T12:00:00+01:00", NULL, NULL);
  add_incident (store, "INC-G", "risk", "2024-03-11T09:00:00+01:00", "2024-03-12T09:00:00+01:00", NULL);
  add_incident (store, "INC-H", "risk", "2024-03-02T09:00:00+01:00", NULL, NULL);

  agenda = dpo_store_read_agenda (store, 7, 5);
  assert_ids (agenda->running, "INC-B INC-A");
  g_assert_cmpuint (agenda->n_running, ==, 2);
  assert_ids (agenda->overdue_clocks, "INC-H INC-C");
  g_assert_cmpuint (agenda->n_overdue_clocks, ==, 2);
  assert_ids (agenda->missing_reason, "INC-D");
  g_assert_cmpuint (agenda->n_missing_reason, ==, 1);

  /* A limit keeps the first ones and counts the rest. */
  g_clear_pointer (&agenda, dpo_agenda_free);
  agenda = dpo_store_read_agenda (store, 7, 1);
  assert_ids (agenda->running, "INC-B");
  g_assert_cmpuint (agenda->n_running, ==, 2);
  assert_ids (agenda->overdue_clocks, "INC-H");
  g_assert_cmpuint (agenda->n_overdue_clocks, ==, 2);
}

/* Overdue and due soon, the soonest first, the first ones with the count
 * of all; a request answered leaves the list; one extended is due on its
 * three-month date. */
static void
test_agenda_requests (void)
{
  g_autoptr(DpoStore) store = example_store ();
  g_autoptr(DpoAgenda) agenda = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  agenda = dpo_store_read_agenda (store, 7, 2);
  assert_ids (agenda->overdue, "R-2024-0001 R-2024-0002");
  g_assert_cmpuint (agenda->n_overdue, ==, 3);
  assert_ids (agenda->due_soon, "R-2024-0004");
  g_assert_cmpuint (agenda->n_due_soon, ==, 1);
  g_assert_null (((DpoRequest *) agenda->due_soon->pdata[0])->extension_notified_at);
  g_assert_cmpuint (agenda->running->len + agenda->overdue_clocks->len + agenda->missing_reason->len, ==, 0);

  /* Extended, R-2024-0001 is due in May: off the list. */
  request = dpo_store_get_request (store, "R-2024-0001", &error);
  g_assert_no_error (error);
  request->extension_reason = g_strdup ("Demande complexe");
  request->extension_notified_at = dpo_time_parse ("2024-03-01T10:00:00+01:00", NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);

  g_clear_pointer (&agenda, dpo_agenda_free);
  agenda = dpo_store_read_agenda (store, 7, 5);
  assert_ids (agenda->overdue, "R-2024-0002 R-2024-0003");
  g_assert_cmpuint (agenda->n_overdue, ==, 2);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DpoAgenda **agenda = user_data;
  g_autoptr(GError) error = NULL;
  DpoStoreCounts counts;

  g_assert_true (dpo_store_read_day_finish (DPO_STORE (source), result, &counts, agenda, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.overdue, ==, 3);
  g_assert_nonnull (*agenda);
}

/* The window reads it on a worker thread, with the counts. */
static void
test_agenda_async (void)
{
  g_autoptr(DpoStore) store = example_store ();
  g_autoptr(DpoAgenda) agenda = NULL;

  dpo_store_read_day_async (store, 7, 10, NULL, on_read_cb, &agenda);
  while (agenda == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_ids (agenda->overdue, "R-2024-0001 R-2024-0002 R-2024-0003");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/clocks", test_agenda_clocks);
  g_test_add_func ("/agenda/requests", test_agenda_requests);
  g_test_add_func ("/agenda/async", test_agenda_async);

  return g_test_run ();
}
