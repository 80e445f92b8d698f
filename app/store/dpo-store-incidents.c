/* dpo-store-incidents.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-record-json.h"
#include "dpo-store-private.h"
#include "dpo-store-role.h"
#include "dpo-validate.h"

/* Edits of the breach register. Each public function is one transaction:
 * the change and its audit row land together, or nothing does. */

static JsonNode *
incident_fields_json (const DpoIncident *incident)
{
  JsonNode *node = dpo_incident_to_json (incident);
  JsonObject *object = json_node_get_object (node);

  /* The children are audited on their own. */
  json_object_remove_member (object, "events");
  json_object_remove_member (object, "notifications");
  json_object_remove_member (object, "complaints");
  json_object_remove_member (object, "communications");
  return node;
}

static gboolean
id_taken (DpoStore    *self,
          const char  *id,
          gint64       rowid,
          GError     **error)
{
  gint64 pk = _dpo_store_lookup_pk (self, "SELECT pk FROM incidents WHERE id = ?", id);

  if (pk == 0 || pk == rowid)
    return FALSE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
               _("Reference: “%s” is already used by another incident"), id);
  return TRUE;
}

static gboolean
update_incident_row (DpoStore     *self,
                     DpoIncident  *incident,
                     GError      **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "UPDATE incidents SET id = ?1, title = ?2, description = ?3, processor = ?4, natures = ?5, "
    "origin = ?6, started_at = ?7, ended_at = ?8, aware_at = ?9, data_categories = ?10, "
    "subject_categories = ?11, approx_subjects = ?12, approx_records = ?13, consequences = ?14, "
    "risk = ?15, measures = ?16, delay_reason = ?17, notice_subject = ?18, notice_body = ?19 "
    "WHERE pk = ?20", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_incident_fields (stmt, incident);
  dpo_sql_bind_int64 (stmt, 20, incident->rowid);
  return _dpo_store_step_done (self, stmt, error);
}

static DpoIncident *
read_incident_by_rowid (DpoStore *self,
                        gint64    rowid)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT " DPO_INCIDENT_COLUMNS
                                                 " FROM incidents i WHERE i.pk = ?", NULL);
  DpoIncident *incident = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    incident = _dpo_incident_from_row (stmt);
  dpo_sql_reset (stmt);
  return incident;
}

/* The incident's awareness against the notifications already stored: the
 * earliest is enough. The rule itself is dpo_validate_notification_time().
 * Only when the awareness moves: an incident from a database older than the
 * rule, holding a notification before awareness, can still be edited. */
static gboolean
check_stored_notifications (DpoStore           *self,
                            const DpoIncident  *incident,
                            GError            **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT min (sent_at) FROM notifications "
                                                 "WHERE incident = ?", error);
  g_autoptr(GDateTime) earliest = NULL;

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident->rowid);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    earliest = _dpo_column_time (stmt, 0);
  dpo_sql_reset (stmt);
  return dpo_validate_notification_time (earliest, incident->aware_at, _("Awareness"), error);
}

/* The stored awareness of the incident @pk (NULL if none). */
static GDateTime *
read_aware_at (DpoStore *self,
               gint64    pk)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT aware_at FROM incidents WHERE pk = ?", NULL);
  GDateTime *aware_at = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, pk);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    aware_at = _dpo_column_time (stmt, 0);
  dpo_sql_reset (stmt);
  return aware_at;
}

static gboolean
write_incident (DpoStore  *self,
                gpointer   data,
                GError   **error)
{
  DpoIncident *incident = data;
  g_autoptr(JsonNode) new_node = incident_fields_json (incident);
  g_autoptr(DpoIncident) old = NULL;
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) diff = NULL;

  if (id_taken (self, incident->id, incident->rowid, error))
    return FALSE;

  if (incident->rowid == 0)
    return _dpo_store_insert_incident_row (self, incident, error) &&
           _dpo_store_audit (self, "incident", incident->id, "insert", new_node, error);

  old = read_incident_by_rowid (self, incident->rowid);
  if (old == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                   _("This incident no longer exists; it may have been deleted meanwhile."));
      return FALSE;
    }
  if (g_date_time_compare (old->aware_at, incident->aware_at) != 0 &&
      !check_stored_notifications (self, incident, error))
    return FALSE;
  old_node = incident_fields_json (old);
  diff = _dpo_audit_diff (old_node, new_node);
  if (diff == NULL)
    return TRUE;
  return update_incident_row (self, incident, error) &&
         _dpo_store_audit (self, "incident", incident->id, "update", diff, error);
}

