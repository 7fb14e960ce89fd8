/* test-fhir-codec-longrx.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Long prescriptions ⇄ MedicationRequest, their dispenses ⇄
 * MedicationDispense (jy-fhir-codec-long-rx*.c): round trips, hostile
 * payloads and a fuzz run of mutated resources that must each decode or
 * fail with a GError. Synthetic people only.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-fhir-row.h"
#include "jy-long-rx-store.h"
#include "jy-sync-outbox.h"
#include "test-store-fixture.h"
#include "test-fhir-util.h"
#include "test-util.h"

#include "long-rx-fhir-fixtures.h"

#define FUZZ_ROUNDS 3000
#define FUZZ_SEED   20261123

typedef struct
{
  const JyFhirCodec *codec;
  const char        *json;
} Case;

static const Case cases[] = {
  { &jy_fhir_codec_long_rx, lrx_rx_json },
  { &jy_fhir_codec_long_rx, lrx_stopped_json },
  { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json },
  { &jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json },
};

/* The record's column @name as decoded (rows are text, NULL for NULL). */
static char *
column (const JyFhirCodec *codec,
        const char        *json,
        const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = jy_test_fhir_decode (codec, json, &error);
  g_autoptr(JsonNode) node = NULL;
  const char *const long_rx[] = {
    "status", "rx_no", "resident_id", "doctor_id", "team_id", "renews_id", "issue_date",
    "diagnosis_code", "diagnosis_text", "total_days", "days_per_dispense", "assessment_done",
    "assessment_note", "education_given", "patient_confirmed", "review_date", "stop_date",
    "stop_reason", "stop_note", "stopped_at", "stopped_by", "end_date", NULL
  };
  const char *const dispense[] = {
    "status", "long_rx_id", "resident_id", "instalment", "dispense_date", "days", "dispenser_id",
    "receiver", "proxy_name", "proxy_relation", "proxy_id_number", "proxy_phone",
    "authorisation_date", "authorisation_ref", "items", NULL
  };
  const char *const *names = codec == &jy_fhir_codec_long_rx ? long_rx : dispense;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return g_strdup (row->values[i]);
  g_assert_not_reached ();
}

#define assert_column(codec, json, name, expected) \
  G_STMT_START { \
    g_autofree char *value_ = column ((codec), (json), (name)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

static void
test_every_case_encodes_again_to_the_same (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) once = jy_test_fhir_round_trip (cases[i].codec, cases[i].json);
      g_autofree char *text = jy_fhir_to_string (once);
      g_autoptr(JsonNode) twice = jy_test_fhir_round_trip (cases[i].codec, text);
      g_autoptr(JsonNode) fixture = jy_fhir_parse (cases[i].json, strlen (cases[i].json), 1 << 20, NULL);

      g_assert_true (json_node_equal (once, twice));
      g_assert_true (jy_fhir_same_content (json_node_get_object (once), json_node_get_object (twice)));
    }
}

static void
test_prescription_as_medication_request (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_long_rx, lrx_rx_json);

  jy_test_assert_fhir_path (node, "$.intent", "order");
  jy_test_assert_fhir_path (node, "$.courseOfTherapyType.coding[0].code", "continuous");
  jy_test_assert_fhir_path (node, "$.category[0].coding[0].code", "long-term");
  jy_test_assert_fhir_path (node, "$.dispenseRequest.validityPeriod.start", "2025-01-10");
  jy_test_assert_fhir_path (node, "$.dispenseRequest.validityPeriod.end", "2025-04-03");
  jy_test_assert_fhir_path (node, "$.dispenseRequest.numberOfRepeatsAllowed", "2");
  jy_test_assert_fhir_path (node, "$.dispenseRequest.expectedSupplyDuration.value", "28");
  jy_test_assert_fhir_path (node, "$.dispenseRequest.expectedSupplyDuration.code", "d");
  jy_test_assert_fhir_path (node, "$.requester.reference", "Practitioner/" LRX_U_STAFF);
  jy_test_assert_fhir_path (node, "$.subject.reference", "Patient/" LRX_U_RESIDENT);
  jy_test_assert_fhir_path (node, "$.priorPrescription.reference", "MedicationRequest/" LRX_U_OLD_RX);
  jy_test_assert_fhir_path (node, "$.reasonCode[1].coding[0].code", "E11.9");
  jy_test_assert_fhir_path (node, "$.medicationReference.reference", "#item0");
  jy_test_assert_fhir_path (node, "$.contained[1].code.coding[0].code", "D016");
  jy_test_assert_fhir_path (node, "$.contained[1].code.text", "盐酸二甲双胍片");
  jy_test_assert_fhir_path (node, "$.dosageInstruction[1].timing.code.coding[0].code", "bid");
  jy_test_assert_fhir_path (node, "$.dosageInstruction[1].doseAndRate[0].doseQuantity.value", "0.5");
  /* Every contained Medication is referenced (dom-3). */
  jy_test_assert_fhir_path (node, "$.extension[3].valueReference.reference", "#item1");
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "total_days", "84");
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "days_per_dispense", "28");
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "diagnosis_code", "I10,E11.9");
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "renews_id", LRX_U_OLD_RX);
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "team_id", LRX_U_TEAM);
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "review_date", "2025-04-03");
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "patient_confirmed", "1");
  assert_column (&jy_fhir_codec_long_rx, lrx_rx_json, "stop_reason", NULL);
}

