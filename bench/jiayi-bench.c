/* jiayi-bench.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds (or reuses) a synthetic centre and times what users wait for.
 * Prints one row per measurement:  name  median_ms  p95_ms  target_ms  OK|MISS
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jy-centre-store.h"
#include "jy-generator.h"
#include "jy-idcard.h"
#include "jy-migrations.h"
#include "jy-pinyin.h"
#include "jy-resident-import.h"
#include "jy-resident-search.h"
#include "jy-store.h"
#include "jiayi-bench.h"

/* Queries per search row, drawn from the centre's residents. */
#define SEARCH_SAMPLES 200
/* What the residents page asks for. */
#define SEARCH_LIMIT   200


static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

void
report (Bench      *bench,
        const char *name,
        GArray     *samples_ms,
        double      target_ms)
{
  double median, p95;
  guint width = 0;
  gboolean ok;

  g_array_sort (samples_ms, compare_doubles);
  median = g_array_index (samples_ms, double, samples_ms->len / 2);
  /* Nearest rank: with few samples this is the slowest, which is the honest answer. */
  p95 = g_array_index (samples_ms, double, MIN (samples_ms->len - 1, (guint)(0.95 * samples_ms->len)));
  ok = p95 <= target_ms;
  bench->any_miss |= !ok;

  /* Padded to 36 columns as a terminal shows them: a 汉字 takes two. */
  printf ("%s", name);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; width < 36; width++)
    putchar (' ');
  printf (" %10.1f %10.1f %10.1f  %s\n", median, p95, target_ms, ok ? "OK" : "MISS");
  fflush (stdout);
}

