/* test-campaign-record.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "dpo-audit-verify.h"
#include "dpo-campaign.h"
#include "dpo-json-text.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-verify.h"
#include "dpo-test-util.h"

/* What a campaign records (issue 11.5, 11.7): the people informed are
 * kept by the database as the households are written, not in memory, and
 * the communication's audit entry, written person by person as text, still
 * names every one of them, exactly as json-glib would have written the
 * entry, so that `dpo audit verify` checks it. A campaign cancelled or
 * failing records nothing and leaves no folder. */

#define INCIDENT "INC-2024-01"

/* People whose references JSON must escape, by post; and one who can be
 * reached by no channel. */
static const char * const ODD_IDS[] = {
  "Q-\"guillemets\"", "Q-\\antislash", "Q-é", "Q-\x1f", "Q-\ttab", "Q-/", NULL
};

/* The example scenario, with a notice, two postal addresses, the odd
 * people above, someone unreachable, and everyone affected. The SQL is
 * the same for a file and a server: newlines written as they are, and
 * the odd references as plain SQL strings (none holds a quote). */
static DpoStore *
campaign_store (char **path)
{
  DpoStore *store = dpo_test_example_store ("2024-02-08", path);

  dpo_test_exec (*path,
                 "UPDATE subjects SET postal_address = '5 rue des Lilas\n69003 Lyon' "
                 "WHERE id IN ('S-0002', 'S-0004');"
                 "UPDATE incidents SET notice_subject = 'Vos données \"volées\"', "
                 "notice_body = 'Bonjour {{first_name}} {{last_name}},';"
                 "INSERT INTO subjects (id, last_name, first_name) VALUES ('Q-none', 'Sans', 'Adresse');");
  for (guint i = 0; ODD_IDS[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (id, last_name, first_name, postal_address) "
                                              "VALUES ('%s', 'Nom', 'Prénom', '1 rue de Rivoli\n75001 Paris')",
                                              ODD_IDS[i]);

      g_assert_null (strchr (ODD_IDS[i], '\''));
      dpo_test_exec (*path, sql);
    }
  dpo_test_exec (*path, "INSERT INTO affected SELECT i.pk, s.pk, 1 FROM incidents i, subjects s;");
  return store;
}

/* What a campaign writes to the database, as one text. */
static char *
recorded (const char *path)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          dpo_test_query_int (path, "SELECT count (*) FROM informed"),
                          dpo_test_query_int (path, "SELECT count (*) FROM communications"),
                          dpo_test_query_int (path, "SELECT count (*) FROM audit"));
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The first column of @sql's rows as texts, read from the file or the
 * server by a connection of the test's own. */
static GPtrArray *
query_texts (const char *path,
             const char *sql)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  if (dpo_test_engine_is_server ())
    {
      g_autoptr(GError) error = NULL;
      PGconn *conn = dpo_pg_connect (path, &error);
      PGresult *result;

      g_assert_no_error (error);
      result = PQexec (conn, sql);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQerrorMessage (conn));
      for (int i = 0; i < PQntuples (result); i++)
        g_ptr_array_add (texts, PQgetisnull (result, i, 0) ? NULL : g_strdup (PQgetvalue (result, i, 0)));
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  return texts;
}

/* The references of the people @channel's communication informed, by the
 * informed rows (@from_audit FALSE) or by its audit entry (TRUE), sorted
 * and joined by newlines; the entry's count in @count. */
