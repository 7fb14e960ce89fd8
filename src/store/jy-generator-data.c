/* jy-generator-data.c
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jy-generator-data.h"

#include "jy-idcard.h"
#include "jy-store-error.h"

#include <string.h>

typedef struct
{
  const char *value;
  guint       weight;
} Weighted;

typedef struct
{
  guint min_age;
  guint max_age;
  guint weight;   /* per 10,000 residents */
} AgeBand;

/* Pools for one sex and one generation: first and second character of a
 * two-character given name. A pool is a string of 3-byte characters. */
typedef struct
{
  const char *first;
  const char *second;
} GivenPool;

/* Generations, by birth year: before 1960, 1960–1979, 1980–1999, 2000 on. */
#define N_ERAS 4

/* Single-character surnames weighted by people per 100,000, after the
 * national household-registration ranking (2020), with the surnames common
 * in southern Fujian (陈 林 黄 吴 郑 蔡 许) moved up since the demo district
 * is there. The tail keeps the polyphonic surnames the search must handle
 * (domain.md §1.5) and a few compound ones. */
static const Weighted surnames[] = {
  { "王", 6500 }, { "李", 6300 }, { "张", 6000 }, { "刘", 4600 }, { "陈", 6200 },
  { "杨", 2900 }, { "黄", 3000 }, { "赵", 1900 }, { "吴", 2300 }, { "周", 1800 },
  { "徐", 1350 }, { "孙", 1250 }, { "马", 1150 }, { "朱", 1150 }, { "胡", 1050 },
  { "郭", 1050 }, { "何", 1000 }, { "林", 2100 }, { "高", 950 },  { "罗", 900 },
  { "郑", 1300 }, { "梁", 800 },  { "谢", 750 },  { "宋", 650 },  { "唐", 630 },
  { "许", 900 },  { "韩", 560 },  { "冯", 550 },  { "邓", 540 },  { "曹", 540 },
  { "彭", 500 },  { "曾", 600 },  { "肖", 490 },  { "田", 450 },  { "董", 440 },
  { "潘", 430 },  { "袁", 430 },  { "蔡", 900 },  { "蒋", 410 },  { "余", 400 },
  { "于", 390 },  { "杜", 390 },  { "叶", 450 },  { "程", 370 },  { "魏", 360 },
  { "苏", 400 },  { "吕", 340 },  { "丁", 330 },  { "任", 320 },  { "卢", 320 },
  { "姚", 310 },  { "沈", 300 },  { "钟", 300 },  { "姜", 290 },  { "崔", 280 },
  { "谭", 270 },  { "陆", 260 },  { "范", 250 },  { "汪", 250 },  { "廖", 250 },
  { "石", 230 },  { "金", 230 },  { "韦", 220 },  { "贾", 220 },  { "夏", 210 },
  { "付", 210 },  { "方", 220 },  { "邹", 200 },  { "熊", 190 },  { "白", 190 },
  { "孟", 190 },  { "秦", 180 },  { "邱", 200 },  { "侯", 180 },  { "江", 190 },
  { "尹", 170 },  { "薛", 160 },  { "闫", 160 },  { "段", 150 },  { "雷", 150 },
  { "龙", 140 },  { "黎", 140 },  { "史", 140 },  { "陶", 130 },  { "贺", 130 },
  { "毛", 130 },  { "郝", 120 },  { "顾", 120 },  { "龚", 120 },  { "邵", 110 },
  { "万", 110 },  { "覃", 110 },  { "武", 110 },  { "钱", 100 },  { "戴", 100 },
  { "严", 100 },  { "欧", 90 },   { "莫", 90 },   { "孔", 90 },   { "向", 90 },
  { "常", 80 },   { "汤", 80 },   { "康", 80 },   { "易", 80 },   { "乔", 80 },
  { "赖", 90 },   { "文", 80 },   { "单", 30 },   { "区", 10 },   { "仇", 20 },
  { "查", 20 },   { "朴", 20 },   { "解", 20 },   { "盖", 15 },   { "乐", 15 },
  { "缪", 15 },   { "翟", 25 },   { "召", 5 },    { "种", 5 },    { "尉", 5 },
  { "欧阳", 60 }, { "司马", 12 }, { "诸葛", 6 },  { "上官", 10 }, { "司徒", 8 },
  { "东方", 4 },  { "皇甫", 4 },  { "慕容", 3 },  { "令狐", 3 },  { "夏侯", 3 },
};

