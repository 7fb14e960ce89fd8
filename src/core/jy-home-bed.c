/* jy-home-bed.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-home-bed.h"
#include "jy-home-bed-private.h"

#include <glib/gi18n.h>
#include <string.h>

static const struct
{
  JyHomeBedField field;
  const char    *message;
} problems[JY_HOME_BED_N_PROBLEMS] = {
  [JY_HOME_BED_OK] = { JY_HOME_BED_FIELD_NONE, NULL },
  [JY_HOME_BED_PROBLEM_DIAGNOSIS_UNCLEAR] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The diagnosis is not clear: a home bed needs a clear diagnosis.") },
  [JY_HOME_BED_PROBLEM_UNSTABLE] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The condition is not stable: an acute or unstable patient belongs in hospital.") },
  [JY_HOME_BED_PROBLEM_NOT_SUITABLE_AT_HOME] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The treatment cannot be given safely at home.") },
  [JY_HOME_BED_PROBLEM_NO_CONTINUOUS_CARE] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("No continuous medical or nursing care is needed: a home visit is enough.") },
  [JY_HOME_BED_PROBLEM_INFECTIOUS] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The patient is in the infectious period of an infectious disease.") },
  [JY_HOME_BED_PROBLEM_HOME_UNSAFE] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The home is not safe for care.") },
  [JY_HOME_BED_PROBLEM_NO_CARER] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("There is no carer at home.") },
  [JY_HOME_BED_PROBLEM_NO_CONTRACT] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The resident has no active family-doctor contract, which this centre requires.") },
  [JY_HOME_BED_PROBLEM_ADL_OUT_OF_RANGE] = { JY_HOME_BED_FIELD_ADL,
    N_("The Barthel ADL score runs from 0 to 100.") },
  [JY_HOME_BED_PROBLEM_BRADEN_OUT_OF_RANGE] = { JY_HOME_BED_FIELD_BRADEN,
    N_("The Braden score runs from 6 to 23.") },
  [JY_HOME_BED_PROBLEM_ASSESSMENT_BEFORE_APPLICATION] = { JY_HOME_BED_FIELD_DATE,
    N_("The assessment cannot be before the application.") },
  [JY_HOME_BED_PROBLEM_ASSESSMENT_IN_FUTURE] = { JY_HOME_BED_FIELD_DATE,
    N_("The assessment date is in the future.") },
  [JY_HOME_BED_PROBLEM_NOT_ASSESSED_ELIGIBLE] = { JY_HOME_BED_FIELD_NONE,
    N_("A home bed is established only after an assessment found the patient eligible.") },
  [JY_HOME_BED_PROBLEM_ADMISSION_BEFORE_ASSESSMENT] = { JY_HOME_BED_FIELD_DATE,
    N_("The admission cannot be before the assessment.") },
  [JY_HOME_BED_PROBLEM_ADMISSION_IN_FUTURE] = { JY_HOME_BED_FIELD_DATE,
    N_("The admission date is in the future.") },
  [JY_HOME_BED_PROBLEM_AGREEMENT_NOT_SIGNED] = { JY_HOME_BED_FIELD_AGREEMENT,
    N_("The home-bed agreement must be signed before the bed is established.") },
  [JY_HOME_BED_PROBLEM_NO_DIAGNOSIS] = { JY_HOME_BED_FIELD_DIAGNOSIS,
    N_("Enter the diagnosis.") },
  [JY_HOME_BED_PROBLEM_NO_PLAN] = { JY_HOME_BED_FIELD_PLAN,
    N_("Enter the care plan and orders.") },
  [JY_HOME_BED_PROBLEM_NO_DOCTOR] = { JY_HOME_BED_FIELD_DOCTOR,
    N_("Choose the responsible doctor.") },
  [JY_HOME_BED_PROBLEM_NO_NURSE] = { JY_HOME_BED_FIELD_NURSE,
    N_("Choose the responsible nurse.") },
  [JY_HOME_BED_PROBLEM_NO_BED_NUMBER] = { JY_HOME_BED_FIELD_BED_NUMBER,
    N_("Enter the bed number.") },
  [JY_HOME_BED_PROBLEM_ROUND_FREQUENCY] = { JY_HOME_BED_FIELD_FREQUENCY,
    N_("Rounds are planned every 1 to 30 days.") },
  [JY_HOME_BED_PROBLEM_DOCTOR_ROUNDS_TOO_RARE] = { JY_HOME_BED_FIELD_FREQUENCY,
    N_("The doctor must see the patient more often (at least once a week by default).") },
  [JY_HOME_BED_PROBLEM_CYCLE_END_BEFORE_ADMISSION] = { JY_HOME_BED_FIELD_CYCLE_END,
    N_("The cycle must end after the admission.") },
  [JY_HOME_BED_PROBLEM_CYCLE_TOO_LONG] = { JY_HOME_BED_FIELD_CYCLE_END,
    N_("The cycle is longer than this centre allows; renew it after a re-assessment instead.") },
  [JY_HOME_BED_PROBLEM_RENEWAL_TOO_EARLY] = { JY_HOME_BED_FIELD_DATE,
    N_("It is too early to renew: re-assess close to the cycle end.") },
  [JY_HOME_BED_PROBLEM_RENEWAL_AFTER_CYCLE_END] = { JY_HOME_BED_FIELD_DATE,
    N_("The cycle has ended: discharge the bed, then establish a new one if needed.") },
  [JY_HOME_BED_PROBLEM_RENEWAL_NOT_ELIGIBLE] = { JY_HOME_BED_FIELD_ASSESSMENT,
    N_("The re-assessment did not find the patient eligible, so the bed cannot be renewed.") },
  [JY_HOME_BED_PROBLEM_ROUND_BEFORE_ADMISSION] = { JY_HOME_BED_FIELD_DATE,
    N_("The round cannot be before the admission.") },
  [JY_HOME_BED_PROBLEM_ROUND_AFTER_DISCHARGE] = { JY_HOME_BED_FIELD_DATE,
    N_("The round cannot be after the discharge.") },
  [JY_HOME_BED_PROBLEM_ROUND_IN_FUTURE] = { JY_HOME_BED_FIELD_DATE,
    N_("The round date is in the future.") },
  [JY_HOME_BED_PROBLEM_ROUND_END_BEFORE_START] = { JY_HOME_BED_FIELD_TIME,
    N_("The round ends before it starts.") },
  [JY_HOME_BED_PROBLEM_NURSE_DOCTOR_ROUND] = { JY_HOME_BED_FIELD_KIND,
    N_("A nurse records a nursing visit or a joint round, not a doctor's round.") },
  [JY_HOME_BED_PROBLEM_TEMPERATURE] = { JY_HOME_BED_FIELD_TEMPERATURE,
    N_("Temperature must be between 34 and 43 °C.") },
  [JY_HOME_BED_PROBLEM_PULSE] = { JY_HOME_BED_FIELD_PULSE,
    N_("Pulse must be between 20 and 250 a minute.") },
  [JY_HOME_BED_PROBLEM_RESPIRATION] = { JY_HOME_BED_FIELD_RESPIRATION,
    N_("Respiration must be between 4 and 60 a minute.") },
  [JY_HOME_BED_PROBLEM_SBP] = { JY_HOME_BED_FIELD_SBP,
    N_("Systolic pressure must be between 60 and 300 mmHg.") },
  [JY_HOME_BED_PROBLEM_DBP] = { JY_HOME_BED_FIELD_DBP,
    N_("Diastolic pressure must be between 30 and 200 mmHg.") },
  [JY_HOME_BED_PROBLEM_BP_ORDER] = { JY_HOME_BED_FIELD_DBP,
    N_("Diastolic pressure must be lower than systolic.") },
  [JY_HOME_BED_PROBLEM_BP_HALF] = { JY_HOME_BED_FIELD_DBP,
    N_("Enter both systolic and diastolic pressure, or neither.") },
  [JY_HOME_BED_PROBLEM_SPO2] = { JY_HOME_BED_FIELD_SPO2,
    N_("SpO₂ must be between 50 and 100 %.") },
  [JY_HOME_BED_PROBLEM_GLUCOSE] = { JY_HOME_BED_FIELD_GLUCOSE,
    N_("Glucose must be between 1.0 and 40.0 mmol/L.") },
  [JY_HOME_BED_PROBLEM_PAIN] = { JY_HOME_BED_FIELD_PAIN,
    N_("The pain score is a whole number from 0 to 10.") },
  [JY_HOME_BED_PROBLEM_WEIGHT] = { JY_HOME_BED_FIELD_WEIGHT,
    N_("Weight must be between 10 and 300 kg.") },
  [JY_HOME_BED_PROBLEM_EMPTY_ROUND] = { JY_HOME_BED_FIELD_NONE,
    N_("Record at least one vital sign, a procedure or a note.") },
  [JY_HOME_BED_PROBLEM_INFUSION_NOT_ALLOWED] = { JY_HOME_BED_FIELD_PROCEDURES,
    N_("Intravenous infusion at home is not allowed at this centre.") },
  [JY_HOME_BED_PROBLEM_PRESSURE_STAGE_MISSING] = { JY_HOME_BED_FIELD_PROCEDURES,
    N_("Give the stage of the pressure injury that was cared for.") },
  [JY_HOME_BED_PROBLEM_NEXT_ROUND_NOT_AFTER] = { JY_HOME_BED_FIELD_NEXT_ROUND,
    N_("The next round must be after this one.") },
  [JY_HOME_BED_PROBLEM_DISCHARGE_REASON] = { JY_HOME_BED_FIELD_REASON,
    N_("Choose the discharge reason.") },
  [JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_ADMISSION] = { JY_HOME_BED_FIELD_DATE,
    N_("The discharge cannot be before the admission.") },
  [JY_HOME_BED_PROBLEM_DISCHARGE_IN_FUTURE] = { JY_HOME_BED_FIELD_DATE,
    N_("The discharge date is in the future.") },
  [JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_LAST_ROUND] = { JY_HOME_BED_FIELD_DATE,
    N_("The discharge cannot be before the last round.") },
  [JY_HOME_BED_PROBLEM_CYCLE_NOT_ENDED] = { JY_HOME_BED_FIELD_REASON,
    N_("“Cycle ended” applies only on or after the cycle end.") },
  [JY_HOME_BED_PROBLEM_NO_SUMMARY] = { JY_HOME_BED_FIELD_SUMMARY,
    N_("Write the discharge summary.") },
  [JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED] = { JY_HOME_BED_FIELD_SUMMARY,
    N_("The doctor must sign the discharge summary.") },
};

const char *
jy_home_bed_problem_message (JyHomeBedProblem problem)
{
  g_return_val_if_fail (problem < JY_HOME_BED_N_PROBLEMS, NULL);
  return problems[problem].message;
}

JyHomeBedField
jy_home_bed_problem_field (JyHomeBedProblem problem)
{
  g_return_val_if_fail (problem < JY_HOME_BED_N_PROBLEMS, JY_HOME_BED_FIELD_NONE);
  return problems[problem].field;
}

static const JyHomeBedPolicy *
policy_or_default (const JyHomeBedPolicy *policy)
{
  static const JyHomeBedPolicy defaults = JY_HOME_BED_POLICY_DEFAULT;

  return policy != NULL ? policy : &defaults;
}

static void
add (GArray           *list,
     JyHomeBedProblem  problem)
{
  g_array_append_val (list, problem);
}

static GArray *
new_list (void)
{
  return g_array_new (FALSE, FALSE, sizeof (JyHomeBedProblem));
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

/* --- Assessment ---------------------------------------------------------- */

