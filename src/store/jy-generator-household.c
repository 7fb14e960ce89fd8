/* jy-generator-household.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-data.h"

#include "jy-household.h"

#include <string.h>

/* Who lives with whom: the household planner behind jy-generator.c. The
 * people come from the makers in jy-generator-data.c; every choice is drawn
 * from the same JyGenSource, so the order of calls decides the result. */

/* Households ------------------------------------------------------------------ */

#define OLDEST_AGE           100   /* the last age band's */
#define ADULT_AGE            18
#define MAX_SPOUSE_AGE_GAP   8
#define FAMILY_ATTEMPTS      8
#define ADULT_ATTEMPTS       5

/* Households by size, about the shares of the 2020 census: per hundred
 * households, 5 and 6 making up the 10% of "5 or more"; 2.56 people on
 * average. Households with a child under 18 lean to 3 and more. */
static const struct
{
  guint share;           /* per 100 households */
  guint family_weight;   /* relative, for a household with a minor */
} household_sizes[JY_GEN_MAX_HOUSEHOLD + 1] = {
  [1] = { 25, 0 }, [2] = { 30, 20 }, [3] = { 22, 100 },
  [4] = { 13, 120 }, [5] = { 7, 120 }, [6] = { 3, 120 },
};

#define HOUSEHOLD_MEAN_SIZE_X100 256

/* Who lives with the head: S spouse, C son or daughter, G grandchild,
 * P parent of the head. No in-laws: GB/T 4761 would code a daughter-in-law
 * as 30 女, which reads oddly in a demo. */
typedef struct
{
  guint       size;
  const char *roles;
  guint       weight;
} HouseholdTemplate;

/* Built around a minor, who takes the first C or G: single parents and
 * grandparents raising a grandchild (隔代家庭), couples with children, and
 * three generations with the head's parents. */
static const HouseholdTemplate family_templates[] = {
  { 2, "C", 70 },      { 2, "G", 30 },
  { 3, "SC", 80 },     { 3, "SG", 10 },     { 3, "CC", 10 },
  { 4, "SCC", 55 },    { 4, "SCP", 35 },    { 4, "SGG", 10 },
  { 5, "SCCP", 45 },   { 5, "SCPP", 45 },   { 5, "SCCC", 10 },
  { 6, "SCCPP", 70 },  { 6, "SCCCP", 30 },
};

/* Once every minor has a home: people alone, couples, grown children
 * still living with their parents, an old parent living with the head. */
static const HouseholdTemplate adult_templates[] = {
  { 1, "", 100 },
  { 2, "S", 80 },      { 2, "C", 12 },      { 2, "P", 8 },
  { 3, "SC", 75 },     { 3, "SP", 15 },     { 3, "CC", 10 },
  { 4, "SCC", 45 },    { 4, "SCP", 45 },    { 4, "SPP", 10 },
  { 5, "SCCP", 50 },   { 5, "SCPP", 50 },
  { 6, "SCCPP", 100 },
};

/* The people still to place, by sex and age. */
typedef struct
{
  guint count[2][OLDEST_AGE + 1];
  guint n_minors;
  guint n_left;
} AgePool;

typedef struct
{
  JyGenSource *src;
  AgePool      pool;
  int          quota[JY_GEN_MAX_HOUSEHOLD + 1];   /* households of each size still wanted */
  GArray      *members;                           /* of JyGenMember */
  GArray      *first_member;                      /* of guint */
  guint        n_lone_minors;
} Planner;

static void
pool_put (AgePool           *pool,
          const JyGenMember *member)
{
  g_assert (member->sex == 1 || member->sex == 2);
  g_assert (member->age <= OLDEST_AGE);
  pool->count[member->sex - 1][member->age]++;
  pool->n_left++;
  if (member->age < ADULT_AGE)
    pool->n_minors++;
}

/* Takes someone of @sex (0: either) aged @lo to @hi from the pool, each
 * remaining person as likely as the next, so ages keep the pyramid's
 * shape within the range. FALSE if nobody fits. */
