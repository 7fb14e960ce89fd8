/* jy-contract-store.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-contract-store.h"

#include <string.h>

#include "jy-clock.h"
#include "jy-contract-private.h"
#include "jy-person.h"
#include "jy-team-store.h"

/* Contracts: records, reads and the signing draft. The refusal error is
 * in jy-contract-error.c, the writes in jy-contract-sign.c,
 * jy-contract-lifecycle.c and jy-contract-contact.c. */

/* Records ------------------------------------------------------------------- */

void
jy_contract_package_free (JyContractPackage *package)
{
  if (package == NULL)
    return;
  g_free (package->code);
  g_free (package->name);
  g_clear_pointer (&package->definition, jy_service_package_free);
  g_free (package);
}

void
jy_contract_free (JyContract *contract)
{
  if (contract == NULL)
    return;
  g_free (contract->uuid);
  g_free (contract->contract_no);
  g_free (contract->status);
  g_free (contract->team_name);
  g_free (contract->doctor_name);
  g_free (contract->signer_name);
  g_free (contract->signer_relation);
  g_free (contract->signer_id_masked);
  g_free (contract->consent_version);
  g_free (contract->termination_note);
  g_free (contract->agreement_printed_at);
  g_free (contract->agreement_signed_at);
  g_free (contract->created_at);
  g_free (contract->created_by_name);
  g_clear_pointer (&contract->packages, g_ptr_array_unref);
  g_free (contract);
}

void
jy_contact_record_free (JyContactRecord *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->uuid);
  g_free (contact->status);
  g_free (contact->staff_name);
  g_free (contact->contacted_at);
  g_free (contact->content);
  g_strfreev (contact->delivered_items);
  g_free (contact);
}

void
jy_contract_request_init (JyContractRequest *request)
{
  g_return_if_fail (request != NULL);

  *request = (JyContractRequest) { 0 };
  g_date_clear (&request->sign_date, 1);
  g_date_clear (&request->start_date, 1);
  request->channel = JY_SIGNING_CHANNEL_CLINIC;
}

const GDate *
jy_contract_reference (const GDate *date,
                       GDate       *storage)
{
  if (date != NULL && g_date_valid (date))
    return date;
  {
    g_autoptr(GDate) today = jy_clock_today_local ();

    *storage = *today;
  }
  return storage;
}

/* Residents ----------------------------------------------------------------- */

void
jy_contract_resident_clear (JyContractResident *resident)
{
  g_clear_pointer (&resident->uuid, g_free);
  g_clear_pointer (&resident->status, g_free);
  g_clear_pointer (&resident->sex, g_free);
  g_clear_pointer (&resident->household_id, g_free);
  g_clear_pointer (&resident->manual_tags, g_array_unref);
}

gboolean
jy_contract_load_resident (JyDb                *db,
                           gint64               resident_id,
                           JyContractResident  *out,
                           GError             **error)
{
  static const char sql[] =
    "SELECT uuid, status, sex, birth_date, ifnull (team_id, 0), household_id\n"
    "FROM resident WHERE id = ?1";
  static const char tags_sql[] =
    "SELECT tag, start_date, end_date FROM resident_tag\n"
    "WHERE resident_id = ?1 AND status = 'active'";
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  out->id = resident_id;
  out->manual_tags = g_array_new (FALSE, TRUE, sizeof (JyManualTag));
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No resident with id %" G_GINT64_FORMAT, resident_id);
      return FALSE;
    }
  out->uuid = jy_db_column_dup_text (stmt, 0);
  out->status = jy_db_column_dup_text (stmt, 1);
  out->sex = jy_db_column_dup_text (stmt, 2);
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 3), &out->birth);
  out->team_id = sqlite3_column_int64 (stmt, 4);
  out->household_id = jy_db_column_dup_text (stmt, 5);
  sqlite3_reset (stmt);

  if ((stmt = jy_db_prepare (db, tags_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyManualTag tag = { 0 };
      JyKeyPopulation kind;

      if (!jy_key_population_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
        continue;
      tag.tag = kind;
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 1), &tag.start);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 2), &tag.end);
      g_array_append_val (out->manual_tags, tag);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