static void
test_stop_reason_travels_as_status_reason (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_long_rx, lrx_stopped_json);
  g_autoptr(GString) renewed = g_string_new (lrx_rx_json);
  g_autoptr(JsonNode) renewed_node = NULL;

  jy_test_assert_fhir_path (node, "$.status", "stopped");
  jy_test_assert_fhir_path (node, "$.statusReason.coding[0].code", "adverse");
  jy_test_assert_fhir_path (node, "$.statusReason.text", "踝部水肿");
  assert_column (&jy_fhir_codec_long_rx, lrx_stopped_json, "stop_reason", "adverse");
  assert_column (&jy_fhir_codec_long_rx, lrx_stopped_json, "stop_note", "踝部水肿");
  assert_column (&jy_fhir_codec_long_rx, lrx_stopped_json, "stop_date", "2024-12-20");
  assert_column (&jy_fhir_codec_long_rx, lrx_stopped_json, "total_days", "28");
  /* Renewed is FHIR completed; the row status says which. */
  g_string_replace (renewed, "\"valueCode\":\"active\"", "\"valueCode\":\"renewed\"", 1);
  g_string_replace (renewed, "\"status\":\"active\"", "\"status\":\"completed\"", 1);
  renewed_node = jy_test_fhir_round_trip (&jy_fhir_codec_long_rx, renewed->str);
  jy_test_assert_fhir_path (renewed_node, "$.status", "completed");
  assert_column (&jy_fhir_codec_long_rx, renewed->str, "status", "renewed");
}

static void
test_proxy_collection_travels_as_an_extension (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_long_rx_dispense, lrx_dispense_json);
  g_autoptr(JsonNode) own = jy_test_fhir_round_trip (&jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json);
  g_autofree char *text = jy_fhir_to_string (node);

  /* R4 receiver is only Patient | Practitioner: the proxy is a contained
   * RelatedPerson named by the R5 cross-version extension. */
  g_assert_null (strstr (text, "\"receiver\":["));
  jy_test_assert_fhir_path (node, "$.extension[3].url",
               "http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationDispense.receiver");
  jy_test_assert_fhir_path (node, "$.extension[3].valueReference.reference", "#proxy");
  jy_test_assert_fhir_path (node, "$.contained[2].resourceType", "RelatedPerson");
  jy_test_assert_fhir_path (node, "$.contained[2].name[0].text", "测试明");
  jy_test_assert_fhir_path (node, "$.contained[2].relationship[0].text", "子");
  jy_test_assert_fhir_path (node, "$.contained[2].telecom[0].value", "13800138009");
  jy_test_assert_fhir_path (node, "$.contained[2].patient.reference", "Patient/" LRX_U_RESIDENT);
  jy_test_assert_fhir_path (node, "$.authorizingPrescription[0].reference", "MedicationRequest/" LRX_U_RX);
  jy_test_assert_fhir_path (node, "$.daysSupply.value", "28");
  jy_test_assert_fhir_path (node, "$.whenHandedOver", "2025-02-01");
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "receiver", "proxy");
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "proxy_relation", "子");
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "authorisation_date", "2025-01-05");
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "authorisation_ref", "授权书 2025-001");
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "items",
                 "[{\"code\":\"D003\",\"name\":\"苯磺酸氨氯地平片\",\"packs\":1,\"unit\":\"盒\"},"
                 "{\"code\":\"\",\"name\":\"自备药\",\"packs\":1,\"unit\":\"\"}]");
  jy_test_assert_fhir_path (own, "$.receiver[0].reference", "Patient/" LRX_U_RESIDENT);
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json, "receiver", "patient");
  assert_column (&jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json, "proxy_name", NULL);
}

