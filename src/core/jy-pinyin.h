/* jy-pinyin.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Search keys of a resident's name, domain.md §1.5. Pinyin is toneless,
 * lowercase, without separators, ü written as v (and indexed as u too):
 * 吕小燕 → lvxiaoyan, luxiaoyan.
 *
 * A name has several readings when its characters do: the surname
 * position uses the surname readings (单 shan/dan, 曾 zeng/ceng, compound
 * surnames such as 欧阳, 尉迟 yuchi); other characters their usual reading
 * and, where Unihan's frequency counts show a second one in everyday use
 * (乐 le/yue), that one too. Variants come most likely first, and at most
 * JY_PINYIN_MAX_VARIANTS of each kind are kept. */
#define JY_PINYIN_MAX_VARIANTS 16

typedef enum
{
  JY_PINYIN_FULL,       /* wangxiaoyan */
  JY_PINYIN_INITIALS,   /* wxy; 欧阳锋 → oyf */
  /* The surname in full, the given name as initials: wangxy, ouyangf…
   * Only for given names of two or more characters: for one, it is a
   * prefix of the full form already. */
  JY_PINYIN_MIXED,
} JyPinyinKind;

typedef struct
{
  GPtrArray *full;       /* of char *, most likely first */
  GPtrArray *initials;
  GPtrArray *mixed;
  /* The surname as written in 汉字, the given name in pinyin, in full and
   * (two or more syllables) as initials: 王小燕 → 王xiaoyan, 王xy;
   * 欧阳锋 → 欧阳feng. For a doctor who types the surname in 汉字 and
   * the rest with the input method off. Empty unless the name starts
   * with a 汉字 surname and has a given name. */
  GPtrArray *han_surname;
} JyPinyinKeys;

JyPinyinKeys *jy_pinyin_keys_new      (const char    *name);
void          jy_pinyin_keys_free     (JyPinyinKeys  *keys);

/* The keys of one kind; the caller frees the array (it frees its strings). */
GPtrArray    *jy_pinyin_name_keys     (const char    *name,
                                       JyPinyinKind   kind);

/* How the 汉字 start of a query that goes on in pinyin (王xy, 王小y,
 * 欧阳f) begins the han_surname keys it can match: the surname as
 * written, then any given-name characters typed in 汉字 in full and as
 * initials, full forms first (王 → 王; 王小 → 王xiao, 王x). Append the
 * typed pinyin to each and match as a prefix; with given-name characters
 * typed, check that the name starts with them too (王小 and 王晓 are both
 * 王xiao). Empty when @han does not start with a 汉字 surname. The
 * caller frees the array. */
GPtrArray    *jy_pinyin_han_prefixes  (const char    *han);

/* The toneless readings of one character, usual first: fills @readings
 * (static strings) with up to @max_readings and returns how many; 0 for a
 * character the table does not know. */
guint         jy_pinyin_char_readings (gunichar       c,
                                       const char   **readings,
                                       guint          max_readings);

/* A name as it is matched character by character: NFKC (full-width Latin
 * becomes ASCII), lowercase ASCII, without spaces and the middle dots of
 * minority names (阿依古丽·买买提 → 阿依古丽买买提). */
char         *jy_pinyin_fold_name     (const char    *name);

/* Typed pinyin as it is matched against the keys: lowercase letters only,
 * spaces and apostrophes dropped (xi'an), ü as v. NULL when @text holds
 * anything else or no letter at all. */
char         *jy_pinyin_fold_query    (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JyPinyinKeys, jy_pinyin_keys_free)

G_END_DECLS
