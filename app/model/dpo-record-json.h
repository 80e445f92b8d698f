/* dpo-record-json.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* Records as interchange objects (DESIGN "Interchange format"): the stored
 * fields only; export-json adds the computed ones (exchange/). Times are
 * written with the local offset. */
JsonNode *dpo_incident_to_json (const DpoIncident *incident);
JsonNode *dpo_subject_to_json  (const DpoSubject  *subject);
JsonNode *dpo_request_to_json  (const DpoRequest  *request);

JsonNode *dpo_event_to_json         (const DpoEvent         *event);
JsonNode *dpo_notification_to_json  (const DpoNotification  *notification);
JsonNode *dpo_complaint_to_json     (const DpoComplaint     *complaint);
JsonNode *dpo_communication_to_json (const DpoCommunication *communication);
JsonNode *dpo_contract_to_json      (const DpoContract      *contract);
JsonNode *dpo_hold_to_json          (const DpoHold          *hold);

G_END_DECLS
