/* dpo-store-lists.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "dpo-computed.h"
#include "dpo-due-date.h"
#include "dpo-enums.h"
#include "dpo-paged-model-private.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* "Open" (received, in progress) as SQL: "('received', 'in_progress')",
 * generated from dpo_request_status_is_open(). A generated expression, not a
 * bound parameter: SQLite uses the partial index requests_open_due only when
 * the query names its statuses literally. tests/test-rules.c checks that the
 * index says the same. */
const char *
_dpo_sql_open_statuses (void)
{
  static const char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GString) text = g_string_new ("(");

      for (int status = 0; status < DPO_N_REQUEST_STATUSES; status++)
        if (dpo_request_status_is_open (status))
          g_string_append_printf (text, "%s'%s'", text->len > 1 ? ", " : "",
                                  dpo_enum_word (DPO_ENUM_REQUEST_STATUS, status));
      g_string_append_c (text, ')');
      g_once_init_leave (&sql, g_intern_string (text->str));
    }
  return sql;
}

const char *
_dpo_sql_once (const char **slot,
               const char  *format,
               ...)
{
  if (g_once_init_enter (slot))
    {
      g_autofree char *text = NULL;
      va_list args;

      va_start (args, format);
      text = g_strdup_vprintf (format, args);
      va_end (args);
      g_once_init_leave (slot, g_intern_string (text));
    }
  return *slot;
}

/* Searches on the big tables look in the search index (dpo-store-search.c):
 * every word of three characters or more, folded, found anywhere in a
 * name, number or reference ("lefevre" finds Lefèvre, "104233" finds
 * MB-104233). A search of shorter words only ("Li", "R") has no trigram to
 * look up: it stays a prefix match ("Mart" finds Martin) that SQLite
 * answers from the NOCASE indexes; % and _ are dropped from the text so the
 * pattern stays a plain prefix. NULL when there is nothing to search. */
static char *
prefix_pattern (const char *search)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = search; p != NULL && *p != '\0'; p++)
    if (*p != '%' && *p != '_' && *p != '\\')
      g_string_append_c (pattern, *p);
  g_strstrip (pattern->str);
  pattern->len = strlen (pattern->str);
  if (pattern->len == 0)
    {
      g_string_free (pattern, TRUE);
      return NULL;
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

guint
dpo_store_count_incidents (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), 0);
  return (guint) _dpo_store_query_int (self, "SELECT count(*) FROM incidents");
}

guint
dpo_store_count_subjects (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), 0);
  return (guint) _dpo_store_query_int (self, "SELECT count(*) FROM subjects");
}

guint
dpo_store_count_requests (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), 0);
  return (guint) _dpo_store_query_int (self, "SELECT count(*) FROM requests");
}

static gpointer
read_incident (DpoSqlStmt *stmt)
{
  return _dpo_incident_from_row (stmt);
}

static gpointer
read_subject (DpoSqlStmt *stmt)
{
  return _dpo_subject_from_row (stmt);
}

static gpointer
read_request (DpoSqlStmt *stmt)
{
  return _dpo_request_from_row (stmt);
}

/* The incident register is short (a few per year): a substring search over
 * reference, title and processor is instant without an index. The most
 * urgent first: clocks still running (soonest deadline first), then late
 * notifications whose delay reason is still missing, then the rest by
 * awareness, newest first. Times are stored as UTC text, which SQLite's date
 * functions read. The rules in it are not copied: the notification that
 * stops the clock is DPO_INCIDENT_COLUMNS' first_cnil; the risk that needs
 * no notification and the 72 hours are pasted in from the core
 * (dpo-enums.h, dpo-due-date.h). */
#define INCIDENT_MATCH \
  " WHERE ?1 IS NULL OR instr (lower (i.id || ' ' || i.title || ' ' || coalesce (i.processor, '')), lower (?1)) > 0"
/* The same on a server: strpos for instr, and the 72 hours added by
 * PostgreSQL's own date arithmetic. */
#define INCIDENT_MATCH_PG \
  " WHERE ?1::text IS NULL OR strpos (lower (i.id || ' ' || i.title || ' ' || coalesce (i.processor, '')), lower (?1)) > 0"

