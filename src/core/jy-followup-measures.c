/* jy-followup-measures.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-followup-rules.h"

#include "jy-followup-rules-private.h"

#include <glib/gi18n.h>

/* --- Measures ------------------------------------------------------------ */

double
jy_bmi_compute (double weight_kg,
                double height_cm)
{
  double height_m;

  if (!jy_measured (weight_kg) || !jy_measured (height_cm) || weight_kg <= 0 || height_cm <= 0)
    return JY_UNMEASURED;

  height_m = height_cm / 100.0;
  return weight_kg / (height_m * height_m);
}

JyBmiClass
jy_bmi_classify (double bmi)
{
  if (!jy_measured (bmi))
    return JY_BMI_UNKNOWN;
  if (jy_followup_below (bmi, 18.5))
    return JY_BMI_UNDERWEIGHT;
  if (jy_followup_below (bmi, 24.0))
    return JY_BMI_NORMAL;
  if (jy_followup_below (bmi, 28.0))
    return JY_BMI_OVERWEIGHT;
  return JY_BMI_OBESE;
}

/* WS/T 428-2013 terms. */
const char *
jy_bmi_class_label (JyBmiClass klass)
{
  switch (klass)
    {
    case JY_BMI_UNDERWEIGHT:
      /* Translators: BMI < 18.5 (WS/T 428: 体重过低) */
      return N_("Underweight");
    case JY_BMI_NORMAL:
      /* Translators: 18.5 ≤ BMI < 24 (WS/T 428: 体重正常) */
      return N_("Normal weight");
    case JY_BMI_OVERWEIGHT:
      /* Translators: 24 ≤ BMI < 28 (WS/T 428: 超重) */
      return N_("Overweight");
    case JY_BMI_OBESE:
      /* Translators: BMI ≥ 28 (WS/T 428: 肥胖) */
      return N_("Obese");
    case JY_BMI_UNKNOWN:
    default:
      /* Translators: BMI cannot be computed (no weight or height) */
      return N_("Unknown");
    }
}

/* With the sex unknown or unstated (GB/T 2261.1 0, 9) the women's limit
 * applies: central obesity is a screening flag (§3.1 high risk), where a
 * false alarm costs a BP check and a miss costs more. */
gboolean
jy_waist_is_central_obesity (double      waist_cm,
                             const char *sex)
{
  double limit = g_strcmp0 (sex, "1") == 0 ? 90.0 : 85.0;

  return jy_measured (waist_cm) && jy_followup_at_least (waist_cm, limit);
}

double
jy_alcohol_spirits_equivalent (double      liang,
                               JyDrinkKind kind)
{
  if (!jy_measured (liang))
    return JY_UNMEASURED;

  switch (kind)
    {
    case JY_DRINK_SPIRITS:
      return liang;
    case JY_DRINK_BEER:
      return liang / 10.0;
    case JY_DRINK_WINE:
      return liang / 4.0;
    case JY_DRINK_YELLOW:
      return liang / 5.0;
    default:
      g_return_val_if_reached (JY_UNMEASURED);
    }
}

double
jy_glucose_mmol_to_mgdl (double mmol_per_l)
{
  if (!jy_measured (mmol_per_l))
    return JY_UNMEASURED;
  return mmol_per_l * 18.0;
}
