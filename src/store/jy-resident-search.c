/* jy-resident-search.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-search.h"

#include "jy-pinyin.h"
#include "jy-store.h"

#include <string.h>

/* search_key.visibility */
#define VISIBILITY_VOIDED  0
#define VISIBILITY_RETIRED 1
#define VISIBILITY_ACTIVE  2

/* A substring search reads at most this many FTS rows: a 3-character
 * substring of names rarely matches more than a few dozen residents. */
#define MAX_SUBSTRING_ROWS 1000

/* Ranks, best first (architecture.md "Search"). */
typedef enum
{
  TIER_EXACT,
  TIER_OWN_TEAM,
  TIER_PREFIX,
  TIER_SUBSTRING,
} Tier;

/* Keys -------------------------------------------------------------------- */

static int
visibility_of_status (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return VISIBILITY_ACTIVE;
  if (g_strcmp0 (status, "voided") == 0)
    return VISIBILITY_VOIDED;
  return VISIBILITY_RETIRED;
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

/* Digits of @text, full-width ones made ASCII; with @allow_x, a trailing
 * x or X (an ID's check character) as X. Spaces and dashes are skipped. */
static char *
fold_digits (const char *text,
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
      g_autofree char *area = fold_digits (parts[0], FALSE);
      g_autofree char *local = fold_digits (parts[1], FALSE);

      digits = g_strconcat (area, local, NULL);
      if (*area != '\0')
        add_key (keys, "t:", local);
    }
  else
    {
      digits = fold_digits (phone, FALSE);
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

/* The n:, p:, m: and i: keys of a name. */
static void
collect_name_keys (GPtrArray  *keys,
                   const char *name)
{
  g_autofree char *folded = jy_pinyin_fold_name (name);
  g_autoptr(JyPinyinKeys) pinyin = jy_pinyin_keys_new (name);

  add_key (keys, "n:", folded);
  for (guint i = 0; i < pinyin->full->len; i++)
    add_key (keys, "p:", g_ptr_array_index (pinyin->full, i));
  for (guint i = 0; i < pinyin->mixed->len; i++)
    add_key (keys, "m:", g_ptr_array_index (pinyin->mixed, i));
  for (guint i = 0; i < pinyin->initials->len; i++)
    add_key (keys, "i:", g_ptr_array_index (pinyin->initials, i));
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
      g_autofree char *id = fold_digits (id_number, TRUE);

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
      g_autofree char *archive = fold_digits (archive_no, FALSE);
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

/* Deletes the keys the resident was last indexed under. */
static gboolean
remove_old_keys (JyDb     *db,
                 gint64    resident_id,
                 GError  **error)
{
  static const char doc_sql[] =
    "SELECT team_id, keys FROM search_doc WHERE resident_id = ?1";
  static const char delete_sql[] =
    "DELETE FROM search_key WHERE team_id = ?1 AND key = ?2 AND resident_id = ?3";
  g_auto(GStrv) keys = NULL;
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
  keys = g_strsplit ((const char *)sqlite3_column_text (stmt, 1), "\n", -1);
  sqlite3_reset (stmt);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (*keys[i] == '\0')
        continue;
      if ((stmt = jy_db_prepare (db, delete_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, team_id);
      sqlite3_bind_text (stmt, 2, keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, resident_id);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static char *
join_keys (GPtrArray *keys)
{
  g_ptr_array_add (keys, NULL);
  g_ptr_array_remove_index (keys, keys->len - 1);
  return g_strjoinv ("\n", (char **)keys->pdata);
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
    "INSERT OR REPLACE INTO search_doc (resident_id, team_id, keys) VALUES (?1, ?2, ?3)";
  static const char delete_fts_sql[] =
    "DELETE FROM resident_name_fts WHERE rowid = ?1";
  static const char insert_fts_sql[] =
    "INSERT INTO resident_name_fts (rowid, name) VALUES (?1, ?2)";
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt;
  gint64 team_id;
  int visibility;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (resident_id > 0, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (!read_team_and_status (db, resident_id, &team_id, &visibility, error) ||
      !remove_old_keys (db, resident_id, error))
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
  sqlite3_bind_text (stmt, 3, joined, -1, SQLITE_STATIC);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, delete_fts_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  if (name != NULL)
    {
      g_autofree char *folded = jy_pinyin_fold_name (name);

      if ((stmt = jy_db_prepare (db, insert_fts_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, resident_id);
      sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_STATIC);
      if (!jy_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
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

static guint64
key_prefix (const char *key)
{
  guint64 prefix = 0;
  guint i;

  /* Bytes after the NUL stay 0, which sorts as strcmp does. */
  for (i = 0; i < 8 && key[i] != '\0'; i++)
    prefix = (prefix << 8) | (guchar)key[i];
  return prefix << (8 * (8 - i));
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

static void
fold_name_sql (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *name = (const char *)sqlite3_value_text (argv[0]);

  if (name == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, jy_pinyin_fold_name (name), -1, g_free);
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
    "INSERT INTO search_doc (resident_id, team_id, keys) VALUES (?1, ?2, ?3)";
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
      sqlite3_bind_text (doc, 3, joined, -1, SQLITE_STATIC);
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
    "DELETE FROM resident_name_fts;\n";
  static const char insert_key_sql[] =
    "INSERT INTO search_key (team_id, key, resident_id, visibility)\n"
    "VALUES (?1, ?2, ?3, ?4)";
  static const char fill_fts_sql[] =
    "INSERT INTO resident_name_fts (rowid, name)\n"
    "SELECT id, jy_fold_name (name) FROM resident";
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (1 << 20);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (RebuildKey));
  gint64 started = g_get_monotonic_time ();
  guint n_residents = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (!jy_db_exec (db, clear_sql, error))
    return FALSE;
  g_debug ("TMP cleared %.0f ms", (g_get_monotonic_time () - started) / 1000.0);
  if (!compute_all_keys (db, buffer, keys, &n_residents, error))
    return FALSE;

  /* Appending to a B-tree in key order is several times faster than
   * inserting in resident order. */
  g_debug ("TMP computed %.0f ms", (g_get_monotonic_time () - started) / 1000.0);
  g_array_sort_with_data (keys, compare_rebuild_keys, buffer->data);
  g_debug ("TMP sorted %.0f ms", (g_get_monotonic_time () - started) / 1000.0);

  /* The hot loop steps the statement itself: 2 million rows, where
   * jy_db_step()'s timing costs as much as the insert. */
  if ((stmt = jy_db_prepare (db, insert_key_sql, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    {
      const RebuildKey *entry = &g_array_index (keys, RebuildKey, i);

      /* A repeated key of one resident sorts next to itself. */
      if (i > 0 && compare_rebuild_keys (entry - 1, entry, buffer->data) == 0)
        continue;

      sqlite3_bind_int64 (stmt, 1, entry->team);
      sqlite3_bind_text (stmt, 2, (const char *)buffer->data + entry->key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, entry->resident_id);
      sqlite3_bind_int (stmt, 4, entry->visibility);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return jy_db_set_error (db, rc, error);
    }

  g_debug ("TMP inserted %.0f ms", (g_get_monotonic_time () - started) / 1000.0);
  /* The same folding as the n: keys, so a substring and a prefix agree. */
  rc = sqlite3_create_function_v2 (jy_db_get_handle (db), "jy_fold_name", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                   NULL, fold_name_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return jy_db_set_error (db, rc, error);
  if ((stmt = jy_db_prepare (db, fill_fts_sql, error)) == NULL ||
      !jy_db_step_done (db, stmt, error))
    return FALSE;

  g_debug ("search index rebuilt: %u residents, %u keys, %.0f ms",
           n_residents, keys->len, (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}

/* Searching ------------------------------------------------------------------------ */

typedef struct
{
  char     *lower;       /* "p:wang" */
  char     *upper;       /* "p:wanh": the first string after every "p:wang…" */
  gboolean  exact_ok;    /* a key equal to lower is an exact ID/phone/record match */
} Probe;

typedef struct
{
  gint64  id;
  guint   rank;          /* tier, then prefix before substring, then probe */
  char   *key;           /* tie-break */
  guint   scan;          /* the last scan that counted this resident */
} Hit;

/* One of the best matches of a probe outside the own team. */
typedef struct
{
  char   *key;
  gint64  id;
} Candidate;

typedef struct
{
  JyDb         *db;
  gint64        own_team_id;
  int           min_visibility;
  guint         limit;
  GCancellable *cancellable;
  GArray       *teams;     /* of gint64: every team id, and 0 for none */
  GHashTable   *hits;      /* gint64 * id -> Hit * */
  guint         scan;
} Search;

static void
probe_clear (Probe *probe)
{
  g_free (probe->lower);
  g_free (probe->upper);
}

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->key);
}

static void
hit_free (Hit *hit)
{
  g_free (hit->key);
  g_free (hit);
}

static void
add_probe (GArray     *probes,
           const char *kind,
           const char *value,
           gboolean    exact_ok)
{
  Probe probe;
  gsize len;

  probe.lower = g_strconcat (kind, value, NULL);
  probe.upper = g_strdup (probe.lower);
  probe.exact_ok = exact_ok;

  /* The smallest string greater than every string starting with lower:
   * lower with its last byte incremented (UTF-8 has no 0xFF bytes, and the
   * kind is ASCII, so this never runs out of bytes). */
  len = strlen (probe.upper);
  while (len > 0 && (guchar)probe.upper[len - 1] == 0xFF)
    probe.upper[--len] = '\0';
  g_assert (len > 0);
  probe.upper[len - 1]++;

  g_array_append_val (probes, probe);
}

static void
add_reversed_probe (GArray     *probes,
                    const char *kind,
                    const char *value)
{
  g_autofree char *reversed = g_strreverse (g_strdup (value));

  add_probe (probes, kind, reversed, FALSE);
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* Is @text (NFKC-normalized) digits with an optional final X, spaces and
 * dashes aside? */
static gboolean
is_number_query (const char *text)
{
  gboolean any_digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          any_digit = TRUE;
        }
      else if (*p == 'x' || *p == 'X')
        {
          /* Only as the last character that counts. */
          for (const char *q = p + 1; *q != '\0'; q++)
            if (*q != ' ' && *q != '-')
              return FALSE;
        }
      else if (*p != ' ' && *p != '-')
        {
          return FALSE;
        }
    }
  return any_digit;
}

/* Turns the query into key ranges, in the order their matches rank, and
 * the substring to look up (or NULL). */
static void
plan_probes (const char  *query,
             GArray      *probes,
             char       **out_substring)
{
  g_autofree char *normalized = g_utf8_normalize (query, -1, G_NORMALIZE_NFKC);
  g_autofree char *pinyin = NULL;

  *out_substring = NULL;
  if (normalized == NULL)
    return;

  if (is_number_query (normalized))
    {
      g_autofree char *digits = fold_digits (normalized, TRUE);
      gsize len = strlen (digits);
      gboolean has_x = len > 0 && digits[len - 1] == 'X';

      add_probe (probes, "d:", digits, len == 18);
      if (!has_x && len >= 3)
        add_probe (probes, "t:", digits, len >= 7);
      if (!has_x && len >= 3)
        add_probe (probes, "a:", digits, len == 17 || len == 8);
      if (len >= 4 && len <= 8)
        add_reversed_probe (probes, "D:", digits);
      if (!has_x && len >= 4 && len <= 10)
        add_reversed_probe (probes, "T:", digits);
      return;
    }

  if (!has_han (normalized) && (pinyin = jy_pinyin_fold_query (normalized)) != NULL)
    {
      add_probe (probes, "p:", pinyin, FALSE);
      add_probe (probes, "m:", pinyin, FALSE);
      add_probe (probes, "i:", pinyin, FALSE);
      /* A name written in Latin letters (a foreigner's) by a part of it. */
      if (strlen (pinyin) >= 3)
        *out_substring = g_steal_pointer (&pinyin);
      return;
    }

  {
    g_autofree char *folded = jy_pinyin_fold_name (normalized);

    if (*folded == '\0')
      return;
    add_probe (probes, "n:", folded, FALSE);
    /* Trigrams: 3 characters or more. SQLite 3.40 answers a shorter
     * pattern with nothing rather than an error (toolchain.md 9). */
    if (g_utf8_strlen (folded, -1) >= 3)
      *out_substring = g_steal_pointer (&folded);
  }
}

/* Records a match and returns its Hit, with *out_new set if this scan
 * had not counted the resident yet. */
static Hit *
record_hit (Search     *search,
            gint64      id,
            guint       rank,
            const char *key,
            gboolean   *out_new)
{
  Hit *hit = g_hash_table_lookup (search->hits, &id);

  *out_new = TRUE;
  if (hit == NULL)
    {
      hit = g_new0 (Hit, 1);
      hit->id = id;
      hit->rank = rank;
      hit->key = g_strdup (key);
      hit->scan = search->scan;
      g_hash_table_insert (search->hits, &hit->id, hit);
      return hit;
    }

  if (rank < hit->rank || (rank == hit->rank && strcmp (key, hit->key) < 0))
    {
      hit->rank = rank;
      g_free (hit->key);
      hit->key = g_strdup (key);
    }
  if (hit->scan == search->scan)
    *out_new = FALSE;
  hit->scan = search->scan;
  return hit;
}

static guint
make_rank (Tier     tier,
           gboolean substring,
           guint    probe)
{
  return ((guint)tier << 16) | ((substring ? 1u : 0u) << 8) | MIN (probe, 255u);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;
  int cmp = strcmp (x->key, y->key);

  if (cmp != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

/* Reads one team's part of a key range in (key, id) order: at most
 * @limit residents, and with @threshold none that sorts after it. Each
 * resident found is recorded, and appended to @candidates if given. */
static gboolean
scan_team (Search           *search,
           const Probe      *probe,
           guint             probe_index,
           gint64            team_id,
           const Candidate  *threshold,
           GArray           *candidates,
           GError          **error)
{
  static const char sql[] =
    "SELECT key, resident_id FROM search_key\n"
    "WHERE team_id = ?1 AND key >= ?2 AND key < ?3 AND visibility >= ?4\n"
    "ORDER BY key, resident_id";
  gboolean own = team_id == search->own_team_id && search->own_team_id > 0;
  sqlite3_stmt *stmt = jy_db_prepare (search->db, sql, error);
  guint found = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_text (stmt, 2, probe->lower, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, probe->upper, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, search->min_visibility);

  search->scan++;
  while (found < search->limit && (rc = jy_db_step (search->db, stmt, error)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);
      Candidate row = { (char *)key, sqlite3_column_int64 (stmt, 1) };
      gboolean exact = probe->exact_ok && strcmp (key, probe->lower) == 0;
      gboolean is_new;
      Tier tier;

      if (threshold != NULL && compare_candidates (&row, threshold) > 0)
        break;

      tier = exact ? TIER_EXACT : own ? TIER_OWN_TEAM : TIER_PREFIX;
      record_hit (search, row.id, make_rank (tier, FALSE, probe_index), key, &is_new);
      if (!is_new)
        continue;   /* another key of the same resident: rows are per key */

      found++;
      if (candidates != NULL)
        {
          Candidate candidate = { g_strdup (key), row.id };

          g_array_append_val (candidates, candidate);
        }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  return TRUE;
}

/* The own team's best @limit matches of a probe, then the best @limit of
 * everyone else's. The second is a short range per team: once @limit
 * candidates are known, a team's range is read only up to the worst of
 * them, so the rows read grow like limit × log(teams), not with the
 * matches (14,000 for 王). */
static gboolean
scan_probe (Search       *search,
            const Probe  *probe,
            guint         probe_index,
            GError      **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Candidate threshold = { NULL, 0 };
  g_autofree char *threshold_key = NULL;

  g_array_set_clear_func (candidates, (GDestroyNotify)candidate_clear);

  if (search->own_team_id > 0 &&
      !scan_team (search, probe, probe_index, search->own_team_id, NULL, NULL, error))
    return FALSE;

  for (guint t = 0; t < search->teams->len; t++)
    {
      gint64 team_id = g_array_index (search->teams, gint64, t);

      if (team_id == search->own_team_id && search->own_team_id > 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (search->cancellable, error))
        return FALSE;

      if (!scan_team (search, probe, probe_index, team_id,
                      threshold_key != NULL ? &threshold : NULL, candidates, error))
        return FALSE;

      if (candidates->len >= search->limit)
        {
          Candidate *worst;

          g_array_sort (candidates, compare_candidates);
          g_array_set_size (candidates, search->limit);
          worst = &g_array_index (candidates, Candidate, search->limit - 1);
          g_free (threshold_key);
          threshold_key = g_strdup (worst->key);
          threshold.key = threshold_key;
          threshold.id = worst->id;
        }
    }

  return TRUE;
}

static gboolean
scan_substring (Search      *search,
                const char  *substring,
                guint        probe_index,
                GError     **error)
{
  static const char sql[] =
    "SELECT r.id, ifnull (r.team_id, 0), resident_name_fts.name\n"
    "FROM resident_name_fts JOIN resident AS r ON r.id = resident_name_fts.rowid\n"
    "WHERE resident_name_fts MATCH ?1\n"
    "  AND CASE r.status WHEN 'active' THEN 2 WHEN 'voided' THEN 0 ELSE 1 END >= ?2\n"
    "LIMIT ?3";
  g_autoptr(GString) phrase = g_string_new ("\"");
  sqlite3_stmt *stmt;
  int rc;

  /* One FTS5 phrase: the text between double quotes, quotes doubled, so
   * nothing the user types is read as query syntax. */
  for (const char *p = substring; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  if ((stmt = jy_db_prepare (search->db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, phrase->str, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, search->min_visibility);
  sqlite3_bind_int (stmt, 3, MAX_SUBSTRING_ROWS);

  search->scan++;
  while ((rc = jy_db_step (search->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean own = search->own_team_id > 0 && sqlite3_column_int64 (stmt, 1) == search->own_team_id;
      const char *name = (const char *)sqlite3_column_text (stmt, 2);
      gboolean is_new;

      record_hit (search, id, make_rank (own ? TIER_OWN_TEAM : TIER_SUBSTRING, TRUE, probe_index),
                  name != NULL ? name : "", &is_new);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  return !g_cancellable_set_error_if_cancelled (search->cancellable, error);
}

static GArray *
load_teams (JyDb    *db,
            GError **error)
{
  static const char sql[] = "SELECT id FROM team ORDER BY id";
  g_autoptr(GArray) teams = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 none = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  /* Residents without a team are filed under 0. */
  g_array_append_val (teams, none);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (teams, id);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  return g_steal_pointer (&teams);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = *(const Hit *const *)a, *y = *(const Hit *const *)b;
  int cmp;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if ((cmp = strcmp (x->key, y->key)) != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

GArray *
jy_resident_search (JyDb          *db,
                    const char    *query,
                    gint64         own_team_id,
                    guint          limit,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return jy_resident_search_with_flags (db, query, own_team_id, JY_RESIDENT_SEARCH_DEFAULT,
                                        limit, cancellable, error);
}

GArray *
jy_resident_search_with_flags (JyDb                   *db,
                               const char             *query,
                               gint64                  own_team_id,
                               JyResidentSearchFlags   flags,
                               guint                   limit,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(GArray) probes = g_array_new (FALSE, FALSE, sizeof (Probe));
  g_autoptr(GHashTable) hits = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                      NULL, (GDestroyNotify)hit_free);
  g_autoptr(GArray) teams = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *substring = NULL;
  GHashTableIter iter;
  Search search = { 0 };
  Hit *hit;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  JY_ASSERT_NOT_UI_THREAD ();

  g_array_set_clear_func (probes, (GDestroyNotify)probe_clear);
  plan_probes (query, probes, &substring);
  if (probes->len == 0 && substring == NULL)
    return g_steal_pointer (&ids);

  if ((teams = load_teams (db, error)) == NULL)
    return NULL;

  search.db = db;
  search.own_team_id = own_team_id;
  search.min_visibility = (flags & JY_RESIDENT_SEARCH_INCLUDE_RETIRED) != 0 ? VISIBILITY_RETIRED
                                                                            : VISIBILITY_ACTIVE;
  search.limit = limit > 0 ? limit : G_MAXUINT;
  search.cancellable = cancellable;
  search.teams = teams;
  search.hits = hits;

  for (guint i = 0; i < probes->len; i++)
    if (!scan_probe (&search, &g_array_index (probes, Probe, i), i, error))
      return NULL;

  if (substring != NULL && !scan_substring (&search, substring, probes->len, error))
    return NULL;

  sorted = g_ptr_array_sized_new (g_hash_table_size (hits));
  g_hash_table_iter_init (&iter, hits);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&hit))
    g_ptr_array_add (sorted, hit);
  g_ptr_array_sort (sorted, compare_hits);

  for (guint i = 0; i < sorted->len && i < search.limit; i++)
    g_array_append_val (ids, ((Hit *)g_ptr_array_index (sorted, i))->id);

  return g_steal_pointer (&ids);
}
