/* test-fhir-codec-services.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract area's remaining records ⇄ FHIR (issue #8): service
 * package versions as PlanDefinition, deliveries as Procedure, a team's
 * communities inside its CareTeam. Pure round trips and hostile
 * payloads, then the store half on the contract fixture: what a pull
 * writes, refuses or skips.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "contract-fixtures.h"
#include "fhir-services-fixtures.h"
#include "jy-fhir-resident.h"
#include "jy-fhir-row.h"
#include "jy-package-store.h"
#include "test-fhir-util.h"

static void
assert_round_trip (const JyFhirCodec *codec,
                   const char        *text)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (codec, text);
  g_autoptr(JsonNode) fixture = jy_fhir_parse (text, strlen (text), 1 << 20, NULL);

  if (!json_node_equal (node, fixture))
    {
      g_autofree char *encoded = jy_fhir_to_string (node);

      g_error ("%s did not round-trip:\n%s\n%s", codec->entity, text, encoded);
    }
}

/* ---- pure ---------------------------------------------------------------- */

static void
test_package_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = jy_test_fhir_decode (&jy_fhir_codec_package, svc_package_json, &error);

  g_assert_no_error (error);
  assert_round_trip (&jy_fhir_codec_package, svc_package_json);
  /* Columns as the table holds them: fees in fen by payer, the items in
   * order with their positions, the centre whose catalogue it is. */
  g_assert_cmpstr (row->values[1], ==, "elderly-plus");
  g_assert_cmpstr (row->values[2], ==, "3");
  g_assert_cmpstr (row->values[0], ==, "withdrawn");
  g_assert_cmpstr (row->values[5], ==, "8000");
  g_assert_cmpstr (row->values[6], ==, "2000");
  g_assert_cmpstr (row->values[7], ==, "5000");
  g_assert_null (row->values[9]);
  g_assert_cmpuint (row->children->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (row->children, 1))[0], ==, "1");
  g_assert_cmpstr (((char **) g_ptr_array_index (row->children, 1))[1], ==, "carotid-ultrasound");
  g_assert_cmpstr (((char **) g_ptr_array_index (row->children, 1))[4], ==, "0");
  g_assert_cmpstr (row->extra[0], ==, SVC_SITE);
}

static void
test_superseded_and_withdrawn_versions_are_retired (void)
{
  static const char *const statuses[] = { "active", "withdrawn", "superseded" };
  static const char *const fhir[] = { "active", "retired", "retired" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GString) text = g_string_new (svc_package_json);
      g_autofree char *to = g_strdup_printf ("\"valueCode\":\"%s\"", statuses[i]);
      g_autoptr(JsonNode) node = NULL;

      g_string_replace (text, "\"valueCode\":\"withdrawn\"", to, 1);
      node = jy_test_fhir_round_trip (&jy_fhir_codec_package, text->str);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "status"), ==, fhir[i]);
    }
}

static void
test_delivery_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = jy_test_fhir_decode (&jy_fhir_codec_delivery, svc_delivery_json, &error);

  g_assert_no_error (error);
  assert_round_trip (&jy_fhir_codec_delivery, svc_delivery_json);
  g_assert_cmpstr (row->values[0], ==, "final");
  g_assert_cmpstr (row->values[1], ==, SVC_RESIDENT);
  g_assert_cmpstr (row->values[2], ==, SVC_CONTRACT);
  g_assert_cmpstr (row->values[3], ==, SVC_CONTACT);
  g_assert_cmpstr (row->values[4], ==, "elderly-annual-check");
  g_assert_cmpstr (row->values[5], ==, SVC_STAFF);
  /* The UTC time and the local date it fell on (New Year's Day in
   * Shanghai) both travel: the rules read the local date. */
  g_assert_cmpstr (row->values[6], ==, "2024-12-31T16:30:00Z");
  g_assert_cmpstr (row->values[7], ==, "2025-01-01");
}

