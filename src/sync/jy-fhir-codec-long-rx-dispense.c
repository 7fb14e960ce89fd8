/* jy-fhir-codec-long-rx-dispense.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * long_rx_dispense ⇄ MedicationDispense (sync.md "Mapping", domain.md
 * §4.5, §7.2): one instalment handed out, to the patient or to a proxy.
 *
 *   id, identifier urn:jiayi:long_rx_dispense  row uuid
 *   status                         final→completed, entered-in-error
 *   subject, authorizingPrescription Patient, MedicationRequest/{long_rx}
 *   performer[0].actor             Practitioner (the dispenser), if known
 *   whenHandedOver, daysSupply     dispense date, days the instalment covers
 *   contained Medication item{n}   what was handed out: code urn:jiayi:cs:drug
 *                                  + name as text, ext dispensed-quantity
 *                                  (packs, pack unit)
 *   medicationReference, ext medication #item0; every item (dom-3)
 *   receiver                       Patient/{resident} when the patient came
 *   contained RelatedPerson proxy  the proxy (代取药): name, relation, phone,
 *                                  ID number as an identifier of the
 *                                  configured ID-number system (as the
 *                                  Patient's own), patient
 *   ext …5.0…MedicationDispense.receiver  #proxy: R4 receiver allows only
 *                                  Patient | Practitioner (domain.md §7.2)
 *   ext long-rx-dispense {column: value …} instalment, authorisation date
 *                                  and reference (the written consent)
 *
 * After a pull the prescription's derived columns (instalments dispensed,
 * next due date) are recomputed. Two workstations handing out the same
 * instalment offline is refused on the second one's pull (an "invalid"
 * conflict naming the instalment), never stored twice.
 */

#include "config.h"

#include <string.h>

#include "jy-fhir-codec-private.h"
#include "jy-fhir-row.h"
#include "jy-long-rx-store.h"
#include "jy-store.h"

#define EXT_FIELDS     "urn:jiayi:ext:long-rx-dispense"
#define EXT_QUANTITY   "urn:jiayi:ext:dispensed-quantity"
#define EXT_MEDICATION "urn:jiayi:ext:medication"
#define EXT_RECEIVER   "http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationDispense.receiver"
#define CS_DRUG        "urn:jiayi:cs:drug"
#define CS_UCUM        "http://unitsofmeasure.org"
#define PROXY_ID       "proxy"
#define MAX_ITEMS      64

enum {
  C_STATUS, C_RX, C_RESIDENT, C_INSTALMENT, C_DATE, C_DAYS, C_DISPENSER, C_RECEIVER, C_PROXY_NAME,
  C_PROXY_RELATION, C_PROXY_ID, C_PROXY_PHONE, C_AUTH_DATE, C_AUTH_REF, C_ITEMS, N_COLUMNS
};

#define T(name) { name, JY_FHIR_COL_TEXT, NULL, NULL }
#define I(name) { name, JY_FHIR_COL_INT, NULL, NULL }

static const JyFhirColumn columns[] = {
  T ("status"), { "long_rx_id", JY_FHIR_COL_REF, "long_rx", NULL },
  { "resident_id", JY_FHIR_COL_REF, "resident", NULL }, I ("instalment"), T ("dispense_date"),
  I ("days"), { "dispenser_id", JY_FHIR_COL_REF, "staff", NULL }, T ("receiver"), T ("proxy_name"),
  T ("proxy_relation"), T ("proxy_id_number"), T ("proxy_phone"), T ("authorisation_date"),
  T ("authorisation_ref"), T ("items"),
};

#undef T
#undef I

static const JyFhirField fields[] = {
  { C_INSTALMENT, 1, 999, FALSE }, { C_AUTH_DATE, 0, 10, FALSE }, { C_AUTH_REF, 0, 0, FALSE },
};

/* ---- store hooks ------------------------------------------------------- */

