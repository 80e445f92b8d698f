/* dpo-nir.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Validates a French social security number (NIR): 15 characters once spaces
 * are removed, case-insensitive, sex digit 1, 2, 3, 4, 7 or 8, Corsica 2A/2B
 * counted as 19/18 for the key, key = 97 - (first 13 digits mod 97).
 * On success returns TRUE and, if @normalized is not NULL, the NIR without
 * spaces, in upper case. On failure sets a DPO_ERROR_INVALID error whose
 * message says what is wrong (not which field: the caller prefixes that). */
gboolean dpo_nir_validate (const char  *text,
                           char       **normalized,
                           GError     **error);

/* A warning, never a refusal: the NIR's birth year (digits 2-3) or month
 * (digits 4-5, when 01 to 12) disagreeing with @birth_date ("YYYY-MM-DD").
 * NULL when they agree, or when either is missing or invalid (validation
 * says that). A sentence for the DPO, without the field's name. */
char    *dpo_nir_check_birth (const char  *nir,
                              const char  *birth_date);

G_END_DECLS
