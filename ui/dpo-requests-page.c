/* dpo-requests-page.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-columns.h"
#include "dpo-computed.h"
#include "dpo-counts-loader.h"
#include "dpo-enums.h"
#include "dpo-records.h"
#include "dpo-request-editor.h"
#include "dpo-requests-page.h"
#include "dpo-row.h"
#include "dpo-time.h"
#include "dpo-ui.h"

struct _DpoRequestsPage
{
  DpoListPage     parent_instance;

  DpoRequestView *view;
  GtkButton      *overdue_button;
  GtkButton      *due_soon_button;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *urgency_dropdown;
  GtkWidget      *filters;
  DpoStore       *store;           /* followed for the counts */
  GDateTime      *now;             /* for the due dates of the rows shown */
  gint64          now_checked;
  guint           overdue;
  guint           due_soon;
  gboolean        has_requests;
  DpoCountsLoader *loader;
  DpoStore       *counted_store;   /* whose counts are shown; not a reference */
  gboolean        counts_stale;    /* changed while out of sight */
};

G_DEFINE_FINAL_TYPE (DpoRequestsPage, dpo_requests_page, DPO_TYPE_LIST_PAGE)

/* The core's deadlines, as the exports and the CLI compute them: the
 * Alsace-Moselle setting lives in the database. */
static gboolean
get_deadlines (DpoRequestsPage     *self,
               const DpoRequest    *request,
               DpoRequestDeadlines *out)
{
  DpoStore *store = dpo_list_page_get_store (DPO_LIST_PAGE (self));
  gint64 now_us = g_get_monotonic_time ();

  if (store == NULL || request->received_at == NULL)
    return FALSE;

  /* "Now" once a second, not twice a cell: the local time zone is looked
   * up anew each time. */
  if (self->now == NULL || now_us - self->now_checked > G_USEC_PER_SEC)
    {
      g_clear_pointer (&self->now, g_date_time_unref);
      self->now = dpo_store_dup_now (store);
      self->now_checked = now_us;
    }
  dpo_request_get_deadlines (request, self->now, dpo_store_get_alsace_moselle (store), out);
  return TRUE;
}

static char *
reference_cb (DpoRow      *row,
              gpointer     user_data,
              const char **css_class)
{
  return g_strdup (dpo_row_get_request (row)->id);
}

static char *
person_cb (DpoRow      *row,
           gpointer     user_data,
           const char **css_class)
{
  DpoRequest *request = dpo_row_get_request (row);

  /* Art. 18: a restricted person is said so wherever they appear. */
  if (request->subject_name != NULL && request->subject_restricted_since != NULL)
    /* Translators: a person's name in the requests list, processing restricted (Art. 18) */
    return g_strdup_printf (_("%s (restricted)"), request->subject_name);
  if (request->subject_name != NULL && *request->subject_name != '\0')
    return g_strdup (request->subject_name);
  if (request->requester_name != NULL && *request->requester_name != '\0')
    return g_strdup (request->requester_name);

  /* The erasure was carried out: the request stays, without the person. */
  *css_class = "dim-label";
  return g_strdup (_("Erased person"));
}

static char *
kind_cb (DpoRow      *row,
         gpointer     user_data,
         const char **css_class)
{
  return g_strdup (dpo_enum_label (DPO_ENUM_REQUEST_KIND, dpo_row_get_request (row)->kind));
}

static char *
received_cb (DpoRow      *row,
             gpointer     user_data,
             const char **css_class)
{
  GDateTime *received_at = dpo_row_get_request (row)->received_at;

  return received_at != NULL ? dpo_time_format_display (received_at) : NULL;
}

static char *
due_cb (DpoRow      *row,
        gpointer     user_data,
        const char **css_class)
{
  DpoRequest *request = dpo_row_get_request (row);
  g_autofree char *date = NULL;
  DpoRequestDeadlines deadlines;

  if (!get_deadlines (user_data, request, &deadlines))
    return NULL;

  date = dpo_columns_format_date (dpo_request_deadlines_current (&deadlines));
  if (deadlines.extended)
    /* Translators: a due date moved to three months by an extension */
    return g_strdup_printf (_("%s (extended)"), date);

  return g_steal_pointer (&date);
}