static gboolean
dispense_after_apply (JyDb       *db,
                      gint64      id,
                      JyFhirRow  *row,
                      GError    **error)
{
  static const char sql[] =
    "SELECT d.long_rx_id, d.resident_id = r.resident_id\n"
    "FROM long_rx_dispense d JOIN long_rx r ON r.id = d.long_rx_id WHERE d.id = ?1";
  sqlite3_stmt *stmt = jy_db_prepare (db, sql, error);
  gint64 long_rx_id = 0;
  gboolean same = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      long_rx_id = sqlite3_column_int64 (stmt, 0);
      same = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (!same)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           "the dispense's patient is not the prescription's");
      return FALSE;
    }
  return jy_long_rx_store_derive (db, long_rx_id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "long_rx_dispense",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .after_apply = dispense_after_apply,
  .sql = &sql,
};

/* ---- encode ------------------------------------------------------------ */

static void
add_local_reference (JsonBuilder *builder,
                     const char  *member,
                     const char  *id)
{
  g_autofree char *local = g_strconcat ("#", id, NULL);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "reference", local);
  json_builder_end_object (builder);
}

/* The items column: [{"code","name","packs","unit"}] as the store wrote
 * it (jy-long-rx-dispense.c items_json). NULL if it is not that shape. */
static JsonArray *
parse_items (const char *items)
{
  g_autoptr(JsonNode) node = items != NULL ? jy_fhir_parse (items, strlen (items), 1 << 20, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_array_ref (json_node_get_array (node));
}

static const char *
item_string (JsonObject *item,
             const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static void
encode_proxy (JsonBuilder         *builder,
              const JyFhirRow     *row,
              const JyFhirOptions *options)
{
  char *const *v = row->values;

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "RelatedPerson");
  jy_fhir_add_string (builder, "id", PROXY_ID);
  if (v[C_PROXY_ID] != NULL)
    {
      json_builder_set_member_name (builder, "identifier");
      json_builder_begin_array (builder);
      jy_fhir_add_identifier (builder, options->id_number_system, v[C_PROXY_ID]);
      json_builder_end_array (builder);
    }
  jy_fhir_add_reference (builder, "patient", "Patient", v[C_RESIDENT]);
  if (v[C_PROXY_RELATION] != NULL)
    {
      json_builder_set_member_name (builder, "relationship");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "text", v[C_PROXY_RELATION]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "name");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "text", v[C_PROXY_NAME]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  if (v[C_PROXY_PHONE] != NULL)
    {
      json_builder_set_member_name (builder, "telecom");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "system", "phone");
      jy_fhir_add_string (builder, "value", v[C_PROXY_PHONE]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
encode_contained (JsonBuilder         *builder,
                  const JyFhirRow     *row,
                  JsonArray           *items,
                  const JyFhirOptions *options)
{
  char *const *v = row->values;
  guint n = items != NULL ? MIN (json_array_get_length (items), MAX_ITEMS) : 0;

  json_builder_set_member_name (builder, "contained");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autofree char *id = g_strdup_printf ("item%u", i);
      const char *code, *unit;
      JsonNode *packs;

      if (item == NULL)
        continue;
      code = item_string (item, "code");
      unit = item_string (item, "unit");
      packs = json_object_get_member (item, "packs");
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "resourceType", "Medication");
      jy_fhir_add_string (builder, "id", id);
      json_builder_set_member_name (builder, "extension");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_QUANTITY);
      json_builder_set_member_name (builder, "valueQuantity");
      json_builder_begin_object (builder);
      if (packs != NULL && JSON_NODE_HOLDS_VALUE (packs) && json_node_get_value_type (packs) == G_TYPE_INT64)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_int_value (builder, json_node_get_int (packs));
        }
      jy_fhir_add_string (builder, "unit", unit != NULL && unit[0] != '\0' ? unit : NULL);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_begin_object (builder);
      if (code != NULL && code[0] != '\0')
        {
          json_builder_set_member_name (builder, "coding");
          json_builder_begin_array (builder);
          json_builder_begin_object (builder);
          jy_fhir_add_string (builder, "system", CS_DRUG);
          jy_fhir_add_string (builder, "code", code);
          json_builder_end_object (builder);
          json_builder_end_array (builder);
        }
      jy_fhir_add_string (builder, "text", item_string (item, "name"));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  if (g_strcmp0 (v[C_RECEIVER], "proxy") == 0)
    encode_proxy (builder, row, options);
  json_builder_end_array (builder);
}

