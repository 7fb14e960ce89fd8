/* test-fhir-codec.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure codec: round trips, hostile payloads, and a fuzz run of
 * thousands of mutated Patients that must each decode or fail with a
 * GError (run with MALLOC_CHECK_ by meson). Synthetic people only.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-fhir-resident.h"
#include "jy-fhir-row.h"
#include "jy-fhir-home-bed.h"
#include "test-fhir-util.h"
#include "test-util.h"

#include "home-bed-fhir-fixtures.h"
#include "long-rx-fhir-fixtures.h"

extern const JyFhirCodec jy_fhir_codec_site;

#define FUZZ_ROUNDS 4000
#define FUZZ_SEED   20261108

static JyFhirResident *
full_resident (void)
{
  JyFhirResident *record = jy_fhir_resident_new ();
  JyResident *r = record->resident;
  JyFhirTag *tag;

  r->uuid = g_strdup ("5b2d7c1e-8f3a-4d6b-9c0e-1a2b3c4d5e6f");
  r->archive_no = g_strdup ("35020310100100023");
  r->name = g_strdup ("阿依古丽·测试");
  r->sex = g_strdup ("2");
  r->birth_date = g_strdup ("1949-12-31");
  r->id_number = g_strdup ("11010519491231002X");
  r->id_number_original = g_strdup ("110105491231002");
  r->phone = g_strdup ("13800000000");
  r->contact_name = g_strdup ("测试联系人");
  r->contact_phone = g_strdup ("059255512345");
  r->area_code = g_strdup ("350203101001");
  r->address_detail = g_strdup ("幸福路1号2单元301室");
  r->registered_address = g_strdup ("虚构省虚构市");
  r->residence_type = g_strdup ("1");
  r->ethnicity = g_strdup ("05");
  r->insurance = g_strdup ("1,5");
  r->household_id = g_strdup ("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
  r->relation_to_head = g_strdup ("02");
  g_free (r->status);
  r->status = g_strdup ("moved-out");
  r->status_date = g_strdup ("2025-06-30");
  r->status_reason = g_strdup ("虚构的去向");
  record->team_uuid = g_strdup ("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
  record->centre_uuid = g_strdup ("11111111-2222-4333-8444-555555555555");

  tag = jy_fhir_tag_new ("99999999-8888-4777-8666-555555555555", "low-income", "2024-01-01");
  tag->end_date = g_strdup ("2025-12-31");
  tag->source = g_strdup ("民政");
  g_ptr_array_add (record->tags, tag);
  tag = jy_fhir_tag_new ("12121212-3434-4565-8787-909090909090", "pregnant", "2025-02-01");
  g_free (tag->status);
  tag->status = g_strdup ("entered-in-error");
  g_ptr_array_add (record->tags, tag);
  return record;
}

static char *
encode_text (const JyFhirResident *record)
{
  g_autoptr(JsonNode) node = jy_fhir_codec_resident.encode (record, jy_fhir_options_default ());

  return jy_fhir_to_string (node);
}

static JyFhirResident *
decode_text (const char  *text,
             gssize       length,
             GError     **error)
{
  g_autoptr(JsonNode) node = jy_fhir_parse (text, length < 0 ? strlen (text) : (gsize)length,
                                            1 << 20, error);

  if (node == NULL)
    return NULL;
  return jy_fhir_codec_decode (&jy_fhir_codec_resident, node, NULL, error);
}

static void
assert_same_resident (const JyFhirResident *a,
                      const JyFhirResident *b)
{
  const JyResident *x = a->resident, *y = b->resident;

  g_assert_cmpstr (x->uuid, ==, y->uuid);
  g_assert_cmpstr (x->archive_no, ==, y->archive_no);
  g_assert_cmpstr (x->name, ==, y->name);
  g_assert_cmpstr (x->sex, ==, y->sex);
  g_assert_cmpstr (x->birth_date, ==, y->birth_date);
  g_assert_cmpstr (x->id_number, ==, y->id_number);
  g_assert_cmpstr (x->id_number_original, ==, y->id_number_original);
  g_assert_cmpstr (x->phone, ==, y->phone);
  g_assert_cmpstr (x->contact_name, ==, y->contact_name);
  g_assert_cmpstr (x->contact_phone, ==, y->contact_phone);
  g_assert_cmpstr (x->area_code, ==, y->area_code);
  g_assert_cmpstr (x->address_detail, ==, y->address_detail);
  g_assert_cmpstr (x->registered_address, ==, y->registered_address);
  g_assert_cmpstr (x->residence_type, ==, y->residence_type);
  g_assert_cmpstr (x->ethnicity, ==, y->ethnicity);
  g_assert_cmpstr (x->insurance, ==, y->insurance);
  g_assert_cmpstr (x->household_id, ==, y->household_id);
  g_assert_cmpstr (x->relation_to_head, ==, y->relation_to_head);
  g_assert_cmpstr (x->status, ==, y->status);
  g_assert_cmpstr (x->status_date, ==, y->status_date);
  g_assert_cmpstr (x->status_reason, ==, y->status_reason);
  g_assert_cmpstr (a->team_uuid, ==, b->team_uuid);
  g_assert_cmpstr (a->centre_uuid, ==, b->centre_uuid);
  g_assert_cmpuint (a->tags->len, ==, b->tags->len);
  for (guint i = 0; i < a->tags->len; i++)
    {
      JyFhirTag *s = g_ptr_array_index (a->tags, i), *t = g_ptr_array_index (b->tags, i);

      g_assert_cmpstr (s->uuid, ==, t->uuid);
      g_assert_cmpstr (s->tag, ==, t->tag);
      g_assert_cmpstr (s->start_date, ==, t->start_date);
      g_assert_cmpstr (s->end_date, ==, t->end_date);
      g_assert_cmpstr (s->source, ==, t->source);
      g_assert_cmpstr (s->status, ==, t->status);
    }
}

static void
test_round_trip_full (void)
{
  g_autoptr(JyFhirResident) record = full_resident ();
  g_autoptr(JyFhirResident) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = encode_text (record);

  back = decode_text (text, -1, &error);
  g_assert_no_error (error);
  assert_same_resident (record, back);
}

static void
test_round_trip_minimal (void)
{
  g_autoptr(JyFhirResident) record = jy_fhir_resident_new ();
  g_autoptr(JyFhirResident) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  record->resident->uuid = g_strdup ("0d9c8b7a-6f5e-4d3c-8b2a-190817263544");
  record->resident->name = g_strdup ("测试");
  record->resident->sex = g_strdup ("9");
  record->resident->birth_date = g_strdup ("2024-02-29");
  text = encode_text (record);
  /* FHIR has no empty arrays or strings. */
  g_assert_null (strstr (text, "[]"));
  g_assert_null (strstr (text, "\"\""));
  back = decode_text (text, -1, &error);
  g_assert_no_error (error);
  assert_same_resident (record, back);
}

