/* jy-contract-counts.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-contract-indicators.h"
#include "jy-db.h"
#include "jy-quarter.h"

G_BEGIN_DECLS

/* The contract indicators of a period (domain.md §2.6, monthly C01–C07),
 * as jy-contract-indicators.h defines them per resident, counted over
 * the store. The residents counted are every non-voided resident (with
 * @team_id: whose responsible team, resident.team_id, it is); one counts
 * in the key-population totals if still registered on period->last
 * (status active, or moved out, dead or lost after that day), with
 * jy_key_population_derive() on that day and the annual 65+ rule. Death
 * and move-out dates exclude a contract from the renewal cohort.
 *
 * jy_contract_counts_compute() is the fast path: SQL aggregates over the
 * derived columns of migration_3, under a second at 200,000 residents.
 * jy_contract_counts_compute_by_residents() feeds every resident through
 * jy_contract_indicators_add_resident(), the definition; the tests prove
 * both give the same counts. Neither computes 履约率 (active_fulfilled
 * stays 0): fulfilment needs the follow-up schedule of the chronic-care
 * records. Use the JyRate helpers of jy-contract-indicators.h on the
 * result (coverage needs the configured permanent population). */

gboolean jy_contract_counts_compute              (JyDb                    *db,
                                                  const JyIndicatorPeriod *period,
                                                  gint64                   team_id,
                                                  JyContractIndicators    *out,
                                                  GError                 **error);
gboolean jy_contract_counts_compute_by_residents (JyDb                    *db,
                                                  const JyIndicatorPeriod *period,
                                                  gint64                   team_id,
                                                  JyContractIndicators    *out,
                                                  GError                 **error);

/* Residents still registered on @day (the key-population rule above). */
gint64   jy_contract_counts_registered           (JyDb                    *db,
                                                  const GDate             *day,
                                                  gint64                   team_id,
                                                  GError                 **error);

/* A quarter as an indicator period: its days, contacts over all of it,
 * renewals as of its last day. */
void     jy_contract_counts_period_for_quarter   (const JyQuarter         *quarter,
                                                  JyIndicatorPeriod       *out);

G_END_DECLS
