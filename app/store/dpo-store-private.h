/* dpo-store-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* SQL stays in app/store: its room alone is built with DPO_STORE_COMPILATION. */
#ifndef DPO_STORE_COMPILATION
#error "dpo-store-private.h is internal to app/store"
#endif

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "dpo-sql.h"
#include "dpo-store.h"

G_BEGIN_DECLS

/* The store spans several files (open, schema, audit, read, lists, write,
 * import, export); these are their shared internals. Nothing outside app/
 * sees SQL. */

/* The store's connection, through the SQL seam (dpo-sql.h). */
DpoSqlConn   *_dpo_store_get_db            (DpoStore      *self);
/* The SQLite connection, for what only a file has (migrations, FTS5, the
 * write-ahead log); NULL on a PostgreSQL server. */
sqlite3      *_dpo_store_get_sqlite        (DpoStore      *self);
DpoSqlEngine  _dpo_store_get_engine        (DpoStore      *self);
/* A cached prepared statement, reset and with its bindings cleared. */
DpoSqlStmt *_dpo_store_prepare           (DpoStore      *self,
                                            const char    *sql,
                                            GError       **error);
gboolean      _dpo_store_begin             (DpoStore      *self,
                                            GError       **error);
gboolean      _dpo_store_commit            (DpoStore      *self,
                                            GError       **error);
void          _dpo_store_rollback          (DpoStore      *self);
/* Emitted after a commit; the lazy models reload their row counts. */
void          _dpo_store_emit_changed      (DpoStore      *self);
/* What the current write changed, for the server's NOTIFY at its commit
 * (dpo-store-notify.h); called for each audit entry. */
void          _dpo_store_note_change       (DpoStore      *self,
                                            const char    *entity,
                                            const char    *record);
/* Runs @write in one transaction, then emits "changed"; rolls back on error. */
typedef gboolean (*DpoWriteFunc) (DpoStore *self, gpointer data, GError **error);
gboolean      _dpo_store_write             (DpoStore      *self,
                                            DpoWriteFunc   write,
                                            gpointer       data,
                                            GError       **error);
DpoStore     *_dpo_store_open_worker       (DpoStore      *self,
                                            GDateTime     *now,
                                            GError       **error);
/* The first column of the first row of a constant query, 0 if none. */
gint64        _dpo_store_query_int         (DpoStore      *self,
                                            const char    *sql);
gboolean      _dpo_store_step_done         (DpoStore      *self,
                                            DpoSqlStmt  *stmt,
                                            GError       **error);
void          _dpo_store_set_db_error      (DpoStore      *self,
                                            GError       **error);
/* dpo-store-role.c: the session's role, read when a server store opens;
 * a refusal of the server's GRANTs in words that name the role needed. */
gboolean      _dpo_store_read_role         (DpoStore      *self,
                                            GError       **error);
void          _dpo_store_set_privilege_error (DpoStore    *self,
                                            const char    *message,
                                            GError       **error);

void          _dpo_store_set_alsace_moselle_flag (DpoStore *self,
                                                  gboolean  alsace_moselle);

/* dpo-store-search.c: the search index, written on every path that
 * writes a searched column (@replace: the row had an entry already). */
gboolean      _dpo_store_index_subject     (DpoStore          *self,
                                            const DpoSubject  *subject,
                                            gboolean           replace,
                                            GError           **error);
gboolean      _dpo_store_index_request     (DpoStore          *self,
                                            const DpoRequest  *request,
                                            gboolean           replace,
                                            GError           **error);
/* Indexes the requests whose pk is above @last_pk (the bulk loader's). */
gboolean      _dpo_store_index_requests_after (DpoStore       *self,
                                               gint64          last_pk,
                                               GError        **error);
gboolean      _dpo_store_fill_search_index (sqlite3           *db,
                                            char             **message);
/* A request's row in the search index, as the store writes it (the bulk
 * loader copies it to a server). */
char         *_dpo_store_request_search_text (const char  *id,
                                              const char  *requester_name);
/* An FTS5 MATCH expression for @search, or NULL (no term long enough). */
char         *_dpo_store_search_match      (const char        *search);
/* The same for the SQL function dpo_search_has (TEXT, SPEC), registered
 * on each of the store's connections by _dpo_store_register_search(). */
char         *_dpo_store_search_spec       (const char        *search);
/* The same for a server: two PostgreSQL arrays of LIKE patterns. */
gboolean      _dpo_store_search_patterns   (const char        *search,
                                            char             **any,
                                            char             **all);
gboolean      _dpo_store_register_search   (sqlite3           *db);

/* dpo-store-requests.c */
gboolean      _dpo_store_read_alsace_moselle (DpoStore      *self);
/* The stored due dates of a request: one month, and the current one (three
 * months once extended), as "YYYY-MM-DD". */