static JsonNode *
dispense_encode (gconstpointer        data,
                 const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonArray) items = parse_items (v[C_ITEMS]);
  guint n = items != NULL ? MIN (json_array_get_length (items), MAX_ITEMS) : 0;
  gboolean proxy = g_strcmp0 (v[C_RECEIVER], "proxy") == 0;

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "MedicationDispense");
  jy_fhir_add_string (builder, "id", row->uuid);
  encode_contained (builder, row, items, options);

  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_row_add_fields (builder, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("item%u", i);

      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_MEDICATION);
      add_local_reference (builder, "valueReference", id);
      json_builder_end_object (builder);
    }
  if (proxy)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", EXT_RECEIVER);
      add_local_reference (builder, "valueReference", PROXY_ID);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:long_rx_dispense", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status",
                      g_strcmp0 (v[C_STATUS], "entered-in-error") == 0 ? "entered-in-error" : "completed");
  if (n > 0)
    add_local_reference (builder, "medicationReference", "item0");
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  if (v[C_DISPENSER] != NULL)
    {
      json_builder_set_member_name (builder, "performer");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_reference (builder, "actor", "Practitioner", v[C_DISPENSER]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  if (v[C_RX] != NULL)
    {
      g_autofree char *reference = g_strconcat ("MedicationRequest/", v[C_RX], NULL);

      json_builder_set_member_name (builder, "authorizingPrescription");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "daysSupply");
  json_builder_begin_object (builder);
  jy_fhir_add_int_member (builder, "value", v[C_DAYS]);
  jy_fhir_add_string (builder, "unit", "d");
  jy_fhir_add_string (builder, "system", CS_UCUM);
  jy_fhir_add_string (builder, "code", "d");
  json_builder_end_object (builder);
  jy_fhir_add_string (builder, "whenHandedOver", v[C_DATE]);
  if (!proxy)
    {
      g_autofree char *reference = g_strconcat ("Patient/", v[C_RESIDENT], NULL);

      json_builder_set_member_name (builder, "receiver");
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
  return jy_fhir_invalid (error, "MedicationDispense", what);
}

/* A reference member's target: "#id" (contained) or "Type/uuid". */
static gboolean
read_target (JsonObject  *object,
             const char  *member,
             const char **out,
             GError     **error)
{
  JsonObject *reference = NULL;

  *out = NULL;
  return jy_fhir_read_object (object, member, &reference, error) &&
         (reference == NULL || jy_fhir_read_string (reference, "reference", out, error));
}

static gboolean
decode_item (JsonObject  *medication,
             JsonBuilder *items,
             GError     **error)
{
  JsonArray *extensions = NULL, *codings = NULL;
  JsonObject *quantity_ext, *quantity = NULL, *code = NULL;
  g_autofree char *packs = NULL, *name = NULL, *drug = NULL, *unit = NULL;
  guint n;

  if (!jy_fhir_read_array (medication, "extension", &extensions, error) ||
      !jy_fhir_read_object (medication, "code", &code, error))
    return FALSE;
  quantity_ext = jy_fhir_find_extension (extensions, EXT_QUANTITY);
  if (quantity_ext == NULL || code == NULL ||
      !jy_fhir_read_object (quantity_ext, "valueQuantity", &quantity, error) || quantity == NULL ||
      !jy_fhir_read_number (quantity, "value", TRUE, 0, 100000, &packs, error) ||
      !jy_fhir_read_text (quantity, "unit", 16, &unit, error) ||
      !jy_fhir_read_text (code, "text", 0, &name, error) ||
      !jy_fhir_read_array (code, "coding", &codings, error))
    return invalid (error, "dispensed medication without quantity or code");
  if (packs == NULL || name == NULL || name[0] == '\0')
    return invalid (error, "dispensed medication without packs or name");
  n = codings != NULL ? json_array_get_length (codings) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *coding = jy_fhir_array_object (codings, i, "coding", error);
      const char *system = NULL;

      if (coding == NULL || !jy_fhir_read_string (coding, "system", &system, error))
        return FALSE;
      if (g_strcmp0 (system, CS_DRUG) == 0 && drug == NULL &&
          !jy_fhir_read_text (coding, "code", 64, &drug, error))
        return FALSE;
    }
  /* The shape and member order of jy-long-rx-dispense.c items_json. */
  json_builder_begin_object (items);
  json_builder_set_member_name (items, "code");
  json_builder_add_string_value (items, drug != NULL ? drug : "");
  json_builder_set_member_name (items, "name");
  json_builder_add_string_value (items, name);
  json_builder_set_member_name (items, "packs");
  json_builder_add_int_value (items, g_ascii_strtoll (packs, NULL, 10));
  json_builder_set_member_name (items, "unit");
  json_builder_add_string_value (items, unit != NULL ? unit : "");
  json_builder_end_object (items);
  return TRUE;
}

static gboolean
decode_proxy (JsonObject           *person,
              char                **v,
              const JyFhirOptions  *options,
              GError              **error)
{
  JsonArray *identifiers = NULL, *names = NULL, *relations = NULL, *telecom = NULL;
  g_autofree char *patient = NULL;
  guint n;

  if (!jy_fhir_read_array (person, "identifier", &identifiers, error) ||
      !jy_fhir_read_array (person, "name", &names, error) ||
      !jy_fhir_read_array (person, "relationship", &relations, error) ||
      !jy_fhir_read_array (person, "telecom", &telecom, error) ||
      !jy_fhir_read_reference (person, "patient", "Patient", &patient, error))
    return FALSE;
  if (g_strcmp0 (patient, v[C_RESIDENT]) != 0)
    return invalid (error, "the proxy is not the subject's");
  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL;

      if (identifier == NULL || !jy_fhir_read_string (identifier, "system", &system, error))
        return FALSE;
      if (g_strcmp0 (system, options->id_number_system) == 0 &&
          !jy_fhir_read_text (identifier, "value", 18, &v[C_PROXY_ID], error))
        return FALSE;
    }
  if (names != NULL && json_array_get_length (names) > 0)
    {
      JsonObject *name = jy_fhir_array_object (names, 0, "name", error);

      if (name == NULL || !jy_fhir_read_text (name, "text", 0, &v[C_PROXY_NAME], error))
        return FALSE;
    }
  if (relations != NULL && json_array_get_length (relations) > 0)
    {
      JsonObject *relation = jy_fhir_array_object (relations, 0, "relationship", error);

      if (relation == NULL || !jy_fhir_read_text (relation, "text", 32, &v[C_PROXY_RELATION], error))
        return FALSE;
    }
  n = telecom != NULL ? json_array_get_length (telecom) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *point = jy_fhir_array_object (telecom, i, "telecom", error);
      const char *system = NULL;

      if (point == NULL || !jy_fhir_read_string (point, "system", &system, error))
        return FALSE;
      if (g_strcmp0 (system, "phone") == 0 && v[C_PROXY_PHONE] == NULL &&
          !jy_fhir_read_text (point, "value", 32, &v[C_PROXY_PHONE], error))
        return FALSE;
    }
  v[C_RECEIVER] = g_strdup ("proxy");
  return TRUE;
}

