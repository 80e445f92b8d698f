/* test-hostile.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Hostile documents (issue 10): each is refused with one clear message that
 * names the file and where in it, and leaves the database as it was; or,
 * when it is a real register, comes back from export-json exactly. */

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-export-json.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

#define AS_OF "2024-06-01"
#define HEAD "{\"format\": \"dpo-workbench\", \"version\": 1, "
#define INCIDENT_AT(at) "\"incidents\": [{\"id\": \"INC-9\", \"title\": \"T\", " \
  "\"natures\": [\"integrity\"], \"aware_at\": \"" at "\", \"risk\": \"high\"}]}"
#define PERSON_NAMED(last) "\"subjects\": [{\"id\": \"S-9\", \"last_name\": \"" last "\", " \
  "\"first_name\": \"Anne\"}]}"
#define INCIDENT_COUNT(count) "\"incidents\": [{\"id\": \"INC-9\", \"title\": \"T\", " \
  "\"natures\": [\"integrity\"], \"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"high\", " \
  "\"approx_subjects\": " count "}]}"

/* Imports @json into a store holding the example; asserts it is refused
 * with DPO_ERROR_INVALID, the store unchanged; returns the message. */
static char *
refuse (const char *json,
        gsize       length)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GBytes) bytes = g_bytes_new (json, length);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  before = dpo_test_export (store, AS_OF);
  g_assert_false (dpo_import_bytes (store, bytes, "hostile.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "hostile.json"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  after = dpo_test_export (store, AS_OF);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

static void
assert_contains (const char *message,
                 const char *needle)
{
  if (strstr (message, needle) == NULL)
    g_error ("“%s” not in the message “%s”", needle, message);
}

/* Imports @json into a fresh store and returns its export. */
static char *
accept (const char *json)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  dpo_import_bytes (store, bytes, "good.json", NULL, &error);
  g_assert_no_error (error);
  return dpo_test_export (store, AS_OF);
}

/* export → import → export gives the same text. */
static void
assert_round_trips (const char *exported)
{
  g_autofree char *again = accept (exported);

  g_assert_cmpstr (exported, ==, again);
}

/* A 150 KB file of "[" overflowed json-glib's stack (exit 139): now refused
 * before it parses, with where. A million levels, to crash for sure. */
static void
test_deep_nesting (void)
{
  gsize depth = 1000000;
  g_autoptr(GString) json = g_string_new (HEAD "\"incidents\": ");
  g_autofree char *message = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  message = refuse (json->str, json->len);
  assert_contains (message, "nested more than 64 deep");
  assert_contains (message, "line 1, column 119");
}

/* Nesting up to the limit (the top object and 63 lists) is left to the
 * importer, which reads on. */
static void
test_nesting_within_limit (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"incidents\": [], \"extra\": ");
  g_autofree char *exported = NULL;

  for (int i = 0; i < 63; i++)
    g_string_append_c (json, '[');
  for (int i = 0; i < 63; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  exported = accept (json->str);
  g_assert_nonnull (strstr (exported, "\"incidents\": []"));
}

static void
test_lone_surrogate (void)
{
  static const char *const cases[] = {
    HEAD PERSON_NAMED ("Mar\\ud800tin"),
    HEAD PERSON_NAMED ("Mar\\uDBFF\\u0041tin"),
    HEAD PERSON_NAMED ("Mar\\udc00tin"),
    HEAD PERSON_NAMED ("Martin\\ud83d"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = refuse (cases[i], strlen (cases[i]));

      assert_contains (message, "subjects[0].last_name");
      assert_contains (message, "surrogate");
    }
}

/* In a member name, the path ends with that name. */
static void
test_lone_surrogate_in_name (void)
{
  static const char json[] = HEAD "\"subjects\": [{\"id\": \"S-9\", \"last\\ud800\": 1}]}";
  g_autofree char *message = refuse (json, strlen (json));

  assert_contains (message, "subjects[0].last\\ud800");
  assert_contains (message, "surrogate");
}

/* A real pair is a character, kept as such. */
static void
test_surrogate_pair_kept (void)
{
  g_autofree char *exported = accept (HEAD PERSON_NAMED ("Mar\\ud83d\\ude00tin"));

  g_assert_nonnull (strstr (exported, "\"last_name\" : \"Mar\xf0\x9f\x98\x80tin\""));
  assert_round_trips (exported);
}

/* json-glib's generator wrote U+001F raw, which JSON forbids: the audit
 * entry failed SQLite's json_valid() and the import with it; an export
 * holding it was not JSON for other readers. */
static void
test_unit_separator (void)
{
  g_autofree char *exported = accept (HEAD PERSON_NAMED ("Dur\\u001fand"));

  g_assert_nonnull (strstr (exported, "\"last_name\" : \"Dur\\u001fand\""));
  g_assert_null (strchr (exported, 0x1f));
  assert_round_trips (exported);
}

/* json-glib cut the string at the null character: "Mar", silently. */
static void
test_null_character (void)
{
  static const char json[] = HEAD PERSON_NAMED ("Mar\\u0000tin");
  g_autofree char *message = refuse (json, strlen (json));

  assert_contains (message, "subjects[0].last_name");
  assert_contains (message, "null character");
}

static void
test_bad_unicode_escape (void)
{
  static const char json[] = HEAD PERSON_NAMED ("Mar\\u00ztin");
  g_autofree char *message = refuse (json, strlen (json));

  assert_contains (message, "subjects[0].last_name");
  assert_contains (message, "four hexadecimal digits");
}

static void
test_invalid_utf8_in_string (void)
{
  static const char json[] = HEAD PERSON_NAMED ("Dur\xe9");
  g_autofree char *message = refuse (json, strlen (json));

  assert_contains (message, "subjects[0].last_name");
  assert_contains (message, "UTF-8");
}

/* 2^63 was read as -9223372036854775808 ("cannot be negative"). */
static void
test_count_too_large (void)
{
  static const char *const cases[] = {
    HEAD INCIDENT_COUNT ("9223372036854775808"),
    HEAD INCIDENT_COUNT ("18446744073709551615"),
    HEAD INCIDENT_COUNT ("-9223372036854775809"),
    HEAD INCIDENT_COUNT ("123456789012345678901234567890"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = refuse (cases[i], strlen (cases[i]));

      assert_contains (message, "incidents[0].approx_subjects");
      assert_contains (message, "too large");
      g_assert_null (strstr (message, "negative"));
    }
}

static void
test_count_largest (void)
{
  g_autofree char *exported = accept (HEAD INCIDENT_COUNT ("9223372036854775807"));

  g_assert_nonnull (strstr (exported, "\"approx_subjects\" : 9223372036854775807"));
  assert_round_trips (exported);
}

/* A 10 MB value is quoted cut, never whole. */
static void
test_long_value_cut (void)
{
  static const char *const fields[] = { "risk", "aware_at", "title_number", "nir", "format", "number" };
  gsize size = 10 * 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autofree char *message = NULL;
      const char *field = fields[i];

      if (g_str_equal (field, "format"))
        g_string_append (json, "{\"version\": 1, \"format\": \"");
      else
        g_string_append (json, HEAD);
      if (g_str_equal (field, "risk"))
        g_string_append (json, "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"integrity\"], "
                               "\"aware_at\": \"2024-05-02T10:00:00+02:00\", \"risk\": \"");
      else if (g_str_equal (field, "aware_at"))
        g_string_append (json, "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", \"natures\": [\"integrity\"], "
                               "\"aware_at\": \"");
      else if (g_str_equal (field, "nir"))
        g_string_append (json, "\"subjects\": [{\"id\": \"S\", \"last_name\": \"D\", \"first_name\": \"A\", "
                               "\"nir\": \"");
      else if (g_str_equal (field, "title_number"))
        g_string_append (json, "\"incidents\": [{\"id\": \"I\", \"title\": 1");
      else if (g_str_equal (field, "number"))
        g_string_append (json, "\"incidents\": [{\"approx_records\": 1");

      for (gsize n = 0; json->len < size; n++)
        g_string_append_c (json, g_str_has_suffix (field, "number") ? '0' + n % 10 : 'x');
      if (!g_str_has_suffix (field, "number"))
        g_string_append_c (json, '"');
      g_string_append (json, g_str_equal (field, "format") ? "}" : "}]}");

      message = refuse (json->str, json->len);
      g_assert_cmpuint (strlen (message), <, 2000);
      if (!g_str_equal (field, "title_number"))
        assert_contains (message, "…");
    }
}

/* 9999-12-31T23:00:00-05:00 is in the year 10000 in UTC: it was stored as
 * 0000-00-00 and exported as "(null)". */
static void
test_time_out_of_range (void)
{
  static const char *const cases[] = {
    HEAD INCIDENT_AT ("9999-12-31T23:00:00-05:00"),
    HEAD INCIDENT_AT ("0001-01-01T00:00:00+01:00"),
    HEAD INCIDENT_AT ("0001-01-01T00:09:20+00:09:21"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = refuse (cases[i], strlen (cases[i]));

      assert_contains (message, "incidents[0].aware_at");
      assert_contains (message, "years 1 to 9999");
    }
}

/* At the ends of the range, a time with no local counterpart in Paris is
 * exported in UTC and comes back the same. */
static void
test_time_at_range_ends (void)
{
  g_autofree char *late = accept (HEAD INCIDENT_AT ("9999-12-31T23:30:00Z"));
  g_autofree char *early = accept (HEAD INCIDENT_AT ("0001-01-01T00:00:00Z"));

  g_assert_nonnull (strstr (late, "\"aware_at\" : \"9999-12-31T23:30:00+00:00\""));
  assert_round_trips (late);
  g_assert_nonnull (strstr (early, "\"aware_at\" : \"0001-01-01T00:09:21+00:09:21\""));
  assert_round_trips (early);
}

/* Paris was at +00:09:21 until 1911: written as +00:09, each cycle moved
 * the time 21 s. */
static void
test_time_offset_seconds (void)
{
  g_autofree char *exported = accept (HEAD INCIDENT_AT ("1900-01-01T00:00:00+00:09:21"));
  g_autoptr(GDateTime) compact = NULL;
  g_autoptr(GDateTime) colons = NULL;

  g_assert_nonnull (strstr (exported, "\"aware_at\" : \"1900-01-01T00:00:00+00:09:21\""));
  assert_round_trips (exported);

  compact = dpo_time_parse ("1900-01-01T00:00:00+000921", NULL);
  colons = dpo_time_parse ("1900-01-01T00:00:00+00:09:21", NULL);
  g_assert_nonnull (compact);
  g_assert_true (g_date_time_equal (compact, colons));
  g_assert_null (dpo_time_parse ("1900-01-01T00:00:00+00:09:60", NULL));
  g_assert_null (dpo_time_parse ("1900-01-01T00:00:00+00:09:", NULL));
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  return g_date_time_compare (*(GDateTime * const *) a, *(GDateTime * const *) b);
}

/* 2,000 random times, from the year 1 to 9999 and many around 1911, in one
 * document: export → import → export gives the same text, and each time
 * is the instant it was imported as. */
static void
test_random_times_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autoptr(GString) json = g_string_new (HEAD "\"incidents\": [{\"id\": \"INC-9\", \"title\": \"T\", "
                                          "\"natures\": [\"integrity\"], \"aware_at\": "
                                          "\"2024-05-02T10:00:00+02:00\", \"risk\": \"high\", \"events\": [");
  g_autoptr(GPtrArray) instants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *exported = NULL;
  JsonArray *events;
  guint n = 2000;

  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_boolean (rand) ? g_rand_int_range (rand, 1850, 1950)
                                       : g_rand_int_range (rand, 2, 9999);
      int offset = g_rand_int_range (rand, -14 * 3600, 14 * 3600 + 1);
      g_autoptr(GTimeZone) zone = NULL;
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *text = NULL;
      g_autofree char *zone_text = NULL;

      /* Whole minutes mostly, as people write; seconds sometimes. */
      if (g_rand_int_range (rand, 0, 4) != 0)
        offset -= offset % 60;
      zone = g_time_zone_new_offset (offset);
      time = g_date_time_new (zone, year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60),
                              g_rand_int_range (rand, 0, 60));
      g_assert_nonnull (time);
      /* %Y does not pad years before 1000. */
      zone_text = g_date_time_format (time, offset % 60 != 0 ? "%::z" : "%:z");
      text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", g_date_time_get_year (time),
                              g_date_time_get_month (time), g_date_time_get_day_of_month (time),
                              g_date_time_get_hour (time), g_date_time_get_minute (time),
                              g_date_time_get_second (time), zone_text);
      g_string_append_printf (json, "%s{\"at\": \"%s\", \"kind\": \"other\"}", i > 0 ? ", " : "", text);
      g_ptr_array_add (instants, g_steal_pointer (&time));
    }
  g_string_append (json, "]}]}");

  exported = accept (json->str);
  assert_round_trips (exported);

  /* Events are exported in time order: sort the instants alike. */
  g_ptr_array_sort (instants, compare_times);
  root = json_from_string (exported, NULL);
  events = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "incidents"), 0), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const char *text = json_object_get_string_member (json_array_get_object_element (events, i), "at");
      g_autoptr(GDateTime) back = dpo_time_parse (text, NULL);

      if (back == NULL || !g_date_time_equal (back, g_ptr_array_index (instants, i)))
        g_error ("event %u: “%s” is not the instant imported", i, text);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile/nesting-within-limit", test_nesting_within_limit);
  g_test_add_func ("/hostile/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/hostile/lone-surrogate-in-name", test_lone_surrogate_in_name);
  g_test_add_func ("/hostile/surrogate-pair-kept", test_surrogate_pair_kept);
  g_test_add_func ("/hostile/null-character", test_null_character);
  g_test_add_func ("/hostile/unit-separator", test_unit_separator);
  g_test_add_func ("/hostile/bad-unicode-escape", test_bad_unicode_escape);
  g_test_add_func ("/hostile/invalid-utf8-in-string", test_invalid_utf8_in_string);
  g_test_add_func ("/hostile/count-too-large", test_count_too_large);
  g_test_add_func ("/hostile/count-largest", test_count_largest);
  g_test_add_func ("/hostile/long-value-cut", test_long_value_cut);
  g_test_add_func ("/hostile/time-out-of-range", test_time_out_of_range);
  g_test_add_func ("/hostile/time-at-range-ends", test_time_at_range_ends);
  g_test_add_func ("/hostile/time-offset-seconds", test_time_offset_seconds);
  g_test_add_func ("/hostile/random-times-round-trip", test_random_times_round_trip);

  return g_test_run ();
}