static void
test_maps_gender (void)
{
  static const char *const cases[][2] = {
    { "{\"resourceType\":\"Patient\",\"id\":\"0d9c8b7a-6f5e-4d3c-8b2a-190817263544\","
      "\"name\":[{\"text\":\"测试\"}],\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}", "2" },
    { "{\"resourceType\":\"Patient\",\"id\":\"0d9c8b7a-6f5e-4d3c-8b2a-190817263544\","
      "\"name\":[{\"text\":\"测试\"}],\"gender\":\"unknown\",\"birthDate\":\"1960-01-01\"}", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JyFhirResident) record = decode_text (cases[i][0], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (record->resident->sex, ==, cases[i][1]);
    }
}

/* Each of these must be refused with an error, never crash or pass. */
static void
test_rejects_hostile (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *deep = NULL;
  g_autoptr(GString) many = g_string_new ("{\"resourceType\":\"Patient\",\"id\":\"0d9c8b7a-6f5e-4d3c-8b2a-190817263544\","
                                           "\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\",\"telecom\":[");
  const char *base = "\"id\":\"0d9c8b7a-6f5e-4d3c-8b2a-190817263544\"";
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owned = cases;
  static const guint8 bad_utf8[] = "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"\xff\xfe\"}]}";

  for (int i = 0; i < 300; i++)
    g_string_append_printf (many, "%s{\"value\":\"1\"}", i > 0 ? "," : "");
  g_string_append (many, "]}");

  g_ptr_array_add (cases, g_strdup (""));
  g_ptr_array_add (cases, g_strdup ("not json"));
  g_ptr_array_add (cases, g_strdup ("[]"));
  g_ptr_array_add (cases, g_strdup ("{\"resourceType\":\"Observation\"}"));
  g_ptr_array_add (cases, g_strdup ("{\"resourceType\":7}"));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":\"x\",\"birthDate\":\"1960-01-01\"}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":5}],\"birthDate\":\"1960-01-01\"}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":19600101}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-02-30\"}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960\"}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[7],\"birthDate\":\"1960-01-01\"}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\","
                                           "\"extension\":[{\"url\":\"urn:jiayi:ext:sex-code\",\"valueCode\":\"7\"}]}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\","
                                           "\"extension\":[{\"valueCode\":\"1\"}]}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\","
                                           "\"extension\":[{\"url\":\"urn:jiayi:ext:key-population\",\"extension\":["
                                           "{\"url\":\"id\",\"valueString\":\"99999999-8888-4777-8666-555555555555\"},"
                                           "{\"url\":\"code\",\"valueCode\":\"tb\"},"
                                           "{\"url\":\"period\",\"valuePeriod\":{\"start\":\"2025-01-02\",\"end\":\"2025-01-01\"}}]}]}", base));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\","
                                           "\"address\":[{\"extension\":[{\"url\":\"urn:jiayi:ext:area-code\",\"valueCode\":\"35;drop\"}]}]}", base));
  g_ptr_array_add (cases, g_strdup ("{\"resourceType\":\"Patient\",\"id\":\"not-a-uuid\",\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\"}"));
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"a\\u0001b\"}],\"birthDate\":\"1960-01-01\"}", base));

  long_name = g_strnfill (31 * 3, 'x');
  for (int i = 0; i < 31; i++)
    memcpy (long_name + i * 3, "王", 3);
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"%s\"}],\"birthDate\":\"1960-01-01\"}", base, long_name));
  huge = g_strnfill (1 << 16, 'a');
  g_ptr_array_add (cases, g_strdup_printf ("{\"resourceType\":\"Patient\",%s,\"name\":[{\"text\":\"测试\"}],\"birthDate\":\"1960-01-01\",\"address\":[{\"text\":\"%s\"}]}", base, huge));
  deep = g_strnfill (200000, '[');
  g_ptr_array_add (cases, g_strdup (deep));
  g_ptr_array_add (cases, g_strdup (many->str));

  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JyFhirResident) record = decode_text (g_ptr_array_index (cases, i), -1, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(decoded)");
      g_assert_null (record);
      g_assert_nonnull (error);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JyFhirResident) record = decode_text ((const char *)bad_utf8, sizeof bad_utf8 - 1, &error);

    g_assert_null (record);
    g_assert_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_ENCODING);
  }
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

