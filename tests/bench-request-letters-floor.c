/* bench-request-letters-floor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "bench-letters-data.h"
#include "bench-request-letters.h"

/* The floor of bench-request-letters: bench-letters-bare (the bare
 * pango-cairo program) built with this file, so that it draws the refusal
 * letters `dpo letter --batch` writes for the benchmark's database instead
 * of the breach notice: the same recipient lines, reference and body text.
 * meson renames bench-letters-data.c's recipient, reference and body
 * functions, which these replace. */

void
bench_letter_recipient (const BenchLetterPerson *person,
                        char                    *out,
                        gsize                    size)
{
  g_snprintf (out, size, "%s %s\n%s%s%s\n%s %s", person->first_name, person->last_name,
              person->complement, *person->complement ? "\n" : "", person->street,
              person->postcode, person->city);
}

static guint64
number_of (const BenchLetterPerson *person)
{
  return g_ascii_strtoull (person->member_number + 2, NULL, 10);
}

void
bench_letter_reference (const BenchLetterPerson *person,
                        char                    *out,
                        gsize                    size)
{
  g_snprintf (out, size, "Our reference: " BENCH_REQUEST_ID_FORMAT, number_of (person));
}

void
bench_letter_body (const BenchLetterPerson *person,
                   GString                 *out)
{
  guint64 n = number_of (person);

  g_string_printf (out,
                   "Dear %s %s,\n\n"
                   "We received your request for the erasure of your personal data on 12 "
                   "February 2024 (reference " BENCH_REQUEST_ID_FORMAT "). We cannot grant it, "
                   "for the following reason:\n\n"
                   BENCH_REQUEST_GROUND_FORMAT "\n\n"
                   "Your data can be erased from 1 January 2025: you may renew your request "
                   "from that date.\n\n"
                   "If you disagree, you have the right to lodge a complaint with the "
                   "Commission nationale de l’informatique et des libertés (CNIL): CNIL, 3 "
                   "place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 (www.cnil.fr).\n\n"
                   "You also have the right to an effective judicial remedy before the courts "
                   "(Article 79 of the General Data Protection Regulation).\n\n"
                   "Yours sincerely,",
                   person->first_name, person->last_name, n, n);
}