guint32
jy_contract_resident_key_populations (const JyContractResident *resident,
                                      const GDate              *on)
{
  JyKeyPopulationFacts facts = { 0 };

  facts.birth = g_date_valid (&resident->birth) ? &resident->birth : NULL;
  facts.manual = (const JyManualTag *)(gpointer)resident->manual_tags->data;
  facts.n_manual = resident->manual_tags->len;
  return jy_key_population_derive (&facts, on, JY_ELDERLY_RULE_EXACT_AGE);
}

int
jy_contract_resident_age (const JyContractResident *resident,
                          const GDate              *on)
{
  if (!g_date_valid (&resident->birth) || g_date_compare (&resident->birth, on) > 0)
    return -1;
  return jy_person_age_on (&resident->birth, on);
}

/* Reads --------------------------------------------------------------------- */

#define CONTRACT_SELECT \
  "SELECT c.id, c.uuid, c.rev, c.contract_no, c.status, c.sign_date, c.start_date, c.end_date,\n" \
  "       c.termination_date, c.termination_reason, c.renewed_on, c.cover_last, c.resident_id,\n" \
  "       c.site_id, c.team_id, t.name, c.doctor_id, d.name, c.channel, c.signer_name,\n" \
  "       c.signer_relation, c.signer_id_number, c.consent_version, ifnull (c.renews_id, 0),\n" \
  "       ifnull (c.renewed_by_id, 0), c.termination_note, ifnull (c.refund_fen, -1),\n" \
  "       c.fee_insurance, c.fee_public_health, c.fee_resident, c.fee_paid,\n" \
  "       c.agreement_printed_at, c.agreement_signed_at, c.created_at, s.name\n" \
  "FROM contract c JOIN team t ON t.id = c.team_id JOIN staff d ON d.id = c.doctor_id\n" \
  "  LEFT JOIN staff s ON s.uuid = c.created_by\n"

static JyContract *
contract_from_row (sqlite3_stmt *stmt,
                   const GDate  *reference)
{
  JyContract *c = g_new0 (JyContract, 1);
  JyTerminationReason reason;
  JySigningChannel channel;
  const char *id_number;

  jy_contract_facts_init (&c->facts);
  c->id = sqlite3_column_int64 (stmt, 0);
  c->uuid = jy_db_column_dup_text (stmt, 1);
  c->rev = sqlite3_column_int64 (stmt, 2);
  c->contract_no = jy_db_column_dup_text (stmt, 3);
  c->status = jy_db_column_dup_text (stmt, 4);
  c->facts.voided = g_strcmp0 (c->status, "voided") == 0;
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 5), &c->facts.sign_date);
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 6), &c->facts.start);
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 7), &c->facts.end);
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 8), &c->facts.termination_date);
  if (jy_termination_reason_from_code ((const char *)sqlite3_column_text (stmt, 9), &reason))
    c->facts.termination_reason = reason;
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 10), &c->facts.renewed_on);
  jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 11), &c->cover_last);
  c->resident_id = sqlite3_column_int64 (stmt, 12);
  c->site_id = sqlite3_column_int64 (stmt, 13);
  c->team_id = sqlite3_column_int64 (stmt, 14);
  c->team_name = jy_db_column_dup_text (stmt, 15);
  c->doctor_id = sqlite3_column_int64 (stmt, 16);
  c->doctor_name = jy_db_column_dup_text (stmt, 17);
  if (jy_signing_channel_from_string ((const char *)sqlite3_column_text (stmt, 18), &channel))
    c->channel = channel;
  c->signer_name = jy_db_column_dup_text (stmt, 19);
  c->signer_relation = jy_db_column_dup_text (stmt, 20);
  id_number = (const char *)sqlite3_column_text (stmt, 21);
  c->signer_id_masked = id_number != NULL ? jy_person_mask_id_number (id_number) : NULL;
  c->consent_version = jy_db_column_dup_text (stmt, 22);
  c->renews_id = sqlite3_column_int64 (stmt, 23);
  c->facts.renews = c->renews_id != 0;
  c->renewed_by_id = sqlite3_column_int64 (stmt, 24);
  c->termination_note = jy_db_column_dup_text (stmt, 25);
  c->refund_fen = sqlite3_column_int64 (stmt, 26);
  c->fee.insurance = sqlite3_column_int64 (stmt, 27);
  c->fee.public_health = sqlite3_column_int64 (stmt, 28);
  c->fee.resident = sqlite3_column_int64 (stmt, 29);
  c->fee_paid = sqlite3_column_int (stmt, 30) != 0;
  c->agreement_printed_at = jy_db_column_dup_text (stmt, 31);
  c->agreement_signed_at = jy_db_column_dup_text (stmt, 32);
  c->created_at = jy_db_column_dup_text (stmt, 33);
  c->created_by_name = jy_db_column_dup_text (stmt, 34);
  c->state = jy_contract_state_on (&c->facts, reference);
  return c;
}

