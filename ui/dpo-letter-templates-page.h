/* dpo-letter-templates-page.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The Preferences page where the DPO edits the request letters' templates
 * (in the interface's language), checks their placeholders and goes back
 * to the built-in text. */
AdwPreferencesPage *dpo_letter_templates_page_new (DpoStore *store);

G_END_DECLS
