/* test-incidents.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "dpo-computed.h"
#include "dpo-due-date.h"
#include "dpo-error.h"
#include "dpo-row.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"
#include "dpo-validate.h"

static DpoIncident *
new_incident (const char *id,
              const char *aware_at)
{
  DpoIncident *incident = dpo_incident_new ();

  incident->id = g_strdup (id);
  incident->title = g_strdup ("Vol d’identifiants sur le portail de tiers payant");
  incident->natures = g_strsplit ("confidentiality", ",", -1);
  incident->aware_at = dpo_time_parse (aware_at, NULL);
  incident->risk = g_strdup ("high");
  return incident;
}

static void
assert_refused (DpoStore    *store,
                DpoIncident *incident,
                const char  *field,
                const char  *why)
{
  g_autofree char *before = dpo_test_export (store, "2024-03-01");
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_store_save_incident (store, incident, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, field));
  g_assert_nonnull (strstr (error->message, why));
  after = dpo_test_export (store, "2024-03-01");
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_incidents (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoIncident) incident = NULL;

  incident = new_incident ("INC-1", "2099-01-01T10:00:00+01:00");
  assert_refused (store, incident, "Awareness", "future");
  g_clear_pointer (&incident, dpo_incident_free);

  incident = new_incident ("INC-1", "2024-01-29T10:00:00+01:00");
  incident->started_at = dpo_time_parse ("2024-01-22T00:00:00+01:00", NULL);
  incident->ended_at = dpo_time_parse ("2024-01-21T00:00:00+01:00", NULL);
  assert_refused (store, incident, "End", "before it starts");
  g_clear_pointer (&incident, dpo_incident_free);

  incident = new_incident ("INC-1", "2024-01-29T10:00:00+01:00");
  incident->approx_subjects = -18000;
  assert_refused (store, incident, "Approximate number of persons", "negative");
  g_clear_pointer (&incident, dpo_incident_free);

  incident = new_incident ("INC-1", "2024-01-29T10:00:00+01:00");
  g_free (incident->title);
  incident->title = g_strdup ("   ");
  assert_refused (store, incident, "Title", "empty");
  g_clear_pointer (&incident, dpo_incident_free);

  incident = new_incident ("INC-1", "2024-01-29T10:00:00+01:00");
  g_strfreev (incident->natures);
  incident->natures = NULL;
  assert_refused (store, incident, "Nature", "at least one");
}

static void
test_edit_is_audited (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(DpoIncident) incident = new_incident ("INC-1", "2024-01-29T10:00:00+01:00");
  g_autoptr(DpoIncident) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);
  g_assert_cmpint (incident->rowid, >, 0);

  g_free (incident->risk);
  incident->risk = g_strdup ("risk");
  incident->approx_subjects = 18000;
  g_assert_true (dpo_store_save_incident (store, incident, &error));

  stored = dpo_store_get_incident (store, "INC-1", &error);
  g_assert_cmpstr (stored->risk, ==, "risk");
  g_assert_cmpint (stored->approx_subjects, ==, 18000);
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                     ? "SELECT count(*) FROM audit WHERE entity = 'incident' AND action = 'update' "
                       "AND changes::jsonb #>> '{risk,0}' = 'high' "
                       "AND changes::jsonb #>> '{risk,1}' = 'risk' "
                       "AND changes::jsonb #> '{approx_subjects,1}' = '18000'::jsonb "
                       "AND changes::jsonb #>> '{title}' IS NULL"
                     : "SELECT count(*) FROM audit WHERE entity = 'incident' AND action = 'update' "
                       "AND json_extract (changes, '$.risk[0]') = 'high' "
                       "AND json_extract (changes, '$.risk[1]') = 'risk' "
                       "AND json_extract (changes, '$.approx_subjects[1]') = 18000 "
                       "AND json_extract (changes, '$.title') IS NULL"), ==, 1);

  /* Saving without a change writes no audit row. */
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 2);

  /* A reference already in use. */
  {
    g_autoptr(DpoIncident) other = new_incident ("INC-1", "2024-01-30T10:00:00+01:00");
    g_assert_false (dpo_store_save_incident (store, other, &error));
    g_assert_error (error, DPO_ERROR, DPO_ERROR_EXISTS);
  }
}

