/* test-affected.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-affected-import.h"
#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-test-util.h"

/* The affected population (issue 11, items 2 and 3): the processor's list
 * imported into an incident, matched, the co-insured added, the rest kept
 * as keyed hashes; "am I affected?" by NIR or member number. The example
 * scenario's people: S-0001 (NIR 278047505612374, IP-104233, email),
 * S-0002 (165113155501897, IP-088112), S-0003 (IP-120571, email), S-0004
 * (IP-077340), S-0005 (283092A00411777, IP-131902). */

#define INCIDENT "INC-2024-01"
/* A valid NIR of nobody in the example: 1800575056000, key 68. */
#define STRANGER_NIR "180057505600068"

static char *
write_list (const char *name,
            const char *content,
            gssize      length)
{
  g_autofree char *dir = dpo_test_make_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, content, length, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
import_list (DpoStore          *store,
             const char        *path,
             const char        *encoding,
             DpoAffectedCounts *counts,
             GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dpo_affected_import_file (store, INCIDENT, file, encoding, NULL, NULL, counts, NULL, error);
}

/* The rows the import writes, and its audit entries: all unchanged by a
 * failed import. */
static char *
recorded (const char *db)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          dpo_test_query_int (db, "SELECT count(*) FROM affected"),
                          dpo_test_query_int (db, "SELECT coalesce (sum (unmatched), 0) FROM affected_unmatched_count"),
                          dpo_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'affected'"));
}

static void
test_import_french_semicolons (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DpoAffectedCounts counts;

  dpo_test_exec (db, "UPDATE subjects SET postal_address = '3 rue Haute, 75003 Paris' "
                     "WHERE id = 'S-0002'");
  /* BOM, ';', French headers with accents and spaces, CRLF, a quoted field. */
  path = write_list ("liste.csv",
                     "\xEF\xBB\xBFNuméro de sécurité sociale;Numéro adhérent;NOM;Prénom\r\n"
                     "2 78 04 75 056 123 74;;Martin;Claire\r\n"
                     ";ip-088112;\"Durand; Paul\";Paul\r\n"
                     STRANGER_NIR ";X-999;Inconnu;Zoé\r\n", -1);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rows, ==, 3);
  g_assert_cmpuint (counts.matched, ==, 2);
  g_assert_cmpuint (counts.newly_listed, ==, 2);
  g_assert_cmpuint (counts.co_insured_added, ==, 0);
  g_assert_cmpuint (counts.unmatched, ==, 1);
  g_assert_cmpuint (counts.unmatched_added, ==, 1);
  g_assert_cmpuint (counts.by_email, ==, 1);
  g_assert_cmpuint (counts.by_post, ==, 1);
  g_assert_cmpuint (counts.neither, ==, 0);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected a JOIN subjects s "
                                           "ON s.pk = a.subject WHERE s.id IN ('S-0001', 'S-0002') "
                                           "AND a.listed = 1"), ==, 2);

  /* The same rows again add nothing, and say so. */
  before = recorded (db);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_cmpuint (counts.matched, ==, 2);
  g_assert_cmpuint (counts.newly_listed, ==, 0);
  g_assert_cmpuint (counts.unmatched_added, ==, 0);
  after = recorded (db);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected"), ==, 2);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT coalesce (sum (unmatched), 0) FROM affected_unmatched_count"),
                   ==, 1);
  /* Only the audit entry of the second import is new. */
  g_assert_cmpstr (before, ==, "2/1/1");
  g_assert_cmpstr (after, ==, "2/1/2");
}

/* Unmatched rows: only HMAC-SHA256 under the database's own key, which an
 * independent computation (GLib's GHmac with the key read from the file)
 * reproduces; the NIR itself is nowhere in the database, nor in the log. */
