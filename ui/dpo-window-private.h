/* dpo-window-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-dashboard-page.h"
#include "dpo-incidents-page.h"
#include "dpo-people-page.h"
#include "dpo-requests-page.h"
#include "dpo-window.h"

G_BEGIN_DECLS

struct _DpoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *header_export_button;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *spinner;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  DpoDashboardPage     *dashboard_page;
  DpoIncidentsPage     *incidents_page;
  DpoRequestsPage      *requests_page;
  DpoPeoplePage        *people_page;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;

  DpoStore             *store;
  GSettings            *settings;      /* NULL without an installed schema */
  GCancellable         *cancellable;   /* cancelled when the window goes */
  char                 *path;          /* the database shown, or that failed */
  guint                 busy : 1;      /* an import or a JSON export is running */
  GFile                *export_json_file;
  GCancellable         *export_cancellable; /* while the registers are exported */
  guint                 export_reveal_id;
  guint                 export_pulse_id;    /* finishing the file: no Cancel */
};

/* dpo-window-actions.c */
void _dpo_window_class_actions_init (DpoWindowClass *klass);
void _dpo_window_actions_update     (DpoWindow      *self);
/* DPO_SHOW: a view opened at start-up (screenshots, manual checks). */
void _dpo_window_show_from_environment (DpoWindow   *self);

/* dpo-window.c */
void _dpo_window_toast              (DpoWindow      *self,
                                     const char     *message);
void _dpo_window_show_error         (DpoWindow      *self,
                                     const char     *heading,
                                     const char     *message);
void _dpo_window_set_busy           (DpoWindow      *self,
                                     gboolean        busy);
/* dpo-window-import.c: imports the example scenario from the resource. */
void _dpo_window_load_example       (DpoWindow      *self);

/* dpo-window-export-registers.c: win.export-registers and win.cancel-export. */
void _dpo_window_class_export_init  (DpoWindowClass *klass);
void _dpo_window_export_dispose     (DpoWindow      *self);
/* DPO_EXPORT_REGISTERS=FILE: an export at start-up (screenshots). */
void _dpo_window_export_from_environment (DpoWindow *self);

/* dpo-window-export-calendar.c: win.export-calendar. */
void _dpo_window_class_calendar_init (DpoWindowClass *klass);

/* Opens a database the user picked, and remembers it for the next start. */
void _dpo_window_open_chosen_path   (DpoWindow      *self,
                                     const char     *path);

G_END_DECLS