static const char *
incident_page_sql (DpoSqlEngine engine)
{
  static const char *sql, *pg_sql;
  const char *first_cnil = "first_cnil";  /* a column of DPO_INCIDENT_COLUMNS */

  if (engine == DPO_SQL_POSTGRESQL)
    /* The server orders by output columns only by their bare names:
     * first_cnil is a column of the derived table here. */
    return _dpo_sql_once (&pg_sql,
                          "SELECT * FROM (SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i"
                          INCIDENT_MATCH_PG ") i"
                          " ORDER BY CASE WHEN i.risk = '%s' THEN 2"
                          " WHEN %s IS NULL OR %s > ?2 THEN 0"
                          " WHEN coalesce (trim (i.delay_reason), '') = '' AND %s"
                          " > to_char ((i.aware_at::timestamptz + make_interval (hours => %d))"
                          " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                          " THEN 1 ELSE 2 END,"
                          " CASE WHEN i.risk != '%s' AND (%s IS NULL OR %s > ?2) THEN i.aware_at END ASC,"
                          " i.aware_at DESC, i.pk DESC LIMIT ?3 OFFSET ?4",
                          dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE), first_cnil, first_cnil, first_cnil,
                          DPO_CNIL_DELAY_HOURS,
                          dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE), first_cnil, first_cnil);
  return _dpo_sql_once (&sql,
                        "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i" INCIDENT_MATCH
                        " ORDER BY CASE WHEN i.risk = '%s' THEN 2"
                        " WHEN %s IS NULL OR %s > ?2 THEN 0"
                        " WHEN coalesce (trim (i.delay_reason), '') = '' AND %s"
                        " > strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', i.aware_at, '+%d hours')"
                        " THEN 1 ELSE 2 END,"
                        " CASE WHEN i.risk != '%s' AND (%s IS NULL OR %s > ?2) THEN i.aware_at END ASC,"
                        " i.aware_at DESC, i.pk DESC LIMIT ?3 OFFSET ?4",
                        dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE), first_cnil, first_cnil, first_cnil,
                        DPO_CNIL_DELAY_HOURS,
                        dpo_enum_word (DPO_ENUM_RISK, DPO_RISK_NONE), first_cnil, first_cnil);
}

GListModel *
dpo_store_list_incidents (DpoStore   *self,
                          const char *search)
{
  g_autofree char *text = g_strstrip (g_strdup (search != NULL ? search : ""));
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  const char *params[2];
  gboolean server;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  /* ?2: a notification sent after "now" has not stopped the clock yet
   * (dpo_incident_get_cnil_status()). The count's SQL has no ?2: SQLite
   * refuses that binding (SQLITE_RANGE) and counts all the same. */
  now = dpo_store_dup_now (self);
  now_text = dpo_time_to_storage (now);
  params[0] = *text != '\0' ? text : NULL;
  params[1] = now_text;
  server = _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL;
  return G_LIST_MODEL (dpo_paged_model_new (self,
                                            server ? "SELECT count(*) FROM incidents i" INCIDENT_MATCH_PG
                                                   : "SELECT count(*) FROM incidents i" INCIDENT_MATCH,
                                            incident_page_sql (_dpo_store_get_engine (self)),
                                            DPO_TYPE_INCIDENT_RECORD, read_incident, params, 2));
}

/* ?1 the prefix pattern, ?2 the same without spaces for the NIR (written
 * "2 78 04 ..." or "27804..."): a pattern computed in SQL would keep
 * SQLite from the NIR index, and the whole search would scan the table. */
#define SUBJECT_MATCH \
  " WHERE s.last_name LIKE ?1 OR s.first_name LIKE ?1 OR s.member_number LIKE ?1" \
  " OR s.nir LIKE ?2 OR s.id LIKE ?1"
#define SUBJECT_INDEXED \
  " WHERE s.pk IN (SELECT rowid FROM subjects_search WHERE subjects_search MATCH ?1)"
#define SUBJECT_ORDER \
  " ORDER BY s.last_name COLLATE NOCASE, s.first_name COLLATE NOCASE, s.pk LIMIT ?3 OFFSET ?4"
