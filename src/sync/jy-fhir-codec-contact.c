/* jy-fhir-codec-contact.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * contact_log ⇄ Communication (domain.md §2.5: every contact with a
 * signed resident, the quarterly proactive contact among them).
 *
 *   id, identifier urn:jiayi:contact_log  row uuid
 *   status                                final→completed, entered-in-error
 *   medium urn:jiayi:cs:contact-channel   phone, wechat, sms, app, clinic, home
 *   subject, about                        Patient/{resident}, EpisodeOfCare/{contract}
 *   sender                                Practitioner/{staff}
 *   sent, ext contact-date                contacted_at (UTC), its local date
 *   ext initiated-by                      team | resident
 *   payload[0].contentString              content
 */

#include "config.h"

#include <string.h>

#include "jy-contract-private.h"
#include "jy-fhir-row.h"
#include "jy-fhir-codec-private.h"

#define EXT_INITIATED    "urn:jiayi:ext:initiated-by"
#define EXT_CONTACT_DATE "urn:jiayi:ext:contact-date"
#define CS_CHANNEL       "urn:jiayi:cs:contact-channel"

enum { C_STATUS, C_RESIDENT, C_CONTRACT, C_CHANNEL, C_INITIATED, C_STAFF, C_AT, C_DATE, C_CONTENT, N_COLUMNS };

static const JyFhirColumn columns[] = {
  { "status", JY_FHIR_COL_TEXT, NULL, NULL },
  { "resident_id", JY_FHIR_COL_REF, "resident", NULL },
  { "contract_id", JY_FHIR_COL_REF, "contract", NULL },
  { "channel", JY_FHIR_COL_TEXT, NULL, NULL },
  { "initiated_by", JY_FHIR_COL_TEXT, NULL, NULL },
  { "staff_id", JY_FHIR_COL_REF, "staff", NULL },
  { "contacted_at", JY_FHIR_COL_TEXT, NULL, NULL },
  { "contact_date", JY_FHIR_COL_TEXT, NULL, NULL },
  { "content", JY_FHIR_COL_TEXT, NULL, NULL },
};

static gboolean
contact_after_apply (JyDb       *db,
                     gint64      id,
                     JyFhirRow  *row,
                     GError    **error)
{
  static const char sql[] = "SELECT resident_id FROM contact_log WHERE id = ?1";
  gint64 resident_id;

  if (!jy_fhir_row_read_id (db, sql, id, &resident_id, error))
    return FALSE;
  /* Last contact and the contacts-due worklist. */
  return jy_contract_derive_resident (db, resident_id, error);
}

static JyFhirRowSql sql;

static const JyFhirRowSpec spec = {
  .table = "contact_log",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .owner = "resident_id",
  .after_apply = contact_after_apply,
  .sql = &sql,
};

static const char *const channels[] = { "phone", "wechat", "sms", "app", "clinic", "home", NULL };

static JsonNode *
contact_encode (gconstpointer        data,
                const JyFhirOptions *options)
{
  const JyFhirRow *row = data;
  char *const *v = row->values;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Communication");
  jy_fhir_add_string (builder, "id", row->uuid);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, EXT_INITIATED, "Code", v[C_INITIATED]);
  jy_fhir_add_extension (builder, EXT_CONTACT_DATE, "Date", v[C_DATE]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:contact_log", row->uuid);
  json_builder_end_array (builder);
  jy_fhir_add_string (builder, "status",
                      g_strcmp0 (v[C_STATUS], "entered-in-error") == 0 ? "entered-in-error" : "completed");
  json_builder_set_member_name (builder, "medium");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coding");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", CS_CHANNEL);
  jy_fhir_add_string (builder, "code", v[C_CHANNEL]);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  jy_fhir_add_reference (builder, "subject", "Patient", v[C_RESIDENT]);
  if (v[C_CONTRACT] != NULL)
    {
      g_autofree char *reference = g_strconcat ("EpisodeOfCare/", v[C_CONTRACT], NULL);

      json_builder_set_member_name (builder, "about");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  jy_fhir_add_string (builder, "sent", v[C_AT]);
  jy_fhir_add_reference (builder, "sender", "Practitioner", v[C_STAFF]);
  if (v[C_CONTENT] != NULL)
    {
      json_builder_set_member_name (builder, "payload");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "contentString", v[C_CONTENT]);
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
  return jy_fhir_invalid (error, "Communication", what);
}

static gboolean
read_ext (JsonArray   *extensions,
          const char  *url,
          const char  *member,
          char       **out,
          GError     **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);

  g_clear_pointer (out, g_free);
  return extension == NULL || jy_fhir_read_text (extension, member, 0, out, error);
}

