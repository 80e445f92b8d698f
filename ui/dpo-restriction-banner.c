/* dpo-restriction-banner.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-carry-out-decision.h"
#include "dpo-restriction-banner.h"

/* libadwaita 1.2 has no AdwBanner: a box styled like one (style.css). The
 * words come from the core, so the window, the command line and the
 * workbook say the same thing. */

struct _DpoRestrictionBanner
{
  GtkBox     parent_instance;

  GtkLabel  *label;
  GtkButton *button;
};

G_DEFINE_FINAL_TYPE (DpoRestrictionBanner, dpo_restriction_banner, GTK_TYPE_BOX)

static void
dpo_restriction_banner_class_init (DpoRestrictionBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-restriction-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoRestrictionBanner, label);
  gtk_widget_class_bind_template_child (widget_class, DpoRestrictionBanner, button);
}

static void
dpo_restriction_banner_init (DpoRestrictionBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
dpo_restriction_banner_set_restriction (DpoRestrictionBanner *self,
                                        const char           *since,
                                        const char           *reason)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DPO_IS_RESTRICTION_BANNER (self));

  gtk_widget_set_visible (GTK_WIDGET (self), since != NULL);
  if (since == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }
  text = dpo_restriction_describe (since, reason);
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
dpo_restriction_banner_set_button (DpoRestrictionBanner *self,
                                   const char           *label,
                                   const char           *action_name)
{
  g_return_if_fail (DPO_IS_RESTRICTION_BANNER (self));

  gtk_button_set_label (self->button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action_name);
  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL);
}

const char *
dpo_restriction_banner_get_text (DpoRestrictionBanner *self)
{
  g_return_val_if_fail (DPO_IS_RESTRICTION_BANNER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->label) : NULL;
}