static void
test_delivery_without_contract_contact_or_staff (void)
{
  static const char minimal[] =
    "{\"resourceType\":\"Procedure\",\"id\":\"" SVC_DELIVERY "\","
    "\"extension\":[{\"url\":\"urn:jiayi:ext:delivery-date\",\"valueDate\":\"2024-02-29\"}],"
    "\"identifier\":[{\"system\":\"urn:jiayi:service_delivery\",\"value\":\"" SVC_DELIVERY "\"}],"
    "\"status\":\"entered-in-error\","
    "\"code\":{\"coding\":[{\"system\":\"urn:jiayi:cs:package-item\",\"code\":\"bp-monitor-loan\"}]},"
    "\"subject\":{\"reference\":\"Patient/" SVC_RESIDENT "\"},"
    "\"performedDateTime\":\"2024-02-29T01:00:00Z\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = jy_test_fhir_decode (&jy_fhir_codec_delivery, minimal, &error);

  g_assert_no_error (error);
  assert_round_trip (&jy_fhir_codec_delivery, minimal);
  g_assert_cmpstr (row->values[0], ==, "entered-in-error");
  g_assert_null (row->values[2]);
  g_assert_null (row->values[3]);
  g_assert_null (row->values[5]);
}

static void
test_team_communities_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = jy_test_fhir_decode (&jy_fhir_codec_team, svc_team_json, &error);

  g_assert_no_error (error);
  assert_round_trip (&jy_fhir_codec_team, svc_team_json);
  g_assert_cmpuint (g_strv_length (row->extra), ==, 2);
  g_assert_cmpstr (row->extra[1], ==, "359902001002");
  g_assert_cmpuint (row->children->len, ==, 1);
}

