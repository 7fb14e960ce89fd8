/* jy-generator-contracts.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-private.h"

#include "jy-contract-private.h"
#include "jy-package-store.h"
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

#define HISTORY_YEARS     5
#define MAX_CONTRACTS     16
#define MAX_CONTACTS      64
#define MAX_CHECKS        (HISTORY_YEARS + 1)

/* Per mille. */
#define SIGN_ELDERLY      800
#define SIGN_CHILD        620
#define SIGN_CHRONIC      680
#define SIGN_DISABLED     680
#define SIGN_PREGNANT     700
#define SIGN_OTHER        250
#define RENEW             820
#define RENEW_LATE        100     /* of renewals: signed after the end, within the grace */
#define RESIGN_AFTER_LAPSE 300
#define TERMINATE         30      /* per contract year */
#define CONTACT_OWED      880     /* a quarter the resident was signed throughout */
#define CONTACT_PARTIAL   450     /* a quarter partly covered */
#define CONTACT_RESIDENT  90      /* the resident calls or drops in */
#define CHECK_SIGNED      780
#define CHECK_UNSIGNED    520

typedef struct
{
  gint64  id;
  gint64  lead_id;
  gint64  members[4];
  guint   n_members;
} TeamStaff;

typedef struct
{
  JyDb             *db;
  JyGenSource      *src;
  const GDate      *reference;
  GDate             history_start;
  TeamStaff        *teams;
  guint             n_teams;
  GPtrArray        *packages;        /* JyPackageRecord, current catalogue */
  const JyPackageRecord *basic;
  const JyPackageRecord *elderly;
  const JyPackageRecord *child;
  const JyPackageRecord *maternal;
  gint64            next_contract_id;
  gint64            next_contact_id;
  guint             serial[3000];    /* contract numbers per sign year */
  sqlite3_stmt     *contract_stmt;
  sqlite3_stmt     *package_stmt;
  sqlite3_stmt     *contact_stmt;
  sqlite3_stmt     *delivery_stmt;
  sqlite3_stmt     *due_stmt;
  sqlite3_stmt     *resident_stmt;
  sqlite3_stmt     *tag_stmt;
  sqlite3_stmt     *renewed_stmt;
  GString          *text;
} Run;

typedef struct
{
  JyDeriveContract derive;
  JySigningChannel channel;
  guint32          packages;   /* bits: 0 basic, 1 elderly, 2 child, 3 maternal */
  gboolean         fee_paid;
  gboolean         agreement_signed;
} GenContract;

typedef struct
{
  gint64          id;
  GDate           birth;
  int             sex;
  gint64          team_id;
  guint           team;
  gboolean        chronic;
  gboolean        disabled;
  gboolean        pregnant;
  GDate           pregnancy_start;
  GDate           pregnancy_end;
  GenContract     contracts[MAX_CONTRACTS];
  guint           n_contracts;
  JyContact       contacts[MAX_CONTACTS];
  gint64          contact_staff[MAX_CONTACTS];
  guint8          contact_minute[MAX_CONTACTS];
  guint           n_contacts;
  GDate           checks[MAX_CHECKS];
  guint           n_checks;
} GenResident;

static const char *const contact_texts[] = {
  "电话随访，询问近况，提醒按时服药",
  "微信推送健康教育资料，提醒季度随访",
  "上门查看，测量血压，指导合理膳食",
  "门诊面谈，复核用药情况，预约下次体检",
  "电话提醒参加老年人健康体检",
  "了解睡眠和饮食情况，建议适量运动",
  "短信告知签约服务内容及家庭医生联系方式",
  "询问家庭成员健康状况，更新联系方式",
};

