/* dpo-cli-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* What the commands of `dpo` share: the exit codes, the parsed global
 * options and open store, the command table, and the helpers every
 * command uses. Each group of commands has a file of its own. */

/* Exit codes of DESIGN "Command line". */
enum {
  EXIT_OK = 0,
  EXIT_FAILURE_ = 1,
  EXIT_USAGE = 2,
  EXIT_REFUSED = 3,
};

typedef struct
{
  char      *database;
  char      *as_of;
  DpoStore  *store;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

/* In the order of "dpo --help". */
enum {
  CMD_IMPORT,
  CMD_EXPORT_JSON,
  CMD_EXPORT_REGISTERS,
  CMD_EXPORT_INCIDENT,
  CMD_EXECUTE,
  CMD_LETTER,
  CMD_DEADLINES,
  CMD_AUDIT,
  CMD_AFFECTED,
  CMD_NOTICE,
  CMD_CAMPAIGN,
  CMD_RESTRICTION,
  CMD_SERVER,
  CMD_COPY,
  N_COMMANDS
};

extern const Command dpo_cli_commands[N_COMMANDS];

int      dpo_cli_fail          (GError         *error);
gboolean dpo_cli_parse_options (const Command  *command,
                                GOptionEntry   *entries,
                                int            *argc,
                                char         ***argv,
                                int             n_args,
                                int            *exit_code);
gboolean dpo_cli_open_store    (Cli            *cli,
                                GError        **error);
gboolean dpo_cli_check_output  (GFile          *file,
                                GError        **error);

/* dpo-cli-requests.c */
int dpo_cli_run_execute     (Cli *cli, int argc, char **argv);
int dpo_cli_run_letter      (Cli *cli, int argc, char **argv);
int dpo_cli_run_restriction (Cli *cli, int argc, char **argv);
/* dpo-cli-deadlines.c */
int dpo_cli_run_deadlines   (Cli *cli, int argc, char **argv);
/* dpo-cli-copy.c */
int      dpo_cli_run_copy       (Cli *cli, int argc, char **argv);
/* `dpo audit verify` on a file or a server. */
gboolean dpo_cli_verify_audit   (const char  *database,
                                 char       **seal,
                                 guint64     *n_entries,
                                 GError     **error);
/* @database fit to be shown: a URI's password masked. */
char    *dpo_cli_shown_database (const char  *database);
/* @message on one line: its line breaks and runs of blanks made one space. */
char    *dpo_cli_one_line       (const char  *message);
/* dpo-cli-inform.c */
int dpo_cli_run_notice      (Cli *cli, int argc, char **argv);
int dpo_cli_run_campaign    (Cli *cli, int argc, char **argv);

G_END_DECLS
