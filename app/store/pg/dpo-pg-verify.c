/* dpo-pg-verify.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-init.h"
#include "dpo-pg-schema.h"
#include "dpo-pg-verify.h"
#include "dpo-store-copy.h"

/* The server's safeguards as "dpo server init" made them: read from the
 * schema's own steps, so that a later step that replaces a function is
 * the reference from then on. */
typedef struct
{
  GHashTable *trigger_table;     /* trigger -> its table */
  GHashTable *trigger_function;  /* trigger -> its function */
  GHashTable *function_source;   /* function -> its body (pg_proc.prosrc) */
} Reference;

static void
reference_clear (Reference *reference)
{
  g_clear_pointer (&reference->trigger_table, g_hash_table_unref);
  g_clear_pointer (&reference->trigger_function, g_hash_table_unref);
  g_clear_pointer (&reference->function_source, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)

static void
read_reference (Reference *reference)
{
  g_autoptr(GRegex) triggers =
    g_regex_new ("CREATE TRIGGER (\\w+) (?:BEFORE|AFTER|INSTEAD OF) [\\w ]+? ON (\\w+) .*?"
                 "EXECUTE (?:FUNCTION|PROCEDURE) (\\w+) \\(\\)",
                 G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) functions =
    g_regex_new ("CREATE (?:OR REPLACE )?FUNCTION (\\w+) \\(\\) RETURNS trigger .*? AS (\\$\\w+\\$)(.*?)\\2",
                 G_REGEX_DOTALL, 0, NULL);
  int version = 0, to = 0;
  const char *sql;

  reference->trigger_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reference->trigger_function = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reference->function_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (; (sql = dpo_pg_schema_step (version, &to)) != NULL; version = to)
    {
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (triggers, sql, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_hash_table_insert (reference->trigger_table, g_match_info_fetch (match, 1),
                               g_match_info_fetch (match, 2));
          g_hash_table_insert (reference->trigger_function, g_match_info_fetch (match, 1),
                               g_match_info_fetch (match, 3));
        }
      g_clear_pointer (&match, g_match_info_unref);
      for (g_regex_match (functions, sql, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        g_hash_table_insert (reference->function_source, g_match_info_fetch (match, 1),
                             g_match_info_fetch (match, 3));
    }
}

#define TRIGGERS_SQL \
  "SELECT t.tgname, c.relname, t.tgenabled, p.proname, p.prosrc FROM pg_trigger t" \
  " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace" \
  " JOIN pg_proc p ON p.oid = t.tgfoid" \
  " WHERE n.nspname = current_schema () AND NOT t.tgisinternal ORDER BY t.tgname"

static gboolean
check_safeguards (PGconn  *conn,
                  GError **error)
{
  g_auto(Reference) reference = { NULL };
  g_autoptr(PGresult) result = PQexec (conn, TRIGGERS_SQL);
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name, table;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, result, _("Cannot read the database’s safeguards"), error);
      return FALSE;
    }
  read_reference (&reference);

  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *trigger = PQgetvalue (result, i, 0);
      const char *function = g_hash_table_lookup (reference.trigger_function, trigger);

      if (function == NULL)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                       _("The database’s structure was changed: “%s” (%s) was added."),
                       trigger, "trigger");
          return FALSE;
        }
      /* On its table, enabled ('O', or 'A' always), calling its function
       * whose text is the one the schema wrote. */
      if (!g_str_equal (PQgetvalue (result, i, 1), g_hash_table_lookup (reference.trigger_table, trigger)) ||
          strchr ("OA", PQgetvalue (result, i, 2)[0]) == NULL ||
          !g_str_equal (PQgetvalue (result, i, 3), function) ||
          g_strcmp0 (PQgetvalue (result, i, 4), g_hash_table_lookup (reference.function_source, function)) != 0)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                       _("The safeguard “%s” (a database trigger) was altered."), trigger);
          return FALSE;
        }
      g_hash_table_add (found, (gpointer) trigger);
    }

  g_hash_table_iter_init (&iter, reference.trigger_table);
  while (g_hash_table_iter_next (&iter, &name, &table))
    if (!g_hash_table_contains (found, name))
      {
        g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                     _("The safeguard “%s” (a database trigger) was removed."), (const char *) name);
        return FALSE;
      }
  return TRUE;
}

/* pk -> content hash, as the 'redact' entries announced them. */
static GHashTable *
read_redactions (PGconn  *conn,
                 GError **error)
{
  g_autoptr(PGresult) result =
    PQexec (conn, "SELECT e.value ->> 0, e.value ->> 1 FROM audit r, json_array_elements (CASE"
                  " WHEN r.changes IS NOT NULL AND json_typeof (r.changes::json -> 'entries') = 'array'"
                  " THEN r.changes::json -> 'entries' ELSE '[]'::json END) e"
                  " WHERE r.action = 'redact'");
  GHashTable *redacted;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, result, _("The audit log cannot be read"), error);
      return NULL;
    }
  redacted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 pk = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_hash_table_insert (redacted, g_memdup2 (&pk, sizeof pk),
                           g_strdup (PQgetvalue (result, i, 1)));
    }
  return redacted;
}

