/* jy-db.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "jy-actor.h"
#include "jy-store-error.h"

G_BEGIN_DECLS

/* One SQLite connection. A JyDb is used by one thread at a time; JyStore
 * decides which. Statements are cached by the address of their SQL text,
 * so pass `static const char` strings to jy_db_prepare(). */
typedef struct _JyDb JyDb;

typedef enum
{
  JY_DB_OPEN_READ_WRITE = 0,
  JY_DB_OPEN_READ_ONLY  = 1 << 0,
  JY_DB_OPEN_CREATE     = 1 << 1,
  /* Read-write file access (WAL needs it) but refuses writes: a reader. */
  JY_DB_OPEN_QUERY_ONLY = 1 << 2,
} JyDbOpenFlags;

JyDb         *jy_db_open               (const char     *path,
                                        JyDbOpenFlags   flags,
                                        GError        **error);
void          jy_db_close              (JyDb           *self);
sqlite3      *jy_db_get_handle         (JyDb           *self);
const char   *jy_db_get_path           (JyDb           *self);

/* Who the connection works for (JyStore sets it before each job): a
 * staff account, the system (the default) or nobody. */
JyActor      *jy_db_get_session        (JyDb           *self);
void          jy_db_set_session        (JyDb           *self,
                                        JyActor        *session);
/* The session's uuid, recorded as the author of changes. */
const char   *jy_db_get_actor          (JyDb           *self);
/* A system session recorded under @actor (the CLI, tests); NULL = "system". */
void          jy_db_set_actor          (JyDb           *self,
                                        const char     *actor);

sqlite3_stmt *jy_db_prepare            (JyDb           *self,
                                        const char     *sql,
                                        GError        **error);
int           jy_db_step               (JyDb           *self,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);
gboolean      jy_db_step_done          (JyDb           *self,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);
gboolean      jy_db_exec               (JyDb           *self,
                                        const char     *sql,
                                        GError        **error);
gboolean      jy_db_query_int64        (JyDb           *self,
                                        const char     *sql,
                                        gint64         *out_value,
                                        GError        **error);

gboolean      jy_db_begin              (JyDb           *self,
                                        GError        **error);
gboolean      jy_db_commit             (JyDb           *self,
                                        GError        **error);
void          jy_db_rollback           (JyDb           *self);
gboolean      jy_db_in_transaction     (JyDb           *self);

int           jy_db_get_user_version   (JyDb           *self,
                                        GError        **error);
gboolean      jy_db_set_user_version   (JyDb           *self,
                                        int             version,
                                        GError        **error);

gboolean      jy_db_set_error          (JyDb           *self,
                                        int             rc,
                                        GError        **error);

GArray       *jy_db_collect_int64      (JyDb           *self,
                                        sqlite3_stmt   *stmt,
                                        GCancellable   *cancellable,
                                        GError        **error);

gint64        jy_db_last_insert_rowid  (JyDb           *self);
int           jy_db_changes            (JyDb           *self);

/* Helpers for columns that may be NULL. */
void          jy_db_bind_text_or_null  (sqlite3_stmt   *stmt,
                                        int             index,
                                        const char     *text);
char         *jy_db_column_dup_text    (sqlite3_stmt   *stmt,
                                        int             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyDb, jy_db_close)

G_END_DECLS
