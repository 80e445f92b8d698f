/* dpo-enums.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The vocabularies of DESIGN "Domain". Records keep the English words (they
 * are the JSON and database values); the labels are translated for display. */
typedef enum
{
  DPO_ENUM_NATURE,
  DPO_ENUM_RISK,
  DPO_ENUM_DATA_CATEGORY,       /* open: other text is kept as typed */
  DPO_ENUM_SUBJECT_CATEGORY,    /* open: other text is kept as typed */
  DPO_ENUM_EVENT_KIND,
  DPO_ENUM_AUTHORITY,
  DPO_ENUM_NOTIFICATION_KIND,
  DPO_ENUM_COMPLAINT_DIRECTION,
  DPO_ENUM_COMPLAINT_BODY,
  DPO_ENUM_COMPLAINT_STATUS,
  DPO_ENUM_COMMUNICATION_CHANNEL,
  DPO_ENUM_REQUEST_KIND,
  DPO_ENUM_REQUEST_CHANNEL,
  DPO_ENUM_REQUEST_STATUS,
  DPO_ENUM_CNIL_STATUS,
  DPO_N_ENUMS
} DpoEnum;

/* NULL-terminated list of the known words, in display order. */
const char * const *dpo_enum_words    (DpoEnum     vocabulary);
gboolean            dpo_enum_is_known (DpoEnum     vocabulary,
                                       const char *word);
/* The translated label of a known word; any other text is returned as is. */
const char         *dpo_enum_label    (DpoEnum     vocabulary,
                                       const char *word);
/* "one of access, rectification, erasure…" for error messages. */
char               *dpo_enum_describe (DpoEnum     vocabulary);

G_END_DECLS
