/* dpo-hold.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A legal hold (DESIGN "Domain additions"): a litigation, a fraud
 * investigation or another legal reason that keeps a person's data, from
 * @since (optional) until @until (NULL while open-ended). Dates are
 * "YYYY-MM-DD". While it runs, the person's data are not erased. */
typedef struct _DpoHold DpoHold;

struct _DpoHold
{
  gint64  rowid;
  char   *reason;             /* litigation, fraud, other (DPO_ENUM_HOLD_REASON) */
  char   *note;
  char   *since;              /* NULL when not recorded */
  char   *until;              /* NULL while open-ended */
};

#define DPO_TYPE_HOLD_RECORD (dpo_hold_get_type ())

GType     dpo_hold_get_type      (void) G_GNUC_CONST;
DpoHold  *dpo_hold_new           (void);
DpoHold  *dpo_hold_copy          (const DpoHold *self);
void      dpo_hold_free          (DpoHold       *self);

/* Runs on @date (YYYY-MM-DD) unless it was lifted before that date: an
 * open-ended hold runs, and so does one that has not begun yet (a hold
 * is recorded to keep the data, the day it starts is no leeway). */
gboolean  dpo_hold_is_running_on (const DpoHold *self,
                                  const char    *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoHold, dpo_hold_free)

G_END_DECLS
