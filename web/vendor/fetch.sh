#!/usr/bin/env bash
# web/vendor/fetch.sh: fetches the third-party code the web app ships, from
# the npm registry with npm's own client, checks it against the SHA-256 sums
# recorded here, and copies the built files into web/vendor/. The results are
# committed; run this only to check them again or to move to a new version
# (then update the version and the sums below, and the list in web/web.mk and
# web/README.md). Needs npm; writes nothing outside a temporary directory and
# web/vendor/.
#
#   web/vendor/fetch.sh          fetch, verify, copy
#   web/vendor/fetch.sh --check  verify the committed copies only (no network)
set -euo pipefail

VENDOR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# One line per shipped file:  package  version  file-in-package  name-here  sha256
# lean-qr: QR code encoder (ES module, no dependencies), MIT. See web/README.md.
readonly FILES='
lean-qr 2.7.4 index.mjs lean-qr-2.7.4.js 0ce41cd6f92cc23cf057a1df7e1b3876767d678665dd65af4e1d22b4fad967dc
lean-qr 2.7.4 LICENSE lean-qr-2.7.4.LICENSE.txt dc672b829e054d6c102da8776d327f26f27edc1f88740c1878a7ca5b9f74da73
'

die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# Checks that FILE has the SHA-256 sum WANT.
check_sum() {
	local file=$1 want=$2 have
	have=$(sha256sum -- "$file" | cut -d' ' -f1)
	[[ $have == "$want" ]] || die "$file: sha256 $have, expected $want"
}

check_only() {
	local pkg version src name sum
	while read -r pkg version src name sum; do
		[[ -n $pkg ]] || continue
		check_sum "$VENDOR/$name" "$sum"
		printf 'ok  %s (%s@%s %s)\n' "$name" "$pkg" "$version" "$src"
	done <<<"$FILES"
}

TMP=

fetch() {
	local pkg version src name sum tmp
	command -v npm >/dev/null || die "npm is needed (apt-get install npm)"
	TMP=$(mktemp -d)
	trap 'rm -rf -- "$TMP"' EXIT
	tmp=$TMP
	while read -r pkg version src name sum; do
		[[ -n $pkg ]] || continue
		if [[ ! -d $tmp/$pkg-$version ]]; then
			mkdir -p "$tmp/$pkg-$version"
			(cd "$tmp/$pkg-$version" && npm pack --silent "$pkg@$version" >/dev/null) ||
				die "npm pack $pkg@$version failed"
			tar -xzf "$tmp/$pkg-$version"/*.tgz -C "$tmp/$pkg-$version"
		fi
		check_sum "$tmp/$pkg-$version/package/$src" "$sum"
		cp -- "$tmp/$pkg-$version/package/$src" "$VENDOR/$name"
		chmod 0644 "$VENDOR/$name"
		printf 'ok  %s <- %s@%s %s\n' "$name" "$pkg" "$version" "$src"
	done <<<"$FILES"
}

case ${1:-} in
'') fetch ;;
--check) check_only ;;
*) die "usage: $0 [--check]" ;;
esac
