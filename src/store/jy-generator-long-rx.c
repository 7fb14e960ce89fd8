/* jy-generator-long-rx.c — the demo centre's long prescriptions
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-private.h"
#include "jy-idcard.h"
#include "jy-long-rx.h"
#include "jy-person.h"

/* Written after the contracts (they decide who is signed): about 40 % of
 * the signed hypertension and diabetes patients whose latest follow-ups
 * are controlled have long prescriptions, a chain of 4- to 12-week
 * prescriptions from a start within the five years of history, each
 * dispensed in 28-day instalments (some by a proxy for patients aged 75
 * and over), mostly renewed a few days before they run out, now and then
 * stopped or left to lapse. The last one covering the reference date is
 * active. Derived columns are written from the same rules as
 * jy_long_rx_store_derive(); nothing goes to the outbox. */

#define SHARE_PER_MILLE 400

typedef struct
{
  const char *code, *name, *strength, *form, *unit, *pack_unit, *klass;
  double      pack, dose;
  JyDoseFrequency frequency;
} GenDrug;

static const GenDrug htn_drugs[] = {
  { "D003", "苯磺酸氨氯地平片", "5 mg", "片", "片", "盒", "甲", 28, 1, JY_DOSE_FREQUENCY_QD },
  { "D001", "硝苯地平缓释片", "20 mg", "片", "片", "盒", "甲", 30, 1, JY_DOSE_FREQUENCY_BID },
  { "D008", "缬沙坦胶囊", "80 mg", "胶囊", "粒", "盒", "乙", 7, 1, JY_DOSE_FREQUENCY_QD },
  { "D007", "马来酸依那普利片", "10 mg", "片", "片", "盒", "甲", 16, 1, JY_DOSE_FREQUENCY_QD },
  { "D014", "富马酸比索洛尔片", "5 mg", "片", "片", "盒", "甲", 10, 1, JY_DOSE_FREQUENCY_QD },
};
static const GenDrug htn_second = { "D011", "吲达帕胺片", "2.5 mg", "片", "片", "盒", "甲", 30, 1, JY_DOSE_FREQUENCY_QD };
static const GenDrug dm_drugs[] = {
  { "D016", "盐酸二甲双胍片", "0.5 g", "片", "片", "盒", "甲", 48, 1, JY_DOSE_FREQUENCY_TID },
  { "D016", "盐酸二甲双胍片", "0.5 g", "片", "片", "盒", "甲", 48, 2, JY_DOSE_FREQUENCY_BID },
  { "D019", "格列美脲片", "2 mg", "片", "片", "盒", "乙", 30, 1, JY_DOSE_FREQUENCY_QD },
  { "D021", "阿卡波糖片", "50 mg", "片", "片", "盒", "乙", 30, 1, JY_DOSE_FREQUENCY_TID },
};
static const GenDrug statin = { "D026", "阿托伐他汀钙片", "20 mg", "片", "片", "盒", "乙", 7, 1, JY_DOSE_FREQUENCY_QD };
static const GenDrug aspirin = { "D028", "阿司匹林肠溶片", "100 mg", "片", "片", "盒", "甲", 30, 1, JY_DOSE_FREQUENCY_QD };

static const char *const relations[] = { "子", "女", "配偶", "儿媳", "女婿", "孙子女" };
static const char *const stop_reasons[] = { "condition", "adverse", "hospital", "regimen" };

typedef struct
{
  JyGenerator  *g;
  sqlite3_stmt *rx_stmt;
  sqlite3_stmt *item_stmt;
  sqlite3_stmt *dispense_stmt;
  gint64        next_rx_id;
  gint64        pharmacists[4];
  guint         n_pharmacists;
  guint         n_rx;
  guint         n_dispenses;
} Run;

typedef struct
{
  gint64      id;
  GDate       birth;
  const char *surname_source;
  char        name[64];
  gint64      team_id;
  gint64      doctor_id;
  gboolean    htn;
  gboolean    dm;
  char        icd10[32];
  GDate       start;       /* earliest a first issue may fall */
  const GenDrug *drugs[4];
  guint       n_drugs;
  /* a proxy: a family member with a valid, made-up ID number */
  char        proxy_name[64];
  const char *proxy_relation;
  char        proxy_id[19];
  char        proxy_phone[12];
  GDate       authorised;
} Patient;

static void
format (const GDate *date,
        char         out[11])
{
  jy_generator_format_date (date, out);
}

