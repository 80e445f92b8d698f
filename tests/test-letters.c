/* test-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-letters-data.h"
#include "dpo-error.h"
#include "dpo-letter-pdf.h"
#include "dpo-letter-sender.h"
#include "dpo-test-util.h"

/* Letters as PDF (app/letters), read back by poppler's pdftotext and
 * pdfinfo, never by our own code: pages, A4, the text in reading order,
 * the address where a window envelope shows it, page numbers, accents. */

#define PT_PER_MM (72.0 / 25.4)

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* pdftotext -layout of pages @first to @last (0, 0: all). */
static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", MAX (first, 1));
  g_autofree char *l = g_strdup_printf ("%u", last);
  const char *pages[] = { "pdftotext", "-layout", "-f", f, "-l", l, path, "-", NULL };
  const char *all[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_tool (last > 0 ? pages : all);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static void
fill_letter (DpoLetter         *letter,
             BenchLetterPerson *person,
             char              *recipient,
             char              *reference,
             GString           *body)
{
  bench_letter_recipient (person, recipient, 256);
  bench_letter_reference (person, reference, 128);
  bench_letter_body (person, body);
  *letter = (DpoLetter) {
    .sender_name = BENCH_LETTER_SENDER_NAME,
    .sender_lines = BENCH_LETTER_SENDER_LINES,
    .recipient_lines = recipient,
    .place_date = BENCH_LETTER_PLACE_DATE,
    .reference = reference,
    .subject = BENCH_LETTER_SUBJECT,
    .body = body->str,
    .signature = BENCH_LETTER_SIGNATURE,
  };
}

/* A person with a fixed name, for assertions. */
static void
claire (BenchLetterPerson *person)
{
  bench_letter_person (7, person);
  g_strlcpy (person->civility, "Madame", sizeof person->civility);
  g_strlcpy (person->first_name, "Éloïse", sizeof person->first_name);
  g_strlcpy (person->last_name, "Lefèvre-Nguyễn", sizeof person->last_name);
  g_strlcpy (person->street, "27 rue des Lilas", sizeof person->street);
  g_strlcpy (person->complement, "", sizeof person->complement);
  g_strlcpy (person->postcode, "69007", sizeof person->postcode);
  g_strlcpy (person->city, "LYON", sizeof person->city);
}

static char *
write_one (const char      *dir,
           const DpoLetter *letter,
           guint           *pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "letters.pdf", NULL);
  g_autoptr(DpoLetterPdf) pdf = dpo_letter_pdf_new (path, &error);

  g_assert_no_error (error);
  *pages = dpo_letter_pdf_add (pdf, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dpo_letter_pdf_page_count (pdf), ==, *pages);
  g_assert_true (dpo_letter_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  return path;
}

/* Each needle is found after the one before. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("“%s” not found after “%.40s” in:\n%s", needles[i], at, text);
      at = found + strlen (needles[i]);
    }
}

static void
test_one_letter (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GString) body = g_string_new (NULL);
  char recipient[256], reference[128];
  BenchLetterPerson person;
  DpoLetter letter;
  guint pages;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *info_argv[] = { "pdfinfo", NULL, NULL };
  const char * const order[] = {
    "Mutuelle Santé Horizon", "12 avenue de la République", "Délégué à la protection des données",
    "Madame Éloïse Lefèvre-Nguyễn", "27 rue des Lilas", "69007 LYON",
    "Lyon, le 6 février 2024", "Notre référence : INC-2024-003/M-0000007",
    "Subject: Information sur une violation", "Madame, Monsieur Lefèvre-Nguyễn,",
    "Les données concernées sont les suivantes :", "– votre nom, votre prénom",
    "1/2", "Mutuelle Santé Horizon", "salutations distinguées.", "Jeanne Moreau",
    "Déléguée à la protection des données", "2/2", NULL,
  };

  claire (&person);
  fill_letter (&letter, &person, recipient, reference, body);
  path = write_one (dir, &letter, &pages);

  /* About 350 words: a page and a third. */
  g_assert_cmpuint (pages, ==, 2);
  g_assert_cmpuint (pdf_pages (path), ==, 2);
  info_argv[1] = path;
  info = run_tool (info_argv);
  g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Creator:         DPO Workbench"));

  text = pdf_text (path, 0, 0);
  assert_in_order (text, order);
  dpo_test_remove_tree (dir);
}

