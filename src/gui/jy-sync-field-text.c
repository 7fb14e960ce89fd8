/* jy-sync-field-text.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-sync-field-text.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jy-fhir-codec.h"
#include "jy-gui-format.h"
#include "jy-person.h"

typedef struct
{
  const char *key;
  const char *label;
} FieldLabel;

/* N_(): translated when shown. Patient members, then Jiayi's extensions. */
static const FieldLabel labels[] = {
  { "name", NC_("sync field", "Name") },
  { "identifier", NC_("sync field", "ID and record numbers") },
  { "telecom", NC_("sync field", "Phone") },
  { "gender", NC_("sync field", "Gender") },
  { "birthDate", NC_("sync field", "Date of birth") },
  { "deceasedDateTime", NC_("sync field", "Date of death") },
  { "address", NC_("sync field", "Address") },
  { "contact", NC_("sync field", "Contact person") },
  { "active", NC_("sync field", "Active") },
  { "managingOrganization", NC_("sync field", "Centre") },
  { "extension:urn:jiayi:ext:sex-code", NC_("sync field", "Sex") },
  { "extension:urn:jiayi:ext:ethnicity", NC_("sync field", "Ethnicity") },
  { "extension:urn:jiayi:ext:residence-type", NC_("sync field", "Residence type") },
  { "extension:urn:jiayi:ext:payment-type", NC_("sync field", "Medical payment") },
  { "extension:urn:jiayi:ext:household", NC_("sync field", "Household") },
  { "extension:urn:jiayi:ext:id-number-original", NC_("sync field", "ID number as written") },
  { "extension:urn:jiayi:ext:record-status", NC_("sync field", "Record status") },
  { "extension:urn:jiayi:ext:care-team", NC_("sync field", "Care team") },
  { "extension:urn:jiayi:ext:key-population", NC_("sync field", "Key populations") },
  /* Long prescriptions and their dispenses. */
  { "extension:urn:jiayi:ext:row-status", NC_("sync field", "Record status") },
  { "extension:urn:jiayi:ext:long-rx", NC_("sync field", "Prescription details") },
  { "statusReason", NC_("sync field", "Stop reason") },
  { "dispenseRequest", NC_("sync field", "Supply") },
  { "extension:urn:jiayi:ext:long-rx-dispense", NC_("sync field", "Instalment and authorisation") },
  /* Members every other record type shares. */
  { "status", NC_("sync field", "Status") },
  { "intent", NC_("sync field", "Kind of request") },
  { "category", NC_("sync field", "Category") },
  { "type", NC_("sync field", "Type") },
  { "class", NC_("sync field", "Type") },
  { "code", NC_("sync field", "Item") },
  { "subject", NC_("sync field", "Resident") },
  { "patient", NC_("sync field", "Resident") },
  { "authoredOn", NC_("sync field", "Issued on") },
  { "requester", NC_("sync field", "Issued by") },
  { "performer", NC_("sync field", "Done by") },
  { "participant", NC_("sync field", "Staff") },
  { "careManager", NC_("sync field", "Responsible doctor") },
  { "team", NC_("sync field", "Team") },
  { "period", NC_("sync field", "Period") },
  { "performedDateTime", NC_("sync field", "Time") },
  { "effectiveDateTime", NC_("sync field", "Time") },
  { "whenHandedOver", NC_("sync field", "Handed over") },
  { "sent", NC_("sync field", "Time") },
  { "medium", NC_("sync field", "Channel") },
  { "payload", NC_("sync field", "Content") },
  { "note", NC_("sync field", "Note") },
  { "onsetDateTime", NC_("sync field", "Diagnosed on") },
  { "recordedDate", NC_("sync field", "Enrolled on") },
  { "abatementDateTime", NC_("sync field", "Ended on") },
  { "episodeOfCare", NC_("sync field", "Home bed or contract") },
  { "medicationReference", NC_("sync field", "Drug") },
  { "reasonCode", NC_("sync field", "Diagnosis") },
  { "priorPrescription", NC_("sync field", "Renews") },
  { "authorizingPrescription", NC_("sync field", "Prescription") },
  { "daysSupply", NC_("sync field", "Days supplied") },
  { "referralRequest", NC_("sync field", "Application") },
  { "title", NC_("sync field", "Title") },
  { "version", NC_("sync field", "Version") },
  { "action", NC_("sync field", "Items") },
  { "courseOfTherapyType", NC_("sync field", "Course") },
  { "dosageInstruction", NC_("sync field", "Dosage") },
};