static JsonNode *
random_value (GRand *rand)
{
  static const char *const strings[] = {
    "", "1", "9", "male", "2025-13-01", "1960-01-01", "Organization/x", "CareTeam/",
    "urn:jiayi:ext:key-population", "urn:jiayi:resident", "00000000-0000-4000-8000-000000000000",
    "王", "\xe4\xb8\xad\xe6\x96\x87", "entered-in-error", "active", "dead", "0000",
  };
  JsonNode *node = json_node_alloc ();

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
      json_node_init_null (node);
      break;
    case 1:
      json_node_init_int (node, g_rand_int (rand));
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

static void
mutate_tree (JsonNode *root,
             GRand    *rand)
{
  static const char *const names[] = {
    "resourceType", "id", "name", "text", "birthDate", "gender", "identifier", "system", "value",
    "extension", "url", "valueCode", "valueString", "valuePeriod", "start", "end", "address",
    "telecom", "contact", "managingOrganization", "reference", "valueReference", "valueDate",
  };
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  JsonObject *object;
  const char *member;

  collect_objects (root, objects);
  object = g_ptr_array_index (objects, g_rand_int_range (rand, 0, objects->len));
  member = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
  if (g_rand_int_range (rand, 0, 4) == 0)
    json_object_remove_member (object, member);
  else
    json_object_set_member (object, member, random_value (rand));
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
      /* Drawn once: MIN() evaluates its arguments twice. */
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

static void
test_fuzz_mutations (void)
{
  g_autoptr(JyFhirResident) record = full_resident ();
  g_autofree char *seed_text = encode_text (record);
  GRand *rand = g_rand_new_with_seed (FUZZ_SEED);
  guint decoded = 0, refused = 0;

  for (guint round = 0; round < FUZZ_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JyFhirResident) result = NULL;
      g_autofree char *text = NULL;

      if (round % 2 == 0)
        {
          g_autoptr(JsonNode) tree = jy_fhir_parse (seed_text, strlen (seed_text), 1 << 20, NULL);
          guint n = g_rand_int_range (rand, 1, 5);

          for (guint i = 0; i < n; i++)
            mutate_tree (tree, rand);
          text = jy_fhir_to_string (tree);
        }
      else
        text = mutate_bytes (seed_text, rand);

      result = decode_text (text, -1, &error);
      g_assert_true ((result == NULL) != (error == NULL));
      if (result != NULL)
        {
          /* What decodes must be storable and encodable again. */
          g_autofree char *again = encode_text (result);

          g_assert_true (g_utf8_strlen (result->resident->name, -1) <= 30);
          g_assert_true (g_strv_contains ((const char *const[]) { "0", "1", "2", "9", NULL },
                                          result->resident->sex));
          g_assert_nonnull (again);
          decoded++;
        }
      else
        refused++;
    }
  g_rand_free (rand);
  g_test_message ("%u mutated payloads: %u decoded, %u refused", FUZZ_ROUNDS, decoded, refused);
  g_assert_cmpuint (decoded, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_same_content_ignores_meta (void)
{
  g_autoptr(JyFhirResident) record = full_resident ();
  g_autofree char *text = encode_text (record);
  g_autoptr(JsonNode) a = jy_fhir_parse (text, strlen (text), 1 << 20, NULL);
  g_autoptr(JsonNode) b = jy_fhir_parse (text, strlen (text), 1 << 20, NULL);
  JsonObject *meta = json_object_new ();

  json_object_set_string_member (meta, "versionId", "7");
  json_object_set_object_member (json_node_get_object (b), "meta", meta);
  g_assert_true (jy_fhir_same_content (json_node_get_object (a), json_node_get_object (b)));
  json_object_set_string_member (json_node_get_object (b), "birthDate", "1950-01-01");
  g_assert_false (jy_fhir_same_content (json_node_get_object (a), json_node_get_object (b)));
  g_assert_cmpstr (jy_fhir_get_version (json_node_get_object (b)), ==, "7");
}

/* The sent log recognises our own write whatever order the platform
 * returns its members in, and only that content. */
static void
test_content_digest (void)
{
  g_autoptr(JyFhirResident) record = full_resident ();
  g_autofree char *text = encode_text (record);
  g_autoptr(JsonNode) a = jy_fhir_parse (text, strlen (text), 1 << 20, NULL);
  g_autoptr(JsonNode) b = json_node_alloc ();
  JsonObject *reordered = json_object_new ();
  JsonObject *meta = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (a));
  g_autofree char *digest_a = jy_fhir_content_digest (json_node_get_object (a));
  g_autofree char *digest_b = NULL;
  g_autofree char *digest_changed = NULL;
  g_autofree char *digest_typed = NULL;

  members = g_list_reverse (members);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (reordered, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (a), l->data)));
  json_object_set_string_member (meta, "versionId", "3");
  json_object_set_object_member (reordered, "meta", meta);
  json_node_init_object (b, reordered);
  json_object_unref (reordered);

  digest_b = jy_fhir_content_digest (json_node_get_object (b));
  g_assert_cmpuint (strlen (digest_a), ==, 64);
  g_assert_cmpstr (digest_a, ==, digest_b);

  json_object_set_string_member (json_node_get_object (b), "birthDate", "1950-01-01");
  digest_changed = jy_fhir_content_digest (json_node_get_object (b));
  g_assert_cmpstr (digest_a, !=, digest_changed);

  /* A number and the same digits as a string are different content. */
  json_object_set_int_member (json_node_get_object (b), "birthDate", 19500101);
  digest_typed = jy_fhir_content_digest (json_node_get_object (b));
  g_assert_cmpstr (digest_typed, !=, digest_changed);
}

static void
test_describes_outcome (void)
{
  static const char text[] =
    "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"structure\","
    "\"details\":{\"text\":\"Invalid date format\"},\"expression\":[\"Patient.birthDate\"]}]}";
  g_autoptr(JsonNode) node = jy_fhir_parse (text, strlen (text), 1 << 20, NULL);
  g_autofree char *reason = jy_fhir_describe_outcome (json_node_get_object (node));

  g_assert_cmpstr (reason, ==, "error structure: Invalid date format (Patient.birthDate)");
}

/* ---- table-shaped codecs: staff, team, enrolment, follow-up ------------ */

#define U_STAFF     "1a2b3c4d-0000-4000-8000-000000000001"
#define U_TEAM      "1a2b3c4d-0000-4000-8000-000000000002"
#define U_MEMBER    "1a2b3c4d-0000-4000-8000-000000000003"
#define U_RESIDENT  "1a2b3c4d-0000-4000-8000-000000000004"
#define U_ENROLMENT "1a2b3c4d-0000-4000-8000-000000000005"
#define U_FOLLOWUP  "1a2b3c4d-0000-4000-8000-000000000006"
#define U_VISIT     "1a2b3c4d-0000-4000-8000-000000000007"
#define U_SITE      "1a2b3c4d-0000-4000-8000-00000000000b"

static const char staff_json[] =
  "{\"resourceType\":\"Practitioner\",\"id\":\"" U_STAFF "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"active\"},"
  "{\"url\":\"urn:jiayi:ext:staff-role\",\"valueCode\":\"doctor\"},"
  "{\"url\":\"urn:jiayi:ext:site\",\"valueReference\":{\"reference\":\"Organization/" U_SITE "\"}}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:staff\",\"value\":\"" U_STAFF "\"}],"
  "\"active\":true,\"name\":[{\"text\":\"测试医生\"}],"
  "\"telecom\":[{\"system\":\"phone\",\"value\":\"13900000001\"}]}";

