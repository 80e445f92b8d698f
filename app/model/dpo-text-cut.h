/* dpo-text-cut.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many characters of a value a message quotes at most. */
#define DPO_TEXT_CUT_QUOTE 80

/* A copy of the first @len bytes of @text (-1: up to its end) for quoting
 * in a message: at most @max_chars characters, cut on a character boundary
 * and ended with "…" when it was longer. Bytes that are not UTF-8 are shown
 * as U+FFFD, so the message itself is always valid text. */
char *dpo_text_cut (const char *text,
                    gssize      len,
                    gsize       max_chars);

G_END_DECLS
