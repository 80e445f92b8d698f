/* dpo-erasure-verdict.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-carry-out.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-time.h"

/* Erasure as the law allows (issue 12). Each constraint on the person's
 * data releases them on a day: a covering contract on the day after its
 * end date plus the retention period (Regulation 1182/71 Art. 3: a period
 * of years from 29 February ends on 28 February), a hold on the day after
 * its end; a contract still open or a hold until lifted, never (yet). The
 * data may be erased once every constraint has released them. The trigger
 * subjects_erasure_rule (store/dpo-store-schema.c) counts the same days. */

/* One constraint: what it is, and the day it releases the data (NULL: none). */
typedef struct
{
  const DpoContract *contract;      /* or NULL for a hold */
  gboolean           as_beneficiary;
  const DpoHold     *hold;
  char              *release;       /* YYYY-MM-DD, or NULL when open-ended */
} Constraint;

static char *
add_days_and_years (const char *iso,
                    guint       years,
                    guint       days)
{
  GDate date;

  if (iso == NULL || !dpo_date_parse (iso, &date, NULL))
    return NULL;
  /* GLib moves 29 February to 28 February in a common year. */
  g_date_add_years (&date, years);
  g_date_add_days (&date, days);
  return dpo_date_to_iso (&date);
}

/* Later of two release days; NULL (open-ended) is the latest of all. */
static gboolean
releases_later (const char *a,
                const char *b)
{
  if (a == NULL)
    return b != NULL;
  return b != NULL && strcmp (a, b) > 0;
}

static void
add_contract (GArray            *constraints,
              const DpoContract *contract,
              gboolean           as_beneficiary,
              guint              retention_years)
{
  Constraint c = { contract, as_beneficiary, NULL, NULL };

  c.release = add_days_and_years (contract->end_date, retention_years, 1);
  g_array_append_val (constraints, c);
}

static void
constraint_clear (gpointer data)
{
  Constraint *c = data;

  g_free (c->release);
}

static GArray *
list_constraints (const DpoSubject *subject,
                  guint             retention_years)
{
  GArray *constraints = g_array_new (FALSE, FALSE, sizeof (Constraint));

  g_array_set_clear_func (constraints, constraint_clear);
  for (guint i = 0; subject->contracts != NULL && i < subject->contracts->len; i++)
    add_contract (constraints, g_ptr_array_index (subject->contracts, i), FALSE, retention_years);
  for (guint i = 0; subject->covered_by != NULL && i < subject->covered_by->len; i++)
    add_contract (constraints, g_ptr_array_index (subject->covered_by, i), TRUE, retention_years);
  for (guint i = 0; subject->holds != NULL && i < subject->holds->len; i++)
    {
      const DpoHold *hold = g_ptr_array_index (subject->holds, i);
      Constraint c = { NULL, FALSE, hold, add_days_and_years (hold->until, 0, 1) };

      g_array_append_val (constraints, c);
    }
  return constraints;
}

/* Whether @c still keeps the data on @today. */
static gboolean
applies (const Constraint *c,
         const char       *today)
{
  return c->release == NULL || strcmp (c->release, today) > 0;
}

char *
dpo_erasure_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (iso_date == NULL || !dpo_date_parse (iso_date, &date, NULL))
    return g_strdup (iso_date);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              12, 0, 0);
  if (g_date_get_day (&date) == 1)
    /* Translators: strftime format of the first day of a month in a letter
     * ("1 April 2029"); French writes "1er %B %Y" */
    return g_date_time_format (time, C_("long date, first of the month", "1 %B %Y"));
  /* Translators: strftime format of a date in a letter ("31 March 2024") */
  return g_date_time_format (time, C_("long date", "%-d %B %Y"));
}

static char *
person_name (const DpoSubject *subject)
{
  /* Translators: a person's name: first name, then last name */
  return g_strdup_printf (C_("person full name", "%s %s"), subject->first_name, subject->last_name);
}

/* What the rule's own constraint says, without its date of release. */
static char *
describe_rule (const DpoSubject *subject,
               const Constraint *c,
               DpoErasureRule    rule,
               guint             retention_years)
{
  g_autofree char *name = person_name (subject);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  switch (rule)
    {
    case DPO_ERASURE_ACTIVE_CONTRACT:
      start = dpo_erasure_format_date (c->contract->start_date);
      if (c->as_beneficiary)
        /* Translators: the person, the contract, its holder, the day it began */
        return g_strdup_printf (_("%s is covered by the active contract %s held by %s (since %s): the "
                                  "data are needed to perform it (GDPR Art. 17(1)(a) and 6(1)(b))"),
                                name, c->contract->number, c->contract->holder_name, start);
      /* Translators: the person, the contract, the day it began */
      return g_strdup_printf (_("%s has an active contract (%s, since %s): the data are needed to "
                                "perform it (GDPR Art. 17(1)(a) and 6(1)(b))"),
                              name, c->contract->number, start);
    case DPO_ERASURE_RETENTION:
      end = dpo_erasure_format_date (c->contract->end_date);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the contract, the day it ended, the years */
                                           "the contract %s ended on %s and its data are kept %u year "
                                           "after it ends (Code de la mutualité L221-11)",
                                           "the contract %s ended on %s and its data are kept %u years "
                                           "after it ends (Code de la mutualité L221-11)",
                                           retention_years),
                              c->contract->number, end, retention_years);
    case DPO_ERASURE_HOLD:
      /* The hold's reason stays inside the organisation: this text is the
       * recorded ground and goes into the refusal letter, and telling a
       * person "Fraud" could tip off the subject of an investigation. */
      if (c->hold->until == NULL)
        return g_strdup (_("a legal hold keeps the data until it is lifted (GDPR Art. 17(3)(b) "
                           "and (e))"));
      end = dpo_erasure_format_date (c->hold->until);
      /* Translators: the hold's end date */
      return g_strdup_printf (_("a legal hold keeps the data until %s (GDPR Art. 17(3)(b) and (e))"),
                              end);
    case DPO_ERASURE_ALLOWED:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* When the day of release comes from another constraint than the rule's
 * (a hold outlasting a contract), or there is none. */
