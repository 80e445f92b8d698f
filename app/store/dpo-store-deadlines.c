/* dpo-store-deadlines.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-due-date.h"
#include "dpo-store-deadlines.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* "YYYY-MM-DD" of the local calendar day @days_ahead after @now's. */
char *
_dpo_local_date_text (GDateTime *now,
                      int        days_ahead)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) later = g_date_time_add_days (local, days_ahead);

  return g_date_time_format (later, "%Y-%m-%d");
}

typedef struct
{
  DpoIncident *incident;
  GDateTime   *deadline;
  gboolean     overdue;
} CnilClock;

static void
cnil_clock_free (CnilClock *clock)
{
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
running_cnil_clocks (DpoStore  *self,
                     GDateTime *now)
{
  GPtrArray *clocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cnil_clock_free);
  sqlite3_stmt *stmt = _dpo_store_prepare (self, "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i", NULL);

  if (stmt == NULL)
    return clocks;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DpoIncident *incident = _dpo_incident_from_row (stmt);
      DpoCnilStatus status = dpo_cnil_status (incident->risk, incident->aware_at,
                                              incident->cnil_notified_at, now);
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
  sqlite3_reset (stmt);
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
    clock->deadline, clock->overdue, FALSE
  };

  return func (&deadline, user_data);
}

static GDateTime *
end_of_day (const char *date_text)
{
  GDate date;

  dpo_date_parse (date_text, &date, NULL);
  return dpo_time_end_of_local_day (&date);
}

/* "Open" comes from the core: see _dpo_sql_open_statuses(). */
static const char *
open_requests_sql (void)
{
  static const char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *text =
        g_strdup_printf ("SELECT r.id, r.kind, s.first_name || ' ' || s.last_name, r.requester_name, "
                         "r.current_due_on, r.extension_notified_at IS NOT NULL FROM requests r "
                         "LEFT JOIN subjects s ON s.pk = r.subject WHERE r.status IN %s "
                         "ORDER BY r.current_due_on, r.pk", _dpo_sql_open_statuses ());
      g_once_init_leave (&sql, g_intern_string (text));
    }
  return sql;
}

static const char *
count_due_sql (void)
{
  static const char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autofree char *text =
        g_strdup_printf ("SELECT count(*) FILTER (WHERE current_due_on < ?1), "
                         "count(*) FILTER (WHERE current_due_on >= ?1 AND current_due_on <= ?2) "
                         "FROM requests WHERE status IN %s", _dpo_sql_open_statuses ());
      g_once_init_leave (&sql, g_intern_string (text));
    }
  return sql;
}

void
dpo_store_foreach_deadline (DpoStore        *self,
                            DpoDeadlineFunc  func,
                            gpointer         user_data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) clocks = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  guint next_clock = 0;
  gboolean go_on = TRUE;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (func != NULL);

  now = dpo_store_dup_now (self);
  today = _dpo_local_date_text (now, 0);
  clocks = running_cnil_clocks (self, now);

  stmt = _dpo_store_prepare (self, open_requests_sql (), NULL);
  if (stmt == NULL)
    return;

  while (go_on && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *due_text = (const char *) sqlite3_column_text (stmt, 4);
      g_autoptr(GDateTime) due = end_of_day (due_text);
      const char *person = (const char *) sqlite3_column_text (stmt, 2);
      DpoDeadline deadline = {
        DPO_DEADLINE_REQUEST, (const char *) sqlite3_column_text (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1),
        person != NULL ? person : (const char *) sqlite3_column_text (stmt, 3),
        due, strcmp (due_text, today) < 0, sqlite3_column_int (stmt, 5)
      };

      while (go_on && next_clock < clocks->len &&
             g_date_time_compare (((CnilClock *) g_ptr_array_index (clocks, next_clock))->deadline, due) <= 0)
        go_on = emit_clock (g_ptr_array_index (clocks, next_clock++), func, user_data);
      if (go_on)
        go_on = func (&deadline, user_data);
    }
  sqlite3_reset (stmt);

  while (go_on && next_clock < clocks->len)
    go_on = emit_clock (g_ptr_array_index (clocks, next_clock++), func, user_data);
}

void
dpo_store_count_due (DpoStore *self,
                     guint     days,
                     guint    *overdue,
                     guint    *due_soon)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *horizon = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (DPO_IS_STORE (self));

  now = dpo_store_dup_now (self);
  today = _dpo_local_date_text (now, 0);
  horizon = _dpo_local_date_text (now, days);
  *overdue = *due_soon = 0;

  stmt = _dpo_store_prepare (self, count_due_sql (), NULL);
  if (stmt == NULL)
    return;
  _dpo_bind_text (stmt, 1, today);
  _dpo_bind_text (stmt, 2, horizon);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *overdue = sqlite3_column_int (stmt, 0);
      *due_soon = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}
