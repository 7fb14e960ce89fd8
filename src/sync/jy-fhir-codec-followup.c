/* jy-fhir-codec-followup.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * followup (+ followup_drug rows) ⇄ Encounter with contained Observations
 * (sync.md "Mapping", domain.md §3.3–3.4, §7.2). One follow-up record is
 * one Encounter: its measurements are contained Observations, so a
 * follow-up travels, versions and conflicts as one resource (a correction
 * is a new row, the old one entered-in-error).
 *
 *   id, identifier urn:jiayi:followup   row uuid
 *   status                              final→finished, entered-in-error
 *   class (v3 ActCode)                  mode 1→AMB, 2→HH, 3→VR
 *   type coding urn:jiayi:cs:programme  htn | t2dm
 *   subject, participant.individual     Patient/{resident}, Practitioner/{author}
 *   period.start                        visit_date
 *   reasonReference                     Condition/{enrolment}
 *   contained Observation (LOINC, UCUM) BP panel 85354-9 = 8480-6 SBP +
 *                                       8462-4 DBP mm[Hg]; 8867-4 heart rate
 *                                       /min; 29463-7 weight kg; 8302-2 height
 *                                       cm; 8280-0 waist cm; 8310-5 body
 *                                       temperature Cel; 14771-0 fasting
 *                                       glucose mmol/L; 4548-4 HbA1c %
 *   ext observation valueReference      "#id" of each contained one (dom-3)
 *   ext followup {column: value …}      every other form field (symptoms,
 *                                       lifestyle current/target, adherence,
 *                                       classification, referral, next visit …)
 *   ext followup-drug {column: value …} one per medication row, in order
 */

#include "config.h"

#include <string.h>

#include "jy-chronic-private.h"
#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"

#define EXT_FIELDS      "urn:jiayi:ext:followup"
#define EXT_DRUG        "urn:jiayi:ext:followup-drug"
#define EXT_OBSERVATION "urn:jiayi:ext:observation"
#define CS_PROGRAMME    "urn:jiayi:cs:programme"
#define CS_ACT          "http://terminology.hl7.org/CodeSystem/v3-ActCode"
#define CS_LOINC        "http://loinc.org"
#define CS_UCUM         "http://unitsofmeasure.org"

enum {
  C_STATUS, C_REPLACES, C_ENROLMENT, C_RESIDENT, C_PROGRAMME, C_VISIT_UUID, C_VISIT_DATE, C_MODE,
  C_OUTCOME, C_LOST_REASON, C_DEATH_DATE, C_DEATH_CAUSE, C_AUTHOR, C_AUTHOR_ROLE, C_SYMPTOMS,
  C_SYMPTOMS_OTHER, C_DANGER, C_SBP, C_DBP, C_HEART_RATE, C_WEIGHT, C_TARGET_WEIGHT, C_HEIGHT,
  C_WAIST, C_TEMPERATURE, C_FOOT_PULSE, C_SIGNS_OTHER, C_CIGARETTES, C_CIGARETTES_TARGET,
  C_ALCOHOL, C_ALCOHOL_TARGET, C_EXERCISE_WEEK, C_EXERCISE_MINUTES, C_EXERCISE_WEEK_TARGET,
  C_EXERCISE_MINUTES_TARGET, C_SALT, C_SALT_TARGET, C_STAPLE, C_STAPLE_TARGET, C_PSYCHOLOGY,
  C_COMPLIANCE, C_FASTING_GLUCOSE, C_RANDOM_GLUCOSE, C_HBA1C, C_HBA1C_DATE, C_INVESTIGATIONS,
  C_ADHERENCE, C_ADR, C_ADR_TEXT, C_ADR_HARD, C_HYPO, C_NEW_COMPLICATION, C_COMPLICATION_TEXT,
  C_CLASS, C_SUGGESTED_CLASS, C_CLASS_OVERRIDE, C_ACTION, C_REFERRAL_REASON,
  C_REFERRAL_INSTITUTION, C_REFERRAL_DEPARTMENT, C_REFERRAL_CONTACT, C_REFERRAL_PHONE,
  C_REFERRAL_RESULT, C_NEXT_VISIT, C_SUGGESTED_NEXT, C_NEXT_OVERRIDE, C_ADVICE, C_REMARKS,
  N_COLUMNS
};

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }
#define R(name) { name, JY_FHIR_COL_REAL, NULL, NULL }

