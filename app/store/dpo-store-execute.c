/* dpo-store-execute.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-carry-out.h"
#include "dpo-carry-out-decision.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-output-file.h"
#include "dpo-pg-schema.h"
#include "dpo-person-fields.h"
#include "dpo-json-text.h"
#include "dpo-record-json.h"
#include "dpo-request-execute.h"
#include "dpo-store-private.h"
#include "dpo-store-role.h"
#include "dpo-time.h"
#include "dpo-validate.h"

/* Carrying requests out (DESIGN "Carrying a request out", "The erasure
 * rule"). Everything is read and decided inside the write transaction, so
 * no other writer can change the request or the person in between. The
 * erasure rule is decided here, on the as-of day, and held again by the
 * database trigger subjects_erasure_rule (on the real today): a refusal by
 * either is recorded. An access file is written only once the answer is
 * committed. */

typedef struct
{
  const char *id;
  GFile      *output;
  const DpoCarryOutInput *input; /* restriction, objection: the DPO's decision */
  GDateTime  *now;
  DpoRequest *request;
  DpoRequest *original;  /* as read, to reopen it if the access file fails */
  DpoSubject *subject;
  char       *outcome;
  char       *access_text; /* the access file, written after the commit */
  gboolean    erased;      /* the person was deleted */
  GError     *refusal;     /* the erasure rule's refusal, recorded then returned */
} Execution;

static void
execution_clear (Execution *x)
{
  g_clear_pointer (&x->request, dpo_request_free);
  g_clear_pointer (&x->original, dpo_request_free);
  g_clear_pointer (&x->subject, dpo_subject_free);
  g_clear_pointer (&x->now, g_date_time_unref);
  g_clear_pointer (&x->outcome, g_free);
  g_clear_pointer (&x->access_text, g_free);
  g_clear_error (&x->refusal);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Execution, execution_clear)

static gboolean
answer (DpoStore          *self,
        Execution         *x,
        DpoRequestStatus   status,
        GError           **error)
{
  dpo_request_set_status (x->request, status);
  g_clear_pointer (&x->request->answered_at, g_date_time_unref);
  x->request->answered_at = g_date_time_ref (x->now);
  g_free (x->request->outcome);
  x->request->outcome = g_strdup (x->outcome);
  return _dpo_store_update_request (self, x->request, "execute", error);
}

static const char *
refusal_outcome (DpoErasureRule rule)
{
  switch (rule)
    {
    case DPO_ERASURE_RETENTION:
      return _("Erasure refused: the data are kept for the retention period after the contract ended.");
    case DPO_ERASURE_HOLD:
      return _("Erasure refused: a legal hold keeps the data.");
    case DPO_ERASURE_ACTIVE_CONTRACT:
    case DPO_ERASURE_ALLOWED:
    default:
      return _("Erasure refused: the person has an active contract.");
    }
}

/* The verdict's words are the recorded ground, and what the CLI and the
 * window say (with what was done about it). */
static gboolean
refuse_erasure (DpoStore                 *self,
                Execution                *x,
                const DpoErasureVerdict  *verdict,
                GError                  **error)
{
  g_free (x->request->refusal_ground);
  x->request->refusal_ground = g_strdup (verdict->reason);
  x->outcome = g_strdup (refusal_outcome (verdict->rule));
  g_set_error (&x->refusal, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT,
               /* Translators: %s is the refusal ground, a sentence */
               _("%s The person keeps all their data: nothing was deleted, and the request is "
                 "recorded as refused with this ground."), verdict->reason);
  return answer (self, x, DPO_REQUEST_REFUSED, error);
}

/* The log must not keep what the erasure removes: the values recorded about
 * the person, and the changes their requests asked for, are redacted (the
 * trigger audit_no_update allows exactly this). */
static gboolean
redact_person (DpoStore    *self,
               Execution   *x,
               GError     **error)
{
  DpoSqlStmt *stmt;

  if (!_dpo_store_redact_person (self, x->subject->id, error))
    return FALSE;

  stmt = _dpo_store_prepare (self,
    "UPDATE requests SET changes = NULL WHERE subject = (SELECT pk FROM subjects WHERE id = ?)", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, x->subject->id);
  return _dpo_store_step_done (self, stmt, error);
}

