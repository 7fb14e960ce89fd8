/* jy-sync-field-text.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the conflict view shows of a FHIR field (jy-sync-merge.h): a
 * translated label for the key, and the value as words. ID numbers are
 * masked unless @full_id_numbers. */
const char *jy_sync_field_label       (const char *key);
char       *jy_sync_field_value_text  (const char *key,
                                       JsonNode   *value,
                                       gboolean    full_id_numbers);
/* The name inside a Patient's JSON (name[0].text), for a record that is
 * not stored here; NULL if none. */
char       *jy_sync_resource_name     (const char *json);
const char *jy_sync_entity_label      (const char *entity);

G_END_DECLS
