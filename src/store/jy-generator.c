/* jy-generator.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-private.h"

#include "jy-clock.h"
#include "jy-resident-search.h"
#include "jy-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* The demo centre behind `jiayi --demo`, `jiayi generate` and the bench.
 * Every random choice comes from one GRand seeded by the caller and drawn
 * in a fixed order, so a seed and a reference date always give the same
 * rows; only created_at/updated_at differ between runs. The values
 * themselves (names, ID numbers…) are made in jy-generator-data.c and the
 * households (ages, sexes and relations to the head) in
 * jy-generator-household.c; this file plans the centre and writes its
 * areas, sites, staff and teams, and jy-generator-residents.c gives each
 * household an address and a team and writes the residents. */

#define RESIDENTS_PER_TEAM    5000
#define MIN_TEAMS             3
#define MAX_AREAS_PER_TEAM    3

/* staff.role values, and the prefixes of demo logins (doctor01, nurse01…). */
static const char *const role_names[JY_GEN_N_ROLES] = {
  "doctor", "nurse", "public-health", "manager", "admin", "pharmacist", "specialist",
};
static const char *const role_logins[JY_GEN_N_ROLES] = {
  "doctor", "nurse", "publichealth", "manager", "admin", "pharmacist", "specialist",
};

static void
generator_clear (JyGenerator *g)
{
  jy_gen_source_clear (&g->src);
  g_clear_pointer (&g->now, g_free);
  g_clear_pointer (&g->communities, g_array_unref);
  g_clear_pointer (&g->community_cumulative, g_free);
  g_clear_pointer (&g->teams, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JyGenerator, generator_clear)

void
jy_generator_format_date (const GDate *date,
                          char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Chinese numerals for team names (第十二家庭医生团队); digits from 100 on. */
static void
append_chinese_number (GString *out,
                       guint    n)
{
  static const char *const digits[] = {
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
  };

  if (n >= 100)
    {
      g_string_append_printf (out, "%u", n);
    }
  else if (n < 10)
    {
      g_string_append (out, digits[n]);
    }
  else
    {
      if (n >= 20)
        g_string_append (out, digits[n / 10]);
      g_string_append (out, "十");
      if (n % 10 != 0)
        g_string_append (out, digits[n % 10]);
    }
}

/* Rows --------------------------------------------------------------------- */

static gboolean
insert_meta (JyGenerator *g,
             const char  *key,
             const char  *value,
             GError     **error)
{
  static const char sql[] =
    "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)";
  sqlite3_stmt *stmt = jy_db_prepare (g->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return jy_db_step_done (g->db, stmt, error);
}

static gboolean
insert_area (JyGenerator *g,
             const char  *code,
             const char  *parent_code,
             int          level,
             const char  *name,
             GError     **error)
{
  static const char sql[] =
    "INSERT INTO address_area (code, parent_code, level, name) VALUES (?1, ?2, ?3, ?4)";
  sqlite3_stmt *stmt = jy_db_prepare (g->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 2, parent_code);
  sqlite3_bind_int (stmt, 3, level);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
  return jy_db_step_done (g->db, stmt, error);
}

static gboolean
insert_site (JyGenerator *g,
             gint64       parent_id,
             const char  *kind,
             const char  *code,
             const char  *name,
             gint64      *out_id,
             GError     **error)
{
  static const char sql[] =
    "INSERT INTO site (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "                  parent_id, kind, code, name)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, ?5, ?6)";
  sqlite3_stmt *stmt = jy_db_prepare (g->db, sql, error);
  char uuid[37];

  if (stmt == NULL)
    return FALSE;

  jy_gen_make_uuid (&g->src, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->now, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 3, parent_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, name, -1, SQLITE_STATIC);
  if (!jy_db_step_done (g->db, stmt, error))
    return FALSE;

  *out_id = jy_db_last_insert_rowid (g->db);
  return TRUE;
}

static gboolean
insert_staff (JyGenerator *g,
              JyGenRole    role,
              guint        site,
              gint64      *out_id,
              GError     **error)
{
  static const char sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "                   site_id, name, role, login, phone)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(GString) name = g_string_sized_new (16);
  sqlite3_stmt *stmt;
  guint female_per_mille;
  char uuid[37];
  char login[32];
  char phone[12];
  int birth_year;
  int sex;

  if ((stmt = jy_db_prepare (g->db, sql, error)) == NULL)
    return FALSE;

  /* Nursing in China is still almost all women; the rest is mixed. */
  female_per_mille = role == JY_GEN_ROLE_NURSE ? 950
                     : role == JY_GEN_ROLE_PUBLIC_HEALTH ? 600 : 500;
  sex = jy_gen_rand_chance (&g->src, female_per_mille) ? 2 : 1;
  birth_year = g_date_get_year (&g->reference) - (int)jy_gen_rand_between (&g->src, 25, 58);
  jy_gen_make_name (&g->src, NULL, sex, birth_year, name);
  jy_gen_make_mobile (&g->src, phone);
  jy_gen_make_uuid (&g->src, uuid);
  g_snprintf (login, sizeof login, "%s%02u", role_logins[role], ++g->logins[role]);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g->site_ids[site]);
  sqlite3_bind_text (stmt, 4, name->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, role_names[role], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, phone, -1, SQLITE_STATIC);
  if (!jy_db_step_done (g->db, stmt, error))
    return FALSE;

  g->n_staff++;
  *out_id = jy_db_last_insert_rowid (g->db);
  return TRUE;
}