/* The same on a server, whose LIKE minds case and which has no NOCASE: the
 * lower () indexes instead; ?1 and ?2 of the index search are the
 * patterns of _dpo_store_search_patterns(), found by pg_trgm's index. */
#define SUBJECT_MATCH_PG \
  " WHERE lower (s.last_name) LIKE lower (?1) OR lower (s.first_name) LIKE lower (?1)" \
  " OR lower (s.member_number) LIKE lower (?1) OR lower (s.nir) LIKE lower (?2)" \
  " OR lower (s.id) LIKE lower (?1)"
#define SEARCH_TEXT_PG "text LIKE ANY (?1::text[]) AND text LIKE ALL (?2::text[])"
#define SUBJECT_INDEXED_PG \
  " WHERE s.pk IN (SELECT rowid FROM subjects_search WHERE " SEARCH_TEXT_PG ")"
#define SUBJECT_ORDER_PG \
  " ORDER BY lower (s.last_name), lower (s.first_name), s.pk LIMIT ?3 OFFSET ?4"

static char *
nir_pattern (const char *pattern)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; p != NULL && *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

GListModel *
dpo_store_list_subjects (DpoStore   *self,
                         const char *search)
{
  g_autofree char *match = _dpo_store_search_match (search);
  g_autofree char *pattern = prefix_pattern (search);
  g_autofree char *nir = nir_pattern (pattern);
  const char *params[] = { pattern, nir };

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  if (_dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL)
    {
      g_autofree char *any = NULL;
      g_autofree char *all = NULL;

      if (_dpo_store_search_patterns (search, &any, &all))
        {
          const char *match_params[] = { any, all };

          return G_LIST_MODEL (dpo_paged_model_new (self,
                                                    "SELECT count(*) FROM subjects s" SUBJECT_INDEXED_PG,
                                                    "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                                    SUBJECT_INDEXED_PG SUBJECT_ORDER_PG,
                                                    DPO_TYPE_SUBJECT_RECORD, read_subject, match_params, 2));
        }
      return G_LIST_MODEL (dpo_paged_model_new (self,
                                                pattern == NULL ? "SELECT count(*) FROM subjects"
                                                : "SELECT count(*) FROM subjects s" SUBJECT_MATCH_PG,
                                                pattern == NULL
                                                ? "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                                  SUBJECT_ORDER_PG
                                                : "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                                  SUBJECT_MATCH_PG SUBJECT_ORDER_PG,
                                                DPO_TYPE_SUBJECT_RECORD, read_subject, params, 2));
    }

  if (match != NULL)
    {
      const char *match_params[] = { match, NULL };

      return G_LIST_MODEL (dpo_paged_model_new (self,
                                                "SELECT count(*) FROM subjects s" SUBJECT_INDEXED,
                                                "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                                SUBJECT_INDEXED SUBJECT_ORDER,
                                                DPO_TYPE_SUBJECT_RECORD, read_subject, match_params, 2));
    }
  if (pattern == NULL)
    return G_LIST_MODEL (dpo_paged_model_new (self,
                                              "SELECT count(*) FROM subjects",
                                              "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                              SUBJECT_ORDER,
                                              DPO_TYPE_SUBJECT_RECORD, read_subject, params, 2));

  return G_LIST_MODEL (dpo_paged_model_new (self,
                                            "SELECT count(*) FROM subjects s" SUBJECT_MATCH,
                                            "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s"
                                            SUBJECT_MATCH SUBJECT_ORDER,
                                            DPO_TYPE_SUBJECT_RECORD, read_subject, params, 2));
}

/* Requests: ?1 the search pattern, ?2 its NIR form, ?3 a status, ?4 a
 * kind, ?5 and ?6 the due-date range; LIMIT ?7 OFFSET ?8. Each combination
 * of filters gets SQL of its own, holding only the conditions in use, so
 * that SQLite can plan with the indexes (a condition such as "?3 IS NULL OR
 * r.status = ?3" is evaluated on every row of a million). The SQL is
 * interned: the paged model and the statement cache keep it, and each
 * variant is prepared once.
 *
 * Without a search, the rows come in due-date order from an index that
 * holds the filter: requests_open_due (open requests, overdue, due soon),
 * requests_status_due, requests_kind_due or requests_due.
 *
 * A search collects the matching keys and due dates from the indexes (by
 * reference, requester, or person: requests_subject holds each person's
 * statuses and due dates), sorts out one page of them, and reads only that
 * page's rows: searching "Martin" in a million requests reads a hundred.
 * A broad search ("R", "2"), more than DPO_STORE_SEARCH_LIMIT matches,
 * lists the DPO_STORE_SEARCH_LIMIT due soonest, read in due-date order:
 * matches are many, so each page stops early. */

