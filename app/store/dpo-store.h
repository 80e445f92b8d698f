/* dpo-store.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-organisation.h"
#include "dpo-records.h"

G_BEGIN_DECLS

#define DPO_TYPE_STORE (dpo_store_get_type ())

G_DECLARE_FINAL_TYPE (DpoStore, dpo_store, DPO, STORE, GObject)

/* The schema version this program writes (PRAGMA user_version). */
#define DPO_STORE_SCHEMA_VERSION 12

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

/* The seal of the audit log: the hash that ends its chain (64 hexadecimal
 * digits). A copy kept elsewhere (the registers workbook, the incident
 * report) proves the log up to that entry: `dpo audit verify` prints it.
 * NULL if the log cannot be read. */
char       *dpo_store_dup_audit_seal    (DpoStore     *self);

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

/* The years a person's data are kept after the end of a contract covering
 * them (DESIGN "Domain additions"; Code de la mutualité L221-11): 0 (the
 * default) erases from the day after the end. Kept in the database, where
 * the erasure trigger reads it. Setting it checks it first
 * (dpo_erasure_check_retention_years(): 0 to DPO_RETENTION_MAX_YEARS) and
 * writes it with an audit entry. */
guint       dpo_store_get_retention_years (DpoStore   *self);
gboolean    dpo_store_set_retention_years (DpoStore   *self,
                                           gint64      years,
                                           GError    **error);

/* The organisation and its DPO (never NULL: an empty one when not set).
 * Setting it checks it first (dpo_organisation_check(): nothing is written
 * on an error, which names the field), then writes it in one transaction
 * with an audit entry of what changed. */
DpoOrganisation *dpo_store_get_organisation (DpoStore             *self);
gboolean    dpo_store_set_organisation  (DpoStore               *self,
                                         const DpoOrganisation  *organisation,
                                         GError                **error);

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
  DPO_URGENCY_DUE_SOON,   /* open and due within the next DPO_DUE_SOON_DAYS days */
} DpoUrgency;

/* Zero-initialised, it filters nothing. */
typedef struct
{
  const char       *search;     /* NULL or "" for all */
  gboolean          open;       /* only open requests (dpo_request_status_is_open()) */
  gboolean          by_status;  /* only those in @status */
  DpoRequestStatus  status;
  gboolean          by_kind;    /* only those of @kind */
  DpoRequestKind    kind;
  DpoUrgency        urgency;
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
/* A legal hold of the person @subject_id: inserted when its rowid is 0,
 * updated otherwise (lifting a hold sets its end date). */
gboolean    dpo_store_save_hold           (DpoStore          *self,
                                           const char        *subject_id,
                                           DpoHold           *hold,
                                           GError           **error);
gboolean    dpo_store_save_request        (DpoStore          *self,
                                           DpoRequest        *request,
                                           GError           **error);


G_END_DECLS
