/* dpo-export-xlsx-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-registers.h"
#include "dpo-store-cursor.h"
#include "dpo-xlsx-sheet.h"

G_BEGIN_DECLS

/* Shared by the registers export (dpo-export-xlsx.c) and its registers:
 * the incidents' four (dpo-export-breaches.c) and the requests
 * (dpo-export-requests.c). */

typedef struct
{
  DpoStore              *store;
  GDateTime             *now;
  GDate                  today;        /* now's local date */
  gboolean               alsace_moselle;
  DpoXlsxBook           *book;
  GCancellable          *cancellable;
  DpoExportProgressFunc  progress;
  gpointer               progress_data;
  guint64                done;
  guint64                total;
} Export;

/* Column widths are in characters: a date-time "29/01/2024 10:00" is 16. */
#define W_DATE_TIME 17
#define W_DATE      11
#define W_COUNT     12

/* Counts a row; now and then, reports progress and notices a cancellation. */
gboolean _dpo_export_tick                     (Export   *e,
                                               GError  **error);

/* Breaches, Timeline, Notifications, Complaints, Communications; then Requests. */
gboolean _dpo_export_write_incident_registers (Export   *e,
                                               GError  **error);
gboolean _dpo_export_write_requests           (Export   *e,
                                               GError  **error);

/* The audit log's seal in every page footer (the registers, the incident report). */
void     _dpo_export_set_seal_footer          (DpoXlsxBook *book,
                                               DpoStore    *store);

/* The organisation in every page header (the registers, the incident report). */
void     _dpo_export_set_organisation_header  (DpoXlsxBook *book,
                                               DpoStore    *store);

G_END_DECLS
