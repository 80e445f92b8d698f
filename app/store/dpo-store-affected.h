/* dpo-store-affected.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* The affected population of an incident (DESIGN "Domain additions"):
 * people matched from the processor's list (listed), the co-insured of
 * their contracts, and the rows that matched nobody, kept only as
 * HMAC-SHA256 of their NIR and member number. */

/* What an import found and did, for the DPO to read. */
typedef struct
{
  guint64 rows;              /* data rows read */
  guint64 matched;           /* rows that matched a member */
  guint64 newly_listed;      /* people listed for the first time */
  guint64 co_insured_added;  /* co-insured affected for the first time */
  guint64 unmatched;         /* rows that matched nobody */
  guint64 unmatched_added;   /* of those, not already kept */
  /* The incident's affected people after the import: an email address;
   * else a postal address; else neither. */
  guint64 by_email;
  guint64 by_post;
  guint64 neither;
} DpoAffectedCounts;

/* The incident's affected population, for its view. */
typedef struct
{
  guint64 listed;       /* matched people on the list */
  guint64 co_insured;
  guint64 unmatched;    /* rows kept as hashes */
  guint64 by_email;
  guint64 by_post;
  guint64 neither;
} DpoAffectedSummary;

typedef struct
{
  char *channel;   /* "email" or "post" */
  char *sent_at;   /* as recorded */
} DpoInformed;

/* One incident that affects a person (or an unmatched row). */
typedef struct
{
  char      *incident;   /* the incident's reference */
  char      *subject;    /* the person's id; NULL for an unmatched row */
  gboolean   listed;     /* on the processor's list; FALSE: co-insured */
  GPtrArray *informed;   /* of DpoInformed, by date */
} DpoAffectedEntry;

void dpo_affected_entry_free (DpoAffectedEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoAffectedEntry, dpo_affected_entry_free)

/* An import in progress: the store's transaction is open while the
 * caller's source reads the list and adds its rows. */
typedef struct _DpoAffectedImport DpoAffectedImport;

/* Called once, inside the import's transaction: reads every row and hands
 * it to dpo_affected_import_add_row(). Returning FALSE (with @error) rolls
 * everything back. */
typedef gboolean (*DpoAffectedSource) (DpoAffectedImport  *import,
                                       gpointer            user_data,
                                       GError            **error);

/* Imports a list into the incident @incident_id, all or nothing: the rows
 * that @source adds, then the co-insured of every listed person's
 * contracts, then one audit entry (the counts and @file_name: never a NIR).
 * Rows already recorded add nothing. DPO_ERROR_NOT_FOUND for an unknown
 * incident. */
gboolean dpo_store_import_affected   (DpoStore           *self,
                                      const char         *incident_id,
                                      const char         *file_name,
                                      DpoAffectedSource   source,
                                      gpointer            user_data,
                                      DpoAffectedCounts  *counts,
                                      GError            **error);

/* One row: @nir already validated and normalised (no spaces, upper case)
 * or NULL; @member_number or NULL; at least one of them. */
gboolean dpo_affected_import_add_row (DpoAffectedImport  *import,
                                      const char         *nir,
                                      const char         *member_number,
                                      GError            **error);

/* The incidents that affect whoever @nir or @member_number (either may be
 * NULL) designates: the people with that NIR or member number, and the
 * unmatched rows with those hashes. Sorted by incident; one entry per
 * incident ("listed" wins over "co-insured"). */
GPtrArray *dpo_store_affected_check  (DpoStore           *self,
                                      const char         *nir,
                                      const char         *member_number,
                                      GError            **error);

/* The incidents that affect the person @subject_id, sorted by incident. */
GPtrArray *dpo_store_affected_for_subject (DpoStore      *self,
                                           const char    *subject_id,
                                           GError       **error);

/* The incident's affected people, sorted by person id (entries with
 * @subject set), and its count of unmatched rows. */
GPtrArray *dpo_store_affected_people (DpoStore           *self,
                                      const char         *incident_id,
                                      guint64            *unmatched_count,
                                      GError            **error);

gboolean   dpo_store_affected_summary (DpoStore           *self,
                                       const char         *incident_id,
                                       DpoAffectedSummary *summary,
                                       GError            **error);

/* Normalises a member number as both matching and hashing see it: no
 * surrounding spaces, ASCII upper case. NULL if nothing is left. */
char      *dpo_affected_normalize_member (const char *member_number);

/* In plain words, a line per incident: "Affected by INC-2024-01 (listed),
 * informed by email on 6 February 2024", or "Not affected by any incident". */
char      *dpo_affected_describe     (GPtrArray          *entries);
/* "6 February 2024" (in the user's language) from a date or an ISO time. */
char      *dpo_affected_format_day   (const char         *sent_at);
/* What someone typed to ask "am I affected?": a NIR (validated: one that
 * looks like a NIR but is not valid is an error, not a member number) or
 * a member number. */
gboolean   dpo_affected_parse_query  (const char         *text,
                                      char              **nir,
                                      char              **member_number,
                                      GError            **error);

G_END_DECLS