static void
test_team_without_communities_has_none (void)
{
  g_autoptr(GString) text = g_string_new (svc_team_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(JyFhirRow) row = NULL;

  g_string_replace (text, ",{\"url\":\"urn:jiayi:ext:area-code\",\"valueCode\":\"359902001001\"},"
                          "{\"url\":\"urn:jiayi:ext:area-code\",\"valueCode\":\"359902001002\"}", "", 1);
  row = jy_test_fhir_decode (&jy_fhir_codec_team, text->str, &error);
  g_assert_no_error (error);
  /* An empty list, not "unknown": pulling it clears the team's communities. */
  g_assert_nonnull (row->extra);
  g_assert_null (row->extra[0]);
}

typedef struct
{
  const JyFhirCodec *codec;
  const char        *json;
  const char        *from;
  const char        *to;
} Mutation;

static void
test_hostile_payloads_refused (void)
{
  const Mutation cases[] = {
    /* Packages: what service_package's CHECKs and the package store refuse. */
    { &jy_fhir_codec_package, svc_package_json, "\"version\":\"3\"", "\"version\":\"0\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"version\":\"3\"", "\"version\":\"3a\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"version\":\"3\"", "\"version\":3" },
    { &jy_fhir_codec_package, svc_package_json, "\"version\":\"3\",", "" },
    { &jy_fhir_codec_package, svc_package_json, "\"version\":\"3\"", "\"version\":\"-1\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueCode\":\"withdrawn\"", "\"valueCode\":\"draft\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"value\":\"elderly-plus\"", "\"value\":\"Elderly Plus\"" },
    { &jy_fhir_codec_package, svc_package_json, "{\"system\":\"urn:jiayi:service-package-code\",\"value\":\"elderly-plus\"}", "{\"system\":\"urn:other\",\"value\":\"x\"}" },
    { &jy_fhir_codec_package, svc_package_json, "\"title\":\"老年人加强包\"", "\"title\":\"  \"" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueString\":\"personalised\"", "\"valueString\":\"basic\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueString\":\"personalised\"", "\"valueString\":\"premium\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueInteger\":8000", "\"valueInteger\":-8000" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueInteger\":8000", "\"valueInteger\":80.5" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueInteger\":5000", "\"valueInteger\":\"5000\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"url\":\"sex\",\"valueString\":\"2\"", "\"url\":\"sex\",\"valueString\":\"9\"" },
    { &jy_fhir_codec_package, svc_package_json, "{\"url\":\"min_age\",\"valueInteger\":65}", "{\"url\":\"min_age\",\"valueInteger\":65},{\"url\":\"max_age\",\"valueInteger\":60}" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueString\":\"elderly,hypertension\"", "\"valueString\":\"elderly; DROP TABLE\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueString\":\"per-contract-year\"", "\"valueString\":\"weekly\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"title\":\"上门随访\",", "" },
    { &jy_fhir_codec_package, svc_package_json, "\"code\":\"home-visit\"", "\"code\":\"Home Visit\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"system\":\"urn:jiayi:cs:package-item\",\"code\":\"home-visit\"", "\"system\":\"http://snomed.info/sct\",\"code\":\"home-visit\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"valueInteger\":2}", "\"valueInteger\":-2}" },
    { &jy_fhir_codec_package, svc_package_json, "\"code\":\"service-package\"", "\"code\":\"order-set\"" },
    { &jy_fhir_codec_package, svc_package_json, "{\"url\":\"urn:jiayi:ext:site\",\"valueReference\":{\"reference\":\"Organization/" SVC_SITE "\"}},", "" },
    { &jy_fhir_codec_package, svc_package_json, "\"Organization/" SVC_SITE "\"", "\"Patient/" SVC_SITE "\"" },
    { &jy_fhir_codec_package, svc_package_json, "\"action\":[{", "\"action\":[\"x\",{" },
    /* Deliveries: service_delivery's CHECKs and NOT NULLs. */
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"status\":\"completed\"", "\"status\":\"in-progress\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"code\":\"elderly-annual-check\"", "\"code\":\"../etc\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"system\":\"urn:jiayi:cs:package-item\"", "\"system\":\"http://loinc.org\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"subject\":{\"reference\":\"Patient/" SVC_RESIDENT "\"},", "" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"Patient/" SVC_RESIDENT "\"", "\"Group/" SVC_RESIDENT "\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"performedDateTime\":\"2024-12-31T16:30:00Z\"", "\"performedDateTime\":\"2024-13-31T16:30:00Z\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"performedDateTime\":\"2024-12-31T16:30:00Z\",", "" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"valueDate\":\"2025-01-01\"", "\"valueDate\":\"2025-02-30\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"EpisodeOfCare/" SVC_CONTRACT "\"", "\"CareTeam/" SVC_CONTRACT "\"" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "{\"reference\":\"Communication/" SVC_CONTACT "\"}", "{\"display\":\"a contact\"}" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"actor\":{\"reference\":\"Practitioner/" SVC_STAFF "\"}", "\"actor\":{\"reference\":\"Practitioner/1\"}" },
    { &jy_fhir_codec_delivery, svc_delivery_json, "\"note\":[{\"text\":", "\"note\":[{\"text\":7,\"x\":" },
    /* A team's communities: 12-digit codes, each once. */
    { &jy_fhir_codec_team, svc_team_json, "\"valueCode\":\"359902001002\"", "\"valueCode\":\"35990200100\"" },
    { &jy_fhir_codec_team, svc_team_json, "\"valueCode\":\"359902001002\"", "\"valueCode\":\"35990200100x\"" },
    { &jy_fhir_codec_team, svc_team_json, "\"valueCode\":\"359902001002\"", "\"valueCode\":\"359902001001\"" },
    { &jy_fhir_codec_team, svc_team_json, "\"valueCode\":\"359902001002\"", "\"valueCode\":359902001002" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (cases[i].json);
      gpointer record;

      g_assert_cmpint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      record = jy_test_fhir_decode (cases[i].codec, text->str, &error);
      if (record != NULL)
        g_error ("case %u decoded: %s", i, text->str);
      g_assert_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID);
    }
}