/* The trigger subjects_erasure_rule refused the DELETE: its own ABORT, told
 * apart from any other failure (a full disk, an I/O error, another
 * constraint) by its extended code and its message. On a server, the
 * trigger raises its own SQLSTATE (DPO_PG_STATE_ERASURE_RULE), which
 * another trigger's RAISE (P0001) or a foreign key (23503) does not give. */
static gboolean
refused_by_erasure_rule (DpoStore *self)
{
  DpoSqlConn *db = _dpo_store_get_db (self);

  if (_dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL)
    return g_strcmp0 (_dpo_pg_sqlstate (db), DPO_PG_STATE_ERASURE_RULE) == 0 &&
           g_strcmp0 (dpo_sql_conn_errmsg (db), DPO_ERASURE_RULE_MESSAGE) == 0;
  return dpo_sql_conn_failure (db) == DPO_SQL_FAILED_CONSTRAINT &&
         g_strcmp0 (dpo_sql_conn_errmsg (db), DPO_ERASURE_RULE_MESSAGE) == 0;
}

/* Deletes the person; *@refused is set, and nothing is deleted, when the
 * trigger refuses. */
static gboolean
delete_person (DpoStore   *self,
               Execution  *x,
               gboolean   *refused,
               GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  DpoSqlStmt *stmt;
  int rc;

  *refused = FALSE;
  stmt = _dpo_store_prepare (self, "DELETE FROM subjects WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, x->subject->rowid);
  rc = dpo_sql_step (stmt);
  if (rc != DPO_SQL_DONE)
    {
      *refused = refused_by_erasure_rule (self);
      if (!*refused)
        _dpo_store_set_db_error (self, error);
      dpo_sql_reset (stmt);
      return *refused;
    }
  dpo_sql_reset (stmt);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "request");
  json_builder_add_string_value (builder, x->request->id);
  json_builder_set_member_name (builder, "contracts");
  json_builder_add_int_value (builder, x->subject->contracts->len);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return _dpo_store_audit (self, "subject", x->subject->id, "delete", node, error);
}

static gboolean
exec_savepoint (DpoStore    *self,
                const char  *sql,
                GError     **error)
{
  if (dpo_sql_exec (_dpo_store_get_db (self), sql))
    return TRUE;
  _dpo_store_set_db_error (self, error);
  return FALSE;
}

/* The as-of day allowed the erasure, but the trigger, on the real today,
 * refused it (a contract or a hold ending between today and --as-of): the
 * refusal is recorded all the same, with the verdict of today. */
static gboolean
refuse_as_the_trigger (DpoStore   *self,
                       Execution  *x,
                       GError    **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(DpoErasureVerdict) verdict =
    dpo_erasure_verdict_at (x->subject, today, dpo_store_get_retention_years (self));

  if (verdict->rule == DPO_ERASURE_ALLOWED)
    {
      /* The trigger saw what the records do not: say what it holds. */
      verdict->rule = DPO_ERASURE_ACTIVE_CONTRACT;
      verdict->reason = g_strdup (_("Erasure refused by the database’s erasure rule: the person is "
                                    "covered by an active contract, within the retention period "
                                    "after a contract ended, or under a legal hold."));
    }
  return refuse_erasure (self, x, verdict, error);
}

