/* test-cli-files.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dpo-test-util.h"

/* The files `dpo` writes and the paths it is given: whole or nothing,
 * private, never through a link or onto a device, never a hang. */

#define AS_OF "2024-02-20"
#define HANG_SECONDS 20

typedef enum
{
  SETUP_NONE,
  SETUP_UMASK_ZERO,
  SETUP_FULL_DISK,   /* files cannot grow past FULL_DISK_BYTES */
} Setup;

#define FULL_DISK_BYTES (256 * 1024)

static void
child_setup (gpointer data)
{
  Setup setup = GPOINTER_TO_INT (data);

  if (setup == SETUP_UMASK_ZERO)
    umask (0);
  if (setup == SETUP_FULL_DISK)
    {
      struct rlimit limit = { FULL_DISK_BYTES, FULL_DISK_BYTES };

      /* Ignored, SIGXFSZ turns into EFBIG, as a full disk into ENOSPC. */
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
    }
}

typedef struct
{
  char     *out;
  char     *err;
  gboolean  done;
  gboolean  timed_out;
} Run;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Run *run = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, NULL);
  run->done = TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  Run *run = data;

  run->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs @argv; its exit code, its standard output and error. A run that
 * has not ended after HANG_SECONDS is killed and fails the test. */
static int
run_argv (const char * const  *argv,
          Setup                setup,
          char               **out,
          char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { NULL, NULL, FALSE, FALSE };
  guint timeout_id;

  launcher = g_subprocess_launcher_new ((out != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                     : G_SUBPROCESS_FLAGS_STDOUT_SILENCE) |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (setup), NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &run);
  timeout_id = g_timeout_add_seconds (HANG_SECONDS, on_timeout, &run);
  while (!run.done && !run.timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (run.timed_out)
    {
      g_subprocess_force_exit (process);
      while (!run.done)
        g_main_context_iteration (NULL, TRUE);
      g_test_message ("%s %s did not end within %d s", argv[0], argv[1], HANG_SECONDS);
      g_assert_false (run.timed_out);
    }
  g_source_remove (timeout_id);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (out != NULL)
    *out = g_steal_pointer (&run.out);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);
  g_free (run.out);
  g_free (run.err);
  return g_subprocess_get_exit_status (process);
}

/* Runs the built `dpo` with @args. */
static int
run_dpo (const char * const  *args,
         Setup                setup,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return run_argv ((const char * const *) argv->pdata, setup, NULL, err);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, one a line. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Hidden files in @dir: temporaries, ours or anyone's. */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

static char *
example_database (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *example = dpo_test_example_path ();
  char *db = g_build_filename (dir, "w.sqlite", NULL);

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", example, NULL },
                            SETUP_NONE, NULL), ==, 0);
  return db;
}

/* --- The paths given to --database and --as-of ----------------------- */

static void
test_bad_as_of_creates_nothing (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "new.sqlite", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "--as-of", "2024-02-30",
                                               "deadlines", NULL }, SETUP_NONE, &err), ==, 1);
  g_assert_nonnull (strstr (err, "2024-02-30"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 0);
}

static gboolean
make_device (const char *path)
{
  if (mknod (path, S_IFCHR | 0666, makedev (1, 3)) == 0)
    return TRUE;
  g_test_message ("mknod: %s", g_strerror (errno));
  return FALSE;
}

static GSocket *
make_socket (const char *path)
{
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  return socket;
}

/* Refused at once, with the path in the message; nothing created beside
 * (no -journal, -wal or -shm). */
static void
assert_database_refused (const char *path,
                         const char *words)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = list_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "deadlines", NULL },
                            SETUP_NONE, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, words));
  after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_database_not_a_file (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.sqlite", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.sqlite", NULL);
  g_autofree char *sock = g_build_filename (dir, "socket.sqlite", NULL);
  g_autofree char *device = g_build_filename (dir, "null.sqlite", NULL);
  g_autoptr(GSocket) socket = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_database_refused (fifo, "named pipe");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_database_refused (folder, "folder");

  socket = make_socket (sock);
  assert_database_refused (sock, "socket");

  if (make_device (device))
    assert_database_refused (device, "device");
}

