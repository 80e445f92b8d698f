/* dpo-list-page.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-list-page.h"
#include "dpo-reset-model.h"
#include "dpo-ui.h"

typedef struct
{
  /* Template children */
  GtkBox         *toolbar;
  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *no_results_page;

  GtkNoSelection     *selection;
  DpoResetModel      *shown;        /* the model, as the column view sees it */
  GtkAdjustment      *vadjustment;  /* of the column view's scrolled window */
  guint               reveal_idle;  /* shows more rows of a long list */
  GdkFrameClock      *frame_clock;  /* while waiting for those rows' frame */
  gulong              after_paint_id;
  char               *search_label;
  char               *list_label;
  DpoStore           *store;
  GListModel         *model;
  gulong              items_changed_id;
  gboolean            reload_pending; /* out of sight: the model waits */
  gboolean            clearing_search;
  AdwLeaflet         *leaflet;      /* with a detail: the list, or the detail */
  GtkWidget          *list;
  GtkWidget          *detail;
} DpoListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DpoListPage, dpo_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODEL,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_SEARCH_LABEL,
  PROP_SEARCH_PLACEHOLDER,
  PROP_LIST_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dpo_list_page_update_state (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  gboolean searching = search != NULL && *search != '\0';
  gboolean filtered = DPO_LIST_PAGE_GET_CLASS (self)->is_filtered != NULL &&
                      DPO_LIST_PAGE_GET_CLASS (self)->is_filtered (self);
  guint n_items = priv->model != NULL ? g_list_model_get_n_items (priv->model) : 0;
  g_autofree char *count = NULL;

  if (n_items > 0)
    gtk_stack_set_visible_child_name (priv->stack, "list");
  else if (searching)
    {
      g_autofree char *escaped = g_markup_escape_text (search, -1);
      g_autofree char *description =
        /* Translators: %s is the text searched for */
        g_strdup_printf (_("Nothing matches “%s”. Try a reference, a name or a number."), escaped);

      adw_status_page_set_description (priv->no_results_page, description);
      gtk_stack_set_visible_child_name (priv->stack, "no-results");
    }
  else if (filtered)
    {
      adw_status_page_set_description (priv->no_results_page,
                                       _("Nothing matches the chosen filters."));
      gtk_stack_set_visible_child_name (priv->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (priv->stack, "empty");

  /* An empty register has nothing to search: the empty state says what to do. */
  gtk_widget_set_visible (GTK_WIDGET (priv->search_entry), n_items > 0 || searching || filtered);

  if (n_items > 0 && DPO_LIST_PAGE_GET_CLASS (self)->format_count != NULL)
    count = DPO_LIST_PAGE_GET_CLASS (self)->format_count (self, n_items);
  gtk_label_set_text (priv->count_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->count_label), count != NULL);
}

static void
on_model_items_changed_cb (DpoListPage *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *model)
{
  if (removed != added)
    dpo_list_page_update_state (self);
}

/* About the height of a row of the registers, in pixels, and the least. */
#define ROW_HEIGHT 24.0
#define MIN_ROW_HEIGHT 18.0

/* A new list shows a screenful of rows; more come as it is scrolled near
 * the last one shown (GTK 4.8 would otherwise build, and on the next search
 * destroy, 200 rows at once). */
static gboolean
needs_more_rows (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);
  GtkAdjustment *adjustment = priv->vadjustment;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (priv->shown));
  double page, upper, row;

  if (adjustment == NULL || !dpo_reset_model_is_partial (priv->shown))
    return FALSE;

  /* Rows shorter than the view leave the adjustment at the view's height:
   * then count on small rows. A few rows ahead of the view, either way. */
  page = gtk_adjustment_get_page_size (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  row = upper > page && shown > 0 ? upper / shown : MIN_ROW_HEIGHT;
  return shown * row < gtk_adjustment_get_value (adjustment) + page + 4 * row;
}

static void on_vadjustment_changed_cb (DpoListPage   *self,
                                       GtkAdjustment *adjustment);

/* The rows just revealed are laid out: look again. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   DpoListPage   *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_clear_signal_handler (&priv->after_paint_id, priv->frame_clock);
  g_clear_object (&priv->frame_clock);
  on_vadjustment_changed_cb (self, priv->vadjustment);
}

static gboolean
reveal_idle_cb (gpointer user_data)
{
  DpoListPage *self = DPO_LIST_PAGE (user_data);
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);
  GdkFrameClock *clock;

  priv->reveal_idle = 0;
  if (!needs_more_rows (self) || !dpo_reset_model_reveal_more (priv->shown))
    return G_SOURCE_REMOVE;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (priv->column_view));
  if (clock != NULL && priv->after_paint_id == 0)
    {
      priv->frame_clock = g_object_ref (clock);
      priv->after_paint_id = g_signal_connect (clock, "after-paint",
                                               G_CALLBACK (on_after_paint_cb), self);
    }
  return G_SOURCE_REMOVE;
}

/* Not while GTK lays the list out: in an idle, after the frame. */
static void
on_vadjustment_changed_cb (DpoListPage   *self,
                           GtkAdjustment *adjustment)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  if (priv->reveal_idle == 0 && needs_more_rows (self))
    priv->reveal_idle = g_idle_add (reveal_idle_cb, self);
}

