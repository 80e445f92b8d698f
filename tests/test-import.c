/* test-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-store-loader.h"
#include "dpo-test-util.h"

#define AS_OF "2024-02-20"

static JsonObject *
parse_object (const char *text,
              JsonNode  **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  return json_node_get_object (*keep);
}

static void
test_round_trip (void)
{
  g_autoptr(DpoStore) first = dpo_test_new_store (NULL);
  g_autoptr(DpoStore) second = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GBytes) exported_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  DpoImportCounts counts = { 0 };

  g_assert_true (dpo_import_bytes (first, example, "breach-2024.json", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.subjects, ==, 8);
  g_assert_cmpuint (counts.requests, ==, 5);

  exported = dpo_test_export (first, AS_OF);
  exported_bytes = g_bytes_new (exported, strlen (exported));
  g_assert_true (dpo_import_bytes (second, exported_bytes, "exported.json", NULL, &error));
  g_assert_no_error (error);
  again = dpo_test_export (second, AS_OF);

  g_assert_cmpstr (exported, ==, again);
}

/* Under TZ=Europe/Paris the times come back exactly as the scenario wrote them. */
static void
test_export_values (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(JsonNode) keep = NULL;
  g_autofree char *exported = NULL;
  JsonObject *root, *incident, *subject, *request, *changes;
  JsonArray *requests;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  exported = dpo_test_export (store, AS_OF);
  root = parse_object (exported, &keep);

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "dpo-workbench");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);

  incident = json_array_get_object_element (json_object_get_array_member (root, "incidents"), 0);
  g_assert_cmpstr (json_object_get_string_member (incident, "aware_at"), ==, "2024-02-01T17:30:00+01:00");
  g_assert_cmpint (json_object_get_int_member (incident, "approx_subjects"), ==, 18000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (incident, "events")), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (incident, "cnil_deadline"), ==, "2024-02-04T17:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (incident, "cnil_notified_at"), ==, "2024-02-02T16:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (incident, "cnil_status"), ==, "on_time");
  /* Issue 9: what was said to the people, imported and exported. */
  {
    JsonArray *communications = json_object_get_array_member (incident, "communications");
    JsonObject *post = json_array_get_object_element (communications, 1);

    g_assert_cmpuint (json_array_get_length (communications), ==, 2);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (communications, 0),
                                                                    "message"), "Vos nom, date de naissance"));
    g_assert_cmpstr (json_object_get_string_member (post, "channel"), ==, "post");
    g_assert_true (g_str_has_prefix (json_object_get_string_member (post, "message"), "Courrier reprenant"));
  }

  subject = json_array_get_object_element (json_object_get_array_member (root, "subjects"), 4);
  g_assert_cmpstr (json_object_get_string_member (subject, "nir"), ==, "283092A00411777");

  requests = json_object_get_array_member (root, "requests");
  /* Received Friday 9 February 2024: 9 March is a Saturday, due Monday 11 March. */
  request = json_array_get_object_element (requests, 0);
  g_assert_cmpstr (json_object_get_string_member (request, "due_on"), ==, "2024-03-11");
  g_assert_false (json_object_get_boolean_member (request, "overdue"));
  request = json_array_get_object_element (requests, 3);
  changes = json_object_get_object_member (request, "changes");
  g_assert_cmpstr (json_object_get_string_member (changes, "email"), ==, "sophie.lefevre@example.org");
  /* Received 31 March 2024: April has 30 days, so 30 April (a Tuesday). */
  request = json_array_get_object_element (requests, 4);
  g_assert_cmpstr (json_object_get_string_member (request, "due_on"), ==, "2024-04-30");
}

static void
test_export_as_of_changes_computed_fields (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(JsonNode) keep = NULL;
  g_autofree char *exported = NULL;
  JsonObject *root, *request;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  exported = dpo_test_export (store, "2024-03-12");
  root = parse_object (exported, &keep);
  request = json_array_get_object_element (json_object_get_array_member (root, "requests"), 0);
  /* Due 11 March and still "received" on 12 March: overdue. */
  g_assert_true (json_object_get_boolean_member (request, "overdue"));
}

typedef struct
{
  const char *name;
  const char *json;
  const char *needles[3];
} BadInput;