static char *
describe_release (const Constraint *binding,
                  const Constraint *ruling,
                  const char       *earliest)
{
  g_autofree char *date = dpo_erasure_format_date (earliest);
  g_autofree char *until = NULL;

  if (binding != ruling && binding->hold != NULL)
    {
      if (earliest == NULL)
        return g_strdup (_("; a legal hold also keeps the data until it is lifted, so no date can be "
                           "given yet."));
      until = dpo_erasure_format_date (binding->hold->until);
      /* Translators: the hold's end date, the day erasure becomes possible */
      return g_strdup_printf (_("; a legal hold also keeps the data until %s: erasure becomes "
                                "possible on %s."), until, date);
    }
  if (earliest != NULL)
    /* Translators: %s is the day erasure becomes possible ("1 April 2029") */
    return g_strdup_printf (_("; erasure becomes possible on %s."), date);
  if (binding->hold != NULL)
    return g_strdup (_("; no date can be given until the hold is lifted."));
  return g_strdup (_("; no date can be given while the contract has no end date."));
}

DpoErasureVerdict *
dpo_erasure_verdict_new (const DpoSubject *subject,
                         const char       *today,
                         guint             retention_years)
{
  g_autoptr(GArray) constraints = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *release = NULL;
  DpoErasureVerdict *verdict;
  const Constraint *ruling = NULL;
  const Constraint *binding = NULL;

  g_return_val_if_fail (subject != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  verdict = g_new0 (DpoErasureVerdict, 1);
  verdict->rule = DPO_ERASURE_ALLOWED;
  constraints = list_constraints (subject, retention_years);
  for (guint i = 0; i < constraints->len; i++)
    {
      const Constraint *c = &g_array_index (constraints, Constraint, i);
      DpoErasureRule rule;

      if (!applies (c, today))
        continue;
      if (binding == NULL || releases_later (c->release, binding->release))
        binding = c;
      /* The first rule that applies names the refusal; among contracts,
       * the one that keeps the data longest. */
      rule = c->hold != NULL ? DPO_ERASURE_HOLD
           : dpo_contract_is_active_on (c->contract, today) ? DPO_ERASURE_ACTIVE_CONTRACT
           : DPO_ERASURE_RETENTION;
      if (verdict->rule == DPO_ERASURE_ALLOWED || rule < verdict->rule ||
          (rule == verdict->rule && releases_later (c->release, ruling->release)))
        {
          verdict->rule = rule;
          ruling = c;
        }
    }
  if (verdict->rule == DPO_ERASURE_ALLOWED)
    return verdict;

  verdict->earliest = g_strdup (binding->release);
  if (ruling->contract != NULL)
    verdict->contract_number = g_strdup (ruling->contract->number);
  clause = describe_rule (subject, ruling, verdict->rule, retention_years);
  release = describe_release (binding, ruling, verdict->earliest);
  /* Translators: why erasure is refused, then when it becomes possible */
  verdict->reason = g_strdup_printf (_("Erasure refused: %s%s"), clause, release);
  return verdict;
}

DpoErasureVerdict *
dpo_erasure_verdict_at (const DpoSubject *subject,
                        GDateTime        *now,
                        guint             retention_years)
{
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (now != NULL, NULL);

  dpo_time_get_local_date (now, &date);
  today = dpo_date_to_iso (&date);
  return dpo_erasure_verdict_new (subject, today, retention_years);
}

void
dpo_erasure_verdict_free (DpoErasureVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_free (verdict->contract_number);
  g_free (verdict->earliest);
  g_free (verdict->reason);
  g_free (verdict);
}

gboolean
dpo_erasure_check_retention_years (gint64   years,
                                   GError **error)
{
  if (years >= 0 && years <= DPO_RETENTION_MAX_YEARS)
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
               /* Translators: the number given, then the largest allowed */
               _("Retention after a contract ends: %lld is not a number of years the "
                 "law knows; give a whole number from 0 to %d (Code de la mutualité L221-11: claims "
                 "are time-barred after 2 years, 5 or 10 for some)."),
               (long long) years, DPO_RETENTION_MAX_YEARS);
  return FALSE;
}