static void
dpo_list_page_show_model (DpoListPage *self,
                          GListModel  *model)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);
  double page = gtk_adjustment_get_page_size (priv->vadjustment);

  /* Once the list has a size, a new model (a search, a filter) shows the
   * top half of the view in the next frame, the rest in the one after:
   * results appear sooner than if GTK built a screenful of rows first. */
  if (page > 0)
    dpo_reset_model_set_first_rows (priv->shown, (guint) (page / ROW_HEIGHT / 2) + 1);
  dpo_reset_model_set_model (priv->shown, model);
}

static void
dpo_list_page_set_model (DpoListPage *self,
                         GListModel  *model)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  if (priv->model == model)
    return;

  if (priv->model != NULL)
    g_clear_signal_handler (&priv->items_changed_id, priv->model);

  g_set_object (&priv->model, model);

  if (model != NULL)
    priv->items_changed_id = g_signal_connect_object (model, "items-changed",
                                                      G_CALLBACK (on_model_items_changed_cb),
                                                      self, G_CONNECT_SWAPPED);

  /* A page out of sight gets its rows when it comes into view: GTK 4.8
   * builds up to 200 rows for a list, even one nobody sees. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || model == NULL)
    dpo_list_page_show_model (self, model);
  dpo_list_page_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void dpo_list_page_reload_now (DpoListPage *self);

static void
dpo_list_page_map (GtkWidget *widget)
{
  DpoListPage *self = DPO_LIST_PAGE (widget);
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  GTK_WIDGET_CLASS (dpo_list_page_parent_class)->map (widget);

  if (priv->reload_pending)
    dpo_list_page_reload_now (self);
  else if (dpo_reset_model_get_model (priv->shown) != priv->model)
    dpo_list_page_show_model (self, priv->model);
}

static void
dpo_list_page_reload_now (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);
  g_autoptr(GListModel) model = NULL;

  priv->reload_pending = FALSE;
  if (priv->store != NULL)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));

      model = DPO_LIST_PAGE_GET_CLASS (self)->list (self, priv->store, search);
    }

  dpo_list_page_set_model (self, model);
}

void
dpo_list_page_reload (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_if_fail (DPO_IS_LIST_PAGE (self));

  /* Out of sight, the list is built when it is shown or asked for: over a
   * million rows each list counts its rows, while another page is being
   * drawn. */
  if (priv->store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->reload_pending = TRUE;
  else
    dpo_list_page_reload_now (self);
}

static void
on_search_entry_search_changed_cb (DpoListPage    *self,
                                   GtkSearchEntry *entry)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  if (priv->clearing_search)
    return;
  dpo_list_page_reload (self);
}

static void
on_search_entry_stop_search_cb (DpoListPage    *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
dpo_list_page_dispose (GObject *object)
{
  DpoListPage *self = DPO_LIST_PAGE (object);
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  if (priv->model != NULL)
    g_clear_signal_handler (&priv->items_changed_id, priv->model);
  g_clear_object (&priv->model);
  g_clear_object (&priv->store);
  g_clear_handle_id (&priv->reveal_idle, g_source_remove);
  if (priv->frame_clock != NULL)
    g_clear_signal_handler (&priv->after_paint_id, priv->frame_clock);
  g_clear_object (&priv->frame_clock);

  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_LIST_PAGE);

  G_OBJECT_CLASS (dpo_list_page_parent_class)->dispose (object);
}

static void
dpo_list_page_finalize (GObject *object)
{
  DpoListPage *self = DPO_LIST_PAGE (object);
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_clear_object (&priv->selection);
  g_clear_object (&priv->shown);
  g_clear_pointer (&priv->search_label, g_free);
  g_clear_pointer (&priv->list_label, g_free);

  G_OBJECT_CLASS (dpo_list_page_parent_class)->finalize (object);
}

