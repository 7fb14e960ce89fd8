/* jy-followup-labels.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-labels.h"

#include <glib/gi18n.h>
#include <string.h>

const char *
jy_followup_programme_label (JyProgramme programme)
{
  switch (programme)
    {
    case JY_PROGRAMME_HTN: return _("Hypertension");
    case JY_PROGRAMME_T2DM: return _("Type 2 diabetes");
    case JY_PROGRAMME_NONE:
    default: return "";
    }
}

/* 此次随访分类, as the national form words them. */
const char *
jy_followup_class_text (JyFollowupClass klass)
{
  switch (klass)
    {
    case JY_FOLLOWUP_CLASS_CONTROLLED: return C_("follow-up class", "Controlled");
    case JY_FOLLOWUP_CLASS_UNCONTROLLED: return C_("follow-up class", "Uncontrolled");
    case JY_FOLLOWUP_CLASS_ADVERSE: return C_("follow-up class", "Adverse reaction");
    case JY_FOLLOWUP_CLASS_COMPLICATION: return C_("follow-up class", "Complication");
    case JY_FOLLOWUP_CLASS_NONE:
    default: return C_("follow-up class", "Not chosen");
    }
}

/* What the doctor should do next, for the action core proposes. */
const char *
jy_followup_action_advice (JyFollowupAction action)
{
  switch (action)
    {
    case JY_FOLLOWUP_ACTION_ROUTINE:
      return _("Keep the treatment; next visit within the routine interval.");
    case JY_FOLLOWUP_ACTION_ADJUST:
      return _("Adjust the medicines (raise the dose, change or add a class); see again within 2 weeks.");
    case JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL:
      return _("Recommend referral to a higher-level hospital; follow up the referral within 2 weeks.");
    case JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL:
      return _("Treat urgently and refer at once; follow up the referral within 2 weeks.");
    default:
      return "";
    }
}

const char *
jy_followup_field_label (JyFollowupField field)
{
  switch (field)
    {
    case JY_FOLLOWUP_FIELD_VISIT_DATE: return _("Visit date");
    case JY_FOLLOWUP_FIELD_MODE: return _("Visit mode");
    case JY_FOLLOWUP_FIELD_SYMPTOMS: return _("Symptoms");
    case JY_FOLLOWUP_FIELD_SBP: return _("Systolic BP");
    case JY_FOLLOWUP_FIELD_DBP: return _("Diastolic BP");
    case JY_FOLLOWUP_FIELD_HEART_RATE: return _("Heart rate");
    case JY_FOLLOWUP_FIELD_WEIGHT: return _("Weight");
    case JY_FOLLOWUP_FIELD_TARGET_WEIGHT: return _("Target weight");
    case JY_FOLLOWUP_FIELD_HEIGHT: return _("Height");
    case JY_FOLLOWUP_FIELD_WAIST: return _("Waist");
    case JY_FOLLOWUP_FIELD_TEMPERATURE: return _("Temperature");
    case JY_FOLLOWUP_FIELD_CIGARETTES: return _("Cigarettes a day");
    case JY_FOLLOWUP_FIELD_ALCOHOL: return _("Alcohol a day");
    case JY_FOLLOWUP_FIELD_EXERCISE: return _("Exercise");
    case JY_FOLLOWUP_FIELD_STAPLE: return _("Staple food a day");
    case JY_FOLLOWUP_FIELD_FASTING_GLUCOSE: return _("Fasting glucose");
    case JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE: return _("Random glucose");
    case JY_FOLLOWUP_FIELD_HBA1C: return _("HbA1c");
    case JY_FOLLOWUP_FIELD_HBA1C_DATE: return _("HbA1c test date");
    case JY_FOLLOWUP_FIELD_ADHERENCE: return _("Medication adherence");
    case JY_FOLLOWUP_FIELD_ADVERSE_REACTION: return _("Adverse drug reaction");
    case JY_FOLLOWUP_FIELD_CLASSIFICATION: return _("Classification");
    case JY_FOLLOWUP_FIELD_DRUGS: return _("Medicines");
    case JY_FOLLOWUP_FIELD_REFERRAL: return _("Referral");
    case JY_FOLLOWUP_FIELD_NEXT_VISIT: return _("Next visit date");
    case JY_FOLLOWUP_FIELD_DEATH_DATE: return _("Date of death");
    default: return "";
    }
}

