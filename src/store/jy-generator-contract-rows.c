/* jy-generator-contract-rows.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-contracts-private.h"

/* The rows of one demo resident's contract history (drawn in
 * jy-generator-contracts.c): contracts with their packages, contacts,
 * checks, a pregnancy tag, the derived worklist data from
 * jy_contract_derive_compute(). Statements are prepared once and
 * reused; nothing goes to the outbox. */

static const char *const contact_texts[] = {
  "电话随访，询问近况，提醒按时服药",
  "微信推送健康教育资料，提醒季度随访",
  "上门查看，测量血压，指导合理膳食",
  "门诊面谈，复核用药情况，预约下次体检",
  "电话提醒参加老年人健康体检",
  "了解睡眠和饮食情况，建议适量运动",
  "短信告知签约服务内容及家庭医生联系方式",
  "询问家庭成员健康状况，更新联系方式",
};

static const char *const resident_texts[] = {
  "居民来电咨询用药",
  "居民到门诊咨询体检结果",
  "居民微信咨询预约挂号",
};

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char text[11];

  jy_db_bind_text_or_null (stmt, index, jy_contract_format_date (date, text));
}

/* 09:00–11:59 on the local @day, as UTC. */
static void
stamp_on (const GDate *day,
          guint        minute_of_morning,
          char         out[21])
{
  g_snprintf (out, 21, "%04u-%02u-%02uT%02u:%02u:00Z", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day), 1 + minute_of_morning / 60 % 3, minute_of_morning % 60);
}

static const JyPackageRecord *
package_of_bit (JyGenContractRun *run,
                guint             bit)
{
  switch (bit)
    {
    case 0: return run->basic;
    case 1: return run->elderly;
    case 2: return run->child;
    case 3: return run->maternal;
    default: return NULL;
    }
}

