/* dpo-hold.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-hold.h"

static gpointer
hold_boxed_copy (gpointer boxed)
{
  return dpo_hold_copy (boxed);
}

static void
hold_boxed_free (gpointer boxed)
{
  dpo_hold_free (boxed);
}

GType
dpo_hold_get_type (void)
{
  static GType type;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string ("DpoHold"),
                                                            hold_boxed_copy, hold_boxed_free));
  return type;
}

DpoHold *
dpo_hold_new (void)
{
  return g_new0 (DpoHold, 1);
}

DpoHold *
dpo_hold_copy (const DpoHold *self)
{
  DpoHold *copy = dpo_hold_new ();

  copy->rowid = self->rowid;
  copy->reason = g_strdup (self->reason);
  copy->note = g_strdup (self->note);
  copy->since = g_strdup (self->since);
  copy->until = g_strdup (self->until);
  return copy;
}

void
dpo_hold_free (DpoHold *self)
{
  if (self == NULL)
    return;
  g_free (self->reason);
  g_free (self->note);
  g_free (self->since);
  g_free (self->until);
  g_free (self);
}

gboolean
dpo_hold_is_running_on (const DpoHold *self,
                        const char    *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  /* ISO dates compare as strings. */
  return self->until == NULL || strcmp (self->until, date) >= 0;
}
