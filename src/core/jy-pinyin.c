/* jy-pinyin.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-pinyin.h"

#include "jy-pinyin-table.h"

#include <string.h>

/* Readings kept for one position of a name, ü doubling included. */
#define MAX_ALTERNATIVES 8
/* A given-name character contributes at most this many readings. */
#define MAX_GIVEN_READINGS 2

typedef struct
{
  const char *chars;
  /* Syllables separated by spaces; the surname reading first, then the
   * everyday reading people type when they do not know it. */
  const char *readings[3];
} NameReadings;

/* domain.md §1.5, and a few more surnames read differently from the
 * character's everyday reading. */
static const NameReadings single_surnames[] = {
  { "单", { "shan", "dan" } },
  { "曾", { "zeng", "ceng" } },
  { "解", { "xie", "jie" } },
  { "区", { "ou", "qu" } },
  { "仇", { "qiu", "chou" } },
  { "朴", { "piao", "pu" } },
  { "查", { "zha", "cha" } },
  { "盖", { "ge", "gai" } },
  { "乐", { "yue", "le" } },
  { "缪", { "miao", "mou" } },
  { "翟", { "zhai", "di" } },
  { "覃", { "qin", "tan" } },
  { "召", { "shao", "zhao" } },
  { "种", { "chong", "zhong" } },
  { "秘", { "bi", "mi" } },
  { "尉", { "wei" } },
  { "柏", { "bai", "bo" } },
  { "薄", { "bo", "bao" } },
  { "句", { "gou", "ju" } },
  { "员", { "yun", "yuan" } },
  { "牟", { "mou", "mu" } },
  { "繁", { "po", "fan" } },
  { "隗", { "wei", "kui" } },
  { "谌", { "chen", "shen" } },
  { "费", { "fei", "bi" } },
  { "六", { "lu", "liu" } },
  { "重", { "chong", "zhong" } },
  { "莘", { "shen", "xin" } },
  { "能", { "nai", "neng" } },
  { "沈", { "shen" } },
  { "石", { "shi" } },
};

static const NameReadings compound_surnames[] = {
  { "欧阳", { "ou yang" } },
  { "司马", { "si ma" } },
  { "诸葛", { "zhu ge" } },
  { "上官", { "shang guan" } },
  { "东方", { "dong fang" } },
  { "皇甫", { "huang fu" } },
  { "司徒", { "si tu" } },
  { "慕容", { "mu rong" } },
  { "令狐", { "ling hu" } },
  { "夏侯", { "xia hou" } },
  { "尉迟", { "yu chi", "wei chi" } },
  { "万俟", { "mo qi", "wan si" } },
  { "单于", { "chan yu", "shan yu", "dan yu" } },
  { "长孙", { "zhang sun", "chang sun" } },
  { "澹台", { "tan tai", "dan tai" } },
  { "公孙", { "gong sun" } },
  { "宇文", { "yu wen" } },
  { "轩辕", { "xuan yuan" } },
  { "端木", { "duan mu" } },
  { "独孤", { "du gu" } },
  { "南宫", { "nan gong" } },
  { "西门", { "xi men" } },
  { "呼延", { "hu yan" } },
  { "申屠", { "shen tu" } },
  { "钟离", { "zhong li" } },
  { "司空", { "si kong" } },
  { "闻人", { "wen ren" } },
  { "赫连", { "he lian" } },
  { "淳于", { "chun yu" } },
  { "濮阳", { "pu yang" } },
  { "宗政", { "zong zheng" } },
  { "百里", { "bai li" } },
  { "东郭", { "dong guo" } },
  { "拓跋", { "tuo ba" } },
  { "乐正", { "yue zheng", "le zheng" } },
  { "公冶", { "gong ye" } },
  { "太史", { "tai shi" } },
  { "第五", { "di wu" } },
};

/* Given-name characters whose reading in names is not the one Unihan's
 * counts of everyday text put first (朝阳 zhaoyang, 长青 changqing). */
static const NameReadings given_overrides[] = {
  { "朝", { "zhao", "chao" } },
  { "长", { "chang", "zhang" } },
  { "茜", { "qian", "xi" } },
  { "柏", { "bai", "bo" } },
};

typedef struct
{
  char     *alternatives[MAX_ALTERNATIVES];   /* syllables separated by spaces */
  guint     n_alternatives;
  gboolean  surname;
  gsize     text_start;                        /* the characters, as bytes of the folded name */
  gsize     text_end;
} Unit;

