/* jy-key-population.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Key populations (重点人群, domain.md §1.4). Some are derived from the
 * record, the others are set by hand with start and end dates. */
typedef enum
{
  JY_KEY_POPULATION_ELDERLY,
  JY_KEY_POPULATION_CHILD,
  JY_KEY_POPULATION_PREGNANT,
  JY_KEY_POPULATION_HYPERTENSION,
  JY_KEY_POPULATION_DIABETES,
  JY_KEY_POPULATION_MENTAL,
  JY_KEY_POPULATION_TUBERCULOSIS,
  JY_KEY_POPULATION_DISABLED,
  JY_KEY_POPULATION_FAMILY_PLANNING,
  JY_KEY_POPULATION_LOW_INCOME,
  JY_KEY_POPULATION_N
} JyKeyPopulation;

#define JY_KEY_POPULATION_BIT(tag) (1u << (tag))

/* How "65+" is counted (configurable; domain.md default: the annual rule). */
typedef enum
{
  /* Born on or before 31 Dec of (reference year − 65): the whole year's cohort. */
  JY_ELDERLY_RULE_ANNUAL,
  /* Full age ≥ 65 on the reference date. */
  JY_ELDERLY_RULE_EXACT_AGE,
} JyElderlyRule;

typedef struct
{
  JyKeyPopulation tag;
  GDate           start;
  GDate           end;     /* invalid (g_date_clear) = still open */
} JyManualTag;

typedef struct
{
  const GDate       *birth;          /* NULL if unknown */
  gboolean           hypertension;   /* active HTN enrolment */
  gboolean           diabetes;       /* active T2DM enrolment */
  gboolean           disabled;       /* disability code ≠ 1 or a certificate */
  const JyManualTag *manual;
  guint              n_manual;
} JyKeyPopulationFacts;

const char *jy_key_population_to_string   (JyKeyPopulation              tag);
gboolean    jy_key_population_from_string (const char                  *code,
                                           JyKeyPopulation             *out);
gboolean    jy_key_population_is_manual   (JyKeyPopulation              tag);
guint32     jy_key_population_derive      (const JyKeyPopulationFacts  *facts,
                                           const GDate                 *reference,
                                           JyElderlyRule                rule);

G_END_DECLS
