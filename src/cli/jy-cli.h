/* jy-cli.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Headless subcommands: `jiayi SUBCOMMAND --db FILE …`. Each prints progress
 * on long work to stderr, a one-line summary to stdout, and returns the
 * process exit status (0 on success, 1 on failure, 2 on bad usage). */
typedef int (*JyCliCommand) (int    argc,
                             char **argv);

gboolean jy_cli_is_subcommand   (const char  *name);
int      jy_cli_main            (int          argc,
                                 char       **argv);

/* Shared by the subcommands. */
void     jy_cli_print_error     (const char  *command,
                                 GError      *error);
char    *jy_cli_describe_store_error (const GError *error);
/* A usage error: "jiayi COMMAND: MESSAGE" and the options; returns 2. */
int      jy_cli_usage_error     (const char     *command,
                                 GOptionContext *context,
                                 const char     *message);
/* Parses the options (--db required) and exactly one file argument into
 * @file_path; 0 to go on, else the exit status of a usage error. An extra
 * argument is reported with @extra_message, or named when it is NULL. */
int      jy_cli_parse_file_argument (const char      *command,
                                     GOptionContext  *context,
                                     int              argc,
                                     char           **argv,
                                     char           **db_path,
                                     char           **file_path,
                                     const char      *missing_message,
                                     const char      *extra_message);
char    *jy_cli_describe_import_error (const GError *error);
char    *jy_cli_describe_sync_error (const GError *error);

int      jy_cli_generate        (int          argc,
                                 char       **argv);
int      jy_cli_import          (int          argc,
                                 char       **argv);
int      jy_cli_export          (int          argc,
                                 char       **argv);
int      jy_cli_backup          (int          argc,
                                 char       **argv);
int      jy_cli_restore         (int          argc,
                                 char       **argv);
int      jy_cli_accounts        (int          argc,
                                 char       **argv);
int      jy_cli_sync            (int          argc,
                                 char       **argv);
int      jy_cli_packages        (int          argc,
                                 char       **argv);
int      jy_cli_drugs           (int          argc,
                                 char       **argv);
int      jy_cli_report          (int          argc,
                                 char       **argv);

G_END_DECLS