/* Two-character given names are a first and a second character drawn from
 * the same generation's pools: names follow fashions (桂英 and 建国 before
 * 1960, 子轩 and 梓涵 after 2000), and mixing generations looks wrong. */
static const GivenPool given_male[N_ERAS] = {
  { "建国志德文明永福金树宝振长庆玉学连世荣成",
    "国华明军民林生山才发贵祥忠义昌海平安章友" },
  { "建志伟立俊海红晓小永卫爱国振新宏文军明世",
    "军平华东强勇斌峰刚伟涛明林波辉杰良春彬兵" },
  { "志俊伟明晓文宇浩家振建鹏嘉海博子思天国永",
    "鹏杰涛超磊强宇斌飞伟浩龙峰辉轩亮健洋凯锋" },
  { "子梓浩宇俊皓博一思嘉煜睿铭家奕泽明晨天沐",
    "轩涵然宇辰睿泽航杰博阳熙霖铭宸恒晨言钧楷" },
};

static const GivenPool given_female[N_ERAS] = {
  { "秀桂玉淑凤春美素翠金月兰丽爱婉惠",
    "英兰珍华芳梅琴云霞荣香芝娥莲凤花秀贞" },
  { "丽红桂秀小晓玉春美亚雪海艳慧静燕",
    "华红萍芳英霞梅玲燕丽娟琴敏芬云艳" },
  { "晓丽静婷雅佳欣思梦雪倩燕晶慧文秀",
    "婷静丽娟颖倩琳雪敏洁燕玲蕾莉楠芳" },
  { "子梓欣诗语雨若可紫思一佳依悦艺梦芷雅沐安",
    "涵萱琪怡彤琳萌妍瑶汐冉然颖玥悦晴溪柔宁桐" },
};

static const char single_male[] =
  "伟强磊军勇杰涛斌超明刚平辉鹏华鑫波宁浩峰帅宇毅俊健亮洋凯林诚";
static const char single_female[] =
  "芳娜敏静丽艳娟霞秀玲燕婷丹萍红洁琳颖倩雪慧莉梅晶蕾佳欣琴璐月";

/* Names a user would recognise at once. A demo resident called like a
 * film star or a leader distracts a training session; the generator draws
 * again when it makes one of these. */
static const char *const famous_names[] = {
  "王菲", "李白", "杜甫", "刘德华", "周杰伦", "成龙", "姚明", "刘翔", "章子怡", "巩俐",
  "范冰冰", "赵薇", "孙俪", "李连杰", "马云", "马化腾", "李彦宏", "雷军", "张艺谋",
  "陈凯歌", "郭晶晶", "邓亚萍", "王力宏", "林俊杰", "张学友", "黎明", "郭富城",
  "周润发", "梁朝伟", "张曼玉", "杨幂", "刘亦菲", "黄晓明", "胡歌", "鲁迅", "莫言",
  "钱学森", "袁隆平", "钟南山", "屠呦呦", "杨利伟", "王俊凯", "易烊千玺", "王源",
  "毛泽东", "周恩来", "邓小平", "江泽民", "胡锦涛", "习近平", "温家宝", "李克强",
  "朱镕基", "李鹏", "刘少奇", "朱德", "孙中山", "蒋介石", "李强", "赵乐际", "王沪宁",
  "韩正", "李娜", "林丹", "王楠", "张怡宁", "孙杨", "叶诗文", "谷爱凌", "苏炳添",
};

/* 5-year bands of an ageing southern city (about the 2020 census shape
 * moved five years on): 18% aged 65 or over, 8% under 10, a few
 * centenarians. Weights add up to 10,000. */
static const AgeBand age_bands[] = {
  { 0, 4, 360 },    { 5, 9, 440 },    { 10, 14, 460 },  { 15, 19, 440 },
  { 20, 24, 480 },  { 25, 29, 600 },  { 30, 34, 860 },  { 35, 39, 860 },
  { 40, 44, 720 },  { 45, 49, 700 },  { 50, 54, 820 },  { 55, 59, 800 },
  { 60, 64, 660 },  { 65, 69, 600 },  { 70, 74, 480 },  { 75, 79, 320 },
  { 80, 84, 210 },  { 85, 89, 120 },  { 90, 94, 50 },   { 95, 99, 17 },
  { 100, 100, 3 },
};

/* GB/T 3304 codes of the minorities most seen in a Fujian city: migrants
 * from the south-west and the local 畲族. */