/* The proxy's ID number is personal data handled as the Patient's own: an
 * identifier of the configured ID-number system, never anything else. */
static void
test_proxy_id_number_uses_the_configured_system (void)
{
  JyFhirOptions options = *jy_fhir_options_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = jy_fhir_parse (lrx_dispense_json, strlen (lrx_dispense_json), 1 << 20, NULL);
  g_autoptr(JyFhirRow) row = jy_fhir_codec_decode (&jy_fhir_codec_long_rx_dispense, parsed, NULL, &error);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JyFhirRow) other = NULL;

  g_assert_no_error (error);
  options.id_number_system = "urn:example:city-id";
  node = jy_fhir_codec_long_rx_dispense.encode (row, &options);
  jy_test_assert_fhir_path (node, "$.contained[2].identifier[0].system", "urn:example:city-id");
  jy_test_assert_fhir_path (node, "$.contained[2].identifier[0].value", "110105198001010017");
  /* Read under the default system, the number is not there: refused, as
   * the table refuses a proxy without one. */
  other = jy_fhir_codec_decode (&jy_fhir_codec_long_rx_dispense, node, NULL, &error);
  g_assert_null (other);
  g_assert_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID);
}

static void
test_hostile_payloads_refused (void)
{
  static const struct { const JyFhirCodec *codec; const char *json; const char *from; const char *to; } bad[] = {
    /* The table's CHECKs. */
    { &jy_fhir_codec_long_rx, lrx_rx_json, "{\"url\":\"patient_confirmed\",\"valueInteger\":1},", "" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"end\":\"2025-04-03\"", "\"end\":\"2025-04-04\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"end\":\"2025-04-03\"", "\"end\":\"2025-01-09\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"start\":\"2025-01-10\"", "\"start\":\"2025-01-11\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueDecimal\":0.5", "\"valueDecimal\":0" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueDecimal\":0.5", "\"valueDecimal\":-1" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueString\":\"bid\"", "\"valueString\":\"q2h\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueDecimal\":48", "\"valueDecimal\":0" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "{\"url\":\"packs\",\"valueInteger\":2}", "{\"url\":\"packs\",\"valueInteger\":0}" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueString\":\"甲\"", "\"valueString\":\"丙\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "{\"url\":\"position\",\"valueInteger\":1}", "{\"url\":\"position\",\"valueInteger\":0}" },
    { &jy_fhir_codec_long_rx, lrx_stopped_json, "\"code\":\"adverse\"", "\"code\":\"bored\"" },
    { &jy_fhir_codec_long_rx, lrx_stopped_json, "{\"url\":\"stop_date\",\"valueString\":\"2024-12-20\"},", "" },
    { &jy_fhir_codec_long_rx, lrx_stopped_json, "\"valueString\":\"2024-12-20\"", "\"valueString\":\"2024-02-30\"" },
    /* §4.3: an excluded class (psychotropic) is refused at sync. */
    { &jy_fhir_codec_long_rx, lrx_rx_json, "{\"url\":\"exclusions\",\"valueInteger\":0},{\"url\":\"flags\",\"valueInteger\":1}",
      "{\"url\":\"exclusions\",\"valueInteger\":16},{\"url\":\"flags\",\"valueInteger\":1}" },
    /* FHIR shape. */
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"intent\":\"order\"", "\"intent\":\"plan\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"status\":\"active\"", "\"status\":\"on-hold\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"status\":\"active\"", "\"status\":\"stopped\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueCode\":\"active\"", "\"valueCode\":\"paused\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"authoredOn\":\"2025-01-10\"", "\"authoredOn\":\"tomorrow\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"requester\":{\"reference\":\"Practitioner/" LRX_U_STAFF "\"},", "" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"subject\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"}", "\"subject\":{\"reference\":\"Group/" LRX_U_RESIDENT "\"}" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"MedicationRequest/" LRX_U_OLD_RX "\"", "\"MedicationRequest/" LRX_U_RX "\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"code\":\"E11.9\"", "\"code\":\"E11'; drop\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"value\":\"CQ20250110000002\"", "\"value\":\"\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"value\":28,\"unit\":\"d\"", "\"value\":0,\"unit\":\"d\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"code\":\"d\"}},", "\"code\":\"wk\"}}," },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"value\":28,\"unit\":\"d\"", "\"value\":28.5,\"unit\":\"d\"" },
    { &jy_fhir_codec_long_rx, lrx_rx_json, "\"valueString\":\"" LRX_U_TEAM "\"", "\"valueString\":\"team one\"" },
    { &jy_fhir_codec_long_rx, lrx_stopped_json, "\"urn:jiayi:ext:long-rx-item\"", "\"urn:jiayi:ext:other\"" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"status\":\"completed\"", "\"status\":\"in-progress\"" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"whenHandedOver\":\"2025-02-01\"", "\"whenHandedOver\":\"2025-02-30\"" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "{\"url\":\"instalment\",\"valueInteger\":2},", "{\"url\":\"instalment\",\"valueInteger\":0}," },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "{\"url\":\"instalment\",\"valueInteger\":2},", "" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"MedicationRequest/" LRX_U_RX "\"", "\"ServiceRequest/" LRX_U_RX "\"" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"daysSupply\":{\"value\":28", "\"daysSupply\":{\"value\":0" },
    /* A proxy without ID number or authorisation date (the table's CHECK). */
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"identifier\":[{\"system\":\"urn:oid:2.16.156.10011.1.3\",\"value\":\"110105198001010017\"}],", "" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "{\"url\":\"authorisation_date\",\"valueString\":\"2025-01-05\"},", "" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"value\":\"110105198001010017\"", "\"value\":\"1101051980010100171234\"" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"patient\":{\"reference\":\"Patient/" LRX_U_RESIDENT "\"}", "\"patient\":{\"reference\":\"Patient/" LRX_U_STAFF "\"}" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"valueReference\":{\"reference\":\"#proxy\"}", "\"valueReference\":{\"reference\":\"RelatedPerson/x\"}" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"valueQuantity\":{\"value\":1}", "\"valueQuantity\":{\"value\":1.5}" },
    { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json, "\"code\":{\"text\":\"自备药\"}", "\"code\":{\"text\":\"\"}" },
    { &jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json, "{\"url\":\"instalment\",\"valueInteger\":1}",
      "{\"url\":\"instalment\",\"valueInteger\":1},{\"url\":\"authorisation_date\",\"valueString\":\"2025-01-05\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (bad[i].json);
      gpointer record;

      if (g_string_replace (text, bad[i].from, bad[i].to, 1) != 1)
        g_error ("case %u: %s not found", i, bad[i].from);
      record = jy_test_fhir_decode (bad[i].codec, text->str, &error);
      if (record != NULL)
        g_error ("case %u decoded: %s", i, text->str);
      g_assert_error (error, JY_FHIR_ERROR, error->code);
    }

  /* Huge strings, deep nesting, invalid UTF-8, no Jiayi identifier. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *huge = g_strnfill (JY_FHIR_MAX_STRING + 1, 'a');
      g_autofree char *deep = g_strnfill (100000, '[');
      g_autoptr(GString) big = g_string_new (cases[i].json);
      g_autoptr(GString) utf8 = g_string_new (cases[i].json);
      g_autoptr(GString) foreign = g_string_new (cases[i].json);
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
      g_autofree char *system = g_strdup_printf ("\"urn:jiayi:%s\"", cases[i].codec->entity);

      g_assert_cmpint (g_string_replace (big, "\",\"id\":\"", "\",\"id\":\"HUGE", 1), ==, 1);
      g_string_replace (big, "HUGE", huge, 1);
      g_assert_null (jy_test_fhir_decode (cases[i].codec, big->str, &e1));
      g_assert_nonnull (e1);
      g_assert_null (jy_test_fhir_decode (cases[i].codec, deep, &e2));
      g_assert_error (e2, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_DEEP);
      g_assert_cmpint (g_string_replace (utf8, "\",\"id\":\"", "\",\"id\":\"\xff\xfe", 1), ==, 1);
      g_assert_null (jy_test_fhir_decode (cases[i].codec, utf8->str, &e3));
      g_assert_nonnull (e3);
      g_assert_cmpint (g_string_replace (foreign, system, "\"urn:example:other\"", 0), ==, 1);
      g_assert_null (jy_test_fhir_decode (cases[i].codec, foreign->str, &e4));
      g_assert_error (e4, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
    }
}

static void
test_table_routes_medication_resources (void)
{
  g_assert_true (jy_fhir_codec_for_entity ("long_rx", NULL) == &jy_fhir_codec_long_rx);
  g_assert_true (jy_fhir_codec_for_entity ("long_rx_dispense", NULL) == &jy_fhir_codec_long_rx_dispense);
  g_assert_true (jy_fhir_codec_for_resource_type ("MedicationRequest") == &jy_fhir_codec_long_rx);
  g_assert_true (jy_fhir_codec_for_resource_type ("MedicationDispense") == &jy_fhir_codec_long_rx_dispense);
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_long_rx));
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_long_rx_dispense));
  /* After what they reference: residents, staff, teams; dispenses after
   * their prescriptions. */
  g_assert_cmpint (jy_fhir_codec_long_rx.rank, >, jy_fhir_codec_contract.rank);
  g_assert_cmpint (jy_fhir_codec_long_rx_dispense.rank, >, jy_fhir_codec_long_rx.rank);
  /* Items travel inside their prescription, never on their own. */
  g_assert_null (jy_fhir_codec_for_entity ("long_rx_item", NULL));
}

