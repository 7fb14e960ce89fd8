/* jy-followup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup.h"

#include <glib/gi18n.h>

G_DEFINE_BOXED_TYPE (JyFollowup, jy_followup, jy_followup_copy, jy_followup_free)

/* --- Programmes and modes ------------------------------------------------ */

const char *
jy_programme_to_code (JyProgramme programme)
{
  switch (programme)
    {
    case JY_PROGRAMME_HTN:
      return "htn";
    case JY_PROGRAMME_T2DM:
      return "t2dm";
    case JY_PROGRAMME_NONE:
    default:
      /* NONE, or a set of several: no single code. */
      return NULL;
    }
}

JyProgramme
jy_programme_from_code (const char *code)
{
  if (code == NULL)
    return JY_PROGRAMME_NONE;
  if (g_ascii_strcasecmp (code, "htn") == 0)
    return JY_PROGRAMME_HTN;
  if (g_ascii_strcasecmp (code, "t2dm") == 0)
    return JY_PROGRAMME_T2DM;
  return JY_PROGRAMME_NONE;
}

gboolean
jy_visit_mode_is_face_to_face (JyVisitMode mode)
{
  return mode == JY_VISIT_MODE_CLINIC || mode == JY_VISIT_MODE_HOME;
}

/* Negative (JY_UNMEASURED) and NaN are "not measured"; 0 is a value. */
gboolean
jy_measured (double value)
{
  return value >= 0;
}

const char *
jy_followup_class_label (JyFollowupClass klass)
{
  switch (klass)
    {
    case JY_FOLLOWUP_CLASS_CONTROLLED:
      /* Translators: follow-up classification 1 on the national forms (控制满意) */
      return N_("Controlled");
    case JY_FOLLOWUP_CLASS_UNCONTROLLED:
      /* Translators: follow-up classification 2 on the national forms (控制不满意) */
      return N_("Uncontrolled");
    case JY_FOLLOWUP_CLASS_ADVERSE:
      /* Translators: follow-up classification 3 on the national forms (不良反应) */
      return N_("Adverse drug reaction");
    case JY_FOLLOWUP_CLASS_COMPLICATION:
      /* Translators: follow-up classification 4 on the national forms (并发症) */
      return N_("Complication");
    case JY_FOLLOWUP_CLASS_NONE:
    default:
      /* Translators: no follow-up classification chosen or suggested yet */
      return N_("Not classified");
    }
}

/* --- Danger signs -------------------------------------------------------- */

#define DANGER_BOTH_NORMS (JY_DANGER_CONSCIOUSNESS | JY_DANGER_PALPITATIONS | \
                           JY_DANGER_NAUSEA_VOMITING | JY_DANGER_BLURRED_VISION | \
                           JY_DANGER_PREGNANT | JY_DANGER_CANNOT_HANDLE)
#define DANGER_HTN_NORM   (JY_DANGER_SEVERE_HEADACHE | JY_DANGER_EYE_PAIN | \
                           JY_DANGER_CHEST_TIGHTNESS | JY_DANGER_DYSPNOEA_SUPINE)
#define DANGER_DM_NORM    (JY_DANGER_ACETONE_BREATH | JY_DANGER_POLYDIPSIA_POLYURIA | \
                           JY_DANGER_ABDOMINAL_PAIN | JY_DANGER_DEEP_RAPID_BREATHING | \
                           JY_DANGER_FLUSHED_SKIN)

/* The observed signs of @programme's norm (domain.md §3.2); for a set of
 * programmes (a combined visit) the union. */
guint
jy_danger_signs_observable (JyProgramme programme)
{
  guint signs = 0;

  if (programme & JY_PROGRAMME_HTN)
    signs |= DANGER_BOTH_NORMS | DANGER_HTN_NORM;
  if (programme & JY_PROGRAMME_T2DM)
    signs |= DANGER_BOTH_NORMS | DANGER_DM_NORM;
  return signs;
}

/* Wording after the national forms' referral criteria; one label per
 * sign whichever form shows it. NULL unless @sign is exactly one sign. */
