/* dpo-error.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DPO_ERROR (dpo_error_quark ())

/* Messages carried by these errors are written for the DPO and translated. */
typedef enum
{
  DPO_ERROR_FAILED,
  DPO_ERROR_INVALID,          /* bad input: a field, a value, a file */
  DPO_ERROR_NOT_FOUND,        /* no such record */
  DPO_ERROR_EXISTS,           /* an id already in use */
  DPO_ERROR_NEWER_DATABASE,   /* written by a newer DPO Workbench */
  DPO_ERROR_NOT_A_DATABASE,   /* not an SQLite file, or not ours */
  DPO_ERROR_IO,               /* cannot read or write a file */
  DPO_ERROR_ACTIVE_CONTRACT,  /* the erasure rule refused */
  DPO_ERROR_ALREADY_DONE,     /* a request already answered, refused or withdrawn */
  DPO_ERROR_CHANGED_ELSEWHERE, /* a save over a record changed by someone else since read */
} DpoError;

GQuark dpo_error_quark (void);

G_END_DECLS