static char *
status_cb (DpoRow      *row,
           gpointer     user_data,
           const char **css_class)
{
  DpoRequest *request = dpo_row_get_request (row);
  DpoRequestDeadlines deadlines;
  gboolean overdue = dpo_request_is_open (request) &&
                     get_deadlines (user_data, request, &deadlines) && deadlines.overdue;

  return dpo_request_view_describe_status (request, overdue, css_class);
}

static DpoUrgency
selected_urgency (DpoRequestsPage *self)
{
  switch (gtk_drop_down_get_selected (self->urgency_dropdown))
    {
    case 1:
      return DPO_URGENCY_OVERDUE;
    case 2:
      return DPO_URGENCY_DUE_SOON;
    default:
      return DPO_URGENCY_ANY;
    }
}

/* The filter menus: status (all, open, or one status), kind, urgency. The
 * menus list the vocabularies in their order, after "all" (and "open"). */
static void
read_filter (DpoRequestsPage  *self,
             DpoRequestFilter *filter)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  filter->open = status == 1;
  filter->by_status = status != GTK_INVALID_LIST_POSITION && status >= 2 &&
                      status - 2 < DPO_N_REQUEST_STATUSES;
  filter->status = filter->by_status ? (DpoRequestStatus) (status - 2) : DPO_REQUEST_STATUS_UNKNOWN;
  filter->by_kind = kind != GTK_INVALID_LIST_POSITION && kind >= 1 && kind - 1 < DPO_N_REQUEST_KINDS;
  filter->kind = filter->by_kind ? (DpoRequestKind) (kind - 1) : DPO_REQUEST_KIND_UNKNOWN;
  filter->urgency = selected_urgency (self);
}

/* Every filter change asks the store for a new model: SQL filters and
 * sorts by due date, whatever the size of the register. */
static GListModel *
dpo_requests_page_list (DpoListPage *page,
                        DpoStore    *store,
                        const char  *search)
{
  DpoRequestsPage *self = DPO_REQUESTS_PAGE (page);
  DpoRequestFilter filter = { .search = search };

  if (self->status_dropdown != NULL)
    read_filter (self, &filter);
  return dpo_store_list_requests_filtered (store, &filter);
}

static gboolean
dpo_requests_page_is_filtered (DpoListPage *page)
{
  DpoRequestsPage *self = DPO_REQUESTS_PAGE (page);
  DpoRequestFilter filter = { NULL };

  /* Without any request, the page says so and offers the example, whatever
   * the filters (open requests only, at first). */
  if (self->status_dropdown == NULL || !self->has_requests)
    return FALSE;
  read_filter (self, &filter);
  return filter.open || filter.by_status || filter.by_kind || filter.urgency != DPO_URGENCY_ANY;
}

static char *
dpo_requests_page_format_count (DpoListPage *page,
                                guint        n_items)
{
  const char *search = dpo_list_page_get_search (page);

  /* A broad search lists only the requests due soonest (dpo-store.h). */
  if (n_items >= DPO_STORE_SEARCH_LIMIT && search != NULL && *search != '\0')
    return g_strdup_printf (_("The %u due soonest · refine the search"), n_items);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request", "%u requests", n_items),
                          n_items);
}

static void
set_count_button (GtkButton  *button,
                  const char *text,
                  const char *accessible,
                  const char *css_class,
                  gboolean    highlight)
{
  gtk_button_set_label (button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  if (highlight)
    gtk_widget_add_css_class (GTK_WIDGET (button), css_class);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), css_class);
}

