/* dpo-temp-files.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dpo-temp-files.h"

#define SUFFIX ".dpo-tmp-"
#define N_RANDOM 6
/* Room for the suffix within NAME_MAX (255). */
#define MAX_NAME_BYTES 200
#define N_SLOTS 64

/* Paths (g_strdup'ed) of the temporaries being written. The signal handler
 * only reads them; they are set and cleared atomically. */
static gpointer slots[N_SLOTS];

/* When this program started (its first use of this file), in
 * microseconds: leftovers were last written before. */
static gsize start_time;

static gint64
get_start_time (void)
{
  if (g_once_init_enter (&start_time))
    g_once_init_leave (&start_time, (gsize) g_get_real_time ());
  return (gint64) start_time;
}

char *
dpo_temp_files_template (const char *dir,
                         const char *target_name)
{
  gsize length = strlen (target_name);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  /* A long name is cut, at a character boundary, to leave room for the
   * suffix. */
  if (length > MAX_NAME_BYTES)
    {
      length = MAX_NAME_BYTES;
      while (length > 0 && ((guchar) target_name[length] & 0xC0) == 0x80)
        length--;
    }
  base = g_strndup (target_name, length);
  name = g_strconcat (".", base, SUFFIX "XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
dpo_temp_files_is_temp_name (const char *name)
{
  const char *suffix;
  size_t length;

  g_return_val_if_fail (name != NULL, FALSE);

  length = strlen (name);
  if (name[0] != '.' || length < 1 + 1 + strlen (SUFFIX) + N_RANDOM)
    return FALSE;
  suffix = name + length - N_RANDOM - strlen (SUFFIX);
  if (strncmp (suffix, SUFFIX, strlen (SUFFIX)) != 0)
    return FALSE;
  for (const char *c = suffix + strlen (SUFFIX); *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

int
dpo_temp_files_remember (const char *path)
{
  char *copy = g_strdup (path);

  get_start_time ();
  for (int i = 0; i < N_SLOTS; i++)
    if (g_atomic_pointer_compare_and_exchange (&slots[i], NULL, copy))
      return i;
  g_free (copy);
  return -1;
}

void
dpo_temp_files_forget (int slot)
{
  if (slot < 0 || slot >= N_SLOTS)
    return;
  g_free (g_atomic_pointer_exchange (&slots[slot], NULL));
}

void
dpo_temp_files_remove_all (void)
{
  for (int i = 0; i < N_SLOTS; i++)
    {
      const char *path = g_atomic_pointer_get (&slots[i]);

      if (path != NULL)
        unlink (path);
    }
}

void
dpo_temp_files_hold_signals (sigset_t *saved)
{
  sigset_t set;

  sigemptyset (&set);
  sigaddset (&set, SIGINT);
  sigaddset (&set, SIGTERM);
  sigaddset (&set, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &set, saved);
}

void
dpo_temp_files_release_signals (const sigset_t *saved)
{
  pthread_sigmask (SIG_SETMASK, saved, NULL);
}

/* Only async-signal-safe calls: unlink, sigaction, sigprocmask, raise. */
static void
on_fatal_signal (int signum)
{
  struct sigaction action = { 0 };
  sigset_t set;

  dpo_temp_files_remove_all ();

  action.sa_handler = SIG_DFL;
  sigemptyset (&action.sa_mask);
  sigaction (signum, &action, NULL);
  sigemptyset (&set);
  sigaddset (&set, signum);
  sigprocmask (SIG_UNBLOCK, &set, NULL);
  raise (signum);
}

void
dpo_temp_files_catch_signals (void)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  get_start_time ();
  action.sa_handler = on_fatal_signal;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaddset (&action.sa_mask, signals[i]);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
}

/* Opened without following links nor blocking, then checked again through
 * the descriptor: what is removed is what was looked at. */
static gboolean
is_leftover (int         dir_fd,
             const char *name)
{
  struct stat before, after;
  gboolean leftover;
  int fd;

  if (fstatat (dir_fd, name, &before, AT_SYMLINK_NOFOLLOW) != 0 ||
      !S_ISREG (before.st_mode) || before.st_uid != geteuid () ||
      (gint64) before.st_mtim.tv_sec * G_USEC_PER_SEC + before.st_mtim.tv_nsec / 1000 >= get_start_time ())
    return FALSE;

  fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  leftover = fstat (fd, &after) == 0 && after.st_ino == before.st_ino &&
             after.st_dev == before.st_dev &&
             flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return leftover;
}

void
dpo_temp_files_sweep (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;
  int dir_fd;

  g_return_if_fail (dir != NULL);

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (dpo_temp_files_is_temp_name (name) && is_leftover (dir_fd, name))
      unlinkat (dir_fd, name, 0);
  close (dir_fd);
}
