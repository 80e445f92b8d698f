/* test-nir.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-nir.h"

static void
assert_valid (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (dpo_nir_validate (text, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, expected);
}

/* Asserts a DPO_ERROR_INVALID error whose message contains @needle. */
static void
assert_invalid (const char *text,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_false (dpo_nir_validate (text, &normalized, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_null (normalized);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s”: message “%s” does not mention “%s”",
             text, error->message, needle);
}

static void
test_fixtures (void)
{
  assert_valid ("278047505612374", "278047505612374");
  assert_valid ("165113155501897", "165113155501897");
  assert_valid ("290071305540484", "290071305540484");
  assert_valid ("172029912704514", "172029912704514");
}

static void
test_corsica (void)
{
  /* 2A counts as 19, 2B as 18: 2830919004117 mod 97 = 20, key 77. */
  assert_valid ("283092A00411777", "283092A00411777");
  assert_valid ("185062B05012377", "185062B05012377");
  /* The same digits with the other Corsican department fail the key. */
  assert_invalid ("283092B00411777", "does not match");
}

static void
test_spaces_and_case (void)
{
  assert_valid ("2 78 04 75 056 123 74", "278047505612374");
  assert_valid (" 278047505612374 ", "278047505612374");
  assert_valid ("283092a00411777", "283092A00411777");
  assert_valid ("2 83 09 2a 004 117 77", "283092A00411777");
}

static void
test_temporary_numbers (void)
{
  assert_valid ("799129912345606", "799129912345606");
  assert_valid ("801017512312334", "801017512312334");
  assert_valid ("375027511122239", "375027511122239");
  assert_valid ("490017512345602", "490017512345602");
}

static void
test_null_normalized (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_nir_validate ("278047505612374", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (dpo_nir_validate ("278047505612375", NULL, NULL));
}

static void
test_wrong_key (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_nir_validate ("278047505612312", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  /* Issue 9: the message does not give the expected key (74) away. */
  g_assert_cmpstr (error->message, ==, "the key 12 does not match the 13 digits before it: "
                                       "one of the 15 was probably mistyped");
  g_assert_null (strstr (error->message, "74"));
}

static void
test_wrong_length (void)
{
  assert_invalid ("27804750561237", "14");
  assert_invalid ("27804750561237", "15");
  assert_invalid ("2780475056123745", "16");
  assert_invalid ("2 78 04 75 056 123 7", "14");
}

static void
test_empty (void)
{
  assert_invalid ("", "15");
  assert_invalid ("   ", "empty");
}

static void
test_sex_digit (void)
{
  /* Keys are right for the digits, so only the sex digit is wrong. */
  assert_invalid ("578047505612321", "not 5");
  assert_invalid ("578047505612321", "sex");
  assert_invalid ("078047505612377", "not 0");
  assert_invalid ("978047505612315", "not 9");
}

static void
test_letters (void)
{
  assert_invalid ("2780475O5612374", "only digits");
  assert_invalid ("283092C00411777", "2A or 2B");
  assert_invalid ("28309A200411777", "only digits");
  assert_invalid ("2780475-5612374", "only digits");
  assert_invalid ("27804750561237A", "only digits");
  /* Non-ASCII characters count as one character each. */
  assert_invalid ("2780475056123é4", "only digits");
  assert_invalid ("2780475056123é", "14");
}

static void
test_key_out_of_range (void)
{
  assert_invalid ("278047505612300", "between 01 and 97");
  assert_invalid ("278047505612398", "98");
  assert_invalid ("278047505612399", "between 01 and 97");
}

static void
test_key_bounds (void)
{
  /* 1000000000047 mod 97 = 0 gives key 97; 1000000000046 mod 97 = 96
   * gives key 01. */
  assert_valid ("100000000004797", "100000000004797");
  assert_valid ("100000000004601", "100000000004601");
}

/* Issue 9: a NIR whose birth year or month disagrees with the birth date:
 * a warning (the save goes on), never silence. */
static void
test_birth_date_check (void)
{
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;

  /* 2 78 04 …: born April 1978. */
  g_assert_null (dpo_nir_check_birth ("278047505612374", "1978-04-12"));
  g_assert_null (dpo_nir_check_birth ("2 78 04 75 056 123 74", "1978-04-30"));
  year = dpo_nir_check_birth ("278047505612374", "1979-04-12");
  g_assert_nonnull (year);
  g_test_message ("%s", year);
  g_assert_nonnull (strstr (year, "04/78"));
  g_assert_nonnull (strstr (year, "04/79"));
  month = dpo_nir_check_birth ("278047505612374", "1978-05-12");
  g_assert_nonnull (month);
  g_assert_nonnull (strstr (month, "05/78"));
  /* Months 99 and 30 (unknown): only the year is compared. */
  g_assert_null (dpo_nir_check_birth ("185997512345625", "1985-08-01"));
  g_assert_null (dpo_nir_check_birth ("185307512345685", "1985-08-01"));
  g_free (year);
  year = dpo_nir_check_birth ("185307512345685", "1986-08-01");
  g_assert_nonnull (year);
  /* Nothing to compare: no warning (validation speaks of an invalid NIR). */
  g_assert_null (dpo_nir_check_birth ("278047505612312", "1990-01-01"));
  g_assert_null (dpo_nir_check_birth ("278047505612374", NULL));
  g_assert_null (dpo_nir_check_birth (NULL, "1978-04-12"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nir/valid/fixtures", test_fixtures);
  g_test_add_func ("/nir/valid/corsica", test_corsica);
  g_test_add_func ("/nir/valid/spaces-and-case", test_spaces_and_case);
  g_test_add_func ("/nir/valid/temporary-numbers", test_temporary_numbers);
  g_test_add_func ("/nir/valid/key-bounds", test_key_bounds);
  g_test_add_func ("/nir/valid/null-normalized", test_null_normalized);
  g_test_add_func ("/nir/invalid/wrong-key", test_wrong_key);
  g_test_add_func ("/nir/invalid/length", test_wrong_length);
  g_test_add_func ("/nir/invalid/empty", test_empty);
  g_test_add_func ("/nir/invalid/sex-digit", test_sex_digit);
  g_test_add_func ("/nir/invalid/letters", test_letters);
  g_test_add_func ("/nir/invalid/key-out-of-range", test_key_out_of_range);
  g_test_add_func ("/nir/birth-date-check", test_birth_date_check);

  return g_test_run ();
}