typedef struct
{
  GString *syllables;     /* "wang xiao yan" */
  guint    cost;          /* sum of the alternatives' ranks: 0 is the usual reading */
  guint    order;         /* tie-break: order of creation */
  gsize    surname_end;   /* bytes of syllables that spell the surname */
} Variant;

static void
unit_clear (Unit *unit)
{
  for (guint i = 0; i < unit->n_alternatives; i++)
    g_free (unit->alternatives[i]);
  unit->n_alternatives = 0;
}

static void
variant_clear (Variant *variant)
{
  if (variant->syllables != NULL)
    g_string_free (variant->syllables, TRUE);
  variant->syllables = NULL;
}

static const JyPinyinSet *
lookup_set (gunichar c)
{
  guint lo = 0, hi = JY_PINYIN_N_SPARSE;
  guint16 set = 0;

  if (c >= JY_PINYIN_BMP_FIRST && c < JY_PINYIN_BMP_END)
    {
      set = jy_pinyin_bmp[c - JY_PINYIN_BMP_FIRST];
    }
  else
    {
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (jy_pinyin_sparse_codepoints[mid] < c)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < JY_PINYIN_N_SPARSE && jy_pinyin_sparse_codepoints[lo] == c)
        set = jy_pinyin_sparse_sets[lo];
    }

  return set != 0 ? &jy_pinyin_sets[set] : NULL;
}

guint
jy_pinyin_char_readings (gunichar      c,
                         const char  **readings,
                         guint         max_readings)
{
  const JyPinyinSet *set = lookup_set (c);
  guint n;

  g_return_val_if_fail (readings != NULL || max_readings == 0, 0);

  if (set == NULL)
    return 0;

  n = MIN (set->n_readings, max_readings);
  for (guint i = 0; i < n; i++)
    readings[i] = jy_pinyin_syllables[set->syllables[i]];
  return n;
}

static gboolean
is_name_separator (gunichar c)
{
  switch (c)
    {
    case '.':
    case 0x00B7:   /* · MIDDLE DOT, the usual one in 阿依古丽·买买提 */
    case 0x0387:   /* GREEK ANO TELEIA, what some input methods produce */
    case 0x2022:   /* • */
    case 0x2027:   /* ‧ */
    case 0x2219:   /* ∙ */
    case 0x22C5:   /* ⋅ */
    case 0x30FB:   /* ・ */
    case 0xFF65:   /* ･ */
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

/* NFKC (full-width Latin becomes ASCII) and lowercase ASCII; with
 * @drop_separators, without spaces and middle dots too. */
static char *
fold_name (const char *name,
           gboolean    drop_separators)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  GString *out;

  if (normalized == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (normalized));
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (drop_separators && is_name_separator (c))
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char)c));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
jy_pinyin_fold_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return fold_name (name, TRUE);
}

char *
jy_pinyin_fold_query (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return NULL;

  out = g_string_sized_new (strlen (normalized));
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isalpha ((char)c))
        g_string_append_c (out, g_ascii_tolower ((char)c));
      else if (c == 0x00FC || c == 0x00DC)   /* ü Ü, typed on some layouts */
        g_string_append_c (out, 'v');
      else if (c == '\'' || c == 0x2019 || is_name_separator (c))
        continue;
      else
        return NULL;
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const NameReadings *
find_readings (const NameReadings *table,
               gsize               n_entries,
               const char         *chars,
               gsize               len)
{
  for (gsize i = 0; i < n_entries; i++)
    if (strlen (table[i].chars) == len && memcmp (table[i].chars, chars, len) == 0)
      return &table[i];
  return NULL;
}

static void
unit_add (Unit       *unit,
          const char *syllables)
{
  for (guint i = 0; i < unit->n_alternatives; i++)
    if (strcmp (unit->alternatives[i], syllables) == 0)
      return;
  if (unit->n_alternatives < MAX_ALTERNATIVES)
    unit->alternatives[unit->n_alternatives++] = g_strdup (syllables);
}

static void
unit_add_readings (Unit               *unit,
                   const NameReadings *entry)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry->readings) && entry->readings[i] != NULL; i++)
    unit_add (unit, entry->readings[i]);
}

/* ü is typed as v by most and as u by some (吕 lv, lu): each reading with
 * a v is followed by its u spelling. Only Han readings: a v in a Latin
 * name is a v. */