static void
on_counts_done_cb (DpoRequestsPage *self,
                   DpoCountsLoader *loader)
{
  const DpoStoreCounts *counts = dpo_counts_loader_get_counts (loader);
  g_autofree char *overdue = NULL;
  g_autofree char *due_soon = NULL;
  g_autofree char *overdue_a11y = NULL;
  g_autofree char *due_soon_a11y = NULL;

  /* A database that cannot be read says so in the list itself. */
  if (counts == NULL)
    return;

  self->overdue = counts->overdue;
  self->due_soon = counts->due_soon;
  overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                          self->overdue), self->overdue);
  due_soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due within 7 days",
                                           "%u due within 7 days", self->due_soon), self->due_soon);
  overdue_a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u request overdue: show it",
                                               "%u requests overdue: show them",
                                               self->overdue), self->overdue);
  due_soon_a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u request due within 7 days: show it",
                                                "%u requests due within 7 days: show them",
                                                self->due_soon), self->due_soon);
  set_count_button (self->overdue_button, overdue, overdue_a11y, "count-overdue", self->overdue > 0);
  set_count_button (self->due_soon_button, due_soon, due_soon_a11y, "count-due-soon",
                    self->due_soon > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_soon_button), TRUE);
}

/* The counts in the page header follow every change to the store. Over a
 * million requests they take a scan: they arrive after the next frame,
 * from a worker thread, and wait while the page is out of sight. Whether
 * there are requests at all (the filters are useless without) is one
 * index probe, known at once so the page does not jump. */
static void
dpo_requests_page_update_counts (DpoRequestsPage *self)
{
  self->has_requests = self->store != NULL && dpo_store_has_requests (self->store);
  gtk_widget_set_visible (self->filters, self->has_requests);

  /* A new database: no counts until its own arrive. */
  if (self->counted_store != self->store)
    {
      self->counted_store = self->store;
      self->overdue = self->due_soon = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->overdue_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->due_soon_button), FALSE);
    }

  self->counts_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->store == NULL)
    dpo_counts_loader_cancel (self->loader);
  else if (!self->counts_stale)
    dpo_counts_loader_load (self->loader, self->store);
}

static void
dpo_requests_page_map (GtkWidget *widget)
{
  DpoRequestsPage *self = DPO_REQUESTS_PAGE (widget);

  GTK_WIDGET_CLASS (dpo_requests_page_parent_class)->map (widget);

  if (self->counts_stale)
    dpo_requests_page_update_counts (self);
}

static void
on_store_changed_cb (DpoRequestsPage *self,
                     DpoStore        *store)
{
  g_clear_pointer (&self->now, g_date_time_unref);
  dpo_requests_page_update_counts (self);
}

static void
on_filter_notify_selected_cb (DpoRequestsPage *self,
                              GParamSpec      *pspec,
                              GtkDropDown     *dropdown)
{
  dpo_list_page_reload (DPO_LIST_PAGE (self));
}

static void
toggle_urgency (DpoRequestsPage *self,
                guint            position)
{
  guint current = gtk_drop_down_get_selected (self->urgency_dropdown);

  gtk_drop_down_set_selected (self->urgency_dropdown, current == position ? 0 : position);
}

static void
on_overdue_button_clicked_cb (DpoRequestsPage *self,
                              GtkButton       *button)
{
  toggle_urgency (self, 1);
}

static void
on_due_soon_button_clicked_cb (DpoRequestsPage *self,
                               GtkButton       *button)
{
  toggle_urgency (self, 2);
}

static void
on_column_view_activate_cb (DpoRequestsPage *self,
                            guint            position,
                            GtkColumnView   *view)
{
  GListModel *model = dpo_list_page_get_model (DPO_LIST_PAGE (self));
  g_autoptr(DpoRow) row = model != NULL ? g_list_model_get_item (model, position) : NULL;

  if (row != NULL)
    dpo_requests_page_show_request (self, dpo_row_get_request (row)->id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  dpo_requests_page_show_list (DPO_REQUESTS_PAGE (widget));
}

static void
new_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  dpo_requests_page_new_request (DPO_REQUESTS_PAGE (widget));
}

static GtkDropDown *
new_filter (const char         *accessible_label,
            const char         *first,
            const char         *second,
            DpoEnum             vocabulary,
            gboolean            with_words)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (labels, first);
  if (second != NULL)
    gtk_string_list_append (labels, second);
  if (with_words)
    {
      const char * const *words = dpo_enum_words (vocabulary);

      for (guint i = 0; words[i] != NULL; i++)
        gtk_string_list_append (labels, dpo_enum_label (vocabulary, words[i]));
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return GTK_DROP_DOWN (dropdown);
}

