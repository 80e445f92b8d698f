/* bench-run.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one run of a program cost, as the benchmarks compare it with its floor. */
typedef struct
{
  double seconds;   /* wall clock */
  double cpu;       /* user + system */
  double peak_mb;   /* peak resident memory */
} BenchRun;

/* Runs @argv to its end (its standard output discarded when @quiet): TRUE
 * if it exited 0, with what it cost in @result. */
gboolean bench_run  (char * const *argv,
                     gboolean      quiet,
                     BenchRun     *result);
/* The faster of two runs, and the higher peak of the two. */
BenchRun bench_best (BenchRun      a,
                     BenchRun      b);

G_END_DECLS
