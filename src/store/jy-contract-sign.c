/* jy-contract-sign.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jy-contract-store.h"

#include <json-glib/json-glib.h>

#include "jy-clock.h"
#include "jy-contract-private.h"
#include "jy-store.h"
#include "jy-team.h"

/* Contract writes that make a contract: sign, renew, transfer (the rest
 * of its life is in jy-contract-lifecycle.c). Each checks with core,
 * writes, recomputes the resident's derived data
 * (jy_contract_derive_resident) and records the change (outbox + audit)
 * in the caller's transaction. The store uses the default policies until
 * the settings carry a city's. */

static const JyContractPolicy policy = JY_CONTRACT_POLICY_DEFAULT;

/* A package going onto a contract: the catalogue version, with the yearly
 * fee it is signed at in definition->annual_fee. */
typedef struct
{
  gint64            package_id;
  JyServicePackage *definition;
} SignedPackage;

static void
signed_package_free (SignedPackage *package)
{
  g_clear_pointer (&package->definition, jy_service_package_free);
  g_free (package);
}

typedef struct
{
  JyContractResident  resident;
  gint64              team_id;
  gint64              doctor_id;
  gint64              site_id;
  GDate               sign_date;
  GDate               start;
  GDate               end;
  gint64              renews_id;
  const JyContractRequest *request;
  GPtrArray          *packages;       /* SignedPackage */
  const char         *event;          /* sign, renew, transfer */
} Signing;

static void
signing_clear (Signing *s)
{
  jy_contract_resident_clear (&s->resident);
  g_clear_pointer (&s->packages, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Signing, signing_clear)

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char text[11];

  jy_db_bind_text_or_null (stmt, index, jy_contract_format_date (date, text));
}

/* Checks --------------------------------------------------------------------- */

static gboolean
check_resident (const JyContractResident  *resident,
                GError                   **error)
{
  if (g_strcmp0 (resident->status, "active") != 0)
    {
      jy_contract_set_refusal (error, JY_CONTRACT_ERROR_RESIDENT, "The resident is not active");
      return FALSE;
    }
  return TRUE;
}

/* The team is active and @doctor_id (0: its lead) a current member who
 * may be the responsible doctor; sets the site from the team. */
