/* jy-sync-lane.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-lane.h"

typedef struct
{
  JySyncLaneFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  gboolean        stop;
} Job;

struct _JySyncLane
{
  GThread     *thread;
  GAsyncQueue *jobs;
  GMutex       lock;
  GCond        cond;
  guint        pushed;
  guint        done;
  GError      *error;
};

static gpointer
lane_main (gpointer user_data)
{
  JySyncLane *self = user_data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);
      g_autoptr(GError) error = NULL;
      gboolean failed, stop = job->stop;

      g_mutex_lock (&self->lock);
      failed = self->error != NULL;
      g_mutex_unlock (&self->lock);

      if (!stop && !failed && !job->func (job->data, &error))
        g_assert (error != NULL);
      if (job->data_free != NULL)
        job->data_free (job->data);
      g_free (job);

      g_mutex_lock (&self->lock);
      if (error != NULL && self->error == NULL)
        self->error = g_steal_pointer (&error);
      if (!stop)
        self->done++;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
      if (stop)
        return NULL;
    }
}

JySyncLane *
jy_sync_lane_new (const char *name)
{
  JySyncLane *self = g_new0 (JySyncLane, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->jobs = g_async_queue_new ();
  self->thread = g_thread_new (name, lane_main, self);
  return self;
}

void
jy_sync_lane_push (JySyncLane     *self,
                   JySyncLaneFunc  func,
                   gpointer        data,
                   GDestroyNotify  data_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  g_mutex_lock (&self->lock);
  self->pushed++;
  g_mutex_unlock (&self->lock);
  g_async_queue_push (self->jobs, job);
}

gboolean
jy_sync_lane_wait (JySyncLane  *self,
                   GError     **error)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  while (self->done < self->pushed)
    g_cond_wait (&self->cond, &self->lock);
  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
jy_sync_lane_failed (JySyncLane *self)
{
  gboolean failed;

  g_mutex_lock (&self->lock);
  failed = self->error != NULL;
  g_mutex_unlock (&self->lock);
  return failed;
}

void
jy_sync_lane_free (JySyncLane *self)
{
  Job *stop;

  if (self == NULL)
    return;
  stop = g_new0 (Job, 1);
  stop->stop = TRUE;
  g_async_queue_push (self->jobs, stop);
  g_thread_join (self->thread);
  g_async_queue_unref (self->jobs);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