void
jy_home_bed_assessment_init (JyHomeBedAssessment *a)
{
  g_return_if_fail (a != NULL);

  memset (a, 0, sizeof *a);
  g_date_clear (&a->application_date, 1);
  g_date_clear (&a->assessment_date, 1);
  a->adl_score = JY_HOME_BED_NOT_SCORED;
  a->braden_score = JY_HOME_BED_NOT_SCORED;
  a->age = -1;
}

GArray *
jy_home_bed_assess (const JyHomeBedAssessment *a,
                    const GDate               *today,
                    const JyHomeBedPolicy     *policy)
{
  GArray *list = new_list ();

  g_return_val_if_fail (a != NULL, list);
  policy = policy_or_default (policy);

  if (g_date_valid (&a->assessment_date))
    {
      if (g_date_valid (&a->application_date)
          && g_date_compare (&a->assessment_date, &a->application_date) < 0)
        add (list, JY_HOME_BED_PROBLEM_ASSESSMENT_BEFORE_APPLICATION);
      if (today != NULL && g_date_compare (&a->assessment_date, today) > 0)
        add (list, JY_HOME_BED_PROBLEM_ASSESSMENT_IN_FUTURE);
    }
  if (!a->diagnosis_clear)
    add (list, JY_HOME_BED_PROBLEM_DIAGNOSIS_UNCLEAR);
  if (!a->condition_stable)
    add (list, JY_HOME_BED_PROBLEM_UNSTABLE);
  if (!a->suitable_at_home)
    add (list, JY_HOME_BED_PROBLEM_NOT_SUITABLE_AT_HOME);
  if (!a->needs_continuous_care)
    add (list, JY_HOME_BED_PROBLEM_NO_CONTINUOUS_CARE);
  if (a->infectious)
    add (list, JY_HOME_BED_PROBLEM_INFECTIOUS);
  if (!a->home_safe)
    add (list, JY_HOME_BED_PROBLEM_HOME_UNSAFE);
  if (!a->has_carer)
    add (list, JY_HOME_BED_PROBLEM_NO_CARER);
  if (policy->contract_required && !a->has_active_contract)
    add (list, JY_HOME_BED_PROBLEM_NO_CONTRACT);
  if (a->adl_score != JY_HOME_BED_NOT_SCORED && (a->adl_score < 0 || a->adl_score > 100))
    add (list, JY_HOME_BED_PROBLEM_ADL_OUT_OF_RANGE);
  if (a->braden_score != JY_HOME_BED_NOT_SCORED && (a->braden_score < 6 || a->braden_score > 23))
    add (list, JY_HOME_BED_PROBLEM_BRADEN_OUT_OF_RANGE);
  return list;
}

