/* dpo-dashboard-page.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-computed.h"
#include "dpo-store-role.h"
#include "dpo-counts-loader.h"
#include "dpo-dashboard-agenda.h"
#include "dpo-dashboard-page.h"
#include "dpo-ui.h"

struct _DpoDashboardPage
{
  AdwBin     parent_instance;

  /* Template children */
  GtkStack  *stack;
  GtkButton *incidents_button;
  GtkButton *requests_button;
  GtkButton *people_button;
  GtkLabel  *incidents_count_label;
  GtkLabel  *requests_count_label;
  GtkLabel  *people_count_label;
  GtkLabel  *deadlines_label;
  GtkLabel  *database_label;
  GtkLabel  *empty_database_label;
  GtkWidget *export_button;
  GtkBox    *agenda_box;

  DpoStore        *store;
  gboolean         stale;           /* changed while out of sight */
  DpoCountsLoader *loader;
  DpoStore        *counted_store;   /* whose counts are shown; not a reference */
  gboolean         counting;        /* as last notified */
  guint            tick_id;         /* the countdowns, redrawn each minute */
};

/* The first rows of each list of the day's work; the rest: "and N more". */
#define AGENDA_LIMIT 5

G_DEFINE_FINAL_TYPE (DpoDashboardPage, dpo_dashboard_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* "counting" is notified when it changes, not on every recount. */
static void
dpo_dashboard_page_notify_counting (DpoDashboardPage *self)
{
  gboolean counting = dpo_dashboard_page_get_counting (self);

  if (counting != self->counting)
    {
      self->counting = counting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
    }
}

static void
set_count (GtkButton  *button,
           GtkLabel   *label,
           guint       count,
           const char *accessible_format)
{
  g_autofree char *text = dpo_ui_format_count (count);
  g_autofree char *accessible = g_strdup_printf (accessible_format, count);

  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Until the counts arrive: a dash where each number will be. */
static void
set_placeholder (GtkButton  *button,
                 GtkLabel   *label,
                 const char *accessible)
{
  gtk_label_set_text (label, "–");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void dpo_dashboard_page_clear_agenda (DpoDashboardPage *self);

static void
dpo_dashboard_page_show_placeholders (DpoDashboardPage *self)
{
  dpo_dashboard_page_clear_agenda (self);
  set_placeholder (self->incidents_button, self->incidents_count_label, _("Incidents"));
  set_placeholder (self->requests_button, self->requests_count_label, _("Requests"));
  set_placeholder (self->people_button, self->people_count_label, _("People"));
  gtk_label_set_text (self->deadlines_label, _("Counting the requests due…"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadlines_label), "error");
}

/* "2 requests are overdue · 1 due within 7 days", in red while any is late. */
static void
dpo_dashboard_page_show_deadlines (DpoDashboardPage *self,
                                   guint             overdue,
                                   guint             due_soon)
{
  GtkWidget *label = GTK_WIDGET (self->deadlines_label);
  g_autofree char *late = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *text = NULL;

  if (overdue == 0 && due_soon == 0)
    text = g_strdup (_("No request is overdue or due within the next 7 days."));
  else
    {
      late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request is overdue",
                                           "%u requests are overdue", overdue), overdue);
      soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due within the next 7 days",
                                           "%u due within the next 7 days", due_soon), due_soon);
      /* Translators: overdue requests, then requests due soon */
      text = g_strdup_printf (_("%s · %s"), late, soon);
    }

  gtk_label_set_text (self->deadlines_label, text);
  if (overdue > 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
dpo_dashboard_page_clear_agenda (DpoDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_box))) != NULL)
    gtk_box_remove (self->agenda_box, child);
}

/* The lists of the last count, their countdowns as of now. */
static void
dpo_dashboard_page_show_agenda (DpoDashboardPage *self)
{
  const DpoAgenda *agenda = dpo_counts_loader_get_agenda (self->loader);
  g_autoptr(GDateTime) now = NULL;

  dpo_dashboard_page_clear_agenda (self);
  if (agenda == NULL || self->store == NULL)
    return;

  now = dpo_store_dup_now (self->store);
  gtk_box_append (self->agenda_box, dpo_dashboard_agenda_clocks (agenda, now));
  gtk_box_append (self->agenda_box,
                  dpo_dashboard_agenda_requests (agenda, now,
                                                 dpo_store_get_alsace_moselle (self->store)));
}

/* Only countdowns change with the minute: without a clock, nothing is
 * rebuilt (nor the keyboard focus lost in the rows). */
static gboolean
on_tick_cb (gpointer data)
{
  DpoDashboardPage *self = data;
  const DpoAgenda *agenda = dpo_counts_loader_get_agenda (self->loader);

  if (agenda != NULL && agenda->n_running + agenda->n_overdue_clocks > 0)
    dpo_dashboard_page_show_agenda (self);
  return G_SOURCE_CONTINUE;
}

