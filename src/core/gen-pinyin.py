#!/usr/bin/env python3
# gen-pinyin.py
#
# Copyright 2026 Jiayi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the toneless pinyin table behind jy-pinyin.c from the Unicode
# Han database (Unihan_Readings.txt, plain or .bz2; Debian: unicode-data).
#
#   gen-pinyin.py UNIHAN_READINGS OUTPUT.c OUTPUT.h
#
# For every ideograph with a Mandarin reading it keeps up to four toneless
# readings (ü written as v), the usual one first:
#   1. kMandarin (the first value: the one preferred in mainland China);
#   2. other readings kHanyuPinlu counts as frequent in modern text
#      (at least COMMON_SHARE of the character's counted uses);
#   3. the rest, from kMandarin's second value, kXHC1983 (现代汉语词典),
#      kTGHZ2013 (通用规范汉字字典) and kHanyuPinyin (汉语大字典).
# Readings 1–2 are "common": the ones a given name is indexed under.
#
# Layout, chosen to stay small (about 90 KB of data):
#   - jy_pinyin_syllables: the distinct syllables, sorted;
#   - jy_pinyin_sets: the distinct (readings, common count) combinations,
#     as indices into the syllables; set 0 is "no reading";
#   - jy_pinyin_bmp: one set index per code point of U+3400..U+9FFF
#     (CJK Extension A and the Unified Ideographs block);
#   - jy_pinyin_sparse_codepoints / jy_pinyin_sparse_sets: parallel arrays,
#     sorted by code point, for everything else that has a reading
#     (compatibility ideographs, Extensions B and later).

import bz2
import re
import sys
import unicodedata

MAX_READINGS = 4
COMMON_SHARE = 0.10
BMP_FIRST = 0x3400
BMP_END = 0xA000          # exclusive

SYLLABLE_RE = re.compile(r'^[a-z]+$')
PINLU_RE = re.compile(r'([^\s(]+)\((\d+)\)')


def toneless(reading):
    """'lǚ' -> 'lv', 'zhōng' -> 'zhong', 'ê̄' -> 'e'; None if not pinyin."""
    out = []
    for ch in unicodedata.normalize('NFD', reading.strip().lower()):
        if ch == '\u0308':                      # diaeresis: ü
            if out and out[-1] == 'u':
                out[-1] = 'v'
            continue
        if unicodedata.combining(ch):
            continue                            # tone marks, ê's circumflex
        out.append(ch)
    syllable = ''.join(out)
    return syllable if SYLLABLE_RE.match(syllable) else None


def located_readings(value):
    """'0110.090:céng 1446.020:zēng' or '21521.030:zēng,céng' -> readings in order."""
    readings = []
    for entry in value.split():
        _, _, tail = entry.partition(':')
        readings.extend(r for r in tail.split(',') if r)
    return readings


def open_text(path):
    if path.endswith('.bz2'):
        return bz2.open(path, 'rt', encoding='utf-8')
    return open(path, 'rt', encoding='utf-8')


def read_unihan(path):
    fields = {}
    version = None
    with open_text(path) as f:
        for line in f:
            if line.startswith('#'):
                m = re.search(r'Unicode version:\s*(\d+(?:\.\d+)*)', line)
                if m is not None and version is None:
                    version = m.group(1)
                continue
            parts = line.rstrip('\n').split('\t')
            if len(parts) != 3 or not parts[0].startswith('U+'):
                continue
            cp = int(parts[0][2:], 16)
            fields.setdefault(cp, {})[parts[1]] = parts[2]
    return fields, version


def readings_for(entry):
    """Returns (readings, n_common) or None."""
    mandarin = [toneless(r) for r in entry.get('kMandarin', '').split()]
    pinlu = {}
    for reading, count in PINLU_RE.findall(entry.get('kHanyuPinlu', '')):
        syllable = toneless(reading)
        if syllable is not None:
            pinlu[syllable] = pinlu.get(syllable, 0) + int(count)
    rest = mandarin[1:]
    for field in ('kXHC1983', 'kTGHZ2013', 'kHanyuPinyin'):
        rest.extend(toneless(r) for r in located_readings(entry.get(field, '')))

    ordered = []

    def add(syllable):
        if syllable is not None and syllable not in ordered and len(ordered) < MAX_READINGS:
            ordered.append(syllable)

    add(mandarin[0] if mandarin else None)
    if not ordered:
        # No kMandarin: the most counted reading, else the first dictionary one.
        if pinlu:
            add(max(pinlu, key=lambda s: (pinlu[s], s)))
        else:
            for syllable in rest:
                add(syllable)
                if ordered:
                    break
    if not ordered:
        return None

    total = sum(pinlu.values())
    for syllable in sorted(pinlu, key=lambda s: (-pinlu[s], s)):
        if total > 0 and pinlu[syllable] >= COMMON_SHARE * total:
            add(syllable)
    n_common = len(ordered)
    for syllable in rest:
        add(syllable)
    return ordered, n_common


def c_array_lines(values, per_line=16):
    for i in range(0, len(values), per_line):
        yield '  ' + ', '.join(str(v) for v in values[i:i + per_line]) + ','


