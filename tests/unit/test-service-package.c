/* test-service-package.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-key-population.h"
#include "jy-person.h"
#include "jy-service-package.h"
#include "test-util.h"

#define KP(tag) JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_##tag)

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (jy_person_parse_date (iso, &date));
  return date;
}

static const JyServicePackage *
seed (const char *code)
{
  const JyServicePackage *package = jy_service_package_find_seed (code);

  g_assert_nonnull (package);
  return package;
}

static JyPackageEligibility
eligibility (const char *code,
             const char *birth,
             const char *sex,
             guint32     key_populations,
             const char *sign)
{
  GDate b, s = day (sign);
  JyPackageResidentFacts resident = { NULL, sex, key_populations };

  if (birth != NULL)
    {
      b = day (birth);
      resident.birth = &b;
    }
  return jy_service_package_check_eligibility (seed (code), &resident, &s);
}

static void
test_seed_catalogue (void)
{
  guint n = 0;
  const JyServicePackage *packages = jy_service_package_get_seed (&n);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 7);
  g_assert_cmpstr (packages[0].code, ==, JY_SERVICE_PACKAGE_BASIC);
  g_assert_cmpint (packages[0].kind, ==, JY_SERVICE_PACKAGE_KIND_BASIC);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (g_hash_table_add (codes, (gpointer)packages[i].code));
      g_assert_nonnull (packages[i].name);
      g_assert_cmpuint (packages[i].n_items, >, 0);
      g_assert_cmpint (jy_fee_split_total (&packages[i].annual_fee), >=, 0);
      if (i > 0)
        g_assert_cmpint (packages[i].kind, ==, JY_SERVICE_PACKAGE_KIND_PERSONALISED);
      for (guint j = 0; j < packages[i].n_items; j++)
        {
          g_assert_true (g_hash_table_add (items, (gpointer)packages[i].items[j].code));
          g_assert_nonnull (packages[i].items[j].name);
        }
    }
  g_assert_null (jy_service_package_find_seed ("nonsense"));
}

static void
test_basic_fee_is_120_split_70_40_10 (void)
{
  const JyServicePackage *basic = seed (JY_SERVICE_PACKAGE_BASIC);

  g_assert_cmpint (basic->annual_fee.insurance, ==, 7000);
  g_assert_cmpint (basic->annual_fee.public_health, ==, 4000);
  g_assert_cmpint (basic->annual_fee.resident, ==, 1000);
  g_assert_cmpint (jy_fee_split_total (&basic->annual_fee), ==, 12000);
}

static void
test_basic_package_always_eligible (void)
{
  g_assert_cmpint (eligibility ("basic", NULL, NULL, 0, "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
  g_assert_cmpint (eligibility ("basic", "1920-01-01", "9", 0, "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
  g_assert_cmpint (eligibility ("basic", "2026-05-31", "1", 0, "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
}

static void
test_child_package_refused_for_age_70 (void)
{
  g_assert_cmpint (eligibility ("child", "1956-01-10", "1", KP (ELDERLY), "2026-06-01"), ==,
                   JY_PACKAGE_REFUSED_TOO_OLD);
}

static void
test_child_package_until_7th_birthday (void)
{
  g_assert_cmpint (eligibility ("child", "2019-06-02", "2", KP (CHILD), "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
  g_assert_cmpint (eligibility ("child", "2019-06-01", "2", 0, "2026-06-01"), ==, JY_PACKAGE_REFUSED_TOO_OLD);
  g_assert_cmpint (eligibility ("child", "2026-05-31", "2", KP (CHILD), "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
}

static void
test_elderly_package_from_65th_birthday (void)
{
  g_assert_cmpint (eligibility ("elderly", "1961-06-02", "1", 0, "2026-06-01"), ==, JY_PACKAGE_REFUSED_TOO_YOUNG);
  g_assert_cmpint (eligibility ("elderly", "1961-06-01", "1", 0, "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
}

static void
test_elderly_package_feb_29_birthday (void)
{
  g_assert_cmpint (eligibility ("elderly", "1960-02-29", "2", 0, "2025-02-28"), ==, JY_PACKAGE_REFUSED_TOO_YOUNG);
  g_assert_cmpint (eligibility ("elderly", "1960-02-29", "2", 0, "2025-03-01"), ==, JY_PACKAGE_ELIGIBLE);
}

static void
test_age_limited_package_without_birth_date (void)
{
  g_assert_cmpint (eligibility ("elderly", NULL, "1", 0, "2026-06-01"), ==, JY_PACKAGE_REFUSED_AGE_UNKNOWN);
  /* Born after the signing date is no age either. */
  g_assert_cmpint (eligibility ("child", "2026-06-02", "1", 0, "2026-06-01"), ==, JY_PACKAGE_REFUSED_AGE_UNKNOWN);
}

