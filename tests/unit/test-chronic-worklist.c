/* test-chronic-worklist.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "chronic-fixture.h"
#include "jy-chronic-worklist.h"

/* One hand-built centre, the clock pinned to Monday 23 November 2026 at
 * 23:30 in Beijing (15:30 UTC). Who is on which list, and why:
 *
 *   A  team 1  HTN   3 visits this year, next due today        due this week
 *   B  team 1  HTN   3 visits, next due today + 6              due this week
 *   C  team 1  HTN   3 visits, next due today + 7              -
 *   D  team 2  HTN   3 visits, next due yesterday              overdue
 *   E  team 1  HTN + T2DM, combined visits, due today + 2 / + 3  due this week (once)
 *   F  team 1  HTN   4th visit uncontrolled: adjust, recheck in 7 days   recheck
 *   G  team 2  HTN   emergency referral on 20 Oct, check due 3 Nov
 *                                                overdue, recheck, referral
 *   H  team 1  HTN   adjust on 20 Nov, recheck due today + 17  -
 *   I  team 1  HTN   overdue but enrolment ended (death)       -
 *   J  team 2  HTN   one visit this year (Feb), due since May  overdue, behind
 *   K  team 1, doctor 2 (covering)  HTN  last face-to-face visit in 2025,
 *                    phone calls since, due today + 8          behind
 *   L  team 1  HTN   enrolled 15 Sep, no visit yet             overdue
 *   M  team 2  T2DM  enrolled 10 May, no visit yet             overdue, behind */

typedef struct
{
  ChronicFixture base;
  gint64         a, b, c, d, e, f, g, h, i, j, k, l, m;
  GDateTime     *now;
} Fixture;

static void
visit (Fixture          *fx,
       gint64            enrolment_id,
       JyProgramme       programme,
       const char       *date,
       JyFollowupClass   klass,
       JyFollowupAction  action,
       const char       *next)
{
  g_autoptr(JyFollowup) f = chronic_fixture_followup (enrolment_id, programme, date,
                                                      klass == JY_FOLLOWUP_CLASS_CONTROLLED ? 128 : 158,
                                                      82, 6.2);

  chronic_fixture_decide (f, klass, next);
  if (action >= JY_FOLLOWUP_ACTION_RECOMMEND_REFERRAL)
    f->referral_reason = g_strdup ("血压控制不佳");
  chronic_fixture_save (&fx->base, f, action);
}

static void
routine (Fixture     *fx,
         gint64       enrolment_id,
         const char  *date,
         const char  *next)
{
  visit (fx, enrolment_id, JY_PROGRAMME_HTN, date, JY_FOLLOWUP_CLASS_CONTROLLED,
         JY_FOLLOWUP_ACTION_ROUTINE, next);
}

/* Three routine visits this year, the last one proposing @next. */
static gint64
regular_patient (Fixture    *fx,
                 const char *name,
                 guint       team,
                 const char *day,
                 const char *last,
                 const char *next)
{
  gint64 resident = chronic_fixture_add_resident (&fx->base, name, team);
  gint64 htn = chronic_fixture_enrol (&fx->base, resident, JY_PROGRAMME_HTN, "2019-06-01", team);
  g_autofree char *march = g_strdup_printf ("2026-03-%s", day);
  g_autofree char *june = g_strdup_printf ("2026-06-%s", day);

  routine (fx, htn, march, june);
  routine (fx, htn, june, last);
  routine (fx, htn, last, next);
  return resident;
}