guint
jy_home_bed_priorities (const JyHomeBedAssessment *a)
{
  guint bits;

  g_return_val_if_fail (a != NULL, 0);

  bits = a->priorities & ((1u << JY_HOME_BED_N_PRIORITIES) - 1);
  if (a->adl_score >= 0 && a->adl_score <= 60)
    bits |= JY_HOME_BED_PRIORITY_BEDRIDDEN;
  if (a->age >= 80)
    bits |= JY_HOME_BED_PRIORITY_VERY_OLD;
  return bits;
}

const char *
jy_home_bed_priority_label (JyHomeBedPriority priority)
{
  switch (priority)
    {
    case JY_HOME_BED_PRIORITY_BEDRIDDEN:
      /* Translators: a home-bed priority group, 失能/卧床 */
      return N_("Disabled or bedridden");
    case JY_HOME_BED_PRIORITY_DISABILITY:
      /* Translators: a home-bed priority group, 残疾人 */
      return N_("Person with disabilities");
    case JY_HOME_BED_PRIORITY_VERY_OLD:
      /* Translators: a home-bed priority group, 高龄 (≥ 80) */
      return N_("Aged 80 or over");
    case JY_HOME_BED_PRIORITY_RECOVERY:
      return N_("Stroke or fracture recovery");
    case JY_HOME_BED_PRIORITY_PALLIATIVE:
      /* Translators: 晚期肿瘤/安宁疗护 */
      return N_("Advanced cancer or palliative care");
    case JY_HOME_BED_PRIORITY_TUBES:
      return N_("Catheter or tube");
    case JY_HOME_BED_PRIORITY_PRESSURE:
      return N_("Pressure injury");
    default:
      g_return_val_if_reached (NULL);
    }
}