static DpoNotification *
notification (const char *authority,
              const char *kind,
              const char *sent_at)
{
  DpoNotification *n = dpo_notification_new ();

  n->authority = g_strdup (authority);
  n->kind = g_strdup (kind);
  n->sent_at = dpo_time_parse (sent_at, NULL);
  return n;
}

static DpoCnilStatus
status_of (DpoStore   *store,
           const char *id,
           const char *now_text)
{
  g_autoptr(DpoIncident) incident = dpo_store_get_incident (store, id, NULL);
  g_autoptr(GDateTime) now = dpo_time_parse (now_text, NULL);

  return dpo_cnil_status (incident->risk, incident->aware_at, incident->cnil_notified_at, now);
}

static void
test_children_and_cnil_status (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(DpoIncident) incident = new_incident ("INC-1", "2024-01-29T10:00:00+01:00");
  g_autoptr(DpoNotification) anssi = notification ("anssi", "initial", "2024-01-29T12:00:00+01:00");
  g_autoptr(DpoNotification) complement = notification ("cnil", "complementary", "2024-01-30T12:00:00+01:00");
  g_autoptr(DpoNotification) early = notification ("cnil", "initial", "2024-01-28T12:00:00+01:00");
  g_autoptr(DpoNotification) late = notification ("cnil", "initial", "2024-02-02T12:00:00+01:00");
  g_autoptr(GError) error = NULL;
  const char *day_after = "2024-01-30T18:00:00+01:00";

  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_cmpint (status_of (store, "INC-1", day_after), ==, DPO_CNIL_PENDING);

  /* ANSSI does not stop the CNIL clock, nor a complementary notification. */
  g_assert_true (dpo_store_save_notification (store, "INC-1", anssi, &error));
  g_assert_true (dpo_store_save_notification (store, "INC-1", complement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, "INC-1", day_after), ==, DPO_CNIL_PENDING);
  g_assert_cmpint (status_of (store, "INC-1", "2024-02-01T10:00:01+01:00"), ==, DPO_CNIL_OVERDUE);

  /* A late initial notification, then moved back before awareness: refused
   * since issue 9 (it turned the incident "Notified on time"); the stored
   * one stays as it was. A database from before may hold one: flagged. */
  g_assert_true (dpo_store_save_notification (store, "INC-1", late, &error));
  g_assert_cmpint (status_of (store, "INC-1", "2024-02-05T10:00:00+01:00"), ==, DPO_CNIL_LATE);
  g_date_time_unref (late->sent_at);
  late->sent_at = g_date_time_ref (early->sent_at);
  g_assert_false (dpo_store_save_notification (store, "INC-1", late, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (status_of (store, "INC-1", "2024-02-05T10:00:00+01:00"), ==, DPO_CNIL_LATE);
  {
    g_autoptr(DpoIncident) stored = dpo_store_get_incident (store, "INC-1", NULL);
    g_assert_true (dpo_notification_is_suspicious (late, stored));
    g_assert_false (dpo_notification_is_suspicious (anssi, stored));
    g_assert_cmpuint (stored->notifications->len, ==, 3);
  }

  g_assert_true (dpo_store_delete_incident_child (store, DPO_CHILD_NOTIFICATION, late->rowid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (store, "INC-1", "2024-02-05T10:00:00+01:00"), ==, DPO_CNIL_OVERDUE);
  /* Three inserts and a deletion: the refused change left no trace. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'notification'"),
                   ==, 4);

  /* Deleting an entry twice: a clear error, nothing else. */
  g_assert_false (dpo_store_delete_incident_child (store, DPO_CHILD_NOTIFICATION, late->rowid, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
}

static void
test_delete_incident (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  g_assert_true (dpo_store_delete_incident (store, "INC-2024-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM events"), ==, 0);
  /* The whole record is in the log, so the deletion can be proven and undone. */
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT jsonb_array_length (changes::jsonb -> 'events') FROM audit "
                                               "WHERE action = 'delete' AND record = 'INC-2024-01'"
                                             : "SELECT json_array_length (changes, '$.events') FROM audit "
                                               "WHERE action = 'delete' AND record = 'INC-2024-01'"), ==, 6);
}

static void
save_with_notification (DpoStore   *store,
                        const char *id,
                        const char *aware_at,
                        const char *risk,
                        const char *cnil_sent_at)
{
  g_autoptr(DpoIncident) incident = new_incident (id, aware_at);
  g_autoptr(GError) error = NULL;

  g_free (incident->risk);
  incident->risk = g_strdup (risk);
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);
  if (cnil_sent_at != NULL)
    {
      g_autoptr(DpoNotification) n = notification ("cnil", "initial", cnil_sent_at);
      g_assert_true (dpo_store_save_notification (store, id, n, &error));
    }
}

static void
test_most_urgent_first (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GString) order = g_string_new (NULL);

  save_with_notification (store, "DONE", "2024-03-01T10:00:00+01:00", "high", "2024-03-02T10:00:00+01:00");
  save_with_notification (store, "NONE", "2024-03-05T10:00:00+01:00", "none", NULL);
  save_with_notification (store, "LATE", "2024-01-01T10:00:00+01:00", "risk", "2024-01-10T10:00:00+01:00");
  save_with_notification (store, "OPEN-NEW", "2024-02-20T10:00:00+01:00", "risk", NULL);
  save_with_notification (store, "OPEN-OLD", "2024-02-10T10:00:00+01:00", "high", NULL);

  list = dpo_store_list_incidents (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DpoRow) row = g_list_model_get_item (list, i);
      g_string_append_printf (order, "%s%s", i ? " " : "", dpo_row_get_incident (row)->id);
    }
  /* Running clocks by deadline, then late without a reason, then the rest, newest first. */
  g_assert_cmpstr (order->str, ==, "OPEN-OLD OPEN-NEW LATE NONE DONE");
}

