/* dpo-computed.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-computed.h"
#include "dpo-time.h"

GDateTime *
dpo_incident_dup_cnil_deadline (const DpoIncident *incident)
{
  g_return_val_if_fail (incident != NULL, NULL);

  if (!dpo_cnil_required (incident->risk) || incident->aware_at == NULL)
    return NULL;
  return dpo_cnil_deadline (incident->aware_at);
}

DpoCnilStatus
dpo_incident_get_cnil_status (const DpoIncident *incident,
                              GDateTime         *now)
{
  g_return_val_if_fail (incident != NULL, DPO_CNIL_PENDING);

  return dpo_cnil_status (incident->risk, incident->aware_at,
                          incident->cnil_notified_at, now);
}

gboolean
dpo_request_is_open (const DpoRequest *request)
{
  g_return_val_if_fail (request != NULL, FALSE);

  return g_strcmp0 (request->status, "received") == 0 ||
         g_strcmp0 (request->status, "in_progress") == 0;
}

void
dpo_request_get_deadlines (const DpoRequest    *request,
                           GDateTime           *now,
                           gboolean             alsace_moselle,
                           DpoRequestDeadlines *out)
{
  GDate today;

  g_return_if_fail (request != NULL);
  g_return_if_fail (request->received_at != NULL);
  g_return_if_fail (now != NULL);
  g_return_if_fail (out != NULL);

  dpo_time_get_local_date (request->received_at, &out->received_on);
  dpo_request_due_on (&out->received_on, FALSE, alsace_moselle, &out->due_on);
  dpo_request_due_on (&out->received_on, TRUE, alsace_moselle, &out->extended_due_on);
  out->extended = request->extension_notified_at != NULL;
  out->open = dpo_request_is_open (request);

  dpo_time_get_local_date (now, &today);
  out->overdue = out->open &&
                 g_date_compare (&today, dpo_request_deadlines_current (out)) > 0;
}

const GDate *
dpo_request_deadlines_current (const DpoRequestDeadlines *deadlines)
{
  g_return_val_if_fail (deadlines != NULL, NULL);

  return deadlines->extended ? &deadlines->extended_due_on : &deadlines->due_on;
}