static char *
people_informed (const char *path,
                 const char *channel,
                 gboolean    from_audit,
                 gint64     *count)
{
  g_autofree char *sql = from_audit
    ? g_strdup ("SELECT changes FROM audit WHERE entity = 'communication' AND action = 'insert' ORDER BY pk")
    : g_strdup_printf ("SELECT s.id FROM informed i JOIN subjects s ON s.pk = i.subject "
                       "WHERE i.channel = '%s'", channel);
  g_autoptr(GPtrArray) rows = query_texts (path, sql);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < rows->len; r++)
    {
      const char *text = g_ptr_array_index (rows, r);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *again = NULL;
      JsonObject *object;
      JsonArray *informed;

      if (!from_audit)
        {
          g_ptr_array_add (ids, g_strdup (text));
          continue;
        }
      node = json_from_string (text, NULL);
      g_assert_nonnull (node);
      object = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "channel", ""), channel) != 0 ||
          !json_object_has_member (object, "informed") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "informed")))
        continue;
      /* One entry per channel, the very text json-glib writes for it. */
      g_assert_cmpuint (ids->len, ==, 0);
      again = dpo_json_to_text (node, FALSE);
      g_assert_cmpstr (text, ==, again);
      informed = json_object_get_array_member (object, "informed");
      *count = json_object_get_int_member (object, "count");
      for (guint i = 0; i < json_array_get_length (informed); i++)
        g_ptr_array_add (ids, g_strdup (json_array_get_string_element (informed, i)));
      g_assert_cmpuint (ids->len, >, 0);
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv ("\n", (char **) ids->pdata);
}

static gboolean
run_campaign (DpoStore           *store,
              const char         *folder,
              DpoCampaignProgress progress,
              gpointer            user_data,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  DpoCampaignOptions options = { INCIDENT, file, "2024-02-08", NULL };

  return dpo_campaign_run (store, &options, progress, user_data, cancellable, NULL, error);
}

static void
test_audit_names_everyone (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = campaign_store (&path);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autofree char *csv = g_build_filename (folder, DPO_CAMPAIGN_UNREACHABLE_CSV, NULL);
  g_autofree char *unreachable = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = NULL;
  guint64 n_entries = 0;
  gint64 people = 0;

  g_assert_true (run_campaign (store, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint c = 0; c < 2; c++)
    {
      const char *channel = c == 0 ? "email" : "post";
      gint64 count = -1;
      g_autofree char *rows = people_informed (path, channel, FALSE, NULL);
      g_autofree char *entry = people_informed (path, channel, TRUE, &count);
      g_autofree char *sql = g_strdup_printf ("SELECT count FROM communications WHERE channel = '%s' "
                                              "ORDER BY pk DESC LIMIT 1", channel);
      g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);

      g_assert_cmpstr (entry, ==, rows);
      g_assert_cmpint (count, ==, dpo_test_query_int (path, sql));
      g_assert_cmpint (count, ==, g_strv_length (lines));
      people += count;
    }
  g_assert_cmpint (people, ==, dpo_test_query_int (path, "SELECT count (*) FROM informed"));
  for (guint i = 0; ODD_IDS[i] != NULL; i++)
    {
      g_autofree char *posted = people_informed (path, "post", FALSE, NULL);
      g_auto(GStrv) lines = g_strsplit (posted, "\n", -1);

      g_assert_true (g_strv_contains ((const char * const *) lines, ODD_IDS[i]));
    }

  /* The one nobody can reach is listed, and not informed; everyone else
   * affected is. */
  g_assert_true (g_file_get_contents (csv, &unreachable, NULL, NULL));
  g_assert_nonnull (strstr (unreachable, "\r\nQ-none,Adresse Sans,"));
  lines = g_strsplit (unreachable, "\r\n", -1);
  /* The header, the people, and the empty text after the last CRLF. */
  g_assert_cmpint (people + g_strv_length (lines) - 2, ==,
                   dpo_test_query_int (path, "SELECT count (*) FROM affected"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM informed i JOIN subjects s "
                                             "ON s.pk = i.subject WHERE s.id = 'Q-none'"), ==, 0);

  if (dpo_test_engine_is_server ())
    {
      PGconn *conn = dpo_pg_connect (path, &error);

      g_assert_no_error (error);
      g_assert_true (dpo_pg_audit_verify (conn, &seal, &n_entries, &error));
      PQfinish (conn);
    }
  else
    g_assert_true (dpo_audit_verify_file (path, &seal, &n_entries, &error));
  g_assert_no_error (error);
  dpo_test_remove_tree (folder);
}

/* A person covered by two contracts of one holder is named once in the
 * holder's message, and counted once. */
