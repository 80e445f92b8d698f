/* dpo-store-beneficiaries.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-private.h"

/* The people a contract covers besides its holder (DESIGN "Domain
 * additions"), in contract_beneficiaries. A person is covered as holder or
 * as beneficiary, and the erasure rule counts both (the core's verdict and
 * the trigger subjects_erasure_rule). */

static DpoContract *
find_contract (GPtrArray *contracts,
               gint64     rowid)
{
  for (guint i = 0; i < contracts->len; i++)
    {
      DpoContract *contract = g_ptr_array_index (contracts, i);

      if (contract->rowid == rowid)
        return contract;
    }
  return NULL;
}

/* One query per person, not per contract: the export reads 200,000 people. */
void
_dpo_store_read_contract_beneficiaries (DpoStore   *self,
                                        DpoSubject *subject)
{
  g_autoptr(GHashTable) lists = NULL;
  DpoSqlStmt *stmt;

  if (subject->contracts->len == 0)
    return;
  stmt = _dpo_store_prepare (self, "SELECT b.contract, s.id FROM contracts c "
                                   "JOIN contract_beneficiaries b ON b.contract = c.pk "
                                   "JOIN subjects s ON s.pk = b.subject "
                                   "WHERE c.subject = ? ORDER BY b.contract, s.id", NULL);
  if (stmt == NULL)
    return;
  dpo_sql_bind_int64 (stmt, 1, subject->rowid);
  lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_strv_builder_unref);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoContract *contract = find_contract (subject->contracts, dpo_sql_column_int64 (stmt, 0));
      GStrvBuilder *builder;

      if (contract == NULL)
        continue;
      builder = g_hash_table_lookup (lists, &contract->rowid);
      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (lists, &contract->rowid, builder);
        }
      g_strv_builder_add (builder, dpo_sql_column_text (stmt, 1));
    }
  dpo_sql_reset (stmt);

  for (guint i = 0; i < subject->contracts->len; i++)
    {
      DpoContract *contract = g_ptr_array_index (subject->contracts, i);
      GStrvBuilder *builder = g_hash_table_lookup (lists, &contract->rowid);

      g_clear_pointer (&contract->beneficiaries, g_strfreev);
      if (builder != NULL)
        contract->beneficiaries = g_strv_builder_end (builder);
    }
}

void
_dpo_store_read_covered_by (DpoStore   *self,
                            DpoSubject *subject)
{
  DpoSqlStmt *stmt;

  g_ptr_array_set_size (subject->covered_by, 0);
  stmt = _dpo_store_prepare (self, "SELECT c.pk, c.number, c.product, c.start_date, c.end_date, "
                                   "h.id, h.first_name || ' ' || h.last_name "
                                   "FROM contract_beneficiaries b JOIN contracts c ON c.pk = b.contract "
                                   "JOIN subjects h ON h.pk = c.subject "
                                   "WHERE b.subject = ? ORDER BY c.start_date, c.pk", NULL);
  if (stmt == NULL)
    return;
  dpo_sql_bind_int64 (stmt, 1, subject->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoContract *contract = _dpo_contract_from_row (stmt);

      contract->holder_id = _dpo_column_text (stmt, 5);
      contract->holder_name = _dpo_column_text (stmt, 6);
      g_ptr_array_add (subject->covered_by, contract);
    }
  dpo_sql_reset (stmt);
}

gboolean
_dpo_store_insert_beneficiary (DpoStore  *self,
                               gint64     contract,
                               gint64     subject,
                               GError   **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO contract_beneficiaries (contract, subject) VALUES (?, ?) ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, contract);
  dpo_sql_bind_int64 (stmt, 2, subject);
  return _dpo_store_step_done (self, stmt, error);
}

/* Replaces the beneficiaries of @contract (held by @holder) with the
 * people @ids; a reference to nobody, or to the holder, names itself. */
gboolean
_dpo_store_write_beneficiaries (DpoStore            *self,
                                gint64               contract,
                                gint64               holder,
                                const char * const  *ids,
                                GError             **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "DELETE FROM contract_beneficiaries WHERE contract = ?", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, contract);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gint64 subject = _dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", ids[i]);

      if (subject == 0)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                       _("Beneficiaries: there is no person “%s”."), ids[i]);
          return FALSE;
        }
      if (subject == holder)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                       _("Beneficiaries: “%s” holds this contract and is covered by it already."),
                       ids[i]);
          return FALSE;
        }
      if (!_dpo_store_insert_beneficiary (self, contract, subject, error))
        return FALSE;
    }
  return TRUE;
}
