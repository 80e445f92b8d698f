/* dpo-store-restriction.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-private.h"
#include "dpo-store-restriction.h"

/* A restriction (Art. 18) lives on the person (subjects.restricted_since,
 * restriction_reason): set by carrying out a restriction request, ended by
 * lifting it. Neither goes through the person's ordinary save, so an editor
 * open on an older copy of the person cannot undo one. */

static void
add_restriction (JsonBuilder *builder,
                 const char  *since,
                 const char  *reason)
{
  if (since == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "since");
  json_builder_add_string_value (builder, since);
  json_builder_set_member_name (builder, "reason");
  if (reason != NULL)
    json_builder_add_string_value (builder, reason);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* { "restricted": [old, new], "request": id } as the audit log keeps it. */
static JsonNode *
restriction_change (const DpoSubject *subject,
                    const char       *since,
                    const char       *reason,
                    const char       *request_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "restricted");
  json_builder_begin_array (builder);
  add_restriction (builder, subject->restricted_since, subject->restriction_reason);
  add_restriction (builder, since, reason);
  json_builder_end_array (builder);
  if (request_id != NULL)
    {
      json_builder_set_member_name (builder, "request");
      json_builder_add_string_value (builder, request_id);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Sets (or, with @since NULL, clears) the restriction of @subject in the
 * caller's transaction, audited, and updates @subject to match. */
gboolean
_dpo_store_set_restriction (DpoStore    *self,
                            DpoSubject  *subject,
                            const char  *since,
                            const char  *reason,
                            const char  *request_id,
                            GError     **error)
{
  g_autoptr(JsonNode) change = restriction_change (subject, since, reason, request_id);
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "UPDATE subjects SET restricted_since = ?, "
                                                 "restriction_reason = ? WHERE pk = ?", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, since);
  _dpo_bind_text (stmt, 2, since != NULL ? reason : NULL);
  dpo_sql_bind_int64 (stmt, 3, subject->rowid);
  if (!_dpo_store_step_done (self, stmt, error) ||
      !_dpo_store_audit (self, "subject", subject->id, "update", change, error))
    return FALSE;
  g_free (subject->restricted_since);
  subject->restricted_since = g_strdup (since);
  g_free (subject->restriction_reason);
  subject->restriction_reason = since != NULL ? g_strdup (reason) : NULL;
  return TRUE;
}

static gboolean
lift (DpoStore  *self,
      gpointer   data,
      GError   **error)
{
  g_autoptr(DpoSubject) subject = dpo_store_get_subject (self, data, error);

  if (subject == NULL)
    return FALSE;
  if (subject->restricted_since == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Processing of %s %s’s data is not restricted: there is nothing to lift."),
                   subject->first_name, subject->last_name);
      return FALSE;
    }
  return _dpo_store_set_restriction (self, subject, NULL, NULL, NULL, error);
}

gboolean
dpo_store_lift_restriction (DpoStore    *self,
                            const char  *subject_id,
                            GError     **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);

  return _dpo_store_write (self, lift, (gpointer) subject_id, error);
}
