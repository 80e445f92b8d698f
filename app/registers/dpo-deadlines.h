/* dpo-deadlines.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* The deadlines listing of `dpo deadlines`: every obligation still running,
 * requests and CNIL clocks together, soonest first. */

typedef enum
{
  DPO_DEADLINE_REQUEST,      /* a request's current due date */
  DPO_DEADLINE_CNIL,         /* an incident's 72-hour CNIL clock */
} DpoDeadlineKind;

typedef struct
{
  DpoDeadlineKind  kind;
  const char      *id;          /* the request's or the incident's reference */
  const char      *what;        /* request kind word, or the incident's title */
  const char      *person;      /* the person's name, or NULL */
  GDateTime       *due;         /* the CNIL deadline; a request's due day at 23:59:59 local */
  gboolean         overdue;
  gboolean         extended;
  GDate            received_on;    /* a request's local date of receipt */
  gboolean         alsace_moselle; /* the setting its due date was computed with */
  GDateTime       *aware_at;       /* the incident's awareness (CNIL) */
} DpoDeadline;

typedef gboolean (*DpoDeadlineFunc) (const DpoDeadline *deadline,
                                     gpointer           user_data);

/* Calls @func for every open deadline, soonest first, as of
 * dpo_store_dup_now(): open requests (received, in progress) by their
 * current due date, and the CNIL clocks still running or overdue. Streams
 * from a cursor; stops when @func returns FALSE. */
void  dpo_deadlines_foreach (DpoStore        *store,
                             DpoDeadlineFunc  func,
                             gpointer         user_data);

/* How @deadline's date was reached, in plain words of the current locale,
 * one phrase each: a request's due-date steps (dpo_request_explain_due(),
 * the computation itself), or a CNIL clock's awareness and 72 hours.
 * NULL-terminated. */
char **dpo_deadline_explain (const DpoDeadline *deadline);

G_END_DECLS
