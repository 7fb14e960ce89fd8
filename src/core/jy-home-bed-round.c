/* jy-home-bed-round.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed-round.h"
#include "jy-home-bed-private.h"

#include "jy-followup.h"
#include "jy-followup-rules.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* The vitals' plausible ranges. Those the follow-up form also takes come
 * from jy_followup_range(); respiration 4–60/min, SpO₂ 50–100 % and pain
 * 0–10 (numeric rating scale) are ours. */
static const struct
{
  JyFollowupField  followup;     /* or -1 */
  double           min;
  double           max;
  JyHomeBedProblem problem;
} vitals[JY_HOME_BED_N_VITALS] = {
  [JY_HOME_BED_VITAL_TEMPERATURE] = { JY_FOLLOWUP_FIELD_TEMPERATURE, 0, 0, JY_HOME_BED_PROBLEM_TEMPERATURE },
  [JY_HOME_BED_VITAL_PULSE] = { JY_FOLLOWUP_FIELD_HEART_RATE, 0, 0, JY_HOME_BED_PROBLEM_PULSE },
  [JY_HOME_BED_VITAL_RESPIRATION] = { -1, 4, 60, JY_HOME_BED_PROBLEM_RESPIRATION },
  [JY_HOME_BED_VITAL_SBP] = { JY_FOLLOWUP_FIELD_SBP, 0, 0, JY_HOME_BED_PROBLEM_SBP },
  [JY_HOME_BED_VITAL_DBP] = { JY_FOLLOWUP_FIELD_DBP, 0, 0, JY_HOME_BED_PROBLEM_DBP },
  [JY_HOME_BED_VITAL_SPO2] = { -1, 50, 100, JY_HOME_BED_PROBLEM_SPO2 },
  [JY_HOME_BED_VITAL_GLUCOSE] = { JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE, 0, 0, JY_HOME_BED_PROBLEM_GLUCOSE },
  [JY_HOME_BED_VITAL_PAIN] = { -1, 0, 10, JY_HOME_BED_PROBLEM_PAIN },
  [JY_HOME_BED_VITAL_WEIGHT] = { JY_FOLLOWUP_FIELD_WEIGHT, 0, 0, JY_HOME_BED_PROBLEM_WEIGHT },
};

gboolean
jy_home_bed_vital_range (JyHomeBedVital  vital,
                         double         *min,
                         double         *max)
{
  g_return_val_if_fail (vital < JY_HOME_BED_N_VITALS, FALSE);

  if ((int)vitals[vital].followup >= 0)
    return jy_followup_range (vitals[vital].followup, min, max);
  if (min != NULL)
    *min = vitals[vital].min;
  if (max != NULL)
    *max = vitals[vital].max;
  return TRUE;
}

JyHomeBedProblem
jy_home_bed_vital_check (JyHomeBedVital vital,
                         double         value)
{
  double min = 0, max = 0;

  g_return_val_if_fail (vital < JY_HOME_BED_N_VITALS, JY_HOME_BED_OK);

  if (!isnan (value) && !jy_measured (value))
    return JY_HOME_BED_OK;
  jy_home_bed_vital_range (vital, &min, &max);
  if (isnan (value) || value < min || value > max)
    return vitals[vital].problem;
  if (vital == JY_HOME_BED_VITAL_PAIN && value != floor (value))
    return vitals[vital].problem;
  return JY_HOME_BED_OK;
}