static void
test_drug_catalogue_stays_local (void)
{
  g_assert_null (jy_fhir_codec_for_entity ("drug", NULL));
  g_assert_true (jy_fhir_entity_is_local ("drug"));
  g_assert_false (jy_fhir_entity_is_local ("long_rx"));
  g_assert_false (jy_fhir_entity_is_local (NULL));
  for (const char *const *e = jy_fhir_local_entities (); *e != NULL; e++)
    g_assert_null (jy_fhir_codec_for_entity (*e, NULL));
}

/* ---- fuzz ------------------------------------------------------------ */

static void
collect_objects (JsonNode  *node,
                 GPtrArray *objects)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      g_ptr_array_add (objects, object);
      for (GList *l = members; l != NULL; l = l->next)
        collect_objects (json_object_get_member (object, l->data), objects);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_objects (json_array_get_element (array, i), objects);
    }
}

static void
collect_member_names (JsonNode   *node,
                      GPtrArray  *names)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          if (!g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
            g_ptr_array_add (names, g_strdup (l->data));
          collect_member_names (json_object_get_member (object, l->data), names);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_member_names (json_array_get_element (array, i), names);
    }
}

static JsonNode *
random_value (GRand *rand)
{
  static const char *const strings[] = {
    "", "1", "0", "qd", "d", "#item0", "#proxy", "2025-13-01", "2025-01-10", "order", "completed",
    "MedicationRequest/", "Patient/x", "urn:jiayi:ext:long-rx-item", "Medication", "RelatedPerson",
    "00000000-0000-4000-8000-000000000000", "\xe4\xb8\xad\xe6\x96\x87", "entered-in-error", "stopped",
  };
  JsonNode *node = json_node_alloc ();

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
      json_node_init_null (node);
      break;
    case 1:
      json_node_init_int (node, g_rand_int_range (rand, -5, 200));
      break;
    case 2:
      json_node_init_double (node, g_rand_double_range (rand, -1e300, 1e300));
      break;
    case 3:
      json_node_init_boolean (node, g_rand_boolean (rand));
      break;
    case 4:
      {
        g_autofree char *big = g_strnfill (g_rand_int_range (rand, 1, 9000), 'z');

        json_node_init_string (node, big);
        break;
      }
    case 5:
      json_node_init_array (node, json_array_new ());
      json_array_unref (json_node_get_array (node));
      break;
    case 6:
      json_node_init_object (node, json_object_new ());
      json_object_unref (json_node_get_object (node));
      break;
    default:
      json_node_init_string (node, strings[g_rand_int_range (rand, 0, G_N_ELEMENTS (strings))]);
      break;
    }
  return node;
}

