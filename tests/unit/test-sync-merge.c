/* test-sync-merge.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mine and theirs field by field, and the merge the conflict inbox sends.
 */

#include "config.h"

#include <string.h>

#include "jy-sync-merge.h"

static const char mine[] =
  "{\"resourceType\":\"Patient\",\"id\":\"u1\",\"meta\":{\"versionId\":\"1\"},"
  "\"name\":[{\"text\":\"测试乙\"}],\"gender\":\"male\",\"birthDate\":\"1950-01-02\","
  "\"telecom\":[{\"system\":\"phone\",\"value\":\"13900000001\"}],"
  "\"extension\":[{\"url\":\"urn:a\",\"valueCode\":\"1\"},{\"url\":\"urn:tag\",\"valueString\":\"x\"},"
  "{\"url\":\"urn:tag\",\"valueString\":\"y\"}]}";
static const char theirs[] =
  "{\"resourceType\":\"Patient\",\"id\":\"u1\",\"meta\":{\"versionId\":\"2\"},"
  "\"name\":[{\"text\":\"测试丙\"}],\"gender\":\"male\",\"birthDate\":\"1950-03-04\","
  "\"extension\":[{\"url\":\"urn:a\",\"valueCode\":\"2\"},{\"url\":\"urn:tag\",\"valueString\":\"x\"}],"
  "\"deceasedDateTime\":\"2026-01-01\"}";

static JySyncField *
field (GPtrArray  *fields,
       const char *key)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((JySyncField *)g_ptr_array_index (fields, i))->key, key))
      return g_ptr_array_index (fields, i);
  return NULL;
}

static void
test_compare_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = jy_sync_fields_compare (mine, theirs, &error);

  g_assert_no_error (error);
  g_assert_null (field (fields, "id"));
  g_assert_null (field (fields, "meta"));
  g_assert_null (field (fields, "resourceType"));
  g_assert_true (field (fields, "name")->differs);
  g_assert_false (field (fields, "gender")->differs);
  g_assert_true (field (fields, "birthDate")->differs);
  g_assert_true (field (fields, "telecom")->differs);
  g_assert_null (field (fields, "telecom")->theirs);
  g_assert_true (field (fields, "deceasedDateTime")->differs);
  g_assert_null (field (fields, "deceasedDateTime")->mine);
  /* Extensions one field per url; a url's several extensions together. */
  g_assert_true (field (fields, "extension:urn:a")->differs);
  g_assert_true (field (fields, "extension:urn:tag")->differs);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (field (fields, "extension:urn:tag")->mine)), ==, 2);
  g_assert_null (field (fields, "extension"));
}

static void
test_merge_takes_chosen_fields (void)
{
  const char *take[] = { "telecom", "extension:urn:tag", "deceasedDateTime", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = jy_sync_fields_merge (mine, theirs, take, &error);
  g_autoptr(GPtrArray) against_mine = NULL;
  g_autoptr(GPtrArray) against_theirs = NULL;

  g_assert_no_error (error);
  against_mine = jy_sync_fields_compare (mine, merged, &error);
  against_theirs = jy_sync_fields_compare (theirs, merged, &error);
  g_assert_no_error (error);
  /* Mine's where chosen (absent ones removed), theirs elsewhere. */
  g_assert_false (field (against_mine, "telecom")->differs);
  g_assert_false (field (against_mine, "extension:urn:tag")->differs);
  g_assert_null (field (against_mine, "deceasedDateTime"));
  g_assert_false (field (against_theirs, "name")->differs);
  g_assert_false (field (against_theirs, "birthDate")->differs);
  g_assert_false (field (against_theirs, "extension:urn:a")->differs);
  /* Theirs' id and version stay. */
  g_assert_nonnull (strstr (merged, "\"versionId\":\"2\""));
  g_assert_nonnull (strstr (merged, "\"id\":\"u1\""));
}

static void
test_merge_nothing_is_theirs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = jy_sync_fields_merge (mine, theirs, NULL, &error);
  g_autoptr(GPtrArray) fields = jy_sync_fields_compare (theirs, merged, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < fields->len; i++)
    g_assert_false (((JySyncField *)g_ptr_array_index (fields, i))->differs);
}

static void
test_hostile_input_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = jy_sync_fields_compare ("[1,2]", theirs, &error);

  g_assert_null (fields);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (jy_sync_fields_merge (mine, "{\"name\":", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (jy_sync_fields_merge (mine, "\xff\xfe", NULL, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-merge/compare/fields differ one by one", test_compare_fields);
  g_test_add_func ("/sync-merge/merge/chosen fields are mine", test_merge_takes_chosen_fields);
  g_test_add_func ("/sync-merge/merge/nothing chosen is theirs", test_merge_nothing_is_theirs);
  g_test_add_func ("/sync-merge/input/not an object refused", test_hostile_input_refused);
  return g_test_run ();
}