gboolean
dpo_store_save_incident (DpoStore     *self,
                         DpoIncident  *incident,
                         GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident != NULL, FALSE);

  if (!dpo_validate_incident (incident, now, error))
    return FALSE;
  return dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_incident, incident, error);
}

static gboolean
write_delete_incident (DpoStore  *self,
                       gpointer   data,
                       GError   **error)
{
  const char *id = data;
  g_autoptr(DpoIncident) old = dpo_store_get_incident (self, id, error);
  g_autoptr(JsonNode) old_node = NULL;
  DpoSqlStmt *stmt;

  if (old == NULL)
    return FALSE;
  /* The whole record goes into the log, so a deletion can be proven and undone. */
  old_node = dpo_incident_to_json (old);
  stmt = _dpo_store_prepare (self, "DELETE FROM incidents WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, old->rowid);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_audit (self, "incident", id, "delete", old_node, error);
}

gboolean
dpo_store_delete_incident (DpoStore    *self,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_delete_incident, (gpointer) id, error);
}

/* Children: one description per kind, so that saving and deleting are
 * written once for the four of them. */
typedef struct
{
  const char *entity;
  const char *select_sql;    /* the child's JSON by pk, as the audit keeps it */
  const char *select_sql_pg; /* the same on a server */
  const char *delete_sql;
} ChildKind;

/* One list of members, two texts: SQLite's json_object() is PostgreSQL's
 * json_build_object(); the JSON is parsed again, so spacing differs freely. */
#define CHILD_JSON(members, table) \
  "SELECT json_object (" members "), " \
  "(SELECT id FROM incidents WHERE pk = incident) FROM " table " WHERE pk = ?", \
  "SELECT json_build_object (" members "), " \
  "(SELECT id FROM incidents WHERE pk = incident) FROM " table " WHERE pk = ?"

static const ChildKind CHILD_KINDS[] = {
  [DPO_CHILD_EVENT] = { "event",
    CHILD_JSON ("'at', at, 'kind', kind, 'description', description", "events"),
    "DELETE FROM events WHERE pk = ?" },
  [DPO_CHILD_NOTIFICATION] = { "notification",
    CHILD_JSON ("'authority', authority, 'authority_name', authority_name, 'kind', kind, "
                "'sent_at', sent_at, 'reference', reference", "notifications"),
    "DELETE FROM notifications WHERE pk = ?" },
  [DPO_CHILD_COMPLAINT] = { "complaint",
    CHILD_JSON ("'direction', direction, 'body', body, 'filed_at', filed_at, "
                "'reference', reference, 'party', party, 'status', status, 'outcome', outcome",
                "complaints"),
    "DELETE FROM complaints WHERE pk = ?" },
  [DPO_CHILD_COMMUNICATION] = { "communication",
    CHILD_JSON ("'channel', channel, 'sent_at', sent_at, 'count', count, 'message', message",
                "communications"),
    "DELETE FROM communications WHERE pk = ?" },
};

/* The stored child as JSON (storage times, UTC), and its incident's id. */
static JsonNode *
read_child_json (DpoStore         *self,
                 const ChildKind  *kind,
                 gint64            rowid,
                 char            **incident_id)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, _dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL
                                                 ? kind->select_sql_pg : kind->select_sql, NULL);
  JsonNode *node = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      node = json_from_string (dpo_sql_column_text (stmt, 0), NULL);
      if (incident_id != NULL)
        *incident_id = _dpo_column_text (stmt, 1);
    }
  dpo_sql_reset (stmt);
  return node;
}

