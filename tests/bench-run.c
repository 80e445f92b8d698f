/* bench-run.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-run.h"

gboolean
bench_run (char * const *argv,
           gboolean      quiet,
           BenchRun     *result)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0;
  pid_t pid;

  pid = fork ();
  if (pid == 0)
    {
      if (quiet && freopen ("/dev/null", "w", stdout) == NULL)
        _exit (127);
      execv (argv[0], argv);
      _exit (127);
    }
  /* wait4(): the child's own CPU time and peak memory, not ours. */
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;

  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  result->cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result->peak_mb = usage.ru_maxrss / 1024.0;   /* ru_maxrss is in KiB */
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed\n", argv[0]);
      return FALSE;
    }
  return TRUE;
}

BenchRun
bench_best (BenchRun a,
            BenchRun b)
{
  return (BenchRun) { MIN (a.seconds, b.seconds), MIN (a.cpu, b.cpu), MAX (a.peak_mb, b.peak_mb) };
}