static const char team_json[] =
  "{\"resourceType\":\"CareTeam\",\"id\":\"" U_TEAM "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"active\"},"
  "{\"url\":\"urn:jiayi:ext:team-lead\",\"valueReference\":{\"reference\":\"Practitioner/" U_STAFF "\"}}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:team\",\"value\":\"" U_TEAM "\"},"
  "{\"system\":\"urn:jiayi:team-code\",\"value\":\"T01\"}],"
  "\"status\":\"active\",\"name\":\"第一团队\","
  "\"managingOrganization\":[{\"reference\":\"Organization/" U_SITE "\"}],"
  "\"participant\":[{\"extension\":[{\"url\":\"urn:jiayi:ext:member-id\",\"valueString\":\"" U_MEMBER "\"},"
  "{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"active\"},"
  "{\"url\":\"urn:jiayi:ext:institution\",\"valueString\":\"虚构医院\"}],"
  "\"role\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:team-role\",\"code\":\"specialist\"}]}],"
  "\"member\":{\"reference\":\"Practitioner/" U_STAFF "\"},"
  "\"period\":{\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}}]}";

static const char enrolment_json[] =
  "{\"resourceType\":\"Condition\",\"id\":\"" U_ENROLMENT "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"ended\"},"
  "{\"url\":\"urn:jiayi:ext:care-team\",\"valueReference\":{\"reference\":\"CareTeam/" U_TEAM "\"}},"
  "{\"url\":\"urn:jiayi:ext:diagnosis-institution\",\"valueString\":\"虚构区医院\"},"
  "{\"url\":\"urn:jiayi:ext:end-reason\",\"valueCode\":\"moved-out\"},"
  "{\"url\":\"urn:jiayi:ext:end-note\",\"valueString\":\"搬走\"}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:chronic_enrolment\",\"value\":\"" U_ENROLMENT "\"}],"
  "\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"inactive\"}]},"
  "\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"confirmed\"}]},"
  "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-category\",\"code\":\"problem-list-item\"}]}],"
  "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"I10.x00\"},"
  "{\"system\":\"urn:jiayi:cs:programme\",\"code\":\"htn\"}]},"
  "\"subject\":{\"reference\":\"Patient/" U_RESIDENT "\"},"
  "\"onsetDateTime\":\"2023-02-28\",\"abatementDateTime\":\"2025-12-31\",\"recordedDate\":\"2024-02-29\","
  "\"asserter\":{\"reference\":\"Practitioner/" U_STAFF "\"}}";

#define LOINC_QTY(code, value, unit) \
  "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" code "\"}]}," \
  "\"valueQuantity\":{\"value\":" value ",\"unit\":\"" unit "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" unit "\"}}"

static const char followup_json[] =
  "{\"resourceType\":\"Encounter\",\"id\":\"" U_FOLLOWUP "\","
  "\"contained\":["
  "{\"resourceType\":\"Observation\",\"id\":\"bp\",\"status\":\"final\","
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},"
  "\"component\":[" LOINC_QTY ("8480-6", "152", "mm[Hg]") "," LOINC_QTY ("8462-4", "95", "mm[Hg]") "]},"
  "{\"resourceType\":\"Observation\",\"id\":\"fpg\",\"status\":\"final\","
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"14771-0\"}]},"
  "\"valueQuantity\":{\"value\":7.8,\"unit\":\"mmol/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mmol/L\"}},"
  "{\"resourceType\":\"Observation\",\"id\":\"weight\",\"status\":\"final\","
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},"
  "\"valueQuantity\":{\"value\":72.5,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}},"
  "{\"resourceType\":\"Observation\",\"id\":\"hr\",\"status\":\"final\","
  "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\"}]},"
  "\"valueQuantity\":{\"value\":78,\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}],"
  "\"extension\":[{\"url\":\"urn:jiayi:ext:followup\",\"extension\":["
  "{\"url\":\"visit_uuid\",\"valueString\":\"" U_VISIT "\"},"
  "{\"url\":\"symptoms\",\"valueInteger\":6},{\"url\":\"cigarettes\",\"valueInteger\":5},"
  "{\"url\":\"cigarettes_target\",\"valueInteger\":0},{\"url\":\"alcohol_liang\",\"valueDecimal\":1.5},"
  "{\"url\":\"salt\",\"valueInteger\":2},{\"url\":\"classification\",\"valueInteger\":2},"
  "{\"url\":\"suggested_class\",\"valueInteger\":2},{\"url\":\"action\",\"valueInteger\":1},"
  "{\"url\":\"next_visit_date\",\"valueString\":\"2025-01-14\"},"
  "{\"url\":\"remarks\",\"valueString\":\"虚构备注\"}]},"
  "{\"url\":\"urn:jiayi:ext:followup-drug\",\"extension\":[{\"url\":\"position\",\"valueInteger\":0},"
  "{\"url\":\"kind\",\"valueInteger\":0},{\"url\":\"name\",\"valueString\":\"氨氯地平片\"},"
  "{\"url\":\"times_per_day\",\"valueInteger\":1},{\"url\":\"dose\",\"valueDecimal\":5},"
  "{\"url\":\"dose_unit\",\"valueString\":\"mg\"}]},"
  "{\"url\":\"urn:jiayi:ext:followup-drug\",\"extension\":[{\"url\":\"position\",\"valueInteger\":1},"
  "{\"url\":\"kind\",\"valueInteger\":2},{\"url\":\"name\",\"valueString\":\"门冬胰岛素\"},"
  "{\"url\":\"dose\",\"valueDecimal\":8},{\"url\":\"dose_unit\",\"valueString\":\"U\"}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:followup\",\"value\":\"" U_FOLLOWUP "\"}],"
  "\"status\":\"finished\","
  "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"HH\"},"
  "\"type\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:programme\",\"code\":\"htn\"}]}],"
  "\"subject\":{\"reference\":\"Patient/" U_RESIDENT "\"},"
  "\"participant\":[{\"individual\":{\"reference\":\"Practitioner/" U_STAFF "\"}}],"
  "\"period\":{\"start\":\"2024-12-31\"},"
  "\"reasonReference\":[{\"reference\":\"Condition/" U_ENROLMENT "\"}]}";

#define U_CONTRACT  "1a2b3c4d-0000-4000-8000-000000000008"
#define U_PACKAGE   "1a2b3c4d-0000-4000-8000-000000000009"
#define U_CONTACT   "1a2b3c4d-0000-4000-8000-00000000000a"