typedef struct
{
  DpoIncidentChild  kind;
  const char       *incident_id;
  gpointer          record;
  gint64           *rowid;      /* the record's rowid field */
} ChildWrite;

static gboolean
update_child (DpoStore    *self,
              ChildWrite  *w,
              gint64       incident,
              GError     **error)
{
  static const char * const UPDATE_SQL[] = {
    [DPO_CHILD_EVENT] = "UPDATE events SET at = ?2, kind = ?3, description = ?4 "
                        "WHERE pk = ?1",
    [DPO_CHILD_NOTIFICATION] = "UPDATE notifications SET authority = ?2, authority_name = ?3, "
                               "kind = ?4, sent_at = ?5, reference = ?6 WHERE pk = ?1",
    [DPO_CHILD_COMPLAINT] = "UPDATE complaints SET direction = ?2, body = ?3, filed_at = ?4, "
                            "reference = ?5, party = ?6, status = coalesce (?7, 'open'), outcome = ?8 "
                            "WHERE pk = ?1",
    [DPO_CHILD_COMMUNICATION] = "UPDATE communications SET channel = ?2, sent_at = ?3, count = ?4, "
                                "message = ?5 WHERE pk = ?1",
  };
  DpoSqlStmt *stmt = _dpo_store_prepare (self, UPDATE_SQL[w->kind], error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, *w->rowid);
  switch (w->kind)
    {
    case DPO_CHILD_EVENT:
      {
        DpoEvent *e = w->record;
        _dpo_bind_time (stmt, 2, e->at);
        _dpo_bind_text (stmt, 3, e->kind);
        _dpo_bind_text (stmt, 4, e->description);
      }
      break;
    case DPO_CHILD_NOTIFICATION:
      {
        DpoNotification *n = w->record;
        _dpo_bind_text (stmt, 2, n->authority);
        _dpo_bind_text (stmt, 3, n->authority_name);
        _dpo_bind_text (stmt, 4, n->kind);
        _dpo_bind_time (stmt, 5, n->sent_at);
        _dpo_bind_text (stmt, 6, n->reference);
      }
      break;
    case DPO_CHILD_COMPLAINT:
      {
        DpoComplaint *c = w->record;
        _dpo_bind_text (stmt, 2, c->direction);
        _dpo_bind_text (stmt, 3, c->body);
        _dpo_bind_time (stmt, 4, c->filed_at);
        _dpo_bind_text (stmt, 5, c->reference);
        _dpo_bind_text (stmt, 6, c->party);
        _dpo_bind_text (stmt, 7, c->status);
        _dpo_bind_text (stmt, 8, c->outcome);
      }
      break;
    case DPO_CHILD_COMMUNICATION:
      {
        DpoCommunication *m = w->record;
        _dpo_bind_text (stmt, 2, m->channel);
        _dpo_bind_time (stmt, 3, m->sent_at);
        _dpo_bind_count (stmt, 4, m->count);
        _dpo_bind_text (stmt, 5, m->message);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return _dpo_store_step_done (self, stmt, error);
}

static gboolean
insert_child (DpoStore    *self,
              ChildWrite  *w,
              gint64       incident,
              GError     **error)
{
  switch (w->kind)
    {
    case DPO_CHILD_EVENT:
      return _dpo_store_insert_event (self, incident, w->record, error);
    case DPO_CHILD_NOTIFICATION:
      return _dpo_store_insert_notification (self, incident, w->record, error);
    case DPO_CHILD_COMPLAINT:
      return _dpo_store_insert_complaint (self, incident, w->record, error);
    case DPO_CHILD_COMMUNICATION:
      return _dpo_store_insert_communication (self, incident, w->record, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_child (DpoStore  *self,
             gpointer   data,
             GError   **error)
{
  ChildWrite *w = data;
  const ChildKind *kind = &CHILD_KINDS[w->kind];
  gint64 incident = _dpo_store_lookup_pk (self, "SELECT pk FROM incidents WHERE id = ?", w->incident_id);
  g_autofree char *owner = NULL;
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = NULL;
  g_autoptr(JsonNode) diff = NULL;
  gboolean inserting = *w->rowid == 0;

  if (incident == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."), w->incident_id);
      return FALSE;
    }
  if (w->kind == DPO_CHILD_NOTIFICATION)
    {
      g_autoptr(GDateTime) aware_at = read_aware_at (self, incident);

      /* Checked here, in the transaction, against the awareness as stored. */
      if (!dpo_validate_notification (w->record, aware_at, error))
        return FALSE;
    }
  if (!inserting)
    {
      old_node = read_child_json (self, kind, *w->rowid, &owner);
      if (old_node == NULL || g_strcmp0 (owner, w->incident_id) != 0)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                       _("This entry no longer exists; it may have been deleted meanwhile."));
          return FALSE;
        }
    }

  if (!(inserting ? insert_child (self, w, incident, error) : update_child (self, w, incident, error)))
    return FALSE;

  new_node = read_child_json (self, kind, *w->rowid, NULL);
  if (inserting)
    return _dpo_store_audit (self, kind->entity, w->incident_id, "insert", new_node, error);
  diff = _dpo_audit_diff (old_node, new_node);
  return diff == NULL || _dpo_store_audit (self, kind->entity, w->incident_id, "update", diff, error);
}

gboolean
dpo_store_save_event (DpoStore    *self,
                      const char  *incident_id,
                      DpoEvent    *event,
                      GError     **error)
{
  ChildWrite w = { DPO_CHILD_EVENT, incident_id, event, &event->rowid };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  return dpo_validate_event (event, error) && dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_child, &w, error);
}

gboolean
dpo_store_save_notification (DpoStore         *self,
                             const char       *incident_id,
                             DpoNotification  *notification,
                             GError          **error)
{
  ChildWrite w = { DPO_CHILD_NOTIFICATION, incident_id, notification, &notification->rowid };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  /* Validated in write_child(), where the incident's awareness is known. */
  return dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_child, &w, error);
}

gboolean
dpo_store_save_complaint (DpoStore      *self,
                          const char    *incident_id,
                          DpoComplaint  *complaint,
                          GError       **error)
{
  ChildWrite w = { DPO_CHILD_COMPLAINT, incident_id, complaint, &complaint->rowid };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  return dpo_validate_complaint (complaint, error) && dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_child, &w, error);
}