static void
combined_visit (Fixture    *fx,
                gint64      htn,
                gint64      dm,
                const char *date,
                const char *htn_next,
                const char *dm_next)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFollowup) a = chronic_fixture_followup (htn, JY_PROGRAMME_HTN, date, 126, 80, JY_UNMEASURED);
  g_autoptr(JyFollowup) b = chronic_fixture_followup (dm, JY_PROGRAMME_T2DM, date, 126, 80, 6.3);
  JyFollowup *records[] = { a, b };
  JyFollowupAction actions[] = { JY_FOLLOWUP_ACTION_ROUTINE, JY_FOLLOWUP_ACTION_ROUTINE };

  chronic_fixture_decide (a, JY_FOLLOWUP_CLASS_CONTROLLED, htn_next);
  chronic_fixture_decide (b, JY_FOLLOWUP_CLASS_CONTROLLED, dm_next);
  g_assert_true (chronic_fixture_try_save (&fx->base, records, actions, 2, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  ChronicFixture *base = &fx->base;
  gint64 htn, dm;
  EndJob death = { 0, 1, "2026-11-10", "death" };

  chronic_fixture_setup (base, user_data);
  fx->now = g_date_time_new_from_iso8601 ("2026-11-23T15:30:00Z", NULL);

  fx->a = regular_patient (fx, "甲", 0, "01", "2026-09-01", "2026-11-23");
  fx->b = regular_patient (fx, "乙", 0, "02", "2026-08-31", "2026-11-29");
  fx->c = regular_patient (fx, "丙", 0, "03", "2026-09-01", "2026-11-30");
  fx->d = regular_patient (fx, "丁", 1, "04", "2026-08-24", "2026-11-22");

  fx->e = chronic_fixture_add_resident (base, "戊", 0);
  htn = chronic_fixture_enrol (base, fx->e, JY_PROGRAMME_HTN, "2019-06-01", 0);
  dm = chronic_fixture_enrol (base, fx->e, JY_PROGRAMME_T2DM, "2019-06-01", 0);
  combined_visit (fx, htn, dm, "2026-03-05", "2026-06-05", "2026-06-05");
  combined_visit (fx, htn, dm, "2026-06-05", "2026-08-27", "2026-08-27");
  combined_visit (fx, htn, dm, "2026-08-27", "2026-11-25", "2026-11-26");

  fx->f = chronic_fixture_add_resident (base, "己", 0);
  htn = chronic_fixture_enrol (base, fx->f, JY_PROGRAMME_HTN, "2019-06-01", 0);
  routine (fx, htn, "2026-03-06", "2026-06-06");
  routine (fx, htn, "2026-06-06", "2026-09-06");
  routine (fx, htn, "2026-09-06", "2026-11-16");
  visit (fx, htn, JY_PROGRAMME_HTN, "2026-11-16", JY_FOLLOWUP_CLASS_UNCONTROLLED,
         JY_FOLLOWUP_ACTION_ADJUST, "2026-11-30");

  fx->g = chronic_fixture_add_resident (base, "庚", 1);
  htn = chronic_fixture_enrol (base, fx->g, JY_PROGRAMME_HTN, "2019-06-01", 1);
  routine (fx, htn, "2026-03-07", "2026-06-07");
  routine (fx, htn, "2026-06-07", "2026-09-07");
  visit (fx, htn, JY_PROGRAMME_HTN, "2026-10-20", JY_FOLLOWUP_CLASS_UNCONTROLLED,
         JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL, "2026-11-03");

  fx->h = chronic_fixture_add_resident (base, "辛", 0);
  htn = chronic_fixture_enrol (base, fx->h, JY_PROGRAMME_HTN, "2019-06-01", 0);
  routine (fx, htn, "2026-03-08", "2026-06-08");
  routine (fx, htn, "2026-06-08", "2026-09-08");
  visit (fx, htn, JY_PROGRAMME_HTN, "2026-11-20", JY_FOLLOWUP_CLASS_UNCONTROLLED,
         JY_FOLLOWUP_ACTION_ADJUST, "2026-12-10");

  fx->i = chronic_fixture_add_resident (base, "壬", 0);
  death.id = chronic_fixture_enrol (base, fx->i, JY_PROGRAMME_HTN, "2019-06-01", 0);
  routine (fx, death.id, "2026-08-01", "2026-11-01");
  g_assert_true (jy_store_write (base->store, end_job, &death, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  fx->j = chronic_fixture_add_resident (base, "癸", 1);
  htn = chronic_fixture_enrol (base, fx->j, JY_PROGRAMME_HTN, "2019-06-01", 1);
  routine (fx, htn, "2026-02-10", "2026-05-10");

  fx->k = chronic_fixture_add_resident (base, "子", 0);
  {
    g_autoptr(JyEnrolment) covered = jy_enrolment_new (JY_PROGRAMME_HTN);
    g_autoptr(JyFollowup) call = NULL;
    g_autoptr(JyFollowup) second_call = NULL;

    covered->resident_id = fx->k;
    covered->enrol_date = g_strdup ("2019-06-01");
    covered->team_id = base->team[0];
    covered->doctor_id = base->doctor[1];
    g_assert_true (chronic_fixture_try_enrol (base, covered, &error));
    g_assert_no_error (error);
    routine (fx, covered->id, "2025-12-01", "2026-03-01");
    call = chronic_fixture_followup (covered->id, JY_PROGRAMME_HTN, "2026-03-01", 130, 80, JY_UNMEASURED);
    call->mode = JY_VISIT_MODE_PHONE;
    chronic_fixture_decide (call, JY_FOLLOWUP_CLASS_CONTROLLED, "2026-06-01");
    chronic_fixture_save (base, call, JY_FOLLOWUP_ACTION_ROUTINE);
    second_call = chronic_fixture_followup (covered->id, JY_PROGRAMME_HTN, "2026-06-01", 130, 80, JY_UNMEASURED);
    second_call->mode = JY_VISIT_MODE_PHONE;
    chronic_fixture_decide (second_call, JY_FOLLOWUP_CLASS_CONTROLLED, "2026-12-01");
    chronic_fixture_save (base, second_call, JY_FOLLOWUP_ACTION_ROUTINE);
  }

  fx->l = chronic_fixture_add_resident (base, "丑", 0);
  chronic_fixture_enrol (base, fx->l, JY_PROGRAMME_HTN, "2026-09-15", 0);

  fx->m = chronic_fixture_add_resident (base, "寅", 1);
  chronic_fixture_enrol (base, fx->m, JY_PROGRAMME_T2DM, "2026-05-10", 1);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  user_data)
{
  g_date_time_unref (fx->now);
  chronic_fixture_teardown (&fx->base, user_data);
}

static gpointer
page_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return jy_chronic_worklist_load (db, data, cancellable, error);
}

static JyWorklistPage *
run (Fixture         *fx,
     JyWorklistQuery *query)
{
  g_autoptr(GError) error = NULL;
  JyWorklistPage *page;

  if (query->now == NULL)
    query->now = fx->now;
  page = jy_store_read (fx->base.store, page_job, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

/* The page's residents, in order, as fixture letters ("JMLGD"). */
static char *
letters (Fixture        *fx,
         JyWorklistPage *page)
{
  const gint64 ids[] = { fx->a, fx->b, fx->c, fx->d, fx->e, fx->f, fx->g, fx->h, fx->i, fx->j, fx->k,
                         fx->l, fx->m };
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < page->rows->len; r++)
    {
      const JyWorklistRow *row = g_ptr_array_index (page->rows, r);
      char letter = '?';

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        if (ids[i] == row->resident_id)
          letter = 'A' + i;
      g_string_append_c (out, letter);
    }
  return g_string_free (out, FALSE);
}

static void
assert_list (Fixture        *fx,
             JyWorklistKind  kind,
             gint64          team_id,
             gint64          doctor_id,
             const char     *expected)
{
  JyWorklistQuery query = { .kind = kind, .team_id = team_id, .doctor_id = doctor_id };
  g_autoptr(JyWorklistPage) page = run (fx, &query);
  g_autofree char *got = letters (fx, page);

  g_test_message ("list %d, team %" G_GINT64_FORMAT ", doctor %" G_GINT64_FORMAT ": %s",
                  kind, team_id, doctor_id, got);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (page->total, ==, strlen (expected));
}

static void
test_due_this_week (Fixture       *fx,
                    gconstpointer  user_data)
{
  JyWorklistQuery query = { .kind = JY_WORKLIST_DUE_THIS_WEEK };
  g_autoptr(JyWorklistPage) page = NULL;
  const JyWorklistRow *row;

  /* Today to today + 6, earliest first; E once, for both programmes. */
  assert_list (fx, JY_WORKLIST_DUE_THIS_WEEK, 0, 0, "AEB");
  assert_list (fx, JY_WORKLIST_DUE_THIS_WEEK, fx->base.team[1], 0, "");

  page = run (fx, &query);
  g_assert_cmpint (page->today.year, ==, 2026);
  g_assert_cmpint (page->today.month, ==, 11);
  g_assert_cmpint (page->today.day, ==, 23);
  row = g_ptr_array_index (page->rows, 1);
  g_assert_cmpint (row->resident_id, ==, fx->e);
  g_assert_cmpint (row->programmes, ==, JY_PROGRAMME_HTN | JY_PROGRAMME_T2DM);
  g_assert_cmpstr (row->due_date, ==, "2026-11-25");
  g_assert_cmpint (row->days_overdue, ==, -2);
  g_assert_cmpstr (row->last_visit_date, ==, "2026-08-27");
  g_assert_cmpint (row->last_class, ==, JY_FOLLOWUP_CLASS_CONTROLLED);
  g_assert_cmpstr (row->name, ==, "戊");
  g_assert_cmpstr (row->sex, ==, "1");
  g_assert_cmpstr (row->birth_date, ==, "1950-03-01");
  g_assert_cmpstr (row->phone_masked, ==, "138****8000");
}

static void
test_overdue (Fixture       *fx,
              gconstpointer  user_data)
{
  /* Most overdue first; J and M are due the same day: by resident. */
  assert_list (fx, JY_WORKLIST_OVERDUE, 0, 0, "JMLGD");
  assert_list (fx, JY_WORKLIST_OVERDUE, fx->base.team[1], 0, "JMGD");
  assert_list (fx, JY_WORKLIST_OVERDUE, fx->base.team[0], 0, "L");
  assert_list (fx, JY_WORKLIST_OVERDUE, 0, fx->base.doctor[1], "JMGD");
}

static void
test_overdue_goes_by_local_date (Fixture       *fx,
                                 gconstpointer  user_data)
{
  g_autoptr(GDateTime) after_midnight = g_date_time_new_from_iso8601 ("2026-11-23T16:30:00Z", NULL);
  g_autoptr(GDateTime) early_morning = g_date_time_new_from_iso8601 ("2026-11-22T17:00:00Z", NULL);
  JyWorklistQuery query = { .kind = JY_WORKLIST_OVERDUE };
  g_autoptr(JyWorklistPage) late = NULL;
  g_autoptr(JyWorklistPage) early = NULL;
  g_autofree char *late_letters = NULL;
  g_autofree char *early_letters = NULL;

  /* 23:30 in Beijing: A, due today, is not overdue (test_overdue). At
   * 00:30 on the 24th it is, though it is still the 23rd in UTC. */
  query.now = after_midnight;
  late = run (fx, &query);
  late_letters = letters (fx, late);
  g_assert_cmpstr (late_letters, ==, "JMLGDA");

  /* 01:00 on the 23rd in Beijing, still the 22nd in UTC: D, due on the
   * 22nd, is overdue already. */
  query.now = early_morning;
  early = run (fx, &query);
  early_letters = letters (fx, early);
  g_assert_cmpstr (early_letters, ==, "JMLGD");
}

static void
test_recheck_and_referral (Fixture       *fx,
                           gconstpointer  user_data)
{
  JyWorklistQuery query = { .kind = JY_WORKLIST_REFERRAL };
  g_autoptr(JyWorklistPage) page = NULL;
  const JyWorklistRow *row;

  /* Overdue G first, then F due in 7 days; H's is 17 days away. */
  assert_list (fx, JY_WORKLIST_RECHECK, 0, 0, "GF");
  assert_list (fx, JY_WORKLIST_RECHECK, fx->base.team[0], 0, "F");
  assert_list (fx, JY_WORKLIST_REFERRAL, 0, 0, "G");
  assert_list (fx, JY_WORKLIST_REFERRAL, fx->base.team[0], 0, "");

  page = run (fx, &query);
  row = g_ptr_array_index (page->rows, 0);
  g_assert_cmpint (row->action, ==, JY_FOLLOWUP_ACTION_EMERGENCY_REFERRAL);
  g_assert_true (row->referral_open);
  g_assert_cmpint (row->last_class, ==, JY_FOLLOWUP_CLASS_UNCONTROLLED);
  g_assert_cmpint (row->days_overdue, ==, 20);
}

static void
test_behind_norm (Fixture       *fx,
                  gconstpointer  user_data)
{
  JyWorklistQuery query = { .kind = JY_WORKLIST_BEHIND_NORM };
  g_autoptr(JyWorklistPage) page = NULL;

  assert_list (fx, JY_WORKLIST_BEHIND_NORM, 0, 0, "JMK");
  assert_list (fx, JY_WORKLIST_BEHIND_NORM, fx->base.team[1], 0, "JM");
  assert_list (fx, JY_WORKLIST_BEHIND_NORM, 0, fx->base.doctor[1], "JMK");
  assert_list (fx, JY_WORKLIST_BEHIND_NORM, fx->base.team[0], fx->base.doctor[1], "K");

  page = run (fx, &query);
  g_assert_cmpint (((JyWorklistRow *)g_ptr_array_index (page->rows, 0))->norm_visits, ==, 1);
  /* K's only face-to-face visit was last year. */
  g_assert_cmpint (((JyWorklistRow *)g_ptr_array_index (page->rows, 2))->norm_visits, ==, 0);
}

static void
test_pages_and_total (Fixture       *fx,
                      gconstpointer  user_data)
{
  JyWorklistQuery first = { .kind = JY_WORKLIST_OVERDUE, .limit = 2 };
  JyWorklistQuery last = { .kind = JY_WORKLIST_OVERDUE, .limit = 2, .offset = 4 };
  JyWorklistQuery beyond = { .kind = JY_WORKLIST_OVERDUE, .limit = 2, .offset = 10 };
  g_autoptr(JyWorklistPage) page1 = run (fx, &first);
  g_autoptr(JyWorklistPage) page3 = run (fx, &last);
  g_autoptr(JyWorklistPage) page6 = run (fx, &beyond);
  g_autofree char *got1 = letters (fx, page1);
  g_autofree char *got3 = letters (fx, page3);

  g_assert_cmpstr (got1, ==, "JM");
  g_assert_cmpuint (page1->total, ==, 5);
  g_assert_cmpstr (got3, ==, "D");
  g_assert_cmpuint (page3->total, ==, 5);
  g_assert_cmpuint (page6->rows->len, ==, 0);
  g_assert_cmpuint (page6->total, ==, 5);

  /* The behind list counts as it groups; past its end it counts apart. */
  {
    JyWorklistQuery second = { .kind = JY_WORKLIST_BEHIND_NORM, .limit = 2, .offset = 2 };
    JyWorklistQuery past = { .kind = JY_WORKLIST_BEHIND_NORM, .limit = 2, .offset = 3 };
    g_autoptr(JyWorklistPage) behind2 = run (fx, &second);
    g_autoptr(JyWorklistPage) behind_past = run (fx, &past);
    g_autofree char *got = letters (fx, behind2);

    g_assert_cmpstr (got, ==, "K");
    g_assert_cmpuint (behind2->total, ==, 3);
    g_assert_cmpuint (behind_past->rows->len, ==, 0);
    g_assert_cmpuint (behind_past->total, ==, 3);
  }
}

static gpointer
counts_job (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return jy_chronic_worklist_load_counts (db, data, cancellable, error);
}

static void
test_counts_for_today (Fixture       *fx,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  JyWorklistQuery all = { .now = fx->now };
  JyWorklistQuery team = { .now = fx->now, .team_id = fx->base.team[1] };
  g_autofree JyWorklistCounts *counts = jy_store_read (fx->base.store, counts_job, &all, NULL, &error);
  g_autofree JyWorklistCounts *team_counts = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_DUE_THIS_WEEK], ==, 3);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_OVERDUE], ==, 5);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_RECHECK], ==, 2);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_REFERRAL], ==, 1);
  g_assert_cmpuint (counts->counts[JY_WORKLIST_BEHIND_NORM], ==, 3);

  team_counts = jy_store_read (fx->base.store, counts_job, &team, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team_counts->counts[JY_WORKLIST_DUE_THIS_WEEK], ==, 0);
  g_assert_cmpuint (team_counts->counts[JY_WORKLIST_OVERDUE], ==, 4);
  g_assert_cmpuint (team_counts->counts[JY_WORKLIST_RECHECK], ==, 1);
  g_assert_cmpuint (team_counts->counts[JY_WORKLIST_REFERRAL], ==, 1);
  g_assert_cmpuint (team_counts->counts[JY_WORKLIST_BEHIND_NORM], ==, 2);
}

