/* dpo-carry-out.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-carry-out.h"
#include "dpo-computed.h"
#include "dpo-error.h"
#include "dpo-person-fields.h"
#include "dpo-time.h"

const DpoContract *
dpo_erasure_find_active_contract (const DpoSubject *subject,
                                  GDateTime        *now)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (subject != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  date = dpo_time_to_local_iso_date (now);
  /* Covered as holder, then as beneficiary of another's contract. */
  for (guint i = 0; subject->contracts != NULL && i < subject->contracts->len; i++)
    if (dpo_contract_is_active_on (g_ptr_array_index (subject->contracts, i), date))
      return g_ptr_array_index (subject->contracts, i);
  for (guint i = 0; subject->covered_by != NULL && i < subject->covered_by->len; i++)
    if (dpo_contract_is_active_on (g_ptr_array_index (subject->covered_by, i), date))
      return g_ptr_array_index (subject->covered_by, i);
  return NULL;
}

gboolean
dpo_request_kind_writes_file (DpoRequestKind kind)
{
  return kind == DPO_REQUEST_ACCESS || kind == DPO_REQUEST_PORTABILITY;
}

static gboolean
has_changes (const DpoRequest *request)
{
  g_autoptr(GPtrArray) changes = dpo_request_dup_changes (request);

  return changes->len > 0;
}

gboolean
dpo_request_check_executable (const DpoRequest  *request,
                              GError           **error)
{
  DpoRequestKind kind;

  g_return_val_if_fail (request != NULL, FALSE);

  kind = dpo_request_get_kind (request);
  /* Restriction and objection are carried out too (dpo-carry-out-decision.h):
   * they need the DPO's reason (and decision), asked for when carrying out. */
  if (!dpo_request_is_open (request))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_ALREADY_DONE,
                   _("Request %s is already closed (status: %s); it is not carried out again."),
                   request->id, dpo_enum_label (DPO_ENUM_REQUEST_STATUS, request->status));
      return FALSE;
    }
  if (request->subject_id == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Request %s is not linked to a person in the register: link it to the person "
                     "first."), request->id);
      return FALSE;
    }
  if (kind == DPO_REQUEST_RECTIFICATION && !has_changes (request))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Rectification %s has no changes to apply: record the requested changes first."),
                   request->id);
      return FALSE;
    }
  return TRUE;
}