#define HEAD "{\"format\": \"dpo-workbench\", \"version\": 1, "
#define INCIDENT_OK "\"id\": \"INC-9\", \"title\": \"T\", \"natures\": [\"integrity\"], " \
                    "\"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"risk\""
#define PERSON_OK "\"id\": \"S-9\", \"last_name\": \"Durand\", \"first_name\": \"Anne\""
#define REQUEST_OK "\"kind\": \"access\", \"received_at\": \"2024-05-02T10:00:00+02:00\""

static const BadInput BAD_INPUTS[] = {
  { "malformed-json", HEAD "\"incidents\": [", { "not valid JSON" } },
  { "empty-file", "", { "empty" } },
  { "not-utf8", HEAD "\"subjects\": [{\"id\": \"S-9\", \"last_name\": \"Dur\xe9\"}]}", { "UTF-8", "offset" } },
  { "top-level-array", "[1, 2]", { "top level", "object" } },
  { "unknown-format", "{\"format\": \"excel\", \"version\": 1}", { "at format", "excel" } },
  { "newer-version", "{\"format\": \"dpo-workbench\", \"version\": 2}", { "at version", "newer" } },
  { "wrong-type", HEAD "\"incidents\": [{" INCIDENT_OK ", \"approx_subjects\": \"many\"}]}",
    { "incidents[0].approx_subjects", "whole number", "text" } },
  { "negative-count", HEAD "\"incidents\": [{" INCIDENT_OK ", \"approx_records\": -5}]}",
    { "incidents[0].approx_records", "negative" } },
  { "unknown-enum", HEAD "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"integrity\"], "
    "\"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"severe\"}]}",
    { "incidents[0].risk", "severe", "none, risk, high" } },
  { "unknown-nature", HEAD "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"theft\"], "
    "\"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"high\"}]}",
    { "incidents[0].natures[0]", "theft" } },
  { "missing-aware-at", HEAD "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"integrity\"], "
    "\"risk\": \"high\"}]}", { "incidents[0].aware_at", "missing" } },
  { "empty-title", HEAD "\"incidents\": [{\"id\": \"I\", \"title\": \"  \", \"natures\": [\"integrity\"], "
    "\"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"high\"}]}", { "incidents[0].title", "empty" } },
  { "impossible-date", HEAD "\"subjects\": [{" PERSON_OK ", \"birth_date\": \"2024-02-30\"}]}",
    { "subjects[0].birth_date", "2024-02-30" } },
  { "impossible-time", HEAD "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"integrity\"], "
    "\"aware_at\": \"2023-02-29T10:00:00+01:00\", \"risk\": \"high\"}]}", { "incidents[0].aware_at", "2023-02-29" } },
  { "time-without-offset", HEAD "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"integrity\"], "
    "\"aware_at\": \"2024-01-29T10:00:00\", \"risk\": \"high\"}]}", { "incidents[0].aware_at", "time zone" } },
  { "invalid-nir", HEAD "\"subjects\": [{" PERSON_OK ", \"nir\": \"278047505612375\"}]}",
    { "subjects[0].nir", "278047505612375", "key" } },
  { "nir-wrong-length", HEAD "\"subjects\": [{" PERSON_OK ", \"nir\": \"27804750561237\"}]}",
    { "subjects[0].nir", "15" } },
  { "unknown-person", HEAD "\"requests\": [{\"id\": \"R-1\", \"subject\": \"S-404\", " REQUEST_OK "}]}",
    { "requests[0].subject", "S-404" } },
  { "no-person", HEAD "\"requests\": [{\"id\": \"R-1\", " REQUEST_OK "}]}", { "requests[0].subject", "missing" } },
  { "duplicate-id", HEAD "\"subjects\": [{" PERSON_OK "}, {" PERSON_OK "}]}", { "subjects[1].id", "twice" } },
  { "contract-ends-first", HEAD "\"subjects\": [{" PERSON_OK ", \"contracts\": [{\"number\": \"C\", "
    "\"start_date\": \"2024-01-01\", \"end_date\": \"2023-01-01\"}]}]}",
    { "subjects[0].contracts[0].end_date", "before" } },
  { "event-kind", HEAD "\"incidents\": [{" INCIDENT_OK ", \"events\": [{\"at\": \"2024-05-02T10:00:00+02:00\", "
    "\"kind\": \"detection\"}, {\"at\": \"2024-05-02T11:00:00+02:00\", \"kind\": \"party\"}]}]}",
    { "incidents[0].events[1].kind", "party" } },
  { "rectify-unknown-field", HEAD "\"subjects\": [{" PERSON_OK "}], \"requests\": [{\"id\": \"R-1\", "
    "\"subject\": \"S-9\", \"kind\": \"rectification\", \"received_at\": \"2024-05-02T10:00:00+02:00\", "
    "\"changes\": {\"salary\": \"1\"}}]}", { "requests[0].changes.salary", "not a field" } },
  /* Issue 9: any authority, the path of the date named, both dates to correct. */
  { "notification-before-awareness", HEAD "\"incidents\": [{" INCIDENT_OK ", \"notifications\": ["
    "{\"authority\": \"cnil\", \"kind\": \"initial\", \"sent_at\": \"2024-05-02T10:00:00+02:00\"}, "
    "{\"authority\": \"anssi\", \"kind\": \"initial\", \"sent_at\": \"2024-05-01T10:00:00+02:00\"}]}]}",
    { "incidents[0].notifications[1].sent_at", "before the incident’s awareness",
      "correct the notification’s date or the awareness date" } },
  /* Everything valid but the very last record: nothing of the rest may land. */
  { "last-record-bad", HEAD "\"incidents\": [{" INCIDENT_OK "}], \"subjects\": [{" PERSON_OK "}], "
    "\"requests\": [{\"id\": \"R-1\", \"subject\": \"S-9\", " REQUEST_OK "}, {\"id\": \"R-2\", "
    "\"subject\": \"S-9\", \"kind\": \"access\", \"received_at\": \"2024-13-02T10:00:00+02:00\"}]}",
    { "requests[1].received_at" } },
};

