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
 * @search of at least DPO_SEARCH_MIN_TERM characters. NULL when no word is
 * long enough. */
char **dpo_search_terms      (const char *search);

/* For a search of several words that each hold a digit (a NIR or a
 * number typed in groups: "2 78 04", "2 83 09 2A", "2024-0003"), those
 * words joined as one term, to be looked for besides the terms; else NULL. */
char  *dpo_search_number     (const char *search);

G_END_DECLS
