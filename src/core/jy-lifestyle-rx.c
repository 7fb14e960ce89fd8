/* jy-lifestyle-rx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-lifestyle-rx.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Thresholds from domain.md §3.2 / §3.8. */
#define BP_SEVERE_SBP      180
#define BP_SEVERE_DBP      110
#define GLUCOSE_SEVERE     16.7
#define BMI_OVERWEIGHT     24.0
#define BMI_OBESE          28.0
#define BMI_UNDERWEIGHT    18.5

const char *
jy_lifestyle_rx_kind_title (JyLifestyleRxKind kind)
{
  switch (kind)
    {
    case JY_LIFESTYLE_RX_EXERCISE:
      return N_("Exercise Prescription");
    case JY_LIFESTYLE_RX_DIET:
      return N_("Diet Prescription");
    case JY_LIFESTYLE_RX_THREE_REDUCTIONS:
      return N_("Three Reductions, Three Healths");
    default:
      g_return_val_if_reached (NULL);
    }
}

static double
bmi_of (double weight_kg,
        double height_cm)
{
  double m = height_cm / 100.0;

  if (weight_kg <= 0 || height_cm <= 0)
    return -1;
  return weight_kg / (m * m);
}

/* Energy per kg of ideal weight for light physical activity (轻体力劳动),
 * after the Chinese T2DM guideline's table: underweight 35, normal 30,
 * overweight 25, obese 20 kcal/kg/day. (verify against the local text) */
int
jy_lifestyle_energy_kcal (double height_cm,
                          double weight_kg)
{
  double ideal = height_cm - 105.0;
  double bmi = bmi_of (weight_kg, height_cm);
  int per_kg;

  if (height_cm <= 0 || ideal <= 0)
    return 0;

  if (bmi < 0)
    per_kg = 30;
  else if (bmi < BMI_UNDERWEIGHT)
    per_kg = 35;
  else if (bmi < BMI_OVERWEIGHT)
    per_kg = 30;
  else if (bmi < BMI_OBESE)
    per_kg = 25;
  else
    per_kg = 20;

  /* Nobody is told to eat less than 1,200 kcal without a dietitian. */
  return MAX (1200, (int) (lround (ideal * per_kg / 50.0) * 50));
}

