/* dpo-row.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "dpo-types.h"

G_BEGIN_DECLS

#define DPO_TYPE_ROW (dpo_row_get_type ())

G_DECLARE_FINAL_TYPE (DpoRow, dpo_row, DPO, ROW, GObject)

/* An item of the lazy list models: wraps one record (a DpoIncident,
 * DpoSubject or DpoRequest, as the model's "record-type" says). */
DpoRow      *dpo_row_new          (GType       record_type,
                                   gpointer    record);
GType        dpo_row_get_record_type (DpoRow *self);
gpointer     dpo_row_get_record   (DpoRow     *self);
DpoIncident *dpo_row_get_incident (DpoRow     *self);
DpoSubject  *dpo_row_get_subject  (DpoRow     *self);
DpoRequest  *dpo_row_get_request  (DpoRow     *self);

G_END_DECLS