static void
unit_double_v (Unit *unit)
{
  char *spelled[MAX_ALTERNATIVES];
  guint n = unit->n_alternatives;

  memcpy (spelled, unit->alternatives, n * sizeof (char *));
  unit->n_alternatives = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *reading = spelled[i];

      unit_add (unit, reading);
      if (strchr (reading, 'v') != NULL)
        {
          g_strdelimit (reading, "v", 'u');
          unit_add (unit, reading);
        }
    }
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* One Han character at @p (@len bytes) in the surname or a given-name position. */
static void
han_unit (Unit       *unit,
          const char *p,
          gsize       len,
          gboolean    surname)
{
  const NameReadings *entry;
  const char *readings[JY_PINYIN_MAX_READINGS];
  const JyPinyinSet *set;
  guint n_wanted;

  entry = surname ? find_readings (single_surnames, G_N_ELEMENTS (single_surnames), p, len)
                  : find_readings (given_overrides, G_N_ELEMENTS (given_overrides), p, len);
  if (entry != NULL)
    {
      unit_add_readings (unit, entry);
      return;
    }

  set = lookup_set (g_utf8_get_char (p));
  if (set == NULL)
    return;

  n_wanted = MIN (set->n_common, MAX_GIVEN_READINGS);
  jy_pinyin_char_readings (g_utf8_get_char (p), readings, n_wanted);
  for (guint i = 0; i < n_wanted; i++)
    unit_add (unit, readings[i]);
}

/* Splits a name into positions, each with its candidate readings.
 * Characters without a reading (a rare character the table lacks, a
 * symbol) contribute nothing; runs of ASCII letters and digits are kept
 * as they are (a foreign name in Latin letters). */
static GArray *
split_units (const char *folded)
{
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Unit));
  const char *p = folded;

  g_array_set_clear_func (units, (GDestroyNotify)unit_clear);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Unit unit = { 0 };

      if (c < 0x80 && g_ascii_isalnum ((char)c))
        {
          const char *end = p;

          while (*end != '\0' && (guchar)*end < 0x80 && g_ascii_isalnum (*end))
            end++;
          unit.alternatives[0] = g_strndup (p, end - p);
          unit.n_alternatives = 1;
          unit.text_start = p - folded;
          unit.text_end = end - folded;
          g_array_append_val (units, unit);
          p = end;
          continue;
        }

      if (!is_han (c))
        {
          p = next;
          continue;
        }

      /* The surname is the first position, and may take two characters. */
      if (units->len == 0)
        {
          const NameReadings *compound = NULL;

          if (*next != '\0' && is_han (g_utf8_get_char (next)))
            {
              const char *after = g_utf8_next_char (next);

              compound = find_readings (compound_surnames, G_N_ELEMENTS (compound_surnames),
                                        p, after - p);
              if (compound != NULL)
                {
                  unit_add_readings (&unit, compound);
                  next = after;
                }
            }
          if (compound == NULL)
            han_unit (&unit, p, next - p, TRUE);
          unit.surname = TRUE;
        }
      else
        {
          han_unit (&unit, p, next - p, FALSE);
        }

      if (unit.n_alternatives > 0)
        {
          unit_double_v (&unit);
          unit.text_start = p - folded;
          unit.text_end = next - folded;
          g_array_append_val (units, unit);
        }
      p = next;
    }

  return units;
}