JyAdlLevel
jy_adl_classify (int barthel)
{
  if (barthel < 0 || barthel > 100)
    return JY_ADL_UNKNOWN;
  if (barthel <= 40)
    return JY_ADL_SEVERE;
  if (barthel <= 60)
    return JY_ADL_MODERATE;
  if (barthel < 100)
    return JY_ADL_MILD;
  return JY_ADL_INDEPENDENT;
}

const char *
jy_adl_level_label (JyAdlLevel level)
{
  switch (level)
    {
    case JY_ADL_SEVERE:
      /* Translators: Barthel ADL ≤ 40, 重度依赖 */
      return N_("Severe dependence");
    case JY_ADL_MODERATE:
      /* Translators: Barthel ADL 41–60, 中度依赖 */
      return N_("Moderate dependence");
    case JY_ADL_MILD:
      /* Translators: Barthel ADL 61–99, 轻度依赖 */
      return N_("Mild dependence");
    case JY_ADL_INDEPENDENT:
      /* Translators: Barthel ADL 100, 无需依赖 */
      return N_("Independent");
    case JY_ADL_UNKNOWN:
    default:
      return N_("Not scored");
    }
}

guint
jy_braden_risk (int braden)
{
  if (braden < 6 || braden > 23)
    return 0;
  if (braden <= 12)
    return 3;
  if (braden <= 14)
    return 2;
  if (braden <= 18)
    return 1;
  return 0;
}

