/* dpo-letter-kinds.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-computed.h"
#include "dpo-error.h"
#include "dpo-letter-kinds.h"
#include "dpo-time.h"

static const char * const WORDS[] = {
  [DPO_LETTER_ACKNOWLEDGEMENT] = "acknowledgement",
  [DPO_LETTER_IDENTITY] = "identity",
  [DPO_LETTER_EXTENSION] = "extension",
  [DPO_LETTER_REFUSAL] = "refusal",
  [DPO_LETTER_ANSWER] = "answer",
};

G_STATIC_ASSERT (G_N_ELEMENTS (WORDS) == DPO_N_LETTER_KINDS);

const char *
dpo_letter_kind_to_word (DpoLetterKind kind)
{
  g_return_val_if_fail (kind < DPO_N_LETTER_KINDS, NULL);
  return WORDS[kind];
}

gboolean
dpo_letter_kind_from_word (const char    *word,
                           DpoLetterKind *kind)
{
  for (guint i = 0; i < DPO_N_LETTER_KINDS; i++)
    if (g_strcmp0 (word, WORDS[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
dpo_letter_kind_label (DpoLetterKind kind)
{
  switch (kind)
    {
    case DPO_LETTER_ACKNOWLEDGEMENT:
      return _("Acknowledgement");
    case DPO_LETTER_IDENTITY:
      return _("Request for proof of identity");
    case DPO_LETTER_EXTENSION:
      return _("Extension notice");
    case DPO_LETTER_REFUSAL:
      return _("Refusal");
    case DPO_LETTER_ANSWER:
      return _("Answer");
    case DPO_N_LETTER_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
misfit (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
misfit (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID, message);
  return FALSE;
}

/* The request's status as the DPO reads it ("answered" -> "Answered"). */
static const char *
status_label (const DpoRequest *request)
{
  return dpo_enum_label (DPO_ENUM_REQUEST_STATUS, request->status != NULL ? request->status
                                                                          : "received");
}

static gboolean
extension_fits (const DpoRequest  *request,
                GDateTime         *now,
                gboolean           alsace_moselle,
                GError           **error)
{
  DpoRequestDeadlines deadlines;
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *due = NULL;
  GDate today;

  dpo_request_get_deadlines (request, now, alsace_moselle, &deadlines);
  if (deadlines.extended)
    return misfit (error, _("Request %s was already extended: its notice was recorded."),
                   request->id);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  due = dpo_date_format_display (&deadlines.due_on);
  if (g_date_compare (&today, &deadlines.due_on) > 0)
    return misfit (error, _("Too late for an extension of request %s: the extension must be "
                            "notified before %s, the one-month due date, and that date has "
                            "passed."), request->id, due);
  if (request->extension_reason == NULL || *request->extension_reason == '\0')
    return misfit (error, _("An extension notice gives its reason: record the reason for "
                            "extending request %s first (Edit, Extension)."), request->id);
  return TRUE;
}

gboolean
dpo_letter_kind_fits (DpoLetterKind      kind,
                      const DpoRequest  *request,
                      GDateTime         *now,
                      gboolean           alsace_moselle,
                      GError           **error)
{
  gboolean open;

  g_return_val_if_fail (kind < DPO_N_LETTER_KINDS, FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  open = dpo_request_is_open (request);
  switch (kind)
    {
    case DPO_LETTER_ACKNOWLEDGEMENT:
    case DPO_LETTER_IDENTITY:
    case DPO_LETTER_EXTENSION:
      if (!open)
        return misfit (error, _("Request %s is closed (%s): a letter of this kind is only for "
                                "an open request."), request->id, status_label (request));
      if (kind == DPO_LETTER_IDENTITY && request->identity_verified_at != NULL)
        return misfit (error, _("The identity of the person behind request %s is already "
                                "verified."), request->id);
      if (kind == DPO_LETTER_EXTENSION)
        return extension_fits (request, now, alsace_moselle, error);
      return TRUE;
    case DPO_LETTER_REFUSAL:
      if (dpo_request_get_status (request) != DPO_REQUEST_REFUSED)
        return misfit (error, _("Request %s is not refused (%s): a refusal letter states the "
                                "ground of a refusal already recorded."),
                       request->id, status_label (request));
      return TRUE;
    case DPO_LETTER_ANSWER:
      if (dpo_request_get_status (request) != DPO_REQUEST_ANSWERED)
        return misfit (error, _("Request %s is not answered (%s): carry it out first, then "
                                "send the answer."), request->id, status_label (request));
      return TRUE;
    case DPO_N_LETTER_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}
