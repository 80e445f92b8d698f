/* bench-letters-data.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Realistic letters for the benchmarks of everything that prints letters
 * (bench-letters, the campaign's, the request letters'), the same for the
 * program measured and for its bare pango-cairo floor: person n of a
 * French member base (name, postal address, member number, e-mail for one
 * in two), and the notice of a breach, about 350 words of French with two
 * bullet lists. Deterministic: person n is the same in every run.
 */

#define BENCH_LETTER_SENDER_NAME  "Mutuelle Santé Horizon"
#define BENCH_LETTER_SENDER_LINES "12 avenue de la République\n69003 Lyon\n\n" \
                                  "Délégué à la protection des données : Jeanne Moreau\n" \
                                  "dpo@mutuelle-horizon.fr · 04 72 00 00 00"
#define BENCH_LETTER_PLACE_DATE   "Lyon, le 6 février 2024"
#define BENCH_LETTER_SUBJECT      "Information sur une violation de vos données personnelles"
#define BENCH_LETTER_SIGNATURE    "Jeanne Moreau\nDéléguée à la protection des données"

typedef struct
{
  char civility[16];       /* "Madame", "Monsieur" */
  char first_name[32];
  char last_name[32];
  char member_number[16];  /* "M-0000042" */
  char nir[16];            /* 13 digits, a valid-looking NIR without its key */
  char street[64];         /* "27 rue des Lilas" */
  char complement[48];     /* "Bâtiment B, appartement 12" or "" */
  char postcode[8];
  char city[40];           /* in capitals, as La Poste wants */
  char email[96];          /* "" for one person in two: they get a letter */
  char co_insured[80];     /* "Léa Martin, Hugo Martin" or "" */
} BenchLetterPerson;

void   bench_letter_person           (guint64                  n,
                                      BenchLetterPerson       *person);
/* "Madame Claire Martin\n27 rue des Lilas\n69003 LYON" into @out. */
void   bench_letter_recipient        (const BenchLetterPerson *person,
                                      char                    *out,
                                      gsize                    size);
/* "Notre référence : INC-2024-003/M-0000042" into @out. */
void   bench_letter_reference        (const BenchLetterPerson *person,
                                      char                    *out,
                                      gsize                    size);
/* The notice with {{first_name}}, {{last_name}}, {{member_number}} and
 * {{co_insured}} placeholders (dpo-template.h's syntax). */
const char *bench_letter_body_template (void);
/* The notice for @person, its placeholders filled, into @out (reused:
 * cleared first). */
void   bench_letter_body             (const BenchLetterPerson *person,
                                      GString                 *out);

G_END_DECLS
