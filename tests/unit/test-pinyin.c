/* test-pinyin.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "jy-pinyin.h"
#include "test-util.h"

static gboolean
contains (GPtrArray  *keys,
          const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

static const char *
first (GPtrArray *keys)
{
  g_assert_cmpuint (keys->len, >, 0);
  return g_ptr_array_index (keys, 0);
}

/* Asserts the name's usual full reading, then that every other listed
 * spelling is among the variants. */
static void
assert_full (const char *name,
             const char *usual,
             ...)
{
  g_autoptr(GPtrArray) full = jy_pinyin_name_keys (name, JY_PINYIN_FULL);
  const char *other;
  va_list args;

  g_assert_cmpstr (first (full), ==, usual);
  va_start (args, usual);
  while ((other = va_arg (args, const char *)) != NULL)
    {
      if (!contains (full, other))
        g_error ("%s: no full-pinyin variant %s", name, other);
    }
  va_end (args);
}

static void
test_surname_shan_dan (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("单田芳");

  /* The surname reading first, the everyday one (单 dan) too. */
  g_assert_cmpstr (first (keys->full), ==, "shantianfang");
  g_assert_true (contains (keys->full, "dantianfang"));
  g_assert_false (contains (keys->full, "chantianfang"));
  g_assert_cmpstr (first (keys->initials), ==, "stf");
  g_assert_true (contains (keys->initials, "dtf"));
  g_assert_true (contains (keys->mixed, "shantf"));
}

static void
test_surname_zeng_ceng (void)
{
  assert_full ("曾国藩", "zengguofan", "cengguofan", NULL);
}

static void
test_surname_xie_jie (void)
{
  assert_full ("解缙", "xiejin", "jiejin", NULL);
}

static void
test_surname_ou_qu (void)
{
  assert_full ("区小华", "ouxiaohua", "quxiaohua", NULL);
}

static void
test_surname_qiu_chou (void)
{
  assert_full ("仇英", "qiuying", "chouying", NULL);
}

static void
test_surname_piao_pu (void)
{
  assert_full ("朴成浩", "piaochenghao", "puchenghao", NULL);
}

static void
test_surname_zha_cha (void)
{
  assert_full ("查良镛", "zhaliangyong", "chaliangyong", NULL);
}

static void
test_surname_reading_only_in_surname_position (void)
{
  /* 单 in a given name is dan, not shan. */
  g_autoptr(GPtrArray) full = jy_pinyin_name_keys ("王单", JY_PINYIN_FULL);

  g_assert_cmpstr (first (full), ==, "wangdan");
  g_assert_false (contains (full, "wangshan"));
}

static void
test_compound_surname_ouyang_initials_oyf (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("欧阳锋");

  g_assert_cmpuint (keys->full->len, ==, 1);
  g_assert_cmpstr (first (keys->full), ==, "ouyangfeng");
  g_assert_cmpuint (keys->initials->len, ==, 1);
  g_assert_cmpstr (first (keys->initials), ==, "oyf");
  /* A one-character given name: ouyangf is a prefix of the full form. */
  g_assert_cmpuint (keys->mixed->len, ==, 0);
}

static void
test_compound_surname_yuchi_not_weichi_first (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("尉迟恭");

  g_assert_cmpstr (first (keys->full), ==, "yuchigong");
  g_assert_true (contains (keys->full, "weichigong"));
  g_assert_cmpstr (first (keys->initials), ==, "ycg");
}

static void
test_compound_surnames_moqi_chanyu_zhangsun_tantai (void)
{
  assert_full ("万俟卨", "moqixie", NULL);
  assert_full ("单于洋", "chanyuyang", NULL);
  assert_full ("长孙无忌", "zhangsunwuji", NULL);
  assert_full ("澹台明", "tantaiming", NULL);
  assert_full ("诸葛亮", "zhugeliang", NULL);
  assert_full ("司马相如", "simaxiangru", NULL);
}

