/* jy-fhir-codec-long-rx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * long_rx (+ its long_rx_item rows) ⇄ MedicationRequest (sync.md
 * "Mapping", domain.md §4, §7.2). One prescription is one resource: its
 * drugs are contained Medications, so the prescription versions,
 * conflicts and is stopped or renewed as one thing (the items are part of
 * it and never change once written).
 *
 *   id, identifier urn:jiayi:long_rx     row uuid
 *   identifier urn:jiayi:rx-no           prescription number
 *   status + ext row-status              active→active, completed and
 *                                        renewed→completed, stopped→stopped,
 *                                        entered-in-error
 *   statusReason                         stop reason (urn:jiayi:cs:long-rx-stop)
 *                                        and the stop note as its text
 *   intent, category, courseOfTherapyType order, long-term, continuous
 *   subject, requester                   Patient, Practitioner (issuing doctor)
 *   authoredOn                           issue date
 *   reasonCode                           ICD-10 of the diagnosis ("I10,E11.9")
 *   priorPrescription                    the prescription it renews
 *   contained Medication item{n}         one per item: code urn:jiayi:cs:drug
 *                                        (the catalogue code) + text, form,
 *                                        ext long-rx-item {column: value …}
 *   medicationReference, ext medication  #item0; every item (dom-3)
 *   dosageInstruction                    one per item (for the platform;
 *                                        the item extension is what is read)
 *   dispenseRequest                      validityPeriod issue → end of
 *                                        supply, numberOfRepeatsAllowed
 *                                        instalments − 1,
 *                                        expectedSupplyDuration days per
 *                                        instalment
 *   ext long-rx {column: value …}        team, diagnosis text, assessment,
 *                                        education and confirmation flags,
 *                                        next review, stop date and who
 *
 * Drugs travel by their catalogue code: the catalogue (drug) stays on each
 * workstation (jy_fhir_entity_is_local). A pulled prescription naming a
 * code this workstation's catalogue lacks is refused (an "invalid"
 * conflict), as is one with a drug of an excluded class (§4.3: the check
 * runs at save and at sync). The derived columns (end, instalments
 * dispensed, next due date, open) are recomputed after each pull.
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "jy-fhir-codec-private.h"
#include "jy-fhir-row.h"
#include "jy-long-rx-store.h"
#include "jy-store.h"

#define EXT_STATUS     "urn:jiayi:ext:row-status"
#define EXT_FIELDS     "urn:jiayi:ext:long-rx"
#define EXT_ITEM       "urn:jiayi:ext:long-rx-item"
#define EXT_MEDICATION "urn:jiayi:ext:medication"
#define CS_DRUG        "urn:jiayi:cs:drug"
#define CS_STOP        "urn:jiayi:cs:long-rx-stop"
#define CS_FREQUENCY   "urn:jiayi:cs:dose-frequency"
#define CS_CATEGORY    "urn:jiayi:cs:medication-request-category"
#define CS_COURSE      "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy"
#define CS_ICD10       "http://hl7.org/fhir/sid/icd-10"
#define CS_UCUM        "http://unitsofmeasure.org"
#define SYSTEM_RX_NO   "urn:jiayi:rx-no"

enum {
  C_STATUS, C_RX_NO, C_RESIDENT, C_DOCTOR, C_TEAM, C_RENEWS, C_ISSUE, C_DIAGNOSIS_CODE,
  C_DIAGNOSIS_TEXT, C_TOTAL_DAYS, C_PER_DISPENSE, C_ASSESSMENT, C_ASSESSMENT_NOTE, C_EDUCATION,
  C_CONFIRMED, C_REVIEW, C_STOP_DATE, C_STOP_REASON, C_STOP_NOTE, C_STOPPED_AT, C_STOPPED_BY,
  C_END, N_COLUMNS
};

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }
#define R(name) { name, JY_FHIR_COL_REAL, NULL, NULL }

/* end_date is derived (issue + total days − 1) but NOT NULL: it travels
 * as validityPeriod.end and after_apply computes it again. */
