#!/bin/sh
# An AT-SPI client runs an action in the ActionsPanel, headless (see the accessibility reference's set-up).
# It stops everything it started, whatever happens. Usage, from the repository root:  dbus-run-session -- sh tests/accessibility/run_action_atspi.sh
HERE=$(dirname "$0")
PYTHON=${PYTHON:-.venv/bin/python}
display=89  # the first free display from :89 up
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
export DISPLAY=":$display" QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb
Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
sleep 1
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & BPID=$!
sleep 1
OUT=$(mktemp)
"$PYTHON" "$HERE/acting_window.py" >"$OUT" 2>/dev/null & APID=$!
for _ in $(seq 1 300); do grep -q READY "$OUT" && break; sleep 0.2; done
/usr/bin/python3 "$HERE/run_action_atspi.py"; CLIENT=$?
for _ in $(seq 1 100); do grep -qE "RAN|FAILED" "$OUT" && break; sleep 0.2; done
cat "$OUT"
kill $APID $BPID $XPID 2>/dev/null || true
[ "$CLIENT" = 0 ] && grep -q RAN "$OUT"
