/* test-organisation.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The organisation and its DPO (issue 9, Deliver 7): the SIREN and email
 * checks, the store (get, set, audit, nothing written on an error), and
 * the JSON interchange's top-level "organisation", imported all or nothing
 * with the JSON path named, and exported. */

#include <string.h>

#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-organisation-check.h"
#include "dpo-store.h"
#include "dpo-test-util.h"

#define AS_OF "2024-02-20"

static void
test_siren (void)
{
  /* SIRENs whose key is right, and the same with one slip. */
  g_assert_true (dpo_siren_is_valid ("552100554"));
  g_assert_true (dpo_siren_is_valid ("775684129"));
  g_assert_true (dpo_siren_is_valid ("732 829 320"));
  g_assert_false (dpo_siren_is_valid ("552100555"));    /* last digit */
  g_assert_false (dpo_siren_is_valid ("525100554"));    /* two swapped */
  g_assert_false (dpo_siren_is_valid ("55210055"));     /* 8 digits */
  g_assert_false (dpo_siren_is_valid ("5521005540"));   /* 10 digits */
  g_assert_false (dpo_siren_is_valid ("55210O554"));    /* a letter O */
  g_assert_false (dpo_siren_is_valid (""));
  g_assert_false (dpo_siren_is_valid (NULL));
}

