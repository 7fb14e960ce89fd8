/* jy-centre-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* The centre this database belongs to, and the counts shown on Today. */
typedef struct
{
  char    *uuid;          /* NULL when the centre has not been named yet */
  char    *name;
  char    *code;
  gboolean is_demo;
  gint64   n_residents;   /* active residents */
  gint64   n_teams;
  gint64   n_staff;
} JyCentreSummary;

void             jy_centre_summary_free (JyCentreSummary *summary);

/* JyStoreFunc for jy_store_read(): returns a JyCentreSummary. */
gpointer         jy_centre_store_load   (JyDb            *db,
                                         gpointer         data,
                                         GCancellable    *cancellable,
                                         GError         **error);

typedef struct
{
  char *name;
  char *code;
} JyCentreIdentity;

void             jy_centre_identity_free (JyCentreIdentity *identity);

/* JyStoreFunc for jy_store_write(): @data is a JyCentreIdentity. Creates
 * the centre site on first use, else updates it; either way the change
 * goes to the outbox and the audit log. */
gpointer         jy_centre_store_save   (JyDb            *db,
                                         gpointer         data,
                                         GCancellable    *cancellable,
                                         GError         **error);
/* The same without the permission check (JY_PERMISSION_CENTRE_SETTINGS):
 * only for setting up the first administrator, before anyone signs in. */
gboolean         jy_centre_store_save_identity (JyDb                    *db,
                                                const JyCentreIdentity  *identity,
                                                GError                 **error);

/* What the filters and forms offer: streets and communities the centre
 * serves, and its teams. */
typedef struct
{
  char   *code;
  char   *name;
  int     level;       /* 4 street, 5 community */
} JyAreaChoice;

typedef struct
{
  gint64  id;
  char   *name;
} JyTeamChoice;

/* Active clinical staff: who can be a responsible doctor or an author. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *role;        /* doctor, nurse, public-health … */
  gint64  team_id;     /* their team, 0 if none */
} JyStaffChoice;

typedef struct
{
  GPtrArray *areas;    /* JyAreaChoice, streets each followed by their communities */
  GPtrArray *teams;    /* JyTeamChoice */
  GPtrArray *staff;    /* JyStaffChoice, doctors first, by team then name */
} JyCentreChoices;

void     jy_centre_choices_free   (JyCentreChoices *choices);

/* JyStoreFunc for jy_store_read(): returns a JyCentreChoices. */
gpointer jy_centre_store_load_choices (JyDb         *db,
                                       gpointer      data,
                                       GCancellable *cancellable,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyCentreSummary, jy_centre_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyCentreChoices, jy_centre_choices_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyCentreIdentity, jy_centre_identity_free)

G_END_DECLS
