/* dpo-search-text.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Searches find a word typed in any case, with or without its accents,
 * anywhere in a name or number: "lefevre" finds Lefèvre, "104233" finds
 * MB-104233. The search index holds folded text and so does the search:
 * both come from dpo_search_fold(), the one definition of "the same". */

/* Search terms shorter than this are not looked up in the index (its
 * trigrams need three characters). */
#define DPO_SEARCH_MIN_TERM 3

/* @text in lower case, without accents (é → e, œ → oe, ß → ss), every run
 * of characters other than letters and digits as one space, without
 * leading or trailing space. "" for NULL. */
char  *dpo_search_fold       (const char *text);

/* The folded text of @text without its spaces: a NIR written
 * "2 78 04 75 123 456 78" becomes "278047512345678". */
char  *dpo_search_fold_compact (const char *text);

/* The terms to look for, all of which must be found: the folded words of
 * @search of at least DPO_SEARCH_MIN_TERM characters, or, when every word
 * holds a digit (a NIR or a number typed in groups: "2 78 04", "2 83 09 2A"),
 * the words joined as one term. NULL when no term is long enough. */
char **dpo_search_terms      (const char *search);

G_END_DECLS
