/* jy-generator-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jy-db.h"
#include "jy-generator-data.h"
#include "jy-generator.h"

G_BEGIN_DECLS

/* Private to src/store/: the state of one jy_generator_run(), shared by
 * jy-generator.c (the district, sites, staff and teams),
 * jy-generator-residents.c (the residents, household by household) and
 * jy-generator-chronic-rows.c (their chronic-disease care). */

#define JY_GEN_MAX_STATIONS        4
#define JY_GEN_ROADS_PER_COMMUNITY 3

typedef struct
{
  char  code[13];
  char  name[32];
  guint weight;        /* relative number of residents */
  guint serial;        /* last archive serial given out */
  guint first_team;    /* covered by teams [first_team, first_team + n_teams) */
  guint n_teams;
  char  roads[JY_GEN_ROADS_PER_COMMUNITY][32];
} JyGenCommunity;

typedef struct
{
  gint64 id;
  guint  site;
} JyGenTeam;

typedef enum
{
  JY_GEN_ROLE_DOCTOR,
  JY_GEN_ROLE_NURSE,
  JY_GEN_ROLE_PUBLIC_HEALTH,
  JY_GEN_ROLE_MANAGER,
  JY_GEN_ROLE_ADMIN,
  JY_GEN_ROLE_PHARMACIST,
  JY_GEN_ROLE_SPECIALIST,
  JY_GEN_N_ROLES
} JyGenRole;

typedef struct
{
  JyDb        *db;
  JyGenSource  src;
  GDate        reference;
  char        *now;

  char         first_street_name[32];
  GArray      *communities;            /* of JyGenCommunity, street by street */
  guint        n_served;               /* the centre serves the first n_served */
  guint       *community_cumulative;   /* running sum of the served ones' weights */

  gint64       site_ids[1 + JY_GEN_MAX_STATIONS];
  guint        n_sites;
  JyGenTeam   *teams;
  guint        n_teams;
  guint        n_staff;
  guint        logins[JY_GEN_N_ROLES];
  gint64       saved_cache_size;       /* the connection's, while the run uses a big one */
} JyGenerator;

static inline JyGenCommunity *
jy_generator_get_community (JyGenerator *g,
                            guint        index)
{
  return &g_array_index (g->communities, JyGenCommunity, index);
}

void     jy_generator_format_date     (const GDate          *date,
                                       char                  out[11]);
gboolean jy_generator_build_residents (JyGenerator          *g,
                                       guint                 n_residents,
                                       JyGeneratorProgress   progress,
                                       gpointer              user_data,
                                       GError              **error);
/* Hypertension and diabetes enrolments, follow-ups and drugs of the
 * residents written (jy-generator-chronic-rows.c). */
gboolean jy_generator_build_chronic   (JyGenerator          *g,
                                       GError              **error);

/* Contracts, contacts and checks of the residents written (jy-generator-contracts.c). */
gboolean jy_generator_build_contracts (JyGenerator          *g,
                                       GError              **error);

/* Home beds with their rounds, renewals and discharges (jy-generator-home-beds.c). */
gboolean jy_generator_build_home_beds (JyGenerator          *g,
                                       guint                 n_residents,
                                       GError              **error);

/* Long prescriptions of signed, controlled patients, with their
 * dispenses (jy-generator-long-rx.c); after the contracts. */
gboolean jy_generator_build_long_rx   (JyGenerator          *g,
                                       GError              **error);

G_END_DECLS
