/* jy-generator-contracts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-contracts-private.h"

#include "jy-person.h"
#include "jy-quarter.h"
#include "jy-store-error.h"

#include <string.h>

/* Family-doctor contracts of the demo centre, after the residents: five
 * years of one-year contracts with renewals, a few terminations, contacts
 * every quarter (most residents reached, some not yet this quarter), 65+
 * health checks and some pregnancy tags (maternal packages). Key
 * populations sign far more often: 65+, children 0–6, chronic patients
 * and people with disabilities (the last two drawn here, not stored: the
 * registry has no such records yet), pregnant women. Everything is drawn
 * from the run's JyGenSource after the residents, so residents stay as
 * they were. The derived columns and contact_due come from the
 * repositories' own computation (jy_contract_derive_compute). Nothing
 * goes to the outbox or the audit log: the demo counts as synced. */

/* Per mille. */
#define SIGN_ELDERLY      800
#define SIGN_CHILD        620
#define SIGN_CHRONIC      680
#define SIGN_DISABLED     680
#define SIGN_PREGNANT     700
#define SIGN_OTHER        230
#define RENEW             820
#define RENEW_LATE        100     /* of renewals: signed after the end, within the grace */
#define RESIGN_AFTER_LAPSE 300
#define TERMINATE         30      /* per contract year */
#define CONTACT_OWED      880     /* a quarter the resident was signed throughout */
#define CONTACT_PARTIAL   300     /* a quarter partly covered */
#define CONTACT_RESIDENT  50      /* the resident calls or drops in */
#define CHECK_SIGNED      780
#define CHECK_UNSIGNED    520

static guint
days_below (JyGenSource *src,
            guint        n)
{
  return n > 0 ? jy_gen_rand_below (src, n) : 0;
}

static void
random_day (JyGenSource *src,
            const GDate *first,
            const GDate *last,
            GDate       *out)
{
  int span = g_date_days_between (first, last);

  *out = *first;
  if (span > 0)
    g_date_add_days (out, jy_gen_rand_below (src, (guint)span + 1));
}

/* Setup ----------------------------------------------------------------------- */

