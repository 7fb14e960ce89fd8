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

typedef struct
{
  guint64 prefix;       /* the key's first 8 bytes, big-endian: most comparisons end here */
  guint32 team;         /* team id; ids past 2^32 would not be a health centre's */
  guint32 key;          /* offset of the NUL-terminated key in the buffer */
  gint64  resident_id;
  int     visibility;
} RebuildKey;

/* Rows per INSERT in a rebuild: insert_batch_sql has this many. */
#define INSERT_BATCH 32
#define ROW      "(?, ?, ?, ?)"
#define ROWS_4   ROW ", " ROW ", " ROW ", " ROW
#define ROWS_16  ROWS_4 ", " ROWS_4 ", " ROWS_4 ", " ROWS_4

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

static int
compare_rebuild_keys (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const RebuildKey *x = a, *y = b;
  const char *buffer = user_data;
  int cmp;

  if (x->team != y->team)
    return x->team < y->team ? -1 : 1;
  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  if ((cmp = strcmp (buffer + x->key, buffer + y->key)) != 0)
    return cmp;
  return (x->resident_id > y->resident_id) - (x->resident_id < y->resident_id);
}

/* Reads every resident, writes their search_doc and collects their keys
 * into @buffer/@keys for sorting. */
static gboolean
compute_all_keys (JyDb        *db,
                  GByteArray  *buffer,
                  GArray      *keys,
                  guint       *out_residents,
                  GError     **error)
{
  static const char residents_sql[] =
    "SELECT id, ifnull (team_id, 0), status, name, id_number, phone, contact_phone, archive_no\n"
    "FROM resident ORDER BY id";
  static const char doc_sql[] =
    "INSERT INTO search_doc (resident_id, team_id, visibility, name, keys)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(GPtrArray) resident_keys = g_ptr_array_new_with_free_func (g_free);
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
      g_autofree char *folded = jy_pinyin_fold_name (name != NULL ? name : "");
      g_autofree char *joined = NULL;

      if (team_id < 0 || team_id > G_MAXUINT32 || buffer->len > G_MAXUINT32 - 4096)
        {
          sqlite3_reset (stmt);
          g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                               "Too many search keys or teams to rebuild at once");
          return FALSE;
        }

      g_ptr_array_set_size (resident_keys, 0);
      if (name != NULL)
        {
          GPtrArray *name_keys = g_hash_table_lookup (names, name);

          /* Names repeat (86,000 different ones in the demo's 200,000):
           * their pinyin is the costly part. */
          if (name_keys == NULL)
            {
              name_keys = g_ptr_array_new_with_free_func (g_free);
              collect_name_keys (name_keys, name);
              g_hash_table_insert (names, g_strdup (name), name_keys);
            }
          for (guint i = 0; i < name_keys->len; i++)
            g_ptr_array_add (resident_keys, g_strdup (g_ptr_array_index (name_keys, i)));
        }
      collect_number_keys (resident_keys,
                           (const char *)sqlite3_column_text (stmt, 4),
                           (const char *)sqlite3_column_text (stmt, 5),
                           (const char *)sqlite3_column_text (stmt, 6),
                           (const char *)sqlite3_column_text (stmt, 7));

      for (guint i = 0; i < resident_keys->len; i++)
        {
          const char *key = g_ptr_array_index (resident_keys, i);
          RebuildKey entry;

          entry.prefix = key_prefix (key);
          entry.team = (guint32)team_id;
          entry.key = buffer->len;
          entry.resident_id = id;
          entry.visibility = visibility;
          g_byte_array_append (buffer, (const guint8 *)key, strlen (key) + 1);
          g_array_append_val (keys, entry);
        }

      joined = join_keys (resident_keys);
      if ((doc = jy_db_prepare (db, doc_sql, error)) == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_bind_int64 (doc, 1, id);
      sqlite3_bind_int64 (doc, 2, team_id);
      sqlite3_bind_int (doc, 3, visibility);
      sqlite3_bind_text (doc, 4, folded, -1, SQLITE_STATIC);
      sqlite3_bind_text (doc, 5, joined, -1, SQLITE_STATIC);
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

gboolean
jy_resident_search_rebuild (JyDb    *db,
                            GError **error)
{
  static const char clear_sql[] =
    "DELETE FROM search_key;\n"
    "DELETE FROM search_doc;\n"
    "INSERT INTO resident_name_fts (resident_name_fts) VALUES ('delete-all');\n";
  static const char insert_key_sql[] =
    "INSERT INTO search_key (team_id, key, resident_id, visibility)\n"
    "VALUES (?1, ?2, ?3, ?4)";
  static const char insert_batch_sql[] =
    "INSERT INTO search_key (team_id, key, resident_id, visibility)\n"
    "VALUES " ROWS_16 ", " ROWS_16;
  /* From search_doc in one pass: 0.2 s for 200,000 names. */
  static const char fill_fts_sql[] =
    "INSERT INTO resident_name_fts (resident_name_fts) VALUES ('rebuild')";
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (1 << 20);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (RebuildKey));
  gint64 started = g_get_monotonic_time ();
  guint n_residents = 0;
  guint n_unique;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (!jy_db_exec (db, clear_sql, error) ||
      !compute_all_keys (db, buffer, keys, &n_residents, error))
    return FALSE;

  /* Appending to a B-tree in key order is several times faster than
   * inserting in resident order. */
  g_array_sort_with_data (keys, compare_rebuild_keys, buffer->data);

  /* A repeated key of one resident sorts next to itself: drop repeats. */
  n_unique = 0;
  for (guint i = 0; i < keys->len; i++)
    {
      const RebuildKey *entry = &g_array_index (keys, RebuildKey, i);

      if (n_unique > 0 &&
          compare_rebuild_keys (&g_array_index (keys, RebuildKey, n_unique - 1), entry,
                                buffer->data) == 0)
        continue;
      g_array_index (keys, RebuildKey, n_unique++) = *entry;
    }

  /* INSERT_BATCH rows per statement while they last, then one by one:
   * with 2 million rows, binding and stepping cost as much as the B-tree. */
  for (guint i = 0; i < n_unique;)
    {
      guint batch = n_unique - i >= INSERT_BATCH ? INSERT_BATCH : 1;

      if ((stmt = jy_db_prepare (db, batch > 1 ? insert_batch_sql : insert_key_sql, error)) == NULL)
        return FALSE;
      for (guint b = 0; b < batch; b++, i++)
        {
          const RebuildKey *entry = &g_array_index (keys, RebuildKey, i);
          int first = 4 * (int)b;

          sqlite3_bind_int64 (stmt, first + 1, entry->team);
          sqlite3_bind_text (stmt, first + 2, (const char *)buffer->data + entry->key, -1,
                             SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, first + 3, entry->resident_id);
          sqlite3_bind_int (stmt, first + 4, entry->visibility);
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return jy_db_set_error (db, rc, error);
    }

  if (!jy_db_exec (db, fill_fts_sql, error))
    return FALSE;

  g_debug ("search index rebuilt: %u residents, %u keys, %.0f ms",
           n_residents, n_unique, (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}