void          _dpo_request_due_columns     (const DpoRequest *request,
                                            gboolean       alsace_moselle,
                                            char         **due_on,
                                            char         **current_due_on);

/* dpo-store-organisation.c: checks and writes the organisation, with its
 * audit entry, in the caller's transaction (the import's). */
gboolean      _dpo_store_write_organisation (DpoStore              *self,
                                             const DpoOrganisation *organisation,
                                             GError               **error);

/* dpo-store-people.c: updates a person, audited field by field. */
gboolean      _dpo_store_update_subject    (DpoStore      *self,
                                            DpoSubject    *subject,
                                            GError       **error);

/* dpo-store-restriction.c: sets (@since a date) or clears (@since NULL)
 * a person's restriction (Art. 18), audited, in the caller's transaction. */
gboolean      _dpo_store_set_restriction   (DpoStore      *self,
                                            DpoSubject    *subject,
                                            const char    *since,
                                            const char    *reason,
                                            const char    *request_id,
                                            GError       **error);

DpoRequest   *_dpo_store_read_request_by_rowid (DpoStore   *self,
                                                gint64      rowid);
/* @action is "update" or "execute", as the audit log shows it. */
gboolean      _dpo_store_update_request    (DpoStore      *self,
                                            DpoRequest    *request,
                                            const char    *action,
                                            GError       **error);

/* dpo-store-lists.c: rules of the core as SQL expressions, generated from
 * the core's own tables (interned strings, fit for _dpo_store_prepare). */
const char   *_dpo_sql_open_statuses       (void);
/* A statement whose text is made once from the core's rules (@format and
 * its arguments), then kept in *@slot for the life of the process. */
const char   *_dpo_sql_once                (const char  **slot,
                                            const char   *format,
                                            ...) G_GNUC_PRINTF (2, 3);

/* dpo-store-deadlines.c */
char         *_dpo_local_date_text         (GDateTime     *now,
                                            int            days_ahead);

/* dpo-store-schema.c. The message of the trigger subjects_erasure_rule,
 * by which carrying out an erasure tells its refusal from other failures
 * (its first version's text stays in the released step 0 -> 1). */
#define DPO_ERASURE_RULE_MESSAGE_V1 "erasure refused: this person has an active contract"
#define DPO_ERASURE_RULE_MESSAGE "erasure refused: this person has an active contract, " \
  "is within the retention period after a contract ended, or is under a legal hold"

gboolean      _dpo_store_migrate           (sqlite3       *db,
                                            int            from_version,
                                            GError       **error);

/* dpo-store-schema.c: the schema the migrations give, read from a private
 * in-memory database once per process; the triggers in it are the
 * safeguards (the erasure rule, the append-only log). */
typedef struct
{
  char *type;
  char *name;
  char *sql;
} DpoSchemaObject;

GPtrArray    *_dpo_store_reference_schema  (void);
/* TRUE when every trigger of the reference schema is in @db, unchanged. */
gboolean      _dpo_store_safeguards_intact (sqlite3       *db);
/* Puts back the triggers that were dropped or altered, each with an audit
 * entry; in the caller's write transaction. */
gboolean      _dpo_store_restore_safeguards (DpoStore     *self,
                                             GError      **error);

/* dpo-store-audit.c: one row per change, in the caller's transaction,
 * chained to the entry before it (SHA-256). @changes is a JSON object
 * { field: [old, new] } or a whole record. */
gboolean      _dpo_store_audit             (DpoStore      *self,
                                            const char    *entity,
                                            const char    *record,
                                            const char    *action,
                                            JsonNode      *changes,
                                            GError       **error);
/* The same with @changes as ready JSON text (NULL allowed), written as
 * dpo_json_to_text() writes it: the content hash covers the text, so
 * the two give the same entry for the same changes. */
gboolean      _dpo_store_audit_text        (DpoStore      *self,
                                            const char    *entity,
                                            const char    *record,
                                            const char    *action,
                                            const char    *changes,
                                            GError       **error);
/* Erasure: announces, in a chained 'redact' entry, the entries that kept
 * values about the person (with their hashes), then redacts them. Call it
 * before deleting the person, in the erasure's transaction. */
gboolean      _dpo_store_redact_person     (DpoStore      *self,
                                            const char    *subject_id,
                                            GError       **error);

#define DPO_AUDIT_HASH_LENGTH 64
#define DPO_AUDIT_REDACTED "{\"redacted\":\"erasure\"}"

/* The columns of an entry that its content hash covers. */
typedef struct
{
  const char *at;
  const char *entity;
  const char *record;
  const char *action;
  const char *changes;   /* NULL allowed */
} DpoAuditEntry;

