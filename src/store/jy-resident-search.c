/* jy-resident-search.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-search.h"

#include "jy-pinyin.h"
#include "jy-resident-search-private.h"
#include "jy-store.h"

#include <string.h>

/* Reading the search keys that jy-resident-search-keys.c writes. */

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

/* Searching ------------------------------------------------------------------------ */

typedef struct
{
  char     *lower;       /* "p:wang" */
  char     *upper;       /* "p:wanh": the first string after every "p:wang…" */
  gboolean  exact_ok;    /* a key equal to lower is an exact ID/phone/record match */
  gboolean  substring;   /* its matches rank as substrings (b:), not prefixes */
  char     *name_lower;  /* with name_upper, if set: only names in this range */
  char     *name_upper;
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
  g_free (probe->name_lower);
  g_free (probe->name_upper);
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

/* The smallest string greater than every string that starts with
 * @prefix: @prefix with its last byte incremented (UTF-8 has no 0xFF
 * bytes, and key kinds are ASCII, so this never runs out of bytes). */
static char *
dup_prefix_upper_bound (const char *prefix)
{
  char *upper = g_strdup (prefix);
  gsize len = strlen (upper);

  while (len > 0 && (guchar)upper[len - 1] == 0xFF)
    upper[--len] = '\0';
  g_assert (len > 0);
  upper[len - 1]++;
  return upper;
}

/* Appends a probe for keys of @kind starting with @value and returns it
 * (valid until the next one is added). */
static Probe *
add_probe (GArray     *probes,
           const char *kind,
           const char *value,
           gboolean    exact_ok)
{
  Probe probe = { 0 };

  probe.lower = g_strconcat (kind, value, NULL);
  probe.upper = dup_prefix_upper_bound (probe.lower);
  probe.exact_ok = exact_ok;

  g_array_append_val (probes, probe);
  return &g_array_index (probes, Probe, probes->len - 1);
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

/* A query typed as 汉字 and then pinyin (王xy, 王xiaoy, 王小y, 欧阳f):
 * probes of the h: keys, full forms first. Returns FALSE if @normalized
 * is not such a query. */
static gboolean
plan_han_pinyin_probes (const char *normalized,
                        GArray     *probes)
{
  const char *rest = normalized;
  g_autofree char *han = NULL;
  g_autofree char *folded_han = NULL;
  g_autofree char *pinyin = NULL;
  g_autoptr(GPtrArray) prefixes = NULL;
  gboolean given_typed;

  /* The 汉字 start: everything before the first other character, spaces
   * and middle dots aside (jy_pinyin_fold_name drops them). */
  while (*rest != '\0')
    {
      gunichar c = g_utf8_get_char (rest);

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN &&
          !(g_unichar_isspace (c) || c == 0x00B7))
        break;
      rest = g_utf8_next_char (rest);
    }
  han = g_strndup (normalized, rest - normalized);
  folded_han = jy_pinyin_fold_name (han);
  if (*folded_han == '\0' || (pinyin = jy_pinyin_fold_query (rest)) == NULL)
    return FALSE;

  prefixes = jy_pinyin_han_prefixes (folded_han);
  if (prefixes->len == 0)
    return FALSE;

  /* 王 alone spells the surname; 王小 also a given-name character, whose
   * pinyin other characters share (王晓燕 is 王xiao… too). */
  given_typed = !g_str_equal (g_ptr_array_index (prefixes, 0), folded_han);
  for (guint i = 0; i < prefixes->len; i++)
    {
      g_autofree char *value = g_strconcat (g_ptr_array_index (prefixes, i), pinyin, NULL);
      Probe *probe = add_probe (probes, "h:", value, FALSE);

      if (given_typed)
        {
          probe->name_lower = g_strdup (folded_han);
          probe->name_upper = dup_prefix_upper_bound (folded_han);
        }
    }
  return TRUE;
}

static guint
count_han (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      n++;
  return n;
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
      g_autofree char *digits = jy_resident_search_fold_digits (normalized, TRUE);
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

  if (plan_han_pinyin_probes (normalized, probes))
    return;

  {
    g_autofree char *folded = jy_pinyin_fold_name (normalized);
    glong n_chars = g_utf8_strlen (folded, -1);

    if (*folded == '\0')
      return;
    add_probe (probes, "n:", folded, FALSE);
    /* Two 汉字 anywhere in a name: its b: keys (one character is a prefix
     * only: a lone 小 would match half the district). */
    if (n_chars == 2 && count_han (folded) == 2)
      add_probe (probes, "b:", folded, FALSE)->substring = TRUE;
    /* Trigrams: 3 characters or more. SQLite 3.40 answers a shorter
     * pattern with nothing rather than an error (toolchain.md 9). */
    if (n_chars >= 3)
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
  /* The same range, of residents whose folded name is in ?5..?6. */
  static const char name_sql[] =
    "SELECT k.key, k.resident_id FROM search_key AS k\n"
    "JOIN search_doc AS d ON d.resident_id = k.resident_id\n"
    "WHERE k.team_id = ?1 AND k.key >= ?2 AND k.key < ?3 AND k.visibility >= ?4\n"
    "  AND d.name >= ?5 AND d.name < ?6\n"
    "ORDER BY k.key, k.resident_id";
  gboolean own = team_id == search->own_team_id && search->own_team_id > 0;
  sqlite3_stmt *stmt = jy_db_prepare (search->db, probe->name_lower != NULL ? name_sql : sql,
                                      error);
  guint found = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_text (stmt, 2, probe->lower, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, probe->upper, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, search->min_visibility);
  if (probe->name_lower != NULL)
    {
      sqlite3_bind_text (stmt, 5, probe->name_lower, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, probe->name_upper, -1, SQLITE_STATIC);
    }

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

      tier = exact ? TIER_EXACT
           : own ? TIER_OWN_TEAM
           : probe->substring ? TIER_SUBSTRING
           : TIER_PREFIX;
      record_hit (search, row.id, make_rank (tier, probe->substring, probe_index), key, &is_new);
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
    "SELECT d.resident_id, d.team_id, d.name\n"
    "FROM resident_name_fts JOIN search_doc AS d ON d.resident_id = resident_name_fts.rowid\n"
    "WHERE resident_name_fts MATCH ?1 AND d.visibility >= ?2\n"
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
      gboolean own = search->own_team_id > 0 &&
                     sqlite3_column_int64 (stmt, 1) == search->own_team_id;
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

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return NULL;

  g_array_set_clear_func (probes, (GDestroyNotify)probe_clear);
  plan_probes (query, probes, &substring);
  if (probes->len == 0 && substring == NULL)
    return g_steal_pointer (&ids);

  if ((teams = load_teams (db, error)) == NULL)
    return NULL;

  search.db = db;
  search.own_team_id = own_team_id;
  search.min_visibility = (flags & JY_RESIDENT_SEARCH_INCLUDE_RETIRED) != 0
                           ? JY_SEARCH_VISIBILITY_RETIRED
                           : JY_SEARCH_VISIBILITY_ACTIVE;
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