static void
test_check (void)
{
  g_autoptr(DpoOrganisation) organisation = dpo_organisation_new ();
  g_autoptr(GError) error = NULL;
  DpoOrganisationField bad = DPO_ORGANISATION_N_FIELDS;

  /* Everything optional; blanks become NULL, the SIREN 9 digits. */
  organisation->name = g_strdup ("  Mutuelle  ");
  organisation->siren = g_strdup (" 775 684 129 ");
  organisation->address = g_strdup ("   ");
  g_assert_true (dpo_organisation_check (organisation, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (organisation->name, ==, "Mutuelle");
  g_assert_cmpstr (organisation->siren, ==, "775684129");
  g_assert_null (organisation->address);

  g_free (organisation->siren);
  organisation->siren = g_strdup ("775684128");
  g_assert_false (dpo_organisation_check (organisation, &bad, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_cmpint (bad, ==, DPO_ORGANISATION_SIREN);
  g_assert_true (g_str_has_prefix (error->message, "SIREN number: "));
  g_clear_error (&error);

  g_free (organisation->siren);
  organisation->siren = NULL;
  organisation->dpo_email = g_strdup ("dpo.example.org");
  g_assert_false (dpo_organisation_check (organisation, &bad, &error));
  g_assert_cmpint (bad, ==, DPO_ORGANISATION_DPO_EMAIL);
  g_assert_true (g_str_has_prefix (error->message, "DPO email: "));
  g_clear_error (&error);

  g_free (organisation->dpo_email);
  organisation->dpo_email = g_strdup ("@example.org");
  g_assert_false (dpo_organisation_check (organisation, &bad, &error));
  g_clear_error (&error);
  g_free (organisation->dpo_email);
  organisation->dpo_email = g_strdup ("dpo@example.org");
  g_assert_true (dpo_organisation_check (organisation, &bad, &error));
}

static void
test_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(DpoOrganisation) organisation = dpo_organisation_new ();
  g_autoptr(DpoOrganisation) read = NULL;
  g_autoptr(DpoStore) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_rows;

  read = dpo_store_get_organisation (store);
  g_assert_true (dpo_organisation_is_empty (read));
  g_clear_pointer (&read, dpo_organisation_free);

  organisation->name = g_strdup ("Mutuelle Santé Horizon");
  organisation->siren = g_strdup ("775 684 129");
  organisation->dpo_name = g_strdup ("Hélène Garnier");
  organisation->dpo_email = g_strdup ("dpo@mutuelle-horizon.example");
  g_assert_true (dpo_store_set_organisation (store, organisation, &error));
  g_assert_no_error (error);
  audit_rows = dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'organisation'");
  g_assert_cmpint (audit_rows, ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'organisation' "
                                               "AND changes::jsonb #>> '{siren,1}' = '775684129' "
                                               "AND changes::jsonb #>> '{siren,0}' IS NULL"
                                             : "SELECT count(*) FROM audit WHERE entity = 'organisation' "
                                               "AND json_extract (changes, '$.siren[1]') = '775684129' "
                                               "AND json_extract (changes, '$.siren[0]') IS NULL"), ==, 1);

  /* Kept in the file: another connection reads it. */
  again = dpo_store_open (path, &error);
  g_assert_no_error (error);
  read = dpo_store_get_organisation (again);
  g_assert_cmpstr (read->name, ==, "Mutuelle Santé Horizon");
  g_assert_cmpstr (read->siren, ==, "775684129");
  g_assert_cmpstr (read->dpo_name, ==, "Hélène Garnier");
  g_assert_null (read->address);
  g_clear_pointer (&read, dpo_organisation_free);

  /* Saving the same again writes nothing to the log. */
  g_assert_true (dpo_store_set_organisation (store, organisation, &error));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'organisation'"),
                   ==, 1);

  /* A bad SIREN or email: refused, nothing written. */
  g_free (organisation->siren);
  organisation->siren = g_strdup ("775684128");
  organisation->address = g_strdup ("12 rue de la Paix");
  g_assert_false (dpo_store_set_organisation (store, organisation, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_true (strstr (error->message, "SIREN") != NULL);
  g_clear_error (&error);
  g_free (organisation->siren);
  organisation->siren = g_strdup ("775684129");
  g_free (organisation->dpo_email);
  organisation->dpo_email = g_strdup ("dpo at example");
  g_assert_false (dpo_store_set_organisation (store, organisation, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  read = dpo_store_get_organisation (store);
  g_assert_null (read->address);
  g_assert_cmpstr (read->dpo_email, ==, "dpo@mutuelle-horizon.example");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'organisation'"),
                   ==, 1);
}

/* The example with its "organisation" replaced by @organisation (a JSON
 * object's text). */
static GBytes *
example_with (const char *organisation)
{
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (example, NULL), NULL);
  g_autoptr(JsonNode) replacement = json_from_string (organisation, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (root);
  g_assert_nonnull (replacement);
  json_object_set_member (json_node_get_object (root), "organisation", json_node_copy (replacement));
  text = json_to_string (root, FALSE);
  return g_bytes_new (text, strlen (text));
}

static void
assert_refused (const char *organisation,
                const char *path_named)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) bytes = example_with (organisation);
  g_autoptr(DpoOrganisation) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("doc.json, at %s: ", path_named);

  g_assert_false (dpo_import_bytes (store, bytes, "doc.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, at));
  /* All or nothing: neither the organisation nor a record. */
  read = dpo_store_get_organisation (store);
  g_assert_true (dpo_organisation_is_empty (read));
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 0);
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 0);
}

static void
test_import_export (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoStore) second = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(DpoOrganisation) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *organisation, *dpo;

  g_assert_true (dpo_import_bytes (store, example, "breach-2024.json", NULL, &error));
  g_assert_no_error (error);
  read = dpo_store_get_organisation (store);
  g_assert_cmpstr (read->name, ==, "Mutuelle Santé Horizon");
  g_assert_cmpstr (read->siren, ==, "775684129");
  g_assert_cmpstr (read->dpo_email, ==, "dpo@mutuelle-horizon.example");
  g_assert_cmpstr (read->dpo_phone, ==, "+33 1 42 00 00 00");

  text = dpo_test_export (store, AS_OF);
  exported = json_from_string (text, &error);
  g_assert_no_error (error);
  organisation = json_object_get_object_member (json_node_get_object (exported), "organisation");
  g_assert_nonnull (organisation);
  g_assert_cmpstr (json_object_get_string_member (organisation, "siren"), ==, "775684129");
  dpo = json_object_get_object_member (organisation, "dpo");
  g_assert_cmpstr (json_object_get_string_member (dpo, "name"), ==, "Hélène Garnier");
  g_assert_cmpstr (json_object_get_string_member (dpo, "address"), ==,
                   "DPO, Mutuelle Santé Horizon, 12 rue de la Paix, 75002 Paris");

  /* And back again: the same document. */
  bytes = g_bytes_new (text, strlen (text));
  g_assert_true (dpo_import_bytes (second, bytes, "exported.json", NULL, &error));
  g_assert_no_error (error);
  again = dpo_test_export (second, AS_OF);
  g_assert_cmpstr (again, ==, text);
}

static void
test_import_refused (void)
{
  assert_refused ("{\"siren\": \"775684128\"}", "organisation.siren");
  assert_refused ("{\"siren\": \"77568412\"}", "organisation.siren");
  assert_refused ("{\"dpo\": {\"email\": \"dpo.example.org\"}}", "organisation.dpo.email");
  assert_refused ("{\"name\": 12}", "organisation.name");
  assert_refused ("{\"dpo\": \"Hélène\"}", "organisation.dpo");
  assert_refused ("[]", "organisation");
}

/* A good organisation in a file refused for another reason is not kept. */
static void
test_import_all_or_nothing (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(DpoOrganisation) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_import_bytes (store, example, "first.json", NULL, &error));
  /* The same file again: its records are already there. */
  {
    g_autoptr(GBytes) other = example_with ("{\"name\": \"Another\"}");

    g_assert_false (dpo_import_bytes (store, other, "second.json", NULL, &error));
    g_assert_error (error, DPO_ERROR, DPO_ERROR_EXISTS);
  }
  read = dpo_store_get_organisation (store);
  g_assert_cmpstr (read->name, ==, "Mutuelle Santé Horizon");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/organisation/siren", test_siren);
  g_test_add_func ("/organisation/check", test_check);
  g_test_add_func ("/organisation/store", test_store);
  g_test_add_func ("/organisation/import-export", test_import_export);
  g_test_add_func ("/organisation/import-refused", test_import_refused);
  g_test_add_func ("/organisation/import-all-or-nothing", test_import_all_or_nothing);

  return g_test_run ();
}
