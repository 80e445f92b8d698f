/* dpo-notice-editor.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_NOTICE_EDITOR (dpo_notice_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoNoticeEditor, dpo_notice_editor, DPO, NOTICE_EDITOR, AdwWindow)

/* The editor of @incident's Art. 34 notice, over @parent's window: the
 * subject and text on the left (the stored notice, or a draft from the
 * incident when there is none yet), Draft from Incident, the placeholders
 * to insert; on the right a live preview for a person the incident
 * affects (dpo_store_notice_sample(); else an example person), with or
 * without co-insured. Cancel, Escape and closing ask before discarding. */
DpoNoticeEditor *dpo_notice_editor_present     (GtkWidget         *parent,
                                                DpoStore          *store,
                                                const DpoIncident *incident);
/* Checks and stores the notice (dpo_store_save_notice()) and closes; on
 * FALSE the editor stays open, as typed, with the reason above the form. */
gboolean         dpo_notice_editor_save        (DpoNoticeEditor   *self);
/* The reason shown, or NULL. */
const char      *dpo_notice_editor_get_error   (DpoNoticeEditor   *self);
/* Replaces the subject and text with a draft from the incident. */
void             dpo_notice_editor_draft       (DpoNoticeEditor   *self);
/* Inserts {{@name}} at the cursor of the text. */
void             dpo_notice_editor_insert      (DpoNoticeEditor   *self,
                                                const char        *name);
/* The preview as shown: the subject, a blank line, the text. */
const char      *dpo_notice_editor_get_preview (DpoNoticeEditor   *self);

G_END_DECLS