static gboolean
decode_contained (JsonObject           *resource,
                  JsonArray            *extensions,
                  char                **v,
                  const JyFhirOptions  *options,
                  GError              **error)
{
  JsonArray *contained = NULL;
  JsonObject *receiver_ext = jy_fhir_find_extension (extensions, EXT_RECEIVER);
  const char *proxy_ref = NULL;
  g_autoptr(JsonBuilder) items = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n, count = 0;

  if (!jy_fhir_read_array (resource, "contained", &contained, error) ||
      (receiver_ext != NULL && !read_target (receiver_ext, "valueReference", &proxy_ref, error)))
    return FALSE;
  if (receiver_ext != NULL && g_strcmp0 (proxy_ref, "#" PROXY_ID) != 0)
    return invalid (error, "receiver extension is not the contained proxy");
  json_builder_begin_array (items);
  n = contained != NULL ? json_array_get_length (contained) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = jy_fhir_array_object (contained, i, "contained", error);
      const char *type = NULL, *id = NULL;

      if (object == NULL || !jy_fhir_read_string (object, "resourceType", &type, error) ||
          !jy_fhir_read_string (object, "id", &id, error))
        return FALSE;
      if (g_strcmp0 (type, "Medication") == 0)
        {
          if (++count > MAX_ITEMS)
            return invalid (error, "too many medications");
          if (!decode_item (object, items, error))
            return FALSE;
        }
      else if (g_strcmp0 (type, "RelatedPerson") == 0 && g_strcmp0 (id, PROXY_ID) == 0 &&
               receiver_ext != NULL)
        {
          if (v[C_RECEIVER] != NULL)
            return invalid (error, "two proxies");
          if (!decode_proxy (object, v, options, error))
            return FALSE;
        }
    }
  json_builder_end_array (items);
  if (count == 0)
    return invalid (error, "no medication handed out");
  if (receiver_ext != NULL && v[C_RECEIVER] == NULL)
    return invalid (error, "receiver extension without the proxy");
  root = json_builder_get_root (items);
  v[C_ITEMS] = json_to_string (root, FALSE);
  if (v[C_RECEIVER] == NULL)
    v[C_RECEIVER] = g_strdup ("patient");
  return TRUE;
}

