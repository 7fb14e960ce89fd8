/* jy-generator-home-beds.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-private.h"

#include "jy-followup.h"
#include "jy-home-bed-round.h"
#include "jy-home-bed-store-private.h"
#include "jy-store.h"

/* The demo centre's home beds (domain.md §5): one bed for about every 500
 * residents over five years, for residents of 65 and over, each with its
 * application, assessment, admission, rounds by the team's doctor (weekly)
 * and nurse (every 2–7 days), a renewal for some, and a discharge unless
 * it was admitted in the last 89 days. One bed in six is recent, and a
 * third of those go to the first team (doctor01, nurse01) so the demo's
 * accounts have rounds due today. Drawn from the run's JyGenSource after
 * the contracts; the due dates come from the store's own computation
 * (jy_home_bed_derive). Nothing goes to the outbox or the audit log. */

#define RESIDENTS_PER_BED 500
#define MIN_AGE           65
#define RECENT_SHARE      6      /* 1 bed in 6 is open */
#define RENEW             250    /* per mille of the older beds */

typedef struct
{
  gint64 id;
  gint64 team_id;
  char  *area_code;
  char  *address;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_free (c->area_code);
  g_free (c->address);
}

typedef struct
{
  const char *diagnosis;
  const char *icd10;
  const char *plan;
  guint       procedures;   /* a nursing visit's usual items */
  gboolean    pressure;
  gboolean    glucose;
} Profile;

#define P(x) JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_##x)

static const Profile profiles[] = {
  { "脑梗死后遗症；骶尾部压力性损伤", "I69.3", "压疮换药每2–3日；翻身拍背；康复训练；每周医生查床",
    P (DRESSING) | P (PRESSURE_CARE) | P (REHABILITATION), TRUE, FALSE },
  { "慢性阻塞性肺疾病稳定期", "J44.9", "雾化吸入；家庭氧疗指导；监测血氧",
    P (NEBULISATION) | P (OXYGEN), FALSE, FALSE },
  { "股骨颈骨折术后", "S72.0", "切口换药；康复训练；防跌倒宣教",
    P (DRESSING) | P (REHABILITATION), FALSE, FALSE },
  { "肺恶性肿瘤晚期（安宁疗护）", "C34.9", "镇痛；症状控制；心理支持；家属照护指导",
    P (INJECTION) | P (EDUCATION), FALSE, FALSE },
  { "神经源性膀胱（留置导尿）", "N31.9", "导尿管护理及定期更换；膀胱冲洗",
    P (URINARY_CATHETER) | P (BLADDER_IRRIGATION), FALSE, FALSE },
  { "脑出血后遗症；吞咽障碍（留置胃管）", "I69.1", "胃管护理及定期更换；鼻饲指导",
    P (GASTRIC_TUBE) | P (SUCTION), FALSE, FALSE },
  { "2型糖尿病足溃疡", "E11.5", "足部创面换药；血糖监测；定期采血",
    P (DRESSING) | P (BLOOD_DRAW), FALSE, TRUE },
};

#undef P

static const char *const doctor_notes[] = {
  "病情平稳，继续原治疗方案。",
  "精神食欲可，生命体征平稳，继续观察。",
  "创面较前缩小，继续换药。",
  "咳嗽咳痰减少，继续雾化治疗。",
  "夜间睡眠差，调整用药，嘱家属加强照护。",
};

static const char *const nurse_notes[] = {
  "按计划完成护理，患者配合。",
  "创面清洁，渗出少，已换药。",
  "指导家属翻身拍背及皮肤护理。",
  "管路通畅，固定良好。",
  "",
};

/* Reason codes by how often a discharge has them (per mille, cumulative). */
static const struct
{
  JyDischargeReason reason;
  guint             upto;
} reasons[] = {
  { JY_DISCHARGE_REASON_CURED, 120 },
  { JY_DISCHARGE_REASON_IMPROVED, 470 },
  { JY_DISCHARGE_REASON_STABLE, 650 },
  { JY_DISCHARGE_REASON_TRANSFERRED, 760 },
  { JY_DISCHARGE_REASON_DIED, 840 },
  { JY_DISCHARGE_REASON_REQUEST, 900 },
  { JY_DISCHARGE_REASON_CYCLE_ENDED, 1000 },
};

