"""Progress of a run: a bar redrawn in place on a terminal (documents, rate, errors, time left), plain
lines every few seconds when the output is a file or a pipe. Messages (errors) always get a line."""
from __future__ import annotations

import sys
import time

LINE_SECONDS = 5.0
BAR_SECONDS = 0.2
WIDTH = 24


class Progress:
    def __init__(self, stream=None, terminal: bool | None = None):
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.t0 = self.last = time.perf_counter()
        self.drawn = False

    def __call__(self, message: str) -> None:
        self._clear()
        print(message, file=self.stream, flush=True)

    def tick(self, report, fraction: float | None, last_source: str = "") -> None:
        now = time.perf_counter()
        if now - self.last < (BAR_SECONDS if self.terminal else LINE_SECONDS):
            return
        self.last = now
        line = self.status(report, fraction, now - self.t0)
        if self.terminal:
            self.stream.write("\r" + line[:200] + "\x1b[K")
            self.stream.flush()
            self.drawn = True
        else:
            print(f"{line}; last: {last_source}", file=self.stream, flush=True)

    def status(self, report, fraction: float | None, elapsed: float) -> str:
        done = report.analysed + report.skipped
        rate = report.analysed / max(elapsed, 1e-9)
        bar = ""
        left = ""
        if fraction is not None:
            filled = int(WIDTH * min(fraction, 1.0))
            bar = f"[{'#' * filled}{'.' * (WIDTH - filled)}] " if self.terminal else ""
            bar += f"{100 * fraction:3.0f}% "
            if fraction > 0:
                left = f", {_duration(elapsed * (1 - fraction) / fraction)} left"
        return (f"{bar}{done} documents ({report.analysed} analysed, {report.skipped} already stored), "
                f"{rate:.1f}/s, {len(report.errors)} errors{left}")

    def finish(self) -> None:
        self._clear()

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
