/* dpo-affected-import-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-affected-import.h"

G_BEGIN_DECLS

/* dpo-affected-import-csv.c: the rows of the list, fed a chunk at a time
 * (already UTF-8), handed to the import one by one. */
typedef struct _DpoAffectedCsv DpoAffectedCsv;

DpoAffectedCsv *_dpo_affected_csv_new    (const char          *display_name,
                                          DpoAffectedImport   *import);
/* FALSE with @error at the first mistake; nothing more is read after it. */
gboolean        _dpo_affected_csv_feed   (DpoAffectedCsv      *csv,
                                          const char          *data,
                                          gsize                length,
                                          GError             **error);
/* The end of the file: the last row, and the checks that need it all. */
gboolean        _dpo_affected_csv_finish (DpoAffectedCsv      *csv,
                                          GError             **error);
void            _dpo_affected_csv_free   (DpoAffectedCsv      *csv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoAffectedCsv, _dpo_affected_csv_free)

/* The column a header names ("Numéro adhérent" -> DPO_AFFECTED_COLUMN_MEMBER). */
typedef enum
{
  DPO_AFFECTED_COLUMN_OTHER,
  DPO_AFFECTED_COLUMN_NIR,
  DPO_AFFECTED_COLUMN_MEMBER,
  DPO_AFFECTED_COLUMN_LAST_NAME,
  DPO_AFFECTED_COLUMN_FIRST_NAME,
  DPO_AFFECTED_COLUMN_BIRTH_DATE,
} DpoAffectedColumn;

DpoAffectedColumn _dpo_affected_column_of (const char *header);

G_END_DECLS
