/* jy-fhir-codec-delivery.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * service_delivery ⇄ Procedure (domain.md §2.5: each service delivered
 * under a contract is logged against its package item). A delivery is an
 * action done for the resident (a check, a home visit, advice), which is
 * what a Procedure records; ChargeItem would be the bill, which Jiayi
 * does not keep per delivery (the fees are the contract's).
 *
 *   id, identifier urn:jiayi:service_delivery  row uuid
 *   status                          final→completed, entered-in-error
 *   code urn:jiayi:cs:package-item  the package item delivered
 *   subject                         Patient/{resident}
 *   performer[0].actor              Practitioner/{staff}
 *   performedDateTime               delivered_at (UTC)
 *   ext delivery-date               its local date (what the rules read)
 *   ext episode-of-care             EpisodeOfCare/{contract} (R4 Procedure
 *                                   has no episodeOfCare element)
 *   ext contact                     Communication/{contact_log}: the
 *                                   contact it was delivered at
 *   note[0].text                    note
 *
 * Rank 55: after the contacts (50) it may name. The resident's derived
 * columns (the 65+ check date, contacts due) are recomputed after a pull.
 */

#include "config.h"

#include <string.h>

#include "jy-contract-private.h"
#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"

#define EXT_DELIVERY_DATE "urn:jiayi:ext:delivery-date"
#define EXT_EPISODE       "urn:jiayi:ext:episode-of-care"
#define EXT_CONTACT       "urn:jiayi:ext:contact"
#define CS_PACKAGE_ITEM   "urn:jiayi:cs:package-item"

enum { C_STATUS, C_RESIDENT, C_CONTRACT, C_CONTACT, C_ITEM, C_STAFF, C_AT, C_DATE, C_NOTE, N_COLUMNS };

static const JyFhirColumn columns[] = {
  { "status", JY_FHIR_COL_TEXT, NULL, NULL },
  { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "contract_id", JY_FHIR_COL_REF, "contract", NULL },
  { "contact_id", JY_FHIR_COL_REF, "contact_log", NULL },
  { "item_code", JY_FHIR_COL_TEXT, NULL, NULL },
  { "staff_id", JY_FHIR_COL_REF, "staff", NULL },
  { "delivered_at", JY_FHIR_COL_TEXT, NULL, NULL },
  { "delivery_date", JY_FHIR_COL_TEXT, NULL, NULL },
  { "note", JY_FHIR_COL_TEXT, NULL, NULL },
};