double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  const JyGeneratorOptions *options = data;

  return jy_generator_run (db, options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static void
remove_db (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Whether the cached centre at @path was written by this build: the same
 * schema (PRAGMA user_version) and generator (meta.generator_version).
 * Anything else, a failure to read it included, means "generate again". */
static gboolean
cache_is_current (const char  *path,
                  char       **out_why)
{
  static const char version_sql[] = "SELECT value FROM meta WHERE key = 'generator_version'";
  g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_READ_ONLY, NULL);
  g_autofree char *generator = NULL;
  sqlite3_stmt *stmt;
  int schema;

  if (db == NULL || (schema = jy_db_get_user_version (db, NULL)) < 0)
    {
      *out_why = g_strdup ("unreadable cache");
      return FALSE;
    }
  if ((stmt = jy_db_prepare (db, version_sql, NULL)) != NULL && jy_db_step (db, stmt, NULL) == SQLITE_ROW)
    generator = jy_db_column_dup_text (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (schema != jy_migrations_latest () || g_strcmp0 (generator, G_STRINGIFY (JY_GENERATOR_VERSION)) != 0)
    {
      *out_why = g_strdup_printf ("stale cache: schema %d, generator %s", schema,
                                  generator != NULL ? generator : "1");
      return FALSE;
    }
  return TRUE;
}

/* Not a timing: the size of what the other rows run on. */
static void
print_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    printf ("%-36s %10.0f %10s %10s  %s\n", "database size (MB)", st.st_size / 1048576.0, "-", "-", "-");
}

static char *
prepare_centre (Bench   *bench,
                GError **error)
{
  /* Named after what made it, so that branches with another schema or
   * generator keep caches of their own side by side: the schema by its
   * fingerprint, as two branches may each have their own step 3. */
  g_autofree char *schema = jy_migrations_dup_fingerprint ();
  g_autofree char *name = g_strdup_printf ("centre-%u-s%d-%s-g%d.db", bench->residents,
                                           jy_migrations_latest (), schema, JY_GENERATOR_VERSION);
  g_autofree char *path = g_build_filename (bench->cache_dir, name, NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JyStore) store = NULL;
  JyGeneratorOptions options = { .n_residents = bench->residents, .seed = 1 };
  g_autofree char *row = NULL;
  g_autofree char *why = NULL;
  gint64 start;
  double ms;

  if (bench->reuse && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (cache_is_current (path, &why))
        {
          printf ("%-36s %10s %10s %10s  %s\n", "generate (reused cache)", "-", "-", "-", "-");
          print_size (path);
          return g_steal_pointer (&path);
        }
      printf ("%-36s %10s %10s %10s  %s\n", why, "-", "-", "-", "-");
    }

  g_mkdir_with_parents (bench->cache_dir, 0700);
  remove_db (path);

  start = g_get_monotonic_time ();
  store = jy_store_open (path, error);
  if (store == NULL || jy_store_write (store, generate_func, &options, NULL, error) == NULL)
    return NULL;
  g_clear_object (&store);
  ms = elapsed_ms (start);

  g_array_append_val (samples, ms);
  row = g_strdup_printf ("generate %u residents", bench->residents);
  /* With five years of hypertension and diabetes follow-ups. */
  report (bench, row, samples, 60000);
  print_size (path);

  return g_steal_pointer (&path);
}

static gboolean
bench_open (Bench       *bench,
            const char  *path,
            GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < bench->runs * 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(JyStore) store = jy_store_open (path, error);
      double ms;

      if (store == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  report (bench, "open database", samples, 50);
  return TRUE;
}

static gboolean
bench_today_summary (Bench       *bench,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JyStore) store = jy_store_open (path, error);

  if (store == NULL)
    return FALSE;

  for (guint i = 0; i < bench->runs * 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(JyCentreSummary) summary = jy_store_read (store, jy_centre_store_load, NULL, NULL, error);
      double ms;

      if (summary == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  /* Runs off the main thread; it only has to beat the window's first frame. */
  report (bench, "today: centre summary (worker)", samples, 50);
  return TRUE;
}

/* Search ----------------------------------------------------------------- */

typedef struct
{
  char   *name;
  char   *id_number;
  char   *phone;
  gint64  team_id;
} Sample;

static void
sample_clear (Sample *sample)
{
  g_free (sample->name);
  g_free (sample->id_number);
  g_free (sample->phone);
}

/* SEARCH_SAMPLES residents spread over the centre, the same every run. */
static gpointer
load_samples_func (JyDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  static const char max_sql[] = "SELECT max (id) FROM resident";
  static const char sql[] =
    "SELECT name, id_number, phone, ifnull (team_id, 0) FROM resident WHERE id >= ?1\n"
    "ORDER BY id LIMIT 1";
  g_autoptr(GArray) samples = g_array_new (FALSE, TRUE, sizeof (Sample));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gint64 max_id = 0;

  g_array_set_clear_func (samples, (GDestroyNotify)sample_clear);
  if (!jy_db_query_int64 (db, max_sql, &max_id, error))
    return NULL;

  for (guint i = 0; i < SEARCH_SAMPLES && max_id > 0; i++)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
      Sample sample;
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32)MIN (max_id, G_MAXINT32)));
      if ((rc = jy_db_step (db, stmt, error)) < 0)
        return NULL;
      if (rc == SQLITE_ROW)
        {
          sample.name = jy_db_column_dup_text (stmt, 0);
          sample.id_number = jy_db_column_dup_text (stmt, 1);
          sample.phone = jy_db_column_dup_text (stmt, 2);
          sample.team_id = sqlite3_column_int64 (stmt, 3);
          g_array_append_val (samples, sample);
        }
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&samples);
}

typedef struct
{
  const char *query;
  gint64      own_team_id;
} SearchJob;

static gpointer
search_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const SearchJob *job = data;

  return jy_resident_search (db, job->query, job->own_team_id, SEARCH_LIMIT, cancellable, error);
}

typedef enum
{
  QUERY_NAME_PREFIX,
  QUERY_SUBSTRING,
  QUERY_SUBSTRING_2,
  QUERY_INITIALS,
  QUERY_HAN_INITIALS,
  QUERY_HAN_FULL,
  QUERY_ID_LAST_4,
  QUERY_PHONE_LAST_4,
  N_QUERY_KINDS
} QueryKind;

/* The surname as written and the given name in pinyin, as the search
 * keys spell them: with @initials the shortest (王xy), else the full one
 * (王xiaoyan); NULL without a 汉字 surname. */
