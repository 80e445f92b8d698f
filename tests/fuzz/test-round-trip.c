/* test-round-trip.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The round-trip property (issue 10): for every accepted document, import →
 * export-json → import → export-json gives identical JSON. The documents are
 * the seed corpus and, for each accepted seed, variations of it: any text
 * replaced by random text (accents, astral characters, quotes, control
 * characters, "_x0041_", long text), times moved together by up to two
 * thousand years and written in random offsets (seconds included), counts by random
 * counts up to 2^63 - 1, optional members dropped. The check itself is
 * dpo_fuzz_import_one(), shared with the fuzzer. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dpo-time.h"
#include "fuzz-import-one.h"

#define VARIATIONS_PER_SEED 60

static char *work_dir;
static const char *corpus_dir;

static const char *const PALETTE[] = {
  "a", "Z", " ", "é", "ß", "Œ", "中", "😀", "𝄞", "\n", "\t", "\"", "\\", "/", "'", "\x01", "\x1f",
  "\x7f", "_x0041_", "_X00E9_", "=SUM(A1)", "+1", "-", "@", "\u200f", "e\u0301", "\ufeff", "<b>",
  "&amp;", "]]>", "%s", "%n", "NULL", "\u00a0", "\u2028",
};

static char *
random_text (GRand *rand)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int length = g_rand_int_range (rand, 1, 12);

  /* Now and then a long one, past what a message quotes. */
  if (g_rand_int_range (rand, 0, 20) == 0)
    length = g_rand_int_range (rand, 200, 2000);
  for (int i = 0; i < length; i++)
    g_string_append (text, PALETTE[g_rand_int_range (rand, 0, G_N_ELEMENTS (PALETTE))]);
  /* A required text may not be blank: begin with a letter. */
  g_string_prepend (text, "x");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @time moved by @shift seconds (the same for the whole document, so that
 * the order of its times holds) and written in a random offset, with
 * seconds now and then; NULL when that leaves the years 1 to 9999. */
static char *
vary_time (GRand     *rand,
           GDateTime *time,
           gint64     shift)
{
  int offset = g_rand_int_range (rand, -14 * 3600, 14 * 3600 + 1);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) moved = g_date_time_add_seconds (time, (gdouble) shift);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *seconds_text = NULL;
  int seconds_of_offset;

  if (moved == NULL)
    return NULL;
  if (g_rand_int_range (rand, 0, 3) != 0)
    offset -= offset % 60;
  zone = g_time_zone_new_offset (offset);
  local = g_date_time_to_timezone (moved, zone);
  if (local == NULL || g_date_time_get_year (local) > 9999)
    return NULL;
  offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
  seconds_of_offset = ABS (offset) % 60;
  seconds_text = seconds_of_offset != 0 ? g_strdup_printf (":%02d", seconds_of_offset) : g_strdup ("");
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d%s",
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                          g_date_time_get_minute (local), g_date_time_get_second (local),
                          offset < 0 ? '-' : '+', ABS (offset) / 3600, ABS (offset) / 60 % 60,
                          seconds_text);
}

/* Members whose value is free text: anything goes there. A hold's
 * "reason" shares its name with the free-text reasons (extension,
 * restriction) but is one of a few words: varying it only tests refusal. */
static gboolean
is_free_text (const char *member,
              const char *value)
{
  static const char *const hold_reasons[] = { "litigation", "fraud", "other", NULL };

  static const char *const names[] = {
    "title", "description", "processor", "origin", "consequences", "measures",
    "delay_reason", "reference", "party", "outcome", "authority_name", "last_name",
    "first_name", "email", "postal_address", "member_number", "product", "number",
    "reason", "name", "contact", "refusal_ground", NULL,
  };

  if (g_str_equal (member, "reason") && g_strv_contains (hold_reasons, value))
    return FALSE;
  return g_strv_contains (names, member);
}