static gboolean
insert_team (JyGenerator *g,
             guint        index,
             gint64       lead_staff_id,
             GError     **error)
{
  static const char sql[] =
    "INSERT INTO team (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "                  site_id, code, name, lead_staff_id)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, ?5, ?6)";
  g_autoptr(GString) name = g_string_new ("第");
  JyGenTeam *team = &g->teams[index];
  sqlite3_stmt *stmt;
  char uuid[37];
  char code[16];

  if ((stmt = jy_db_prepare (g->db, sql, error)) == NULL)
    return FALSE;

  append_chinese_number (name, index + 1);
  g_string_append (name, "家庭医生团队");
  g_snprintf (code, sizeof code, "T%03u", index + 1);
  jy_gen_make_uuid (&g->src, uuid);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g->site_ids[team->site]);
  sqlite3_bind_text (stmt, 4, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, name->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, lead_staff_id);
  if (!jy_db_step_done (g->db, stmt, error))
    return FALSE;

  team->id = jy_db_last_insert_rowid (g->db);
  return TRUE;
}

static gboolean
insert_team_member (JyGenerator  *g,
                    gint64        team_id,
                    gint64        staff_id,
                    JyGenRole     role,
                    const GDate  *start,
                    GError      **error)
{
  static const char sql[] =
    "INSERT INTO team_member (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "                         team_id, staff_id, role, start_date)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, ?5, ?6)";
  sqlite3_stmt *stmt = jy_db_prepare (g->db, sql, error);
  char uuid[37];
  char start_text[11];

  if (stmt == NULL)
    return FALSE;

  jy_gen_make_uuid (&g->src, uuid);
  jy_generator_format_date (start, start_text);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, team_id);
  sqlite3_bind_int64 (stmt, 4, staff_id);
  sqlite3_bind_text (stmt, 5, role_names[role], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, start_text, -1, SQLITE_STATIC);
  return jy_db_step_done (g->db, stmt, error);
}

