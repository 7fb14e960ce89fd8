/* jy-resident-search-keys.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-search.h"

#include "jy-pinyin.h"
#include "jy-resident-search-private.h"

#include <string.h>

/* Writing the search keys: one resident at a time (the repository, sync,
 * import) or all at once (the generator, migrations). The kinds of key
 * are described in jy-resident-search.h; reading them is in
 * jy-resident-search.c. */

/* Keys -------------------------------------------------------------------- */

static int
visibility_of_status (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return JY_SEARCH_VISIBILITY_ACTIVE;
  if (g_strcmp0 (status, "voided") == 0)
    return JY_SEARCH_VISIBILITY_VOIDED;
  return JY_SEARCH_VISIBILITY_RETIRED;
}

static void
add_key (GPtrArray  *keys,
         const char *kind,
         const char *value)
{
  if (value != NULL && *value != '\0')
    g_ptr_array_add (keys, g_strconcat (kind, value, NULL));
}

static void
add_reversed_key (GPtrArray  *keys,
                  const char *kind,
                  const char *value)
{
  g_autofree char *reversed = g_strdup (value);

  /* ASCII digits and X only: bytes reverse as characters do. */
  add_key (keys, kind, g_strreverse (reversed));
}

/* Digits of @text, full-width ones made ASCII; with @allow_x, an x or X
 * (an ID's check character) as X. Anything else is skipped. */