static const JyFhirColumn columns[] = {
  T ("status"), T ("rx_no"), { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "doctor_id", JY_FHIR_COL_REF, "staff", NULL }, { "team_id", JY_FHIR_COL_REF, "team", NULL },
  { "renews_id", JY_FHIR_COL_REF, "long_rx", NULL }, T ("issue_date"), T ("diagnosis_code"),
  T ("diagnosis_text"), I ("total_days"), I ("days_per_dispense"), I ("assessment_done"),
  T ("assessment_note"), I ("education_given"), I ("patient_confirmed"), T ("review_date"),
  T ("stop_date"), T ("stop_reason"), T ("stop_note"), T ("stopped_at"), T ("stopped_by"),
  T ("end_date"),
};

enum {
  P_POSITION, P_CODE, P_NAME, P_STRENGTH, P_FORM, P_UNIT, P_DOSE, P_FREQUENCY, P_ROUTE, P_DAYS,
  P_PACK_SIZE, P_PACK_UNIT, P_PACKS, P_EXCLUSIONS, P_FLAGS, P_INSURANCE, N_ITEM_COLUMNS
};

static const JyFhirColumn item_columns[] = {
  I ("position"), T ("drug_code"), T ("drug_name"), T ("strength"), T ("form"), T ("unit"),
  R ("dose"), T ("frequency"), T ("route"), I ("days"), R ("pack_size"), T ("pack_unit"),
  I ("packs"), I ("exclusions"), I ("flags"), T ("insurance_class"),
};

#undef T
#undef I
#undef R

static const JyFhirField fields[] = {
  { C_TEAM, 0, 0, FALSE }, { C_DIAGNOSIS_TEXT, 0, 0, FALSE }, { C_ASSESSMENT, 0, 1, TRUE },
  { C_ASSESSMENT_NOTE, 0, 0, FALSE }, { C_EDUCATION, 0, 1, TRUE }, { C_CONFIRMED, 0, 1, TRUE },
  { C_REVIEW, 0, 10, FALSE }, { C_STOP_DATE, 0, 10, FALSE }, { C_STOPPED_AT, 0, 40, FALSE },
  { C_STOPPED_BY, 0, 64, FALSE },
};

static const JyFhirField item_fields[] = {
  { P_POSITION, 0, 999, FALSE }, { P_CODE, 0, 64, FALSE }, { P_NAME, 0, 0, FALSE },
  { P_STRENGTH, 0, 0, FALSE }, { P_FORM, 0, 0, FALSE }, { P_UNIT, 0, 16, FALSE },
  { P_DOSE, 0, 100000, FALSE }, { P_FREQUENCY, 0, 4, FALSE }, { P_ROUTE, 0, 0, FALSE },
  { P_DAYS, 1, 84, FALSE }, { P_PACK_SIZE, 0, 100000, FALSE }, { P_PACK_UNIT, 0, 16, FALSE },
  { P_PACKS, 1, 100000, FALSE }, { P_EXCLUSIONS, 0, JY_DRUG_EXCLUSION_ALL, TRUE },
  { P_FLAGS, 0, 0xff, TRUE }, { P_INSURANCE, 0, 1, FALSE },
};

static const char *const statuses[] = { "active", "completed", "renewed", "stopped", "entered-in-error", NULL };
static const char *const stop_reasons[] = {
  "condition", "adverse", "hospital", "regimen", "contraindication", "death", "moved", "contract",
  "other", NULL
};
static const char *const frequencies[] = { "qd", "bid", "tid", "qid", "qn", "qw", NULL };

/* ---- store hooks ------------------------------------------------------- */

static gboolean
long_rx_after_apply (JyDb       *db,
                     gint64      id,
                     JyFhirRow  *row,
                     GError    **error)
{
  /* Items travel by catalogue code; the catalogue is local. */
  static const char unknown_sql[] =
    "SELECT count(*) FROM long_rx_item i\n"
    "WHERE i.long_rx_id = ?1 AND i.drug_code IS NOT NULL AND i.drug_code <> ''\n"
    "  AND NOT EXISTS (SELECT 1 FROM drug d WHERE d.code = i.drug_code)";
  sqlite3_stmt *stmt = jy_db_prepare (db, unknown_sql, error);
  gint64 unknown;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  unknown = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (unknown > 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           _("A drug in it is not in this workstation’s drug catalogue."));
      return FALSE;
    }
  return jy_long_rx_store_derive (db, id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "long_rx",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .child_table = "long_rx_item",
  .child_fk = "long_rx_id",
  .child_columns = item_columns,
  .n_child_columns = N_ITEM_COLUMNS,
  .child_order = "c.position",
  .after_apply = long_rx_after_apply,
  .sql = &sql,
};