static gboolean
load_packages (JyDb        *db,
               JyContract  *contract,
               GError     **error)
{
  static const char sql[] =
    "SELECT package_id, code, name, kind, fee_insurance, fee_public_health, fee_resident\n"
    "FROM contract_package WHERE contract_id = ?1 ORDER BY position";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  contract->packages = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_contract_package_free);
  sqlite3_bind_int64 (stmt, 1, contract->id);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyContractPackage *package = g_new0 (JyContractPackage, 1);

      package->package_id = sqlite3_column_int64 (stmt, 0);
      package->code = jy_db_column_dup_text (stmt, 1);
      package->name = jy_db_column_dup_text (stmt, 2);
      package->kind = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), "basic") == 0
                        ? JY_SERVICE_PACKAGE_KIND_BASIC : JY_SERVICE_PACKAGE_KIND_PERSONALISED;
      package->annual_fee.insurance = sqlite3_column_int64 (stmt, 4);
      package->annual_fee.public_health = sqlite3_column_int64 (stmt, 5);
      package->annual_fee.resident = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (contract->packages, package);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);

  for (guint i = 0; i < contract->packages->len; i++)
    {
      JyContractPackage *package = g_ptr_array_index (contract->packages, i);
      g_autoptr(JyPackageRecord) record = jy_package_store_load (db, package->package_id, error);

      if (record == NULL)
        return FALSE;
      package->version = record->version;
      package->definition = g_steal_pointer (&record->package);
    }
  return TRUE;
}

static GPtrArray *
collect_contracts (JyDb          *db,
                   sqlite3_stmt  *stmt,
                   const GDate   *reference,
                   GError       **error)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_contract_free);
  int rc;

  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (contracts, contract_from_row (stmt, reference));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  for (guint i = 0; i < contracts->len; i++)
    if (!load_packages (db, g_ptr_array_index (contracts, i), error))
      return NULL;
  return g_steal_pointer (&contracts);
}

