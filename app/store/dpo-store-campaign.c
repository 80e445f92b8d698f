/* dpo-store-campaign.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-campaign-private.h"

/* The people to write to, as SQL. ?1 is the incident's pk, ?2 the bounced
 * addresses as a JSON array, read by json1 in a file (BOUNCED_JSON) and by
 * PostgreSQL's own functions on a server (BOUNCED_JSON_PG). A candidate is
 * an affected person never informed of the incident (NEVER_INFORMED,
 * resend = 0), or one informed by email but not yet by post (EMAILED_ONLY,
 * resend = 1: one row a person, their first email), kept only when the
 * household's address bounced. A candidate is written to in a household of
 * their own (OWN_HOUSEHOLD: they hold a contract, or none covers them), and
 * named in the household of the holder of each contract that covers them.
 *
 * Four plain joins in one UNION ALL, each sorted on its own and merged:
 * no intermediate table (a CTE or a UNION would build one in memory, up to
 * 2 MB each, whatever the cache size). The same person twice in a
 * household (covered by two contracts of one holder) comes in adjacent
 * rows, and is named once (add_member()). The same text on both engines
 * but for the JSON reader; `named` is spelled as a CASE, as PostgreSQL's
 * comparisons are booleans that a UNION with 0 does not take. */
#define BOUNCED_JSON "SELECT DISTINCT lower (trim (value)) FROM json_each (?2)"
#define BOUNCED_JSON_PG \
  "SELECT DISTINCT lower (trim (value)) FROM json_array_elements_text (?2::json) AS b (value)"
#define NEVER_INFORMED(x) \
  x ".incident = ?1 AND NOT EXISTS (SELECT 1 FROM informed n WHERE n.incident = ?1 AND n.subject = " x ".subject)"
#define EMAILED_ONLY(x) \
  x ".incident = ?1 AND " x ".channel = 'email' " \
  "AND " x ".sent_at = (SELECT min (e.sent_at) FROM informed e WHERE e.incident = ?1 " \
  "  AND e.subject = " x ".subject AND e.channel = 'email') " \
  "AND NOT EXISTS (SELECT 1 FROM informed n WHERE n.incident = ?1 AND n.subject = " x ".subject " \
  "  AND n.channel = 'post')"
#define OWN_HOUSEHOLD(x) \
  "(EXISTS (SELECT 1 FROM contracts o WHERE o.subject = " x ".subject) " \
  " OR NOT EXISTS (SELECT 1 FROM contract_beneficiaries o WHERE o.subject = " x ".subject))"
#define BOUNCED "lower (trim (h.email)) IN (SELECT email FROM bounced)"
#define HOLDER_COLUMNS "h.pk AS holder, h.id, h.first_name, h.last_name, h.member_number, h.email, h.postal_address, "
#define OWN_COLUMNS HOLDER_COLUMNS "h.pk, h.id, h.first_name, h.last_name, h.member_number, "
#define NAMED_COLUMNS HOLDER_COLUMNS "p.pk, p.id, p.first_name, p.last_name, p.member_number, "
#define NAMED_JOINS(x) \
  "JOIN contract_beneficiaries b ON b.subject = " x ".subject JOIN contracts k ON k.pk = b.contract " \
  "JOIN subjects h ON h.pk = k.subject JOIN subjects p ON p.pk = " x ".subject "
#define NAMED "CASE WHEN p.pk <> h.pk THEN 1 ELSE 0 END"

#define HOUSEHOLDS_CTE(bounced_json) \
  "WITH bounced (email) AS (" bounced_json ") "

