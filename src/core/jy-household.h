/* jy-household.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Relation to the head of household (与户主关系), stored as the two-digit
 * group codes of GB/T 4761-2008 (家庭关系代码) in resident.relation_to_head.
 * Each group also covers its detailed codes: 20 子 includes 28 女婿 and
 * 27 养子或继子, 30 女 includes 38 儿媳, 50 父母 includes 53–56 公婆/岳父母,
 * 80 其他 covers 81–97 (伯叔舅姨姑, 堂表兄弟姐妹, 侄, 外甥). Only the group
 * codes are valid here; an importer maps detailed codes to their group
 * (mind that 90–97 belong to 80). */
#define JY_HOUSEHOLD_RELATION_SELF           "01"   /* 本人 */
#define JY_HOUSEHOLD_RELATION_HEAD           "02"   /* 户主 */
#define JY_HOUSEHOLD_RELATION_SPOUSE         "10"   /* 配偶 */
#define JY_HOUSEHOLD_RELATION_SON            "20"   /* 子 */
#define JY_HOUSEHOLD_RELATION_DAUGHTER       "30"   /* 女 */
#define JY_HOUSEHOLD_RELATION_GRANDCHILD     "40"   /* 孙子、孙女、外孙子、外孙女 */
#define JY_HOUSEHOLD_RELATION_PARENT         "50"   /* 父母 */
#define JY_HOUSEHOLD_RELATION_GRANDPARENT    "60"   /* 祖父母、外祖父母 */
#define JY_HOUSEHOLD_RELATION_SIBLING        "70"   /* 兄、弟、姐、妹 (and their spouses) */
#define JY_HOUSEHOLD_RELATION_OTHER_RELATIVE "80"   /* 其他 (亲属) */
#define JY_HOUSEHOLD_RELATION_NON_RELATIVE   "99"   /* 非亲属 */

/* Legal marriage age in full years (民法典 第一千零四十七条). */
#define JY_HOUSEHOLD_MARRIAGE_AGE_MALE   22
#define JY_HOUSEHOLD_MARRIAGE_AGE_FEMALE 20

/* What jy_household_check() found; several can be set at once. */
typedef enum
{
  JY_HOUSEHOLD_PROBLEM_NONE                     = 0,
  /* Nobody is the head (02, or 01 本人: both name the reference person). */
  JY_HOUSEHOLD_PROBLEM_NO_HEAD                  = 1 << 0,
  JY_HOUSEHOLD_PROBLEM_SEVERAL_HEADS            = 1 << 1,
  JY_HOUSEHOLD_PROBLEM_SEVERAL_SPOUSES          = 1 << 2,
  /* The spouse, or the head of a household with a spouse, is younger than
   * the legal marriage age (22 men, 20 women; 20 when sex is unknown). */
  JY_HOUSEHOLD_PROBLEM_UNDER_MARRIAGE_AGE       = 1 << 3,
  /* A son or daughter (20, 30) born before the head. */
  JY_HOUSEHOLD_PROBLEM_CHILD_OLDER_THAN_HEAD    = 1 << 4,
  /* A parent (50) born after the head. */
  JY_HOUSEHOLD_PROBLEM_PARENT_YOUNGER_THAN_HEAD = 1 << 5,
  /* A member's relation is missing or not one of the codes above. */
  JY_HOUSEHOLD_PROBLEM_INVALID_RELATION         = 1 << 6,
} JyHouseholdProblem;

typedef struct
{
  const char  *relation;   /* GB/T 4761 group code; NULL if not recorded */
  const char  *sex;        /* GB/T 2261.1 as stored: "1" male, "2" female; else unknown */
  const GDate *birth;      /* NULL if unknown */
} JyHouseholdMember;

const char *const  *jy_household_relation_codes    (void);
gboolean            jy_household_relation_is_valid (const char              *code);
const char         *jy_household_relation_english  (const char              *code);
JyHouseholdProblem  jy_household_check             (const JyHouseholdMember *members,
                                                    guint                    n_members,
                                                    const GDate             *reference);

G_END_DECLS
