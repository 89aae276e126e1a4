#!/bin/sh
# Creates IMAGE/lib/app/tradedesk.jsa, TradeDesk's AppCDS archive, by a training run: the
# headless workstation smoke test, started by lib/tradedesk-launcher.sh, so with exactly the
# class path and JVM options of every later start.
#
# Why a script and not a build step only: on Java 17 a CDS archive records the absolute paths of
# the class path, so an archive made in target/installer/ is useless once the image is installed
# in /opt/tradedesk. The Maven build runs this for the app image in place; the .deb's postinst
# runs it again after installing, for the installed paths.
#
# Usage: create-cds-archive.sh IMAGE_DIR [SMOKE_TEST_DURATION]
set -eu

image=$(cd "$1" && pwd)
duration=${2:-1s}
archive="$image/lib/app/tradedesk.jsa"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"

# A throw-away home and data dir: the training run must not touch anyone's settings or history.
if ! env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    TRADEDESK_ARCHIVE_CLASSES_AT_EXIT="$archive" JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
    "$image/lib/tradedesk-launcher.sh" gui --smoke-test --headless --duration "$duration" >"$work/training.log" 2>&1; then
    echo "create-cds-archive: the training run failed; TradeDesk runs without the archive, only slower to start:" >&2
    tail -n 20 "$work/training.log" >&2
    rm -f "$archive"
    exit 1
fi
[ -f "$archive" ] || { echo "create-cds-archive: the JVM wrote no archive" >&2; exit 1; }
echo "create-cds-archive: $archive ($(du -h "$archive" | cut -f1))"
