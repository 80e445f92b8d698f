/* dpo-person-fields.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dpo-person-fields.h"

#define FIELD(name, label, required) \
  { #name, label, G_STRUCT_OFFSET (DpoSubject, name), required }

static const DpoPersonField fields[] = {
  FIELD (last_name, N_("Last name"), TRUE),
  FIELD (first_name, N_("First name"), TRUE),
  FIELD (birth_date, N_("Birth date"), FALSE),
  FIELD (nir, N_("Social security number (NIR)"), FALSE),
  FIELD (member_number, N_("Member number"), FALSE),
  FIELD (email, N_("Email"), FALSE),
  FIELD (postal_address, N_("Postal address"), FALSE),
  { NULL, NULL, 0, FALSE }
};

const DpoPersonField *
dpo_person_fields (void)
{
  return fields;
}

static const char * const *
build_names (void)
{
  GPtrArray *names = g_ptr_array_new ();

  for (const DpoPersonField *f = fields; f->name != NULL; f++)
    g_ptr_array_add (names, (gpointer) f->name);
  g_ptr_array_add (names, NULL);
  return (const char * const *) g_ptr_array_free (names, FALSE);
}

/* Built from the table once; it lives as long as the program. */
const char * const *
dpo_person_field_names (void)
{
  static const char * const *names;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, build_names ());
  return names;
}

const DpoPersonField *
dpo_person_field_find (const char *name)
{
  for (const DpoPersonField *f = fields; name != NULL && f->name != NULL; f++)
    if (g_str_equal (f->name, name))
      return f;
  return NULL;
}

const char *
dpo_person_field_get_label (const DpoPersonField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return _(field->label);
}

const char *
dpo_person_field_get (const DpoPersonField *field,
                      const DpoSubject     *subject)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  return G_STRUCT_MEMBER (const char *, subject, field->offset);
}

void
dpo_person_field_set (const DpoPersonField *field,
                      DpoSubject           *subject,
                      const char           *value)
{
  char **slot;

  g_return_if_fail (field != NULL);
  g_return_if_fail (subject != NULL);

  slot = G_STRUCT_MEMBER_P (subject, field->offset);
  g_free (*slot);
  *slot = g_strdup (value);
}

void
dpo_change_free (DpoChange *change)
{
  if (change == NULL)
    return;
  g_free (change->value);
  g_free (change);
}

GPtrArray *
dpo_changes_add (GPtrArray            *changes,
                 const DpoPersonField *field,
                 const char           *value)
{
  DpoChange *change;

  g_return_val_if_fail (field != NULL, changes);

  if (changes == NULL)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_change_free);
  change = g_new0 (DpoChange, 1);
  change->field = field;
  change->value = g_strdup (value);
  g_ptr_array_add (changes, change);
  return changes;
}

GPtrArray *
dpo_request_dup_changes (const DpoRequest *request)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_change_free);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (request != NULL, changes);

  if (request->changes == NULL)
    return changes;
  node = json_from_string (request->changes, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return changes;

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const DpoPersonField *field = dpo_person_field_find (l->data);
      JsonNode *value = json_object_get_member (object, l->data);

      if (field == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (value))
        dpo_changes_add (changes, field, NULL);
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        dpo_changes_add (changes, field, json_node_get_string (value));
    }
  return changes;
}

void
dpo_request_set_changes (DpoRequest *request,
                         GPtrArray  *changes)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_if_fail (request != NULL);

  g_clear_pointer (&request->changes, g_free);
  if (changes == NULL || changes->len == 0)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const DpoChange *change = g_ptr_array_index (changes, i);

      json_builder_set_member_name (builder, change->field->name);
      if (change->value != NULL)
        json_builder_add_string_value (builder, change->value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  request->changes = json_to_string (root, FALSE);
}