static gpointer
contact_decode (JsonObject           *resource,
                const JyFhirOptions  *options,
                GError              **error)
{
  g_autoptr(JyFhirRow) row = jy_fhir_row_new (&spec);
  char **v = row->values;
  JsonArray *extensions = NULL, *media = NULL, *abouts = NULL, *payloads = NULL, *codings = NULL;
  JsonObject *medium, *coding, *about, *payload;
  const char *status = NULL, *target = NULL;

  if (!jy_fhir_read_jiayi_id (resource, "contact_log", &row->uuid, error) ||
      !jy_fhir_read_array (resource, "extension", &extensions, error) ||
      !read_ext (extensions, EXT_INITIATED, "valueCode", &v[C_INITIATED], error) ||
      !read_ext (extensions, EXT_CONTACT_DATE, "valueDate", &v[C_DATE], error) ||
      !jy_fhir_read_string (resource, "status", &status, error) ||
      !jy_fhir_read_array (resource, "medium", &media, error) ||
      !jy_fhir_read_reference (resource, "subject", "Patient", &v[C_RESIDENT], error) ||
      !jy_fhir_read_array (resource, "about", &abouts, error) ||
      !jy_fhir_read_text (resource, "sent", 0, &v[C_AT], error) ||
      !jy_fhir_read_reference (resource, "sender", "Practitioner", &v[C_STAFF], error) ||
      !jy_fhir_read_array (resource, "payload", &payloads, error))
    return NULL;

  if (g_strcmp0 (status, "completed") == 0)
    v[C_STATUS] = g_strdup ("final");
  else if (g_strcmp0 (status, "entered-in-error") == 0)
    v[C_STATUS] = g_strdup ("entered-in-error");
  else
    return invalid (error, "status"), NULL;

  if (media == NULL || json_array_get_length (media) == 0 ||
      (medium = jy_fhir_array_object (media, 0, "medium", error)) == NULL ||
      !jy_fhir_read_array (medium, "coding", &codings, error) ||
      codings == NULL || json_array_get_length (codings) == 0 ||
      (coding = jy_fhir_array_object (codings, 0, "coding", error)) == NULL ||
      !jy_fhir_read_text (coding, "code", 0, &v[C_CHANNEL], error) ||
      !jy_fhir_is_one_of (v[C_CHANNEL], channels))
    return invalid (error, "medium (channel)"), NULL;

  if (abouts != NULL && json_array_get_length (abouts) > 0)
    {
      if ((about = jy_fhir_array_object (abouts, 0, "about", error)) == NULL ||
          !jy_fhir_read_string (about, "reference", &target, error))
        return NULL;
      if (target == NULL || !g_str_has_prefix (target, "EpisodeOfCare/") ||
          !jy_fhir_is_uuid (target + strlen ("EpisodeOfCare/")))
        return invalid (error, "about (contract)"), NULL;
      v[C_CONTRACT] = g_strdup (target + strlen ("EpisodeOfCare/"));
    }
  if (payloads != NULL && json_array_get_length (payloads) > 0 &&
      ((payload = jy_fhir_array_object (payloads, 0, "payload", error)) == NULL ||
       !jy_fhir_read_text (payload, "contentString", 0, &v[C_CONTENT], error)))
    return NULL;

  if (v[C_RESIDENT] == NULL)
    return invalid (error, "no subject"), NULL;
  if (!jy_fhir_is_one_of (v[C_INITIATED], (const char *const[]) { "team", "resident", NULL }))
    return invalid (error, "initiated-by"), NULL;
  if (!jy_fhir_is_date_time (v[C_AT]) || !jy_fhir_is_date (v[C_DATE]))
    return invalid (error, "sent or contact date"), NULL;
  return g_steal_pointer (&row);
}

static gpointer
contact_load (JyDb *db, const char *uuid, char **remote_version, GError **error)
{
  return jy_fhir_row_load (&spec, db, uuid, remote_version, error);
}

static gboolean
contact_apply (JyDb *db, gpointer record, const char *version, GError **error)
{
  return jy_fhir_row_apply (&spec, "contact_log", db, record, version, error);
}

static gboolean
contact_set_version (JyDb *db, const char *uuid, const char *version, GError **error)
{
  return jy_fhir_row_set_version (&spec, db, uuid, version, error);
}

const JyFhirCodec jy_fhir_codec_contact = {
  .entity = "contact_log",
  .resource_type = "Communication",
  .rank = 50,
  .pull = TRUE,
  .version_sql = "SELECT remote_version FROM contact_log WHERE uuid = ?1",
  .label_sql =
    "SELECT r.name FROM contact_log c JOIN resident r ON r.id = c.resident_id WHERE c.uuid = ?1",
  .encode = contact_encode,
  .decode = contact_decode,
  .free_record = (void (*) (gpointer))jy_fhir_row_free,
  .get_uuid = jy_fhir_row_get_uuid,
  .load = contact_load,
  .apply = contact_apply,
  .set_version = contact_set_version,
};