static gboolean
check_team (JyDb     *db,
            Signing  *s,
            GError  **error)
{
  static const char team_sql[] =
    "SELECT status, site_id, ifnull (lead_staff_id, 0) FROM team WHERE id = ?1";
  static const char member_sql[] =
    "SELECT role FROM team_member\n"
    "WHERE team_id = ?1 AND staff_id = ?2 AND status = 'active' AND start_date <= ?3\n"
    "  AND (end_date IS NULL OR end_date >= ?3)";
  sqlite3_stmt *stmt;
  gboolean active = FALSE, may_lead = FALSE;
  char day[11];
  int rc;

  if ((stmt = jy_db_prepare (db, team_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->team_id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      active = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "active") == 0;
      s->site_id = sqlite3_column_int64 (stmt, 1);
      if (s->doctor_id == 0)
        s->doctor_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (active && s->doctor_id != 0)
    {
      if ((stmt = jy_db_prepare (db, member_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, s->team_id);
      sqlite3_bind_int64 (stmt, 2, s->doctor_id);
      sqlite3_bind_text (stmt, 3, jy_contract_format_date (&s->sign_date, day), -1, SQLITE_TRANSIENT);
      while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
        {
          JyTeamRole role;

          if (jy_team_role_from_string ((const char *)sqlite3_column_text (stmt, 0), &role) &&
              jy_team_role_can_lead (role))
            may_lead = TRUE;
        }
      if (rc < 0)
        return FALSE;
      sqlite3_reset (stmt);
    }

  if (!active || !may_lead)
    {
      jy_contract_set_refusal (error, JY_CONTRACT_ERROR_TEAM,
                               "Inactive team, or the doctor is not a family doctor on it");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_dates (Signing      *s,
             const GDate  *today,
             GError      **error)
{
  JyContractFacts facts;
  guint problems;

  jy_contract_facts_init (&facts);
  facts.sign_date = s->sign_date;
  facts.start = s->start;
  facts.end = s->end;
  problems = jy_contract_check_dates (&facts, today, &policy);
  if (problems != JY_CONTRACT_DATES_OK)
    {
      JyContractRefusal *refusal = jy_contract_set_refusal (error, JY_CONTRACT_ERROR_DATES,
                                                            "Contract dates are not valid");

      if (refusal != NULL)
        refusal->dates_problems = problems;
      return FALSE;
    }
  return TRUE;
}

static gboolean
refuse_conflict (JyDb                    *db,
                 const JyDeriveContract  *other,
                 const GDate             *sign_date,
                 GError                 **error)
{
  static const char sql[] = "SELECT contract_no FROM contract WHERE id = ?1";
  JyContractRefusal *refusal;
  sqlite3_stmt *stmt;
  g_autofree char *number = NULL;
  int rc;

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, other->id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  number = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  refusal = jy_contract_set_refusal (error, JY_CONTRACT_ERROR_ACTIVE_CONTRACT,
                                     "The resident holds another contract over these days");
  if (refusal != NULL)
    {
      GDate first;

      refusal->conflicting_id = other->id;
      refusal->conflicting_no = g_steal_pointer (&number);
      refusal->conflicting_team_id = other->team_id;
      jy_contract_get_coverage (&other->facts, &first, &refusal->conflicting_last);
      refusal->conflicting_start = other->facts.start;
      refusal->conflicting_state = jy_contract_state_on (&other->facts, sign_date);
    }
  return FALSE;
}

/* One active contract per resident (§2.3): no live contract of theirs may
 * cover a day of the new term (jy_contract_find_overlap), and a new
 * signing with a later start is refused while one is in force on the sign
 * date (sign it as a renewal, or terminate first). */
static gboolean
check_one_contract (JyDb     *db,
                    Signing  *s,
                    GError  **error)
{
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (JyDeriveContract));
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (JyContractFacts));
  int other;

  if (!jy_contract_load_derive (db, s->resident.id, contracts, error))
    return FALSE;
  for (guint i = 0; i < contracts->len; i++)
    g_array_append_val (facts, g_array_index (contracts, JyDeriveContract, i).facts);

  other = jy_contract_find_overlap ((const JyContractFacts *)(gpointer)facts->data, facts->len,
                                    &s->start, &s->end);
  if (other < 0 && s->renews_id == 0 && g_date_compare (&s->start, &s->sign_date) > 0)
    other = jy_contract_find_overlap ((const JyContractFacts *)(gpointer)facts->data, facts->len,
                                      &s->sign_date, &s->sign_date);
  if (other >= 0)
    return refuse_conflict (db, &g_array_index (contracts, JyDeriveContract, other),
                            &s->sign_date, error);
  return TRUE;
}

static gboolean
check_packages (Signing  *s,
                GError  **error)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();
  g_autoptr(GArray) problems = NULL;
  JyPackageResidentFacts facts = { 0 };
  JyContractRefusal *refusal;

  for (guint i = 0; i < s->packages->len; i++)
    g_ptr_array_add (packages, ((SignedPackage *)g_ptr_array_index (s->packages, i))->definition);
  facts.birth = g_date_valid (&s->resident.birth) ? &s->resident.birth : NULL;
  facts.sex = s->resident.sex;
  facts.key_populations = jy_contract_resident_key_populations (&s->resident, &s->sign_date);
  problems = jy_service_package_check_selection ((const JyServicePackage *const *)packages->pdata,
                                                 packages->len, &facts, &s->sign_date);
  if (problems->len == 0)
    return TRUE;

  refusal = jy_contract_set_refusal (error, JY_CONTRACT_ERROR_PACKAGES,
                                     "The packages chosen break a rule");
  for (guint i = 0; refusal != NULL && i < problems->len; i++)
    {
      JyContractPackageProblem problem = { 0 };

      problem.problem = g_array_index (problems, JyPackageSelectionProblem, i);
      problem.age = jy_contract_resident_age (&s->resident, &s->sign_date);
      problem.min_age = problem.max_age = -1;
      if (problem.problem.index < packages->len)
        {
          const JyServicePackage *package = g_ptr_array_index (packages, problem.problem.index);

          problem.code = g_strdup (package->code);
          problem.name = g_strdup (package->name);
          problem.min_age = package->min_age;
          problem.max_age = package->max_age;
          problem.sex = package->sex;
        }
      g_array_append_val (refusal->package_problems, problem);
    }
  return FALSE;
}

/* The current catalogue versions of @codes, at today's prices. */
static gboolean
packages_from_catalogue (JyDb               *db,
                         const char *const  *codes,
                         GPtrArray          *out,
                         GError            **error)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autoptr(JyPackageRecord) record = jy_package_store_find (db, codes[i], error);
      SignedPackage *package;

      if (record == NULL)
        return FALSE;
      if (g_strcmp0 (record->status, "active") != 0)
        {
          g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                       "Service package %s is withdrawn", codes[i]);
          return FALSE;
        }
      package = g_new0 (SignedPackage, 1);
      package->package_id = record->id;
      package->definition = g_steal_pointer (&record->package);
      g_ptr_array_add (out, package);
    }
  return TRUE;
}

