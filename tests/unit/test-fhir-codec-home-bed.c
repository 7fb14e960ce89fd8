/* test-fhir-codec-home-bed.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The home-bed codecs, pure: round trips, the FHIR each sends, hostile
 * payloads, and that a home bed and a contract, a round and a follow-up
 * never take each other's resources. (test-fhir-codec fuzzes them with
 * the same fixtures.)
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-fhir-home-bed.h"
#include "jy-fhir-row.h"
#include "jy-home-bed-policy-store.h"
#include "test-store-fixture.h"
#include "test-fhir-util.h"
#include "test-util.h"

#include "home-bed-fhir-fixtures.h"

typedef struct
{
  const JyFhirCodec *codec;
  const char        *json;
} Case;

static const Case cases[] = {
  { &jy_fhir_codec_home_bed_application, hb_application_json },
  { &jy_fhir_codec_home_bed_assessment, hb_assessment_json },
  { &jy_fhir_codec_home_bed, hb_bed_json },
  { &jy_fhir_codec_home_bed_round, hb_round_json },
  { &jy_fhir_codec_home_bed_policy, hb_policy_json },
};

static JsonNode *
parse (const char *text)
{
  return jy_fhir_parse (text, strlen (text), 1 << 20, NULL);
}

static guint
count_path (JsonNode   *node,
            const char *path)
{
  g_autoptr(JsonNode) result = json_path_query (path, node, NULL);

  return result != NULL && JSON_NODE_HOLDS_ARRAY (result) ? json_array_get_length (json_node_get_array (result)) : 0;
}

/* ---- what each sends ----------------------------------------------------- */

static void
test_application (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed_application, hb_application_json);
  g_autoptr(JsonNode) fixture = parse (hb_application_json);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.resourceType", "ServiceRequest");
  jy_test_assert_fhir_path (node, "$.status", "completed");
  jy_test_assert_fhir_path (node, "$.extension[0].valueCode", "accepted");
  jy_test_assert_fhir_path (node, "$.authoredOn", "2024-02-29");
  jy_test_assert_fhir_path (node, "$.extension[1].extension[1].valueString", "市第一人民医院");
}

static void
test_assessment (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed_assessment, hb_assessment_json);
  g_autoptr(JsonNode) fixture = parse (hb_assessment_json);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.contained[0].code.coding[0].code", "96761-2");
  jy_test_assert_fhir_path (node, "$.contained[0].valueQuantity.value", "45");
  jy_test_assert_fhir_path (node, "$.contained[1].code.coding[0].code", "38227-5");
  jy_test_assert_fhir_path (node, "$.contained[1].valueQuantity.value", "14");
  /* Every contained Observation is referenced (dom-3). */
  jy_test_assert_fhir_path (node, "$.finding[0].itemReference.reference", "#adl");
  jy_test_assert_fhir_path (node, "$.finding[1].itemReference.reference", "#braden");
  jy_test_assert_fhir_path (node, "$.assessor.reference", "Practitioner/" HB_DOCTOR);
}

static void
test_assessment_without_scores (void)
{
  g_autoptr(GString) text = g_string_new (hb_assessment_json);
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (g_string_replace (text, HB_SCORE_OBS ("adl", "96761-2", "Total score Barthel Index", "45") ",", "", 1), ==, 1);
  g_assert_cmpint (g_string_replace (text, "{\"itemReference\":{\"reference\":\"#adl\"}},", "", 1), ==, 1);
  node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed_assessment, text->str);
  jy_test_assert_fhir_path (node, "$.contained[0].code.coding[0].code", "38227-5");
  jy_test_assert_fhir_path (node, "$.finding[0].itemReference.reference", "#braden");
  g_assert_cmpuint (count_path (node, "$.finding[*].itemReference.reference"), ==, 1);
  g_assert_cmpuint (count_path (node, "$.contained[*].id"), ==, 1);
}