static const Weighted ethnic_minorities[] = {
  { "08", 17 },   /* 壮族 */
  { "03", 11 },   /* 回族 */
  { "11", 10 },   /* 满族 */
  { "22", 10 },   /* 畲族 */
  { "15", 9 },    /* 土家族 */
  { "06", 9 },    /* 苗族 */
  { "07", 6 },    /* 彝族 */
  { "02", 5 },    /* 蒙古族 */
  { "05", 4 },    /* 维吾尔族 */
  { "12", 4 },    /* 侗族 */
  { "13", 4 },    /* 瑶族 */
  { "04", 3 },    /* 藏族 */
  { "14", 3 },    /* 白族 */
  { "10", 3 },    /* 朝鲜族 */
  { "09", 3 },    /* 布依族 */
  { "23", 1 },    /* 高山族 */
};

/* Second digit of a mobile number: 13x, 15x and 18x are the old, crowded
 * segments; 16x, 17x and 19x newer. */
static const Weighted mobile_second_digits[] = {
  { "3", 30 }, { "5", 25 }, { "8", 28 }, { "9", 8 }, { "7", 5 }, { "6", 3 }, { "4", 1 },
};

/* Real county codes for residents whose ID was issued elsewhere: other
 * parts of Fujian and the provinces most migrants come from. */
static const char *const other_county_codes[] = {
  "350102",   /* 福州市鼓楼区 */
  "350203",   /* 厦门市思明区 */
  "350322",   /* 莆田市仙游县 */
  "350582",   /* 泉州市晋江市 */
  "350624",   /* 漳州市诏安县 */
  "360102",   /* 南昌市东湖区 */
  "360121",   /* 南昌市南昌县 */
  "340102",   /* 合肥市瑶海区 */
  "341221",   /* 阜阳市临泉县 */
  "430102",   /* 长沙市芙蓉区 */
  "431021",   /* 郴州市桂阳县 */
  "510104",   /* 成都市锦江区 */
  "511621",   /* 广安市岳池县 */
  "410102",   /* 郑州市中原区 */
  "411521",   /* 信阳市罗山县 */
  "420102",   /* 武汉市江岸区 */
  "440106",   /* 广州市天河区 */
  "330106",   /* 杭州市西湖区 */
  "520102",   /* 贵阳市南明区 */
  "500101",   /* 重庆市万州区 */
};

/* Place names: invented (see jy-generator-data.h). */
const char jy_gen_street_stems[] =
  "滨海鹭江莲湖金沙翠屏望海东岸南湖梧桐青屿";

const char jy_gen_community_stems[] =
  "海韵莲花金榜湖光碧水翠竹阳光和平幸福康乐锦绣桂园梅林松涛榕树凤凰"
  "白鹭海湾东湖西苑南山北岸春晖秋实明珠银河星光彩虹文昌育才兴华新村"
  "宝华清源听涛观澜浪屿渔港灯塔盐场花园石桥柳岸荷塘竹林枫林桃源杏林"
  "梨园橘园茶园书香丽景瑞景怡景滨江临海朝阳旭日晨光晚霞泉水龙泉云顶"
  "天湖银滩玉屏紫薇丁香海棠玫瑰木棉椰风帆影潮音沙坡槟榔蓝湾";

static const char road_stems[] =
  "人民解放建设文化学府长青新华振兴环岛民族育英光明前进团结胜利友谊体育"
  "公园湖滨安康富民兴业";

static const Weighted road_suffixes[] = {
  { "路", 60 }, { "街", 15 }, { "大道", 10 }, { "巷", 10 }, { "里", 5 },
};

/* Makers ------------------------------------------------------------------------ */

static guint
weights_total (const Weighted *items,
               guint           n)
{
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += items[i].weight;
  return total;
}

static const char *
pick_weighted (JyGenSource    *self,
               const Weighted *items,
               guint           n,
               guint           total)
{
  guint r = jy_gen_rand_below (self, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < items[i].weight)
        return items[i].value;
      r -= items[i].weight;
    }
  g_assert_not_reached ();
}

/* Appends one entry of @width 3-byte characters from @pool. */
static void
append_from_pool (JyGenSource *self,
                  GString     *out,
                  const char  *pool,
                  guint        width)
{
  gsize entry_bytes = 3 * width;
  guint n = (guint)(strlen (pool) / entry_bytes);

  g_string_append_len (out, pool + entry_bytes * jy_gen_rand_below (self, n), entry_bytes);
}