static char *
mutate_bytes (const char *text,
              GRand      *rand)
{
  static const char tokens[] = "{}[]\",:0123456789-.eE \\u\xff\xc3";
  GString *s = g_string_new (text);
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n && s->len > 0; i++)
    {
      guint at = g_rand_int_range (rand, 0, s->len);
      guint span = g_rand_int_range (rand, 1, 60);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          s->str[at] = tokens[g_rand_int_range (rand, 0, sizeof tokens - 1)];
          break;
        case 1:
          g_string_erase (s, at, MIN (s->len - at, span));
          break;
        case 2:
          g_string_insert_c (s, at, tokens[g_rand_int_range (rand, 0, sizeof tokens - 1)]);
          break;
        case 3:
          g_string_truncate (s, at);
          break;
        default:
          {
            guint len = MIN (s->len - at, span);
            g_autofree char *copy = g_strndup (s->str + at, len);

            g_string_insert (s, g_rand_int_range (rand, 0, s->len), copy);
            break;
          }
        }
    }
  return g_string_free (s, FALSE);
}

/* Thousands of mutated payloads per seed: members replaced by random
 * values or removed, bytes flipped, cut or duplicated. Each decodes or
 * fails with a GError; what decodes encodes again. */
static void
test_fuzz_mutated_prescriptions_and_dispenses (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const JyFhirCodec *codec = cases[c].codec;
      g_autoptr(JsonNode) seed = jy_test_fhir_round_trip (codec, cases[c].json);
      g_autofree char *seed_text = jy_fhir_to_string (seed);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      GRand *rand = g_rand_new_with_seed (FUZZ_SEED + c);
      guint decoded = 0, refused = 0;

      collect_member_names (seed, names);
      for (guint round = 0; round < FUZZ_ROUNDS; round++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          gpointer record;

          if (round % 2 == 0)
            {
              g_autoptr(JsonNode) tree = jy_fhir_parse (seed_text, strlen (seed_text), 1 << 20, NULL);
              guint n = g_rand_int_range (rand, 1, 4);

              for (guint i = 0; i < n; i++)
                {
                  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
                  JsonObject *object;
                  const char *member;

                  collect_objects (tree, objects);
                  object = g_ptr_array_index (objects, g_rand_int_range (rand, 0, objects->len));
                  member = g_ptr_array_index (names, g_rand_int_range (rand, 0, names->len));
                  if (g_rand_int_range (rand, 0, 4) == 0)
                    json_object_remove_member (object, member);
                  else
                    json_object_set_member (object, member, random_value (rand));
                }
              text = jy_fhir_to_string (tree);
            }
          else
            text = mutate_bytes (seed_text, rand);

          record = jy_test_fhir_decode (codec, text, &error);
          g_assert_true ((record == NULL) != (error == NULL));
          if (record != NULL)
            {
              g_autoptr(JsonNode) again = codec->encode (record, jy_fhir_options_default ());
              g_autoptr(GError) again_error = NULL;
              gpointer back = jy_fhir_codec_decode (codec, again, NULL, &again_error);

              /* What decoded once encodes to something that decodes. */
              g_assert_no_error (again_error);
              codec->free_record (back);
              g_assert_true (g_uuid_string_is_valid (codec->get_uuid (record)));
              codec->free_record (record);
              decoded++;
            }
          else
            refused++;
        }
      g_rand_free (rand);
      g_test_message ("%s seed %u: %u mutated payloads, %u decoded, %u refused", codec->resource_type,
                      c, FUZZ_ROUNDS, decoded, refused);
      g_assert_cmpuint (decoded, >, 0);
      g_assert_cmpuint (refused, >, 0);
    }
}