gboolean
dpo_store_save_communication (DpoStore          *self,
                              const char        *incident_id,
                              DpoCommunication  *communication,
                              GError           **error)
{
  ChildWrite w = { DPO_CHILD_COMMUNICATION, incident_id, communication, &communication->rowid };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  return dpo_validate_communication (communication, error) && dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_child, &w, error);
}

typedef struct
{
  DpoIncidentChild kind;
  gint64           rowid;
} ChildDelete;

static gboolean
write_delete_child (DpoStore  *self,
                    gpointer   data,
                    GError   **error)
{
  ChildDelete *d = data;
  const ChildKind *kind = &CHILD_KINDS[d->kind];
  g_autofree char *incident_id = NULL;
  g_autoptr(JsonNode) old_node = read_child_json (self, kind, d->rowid, &incident_id);
  DpoSqlStmt *stmt;

  if (old_node == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                   _("This entry no longer exists; it may have been deleted meanwhile."));
      return FALSE;
    }
  stmt = _dpo_store_prepare (self, kind->delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, d->rowid);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_audit (self, kind->entity, incident_id, "delete", old_node, error);
}

gboolean
dpo_store_delete_incident_child (DpoStore         *self,
                                 DpoIncidentChild  kind,
                                 gint64            rowid,
                                 GError          **error)
{
  ChildDelete d = { kind, rowid };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind <= DPO_CHILD_COMMUNICATION, FALSE);

  return dpo_store_require (self, DPO_RIGHT_EDIT_INCIDENTS, error) &&
         _dpo_store_write (self, write_delete_child, &d, error);
}
