/* test-fuzz-replay.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Replays, without the fuzzer, every seed and every input the fuzzer once
 * crashed on (tests/fuzz/regressions), through the same checks as the
 * libFuzzer target: no crash, a short clear refusal that changes nothing,
 * or a document that round-trips through export-json. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fuzz-import-one.h"

static char *work_dir;

static void
test_replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %s", path,
                  dpo_fuzz_import_one ((const guint8 *) contents, length, work_dir)
                  ? "accepted, round-trips" : "refused");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = g_path_get_basename (folder);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-replay/%s/%s", base, file);

      g_test_add_data_func_full (test_path, g_build_filename (folder, file, NULL),
                                 test_replay, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  work_dir = dpo_fuzz_make_work_dir ();

  for (int i = 1; i < argc; i++)
    add_folder (argv[i]);

  status = g_test_run ();
  g_rmdir (work_dir);
  g_free (work_dir);
  return status;
}