#define SUBJECT_MATCH_KEYS \
  "SELECT s2.pk FROM subjects s2 WHERE s2.last_name LIKE ?1 OR s2.first_name LIKE ?1" \
  " OR s2.member_number LIKE ?1 OR s2.nir LIKE ?2 OR s2.id LIKE ?1"

/* The same through the search index, ?1 its MATCH expression. */
#define REQUEST_INDEXED_KEYS "SELECT rowid FROM requests_search WHERE requests_search MATCH ?1"
#define SUBJECT_INDEXED_KEYS "SELECT rowid FROM subjects_search WHERE subjects_search MATCH ?1"

/* On a server: LIKE minds case there, so the prefix search compares
 * lower () (the server's indexes), and the index search is pg_trgm's
 * (SEARCH_TEXT_PG, ?1 and ?2 from _dpo_store_search_patterns()). */
#define SUBJECT_MATCH_KEYS_PG \
  "SELECT s2.pk FROM subjects s2 WHERE lower (s2.last_name) LIKE lower (?1)" \
  " OR lower (s2.first_name) LIKE lower (?1) OR lower (s2.member_number) LIKE lower (?1)" \
  " OR lower (s2.nir) LIKE lower (?2) OR lower (s2.id) LIKE lower (?1)"
#define REQUEST_INDEXED_KEYS_PG "SELECT rowid FROM requests_search WHERE " SEARCH_TEXT_PG
#define SUBJECT_INDEXED_KEYS_PG "SELECT rowid FROM subjects_search WHERE " SEARCH_TEXT_PG

typedef struct
{
  gboolean    server;        /* PostgreSQL's SQL, not SQLite's */
  gboolean    search;
  gboolean    indexed;       /* ?1 is a MATCH expression, not a prefix pattern */
  gboolean    broad;
  gboolean    open;          /* received or in progress */
  gboolean    status;        /* one status, ?3 */
  gboolean    kind;          /* ?4 */
  DpoUrgency  urgency;
} RequestQuery;

/* " AND status = ?3 AND ..." for the columns of @table ("r.", "" or, to
 * keep SQLite from the filters' indexes when a search's is better, "+"). */
static void
append_filters (GString            *sql,
                const RequestQuery *q,
                const char         *table)
{
  if (q->open)
    g_string_append_printf (sql, " AND %sstatus IN %s", table, _dpo_sql_open_statuses ());
  if (q->status)
    g_string_append_printf (sql, " AND %sstatus = ?3", table);
  if (q->kind)
    g_string_append_printf (sql, " AND %skind = ?4", table);
  if (q->urgency == DPO_URGENCY_OVERDUE)
    g_string_append_printf (sql, " AND %scurrent_due_on <= ?6", table);
  else if (q->urgency == DPO_URGENCY_DUE_SOON)
    g_string_append_printf (sql, " AND %scurrent_due_on BETWEEN ?5 AND ?6", table);
}

/* The matching requests, filters applied in each branch: (pk, due). With
 * @all, UNION ALL (streams; a request matching twice comes twice). */
