#!/bin/sh
# Creates IMAGE/lib/app/tradedesk.jsa, TradeDesk's AppCDS archive, by a training run: the
# headless workstation smoke test, on the image's own runtime and exactly the class path its
# launcher builds from lib/app/tradedesk.cfg.
#
# Why a script and not a build step only: on Java 17 a CDS archive records the absolute paths of
# the class path, so an archive made in target/installer/ is useless once the image is installed
# in /opt/tradedesk. The Maven build runs this for the app image in place; the .deb's postinst
# runs it again after installing, for the installed paths.
#
# Usage: create-cds-archive.sh IMAGE_DIR [SMOKE_TEST_DURATION]
set -eu

image=$(cd "$1" && pwd)
duration=${2:-5s}
app="$image/lib/app"
cfg="$app/tradedesk.cfg"
archive="$app/tradedesk.jsa"

[ -f "$cfg" ] || { echo "create-cds-archive: $cfg not found" >&2; exit 1; }
class_path=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$cfg" | paste -sd: -)
main_class=$(sed -n 's/^app.mainclass=//p' "$cfg")
# The launcher's own options (heap, GC), except the archive itself: it does not exist yet.
java_options=$(sed -n "s|^java-options=||p" "$cfg" | grep -v SharedArchiveFile | sed "s|\\\$APPDIR|$app|g")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"

# Old class files (picocli is Java 5 bytecode) cannot be archived on 17; CDS says so per class.
# shellcheck disable=SC2086
if ! env -u DISPLAY -u WAYLAND_DISPLAY XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    "$image/lib/runtime/bin/java" $java_options -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off \
    -Xlog:cds+dynamic=off -Djava.class.path="$class_path" "$main_class" \
    gui --smoke-test --headless --duration "$duration" >"$work/training.log" 2>&1; then
    echo "create-cds-archive: the training run failed; TradeDesk runs without the archive, only slower to start:" >&2
    tail -n 20 "$work/training.log" >&2
    rm -f "$archive"
    exit 1
fi
[ -f "$archive" ] || { echo "create-cds-archive: the JVM wrote no archive" >&2; exit 1; }
echo "create-cds-archive: $archive ($(du -h "$archive" | cut -f1))"
