/* dpo-ui-test-util.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"
#include "dpo-window.h"

G_BEGIN_DECLS

/* How long a wait lasts unless a test says otherwise. */
#define DPO_TEST_WAIT_MS 10000

typedef gboolean (*DpoWidgetMatch) (GtkWidget     *widget,
                                    gconstpointer  data);
typedef gboolean (*DpoCondition)   (gpointer       data);

/* GTK and libadwaita for a test; waits fail after @wait_ms. */
void        dpo_test_ui_init            (int            *argc,
                                         char         ***argv,
                                         guint           wait_ms);

/* The first widget under @root, @root included, that @match accepts. */
GtkWidget  *dpo_test_find_widget        (GtkWidget      *root,
                                         DpoWidgetMatch  match,
                                         gconstpointer   data);
/* Matches: @data is an instance type (GSIZE_TO_POINTER), an id, a name,
 * a title or a text. */
gboolean    dpo_test_is_type            (GtkWidget      *widget,
                                         gconstpointer   type);
gboolean    dpo_test_has_id             (GtkWidget      *widget,
                                         gconstpointer   id);
gboolean    dpo_test_has_name           (GtkWidget      *widget,
                                         gconstpointer   name);
gboolean    dpo_test_is_row_titled      (GtkWidget      *widget,
                                         gconstpointer   title);
gboolean    dpo_test_is_shown_label     (GtkWidget      *widget,
                                         gconstpointer   text);
gboolean    dpo_test_is_shown_label_prefix (GtkWidget   *widget,
                                         gconstpointer   prefix);
gboolean    dpo_test_is_shown_button    (GtkWidget      *widget,
                                         gconstpointer   label);
gboolean    dpo_test_is_shown_status_page (GtkWidget    *widget,
                                         gconstpointer   title);
GtkWidget  *dpo_test_find_by_type       (GtkWidget      *root,
                                         GType           type);
/* The widget built from the template object @id; fails without it. */
GtkWidget  *dpo_test_get_by_id          (GtkWidget      *root,
                                         const char     *id);
void        dpo_test_set_text           (GtkWidget      *root,
                                         const char     *id,
                                         const char     *text);

/* Runs the main loop until @condition holds, or fails after the wait. */
void        dpo_test_wait_until         (DpoCondition    condition,
                                         gpointer        data);
/* A condition: the pointer at @data is NULL (a weak pointer cleared). */
gboolean    dpo_test_is_null            (gpointer        data);
/* The shown message dialog whose heading is @heading, or NULL. */
AdwMessageDialog *dpo_test_find_message_dialog (const char *heading);
/* For dpo_test_wait_until(): @heading (a string) is shown, or is not. */
gboolean    dpo_test_has_message_dialog (gpointer        heading);
gboolean    dpo_test_no_message_dialog  (gpointer        heading);
GtkWidget  *dpo_test_wait_for_widget    (GtkWidget      *root,
                                         DpoWidgetMatch  match,
                                         gconstpointer   data);
GtkWindow  *dpo_test_find_toplevel      (GType           type);
/* A condition: no toplevel of the type GSIZE_TO_POINTER(@type). */
gboolean    dpo_test_toplevel_gone      (gpointer        type);
GtkWidget  *dpo_test_wait_for_toplevel  (GType           type);

/* A database "workbench.sqlite" in @dir. */
DpoStore   *dpo_test_open_store         (const char     *dir);
/* A window on @store (or none), presented and drawn. */
DpoWindow  *dpo_test_present_window     (DpoStore       *store);
/* Destroys @window and checks that it and @store (our last reference,
 * or NULL) are finalized. */
void        dpo_test_destroy_window     (DpoWindow      *window,
                                         DpoStore       *store);

/* The database the store of @dir lives in: @dir/workbench.sqlite, or on
 * the test server (DPO_TEST_ENGINE=postgresql) the URI of the database
 * made for @dir. */
char      *dpo_test_database_of    (const char *dir);

G_END_DECLS