static const char *
summary_for (JyDischargeReason reason)
{
  switch (reason)
    {
    case JY_DISCHARGE_REASON_CURED:
      return "经居家治疗护理，创面愈合，病情治愈，予撤床。嘱定期随访。";
    case JY_DISCHARGE_REASON_IMPROVED:
      return "经居家治疗护理，病情好转，予撤床。嘱按时服药，家庭医生2周内随访。";
    case JY_DISCHARGE_REASON_STABLE:
      return "病情稳定，未愈，转为家庭医生签约随访管理。";
    case JY_DISCHARGE_REASON_TRANSFERRED:
      return "病情变化，转上级医院住院治疗，予撤床。";
    case JY_DISCHARGE_REASON_DIED:
      return "患者于家中病故，予撤床。";
    case JY_DISCHARGE_REASON_REQUEST:
      return "患者及家属要求撤床，已告知风险并签字。";
    case JY_DISCHARGE_REASON_CYCLE_ENDED:
    default:
      return "建床周期届满，未续床，予撤床。";
    }
}

typedef struct
{
  JyGenerator  *g;
  sqlite3_stmt *application;
  sqlite3_stmt *assessment;
  sqlite3_stmt *bed;
  sqlite3_stmt *round;
  sqlite3_stmt *renewal;
  GHashTable   *doctors;    /* team id → staff id */
  GHashTable   *nurses;
  guint         serial;
} Writer;

static gint64
step_insert (JyGenerator   *g,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  if (!jy_db_step_done (g->db, stmt, error))
    return 0;
  return jy_db_last_insert_rowid (g->db);
}

static void
bind_common (Writer       *w,
             sqlite3_stmt *stmt)
{
  char uuid[37];

  jy_gen_make_uuid (&w->g->src, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, w->g->now, -1, SQLITE_STATIC);
}

static double
draw (JyGenSource *src,
      double       lo,
      double       hi,
      guint        decimals)
{
  guint scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
  guint steps = (guint)((hi - lo) * scale + 0.5);

  return lo + (double)jy_gen_rand_below (src, steps + 1) / scale;
}

static gboolean
insert_round (Writer        *w,
              gint64         bed_id,
              gint64         resident_id,
              const Profile *profile,
              const GDate   *date,
              gboolean       doctor,
              gint64         staff_id,
              GError       **error)
{
  JyGenSource *src = &w->g->src;
  sqlite3_stmt *stmt = w->round;
  guint procs = 0;
  int start = 8 * 60 + (int)jy_gen_rand_below (src, 9 * 60);
  const char *note;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  bind_common (w, stmt);
  sqlite3_bind_int64 (stmt, 3, bed_id);
  sqlite3_bind_int64 (stmt, 4, resident_id);
  jy_home_bed_bind_date (stmt, 5, date);
  sqlite3_bind_int (stmt, 6, start);
  sqlite3_bind_int (stmt, 7, start + 10 + (int)jy_gen_rand_below (src, 30));
  sqlite3_bind_text (stmt, 8, doctor ? "1" : "2", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, staff_id);
  sqlite3_bind_text (stmt, 10, doctor ? "doctor" : "nurse", -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 11, draw (src, 36.2, 37.4, 1));
  sqlite3_bind_double (stmt, 12, draw (src, 60, 96, 0));
  sqlite3_bind_double (stmt, 13, draw (src, 14, 22, 0));
  sqlite3_bind_double (stmt, 14, draw (src, 108, 158, 0));
  sqlite3_bind_double (stmt, 15, draw (src, 62, 94, 0));
  sqlite3_bind_double (stmt, 16, draw (src, 92, 99, 0));
  if (profile->glucose)
    sqlite3_bind_double (stmt, 17, draw (src, 4.8, 12.5, 1));
  sqlite3_bind_double (stmt, 18, draw (src, 0, profile->procedures & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_INJECTION) ? 6 : 3, 0));
  if (doctor)
    {
      note = doctor_notes[jy_gen_rand_below (src, G_N_ELEMENTS (doctor_notes))];
    }
  else
    {
      for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
        if ((profile->procedures & JY_HOME_BED_PROC_BIT (p)) &&
            (p != JY_HOME_BED_PROC_URINARY_CATHETER && p != JY_HOME_BED_PROC_GASTRIC_TUBE
               ? jy_gen_rand_chance (src, 850) : jy_gen_rand_chance (src, 150)))
          procs |= JY_HOME_BED_PROC_BIT (p);
      if (jy_gen_rand_chance (src, 80))
        procs |= JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_BLOOD_DRAW);
      if (profile->pressure && !(procs & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE)))
        procs |= JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE);
      note = nurse_notes[jy_gen_rand_below (src, G_N_ELEMENTS (nurse_notes))];
    }
  if (*note != '\0')
    sqlite3_bind_text (stmt, 19, note, -1, SQLITE_STATIC);
  {
    g_autofree char *codes = jy_home_bed_procs_to_string (procs);

    sqlite3_bind_text (stmt, 20, codes, -1, SQLITE_TRANSIENT);
  }
  sqlite3_bind_int (stmt, 21, (procs & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE))
                                ? (jy_gen_rand_chance (src, 700) ? JY_PRESSURE_STAGE_2 : JY_PRESSURE_STAGE_3)
                                : JY_PRESSURE_STAGE_NONE);
  return jy_db_step_done (w->g->db, stmt, error);
}

