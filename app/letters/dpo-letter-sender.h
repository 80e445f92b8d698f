/* dpo-letter-sender.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-organisation.h"

G_BEGIN_DECLS

/* The organisation as a letter names it, so that every letter the program
 * writes (campaign, request letters) has the same letterhead and closing. */

/* DpoLetter.sender_lines: the organisation's address, one part a line (its
 * ", " become line breaks), a blank line, then the DPO's contact: name,
 * e-mail and phone, postal address when it is not the organisation's.
 * Parts not known are left out. */
char *dpo_letter_sender_lines (const DpoOrganisation *organisation);

/* DpoLetter.signature: the DPO's name and title, or NULL when the DPO's
 * name is not known. */
char *dpo_letter_signature    (const DpoOrganisation *organisation);

G_END_DECLS