/* Issue 9: a notification (any authority) dated before awareness is a
 * typing slip; refused with a message that says to correct one date or the
 * other, also when the awareness is moved after a stored notification. */
static void
test_notification_before_awareness (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(DpoIncident) incident = new_incident ("INC-1", "2024-11-27T09:00:00+01:00");
  g_autoptr(DpoNotification) cnil = notification ("cnil", "initial", "2024-11-26T10:00:00+01:00");
  g_autoptr(DpoNotification) anssi = notification ("anssi", "initial", "2024-11-26T23:59:00+01:00");
  g_autoptr(DpoNotification) on_time = notification ("cnil", "initial", "2024-11-27T09:00:00+01:00");
  g_autoptr(DpoIncident) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);

  g_assert_false (dpo_store_save_notification (store, "INC-1", cnil, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Sent: "));
  g_assert_nonnull (strstr (error->message, "correct the notification’s date or the awareness date"));
  g_clear_error (&error);
  g_assert_false (dpo_store_save_notification (store, "INC-1", anssi, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM notifications"), ==, 0);
  g_assert_cmpint (status_of (store, "INC-1", "2024-11-27T12:00:00+01:00"), ==, DPO_CNIL_PENDING);

  /* The same minute as awareness is fine. */
  g_assert_true (dpo_store_save_notification (store, "INC-1", on_time, &error));
  g_assert_no_error (error);

  /* Awareness moved after the stored notification: refused, nothing changed. */
  stored = dpo_store_get_incident (store, "INC-1", NULL);
  g_ptr_array_set_size (stored->notifications, 0);   /* the store checks what it holds */
  g_date_time_unref (stored->aware_at);
  stored->aware_at = dpo_time_parse ("2024-11-28T09:00:00+01:00", NULL);
  g_assert_false (dpo_store_save_incident (store, stored, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Awareness: "));
  g_assert_nonnull (strstr (error->message, "correct the notification’s date or the awareness date"));
  g_clear_error (&error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents "
                                             "WHERE aware_at = '2024-11-27T08:00:00Z'"), ==, 1);

  /* Moved earlier: fine. */
  g_date_time_unref (stored->aware_at);
  stored->aware_at = dpo_time_parse ("2024-11-27T08:00:00+01:00", NULL);
  g_assert_true (dpo_store_save_incident (store, stored, &error));
  g_assert_no_error (error);

  /* A database from before the rule, holding a notification before
   * awareness: the incident's other fields can still be edited. */
  dpo_test_exec (path, "INSERT INTO notifications (incident, authority, kind, sent_at) "
                       "SELECT pk, 'anssi', 'initial', '2024-11-20T08:00:00Z' FROM incidents");
  g_free (stored->title);
  stored->title = g_strdup ("Vol d’identifiants (mis à jour)");
  g_assert_true (dpo_store_save_incident (store, stored, &error));
  g_assert_no_error (error);
}

/* Issue 9: a communication keeps what was said; an edit of it is audited. */
static void
test_communication_message (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(DpoIncident) incident = new_incident ("INC-1", "2024-11-27T09:00:00+01:00");
  g_autoptr(DpoCommunication) email = dpo_communication_new ();
  g_autoptr(DpoIncident) stored = NULL;
  g_autoptr(GError) error = NULL;
  DpoCommunication *read;

  g_assert_true (dpo_store_save_incident (store, incident, &error));
  email->channel = g_strdup ("email");
  email->sent_at = dpo_time_parse ("2024-11-28T10:00:00+01:00", NULL);
  email->count = 16500;
  email->message = g_strdup ("Vos données ont pu être consultées.");
  g_assert_true (dpo_store_save_communication (store, "INC-1", email, &error));
  g_assert_no_error (error);

  stored = dpo_store_get_incident (store, "INC-1", NULL);
  g_assert_cmpuint (stored->communications->len, ==, 1);
  read = g_ptr_array_index (stored->communications, 0);
  g_assert_cmpstr (read->message, ==, "Vos données ont pu être consultées.");

  g_free (email->message);
  email->message = g_strdup ("Méfiez-vous des appels frauduleux.");
  g_assert_true (dpo_store_save_communication (store, "INC-1", email, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'communication' "
                                             "AND action = 'update' AND changes LIKE '%frauduleux%'"), ==, 1);
}

/* Issue 9: "A new ANSSI notification defaults to Complementary once the
 * CNIL has been notified": the first to each authority is initial. */
static void
test_next_notification_kind (void)
{
  g_autoptr(DpoIncident) incident = new_incident ("INC-1", "2024-11-27T09:00:00+01:00");
  DpoNotification *ars = notification ("other", "initial", "2024-11-28T09:00:00+01:00");

  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "cnil", NULL), ==, DPO_NOTIFICATION_INITIAL);
  g_ptr_array_add (incident->notifications, notification ("cnil", "initial", "2024-11-27T12:00:00+01:00"));
  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "cnil", NULL), ==,
                   DPO_NOTIFICATION_COMPLEMENTARY);
  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "anssi", NULL), ==, DPO_NOTIFICATION_INITIAL);
  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "other", "ARS"), ==, DPO_NOTIFICATION_INITIAL);
  ars->authority_name = g_strdup ("ARS");
  g_ptr_array_add (incident->notifications, ars);
  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "other", "ars "), ==,
                   DPO_NOTIFICATION_COMPLEMENTARY);
  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "other", "ANSM"), ==, DPO_NOTIFICATION_INITIAL);
  g_assert_cmpint (dpo_incident_next_notification_kind (incident, "anssi", NULL), ==, DPO_NOTIFICATION_INITIAL);
}