static void
append_matches (GString            *sql,
                const RequestQuery *q,
                gboolean            all)
{
  static const char * const prefix_branches[] = {
    "id LIKE ?1", "requester_name LIKE ?1", "subject IN (" SUBJECT_MATCH_KEYS ")", NULL,
  };
  /* The reference and requester are in one index entry. */
  static const char * const indexed_branches[] = {
    "pk IN (" REQUEST_INDEXED_KEYS ")", "subject IN (" SUBJECT_INDEXED_KEYS ")", NULL,
  };
  static const char * const prefix_branches_pg[] = {
    "lower (id) LIKE lower (?1)", "lower (requester_name) LIKE lower (?1)",
    "subject IN (" SUBJECT_MATCH_KEYS_PG ")", NULL,
  };
  static const char * const indexed_branches_pg[] = {
    "pk IN (" REQUEST_INDEXED_KEYS_PG ")", "subject IN (" SUBJECT_INDEXED_KEYS_PG ")", NULL,
  };
  const char * const *branches = q->server ? (q->indexed ? indexed_branches_pg : prefix_branches_pg)
                                           : (q->indexed ? indexed_branches : prefix_branches);
  guint n_own = q->indexed ? 1 : 2;  /* the branches on the request's own columns */

  for (guint i = 0; branches[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, all ? " UNION ALL " : " UNION ");
      g_string_append_printf (sql, "SELECT pk, current_due_on AS due FROM requests WHERE %s",
                              branches[i]);
      /* By reference or requester, the search's own index is the narrow
       * one; by person, requests_subject holds status and due date too.
       * (The server plans by its statistics, and has no unary + on text.) */
      append_filters (sql, q, i < n_own && !q->server ? "+" : "");
    }
}

static const char *
ordered_index (const RequestQuery *q)
{
  if (q->open)
    return "requests_open_due";
  if (q->status)
    return "requests_status_due";
  if (q->kind)
    return "requests_kind_due";
  return "requests_due";
}

static const char *
request_count_sql (const RequestQuery *q)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  if (!q->search)
    {
      g_autoptr(GString) filters = g_string_new (NULL);

      /* SQLite counts from the smallest index that holds the filters (and,
       * without a WHERE clause at all, from its pages alone). */
      append_filters (filters, q, "r.");
      g_string_append (sql, "SELECT count(*) FROM requests r");
      if (filters->len > 0)
        g_string_append_printf (sql, " WHERE %s", filters->str + strlen (" AND "));
    }
  else if (!q->broad)
    {
      g_string_append (sql, "SELECT count(*) FROM (");
      append_matches (sql, q, FALSE);
      g_string_append (sql, ") m");
    }
  else
    {
      g_string_append (sql, "SELECT count(*) FROM (SELECT DISTINCT pk FROM (");
      append_matches (sql, q, TRUE);
      g_string_append (sql, ") a LIMIT " G_STRINGIFY (DPO_STORE_SEARCH_LIMIT) ") m");
    }
  return g_intern_string (sql->str);
}

static const char *
request_page_sql (const RequestQuery *q)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " DPO_REQUEST_COLUMNS " FROM ");

  if (q->search && !q->broad)
    {
      g_string_append (sql, "(SELECT pk, due FROM (");
      append_matches (sql, q, FALSE);
      g_string_append (sql, ") a ORDER BY due, pk LIMIT ?7 OFFSET ?8) m"
                            " JOIN requests r ON r.pk = m.pk"
                            " LEFT JOIN subjects s ON s.pk = r.subject ORDER BY m.due, m.pk");
      return g_intern_string (sql->str);
    }

  /* On a server, no INDEXED BY: its planner picks the index by the
   * ORDER BY and its statistics. */
  if (q->server)
    g_string_append (sql, "requests r LEFT JOIN subjects s ON s.pk = r.subject WHERE true");
  else
    g_string_append_printf (sql, "requests r INDEXED BY %s LEFT JOIN subjects s ON s.pk = r.subject"
                                 " WHERE 1", ordered_index (q));
  /* Broad: the rows in due-date order, each checked until a page is
   * full. Through the index, a check of each row's entries, read by rowid
   * (?2, the search as dpo_search_has() reads it), rather than a list of
   * every match built first: a broad search has many. A server has no
   * dpo_search_has(): its LIKEs on the entry, read by rowid likewise. */
  if (q->search && q->indexed && q->server)
    g_string_append (sql, " AND (EXISTS (SELECT 1 FROM requests_search WHERE rowid = r.pk AND "
                          SEARCH_TEXT_PG ") OR EXISTS (SELECT 1 FROM subjects_search"
                          " WHERE rowid = r.subject AND " SEARCH_TEXT_PG "))");
  else if (q->search && q->server)
    g_string_append (sql, " AND (lower (r.id) LIKE lower (?1) OR lower (r.requester_name) LIKE lower (?1)"
                          " OR r.subject IN (" SUBJECT_MATCH_KEYS_PG "))");
  else if (q->search && q->indexed)
    g_string_append (sql, " AND (dpo_search_has ((SELECT text FROM requests_search WHERE rowid = r.pk), ?2)"
                          " OR dpo_search_has ((SELECT text FROM subjects_search WHERE rowid = r.subject), ?2))");
  else if (q->search)
    g_string_append (sql, " AND (r.id LIKE ?1 OR r.requester_name LIKE ?1 OR r.subject IN ("
                          SUBJECT_MATCH_KEYS "))");
  append_filters (sql, q, "r.");
  g_string_append (sql, " ORDER BY r.current_due_on, r.pk LIMIT ?7 OFFSET ?8");
  return g_intern_string (sql->str);
}

