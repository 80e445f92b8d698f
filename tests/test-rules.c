/* test-rules.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "dpo-import.h"
#include "dpo-carry-out.h"
#include "dpo-computed.h"
#include "dpo-due-date.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-person-fields.h"
#include "dpo-pg-connection.h"
#include "dpo-record-json.h"
#include "dpo-request-execute.h"
#include "dpo-row.h"
#include "dpo-deadlines.h"
#include "dpo-store-agenda.h"
#include "dpo-store-deadlines.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-validate.h"

/* Each rule of DESIGN has one home in the core; where the store's SQL or
 * the schema must say the same, these tests hold the two together, so a
 * second copy that drifts is caught. */

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_autoptr(GError) error = NULL;
      PGconn *conn = dpo_pg_connect (path, &error);
      PGresult *result;

      g_assert_no_error (error);
      result = PQexec (conn, sql);
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
      if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
        text = g_strdup (PQgetvalue (result, 0, 0));
      PQclear (result);
      PQfinish (conn);
      return text;
    }
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* One word table: every C value is its word's index, both ways. */
static void
test_enum_values (void)
{
  static const struct { DpoEnum vocabulary; int n; } closed[] = {
    { DPO_ENUM_RISK, DPO_N_RISKS },
    { DPO_ENUM_EVENT_KIND, DPO_N_EVENT_KINDS },
    { DPO_ENUM_AUTHORITY, DPO_N_AUTHORITIES },
    { DPO_ENUM_NOTIFICATION_KIND, DPO_N_NOTIFICATION_KINDS },
    { DPO_ENUM_COMPLAINT_STATUS, DPO_N_COMPLAINT_STATUSES },
    { DPO_ENUM_REQUEST_KIND, DPO_N_REQUEST_KINDS },
    { DPO_ENUM_REQUEST_STATUS, DPO_N_REQUEST_STATUSES },
    { DPO_ENUM_CNIL_STATUS, DPO_N_CNIL_STATUSES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    {
      g_assert_cmpuint (g_strv_length ((char **) dpo_enum_words (closed[i].vocabulary)), ==, closed[i].n);
      for (int value = 0; value < closed[i].n; value++)
        g_assert_cmpint (dpo_enum_value (closed[i].vocabulary,
                                         dpo_enum_word (closed[i].vocabulary, value)), ==, value);
      g_assert_null (dpo_enum_word (closed[i].vocabulary, closed[i].n));
      g_assert_cmpint (dpo_enum_value (closed[i].vocabulary, "no such word"), ==, -1);
      g_assert_cmpint (dpo_enum_value (closed[i].vocabulary, NULL), ==, -1);
    }

  g_assert_cmpstr (dpo_enum_word (DPO_ENUM_REQUEST_KIND, DPO_REQUEST_ERASURE), ==, "erasure");
  g_assert_cmpstr (dpo_enum_word (DPO_ENUM_REQUEST_STATUS, DPO_REQUEST_IN_PROGRESS), ==, "in_progress");
  g_assert_cmpstr (dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE), ==, "none");
  g_assert_cmpstr (dpo_cnil_status_to_word (DPO_CNIL_ON_TIME), ==, "on_time");
}

/* Art. 33 and 34 by risk: the CNIL unless none (an unknown risk does not
 * exempt), the people when high. */
static void
test_risk_obligations (void)
{
  g_assert_false (dpo_cnil_required (dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE)));
  g_assert_true (dpo_cnil_required (dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_RISK)));
  g_assert_true (dpo_cnil_required (NULL));
  g_assert_false (dpo_people_must_be_informed (dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_RISK)));
  g_assert_true (dpo_people_must_be_informed (dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_HIGH)));
  g_assert_false (dpo_people_must_be_informed (NULL));
}

static void
test_typed_accessors (void)
{
  g_autoptr(DpoRequest) request = dpo_request_new ();
  g_autoptr(DpoComplaint) complaint = dpo_complaint_new ();

  /* The database's defaults. */
  g_assert_cmpint (dpo_request_get_status (request), ==, DPO_REQUEST_RECEIVED);
  g_assert_cmpint (dpo_complaint_get_status (complaint), ==, DPO_COMPLAINT_OPEN);
  g_assert_cmpint (dpo_request_get_kind (request), ==, DPO_REQUEST_KIND_UNKNOWN);

  dpo_request_set_kind (request, DPO_REQUEST_PORTABILITY);
  g_assert_cmpstr (request->kind, ==, "portability");
  dpo_request_set_status (request, DPO_REQUEST_WITHDRAWN);
  g_assert_cmpstr (request->status, ==, "withdrawn");
  g_assert_cmpint (dpo_request_get_status (request), ==, DPO_REQUEST_WITHDRAWN);
}

