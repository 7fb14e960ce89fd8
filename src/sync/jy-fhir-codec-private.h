/* jy-fhir-codec-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-fhir-codec.h"

G_BEGIN_DECLS

/* Helpers for the per-entity codecs: careful readers (every accessor
 * checks the node's type, returns NULL/FALSE and sets @error instead of
 * trusting the input) and small builders. */

/* Optional string member: TRUE with *out NULL when absent or null; FALSE
 * with an error if present but not a string, over JY_FHIR_MAX_STRING, or
 * with control characters. *out is borrowed. */
gboolean    jy_fhir_read_string     (JsonObject   *object,
                                     const char   *member,
                                     const char  **out,
                                     GError      **error);
/* Optional object / array member (borrowed). */
gboolean    jy_fhir_read_object     (JsonObject   *object,
                                     const char   *member,
                                     JsonObject  **out,
                                     GError      **error);
gboolean    jy_fhir_read_array      (JsonObject   *object,
                                     const char   *member,
                                     JsonArray   **out,
                                     GError      **error);
/* Array element that must be an object. */
JsonObject *jy_fhir_array_object    (JsonArray    *array,
                                     guint         index,
                                     const char   *what,
                                     GError      **error);

gboolean    jy_fhir_is_uuid         (const char   *text);
gboolean    jy_fhir_is_date         (const char   *text);
/* A FHIR date of full precision that the local store accepts (YYYY-MM-DD). */

/* The extension with @url among @extensions (first one), or NULL. */
JsonObject *jy_fhir_find_extension  (JsonArray    *extensions,
                                     const char   *url);

void        jy_fhir_add_string      (JsonBuilder  *builder,
                                     const char   *member,
                                     const char   *value);
void        jy_fhir_add_identifier  (JsonBuilder  *builder,
                                     const char   *system,
                                     const char   *value);
/* {url, value<type>: value} when value is not NULL. */
void        jy_fhir_add_extension   (JsonBuilder  *builder,
                                     const char   *url,
                                     const char   *value_type,
                                     const char   *value);

char       *jy_fhir_jiayi_system    (const char   *entity);

G_END_DECLS