static gboolean
decode_header (JsonObject  *resource,
               char       **v,
               GError     **error)
{
  JsonArray *prescriptions = NULL, *performers = NULL;
  JsonObject *supply = NULL;
  const char *status = NULL, *unit = NULL, *target = NULL;

  if (!jy_fhir_read_string (resource, "status", &status, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_array (resource, "authorizingPrescription", &prescriptions, error) ||
      !jy_fhir_read_array (resource, "performer", &performers, error) ||
      !jy_fhir_read_object (resource, "daysSupply", &supply, error) ||
      !jy_fhir_read_text (resource, "whenHandedOver", 0, &v[C_DATE], error))
    return FALSE;
  if (g_strcmp0 (status, "completed") == 0)
    v[C_STATUS] = g_strdup ("final");
  else if (g_strcmp0 (status, "entered-in-error") == 0)
    v[C_STATUS] = g_strdup ("entered-in-error");
  else
    return invalid (error, "status");
  if (v[C_RESIDENT] == NULL)
    return invalid (error, "no subject");
  if (!jy_fhir_is_date (v[C_DATE]))
    return invalid (error, "whenHandedOver (date of dispensing)");

  if (prescriptions == NULL || json_array_get_length (prescriptions) != 1)
    return invalid (error, "not one authorizingPrescription");
  {
    JsonObject *reference = jy_fhir_array_object (prescriptions, 0, "authorizingPrescription", error);

    if (reference == NULL || !jy_fhir_read_string (reference, "reference", &target, error))
      return FALSE;
    if (target == NULL || !g_str_has_prefix (target, "MedicationRequest/") ||
        !jy_fhir_is_uuid (target + strlen ("MedicationRequest/")))
      return invalid (error, "authorizingPrescription is not a MedicationRequest");
    v[C_RX] = g_strdup (target + strlen ("MedicationRequest/"));
  }
  if (performers != NULL && json_array_get_length (performers) > 0)
    {
      JsonObject *performer = jy_fhir_array_object (performers, 0, "performer", error);

      if (performer == NULL ||
          !jy_fhir_read_reference (performer, "actor", "Practitioner", &v[C_DISPENSER], error))
        return FALSE;
    }
  if (supply == NULL || !jy_fhir_read_string (supply, "code", &unit, error) ||
      !jy_fhir_read_number (supply, "value", TRUE, 1, 366, &v[C_DAYS], error))
    return invalid (error, "daysSupply");
  if (v[C_DAYS] == NULL || g_strcmp0 (unit, "d") != 0)
    return invalid (error, "daysSupply is not in days");
  return TRUE;
}

static gboolean
check (char   **v,
       GError **error)
{
  if (v[C_INSTALMENT] == NULL)
    return invalid (error, "no instalment number");
  if (v[C_AUTH_DATE] != NULL && !jy_fhir_is_date (v[C_AUTH_DATE]))
    return invalid (error, "authorisation date");
  if (g_strcmp0 (v[C_RECEIVER], "patient") == 0 &&
      (v[C_AUTH_DATE] != NULL || v[C_AUTH_REF] != NULL))
    return invalid (error, "an authorisation without a proxy");
  /* The table's CHECK. */
  if (g_strcmp0 (v[C_RECEIVER], "proxy") == 0 &&
      (v[C_PROXY_NAME] == NULL || v[C_PROXY_ID] == NULL || v[C_AUTH_DATE] == NULL))
    return invalid (error, "a proxy without name, ID number and authorisation date");
  return TRUE;
}

static gpointer
dispense_decode (JsonObject           *resource,
                 const JyFhirOptions  *options,
                 GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "long_rx_dispense", &row->uuid, error) ||
      !decode_header (resource, v, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !jy_fhir_row_read_fields (extensions, EXT_FIELDS, columns, v, fields, G_N_ELEMENTS (fields), error) ||
      !decode_contained (resource, extensions, v, options, error) ||
      !check (v, error))
    return NULL;
  return g_steal_pointer (&row);
}

