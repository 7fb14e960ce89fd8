/* jy-generator-residents.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-private.h"

#include "jy-household.h"
#include "jy-store-error.h"

/* The residents of the demo centre, the last step of jy_generator_run():
 * each household planned in jy-generator-household.c gets an address and a
 * team, and each of its members one row. Draws come from the run's
 * JyGenSource in a fixed order, so the order of calls decides the result. */

#define PROGRESS_STEP      10000
#define MAX_ARCHIVE_SERIAL 99999

typedef struct
{
  sqlite3_stmt        *stmt;
  GString             *name;
  GString             *address;
  guint                done;
  guint                total;
  JyGeneratorProgress  progress;
  gpointer             user_data;
} ResidentWriter;

/* What one member takes from the household. */
typedef struct
{
  const JyGenMember *member;
  JyGenCommunity    *community;
  guint              team;
  const char        *household_uuid;
  const char        *surname;
  const char        *ethnicity;
  gboolean           registered_here;
} MemberFacts;

static gboolean
insert_resident (JyGenerator        *g,
                 ResidentWriter     *w,
                 const MemberFacts  *facts,
                 GError            **error)
{
  JyGenSource *src = &g->src;
  JyGenCommunity *community = facts->community;
  int sex = facts->member->sex;
  gboolean has_id;
  gboolean has_phone;
  GDate birth;
  char birth_text[11];
  char id_number[19];
  char phone[12];
  char archive_no[18];
  char uuid[37];

  jy_gen_make_birth_date (src, &g->reference, facts->member->age, &birth);
  jy_generator_format_date (&birth, birth_text);
  jy_gen_make_name (src, facts->surname, sex, g_date_get_year (&birth), w->name);

  /* About 2% without: newborns not yet registered, foreigners, refusals. */
  has_id = jy_gen_rand_chance (src, 980);
  if (has_id && !jy_gen_make_id_number (src, sex, &birth, facts->registered_here, id_number, error))
    return FALSE;
  has_phone = jy_gen_rand_chance (src, 920);
  if (has_phone)
    jy_gen_make_mobile (src, phone);

  if (++community->serial > MAX_ARCHIVE_SERIAL)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                           "Too many residents for one community's archive numbers");
      return FALSE;
    }
  g_snprintf (archive_no, sizeof archive_no, "%s%05u", community->code, community->serial);
  jy_gen_make_uuid (src, uuid);

  sqlite3_bind_text (w->stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 2, g->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->stmt, 3, g->site_ids[g->teams[facts->team].site]);
  sqlite3_bind_text (w->stmt, 4, archive_no, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 5, w->name->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 6, sex == 1 ? "1" : "2", -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 7, birth_text, -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (w->stmt, 8, has_id ? id_number : NULL);
  jy_db_bind_text_or_null (w->stmt, 9, has_phone ? phone : NULL);
  sqlite3_bind_text (w->stmt, 10, community->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 11, w->address->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 12, facts->registered_here ? "1" : "2", -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 13, facts->ethnicity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->stmt, 14, g->teams[facts->team].id);
  sqlite3_bind_text (w->stmt, 15, facts->household_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->stmt, 16, facts->member->relation, -1, SQLITE_STATIC);
  if (!jy_db_step_done (g->db, w->stmt, error))
    return FALSE;

  w->done++;
  if (w->progress != NULL && (w->done % PROGRESS_STEP == 0 || w->done == w->total))
    w->progress (w->done, w->total, w->user_data);
  return TRUE;
}

/* One household at one address, in one team's care. Wives keep their own
 * surnames; children mostly take their father's, sometimes their mother's;
 * a grandchild may be a daughter's child; the head's father shares the
 * head's surname. Ethnicity and household registration (户籍) mostly go
 * with the family. */
