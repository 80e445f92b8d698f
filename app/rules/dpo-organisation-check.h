/* dpo-organisation-check.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-organisation.h"

G_BEGIN_DECLS

/* Whether @siren is a SIREN number: 9 digits (spaces between them are
 * allowed) whose Luhn key is valid. */
gboolean dpo_siren_is_valid      (const char       *siren);

/* Tidies @organisation in place (spaces trimmed, blank members made NULL,
 * the SIREN's spaces removed), then checks it: a SIREN of 9 digits with a
 * valid Luhn key, an email with "@". On a problem, DPO_ERROR_INVALID
 * "Field: what is wrong", and @bad_field (if not NULL) names the field. */
gboolean dpo_organisation_check  (DpoOrganisation      *organisation,
                                  DpoOrganisationField *bad_field,
                                  GError              **error);

G_END_DECLS