static void
test_unmatched_hashes (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("list.csv", "nir,member_number\n" STRANGER_NIR ",x-999\n", -1);
  g_autofree char *nir_hash = NULL;
  g_autofree char *key_hex = NULL;
  guint8 key[32];
  DpoAffectedCounts counts;

  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.unmatched, ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM store_state WHERE "
                                           "key = 'affected_hmac_key' AND length (value) = 64"), ==, 1);
  /* The file's bytes (a server keeps its own). */
  if (!dpo_test_engine_is_server ())
  {
    g_autoptr(GBytes) bytes = dpo_test_file_bytes (db);
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    g_assert_null (g_strstr_len (data, size, STRANGER_NIR));
    g_assert_null (g_strstr_len (data, size, "X-999"));
  }
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM audit WHERE changes LIKE '%1800575%'"),
                   ==, 0);

  /* The hash, recomputed from the key alone (read by the sqlite3
   * program, or psql from a server). */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = 0;
    g_autoptr(GError) spawn_error = NULL;
    const char *lite_argv[] = { "sqlite3", db, "SELECT value FROM store_state WHERE key = 'affected_hmac_key'; "
                                "SELECT (SELECT lower (hex (hash)) FROM affected_hashes WHERE kind = 0) || ' ' || "
                                "(SELECT lower (hex (hash)) FROM affected_hashes WHERE kind = 1);", NULL };
    const char *pg_argv[] = { "psql", db, "-AtX", "-c", "SELECT value FROM store_state WHERE key = 'affected_hmac_key'",
                              "-c", "SELECT (SELECT encode (hash, 'hex') FROM affected_hashes WHERE kind = 0) || ' ' || "
                              "(SELECT encode (hash, 'hex') FROM affected_hashes WHERE kind = 1)", NULL };
    const char * const *argv = dpo_test_engine_is_server () ? pg_argv : lite_argv;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                  &status, &spawn_error);
    g_assert_no_error (spawn_error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    {
      g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
      g_auto(GStrv) hashes = NULL;
      g_autoptr(GHmac) hmac = NULL;

      g_assert_cmpuint (g_strv_length (lines), >=, 2);
      key_hex = g_strdup (lines[0]);
      for (guint i = 0; i < 32; i++)
        key[i] = g_ascii_xdigit_value (key_hex[2 * i]) * 16 + g_ascii_xdigit_value (key_hex[2 * i + 1]);
      hashes = g_strsplit (lines[1], " ", 2);
      hmac = g_hmac_new (G_CHECKSUM_SHA256, key, sizeof key);
      g_hmac_update (hmac, (const guchar *) STRANGER_NIR, -1);
      nir_hash = g_strdup (g_hmac_get_string (hmac));
      g_assert_cmpstr (hashes[0], ==, nir_hash);
      g_clear_pointer (&hmac, g_hmac_unref);
      /* Member numbers are compared, and hashed, in upper case. */
      hmac = g_hmac_new (G_CHECKSUM_SHA256, key, sizeof key);
      g_hmac_update (hmac, (const guchar *) "X-999", -1);
      g_assert_cmpstr (hashes[1], ==, g_hmac_get_string (hmac));
    }
  }
}

/* A contract covers its holder and its beneficiaries: listing one of them
 * makes all the others affected, as co-insured. */
static void
test_co_insured (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("list.csv", "member_number\nIP-077340\n", -1);
  DpoAffectedCounts counts;

  /* S-0002 holds CT-2012-0911, which also covers S-0003 and S-0004; S-0005
   * is covered by nothing that S-0004 is on. */
  dpo_test_exec (db, "INSERT INTO contract_beneficiaries (contract, subject) "
                     "SELECT c.pk, s.pk FROM contracts c, subjects s "
                     "WHERE c.number = 'CT-2012-0911' AND s.id IN ('S-0003', 'S-0004')");
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.matched, ==, 1);
  g_assert_cmpuint (counts.co_insured_added, ==, 2);
  {
    g_autoptr(GPtrArray) entries = dpo_store_affected_for_subject (store, "S-0002", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_false (((DpoAffectedEntry *) entries->pdata[0])->listed);
  }
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected a JOIN subjects s "
                                           "ON s.pk = a.subject WHERE a.listed = 0 "
                                           "AND s.id IN ('S-0002', 'S-0003')"), ==, 2);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected a JOIN subjects s "
                                           "ON s.pk = a.subject WHERE s.id = 'S-0005'"), ==, 0);

  /* Listed later, a co-insured person becomes listed. */
  g_clear_pointer (&path, g_free);
  path = write_list ("list2.csv", "numero_adherent\nIP-120571\n", -1);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_cmpuint (counts.newly_listed, ==, 1);
  g_assert_cmpuint (counts.co_insured_added, ==, 0);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT a.listed FROM affected a JOIN subjects s "
                                           "ON s.pk = a.subject WHERE s.id = 'S-0003'"), ==, 1);
}

