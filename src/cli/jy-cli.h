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
char    *jy_cli_describe_import_error (const GError *error);
char    *jy_cli_describe_sync_error (const GError *error);

int      jy_cli_generate        (int          argc,
                                 char       **argv);
int      jy_cli_import          (int          argc,
                                 char       **argv);
int      jy_cli_export          (int          argc,
                                 char       **argv);
int      jy_cli_sync            (int          argc,
                                 char       **argv);

G_END_DECLS