static int
compare_variants (gconstpointer a,
                  gconstpointer b)
{
  const Variant *x = a, *y = b;

  if (x->cost != y->cost)
    return x->cost < y->cost ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

/* Combines the positions' readings, cheapest first. Keeping only the
 * JY_PINYIN_MAX_VARIANTS cheapest partial spellings after each position
 * loses none of the cheapest complete ones (costs only add up), so a long
 * name with many polyphonic characters stays linear. */
static GArray *
combine_units (GArray *units)
{
  g_autoptr(GArray) variants = g_array_new (FALSE, TRUE, sizeof (Variant));
  Variant start = { g_string_new (NULL), 0, 0, 0 };

  g_array_set_clear_func (variants, (GDestroyNotify)variant_clear);
  g_array_append_val (variants, start);

  for (guint u = 0; u < units->len; u++)
    {
      const Unit *unit = &g_array_index (units, Unit, u);
      GArray *next = g_array_new (FALSE, TRUE, sizeof (Variant));
      guint order = 0;

      g_array_set_clear_func (next, (GDestroyNotify)variant_clear);
      for (guint v = 0; v < variants->len; v++)
        {
          const Variant *base = &g_array_index (variants, Variant, v);

          for (guint a = 0; a < unit->n_alternatives; a++)
            {
              Variant variant;

              variant.syllables = g_string_new_len (base->syllables->str, base->syllables->len);
              if (variant.syllables->len > 0)
                g_string_append_c (variant.syllables, ' ');
              g_string_append (variant.syllables, unit->alternatives[a]);
              variant.cost = base->cost + a;
              variant.order = order++;
              variant.surname_end = unit->surname ? variant.syllables->len : base->surname_end;
              g_array_append_val (next, variant);
            }
        }

      g_array_sort (next, compare_variants);
      if (next->len > JY_PINYIN_MAX_VARIANTS)
        g_array_set_size (next, JY_PINYIN_MAX_VARIANTS);
      g_array_unref (variants);
      variants = next;
    }

  return g_steal_pointer (&variants);
}

static void
add_unique (GPtrArray *array,
            GString   *text)
{
  if (text->len == 0)
    return;
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), text->str) == 0)
      return;
  if (array->len < JY_PINYIN_MAX_VARIANTS)
    g_ptr_array_add (array, g_strndup (text->str, text->len));
}

typedef struct
{
  GString *full;             /* ouyangfeng */
  GString *initials;         /* oyf */
  GString *mixed;            /* ouyangf, empty for fewer than two given syllables */
  gsize    surname_full;     /* bytes of full and of initials that spell the surname: */
  gsize    surname_initials; /* the given name alone is what follows (feng, f) */
  guint    n_given;          /* syllables of the given name */
} Spelling;

static void
spelling_init (Spelling *spelling)
{
  spelling->full = g_string_new (NULL);
  spelling->initials = g_string_new (NULL);
  spelling->mixed = g_string_new (NULL);
  spelling->surname_full = 0;
  spelling->surname_initials = 0;
  spelling->n_given = 0;
}

static void
spelling_clear (Spelling *spelling)
{
  g_string_free (spelling->full, TRUE);
  g_string_free (spelling->initials, TRUE);
  g_string_free (spelling->mixed, TRUE);
}

/* Spells "ou yang feng" (surname_end 7) in each form of Spelling. */
static void
spell_variant (const Variant *variant,
               Spelling      *out)
{
  const char *s = variant->syllables->str;
  gboolean at_start = TRUE;

  g_string_truncate (out->full, 0);
  g_string_truncate (out->initials, 0);
  g_string_truncate (out->mixed, 0);
  out->surname_full = 0;
  out->surname_initials = 0;
  out->n_given = 0;

  for (gsize i = 0; i < variant->syllables->len; i++)
    {
      gboolean in_surname = i < variant->surname_end;

      if (s[i] == ' ')
        {
          at_start = TRUE;
          continue;
        }

      g_string_append_c (out->full, s[i]);
      if (in_surname)
        {
          g_string_append_c (out->mixed, s[i]);
          out->surname_full = out->full->len;
        }
      if (at_start)
        {
          g_string_append_c (out->initials, s[i]);
          if (in_surname)
            {
              out->surname_initials = out->initials->len;
            }
          else
            {
              g_string_append_c (out->mixed, s[i]);
              out->n_given++;
            }
        }
      at_start = FALSE;
    }

  if (variant->surname_end == 0 || out->n_given < 2)
    g_string_truncate (out->mixed, 0);
}

/* The surname in 汉字 followed by @given (王 + xiaoyan), into @array. */
static void
add_han_surname_key (GPtrArray  *array,
                     const char *surname,
                     const char *given,
                     GString    *scratch)
{
  g_string_assign (scratch, surname);
  g_string_append (scratch, given);
  add_unique (array, scratch);
}

/* The surname's characters as they are written (王, 欧阳), or NULL when
 * the name does not start with a 汉字 surname. */
static char *
dup_han_surname (const char *folded,
                 GArray     *units)
{
  const Unit *first_unit;

  if (units->len == 0)
    return NULL;
  first_unit = &g_array_index (units, Unit, 0);
  if (!first_unit->surname)
    return NULL;
  return g_strndup (folded + first_unit->text_start,
                    first_unit->text_end - first_unit->text_start);
}

