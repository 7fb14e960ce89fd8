/* jy-contract-lifecycle.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-store.h"

#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-contract-private.h"
#include "jy-store.h"

/* What happens to a contract after signing: termination (with a pending
 * renewal), voiding, the agreement printed and signed, the resident's
 * death or moving out. Signing and renewal are in jy-contract-sign.c. */

static const JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char text[11];

  jy_db_bind_text_or_null (stmt, index, jy_contract_format_date (date, text));
}

/* Termination ---------------------------------------------------------------- */

static gboolean
write_termination (JyDb                 *db,
                   const JyContract     *contract,
                   const GDate          *date,
                   JyTerminationReason   reason,
                   const char           *note,
                   GError              **error)
{
  static const char sql[] =
    "UPDATE contract SET status = 'terminated', termination_date = ?1, termination_reason = ?2,\n"
    "  termination_note = ?3, terminated_at = ?4, terminated_by = ?5, refund_fen = ?6,\n"
    "  rev = rev + 1, updated_at = ?4\n"
    "WHERE id = ?7";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  JyTerminationCheck check = jy_contract_check_termination (&contract->facts, date, reason);
  sqlite3_stmt *stmt;
  gint64 refund = 0;
  char day[11];

  if (check != JY_TERMINATION_CHECK_OK)
    {
      JyContractRefusal *refusal = jy_contract_set_refusal (error, JY_CONTRACT_ERROR_TERMINATION,
                                                            "The contract cannot be terminated");

      if (refusal != NULL)
        refusal->termination = check;
      return FALSE;
    }

  /* What the resident paid, pro rata (§2.3, configurable). */
  if (contract->fee_paid)
    refund = jy_contract_refund_fen (&contract->facts, date, contract->fee.resident, &policy);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  bind_date (stmt, 1, date);
  sqlite3_bind_text (stmt, 2, jy_termination_reason_to_code (reason), -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 3, note);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, refund);
  sqlite3_bind_int64 (stmt, 7, contract->id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  detail = g_strdup_printf ("{\"event\":\"terminate\",\"date\":\"%s\",\"reason\":\"%s\",\"refund\":%"
                            G_GINT64_FORMAT "}",
                            jy_contract_format_date (date, day),
                            jy_termination_reason_to_code (reason), refund);
  return jy_store_record_change (db, "contract", contract->uuid, JY_CHANGE_UPDATE,
                                 contract->rev + 1, detail, error);
}

/* Terminates @contract and a renewal of it that has not started by @date
 * (on its sign date if that is later, so it covers no day). */
gboolean
jy_contract_terminate_with_renewal (JyDb                 *db,
                                    const JyContract     *contract,
                                    const GDate          *date,
                                    JyTerminationReason   reason,
                                    const char           *note,
                                    const GDate          *today,
                                    GError              **error)
{
  if (!write_termination (db, contract, date, reason, note, error))
    return FALSE;

  if (contract->renewed_by_id != 0)
    {
      g_autoptr(JyContract) renewal = jy_contract_store_load (db, contract->renewed_by_id, today, error);
      GDate renewal_date;

      if (renewal == NULL)
        return FALSE;
      renewal_date = g_date_compare (date, &renewal->facts.sign_date) < 0 ? renewal->facts.sign_date : *date;
      if (!g_date_valid (&renewal->facts.termination_date) &&
          g_date_compare (&renewal_date, &renewal->facts.start) <= 0 &&
          !jy_contract_terminate_with_renewal (db, renewal, &renewal_date, reason, note, today, error))
        return FALSE;
    }
  return TRUE;
}

JyContract *
jy_contract_load_at_rev (JyDb         *db,
                         gint64        id,
                         gint64        rev,
                         const GDate  *today,
                         GError      **error)
{
  g_autoptr(JyContract) contract = jy_contract_store_load (db, id, today, error);

  if (contract != NULL && contract->rev != rev)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Contract %" G_GINT64_FORMAT " changed since it was loaded", id);
      return NULL;
    }
  return g_steal_pointer (&contract);
}