/* --- Output targets -------------------------------------------------- */

typedef struct
{
  mode_t mode;
  ino_t  ino;
  dev_t  rdev;
} Node;

static Node
node_at (const char *path)
{
  GStatBuf info;
  Node node;

  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  node.mode = info.st_mode;
  node.ino = info.st_ino;
  node.rdev = info.st_rdev;
  return node;
}

/* Every command that writes a file, writing to @target. */
static const char **
writer_args (const char *db,
             guint       i,
             const char *target)
{
  static const char *args[8];
  const char *commands[][4] = {
    { "export-json", target, NULL, NULL },
    { "export-registers", target, NULL, NULL },
    { "export-incident", "INC-2024-01", target, NULL },
    { "execute", "R-2024-0001", "--output", target },
  };

  args[0] = "--database";
  args[1] = db;
  args[2] = "--as-of";
  args[3] = AS_OF;
  for (guint j = 0; j < 4; j++)
    args[4 + j] = commands[i][j];
  return args;
}
#define N_WRITERS 4

static void
assert_target_refused (const char *db,
                       const char *target,
                       const char *words)
{
  g_autofree char *dir = g_path_get_dirname (target);

  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *err = NULL;
      Node before = node_at (target), after;

      g_assert_cmpint (run_dpo (writer_args (db, i, target), SETUP_NONE, &err), ==, 1);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, target));
      g_assert_nonnull (strstr (err, words));
      after = node_at (target);
      g_assert_cmpint (after.mode, ==, before.mode);
      g_assert_cmpint (after.ino, ==, before.ino);
      g_assert_cmpint (after.rdev, ==, before.rdev);
      g_assert_cmpuint (count_hidden (dir), ==, 0);
    }
}

static void
test_targets_refused (void)
{
  g_autofree char *db = example_database ();
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *victim = g_build_filename (dir, "victim.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.json", NULL);
  g_autofree char *sock = g_build_filename (dir, "socket.json", NULL);
  g_autofree char *device = g_build_filename (dir, "null.json", NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GBytes) victim_before = NULL, victim_after = NULL;

  g_assert_true (g_file_set_contents (victim, "not the people's data", -1, NULL));
  victim_before = dpo_test_file_bytes (victim);
  g_assert_cmpint (symlink (victim, link), ==, 0);
  assert_target_refused (db, link, "symbolic link");
  victim_after = dpo_test_file_bytes (victim);
  g_assert_true (g_bytes_equal (victim_before, victim_after));

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_target_refused (db, fifo, "named pipe");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_target_refused (db, folder, "folder");
  socket = make_socket (sock);
  assert_target_refused (db, sock, "socket");
  if (make_device (device))
    assert_target_refused (db, device, "device");
  /* Nothing was carried out: the access request is still open. */
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM requests "
                                           "WHERE id = 'R-2024-0001' AND status = 'received'"), ==, 1);
}

/* Over a file any user could read, under umask 000: the result is 0600. */
static void
test_private_under_umask_zero (void)
{
  g_autofree char *dir = dpo_test_make_dir ();

  for (guint i = 0; i < N_WRITERS; i++)
    {
      /* A database each: execute carries its request out only once. */
      g_autofree char *db = example_database ();
      g_autofree char *db_again = example_database ();
      g_autofree char *existing = g_strdup_printf ("%s/existing-%u", dir, i);
      g_autofree char *fresh = g_strdup_printf ("%s/new-%u", dir, i);

      g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
      g_assert_cmpint (g_chmod (existing, 0644), ==, 0);

      g_assert_cmpint (run_dpo (writer_args (db, i, existing), SETUP_UMASK_ZERO, NULL), ==, 0);
      g_assert_cmpint (node_at (existing).mode & 07777, ==, 0600);
      g_assert_cmpint (run_dpo (writer_args (db_again, i, fresh), SETUP_UMASK_ZERO, NULL), ==, 0);
      g_assert_cmpint (node_at (fresh).mode & 07777, ==, 0600);
    }
  g_assert_cmpuint (count_hidden (dir), ==, 0);
}