static char *
dup_han_pinyin_key (const char *name,
                    gboolean    initials)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new (name);
  const char *best = NULL;

  if (keys->han_surname->len == 0)
    return NULL;
  best = g_ptr_array_index (keys->han_surname, 0);
  for (guint i = 1; i < keys->han_surname->len && initials; i++)
    if (strlen (g_ptr_array_index (keys->han_surname, i)) < strlen (best))
      best = g_ptr_array_index (keys->han_surname, i);
  return g_strdup (best);
}

/* Bytes of @key's 汉字 surname, before the pinyin. */
static gsize
han_part_length (const char *key)
{
  gsize n = 0;

  while (key[n] != '\0' && (guchar)key[n] >= 0x80)
    n++;
  return n;
}

/* The query a user looking for @sample would type, or NULL. */
static char *
make_query (const Sample *sample,
            QueryKind     kind,
            guint         index)
{
  glong n_chars = g_utf8_strlen (sample->name, -1);

  switch (kind)
    {
    case QUERY_NAME_PREFIX:
      {
        /* The surname alone (the broadest: 王 is 7% of the centre), the
         * surname and one more character, the whole name. */
        glong n = index % 3 == 0 ? 1 : index % 3 == 1 ? MIN (2, n_chars) : n_chars;

        return g_utf8_substring (sample->name, 0, n);
      }
    case QUERY_SUBSTRING:
      /* Three characters, not at the start where the name has room. */
      if (n_chars < 3)
        return NULL;
      return g_utf8_substring (sample->name, n_chars - 3, n_chars);
    case QUERY_SUBSTRING_2:
      /* The last two characters: not a prefix, which n: answers. */
      if (n_chars < 3)
        return NULL;
      return g_utf8_substring (sample->name, n_chars - 2, n_chars);
    case QUERY_HAN_INITIALS:
      {
        /* 王xy; with one given character, its initial (王f). */
        g_autofree char *key = dup_han_pinyin_key (sample->name, TRUE);
        gsize han = key != NULL ? han_part_length (key) : 0;

        if (key == NULL || han == 0)
          return NULL;
        if (n_chars - g_utf8_strlen (key, han) < 2)
          key[han + 1] = '\0';
        return g_steal_pointer (&key);
      }
    case QUERY_HAN_FULL:
      {
        /* 王xiaoy: the full form, the last letter still to type. */
        g_autofree char *key = dup_han_pinyin_key (sample->name, FALSE);
        gsize len = key != NULL ? strlen (key) : 0;

        if (key == NULL || len < han_part_length (key) + 2)
          return NULL;
        key[len - 1] = '\0';
        return g_steal_pointer (&key);
      }
    case QUERY_INITIALS:
      {
        g_autoptr(GPtrArray) initials = jy_pinyin_name_keys (sample->name, JY_PINYIN_INITIALS);

        return initials->len > 0 ? g_strdup (g_ptr_array_index (initials, 0)) : NULL;
      }
    case QUERY_ID_LAST_4:
      if (sample->id_number == NULL || strlen (sample->id_number) < 4)
        return NULL;
      return g_strdup (sample->id_number + strlen (sample->id_number) - 4);
    case QUERY_PHONE_LAST_4:
      if (sample->phone == NULL || strlen (sample->phone) < 4)
        return NULL;
      return g_strdup (sample->phone + strlen (sample->phone) - 4);
    case N_QUERY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
bench_search (Bench       *bench,
              const char  *path,
              GError     **error)
{
  static const char *const row_names[N_QUERY_KINDS] = {
    "search: name prefix",
    "search: 3-char substring",
    "search: 2-char substring",
    "search: pinyin initials",
    "search: 汉字+initials",
    "search: 汉字+full pinyin",
    "search: ID last 4",
    "search: phone last 4",
  };
  g_autoptr(JyStore) store = jy_store_open (path, error);
  g_autoptr(GArray) samples = NULL;

  if (store == NULL ||
      (samples = jy_store_read (store, load_samples_func, NULL, NULL, error)) == NULL)
    return FALSE;

  for (QueryKind kind = 0; kind < N_QUERY_KINDS; kind++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      guint64 n_results = 0;

      for (guint run = 0; run < bench->runs; run++)
        for (guint i = 0; i < samples->len; i++)
          {
            const Sample *sample = &g_array_index (samples, Sample, i);
            g_autofree char *query = make_query (sample, kind, i);
            /* Half as a doctor of the resident's own team, half of another. */
            SearchJob job = { query, i % 2 == 0 ? sample->team_id : sample->team_id + 1 };
            g_autoptr(GArray) ids = NULL;
            gint64 start;
            double ms;

            if (query == NULL)
              continue;
            start = g_get_monotonic_time ();
            /* A read job, as the residents page runs it. */
            if ((ids = jy_store_read (store, search_func, &job, NULL, error)) == NULL)
              return FALSE;
            ms = elapsed_ms (start);
            g_array_append_val (times, ms);
            n_results += ids->len;
          }

      if (times->len == 0)
        continue;
      g_debug ("%s: %u queries, %.1f results on average", row_names[kind], times->len,
               (double)n_results / times->len);
      report (bench, row_names[kind], times, 5);
    }

  return TRUE;
}

static gpointer
rebuild_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return jy_resident_search_rebuild (db, error) ? JY_STORE_DONE : NULL;
}

/* Recomputes every key (what an import or a migration of the key rules
 * costs); the result is the same index, so the cache stays valid. */
static gboolean
bench_search_rebuild (Bench       *bench,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JyStore) store = jy_store_open (path, error);
  gint64 start;
  double ms;

  if (store == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (jy_store_write (store, rebuild_func, NULL, NULL, error) == NULL)
    return FALSE;
  ms = elapsed_ms (start);
  g_array_append_val (samples, ms);

  report (bench, "search index rebuild", samples, 5000);
  return TRUE;
}

/* Wall time from exec to the first frame that shows the Today page's data. */
static GArray *
time_first_frame (Bench       *bench,
                  const char  *db_path,
                  GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "JIAYI_BENCH_FIRST_FRAME", "1", TRUE);
  const char *argv[] = { bench->jiayi, "--db", db_path, NULL };

  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", FALSE);

  for (guint i = 0; i < bench->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      int status = 0;
      double ms;

      if (!g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, error) ||
          !g_spawn_check_wait_status (status, error))
        return NULL;
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  return g_steal_pointer (&samples);
}