/* A store holding the example scenario, and its export before the bad import. */
static DpoStore *
example_store (char **snapshot)
{
  DpoStore *store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  *snapshot = dpo_test_export (store, AS_OF);
  return store;
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DpoStore) store = example_store (&before);
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad->json, strlen (bad->json));
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_import_bytes (store, bytes, "bad.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s: %s", bad->name, error->message);
  g_assert_true (g_str_has_prefix (error->message, "bad.json"));
  for (guint i = 0; i < G_N_ELEMENTS (bad->needles) && bad->needles[i] != NULL; i++)
    if (strstr (error->message, bad->needles[i]) == NULL)
      g_error ("“%s” not in the message “%s”", bad->needles[i], error->message);

  after = dpo_test_export (store, AS_OF);
  g_assert_cmpstr (before, ==, after);
}

static void
test_id_already_in_database (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DpoStore) store = example_store (&before);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_import_bytes (store, example, "again.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "subjects[0].id"));
  g_assert_nonnull (strstr (error->message, "already in the database"));
  after = dpo_test_export (store, AS_OF);
  g_assert_cmpstr (before, ==, after);
}

static void
test_missing_file (void)
{
  g_autofree char *before = NULL;
  g_autoptr(DpoStore) store = example_store (&before);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/breach.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_import_file (store, file, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/breach.json"));
}

static void
test_requester_and_erased_subject (void)
{
  static const char json[] =
    HEAD "\"requests\": [{\"id\": \"R-A\", \"requester\": {\"name\": \"Jean Dupont\", "
    "\"contact\": \"jd@example.org\"}, " REQUEST_OK "}, {\"id\": \"R-B\", \"subject\": null, "
    "\"kind\": \"erasure\", \"received_at\": \"2024-05-02T10:00:00+02:00\", \"status\": \"answered\", "
    "\"answered_at\": \"2024-05-10T10:00:00+02:00\"}]}";
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) a = NULL, b = NULL;

  g_assert_true (dpo_import_bytes (store, bytes, "people.json", NULL, &error));
  g_assert_no_error (error);
  a = dpo_store_get_request (store, "R-A", &error);
  g_assert_cmpstr (a->requester_name, ==, "Jean Dupont");
  g_assert_cmpstr (a->status, ==, "received");
  b = dpo_store_get_request (store, "R-B", &error);
  g_assert_null (b->subject_id);
  g_assert_cmpstr (b->status, ==, "answered");
}