static gboolean
insert_team_area (JyGenerator *g,
                  gint64       team_id,
                  const char  *area_code,
                  GError     **error)
{
  static const char sql[] =
    "INSERT INTO team_area (team_id, area_code) VALUES (?1, ?2)";
  sqlite3_stmt *stmt = jy_db_prepare (g->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_text (stmt, 2, area_code, -1, SQLITE_STATIC);
  return jy_db_step_done (g->db, stmt, error);
}

/* The district -------------------------------------------------------------- */

/* Invents 6–8 streets of 5–9 communities each and decides which of them
 * the demo centre serves. A real district has several centres, each
 * serving a street or two: a small demo serves whole streets up to what
 * its teams can cover at MAX_AREAS_PER_TEAM communities each, a large one
 * the whole district. */
static gboolean
build_district (JyGenerator *g,
                guint        n_residents,
                GError     **error)
{
  guint n_street_stems = (guint)(strlen (jy_gen_street_stems) / JY_GEN_STEM_BYTES);
  guint n_community_stems = (guint)(strlen (jy_gen_community_stems) / JY_GEN_STEM_BYTES);
  g_autofree guint *street_order = g_new (guint, n_street_stems);
  g_autofree guint *community_order = g_new (guint, n_community_stems);
  guint next_community_stem = 0;
  guint total_weight = 0;
  guint n_streets;
  guint capacity;

  if (!insert_area (g, JY_GEN_PROVINCE_CODE, NULL, 1, JY_GEN_PROVINCE_NAME, error) ||
      !insert_area (g, JY_GEN_CITY_CODE, JY_GEN_PROVINCE_CODE, 2, JY_GEN_CITY_NAME, error) ||
      !insert_area (g, JY_GEN_COUNTY_CODE, JY_GEN_CITY_CODE, 3, JY_GEN_COUNTY_NAME, error))
    return FALSE;

  /* Every seed names its places differently. */
  for (guint i = 0; i < n_street_stems; i++)
    street_order[i] = i;
  jy_gen_shuffle (&g->src, street_order, n_street_stems);
  for (guint i = 0; i < n_community_stems; i++)
    community_order[i] = i;
  jy_gen_shuffle (&g->src, community_order, n_community_stems);

  g->n_teams = MAX (MIN_TEAMS, (n_residents + RESIDENTS_PER_TEAM / 2) / RESIDENTS_PER_TEAM);
  capacity = g->n_teams * MAX_AREAS_PER_TEAM;
  n_streets = jy_gen_rand_between (&g->src, 6, 8);
  g_assert (n_streets <= n_street_stems);
  g->communities = g_array_new (FALSE, TRUE, sizeof (JyGenCommunity));

  for (guint s = 0; s < n_streets; s++)
    {
      guint n_communities = jy_gen_rand_between (&g->src, 5, 9);
      char street_code[10];
      char street_name[32];

      g_snprintf (street_code, sizeof street_code, "%s%03u", JY_GEN_COUNTY_CODE, s + 1);
      g_snprintf (street_name, sizeof street_name, "%.*s街道",
                  JY_GEN_STEM_BYTES, jy_gen_street_stems + JY_GEN_STEM_BYTES * street_order[s]);
      if (!insert_area (g, street_code, JY_GEN_COUNTY_CODE, 4, street_name, error))
        return FALSE;
      if (s == 0)
        g_strlcpy (g->first_street_name, street_name, sizeof g->first_street_name);

      /* Served streets are a prefix: stop at the first that does not fit. */
      if (g->n_served == g->communities->len &&
          (s == 0 || g->n_served + n_communities <= capacity))
        g->n_served += n_communities;

      for (guint c = 0; c < n_communities; c++)
        {
          JyGenCommunity community = { 0 };
          const char *stem;

          g_assert (next_community_stem < n_community_stems);
          stem = jy_gen_community_stems + JY_GEN_STEM_BYTES * community_order[next_community_stem];
          next_community_stem++;
          g_snprintf (community.code, sizeof community.code, "%s%03u", street_code, c + 1);
          g_snprintf (community.name, sizeof community.name, "%.*s社区", JY_GEN_STEM_BYTES, stem);
          /* From a few old lanes to new high-rise estates. */
          community.weight = jy_gen_rand_between (&g->src, 60, 140);

          /* One road named after the community, two from the district's pool. */
          g_snprintf (community.roads[0], sizeof community.roads[0], "%.*s路",
                      JY_GEN_STEM_BYTES, stem);
          for (guint r = 1; r < JY_GEN_ROADS_PER_COMMUNITY; r++)
            {
              g_autoptr(GString) road = g_string_sized_new (16);

              jy_gen_make_road (&g->src, road);
              g_strlcpy (community.roads[r], road->str, sizeof community.roads[r]);
            }

          if (!insert_area (g, community.code, street_code, 5, community.name, error))
            return FALSE;
          g_array_append_val (g->communities, community);
        }
    }

  g->community_cumulative = g_new (guint, g->n_served);
  for (guint k = 0; k < g->n_served; k++)
    {
      total_weight += jy_generator_get_community (g, k)->weight;
      g->community_cumulative[k] = total_weight;
    }

  return TRUE;
}

/* Teams cover contiguous runs of the served communities, so a team's
 * communities are neighbours: 1–3 each while there are at least as many
 * communities as teams, several teams per community in a very large
 * centre. Every served community gets at least one team. */
static void
plan_coverage (JyGenerator *g)
{
  guint c = g->n_served;
  guint t = g->n_teams;

  g_assert (c > 0 && c <= t * MAX_AREAS_PER_TEAM);

  for (guint j = 0; j < t; j++)
    {
      guint first = j * c / t;
      guint last = c >= t ? (j + 1) * c / t : first + 1;

      for (guint k = first; k < last; k++)
        {
          JyGenCommunity *community = jy_generator_get_community (g, k);

          if (community->n_teams == 0)
            community->first_team = j;
          community->n_teams++;
        }
    }
}

/* Sites, staff and teams --------------------------------------------------- */

/* The centre and 2–4 stations. Sites take contiguous runs of teams (the
 * centre the first), and a station is named after the first community its
 * teams cover, as real ones are. */
static gboolean
build_sites (JyGenerator *g,
             GError     **error)
{
  g_autofree char *centre_name = NULL;
  g_autofree char *centre_code = NULL;
  guint n_stations = jy_gen_rand_between (&g->src, 2, JY_GEN_MAX_STATIONS);

  /* Every site leads at least one team. */
  n_stations = MIN (n_stations, g->n_teams - 1);
  g->n_sites = 1 + n_stations;

  g->teams = g_new0 (JyGenTeam, g->n_teams);
  for (guint j = 0; j < g->n_teams; j++)
    g->teams[j].site = j * g->n_sites / g->n_teams;

  centre_name = g_strdup_printf ("%s%s社区卫生服务中心", JY_GEN_COUNTY_NAME, g->first_street_name);
  centre_code = g_strdup_printf ("%s001", JY_GEN_COUNTY_CODE);
  if (!insert_site (g, 0, "centre", centre_code, centre_name, &g->site_ids[0], error) ||
      !insert_meta (g, "centre_name", centre_name, error) ||
      !insert_meta (g, "centre_code", centre_code, error))
    return FALSE;

  for (guint s = 1; s < g->n_sites; s++)
    {
      g_autofree char *code = g_strdup_printf ("%s%03u", JY_GEN_COUNTY_CODE, 100 + s);
      g_autofree char *name = NULL;
      guint team = 0;
      guint k = 0;

      while (g->teams[team].site != s)
        team++;
      while (jy_generator_get_community (g, k)->first_team +
             jy_generator_get_community (g, k)->n_teams <= team)
        k++;
      name = g_strdup_printf ("%s卫生服务站", jy_generator_get_community (g, k)->name);

      if (!insert_site (g, g->site_ids[0], "station", code, name, &g->site_ids[s], error))
        return FALSE;
    }

  return TRUE;
}

/* Each team: a lead doctor, one or two nurses and a public-health doctor,
 * working from the team's site. Then the centre-wide staff. */
static gboolean
build_teams (JyGenerator *g,
             GError     **error)
{
  static const JyGenRole member_roles[] = {
    JY_GEN_ROLE_DOCTOR, JY_GEN_ROLE_NURSE, JY_GEN_ROLE_PUBLIC_HEALTH, JY_GEN_ROLE_NURSE,
  };
  static const struct
  {
    JyGenRole role;
    guint     count;
  } centre_staff[] = {
    { JY_GEN_ROLE_MANAGER, 2 }, { JY_GEN_ROLE_ADMIN, 1 },
    { JY_GEN_ROLE_PHARMACIST, 2 }, { JY_GEN_ROLE_SPECIALIST, 3 },
  };
  guint32 reference_day = g_date_get_julian (&g->reference);

  for (guint j = 0; j < g->n_teams; j++)
    {
      guint n_members = jy_gen_rand_chance (&g->src, 500) ? 4 : 3;
      guint days_running = jy_gen_rand_between (&g->src, 180, 5 * 365);
      gint64 staff_ids[G_N_ELEMENTS (member_roles)];
      GDate founded;

      for (guint m = 0; m < n_members; m++)
        if (!insert_staff (g, member_roles[m], g->teams[j].site, &staff_ids[m], error))
          return FALSE;

      if (!insert_team (g, j, staff_ids[0], error))
        return FALSE;

      /* The lead founded the team; the others joined within its first year. */
      g_date_clear (&founded, 1);
      g_date_set_julian (&founded, reference_day - days_running);
      for (guint m = 0; m < n_members; m++)
        {
          GDate joined = founded;

          if (m > 0)
            g_date_add_days (&joined, jy_gen_rand_below (&g->src, 366));
          if (!insert_team_member (g, g->teams[j].id, staff_ids[m], member_roles[m],
                                   &joined, error))
            return FALSE;
        }
    }

  for (guint k = 0; k < g->n_served; k++)
    {
      JyGenCommunity *community = jy_generator_get_community (g, k);

      for (guint j = community->first_team; j < community->first_team + community->n_teams; j++)
        if (!insert_team_area (g, g->teams[j].id, community->code, error))
          return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (centre_staff); i++)
    for (guint n = 0; n < centre_staff[i].count; n++)
      {
        gint64 id;

        if (!insert_staff (g, centre_staff[i].role, 0, &id, error))
          return FALSE;
      }

  return TRUE;
}

/* Entry point ----------------------------------------------------------------- */

static gboolean
ensure_no_residents (JyDb    *db,
                     GError **error)
{
  /* A named centre counts too: a second centre site would be ambiguous. */
  static const char sql[] = "SELECT EXISTS (SELECT 1 FROM resident) OR EXISTS (SELECT 1 FROM site)";
  gint64 exists = 0;

  if (!jy_db_query_int64 (db, sql, &exists, error))
    return FALSE;

  if (exists != 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_EMPTY,
                           "The database already has a centre or residents; "
                           "the demo centre needs an empty one");
      return FALSE;
    }

  return TRUE;
}

