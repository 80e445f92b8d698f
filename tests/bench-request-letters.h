/* bench-request-letters.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the benchmark's database holds for person n, which its floor draws
 * too: request R-n, refused with this ground, for contract C-n. */
#define BENCH_REQUEST_ID_FORMAT "R-%07" G_GUINT64_FORMAT
#define BENCH_REQUEST_GROUND_FORMAT \
  "Active contract C-%07" G_GUINT64_FORMAT " (since 1 Jan 2019): the data are needed to " \
  "perform it (GDPR Art. 17(1)(a) and 6(1)(b))."
