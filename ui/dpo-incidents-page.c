/* dpo-incidents-page.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-columns.h"
#include "dpo-computed.h"
#include "dpo-incidents-page.h"
#include "dpo-records.h"
#include "dpo-row.h"
#include "dpo-time.h"
#include "dpo-ui.h"

struct _DpoIncidentsPage
{
  DpoListPage  parent_instance;

  GHashTable  *cnil_cells;   /* the CNIL column's bound GtkListItems */
  guint        clock_id;
};

/* The time left is in hours: a minute is fine enough. */
#define CLOCK_INTERVAL_SECONDS 60

G_DEFINE_FINAL_TYPE (DpoIncidentsPage, dpo_incidents_page, DPO_TYPE_LIST_PAGE)

static char *
reference_cb (DpoRow      *row,
              gpointer     user_data,
              const char **css_class)
{
  return g_strdup (dpo_row_get_incident (row)->id);
}

static char *
title_cb (DpoRow      *row,
          gpointer     user_data,
          const char **css_class)
{
  return g_strdup (dpo_row_get_incident (row)->title);
}

static char *
awareness_cb (DpoRow      *row,
              gpointer     user_data,
              const char **css_class)
{
  GDateTime *aware_at = dpo_row_get_incident (row)->aware_at;

  return aware_at != NULL ? dpo_time_format_display (aware_at) : NULL;
}

static char *
processor_cb (DpoRow      *row,
              gpointer     user_data,
              const char **css_class)
{
  return g_strdup (dpo_row_get_incident (row)->processor);
}

char *
dpo_incidents_page_describe_cnil (const DpoIncident *incident,
                                  GDateTime         *now,
                                  const char       **css_class)
{
  DpoCnilStatus status;

  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  status = dpo_incident_get_cnil_status (incident, now);

  switch (status)
    {
    case DPO_CNIL_PENDING:
      {
        g_autoptr(GDateTime) deadline = dpo_incident_dup_cnil_deadline (incident);
        GTimeSpan left = g_date_time_difference (deadline, now);
        /* Round down, as a countdown does: at 61 h 56 min, 61 h are left,
         * not 62; the last hour counts its minutes. */
        gint64 hours = MAX (0, left) / G_TIME_SPAN_HOUR;
        gint64 minutes = MAX (0, left) / G_TIME_SPAN_MINUTE;

        *css_class = "cnil-pending";
        if (hours == 0)
          /* Translators: CNIL notification still possible; %d is a number of minutes */
          return g_strdup_printf (_("Pending · %d min left"), (int) minutes);
        /* Translators: CNIL notification still possible; %d is a number of hours */
        return g_strdup_printf (_("Pending · %d h left"), (int) hours);
      }
    case DPO_CNIL_OVERDUE:
      *css_class = "cnil-overdue";
      return g_strdup (_("Overdue"));
    case DPO_CNIL_ON_TIME:
      *css_class = "cnil-on-time";
      return g_strdup (_("Notified on time"));
    case DPO_CNIL_LATE:
      *css_class = "cnil-late";
      return g_strdup (_("Notified late"));
    case DPO_CNIL_NOT_REQUIRED:
    default:
      *css_class = "cnil-not-required";
      return g_strdup (_("Not required"));
    }
}

/* The CNIL column: its own factory, so that the page knows which cells are
 * on screen and can rewrite them each minute without asking the store. */

#define CSS_CLASS_KEY "dpo-cnil-css-class"

static void
bind_cnil_cell (DpoIncidentsPage *self,
                GtkListItem      *item,
                GDateTime        *now)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DpoRow *row = gtk_list_item_get_item (item);
  const char *old = g_object_get_data (G_OBJECT (label), CSS_CLASS_KEY);
  const char *css_class = NULL;
  g_autofree char *text = NULL;

  if (row != NULL && now != NULL)
    text = dpo_incidents_page_describe_cnil (dpo_row_get_incident (row), now, &css_class);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
  dpo_columns_name_row (label);

  if (g_strcmp0 (old, css_class) == 0)
    return;
  if (old != NULL)
    gtk_widget_remove_css_class (label, old);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  /* Style classes are static strings. */
  g_object_set_data (G_OBJECT (label), CSS_CLASS_KEY, (gpointer) css_class);
}

static GDateTime *
dup_now (DpoIncidentsPage *self)
{
  DpoStore *store = dpo_list_page_get_store (DPO_LIST_PAGE (self));

  return store != NULL ? dpo_store_dup_now (store) : NULL;
}

static void
on_cnil_setup_cb (DpoIncidentsPage *self,
                  GtkListItem      *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "badge");
  gtk_list_item_set_child (item, label);
}

static void
on_cnil_bind_cb (DpoIncidentsPage *self,
                 GtkListItem      *item)
{
  g_autoptr(GDateTime) now = dup_now (self);

  g_hash_table_add (self->cnil_cells, item);
  bind_cnil_cell (self, item, now);
}

static void
on_cnil_unbind_cb (DpoIncidentsPage *self,
                   GtkListItem      *item)
{
  g_hash_table_remove (self->cnil_cells, item);
}

