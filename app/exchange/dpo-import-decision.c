/* dpo-import-decision.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-enums.h"
#include "dpo-import-decision.h"

gboolean
_dpo_read_subject_restricted (DpoImportFields *f,
                              JsonObject      *object,
                              DpoSubject      *subject)
{
  g_autofree char *path = NULL;
  JsonObject *restricted = NULL;
  DpoImportFields child;

  if (!_dpo_field_object (f, object, "restricted", FALSE, &restricted))
    return FALSE;
  if (restricted == NULL)
    return TRUE;

  path = g_strdup_printf ("%s.restricted", f->path);
  child = (DpoImportFields) { f->doc, f->error, path };
  return _dpo_field_date (&child, restricted, "since", TRUE, &subject->restricted_since) &&
         _dpo_field_string (&child, restricted, "reason", TRUE, &subject->restriction_reason);
}

gboolean
_dpo_read_request_decision (DpoImportFields *f,
                            JsonObject      *object,
                            DpoRequest      *request)
{
  if (!_dpo_field_enum (f, object, "decision", DPO_ENUM_OBJECTION_DECISION, FALSE, &request->decision) ||
      !_dpo_field_string (f, object, "decision_reason", FALSE, &request->decision_reason))
    return FALSE;

  if (request->decision != NULL && dpo_request_get_kind (request) != DPO_REQUEST_OBJECTION)
    return _dpo_field_fail (f, "decision", _("only an objection has a decision"));
  if (request->decision != NULL && request->decision_reason == NULL)
    return _dpo_field_fail (f, "decision_reason", _("is missing: a decision needs its reason"));
  if (request->decision == NULL && request->decision_reason != NULL)
    return _dpo_field_fail (f, "decision", _("is missing: the reason is given for a decision"));
  return TRUE;
}
