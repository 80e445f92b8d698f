/* dpo-store.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-records.h"

G_BEGIN_DECLS

#define DPO_TYPE_STORE (dpo_store_get_type ())

G_DECLARE_FINAL_TYPE (DpoStore, dpo_store, DPO, STORE, GObject)

/* The schema version this program writes (PRAGMA user_version). */
#define DPO_STORE_SCHEMA_VERSION 1

/* --database, else $DPO_DATABASE, else $XDG_DATA_HOME/dpo-workbench/workbench.sqlite. */
char       *dpo_store_default_path      (void);

/* Opens or creates the database at @path (mode 0600, WAL, foreign keys,
 * migrations). A file from a newer DPO Workbench is refused, untouched, with
 * DPO_ERROR_NEWER_DATABASE; a file that is not an SQLite database with
 * DPO_ERROR_NOT_A_DATABASE; an unreadable or uncreatable one with DPO_ERROR_IO. */
DpoStore   *dpo_store_open              (const char   *path,
                                         GError      **error);
const char *dpo_store_get_path          (DpoStore     *self);
gboolean    dpo_store_is_empty          (DpoStore     *self);

/* "Now" for every computed value (CNIL status, overdue). NULL = the wall clock. */
void        dpo_store_set_now           (DpoStore     *self,
                                         GDateTime    *now);
GDateTime  *dpo_store_dup_now           (DpoStore     *self);

/* Alsace-Moselle's two extra public holidays (Good Friday, 26 December) in
 * request due dates. Off by default; kept in the database, so the GUI and
 * the CLI agree. Changing it recomputes every due date, in one transaction. */
gboolean    dpo_store_set_alsace_moselle (DpoStore    *self,
                                          gboolean     alsace_moselle,
                                          GError     **error);
gboolean    dpo_store_get_alsace_moselle (DpoStore    *self);

/* Counts, for the dashboard and page headers. */
guint       dpo_store_count_incidents   (DpoStore     *self);
guint       dpo_store_count_subjects    (DpoStore     *self);
guint       dpo_store_count_requests    (DpoStore     *self);

/* Lazy GListModels of DpoRow: they know their row count and fetch pages of
 * rows on demand; they follow the store's changes by themselves. @search
 * (NULL or "" for all) matches the reference, names, processor, member number
 * or NIR, as fits the list. */
GListModel *dpo_store_list_incidents    (DpoStore     *self,
                                         const char   *search);
GListModel *dpo_store_list_subjects     (DpoStore     *self,
                                         const char   *search);
GListModel *dpo_store_list_requests     (DpoStore     *self,
                                         const char   *search);

typedef enum
{
  DPO_URGENCY_ANY,
  DPO_URGENCY_OVERDUE,    /* open and past its current due date */
  DPO_URGENCY_DUE_SOON,   /* open and due within the next 7 days */
} DpoUrgency;

typedef struct
{
  const char *search;     /* NULL or "" for all */
  const char *status;     /* a status word, "open" (received or in progress), or NULL */
  const char *kind;       /* a request kind word, or NULL */
  DpoUrgency  urgency;
} DpoRequestFilter;

/* Requests sorted by their current due date, soonest first.
 * A search that matches more than DPO_STORE_SEARCH_LIMIT requests (with
 * the other filters) lists only the DPO_STORE_SEARCH_LIMIT due soonest:
 * counting and sorting a million matches (a search for "R" or "2") would
 * hold the window for seconds. */
#define DPO_STORE_SEARCH_LIMIT 10000
GListModel *dpo_store_list_requests_filtered (DpoStore               *self,
                                              const DpoRequestFilter *filter);

/* Whole records by reference, children included; DPO_ERROR_NOT_FOUND if absent. */
DpoIncident *dpo_store_get_incident     (DpoStore     *self,
                                         const char   *id,
                                         GError      **error);
DpoSubject  *dpo_store_get_subject      (DpoStore     *self,
                                         const char   *id,
                                         GError      **error);
DpoRequest  *dpo_store_get_request      (DpoStore     *self,
                                         const char   *id,
                                         GError      **error);

/* The whole store as the interchange document, with computed fields as of
 * dpo_store_dup_now(). Depends only on the data and "now". */
gboolean    dpo_store_export_json       (DpoStore       *self,
                                         GOutputStream  *stream,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Writing, one transaction each, with the audit log (old -> new).
 * Saving a record whose rowid is 0 inserts it; otherwise it updates the
 * record with that rowid. Every value is checked first: an error names the
 * field and says why (DPO_ERROR_INVALID), and nothing is written. */
gboolean    dpo_store_save_incident       (DpoStore          *self,
                                           DpoIncident       *incident,
                                           GError           **error);
gboolean    dpo_store_delete_incident     (DpoStore          *self,
                                           const char        *id,
                                           GError           **error);
gboolean    dpo_store_save_event          (DpoStore          *self,
                                           const char        *incident_id,
                                           DpoEvent          *event,
                                           GError           **error);
gboolean    dpo_store_save_notification   (DpoStore          *self,
                                           const char        *incident_id,
                                           DpoNotification   *notification,
                                           GError           **error);
gboolean    dpo_store_save_complaint      (DpoStore          *self,
                                           const char        *incident_id,
                                           DpoComplaint      *complaint,
                                           GError           **error);
gboolean    dpo_store_save_communication  (DpoStore          *self,
                                           const char        *incident_id,
                                           DpoCommunication  *communication,
                                           GError           **error);

typedef enum
{
  DPO_CHILD_EVENT,
  DPO_CHILD_NOTIFICATION,
  DPO_CHILD_COMPLAINT,
  DPO_CHILD_COMMUNICATION,
} DpoIncidentChild;

gboolean    dpo_store_delete_incident_child (DpoStore        *self,
                                             DpoIncidentChild kind,
                                             gint64           rowid,
                                             GError         **error);

gboolean    dpo_store_save_subject        (DpoStore          *self,
                                           DpoSubject        *subject,
                                           GError           **error);
gboolean    dpo_store_save_contract       (DpoStore          *self,
                                           const char        *subject_id,
                                           DpoContract       *contract,
                                           GError           **error);
gboolean    dpo_store_save_request        (DpoStore          *self,
                                           DpoRequest        *request,
                                           GError           **error);

/* Carries a request out (DESIGN "Carrying a request out"), as of
 * dpo_store_dup_now():
 * - erasure: refused while a contract is active (DPO_ERROR_ACTIVE_CONTRACT,
 *   the refusal recorded and committed); otherwise deletes the person and
 *   their contracts, the request stays with no subject;
 * - rectification: applies the request's changes;
 * - access, portability: writes the person's data as JSON to @output.
 * A request already answered, refused or withdrawn fails with
 * DPO_ERROR_ALREADY_DONE. On success @outcome (if not NULL) receives the
 * outcome recorded, in plain words. */
gboolean    dpo_store_execute_request     (DpoStore          *self,
                                           const char        *id,
                                           GFile             *output,
                                           char             **outcome,
                                           GError           **error);

/* The same, into @file, whole or not at all (see dpo-export-json.c); the
 * async variant runs on a worker thread with its own connection, as of the
 * caller's "now". Errors name the file. */
gboolean    dpo_store_export_json_file        (DpoStore            *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GError             **error);
void        dpo_store_export_json_file_async  (DpoStore            *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    dpo_store_export_json_file_finish (DpoStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