/* The body's plain text: a blank line ends a paragraph, "- " starts a
 * bullet (set with a dash, indented) that indented lines continue, a single
 * line break stays one, Windows line ends are line ends. */
static void
test_body_structure (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  DpoLetter letter = {
    .sender_name = "Mutuelle", .recipient_lines = "Jean Dupont\n1 rue Haute\n75001 PARIS",
    .subject = "Subject: already labelled",
    .body = "Madame,\r\n\r\nFirst paragraph.\nSecond line of it.\r\n\r\n"
            "- bullet one\n  continued here\n- bullet two\nAfter the list.\n\n\n\nLast.",
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const expected[] = { "Subject: already labelled", "Madame,", "First paragraph.",
                                    "Second line of it.", "– bullet one continued here",
                                    "– bullet two", "After the list.", "Last.", NULL };
  guint pages, next = 0;

  path = write_one (dir, &letter, &pages);
  text = pdf_text (path, 0, 0);
  lines = g_strsplit (text, "\n", -1);
  /* Each expected line is a line of its own, in this order. */
  for (guint i = 0; lines[i] != NULL && expected[next] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), expected[next]))
      next++;
  if (expected[next] != NULL)
    g_error ("line “%s” not found in order in:\n%s", expected[next], text);
  g_assert_null (strstr (text, "Subject: Subject:"));
  g_assert_null (strstr (text, "\r"));
  dpo_test_remove_tree (dir);
}

/* pdftotext -bbox: the box of the first word @word on page 1, in mm. */
static gboolean
word_box (const char *path,
          const char *word,
          double     *x_min,
          double     *y_min,
          double     *x_max,
          double     *y_max)
{
  const char *argv[] = { "pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *end = strstr (html, needle);
  const char *start;

  if (end == NULL)
    return FALSE;
  start = g_strrstr_len (html, end - html, "<word ");
  g_assert_nonnull (start);
  g_assert_cmpint (sscanf (start, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                           x_min, y_min, x_max, y_max), ==, 4);
  *x_min /= PT_PER_MM;
  *y_min /= PT_PER_MM;
  *x_max /= PT_PER_MM;
  *y_max /= PT_PER_MM;
  return TRUE;
}

/* The address shows through the window of a DL envelope: 45 x 100 mm,
 * 20 mm from the right edge; on the folded A4 letter, 110-190 mm from the
 * left and 50-95 mm from the top. Nothing else is in it. */
static void
test_address_in_window (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GString) body = g_string_new (NULL);
  char recipient[256], reference[128];
  BenchLetterPerson person;
  DpoLetter letter;
  guint pages;
  g_autofree char *path = NULL;
  const char *words[] = { "Madame", "Lefèvre-Nguyễn", "Lilas", "69007", "LYON" };
  const char *outside[] = { "Mutuelle", "Lyon,", "Subject:", "dpo@mutuelle-horizon.fr" };

  claire (&person);
  fill_letter (&letter, &person, recipient, reference, body);
  path = write_one (dir, &letter, &pages);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      double x0, y0, x1, y1;

      g_assert_true (word_box (path, words[i], &x0, &y0, &x1, &y1));
      g_test_message ("%s: %.1f,%.1f - %.1f,%.1f mm", words[i], x0, y0, x1, y1);
      g_assert_cmpfloat (x0, >=, 110 - 1);
      g_assert_cmpfloat (x1, <=, 190);
      g_assert_cmpfloat (y0, >=, 50 - 1);
      g_assert_cmpfloat (y1, <=, 95);
    }
  /* The first line starts where a window envelope expects it. */
  {
    double x0, y0, x1, y1;

    g_assert_true (word_box (path, "Madame", &x0, &y0, &x1, &y1));
    g_assert_cmpfloat (x0, <, 112);
    g_assert_cmpfloat (y0, <, 55);
  }
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      double x0, y0, x1, y1;

      g_assert_true (word_box (path, outside[i], &x0, &y0, &x1, &y1));
      g_assert_true (x1 < 110 || y1 < 50 || y0 > 95 || x0 > 190);
    }
  dpo_test_remove_tree (dir);
}