/* The whole centre is written in one transaction: at 200,000 residents
 * about 700 MB with a million follow-ups. A cache that holds it spares
 * spilling pages to the WAL halfway and reading them back from there (the
 * search index rebuild after the follow-ups took three times as long).
 * The connection's own size comes back afterwards. */
static gboolean
with_big_cache (JyGenerator *g,
                gboolean     big,
                GError     **error)
{
  if (big)
    return jy_db_query_int64 (g->db, "PRAGMA cache_size", &g->saved_cache_size, error) &&
           jy_db_exec (g->db, "PRAGMA cache_size = -1048576", error);
  else
    {
      /* PRAGMA takes no parameters; the value is the one read before. */
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                              g->saved_cache_size);

      return jy_db_exec (g->db, sql, error);
    }
}

/* One audit row for the whole run. The demo counts as already on the
 * platform (remote_version '1'), so nothing goes to the outbox. */
static gboolean
record_audit (JyGenerator *g,
              guint        n_residents,
              guint32      seed,
              GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  char reference_text[11];

  jy_generator_format_date (&g->reference, reference_text);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "residents");
  json_builder_add_int_value (builder, n_residents);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, seed);
  json_builder_set_member_name (builder, "reference_date");
  json_builder_add_string_value (builder, reference_text);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  return jy_store_record_audit (g->db, "generate", "resident", NULL, detail, error);
}

