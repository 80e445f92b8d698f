/* dpo-import-fields.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dpo-enums.h"
#include "dpo-import-reader.h"

G_BEGIN_DECLS

/* Where the reader stands: the document, the error to set, and the JSON path
 * of the object being read ("requests[3]"; NULL at the top level). */
typedef struct
{
  DpoImportDoc  *doc;
  GError       **error;
  const char    *path;
} DpoImportFields;

/* Each reads @member of @object into @out, checking its type and value; on a
 * problem it sets the error ("FILE, at PATH.MEMBER: what") and returns FALSE.
 * An absent or null optional member leaves NULL (or -1 for counts). */
gboolean _dpo_field_fail           (DpoImportFields  *f,
                                    const char       *member,
                                    const char       *format,
                                    ...) G_GNUC_PRINTF (3, 4);
gboolean _dpo_field_string         (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    gboolean          required,
                                    char            **out);
gboolean _dpo_field_id             (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    char            **out);
gboolean _dpo_field_enum           (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    DpoEnum           vocabulary,
                                    gboolean          required,
                                    char            **out);
gboolean _dpo_field_words          (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    DpoEnum           vocabulary,
                                    gboolean          required,
                                    GStrv            *out);
/* Person references ("S-2"): a list of text, none blank, none twice. */
gboolean _dpo_field_ids            (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    GStrv            *out);
gboolean _dpo_field_time           (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    gboolean          required,
                                    GDateTime       **out);
gboolean _dpo_field_date           (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    gboolean          required,
                                    char            **out);
gboolean _dpo_field_count          (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    gint64           *out);
/* true or false as 1 or 0; -1 when absent or null. */
gboolean _dpo_field_boolean        (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    int              *out);
gboolean _dpo_field_nir            (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    char            **out);
gboolean _dpo_field_array          (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    gboolean          required,
                                    JsonArray       **out);
gboolean _dpo_field_object         (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    gboolean          required,
                                    JsonObject      **out);
/* @f->path names the element itself ("incidents[0].events[2]"). */
gboolean _dpo_field_element_object (DpoImportFields  *f,
                                    JsonArray        *array,
                                    guint             index,
                                    JsonObject      **out);
/* A rectification's changes: an object of person fields to new values. */
gboolean _dpo_field_changes        (DpoImportFields  *f,
                                    JsonObject       *object,
                                    const char       *member,
                                    char            **out);

G_END_DECLS
