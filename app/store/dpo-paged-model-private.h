/* dpo-paged-model-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* SQL stays in app/store: its room alone is built with DPO_STORE_COMPILATION. */
#ifndef DPO_STORE_COMPILATION
#error "dpo-paged-model-private.h is internal to app/store"
#endif

#include "dpo-sql.h"

#include "dpo-paged-model.h"

G_BEGIN_DECLS

/* For the store's lists (dpo-store-lists.c) only: the queries behind a
 * paged model are SQL, which stays under app/store. */

/* Reads the current row of a page query into a new boxed record. */
typedef gpointer (*DpoRowReader) (DpoSqlStmt *stmt);

/* A model over a query: it counts the rows with @count_sql,
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

G_END_DECLS