#define HOUSEHOLDS_ROWS \
  "SELECT " OWN_COLUMNS "0 AS resend, 0 AS named FROM affected a JOIN subjects h ON h.pk = a.subject " \
  "  WHERE " NEVER_INFORMED ("a") " AND " OWN_HOUSEHOLD ("a") " " \
  "UNION ALL " \
  "SELECT " OWN_COLUMNS "1, 0 FROM informed i JOIN subjects h ON h.pk = i.subject " \
  "  WHERE " EMAILED_ONLY ("i") " AND " OWN_HOUSEHOLD ("i") " AND " BOUNCED " " \
  "UNION ALL " \
  "SELECT " NAMED_COLUMNS "0, " NAMED " FROM affected a " NAMED_JOINS ("a") \
  "  WHERE " NEVER_INFORMED ("a") " " \
  "UNION ALL " \
  "SELECT " NAMED_COLUMNS "1, " NAMED " FROM informed i " NAMED_JOINS ("i") \
  "  WHERE " EMAILED_ONLY ("i") " AND " BOUNCED " "

/* By the holder's name, the holder first, then the people named by name. */
#define HOUSEHOLDS_SQL(bounced_json) \
  HOUSEHOLDS_CTE (bounced_json) HOUSEHOLDS_ROWS "ORDER BY 4, 3, 1, 14, 11, 10, 8"

#define COUNT_SQL(bounced_json) \
  HOUSEHOLDS_CTE (bounced_json) "SELECT count (DISTINCT holder) FROM (" HOUSEHOLDS_ROWS ") AS r"

enum {
  COL_HOLDER_PK, COL_HOLDER_ID, COL_HOLDER_FIRST, COL_HOLDER_LAST, COL_HOLDER_MEMBER,
  COL_EMAIL, COL_POSTAL, COL_PERSON_PK, COL_PERSON_ID, COL_PERSON_FIRST, COL_PERSON_LAST,
  COL_PERSON_MEMBER, COL_RESEND,
};

/* Who the messages written so far named, and who could not be written to,
 * in tables private to the connection (SQLite's temporary database, kept
 * in a file, its cache bounded; a server's temporary tables, whose rows
 * outlive the campaign's read-only transaction): the campaign's memory
 * does not grow with the people it informs. They become `informed` rows
 * when the campaign is recorded; the next campaign on the connection, or
 * its end, empties them. Named without a schema, as temporary tables come
 * first on both engines (SQLite's "temp", PostgreSQL's pg_temp). */
#define EMPTY_TEMP_TABLES_SQL "DELETE FROM campaign_informed; DELETE FROM campaign_unreachable;"
static const char TEMP_TABLES_SQL[] =
  "CREATE TEMP TABLE IF NOT EXISTS campaign_informed ("
  "  subject INTEGER NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  PRIMARY KEY (subject, channel)"
  ") WITHOUT ROWID;"
  "CREATE TEMP TABLE IF NOT EXISTS campaign_unreachable ("
  "  subject INTEGER PRIMARY KEY,"
  "  seq INTEGER NOT NULL,"
  "  id TEXT, name TEXT, member_number TEXT, reason TEXT"
  ");"
  EMPTY_TEMP_TABLES_SQL;
static const char TEMP_TABLES_SQL_PG[] =
  "CREATE TEMP TABLE IF NOT EXISTS campaign_informed ("
  "  subject BIGINT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  PRIMARY KEY (subject, channel)"
  ") ON COMMIT PRESERVE ROWS;"
  "CREATE TEMP TABLE IF NOT EXISTS campaign_unreachable ("
  "  subject BIGINT PRIMARY KEY,"
  "  seq BIGINT NOT NULL,"
  "  id TEXT, name TEXT, member_number TEXT, reason TEXT"
  ") ON COMMIT PRESERVE ROWS;"
  EMPTY_TEMP_TABLES_SQL;

/* SQLite's caches while a campaign runs, in KiB: the page caches of the
 * database and of the temporary tables, and the sorter that orders the
 * households, which each take up to 2 MB by default. With a smaller bound
 * they reach it sooner, so that a campaign of 20,000 letters takes no more
 * memory than one of 2,000 (tests/bench-campaign.c); the files they spill
 * to stay in the system's cache. */
#define CAMPAIGN_CACHE_KIB 256

static void
person_free (gpointer data)
{
  g_free (data);
}

