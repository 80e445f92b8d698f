#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translation.sh SOURCE-ROOT: every source file with translatable
# strings is listed in po/POTFILES.in, and po/fr.po translates every string
# of the current sources (none missing, none fuzzy), so the French interface
# is complete. Prints TAP.
set -u
root=$1
cd "$root" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "1..2"

missing=""
for f in $(find app ui data -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml' | sort); do
  if grep -qE '(^|[^a-z_])(_|N_|C_|NC_|g_dngettext|ngettext)[ ]?\(|translatable="yes"|<summary>|<description>|<name>' "$f" &&
     ! grep -qx "$f" po/POTFILES.in; then
    missing="$missing $f"
  fi
done
if [ -z "$missing" ]; then
  echo "ok 1 - po/POTFILES.in lists every file with translatable strings"
else
  echo "not ok 1 - po/POTFILES.in misses:$missing"
fi

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$work/files"
xgettext --files-from="$work/files" --directory=. --output="$work/messages.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=g_dcgettext:2 --keyword=ngettext:1,2 --package-name=dpo-workbench 2>"$work/xgettext.log" ||
  { echo "not ok 2 - xgettext failed: $(cat "$work/xgettext.log")"; exit 0; }
msgmerge --quiet --no-fuzzy-matching po/fr.po "$work/messages.pot" -o "$work/fr.po" 2>/dev/null
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/fr.po" 2>&1)
case $stats in
  *untranslated*|*fuzzy*)
    echo "not ok 2 - po/fr.po is incomplete: $stats"
    msgattrib --untranslated --no-obsolete "$work/fr.po" 2>/dev/null | grep '^msgid' | head -20 | sed 's/^/# /' ;;
  *)
    echo "ok 2 - po/fr.po translates every string ($stats)" ;;
esac