/* The hash the first entry is chained to (and the seal of an empty log). */
void          _dpo_audit_genesis           (char           out[DPO_AUDIT_HASH_LENGTH + 1]);
void          _dpo_audit_content_hash      (const DpoAuditEntry *entry,
                                            char           out[DPO_AUDIT_HASH_LENGTH + 1]);
/* SHA-256 of @previous followed by @content_hash; @out may be @previous. */
void          _dpo_audit_link_hash         (const char    *previous,
                                            const char    *content_hash,
                                            char           out[DPO_AUDIT_HASH_LENGTH + 1]);

/* dpo-store.c: after an erasure commits, empties the write-ahead log so that
 * no copy of the erased values stays in the -wal file; if a reader elsewhere
 * still needs it, every connection retries when its work ends. */
void          _dpo_store_forget_erased     (DpoStore      *self);

/* dpo-store-read.c: column helpers and row readers. */
void          _dpo_bind_text               (DpoSqlStmt  *stmt,
                                            int            index,
                                            const char    *text);
void          _dpo_bind_time               (DpoSqlStmt  *stmt,
                                            int            index,
                                            GDateTime     *time);
void          _dpo_bind_count              (DpoSqlStmt  *stmt,
                                            int            index,
                                            gint64         count);
void          _dpo_bind_words              (DpoSqlStmt  *stmt,
                                            int            index,
                                            const char * const *words);
char         *_dpo_column_text             (DpoSqlStmt  *stmt,
                                            int            column);
GDateTime    *_dpo_column_time             (DpoSqlStmt  *stmt,
                                            int            column);
gint64        _dpo_column_count            (DpoSqlStmt  *stmt,
                                            int            column);
GStrv         _dpo_column_words            (DpoSqlStmt  *stmt,
                                            int            column);

/* The column first_cnil is the first initial notification to the CNIL,
 * which alone stops the 72-hour clock: the one SQL home of that rule (the
 * incident list sorts by it). The Art. 34 notice follows it. */
#define DPO_INCIDENT_COLUMNS \
  "i.pk, i.id, i.title, i.description, i.processor, i.natures, i.origin, " \
  "i.started_at, i.ended_at, i.aware_at, i.data_categories, i.subject_categories, " \
  "i.approx_subjects, i.approx_records, i.consequences, i.risk, i.measures, " \
  "i.delay_reason, (SELECT min(n.sent_at) FROM notifications n WHERE n.incident = i.pk " \
  "AND n.authority = 'cnil' AND n.kind = 'initial') AS first_cnil, " \
  "i.notice_subject, i.notice_body"
#define DPO_SUBJECT_COLUMNS \
  "s.pk, s.id, s.last_name, s.first_name, s.birth_date, s.nir, s.member_number, " \
  "s.email, s.postal_address, s.restricted_since, s.restriction_reason"
/* Inserting a request, in _dpo_bind_request_fields()'s order: the caller
 * writes how the person (?2) becomes a pk, then DPO_REQUEST_INSERT_REST. */
#define DPO_REQUEST_INSERT \
  "INSERT INTO requests (id, subject, requester_name, requester_contact, kind, received_at, " \
  "channel, identity_verified_at, extension_reason, extension_notified_at, status, " \
  "answered_at, outcome, refusal_ground, changes, due_on, current_due_on, decision, " \
  "decision_reason) VALUES (?, "
#define DPO_REQUEST_INSERT_REST \
  ", ?, ?, ?, ?, ?, ?, ?, ?, coalesce (?, 'received'), ?, ?, ?, ?, ?, ?, ?, ?)"
#define DPO_REQUEST_COLUMNS \
  "r.pk, r.id, s.id, s.last_name, s.first_name, r.requester_name, r.requester_contact, " \
  "r.kind, r.received_at, r.channel, r.identity_verified_at, r.extension_reason, " \
  "r.extension_notified_at, r.status, r.answered_at, r.outcome, r.refusal_ground, r.changes, " \
  "r.decision, r.decision_reason, s.restricted_since, s.restriction_reason"

DpoIncident  *_dpo_incident_from_row       (DpoSqlStmt  *stmt);
DpoSubject   *_dpo_subject_from_row        (DpoSqlStmt  *stmt);
DpoRequest   *_dpo_request_from_row        (DpoSqlStmt  *stmt);
void          _dpo_store_read_incident_children (DpoStore    *self,
                                                 DpoIncident *incident);
/* A contract from columns 0 to 4 of @stmt: pk, number, product,
 * start_date, end_date (the columns a contract's reads begin with). */
DpoContract  *_dpo_contract_from_row      (DpoSqlStmt  *stmt);
void          _dpo_store_read_subject_contracts (DpoStore    *self,
                                                 DpoSubject  *subject);
