/* jy-resident-import.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-resident-import.h"

#include "jy-clock.h"
#include "jy-idcard.h"
#include "jy-resident-import-private.h"
#include "jy-resident-store.h"
#include "jy-resident.h"
#include "jy-store.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define PROGRESS_STEP 500

/* Communities ------------------------------------------------------------ */

/* How a community is written in a file or in address_area, reduced to what
 * tells them apart: "海韵社区居委会" and "海韵 社区" are 海韵社区. */
static char *
community_key (const char *name)
{
  static const char *const suffixes[] = { "居民委员会", "村民委员会", "居委会", "村委会" };
  g_autofree char *nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  GString *key = g_string_new (NULL);

  for (const char *p = nfkc != NULL ? nfkc : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (key->len > strlen (suffixes[i]) && g_str_has_suffix (key->str, suffixes[i]))
      {
        g_string_truncate (key, key->len - strlen (suffixes[i]));
        break;
      }

  return g_string_free (key, FALSE);
}

typedef struct
{
  GHashTable *codes;   /* 12-digit code -> itself */
  GHashTable *names;   /* community_key -> code, or "" when several share it */
} Communities;

static void
communities_clear (Communities *communities)
{
  g_clear_pointer (&communities->codes, g_hash_table_unref);
  g_clear_pointer (&communities->names, g_hash_table_unref);
}

static gboolean
communities_load (Communities  *communities,
                  JyDb         *db,
                  GError      **error)
{
  static const char sql[] =
    "SELECT code, name FROM address_area WHERE level = 5";
  sqlite3_stmt *stmt;
  int rc;

  communities->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  communities->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char *code = jy_db_column_dup_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      char *key = community_key (name != NULL ? name : "");

      g_hash_table_insert (communities->codes, code, code);
      if (g_hash_table_contains (communities->names, key))
        g_hash_table_insert (communities->names, key, (gpointer)"");
      else
        g_hash_table_insert (communities->names, key, code);
    }
  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Returns: (transfer none): the community's code, or %NULL with @out_kind
 * saying why not. */
static const char *
communities_find (Communities        *communities,
                  const char         *value,
                  JyImportIssueKind  *out_kind)
{
  g_autofree char *key = community_key (value);
  const char *code;

  if (strlen (key) == 12 && strspn (key, "0123456789") == 12)
    code = g_hash_table_lookup (communities->codes, key);
  else
    code = g_hash_table_lookup (communities->names, key);

  if (code == NULL)
    {
      *out_kind = JY_IMPORT_ISSUE_COMMUNITY_UNKNOWN;
      return NULL;
    }
  if (code[0] == '\0')
    {
      *out_kind = JY_IMPORT_ISSUE_COMMUNITY_AMBIGUOUS;
      return NULL;
    }
  return code;
}

/* One import --------------------------------------------------------------- */

typedef struct
{
  JyDb            *db;
  const GDate     *today;
  JyImportReport  *report;
  Communities      communities;
  GHashTable      *imported_ids;   /* ID number -> line it was imported from */
  GHashTable      *last_serials;   /* community code -> last archive serial given */
  GArray          *pending;        /* JyImportIssue of the current record */
  gboolean         rejected;
  guint            line;
} Import;

static void
import_clear (Import *im)
{
  communities_clear (&im->communities);
  g_clear_pointer (&im->imported_ids, g_hash_table_unref);
  g_clear_pointer (&im->last_serials, g_hash_table_unref);
  g_clear_pointer (&im->pending, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
add_issue (Import            *im,
           JyImportIssueKind  kind,
           guint              other_line)
{
  JyImportIssue issue = { im->line, kind, other_line, NULL };

  if (kind < JY_IMPORT_FIRST_NOTE)
    im->rejected = TRUE;
  g_array_append_val (im->pending, issue);
}

/* A rejected record reports why; an imported one, what was changed. */
static void
flush_issues (Import *im)
{
  for (guint i = 0; i < im->pending->len; i++)
    {
      JyImportIssue *issue = &g_array_index (im->pending, JyImportIssue, i);

      if ((issue->kind < JY_IMPORT_FIRST_NOTE) == im->rejected)
        g_array_append_val (im->report->issues, *issue);
    }
  g_array_set_size (im->pending, 0);
}

/* The rules are core's (jy_resident_validate); this only says them in the
 * words of an import. */
static JyImportIssueKind
issue_for_problem (const JyResidentProblem *problem)
{
  switch (problem->kind)
    {
    case JY_RESIDENT_PROBLEM_REQUIRED:
      if (problem->field == JY_RESIDENT_FIELD_NAME)
        return JY_IMPORT_ISSUE_NAME_MISSING;
      if (problem->field == JY_RESIDENT_FIELD_SEX)
        return JY_IMPORT_ISSUE_SEX_MISSING;
      if (problem->field == JY_RESIDENT_FIELD_BIRTH_DATE)
        return JY_IMPORT_ISSUE_BIRTH_DATE_MISSING;
      return JY_IMPORT_ISSUE_INVALID;
    case JY_RESIDENT_PROBLEM_TOO_LONG:
      return JY_IMPORT_ISSUE_NAME_TOO_LONG;
    case JY_RESIDENT_PROBLEM_INVALID:
      switch (problem->field)
        {
        case JY_RESIDENT_FIELD_SEX:
          return JY_IMPORT_ISSUE_SEX_INVALID;
        case JY_RESIDENT_FIELD_BIRTH_DATE:
          return JY_IMPORT_ISSUE_BIRTH_DATE_INVALID;
        case JY_RESIDENT_FIELD_PHONE:
          return JY_IMPORT_ISSUE_PHONE_INVALID;
        case JY_RESIDENT_FIELD_CONTACT_PHONE:
          return JY_IMPORT_ISSUE_CONTACT_PHONE_INVALID;
        case JY_RESIDENT_FIELD_AREA:
          return JY_IMPORT_ISSUE_COMMUNITY_UNKNOWN;
        case JY_RESIDENT_FIELD_NAME:
        case JY_RESIDENT_FIELD_ID_NUMBER:
        case JY_RESIDENT_FIELD_STATUS_DATE:
        default:
          return JY_IMPORT_ISSUE_INVALID;
        }
    case JY_RESIDENT_PROBLEM_FUTURE:
      return JY_IMPORT_ISSUE_BIRTH_DATE_FUTURE;
    case JY_RESIDENT_PROBLEM_ID_FORMAT:
    case JY_RESIDENT_PROBLEM_ID_LEGACY:
      return JY_IMPORT_ISSUE_ID_FORMAT;
    case JY_RESIDENT_PROBLEM_ID_AREA:
      return JY_IMPORT_ISSUE_ID_AREA;
    case JY_RESIDENT_PROBLEM_ID_BIRTH:
      return JY_IMPORT_ISSUE_ID_BIRTH;
    case JY_RESIDENT_PROBLEM_ID_CHECK:
      return JY_IMPORT_ISSUE_ID_CHECK;
    case JY_RESIDENT_PROBLEM_MISMATCH_ID:
    default:
      /* The import settles mismatches before validating: not reached. */
      return JY_IMPORT_ISSUE_INVALID;
    }
}

static JyImportIssueKind
issue_for_idcard_status (int status)
{
  switch (status)
    {
    case JY_IDCARD_ERR_AREA:
      return JY_IMPORT_ISSUE_ID_AREA;
    case JY_IDCARD_ERR_BIRTH:
      return JY_IMPORT_ISSUE_ID_BIRTH;
    case JY_IDCARD_ERR_CHECK:
      return JY_IMPORT_ISSUE_ID_CHECK;
    default:
      return JY_IMPORT_ISSUE_ID_FORMAT;
    }
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A trimmed copy of the record's value for @column; %NULL when empty. A
 * later column of the same kind fills in where an earlier one is empty. */
static char *
dup_value (JyCsvReader           *reader,
           const JyImportMapping *mapping,
           JyCsvColumn            column)
{
  for (guint i = 0; i < mapping->n_columns; i++)
    {
      g_autofree char *value = NULL;

      if (mapping->columns[i] != column)
        continue;
      value = g_strstrip (g_strdup (jy_csv_reader_get_field (reader, i)));

      /* jy_resident_export_csv() guards text a spreadsheet would run as a
       * formula with an apostrophe; take it off again. */
      if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@", value[1]) != NULL)
        memmove (value, value + 1, strlen (value));

      if (value[0] != '\0')
        return g_steal_pointer (&value);
    }
  return NULL;
}

/* The ID number wins over the file's sex and birth date (domain.md §1.2
 * rule 7); on import the user is told rather than asked. */
static void
settle_with_id (Import     *im,
                JyResident *r)
{
  GDate birth;
  char iso[11];
  char sex[2] = { 0 };

  if (!jy_idcard_get_birth_date (r->id_number, &birth))
    return;

  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&birth),
              g_date_get_month (&birth), g_date_get_day (&birth));
  if (r->birth_date != NULL && !g_str_equal (r->birth_date, iso))
    add_issue (im, JY_IMPORT_ISSUE_BIRTH_DATE_FROM_ID, 0);
  replace (&r->birth_date, iso);

  sex[0] = '0' + jy_idcard_get_sex (r->id_number);
  if (r->sex != NULL && !g_str_equal (r->sex, sex))
    add_issue (im, JY_IMPORT_ISSUE_SEX_FROM_ID, 0);
  replace (&r->sex, sex);
}

static void
read_record (Import                *im,
             JyCsvReader           *reader,
             const JyImportMapping *mapping,
             JyResident            *r)
{
  g_autofree char *sex = dup_value (reader, mapping, JY_CSV_COLUMN_SEX);
  g_autofree char *birth = dup_value (reader, mapping, JY_CSV_COLUMN_BIRTH_DATE);
  g_autofree char *community = dup_value (reader, mapping, JY_CSV_COLUMN_COMMUNITY);
  g_autofree char *residence = dup_value (reader, mapping, JY_CSV_COLUMN_RESIDENCE_TYPE);
  g_autofree char *ethnicity = dup_value (reader, mapping, JY_CSV_COLUMN_ETHNICITY);
  char iso[11];

  r->name = dup_value (reader, mapping, JY_CSV_COLUMN_NAME);
  r->id_number = dup_value (reader, mapping, JY_CSV_COLUMN_ID_NUMBER);
  r->phone = dup_value (reader, mapping, JY_CSV_COLUMN_PHONE);
  r->contact_name = dup_value (reader, mapping, JY_CSV_COLUMN_CONTACT_NAME);
  r->contact_phone = dup_value (reader, mapping, JY_CSV_COLUMN_CONTACT_PHONE);
  r->address_detail = dup_value (reader, mapping, JY_CSV_COLUMN_ADDRESS);
  r->registered_address = dup_value (reader, mapping, JY_CSV_COLUMN_REGISTERED_ADDRESS);
  r->archive_no = dup_value (reader, mapping, JY_CSV_COLUMN_ARCHIVE_NO);

  /* What no way of writing matches goes to core as written, which then
   * says what is wrong with it. */
  if (sex != NULL)
    r->sex = g_strdup (jy_csv_parse_sex (sex) != NULL ? jy_csv_parse_sex (sex) : sex);
  if (birth != NULL)
    r->birth_date = g_strdup (jy_csv_parse_date (birth, iso) ? iso : birth);

  if (residence != NULL && (r->residence_type = g_strdup (jy_csv_parse_residence_type (residence))) == NULL)
    add_issue (im, JY_IMPORT_ISSUE_RESIDENCE_TYPE_IGNORED, 0);
  if (ethnicity != NULL && (r->ethnicity = g_strdup (jy_csv_parse_ethnicity (ethnicity))) == NULL)
    add_issue (im, JY_IMPORT_ISSUE_ETHNICITY_IGNORED, 0);

  if (community != NULL)
    {
      JyImportIssueKind why = JY_IMPORT_ISSUE_COMMUNITY_UNKNOWN;
      const char *code = communities_find (&im->communities, community, &why);

      if (code != NULL)
        r->area_code = g_strdup (code);
      else
        add_issue (im, why, 0);
    }
}

/* Settles the ID number: a legacy one converted, sex and birth date from a
 * valid one. */
static void
read_id_number (Import     *im,
                JyResident *r)
{
  JyIdcardStatus status;

  if (r->id_number == NULL)
    return;

  status = jy_idcard_validate (r->id_number, im->today);
  if (status == JY_IDCARD_ERR_LEGACY)
    {
      g_autoptr(GError) local_error = NULL;
      char *upgraded = jy_idcard_upgrade_legacy (r->id_number, &local_error);

      if (upgraded == NULL)
        {
          /* Reported here; core need not see the number again. */
          add_issue (im, issue_for_idcard_status (local_error->code), 0);
          g_clear_pointer (&r->id_number, g_free);
          return;
        }

      g_free (r->id_number_original);
      r->id_number_original = g_steal_pointer (&r->id_number);
      r->id_number = upgraded;
      add_issue (im, JY_IMPORT_ISSUE_ID_LEGACY_CONVERTED, 0);
      status = jy_idcard_validate (r->id_number, im->today);
    }

  if (status == JY_IDCARD_OK)
    settle_with_id (im, r);
}

static gboolean
archive_no_taken (Import      *im,
                  const char  *archive_no,
                  gboolean    *out_taken,
                  GError     **error)
{
  static const char sql[] = "SELECT count(*) FROM resident WHERE archive_no = ?1";
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (im->db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, archive_no, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (im->db, stmt, error)) < 0)
    return FALSE;
  *out_taken = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Checks what core cannot: the database and the earlier records. FALSE
 * only on a database error. */
static gboolean
check_unique (Import      *im,
              JyResident  *r,
              gboolean     id_valid,
              GError     **error)
{
  if (id_valid)
    {
      gpointer line;
      gint64 other;

      if (g_hash_table_lookup_extended (im->imported_ids, r->id_number, NULL, &line))
        {
          add_issue (im, JY_IMPORT_ISSUE_ID_DUPLICATE_IN_FILE, GPOINTER_TO_UINT (line));
        }
      else
        {
          if ((other = jy_resident_store_find_id_number (im->db, r->id_number, 0, error)) < 0)
            return FALSE;
          if (other > 0)
            add_issue (im, JY_IMPORT_ISSUE_ID_DUPLICATE, 0);
        }
    }

  /* Earlier records are in the database by now: one query covers both. */
  if (r->archive_no != NULL)
    {
      gboolean taken = FALSE;

      if (!archive_no_taken (im, r->archive_no, &taken, error))
        return FALSE;
      if (taken)
        add_issue (im, JY_IMPORT_ISSUE_ARCHIVE_NO_DUPLICATE, 0);
    }

  return TRUE;
}

/* Archive numbers are the community's 12 digits and a 5-digit serial
 * (domain.md §1), as jy_resident_store_insert() gives them. It asks the
 * database for the community's last serial on every insert, about 1 ms
 * once a community has thousands of residents; an import asks once per
 * community and counts on from there. */
static gboolean
assign_archive_no (Import      *im,
                   JyResident  *r,
                   GError     **error)
{
  static const char sql[] =
    "SELECT max (CAST (substr (archive_no, 13) AS INTEGER)) FROM resident\n"
    "WHERE archive_no GLOB ?1 || '[0-9][0-9][0-9][0-9][0-9]'";
  gpointer last;
  guint serial;

  if (r->archive_no != NULL || r->area_code == NULL)
    return TRUE;

  if (!g_hash_table_lookup_extended (im->last_serials, r->area_code, NULL, &last))
    {
      sqlite3_stmt *stmt;

      if ((stmt = jy_db_prepare (im->db, sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, r->area_code, -1, SQLITE_TRANSIENT);
      if (jy_db_step (im->db, stmt, error) < 0)
        return FALSE;
      last = GUINT_TO_POINTER ((guint)sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
    }

  serial = GPOINTER_TO_UINT (last) + 1;
  r->archive_no = g_strdup_printf ("%s%05u", r->area_code, serial);
  g_hash_table_insert (im->last_serials, g_strdup (r->area_code), GUINT_TO_POINTER (serial));
  return TRUE;
}

/* A number the file gave counts too, so a later record is not given it. */
static void
note_archive_no (Import           *im,
                 const JyResident *r)
{
  guint64 serial;
  gpointer last;

  if (r->archive_no == NULL || r->area_code == NULL || strlen (r->archive_no) != 17 ||
      !g_str_has_prefix (r->archive_no, r->area_code) ||
      !g_ascii_string_to_unsigned (r->archive_no + 12, 10, 0, 99999, &serial, NULL) ||
      !g_hash_table_lookup_extended (im->last_serials, r->area_code, NULL, &last))
    return;

  if (serial > GPOINTER_TO_UINT (last))
    g_hash_table_insert (im->last_serials, g_strdup (r->area_code), GUINT_TO_POINTER ((guint)serial));
}

/* Inserts inside a savepoint, so a record the database refuses halfway
 * (search keys, outbox) leaves nothing behind and the others go on. FALSE
 * only on an error that ends the whole import. */
static gboolean
insert_record (Import      *im,
               JyResident  *r,
               GError     **error)
{
  static const char savepoint_sql[] = "SAVEPOINT import_record";
  static const char release_sql[] = "RELEASE import_record";
  static const char rollback_sql[] = "ROLLBACK TO import_record";
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = jy_db_prepare (im->db, savepoint_sql, error)) == NULL ||
      !jy_db_step_done (im->db, stmt, error))
    return FALSE;

  if (!jy_resident_store_insert (im->db, r, im->today, &local_error))
    {
      gboolean record_level = local_error->domain == JY_STORE_ERROR &&
                              (local_error->code == JY_STORE_ERROR_DUPLICATE ||
                               local_error->code == JY_STORE_ERROR_INVALID ||
                               local_error->code == JY_STORE_ERROR_CONSTRAINT);

      if ((stmt = jy_db_prepare (im->db, rollback_sql, error)) == NULL ||
          !jy_db_step_done (im->db, stmt, error) ||
          (stmt = jy_db_prepare (im->db, release_sql, error)) == NULL ||
          !jy_db_step_done (im->db, stmt, error))
        return FALSE;

      if (!record_level)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* The message names tables and codes only. */
      g_debug ("import: line %u refused by the database: %s", im->line, local_error->message);
      add_issue (im, local_error->code == JY_STORE_ERROR_DUPLICATE ? JY_IMPORT_ISSUE_ID_DUPLICATE
                                                                   : JY_IMPORT_ISSUE_NOT_SAVED, 0);
      return TRUE;
    }

  return (stmt = jy_db_prepare (im->db, release_sql, error)) != NULL &&
         jy_db_step_done (im->db, stmt, error);
}

/* FALSE only on a database error; a bad record is reported and skipped. */
static gboolean
import_record (Import                *im,
               JyCsvReader           *reader,
               const JyImportMapping *mapping,
               GError               **error)
{
  g_autoptr(JyResident) r = jy_resident_new ();
  g_autoptr(GArray) problems = NULL;
  gboolean id_valid = TRUE;

  im->line = jy_csv_reader_get_line (reader);
  im->rejected = FALSE;
  im->report->n_rows++;

  if (jy_csv_reader_is_unterminated (reader))
    add_issue (im, JY_IMPORT_ISSUE_UNTERMINATED_QUOTE, 0);

  read_record (im, reader, mapping, r);
  jy_resident_normalize (r);
  read_id_number (im, r);

  problems = jy_resident_validate (r, im->today);
  for (guint i = 0; i < problems->len; i++)
    {
      const JyResidentProblem *problem = &g_array_index (problems, JyResidentProblem, i);

      if (problem->field == JY_RESIDENT_FIELD_ID_NUMBER)
        id_valid = FALSE;
      add_issue (im, issue_for_problem (problem), 0);
    }

  if (!check_unique (im, r, id_valid && r->id_number != NULL, error))
    return FALSE;

  if (!im->rejected)
    {
      gboolean from_file = r->archive_no != NULL;

      if (!assign_archive_no (im, r, error) || !insert_record (im, r, error))
        return FALSE;
      if (from_file && !im->rejected)
        note_archive_no (im, r);
    }

  if (im->rejected)
    {
      im->report->n_rejected++;
    }
  else
    {
      im->report->n_imported++;
      g_array_append_val (im->report->imported_ids, r->id);
      if (r->id_number != NULL)
        g_hash_table_insert (im->imported_ids, g_strdup (r->id_number), GUINT_TO_POINTER (im->line));
    }
  flush_issues (im);

  return TRUE;
}

/* Each resident has its own create entry; this one says they came in
 * together, and how many did not. */
static gboolean
record_audit (JyDb                  *db,
              const JyImportReport  *report,
              GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, report->n_rows);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, report->n_imported);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, report->n_rejected);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, jy_csv_encoding_to_string (report->encoding));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  return jy_store_record_audit (db, "import", "resident", NULL, detail, error);
}

