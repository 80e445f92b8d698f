/* dpo-store-notify.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef DPO_STORE_COMPILATION
#error "dpo-store-notify.h is internal to app/store"
#endif

#include <libpq-fe.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Several people at once (issue 13, item 4): on a server, every committed
 * write NOTIFYs one channel, and every window's store LISTENs to it and
 * emits its "changed" signal when a colleague's write lands, so its lists
 * and views reload within a second. No polling: a GSource watches the
 * connection's socket in the main loop. A file has no such channel: one
 * person, one window, and "changed" is emitted by the write itself. */

#define DPO_NOTIFY_CHANNEL "dpo_changed"

typedef struct _DpoStoreNotify DpoStoreNotify;

/* The notifier of @store's server connection @conn (not owned; it must
 * outlive the notifier). It LISTENs only when opened on the thread that
 * owns its main context (the window's, which runs the loop): a store a
 * worker thread opens, or the command line's, does not, and a source there
 * would touch the connection from another thread. */
DpoStoreNotify *_dpo_store_notify_new    (DpoStore        *store,
                                          PGconn          *conn,
                                          GError         **error);
void            _dpo_store_notify_free   (DpoStoreNotify  *self);
/* Whether this notifier listens (see above). */
gboolean        _dpo_store_notify_is_listening (DpoStoreNotify *self);

/* What the current write changed, from its audit entries: the payload of
 * its NOTIFY ("entity record", "entity *" or "*" for several). */
void            _dpo_store_notify_note   (DpoStoreNotify  *self,
                                          const char      *entity,
                                          const char      *record);
/* The commit of a write, its NOTIFY first (delivered by the server when,
 * and only if, the transaction commits): "NOTIFY …; COMMIT", one round
 * trip. The notes are forgotten. */
char           *_dpo_store_notify_commit_sql (DpoStoreNotify *self);
void            _dpo_store_notify_forget (DpoStoreNotify  *self);

G_END_DECLS