/* dpo-store-beneficiaries.c: a contract's beneficiaries (sorted ids),
 * read with the holder's contracts; the contracts of others covering a
 * person (DpoSubject.covered_by); writing them in the caller's transaction. */
void          _dpo_store_read_contract_beneficiaries (DpoStore   *self,
                                                      DpoSubject *subject);
void          _dpo_store_read_covered_by   (DpoStore      *self,
                                            DpoSubject    *subject);
gboolean      _dpo_store_insert_beneficiary (DpoStore     *self,
                                             gint64        contract,
                                             gint64        subject,
                                             GError      **error);
gboolean      _dpo_store_write_beneficiaries (DpoStore           *self,
                                              gint64              contract,
                                              gint64              holder,
                                              const char * const *ids,
                                              GError            **error);
/* dpo-store-holds.c */
void          _dpo_store_read_subject_holds (DpoStore     *self,
                                             DpoSubject   *subject);
gboolean      _dpo_store_insert_hold       (DpoStore      *self,
                                            gint64         subject,
                                            DpoHold       *hold,
                                            GError       **error);
/* dpo-store-settings.c: checks and writes the retention period, with its
 * audit entry, in the caller's transaction (the import's). */
gboolean      _dpo_store_write_retention_years (DpoStore  *self,
                                                gint64     years,
                                                GError   **error);
/* dpo-store-requests.c: writes the Alsace-Moselle setting and recomputes
 * every due date, in the caller's transaction (the flag is set first). */
gboolean      _dpo_store_write_alsace_moselle (DpoStore  *self,
                                               gboolean   alsace_moselle,
                                               GError   **error);
gint64        _dpo_store_lookup_pk         (DpoStore      *self,
                                            const char    *table_sql,
                                            const char    *id);

/* dpo-store-audit.c: { field: [old, new] } for the members that differ
 * between two JSON objects; NULL when nothing changed. */
JsonNode     *_dpo_audit_diff              (JsonNode      *old_node,
                                            JsonNode      *new_node);

/* dpo-store-write.c: inserts in the caller's transaction, with audit. */
void          _dpo_bind_incident_fields      (DpoSqlStmt      *stmt,
                                              const DpoIncident *incident);
void          _dpo_bind_subject_fields       (DpoSqlStmt      *stmt,
                                              const DpoSubject  *subject);
void          _dpo_bind_request_fields       (DpoStore          *self,
                                              DpoSqlStmt      *stmt,
                                              const DpoRequest  *request);
gboolean      _dpo_store_insert_incident_row (DpoStore    *self,
                                              DpoIncident *incident,
                                              GError     **error);
gboolean      _dpo_store_insert_event        (DpoStore    *self,
                                              gint64       incident,
                                              DpoEvent    *event,
                                              GError     **error);
gboolean      _dpo_store_insert_notification (DpoStore        *self,
                                              gint64           incident,
                                              DpoNotification *notification,
                                              GError         **error);
gboolean      _dpo_store_insert_complaint    (DpoStore     *self,
                                              gint64        incident,
                                              DpoComplaint *complaint,
                                              GError      **error);
gboolean      _dpo_store_insert_communication (DpoStore         *self,
                                               gint64            incident,
                                               DpoCommunication *communication,
                                               GError          **error);
gboolean      _dpo_store_insert_contract     (DpoStore    *self,
                                              gint64       subject,
                                              DpoContract *contract,
                                              GError     **error);
gboolean      _dpo_store_insert_incident   (DpoStore      *self,
                                            DpoIncident   *incident,
                                            JsonNode      *as_imported,
                                            GError       **error);
gboolean      _dpo_store_insert_subject    (DpoStore      *self,
                                            DpoSubject    *subject,
                                            JsonNode      *as_imported,
                                            GError       **error);
gboolean      _dpo_store_insert_request    (DpoStore      *self,
                                            DpoRequest    *request,
                                            JsonNode      *as_imported,
                                            GError       **error);

/* The database file (dpo-store-file.c). Every connection waits this long
 * for another one's lock, the read-only look before opening included. */
#define BUSY_TIMEOUT_MS 5000

gboolean _dpo_store_create_private_file (const char  *path,
                                         GError     **error);
gboolean _dpo_store_read_schema_info    (sqlite3     *db,
                                         const char  *path,
                                         int         *version,
                                         int         *n_tables,
                                         GError     **error);
gboolean _dpo_store_check_existing_file (const char  *path,
                                         GError     **error);
gboolean _dpo_store_exec_sql            (sqlite3     *db,
                                         const char  *path,
                                         const char  *sql,
                                         GError     **error);

G_END_DECLS
