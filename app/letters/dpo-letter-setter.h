/* dpo-letter-setter.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "dpo-letter-pdf.h"

G_BEGIN_DECLS

/*
 * DpoLetterSetter: typesets letters onto a cairo context whose pages are A4
 * in points (dpo-letter-geometry.h says where each part goes). Its fonts and
 * Pango layouts are made once and reused for every letter: a campaign of
 * 20,000 letters allocates them once.
 */
typedef struct _DpoLetterSetter DpoLetterSetter;

DpoLetterSetter *dpo_letter_setter_new  (cairo_t          *cr);
/* Draws @letter (checked by the caller) from a new page, ending each page
 * with cairo_show_page(); returns how many pages it took. */
guint            dpo_letter_setter_set  (DpoLetterSetter  *self,
                                         const DpoLetter  *letter);
void             dpo_letter_setter_free (DpoLetterSetter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoLetterSetter, dpo_letter_setter_free)

G_END_DECLS