static gboolean
write_contract (JyGenContractRun     *run,
                const JyGenResident  *r,
                const JyGenContract  *c,
                GError              **error)
{
  const JyDeriveContract *d = &c->derive;
  sqlite3_stmt *stmt = run->contract_stmt;
  JyFeeSplit fee = { 0 };
  guint year = g_date_get_year (&d->facts.sign_date);
  guint position = 0;
  char uuid[37], number[16], stamp[21];

  g_assert (year < G_N_ELEMENTS (run->serial));
  jy_gen_make_uuid (run->src, uuid);
  g_snprintf (number, sizeof number, "%04u%06u", year, ++run->serial[year]);
  stamp_on (&d->facts.sign_date, jy_gen_rand_below (run->src, 180), stamp);
  for (guint bit = 0; bit < 4; bit++)
    if ((c->packages & (1u << bit)) != 0)
      jy_fee_split_add (&fee, &package_of_bit (run, bit)->package->annual_fee);

  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, !d->facts.voided && g_date_valid (&d->facts.termination_date)
                                ? "terminated" : "signed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, r->id);
  sqlite3_bind_int64 (stmt, 7, d->team_id);
  sqlite3_bind_int64 (stmt, 8, d->doctor_id);
  sqlite3_bind_text (stmt, 9, jy_signing_channel_to_string (c->channel), -1, SQLITE_STATIC);
  bind_date (stmt, 10, &d->facts.sign_date);
  bind_date (stmt, 11, &d->facts.start);
  bind_date (stmt, 12, &d->facts.end);
  if (d->renews_id != 0)
    sqlite3_bind_int64 (stmt, 13, d->renews_id);
  else
    sqlite3_bind_null (stmt, 13);
  bind_date (stmt, 14, &d->facts.termination_date);
  jy_db_bind_text_or_null (stmt, 15, jy_termination_reason_to_code (d->facts.termination_reason));
  if (g_date_valid (&d->facts.termination_date))
    {
      char terminated[21];

      stamp_on (&d->facts.termination_date, 30, terminated);
      sqlite3_bind_text (stmt, 16, terminated, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 17, c->fee_paid
                                      ? jy_contract_refund_fen (&d->facts, &d->facts.termination_date,
                                                                fee.resident, NULL)
                                      : 0);
    }
  else
    {
      sqlite3_bind_null (stmt, 16);
      sqlite3_bind_null (stmt, 17);
    }
  sqlite3_bind_int64 (stmt, 18, fee.insurance);
  sqlite3_bind_int64 (stmt, 19, fee.public_health);
  sqlite3_bind_int64 (stmt, 20, fee.resident);
  sqlite3_bind_int (stmt, 21, c->fee_paid);
  sqlite3_bind_text (stmt, 22, stamp, -1, SQLITE_TRANSIENT);
  if (c->agreement_signed)
    sqlite3_bind_text (stmt, 23, stamp, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 23);
  /* renewed_by_id names a later row: set once that row exists (a
   * reference to a missing row would make SQLite look for it on every
   * insert). */
  sqlite3_bind_null (stmt, 24);
  bind_date (stmt, 25, &d->facts.renewed_on);
  bind_date (stmt, 26, &d->cover_last);
  bind_date (stmt, 27, &d->run_first);
  if (!jy_db_step_done (run->db, stmt, error))
    return FALSE;

  for (guint bit = 0; bit < 4; bit++)
    {
      const JyPackageRecord *record = package_of_bit (run, bit);

      if ((c->packages & (1u << bit)) == 0)
        continue;
      stmt = run->package_stmt;
      sqlite3_bind_int64 (stmt, 1, d->id);
      sqlite3_bind_int (stmt, 2, (int)position++);
      sqlite3_bind_int64 (stmt, 3, record->id);
      sqlite3_bind_text (stmt, 4, record->package->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, record->package->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, bit == 0 ? "basic" : "personalised", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, record->package->annual_fee.insurance);
      sqlite3_bind_int64 (stmt, 8, record->package->annual_fee.public_health);
      sqlite3_bind_int64 (stmt, 9, record->package->annual_fee.resident);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The live contract of @r covering @day, 0 if none. */
static gint64
covering (const JyGenResident *r,
          const GDate         *day)
{
  for (guint i = 0; i < r->n_contracts; i++)
    {
      const JyDeriveContract *d = &r->contracts[i].derive;

      if (g_date_valid (&d->cover_last) && g_date_compare (&d->facts.start, day) <= 0 &&
          g_date_compare (day, &d->cover_last) <= 0)
        return d->id;
    }
  return 0;
}

static gboolean
write_contacts (JyGenContractRun     *run,
                const JyGenResident  *r,
                GError              **error)
{
  for (guint k = 0; k < r->n_contacts; k++)
    {
      const JyContact *contact = &r->contacts[k];
      sqlite3_stmt *stmt = run->contact_stmt;
      gint64 contract = covering (r, &contact->date);
      gboolean by_team = contact->initiator == JY_CONTACT_BY_TEAM;
      char uuid[37], stamp[21];

      jy_gen_make_uuid (run->src, uuid);
      g_snprintf (stamp, sizeof stamp, "%04u-%02u-%02uT%02u:%02u:00Z",
                  g_date_get_year (&contact->date), g_date_get_month (&contact->date),
                  g_date_get_day (&contact->date), r->contact_minute[k] % 10,
                  r->contact_minute[k]);
      sqlite3_bind_int64 (stmt, 1, run->next_contact_id++);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, r->id);
      if (contract != 0)
        sqlite3_bind_int64 (stmt, 5, contract);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, jy_contact_channel_to_string (contact->channel), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, by_team ? "team" : "resident", -1, SQLITE_STATIC);
      if (r->contact_staff[k] != 0)
        sqlite3_bind_int64 (stmt, 8, r->contact_staff[k]);
      else
        sqlite3_bind_null (stmt, 8);
      bind_date (stmt, 9, &contact->date);
      sqlite3_bind_text (stmt, 10, by_team ? contact_texts[(r->id + k) % G_N_ELEMENTS (contact_texts)]
                                           : resident_texts[(r->id + k) % G_N_ELEMENTS (resident_texts)],
                         -1, SQLITE_STATIC);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_checks (JyGenContractRun     *run,
              const JyGenResident  *r,
              GError              **error)
{
  for (guint k = 0; k < r->n_checks; k++)
    {
      sqlite3_stmt *stmt = run->delivery_stmt;
      gint64 contract = covering (r, &r->checks[k]);
      char uuid[37], stamp[21];

      jy_gen_make_uuid (run->src, uuid);
      stamp_on (&r->checks[k], jy_gen_rand_below (run->src, 180), stamp);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, r->id);
      if (contract != 0)
        sqlite3_bind_int64 (stmt, 4, contract);
      else
        sqlite3_bind_null (stmt, 4);
      if (run->teams[r->team].n_members > 0)
        sqlite3_bind_int64 (stmt, 5, run->teams[r->team].lead_id);
      else
        sqlite3_bind_null (stmt, 5);
      bind_date (stmt, 6, &r->checks[k]);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jy_gen_contracts_write_resident (JyGenContractRun  *run,
                                 JyGenResident     *r,
                                 GError           **error)
{
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (JyContactDueRow));
  JyDeriveContract derive[MAX_CONTRACTS];
  GDate last_contact, last_check;
  sqlite3_stmt *stmt;
  int head;

  if (r->pregnant)
    {
      char uuid[37], stamp[21];

      stmt = run->tag_stmt;
      jy_gen_make_uuid (run->src, uuid);
      stamp_on (&r->pregnancy_start, 0, stamp);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, r->id);
      bind_date (stmt, 4, &r->pregnancy_start);
      if (g_date_compare (&r->pregnancy_end, run->reference) <= 0)
        bind_date (stmt, 5, &r->pregnancy_end);
      else
        sqlite3_bind_null (stmt, 5);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }

  if (r->n_contracts == 0 && r->n_checks == 0)
    return TRUE;

  for (guint i = 0; i < r->n_contracts; i++)
    derive[i] = r->contracts[i].derive;
  head = jy_contract_derive_compute (derive, r->n_contracts, r->contacts, r->n_contacts, due,
                                     &last_contact);
  for (guint i = 0; i < r->n_contracts; i++)
    {
      r->contracts[i].derive = derive[i];
      if (!write_contract (run, r, &r->contracts[i], error))
        return FALSE;
    }
  for (guint i = 0; i < r->n_contracts; i++)
    if (derive[i].renewed_by_id != 0)
      {
        stmt = run->renewed_stmt;
        sqlite3_bind_int64 (stmt, 1, derive[i].renewed_by_id);
        sqlite3_bind_int64 (stmt, 2, derive[i].id);
        if (!jy_db_step_done (run->db, stmt, error))
          return FALSE;
      }
  if (!write_contacts (run, r, error) || !write_checks (run, r, error))
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      const JyContactDueRow *row = &g_array_index (due, JyContactDueRow, i);

      stmt = run->due_stmt;
      sqlite3_bind_int64 (stmt, 1, r->id);
      bind_date (stmt, 2, &row->period_first);
      bind_date (stmt, 3, &row->period_last);
      sqlite3_bind_int64 (stmt, 4, row->contract_id);
      sqlite3_bind_int64 (stmt, 5, row->team_id);
      sqlite3_bind_int64 (stmt, 6, row->doctor_id);
      bind_date (stmt, 7, &row->last_contact);
      if (!jy_db_step_done (run->db, stmt, error))
        return FALSE;
    }

  g_date_clear (&last_check, 1);
  for (guint k = 0; k < r->n_checks; k++)
    if (!g_date_valid (&last_check) || g_date_compare (&r->checks[k], &last_check) > 0)
      last_check = r->checks[k];

  stmt = run->resident_stmt;
  if (head >= 0)
    sqlite3_bind_int64 (stmt, 1, derive[head].id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_date (stmt, 2, &last_contact);
  bind_date (stmt, 3, &last_check);
  sqlite3_bind_int64 (stmt, 4, r->id);
  return jy_db_step_done (run->db, stmt, error);
}

gboolean
jy_gen_contracts_prepare (JyGenContractRun  *run,
                          GError           **error)
{
  static const char contract_sql[] =
    "INSERT INTO contract (id, uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  status, contract_no, site_id, resident_id, team_id, doctor_id, household_id, channel,\n"
    "  sign_date, start_date, end_date, renews_id, termination_date, termination_reason,\n"
    "  terminated_at, refund_fen, fee_insurance, fee_public_health, fee_resident, fee_paid,\n"
    "  agreement_printed_at, agreement_signed_at, renewed_by_id, renewed_on, cover_last, run_first)\n"
    "SELECT ?1, ?2, ?3, ?3, 'system', 1, '1', ?4, ?5, t.site_id, ?6, ?7, ?8, r.household_id, ?9,\n"
    "  ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27\n"
    "FROM team t, resident r WHERE t.id = ?7 AND r.id = ?6";
  static const char package_sql[] =
    "INSERT INTO contract_package (contract_id, position, package_id, code, name, kind,\n"
    "  fee_insurance, fee_public_health, fee_resident) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  static const char contact_sql[] =
    "INSERT INTO contact_log (id, uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  resident_id, contract_id, channel, initiated_by, staff_id, contacted_at, contact_date, content)\n"
    "VALUES (?1, ?2, ?3, ?3, 'system', 1, '1', ?4, ?5, ?6, ?7, ?8, ?3, ?9, ?10)";
  static const char delivery_sql[] =
    "INSERT INTO service_delivery (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  resident_id, contract_id, item_code, staff_id, delivered_at, delivery_date)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, ?4, '" JY_ANNUAL_CHECK_ITEM "', ?5, ?2, ?6)";
  static const char due_sql[] =
    "INSERT INTO contact_due (resident_id, period_first, period_last, contract_id, team_id,\n"
    "  doctor_id, last_contact_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  static const char resident_sql[] =
    "UPDATE resident SET contract_id = ?1, last_contact_date = ?2, annual_check_date = ?3\n"
    "WHERE id = ?4";
  static const char renewed_sql[] = "UPDATE contract SET renewed_by_id = ?1 WHERE id = ?2";
  static const char tag_sql[] =
    "INSERT INTO resident_tag (uuid, created_at, updated_at, created_by, rev, remote_version,\n"
    "  resident_id, tag, start_date, end_date, source)\n"
    "VALUES (?1, ?2, ?2, 'system', 1, '1', ?3, 'pregnant', ?4, ?5, '孕产妇登记')";

  return (run->contract_stmt = jy_db_prepare (run->db, contract_sql, error)) != NULL &&
         (run->package_stmt = jy_db_prepare (run->db, package_sql, error)) != NULL &&
         (run->contact_stmt = jy_db_prepare (run->db, contact_sql, error)) != NULL &&
         (run->delivery_stmt = jy_db_prepare (run->db, delivery_sql, error)) != NULL &&
         (run->due_stmt = jy_db_prepare (run->db, due_sql, error)) != NULL &&
         (run->resident_stmt = jy_db_prepare (run->db, resident_sql, error)) != NULL &&
         (run->tag_stmt = jy_db_prepare (run->db, tag_sql, error)) != NULL &&
         (run->renewed_stmt = jy_db_prepare (run->db, renewed_sql, error)) != NULL;
}

/* One resident: who they are, then their history, then the rows. */
