/* dpo-pg-copy-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-pg-connection.h"
#include "dpo-store-copy.h"

G_BEGIN_DECLS

/* The parts of `dpo copy` (dpo-pg-copy.c) that span its files: a source
 * to read a register from and a sink to write it into, each a file or a
 * server, and the server helpers both sides share. */

/* Bytes sent to the server at once. */
#define SEND_BUFFER (1 << 20)

/* Sources */

typedef struct _Source Source;
struct _Source
{
  gint64   (*count) (Source *self, const DpoCopyTable *table, GError **error);
  gboolean (*kinds) (Source *self, const DpoCopyTable *table, DpoCopyKind *kinds, GError **error);
  gboolean (*rows)  (Source *self, const DpoCopyTable *table, DpoCopyRowFunc row,
                     gpointer user_data, GError **error);
  void     (*free)  (Source *self);
};

typedef struct _Sink Sink;
struct _Sink
{
  gboolean (*begin)  (Sink *self, const DpoCopyTable *table, const DpoCopyKind *kinds,
                      gboolean again, GError **error);
  gboolean (*row)    (Sink *self, const char *line, gsize length, GError **error);
  /* Ends the table (@abandon: after a failure, its rows dropped); sets
   * *@again when it must be sent once more (see ServerSink). */
  gboolean (*end)    (Sink *self, gboolean abandon, gboolean *again, GError **error);
  gboolean (*commit) (Sink *self, GError **error);
  gboolean (*digest) (Sink *self, const DpoCopyTable *table, gint64 *count, char **digest,
                      GError **error);
  gboolean (*verify) (Sink *self, char **seal, guint64 *n_entries, GError **error);
  void     (*free)   (Sink *self);
};

/* Shared by the sources, the sinks and the driver. */
void     _dpo_pg_copy_maybe_drop_connection (PGconn              *conn,
                                             const DpoCopyTable  *table);
char    *_dpo_pg_copy_column_list           (const DpoCopyTable  *table);
gboolean _dpo_pg_copy_server_rows           (PGconn              *conn,
                                             const DpoCopyTable  *table,
                                             const char          *what,
                                             DpoCopyRowFunc       row,
                                             gpointer             user_data,
                                             GError             **error);
char    *_dpo_pg_copy_missing_privilege     (PGconn              *conn,
                                             const char          *privilege,
                                             const char          *what,
                                             GError             **error);
gboolean _dpo_pg_copy_check_version         (PGconn              *conn,
                                             GError             **error);

Source  *_dpo_pg_copy_file_source_open      (const char          *path,
                                             GError             **error);
Source  *_dpo_pg_copy_server_source_open    (const char          *uri,
                                             GError             **error);
Sink    *_dpo_pg_copy_file_sink_open        (const char          *path,
                                             GError             **error);
Sink    *_dpo_pg_copy_server_sink_open      (const char          *uri,
                                             GError             **error);

G_END_DECLS