char *
jy_resident_search_fold_digits (const char *text,
                                gboolean    allow_x)
{
  g_autofree char *normalized = NULL;
  GString *out;

  /* Stored numbers are ASCII already; NFKC is for what people type. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p >= 0x80)
      {
        normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
        if (normalized == NULL)
          return g_strdup ("");
        text = normalized;
        break;
      }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (allow_x && (*p == 'x' || *p == 'X'))
        g_string_append_c (out, 'X');
    }

  return g_string_free (out, FALSE);
}

/* Phones are stored normalized (jy_phone_normalize: a mobile as 11
 * digits, a landline as 0592-5551234[-ext]), but imports may bring
 * anything: this reads both. */
static void
add_phone_keys (GPtrArray  *keys,
                const char *phone)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *digits = NULL;

  if (phone == NULL || *phone == '\0')
    return;

  parts = g_strsplit (phone, "-", 3);
  if (g_strv_length (parts) >= 2 && parts[0][0] == '0')
    {
      /* Landline: area code and number, the extension left out; and the
       * local number alone, which is what people remember. */
      g_autofree char *area = jy_resident_search_fold_digits (parts[0], FALSE);
      g_autofree char *local = jy_resident_search_fold_digits (parts[1], FALSE);

      digits = g_strconcat (area, local, NULL);
      if (*area != '\0')
        add_key (keys, "t:", local);
    }
  else
    {
      digits = jy_resident_search_fold_digits (phone, FALSE);
      /* +86 138…, 0086 138…: the country prefix of a mobile. */
      if (strlen (digits) == 15 && g_str_has_prefix (digits, "00861"))
        memmove (digits, digits + 4, 12);
      else if (strlen (digits) == 13 && g_str_has_prefix (digits, "861"))
        memmove (digits, digits + 2, 12);
    }

  if (*digits == '\0')
    return;
  add_key (keys, "t:", digits);
  add_reversed_key (keys, "T:", digits);
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* b: every two adjacent 汉字 of the folded name but the first two, which
 * the n: key answers as a prefix: 王小燕 → b:小燕; 司马相如 → b:马相, b:相如.
 * Trigrams need three characters, so these answer two. */
static void
add_bigram_keys (GPtrArray  *keys,
                 const char *folded)
{
  guint first_bigram = keys->len;
  const char *p;

  if (*folded == '\0')
    return;

  for (p = g_utf8_next_char (folded); *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *second = g_utf8_next_char (p);
      const char *end;
      g_autofree char *key = NULL;
      gboolean repeated = FALSE;

      if (*second == '\0')
        break;
      if (!is_han (g_utf8_get_char (p)) || !is_han (g_utf8_get_char (second)))
        continue;

      end = g_utf8_next_char (second);
      key = g_strdup_printf ("b:%.*s", (int)(end - p), p);
      /* 小燕小燕: one key per pair, however often it occurs. */
      for (guint i = first_bigram; i < keys->len && !repeated; i++)
        repeated = strcmp (g_ptr_array_index (keys, i), key) == 0;
      if (!repeated)
        g_ptr_array_add (keys, g_steal_pointer (&key));
    }
}

/* The n:, b:, p:, m:, i: and h: keys of a name. */
static void
collect_name_keys (GPtrArray  *keys,
                   const char *name)
{
  g_autofree char *folded = jy_pinyin_fold_name (name);
  g_autoptr(JyPinyinKeys) pinyin = jy_pinyin_keys_new (name);

  add_key (keys, "n:", folded);
  add_bigram_keys (keys, folded);
  for (guint i = 0; i < pinyin->full->len; i++)
    add_key (keys, "p:", g_ptr_array_index (pinyin->full, i));
  for (guint i = 0; i < pinyin->mixed->len; i++)
    add_key (keys, "m:", g_ptr_array_index (pinyin->mixed, i));
  for (guint i = 0; i < pinyin->initials->len; i++)
    add_key (keys, "i:", g_ptr_array_index (pinyin->initials, i));
  for (guint i = 0; i < pinyin->han_surname->len; i++)
    add_key (keys, "h:", g_ptr_array_index (pinyin->han_surname, i));
}

/* The keys of the numbers a resident is known by (see the header). */
static void
collect_number_keys (GPtrArray  *keys,
                     const char *id_number,
                     const char *phone,
                     const char *contact_phone,
                     const char *archive_no)
{
  if (id_number != NULL)
    {
      g_autofree char *id = jy_resident_search_fold_digits (id_number, TRUE);

      if (*id != '\0')
        {
          add_key (keys, "d:", id);
          add_reversed_key (keys, "D:", id);
        }
    }

  add_phone_keys (keys, phone);
  add_phone_keys (keys, contact_phone);

  if (archive_no != NULL)
    {
      g_autofree char *archive = jy_resident_search_fold_digits (archive_no, FALSE);
      gsize len = strlen (archive);

      add_key (keys, "a:", archive);
      /* Forms print the last 8 (village + serial) as □□□-□□□□□. */
      if (len == 17)
        add_key (keys, "a:", archive + len - 8);
    }
}

/* Indexing one resident ------------------------------------------------------ */

static gboolean
read_team_and_status (JyDb     *db,
                      gint64    resident_id,
                      gint64   *out_team_id,
                      int      *out_visibility,
                      GError  **error)
{
  static const char sql[] =
    "SELECT ifnull (team_id, 0), status FROM resident WHERE id = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  rc = jy_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No resident %" G_GINT64_FORMAT " to index for search", resident_id);
      return FALSE;
    }

  *out_team_id = sqlite3_column_int64 (stmt, 0);
  *out_visibility = visibility_of_status ((const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

/* Deletes the keys and substring entry the resident was last indexed
 * under, as search_doc remembers them. */
static gboolean
remove_old_doc (JyDb     *db,
                gint64    resident_id,
                GError  **error)
{
  static const char doc_sql[] =
    "SELECT team_id, name, keys FROM search_doc WHERE resident_id = ?1";
  static const char delete_key_sql[] =
    "DELETE FROM search_key WHERE team_id = ?1 AND key = ?2 AND resident_id = ?3";
  /* External content: FTS5 needs the value it indexed to forget it. */
  static const char delete_fts_sql[] =
    "INSERT INTO resident_name_fts (resident_name_fts, rowid, name) VALUES ('delete', ?1, ?2)";
  g_auto(GStrv) keys = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 team_id;
  int rc;

  if ((stmt = jy_db_prepare (db, doc_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;   /* never indexed */
    }
  team_id = sqlite3_column_int64 (stmt, 0);
  name = jy_db_column_dup_text (stmt, 1);
  keys = g_strsplit ((const char *)sqlite3_column_text (stmt, 2), "\n", -1);
  sqlite3_reset (stmt);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (*keys[i] == '\0')
        continue;
      if ((stmt = jy_db_prepare (db, delete_key_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, team_id);
      sqlite3_bind_text (stmt, 2, keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, resident_id);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  if ((stmt = jy_db_prepare (db, delete_fts_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  return jy_db_step_done (db, stmt, error);
}

static char *
join_keys (GPtrArray *keys)
{
  GString *joined = g_string_sized_new (16 * keys->len);

  for (guint i = 0; i < keys->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, g_ptr_array_index (keys, i));
    }
  return g_string_free (joined, FALSE);
}

gboolean
jy_resident_search_index (JyDb        *db,
                          gint64       resident_id,
                          const char  *name,
                          const char  *id_number,
                          const char  *phone,
                          const char  *contact_phone,
                          const char  *archive_no,
                          GError     **error)
{
  static const char insert_key_sql[] =
    "INSERT OR IGNORE INTO search_key (team_id, key, resident_id, visibility)\n"
    "VALUES (?1, ?2, ?3, ?4)";
  static const char doc_sql[] =
    "INSERT OR REPLACE INTO search_doc (resident_id, team_id, visibility, name, keys)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5)";
  static const char insert_fts_sql[] =
    "INSERT INTO resident_name_fts (rowid, name) VALUES (?1, ?2)";
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = jy_pinyin_fold_name (name != NULL ? name : "");
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt;
  gint64 team_id;
  int visibility;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (resident_id > 0, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (!read_team_and_status (db, resident_id, &team_id, &visibility, error) ||
      !remove_old_doc (db, resident_id, error))
    return FALSE;

  if (name != NULL)
    collect_name_keys (keys, name);
  collect_number_keys (keys, id_number, phone, contact_phone, archive_no);
  for (guint i = 0; i < keys->len; i++)
    {
      if ((stmt = jy_db_prepare (db, insert_key_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, team_id);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (keys, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, resident_id);
      sqlite3_bind_int (stmt, 4, visibility);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  joined = join_keys (keys);
  if ((stmt = jy_db_prepare (db, doc_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_int64 (stmt, 2, team_id);
  sqlite3_bind_int (stmt, 3, visibility);
  sqlite3_bind_text (stmt, 4, folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, joined, -1, SQLITE_STATIC);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, insert_fts_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_STATIC);
  return jy_db_step_done (db, stmt, error);
}

/* Rebuilding all ---------------------------------------------------------------- */

/* Kinds are ASCII letters (jy-resident-search.h); team indexes take the
 * rest of a bucket number's 30 bits. */
#define KIND_BITS 7
#define N_KINDS   (1u << KIND_BITS)
#define MAX_TEAMS (1u << (30 - KIND_BITS))

/* One row of search_key, waiting to be sorted. */
typedef struct
{
  guint64 prefix;       /* the key's first 8 bytes, big-endian: most comparisons end here */
  gint64  resident_id;
  guint32 key;          /* offset of the NUL-terminated key in the buffer */
  guint32 bucket : 30;  /* team index << KIND_BITS | the key's kind (its first byte) */
  guint32 visibility : 2;
} RebuildKey;

/* Rows per INSERT in a rebuild: insert_batch_sql has this many. */
#define INSERT_BATCH 32
#define ROW      "(?, ?, ?, ?)"
#define ROWS_4   ROW ", " ROW ", " ROW ", " ROW
#define ROWS_16  ROWS_4 ", " ROWS_4 ", " ROWS_4 ", " ROWS_4

typedef struct
{
  GByteArray *buffer;       /* every key's text */
  GArray     *keys;         /* of RebuildKey, in resident order */
  GArray     *team_ids;     /* of gint64: team index -> team id */
  GHashTable *team_index;   /* gint64 * team id -> GUINT_TO_POINTER (index + 1) */
  GString    *joined;       /* the current resident's keys, for search_doc */
} Rebuild;

static guint64
key_prefix (const char *key)
{
  guint64 prefix = 0;
  guint i;

  /* Bytes after the NUL stay 0, which sorts as strcmp does. */
  for (i = 0; i < 8 && key[i] != '\0'; i++)
    prefix = (prefix << 8) | (guchar)key[i];
  return i == 0 ? 0 : prefix << (8 * (8 - i));
}

/* Within one bucket (one team, one kind). */
static int
compare_rebuild_keys (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const RebuildKey *x = a, *y = b;
  const char *buffer = user_data;
  int cmp;

  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  if ((cmp = strcmp (buffer + x->key, buffer + y->key)) != 0)
    return cmp;
  return (x->resident_id > y->resident_id) - (x->resident_id < y->resident_id);
}

static guint
team_index (Rebuild *rebuild,
            gint64   team_id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (rebuild->team_index, &team_id));

  if (index == 0)
    {
      gint64 *key = g_new (gint64, 1);

      *key = team_id;
      g_array_append_val (rebuild->team_ids, team_id);
      index = rebuild->team_ids->len;
      g_hash_table_insert (rebuild->team_index, key, GUINT_TO_POINTER (index));
    }
  return index - 1;
}

/* Files one key of the current resident. */
static void
add_rebuild_key (Rebuild    *rebuild,
                 const char *key,
                 gint64      resident_id,
                 guint       team,
                 int         visibility)
{
  gsize length = strlen (key);
  RebuildKey entry;

  g_assert ((guchar)key[0] < N_KINDS);
  entry.prefix = key_prefix (key);
  entry.resident_id = resident_id;
  entry.key = rebuild->buffer->len;
  entry.bucket = team << KIND_BITS | (guchar)key[0];
  entry.visibility = visibility;
  g_byte_array_append (rebuild->buffer, (const guint8 *)key, length + 1);
  g_array_append_val (rebuild->keys, entry);

  if (rebuild->joined->len > 0)
    g_string_append_c (rebuild->joined, '\n');
  g_string_append_len (rebuild->joined, key, length);
}

static int
count_residents (JyDb    *db,
                 GError **error)
{
  gint64 n = 0;

  if (!jy_db_query_int64 (db, "SELECT count (*) FROM resident", &n, error))
    return -1;
  return (int)CLAMP (n, 0, G_MAXINT);
}

/* Reads every resident, writes their search_doc and collects their keys
 * for sorting. */
static gboolean
compute_all_keys (JyDb     *db,
                  Rebuild  *rebuild,
                  guint    *out_residents,
                  GError  **error)
{
  static const char residents_sql[] =
    "SELECT id, ifnull (team_id, 0), status, name, id_number, phone, contact_phone, archive_no\n"
    "FROM resident ORDER BY id";
  static const char doc_sql[] =
    "INSERT INTO search_doc (resident_id, team_id, visibility, name, keys)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(GPtrArray) number_keys = g_ptr_array_new_with_free_func (g_free);
  /* Names repeat (86,000 different ones in the demo's 200,000): their
   * pinyin is the costly part. */
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)g_ptr_array_unref);
  sqlite3_stmt *stmt;
  sqlite3_stmt *doc;
  int rc;

  if ((stmt = jy_db_prepare (db, residents_sql, error)) == NULL)
    return FALSE;

  *out_residents = 0;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 team_id = sqlite3_column_int64 (stmt, 1);
      int visibility = visibility_of_status ((const char *)sqlite3_column_text (stmt, 2));
      const char *name = (const char *)sqlite3_column_text (stmt, 3);
      GPtrArray *name_keys = NULL;
      guint team;

      if (rebuild->buffer->len > G_MAXUINT32 - 4096 ||
          rebuild->team_ids->len >= MAX_TEAMS)
        {
          sqlite3_reset (stmt);
          g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                               "Too many search keys or teams to rebuild at once");
          return FALSE;
        }
      team = team_index (rebuild, team_id);

      if (name != NULL && (name_keys = g_hash_table_lookup (names, name)) == NULL)
        {
          name_keys = g_ptr_array_new_with_free_func (g_free);
          /* The folded name first, for search_doc; then the keys. */
          g_ptr_array_add (name_keys, jy_pinyin_fold_name (name));
          collect_name_keys (name_keys, name);
          g_hash_table_insert (names, g_strdup (name), name_keys);
        }
      g_ptr_array_set_size (number_keys, 0);
      collect_number_keys (number_keys,
                           (const char *)sqlite3_column_text (stmt, 4),
                           (const char *)sqlite3_column_text (stmt, 5),
                           (const char *)sqlite3_column_text (stmt, 6),
                           (const char *)sqlite3_column_text (stmt, 7));

      /* In the order jy_resident_search_index () has them. */
      g_string_truncate (rebuild->joined, 0);
      for (guint i = 1; name_keys != NULL && i < name_keys->len; i++)
        add_rebuild_key (rebuild, g_ptr_array_index (name_keys, i), id, team, visibility);
      for (guint i = 0; i < number_keys->len; i++)
        add_rebuild_key (rebuild, g_ptr_array_index (number_keys, i), id, team, visibility);

      if ((doc = jy_db_prepare (db, doc_sql, error)) == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_bind_int64 (doc, 1, id);
      sqlite3_bind_int64 (doc, 2, team_id);
      sqlite3_bind_int (doc, 3, visibility);
      sqlite3_bind_text (doc, 4, name_keys != NULL ? g_ptr_array_index (name_keys, 0) : "", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (doc, 5, rebuild->joined->str, rebuild->joined->len, SQLITE_STATIC);
      if (!jy_db_step_done (db, doc, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      (*out_residents)++;
    }
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static int
compare_team_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const gint64 *team_ids = user_data;
  gint64 x = team_ids[*(const guint *)a], y = team_ids[*(const guint *)b];

  return (x > y) - (x < y);
}

/* Sorts the rebuild's keys into @sorted in (team id, key, resident id)
 * order, without repeats (a resident's key that occurs twice); returns
 * how many are left. A counting sort by team and kind first: 2.5 million
 * keys make a few hundred buckets of a few thousand, each sorted while it
 * fits in the cache, several times as fast as one sort of them all. */
static guint
sort_keys (Rebuild *rebuild,
           GArray  *sorted)
{
  const char *buffer = (const char *)rebuild->buffer->data;
  guint n_teams = rebuild->team_ids->len;
  guint n_buckets = n_teams << KIND_BITS;
  g_autofree guint *order = g_new (guint, n_teams);      /* rank -> team index */
  g_autofree guint *counts = g_new0 (guint, n_buckets);
  g_autofree guint *fill = NULL;
  guint n_unique = 0;
  guint offset = 0;

  for (guint t = 0; t < n_teams; t++)
    order[t] = t;
  g_qsort_with_data (order, n_teams, sizeof (guint), compare_team_order,
                     rebuild->team_ids->data);

  for (guint i = 0; i < rebuild->keys->len; i++)
    counts[g_array_index (rebuild->keys, RebuildKey, i).bucket]++;

  /* Buckets' places, teams by id and kinds by byte: strcmp order. */
  fill = g_new (guint, n_buckets);
  for (guint r = 0; r < n_teams; r++)
    for (guint k = 0; k < N_KINDS; k++)
      {
        guint bucket = order[r] << KIND_BITS | k;
        guint count = counts[bucket];

        fill[bucket] = offset;
        offset += count;
      }

  g_array_set_size (sorted, rebuild->keys->len);
  for (guint i = 0; i < rebuild->keys->len; i++)
    {
      const RebuildKey *entry = &g_array_index (rebuild->keys, RebuildKey, i);

      g_array_index (sorted, RebuildKey, fill[entry->bucket]++) = *entry;
    }

  /* fill[] now holds each bucket's end: sort each, dropping repeats. */
  offset = 0;
  for (guint r = 0; r < n_teams; r++)
    for (guint k = 0; k < N_KINDS; k++)
      {
        guint end = fill[order[r] << KIND_BITS | k];
        RebuildKey *bucket = &g_array_index (sorted, RebuildKey, offset);

        if (end > offset)
          g_qsort_with_data (bucket, end - offset, sizeof (RebuildKey), compare_rebuild_keys,
                             (gpointer)buffer);
        for (guint i = offset; i < end; i++)
          {
            const RebuildKey *entry = &g_array_index (sorted, RebuildKey, i);

            if (n_unique > 0 &&
                g_array_index (sorted, RebuildKey, n_unique - 1).bucket == entry->bucket &&
                compare_rebuild_keys (&g_array_index (sorted, RebuildKey, n_unique - 1), entry,
                                      (gpointer)buffer) == 0)
              continue;
            g_array_index (sorted, RebuildKey, n_unique++) = *entry;
          }
        offset = end;
      }

  g_array_set_size (sorted, n_unique);
  return n_unique;
}

/* Inserts the sorted keys, INSERT_BATCH rows per statement while they
 * last: with millions of rows, binding and stepping cost as much as the
 * B-tree. */
static gboolean
insert_keys (JyDb     *db,
             Rebuild  *rebuild,
             GArray   *sorted,
             GError  **error)
{
  static const char insert_key_sql[] =
    "INSERT INTO search_key (team_id, key, resident_id, visibility)\n"
    "VALUES (?1, ?2, ?3, ?4)";
  static const char insert_batch_sql[] =
    "INSERT INTO search_key (team_id, key, resident_id, visibility)\n"
    "VALUES " ROWS_16 ", " ROWS_16;
  const char *buffer = (const char *)rebuild->buffer->data;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < sorted->len;)
    {
      guint batch = sorted->len - i >= INSERT_BATCH ? INSERT_BATCH : 1;

      if ((stmt = jy_db_prepare (db, batch > 1 ? insert_batch_sql : insert_key_sql, error)) == NULL)
        return FALSE;
      for (guint b = 0; b < batch; b++, i++)
        {
          const RebuildKey *entry = &g_array_index (sorted, RebuildKey, i);
          gint64 team_id = g_array_index (rebuild->team_ids, gint64, entry->bucket >> KIND_BITS);
          int first = 4 * (int)b;

          sqlite3_bind_int64 (stmt, first + 1, team_id);
          sqlite3_bind_text (stmt, first + 2, buffer + entry->key, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, first + 3, entry->resident_id);
          sqlite3_bind_int (stmt, first + 4, (int)entry->visibility);
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return jy_db_set_error (db, rc, error);
    }

  return TRUE;
}

gboolean
jy_resident_search_rebuild (JyDb    *db,
                            GError **error)
{
  static const char clear_sql[] =
    "DELETE FROM search_key;\n"
    "DELETE FROM search_doc;\n"
    "INSERT INTO resident_name_fts (resident_name_fts) VALUES ('delete-all');\n";
  /* From search_doc in one pass: 0.2 s for 200,000 names. */
  static const char fill_fts_sql[] =
    "INSERT INTO resident_name_fts (resident_name_fts) VALUES ('rebuild')";
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) team_index = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, NULL);
  g_autoptr(GString) joined = g_string_sized_new (1024);
  gint64 started = g_get_monotonic_time ();
  Rebuild rebuild;
  guint n_residents = 0;
  guint n_keys;
  int n_expected;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  /* About 12 keys of 15 bytes a resident: room for them from the start. */
  if ((n_expected = count_residents (db, error)) < 0)
    return FALSE;
  n_expected = MIN (n_expected, 1 << 22);
  buffer = g_byte_array_sized_new (n_expected * 200 + 4096);
  keys = g_array_sized_new (FALSE, FALSE, sizeof (RebuildKey), n_expected * 14 + 64);

  rebuild.buffer = buffer;
  rebuild.keys = keys;
  rebuild.team_ids = team_ids;
  rebuild.team_index = team_index;
  rebuild.joined = joined;

  if (!jy_db_exec (db, clear_sql, error) ||
      !compute_all_keys (db, &rebuild, &n_residents, error))
    return FALSE;

  /* Appending to a B-tree in key order is several times faster than
   * inserting in resident order. */
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (RebuildKey), keys->len);
  n_keys = sort_keys (&rebuild, sorted);
  g_clear_pointer (&keys, g_array_unref);
  rebuild.keys = NULL;

  if (!insert_keys (db, &rebuild, sorted, error) ||
      !jy_db_exec (db, fill_fts_sql, error))
    return FALSE;

  g_debug ("search index rebuilt: %u residents, %u keys, %.0f ms",
           n_residents, n_keys, (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}
