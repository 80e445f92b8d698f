/* dpo-export-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-carry-out-decision.h"
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
  /* Art. 18: the person's processing is restricted (issue 12). */
  { NC_("register column", "Restricted"), 30 },
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

/* DESIGN's "on time": answered on or before the current due date; still
 * open, late ("No") only once that date has passed. */
static const char *
on_time_label (const DpoRequestRow       *row,
               const DpoRequestDeadlines *deadlines,
               const GDate               *answered,
               const RequestLabels       *labels)
{
  switch (dpo_request_on_time_on (deadlines, row->answered_at != DPO_STORE_NO_TIME ? answered : NULL, NULL))
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
request_person (const DpoRequestRow *row,
                const RequestLabels *labels)
{
  if (row->person != NULL)
    return row->person;
  if (row->requester_name != NULL)
    return row->requester_name;
  return labels->erased;
}

static void
write_time (DpoXlsxSheet *sheet,
            guint         column,
            gint64        unix_time,
            GDate        *local_date)
{
  if (unix_time != DPO_STORE_NO_TIME)
    dpo_xlsx_sheet_unix_time (sheet, column, unix_time, local_date);
  else if (local_date != NULL)
    g_date_clear (local_date, 1);
}

/* The hot loop of the export: columns go from the row straight into cells,
 * with no record, GDateTime or string made per row. */
static void
write_request (DpoXlsxSheet        *sheet,
               const DpoRequestRow *row,
               const RequestLabels *labels,
               Export              *e)
{
  DpoRequestDeadlines deadlines;
  GDate received, answered;
  guint c = 0;

  dpo_xlsx_sheet_text (sheet, c++, row->id);
  write_time (sheet, c++, row->received_at, &received);
  dpo_xlsx_sheet_text (sheet, c++, labels_get (&labels->kinds, row->kind));
  dpo_xlsx_sheet_text (sheet, c++, labels_get (&labels->channels, row->channel));
  dpo_xlsx_sheet_text (sheet, c++, request_person (row, labels));
  write_time (sheet, c++, row->identity_verified_at, NULL);
  if (!g_date_valid (&received))
    {
      /* Only a time Excel cannot show comes here: its cell is text. */
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (row->received_at);

      if (at != NULL)
        dpo_time_get_local_date (at, &received);
      else
        g_date_set_dmy (&received, 1, 1, 1);
    }
  dpo_request_deadlines_from (&received, row->extension_notified_at != DPO_STORE_NO_TIME,
                              dpo_request_status_is_open (dpo_enum_value (DPO_ENUM_REQUEST_STATUS, row->status)), &e->today,
                              e->alsace_moselle, &deadlines);
  dpo_xlsx_sheet_date (sheet, c++, &deadlines.due_on);
  dpo_xlsx_sheet_date (sheet, c++, deadlines.extended ? &deadlines.extended_due_on : NULL);
  dpo_xlsx_sheet_text (sheet, c++, labels_get (&labels->statuses, row->status));
  write_time (sheet, c++, row->answered_at, &answered);
  if (row->answered_at != DPO_STORE_NO_TIME && !g_date_valid (&answered))
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (row->answered_at);

      if (at != NULL)
        dpo_time_get_local_date (at, &answered);
    }
  dpo_xlsx_sheet_text (sheet, c++, on_time_label (row, &deadlines, &answered, labels));
  dpo_xlsx_sheet_text (sheet, c++, row->outcome);
  dpo_xlsx_sheet_text (sheet, c++, row->refusal_ground);
  dpo_xlsx_sheet_text (sheet, c++, row->extension_reason);
  if (row->restricted_since != NULL)
    {
      g_autofree char *restricted = dpo_restriction_describe (row->restricted_since,
                                                              row->restriction_reason);

      dpo_xlsx_sheet_text (sheet, c++, restricted);
    }
}

gboolean
_dpo_export_write_requests (Export  *e,
                            GError **error)
{
  g_autoptr(DpoStoreCursor) cursor = NULL;
  const DpoRequestRow *row;
  RequestLabels labels;
  DpoXlsxSheet *sheet;
  GError *read_error = NULL;
  gboolean ok = TRUE;

  request_labels_init (&labels);
  sheet = dpo_xlsx_book_add_sheet (e->book, C_("sheet", "Requests"), request_columns,
                                   G_N_ELEMENTS (request_columns), error);
  if (sheet == NULL)
    return FALSE;

  cursor = dpo_store_cursor_request_rows (e->store, DPO_STORE_ORDER_DATE, error);
  if (cursor == NULL)
    return FALSE;
  /* The store is not used otherwise until the cursor goes. */
  dpo_store_cursor_prefetch (cursor);

  while (ok && (row = dpo_store_cursor_next_request_row (cursor, &read_error)) != NULL)
    {
      ok = dpo_xlsx_sheet_next_row (sheet, error) && _dpo_export_tick (e, error);
      if (ok)
        write_request (sheet, row, &labels, e);
    }

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return ok && dpo_xlsx_sheet_finish (sheet, error);
}