static const char *const resident_texts[] = {
  "居民来电咨询用药",
  "居民到门诊咨询体检结果",
  "居民微信咨询预约挂号",
};

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
load_teams (Run          *run,
            JyGenerator  *g,
            GError      **error)
{
  static const char sql[] =
    "SELECT t.id, t.lead_staff_id, m.staff_id FROM team t JOIN team_member m ON m.team_id = t.id\n"
    "ORDER BY t.id, m.id";
  sqlite3_stmt *stmt = jy_db_prepare (run->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  run->teams = g_new0 (TeamStaff, g->n_teams);
  run->n_teams = g->n_teams;
  while ((rc = jy_db_step (run->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 team_id = sqlite3_column_int64 (stmt, 0);

      for (guint j = 0; j < run->n_teams; j++)
        if (g->teams[j].id == team_id)
          {
            TeamStaff *team = &run->teams[j];

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
load_packages (Run     *run,
               GError **error)
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
age_on (const GenResident *r,
        const GDate       *day)
{
  return g_date_compare (&r->birth, day) > 0 ? -1 : jy_person_age_on (&r->birth, day);
}

static gboolean
pregnant_on (const GenResident *r,
             const GDate       *day)
{
  return r->pregnant && g_date_compare (&r->pregnancy_start, day) <= 0 &&
         g_date_compare (day, &r->pregnancy_end) <= 0;
}

/* Packages chosen at a signing: a renewal keeps the earlier choice while
 * the resident is still eligible; an outgrown package falls away. */
static guint32
choose_packages (Run               *run,
                 const GenResident *r,
                 const GDate       *sign_date,
                 guint32            before,
                 gboolean           renewal)
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
add_contract (Run          *run,
              GenResident  *r,
              const GDate  *sign_date,
              const GDate  *start,
              gint64        renews_id,
              guint32       packages)
{
  JyGenSource *src = run->src;
  GenContract *c = &r->contracts[r->n_contracts++];
  guint channel = jy_gen_rand_below (src, 100);

  *c = (GenContract) { 0 };
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
draw_contracts (Run         *run,
                GenResident *r,
                guint        propensity)
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
      GenContract *c;
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
add_contact (Run                *run,
             GenResident        *r,
             const GDate        *day,
             JyContactInitiator  initiator)
{
  JyGenSource *src = run->src;
  const TeamStaff *team = &run->teams[r->team];
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
draw_contacts (Run         *run,
               GenResident *r)
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
          guint n = jy_gen_rand_chance (src, 150) ? 2 : 1;

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
draw_checks (Run         *run,
             GenResident *r,
             gboolean     signed_now)
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

/* Writing ------------------------------------------------------------------ */

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char text[11];

  jy_db_bind_text_or_null (stmt, index, jy_contract_format_date (date, text));
}

/* 09:00–11:59 on the local @day, as UTC. */
static void
stamp_on (const GDate *day,
          guint        minute_of_morning,
          char         out[21])
{
  g_snprintf (out, 21, "%04u-%02u-%02uT%02u:%02u:00Z", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day), 1 + minute_of_morning / 60 % 3, minute_of_morning % 60);
}

static const JyPackageRecord *
package_of_bit (Run   *run,
                guint  bit)
{
  switch (bit)
    {
    case 0: return run->basic;
    case 1: return run->elderly;
    case 2: return run->child;
    case 3: return run->maternal;
    default: return NULL;
    }
}

static gboolean
write_contract (Run               *run,
                const GenResident *r,
                const GenContract *c,
                GError           **error)
{
  const JyDeriveContract *d = &c->derive;
  sqlite3_stmt *stmt = run->contract_stmt;
  JyFeeSplit fee = { 0 };
  guint year = g_date_get_year (&d->facts.sign_date);
  guint position = 0;
  char uuid[37], number[16], stamp[21];

  g_assert (year < G_N_ELEMENTS (run->serial));
  jy_gen_make_uuid (run->src, uuid);
  g_snprintf (number, sizeof number, "%04u%06u", year, ++run->serial[year]);
  stamp_on (&d->facts.sign_date, jy_gen_rand_below (run->src, 180), stamp);
  for (guint bit = 0; bit < 4; bit++)
    if ((c->packages & (1u << bit)) != 0)
      jy_fee_split_add (&fee, &package_of_bit (run, bit)->package->annual_fee);

  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, !d->facts.voided && g_date_valid (&d->facts.termination_date)
                                ? "terminated" : "signed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, r->id);
  sqlite3_bind_int64 (stmt, 7, d->team_id);
  sqlite3_bind_int64 (stmt, 8, d->doctor_id);
  sqlite3_bind_text (stmt, 9, jy_signing_channel_to_string (c->channel), -1, SQLITE_STATIC);
  bind_date (stmt, 10, &d->facts.sign_date);
  bind_date (stmt, 11, &d->facts.start);
  bind_date (stmt, 12, &d->facts.end);
  if (d->renews_id != 0)
    sqlite3_bind_int64 (stmt, 13, d->renews_id);
  else
    sqlite3_bind_null (stmt, 13);
  bind_date (stmt, 14, &d->facts.termination_date);
  jy_db_bind_text_or_null (stmt, 15, jy_termination_reason_to_code (d->facts.termination_reason));
  if (g_date_valid (&d->facts.termination_date))
    {
      char terminated[21];

      stamp_on (&d->facts.termination_date, 30, terminated);
      sqlite3_bind_text (stmt, 16, terminated, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 17, c->fee_paid
                                      ? jy_contract_refund_fen (&d->facts, &d->facts.termination_date,
                                                                fee.resident, NULL)
                                      : 0);
    }
  else
    {
      sqlite3_bind_null (stmt, 16);
      sqlite3_bind_null (stmt, 17);
    }
  sqlite3_bind_int64 (stmt, 18, fee.insurance);
  sqlite3_bind_int64 (stmt, 19, fee.public_health);
  sqlite3_bind_int64 (stmt, 20, fee.resident);
  sqlite3_bind_int (stmt, 21, c->fee_paid);
  sqlite3_bind_text (stmt, 22, stamp, -1, SQLITE_TRANSIENT);
  if (c->agreement_signed)
    sqlite3_bind_text (stmt, 23, stamp, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 23);
  /* renewed_by_id names a later row: set once that row exists (a
   * reference to a missing row would make SQLite look for it on every
   * insert). */
  sqlite3_bind_null (stmt, 24);
  bind_date (stmt, 25, &d->facts.renewed_on);
  bind_date (stmt, 26, &d->cover_last);
  bind_date (stmt, 27, &d->run_first);
  if (!jy_db_step_done (run->db, stmt, error))
    return FALSE;

  for (guint bit = 0; bit < 4; bit++)
    {
      const JyPackageRecord *record = package_of_bit (run, bit);

      if ((c->packages & (1u << bit)) == 0)
        continue;
      stmt = run->package_stmt;
      sqlite3_bind_int64 (stmt, 1, d->id);
      sqlite3_bind_int (stmt, 2, (int)position++);
      sqlite3_bind_int64 (stmt, 3, record->id);
      sqlite3_bind_text (stmt, 4, record->package->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, record->package->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, bit == 0 ? "basic" : "personalised", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, record->package->annual_fee.insurance);
      sqlite3_bind_int64 (stmt, 8, record->package->annual_fee.public_health);
      sqlite3_bind_int64 (stmt, 9, record->package->annual_fee.resident);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The live contract of @r covering @day, 0 if none. */
static gint64
covering (const GenResident *r,
          const GDate       *day)
{
  for (guint i = 0; i < r->n_contracts; i++)
    {
      const JyDeriveContract *d = &r->contracts[i].derive;

      if (g_date_valid (&d->cover_last) && g_date_compare (&d->facts.start, day) <= 0 &&
          g_date_compare (day, &d->cover_last) <= 0)
        return d->id;
    }
  return 0;
}

static gboolean
write_contacts (Run               *run,
                const GenResident *r,
                GError           **error)
{
  for (guint k = 0; k < r->n_contacts; k++)
    {
      const JyContact *contact = &r->contacts[k];
      sqlite3_stmt *stmt = run->contact_stmt;
      gint64 contract = covering (r, &contact->date);
      gboolean by_team = contact->initiator == JY_CONTACT_BY_TEAM;
      char uuid[37], stamp[21];

      jy_gen_make_uuid (run->src, uuid);
      g_snprintf (stamp, sizeof stamp, "%04u-%02u-%02uT%02u:%02u:00Z",
                  g_date_get_year (&contact->date), g_date_get_month (&contact->date),
                  g_date_get_day (&contact->date), r->contact_minute[k] % 10,
                  r->contact_minute[k]);
      sqlite3_bind_int64 (stmt, 1, run->next_contact_id++);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, r->id);
      if (contract != 0)
        sqlite3_bind_int64 (stmt, 5, contract);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, jy_contact_channel_to_string (contact->channel), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, by_team ? "team" : "resident", -1, SQLITE_STATIC);
      if (r->contact_staff[k] != 0)
        sqlite3_bind_int64 (stmt, 8, r->contact_staff[k]);
      else
        sqlite3_bind_null (stmt, 8);
      bind_date (stmt, 9, &contact->date);
      sqlite3_bind_text (stmt, 10, by_team ? contact_texts[(r->id + k) % G_N_ELEMENTS (contact_texts)]
                                           : resident_texts[(r->id + k) % G_N_ELEMENTS (resident_texts)],
                         -1, SQLITE_STATIC);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_checks (Run               *run,
              const GenResident *r,
              GError           **error)
{
  for (guint k = 0; k < r->n_checks; k++)
    {
      sqlite3_stmt *stmt = run->delivery_stmt;
      gint64 contract = covering (r, &r->checks[k]);
      char uuid[37], stamp[21];

      jy_gen_make_uuid (run->src, uuid);
      stamp_on (&r->checks[k], jy_gen_rand_below (run->src, 180), stamp);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, r->id);
      if (contract != 0)
        sqlite3_bind_int64 (stmt, 4, contract);
      else
        sqlite3_bind_null (stmt, 4);
      if (run->teams[r->team].n_members > 0)
        sqlite3_bind_int64 (stmt, 5, run->teams[r->team].lead_id);
      else
        sqlite3_bind_null (stmt, 5);
      bind_date (stmt, 6, &r->checks[k]);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_resident (Run          *run,
                GenResident  *r,
                GError      **error)
{
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (JyContactDueRow));
  JyDeriveContract derive[MAX_CONTRACTS];
  GDate last_contact, last_check;
  sqlite3_stmt *stmt;
  int head;

  if (r->pregnant)
    {
      char uuid[37], stamp[21];

      stmt = run->tag_stmt;
      jy_gen_make_uuid (run->src, uuid);
      stamp_on (&r->pregnancy_start, 0, stamp);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, r->id);
      bind_date (stmt, 4, &r->pregnancy_start);
      if (g_date_compare (&r->pregnancy_end, run->reference) <= 0)
        bind_date (stmt, 5, &r->pregnancy_end);
      else
        sqlite3_bind_null (stmt, 5);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }

  if (r->n_contracts == 0 && r->n_checks == 0)
    return TRUE;

  for (guint i = 0; i < r->n_contracts; i++)
    derive[i] = r->contracts[i].derive;
  head = jy_contract_derive_compute (derive, r->n_contracts, r->contacts, r->n_contacts, due,
                                     &last_contact);
  for (guint i = 0; i < r->n_contracts; i++)
    {
      r->contracts[i].derive = derive[i];
      if (!write_contract (run, r, &r->contracts[i], error))
        return FALSE;
    }
  for (guint i = 0; i < r->n_contracts; i++)
    if (derive[i].renewed_by_id != 0)
      {
        stmt = run->renewed_stmt;
        sqlite3_bind_int64 (stmt, 1, derive[i].renewed_by_id);
        sqlite3_bind_int64 (stmt, 2, derive[i].id);
        if (!jy_db_step_done (run->db, stmt, error))
          return FALSE;
      }
  if (!write_contacts (run, r, error) || !write_checks (run, r, error))
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      const JyContactDueRow *row = &g_array_index (due, JyContactDueRow, i);

      stmt = run->due_stmt;
      sqlite3_bind_int64 (stmt, 1, r->id);
      bind_date (stmt, 2, &row->period_first);
      bind_date (stmt, 3, &row->period_last);
      sqlite3_bind_int64 (stmt, 4, row->contract_id);
      sqlite3_bind_int64 (stmt, 5, row->team_id);
      sqlite3_bind_int64 (stmt, 6, row->doctor_id);
      bind_date (stmt, 7, &row->last_contact);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }

  g_date_clear (&last_check, 1);
  for (guint k = 0; k < r->n_checks; k++)
    if (!g_date_valid (&last_check) || g_date_compare (&r->checks[k], &last_check) > 0)
      last_check = r->checks[k];

  stmt = run->resident_stmt;
  if (head >= 0)
    sqlite3_bind_int64 (stmt, 1, derive[head].id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_date (stmt, 2, &last_contact);
  bind_date (stmt, 3, &last_check);
  sqlite3_bind_int64 (stmt, 4, r->id);
  return jy_db_step_done (run->db, stmt, error);
}

static gboolean
prepare_statements (Run     *run,
                    GError **error)
{
  static const char contract_sql[] =
    "INSERT INTO contract (id, uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  status, contract_no, site_id, resident_id, team_id, doctor_id, household_id, channel,\n"
    "  sign_date, start_date, end_date, renews_id, termination_date, termination_reason,\n"
    "  terminated_at, refund_fen, fee_insurance, fee_public_health, fee_resident, fee_paid,\n"
    "  agreement_printed_at, agreement_signed_at, renewed_by_id, renewed_on, cover_last, run_first)\n"
    "SELECT ?1, ?2, ?3, ?3, 'system', 1, '1', ?4, ?5, t.site_id, ?6, ?7, ?8, r.household_id, ?9,\n"
    "  ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27\n"
    "FROM team t, resident r WHERE t.id = ?7 AND r.id = ?6";
  static const char package_sql[] =
    "INSERT INTO contract_package (contract_id, position, package_id, code, name, kind,\n"
    "  fee_insurance, fee_public_health, fee_resident) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  static const char contact_sql[] =
    "INSERT INTO contact_log (id, uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  resident_id, contract_id, channel, initiated_by, staff_id, contacted_at, contact_date, content)\n"
    "VALUES (?1, ?2, ?3, ?3, 'system', 1, '1', ?4, ?5, ?6, ?7, ?8, ?3, ?9, ?10)";
  static const char delivery_sql[] =
    "INSERT INTO service_delivery (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  resident_id, contract_id, item_code, staff_id, delivered_at, delivery_date)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, '" JY_ANNUAL_CHECK_ITEM "', ?5, ?2, ?6)";
  static const char due_sql[] =
    "INSERT INTO contact_due (resident_id, period_first, period_last, contract_id, team_id,\n"
    "  doctor_id, last_contact_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  static const char resident_sql[] =
    "UPDATE resident SET contract_id = ?1, last_contact_date = ?2, annual_check_date = ?3\n"
    "WHERE id = ?4";
  static const char renewed_sql[] = "UPDATE contract SET renewed_by_id = ?1 WHERE id = ?2";
  static const char tag_sql[] =
    "INSERT INTO resident_tag (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  resident_id, tag, start_date, end_date, source)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, 'pregnant', ?4, ?5, '孕产妇登记')";

  return (run->contract_stmt = jy_db_prepare (run->db, contract_sql, error)) != NULL &&
         (run->package_stmt = jy_db_prepare (run->db, package_sql, error)) != NULL &&
         (run->contact_stmt = jy_db_prepare (run->db, contact_sql, error)) != NULL &&
         (run->delivery_stmt = jy_db_prepare (run->db, delivery_sql, error)) != NULL &&
         (run->due_stmt = jy_db_prepare (run->db, due_sql, error)) != NULL &&
         (run->resident_stmt = jy_db_prepare (run->db, resident_sql, error)) != NULL &&
         (run->tag_stmt = jy_db_prepare (run->db, tag_sql, error)) != NULL &&
         (run->renewed_stmt = jy_db_prepare (run->db, renewed_sql, error)) != NULL;
}

/* One resident: who they are, then their history, then the rows. */
static gboolean
generate_resident (Run          *run,
                   GenResident  *r,
                   GError      **error)
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
  return write_resident (run, r, error);
}

gboolean
jy_generator_build_contracts (JyGenerator  *g,
                              GError      **error)
{
  static const char residents_sql[] =
    "SELECT id, birth_date, sex, team_id FROM resident ORDER BY id";
  g_autofree GenResident *r = g_new0 (GenResident, 1);
  g_autoptr(GPtrArray) packages = NULL;
  g_autofree TeamStaff *teams = NULL;
  sqlite3_stmt *stmt;
  Run run = { 0 };
  int rc;

  run.db = g->db;
  run.src = &g->src;
  run.reference = &g->reference;
  run.history_start = g->reference;
  g_date_subtract_years (&run.history_start, HISTORY_YEARS);
  run.next_contract_id = 1;
  run.next_contact_id = 1;

  if (!load_teams (&run, g, error) || !load_packages (&run, error) || !prepare_statements (&run, error))
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
    g_autoptr(GArray) residents = g_array_new (FALSE, TRUE, sizeof (GenResident));

    if ((stmt = jy_db_prepare (run.db, residents_sql, error)) == NULL)
      return FALSE;
    while ((rc = jy_db_step (run.db, stmt, error)) == SQLITE_ROW)
      {
        GenResident one = { 0 };
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
        const GenResident *one = &g_array_index (residents, GenResident, i);

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
  return TRUE;
}