static void
test_packages_rank_before_contracts_and_deliveries_after_contacts (void)
{
  gboolean is_child = TRUE;

  g_assert_true (jy_fhir_codec_for_entity ("service_package", &is_child) == &jy_fhir_codec_package);
  g_assert_false (is_child);
  g_assert_true (jy_fhir_codec_for_entity ("service_delivery", NULL) == &jy_fhir_codec_delivery);
  g_assert_true (jy_fhir_codec_for_resource_type ("PlanDefinition") == &jy_fhir_codec_package);
  g_assert_true (jy_fhir_codec_for_resource_type ("Procedure") == &jy_fhir_codec_delivery);
  g_assert_cmpint (jy_fhir_codec_package.rank, >, jy_fhir_codec_resident.rank);
  g_assert_cmpint (jy_fhir_codec_package.rank, <, jy_fhir_codec_contract.rank);
  g_assert_cmpint (jy_fhir_codec_delivery.rank, >, jy_fhir_codec_contact.rank);
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_package));
  g_assert_true (jy_fhir_codec_pulls_type (&jy_fhir_codec_delivery));
}

/* ---- store half ------------------------------------------------------------ */

static gint64
count (ContractFixture *fx,
       const char      *sql)
{
  return jy_test_query_int64 (fx->path, sql);
}

typedef struct
{
  const JyFhirCodec *codec;
  const char        *uuid;
  /* Changes the loaded record before it is applied as a pulled one. */
  void             (*edit) (JyFhirRow *row, gpointer data);
  gpointer           data;
} ApplyJob;

/* Loads a row through the codec, edits it and applies it the way a pull
 * does (as the platform's version "7"). The fixture's ids are not uuids,
 * so the record does not go through JSON here: the pure tests above and
 * the integration test do that. */
static gpointer
apply_func (JyDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ApplyJob *job = data;
  g_autoptr(JyFhirRow) row = job->codec->load (db, job->uuid, NULL, error);

  if (row == NULL)
    return NULL;
  if (job->edit != NULL)
    job->edit (row, job->data);
  return job->codec->apply (db, row, "7", error) ? JY_STORE_DONE : NULL;
}

static gboolean
apply_edited (ContractFixture    *fx,
              const JyFhirCodec  *codec,
              const char         *uuid,
              void              (*edit) (JyFhirRow *row, gpointer data),
              gpointer            data,
              GError            **error)
{
  ApplyJob job = { codec, uuid, edit, data };

  return jy_store_write (fx->store, apply_func, &job, NULL, error) == JY_STORE_DONE;
}

static void
point_package_elsewhere (JyFhirRow *row,
                         gpointer   data)
{
  char **package = g_ptr_array_index (row->children, 0);

  g_free (package[1]);
  package[1] = g_strdup (SVC_PACKAGE);
}

static void
test_pulled_contract_naming_an_unknown_package_version_refused (ContractFixture *fx,
                                                                gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-01", NULL, &error);

  g_assert_no_error (error);
  /* Not a NOT NULL failure deep in SQLite: the reason names the package,
   * and the contract as it was stays (the pull opens an "invalid" conflict). */
  g_assert_false (apply_edited (fx, &jy_fhir_codec_contract, contract->uuid, point_package_elsewhere,
                                NULL, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "service_package"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract_package p JOIN service_package s"
                              " ON s.id = p.package_id WHERE s.code = 'basic'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM contract WHERE remote_version IS NULL"), ==, 1);
}

typedef struct
{
  char *uuid;
  int   fee;
} NextVersion;

/* Version 2 of the package with another fee: another workstation's
 * `jiayi packages set-fee`, as it arrives. */