/* Counts the matches up to one past the limit, streaming. A request
 * matching twice is counted twice: harmless, both plans list the same
 * requests, the broad one is only slower for a few thousand matches. */
static gboolean
is_broad_search (DpoStore           *self,
                 const RequestQuery *q,
                 const char * const *params)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM (SELECT 1 FROM (");
  DpoSqlStmt *stmt;
  gint64 count = 0;

  append_matches (sql, q, TRUE);
  g_string_append (sql, ") a LIMIT ?7) m");
  stmt = _dpo_store_prepare (self, g_intern_string (sql->str), NULL);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    _dpo_bind_text (stmt, i + 1, params[i]);
  dpo_sql_bind_int64 (stmt, 7, DPO_STORE_SEARCH_LIMIT + 1);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    count = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return count > DPO_STORE_SEARCH_LIMIT;
}

GListModel *
dpo_store_list_requests_filtered (DpoStore               *self,
                                  const DpoRequestFilter *filter)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *match = NULL;
  g_autofree char *spec = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *nir = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *any = NULL;
  g_autofree char *all = NULL;
  const char *params[6];
  RequestQuery q = { 0 };

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  now = dpo_store_dup_now (self);
  match = _dpo_store_search_match (filter->search);
  spec = _dpo_store_search_spec (filter->search);
  pattern = prefix_pattern (filter->search);
  nir = nir_pattern (pattern);
  if (filter->urgency == DPO_URGENCY_OVERDUE)
    until = _dpo_local_date_text (now, -1);
  else if (filter->urgency == DPO_URGENCY_DUE_SOON)
    {
      from = _dpo_local_date_text (now, 0);
      until = _dpo_local_date_text (now, DPO_DUE_SOON_DAYS);
    }

  q.server = _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL;
  q.search = pattern != NULL;
  q.indexed = match != NULL;
  q.open = filter->open || filter->urgency != DPO_URGENCY_ANY;
  q.status = filter->by_status && filter->status >= 0 && filter->status < DPO_N_REQUEST_STATUSES;
  q.kind = filter->by_kind && filter->kind >= 0 && filter->kind < DPO_N_REQUEST_KINDS;
  q.urgency = filter->urgency;

  params[0] = q.indexed ? match : pattern;
  params[1] = q.indexed ? spec : nir;
  /* The server's index search: its two lists of patterns. */
  if (q.server && q.indexed && _dpo_store_search_patterns (filter->search, &any, &all))
    {
      params[0] = any;
      params[1] = all;
    }
  params[2] = q.status ? dpo_enum_word (DPO_ENUM_REQUEST_STATUS, filter->status) : NULL;
  params[3] = q.kind ? dpo_enum_word (DPO_ENUM_REQUEST_KIND, filter->kind) : NULL;
  params[4] = from;
  params[5] = until;
  q.broad = q.search && is_broad_search (self, &q, params);

  return G_LIST_MODEL (dpo_paged_model_new (self, request_count_sql (&q), request_page_sql (&q),
                                            DPO_TYPE_REQUEST_RECORD, read_request, params, 6));
}

GListModel *
dpo_store_list_requests (DpoStore   *self,
                         const char *search)
{
  DpoRequestFilter filter = { .search = search };

  return dpo_store_list_requests_filtered (self, &filter);
}