static const JyFhirColumn columns[] = {
  T ("status"), { "replaces_id", JY_FHIR_COL_REF, "followup", NULL },
  { "enrolment_id", JY_FHIR_COL_REF, "chronic_enrolment", NULL },
  { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "programme_id", JY_FHIR_COL_REF, "programme", "code" },
  T ("visit_uuid"), T ("visit_date"), I ("mode"), I ("outcome"), T ("lost_reason"),
  T ("death_date"), T ("death_cause"), { "author_id", JY_FHIR_COL_REF, "staff", NULL },
  T ("author_role"), I ("symptoms"), T ("symptoms_other"), I ("danger_observed"), I ("sbp"),
  I ("dbp"), I ("heart_rate"), R ("weight_kg"), R ("target_weight_kg"), R ("height_cm"),
  R ("waist_cm"), R ("temperature_c"), T ("foot_pulse"), T ("signs_other"), I ("cigarettes"),
  I ("cigarettes_target"), R ("alcohol_liang"), R ("alcohol_liang_target"),
  I ("exercise_per_week"), I ("exercise_minutes"), I ("exercise_per_week_target"),
  I ("exercise_minutes_target"), I ("salt"), I ("salt_target"), I ("staple_g"),
  I ("staple_g_target"), I ("psychology"), I ("compliance"), R ("fasting_glucose"),
  R ("random_glucose"), R ("hba1c"), T ("hba1c_date"), T ("investigations"), I ("adherence"),
  I ("adverse_reaction"), T ("adverse_reaction_text"), I ("adverse_hard_to_control"),
  I ("hypoglycaemia"), I ("new_complication"), T ("complication_text"), I ("classification"),
  I ("suggested_class"), T ("class_override_reason"), I ("action"), T ("referral_reason"),
  T ("referral_institution"), T ("referral_department"), T ("referral_contact"),
  T ("referral_phone"), I ("referral_result"), T ("next_visit_date"), T ("suggested_next_date"),
  T ("next_override_reason"), T ("advice"), T ("remarks"),
};

enum { D_POSITION, D_KIND, D_NAME, D_CODE, D_TIMES, D_DOSE, D_UNIT, D_USAGE, N_DRUG_COLUMNS };

static const JyFhirColumn drug_columns[] = {
  I ("position"), I ("kind"), T ("name"), T ("drug_code"), I ("times_per_day"), R ("dose"),
  T ("dose_unit"), T ("usage"),
};

#undef T
#undef I
#undef R

/* The form fields of the followup extension. Free text has only the
 * reader's byte cap (the store has none): what one workstation saved,
 * another must accept. Codes and dates are capped to their size. */