/* Issue 9's schema step: a version 2 database keeps its communications
 * and gains the column for what was said. */
static void
test_communication_message_migration (void)
{
  g_autofree char *path = NULL;
  DpoStore *store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a file's own migration: a server's schema is set up by dpo server init");
      g_assert_finalize_object (store);
      return;
    }
  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_finalize_object (store);
  dpo_test_undo_schema_steps (path, 2);

  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
  incident = dpo_store_get_incident (store, "INC-2024-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incident->communications->len, ==, 2);
  g_assert_null (((DpoCommunication *) g_ptr_array_index (incident->communications, 0))->message);
  g_assert_finalize_object (store);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incidents/bad-input", test_bad_incidents);
  g_test_add_func ("/incidents/edit-audited", test_edit_is_audited);
  g_test_add_func ("/incidents/children-and-cnil-status", test_children_and_cnil_status);
  g_test_add_func ("/incidents/delete", test_delete_incident);
  g_test_add_func ("/incidents/most-urgent-first", test_most_urgent_first);
  g_test_add_func ("/incidents/notification-before-awareness", test_notification_before_awareness);
  g_test_add_func ("/incidents/communication-message", test_communication_message);
  g_test_add_func ("/incidents/next-notification-kind", test_next_notification_kind);
  g_test_add_func ("/incidents/communication-message-migration", test_communication_message_migration);

  return g_test_run ();
}