static void
test_lv_indexed_as_v_and_u (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("吕布");

  g_assert_cmpstr (first (keys->full), ==, "lvbu");
  g_assert_true (contains (keys->full, "lubu"));
  g_assert_cmpuint (keys->initials->len, ==, 1);
  g_assert_cmpstr (first (keys->initials), ==, "lb");
}

static void
test_nv_in_given_name_indexed_as_v_and_u (void)
{
  assert_full ("张女", "zhangnv", "zhangnu", NULL);
}

static void
test_given_name_common_second_reading (void)
{
  /* 乐 is le and yue in everyday text: a given name is indexed under both. */
  assert_full ("王乐", "wangle", "wangyue", NULL);
  /* 朝 in names is mostly zhao (朝阳), unlike everyday text. */
  assert_full ("李朝阳", "lizhaoyang", "lichaoyang", NULL);
}

static void
test_mixed_full_surname_initials_of_given_name (void)
{
  g_autoptr(JyPinyinKeys) three = jy_pinyin_keys_new ("王小燕");
  g_autoptr(JyPinyinKeys) two = jy_pinyin_keys_new ("王芳");

  g_assert_cmpstr (first (three->full), ==, "wangxiaoyan");
  g_assert_cmpstr (first (three->initials), ==, "wxy");
  g_assert_cmpstr (first (three->mixed), ==, "wangxy");
  g_assert_cmpuint (two->mixed->len, ==, 0);
}

static void
test_minority_name_middle_dot_skipped (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("阿依古丽·买买提");
  g_autofree char *folded = jy_pinyin_fold_name ("阿依古丽·买买提");
  g_autofree char *folded_bullet = jy_pinyin_fold_name ("阿依古丽•买买提");

  g_assert_cmpstr (first (keys->full), ==, "ayigulimaimaiti");
  g_assert_cmpstr (first (keys->initials), ==, "ayglmmt");
  g_assert_cmpstr (folded, ==, "阿依古丽买买提");
  g_assert_cmpstr (folded_bullet, ==, "阿依古丽买买提");
}

static void
test_rare_character_missing_from_table (void)
{
  /* U+E000 is private use: no reading anywhere. It is skipped. */
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("王\xee\x80\x80明");
  g_autoptr(JyPinyinKeys) only = jy_pinyin_keys_new ("\xee\x80\x80");
  g_autoptr(JyPinyinKeys) broken = jy_pinyin_keys_new ("王\xff\xfe");
  const char *readings[4];

  g_assert_cmpstr (first (keys->full), ==, "wangming");
  g_assert_cmpstr (first (keys->initials), ==, "wm");
  g_assert_cmpuint (only->full->len, ==, 0);
  g_assert_cmpuint (only->initials->len, ==, 0);
  /* Invalid UTF-8 gives no keys rather than garbage. */
  g_assert_cmpuint (broken->full->len, ==, 0);
  g_assert_cmpuint (jy_pinyin_char_readings (0xE000, readings, G_N_ELEMENTS (readings)), ==, 0);
}

static void
test_table_has_bmp_and_extension_characters (void)
{
  const char *readings[4];
  guint n;

  n = jy_pinyin_char_readings (g_utf8_get_char ("单"), readings, G_N_ELEMENTS (readings));
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (readings[0], ==, "dan");   /* kMandarin: the usual reading */

  n = jy_pinyin_char_readings (g_utf8_get_char ("吕"), readings, G_N_ELEMENTS (readings));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (readings[0], ==, "lv");

  /* U+3400 (CJK Extension A) and U+20000 (Extension B) have readings. */
  g_assert_cmpuint (jy_pinyin_char_readings (0x3400, readings, 1), ==, 1);
  g_assert_cmpstr (readings[0], ==, "qiu");
  g_assert_cmpuint (jy_pinyin_char_readings (0x20000, readings, 1), ==, 1);
  g_assert_cmpstr (readings[0], ==, "he");
}

