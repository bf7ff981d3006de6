#!/usr/bin/env bash
# Git merge driver for gettext catalogs (see .gitattributes). Both sides usually add entries in the
# same places, which a line merge turns into conflicts; msgcat takes the union (our translation wins
# where both translated the same msgid). Run `make messages` after a merge to drop stale entries.
# Enable once per clone:  git config merge.catalog.driver 'scripts/git-merge-catalog.sh %O %A %B'
set -euo pipefail
ours="$2"; theirs="$3"
tmp="$(mktemp)"
msgcat --use-first --no-wrap -o "$tmp" "$ours" "$theirs"
mv "$tmp" "$ours"