static void
test_bed (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed, hb_bed_json);
  g_autoptr(JsonNode) fixture = parse (hb_bed_json);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.type[0].coding[0].code", "home-bed");
  jy_test_assert_fhir_path (node, "$.status", "finished");
  jy_test_assert_fhir_path (node, "$.identifier[1].value", "JC2024-007");
  jy_test_assert_fhir_path (node, "$.referralRequest[0].reference", "ServiceRequest/" HB_APP);
  jy_test_assert_fhir_path (node, "$.extension[2].url", "urn:jiayi:ext:home-bed-renewal");
  jy_test_assert_fhir_path (node, "$.extension[2].extension[0].valueString", HB_RENEWAL);
  jy_test_assert_fhir_path (node, "$.extension[2].extension[2].valueString", HB_REASSESS);
}

static void
test_round (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed_round, hb_round_json);
  g_autoptr(JsonNode) fixture = parse (hb_round_json);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.class.code", "HH");
  jy_test_assert_fhir_path (node, "$.type[0].coding[0].code", "2");
  jy_test_assert_fhir_path (node, "$.episodeOfCare[0].reference", "EpisodeOfCare/" HB_BED);
  jy_test_assert_fhir_path (node, "$.contained[0].code.coding[0].code", "85354-9");
  jy_test_assert_fhir_path (node, "$.contained[0].component[0].code.coding[0].code", "8480-6");
  jy_test_assert_fhir_path (node, "$.contained[0].component[0].valueQuantity.value", "132");
  jy_test_assert_fhir_path (node, "$.contained[0].component[1].code.coding[0].code", "8462-4");
  jy_test_assert_fhir_path (node, "$.contained[0].component[1].valueQuantity.code", "mm[Hg]");
  jy_test_assert_fhir_path (node, "$.contained[1].code.coding[0].code", "8310-5");
  jy_test_assert_fhir_path (node, "$.contained[1].valueQuantity.value", "36.8");
  jy_test_assert_fhir_path (node, "$.contained[1].valueQuantity.code", "Cel");
  jy_test_assert_fhir_path (node, "$.contained[3].code.coding[0].code", "9279-1");
  jy_test_assert_fhir_path (node, "$.contained[4].code.coding[0].code", "59408-5");
  jy_test_assert_fhir_path (node, "$.contained[4].valueQuantity.code", "%");
  jy_test_assert_fhir_path (node, "$.contained[5].code.coding[0].code", "72514-3");
  /* Every contained Observation is referenced (dom-3). */
  jy_test_assert_fhir_path (node, "$.extension[0].valueReference.reference", "#bp");
  jy_test_assert_fhir_path (node, "$.extension[1].valueReference.reference", "#temp");
  g_assert_cmpuint (count_path (node, "$.contained[*].id"), ==, 6);
  g_assert_cmpuint (count_path (node, "$.extension[*].valueReference.reference"), ==, 6);
  jy_test_assert_fhir_path (node, "$.extension[6].valueCoding.code", "dressing");
  jy_test_assert_fhir_path (node, "$.extension[7].valueCoding.code", "pressure-care");
  jy_test_assert_fhir_path (node, "$.extension[8].extension[5].url", "next_round");
  jy_test_assert_fhir_path (node, "$.extension[8].extension[5].valueString", "2024-03-08");
}