/* The packages of @contract, same versions and yearly fees. */
static void
packages_carried (const JyContract *contract,
                  GPtrArray        *out)
{
  for (guint i = 0; i < contract->packages->len; i++)
    {
      const JyContractPackage *old = g_ptr_array_index (contract->packages, i);
      SignedPackage *package = g_new0 (SignedPackage, 1);

      package->package_id = old->package_id;
      package->definition = jy_service_package_copy (old->definition);
      package->definition->annual_fee = old->annual_fee;
      g_ptr_array_add (out, package);
    }
}

/* Writing ------------------------------------------------------------------- */

/* Year, this workstation's code (step 13: workstations that count from
 * one copied database must not issue the same number), then a serial of
 * the workstation's contracts that year: 2026A3F9000124. */
static char *
next_contract_no (JyDb         *db,
                  const GDate  *sign_date,
                  GError      **error)
{
  static const char sql[] =
    "SELECT max (contract_no) FROM contract WHERE contract_no BETWEEN ?1 AND ?2";
  static const char workstation_sql[] = "SELECT value FROM meta WHERE key = 'workstation'";
  guint year = g_date_get_year (sign_date);
  g_autofree char *workstation = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  sqlite3_stmt *stmt;
  const char *last;
  guint64 serial = 0;
  gsize prefix;
  int rc;

  if ((stmt = jy_db_prepare (db, workstation_sql, error)) == NULL ||
      (rc = jy_db_step (db, stmt, error)) < 0)
    return NULL;
  workstation = g_strdup (rc == SQLITE_ROW ? (const char *)sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);

  low = g_strdup_printf ("%04u%s000000", year, workstation);
  high = g_strdup_printf ("%04u%s999999", year, workstation);
  prefix = strlen (low) - 6;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return NULL;
  last = (const char *)sqlite3_column_text (stmt, 0);
  if (last != NULL && strlen (last) == prefix + 6)
    g_ascii_string_to_unsigned (last + prefix, 10, 0, 999999, &serial, NULL);
  sqlite3_reset (stmt);
  return g_strdup_printf ("%04u%s%06u", year, workstation, (guint)serial + 1);
}

static char *
describe_signing (const Signing    *s,
                  const char       *contract_no,
                  const JyFeeSplit *fee)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char start[11], end[11];

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, s->event);
  json_builder_set_member_name (builder, "contract_no");
  json_builder_add_string_value (builder, contract_no);
  json_builder_set_member_name (builder, "resident");
  json_builder_add_string_value (builder, s->resident.uuid);
  json_builder_set_member_name (builder, "team_id");
  json_builder_add_int_value (builder, s->team_id);
  json_builder_set_member_name (builder, "doctor_id");
  json_builder_add_int_value (builder, s->doctor_id);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, jy_contract_format_date (&s->start, start));
  json_builder_set_member_name (builder, "end");
  json_builder_add_string_value (builder, jy_contract_format_date (&s->end, end));
  if (s->renews_id != 0)
    {
      json_builder_set_member_name (builder, "renews_id");
      json_builder_add_int_value (builder, s->renews_id);
    }
  json_builder_set_member_name (builder, "packages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->packages->len; i++)
    json_builder_add_string_value (builder,
                                   ((SignedPackage *)g_ptr_array_index (s->packages, i))->definition->code);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "fee");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, fee->insurance);
  json_builder_add_int_value (builder, fee->public_health);
  json_builder_add_int_value (builder, fee->resident);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Checks everything, then writes the contract, its packages, the derived
 * data and the change. Returns the new contract's id, 0 on error. */