def main(argv):
    if len(argv) != 4:
        sys.stderr.write('usage: gen-pinyin.py UNIHAN_READINGS OUTPUT.c OUTPUT.h\n')
        return 2
    source, out_c, out_h = argv[1:]

    fields, version = read_unihan(source)
    per_cp = {}
    for cp, entry in fields.items():
        result = readings_for(entry)
        if result is not None:
            per_cp[cp] = result
    if len(per_cp) < 20000:
        sys.stderr.write('gen-pinyin.py: %s has only %d characters with a reading; '
                         'is it Unihan_Readings.txt?\n' % (source, len(per_cp)))
        return 1

    syllables = sorted({s for readings, _ in per_cp.values() for s in readings})
    syllable_index = {s: i for i, s in enumerate(syllables)}

    sets = [((), 0)]                 # set 0: no reading
    set_index = {sets[0]: 0}
    cp_set = {}
    for cp in sorted(per_cp):
        readings, n_common = per_cp[cp]
        key = (tuple(syllable_index[s] for s in readings), n_common)
        if key not in set_index:
            set_index[key] = len(sets)
            sets.append(key)
        cp_set[cp] = set_index[key]
    if len(sets) > 0xFFFF:
        sys.stderr.write('gen-pinyin.py: too many reading sets (%d)\n' % len(sets))
        return 1

    bmp = [cp_set.get(cp, 0) for cp in range(BMP_FIRST, BMP_END)]
    sparse = [(cp, s) for cp, s in sorted(cp_set.items()) if not BMP_FIRST <= cp < BMP_END]

    header = [
        '/* jy-pinyin-table.h',
        ' *',
        ' * Generated by src/core/gen-pinyin.py from Unihan_Readings.txt%s. Do not edit.' %
        (' (Unicode %s)' % version if version else ''),
        ' * SPDX-License-Identifier: GPL-3.0-or-later',
        ' */',
        '',
        '#pragma once',
        '',
        '#include <glib.h>',
        '',
        'G_BEGIN_DECLS',
        '',
        '#define JY_PINYIN_MAX_READINGS %d' % MAX_READINGS,
        '#define JY_PINYIN_BMP_FIRST    0x%04X' % BMP_FIRST,
        '#define JY_PINYIN_BMP_END      0x%04X' % BMP_END,
        '#define JY_PINYIN_N_SYLLABLES  %d' % len(syllables),
        '#define JY_PINYIN_N_SETS       %d' % len(sets),
        '#define JY_PINYIN_N_SPARSE     %d' % len(sparse),
        '',
        '/* Readings of a character, usual first; the first n_common are the',
        ' * ones in everyday use. */',
        'typedef struct',
        '{',
        '  guint16 syllables[JY_PINYIN_MAX_READINGS];',
        '  guint8  n_readings;',
        '  guint8  n_common;',
        '} JyPinyinSet;',
        '',
        'extern const char *const jy_pinyin_syllables[JY_PINYIN_N_SYLLABLES];',
        'extern const JyPinyinSet jy_pinyin_sets[JY_PINYIN_N_SETS];',
        'extern const guint16     jy_pinyin_bmp[JY_PINYIN_BMP_END - JY_PINYIN_BMP_FIRST];',
        'extern const guint32     jy_pinyin_sparse_codepoints[JY_PINYIN_N_SPARSE];',
        'extern const guint16     jy_pinyin_sparse_sets[JY_PINYIN_N_SPARSE];',
        '',
        'G_END_DECLS',
        '',
    ]

    body = [
        '/* jy-pinyin-table.c',
        ' *',
        ' * Generated by src/core/gen-pinyin.py from Unihan_Readings.txt%s. Do not edit.' %
        (' (Unicode %s)' % version if version else ''),
        ' * %d characters with a reading, %d syllables, %d reading sets.' %
        (len(per_cp), len(syllables), len(sets)),
        ' * SPDX-License-Identifier: GPL-3.0-or-later',
        ' */',
        '',
        '#include "jy-pinyin-table.h"',
        '',
        'const char *const jy_pinyin_syllables[JY_PINYIN_N_SYLLABLES] = {',
    ]
    line = '  '
    for s in syllables:
        item = '"%s", ' % s
        if len(line) + len(item) > 98:
            body.append(line.rstrip())
            line = '  '
        line += item
    body.append(line.rstrip())
    body.append('};')
    body.append('')
    body.append('const JyPinyinSet jy_pinyin_sets[JY_PINYIN_N_SETS] = {')
    for readings, n_common in sets:
        padded = list(readings) + [0] * (MAX_READINGS - len(readings))
        body.append('  { { %s }, %d, %d },' % (', '.join(str(v) for v in padded),
                                                len(readings), n_common))
    body.append('};')
    body.append('')
    body.append('const guint16 jy_pinyin_bmp[JY_PINYIN_BMP_END - JY_PINYIN_BMP_FIRST] = {')
    body.extend(c_array_lines(bmp))
    body.append('};')
    body.append('')
    body.append('const guint32 jy_pinyin_sparse_codepoints[JY_PINYIN_N_SPARSE] = {')
    for i in range(0, len(sparse), 10):
        body.append('  ' + ' '.join('0x%05X,' % cp for cp, _ in sparse[i:i + 10]))
    body.append('};')
    body.append('')
    body.append('const guint16 jy_pinyin_sparse_sets[JY_PINYIN_N_SPARSE] = {')
    body.extend(c_array_lines([s for _, s in sparse]))
    body.append('};')
    body.append('')

    with open(out_h, 'w', encoding='utf-8') as f:
        f.write('\n'.join(header))
    with open(out_c, 'w', encoding='utf-8') as f:
        f.write('\n'.join(body))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