void
jy_home_bed_round_init (JyHomeBedRound *round)
{
  g_return_if_fail (round != NULL);

  memset (round, 0, sizeof *round);
  g_date_clear (&round->date, 1);
  g_date_clear (&round->next_round, 1);
  round->start_minute = -1;
  round->end_minute = -1;
  round->kind = JY_HOME_BED_ROUND_NURSING;
  for (guint i = 0; i < JY_HOME_BED_N_VITALS; i++)
    round->vitals[i] = JY_UNMEASURED;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

GArray *
jy_home_bed_round_check (const JyHomeBedRound  *round,
                         const GDate           *admission,
                         const GDate           *discharge,
                         const GDate           *today,
                         const JyHomeBedPolicy *policy)
{
  static const JyHomeBedPolicy defaults = JY_HOME_BED_POLICY_DEFAULT;
  GArray *list = g_array_new (FALSE, FALSE, sizeof (JyHomeBedProblem));
  JyHomeBedProblem p;
  gboolean any_vital = FALSE;
  gboolean sbp, dbp;

  g_return_val_if_fail (round != NULL && g_date_valid (&round->date), list);
  if (policy == NULL)
    policy = &defaults;

#define ADD(x) G_STMT_START { p = (x); g_array_append_val (list, p); } G_STMT_END
  if (admission != NULL && g_date_valid (admission) && g_date_compare (&round->date, admission) < 0)
    ADD (JY_HOME_BED_PROBLEM_ROUND_BEFORE_ADMISSION);
  if (discharge != NULL && g_date_valid (discharge) && g_date_compare (&round->date, discharge) > 0)
    ADD (JY_HOME_BED_PROBLEM_ROUND_AFTER_DISCHARGE);
  if (today != NULL && g_date_compare (&round->date, today) > 0)
    ADD (JY_HOME_BED_PROBLEM_ROUND_IN_FUTURE);
  if (round->start_minute >= 0 && round->end_minute >= 0 && round->end_minute < round->start_minute)
    ADD (JY_HOME_BED_PROBLEM_ROUND_END_BEFORE_START);
  if (round->by_nurse && round->kind == JY_HOME_BED_ROUND_DOCTOR)
    ADD (JY_HOME_BED_PROBLEM_NURSE_DOCTOR_ROUND);

  for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
    {
      p = jy_home_bed_vital_check (v, round->vitals[v]);
      if (p != JY_HOME_BED_OK)
        g_array_append_val (list, p);
      if (jy_measured (round->vitals[v]))
        any_vital = TRUE;
    }
  sbp = jy_measured (round->vitals[JY_HOME_BED_VITAL_SBP]);
  dbp = jy_measured (round->vitals[JY_HOME_BED_VITAL_DBP]);
  if (sbp != dbp)
    ADD (JY_HOME_BED_PROBLEM_BP_HALF);
  else if (sbp && round->vitals[JY_HOME_BED_VITAL_DBP] >= round->vitals[JY_HOME_BED_VITAL_SBP])
    ADD (JY_HOME_BED_PROBLEM_BP_ORDER);

  if (!any_vital && round->procedures == 0 && !has_text (round->note))
    ADD (JY_HOME_BED_PROBLEM_EMPTY_ROUND);
  if (!policy->infusion_allowed
      && (round->procedures & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_INFUSION)))
    ADD (JY_HOME_BED_PROBLEM_INFUSION_NOT_ALLOWED);
  if ((round->procedures & JY_HOME_BED_PROC_BIT (JY_HOME_BED_PROC_PRESSURE_CARE))
      && (round->pressure_stage == JY_PRESSURE_STAGE_NONE || round->pressure_stage >= JY_PRESSURE_STAGE_N))
    ADD (JY_HOME_BED_PROBLEM_PRESSURE_STAGE_MISSING);
  if (g_date_valid (&round->next_round) && g_date_compare (&round->next_round, &round->date) <= 0)
    ADD (JY_HOME_BED_PROBLEM_NEXT_ROUND_NOT_AFTER);
#undef ADD
  return list;
}

/* --- Codes and labels --------------------------------------------------- */

static const char *const kind_codes[JY_HOME_BED_ROUND_N] = { "1", "2", "3" };

const char *
jy_home_bed_round_kind_to_string (JyHomeBedRoundKind kind)
{
  g_return_val_if_fail (kind < JY_HOME_BED_ROUND_N, NULL);
  return kind_codes[kind];
}

