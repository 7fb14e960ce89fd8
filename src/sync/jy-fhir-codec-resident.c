/* jy-fhir-codec-resident.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * resident ⇄ Patient, the pure half (no database): domain.md §7.2.
 *
 *   id, identifier urn:jiayi:resident   row uuid
 *   identifier (options)                ID number, archive number
 *   name[0].text                        name as written (no family/given split)
 *   gender + ext sex-code               GB/T 2261.1 1→male 2→female 0,9→unknown
 *   birthDate, telecom phone            birth date, own phone
 *   address[home] + ext area-code       detail + 12-digit community code
 *   address + ext registered-address    户籍地址
 *   contact[0]                          contact name and phone
 *   active, deceasedDateTime,           status (active / moved-out / dead /
 *   ext record-status {code,date,reason} lost / voided) with date and reason
 *   ext ethnicity, residence-type, payment-type (repeats), id-number-original
 *   ext household {id, relation}        household uuid and GB/T 4761 relation
 *   ext care-team valueReference        CareTeam/{team uuid}
 *   ext key-population {id, code,       manual tags (resident_tag rows)
 *     period, source, status}
 *   managingOrganization                Organization/{centre uuid}
 */

#include "config.h"

#include "jy-fhir-resident.h"

#include <string.h>

#include "jy-fhir-codec-private.h"

#define MAX_NAME_CHARS 30

static void
tag_free (JyFhirTag *tag)
{
  g_free (tag->uuid);
  g_free (tag->tag);
  g_free (tag->start_date);
  g_free (tag->end_date);
  g_free (tag->source);
  g_free (tag->status);
  g_free (tag);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyFhirTag, tag_free)

JyFhirTag *
jy_fhir_tag_new (const char *uuid,
                 const char *tag,
                 const char *start_date)
{
  JyFhirTag *self = g_new0 (JyFhirTag, 1);

  self->uuid = g_strdup (uuid);
  self->tag = g_strdup (tag);
  self->start_date = g_strdup (start_date);
  self->status = g_strdup ("active");
  return self;
}

JyFhirResident *
jy_fhir_resident_new (void)
{
  JyFhirResident *self = g_new0 (JyFhirResident, 1);

  self->resident = jy_resident_new ();
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify)tag_free);
  return self;
}

void
jy_fhir_resident_free (JyFhirResident *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->resident, jy_resident_free);
  g_free (self->team_uuid);
  g_free (self->centre_uuid);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_free (self);
}

/* ---- encode ------------------------------------------------------------ */

static void
add_complex (JsonBuilder       *builder,
             const char        *url,
             const char *const *names,
             const char *const *types,
             const char *const *values,
             guint              n)
{
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", url);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    jy_fhir_add_extension (builder, names[i], types[i], values[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
encode_tag (JsonBuilder     *builder,
            const JyFhirTag *tag)
{
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", JY_FHIR_EXT_KEY_POPULATION);
  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, "id", "String", tag->uuid);
  jy_fhir_add_extension (builder, "code", "Code", tag->tag);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "url", "period");
  json_builder_set_member_name (builder, "valuePeriod");
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "start", tag->start_date);
  jy_fhir_add_string (builder, "end", tag->end_date);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  jy_fhir_add_extension (builder, "source", "String", tag->source);
  jy_fhir_add_extension (builder, "status", "Code", tag->status);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static const char *
gender_of (const char *sex)
{
  if (g_strcmp0 (sex, "1") == 0)
    return "male";
  if (g_strcmp0 (sex, "2") == 0)
    return "female";
  return "unknown";
}