/* ---- encode ------------------------------------------------------------ */

static const char *
fhir_status (const char *status)
{
  if (g_strcmp0 (status, "renewed") == 0)
    return "completed";
  return status != NULL ? status : "active";
}

static void
add_coding (JsonBuilder *builder,
            const char  *member,
            const char  *system,
            const char  *code,
            const char  *display,
            const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  if (code != NULL)
    {
      json_builder_set_member_name (builder, "coding");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "system", system);
      jy_fhir_add_string (builder, "code", code);
      jy_fhir_add_string (builder, "display", display);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  jy_fhir_add_string (builder, "text", text);
  json_builder_end_object (builder);
}

static void
add_days (JsonBuilder *builder,
          const char  *member,
          const char  *days)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  jy_fhir_add_int_member (builder, "value", days);
  jy_fhir_add_string (builder, "unit", "d");
  jy_fhir_add_string (builder, "system", CS_UCUM);
  jy_fhir_add_string (builder, "code", "d");
  json_builder_end_object (builder);
}

static void
encode_medications (JsonBuilder     *builder,
                    const JyFhirRow *row)
{
  json_builder_set_member_name (builder, "contained");
  json_builder_begin_array (builder);
  for (guint i = 0; i < row->children->len; i++)
    {
      char **item = g_ptr_array_index (row->children, i);
      g_autofree char *id = g_strdup_printf ("item%s", item[P_POSITION]);

      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "resourceType", "Medication");
      jy_fhir_add_string (builder, "id", id);
      json_builder_set_member_name (builder, "extension");
      json_builder_begin_array (builder);
      jy_fhir_row_add_fields (builder, EXT_ITEM, item_columns, item, item_fields,
                              G_N_ELEMENTS (item_fields));
      json_builder_end_array (builder);
      add_coding (builder, "code", CS_DRUG, item[P_CODE] != NULL && item[P_CODE][0] != '\0' ? item[P_CODE] : NULL,
                  item[P_NAME], item[P_NAME]);
      if (item[P_FORM] != NULL)
        add_coding (builder, "form", NULL, NULL, NULL, item[P_FORM]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
encode_dosages (JsonBuilder     *builder,
                const JyFhirRow *row)
{
  json_builder_set_member_name (builder, "dosageInstruction");
  json_builder_begin_array (builder);
  for (guint i = 0; i < row->children->len; i++)
    {
      char **item = g_ptr_array_index (row->children, i);
      g_autofree char *text = g_strdup_printf ("%s %s%s %s", item[P_NAME], item[P_DOSE],
                                               item[P_UNIT] != NULL ? item[P_UNIT] : "",
                                               item[P_FREQUENCY]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sequence");
      json_builder_add_int_value (builder, (gint64)i + 1);
      jy_fhir_add_string (builder, "text", text);
      json_builder_set_member_name (builder, "timing");
      json_builder_begin_object (builder);
      add_coding (builder, "code", CS_FREQUENCY, item[P_FREQUENCY], NULL, NULL);
      json_builder_end_object (builder);
      if (item[P_ROUTE] != NULL)
        add_coding (builder, "route", NULL, NULL, NULL, item[P_ROUTE]);
      json_builder_set_member_name (builder, "doseAndRate");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "doseQuantity");
      json_builder_begin_object (builder);
      jy_fhir_add_real_member (builder, "value", item[P_DOSE]);
      jy_fhir_add_string (builder, "unit", item[P_UNIT]);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
encode_reasons (JsonBuilder *builder,
                const char  *codes)
{
  g_auto(GStrv) parts = NULL;

  if (codes == NULL || codes[0] == '\0')
    return;
  parts = g_strsplit (codes, ",", -1);
  json_builder_set_member_name (builder, "reasonCode");
  json_builder_begin_array (builder);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "coding");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "system", CS_ICD10);
      jy_fhir_add_string (builder, "code", parts[i]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
long_rx_encode (gconstpointer        data,
                const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 total = v[C_TOTAL_DAYS] != NULL ? g_ascii_strtoll (v[C_TOTAL_DAYS], NULL, 10) : 0;
  gint64 per = v[C_PER_DISPENSE] != NULL ? g_ascii_strtoll (v[C_PER_DISPENSE], NULL, 10) : 0;

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "MedicationRequest");
  jy_fhir_add_string (builder, "id", row->uuid);
  encode_medications (builder, row);

  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_STATUS, "Code", v[C_STATUS]);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < row->children->len; i++)
    {
      char **item = g_ptr_array_index (row->children, i);
      g_autofree char *local = g_strdup_printf ("#item%s", item[P_POSITION]);

      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_MEDICATION);
      json_builder_set_member_name (builder, "valueReference");
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", local);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:long_rx", row->uuid);
  jy_fhir_add_identifier (builder, SYSTEM_RX_NO, v[C_RX_NO]);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status", fhir_status (v[C_STATUS]));
  if (v[C_STOP_REASON] != NULL || v[C_STOP_NOTE] != NULL)
    add_coding (builder, "statusReason", CS_STOP, v[C_STOP_REASON], NULL, v[C_STOP_NOTE]);
  jy_fhir_add_string (builder, "intent", "order");
  json_builder_set_member_name (builder, "category");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_CATEGORY);
  jy_fhir_add_string (builder, "code", "long-term");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  if (row->children->len > 0)
    {
      char **first = g_ptr_array_index (row->children, 0);
      g_autofree char *local = g_strdup_printf ("#item%s", first[P_POSITION]);

      json_builder_set_member_name (builder, "medicationReference");
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", local);
      json_builder_end_object (builder);
    }
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  jy_fhir_add_string (builder, "authoredOn", v[C_ISSUE]);
  jy_fhir_add_reference (builder, "requester", "Practitioner", v[C_DOCTOR]);
  encode_reasons (builder, v[C_DIAGNOSIS_CODE]);
  add_coding (builder, "courseOfTherapyType", CS_COURSE, "continuous", "Continuous long term therapy", NULL);
  encode_dosages (builder, row);

  json_builder_set_member_name (builder, "dispenseRequest");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "validityPeriod");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", v[C_ISSUE]);
  jy_fhir_add_string (builder, "end", v[C_END]);
  json_builder_end_object (builder);
  if (total > 0 && per > 0)
    {
      json_builder_set_member_name (builder, "numberOfRepeatsAllowed");
      json_builder_add_int_value (builder, (total + per - 1) / per - 1);
    }
  add_days (builder, "expectedSupplyDuration", v[C_PER_DISPENSE]);
  json_builder_end_object (builder);

  jy_fhir_add_reference (builder, "priorPrescription", "MedicationRequest", v[C_RENEWS]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- decode ------------------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *what)
{
  return jy_fhir_invalid (error, "MedicationRequest", what);
}

