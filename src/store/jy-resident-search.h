/* jy-resident-search.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jy-db.h"

G_BEGIN_DECLS

/* Finding residents by what a doctor types (domain.md §1.5, architecture.md
 * "Search"): a name in 汉字, full pinyin or initials, an ID number's start or
 * last digits, a phone's start or last digits, a record number.
 *
 * Every resident has rows in search_key (team_id, key, resident_id,
 * visibility); a key starts with its kind, so a prefix search of any kind
 * is a range `key >= 'p:wang' AND key < 'p:wanh'`, read once for the own
 * team and once per other team (the table is grouped by team):
 *
 *   n:  the name, folded (NFKC, no spaces or ·)  n:王小燕, n:阿依古丽买买提
 *   b:  two adjacent 汉字 of the folded name,    王小燕: b:小燕; 司马相如: b:马相, b:相如
 *       except the first two (n: has them)
 *   p:  full pinyin, one per reading variant     p:wangxiaoyan; 单田芳: p:shantianfang, p:dantianfang
 *   m:  surname in full, given name as initials  m:wangxy (given names of 2+ characters)
 *   i:  initials                                 i:wxy; 欧阳锋: i:oyf
 *   h:  surname in 汉字, given name in full      h:王xiaoyan, h:王xy; 欧阳锋: h:欧阳feng
 *       pinyin and (2+ characters) initials
 *   d:  ID number, X upper-case                  d:11010519491231002X
 *   D:  ID number reversed, so its last digits   D:X20013219491501011
 *       are a prefix
 *   t:  phone digits, own and contact phones;    t:13812345678
 *       a landline also without its area code    0592-5551234: t:05925551234, t:5551234
 *   T:  phone digits reversed (last digits)      T:87654321831
 *   a:  record number, all 17 digits and the     a:35020310100100023, a:00100023
 *       last 8 printed on forms (□□□-□□□□□)
 *
 * Pinyin keys come from jy_pinyin_keys_new() (at most 16 variants of each
 * kind). team_id (0: none) and visibility (2 active, 1 moved out / dead /
 * lost, 0 voided) are the resident's when last indexed: re-index after
 * every write of a resident row, a change of status or team included.
 * search_doc remembers each resident's keys so re-indexing removes them;
 * resident_name_fts (trigram) holds the folded name for substrings of
 * three or more characters. */

typedef enum
{
  JY_RESIDENT_SEARCH_DEFAULT         = 0,
  /* Moved-out, dead and lost residents too (never voided ones). */
  JY_RESIDENT_SEARCH_INCLUDE_RETIRED = 1 << 0,
} JyResidentSearchFlags;

/* Replaces the resident's keys and substring row. Call inside the write
 * transaction that saved the resident (created, edited, retired, moved to
 * another team, pulled from the platform, imported), after the row is
 * written: team and status are read from it. NULL fields have no keys. */
gboolean  jy_resident_search_index      (JyDb                   *db,
                                         gint64                  resident_id,
                                         const char             *name,
                                         const char             *id_number,
                                         const char             *phone,
                                         const char             *contact_phone,
                                         const char             *archive_no,
                                         GError                **error);

/* Recomputes the keys of every resident: the generator and imports call it
 * after a bulk load, a migration that changes the key rules calls it too.
 * Inside the caller's write transaction; about 4.5 s for 200,000 residents. */
gboolean  jy_resident_search_rebuild    (JyDb                   *db,
                                         GError                **error);

/* Active residents matching @query, best first, as a GArray of gint64 ids
 * (at most @limit; 0 means no limit, slow for a one-letter query).
 *
 * The query decides what is searched:
 *   digits (an ID may end in X)  ID prefix; ID's last 4–8; phone prefix (3+)
 *                                and last 4–10; record number prefix (3+,
 *                                the 17 digits or the 8 on forms)
 *   Latin letters                pinyin: full, mixed and initials prefixes
 *                                (wangxiaoyan, wangxy, wxy; ü typed as v or u);
 *                                3+ letters also a substring of a Latin name
 *   汉字, then Latin letters      the surname as typed, the rest pinyin: full or
 *                                initials prefixes (王xy, 王xiaoy, 欧阳f); 汉字
 *                                past the surname must start the name (王小y
 *                                finds 王小燕, not 王晓燕)
 *   anything else (汉字)          name prefix; 2 汉字 also anywhere in a name
 *                                (b: keys), 3+ characters also a substring
 *                                (trigrams); 1 character only as a prefix
 * Spaces, dashes and full-width forms are ignored; an empty query finds
 * nobody.
 *
 * Ranking: an exact ID number, phone or record number first; then
 * @own_team_id's residents (0 = no team); then prefix matches; then
 * substring matches (own-team ones too: prefix first, then substring).
 * Within a rank: the kind of match (ID and phone before record number;
 * full pinyin before mixed before initials), then the
 * matched key (so a shorter name that equals the query comes before its
 * longer extensions, and pinyin results read alphabetically), then id.
 *
 * Each kind of key is read as an index range that stops after @limit
 * residents, so the cost follows @limit, not the number of matches
 * (王 alone matches 14,000 of 200,000). Blocking; run it in a worker on a
 * reader connection (jy_store_read). */
GArray   *jy_resident_search            (JyDb                   *db,
                                         const char             *query,
                                         gint64                  own_team_id,
                                         guint                   limit,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* The same, with @flags (JY_RESIDENT_SEARCH_INCLUDE_RETIRED). */
GArray   *jy_resident_search_with_flags (JyDb                   *db,
                                         const char             *query,
                                         gint64                  own_team_id,
                                         JyResidentSearchFlags   flags,
                                         guint                   limit,
                                         GCancellable           *cancellable,
                                         GError                **error);

G_END_DECLS
