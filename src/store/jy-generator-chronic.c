/* jy-generator-chronic.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-chronic-private.h"

#include <math.h>
#include <string.h>

#include "jy-followup-rules.h"
#include "jy-person.h"

/* Hypertension and type 2 diabetes in the demo centre (domain.md §3): who
 * is enrolled, and five years of follow-ups simulated patient by patient.
 * This file decides; jy-generator-chronic-rows.c writes the rows.
 *
 * Prevalence rises with age: about 27 % of residents aged 35 and over are
 * managed for hypertension and 10 % for diabetes, most diabetics also
 * being hypertensive. Each patient has a blood pressure (and glucose) of
 * their own that drifts from visit to visit; a visit comes when the last
 * one said, give or take the patient's punctuality; an uncontrolled value
 * brings a dose step and a recheck in two weeks, a second one in a row a
 * referral, a danger sign an emergency referral. Patients with both
 * diseases are seen for both at once when both are due. Some patients are
 * late today, so the worklists have work on them.
 *
 * Each visit is classified by core's rule, as the form would propose. */

#define ROUTINE_DAYS        90
#define RECHECK_DAYS        14
/* A disease due within this many days of a visit is seen at that visit. */
#define COMBINE_WINDOW_DAYS 21

static double
gauss (JyGenSource *src)
{
  /* Box–Muller; one of the pair is enough. */
  double u = 1.0 - g_rand_double (src->rand);
  double v = g_rand_double (src->rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double
clamp (double value,
       double lo,
       double hi)
{
  return value < lo ? lo : value > hi ? hi : value;
}

/* Enrolment ------------------------------------------------------------------ */

static guint
htn_per_mille (int age)
{
  return age < 45 ? 85 : age < 55 ? 205 : age < 65 ? 335 : age < 75 ? 455 : 520;
}

static guint
dm_per_mille (int      age,
              gboolean hypertensive)
{
  guint base = age < 45 ? 35 : age < 55 ? 75 : age < 65 ? 120 : 150;

  return hypertensive ? base * 19 / 10 : base * 6 / 10;
}

static const char *
pick_icd10 (JyGenSource *src,
            JyProgramme  programme)
{
  guint r = jy_gen_rand_below (src, 100);

  if (programme == JY_PROGRAMME_HTN)
    return r < 88 ? "I10.x00" : r < 95 ? "I11.900" : r < 99 ? "I12.900" : "I13.900";
  return r < 82 ? "E11.900" : r < 90 ? "E11.200" : r < 96 ? "E11.400" : "E11.500";
}

static const char *
pick_institution (JyGenSource *src)
{
  static const char *const places[] = {
    "鹭湾市第一医院", "鹭湾市中医院", "海滨区人民医院", "本中心",
  };

  return places[jy_gen_rand_below (src, G_N_ELEMENTS (places))];
}

/* Decides whether @p is enrolled in @programme and when; FALSE if not. */
static gboolean
plan_enrolment (JyGenChronic   *c,
                JyGenPatient   *p,
                JyProgramme     programme,
                guint32         earliest_enrol,
                JyGenEnrolment *out)
{
  JyGenSource *src = c->src;
  guint32 reference = c->reference_day;
  guint32 latest = reference - 3;
  double years;

  if (earliest_enrol > latest)
    return FALSE;

  memset (out, 0, sizeof *out);
  out->programme = programme;
  /* Diagnosed at some point since turning 35, more often some years ago. */
  years = (latest - earliest_enrol) / 365.25;
  years = MIN (years, 14.0) * sqrt (g_rand_double (src->rand));
  out->enrol = MAX (earliest_enrol, latest - (guint32)(years * 365.25));
  out->diagnosis = out->enrol - jy_gen_rand_below (src, 60);
  out->icd10 = pick_icd10 (src, programme);
  out->institution = pick_institution (src);
  out->line = jy_gen_rand_below (src, 10);

  if (programme == JY_PROGRAMME_HTN)
    {
      out->mu = clamp (141 + 11 * gauss (src), 118, 178);
      /* Diastolic = 0.45 × systolic + the patient's own offset. */
      out->mu_dbp = clamp (21 + 4 * gauss (src), 8, 34);
      out->step = jy_gen_rand_chance (src, 700) ? 0 : 1;
    }
  else
    {
      out->mu = clamp (6.6 + 0.9 * gauss (src), 5.0, 10.5);
      /* Some come already on insulin. */
      out->step = jy_gen_rand_chance (src, 80) ? 3 : jy_gen_rand_chance (src, 650) ? 0 : 1;
    }
  return TRUE;
}

/* Drugs ------------------------------------------------------------------------ */

/* Steps of treatment, mild to strong; the line picks a variant. */
static const JyGenDrug htn_drugs[][3] = {
  /* step 0 */ { { "苯磺酸氨氯地平片", 1, 5, "mg" } },
  /* step 1 */ { { "苯磺酸氨氯地平片", 1, 5, "mg" }, { "缬沙坦胶囊", 1, 80, "mg" } },
  /* step 2 */ { { "苯磺酸氨氯地平片", 1, 10, "mg" }, { "缬沙坦胶囊", 1, 80, "mg" } },
  /* step 3 */ { { "苯磺酸氨氯地平片", 1, 10, "mg" }, { "缬沙坦胶囊", 1, 160, "mg" },
                 { "氢氯噻嗪片", 1, 12.5, "mg" } },
};
static const JyGenDrug htn_alternatives[] = {
  { "硝苯地平控释片", 1, 30, "mg" },     /* for amlodipine, lines 0–2 */
  { "马来酸依那普利片", 1, 10, "mg" },   /* for valsartan, lines 3–4 */
};
static const JyGenDrug dm_drugs[][2] = {
  /* step 0 */ { { "盐酸二甲双胍片", 3, 0.5, "g" } },
  /* step 1 */ { { "盐酸二甲双胍片", 3, 0.5, "g" }, { "阿卡波糖片", 3, 50, "mg" } },
  /* step 2 */ { { "盐酸二甲双胍片", 3, 0.5, "g" }, { "格列美脲片", 1, 2, "mg" } },
  /* step 3 */ { { "盐酸二甲双胍片", 2, 0.5, "g" }, { "甘精胰岛素注射液", 1, 12, "U", "睡前皮下注射" } },
};

guint
jy_gen_chronic_regimen (JyProgramme      programme,
                        int              step,
                        int              line,
                        const JyGenDrug *out[3])
{
  guint n = 0;

  if (programme == JY_PROGRAMME_HTN)
    {
      for (guint i = 0; i < 3 && htn_drugs[step][i].name != NULL; i++)
        {
          out[n] = &htn_drugs[step][i];
          if (i == 0 && line <= 2)
            out[n] = &htn_alternatives[0];
          else if (i == 1 && (line == 3 || line == 4))
            out[n] = &htn_alternatives[1];
          n++;
        }
    }
  else
    {
      for (guint i = 0; i < 2 && dm_drugs[step][i].name != NULL; i++)
        out[n++] = &dm_drugs[step][i];
    }
  return n;
}

/* Classification --------------------------------------------------------------- */

static char *
iso_date (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The demo is classified by core's rule (domain.md §3.5), fed with the
 * simulated visit and the enrolment's last face-to-face values, so its
 * classes, actions and next dates are the ones a doctor would be shown. */
static void
classify (JyGenVisit           *v,
          const JyGenEnrolment *e,
          int                   age,
          gboolean              adverse,
          gboolean              complication)
{
  g_autoptr(JyFollowup) f = jy_followup_new (e->programme);
  g_autoptr(JyFollowup) previous = NULL;
  JyFollowupAssessment a;

  f->visit_date = iso_date (v->date);
  f->mode = v->mode;
  f->outcome = v->outcome;
  f->sbp = v->sbp > 0 ? v->sbp : JY_UNMEASURED;
  f->dbp = v->dbp > 0 ? v->dbp : JY_UNMEASURED;
  f->heart_rate = v->heart_rate > 0 ? v->heart_rate : JY_UNMEASURED;
  f->fasting_glucose = v->glucose > 0 ? v->glucose : JY_UNMEASURED;
  f->adverse_reaction = adverse;
  f->new_complication = complication;

  if (e->previous_date != 0)
    {
      previous = jy_followup_new (e->programme);
      previous->visit_date = iso_date (e->previous_date);
      previous->mode = JY_VISIT_MODE_CLINIC;
      previous->sbp = e->previous_sbp;
      previous->dbp = e->previous_dbp;
      previous->fasting_glucose = e->previous_glucose;
    }

  jy_followup_assess (f, previous, age, NULL, &a);
  v->klass = a.suggested_class;
  v->action = a.action;
  v->next = g_date_valid (&a.next_visit) ? g_date_get_julian (&a.next_visit) : v->date + RECHECK_DAYS;
}

/* Visits ------------------------------------------------------------------------- */

/* Days a patient comes after the due date: mostly about on time, some
 * weeks late, a few months late. */
static int
pick_delay (JyGenSource *src,
            gboolean     punctual)
{
  guint r = jy_gen_rand_below (src, 1000);

  if (r < (punctual ? 850u : 650u))
    return (int)jy_gen_rand_below (src, 13) - 5;
  if (r < (punctual ? 960u : 880u))
    return 8 + (int)jy_gen_rand_below (src, 23);
  if (r < (punctual ? 993u : 975u))
    return 31 + (int)jy_gen_rand_below (src, 90);
  return 121 + (int)jy_gen_rand_below (src, 180);
}

static int
age_on (guint32 birth,
        guint32 day)
{
  GDate b, d;

  g_date_clear (&b, 1);
  g_date_clear (&d, 1);
  g_date_set_julian (&b, birth);
  g_date_set_julian (&d, day);
  return jy_person_age_on (&b, &d);
}

/* One record of the visit on @day for enrolment @k of @p. */
static void
see (JyGenChronic *c,
     JyGenPatient *p,
     guint         k,
     guint32       day,
     int           mode,
     guint         event)
{
  JyGenSource *src = c->src;
  JyGenEnrolment *e = &p->enrolments[k];
  JyGenVisit v = { 0 };
  gboolean phone = mode == JY_VISIT_MODE_PHONE;
  gboolean adverse = jy_gen_rand_chance (src, 8);
  gboolean complication = jy_gen_rand_chance (src, 3);
  int age = age_on (p->birth, day);

  v.enrolment = k;
  v.event = event;
  v.date = day;
  v.mode = mode;
  v.outcome = phone && jy_gen_rand_chance (src, 15) ? JY_FOLLOWUP_OUTCOME_LOST : JY_FOLLOWUP_OUTCOME_SEEN;
  v.step_before = e->step;
  v.adherence = p->adherence;
  v.referral_result = e->referral_pending ? (jy_gen_rand_chance (src, 880) ? 1 : 2) : 0;

  /* The pressures drift; a referral or a new dose brings them down. */
  p->mu_sbp = clamp (p->mu_sbp + 1.6 * gauss (src) + 0.08 * (p->base_sbp - p->mu_sbp), 105, 175);
  if (e->programme == JY_PROGRAMME_T2DM)
    e->mu = clamp (e->mu + 0.25 * gauss (src) + 0.05 * (e->base - e->mu), 4.8, 13);

  if (v.outcome == JY_FOLLOWUP_OUTCOME_SEEN && (!phone || jy_gen_rand_chance (src, 550)))
    {
      double spike = jy_gen_rand_chance (src, 4) ? 48 : 0;

      double mean = p->mu_sbp + (p->adherence > 1 ? 6 : 0) + spike;

      v.sbp = (int)lround (clamp (mean + 8 * gauss (src), 90, 230));
      v.dbp = (int)lround (clamp (0.45 * mean + p->mu_dbp + 0.15 * (v.sbp - mean) + 4 * gauss (src), 50, 130));
      if (v.dbp >= v.sbp - 20)
        v.dbp = v.sbp - 20;
      v.heart_rate = phone ? -1 : (int)lround (clamp (76 + 8 * gauss (src), 52, 118));
    }
  if (e->programme == JY_PROGRAMME_T2DM && v.outcome == JY_FOLLOWUP_OUTCOME_SEEN &&
      (!phone || jy_gen_rand_chance (src, 600)))
    {
      double spike = jy_gen_rand_chance (src, 3) ? 10 : 0;

      v.glucose = round (clamp (e->mu + spike + 0.7 * gauss (src), 3.2, 27) * 10) / 10;
      if (!phone && jy_gen_rand_chance (src, 250))
        v.hba1c = round (clamp (e->mu * 0.85 + 0.4 * gauss (src), 5.2, 12) * 10) / 10;
    }
  v.weight = phone ? -1 : round ((p->weight + 0.8 * gauss (src)) * 10) / 10;

  classify (&v, e, age, adverse, complication);
  v.symptoms = v.klass == JY_FOLLOWUP_CLASS_UNCONTROLLED && jy_gen_rand_chance (src, 300)
                 ? 1u << (e->programme == JY_PROGRAMME_HTN ? 2 : 4) : 1u << 1;
  v.referral = v.action >= JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL;

  /* What the doctor does about it, for the next visits. */
  if (v.action == JY_FOLLOWUP_ACTION_ADJUST && e->step < 3)
    e->step++;
  /* The new regimen works, and keeps working: the level the values
   * drift back to comes down with it. */
  if (v.action != JY_FOLLOWUP_ACTION_ROUTINE)
    {
      double effect = v.action >= JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL ? 1.6 : 1.0;

      if (v.action >= JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL)
        e->step = MIN (e->step + 1, 3);
      if (e->programme == JY_PROGRAMME_HTN)
        {
          p->mu_sbp -= 6 * effect;
          p->base_sbp -= 2.5 * effect;
        }
      else
        {
          e->mu -= 0.8 * effect;
          e->base -= 0.6 * effect;
        }
    }
  v.step_after = e->step;
  if (v.outcome == JY_FOLLOWUP_OUTCOME_SEEN && !phone && v.klass != JY_FOLLOWUP_CLASS_NONE)
    {
      e->previous_uncontrolled = v.klass == JY_FOLLOWUP_CLASS_UNCONTROLLED;
      e->previous_date = v.date;
      e->previous_sbp = v.sbp > 0 ? v.sbp : JY_UNMEASURED;
      e->previous_dbp = v.dbp > 0 ? v.dbp : JY_UNMEASURED;
      e->previous_glucose = v.glucose > 0 ? v.glucose : JY_UNMEASURED;
    }
  e->referral_pending = v.referral;
  e->last_was_phone = phone;
  e->next_due = v.next;

  g_array_append_val (c->visits, v);
}

/* Every visit of @p from the start of the history to the reference date. */
static void
simulate (JyGenChronic *c,
          JyGenPatient *p)
{
  JyGenSource *src = c->src;
  guint32 reference = c->reference_day;
  guint32 stop = p->end != 0 ? MIN (p->end, reference + 1) : reference + 1;
  guint32 last_visit = 0;
  guint event = 0;

  for (guint k = 0; k < p->n_enrolments; k++)
    {
      JyGenEnrolment *e = &p->enrolments[k];

      /* Enrolled within the history: first seen on the enrolment day; long
       * enrolled: somewhere in the first quarter of the history. */
      e->next_due = e->enrol >= c->history_start
                      ? e->enrol
                      : c->history_start + jy_gen_rand_below (src, ROUTINE_DAYS);
    }
  /* A patient with both diseases had both first seen together. */
  if (p->n_enrolments == 2 && p->enrolments[1].enrol < c->history_start)
    p->enrolments[1].next_due = p->enrolments[0].next_due;

  for (;;)
    {
      guint32 due = G_MAXUINT32;
      guint32 day;
      int delay;
      int mode;
      gboolean recheck = FALSE;

      for (guint k = 0; k < p->n_enrolments; k++)
        if (p->enrolments[k].next_due < due)
          due = p->enrolments[k].next_due;
      for (guint k = 0; k < p->n_enrolments; k++)
        recheck |= p->enrolments[k].next_due == due && p->enrolments[k].referral_pending;

      delay = recheck ? (int)jy_gen_rand_below (src, 5) : pick_delay (src, p->punctual);
      day = (guint32)MAX ((gint64)due + delay, (gint64)MAX (last_visit + 1, c->history_start));
      if (day >= stop)
        break;

      /* Rechecks and the visit after a phone call are face to face. */
      mode = JY_VISIT_MODE_CLINIC;
      if (!recheck && !p->enrolments[0].last_was_phone)
        {
          guint r = jy_gen_rand_below (src, 1000);

          if (r < 80)
            mode = JY_VISIT_MODE_PHONE;
          else if (r < (p->frail ? 300u : 110u))
            mode = JY_VISIT_MODE_HOME;
        }

      for (guint k = 0; k < p->n_enrolments; k++)
        if (p->enrolments[k].next_due <= day + COMBINE_WINDOW_DAYS && p->enrolments[k].enrol <= day)
          see (c, p, k, day, mode, event);
      event++;
      last_visit = day;
    }
}

/* Patients ---------------------------------------------------------------------- */

/* Plans the chronic care of one resident: nothing for most, an enrolment
 * or two and their visits for about a third of those over 35. */
void
jy_gen_chronic_plan_patient (JyGenChronic *c,
                             JyGenPatient *p)
{
  JyGenSource *src = c->src;
  int age = age_on (p->birth, c->reference_day);
  guint32 earliest;
  gboolean hypertensive;
  gboolean diabetic;
  GDate turned_35;

  p->n_enrolments = 0;
  p->end = 0;
  p->end_reason = NULL;
  g_array_set_size (c->visits, 0);
  if (age < 35)
    return;

  hypertensive = jy_gen_rand_chance (src, htn_per_mille (age));
  diabetic = jy_gen_rand_chance (src, dm_per_mille (age, hypertensive));
  if (!hypertensive && !diabetic)
    return;

  g_date_clear (&turned_35, 1);
  g_date_set_julian (&turned_35, p->birth);
  g_date_add_years (&turned_35, 35);
  /* The day after: a 29 February birthday makes the 35th a day later in
   * some reckonings. */
  earliest = MAX (g_date_get_julian (&turned_35) + 1, c->first_enrol_day);

  if (hypertensive && plan_enrolment (c, p, JY_PROGRAMME_HTN, earliest, &p->enrolments[p->n_enrolments]))
    p->n_enrolments++;
  if (diabetic && plan_enrolment (c, p, JY_PROGRAMME_T2DM, earliest, &p->enrolments[p->n_enrolments]))
    {
      JyGenEnrolment *dm = &p->enrolments[p->n_enrolments];

      /* Often found at a hypertension visit, or the other way round. */
      if (p->n_enrolments == 1 && jy_gen_rand_chance (src, 300))
        dm->enrol = dm->diagnosis = p->enrolments[0].enrol;
      dm->base = dm->mu;
      p->n_enrolments++;
    }
  if (p->n_enrolments == 0)
    return;

  /* The patient's own pressures, weight and habits. */
  p->base_sbp = p->enrolments[0].programme == JY_PROGRAMME_HTN ? p->enrolments[0].mu
                                                               : clamp (124 + 8 * gauss (src), 105, 150);
  p->mu_sbp = p->base_sbp;
  p->mu_dbp = p->enrolments[0].programme == JY_PROGRAMME_HTN ? p->enrolments[0].mu_dbp
                                                             : clamp (20 + 4 * gauss (src), 8, 34);
  p->height = clamp ((p->sex == 1 ? 169 : 157) + 6 * gauss (src), 140, 195);
  p->weight = round (clamp (23.5 + 3 * gauss (src), 18, 35) * p->height * p->height / 10000 * 10) / 10;
  p->smoker = p->sex == 1 && jy_gen_rand_chance (src, 300);
  p->adherence = jy_gen_rand_chance (src, 850) ? 1 : jy_gen_rand_chance (src, 800) ? 2 : 3;
  p->punctual = jy_gen_rand_chance (src, 700);
  p->frail = age >= 75;
  p->exercise = jy_gen_rand_below (src, 8);

  /* A few died or moved away since enrolment; their records stay. */
  {
    guint32 first = MAX (p->enrolments[0].enrol, p->enrolments[p->n_enrolments - 1].enrol);
    guint r = jy_gen_rand_below (src, 1000);

    if (c->reference_day - 30 > first + 30 && r < (age >= 75 ? 60u : 15u) + 12u)
      {
        p->end = first + 30 + jy_gen_rand_below (src, c->reference_day - 30 - first - 30);
        p->end_reason = r < (age >= 75 ? 60u : 15u) ? "death" : "moved-out";
      }
  }

  simulate (c, p);
}