static gboolean
bench_first_frame (Bench       *bench,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *empty = g_build_filename (bench->cache_dir, "empty.db", NULL);
  g_autoptr(GArray) empty_samples = NULL;
  g_autoptr(GArray) full_samples = NULL;
  g_autofree char *row = NULL;
  double empty_median;

  if (bench->jiayi == NULL)
    {
      printf ("%-36s %10s %10s %10s  %s\n", "first frame (no --jiayi given)", "-", "-", "-", "-");
      return TRUE;
    }

  remove_db (empty);
  {
    g_autoptr(JyStore) store = jy_store_open (empty, error);

    if (store == NULL)
      return FALSE;
  }

  /* One launch first, untimed: the first exec of a fresh build pays for
   * loading the binary and its libraries from disk. */
  {
    g_autoptr(GArray) warm_up = NULL;
    guint runs = bench->runs;

    bench->runs = 1;
    warm_up = time_first_frame (bench, empty, error);
    bench->runs = runs;
    if (warm_up == NULL)
      return FALSE;
  }

  if ((empty_samples = time_first_frame (bench, empty, error)) == NULL ||
      (full_samples = time_first_frame (bench, path, error)) == NULL)
    return FALSE;

  g_array_sort (empty_samples, compare_doubles);
  empty_median = g_array_index (empty_samples, double, empty_samples->len / 2);
  report (bench, "first frame, empty database", empty_samples, 1000);
  row = g_strdup_printf ("first frame, %u residents", bench->residents);
  report (bench, row, full_samples, 1.3 * empty_median);
  return TRUE;
}

/* Import ------------------------------------------------------------------ */

#define IMPORT_ROWS 10000

