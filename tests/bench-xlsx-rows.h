/* bench-xlsx-rows.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* The requests of the export benchmark, generated from their number alone,
 * so that bench-xlsx (through the store and the core's export) and
 * bench-xlsx-bare (libxlsxwriter alone) write the same cells. */

#define BENCH_REQUESTS  1100000
#define BENCH_SUBJECTS  100000
/* 2020-01-06T09:00:00Z; one request every 127 seconds: four years. */
#define BENCH_EPOCH     G_GINT64_CONSTANT (1578301200)
#define BENCH_STEP      127
#define BENCH_DAY       (24 * 3600)

static const char * const bench_kinds[] = {
  "access", "rectification", "erasure", "restriction", "portability", "objection"
};
static const char * const bench_kind_labels[] = {
  "Access", "Rectification", "Erasure", "Restriction", "Portability", "Objection"
};
static const char * const bench_channels[] = { "email", "post", "phone", "web", "in_person" };
static const char * const bench_channel_labels[] = { "Email", "Post", "Phone", "Web", "In person" };
static const char * const bench_statuses[] = { "received", "in_progress", "answered", "refused" };
static const char * const bench_status_labels[] = { "Received", "In progress", "Answered", "Refused" };

/* DPO_BENCH_REQUESTS, for a quick trial run: fewer requests. */
static inline guint64
bench_requests (void)
{
  const char *text = g_getenv ("DPO_BENCH_REQUESTS");
  guint64 n = BENCH_REQUESTS;

  if (text != NULL)
    g_ascii_string_to_unsigned (text, 10, 1, BENCH_REQUESTS, &n, NULL);
  return n;
}

typedef struct
{
  char        id[16];
  gint64      received;        /* Unix time */
  guint       kind;
  guint       channel;
  int         subject;         /* index, or -1 for a requester */
  char        requester[24];
  gint64      verified;        /* 0: not yet */
  gint64      extension;       /* 0: not extended */
  guint       status;
  gint64      answered;        /* 0: not answered */
  const char *outcome;
  const char *refusal_ground;
} BenchRow;

static inline void
bench_row (guint64   i,
           BenchRow *row)
{
  g_snprintf (row->id, sizeof row->id, "R-%07" G_GUINT64_FORMAT, i + 1);
  row->received = BENCH_EPOCH + (gint64) i * BENCH_STEP;
  row->kind = i % G_N_ELEMENTS (bench_kinds);
  row->channel = i % G_N_ELEMENTS (bench_channels);
  row->subject = i % 10 == 9 ? -1 : (int) (i % BENCH_SUBJECTS);
  g_snprintf (row->requester, sizeof row->requester, "Requester %" G_GUINT64_FORMAT, i);
  row->verified = i % 3 != 0 ? row->received + 2 * BENCH_DAY : 0;
  row->extension = i % 20 == 0 ? row->received + 20 * BENCH_DAY : 0;
  row->status = (i / 7) % G_N_ELEMENTS (bench_statuses);
  row->answered = row->status >= 2 ? row->received + 25 * BENCH_DAY : 0;
  row->outcome = row->status == 2 ? "The data was sent by email, with the notice." : NULL;
  row->refusal_ground = row->status == 3 ? "Active contract: the data is needed to perform it." : NULL;
}

/* Subject @n: "NOM00042 Prénom" in the register's Person column. */
static inline void
bench_subject_names (int   n,
                     char *last_name,
                     gsize last_size,
                     char *first_name,
                     gsize first_size)
{
  g_snprintf (last_name, last_size, "NOM%05d", n);
  g_snprintf (first_name, first_size, "Prénom");
}