/* Rounds every @every days (±1) from @first to @last, inclusive. */
static gboolean
insert_rounds (Writer        *w,
               gint64         bed_id,
               gint64         resident_id,
               const Profile *profile,
               const GDate   *first,
               const GDate   *last,
               guint          every,
               gboolean       doctor,
               gint64         staff_id,
               GError       **error)
{
  GDate date = *first;

  while (g_date_compare (&date, last) <= 0)
    {
      int step = (int)every;

      if (!insert_round (w, bed_id, resident_id, profile, &date, doctor, staff_id, error))
        return FALSE;
      if (every > 2)
        step += (int)jy_gen_rand_below (&w->g->src, 3) - 1;
      g_date_add_days (&date, MAX (step, 1));
    }
  return TRUE;
}

static gint64
insert_assessment (Writer       *w,
                   gint64        resident_id,
                   gint64        application_id,
                   gint64        bed_id,
                   const GDate  *date,
                   gint64        doctor_id,
                   const Profile *profile,
                   GError      **error)
{
  JyGenSource *src = &w->g->src;
  sqlite3_stmt *stmt = w->assessment;
  int adl = profile->pressure ? (int)jy_gen_rand_between (src, 0, 8) * 5
                              : (int)jy_gen_rand_between (src, 4, 14) * 5;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  bind_common (w, stmt);
  sqlite3_bind_int64 (stmt, 3, resident_id);
  if (application_id > 0)
    sqlite3_bind_int64 (stmt, 4, application_id);
  if (bed_id > 0)
    sqlite3_bind_int64 (stmt, 5, bed_id);
  jy_home_bed_bind_date (stmt, 6, date);
  sqlite3_bind_int64 (stmt, 7, doctor_id);
  sqlite3_bind_int (stmt, 8, adl);
  sqlite3_bind_int (stmt, 9, profile->pressure ? (int)jy_gen_rand_between (src, 9, 12)
                                               : (int)jy_gen_rand_between (src, 13, 20));
  sqlite3_bind_int (stmt, 10, (adl <= 60 ? JY_HOME_BED_PRIORITY_BEDRIDDEN : 0)
                              | (profile->pressure ? JY_HOME_BED_PRIORITY_PRESSURE : 0));
  return step_insert (w->g, stmt, error);
}