static gboolean
pool_take (AgePool     *pool,
           JyGenSource *src,
           int          sex,
           int          lo,
           int          hi,
           JyGenMember *out)
{
  guint total = 0;
  guint r;

  lo = MAX (lo, 0);
  hi = MIN (hi, OLDEST_AGE);
  for (int s = 1; s <= 2; s++)
    if (sex == 0 || sex == s)
      for (int a = lo; a <= hi; a++)
        total += pool->count[s - 1][a];
  if (total == 0)
    return FALSE;

  r = jy_gen_rand_below (src, total);
  for (int s = 1; s <= 2; s++)
    {
      if (sex != 0 && sex != s)
        continue;
      for (int a = lo; a <= hi; a++)
        {
          if (r < pool->count[s - 1][a])
            {
              pool->count[s - 1][a]--;
              pool->n_left--;
              if (a < ADULT_AGE)
                pool->n_minors--;
              out->age = (guint8)a;
              out->sex = (guint8)s;
              out->relation = NULL;
              return TRUE;
            }
          r -= pool->count[s - 1][a];
        }
    }
  g_assert_not_reached ();
}

static int
marriage_age (int sex)
{
  return sex == 1 ? JY_HOUSEHOLD_MARRIAGE_AGE_MALE : JY_HOUSEHOLD_MARRIAGE_AGE_FEMALE;
}

static void
planner_add (Planner           *p,
             const JyGenMember *members,
             guint              n)
{
  g_array_append_val (p->first_member, p->members->len);
  g_array_append_vals (p->members, members, n);
  p->quota[n]--;
}

/* Fills @template from the pool: the head, a spouse of the other sex within
 * eight years and of marriage age, children 20–40 years younger than both,
 * grandchildren 40–75 years younger, parents 20–40 years older than the
 * head (a father and a mother when there are two). @around_minor: a minor
 * takes the template's first C or G, and the others are chosen around them.
 * A missing child, grandchild or parent makes the household smaller; no
 * head or spouse puts everyone back and returns FALSE. */
static gboolean
plan_household (Planner                 *p,
                const HouseholdTemplate *template,
                gboolean                 around_minor)
{
  const char *roles = template->roles;
  const char *anchor_role = around_minor ? strpbrk (roles, "CG") : NULL;
  gboolean married = strchr (roles, 'S') != NULL;
  JyGenMember members[JY_GEN_MAX_HOUSEHOLD];
  JyGenMember anchor = { 0 };
  int anchor_lo = 0;
  int anchor_hi = OLDEST_AGE;
  int head_sex = 0;
  int lo = ADULT_AGE;
  int hi = OLDEST_AGE;
  int older;
  int younger;
  int first_parent = -1;
  guint n = 0;

  g_assert (strlen (roles) + 1 == template->size);
  g_assert (!around_minor || anchor_role != NULL);

  /* Men head most couples' households; women most of the single parents'. */
  if (married)
    head_sex = jy_gen_rand_chance (p->src, 800) ? 1 : 2;
  else if (around_minor)
    head_sex = jy_gen_rand_chance (p->src, 650) ? 2 : 1;

  if (anchor_role != NULL)
    {
      if (!pool_take (&p->pool, p->src, 0, 0, ADULT_AGE - 1, &anchor))
        return FALSE;
      anchor_lo = anchor.age + (*anchor_role == 'C' ? 20 : 40);
      anchor_hi = anchor.age + (*anchor_role == 'C' ? 40 : 75);
      lo = anchor_lo;
      hi = anchor_hi;
    }
  if (married)
    lo = MAX (lo, marriage_age (head_sex));
  /* Whoever still lives with a parent is 70 at most. */
  if (strchr (roles, 'P') != NULL)
    hi = MIN (hi, OLDEST_AGE - 30);

  if (!pool_take (&p->pool, p->src, head_sex, lo, hi, &members[n]))
    goto put_back;
  members[n++].relation = JY_HOUSEHOLD_RELATION_HEAD;
  older = younger = members[0].age;

  if (married)
    {
      int sex = 3 - head_sex;

      lo = MAX (MAX (older - MAX_SPOUSE_AGE_GAP, marriage_age (sex)), anchor_lo);
      hi = MIN (older + MAX_SPOUSE_AGE_GAP, anchor_hi);
      if (!pool_take (&p->pool, p->src, sex, lo, hi, &members[n]))
        goto put_back;
      members[n].relation = JY_HOUSEHOLD_RELATION_SPOUSE;
      older = MAX (older, members[n].age);
      younger = MIN (younger, members[n].age);
      n++;
    }

  for (const char *role = roles; *role != '\0'; role++)
    {
      JyGenMember *member = &members[n];
      int head_age = members[0].age;

      switch (*role)
        {
        case 'C':
          if (role == anchor_role)
            *member = anchor;
          else if (!pool_take (&p->pool, p->src, 0, older - 40, younger - 20, member))
            continue;
          member->relation = member->sex == 1 ? JY_HOUSEHOLD_RELATION_SON
                                              : JY_HOUSEHOLD_RELATION_DAUGHTER;
          break;

        case 'G':
          if (role == anchor_role)
            *member = anchor;
          else if (!pool_take (&p->pool, p->src, 0, older - 75, younger - 40, member))
            continue;
          member->relation = JY_HOUSEHOLD_RELATION_GRANDCHILD;
          break;

        case 'P':
          if (first_parent < 0)
            {
              if (!pool_take (&p->pool, p->src, 0, head_age + 20, head_age + 40, member))
                continue;
              first_parent = (int)n;
            }
          else
            {
              const JyGenMember *other = &members[first_parent];

              if (!pool_take (&p->pool, p->src, 3 - other->sex,
                              MAX (head_age + 20, other->age - MAX_SPOUSE_AGE_GAP),
                              MIN (head_age + 40, other->age + MAX_SPOUSE_AGE_GAP), member))
                continue;
            }
          member->relation = JY_HOUSEHOLD_RELATION_PARENT;
          break;

        case 'S':
        default:
          continue;
        }
      n++;
    }

  planner_add (p, members, n);
  return TRUE;

put_back:
  if (anchor_role != NULL)
    pool_put (&p->pool, &anchor);
  for (guint i = 0; i < n; i++)
    pool_put (&p->pool, &members[i]);
  return FALSE;
}