/* --- Interruptions and a full disk ----------------------------------- */

/* A database whose export takes a moment (about half a second here) and
 * whose workbook is larger than the "full disk", built once. */
#define N_BIG 20000

static const char *
big_database (void)
{
  static char *db;
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(GString) json = NULL;

  if (db != NULL)
    return db;
  dir = dpo_test_make_dir ();
  json_path = g_build_filename (dir, "big.json", NULL);
  json = g_string_new ("{\"format\": \"dpo-workbench\", \"version\": 1, \"subjects\": [");
  for (guint i = 0; i < N_BIG; i++)
    g_string_append_printf (json, "%s{\"id\": \"S-%u\", \"last_name\": \"Nom%u\", \"first_name\": \"P\", "
                                  "\"email\": \"p%u@example.org\"}",
                            i ? "," : "", i, i, i);
  g_string_append (json, "], \"requests\": [");
  for (guint i = 0; i < N_BIG; i += 2)
    g_string_append_printf (json, "%s{\"id\": \"R-%u\", \"subject\": \"S-%u\", \"kind\": \"access\", "
                                  "\"received_at\": \"2024-01-15T09:00:00+01:00\"}",
                            i ? "," : "", i, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (json_path, json->str, json->len, NULL));
  db = g_build_filename (dir, "big.sqlite", NULL);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", json_path, NULL },
                            SETUP_NONE, NULL), ==, 0);
  return db;
}

static gboolean
is_same_file (const char *path,
              GBytes     *expected)
{
  g_autoptr(GBytes) actual = dpo_test_file_bytes (path);

  return g_bytes_equal (actual, expected);
}

/* Starts an export of @target, sends @signum after @delay_ms; TRUE if the
 * export had completed (exit 0) first. */
static gboolean
interrupt_export (const char *db,
                  const char *target,
                  int         signum,
                  guint       delay_ms)
{
  const char *argv[] = { g_getenv ("DPO_CLI"), "--database", db, "--as-of", AS_OF,
                         "export-json", target, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_usleep (delay_ms * 1000);
  kill (pid, signum);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

#define RUNS_PER_CASE 5

/* Starts an export of @target and kills it (SIGKILL) as soon as its
 * temporary file shows in @dir: a leftover for the next run to remove. */
static void
kill_while_writing (const char *db,
                    const char *dir,
                    const char *target)
{
  const char *argv[] = { g_getenv ("DPO_CLI"), "--database", db, "export-json", target, NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + HANG_SECONDS * G_USEC_PER_SEC;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  while (count_hidden (dir) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
}

/* Ctrl+C, SIGTERM and SIGKILL at random moments: the target is the whole
 * export, or as it was (absent, or the previous file byte for byte);
 * never truncated JSON. Ctrl+C and SIGTERM leave no temporary file; those
 * of SIGKILL go with the next export in that folder. */
static void
test_interrupted_export (void)
{
  const char *db = big_database ();
  g_autofree char *reference_dir = dpo_test_make_dir ();
  g_autofree char *reference = g_build_filename (reference_dir, "reference.json", NULL);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *last = g_build_filename (dir, "after.json", NULL);
  g_autoptr(GBytes) complete = NULL;
  g_autoptr(GBytes) previous = g_bytes_new_static ("{\"previous\": true}\n", 19);
  const int signals[] = { SIGINT, SIGTERM, SIGKILL };
  guint completed = 0, leftovers;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "--as-of", AS_OF,
                                               "export-json", reference, NULL },
                            SETUP_NONE, NULL), ==, 0);
  complete = dpo_test_file_bytes (reference);

  for (guint s = 0; s < G_N_ELEMENTS (signals); s++)
    for (guint run = 0; run < 2 * RUNS_PER_CASE; run++)
      {
        gboolean existing = run % 2 == 1;
        guint delay_ms = g_test_rand_int_range (5, 450);
        g_autofree char *target = g_strdup_printf ("%s/out-%d-%u.json", dir, signals[s], run);

        if (existing)
          g_assert_true (g_file_set_contents (target, g_bytes_get_data (previous, NULL),
                                              g_bytes_get_size (previous), NULL));
        if (interrupt_export (db, target, signals[s], delay_ms))
          {
            completed++;
            g_assert_true (is_same_file (target, complete));
          }
        /* A signal between the rename and the exit (the folder's fsync)
         * ends a process whose export is already whole. */
        else if (g_file_test (target, G_FILE_TEST_EXISTS) && is_same_file (target, complete))
          completed++;
        else if (existing)
          g_assert_true (is_same_file (target, previous));
        else
          g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
        if (signals[s] != SIGKILL)
          g_assert_cmpuint (count_hidden (dir), ==, 0);
      }

  kill_while_writing (db, dir, last);
  leftovers = count_hidden (dir);
  g_test_message ("%u of %u exports completed before the signal; %u temporaries left by SIGKILL",
                  completed, 3 * 2 * RUNS_PER_CASE, leftovers);
  g_assert_cmpuint (leftovers, >, 0);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "--as-of", AS_OF,
                                               "export-json", last, NULL },
                            SETUP_NONE, NULL), ==, 0);
  g_assert_cmpuint (count_hidden (dir), ==, 0);
}

