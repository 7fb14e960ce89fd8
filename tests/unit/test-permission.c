/* test-permission.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "jy-actor.h"
#include "jy-permission.h"
#include "test-util.h"

static void
test_long_prescriptions (void)
{
  g_assert_true (jy_permission_role_can (JY_ROLE_DOCTOR, JY_PERMISSION_LONG_RX_ISSUE));
  g_assert_false (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_LONG_RX_ISSUE));
  g_assert_false (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_LONG_RX_ISSUE));
  g_assert_false (jy_permission_role_can (JY_ROLE_ADMIN, JY_PERMISSION_LONG_RX_ISSUE));
  /* The pharmacist dispenses what the doctor prescribed, and only that. */
  g_assert_true (jy_permission_role_can (JY_ROLE_PHARMACIST, JY_PERMISSION_LONG_RX_DISPENSE));
  g_assert_false (jy_permission_role_can (JY_ROLE_PHARMACIST, JY_PERMISSION_LONG_RX_ISSUE));
}

static void
test_long_rx_roles (void)
{
  /* A specialist advising a team may issue; nobody but the pharmacist
   * dispenses; only the administrator edits the drug catalogue. */
  g_assert_true (jy_permission_role_can (JY_ROLE_SPECIALIST, JY_PERMISSION_LONG_RX_ISSUE));
  for (JyRole role = JY_ROLE_DOCTOR; role < JY_ROLE_SYSTEM; role++)
    {
      g_assert_cmpint (jy_permission_role_can (role, JY_PERMISSION_LONG_RX_DISPENSE), ==, role == JY_ROLE_PHARMACIST);
      g_assert_cmpint (jy_permission_role_can (role, JY_PERMISSION_DRUG_CATALOGUE), ==, role == JY_ROLE_ADMIN);
    }
  g_assert_false (jy_permission_role_can (JY_ROLE_NONE, JY_PERMISSION_LONG_RX_ISSUE));
  g_assert_true (jy_permission_role_can (JY_ROLE_SYSTEM, JY_PERMISSION_LONG_RX_DISPENSE));
}

static void
test_nurse_rounds_and_visits (void)
{
  g_assert_true (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_HOME_BED_ROUND));
  g_assert_true (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_HOME_VISIT));
  g_assert_true (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_RESIDENT_EDIT));
  g_assert_false (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_HOME_BED_ADMIT));
  g_assert_false (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_FOLLOWUP_RECORD));
}

static void
test_home_bed_roles (void)
{
  /* Doctors and nurses log rounds and see their beds; only a doctor
   * assesses, establishes, renews and discharges. */
  g_assert_true (jy_permission_role_can (JY_ROLE_DOCTOR, JY_PERMISSION_HOME_BED_ADMIT));
  g_assert_true (jy_permission_role_can (JY_ROLE_DOCTOR, JY_PERMISSION_HOME_BED_ROUND));
  g_assert_true (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_HOME_BED_VIEW));
  g_assert_true (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_HOME_BED_APPLY));
  g_assert_true (jy_permission_role_can (JY_ROLE_PUBLIC_HEALTH, JY_PERMISSION_HOME_BED_APPLY));
  g_assert_false (jy_permission_role_can (JY_ROLE_PUBLIC_HEALTH, JY_PERMISSION_HOME_BED_ROUND));
  /* The manager counts beds but logs nothing. */
  g_assert_true (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_HOME_BED_VIEW));
  g_assert_false (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_HOME_BED_ROUND));
  g_assert_false (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_HOME_BED_APPLY));
  /* The administrator never opens a clinical record. */
  g_assert_false (jy_permission_role_can (JY_ROLE_ADMIN, JY_PERMISSION_HOME_BED_VIEW));
  g_assert_false (jy_permission_role_can (JY_ROLE_PHARMACIST, JY_PERMISSION_HOME_BED_VIEW));
}