const char *
jy_sync_field_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return g_dpgettext2 (NULL, "sync field", labels[i].label);
  return key;
}

typedef struct
{
  const char *entity;
  const char *label;
} EntityLabel;

/* Every outbox entity, child rows under their parent's name (their
 * entries push the parent). */
static const EntityLabel entities[] = {
  { "resident", NC_("record kind", "Resident") },
  { "resident_tag", NC_("record kind", "Resident") },
  { "site", NC_("record kind", "Centre") },
  { "staff", NC_("record kind", "Staff member") },
  { "team", NC_("record kind", "Team") },
  { "team_member", NC_("record kind", "Team") },
  { "chronic_enrolment", NC_("record kind", "Chronic-care enrolment") },
  { "followup", NC_("record kind", "Follow-up") },
  { "followup_drug", NC_("record kind", "Follow-up") },
  { "contract", NC_("record kind", "Contract") },
  { "contract_package", NC_("record kind", "Contract") },
  { "contact_log", NC_("record kind", "Contact") },
  { "service_package", NC_("record kind", "Service package") },
  { "service_delivery", NC_("record kind", "Service delivered") },
  { "long_rx", NC_("record kind", "Long prescription") },
  { "long_rx_dispense", NC_("record kind", "Long prescription dispense") },
  { "drug", NC_("record kind", "Drug catalogue") },
  { "home_bed", NC_("record kind", "Home bed") },
  { "home_bed_renewal", NC_("record kind", "Home bed") },
  { "home_bed_application", NC_("record kind", "Home-bed application") },
  { "home_bed_assessment", NC_("record kind", "Home-bed assessment") },
  { "home_bed_round", NC_("record kind", "Ward round") },
  { "home_bed_policy", NC_("record kind", "Home-bed settings") },
};

const char *
jy_sync_entity_label (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].entity, entity) == 0)
      return g_dpgettext2 (NULL, "record kind", entities[i].label);
  return entity;
}

static gboolean
looks_like_id_number (const char *text)
{
  gsize length = strlen (text);

  if (length != 15 && length != 18)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(i == length - 1 && (text[i] == 'X' || text[i] == 'x')))
      return FALSE;
  return TRUE;
}

/* Words of a value: its scalar leaves, minus the machinery (urls, code
 * systems, uses, Jiayi's own uuid identifier). */