/* A size with households still wanted, the minors' preference applied. */
static guint
pick_household_size (Planner  *p,
                     gboolean  around_minor)
{
  guint weights[JY_GEN_MAX_HOUSEHOLD + 1] = { 0 };
  guint total = 0;
  guint r;

  for (guint k = 1; k <= JY_GEN_MAX_HOUSEHOLD; k++)
    {
      guint preference = around_minor ? household_sizes[k].family_weight : 1;

      weights[k] = (guint)MAX (p->quota[k], 0) * preference;
      total += weights[k];
    }
  /* Quotas are estimates: past them, keep to the shares. */
  if (total == 0)
    for (guint k = 1; k <= JY_GEN_MAX_HOUSEHOLD; k++)
      {
        guint preference = around_minor ? household_sizes[k].family_weight : 1;

        weights[k] = household_sizes[k].share * preference;
        total += weights[k];
      }

  r = jy_gen_rand_below (p->src, total);
  for (guint k = 1; k <= JY_GEN_MAX_HOUSEHOLD; k++)
    {
      if (r < weights[k])
        return k;
      r -= weights[k];
    }
  g_assert_not_reached ();
}

static const HouseholdTemplate *
pick_template (Planner                 *p,
               const HouseholdTemplate *templates,
               guint                    n_templates,
               guint                    size)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n_templates; i++)
    if (templates[i].size == size)
      total += templates[i].weight;
  g_assert (total > 0);

  r = jy_gen_rand_below (p->src, total);
  for (guint i = 0; i < n_templates; i++)
    {
      if (templates[i].size != size)
        continue;
      if (r < templates[i].weight)
        return &templates[i];
      r -= templates[i].weight;
    }
  g_assert_not_reached ();
}

/* Draws @n_residents ages and sexes from the pyramid, then groups them
 * into households: first one around every minor, so that no child lives
 * alone, then the adults left. Household sizes follow the city's shares
 * through per-size quotas; a household that cannot be filled is tried with
 * another shape, and an adult nobody fits lives alone. The households come
 * out shuffled, so families and single people mix in archive order. */
