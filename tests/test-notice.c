/* test-notice.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Art. 34 notice (issue 11, Deliver 4): the draft says in English and
 * in French each thing Art. 34(2) asks for, from the incident's own
 * fields; placeholders are checked and filled (a line left empty goes);
 * the store keeps it with an audit row; the JSON carries it unchanged both
 * ways and refuses an unknown placeholder with its path; `dpo notice`. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-notice.h"
#include "dpo-store-notice.h"
#include "dpo-test-util.h"

#define AS_OF "2024-02-20"
#define INCIDENT "INC-2024-01"

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static DpoNotice *
example_draft (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store (AS_OF, NULL);
  g_autoptr(DpoIncident) incident = dpo_store_get_incident (store, INCIDENT, NULL);
  g_autoptr(DpoOrganisation) organisation = dpo_store_get_organisation (store);

  g_assert_nonnull (incident);
  return dpo_notice_draft (incident, organisation);
}

/* Each element of Art. 34(2), as the example incident states it. */
static void
test_draft_english (void)
{
  g_autoptr(DpoNotice) notice = example_draft ();
  const char *body = notice->body;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (notice->subject, ==, "Personal data breach at Viamedis: information about your data");
  /* The person, by placeholders. */
  assert_contains (body, "Dear {{first_name}} {{last_name}},");
  assert_contains (body, "Member number: {{member_number}}");
  assert_contains (body, "\nThis breach also concerns the beneficiaries of your contract: {{co_insured}}.\n");
  /* The nature of the breach: processor, awareness, nature, description, dates, origin. */
  assert_contains (body, "On 1 February 2024, we were informed that our processor Viamedis had suffered "
                         "a personal data breach: people without any right to them were able to access data.");
  assert_contains (body, "Un robot a consulté et enregistré les données des bénéficiaires");
  assert_contains (body, "The breach took place between 22 January 2024 and 29 January 2024.");
  assert_contains (body, "Its origin: Acte malveillant externe : compte d'un professionnel de santé compromis.");
  /* The data concerned, in words. */
  assert_contains (body, "\n- your civil status (surname, first names)\n");
  assert_contains (body, "\n- your social security number (NIR)\n");
  assert_contains (body, "\n- the guarantees of your contract\n");
  assert_contains (body, "neither your bank details nor your health data are concerned");
  /* The likely consequences and the measures, as typed. */
  assert_contains (body, "Risque d'hameçonnage et d'usurpation d'identité");
  assert_contains (body, "What we have done:\nPlateforme déconnectée ; double authentification");
  /* The precautions. */
  assert_contains (body, "(phishing)");
  assert_contains (body, "never give your passwords, access codes or bank details");
  assert_contains (body, "check your bank statements");
  /* The DPO's contact, from the organisation. */
  assert_contains (body, "contact our data protection officer, Hélène Garnier:");
  assert_contains (body, "\n- by email: dpo@mutuelle-horizon.example");
  assert_contains (body, "\n- by phone: +33 1 42 00 00 00");
  assert_contains (body, "\n- by post: DPO, Mutuelle Santé Horizon, 12 rue de la Paix, 75002 Paris");
  /* The right to complain to the CNIL, with its address. */
  assert_contains (body, "lodge a complaint with the Commission nationale de l’informatique et des "
                         "libertés (CNIL): CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, "
                         "www.cnil.fr.");
  assert_contains (body, "Mutuelle Santé Horizon\n");

  /* A draft is a valid notice as it stands. */
  g_assert_true (dpo_notice_check (notice->subject, notice->body, &error));
  g_assert_no_error (error);
}

/* Without consequences or measures typed, the draft writes them from the
 * data categories; without a processor, the organisation became aware. */
