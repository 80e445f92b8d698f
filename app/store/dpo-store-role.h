/* dpo-store-role.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* Who may do what in a register (issue 13, item 3). On a PostgreSQL server
 * the session's login belongs to one of the group roles "dpo server init"
 * made (dpo_officer, dpo_agent, dpo_auditor) and the server enforces it with
 * its GRANTs and triggers; the core knows the same rule, in one table
 * (dpo-store-role.c), so that the window and the command line hide or refuse
 * what the server would refuse, and say which role it needs. A file has one
 * user, who is the officer. */

typedef enum
{
  DPO_ROLE_OFFICER,   /* everything */
  DPO_ROLE_AGENT,     /* people and requests, "am I affected?" */
  DPO_ROLE_AUDITOR,   /* reads, exports, verifies the audit log */
  DPO_ROLE_NONE,      /* a login in none of the three groups */
} DpoRole;

typedef enum
{
  DPO_RIGHT_READ_PEOPLE     = 1 << 0,  /* people, contracts, requests and the deadlines */
  DPO_RIGHT_EDIT_PEOPLE     = 1 << 1,  /* record and edit them, their letters, Art. 15-21 answers */
  DPO_RIGHT_CHECK_AFFECTED  = 1 << 2,  /* "am I affected?" */
  DPO_RIGHT_READ_REGISTERS  = 1 << 3,  /* incidents whole, their timeline, the audit log */
  DPO_RIGHT_EDIT_INCIDENTS  = 1 << 4,  /* incidents, their timeline, the people affected, campaigns */
  DPO_RIGHT_ERASE           = 1 << 5,  /* carry an erasure out, legal holds */
  DPO_RIGHT_EXPORT          = 1 << 6,  /* interchange file, registers workbook, incident report */
  DPO_RIGHT_IMPORT          = 1 << 7,  /* an interchange file into the register */
  DPO_RIGHT_SETTINGS        = 1 << 8,  /* the organisation, letter templates, settings */
  DPO_RIGHT_VERIFY_AUDIT    = 1 << 9,  /* dpo audit verify */
} DpoRight;

/* The rights of @role (the one table). */
DpoRight    dpo_role_get_rights        (DpoRole       role);
/* "officer", "agent", "auditor" (translated); "no role" for DPO_ROLE_NONE. */
const char *dpo_role_get_label         (DpoRole       role);
/* The roles that hold every right of @rights, least powerful first, in
 * words: "the officer role", "the agent or officer role". */
char       *dpo_role_describe_needed   (DpoRight      rights);

/* The role of this store's session: on a server, read when it was opened
 * (pg_has_role of the login; the owner of the tables counts as officer);
 * a file: DPO_ROLE_OFFICER. */
DpoRole     dpo_store_get_role         (DpoStore     *self);
/* The server login ("alice"); NULL for a file. */
const char *dpo_store_get_user         (DpoStore     *self);
/* The server's host (or socket folder) and database, "db.example.org/dpo";
 * NULL for a file. */
const char *dpo_store_get_server_name  (DpoStore     *self);
/* Whether this session holds every right of @rights. */
gboolean    dpo_store_can              (DpoStore     *self,
                                        DpoRight      rights);
/* TRUE if dpo_store_can(), else DPO_ERROR_NOT_PERMITTED saying what the
 * session's role is and which role the action needs. */
gboolean    dpo_store_require          (DpoStore     *self,
                                        DpoRight      rights,
                                        GError      **error);

/* Whether @path names a PostgreSQL server (postgresql://…, libpq's
 * key=value words) rather than a file. */
gboolean    dpo_store_path_is_server   (const char   *path);
/* @path fit to be shown: a server's address with its password masked. */
char       *dpo_store_dup_display_path (const char   *path);
/* What the window's header says of a session on a server: "alice (agent)
 * on db.example.org/dpo"; NULL for a file. */
char       *dpo_store_dup_session_label (DpoStore    *self);

G_END_DECLS
