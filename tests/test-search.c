/* test-search.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "dpo-import.h"
#include "dpo-row.h"
#include "dpo-search-text.h"
#include "dpo-store.h"
#include "dpo-test-util.h"

/* Search that finds (issue 9): in any case, with or without accents, the
 * words in any order, any part of a number or reference, a NIR with or
 * without its spaces; in People and Requests; through every write path. */

static void
test_fold (void)
{
  g_autofree char *a = dpo_search_fold ("  Lefèvre-Œuvre   ÉLODIE ");
  g_autofree char *b = dpo_search_fold ("Strauß Ångström Ñúñez");
  g_autofree char *c = dpo_search_fold_compact ("2 78 04 75 056 123 74");
  g_autofree char *d = dpo_search_fold (NULL);
  g_auto(GStrv) words = dpo_search_terms ("Martin  claire Li");
  g_autofree char *nir = dpo_search_number ("2 83 09 2A 123");
  g_autofree char *not_number = dpo_search_number ("Martin 2024");
  g_autofree char *one_word = dpo_search_number ("104233");
  g_auto(GStrv) reference = dpo_search_terms ("R-2024-0003");
  g_auto(GStrv) short_only = dpo_search_terms ("R 2");

  g_assert_cmpstr (a, ==, "lefevre oeuvre elodie");
  g_assert_cmpstr (b, ==, "strauss angstrom nunez");
  g_assert_cmpstr (c, ==, "278047505612374");
  g_assert_cmpstr (d, ==, "");
  /* Words too short for the index ("Li") narrow nothing. */
  g_assert_cmpstrv (words, ((const char *[]) { "martin", "claire", NULL }));
  g_assert_cmpstr (nir, ==, "283092a123");
  g_assert_null (not_number);
  g_assert_null (one_word);
  g_assert_cmpstrv (reference, ((const char *[]) { "2024", "0003", NULL }));
  g_assert_null (short_only);
}

static DpoStore *
example_store (char **path)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;

  /* The import writes people through the store and requests through its
   * bulk loader. */
  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The ids found by @search, in the list's order, joined by spaces. */
static char *
found (DpoStore   *store,
       gboolean    people,
       const char *search)
{
  g_autoptr(GListModel) list = people ? dpo_store_list_subjects (store, search)
                                      : dpo_store_list_requests (store, search);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (list, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                              people ? dpo_row_get_subject (row)->id : dpo_row_get_request (row)->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_found(store, people, search, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = found ((store), (people), (search)); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static void
check_example (DpoStore *store)
{
  /* Case and accents. */
  assert_found (store, TRUE, "lefevre", "S-0003");
  assert_found (store, TRUE, "LEFÈVRE", "S-0003");
  assert_found (store, TRUE, "Lefevre Sophie", "S-0003");
  /* Words in any order. */
  assert_found (store, TRUE, "claire martin", "S-0001");
  assert_found (store, TRUE, "martin claire", "S-0001");
  assert_found (store, TRUE, "claire bernard", "");
  /* Any part of a member number, a reference. */
  assert_found (store, TRUE, "104233", "S-0001");
  assert_found (store, TRUE, "IP-104233", "S-0001");
  assert_found (store, TRUE, "0003", "S-0003");
  /* A NIR with or without its spaces, whole or its start. */
  assert_found (store, TRUE, "2 78 04 75 056 123 74", "S-0001");
  assert_found (store, TRUE, "278047505612374", "S-0001");
  assert_found (store, TRUE, "2 78 04", "S-0001");
  /* Short words stay prefix searches. */
  assert_found (store, TRUE, "Ma", "S-0001 S-0005");

  /* Requests: by their person, reference or requester. */
  assert_found (store, FALSE, "lefevre", "R-2024-0004");
  assert_found (store, FALSE, "claire martin", "R-2024-0001 R-2024-0002");
  assert_found (store, FALSE, "martin claire", "R-2024-0001 R-2024-0002");
  assert_found (store, FALSE, "104233", "R-2024-0001 R-2024-0002");
  assert_found (store, FALSE, "2 78 04 75 056 123 74", "R-2024-0001 R-2024-0002");
  /* Groups of digits are one number, not groups found anywhere. */
  assert_found (store, TRUE, "2 78 04 75 056 123 99", "");
  assert_found (store, FALSE, "2024-0003", "R-2024-0003");
  /* R-2024-0004 is S-0003's. */
  assert_found (store, FALSE, "0003", "R-2024-0003 R-2024-0004");
}

static void
test_example (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);

  check_example (store);
}

/* What a save changes is found under its new values, no longer the old. */
static void
test_saves (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);
  g_autoptr(DpoSubject) subject = dpo_store_get_subject (store, "S-0002", NULL);
  g_autoptr(DpoRequest) request = dpo_store_get_request (store, "R-2024-0005", NULL);
  g_autoptr(GError) error = NULL;

  g_free (subject->last_name);
  subject->last_name = g_strdup ("Bérénger");
  g_assert_true (dpo_store_save_subject (store, subject, &error));
  g_assert_no_error (error);
  assert_found (store, TRUE, "berenger luc", "S-0002");
  assert_found (store, TRUE, "bernard", "");
  assert_found (store, FALSE, "berenger", "R-2024-0003");

  g_free (request->requester_name);
  request->requester_name = g_strdup ("Maître Hélène Dubois");
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);
  assert_found (store, FALSE, "helene dubois", "R-2024-0005");
}