/* The code of the first coding of @system in the CodeableConcept @member. */
static gboolean
read_coding (JsonObject  *object,
             const char  *member,
             const char  *system,
             char       **code,
             char       **text,
             GError     **error)
{
  JsonObject *concept = NULL;
  JsonArray *codings = NULL;
  guint n;

  if (!jy_fhir_read_object (object, member, &concept, error))
    return FALSE;
  if (concept == NULL)
    return TRUE;
  if ((text != NULL && !jy_fhir_read_text (concept, "text", 0, text, error)) ||
      !jy_fhir_read_array (concept, "coding", &codings, error))
    return FALSE;
  n = codings != NULL ? json_array_get_length (codings) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *coding = jy_fhir_array_object (codings, i, "coding", error);
      const char *s = NULL;

      if (coding == NULL || !jy_fhir_read_string (coding, "system", &s, error))
        return FALSE;
      if (g_strcmp0 (s, system) == 0)
        return jy_fhir_read_text (coding, "code", 64, code, error);
    }
  return TRUE;
}

static gboolean
decode_reasons (JsonObject  *resource,
                char       **out,
                GError     **error)
{
  JsonArray *reasons = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  guint n;

  if (!jy_fhir_read_array (resource, "reasonCode", &reasons, error))
    return FALSE;
  n = reasons != NULL ? json_array_get_length (reasons) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *reason = jy_fhir_array_object (reasons, i, "reasonCode", error);
      g_autoptr(JsonObject) holder = json_object_new ();
      g_autofree char *code = NULL;

      if (reason == NULL)
        return FALSE;
      json_object_set_object_member (holder, "reason", json_object_ref (reason));
      if (!read_coding (holder, "reason", CS_ICD10, &code, NULL, error))
        return FALSE;
      if (code == NULL)
        continue;
      if (!jy_fhir_is_code (code, 16))
        return invalid (error, "reasonCode is not an ICD-10 code");
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? "," : "", code);
    }
  *out = codes->len > 0 ? g_strdup (codes->str) : NULL;
  return TRUE;
}

