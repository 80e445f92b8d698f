/* bench-requests-fill.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* A register the size of a big insurer's after a breach: @n_subjects
 * people (French surnames as frequent as in life, valid NIRs, member
 * numbers, a contract each) and @n_requests requests over the last four
 * years, most answered, some still open and overdue. Written straight with
 * SQLite (prepared statements, one transaction) into a database the store
 * created, so the schema, indexes and triggers are the store's own. The
 * most common French surname, "Martin", is the benchmark's name search. */
void bench_fill_database (const char *path,
                          guint       n_subjects,
                          guint       n_requests);

#define BENCH_SEARCH_NAME   "Martin"

/* The register of the file at @path (bench_fill_database()) copied into a
 * new database on the test server (DPO_TEST_PG_URI): its URI. */
char *bench_copy_to_server (const char *path);