static const JyFhirField fields[] = {
  { C_REPLACES, 0, 0, FALSE }, { C_VISIT_UUID, 0, 64, FALSE }, { C_OUTCOME, 0, 2, TRUE },
  { C_LOST_REASON, 0, 0, FALSE }, { C_DEATH_DATE, 0, 10, FALSE }, { C_DEATH_CAUSE, 0, 0, FALSE },
  { C_AUTHOR_ROLE, 0, 32, FALSE }, { C_SYMPTOMS, 0, G_MAXINT32, TRUE },
  { C_SYMPTOMS_OTHER, 0, 0, FALSE }, { C_DANGER, 0, G_MAXINT32, TRUE },
  { C_TARGET_WEIGHT, 0, 500, FALSE }, { C_FOOT_PULSE, 0, 32, FALSE },
  { C_SIGNS_OTHER, 0, 0, FALSE }, { C_CIGARETTES, 0, 200, FALSE },
  { C_CIGARETTES_TARGET, 0, 200, FALSE }, { C_ALCOHOL, 0, 100, FALSE },
  { C_ALCOHOL_TARGET, 0, 100, FALSE }, { C_EXERCISE_WEEK, 0, 50, FALSE },
  { C_EXERCISE_MINUTES, 0, 1440, FALSE }, { C_EXERCISE_WEEK_TARGET, 0, 50, FALSE },
  { C_EXERCISE_MINUTES_TARGET, 0, 1440, FALSE }, { C_SALT, 0, 9, FALSE },
  { C_SALT_TARGET, 0, 9, FALSE }, { C_STAPLE, 0, 5000, FALSE }, { C_STAPLE_TARGET, 0, 5000, FALSE },
  { C_PSYCHOLOGY, 0, 9, FALSE }, { C_COMPLIANCE, 0, 9, FALSE }, { C_RANDOM_GLUCOSE, 0, 100, FALSE },
  { C_HBA1C_DATE, 0, 10, FALSE }, { C_INVESTIGATIONS, 0, 0, FALSE }, { C_ADHERENCE, 0, 9, FALSE },
  { C_ADR, 0, 1, TRUE }, { C_ADR_TEXT, 0, 0, FALSE }, { C_ADR_HARD, 0, 1, TRUE },
  { C_HYPO, 0, 9, FALSE }, { C_NEW_COMPLICATION, 0, 1, TRUE }, { C_COMPLICATION_TEXT, 0, 0, FALSE },
  { C_CLASS, 0, 4, TRUE }, { C_SUGGESTED_CLASS, 0, 4, TRUE }, { C_CLASS_OVERRIDE, 0, 0, FALSE },
  { C_ACTION, 0, 3, TRUE }, { C_REFERRAL_REASON, 0, 0, FALSE },
  { C_REFERRAL_INSTITUTION, 0, 0, FALSE }, { C_REFERRAL_DEPARTMENT, 0, 0, FALSE },
  { C_REFERRAL_CONTACT, 0, 0, FALSE }, { C_REFERRAL_PHONE, 0, 32, FALSE },
  { C_REFERRAL_RESULT, 0, 2, TRUE }, { C_NEXT_VISIT, 0, 10, FALSE },
  { C_SUGGESTED_NEXT, 0, 10, FALSE }, { C_NEXT_OVERRIDE, 0, 0, FALSE },
  { C_ADVICE, 0, 0, FALSE }, { C_REMARKS, 0, 0, FALSE },
};

static const JyFhirField drug_fields[] = {
  { D_POSITION, 0, 999, FALSE }, { D_KIND, 0, 2, FALSE }, { D_NAME, 0, 0, FALSE },
  { D_CODE, 0, 64, FALSE }, { D_TIMES, 0, 48, FALSE }, { D_DOSE, 0, 100000, FALSE },
  { D_UNIT, 0, 16, FALSE }, { D_USAGE, 0, 0, FALSE },
};

/* Measurements with a LOINC code: one contained Observation each (SBP and
 * DBP together as the BP panel). */
typedef struct
{
  int         column;
  const char *id;
  const char *loinc;
  const char *display;
  const char *unit;
  double      min;
  double      max;
} Measure;

static const Measure measures[] = {
  { C_HEART_RATE, "hr", "8867-4", "Heart rate", "/min", 0, 400 },
  { C_WEIGHT, "weight", "29463-7", "Body weight", "kg", 0, 500 },
  { C_HEIGHT, "height", "8302-2", "Body height", "cm", 0, 300 },
  { C_WAIST, "waist", "8280-0", "Waist circumference", "cm", 0, 300 },
  { C_TEMPERATURE, "temp", "8310-5", "Body temperature", "Cel", 20, 50 },
  { C_FASTING_GLUCOSE, "fpg", "14771-0", "Fasting glucose [Moles/volume]", "mmol/L", 0, 100 },
  { C_HBA1C, "hba1c", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 0, 100 },
};

