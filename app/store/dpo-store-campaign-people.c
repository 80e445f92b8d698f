/* dpo-store-campaign-people.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The campaign's people informed and unreachable, in its temporary tables. */

#include "config.h"

#include "dpo-store-campaign-private.h"

gboolean
dpo_store_campaign_add_informed (DpoStoreCampaign    *campaign,
                                 const DpoHousehold  *household,
                                 GError             **error)
{
  const char *word;
  DpoSqlStmt *stmt;

  g_return_val_if_fail (campaign != NULL && household != NULL, FALSE);
  g_return_val_if_fail (household->channel != DPO_CAMPAIGN_UNREACHABLE, FALSE);

  word = channel_word (household->channel);
  stmt = _dpo_store_prepare (campaign->store,
                             "INSERT INTO campaign_informed (subject, channel) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i <= household->co_insured->len; i++)
    {
      const DpoHouseholdPerson *person = i == 0 ? &household->holder
                                                : g_ptr_array_index (household->co_insured, i - 1);

      dpo_sql_bind_int64 (stmt, 1, person->rowid);
      _dpo_bind_text (stmt, 2, word);
      if (!_dpo_store_step_done (campaign->store, stmt, error))
        return FALSE;
    }
  campaign->uses[household->channel] = TRUE;
  return TRUE;
}

gboolean
dpo_store_campaign_add_unreachable (DpoStoreCampaign          *campaign,
                                    const DpoHouseholdPerson  *person,
                                    const char                *name,
                                    const char                *reason,
                                    GError                   **error)
{
  /* A person in two households that cannot be reached is listed once,
   * with the first household's reason. */
  DpoSqlStmt *stmt = _dpo_store_prepare (campaign->store,
    "INSERT INTO campaign_unreachable (subject, seq, id, name, member_number, reason) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, person->rowid);
  dpo_sql_bind_int64 (stmt, 2, campaign->n_unreachable++);
  _dpo_bind_text (stmt, 3, person->id);
  _dpo_bind_text (stmt, 4, name);
  _dpo_bind_text (stmt, 5, person->member_number);
  _dpo_bind_text (stmt, 6, reason);
  return _dpo_store_step_done (campaign->store, stmt, error);
}

gboolean
dpo_store_campaign_foreach_unreachable (DpoStoreCampaign            *campaign,
                                        DpoCampaignUnreachableFunc   func,
                                        gpointer                     user_data,
                                        GError                     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (campaign->store,
    "SELECT id, name, member_number, reason FROM campaign_unreachable u "
    "WHERE NOT EXISTS (SELECT 1 FROM campaign_informed i WHERE i.subject = u.subject) "
    "ORDER BY seq", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    if (!func (dpo_sql_column_text (stmt, 0), dpo_sql_column_text (stmt, 1),
               dpo_sql_column_text (stmt, 2), dpo_sql_column_text (stmt, 3),
               user_data, error))
      {
        dpo_sql_reset (stmt);
        return FALSE;
      }
  if (rc != DPO_SQL_DONE)
    _dpo_store_set_db_error (campaign->store, error);
  dpo_sql_reset (stmt);
  return rc == DPO_SQL_DONE;
}