/* Enough text for three pages: numbered "1/3".."3/3", the organisation's
 * name at the top of the next pages, the text whole and in order. */
static void
test_multi_page (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GString) body = g_string_new (NULL);
  char recipient[256], reference[128];
  BenchLetterPerson person;
  DpoLetter letter;
  guint pages;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;

  claire (&person);
  fill_letter (&letter, &person, recipient, reference, body);
  g_string_truncate (body, 0);
  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (body, "%sParagraphe %u : des données de santé ont été "
                            "consultées, et nous prenons toutes les mesures nécessaires pour "
                            "que cela ne se reproduise pas. Fin du paragraphe %u.",
                            i > 1 ? "\n\n" : "", i, i);
  g_string_append (body, "\n- premier point de la liste\n- second point, après tous les autres");
  letter.body = body->str;
  path = write_one (dir, &letter, &pages);

  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (pdf_pages (path), ==, 3);
  for (guint page = 1; page <= 3; page++)
    {
      g_autofree char *text = pdf_text (path, page, page);
      g_autofree char *number = g_strdup_printf ("%u/3", page);

      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, "Mutuelle Santé Horizon"));
      /* The address and the date are on the first page only. */
      g_assert_true ((strstr (text, "27 rue des Lilas") != NULL) == (page == 1));
    }
  all = pdf_text (path, 0, 0);
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *start = g_strdup_printf ("Paragraphe %u :", i);
      g_autofree char *end = g_strdup_printf ("Fin du paragraphe %u.", i);
      const char * const order[] = { start, end, NULL };

      assert_in_order (all, order);
    }
  {
    const char * const order[] = { "Fin du paragraphe 40.", "– premier point",
                                    "– second point", "Jeanne Moreau", "3/3", NULL };

    assert_in_order (all, order);
  }
  dpo_test_remove_tree (dir);
}

/* Three letters, the second long: each starts on a page of its own with
 * its letterhead and address, page numbers count within a letter. */