void
dpo_store_campaign_end_read (DpoStoreCampaign *campaign)
{
  g_return_if_fail (campaign != NULL);

  g_clear_pointer (&campaign->stmt, dpo_sql_stmt_free);
  g_clear_pointer (&campaign->snapshot, dpo_store_snapshot_end);
}

void
dpo_store_campaign_free (DpoStoreCampaign *campaign)
{
  if (campaign == NULL)
    return;
  dpo_store_campaign_end_read (campaign);
  /* Cancelled, failed or recorded: nothing of it stays on the connection. */
  if (campaign->temp_tables && !dpo_sql_in_transaction (_dpo_store_get_db (campaign->store)))
    dpo_sql_exec (_dpo_store_get_db (campaign->store), EMPTY_TEMP_TABLES_SQL);
  if (campaign->cache_size != 0 && _dpo_store_get_sqlite (campaign->store) != NULL)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA main.cache_size = %" G_GINT64_FORMAT "; "
                                                  "PRAGMA temp.cache_size = %" G_GINT64_FORMAT,
                                                  campaign->cache_size, campaign->cache_size);

      dpo_sql_exec (_dpo_store_get_db (campaign->store), restore);
    }
  g_object_unref (campaign->store);
  g_free (campaign->incident_id);
  g_free (campaign->notice_subject);
  g_free (campaign->notice_body);
  g_ptr_array_unref (campaign->household.co_insured);
  g_string_chunk_free (campaign->strings);
  g_free (campaign);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The incident's pk and notice; FALSE with @error when it has none. */
static gint64
read_incident (DpoStoreCampaign  *campaign,
               const char        *incident_id,
               GError           **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (campaign->store,
    "SELECT pk, notice_subject, notice_body FROM incidents WHERE id = ?", error);
  gint64 pk = 0;

  if (stmt == NULL)
    return 0;
  _dpo_bind_text (stmt, 1, incident_id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      pk = dpo_sql_column_int64 (stmt, 0);
      campaign->notice_subject = _dpo_column_text (stmt, 1);
      campaign->notice_body = _dpo_column_text (stmt, 2);
    }
  dpo_sql_reset (stmt);
  if (pk == 0)
    g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."), incident_id);
  else if (is_blank (campaign->notice_subject) || is_blank (campaign->notice_body))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Incident “%s” has no notice to send. Write the notice first (dpo notice %s "
                     "--save, or Edit Notice… in the incident view)."), incident_id, incident_id);
      pk = 0;
    }
  return pk;
}

static gint64
count_for_incident (DpoStore   *store,
                    const char *sql,
                    gint64      incident,
                    const char *text)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (store, sql, NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return 0;
  dpo_sql_bind_int64 (stmt, 1, incident);
  if (text != NULL)
    _dpo_bind_text (stmt, 2, text);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    count = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return count;
}

/* Every bounced address must have been sent the notice by email: a typing
 * mistake would otherwise send nobody a letter without a word. */
static gboolean
check_bounced (DpoStore            *store,
               gint64               incident,
               const char          *incident_id,
               const char * const  *bounced,
               GError             **error)
{
  for (guint i = 0; bounced != NULL && bounced[i] != NULL; i++)
    if (count_for_incident (store,
                            "SELECT count (*) FROM informed i JOIN subjects s ON s.pk = i.subject "
                            "WHERE i.incident = ?1 AND i.channel = 'email' "
                            "AND lower (trim (s.email)) = lower (trim (?2))",
                            incident, bounced[i]) == 0)
      {
        g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                     _("The bounced address “%s” was not sent the notice of incident “%s” by "
                       "email: only addresses emailed for this incident can be listed."),
                     bounced[i], incident_id);
        return FALSE;
      }
  return TRUE;
}

