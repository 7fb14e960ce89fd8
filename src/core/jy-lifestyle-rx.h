/* jy-lifestyle-rx.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Non-drug prescriptions (非药物处方, domain.md §3.8): a template
 * personalised from what the doctor knows about the patient, as a list
 * of plain sentences the doctor may edit before printing. */

typedef enum
{
  JY_LIFESTYLE_RX_EXERCISE,          /* 运动处方 */
  JY_LIFESTYLE_RX_DIET,              /* 饮食处方 */
  JY_LIFESTYLE_RX_THREE_REDUCTIONS,  /* 三减三健 */
} JyLifestyleRxKind;

/* What the proposal is based on. Numbers not known are negative. */
typedef struct
{
  const char *sex;              /* GB/T 2261.1 */
  int         age;              /* full years */
  double      height_cm;
  double      weight_kg;
  double      waist_cm;
  int         sbp;
  int         dbp;
  double      glucose;          /* latest fasting or random, mmol/L */
  gboolean    hypertension;
  gboolean    diabetes;
  gboolean    recent_hypoglycaemia;
  int         cigarettes;       /* per day */
  double      alcohol_liang;    /* spirits equivalent per day */
} JyLifestyleFacts;

typedef struct
{
  JyLifestyleRxKind kind;
  /* Exercise is put off while BP ≥ 180/110 or glucose > 16.7 (or after a
   * recent hypoglycaemia): the items then say what to do instead. */
  gboolean          deferred;
  int               energy_kcal;   /* diet: daily energy target, else 0 */
  int               staple_g;      /* diet: staple food, raw weight g/day, else 0 */
  double            target_weight_kg; /* upper weight for BMI < 24, or -1 */
  GPtrArray        *items;         /* char *, translated sentences in order */
} JyLifestyleRx;

const char    *jy_lifestyle_rx_kind_title (JyLifestyleRxKind       kind); /* English msgid */
JyLifestyleRx *jy_lifestyle_rx_propose    (JyLifestyleRxKind       kind,
                                           const JyLifestyleFacts *facts);
void           jy_lifestyle_rx_free       (JyLifestyleRx          *self);

/* Daily energy for light activity: ideal weight (height − 105 kg) ×
 * kcal/kg by BMI class; 0 if height is unknown. */
int            jy_lifestyle_energy_kcal   (double height_cm,
                                           double weight_kg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyLifestyleRx, jy_lifestyle_rx_free)

G_END_DECLS
