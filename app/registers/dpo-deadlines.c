/* dpo-deadlines.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-computed.h"
#include "dpo-deadlines.h"
#include "dpo-due-date.h"
#include "dpo-store-cursor.h"
#include "dpo-time.h"

typedef struct
{
  DpoIncident *incident;
  GDateTime   *deadline;
  gboolean     overdue;
} CnilClock;

static void
cnil_clock_free (gpointer data)
{
  CnilClock *clock = data;

  dpo_incident_free (clock->incident);
  g_date_time_unref (clock->deadline);
  g_free (clock);
}

static int
compare_clocks (gconstpointer a,
                gconstpointer b)
{
  const CnilClock *x = *(CnilClock **) a;
  const CnilClock *y = *(CnilClock **) b;

  return g_date_time_compare (x->deadline, y->deadline);
}

/* The incident register is short: its running clocks fit in memory. */
static GPtrArray *
running_cnil_clocks (DpoStore  *store,
                     GDateTime *now)
{
  GPtrArray *clocks = g_ptr_array_new_with_free_func (cnil_clock_free);
  g_autoptr(DpoStoreCursor) cursor = NULL;
  DpoIncident *incident;

  cursor = dpo_store_cursor_incidents (store, DPO_STORE_ORDER_ID, FALSE, NULL);
  if (cursor == NULL)
    return clocks;
  while ((incident = dpo_store_cursor_next_incident (cursor, NULL)) != NULL)
    {
      DpoCnilStatus status = dpo_incident_get_cnil_status (incident, now);
      CnilClock *clock;

      if (status != DPO_CNIL_PENDING && status != DPO_CNIL_OVERDUE)
        {
          dpo_incident_free (incident);
          continue;
        }
      clock = g_new0 (CnilClock, 1);
      clock->incident = incident;
      clock->deadline = dpo_cnil_deadline (incident->aware_at);
      clock->overdue = status == DPO_CNIL_OVERDUE;
      g_ptr_array_add (clocks, clock);
    }
  g_ptr_array_sort (clocks, compare_clocks);
  return clocks;
}

static gboolean
emit_clock (CnilClock       *clock,
            DpoDeadlineFunc  func,
            gpointer         user_data)
{
  DpoDeadline deadline = {
    DPO_DEADLINE_CNIL, clock->incident->id, clock->incident->title, NULL,
    clock->deadline, clock->overdue, FALSE, { 0 }, FALSE, clock->incident->aware_at
  };

  return func (&deadline, user_data);
}

void
dpo_deadlines_foreach (DpoStore        *store,
                       DpoDeadlineFunc  func,
                       gpointer         user_data)
{
  g_autoptr(DpoStoreSnapshot) snapshot = NULL;
  g_autoptr(DpoStoreCursor) cursor = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) clocks = NULL;
  const DpoRequestRow *row;
  /* Rows come by due date: many in a row share it, and making the end of
   * a local day looks the time zone up again each time. */
  g_autoptr(GDateTime) due = NULL;
  GDate due_on;
  GDate today;
  guint next_clock = 0;
  gboolean go_on = TRUE;
  gboolean alsace_moselle;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (func != NULL);

  g_date_clear (&due_on, 1);
  now = dpo_store_dup_now (store);
  dpo_time_get_local_date (now, &today);
  snapshot = dpo_store_snapshot_begin (store);
  alsace_moselle = dpo_store_get_alsace_moselle (store);
  clocks = running_cnil_clocks (store, now);

  cursor = dpo_store_cursor_request_rows (store, DPO_STORE_ORDER_DUE, NULL);
  while (go_on && cursor != NULL && (row = dpo_store_cursor_next_request_row (cursor, NULL)) != NULL)
    {
      g_autofree char *person = NULL;
      g_autoptr(GDateTime) received = NULL;
      GDate row_due_on;
      GDate received_on;

      dpo_date_parse (row->current_due_on, &row_due_on, NULL);
      if (due == NULL || g_date_compare (&row_due_on, &due_on) != 0)
        {
          due_on = row_due_on;
          g_clear_pointer (&due, g_date_time_unref);
          due = dpo_time_end_of_local_day (&due_on);
        }
      received = g_date_time_new_from_unix_utc (row->received_at);
      dpo_time_get_local_date (received, &received_on);
      if (row->person != NULL)
        person = g_strconcat (row->first_name, " ", row->last_name, NULL);

      while (go_on && next_clock < clocks->len &&
             g_date_time_compare (((CnilClock *) g_ptr_array_index (clocks, next_clock))->deadline, due) <= 0)
        go_on = emit_clock (g_ptr_array_index (clocks, next_clock++), func, user_data);
      if (go_on)
        {
          DpoDeadline deadline = {
            DPO_DEADLINE_REQUEST, row->id, row->kind,
            person != NULL ? person : row->requester_name,
            due, g_date_compare (&due_on, &today) < 0,
            row->extension_notified_at != DPO_STORE_NO_TIME,
            received_on, alsace_moselle, NULL
          };

          go_on = func (&deadline, user_data);
        }
    }

  while (go_on && next_clock < clocks->len)
    go_on = emit_clock (g_ptr_array_index (clocks, next_clock++), func, user_data);
}

static char **
explain_cnil (const DpoDeadline *deadline)
{
  g_autofree char *aware = dpo_time_format_display (deadline->aware_at);
  g_autofree char *due = dpo_time_format_display (deadline->due);
  char **phrases = g_new0 (char *, 3);

  /* TRANSLATORS: "aware 29 Jan 2024 10:00" (the incident) */
  phrases[0] = g_strdup_printf (_("aware %s"), aware);
  /* TRANSLATORS: "72 hours later: 1 Feb 2024 10:00, the CNIL notification deadline" */
  phrases[1] = g_strdup_printf (_("%d hours later: %s, the CNIL notification deadline"),
                                DPO_CNIL_DELAY_HOURS, due);
  return phrases;
}

char **
dpo_deadline_explain (const DpoDeadline *deadline)
{
  g_autoptr(GArray) steps = NULL;

  g_return_val_if_fail (deadline != NULL, NULL);

  if (deadline->kind == DPO_DEADLINE_CNIL)
    return explain_cnil (deadline);

  steps = dpo_request_explain_due (&deadline->received_on, deadline->extended,
                                   deadline->alsace_moselle);
  return dpo_due_steps_describe (steps);
}
