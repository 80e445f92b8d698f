/* dpo-store-role.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-schema.h"
#include "dpo-store-private.h"
#include "dpo-store-role.h"

/* The one table of who may do what. It says what the server's GRANTs and
 * triggers say (app/store/pg/dpo-pg-schema.c, GRANTS_SQL): the agent writes
 * people, contracts, requests and their letters, reads only the incidents'
 * title and notice, and may neither delete a person nor read the timeline
 * or the audit log, so exports and erasures are the officer's; the auditor
 * reads every table and writes none, so it may export and verify the log.
 * A change here goes with a change there, and test-store-role checks both. */
static const DpoRight RIGHTS[] = {
  [DPO_ROLE_OFFICER] = DPO_RIGHT_READ_PEOPLE | DPO_RIGHT_EDIT_PEOPLE | DPO_RIGHT_CHECK_AFFECTED |
                       DPO_RIGHT_READ_REGISTERS | DPO_RIGHT_EDIT_INCIDENTS | DPO_RIGHT_ERASE |
                       DPO_RIGHT_EXPORT | DPO_RIGHT_IMPORT | DPO_RIGHT_SETTINGS |
                       DPO_RIGHT_VERIFY_AUDIT,
  [DPO_ROLE_AGENT] = DPO_RIGHT_READ_PEOPLE | DPO_RIGHT_EDIT_PEOPLE | DPO_RIGHT_CHECK_AFFECTED,
  [DPO_ROLE_AUDITOR] = DPO_RIGHT_READ_PEOPLE | DPO_RIGHT_CHECK_AFFECTED | DPO_RIGHT_READ_REGISTERS |
                       DPO_RIGHT_EXPORT | DPO_RIGHT_VERIFY_AUDIT,
  [DPO_ROLE_NONE] = 0,
};

DpoRight
dpo_role_get_rights (DpoRole role)
{
  g_return_val_if_fail (role <= DPO_ROLE_NONE, 0);
  return RIGHTS[role];
}

const char *
dpo_role_get_label (DpoRole role)
{
  switch (role)
    {
    case DPO_ROLE_OFFICER:
      return _("officer");
    case DPO_ROLE_AGENT:
      return _("agent");
    case DPO_ROLE_AUDITOR:
      return _("auditor");
    case DPO_ROLE_NONE:
    default:
      return _("no role");
    }
}

char *
dpo_role_describe_needed (DpoRight rights)
{
  /* Least powerful first: the role to ask for is the first one named. */
  static const DpoRole order[] = { DPO_ROLE_AGENT, DPO_ROLE_AUDITOR, DPO_ROLE_OFFICER };
  const char *names[G_N_ELEMENTS (order)] = { NULL };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if ((RIGHTS[order[i]] & rights) == rights)
      names[n++] = dpo_role_get_label (order[i]);

  switch (n)
    {
    case 0:
      return g_strdup (_("a role no one has"));
    case 1:
      /* TRANSLATORS: %s is a role: officer, agent or auditor. */
      return g_strdup_printf (_("the %s role"), names[0]);
    case 2:
      /* TRANSLATORS: two roles, e.g. "the agent or officer role". */
      return g_strdup_printf (_("the %s or %s role"), names[0], names[1]);
    default:
      return g_strdup_printf (_("the %s, %s or %s role"), names[0], names[1], names[2]);
    }
}

/* What the session is, read once when the store opens. */
typedef struct
{
  DpoRole  role;
  char    *user;
  char    *server;
} Session;

static void
session_free (Session *session)
{
  g_free (session->user);
  g_free (session->server);
  g_free (session);
}

static GQuark
session_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("dpo-store-session");
  return quark;
}

static const Session *
get_session (DpoStore *self)
{
  return g_object_get_qdata (G_OBJECT (self), session_quark ());
}

/* The owner of the tables (who ran "dpo server init") holds every right
 * without being in dpo_officer, and a superuser is in every role. */
#define ROLE_SQL \
  "SELECT session_user, CASE" \
  " WHEN pg_has_role (current_user, '" DPO_PG_ROLE_OFFICER "', 'USAGE')" \
  "   OR pg_has_role (current_user, (SELECT tableowner FROM pg_tables" \
  "     WHERE schemaname = current_schema () AND tablename = 'dpo_schema'), 'USAGE') THEN 0" \
  " WHEN pg_has_role (current_user, '" DPO_PG_ROLE_AGENT "', 'USAGE') THEN 1" \
  " WHEN pg_has_role (current_user, '" DPO_PG_ROLE_AUDITOR "', 'USAGE') THEN 2" \
  " ELSE 3 END"