static gboolean
check_centre (JyDb    *db,
              GError **error)
{
  /* jy_resident_store_insert() files residents under this site. */
  static const char sql[] =
    "SELECT count(*) FROM site WHERE kind = 'centre' AND parent_id IS NULL";
  gint64 n = 0;

  if (!jy_db_query_int64 (db, sql, &n, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND,
                           "The database has no centre to import residents into");
      return FALSE;
    }
  return TRUE;
}

/**
 * jy_resident_import_csv:
 * @db: the writer's connection, inside a write job (jy_store_write)
 * @contents: the file's bytes: UTF-8 (a BOM is fine) or GB18030
 * @length: their number
 * @mapping: (nullable): what each column holds; %NULL to recognise the
 *   columns from the header's titles (jy_csv_match_header)
 * @today: (nullable): the date birth dates may not be after; %NULL for today
 * @progress: (nullable): called every few hundred records
 * @user_data: for @progress
 * @error: return location for a %JY_CSV_ERROR or %JY_STORE_ERROR
 *
 * Imports every record that passes core's rules and is not a duplicate,
 * each like a resident registered by hand (jy_resident_store_insert():
 * search keys, outbox and audit in the caller's transaction), and reports
 * every other one with its line and reason. 15-digit ID numbers are
 * converted (the original kept); where the file's sex or birth date
 * disagrees with the ID number, the ID number wins. Unknown columns are
 * skipped and reported once.
 *
 * Fails, importing nothing, when the file cannot be read as text, has no
 * header with a name column (%JY_CSV_ERROR), the database has no centre
 * (%JY_STORE_ERROR_NOT_FOUND) or the database fails.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
JyImportReport *
jy_resident_import_csv (JyDb                   *db,
                        const char             *contents,
                        gsize                   length,
                        const JyImportMapping  *mapping,
                        const GDate            *today,
                        JyImportProgress        progress,
                        gpointer                user_data,
                        GError                **error)
{
  g_auto(Import) im = { 0 };
  g_autoptr(JyImportReport) report = g_new0 (JyImportReport, 1);
  g_autoptr(JyImportMapping) detected = NULL;
  g_autoptr(JyCsvReader) reader = NULL;
  g_autoptr(GDate) local_today = NULL;
  g_auto(GStrv) headers = NULL;
  g_autofree char *text = NULL;
  gint64 started = g_get_monotonic_time ();
  gsize text_length = 0;
  guint header_line = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (jy_db_in_transaction (db), NULL);

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_IMPORT, error))
    return NULL;
  if ((text = jy_csv_decode (contents, length, &report->encoding, &text_length, error)) == NULL)
    return NULL;
  reader = jy_csv_reader_new (text, text_length);
  if ((headers = jy_import_read_header (reader, &header_line, error)) == NULL)
    return NULL;

  report->issues = jy_import_issue_array_new ();
  report->imported_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (mapping == NULL)
    {
      mapping = detected = jy_import_detect_mapping ((const char *const *)headers);
      for (guint i = 0; i < detected->n_columns; i++)
        {
          if (detected->columns[i] == JY_CSV_COLUMN_NONE && headers[i][0] != '\0')
            {
              JyImportIssue issue = { header_line, JY_IMPORT_ISSUE_COLUMN_IGNORED, 0,
                                      g_strdup (headers[i]) };

              g_array_append_val (report->issues, issue);
            }
        }
      if (report->issues->len == detected->n_columns)
        {
          g_set_error_literal (error, JY_CSV_ERROR, JY_CSV_ERROR_NO_HEADER,
                               "The first row names no column Jiayi imports");
          return NULL;
        }
    }
  if (!jy_import_mapping_has_column (mapping, JY_CSV_COLUMN_NAME))
    {
      g_set_error_literal (error, JY_CSV_ERROR, JY_CSV_ERROR_NO_NAME_COLUMN,
                           "No column holds the residents' names");
      return NULL;
    }

  if (today == NULL)
    today = local_today = jy_clock_today_local ();

  im.db = db;
  im.today = today;
  im.report = report;
  im.imported_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.last_serials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.pending = g_array_new (FALSE, TRUE, sizeof (JyImportIssue));
  if (!check_centre (db, error) || !communities_load (&im.communities, db, error))
    return NULL;

  while (jy_csv_reader_next (reader))
    {
      if (jy_csv_reader_is_blank (reader))
        continue;
      if (!import_record (&im, reader, mapping, error))
        return NULL;
      if (progress != NULL && report->n_rows % PROGRESS_STEP == 0)
        progress (report->n_rows, jy_csv_reader_get_offset (reader), text_length, user_data);
    }
  if (progress != NULL && (report->n_rows == 0 || report->n_rows % PROGRESS_STEP != 0))
    progress (report->n_rows, text_length, text_length, user_data);

  if (!record_audit (db, report, error))
    return NULL;

  g_debug ("import: %u records, %u imported, %u rejected, %s, %.0f ms",
           report->n_rows, report->n_imported, report->n_rejected,
           jy_csv_encoding_to_string (report->encoding),
           (g_get_monotonic_time () - started) / 1000.0);

  return g_steal_pointer (&report);
}