static gint64
write_signing (JyDb         *db,
               Signing      *s,
               const GDate  *today,
               GError      **error)
{
  static const char sql[] =
    "INSERT INTO contract (uuid, created_at, updated_at, created_by, contract_no, site_id,\n"
    "  resident_id, team_id, doctor_id, household_id, channel, signer_name, signer_relation,\n"
    "  signer_id_number, consent_version, sign_date, start_date, end_date, renews_id,\n"
    "  fee_insurance, fee_public_health, fee_resident, fee_paid)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,\n"
    "  nullif (?18, 0), ?19, ?20, ?21, ?22)";
  static const char package_sql[] =
    "INSERT INTO contract_package (contract_id, position, package_id, code, name, kind,\n"
    "  fee_insurance, fee_public_health, fee_resident)\n"
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  const JyContractRequest *r = s->request;
  g_autoptr(GPtrArray) definitions = g_ptr_array_new ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  JyFeeSplit fee;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!check_resident (&s->resident, error) ||
      !check_team (db, s, error) ||
      !check_dates (s, today, error) ||
      !check_one_contract (db, s, error) ||
      !check_packages (s, error))
    return 0;

  for (guint i = 0; i < s->packages->len; i++)
    g_ptr_array_add (definitions, ((SignedPackage *)g_ptr_array_index (s->packages, i))->definition);
  jy_service_package_selection_fee ((const JyServicePackage *const *)definitions->pdata,
                                    definitions->len, policy.term_years, &fee);

  if ((number = next_contract_no (db, &s->sign_date, error)) == NULL ||
      (stmt = jy_db_prepare (db, sql, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, s->site_id);
  sqlite3_bind_int64 (stmt, 6, s->resident.id);
  sqlite3_bind_int64 (stmt, 7, s->team_id);
  sqlite3_bind_int64 (stmt, 8, s->doctor_id);
  jy_db_bind_text_or_null (stmt, 9, s->resident.household_id);
  sqlite3_bind_text (stmt, 10, jy_signing_channel_to_string (r->channel < JY_SIGNING_CHANNEL_N ? r->channel : 0),
                     -1, SQLITE_STATIC);
  jy_db_bind_text_or_null (stmt, 11, r->signer_name);
  jy_db_bind_text_or_null (stmt, 12, r->signer_name != NULL ? r->signer_relation : NULL);
  jy_db_bind_text_or_null (stmt, 13, r->signer_name != NULL ? r->signer_id_number : NULL);
  jy_db_bind_text_or_null (stmt, 14, r->consent_version);
  bind_date (stmt, 15, &s->sign_date);
  bind_date (stmt, 16, &s->start);
  bind_date (stmt, 17, &s->end);
  sqlite3_bind_int64 (stmt, 18, s->renews_id);
  sqlite3_bind_int64 (stmt, 19, fee.insurance);
  sqlite3_bind_int64 (stmt, 20, fee.public_health);
  sqlite3_bind_int64 (stmt, 21, fee.resident);
  sqlite3_bind_int (stmt, 22, r->fee_paid ? 1 : 0);
  if (!jy_db_step_done (db, stmt, error))
    return 0;
  id = jy_db_last_insert_rowid (db);

  for (guint i = 0; i < s->packages->len; i++)
    {
      const SignedPackage *package = g_ptr_array_index (s->packages, i);
      const JyServicePackage *d = package->definition;

      if ((stmt = jy_db_prepare (db, package_sql, error)) == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_int64 (stmt, 3, package->package_id);
      sqlite3_bind_text (stmt, 4, d->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, d->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, d->kind == JY_SERVICE_PACKAGE_KIND_BASIC ? "basic" : "personalised",
                         -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, d->annual_fee.insurance);
      sqlite3_bind_int64 (stmt, 8, d->annual_fee.public_health);
      sqlite3_bind_int64 (stmt, 9, d->annual_fee.resident);
      if (!jy_db_step_done (db, stmt, error))
        return 0;
    }

  detail = describe_signing (s, number, &fee);
  if (!jy_contract_derive_resident (db, s->resident.id, error) ||
      !jy_store_record_change (db, "contract", uuid, JY_CHANGE_CREATE, 1, detail, error))
    return 0;
  return id;
}

/* Basic package first, then the others in the order given. */
static int
basic_first (gconstpointer a,
             gconstpointer b)
{
  const SignedPackage *x = *(SignedPackage *const *)a;
  const SignedPackage *y = *(SignedPackage *const *)b;

  return (y->definition->kind == JY_SERVICE_PACKAGE_KIND_BASIC) -
         (x->definition->kind == JY_SERVICE_PACKAGE_KIND_BASIC);
}

JyContract *
jy_contract_store_sign (JyDb                     *db,
                        const JyContractRequest  *request,
                        const GDate              *today,
                        GError                  **error)
{
  g_auto(Signing) s = { 0 };
  g_autoptr(GArray) contracts = g_array_new (FALSE, TRUE, sizeof (JyDeriveContract));
  const JyDeriveContract *previous = NULL;
  GDate today_storage;
  const GDate *day = jy_contract_reference (today, &today_storage);
  gint64 id;

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_SIGN, error))
    return FALSE;

  g_return_val_if_fail (request != NULL, NULL);

  s.request = request;
  s.event = "sign";
  s.team_id = request->team_id;
  s.doctor_id = request->doctor_id;
  s.sign_date = g_date_valid (&request->sign_date) ? request->sign_date : *day;
  s.packages = g_ptr_array_new_with_free_func ((GDestroyNotify)signed_package_free);
  if (!jy_contract_load_resident (db, request->resident_id, &s.resident, error) ||
      !jy_contract_load_derive (db, request->resident_id, contracts, error) ||
      !packages_from_catalogue (db, request->package_codes, s.packages, error))
    return NULL;
  g_ptr_array_sort (s.packages, basic_first);
  if (s.team_id == 0)
    s.team_id = s.resident.team_id;

  /* Within the renewal window of the latest contract a signing is a
   * renewal (§2.3; jy_contract_classify_signing), whatever the form. */
  for (guint i = 0; i < contracts->len; i++)
    {
      const JyDeriveContract *c = &g_array_index (contracts, JyDeriveContract, i);

      if (!c->facts.voided &&
          (previous == NULL || g_date_compare (&c->facts.start, &previous->facts.start) > 0))
        previous = c;
    }
  if (previous != NULL &&
      jy_contract_classify_signing (&previous->facts, &s.sign_date, &policy) == JY_SIGNING_KIND_RENEWAL)
    {
      s.renews_id = previous->id;
      s.event = "renew";
      jy_contract_renewal_term (&previous->facts.end, &s.sign_date, &policy, &s.start, &s.end);
    }
  else
    {
      s.start = g_date_valid (&request->start_date) ? request->start_date : s.sign_date;
      jy_contract_term_end (&s.start, &policy, &s.end);
    }

  if ((id = write_signing (db, &s, day, error)) == 0)
    return NULL;
  return jy_contract_store_load (db, id, day, error);
}

