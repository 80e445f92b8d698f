/* dpo-store-settings.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-carry-out.h"
#include "dpo-store-private.h"

/* The retention period after a contract ends (issue 12): kept in the
 * settings table, where the trigger subjects_erasure_rule reads it too, so
 * that the window, the CLI and the database hold the same rule. */

#define RETENTION_KEY "retention_after_contract_years"

guint
dpo_store_get_retention_years (DpoStore *self)
{
  gint64 years;

  g_return_val_if_fail (DPO_IS_STORE (self), 0);

  years = _dpo_store_query_int (self, "SELECT CAST (value AS INTEGER) FROM settings "
                                      "WHERE key = '" RETENTION_KEY "'");
  /* Only this program writes it, checked; anything else reads as today's rule. */
  return years > 0 && years <= DPO_RETENTION_MAX_YEARS ? (guint) years : 0;
}

gboolean
_dpo_store_write_retention_years (DpoStore  *self,
                                  gint64     years,
                                  GError   **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  DpoSqlStmt *stmt;

  if (!dpo_erasure_check_retention_years (years, error))
    return FALSE;
  if ((guint) years == dpo_store_get_retention_years (self))
    return TRUE;
  stmt = _dpo_store_prepare (self, "INSERT INTO settings (key, value) "
                                   "VALUES ('" RETENTION_KEY "', ?) ON CONFLICT (key) "
                                   "DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, years);
  _dpo_bind_text (stmt, 1, text);
  node = json_node_init_int (json_node_alloc (), years);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_audit (self, "setting", RETENTION_KEY, "update", node, error);
}

static gboolean
write_retention (DpoStore  *self,
                 gpointer   data,
                 GError   **error)
{
  return _dpo_store_write_retention_years (self, *(gint64 *) data, error);
}

gboolean
dpo_store_set_retention_years (DpoStore  *self,
                               gint64     years,
                               GError   **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);

  /* Checked before the transaction: nothing is written on an error. */
  if (!dpo_erasure_check_retention_years (years, error))
    return FALSE;
  return _dpo_store_write (self, write_retention, &years, error);
}