/* The procedures come back in the app's canonical order, once each. */
static void
test_round_procedures_canonical (void)
{
  g_autoptr(GString) text = g_string_new (hb_round_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = NULL;
  int column;

  g_assert_cmpint (g_string_replace (text, "\"code\":\"dressing\"", "\"code\":\"pressure-care\"", 1), ==, 1);
  g_assert_cmpint (g_string_replace (text, "\"code\":\"pressure-care\"}},{\"url\":\"urn:jiayi:ext:home-bed-round\"",
                                     "\"code\":\"dressing\"}},{\"url\":\"urn:jiayi:ext:home-bed-procedure\","
                                     "\"valueCoding\":{\"system\":\"urn:jiayi:cs:home-bed-procedure\",\"code\":\"dressing\"}},"
                                     "{\"url\":\"urn:jiayi:ext:home-bed-round\"", 1), ==, 1);
  row = jy_test_fhir_decode (&jy_fhir_codec_home_bed_round, text->str, &error);
  g_assert_no_error (error);
  /* procedures is the 20th column (jy-fhir-codec-home-bed-round.c). */
  column = 19;
  g_assert_cmpstr (row->values[column], ==, "dressing,pressure-care");
}

static void
test_round_without_vitals (void)
{
  static const char minimal[] =
    "{\"resourceType\":\"Encounter\",\"id\":\"" HB_ROUND "\","
    "\"extension\":[{\"url\":\"urn:jiayi:ext:home-bed-round\",\"extension\":[{\"url\":\"staff_role\",\"valueString\":\"doctor\"}]}],"
    "\"identifier\":[{\"system\":\"urn:jiayi:home_bed_round\",\"value\":\"" HB_ROUND "\"}],"
    "\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"HH\"},"
    "\"type\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:home-bed-round\",\"code\":\"1\"}]}],"
    "\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"},"
    "\"episodeOfCare\":[{\"reference\":\"EpisodeOfCare/" HB_BED "\"}],\"period\":{\"start\":\"2024-02-29\"}}";
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed_round, minimal);

  g_assert_cmpuint (count_path (node, "$.contained[*].id"), ==, 0);
  g_assert_cmpuint (count_path (node, "$.participant[*]"), ==, 0);
  /* NOT NULL DEFAULT 0: the pressure stage reads as 0. */
  jy_test_assert_fhir_path (node, "$.extension[0].extension[1].url", "pressure_stage");
  jy_test_assert_fhir_path (node, "$.extension[0].extension[1].valueInteger", "0");
}

static void
test_policy (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_home_bed_policy, hb_policy_json);
  g_autoptr(JsonNode) fixture = parse (hb_policy_json);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.subject.reference", "Organization/" HB_CENTRE);
  jy_test_assert_fhir_path (node, "$.extension[0].extension[0].valueInteger", "60");
  g_assert_cmpstr (jy_fhir_codec_home_bed_policy.centre_param, ==, "subject");
}

/* decode(encode(decode(x))) is decode(x). */
static void
test_twice_the_same (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) once = jy_test_fhir_round_trip (cases[i].codec, cases[i].json);
      g_autofree char *text = jy_fhir_to_string (once);
      g_autoptr(JsonNode) twice = jy_test_fhir_round_trip (cases[i].codec, text);

      g_assert_true (json_node_equal (once, twice));
    }
}

/* ---- whose resource ------------------------------------------------------ */