void
jy_home_bed_assessment_due (const GDate           *applied,
                            const JyHomeBedPolicy *policy,
                            GDate                 *out)
{
  guint left;

  g_return_if_fail (applied != NULL && g_date_valid (applied) && out != NULL);
  policy = policy_or_default (policy);

  *out = *applied;
  left = policy->assessment_working_days;
  while (left > 0)
    {
      GDateWeekday wd;

      g_date_add_days (out, 1);
      wd = g_date_get_weekday (out);
      if (wd != G_DATE_SATURDAY && wd != G_DATE_SUNDAY)
        left--;
    }
}

gboolean
jy_home_bed_code_lookup (const char *const *codes,
                         guint              first,
                         guint              n,
                         const char        *code,
                         guint             *index)
{
  for (guint i = first; code != NULL && i < n; i++)
    if (g_str_equal (code, codes[i]))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

static const char *const source_codes[JY_HOME_BED_SOURCE_N] = { "1", "2" };

const char *
jy_home_bed_source_to_string (JyHomeBedSource source)
{
  g_return_val_if_fail (source < JY_HOME_BED_SOURCE_N, NULL);
  return source_codes[source];
}

gboolean
jy_home_bed_source_from_string (const char      *code,
                                JyHomeBedSource *out)
{
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!jy_home_bed_code_lookup (source_codes, 0, JY_HOME_BED_SOURCE_N, code, &i))
    return FALSE;
  *out = (JyHomeBedSource)i;
  return TRUE;
}

