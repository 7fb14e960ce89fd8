/* test-store-fixture.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-resident.h"
#include "jy-store.h"

G_BEGIN_DECLS

/* A centre database in a temporary folder for the store tests: named
 * centre, two communities, one team, opened as the system. */
typedef struct
{
  char    *tmpdir;
  char    *path;
  JyStore *store;
  GDate    today;
  gint64   team_id;
} JyTestCentre;

void        jy_test_centre_setup     (JyTestCentre  *fx,
                                      gconstpointer  user_data);
void        jy_test_centre_teardown  (JyTestCentre  *fx,
                                      gconstpointer  user_data);

/* A synthetic person with a valid, made-up ID number. */
JyResident *jy_test_make_resident    (const char    *name,
                                      const char    *id_number);
/* Inserts as the current session; returns the id (0 and @error on failure). */
gint64      jy_test_insert_resident  (JyTestCentre  *fx,
                                      JyResident    *resident,
                                      GError       **error);
/* A session of @role not backed by a staff row (role checks only). */
void        jy_test_act_as           (JyTestCentre  *fx,
                                      JyRole         role);
gint64      jy_test_count            (JyTestCentre  *fx,
                                      const char    *sql);

G_END_DECLS