/* The same through the interchange format: contracts[].beneficiaries. */
static void
test_co_insured_from_json (void)
{
  static const char document[] =
    "{\"format\": \"dpo-workbench\", \"version\": 1,"
    " \"incidents\": [{\"id\": \"" INCIDENT "\", \"title\": \"Fuite\", \"natures\": [\"confidentiality\"],"
    "   \"aware_at\": \"2024-01-29T10:00:00+01:00\", \"risk\": \"high\"}],"
    " \"subjects\": ["
    "  {\"id\": \"H\", \"last_name\": \"Holder\", \"first_name\": \"Anne\", \"member_number\": \"M-1\","
    "   \"email\": \"anne@example.org\", \"contracts\": [{\"number\": \"C-1\", \"start_date\": \"2020-01-01\","
    "   \"beneficiaries\": [\"B1\", \"B2\"]}]},"
    "  {\"id\": \"B1\", \"last_name\": \"Child\", \"first_name\": \"Paul\", \"member_number\": \"M-2\"},"
    "  {\"id\": \"B2\", \"last_name\": \"Child\", \"first_name\": \"Lou\"},"
    "  {\"id\": \"X\", \"last_name\": \"Other\", \"first_name\": \"Max\", \"member_number\": \"M-9\"}]}";
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&db);
  g_autoptr(GBytes) bytes = g_bytes_new_static (document, sizeof document - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("l.csv", "numero_adherent\nM-2\n", -1);
  DpoAffectedCounts counts;

  g_assert_true (dpo_import_bytes (store, bytes, "doc", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.matched, ==, 1);
  g_assert_cmpuint (counts.co_insured_added, ==, 2);
  g_assert_cmpuint (counts.by_email, ==, 1);
  g_assert_cmpuint (counts.neither, ==, 2);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected a JOIN subjects s "
                                           "ON s.pk = a.subject WHERE s.id = 'X'"), ==, 0);
}

static void
assert_refused (const char *name,
                const char *content,
                gssize      length,
                const char *encoding,
                const char *expected)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list (name, content, length);
  g_autofree char *before = recorded (db);
  g_autofree char *after = NULL;

  g_assert_false (import_list (store, path, encoding, NULL, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  after = recorded (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM store_state "
                                           "WHERE key = 'affected_hmac_key'"), ==, 0);
}