static gpointer
find_job (JyDb          *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  JyEnrolment *enrolment = jy_chronic_store_find_managing (db, *(gint64 *)data, JY_PROGRAMME_HTN, error);

  return enrolment != NULL ? (gpointer)enrolment : NULL;
}

static void
test_follow_up_takes_patient_off_lists (Fixture       *fx,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyEnrolment) enrolment = jy_store_read (fx->base.store, find_job, &fx->g, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (enrolment);

  /* G is seen back from hospital, controlled: off overdue, recheck and
   * referral at once, in the transaction of the save. */
  routine (fx, enrolment->id, "2026-11-23", "2027-02-21");
  assert_list (fx, JY_WORKLIST_OVERDUE, 0, 0, "JMLD");
  assert_list (fx, JY_WORKLIST_RECHECK, 0, 0, "F");
  assert_list (fx, JY_WORKLIST_REFERRAL, 0, 0, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/worklist/due-this-week-today-to-six-days", test_due_this_week);
  ADD ("/store/worklist/overdue-most-overdue-first", test_overdue);
  ADD ("/store/worklist/overdue-goes-by-local-date", test_overdue_goes_by_local_date);
  ADD ("/store/worklist/recheck-and-referral", test_recheck_and_referral);
  ADD ("/store/worklist/behind-norm", test_behind_norm);
  ADD ("/store/worklist/pages-and-total", test_pages_and_total);
  ADD ("/store/worklist/counts-for-today", test_counts_for_today);
  ADD ("/store/worklist/follow-up-takes-patient-off-lists", test_follow_up_takes_patient_off_lists);

#undef ADD

  return g_test_run ();
}
