/* dpo-affected-check.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-affected-check.h"
#include "dpo-store-affected.h"

struct _DpoAffectedCheck
{
  GtkBox     parent_instance;

  GtkEntry  *entry;
  GtkLabel  *answer;
  DpoStore  *store;
};

G_DEFINE_FINAL_TYPE (DpoAffectedCheck, dpo_affected_check, GTK_TYPE_BOX)

static void
show_answer (DpoAffectedCheck *self,
             const char       *text,
             const char       *css_class)
{
  gtk_label_set_text (self->answer, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->answer), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->answer), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->answer), "success");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->answer), css_class);
  gtk_widget_set_visible (GTK_WIDGET (self->answer), *text != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
dpo_affected_check_ask (DpoAffectedCheck *self,
                        const char       *text)
{
  g_autofree char *nir = NULL;
  g_autofree char *member = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_return_if_fail (DPO_IS_AFFECTED_CHECK (self));
  g_return_if_fail (text != NULL);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  if (self->store == NULL)
    return;
  if (*trimmed == '\0')
    {
      show_answer (self, "", NULL);
      return;
    }
  /* Two indexed lookups: fast enough to answer on the spot, even with
   * millions of rows. */
  if (!dpo_affected_parse_query (text, &nir, &member, &error) ||
      (entries = dpo_store_affected_check (self->store, nir, member, &error)) == NULL)
    {
      show_answer (self, error->message, "error");
      return;
    }
  answer = dpo_affected_describe (entries);
  show_answer (self, answer, entries->len > 0 ? "warning" : "success");
}

const char *
dpo_affected_check_get_answer (DpoAffectedCheck *self)
{
  g_return_val_if_fail (DPO_IS_AFFECTED_CHECK (self), NULL);

  return gtk_label_get_text (self->answer);
}

static void
on_entry_activate_cb (DpoAffectedCheck *self)
{
  dpo_affected_check_ask (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

/* An answer stays only for the text it answers. */
static void
on_entry_changed_cb (DpoAffectedCheck *self)
{
  show_answer (self, "", NULL);
}

void
dpo_affected_check_set_store (DpoAffectedCheck *self,
                              DpoStore         *store)
{
  g_return_if_fail (DPO_IS_AFFECTED_CHECK (self));

  g_set_object (&self->store, store);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_answer (self, "", NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
}

static void
dpo_affected_check_dispose (GObject *object)
{
  DpoAffectedCheck *self = DPO_AFFECTED_CHECK (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (dpo_affected_check_parent_class)->dispose (object);
}

static void
dpo_affected_check_class_init (DpoAffectedCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dpo_affected_check_dispose;
}

static void
dpo_affected_check_init (DpoAffectedCheck *self)
{
  GtkWidget *label = gtk_label_new (_("Am I affected?"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (self), label);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("NIR or member number, then Enter"));
  gtk_entry_set_input_hints (self->entry, GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_widget_set_size_request (GTK_WIDGET (self->entry), 260, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry),
                               _("Says at once whether someone on the phone is affected by an "
                                 "incident, and how and when they were informed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Am I affected? NIR or member number"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));

  self->answer = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->answer, TRUE);
  gtk_label_set_xalign (self->answer, 0);
  gtk_label_set_selectable (self->answer, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->answer), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->answer), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->answer));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