static void
test_bad_input (void)
{
  /* An invalid NIR on line 4, after good rows: nothing recorded. */
  assert_refused ("l.csv", "nir;nom\n278047505612374;Martin\n" STRANGER_NIR ";X\n"
                  "180057505600042;Faux\n", -1, NULL,
                  "l.csv, line 4, column nir: the key 42 does not match");
  assert_refused ("l.csv", "last_name,first_name,city\nMartin,Claire,Paris\n", -1, NULL,
                  "The columns found are: last_name, first_name, city");
  assert_refused ("l.csv", "", 0, NULL, "is empty");
  assert_refused ("l.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL, "is not a CSV file");
  assert_refused ("l.csv", "nir,nom\n\"278047505612374,Martin\n", -1, NULL, "not well-formed CSV");
  assert_refused ("l.csv", "nir,nom\n,Martin\n", -1, NULL, "line 2: the row has neither");
  /* windows-1252 read as UTF-8. */
  assert_refused ("l.csv", "member_number;nom\nIP-104233;H\xe9l\xe8ne\n", -1, NULL,
                  "line 2: the text is not UTF-8");
  assert_refused ("l.csv", "member_number\nIP-104233\n", -1, "ebcdic", "Unknown encoding");
}

static void
test_unknown_incident (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("l.csv", "member_number\nIP-104233\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (dpo_affected_import_file (store, "INC-NOPE", file, NULL, NULL, NULL, NULL, NULL,
                                            &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected"), ==, 0);
}

static void
test_windows_1252 (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  /* "Numéro adhérent;Prénom" in windows-1252. */
  g_autofree char *path = write_list ("l.csv", "Num\xe9ro adh\xe9rent;Pr\xe9nom\r\nIP-104233;H\xe9l\xe8ne\r\n",
                                     -1);
  DpoAffectedCounts counts;

  g_assert_true (import_list (store, path, "windows-1252", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.matched, ==, 1);
}

/* Chunks of 64 KiB: rows cut across them, and the line of a late mistake. */
static void
test_long_list (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) list = g_string_new ("nir;member_number;last_name\n");
  g_autofree char *path = NULL;
  DpoAffectedCounts counts;

  for (guint i = 0; i < 30000; i++)
    {
      guint64 body = 1800575056000ULL + i;

      g_string_append_printf (list, "%" G_GUINT64_FORMAT "%02u;M%06u;Nom %u\n", body,
                              (guint) (97 - body % 97), i, i);
    }
  g_string_append (list, "2 78 04 75 056 123 74;;Martin\n");
  path = write_list ("long.csv", list->str, list->len);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rows, ==, 30001);
  g_assert_cmpuint (counts.matched, ==, 1);
  g_assert_cmpuint (counts.unmatched_added, ==, 30000);

  g_string_append (list, "1;;Faux\n");
  g_clear_pointer (&path, g_free);
  path = write_list ("long.csv", list->str, list->len);
  g_assert_false (import_list (store, path, NULL, &counts, &error));
  g_assert_nonnull (strstr (error->message, "long.csv, line 30003, column nir:"));
}

static int
run_dpo (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static JsonObject *
check_json (const char *db,
            const char *who)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "affected", "check", who,
                                               "--json", NULL }, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* `dpo affected import` and `dpo affected check`, as processes. */
static void
test_cli (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autofree char *path = write_list ("liste.csv", "nir;numero_adherent\n278047505612374;\n"
                                      STRANGER_NIR ";\n;IP-077340\n", -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonObject) answer = NULL;
  JsonArray *incidents;
  JsonObject *first;
  JsonArray *informed;

  dpo_test_exec (db, "INSERT INTO contract_beneficiaries (contract, subject) "
                     "SELECT c.pk, s.pk FROM contracts c, subjects s "
                     "WHERE c.number = 'CT-2015-1207' AND s.id = 'S-0005'");
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "affected", "import", INCIDENT,
                                               path, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Rows: 3\n"));
  g_assert_nonnull (strstr (out, "Matched: 2 "));
  g_assert_nonnull (strstr (out, "Co-insured added: 1\n"));
  g_assert_nonnull (strstr (out, "Unmatched: 1 "));
  g_assert_nonnull (strstr (out, "Reachable by email: 1, by post: 0, neither: 2\n"));

  /* Informed by email on 6 February 2024 (the campaign's rows). */
  dpo_test_exec (db, "INSERT INTO informed (incident, subject, channel, sent_at) "
                     "SELECT i.pk, s.pk, 'email', '2024-02-06' FROM incidents i, subjects s "
                     "WHERE s.id = 'S-0001'");
  answer = check_json (db, "2 78 04 75 056 123 74");
  g_assert_true (json_object_get_boolean_member (answer, "affected"));
  incidents = json_object_get_array_member (answer, "incidents");
  g_assert_cmpuint (json_array_get_length (incidents), ==, 1);
  first = json_array_get_object_element (incidents, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "incident"), ==, INCIDENT);
  g_assert_cmpstr (json_object_get_string_member (first, "as"), ==, "listed");
  informed = json_object_get_array_member (first, "informed");
  g_assert_cmpuint (json_array_get_length (informed), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (informed, 0),
                                                  "channel"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (informed, 0),
                                                  "sent_at"), ==, "2024-02-06");
  g_clear_pointer (&answer, json_object_unref);

  answer = check_json (db, "IP-131902");
  first = json_array_get_object_element (json_object_get_array_member (answer, "incidents"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "as"), ==, "co-insured");
  g_clear_pointer (&answer, json_object_unref);

  /* An unmatched row answers too, from its hash. */
  answer = check_json (db, STRANGER_NIR);
  g_assert_true (json_object_get_boolean_member (answer, "affected"));
  g_clear_pointer (&answer, json_object_unref);

  answer = check_json (db, "IP-120571");
  g_assert_false (json_object_get_boolean_member (answer, "affected"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "incidents")), ==, 0);
  g_clear_pointer (&answer, json_object_unref);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "affected", "check",
                                               "278047505612374", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Affected by INC-2024-01 (listed), informed by email on 6 February 2024\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "affected", "check",
                                               "IP-120571", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Not affected by any incident\n");

  /* A mistyped NIR is not taken for a member number. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "affected", "check",
                                               "278047505612375", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "looks like a NIR but is not valid"));

  /* Unknown incident: exit 1, nothing recorded. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "affected", "import", "INC-X",
                                               path, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "INC-X"));
}

/* export-json: incidents[].affected, computed, and ignored on import. */
static void
test_export_json (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("l.csv", "nir;numero_adherent\n278047505612374;\n"
                                      STRANGER_NIR ";\n", -1);
  g_autofree char *document = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *incident;
  JsonObject *affected;
  JsonArray *people;

  dpo_test_exec (db, "INSERT INTO contract_beneficiaries (contract, subject) "
                     "SELECT c.pk, s.pk FROM contracts c, subjects s "
                     "WHERE c.number = 'CT-2019-0042' AND s.id = 'S-0004'");
  g_assert_true (import_list (store, path, NULL, NULL, &error));
  g_assert_no_error (error);
  dpo_test_exec (db, "INSERT INTO informed (incident, subject, channel, sent_at) "
                     "SELECT i.pk, s.pk, 'post', '2024-02-07' FROM incidents i, subjects s "
                     "WHERE s.id = 'S-0004'");
  document = dpo_test_export (store, "2024-03-01");
  json_parser_load_from_data (parser, document, -1, &error);
  g_assert_no_error (error);
  incident = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "incidents"), 0);
  affected = json_object_get_object_member (incident, "affected");
  g_assert_nonnull (affected);
  g_assert_cmpint (json_object_get_int_member (affected, "unmatched_count"), ==, 1);
  people = json_object_get_array_member (affected, "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 0), "subject"),
                   ==, "S-0001");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 0), "as"),
                   ==, "listed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (people, 1), "as"),
                   ==, "co-insured");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (json_array_get_object_element (people, 1), "informed"),
                       0), "channel"), ==, "post");

  /* The document imports into a new database: "affected" is ignored. */
  {
    g_autoptr(DpoStore) copy = dpo_test_new_store (NULL);
    g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));

    g_assert_true (dpo_import_bytes (copy, bytes, "export", NULL, &error));
    g_assert_no_error (error);
  }
}

