/* jy-team-store.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"
#include "jy-contract.h"
#include "jy-team.h"

G_BEGIN_DECLS

/* Family-doctor teams (家庭医生团队, domain.md §2.1): members with their
 * roles and periods, the communities the team is responsible for, and
 * moving residents between teams. Dates are local YYYY-MM-DD. */

typedef struct
{
  gint64      id;            /* team_member row */
  char       *uuid;
  gint64      rev;
  gint64      staff_id;
  char       *staff_name;
  JyTeamRole  role;
  char       *institution;   /* partner hospital of a specialist; NULL: the centre */
  char       *start_date;
  char       *end_date;      /* NULL while on the team */
  gboolean    is_lead;
  gboolean    current;       /* on the team on the reference date */
} JyTeamMemberRecord;

typedef struct
{
  char *code;                /* 12-digit community code */
  char *name;                /* street + community */
} JyTeamArea;

typedef struct
{
  gint64     id;
  char      *uuid;
  gint64     rev;
  char      *status;         /* active, inactive */
  gint64     site_id;
  char      *site_name;
  char      *code;
  char      *name;
  gint64     lead_staff_id;  /* 0: none */
  char      *lead_name;
  GPtrArray *members;        /* JyTeamMemberRecord: current ones first, then by start */
  GPtrArray *areas;          /* JyTeamArea, by code */
  gint64     n_residents;    /* active residents in the team's care (resident.team_id) */
  gint64     n_signed;       /* residents with a contract of the team in force */
  /* jy_team_check() on the reference date: JY_TEAM_PROBLEM_NO_NURSE and
   * _NO_PUBLIC_HEALTH are warnings (a team forms over time); the store
   * refuses a lead who is not a current member able to lead. */
  guint      problems;
} JyTeamRecord;

/* Staff a team form offers. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *role;                /* staff.role */
  gint64  site_id;
} JyTeamStaffChoice;

void          jy_team_member_record_free   (JyTeamMemberRecord *member);
void          jy_team_area_free            (JyTeamArea         *area);
void          jy_team_record_free          (JyTeamRecord       *team);
void          jy_team_staff_choice_free         (JyTeamStaffChoice      *choice);

/* Reads; @reference is the day members and signed residents are counted
 * on (NULL: today). */
GPtrArray    *jy_team_store_list           (JyDb               *db,
                                            gboolean            include_inactive,
                                            const GDate        *reference,
                                            GError            **error);
JyTeamRecord *jy_team_store_load           (JyDb               *db,
                                            gint64              id,
                                            const GDate        *reference,
                                            GError            **error);
GPtrArray    *jy_team_store_list_staff     (JyDb               *db,
                                            GError            **error);
/* Residents with a contract in force on @reference whose responsible
 * doctor is @doctor_id: compare with jy_team_caseload_exceeded(). */
gint64        jy_team_store_doctor_caseload (JyDb              *db,
                                             gint64             doctor_id,
                                             const GDate       *reference,
                                             GError           **error);

/* Writes: call inside a write job; outbox and audit in its transaction.
 * Creating a team makes @lead_staff_id its first member (family doctor
 * from @start_date); @site_id 0 is the centre. Returns the team id, 0 on
 * error. */
gint64        jy_team_store_create         (JyDb               *db,
                                            gint64              site_id,
                                            const char         *code,
                                            const char         *name,
                                            gint64              lead_staff_id,
                                            JyTeamRole          lead_role,
                                            const char         *start_date,
                                            GError            **error);
/* Name, code, lead and status (active/inactive). The lead must be a
 * current member whose role may lead (jy_team_role_can_lead). */
gboolean      jy_team_store_update         (JyDb               *db,
                                            gint64              id,
                                            gint64              rev,
                                            const char         *code,
                                            const char         *name,
                                            gint64              lead_staff_id,
                                            const char         *status,
                                            GError            **error);
gint64        jy_team_store_add_member     (JyDb               *db,
                                            gint64              team_id,
                                            gint64              staff_id,
                                            JyTeamRole          role,
                                            const char         *institution,
                                            const char         *start_date,
                                            GError            **error);
/* The member leaves the team after @end_date; the lead cannot leave
 * before another lead is named. */
gboolean      jy_team_store_end_member     (JyDb               *db,
                                            gint64              member_id,
                                            const char         *end_date,
                                            GError            **error);
/* Replaces the communities of responsibility (NULL-terminated codes). */
gboolean      jy_team_store_set_areas      (JyDb               *db,
                                            gint64              team_id,
                                            const char *const  *area_codes,
                                            GError            **error);

/* Moves residents into @to_team_id's care (resident.team_id), each an
 * audited change of the resident. With @transfer_contracts, a contract
 * of another team in force or pending on @date is handed over the way
 * §2.3 says a change of team goes: terminated on @date with @reason
 * (change of team, or institution side when a team is dissolved) and a
 * new contract signed with the new team's lead on @date, with the same
 * packages and yearly fees (jy_contract_store_transfer). Returns how many
 * residents moved in @n_moved and contracts were handed over in
 * @n_transferred (both may be NULL). */
gboolean      jy_team_store_move_residents (JyDb               *db,
                                            const gint64       *resident_ids,
                                            guint               n_residents,
                                            gint64              to_team_id,
                                            gboolean            transfer_contracts,
                                            const GDate        *date,
                                            JyTerminationReason reason,
                                            guint              *n_moved,
                                            guint              *n_transferred,
                                            GError            **error);

/* A community changing teams: @area_code leaves every other team's
 * communities of responsibility and joins @to_team_id's (each team's
 * change recorded as jy_team_store_set_areas records it), and every
 * active resident of it not yet in @to_team_id's care moves there as
 * above. */
gboolean      jy_team_store_move_area      (JyDb               *db,
                                            const char         *area_code,
                                            gint64              to_team_id,
                                            gboolean            transfer_contracts,
                                            const GDate        *date,
                                            JyTerminationReason reason,
                                            guint              *n_moved,
                                            guint              *n_transferred,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyTeamRecord, jy_team_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyTeamStaffChoice, jy_team_staff_choice_free)

G_END_DECLS