static gboolean
write_bed (Writer           *w,
           const Candidate  *c,
           gboolean          recent,
           GError          **error)
{
  JyGenerator *g = w->g;
  JyGenSource *src = &g->src;
  const Profile *profile = &profiles[jy_gen_rand_below (src, G_N_ELEMENTS (profiles))];
  gint64 doctor_id = GPOINTER_TO_SIZE (g_hash_table_lookup (w->doctors, &c->team_id));
  gint64 nurse_id = GPOINTER_TO_SIZE (g_hash_table_lookup (w->nurses, &c->team_id));
  guint nurse_every = (guint[]) { 2, 3, 3, 3, 7 }[jy_gen_rand_below (src, 5)];
  GDate admitted, applied, assessed, cycle_start, cycle_end, last_round, discharged;
  gboolean renewed = FALSE;
  JyDischargeReason reason = JY_DISCHARGE_REASON_NONE;
  g_autofree char *building = jy_home_bed_building_of (c->address);
  gint64 application_id, assessment_id, bed_id;
  char bed_number[24];
  sqlite3_stmt *stmt;

  if (doctor_id == 0 || nurse_id == 0)
    return TRUE;

  admitted = g->reference;
  if (recent)
    g_date_subtract_days (&admitted, jy_gen_rand_below (src, 89));
  else
    g_date_subtract_days (&admitted, 100 + jy_gen_rand_below (src, 5 * 365 - 100));
  applied = admitted;
  g_date_subtract_days (&applied, jy_gen_rand_between (src, 1, 6));
  assessed = admitted;
  g_date_subtract_days (&assessed, jy_gen_rand_below (src, 2));
  if (g_date_compare (&assessed, &applied) < 0)
    assessed = applied;
  cycle_start = admitted;
  jy_home_bed_cycle_end (&admitted, NULL, &cycle_end);
  g_date_clear (&discharged, 1);

  stmt = w->application;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  bind_common (w, stmt);
  sqlite3_bind_int64 (stmt, 3, c->id);
  jy_home_bed_bind_date (stmt, 4, &applied);
  {
    gboolean referral = jy_gen_rand_chance (src, 400);
    GDate due;

    sqlite3_bind_text (stmt, 5, referral ? "2" : "1", -1, SQLITE_STATIC);
    if (referral)
      sqlite3_bind_text (stmt, 6, "市第一医院", -1, SQLITE_STATIC);
    jy_home_bed_assessment_due (&applied, NULL, &due);
    jy_home_bed_bind_date (stmt, 7, &due);
  }
  if ((application_id = step_insert (g, stmt, error)) == 0 ||
      (assessment_id = insert_assessment (w, c->id, application_id, 0, &assessed, doctor_id,
                                          profile, error)) == 0)
    return FALSE;

  if (!recent)
    {
      GDate second_end;

      jy_home_bed_cycle_end (&cycle_end, NULL, &second_end);
      renewed = jy_gen_rand_chance (src, RENEW) && g_date_compare (&second_end, &g->reference) < 0;
      {
        guint r = jy_gen_rand_below (src, 1000), k = 0;

        while (reasons[k].upto <= r)
          k++;
        reason = reasons[k].reason;
      }
      discharged = renewed ? second_end : cycle_end;
      if (reason != JY_DISCHARGE_REASON_CYCLE_ENDED)
        g_date_subtract_days (&discharged, jy_gen_rand_below (src, renewed ? 80 : 75));
      if (g_date_compare (&discharged, &g->reference) > 0)
        discharged = g->reference;
    }

  g_snprintf (bed_number, sizeof bed_number, "JC%04u-%04u", g_date_get_year (&admitted), ++w->serial);
  stmt = w->bed;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  bind_common (w, stmt);
  sqlite3_bind_text (stmt, 3, recent ? "open" : "discharged", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, c->id);
  sqlite3_bind_int64 (stmt, 5, application_id);
  sqlite3_bind_int64 (stmt, 6, assessment_id);
  sqlite3_bind_text (stmt, 7, bed_number, -1, SQLITE_TRANSIENT);
  jy_home_bed_bind_date (stmt, 8, &admitted);
  sqlite3_bind_text (stmt, 9, profile->diagnosis, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, profile->icd10, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, profile->plan, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, doctor_id);
  sqlite3_bind_int64 (stmt, 13, nurse_id);
  sqlite3_bind_int (stmt, 14, 7);
  sqlite3_bind_int (stmt, 15, nurse_every);
  jy_home_bed_bind_date (stmt, 16, &cycle_start);
  jy_home_bed_bind_date (stmt, 17, &cycle_end);
  jy_home_bed_bind_date (stmt, 18, &discharged);
  if (!recent)
    {
      sqlite3_bind_text (stmt, 19, jy_discharge_reason_to_string (reason), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 20, summary_for (reason), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 21, doctor_id);
    }
  jy_db_bind_text_or_null (stmt, 22, c->area_code);
  sqlite3_bind_text (stmt, 23, building, -1, SQLITE_TRANSIENT);
  if ((bed_id = step_insert (g, stmt, error)) == 0)
    return FALSE;

  if (renewed)
    {
      GDate reassessed = cycle_end, new_end;
      gint64 reassessment_id;

      g_date_subtract_days (&reassessed, jy_gen_rand_between (src, 1, 10));
      jy_home_bed_cycle_end (&cycle_end, NULL, &new_end);
      if ((reassessment_id = insert_assessment (w, c->id, 0, bed_id, &reassessed, doctor_id,
                                                profile, error)) == 0)
        return FALSE;
      stmt = w->renewal;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      bind_common (w, stmt);
      sqlite3_bind_int64 (stmt, 3, bed_id);
      sqlite3_bind_int64 (stmt, 4, reassessment_id);
      jy_home_bed_bind_date (stmt, 5, &reassessed);
      jy_home_bed_bind_date (stmt, 6, &cycle_end);
      jy_home_bed_bind_date (stmt, 7, &new_end);
      if (step_insert (g, stmt, error) == 0)
        return FALSE;
      {
        static const char sql[] =
          "UPDATE home_bed SET cycle_no = 2, cycle_start = ?2, cycle_end = ?3 WHERE id = ?1";
        sqlite3_stmt *update = jy_db_prepare (g->db, sql, error);

        if (update == NULL)
          return FALSE;
        sqlite3_bind_int64 (update, 1, bed_id);
        jy_home_bed_bind_date (update, 2, &cycle_end);
        jy_home_bed_bind_date (update, 3, &new_end);
        if (!jy_db_step_done (g->db, update, error))
          return FALSE;
      }
    }

  /* Rounds up to the discharge, or for an open bed up to a few days ago,
   * so that some are due today and some overdue. */
  if (recent)
    {
      last_round = g->reference;
      g_date_subtract_days (&last_round, jy_gen_rand_between (src, 1, nurse_every + 1));
    }
  else
    last_round = discharged;
  if (!insert_rounds (w, bed_id, c->id, profile, &admitted, &last_round, 7, TRUE, doctor_id, error) ||
      !insert_rounds (w, bed_id, c->id, profile, &admitted, &last_round, nurse_every, FALSE, nurse_id, error))
    return FALSE;
  return jy_home_bed_derive (g->db, bed_id, error);
}