const char *
jy_followup_field_unit (JyFollowupField field)
{
  switch (field)
    {
    case JY_FOLLOWUP_FIELD_SBP:
    case JY_FOLLOWUP_FIELD_DBP:
      return "mmHg";
    case JY_FOLLOWUP_FIELD_HEART_RATE:
      /* Translators: unit of heart rate, 次/分 */
      return _("beats/min");
    case JY_FOLLOWUP_FIELD_WEIGHT:
    case JY_FOLLOWUP_FIELD_TARGET_WEIGHT:
      return "kg";
    case JY_FOLLOWUP_FIELD_HEIGHT:
    case JY_FOLLOWUP_FIELD_WAIST:
      return "cm";
    case JY_FOLLOWUP_FIELD_TEMPERATURE:
      return "°C";
    case JY_FOLLOWUP_FIELD_CIGARETTES:
      /* Translators: unit of daily smoking, 支/日 */
      return _("cigarettes/day");
    case JY_FOLLOWUP_FIELD_ALCOHOL:
      /* Translators: unit of daily drinking in liang (50 mL) of spirits, 两/日 */
      return _("liang/day");
    case JY_FOLLOWUP_FIELD_STAPLE:
      /* Translators: unit of staple food, 克/天 */
      return _("g/day");
    case JY_FOLLOWUP_FIELD_FASTING_GLUCOSE:
    case JY_FOLLOWUP_FIELD_RANDOM_GLUCOSE:
      return "mmol/L";
    case JY_FOLLOWUP_FIELD_HBA1C:
      return "%";
    default:
      return "";
    }
}

static char *
required_message (JyFollowupField field)
{
  switch (field)
    {
    case JY_FOLLOWUP_FIELD_VISIT_DATE:
      return g_strdup (_("Enter the visit date as YYYY-MM-DD"));
    case JY_FOLLOWUP_FIELD_MODE:
      return g_strdup (_("Choose how the visit was made"));
    case JY_FOLLOWUP_FIELD_SYMPTOMS:
      return g_strdup (_("Tick the symptoms, or “No symptoms”"));
    case JY_FOLLOWUP_FIELD_SBP:
    case JY_FOLLOWUP_FIELD_DBP:
      return g_strdup (_("Enter the blood pressure measured at this visit"));
    case JY_FOLLOWUP_FIELD_FASTING_GLUCOSE:
      return g_strdup (_("Enter the fasting glucose: required at a face-to-face visit"));
    case JY_FOLLOWUP_FIELD_ADHERENCE:
      return g_strdup (_("Choose how the medicines are taken"));
    case JY_FOLLOWUP_FIELD_ADVERSE_REACTION:
      return g_strdup (_("Describe the adverse reaction"));
    case JY_FOLLOWUP_FIELD_CLASSIFICATION:
      return g_strdup (_("Choose this visit’s classification (Alt+A accepts the suggestion)"));
    case JY_FOLLOWUP_FIELD_DRUGS:
      return g_strdup (_("Enter the medicines: name, times a day and dose"));
    case JY_FOLLOWUP_FIELD_REFERRAL:
      return g_strdup (_("Fill in the referral: reason, hospital and department"));
    case JY_FOLLOWUP_FIELD_NEXT_VISIT:
      return g_strdup (_("Enter the next visit date"));
    case JY_FOLLOWUP_FIELD_DEATH_DATE:
      return g_strdup (_("Enter the date of death"));
    default:
      /* Translators: %s is the name of a field on the follow-up form */
      return g_strdup_printf (_("Enter the %s"), jy_followup_field_label (field));
    }
}

static char *
implausible_message (JyFollowupField field,
                     double          value)
{
  double min, max;

  switch (field)
    {
    case JY_FOLLOWUP_FIELD_VISIT_DATE:
    case JY_FOLLOWUP_FIELD_HBA1C_DATE:
    case JY_FOLLOWUP_FIELD_NEXT_VISIT:
    case JY_FOLLOWUP_FIELD_DEATH_DATE:
      return g_strdup (_("Not a real date: use YYYY-MM-DD"));
    case JY_FOLLOWUP_FIELD_EXERCISE:
      return g_strdup (_("Check the exercise: times a week and minutes each time"));
    default:
      break;
    }

  if (value == 0 && jy_followup_range (field, &min, &max) && min > 0)
    /* Translators: %s is a measurement, e.g. 空腹血糖不能为 0 */
    return g_strdup_printf (_("%s cannot be 0"), jy_followup_field_label (field));
  if (jy_followup_range (field, &min, &max))
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (low, sizeof low, "%g", min);
      g_ascii_formatd (high, sizeof high, "%g", max);
      /* Translators: %1$s is a measurement, %2$s–%3$s its plausible range,
       * %4$s the unit, e.g. 收缩压应在 60–300 mmHg 之间 */
      return g_strdup_printf (_("%1$s must be between %2$s and %3$s %4$s"),
                              jy_followup_field_label (field), low, high,
                              jy_followup_field_unit (field));
    }
  /* Translators: %s is the name of a field on the follow-up form */
  return g_strdup_printf (_("Check the %s: this value is not possible"), jy_followup_field_label (field));
}