/* Filters beside the search entry: status, kind, due date. */
static void
add_filters (DpoRequestsPage *self)
{
  GtkBox *toolbar = dpo_list_page_get_toolbar (DPO_LIST_PAGE (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *search = gtk_widget_get_first_child (GTK_WIDGET (toolbar));

  self->status_dropdown = new_filter (_("Filter by status"), _("All statuses"), _("Open"),
                                      DPO_ENUM_REQUEST_STATUS, TRUE);
  self->kind_dropdown = new_filter (_("Filter by kind"), _("All kinds"), NULL,
                                    DPO_ENUM_REQUEST_KIND, TRUE);
  self->urgency_dropdown = new_filter (_("Filter by due date"), _("Any due date"), _("Overdue"),
                                       DPO_ENUM_REQUEST_KIND, FALSE);
  gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->urgency_dropdown)),
                          _("Due within 7 days"));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->urgency_dropdown));
  gtk_box_insert_child_after (toolbar, box, search);
  self->filters = box;

  /* The requests still to answer, soonest due first: the DPO's day. */
  gtk_drop_down_set_selected (self->status_dropdown, 1);

  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->urgency_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_notify_selected_cb), self, G_CONNECT_SWAPPED);
}

static GtkButton *
new_count_button (DpoRequestsPage *self,
                  GCallback        callback)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "count-button");
  gtk_widget_set_tooltip_text (button, _("Show only these requests (click again for all)"));
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return GTK_BUTTON (button);
}

/* Above the toolbar: the overdue and due-soon counts, always in sight,
 * and the button that records a request. */
static void
add_header (DpoRequestsPage *self)
{
  GtkWidget *toolbar = GTK_WIDGET (dpo_list_page_get_toolbar (DPO_LIST_PAGE (self)));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button = gtk_button_new_with_label (_("New Request…"));

  gtk_widget_add_css_class (header, "page-header");
  self->overdue_button = new_count_button (self, G_CALLBACK (on_overdue_button_clicked_cb));
  self->due_soon_button = new_count_button (self, G_CALLBACK (on_due_soon_button_clicked_cb));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->overdue_button));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->due_soon_button));

  gtk_widget_set_hexpand (new_button, TRUE);
  gtk_widget_set_halign (new_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "requests.new");
  gtk_widget_set_tooltip_text (new_button, _("Record a request received by email, post, phone, web or in person"));
  gtk_box_append (GTK_BOX (header), new_button);

  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (toolbar)), header);
}

static void
dpo_requests_page_dispose (GObject *object)
{
  DpoRequestsPage *self = DPO_REQUESTS_PAGE (object);

  dpo_ui_follow_store (&self->store, NULL, G_CALLBACK (on_store_changed_cb), self);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->loader);
  self->counted_store = NULL;

  G_OBJECT_CLASS (dpo_requests_page_parent_class)->dispose (object);
}

static void
dpo_requests_page_class_init (DpoRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DpoListPageClass *page_class = DPO_LIST_PAGE_CLASS (klass);

  object_class->dispose = dpo_requests_page_dispose;
  widget_class->map = dpo_requests_page_map;
  page_class->list = dpo_requests_page_list;
  page_class->format_count = dpo_requests_page_format_count;
  page_class->is_filtered = dpo_requests_page_is_filtered;

  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "requests.new", NULL, new_request_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-requests-page.ui");
}