/* "Open": the core's rule, the SQL of the lists and the schema's partial
 * index requests_open_due name the same statuses. */
static void
test_open_statuses (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-13", &path);
  g_autofree char *index_sql = query_text (path, dpo_test_engine_is_server ()
                                           ? "SELECT indexdef FROM pg_indexes WHERE indexname = 'requests_open_due'"
                                           : "SELECT sql FROM sqlite_master WHERE name = 'requests_open_due'");
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) open = NULL;
  DpoRequestFilter filter = { .open = TRUE };
  const char *where;
  guint n_open = 0;

  g_assert_nonnull (index_sql);
  where = strstr (index_sql, "WHERE");
  g_assert_nonnull (where);
  for (int status = 0; status < DPO_N_REQUEST_STATUSES; status++)
    {
      g_autofree char *quoted = g_strdup_printf ("'%s'", dpo_enum_word (DPO_ENUM_REQUEST_STATUS, status));

      g_assert_cmpint (strstr (where, quoted) != NULL, ==, dpo_request_status_is_open (status));
    }

  /* Some requests answered, so that open and all differ. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, NULL));
  g_assert_true (dpo_request_execute (store, "R-2024-0004", NULL, NULL, NULL));

  all = dpo_store_list_requests (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (all, i);

      n_open += dpo_request_is_open (dpo_row_get_request (row));
    }
  g_assert_cmpuint (n_open, ==, 3);
  open = dpo_store_list_requests_filtered (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, n_open);
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (open, i);

      g_assert_true (dpo_request_is_open (dpo_row_get_request (row)));
    }
}

static gboolean
count_request_deadline (const DpoDeadline *deadline,
                        gpointer           user_data)
{
  guint *n = user_data;

  *n += deadline->kind == DPO_DEADLINE_REQUEST;
  return TRUE;
}

static void
add_request (DpoStore   *store,
             const char *id,
             const char *received_at)
{
  g_autoptr(DpoRequest) request = dpo_request_new ();
  g_autoptr(GError) error = NULL;

  request->id = g_strdup (id);
  request->subject_id = g_strdup ("S-0001");
  dpo_request_set_kind (request, DPO_REQUEST_ACCESS);
  request->received_at = dpo_time_parse (received_at, NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);
}

/* "Due soon": the list's filter, the header count and the computed due
 * dates agree, on both sides of the DPO_DUE_SOON_DAYS boundary. */
static void
test_due_soon (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-13", NULL);
  g_autoptr(GDateTime) now = dpo_store_dup_now (store);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) soon = NULL;
  DpoRequestFilter filter = { .urgency = DPO_URGENCY_DUE_SOON };
  guint overdue = 0, due_soon = 0, n_soon = 0, n_deadlines = 0, n_open = 0;
  GDate today, horizon;

  /* Due on 20 March (13 + 7) and on 21 March. */
  add_request (store, "R-EDGE-7", "2024-02-20T10:00:00+01:00");
  add_request (store, "R-EDGE-8", "2024-02-21T10:00:00+01:00");

  dpo_time_get_local_date (now, &today);
  horizon = today;
  g_date_add_days (&horizon, DPO_DUE_SOON_DAYS);
  all = dpo_store_list_requests (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (all, i);
      const DpoRequest *request = dpo_row_get_request (row);
      DpoRequestDeadlines deadlines;
      const GDate *due;

      dpo_request_get_deadlines (request, now, FALSE, &deadlines);
      due = dpo_request_deadlines_current (&deadlines);
      n_open += deadlines.open;
      if (deadlines.open && g_date_compare (due, &today) >= 0 && g_date_compare (due, &horizon) <= 0)
        n_soon++;
    }
  g_assert_cmpuint (n_soon, ==, 2);   /* R-2024-0004 and R-EDGE-7 */

  soon = dpo_store_list_requests_filtered (store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (soon), ==, n_soon);
  dpo_store_count_due (store, DPO_DUE_SOON_DAYS, &overdue, &due_soon);
  g_assert_cmpuint (due_soon, ==, n_soon);
  g_assert_cmpuint (overdue, ==, 3);
  dpo_deadlines_foreach (store, count_request_deadline, &n_deadlines);
  g_assert_cmpuint (n_deadlines, ==, n_open);
}