static gpointer
generate_district_func (JyDb          *db,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  /* Seed 1 names the streets and communities as in the bench centre; one
   * resident is the fewest the generator makes. */
  JyGeneratorOptions options = { .n_residents = 1, .seed = 1 };

  return jy_generator_run (db, &options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static gpointer
load_communities_func (JyDb          *db,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  static const char sql[] = "SELECT name FROM address_area WHERE level = 5 ORDER BY code";
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (names, jy_db_column_dup_text (stmt, 0));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&names);
}

/* A file as another registry would write it: UTF-8 with a BOM, CRLF,
 * Chinese titles; every row valid and every ID number unique. */
static char *
make_import_csv (GPtrArray *communities,
                 gsize     *out_length)
{
  static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "林", "吴", "郑" };
  static const char *const given[] = { "小燕", "建国", "秀英", "志强", "丽华", "伟", "芳", "明辉", "婷", "海峰" };
  g_autoptr(GDate) base = g_date_new_dmy (1, G_DATE_JANUARY, 1930);
  GString *csv = g_string_sized_new (IMPORT_ROWS * 120);

  g_string_append (csv, "\xEF\xBB\xBF姓名,性别,出生日期,身份证号,联系电话,社区,现住址,民族\r\n");
  for (guint i = 0; i < IMPORT_ROWS; i++)
    {
      GDate birth = *base;
      /* 7919 is prime to 32000: every row a different birth date, so a
       * different ID number. */
      guint day = (i * 7919u) % 32000u;
      guint sequence = i % 1000;
      char first17[18];

      g_date_add_days (&birth, day);
      g_snprintf (first17, sizeof first17, "359902%04u%02u%02u%03u", g_date_get_year (&birth),
                  g_date_get_month (&birth), g_date_get_day (&birth), sequence);
      g_string_append_printf (csv, "%s%s,%s,%04u-%02u-%02u,%s%c,138%08u,%s,海韵路%u号,汉族\r\n",
                              surnames[i % G_N_ELEMENTS (surnames)],
                              given[(i / G_N_ELEMENTS (surnames)) % G_N_ELEMENTS (given)],
                              sequence % 2 == 1 ? "男" : "女",
                              g_date_get_year (&birth), g_date_get_month (&birth),
                              g_date_get_day (&birth), first17, jy_idcard_check_char (first17),
                              i, (const char *)g_ptr_array_index (communities, i % communities->len),
                              i % 300 + 1);
    }

  *out_length = csv->len;
  return g_string_free (csv, FALSE);
}

typedef struct
{
  const char     *csv_path;
  JyImportReport *report;
} ImportJob;

static gpointer
import_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *job = data;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (job->csv_path, &contents, &length, error))
    return NULL;
  job->report = jy_resident_import_csv (db, contents, length, NULL, NULL, NULL, NULL, error);
  return job->report != NULL ? JY_STORE_DONE : NULL;
}

/* Reads the file, imports every row with its search keys, outbox and audit
 * entries, commits: what a user waits for after choosing "Import". */
