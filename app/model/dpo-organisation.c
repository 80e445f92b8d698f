/* dpo-organisation.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-organisation.h"

/* The JSON paths: the DPO's own members are inside "dpo". */
static const char * const PATHS[] = {
  [DPO_ORGANISATION_NAME] = "name",
  [DPO_ORGANISATION_SIREN] = "siren",
  [DPO_ORGANISATION_ADDRESS] = "address",
  [DPO_ORGANISATION_DPO_NAME] = "dpo.name",
  [DPO_ORGANISATION_DPO_EMAIL] = "dpo.email",
  [DPO_ORGANISATION_DPO_PHONE] = "dpo.phone",
  [DPO_ORGANISATION_DPO_ADDRESS] = "dpo.address",
  [DPO_ORGANISATION_PURPOSES] = "processing.purposes",
  [DPO_ORGANISATION_RECIPIENTS] = "processing.recipients",
  [DPO_ORGANISATION_RETENTION] = "processing.retention",
  [DPO_ORGANISATION_SOURCE] = "processing.source",
};

G_STATIC_ASSERT (G_N_ELEMENTS (PATHS) == DPO_ORGANISATION_N_FIELDS);

DpoOrganisation *
dpo_organisation_new (void)
{
  return g_new0 (DpoOrganisation, 1);
}

void
dpo_organisation_free (DpoOrganisation *organisation)
{
  if (organisation == NULL)
    return;
  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    g_free (*dpo_organisation_field (organisation, i));
  g_free (organisation);
}

DpoOrganisation *
dpo_organisation_copy (const DpoOrganisation *organisation)
{
  DpoOrganisation *copy = dpo_organisation_new ();

  g_return_val_if_fail (organisation != NULL, copy);
  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    *dpo_organisation_field (copy, i) =
      g_strdup (*dpo_organisation_field ((DpoOrganisation *) organisation, i));
  return copy;
}

gboolean
dpo_organisation_equal (const DpoOrganisation *a,
                        const DpoOrganisation *b)
{
  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    if (g_strcmp0 (*dpo_organisation_field ((DpoOrganisation *) a, i),
                   *dpo_organisation_field ((DpoOrganisation *) b, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
dpo_organisation_is_empty (const DpoOrganisation *organisation)
{
  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    {
      const char *value = *dpo_organisation_field ((DpoOrganisation *) organisation, i);

      if (value != NULL && *value != '\0')
        return FALSE;
    }
  return TRUE;
}

char **
dpo_organisation_field (DpoOrganisation      *organisation,
                        DpoOrganisationField  field)
{
  switch (field)
    {
    case DPO_ORGANISATION_NAME:
      return &organisation->name;
    case DPO_ORGANISATION_SIREN:
      return &organisation->siren;
    case DPO_ORGANISATION_ADDRESS:
      return &organisation->address;
    case DPO_ORGANISATION_DPO_NAME:
      return &organisation->dpo_name;
    case DPO_ORGANISATION_DPO_EMAIL:
      return &organisation->dpo_email;
    case DPO_ORGANISATION_DPO_PHONE:
      return &organisation->dpo_phone;
    case DPO_ORGANISATION_PURPOSES:
      return &organisation->purposes;
    case DPO_ORGANISATION_RECIPIENTS:
      return &organisation->recipients;
    case DPO_ORGANISATION_RETENTION:
      return &organisation->retention;
    case DPO_ORGANISATION_SOURCE:
      return &organisation->source;
    case DPO_ORGANISATION_DPO_ADDRESS:
    case DPO_ORGANISATION_N_FIELDS:
    default:
      return &organisation->dpo_address;
    }
}

const char *
dpo_organisation_field_path (DpoOrganisationField field)
{
  g_return_val_if_fail (field < DPO_ORGANISATION_N_FIELDS, NULL);
  return PATHS[field];
}

const char *
dpo_organisation_field_label (DpoOrganisationField field)
{
  switch (field)
    {
    case DPO_ORGANISATION_NAME:
      return _("Organisation name");
    case DPO_ORGANISATION_SIREN:
      return _("SIREN number");
    case DPO_ORGANISATION_ADDRESS:
      return _("Organisation address");
    case DPO_ORGANISATION_DPO_NAME:
      return _("DPO name");
    case DPO_ORGANISATION_DPO_EMAIL:
      return _("DPO email");
    case DPO_ORGANISATION_DPO_PHONE:
      return _("DPO telephone");
    case DPO_ORGANISATION_DPO_ADDRESS:
      return _("DPO postal address");
    case DPO_ORGANISATION_PURPOSES:
      return _("Purposes of the processing");
    case DPO_ORGANISATION_RECIPIENTS:
      return _("Recipients of the data");
    case DPO_ORGANISATION_RETENTION:
      return _("Retention period");
    case DPO_ORGANISATION_SOURCE:
      return _("Source of the data");
    case DPO_ORGANISATION_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_member (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

JsonNode *
dpo_organisation_to_json (const DpoOrganisation *organisation)
{
  JsonObject *object = json_object_new ();
  JsonObject *dpo = json_object_new ();
  JsonObject *processing = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  add_member (object, "name", organisation->name);
  add_member (object, "siren", organisation->siren);
  add_member (object, "address", organisation->address);
  add_member (dpo, "name", organisation->dpo_name);
  add_member (dpo, "email", organisation->dpo_email);
  add_member (dpo, "phone", organisation->dpo_phone);
  add_member (dpo, "address", organisation->dpo_address);
  if (json_object_get_size (dpo) > 0)
    json_object_set_object_member (object, "dpo", dpo);
  else
    json_object_unref (dpo);
  add_member (processing, "purposes", organisation->purposes);
  add_member (processing, "recipients", organisation->recipients);
  add_member (processing, "retention", organisation->retention);
  add_member (processing, "source", organisation->source);
  if (json_object_get_size (processing) > 0)
    json_object_set_object_member (object, "processing", processing);
  else
    json_object_unref (processing);
  json_node_take_object (node, object);
  return node;
}