static void
test_variants_capped_at_16 (void)
{
  /* Eight characters with two everyday readings each: 256 combinations. */
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("乐乐乐乐乐乐乐乐");

  g_assert_cmpuint (keys->full->len, ==, JY_PINYIN_MAX_VARIANTS);
  g_assert_cmpuint (keys->initials->len, <=, JY_PINYIN_MAX_VARIANTS);
  g_assert_cmpuint (keys->mixed->len, <=, JY_PINYIN_MAX_VARIANTS);
  /* The cheapest spellings survive: the surname reading with every
   * given-name character's usual reading comes first. */
  g_assert_cmpstr (first (keys->full), ==, "yuelelelelelelele");
  g_assert_true (contains (keys->full, "lelelelelelelele"));
}

static void
test_latin_name_words (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("John Smith");
  g_autoptr(JyPinyinKeys) wide = jy_pinyin_keys_new ("ＷＡＮＧ小燕");

  g_assert_cmpstr (first (keys->full), ==, "johnsmith");
  g_assert_cmpstr (first (keys->initials), ==, "js");
  g_assert_cmpstr (first (wide->full), ==, "wangxiaoyan");
}

static void
test_empty_name_has_no_keys (void)
{
  g_autoptr(JyPinyinKeys) keys = jy_pinyin_keys_new ("");
  g_autoptr(JyPinyinKeys) dots = jy_pinyin_keys_new (" · ");

  g_assert_cmpuint (keys->full->len, ==, 0);
  g_assert_cmpuint (dots->initials->len, ==, 0);
}

static void
test_han_surname_keys (void)
{
  g_autoptr(JyPinyinKeys) three = jy_pinyin_keys_new ("王小燕");
  g_autoptr(JyPinyinKeys) two = jy_pinyin_keys_new ("王芳");
  g_autoptr(JyPinyinKeys) ouyang = jy_pinyin_keys_new ("欧阳锋");
  g_autoptr(JyPinyinKeys) latin = jy_pinyin_keys_new ("John Smith");
  g_autoptr(JyPinyinKeys) surname_only = jy_pinyin_keys_new ("王");

  g_assert_cmpstr (first (three->han_surname), ==, "王xiaoyan");
  g_assert_true (contains (three->han_surname, "王xy"));
  /* One given syllable: 王f is a prefix of 王fang already. */
  g_assert_cmpuint (two->han_surname->len, ==, 1);
  g_assert_cmpstr (first (two->han_surname), ==, "王fang");
  g_assert_cmpuint (ouyang->han_surname->len, ==, 1);
  g_assert_cmpstr (first (ouyang->han_surname), ==, "欧阳feng");
  g_assert_cmpuint (latin->han_surname->len, ==, 0);
  g_assert_cmpuint (surname_only->han_surname->len, ==, 0);
}

static void
test_han_surname_keys_polyphonic_surname_as_written (void)
{
  g_autoptr(JyPinyinKeys) shan = jy_pinyin_keys_new ("单田芳");
  g_autoptr(JyPinyinKeys) lv = jy_pinyin_keys_new ("王吕");

  /* The surname is the character itself: no shan/dan to choose. */
  g_assert_cmpuint (shan->han_surname->len, ==, 2);
  g_assert_true (contains (shan->han_surname, "单tianfang"));
  g_assert_true (contains (shan->han_surname, "单tf"));
  /* ü in the given name, as v and as u. */
  g_assert_true (contains (lv->han_surname, "王lv"));
  g_assert_true (contains (lv->han_surname, "王lu"));
}

