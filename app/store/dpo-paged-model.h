/* dpo-paged-model.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "dpo-types.h"

G_BEGIN_DECLS

#define DPO_TYPE_PAGED_MODEL (dpo_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (DpoPagedModel, dpo_paged_model, DPO, PAGED_MODEL, GObject)

/* Reads the current row of a page query into a new boxed record. */
typedef gpointer (*DpoRowReader) (sqlite3_stmt *stmt);

/* A GListModel of DpoRow over a query: it counts the rows with @count_sql,
 * and fetches pages of rows with @page_sql on demand, keeping a bounded cache,
 * so that a million rows cost neither start-up time nor memory.
 * Both queries bind the @n_params values of @params as ?1..?n (a NULL value
 * binds NULL); @page_sql also binds LIMIT ?(n+1) OFFSET ?(n+2). Both SQL
 * strings must be constants. */
DpoPagedModel *dpo_paged_model_new         (DpoStore           *store,
                                            const char         *count_sql,
                                            const char         *page_sql,
                                            GType               record_type,
                                            DpoRowReader        reader,
                                            const char * const *params,
                                            guint               n_params);
/* Forgets the cache and re-counts; emits items-changed for the whole list. */
void           dpo_paged_model_reload      (DpoPagedModel *self);

G_END_DECLS