JyContract *
jy_contract_store_load (JyDb         *db,
                        gint64        id,
                        const GDate  *reference,
                        GError      **error)
{
  static const char sql[] = CONTRACT_SELECT "WHERE c.id = ?1";
  g_autoptr(GPtrArray) contracts = NULL;
  sqlite3_stmt *stmt;
  GDate storage;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((contracts = collect_contracts (db, stmt, jy_contract_reference (reference, &storage), error)) == NULL)
    return NULL;
  if (contracts->len == 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                   "No contract with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  return g_ptr_array_steal_index (contracts, 0);
}

GPtrArray *
jy_contract_store_list_for_resident (JyDb         *db,
                                     gint64        resident_id,
                                     const GDate  *reference,
                                     GError      **error)
{
  static const char sql[] =
    CONTRACT_SELECT "WHERE c.resident_id = ?1 ORDER BY c.start_date DESC, c.id DESC";
  sqlite3_stmt *stmt;
  GDate storage;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  return collect_contracts (db, stmt, jy_contract_reference (reference, &storage), error);
}

gboolean
jy_contract_store_find_latest (JyDb         *db,
                               gint64        resident_id,
                               const GDate  *reference,
                               JyContract  **out,
                               GError      **error)
{
  static const char sql[] = "SELECT ifnull (contract_id, 0) FROM resident WHERE id = ?1";
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    return TRUE;
  return (*out = jy_contract_store_load (db, id, reference, error)) != NULL;
}

GPtrArray *
jy_contract_store_list_contacts (JyDb    *db,
                                 gint64   resident_id,
                                 guint    limit,
                                 GError **error)
{
  static const char sql[] =
    "SELECT l.id, l.uuid, l.status, l.resident_id, ifnull (l.contract_id, 0), l.channel,\n"
    "       l.initiated_by, ifnull (l.staff_id, 0), s.name, l.contacted_at, l.contact_date,\n"
    "       l.content,\n"
    "       (SELECT group_concat (item_code, ',') FROM service_delivery d\n"
    "        WHERE d.contact_id = l.id AND d.status = 'final')\n"
    "FROM contact_log l LEFT JOIN staff s ON s.id = l.staff_id\n"
    "WHERE l.resident_id = ?1\n"
    "ORDER BY l.contact_date DESC, l.contacted_at DESC, l.id DESC LIMIT ?2";
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)jy_contact_record_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resident_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      JyContactRecord *contact = g_new0 (JyContactRecord, 1);
      JyContactChannel channel;
      const char *items = (const char *)sqlite3_column_text (stmt, 12);

      contact->id = sqlite3_column_int64 (stmt, 0);
      contact->uuid = jy_db_column_dup_text (stmt, 1);
      contact->status = jy_db_column_dup_text (stmt, 2);
      contact->resident_id = sqlite3_column_int64 (stmt, 3);
      contact->contract_id = sqlite3_column_int64 (stmt, 4);
      if (jy_contact_channel_from_string ((const char *)sqlite3_column_text (stmt, 5), &channel))
        contact->channel = channel;
      contact->initiator = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 6), "team") == 0
                             ? JY_CONTACT_BY_TEAM : JY_CONTACT_BY_RESIDENT;
      contact->staff_id = sqlite3_column_int64 (stmt, 7);
      contact->staff_name = jy_db_column_dup_text (stmt, 8);
      contact->contacted_at = jy_db_column_dup_text (stmt, 9);
      jy_contract_parse_date ((const char *)sqlite3_column_text (stmt, 10), &contact->date);
      contact->content = jy_db_column_dup_text (stmt, 11);
      contact->delivered_items = items != NULL ? g_strsplit (items, ",", -1) : g_new0 (char *, 1);
      g_ptr_array_add (contacts, contact);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&contacts);
}

gboolean
jy_contract_store_refresh_resident (JyDb    *db,
                                    gint64   resident_id,
                                    GError **error)
{
  return jy_contract_derive_resident (db, resident_id, error);
}

/* The signing draft ---------------------------------------------------------- */

static void
package_option_free (JyPackageOption *option)
{
  g_clear_pointer (&option->record, jy_package_record_free);
  g_free (option);
}

void
jy_contract_draft_free (JyContractDraft *draft)
{
  if (draft == NULL)
    return;
  g_clear_pointer (&draft->options, g_ptr_array_unref);
  g_free (draft);
}

void
jy_contract_draft_fee (const JyContractDraft *draft,
                       const char *const     *codes,
                       JyFeeSplit            *out)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;

  g_return_if_fail (draft != NULL && out != NULL);

  for (guint i = 0; i < draft->options->len; i++)
    {
      JyPackageOption *option = g_ptr_array_index (draft->options, i);

      if (codes != NULL && g_strv_contains (codes, option->record->package->code))
        g_ptr_array_add (chosen, option->record->package);
    }
  jy_service_package_selection_fee ((const JyServicePackage *const *)chosen->pdata, chosen->len,
                                    policy.term_years, out);
}