gboolean
_dpo_store_read_role (DpoStore  *self,
                      GError   **error)
{
  PGconn *pg = dpo_sql_conn_get_pg (_dpo_store_get_db (self));
  g_autoptr(PGresult) result = NULL;
  Session *session = g_new0 (Session, 1);

  if (pg == NULL)
    {
      session->role = DPO_ROLE_OFFICER;
      g_object_set_qdata_full (G_OBJECT (self), session_quark (), session,
                               (GDestroyNotify) session_free);
      return TRUE;
    }

  result = PQexec (pg, ROLE_SQL);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    {
      dpo_pg_set_error (pg, result, _("Cannot read your role on the server"), error);
      g_free (session);
      return FALSE;
    }
  session->user = g_strdup (PQgetvalue (result, 0, 0));
  session->role = (DpoRole) CLAMP (g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10),
                                   DPO_ROLE_OFFICER, DPO_ROLE_NONE);
  /* A Unix socket's folder says less than "localhost". */
  session->server = g_strdup_printf ("%s/%s",
                                     PQhost (pg) == NULL || PQhost (pg)[0] == '/' ? "localhost"
                                                                                 : PQhost (pg),
                                     PQdb (pg));
  g_object_set_qdata_full (G_OBJECT (self), session_quark (), session,
                           (GDestroyNotify) session_free);
  return TRUE;
}

DpoRole
dpo_store_get_role (DpoStore *self)
{
  const Session *session;

  g_return_val_if_fail (DPO_IS_STORE (self), DPO_ROLE_NONE);
  session = get_session (self);
  return session != NULL ? session->role : DPO_ROLE_OFFICER;
}

const char *
dpo_store_get_user (DpoStore *self)
{
  const Session *session;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  session = get_session (self);
  return session != NULL ? session->user : NULL;
}

const char *
dpo_store_get_server_name (DpoStore *self)
{
  const Session *session;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  session = get_session (self);
  return session != NULL ? session->server : NULL;
}

gboolean
dpo_store_can (DpoStore *self,
               DpoRight  rights)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  return (RIGHTS[dpo_store_get_role (self)] & rights) == rights;
}

static void
set_not_permitted (DpoStore    *self,
                   DpoRight     rights,
                   const char  *detail,
                   GError     **error)
{
  g_autofree char *needed = rights != 0 ? dpo_role_describe_needed (rights)
                                        : g_strdup (_("another role"));
  const char *user = dpo_store_get_user (self);

  if (detail != NULL)
    g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_PERMITTED,
                 /* TRANSLATORS: "alice", "agent", "the officer role", then the server's words. */
                 _("“%s” is connected with the %s role, which may not do this: it needs %s. "
                   "Nothing was changed. (%s)"),
                 user != NULL ? user : g_get_user_name (),
                 dpo_role_get_label (dpo_store_get_role (self)), needed, detail);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_PERMITTED,
                 _("“%s” is connected with the %s role, which may not do this: it needs %s. "
                   "Nothing was changed."),
                 user != NULL ? user : g_get_user_name (),
                 dpo_role_get_label (dpo_store_get_role (self)), needed);
}

gboolean
dpo_store_require (DpoStore  *self,
                   DpoRight   rights,
                   GError   **error)
{
  if (dpo_store_can (self, rights))
    return TRUE;
  set_not_permitted (self, rights, NULL, error);
  return FALSE;
}

void
_dpo_store_set_privilege_error (DpoStore   *self,
                                const char *message,
                                GError    **error)
{
  /* The server refused with its GRANTs something the core let through:
   * which right was missing is the server's to say; the role to ask for is
   * the one that may do everything. */
  set_not_permitted (self, DPO_RIGHT_EDIT_INCIDENTS, message, error);
}

gboolean
dpo_store_path_is_server (const char *path)
{
  return path != NULL && dpo_pg_is_uri (path);
}

char *
dpo_store_dup_display_path (const char *path)
{
  if (path == NULL)
    return NULL;
  return dpo_pg_is_uri (path) ? dpo_pg_mask_uri (path) : g_strdup (path);
}

char *
dpo_store_dup_session_label (DpoStore *self)
{
  const Session *session;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  session = get_session (self);
  if (session == NULL || session->user == NULL)
    return NULL;
  /* TRANSLATORS: the window's header on a server: "alice (agent) on
   * db.example.org/dpo". */
  return g_strdup_printf (_("%s (%s) on %s"), session->user,
                          dpo_role_get_label (session->role), session->server);
}