static gboolean
write_items (Run            *run,
             gint64          id,
             const Patient  *p,
             int             days,
             GError        **error)
{
  sqlite3_stmt *stmt = run->item_stmt;

  for (guint i = 0; i < p->n_drugs; i++)
    {
      const GenDrug *d = p->drugs[i];

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, d->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, d->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, d->strength, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, d->form, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, d->unit, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 8, d->dose);
      sqlite3_bind_text (stmt, 9, jy_dose_frequency_to_code (d->frequency), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 10, days);
      sqlite3_bind_double (stmt, 11, d->pack);
      sqlite3_bind_text (stmt, 12, d->pack_unit, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 13, jy_long_rx_quantity_packs (d->dose, d->frequency, days, d->pack));
      sqlite3_bind_text (stmt, 14, d->klass, -1, SQLITE_STATIC);
      if (!jy_db_step_done (run->g->db, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static char *
items_json (const Patient *p,
            int            days)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < p->n_drugs; i++)
    g_string_append_printf (out, "%s{\"code\":\"%s\",\"name\":\"%s\",\"packs\":%d,\"unit\":\"%s\"}",
                            i > 0 ? "," : "", p->drugs[i]->code, p->drugs[i]->name,
                            jy_long_rx_quantity_packs (p->drugs[i]->dose, p->drugs[i]->frequency,
                                                       days, p->drugs[i]->pack),
                            p->drugs[i]->pack_unit);
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/* Dispenses the instalments due by @until (inclusive); returns how many. */
static int
write_dispenses (Run            *run,
                 gint64          id,
                 const Patient  *p,
                 const GDate    *issue,
                 int             total_days,
                 const GDate    *until,
                 GError        **error)
{
  JyGenSource *src = &run->g->src;
  sqlite3_stmt *stmt = run->dispense_stmt;
  char issue_text[11];
  g_autoptr(GArray) schedule = NULL;
  int n = 0;
  int age;

  format (issue, issue_text);
  schedule = jy_long_rx_schedule (issue_text, total_days, 28, 7);
  age = jy_person_age_on (&p->birth, issue);
  for (guint i = 0; i < schedule->len; i++)
    {
      const JyLongRxInstalment *inst = &g_array_index (schedule, JyLongRxInstalment, i);
      g_autofree char *items = NULL;
      gboolean proxy;
      GDate due, day;
      char uuid[37], date[11], stamp[21];

      jy_person_parse_date (inst->due_date, &due);
      if (g_date_compare (&due, until) > 0)
        break;
      day = due;
      if (i > 0)
        g_date_subtract_days (&day, jy_gen_rand_below (src, 4));
      format (&day, date);
      g_snprintf (stamp, sizeof stamp, "%sT02:%02u:00Z", date, jy_gen_rand_below (src, 60));
      /* Never a first issue (a new drug for the proxy rule). */
      proxy = i > 0 && age >= 75 && jy_gen_rand_chance (src, 300);
      items = items_json (p, inst->days);
      jy_gen_make_uuid (src, uuid);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, id);
      sqlite3_bind_int64 (stmt, 4, p->id);
      sqlite3_bind_int (stmt, 5, inst->number);
      sqlite3_bind_text (stmt, 6, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, inst->days);
      if (run->n_pharmacists > 0)
        sqlite3_bind_int64 (stmt, 8, run->pharmacists[jy_gen_rand_below (src, run->n_pharmacists)]);
      else
        sqlite3_bind_null (stmt, 8);
      sqlite3_bind_text (stmt, 9, proxy ? "proxy" : "patient", -1, SQLITE_STATIC);
      if (proxy)
        {
          char authorised[11];

          format (&p->authorised, authorised);
          sqlite3_bind_text (stmt, 10, p->proxy_name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 11, p->proxy_relation, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 12, p->proxy_id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 13, p->proxy_phone, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 14, authorised, -1, SQLITE_TRANSIENT);
        }
      else
        for (int c = 10; c <= 14; c++)
          sqlite3_bind_null (stmt, c);
      sqlite3_bind_text (stmt, 15, items, -1, SQLITE_TRANSIENT);
      if (!jy_db_step_done (run->g->db, stmt, error))
        return -1;
      sqlite3_reset (stmt);
      n++;
    }
  run->n_dispenses += n;
  return n;
}

/* How many instalments fall due by @until (write_dispenses hands them out). */
static int
count_due (const char  *issue,
           int          days,
           const GDate *until)
{
  g_autoptr(GArray) schedule = jy_long_rx_schedule (issue, days, 28, 7);
  int n = 0;

  for (guint i = 0; i < schedule->len; i++)
    {
      GDate due;

      jy_person_parse_date (g_array_index (schedule, JyLongRxInstalment, i).due_date, &due);
      if (g_date_compare (&due, until) > 0)
        break;
      n++;
    }
  return n;
}

static gboolean
generate_patient (Run      *run,
                  Patient  *p,
                  GError  **error)
{
  JyGenSource *src = &run->g->src;
  const GDate *reference = &run->g->reference;
  gint64 renews = 0;
  GDate issue = p->start;

  g_date_add_days (&issue, jy_gen_rand_below (src, MAX (1, g_date_days_between (&p->start, reference) - 27)));

  while (g_date_compare (&issue, reference) <= 0)
    {
      sqlite3_stmt *stmt = run->rx_stmt;
      int weeks = jy_gen_rand_chance (src, 550) ? 12 : jy_gen_rand_chance (src, 500) ? 8 : 4;
      int days = weeks * 7;
      gint64 id = ++run->next_rx_id;
      GDate end = issue, next = issue, stop;
      gboolean active, stopped = FALSE;
      const char *status;
      int dispensed, instalments = (days + 27) / 28;
      char uuid[37], issue_text[11], end_text[11], stop_text[11], rx_no[24], stamp[21];

      g_date_add_days (&end, (guint) days - 1);
      active = g_date_compare (&end, reference) >= 0;
      g_date_clear (&stop, 1);
      if (jy_gen_rand_chance (src, active ? 20 : 50))
        {
          /* Stopped part-way: a follow-up found a change, a stay in hospital … */
          stop = issue;
          g_date_add_days (&stop, jy_gen_rand_between (src, 3, (guint) days - 2));
          if (g_date_compare (&stop, reference) <= 0)
            stopped = TRUE;
        }
      status = stopped ? "stopped" : active ? "active"
               : jy_gen_rand_chance (src, 920) ? "renewed" : "completed";
      if (g_str_equal (status, "active"))
        active = TRUE;
      else
        active = FALSE;

      format (&issue, issue_text);
      format (&end, end_text);
      g_snprintf (rx_no, sizeof rx_no, "CQ%.4s%.2s%.2s%06" G_GINT64_FORMAT,
                  issue_text, issue_text + 5, issue_text + 8, id);
      g_snprintf (stamp, sizeof stamp, "%sT01:%02u:00Z", issue_text, jy_gen_rand_below (src, 60));
      jy_gen_make_uuid (src, uuid);

      dispensed = count_due (issue_text, days, stopped ? &stop : active ? reference : &end);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, rx_no, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, p->id);
      sqlite3_bind_int64 (stmt, 7, p->doctor_id);
      sqlite3_bind_int64 (stmt, 8, p->team_id);
      if (renews != 0)
        sqlite3_bind_int64 (stmt, 9, renews);
      else
        sqlite3_bind_null (stmt, 9);
      sqlite3_bind_text (stmt, 10, issue_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, p->icd10, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 12, p->htn && p->dm ? "高血压，2型糖尿病" : p->dm ? "2型糖尿病" : "高血压",
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 13, days);
      sqlite3_bind_int (stmt, 14, days > 28);
      if (days > 28)
        sqlite3_bind_text (stmt, 15, "近3个月随访控制满意，用药方案稳定，依从性好", -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 15);
      sqlite3_bind_text (stmt, 16, end_text, -1, SQLITE_TRANSIENT);
      if (stopped)
        {
          format (&stop, stop_text);
          sqlite3_bind_text (stmt, 17, stop_text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 18, stop_reasons[jy_gen_rand_below (src, G_N_ELEMENTS (stop_reasons))],
                             -1, SQLITE_STATIC);
          g_snprintf (stamp, sizeof stamp, "%sT03:00:00Z", stop_text);
          sqlite3_bind_text (stmt, 19, stamp, -1, SQLITE_TRANSIENT);
        }
      else
        for (int c = 17; c <= 19; c++)
          sqlite3_bind_null (stmt, c);
      sqlite3_bind_text (stmt, 20, end_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 21, dispensed);
      if (active && dispensed < instalments)
        {
          g_autoptr(GArray) schedule = jy_long_rx_schedule (issue_text, days, 28, 7);

          sqlite3_bind_text (stmt, 22, g_array_index (schedule, JyLongRxInstalment, dispensed).due_date,
                             -1, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_null (stmt, 22);
      sqlite3_bind_int (stmt, 23, active);
      sqlite3_bind_int (stmt, 24, 28);
      if (!jy_db_step_done (run->g->db, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
      if (!write_items (run, id, p, days, error) ||
          write_dispenses (run, id, p, &issue, days,
                           stopped ? &stop : active ? reference : &end, error) != dispensed)
        return FALSE;
      run->n_rx++;

      if (active)
        break;
      if (stopped)
        {
          next = stop;
          g_date_add_days (&next, jy_gen_rand_between (src, 14, 60));
          renews = 0;
        }
      else if (g_str_equal (status, "renewed"))
        {
          next = end;
          g_date_subtract_days (&next, jy_gen_rand_below (src, 6));
          renews = id;
        }
      else
        {
          next = end;
          g_date_add_days (&next, jy_gen_rand_between (src, 7, 90));
          renews = 0;
        }
      issue = next;
    }
  return TRUE;
}

static void
choose_drugs (JyGenSource *src,
              Patient     *p)
{
  p->n_drugs = 0;
  if (p->htn)
    {
      p->drugs[p->n_drugs++] = &htn_drugs[jy_gen_rand_below (src, G_N_ELEMENTS (htn_drugs))];
      if (jy_gen_rand_chance (src, 250))
        p->drugs[p->n_drugs++] = &htn_second;
    }
  if (p->dm)
    p->drugs[p->n_drugs++] = &dm_drugs[jy_gen_rand_below (src, G_N_ELEMENTS (dm_drugs))];
  if (jy_gen_rand_chance (src, 300))
    p->drugs[p->n_drugs++] = jy_gen_rand_chance (src, 500) ? &statin : &aspirin;
}

static void
make_proxy (JyGenSource *src,
            Patient     *p,
            const GDate *reference)
{
  g_autoptr(GString) name = g_string_new (NULL);
  int sex = jy_gen_rand_chance (src, 500) ? 1 : 2;
  GDate birth;
  int year = g_date_get_year (&p->birth) + 25 + (int) jy_gen_rand_below (src, 10);

  jy_gen_make_name (src, jy_gen_pick_surname (src), sex, year, name);
  g_strlcpy (p->proxy_name, name->str, sizeof p->proxy_name);
  p->proxy_relation = relations[jy_gen_rand_below (src, G_N_ELEMENTS (relations))];
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1 + jy_gen_rand_below (src, 28), 1 + jy_gen_rand_below (src, 12), MIN (year, 2000));
  /* Not a resident: a valid number of its own, not from the residents'
   * pool of unique ones. Odd sequence digits for men (GB 11643). */
  g_snprintf (p->proxy_id, sizeof p->proxy_id, "350203%04u%02u%02u%02u%u",
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
              jy_gen_rand_below (src, 100), (jy_gen_rand_below (src, 5) * 2 + (sex == 1 ? 1 : 0)) % 10);
  p->proxy_id[17] = jy_idcard_check_char (p->proxy_id);
  p->proxy_id[18] = '\0';
  jy_gen_make_mobile (src, p->proxy_phone);
  /* Renewed yearly: the last authorisation within the year before. */
  p->authorised = *reference;
  g_date_subtract_days (&p->authorised, jy_gen_rand_below (src, 300));
}

gboolean
jy_generator_build_long_rx (JyGenerator  *g,
                            GError      **error)
{
  static const char candidates_sql[] =
    "SELECT r.id, r.birth_date, c.team_id, c.doctor_id, max (c.run_first, min (e.enrol_date)),\n"
    "  max (p.code = 'htn'), max (p.code = 't2dm'), group_concat (ifnull (e.icd10, ''), ',')\n"
    "FROM resident r JOIN contract c ON c.id = r.contract_id\n"
    "  JOIN chronic_enrolment e ON e.resident_id = r.id AND e.status = 'managing'\n"
    "  JOIN programme p ON p.id = e.programme_id\n"
    "WHERE r.status = 'active' AND c.cover_last >= ?1 AND c.start_date <= ?1\n"
    "GROUP BY r.id HAVING min (e.last_class) = 1 AND max (e.last_class) = 1\n"
    "ORDER BY r.id";
  static const char rx_sql[] =
    "INSERT INTO long_rx (id, uuid, created_at, updated_at, status, rx_no, resident_id, doctor_id,\n"
    "  team_id, renews_id, issue_date, diagnosis_code, diagnosis_text, total_days, assessment_done,\n"
    "  assessment_note, review_date, stop_date, stop_reason, stopped_at, end_date, dispensed,\n"
    "  next_due_date, open, days_per_dispense, education_given, patient_confirmed)\n"
    "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,\n"
    "  ?20, ?21, ?22, ?23, ?24, ?14, ?14)";
  static const char item_sql[] =
    "INSERT INTO long_rx_item (long_rx_id, position, drug_code, drug_name, strength, form, unit, dose,\n"
    "  frequency, route, days, pack_size, pack_unit, packs, insurance_class)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '口服', ?10, ?11, ?12, ?13, ?14)";
  static const char dispense_sql[] =
    "INSERT INTO long_rx_dispense (uuid, created_at, updated_at, long_rx_id, resident_id, instalment,\n"
    "  dispense_date, days, dispenser_id, receiver, proxy_name, proxy_relation, proxy_id_number,\n"
    "  proxy_phone, authorisation_date, items)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
  static const char pharmacist_sql[] = "SELECT id FROM staff WHERE role = 'pharmacist' ORDER BY id LIMIT 4";
  Run run = { .g = g };
  GDate history;
  sqlite3_stmt *stmt;
  char reference[11];
  gboolean ok = FALSE;
  int rc;

  format (&g->reference, reference);
  history = g->reference;
  g_date_subtract_years (&history, 5);

  if ((stmt = jy_db_prepare (g->db, pharmacist_sql, error)) == NULL)
    return FALSE;
  while ((rc = jy_db_step (g->db, stmt, error)) == SQLITE_ROW && run.n_pharmacists < 4)
    run.pharmacists[run.n_pharmacists++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  /* Prepared once each, outside the statement cache (kept while the
   * candidates' statement steps). */
  if (sqlite3_prepare_v2 (jy_db_get_handle (g->db), rx_sql, -1, &run.rx_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (jy_db_get_handle (g->db), item_sql, -1, &run.item_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (jy_db_get_handle (g->db), dispense_sql, -1, &run.dispense_stmt, NULL) != SQLITE_OK)
    {
      jy_db_set_error (g->db, sqlite3_errcode (jy_db_get_handle (g->db)), error);
      goto out;
    }

  if ((stmt = jy_db_prepare (g->db, candidates_sql, error)) == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  while ((rc = jy_db_step (g->db, stmt, error)) == SQLITE_ROW)
    {
      Patient p = { 0 };
      GDate first;

      if (!jy_gen_rand_chance (&g->src, SHARE_PER_MILLE))
        continue;
      p.id = sqlite3_column_int64 (stmt, 0);
      if (!jy_person_parse_date ((const char *) sqlite3_column_text (stmt, 1), &p.birth))
        continue;
      p.team_id = sqlite3_column_int64 (stmt, 2);
      p.doctor_id = sqlite3_column_int64 (stmt, 3);
      p.htn = sqlite3_column_int (stmt, 5) != 0;
      p.dm = sqlite3_column_int (stmt, 6) != 0;
      g_strlcpy (p.icd10, (const char *) sqlite3_column_text (stmt, 7), sizeof p.icd10);
      if (!jy_person_parse_date ((const char *) sqlite3_column_text (stmt, 4), &first))
        continue;
      p.start = g_date_compare (&first, &history) > 0 ? first : history;
      if (g_date_days_between (&p.start, &g->reference) < 28)
        continue;
      choose_drugs (&g->src, &p);
      if (jy_person_age_on (&p.birth, &g->reference) >= 75)
        make_proxy (&g->src, &p, &g->reference);
      if (!generate_patient (&run, &p, error))
        {
          sqlite3_reset (stmt);
          goto out;
        }
    }
  sqlite3_reset (stmt);
  ok = rc >= 0;
  g_debug ("generated %u long prescriptions, %u dispenses", run.n_rx, run.n_dispenses);

out:
  sqlite3_finalize (run.rx_stmt);
  sqlite3_finalize (run.item_stmt);
  sqlite3_finalize (run.dispense_stmt);
  return ok;
}