/* Records are written as they are read: a conflict with the database
 * found early must not hide a mistake in the file found later, and the
 * first of several conflicts is the one reported, as a check of the whole
 * file before writing would find them. */
typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *needles[3];
} OrderCase;

static const OrderCase ORDER_CASES[] = {
  { "existing-then-bad-value",
    HEAD "\"subjects\": [{\"id\": \"S-0001\", \"last_name\": \"Durand\", \"first_name\": \"Anne\"}], "
    "\"requests\": [{\"id\": \"R-9\", \"subject\": \"S-0001\", \"kind\": \"access\", "
    "\"received_at\": \"2024-02-30T10:00:00+01:00\"}]}",
    DPO_ERROR_INVALID, { "requests[0].received_at", "2024-02-30" } },
  { "existing-request-then-unknown-person",
    HEAD "\"subjects\": [{" PERSON_OK "}], \"requests\": [{\"id\": \"R-NEW\", \"subject\": \"S-9\", "
    REQUEST_OK "}, {\"id\": \"R-2024-0002\", \"subject\": \"S-9\", " REQUEST_OK "}, "
    "{\"id\": \"R-X\", \"subject\": \"S-404\", " REQUEST_OK "}]}",
    DPO_ERROR_EXISTS, { "requests[1].id", "R-2024-0002", "already in the database" } },
  { "unknown-person-then-existing-request",
    HEAD "\"requests\": [{\"id\": \"R-X\", \"subject\": \"S-404\", " REQUEST_OK "}, "
    "{\"id\": \"R-2024-0002\", \"subject\": \"S-0001\", " REQUEST_OK "}]}",
    DPO_ERROR_INVALID, { "requests[0].subject", "S-404" } },
  { "existing-request-and-unknown-person",
    HEAD "\"requests\": [{\"id\": \"R-2024-0003\", \"subject\": \"S-404\", " REQUEST_OK "}]}",
    DPO_ERROR_EXISTS, { "requests[0].id", "R-2024-0003" } },
  { "existing-person-then-existing-incident",
    HEAD "\"subjects\": [{" PERSON_OK "}, {\"id\": \"S-0004\", \"last_name\": \"B\", \"first_name\": \"C\"}], "
    "\"incidents\": [{\"id\": \"INC-2024-01\", \"title\": \"T\", \"natures\": [\"integrity\"], "
    "\"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"risk\"}]}",
    DPO_ERROR_EXISTS, { "subjects[1].id", "S-0004" } },
  { "existing-then-duplicate",
    HEAD "\"requests\": [{\"id\": \"R-2024-0001\", \"subject\": \"S-0001\", " REQUEST_OK "}, "
    "{\"id\": \"R-7\", \"subject\": \"S-0001\", " REQUEST_OK "}, "
    "{\"id\": \"R-7\", \"subject\": \"S-0001\", " REQUEST_OK "}]}",
    DPO_ERROR_INVALID, { "requests[2].id", "twice" } },
};

static void
test_error_order (gconstpointer data)
{
  const OrderCase *order = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DpoStore) store = example_store (&before);
  g_autoptr(GBytes) bytes = g_bytes_new_static (order->json, strlen (order->json));
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_import_bytes (store, bytes, "order.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, order->code);
  g_test_message ("%s: %s", order->name, error->message);
  g_assert_true (g_str_has_prefix (error->message, "order.json, at "));
  for (guint i = 0; i < G_N_ELEMENTS (order->needles) && order->needles[i] != NULL; i++)
    if (strstr (error->message, order->needles[i]) == NULL)
      g_error ("“%s” not in the message “%s”", order->needles[i], error->message);

  after = dpo_test_export (store, AS_OF);
  g_assert_cmpstr (before, ==, after);
}

/* Each imported record leaves one audit row "insert" holding it as the file
 * had it, in the import's transaction; a refused import leaves none. */
