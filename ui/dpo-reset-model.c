/* dpo-reset-model.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-reset-model.h"

/* A screenful first; then more each frame, until GTK has all the rows it
 * keeps (200 in GTK 4.8); past those, the rest at once costs nothing. */
#define FIRST_ROWS   24
#define STEP_ROWS    24
#define BUILT_ROWS   240

struct _DpoResetModel
{
  GObject     parent_instance;

  GListModel *model;
  gulong      items_changed_id;
  guint       n_items;     /* what we last reported */
  guint       first_rows;  /* shown at once after a reset */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DpoResetModel, dpo_reset_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
dpo_reset_model_get_item_type (GListModel *list)
{
  DpoResetModel *self = DPO_RESET_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
dpo_reset_model_get_n_items (GListModel *list)
{
  return DPO_RESET_MODEL (list)->n_items;
}

static gpointer
dpo_reset_model_get_item (GListModel *list,
                          guint       position)
{
  DpoResetModel *self = DPO_RESET_MODEL (list);

  if (self->model == NULL || position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = dpo_reset_model_get_item_type;
  iface->get_n_items = dpo_reset_model_get_n_items;
  iface->get_item = dpo_reset_model_get_item;
}

static guint
source_n_items (DpoResetModel *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

/* Empty first, then fill: two cheap changes instead of one costly one.
 * The rows come a screenful at a time (dpo_reset_model_reveal_more()), so
 * that the first frame does not wait for GTK to build hundreds of rows. */
static void
reset (DpoResetModel *self)
{
  guint old_n_items = self->n_items;

  self->n_items = 0;
  if (old_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);

  self->n_items = MIN (source_n_items (self), self->first_rows);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

gboolean
dpo_reset_model_reveal_more (DpoResetModel *self)
{
  guint total, old_n_items;

  g_return_val_if_fail (DPO_IS_RESET_MODEL (self), FALSE);

  total = source_n_items (self);
  old_n_items = self->n_items;
  if (old_n_items >= total)
    return FALSE;

  self->n_items = old_n_items + STEP_ROWS >= BUILT_ROWS ? total : MIN (total, old_n_items + STEP_ROWS);
  g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, self->n_items - old_n_items);
  return self->n_items < total;
}

gboolean
dpo_reset_model_is_partial (DpoResetModel *self)
{
  g_return_val_if_fail (DPO_IS_RESET_MODEL (self), FALSE);

  return self->n_items < source_n_items (self);
}

static void
on_items_changed_cb (DpoResetModel *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  /* The whole list, or a list not all shown yet: start again. */
  if ((position == 0 && removed == self->n_items && removed > 0 && added > 0) ||
      self->n_items + added - removed != source_n_items (self))
    {
      reset (self);
      return;
    }

  self->n_items = g_list_model_get_n_items (model);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
dpo_reset_model_dispose (GObject *object)
{
  DpoResetModel *self = DPO_RESET_MODEL (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dpo_reset_model_parent_class)->dispose (object);
}

static void
dpo_reset_model_class_init (DpoResetModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dpo_reset_model_dispose;
}

static void
dpo_reset_model_init (DpoResetModel *self)
{
  self->first_rows = FIRST_ROWS;
}

void
dpo_reset_model_set_first_rows (DpoResetModel *self,
                                guint          first_rows)
{
  g_return_if_fail (DPO_IS_RESET_MODEL (self));

  self->first_rows = CLAMP (first_rows, 1, BUILT_ROWS);
}

DpoResetModel *
dpo_reset_model_new (void)
{
  return g_object_new (DPO_TYPE_RESET_MODEL, NULL);
}

GListModel *
dpo_reset_model_get_model (DpoResetModel *self)
{
  g_return_val_if_fail (DPO_IS_RESET_MODEL (self), NULL);

  return self->model;
}

void
dpo_reset_model_set_model (DpoResetModel *self,
                           GListModel    *model)
{
  g_return_if_fail (DPO_IS_RESET_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_changed_id = g_signal_connect_object (model, "items-changed",
                                                      G_CALLBACK (on_items_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
  reset (self);
}