static void
test_bed_and_contract_not_each_others (void)
{
  g_autoptr(GString) contract = g_string_new (hb_bed_json);
  g_autoptr(GError) e1 = NULL, e2 = NULL;

  /* The contract codec refuses a home bed as not ours … */
  g_assert_null (jy_test_fhir_decode (&jy_fhir_codec_contract, hb_bed_json, &e1));
  g_assert_error (e1, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
  /* … and the bed codec a contract. */
  g_string_replace (contract, "\"code\":\"home-bed\"", "\"code\":\"family-doctor-contract\"", 1);
  g_assert_null (jy_test_fhir_decode (&jy_fhir_codec_home_bed, contract->str, &e2));
  g_assert_error (e2, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
}

static void
test_round_and_followup_not_each_others (void)
{
  g_autoptr(GString) followup = g_string_new (hb_round_json);
  g_autoptr(GError) e1 = NULL, e2 = NULL;

  /* A round given to the follow-up codec: not its own (no
   * urn:jiayi:followup identifier), never a half-read follow-up. */
  g_assert_null (jy_test_fhir_decode (&jy_fhir_codec_followup, hb_round_json, &e1));
  g_assert_error (e1, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
  g_string_replace (followup, "\"urn:jiayi:home_bed_round\"", "\"urn:jiayi:followup\"", 0);
  g_assert_null (jy_test_fhir_decode (&jy_fhir_codec_home_bed_round, followup->str, &e2));
  g_assert_error (e2, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
}

static JsonObject *
parse_object (const char *text)
{
  static GPtrArray *keep;
  JsonNode *node = parse (text);

  if (keep == NULL)
    keep = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_ptr_array_add (keep, node);
  return json_node_get_object (node);
}

/* The pull routes by identifier: the shared types go to the right codec. */
static void
test_routing (void)
{
  g_assert_true (jy_fhir_codec_for_resource (parse_object (hb_bed_json)) == &jy_fhir_codec_home_bed);
  g_assert_true (jy_fhir_codec_for_resource (parse_object (hb_round_json)) == &jy_fhir_codec_home_bed_round);
  g_assert_true (jy_fhir_codec_for_resource (parse_object (hb_application_json)) ==
                 &jy_fhir_codec_home_bed_application);
  g_assert_true (jy_fhir_codec_for_resource (parse_object (hb_assessment_json)) ==
                 &jy_fhir_codec_home_bed_assessment);
  g_assert_true (jy_fhir_codec_for_resource (parse_object (hb_policy_json)) == &jy_fhir_codec_home_bed_policy);
}

/* Every home-bed table that records changes has a codec; the renewal
 * travels inside its bed; the shared types are pulled by their first
 * codec, so the bed and the round reference only what ranks before it. */
static void
test_table (void)
{
  static const char *const entities[] = {
    "home_bed", "home_bed_application", "home_bed_assessment", "home_bed_renewal",
    "home_bed_round", "home_bed_policy",
  };
  const JyFhirCodec *episode = jy_fhir_codec_for_resource_type ("EpisodeOfCare");
  const JyFhirCodec *encounter = jy_fhir_codec_for_resource_type ("Encounter");
  gboolean is_child = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_assert_nonnull (jy_fhir_codec_for_entity (entities[i], NULL));
  g_assert_true (jy_fhir_codec_for_entity ("home_bed_renewal", &is_child) == &jy_fhir_codec_home_bed);
  g_assert_true (is_child);

  g_assert_true (episode == &jy_fhir_codec_contract);
  g_assert_true (encounter == &jy_fhir_codec_followup);
  g_assert_false (jy_fhir_codec_pulls_type (&jy_fhir_codec_home_bed));
  g_assert_false (jy_fhir_codec_pulls_type (&jy_fhir_codec_home_bed_round));
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_home_bed_application));
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_home_bed_assessment));
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_home_bed_policy));
  /* The bed names its application and assessment: both pulled before
   * EpisodeOfCare; a round names its bed: pulled before Encounter. */
  g_assert_cmpint (jy_fhir_codec_home_bed_application.rank, <, episode->rank);
  g_assert_cmpint (jy_fhir_codec_home_bed_assessment.rank, <, episode->rank);
  g_assert_cmpint (jy_fhir_codec_home_bed_application.rank, <, jy_fhir_codec_home_bed_assessment.rank);
  g_assert_cmpint (episode->rank, <, encounter->rank);
  g_assert_cmpint (jy_fhir_codec_home_bed_policy.rank, <, jy_fhir_codec_home_bed_application.rank);
}

/* ---- hostile ------------------------------------------------------------- */

