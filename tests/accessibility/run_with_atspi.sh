#!/usr/bin/env bash
# Inside dbus-run-session: a virtual screen, the accessibility bus, `wfexplorer --demo`, then the AT-SPI reader.
# Usage: run_with_atspi.sh <venv python> <settings folder>
set -u
python="$1"; folder="$2"
here="$(cd "$(dirname "$0")" && pwd)"
display=97  # the first free display from :97 up (other tests or programs may hold some)
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY=":$display" QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
sleep 1
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & bus=$!
sleep 1
XDG_CONFIG_HOME="$folder/config" XDG_CACHE_HOME="$folder/cache" "$python" -m wfexplorer --demo >/dev/null 2>&1 & app=$!
/usr/bin/python3 "$here/${READER:-read_explorer.py}" 40 ${READER_ARGS:-}
status=$?
kill "$app" "$bus" "$xvfb" 2>/dev/null
wait "$app" 2>/dev/null
exit $status