static gboolean
delivery_after_apply (JyDb       *db,
                      gint64      id,
                      JyFhirRow  *row,
                      GError    **error)
{
  static const char sql[] = "SELECT resident_id FROM service_delivery WHERE id = ?1";
  gint64 resident_id;

  if (!jy_fhir_row_read_id (db, sql, id, &resident_id, error))
    return FALSE;
  /* The 65+ annual check date and the fulfilment the resident's page shows. */
  return jy_contract_derive_resident (db, resident_id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "service_delivery",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .after_apply = delivery_after_apply,
  .sql = &sql,
};

static void
add_reference_extension (JsonBuilder *builder,
                         const char  *url,
                         const char  *type,
                         const char  *uuid)
{
  if (uuid == NULL)
    return;
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", url);
  jy_fhir_add_reference (builder, "valueReference", type, uuid);
  json_builder_end_object (builder);
}

static JsonNode *
delivery_encode (gconstpointer        data,
                 const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Procedure");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_DELIVERY_DATE, "Date", v[C_DATE]);
  add_reference_extension (builder, EXT_EPISODE, "EpisodeOfCare", v[C_CONTRACT]);
  add_reference_extension (builder, EXT_CONTACT, "Communication", v[C_CONTACT]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:service_delivery", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status",
                      g_strcmp0 (v[C_STATUS], "entered-in-error") == 0 ? "entered-in-error" : "completed");
  json_builder_set_member_name (builder, "code");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_PACKAGE_ITEM);
  jy_fhir_add_string (builder, "code", v[C_ITEM]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  jy_fhir_add_string (builder, "performedDateTime", v[C_AT]);
  if (v[C_STAFF] != NULL)
    {
      json_builder_set_member_name (builder, "performer");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_reference (builder, "actor", "Practitioner", v[C_STAFF]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  if (v[C_NOTE] != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "text", v[C_NOTE]);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  return jy_fhir_invalid (error, "Procedure", what);
}

static gboolean
read_reference_extension (JsonArray   *extensions,
                          const char  *url,
                          const char  *type,
                          char       **out,
                          GError     **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);

  g_clear_pointer (out, g_free);
  if (extension == NULL)
    return TRUE;
  if (!jy_fhir_read_reference (extension, "valueReference", type, out, error))
    return FALSE;
  return *out != NULL || invalid (error, url);
}

/* What the store accepts as an item code (insert_delivery). */
static gboolean
is_item_code (const char *code)
{
  return code != NULL && *code != '\0' && strlen (code) <= 64 &&
         strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (code);
}

static gpointer
delivery_decode (JsonObject           *resource,
                 const JyFhirOptions  *options,
                 GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *codings = NULL, *performers = NULL, *notes = NULL;
  JsonObject *code = NULL, *coding, *performer, *note, *date;
  const char *status = NULL, *system = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "service_delivery", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !read_reference_extension (extensions, EXT_EPISODE, "EpisodeOfCare", &v[C_CONTRACT], error) ||
      !read_reference_extension (extensions, EXT_CONTACT, "Communication", &v[C_CONTACT], error) ||
      !jy_fhir_read_string (resource, "status", &status, error) ||
      !jy_fhir_read_object (resource, "code", &code, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_text (resource, "performedDateTime", 0, &v[C_AT], error) ||
      !jy_fhir_read_array (resource, "performer", &performers, error) ||
      !jy_fhir_read_array (resource, "note", &notes, error))
    return NULL;

  date = jy_fhir_find_extension (extensions, EXT_DELIVERY_DATE);
  if (date != NULL && !jy_fhir_read_text (date, "valueDate", 0, &v[C_DATE], error))
    return NULL;

  if (g_strcmp0 (status, "completed") == 0)
    v[C_STATUS] = g_strdup ("final");
  else if (g_strcmp0 (status, "entered-in-error") == 0)
    v[C_STATUS] = g_strdup ("entered-in-error");
  else
    return invalid (error, "status"), NULL;

  if (code == NULL ||
      !jy_fhir_read_array (code, "coding", &codings, error) ||
      codings == NULL || json_array_get_length (codings) == 0 ||
      (coding = jy_fhir_array_object (codings, 0, "coding", error)) == NULL ||
      !jy_fhir_read_string (coding, "system", &system, error) ||
      !jy_fhir_read_text (coding, "code", 0, &v[C_ITEM], error) ||
      g_strcmp0 (system, CS_PACKAGE_ITEM) != 0 || !is_item_code (v[C_ITEM]))
    return invalid (error, "code (package item)"), NULL;

  if (performers != NULL && json_array_get_length (performers) > 0 &&
      ((performer = jy_fhir_array_object (performers, 0, "performer", error)) == NULL ||
       !jy_fhir_read_reference (performer, "actor", "Practitioner", &v[C_STAFF], error)))
    return NULL;
  if (notes != NULL && json_array_get_length (notes) > 0 &&
      ((note = jy_fhir_array_object (notes, 0, "note", error)) == NULL ||
       !jy_fhir_read_text (note, "text", 0, &v[C_NOTE], error)))
    return NULL;

  if (v[C_RESIDENT] == NULL)
    return invalid (error, "no subject"), NULL;
  if (!jy_fhir_is_date_time (v[C_AT]) || !jy_fhir_is_date (v[C_DATE]))
    return invalid (error, "performed time or delivery date"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
delivery_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
delivery_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "service_delivery", db, record, version, error);
}

static gboolean
delivery_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_delivery = {
  .entity = "service_delivery",
  .resource_type = "Procedure",
  .rank = 55,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM service_delivery WHERE uuid = ?1",
  .label_sql =
    "SELECT r.name FROM service_delivery d JOIN resident r ON r.id = d.resident_id WHERE d.uuid = ?1",
  .encode = delivery_encode,
  .decode = delivery_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = delivery_load,
  .apply = delivery_apply,
  .set_version = delivery_set_version,
};