static char *
bounced_json (const char * const *bounced)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; bounced != NULL && bounced[i] != NULL; i++)
    json_builder_add_string_value (builder, bounced[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
prepare_households (DpoStoreCampaign   *campaign,
                    gint64              incident,
                    const char * const *bounced,
                    GError            **error)
{
  g_autofree char *json = bounced_json (bounced);
  DpoSqlConn *db = _dpo_store_get_db (campaign->store);
  gboolean server = _dpo_store_get_engine (campaign->store) == DPO_SQL_POSTGRESQL;

  campaign->n_households = count_for_incident (campaign->store, server ? COUNT_SQL (BOUNCED_JSON_PG)
                                                                      : COUNT_SQL (BOUNCED_JSON), incident, json);
  if ((campaign->stmt = dpo_sql_prepare (db, server ? HOUSEHOLDS_SQL (BOUNCED_JSON_PG)
                                                    : HOUSEHOLDS_SQL (BOUNCED_JSON), FALSE)) == NULL)
    {
      _dpo_store_set_db_error (campaign->store, error);
      return FALSE;
    }
  dpo_sql_bind_int64 (campaign->stmt, 1, incident);
  dpo_sql_bind_text (campaign->stmt, 2, json);
  return TRUE;
}

DpoStoreCampaign *
dpo_store_campaign_begin (DpoStore            *self,
                          const char          *incident_id,
                          const char * const  *bounced,
                          GError             **error)
{
  g_autoptr(DpoStoreCampaign) campaign = NULL;
  gint64 incident;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  campaign = g_new0 (DpoStoreCampaign, 1);
  campaign->store = g_object_ref (self);
  campaign->household.co_insured = g_ptr_array_new_with_free_func (person_free);
  campaign->strings = g_string_chunk_new (1024);
  campaign->incident_id = g_strdup (incident_id);
  if (!dpo_sql_exec (_dpo_store_get_db (self), _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL
                                               ? TEMP_TABLES_SQL_PG : TEMP_TABLES_SQL))
    {
      _dpo_store_set_db_error (self, error);
      return NULL;
    }
  campaign->temp_tables = TRUE;
  /* A server's memory is its own: the bound is the file's. */
  if (_dpo_store_get_sqlite (self) != NULL)
    {
      campaign->cache_size = _dpo_store_query_int (self, "PRAGMA main.cache_size");
      dpo_sql_exec (_dpo_store_get_db (self),
                    "PRAGMA main.cache_size = -" G_STRINGIFY (CAMPAIGN_CACHE_KIB) "; "
                    "PRAGMA temp.cache_size = -" G_STRINGIFY (CAMPAIGN_CACHE_KIB));
    }
  campaign->snapshot = dpo_store_snapshot_begin (self);

  incident = read_incident (campaign, incident_id, error);
  if (incident == 0)
    return NULL;
  if (count_for_incident (self, "SELECT count (*) FROM affected WHERE incident = ?1", incident, NULL) == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Nobody is recorded as affected by incident “%s”: import the processor’s "
                     "list first (dpo affected import)."), incident_id);
      return NULL;
    }
  if (!check_bounced (self, incident, incident_id, bounced, error) ||
      !prepare_households (campaign, incident, bounced, error))
    return NULL;
  if (campaign->n_households == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Everyone affected by incident “%s” has already been informed: there is "
                     "nobody left to write to."), incident_id);
      return NULL;
    }
  return g_steal_pointer (&campaign);
}

const char *
dpo_store_campaign_get_notice_subject (DpoStoreCampaign *campaign)
{
  return campaign->notice_subject;
}

const char *
dpo_store_campaign_get_notice_body (DpoStoreCampaign *campaign)
{
  return campaign->notice_body;
}

guint
dpo_store_campaign_get_n_households (DpoStoreCampaign *campaign)
{
  return campaign->n_households;
}

static const char *
keep (DpoStoreCampaign *campaign,
      int               column)
{
  const char *text = dpo_sql_column_text (campaign->stmt, column);

  return text != NULL ? g_string_chunk_insert (campaign->strings, text) : NULL;
}