JyContract *
jy_contract_store_terminate (JyDb                 *db,
                             gint64                id,
                             gint64                rev,
                             const GDate          *date,
                             JyTerminationReason   reason,
                             const char           *note,
                             const GDate          *today,
                             GError              **error)
{
  g_autoptr(JyContract) contract = NULL;
  GDate today_storage;
  const GDate *day = jy_contract_reference (today, &today_storage);

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_SIGN, error))
    return FALSE;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if ((contract = jy_contract_load_at_rev (db, id, rev, day, error)) == NULL ||
      !jy_contract_terminate_with_renewal (db, contract, date, reason, note, day, error) ||
      !jy_contract_derive_resident (db, contract->resident_id, error))
    return NULL;
  return jy_contract_store_load (db, id, day, error);
}

JyContract *
jy_contract_store_void (JyDb        *db,
                        gint64       id,
                        gint64       rev,
                        const char  *note,
                        GError     **error)
{
  static const char sql[] =
    "UPDATE contract SET status = 'voided', rev = rev + 1, updated_at = ?1 WHERE id = ?2";
  g_autoptr(JyContract) contract = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_SIGN, error))
    return FALSE;

  if ((contract = jy_contract_load_at_rev (db, id, rev, NULL, error)) == NULL)
    return NULL;
  if (contract->facts.voided)
    return g_steal_pointer (&contract);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!jy_db_step_done (db, stmt, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, "void");
  if (note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  if (!jy_contract_derive_resident (db, contract->resident_id, error) ||
      !jy_store_record_change (db, "contract", contract->uuid, JY_CHANGE_RETIRE, contract->rev + 1,
                               detail, error))
    return NULL;
  return jy_contract_store_load (db, id, NULL, error);
}

JyContract *
jy_contract_store_mark_agreement (JyDb              *db,
                                  gint64             id,
                                  JyAgreementEvent   event,
                                  GError           **error)
{
  static const char printed_sql[] =
    "UPDATE contract SET agreement_printed_at = ?1, rev = rev + 1, updated_at = ?1\n"
    "WHERE id = ?2 RETURNING uuid, rev";
  static const char signed_sql[] =
    "UPDATE contract SET agreement_signed_at = ?1, rev = rev + 1, updated_at = ?1\n"
    "WHERE id = ?2 AND agreement_signed_at IS NULL RETURNING uuid, rev";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  int rc;

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_SIGN, error))
    return FALSE;

  if ((stmt = jy_db_prepare (db, event == JY_AGREEMENT_SIGNED ? signed_sql : printed_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    {
      uuid = jy_db_column_dup_text (stmt, 0);
      rev = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (uuid != NULL &&
      !jy_store_record_change (db, "contract", uuid, JY_CHANGE_UPDATE, rev,
                               event == JY_AGREEMENT_SIGNED ? "{\"event\":\"agreement-signed\"}"
                                                            : "{\"event\":\"agreement-printed\"}",
                               error))
    return NULL;
  /* Signed already: the first signing time stays, nothing changes. */
  return jy_contract_store_load (db, id, NULL, error);
}

gboolean
jy_contract_store_end_for_exit (JyDb         *db,
                                gint64        resident_id,
                                const char   *status,
                                const GDate  *date,
                                GError      **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  JyTerminationReason reason;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_strcmp0 (status, "dead") == 0)
    reason = JY_TERMINATION_REASON_DEATH;
  else if (g_strcmp0 (status, "moved-out") == 0)
    reason = JY_TERMINATION_REASON_MOVED_OUT;
  else
    return TRUE;

  if ((contracts = jy_contract_store_list_for_resident (db, resident_id, date, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < contracts->len; i++)
    {
      const JyContract *c = g_ptr_array_index (contracts, i);
      GDate day = *date;

      /* In force or pending on the day (jy_contract_ends_on_death says the
       * same for death); a contract signed after it ends at its signing. */
      if (!jy_contract_ends_on_death (&c->facts, date) || g_date_valid (&c->facts.termination_date))
        continue;
      if (g_date_compare (&day, &c->facts.sign_date) < 0)
        day = c->facts.sign_date;
      if (!write_termination (db, c, &day, reason, NULL, error))
        return FALSE;
    }
  return jy_contract_derive_resident (db, resident_id, error);
}
