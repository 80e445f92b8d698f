/* dpo-counts-loader.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-counts-loader.h"

struct _DpoCountsLoader
{
  GObject         parent_instance;

  GtkWidget      *widget;          /* not owned: it owns us */
  guint           due_soon_days;
  guint           agenda_limit;    /* 0: no agenda */
  DpoStore       *store;           /* of the load waiting for a frame */
  GdkFrameClock  *clock;
  gulong          after_paint_id;
  GCancellable   *cancellable;     /* of the count under way */
  DpoStoreCounts  counts;
  gboolean        has_counts;
  DpoAgenda      *agenda;
  GError         *error;
};

G_DEFINE_FINAL_TYPE (DpoCountsLoader, dpo_counts_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop_waiting (DpoCountsLoader *self)
{
  /* A window that goes away disposes its frame clock, handlers included. */
  if (self->clock != NULL && g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoAgenda) agenda = NULL;
  DpoStoreCounts counts;
  DpoCountsLoader *self;

  if (!dpo_store_read_day_finish (DPO_STORE (source), result, &counts, &agenda, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* dropped: the loader may be gone */

  self = DPO_COUNTS_LOADER (user_data);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  self->has_counts = error == NULL;
  if (error == NULL)
    {
      self->counts = counts;
      g_clear_pointer (&self->agenda, dpo_agenda_free);
      self->agenda = g_steal_pointer (&agenda);
    }
  else
    self->error = g_steal_pointer (&error);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[DONE], 0);
}

static void
start_count (DpoCountsLoader *self,
             DpoStore        *store)
{
  self->cancellable = g_cancellable_new ();
  dpo_store_read_day_async (store, self->due_soon_days, self->agenda_limit, self->cancellable,
                            on_counted_cb, self);
}

/* The frame that was waiting is on screen: now the count may use the CPU. */
static void
on_after_paint_cb (DpoCountsLoader *self,
                   GdkFrameClock   *clock)
{
  g_autoptr(DpoStore) store = g_steal_pointer (&self->store);

  stop_waiting (self);
  start_count (self, store);
}

void
dpo_counts_loader_cancel (DpoCountsLoader *self)
{
  gboolean was_loading;

  g_return_if_fail (DPO_IS_COUNTS_LOADER (self));

  was_loading = dpo_counts_loader_is_loading (self);
  stop_waiting (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
dpo_counts_loader_load (DpoCountsLoader *self,
                        DpoStore        *store)
{
  GdkFrameClock *clock;

  g_return_if_fail (DPO_IS_COUNTS_LOADER (self));
  g_return_if_fail (DPO_IS_STORE (store));

  dpo_counts_loader_cancel (self);

  /* Not on screen yet (no frame clock): nothing to wait for. */
  clock = gtk_widget_get_frame_clock (self->widget);
  if (clock == NULL)
    start_count (self, store);
  else
    {
      self->store = g_object_ref (store);
      self->clock = g_object_ref (clock);
      self->after_paint_id = g_signal_connect_swapped (clock, "after-paint",
                                                       G_CALLBACK (on_after_paint_cb), self);
      gtk_widget_queue_draw (self->widget);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
dpo_counts_loader_is_loading (DpoCountsLoader *self)
{
  g_return_val_if_fail (DPO_IS_COUNTS_LOADER (self), FALSE);

  return self->store != NULL || self->cancellable != NULL;
}

const DpoStoreCounts *
dpo_counts_loader_get_counts (DpoCountsLoader *self)
{
  g_return_val_if_fail (DPO_IS_COUNTS_LOADER (self), NULL);

  return self->has_counts ? &self->counts : NULL;
}

const DpoAgenda *
dpo_counts_loader_get_agenda (DpoCountsLoader *self)
{
  g_return_val_if_fail (DPO_IS_COUNTS_LOADER (self), NULL);

  return self->has_counts ? self->agenda : NULL;
}

void
dpo_counts_loader_set_agenda_limit (DpoCountsLoader *self,
                                    guint            limit)
{
  g_return_if_fail (DPO_IS_COUNTS_LOADER (self));

  self->agenda_limit = limit;
}

const GError *
dpo_counts_loader_get_error (DpoCountsLoader *self)
{
  g_return_val_if_fail (DPO_IS_COUNTS_LOADER (self), NULL);

  return self->error;
}

static void
dpo_counts_loader_dispose (GObject *object)
{
  DpoCountsLoader *self = DPO_COUNTS_LOADER (object);

  stop_waiting (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dpo_counts_loader_parent_class)->dispose (object);
}

static void
dpo_counts_loader_finalize (GObject *object)
{
  DpoCountsLoader *self = DPO_COUNTS_LOADER (object);

  g_clear_error (&self->error);
  g_clear_pointer (&self->agenda, dpo_agenda_free);

  G_OBJECT_CLASS (dpo_counts_loader_parent_class)->finalize (object);
}

static void
dpo_counts_loader_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DpoCountsLoader *self = DPO_COUNTS_LOADER (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, dpo_counts_loader_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dpo_counts_loader_class_init (DpoCountsLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dpo_counts_loader_dispose;
  object_class->finalize = dpo_counts_loader_finalize;
  object_class->get_property = dpo_counts_loader_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The load finished: read the counts, or the error. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dpo_counts_loader_init (DpoCountsLoader *self)
{
}

DpoCountsLoader *
dpo_counts_loader_new (GtkWidget *widget,
                       guint      due_soon_days)
{
  DpoCountsLoader *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (DPO_TYPE_COUNTS_LOADER, NULL);
  self->widget = widget;
  self->due_soon_days = due_soon_days;
  return self;
}