void
jy_gen_source_init (JyGenSource *self,
                    guint32      seed,
                    guint        max_id_numbers)
{
  memset (self, 0, sizeof *self);
  self->rand = g_rand_new_with_seed (seed);

  self->famous = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (famous_names); i++)
    g_hash_table_add (self->famous, (gpointer)famous_names[i]);

  /* Keys live in one array sized up front, so the table never owns them. */
  self->used_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->id_keys = g_new (gint64, MAX (max_id_numbers, 1));
  self->max_id_keys = max_id_numbers;

  self->surname_total = weights_total (surnames, G_N_ELEMENTS (surnames));
  self->minority_total = weights_total (ethnic_minorities, G_N_ELEMENTS (ethnic_minorities));
  self->mobile_total = weights_total (mobile_second_digits, G_N_ELEMENTS (mobile_second_digits));
  self->road_suffix_total = weights_total (road_suffixes, G_N_ELEMENTS (road_suffixes));
}

void
jy_gen_source_clear (JyGenSource *self)
{
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->famous, g_hash_table_unref);
  g_clear_pointer (&self->used_ids, g_hash_table_unref);
  g_clear_pointer (&self->id_keys, g_free);
}

/* Fisher–Yates. */
void
jy_gen_shuffle (JyGenSource *self,
                guint       *items,
                guint        n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = jy_gen_rand_below (self, i);
      guint tmp = items[i - 1];

      items[i - 1] = items[j];
      items[j] = tmp;
    }
}

/* RFC 4122 version 4 layout, from the seeded generator rather than
 * g_uuid_string_random(), so the uuids are reproducible too. */
void
jy_gen_make_uuid (JyGenSource *self,
                  char         out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  guint pos = 0;

  for (guint i = 0; i < 4; i++)
    {
      guint32 word = g_rand_int (self->rand);

      bytes[4 * i] = word >> 24;
      bytes[4 * i + 1] = word >> 16;
      bytes[4 * i + 2] = word >> 8;
      bytes[4 * i + 3] = word;
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[pos++] = '-';
      out[pos++] = hex[bytes[i] >> 4];
      out[pos++] = hex[bytes[i] & 0x0f];
    }
  out[pos] = '\0';
}

void
jy_gen_make_mobile (JyGenSource *self,
                    char         out[12])
{
  const char *second = pick_weighted (self, mobile_second_digits,
                                      G_N_ELEMENTS (mobile_second_digits), self->mobile_total);

  g_snprintf (out, 12, "1%s%09u", second, jy_gen_rand_below (self, 1000000000));
}

static guint
era_of_birth_year (int year)
{
  if (year < 1960)
    return 0;
  if (year < 1980)
    return 1;
  if (year < 2000)
    return 2;
  return 3;
}

/* A surname by frequency: one character, or two for the compound ones. */
const char *
jy_gen_pick_surname (JyGenSource *self)
{
  return pick_weighted (self, surnames, G_N_ELEMENTS (surnames), self->surname_total);
}

/* @surname (NULL: one by frequency) and a given name of one or two
 * characters in the fashion of the birth year: 2–3 characters, 4 with a
 * compound surname. */
void
jy_gen_make_name (JyGenSource *self,
                  const char  *surname,
                  int          sex,
                  int          birth_year,
                  GString     *out)
{
  const GivenPool *pool = sex == 1 ? &given_male[era_of_birth_year (birth_year)]
                                   : &given_female[era_of_birth_year (birth_year)];

  do
    {
      g_string_truncate (out, 0);
      g_string_append (out, surname != NULL ? surname : jy_gen_pick_surname (self));
      if (jy_gen_rand_chance (self, 180))
        {
          append_from_pool (self, out, sex == 1 ? single_male : single_female, 1);
        }
      else
        {
          append_from_pool (self, out, pool->first, 1);
          append_from_pool (self, out, pool->second, 1);
        }
    }
  while (g_hash_table_contains (self->famous, out->str));
}

guint
jy_gen_pick_age (JyGenSource *self)
{
  guint r = jy_gen_rand_below (self, 10000);

  for (guint i = 0; i < G_N_ELEMENTS (age_bands); i++)
    {
      if (r < age_bands[i].weight)
        return jy_gen_rand_between (self, age_bands[i].min_age, age_bands[i].max_age);
      r -= age_bands[i].weight;
    }
  g_assert_not_reached ();
}

/* Women outlive men: the old bands are mostly women, the young ones have
 * slightly more boys (China's birth sex ratio). Returns a GB/T 2261.1 code. */
int
jy_gen_pick_sex (JyGenSource *self,
                 guint        age)
{
  guint female_per_mille = age < 20 ? 470 : age < 60 ? 495 : age < 80 ? 520 : 590;

  return jy_gen_rand_chance (self, female_per_mille) ? 2 : 1;
}

