/* dpo-file-check.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "dpo-error.h"
#include "dpo-file-check.h"

const char *
dpo_file_describe_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      return _("the disk is full");
    case EFBIG:
      return _("the file is too large for this disk");
    case EACCES:
    case EPERM:
      return _("you are not allowed to write in this folder");
    case EROFS:
      return _("the folder is read-only");
    case ENOENT:
    case ENOTDIR:
      return _("the folder does not exist");
    case EISDIR:
      return _("it is a folder");
    case ENOMEM:
      return _("there is not enough memory");
    default:
      return g_strerror (saved_errno);
    }
}

const char *
dpo_file_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != G_IO_ERROR)
    return error->message;
  switch (error->code)
    {
    case G_IO_ERROR_NO_SPACE:
      return dpo_file_describe_errno (ENOSPC);
    case G_IO_ERROR_PERMISSION_DENIED:
      return dpo_file_describe_errno (EACCES);
    case G_IO_ERROR_READ_ONLY:
      return dpo_file_describe_errno (EROFS);
    default:
      return error->message;
    }
}

/* What is at a path, when it is not a plain file, in words; NULL for a
 * plain file. */
static const char *
describe_kind (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISLNK (mode))
    return _("it is a symbolic link (give the file’s own name: links are not written through)");
  if (S_ISDIR (mode))
    return _("it is a folder");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a file");
  if (S_ISFIFO (mode))
    return _("it is a named pipe (FIFO), not a file");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a file");
  return _("it is not a plain file");
}

/* lstat(), not stat(): a link at the target is itself refused, so that a
 * link planted there cannot send the people's data somewhere else. */
gboolean
dpo_file_check_output_target (const char  *path,
                              const char  *display_name,
                              GError     **error)
{
  GStatBuf info;
  const char *reason;

  g_return_val_if_fail (path != NULL, FALSE);

  if (display_name == NULL)
    display_name = path;
  if (g_lstat (path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"),
                   display_name, dpo_file_describe_errno (saved_errno));
      return FALSE;
    }
  reason = describe_kind (info.st_mode);
  if (reason == NULL)
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"), display_name, reason);
  return FALSE;
}

gboolean
dpo_file_check_database_path (const char  *path,
                              GError     **error)
{
  GStatBuf info;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Whatever stat() cannot see (nothing there, a folder we may not read)
   * is left to the opening, which says it in its own words. */
  if (g_stat (path, &info) != 0 || S_ISREG (info.st_mode))
    return TRUE;

  if (S_ISDIR (info.st_mode))
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("“%s” is a folder, not a database file."), path);
  else if (S_ISCHR (info.st_mode) || S_ISBLK (info.st_mode))
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("“%s” is a device, not a database file."), path);
  else if (S_ISFIFO (info.st_mode))
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                 _("“%s” is a named pipe (FIFO), not a database file."), path);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("“%s” is a socket, not a database file."), path);
  return FALSE;
}
