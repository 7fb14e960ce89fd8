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
#include "test-util.h"

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

static void
test_table_in_rank_order (void)
{
  const JyFhirCodec *const *codecs = jy_fhir_codecs ();
  gboolean is_child = FALSE;

  g_assert_nonnull (codecs[0]);
  g_assert_true (jy_fhir_codec_for_entity ("resident_tag", &is_child) == &jy_fhir_codec_resident);
  g_assert_true (is_child);
  g_assert_true (jy_fhir_codec_for_resource_type ("Patient") == &jy_fhir_codec_resident);
  g_assert_null (jy_fhir_codec_for_entity ("followup", NULL));
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

  return g_test_run ();
}