static gboolean
load_teams (JyGenContractRun  *run,
            JyGenerator       *g,
            GError           **error)
{
  static const char sql[] =
    "SELECT t.id, t.lead_staff_id, m.staff_id FROM team t JOIN team_member m ON m.team_id = t.id\n"
    "ORDER BY t.id, m.id";
  sqlite3_stmt *stmt = jy_db_prepare (run->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  run->teams = g_new0 (JyGenTeamStaff, g->n_teams);
  run->n_teams = g->n_teams;
  while ((rc = jy_db_step (run->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 team_id = sqlite3_column_int64 (stmt, 0);

      for (guint j = 0; j < run->n_teams; j++)
        if (g->teams[j].id == team_id)
          {
            JyGenTeamStaff *team = &run->teams[j];

            team->id = team_id;
            team->lead_id = sqlite3_column_int64 (stmt, 1);
            if (team->n_members < G_N_ELEMENTS (team->members))
              team->members[team->n_members++] = sqlite3_column_int64 (stmt, 2);
          }
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_packages (JyGenContractRun  *run,
               GError           **error)
{
  if ((run->packages = jy_package_store_list (run->db, FALSE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < run->packages->len; i++)
    {
      const JyPackageRecord *record = g_ptr_array_index (run->packages, i);
      const char *code = record->package->code;

      if (g_str_equal (code, JY_SERVICE_PACKAGE_BASIC))
        run->basic = record;
      else if (g_str_equal (code, "elderly"))
        run->elderly = record;
      else if (g_str_equal (code, "child"))
        run->child = record;
      else if (g_str_equal (code, "maternal"))
        run->maternal = record;
    }
  if (run->basic == NULL)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                           "The package catalogue has no basic package");
      return FALSE;
    }
  return TRUE;
}

/* Drawing one resident's history ---------------------------------------------- */

static int
age_on (const JyGenResident *r,
        const GDate         *day)
{
  return g_date_compare (&r->birth, day) > 0 ? -1 : jy_person_age_on (&r->birth, day);
}

static gboolean
pregnant_on (const JyGenResident *r,
             const GDate         *day)
{
  return r->pregnant && g_date_compare (&r->pregnancy_start, day) <= 0 &&
         g_date_compare (day, &r->pregnancy_end) <= 0;
}

/* Packages chosen at a signing: a renewal keeps the earlier choice while
 * the resident is still eligible; an outgrown package falls away. */
static guint32
choose_packages (JyGenContractRun    *run,
                 const JyGenResident *r,
                 const GDate         *sign_date,
                 guint32              before,
                 gboolean             renewal)
{
  JyGenSource *src = run->src;
  int age = age_on (r, sign_date);
  guint32 chosen = 1;

  if (run->elderly != NULL && age >= 65 &&
      (renewal ? (before & 2) != 0 : jy_gen_rand_chance (src, 300)))
    chosen |= 2;
  if (run->child != NULL && age >= 0 && age <= 6 &&
      (renewal ? (before & 4) != 0 : jy_gen_rand_chance (src, 350)))
    chosen |= 4;
  if (run->maternal != NULL && r->sex == 2 && pregnant_on (r, sign_date) &&
      jy_gen_rand_chance (src, 500))
    chosen |= 8;
  return chosen;
}

static void
add_contract (JyGenContractRun *run,
              JyGenResident    *r,
              const GDate      *sign_date,
              const GDate      *start,
              gint64            renews_id,
              guint32           packages)
{
  JyGenSource *src = run->src;
  JyGenContract *c = &r->contracts[r->n_contracts++];
  guint channel = jy_gen_rand_below (src, 100);

  *c = (JyGenContract) { 0 };
  jy_contract_facts_init (&c->derive.facts);
  c->derive.id = run->next_contract_id++;
  c->derive.team_id = run->teams[r->team].id;
  c->derive.doctor_id = run->teams[r->team].lead_id;
  c->derive.renews_id = renews_id;
  c->derive.facts.sign_date = *sign_date;
  c->derive.facts.start = *start;
  jy_contract_term_end (start, NULL, &c->derive.facts.end);
  c->channel = channel < 60 ? JY_SIGNING_CHANNEL_CLINIC
               : channel < 85 ? JY_SIGNING_CHANNEL_HOME : JY_SIGNING_CHANNEL_ONLINE;
  c->packages = packages;
  c->fee_paid = jy_gen_rand_chance (src, 970);
  c->agreement_signed = jy_gen_rand_chance (src, 980);
}

/* Contracts from the first signing on, one term after another, none
 * signed after the reference date. */
static void
draw_contracts (JyGenContractRun *run,
                JyGenResident    *r,
                guint             propensity)
{
  JyGenSource *src = run->src;
  const GDate *reference = run->reference;
  /* The share ever signed that is signed today is about 3/4 (renewals,
   * lapses and new signings over the years). */
  guint ever = MIN (1000, propensity * 4 / 3);
  GDate sign, start;
  gint64 renews = 0;
  guint32 packages = 0;

  if (!jy_gen_rand_chance (src, ever))
    return;

  random_day (src, &run->history_start, reference, &sign);
  if (g_date_compare (&sign, &r->birth) < 0)
    sign = r->birth;
  start = sign;

  while (r->n_contracts < MAX_CONTRACTS)
    {
      JyGenContract *c;
      GDate end;

      packages = choose_packages (run, r, &sign, packages, renews != 0);
      add_contract (run, r, &sign, &start, renews, packages);
      c = &r->contracts[r->n_contracts - 1];
      end = c->derive.facts.end;

      /* A few end early: the resident asks, or for another reason. */
      if (jy_gen_rand_chance (src, TERMINATE))
        {
          GDate day;

          random_day (src, &c->derive.facts.start, &end, &day);
          if (g_date_compare (&day, reference) <= 0)
            {
              c->derive.facts.termination_date = day;
              c->derive.facts.termination_reason = jy_gen_rand_chance (src, 700)
                                                     ? JY_TERMINATION_REASON_RESIDENT_REQUEST
                                                     : JY_TERMINATION_REASON_OTHER;
              return;
            }
        }

      if (jy_gen_rand_chance (src, RENEW))
        {
          renews = c->derive.id;
          if (jy_gen_rand_chance (src, RENEW_LATE))
            {
              sign = end;
              g_date_add_days (&sign, 1 + days_below (src, 60));
              start = sign;
            }
          else
            {
              sign = end;
              g_date_subtract_days (&sign, days_below (src, 31));
              start = end;
              g_date_add_days (&start, 1);
            }
        }
      else if (jy_gen_rand_chance (src, RESIGN_AFTER_LAPSE))
        {
          renews = 0;
          packages = 0;
          sign = end;
          g_date_add_days (&sign, 91 + days_below (src, 300));
          start = sign;
        }
      else
        {
          return;
        }
      if (g_date_compare (&sign, reference) > 0)
        return;
    }
}

static void
add_contact (JyGenContractRun   *run,
             JyGenResident      *r,
             const GDate        *day,
             JyContactInitiator  initiator)
{
  JyGenSource *src = run->src;
  const JyGenTeamStaff *team = &run->teams[r->team];
  guint channel = jy_gen_rand_below (src, 100);
  guint k = r->n_contacts;

  if (k >= MAX_CONTACTS)
    return;
  r->contacts[k].date = *day;
  r->contacts[k].initiator = initiator;
  if (initiator == JY_CONTACT_BY_RESIDENT)
    r->contacts[k].channel = channel < 50 ? JY_CONTACT_CHANNEL_CLINIC : channel < 80
                               ? JY_CONTACT_CHANNEL_PHONE : JY_CONTACT_CHANNEL_WECHAT;
  else
    r->contacts[k].channel = channel < 45 ? JY_CONTACT_CHANNEL_PHONE
                             : channel < 70 ? JY_CONTACT_CHANNEL_WECHAT
                             : channel < 85 ? JY_CONTACT_CHANNEL_CLINIC
                             : channel < 93 ? JY_CONTACT_CHANNEL_HOME
                             : channel < 98 ? JY_CONTACT_CHANNEL_SMS : JY_CONTACT_CHANNEL_APP;
  r->contact_staff[k] = team->n_members > 0 ? team->members[jy_gen_rand_below (src, team->n_members)] : 0;
  /* The minute of the hour; the hour (08–17 in the centre's zone) is
   * drawn from it and the resident when written. */
  r->contact_minute[k] = (guint8)jy_gen_rand_below (src, 60);
  r->n_contacts++;
}

/* Contacts quarter by quarter over the covered days: most owed quarters
 * get a team contact, the current one in proportion to how much of it has
 * gone by, so today's worklist is neither empty nor everyone. */
static void
draw_contacts (JyGenContractRun *run,
               JyGenResident    *r)
{
  JyGenSource *src = run->src;
  JyContractFacts facts[MAX_CONTRACTS];
  GDate first, last, q_first, q_last;
  gboolean any = FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  for (guint i = 0; i < r->n_contracts; i++)
    {
      GDate a, b;

      facts[i] = r->contracts[i].derive.facts;
      if (!jy_contract_get_coverage (&facts[i], &a, &b))
        continue;
      if (!any || g_date_compare (&a, &first) < 0)
        first = a;
      if (!any || g_date_compare (&b, &last) > 0)
        last = b;
      any = TRUE;
    }
  if (!any)
    return;
  if (g_date_compare (&last, run->reference) > 0)
    last = *run->reference;

  jy_contact_period_bounds (&first, NULL, &q_first, &q_last);
  while (g_date_compare (&q_first, &last) <= 0)
    {
      GDate until = g_date_compare (&q_last, run->reference) < 0 ? q_last : *run->reference;
      gboolean owed = jy_contact_is_owed (facts, r->n_contracts, &q_first, &q_last, NULL);
      guint chance = owed ? CONTACT_OWED : CONTACT_PARTIAL;
      GDate day, next;

      /* The quarter under way: only the part gone by has had its chance. */
      if (g_date_compare (&q_last, run->reference) > 0)
        chance = chance * (guint)(g_date_days_between (&q_first, &until) + 1) /
                 (guint)(g_date_days_between (&q_first, &q_last) + 1);
      if (jy_gen_rand_chance (src, chance))
        {
          guint n = jy_gen_rand_chance (src, 60) ? 2 : 1;

          for (guint k = 0; k < n; k++)
            {
              random_day (src, &q_first, &until, &day);
              add_contact (run, r, &day, JY_CONTACT_BY_TEAM);
            }
        }
      if (jy_gen_rand_chance (src, CONTACT_RESIDENT))
        {
          random_day (src, &q_first, &until, &day);
          add_contact (run, r, &day, JY_CONTACT_BY_RESIDENT);
        }

      next = q_last;
      g_date_add_days (&next, 1);
      jy_contact_period_bounds (&next, NULL, &q_first, &q_last);
    }
}

/* The 65+ health check, year by year (this year so far in proportion). */
static void
draw_checks (JyGenContractRun *run,
             JyGenResident    *r,
             gboolean          signed_now)
{
  JyGenSource *src = run->src;
  guint year_now = g_date_get_year (run->reference);

  for (guint year = year_now - HISTORY_YEARS + 1; year <= year_now; year++)
    {
      GDate first, last;
      guint chance = signed_now ? CHECK_SIGNED : CHECK_UNSIGNED;

      if (g_date_get_year (&r->birth) > year - 65)
        continue;
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, year);
      if (year == year_now)
        {
          chance = chance * g_date_get_day_of_year (run->reference) / 365;
          last = *run->reference;
        }
      if (r->n_checks < MAX_CHECKS && jy_gen_rand_chance (src, chance))
        random_day (src, &first, &last, &r->checks[r->n_checks++]);
    }
}

static gboolean
generate_resident (JyGenContractRun  *run,
                   JyGenResident     *r,
                   GError           **error)
{
  JyGenSource *src = run->src;
  int age = age_on (r, run->reference);
  guint propensity = SIGN_OTHER;
  gboolean signed_now;

  /* Hidden facts that make signing likelier (not stored). */
  r->chronic = age >= 35 && jy_gen_rand_chance (src, age >= 65 ? 450 : age >= 55 ? 300 : age >= 45 ? 170 : 70);
  r->disabled = jy_gen_rand_chance (src, 20);
  /* About one woman in forty of 20–39 pregnant or just delivered. */
  r->pregnant = r->sex == 2 && age >= 20 && age < 40 && jy_gen_rand_chance (src, 25);
  if (r->pregnant)
    {
      r->pregnancy_start = *run->reference;
      g_date_subtract_days (&r->pregnancy_start, days_below (src, 322));
      r->pregnancy_end = r->pregnancy_start;
      g_date_add_days (&r->pregnancy_end, 280 + 42);
    }

  if (age >= 65)
    propensity = MAX (propensity, SIGN_ELDERLY);
  if (age >= 0 && age < 7)
    propensity = MAX (propensity, SIGN_CHILD);
  if (r->chronic)
    propensity = MAX (propensity, SIGN_CHRONIC);
  if (r->disabled)
    propensity = MAX (propensity, SIGN_DISABLED);
  if (r->pregnant)
    propensity = MAX (propensity, SIGN_PREGNANT);

  draw_contracts (run, r, propensity);
  draw_contacts (run, r);
  signed_now = FALSE;
  for (guint i = 0; i < r->n_contracts; i++)
    {
      GDate a, b;

      if (jy_contract_get_coverage (&r->contracts[i].derive.facts, &a, &b) &&
          g_date_compare (&a, run->reference) <= 0 && g_date_compare (run->reference, &b) <= 0)
        signed_now = TRUE;
    }
  draw_checks (run, r, signed_now);
  return jy_gen_contracts_write_resident (run, r, error);
}

/* Bulk loading --------------------------------------------------------------- */

/* Rows go in resident order, and most indexes are on other columns (dates,
 * teams): a B-tree insert at a random place per row and index. Building
 * each index once, after the rows, sorts instead. This sets aside the
 * indexes of the contract tables (and the resident indexes on the derived
 * columns) and gives back their CREATE statements; the schema's own text,
 * so they come back exactly as the migration made them. */
static GPtrArray *
set_aside_indexes (JyDb     *db,
                   GError  **error)
{
  static const char sql[] =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL\n"
    "  AND (tbl_name IN ('contract', 'contract_package', 'contact_log', 'contact_due',\n"
    "                    'service_delivery')\n"
    "       OR (tbl_name = 'resident' AND (sql GLOB '*contract_id*' OR sql GLOB '*annual_check_date*'\n"
    "                                      OR sql GLOB '*last_contact_date*')))\n"
    "ORDER BY name";
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, jy_db_column_dup_text (stmt, 0));
      g_ptr_array_add (creates, jy_db_column_dup_text (stmt, 1));
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      /* Names come from sqlite_master, not from input. */
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *)g_ptr_array_index (names, i));

      if (!jy_db_exec (db, drop, error))
        return NULL;
    }
  return g_steal_pointer (&creates);
}