static gboolean
carry_out_erasure (DpoStore   *self,
                   Execution  *x,
                   GError    **error)
{
  g_autoptr(DpoErasureVerdict) verdict =
    dpo_erasure_verdict_at (x->subject, x->now, dpo_store_get_retention_years (self));
  gboolean refused = FALSE;

  /* Neither an erasure nor its refusal is the agent's to record. */
  if (!dpo_store_require (self, DPO_RIGHT_ERASE, error))
    return FALSE;
  if (verdict->rule != DPO_ERASURE_ALLOWED)
    return refuse_erasure (self, x, verdict, error);

  /* The redaction and the deletion stand or fall together. */
  if (!exec_savepoint (self, "SAVEPOINT erasure", error))
    return FALSE;
  if (!redact_person (self, x, error) || !delete_person (self, x, &refused, error))
    return FALSE;
  if (refused)
    return exec_savepoint (self, "ROLLBACK TO erasure", error) &&
           exec_savepoint (self, "RELEASE erasure", error) &&
           refuse_as_the_trigger (self, x, error);
  if (!exec_savepoint (self, "RELEASE erasure", error))
    return FALSE;

  x->erased = TRUE;
  /* The request stays in the register, without the person. */
  g_clear_pointer (&x->request->subject_id, g_free);
  g_clear_pointer (&x->request->subject_name, g_free);
  g_clear_pointer (&x->request->changes, g_free);
  /* "their 0 contracts" reads as a slip: a person who never held a
   * contract (a prospect, a beneficiary) gets a sentence of their own. */
  if (x->subject->contracts->len == 0)
    x->outcome = g_strdup (_("The person’s data were erased; no contract was recorded in their name."));
  else
    x->outcome = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The person’s data and their %u contract were erased.",
                                               "The person’s data and their %u contracts were erased.",
                                               x->subject->contracts->len),
                                  x->subject->contracts->len);
  return answer (self, x, DPO_REQUEST_ANSWERED, error);
}

static gboolean
carry_out_rectification (DpoStore   *self,
                         Execution  *x,
                         GError    **error)
{
  g_autoptr(GPtrArray) changes = dpo_request_dup_changes (x->request);
  g_autoptr(GString) changed = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const DpoChange *change = g_ptr_array_index (changes, i);

      dpo_person_field_set (change->field, x->subject, change->value);
      /* The DPO reads labels ("Postal address"), not column names. */
      g_string_append_printf (changed, "%s%s", changed->len ? ", " : "",
                              dpo_person_field_get_label (change->field));
    }

  if (!dpo_validate_subject (x->subject, error) || !_dpo_store_update_subject (self, x->subject, error))
    return FALSE;
  x->outcome = g_strdup_printf (_("Rectified: %s."), changed->str);
  return answer (self, x, DPO_REQUEST_ANSWERED, error);
}

/* The person's data and requests as JSON, read in the transaction. */
static char *
access_document (DpoStore   *self,
                 Execution  *x,
                 GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  DpoSqlStmt *stmt;

  stmt = _dpo_store_prepare (self, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r JOIN subjects s "
                                   "ON s.pk = r.subject WHERE s.pk = ? ORDER BY r.received_at, r.pk", error);
  if (stmt == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "person");
  json_builder_add_value (builder, dpo_subject_to_json (x->subject));
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  dpo_sql_bind_int64 (stmt, 1, x->subject->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      g_autoptr(DpoRequest) request = _dpo_request_from_row (stmt);
      json_builder_add_value (builder, dpo_request_to_json (request));
    }
  dpo_sql_reset (stmt);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return dpo_json_to_text (root, TRUE);
}

static gboolean
carry_out_access (DpoStore   *self,
                  Execution  *x,
                  GError    **error)
{
  g_autofree char *name = g_file_get_parse_name (x->output);

  x->access_text = access_document (self, x, error);
  if (x->access_text == NULL)
    return FALSE;
  x->outcome = g_strdup_printf (_("The person’s data were written to %s."), name);
  return answer (self, x, DPO_REQUEST_ANSWERED, error);
}

/* Art. 18: the person is restricted from the as-of day (a restriction
 * already in place keeps its date and takes the new reason). */
static gboolean
carry_out_restriction (DpoStore   *self,
                       Execution  *x,
                       GError    **error)
{
  g_autofree char *today = NULL;
  g_autofree char *since = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (x->input->reason));
  GDate day;

  dpo_time_get_local_date (x->now, &day);
  today = dpo_date_to_iso (&day);
  since = g_strdup (x->subject->restricted_since != NULL ? x->subject->restricted_since : today);
  if (!_dpo_store_set_restriction (self, x->subject, since, reason, x->request->id, error))
    return FALSE;
  x->outcome = dpo_restriction_outcome (x->subject->restricted_since, x->subject->restriction_reason);
  return answer (self, x, DPO_REQUEST_ANSWERED, error);
}