static void
test_draft_from_categories (void)
{
  g_autoptr(DpoIncident) incident = dpo_incident_new ();
  g_autoptr(DpoNotice) notice = NULL;

  incident->id = g_strdup ("INC-X");
  incident->title = g_strdup ("Stolen laptop");
  incident->natures = g_strsplit ("integrity,availability", ",", -1);
  incident->aware_at = g_date_time_new_from_iso8601 ("2024-03-15T09:00:00+01:00", NULL);
  incident->data_categories = g_strsplit ("contact,identification,financial,Photos of the claims", ",", -1);
  notice = dpo_notice_draft (incident, NULL);

  g_assert_cmpstr (notice->subject, ==, "Personal data breach: information about your data");
  assert_contains (notice->body, "On 15 March 2024, we became aware of a personal data breach: "
                                 "data may have been altered; data were made unavailable or lost.");
  assert_contains (notice->body, "\n- your login details\n");
  assert_contains (notice->body, "\n- Photos of the claims\n");     /* kept as typed */
  assert_contains (notice->body, "As far as we know, your health data are not concerned.");
  assert_contains (notice->body, "You may receive unsolicited or fraudulent messages");
  assert_contains (notice->body, "Someone could try to log in to your accounts");
  assert_contains (notice->body, "attempts at fraud on your bank account");
  assert_contains (notice->body, "We have taken measures to end this breach");
  assert_contains (notice->body, "\n- change your password");
  assert_contains (notice->body, "For any question, you can contact our data protection officer.");
  assert_contains (notice->body, "75334 Paris Cedex 07");
  g_assert_null (strstr (notice->body, "usurp your identity"));
  g_assert_null (strstr (notice->body, "between"));
}

static gboolean
use_french (void)
{
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", "fr", TRUE);
  return TRUE;
}

