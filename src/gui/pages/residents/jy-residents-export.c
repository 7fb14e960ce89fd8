/* jy-residents-export.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-import-window.h"

#include "jy-resident-export.h"

/* Export, the import's counterpart (declared in jy-import-window.h): the
 * residents page chooses the file, this writes it in one write job. Its
 * messages are with the import's, in jy-import-window.c. */

typedef struct
{
  JyResidentFilter *filter;
  GFile            *file;
  guint             n_residents;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  jy_resident_filter_free (job->filter);
  g_object_unref (job->file);
  g_free (job);
}

static gpointer
export_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ExportJob *job = data;
  g_autoptr(GFileOutputStream) out = NULL;

  /* Personal data: readable by the owner only, and an existing file is
   * replaced only once the new one is complete. */
  out = g_file_replace (job->file, NULL, FALSE,
                        G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return NULL;

  if (!jy_resident_export_csv (db, job->filter, JY_RESIDENT_EXPORT_DEFAULT, G_OUTPUT_STREAM (out),
                               &job->n_residents, NULL, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file and
       * keeps what was there before. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return NULL;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return NULL;
  return g_memdup2 (&job->n_residents, sizeof (guint));
}

void
jy_residents_export_to_file_async (JyStore             *store,
                                   JyResidentFilter    *filter,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ExportJob *job;

  g_return_if_fail (JY_IS_STORE (store));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->filter = filter;
  job->file = g_object_ref (file);
  jy_store_write_async (store, export_func, job, export_job_free, g_free,
                        cancellable, callback, user_data);
}

gboolean
jy_residents_export_to_file_finish (JyStore       *store,
                                    GAsyncResult  *result,
                                    guint         *out_n_residents,
                                    GError       **error)
{
  g_autofree guint *n = jy_store_write_finish (store, result, error);

  if (n == NULL)
    return FALSE;
  if (out_n_residents != NULL)
    *out_n_residents = *n;
  return TRUE;
}
