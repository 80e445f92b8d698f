/* dpo-list-page.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_LIST_PAGE (dpo_list_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (DpoListPage, dpo_list_page, DPO, LIST_PAGE, AdwBin)

/* A register page: a search entry, a column view over one of the store's
 * lazy models, and empty / no-result states. Subclasses say which model and
 * add their columns; searching asks the store for a new model (SQL does the
 * filtering), so a keystroke never walks a million rows in GTK. */
struct _DpoListPageClass
{
  AdwBinClass parent_class;

  GListModel *(*list)         (DpoListPage *self,
                               DpoStore    *store,
                               const char  *search);
  char       *(*format_count) (DpoListPage *self,
                               guint        n_items);
  /* TRUE while filters of the subclass's own narrow the list (optional):
   * an empty result then reads "no results", not "nothing yet". */
  gboolean    (*is_filtered)  (DpoListPage *self);
};

DpoStore      *dpo_list_page_get_store          (DpoListPage *self);
void           dpo_list_page_set_store          (DpoListPage *self,
                                                 DpoStore    *store);
/* The lazy model currently shown (NULL without a store). */
GListModel    *dpo_list_page_get_model          (DpoListPage *self);
GtkColumnView *dpo_list_page_get_column_view    (DpoListPage *self);
/* The text searched for ("" when none). */
const char    *dpo_list_page_get_search         (DpoListPage *self);
/* The row of the search entry, for a subclass's filters and buttons. */
GtkBox        *dpo_list_page_get_toolbar        (DpoListPage *self);
/* Asks the store again, e.g. when a setting that changes computed cells moved. */
void           dpo_list_page_reload             (DpoListPage *self);
void           dpo_list_page_focus_search       (DpoListPage *self);
/* The register and @detail (one item's view) one at a time, in a
 * leaflet: the detail slides in over the list, and back. */
void           dpo_list_page_add_detail         (DpoListPage *self,
                                                 GtkWidget   *detail);
void           dpo_list_page_show_list          (DpoListPage *self);
void           dpo_list_page_show_detail        (DpoListPage *self);

G_END_DECLS