const char *
jy_danger_sign_label (JyDangerSign sign)
{
  switch (sign)
    {
    case JY_DANGER_BP_HIGH:
      /* Translators: emergency-referral criterion; "and/or" as on the national form */
      return N_("Systolic BP ≥ 180 mmHg and/or diastolic BP ≥ 110 mmHg");
    case JY_DANGER_GLUCOSE_HIGH:
      /* Translators: emergency-referral criterion, fasting or random glucose */
      return N_("Blood glucose ≥ 16.7 mmol/L");
    case JY_DANGER_GLUCOSE_LOW:
      /* Translators: emergency-referral criterion, fasting or random glucose */
      return N_("Blood glucose ≤ 3.9 mmol/L");
    case JY_DANGER_HEART_RATE_HIGH:
      /* Translators: emergency-referral criterion on the diabetes form */
      return N_("Persistent tachycardia, heart rate over 100/min");
    case JY_DANGER_TEMPERATURE_HIGH:
      /* Translators: emergency-referral criterion on the diabetes form */
      return N_("Body temperature over 39 °C");
    case JY_DANGER_CONSCIOUSNESS:
      return N_("Altered consciousness or behaviour");
    case JY_DANGER_PALPITATIONS:
      return N_("Palpitations or sweating");
    case JY_DANGER_NAUSEA_VOMITING:
      return N_("Loss of appetite, nausea or vomiting");
    case JY_DANGER_BLURRED_VISION:
      return N_("Blurred vision or sudden drop in vision");
    case JY_DANGER_PREGNANT:
      /* Translators: emergency-referral criterion (BP on the HTN form, glucose on the DM form) */
      return N_("Pregnant or breastfeeding with blood pressure or glucose above normal");
    case JY_DANGER_CANNOT_HANDLE:
      return N_("Another condition the centre cannot handle");
    case JY_DANGER_SEVERE_HEADACHE:
      return N_("Severe headache or dizziness");
    case JY_DANGER_EYE_PAIN:
      return N_("Eye pain");
    case JY_DANGER_CHEST_TIGHTNESS:
      return N_("Chest tightness");
    case JY_DANGER_DYSPNOEA_SUPINE:
      return N_("Dyspnoea, unable to lie flat");
    case JY_DANGER_ACETONE_BREATH:
      return N_("Rotten-apple (acetone) breath");
    case JY_DANGER_POLYDIPSIA_POLYURIA:
      return N_("Polydipsia or polyuria");
    case JY_DANGER_ABDOMINAL_PAIN:
      return N_("Abdominal pain");
    case JY_DANGER_DEEP_RAPID_BREATHING:
      return N_("Deep, rapid breathing");
    case JY_DANGER_FLUSHED_SKIN:
      return N_("Flushed skin");
    case JY_DANGER_NONE:
    default:
      return NULL;
    }
}

/* --- Drugs --------------------------------------------------------------- */

JyFollowupDrug *
jy_followup_drug_new (JyFollowupDrugKind kind)
{
  JyFollowupDrug *self = g_new0 (JyFollowupDrug, 1);

  self->kind = kind;
  self->times_per_day = JY_UNMEASURED;
  self->dose = JY_UNMEASURED;
  return self;
}

JyFollowupDrug *
jy_followup_drug_copy (const JyFollowupDrug *self)
{
  JyFollowupDrug *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->drug_code = g_strdup (self->drug_code);
  copy->dose_unit = g_strdup (self->dose_unit);
  copy->usage = g_strdup (self->usage);
  return copy;
}

void
jy_followup_drug_free (JyFollowupDrug *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->drug_code);
  g_free (self->dose_unit);
  g_free (self->usage);
  g_free (self);
}

static gpointer
drug_copy_func (gconstpointer src,
                gpointer      user_data)
{
  return jy_followup_drug_copy (src);
}

static GPtrArray *
drug_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)jy_followup_drug_free);
}

/* --- The record ---------------------------------------------------------- */

JyFollowup *
jy_followup_new (JyProgramme programme)
{
  JyFollowup *self;

  g_return_val_if_fail (programme == JY_PROGRAMME_HTN || programme == JY_PROGRAMME_T2DM, NULL);

  self = g_new0 (JyFollowup, 1);
  self->status = g_strdup ("final");
  self->programme = programme;
  self->mode = JY_VISIT_MODE_NONE;
  self->outcome = JY_FOLLOWUP_OUTCOME_SEEN;

  /* Numbers start unmeasured; coded items (salt, psychology, adherence …)
   * use 0 = not recorded, as the header says. */
  self->sbp = JY_UNMEASURED;
  self->dbp = JY_UNMEASURED;
  self->heart_rate = JY_UNMEASURED;
  self->weight_kg = JY_UNMEASURED;
  self->target_weight_kg = JY_UNMEASURED;
  self->height_cm = JY_UNMEASURED;
  self->waist_cm = JY_UNMEASURED;
  self->temperature_c = JY_UNMEASURED;
  self->cigarettes = JY_UNMEASURED;
  self->cigarettes_target = JY_UNMEASURED;
  self->alcohol_liang = JY_UNMEASURED;
  self->alcohol_liang_target = JY_UNMEASURED;
  self->exercise_per_week = JY_UNMEASURED;
  self->exercise_minutes = JY_UNMEASURED;
  self->exercise_per_week_target = JY_UNMEASURED;
  self->exercise_minutes_target = JY_UNMEASURED;
  self->staple_g = JY_UNMEASURED;
  self->staple_g_target = JY_UNMEASURED;
  self->fasting_glucose = JY_UNMEASURED;
  self->random_glucose = JY_UNMEASURED;
  self->hba1c = JY_UNMEASURED;

  self->drugs = drug_array_new ();
  return self;
}

