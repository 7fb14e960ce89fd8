/* test-search.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-generator.h"
#include "jy-migrations.h"
#include "jy-resident-search.h"
#include "jy-store.h"
#include "test-util.h"

/* A small centre written by hand: three teams, thirty residents whose
 * names, numbers and teams each test relies on. ID numbers and phones are
 * made up (not real people) and only need to be distinct. */
typedef struct
{
  const char *name;
  guint       team;            /* 1..3, 0 = none */
  const char *id_number;
  const char *phone;
  const char *contact_phone;
  const char *archive_no;
  const char *status;
} Person;

enum
{
  WANG_XIAOYAN = 1,   /* resident ids are the 1-based positions below */
  WANG_XIAOYAN_2,
  WANG_XIAOYAN_3,
  WANG_XIAOYAN_4,
  SHAN_TIANFANG,
  ZENG_GUOFAN,
  OUYANG_FENG,
  LV_BU,
  YUCHI_GONG,
  AYIGULI,
  ZHANG_SANFENG,
  WANG_FANG,
  WANG_FANGHUA,
  SIMA_XIANGRU,
  HEBEI_ID,
  LANDLINE,
  VOIDED,
  JOHN_SMITH,
  /* 19..30: names no test looks for */
  LI_XIAOYAN = 31,
  WANG_YAN,
  XIANG_RUYU,
  OUYANG_XIAO,
  SHAN_XIAOMING,
  SHAN_XIAO,           /* 山, read shan too */
  DAN_XIAOHONG,        /* 但, read dan as 单 may be */
  XIE_XIAODONG,
  OU_XIAOHUA,
  QIU_MING,
  ZHA_WENJING,
  PIAO_CHUNHUA,
};

static const Person people[] = {
  [WANG_XIAOYAN - 1] =
    { "王小燕", 1, "350203199001011234", "13800001111",
      NULL, "35020310100100001", "active" },
  [WANG_XIAOYAN_2 - 1] =
    { "王晓燕", 2, "350203199102022345", "13900002222",
      NULL, "35020310100100002", "active" },
  [WANG_XIAOYAN_3 - 1] =
    { "王小艳", 3, "350203199203033456", "13700003333",
      NULL, "35020310100200003", "active" },
  [WANG_XIAOYAN_4 - 1] =
    { "汪小雁", 2, "350203199304044567", "13600004444",
      NULL, "35020310100200004", "active" },
  [SHAN_TIANFANG - 1] =
    { "单田芳", 1, "350203193412105678", "13500005555",
      NULL, "35020310100100005", "active" },
  [ZENG_GUOFAN - 1] =
    { "曾国藩", 2, "350203195111116789", "15800006666",
      NULL, "35020310100100006", "active" },
  [OUYANG_FENG - 1] =
    { "欧阳锋", 3, "350203196012127890", "15900007777",
      NULL, "35020310100300007", "active" },
  [LV_BU - 1] =
    { "吕布", 1, "350203197001018901", "18600008888",
      NULL, "35020310100100008", "active" },
  [YUCHI_GONG - 1] =
    { "尉迟恭", 2, "35020319800202901X", "18700009999",
      NULL, "35020310100200009", "active" },
  [AYIGULI - 1] =
    { "阿依古丽·买买提", 3, "650102199003030123", "18800000000",
      NULL, "35020310100300010", "active" },
  [ZHANG_SANFENG - 1] =
    { "张三丰", 1, "350203194004040234", "13811112222",
      NULL, "35020310100100011", "moved-out" },
  [WANG_FANG - 1] =
    { "王芳", 2, "350203198505050345", "13822223333",
      NULL, "35020310100200012", "active" },
  [WANG_FANGHUA - 1] =
    { "王芳华", 2, "350203198606060456", "13833334444",
      NULL, "35020310100200013", "active" },
  [SIMA_XIANGRU - 1] =
    { "司马相如", 3, "350203198707070567", "13844445555",
      NULL, "35020310100300014", "active" },
  /* An ID that starts with another resident's phone number (Hebei, 13…). */
  [HEBEI_ID - 1] =
    { "赵六", 2, "138000011112345678", "13855556666",
      NULL, "35020310100200015", "active" },
  [LANDLINE - 1] =
    { "钱七", 0, NULL, "0592-5551234",
      "13866667777", "35020310100400016", "active" },
  [VOIDED - 1]         = { "孙八", 1, "350203198808080678", "13877778888", NULL, NULL, "voided" },
  [JOHN_SMITH - 1]     = { "John Smith", 3, NULL, "+86 138 8888 9999", NULL, NULL, "active" },
  { "李明", 1, "350203199009090789", "13500001010", NULL, "35020310100100019", "active" },
  { "李华", 2, "350203199110100890", "13500002020", NULL, "35020310100200020", "active" },
  { "刘洋", 3, "350203199211110901", "13500003030", NULL, "35020310100300021", "active" },
  { "陈静", 1, "350203199312121012", "13500004040", NULL, "35020310100100022", "active" },
  { "杨帆", 2, "350203199401011123", "13500005050", NULL, "35020310100200023", "active" },
  { "黄磊", 3, "350203199502021234", "13500006060", NULL, "35020310100300024", "active" },
  { "周杰", 1, "350203199603031345", "13500007070", NULL, "35020310100100025", "active" },
  { "吴婷", 2, "350203199704041456", "13500008080", NULL, "35020310100200026", "active" },
  { "徐磊", 3, "350203199805051567", "13500009090", NULL, "35020310100300027", "active" },
  { "孙丽", 1, "350203199906061678", "13511110000", NULL, "35020310100100028", "active" },
  { "马超", 2, "350203200007071789", "13522220000", NULL, "35020310100200029", "active" },
  { "朱明", 3, "350203200108081890", "13533330000", NULL, "35020310100300030", "active" },
  /* For 2-character substrings and 汉字 + pinyin. */
  [LI_XIAOYAN - 1]    = { "李小燕", 3, "350203200201010011", "15900000101", NULL, NULL, "active" },
  [WANG_YAN - 1]      = { "王燕", 1, "350203200202020022", "15900000202", NULL, NULL, "active" },
  [XIANG_RUYU - 1]    = { "相如玉", 1, "350203200212120127", "15900001212", NULL, NULL, "active" },
  [OUYANG_XIAO - 1]   = { "欧阳晓", 2, "350203200203030038", "15900000303", NULL, NULL, "active" },
  [SHAN_XIAOMING - 1] = { "单小明", 2, "350203200204040049", "15900000404", NULL, NULL, "active" },
  [SHAN_XIAO - 1]     = { "山晓", 1, "350203200205050050", "15900000505", NULL, NULL, "active" },
  [DAN_XIAOHONG - 1]  = { "但小红", 3, "350203200206060061", "15900000606", NULL, NULL, "active" },
  [XIE_XIAODONG - 1]  = { "解小东", 1, "350203200207070072", "15900000707", NULL, NULL, "active" },
  [OU_XIAOHUA - 1]    = { "区小华", 2, "350203200208080083", "15900000808", NULL, NULL, "active" },
  [QIU_MING - 1]      = { "仇明", 3, "350203200209090094", "15900000909", NULL, NULL, "active" },
  [ZHA_WENJING - 1]   = { "查文静", 1, "350203200210100105", "15900001010", NULL, NULL, "active" },
  [PIAO_CHUNHUA - 1]  = { "朴春花", 2, "350203200211110116", "15900001111", NULL, NULL, "active" },
};

typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  gint64   team_ids[4];   /* [0] unused: 0 means no team */
} SearchFixture;

typedef struct
{
  const char            *query;
  gint64                 own_team_id;
  JyResidentSearchFlags  flags;
  guint                  limit;
} SearchJob;

/* Runs @sql with text parameters ?1, ?2… (NULL-terminated list). */
static gboolean
exec_bound (JyDb        *db,
            const char  *sql,
            GError     **error,
            ...)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  va_list args;
  int index = 1;
  const char *text;

  if (stmt == NULL)
    return FALSE;
  va_start (args, error);
  while ((text = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, index++, text, -1, SQLITE_TRANSIENT);
  va_end (args);
  return jy_db_step_done (db, stmt, error);
}

static gpointer
populate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  static const char site_sql[] =
    "INSERT INTO site (uuid, created_at, updated_at, kind, code, name)\n"
    "VALUES ('site', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'centre', '350203001', '中心')";
  static const char team_sql[] =
    "INSERT INTO team (uuid, created_at, updated_at, site_id, code, name)\n"
    "VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, ?1, ?1)";
  static const char resident_sql[] =
    "INSERT INTO resident (uuid, created_at, updated_at, site_id, name, sex, birth_date,\n"
    "                      team_id, id_number, phone, contact_phone, archive_no, status)\n"
    "VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, ?2, '1', '1990-01-01',\n"
    "        ?3, ?4, ?5, ?6, ?7, ?8)";
  SearchFixture *fx = data;

  if (!jy_db_exec (db, site_sql, error))
    return NULL;

  for (guint t = 1; t <= 3; t++)
    {
      g_autofree char *code = g_strdup_printf ("T%u", t);

      if (!exec_bound (db, team_sql, error, code, NULL))
        return NULL;
      fx->team_ids[t] = jy_db_last_insert_rowid (db);
    }

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const Person *p = &people[i];
      g_autofree char *uuid = g_strdup_printf ("resident-%u", i + 1);
      sqlite3_stmt *stmt = jy_db_prepare (db, resident_sql, error);
      gint64 id;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, p->name, -1, SQLITE_STATIC);
      if (p->team > 0)
        sqlite3_bind_int64 (stmt, 3, fx->team_ids[p->team]);
      jy_db_bind_text_or_null (stmt, 4, p->id_number);
      jy_db_bind_text_or_null (stmt, 5, p->phone);
      jy_db_bind_text_or_null (stmt, 6, p->contact_phone);
      jy_db_bind_text_or_null (stmt, 7, p->archive_no);
      sqlite3_bind_text (stmt, 8, p->status, -1, SQLITE_STATIC);
      if (!jy_db_step_done (db, stmt, error))
        return NULL;
      id = jy_db_last_insert_rowid (db);
      g_assert_cmpint (id, ==, i + 1);
      if (!jy_resident_search_index (db, id, p->name, p->id_number, p->phone, p->contact_phone,
                                     p->archive_no, error))
        return NULL;
    }

  return JY_STORE_DONE;
}

