/* jy-drug-store.c — the drug catalogue of long prescriptions
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-long-rx-store.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "jy-clock.h"
#include "jy-csv.h"
#include "jy-pinyin.h"
#include "jy-store.h"

/* domain.md §4.7, national essential medicines for chronic
 * cardiometabolic disease, plus the lines a centre's list carries that a
 * long prescription must refuse (§4.3) or that need a lab value (§4.7
 * flags). Pack sizes are typical of the procurement list; verify locally. */
typedef struct
{
  const char *code, *name, *english, *strength, *form, *dose, *atc, *klass, *unit;
  double      pack;
  const char *pack_unit;
  guint       exclusions, flags;
} Seed;

#define EX_STORAGE JY_DRUG_EXCLUSION_SPECIAL_STORAGE
#define FL_STORAGE JY_DRUG_FLAG_STORAGE_ADVICE

static const Seed seed[] = {
  { "D001", "硝苯地平缓释片", "nifedipine SR", "20 mg", "片", "20 mg bid", "C08CA05", "甲", "片", 30, "盒", 0, 0 },
  { "D002", "硝苯地平控释片", "nifedipine CR", "30 mg", "片", "30–60 mg qd", "C08CA05", "乙", "片", 7, "盒", 0, 0 },
  { "D003", "苯磺酸氨氯地平片", "amlodipine", "5 mg", "片", "5–10 mg qd", "C08CA01", "甲", "片", 28, "盒", 0, 0 },
  { "D004", "非洛地平缓释片", "felodipine ER", "5 mg", "片", "5–10 mg qd", "C08CA02", "乙", "片", 10, "盒", 0, 0 },
  { "D005", "尼群地平片", "nitrendipine", "10 mg", "片", "10 mg qd–bid", "C08CA08", "甲", "片", 100, "瓶", 0, 0 },
  { "D006", "卡托普利片", "captopril", "25 mg", "片", "12.5–25 mg bid–tid", "C09AA01", "甲", "片", 100, "瓶", 0, 0 },
  { "D007", "马来酸依那普利片", "enalapril", "10 mg", "片", "5–20 mg qd", "C09AA02", "甲", "片", 16, "盒", 0, 0 },
  { "D008", "缬沙坦胶囊", "valsartan", "80 mg", "胶囊", "80–160 mg qd", "C09CA03", "乙", "粒", 7, "盒", 0, 0 },
  { "D009", "厄贝沙坦片", "irbesartan", "150 mg", "片", "150–300 mg qd", "C09CA04", "乙", "片", 7, "盒", 0, 0 },
  { "D010", "氢氯噻嗪片", "hydrochlorothiazide", "25 mg", "片", "12.5–25 mg qd", "C03AA03", "甲", "片", 100, "瓶", 0, 0 },
  { "D011", "吲达帕胺片", "indapamide", "2.5 mg", "片", "2.5 mg qd", "C03BA11", "甲", "片", 30, "盒", 0, 0 },
  { "D012", "螺内酯片", "spironolactone", "20 mg", "片", "20–40 mg qd", "C03DA01", "甲", "片", 100, "瓶", 0, 0 },
  { "D013", "酒石酸美托洛尔片", "metoprolol tartrate", "25 mg", "片", "25–50 mg bid", "C07AB02", "甲", "片", 20, "盒", 0, 0 },
  { "D014", "富马酸比索洛尔片", "bisoprolol", "5 mg", "片", "2.5–10 mg qd", "C07AB07", "甲", "片", 10, "盒", 0, 0 },
  { "D015", "复方利血平氨苯蝶啶片", "reserpine/triamterene/HCTZ/dihydralazine", "复方", "片", "1 tab qd", "C02LA01", "甲", "片", 30, "盒", 0, 0 },
  { "D016", "盐酸二甲双胍片", "metformin", "0.5 g", "片", "0.5 g bid–tid (max 2 g/d)", "A10BA02", "甲", "片", 48, "盒", 0, 0 },
  { "D017", "格列本脲片", "glibenclamide", "2.5 mg", "片", "2.5–5 mg qd–bid", "A10BB01", "甲", "片", 100, "瓶", 0, 0 },
  { "D018", "格列吡嗪片", "glipizide", "5 mg", "片", "2.5–10 mg qd–bid ac", "A10BB07", "甲", "片", 48, "盒", 0, 0 },
  { "D019", "格列美脲片", "glimepiride", "2 mg", "片", "1–4 mg qd", "A10BB12", "乙", "片", 30, "盒", 0, 0 },
  { "D020", "格列齐特缓释片", "gliclazide MR", "30 mg", "片", "30–120 mg qd", "A10BB09", "乙", "片", 30, "盒", 0, 0 },
  { "D021", "阿卡波糖片", "acarbose", "50 mg", "片", "50–100 mg tid with meals", "A10BF01", "乙", "片", 30, "盒", 0, 0 },
  { "D022", "盐酸吡格列酮片", "pioglitazone", "15 mg", "片", "15–30 mg qd", "A10BG03", "乙", "片", 14, "盒", 0, 0 },
  { "D023", "精蛋白生物合成人胰岛素注射液（预混30R）", "biphasic human insulin 30/70", "300 IU/3 mL", "笔芯", "individual, bid", "A10AD01", "甲", "IU", 300, "支", EX_STORAGE, FL_STORAGE },
  { "D024", "甘精胰岛素注射液", "insulin glargine", "300 IU/3 mL", "笔芯", "individual, qd", "A10AE04", "乙", "IU", 300, "支", EX_STORAGE, FL_STORAGE },
  { "D025", "辛伐他汀片", "simvastatin", "20 mg", "片", "20–40 mg qn", "C10AA01", "甲", "片", 10, "盒", 0, 0 },
  { "D026", "阿托伐他汀钙片", "atorvastatin", "20 mg", "片", "10–20 mg qd", "C10AA05", "乙", "片", 7, "盒", 0, 0 },
  { "D027", "瑞舒伐他汀钙片", "rosuvastatin", "10 mg", "片", "5–10 mg qd", "C10AA07", "乙", "片", 7, "盒", 0, 0 },
  { "D028", "阿司匹林肠溶片", "aspirin EC", "100 mg", "片", "75–100 mg qd", "B01AC06", "甲", "片", 30, "盒", 0, 0 },
  { "D029", "硫酸氢氯吡格雷片", "clopidogrel", "75 mg", "片", "75 mg qd", "B01AC04", "乙", "片", 7, "盒", 0, 0 },
  { "D030", "单硝酸异山梨酯缓释片", "isosorbide mononitrate SR", "40 mg", "片", "40–60 mg qd", "C01DA14", "乙", "片", 24, "盒", 0, 0 },
  { "D031", "硝酸甘油片", "glyceryl trinitrate", "0.5 mg", "舌下片", "0.5 mg prn, max 3 in 15 min", "C01DA02", "甲", "片", 100, "瓶", 0, 0 },
  /* Narrow therapeutic index, high alert (§4.7 flags). */
  { "D032", "地高辛片", "digoxin", "0.25 mg", "片", "0.125–0.25 mg qd", "C01AA05", "甲", "片", 100, "瓶", 0, JY_DRUG_FLAG_NARROW_INDEX | JY_DRUG_FLAG_HIGH_ALERT },
  { "D033", "华法林钠片", "warfarin", "2.5 mg", "片", "individual, qd", "B01AA03", "甲", "片", 60, "瓶", 0, JY_DRUG_FLAG_NARROW_INDEX | JY_DRUG_FLAG_HIGH_ALERT },
  /* On the centre's list, never on a long prescription (§4.3). */
  { "D034", "地西泮片", "diazepam", "2.5 mg", "片", "2.5–5 mg qn", "N05BA01", "甲", "片", 100, "瓶", JY_DRUG_EXCLUSION_PSYCHOTROPIC, 0 },
  { "D035", "阿莫西林胶囊", "amoxicillin", "0.25 g", "胶囊", "0.5 g tid", "J01CA04", "甲", "粒", 24, "盒", JY_DRUG_EXCLUSION_ANTIMICROBIAL, 0 },
  { "D036", "异烟肼片", "isoniazid", "0.1 g", "片", "0.3 g qd", "J04AC01", "甲", "片", 100, "瓶", JY_DRUG_EXCLUSION_ANTIMICROBIAL, JY_DRUG_FLAG_CHRONIC_INFECTION },
};

