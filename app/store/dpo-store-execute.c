/* dpo-store-execute.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-json-text.h"
#include "dpo-record-json.h"
#include "dpo-store-private.h"
#include "dpo-time.h"
#include "dpo-validate.h"

/* Carrying requests out (DESIGN "Carrying a request out", "The erasure
 * rule"). The erasure rule is decided here, on the as-of day, and held again
 * by the database trigger subjects_erasure_rule. */

typedef struct
{
  DpoRequest *request;
  DpoSubject *subject;
  GDateTime  *now;
  GFile      *output;
  char       *outcome;
  GError     *refusal;   /* the erasure rule's refusal, recorded then returned */
} Execution;

static void
execution_clear (Execution *x)
{
  g_clear_pointer (&x->request, dpo_request_free);
  g_clear_pointer (&x->subject, dpo_subject_free);
  g_clear_pointer (&x->now, g_date_time_unref);
  g_clear_pointer (&x->outcome, g_free);
  g_clear_error (&x->refusal);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Execution, execution_clear)

static char *
person_name (const DpoSubject *subject)
{
  return g_strdup_printf ("%s %s", subject->first_name, subject->last_name);
}

static gboolean
answer (DpoStore    *self,
        Execution   *x,
        const char  *status,
        GError     **error)
{
  g_free (x->request->status);
  x->request->status = g_strdup (status);
  g_clear_pointer (&x->request->answered_at, g_date_time_unref);
  x->request->answered_at = g_date_time_ref (x->now);
  g_free (x->request->outcome);
  x->request->outcome = g_strdup (x->outcome);
  return _dpo_store_update_request (self, x->request, "execute", error);
}

static const DpoContract *
find_active_contract (const DpoSubject *subject,
                      GDateTime        *now)
{
  GDate today;
  g_autofree char *date = NULL;

  dpo_time_get_local_date (now, &today);
  date = dpo_date_to_iso (&today);
  for (guint i = 0; i < subject->contracts->len; i++)
    if (dpo_contract_is_active_on (g_ptr_array_index (subject->contracts, i), date))
      return g_ptr_array_index (subject->contracts, i);
  return NULL;
}

static gboolean
refuse_erasure (DpoStore           *self,
                Execution          *x,
                const DpoContract  *contract,
                GError            **error)
{
  g_autofree char *name = person_name (x->subject);
  g_autofree char *since = NULL;
  GDate start;

  since = dpo_date_parse (contract->start_date, &start, NULL) ? dpo_date_format_display (&start)
                                                               : g_strdup (contract->start_date);
  g_free (x->request->refusal_ground);
  x->request->refusal_ground =
    g_strdup_printf (_("Active contract %s (since %s): the data are needed to perform it "
                       "(GDPR Art. 17(1)(a) and 6(1)(b))."),
                     contract->number, since);
  x->outcome = g_strdup (_("Erasure refused: the person has an active contract."));
  g_set_error (&x->refusal, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT,
               _("Erasure refused: %s has an active contract (%s, since %s). Their data are needed "
                 "to perform it, so nothing was deleted. The request is recorded as refused with "
                 "this ground."),
               name, contract->number, since);
  return answer (self, x, "refused", error);
}

/* The log must not keep what the erasure removes: the values recorded about
 * the person, and the changes their requests asked for, are redacted (the
 * trigger audit_no_update allows exactly this). */
static gboolean
redact_person (DpoStore    *self,
               Execution   *x,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _dpo_store_prepare (self,
    "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}' WHERE "
    "(entity IN ('subject', 'contract') AND record = ?1) OR (entity = 'request' AND record IN "
    "(SELECT id FROM requests WHERE subject = (SELECT pk FROM subjects WHERE id = ?1)))", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, x->subject->id);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _dpo_store_prepare (self,
    "UPDATE requests SET changes = NULL WHERE subject = (SELECT pk FROM subjects WHERE id = ?)", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, x->subject->id);
  return _dpo_store_step_done (self, stmt, error);
}

static gboolean
delete_person (DpoStore   *self,
               Execution  *x,
               GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  sqlite3_stmt *stmt;

  stmt = _dpo_store_prepare (self, "DELETE FROM subjects WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, x->subject->rowid);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      /* The trigger saw a contract active today that the as-of day did not. */
      g_set_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT,
                   _("Erasure refused by the database: this person has a contract active today. "
                     "Nothing was deleted."));
      return FALSE;
    }
  sqlite3_reset (stmt);

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
write_erasure (DpoStore  *self,
               gpointer   data,
               GError   **error)
{
  Execution *x = data;
  const DpoContract *active = find_active_contract (x->subject, x->now);

  if (active != NULL)
    return refuse_erasure (self, x, active, error);

  if (!redact_person (self, x, error) || !delete_person (self, x, error))
    return FALSE;

  /* The request stays in the register, without the person. */
  g_clear_pointer (&x->request->subject_id, g_free);
  g_clear_pointer (&x->request->subject_name, g_free);
  g_clear_pointer (&x->request->changes, g_free);
  x->outcome = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The person’s data and their %u contract were erased.",
                                             "The person’s data and their %u contracts were erased.",
                                             x->subject->contracts->len),
                                x->subject->contracts->len);
  return answer (self, x, "answered", error);
}