static gboolean
check_item (char   **p,
            GError **error)
{
  JyDrug probe = { 0 };

  for (guint k = 0; k < N_ITEM_COLUMNS; k++)
    if (p[k] == NULL && (k == P_POSITION || k == P_NAME || k == P_DOSE || k == P_FREQUENCY ||
                         k == P_DAYS || k == P_PACK_SIZE || k == P_PACKS))
      return invalid (error, "item without position, name, dose, frequency, days, pack size or packs");
  /* The table's CHECKs. */
  if (g_ascii_strtod (p[P_DOSE], NULL) <= 0)
    return invalid (error, "item dose");
  if (g_ascii_strtod (p[P_PACK_SIZE], NULL) <= 0)
    return invalid (error, "item pack size");
  if (!jy_fhir_is_one_of (p[P_FREQUENCY], frequencies))
    return invalid (error, "item frequency");
  if (p[P_INSURANCE] != NULL && !jy_fhir_is_one_of (p[P_INSURANCE], (const char *const[]) { "甲", "乙", NULL }))
    return invalid (error, "item insurance class");
  /* §4.3: an excluded drug is refused at sync as at save. */
  probe.exclusions = (guint)g_ascii_strtoull (p[P_EXCLUSIONS], NULL, 10);
  probe.flags = (guint)g_ascii_strtoull (p[P_FLAGS], NULL, 10);
  if (jy_drug_refused_class (&probe) != JY_DRUG_EXCLUSION_NONE)
    return invalid (error, "item is a drug of an excluded class (§4.3)");
  return TRUE;
}

static gboolean
decode_items (JsonObject  *resource,
              JyFhirRow   *row,
              GError     **error)
{
  JsonArray *contained = NULL;
  guint n;

  if (!jy_fhir_read_array (resource, "contained", &contained, error))
    return FALSE;
  n = contained != NULL ? json_array_get_length (contained) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *medication = jy_fhir_array_object (contained, i, "contained", error);
      JsonArray *extensions = NULL;
      const char *type = NULL;
      char **p;

      if (medication == NULL || !jy_fhir_read_string (medication, "resourceType", &type, error) ||
          !jy_fhir_read_array (medication, "extension", &extensions, error))
        return FALSE;
      if (g_strcmp0 (type, "Medication") != 0 || jy_fhir_find_extension (extensions, EXT_ITEM) == NULL)
        continue;   /* someone else's contained resource */
      p = jy_fhir_row_child_new (&spec);
      g_ptr_array_add (row->children, p);
      if (!jy_fhir_row_read_fields (extensions, EXT_ITEM, item_columns, p, item_fields,
                                    G_N_ELEMENTS (item_fields), error) ||
          !check_item (p, error))
        return FALSE;
      for (guint k = 0; k + 1 < row->children->len; k++)
        if (g_str_equal (((char **)g_ptr_array_index (row->children, k))[P_POSITION], p[P_POSITION]))
          return invalid (error, "two items in one position");
    }
  if (row->children->len == 0)
    return invalid (error, "no drug");
  return TRUE;
}

