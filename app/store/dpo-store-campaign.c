/* dpo-store-campaign.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-campaign.h"
#include "dpo-store-cursor.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* The people to write to, as SQL. ?1 is the incident's pk, ?2 the bounced
 * addresses as a JSON array, read by json1 in a file (BOUNCED) and by
 * PostgreSQL's own functions on a server (BOUNCED_PG). A candidate is an
 * affected person never informed of the incident, or (resend = 1) one
 * informed by email but not yet by post, kept only when the household's
 * address bounced. */
#define BOUNCED "SELECT DISTINCT lower (trim (value)) FROM json_each (?2)"
#define BOUNCED_PG "SELECT DISTINCT lower (trim (value)) FROM json_array_elements_text (?2::json) AS b (value)"
#define HOUSEHOLDS_CTE(bounced) \
  "WITH bounced (email) AS (" bounced "), " \
  "candidates (person, resend) AS (" \
  "  SELECT a.subject, 0 FROM affected a WHERE a.incident = ?1 " \
  "    AND NOT EXISTS (SELECT 1 FROM informed i WHERE i.incident = ?1 AND i.subject = a.subject) " \
  "  UNION " \
  "  SELECT i.subject, 1 FROM informed i WHERE i.incident = ?1 AND i.channel = 'email' " \
  "    AND NOT EXISTS (SELECT 1 FROM informed p WHERE p.incident = ?1 AND p.subject = i.subject " \
  "      AND p.channel = 'post')), " \
  "assigned (person, holder, resend) AS (" \
  "  SELECT c.person, c.person, c.resend FROM candidates c " \
  "  WHERE EXISTS (SELECT 1 FROM contracts k WHERE k.subject = c.person) " \
  "    OR NOT EXISTS (SELECT 1 FROM contract_beneficiaries b WHERE b.subject = c.person) " \
  "  UNION " \
  "  SELECT c.person, k.subject, c.resend FROM candidates c " \
  "  JOIN contract_beneficiaries b ON b.subject = c.person JOIN contracts k ON k.pk = b.contract), " \
  "kept (person, holder, resend) AS (" \
  "  SELECT a.person, a.holder, a.resend FROM assigned a JOIN subjects h ON h.pk = a.holder " \
  "  WHERE a.resend = 0 OR lower (trim (h.email)) IN (SELECT email FROM bounced)) "

#define HOUSEHOLDS_SQL(bounced) \
  HOUSEHOLDS_CTE (bounced) \
  "SELECT h.pk, h.id, h.first_name, h.last_name, h.member_number, h.email, h.postal_address, " \
  "  p.pk, p.id, p.first_name, p.last_name, p.member_number, k.resend " \
  "FROM kept k JOIN subjects h ON h.pk = k.holder JOIN subjects p ON p.pk = k.person " \
  "ORDER BY h.last_name, h.first_name, h.pk, k.person <> k.holder, p.last_name, p.first_name, p.pk"

#define COUNT_SQL(bounced) HOUSEHOLDS_CTE (bounced) "SELECT count (DISTINCT holder) FROM kept"

enum {
  COL_HOLDER_PK, COL_HOLDER_ID, COL_HOLDER_FIRST, COL_HOLDER_LAST, COL_HOLDER_MEMBER,
  COL_EMAIL, COL_POSTAL, COL_PERSON_PK, COL_PERSON_ID, COL_PERSON_FIRST, COL_PERSON_LAST,
  COL_PERSON_MEMBER, COL_RESEND,
};

struct _DpoStoreCampaign
{
  DpoStore          *store;
  DpoStoreSnapshot  *snapshot;
  DpoSqlStmt      *stmt;
  char              *notice_subject;
  char              *notice_body;
  guint              n_households;
  gboolean           has_row;     /* the statement stands on the next household's first row */
  gboolean           done;
  gboolean           failed;      /* a read error ended the households */
  DpoHousehold       household;
  GStringChunk      *strings;     /* the current household's text */
};

static void
person_free (gpointer data)
{
  g_free (data);
}

