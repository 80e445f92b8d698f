/* dpo-paged-model.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-paged-model-private.h"
#include "dpo-row.h"
#include "dpo-store-private.h"

#define PAGE_SIZE 100
/* A list view shows a few dozen rows; 32 pages is plenty of scroll-back. */
#define MAX_CACHED_PAGES 32

struct _DpoPagedModel
{
  GObject       parent_instance;
  DpoStore     *store;
  const char   *count_sql;
  const char   *page_sql;
  GType         record_type;
  DpoRowReader  reader;
  GPtrArray    *params;       /* of char *, NULL entries bind NULL */
  guint         n_items;
  GHashTable   *pages;        /* page number -> GPtrArray of DpoRow */
  gulong        changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DpoPagedModel, dpo_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
bind_params (DpoPagedModel *self,
             DpoSqlStmt  *stmt)
{
  for (guint i = 0; i < self->params->len; i++)
    _dpo_bind_text (stmt, i + 1, g_ptr_array_index (self->params, i));
}

static guint
count_rows (DpoPagedModel *self)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self->store, self->count_sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  bind_params (self, stmt);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    count = (guint) dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return count;
}

static GPtrArray *
fetch_page (DpoPagedModel *self,
            guint          page)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self->store, self->page_sql, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return rows;
  bind_params (self, stmt);
  dpo_sql_bind_int64 (stmt, self->params->len + 1, PAGE_SIZE);
  dpo_sql_bind_int64 (stmt, self->params->len + 2, (gint64) page * PAGE_SIZE);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_ptr_array_add (rows, dpo_row_new (self->record_type, self->reader (stmt)));
  dpo_sql_reset (stmt);
  return rows;
}

static GType
dpo_paged_model_get_item_type (GListModel *model)
{
  return DPO_TYPE_ROW;
}

static guint
dpo_paged_model_get_n_items (GListModel *model)
{
  return DPO_PAGED_MODEL (model)->n_items;
}

static gpointer
dpo_paged_model_get_item (GListModel *model,
                          guint       position)
{
  DpoPagedModel *self = DPO_PAGED_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
        g_hash_table_remove_all (self->pages);
      rows = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  if (position % PAGE_SIZE >= rows->len)
    return NULL;   /* the table shrank under us; a reload is on its way */
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = dpo_paged_model_get_item_type;
  iface->get_n_items = dpo_paged_model_get_n_items;
  iface->get_item = dpo_paged_model_get_item;
}

static void
dpo_paged_model_dispose (GObject *object)
{
  DpoPagedModel *self = (DpoPagedModel *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (dpo_paged_model_parent_class)->dispose (object);
}

static void
dpo_paged_model_finalize (GObject *object)
{
  DpoPagedModel *self = (DpoPagedModel *) object;

  g_clear_pointer (&self->params, g_ptr_array_unref);

  G_OBJECT_CLASS (dpo_paged_model_parent_class)->finalize (object);
}

static void
dpo_paged_model_class_init (DpoPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dpo_paged_model_dispose;
  object_class->finalize = dpo_paged_model_finalize;
}

static void
dpo_paged_model_init (DpoPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

void
dpo_paged_model_reload (DpoPagedModel *self)
{
  guint old_n_items;

  g_return_if_fail (DPO_IS_PAGED_MODEL (self));

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

DpoPagedModel *
dpo_paged_model_new (DpoStore           *store,
                     const char         *count_sql,
                     const char         *page_sql,
                     GType               record_type,
                     DpoRowReader        reader,
                     const char * const *params,
                     guint               n_params)
{
  DpoPagedModel *self;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (count_sql != NULL && page_sql != NULL && reader != NULL, NULL);

  self = g_object_new (DPO_TYPE_PAGED_MODEL, NULL);
  self->store = g_object_ref (store);
  self->count_sql = count_sql;
  self->page_sql = page_sql;
  self->record_type = record_type;
  self->reader = reader;
  self->params = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_params; i++)
    g_ptr_array_add (self->params, g_strdup (params[i]));
  self->n_items = count_rows (self);
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (dpo_paged_model_reload), self);
  return self;
}
