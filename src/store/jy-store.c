/* jy-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-store.h"

#include "jy-backup.h"
#include "jy-clock.h"
#include "jy-migrations.h"

/* Enough readers for the worklists of one screen to load side by side. */
#define MAX_READERS 4
/* A report's months on both cores, and one more for a second report. */
#define MAX_SCANNERS 3

typedef struct
{
  GAsyncQueue *idle;
  GMutex       lock;
  guint        n;
  guint        max;
  gboolean     mapped;
} ReaderPool;

struct _JyStore
{
  GObject      parent_instance;

  char        *path;
  JyActor     *session;
  GMutex       session_lock;

  /* Writes: one thread, one connection, one transaction per job. The
   * thread owns its connection and a reference on the queue (Writer). */
  GThread     *writer_thread;
  GAsyncQueue *write_jobs;

  /* Reads: small pools of connections, each used by one thread at a
   * time: readers for what a screen shows, scanners (the file mapped) for
   * reports that read most of it. */
  ReaderPool   readers;
  ReaderPool   scanners;
};

G_DEFINE_FINAL_TYPE (JyStore, jy_store, G_TYPE_OBJECT)

static void
pool_init (ReaderPool *pool,
           guint       max,
           gboolean    mapped)
{
  g_mutex_init (&pool->lock);
  pool->idle = g_async_queue_new ();
  pool->max = max;
  pool->mapped = mapped;
}

static void
pool_clear (ReaderPool *pool)
{
  JyDb *reader;

  while ((reader = g_async_queue_try_pop (pool->idle)) != NULL)
    jy_db_close (reader);
  g_clear_pointer (&pool->idle, g_async_queue_unref);
  g_mutex_clear (&pool->lock);
}

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  JyStoreFunc     func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  JyActor        *session;
  GCancellable   *cancellable;

  /* Either a task (async) or a condition the caller waits on (blocking). */
  GTask          *task;
  GMutex          lock;
  GCond           cond;
  gboolean        finished;
  gpointer        result;
  GError         *error;

  gboolean        stop;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_pointer (&job->session, jy_actor_unref);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->task);
  g_clear_error (&job->error);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static gpointer
run_in_transaction (JyDb          *db,
                    JyStoreFunc    func,
                    gpointer       data,
                    GDestroyNotify result_free,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gpointer result;

  /* A job is either run whole or not at all: cancellation is only
   * honoured before it starts. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!jy_db_begin (db, error))
    return NULL;

  result = func (db, data, cancellable, error);
  if (result == NULL)
    {
      g_assert (error == NULL || *error != NULL);
      jy_db_rollback (db);
      return NULL;
    }

  if (!jy_db_commit (db, error))
    {
      jy_db_rollback (db);
      if (result_free != NULL && result != JY_STORE_DONE)
        result_free (result);
      return NULL;
    }

  return result;
}

/* What the writer thread owns. The last reference on the store may be
 * dropped on this very thread (a finished job's GTask holds one), so the
 * thread must not depend on the store outliving it. */
typedef struct
{
  GAsyncQueue *jobs;
  JyDb        *db;
} Writer;

static gpointer
writer_thread_main (gpointer user_data)
{
  Writer *writer = user_data;

  for (;;)
    {
      WriteJob *job = g_async_queue_pop (writer->jobs);
      g_autoptr(GError) error = NULL;
      gpointer result;

      if (job->stop)
        {
          write_job_free (job);
          break;
        }

      jy_db_set_session (writer->db, job->session);
      result = run_in_transaction (writer->db, job->func, job->data, job->result_free,
                                   job->cancellable, &error);

      if (job->task != NULL)
        {
          if (result == NULL)
            g_task_return_error (job->task, g_steal_pointer (&error));
          else
            g_task_return_pointer (job->task, result,
                                   result == JY_STORE_DONE ? NULL : job->result_free);
          write_job_free (job);
        }
      else
        {
          g_mutex_lock (&job->lock);
          job->result = result;
          job->error = g_steal_pointer (&error);
          job->finished = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->lock);
          /* The waiting caller frees a blocking job. */
        }
    }

  jy_db_close (writer->db);
  g_async_queue_unref (writer->jobs);
  g_free (writer);
  return NULL;
}

static void
jy_store_finalize (GObject *object)
{
  JyStore *self = (JyStore *)object;

  if (self->writer_thread != NULL)
    {
      WriteJob *stop = g_new0 (WriteJob, 1);

      /* Queued writes finish first: a change the user saved is never dropped. */
      stop->stop = TRUE;
      g_mutex_init (&stop->lock);
      g_cond_init (&stop->cond);
      g_async_queue_push (self->write_jobs, stop);
      /* On the writer thread itself (a job's task held the last reference)
       * it cannot wait for itself: it finishes after this returns. */
      if (g_thread_self () == self->writer_thread)
        g_thread_unref (self->writer_thread);
      else
        g_thread_join (self->writer_thread);
    }
  g_clear_pointer (&self->write_jobs, g_async_queue_unref);

  pool_clear (&self->readers);
  pool_clear (&self->scanners);
  g_mutex_clear (&self->session_lock);
  g_free (self->path);
  g_clear_pointer (&self->session, jy_actor_unref);

  G_OBJECT_CLASS (jy_store_parent_class)->finalize (object);
}

