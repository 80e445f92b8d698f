/* dpo-output-file.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-output-file.h"
#include "dpo-temp-files.h"

#define BUFFER_SIZE (64 * 1024)

struct _DpoOutputFile
{
  char          *path;          /* the target */
  char          *display_name;  /* the same, for messages */
  char          *tmp_path;      /* NULL once renamed into place */
  int            fd;            /* the temporary, locked while written */
  int            slot;          /* in dpo-temp-files.c, for signals */
  GOutputStream *stream;
};

static void
set_io_error (DpoOutputFile  *self,
              GError        **error,
              const char     *reason)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"),
               self->display_name, reason);
}

/* Beside the target, so that the rename is atomic and a full disk or a
 * read-only folder shows up before any work. mkstemp() creates it with
 * O_EXCL and mode 0600, whatever the umask. */
static gboolean
create_temporary (DpoOutputFile  *self,
                  GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autoptr(GOutputStream) raw = NULL;
  sigset_t saved;

  dpo_temp_files_sweep (dir);
  self->tmp_path = dpo_temp_files_template (dir, base);
  dpo_temp_files_hold_signals (&saved);
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd >= 0)
    self->slot = dpo_temp_files_remember (self->tmp_path);
  dpo_temp_files_release_signals (&saved);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      set_io_error (self, error, dpo_file_describe_errno (saved_errno));
      return FALSE;
    }
  /* Tells a sweep by another program that this one is still in use. */
  flock (self->fd, LOCK_EX | LOCK_NB);

  raw = g_unix_output_stream_new (self->fd, FALSE);
  self->stream = g_buffered_output_stream_new_sized (raw, BUFFER_SIZE);
  return TRUE;
}

DpoOutputFile *
dpo_output_file_new (GFile   *file,
                     GError **error)
{
  g_autoptr(DpoOutputFile) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (DpoOutputFile, 1);
  self->fd = -1;
  self->slot = -1;
  self->display_name = g_file_get_parse_name (file);
  self->path = g_file_get_path (file);

  if (self->path == NULL)
    {
      set_io_error (self, error, _("only files on this computer can be written"));
      return NULL;
    }
  if (!dpo_file_check_output_target (self->path, self->display_name, error) ||
      !create_temporary (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

GOutputStream *
dpo_output_file_get_stream (DpoOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->stream;
}

const char *
dpo_output_file_get_temp_path (DpoOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tmp_path;
}

const char *
dpo_output_file_get_display_name (DpoOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display_name;
}

/* The rename itself is on the disk only once the folder is: without this a
 * power cut could bring back the old file, or no file. The file is already
 * in place, so a failure here is not reported. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

static gboolean
flush_temporary (DpoOutputFile  *self,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_close (self->stream, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (self, error, dpo_file_describe_error (local_error));
      return FALSE;
    }
  if (fsync (self->fd) != 0)
    {
      set_io_error (self, error, dpo_file_describe_errno (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
dpo_output_file_commit (DpoOutputFile  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);

  if (!flush_temporary (self, cancellable, error))
    return FALSE;
  /* Again: a link or a device may have been put there meanwhile, and
   * rename() would replace it. */
  if (!dpo_file_check_output_target (self->path, self->display_name, error))
    return FALSE;
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      set_io_error (self, error, dpo_file_describe_errno (errno));
      return FALSE;
    }
  dpo_temp_files_forget (self->slot);
  self->slot = -1;
  g_clear_pointer (&self->tmp_path, g_free);
  sync_folder (self->path);
  return TRUE;
}

void
dpo_output_file_free (DpoOutputFile *self)
{
  if (self == NULL)
    return;

  /* Removed before it is forgotten: a signal meanwhile still finds it. */
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  dpo_temp_files_forget (self->slot);
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self);
}

gboolean
dpo_output_file_set_contents (GFile       *file,
                              const char  *data,
                              gsize        size,
                              GError     **error)
{
  g_autoptr(DpoOutputFile) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  self = dpo_output_file_new (file, error);
  if (self == NULL)
    return FALSE;
  if (!g_output_stream_write_all (self->stream, data, size, NULL, NULL, &local_error))
    {
      set_io_error (self, error, dpo_file_describe_error (local_error));
      return FALSE;
    }
  return dpo_output_file_commit (self, NULL, error);
}