static gboolean
bench_import (Bench   *bench,
              GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("jiayi-bench-import-XXXXXX", error);
  g_autofree char *db_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *row = NULL;
  guint runs = MIN (bench->runs, 3);

  if (dir == NULL)
    return FALSE;
  db_path = g_build_filename (dir, "import.db", NULL);
  csv_path = g_build_filename (dir, "residents.csv", NULL);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(JyStore) store = NULL;
      g_autoptr(GPtrArray) communities = NULL;
      g_autoptr(JyImportReport) imported = NULL;
      g_autofree char *csv = NULL;
      ImportJob job = { csv_path, NULL };
      gsize length = 0;
      gint64 start;
      double ms;

      remove_db (db_path);
      if ((store = jy_store_open (db_path, error)) == NULL ||
          jy_store_write (store, generate_district_func, NULL, NULL, error) == NULL ||
          (communities = jy_store_read (store, load_communities_func, NULL, NULL, error)) == NULL)
        return FALSE;

      csv = make_import_csv (communities, &length);
      if (!g_file_set_contents (csv_path, csv, length, error))
        return FALSE;

      start = g_get_monotonic_time ();
      if (jy_store_write (store, import_func, &job, NULL, error) == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      imported = job.report;

      if (imported->n_imported != IMPORT_ROWS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "import bench: %u of %u rows imported", imported->n_imported, IMPORT_ROWS);
          return FALSE;
        }
      g_array_append_val (samples, ms);
    }

  remove_db (db_path);
  g_unlink (csv_path);
  g_rmdir (dir);

  row = g_strdup_printf ("import %u rows", IMPORT_ROWS);
  report (bench, row, samples, 5000);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int residents = 200000;
  int runs = 5;
  gboolean gui_only = FALSE;
  g_autofree char *only = NULL;
  Bench bench = { 0 };
  GOptionEntry entries[] = {
    { "residents", 'n', 0, G_OPTION_ARG_INT, &residents, "Residents in the synthetic centre (200000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Repetitions of each start-up measurement (5)", "K" },
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &bench.reuse, "Reuse the cached centre instead of generating it", NULL },
    { "jiayi", 0, 0, G_OPTION_ARG_FILENAME, &bench.jiayi, "The jiayi executable, for start-up timing", "PATH" },
    { "cache", 0, 0, G_OPTION_ARG_FILENAME, &bench.cache_dir, "Where generated centres are kept", "DIR" },
    { "gui-only", 0, 0, G_OPTION_ARG_NONE, &gui_only, "Only the rows timed in the real window", NULL },
    { "gui-rows", 0, 0, G_OPTION_ARG_STRING, &bench.gui_rows, "Only these window rows: search, open or scroll", "KIND" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only one group of rows: reports, long-rx or home-beds", "GROUP" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("jiayi-bench: %s\n", error->message);
      return 2;
    }
  if (residents < 1 || runs < 1)
    {
      g_printerr ("jiayi-bench: --residents and --runs must be positive\n");
      return 2;
    }
  bench.residents = residents;
  bench.runs = runs;
  if (bench.cache_dir == NULL)
    bench.cache_dir = g_build_filename (g_get_user_cache_dir (), "jiayi-bench", NULL);

  printf ("%-36s %10s %10s %10s  %s\n", "name", "median_ms", "p95_ms", "target_ms", "result");

  if (only != NULL)
    {
      static const struct { const char *name; gboolean (*run) (Bench *, const char *, GError **); } groups[] = {
        { "reports", bench_reports },
        { "long-rx", bench_long_rx },
        { "home-beds", bench_home_beds },
      };
      gboolean (*run) (Bench *, const char *, GError **) = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
        if (g_str_equal (only, groups[i].name))
          run = groups[i].run;
      if (run == NULL)
        {
          g_printerr ("jiayi-bench: --only knows: reports, long-rx, home-beds\n");
          return 2;
        }
      if ((path = prepare_centre (&bench, &error)) == NULL || !run (&bench, path, &error))
        {
          g_printerr ("jiayi-bench: %s\n", error->message);
          return 1;
        }
      g_free (bench.jiayi);
      g_free (bench.cache_dir);
      return bench.any_miss ? 1 : 0;
    }

  if ((path = prepare_centre (&bench, &error)) == NULL ||
      (!gui_only &&
       (!bench_open (&bench, path, &error) ||
        !bench_today_summary (&bench, path, &error) ||
        !bench_search (&bench, path, &error) ||
        !bench_search_rebuild (&bench, path, &error) ||
        !bench_chronic (&bench, path, &error) ||
        !bench_contracts (&bench, path, &error) ||
        !bench_reports (&bench, path, &error) ||
        !bench_home_beds (&bench, path, &error) ||
        !bench_long_rx (&bench, path, &error) ||
        !bench_import (&bench, &error) ||
        !bench_first_frame (&bench, path, &error))) ||
      !bench_gui (&bench, path, &error))
    {
      g_printerr ("jiayi-bench: %s\n", error->message);
      return 1;
    }

  g_free (bench.jiayi);
  g_free (bench.gui_rows);
  g_free (bench.cache_dir);
  return bench.any_miss ? 1 : 0;
}
