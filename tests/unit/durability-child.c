/* durability-child.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jy-idcard.h"
#include "jy-resident-store.h"
#include "jy-store.h"

/* The process test-durability kills. It works on a database as Jiayi
 * does and is SIGKILLed by itself after a delay the test chose from its
 * seed, wherever it happens to be:
 *
 *   durability-child writes DB FIRST DELAY_US
 *     residents through JyStore's writer thread, one at a time and in
 *     batches of 50 per transaction; after each commit it writes the
 *     committed uuids to stdout, one per line (the test's proof of what
 *     was acknowledged);
 *   durability-child migrate DB DELAY_US
 *     opens an older database: the copy before the migration, then the
 *     migration; prints "done" if it gets there.
 *
 * Names are made up; ID numbers are synthetic (GB 11643 check digit).
 * Nothing is logged. */

#define BATCH 50

static gpointer
killer_thread (gpointer data)
{
  g_usleep (GPOINTER_TO_SIZE (data));
  kill (getpid (), SIGKILL);
  return NULL;
}

static void
ack (const char *text)
{
  gsize len = strlen (text);

  /* Unbuffered: a line the test reads was written after the commit. */
  while (len > 0)
    {
      ssize_t n = write (STDOUT_FILENO, text, len);

      if (n <= 0)
        _exit (3);
      text += n;
      len -= (gsize)n;
    }
}

static JyResident *
make_resident (guint n)
{
  JyResident *r = jy_resident_new ();
  GDate birth;
  char first17[18];

  g_date_set_dmy (&birth, 1, 1, 1950);
  g_date_add_days (&birth, n / 400);
  g_snprintf (first17, sizeof first17, "350203%04u%02u%02u%03u", g_date_get_year (&birth),
              g_date_get_month (&birth), g_date_get_day (&birth), (n % 400) * 2 + 1);
  r->id_number = g_strdup_printf ("%s%c", first17, jy_idcard_check_char (first17));
  r->name = g_strdup (n % 2 == 0 ? "测试居民" : "试验居民");
  r->area_code = g_strdup ("359902001001");
  jy_resident_fill_from_id (r);
  return r;
}

typedef struct
{
  guint      first;
  guint      count;
  GPtrArray *uuids;
} Batch;

static gpointer
insert_batch (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Batch *batch = data;
  g_autoptr(GDate) today = g_date_new_dmy (23, 11, 2026);

  for (guint i = 0; i < batch->count; i++)
    {
      g_autoptr(JyResident) r = make_resident (batch->first + i);

      if (!jy_resident_store_insert (db, r, today, error))
        return NULL;
      g_ptr_array_add (batch->uuids, g_strdup (r->uuid));
    }
  return JY_STORE_DONE;
}

static int
run_writes (const char *path,
            guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (path, &error);
  guint n = first;

  if (store == NULL)
    return 2;

  for (guint round = 0;; round++)
    {
      g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) lines = g_string_new (NULL);
      Batch batch = { n, round % 3 == 2 ? BATCH : 1, uuids };

      if (jy_store_write (store, insert_batch, &batch, NULL, &error) == NULL)
        return 4;
      n += batch.count;
      for (guint i = 0; i < uuids->len; i++)
        g_string_append_printf (lines, "%s\n", (const char *)g_ptr_array_index (uuids, i));
      ack (lines->str);
      /* Unkilled (a delay of 0), it stops by itself. */
      if (n - first >= 2000)
        return 0;
    }
}

static int
run_migrate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyStore) store = jy_store_open (path, &error);

  if (store == NULL)
    return 2;
  ack ("done\n");
  return 0;
}

int
main (int    argc,
      char **argv)
{
  guint64 delay_us;

  if (argc < 4)
    return 2;
  delay_us = g_ascii_strtoull (argv[argc - 1], NULL, 10);
  /* 0: no kill (the test measures how long a clean run takes). */
  if (delay_us > 0)
    g_thread_unref (g_thread_new ("killer", killer_thread, GSIZE_TO_POINTER (delay_us)));

  if (g_str_equal (argv[1], "writes") && argc == 5)
    return run_writes (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));
  if (g_str_equal (argv[1], "migrate") && argc == 4)
    return run_migrate (argv[2]);
  return 2;
}
