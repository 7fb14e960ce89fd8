/* jy-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"

G_BEGIN_DECLS

#define JY_TYPE_STORE (jy_store_get_type ())
G_DECLARE_FINAL_TYPE (JyStore, jy_store, JY, STORE, GObject)

/* A unit of database work. Runs on a worker thread with a connection of its
 * own, inside one transaction. Returns the result (NULL exactly when @error
 * is set); a job with nothing to return gives JY_STORE_DONE. */
typedef gpointer (*JyStoreFunc) (JyDb         *db,
                                 gpointer      data,
                                 GCancellable *cancellable,
                                 GError      **error);

#define JY_STORE_DONE GINT_TO_POINTER (1)

/* Blocking store calls must never run on the thread that draws the UI. */
#define JY_ASSERT_NOT_UI_THREAD() \
  g_assert (!g_main_context_is_owner (g_main_context_default ()))

typedef enum
{
  JY_CHANGE_CREATE,
  JY_CHANGE_UPDATE,
  JY_CHANGE_RETIRE,
} JyChangeOp;

JyStore    *jy_store_open                (const char          *path,
                                          GError             **error);
void        jy_store_open_async          (const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
JyStore    *jy_store_open_finish         (GAsyncResult        *result,
                                          GError             **error);
char       *jy_store_dup_default_path    (void);

const char *jy_store_get_path            (JyStore             *self);
const char *jy_store_get_actor           (JyStore             *self);
void        jy_store_set_actor           (JyStore             *self,
                                          const char          *actor);
void        jy_store_set_session         (JyStore             *self,
                                          JyActor             *session);
JyActor    *jy_store_dup_session         (JyStore             *self);
gboolean    jy_store_session_can         (JyStore             *self,
                                          JyPermission         permission);

gpointer    jy_store_read                (JyStore             *self,
                                          JyStoreFunc          func,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* The same on a connection that maps the database file: for jobs that
 * read much of it (a month's report), not for a screen's lookups. */
gpointer    jy_store_read_scan           (JyStore             *self,
                                          JyStoreFunc          func,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GError             **error);
void        jy_store_read_async          (JyStore             *self,
                                          JyStoreFunc          func,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GDestroyNotify       result_free,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gpointer    jy_store_read_finish         (JyStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

gpointer    jy_store_write               (JyStore             *self,
                                          JyStoreFunc          func,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GError             **error);
void        jy_store_write_async         (JyStore             *self,
                                          JyStoreFunc          func,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GDestroyNotify       result_free,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gpointer    jy_store_write_finish        (JyStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Inside any job: whether its session has @permission. Call
 * jy_store_require() first thing in every function that reads or writes
 * personal data (src/store/README.md, "Permissions"). */
gboolean    jy_store_require             (JyDb                *db,
                                          JyPermission         permission,
                                          GError             **error);
gboolean    jy_store_can                 (JyDb                *db,
                                          JyPermission         permission);

/* Inside a write job: queue the change for the platform and log it for the
 * audit trail, in the job's transaction (architecture invariant 1).
 * @detail is JSON, stored in the database only, never logged. */
gboolean    jy_store_record_change       (JyDb                *db,
                                          const char          *entity,
                                          const char          *row_uuid,
                                          JyChangeOp           op,
                                          gint64               rev,
                                          const char          *detail,
                                          GError             **error);
gboolean    jy_store_record_audit        (JyDb                *db,
                                          const char          *action,
                                          const char          *entity,
                                          const char          *row_uuid,
                                          const char          *detail,
                                          GError             **error);

G_END_DECLS
