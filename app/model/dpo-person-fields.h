/* dpo-person-fields.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* The fields of a person that a rectification may change (DESIGN
 * "Request": the keys of `changes`), in display order. The one table of
 * them: validation, import, carrying out and the window all read it. */
typedef struct
{
  const char *name;      /* the JSON and database name: "last_name" */
  const char *label;     /* untranslated; see dpo_person_field_get_label() */
  gsize       offset;    /* of the char * in DpoSubject */
  gboolean    required;  /* cannot be emptied */
} DpoPersonField;

/* The table, NULL-name terminated. */
const DpoPersonField *dpo_person_fields            (void);
/* The names alone, NULL-terminated, for error messages and lookups. */
const char * const   *dpo_person_field_names       (void);
/* NULL when @name is not a person field. */
const DpoPersonField *dpo_person_field_find        (const char           *name);
const char           *dpo_person_field_get_label   (const DpoPersonField *field);
const char           *dpo_person_field_get         (const DpoPersonField *field,
                                                    const DpoSubject     *subject);
void                  dpo_person_field_set         (const DpoPersonField *field,
                                                    DpoSubject           *subject,
                                                    const char           *value);

/* One requested change of a rectification: a field and its new value
 * (NULL to empty it). */
typedef struct
{
  const DpoPersonField *field;
  char                 *value;
} DpoChange;

void       dpo_change_free            (DpoChange  *change);

/* The typed view of DpoRequest.changes (a JSON object as text): a new array
 * of DpoChange, in the stored order; empty when there are none. Members
 * that are not person fields, or whose value is not text or null, are
 * skipped (validation refuses them before they are stored). */
GPtrArray *dpo_request_dup_changes    (const DpoRequest *request);
/* Stores @changes (of DpoChange) as the JSON object; NULL or empty clears. */
void       dpo_request_set_changes    (DpoRequest       *request,
                                       GPtrArray        *changes);
/* Appends a change to @changes (a new array when NULL), returns @changes. */
GPtrArray *dpo_changes_add            (GPtrArray        *changes,
                                       const DpoPersonField *field,
                                       const char       *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoChange, dpo_change_free)

G_END_DECLS
