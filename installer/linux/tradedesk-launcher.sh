#!/bin/sh
# The fast launcher behind /usr/bin/tradedesk and the desktop entry: starts the image's runtime
# with exactly the class path, main class and JVM options of jpackage's bin/tradedesk, read from
# lib/app/tradedesk.cfg. Why not bin/tradedesk itself: on Java 17 that native launcher asks the
# package manager which package owns it (rpm -qf, dpkg -S, dpkg -L) on every start, which costs
# 0.2-1 s; see installer/README.md.
#
# With TRADEDESK_ARCHIVE_CLASSES_AT_EXIT=FILE set, the run writes the AppCDS archive FILE instead
# of using one (create-cds-archive.sh): same class path, so the archive matches later runs.
set -eu

lib=$(dirname "$(readlink -f "$0")")
app="$lib/app"
cfg="$app/tradedesk.cfg"
user_args=$#

class_path=$(sed -n "s|^app.classpath=\\\$APPDIR|$app|p" "$cfg" | paste -sd: -)
main_class=$(sed -n 's/^app.mainclass=//p' "$cfg")

# The JVM options go after the user's arguments, which are then rotated to the end, so that
# paths with spaces survive without arrays (POSIX sh has none).
while IFS= read -r line; do
    case $line in
        java-options=*SharedArchiveFile=*)
            [ -n "${TRADEDESK_ARCHIVE_CLASSES_AT_EXIT:-}" ] ||
                set -- "$@" "$(printf '%s' "${line#java-options=}" | sed "s|\\\$APPDIR|$app|g")" ;;
        java-options=*)
            set -- "$@" "$(printf '%s' "${line#java-options=}" | sed "s|\\\$APPDIR|$app|g")" ;;
    esac
done <"$cfg"
if [ -n "${TRADEDESK_ARCHIVE_CLASSES_AT_EXIT:-}" ]; then
    # Old class files (picocli is Java 5 bytecode) cannot be archived on 17; CDS says so per class.
    set -- "$@" -XX:ArchiveClassesAtExit="$TRADEDESK_ARCHIVE_CLASSES_AT_EXIT" -Xlog:cds=off -Xlog:cds+dynamic=off
fi
set -- "$@" -Djava.class.path="$class_path" "$main_class"
while [ "$user_args" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    user_args=$((user_args - 1))
done

exec "$lib/runtime/bin/java" "$@"