const char *
jy_home_bed_source_label (JyHomeBedSource source)
{
  switch (source)
    {
    case JY_HOME_BED_SOURCE_FAMILY:
      /* Translators: who applied for a home bed, 患者或家属申请 */
      return N_("Patient or family");
    case JY_HOME_BED_SOURCE_HOSPITAL:
      /* Translators: a hospital discharge referral, 医院下转 */
      return N_("Hospital referral");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- Admission and cycles -------------------------------------------------- */

void
jy_home_bed_admission_init (JyHomeBedAdmission *a)
{
  g_return_if_fail (a != NULL);

  memset (a, 0, sizeof *a);
  g_date_clear (&a->assessment_date, 1);
  g_date_clear (&a->admission_date, 1);
  g_date_clear (&a->cycle_end, 1);
}

GArray *
jy_home_bed_admission_check (const JyHomeBedAdmission *a,
                             const GDate              *today,
                             const JyHomeBedPolicy    *policy)
{
  GArray *list = new_list ();

  g_return_val_if_fail (a != NULL && g_date_valid (&a->admission_date), list);
  policy = policy_or_default (policy);

  if (!a->assessed_eligible)
    add (list, JY_HOME_BED_PROBLEM_NOT_ASSESSED_ELIGIBLE);
  if (g_date_valid (&a->assessment_date)
      && g_date_compare (&a->admission_date, &a->assessment_date) < 0)
    add (list, JY_HOME_BED_PROBLEM_ADMISSION_BEFORE_ASSESSMENT);
  if (today != NULL && g_date_compare (&a->admission_date, today) > 0)
    add (list, JY_HOME_BED_PROBLEM_ADMISSION_IN_FUTURE);
  if (!a->agreement_signed)
    add (list, JY_HOME_BED_PROBLEM_AGREEMENT_NOT_SIGNED);
  if (!has_text (a->diagnosis))
    add (list, JY_HOME_BED_PROBLEM_NO_DIAGNOSIS);
  if (!has_text (a->plan))
    add (list, JY_HOME_BED_PROBLEM_NO_PLAN);
  if (a->doctor_id <= 0)
    add (list, JY_HOME_BED_PROBLEM_NO_DOCTOR);
  if (a->nurse_id <= 0)
    add (list, JY_HOME_BED_PROBLEM_NO_NURSE);
  if (!has_text (a->bed_number))
    add (list, JY_HOME_BED_PROBLEM_NO_BED_NUMBER);
  if (!jy_home_bed_frequency_valid (a->doctor_every_days)
      || !jy_home_bed_frequency_valid (a->nurse_every_days))
    add (list, JY_HOME_BED_PROBLEM_ROUND_FREQUENCY);
  else if (a->doctor_every_days > policy->doctor_round_max_days)
    add (list, JY_HOME_BED_PROBLEM_DOCTOR_ROUNDS_TOO_RARE);
  if (!g_date_valid (&a->cycle_end)
      || g_date_compare (&a->cycle_end, &a->admission_date) <= 0)
    add (list, JY_HOME_BED_PROBLEM_CYCLE_END_BEFORE_ADMISSION);
  else if ((guint)g_date_days_between (&a->admission_date, &a->cycle_end) > policy->cycle_days)
    add (list, JY_HOME_BED_PROBLEM_CYCLE_TOO_LONG);
  return list;
}

void
jy_home_bed_cycle_end (const GDate           *start,
                       const JyHomeBedPolicy *policy,
                       GDate                 *out)
{
  g_return_if_fail (start != NULL && g_date_valid (start) && out != NULL);
  policy = policy_or_default (policy);

  *out = *start;
  g_date_add_days (out, policy->cycle_days);
}

guint
jy_home_bed_bed_days (const GDate *start,
                      const GDate *end)
{
  int days;

  g_return_val_if_fail (start != NULL && end != NULL, 0);
  days = g_date_days_between (start, end);
  return days < 1 ? 1 : (guint)days;
}

JyHomeBedProblem
jy_home_bed_renewal_check (const GDate           *cycle_end,
                           const GDate           *reassessed,
                           gboolean               eligible,
                           const JyHomeBedPolicy *policy,
                           GDate                 *new_start,
                           GDate                 *new_end)
{
  GDate opens;

  g_return_val_if_fail (cycle_end != NULL && g_date_valid (cycle_end), JY_HOME_BED_PROBLEM_DISCHARGE_REASON);
  g_return_val_if_fail (reassessed != NULL && g_date_valid (reassessed), JY_HOME_BED_PROBLEM_DISCHARGE_REASON);
  policy = policy_or_default (policy);

  opens = *cycle_end;
  g_date_subtract_days (&opens, policy->renewal_window_days);
  if (g_date_compare (reassessed, &opens) < 0)
    return JY_HOME_BED_PROBLEM_RENEWAL_TOO_EARLY;
  if (g_date_compare (reassessed, cycle_end) > 0)
    return JY_HOME_BED_PROBLEM_RENEWAL_AFTER_CYCLE_END;
  if (!eligible)
    return JY_HOME_BED_PROBLEM_RENEWAL_NOT_ELIGIBLE;
  if (new_start != NULL)
    *new_start = *cycle_end;
  if (new_end != NULL)
    jy_home_bed_cycle_end (cycle_end, policy, new_end);
  return JY_HOME_BED_OK;
}

/* --- Round frequency ------------------------------------------------------- */

gboolean
jy_home_bed_frequency_valid (guint every_days)
{
  return every_days >= 1 && every_days <= 30;
}

void
jy_home_bed_next_round (const GDate *admission,
                        const GDate *last,
                        guint        every_days,
                        const GDate *cycle_end,
                        GDate       *out)
{
  g_return_if_fail (admission != NULL && g_date_valid (admission) && out != NULL);

  if (last == NULL || !g_date_valid (last))
    {
      *out = *admission;
      return;
    }
  *out = *last;
  g_date_add_days (out, MAX (every_days, 1));
  if (cycle_end != NULL && g_date_valid (cycle_end) && g_date_compare (out, cycle_end) > 0
      && g_date_compare (last, cycle_end) < 0)
    *out = *cycle_end;
}

JyHomeBedDue
jy_home_bed_due_on (const GDate *due,
                    const GDate *today)
{
  int cmp;

  g_return_val_if_fail (due != NULL && today != NULL, JY_HOME_BED_DUE_NOT_YET);
  cmp = g_date_compare (due, today);
  if (cmp > 0)
    return JY_HOME_BED_DUE_NOT_YET;
  return cmp == 0 ? JY_HOME_BED_DUE_TODAY : JY_HOME_BED_DUE_OVERDUE;
}

guint
jy_home_bed_days_overdue (const GDate *due,
                          const GDate *today)
{
  int days;

  g_return_val_if_fail (due != NULL && today != NULL, 0);
  days = g_date_days_between (due, today);
  return days > 0 ? (guint)days : 0;
}

/* --- Discharge ---------------------------------------------------------------- */

static const char *const reason_codes[JY_DISCHARGE_REASON_N] = {
  [JY_DISCHARGE_REASON_NONE] = "",
  [JY_DISCHARGE_REASON_CURED] = "1",
  [JY_DISCHARGE_REASON_IMPROVED] = "2",
  [JY_DISCHARGE_REASON_STABLE] = "3",
  [JY_DISCHARGE_REASON_TRANSFERRED] = "4",
  [JY_DISCHARGE_REASON_DIED] = "5",
  [JY_DISCHARGE_REASON_REQUEST] = "6",
  [JY_DISCHARGE_REASON_CYCLE_ENDED] = "7",
  [JY_DISCHARGE_REASON_OTHER] = "9",
};

const char *
jy_discharge_reason_to_string (JyDischargeReason reason)
{
  g_return_val_if_fail (reason < JY_DISCHARGE_REASON_N, NULL);
  return reason_codes[reason];
}

gboolean
jy_discharge_reason_from_string (const char        *code,
                                 JyDischargeReason *out)
{
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!jy_home_bed_code_lookup (reason_codes, JY_DISCHARGE_REASON_CURED, JY_DISCHARGE_REASON_N, code, &i))
    return FALSE;
  *out = (JyDischargeReason)i;
  return TRUE;
}

const char *
jy_discharge_reason_label (JyDischargeReason reason)
{
  switch (reason)
    {
    case JY_DISCHARGE_REASON_CURED:
      /* Translators: a home-bed discharge reason, 治愈 */
      return N_("Cured");
    case JY_DISCHARGE_REASON_IMPROVED:
      /* Translators: a home-bed discharge reason, 好转 */
      return N_("Improved");
    case JY_DISCHARGE_REASON_STABLE:
      /* Translators: a home-bed discharge reason, 稳定(未愈) */
      return N_("Stable, not cured");
    case JY_DISCHARGE_REASON_TRANSFERRED:
      /* Translators: a home-bed discharge reason, 转院(转住院) */
      return N_("Admitted or transferred");
    case JY_DISCHARGE_REASON_DIED:
      /* Translators: a home-bed discharge reason, 死亡 */
      return N_("Died");
    case JY_DISCHARGE_REASON_REQUEST:
      /* Translators: a home-bed discharge reason, 患者要求 */
      return N_("Patient's request");
    case JY_DISCHARGE_REASON_CYCLE_ENDED:
      /* Translators: a home-bed discharge reason, 到期 */
      return N_("Cycle ended without renewal");
    case JY_DISCHARGE_REASON_OTHER:
      return N_("Other");
    case JY_DISCHARGE_REASON_NONE:
    default:
      return N_("None");
    }
}

void
jy_home_bed_discharge_init (JyHomeBedDischarge *d)
{
  g_return_if_fail (d != NULL);

  memset (d, 0, sizeof *d);
  g_date_clear (&d->admission_date, 1);
  g_date_clear (&d->cycle_end, 1);
  g_date_clear (&d->last_round, 1);
  g_date_clear (&d->discharge_date, 1);
}

GArray *
jy_home_bed_discharge_check (const JyHomeBedDischarge *d,
                             const GDate              *today)
{
  GArray *list = new_list ();

  g_return_val_if_fail (d != NULL && g_date_valid (&d->discharge_date), list);

  if (d->reason == JY_DISCHARGE_REASON_NONE || d->reason >= JY_DISCHARGE_REASON_N)
    add (list, JY_HOME_BED_PROBLEM_DISCHARGE_REASON);
  if (g_date_valid (&d->admission_date)
      && g_date_compare (&d->discharge_date, &d->admission_date) < 0)
    add (list, JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_ADMISSION);
  if (today != NULL && g_date_compare (&d->discharge_date, today) > 0)
    add (list, JY_HOME_BED_PROBLEM_DISCHARGE_IN_FUTURE);
  if (g_date_valid (&d->last_round)
      && g_date_compare (&d->discharge_date, &d->last_round) < 0)
    add (list, JY_HOME_BED_PROBLEM_DISCHARGE_BEFORE_LAST_ROUND);
  if (d->reason == JY_DISCHARGE_REASON_CYCLE_ENDED && g_date_valid (&d->cycle_end)
      && g_date_compare (&d->discharge_date, &d->cycle_end) < 0)
    add (list, JY_HOME_BED_PROBLEM_CYCLE_NOT_ENDED);
  if (!has_text (d->summary))
    add (list, JY_HOME_BED_PROBLEM_NO_SUMMARY);
  else if (!d->signed_by_doctor)
    add (list, JY_HOME_BED_PROBLEM_SUMMARY_NOT_SIGNED);
  return list;
}