/* A database written before the index: the upgrade indexes its rows. */
static void
test_migration (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("the upgrade of a file written before the index is a file's own property");
      return;
    }
  store = example_store (&path);
  g_clear_object (&store);
  dpo_test_undo_schema_steps (path, 4);

  store = dpo_store_open (path, NULL);
  g_assert_nonnull (store);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects_search"), ==, 8);
  check_example (store);
}

/* A search matching more than DPO_STORE_SEARCH_LIMIT requests lists the
 * DPO_STORE_SEARCH_LIMIT due soonest, all of them matches (the plan that
 * checks each request in due-date order). */
static void
test_broad (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"dpo-workbench\", \"version\": 1, \"requests\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n = DPO_STORE_SEARCH_LIMIT + 50;
  gint64 last_received = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"R-2031-%05u\", \"subject\": null,"
                            " \"requester\": {\"name\": \"Hélène Duval %u\"}, \"kind\": \"access\","
                            " \"received_at\": \"2025-%02u-%02uT10:00:00Z\", \"status\": \"received\"}",
                            i > 0 ? ", " : "", i, i, 1 + i % 12, 1 + i % 28);
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  g_assert_true (dpo_import_bytes (store, bytes, "many", NULL, &error));
  g_assert_no_error (error);

  list = dpo_store_list_requests (store, "helene");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, DPO_STORE_SEARCH_LIMIT);
  for (guint i = 0; i < DPO_STORE_SEARCH_LIMIT; i += 997)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (list, i);
      DpoRequest *request = dpo_row_get_request (row);

      g_assert_true (g_str_has_prefix (request->requester_name, "Hélène Duval "));
      /* Due soonest first: one month after receipt, for these. */
      g_assert_cmpint (last_received, <=, g_date_time_to_unix (request->received_at));
      last_received = g_date_time_to_unix (request->received_at);
    }
  /* Narrow searches beside them are still exact. */
  assert_found (store, FALSE, "lefevre", "R-2024-0004");
  assert_found (store, FALSE, "duval 10042", "R-2031-10042");
}

/* A person deleted leaves nothing in the index. */
static void
test_delete (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = example_store (&path);

  /* S-0002's only contract has ended: the erasure rule allows it. */
  dpo_test_exec (path, "DELETE FROM subjects WHERE id = 'S-0002';"
                       "DELETE FROM requests WHERE id = 'R-2024-0004'");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects_search"
                                             " WHERE text LIKE '%bernard%'"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests_search"
                                             " WHERE text LIKE '%0004%'"), ==, 0);
}

/* The incident register's search: a part of the reference, title or
 * processor, in any case. */
static void
test_incidents (void)
{
  g_autoptr(DpoStore) store = example_store (NULL);
  g_autoptr(GListModel) all = dpo_store_list_incidents (store, NULL);
  g_autoptr(GListModel) processor = dpo_store_list_incidents (store, "VIAMEDIS");
  g_autoptr(GListModel) reference = dpo_store_list_incidents (store, "2024-01");
  g_autoptr(GListModel) none = dpo_store_list_incidents (store, "mutuelle du nord");
  g_autoptr(DpoRow) row = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (processor), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (reference), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  row = g_list_model_get_item (processor, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (dpo_row_get_incident (row)->id, ==, "INC-2024-01");
  /* The notification that stopped the clock, read with the row. */
  g_assert_nonnull (dpo_row_get_incident (row)->cnil_notified_at);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/example", test_example);
  g_test_add_func ("/search/saves", test_saves);
  g_test_add_func ("/search/migration", test_migration);
  g_test_add_func ("/search/delete", test_delete);
  g_test_add_func ("/search/broad", test_broad);
  g_test_add_func ("/search/incidents", test_incidents);
  return g_test_run ();
}
