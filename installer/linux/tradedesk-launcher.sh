#!/bin/sh
# The fast launcher behind /usr/bin/tradedesk and the desktop entry: starts the image's runtime
# with exactly the class path, main class and JVM options of jpackage's bin/tradedesk, read from
# lib/app/tradedesk.cfg. Why not bin/tradedesk itself: on Java 17 that native launcher asks the
# package manager which package owns it (rpm -qf, dpkg -S, dpkg -L) on every start, which costs
# 0.2-1 s; see installer/README.md. Written in plain sh builtins (one readlink is the only
# program it runs) because every fork costs milliseconds on a busy machine.
#
# With TRADEDESK_ARCHIVE_CLASSES_AT_EXIT=FILE set, the run writes the AppCDS archive FILE instead
# of using one (create-cds-archive.sh): same class path, so the archive matches later runs.
set -eu

launcher=$(readlink -f "$0")
lib=${launcher%/*}
app="$lib/app"
user_args=$#

# A lone --version is answered by Main before anything else loads (658 classes, all but 20 from
# the JDK's base archive): it needs neither the workstation's 1 GB G1 heap in huge pages, whose
# set-up threads cost more than the answer, nor the 55 MB app archive, which only pays off for the
# workstation.
# Same class path, same answer.
lone_version=
if [ $# -eq 1 ] && { [ "$1" = --version ] || [ "$1" = -V ]; }; then
    lone_version=1
fi

# $APPDIR in the cfg is the app folder; sh has no global substitution, so one occurrence at a time.
with_app_dir() {
    expanded=$1
    while :; do
        case $expanded in
            *'$APPDIR'*) expanded="${expanded%%\$APPDIR*}$app${expanded#*\$APPDIR}" ;;
            *) break ;;
        esac
    done
}

# The JVM options go after the user's arguments, which are then rotated to the end, so that
# paths with spaces survive without arrays (POSIX sh has none).
class_path=
main_class=
while IFS= read -r line; do
    case $line in
        app.classpath=*)
            with_app_dir "${line#app.classpath=}"
            class_path="${class_path:+$class_path:}$expanded" ;;
        app.mainclass=*)
            main_class=${line#app.mainclass=} ;;
        java-options=*SharedArchiveFile=*)
            if [ -z "${TRADEDESK_ARCHIVE_CLASSES_AT_EXIT:-}" ] && [ -z "$lone_version" ]; then
                with_app_dir "${line#java-options=}"
                set -- "$@" "$expanded"
            fi ;;
        java-options=-Xm[sx]* | java-options=-XX:+Use*GC | java-options=-XX:MaxGCPauseMillis=* | java-options=-XX:+UseTransparentHugePages)
            [ -n "$lone_version" ] || set -- "$@" "${line#java-options=}" ;;
        java-options=*)
            with_app_dir "${line#java-options=}"
            set -- "$@" "$expanded" ;;
    esac
done <"$app/tradedesk.cfg"
if [ -n "$lone_version" ]; then
    set -- "$@" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData
fi
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