static void
test_han_prefixes (void)
{
  g_autoptr(GPtrArray) wang = jy_pinyin_han_prefixes ("王");
  g_autoptr(GPtrArray) wang_xiao = jy_pinyin_han_prefixes ("王小");
  g_autoptr(GPtrArray) ouyang = jy_pinyin_han_prefixes ("欧阳");
  g_autoptr(GPtrArray) shan = jy_pinyin_han_prefixes ("单");
  g_autoptr(GPtrArray) empty = jy_pinyin_han_prefixes ("");

  g_assert_cmpuint (wang->len, ==, 1);
  g_assert_cmpstr (first (wang), ==, "王");
  /* Full forms first, then initials. */
  g_assert_cmpuint (wang_xiao->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (wang_xiao, 0), ==, "王xiao");
  g_assert_cmpstr (g_ptr_array_index (wang_xiao, 1), ==, "王x");
  g_assert_cmpuint (ouyang->len, ==, 1);
  g_assert_cmpstr (first (ouyang), ==, "欧阳");
  g_assert_cmpuint (shan->len, ==, 1);
  g_assert_cmpstr (first (shan), ==, "单");
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_fold_query (void)
{
  const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "wxy", "wxy" },
    { "Wang Xiao'yan", "wangxiaoyan" },
    { "ＷＡＮＧ", "wang" },
    { "lü", "lv" },
    { "LÜ", "lv" },
    { "wang1", NULL },
    { "王", NULL },
    { "%_*", NULL },
    { "", NULL },
    { "  ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = jy_pinyin_fold_query (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  jy_test_quiet_debug ();

  g_test_add_func ("/core/pinyin/surname-shan-dan", test_surname_shan_dan);
  g_test_add_func ("/core/pinyin/surname-zeng-ceng", test_surname_zeng_ceng);
  g_test_add_func ("/core/pinyin/surname-xie-jie", test_surname_xie_jie);
  g_test_add_func ("/core/pinyin/surname-ou-qu", test_surname_ou_qu);
  g_test_add_func ("/core/pinyin/surname-qiu-chou", test_surname_qiu_chou);
  g_test_add_func ("/core/pinyin/surname-piao-pu", test_surname_piao_pu);
  g_test_add_func ("/core/pinyin/surname-zha-cha", test_surname_zha_cha);
  g_test_add_func ("/core/pinyin/surname-reading-only-in-surname-position",
                   test_surname_reading_only_in_surname_position);
  g_test_add_func ("/core/pinyin/compound-surname-ouyang-initials-oyf",
                   test_compound_surname_ouyang_initials_oyf);
  g_test_add_func ("/core/pinyin/compound-surname-yuchi-before-weichi",
                   test_compound_surname_yuchi_not_weichi_first);
  g_test_add_func ("/core/pinyin/compound-surnames-moqi-chanyu-zhangsun-tantai",
                   test_compound_surnames_moqi_chanyu_zhangsun_tantai);
  g_test_add_func ("/core/pinyin/lv-indexed-as-lv-and-lu", test_lv_indexed_as_v_and_u);
  g_test_add_func ("/core/pinyin/nv-in-given-name-as-nv-and-nu",
                   test_nv_in_given_name_indexed_as_v_and_u);
  g_test_add_func ("/core/pinyin/given-name-common-second-reading",
                   test_given_name_common_second_reading);
  g_test_add_func ("/core/pinyin/mixed-wangxy-for-three-characters",
                   test_mixed_full_surname_initials_of_given_name);
  g_test_add_func ("/core/pinyin/minority-name-middle-dot-skipped",
                   test_minority_name_middle_dot_skipped);
  g_test_add_func ("/core/pinyin/rare-character-missing-does-not-crash",
                   test_rare_character_missing_from_table);
  g_test_add_func ("/core/pinyin/table-has-bmp-and-extension-characters",
                   test_table_has_bmp_and_extension_characters);
  g_test_add_func ("/core/pinyin/variants-capped-at-16", test_variants_capped_at_16);
  g_test_add_func ("/core/pinyin/latin-name-words", test_latin_name_words);
  g_test_add_func ("/core/pinyin/empty-name-no-keys", test_empty_name_has_no_keys);
  g_test_add_func ("/core/pinyin/han-surname-keys-wang-xiaoyan-wang-xy",
                   test_han_surname_keys);
  g_test_add_func ("/core/pinyin/han-surname-keys-polyphonic-surname-as-written",
                   test_han_surname_keys_polyphonic_surname_as_written);
  g_test_add_func ("/core/pinyin/han-prefixes-full-then-initials", test_han_prefixes);
  g_test_add_func ("/core/pinyin/fold-query", test_fold_query);

  return g_test_run ();
}
