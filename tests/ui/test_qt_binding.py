"""The installed Qt binding does not corrupt reference counts when Python emits signals.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without a new reference, so every emit
(ours, and qasync's for each result coming back from a worker thread) takes one reference from
``True`` until the interpreter aborts with "bool_dealloc". pyproject.toml excludes that release.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(bool)
    poked = Signal()


def test_emitting_signals_leaves_the_reference_counts_of_true_and_false_alone(qapp):
    emitter = _Emitter()
    received = []
    emitter.changed.connect(received.append)
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(100):
        emitter.changed.emit(True)
        emitter.changed.emit(False)
        emitter.poked.emit()
    received.clear()
    gc.collect()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