static void
test_import_audit_rows (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GBytes) again = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE action = 'insert'"), ==, 14);
  /* The JSON as each engine reads it: json1's path, PostgreSQL's operators. */
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'request' "
                                               "AND record = 'R-2024-0004' AND changes::json #>> "
                                               "'{changes,email}' = 'sophie.lefevre@example.org'"
                                             : "SELECT count(*) FROM audit WHERE entity = 'request' "
                                               "AND record = 'R-2024-0004' AND json_extract (changes, "
                                               "'$.changes.email') = 'sophie.lefevre@example.org'"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                               "AND record = 'S-0005' AND changes::json ->> 'nir' "
                                               "IS NOT NULL"
                                             : "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                               "AND record = 'S-0005' AND json_extract (changes, '$.nir') "
                                               "IS NOT NULL"), ==, 1);

  g_assert_false (dpo_import_bytes (store, again, "again", NULL, &error));
  /* The 14 records' rows and the organisation's (an update), nothing more. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 15);
}

static DpoRequest *
loader_request (const char *id,
                const char *subject_id)
{
  DpoRequest *request = dpo_request_new ();

  request->id = g_strdup (id);
  request->subject_id = g_strdup (subject_id);
  request->kind = g_strdup ("access");
  request->received_at = g_date_time_new_utc (2024, 3, 9, 9, 0, 0);
  return request;
}

/* The store's bulk-load seam on its own: what it answers for an id already
 * stored and an unknown person, and that an aborted load leaves nothing. */
static void
test_loader (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(DpoSubject) subject = dpo_subject_new ();
  g_autoptr(DpoRequest) first = loader_request ("R-1", "S-1");
  g_autoptr(DpoRequest) again = loader_request ("R-1", "S-1");
  g_autoptr(DpoRequest) nobody = loader_request ("R-2", "S-404");
  g_autoptr(DpoRequest) stored = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{\"id\": \"R-1\"}", NULL);
  g_autoptr(GError) error = NULL;
  DpoStoreLoader *loader;

  subject->id = g_strdup ("S-1");
  subject->last_name = g_strdup ("Durand");
  subject->first_name = g_strdup ("Anne");

  loader = dpo_store_loader_begin (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_store_loader_add_subject (loader, subject, node, &error), ==, DPO_STORE_LOAD_ADDED);
  g_assert_cmpint (dpo_store_loader_add_request (loader, first, node, &error), ==, DPO_STORE_LOAD_ADDED);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_store_loader_add_request (loader, again, node, &error), ==, DPO_STORE_LOAD_EXISTS);
  g_assert_cmpint (dpo_store_loader_add_request (loader, nobody, node, &error), ==, DPO_STORE_LOAD_NO_SUBJECT);
  g_assert_no_error (error);
  g_assert_true (dpo_store_loader_exists (loader, DPO_STORE_RECORD_REQUEST, "R-1"));
  dpo_store_loader_abort (loader);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 0);

  /* Committed, the request has its person, its due dates and its audit row. */
  loader = dpo_store_loader_begin (store, &error);
  g_assert_cmpint (dpo_store_loader_add_subject (loader, subject, node, &error), ==, DPO_STORE_LOAD_ADDED);
  g_assert_cmpint (dpo_store_loader_add_request (loader, first, node, &error), ==, DPO_STORE_LOAD_ADDED);
  g_assert_true (dpo_store_loader_commit (loader, &error));
  g_assert_no_error (error);
  stored = dpo_store_get_request (store, "R-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->subject_id, ==, "S-1");
  g_assert_cmpstr (stored->status, ==, "received");
  /* Received Saturday 9 March 2024: 9 April is a Tuesday. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests WHERE due_on = '2024-04-09' "
                                             "AND current_due_on = '2024-04-09'"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE action = 'insert'"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/export-values", test_export_values);
  g_test_add_func ("/import/export-as-of", test_export_as_of_changes_computed_fields);
  g_test_add_func ("/import/id-already-in-database", test_id_already_in_database);
  g_test_add_func ("/import/missing-file", test_missing_file);
  g_test_add_func ("/import/requester-and-erased", test_requester_and_erased_subject);
  g_test_add_func ("/import/audit-rows", test_import_audit_rows);
  g_test_add_func ("/import/loader", test_loader);
  for (guint i = 0; i < G_N_ELEMENTS (ORDER_CASES); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/order/%s", ORDER_CASES[i].name);
      g_test_add_data_func (path, &ORDER_CASES[i], test_error_order);
    }
  for (guint i = 0; i < G_N_ELEMENTS (BAD_INPUTS); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/bad/%s", BAD_INPUTS[i].name);
      g_test_add_data_func (path, &BAD_INPUTS[i], test_bad_input);
    }

  return g_test_run ();
}