static void
test_letters_start_new_pages (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "letters.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoLetterPdf) pdf = dpo_letter_pdf_new (path, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *names[] = { "Alice Arnaud", "Bruno Besson", "Chloé Chénier" };
  guint expected_pages[] = { 1, 2, 1 };
  guint first_page[] = { 1, 2, 4 };

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *recipient = g_strdup_printf ("%s\n%u rue du Port\n44000 NANTES", names[i], i + 1);
      DpoLetter letter = {
        .sender_name = BENCH_LETTER_SENDER_NAME,
        .sender_lines = BENCH_LETTER_SENDER_LINES,
        .recipient_lines = recipient,
        .place_date = BENCH_LETTER_PLACE_DATE,
        .subject = "Objet : votre demande",
        .body = NULL,
      };

      g_string_printf (body, "Lettre de %s.", names[i]);
      if (i == 1)
        for (guint j = 0; j < 30; j++)
          g_string_append (body, "\n\nUn long paragraphe qui remplit la page, ligne après "
                           "ligne, pour que cette lettre continue sur une seconde page.");
      letter.body = body->str;
      g_assert_cmpuint (dpo_letter_pdf_add (pdf, &letter, &error), ==, expected_pages[i]);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (dpo_letter_pdf_page_count (pdf), ==, 4);
  g_assert_cmpuint (dpo_letter_pdf_letter_count (pdf), ==, 3);
  g_assert_true (dpo_letter_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 4);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = pdf_text (path, first_page[i], first_page[i]);
      g_autofree char *line = g_strdup_printf ("Lettre de %s.", names[i]);
      const char * const order[] = { "Mutuelle Santé Horizon", names[i], "Objet : votre demande",
                                      line, NULL };

      assert_in_order (text, order);
      /* "Objet :" given by the caller is not repeated. */
      g_assert_null (strstr (text, "Subject:"));
      for (guint j = 0; j < 3; j++)
        if (j != i)
          g_assert_null (strstr (text, names[j]));
      /* A letter of one page has no page number. */
      if (i != 1)
        g_assert_null (strstr (text, "1/1"));
    }
  {
    g_autofree char *second = pdf_text (path, 3, 3);

    g_assert_nonnull (strstr (second, "2/2"));
    g_assert_null (strstr (second, "Bruno Besson"));
  }
  dpo_test_remove_tree (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* Freed without finishing, after a refused letter, or with no letter: no
 * file, no temporary. */
static void
test_no_file_without_finish (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "letters.pdf", NULL);
  g_autoptr(GError) error = NULL;
  DpoLetter good = {
    .sender_name = "Mutuelle", .recipient_lines = "Jean Dupont\n1 rue Haute\n75001 PARIS",
    .body = "Bonjour.",
  };
  DpoLetter bad = good;
  DpoLetterPdf *pdf;

  pdf = dpo_letter_pdf_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dpo_letter_pdf_add (pdf, &good, &error), ==, 1);
  g_assert_cmpuint (count_entries (dir), ==, 1);   /* the temporary */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dpo_letter_pdf_free (pdf);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* Refused letters draw nothing; the document stays good. */
  pdf = dpo_letter_pdf_new (path, &error);
  bad.recipient_lines = " \n ";
  g_assert_cmpuint (dpo_letter_pdf_add (pdf, &bad, &error), ==, 0);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "postal address"));
  g_clear_error (&error);
  bad = good;
  bad.sender_name = NULL;
  g_assert_cmpuint (dpo_letter_pdf_add (pdf, &bad, &error), ==, 0);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  bad = good;
  bad.body = "caf\xe9";
  g_assert_cmpuint (dpo_letter_pdf_add (pdf, &bad, &error), ==, 0);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (dpo_letter_pdf_page_count (pdf), ==, 0);

  /* Nothing to print: refused, no file. */
  g_assert_false (dpo_letter_pdf_finish (pdf, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  dpo_letter_pdf_free (pdf);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* A folder at the path: refused before anything is written. */
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  pdf = dpo_letter_pdf_new (path, &error);
  g_assert_null (pdf);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  dpo_test_remove_tree (dir);
}

/* The disk fills up half-way (a file size limit stands for it): the
 * letter that cannot be written says so, and no file is left. */
static void
test_write_error (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  DpoLetterPdf *pdf;
  guint added = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  dir = dpo_test_make_dir ();
  path = g_build_filename (dir, "letters.pdf", NULL);
  pdf = dpo_letter_pdf_new (path, &error);
  g_assert_no_error (error);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &(struct rlimit) { 256 * 1024, RLIM_INFINITY }), ==, 0);
  for (guint i = 0; i < 1000 && error == NULL; i++)
    {
      BenchLetterPerson person;
      char recipient[256], reference[128];
      DpoLetter letter;

      bench_letter_person (i, &person);
      fill_letter (&letter, &person, recipient, reference, body);
      if (dpo_letter_pdf_add (pdf, &letter, &error) > 0)
        added++;
    }
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "letters.pdf"));
  g_assert_cmpuint (added, >, 10);
  g_assert_cmpuint (added, <, 1000);
  g_clear_error (&error);
  /* The document is lost: finishing says so. */
  g_assert_false (dpo_letter_pdf_finish (pdf, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  dpo_letter_pdf_free (pdf);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  dpo_test_remove_tree (dir);
}

/* The organisation as the letterhead and the closing name it. */
static void
test_sender (void)
{
  g_autoptr(DpoOrganisation) organisation = dpo_organisation_new ();
  g_autofree char *full = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *signature = NULL;

  organisation->name = g_strdup ("Mutuelle Santé Horizon");
  organisation->address = g_strdup ("12 rue de la Paix,  75002 Paris");
  organisation->dpo_name = g_strdup ("Hélène Garnier");
  organisation->dpo_email = g_strdup ("dpo@mutuelle-horizon.example");
  organisation->dpo_phone = g_strdup ("+33 1 42 00 00 00");
  organisation->dpo_address = g_strdup ("DPO, 12 rue de la Paix, 75002 Paris");
  full = dpo_letter_sender_lines (organisation);
  g_assert_cmpstr (full, ==, "12 rue de la Paix\n75002 Paris\n\n"
                             "Data protection officer: Hélène Garnier\n"
                             "dpo@mutuelle-horizon.example · +33 1 42 00 00 00\n"
                             "By post: DPO, 12 rue de la Paix, 75002 Paris");
  signature = dpo_letter_signature (organisation);
  g_assert_cmpstr (signature, ==, "Hélène Garnier\nData Protection Officer");

  g_clear_pointer (&organisation->address, g_free);
  g_clear_pointer (&organisation->dpo_name, g_free);
  g_clear_pointer (&organisation->dpo_phone, g_free);
  g_clear_pointer (&organisation->dpo_address, g_free);
  bare = dpo_letter_sender_lines (organisation);
  g_assert_cmpstr (bare, ==, "dpo@mutuelle-horizon.example");
  g_assert_null (dpo_letter_signature (organisation));
}

/* Under a French locale the subject reads "Objet :"; accents and signs
 * survive. In a process of its own: GLib decides once per process whether
 * to translate, at the first translated string. */
static void
test_french (void)
{
  g_autofree char *dir = NULL;
  DpoLetter letter = {
    .sender_name = "Mutuelle Santé Horizon", .recipient_lines = "Zoé Ærøskøbing\n1 rue Haute\n75001 PARIS",
    .subject = "réponse à votre demande d’accès", .body = "Œuvre, façon, où, çà, « guillemets », 100 €.",
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint pages;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated (build-aux/dev does it)");
      return;
    }
  if (!g_test_subprocess ())
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  dir = dpo_test_make_dir ();
  path = write_one (dir, &letter, &pages);
  text = pdf_text (path, 0, 0);
  g_assert_nonnull (strstr (text, "Zoé Ærøskøbing"));
  g_assert_nonnull (strstr (text, "Objet"));
  g_assert_nonnull (strstr (text, "réponse à votre demande d’accès"));
  g_assert_nonnull (strstr (text, "Œuvre, façon, où, çà, « guillemets », 100 €."));
  g_assert_null (strstr (text, "Subject"));
  dpo_test_remove_tree (dir);
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

  g_test_add_func ("/letters/one", test_one_letter);
  g_test_add_func ("/letters/body-structure", test_body_structure);
  g_test_add_func ("/letters/address-in-window", test_address_in_window);
  g_test_add_func ("/letters/multi-page", test_multi_page);
  g_test_add_func ("/letters/new-page-each", test_letters_start_new_pages);
  g_test_add_func ("/letters/no-file-without-finish", test_no_file_without_finish);
  g_test_add_func ("/letters/write-error", test_write_error);
  g_test_add_func ("/letters/sender", test_sender);
  g_test_add_func ("/letters/french", test_french);

  return g_test_run ();
}
