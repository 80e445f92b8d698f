/* dpo-test-family.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Contracts covering several people, for the core and the UI tests. */
#define DPO_TEST_FAMILY_HEAD "{\"format\": \"dpo-workbench\", \"version\": 1, \"subjects\": ["

/* Jean Dupont holds C-1 (open) covering Anne and Léo (listed out of
 * order, Léo further down the file than Jean); Paul held C-9, ended. */
static const char DPO_TEST_FAMILY[] =
  DPO_TEST_FAMILY_HEAD
  "{\"id\": \"S-1\", \"last_name\": \"Dupont\", \"first_name\": \"Jean\", \"contracts\": ["
  "  {\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"end_date\": null,"
  "   \"beneficiaries\": [\"S-3\", \"S-2\"]}]},"
  "{\"id\": \"S-2\", \"last_name\": \"Dupont\", \"first_name\": \"Anne\"},"
  "{\"id\": \"S-3\", \"last_name\": \"Dupont\", \"first_name\": \"Léo\"},"
  "{\"id\": \"S-4\", \"last_name\": \"Morel\", \"first_name\": \"Paul\", \"contracts\": ["
  "  {\"number\": \"C-9\", \"start_date\": \"2010-01-01\", \"end_date\": \"2020-12-31\","
  "   \"beneficiaries\": [\"S-5\"]}]},"
  "{\"id\": \"S-5\", \"last_name\": \"Morel\", \"first_name\": \"Lise\"}],"
  "\"requests\": ["
  "{\"id\": \"R-1\", \"subject\": \"S-2\", \"kind\": \"erasure\", \"received_at\": \"2024-03-01T10:00:00+01:00\"},"
  "{\"id\": \"R-2\", \"subject\": \"S-4\", \"kind\": \"erasure\", \"received_at\": \"2024-03-01T10:00:00+01:00\"},"
  "{\"id\": \"R-3\", \"subject\": \"S-5\", \"kind\": \"erasure\", \"received_at\": \"2024-03-01T10:00:00+01:00\"}]}";
