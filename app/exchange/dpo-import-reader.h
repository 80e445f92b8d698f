/* dpo-import-reader.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* The interchange document, read and checked but not yet written. */
typedef struct
{
  char       *display_name;
  JsonParser *parser;          /* owns the nodes below */
  GPtrArray  *incidents;       /* of DpoIncident */
  GPtrArray  *incident_nodes;  /* JsonNode, for the audit log */
  GPtrArray  *subjects;        /* of DpoSubject */
  GPtrArray  *subject_nodes;
  GPtrArray  *requests;        /* of DpoRequest */
  GPtrArray  *request_nodes;
  GHashTable *subject_ids;     /* ids of the people in this file */
} DpoImportDoc;

/* Reads @bytes as an interchange document; every error names @display_name,
 * the JSON path and what is wrong. */
DpoImportDoc *_dpo_import_doc_read (GBytes        *bytes,
                                    const char    *display_name,
                                    GError       **error);
void          _dpo_import_doc_free (DpoImportDoc  *doc);

/* Sets "FILE, at PATH: MESSAGE" and returns FALSE. */
gboolean      _dpo_import_fail     (DpoImportDoc  *doc,
                                    GError       **error,
                                    int            code,
                                    const char    *path,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (5, 6);
/* The same, for the path ARRAY[INDEX].MEMBER. */
gboolean      _dpo_import_fail_at  (DpoImportDoc  *doc,
                                    GError       **error,
                                    int            code,
                                    const char    *array,
                                    guint          index,
                                    const char    *member,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (7, 8);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoImportDoc, _dpo_import_doc_free)

G_END_DECLS