static void
test_refuse_hostile (void)
{
  static const struct { const JyFhirCodec *codec; const char *json; const char *from; const char *to; } bad[] = {
    /* application */
    { &jy_fhir_codec_home_bed_application, hb_application_json, "\"valueString\":\"2\"", "\"valueString\":\"3\"" },
    { &jy_fhir_codec_home_bed_application, hb_application_json, "\"valueCode\":\"accepted\"", "\"valueCode\":\"approved\"" },
    { &jy_fhir_codec_home_bed_application, hb_application_json, "\"authoredOn\":\"2024-02-29\"", "\"authoredOn\":\"2023-02-29\"" },
    { &jy_fhir_codec_home_bed_application, hb_application_json, "\"valueString\":\"2024-03-05\"", "\"valueString\":\"soon\"" },
    { &jy_fhir_codec_home_bed_application, hb_application_json, ",{\"url\":\"assess_by\",\"valueString\":\"2024-03-05\"}", "" },
    { &jy_fhir_codec_home_bed_application, hb_application_json, "\"code\":\"home-bed\"", "\"code\":\"ambulance\"" },
    { &jy_fhir_codec_home_bed_application, hb_application_json, ",\"subject\":{\"reference\":\"Patient/" HB_RESIDENT "\"}", "" },
    /* assessment */
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"value\":45,", "\"value\":101," },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"value\":45,", "\"value\":45.5," },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"value\":14,", "\"value\":5," },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"value\":14,", "\"value\":\"14\"," },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"code\":\"{score}\"}}]", "\"code\":\"%\"}}]" },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "{\"url\":\"eligible\",\"valueInteger\":1}", "{\"url\":\"eligible\",\"valueInteger\":0}" },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "{\"url\":\"infectious\",\"valueInteger\":0}", "{\"url\":\"infectious\",\"valueInteger\":2}" },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"effectiveDateTime\":\"2024-03-01\",\"assessor\"", "\"effectiveDateTime\":\"2024-13-01\",\"assessor\"" },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"valueString\":\"" HB_APP "\"", "\"valueString\":\"../x\"" },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "\"status\":\"completed\"", "\"status\":\"in-progress\"" },
    { &jy_fhir_codec_home_bed_assessment, hb_assessment_json, "{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"final\"},", "{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"draft\"}," },
    /* bed */
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"valueInteger\":7},{\"url\":\"nurse_every_days\"", "\"valueInteger\":31},{\"url\":\"nurse_every_days\"" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"valueInteger\":3},{\"url\":\"cycle_no\"", "\"valueInteger\":0},{\"url\":\"cycle_no\"" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"discharge_reason\",\"valueString\":\"1\"}", "{\"url\":\"discharge_reason\",\"valueString\":\"8\"}" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"discharge_reason\",\"valueString\":\"1\"},", "" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"assessment_id\",\"valueString\":\"" HB_ASSESS "\"},", "" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"nurse_id\",\"valueString\":\"" HB_NURSE "\"},", "" },
    { &jy_fhir_codec_home_bed, hb_bed_json, ",{\"system\":\"urn:jiayi:home-bed-no\",\"value\":\"JC2024-007\"}", "" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"end\":\"2024-06-20\"", "\"end\":\"2024-03-01\"" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"cycle_end\",\"valueString\":\"2024-06-29\"},{\"url\":\"discharge_reason\"", "{\"url\":\"cycle_end\",\"valueString\":\"2024-04-29\"},{\"url\":\"discharge_reason\"" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"valueString\":\"2024-03-02T01:00:00Z\"", "\"valueString\":\"yesterday\"" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"uuid\",\"valueString\":\"" HB_RENEWAL "\"},", "" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "{\"url\":\"status\",\"valueString\":\"final\"}", "{\"url\":\"status\",\"valueString\":\"pending\"}" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"ServiceRequest/" HB_APP "\"", "\"Patient/" HB_APP "\"" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"type\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:episode-type\",\"code\":\"home-bed\"}]}],", "" },
    { &jy_fhir_codec_home_bed, hb_bed_json, "\"valueCode\":\"discharged\"", "\"valueCode\":\"closed\"" },
    /* round */
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":36.8,", "\"value\":45.0," },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":18.0,", "\"value\":90.0," },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":96.0,", "\"value\":101.0," },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":3.0,", "\"value\":3.5," },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":3.0,", "\"value\":11.0," },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":36.8,\"unit\":\"Cel\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"Cel\"",
      "\"value\":98.2,\"unit\":\"[degF]\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"[degF]\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"value\":132.0,", "\"value\":900.0," },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"mm[Hg]\"}}]}", "\"code\":\"kPa\"}}]}" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"8462-4\"", "\"code\":\"8480-6\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"9279-1\"", "\"code\":\"8867-4\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"HH\"", "\"code\":\"AMB\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"2\"}]}]", "\"code\":\"4\"}]}]" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"dressing\"", "\"code\":\"surgery\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"code\":\"dressing\"", "\"code\":\"dressing,infusion\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"valueInteger\":2},{\"url\":\"next_round\"", "\"valueInteger\":7},{\"url\":\"next_round\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"valueInteger\":570}", "\"valueInteger\":500}" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"valueInteger\":540}", "\"valueInteger\":1440}" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"valueString\":\"2024-03-08\"", "\"valueString\":\"next week\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, ",\"episodeOfCare\":[{\"reference\":\"EpisodeOfCare/" HB_BED "\"}]", "" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "{\"url\":\"staff_role\",\"valueString\":\"nurse\"},", "" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"status\":\"finished\"", "\"status\":\"in-progress\"" },
    { &jy_fhir_codec_home_bed_round, hb_round_json, "\"period\":{\"start\":\"2024-03-05\"}", "\"period\":{}" },
    /* policy */
    { &jy_fhir_codec_home_bed_policy, hb_policy_json, "\"valueInteger\":60", "\"valueInteger\":29" },
    { &jy_fhir_codec_home_bed_policy, hb_policy_json, "\"valueInteger\":3}", "\"valueInteger\":11}" },
    { &jy_fhir_codec_home_bed_policy, hb_policy_json, "{\"url\":\"admission_note_hours\",\"valueInteger\":24},", "" },
    { &jy_fhir_codec_home_bed_policy, hb_policy_json, ",\"subject\":{\"reference\":\"Organization/" HB_CENTRE "\"}", "" },
    { &jy_fhir_codec_home_bed_policy, hb_policy_json, "\"Organization/" HB_CENTRE "\"", "\"Patient/" HB_CENTRE "\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (bad[i].json);
      gpointer record;

      if (g_string_replace (text, bad[i].from, bad[i].to, 1) != 1)
        g_error ("case %u: nothing to replace", i);
      record = jy_test_fhir_decode (bad[i].codec, text->str, &error);
      if (record != NULL)
        g_error ("case %u decoded: %s", i, text->str);
      g_assert_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID);
    }
}