static void
add_incident (DpoStore   *store,
              const char *id,
              const char *aware_at,
              int         notified_after_minutes)
{
  g_autoptr(DpoIncident) incident = dpo_incident_new ();
  g_autoptr(DpoNotification) notification = dpo_notification_new ();
  g_autoptr(GError) error = NULL;
  const char *natures[] = { "confidentiality", NULL };

  incident->id = g_strdup (id);
  incident->title = g_strdup (id);
  incident->natures = g_strdupv ((char **) natures);
  incident->aware_at = dpo_time_parse (aware_at, NULL);
  incident->risk = g_strdup (dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_RISK));
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);

  notification->authority = g_strdup (dpo_enum_word (DPO_ENUM_AUTHORITY, DPO_AUTHORITY_CNIL));
  notification->kind = g_strdup (dpo_enum_word (DPO_ENUM_NOTIFICATION_KIND, DPO_NOTIFICATION_INITIAL));
  notification->sent_at = g_date_time_add_minutes (incident->aware_at, notified_after_minutes);
  g_assert_true (dpo_store_save_notification (store, id, notification, &error));
  g_assert_no_error (error);
}

/* The 72 hours: the incident list's SQL sorts a late notification whose
 * reason is missing before the others; it must call late exactly what the
 * C clock calls late. */
static void
test_cnil_delay_in_sql (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(DpoRow) first = NULL;
  g_autoptr(DpoRow) second = NULL;
  const int delay = DPO_CNIL_DELAY_HOURS * 60;

  add_incident (store, "INC-LATE", "2024-01-01T10:00:00Z", delay + 1);
  add_incident (store, "INC-ON-TIME", "2024-01-02T10:00:00Z", delay);

  incidents = dpo_store_list_incidents (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 2);
  first = g_list_model_get_item (incidents, 0);
  second = g_list_model_get_item (incidents, 1);
  g_assert_cmpstr (dpo_row_get_incident (first)->id, ==, "INC-LATE");
  g_assert_cmpint (dpo_incident_get_cnil_status (dpo_row_get_incident (first), NULL), ==, DPO_CNIL_LATE);
  g_assert_cmpstr (dpo_row_get_incident (second)->id, ==, "INC-ON-TIME");
  g_assert_cmpint (dpo_incident_get_cnil_status (dpo_row_get_incident (second), NULL), ==, DPO_CNIL_ON_TIME);
}

static gboolean
collect_clock (const DpoDeadline *deadline,
               gpointer           user_data)
{
  if (deadline->kind == DPO_DEADLINE_CNIL)
    g_ptr_array_add (user_data, g_strdup (deadline->id));
  return TRUE;
}

static const char *
first_listed (DpoStore *store)
{
  g_autoptr(GListModel) incidents = dpo_store_list_incidents (store, NULL);
  g_autoptr(DpoRow) first = g_list_model_get_item (incidents, 0);
  static char id[32];

  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 2);
  g_strlcpy (id, dpo_row_get_incident (first)->id, sizeof id);
  return id;
}

/* A register "as of" a day shows that evening's state: an initial CNIL
 * notification sent later had not stopped the clock yet. The core
 * (dpo_incident_get_cnil_status), the dashboard's agenda SQL, the
 * incident list's order and dpo deadlines must agree, including for a
 * late notification whose delay reason is recorded (which the agenda's SQL
 * used to leave out). */