/* A birth date of someone exactly @age full years old on @reference,
 * uniform over that year of life. GDate clamps 29 Feb to 28 Feb, which
 * matches domain.md: a 29 Feb birthday is reached on 1 Mar. */
void
jy_gen_make_birth_date (JyGenSource *self,
                        const GDate *reference,
                        guint        age,
                        GDate       *out)
{
  GDate latest = *reference;
  GDate earliest = *reference;
  guint32 span;

  g_date_subtract_years (&latest, age);
  g_date_subtract_years (&earliest, age + 1);
  g_date_add_days (&earliest, 1);
  span = g_date_get_julian (&latest) - g_date_get_julian (&earliest) + 1;

  *out = earliest;
  g_date_add_days (out, jy_gen_rand_below (self, span));
}

/* A unique ID number consistent with sex and birth date. People registered
 * here mostly carry the district's own county code, the others the code of
 * wherever their card was first issued. */
gboolean
jy_gen_make_id_number (JyGenSource  *self,
                       int           sex,
                       const GDate  *birth,
                       gboolean      registered_here,
                       char          out[19],
                       GError      **error)
{
  const char *county = JY_GEN_COUNTY_CODE;

  g_return_val_if_fail (self->n_id_keys < self->max_id_keys, FALSE);

  if (!jy_gen_rand_chance (self, registered_here ? 900 : 150))
    county = other_county_codes[jy_gen_rand_below (self, G_N_ELEMENTS (other_county_codes))];

  /* Each county, birth date and sex has about 500 sequence codes; a
   * collision is rare and another draw resolves it. */
  for (guint attempt = 0; attempt < 1000; attempt++)
    {
      guint sequence = sex == 1 ? 2 * jy_gen_rand_below (self, 500) + 1
                                : 2 * jy_gen_rand_below (self, 499) + 2;
      gint64 *key = &self->id_keys[self->n_id_keys];

      g_snprintf (out, 19, "%s%04u%02u%02u%03u", county, g_date_get_year (birth),
                  g_date_get_month (birth), g_date_get_day (birth), sequence);
      *key = g_ascii_strtoll (out, NULL, 10);
      if (g_hash_table_contains (self->used_ids, key))
        continue;

      g_hash_table_add (self->used_ids, key);
      self->n_id_keys++;
      out[17] = jy_idcard_check_char (out);
      out[18] = '\0';
      return TRUE;
    }

  g_set_error_literal (error, JY_STORE_ERROR, JY_STORE_ERROR_FAILED,
                       "Ran out of ID sequence codes for one birth date");
  return FALSE;
}

/* GB/T 3304 code: 汉族 for most. */
const char *
jy_gen_pick_ethnicity (JyGenSource *self)
{
  if (jy_gen_rand_chance (self, 920))
    return "01";
  return pick_weighted (self, ethnic_minorities, G_N_ELEMENTS (ethnic_minorities),
                        self->minority_total);
}

void
jy_gen_make_road (JyGenSource *self,
                  GString     *out)
{
  append_from_pool (self, out, road_stems, 2);
  g_string_append (out, pick_weighted (self, road_suffixes, G_N_ELEMENTS (road_suffixes),
                                       self->road_suffix_total));
}

/* Flats in numbered buildings for most, ground-floor rooms and old houses
 * (`之` numbering, common in Fujian) for the rest. */
void
jy_gen_make_address_detail (JyGenSource *self,
                            const char  *road,
                            GString     *out)
{
  guint number = jy_gen_rand_between (self, 1, 300);
  guint kind = jy_gen_rand_below (self, 100);

  g_string_printf (out, "%s%u号", road, number);
  if (kind < 80)
    {
      guint building = jy_gen_rand_between (self, 1, 30);
      guint unit = jy_gen_rand_between (self, 1, 4);
      guint floor = jy_gen_rand_between (self, 1, 33);
      guint room = jy_gen_rand_between (self, 1, 4);

      g_string_append_printf (out, "%u栋%u单元%u%02u室", building, unit, floor, room);
    }
  else if (kind < 95)
    {
      guint floor = jy_gen_rand_between (self, 1, 8);
      guint room = jy_gen_rand_between (self, 1, 6);

      g_string_append_printf (out, "%u%02u室", floor, room);
    }
  else if (jy_gen_rand_chance (self, 300))
    {
      g_string_append_printf (out, "之%u", jy_gen_rand_between (self, 1, 9));
    }
}
