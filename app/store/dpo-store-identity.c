/* dpo-store-identity.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-store-identity.h"
#include "dpo-store-private.h"

/* 80 random bits, drawn the first time they are asked for and kept in
 * store_state (the store's own bookkeeping, never exported); the first
 * writer's draw wins. */
#define READ_IDENTITY "SELECT value FROM store_state WHERE key = 'identity'"
#define MAKE_IDENTITY "INSERT INTO store_state (key, value) VALUES ('identity', ?) " \
                      "ON CONFLICT DO NOTHING"

static char *
draw_identity (void)
{
  GString *hex = g_string_new (NULL);

  for (int i = 0; i < 10; i++)
    g_string_append_printf (hex, "%02x", (unsigned) g_random_int_range (0, 256));
  return g_string_free (hex, FALSE);
}

static char *
read_identity (DpoStore *self)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, READ_IDENTITY, NULL);
  char *identity = NULL;

  if (stmt == NULL)
    return NULL;
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    identity = g_strdup (dpo_sql_column_text (stmt, 0));
  dpo_sql_reset (stmt);
  return identity;
}

/* A database that cannot be written to (a read-only copy) still has a
 * name: one drawn from its audit log's first entry, which no later change,
 * erasure included, alters. */
static char *
identity_from_audit (DpoStore *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char first[DPO_AUDIT_HASH_LENGTH + 1];
  DpoSqlStmt *stmt;

  _dpo_audit_genesis (first);
  stmt = _dpo_store_prepare (self, "SELECT hash FROM audit ORDER BY pk LIMIT 1", NULL);
  if (stmt != NULL)
    {
      if (dpo_sql_step (stmt) == DPO_SQL_ROW && dpo_sql_column_bytes (stmt, 0) == DPO_AUDIT_HASH_LENGTH)
        memcpy (first, dpo_sql_column_text (stmt, 0), DPO_AUDIT_HASH_LENGTH);
      dpo_sql_reset (stmt);
    }
  g_checksum_update (checksum, (const guchar *) first, DPO_AUDIT_HASH_LENGTH);
  return g_strndup (g_checksum_get_string (checksum), 20);
}

char *
dpo_store_dup_identity (DpoStore *self)
{
  char *identity;
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  identity = read_identity (self);
  if (identity != NULL)
    return identity;

  /* Two processes asking at once: the first insert wins, both read it. */
  stmt = _dpo_store_prepare (self, MAKE_IDENTITY, NULL);
  if (stmt != NULL)
    {
      g_autofree char *drawn = draw_identity ();

      dpo_sql_bind_text (stmt, 1, drawn);
      dpo_sql_step (stmt);
      dpo_sql_reset (stmt);
    }
  identity = read_identity (self);
  return identity != NULL ? identity : identity_from_audit (self);
}
