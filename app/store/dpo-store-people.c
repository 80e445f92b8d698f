/* dpo-store-people.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-record-json.h"
#include "dpo-store-conflict.h"
#include "dpo-store-private.h"
#include "dpo-validate.h"

static JsonNode *
subject_fields_json (const DpoSubject *subject)
{
  JsonNode *node = dpo_subject_to_json (subject);

  json_object_remove_member (json_node_get_object (node), "contracts");
  json_object_remove_member (json_node_get_object (node), "holds");
  /* A restriction is set and lifted by its own actions (dpo-store-restriction.c),
   * never by saving the person's fields. */
  json_object_remove_member (json_node_get_object (node), "restricted");
  return node;
}

static DpoSubject *
read_subject_by_rowid (DpoStore *self,
                       gint64    rowid)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT " DPO_SUBJECT_COLUMNS
                                                 " FROM subjects s WHERE s.pk = ?", NULL);
  DpoSubject *subject = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    subject = _dpo_subject_from_row (stmt);
  dpo_sql_reset (stmt);
  return subject;
}

static gboolean
update_subject_row (DpoStore    *self,
                    DpoSubject  *subject,
                    GError     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "UPDATE subjects SET id = ?1, last_name = ?2, first_name = ?3, birth_date = ?4, nir = ?5, "
    "member_number = ?6, email = ?7, postal_address = ?8 WHERE pk = ?9", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_subject_fields (stmt, subject);
  dpo_sql_bind_int64 (stmt, 9, subject->rowid);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_index_subject (self, subject, TRUE, error);
}

gboolean
_dpo_store_update_subject (DpoStore    *self,
                           DpoSubject  *subject,
                           GError     **error)
{
  g_autoptr(DpoSubject) old = read_subject_by_rowid (self, subject->rowid);
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = subject_fields_json (subject);
  g_autoptr(JsonNode) diff = NULL;

  if (old == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                   _("This person is no longer in the database; their data may have been erased."));
      return FALSE;
    }
  old_node = subject_fields_json (old);
  diff = _dpo_audit_diff (old_node, new_node);
  if (diff == NULL)
    return TRUE;
  return update_subject_row (self, subject, error) &&
         _dpo_store_audit (self, "subject", subject->id, "update", diff, error);
}

static gboolean
write_subject (DpoStore  *self,
               gpointer   data,
               GError   **error)
{
  DpoSubject *subject = data;
  gint64 pk = _dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", subject->id);
  g_autoptr(JsonNode) node = NULL;

  if (pk != 0 && pk != subject->rowid)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
                   _("Reference: “%s” is already used by another person"), subject->id);
      return FALSE;
    }
  if (subject->rowid != 0)
    {
      node = subject_fields_json (subject);
      if (!_dpo_store_check_unchanged (self, "subject", subject->rowid, subject->audit_seen, node, error) ||
          !_dpo_store_update_subject (self, subject, error))
        return FALSE;
      /* Saved again from the same copy, this save is no colleague's change. */
      subject->audit_seen = _dpo_store_audit_mark (self, "subject", subject->id);
      return TRUE;
    }

  node = subject_fields_json (subject);
  /* A new person comes without contracts or holds: they are saved one by one. */
  g_ptr_array_set_size (subject->contracts, 0);
  g_ptr_array_set_size (subject->holds, 0);
  if (!_dpo_store_insert_subject (self, subject, node, error))
    return FALSE;
  subject->audit_seen = _dpo_store_audit_mark (self, "subject", subject->id);
  return TRUE;
}

gboolean
dpo_store_save_subject (DpoStore    *self,
                        DpoSubject  *subject,
                        GError     **error)
{
  gint64 seen;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  seen = subject->audit_seen;

  if (dpo_validate_subject (subject, error) &&
      _dpo_store_write (self, write_subject, subject, error))
    return TRUE;
  /* Rolled back: the mark the write took is not in the log. */
  subject->audit_seen = seen;
  return FALSE;
}

typedef struct
{
  const char  *subject_id;
  DpoContract *contract;
} ContractWrite;

/* The contract as the audit log records it, its beneficiaries included. */
static JsonNode *
read_contract_json (DpoStore *self,
                    gint64    rowid,
                    gint64    subject)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "SELECT number, product, start_date, end_date FROM contracts WHERE pk = ? AND subject = ?", NULL);
  g_autoptr(DpoSubject) holder = NULL;
  DpoContract *contract;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  dpo_sql_bind_int64 (stmt, 2, subject);
  if (dpo_sql_step (stmt) != DPO_SQL_ROW)
    {
      dpo_sql_reset (stmt);
      return NULL;
    }
  holder = dpo_subject_new ();
  holder->rowid = subject;
  contract = dpo_contract_new ();
  contract->rowid = rowid;
  contract->number = _dpo_column_text (stmt, 0);
  contract->product = _dpo_column_text (stmt, 1);
  contract->start_date = _dpo_column_text (stmt, 2);
  contract->end_date = _dpo_column_text (stmt, 3);
  dpo_sql_reset (stmt);
  g_ptr_array_add (holder->contracts, contract);
  _dpo_store_read_contract_beneficiaries (self, holder);
  return dpo_contract_to_json (contract);
}

static gboolean
write_contract (DpoStore  *self,
                gpointer   data,
                GError   **error)
{
  ContractWrite *w = data;
  DpoContract *contract = w->contract;
  gint64 subject = _dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", w->subject_id);
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = NULL;
  g_autoptr(JsonNode) diff = NULL;
  DpoSqlStmt *stmt;

  if (subject == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no person “%s”."), w->subject_id);
      return FALSE;
    }
  if (contract->rowid == 0)
    {
      new_node = dpo_contract_to_json (contract);
      return _dpo_store_insert_contract (self, subject, contract, error) &&
             _dpo_store_write_beneficiaries (self, contract->rowid, subject,
                                             (const char * const *) contract->beneficiaries, error) &&
             _dpo_store_audit (self, "contract", w->subject_id, "insert", new_node, error);
    }

  old_node = read_contract_json (self, contract->rowid, subject);
  if (old_node == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                   _("This contract no longer exists; it may have been deleted meanwhile."));
      return FALSE;
    }
  stmt = _dpo_store_prepare (self, "UPDATE contracts SET number = ?, product = ?, start_date = ?, "
                                   "end_date = ? WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, contract->number);
  _dpo_bind_text (stmt, 2, contract->product);
  _dpo_bind_text (stmt, 3, contract->start_date);
  _dpo_bind_text (stmt, 4, contract->end_date);
  dpo_sql_bind_int64 (stmt, 5, contract->rowid);
  if (!_dpo_store_step_done (self, stmt, error) ||
      !_dpo_store_write_beneficiaries (self, contract->rowid, subject,
                                       (const char * const *) contract->beneficiaries, error))
    return FALSE;

  new_node = read_contract_json (self, contract->rowid, subject);
  diff = _dpo_audit_diff (old_node, new_node);
  return diff == NULL || _dpo_store_audit (self, "contract", w->subject_id, "update", diff, error);
}

gboolean
dpo_store_save_contract (DpoStore     *self,
                         const char   *subject_id,
                         DpoContract  *contract,
                         GError      **error)
{
  ContractWrite w = { subject_id, contract };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (subject_id != NULL && contract != NULL, FALSE);

  return dpo_validate_contract (contract, error) &&
         _dpo_store_write (self, write_contract, &w, error);
}
