/* dpo-json-text.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @node as JSON text (@pretty: indented by two spaces), always valid JSON:
 * use it instead of json_to_string() and json_generator_to_data(). */
char *dpo_json_to_text (JsonNode *node,
                        gboolean  pretty);

G_END_DECLS
