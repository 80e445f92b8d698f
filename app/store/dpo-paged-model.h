/* dpo-paged-model.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-types.h"

G_BEGIN_DECLS

/* A GListModel of DpoRow over a query of the store (made by the store's
 * lists: dpo-paged-model-private.h): it knows its row count and fetches
 * pages of rows on demand, keeping a bounded cache, so that a million rows
 * cost neither start-up time nor memory. */
#define DPO_TYPE_PAGED_MODEL (dpo_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (DpoPagedModel, dpo_paged_model, DPO, PAGED_MODEL, GObject)

/* Forgets the cache and re-counts; emits items-changed for the whole list. */
void           dpo_paged_model_reload      (DpoPagedModel *self);

G_END_DECLS