static const char contract_json[] =
  "{\"resourceType\":\"EpisodeOfCare\",\"id\":\"" U_CONTRACT "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:row-status\",\"valueCode\":\"terminated\"},"
  "{\"url\":\"urn:jiayi:ext:contract\",\"extension\":["
  "{\"url\":\"channel\",\"valueString\":\"home\"},{\"url\":\"signer_name\",\"valueString\":\"测试家属\"},"
  "{\"url\":\"signer_relation\",\"valueString\":\"20\"},{\"url\":\"sign_date\",\"valueString\":\"2024-02-28\"},"
  "{\"url\":\"termination_date\",\"valueString\":\"2024-06-30\"},{\"url\":\"termination_reason\",\"valueString\":\"2\"},"
  "{\"url\":\"refund_fen\",\"valueInteger\":500},{\"url\":\"fee_insurance\",\"valueInteger\":7000},"
  "{\"url\":\"fee_public_health\",\"valueInteger\":4000},{\"url\":\"fee_resident\",\"valueInteger\":1000},"
  "{\"url\":\"fee_paid\",\"valueInteger\":1},{\"url\":\"agreement_signed_at\",\"valueString\":\"2024-02-28T02:00:00Z\"}]},"
  "{\"url\":\"urn:jiayi:ext:contract-package\",\"extension\":[{\"url\":\"position\",\"valueInteger\":0},"
  "{\"url\":\"package_id\",\"valueString\":\"" U_PACKAGE "\"},{\"url\":\"code\",\"valueString\":\"basic\"},"
  "{\"url\":\"name\",\"valueString\":\"基础包\"},{\"url\":\"kind\",\"valueString\":\"basic\"},"
  "{\"url\":\"fee_insurance\",\"valueInteger\":7000},{\"url\":\"fee_public_health\",\"valueInteger\":4000},"
  "{\"url\":\"fee_resident\",\"valueInteger\":1000}]}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:contract\",\"value\":\"" U_CONTRACT "\"},"
  "{\"system\":\"urn:jiayi:contract-no\",\"value\":\"QY2024000123\"}],"
  "\"status\":\"finished\","
  "\"type\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:episode-type\",\"code\":\"family-doctor-contract\"}]}],"
  "\"patient\":{\"reference\":\"Patient/" U_RESIDENT "\"},"
  "\"period\":{\"start\":\"2024-03-01\",\"end\":\"2025-02-28\"},"
  "\"careManager\":{\"reference\":\"Practitioner/" U_STAFF "\"},"
  "\"team\":[{\"reference\":\"CareTeam/" U_TEAM "\"}]}";

static const char contact_json[] =
  "{\"resourceType\":\"Communication\",\"id\":\"" U_CONTACT "\","
  "\"extension\":[{\"url\":\"urn:jiayi:ext:initiated-by\",\"valueCode\":\"team\"},"
  "{\"url\":\"urn:jiayi:ext:contact-date\",\"valueDate\":\"2025-01-01\"}],"
  "\"identifier\":[{\"system\":\"urn:jiayi:contact_log\",\"value\":\"" U_CONTACT "\"}],"
  "\"status\":\"completed\","
  "\"medium\":[{\"coding\":[{\"system\":\"urn:jiayi:cs:contact-channel\",\"code\":\"phone\"}]}],"
  "\"subject\":{\"reference\":\"Patient/" U_RESIDENT "\"},"
  "\"about\":[{\"reference\":\"EpisodeOfCare/" U_CONTRACT "\"}],"
  "\"sent\":\"2024-12-31T16:30:00Z\","
  "\"sender\":{\"reference\":\"Practitioner/" U_STAFF "\"},"
  "\"payload\":[{\"contentString\":\"电话随访，提醒复诊\"}]}";

#include "fhir-services-fixtures.h"

typedef struct
{
  const JyFhirCodec *codec;
  const char        *json;
} RowCase;

static const RowCase row_cases[] = {
  { &jy_fhir_codec_staff, staff_json },
  { &jy_fhir_codec_team, team_json },
  { &jy_fhir_codec_enrolment, enrolment_json },
  { &jy_fhir_codec_followup, followup_json },
  { &jy_fhir_codec_contract, contract_json },
  { &jy_fhir_codec_contact, contact_json },
  { &jy_fhir_codec_home_bed_application, hb_application_json },
  { &jy_fhir_codec_home_bed_assessment, hb_assessment_json },
  { &jy_fhir_codec_home_bed, hb_bed_json },
  { &jy_fhir_codec_home_bed_round, hb_round_json },
  { &jy_fhir_codec_home_bed_policy, hb_policy_json },
  /* test-fhir-codec-services.c: packages, deliveries, team communities. */
  { &jy_fhir_codec_package, svc_package_json },
  { &jy_fhir_codec_delivery, svc_delivery_json },
  { &jy_fhir_codec_team, svc_team_json },
  { &jy_fhir_codec_long_rx, lrx_rx_json },
  { &jy_fhir_codec_long_rx, lrx_stopped_json },
  { &jy_fhir_codec_long_rx_dispense, lrx_dispense_json },
  { &jy_fhir_codec_long_rx_dispense, lrx_own_dispense_json },
};

/* decode(encode(decode(x))) is decode(x): encoding again gives the same. */
static void
test_row_codecs_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autoptr(JsonNode) once = jy_test_fhir_round_trip (row_cases[i].codec, row_cases[i].json);
      g_autofree char *text = jy_fhir_to_string (once);
      g_autoptr(JsonNode) twice = jy_test_fhir_round_trip (row_cases[i].codec, text);

      g_assert_true (json_node_equal (once, twice));
    }
}

static void
test_staff_round_trip (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_staff, staff_json);
  g_autoptr(JsonNode) fixture = jy_fhir_parse (staff_json, strlen (staff_json), 1 << 20, NULL);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.name[0].text", "测试医生");
  jy_test_assert_fhir_path (node, "$.extension[1].valueCode", "doctor");
}

static void
test_team_round_trip (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_team, team_json);
  g_autoptr(JsonNode) fixture = jy_fhir_parse (team_json, strlen (team_json), 1 << 20, NULL);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.participant[0].member.reference", "Practitioner/" U_STAFF);
  jy_test_assert_fhir_path (node, "$.participant[0].period.end", "2024-12-31");
}