static gboolean
decode_status (JsonObject  *resource,
               JsonArray   *extensions,
               char       **v,
               GError     **error)
{
  JsonObject *status_ext = jy_fhir_find_extension (extensions, EXT_STATUS);
  const char *status = NULL;

  if (status_ext != NULL && !jy_fhir_read_text (status_ext, "valueCode", 0, &v[C_STATUS], error))
    return FALSE;
  if (!jy_fhir_read_string (resource, "status", &status, error))
    return FALSE;
  if (v[C_STATUS] == NULL && jy_fhir_is_one_of (status, statuses))
    v[C_STATUS] = g_strdup (status);
  if (!jy_fhir_is_one_of (v[C_STATUS], statuses))
    return invalid (error, "status");
  if (g_strcmp0 (fhir_status (v[C_STATUS]), status) != 0)
    return invalid (error, "status and row status disagree");
  return read_coding (resource, "statusReason", CS_STOP, &v[C_STOP_REASON], &v[C_STOP_NOTE], error);
}

static gboolean
decode_dispense_request (JsonObject  *resource,
                         char       **v,
                         GError     **error)
{
  JsonObject *request = NULL, *period = NULL, *supply = NULL;
  const char *unit = NULL;
  GDate start, end;

  if (!jy_fhir_read_object (resource, "dispenseRequest", &request, error))
    return FALSE;
  if (request == NULL)
    return invalid (error, "no dispenseRequest");
  if (!jy_fhir_read_object (request, "validityPeriod", &period, error) ||
      !jy_fhir_read_object (request, "expectedSupplyDuration", &supply, error))
    return FALSE;
  if (period == NULL || supply == NULL)
    return invalid (error, "dispenseRequest without validityPeriod or expectedSupplyDuration");
  {
    g_autofree char *start_text = NULL;

    if (!jy_fhir_read_text (period, "start", 0, &start_text, error) ||
        !jy_fhir_read_text (period, "end", 0, &v[C_END], error))
      return FALSE;
    if (!jy_fhir_is_date (start_text) || !jy_fhir_is_date (v[C_END]) ||
        g_strcmp0 (start_text, v[C_ISSUE]) != 0)
      return invalid (error, "validityPeriod must run from the date of issue to a date");
    g_date_clear (&start, 1);
    g_date_clear (&end, 1);
    g_date_set_parse (&start, start_text);
    g_date_set_parse (&end, v[C_END]);
    if (!g_date_valid (&start) || !g_date_valid (&end) || g_date_compare (&end, &start) < 0 ||
        g_date_days_between (&start, &end) + 1 > 84)
      return invalid (error, "validityPeriod is not 1 to 84 days");
    v[C_TOTAL_DAYS] = g_strdup_printf ("%d", g_date_days_between (&start, &end) + 1);
  }
  if (!jy_fhir_read_string (supply, "code", &unit, error) ||
      !jy_fhir_read_number (supply, "value", TRUE, 1, 84, &v[C_PER_DISPENSE], error))
    return FALSE;
  if (v[C_PER_DISPENSE] == NULL || g_strcmp0 (unit, "d") != 0)
    return invalid (error, "expectedSupplyDuration is not in days");
  return TRUE;
}

static gboolean
check (char   **v,
       GError **error)
{
  const int dates[] = { C_REVIEW, C_STOP_DATE };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (v[dates[i]] != NULL && !jy_fhir_is_date (v[dates[i]]))
      return invalid (error, columns[dates[i]].name);
  if (v[C_STOPPED_AT] != NULL && !jy_fhir_is_date_time (v[C_STOPPED_AT]))
    return invalid (error, "stopped_at");
  if (v[C_RX_NO] == NULL || v[C_RX_NO][0] == '\0' || strlen (v[C_RX_NO]) > 40)
    return invalid (error, "prescription number");
  if (v[C_RESIDENT] == NULL || v[C_DOCTOR] == NULL)
    return invalid (error, "subject and requester are required");
  /* The table's CHECKs. */
  if (v[C_STOP_REASON] != NULL && !jy_fhir_is_one_of (v[C_STOP_REASON], stop_reasons))
    return invalid (error, "stop reason");
  if (g_strcmp0 (v[C_STATUS], "stopped") == 0 && (v[C_STOP_DATE] == NULL || v[C_STOP_REASON] == NULL))
    return invalid (error, "stopped without a stop date and reason");
  if (g_ascii_strtoll (v[C_TOTAL_DAYS], NULL, 10) > 28 &&
      (g_strcmp0 (v[C_ASSESSMENT], "1") != 0 || g_strcmp0 (v[C_CONFIRMED], "1") != 0))
    return invalid (error, "over 28 days without assessment and the patient's confirmation");
  return TRUE;
}

