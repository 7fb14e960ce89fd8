/* test-chronic-resident.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "chronic-fixture.h"
#include "jy-key-population.h"
#include "jy-resident-detail.h"
#include "jy-resident-store.h"

/* What hypertension and diabetes care shows on the residents' side: the
 * resident page's timeline and key populations, the residents list's
 * filter. */

static gpointer
detail_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_resident_detail_load (db, data, cancellable, error);
}

static void
test_timeline_shows_enrolments_and_follow_ups (ChronicFixture *fx,
                                               gconstpointer   user_data)
{
  static const char *const expected[][2] = {
    { "2026-10-02", "Type 2 diabetes: management ended · Diagnosis revoked" },
    { "2026-10-01", "Hypertension follow-up · Uncontrolled · Phone" },
    { "2026-07-01", "Hypertension follow-up · Uncontrolled · Clinic" },
    { "2026-06-30", "Type 2 diabetes follow-up · Controlled · Home" },
    { "2026-06-30", "Hypertension follow-up · Controlled · Clinic" },
    { "2026-03-01", "Type 2 diabetes: enrolled for management" },
    { "2025-01-05", "Hypertension: enrolled for management" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResidentDetail) detail = NULL;
  gint64 resident = chronic_fixture_add_resident (fx, "卫十五", 0);
  gint64 htn = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_HTN, "2025-01-05", 0);
  gint64 dm = chronic_fixture_enrol (fx, resident, JY_PROGRAMME_T2DM, "2026-03-01", 0);
  g_autoptr(JyFollowup) home = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, "2026-06-30", 128, 80, 6.1);
  g_autoptr(JyFollowup) phone = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-10-01", 150, 90,
                                                          JY_UNMEASURED);
  g_autoptr(JyFollowup) typo = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, "2026-08-01", 150, 90,
                                                         JY_UNMEASURED);
  g_autoptr(JyFollowup) fixed = NULL;
  EndJob end = { dm, 1, "2026-10-02", "diagnosis-revoked" };
  CorrectJob job;
  guint shown = 0;

  chronic_fixture_visit (fx, htn, JY_PROGRAMME_HTN, "2026-06-30", "2026-09-28");
  home->mode = JY_VISIT_MODE_HOME;
  chronic_fixture_decide (home, JY_FOLLOWUP_CLASS_CONTROLLED, "2026-09-28");
  chronic_fixture_save (fx, home, JY_FOLLOWUP_ACTION_ROUTINE);
  phone->mode = JY_VISIT_MODE_PHONE;
  chronic_fixture_decide (phone, JY_FOLLOWUP_CLASS_UNCONTROLLED, "2026-10-15");
  chronic_fixture_save (fx, phone, JY_FOLLOWUP_ACTION_ADJUST);
  g_assert_true (jy_store_write (fx->store, end_job, &end, NULL, &error) == JY_STORE_DONE);

  /* A record entered with the wrong date, corrected: the replacement shows
   * on its day, the withdrawn version not at all. */
  chronic_fixture_decide (typo, JY_FOLLOWUP_CLASS_UNCONTROLLED, "2026-08-15");
  chronic_fixture_save (fx, typo, JY_FOLLOWUP_ACTION_ADJUST);
  fixed = jy_followup_copy (typo);
  fixed->id = 0;
  fixed->replaces_id = typo->id;
  g_free (fixed->visit_date);
  fixed->visit_date = g_strdup ("2026-07-01");
  job = (CorrectJob) { fixed, JY_FOLLOWUP_ACTION_ADJUST };
  g_assert_true (jy_store_write (fx->store, correct_job, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  /* Opening a record writes its audit row: a write job. */
  detail = jy_store_write (fx->store, detail_job, &resident, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < detail->timeline->len; i++)
    {
      const JyTimelineEntry *entry = g_ptr_array_index (detail->timeline, i);

      if (entry->title == NULL)
        continue;
      g_assert_true (entry->date_only);
      g_assert_cmpuint (shown, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (entry->at, ==, expected[shown][0]);
      g_assert_cmpstr (entry->title, ==, expected[shown][1]);
      g_assert_cmpstr (entry->actor, ==, "李医生");
      shown++;
    }
  g_assert_cmpuint (shown, ==, G_N_ELEMENTS (expected));

  /* Enrolled in HTN, no longer in T2DM. */
  g_assert_true (detail->key_populations & JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_HYPERTENSION));
  g_assert_false (detail->key_populations & JY_KEY_POPULATION_BIT (JY_KEY_POPULATION_DIABETES));
}

static gpointer
list_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_resident_store_list_ids (db, data, cancellable, error);
}

static void
test_residents_list_filters_by_enrolment (ChronicFixture *fx,
                                          gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hypertensive = NULL;
  g_autoptr(GArray) diabetic = NULL;
  JyResidentFilter filter = { .key_population = (char *)"hypertension" };
  gint64 both = chronic_fixture_add_resident (fx, "蒋十六", 0);
  gint64 ended = chronic_fixture_add_resident (fx, "沈十七", 1);
  gint64 htn_only = chronic_fixture_add_resident (fx, "韩十八", 1);
  EndJob end = { 0, 1, "2026-02-01", "refused" };

  chronic_fixture_add_resident (fx, "杨十九", 0);
  chronic_fixture_enrol (fx, both, JY_PROGRAMME_HTN, "2025-01-01", 0);
  chronic_fixture_enrol (fx, both, JY_PROGRAMME_T2DM, "2025-01-01", 0);
  end.id = chronic_fixture_enrol (fx, ended, JY_PROGRAMME_HTN, "2025-01-01", 1);
  g_assert_true (jy_store_write (fx->store, end_job, &end, NULL, &error) == JY_STORE_DONE);
  chronic_fixture_enrol (fx, htn_only, JY_PROGRAMME_HTN, "2025-01-01", 1);

  hypertensive = jy_store_read (fx->store, list_job, &filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hypertensive->len, ==, 2);
  g_assert_cmpint (g_array_index (hypertensive, gint64, 0), ==, both);
  g_assert_cmpint (g_array_index (hypertensive, gint64, 1), ==, htn_only);

  filter.key_population = (char *)"diabetes";
  diabetic = jy_store_read (fx->store, list_job, &filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diabetic->len, ==, 1);
  g_assert_cmpint (g_array_index (diabetic, gint64, 0), ==, both);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, ChronicFixture, NULL, chronic_fixture_setup, func, chronic_fixture_teardown)

  ADD ("/store/chronic/timeline-shows-enrolments-and-follow-ups", test_timeline_shows_enrolments_and_follow_ups);
  ADD ("/store/chronic/residents-list-filters-by-enrolment", test_residents_list_filters_by_enrolment);

#undef ADD

  return g_test_run ();
}
