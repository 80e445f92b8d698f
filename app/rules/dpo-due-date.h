/* dpo-due-date.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-enums.h"

G_BEGIN_DECLS

/* GDPR Art. 33(1): the CNIL is notified within 72 hours of awareness. The
 * one home of the figure: the C clock and the incident list's SQL (which
 * pastes it in as a generated expression) both use it. */
#define DPO_CNIL_DELAY_HOURS 72

/* French public holidays (Code du travail L3133-1), Easter-based ones
 * computed; Good Friday and 26 December only in Alsace-Moselle (L3134-13). */
typedef enum
{
  DPO_HOLIDAY_NONE,
  DPO_HOLIDAY_NEW_YEAR,
  DPO_HOLIDAY_GOOD_FRIDAY,      /* Alsace-Moselle */
  DPO_HOLIDAY_EASTER_MONDAY,
  DPO_HOLIDAY_LABOUR_DAY,
  DPO_HOLIDAY_VICTORY_1945,
  DPO_HOLIDAY_ASCENSION,
  DPO_HOLIDAY_WHIT_MONDAY,
  DPO_HOLIDAY_BASTILLE_DAY,
  DPO_HOLIDAY_ASSUMPTION,
  DPO_HOLIDAY_ALL_SAINTS,
  DPO_HOLIDAY_ARMISTICE,
  DPO_HOLIDAY_CHRISTMAS,
  DPO_HOLIDAY_ST_STEPHEN,       /* Alsace-Moselle */
} DpoHoliday;

/* The holiday @date is (DPO_HOLIDAY_NONE for none); with @alsace_moselle,
 * Good Friday and 26 December too. */
DpoHoliday    dpo_date_get_holiday       (const GDate *date,
                                          gboolean     alsace_moselle);
gboolean      dpo_date_is_public_holiday (const GDate *date,
                                          gboolean     alsace_moselle);
gboolean      dpo_date_is_working_day    (const GDate *date,
                                          gboolean     alsace_moselle);

/* One step of a due date's computation, in order: where the period
 * starts, the day @months later (or the last day of a month that lacks
 * that day number), each day skipped because no one works on it, and the
 * due day. */
typedef enum
{
  DPO_DUE_STEP_START,           /* the day the period runs from (receipt) */
  DPO_DUE_STEP_SAME_DAY,        /* @months later, same day number */
  DPO_DUE_STEP_LAST_DAY,        /* @months later: the month has no @missing_day,
                                   so its last day */
  DPO_DUE_STEP_SATURDAY,        /* @date is a Saturday: skipped */
  DPO_DUE_STEP_SUNDAY,          /* @date is a Sunday: skipped */
  DPO_DUE_STEP_HOLIDAY,         /* @date is @holiday: skipped */
  DPO_DUE_STEP_DUE,             /* the due date */
} DpoDueStepKind;

typedef struct
{
  DpoDueStepKind kind;
  GDate          date;
  guint          months;        /* SAME_DAY, LAST_DAY */
  GDateDay       missing_day;   /* LAST_DAY: the day number the month lacks */
  DpoHoliday     holiday;       /* HOLIDAY */
} DpoDueStep;

/* Regulation 1182/71 Art. 3: @months after @from, same day number, else the
 * last day of that month; then, if not a working day, the next working day.
 * @steps (may be NULL) receives the DpoDueStep of the computation: the due
 * date and its explanation come from this one code path. */
void          dpo_deadline_add_months_explained (const GDate *from,
                                                 guint        months,
                                                 gboolean     alsace_moselle,
                                                 GArray      *steps,
                                                 GDate       *out);
void          dpo_deadline_add_months    (const GDate *from,
                                          guint        months,
                                          gboolean     alsace_moselle,
                                          GDate       *out);
/* A request's due date: one month after receipt, three when extended. */
void          dpo_request_due_on         (const GDate *received_on,
                                          gboolean     extended,
                                          gboolean     alsace_moselle,
                                          GDate       *out);
/* The same with its steps: a new GArray of DpoDueStep ending with
 * DPO_DUE_STEP_DUE, whose date is the due date. */
GArray       *dpo_request_explain_due    (const GDate *received_on,
                                          gboolean     extended,
                                          gboolean     alsace_moselle);

/* The holiday's name in the current locale ("Easter Monday", "Lundi de
 * Pâques"); "" for DPO_HOLIDAY_NONE. */
const char   *dpo_holiday_get_name       (DpoHoliday   holiday);
/* Good Friday and 26 December: holidays only in Alsace-Moselle. */
gboolean      dpo_holiday_is_local       (DpoHoliday   holiday);
/* The steps in plain words, in the current locale, one phrase per step
 * ("received Friday 9 February 2024", "one month later: Saturday 9 March
 * 2024", "a Saturday, so the next working day", "due Monday 11 March
 * 2024"); NULL-terminated. A step that goes without saying (the Sunday of
 * a weekend already said) has no phrase. */
char        **dpo_due_steps_describe     (const GArray *steps);
/* The phrases on one line, joined by " → ". */
char         *dpo_due_steps_to_text      (const GArray *steps);
/* "Friday 9 February 2024" / "vendredi 9 février 2024". */
char         *dpo_date_format_long       (const GDate  *date);

/* aware_at + DPO_CNIL_DELAY_HOURS elapsed hours (a real duration across DST changes). */
GDateTime    *dpo_cnil_deadline          (GDateTime   *aware_at);
gboolean      dpo_cnil_required          (const char  *risk);
/* GDPR Art. 34: the people affected must be informed when the risk is high. */
gboolean      dpo_people_must_be_informed (const char *risk);
/* @notified_at: the first *initial* CNIL notification, or NULL. */
DpoCnilStatus dpo_cnil_status            (const char  *risk,
                                          GDateTime   *aware_at,
                                          GDateTime   *notified_at,
                                          GDateTime   *now);
/* "not_required", "pending", ...: the export-json words. */
const char   *dpo_cnil_status_to_word    (DpoCnilStatus status);

G_END_DECLS
