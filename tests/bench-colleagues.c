/* bench-colleagues.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"

/* meson test --benchmark --suite server: a colleague's change visible in
 * another window within a second (issue 13, item 7). Two stores on one
 * server database, as two windows: one saves a person, the other's
 * "changed" signal (the one its lists reload on) is timed from just before
 * the save. Beside it, the same save on a file, where only the writing
 * window learns of it: the cost of the write itself. */

#define N_SAVES 200

static void
count_changed (DpoStore *store,
               guint    *count)
{
  (*count)++;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Saves a person @N_SAVES times in @writer; the milliseconds until
 * @watcher said "changed", sorted, in @ms. */
static void
measure (DpoStore *writer,
         DpoStore *watcher,
         double    ms[N_SAVES])
{
  guint changed = 0;
  gulong handler = g_signal_connect (watcher, "changed", G_CALLBACK (count_changed), &changed);

  for (int i = 0; i < N_SAVES; i++)
    {
      g_autoptr(DpoSubject) subject = dpo_store_get_subject (writer, "S-0003", NULL);
      g_autoptr(GError) error = NULL;
      guint before = changed;
      gint64 start;

      g_free (subject->email);
      subject->email = g_strdup_printf ("bench%d@example.org", i);
      start = g_get_monotonic_time ();
      if (!dpo_store_save_subject (writer, subject, &error))
        g_error ("save: %s", error->message);
      while (changed == before && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, changed == before);
      if (changed == before)
        g_error ("no \"changed\" within 5 s");
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_signal_handler_disconnect (watcher, handler);
  qsort (ms, N_SAVES, sizeof ms[0], compare_doubles);
}

static void
report (const char *what,
        double      ms[N_SAVES])
{
  printf ("%-44s median %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", what,
          ms[N_SAVES / 2], ms[N_SAVES * 95 / 100], ms[N_SAVES - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) example = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) writer = NULL;
  g_autoptr(DpoStore) watcher = NULL;
  g_autoptr(GError) error = NULL;
  double on_server[N_SAVES], on_file[N_SAVES];

  setlocale (LC_ALL, "");
  if (!dpo_test_engine_is_server () || g_getenv ("DPO_TEST_PG_URI") == NULL)
    {
      printf ("bench-colleagues: skipped, no PostgreSQL test server (%s)\n",
              g_getenv ("DPO_TEST_PG_MISSING") != NULL ? g_getenv ("DPO_TEST_PG_MISSING") : "run it through build-aux/pg-test-server");
      return 0;
    }
  /* As a window's main loop does: the stores opened here listen. */
  g_main_context_acquire (NULL);
  example = dpo_test_example_bytes ();

  writer = dpo_test_new_store (&path);
  if (!dpo_import_bytes (writer, example, "example", NULL, &error))
    g_error ("import: %s", error->message);
  watcher = dpo_store_open (path, &error);
  if (watcher == NULL)
    g_error ("open: %s", error->message);
  measure (writer, watcher, on_server);
  g_clear_object (&watcher);
  g_clear_object (&writer);

  /* The same saves on a file, timed to the writer's own "changed". */
  g_unsetenv ("DPO_TEST_ENGINE");
  g_clear_pointer (&path, g_free);
  writer = dpo_test_new_store (&path);
  if (!dpo_import_bytes (writer, example, "example", NULL, &error))
    g_error ("import: %s", error->message);
  measure (writer, writer, on_file);

  printf ("%d saves of a person; the change seen in the other window:\n", N_SAVES);
  report ("server, another window (LISTEN/NOTIFY)", on_server);
  report ("file, the writing window itself (the floor)", on_file);
  printf ("target: a colleague's change visible within 1 s: %s\n",
          on_server[N_SAVES * 95 / 100] < 1000.0 ? "met" : "NOT MET");
  return on_server[N_SAVES - 1] < 1000.0 ? 0 : 1;
}
