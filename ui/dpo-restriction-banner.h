/* dpo-restriction-banner.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DPO_TYPE_RESTRICTION_BANNER (dpo_restriction_banner_get_type ())

G_DECLARE_FINAL_TYPE (DpoRestrictionBanner, dpo_restriction_banner, DPO, RESTRICTION_BANNER, GtkBox)

/* The strip under a view's header that says a person's processing is
 * restricted (GDPR Art. 18): "Processing restricted since 6 February 2024:
 * reason". Shown while @since is set, hidden otherwise. */
void        dpo_restriction_banner_set_restriction (DpoRestrictionBanner *self,
                                                    const char           *since,
                                                    const char           *reason);
/* A button at the banner's end naming @action_name (the person view's
 * "Lift Restriction…"); none by default. */
void        dpo_restriction_banner_set_button      (DpoRestrictionBanner *self,
                                                    const char           *label,
                                                    const char           *action_name);
const char *dpo_restriction_banner_get_text        (DpoRestrictionBanner *self);

G_END_DECLS