static void
test_maternal_package_refused_for_man (void)
{
  g_assert_cmpint (eligibility ("maternal", "1995-01-01", "1", KP (PREGNANT), "2026-06-01"), ==, JY_PACKAGE_REFUSED_SEX);
  g_assert_cmpint (eligibility ("maternal", "1995-01-01", NULL, KP (PREGNANT), "2026-06-01"), ==, JY_PACKAGE_REFUSED_SEX);
  g_assert_cmpint (eligibility ("maternal", "1995-01-01", "2", KP (PREGNANT), "2026-06-01"), ==, JY_PACKAGE_ELIGIBLE);
}

static void
test_maternal_package_refused_without_pregnancy (void)
{
  g_assert_cmpint (eligibility ("maternal", "1995-01-01", "2", KP (LOW_INCOME), "2026-06-01"), ==,
                   JY_PACKAGE_REFUSED_NOT_IN_GROUP);
}

static void
test_hypertension_package_needs_enrolment (void)
{
  g_assert_cmpint (eligibility ("hypertension", "1960-01-01", "1", KP (ELDERLY), "2026-06-01"), ==,
                   JY_PACKAGE_REFUSED_NOT_IN_GROUP);
  g_assert_cmpint (eligibility ("hypertension", "1960-01-01", "1", KP (ELDERLY) | KP (HYPERTENSION), "2026-06-01"), ==,
                   JY_PACKAGE_ELIGIBLE);
  g_assert_cmpint (eligibility ("diabetes", "1960-01-01", "1", KP (HYPERTENSION), "2026-06-01"), ==,
                   JY_PACKAGE_REFUSED_NOT_IN_GROUP);
  g_assert_cmpint (eligibility ("disabled", "1990-01-01", "1", KP (DISABLED), "2026-06-01"), ==,
                   JY_PACKAGE_ELIGIBLE);
}

static GArray *
check_selection (const char *const *codes,
                 const char        *birth,
                 guint32            key_populations)
{
  const JyServicePackage *packages[8];
  GDate b = day (birth), sign = day ("2026-06-01");
  JyPackageResidentFacts resident = { &b, "1", key_populations };
  guint n = 0;

  for (; codes[n] != NULL; n++)
    packages[n] = seed (codes[n]);
  return jy_service_package_check_selection (packages, n, &resident, &sign);
}

static void
test_personalised_package_requires_basic (void)
{
  const char *codes[] = { "elderly", NULL };
  g_autoptr(GArray) problems = check_selection (codes, "1950-01-01", KP (ELDERLY));
  JyPackageSelectionProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = &g_array_index (problems, JyPackageSelectionProblem, 0);
  g_assert_cmpint (problem->kind, ==, JY_PACKAGE_SELECTION_NO_BASIC);
  g_assert_cmpuint (problem->index, ==, G_MAXUINT);
}

