/* dpo-organisation.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The organisation (the controller) and its data protection officer, as
 * DESIGN "Interchange additions" names them: what the incident report's
 * "Organisation and contact" block and the registers' page header say.
 * Every member is optional (NULL when not known). */
typedef struct
{
  char *name;
  char *siren;          /* 9 digits, Luhn key (dpo_organisation_check()) */
  char *address;
  char *dpo_name;
  char *dpo_email;
  char *dpo_phone;
  char *dpo_address;
  /* The processing of the members' data, as an access answer describes it
   * (GDPR Art. 15(1) a, c, d, g): the JSON's "organisation.processing". */
  char *purposes;
  char *recipients;
  char *retention;
  char *source;
} DpoOrganisation;

/* Its fields, in the order of the form and of the JSON. */
typedef enum
{
  DPO_ORGANISATION_NAME,
  DPO_ORGANISATION_SIREN,
  DPO_ORGANISATION_ADDRESS,
  DPO_ORGANISATION_DPO_NAME,
  DPO_ORGANISATION_DPO_EMAIL,
  DPO_ORGANISATION_DPO_PHONE,
  DPO_ORGANISATION_DPO_ADDRESS,
  DPO_ORGANISATION_PURPOSES,
  DPO_ORGANISATION_RECIPIENTS,
  DPO_ORGANISATION_RETENTION,
  DPO_ORGANISATION_SOURCE,
  DPO_ORGANISATION_N_FIELDS,
} DpoOrganisationField;

DpoOrganisation *dpo_organisation_new       (void);
DpoOrganisation *dpo_organisation_copy      (const DpoOrganisation *organisation);
void             dpo_organisation_free      (DpoOrganisation       *organisation);
gboolean         dpo_organisation_equal     (const DpoOrganisation *a,
                                             const DpoOrganisation *b);
/* TRUE when no member holds anything. */
gboolean         dpo_organisation_is_empty  (const DpoOrganisation *organisation);

/* The member of @field, to read or replace (the pointer is the record's). */
char           **dpo_organisation_field     (DpoOrganisation       *organisation,
                                             DpoOrganisationField   field);
/* Its JSON path in the interchange ("siren", "dpo.email"), and its label
 * in the window and the incident report (translated). */
const char      *dpo_organisation_field_path  (DpoOrganisationField field);
const char      *dpo_organisation_field_label (DpoOrganisationField field);

/* The interchange's "organisation" object: members that hold nothing are
 * left out, and "dpo" or "processing" when it holds nothing. */
JsonNode        *dpo_organisation_to_json   (const DpoOrganisation *organisation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoOrganisation, dpo_organisation_free)

G_END_DECLS
