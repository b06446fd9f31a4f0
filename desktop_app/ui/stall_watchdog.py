"""How long the GUI thread is kept from its event loop.

A precise timer asks to run every few milliseconds; the gap between two of its ticks is how long
the window could not repaint or answer input. Gaps over 16 ms (one frame at 60 Hz) are stalls.
Switched on in the app with --profile-stalls (each stall goes to the log) and always on in the
benchmarks.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer

FRAME_MS = 16.0


@dataclass(frozen=True)
class Stall:
    at: float  # seconds since the watchdog started
    ms: float


class StallWatchdog(QObject):
    def __init__(self, parent=None, interval_ms: int = 4, log: bool = False) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._log = logging.getLogger("commitment_tracker.stalls") if log else None
        self.gaps: list[float] = []  # ms between ticks, every one since the last reset
        self.stalls: list[Stall] = []
        self._started = self._last = 0.0

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def reset(self) -> None:
        self.gaps, self.stalls = [], []
        self._started = self._last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000.0
        self._last = now
        self.gaps.append(gap)
        if gap > FRAME_MS:
            stall = Stall(now - self._started, gap)
            self.stalls.append(stall)
            if self._log is not None:
                self._log.warning("GUI stalled for %.0f ms at %.1f s", gap, stall.at)

    def longest_ms(self) -> float:
        return max(self.gaps, default=0.0)

    def percentile_ms(self, share: float) -> float:
        """The gap that `share` (0..1) of all gaps are shorter than."""
        if not self.gaps:
            return 0.0
        ordered = sorted(self.gaps)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