/* Schema 6 kept the hashes as hex text: the step to 7 carries them over. */
static void
test_upgrade_from_6 (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("l.csv", "nir\n" STRANGER_NIR "\n", -1);
  g_autoptr(GPtrArray) entries = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("an upgrade of a file's schema: a file's own property");
      return;
    }

  g_assert_true (import_list (store, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  dpo_test_exec (db, "CREATE TABLE keep AS SELECT incident, lower (hex (hash)) AS h "
                     "FROM affected_hashes WHERE kind = 0");
  dpo_test_undo_schema_steps (db, 6);
  dpo_test_exec (db, "INSERT INTO affected_unmatched (incident, nir_hash) SELECT incident, h FROM keep;"
                     "DROP TABLE keep;");
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_unmatched "
                                           "WHERE length (nir_hash) = 64"), ==, 1);

  store = dpo_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (db, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_hashes "
                                           "WHERE kind = 0 AND length (hash) = 32"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_hashes"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT sum (unmatched) FROM affected_unmatched_count"), ==, 1);
  entries = dpo_store_affected_check (store, STRANGER_NIR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
}

/* The shipped example list (data/example/affected-list.csv, French headers,
 * ';', a BOM and CRLF as a spreadsheet writes them) against the example:
 * the Girard family contract brings Thomas in as co-insured, three rows
 * match nobody; and the answers a DPO reads out on the phone. */