static void
add (GPtrArray  *items,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
add (GPtrArray  *items,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (items, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
bp_severe (const JyLifestyleFacts *f)
{
  return f->sbp >= BP_SEVERE_SBP || f->dbp >= BP_SEVERE_DBP;
}

static void
propose_exercise (JyLifestyleRx          *rx,
                  const JyLifestyleFacts *f)
{
  GPtrArray *items = rx->items;
  double bmi = bmi_of (f->weight_kg, f->height_cm);

  /* §3.8 contraindications: exercise waits until the danger has passed. */
  if (bp_severe (f))
    {
      rx->deferred = TRUE;
      add (items, _("Blood pressure %d/%d mmHg is too high to exercise: rest, take the prescribed medicine, and start exercising only after blood pressure is below 180/110 mmHg."),
           f->sbp, f->dbp);
    }
  if (f->glucose > GLUCOSE_SEVERE)
    {
      rx->deferred = TRUE;
      add (items, _("Blood glucose %.1f mmol/L is too high to exercise: start only after it is below 16.7 mmol/L."),
           f->glucose);
    }
  if (f->recent_hypoglycaemia)
    {
      rx->deferred = TRUE;
      add (items, _("After the recent hypoglycaemia, do not exercise until the doctor has reviewed the medicines."));
    }
  if (rx->deferred)
    {
      add (items, _("Until then, light daily activity only: short walks at home, no strenuous effort."));
      return;
    }

  if (f->age >= 65)
    add (items, _("Type: brisk walking, tai chi, baduanjin or square dancing; avoid sudden effort, heavy lifting and holding the breath."));
  else
    add (items, _("Type: brisk walking, jogging, cycling, swimming or tai chi — something you enjoy and can keep doing."));

  add (items, _("Intensity: moderate — you can talk but not sing; heart rate about %d beats per minute."),
       170 - CLAMP (f->age, 18, 100));
  add (items, _("Frequency and time: at least 5 days a week, at least 30 minutes a day (150 minutes a week); start with 10 minutes and build up."));
  add (items, _("Each session: 5–10 minutes of warm-up before and cool-down after."));
  if (f->age >= 65)
    add (items, _("Add balance and muscle exercises 2–3 times a week (standing on one leg holding a chair, rising from a chair) to prevent falls."));

  if (f->diabetes)
    {
      add (items, _("Exercise about an hour after a meal, not on an empty stomach; carry sweets in case of hypoglycaemia (shaking, sweating, palpitations)."));
      add (items, _("Wear well-fitting shoes and check your feet for blisters or wounds after exercise."));
    }
  if (f->hypertension)
    add (items, _("Stop and rest if you feel dizzy, chest pain or tightness, or unusual shortness of breath; seek help if it does not pass."));

  if (bmi >= BMI_OVERWEIGHT)
    add (items, _("Goal: lose 5–10%% of body weight in 3–6 months (from %.1f kg towards %.1f kg)."),
         f->weight_kg, rx->target_weight_kg);
}

static void
propose_diet (JyLifestyleRx          *rx,
              const JyLifestyleFacts *f)
{
  GPtrArray *items = rx->items;

  rx->energy_kcal = jy_lifestyle_energy_kcal (f->height_cm, f->weight_kg);
  if (rx->energy_kcal > 0)
    {
      /* Staple food (raw grain ≈ 75 % carbohydrate) for half the energy
       * (55 % without diabetes), rounded to 25 g. */
      double share = f->diabetes ? 0.50 : 0.55;

      rx->staple_g = (int) lround (rx->energy_kcal * share / 4.0 / 0.75 / 25.0) * 25;
      add (items, _("Energy: about %d kcal a day."), rx->energy_kcal);
      add (items, _("Staple food: about %d g a day (raw weight), a third of it whole grains, beans or potatoes instead of white rice and noodles."),
           rx->staple_g);
    }
  else
    add (items, _("Staple food: control the amount; a third of it whole grains, beans or potatoes."));

  add (items, _("Vegetables 300–500 g and fruit 200–350 g a day%s; milk 300 g, an egg, lean meat or fish 120–200 g a day."),
       f->diabetes ? _(" (fruit between meals, when glucose is controlled)") : "");
  add (items, _("Salt less than 5 g a day (one beer-bottle cap); watch soy sauce, pickles and processed meat."));
  add (items, _("Cooking oil 25–30 g a day; steam, boil or stew rather than fry."));
  if (f->diabetes)
    add (items, _("No added sugar, sweet drinks or desserts; eat at regular times, vegetables first and staple food last."));
  else
    add (items, _("Added sugar less than 50 g a day, better less than 25 g; no sweet drinks."));

  if (f->alcohol_liang > 0)
    add (items, _("Alcohol: stop drinking; if you cannot, no more than 1 liang of spirits (or 1 bottle of beer) a day, never on an empty stomach."));
  else
    add (items, _("Alcohol: keep not drinking."));
  if (f->cigarettes > 0)
    add (items, _("Smoking: stop smoking (now %d a day); the clinic can help you quit."), f->cigarettes);

  if (rx->target_weight_kg > 0)
    add (items, _("Weight: aim for %.1f kg (BMI below 24)."), rx->target_weight_kg);
}

static void
propose_three_reductions (JyLifestyleRx          *rx,
                          const JyLifestyleFacts *f)
{
  GPtrArray *items = rx->items;

  add (items, _("Less salt: under 5 g a day; use a salt spoon, add salt at the end of cooking, use vinegar, garlic or herbs for taste."));
  add (items, _("Less oil: 25–30 g a day; use a measured oil pot; little fried food, fatty meat or pastries."));
  add (items, _("Less sugar: added sugar under 50 g a day, better under 25 g; water instead of sweet drinks."));
  add (items, _("Healthy mouth: brush twice a day with fluoride toothpaste, floss, a dental check-up every year."));
  add (items, _("Healthy weight: keep BMI between 18.5 and 24 and waist under %d cm; weigh yourself every week."),
       g_strcmp0 (f->sex, "2") == 0 ? 85 : 90);
  add (items, _("Healthy bones: milk and soy every day, sunshine and exercise; prevent falls at home."));
}

JyLifestyleRx *
jy_lifestyle_rx_propose (JyLifestyleRxKind       kind,
                         const JyLifestyleFacts *facts)
{
  JyLifestyleRx *rx;
  double bmi;

  g_return_val_if_fail (facts != NULL, NULL);

  rx = g_new0 (JyLifestyleRx, 1);
  rx->kind = kind;
  rx->items = g_ptr_array_new_with_free_func (g_free);
  rx->target_weight_kg = -1;

  bmi = bmi_of (facts->weight_kg, facts->height_cm);
  if (bmi >= BMI_OVERWEIGHT)
    {
      double m = facts->height_cm / 100.0;
      /* First step 5 % down, never below the BMI-24 weight. */
      double step = MAX (facts->weight_kg * 0.95, (BMI_OVERWEIGHT - 0.1) * m * m);

      rx->target_weight_kg = round (step * 10.0) / 10.0;
    }

  switch (kind)
    {
    case JY_LIFESTYLE_RX_EXERCISE:
      propose_exercise (rx, facts);
      break;
    case JY_LIFESTYLE_RX_DIET:
      propose_diet (rx, facts);
      break;
    case JY_LIFESTYLE_RX_THREE_REDUCTIONS:
      propose_three_reductions (rx, facts);
      break;
    default:
      g_assert_not_reached ();
    }

  return rx;
}

void
jy_lifestyle_rx_free (JyLifestyleRx *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->items);
  g_free (self);
}