void
jy_gen_plan_households (JyGenSource     *self,
                        guint            n_residents,
                        JyGenHouseholds *out)
{
  Planner p = { .src = self };
  g_autofree guint *order = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GArray) first_member = NULL;
  guint n_households;
  guint n_lone_adults = 0;

  g_return_if_fail (out != NULL);

  for (guint k = 1; k <= JY_GEN_MAX_HOUSEHOLD; k++)
    p.quota[k] = (int)(((guint64)household_sizes[k].share * n_residents +
                        HOUSEHOLD_MEAN_SIZE_X100 / 2) / HOUSEHOLD_MEAN_SIZE_X100);

  for (guint i = 0; i < n_residents; i++)
    {
      JyGenMember person = { 0 };

      person.age = (guint8)jy_gen_pick_age (self);
      person.sex = (guint8)jy_gen_pick_sex (self, person.age);
      pool_put (&p.pool, &person);
    }

  p.members = members = g_array_sized_new (FALSE, FALSE, sizeof (JyGenMember), n_residents);
  p.first_member = first_member = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                                     n_residents / 2 + 1);

  while (p.pool.n_minors > 0)
    {
      guint size = pick_household_size (&p, TRUE);
      gboolean placed = FALSE;

      for (guint attempt = 0; attempt < FAMILY_ATTEMPTS && !placed; attempt++)
        placed = plan_household (&p, pick_template (&p, family_templates,
                                                    G_N_ELEMENTS (family_templates), size),
                                 TRUE);
      if (!placed)
        {
          JyGenMember minor;
          gboolean taken;

          /* Nobody of a parent's age left: in practice never. */
          taken = pool_take (&p.pool, self, 0, 0, ADULT_AGE - 1, &minor);
          g_assert (taken);
          minor.relation = JY_HOUSEHOLD_RELATION_HEAD;
          planner_add (&p, &minor, 1);
          p.n_lone_minors++;
        }
    }

  while (p.pool.n_left > 0)
    {
      guint size = pick_household_size (&p, FALSE);
      gboolean placed = FALSE;

      for (guint attempt = 0; attempt < ADULT_ATTEMPTS && !placed; attempt++)
        placed = plan_household (&p, pick_template (&p, adult_templates,
                                                    G_N_ELEMENTS (adult_templates), size),
                                 FALSE);
      if (!placed)
        {
          JyGenMember adult;
          gboolean taken;

          taken = pool_take (&p.pool, self, 0, 0, OLDEST_AGE, &adult);
          g_assert (taken);
          adult.relation = JY_HOUSEHOLD_RELATION_HEAD;
          planner_add (&p, &adult, 1);
          n_lone_adults++;
        }
    }

  /* Shuffle whole households into the output. */
  n_households = first_member->len;
  g_array_append_val (first_member, members->len);
  order = g_new (guint, MAX (n_households, 1));
  for (guint h = 0; h < n_households; h++)
    order[h] = h;
  jy_gen_shuffle (self, order, n_households);

  out->members = g_new (JyGenMember, MAX (members->len, 1));
  out->first_member = g_new (guint, n_households + 1);
  out->n_households = n_households;
  out->n_members = members->len;
  out->first_member[0] = 0;
  for (guint h = 0; h < n_households; h++)
    {
      guint from = g_array_index (first_member, guint, order[h]);
      guint to = g_array_index (first_member, guint, order[h] + 1);

      memcpy (&out->members[out->first_member[h]], &g_array_index (members, JyGenMember, from),
              (to - from) * sizeof (JyGenMember));
      out->first_member[h + 1] = out->first_member[h] + (to - from);
    }

  g_debug ("planned %u households for %u residents; %u minors and %u adults placed alone "
           "as a last resort", n_households, n_residents, p.n_lone_minors, n_lone_adults);
}

void
jy_gen_households_clear (JyGenHouseholds *self)
{
  g_clear_pointer (&self->members, g_free);
  g_clear_pointer (&self->first_member, g_free);
  self->n_households = 0;
  self->n_members = 0;
}
