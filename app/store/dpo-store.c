/* dpo-store.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-init.h"
#include "dpo-sql.h"
#include "dpo-store-notify.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

struct _DpoStore
{
  GObject     parent_instance;
  char       *path;
  DpoSqlConn *conn;
  sqlite3    *db;           /* conn's, for what only SQLite has; NULL on a server */
  char       *uri;          /* a server's connection string, password included; NULL for a file */
  DpoStoreNotify *notify;   /* a server's: the NOTIFY of writes, the LISTEN of a window's store */
  GHashTable *statements;   /* const char *sql -> DpoSqlStmt * */
  GDateTime  *now;
  gboolean    alsace_moselle;
};

G_DEFINE_FINAL_TYPE (DpoStore, dpo_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* PRAGMA wal_checkpoint(TRUNCATE): every frame back into the database and
 * the -wal file cut to nothing. It waits a moment for the readers of other
 * connections, not for long: a reader that needs longer retries it at its
 * end (retry_forget). */
static gboolean
checkpoint_truncate (sqlite3 *db)
{
  int rc;

  sqlite3_busy_timeout (db, 1000);
  rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return rc == SQLITE_OK;
}

#define FORGET_PENDING "SELECT EXISTS (SELECT 1 FROM store_state WHERE key = 'forget_pending')"

/* An erasure could not empty the log because a reader still needed it; this
 * connection's reads have ended, so try again. Clearing the mark is itself a
 * write, so the log is emptied once more after it. */
static void
retry_forget (DpoStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean pending = FALSE;

  if (self->db == NULL || !sqlite3_get_autocommit (self->db) ||
      sqlite3_prepare_v2 (self->db, FORGET_PENDING, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return;
    }
  pending = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (pending && checkpoint_truncate (self->db) &&
      sqlite3_exec (self->db, "DELETE FROM store_state WHERE key = 'forget_pending'",
                    NULL, NULL, NULL) == SQLITE_OK)
    checkpoint_truncate (self->db);
}

void
_dpo_store_forget_erased (DpoStore *self)
{
  /* A server keeps no write-ahead file of ours to empty. */
  if (self->db == NULL || checkpoint_truncate (self->db))
    return;
  sqlite3_exec (self->db, "INSERT OR REPLACE INTO store_state (key, value) VALUES ('forget_pending', 'true')",
                NULL, NULL, NULL);
}

static void
dpo_store_finalize (GObject *object)
{
  DpoStore *self = (DpoStore *) object;

  /* This connection's reads may have kept an erasure's old pages alive. */
  if (self->db != NULL)
    retry_forget (self);
  /* Statements must be finalized before the connection closes, and the
   * watch on its socket removed. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->notify, _dpo_store_notify_free);
  self->db = NULL;
  g_clear_pointer (&self->conn, dpo_sql_conn_free);
  g_clear_pointer (&self->path, g_free);
  if (self->uri != NULL)
    memset (self->uri, 0, strlen (self->uri));
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (dpo_store_parent_class)->finalize (object);
}

static void
dpo_store_class_init (DpoStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dpo_store_finalize;

  /**
   * DpoStore::changed:
   *
   * Emitted after a write or an import was committed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  dpo_sql_stmt_free (stmt);
}

static void
dpo_store_init (DpoStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

char *
dpo_store_default_path (void)
{
  const char *env = g_getenv ("DPO_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "dpo-workbench", "workbench.sqlite", NULL);
}

/* Whether the file needs a write to be ready: a migration, or a safeguard
 * to put back. Read in a deferred transaction, so that opening the
 * database for reading never waits for another process's write. */
static gboolean
needs_upgrade (DpoStore  *self,
               gboolean  *needed,
               GError   **error)
{
  int version = 0, n_tables = 0;
  gboolean ok;

  if (!_dpo_store_exec_sql (self->db, self->path, "BEGIN", error))
    return FALSE;
  ok = _dpo_store_read_schema_info (self->db, self->path, &version, &n_tables, error);
  *needed = ok && (version < DPO_STORE_SCHEMA_VERSION || !_dpo_store_safeguards_intact (self->db));
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  return ok;
}

/* Two processes switching a new file to WAL at once both hold a shared lock
 * and want an exclusive one: SQLite answers one of them "busy" at once,
 * without calling the busy handler (that would be a deadlock). The other is
 * done within milliseconds, so try again, for as long as a busy timeout. */
static gboolean
set_journal_mode (DpoStore  *self,
                  GError   **error)
{
  const char *sql = "PRAGMA journal_mode = WAL";

  for (int waited = 0; waited < BUSY_TIMEOUT_MS; waited += 10)
    {
      int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      g_usleep (10 * 1000);
    }
  return _dpo_store_exec_sql (self->db, self->path, sql, error);
}

static gboolean
configure_and_migrate (DpoStore  *self,
                       GError   **error)
{
  int version = 0, n_tables = 0;
  gboolean needed = FALSE;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);
  if (!_dpo_store_register_search (self->db))
    {
      _dpo_store_set_db_error (self, error);
      return FALSE;
    }

  /* secure_delete: deleted values are overwritten with zeros, not left in
   * free space (an erased person leaves no trace in the file). */
  if (!set_journal_mode (self, error) ||
      !_dpo_store_exec_sql (self->db, self->path,
                            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                            "PRAGMA secure_delete = ON;", error))
    return FALSE;

  if (!needs_upgrade (self, &needed, error))
    return FALSE;
  if (!needed)
    return TRUE;

  /* Re-read under the write lock: another process may have migrated it. */
  if (!_dpo_store_exec_sql (self->db, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_dpo_store_read_schema_info (self->db, self->path, &version, &n_tables, error) ||
      !_dpo_store_migrate (self->db, version, error) ||
      !_dpo_store_restore_safeguards (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return _dpo_store_exec_sql (self->db, self->path, "COMMIT", error);
}

static gboolean exec_simple (DpoStore *self, const char *sql, GError **error);

/* A register on a PostgreSQL server: connected, its schema checked (set up
 * by "dpo server init", not newer than this program), the session told who
 * we are. Shown as the URI with its password masked. */
static DpoStore *
open_server (const char  *uri,
             GError     **error)
{
  g_autoptr(DpoStore) self = NULL;
  PGconn *pg = dpo_pg_connect (uri, error);

  if (pg == NULL)
    return NULL;
  self = g_object_new (DPO_TYPE_STORE, NULL);
  self->path = dpo_pg_mask_uri (uri);
  self->uri = g_strdup (uri);
  self->conn = dpo_sql_conn_new_pg (pg);
  if (!dpo_pg_check_schema (pg, error) ||
      !exec_simple (self, "SET application_name = 'DPO Workbench'", error) ||
      !_dpo_store_read_role (self, error) ||
      (self->notify = _dpo_store_notify_new (self, pg, error)) == NULL)
    return NULL;
  self->alsace_moselle = _dpo_store_read_alsace_moselle (self);
  return g_steal_pointer (&self);
}

DpoStore *
dpo_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(DpoStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (dpo_pg_is_uri (path))
    return open_server (path, error);

  if (!dpo_file_check_database_path (path, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                       _("“%s” is a folder, not a database file."), path);
          return NULL;
        }
      if (!_dpo_store_check_existing_file (path, error))
        return NULL;
    }
  else if (!_dpo_store_create_private_file (path, error))
    return NULL;

  self = g_object_new (DPO_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  /* The seam owns the connection from here, failed or not. */
  self->conn = dpo_sql_conn_new_sqlite (self->db);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot open the database “%s” for writing: %s"), path, sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_and_migrate (self, error))
    return NULL;
  /* A reader killed before it could empty the log after an erasure. */
  retry_forget (self);
  self->alsace_moselle = _dpo_store_read_alsace_moselle (self);

  return g_steal_pointer (&self);
}

const char *
dpo_store_get_path (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  return self->path;
}

void
dpo_store_set_now (DpoStore  *self,
                   GDateTime *now)
{
  g_return_if_fail (DPO_IS_STORE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

GDateTime *
dpo_store_dup_now (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  g_autoptr(GTimeZone) local = NULL;

  if (self->now != NULL)
    return g_date_time_ref (self->now);
  /* The shared local zone: g_date_time_new_now_local() re-reads it each time. */
  local = dpo_time_dup_local_zone ();
  return g_date_time_new_now (local);
}

/* Called by dpo-store-requests.c once the due dates are recomputed. */
void
_dpo_store_set_alsace_moselle_flag (DpoStore *self,
                                    gboolean  alsace_moselle)
{
  self->alsace_moselle = !!alsace_moselle;
}

gboolean
dpo_store_get_alsace_moselle (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  return self->alsace_moselle;
}

DpoSqlConn *
_dpo_store_get_db (DpoStore *self)
{
  return self->conn;
}

sqlite3 *
_dpo_store_get_sqlite (DpoStore *self)
{
  return self->db;
}

DpoSqlEngine
_dpo_store_get_engine (DpoStore *self)
{
  return dpo_sql_conn_get_engine (self->conn);
}

void
_dpo_store_set_db_error (DpoStore  *self,
                         GError   **error)
{
  const char *message = dpo_sql_conn_errmsg (self->conn);

  switch (dpo_sql_conn_failure (self->conn))
    {
    case DPO_SQL_FAILED_DISK_FULL:
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("The disk is full: nothing was saved."));
      break;
    case DPO_SQL_FAILED_IO:
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot write to the database “%s”: %s. Nothing was saved."),
                   self->path, message);
      break;
    case DPO_SQL_FAILED_PRIVILEGE:
      _dpo_store_set_privilege_error (self, message, error);
      break;
    case DPO_SQL_FAILED_OTHER:
    case DPO_SQL_FAILED_BUSY:
    case DPO_SQL_FAILED_CONSTRAINT:
    default:
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The database refused the change: %s. Nothing was saved."),
                   message);
      break;
    }
}

DpoSqlStmt *
_dpo_store_prepare (DpoStore    *self,
                    const char  *sql,
                    GError     **error)
{
  DpoSqlStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      dpo_sql_reset (stmt);
      dpo_sql_clear_bindings (stmt);
      return stmt;
    }

  if ((stmt = dpo_sql_prepare (self->conn, sql, TRUE)) == NULL)
    {
      _dpo_store_set_db_error (self, error);
      return NULL;
    }

  /* The key is not copied: callers pass string constants. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_dpo_store_step_done (DpoStore      *self,
                      DpoSqlStmt  *stmt,
                      GError       **error)
{
  DpoSqlStep rc = dpo_sql_step (stmt);

  dpo_sql_reset (stmt);
  if (rc != DPO_SQL_ERROR)
    return TRUE;

  _dpo_store_set_db_error (self, error);
  return FALSE;
}

static gboolean
exec_simple (DpoStore    *self,
             const char  *sql,
             GError     **error)
{
  if (dpo_sql_exec (self->conn, sql))
    return TRUE;

  _dpo_store_set_db_error (self, error);
  return FALSE;
}

/* One writer at a time, as a file has: on a server, every write takes the
 * same transaction-scoped advisory lock first, since each write chains its
 * audit entries to the last one (two at once would fork the chain). */
#define DPO_PG_WRITE_LOCK "BEGIN; SELECT pg_advisory_xact_lock (4242000001)"

gboolean
_dpo_store_begin (DpoStore  *self,
                  GError   **error)
{
  return exec_simple (self, self->db != NULL ? "BEGIN IMMEDIATE" : DPO_PG_WRITE_LOCK, error);
}

gboolean
_dpo_store_commit (DpoStore  *self,
                   GError   **error)
{
  g_autofree char *commit = NULL;

  /* On a server, the write tells every window (dpo-store-notify.h). */
  if (self->notify != NULL)
    commit = _dpo_store_notify_commit_sql (self->notify);
  if (exec_simple (self, commit != NULL ? commit : "COMMIT", error))
    return TRUE;

  _dpo_store_rollback (self);
  return FALSE;
}

void
_dpo_store_rollback (DpoStore *self)
{
  if (self->notify != NULL)
    _dpo_store_notify_forget (self->notify);
  if (dpo_sql_in_transaction (self->conn))
    dpo_sql_exec (self->conn, "ROLLBACK");
}

gboolean
_dpo_store_write (DpoStore      *self,
                  DpoWriteFunc   write,
                  gpointer       data,
                  GError       **error)
{
  if (!_dpo_store_begin (self, error))
    return FALSE;
  if (!write (self, data, error) || !_dpo_store_commit (self, error))
    {
      _dpo_store_rollback (self);
      return FALSE;
    }
  retry_forget (self);
  _dpo_store_emit_changed (self);
  return TRUE;
}

void
_dpo_store_note_change (DpoStore   *self,
                        const char *entity,
                        const char *record)
{
  if (self->notify != NULL)
    _dpo_store_notify_note (self->notify, entity, record);
}

void
_dpo_store_emit_changed (DpoStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A SQLite connection must not be shared with the main thread's readers:
 * a worker thread opens its own on the same file, as of @now (NULL for the
 * wall clock). */
DpoStore *
_dpo_store_open_worker (DpoStore   *self,
                        GDateTime  *now,
                        GError    **error)
{
  DpoStore *worker = dpo_store_open (self->uri != NULL ? self->uri : self->path, error);

  if (worker != NULL)
    dpo_store_set_now (worker, now);
  return worker;
}

gint64
_dpo_store_query_int (DpoStore   *self,
                      const char *sql)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    value = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return value;
}

gboolean
dpo_store_is_empty (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), TRUE);

  /* EXISTS stops at the first row: counting a million requests is not needed. */
  return _dpo_store_query_int (self, "SELECT EXISTS (SELECT 1 FROM incidents) OR "
                                     "EXISTS (SELECT 1 FROM subjects) OR "
                                     "EXISTS (SELECT 1 FROM requests)") == 0;
}