/* Huge strings, deep nesting, invalid UTF-8, no Jiayi identifier, another
 * kind of Basic. */
static void
test_refuse_malformed (void)
{
  g_autoptr(GString) other = g_string_new (hb_policy_json);
  g_autoptr(GError) e0 = NULL;

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
      g_assert_cmpint (g_string_replace (foreign, system, "\"urn:example:other\"", 0), >=, 1);
      g_assert_null (jy_test_fhir_decode (cases[i].codec, foreign->str, &e4));
      g_assert_error (e4, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
    }
  g_string_replace (other, "\"code\":\"home-bed-policy\"", "\"code\":\"opening-hours\"", 1);
  g_assert_null (jy_test_fhir_decode (&jy_fhir_codec_home_bed_policy, other->str, &e0));
  g_assert_error (e0, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
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

static void
apply_ok (JyTestCentre      *fx,
          const JyFhirCodec *codec,
          const char        *json)
{
  g_autoptr(GError) error = NULL;
  ApplyJob job = { codec, json };

  g_assert_true (jy_store_write (fx->store, apply_func, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
}

static gpointer
centre_uuid_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  sqlite3_stmt *stmt = jy_db_prepare (db, "SELECT uuid FROM site WHERE kind = 'centre'", error);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;
  if (jy_db_step (db, stmt, error) == SQLITE_ROW)
    uuid = jy_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return uuid;
}

static gpointer
policy_save_func (JyDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  JyHomeBedPolicy policy = JY_HOME_BED_POLICY_DEFAULT;

  return jy_home_bed_policy_store_save (db, &policy, error) ? JY_STORE_DONE : NULL;
}

/* The centre's one policy row takes the pulled values and uuid; another
 * centre's policy is not stored. */
static void
test_policy_apply (JyTestCentre  *fx,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *centre = jy_store_read (fx->store, centre_uuid_func, NULL, NULL, &error);
  g_autoptr(GString) ours = g_string_new (hb_policy_json);
  g_autoptr(GString) theirs = g_string_new (hb_policy_json);

  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, policy_save_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_policy WHERE cycle_days = 90"), ==, 1);

  g_string_replace (theirs, "\"valueInteger\":60", "\"valueInteger\":30", 1);
  apply_ok (fx, &jy_fhir_codec_home_bed_policy, theirs->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_policy WHERE cycle_days = 90"), ==, 1);

  g_string_replace (ours, HB_CENTRE, centre, 1);
  apply_ok (fx, &jy_fhir_codec_home_bed_policy, ours->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_policy"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_policy\n"
                                      "WHERE id = 1 AND cycle_days = 60 AND admission_note_hours = 24\n"
                                      "  AND uuid = '" HB_POLICY "' AND remote_version = '1'"), ==, 1);
  /* A pull writes no outbox entry. */
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity = 'home_bed_policy'\n"
                                      "  AND row_uuid = '" HB_POLICY "'"), ==, 0);
}

static gpointer
people_func (JyDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  static const char staff_sql[] =
    "INSERT INTO staff (uuid, created_at, updated_at, site_id, name, role)\n"
    "VALUES ('" HB_DOCTOR "', 'now', 'now', (SELECT id FROM site), '测试医生', 'doctor'),\n"
    "       ('" HB_NURSE "', 'now', 'now', (SELECT id FROM site), '测试护士', 'nurse')";

  return jy_db_exec (db, staff_sql, error) &&
         jy_db_exec (db, "UPDATE resident SET uuid = '" HB_RESIDENT "', address_detail = '海韵路12号3栋2单元501室'", error)
         ? JY_STORE_DONE : NULL;
}

/* A workstation that pulls a re-assessment before its bed stores it
 * unlinked; the bed's renewal links it. The derived columns follow the
 * pulled bed and rounds. */
static void
test_bed_apply (JyTestCentre  *fx,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyResident) r = jy_test_make_resident ("王测试", NULL);
  g_autoptr(GString) reassessment = g_string_new (hb_assessment_json);
  g_autoptr(GString) open_bed = g_string_new (hb_bed_json);

  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1940-05-06");
  jy_test_insert_resident (fx, r, &error);
  g_assert_no_error (error);
  g_assert_true (jy_store_write (fx->store, people_func, NULL, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);

  apply_ok (fx, &jy_fhir_codec_home_bed_application, hb_application_json);
  apply_ok (fx, &jy_fhir_codec_home_bed_assessment, hb_assessment_json);
  g_string_replace (reassessment, HB_ASSESS, HB_REASSESS, 0);
  g_string_replace (reassessment, "{\"url\":\"application_id\",\"valueString\":\"" HB_APP "\"}",
                    "{\"url\":\"home_bed_id\",\"valueString\":\"" HB_BED "\"}", 1);
  apply_ok (fx, &jy_fhir_codec_home_bed_assessment, reassessment->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_assessment WHERE home_bed_id IS NULL"), ==, 2);

  /* The bed, still open (no discharge yet). */
  g_string_replace (open_bed, "\"valueCode\":\"discharged\"", "\"valueCode\":\"open\"", 1);
  g_string_replace (open_bed, "\"status\":\"finished\"", "\"status\":\"active\"", 1);
  g_string_replace (open_bed, ",\"end\":\"2024-06-20\"", "", 1);
  g_string_replace (open_bed, "{\"url\":\"discharge_reason\",\"valueString\":\"1\"},", "", 1);
  apply_ok (fx, &jy_fhir_codec_home_bed, open_bed->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_assessment\n"
                                      "WHERE uuid = '" HB_REASSESS "' AND home_bed_id = (SELECT id FROM home_bed)"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_assessment WHERE home_bed_id IS NULL"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_renewal WHERE uuid = '" HB_RENEWAL "'"), ==, 1);
  /* Route columns from the resident; no round yet: both rounds due
   * from the admission. */
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed b JOIN resident r ON r.id = b.resident_id\n"
                                      "WHERE b.community_code = r.area_code AND b.building = '海韵路12号3栋'\n"
                                      "  AND b.doctor_due IS NOT NULL AND b.nurse_due IS NOT NULL\n"
                                      "  AND b.last_round_on IS NULL"), ==, 1);

  /* The pulled round moves the nurse's due date to its planned one. */
  apply_ok (fx, &jy_fhir_codec_home_bed_round, hb_round_json);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed\n"
                                      "WHERE last_round_on = '2024-03-05' AND nurse_due = '2024-03-08'"), ==, 1);
  /* A re-pull of the re-assessment keeps its link. */
  apply_ok (fx, &jy_fhir_codec_home_bed_assessment, reassessment->str);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed_assessment WHERE home_bed_id IS NULL"), ==, 1);
  /* The discharge: nothing due any more. */
  apply_ok (fx, &jy_fhir_codec_home_bed, hb_bed_json);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM home_bed\n"
                                      "WHERE status = 'discharged' AND doctor_due IS NULL AND nurse_due IS NULL"), ==, 1);
  g_assert_cmpint (jy_test_count (fx, "SELECT count(*) FROM outbox WHERE entity LIKE 'home_bed%'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/home-bed/application travels as a ServiceRequest", test_application);
  g_test_add_func ("/sync/home-bed/assessment scores travel as LOINC Barthel and Braden", test_assessment);
  g_test_add_func ("/sync/home-bed/assessment without a Barthel score sends none", test_assessment_without_scores);
  g_test_add_func ("/sync/home-bed/bed and its renewals travel as one EpisodeOfCare", test_bed);
  g_test_add_func ("/sync/home-bed/round vitals travel as contained LOINC Observations", test_round);
  g_test_add_func ("/sync/home-bed/round procedures come back in canonical order", test_round_procedures_canonical);
  g_test_add_func ("/sync/home-bed/round without vitals or author", test_round_without_vitals);
  g_test_add_func ("/sync/home-bed/policy travels as a Basic of the centre", test_policy);
  g_test_add_func ("/sync/home-bed/encoding again gives the same", test_twice_the_same);
  g_test_add_func ("/sync/home-bed/a contract and a home bed refuse each other as not ours",
                   test_bed_and_contract_not_each_others);
  g_test_add_func ("/sync/home-bed/a round and a follow-up refuse each other as not ours",
                   test_round_and_followup_not_each_others);
  g_test_add_func ("/sync/home-bed/pulled resources go to the codec their identifier names", test_routing);
  g_test_add_func ("/sync/home-bed/every home-bed table has a codec ranked after what it names", test_table);
  g_test_add_func ("/sync/home-bed/hostile payloads refused", test_refuse_hostile);
  g_test_add_func ("/sync/home-bed/malformed and foreign payloads refused", test_refuse_malformed);
  g_test_add ("/sync/home-bed/a pulled policy replaces the centre's row and skips another centre's",
              JyTestCentre, NULL, jy_test_centre_setup, test_policy_apply, jy_test_centre_teardown);
  g_test_add ("/sync/home-bed/a re-assessment pulled before its bed is linked by the bed's renewal",
              JyTestCentre, NULL, jy_test_centre_setup, test_bed_apply, jy_test_centre_teardown);

  return g_test_run ();
}