static gboolean
step (DpoStoreCampaign  *campaign,
      GError           **error)
{
  int rc = dpo_sql_step (campaign->stmt);

  if (rc == DPO_SQL_ROW)
    return TRUE;
  campaign->done = TRUE;
  campaign->failed = rc != DPO_SQL_DONE;
  if (campaign->failed)
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot read the database “%s”: %s"),
                 dpo_store_get_path (campaign->store),
                 dpo_sql_conn_errmsg (_dpo_store_get_db (campaign->store)));
  return FALSE;
}

static DpoCampaignChannel
choose_channel (const DpoHousehold *household)
{
  if (!household->bounced && !is_blank (household->email))
    return DPO_CAMPAIGN_EMAIL;
  if (!is_blank (household->postal_address))
    return DPO_CAMPAIGN_POST;
  return DPO_CAMPAIGN_UNREACHABLE;
}

/* Starts the household of the row the statement stands on. */
static void
start_household (DpoStoreCampaign *campaign)
{
  DpoHousehold *household = &campaign->household;

  g_string_chunk_clear (campaign->strings);
  g_ptr_array_set_size (household->co_insured, 0);
  household->bounced = FALSE;
  household->holder.rowid = dpo_sql_column_int64 (campaign->stmt, COL_HOLDER_PK);
  household->holder.id = keep (campaign, COL_HOLDER_ID);
  household->holder.first_name = keep (campaign, COL_HOLDER_FIRST);
  household->holder.last_name = keep (campaign, COL_HOLDER_LAST);
  household->holder.member_number = keep (campaign, COL_HOLDER_MEMBER);
  household->email = keep (campaign, COL_EMAIL);
  household->postal_address = keep (campaign, COL_POSTAL);
}

static void
add_member (DpoStoreCampaign *campaign)
{
  DpoHousehold *household = &campaign->household;
  DpoHouseholdPerson *person;
  gint64 rowid;

  if (dpo_sql_column_int (campaign->stmt, COL_RESEND))
    household->bounced = TRUE;
  rowid = dpo_sql_column_int64 (campaign->stmt, COL_PERSON_PK);
  if (rowid == household->holder.rowid)
    return;
  /* Covered by two contracts of the holder: named once. */
  if (household->co_insured->len > 0 &&
      ((DpoHouseholdPerson *) g_ptr_array_index (household->co_insured, household->co_insured->len - 1))->rowid == rowid)
    return;
  person = g_new0 (DpoHouseholdPerson, 1);
  person->rowid = rowid;
  person->id = keep (campaign, COL_PERSON_ID);
  person->first_name = keep (campaign, COL_PERSON_FIRST);
  person->last_name = keep (campaign, COL_PERSON_LAST);
  person->member_number = keep (campaign, COL_PERSON_MEMBER);
  g_ptr_array_add (household->co_insured, person);
}

const DpoHousehold *
dpo_store_campaign_next (DpoStoreCampaign  *campaign,
                         GError           **error)
{
  gint64 holder;

  g_return_val_if_fail (campaign != NULL, NULL);

  if (!campaign->has_row && (campaign->done || !step (campaign, error)))
    return NULL;
  start_household (campaign);
  holder = campaign->household.holder.rowid;
  /* The rows come sorted by holder: read until the next holder's first. */
  do
    add_member (campaign);
  while ((campaign->has_row = step (campaign, error)) &&
         dpo_sql_column_int64 (campaign->stmt, COL_HOLDER_PK) == holder);
  if (campaign->failed)
    return NULL;
  campaign->household.channel = choose_channel (&campaign->household);
  return &campaign->household;
}

guint
dpo_store_campaign_count_affected (DpoStore   *self,
                                   const char *incident_id)
{
  DpoSqlStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (DPO_IS_STORE (self), 0);

  stmt = _dpo_store_prepare (self, "SELECT count (*) FROM affected a JOIN incidents i "
                                   "ON i.pk = a.incident WHERE i.id = ?", NULL);
  if (stmt == NULL)
    return 0;
  _dpo_bind_text (stmt, 1, incident_id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    count = dpo_sql_column_int (stmt, 0);
  dpo_sql_reset (stmt);
  return count;
}