static void
test_enrolment_round_trip (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_enrolment, enrolment_json);
  g_autoptr(JsonNode) fixture = jy_fhir_parse (enrolment_json, strlen (enrolment_json), 1 << 20, NULL);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.code.coding[0].code", "I10.x00");
  jy_test_assert_fhir_path (node, "$.recordedDate", "2024-02-29");
}

static void
test_contract_round_trip (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_contract, contract_json);
  g_autoptr(JsonNode) fixture = jy_fhir_parse (contract_json, strlen (contract_json), 1 << 20, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) home_bed = g_string_new (contract_json);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.type[0].coding[0].code", "family-doctor-contract");
  jy_test_assert_fhir_path (node, "$.extension[2].extension[3].valueString", "基础包");
  /* Another kind of EpisodeOfCare is not a contract, nor an error. */
  g_string_replace (home_bed, "family-doctor-contract", "home-bed", 1);
  g_assert_null (jy_test_fhir_decode (&jy_fhir_codec_contract, home_bed->str, &error));
  g_assert_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
}

static void
test_contact_round_trip (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_contact, contact_json);
  g_autoptr(JsonNode) fixture = jy_fhir_parse (contact_json, strlen (contact_json), 1 << 20, NULL);

  g_assert_true (json_node_equal (node, fixture));
  jy_test_assert_fhir_path (node, "$.payload[0].contentString", "电话随访，提醒复诊");
}

static void
test_followup_round_trip (void)
{
  g_autoptr(JsonNode) node = jy_test_fhir_round_trip (&jy_fhir_codec_followup, followup_json);

  jy_test_assert_fhir_path (node, "$.contained[0].code.coding[0].code", "85354-9");
  jy_test_assert_fhir_path (node, "$.contained[0].component[0].code.coding[0].code", "8480-6");
  jy_test_assert_fhir_path (node, "$.contained[0].component[0].valueQuantity.value", "152");
  jy_test_assert_fhir_path (node, "$.contained[0].component[1].code.coding[0].code", "8462-4");
  jy_test_assert_fhir_path (node, "$.contained[0].component[1].valueQuantity.code", "mm[Hg]");
  jy_test_assert_fhir_path (node, "$.contained[3].code.coding[0].code", "14771-0");
  jy_test_assert_fhir_path (node, "$.contained[3].valueQuantity.code", "mmol/L");
  jy_test_assert_fhir_path (node, "$.contained[1].code.coding[0].code", "8867-4");
  jy_test_assert_fhir_path (node, "$.contained[2].code.coding[0].code", "29463-7");
  jy_test_assert_fhir_path (node, "$.extension[4].extension[4].url", "cigarettes");
  jy_test_assert_fhir_path (node, "$.extension[4].extension[6].url", "alcohol_liang");
  jy_test_assert_fhir_path (node, "$.extension[4].extension[1].url", "outcome");
  jy_test_assert_fhir_path (node, "$.extension[6].extension[2].valueString", "门冬胰岛素");
  jy_test_assert_fhir_path (node, "$.contained[3].valueQuantity.value", "7.8");
  jy_test_assert_fhir_path (node, "$.contained[1].valueQuantity.value", "78");
  jy_test_assert_fhir_path (node, "$.contained[2].valueQuantity.value", "72.5");
  jy_test_assert_fhir_path (node, "$.class.code", "HH");
  jy_test_assert_fhir_path (node, "$.reasonReference[0].reference", "Condition/" U_ENROLMENT);
  /* Every contained Observation is referenced from the Encounter (dom-3). */
  jy_test_assert_fhir_path (node, "$.extension[0].valueReference.reference", "#bp");
  jy_test_assert_fhir_path (node, "$.extension[4].extension[4].valueInteger", "5");
  jy_test_assert_fhir_path (node, "$.extension[4].extension[6].valueDecimal", "1.5");
  jy_test_assert_fhir_path (node, "$.extension[4].extension[1].valueInteger", "0");
  jy_test_assert_fhir_path (node, "$.extension[5].extension[2].valueString", "氨氯地平片");
}

