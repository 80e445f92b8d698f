/* test-output-file.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-output-file.h"
#include "dpo-temp-files.h"
#include "dpo-test-util.h"

/* The names in @dir that look like our temporaries. */
static guint
count_temporaries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, ".dpo-tmp-") != NULL)
      n++;
  return n;
}

static mode_t
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  return info.st_mode;
}

static void
test_replace_is_private (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "access.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  mode_t saved_umask;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  saved_umask = umask (0);
  g_assert_true (dpo_output_file_set_contents (file, "{\"nir\": 1}", 10, &error));
  umask (saved_umask);
  g_assert_no_error (error);

  g_assert_cmpint (file_mode (path) & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"nir\": 1}");
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
}

static void
test_symlink_refused (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);
  g_autofree char *path = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (victim, "untouched", -1, NULL));
  g_assert_cmpint (symlink (victim, path), ==, 0);

  g_assert_false (dpo_output_file_set_contents (file, "x", 1, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_assert_true (S_ISLNK (file_mode (path)));
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "untouched");
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
}

static void
test_kinds_refused (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.sqlite", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_false (dpo_file_check_output_target (fifo, NULL, &error));
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_clear_error (&error);
  g_assert_false (dpo_file_check_output_target (folder, NULL, &error));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  g_assert_false (dpo_file_check_output_target ("/dev/null", NULL, &error));
  g_assert_nonnull (strstr (error->message, "device"));
  g_clear_error (&error);

  g_assert_false (dpo_file_check_database_path (fifo, &error));
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_clear_error (&error);
  g_assert_false (dpo_file_check_database_path ("/dev/null", &error));
  g_assert_nonnull (strstr (error->message, "device"));
  g_clear_error (&error);
  g_assert_true (dpo_file_check_database_path (fresh, NULL));
  g_assert_true (dpo_file_check_output_target (fresh, NULL, NULL));
}

/* Written through the stream, private while written, gone if abandoned. */
static void
test_abandoned_leaves_nothing (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autofree char *tmp_name = NULL;
  DpoOutputFile *output;

  g_assert_true (g_file_set_contents (path, "the previous export", -1, NULL));
  before = dpo_test_file_bytes (path);

  output = dpo_output_file_new (file, &error);
  g_assert_no_error (error);
  tmp_name = g_path_get_basename (dpo_output_file_get_temp_path (output));
  g_assert_true (g_str_has_prefix (tmp_name, ".export.json.dpo-tmp-"));
  g_assert_true (dpo_temp_files_is_temp_name (tmp_name));
  g_assert_cmpint (file_mode (dpo_output_file_get_temp_path (output)) & 0777, ==, 0600);
  g_assert_true (g_output_stream_write_all (dpo_output_file_get_stream (output), "{\"half", 6,
                                            NULL, NULL, NULL));
  g_assert_cmpuint (count_temporaries (dir), ==, 1);
  dpo_output_file_free (output);

  g_assert_cmpuint (count_temporaries (dir), ==, 0);
  after = dpo_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_temp_names (void)
{
  g_assert_true (dpo_temp_files_is_temp_name (".a.json.dpo-tmp-Ab12Cd"));
  g_assert_false (dpo_temp_files_is_temp_name ("a.json.dpo-tmp-Ab12Cd"));
  g_assert_false (dpo_temp_files_is_temp_name (".a.json.dpo-tmp-Ab12C"));
  g_assert_false (dpo_temp_files_is_temp_name (".a.json.dpo-tmp-Ab1.Cd"));
  g_assert_false (dpo_temp_files_is_temp_name (".a.json.XXXXXX"));
}

/* A target name near the 255-byte limit still gets a temporary beside it,
 * cut at a character boundary. */
static void
test_long_name (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *template = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 123; i++)
    g_string_append (name, "é");
  g_string_append (name, ".json");
  path = g_build_filename (dir, name->str, NULL);
  template = dpo_temp_files_template (dir, name->str);
  base = g_path_get_basename (template);
  g_assert_cmpuint (strlen (base), <=, 255);
  g_assert_true (g_utf8_validate (base, -1, NULL));

  file = g_file_new_for_path (path);
  g_assert_true (dpo_output_file_set_contents (file, "{}", 2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
}

static char *
make_file (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  struct timeval times[2];

  g_assert_true (g_file_set_contents (path, "{\"truncat", -1, NULL));
  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= age_seconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
  return path;
}

/* Leftovers of a killed program go; what may still be someone's stays. */
static void
test_sweep (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *leftover = make_file (dir, ".x.json.dpo-tmp-AAAAAA", 60);
  g_autofree char *locked = make_file (dir, ".y.json.dpo-tmp-BBBBBB", 60);
  g_autofree char *newer = make_file (dir, ".z.json.dpo-tmp-CCCCCC", -3600);
  g_autofree char *other_name = make_file (dir, ".x.json.XXXXXX", 60);
  g_autofree char *target = make_file (dir, "target", 60);
  g_autofree char *link = g_build_filename (dir, ".l.json.dpo-tmp-DDDDDD", NULL);
  g_autofree char *folder = g_build_filename (dir, ".d.json.dpo-tmp-EEEEEE", NULL);
  int lock_fd;

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  lock_fd = open (locked, O_RDONLY);
  g_assert_cmpint (flock (lock_fd, LOCK_EX), ==, 0);

  /* This process "starts" now: the 60-second-old files are older. */
  dpo_temp_files_forget (dpo_temp_files_remember ("/nonexistent/.a.dpo-tmp-000000"));
  dpo_temp_files_sweep (dir);

  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (locked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (newer, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_name, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* Once its writer is gone, the locked one is a leftover too. */
  close (lock_fd);
  dpo_temp_files_sweep (dir);
  g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output-file/replace-is-private", test_replace_is_private);
  g_test_add_func ("/output-file/symlink-refused", test_symlink_refused);
  g_test_add_func ("/output-file/kinds-refused", test_kinds_refused);
  g_test_add_func ("/output-file/abandoned-leaves-nothing", test_abandoned_leaves_nothing);
  g_test_add_func ("/output-file/temp-names", test_temp_names);
  g_test_add_func ("/output-file/long-name", test_long_name);
  g_test_add_func ("/output-file/sweep", test_sweep);

  return g_test_run ();
}