static void
make_next_version (JyFhirRow *row,
                   gpointer   data)
{
  NextVersion *next = data;

  g_free (row->uuid);
  row->uuid = g_strdup (next->uuid);
  g_free (row->values[2]);
  row->values[2] = g_strdup ("2");
  g_free (row->values[7]);
  row->values[7] = g_strdup_printf ("%d", next->fee);
}

static void
test_pulled_next_version_supersedes_the_current_one (ContractFixture *fx,
                                                     gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *elderly = jy_test_query_text (fx->path, "SELECT uuid FROM service_package WHERE code = 'elderly'");
  g_autofree char *v2 = g_uuid_string_random ();
  NextVersion next = { v2, 3000 };

  g_assert_true (apply_edited (fx, &jy_fhir_codec_package, elderly, make_next_version, &next, &error));
  g_assert_no_error (error);
  /* One current version of the code: the pulled one, with its items. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_package WHERE code = 'elderly'"
                              " AND status <> 'superseded'"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT version FROM service_package WHERE code = 'elderly'"
                              " AND status = 'active'"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT fee_resident FROM service_package WHERE code = 'elderly'"
                              " AND version = 2"), ==, 3000);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_package_item i JOIN service_package p"
                              " ON p.id = i.package_id WHERE p.code = 'elderly' AND p.version = 2"), ==,
                   count (fx, "SELECT count(*) FROM service_package_item i JOIN service_package p"
                              " ON p.id = i.package_id WHERE p.code = 'elderly' AND p.version = 1"));
  /* A pull writes no outbox entry, only the audit. */
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'service_package'"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM audit_log WHERE entity = 'service_package'"
                              " AND action = 'pull'"), ==, 2);

  /* The platform's older current version, arriving late, stays superseded. */
  {
    g_autofree char *v1 = NULL;

    g_assert_true (apply_edited (fx, &jy_fhir_codec_package, elderly, NULL, NULL, &error));
    g_assert_no_error (error);
    v1 = jy_test_query_text (fx->path, "SELECT status FROM service_package WHERE code = 'elderly' AND version = 1");
    g_assert_cmpstr (v1, ==, "superseded");
  }
}

static void
make_clashing_version (JyFhirRow *row,
                       gpointer   data)
{
  g_free (row->uuid);
  row->uuid = g_strdup (data);
}