JyContract *
jy_contract_store_renew (JyDb                     *db,
                         gint64                    id,
                         gint64                    rev,
                         const JyContractRequest  *request,
                         const GDate              *today,
                         GError                  **error)
{
  g_auto(Signing) s = { 0 };
  g_autoptr(JyContract) old = NULL;
  GDate today_storage;
  const GDate *day = jy_contract_reference (today, &today_storage);
  JyRenewalCheck check;
  gint64 new_id;

  /* Who may: domain roles (jy-permission.c), checked here, not in the window. */
  if (!jy_store_require (db, JY_PERMISSION_CONTRACT_SIGN, error))
    return FALSE;

  g_return_val_if_fail (request != NULL, NULL);

  if ((old = jy_contract_store_load (db, id, day, error)) == NULL)
    return NULL;
  if (old->rev != rev)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_CONFLICT,
                   "Contract %" G_GINT64_FORMAT " changed since it was loaded", id);
      return NULL;
    }

  s.request = request;
  s.event = "renew";
  s.renews_id = old->id;
  s.team_id = request->team_id != 0 ? request->team_id : old->team_id;
  s.doctor_id = request->doctor_id != 0 ? request->doctor_id
                : s.team_id == old->team_id ? old->doctor_id : 0;
  s.sign_date = g_date_valid (&request->sign_date) ? request->sign_date : *day;

  check = jy_contract_check_renewal (&old->facts, &s.sign_date, &policy, &s.start, &s.end);
  if (check != JY_RENEWAL_OK)
    {
      JyContractRefusal *refusal = jy_contract_set_refusal (error, JY_CONTRACT_ERROR_RENEWAL,
                                                            "The contract cannot be renewed");

      if (refusal != NULL)
        {
          refusal->renewal = check;
          refusal->renewal_opens = old->facts.end;
          g_date_subtract_days (&refusal->renewal_opens, policy.renewal_opens_days);
          if (g_date_compare (&refusal->renewal_opens, &old->facts.start) < 0)
            refusal->renewal_opens = old->facts.start;
          refusal->renewal_closes = old->facts.end;
          g_date_add_days (&refusal->renewal_closes, policy.renewal_grace_days);
        }
      return NULL;
    }

  s.packages = g_ptr_array_new_with_free_func ((GDestroyNotify)signed_package_free);
  if (request->package_codes != NULL)
    {
      if (!packages_from_catalogue (db, request->package_codes, s.packages, error))
        return NULL;
      g_ptr_array_sort (s.packages, basic_first);
    }
  else
    {
      packages_carried (old, s.packages);
    }

  if (!jy_contract_load_resident (db, old->resident_id, &s.resident, error) ||
      (new_id = write_signing (db, &s, day, error)) == 0)
    return NULL;
  return jy_contract_store_load (db, new_id, day, error);
}