static void
test_cnil_as_of (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoIncident) late = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoAgenda) agenda = NULL;
  g_autoptr(GPtrArray) clocks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  GDate day;

  /* Aware 1 January 10:00 UTC, notified 6 January (late, reason given). */
  add_incident (store, "INC-LATE", "2024-01-01T10:00:00Z", 5 * 24 * 60);
  late = dpo_store_get_incident (store, "INC-LATE", &error);
  g_assert_no_error (error);
  late->delay_reason = g_strdup ("The processor told us on 5 January.");
  g_assert_true (dpo_store_save_incident (store, late, &error));
  g_assert_no_error (error);
  g_clear_pointer (&late, dpo_incident_free);
  late = dpo_store_get_incident (store, "INC-LATE", &error);
  /* Aware later, notified at once: on time on both days. */
  add_incident (store, "INC-DONE", "2024-01-02T08:00:00Z", 60);

  g_date_set_dmy (&day, 3, G_DATE_JANUARY, 2024);
  before = dpo_time_end_of_local_day (&day);
  g_date_set_dmy (&day, 10, G_DATE_JANUARY, 2024);
  after = dpo_time_end_of_local_day (&day);

  /* The evening of 3 January: the clock of INC-LATE runs. */
  g_assert_cmpint (dpo_incident_get_cnil_status (late, before), ==, DPO_CNIL_PENDING);
  dpo_store_set_now (store, before);
  agenda = dpo_store_read_agenda (store, 7, 10);
  g_assert_cmpuint (agenda->n_running, ==, 1);
  g_assert_cmpstr (((DpoIncident *) g_ptr_array_index (agenda->running, 0))->id, ==, "INC-LATE");
  g_assert_cmpstr (first_listed (store), ==, "INC-LATE");
  dpo_deadlines_foreach (store, collect_clock, clocks);
  g_assert_cmpuint (clocks->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (clocks, 0), ==, "INC-LATE");

  /* The evening of 10 January: notified late, with its reason. */
  g_assert_cmpint (dpo_incident_get_cnil_status (late, after), ==, DPO_CNIL_LATE);
  dpo_store_set_now (store, after);
  g_clear_pointer (&agenda, dpo_agenda_free);
  agenda = dpo_store_read_agenda (store, 7, 10);
  g_assert_cmpuint (agenda->n_running, ==, 0);
  g_assert_cmpuint (agenda->n_overdue_clocks, ==, 0);
  g_assert_cmpuint (agenda->n_missing_reason, ==, 0);
  g_assert_cmpstr (first_listed (store), ==, "INC-DONE");
  g_ptr_array_set_size (clocks, 0);
  dpo_deadlines_foreach (store, collect_clock, clocks);
  g_assert_cmpuint (clocks->len, ==, 0);
}

static DpoRequest *
request_received (const char *received_at,
                  const char *status,
                  const char *answered_at)
{
  DpoRequest *request = dpo_request_new ();

  request->id = g_strdup ("R-T");
  request->kind = g_strdup ("access");
  request->received_at = dpo_time_parse (received_at, NULL);
  request->status = g_strdup (status);
  request->answered_at = answered_at != NULL ? dpo_time_parse (answered_at, NULL) : NULL;
  return request;
}

static DpoOnTime
on_time (const char *received_at,
         const char *status,
         const char *answered_at,
         const char *as_of,
         int        *days_late)
{
  g_autoptr(DpoRequest) request = request_received (received_at, status, answered_at);
  g_autoptr(GDateTime) now = NULL;
  DpoRequestDeadlines deadlines;
  GDate date;

  g_assert_true (dpo_date_parse (as_of, &date, NULL));
  now = dpo_time_end_of_local_day (&date);
  dpo_request_get_deadlines (request, now, FALSE, &deadlines);
  return dpo_request_get_on_time (request, &deadlines, days_late);
}

/* "On time": answered on or before the current due date (received 15
 * January 2024, due 15 February). */
static void
test_on_time (void)
{
  int late = -99;

  g_assert_cmpint (on_time ("2024-01-15T10:00:00+01:00", "answered", "2024-02-15T18:00:00+01:00",
                            "2024-03-01", &late), ==, DPO_ON_TIME_YES);
  g_assert_cmpint (late, ==, 0);
  g_assert_cmpint (on_time ("2024-01-15T10:00:00+01:00", "refused", "2024-02-16T09:00:00+01:00",
                            "2024-03-01", &late), ==, DPO_ON_TIME_LATE);
  g_assert_cmpint (late, ==, 1);
  g_assert_cmpint (on_time ("2024-01-15T10:00:00+01:00", "received", NULL, "2024-02-15", NULL),
                   ==, DPO_ON_TIME_NOT_YET);
  g_assert_cmpint (on_time ("2024-01-15T10:00:00+01:00", "in_progress", NULL, "2024-02-16", NULL),
                   ==, DPO_ON_TIME_LATE);
  g_assert_cmpint (on_time ("2024-01-15T10:00:00+01:00", "withdrawn", NULL, "2024-03-01", &late),
                   ==, DPO_ON_TIME_NOT_YET);
  g_assert_cmpint (late, ==, 0);
}

static void
assert_not_executable (DpoRequest *request,
                       int         code,
                       const char *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_request_check_executable (request, &error));
  g_assert_error (error, DPO_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
}