/* Search keys ----------------------------------------------------------------- */

static char *
join_keys (GPtrArray *keys)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (keys, i));
    }
  return g_string_free (out, FALSE);
}

static void
search_keys (const char  *name,
             char       **initials,
             char       **pinyin)
{
  g_autoptr(GPtrArray) i = jy_pinyin_name_keys (name, JY_PINYIN_INITIALS);
  g_autoptr(GPtrArray) f = jy_pinyin_name_keys (name, JY_PINYIN_FULL);

  *initials = join_keys (i);
  *pinyin = join_keys (f);
}

/* Writing --------------------------------------------------------------------- */

static gboolean
insert_or_update (JyDb         *db,
                  JyDrug       *drug,
                  gboolean      record,
                  GError      **error)
{
  static const char find_sql[] = "SELECT id, uuid, rev FROM drug WHERE code = ?1";
  static const char insert_sql[] =
    "INSERT INTO drug (uuid, created_at, updated_at, created_by, status, code, generic_name,\n"
    "  english_name, strength, form, usual_dose, atc, insurance_code, insurance_class, unit,\n"
    "  pack_size, pack_unit, exclusions, flags, initials, pinyin)\n"
    "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";
  static const char update_sql[] =
    "UPDATE drug SET uuid = ?1, updated_at = ?2, status = ?4, code = ?5, generic_name = ?6,\n"
    "  english_name = ?7, strength = ?8, form = ?9, usual_dose = ?10, atc = ?11,\n"
    "  insurance_code = ?12, insurance_class = ?13, unit = ?14, pack_size = ?15, pack_unit = ?16,\n"
    "  exclusions = ?17, flags = ?18, initials = ?19, pinyin = ?20, rev = rev + 1\n"
    "WHERE id = ?21 AND ?3 IS NOT NULL";
  g_autofree char *now = jy_clock_now_utc_iso ();
  g_autofree char *uuid = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *pinyin = NULL;
  gint64 id = 0, rev = 0;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = jy_db_prepare (db, find_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, drug->code, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      uuid = jy_db_column_dup_text (stmt, 1);
      rev = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    uuid = g_uuid_string_random ();

  search_keys (drug->generic_name, &initials, &pinyin);
  if ((stmt = jy_db_prepare (db, id != 0 ? update_sql : insert_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jy_db_get_actor (db), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, drug->active ? "active" : "inactive", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, drug->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, drug->generic_name, -1, SQLITE_TRANSIENT);
  jy_db_bind_text_or_null (stmt, 7, drug->english_name);
  jy_db_bind_text_or_null (stmt, 8, drug->strength);
  jy_db_bind_text_or_null (stmt, 9, drug->form);
  jy_db_bind_text_or_null (stmt, 10, drug->usual_dose);
  jy_db_bind_text_or_null (stmt, 11, drug->atc);
  jy_db_bind_text_or_null (stmt, 12, drug->insurance_code);
  jy_db_bind_text_or_null (stmt, 13, drug->insurance_class);
  sqlite3_bind_text (stmt, 14, drug->unit != NULL ? drug->unit : "片", -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 15, drug->pack_size);
  sqlite3_bind_text (stmt, 16, drug->pack_unit != NULL ? drug->pack_unit : "盒", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 17, drug->exclusions);
  sqlite3_bind_int64 (stmt, 18, drug->flags);
  sqlite3_bind_text (stmt, 19, initials, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, pinyin, -1, SQLITE_TRANSIENT);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 21, id);
  if (!jy_db_step_done (db, stmt, error))
    return FALSE;

  drug->id = id != 0 ? id : jy_db_last_insert_rowid (db);
  /* The seed is reference data every database starts with, like the
   * service packages: not a change to send or to audit. */
  if (!record)
    return TRUE;
  return jy_store_record_change (db, "drug", uuid, id != 0 ? JY_CHANGE_UPDATE : JY_CHANGE_CREATE,
                                 id != 0 ? rev + 1 : 1, NULL, error);
}

gboolean
jy_drug_store_seed (JyDb    *db,
                    GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      const Seed *s = &seed[i];
      JyDrug drug = {
        .code = (char *) s->code, .generic_name = (char *) s->name,
        .english_name = (char *) s->english, .strength = (char *) s->strength,
        .form = (char *) s->form, .usual_dose = (char *) s->dose, .atc = (char *) s->atc,
        .insurance_class = (char *) s->klass, .unit = (char *) s->unit, .pack_size = s->pack,
        .pack_unit = (char *) s->pack_unit, .exclusions = s->exclusions, .flags = s->flags,
        .active = TRUE,
      };

      if (!insert_or_update (db, &drug, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_drug (const JyDrug *drug,
            char        **message)
{
  if (drug->code == NULL || *drug->code == '\0')
    *message = g_strdup (_("The code is missing."));
  else if (drug->generic_name == NULL || *drug->generic_name == '\0')
    *message = g_strdup (_("The generic name is missing."));
  else if (!(drug->pack_size > 0))
    *message = g_strdup (_("The pack size must be a number above 0."));
  else if (drug->insurance_class != NULL && !g_str_equal (drug->insurance_class, "甲")
           && !g_str_equal (drug->insurance_class, "乙"))
    *message = g_strdup (_("The insurance class must be 甲 or 乙."));
  else
    return TRUE;
  return FALSE;
}

gboolean
jy_drug_store_save (JyDb    *db,
                    JyDrug  *drug,
                    GError **error)
{
  g_autofree char *message = NULL;

  if (!jy_store_require (db, JY_PERMISSION_DRUG_CATALOGUE, error))
    return FALSE;
  if (!check_drug (drug, &message))
    {
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  return insert_or_update (db, drug, TRUE, error);
}

/* CSV import ------------------------------------------------------------------ */

enum
{
  COL_CODE, COL_NAME, COL_ENGLISH, COL_STRENGTH, COL_FORM, COL_DOSE, COL_ATC,
  COL_INSURANCE_CODE, COL_CLASS, COL_UNIT, COL_PACK, COL_PACK_UNIT, COL_EXCLUSIONS, COL_FLAGS,
  N_COLS
};

static const struct
{
  const char *en;
  const char *zh;
} headers[N_COLS] = {
  { "code", "编码" }, { "generic_name", "通用名" }, { "english_name", "英文名" },
  { "strength", "规格" }, { "form", "剂型" }, { "usual_dose", "常用量" }, { "atc", "ATC" },
  { "insurance_code", "医保编码" }, { "insurance_class", "医保类别" }, { "unit", "单位" },
  { "pack_size", "包装数量" }, { "pack_unit", "包装单位" }, { "exclusions", "禁用类别" },
  { "flags", "标记" },
};

static const struct
{
  const char *word;
  guint       bit;
} exclusion_words[] = {
  { "toxic", JY_DRUG_EXCLUSION_TOXIC }, { "radioactive", JY_DRUG_EXCLUSION_RADIOACTIVE },
  { "precursor", JY_DRUG_EXCLUSION_PRECURSOR }, { "narcotic", JY_DRUG_EXCLUSION_NARCOTIC },
  { "psychotropic", JY_DRUG_EXCLUSION_PSYCHOTROPIC }, { "antimicrobial", JY_DRUG_EXCLUSION_ANTIMICROBIAL },
  { "special-storage", JY_DRUG_EXCLUSION_SPECIAL_STORAGE },
}, flag_words[] = {
  { "storage-advice", JY_DRUG_FLAG_STORAGE_ADVICE }, { "high-alert", JY_DRUG_FLAG_HIGH_ALERT },
  { "narrow-index", JY_DRUG_FLAG_NARROW_INDEX }, { "chronic-infection", JY_DRUG_FLAG_CHRONIC_INFECTION },
};

static gboolean
parse_words (const char  *text,
             gboolean     exclusions,
             guint       *out)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", ";,", -1);

  *out = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = g_strstrip (words[i]);
      gboolean known = FALSE;
      guint n = exclusions ? G_N_ELEMENTS (exclusion_words) : G_N_ELEMENTS (flag_words);

      if (*w == '\0')
        continue;
      for (guint j = 0; j < n; j++)
        {
          const char *word = exclusions ? exclusion_words[j].word : flag_words[j].word;

          if (g_ascii_strcasecmp (w, word) == 0)
            {
              *out |= exclusions ? exclusion_words[j].bit : flag_words[j].bit;
              known = TRUE;
            }
        }
      if (!known)
        return FALSE;
    }
  return TRUE;
}

static const char *
field (JyCsvReader *reader,
       const int   *map,
       int          column)
{
  const char *value;

  if (map[column] < 0 || (guint) map[column] >= jy_csv_reader_get_n_fields (reader))
    return NULL;
  value = jy_csv_reader_get_field (reader, map[column]);
  return value != NULL && *value != '\0' ? value : NULL;
}

int
jy_drug_store_import_csv (JyDb        *db,
                          const char  *contents,
                          gsize        length,
                          GPtrArray  **problems,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  JyCsvReader *reader;
  gsize text_length = 0;
  int map[N_COLS];
  int saved = 0;

  if (!jy_store_require (db, JY_PERMISSION_DRUG_CATALOGUE, error))
    return -1;
  if ((text = jy_csv_decode (contents, length, NULL, &text_length, error)) == NULL)
    return -1;

  reader = jy_csv_reader_new (text, text_length);
  for (int c = 0; c < N_COLS; c++)
    map[c] = -1;
  if (jy_csv_reader_next (reader))
    for (guint i = 0; i < jy_csv_reader_get_n_fields (reader); i++)
      {
        g_autofree char *h = g_strstrip (g_strdup (jy_csv_reader_get_field (reader, i)));

        for (int c = 0; c < N_COLS; c++)
          if (g_ascii_strcasecmp (h, headers[c].en) == 0 || g_str_equal (h, headers[c].zh))
            map[c] = (int) i;
      }
  if (map[COL_CODE] < 0 || map[COL_NAME] < 0 || map[COL_PACK] < 0)
    {
      jy_csv_reader_free (reader);
      g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_INVALID,
                           _("The file needs the columns code, generic_name and pack_size."));
      return -1;
    }

  while (jy_csv_reader_next (reader))
    {
      guint line = jy_csv_reader_get_line (reader);
      g_autofree char *message = NULL;
      const char *pack = field (reader, map, COL_PACK);
      char *end = NULL;
      JyDrug drug = {
        .code = (char *) field (reader, map, COL_CODE),
        .generic_name = (char *) field (reader, map, COL_NAME),
        .english_name = (char *) field (reader, map, COL_ENGLISH),
        .strength = (char *) field (reader, map, COL_STRENGTH),
        .form = (char *) field (reader, map, COL_FORM),
        .usual_dose = (char *) field (reader, map, COL_DOSE),
        .atc = (char *) field (reader, map, COL_ATC),
        .insurance_code = (char *) field (reader, map, COL_INSURANCE_CODE),
        .insurance_class = (char *) field (reader, map, COL_CLASS),
        .unit = (char *) field (reader, map, COL_UNIT),
        .pack_unit = (char *) field (reader, map, COL_PACK_UNIT),
        .active = TRUE,
      };

      if (jy_csv_reader_is_blank (reader))
        continue;
      drug.pack_size = pack != NULL ? g_ascii_strtod (pack, &end) : 0;
      if (pack != NULL && (end == pack || *end != '\0'))
        drug.pack_size = 0;
      if (!parse_words (field (reader, map, COL_EXCLUSIONS), TRUE, &drug.exclusions))
        message = g_strdup (_("Unknown excluded class."));
      else if (!parse_words (field (reader, map, COL_FLAGS), FALSE, &drug.flags))
        message = g_strdup (_("Unknown flag."));
      else
        check_drug (&drug, &message);

      if (message != NULL)
        {
          /* Translators: %1$u a line of the file, %2$s what is wrong with it */
          g_ptr_array_add (found, g_strdup_printf (_("Line %1$u: %2$s"), line, message));
          continue;
        }
      if (!insert_or_update (db, &drug, TRUE, error))
        {
          jy_csv_reader_free (reader);
          return -1;
        }
      saved++;
    }
  jy_csv_reader_free (reader);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return saved;
}

/* Reading --------------------------------------------------------------------- */

#define DRUG_COLUMNS \
  "id, code, generic_name, english_name, strength, form, usual_dose, atc, insurance_code,\n" \
  "  insurance_class, unit, pack_size, pack_unit, exclusions, flags, status"

static JyDrug *
drug_from_row (sqlite3_stmt *stmt)
{
  JyDrug *d = jy_drug_new ();

  d->id = sqlite3_column_int64 (stmt, 0);
  d->code = jy_db_column_dup_text (stmt, 1);
  d->generic_name = jy_db_column_dup_text (stmt, 2);
  d->english_name = jy_db_column_dup_text (stmt, 3);
  d->strength = jy_db_column_dup_text (stmt, 4);
  d->form = jy_db_column_dup_text (stmt, 5);
  d->usual_dose = jy_db_column_dup_text (stmt, 6);
  d->atc = jy_db_column_dup_text (stmt, 7);
  d->insurance_code = jy_db_column_dup_text (stmt, 8);
  d->insurance_class = jy_db_column_dup_text (stmt, 9);
  d->unit = jy_db_column_dup_text (stmt, 10);
  d->pack_size = sqlite3_column_double (stmt, 11);
  d->pack_unit = jy_db_column_dup_text (stmt, 12);
  d->exclusions = (guint) sqlite3_column_int64 (stmt, 13);
  d->flags = (guint) sqlite3_column_int64 (stmt, 14);
  d->active = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 15), "active") == 0;
  return d;
}

GPtrArray *
jy_drug_store_search (JyDb        *db,
                      const char  *query,
                      guint        limit,
                      GError     **error)
{
  /* The catalogue holds hundreds of lines: a scan is a fraction of a
   * millisecond, and finds a query inside a name. */
  static const char sql[] =
    "SELECT " DRUG_COLUMNS " FROM drug\n"
    "WHERE status = 'active' AND (?1 = '' OR instr (generic_name, ?1) > 0\n"
    "  OR instr (lower (ifnull (english_name, '')), lower (?1)) > 0 OR instr (code, ?1) = 1\n"
    "  OR (?2 <> '' AND (instr (initials, ?2) > 0 OR instr (pinyin, ?2) > 0)))\n"
    "ORDER BY (instr (generic_name, ?1) = 1 OR substr (initials, 1, length (?2)) = ?2) DESC,\n"
    "  generic_name, code LIMIT ?3";
  g_autoptr(GPtrArray) drugs = g_ptr_array_new_with_free_func ((GDestroyNotify) jy_drug_free);
  g_autofree char *text = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree char *letters = jy_pinyin_fold_query (text);
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, letters != NULL ? letters : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, limit > 0 ? (int) limit : 50);
  while ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (drugs, drug_from_row (stmt));
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);
  return g_steal_pointer (&drugs);
}

JyDrug *
jy_drug_store_load (JyDb        *db,
                    const char  *code,
                    GError     **error)
{
  static const char sql[] = "SELECT " DRUG_COLUMNS " FROM drug WHERE code = ?1";
  JyDrug *drug = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!jy_store_require (db, JY_PERMISSION_RESIDENT_LIST, error))
    return NULL;
  if ((stmt = jy_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if ((rc = jy_db_step (db, stmt, error)) == SQLITE_ROW)
    drug = drug_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  if (drug == NULL)
    g_set_error (error, JY_STORE_ERROR, JY_STORE_ERROR_NOT_FOUND, "No drug %s", code);
  return drug;
}