JyContract *
jy_contract_store_transfer (JyDb                     *db,
                            gint64                    id,
                            gint64                    rev,
                            const JyContractRequest  *request,
                            JyTerminationReason       reason,
                            const GDate              *today,
                            GError                  **error)
{
  g_auto(Signing) s = { 0 };
  g_autoptr(JyContract) old = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  GDate today_storage;
  const GDate *day = jy_contract_reference (today, &today_storage);
  JyPackageResidentFacts facts = { 0 };
  gint64 new_id;

  g_return_val_if_fail (request != NULL && request->team_id != 0, NULL);

  s.request = request;
  s.event = "transfer";
  s.team_id = request->team_id;
  s.doctor_id = request->doctor_id;
  s.sign_date = g_date_valid (&request->sign_date) ? request->sign_date : *day;
  s.start = s.sign_date;
  jy_contract_term_end (&s.start, &policy, &s.end);

  if ((old = jy_contract_load_at_rev (db, id, rev, day, error)) == NULL ||
      !jy_contract_load_resident (db, old->resident_id, &s.resident, error) ||
      !jy_contract_terminate_with_renewal (db, old, &s.sign_date, reason, NULL, day, error))
    return NULL;

  /* Same packages and fees, less those the resident has outgrown. */
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify)signed_package_free);
  packages_carried (old, kept);
  facts.birth = g_date_valid (&s.resident.birth) ? &s.resident.birth : NULL;
  facts.sex = s.resident.sex;
  facts.key_populations = jy_contract_resident_key_populations (&s.resident, &s.sign_date);
  s.packages = g_ptr_array_new_with_free_func ((GDestroyNotify)signed_package_free);
  for (guint i = 0; i < kept->len; i++)
    {
      SignedPackage *package = g_ptr_array_index (kept, i);

      if (package->definition->kind == JY_SERVICE_PACKAGE_KIND_BASIC ||
          jy_service_package_check_eligibility (package->definition, &facts, &s.sign_date) ==
            JY_PACKAGE_ELIGIBLE)
        g_ptr_array_add (s.packages, g_ptr_array_steal_index (kept, i--));
    }

  if ((new_id = write_signing (db, &s, day, error)) == 0)
    return NULL;
  return jy_contract_store_load (db, new_id, day, error);
}
