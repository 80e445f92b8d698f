/* dpo-pg-copy.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `dpo copy SOURCE DEST`: a whole register, every table's rows with their
 * keys, the audit log as it is, from a file to a server or from a server
 * to a new file (or between two of a kind), all or nothing; then checked:
 * each table's count and digest equal on both sides, DEST's audit chain
 * verified. */

/* Called before each table and now and then within a big one. */
typedef void (*DpoCopyProgressFunc) (const char *table,
                                     gint64      done,
                                     gint64      total,
                                     gpointer    user_data);

typedef struct
{
  guint    n_tables;
  char   **tables;      /* the tables' names, in the order copied */
  gint64  *rows;        /* rows copied and verified, per table */
  char    *seal;        /* DEST's audit chain head, verified */
  guint64  n_entries;   /* its length */
} DpoCopyReport;

void     dpo_copy_report_clear (DpoCopyReport        *report);

/* SOURCE and DEST are each a file path or a PostgreSQL URI. A file DEST
 * must not exist; a server DEST must be set up by "dpo server init" and
 * hold no register yet. On failure, one message (a password in a URI
 * never shown) and DEST as it was. */
gboolean dpo_copy              (const char           *source,
                                const char           *dest,
                                DpoCopyProgressFunc   progress,
                                gpointer              user_data,
                                DpoCopyReport        *report,
                                GError              **error);

G_END_DECLS