static gboolean
is_optional (const char *member)
{
  static const char *const names[] = {
    "description", "processor", "origin", "started_at", "ended_at", "data_categories",
    "subject_categories", "approx_subjects", "approx_records", "consequences", "measures",
    "delay_reason", "events", "notifications", "complaints", "communications", "reference",
    "party", "status", "outcome", "count", "birth_date", "nir", "member_number", "email",
    "postal_address", "contracts", "product", "end_date", "channel", "identity_verified_at",
    "extension", "answered_at", NULL,
  };

  return g_strv_contains (names, member);
}

typedef struct
{
  GRand  *rand;
  gint64  shift;   /* seconds added to every time of the document */
} Variation;

static void vary_node (Variation *v, JsonNode *node);

static void
vary_member (Variation  *v,
             JsonObject *object,
             const char *member)
{
  GRand *rand = v->rand;
  JsonNode *value = json_object_get_member (object, member);

  if (g_rand_int_range (rand, 0, 40) == 0 && is_optional (member))
    {
      json_object_remove_member (object, member);
      return;
    }
  /* The header stays: a variation of it is refused, and says nothing. */
  if (g_str_equal (member, "format") || g_str_equal (member, "version"))
    return;
  if (JSON_NODE_HOLDS_VALUE (value) && g_rand_int_range (rand, 0, 3) == 0)
    {
      if (json_node_get_value_type (value) == G_TYPE_INT64)
        {
          static const gint64 counts[] = { 0, 1, 999, G_MAXINT32, G_MAXINT64 };
          gint64 count = g_rand_boolean (rand) ? counts[g_rand_int_range (rand, 0, G_N_ELEMENTS (counts))]
                                               : (gint64) (g_rand_double (rand) * G_MAXINT64);

          json_object_set_int_member (object, member, count);
        }
      else if (json_node_get_value_type (value) == G_TYPE_STRING)
        {
          g_autoptr(GDateTime) time = dpo_time_parse (json_node_get_string (value), NULL);

          g_autofree char *text = NULL;

          if (time != NULL)
            text = vary_time (rand, time, v->shift);
          else if (is_free_text (member, json_node_get_string (value)))
            text = random_text (rand);
          if (text != NULL)
            json_object_set_string_member (object, member, text);
        }
      return;
    }
  vary_node (v, value);
}

static void
vary_node (Variation *v,
           JsonNode  *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        vary_member (v, object, l->data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        vary_node (v, json_array_get_element (array, i));
    }
}

static void
test_seed (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  /* Seeded by the file's name, not its path: the same variations in
   * every checkout, so a failure here fails everywhere. */
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (name));
  gsize length;
  guint accepted = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  if (!dpo_fuzz_import_one ((const guint8 *) contents, length, work_dir))
    {
      g_test_skip ("the seed itself is refused");
      return;
    }

  for (guint i = 0; i < VARIATIONS_PER_SEED; i++)
    {
      g_autoptr(JsonNode) root = json_from_string (contents, &error);
      g_autofree char *varied = NULL;
      /* Half the variations keep every instant, the others move them all
       * by up to two thousand years either way. */
      Variation v = { rand, g_rand_boolean (rand) ? 0 : (gint64) g_rand_int_range (rand, -730000, 730000) * 86400
                                                      + g_rand_int_range (rand, 0, 86400) };

      g_assert_no_error (error);
      vary_node (&v, root);
      varied = json_to_string (root, TRUE);
      if (dpo_fuzz_import_one ((const guint8 *) varied, strlen (varied), work_dir))
        accepted++;
    }
  g_test_message ("%s: %u of %u variations accepted, each round-trips",
                  path, accepted, VARIATIONS_PER_SEED);
  /* Enough valid variations, or the property is barely tested. */
  g_assert_cmpuint (accepted, >=, VARIATIONS_PER_SEED / 4);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  corpus_dir = argv[1];
  work_dir = dpo_fuzz_make_work_dir ();

  dir = g_dir_open (corpus_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *test_path = g_strdup_printf ("/round-trip/%s", name);

      g_test_add_data_func_full (test_path, g_build_filename (corpus_dir, name, NULL),
                                 test_seed, g_free);
    }

  status = g_test_run ();
  g_rmdir (work_dir);
  g_free (work_dir);
  return status;
}