static void
test_example_list (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autofree char *example = dpo_test_example_path ();
  g_autofree char *folder = g_path_get_dirname (example);
  g_autofree char *path = g_build_filename (folder, "affected-list.csv", NULL);
  g_autoptr(GError) error = NULL;
  DpoAffectedCounts counts;
  struct { const char *query; const char *answer; } answers[] = {
    { "IP-140816", "Affected by INC-2024-01 (co-insured), not informed yet" },
    { "2 12 06 69 123 520 28", "Affected by INC-2024-01 (listed), not informed yet" },
    { "1 85 07 75 112 233 76",
      "Affected by INC-2024-01 (listed), not found among our members, so not informed by us" },
    { "IP-120571", "Not affected by any incident" },
  };

  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rows, ==, 8);
  g_assert_cmpuint (counts.matched, ==, 5);
  g_assert_cmpuint (counts.co_insured_added, ==, 1);
  g_assert_cmpuint (counts.unmatched, ==, 3);
  g_assert_cmpuint (counts.by_email, ==, 1);
  g_assert_cmpuint (counts.by_post, ==, 4);
  g_assert_cmpuint (counts.neither, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *nir = NULL, *member = NULL, *text = NULL;
      g_autoptr(GPtrArray) entries = NULL;

      g_assert_true (dpo_affected_parse_query (answers[i].query, &nir, &member, &error));
      entries = dpo_store_affected_check (store, nir, member, &error);
      g_assert_no_error (error);
      text = dpo_affected_describe (entries);
      g_assert_cmpstr (text, ==, answers[i].answer);
    }
}

/* Schema 10 kept an unmatched row whole, both hashes in one row: the step
 * to 11 keeps each number as its own row, and each old row counts as one. */