gboolean
jy_home_bed_round_kind_from_string (const char         *code,
                                    JyHomeBedRoundKind *out)
{
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!jy_home_bed_code_lookup (kind_codes, 0, JY_HOME_BED_ROUND_N, code, &i))
    return FALSE;
  *out = (JyHomeBedRoundKind)i;
  return TRUE;
}

const char *
jy_home_bed_round_kind_label (JyHomeBedRoundKind kind)
{
  switch (kind)
    {
    case JY_HOME_BED_ROUND_DOCTOR:
      /* Translators: 医生查床 */
      return N_("Doctor's round");
    case JY_HOME_BED_ROUND_NURSING:
      /* Translators: 护理巡诊 */
      return N_("Nursing visit");
    case JY_HOME_BED_ROUND_JOINT:
      /* Translators: 医护联合查床 */
      return N_("Joint round");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *code;
  const char *label;
} procs[JY_HOME_BED_N_PROCS] = {
  /* Translators: a nursing procedure at a home bed, 换药 */
  [JY_HOME_BED_PROC_DRESSING] = { "dressing", N_("Dressing change") },
  /* Translators: 导尿管更换 */
  [JY_HOME_BED_PROC_URINARY_CATHETER] = { "urinary-catheter", N_("Urinary catheter change") },
  /* Translators: 胃管更换 */
  [JY_HOME_BED_PROC_GASTRIC_TUBE] = { "gastric-tube", N_("Gastric tube change") },
  /* Translators: 膀胱冲洗 */
  [JY_HOME_BED_PROC_BLADDER_IRRIGATION] = { "bladder-irrigation", N_("Bladder irrigation") },
  /* Translators: 压疮护理 */
  [JY_HOME_BED_PROC_PRESSURE_CARE] = { "pressure-care", N_("Pressure-injury care") },
  /* Translators: 静脉采血 */
  [JY_HOME_BED_PROC_BLOOD_DRAW] = { "blood-draw", N_("Venous blood sampling") },
  /* Translators: 肌内/皮下注射 */
  [JY_HOME_BED_PROC_INJECTION] = { "injection", N_("IM or SC injection") },
  /* Translators: 静脉输液 */
  [JY_HOME_BED_PROC_INFUSION] = { "infusion", N_("IV infusion") },
  /* Translators: PICC/输液港维护 */
  [JY_HOME_BED_PROC_PICC_CARE] = { "picc-care", N_("PICC or port care") },
  /* Translators: 造口护理 */
  [JY_HOME_BED_PROC_STOMA_CARE] = { "stoma-care", N_("Stoma care") },
  /* Translators: 雾化吸入 */
  [JY_HOME_BED_PROC_NEBULISATION] = { "nebulisation", N_("Nebulisation") },
  /* Translators: 吸痰 */
  [JY_HOME_BED_PROC_SUCTION] = { "suction", N_("Suction") },
  /* Translators: 氧疗指导 */
  [JY_HOME_BED_PROC_OXYGEN] = { "oxygen", N_("Oxygen-therapy guidance") },
  /* Translators: 康复训练 */
  [JY_HOME_BED_PROC_REHABILITATION] = { "rehabilitation", N_("Rehabilitation training") },
  /* Translators: 健康教育 */
  [JY_HOME_BED_PROC_EDUCATION] = { "education", N_("Health education") },
};

const char *
jy_home_bed_proc_to_string (JyHomeBedProc proc)
{
  g_return_val_if_fail (proc < JY_HOME_BED_N_PROCS, NULL);
  return procs[proc].code;
}

const char *
jy_home_bed_proc_label (JyHomeBedProc proc)
{
  g_return_val_if_fail (proc < JY_HOME_BED_N_PROCS, NULL);
  return procs[proc].label;
}

char *
jy_home_bed_procs_to_string (guint procedures)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < JY_HOME_BED_N_PROCS; i++)
    {
      if (!(procedures & JY_HOME_BED_PROC_BIT (i)))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, procs[i].code);
    }
  return g_string_free (out, FALSE);
}

