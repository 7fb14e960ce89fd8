/* jy-long-rx-actions.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-actions.h"

#include <glib/gi18n.h>

#include "jy-long-rx-dispense-dialog.h"
#include "jy-long-rx-issue-dialog.h"
#include "jy-long-rx-print.h"
#include "jy-long-rx-store.h"
#include "jy-print.h"

typedef struct
{
  JyLongRxChangedFunc changed;
  gpointer            user_data;
} Changed;

static void
changed_free (gpointer  data,
              GClosure *closure)
{
  Changed *c = data;

  g_clear_object (&c->user_data);
  g_free (c);
}

static void
changed_cb (GObject *dialog,
            gint64   id,
            Changed *c)
{
  if (c->changed != NULL)
    c->changed (c->user_data);
}

void
jy_long_rx_open_issue (GtkWindow           *parent,
                       JyStore             *store,
                       gint64               resident_id,
                       JyLongRxChangedFunc  changed,
                       gpointer             user_data)
{
  JyLongRxIssueDialog *dialog = jy_long_rx_issue_dialog_new (parent, store, resident_id);
  Changed *c = g_new0 (Changed, 1);

  c->changed = changed;
  c->user_data = user_data != NULL ? g_object_ref (user_data) : NULL;
  g_signal_connect_data (dialog, "issued", G_CALLBACK (changed_cb), c, changed_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jy_long_rx_open_dispense (GtkWindow           *parent,
                          JyStore             *store,
                          gint64               long_rx_id,
                          JyLongRxChangedFunc  changed,
                          gpointer             user_data)
{
  JyLongRxDispenseDialog *dialog = jy_long_rx_dispense_dialog_new (parent, store, long_rx_id);
  Changed *c = g_new0 (Changed, 1);

  c->changed = changed;
  c->user_data = user_data != NULL ? g_object_ref (user_data) : NULL;
  g_signal_connect_data (dialog, "dispensed", G_CALLBACK (changed_cb), c, changed_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWindow *parent;
  gboolean   card;
  char      *pdf_path;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_free (job->pdf_path);
  g_free (job);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!jy_print_write_pdf_finish (result, &error))
    g_warning ("Could not write the prescription: %s", error->message);
  jy_print_doc_free (user_data);
}

static void
print_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JyLongRxPrintData) data = jy_store_read_finish (JY_STORE (object), result, &error);
  JyPrintDoc *doc;

  if (data == NULL)
    {
      g_warning ("Could not load the prescription to print: %s", error->message);
      print_job_free (job);
      return;
    }
  doc = jy_long_rx_print_from_data (data, job->card);
  if (job->pdf_path != NULL)
    {
      /* The document lives until it is written. */
      jy_print_write_pdf_async (doc, job->pdf_path, NULL, written_cb, doc);
    }
  else
    jy_print_run (job->parent, doc, job->card ? _("Medication card") : _("Long prescription"));
  print_job_free (job);
}

void
jy_long_rx_print (GtkWindow  *parent,
                  JyStore    *store,
                  gint64      long_rx_id,
                  gboolean    card,
                  const char *pdf_path)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  gint64 *id = g_new (gint64, 1);

  *id = long_rx_id;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->card = card;
  job->pdf_path = g_strdup (pdf_path);
  jy_store_read_async (store, jy_long_rx_store_load_print_func, id, g_free,
                       (GDestroyNotify) jy_long_rx_print_data_free, NULL, print_loaded_cb, job);
}
