/* jy-service-package.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-service-package.h"

#include "jy-key-population.h"
#include "jy-person.h"

#include <glib/gi18n.h>
#include <string.h>

#define YUAN(y) ((gint64)(y) * 100)
#define KP(tag) JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_##tag)

/* The seed catalogue (domain.md §2.4). Codes are stored; never change a
 * shipped one. Fees, quantities and contents are the documented examples
 * (configurable): the store copies this into service_package on first
 * run and a centre edits its own rows from then on. Names and item names
 * are only marked here; the gui translates them with _(). */

static const JyPackageItem basic_items[] = {
  /* Translators: a service of the basic family-doctor package */
  { "health-record", N_("Health record kept up to date"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the basic family-doctor package */
  { "health-education", N_("Health education"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the basic family-doctor package, 主动联系 */
  { "proactive-contact", N_("Proactive contact every quarter"), JY_ITEM_DUE_OWN_SCHEDULE, 1, 0 },
  /* Translators: a service of the basic family-doctor package */
  { "chronic-followup", N_("Hypertension and diabetes follow-ups"), JY_ITEM_DUE_OWN_SCHEDULE, 4,
    KP (HYPERTENSION) | KP (DIABETES) },
  /* Translators: a service of the basic family-doctor package, for residents aged 65 and over */
  { "elderly-annual-check", N_("Annual health check for people aged 65 and over"),
    JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, KP (ELDERLY) },
  /* Translators: a service of the basic family-doctor package, 中医体质辨识 */
  { "tcm-constitution", N_("TCM constitution identification"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1,
    KP (ELDERLY) },
  /* Translators: a service of the basic family-doctor package */
  { "vaccination-maternal-child", N_("Vaccination and maternal and child health services"),
    JY_ITEM_DUE_ON_REQUEST, 0, KP (CHILD) | KP (PREGNANT) },
  /* Translators: a service of the basic family-doctor package */
  { "consultation", N_("Medical consultation"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the basic family-doctor package */
  { "referral-priority", N_("Priority appointments and referrals"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the basic family-doctor package, 长期处方 */
  { "long-prescription", N_("Long prescriptions"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the basic family-doctor package */
  { "medication-guidance", N_("Medication guidance"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
};

static const JyPackageItem elderly_items[] = {
  /* Translators: a service of the elderly package */
  { "elderly-extra-tests", N_("Extra tests with the annual check, such as carotid ultrasound"),
    JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
  /* Translators: a service of a family-doctor package */
  { "home-visit", N_("Home visits"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 2, 0 },
  /* Translators: a service of the elderly package */
  { "cognitive-screen", N_("Cognitive screening"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
};

static const JyPackageItem hypertension_items[] = {
  /* Translators: a service of the hypertension package */
  { "lipid-renal-tests", N_("Lipid and renal function tests"), JY_ITEM_DUE_PER_QUARTER, 1, 0 },
  /* Translators: a service of the hypertension package */
  { "ecg", N_("Electrocardiogram"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
  /* Translators: a service of the hypertension package */
  { "bp-monitor-loan", N_("Loan of a home blood pressure monitor"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the hypertension and diabetes packages */
  { "specialist-review", N_("Review by a specialist"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
};

static const JyPackageItem diabetes_items[] = {
  /* Translators: a service of the diabetes package */
  { "hba1c", N_("HbA1c test"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 2, 0 },
  /* Translators: a service of the diabetes package */
  { "fundus-photo", N_("Fundus photography"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
  /* Translators: a service of the diabetes package */
  { "foot-exam", N_("Diabetic foot examination"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
  /* Translators: a service of the diabetes package */
  { "glucose-strips", N_("Blood glucose test strips"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
};

static const JyPackageItem child_items[] = {
  /* Translators: a service of the children's package */
  { "growth-review", N_("Growth and development review"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 2, 0 },
  /* Translators: a service of the children's package */
  { "nutrition-advice", N_("Nutrition advice"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
  /* Translators: a service of the children's package */
  { "vision-screen", N_("Vision screening"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
};

static const JyPackageItem maternal_items[] = {
  /* Translators: a service of the maternal package */
  { "antenatal-extra", N_("Extra antenatal contacts"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 2, 0 },
  /* Translators: a service of the maternal package; they follow the delivery date */
  { "postpartum-home-visit", N_("Postpartum home visits"), JY_ITEM_DUE_OWN_SCHEDULE, 2, 0 },
  /* Translators: a service of the maternal package */
  { "breastfeeding-support", N_("Breastfeeding support"), JY_ITEM_DUE_ON_REQUEST, 0, 0 },
};

static const JyPackageItem disabled_items[] = {
  /* Translators: a service of the package for people with disabilities */
  { "home-rehabilitation", N_("Home rehabilitation guidance"),
    JY_ITEM_DUE_PER_CONTRACT_YEAR, 4, 0 },
  /* Translators: a service of the package for people with disabilities */
  { "assistive-device-assessment", N_("Assistive device assessment"),
    JY_ITEM_DUE_PER_CONTRACT_YEAR, 1, 0 },
  /* Translators: a service of a family-doctor package */
  { "home-visit", N_("Home visits"), JY_ITEM_DUE_PER_CONTRACT_YEAR, 2, 0 },
};

static const JyServicePackage seed_packages[] = {
  {
    /* Translators: 基础包, the free basic family-doctor package */
    JY_SERVICE_PACKAGE_BASIC, N_("Basic package"), JY_SERVICE_PACKAGE_KIND_BASIC,
    /* §2.4 example default: 120 元/年 = 医保 70 + 公卫 40 + 个人 10. */
    { YUAN (70), YUAN (40), YUAN (10) }, -1, -1, JY_SEX_REQUIREMENT_ANY, 0,
    basic_items, G_N_ELEMENTS (basic_items),
  },
  {
    /* Translators: 老年人服务包 */
    "elderly", N_("Elderly package"), JY_SERVICE_PACKAGE_KIND_PERSONALISED,
    { 0, 0, YUAN (200) }, 65, -1, JY_SEX_REQUIREMENT_ANY, 0,
    elderly_items, G_N_ELEMENTS (elderly_items),
  },
  {
    /* Translators: 高血压服务包 */
    "hypertension", N_("Hypertension package"), JY_SERVICE_PACKAGE_KIND_PERSONALISED,
    { 0, 0, YUAN (140) }, -1, -1, JY_SEX_REQUIREMENT_ANY, KP (HYPERTENSION),
    hypertension_items, G_N_ELEMENTS (hypertension_items),
  },
  {
    /* Translators: 糖尿病服务包 */
    "diabetes", N_("Diabetes package"), JY_SERVICE_PACKAGE_KIND_PERSONALISED,
    { 0, 0, YUAN (200) }, -1, -1, JY_SEX_REQUIREMENT_ANY, KP (DIABETES),
    diabetes_items, G_N_ELEMENTS (diabetes_items),
  },
  {
    /* Translators: 儿童服务包, for children aged 0–6 */
    "child", N_("Children's package"), JY_SERVICE_PACKAGE_KIND_PERSONALISED,
    { 0, 0, YUAN (100) }, 0, 6, JY_SEX_REQUIREMENT_ANY, 0,
    child_items, G_N_ELEMENTS (child_items),
  },
  {
    /* Translators: 孕产妇服务包 */
    "maternal", N_("Maternal package"), JY_SERVICE_PACKAGE_KIND_PERSONALISED,
    { 0, 0, YUAN (200) }, -1, -1, JY_SEX_REQUIREMENT_FEMALE, KP (PREGNANT),
    maternal_items, G_N_ELEMENTS (maternal_items),
  },
  {
    /* Translators: 残疾人服务包 */
    "disabled", N_("Disability package"), JY_SERVICE_PACKAGE_KIND_PERSONALISED,
    { 0, 0, YUAN (100) }, -1, -1, JY_SEX_REQUIREMENT_ANY, KP (DISABLED),
    disabled_items, G_N_ELEMENTS (disabled_items),
  },
};

G_DEFINE_BOXED_TYPE (JyServicePackage, jy_service_package,
                     jy_service_package_copy, jy_service_package_free)

/* A deep copy the caller owns; free with jy_service_package_free(). */
JyServicePackage *
jy_service_package_copy (const JyServicePackage *package)
{
  JyServicePackage *copy;
  JyPackageItem *items;

  g_return_val_if_fail (package != NULL, NULL);

  copy = g_new (JyServicePackage, 1);
  *copy = *package;
  copy->code = g_strdup (package->code);
  copy->name = g_strdup (package->name);
  items = g_new0 (JyPackageItem, MAX (package->n_items, 1));
  for (guint i = 0; i < package->n_items; i++)
    {
      items[i] = package->items[i];
      items[i].code = g_strdup (package->items[i].code);
      items[i].name = g_strdup (package->items[i].name);
    }
  copy->items = items;
  return copy;
}

/* Only for copies: the seed catalogue's packages are static. */
void
jy_service_package_free (JyServicePackage *package)
{
  if (package == NULL)
    return;

  for (guint i = 0; i < package->n_items; i++)
    {
      g_free ((char *)package->items[i].code);
      g_free ((char *)package->items[i].name);
    }
  g_free ((JyPackageItem *)package->items);
  g_free ((char *)package->code);
  g_free ((char *)package->name);
  g_free (package);
}

/* The seed catalogue, basic package first (static; do not free). */
const JyServicePackage *
jy_service_package_get_seed (guint *n_packages)
{
  g_return_val_if_fail (n_packages != NULL, NULL);

  *n_packages = G_N_ELEMENTS (seed_packages);
  return seed_packages;
}

const JyServicePackage *
jy_service_package_find_seed (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_packages); i++)
    if (g_strcmp0 (seed_packages[i].code, code) == 0)
      return &seed_packages[i];
  return NULL;
}

/* Whether @resident may have @package signed on @sign_date (§2.4): age in
 * full years on the signing date within [min_age, max_age], the sex the
 * package is for, and membership of any required key population (which
 * includes an active HTN or T2DM enrolment). The first failing rule is
 * returned, in that order. A package without limits, like the basic one,
 * is always eligible. */
JyPackageEligibility
jy_service_package_check_eligibility (const JyServicePackage       *package,
                                      const JyPackageResidentFacts *resident,
                                      const GDate                  *sign_date)
{
  g_return_val_if_fail (package != NULL, JY_PACKAGE_REFUSED_NOT_IN_GROUP);
  g_return_val_if_fail (resident != NULL, JY_PACKAGE_REFUSED_NOT_IN_GROUP);
  g_return_val_if_fail (sign_date != NULL && g_date_valid (sign_date),
                        JY_PACKAGE_REFUSED_NOT_IN_GROUP);

  if (package->min_age >= 0 || package->max_age >= 0)
    {
      int age;

      if (resident->birth == NULL || !g_date_valid (resident->birth) ||
          g_date_compare (resident->birth, sign_date) > 0)
        return JY_PACKAGE_REFUSED_AGE_UNKNOWN;
      age = jy_person_age_on (resident->birth, sign_date);
      if (package->min_age >= 0 && age < package->min_age)
        return JY_PACKAGE_REFUSED_TOO_YOUNG;
      if (package->max_age >= 0 && age > package->max_age)
        return JY_PACKAGE_REFUSED_TOO_OLD;
    }

  if ((package->sex == JY_SEX_REQUIREMENT_MALE && g_strcmp0 (resident->sex, "1") != 0) ||
      (package->sex == JY_SEX_REQUIREMENT_FEMALE && g_strcmp0 (resident->sex, "2") != 0))
    return JY_PACKAGE_REFUSED_SEX;

  if (package->key_populations != 0 &&
      (package->key_populations & resident->key_populations) == 0)
    return JY_PACKAGE_REFUSED_NOT_IN_GROUP;

  return JY_PACKAGE_ELIGIBLE;
}

/* Checks the packages chosen for one contract: exactly one basic package
 * (personalised packages come on top of it, §2.4), no package twice, and
 * each one eligible. Returns a GArray of JyPackageSelectionProblem, empty
 * when the selection is fine; free with g_array_unref(). */
GArray *
jy_service_package_check_selection (const JyServicePackage *const *packages,
                                    guint                          n_packages,
                                    const JyPackageResidentFacts  *resident,
                                    const GDate                   *sign_date)
{
  g_autoptr(GArray) problems = g_array_new (FALSE, FALSE, sizeof (JyPackageSelectionProblem));
  gboolean have_basic = FALSE;

  g_return_val_if_fail (packages != NULL || n_packages == 0, NULL);
  g_return_val_if_fail (resident != NULL, NULL);
  g_return_val_if_fail (sign_date != NULL && g_date_valid (sign_date), NULL);

  for (guint i = 0; i < n_packages; i++)
    {
      const JyServicePackage *package = packages[i];
      JyPackageSelectionProblem problem = { i, JY_PACKAGE_SELECTION_NOT_ELIGIBLE,
                                            JY_PACKAGE_ELIGIBLE };
      gboolean duplicate = FALSE;

      g_return_val_if_fail (package != NULL, NULL);

      for (guint j = 0; j < i && !duplicate; j++)
        duplicate = g_strcmp0 (packages[j]->code, package->code) == 0;
      if (duplicate)
        {
          problem.kind = JY_PACKAGE_SELECTION_DUPLICATE;
          g_array_append_val (problems, problem);
          continue;
        }

      if (package->kind == JY_SERVICE_PACKAGE_KIND_BASIC)
        {
          if (have_basic)
            {
              problem.kind = JY_PACKAGE_SELECTION_SECOND_BASIC;
              g_array_append_val (problems, problem);
              continue;
            }
          have_basic = TRUE;
        }

      problem.reason = jy_service_package_check_eligibility (package, resident, sign_date);
      if (problem.reason != JY_PACKAGE_ELIGIBLE)
        g_array_append_val (problems, problem);
    }

  if (!have_basic)
    {
      JyPackageSelectionProblem problem = { G_MAXUINT, JY_PACKAGE_SELECTION_NO_BASIC,
                                            JY_PACKAGE_ELIGIBLE };

      g_array_append_val (problems, problem);
    }

  return g_steal_pointer (&problems);
}

/* Whether a package item is owed to a resident in @key_populations (on the
 * signing date): the basic package's 65+ check is only for the elderly. */
gboolean
jy_package_item_applies (const JyPackageItem *item,
                         guint32              key_populations)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->key_populations == 0 || (item->key_populations & key_populations) != 0;
}

gint64
jy_fee_split_total (const JyFeeSplit *split)
{
  g_return_val_if_fail (split != NULL, 0);

  return split->insurance + split->public_health + split->resident;
}

void
jy_fee_split_add (JyFeeSplit       *sum,
                  const JyFeeSplit *split)
{
  g_return_if_fail (sum != NULL && split != NULL);

  sum->insurance += split->insurance;
  sum->public_health += split->public_health;
  sum->resident += split->resident;
}

/* The fee of a term of @years contract years: each share × @years. */
void
jy_fee_split_scale (const JyFeeSplit *split,
                    guint             years,
                    JyFeeSplit       *out)
{
  g_return_if_fail (split != NULL && out != NULL);

  out->insurance = split->insurance * years;
  out->public_health = split->public_health * years;
  out->resident = split->resident * years;
}

static gint64
share_half_up (gint64 total,
               guint  basis_points)
{
  return (2 * total * basis_points + 10000) / 20000;
}

/* Splits @total fen by shares given in basis points (1/100 of a percent;
 * 5833 = 58.33 %), the resident paying the rest. Cumulative rounding, half
 * up: insurance = round (total × a), insurance + public health =
 * round (total × (a + b)), resident = total − that. So the three shares
 * always add up to @total exactly and none is negative; 100 fen at
 * 1/3 + 1/3 gives 33 + 34 + 33. */
void
jy_fee_split_from_shares (gint64      total,
                          guint       insurance_basis_points,
                          guint       public_health_basis_points,
                          JyFeeSplit *out)
{
  gint64 funds;

  g_return_if_fail (out != NULL);
  g_return_if_fail (total >= 0 && total <= G_MAXINT64 / 20000);
  g_return_if_fail (insurance_basis_points + public_health_basis_points <= 10000);

  out->insurance = share_half_up (total, insurance_basis_points);
  funds = share_half_up (total, insurance_basis_points + public_health_basis_points);
  out->public_health = funds - out->insurance;
  out->resident = total - funds;
}

/* The fee of the packages chosen for a contract of @term_years years, by
 * payer: the sum over the packages of the annual fee × years. */
void
jy_service_package_selection_fee (const JyServicePackage *const *packages,
                                  guint                          n_packages,
                                  guint                          term_years,
                                  JyFeeSplit                    *out)
{
  g_return_if_fail (packages != NULL || n_packages == 0);
  g_return_if_fail (out != NULL);

  *out = (JyFeeSplit) { 0 };
  for (guint i = 0; i < n_packages; i++)
    {
      JyFeeSplit term;

      jy_fee_split_scale (&packages[i]->annual_fee, term_years, &term);
      jy_fee_split_add (out, &term);
    }
}

/* 12050 → "120.50" (元, two decimals, '.' whatever the locale). */
char *
jy_fee_format_yuan (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64)(-(fen + 1)) + 1 : (guint64)fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

/* Parses an amount in 元 as typed in a form: "120", "120.5", "120.50".
 * No sign, no more than two decimals, no grouping. */
gboolean
jy_fee_parse_yuan (const char *text,
                   gint64     *fen)
{
  const char *dot;
  guint64 whole = 0, cents = 0;
  gsize n_decimals;

  g_return_val_if_fail (fen != NULL, FALSE);

  if (text == NULL || *text == '\0' || !g_ascii_isdigit (*text))
    return FALSE;

  dot = strchr (text, '.');
  n_decimals = dot != NULL ? strlen (dot + 1) : 0;
  if (dot != NULL && (n_decimals == 0 || n_decimals > 2))
    return FALSE;

  {
    gsize whole_length = dot != NULL ? (gsize)(dot - text) : strlen (text);
    g_autofree char *whole_text = g_strndup (text, whole_length);

    if (!g_ascii_string_to_unsigned (whole_text, 10, 0, G_MAXINT64 / 100 - 1, &whole, NULL))
      return FALSE;
  }
  if (dot != NULL)
    {
      if (!g_ascii_isdigit (dot[1]) || (n_decimals == 2 && !g_ascii_isdigit (dot[2])))
        return FALSE;
      cents = (guint64)(dot[1] - '0') * 10 + (n_decimals == 2 ? (guint64)(dot[2] - '0') : 0);
    }

  *fen = (gint64)(whole * 100 + cents);
  return TRUE;
}
