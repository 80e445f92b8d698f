/* dpo-store-organisation.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-organisation-check.h"
#include "dpo-store-private.h"

/* The organisation is one row of its own table (migration 2 -> 3). Its
 * columns are named as the fields, in the order of DpoOrganisationField. */
static const char * const COLUMNS[] = {
  "name", "siren", "address", "dpo_name", "dpo_email", "dpo_phone", "dpo_address",
  "purposes", "recipients", "retention", "source",
};

G_STATIC_ASSERT (G_N_ELEMENTS (COLUMNS) == DPO_ORGANISATION_N_FIELDS);

DpoOrganisation *
dpo_store_get_organisation (DpoStore *self)
{
  DpoOrganisation *organisation = dpo_organisation_new ();
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), organisation);

  stmt = _dpo_store_prepare (self, "SELECT name, siren, address, dpo_name, dpo_email, dpo_phone, "
                                   "dpo_address, purposes, recipients, retention, source "
                                   "FROM organisation WHERE pk = 1", NULL);
  if (stmt == NULL)
    return organisation;
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
      *dpo_organisation_field (organisation, i) = g_strdup (dpo_sql_column_text (stmt, i));
  dpo_sql_reset (stmt);
  return organisation;
}

/* The audit entry: { column: [old, new] } for each member that changed. */
static JsonNode *
changes_node (const DpoOrganisation *old,
              const DpoOrganisation *new)
{
  JsonObject *changes = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    {
      const char *before = *dpo_organisation_field ((DpoOrganisation *) old, i);
      const char *after = *dpo_organisation_field ((DpoOrganisation *) new, i);
      JsonArray *pair;

      if (g_strcmp0 (before, after) == 0)
        continue;
      pair = json_array_new ();
      if (before != NULL)
        json_array_add_string_element (pair, before);
      else
        json_array_add_null_element (pair);
      if (after != NULL)
        json_array_add_string_element (pair, after);
      else
        json_array_add_null_element (pair);
      json_object_set_array_member (changes, COLUMNS[i], pair);
    }
  json_node_take_object (node, changes);
  return node;
}

/* In the caller's transaction: @organisation is already checked. */
static gboolean
write_organisation (DpoStore  *self,
                    gpointer   data,
                    GError   **error)
{
  const DpoOrganisation *organisation = data;
  g_autoptr(DpoOrganisation) old = dpo_store_get_organisation (self);
  g_autoptr(JsonNode) changes = NULL;
  DpoSqlStmt *stmt;

  if (dpo_organisation_equal (old, organisation))
    return TRUE;
  stmt = _dpo_store_prepare (self, "INSERT INTO organisation (pk, name, siren, address, "
                                   "dpo_name, dpo_email, dpo_phone, dpo_address, purposes, "
                                   "recipients, retention, source) "
                                   "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pk) DO UPDATE SET "
                                   "name = excluded.name, siren = excluded.siren, address = excluded.address, "
                                   "dpo_name = excluded.dpo_name, dpo_email = excluded.dpo_email, "
                                   "dpo_phone = excluded.dpo_phone, dpo_address = excluded.dpo_address, "
                                   "purposes = excluded.purposes, recipients = excluded.recipients, "
                                   "retention = excluded.retention, source = excluded.source", error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    _dpo_bind_text (stmt, i + 1, *dpo_organisation_field ((DpoOrganisation *) organisation, i));
  changes = changes_node (old, organisation);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_audit (self, "organisation", "organisation", "update", changes, error);
}

gboolean
dpo_store_set_organisation (DpoStore               *self,
                            const DpoOrganisation  *organisation,
                            GError                **error)
{
  g_autoptr(DpoOrganisation) checked = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);

  checked = dpo_organisation_copy (organisation);
  if (!dpo_organisation_check (checked, NULL, error))
    return FALSE;
  return _dpo_store_write (self, write_organisation, checked, error);
}

gboolean
_dpo_store_write_organisation (DpoStore               *self,
                               const DpoOrganisation  *organisation,
                               GError                **error)
{
  g_autoptr(DpoOrganisation) checked = dpo_organisation_copy (organisation);

  return dpo_organisation_check (checked, NULL, error) &&
         write_organisation (self, checked, error);
}