/* Codes in words where the app has words for them. */
static const char *
code_text (const char *key,
           const char *member,
           const char *code)
{
  if (g_strcmp0 (key, "gender") == 0)
    {
      if (g_str_equal (code, "male"))
        return C_("sex", "Male");
      if (g_str_equal (code, "female"))
        return C_("sex", "Female");
      return C_("sex", "Unknown");
    }
  if (g_strcmp0 (key, "status") == 0 || g_strcmp0 (key, "intent") == 0)
    {
      /* FHIR's status codes, as Jiayi's screens say them. */
      static const struct { const char *code; const char *text; } codes[] = {
        { "active", NC_("fhir status", "In force") },
        { "completed", NC_("fhir status", "Completed") },
        { "finished", NC_("fhir status", "Ended") },
        { "stopped", NC_("fhir status", "Stopped") },
        { "cancelled", NC_("fhir status", "Cancelled") },
        { "revoked", NC_("fhir status", "Withdrawn") },
        { "retired", NC_("fhir status", "No longer offered") },
        { "draft", NC_("fhir status", "Draft") },
        { "in-progress", NC_("fhir status", "In progress") },
        { "entered-in-error", NC_("fhir status", "Entered in error") },
        { "order", NC_("fhir status", "Order") },
        { "proposal", NC_("fhir status", "Application") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        if (g_str_equal (code, codes[i].code))
          return g_dpgettext2 (NULL, "fhir status", codes[i].text);
      return NULL;
    }
  if (g_strcmp0 (member, "valueCode") != 0)
    return NULL;
  if (g_strcmp0 (key, "extension:urn:jiayi:ext:sex-code") == 0)
    return jy_gui_format_sex (code);
  if (g_strcmp0 (key, "extension:urn:jiayi:ext:record-status") == 0)
    return g_str_equal (code, "active") ? C_("record status", "In care") : jy_gui_format_status (code);
  return NULL;
}

static void
collect (JsonNode   *node,
         const char *key,
         const char *member,
         gboolean    full_id_numbers,
         GString    *out)
{
  if (node == NULL)
    return;
  if (member != NULL && (g_str_equal (member, "url") || g_str_equal (member, "system") ||
                         g_str_equal (member, "use")))
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect (json_array_get_element (array, i), key, NULL, full_id_numbers, out);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      /* A row's own uuid identifier (urn:jiayi:resident, urn:jiayi:long_rx …). */
      if (g_str_has_prefix (json_object_get_string_member_with_default (object, "system", ""), "urn:jiayi:") &&
          g_uuid_string_is_valid (json_object_get_string_member_with_default (object, "value", "")))
        return;
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        collect (json_object_get_member (object, l->data), key, l->data, full_id_numbers, out);
    }
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      g_autofree char *text = NULL;
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (node);
          const char *words = code_text (key, member, s);

          text = words != NULL ? g_strdup (words) : !full_id_numbers && looks_like_id_number (s) ? jy_person_mask_id_number (s) : g_strdup (s);
        }
      else if (type == G_TYPE_BOOLEAN)
        text = g_strdup (json_node_get_boolean (node) ? C_("sync value", "Yes") : C_("sync value", "No"));
      else if (type == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        text = g_strdup_printf ("%g", json_node_get_double (node));
      if (text == NULL || text[0] == '\0')
        return;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, text);
    }
}

char *
jy_sync_field_value_text (const char *key,
                          JsonNode   *value,
                          gboolean    full_id_numbers)
{
  GString *out = g_string_new (NULL);

  collect (value, key, key, full_id_numbers, out);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      /* Translators: a field the record does not have */
      return g_strdup (C_("sync value", "(empty)"));
    }
  return g_string_free (out, FALSE);
}

char *
jy_sync_resource_name (const char *json)
{
  g_autoptr(JsonNode) root = json != NULL ? jy_fhir_parse (json, strlen (json), JY_FHIR_MAX_BUNDLE_BYTES, NULL) : NULL;
  JsonNode *names;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  names = json_object_get_member (json_node_get_object (root), "name");
  if (names == NULL || !JSON_NODE_HOLDS_ARRAY (names) || json_array_get_length (json_node_get_array (names)) == 0)
    {
      /* No name: a record's own number (a prescription's, a contract's). */
      static const char *const numbers[] = { "urn:jiayi:rx-no", "urn:jiayi:contract-no", NULL };
      JsonNode *identifiers = json_object_get_member (json_node_get_object (root), "identifier");
      JsonArray *array = identifiers != NULL && JSON_NODE_HOLDS_ARRAY (identifiers) ?
                         json_node_get_array (identifiers) : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *identifier = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          const char *system = identifier != NULL ?
                               json_object_get_string_member_with_default (identifier, "system", "") : "";

          if (g_strv_contains (numbers, system))
            return g_strdup (json_object_get_string_member_with_default (identifier, "value", NULL));
        }
      return NULL;
    }
  {
    JsonNode *first = json_array_get_element (json_node_get_array (names), 0);

    if (!JSON_NODE_HOLDS_OBJECT (first))
      return NULL;
    return g_strdup (json_object_get_string_member_with_default (json_node_get_object (first), "text", NULL));
  }
}
