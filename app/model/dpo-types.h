/* dpo-types.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DpoStore         DpoStore;
typedef struct _DpoPagedModel    DpoPagedModel;
typedef struct _DpoRow           DpoRow;
typedef struct _DpoIncident      DpoIncident;
typedef struct _DpoEvent         DpoEvent;
typedef struct _DpoNotification  DpoNotification;
typedef struct _DpoComplaint     DpoComplaint;
typedef struct _DpoCommunication DpoCommunication;
typedef struct _DpoSubject       DpoSubject;
typedef struct _DpoContract      DpoContract;
typedef struct _DpoRequest       DpoRequest;

G_END_DECLS
