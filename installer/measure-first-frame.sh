#!/bin/sh
# Measures "launch of the installed app -> first live frame" for the normal workstation (`gui`,
# not the smoke test), on a data dir that already holds history, the way a trader starts it
# every morning. Each run starts LAUNCHER gui, waits for the line the app logs at its first live
# frame ("First live frame N ms after the JVM started (epoch ms E)"), prints
#   run K: launch_to_first_frame_ms=E-T0 jvm_to_first_frame_ms=N load=...
# where T0 is taken just before the launcher is started, then stops the app (SIGTERM, as a
# desktop logout would) and starts the next run.
#
# Usage: DISPLAY=:N installer/measure-first-frame.sh LAUNCHER [RUNS] [WORK_DIR]
#   LAUNCHER  e.g. /opt/tradedesk/lib/tradedesk-launcher.sh or target/installer/tradedesk/lib/tradedesk-launcher.sh
#   RUNS      timed runs (default 5); a new WORK_DIR first gets one untimed run that creates the
#             settings and fills the history
#   WORK_DIR  settings and data dir, kept between calls (default: a new temporary folder)
# The app runs on the simulated exchange (the default settings): no network, no account.
set -eu

launcher=$1
runs=${2:-5}
work=${3:-$(mktemp -d)}
timeout_s=120
[ -n "${DISPLAY:-}" ] || { echo "measure-first-frame: needs a display (DISPLAY); Xvfb will do" >&2; exit 2; }
mkdir -p "$work/config" "$work/data"
log="$work/data/tradedesk/logs/tradedesk.log"

now_ms() { date +%s%3N; }
first_frames_logged() { if [ -f "$log" ]; then grep -c 'First live frame' "$log" || true; else echo 0; fi; }

# Starts the app, waits for its first live frame, stops it; prints "E N" (epoch ms, ms after JVM start).
one_run() {
    before=$(first_frames_logged)
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" "$launcher" gui >"$work/stdout.txt" 2>&1 &
    pid=$!
    waited=0
    while :; do
        count=$(first_frames_logged)
        [ "$count" -gt "$before" ] && break
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "measure-first-frame: the app exited before its first live frame; output and log tail:" >&2
            tail -n 20 "$work/stdout.txt" "$log" >&2 2>/dev/null || true
            exit 1
        fi
        if [ "$waited" -ge $((timeout_s * 10)) ]; then
            kill "$pid" 2>/dev/null || true
            echo "measure-first-frame: no first live frame within about ${timeout_s} s; output and log tail:" >&2
            tail -n 20 "$work/stdout.txt" "$log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    grep 'First live frame' "$log" | tail -n 1 | sed -n 's/.*First live frame \([0-9]*\) ms after the JVM started (epoch ms \([0-9]*\)).*/\2 \1/p'
}

if [ ! -f "$log" ]; then
    echo "measure-first-frame: untimed first run (creates the settings and fills the history)..."
    one_run >/dev/null
fi
k=1
while [ "$k" -le "$runs" ]; do
    start=$(now_ms)
    set -- $(one_run)
    [ $# -eq 2 ] || exit 1
    echo "run $k: launch_to_first_frame_ms=$(($1 - start)) jvm_to_first_frame_ms=$2 load=$(cut -d' ' -f1 /proc/loadavg)"
    k=$((k + 1))
done
echo "work dir: $work"