static void
test_covered_twice_named_once (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = campaign_store (&path);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  DpoCampaignOptions options = { INCIDENT, file, "2024-02-08", NULL };
  g_autofree char *csv = g_build_filename (folder, DPO_CAMPAIGN_UNREACHABLE_CSV, NULL);
  g_autofree char *unreachable = NULL;
  DpoCampaignCounts counts = { { 0 } };
  g_autoptr(GError) error = NULL;

  dpo_test_exec (path,
                 "INSERT INTO contracts (subject, number, start_date) "
                 "SELECT s.pk, n.number, '2020-01-01' FROM subjects s, "
                 "(SELECT 'C-TWO-1' AS number UNION ALL SELECT 'C-TWO-2') AS n "
                 "WHERE s.id = 'S-0001';"
                 "INSERT INTO contract_beneficiaries (contract, subject) "
                 "SELECT c.pk, s.pk FROM contracts c, subjects s WHERE c.number LIKE 'C-TWO-%' "
                 "AND s.id = 'Q-none';");
  g_assert_true (dpo_campaign_run (store, &options, NULL, NULL, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.people[DPO_CAMPAIGN_EMAIL], ==,
                   dpo_test_query_int (path, "SELECT count (*) FROM informed WHERE channel = 'email'"));
  g_assert_cmpint (counts.people[DPO_CAMPAIGN_POST], ==,
                   dpo_test_query_int (path, "SELECT count (*) FROM informed WHERE channel = 'post'"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM informed i JOIN subjects s "
                                             "ON s.pk = i.subject WHERE s.id = 'Q-none'"), ==, 1);
  g_assert_true (g_file_get_contents (csv, &unreachable, NULL, NULL));
  g_assert_null (strstr (unreachable, "Q-none"));
  dpo_test_remove_tree (folder);
}

typedef struct
{
  GCancellable *cancellable;
  const char   *folder;   /* made, not empty, under the campaign's feet */
  guint         calls;
} Interrupt;

static void
interrupt (guint    done,
           guint    total,
           gpointer user_data)
{
  Interrupt *in = user_data;
  g_autofree char *keep = NULL;

  if (in->calls++ > 0)
    return;
  if (in->cancellable != NULL)
    {
      g_cancellable_cancel (in->cancellable);
      return;
    }
  g_assert_cmpint (g_mkdir (in->folder, 0700), ==, 0);
  keep = g_build_filename (in->folder, "keep.txt", NULL);
  g_assert_true (g_file_set_contents (keep, "à garder", -1, NULL));
}

static void
assert_no_hidden_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_null (strstr (name, "dpo-tmp"));
}

/* Cancelled after its first household, then failing at its end (its
 * folder taken meanwhile): nothing recorded, nothing left. Then the same
 * connection runs it whole, informing everyone once. */
static void
test_cancelled_or_failed_records_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = campaign_store (&path);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autofree char *taken = g_build_filename (dir, "taken", NULL);
  g_autofree char *before = recorded (path);
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Interrupt cancel = { cancellable, NULL, 0 };
  Interrupt take = { NULL, taken, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (run_campaign (store, folder, interrupt, &cancel, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = recorded (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  assert_no_hidden_folder (dir);

  g_assert_false (run_campaign (store, taken, interrupt, &take, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = recorded (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  assert_no_hidden_folder (dir);

  g_assert_true (run_campaign (store, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM informed"), ==,
                   dpo_test_query_int (path, "SELECT sum (count) FROM communications WHERE message LIKE "
                                             "'Vos données%'"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count (*) FROM communications WHERE message LIKE "
                                             "'Vos données%'"), ==, 2);
  dpo_test_remove_tree (folder);
  dpo_test_remove_tree (taken);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign/record/audit-names-everyone", test_audit_names_everyone);
  g_test_add_func ("/campaign/record/covered-twice-named-once", test_covered_twice_named_once);
  g_test_add_func ("/campaign/record/cancelled-or-failed-records-nothing",
                   test_cancelled_or_failed_records_nothing);

  return g_test_run ();
}
