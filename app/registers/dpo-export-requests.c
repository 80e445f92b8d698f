/* dpo-export-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-export-xlsx-private.h"
#include "dpo-time.h"

/* The requests register (GDPR Arts. 15-21), in the order the requests were
 * received (then recorded: the index's own order). The one register that
 * can be long: a million rows go through here. */

/* dpo_enum_label() asks gettext each time; a million requests ask for the
 * same few words, so they are looked up once (the request vocabularies
 * have at most six words; others would stay untranslated, not be lost). */
typedef struct
{
  const char * const *words;
  const char         *labels[16];
} Labels;

static void
labels_init (Labels  *labels,
             DpoEnum  vocabulary)
{
  labels->words = dpo_enum_words (vocabulary);
  for (guint i = 0; labels->words[i] != NULL && i < G_N_ELEMENTS (labels->labels); i++)
    labels->labels[i] = dpo_enum_label (vocabulary, labels->words[i]);
}

static const char *
labels_get (const Labels *labels,
            const char   *word)
{
  if (word == NULL)
    return NULL;
  for (guint i = 0; labels->words[i] != NULL && i < G_N_ELEMENTS (labels->labels); i++)
    {
      if (strcmp (labels->words[i], word) == 0)
        return labels->labels[i];
    }
  return word;
}

typedef struct
{
  Labels      kinds;
  Labels      channels;
  Labels      statuses;
  const char *yes;
  const char *no;
  const char *erased;
} RequestLabels;

static const DpoXlsxColumn request_columns[] = {
  { NC_("register column", "Reference"), 14 },
  { NC_("register column", "Received"), W_DATE_TIME },
  { NC_("register column", "Kind"), 14 },
  { NC_("register column", "Channel"), 10 },
  { NC_("register column", "Person"), 24 },
  { NC_("register column", "Identity verified"), W_DATE_TIME },
  { NC_("register column", "Due"), W_DATE },
  { NC_("register column", "Extended due"), W_DATE },
  { NC_("register column", "Status"), 12 },
  { NC_("register column", "Answered"), W_DATE_TIME },
  { NC_("register column", "On time"), 8 },
  { NC_("register column", "Outcome"), 40 },
  /* Beyond DESIGN's required columns. */
  { NC_("register column", "Refusal ground"), 30 },
  { NC_("register column", "Extension reason"), 30 },
};

static void
request_labels_init (RequestLabels *labels)
{
  labels_init (&labels->kinds, DPO_ENUM_REQUEST_KIND);
  labels_init (&labels->channels, DPO_ENUM_REQUEST_CHANNEL);
  labels_init (&labels->statuses, DPO_ENUM_REQUEST_STATUS);
  labels->yes = C_("on time", "Yes");
  labels->no = C_("on time", "No");
  /* The person was erased; the request stays in the register. */
  labels->erased = _("Data erased");
}

static const char *
on_time_label (const DpoRequest          *request,
               const DpoRequestDeadlines *deadlines,
               const RequestLabels       *labels)
{
  switch (dpo_request_get_on_time (request, deadlines, NULL))
    {
    case DPO_ON_TIME_YES:
      return labels->yes;
    case DPO_ON_TIME_LATE:
      return labels->no;
    case DPO_ON_TIME_NOT_YET:
    default:
      return NULL;
    }
}

static const char *
request_person (const DpoRequest    *request,
                const RequestLabels *labels)
{
  if (request->subject_name != NULL)
    return request->subject_name;
  if (request->requester_name != NULL)
    return request->requester_name;
  return labels->erased;
}

static void
write_request (DpoXlsxSheet        *sheet,
               const DpoRequest    *request,
               const RequestLabels *labels,
               Export              *e)
{
  DpoRequestDeadlines deadlines;
  guint c = 0;

  dpo_request_get_deadlines_on (request, &e->today, e->alsace_moselle, &deadlines);

  dpo_xlsx_sheet_text (sheet, c++, request->id);
  dpo_xlsx_sheet_date_time (sheet, c++, request->received_at);
  dpo_xlsx_sheet_text (sheet, c++, labels_get (&labels->kinds, request->kind));
  dpo_xlsx_sheet_text (sheet, c++, labels_get (&labels->channels, request->channel));
  dpo_xlsx_sheet_text (sheet, c++, request_person (request, labels));
  dpo_xlsx_sheet_date_time (sheet, c++, request->identity_verified_at);
  dpo_xlsx_sheet_date (sheet, c++, &deadlines.due_on);
  dpo_xlsx_sheet_date (sheet, c++, deadlines.extended ? &deadlines.extended_due_on : NULL);
  dpo_xlsx_sheet_text (sheet, c++, labels_get (&labels->statuses, request->status));
  dpo_xlsx_sheet_date_time (sheet, c++, request->answered_at);
  dpo_xlsx_sheet_text (sheet, c++, on_time_label (request, &deadlines, labels));
  dpo_xlsx_sheet_text (sheet, c++, request->outcome);
  dpo_xlsx_sheet_text (sheet, c++, request->refusal_ground);
  dpo_xlsx_sheet_text (sheet, c++, request->extension_reason);
}

gboolean
_dpo_export_write_requests (Export  *e,
                            GError **error)
{
  RequestLabels labels;
  DpoXlsxSheet *sheet;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  request_labels_init (&labels);
  sheet = dpo_xlsx_book_add_sheet (e->book, C_("sheet", "Requests"), request_columns,
                                   G_N_ELEMENTS (request_columns), error);
  if (sheet == NULL)
    return FALSE;

  stmt = _dpo_store_prepare (e->store, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                                       "LEFT JOIN subjects s ON s.pk = r.subject "
                                       "ORDER BY r.received_at, r.pk", error);
  if (stmt == NULL)
    return FALSE;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DpoRequest) request = _dpo_request_from_row (stmt);

      ok = dpo_xlsx_sheet_next_row (sheet, error) && _dpo_export_tick (e, error);
      if (ok)
        write_request (sheet, request, &labels, e);
    }
  sqlite3_reset (stmt);

  if (ok && rc != SQLITE_DONE)
    return _dpo_export_set_read_error (e, error);
  return ok && dpo_xlsx_sheet_finish (sheet, error);
}