static gboolean
restore_indexes (JyDb       *db,
                 GPtrArray  *creates,
                 GError    **error)
{
  for (guint i = 0; i < creates->len; i++)
    if (!jy_db_exec (db, g_ptr_array_index (creates, i), error))
      return FALSE;
  return TRUE;
}

gboolean
jy_generator_build_contracts (JyGenerator  *g,
                              GError      **error)
{
  static const char residents_sql[] =
    "SELECT id, birth_date, sex, team_id FROM resident ORDER BY id";
  g_autofree JyGenResident *r = g_new0 (JyGenResident, 1);
  g_autoptr(GPtrArray) packages = NULL;
  g_autofree JyGenTeamStaff *teams = NULL;
  g_autofree char *restore_cache = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  gint64 cache_size = 0;
  sqlite3_stmt *stmt;
  JyGenContractRun run = { 0 };
  int rc;

  g_debug ("generating contracts");
  run.db = g->db;
  run.src = &g->src;
  run.reference = &g->reference;
  run.history_start = g->reference;
  g_date_subtract_years (&run.history_start, HISTORY_YEARS);
  run.next_contract_id = 1;
  run.next_contact_id = 1;

  /* Contracts, contacts and their date indexes are written in resident
   * order, not index order: with the connection's usual cache every
   * insert would go back to the file. The writer's size comes back at
   * the end. */
  if (!jy_db_query_int64 (run.db, "PRAGMA cache_size", &cache_size, error) ||
      !jy_db_exec (run.db, "PRAGMA cache_size = -262144", error) ||
      (indexes = set_aside_indexes (run.db, error)) == NULL)
    return FALSE;

  if (!load_teams (&run, g, error) || !load_packages (&run, error) || !jy_gen_contracts_prepare (&run, error))
    {
      g_free (run.teams);
      g_clear_pointer (&run.packages, g_ptr_array_unref);
      return FALSE;
    }
  teams = run.teams;
  packages = run.packages;

  /* The residents are read first: the writes below go to other tables
   * and to the resident rows already read. */
  {
    g_autoptr(GArray) residents = g_array_new (FALSE, TRUE, sizeof (JyGenResident));

    if ((stmt = jy_db_prepare (run.db, residents_sql, error)) == NULL)
      return FALSE;
    while ((rc = jy_db_step (run.db, stmt, error)) == SQLITE_ROW)
      {
        JyGenResident one = { 0 };
        gint64 team_id = sqlite3_column_int64 (stmt, 3);

        one.id = sqlite3_column_int64 (stmt, 0);
        jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 1), &one.birth);
        one.sex = sqlite3_column_int (stmt, 2);
        one.team_id = team_id;
        for (guint j = 0; j < run.n_teams; j++)
          if (run.teams[j].id == team_id)
            one.team = j;
        g_array_append_val (residents, one);
      }
    if (rc < 0)
      return FALSE;
    sqlite3_reset (stmt);

    for (guint i = 0; i < residents->len; i++)
      {
        const JyGenResident *one = &g_array_index (residents, JyGenResident, i);

        memset (r, 0, sizeof *r);
        r->id = one->id;
        r->birth = one->birth;
        r->sex = one->sex;
        r->team_id = one->team_id;
        r->team = one->team;
        if (!g_date_valid (&r->birth) || !generate_resident (&run, r, error))
          return FALSE;
      }
  }

  g_debug ("generated %" G_GINT64_FORMAT " contracts, %" G_GINT64_FORMAT " contacts",
           run.next_contract_id - 1, run.next_contact_id - 1);
  /* PRAGMA takes no bound parameters; the value is an integer we read. */
  restore_cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  return restore_indexes (run.db, indexes, error) && jy_db_exec (run.db, restore_cache, error);
}