static void
test_two_rows_of_one_version_refused (ContractFixture *fx,
                                      gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *elderly = jy_test_query_text (fx->path, "SELECT uuid FROM service_package WHERE code = 'elderly'");
  g_autofree char *other = g_uuid_string_random ();

  g_assert_false (apply_edited (fx, &jy_fhir_codec_package, elderly, make_clashing_version, other, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_package WHERE code = 'elderly'"), ==, 1);
}

static void
move_to_another_centre (JyFhirRow *row,
                        gpointer   data)
{
  g_free (row->extra[0]);
  row->extra[0] = g_strdup (SVC_SITE);
  g_free (row->values[7]);
  row->values[7] = g_strdup ("99900");
}

static void
test_another_centres_package_skipped (ContractFixture *fx,
                                      gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *elderly = jy_test_query_text (fx->path, "SELECT uuid FROM service_package WHERE code = 'elderly'");

  g_assert_true (apply_edited (fx, &jy_fhir_codec_package, elderly, move_to_another_centre, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_package WHERE fee_resident = 99900"), ==, 0);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_package WHERE remote_version IS NOT NULL"), ==, 0);
}

static void
set_areas (JyFhirRow *row,
           gpointer   data)
{
  g_strfreev (row->extra);
  row->extra = g_strdupv (data);
}

static void
test_pulled_team_replaces_its_communities (ContractFixture *fx,
                                           gconstpointer    user_data)
{
  static const char *const both[] = { "359902001001", "359902001002", NULL };
  static const char *const unknown[] = { "359902009999", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (apply_edited (fx, &jy_fhir_codec_team, "team-1", set_areas, (gpointer) both, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM team_area WHERE team_id = 1"), ==, 2);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM outbox WHERE entity = 'team'"), ==, 0);

  /* A community this workstation does not know: refused, nothing changed. */
  g_assert_false (apply_edited (fx, &jy_fhir_codec_team, "team-1", set_areas, (gpointer) unknown, &error));
  g_assert_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "359902009999"));
  g_assert_cmpint (count (fx, "SELECT count(*) FROM team_area WHERE team_id = 1"), ==, 2);
}

static void
void_delivery (JyFhirRow *row,
               gpointer   data)
{
  g_free (row->values[0]);
  row->values[0] = g_strdup ("entered-in-error");
}

static void
test_pulled_delivery_recomputes_the_annual_check (ContractFixture *fx,
                                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JyContract) contract = contract_sign (fx, 1, 1, "2026-03-01", NULL, &error);
  ContractJob job = { 0 };
  g_autofree char *uuid = NULL;
  g_autofree char *check = NULL;

  g_assert_no_error (error);
  job.what = JOB_DELIVERY;
  job.contact.resident_id = 1;
  job.contact.contacted_at = "2026-03-10T02:00:00Z";
  job.today = fx->today;
  g_assert_true (jy_store_write (fx->store, contract_job, &job, NULL, &error) == JY_STORE_DONE);
  g_assert_no_error (error);
  check = jy_test_query_text (fx->path, "SELECT annual_check_date FROM resident WHERE id = 1");
  g_assert_cmpstr (check, ==, "2026-03-10");
  uuid = jy_test_query_text (fx->path, "SELECT uuid FROM service_delivery");

  /* Another workstation marked it entered-in-error: the resident's
   * derived check date follows, as it would after a local void. */
  g_assert_true (apply_edited (fx, &jy_fhir_codec_delivery, uuid, void_delivery, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM resident WHERE id = 1 AND annual_check_date IS NULL"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM service_delivery WHERE status = 'entered-in-error'"
                              " AND remote_version = '7' AND contract_id IS NOT NULL"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/sync/services/package version as PlanDefinition with items and fee split round trip",
                   test_package_round_trip);
  g_test_add_func ("/sync/services/superseded and withdrawn versions are retired",
                   test_superseded_and_withdrawn_versions_are_retired);
  g_test_add_func ("/sync/services/delivery as Procedure round trip", test_delivery_round_trip);
  g_test_add_func ("/sync/services/delivery without contract contact or staff",
                   test_delivery_without_contract_contact_or_staff);
  g_test_add_func ("/sync/services/team communities travel inside the CareTeam",
                   test_team_communities_round_trip);
  g_test_add_func ("/sync/services/team without communities has none", test_team_without_communities_has_none);
  g_test_add_func ("/sync/services/hostile payloads refused", test_hostile_payloads_refused);
  g_test_add_func ("/sync/services/packages rank before contracts and deliveries after contacts",
                   test_packages_rank_before_contracts_and_deliveries_after_contacts);

#define ADD(path, func) \
  g_test_add (path, ContractFixture, NULL, contract_fixture_setup, func, contract_fixture_teardown)
  ADD ("/sync/services/pulled contract naming an unknown package version refused",
       test_pulled_contract_naming_an_unknown_package_version_refused);
  ADD ("/sync/services/pulled next version supersedes the current one",
       test_pulled_next_version_supersedes_the_current_one);
  ADD ("/sync/services/two rows of one version refused", test_two_rows_of_one_version_refused);
  ADD ("/sync/services/another centre's package skipped", test_another_centres_package_skipped);
  ADD ("/sync/services/pulled team replaces its communities", test_pulled_team_replaces_its_communities);
  ADD ("/sync/services/pulled delivery recomputes the annual check",
       test_pulled_delivery_recomputes_the_annual_check);
#undef ADD

  return g_test_run ();
}