JyPinyinKeys *
jy_pinyin_keys_new (const char *name)
{
  g_autoptr(JyPinyinKeys) keys = g_new0 (JyPinyinKeys, 1);
  g_autofree char *folded = NULL;
  g_autofree char *surname = NULL;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) variants = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  Spelling spelling;

  g_return_val_if_fail (name != NULL, NULL);

  keys->full = g_ptr_array_new_with_free_func (g_free);
  keys->initials = g_ptr_array_new_with_free_func (g_free);
  keys->mixed = g_ptr_array_new_with_free_func (g_free);
  keys->han_surname = g_ptr_array_new_with_free_func (g_free);

  /* Separators stay: they end a word of a name in Latin letters. */
  folded = fold_name (name, FALSE);
  units = split_units (folded);
  if (units->len == 0)
    return g_steal_pointer (&keys);

  surname = dup_han_surname (folded, units);
  variants = combine_units (units);
  spelling_init (&spelling);
  for (guint i = 0; i < variants->len; i++)
    {
      spell_variant (&g_array_index (variants, Variant, i), &spelling);
      add_unique (keys->full, spelling.full);
      add_unique (keys->initials, spelling.initials);
      /* A one-letter surname (阿 a, 鄂 e) spells its initials already. */
      if (!g_string_equal (spelling.mixed, spelling.initials))
        add_unique (keys->mixed, spelling.mixed);
      if (surname != NULL && spelling.n_given > 0)
        {
          add_han_surname_key (keys->han_surname, surname,
                               spelling.full->str + spelling.surname_full, scratch);
          /* One given syllable: its initial is a prefix of the full form. */
          if (spelling.n_given >= 2)
            add_han_surname_key (keys->han_surname, surname,
                                 spelling.initials->str + spelling.surname_initials, scratch);
        }
    }
  spelling_clear (&spelling);

  return g_steal_pointer (&keys);
}

GPtrArray *
jy_pinyin_han_prefixes (const char *han)
{
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) initials = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = NULL;
  g_autofree char *surname = NULL;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) variants = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  Spelling spelling;

  g_return_val_if_fail (han != NULL, NULL);

  folded = fold_name (han, FALSE);
  units = split_units (folded);
  if ((surname = dup_han_surname (folded, units)) == NULL)
    return g_steal_pointer (&prefixes);

  variants = combine_units (units);
  spelling_init (&spelling);
  for (guint i = 0; i < variants->len; i++)
    {
      spell_variant (&g_array_index (variants, Variant, i), &spelling);
      add_han_surname_key (prefixes, surname, spelling.full->str + spelling.surname_full,
                           scratch);
      /* 王小 then y: 小 may be the start of the full form (王xiaoyan) or
       * an initial (王xy), whatever the number of given syllables typed. */
      add_han_surname_key (initials, surname,
                           spelling.initials->str + spelling.surname_initials, scratch);
    }
  spelling_clear (&spelling);

  /* Full forms first (they rank first), then initials not already there. */
  for (guint i = 0; i < initials->len; i++)
    {
      const char *prefix = g_ptr_array_index (initials, i);

      if (!g_ptr_array_find_with_equal_func (prefixes, prefix, g_str_equal, NULL) &&
          prefixes->len < 2 * JY_PINYIN_MAX_VARIANTS)
        g_ptr_array_add (prefixes, g_strdup (prefix));
    }

  return g_steal_pointer (&prefixes);
}

void
jy_pinyin_keys_free (JyPinyinKeys *keys)
{
  if (keys == NULL)
    return;
  g_clear_pointer (&keys->full, g_ptr_array_unref);
  g_clear_pointer (&keys->initials, g_ptr_array_unref);
  g_clear_pointer (&keys->mixed, g_ptr_array_unref);
  g_clear_pointer (&keys->han_surname, g_ptr_array_unref);
  g_free (keys);
}

GPtrArray *
jy_pinyin_name_keys (const char   *name,
                     JyPinyinKind  kind)
{
  g_autoptr(JyPinyinKeys) keys = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  keys = jy_pinyin_keys_new (name);
  switch (kind)
    {
    case JY_PINYIN_FULL:
      return g_steal_pointer (&keys->full);
    case JY_PINYIN_INITIALS:
      return g_steal_pointer (&keys->initials);
    case JY_PINYIN_MIXED:
      return g_steal_pointer (&keys->mixed);
    default:
      g_return_val_if_reached (NULL);
    }
}