static void
test_nurse_cannot_retire (void)
{
  g_assert_false (jy_permission_role_can (JY_ROLE_NURSE, JY_PERMISSION_RESIDENT_RETIRE));
  g_assert_true (jy_permission_role_can (JY_ROLE_DOCTOR, JY_PERMISSION_RESIDENT_RETIRE));
  g_assert_true (jy_permission_role_can (JY_ROLE_PUBLIC_HEALTH, JY_PERMISSION_RESIDENT_RETIRE));
}

static void
test_manager_masked (void)
{
  g_assert_true (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_RESIDENT_LIST));
  g_assert_true (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_REPORTS_VIEW));
  g_assert_true (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_RESIDENT_EXPORT));
  g_assert_false (jy_permission_can_see_full_id (JY_ROLE_MANAGER));
  g_assert_false (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_RESIDENT_EDIT));
  g_assert_false (jy_permission_role_can (JY_ROLE_MANAGER, JY_PERMISSION_ACCOUNTS_MANAGE));
  /* The clinical roles need the whole number (prescriptions, insurance). */
  g_assert_true (jy_permission_can_see_full_id (JY_ROLE_DOCTOR));
  g_assert_true (jy_permission_can_see_full_id (JY_ROLE_NURSE));
  g_assert_false (jy_permission_can_see_full_id (JY_ROLE_ADMIN));
}

static void
test_only_admin_administers (void)
{
  static const JyPermission admin_only[] = {
    JY_PERMISSION_ACCOUNTS_MANAGE, JY_PERMISSION_DRUG_CATALOGUE, JY_PERMISSION_AUDIT_VIEW,
    JY_PERMISSION_CENTRE_SETTINGS, JY_PERMISSION_RESTORE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (admin_only); i++)
    for (JyRole role = JY_ROLE_NONE; role < JY_N_ROLES; role++)
      {
        gboolean expected = role == JY_ROLE_ADMIN || role == JY_ROLE_SYSTEM;

        g_assert_cmpint (jy_permission_role_can (role, admin_only[i]), ==, expected);
      }
}

static void
test_team_manage (void)
{
  for (JyRole role = JY_ROLE_NONE; role < JY_N_ROLES; role++)
    {
      gboolean expected = role == JY_ROLE_MANAGER || role == JY_ROLE_ADMIN || role == JY_ROLE_SYSTEM;

      g_assert_cmpint (jy_permission_role_can (role, JY_PERMISSION_TEAM_MANAGE), ==, expected);
    }
}

static void
test_admin_not_clinical (void)
{
  g_assert_true (jy_permission_role_can (JY_ROLE_ADMIN, JY_PERMISSION_RESIDENT_LIST));
  g_assert_false (jy_permission_role_can (JY_ROLE_ADMIN, JY_PERMISSION_RESIDENT_VIEW));
  g_assert_false (jy_permission_role_can (JY_ROLE_ADMIN, JY_PERMISSION_RESIDENT_EDIT));
  g_assert_false (jy_permission_role_can (JY_ROLE_ADMIN, JY_PERMISSION_FOLLOWUP_RECORD));
}

static void
test_nobody_and_system (void)
{
  for (JyPermission p = 0; p < JY_N_PERMISSIONS; p++)
    {
      g_assert_false (jy_permission_role_can (JY_ROLE_NONE, p));
      g_assert_true (jy_permission_role_can (JY_ROLE_SYSTEM, p));
    }
}

static void
test_every_permission_someone (void)
{
  /* A permission no staff role has is a dead feature or a typo in the matrix. */
  for (JyPermission p = 0; p < JY_N_PERMISSIONS; p++)
    {
      guint n = 0;
      JyPermission back;

      for (JyRole role = JY_ROLE_DOCTOR; role <= JY_ROLE_SPECIALIST; role++)
        n += jy_permission_role_can (role, p);
      g_assert_cmpuint (n, >, 0);
      g_assert_nonnull (jy_permission_to_string (p));
      g_assert_true (jy_permission_from_string (jy_permission_to_string (p), &back));
      g_assert_cmpint (back, ==, p);
    }
}