static gboolean
apply_change (DpoSubject  *subject,
              const char  *field,
              const char  *value)
{
  char **slot = NULL;

  if (g_str_equal (field, "last_name")) slot = &subject->last_name;
  else if (g_str_equal (field, "first_name")) slot = &subject->first_name;
  else if (g_str_equal (field, "birth_date")) slot = &subject->birth_date;
  else if (g_str_equal (field, "nir")) slot = &subject->nir;
  else if (g_str_equal (field, "member_number")) slot = &subject->member_number;
  else if (g_str_equal (field, "email")) slot = &subject->email;
  else if (g_str_equal (field, "postal_address")) slot = &subject->postal_address;
  else
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
write_rectification (DpoStore  *self,
                     gpointer   data,
                     GError   **error)
{
  Execution *x = data;
  g_autoptr(JsonNode) node = json_from_string (x->request->changes, NULL);
  JsonObject *changes = json_node_get_object (node);
  g_autoptr(GList) fields = json_object_get_members (changes);
  g_autoptr(GString) changed = g_string_new (NULL);

  for (GList *l = fields; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (changes, l->data);

      apply_change (x->subject, l->data, JSON_NODE_HOLDS_NULL (value) ? NULL : json_node_get_string (value));
      g_string_append_printf (changed, "%s%s", changed->len ? ", " : "", (const char *) l->data);
    }

  if (!dpo_validate_subject (x->subject, error) || !_dpo_store_update_subject (self, x->subject, error))
    return FALSE;
  x->outcome = g_strdup_printf (_("Rectified: %s."), changed->str);
  return answer (self, x, "answered", error);
}

static gboolean
write_access_file (DpoStore   *self,
                   Execution  *x,
                   GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_parse_name (x->output);
  sqlite3_stmt *stmt;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "person");
  json_builder_add_value (builder, dpo_subject_to_json (x->subject));
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  stmt = _dpo_store_prepare (self, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r JOIN subjects s "
                                   "ON s.pk = r.subject WHERE s.pk = ? ORDER BY r.received_at, r.pk", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, x->subject->rowid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(DpoRequest) request = _dpo_request_from_row (stmt);
      json_builder_add_value (builder, dpo_request_to_json (request));
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = dpo_json_to_text (root, TRUE);

  /* g_file_replace_contents writes a temporary file and renames it. */
  if (!g_file_replace_contents (x->output, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, &local_error))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  x->outcome = g_strdup_printf (_("The person’s data were written to %s."), name);
  return TRUE;
}

static gboolean
write_access (DpoStore  *self,
              gpointer   data,
              GError   **error)
{
  Execution *x = data;

  return write_access_file (self, x, error) && answer (self, x, "answered", error);
}

static gboolean
check_executable (DpoStore    *self,
                  Execution   *x,
                  GError     **error)
{
  const char *kind = x->request->kind;
  g_autofree char *answered = NULL;

  if (!g_str_equal (x->request->status, "received") && !g_str_equal (x->request->status, "in_progress"))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_ALREADY_DONE,
                   _("Request %s is already closed (status: %s); it is not carried out again."),
                   x->request->id, dpo_enum_label (DPO_ENUM_REQUEST_STATUS, x->request->status));
      return FALSE;
    }
  if (g_str_equal (kind, "restriction") || g_str_equal (kind, "objection"))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Requests of this kind (%s) cannot be carried out automatically: apply it in the "
                     "systems concerned, then record the outcome and mark the request answered."),
                   dpo_enum_label (DPO_ENUM_REQUEST_KIND, kind));
      return FALSE;
    }
  if (x->request->subject_id == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Request %s is not linked to a person in the register: link it to the person "
                     "first."), x->request->id);
      return FALSE;
    }
  if (g_str_equal (kind, "rectification") && x->request->changes == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Rectification %s has no changes to apply: record the requested changes first."),
                   x->request->id);
      return FALSE;
    }
  if ((g_str_equal (kind, "access") || g_str_equal (kind, "portability")) && x->output == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("An access request needs a file to write the person’s data to."));
      return FALSE;
    }
  x->subject = dpo_store_get_subject (self, x->request->subject_id, error);
  return x->subject != NULL;
}

gboolean
dpo_store_execute_request (DpoStore    *self,
                           const char  *id,
                           GFile       *output,
                           char       **outcome,
                           GError     **error)
{
  g_auto(Execution) x = { NULL };
  DpoWriteFunc write;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  x.request = dpo_store_get_request (self, id, error);
  if (x.request == NULL)
    return FALSE;
  x.now = dpo_store_dup_now (self);
  x.output = output;
  if (!check_executable (self, &x, error))
    return FALSE;

  if (g_str_equal (x.request->kind, "erasure"))
    write = write_erasure;
  else if (g_str_equal (x.request->kind, "rectification"))
    write = write_rectification;
  else
    write = write_access;

  if (!_dpo_store_write (self, write, &x, error))
    return FALSE;
  if (x.refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&x.refusal));
      return FALSE;
    }
  if (outcome != NULL)
    *outcome = g_steal_pointer (&x.outcome);
  return TRUE;
}
