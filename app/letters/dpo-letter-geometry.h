/* dpo-letter-geometry.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * Where a letter's parts go on an A4 page, in millimetres from the top-left
 * corner, and the fonts they are set in. Numbers only, so that the bare
 * pango-cairo benchmark (tests/bench-letters-bare.c) draws exactly the
 * pages the renderer draws without linking it.
 *
 * The recipient's address sits in the window of a French DL window envelope
 * (window 45 x 100 mm, 20 mm from the right edge): folded in three, an A4
 * letter shows 110-190 mm from the left, 50-95 mm from the top through it.
 */

#define DPO_LETTER_PAGE_WIDTH   595.28   /* points: A4 */
#define DPO_LETTER_PAGE_HEIGHT  841.89
#define DPO_LETTER_MM           (72.0 / 25.4)

#define DPO_LETTER_MARGIN_LEFT    25.0
#define DPO_LETTER_MARGIN_RIGHT   20.0
#define DPO_LETTER_MARGIN_TOP     20.0
#define DPO_LETTER_MARGIN_BOTTOM  25.0
#define DPO_LETTER_TEXT_WIDTH     (210.0 - DPO_LETTER_MARGIN_LEFT - DPO_LETTER_MARGIN_RIGHT)

#define DPO_LETTER_HEAD_WIDTH     80.0   /* the letterhead, left of the window */
#define DPO_LETTER_HEAD_GAP       1.5    /* between its name, address and contact */

#define DPO_LETTER_WINDOW_LEFT    110.0
#define DPO_LETTER_WINDOW_TOP     50.0
#define DPO_LETTER_WINDOW_WIDTH   80.0
#define DPO_LETTER_WINDOW_HEIGHT  45.0

#define DPO_LETTER_DATE_TOP       100.0  /* at the latest; lower under a tall letterhead */
#define DPO_LETTER_AFTER_DATE     10.0
#define DPO_LETTER_AFTER_REFERENCE 4.0
#define DPO_LETTER_AFTER_SUBJECT  8.0
#define DPO_LETTER_PARAGRAPH_GAP  2.5
#define DPO_LETTER_BULLET_GAP     1.0
#define DPO_LETTER_BULLET_INDENT  6.0    /* the text of a bullet; the dash at 1.5 */
#define DPO_LETTER_BULLET_DASH    1.5
#define DPO_LETTER_SIGNATURE_GAP  10.0
#define DPO_LETTER_SIGNATURE_LEFT DPO_LETTER_WINDOW_LEFT

#define DPO_LETTER_CONTINUED_HEADER 12.0 /* baseline region of the small header on pages 2+ */
#define DPO_LETTER_CONTINUED_TOP    25.0
#define DPO_LETTER_FOOTER           285.0 /* top of the page number "1/2" */

#define DPO_LETTER_FONT           "DejaVu Sans, Sans"
#define DPO_LETTER_SIZE_NAME      13.0   /* bold */
#define DPO_LETTER_SIZE_HEAD      8.5
#define DPO_LETTER_SIZE_CONTACT   7.5
#define DPO_LETTER_SIZE_TEXT      10.0   /* recipient, date, subject (bold), body, signature */
#define DPO_LETTER_SIZE_REFERENCE 8.5
#define DPO_LETTER_SIZE_SMALL     7.5    /* page numbers, the header on pages 2+ */