/* One bad member each: the codec refuses it with a GError. */
static void
test_row_codecs_refuse_hostile (void)
{
  static const struct { const JyFhirCodec *codec; const char *json; const char *from; const char *to; } cases[] = {
    { &jy_fhir_codec_staff, staff_json, "\"doctor\"", "\"surgeon\"" },
    { &jy_fhir_codec_staff, staff_json, "[{\"text\":\"测试医生\"}]", "[{\"text\":7}]" },
    { &jy_fhir_codec_staff, staff_json, "\"name\":[{\"text\":\"测试医生\"}],", "" },
    { &jy_fhir_codec_staff, staff_json, "\"value\":\"" U_STAFF "\"", "\"value\":\"x\"" },
    { &jy_fhir_codec_staff, staff_json, "\"active\"}", "\"act\\u0001ive\"}" },
    { &jy_fhir_codec_staff, staff_json, "\"Organization/" U_SITE "\"", "\"Organization/\"" },
    { &jy_fhir_codec_team, team_json, "\"managingOrganization\":[{\"reference\":\"Organization/" U_SITE "\"}],", "" },
    { &jy_fhir_codec_team, team_json, "\"Practitioner/" U_STAFF "\"},\"period\"", "\"Patient/" U_STAFF "\"},\"period\"" },
    { &jy_fhir_codec_team, team_json, "\"end\":\"2024-12-31\"", "\"end\":\"2023-12-31\"" },
    { &jy_fhir_codec_team, team_json, "\"start\":\"2024-01-01\"", "\"start\":20240101" },
    { &jy_fhir_codec_team, team_json, "\"participant\":[{", "\"participant\":[7,{" },
    { &jy_fhir_codec_team, team_json, "\"value\":\"T01\"", "\"value\":\"T01T01T01T01T01T01T01T01T01T01T01T01\"" },
    { &jy_fhir_codec_enrolment, enrolment_json, "\"I10.x00\"", "\"I10'; drop\"" },
    { &jy_fhir_codec_enrolment, enrolment_json, "\"code\":\"htn\"", "\"code\":\"copd\"" },
    { &jy_fhir_codec_enrolment, enrolment_json, "\"2024-02-29\"", "\"2023-02-29\"" },
    { &jy_fhir_codec_enrolment, enrolment_json, "\"moved-out\"", "\"bored\"" },
    { &jy_fhir_codec_enrolment, enrolment_json, "{\"url\":\"urn:jiayi:ext:end-reason\",\"valueCode\":\"moved-out\"},", "" },
    { &jy_fhir_codec_enrolment, enrolment_json, "\"subject\":{\"reference\":\"Patient/" U_RESIDENT "\"},", "" },
    { &jy_fhir_codec_followup, followup_json, "\"value\":152,", "\"value\":\"152\"," },
    { &jy_fhir_codec_followup, followup_json, "\"value\":152,", "\"value\":152.5," },
    { &jy_fhir_codec_followup, followup_json, "\"value\":152,", "\"value\":1e300," },
    { &jy_fhir_codec_followup, followup_json, "\"value\":7.8,\"unit\":\"mmol/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mmol/L\"",
      "\"value\":140,\"unit\":\"mg/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/dL\"" },
    { &jy_fhir_codec_followup, followup_json, "\"code\":\"HH\"", "\"code\":\"IMP\"" },
    { &jy_fhir_codec_followup, followup_json, "\"status\":\"finished\"", "\"status\":\"planned\"" },
    { &jy_fhir_codec_followup, followup_json, "\"valueInteger\":2},{\"url\":\"suggested_class\"", "\"valueInteger\":5},{\"url\":\"suggested_class\"" },
    { &jy_fhir_codec_followup, followup_json, "\"2025-01-14\"", "\"next week\"" },
    { &jy_fhir_codec_followup, followup_json, "\"Condition/" U_ENROLMENT "\"", "\"EpisodeOfCare/" U_ENROLMENT "\"" },
    { &jy_fhir_codec_followup, followup_json, "\"valueInteger\":1},{\"url\":\"kind\",\"valueInteger\":2}", "\"valueInteger\":0},{\"url\":\"kind\",\"valueInteger\":2}" },
    { &jy_fhir_codec_followup, followup_json, "{\"url\":\"visit_uuid\",\"valueString\":\"" U_VISIT "\"},", "" },
    { &jy_fhir_codec_followup, followup_json, "\"period\":{\"start\":\"2024-12-31\"}", "\"period\":[]" },
    { &jy_fhir_codec_contract, contract_json, "\"start\":\"2024-03-01\"", "\"start\":\"2024-02-01\"" },
    { &jy_fhir_codec_contract, contract_json, "\"end\":\"2025-02-28\"", "\"end\":\"2024-02-29\"" },
    { &jy_fhir_codec_contract, contract_json, "{\"url\":\"termination_reason\",\"valueString\":\"2\"},", "" },
    { &jy_fhir_codec_contract, contract_json, "\"valueString\":\"2\"}", "\"valueString\":\"7\"}" },
    { &jy_fhir_codec_contract, contract_json, "\"valueString\":\"home\"", "\"valueString\":\"street\"" },
    { &jy_fhir_codec_contract, contract_json, "\"valueInteger\":7000},{\"url\":\"fee_public_health\",\"valueInteger\":4000},{\"url\":\"fee_resident\",\"valueInteger\":1000},{\"url\":\"fee_paid\"",
      "\"valueInteger\":-7000},{\"url\":\"fee_public_health\",\"valueInteger\":4000},{\"url\":\"fee_resident\",\"valueInteger\":1000},{\"url\":\"fee_paid\"" },
    { &jy_fhir_codec_contract, contract_json, "\"valueInteger\":1},{\"url\":\"agreement", "\"valueInteger\":true},{\"url\":\"agreement" },
    { &jy_fhir_codec_contract, contract_json, "\"kind\",\"valueString\":\"basic\"}", "\"kind\",\"valueString\":\"premium\"}" },
    { &jy_fhir_codec_contract, contract_json, "\"team\":[{\"reference\":\"CareTeam/" U_TEAM "\"}]", "\"team\":[{\"reference\":\"Group/" U_TEAM "\"}]" },
    { &jy_fhir_codec_contract, contract_json, "\"careManager\":{\"reference\":\"Practitioner/" U_STAFF "\"},", "" },
    { &jy_fhir_codec_contract, contract_json, "\"value\":\"QY2024000123\"", "\"value\":[\"QY\"]" },
    { &jy_fhir_codec_contact, contact_json, "\"code\":\"phone\"", "\"code\":\"pigeon\"" },
    { &jy_fhir_codec_contact, contact_json, "\"valueCode\":\"team\"", "\"valueCode\":\"robot\"" },
    { &jy_fhir_codec_contact, contact_json, "\"sent\":\"2024-12-31T16:30:00Z\"", "\"sent\":\"yesterday\"" },
    { &jy_fhir_codec_contact, contact_json, "\"status\":\"completed\"", "\"status\":\"preparation\"" },
    { &jy_fhir_codec_contact, contact_json, "\"EpisodeOfCare/" U_CONTRACT "\"", "\"EpisodeOfCare/../x\"" },
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
      g_assert_error (error, JY_FHIR_ERROR, error->code);
    }

  /* Huge strings, deep nesting, invalid UTF-8, another centre's resources. */
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *huge = g_strnfill (JY_FHIR_MAX_STRING + 1, 'a');
      g_autofree char *deep = g_strnfill (100000, '[');
      g_autoptr(GString) big = g_string_new (row_cases[i].json);
      g_autoptr(GString) utf8 = g_string_new (row_cases[i].json);
      g_autoptr(GString) foreign = g_string_new (row_cases[i].json);
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
      g_autofree char *system = g_strdup_printf ("\"urn:jiayi:%s\"", row_cases[i].codec->entity);

      g_assert_cmpint (g_string_replace (big, "\",\"id\":\"", "\",\"id\":\"HUGE", 1), ==, 1);
      g_string_replace (big, "HUGE", huge, 1);
      g_assert_null (jy_test_fhir_decode (row_cases[i].codec, big->str, &e1));
      g_assert_nonnull (e1);
      g_assert_null (jy_test_fhir_decode (row_cases[i].codec, deep, &e2));
      g_assert_error (e2, JY_FHIR_ERROR, JY_FHIR_ERROR_TOO_DEEP);
      g_assert_cmpint (g_string_replace (utf8, "\",\"id\":\"", "\",\"id\":\"\xff\xfe", 1), ==, 1);
      g_assert_null (jy_test_fhir_decode (row_cases[i].codec, utf8->str, &e3));
      g_assert_nonnull (e3);
      g_string_replace (foreign, system, "\"urn:example:other\"", 0);
      g_assert_null (jy_test_fhir_decode (row_cases[i].codec, foreign->str, &e4));
      g_assert_error (e4, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS);
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

/* Thousands of mutated payloads per codec: members replaced by random
 * values or removed, bytes flipped, cut or duplicated. Each decodes or
 * fails with a GError; what decodes encodes again. */
static void
test_fuzz_row_codecs (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (row_cases); c++)
    {
      const JyFhirCodec *codec = row_cases[c].codec;
      g_autoptr(JsonNode) seed = jy_test_fhir_round_trip (codec, row_cases[c].json);
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
              guint n = g_rand_int_range (rand, 1, 5);

              for (guint i = 0; i < n; i++)
                {
                  /* Collected again: a replaced member frees its objects. */
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

              g_assert_nonnull (again);
              g_assert_true (g_uuid_string_is_valid (codec->get_uuid (record)));
              codec->free_record (record);
              decoded++;
            }
          else
            refused++;
        }
      g_rand_free (rand);
      g_test_message ("%s: %u mutated payloads, %u decoded, %u refused", codec->resource_type,
                      FUZZ_ROUNDS, decoded, refused);
      g_assert_cmpuint (decoded, >, 0);
      g_assert_cmpuint (refused, >, 0);
    }
}

