/* dpo-store-agenda.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-computed.h"
#include "dpo-store-agenda.h"
#include "dpo-store-deadlines.h"
#include "dpo-store-private.h"

void
dpo_agenda_free (DpoAgenda *agenda)
{
  if (agenda == NULL)
    return;
  g_clear_pointer (&agenda->running, g_ptr_array_unref);
  g_clear_pointer (&agenda->overdue_clocks, g_ptr_array_unref);
  g_clear_pointer (&agenda->missing_reason, g_ptr_array_unref);
  g_clear_pointer (&agenda->overdue, g_ptr_array_unref);
  g_clear_pointer (&agenda->due_soon, g_ptr_array_unref);
  g_free (agenda);
}

/* The incidents whose clock may still ask something of the DPO: a risk
 * that needs the CNIL, and no initial CNIL notification sent by "now" (?1,
 * the same "now" dpo_incident_get_cnil_status() is given) or no delay
 * reason. Few rows (incidents, not requests); which of them is running,
 * overdue or late is the core's rule, dpo_incident_get_cnil_status(), not
 * copied here. Oldest awareness first: the soonest deadline first. */
static const char *
incidents_sql (void)
{
  static const char *sql;

  return _dpo_sql_once (&sql, "SELECT * FROM (SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i"
                        " WHERE i.risk != '%s') i"
                        " WHERE first_cnil IS NULL OR first_cnil > ?1"
                        " OR coalesce (trim (delay_reason), '') = ''"
                        " ORDER BY aware_at, pk",
                        dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE));
}

/* Open requests in a range of current due dates, soonest first, from the
 * partial index requests_open_due, named so that SQLite walks it in order
 * rather than sort every overdue request ("open" comes from the core, see
 * _dpo_sql_open_statuses()). ?1 and ?2 bound the dates, ?3 the rows. A
 * server has no INDEXED BY: its planner finds the index by itself. */
static const char *
requests_sql (DpoSqlEngine engine)
{
  static const char *sql, *pg_sql;

  if (engine == DPO_SQL_POSTGRESQL)
    return _dpo_sql_once (&pg_sql, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r"
                          " LEFT JOIN subjects s ON s.pk = r.subject"
                          " WHERE r.status IN %s AND r.current_due_on >= ?1"
                          " AND r.current_due_on <= ?2"
                          " ORDER BY r.current_due_on, r.pk LIMIT ?3",
                          _dpo_sql_open_statuses ());
  return _dpo_sql_once (&sql, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r INDEXED BY requests_open_due"
                        " LEFT JOIN subjects s ON s.pk = r.subject"
                        " WHERE r.status IN %s AND r.current_due_on >= ?1"
                        " AND r.current_due_on <= ?2"
                        " ORDER BY r.current_due_on, r.pk LIMIT ?3",
                        _dpo_sql_open_statuses ());
}

static void
add_bounded (GPtrArray *rows,
             guint     *count,
             guint      limit,
             gpointer   row,
             GDestroyNotify free_func)
{
  (*count)++;
  if (rows->len < limit)
    g_ptr_array_add (rows, row);
  else
    free_func (row);
}

static void
read_incidents (DpoStore  *self,
                GDateTime *now,
                guint      limit,
                DpoAgenda *agenda)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, incidents_sql (), NULL);

  if (stmt == NULL)
    return;
  _dpo_bind_time (stmt, 1, now);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoIncident *incident = _dpo_incident_from_row (stmt);
      gboolean no_reason = incident->delay_reason == NULL || *g_strstrip (incident->delay_reason) == '\0';

      switch (dpo_incident_get_cnil_status (incident, now))
        {
        case DPO_CNIL_PENDING:
          add_bounded (agenda->running, &agenda->n_running, limit, incident,
                       (GDestroyNotify) dpo_incident_free);
          break;
        case DPO_CNIL_OVERDUE:
          add_bounded (agenda->overdue_clocks, &agenda->n_overdue_clocks, limit, incident,
                       (GDestroyNotify) dpo_incident_free);
          break;
        case DPO_CNIL_LATE:
          if (no_reason)
            {
              add_bounded (agenda->missing_reason, &agenda->n_missing_reason, limit, incident,
                           (GDestroyNotify) dpo_incident_free);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case DPO_CNIL_NOT_REQUIRED:
        case DPO_CNIL_ON_TIME:
        case DPO_N_CNIL_STATUSES:
        default:
          dpo_incident_free (incident);
        }
    }
  dpo_sql_reset (stmt);
}

static void
read_requests (DpoStore   *self,
               const char *from,
               const char *to,
               guint       limit,
               GPtrArray  *rows)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, requests_sql (_dpo_store_get_engine (self)), NULL);

  if (stmt == NULL)
    return;
  _dpo_bind_text (stmt, 1, from);
  _dpo_bind_text (stmt, 2, to);
  dpo_sql_bind_int64 (stmt, 3, limit);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_ptr_array_add (rows, _dpo_request_from_row (stmt));
  dpo_sql_reset (stmt);
}

DpoAgenda *
dpo_store_read_agenda (DpoStore *self,
                       guint     days,
                       guint     limit)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *today = NULL;
  g_autofree char *horizon = NULL;
  DpoAgenda *agenda;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  agenda = g_new0 (DpoAgenda, 1);
  agenda->running = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_incident_free);
  agenda->overdue_clocks = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_incident_free);
  agenda->missing_reason = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_incident_free);
  agenda->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_request_free);
  agenda->due_soon = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_request_free);

  now = dpo_store_dup_now (self);
  read_incidents (self, now, limit, agenda);

  /* The same days as dpo_store_count_due(), which gives the totals. */
  yesterday = _dpo_local_date_text (now, -1);
  today = _dpo_local_date_text (now, 0);
  horizon = _dpo_local_date_text (now, days);
  read_requests (self, "", yesterday, limit, agenda->overdue);
  read_requests (self, today, horizon, limit, agenda->due_soon);
  dpo_store_count_due (self, days, &agenda->n_overdue, &agenda->n_due_soon);

  return agenda;
}