static gboolean
is_hash (const char *text)
{
  if (text == NULL || strlen (text) != DPO_COPY_HASH_LENGTH)
    return FALSE;
  for (int i = 0; i < DPO_COPY_HASH_LENGTH; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

#define N_FIELDS 8

typedef struct
{
  GHashTable *redacted;
  char        head[DPO_COPY_HASH_LENGTH + 1];
  guint64     n_entries;
  GString    *fields[N_FIELDS];
  gboolean    present[N_FIELDS];
} Chain;

/* pk, at, entity, record, action, changes, content_hash, hash: one line
 * of COPY, its fields unescaped. */
static gboolean
split_line (Chain      *chain,
            const char *line,
            gsize       length)
{
  const char *end = line + length;
  const char *field = line;

  if (length > 0 && end[-1] == '\n')
    end--;
  for (int i = 0; i < N_FIELDS; i++)
    {
      const char *tab = memchr (field, '\t', end - field);
      const char *stop = tab != NULL ? tab : end;

      if ((tab == NULL) != (i == N_FIELDS - 1))
        return FALSE;
      chain->present[i] = dpo_copy_unescape (field, stop - field, chain->fields[i]);
      field = stop + 1;
    }
  return TRUE;
}

#define FIELD(chain, i) ((chain)->present[i] ? (chain)->fields[i]->str : NULL)

static gboolean
check_entry (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Chain *chain = user_data;
  gint64 pk;
  const char *changes, *content_hash, *hash;
  char computed[DPO_COPY_HASH_LENGTH + 1];

  if (!split_line (chain, line, length))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED, _("The audit log cannot be read: %s"),
                   _("a row the server sent has the wrong number of columns"));
      return FALSE;
    }
  pk = g_ascii_strtoll (FIELD (chain, 0), NULL, 10);
  changes = FIELD (chain, 5);
  content_hash = FIELD (chain, 6);
  hash = FIELD (chain, 7);

  if (is_hash (content_hash) && is_hash (hash))
    {
      if (g_strcmp0 (changes, DPO_COPY_REDACTED) == 0)
        {
          const char *announced = g_hash_table_lookup (chain->redacted, &pk);

          if (announced == NULL || !g_str_equal (announced, content_hash))
            {
              g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                           _("Audit entry %lld was blanked without an erasure."), (long long) pk);
              return FALSE;
            }
        }
      else
        {
          dpo_copy_audit_content_hash (FIELD (chain, 1), FIELD (chain, 2), FIELD (chain, 3),
                                       FIELD (chain, 4), changes, computed);
          if (!g_str_equal (computed, content_hash))
            {
              g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                           _("Audit entry %lld was altered: its content no longer matches its hash."),
                           (long long) pk);
              return FALSE;
            }
        }
      dpo_copy_audit_link_hash (chain->head, content_hash, chain->head);
      if (memcmp (chain->head, hash, DPO_COPY_HASH_LENGTH) == 0)
        {
          chain->n_entries++;
          return TRUE;
        }
    }
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("Audit entry %lld does not follow the entry before it: an entry before "
                 "it was removed, inserted or rewritten."), (long long) pk);
  return FALSE;
}

static gboolean
check_chain (PGconn   *conn,
             Chain    *chain,
             GError  **error)
{
  g_autoptr(PGresult) started = NULL;
  g_autoptr(PGresult) result = NULL;
  gboolean ok = TRUE;
  char *buffer = NULL;
  int length;

  chain->redacted = read_redactions (conn, error);
  if (chain->redacted == NULL)
    return FALSE;
  started = PQexec (conn, "COPY (SELECT pk, at, entity, record, action, changes, content_hash, hash "
                          "FROM audit ORDER BY pk) TO STDOUT");
  if (PQresultStatus (started) != PGRES_COPY_OUT)
    {
      dpo_pg_set_error (conn, started, _("The audit log cannot be read"), error);
      return FALSE;
    }
  while ((length = PQgetCopyData (conn, &buffer, 0)) > 0)
    {
      if (ok)
        ok = check_entry (buffer, length, chain, error);
      PQfreemem (buffer);
    }
  result = PQgetResult (conn);
  if (ok && (length == -2 || PQresultStatus (result) != PGRES_COMMAND_OK))
    {
      dpo_pg_set_error (conn, result, _("The audit log cannot be read"), error);
      ok = FALSE;
    }
  while (result != NULL)
    {
      PQclear (result);
      result = PQgetResult (conn);
    }
  return ok;
}

static gboolean
check_version (PGconn  *conn,
               GError **error)
{
  int version = 0;

  if (!dpo_pg_check_schema (conn, error) || !dpo_pg_read_version (conn, &version, error))
    return FALSE;
  if (version == DPO_PG_SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("The database “%s” is at schema version %d; this program verifies version %d. "
                 "Bring it to this version with “dpo server init”, then verify it."),
               PQdb (conn), version, DPO_PG_SCHEMA_VERSION);
  return FALSE;
}

gboolean
dpo_pg_audit_verify (PGconn   *conn,
                     char    **seal,
                     guint64  *n_entries,
                     GError  **error)
{
  Chain chain = { NULL };
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (int i = 0; i < N_FIELDS; i++)
    chain.fields[i] = g_string_new (NULL);
  dpo_copy_audit_genesis (chain.head);

  /* One snapshot for the whole check; the others keep writing. */
  ok = dpo_pg_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                    _("Cannot read the audit log"), error) &&
       check_version (conn, error) && check_safeguards (conn, error) &&
       check_chain (conn, &chain, error);
  PQclear (PQexec (conn, "ROLLBACK"));

  if (ok && seal != NULL)
    *seal = g_strdup (chain.head);
  if (ok && n_entries != NULL)
    *n_entries = chain.n_entries;
  for (int i = 0; i < N_FIELDS; i++)
    g_string_free (chain.fields[i], TRUE);
  g_clear_pointer (&chain.redacted, g_hash_table_unref);
  return ok;
}