static void
encode_extensions (JsonBuilder          *builder,
                   const JyFhirResident *record)
{
  const JyResident *r = record->resident;

  json_builder_set_member_name (builder, "extension");
  json_builder_begin_array (builder);
  jy_fhir_add_extension (builder, JY_FHIR_EXT_SEX_CODE, "Code", r->sex);
  jy_fhir_add_extension (builder, JY_FHIR_EXT_ETHNICITY, "Code", r->ethnicity);
  jy_fhir_add_extension (builder, JY_FHIR_EXT_RESIDENCE_TYPE, "Code", r->residence_type);
  if (r->insurance != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (r->insurance, ",", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        if (codes[i][0] != '\0')
          jy_fhir_add_extension (builder, JY_FHIR_EXT_PAYMENT, "Code", codes[i]);
    }
  jy_fhir_add_extension (builder, JY_FHIR_EXT_ID_ORIGINAL, "String", r->id_number_original);
  if (r->household_id != NULL)
    {
      static const char *const names[] = { "id", "relation" };
      static const char *const types[] = { "String", "Code" };
      const char *values[] = { r->household_id, r->relation_to_head };

      add_complex (builder, JY_FHIR_EXT_HOUSEHOLD, names, types, values, 2);
    }
  {
    static const char *const names[] = { "code", "date", "reason" };
    static const char *const types[] = { "Code", "Date", "String" };
    const char *values[] = { r->status, r->status_date, r->status_reason };

    add_complex (builder, JY_FHIR_EXT_RECORD_STATUS, names, types, values, 3);
  }
  if (record->team_uuid != NULL)
    {
      g_autofree char *reference = g_strconcat ("CareTeam/", record->team_uuid, NULL);

      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", JY_FHIR_EXT_CARE_TEAM);
      json_builder_set_member_name (builder, "valueReference");
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < record->tags->len; i++)
    encode_tag (builder, g_ptr_array_index (record->tags, i));
  json_builder_end_array (builder);
}

static void
encode_phone (JsonBuilder *builder,
              const char  *phone,
              const char  *use)
{
  json_builder_set_member_name (builder, "telecom");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "system", "phone");
  jy_fhir_add_string (builder, "value", phone);
  jy_fhir_add_string (builder, "use", use);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
encode_addresses (JsonBuilder      *builder,
                  const JyResident *r)
{
  if (r->area_code == NULL && r->address_detail == NULL && r->registered_address == NULL)
    return;

  json_builder_set_member_name (builder, "address");
  json_builder_begin_array (builder);
  if (r->area_code != NULL || r->address_detail != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "use", "home");
      jy_fhir_add_string (builder, "text", r->address_detail);
      if (r->area_code != NULL)
        {
          json_builder_set_member_name (builder, "extension");
          json_builder_begin_array (builder);
          jy_fhir_add_extension (builder, JY_FHIR_EXT_AREA_CODE, "Code", r->area_code);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  if (r->registered_address != NULL)
    {
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "text", r->registered_address);
      json_builder_set_member_name (builder, "extension");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "url", JY_FHIR_EXT_REGISTERED);
      json_builder_set_member_name (builder, "valueBoolean");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
resident_encode (gconstpointer        data,
                 const JyFhirOptions *options)
{
  const JyFhirResident *record = data;
  const JyResident *r = record->resident;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_assert (r->uuid != NULL);

  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "resourceType", "Patient");
  jy_fhir_add_string (builder, "id", r->uuid);
  encode_extensions (builder, record);

  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  jy_fhir_add_identifier (builder, "urn:jiayi:resident", r->uuid);
  jy_fhir_add_identifier (builder, options->id_number_system, r->id_number);
  jy_fhir_add_identifier (builder, options->archive_no_system, r->archive_no);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, g_strcmp0 (r->status, "active") == 0);

  json_builder_set_member_name (builder, "name");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  jy_fhir_add_string (builder, "text", r->name);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  if (r->phone != NULL)
    encode_phone (builder, r->phone, "mobile");
  jy_fhir_add_string (builder, "gender", gender_of (r->sex));
  jy_fhir_add_string (builder, "birthDate", r->birth_date);
  if (g_strcmp0 (r->status, "dead") == 0 && r->status_date != NULL)
    jy_fhir_add_string (builder, "deceasedDateTime", r->status_date);
  encode_addresses (builder, r);

  if (r->contact_name != NULL || r->contact_phone != NULL)
    {
      json_builder_set_member_name (builder, "contact");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      if (r->contact_name != NULL)
        {
          json_builder_set_member_name (builder, "name");
          json_builder_begin_object (builder);
          jy_fhir_add_string (builder, "text", r->contact_name);
          json_builder_end_object (builder);
        }
      if (r->contact_phone != NULL)
        encode_phone (builder, r->contact_phone, NULL);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  if (record->centre_uuid != NULL)
    {
      g_autofree char *reference = g_strconcat ("Organization/", record->centre_uuid, NULL);

      json_builder_set_member_name (builder, "managingOrganization");
      json_builder_begin_object (builder);
      jy_fhir_add_string (builder, "reference", reference);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- decode ------------------------------------------------------------ */

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, JY_FHIR_ERROR, JY_FHIR_ERROR_INVALID, "Patient: %s", what);
  return FALSE;
}

static gboolean
is_code (const char *text,
         gsize       max_length)
{
  return text != NULL && strlen (text) <= max_length &&
         strspn (text, "0123456789abcdefghijklmnopqrstuvwxyz-") == strlen (text);
}

/* A sub-extension value of a given type: "valueString" etc. */
static gboolean
read_sub (JsonArray   *extensions,
          const char  *url,
          const char  *member,
          char       **out,
          GError     **error)
{
  JsonObject *extension = jy_fhir_find_extension (extensions, url);
  const char *value = NULL;

  if (extension != NULL && !jy_fhir_read_string (extension, member, &value, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_sub_extensions (JsonObject  *extension,
                     JsonArray  **out,
                     GError     **error)
{
  return jy_fhir_read_array (extension, "extension", out, error);
}

static gboolean
decode_tag (JsonObject      *extension,
            JyFhirResident  *record,
            GError         **error)
{
  g_autoptr(JyFhirTag) tag = g_new0 (JyFhirTag, 1);
  JsonArray *subs = NULL;
  JsonObject *period_ext, *period = NULL;
  const char *start = NULL, *end = NULL;

  if (!read_sub_extensions (extension, &subs, error) ||
      !read_sub (subs, "id", "valueString", &tag->uuid, error) ||
      !read_sub (subs, "code", "valueCode", &tag->tag, error) ||
      !read_sub (subs, "source", "valueString", &tag->source, error) ||
      !read_sub (subs, "status", "valueCode", &tag->status, error))
    return FALSE;
  period_ext = jy_fhir_find_extension (subs, "period");
  if (period_ext != NULL &&
      (!jy_fhir_read_object (period_ext, "valuePeriod", &period, error) ||
       (period != NULL && (!jy_fhir_read_string (period, "start", &start, error) ||
                           !jy_fhir_read_string (period, "end", &end, error)))))
    return FALSE;

  if (!jy_fhir_is_uuid (tag->uuid) || !is_code (tag->tag, 40))
    return invalid (error, "key-population tag without id or code");
  if (!jy_fhir_is_date (start) || (end != NULL && (!jy_fhir_is_date (end) || strcmp (end, start) < 0)))
    return invalid (error, "key-population tag period");
  if (tag->status == NULL)
    tag->status = g_strdup ("active");
  if (!g_str_equal (tag->status, "active") && !g_str_equal (tag->status, "entered-in-error"))
    return invalid (error, "key-population tag status");
  tag->start_date = g_strdup (start);
  tag->end_date = g_strdup (end);
  g_ptr_array_add (record->tags, g_steal_pointer (&tag));
  return TRUE;
}

static gboolean
decode_extensions (JsonObject      *resource,
                   JyFhirResident  *record,
                   GError         **error)
{
  JyResident *r = record->resident;
  JsonArray *extensions = NULL;
  g_autoptr(GString) insurance = g_string_new (NULL);
  guint n;

  if (!jy_fhir_read_array (resource, "extension", &extensions, error))
    return FALSE;
  n = extensions != NULL ? json_array_get_length (extensions) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *extension = jy_fhir_array_object (extensions, i, "extension", error);
      const char *url = NULL;
      const char *code = NULL;

      if (extension == NULL || !jy_fhir_read_string (extension, "url", &url, error))
        return FALSE;
      if (url == NULL)
        return invalid (error, "extension without url");

      if (g_str_equal (url, JY_FHIR_EXT_PAYMENT))
        {
          if (!jy_fhir_read_string (extension, "valueCode", &code, error))
            return FALSE;
          if (!is_code (code, 4))
            return invalid (error, "payment type");
          g_string_append_printf (insurance, "%s%s", insurance->len > 0 ? "," : "", code);
        }
      else if (g_str_equal (url, JY_FHIR_EXT_KEY_POPULATION))
        {
          if (!decode_tag (extension, record, error))
            return FALSE;
        }
      else if (g_str_equal (url, JY_FHIR_EXT_HOUSEHOLD))
        {
          JsonArray *subs = NULL;

          if (!read_sub_extensions (extension, &subs, error) ||
              !read_sub (subs, "id", "valueString", &r->household_id, error) ||
              !read_sub (subs, "relation", "valueCode", &r->relation_to_head, error))
            return FALSE;
        }
      else if (g_str_equal (url, JY_FHIR_EXT_RECORD_STATUS))
        {
          JsonArray *subs = NULL;

          if (!read_sub_extensions (extension, &subs, error) ||
              !read_sub (subs, "code", "valueCode", &r->status, error) ||
              !read_sub (subs, "date", "valueDate", &r->status_date, error) ||
              !read_sub (subs, "reason", "valueString", &r->status_reason, error))
            return FALSE;
        }
      else if (g_str_equal (url, JY_FHIR_EXT_CARE_TEAM))
        {
          JsonObject *reference = NULL;
          const char *target = NULL;

          if (!jy_fhir_read_object (extension, "valueReference", &reference, error) ||
              (reference != NULL && !jy_fhir_read_string (reference, "reference", &target, error)))
            return FALSE;
          if (target == NULL || !g_str_has_prefix (target, "CareTeam/") ||
              !jy_fhir_is_uuid (target + strlen ("CareTeam/")))
            return invalid (error, "care team reference");
          g_free (record->team_uuid);
          record->team_uuid = g_strdup (target + strlen ("CareTeam/"));
        }
      else
        {
          static const struct { const char *url; const char *member; gsize offset; } simple[] = {
            { JY_FHIR_EXT_SEX_CODE, "valueCode", G_STRUCT_OFFSET (JyResident, sex) },
            { JY_FHIR_EXT_ETHNICITY, "valueCode", G_STRUCT_OFFSET (JyResident, ethnicity) },
            { JY_FHIR_EXT_RESIDENCE_TYPE, "valueCode", G_STRUCT_OFFSET (JyResident, residence_type) },
            { JY_FHIR_EXT_ID_ORIGINAL, "valueString", G_STRUCT_OFFSET (JyResident, id_number_original) },
          };

          /* Unknown extensions are someone else's: ignored. */
          for (guint k = 0; k < G_N_ELEMENTS (simple); k++)
            if (g_str_equal (url, simple[k].url))
              {
                char **field = G_STRUCT_MEMBER_P (r, simple[k].offset);
                const char *value = NULL;

                if (!jy_fhir_read_string (extension, simple[k].member, &value, error))
                  return FALSE;
                g_free (*field);
                *field = g_strdup (value);
              }
        }
    }

  if (insurance->len > 0)
    r->insurance = g_strdup (insurance->str);
  return TRUE;
}

static gboolean
decode_identifiers (JsonObject           *resource,
                    JyFhirResident       *record,
                    const JyFhirOptions  *options,
                    GError              **error)
{
  JyResident *r = record->resident;
  JsonArray *identifiers = NULL;
  const char *id = NULL;
  guint n;

  if (!jy_fhir_read_string (resource, "id", &id, error) ||
      !jy_fhir_read_array (resource, "identifier", &identifiers, error))
    return FALSE;

  n = identifiers != NULL ? json_array_get_length (identifiers) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *identifier = jy_fhir_array_object (identifiers, i, "identifier", error);
      const char *system = NULL, *value = NULL;
      char **field = NULL;

      if (identifier == NULL ||
          !jy_fhir_read_string (identifier, "system", &system, error) ||
          !jy_fhir_read_string (identifier, "value", &value, error))
        return FALSE;
      if (g_strcmp0 (system, "urn:jiayi:resident") == 0)
        field = &r->uuid;
      else if (g_strcmp0 (system, options->id_number_system) == 0)
        field = &r->id_number;
      else if (g_strcmp0 (system, options->archive_no_system) == 0)
        field = &r->archive_no;
      if (field != NULL)
        {
          g_free (*field);
          *field = g_strdup (value);
        }
    }

  /* The platform may have assigned its own id (no update-as-create); the
   * identifier is what ties it to the row. */
  if (r->uuid == NULL && jy_fhir_is_uuid (id))
    r->uuid = g_strdup (id);
  if (r->uuid == NULL)
    {
      g_set_error_literal (error, JY_FHIR_ERROR, JY_FHIR_ERROR_NOT_OURS,
                           "Patient has no Jiayi identifier");
      return FALSE;
    }
  if (!jy_fhir_is_uuid (r->uuid))
    return invalid (error, "Jiayi identifier is not a uuid");
  if (r->id_number != NULL && strlen (r->id_number) > 18)
    return invalid (error, "ID number too long");
  if (r->archive_no != NULL && strlen (r->archive_no) > 32)
    return invalid (error, "archive number too long");
  return TRUE;
}

static gboolean
decode_contact (JsonObject  *resource,
                JyResident  *r,
                GError     **error)
{
  JsonArray *contacts = NULL, *telecom = NULL;
  JsonObject *contact, *name = NULL, *phone;
  const char *text = NULL, *value = NULL;

  if (!jy_fhir_read_array (resource, "contact", &contacts, error))
    return FALSE;
  if (contacts == NULL || json_array_get_length (contacts) == 0)
    return TRUE;
  if ((contact = jy_fhir_array_object (contacts, 0, "contact", error)) == NULL ||
      !jy_fhir_read_object (contact, "name", &name, error) ||
      (name != NULL && !jy_fhir_read_string (name, "text", &text, error)) ||
      !jy_fhir_read_array (contact, "telecom", &telecom, error))
    return FALSE;
  if (telecom != NULL && json_array_get_length (telecom) > 0)
    {
      if ((phone = jy_fhir_array_object (telecom, 0, "contact.telecom", error)) == NULL ||
          !jy_fhir_read_string (phone, "value", &value, error))
        return FALSE;
    }
  r->contact_name = g_strdup (text);
  r->contact_phone = g_strdup (value);
  return TRUE;
}

static gboolean
decode_addresses (JsonObject  *resource,
                  JyResident  *r,
                  GError     **error)
{
  JsonArray *addresses = NULL;
  guint n;

  if (!jy_fhir_read_array (resource, "address", &addresses, error))
    return FALSE;
  n = addresses != NULL ? json_array_get_length (addresses) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *address = jy_fhir_array_object (addresses, i, "address", error);
      JsonArray *extensions = NULL;
      JsonObject *area;
      const char *text = NULL, *code = NULL;

      if (address == NULL ||
          !jy_fhir_read_string (address, "text", &text, error) ||
          !jy_fhir_read_array (address, "extension", &extensions, error))
        return FALSE;
      if (jy_fhir_find_extension (extensions, JY_FHIR_EXT_REGISTERED) != NULL)
        {
          g_free (r->registered_address);
          r->registered_address = g_strdup (text);
          continue;
        }
      area = jy_fhir_find_extension (extensions, JY_FHIR_EXT_AREA_CODE);
      if (area != NULL && !jy_fhir_read_string (area, "valueCode", &code, error))
        return FALSE;
      if (code != NULL && (strlen (code) != 12 || strspn (code, "0123456789") != 12))
        return invalid (error, "area code");
      g_free (r->address_detail);
      r->address_detail = g_strdup (text);
      g_free (r->area_code);
      r->area_code = g_strdup (code);
    }
  return TRUE;
}

static gboolean
decode_basics (JsonObject  *resource,
               JyResident  *r,
               GError     **error)
{
  JsonArray *names = NULL, *telecom = NULL;
  JsonObject *name, *phone;
  const char *text = NULL, *gender = NULL, *birth = NULL, *value = NULL;

  if (!jy_fhir_read_array (resource, "name", &names, error) ||
      !jy_fhir_read_string (resource, "gender", &gender, error) ||
      !jy_fhir_read_string (resource, "birthDate", &birth, error) ||
      !jy_fhir_read_array (resource, "telecom", &telecom, error))
    return FALSE;

  if (names == NULL || json_array_get_length (names) == 0 ||
      (name = jy_fhir_array_object (names, 0, "name", error)) == NULL ||
      !jy_fhir_read_string (name, "text", &text, error))
    return error != NULL && *error != NULL ? FALSE : invalid (error, "no name");
  if (text == NULL || g_utf8_strlen (text, -1) > MAX_NAME_CHARS)
    return invalid (error, "name missing or too long");
  r->name = g_strdup (text);

  if (!jy_fhir_is_date (birth))
    return invalid (error, "birthDate missing or not a full date");
  r->birth_date = g_strdup (birth);

  /* The source code (extension) wins; gender alone maps back coarsely. */
  if (r->sex == NULL)
    {
      if (g_strcmp0 (gender, "male") == 0)
        r->sex = g_strdup ("1");
      else if (g_strcmp0 (gender, "female") == 0)
        r->sex = g_strdup ("2");
      else if (g_strcmp0 (gender, "other") == 0)
        r->sex = g_strdup ("9");
      else
        r->sex = g_strdup ("0");
    }
  if (!g_strv_contains ((const char *const[]) { "0", "1", "2", "9", NULL }, r->sex))
    return invalid (error, "sex code");

  if (telecom != NULL && json_array_get_length (telecom) > 0)
    {
      if ((phone = jy_fhir_array_object (telecom, 0, "telecom", error)) == NULL ||
          !jy_fhir_read_string (phone, "value", &value, error))
        return FALSE;
      if (value != NULL && strlen (value) > 32)
        return invalid (error, "phone too long");
      r->phone = g_strdup (value);
    }
  return TRUE;
}

static gpointer
resident_decode (JsonObject           *resource,
                 const JyFhirOptions  *options,
                 GError              **error)
{
  g_autoptr(JyFhirResident) record = jy_fhir_resident_new ();
  JyResident *r = record->resident;
  JsonObject *organization = NULL;
  const char *reference = NULL;

  g_clear_pointer (&r->status, g_free);
  if (!decode_identifiers (resource, record, options, error) ||
      !decode_extensions (resource, record, error) ||
      !decode_basics (resource, r, error) ||
      !decode_addresses (resource, r, error) ||
      !decode_contact (resource, r, error) ||
      !jy_fhir_read_object (resource, "managingOrganization", &organization, error) ||
      (organization != NULL && !jy_fhir_read_string (organization, "reference", &reference, error)))
    return NULL;

  if (reference != NULL && g_str_has_prefix (reference, "Organization/") &&
      jy_fhir_is_uuid (reference + strlen ("Organization/")))
    record->centre_uuid = g_strdup (reference + strlen ("Organization/"));

  if (r->status == NULL)
    r->status = g_strdup ("active");
  if (!g_strv_contains ((const char *const[]) { "active", "moved-out", "dead", "lost", "voided", NULL },
                        r->status))
    return invalid (error, "record status"), NULL;
  if (r->status_date != NULL && !jy_fhir_is_date (r->status_date))
    return invalid (error, "status date"), NULL;
  if (r->residence_type != NULL && !g_str_equal (r->residence_type, "1") &&
      !g_str_equal (r->residence_type, "2"))
    return invalid (error, "residence type"), NULL;
  if ((r->ethnicity != NULL && !is_code (r->ethnicity, 4)) ||
      (r->relation_to_head != NULL && !is_code (r->relation_to_head, 4)) ||
      (r->household_id != NULL && !jy_fhir_is_uuid (r->household_id)))
    return invalid (error, "code or household"), NULL;

  return g_steal_pointer (&record);
}

static const char *
resident_get_uuid (gconstpointer record)
{
  return ((const JyFhirResident *)record)->resident->uuid;
}

/* Store half: jy-fhir-codec-resident-store.c */
gpointer jy_fhir_resident_load        (JyDb        *db,
                                       const char  *uuid,
                                       char       **remote_version,
                                       GError     **error);
gboolean jy_fhir_resident_apply       (JyDb        *db,
                                       gpointer     record,
                                       const char  *version,
                                       GError     **error);
gboolean jy_fhir_resident_set_version (JyDb        *db,
                                       const char  *uuid,
                                       const char  *version,
                                       GError     **error);

const JyFhirCodec jy_fhir_codec_resident = {
  .entity = "resident",
  .resource_type = "Patient",
  .rank = 30,
  .pull = TRUE,
  .centre_param = "organization",
  .child_entity = "resident_tag",
  .version_sql = "SELECT remote_version FROM resident WHERE uuid = ?1",
  .label_sql = "SELECT name FROM resident WHERE uuid = ?1",
  .parent_sql =
    "SELECT r.uuid FROM resident_tag t JOIN resident r ON r.id = t.resident_id WHERE t.uuid = ?1",
  .children_sql =
    "SELECT t.uuid FROM resident_tag t JOIN resident r ON r.id = t.resident_id WHERE r.uuid = ?1",
  .encode = resident_encode,
  .decode = resident_decode,
  .free_record = (void (*) (gpointer))jy_fhir_resident_free,
  .get_uuid = resident_get_uuid,
  .load = jy_fhir_resident_load,
  .apply = jy_fhir_resident_apply,
  .set_version = jy_fhir_resident_set_version,
};