/* ---- the store side: what a pull writes ----------------------------------- */

typedef struct
{
  const JyFhirCodec *codec;
  const char        *json;
} ApplyJob;

static gpointer
apply_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ApplyJob *job = data;
  g_autoptr(JsonNode) node = jy_fhir_parse (job->json, strlen (job->json), 1 << 20, error);
  gpointer record;
  gboolean ok;

  if (node == NULL || (record = jy_fhir_codec_decode (job->codec, node, NULL, error)) == NULL)
    return NULL;
  ok = job->codec->apply (db, record, "1", error);
  job->codec->free_record (record);
  return ok ? JY_STORE_DONE : NULL;
}

static gboolean
apply (JyTestCentre      *fx,
       const JyFhirCodec *codec,
       const char        *json,
       GError           **error)
{
  ApplyJob job = { codec, json };

  return jy_store_write (fx->store, apply_func, &job, NULL, error) == JY_STORE_DONE;
}

static void
apply_ok (JyTestCentre      *fx,
          const JyFhirCodec *codec,
          const char        *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (apply (fx, codec, json, &error));
  g_assert_no_error (error);
}

static gpointer
people_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  JyTestCentre *fx = data;
  static const char staff_sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "VALUES ('" LRX_U_STAFF "', 'now', 'now', (SELECT id FROM site), '测试医生', 'doctor')";
  g_autofree char *team_sql = g_strdup_printf ("UPDATE team SET uuid = '" LRX_U_TEAM "' WHERE id = %" G_GINT64_FORMAT,
                                               fx->team_id);

  return jy_db_exec (db, staff_sql, error) && jy_db_exec (db, team_sql, error) &&
         jy_db_exec (db, "UPDATE resident SET uuid = '" LRX_U_RESIDENT "'", error) ? JY_STORE_DONE : NULL;
}