static void
jy_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  JyStore *self = JY_STORE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_take_boxed (value, jy_store_dup_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jy_store_class_init (JyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jy_store_finalize;
  object_class->get_property = jy_store_get_property;

  /* Notified on the thread that called jy_store_set_session(). */
  properties[PROP_SESSION] =
    g_param_spec_boxed ("session", NULL, NULL, JY_TYPE_ACTOR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jy_store_init (JyStore *self)
{
  g_mutex_init (&self->session_lock);
  self->session = jy_actor_new_system (NULL);
  pool_init (&self->readers, MAX_READERS, FALSE);
  pool_init (&self->scanners, MAX_SCANNERS, TRUE);
  self->write_jobs = g_async_queue_new ();
}

static gboolean
configure_writer (JyDb    *db,
                  GError **error)
{
  /* Checked before any pragma below writes to the file: a database from a
   * newer Jiayi is refused untouched. */
  int version = jy_db_get_user_version (db, error);

  if (version < 0)
    return FALSE;
  if (version > jy_migrations_latest ())
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_TOO_NEW,
                   "Database schema version %d is newer than this program knows (%d)",
                   version, jy_migrations_latest ());
      return FALSE;
    }

  if (!jy_db_exec (db,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA temp_store = MEMORY;"
                   "PRAGMA cache_size = -32768;",
                   error))
    return FALSE;

  /* A migration rewrites the centre's records: keep a copy of them as they
   * were first. No copy, no migration. */
  if (version > 0 && version < jy_migrations_latest ())
    {
      g_autofree char *backup = jy_backup_create (db, NULL, JY_BACKUP_BEFORE_MIGRATION,
                                                  JY_BACKUP_KEEP_DEFAULT, error);

      if (backup == NULL)
        {
          g_prefix_error (error, "Not migrated: ");
          return FALSE;
        }
    }

  return jy_migrations_run (db, jy_migrations_latest (), error);
}

JyStore *
jy_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(JyStore) self = NULL;
  g_autoptr(JyDb) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  writer = jy_db_open (path, JY_DB_OPEN_CREATE, &local_error);
  if (writer == NULL || !configure_writer (writer, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (JY_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  {
    Writer *state = g_new0 (Writer, 1);

    state->jobs = g_async_queue_ref (self->write_jobs);
    state->db = g_steal_pointer (&writer);
    self->writer_thread = g_thread_new ("jiayi-writer", writer_thread_main, state);
  }

  return g_steal_pointer (&self);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  JyStore *store = jy_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Opening may run a migration, which can take seconds on a big centre. */
void
jy_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, jy_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

JyStore *
jy_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
jy_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiayi", "jiayi.db", NULL);
}

const char *
jy_store_get_path (JyStore *self)
{
  g_return_val_if_fail (JY_IS_STORE (self), NULL);
  return self->path;
}

/* Returns the uuid recorded as author of changes ("system" unless a
 * session or actor was set). Borrowed: valid until the session changes. */
const char *
jy_store_get_actor (JyStore *self)
{
  g_return_val_if_fail (JY_IS_STORE (self), NULL);
  return jy_actor_get_uuid (self->session);
}

/* The CLI and tests: a system session (every permission) recorded under
 * @actor, NULL for "system". */
void
jy_store_set_actor (JyStore    *self,
                    const char *actor)
{
  g_autoptr(JyActor) session = NULL;

  g_return_if_fail (JY_IS_STORE (self));

  session = jy_actor_new_system (actor);
  jy_store_set_session (self, session);
}

/**
 * jy_store_set_session:
 * @self: a #JyStore
 * @session: (nullable): who works from now on; %NULL for the system
 *
 * Jobs queued from now on run for @session: their permission checks
 * (jy_store_require) and their audit rows use it. A job already queued
 * keeps the session it was queued with.
 */
void
jy_store_set_session (JyStore *self,
                      JyActor *session)
{
  gboolean changed;

  g_return_if_fail (JY_IS_STORE (self));

  g_mutex_lock (&self->session_lock);
  changed = !jy_actor_equal (self->session, session) || session == NULL;
  g_clear_pointer (&self->session, jy_actor_unref);
  self->session = session != NULL ? jy_actor_ref (session) : jy_actor_new_system (NULL);
  g_mutex_unlock (&self->session_lock);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Returns: (transfer full): the current session, never NULL */
JyActor *
jy_store_dup_session (JyStore *self)
{
  JyActor *session;

  g_return_val_if_fail (JY_IS_STORE (self), NULL);

  g_mutex_lock (&self->session_lock);
  session = jy_actor_ref (self->session);
  g_mutex_unlock (&self->session_lock);
  return session;
}

gboolean
jy_store_session_can (JyStore      *self,
                      JyPermission  permission)
{
  g_autoptr(JyActor) session = NULL;

  g_return_val_if_fail (JY_IS_STORE (self), FALSE);

  session = jy_store_dup_session (self);
  return jy_actor_can (session, permission);
}

static JyDb *
acquire_reader (JyStore     *self,
                ReaderPool  *pool,
                GError     **error)
{
  JyDb *reader = g_async_queue_try_pop (pool->idle);
  gboolean may_open;

  if (reader != NULL)
    return reader;

  g_mutex_lock (&pool->lock);
  may_open = pool->n < pool->max;
  if (may_open)
    pool->n++;
  g_mutex_unlock (&pool->lock);

  if (!may_open)
    return g_async_queue_pop (pool->idle);

  /* Scanners map the file: a month's report at 200,000 residents spent a
   * third of its time copying pages in pread(). Readers do not: the few
   * random lookups of a resident's page were slower on a mapped file (a
   * page fault for each new page, 22 → 27 ms to paint). SQLite caps the
   * size at its compile-time limit (2 GB on Debian). */
  reader = jy_db_open (self->path, JY_DB_OPEN_QUERY_ONLY, error);
  if (reader == NULL ||
      !jy_db_exec (reader,
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA temp_store = MEMORY;"
                   "PRAGMA cache_size = -32768;",
                   error) ||
      (pool->mapped && !jy_db_exec (reader, "PRAGMA mmap_size = 2147418112", error)))
    {
      g_clear_pointer (&reader, jy_db_close);
      g_mutex_lock (&pool->lock);
      pool->n--;
      g_mutex_unlock (&pool->lock);
      return NULL;
    }

  return reader;
}

static gpointer
read_as (JyStore       *self,
         ReaderPool    *pool,
         JyActor       *session,
         JyStoreFunc    func,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  JyDb *reader = acquire_reader (self, pool, error);
  gpointer result;

  if (reader == NULL)
    return NULL;

  /* One snapshot for the whole job, so its queries agree with each other. */
  jy_db_set_session (reader, session);
  result = run_in_transaction (reader, func, data, NULL, cancellable, error);
  g_async_queue_push (pool->idle, reader);

  return result;
}

gpointer
jy_store_read_scan (JyStore       *self,
                    JyStoreFunc    func,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(JyActor) session = NULL;

  g_return_val_if_fail (JY_IS_STORE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  JY_ASSERT_NOT_UI_THREAD ();

  session = jy_store_dup_session (self);
  return read_as (self, &self->scanners, session, func, data, cancellable, error);
}

gpointer
jy_store_read (JyStore       *self,
               JyStoreFunc    func,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JyActor) session = NULL;

  g_return_val_if_fail (JY_IS_STORE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  JY_ASSERT_NOT_UI_THREAD ();

  session = jy_store_dup_session (self);
  return read_as (self, &self->readers, session, func, data, cancellable, error);
}

typedef struct
{
  JyStoreFunc    func;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  JyActor       *session;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_pointer (&job->session, jy_actor_unref);
  g_free (job);
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gpointer result = read_as (source_object, &JY_STORE (source_object)->readers, job->session, job->func,
                            job->data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, result == JY_STORE_DONE ? NULL : job->result_free);
}

void
jy_store_read_async (JyStore             *self,
                     JyStoreFunc          func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (JY_IS_STORE (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (ReadJob, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  /* The session of the moment the read was asked for, not of when a
   * worker thread gets to it. */
  job->session = jy_store_dup_session (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jy_store_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_worker);
}

gpointer
jy_store_read_finish (JyStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static WriteJob *
write_job_new (JyStore       *self,
               JyStoreFunc    func,
               gpointer       data,
               GCancellable  *cancellable)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->func = func;
  job->data = data;
  job->session = jy_store_dup_session (self);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  return job;
}

gpointer
jy_store_write (JyStore       *self,
                JyStoreFunc    func,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  WriteJob *job;
  gpointer result;

  g_return_val_if_fail (JY_IS_STORE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (g_thread_self () != self->writer_thread, NULL);
  JY_ASSERT_NOT_UI_THREAD ();

  job = write_job_new (self, func, data, cancellable);
  g_async_queue_push (self->write_jobs, job);

  g_mutex_lock (&job->lock);
  while (!job->finished)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);

  result = job->result;
  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  write_job_free (job);

  return result;
}

void
jy_store_write_async (JyStore             *self,
                      JyStoreFunc          func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  WriteJob *job;

  g_return_if_fail (JY_IS_STORE (self));
  g_return_if_fail (func != NULL);

  job = write_job_new (self, func, data, cancellable);
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (job->task, jy_store_write_async);
  g_async_queue_push (self->write_jobs, job);
}

gpointer
jy_store_write_finish (JyStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