static gpointer
long_rx_decode (JsonObject           *resource,
                const JyFhirOptions  *options,
                GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *identifiers = NULL;
  const char *intent = NULL;
  guint n;

  if (!jy_fhir_read_jiayi_id (resource, "long_rx", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !decode_status (resource, extensions, v, error) ||
      !jy_fhir_read_string (resource, "intent", &intent, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_reference (resource, "requester", "Practitioner", &v[C_DOCTOR], error) ||
      !jy_fhir_read_reference (resource, "priorPrescription", "MedicationRequest", &v[C_RENEWS], error) ||
      !jy_fhir_read_text (resource, "authoredOn", 0, &v[C_ISSUE], error) ||
      !decode_reasons (resource, &v[C_DIAGNOSIS_CODE], error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error))
    return NULL;
  if (g_strcmp0 (intent, "order") != 0)
    return invalid (error, "intent is not order"), NULL;
  if (!jy_fhir_is_date (v[C_ISSUE]))
    return invalid (error, "authoredOn (date of issue)"), NULL;
  if (v[C_RENEWS] != NULL && g_strcmp0 (v[C_RENEWS], row->uuid) == 0)
    return invalid (error, "renews itself"), NULL;
  if (v[C_TEAM] != NULL && !jy_fhir_is_uuid (v[C_TEAM]))
    return invalid (error, "team"), NULL;
  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL;

      if (identifier == NULL || !jy_fhir_read_string (identifier, "system", &system, error))
        return NULL;
      if (g_strcmp0 (system, SYSTEM_RX_NO) == 0 &&
          !jy_fhir_read_text (identifier, "value", 0, &v[C_RX_NO], error))
        return NULL;
    }
  if (!decode_dispense_request (resource, v, error) ||
      !decode_items (resource, row, error) ||
      !check (v, error))
    return NULL;
  return g_steal_pointer (&row);
}

static gpointer
long_rx_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
long_rx_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  /* Numbers are made per workstation (jy-long-rx-store.c): two issued
   * offline on one day may share one. Say so rather than the UNIQUE
   * constraint's text (another centre's record, whose resident is not
   * here, is skipped by the row apply as usual). */
  static const char taken_sql[] =
    "SELECT count(*) FROM long_rx WHERE rx_no = ?1 AND uuid <> ?2\n"
    "  AND EXISTS (SELECT 1 FROM resident WHERE uuid = ?3)";
  JyFhirRow *row = record;
  sqlite3_stmt *stmt = jy_db_prepare (db, taken_sql, error);
  gint64 taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->values[C_RX_NO], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->values[C_RESIDENT], -1, SQLITE_TRANSIENT);
  if (jy_db_step (db, stmt, error) < 0)
    return FALSE;
  taken = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (taken > 0)
    {
      g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                   "prescription number %s is another prescription's here", row->values[C_RX_NO]);
      return FALSE;
    }
  return jy_fhir_row_apply (&spec, "long_rx", db, record, version, error);
}

static gboolean
long_rx_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_long_rx = {
  .entity = "long_rx",
  .resource_type = "MedicationRequest",
  .rank = 60,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM long_rx WHERE uuid = ?1",
  .label_sql = "SELECT rx_no FROM long_rx WHERE uuid = ?1",
  .encode = long_rx_encode,
  .decode = long_rx_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = long_rx_load,
  .apply = long_rx_apply,
  .set_version = long_rx_set_version,
};
