/* bench-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "bench-letters-data.h"
#include "bench-run.h"
#include "dpo-letter-pdf.h"

/* 20,000 letters (meson test --benchmark --suite letters) through
 * dpo_letter_pdf, beside bench-letters-bare drawing the same pages with
 * pango and cairo alone. Targets (issues 11.7, 12.6): at most twice the bare
 * program's time; memory that does not grow with the number of letters
 * (the peak at 20,000 letters within 8 MB of the peak at 2,000). Each
 * program runs in a process of its own, twice, alternately; the better run
 * of each is compared, as other work on the machine only makes a run slower.
 *
 *   bench-letters BARE-PROGRAM      runs the comparison
 *   bench-letters --render N OUT    N letters, as the campaign writes them
 *
 * DPO_BENCH_LETTERS sets the number of letters (20000). Exit status 1 if a
 * target is missed or a program fails. */

#define RUNS            2
#define TARGET_RATIO    2.0
#define TARGET_GROWTH_MB 8.0

static int
render (guint64     n,
        const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoLetterPdf) pdf = dpo_letter_pdf_new (out, &error);
  g_autoptr(GString) body = g_string_new (NULL);

  if (pdf == NULL)
    g_error ("%s", error->message);
  for (guint64 i = 0; i < n; i++)
    {
      BenchLetterPerson person;
      char recipient[256], reference[128];
      DpoLetter letter = {
        .sender_name = BENCH_LETTER_SENDER_NAME,
        .sender_lines = BENCH_LETTER_SENDER_LINES,
        .recipient_lines = recipient,
        .place_date = BENCH_LETTER_PLACE_DATE,
        .reference = reference,
        .subject = BENCH_LETTER_SUBJECT,
        .body = NULL,
        .signature = BENCH_LETTER_SIGNATURE,
      };

      bench_letter_person (i, &person);
      bench_letter_recipient (&person, recipient, sizeof recipient);
      bench_letter_reference (&person, reference, sizeof reference);
      bench_letter_body (&person, body);
      letter.body = body->str;
      if (dpo_letter_pdf_add (pdf, &letter, &error) == 0)
        g_error ("%s", error->message);
    }
  if (!dpo_letter_pdf_finish (pdf, &error))
    g_error ("%s", error->message);
  printf ("%u pages\n", dpo_letter_pdf_page_count (pdf));
  return 0;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0;
}

/* The renderer and the bare program on @n letters, @runs times each. */
static gboolean
measure (const char *self_path,
         const char *bare_program,
         const char *dir,
         guint64     n,
         guint       runs,
         BenchRun   *ours,
         BenchRun   *bare)
{
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  g_autofree char *out = g_build_filename (dir, "letters.pdf", NULL);
  g_autofree char *bare_out = g_build_filename (dir, "bare.pdf", NULL);
  char *ours_argv[] = { (char *) self_path, (char *) "--render", count, out, NULL };
  char *bare_argv[] = { (char *) bare_program, count, bare_out, NULL };

  *ours = *bare = (BenchRun) { G_MAXDOUBLE, G_MAXDOUBLE, 0 };
  for (guint i = 0; i < runs; i++)
    {
      BenchRun one;

      if (!bench_run (ours_argv, TRUE, &one))
        return FALSE;
      *ours = bench_best (*ours, one);
      if (!bench_run (bare_argv, TRUE, &one))
        return FALSE;
      *bare = bench_best (*bare, one);
    }
  g_print ("%6" G_GUINT64_FORMAT " letters  dpo_letter_pdf  %6.1f s (CPU %6.1f s) %6.1f MB peak %7.1f MB file\n",
           n, ours->seconds, ours->cpu, ours->peak_mb, file_mb (out));
  g_print ("%6" G_GUINT64_FORMAT " letters  bare pango-cairo %6.1f s (CPU %6.1f s) %6.1f MB peak %7.1f MB file\n",
           n, bare->seconds, bare->cpu, bare->peak_mb, file_mb (bare_out));
  g_unlink (out);
  g_unlink (bare_out);
  return TRUE;
}

static int
compare (const char *bare_program)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-letters-XXXXXX", NULL);
  const char *env = g_getenv ("DPO_BENCH_LETTERS");
  guint64 n = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 20000;
  BenchRun ours, bare, small_ours, small_bare;
  double ratio, growth;
  gboolean ok;

  g_assert (self != NULL && dir != NULL);
  g_print ("# %" G_GUINT64_FORMAT " letters of about 350 words (best of %d runs each)\n", n, RUNS);
  ok = measure (self, bare_program, dir, n, RUNS, &ours, &bare) &&
       measure (self, bare_program, dir, MAX (n / 10, 1), 1, &small_ours, &small_bare);
  g_rmdir (dir);
  if (!ok)
    return 1;

  ratio = ours.seconds / bare.seconds;
  growth = ours.peak_mb - small_ours.peak_mb;
  ok = ratio <= TARGET_RATIO && growth <= TARGET_GROWTH_MB;
  g_print ("time ratio %.2f (CPU %.2f; target <= %.1f); peak memory %.1f MB at %" G_GUINT64_FORMAT
           " letters, %.1f MB at %" G_GUINT64_FORMAT " (bare: %.1f, %.1f; growth target <= %.0f MB): %s\n",
           ratio, ours.cpu / bare.cpu, TARGET_RATIO, ours.peak_mb, n, small_ours.peak_mb,
           MAX (n / 10, 1), bare.peak_mb, small_bare.peak_mb, TARGET_GROWTH_MB, ok ? "met" : "MISSED");
  return ok ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("DPO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 4 && g_str_equal (argv[1], "--render"))
    return render (g_ascii_strtoull (argv[2], NULL, 10), argv[3]);
  if (argc == 2)
    return compare (argv[1]);

  g_printerr ("usage: bench-letters BARE-PROGRAM | --render N OUT.pdf\n");
  return 1;
}