#define LOINC_BP  "85354-9"
#define LOINC_SBP "8480-6"
#define LOINC_DBP "8462-4"

static gboolean
followup_after_apply (JyDb       *db,
                      gint64      id,
                      JyFhirRow  *row,
                      GError    **error)
{
  static const char sql[] = "SELECT enrolment_id FROM followup WHERE id = ?1";
  gint64 enrolment_id;

  if (!jy_fhir_row_read_id (db, sql, id, &enrolment_id, error))
    return FALSE;
  /* The enrolment's worklist state reads its final follow-ups. */
  return jy_chronic_state_refresh (db, enrolment_id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "followup",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .child_table = "followup_drug",
  .child_fk = "followup_id",
  .child_columns = drug_columns,
  .n_child_columns = N_DRUG_COLUMNS,
  .child_order = "c.position",
  .after_apply = followup_after_apply,
  .sql = &sql,
};

static const char *const mode_classes[] = { "AMB", "HH", "VR" };

/* ---- encode ------------------------------------------------------------ */

static void
add_code (JsonBuilder *builder,
          const char  *member,
          const char  *system,
          const char  *code,
          const char  *display)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", system);
  jy_fhir_add_string (builder, "code", code);
  jy_fhir_add_string (builder, "display", display);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_quantity (JsonBuilder *builder,
              const char  *value,
              const char  *unit)
{
  json_builder_set_member_name (builder, "valueQuantity");
  json_builder_begin_object (builder);
  jy_fhir_add_real_member (builder, "value", value);
  jy_fhir_add_string (builder, "unit", unit);
  jy_fhir_add_string (builder, "system", CS_UCUM);
  jy_fhir_add_string (builder, "code", unit);
  json_builder_end_object (builder);
}

static void
begin_observation (JsonBuilder     *builder,
                   const JyFhirRow *row,
                   const char      *id,
                   const char      *loinc,
                   const char      *display)
{
  char *const *v = row->values;

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Observation");
  jy_fhir_add_string (builder, "id", id);
  jy_fhir_add_string (builder, "status",
                      g_strcmp0 (v[C_STATUS], "entered-in-error") == 0 ? "entered-in-error" : "final");
  json_builder_set_member_name (builder, "category");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", "http://terminology.hl7.org/CodeSystem/observation-category");
  jy_fhir_add_string (builder, "code",
                      g_str_equal (loinc, "14771-0") || g_str_equal (loinc, "4548-4") ?
                      "laboratory" : "vital-signs");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  add_code (builder, "code", CS_LOINC, loinc, display);
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  jy_fhir_add_string (builder, "effectiveDateTime", v[C_VISIT_DATE]);
}

static void
add_bp_component (JsonBuilder *builder,
                  const char  *loinc,
                  const char  *display,
                  const char  *value)
{
  if (value == NULL)
    return;
  json_builder_begin_object (builder);
  add_code (builder, "code", CS_LOINC, loinc, display);
  add_quantity (builder, value, "mm[Hg]");
  json_builder_end_object (builder);
}

static void
encode_observations (JsonBuilder     *builder,
                     const JyFhirRow *row)
{
  char *const *v = row->values;

  json_builder_set_member_name (builder, "contained");
  json_builder_begin_array (builder);
  if (v[C_SBP] != NULL || v[C_DBP] != NULL)
    {
      begin_observation (builder, row, "bp", LOINC_BP, "Blood pressure panel");
      json_builder_set_member_name (builder, "component");
      json_builder_begin_array (builder);
      add_bp_component (builder, LOINC_SBP, "Systolic blood pressure", v[C_SBP]);
      add_bp_component (builder, LOINC_DBP, "Diastolic blood pressure", v[C_DBP]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (v[measures[i].column] != NULL)
      {
        begin_observation (builder, row, measures[i].id, measures[i].loinc, measures[i].display);
        add_quantity (builder, v[measures[i].column], measures[i].unit);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
}

static void
add_observation_ref (JsonBuilder *builder,
                     const char  *id)
{
  g_autofree char *local = g_strconcat ("#", id, NULL);

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", EXT_OBSERVATION);
  json_builder_set_member_name (builder, "valueReference");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "reference", local);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static JsonNode *
followup_encode (gconstpointer        data,
                 const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 mode = v[C_MODE] != NULL ? g_ascii_strtoll (v[C_MODE], NULL, 10) : 1;

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Encounter");
  jy_fhir_add_string (builder, "id", row->uuid);
  encode_observations (builder, row);

  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  if (v[C_SBP] != NULL || v[C_DBP] != NULL)
    add_observation_ref (builder, "bp");
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (v[measures[i].column] != NULL)
      add_observation_ref (builder, measures[i].id);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < row->children->len; i++)
    jy_fhir_row_add_fields (builder, EXT_DRUG, drug_columns, g_ptr_array_index (row->children, i),
                            drug_fields, G_N_ELEMENTS (drug_fields));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:followup", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status",
                      g_strcmp0 (v[C_STATUS], "entered-in-error") == 0 ? "entered-in-error" : "finished");
  json_builder_set_member_name (builder, "class");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_ACT);
  jy_fhir_add_string (builder, "code", mode_classes[CLAMP (mode, 1, 3) - 1]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_PROGRAMME);
  jy_fhir_add_string (builder, "code", v[C_PROGRAMME]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  if (v[C_AUTHOR] != NULL)
    {
      json_builder_set_member_name (builder, "participant");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_reference (builder, "individual", "Practitioner", v[C_AUTHOR]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", v[C_VISIT_DATE]);
  json_builder_end_object (builder);
  if (v[C_ENROLMENT] != NULL)
    {
      g_autofree char *reference = g_strconcat ("Condition/", v[C_ENROLMENT], NULL);

      json_builder_set_member_name (builder, "reasonReference");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- decode ------------------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *what)
{
  return jy_fhir_invalid (error, "Encounter", what);
}

/* The LOINC code of an Observation's (or component's) code. */
static gboolean
read_loinc (JsonObject  *object,
            const char **out,
            GError     **error)
{
  JsonObject *code = NULL, *coding;
  JsonArray *codings = NULL;
  guint n;

  *out = NULL;
  if (!jy_fhir_read_object (object, "code", &code, error) ||
      (code != NULL && !jy_fhir_read_array (code, "coding", &codings, error)))
    return FALSE;
  n = codings != NULL ? json_array_get_length (codings) : 0;
  for (guint i = 0; i < n; i++)
    {
      const char *system = NULL;

      if ((coding = jy_fhir_array_object (codings, i, "coding", error)) == NULL ||
          !jy_fhir_read_string (coding, "system", &system, error))
        return FALSE;
      if (g_strcmp0 (system, CS_LOINC) == 0)
        return jy_fhir_read_string (coding, "code", out, error);
    }
  return TRUE;
}

static gboolean
read_quantity (JsonObject  *object,
               const char  *unit,
               gboolean     integer,
               double       min,
               double       max,
               char       **out,
               GError     **error)
{
  JsonObject *quantity = NULL;
  const char *code = NULL;
  g_autofree char *value = NULL;

  if (!jy_fhir_read_object (object, "valueQuantity", &quantity, error))
    return FALSE;
  if (quantity == NULL)
    return invalid (error, "observation without valueQuantity");
  if (!jy_fhir_read_string (quantity, "code", &code, error) ||
      !jy_fhir_read_number (quantity, "value", FALSE, min, max, &value, error))
    return FALSE;
  /* Pick by unit, never mix (mg/dL glucose is another code). */
  if (value == NULL || g_strcmp0 (code, unit) != 0)
    return invalid (error, "observation value or unit");
  g_free (*out);
  if (integer)
    {
      double number = g_ascii_strtod (value, NULL);

      if (number != (double)(gint64)number)
        return invalid (error, "observation value is not a whole number");
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)number);
    }
  else
    *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
decode_observation (JsonObject  *observation,
                    char       **v,
                    GError     **error)
{
  const char *type = NULL, *loinc = NULL;

  if (!jy_fhir_read_string (observation, "resourceType", &type, error) ||
      !read_loinc (observation, &loinc, error))
    return FALSE;
  if (g_strcmp0 (type, "Observation") != 0)
    return TRUE;   /* someone else's contained resource */
  if (g_strcmp0 (loinc, LOINC_BP) == 0)
    {
      JsonArray *components = NULL;
      guint n;

      if (!jy_fhir_read_array (observation, "component", &components, error))
        return FALSE;
      n = components != NULL ? json_array_get_length (components) : 0;
      for (guint i = 0; i < n; i++)
        {
          JsonObject *component = jy_fhir_array_object (components, i, "component", error);
          const char *part = NULL;

          if (component == NULL || !read_loinc (component, &part, error))
            return FALSE;
          if (g_strcmp0 (part, LOINC_SBP) == 0 &&
              !read_quantity (component, "mm[Hg]", TRUE, 0, 400, &v[C_SBP], error))
            return FALSE;
          if (g_strcmp0 (part, LOINC_DBP) == 0 &&
              !read_quantity (component, "mm[Hg]", TRUE, 0, 300, &v[C_DBP], error))
            return FALSE;
        }
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_strcmp0 (loinc, measures[i].loinc) == 0)
      return read_quantity (observation, measures[i].unit,
                            columns[measures[i].column].kind == JY_FHIR_COL_INT,
                            measures[i].min, measures[i].max, &v[measures[i].column], error);
  return TRUE;
}

static gboolean
decode_coding (JsonObject  *concept,
               const char  *system,
               char       **out,
               GError     **error)
{
  JsonArray *codings = NULL;
  guint n;

  if (!jy_fhir_read_array (concept, "coding", &codings, error))
    return FALSE;
  n = codings != NULL ? json_array_get_length (codings) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *coding = jy_fhir_array_object (codings, i, "coding", error);
      const char *s = NULL;

      if (coding == NULL || !jy_fhir_read_string (coding, "system", &s, error))
        return FALSE;
      if (g_strcmp0 (s, system) == 0)
        return jy_fhir_read_text (coding, "code", 0, out, error);
    }
  return TRUE;
}

static gboolean
decode_header (JsonObject  *resource,
               char       **v,
               GError     **error)
{
  JsonObject *klass = NULL, *type, *period = NULL, *participant, *reason;
  JsonArray *types = NULL, *participants = NULL, *reasons = NULL;
  g_autofree char *class_code = NULL;
  const char *status = NULL, *system = NULL, *target = NULL;

  if (!jy_fhir_read_string (resource, "status", &status, error) ||
      !jy_fhir_read_object (resource, "class", &klass, error) ||
      !jy_fhir_read_array (resource, "type", &types, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_array (resource, "participant", &participants, error) ||
      !jy_fhir_read_object (resource, "period", &period, error) ||
      !jy_fhir_read_array (resource, "reasonReference", &reasons, error))
    return FALSE;

  if (g_strcmp0 (status, "finished") == 0)
    v[C_STATUS] = g_strdup ("final");
  else if (g_strcmp0 (status, "entered-in-error") == 0)
    v[C_STATUS] = g_strdup ("entered-in-error");
  else
    return invalid (error, "status");

  if (klass == NULL || !jy_fhir_read_string (klass, "system", &system, error) ||
      !jy_fhir_read_text (klass, "code", 0, &class_code, error))
    return invalid (error, "class");
  for (guint i = 0; i < G_N_ELEMENTS (mode_classes); i++)
    if (g_strcmp0 (class_code, mode_classes[i]) == 0 && g_strcmp0 (system, CS_ACT) == 0)
      v[C_MODE] = g_strdup_printf ("%u", i + 1);
  if (v[C_MODE] == NULL)
    return invalid (error, "class is not AMB, HH or VR");

  if (types != NULL && json_array_get_length (types) > 0 &&
      ((type = jy_fhir_array_object (types, 0, "type", error)) == NULL ||
       !decode_coding (type, CS_PROGRAMME, &v[C_PROGRAMME], error)))
    return FALSE;
  if (!jy_fhir_is_one_of (v[C_PROGRAMME], (const char *const[]) { "htn", "t2dm", NULL }))
    return invalid (error, "programme type");

  if (participants != NULL && json_array_get_length (participants) > 0 &&
      ((participant = jy_fhir_array_object (participants, 0, "participant", error)) == NULL ||
       !jy_fhir_read_reference (participant, "individual", "Practitioner", &v[C_AUTHOR], error)))
    return FALSE;

  if (period == NULL || !jy_fhir_read_text (period, "start", 0, &v[C_VISIT_DATE], error) ||
      !jy_fhir_is_date (v[C_VISIT_DATE]))
    return invalid (error, "period.start (visit date)");

  if (reasons == NULL || json_array_get_length (reasons) == 0 ||
      (reason = jy_fhir_array_object (reasons, 0, "reasonReference", error)) == NULL ||
      !jy_fhir_read_string (reason, "reference", &target, error) ||
      target == NULL || !g_str_has_prefix (target, "Condition/") ||
      !jy_fhir_is_uuid (target + strlen ("Condition/")))
    return invalid (error, "reasonReference (enrolment)");
  v[C_ENROLMENT] = g_strdup (target + strlen ("Condition/"));
  if (v[C_RESIDENT] == NULL)
    return invalid (error, "no subject");
  return TRUE;
}

static gboolean
check_dates (char   **v,
             GError **error)
{
  const int dates[] = { C_DEATH_DATE, C_HBA1C_DATE, C_NEXT_VISIT, C_SUGGESTED_NEXT };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (v[dates[i]] != NULL && !jy_fhir_is_date (v[dates[i]]))
      return invalid (error, columns[dates[i]].name);
  if (v[C_VISIT_UUID] == NULL || !jy_fhir_is_uuid (v[C_VISIT_UUID]))
    return invalid (error, "visit_uuid");
  return TRUE;
}

static gpointer
followup_decode (JsonObject           *resource,
                 const JyFhirOptions  *options,
                 GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *contained = NULL;
  guint n;

  if (!jy_fhir_read_jiayi_id (resource, "followup", &row->uuid, error) ||
      !decode_header (resource, v, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !jy_fhir_read_array (resource, "contained", &contained, error) ||
      !check_dates (v, error))
    return NULL;

  n = contained != NULL ? json_array_get_length (contained) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *observation = jy_fhir_array_object (contained, i, "contained", error);

      if (observation == NULL || !decode_observation (observation, v, error))
        return NULL;
    }

  if (!jy_fhir_row_read_children (&spec, extensions, EXT_DRUG, drug_columns, drug_fields,
                                  G_N_ELEMENTS (drug_fields), row, error))
    return NULL;
  for (guint i = 0; i < row->children->len; i++)
    {
      char **drug = g_ptr_array_index (row->children, i);

      if (drug[D_POSITION] == NULL || drug[D_KIND] == NULL || drug[D_NAME] == NULL)
        return invalid (error, "drug without position, kind or name"), NULL;
      for (guint k = 0; k < i; k++)
        if (g_str_equal (((char **)g_ptr_array_index (row->children, k))[D_POSITION], drug[D_POSITION]))
          return invalid (error, "two drugs in one position"), NULL;
    }
  return g_steal_pointer (&row);
}

static gpointer
followup_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
followup_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "followup", db, record, version, error);
}

static gboolean
followup_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_followup = {
  .entity = "followup",
  .resource_type = "Encounter",
  .rank = 50,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM followup WHERE uuid = ?1",
  .label_sql =
    "SELECT r.name FROM followup f JOIN resident r ON r.id = f.resident_id WHERE f.uuid = ?1",
  .encode = followup_encode,
  .decode = followup_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = followup_load,
  .apply = followup_apply,
  .set_version = followup_set_version,
};