static void
test_role_codes (void)
{
  /* The staff.role CHECK of migration 1, in order. */
  static const char *const codes[] = {
    "doctor", "nurse", "public-health", "manager", "admin", "pharmacist", "specialist",
  };
  guint n_assignable;
  const JyRole *assignable = jy_role_get_assignable (&n_assignable);
  JyRole role;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_true (jy_role_from_string (codes[i], &role));
      g_assert_cmpint (role, ==, JY_ROLE_DOCTOR + i);
      g_assert_cmpstr (jy_role_to_string (role), ==, codes[i]);
      g_assert_nonnull (jy_role_get_label (role));
    }
  g_assert_false (jy_role_from_string ("superuser", &role));
  g_assert_false (jy_role_from_string (NULL, &role));

  g_assert_cmpuint (n_assignable, ==, 5);
  g_assert_cmpint (assignable[0], ==, JY_ROLE_DOCTOR);
  g_assert_cmpint (assignable[4], ==, JY_ROLE_ADMIN);
}

static void
test_actor (void)
{
  g_autoptr(JyActor) nurse = jy_actor_new (7, "uuid-7", "nurse01", "Test nurse", JY_ROLE_NURSE, 3);
  g_autoptr(JyActor) same = jy_actor_new (7, "uuid-7", "nurse01", "Test nurse", JY_ROLE_NURSE, 3);
  g_autoptr(JyActor) system = jy_actor_new_system (NULL);
  g_autoptr(JyActor) cli = jy_actor_new_system ("staff-42");
  g_autoptr(JyActor) nobody = jy_actor_new_nobody ();
  g_autoptr(JyActor) ref = jy_actor_ref (nurse);

  g_assert_true (ref == nurse);
  g_assert_true (jy_actor_equal (nurse, same));
  g_assert_false (jy_actor_equal (nurse, system));
  g_assert_cmpint (jy_actor_get_staff_id (nurse), ==, 7);
  g_assert_cmpint (jy_actor_get_team_id (nurse), ==, 3);
  g_assert_cmpstr (jy_actor_get_login (nurse), ==, "nurse01");
  g_assert_true (jy_actor_can (nurse, JY_PERMISSION_HOME_BED_ROUND));
  g_assert_false (jy_actor_can (nurse, JY_PERMISSION_LONG_RX_ISSUE));

  g_assert_cmpstr (jy_actor_get_uuid (system), ==, "system");
  g_assert_cmpstr (jy_actor_get_uuid (cli), ==, "staff-42");
  g_assert_true (jy_actor_can (cli, JY_PERMISSION_RESTORE));
  g_assert_false (jy_actor_can (nobody, JY_PERMISSION_RESIDENT_LIST));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/permission/doctor-issues-long-rx-nurse-does-not", test_long_prescriptions);
  g_test_add_func ("/core/permission/only managers and administrators manage teams", test_team_manage);
  g_test_add_func ("/core/permission/long-rx specialist issues pharmacist alone dispenses admin edits catalogue", test_long_rx_roles);
  g_test_add_func ("/core/permission/nurse-records-rounds-and-home-visits", test_nurse_rounds_and_visits);
  g_test_add_func ("/core/permission/home-beds-nurse-logs-rounds-doctor-admits-admin-never-sees", test_home_bed_roles);
  g_test_add_func ("/core/permission/nurse-cannot-retire-a-resident", test_nurse_cannot_retire);
  g_test_add_func ("/core/permission/manager-reads-lists-and-reports-never-full-id", test_manager_masked);
  g_test_add_func ("/core/permission/only-admin-manages-accounts-drugs-audit-settings", test_only_admin_administers);
  g_test_add_func ("/core/permission/admin-lists-but-never-opens-a-record", test_admin_not_clinical);
  g_test_add_func ("/core/permission/nobody-has-nothing-system-has-everything", test_nobody_and_system);
  g_test_add_func ("/core/permission/every-permission-belongs-to-a-role", test_every_permission_someone);
  g_test_add_func ("/core/permission/role-codes-match-staff-table", test_role_codes);
  g_test_add_func ("/core/permission/actor-carries-role-and-team", test_actor);

  return g_test_run ();
}
