/* jy-household.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-household.h"

#include "jy-person.h"

#include <glib/gi18n.h>

/* The GB/T 4761-2008 groups in the standard's own order: direct before
 * collateral, near before far. English labels are only marked here; the
 * gui translates them with _(). */
static const struct
{
  const char *code;
  const char *english;
} relations[] = {
  /* Translators: relation to the head of household, GB/T 4761 code 01 本人 */
  { JY_HOUSEHOLD_RELATION_SELF, N_("Self") },
  /* Translators: relation to the head of household, GB/T 4761 code 02 户主 */
  { JY_HOUSEHOLD_RELATION_HEAD, N_("Head of household") },
  /* Translators: relation to the head of household, GB/T 4761 code 10 配偶 */
  { JY_HOUSEHOLD_RELATION_SPOUSE, N_("Spouse") },
  /* Translators: relation to the head of household, GB/T 4761 code 20 子
   * (also covers son-in-law 女婿, adopted son and stepson) */
  { JY_HOUSEHOLD_RELATION_SON, N_("Son") },
  /* Translators: relation to the head of household, GB/T 4761 code 30 女
   * (also covers daughter-in-law 儿媳, adopted daughter and stepdaughter) */
  { JY_HOUSEHOLD_RELATION_DAUGHTER, N_("Daughter") },
  /* Translators: relation to the head of household, GB/T 4761 code 40
   * 孙子、孙女、外孙子、外孙女 */
  { JY_HOUSEHOLD_RELATION_GRANDCHILD, N_("Grandchild") },
  /* Translators: relation to the head of household, GB/T 4761 code 50 父母
   * (also covers parents-in-law) */
  { JY_HOUSEHOLD_RELATION_PARENT, N_("Parent") },
  /* Translators: relation to the head of household, GB/T 4761 code 60
   * 祖父母、外祖父母 */
  { JY_HOUSEHOLD_RELATION_GRANDPARENT, N_("Grandparent") },
  /* Translators: relation to the head of household, GB/T 4761 code 70
   * 兄、弟、姐、妹 (also their spouses) */
  { JY_HOUSEHOLD_RELATION_SIBLING, N_("Sibling") },
  /* Translators: relation to the head of household, GB/T 4761 code 80 其他:
   * uncles, aunts, cousins, nephews, nieces */
  { JY_HOUSEHOLD_RELATION_OTHER_RELATIVE, N_("Other relative") },
  /* Translators: relation to the head of household, GB/T 4761 code 99 非亲属 */
  { JY_HOUSEHOLD_RELATION_NON_RELATIVE, N_("Not related") },
};

static const char *const codes[] = {
  JY_HOUSEHOLD_RELATION_SELF,
  JY_HOUSEHOLD_RELATION_HEAD,
  JY_HOUSEHOLD_RELATION_SPOUSE,
  JY_HOUSEHOLD_RELATION_SON,
  JY_HOUSEHOLD_RELATION_DAUGHTER,
  JY_HOUSEHOLD_RELATION_GRANDCHILD,
  JY_HOUSEHOLD_RELATION_PARENT,
  JY_HOUSEHOLD_RELATION_GRANDPARENT,
  JY_HOUSEHOLD_RELATION_SIBLING,
  JY_HOUSEHOLD_RELATION_OTHER_RELATIVE,
  JY_HOUSEHOLD_RELATION_NON_RELATIVE,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (codes) == G_N_ELEMENTS (relations) + 1);

/* Returns the codes in display order, NULL-terminated; static. */
const char *const *
jy_household_relation_codes (void)
{
  return codes;
}

gboolean
jy_household_relation_is_valid (const char *code)
{
  return jy_household_relation_english (code) != NULL;
}

/* Returns the untranslated English label of @code (static; pass it to _()
 * to show it), or NULL if @code is not a valid relation. */
const char *
jy_household_relation_english (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    if (g_str_equal (relations[i].code, code))
      return relations[i].english;

  return NULL;
}

static gboolean
is_head (const char *relation)
{
  return g_strcmp0 (relation, JY_HOUSEHOLD_RELATION_HEAD) == 0 ||
         g_strcmp0 (relation, JY_HOUSEHOLD_RELATION_SELF) == 0;
}

static gboolean
is_under_marriage_age (const JyHouseholdMember *member,
                       const GDate             *reference)
{
  int minimum = g_strcmp0 (member->sex, "1") == 0 ? JY_HOUSEHOLD_MARRIAGE_AGE_MALE
                                                 : JY_HOUSEHOLD_MARRIAGE_AGE_FEMALE;

  if (member->birth == NULL || !g_date_valid (member->birth))
    return FALSE;
  return jy_person_age_on (member->birth, reference) < minimum;
}

/* Checks that @members (everyone sharing one household_id) make a
 * household: exactly one head, at most one spouse, a married couple of
 * legal age on @reference, no son or daughter older than the head and no
 * parent younger. A rule needing a birth date skips members without one;
 * the age-order rules need exactly one head with a birth date. Several
 * problems can be returned together. */
JyHouseholdProblem
jy_household_check (const JyHouseholdMember *members,
                    guint                    n_members,
                    const GDate             *reference)
{
  JyHouseholdProblem problems = JY_HOUSEHOLD_PROBLEM_NONE;
  const JyHouseholdMember *head = NULL;
  guint n_heads = 0;
  guint n_spouses = 0;

  g_return_val_if_fail (members != NULL || n_members == 0, JY_HOUSEHOLD_PROBLEM_NONE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), JY_HOUSEHOLD_PROBLEM_NONE);

  for (guint i = 0; i < n_members; i++)
    {
      const JyHouseholdMember *member = &members[i];

      if (!jy_household_relation_is_valid (member->relation))
        {
          problems |= JY_HOUSEHOLD_PROBLEM_INVALID_RELATION;
        }
      else if (is_head (member->relation))
        {
          head = member;
          n_heads++;
        }
      else if (g_str_equal (member->relation, JY_HOUSEHOLD_RELATION_SPOUSE))
        {
          n_spouses++;
          if (is_under_marriage_age (member, reference))
            problems |= JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE;
        }
    }

  if (n_heads == 0)
    problems |= JY_HOUSEHOLD_PROBLEM_NO_HEAD;
  else if (n_heads > 1)
    problems |= JY_HOUSEHOLD_PROBLEM_SEVERAL_HEADS;
  if (n_spouses > 1)
    problems |= JY_HOUSEHOLD_PROBLEM_SEVERAL_SPOUSES;

  if (n_heads != 1 || head->birth == NULL || !g_date_valid (head->birth))
    return problems;

  /* The head of a household with a spouse is married too. */
  if (n_spouses > 0 && is_under_marriage_age (head, reference))
    problems |= JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE;

  for (guint i = 0; i < n_members; i++)
    {
      const JyHouseholdMember *member = &members[i];
      const char *relation = member->relation;

      if (member->birth == NULL || !g_date_valid (member->birth) || relation == NULL)
        continue;

      if ((g_str_equal (relation, JY_HOUSEHOLD_RELATION_SON) ||
           g_str_equal (relation, JY_HOUSEHOLD_RELATION_DAUGHTER)) &&
          g_date_compare (member->birth, head->birth) < 0)
        {
          problems |= JY_HOUSEHOLD_PROBLEM_CHILD_OLDER_THAN_HEAD;
        }
      else if (g_str_equal (relation, JY_HOUSEHOLD_RELATION_PARENT) &&
               g_date_compare (member->birth, head->birth) > 0)
        {
          problems |= JY_HOUSEHOLD_PROBLEM_PARENT_YOUNGER_THAN_HEAD;
        }
    }

  return problems;
}
