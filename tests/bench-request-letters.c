/* bench-request-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "bench-letters-data.h"
#include "bench-request-letters.h"
#include "bench-run.h"

/* Issue 12.6 (meson test --benchmark --suite letters): 10,000 refusal
 * letters in one run, `dpo letter --batch LIST refusal OUT.pdf` (reading
 * each request and person, checking the kind fits, composing from the
 * template, laying out, committing the file, recording the 10,000 letters
 * with their audit entries), beside bench-request-letters-floor (the bare
 * pango-cairo program of bench-letters-bare drawing the same refusal
 * letters). Target: at most twice the floor's time. Each program runs in a
 * process of its own, twice, alternately; the better run of each counts.
 *
 *   bench-request-letters DPO FLOOR
 *
 * DPO_BENCH_REQUEST_LETTERS sets the number of letters (10000). Exit
 * status 1 if the target is missed or a program fails. */

#define RUNS         2
#define TARGET_RATIO 2.0

/* The people of bench-letters-data, each with an active contract (ending
 * 31 December 2024) and an erasure request refused for it. */
static char *
make_document (guint64 n)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "dpo-workbench");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "organisation");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, BENCH_LETTER_SENDER_NAME);
  json_builder_set_member_name (b, "address");
  json_builder_add_string_value (b, "12 avenue de la République, 69003 Lyon");
  json_builder_set_member_name (b, "dpo");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "Jeanne Moreau");
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, "dpo@mutuelle-horizon.fr");
  json_builder_set_member_name (b, "phone");
  json_builder_add_string_value (b, "04 72 00 00 00");
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "subjects");
  json_builder_begin_array (b);
  for (guint64 i = 0; i < n; i++)
    {
      BenchLetterPerson p;
      g_autofree char *id = g_strdup_printf ("S-%07" G_GUINT64_FORMAT, i);
      g_autofree char *contract = g_strdup_printf ("C-%07" G_GUINT64_FORMAT, i);
      g_autofree char *address = NULL;

      bench_letter_person (i, &p);
      address = g_strdup_printf ("%s%s%s\n%s %s", p.complement, *p.complement ? "\n" : "",
                                 p.street, p.postcode, p.city);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "last_name");
      json_builder_add_string_value (b, p.last_name);
      json_builder_set_member_name (b, "first_name");
      json_builder_add_string_value (b, p.first_name);
      json_builder_set_member_name (b, "member_number");
      json_builder_add_string_value (b, p.member_number);
      json_builder_set_member_name (b, "postal_address");
      json_builder_add_string_value (b, address);
      json_builder_set_member_name (b, "contracts");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_string_value (b, contract);
      json_builder_set_member_name (b, "start_date");
      json_builder_add_string_value (b, "2019-01-01");
      json_builder_set_member_name (b, "end_date");
      json_builder_add_string_value (b, "2024-12-31");
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "requests");
  json_builder_begin_array (b);
  for (guint64 i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf (BENCH_REQUEST_ID_FORMAT, i);
      g_autofree char *subject = g_strdup_printf ("S-%07" G_GUINT64_FORMAT, i);
      g_autofree char *ground = g_strdup_printf (BENCH_REQUEST_GROUND_FORMAT, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "subject");
      json_builder_add_string_value (b, subject);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, "erasure");
      json_builder_set_member_name (b, "received_at");
      json_builder_add_string_value (b, "2024-02-12T09:40:00+01:00");
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, "refused");
      json_builder_set_member_name (b, "answered_at");
      json_builder_add_string_value (b, "2024-02-19T10:00:00+01:00");
      json_builder_set_member_name (b, "refusal_ground");
      json_builder_add_string_value (b, ground);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
prepare (const char *dpo,
         const char *dir,
         guint64     n,
         char      **database,
         char      **list)
{
  g_autofree char *json = g_build_filename (dir, "requests.json", NULL);
  g_autofree char *document = make_document (n);
  g_autoptr(GString) ids = g_string_new (NULL);
  char *import_argv[] = { (char *) dpo, (char *) "--database", NULL, (char *) "import", json, NULL };
  BenchRun run;

  *database = g_build_filename (dir, "bench.sqlite", NULL);
  *list = g_build_filename (dir, "list.txt", NULL);
  import_argv[2] = *database;
  for (guint64 i = 0; i < n; i++)
    g_string_append_printf (ids, BENCH_REQUEST_ID_FORMAT "\n", i);
  return g_file_set_contents (json, document, -1, NULL) &&
         g_file_set_contents (*list, ids->str, ids->len, NULL) &&
         bench_run (import_argv, TRUE, &run);
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-request-letters-XXXXXX", NULL);
  g_autofree char *database = NULL;
  g_autofree char *list = NULL;
  g_autofree char *out = NULL;
  g_autofree char *floor_out = NULL;
  g_autofree char *count = NULL;
  const char *env = g_getenv ("DPO_BENCH_REQUEST_LETTERS");
  guint64 n = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 10000;
  BenchRun ours = { G_MAXDOUBLE, G_MAXDOUBLE, 0 }, floor = ours, one;
  double ratio;
  gboolean ok;

  if (argc != 3)
    {
      g_printerr ("usage: bench-request-letters DPO FLOOR\n");
      return 1;
    }
  out = g_build_filename (dir, "refusals.pdf", NULL);
  floor_out = g_build_filename (dir, "floor.pdf", NULL);
  count = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  if (!prepare (argv[1], dir, n, &database, &list))
    {
      g_printerr ("bench-request-letters: cannot prepare the database\n");
      return 1;
    }

  {
    char *ours_argv[] = { argv[1], (char *) "--database", database, (char *) "--as-of",
                          (char *) "2024-02-20", (char *) "letter", (char *) "--batch", list,
                          (char *) "refusal", out, NULL };
    char *floor_argv[] = { argv[2], count, floor_out, NULL };

    for (guint i = 0; i < RUNS; i++)
      {
        if (!bench_run (ours_argv, TRUE, &one))
          return 1;
        ours = bench_best (ours, one);
        if (!bench_run (floor_argv, TRUE, &one))
          return 1;
        floor = bench_best (floor, one);
      }
  }

  g_print ("# %" G_GUINT64_FORMAT " refusal letters (best of %d runs each)\n", n, RUNS);
  g_print ("dpo letter --batch  %6.1f s (CPU %6.1f s) %6.1f MB peak %7.1f MB file\n",
           ours.seconds, ours.cpu, ours.peak_mb, file_mb (out));
  g_print ("bare pango-cairo    %6.1f s (CPU %6.1f s) %6.1f MB peak %7.1f MB file\n",
           floor.seconds, floor.cpu, floor.peak_mb, file_mb (floor_out));
  ratio = ours.seconds / floor.seconds;
  ok = ratio <= TARGET_RATIO;
  g_print ("time ratio %.2f (CPU %.2f; target <= %.1f): %s\n", ratio, ours.cpu / floor.cpu,
           TARGET_RATIO, ok ? "met" : "MISSED");
  g_unlink (out);
  g_unlink (floor_out);
  return ok ? 0 : 1;
}