/* Art. 21: the decision and its reason are kept on the request; either
 * answers it (a rejection too: it is an answer, with its grounds). */
static gboolean
carry_out_objection (DpoStore   *self,
                     Execution  *x,
                     GError    **error)
{
  DpoObjectionDecision decision = dpo_enum_value (DPO_ENUM_OBJECTION_DECISION, x->input->decision);

  g_free (x->request->decision);
  x->request->decision = g_strdup (dpo_enum_word (DPO_ENUM_OBJECTION_DECISION, decision));
  g_free (x->request->decision_reason);
  x->request->decision_reason = g_strstrip (g_strdup (x->input->reason));
  x->outcome = dpo_objection_outcome (decision, x->request->decision_reason);
  return answer (self, x, DPO_REQUEST_ANSWERED, error);
}

/* On a server, the advisory lock of _dpo_store_begin() keeps out only
 * the workbench's own writers: another client's transaction may hold the
 * request or the person changed and not yet committed. Locking both rows
 * waits for it, and the reads that follow (each statement sees what is
 * committed) see its change. In a file, the write transaction locks the
 * whole file already. */
static gboolean
lock_request_rows (DpoStore    *self,
                   const char  *id,
                   GError     **error)
{
  /* Two statements: PostgreSQL locks no rows of a UNION. */
  static const char * const LOCKS[] = {
    "SELECT pk FROM requests WHERE id = ? FOR UPDATE",
    "SELECT pk FROM subjects WHERE pk = (SELECT subject FROM requests WHERE id = ?) FOR UPDATE",
  };

  if (_dpo_store_get_engine (self) != DPO_SQL_POSTGRESQL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (LOCKS); i++)
    {
      DpoSqlStmt *stmt = _dpo_store_prepare (self, LOCKS[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      _dpo_bind_text (stmt, 1, id);
      while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
        ;
      dpo_sql_reset (stmt);
      if (rc != DPO_SQL_DONE)
        {
          _dpo_store_set_db_error (self, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads, decides and writes, all in the write transaction. */
static gboolean
carry_out (DpoStore  *self,
           gpointer   data,
           GError   **error)
{
  Execution *x = data;
  DpoRequestKind kind;

  if (!lock_request_rows (self, x->id, error))
    return FALSE;
  x->request = dpo_store_get_request (self, x->id, error);
  if (x->request == NULL || !dpo_request_check_executable (x->request, error))
    return FALSE;
  kind = dpo_request_get_kind (x->request);
  if (!dpo_carry_out_check_input (kind, x->input, error))
    return FALSE;
  if (dpo_request_kind_writes_file (kind) && x->output == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("An access request needs a file to write the person’s data to."));
      return FALSE;
    }
  x->subject = dpo_store_get_subject (self, x->request->subject_id, error);
  if (x->subject == NULL)
    return FALSE;
  x->original = dpo_request_copy (x->request);

  switch (kind)
    {
    case DPO_REQUEST_ERASURE:
      return carry_out_erasure (self, x, error);
    case DPO_REQUEST_RECTIFICATION:
      return carry_out_rectification (self, x, error);
    case DPO_REQUEST_ACCESS:
    case DPO_REQUEST_PORTABILITY:
      return carry_out_access (self, x, error);
    case DPO_REQUEST_RESTRICTION:
      return carry_out_restriction (self, x, error);
    case DPO_REQUEST_OBJECTION:
      return carry_out_objection (self, x, error);
    case DPO_REQUEST_KIND_UNKNOWN:
    case DPO_N_REQUEST_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* @text into @file, whole or not at all, private (files/dpo-output-file.h). */
static gboolean
write_output_file (GFile       *file,
                   const char  *text,
                   GError     **error)
{
  return dpo_output_file_set_contents (file, text, strlen (text), error);
}

/* The answer was committed but its file could not be written: the request
 * goes back to what it was, so it can be carried out again. */
static gboolean
reopen (DpoStore  *self,
        gpointer   data,
        GError   **error)
{
  Execution *x = data;

  return _dpo_store_update_request (self, x->original, "update", error);
}

gboolean
dpo_request_execute (DpoStore    *self,
                     const char  *id,
                     GFile       *output,
                     char       **outcome,
                     GError     **error)
{
  return dpo_request_execute_with_input (self, id, output, NULL, outcome, error);
}

gboolean
dpo_request_execute_with_input (DpoStore                *self,
                                const char              *id,
                                GFile                   *output,
                                const DpoCarryOutInput  *input,
                                char                   **outcome,
                                GError                 **error)
{
  g_auto(Execution) x = { NULL };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (output == NULL || G_IS_FILE (output), FALSE);

  x.id = id;
  x.output = output;
  x.input = input;
  x.now = dpo_store_dup_now (self);
  /* Answering a request writes it: the agent's and the officer's. */
  if (!dpo_store_require (self, DPO_RIGHT_EDIT_PEOPLE, error) ||
      !_dpo_store_write (self, carry_out, &x, error))
    return FALSE;
  if (x.refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&x.refusal));
      return FALSE;
    }
  /* Committed. After an erasure the deleted rows may still sit in the WAL
   * file (and in freed pages): checkpoint it away. */
  if (x.erased)
    _dpo_store_forget_erased (self);
  if (x.access_text != NULL && !write_output_file (output, x.access_text, error))
    {
      g_autoptr(GError) reopen_error = NULL;

      if (!_dpo_store_write (self, reopen, &x, &reopen_error))
        g_warning ("Cannot reopen request %s: %s", id, reopen_error->message);
      return FALSE;
    }
  if (outcome != NULL)
    *outcome = g_steal_pointer (&x.outcome);
  return TRUE;
}

typedef struct
{
  char      *id;
  GFile     *output;
  GDateTime *now;
  char      *decision;
  char      *reason;
} ExecuteTask;

static void
execute_task_free (gpointer data)
{
  ExecuteTask *task_data = data;

  g_free (task_data->id);
  g_clear_object (&task_data->output);
  g_clear_pointer (&task_data->now, g_date_time_unref);
  g_free (task_data->decision);
  g_free (task_data->reason);
  g_free (task_data);
}

static void
execute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      data,
                GCancellable *cancellable)
{
  ExecuteTask *task_data = data;
  DpoCarryOutInput input = { task_data->decision, task_data->reason };
  g_autoptr(DpoStore) worker = NULL;
  GError *error = NULL;
  char *outcome = NULL;

  worker = _dpo_store_open_worker (source_object, task_data->now, &error);
  if (worker == NULL ||
      !dpo_request_execute_with_input (worker, task_data->id, task_data->output, &input,
                                       &outcome, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcome, g_free);
}

static int execute_source_tag;

void
dpo_request_execute_async (DpoStore            *self,
                           const char          *id,
                           GFile               *output,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  dpo_request_execute_with_input_async (self, id, output, NULL, cancellable, callback, user_data);
}

void
dpo_request_execute_with_input_async (DpoStore                *self,
                                      const char              *id,
                                      GFile                   *output,
                                      const DpoCarryOutInput  *input,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExecuteTask *task_data;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (output == NULL || G_IS_FILE (output));

  task_data = g_new0 (ExecuteTask, 1);
  task_data->id = g_strdup (id);
  task_data->output = output != NULL ? g_object_ref (output) : NULL;
  task_data->now = dpo_store_dup_now (self);
  task_data->decision = input != NULL ? g_strdup (input->decision) : NULL;
  task_data->reason = input != NULL ? g_strdup (input->reason) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, &execute_source_tag);
  g_task_set_task_data (task, task_data, execute_task_free);
  g_task_run_in_thread (task, execute_thread);
}

gboolean
dpo_request_execute_finish (DpoStore      *self,
                            GAsyncResult  *result,
                            char         **outcome,
                            GError       **error)
{
  g_autofree char *done = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  /* The worker's connection emitted on its own object; a refusal was
   * recorded too: tell our models either way. */
  _dpo_store_emit_changed (self);
  if (done == NULL)
    return FALSE;
  if (outcome != NULL)
    *outcome = g_steal_pointer (&done);
  return TRUE;
}