static void
on_cnil_teardown_cb (DpoIncidentsPage *self,
                     GtkListItem      *item)
{
  g_hash_table_remove (self->cnil_cells, item);
}

static void
append_cnil_column (DpoIncidentsPage *self,
                    GtkColumnView    *view)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_cnil_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_cnil_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_cnil_unbind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (on_cnil_teardown_cb), self, G_CONNECT_SWAPPED);

  column = gtk_column_view_column_new (_("CNIL Status"), g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

void
dpo_incidents_page_refresh_clock (DpoIncidentsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (DPO_IS_INCIDENTS_PAGE (self));

  now = dup_now (self);
  g_hash_table_iter_init (&iter, self->cnil_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_cnil_cell (self, item, now);
}

static gboolean
on_clock_tick_cb (gpointer data)
{
  dpo_incidents_page_refresh_clock (data);
  return G_SOURCE_CONTINUE;
}

/* The clock runs while the page is on screen; coming back, it catches up. */
static void
dpo_incidents_page_map (GtkWidget *widget)
{
  DpoIncidentsPage *self = DPO_INCIDENTS_PAGE (widget);

  GTK_WIDGET_CLASS (dpo_incidents_page_parent_class)->map (widget);

  dpo_incidents_page_refresh_clock (self);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (CLOCK_INTERVAL_SECONDS, on_clock_tick_cb, self);
}

static void
dpo_incidents_page_unmap (GtkWidget *widget)
{
  DpoIncidentsPage *self = DPO_INCIDENTS_PAGE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (dpo_incidents_page_parent_class)->unmap (widget);
}

static void
on_column_view_activate_cb (DpoIncidentsPage *self,
                            guint             position)
{
  GListModel *model = dpo_list_page_get_model (DPO_LIST_PAGE (self));
  g_autoptr(DpoRow) row = model != NULL ? g_list_model_get_item (model, position) : NULL;

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-incident", "s",
                                dpo_row_get_incident (row)->id);
}

static GListModel *
dpo_incidents_page_list (DpoListPage *page,
                         DpoStore    *store,
                         const char  *search)
{
  return dpo_store_list_incidents (store, search);
}

static char *
dpo_incidents_page_format_count (DpoListPage *page,
                                 guint        n_items)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents", n_items),
                          n_items);
}

static void
dpo_incidents_page_dispose (GObject *object)
{
  DpoIncidentsPage *self = DPO_INCIDENTS_PAGE (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  G_OBJECT_CLASS (dpo_incidents_page_parent_class)->dispose (object);
}

static void
dpo_incidents_page_finalize (GObject *object)
{
  DpoIncidentsPage *self = DPO_INCIDENTS_PAGE (object);

  g_clear_pointer (&self->cnil_cells, g_hash_table_unref);

  G_OBJECT_CLASS (dpo_incidents_page_parent_class)->finalize (object);
}

static void
dpo_incidents_page_class_init (DpoIncidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DpoListPageClass *page_class = DPO_LIST_PAGE_CLASS (klass);

  object_class->dispose = dpo_incidents_page_dispose;
  object_class->finalize = dpo_incidents_page_finalize;
  widget_class->map = dpo_incidents_page_map;
  widget_class->unmap = dpo_incidents_page_unmap;

  page_class->list = dpo_incidents_page_list;
  page_class->format_count = dpo_incidents_page_format_count;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-incidents-page.ui");
}

static GtkWidget *
new_incident_button_new (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Incident"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-incident");
  gtk_widget_set_tooltip_text (button, _("Record a New Incident (Ctrl+Shift+N)"));
  gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
dpo_incidents_page_init (DpoIncidentsPage *self)
{
  GtkColumnView *view;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cnil_cells = g_hash_table_new (NULL, NULL);
  gtk_box_append (dpo_list_page_get_toolbar (DPO_LIST_PAGE (self)), new_incident_button_new ());

  view = dpo_list_page_get_column_view (DPO_LIST_PAGE (self));
  dpo_columns_append (view, _("Reference"), reference_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Title"), title_cb, NULL, DPO_COLUMN_EXPAND | DPO_COLUMN_TOOLTIP);
  dpo_columns_append (view, _("Awareness"), awareness_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Processor"), processor_cb, NULL, DPO_COLUMN_TOOLTIP);
  append_cnil_column (self, view);
  /* One click opens an incident, as it opens a request or a person. */
  gtk_column_view_set_single_click_activate (view, TRUE);
  g_signal_connect_object (view, "activate", G_CALLBACK (on_column_view_activate_cb), self,
                           G_CONNECT_SWAPPED);
}

void
dpo_incidents_page_set_store (DpoIncidentsPage *self,
                              DpoStore         *store)
{
  g_return_if_fail (DPO_IS_INCIDENTS_PAGE (self));

  dpo_list_page_set_store (DPO_LIST_PAGE (self), store);
}

GListModel *
dpo_incidents_page_get_model (DpoIncidentsPage *self)
{
  g_return_val_if_fail (DPO_IS_INCIDENTS_PAGE (self), NULL);

  return dpo_list_page_get_model (DPO_LIST_PAGE (self));
}