static gboolean
load_staff (Writer  *w,
            GError **error)
{
  static const char sql[] =
    "SELECT tm.team_id, s.id, s.role FROM team_member tm JOIN staff s ON s.id = tm.staff_id\n"
    "WHERE s.role IN ('doctor', 'nurse') ORDER BY tm.id";
  sqlite3_stmt *stmt = jy_db_prepare (w->g->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = jy_db_step (w->g->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 *team = g_new (gint64, 1);
      GHashTable *table = g_str_equal ((const char *)sqlite3_column_text (stmt, 2), "doctor")
                            ? w->doctors : w->nurses;

      *team = sqlite3_column_int64 (stmt, 0);
      if (g_hash_table_contains (table, team))
        g_free (team);
      else
        g_hash_table_insert (table, team, GSIZE_TO_POINTER ((gsize)sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

static GArray *
load_candidates (JyGenerator  *g,
                 GError      **error)
{
  static const char sql[] =
    "SELECT id, team_id, area_code, address_detail FROM resident\n"
    "WHERE status = 'active' AND team_id IS NOT NULL AND birth_date <= ?1 ORDER BY id";
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (Candidate));
  sqlite3_stmt *stmt = jy_db_prepare (g->db, sql, error);
  GDate born_by = g->reference;
  int rc;

  g_array_set_clear_func (out, candidate_clear);
  if (stmt == NULL)
    return NULL;
  g_date_subtract_years (&born_by, MIN_AGE);
  jy_home_bed_bind_date (stmt, 1, &born_by);
  while ((rc = jy_db_step (g->db, stmt, error)) == SQLITE_ROW)
    {
      Candidate c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                      jy_db_column_dup_text (stmt, 2), jy_db_column_dup_text (stmt, 3) };

      g_array_append_val (out, c);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

gboolean
jy_generator_build_home_beds (JyGenerator  *g,
                              guint         n_residents,
                              GError      **error)
{
  static const char application_sql[] =
    "INSERT INTO home_bed_application (uuid, created_at, updated_at, remote_version, status,\n"
    "  resident_id, applied_on, source, referral_from, assess_by)\n"
    "VALUES (?1, ?2, ?2, '1', 'accepted', ?3, ?4, ?5, ?6, ?7)";
  static const char assessment_sql[] =
    "INSERT INTO home_bed_assessment (uuid, created_at, updated_at, remote_version, resident_id,\n"
    "  application_id, home_bed_id, assessed_on, doctor_id, diagnosis_clear, condition_stable,\n"
    "  suitable_at_home, needs_continuous_care, infectious, home_safe, has_carer, adl_score,\n"
    "  braden_score, priorities, eligible)\n"
    "VALUES (?1, ?2, ?2, '1', ?3, ?4, ?5, ?6, ?7, 1, 1, 1, 1, 0, 1, 1, ?8, ?9, ?10, 1)";
  static const char bed_sql[] =
    "INSERT INTO home_bed (uuid, created_at, updated_at, remote_version, status, resident_id,\n"
    "  application_id, assessment_id, bed_number, admitted_on, agreement_signed_at, diagnosis,\n"
    "  icd10, plan, doctor_id, nurse_id, doctor_every_days, nurse_every_days, cycle_start,\n"
    "  cycle_end, discharged_on, discharge_reason, discharge_summary, summary_signed_by,\n"
    "  summary_signed_at, community_code, building)\n"
    "VALUES (?1, ?2, ?2, '1', ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,\n"
    "  ?17, ?18, ?19, ?20, ?21, ?18, ?22, ?23)";
  static const char round_sql[] =
    "INSERT INTO home_bed_round (uuid, created_at, updated_at, remote_version, home_bed_id,\n"
    "  resident_id, round_date, start_minute, end_minute, kind, staff_id, staff_role, temperature,\n"
    "  pulse, respiration, sbp, dbp, spo2, glucose, pain, note, procedures, pressure_stage)\n"
    "VALUES (?1, ?2, ?2, '1', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,\n"
    "  ?18, ?19, ?20, ?21)";
  static const char renewal_sql[] =
    "INSERT INTO home_bed_renewal (uuid, created_at, updated_at, remote_version, home_bed_id,\n"
    "  assessment_id, renewed_on, cycle_no, cycle_start, cycle_end)\n"
    "VALUES (?1, ?2, ?2, '1', ?3, ?4, ?5, 2, ?6, ?7)";
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GHashTable) doctors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) nurses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree guint8 *used = NULL;
  Writer w = { g, NULL, NULL, NULL, NULL, NULL, doctors, nurses, 0 };
  guint n_beds = n_residents / RESIDENTS_PER_BED;
  gint64 first_team = g->n_teams > 0 ? g->teams[0].id : 0;

  if (n_beds == 0)
    return TRUE;
  if (!load_staff (&w, error) || (candidates = load_candidates (g, error)) == NULL)
    return FALSE;
  if (candidates->len == 0)
    return TRUE;
  if ((w.application = jy_db_prepare (g->db, application_sql, error)) == NULL ||
      (w.assessment = jy_db_prepare (g->db, assessment_sql, error)) == NULL ||
      (w.bed = jy_db_prepare (g->db, bed_sql, error)) == NULL ||
      (w.round = jy_db_prepare (g->db, round_sql, error)) == NULL ||
      (w.renewal = jy_db_prepare (g->db, renewal_sql, error)) == NULL)
    return FALSE;

  used = g_new0 (guint8, candidates->len);
  n_beds = MIN (n_beds, candidates->len);
  for (guint i = 0; i < n_beds; i++)
    {
      gboolean recent = i % RECENT_SHARE == 0;
      gboolean first = recent && i % (3 * RECENT_SHARE) == 0;
      guint k = jy_gen_rand_below (&g->src, candidates->len);
      guint tries = 0;

      /* One bed per resident; the first team's for a third of the open ones. */
      while ((used[k] || (first && g_array_index (candidates, Candidate, k).team_id != first_team))
             && tries++ < candidates->len)
        k = (k + 1) % candidates->len;
      if (used[k])
        continue;
      used[k] = 1;
      if (!write_bed (&w, &g_array_index (candidates, Candidate, k), recent, error))
        return FALSE;
    }
  return TRUE;
}