static void
test_table_in_rank_order (void)
{
  const JyFhirCodec *const *codecs = jy_fhir_codecs ();
  gboolean is_child = FALSE;

  g_assert_nonnull (codecs[0]);
  g_assert_true (jy_fhir_codec_for_entity ("resident_tag", &is_child) == &jy_fhir_codec_resident);
  g_assert_true (is_child);
  g_assert_true (jy_fhir_codec_for_resource_type ("Patient") == &jy_fhir_codec_resident);
  g_assert_true (jy_fhir_codec_for_entity ("team_member", &is_child) == &jy_fhir_codec_team);
  g_assert_true (is_child);
  g_assert_true (jy_fhir_codec_for_entity ("followup", NULL) == &jy_fhir_codec_followup);
  g_assert_true (jy_fhir_codec_for_resource_type ("Condition") == &jy_fhir_codec_enrolment);
  g_assert_true (jy_fhir_codec_for_resource_type ("Practitioner") == &jy_fhir_codec_staff);
  g_assert_null (jy_fhir_codec_for_entity ("followup_drug", NULL));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = jy_fhir_parse (text, strlen (text), 1 << 20, &error);

  g_assert_no_error (error);
  return json_node_get_object (node);   /* leaked with the node: a test */
}

static void
test_pulled_resource_goes_to_the_codec_its_identifier_names (void)
{
  const JyFhirCodec *const *codecs = jy_fhir_codecs ();

  g_assert_true (jy_fhir_codec_for_resource (parse_object (
    "{\"resourceType\":\"EpisodeOfCare\",\"identifier\":[{\"system\":\"urn:other\",\"value\":\"x\"},"
    "{\"system\":\"urn:jiayi:contract\",\"value\":\"x\"}]}")) == &jy_fhir_codec_contract);
  /* No Jiayi identifier, or a hostile one: the type's first codec, whose
   * decode then says "not ours" or what is wrong. */
  g_assert_true (jy_fhir_codec_for_resource (parse_object (
    "{\"resourceType\":\"Patient\"}")) == &jy_fhir_codec_resident);
  g_assert_true (jy_fhir_codec_for_resource (parse_object (
    "{\"resourceType\":\"Patient\",\"identifier\":[1,{\"system\":7},{\"system\":\"urn:jiayi:contract\"}]}"))
    == &jy_fhir_codec_resident);
  g_assert_null (jy_fhir_codec_for_resource (parse_object ("{\"resourceType\":\"Flag\"}")));
  g_assert_null (jy_fhir_codec_for_resource (parse_object ("{\"resourceType\":[]}")));
  /* The centre is pushed, never pulled; each other type is pulled once. */
  g_assert_false (jy_fhir_codec_pulls_type (&jy_fhir_codec_site));
  for (guint i = 0; codecs[i] != NULL; i++)
    if (jy_fhir_codec_pulls_type (codecs[i]))
      for (guint j = 0; j < i; j++)
        g_assert_false (jy_fhir_codec_pulls_type (codecs[j]) &&
                        g_str_equal (codecs[j]->resource_type, codecs[i]->resource_type));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/sync/codec/resident-round-trip-full", test_round_trip_full);
  g_test_add_func ("/sync/codec/resident-round-trip-minimal", test_round_trip_minimal);
  g_test_add_func ("/sync/codec/gender-maps-to-sex-code", test_maps_gender);
  g_test_add_func ("/sync/codec/hostile-payloads-refused", test_rejects_hostile);
  g_test_add_func ("/sync/codec/fuzz-mutated-patients", test_fuzz_mutations);
  g_test_add_func ("/sync/codec/same-content-ignores-meta", test_same_content_ignores_meta);
  g_test_add_func ("/sync/codec/content digest ignores member order and meta", test_content_digest);
  g_test_add_func ("/sync/codec/operation-outcome-described", test_describes_outcome);
  g_test_add_func ("/sync/codec/table-lookup", test_table_in_rank_order);
  g_test_add_func ("/sync/codec/pulled resource goes to the codec its identifier names",
                   test_pulled_resource_goes_to_the_codec_its_identifier_names);
  g_test_add_func ("/sync/codec/staff as Practitioner round trip", test_staff_round_trip);
  g_test_add_func ("/sync/codec/team as CareTeam with members round trip", test_team_round_trip);
  g_test_add_func ("/sync/codec/enrolment as Condition with ICD-10 round trip", test_enrolment_round_trip);
  g_test_add_func ("/sync/codec/follow-up as Encounter with LOINC Observations round trip", test_followup_round_trip);
  g_test_add_func ("/sync/codec/contract as EpisodeOfCare with packages round trip", test_contract_round_trip);
  g_test_add_func ("/sync/codec/contact as Communication round trip", test_contact_round_trip);
  g_test_add_func ("/sync/codec/row codecs encode again to the same", test_row_codecs_round_trip);
  g_test_add_func ("/sync/codec/row codecs refuse hostile payloads", test_row_codecs_refuse_hostile);
  g_test_add_func ("/sync/codec/fuzz mutated staff teams enrolments follow-ups contracts contacts home beds", test_fuzz_row_codecs);

  return g_test_run ();
}