static void
add_people (JyTestCentre *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident ("陈测试", NULL);

  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1946-05-06");
  jy_test_insert_resident (fx, r, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, people_func, fx, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

#define LRX_U_OTHER_DISPENSE "d15be45e-0000-4111-8222-999988887777"

/* The renewed prescription first, then its renewal and two instalments:
 * the worklist columns follow every pulled record, nothing goes to the
 * outbox. */
static void
test_pulled_records_recompute_the_worklist_columns (JyTestCentre  *fx,
                                                    gconstpointer  user_data)
{
  g_autoptr(GString) second = g_string_new (lrx_dispense_json);

  add_people (fx);
  apply_ok (fx, &jy_fhir_codec_long_rx, lrx_stopped_json);
  apply_ok (fx, &jy_fhir_codec_long_rx, lrx_rx_json);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx WHERE uuid = '" LRX_U_RX "'\n"
                                      "  AND renews_id = (SELECT id FROM long_rx WHERE uuid = '" LRX_U_OLD_RX "')\n"
                                      "  AND end_date = '2025-04-03' AND dispensed = 0 AND next_due_date = '2025-01-10'\n"
                                      "  AND open = 1 AND remote_version = '1'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx WHERE uuid = '" LRX_U_OLD_RX "'\n"
                                      "  AND status = 'stopped' AND open = 0 AND next_due_date IS NULL"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx_item i JOIN long_rx r ON r.id = i.long_rx_id\n"
                                      "WHERE r.uuid = '" LRX_U_RX "'"), ==, 2);

  apply_ok (fx, &jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx WHERE uuid = '" LRX_U_RX "'\n"
                                      "  AND dispensed = 1 AND next_due_date = '2025-02-07'"), ==, 1);
  g_string_replace (second, LRX_U_DISPENSE, LRX_U_OTHER_DISPENSE, 0);
  apply_ok (fx, &jy_fhir_codec_long_rx_dispense, second->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx WHERE uuid = '" LRX_U_RX "'\n"
                                      "  AND dispensed = 2 AND next_due_date = '2025-03-07'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx_dispense WHERE receiver = 'proxy'\n"
                                      "  AND proxy_id_number = '110105198001010017' AND authorisation_date = '2025-01-05'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity IN ('long_rx', 'long_rx_dispense')"), ==, 0);
}

/* What the store would refuse or would store pointing at nobody becomes
 * an error the pull keeps as an "invalid" conflict; another centre's
 * prescription is skipped. */