gboolean
jy_home_bed_procs_from_string (const char *text,
                               guint      *out)
{
  g_auto(GStrv) parts = NULL;
  guint bits = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint p;

      for (p = 0; p < JY_HOME_BED_N_PROCS; p++)
        if (g_str_equal (parts[i], procs[p].code))
          break;
      if (p == JY_HOME_BED_N_PROCS)
        return FALSE;
      bits |= JY_HOME_BED_PROC_BIT (p);
    }
  *out = bits;
  return TRUE;
}

const char *
jy_pressure_stage_label (JyPressureStage stage)
{
  switch (stage)
    {
    case JY_PRESSURE_STAGE_1:
      return N_("Stage 1");
    case JY_PRESSURE_STAGE_2:
      return N_("Stage 2");
    case JY_PRESSURE_STAGE_3:
      return N_("Stage 3");
    case JY_PRESSURE_STAGE_4:
      return N_("Stage 4");
    case JY_PRESSURE_STAGE_UNSTAGEABLE:
      /* Translators: pressure injury, 不可分期 */
      return N_("Unstageable");
    case JY_PRESSURE_STAGE_DEEP_TISSUE:
      /* Translators: pressure injury, 深部组织损伤 */
      return N_("Deep tissue injury");
    case JY_PRESSURE_STAGE_NONE:
    default:
      return N_("None");
    }
}

/* --- Discharge summary --------------------------------------------------- */

static void
append_vitals (GString                   *out,
               const JyHomeBedRoundFacts *r)
{
  const double *v = r->vitals;
  gboolean any = FALSE;

#define SEP() G_STMT_START { if (any) g_string_append (out, _(", ")); any = TRUE; } G_STMT_END
  if (jy_measured (v[JY_HOME_BED_VITAL_TEMPERATURE]))
    {
      SEP ();
      g_string_append_printf (out, _("T %.1f °C"), v[JY_HOME_BED_VITAL_TEMPERATURE]);
    }
  if (jy_measured (v[JY_HOME_BED_VITAL_PULSE]))
    {
      SEP ();
      g_string_append_printf (out, _("P %.0f/min"), v[JY_HOME_BED_VITAL_PULSE]);
    }
  if (jy_measured (v[JY_HOME_BED_VITAL_RESPIRATION]))
    {
      SEP ();
      g_string_append_printf (out, _("R %.0f/min"), v[JY_HOME_BED_VITAL_RESPIRATION]);
    }
  if (jy_measured (v[JY_HOME_BED_VITAL_SBP]) && jy_measured (v[JY_HOME_BED_VITAL_DBP]))
    {
      SEP ();
      g_string_append_printf (out, _("BP %.0f/%.0f mmHg"),
                              v[JY_HOME_BED_VITAL_SBP], v[JY_HOME_BED_VITAL_DBP]);
    }
  if (jy_measured (v[JY_HOME_BED_VITAL_SPO2]))
    {
      SEP ();
      g_string_append_printf (out, _("SpO₂ %.0f%%"), v[JY_HOME_BED_VITAL_SPO2]);
    }
  if (jy_measured (v[JY_HOME_BED_VITAL_GLUCOSE]))
    {
      SEP ();
      g_string_append_printf (out, _("glucose %.1f mmol/L"), v[JY_HOME_BED_VITAL_GLUCOSE]);
    }
  if (jy_measured (v[JY_HOME_BED_VITAL_PAIN]))
    {
      SEP ();
      g_string_append_printf (out, _("pain %.0f/10"), v[JY_HOME_BED_VITAL_PAIN]);
    }
  if (!any)
    g_string_append (out, _("not measured"));
#undef SEP
}

static char *
format_date (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("—");
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint)g_date_get_month (date), g_date_get_day (date));
}

