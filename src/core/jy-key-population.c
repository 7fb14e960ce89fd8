/* jy-key-population.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-key-population.h"

#include "jy-person.h"

/* Stored in resident_tag.tag; never change a shipped code. */
static const char *const codes[JY_KEY_POPULATION_N] = {
  [JY_KEY_POPULATION_ELDERLY] = "elderly",
  [JY_KEY_POPULATION_CHILD] = "child",
  [JY_KEY_POPULATION_PREGNANT] = "pregnant",
  [JY_KEY_POPULATION_HYPERTENSION] = "hypertension",
  [JY_KEY_POPULATION_DIABETES] = "diabetes",
  [JY_KEY_POPULATION_MENTAL] = "severe-mental-disorder",
  [JY_KEY_POPULATION_TUBERCULOSIS] = "tuberculosis",
  [JY_KEY_POPULATION_DISABLED] = "disabled",
  [JY_KEY_POPULATION_FAMILY_PLANNING] = "family-planning-special",
  [JY_KEY_POPULATION_LOW_INCOME] = "low-income",
};

const char *
jy_key_population_to_string (JyKeyPopulation tag)
{
  g_return_val_if_fail (tag < JY_KEY_POPULATION_N, NULL);
  return codes[tag];
}

gboolean
jy_key_population_from_string (const char      *code,
                               JyKeyPopulation *out)
{
  for (guint i = 0; i < JY_KEY_POPULATION_N; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      {
        *out = (JyKeyPopulation)i;
        return TRUE;
      }
  return FALSE;
}

gboolean
jy_key_population_is_manual (JyKeyPopulation tag)
{
  switch (tag)
    {
    case JY_KEY_POPULATION_PREGNANT:
    case JY_KEY_POPULATION_MENTAL:
    case JY_KEY_POPULATION_TUBERCULOSIS:
    case JY_KEY_POPULATION_FAMILY_PLANNING:
    case JY_KEY_POPULATION_LOW_INCOME:
      return TRUE;
    case JY_KEY_POPULATION_ELDERLY:
    case JY_KEY_POPULATION_CHILD:
    case JY_KEY_POPULATION_HYPERTENSION:
    case JY_KEY_POPULATION_DIABETES:
    case JY_KEY_POPULATION_DISABLED:
    case JY_KEY_POPULATION_N:
    default:
      return FALSE;
    }
}

/* Start and end both count: a tag ending today still applies today. */
static gboolean
manual_tag_applies (const JyManualTag *tag,
                    const GDate       *reference)
{
  if (!g_date_valid (&tag->start) || g_date_compare (&tag->start, reference) > 0)
    return FALSE;
  return !g_date_valid (&tag->end) || g_date_compare (reference, &tag->end) <= 0;
}

/* Returns the set of key populations (JY_KEY_POPULATION_BIT) the resident
 * belongs to on @reference. Any non-zero result counts the resident once
 * in a "key population" total, however many bits are set. */
guint32
jy_key_population_derive (const JyKeyPopulationFacts *facts,
                          const GDate                *reference,
                          JyElderlyRule               rule)
{
  guint32 mask = 0;

  g_return_val_if_fail (facts != NULL, 0);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), 0);

  if (facts->birth != NULL && g_date_valid (facts->birth) &&
      g_date_compare (facts->birth, reference) <= 0)
    {
      int age = jy_person_age_on (facts->birth, reference);
      gboolean elderly;

      if (rule == JY_ELDERLY_RULE_ANNUAL)
        elderly = g_date_get_year (facts->birth) <= g_date_get_year (reference) - 65;
      else
        elderly = age >= 65;

      if (elderly)
        mask |= JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_ELDERLY);
      if (age < 7)
        mask |= JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_CHILD);
    }

  if (facts->hypertension)
    mask |= JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_HYPERTENSION);
  if (facts->diabetes)
    mask |= JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_DIABETES);
  if (facts->disabled)
    mask |= JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_DISABLED);

  for (guint i = 0; i < facts->n_manual; i++)
    {
      const JyManualTag *tag = &facts->manual[i];

      /* A derived kind set by hand is ignored: it follows the record. */
      if (tag->tag < JY_KEY_POPULATION_N && jy_key_population_is_manual (tag->tag) &&
          manual_tag_applies (tag, reference))
        mask |= JY_KEY_POPULATION_BIT (tag->tag);
    }

  return mask;
}