void
dpo_store_campaign_free (DpoStoreCampaign *campaign)
{
  if (campaign == NULL)
    return;
  dpo_sql_stmt_free (campaign->stmt);
  dpo_store_snapshot_end (campaign->snapshot);
  g_object_unref (campaign->store);
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

  campaign->n_households = count_for_incident (campaign->store, server ? COUNT_SQL (BOUNCED_PG)
                                                                      : COUNT_SQL (BOUNCED), incident, json);
  if ((campaign->stmt = dpo_sql_prepare (db, server ? HOUSEHOLDS_SQL (BOUNCED_PG)
                                                    : HOUSEHOLDS_SQL (BOUNCED), FALSE)) == NULL)
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

  if (dpo_sql_column_int (campaign->stmt, COL_RESEND))
    household->bounced = TRUE;
  if (dpo_sql_column_int64 (campaign->stmt, COL_PERSON_PK) == household->holder.rowid)
    return;
  person = g_new0 (DpoHouseholdPerson, 1);
  person->rowid = dpo_sql_column_int64 (campaign->stmt, COL_PERSON_PK);
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

typedef struct
{
  const char *incident_id;
  GDateTime  *sent_at;
  const char *message;
  GArray     *informed;
} CampaignRecord;

/* The communication as the audit log keeps it, with the people it
 * informed (their references), so that the log alone proves who was told. */
static JsonNode *
communication_audit_node (DpoStore *self,
                          gint64    communication)
{
  /* json1 in a file; PostgreSQL's json_agg gives NULL for no rows, and
   * its own order unless told (the file's is the rows' order). */
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL
    ? "SELECT json_build_object ('channel', c.channel, 'sent_at', c.sent_at, 'count', c.count, "
      "'message', c.message, 'informed', (SELECT coalesce (json_agg (s.id ORDER BY i.ctid), '[]'::json) "
      "FROM informed i JOIN subjects s ON s.pk = i.subject WHERE i.communication = c.pk)) "
      "FROM communications c WHERE c.pk = ?"
    : "SELECT json_object ('channel', c.channel, 'sent_at', c.sent_at, 'count', c.count, "
      "'message', c.message, 'informed', (SELECT json_group_array (s.id) FROM informed i "
      "JOIN subjects s ON s.pk = i.subject WHERE i.communication = c.pk)) "
      "FROM communications c WHERE c.pk = ?", NULL);
  JsonNode *node = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, communication);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    node = json_from_string (dpo_sql_column_text (stmt, 0), NULL);
  dpo_sql_reset (stmt);
  return node;
}

static gboolean
insert_informed (DpoStore          *self,
                 gint64             incident,
                 const char        *channel,
                 const char        *sent_at,
                 gint64             communication,
                 gint64             subject,
                 gint64            *count,
                 GError           **error)
{
  /* A holder told twice on the same day (a second campaign naming another
   * child) is one row: the first communication keeps it. */
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO informed (incident, subject, channel, sent_at, communication) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident);
  dpo_sql_bind_int64 (stmt, 2, subject);
  _dpo_bind_text (stmt, 3, channel);
  _dpo_bind_text (stmt, 4, sent_at);
  dpo_sql_bind_int64 (stmt, 5, communication);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  *count += dpo_sql_changes (_dpo_store_get_db (self));
  return TRUE;
}

static gboolean
record_channel (DpoStore           *self,
                gint64              incident,
                CampaignRecord     *record,
                DpoCampaignChannel  channel,
                GError            **error)
{
  const char *word = channel == DPO_CAMPAIGN_EMAIL ? "email" : "post";
  g_autoptr(DpoCommunication) communication = dpo_communication_new ();
  g_autofree char *sent_at = dpo_time_to_storage (record->sent_at);
  g_autoptr(JsonNode) node = NULL;
  DpoSqlStmt *stmt;
  gint64 count = 0;

  communication->channel = g_strdup (word);
  communication->sent_at = g_date_time_ref (record->sent_at);
  communication->message = g_strdup (record->message);
  communication->count = 0;
  if (!_dpo_store_insert_communication (self, incident, communication, error))
    return FALSE;
  for (guint i = 0; i < record->informed->len; i++)
    {
      const DpoInformedPerson *person = &g_array_index (record->informed, DpoInformedPerson, i);

      if (person->channel == channel &&
          !insert_informed (self, incident, word, sent_at, communication->rowid, person->rowid,
                            &count, error))
        return FALSE;
    }
  stmt = _dpo_store_prepare (self, "UPDATE communications SET count = ? WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, count);
  dpo_sql_bind_int64 (stmt, 2, communication->rowid);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  node = communication_audit_node (self, communication->rowid);
  return _dpo_store_audit (self, "communication", record->incident_id, "insert", node, error);
}

static gboolean
uses_channel (GArray             *informed,
              DpoCampaignChannel  channel)
{
  for (guint i = 0; i < informed->len; i++)
    if (g_array_index (informed, DpoInformedPerson, i).channel == channel)
      return TRUE;
  return FALSE;
}

static gboolean
write_record (DpoStore  *self,
              gpointer   data,
              GError   **error)
{
  CampaignRecord *record = data;
  gint64 incident = _dpo_store_lookup_pk (self, "SELECT pk FROM incidents WHERE id = ?",
                                          record->incident_id);

  if (incident == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."),
                   record->incident_id);
      return FALSE;
    }
  for (DpoCampaignChannel channel = DPO_CAMPAIGN_EMAIL; channel <= DPO_CAMPAIGN_POST; channel++)
    if (uses_channel (record->informed, channel) &&
        !record_channel (self, incident, record, channel, error))
      return FALSE;
  return TRUE;
}

gboolean
dpo_store_campaign_record (DpoStore    *self,
                           const char  *incident_id,
                           GDateTime   *sent_at,
                           const char  *message,
                           GArray      *informed,
                           GError     **error)
{
  CampaignRecord record = { incident_id, sent_at, message, informed };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (sent_at != NULL && informed != NULL, FALSE);

  return _dpo_store_write (self, write_record, &record, error);
}