static void
use_english (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_draft_french (void)
{
  g_autoptr(DpoNotice) notice = NULL;
  const char *body;

  if (!use_french ())
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated (build-aux/dev does it)");
      return;
    }
  notice = example_draft ();
  use_english ();
  body = notice->body;

  g_assert_cmpstr (notice->subject, ==, "Violation de données personnelles chez Viamedis : "
                                        "information sur vos données");
  /* A French letter opens "Madame, Monsieur," and closes likewise: never
   * "Madame, Monsieur Girard,". */
  assert_contains (body, "Madame, Monsieur,\n");
  assert_contains (body, "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos "
                         "salutations distinguées.");
  g_assert_null (strstr (body, "Monsieur {{"));
  assert_contains (body, "Numéro d’adhérent : {{member_number}}");
  assert_contains (body, "Conformément à l’article 34 du règlement général sur la protection des données");
  assert_contains (body, "Le 1er février 2024, nous avons été informés que notre prestataire Viamedis a "
                         "subi une violation de données personnelles : des personnes non autorisées ont "
                         "pu accéder à des données.");
  assert_contains (body, "La violation a eu lieu entre le 22 janvier 2024 et le 29 janvier 2024.");
  assert_contains (body, "\n- votre numéro de sécurité sociale (NIR)\n");
  assert_contains (body, "\n- le nom de votre organisme complémentaire\n");
  assert_contains (body, "ni vos coordonnées bancaires ni vos données de santé ne sont concernées");
  assert_contains (body, "Cette violation concerne également les bénéficiaires de votre contrat : {{co_insured}}.");
  assert_contains (body, "Les conséquences possibles de cette violation :\nRisque d'hameçonnage");
  assert_contains (body, "Les mesures que nous avons prises :\nPlateforme déconnectée");
  assert_contains (body, "(hameçonnage)");
  assert_contains (body, "ne communiquez jamais vos mots de passe, codes d’accès ou coordonnées bancaires");
  assert_contains (body, "vérifiez vos relevés bancaires");
  assert_contains (body, "notre délégué à la protection des données, Hélène Garnier :");
  assert_contains (body, "\n- par courriel : dpo@mutuelle-horizon.example");
  assert_contains (body, "Vous avez le droit d’introduire une réclamation auprès de la Commission nationale "
                         "de l’informatique et des libertés (CNIL) : CNIL, 3 place de Fontenoy, TSA 80715, "
                         "75334 Paris Cedex 07, www.cnil.fr.");
  assert_contains (body, "l’expression de nos salutations distinguées.");
  g_assert_null (strstr (body, "Dear"));
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  const char * const *names = dpo_notice_placeholders ();

  g_assert_cmpstr (names[0], ==, "first_name");
  g_assert_true (g_strv_contains (names, "co_insured"));
  g_assert_cmpstr (dpo_notice_placeholder_label ("last_name"), ==, "Last name");

  g_assert_true (dpo_notice_check ("About {{last_name}}", "Dear {{first_name}},\n{{co_insured}}", &error));
  g_assert_no_error (error);

  g_assert_false (dpo_notice_check ("Subject", "Dear,\n\nMadame {{nom}},\n", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  assert_contains (error->message, "Text: Unknown placeholder {{nom}} on line 3.");
  assert_contains (error->message, "{{first_name}}, {{last_name}}, {{member_number}}, {{co_insured}}");
  g_clear_error (&error);

  g_assert_false (dpo_notice_check ("Hello {{last_name", "Body", &error));
  assert_contains (error->message, "Subject: A placeholder is not closed on line 1");
  g_clear_error (&error);

  g_assert_false (dpo_notice_check ("Hello {{ last_name }}", "Body", &error));
  g_clear_error (&error);
  g_assert_false (dpo_notice_check ("  ", "Body", &error));
  g_assert_cmpstr (error->message, ==, "Subject: it is empty; the people need to see what the message is about");
  g_clear_error (&error);
  g_assert_false (dpo_notice_check ("Subject", "\n", &error));
  g_assert_true (g_str_has_prefix (error->message, "Text: it is empty"));
  g_clear_error (&error);
}

static void
test_expand (void)
{
  const char *text = "Member number: {{member_number}}\n\nDear {{first_name}} {{last_name}},\n\n"
                     "Your data were stolen.\n\nYour co-insured too: {{co_insured}}.\n\n"
                     "Regards,\n{{co_insured}}\nThe DPO";
  DpoNoticePerson alone = { "Luc", "Bernard", NULL, "" };
  DpoNoticePerson family = { "Claire", "Martin", "IP-104233", "Luc Martin, Emma Martin" };
  g_autofree char *one = dpo_notice_expand_for (text, &alone);
  g_autofree char *two = dpo_notice_expand_for (text, &family);
  g_autofree char *example = dpo_notice_expand_for ("{{first_name}} {{last_name}}",
                                                    dpo_notice_example_person ());
  g_autofree char *typed = dpo_notice_expand_for ("{{ x }} {{a} {{last_name}}}", &alone);

  /* Lines whose placeholders are all empty go, with their paragraph's blank line. */
  g_assert_cmpstr (one, ==, "Dear Luc Bernard,\n\nYour data were stolen.\n\nRegards,\nThe DPO");
  g_assert_cmpstr (two, ==, "Member number: IP-104233\n\nDear Claire Martin,\n\nYour data were stolen.\n\n"
                            "Your co-insured too: Luc Martin, Emma Martin.\n\nRegards,\n"
                            "Luc Martin, Emma Martin\nThe DPO");
  g_assert_cmpstr (example, ==, "Claire Martin");
  /* At the end too, without leaving a blank line behind. */
  {
    g_autofree char *last = dpo_notice_expand_for ("A\n\nToo: {{co_insured}}", &alone);
    g_autofree char *ended = dpo_notice_expand_for ("A\n\nToo: {{co_insured}}\n", &alone);

    g_assert_cmpstr (last, ==, "A");
    g_assert_cmpstr (ended, ==, "A\n");
  }
  /* What is not a placeholder stays as typed. */
  g_assert_cmpstr (typed, ==, "{{ x }} {{a} Bernard}");
}

/* The draft of the example, filled for a person without co-insured: no
 * line is left half empty. */
static void
test_draft_expanded (void)
{
  g_autoptr(DpoNotice) notice = example_draft ();
  DpoNoticePerson person = { "Luc", "Bernard", "IP-088112", NULL };
  g_autofree char *body = dpo_notice_expand_for (notice->body, &person);

  g_assert_true (g_str_has_prefix (body, "Member number: IP-088112\n\nDear Luc Bernard,\n\n"));
  g_assert_null (strstr (body, "beneficiaries of your contract"));
  g_assert_null (strstr (body, "{{"));
  g_assert_null (strstr (body, "\n\n\n"));
}

static void
test_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store (AS_OF, &path);
  g_autoptr(DpoNotice) notice = dpo_notice_new ("Breach at {{last_name}}’s insurer",
                                                "Dear {{first_name}},\n\nSorry.\n");
  g_autoptr(DpoNotice) bad = dpo_notice_new ("Subject", "Dear {{prenom}}");
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  const char *audit_sql = dpo_test_engine_is_server ()
    ? "SELECT count(*) FROM audit WHERE entity = 'incident' AND action = 'update' "
      "AND changes::jsonb #>> '{notice,1,body}' = 'Dear {{first_name}},\n\nSorry.\n'"
    : "SELECT count(*) FROM audit WHERE entity = 'incident' AND action = 'update' "
      "AND json_extract (changes, '$.notice[1].body') = 'Dear {{first_name}},\n\nSorry.\n'";

  g_assert_true (dpo_store_save_notice (store, INCIDENT, notice, &error));
  g_assert_no_error (error);
  incident = dpo_store_get_incident (store, INCIDENT, &error);
  g_assert_cmpstr (incident->notice_subject, ==, notice->subject);
  g_assert_cmpstr (incident->notice_body, ==, notice->body);
  g_assert_cmpint (dpo_test_query_int (path, audit_sql), ==, 1);

  /* The same again changes nothing and logs nothing. */
  g_assert_true (dpo_store_save_notice (store, INCIDENT, notice, &error));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'incident' "
                                             "AND action = 'update'"), ==, 1);

  /* A wrong placeholder is refused; the stored notice stays. */
  g_assert_false (dpo_store_save_notice (store, INCIDENT, bad, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  assert_contains (error->message, "{{prenom}}");
  g_clear_error (&error);
  g_assert_false (dpo_store_save_notice (store, "INC-NONE", notice, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Editing the incident keeps its notice; a wrong one is refused there too. */
  g_free (incident->title);
  incident->title = g_strdup ("Viamedis");
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_clear_pointer (&incident, dpo_incident_free);
  incident = dpo_store_get_incident (store, INCIDENT, &error);
  g_assert_cmpstr (incident->notice_body, ==, notice->body);
  g_free (incident->notice_body);
  incident->notice_body = g_strdup ("{{nom}}");
  g_assert_false (dpo_store_save_incident (store, incident, &error));
  g_clear_error (&error);
  g_free (incident->notice_body);
  incident->notice_body = NULL;
  g_assert_false (dpo_store_save_incident (store, incident, &error));     /* a subject alone */
  g_clear_error (&error);

  /* NULL takes it away. */
  g_assert_true (dpo_store_save_notice (store, INCIDENT, NULL, &error));
  g_clear_pointer (&incident, dpo_incident_free);
  incident = dpo_store_get_incident (store, INCIDENT, &error);
  g_assert_null (incident->notice_subject);
  g_assert_null (incident->notice_body);
}

/* The preview's person: a household of the affected population. */
static void
test_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store (AS_OF, &path);
  g_autoptr(DpoNoticeSample) sample = NULL;
  g_autoptr(GError) error = NULL;

  /* Nobody recorded as affected yet. */
  g_assert_null (dpo_store_notice_sample (store, INCIDENT, &error));
  g_assert_no_error (error);
  g_assert_null (dpo_store_notice_sample (store, "INC-NONE", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Claire Martin, listed, alone. */
  dpo_test_exec (path, "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 1 "
                       "FROM incidents i, subjects s WHERE s.id = 'S-0001'");
  sample = dpo_store_notice_sample (store, INCIDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sample->id, ==, "S-0001");
  g_assert_cmpstr (sample->first_name, ==, "Claire");
  g_assert_cmpstr (sample->last_name, ==, "Martin");
  g_assert_cmpstr (sample->member_number, ==, "IP-104233");
  g_assert_null (sample->co_insured);
  g_clear_pointer (&sample, dpo_notice_sample_free);

  /* Her contract covers Luc Bernard and Sophie Lefèvre, affected as co-insured;
   * Paolo Rossi, listed, has nobody: the household with co-insured is chosen. */
  dpo_test_exec (path, "INSERT INTO contract_beneficiaries (contract, subject) SELECT c.pk, s.pk "
                       "FROM contracts c, subjects s WHERE c.number = 'CT-2019-0042' "
                       "AND s.id IN ('S-0002', 'S-0003');"
                       "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 0 "
                       "FROM incidents i, subjects s WHERE s.id IN ('S-0002', 'S-0003');"
                       "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 1 "
                       "FROM incidents i, subjects s WHERE s.id = 'S-0004'");
  sample = dpo_store_notice_sample (store, INCIDENT, &error);
  g_assert_cmpstr (sample->id, ==, "S-0001");
  g_assert_cmpstr (sample->co_insured, ==, "Luc Bernard, Sophie Lefèvre");
}

static char *
document_with_notice (const char *notice_json)
{
  return g_strdup_printf ("{\"format\": \"dpo-workbench\", \"version\": 1, \"incidents\": [{"
                          "\"id\": \"INC-9\", \"title\": \"T\", \"natures\": [\"confidentiality\"], "
                          "\"aware_at\": \"2024-02-01T17:30:00+01:00\", \"risk\": \"high\", "
                          "\"notice\": %s}]}", notice_json);
}

static void
test_json_round_trip (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoStore) second = dpo_test_new_store (NULL);
  g_autofree char *doc = document_with_notice (
    "{\"subject\": \"Violation chez Viamedis : {{last_name}}\", "
    "\"body\": \"Madame, Monsieur {{last_name}},\\n\\n- « guillemets » \\\"quoted\\\"\\n\\t{{co_insured}}\\n\"}");
  g_autoptr(GBytes) bytes = g_bytes_new (doc, strlen (doc));
  g_autoptr(GError) error = NULL;
  g_autofree char *first_export = NULL, *second_export = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(DpoIncident) incident = NULL;

  g_assert_true (dpo_import_bytes (store, bytes, "notice.json", NULL, &error));
  g_assert_no_error (error);
  incident = dpo_store_get_incident (store, "INC-9", &error);
  g_assert_cmpstr (incident->notice_subject, ==, "Violation chez Viamedis : {{last_name}}");
  g_assert_cmpstr (incident->notice_body, ==,
                   "Madame, Monsieur {{last_name}},\n\n- « guillemets » \"quoted\"\n\t{{co_insured}}\n");

  first_export = dpo_test_export (store, AS_OF);
  assert_contains (first_export, "\"notice\"");
  assert_contains (first_export, "Violation chez Viamedis : {{last_name}}");
  exported = g_bytes_new (first_export, strlen (first_export));
  g_assert_true (dpo_import_bytes (second, exported, "exported.json", NULL, &error));
  g_assert_no_error (error);
  second_export = dpo_test_export (second, AS_OF);
  g_assert_cmpstr (first_export, ==, second_export);
}

static void
assert_import_fails (const char *notice_json,
                     const char *message_part)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autofree char *doc = document_with_notice (notice_json);
  g_autoptr(GBytes) bytes = g_bytes_new (doc, strlen (doc));
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_import_bytes (store, bytes, "notice.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  assert_contains (error->message, message_part);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents"), ==, 0);
}

static void
test_json_bad_notice (void)
{
  assert_import_fails ("{\"subject\": \"S\", \"body\": \"Dear {{first_name}},\\n\\nMadame {{nom}}\"}",
                       "at incidents[0].notice.body: Unknown placeholder {{nom}} on line 3.");
  assert_import_fails ("{\"subject\": \"{{last_name\", \"body\": \"B\"}",
                       "at incidents[0].notice.subject: A placeholder is not closed on line 1");
  assert_import_fails ("{\"subject\": \"S\"}", "incidents[0].notice.body");
  assert_import_fails ("\"Dear all\"", "incidents[0].notice");
  assert_import_fails ("{\"subject\": \"\", \"body\": \"B\"}", "incidents[0].notice");
}

static int
run_dpo (const char * const  *args,
         const char * const  *env_extra,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);
      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store (AS_OF, &path);
  g_autoptr(DpoNotice) edited = dpo_notice_new ("Edited", "Dear {{last_name}},\n\nEdited by hand.\n");
  g_autofree char *out = NULL, *err = NULL;
  const char *french[] = { "LC_ALL=fr_FR.UTF-8", "LANGUAGE=fr", NULL };

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", INCIDENT, NULL },
                            NULL, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Subject: Personal data breach at Viamedis"));
  assert_contains (out, "75334 Paris Cedex 07");
  g_assert_true (g_str_has_suffix (out, "Mutuelle Santé Horizon\n"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_body IS NOT NULL"),
                   ==, 0);

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", INCIDENT, "--save", NULL },
                            NULL, &out, &err), ==, 0);
  assert_contains (err, "Stored as the notice of incident INC-2024-01");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_body LIKE "
                                             "'%Dear {{first_name}} {{last_name}},%'"), ==, 1);

  /* A notice edited since is printed as stored, and kept from a plain --save. */
  g_assert_true (dpo_store_save_notice (store, INCIDENT, edited, NULL));
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", INCIDENT, NULL },
                            NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Subject: Edited\n\nDear {{last_name}},\n\nEdited by hand.\n");
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", INCIDENT, "--save", NULL },
                            NULL, &out, &err), ==, 1);
  assert_contains (err, "has a notice already; add --draft");
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", "--draft", INCIDENT, NULL },
                            NULL, &out, &err), ==, 0);
  assert_contains (out, "Dear {{first_name}} {{last_name}},");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_subject = 'Edited'"),
                   ==, 1);

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", "INC-NONE", NULL },
                            NULL, &out, &err), ==, 1);
  assert_contains (err, "There is no incident “INC-NONE”");
  g_assert_cmpint (run_dpo ((const char *[]) { "notice", "--help", NULL }, NULL, &out, &err), ==, 0);
  assert_contains (out, "--draft");
  assert_contains (out, "--save");
  g_assert_cmpint (run_dpo ((const char *[]) { "--help", NULL }, NULL, &out, &err), ==, 0);
  assert_contains (out, "notice INCIDENT-ID");

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    return;
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "notice", "--draft", "--save", INCIDENT, NULL },
                            french, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Objet : Violation de données personnelles chez Viamedis"));
  assert_contains (out, "Le 1er février 2024, nous avons été informés");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE notice_body LIKE "
                                             "'%Madame, Monsieur,%'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DPO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice/draft/english", test_draft_english);
  g_test_add_func ("/notice/draft/from-categories", test_draft_from_categories);
  g_test_add_func ("/notice/draft/french", test_draft_french);
  g_test_add_func ("/notice/draft/expanded", test_draft_expanded);
  g_test_add_func ("/notice/check", test_check);
  g_test_add_func ("/notice/expand", test_expand);
  g_test_add_func ("/notice/store", test_store);
  g_test_add_func ("/notice/sample", test_sample);
  g_test_add_func ("/notice/json/round-trip", test_json_round_trip);
  g_test_add_func ("/notice/json/bad-notice", test_json_bad_notice);
  g_test_add_func ("/notice/cli", test_cli);
  return g_test_run ();
}
