/* jy-generator-contracts-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-contract-private.h"
#include "jy-generator-private.h"
#include "jy-package-store.h"

G_BEGIN_DECLS

/* Private to jy-generator-contracts.c (who signs, when, what happens
 * next) and jy-generator-contract-rows.c (the rows written for it). */

#define HISTORY_YEARS     5
#define MAX_CONTRACTS     16
#define MAX_CONTACTS      64
#define MAX_CHECKS        (HISTORY_YEARS + 1)

typedef struct
{
  gint64  id;
  gint64  lead_id;
  gint64  members[4];
  guint   n_members;
} JyGenTeamStaff;

typedef struct
{
  JyDb             *db;
  JyGenSource      *src;
  const GDate      *reference;
  GDate             history_start;
  JyGenTeamStaff        *teams;
  guint             n_teams;
  GPtrArray        *packages;        /* JyPackageRecord, current catalogue */
  const JyPackageRecord *basic;
  const JyPackageRecord *elderly;
  const JyPackageRecord *child;
  const JyPackageRecord *maternal;
  gint64            next_contract_id;
  gint64            next_contact_id;
  guint             serial[3000];    /* contract numbers per sign year */
  sqlite3_stmt     *contract_stmt;
  sqlite3_stmt     *package_stmt;
  sqlite3_stmt     *contact_stmt;
  sqlite3_stmt     *delivery_stmt;
  sqlite3_stmt     *due_stmt;
  sqlite3_stmt     *resident_stmt;
  sqlite3_stmt     *tag_stmt;
  sqlite3_stmt     *renewed_stmt;
} JyGenContractRun;

typedef struct
{
  JyDeriveContract derive;
  JySigningChannel channel;
  guint32          packages;   /* bits: 0 basic, 1 elderly, 2 child, 3 maternal */
  gboolean         fee_paid;
  gboolean         agreement_signed;
} JyGenContract;

typedef struct
{
  gint64          id;
  GDate           birth;
  int             sex;
  gint64          team_id;
  guint           team;
  gboolean        chronic;
  gboolean        disabled;
  gboolean        pregnant;
  GDate           pregnancy_start;
  GDate           pregnancy_end;
  JyGenContract     contracts[MAX_CONTRACTS];
  guint           n_contracts;
  JyContact       contacts[MAX_CONTACTS];
  gint64          contact_staff[MAX_CONTACTS];
  guint8          contact_minute[MAX_CONTACTS];
  guint           n_contacts;
  GDate           checks[MAX_CHECKS];
  guint           n_checks;
} JyGenResident;

gboolean jy_gen_contracts_prepare        (JyGenContractRun          *run,
                                          GError      **error);
gboolean jy_gen_contracts_write_resident (JyGenContractRun          *run,
                                          JyGenResident  *r,
                                          GError      **error);

G_END_DECLS