static void
test_upgrade_from_10 (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("l.csv", "nir;member_number\n" STRANGER_NIR ";X-999\n", -1);
  g_autoptr(GPtrArray) entries = NULL;
  guint64 unmatched = 0;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("an upgrade of a file's schema: a file's own property");
      return;
    }

  g_assert_true (import_list (store, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  dpo_test_exec (db, "CREATE TABLE keep AS SELECT incident, kind, hash FROM affected_hashes");
  dpo_test_undo_schema_steps (db, 10);
  /* The row with both numbers, and a row with the member number alone. */
  dpo_test_exec (db, "INSERT INTO affected_unmatched (incident, nir_hash, member_hash) "
                     "SELECT n.incident, n.hash, m.hash FROM keep n, keep m WHERE n.kind = 0 AND m.kind = 1 "
                     "UNION ALL SELECT incident, x'', hash FROM keep WHERE kind = 1;"
                     "DROP TABLE keep;");
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_unmatched"), ==, 2);

  store = dpo_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (db, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM sqlite_master "
                                           "WHERE name = 'affected_unmatched'"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_hashes WHERE kind = 0"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM affected_hashes WHERE kind = 1"), ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = dpo_store_affected_people (store, INCIDENT, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = dpo_store_affected_check (store, STRANGER_NIR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = dpo_store_affected_check (store, NULL, "x-999", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
}

/* A valid NIR for the tests: born 1800-05-75, order i, with its key. */
static char *
test_nir (guint i)
{
  guint64 body = 1800575056000ULL + i;

  return g_strdup_printf ("%" G_GUINT64_FORMAT "%02u", body, (guint) (97 - body % 97));
}

/* An unmatched row is new when its NIR, or its member number when it has
 * no NIR, was not kept for the incident before, nor earlier in the list. */
static void
test_new_rows (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *n1 = test_nir (1);
  g_autofree char *n2 = test_nir (2);
  g_autofree char *n4 = test_nir (4);
  g_autofree char *first = g_strdup_printf ("nir;member_number\n%s;M-1\n%s;\n;M-3\n", n1, n2);
  g_autofree char *second = g_strdup_printf ("nir;member_number\n%s;M-1\n%s;M-9\n%s;M-1\n"
                                             ";M-3\n;M-5\n;m-5\n", n1, n1, n4);
  g_autofree char *path = write_list ("first.csv", first, -1);
  g_autoptr(GPtrArray) entries = NULL;
  DpoAffectedCounts counts;
  DpoAffectedSummary summary;

  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.unmatched, ==, 3);
  g_assert_cmpuint (counts.unmatched_added, ==, 3);

  g_clear_pointer (&path, g_free);
  path = write_list ("second.csv", second, -1);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.unmatched, ==, 6);
  /* n4's row, and the first M-5 (the second is the same number). */
  g_assert_cmpuint (counts.unmatched_added, ==, 2);
  g_assert_true (dpo_store_affected_summary (store, INCIDENT, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.unmatched, ==, 5);

  /* M-9 came with a NIR already kept: not a new row, yet it answers. */
  entries = dpo_store_affected_check (store, NULL, "M-9", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = dpo_store_affected_check (store, NULL, "M-8", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* The import passes over numbers no member has without asking the
 * database (a filter of the members' numbers): a member recorded in lower
 * case, or with a NIR in lower case ("2a" for Corsica), is still found, as
 * COLLATE NOCASE finds them. */
static void
test_match_any_case (void)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_list ("l.csv", "nir;member_number\n;IP-077340\n"
                                      STRANGER_NIR ";\n", -1);
  DpoAffectedCounts counts;

  dpo_test_exec (db, "UPDATE subjects SET member_number = lower (member_number) "
                     "WHERE member_number = 'IP-077340'");
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM subjects "
                                           "WHERE member_number = 'ip-077340'"), ==, 1);
  g_assert_true (import_list (store, path, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rows, ==, 2);
  g_assert_cmpuint (counts.matched, ==, 1);
  g_assert_cmpuint (counts.unmatched, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/affected/import/french-semicolons", test_import_french_semicolons);
  g_test_add_func ("/affected/import/unmatched-hashes", test_unmatched_hashes);
  g_test_add_func ("/affected/import/co-insured", test_co_insured);
  g_test_add_func ("/affected/import/co-insured-from-json", test_co_insured_from_json);
  g_test_add_func ("/affected/import/bad-input", test_bad_input);
  g_test_add_func ("/affected/import/unknown-incident", test_unknown_incident);
  g_test_add_func ("/affected/import/windows-1252", test_windows_1252);
  g_test_add_func ("/affected/import/long-list", test_long_list);
  g_test_add_func ("/affected/import/new-rows", test_new_rows);
  g_test_add_func ("/affected/import/match-any-case", test_match_any_case);
  g_test_add_func ("/affected/upgrade-from-6", test_upgrade_from_6);
  g_test_add_func ("/affected/upgrade-from-10", test_upgrade_from_10);
  g_test_add_func ("/affected/cli", test_cli);
  g_test_add_func ("/affected/export-json", test_export_json);
  g_test_add_func ("/affected/example-list", test_example_list);
  return g_test_run ();
}