static void
test_pulled_records_refused_or_skipped (JyTestCentre  *fx,
                                        gconstpointer  user_data)
{
  g_autoptr(GString) unknown = g_string_new (lrx_rx_json);
  g_autoptr(GString) twice = g_string_new (lrx_own_dispense_json);
  g_autoptr(GString) foreign = g_string_new (lrx_stopped_json);
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;

  add_people (fx);
  /* Renews a prescription this workstation lacks. */
  g_assert_false (apply (fx, &jy_fhir_codec_long_rx, lrx_rx_json, &e1));
  g_assert_error (e1, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  apply_ok (fx, &jy_fhir_codec_long_rx, lrx_stopped_json);
  /* A drug code the local catalogue lacks. */
  g_assert_cmpint (g_string_replace (unknown, "D016", "X999", 0), ==, 2);
  g_assert_false (apply (fx, &jy_fhir_codec_long_rx, unknown->str, &e2));
  g_assert_error (e2, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (e2->message, "drug catalogue"));
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx WHERE uuid = '" LRX_U_RX "'"), ==, 0);
  /* The same instalment under another uuid. */
  apply_ok (fx, &jy_fhir_codec_long_rx, lrx_rx_json);
  apply_ok (fx, &jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json);
  g_string_replace (twice, LRX_U_DISPENSE, LRX_U_OTHER_DISPENSE, 0);
  g_assert_false (apply (fx, &jy_fhir_codec_long_rx_dispense, twice->str, &e3));
  g_assert_error (e3, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (e3->message, "instalment 1"));
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx_dispense"), ==, 1);
  /* Another centre's: its resident is not here. Skipped, not refused. */
  g_string_replace (foreign, LRX_U_OLD_RX, "0a0a0a0a-0000-4000-8000-0a0a0a0a0a0a", 0);
  g_string_replace (foreign, "Patient/" LRX_U_RESIDENT, "Patient/0b0b0b0b-0000-4000-8000-0b0b0b0b0b0b", 0);
  apply_ok (fx, &jy_fhir_codec_long_rx, foreign->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM long_rx"), ==, 2);
}

static gpointer
save_drug_func (JyDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JyDrug) drug = jy_drug_new ();

  drug->code = g_strdup ("X901");
  drug->generic_name = g_strdup ("虚构地平片");
  drug->unit = g_strdup ("片");
  drug->pack_size = 28;
  drug->pack_unit = g_strdup ("盒");
  drug->active = TRUE;
  return jy_drug_store_save (db, drug, error) ? JY_STORE_DONE : NULL;
}

static gpointer
settle_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 *settled = data;

  return jy_sync_outbox_settle_local (db, jy_fhir_local_entities (), settled, error) ? JY_STORE_DONE : NULL;
}

/* A catalogue edit is recorded (outbox and audit) like any other, then
 * settled by the run: done, not sent, not waiting. */
static void
test_catalogue_entries_settled (JyTestCentre  *fx,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 settled = 0;

  g_assert_true (jy_store_write (fx->store, save_drug_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'drug' AND state = 'pending'"), ==, 1);
  g_assert_true (jy_store_write (fx->store, settle_func, &settled, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (settled, ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'drug' AND state = 'done'"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity <> 'drug' AND state = 'done'"), ==, 0);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'drug'"), >=, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/sync/long-rx/every case encodes again to the same", test_every_case_encodes_again_to_the_same);
  g_test_add_func ("/sync/long-rx/prescription as a continuous MedicationRequest with contained drugs",
                   test_prescription_as_medication_request);
  g_test_add_func ("/sync/long-rx/stop reason travels as statusReason, renewed as completed",
                   test_stop_reason_travels_as_status_reason);
  g_test_add_func ("/sync/long-rx/proxy collection travels as an extension",
                   test_proxy_collection_travels_as_an_extension);
  g_test_add_func ("/sync/long-rx/proxy ID number uses the configured ID-number system",
                   test_proxy_id_number_uses_the_configured_system);
  g_test_add_func ("/sync/long-rx/hostile payloads refused", test_hostile_payloads_refused);
  g_test_add_func ("/sync/long-rx/table routes MedicationRequest and MedicationDispense",
                   test_table_routes_medication_resources);
  g_test_add_func ("/sync/long-rx/drug catalogue stays local", test_drug_catalogue_stays_local);
  g_test_add_func ("/sync/long-rx/fuzz mutated prescriptions and dispenses",
                   test_fuzz_mutated_prescriptions_and_dispenses);

#define ADD(path, func) \
  g_test_add (path, JyTestCentre, NULL, jy_test_centre_setup, func, jy_test_centre_teardown)
  ADD ("/sync/long-rx/pulled records recompute the worklist columns",
       test_pulled_records_recompute_the_worklist_columns);
  ADD ("/sync/long-rx/pulled records refused or skipped", test_pulled_records_refused_or_skipped);
  ADD ("/sync/long-rx/catalogue entries settled, not sent", test_catalogue_entries_settled);
#undef ADD

  return g_test_run ();
}
