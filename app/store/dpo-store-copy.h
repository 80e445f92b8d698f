/* dpo-store-copy.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `dpo copy`, the file's side: a whole register read out of a file, or
 * written into a new one, table by table, each row as one line of
 * PostgreSQL's COPY text format (columns separated by tabs, \N for NULL,
 * backslash escapes, integers in decimal, BLOBs as \\x and hex). That line
 * is what goes to the server's COPY FROM STDIN, what comes back from its
 * COPY TO STDOUT, and the canonical text whose SHA-256, in primary-key
 * order, tells that both sides hold the same rows. */

typedef struct
{
  const char  *name;
  /* The columns, as in the file's schema (the server has the same ones;
   * its audit.by_role is the server's own and is not copied). */
  const char * const *columns;
  /* ORDER BY for each engine: the primary key, text compared byte by
   * byte on both. */
  const char  *file_order;
  const char  *server_order;
  /* pk is an identity on the server: its sequence goes past the copy. */
  gboolean     identity;
  /* The search index: FTS5 in the file, keyed by rowid on both. */
  gboolean     search;
} DpoCopyTable;

/* The tables of a register, parents before children and the audit log
 * last (a 'redact' entry checks the requests). */
const DpoCopyTable *dpo_copy_tables     (guint *n_tables);

/* One value, as it is read from either engine. */
typedef enum
{
  DPO_COPY_NULL,
  DPO_COPY_INTEGER,
  DPO_COPY_TEXT,
  DPO_COPY_BLOB,
} DpoCopyKind;

/* Appends one value in COPY text format to @line (no separator). */
void      dpo_copy_append_value (GString      *line,
                                 DpoCopyKind   kind,
                                 gint64        integer,
                                 const char   *data,
                                 gsize         length);

/* Reads one field of a COPY text line (@field, @length bytes, without its
 * tab) into @out: FALSE for \N (NULL). Backslash escapes undone. */
gboolean  dpo_copy_unescape     (const char   *field,
                                 gsize         length,
                                 GString      *out);

/* The file a register is read from: opened through the store first (an
 * older file is brought to this version, a newer one refused untouched),
 * then read in one transaction, one consistent moment. */
typedef struct _DpoStoreCopySource DpoStoreCopySource;

DpoStoreCopySource *dpo_store_copy_source_open  (const char          *path,
                                                 GError             **error);
void                dpo_store_copy_source_free  (DpoStoreCopySource  *source);
/* How many rows @table holds. */
gint64              dpo_store_copy_source_count (DpoStoreCopySource  *source,
                                                 const DpoCopyTable  *table,
                                                 GError             **error);
/* How each column of @table is stored (its declared type). */
gboolean            dpo_store_copy_source_kinds (DpoStoreCopySource  *source,
                                                 const DpoCopyTable  *table,
                                                 DpoCopyKind         *kinds,
                                                 GError             **error);
/* Calls @row for each row of @table in primary-key order, with its COPY
 * line (ending in "\n"); stops at the first FALSE (with @error set). */
typedef gboolean (*DpoCopyRowFunc) (const char  *line,
                                    gsize        length,
                                    gpointer     user_data,
                                    GError     **error);
gboolean            dpo_store_copy_source_rows  (DpoStoreCopySource  *source,
                                                 const DpoCopyTable  *table,
                                                 DpoCopyRowFunc       row,
                                                 gpointer             user_data,
                                                 GError             **error);

/* The count and SHA-256 (hex) of @table's lines in the file at @path,
 * read as it now is (after a copy committed). */
gboolean            dpo_store_copy_digest       (const char          *path,
                                                 const DpoCopyTable  *table,
                                                 gint64              *count,
                                                 char               **digest,
                                                 GError             **error);

/* A new file to copy a register into: refused if @path exists ("will not
 * overwrite"); created with the store's own schema; filled in one SQLite
 * transaction; the search index rebuilt as the store does. Until
 * dpo_store_copy_target_commit() succeeds, freeing it removes the file:
 * nothing half-written stays. */
typedef struct _DpoStoreCopyTarget DpoStoreCopyTarget;

DpoStoreCopyTarget *dpo_store_copy_target_create (const char          *path,
                                                  GError             **error);
/* Starts @table: @kinds (one per column) say how each field of the lines
 * that follow is stored. */
gboolean            dpo_store_copy_target_begin  (DpoStoreCopyTarget  *target,
                                                  const DpoCopyTable  *table,
                                                  const DpoCopyKind   *kinds,
                                                  GError             **error);
/* One COPY text line of the table begun (without its "\n"). */
gboolean            dpo_store_copy_target_row    (DpoStoreCopyTarget  *target,
                                                  const char          *line,
                                                  gsize                length,
                                                  GError             **error);
gboolean            dpo_store_copy_target_commit (DpoStoreCopyTarget  *target,
                                                  GError             **error);
void                dpo_store_copy_target_free   (DpoStoreCopyTarget  *target);

/* The store's audit hashes (dpo-store-audit.c), for a chain kept
 * elsewhere: 64 hex digits and a NUL in @out. */
#define DPO_COPY_HASH_LENGTH 64
#define DPO_COPY_REDACTED "{\"redacted\":\"erasure\"}"
void      dpo_copy_audit_genesis      (char        out[DPO_COPY_HASH_LENGTH + 1]);
void      dpo_copy_audit_content_hash (const char *at,
                                       const char *entity,
                                       const char *record,
                                       const char *action,
                                       const char *changes,
                                       char        out[DPO_COPY_HASH_LENGTH + 1]);
void      dpo_copy_audit_link_hash    (const char *previous,
                                       const char *content_hash,
                                       char        out[DPO_COPY_HASH_LENGTH + 1]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoStoreCopySource, dpo_store_copy_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoStoreCopyTarget, dpo_store_copy_target_free)

G_END_DECLS
