/* dpo-pg-connection.c
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

#define MASK "****"

gboolean
dpo_pg_is_uri (const char *uri)
{
  return g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://");
}

/* Masks the value after each "password=" in @text, from @from on: the
 * query of a URI (up to '&') or a "key=value" string (up to a space, or a
 * quoted value). */
static void
mask_password_words (GString *text,
                     gsize    from)
{
  const char *key = "password=";

  for (gsize at = from; at < text->len; at++)
    {
      gsize start, end;

      if (strncmp (text->str + at, key, strlen (key)) != 0 ||
          (at > 0 && !strchr ("?& \t", text->str[at - 1])))
        continue;
      start = end = at + strlen (key);
      if (end < text->len && text->str[end] == '\'')
        {
          for (end++; end < text->len && text->str[end] != '\''; end++)
            if (text->str[end] == '\\' && end + 1 < text->len)
              end++;
          end = MIN (end + 1, text->len);
        }
      else
        while (end < text->len && !strchr ("& \t", text->str[end]))
          end++;
      g_string_erase (text, start, end - start);
      g_string_insert (text, start, MASK);
      at = start + strlen (MASK) - 1;
    }
}

char *
dpo_pg_mask_uri (const char *uri)
{
  GString *text = g_string_new (uri);

  if (dpo_pg_is_uri (uri))
    {
      gsize authority = strstr (text->str, "://") - text->str + 3;
      gsize end = authority + strcspn (text->str + authority, "/?");
      const char *at = g_strrstr_len (text->str + authority, end - authority, "@");

      if (at != NULL)
        {
          gsize user_end = at - text->str;
          const char *colon = memchr (text->str + authority, ':', user_end - authority);

          if (colon != NULL)
            {
              gsize start = colon - text->str + 1;

              g_string_erase (text, start, user_end - start);
              g_string_insert (text, start, MASK);
            }
        }
      mask_password_words (text, authority);
    }
  else
    mask_password_words (text, 0);
  return g_string_free (text, FALSE);
}

/* The server's notices ("truncate cascades to...") are for a console,
 * not for the people using DPO Workbench. */
static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

PGconn *
dpo_pg_connect (const char  *uri,
                GError     **error)
{
  g_autofree char *shown = dpo_pg_mask_uri (uri);
  g_autofree char *reason = NULL;
  PQconninfoOption *options;
  char *parse_error = NULL;
  PGconn *conn;

  options = PQconninfoParse (uri, &parse_error);
  if (options == NULL)
    {
      reason = g_strstrip (g_strdup (parse_error != NULL ? parse_error : ""));
      PQfreemem (parse_error);
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” is not a PostgreSQL connection address: %s"), shown, reason);
      return NULL;
    }
  PQconninfoFree (options);

  conn = PQconnectdb (uri);
  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      PQsetClientEncoding (conn, "UTF8");
      PQsetNoticeProcessor (conn, log_notice, NULL);
      return conn;
    }

  /* libpq's messages name the host, the port and the user, never the
   * password. */
  reason = g_strstrip (g_strdup (conn != NULL ? PQerrorMessage (conn) : ""));
  /* One line: libpq adds its advice on a line of its own. */
  g_strdelimit (reason, "\n", ' ');
  if (conn != NULL && PQconnectionNeedsPassword (conn))
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("The PostgreSQL server at %s asks for a password, and none was given: put it "
                   "in your ~/.pgpass file (or the PGPASSWORD variable)."), shown);
  else if (conn != NULL && PQconnectionUsedPassword (conn))
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("The PostgreSQL server at %s refused the password of “%s”: the password is "
                   "wrong, or this role may not log in. (%s)"), shown, PQuser (conn), reason);
  else if (strstr (reason, "certificate") != NULL)
    /* sslmode=verify-ca or verify-full: the server may not be the one asked
     * for. libpq says which check failed (unknown authority, another host
     * name, no root certificate file). */
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("The PostgreSQL server at %s could not be verified: its TLS certificate was not "
                   "accepted (%s). Nothing was sent to it. Check the host name in the address and "
                   "the root certificate (sslrootcert), or ask the server’s administrator."),
                 shown, reason);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("Cannot connect to the PostgreSQL server at %s: %s"), shown, reason);
  PQfinish (conn);
  return NULL;
}

void
dpo_pg_set_error (PGconn     *conn,
                  PGresult   *result,
                  const char *what,
                  GError    **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *reason = g_strstrip (g_strdup (result != NULL ? PQresultErrorMessage (result)
                                                                 : PQerrorMessage (conn)));

  if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("%s: the role “%s” does not have the right to do this in database “%s” (%s)"),
                 what, PQuser (conn), PQdb (conn), reason);
  else if (PQstatus (conn) != CONNECTION_OK)
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("%s: the connection to the server was lost; nothing was changed (%s)"),
                 what, reason);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED, "%s: %s", what, reason);
}

gboolean
dpo_pg_exec (PGconn      *conn,
             const char  *sql,
             const char  *what,
             GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  dpo_pg_set_error (conn, result, what, error);
  return FALSE;
}