char *
jy_home_bed_summary_draft (const JyHomeBedSummaryFacts *facts)
{
  GString *out;
  guint by_kind[JY_HOME_BED_ROUND_N] = { 0 };
  guint proc_counts[JY_HOME_BED_N_PROCS] = { 0 };
  g_autofree char *admitted = NULL;
  g_autofree char *discharged = NULL;
  gboolean any_proc = FALSE;
  const JyHomeBedRoundFacts *first_measured = NULL, *last_measured = NULL;
  const char *last_note = NULL;

  g_return_val_if_fail (facts != NULL, NULL);

  for (guint i = 0; i < facts->n_rounds; i++)
    {
      const JyHomeBedRoundFacts *r = &facts->rounds[i];
      gboolean measured = FALSE;

      if (r->kind < JY_HOME_BED_ROUND_N)
        by_kind[r->kind]++;
      for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
        if (r->procedures & JY_HOME_BED_PROC_BIT (p))
          proc_counts[p]++;
      for (guint v = 0; v < JY_HOME_BED_N_VITALS; v++)
        measured |= jy_measured (r->vitals[v]);
      if (measured)
        {
          if (first_measured == NULL)
            first_measured = r;
          last_measured = r;
        }
      if (has_text (r->note))
        last_note = r->note;
    }

  admitted = format_date (&facts->admission_date);
  discharged = format_date (&facts->discharge_date);
  out = g_string_new (NULL);

  /* Course */
  g_string_append_printf (out, _("Course: home bed %s established on %s for %s; discharged on %s after %u bed days."),
                          has_text (facts->bed_number) ? facts->bed_number : "—", admitted,
                          has_text (facts->diagnosis) ? facts->diagnosis : "—", discharged,
                          g_date_valid (&facts->admission_date) && g_date_valid (&facts->discharge_date)
                            ? jy_home_bed_bed_days (&facts->admission_date, &facts->discharge_date) : 0);
  g_string_append_c (out, ' ');
  g_string_append_printf (out, _("%u rounds: %u doctor's rounds, %u nursing visits, %u joint rounds."),
                          facts->n_rounds, by_kind[JY_HOME_BED_ROUND_DOCTOR],
                          by_kind[JY_HOME_BED_ROUND_NURSING], by_kind[JY_HOME_BED_ROUND_JOINT]);
  g_string_append_c (out, '\n');

  g_string_append (out, _("Treatments and nursing: "));
  for (guint p = 0; p < JY_HOME_BED_N_PROCS; p++)
    {
      if (proc_counts[p] == 0)
        continue;
      if (any_proc)
        g_string_append (out, _(", "));
      /* Translators: a procedure and how many times it was done, "换药 ×4" */
      g_string_append_printf (out, _("%s ×%u"), _(procs[p].label), proc_counts[p]);
      any_proc = TRUE;
    }
  if (!any_proc)
    g_string_append (out, _("none"));
  g_string_append (out, _("."));
  g_string_append_c (out, '\n');

  if (first_measured != NULL)
    {
      g_string_append (out, _("Vitals at the first round: "));
      append_vitals (out, first_measured);
      g_string_append (out, _("; at the last round: "));
      append_vitals (out, last_measured);
      g_string_append (out, _("."));
      g_string_append_c (out, '\n');
    }
  if (last_note != NULL)
    {
      g_string_append_printf (out, _("Last round: %s"), last_note);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, _("Outcome: %s."), _(jy_discharge_reason_label (facts->reason)));
  g_string_append_c (out, '\n');
  switch (facts->reason)
    {
    case JY_DISCHARGE_REASON_DIED:
      g_string_append (out, _("Advice: none."));
      break;
    case JY_DISCHARGE_REASON_TRANSFERRED:
      g_string_append (out, _("Advice: continue treatment at the receiving hospital; the family doctor follows up after discharge."));
      break;
    default:
      g_string_append (out, _("Advice: keep taking the prescribed medicines, watch for warning signs and call the centre if the condition changes. Follow-up: the family doctor visits within 2 weeks."));
      break;
    }
  return g_string_free (out, FALSE);
}