/* The latest live contract by start, or NULL. */
static const JyContract *
latest_live (GPtrArray *contracts)
{
  for (guint i = 0; i < contracts->len; i++)
    {
      const JyContract *c = g_ptr_array_index (contracts, i);

      if (!c->facts.voided)
        return c;
    }
  return NULL;
}

JyContractDraft *
jy_contract_store_prepare (JyDb         *db,
                           gint64        resident_id,
                           gint64        team_id,
                           gint64        doctor_id,
                           const GDate  *sign_date,
                           GError      **error)
{
  g_auto(JyContractResident) resident = { 0 };
  g_autoptr(JyContractDraft) draft = g_new0 (JyContractDraft, 1);
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) facts = g_array_new (FALSE, FALSE, sizeof (JyContractFacts));
  const JyContract *previous;
  JyPackageResidentFacts resident_facts = { 0 };
  GDate storage;
  const GDate *on = jy_contract_reference (sign_date, &storage);

  if (!jy_contract_load_resident (db, resident_id, &resident, error) ||
      (contracts = jy_contract_store_list_for_resident (db, resident_id, on, error)) == NULL ||
      (records = jy_package_store_list (db, FALSE, error)) == NULL)
    return NULL;

  draft->resident_id = resident_id;
  draft->sign_date = *on;
  draft->key_populations = jy_contract_resident_key_populations (&resident, on);
  draft->age = jy_contract_resident_age (&resident, on);

  previous = latest_live (contracts);
  draft->kind = jy_contract_classify_signing (previous != NULL ? &previous->facts : NULL, on, NULL);
  if (draft->kind == JY_SIGNING_KIND_RENEWAL)
    {
      draft->renews_id = previous->id;
      jy_contract_renewal_term (&previous->facts.end, on, NULL, &draft->start, &draft->end);
    }
  else
    {
      int other;

      jy_contract_new_term (on, NULL, &draft->start, &draft->end);
      for (guint i = 0; i < contracts->len; i++)
        g_array_append_val (facts, ((JyContract *)g_ptr_array_index (contracts, i))->facts);
      other = jy_contract_find_overlap ((const JyContractFacts *)(gpointer)facts->data, facts->len,
                                        &draft->start, &draft->end);
      if (other >= 0)
        draft->blocking_id = ((JyContract *)g_ptr_array_index (contracts, other))->id;
    }

  draft->team_id = team_id != 0 ? team_id
                   : draft->kind == JY_SIGNING_KIND_RENEWAL ? previous->team_id : resident.team_id;
  if (doctor_id != 0)
    draft->doctor_id = doctor_id;
  else if (draft->kind == JY_SIGNING_KIND_RENEWAL && draft->team_id == previous->team_id)
    draft->doctor_id = previous->doctor_id;
  else if (draft->team_id != 0)
    {
      g_autoptr(JyTeamRecord) team = jy_team_store_load (db, draft->team_id, on, error);

      if (team == NULL)
        return NULL;
      draft->doctor_id = team->lead_staff_id;
    }
  if (draft->doctor_id != 0)
    {
      draft->doctor_caseload = jy_team_store_doctor_caseload (db, draft->doctor_id, on, error);
      if (draft->doctor_caseload < 0)
        return NULL;
      draft->caseload_exceeded = jy_team_signing_exceeds_caseload ((guint)draft->doctor_caseload, NULL);
    }

  resident_facts.birth = g_date_valid (&resident.birth) ? &resident.birth : NULL;
  resident_facts.sex = resident.sex;
  resident_facts.key_populations = draft->key_populations;
  draft->options = g_ptr_array_new_with_free_func ((GDestroyNotify)package_option_free);
  while (records->len > 0)
    {
      JyPackageOption *option = g_new0 (JyPackageOption, 1);

      option->record = g_ptr_array_steal_index (records, 0);
      option->eligibility = jy_service_package_check_eligibility (option->record->package,
                                                                  &resident_facts, on);
      g_ptr_array_add (draft->options, option);
    }

  return g_steal_pointer (&draft);
}
