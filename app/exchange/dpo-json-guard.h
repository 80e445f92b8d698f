/* dpo-json-guard.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-import-reader.h"

G_BEGIN_DECLS

/* Lists and objects nested deeper than this are refused before parsing: an
 * interchange document needs five levels, and json-glib's parser recurses
 * once per level (a 150 KB file of "[" overflowed its stack). */
#define DPO_JSON_MAX_DEPTH 64

/* One fast pass over the bytes of @doc's file, before json-glib sees them.
 * Refuses, naming the file and the JSON path (or the line and column):
 * nesting deeper than DPO_JSON_MAX_DEPTH; a string (value or member name)
 * that is not UTF-8, holds "\u0000" (which json-glib silently cuts), or a
 * lone UTF-16 surrogate (which it turns into invalid UTF-8); a whole number
 * that does not fit in 64 bits (which it turns into another number).
 * Anything else that is not JSON is left to the parser to report. */
gboolean _dpo_json_guard_check (DpoImportDoc  *doc,
                                const char    *data,
                                gsize          size,
                                GError       **error);

G_END_DECLS