static gboolean
insert_household (JyGenerator        *g,
                  ResidentWriter     *w,
                  const JyGenMember  *members,
                  guint               n_members,
                  GError            **error)
{
  JyGenSource *src = &g->src;
  const JyGenMember *head = &members[0];
  const JyGenMember *spouse = NULL;
  const char *head_surname;
  const char *spouse_surname = NULL;
  const char *head_ethnicity;
  const char *spouse_ethnicity = NULL;
  const char *father_line;
  const char *mother_line = NULL;
  gboolean registered_here;
  MemberFacts facts = { 0 };
  const char *road;
  char household_uuid[37];
  guint r;
  guint k = 0;

  g_assert (n_members > 0 && g_str_equal (head->relation, JY_HOUSEHOLD_RELATION_HEAD));

  r = jy_gen_rand_below (src, g->community_cumulative[g->n_served - 1]);
  while (g->community_cumulative[k] <= r)
    k++;
  facts.community = jy_generator_get_community (g, k);
  facts.team = facts.community->first_team + jy_gen_rand_below (src, facts.community->n_teams);
  road = facts.community->roads[jy_gen_rand_below (src, JY_GEN_ROADS_PER_COMMUNITY)];
  jy_gen_make_address_detail (src, road, w->address);
  jy_gen_make_uuid (src, household_uuid);
  facts.household_uuid = household_uuid;
  registered_here = jy_gen_rand_chance (src, 800);

  for (guint i = 1; i < n_members; i++)
    if (g_str_equal (members[i].relation, JY_HOUSEHOLD_RELATION_SPOUSE))
      spouse = &members[i];

  head_surname = jy_gen_pick_surname (src);
  head_ethnicity = jy_gen_pick_ethnicity (src);
  if (spouse != NULL)
    {
      spouse_surname = jy_gen_pick_surname (src);
      spouse_ethnicity = jy_gen_pick_ethnicity (src);
    }

  if (head->sex == 1)
    father_line = head_surname;
  else if (spouse != NULL)
    father_line = spouse_surname;
  else   /* a mother alone: her children have her surname or their father's */
    father_line = jy_gen_rand_chance (src, 500) ? head_surname : jy_gen_pick_surname (src);
  if (head->sex == 2)
    mother_line = head_surname;
  else if (spouse != NULL)
    mother_line = spouse_surname;

  for (guint i = 0; i < n_members; i++)
    {
      const char *relation = members[i].relation;

      facts.member = &members[i];
      facts.surname = head_surname;
      facts.ethnicity = head_ethnicity;

      if (g_str_equal (relation, JY_HOUSEHOLD_RELATION_SPOUSE))
        {
          facts.surname = spouse_surname;
          facts.ethnicity = spouse_ethnicity;
        }
      else if (g_str_equal (relation, JY_HOUSEHOLD_RELATION_SON) ||
               g_str_equal (relation, JY_HOUSEHOLD_RELATION_DAUGHTER))
        {
          facts.surname = mother_line != NULL && !jy_gen_rand_chance (src, 900) ? mother_line
                                                                                : father_line;
          if (spouse != NULL && jy_gen_rand_chance (src, 500))
            facts.ethnicity = spouse_ethnicity;
        }
      else if (g_str_equal (relation, JY_HOUSEHOLD_RELATION_GRANDCHILD))
        {
          facts.surname = jy_gen_rand_chance (src, 650) ? father_line : jy_gen_pick_surname (src);
          if (spouse != NULL && jy_gen_rand_chance (src, 500))
            facts.ethnicity = spouse_ethnicity;
        }
      else if (g_str_equal (relation, JY_HOUSEHOLD_RELATION_PARENT))
        {
          /* The head's mother has her own surname. */
          if (members[i].sex == 2)
            facts.surname = jy_gen_pick_surname (src);
        }

      /* A few members registered elsewhere, or here when the family is not. */
      facts.registered_here = jy_gen_rand_chance (src, registered_here ? 950 : 200);

      if (!insert_resident (g, w, &facts, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
jy_generator_build_residents (JyGenerator          *g,
                              guint                 n_residents,
                              JyGeneratorProgress   progress,
                              gpointer              user_data,
                              GError              **error)
{
  static const char sql[] =
    "INSERT INTO resident (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "                      site_id, archive_no, name, sex, birth_date, id_number, phone,\n"
    "                      area_code, address_detail, residence_type, ethnicity, team_id,\n"
    "                      household_id, relation_to_head)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,\n"
    "        ?15, ?16)";
  g_autoptr(GString) name = g_string_sized_new (16);
  g_autoptr(GString) address = g_string_sized_new (64);
  g_auto(JyGenHouseholds) households = { 0 };
  ResidentWriter writer = { 0 };

  if ((writer.stmt = jy_db_prepare (g->db, sql, error)) == NULL)
    return FALSE;
  writer.name = name;
  writer.address = address;
  writer.total = n_residents;
  writer.progress = progress;
  writer.user_data = user_data;

  jy_gen_plan_households (&g->src, n_residents, &households);
  g_assert (households.n_members == n_residents);

  /* One statement for every row: each row binds all parameters and
   * jy_db_step_done() resets it. */
  for (guint h = 0; h < households.n_households; h++)
    {
      guint first = households.first_member[h];

      if (!insert_household (g, &writer, &households.members[first],
                             households.first_member[h + 1] - first, error))
        return FALSE;
    }

  return TRUE;
}