/* A full disk (here: files limited in size) leaves nothing new, and a
 * previous file as it was. */
static void
test_full_disk (void)
{
  const char *db = big_database ();
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *fresh = g_build_filename (dir, "new.json", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.json", NULL);
  g_autofree char *workbook = g_build_filename (dir, "registers.xlsx", NULL);
  g_autoptr(GBytes) previous = g_bytes_new_static ("{}\n", 3);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "export-json", fresh, NULL },
                            SETUP_FULL_DISK, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, fresh));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (existing, "{}\n", 3, NULL));
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "export-json", existing, NULL },
                            SETUP_FULL_DISK, &err), ==, 1);
  g_assert_nonnull (strstr (err, existing));
  g_assert_true (is_same_file (existing, previous));
  g_assert_cmpuint (count_hidden (dir), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "export-registers", workbook, NULL },
                            SETUP_FULL_DISK, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, workbook));
  g_assert_false (g_file_test (workbook, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (dir), ==, 0);
}

/* A real full disk: a small tmpfs in a mount namespace of its own (root
 * and unshare(1) only; skipped elsewhere). Checked inside the namespace,
 * as the mount goes with it. */
static void
test_full_tmpfs (void)
{
  const char *db = big_database ();
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *script = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status;

  if (unshare == NULL || geteuid () != 0)
    {
      g_test_skip ("needs root and unshare(1) to mount a small file system");
      return;
    }
  script = g_strdup_printf ("mount -t tmpfs -o size=512k tmpfs '%s' || exit 77\n"
                            "cd '%s' && printf '{}\\n' > old.json\n"
                            "'%s' --database '%s' export-json new.json; a=$?\n"
                            "'%s' --database '%s' export-json old.json; b=$?\n"
                            "'%s' --database '%s' export-registers new.xlsx; c=$?\n"
                            "echo \"$a $b $c\"; ls -A; cat old.json\n",
                            dir, dir, g_getenv ("DPO_CLI"), db, g_getenv ("DPO_CLI"), db,
                            g_getenv ("DPO_CLI"), db);
  status = run_argv ((const char *[]) { unshare, "-m", "sh", "-c", script, NULL },
                     SETUP_NONE, &out, &err);
  if (status == 77)
    {
      g_test_skip ("cannot mount a tmpfs here");
      return;
    }
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "1 1 1\nold.json\n{}\n");
  g_assert_nonnull (strstr (err, "disk is full"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-files/bad-as-of-creates-nothing", test_bad_as_of_creates_nothing);
  g_test_add_func ("/cli-files/database-not-a-file", test_database_not_a_file);
  g_test_add_func ("/cli-files/targets-refused", test_targets_refused);
  g_test_add_func ("/cli-files/private-under-umask-zero", test_private_under_umask_zero);
  g_test_add_func ("/cli-files/interrupted-export", test_interrupted_export);
  g_test_add_func ("/cli-files/full-disk", test_full_disk);
  g_test_add_func ("/cli-files/full-tmpfs", test_full_tmpfs);

  return g_test_run ();
}
