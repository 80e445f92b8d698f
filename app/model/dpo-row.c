/* dpo-row.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-records.h"
#include "dpo-row.h"

struct _DpoRow
{
  GObject  parent_instance;
  GType    record_type;
  gpointer record;
};

G_DEFINE_FINAL_TYPE (DpoRow, dpo_row, G_TYPE_OBJECT)

static void
dpo_row_finalize (GObject *object)
{
  DpoRow *self = (DpoRow *) object;

  if (self->record != NULL)
    g_boxed_free (self->record_type, self->record);

  G_OBJECT_CLASS (dpo_row_parent_class)->finalize (object);
}

static void
dpo_row_class_init (DpoRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dpo_row_finalize;
}

static void
dpo_row_init (DpoRow *self)
{
}

/* Takes ownership of @record, a boxed value of @record_type. */
DpoRow *
dpo_row_new (GType    record_type,
             gpointer record)
{
  DpoRow *self;

  g_return_val_if_fail (G_TYPE_IS_BOXED (record_type), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (DPO_TYPE_ROW, NULL);
  self->record_type = record_type;
  self->record = record;
  return self;
}

GType
dpo_row_get_record_type (DpoRow *self)
{
  g_return_val_if_fail (DPO_IS_ROW (self), G_TYPE_INVALID);
  return self->record_type;
}

gpointer
dpo_row_get_record (DpoRow *self)
{
  g_return_val_if_fail (DPO_IS_ROW (self), NULL);
  return self->record;
}

DpoIncident *
dpo_row_get_incident (DpoRow *self)
{
  g_return_val_if_fail (DPO_IS_ROW (self), NULL);
  g_return_val_if_fail (self->record_type == DPO_TYPE_INCIDENT_RECORD, NULL);
  return self->record;
}

DpoSubject *
dpo_row_get_subject (DpoRow *self)
{
  g_return_val_if_fail (DPO_IS_ROW (self), NULL);
  g_return_val_if_fail (self->record_type == DPO_TYPE_SUBJECT_RECORD, NULL);
  return self->record;
}

DpoRequest *
dpo_row_get_request (DpoRow *self)
{
  g_return_val_if_fail (DPO_IS_ROW (self), NULL);
  g_return_val_if_fail (self->record_type == DPO_TYPE_REQUEST_RECORD, NULL);
  return self->record;
}