/* Whether a request can be carried out, and why not. */
static void
test_carry_out_rule (void)
{
  g_autoptr(DpoRequest) request = request_received ("2024-01-15T10:00:00+01:00", "received", NULL);
  g_autoptr(GPtrArray) changes = NULL;

  assert_not_executable (request, DPO_ERROR_INVALID, "link it to the person");
  request->subject_id = g_strdup ("S-1");
  g_assert_true (dpo_request_check_executable (request, NULL));
  g_assert_true (dpo_request_kind_writes_file (dpo_request_get_kind (request)));

  /* Issue 12: restriction and objection are carried out too, with the
   * DPO's reason (and decision), which dpo_carry_out_check_input() asks for. */
  dpo_request_set_kind (request, DPO_REQUEST_OBJECTION);
  g_assert_true (dpo_request_check_executable (request, NULL));
  dpo_request_set_kind (request, DPO_REQUEST_RESTRICTION);
  g_assert_true (dpo_request_check_executable (request, NULL));
  dpo_request_set_kind (request, DPO_REQUEST_RECTIFICATION);
  assert_not_executable (request, DPO_ERROR_INVALID, "no changes");
  changes = dpo_changes_add (NULL, dpo_person_field_find ("email"), "new@example.org");
  dpo_request_set_changes (request, changes);
  g_assert_true (dpo_request_check_executable (request, NULL));
  g_assert_false (dpo_request_kind_writes_file (dpo_request_get_kind (request)));

  dpo_request_set_status (request, DPO_REQUEST_ANSWERED);
  assert_not_executable (request, DPO_ERROR_ALREADY_DONE, "not carried out again");
}

/* The person-field table covers every text field of a person's record
 * (the JSON of DpoSubject), and reads and writes the right one. */
static void
test_person_fields (void)
{
  g_autoptr(DpoSubject) subject = dpo_subject_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  guint n = 0;

  subject->id = g_strdup ("S-1");
  for (const DpoPersonField *f = dpo_person_fields (); f->name != NULL; f++, n++)
    {
      dpo_person_field_set (f, subject, f->name);
      g_assert_cmpstr (dpo_person_field_get (f, subject), ==, f->name);
      g_assert_true (dpo_person_field_find (f->name) == f);
      g_assert_nonnull (dpo_person_field_get_label (f));
    }
  g_assert_cmpuint (g_strv_length ((char **) dpo_person_field_names ()), ==, n);
  g_assert_null (dpo_person_field_find ("id"));

  node = dpo_subject_to_json (subject);
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (g_str_equal (l->data, "id") || !JSON_NODE_HOLDS_VALUE (value))
        continue;
      /* Each field holds its own name: the table reads the right member. */
      g_assert_nonnull (dpo_person_field_find (l->data));
      g_assert_cmpstr (json_node_get_string (value), ==, l->data);
    }
}

/* Typed changes: what the window writes, validation accepts, and reads
 * back the same. */
static void
test_changes (void)
{
  g_autoptr(DpoRequest) request = dpo_request_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  const DpoChange *change;

  changes = dpo_changes_add (NULL, dpo_person_field_find ("email"), "new@example.org");
  dpo_changes_add (changes, dpo_person_field_find ("postal_address"), NULL);
  dpo_request_set_changes (request, changes);
  g_assert_true (dpo_validate_changes (request->changes, NULL, &error));
  g_assert_no_error (error);

  read = dpo_request_dup_changes (request);
  g_assert_cmpuint (read->len, ==, 2);
  change = g_ptr_array_index (read, 0);
  g_assert_cmpstr (change->field->name, ==, "email");
  g_assert_cmpstr (change->value, ==, "new@example.org");
  change = g_ptr_array_index (read, 1);
  g_assert_cmpstr (change->field->name, ==, "postal_address");
  g_assert_null (change->value);

  g_clear_pointer (&read, g_ptr_array_unref);
  g_free (request->changes);
  request->changes = g_strdup ("{\"unknown\": \"x\", \"nir\": 12}");
  read = dpo_request_dup_changes (request);
  g_assert_cmpuint (read->len, ==, 0);

  dpo_request_set_changes (request, NULL);
  g_assert_null (request->changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/enum-values", test_enum_values);
  g_test_add_func ("/rules/typed-accessors", test_typed_accessors);
  g_test_add_func ("/rules/risk-obligations", test_risk_obligations);
  g_test_add_func ("/rules/open-statuses", test_open_statuses);
  g_test_add_func ("/rules/due-soon", test_due_soon);
  g_test_add_func ("/rules/cnil-delay-in-sql", test_cnil_delay_in_sql);
  g_test_add_func ("/rules/cnil-as-of", test_cnil_as_of);
  g_test_add_func ("/rules/on-time", test_on_time);
  g_test_add_func ("/rules/carry-out", test_carry_out_rule);
  g_test_add_func ("/rules/person-fields", test_person_fields);
  g_test_add_func ("/rules/changes", test_changes);

  return g_test_run ();
}
