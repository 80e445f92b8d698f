/* dpo-import-fields.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-import-fields.h"
#include "dpo-json-text.h"
#include "dpo-nir.h"
#include "dpo-person-fields.h"
#include "dpo-text-cut.h"
#include "dpo-time.h"
#include "dpo-validate.h"


static char *
member_path (DpoImportFields *f,
             const char      *member)
{
  if (f->path == NULL)
    return g_strdup (member);
  if (member == NULL)
    return g_strdup (f->path);
  return g_strdup_printf ("%s.%s", f->path, member);
}

gboolean
_dpo_field_fail (DpoImportFields *f,
                 const char      *member,
                 const char      *format,
                 ...)
{
  g_autofree char *path = member_path (f, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return _dpo_import_fail (f->doc, f->error, DPO_ERROR_INVALID, path, "%s", message);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    default:
      return _("text");
    }
}

/* Looks @member up; NULL when absent or null, which a required field refuses. */
static JsonNode *
lookup (DpoImportFields *f,
        JsonObject      *object,
        const char      *member,
        gboolean         required,
        gboolean        *ok)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (required)
    *ok = _dpo_field_fail (f, member, _("is missing (it is required)"));
  return NULL;
}

static gboolean
expect_string (DpoImportFields  *f,
               const char       *member,
               JsonNode         *node,
               const char      **out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  return _dpo_field_fail (f, member, _("must be text, not %s"), describe_node (node));
}

gboolean
_dpo_field_string (DpoImportFields  *f,
                   JsonObject       *object,
                   const char       *member,
                   gboolean          required,
                   char            **out)
{
  const char *text;
  gboolean ok;
  JsonNode *node = lookup (f, object, member, required, &ok);

  if (node == NULL)
    return ok;
  if (!expect_string (f, member, node, &text))
    return FALSE;
  if (required && dpo_text_is_blank (text))
    return _dpo_field_fail (f, member, _("is empty (it is required)"));

  *out = g_strdup (text);
  return TRUE;
}

gboolean
_dpo_field_id (DpoImportFields  *f,
               JsonObject       *object,
               const char       *member,
               char            **out)
{
  return _dpo_field_string (f, object, member, TRUE, out);
}

gboolean
_dpo_field_enum (DpoImportFields  *f,
                 JsonObject       *object,
                 const char       *member,
                 DpoEnum           vocabulary,
                 gboolean          required,
                 char            **out)
{
  g_autofree char *word = NULL;

  if (!_dpo_field_string (f, object, member, required, &word))
    return FALSE;
  if (word != NULL && !dpo_enum_is_known (vocabulary, word))
    {
      g_autofree char *expected = dpo_enum_describe (vocabulary);
      g_autofree char *quoted = dpo_text_cut (word, -1, DPO_TEXT_CUT_QUOTE);
      return _dpo_field_fail (f, member, _("“%s” is not a known value (%s)"), quoted, expected);
    }
  *out = g_steal_pointer (&word);
  return TRUE;
}

static gboolean
is_open_vocabulary (DpoEnum vocabulary)
{
  return vocabulary == DPO_ENUM_DATA_CATEGORY || vocabulary == DPO_ENUM_SUBJECT_CATEGORY;
}

gboolean
_dpo_field_words (DpoImportFields  *f,
                  JsonObject       *object,
                  const char       *member,
                  DpoEnum           vocabulary,
                  gboolean          required,
                  GStrv            *out)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  JsonArray *array = NULL;

  if (!_dpo_field_array (f, object, member, required, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", member, i);
      JsonNode *node = json_array_get_element (array, i);
      const char *word;

      if (!expect_string (f, element, node, &word))
        return FALSE;
      if (!is_open_vocabulary (vocabulary) && !dpo_enum_is_known (vocabulary, word))
        {
          g_autofree char *expected = dpo_enum_describe (vocabulary);
          g_autofree char *quoted = dpo_text_cut (word, -1, DPO_TEXT_CUT_QUOTE);
          return _dpo_field_fail (f, element, _("“%s” is not a known value (%s)"), quoted, expected);
        }
      g_strv_builder_add (words, word);
    }

  if (required && (array == NULL || json_array_get_length (array) == 0))
    return _dpo_field_fail (f, member, _("needs at least one value"));

  *out = g_strv_builder_end (words);
  return TRUE;
}

/* A list of references to records (a contract's beneficiaries): text,
 * not blank, each once. */
gboolean
_dpo_field_ids (DpoImportFields  *f,
                JsonObject       *object,
                const char       *member,
                GStrv            *out)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = NULL;

  if (!_dpo_field_array (f, object, member, FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", member, i);
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (!expect_string (f, element, node, &id))
        return FALSE;
      if (dpo_text_is_blank (id))
        return _dpo_field_fail (f, element, _("is empty: a person’s reference is expected"));
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          g_autofree char *quoted = dpo_text_cut (id, -1, DPO_TEXT_CUT_QUOTE);
          return _dpo_field_fail (f, element, _("“%s” is listed twice"), quoted);
        }
      g_strv_builder_add (ids, id);
    }

  *out = g_strv_builder_end (ids);
  return TRUE;
}