static void
dpo_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DpoListPage *self = DPO_LIST_PAGE (object);
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_MODEL:
      g_value_set_object (value, priv->model);
      break;
    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (priv->empty_page));
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (priv->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (priv->empty_page));
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (priv->search_entry), "placeholder-text", value);
      break;
    case PROP_SEARCH_LABEL:
      g_value_set_string (value, priv->search_label);
      break;
    case PROP_LIST_LABEL:
      g_value_set_string (value, priv->list_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_accessible_label (GtkWidget   *widget,
                      char       **field,
                      const char  *label)
{
  g_free (*field);
  *field = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
dpo_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DpoListPage *self = DPO_LIST_PAGE (object);
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      dpo_list_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (priv->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (priv->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (priv->empty_page, g_value_get_string (value));
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_object_set_property (G_OBJECT (priv->search_entry), "placeholder-text", value);
      break;
    case PROP_SEARCH_LABEL:
      set_accessible_label (GTK_WIDGET (priv->search_entry), &priv->search_label,
                            g_value_get_string (value));
      break;
    case PROP_LIST_LABEL:
      set_accessible_label (GTK_WIDGET (priv->column_view), &priv->list_label,
                            g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dpo_list_page_class_init (DpoListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dpo_list_page_dispose;
  object_class->finalize = dpo_list_page_finalize;
  object_class->get_property = dpo_list_page_get_property;
  object_class->set_property = dpo_list_page_set_property;
  widget_class->map = dpo_list_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DPO_TYPE_STORE,
                         rw | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Set once by the subclasses' templates; no notification needed. */
  properties[PROP_EMPTY_ICON_NAME] = g_param_spec_string ("empty-icon-name", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_TITLE] = g_param_spec_string ("empty-title", NULL, NULL, NULL, rw);
  properties[PROP_EMPTY_DESCRIPTION] = g_param_spec_string ("empty-description", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_LABEL] = g_param_spec_string ("search-label", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_PLACEHOLDER] = g_param_spec_string ("search-placeholder", NULL, NULL, NULL, rw);
  properties[PROP_LIST_LABEL] = g_param_spec_string ("list-label", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_ID_PATH "/ui/dpo-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, toolbar);
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, DpoListPage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
}

static void
dpo_list_page_init (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* No selection: a row opens on activation. The lazy model reaches the
   * column view through a DpoResetModel (see there why). */
  priv->shown = dpo_reset_model_new ();
  priv->vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (priv->column_view))));
  g_signal_connect_object (priv->vadjustment, "changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->vadjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  priv->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (priv->shown)));
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));

  dpo_list_page_update_state (self);
}

DpoStore *
dpo_list_page_get_store (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_val_if_fail (DPO_IS_LIST_PAGE (self), NULL);

  return priv->store;
}

void
dpo_list_page_set_store (DpoListPage *self,
                         DpoStore    *store)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_if_fail (DPO_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || DPO_IS_STORE (store));

  if (!g_set_object (&priv->store, store))
    return;

  /* A new database: start from the whole register. */
  priv->clearing_search = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  priv->clearing_search = FALSE;

  dpo_list_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GListModel *
dpo_list_page_get_model (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_val_if_fail (DPO_IS_LIST_PAGE (self), NULL);

  /* Asked for while out of sight: built now. */
  if (priv->reload_pending)
    dpo_list_page_reload_now (self);
  return priv->model;
}

GtkColumnView *
dpo_list_page_get_column_view (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_val_if_fail (DPO_IS_LIST_PAGE (self), NULL);

  return priv->column_view;
}

const char *
dpo_list_page_get_search (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_val_if_fail (DPO_IS_LIST_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
}

GtkBox *
dpo_list_page_get_toolbar (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_val_if_fail (DPO_IS_LIST_PAGE (self), NULL);

  return priv->toolbar;
}

void
dpo_list_page_focus_search (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_if_fail (DPO_IS_LIST_PAGE (self));

  if (gtk_widget_get_visible (GTK_WIDGET (priv->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

void
dpo_list_page_add_detail (DpoListPage *self,
                          GtkWidget   *detail)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);
  GtkWidget *list;

  g_return_if_fail (DPO_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (detail));
  g_return_if_fail (priv->leaflet == NULL);

  list = adw_bin_get_child (ADW_BIN (self));
  g_object_ref (list);
  adw_bin_set_child (ADW_BIN (self), NULL);

  priv->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_unfold (priv->leaflet, FALSE);
  adw_leaflet_set_can_navigate_back (priv->leaflet, TRUE);
  adw_leaflet_append (priv->leaflet, list);
  priv->list = list;
  g_object_unref (list);

  priv->detail = detail;
  adw_leaflet_append (priv->leaflet, detail);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (priv->leaflet));
}

void
dpo_list_page_show_list (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_if_fail (DPO_IS_LIST_PAGE (self));
  g_return_if_fail (priv->leaflet != NULL);

  adw_leaflet_set_visible_child (priv->leaflet, priv->list);
}

void
dpo_list_page_show_detail (DpoListPage *self)
{
  DpoListPagePrivate *priv = dpo_list_page_get_instance_private (self);

  g_return_if_fail (DPO_IS_LIST_PAGE (self));
  g_return_if_fail (priv->leaflet != NULL);

  adw_leaflet_set_visible_child (priv->leaflet, priv->detail);
}
