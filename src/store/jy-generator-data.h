/* jy-generator-data.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Private to src/store/: the word lists behind jy-generator.c, the
 * makers of one synthetic value each (a name, a birth date, an ID number…;
 * jy-generator-data.c) and the plan of who lives with whom
 * (jy-generator-household.c). No database here. Every choice is drawn
 * from the GRand in JyGenSource, so the order of calls decides the result. */

/* The fictional district: the province prefix is real (Fujian), the city
 * and county codes are unused in GB/T 2260. */
#define JY_GEN_PROVINCE_CODE "350000"
#define JY_GEN_PROVINCE_NAME "福建省"
#define JY_GEN_CITY_CODE     "359900"
#define JY_GEN_CITY_NAME     "鹭湾市"
#define JY_GEN_COUNTY_CODE   "359902"
#define JY_GEN_COUNTY_NAME   "海滨区"

/* Place-name pools: strings of 2-character stems, every character 3 bytes
 * of UTF-8 (CJK in the BMP), so stem i starts at byte 6 * i. No stem is
 * in two pools, so a street, a community and a road never share a name
 * by accident. */
#define JY_GEN_STEM_BYTES 6
extern const char jy_gen_street_stems[];
extern const char jy_gen_community_stems[];

typedef struct
{
  GRand      *rand;
  GHashTable *famous;      /* names not to generate */
  GHashTable *used_ids;    /* first 17 digits of ID numbers given out, as gint64 */
  gint64     *id_keys;     /* storage for used_ids' keys */
  guint       n_id_keys;
  guint       max_id_keys;
  guint       surname_total;
  guint       minority_total;
  guint       mobile_total;
  guint       road_suffix_total;
} JyGenSource;

void        jy_gen_source_init         (JyGenSource   *self,
                                        guint32        seed,
                                        guint          max_id_numbers);
void        jy_gen_source_clear        (JyGenSource   *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JyGenSource, jy_gen_source_clear)

static inline guint
jy_gen_rand_below (JyGenSource *self,
                   guint        n)
{
  g_assert (n > 0 && n <= G_MAXINT32);
  return (guint)g_rand_int_range (self->rand, 0, (gint32)n);
}

static inline guint
jy_gen_rand_between (JyGenSource *self,
                     guint        lo,
                     guint        hi)
{
  return lo + jy_gen_rand_below (self, hi - lo + 1);
}

/* TRUE with probability @per_mille / 1000. */
static inline gboolean
jy_gen_rand_chance (JyGenSource *self,
                    guint        per_mille)
{
  return jy_gen_rand_below (self, 1000) < per_mille;
}

void        jy_gen_shuffle             (JyGenSource   *self,
                                        guint         *items,
                                        guint          n);
void        jy_gen_make_uuid           (JyGenSource   *self,
                                        char           out[37]);
void        jy_gen_make_mobile         (JyGenSource   *self,
                                        char           out[12]);
const char *jy_gen_pick_surname        (JyGenSource   *self);
void        jy_gen_make_name           (JyGenSource   *self,
                                        const char    *surname,
                                        int            sex,
                                        int            birth_year,
                                        GString       *out);
guint       jy_gen_pick_age            (JyGenSource   *self);
int         jy_gen_pick_sex            (JyGenSource   *self,
                                        guint          age);
void        jy_gen_make_birth_date     (JyGenSource   *self,
                                        const GDate   *reference,
                                        guint          age,
                                        GDate         *out);
gboolean    jy_gen_make_id_number      (JyGenSource   *self,
                                        int            sex,
                                        const GDate   *birth,
                                        gboolean       registered_here,
                                        char           out[19],
                                        GError       **error);
const char *jy_gen_pick_ethnicity      (JyGenSource   *self);
void        jy_gen_make_road           (JyGenSource   *self,
                                        GString       *out);
void        jy_gen_make_address_detail (JyGenSource   *self,
                                        const char    *road,
                                        GString       *out);

/* Households: who lives with whom (jy-generator-household.c). */
#define JY_GEN_MAX_HOUSEHOLD 6

typedef struct
{
  guint8      age;        /* full years on the reference date */
  guint8      sex;        /* GB/T 2261.1: 1 or 2 */
  const char *relation;   /* to the head, JY_HOUSEHOLD_RELATION_* (static) */
} JyGenMember;

typedef struct
{
  JyGenMember *members;        /* household after household, the head first */
  guint       *first_member;   /* household h is members[first_member[h]] up to
                                * members[first_member[h + 1]] (excluded) */
  guint        n_households;
  guint        n_members;
} JyGenHouseholds;

void        jy_gen_plan_households     (JyGenSource     *self,
                                        guint            n_residents,
                                        JyGenHouseholds *out);
void        jy_gen_households_clear    (JyGenHouseholds *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JyGenHouseholds, jy_gen_households_clear)

G_END_DECLS
