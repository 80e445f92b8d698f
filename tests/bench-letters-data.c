/* bench-letters-data.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bench-letters-data.h"

static const char * const women[] = {
  "Claire", "Camille", "Léa", "Manon", "Chloé", "Élodie", "Inès", "Sophie", "Hélène", "Anaïs",
  "Céline", "Nathalie", "Françoise", "Zoé", "Maëlle", "Agnès",
};
static const char * const men[] = {
  "Jean", "Hugo", "Lucas", "Théo", "Nicolas", "François", "Jérôme", "Loïc", "Benoît", "Éric",
  "Mathieu", "Raphaël", "Stéphane", "Gaël", "Noël", "Antoine",
};
static const char * const last_names[] = {
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
  "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
  "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert",
  "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
  "Müller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
  "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Da Silva", "N’Diaye", "Le Gall", "Hébert",
};
static const char * const streets[] = {
  "rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la Paix",
  "chemin des Vignes", "place de l’Église", "rue Victor Hugo", "allée des Châtaigniers",
  "impasse du Moulin", "rue du Général de Gaulle", "quai Saint-Vincent", "route de Genève",
};
static const struct { const char *postcode, *city; } cities[] = {
  { "69003", "LYON" }, { "75011", "PARIS" }, { "13008", "MARSEILLE" }, { "31000", "TOULOUSE" },
  { "67000", "STRASBOURG" }, { "44000", "NANTES" }, { "38000", "GRENOBLE" },
  { "42100", "SAINT-ÉTIENNE" }, { "74000", "ANNECY" }, { "01000", "BOURG-EN-BRESSE" },
  { "63000", "CLERMONT-FERRAND" }, { "73000", "CHAMBÉRY" },
};

static const char body_template[] =
  "Madame, Monsieur {{last_name}},\n"
  "\n"
  "Nous vous informons qu’un incident de sécurité a touché le 29 janvier 2024 l’un de nos "
  "prestataires, chargé du tiers payant, et que des données personnelles vous concernant ont "
  "pu être consultées par une personne non autorisée. Votre numéro d’adhérent est le "
  "{{member_number}}. Nous vous écrivons, comme le prévoit l’article 34 du règlement général "
  "sur la protection des données, parce que cet incident est susceptible d’engendrer un risque "
  "élevé pour vos droits et libertés.\n"
  "\n"
  "Les données concernées sont les suivantes :\n"
  "- votre nom, votre prénom, votre date de naissance et votre adresse postale ;\n"
  "- votre numéro de sécurité sociale et le nom de votre organisme d’assurance maladie "
  "obligatoire ;\n"
  "- les garanties de votre contrat et les montants remboursés au cours des douze derniers "
  "mois, sans le détail des actes médicaux.\n"
  "\n"
  "Les personnes couvertes par votre contrat sont aussi concernées : {{co_insured}}.\n"
  "\n"
  "Dès que nous en avons eu connaissance, nous avons coupé l’accès en cause, changé tous les "
  "mots de passe du prestataire, demandé un audit complet de ses systèmes et déposé plainte. "
  "La Commission nationale de l’informatique et des libertés (CNIL) a été notifiée dans les "
  "soixante-douze heures.\n"
  "\n"
  "Ces données pourraient être utilisées pour vous tromper. Nous vous recommandons de :\n"
  "- vous méfier de tout message, appel ou courrier qui se réclamerait de votre mutuelle ou "
  "de l’assurance maladie et vous demanderait des informations personnelles ;\n"
  "- ne jamais communiquer vos coordonnées bancaires, vos codes ou vos mots de passe, que nous "
  "ne vous demanderons jamais ;\n"
  "- surveiller vos relevés de remboursement et signaler toute opération que vous ne "
  "reconnaissez pas.\n"
  "\n"
  "Pour toute question, notre délégué à la protection des données est à votre disposition à "
  "l’adresse dpo@mutuelle-horizon.fr, au 04 72 00 00 00 ou par courrier à l’adresse ci-dessus. "
  "Vous avez également le droit d’introduire une réclamation auprès de la CNIL, 3 place de "
  "Fontenoy, TSA 80715, 75334 Paris Cedex 07, ou sur www.cnil.fr.\n"
  "\n"
  "Nous regrettons sincèrement cet incident et vous prions d’agréer, Madame, Monsieur "
  "{{last_name}}, l’expression de nos salutations distinguées.";

/* A cheap mix, so that neighbouring people do not look alike. */
static guint64
mix (guint64 n)
{
  n ^= n >> 33;
  n *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  n ^= n >> 33;
  return n;
}