static void
dpo_requests_page_init (DpoRequestsPage *self)
{
  GtkColumnView *view;

  gtk_widget_init_template (GTK_WIDGET (self));

  view = dpo_list_page_get_column_view (DPO_LIST_PAGE (self));
  dpo_columns_append (view, _("Reference"), reference_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Person"), person_cb, NULL, DPO_COLUMN_EXPAND | DPO_COLUMN_TOOLTIP);
  dpo_columns_append (view, _("Kind"), kind_cb, NULL, DPO_COLUMN_DEFAULT);
  dpo_columns_append (view, _("Received"), received_cb, NULL, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Due"), due_cb, self, DPO_COLUMN_NUMERIC);
  dpo_columns_append (view, _("Status"), status_cb, self, DPO_COLUMN_BADGE);
  gtk_column_view_set_single_click_activate (view, TRUE);
  g_signal_connect_object (view, "activate", G_CALLBACK (on_column_view_activate_cb), self,
                           G_CONNECT_SWAPPED);

  self->loader = dpo_counts_loader_new (GTK_WIDGET (self), DPO_DUE_SOON_DAYS);
  g_signal_connect_object (self->loader, "done", G_CALLBACK (on_counts_done_cb), self,
                           G_CONNECT_SWAPPED);
  add_filters (self);
  add_header (self);
  self->view = g_object_new (DPO_TYPE_REQUEST_VIEW, NULL);
  dpo_list_page_add_detail (DPO_LIST_PAGE (self), GTK_WIDGET (self->view));
  /* Shown once there are counts to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_soon_button), FALSE);
  dpo_requests_page_update_counts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.new", FALSE);
}

void
dpo_requests_page_set_store (DpoRequestsPage *self,
                             DpoStore        *store)
{
  g_return_if_fail (DPO_IS_REQUESTS_PAGE (self));

  dpo_ui_follow_store (&self->store, store, G_CALLBACK (on_store_changed_cb), self);
  g_clear_pointer (&self->now, g_date_time_unref);
  dpo_request_view_set_store (self->view, store);
  dpo_requests_page_show_list (self);
  dpo_requests_page_update_counts (self);
  dpo_list_page_set_store (DPO_LIST_PAGE (self), store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.new", store != NULL);
}

GListModel *
dpo_requests_page_get_model (DpoRequestsPage *self)
{
  g_return_val_if_fail (DPO_IS_REQUESTS_PAGE (self), NULL);

  return dpo_list_page_get_model (DPO_LIST_PAGE (self));
}

void
dpo_requests_page_show_request (DpoRequestsPage *self,
                                const char      *id)
{
  g_return_if_fail (DPO_IS_REQUESTS_PAGE (self));
  g_return_if_fail (id != NULL);

  dpo_request_view_show (self->view, id);
  dpo_list_page_show_detail (DPO_LIST_PAGE (self));
}

void
dpo_requests_page_show_list (DpoRequestsPage *self)
{
  g_return_if_fail (DPO_IS_REQUESTS_PAGE (self));

  dpo_list_page_show_list (DPO_LIST_PAGE (self));
}

DpoRequestView *
dpo_requests_page_get_view (DpoRequestsPage *self)
{
  g_return_val_if_fail (DPO_IS_REQUESTS_PAGE (self), NULL);

  return self->view;
}

void
dpo_requests_page_set_filter (DpoRequestsPage        *self,
                              const DpoRequestFilter *filter)
{
  guint status_position = 0, kind_position = 0;

  g_return_if_fail (DPO_IS_REQUESTS_PAGE (self));
  g_return_if_fail (filter != NULL);

  if (filter->by_status && filter->status >= 0 && filter->status < DPO_N_REQUEST_STATUSES)
    status_position = filter->status + 2;
  else if (filter->open)
    status_position = 1;
  if (filter->by_kind && filter->kind >= 0 && filter->kind < DPO_N_REQUEST_KINDS)
    kind_position = filter->kind + 1;

  gtk_drop_down_set_selected (self->status_dropdown, status_position);
  gtk_drop_down_set_selected (self->kind_dropdown, kind_position);
  gtk_drop_down_set_selected (self->urgency_dropdown,
                              filter->urgency == DPO_URGENCY_OVERDUE ? 1
                              : filter->urgency == DPO_URGENCY_DUE_SOON ? 2 : 0);
}

void
dpo_requests_page_get_due_counts (DpoRequestsPage *self,
                                  guint           *overdue,
                                  guint           *due_soon)
{
  g_return_if_fail (DPO_IS_REQUESTS_PAGE (self));

  *overdue = self->overdue;
  *due_soon = self->due_soon;
}

DpoEditorDialog *
dpo_requests_page_new_request (DpoRequestsPage *self)
{
  g_return_val_if_fail (DPO_IS_REQUESTS_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return dpo_request_editor_present (GTK_WIDGET (self), self->store, NULL, NULL);
}
