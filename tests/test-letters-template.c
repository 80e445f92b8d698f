/* test-letters-template.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-template.h"

/* Letter templates (app/model/dpo-template.c): {{placeholders}} checked
 * against what a letter knows, expanded, and dates as a letter writes them. */

static const char * const known[] = { "first_name", "last_name", "co_insured", NULL };

static void
test_check_accepts (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_template_check ("", known, &error));
  g_assert_true (dpo_template_check ("Dear {{first_name}} {{last_name}},\n{{co_insured}}",
                                     known, &error));
  /* Braces that are not "{{" are text. */
  g_assert_true (dpo_template_check ("a { b } c }} d {x}", known, &error));
  g_assert_no_error (error);
}

static void
test_check_unknown (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_template_check ("Dear {{first_name}},\n\nYour {{foo}} and {{bar}}.",
                                      known, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Unknown placeholder {{foo}} on line 3"));
  /* It says what may be written instead. */
  g_assert_nonnull (strstr (error->message, "{{first_name}}, {{last_name}}, {{co_insured}}"));
  g_clear_error (&error);

  /* Not a name: spaces, capitals. */
  g_assert_false (dpo_template_check ("{{ first_name }}", known, &error));
  g_assert_nonnull (strstr (error->message, "{{ first_name }} on line 1"));
  g_clear_error (&error);
  g_assert_false (dpo_template_check ("x\n{{First_Name}}", known, &error));
  g_assert_nonnull (strstr (error->message, "{{First_Name}} on line 2"));
  g_clear_error (&error);

  /* Nothing known: every placeholder is unknown. */
  g_assert_false (dpo_template_check ("{{first_name}}", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
}

static void
test_check_unclosed (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_template_check ("Dear {{first_name}},\nyour {{last_name", known, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not closed on line 2"));
  g_clear_error (&error);
  g_assert_false (dpo_template_check ("{{", known, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
}

static const char *
lookup (const char *name,
        gpointer    user_data)
{
  if (g_str_equal (name, "first_name"))
    return "Éloïse";
  if (g_str_equal (name, "last_name"))
    return "Lefèvre";
  if (g_str_equal (name, "co_insured"))
    return NULL;   /* none */
  g_assert_cmpstr (name, ==, "unknown_one");
  (*(guint *) user_data)++;
  return "?";
}

static void
test_expand (void)
{
  guint unknown = 0;
  g_autofree char *plain = dpo_template_expand ("no placeholder", lookup, &unknown);
  g_autofree char *full = dpo_template_expand ("{{first_name}} {{last_name}}{{last_name}}\n"
                                               "[{{co_insured}}] {{unknown_one}}",
                                               lookup, &unknown);
  g_autofree char *odd = dpo_template_expand ("{{ first_name }} {{First}} {{x {{first_name}} {{",
                                              lookup, &unknown);
  g_autofree char *empty = dpo_template_expand ("", lookup, &unknown);

  g_assert_cmpstr (plain, ==, "no placeholder");
  g_assert_cmpstr (full, ==, "Éloïse LefèvreLefèvre\n[] ?");
  g_assert_cmpuint (unknown, ==, 1);
  /* What is not a placeholder stays as typed. */
  g_assert_cmpstr (odd, ==, "{{ first_name }} {{First}} {{x Éloïse {{");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_format_date (void)
{
  g_autofree char *english = NULL;
  g_autofree char *first = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  english = dpo_template_format_date ("2024-02-06");
  first = dpo_template_format_date ("2024-03-01");
  g_assert_cmpstr (english, ==, "6 February 2024");
  g_assert_cmpstr (first, ==, "1 March 2024");
  g_assert_null (dpo_template_format_date ("2024-02-30"));
  g_assert_null (dpo_template_format_date ("06/02/2024"));
  g_assert_null (dpo_template_format_date ("2024-02-06x"));
  g_assert_null (dpo_template_format_date (""));
}

/* In a process of its own: GLib decides once per process whether to
 * translate, at the first translated string. */
static void
test_format_date_french (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *french = NULL;
      g_autofree char *french_first = NULL;

      g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
      french = dpo_template_format_date ("2024-02-06");
      french_first = dpo_template_format_date ("2024-08-01");
      g_assert_cmpstr (french, ==, "6 février 2024");
      g_assert_cmpstr (french_first, ==, "1er août 2024");
      return;
    }
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated (build-aux/dev does it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/check/accepts", test_check_accepts);
  g_test_add_func ("/template/check/unknown", test_check_unknown);
  g_test_add_func ("/template/check/unclosed", test_check_unclosed);
  g_test_add_func ("/template/expand", test_expand);
  g_test_add_func ("/template/format-date", test_format_date);
  g_test_add_func ("/template/format-date/french", test_format_date_french);

  return g_test_run ();
}
