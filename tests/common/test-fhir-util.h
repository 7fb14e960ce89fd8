/* test-fhir-util.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "jy-fhir-codec.h"

G_BEGIN_DECLS

/* The codec tests' shared steps: JSON text through a codec and back, and
 * what one JSONPath of the result says. */
gpointer  jy_test_fhir_decode     (const JyFhirCodec  *codec,
                                   const char         *text,
                                   GError            **error);
/* Decodes @text (asserting it is accepted) and encodes the record again. */
JsonNode *jy_test_fhir_round_trip (const JyFhirCodec  *codec,
                                   const char         *text);
/* The first match of @path as text (strings, numbers, booleans), or NULL. */
char     *jy_test_fhir_at_path    (JsonNode           *node,
                                   const char         *path);

#define jy_test_assert_fhir_path(node, path, expected) \
  G_STMT_START { \
    g_autofree char *value_ = jy_test_fhir_at_path ((node), (path)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

G_END_DECLS