static void
test_selection_basic_with_personalised_ok (void)
{
  const char *codes[] = { "basic", "elderly", "hypertension", NULL };
  g_autoptr(GArray) problems = check_selection (codes, "1950-01-01", KP (ELDERLY) | KP (HYPERTENSION));

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_selection_duplicate_package_refused (void)
{
  const char *codes[] = { "basic", "elderly", "elderly", "basic", NULL };
  g_autoptr(GArray) problems = check_selection (codes, "1950-01-01", KP (ELDERLY));

  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpint (g_array_index (problems, JyPackageSelectionProblem, 0).kind, ==, JY_PACKAGE_SELECTION_DUPLICATE);
  g_assert_cmpuint (g_array_index (problems, JyPackageSelectionProblem, 0).index, ==, 2);
  g_assert_cmpint (g_array_index (problems, JyPackageSelectionProblem, 1).kind, ==, JY_PACKAGE_SELECTION_DUPLICATE);
  g_assert_cmpuint (g_array_index (problems, JyPackageSelectionProblem, 1).index, ==, 3);
}

static void
test_second_basic_package_refused (void)
{
  JyServicePackage other_basic = *seed (JY_SERVICE_PACKAGE_BASIC);
  const JyServicePackage *packages[2] = { seed (JY_SERVICE_PACKAGE_BASIC), &other_basic };
  GDate sign = day ("2026-06-01");
  JyPackageResidentFacts resident = { NULL, NULL, 0 };
  g_autoptr(GArray) problems = NULL;

  other_basic.code = "basic-rural";
  problems = jy_service_package_check_selection (packages, 2, &resident, &sign);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (g_array_index (problems, JyPackageSelectionProblem, 0).kind, ==, JY_PACKAGE_SELECTION_SECOND_BASIC);
  g_assert_cmpuint (g_array_index (problems, JyPackageSelectionProblem, 0).index, ==, 1);
}

static void
test_selection_child_package_for_70_year_old (void)
{
  const char *codes[] = { "basic", "child", "diabetes", NULL };
  g_autoptr(GArray) problems = check_selection (codes, "1956-01-10", KP (ELDERLY));
  JyPackageSelectionProblem *first, *second;

  g_assert_cmpuint (problems->len, ==, 2);
  first = &g_array_index (problems, JyPackageSelectionProblem, 0);
  second = &g_array_index (problems, JyPackageSelectionProblem, 1);
  g_assert_cmpuint (first->index, ==, 1);
  g_assert_cmpint (first->kind, ==, JY_PACKAGE_SELECTION_NOT_ELIGIBLE);
  g_assert_cmpint (first->reason, ==, JY_PACKAGE_REFUSED_TOO_OLD);
  g_assert_cmpuint (second->index, ==, 2);
  g_assert_cmpint (second->reason, ==, JY_PACKAGE_REFUSED_NOT_IN_GROUP);
}

static void
test_item_for_elderly_only (void)
{
  const JyServicePackage *basic = seed (JY_SERVICE_PACKAGE_BASIC);
  const JyPackageItem *check = NULL, *consultation = NULL;

  for (guint i = 0; i < basic->n_items; i++)
    {
      if (g_strcmp0 (basic->items[i].code, "elderly-annual-check") == 0)
        check = &basic->items[i];
      if (g_strcmp0 (basic->items[i].code, "consultation") == 0)
        consultation = &basic->items[i];
    }
  g_assert_nonnull (check);
  g_assert_nonnull (consultation);
  g_assert_true (jy_package_item_applies (check, KP (ELDERLY) | KP (DIABETES)));
  g_assert_false (jy_package_item_applies (check, KP (DIABETES)));
  g_assert_true (jy_package_item_applies (consultation, 0));
}

static void
test_selection_fee_total (void)
{
  const JyServicePackage *packages[] = { seed ("basic"), seed ("hypertension") };
  JyFeeSplit fee;

  jy_service_package_selection_fee (packages, 2, 1, &fee);
  g_assert_cmpint (fee.insurance, ==, 7000);
  g_assert_cmpint (fee.public_health, ==, 4000);
  g_assert_cmpint (fee.resident, ==, 1000 + seed ("hypertension")->annual_fee.resident);
  g_assert_cmpint (jy_fee_split_total (&fee), ==,
                   12000 + jy_fee_split_total (&seed ("hypertension")->annual_fee));

  jy_service_package_selection_fee (packages, 0, 1, &fee);
  g_assert_cmpint (jy_fee_split_total (&fee), ==, 0);
}

static void
test_two_year_term_fee_doubles (void)
{
  const JyServicePackage *packages[] = { seed ("basic") };
  JyFeeSplit fee;

  jy_service_package_selection_fee (packages, 1, 2, &fee);
  g_assert_cmpint (fee.insurance, ==, 14000);
  g_assert_cmpint (fee.public_health, ==, 8000);
  g_assert_cmpint (fee.resident, ==, 2000);
}

static void
test_split_by_shares_sums_to_total (void)
{
  JyFeeSplit split;

  /* 120 元 at 58.33 % + 33.33 %: 6999.6 → 7000; 10999.2 → 10999 → 3999; 1001 */
  jy_fee_split_from_shares (12000, 5833, 3333, &split);
  g_assert_cmpint (split.insurance, ==, 7000);
  g_assert_cmpint (split.public_health, ==, 3999);
  g_assert_cmpint (split.resident, ==, 1001);
  g_assert_cmpint (jy_fee_split_total (&split), ==, 12000);

  jy_fee_split_from_shares (100, 3333, 3333, &split);
  g_assert_cmpint (split.insurance, ==, 33);
  g_assert_cmpint (split.public_health, ==, 34);
  g_assert_cmpint (split.resident, ==, 33);
}

static void
test_split_half_fen_rounds_up (void)
{
  JyFeeSplit split;

  /* 3 fen half and half: 1.5 → 2 to insurance, the rest 1 to public health. */
  jy_fee_split_from_shares (3, 5000, 5000, &split);
  g_assert_cmpint (split.insurance, ==, 2);
  g_assert_cmpint (split.public_health, ==, 1);
  g_assert_cmpint (split.resident, ==, 0);

  jy_fee_split_from_shares (1, 5000, 0, &split);
  g_assert_cmpint (split.insurance, ==, 1);
  g_assert_cmpint (split.public_health, ==, 0);
  g_assert_cmpint (split.resident, ==, 0);
}

static void
test_yuan_format_and_parse (void)
{
  g_autofree char *a = jy_fee_format_yuan (12050);
  g_autofree char *b = jy_fee_format_yuan (5);
  g_autofree char *c = jy_fee_format_yuan (0);
  gint64 fen = -1;

  g_assert_cmpstr (a, ==, "120.50");
  g_assert_cmpstr (b, ==, "0.05");
  g_assert_cmpstr (c, ==, "0.00");

  g_assert_true (jy_fee_parse_yuan ("120", &fen));
  g_assert_cmpint (fen, ==, 12000);
  g_assert_true (jy_fee_parse_yuan ("120.5", &fen));
  g_assert_cmpint (fen, ==, 12050);
  g_assert_true (jy_fee_parse_yuan ("0.05", &fen));
  g_assert_cmpint (fen, ==, 5);
  g_assert_false (jy_fee_parse_yuan ("120.505", &fen));
  g_assert_false (jy_fee_parse_yuan ("-1", &fen));
  g_assert_false (jy_fee_parse_yuan ("1.", &fen));
  g_assert_false (jy_fee_parse_yuan (".5", &fen));
  g_assert_false (jy_fee_parse_yuan ("1,000", &fen));
  g_assert_false (jy_fee_parse_yuan ("1.x", &fen));
  g_assert_false (jy_fee_parse_yuan ("", &fen));
}

static void
test_copy_is_deep (void)
{
  g_autoptr(JyServicePackage) copy = jy_service_package_copy (seed ("diabetes"));

  g_assert_true (copy->code != seed ("diabetes")->code);
  g_assert_cmpstr (copy->code, ==, "diabetes");
  g_assert_cmpuint (copy->n_items, ==, seed ("diabetes")->n_items);
  g_assert_true (copy->items != seed ("diabetes")->items);
  g_assert_cmpstr (copy->items[0].code, ==, seed ("diabetes")->items[0].code);
  g_assert_cmpint (copy->key_populations, ==, KP (DIABETES));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/package/seed-catalogue-basic-first-codes-unique", test_seed_catalogue);
  g_test_add_func ("/core/package/basic-fee-120-yuan-is-70-insurance-40-public-health-10-resident", test_basic_fee_is_120_split_70_40_10);
  g_test_add_func ("/core/package/basic-package-always-eligible", test_basic_package_always_eligible);
  g_test_add_func ("/core/package/child-package-refused-for-age-70", test_child_package_refused_for_age_70);
  g_test_add_func ("/core/package/child-package-until-day-before-7th-birthday", test_child_package_until_7th_birthday);
  g_test_add_func ("/core/package/elderly-package-refused-at-64-allowed-at-65", test_elderly_package_from_65th_birthday);
  g_test_add_func ("/core/package/elderly-package-feb-29-birthday-reached-mar-1", test_elderly_package_feb_29_birthday);
  g_test_add_func ("/core/package/age-limited-package-refused-without-birth-date", test_age_limited_package_without_birth_date);
  g_test_add_func ("/core/package/maternal-package-refused-for-man", test_maternal_package_refused_for_man);
  g_test_add_func ("/core/package/maternal-package-refused-without-pregnancy-tag", test_maternal_package_refused_without_pregnancy);
  g_test_add_func ("/core/package/hypertension-package-needs-htn-enrolment", test_hypertension_package_needs_enrolment);
  g_test_add_func ("/core/package/personalised-package-requires-basic", test_personalised_package_requires_basic);
  g_test_add_func ("/core/package/basic-with-several-personalised-packages-ok", test_selection_basic_with_personalised_ok);
  g_test_add_func ("/core/package/same-package-twice-refused", test_selection_duplicate_package_refused);
  g_test_add_func ("/core/package/second-basic-package-refused", test_second_basic_package_refused);
  g_test_add_func ("/core/package/selection-refuses-child-package-for-70-year-old-with-reason", test_selection_child_package_for_70_year_old);
  g_test_add_func ("/core/package/65-plus-check-item-only-for-elderly", test_item_for_elderly_only);
  g_test_add_func ("/core/package/fee/basic-plus-hypertension-total-by-payer", test_selection_fee_total);
  g_test_add_func ("/core/package/fee/2-year-term-doubles-each-share", test_two_year_term_fee_doubles);
  g_test_add_func ("/core/package/fee/split-by-shares-adds-up-to-total", test_split_by_shares_sums_to_total);
  g_test_add_func ("/core/package/fee/half-fen-rounds-up", test_split_half_fen_rounds_up);
  g_test_add_func ("/core/package/fee/yuan-format-and-parse", test_yuan_format_and_parse);
  g_test_add_func ("/core/package/copy-is-deep", test_copy_is_deep);

  return g_test_run ();
}