static void
fixture_setup (SearchFixture *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fx->tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "search.db", NULL);
  fx->store = jy_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, populate_func, fx, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static void
fixture_teardown (SearchFixture *fx,
                  gconstpointer  user_data)
{
  g_clear_object (&fx->store);
  jy_test_remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
  g_free (fx->path);
}

static gpointer
search_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const SearchJob *job = data;

  return jy_resident_search_with_flags (db, job->query, job->own_team_id, job->flags,
                                        job->limit, cancellable, error);
}

static GArray *
search_full (SearchFixture         *fx,
             const char            *query,
             gint64                 own_team_id,
             JyResidentSearchFlags  flags,
             guint                  limit)
{
  g_autoptr(GError) error = NULL;
  SearchJob job = { query, own_team_id, flags, limit };
  GArray *ids = jy_store_read (fx->store, search_func, &job, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static GArray *
search (SearchFixture *fx,
        const char    *query)
{
  return search_full (fx, query, 0, JY_RESIDENT_SEARCH_DEFAULT, 50);
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gint64
id_at (GArray *ids,
       guint   index)
{
  g_assert_cmpuint (index, <, ids->len);
  return g_array_index (ids, gint64, index);
}

/* The query finds exactly @expected (0-terminated), in any order. */
static void
assert_finds (SearchFixture *fx,
              const char    *query,
              ...)
{
  g_autoptr(GArray) ids = search (fx, query);
  guint n_expected = 0;
  va_list args;
  int id;

  va_start (args, query);
  while ((id = va_arg (args, int)) != 0)
    {
      if (!has_id (ids, id))
        g_error ("query %s: resident %d not found", query, id);
      n_expected++;
    }
  va_end (args);
  g_assert_cmpuint (ids->len, ==, n_expected);
}

static void
test_initials_wxy (SearchFixture *fx,
                   gconstpointer  user_data)
{
  assert_finds (fx, "wxy", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, WANG_XIAOYAN_4, 0);
  assert_finds (fx, "WXY", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, WANG_XIAOYAN_4, 0);
}

static void
test_mixed_wangxy (SearchFixture *fx,
                   gconstpointer  user_data)
{
  /* 汪 is wang too. */
  assert_finds (fx, "wangxy", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, WANG_XIAOYAN_4, 0);
}

static void
test_full_pinyin (SearchFixture *fx,
                  gconstpointer  user_data)
{
  g_autoptr(GArray) partial = search (fx, "wangxiaoy");
  g_autoptr(GArray) other = search (fx, "wangxiaoyu");

  /* 汪小雁 is wangxiaoyan too. */
  assert_finds (fx, "wangxiaoyan", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, WANG_XIAOYAN_4, 0);
  assert_finds (fx, "Wang Xiao Yan", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3,
                WANG_XIAOYAN_4, 0);
  g_assert_cmpuint (partial->len, ==, 4);
  g_assert_cmpuint (other->len, ==, 0);
}

static void
test_polyphonic_surnames (SearchFixture *fx,
                          gconstpointer  user_data)
{
  assert_finds (fx, "shantianfang", SHAN_TIANFANG, 0);
  assert_finds (fx, "dantianfang", SHAN_TIANFANG, 0);
  assert_finds (fx, "cengguofan", ZENG_GUOFAN, 0);
  assert_finds (fx, "oyf", OUYANG_FENG, 0);
  assert_finds (fx, "yuchigong", YUCHI_GONG, 0);
  assert_finds (fx, "lvbu", LV_BU, 0);
  assert_finds (fx, "lubu", LV_BU, 0);
  assert_finds (fx, "lüb", LV_BU, 0);
}

static void
test_name_prefix (SearchFixture *fx,
                  gconstpointer  user_data)
{
  g_autoptr(GArray) ids = search (fx, "王芳");

  /* The exact name before its longer extension. */
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (id_at (ids, 0), ==, WANG_FANG);
  g_assert_cmpint (id_at (ids, 1), ==, WANG_FANGHUA);
  assert_finds (fx, "阿依古丽", AYIGULI, 0);
  assert_finds (fx, "阿依古丽·买", AYIGULI, 0);
  assert_finds (fx, "阿依古丽买买提", AYIGULI, 0);
}

static void
test_id_prefix (SearchFixture *fx,
                gconstpointer  user_data)
{
  assert_finds (fx, "35020319910202", WANG_XIAOYAN_2, 0);
  /* Full-width digits as some input methods type them. */
  assert_finds (fx, "３５０２０３１９９１０２０２", WANG_XIAOYAN_2, 0);
}

static void
test_id_last_4_and_6 (SearchFixture *fx,
                      gconstpointer  user_data)
{
  g_autoptr(GArray) last4 = search (fx, "2345");

  /* Last 4 of 王晓燕's ID; also the start of nobody's phone. */
  g_assert_true (has_id (last4, WANG_XIAOYAN_2));
  assert_finds (fx, "022345", WANG_XIAOYAN_2, 0);
  assert_finds (fx, "02901X", YUCHI_GONG, 0);
  assert_finds (fx, "02901x", YUCHI_GONG, 0);
}

static void
test_phone_tail_and_prefix (SearchFixture *fx,
                            gconstpointer  user_data)
{
  assert_finds (fx, "3333", WANG_XIAOYAN_3, WANG_FANG, 0);
  assert_finds (fx, "1383333", WANG_FANGHUA, 0);
  /* A contact phone and a landline without its area code. */
  assert_finds (fx, "7777", OUYANG_FENG, LANDLINE, 0);
  assert_finds (fx, "5551234", LANDLINE, 0);
  assert_finds (fx, "0592-5551234", LANDLINE, 0);
  /* Stored with +86 and spaces, found by its 11 digits. */
  assert_finds (fx, "13888889999", JOHN_SMITH, 0);
}

static void
test_archive_number (SearchFixture *fx,
                     gconstpointer  user_data)
{
  assert_finds (fx, "35020310100200013", WANG_FANGHUA, 0);
  /* The 8 digits printed on forms, with their dash. */
  assert_finds (fx, "002-00013", WANG_FANGHUA, 0);
}

static void
test_substring_3_chars_finds_4_char_name (SearchFixture *fx,
                                          gconstpointer  user_data)
{
  assert_finds (fx, "马相如", SIMA_XIANGRU, 0);
  assert_finds (fx, "古丽买", AYIGULI, 0);
  assert_finds (fx, "smith", JOHN_SMITH, 0);
}

static void
test_substring_2_chars_xiaoyan (SearchFixture *fx,
                                gconstpointer  user_data)
{
  /* Not 王燕 (no 小燕 in it), 王晓燕 (晓燕), 汪小雁 (小雁). */
  assert_finds (fx, "小燕", WANG_XIAOYAN, LI_XIAOYAN, 0);
  assert_finds (fx, "小 燕", WANG_XIAOYAN, LI_XIAOYAN, 0);
  assert_finds (fx, "马相", SIMA_XIANGRU, 0);
  /* Across the middle dot of a minority name, as the folded name reads. */
  assert_finds (fx, "古丽", AYIGULI, 0);
  assert_finds (fx, "丽买", AYIGULI, 0);
  /* The end of one name and the start of another are not a substring. */
  assert_finds (fx, "燕李", 0);
}

static void
test_substring_1_char_is_prefix_only (SearchFixture *fx,
                                      gconstpointer  user_data)
{
  /* Half the district has a 小 somewhere; nobody's name starts with it. */
  assert_finds (fx, "小", 0);
  assert_finds (fx, "燕", 0);
  assert_finds (fx, "相", XIANG_RUYU, 0);
}

static void
test_substring_2_chars_ranks_after_prefix (SearchFixture *fx,
                                           gconstpointer  user_data)
{
  g_autoptr(GArray) anyone = search (fx, "相如");
  /* 司马相如 is team 3's, 相如玉 team 1's: the own team comes first, and
   * within it, as among the others, a prefix before a substring. */
  g_autoptr(GArray) team_3 = search_full (fx, "相如", fx->team_ids[3],
                                          JY_RESIDENT_SEARCH_DEFAULT, 50);
  g_autoptr(GArray) team_1 = search_full (fx, "相如", fx->team_ids[1],
                                          JY_RESIDENT_SEARCH_DEFAULT, 50);

  g_assert_cmpuint (anyone->len, ==, 2);
  g_assert_cmpint (id_at (anyone, 0), ==, XIANG_RUYU);
  g_assert_cmpint (id_at (anyone, 1), ==, SIMA_XIANGRU);
  g_assert_cmpuint (team_3->len, ==, 2);
  g_assert_cmpint (id_at (team_3, 0), ==, SIMA_XIANGRU);
  g_assert_cmpint (id_at (team_3, 1), ==, XIANG_RUYU);
  g_assert_cmpuint (team_1->len, ==, 2);
  g_assert_cmpint (id_at (team_1, 0), ==, XIANG_RUYU);
  g_assert_cmpint (id_at (team_1, 1), ==, SIMA_XIANGRU);
}

static void
test_substring_2_chars_exact_name_and_prefix (SearchFixture *fx,
                                              gconstpointer  user_data)
{
  g_autoptr(GArray) ids = search (fx, "王芳");

  /* A two-character query is still a name prefix first. */
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (id_at (ids, 0), ==, WANG_FANG);
  g_assert_cmpint (id_at (ids, 1), ==, WANG_FANGHUA);
}

static void
test_substring_2_chars_retired_hidden (SearchFixture *fx,
                                       gconstpointer  user_data)
{
  g_autoptr(GArray) shown = search_full (fx, "三丰", 0, JY_RESIDENT_SEARCH_INCLUDE_RETIRED, 50);
  g_autoptr(GArray) voided = search_full (fx, "孙八", 0, JY_RESIDENT_SEARCH_INCLUDE_RETIRED, 50);

  assert_finds (fx, "三丰", 0);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpint (id_at (shown, 0), ==, ZHANG_SANFENG);
  g_assert_cmpuint (voided->len, ==, 0);
}

static void
test_han_then_initials_wangxy (SearchFixture *fx,
                               gconstpointer  user_data)
{
  /* 王 as typed: not 汪小雁, whose surname is wang too. */
  assert_finds (fx, "王xy", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王XY", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王 x y", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王ｘｙ", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "汪xy", WANG_XIAOYAN_4, 0);
  /* One given character: its initial starts its full pinyin. */
  assert_finds (fx, "王y", WANG_YAN, 0);
  assert_finds (fx, "王xyz", 0);
}

static void
test_han_then_full_pinyin_wangxiaoy (SearchFixture *fx,
                                     gconstpointer  user_data)
{
  assert_finds (fx, "王xiaoy", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王xiaoyan", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王x", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王f", WANG_FANG, WANG_FANGHUA, 0);
  assert_finds (fx, "王fangh", WANG_FANGHUA, 0);
  assert_finds (fx, "王xiaoyu", 0);
}

static void
test_han_given_characters_then_pinyin (SearchFixture *fx,
                                       gconstpointer  user_data)
{
  /* 小 typed: not 王晓燕, whose 晓 is xiao too. */
  assert_finds (fx, "王小y", WANG_XIAOYAN, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王小yan", WANG_XIAOYAN, WANG_XIAOYAN_3, 0);
  assert_finds (fx, "王晓y", WANG_XIAOYAN_2, 0);
  assert_finds (fx, "司马相r", SIMA_XIANGRU, 0);
  assert_finds (fx, "王小燕y", 0);
}

static void
test_han_compound_surname_then_pinyin (SearchFixture *fx,
                                       gconstpointer  user_data)
{
  assert_finds (fx, "欧阳x", OUYANG_XIAO, 0);
  assert_finds (fx, "欧阳f", OUYANG_FENG, 0);
  assert_finds (fx, "欧阳", OUYANG_FENG, OUYANG_XIAO, 0);
  assert_finds (fx, "司马xr", SIMA_XIANGRU, 0);
  assert_finds (fx, "尉迟g", YUCHI_GONG, 0);
  assert_finds (fx, "阿依g", AYIGULI, 0);
}

static void
test_han_polyphonic_surname_shan (SearchFixture *fx,
                                  gconstpointer  user_data)
{
  /* 单 as typed, whatever it reads: not 山晓 (shan) nor 但小红 (dan). */
  assert_finds (fx, "单x", SHAN_XIAOMING, 0);
  assert_finds (fx, "单xm", SHAN_XIAOMING, 0);
  assert_finds (fx, "单t", SHAN_TIANFANG, 0);
  assert_finds (fx, "山x", SHAN_XIAO, 0);
  assert_finds (fx, "但x", DAN_XIAOHONG, 0);
}

static void
test_han_polyphonic_surnames (SearchFixture *fx,
                              gconstpointer  user_data)
{
  assert_finds (fx, "曾g", ZENG_GUOFAN, 0);
  assert_finds (fx, "曾guof", ZENG_GUOFAN, 0);
  assert_finds (fx, "解xd", XIE_XIAODONG, 0);
  assert_finds (fx, "区xh", OU_XIAOHUA, 0);
  assert_finds (fx, "仇m", QIU_MING, 0);
  assert_finds (fx, "查wj", ZHA_WENJING, 0);
  assert_finds (fx, "朴ch", PIAO_CHUNHUA, 0);
  /* The given name in pinyin reads as it would after any surname. */
  assert_finds (fx, "吕b", LV_BU, 0);
}

static void
test_han_then_pinyin_own_team_first (SearchFixture *fx,
                                     gconstpointer  user_data)
{
  /* 王小燕 team 1, 王晓燕 team 2, 王小艳 team 3. */
  for (guint t = 1; t <= 3; t++)
    {
      g_autoptr(GArray) ids = search_full (fx, "王xy", fx->team_ids[t],
                                           JY_RESIDENT_SEARCH_DEFAULT, 50);

      g_assert_cmpuint (ids->len, ==, 3);
      g_assert_cmpuint (people[id_at (ids, 0) - 1].team, ==, t);
    }
}

static void
test_exact_phone_ranks_before_own_team (SearchFixture *fx,
                                        gconstpointer  user_data)
{
  /* 赵六 (team 2) has an ID starting with 王小燕's phone (team 1). */
  g_autoptr(GArray) ids = search_full (fx, "13800001111", fx->team_ids[2],
                                       JY_RESIDENT_SEARCH_DEFAULT, 50);

  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (id_at (ids, 0), ==, WANG_XIAOYAN);
  g_assert_cmpint (id_at (ids, 1), ==, HEBEI_ID);
}

static void
test_exact_id_ranks_first (SearchFixture *fx,
                           gconstpointer  user_data)
{
  g_autoptr(GArray) ids = search_full (fx, "350203199102022345", fx->team_ids[1],
                                       JY_RESIDENT_SEARCH_DEFAULT, 50);

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (id_at (ids, 0), ==, WANG_XIAOYAN_2);
}

static void
test_own_team_ranks_before_other_teams (SearchFixture *fx,
                                        gconstpointer  user_data)
{
  for (guint t = 1; t <= 3; t++)
    {
      g_autoptr(GArray) ids = search_full (fx, "wxy", fx->team_ids[t],
                                           JY_RESIDENT_SEARCH_DEFAULT, 50);
      guint n_own = 0;

      g_assert_cmpuint (ids->len, ==, 4);
      for (guint i = 0; i < ids->len; i++)
        if (people[id_at (ids, i) - 1].team == t)
          {
            /* Every own-team resident comes before any other. */
            g_assert_cmpuint (i, ==, n_own);
            n_own++;
          }
      g_assert_cmpuint (n_own, >, 0);
    }
}

static void
test_limit_keeps_the_best (SearchFixture *fx,
                           gconstpointer  user_data)
{
  /* Without a team, every team's best matches compete (the per-team
   * ranges stop early once enough better ones are known); with one, its
   * own come first. */
  gint64 own_teams[] = { 0, fx->team_ids[3] };

  for (guint t = 0; t < G_N_ELEMENTS (own_teams); t++)
    {
      g_autoptr(GArray) all = search_full (fx, "w", own_teams[t], JY_RESIDENT_SEARCH_DEFAULT, 0);

      /* 0 is no limit; each limit gives the start of the unlimited order. */
      g_assert_cmpuint (all->len, >=, 7);
      for (guint limit = 1; limit <= all->len; limit++)
        {
          g_autoptr(GArray) ids = search_full (fx, "w", own_teams[t],
                                               JY_RESIDENT_SEARCH_DEFAULT, limit);

          g_assert_cmpuint (ids->len, ==, limit);
          g_assert_cmpmem (ids->data, limit * sizeof (gint64), all->data, limit * sizeof (gint64));
        }
    }
}

static void
test_retired_hidden_by_default (SearchFixture *fx,
                                gconstpointer  user_data)
{
  g_autoptr(GArray) hidden = search (fx, "张三丰");
  g_autoptr(GArray) shown = search_full (fx, "张三丰", 0, JY_RESIDENT_SEARCH_INCLUDE_RETIRED, 50);
  g_autoptr(GArray) voided = search_full (fx, "孙八", 0, JY_RESIDENT_SEARCH_INCLUDE_RETIRED, 50);

  g_assert_cmpuint (hidden->len, ==, 0);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpint (id_at (shown, 0), ==, ZHANG_SANFENG);
  /* Voided records are never found. */
  g_assert_cmpuint (voided->len, ==, 0);
}

static void
test_sql_characters_harmless (SearchFixture *fx,
                              gconstpointer  user_data)
{
  const char *queries[] = {
    "%", "_", "'", "*", "\"", "王%", "王_", "w*", "%wxy", "' OR 1=1 --", "\"王小\" OR 马",
    "王小燕\"", "NEAR(王 小)", "-", "·", "\\", "\xff\xfe", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) ids = search (fx, queries[i]);

      /* None is a name, number or pinyin of anyone here. */
      g_assert_cmpuint (ids->len, ==, 0);
    }
}

static gpointer
rename_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SearchFixture *fx = data;
  g_autofree char *team = g_strdup_printf ("%" G_GINT64_FORMAT, fx->team_ids[3]);

  /* 王芳 marries into a new name and moves to team 3. */
  if (!exec_bound (db, "UPDATE resident SET name = '王芳芳', team_id = ?1 WHERE id = 12", error,
                   team, NULL) ||
      !jy_resident_search_index (db, WANG_FANG, "王芳芳", people[WANG_FANG - 1].id_number,
                                 "13999990000", NULL, people[WANG_FANG - 1].archive_no, error))
    return NULL;
  return JY_STORE_DONE;
}

static void
test_reindex_replaces_old_keys (SearchFixture *fx,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) by_team = NULL;

  g_assert_true (jy_store_write (fx->store, rename_func, fx, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  assert_finds (fx, "wangfangfang", WANG_FANG, 0);
  assert_finds (fx, "王芳芳", WANG_FANG, 0);
  assert_finds (fx, "芳芳", WANG_FANG, 0);
  assert_finds (fx, "王ff", WANG_FANG, 0);
  assert_finds (fx, "9990000", WANG_FANG, 0);
  /* The old phone and name keys are gone. */
  assert_finds (fx, "13822223333", 0);
  assert_finds (fx, "王芳", WANG_FANG, WANG_FANGHUA, 0);

  /* The new team ranks them first for team 3. */
  by_team = search_full (fx, "王芳", fx->team_ids[3], JY_RESIDENT_SEARCH_DEFAULT, 50);
  g_assert_cmpint (id_at (by_team, 0), ==, WANG_FANG);
  g_assert_cmpint (jy_test_query_int64 (fx->path, "SELECT count(*) FROM search_key "
                                                  "WHERE resident_id = 12 AND key = 'p:wangfang'"),
                   ==, 0);
}

static gpointer
rebuild_func (JyDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return jy_resident_search_rebuild (db, error) ? JY_STORE_DONE : NULL;
}

static char *
dump_keys (const char *path)
{
  static const char sql[] =
    "SELECT team_id, key, resident_id, visibility FROM search_key\n"
    "UNION ALL SELECT resident_id, keys, team_id, visibility FROM search_doc\n"
    "UNION ALL SELECT rowid, name, 0, 0 FROM resident_name_fts\n"
    "ORDER BY 1, 2, 3";
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s|%s|%s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_rebuild_equals_row_by_row (SearchFixture *fx,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_keys (fx->path);
  g_autofree char *after = NULL;

  g_assert_true (jy_store_write (fx->store, rebuild_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  after = dump_keys (fx->path);

  g_assert_cmpuint (strlen (before), >, 1000);
  g_assert_cmpstr (before, ==, after);
  assert_finds (fx, "wxy", WANG_XIAOYAN, WANG_XIAOYAN_2, WANG_XIAOYAN_3, WANG_XIAOYAN_4, 0);
}

static gpointer
generate_func (JyDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  JyGeneratorOptions options = { .n_residents = 400, .seed = 7 };

  return jy_generator_run (db, &options, NULL, NULL, error) ? JY_STORE_DONE : NULL;
}

static gpointer
reindex_all_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const char sql[] =
    "SELECT id, name, id_number, phone, contact_phone, archive_no FROM resident ORDER BY id";
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 7);

      for (int c = 0; c < 6; c++)
        row[c] = jy_db_column_dup_text (stmt, c);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  /* Columns may be NULL: index each row from its own copy. */
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (!jy_resident_search_index (db, g_ascii_strtoll (row[0], NULL, 10), row[1], row[2],
                                     row[3], row[4], row[5], error))
        return NULL;
    }
  return JY_STORE_DONE;
}

/* The generator's bulk rebuild (batched inserts, sorted keys) leaves the
 * same rows as indexing each resident on its own. */
static void
test_generated_centre_rebuild_equals_row_by_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "demo.db", NULL);
  g_autofree char *rebuilt = NULL;
  g_autofree char *reindexed = NULL;
  g_autoptr(JyStore) store = NULL;

  g_assert_no_error (error);
  store = jy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (store, generate_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  rebuilt = dump_keys (path);

  g_assert_true (jy_store_write (store, reindex_all_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  reindexed = dump_keys (path);

  /* About ten keys per resident. */
  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM search_key"), >, 3000);
  g_assert_cmpstr (rebuilt, ==, reindexed);

  g_clear_object (&store);
  jy_test_remove_tree (tmpdir);
}

typedef struct
{
  SearchJob     job;
  GCancellable *cancellable;
} CancelJob;

static gpointer
search_with_own_cancellable_func (JyDb          *db,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  CancelJob *cancel = data;

  /* Cancelled while it runs: the store only checks before starting. */
  return jy_resident_search (db, cancel->job.query, 0, cancel->job.limit, cancel->cancellable,
                             error);
}

static void
test_cancelled_search_reports_cancelled (SearchFixture *fx,
                                         gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelJob cancel = { { "w", 0, JY_RESIDENT_SEARCH_DEFAULT, 50 }, cancellable };
  gpointer ids;

  g_cancellable_cancel (cancellable);
  ids = jy_store_read (fx->store, search_with_own_cancellable_func, &cancel, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A database made before search keys existed (version 1) gets them when
 * it is migrated. */
static void
test_migration_indexes_existing_residents (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "old.db", NULL);

  g_assert_no_error (error);
  {
    g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (jy_migrations_run (db, 1, &error));
    g_assert_true (jy_db_exec (db,
                               "INSERT INTO site (uuid, created_at, updated_at, kind, code, name)"
                               " VALUES ('s', 'x', 'x', 'centre', '1', 'c');"
                               "INSERT INTO resident (uuid, created_at, updated_at, site_id, name,"
                               " sex, birth_date, phone) VALUES ('r', 'x', 'x', 1, '欧阳锋', '1',"
                               " '1960-01-01', '13912345678');",
                               &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(JyStore) store = jy_store_open (path, &error);
    SearchJob job = { "oyf", 0, JY_RESIDENT_SEARCH_DEFAULT, 10 };
    g_autoptr(GArray) ids = NULL;

    g_assert_no_error (error);
    ids = jy_store_read (store, search_func, &job, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (id_at (ids, 0), ==, 1);
  }

  jy_test_remove_tree (tmpdir);
}

/* A database indexed before the b: and h: keys (version 2) gets them when
 * it is migrated. */
static void
test_migration_adds_bigram_and_han_surname_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("jiayi-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmpdir, "old.db", NULL);

  g_assert_no_error (error);
  {
    g_autoptr(JyDb) db = jy_db_open (path, JY_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (jy_migrations_run (db, 2, &error));
    g_assert_true (jy_db_begin (db, &error));
    g_assert_true (jy_db_exec (db,
                               "INSERT INTO site (uuid, created_at, updated_at, kind, code, name)"
                               " VALUES ('s', 'x', 'x', 'centre', '1', 'c');"
                               "INSERT INTO resident (uuid, created_at, updated_at, site_id, name,"
                               " sex, birth_date, phone) VALUES ('r', 'x', 'x', 1, '王小燕', '2',"
                               " '1990-01-01', '13912345678');",
                               &error));
    g_assert_true (jy_resident_search_index (db, 1, "王小燕", NULL, "13912345678", NULL, NULL,
                                             &error));
    /* What version 2 wrote: no b: or h: keys. */
    g_assert_true (jy_db_exec (db,
                               "DELETE FROM search_key WHERE key GLOB 'b:*' OR key GLOB 'h:*';"
                               "UPDATE search_doc SET keys = 'n:王小燕';",
                               &error));
    g_assert_true (jy_db_commit (db, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (jy_test_query_int64 (path, "SELECT count(*) FROM search_key "
                                              "WHERE key GLOB 'h:*'"), ==, 0);
  {
    g_autoptr(JyStore) store = jy_store_open (path, &error);
    SearchJob han = { "王xy", 0, JY_RESIDENT_SEARCH_DEFAULT, 10 };
    SearchJob bigram = { "小燕", 0, JY_RESIDENT_SEARCH_DEFAULT, 10 };
    g_autoptr(GArray) by_han = NULL;
    g_autoptr(GArray) by_bigram = NULL;

    g_assert_no_error (error);
    by_han = jy_store_read (store, search_func, &han, NULL, &error);
    g_assert_no_error (error);
    by_bigram = jy_store_read (store, search_func, &bigram, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (by_han->len, ==, 1);
    g_assert_cmpuint (by_bigram->len, ==, 1);
  }

  jy_test_remove_tree (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

#define ADD(path, func) \
  g_test_add ("/store/search/" path, SearchFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("initials-wxy-finds-wang-xiaoyan", test_initials_wxy);
  ADD ("mixed-wangxy-finds-wang-xiaoyan", test_mixed_wangxy);
  ADD ("full-pinyin-wangxiaoyan", test_full_pinyin);
  ADD ("polyphonic-and-compound-surnames", test_polyphonic_surnames);
  ADD ("name-prefix-exact-name-first", test_name_prefix);
  ADD ("id-prefix", test_id_prefix);
  ADD ("id-last-4-and-6-digits", test_id_last_4_and_6);
  ADD ("phone-tail-prefix-contact-landline", test_phone_tail_and_prefix);
  ADD ("archive-number-17-and-8-digits", test_archive_number);
  ADD ("substring-3-chars-finds-4-char-name", test_substring_3_chars_finds_4_char_name);
  ADD ("2-char-substring-小燕-finds-王小燕-李小燕-not-王燕", test_substring_2_chars_xiaoyan);
  ADD ("1-char-query-is-prefix-only", test_substring_1_char_is_prefix_only);
  ADD ("2-char-substring-ranks-after-prefix", test_substring_2_chars_ranks_after_prefix);
  ADD ("2-char-query-exact-name-and-prefix-first", test_substring_2_chars_exact_name_and_prefix);
  ADD ("2-char-substring-retired-hidden-voided-never", test_substring_2_chars_retired_hidden);
  ADD ("王xy-finds-王小燕-not-汪小雁", test_han_then_initials_wangxy);
  ADD ("王xiaoy-finds-王小燕", test_han_then_full_pinyin_wangxiaoy);
  ADD ("王小y-finds-王小燕-not-王晓燕", test_han_given_characters_then_pinyin);
  ADD ("欧阳x-finds-欧阳晓", test_han_compound_surname_then_pinyin);
  ADD ("单x-finds-单-as-shan-not-山-or-但", test_han_polyphonic_surname_shan);
  ADD ("曾g-解x-区x-仇m-查w-朴c-polyphonic-surnames", test_han_polyphonic_surnames);
  ADD ("汉字-then-pinyin-own-team-first", test_han_then_pinyin_own_team_first);
  ADD ("exact-phone-ranks-before-own-team", test_exact_phone_ranks_before_own_team);
  ADD ("exact-id-ranks-first", test_exact_id_ranks_first);
  ADD ("own-team-ranks-before-other-teams", test_own_team_ranks_before_other_teams);
  ADD ("limit-keeps-the-best", test_limit_keeps_the_best);
  ADD ("retired-hidden-by-default-voided-always", test_retired_hidden_by_default);
  ADD ("sql-characters-harmless", test_sql_characters_harmless);
  ADD ("reindex-replaces-old-keys-and-team", test_reindex_replaces_old_keys);
  ADD ("rebuild-equals-row-by-row-index", test_rebuild_equals_row_by_row);
  ADD ("cancelled-search-reports-cancelled", test_cancelled_search_reports_cancelled);
  g_test_add_func ("/store/search/generated-centre-rebuild-equals-row-by-row",
                   test_generated_centre_rebuild_equals_row_by_row);
  g_test_add_func ("/store/search/migration-indexes-existing-residents",
                   test_migration_indexes_existing_residents);
  g_test_add_func ("/store/search/migration-3-adds-bigram-and-han-surname-keys",
                   test_migration_adds_bigram_and_han_surname_keys);

  return g_test_run ();
}