char *
jy_followup_problem_message (JyFollowupField       field,
                             JyFollowupProblemKind kind,
                             double                value)
{
  switch (kind)
    {
    case JY_FOLLOWUP_PROBLEM_REQUIRED:
      return required_message (field);
    case JY_FOLLOWUP_PROBLEM_IMPLAUSIBLE:
      return implausible_message (field, value);
    case JY_FOLLOWUP_PROBLEM_SBP_NOT_ABOVE_DBP:
      return g_strdup (_("Systolic BP must be higher than diastolic BP"));
    case JY_FOLLOWUP_PROBLEM_FUTURE:
      /* Translators: %s is a date field, e.g. 随访日期晚于今天 */
      return g_strdup_printf (_("The %s is after today"), jy_followup_field_label (field));
    case JY_FOLLOWUP_PROBLEM_BEFORE_PREVIOUS:
      if (field == JY_FOLLOWUP_FIELD_NEXT_VISIT)
        return g_strdup (_("The next visit must be after this visit"));
      /* Translators: %s is a date field on the follow-up form */
      return g_strdup_printf (_("The %s is too early"), jy_followup_field_label (field));
    case JY_FOLLOWUP_PROBLEM_NONE_WITH_OTHERS:
      return g_strdup (_("“No symptoms” cannot be ticked together with a symptom"));
    case JY_FOLLOWUP_PROBLEM_NEEDS_REASON:
      if (field == JY_FOLLOWUP_FIELD_CLASSIFICATION)
        return g_strdup (_("Differs from the suggested classification: give the reason"));
      return g_strdup (_("Differs from the suggestion: give the reason"));
    case JY_FOLLOWUP_PROBLEM_TOO_LATE:
      return g_strdup (_("Later than the rule allows: give the reason, or choose an earlier date"));
    default:
      return g_strdup (_("Not valid"));
    }
}

gboolean
jy_followup_parse_number (const char *text,
                          double     *out)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  gboolean point = FALSE;
  char *end = NULL;

  *out = JY_UNMEASURED;
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width digits and point, as a Chinese input method types them. */
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0E || c == 0x3002)
        c = '.';

      if (g_unichar_isspace (c))
        continue;
      if (c == '.' && !point)
        point = TRUE;
      else if (c < '0' || c > '9')
        return FALSE;
      g_string_append_c (ascii, (char)c);
    }

  if (ascii->len == 0)
    return TRUE;
  if (ascii->len == 1 && point)
    return FALSE;
  *out = g_ascii_strtod (ascii->str, &end);
  return end != NULL && *end == '\0';
}

char *
jy_followup_format_number (double value,
                           int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *dot;

  if (value < 0)
    return g_strdup ("");
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 3));
  g_ascii_formatd (buf, sizeof buf, format, value);
  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      char *last = buf + strlen (buf) - 1;

      while (last > dot && *last == '0')
        *last-- = '\0';
      if (last == dot)
        *last = '\0';
    }
  return g_strdup (buf);
}

char *
jy_followup_summary (const JyFollowup *visit)
{
  const char *date = visit->visit_date != NULL ? visit->visit_date : "";
  const char *klass = jy_followup_class_text (visit->classification);

  if (visit->programme == JY_PROGRAMME_T2DM && jy_measured (visit->fasting_glucose))
    {
      g_autofree char *glucose = jy_followup_format_number (visit->fasting_glucose, 1);

      /* Translators: %1$s date, %2$s fasting glucose in mmol/L, %3$s the classification */
      return g_strdup_printf (_("Last visit %1$s: fasting glucose %2$s mmol/L, %3$s"), date, glucose, klass);
    }
  if (visit->programme == JY_PROGRAMME_HTN && jy_measured (visit->sbp) && jy_measured (visit->dbp))
    /* Translators: %1$s date, %2$d/%3$d the blood pressure, %4$s the classification */
    return g_strdup_printf (_("Last visit %1$s: BP %2$d/%3$d mmHg, %4$s"), date, visit->sbp, visit->dbp, klass);
  /* Translators: %1$s date, %2$s the classification */
  return g_strdup_printf (_("Last visit %1$s: %2$s"), date, klass);
}