#define PICK(array, seed) ((array)[(seed) % G_N_ELEMENTS (array)])

void
bench_letter_person (guint64            n,
                     BenchLetterPerson *person)
{
  guint64 h = mix (n + 1);
  gboolean woman = h & 1;
  const char *last = PICK (last_names, h >> 8);
  guint city = (h >> 20) % G_N_ELEMENTS (cities);

  memset (person, 0, sizeof *person);
  g_strlcpy (person->civility, woman ? "Madame" : "Monsieur", sizeof person->civility);
  g_strlcpy (person->first_name, woman ? PICK (women, h >> 1) : PICK (men, h >> 1),
             sizeof person->first_name);
  g_strlcpy (person->last_name, last, sizeof person->last_name);
  g_snprintf (person->member_number, sizeof person->member_number, "M-%07" G_GUINT64_FORMAT, n);
  g_snprintf (person->nir, sizeof person->nir, "%d%02d%02d%02d%03d%03d", woman ? 2 : 1,
              (int) (40 + (h >> 12) % 60), (int) (1 + (h >> 16) % 12), (int) (1 + (h >> 24) % 95),
              (int) (1 + (h >> 28) % 990), (int) (1 + (h >> 36) % 999));
  g_snprintf (person->street, sizeof person->street, "%u %s", (guint) (1 + (h >> 40) % 180),
              PICK (streets, h >> 44));
  if ((h >> 48) % 4 == 0)
    g_snprintf (person->complement, sizeof person->complement, "Bâtiment %c, appartement %u",
                'A' + (int) ((h >> 50) % 4), (guint) (1 + (h >> 52) % 40));
  g_strlcpy (person->postcode, cities[city].postcode, sizeof person->postcode);
  g_strlcpy (person->city, cities[city].city, sizeof person->city);
  if ((h >> 56) & 1)
    {
      g_autofree char *address = g_ascii_strdown (person->last_name, -1);

      g_snprintf (person->email, sizeof person->email, "%s.%" G_GUINT64_FORMAT "@example.fr",
                  address, n);
      g_strdelimit (person->email, " ’", '-');
    }
  if ((h >> 58) % 3 == 0)
    g_snprintf (person->co_insured, sizeof person->co_insured, "%s %s, %s %s",
                PICK (women, h >> 3), last, PICK (men, h >> 5), last);
}

void
bench_letter_recipient (const BenchLetterPerson *person,
                        char                    *out,
                        gsize                    size)
{
  g_snprintf (out, size, "%s %s %s\n%s%s%s\n%s %s", person->civility, person->first_name,
              person->last_name, person->complement, *person->complement ? "\n" : "",
              person->street, person->postcode, person->city);
}

void
bench_letter_reference (const BenchLetterPerson *person,
                        char                    *out,
                        gsize                    size)
{
  g_snprintf (out, size, "Notre référence : INC-2024-003/%s", person->member_number);
}

const char *
bench_letter_body_template (void)
{
  return body_template;
}

static const char *
value_of (const BenchLetterPerson *person,
          const char              *name,
          gsize                    length)
{
  if (length == 10 && strncmp (name, "first_name", length) == 0)
    return person->first_name;
  if (length == 9 && strncmp (name, "last_name", length) == 0)
    return person->last_name;
  if (length == 13 && strncmp (name, "member_number", length) == 0)
    return person->member_number;
  if (length == 10 && strncmp (name, "co_insured", length) == 0)
    return *person->co_insured != '\0' ? person->co_insured : "aucune autre personne";
  return "";
}

void
bench_letter_body (const BenchLetterPerson *person,
                   GString                 *out)
{
  const char *p = body_template;
  const char *open;

  g_string_truncate (out, 0);
  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *close = strstr (open, "}}");

      g_string_append_len (out, p, open - p);
      g_string_append (out, value_of (person, open + 2, close - open - 2));
      p = close + 2;
    }
  g_string_append (out, p);
}
