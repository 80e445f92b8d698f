/* dpo-store-file.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-store-private.h"

/* The database file before the store opens it: created private, or
 * looked at read-only and refused if it is not ours to open. */

/* Creates the file ourselves so that it is 0600 from its first byte: it holds
 * social security numbers. SQLite gives its -wal and -shm files the same mode. */
gboolean
_dpo_store_create_private_file (const char  *path,
                                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* One statement, so one snapshot: read as two, the version could be read
 * before another process's creation of the schema commits and the tables
 * after it ("an SQLite database of another program"). */
gboolean
_dpo_store_read_schema_info (sqlite3     *db,
                             const char  *path,
                             int         *version,
                             int         *n_tables,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                           "(SELECT count(*) FROM sqlite_master WHERE type = 'table')", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int (stmt, 0);
          *n_tables = sqlite3_column_int (stmt, 1);
          rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a DPO Workbench database (it is not an SQLite file, or it is damaged)."),
                   path);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot read the database “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Looks at an existing file read-only first, so that a file we must refuse
 * (newer, foreign, not a database) is left byte for byte as it was. */
gboolean
_dpo_store_check_existing_file (const char  *path,
                                GError     **error)
{
  sqlite3 *db = NULL;
  int version = 0, n_tables = 0;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot open the database “%s”: %s"), path, sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  /* Another process may be creating, checkpointing or closing it. */
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  ok = _dpo_store_read_schema_info (db, path, &version, &n_tables, error);
  sqlite3_close_v2 (db);
  if (!ok)
    return FALSE;

  if (version > DPO_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NEWER_DATABASE,
                   _("“%s” was written by a newer version of DPO Workbench (database version %d; "
                     "this program knows up to %d). Update DPO Workbench to open it; the file was not changed."),
                   path, version, DPO_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a DPO Workbench database; "
                     "the file was not changed."),
                   path);
      return FALSE;
    }
  return TRUE;
}

gboolean
_dpo_store_exec_sql (sqlite3     *db,
                     const char  *path,
                     const char  *sql,
                     GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
               _("Cannot prepare the database “%s”: %s"), path, message);
  sqlite3_free (message);
  return FALSE;
}
