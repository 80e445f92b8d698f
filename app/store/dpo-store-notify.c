/* dpo-store-notify.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dpo-pg-connection.h"
#include "dpo-store-notify.h"
#include "dpo-store-private.h"

/* A payload stays small: the server caps it at 8000 bytes, and a reader
 * only needs to know roughly what changed. */
#define PAYLOAD_MAX 200

typedef struct
{
  GSource         source;
  DpoStoreNotify *notify;
  gpointer        fd_tag;
} NotifySource;

struct _DpoStoreNotify
{
  DpoStore *store;       /* not a reference: the store owns us */
  PGconn   *conn;
  int       own_pid;     /* our backend: our own NOTIFYs are not news */
  GSource  *source;      /* NULL when not listening */
  gboolean  pending;     /* a colleague's notification not yet dispatched */
  gboolean  broken;      /* the connection went away: stop watching */
  char     *entity;      /* the current write's notes */
  char     *record;
  gboolean  several;
};

/* Takes every notification libpq has read already (no I/O). */
static void
drain (DpoStoreNotify *self)
{
  PGnotify *note;

  while ((note = PQnotifies (self->conn)) != NULL)
    {
      if (note->be_pid != self->own_pid && g_str_equal (note->relname, DPO_NOTIFY_CHANNEL))
        self->pending = TRUE;
      PQfreemem (note);
    }
}

/* A query of the store's own may have read notifications along with its
 * result: they wait in libpq, with nothing left on the socket. */
static gboolean
notify_source_prepare (GSource *source,
                       int     *timeout)
{
  DpoStoreNotify *self = ((NotifySource *) source)->notify;

  *timeout = -1;
  drain (self);
  return self->pending || self->broken;
}

static gboolean
notify_source_check (GSource *source)
{
  NotifySource *ns = (NotifySource *) source;
  DpoStoreNotify *self = ns->notify;

  if (g_source_query_unix_fd (source, ns->fd_tag) != 0)
    {
      if (!PQconsumeInput (self->conn))
        self->broken = TRUE;
      drain (self);
    }
  return self->pending || self->broken;
}

static gboolean
notify_source_dispatch (GSource     *source,
                        GSourceFunc  callback,
                        gpointer     user_data)
{
  DpoStoreNotify *self = ((NotifySource *) source)->notify;

  /* A lost connection leaves its socket readable for ever: stop watching
   * it. The next read or write says what happened. */
  if (self->broken)
    return G_SOURCE_REMOVE;
  self->pending = FALSE;
  _dpo_store_emit_changed (self->store);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs notify_source_funcs = {
  .prepare = notify_source_prepare,
  .check = notify_source_check,
  .dispatch = notify_source_dispatch,
};

DpoStoreNotify *
_dpo_store_notify_new (DpoStore  *store,
                       PGconn    *conn,
                       GError   **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  DpoStoreNotify *self = g_new0 (DpoStoreNotify, 1);
  NotifySource *ns;

  self->store = store;
  self->conn = conn;
  self->own_pid = PQbackendPID (conn);
  if (!g_main_context_is_owner (context))
    return self;

  if (!dpo_pg_exec (conn, "LISTEN " DPO_NOTIFY_CHANNEL, _("Cannot follow the server's changes"), error))
    {
      _dpo_store_notify_free (self);
      return NULL;
    }
  self->source = g_source_new (&notify_source_funcs, sizeof (NotifySource));
  ns = (NotifySource *) self->source;
  ns->notify = self;
  ns->fd_tag = g_source_add_unix_fd (self->source, PQsocket (conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_static_name (self->source, "[dpo] server changes");
  /* Before redrawing: a colleague's change shows in the same frame. */
  g_source_set_priority (self->source, G_PRIORITY_DEFAULT);
  g_source_attach (self->source, context);
  return self;
}

void
_dpo_store_notify_free (DpoStoreNotify *self)
{
  if (self == NULL)
    return;
  if (self->source != NULL)
    {
      if (!g_source_is_destroyed (self->source))
        g_source_destroy (self->source);
      g_source_unref (self->source);
    }
  _dpo_store_notify_forget (self);
  g_free (self);
}

gboolean
_dpo_store_notify_is_listening (DpoStoreNotify *self)
{
  return self->source != NULL && !g_source_is_destroyed (self->source);
}

void
_dpo_store_notify_note (DpoStoreNotify *self,
                        const char     *entity,
                        const char     *record)
{
  if (self->several)
    return;
  if (self->entity == NULL)
    {
      self->entity = g_strdup (entity);
      self->record = g_strdup (record);
      return;
    }
  if (!g_str_equal (self->entity, entity))
    {
      self->several = TRUE;
      g_clear_pointer (&self->entity, g_free);
      g_clear_pointer (&self->record, g_free);
    }
  else if (self->record != NULL && g_strcmp0 (self->record, record) != 0)
    g_clear_pointer (&self->record, g_free);
}

char *
_dpo_store_notify_commit_sql (DpoStoreNotify *self)
{
  g_autofree char *payload = NULL;
  g_autofree char *cut = NULL;
  char *literal;
  char *sql;

  if (self->entity == NULL)
    payload = g_strdup ("*");
  else
    payload = g_strdup_printf ("%s %s", self->entity, self->record != NULL ? self->record : "*");
  cut = g_utf8_substring (payload, 0, MIN (g_utf8_strlen (payload, -1), PAYLOAD_MAX));
  _dpo_store_notify_forget (self);

  literal = PQescapeLiteral (self->conn, cut, strlen (cut));
  if (literal == NULL)
    return g_strdup ("NOTIFY " DPO_NOTIFY_CHANNEL "; COMMIT");
  sql = g_strdup_printf ("NOTIFY " DPO_NOTIFY_CHANNEL ", %s; COMMIT", literal);
  PQfreemem (literal);
  return sql;
}

void
_dpo_store_notify_forget (DpoStoreNotify *self)
{
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->record, g_free);
  self->several = FALSE;
}