static gpointer
dispense_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
dispense_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  /* One final dispense per instalment (the partial unique index): the
   * same instalment handed out on two workstations is the user's to sort
   * out, with a reason they can read. */
  static const char taken_sql[] =
    "SELECT count(*) FROM long_rx_dispense d JOIN long_rx r ON r.id = d.long_rx_id\n"
    "WHERE r.uuid = ?1 AND d.instalment = ?2 AND d.status = 'final' AND d.uuid <> ?3";
  JyFhirRow *row = record;
  char **v = row->values;

  if (g_strcmp0 (v[C_STATUS], "final") == 0)
    {
      sqlite3_stmt *stmt = jy_db_prepare (db, taken_sql, error);
      gint64 taken;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, v[C_RX], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (v[C_INSTALMENT], NULL, 10));
      sqlite3_bind_text (stmt, 3, row->uuid, -1, SQLITE_TRANSIENT);
      if (jy_db_step (db, stmt, error) < 0)
        return FALSE;
      taken = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (taken > 0)
        {
          g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                       "instalment %s of this prescription was already handed out here", v[C_INSTALMENT]);
          return FALSE;
        }
    }
  return jy_fhir_row_apply (&spec, "long_rx_dispense", db, record, version, error);
}

static gboolean
dispense_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_long_rx_dispense = {
  .entity = "long_rx_dispense",
  .resource_type = "MedicationDispense",
  .rank = 70,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM long_rx_dispense WHERE uuid = ?1",
  .label_sql =
    "SELECT r.rx_no || ' #' || d.instalment FROM long_rx_dispense d\n"
    "  JOIN long_rx r ON r.id = d.long_rx_id WHERE d.uuid = ?1",
  .encode = dispense_encode,
  .decode = dispense_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = dispense_load,
  .apply = dispense_apply,
  .set_version = dispense_set_version,
};
