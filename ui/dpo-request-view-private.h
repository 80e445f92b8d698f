/* dpo-request-view-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-carry-out-decision.h"
#include "dpo-computed.h"
#include "dpo-letter-kinds.h"
#include "dpo-request-view.h"
#include "dpo-restriction-banner.h"

G_BEGIN_DECLS

struct _DpoRequestView
{
  GtkBox               parent_instance;

  /* Template children */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkButton           *carry_out_button;
  GtkStack            *stack;
  GtkBox              *content;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkLabel            *status_badge;
  GtkLabel            *summary_label;
  AdwActionRow        *person_row;
  GtkWidget           *person_arrow;
  AdwActionRow        *kind_row;
  AdwActionRow        *channel_row;
  AdwActionRow        *received_row;
  AdwActionRow        *due_row;
  AdwActionRow        *extended_due_row;
  GtkWidget           *due_explain_button;
  GtkWidget           *extended_explain_button;
  AdwActionRow        *identity_row;
  GtkButton           *verify_button;
  AdwPreferencesGroup *extension_group;
  GtkButton           *extend_button;
  AdwActionRow        *extension_state_row;
  AdwEntryRow         *extension_reason_row;
  AdwEntryRow         *extension_notified_row;
  AdwPreferencesGroup *changes_group;
  AdwComboRow         *status_row;
  AdwActionRow        *answered_row;
  AdwEntryRow         *outcome_row;
  AdwEntryRow         *refusal_ground_row;
  DpoRestrictionBanner *restriction_banner;

  DpoStore            *store;
  char                *id;
  DpoRequest          *request;      /* as stored; NULL when absent */
  GPtrArray           *change_rows;
  const char          *badge_class;
  guint                updating : 1;
  guint                executing : 1;  /* Carry Out runs on a worker thread */

  /* dpo-request-view-letters.c */
  GtkMenuButton       *letter_button;
  GtkWidget           *letter_kind_buttons[DPO_N_LETTER_KINDS];
  AdwPreferencesGroup *letters_group;
  GPtrArray           *letter_rows;
  guint                writing_letter : 1;
};

/* dpo-request-view.c */
void     _dpo_request_view_reload       (DpoRequestView *self);
void     _dpo_request_view_show_error   (DpoRequestView *self,
                                         const GError   *error);
/* Saves @request (a changed copy) through the core. On error nothing was
 * written: the view shows the stored record again, and why. */
gboolean _dpo_request_view_save         (DpoRequestView *self,
                                         DpoRequest     *request);
gboolean _dpo_request_view_is_closing_status (const char *status);

/* dpo-request-view-letters.c: the Letter… menu and the letters' history. */
void     _dpo_request_view_letters_build  (DpoRequestView *self,
                                           GtkWidget      *before);
void     _dpo_request_view_letters_update (DpoRequestView *self);
void     _dpo_request_view_write_letter   (DpoRequestView *self,
                                           DpoLetterKind   kind,
                                           GFile          *file);

/* dpo-request-view-actions.c: the buttons, the status, the answer. */
void     _dpo_request_view_class_actions_init (GtkWidgetClass *widget_class);
/* Carries the request out on a worker thread, with @output (access) or
 * @input (restriction, objection: the DPO's decision), either NULL. */
void     _dpo_request_view_execute      (DpoRequestView         *self,
                                         GFile                  *output,
                                         const DpoCarryOutInput *input);

/* dpo-request-decision.c: the dialog that asks for a restriction's reason,
 * or an objection's decision and reason, then carries the request out. */
void     _dpo_request_view_confirm_decision (DpoRequestView *self);

/* Shared by dpo-request-view.c and dpo-request-view-record.c. */
char     *_dpo_request_view_format_time    (GDateTime                 *time);
gboolean  _dpo_request_view_can_extend     (DpoRequestView            *self);
void      _dpo_request_view_fill_extension (DpoRequestView            *self,
                                            const DpoRequestDeadlines *deadlines,
                                            gboolean                   new_request);
void      _dpo_request_view_fill_changes   (DpoRequestView            *self);
void      _dpo_request_view_fill_answer    (DpoRequestView            *self,
                                            const DpoRequest          *previous);

G_END_DECLS