JyFollowup *
jy_followup_copy (const JyFollowup *self)
{
  JyFollowup *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->status = g_strdup (self->status);
  copy->visit_uuid = g_strdup (self->visit_uuid);
  copy->visit_date = g_strdup (self->visit_date);
  copy->lost_reason = g_strdup (self->lost_reason);
  copy->death_date = g_strdup (self->death_date);
  copy->death_cause = g_strdup (self->death_cause);
  copy->author_role = g_strdup (self->author_role);
  copy->symptoms_other = g_strdup (self->symptoms_other);
  copy->foot_pulse = g_strdup (self->foot_pulse);
  copy->signs_other = g_strdup (self->signs_other);
  copy->hba1c_date = g_strdup (self->hba1c_date);
  copy->investigations = g_strdup (self->investigations);
  copy->adverse_reaction_text = g_strdup (self->adverse_reaction_text);
  copy->complication_text = g_strdup (self->complication_text);
  copy->class_override_reason = g_strdup (self->class_override_reason);
  copy->referral_reason = g_strdup (self->referral_reason);
  copy->referral_institution = g_strdup (self->referral_institution);
  copy->referral_department = g_strdup (self->referral_department);
  copy->referral_contact = g_strdup (self->referral_contact);
  copy->referral_phone = g_strdup (self->referral_phone);
  copy->next_visit_date = g_strdup (self->next_visit_date);
  copy->suggested_next_date = g_strdup (self->suggested_next_date);
  copy->next_override_reason = g_strdup (self->next_override_reason);
  copy->advice = g_strdup (self->advice);
  copy->remarks = g_strdup (self->remarks);

  if (self->drugs != NULL)
    {
      copy->drugs = g_ptr_array_copy (self->drugs, drug_copy_func, NULL);
      g_ptr_array_set_free_func (copy->drugs, (GDestroyNotify)jy_followup_drug_free);
    }
  else
    {
      copy->drugs = drug_array_new ();
    }
  return copy;
}

void
jy_followup_free (JyFollowup *self)
{
  if (self == NULL)
    return;

  g_free (self->uuid);
  g_free (self->status);
  g_free (self->visit_uuid);
  g_free (self->visit_date);
  g_free (self->lost_reason);
  g_free (self->death_date);
  g_free (self->death_cause);
  g_free (self->author_role);
  g_free (self->symptoms_other);
  g_free (self->foot_pulse);
  g_free (self->signs_other);
  g_free (self->hba1c_date);
  g_free (self->investigations);
  g_free (self->adverse_reaction_text);
  g_free (self->complication_text);
  g_free (self->class_override_reason);
  g_free (self->referral_reason);
  g_free (self->referral_institution);
  g_free (self->referral_department);
  g_free (self->referral_contact);
  g_free (self->referral_phone);
  g_free (self->next_visit_date);
  g_free (self->suggested_next_date);
  g_free (self->next_override_reason);
  g_free (self->advice);
  g_free (self->remarks);
  g_clear_pointer (&self->drugs, g_ptr_array_unref);
  g_free (self);
}

/* A new visit starts from what the patient takes and what was agreed:
 * the enrolment, the current drugs and insulin, height and every target.
 * Measurements, symptoms, danger signs, the classification, the referral
 * and the next visit belong to the new visit and start empty.
 *
 * The previous visit's adjustment rows (用药调整意见) are not carried:
 * they may list only the changed drugs, so turning them into the current
 * list could drop a drug the patient still takes; the doctor updates the
 * carried current list from what the patient actually takes now. */
JyFollowup *
jy_followup_new_from_previous (const JyFollowup *previous,
                               const char       *visit_date)
{
  JyFollowup *self;

  g_return_val_if_fail (previous != NULL, NULL);

  self = jy_followup_new (previous->programme);
  if (self == NULL)
    return NULL;

  self->enrolment_id = previous->enrolment_id;
  self->resident_id = previous->resident_id;
  self->visit_date = g_strdup (visit_date);

  self->height_cm = previous->height_cm;
  self->target_weight_kg = previous->target_weight_kg;
  self->cigarettes_target = previous->cigarettes_target;
  self->alcohol_liang_target = previous->alcohol_liang_target;
  self->exercise_per_week_target = previous->exercise_per_week_target;
  self->exercise_minutes_target = previous->exercise_minutes_target;
  self->salt_target = previous->salt_target;
  self->staple_g_target = previous->staple_g_target;

  for (guint i = 0; previous->drugs != NULL && i < previous->drugs->len; i++)
    {
      const JyFollowupDrug *drug = g_ptr_array_index (previous->drugs, i);

      if (drug->kind == JY_FOLLOWUP_DRUG_ADJUST)
        continue;
      g_ptr_array_add (self->drugs, jy_followup_drug_copy (drug));
    }

  return self;
}