gboolean
jy_generator_run (JyDb                     *db,
                  const JyGeneratorOptions *options,
                  JyGeneratorProgress       progress,
                  gpointer                  user_data,
                  GError                  **error)
{
  g_auto(JyGenerator) g = { 0 };
  gboolean ok;
  char seed_text[16];
  char version_text[16];
  char reference_text[11];

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->n_residents <= JY_GENERATOR_MAX_RESIDENTS, FALSE);
  g_return_val_if_fail (options->reference_date == NULL || g_date_valid (options->reference_date),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  /* All or nothing: the caller's transaction makes a failure harmless. */
  g_return_val_if_fail (jy_db_in_transaction (db), FALSE);

  if (!ensure_no_residents (db, error))
    return FALSE;

  g.db = db;
  jy_gen_source_init (&g.src, options->seed, options->n_residents);
  g.now = jy_clock_now_utc_iso ();
  if (options->reference_date != NULL)
    {
      g.reference = *options->reference_date;
    }
  else
    {
      g_autoptr(GDate) today = jy_clock_today_local ();

      g.reference = *today;
    }

  g_snprintf (seed_text, sizeof seed_text, "%u", options->seed);
  g_snprintf (version_text, sizeof version_text, "%d", JY_GENERATOR_VERSION);
  jy_generator_format_date (&g.reference, reference_text);

  if (!insert_meta (&g, "demo", "1", error) ||
      !insert_meta (&g, "generator_seed", seed_text, error) ||
      !insert_meta (&g, "generator_version", version_text, error) ||
      !insert_meta (&g, "generator_reference_date", reference_text, error) ||
      !build_district (&g, options->n_residents, error))
    return FALSE;

  plan_coverage (&g);

  if (!build_sites (&g, error) ||
      !build_teams (&g, error) ||
      !with_big_cache (&g, TRUE, error))
    return FALSE;
  ok = jy_generator_build_residents (&g, options->n_residents, progress, user_data, error) &&
       jy_generator_build_chronic (&g, error) &&
       jy_generator_build_contracts (&g, error) &&
       jy_generator_build_home_beds (&g, options->n_residents, error) &&
       jy_generator_build_long_rx (&g, error) &&
       jy_resident_search_rebuild (db, error);
  with_big_cache (&g, FALSE, NULL);
  if (!ok || !record_audit (&g, options->n_residents, options->seed, error))
    return FALSE;

  g_debug ("generated demo centre: %u residents, %u teams, %u staff, %u of %u communities served",
           options->n_residents, g.n_teams, g.n_staff, g.n_served, g.communities->len);
  return TRUE;
}
