/* fuzz-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The libFuzzer target for the importer (meson -Dfuzzing=true, clang):
 * every input is imported as `dpo import` would, under ASan and UBSan, and
 * the properties of fuzz-import-one.c are checked. Run by
 * `meson test --benchmark --suite fuzz`. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz-import-one.h"

static char *work_dir;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
remove_work_dir (void)
{
  /* Each input removes its databases; only the folder is left. */
  g_rmdir (work_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Paris has an offset in seconds before 1911: the hardest zone for the
   * round trip of times. */
  g_setenv ("TZ", "Europe/Paris", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  work_dir = dpo_fuzz_make_work_dir ();
  atexit (remove_work_dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  dpo_fuzz_import_one (data, size, work_dir);
  return 0;
}
