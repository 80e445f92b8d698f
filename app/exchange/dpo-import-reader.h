/* dpo-import-reader.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dpo-organisation.h"
#include "dpo-records.h"

G_BEGIN_DECLS

typedef enum
{
  DPO_IMPORT_SUBJECT,
  DPO_IMPORT_INCIDENT,
  DPO_IMPORT_REQUEST,
} DpoImportKind;

typedef struct _DpoImportDoc DpoImportDoc;

/* The top-level "settings" (DESIGN "Interchange additions"); -1 for a
 * member the file leaves out (the database keeps its own). */
typedef struct
{
  int    alsace_moselle;               /* 0, 1 or -1 */
  gint64 retention_after_contract_years; /* 0..DPO_RETENTION_MAX_YEARS or -1 */
} DpoImportSettings;

/* Receives each record once it is read and checked, with its object in the
 * file and its index in its list; it owns @record (a DpoSubject, DpoIncident
 * or DpoRequest) and frees it. FALSE with @error stops the reading. */
typedef gboolean (*DpoImportTake) (DpoImportDoc   *doc,
                                   DpoImportKind   kind,
                                   guint           index,
                                   gpointer        record,
                                   JsonNode       *node,
                                   gpointer        user_data,
                                   GError        **error);

/* The interchange document: parsed, its header checked, its records read
 * one at a time (never all held at once: a million requests would double
 * the memory the parsed file already takes). */
struct _DpoImportDoc
{
  char       *display_name;
  JsonParser *parser;          /* owns the tree */
  JsonObject *root;
  GHashTable *subject_ids;     /* ids of the people in this file (strings of the tree) */
  guint       n_incidents;
  guint       n_subjects;
  guint       n_requests;
  DpoOrganisation *organisation;  /* the top-level "organisation", checked; NULL if absent */
  DpoImportSettings settings;     /* the top-level "settings", checked */
};

/* Parses @bytes and checks the header; every error names @display_name,
 * the JSON path and what is wrong. */
DpoImportDoc *_dpo_import_doc_open (GBytes        *bytes,
                                    const char    *display_name,
                                    GError       **error);
/* Reads and checks the organisation (into @doc->organisation), then the
 * people, then the incidents, then the requests,
 * handing each to @take; stops at the first error. */
gboolean      _dpo_import_doc_read (DpoImportDoc  *doc,
                                    DpoImportTake  take,
                                    gpointer       user_data,
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