gboolean
_dpo_field_time (DpoImportFields  *f,
                 JsonObject       *object,
                 const char       *member,
                 gboolean          required,
                 GDateTime       **out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!_dpo_field_string (f, object, member, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *out = dpo_time_parse (text, &error);
  if (*out == NULL)
    return _dpo_field_fail (f, member, "%s", error->message);
  return TRUE;
}

gboolean
_dpo_field_date (DpoImportFields  *f,
                 JsonObject       *object,
                 const char       *member,
                 gboolean          required,
                 char            **out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!_dpo_field_string (f, object, member, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!dpo_date_parse (text, &date, &error))
    return _dpo_field_fail (f, member, "%s", error->message);
  *out = g_steal_pointer (&text);
  return TRUE;
}

gboolean
_dpo_field_count (DpoImportFields *f,
                  JsonObject      *object,
                  const char      *member,
                  gint64          *out)
{
  gboolean ok;
  JsonNode *node = lookup (f, object, member, FALSE, &ok);

  *out = -1;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _dpo_field_fail (f, member, _("must be a whole number, not %s"), describe_node (node));
  if (json_node_get_int (node) < 0)
    return _dpo_field_fail (f, member, _("cannot be negative (%lld)"),
                            (long long) json_node_get_int (node));
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
_dpo_field_boolean (DpoImportFields *f,
                    JsonObject      *object,
                    const char      *member,
                    int             *out)
{
  gboolean ok;
  JsonNode *node = lookup (f, object, member, FALSE, &ok);

  *out = -1;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _dpo_field_fail (f, member, _("must be true or false, not %s"), describe_node (node));
  *out = json_node_get_boolean (node) ? 1 : 0;
  return TRUE;
}

gboolean
_dpo_field_nir (DpoImportFields  *f,
                JsonObject       *object,
                const char       *member,
                char            **out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!_dpo_field_string (f, object, member, FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!dpo_nir_validate (text, out, &error))
    {
      g_autofree char *quoted = dpo_text_cut (text, -1, DPO_TEXT_CUT_QUOTE);
      return _dpo_field_fail (f, member, _("invalid social security number (NIR) “%s”: %s"),
                              quoted, error->message);
    }
  return TRUE;
}

gboolean
_dpo_field_array (DpoImportFields  *f,
                  JsonObject       *object,
                  const char       *member,
                  gboolean          required,
                  JsonArray       **out)
{
  gboolean ok;
  JsonNode *node = lookup (f, object, member, required, &ok);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _dpo_field_fail (f, member, _("must be a list, not %s"), describe_node (node));
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_dpo_field_object (DpoImportFields  *f,
                   JsonObject       *object,
                   const char       *member,
                   gboolean          required,
                   JsonObject      **out)
{
  gboolean ok;
  JsonNode *node = lookup (f, object, member, required, &ok);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _dpo_field_fail (f, member, _("must be an object, not %s"), describe_node (node));
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_dpo_field_element_object (DpoImportFields  *f,
                           JsonArray        *array,
                           guint             index,
                           JsonObject      **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _dpo_field_fail (f, NULL, _("must be an object, not %s"), describe_node (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_change (DpoImportFields *f,
             JsonObject      *changes,
             const char      *field,
             JsonBuilder     *builder)
{
  g_autofree char *value = NULL;
  g_autofree char *normalized = NULL;
  const DpoPersonField *person_field = dpo_person_field_find (field);

  if (person_field == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) dpo_person_field_names ());
      g_autofree char *quoted = dpo_text_cut (field, -1, DPO_TEXT_CUT_QUOTE);
      return _dpo_field_fail (f, quoted, _("“%s” is not a field of a person (one of: %s)"), quoted, known);
    }

  if (g_str_equal (field, "nir"))
    {
      if (!_dpo_field_nir (f, changes, field, &normalized))
        return FALSE;
    }
  else if (g_str_equal (field, "birth_date"))
    {
      if (!_dpo_field_date (f, changes, field, FALSE, &value))
        return FALSE;
    }
  else if (!_dpo_field_string (f, changes, field,
                               person_field->required,
                               &value))
    return FALSE;

  json_builder_set_member_name (builder, field);
  if (normalized != NULL || value != NULL)
    json_builder_add_string_value (builder, normalized != NULL ? normalized : value);
  else
    json_builder_add_null_value (builder);
  return TRUE;
}

gboolean
_dpo_field_changes (DpoImportFields  *f,
                    JsonObject       *object,
                    const char       *member,
                    char            **out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GList) fields = NULL;
  JsonObject *changes = NULL;
  DpoImportFields inner;

  if (!_dpo_field_object (f, object, member, FALSE, &changes))
    return FALSE;
  if (changes == NULL)
    return TRUE;

  path = member_path (f, member);
  inner = (DpoImportFields) { f->doc, f->error, path };
  fields = json_object_get_members (changes);

  json_builder_begin_object (builder);
  for (GList *l = fields; l != NULL; l = l->next)
    if (!read_change (&inner, changes, l->data, builder))
      return FALSE;
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  *out = dpo_json_to_text (node, FALSE);
  return TRUE;
}
