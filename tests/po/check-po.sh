#!/usr/bin/env bash
# Fails if po/zh_CN.po misses, or has fuzzy, any string the sources have now,
# or if a file with translatable strings is missing from po/POTFILES.in.
set -euo pipefail
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir"

status=0

# 1. Every file with translatable strings is listed.
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( (grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext)[[:space:]]*\(' src --include='*.c' || true;
          grep -rl 'translatable="yes"' ui || true) | sort -u)
missing=$(comm -13 <(echo "$listed") <(echo "$found"))
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in:"; echo "$missing" | sed 's/^/  /'
  status=1
fi
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; status=1; }
done

# 2. The translation covers today's template exactly.
xgettext --files-from=po/POTFILES.in --directory="$srcdir" --output="$tmp/jiayi.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format --no-location 2>"$tmp/xgettext.log" || {
    cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/zh_CN.po" po/zh_CN.po "$tmp/jiayi.pot"
msgfmt --check --output-file=/dev/null po/zh_CN.po
stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$tmp/zh_CN.po" 2>&1)
echo "zh_CN: $stats"
if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
  echo "untranslated or fuzzy strings:"
  msgattrib --untranslated --only-fuzzy "$tmp/zh_CN.po" 2>/dev/null | grep '^msgid' || true
  msgattrib --untranslated "$tmp/zh_CN.po" | grep -A1 '^msgid' | head -80
  status=1
fi
# Obsolete entries mean the file was not regenerated; keep it tidy.
obsolete=$(msgattrib --only-obsolete "$tmp/zh_CN.po" | grep -c '^#~ msgid' || true)
[ "$obsolete" -eq 0 ] || echo "note: $obsolete obsolete entries in po/zh_CN.po"
exit $status