static void
on_counts_done_cb (DpoDashboardPage *self,
                   DpoCountsLoader  *loader)
{
  const DpoStoreCounts *counts = dpo_counts_loader_get_counts (loader);
  const GError *error = dpo_counts_loader_get_error (loader);
  g_autofree char *message = NULL;

  if (counts == NULL)
    {
      /* Translators: %s says why the database could not be read */
      message = g_strdup_printf (_("The registers could not be counted: %s"), error->message);
      gtk_label_set_text (self->deadlines_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->deadlines_label), "error");
    }
  else
    {
      set_count (self->incidents_button, self->incidents_count_label, counts->incidents,
                 g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents", counts->incidents));
      set_count (self->requests_button, self->requests_count_label, counts->requests,
                 g_dngettext (GETTEXT_PACKAGE, "%u request", "%u requests", counts->requests));
      set_count (self->people_button, self->people_count_label, counts->subjects,
                 g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", counts->subjects));
      dpo_dashboard_page_show_deadlines (self, counts->overdue, counts->due_soon);
    }
  dpo_dashboard_page_show_agenda (self);
  dpo_dashboard_page_notify_counting (self);
}

static void
dpo_dashboard_page_update (DpoDashboardPage *self)
{
  g_autofree char *database = NULL;

  /* Out of sight, the counts wait: another page is being drawn. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  if (self->store != NULL)
    {
      g_autofree char *session = dpo_store_dup_session_label (self->store);

      /* On a server: who is connected, with which role, and where. */
      if (session != NULL)
        /* Translators: %s is "alice (agent) on db.example.org/dpo" */
        database = g_strdup_printf (_("Connected as %s"), session);
      else
        /* Translators: %s is the path of the database file */
        database = g_strdup_printf (_("Database: %s"), dpo_store_get_path (self->store));
      gtk_widget_set_visible (self->export_button, dpo_store_can (self->store, DPO_RIGHT_EXPORT));
      gtk_label_set_text (self->database_label, database);
      gtk_label_set_text (self->empty_database_label, database);
    }

  if (self->store == NULL || dpo_store_is_empty (self->store))
    {
      dpo_counts_loader_cancel (self->loader);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      dpo_dashboard_page_notify_counting (self);
      return;
    }

  /* Over a million requests each count costs a scan: they arrive after
   * the first frame, from a worker thread. Until then the numbers already
   * shown stay, or dashes for a database not counted yet. */
  if (self->counted_store != self->store)
    {
      self->counted_store = self->store;
      dpo_dashboard_page_show_placeholders (self);
    }
  dpo_counts_loader_load (self->loader, self->store);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  dpo_dashboard_page_notify_counting (self);
}

static void
on_store_changed_cb (DpoDashboardPage *self,
                     DpoStore         *store)
{
  dpo_dashboard_page_update (self);
}

static void
dpo_dashboard_page_map (GtkWidget *widget)
{
  DpoDashboardPage *self = DPO_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (dpo_dashboard_page_parent_class)->map (widget);

  if (self->stale)
    dpo_dashboard_page_update (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, on_tick_cb, self);
}

static void
dpo_dashboard_page_unmap (GtkWidget *widget)
{
  DpoDashboardPage *self = DPO_DASHBOARD_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (dpo_dashboard_page_parent_class)->unmap (widget);
}

static void
dpo_dashboard_page_dispose (GObject *object)
{
  DpoDashboardPage *self = DPO_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  dpo_ui_follow_store (&self->store, NULL, G_CALLBACK (on_store_changed_cb), self);
  g_clear_object (&self->loader);
  self->counted_store = NULL;

  /* The stack is both AdwBin's child and a template child: let AdwBin drop
   * it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (dpo_dashboard_page_parent_class)->dispose (object);
}

static void
dpo_dashboard_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DpoDashboardPage *self = DPO_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COUNTING:
      g_value_set_boolean (value, dpo_dashboard_page_get_counting (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dpo_dashboard_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DpoDashboardPage *self = DPO_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dpo_dashboard_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dpo_dashboard_page_class_init (DpoDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_dashboard_page_dispose;
  object_class->get_property = dpo_dashboard_page_get_property;
  object_class->set_property = dpo_dashboard_page_set_property;
  widget_class->map = dpo_dashboard_page_map;
  widget_class->unmap = dpo_dashboard_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DPO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, incidents_button);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, requests_button);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, people_button);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, incidents_count_label);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, requests_count_label);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, people_count_label);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, deadlines_label);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, database_label);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, empty_database_label);
  gtk_widget_class_bind_template_child (widget_class, DpoDashboardPage, agenda_box);
}

static void
dpo_dashboard_page_init (DpoDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->loader = dpo_counts_loader_new (GTK_WIDGET (self), DPO_DUE_SOON_DAYS);
  dpo_counts_loader_set_agenda_limit (self->loader, AGENDA_LIMIT);
  g_signal_connect_object (self->loader, "done", G_CALLBACK (on_counts_done_cb), self,
                           G_CONNECT_SWAPPED);
}

DpoStore *
dpo_dashboard_page_get_store (DpoDashboardPage *self)
{
  g_return_val_if_fail (DPO_IS_DASHBOARD_PAGE (self), NULL);

  return self->store;
}

gboolean
dpo_dashboard_page_get_counting (DpoDashboardPage *self)
{
  g_return_val_if_fail (DPO_IS_DASHBOARD_PAGE (self), FALSE);

  return self->loader != NULL && dpo_counts_loader_is_loading (self->loader);
}

void
dpo_dashboard_page_set_store (DpoDashboardPage *self,
                              DpoStore         *store)
{
  g_return_if_fail (DPO_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || DPO_IS_STORE (store));

  if (!dpo_ui_follow_store (&self->store, store, G_CALLBACK (on_store_changed_cb), self))
    return;

  dpo_dashboard_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
