"""Uploads are analysed by one worker thread, outside the request and outside the workbench's write
lock, so corrections go on while a long document is analysed; the page polls the job's status."""
from __future__ import annotations

import secrets
import shutil
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from ...scale.pool import failure

KEEP = 200  # finished jobs remembered


@dataclass
class Job:
    id: str
    name: str
    status: str = "queued"  # queued | running | done | failed
    created: float = field(default_factory=time.time)
    analysed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)

    def public(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "created"}


class Jobs:
    """``run(path, job)`` analyses the file at ``path`` and fills in the job's figures."""

    def __init__(self, run: Callable[[Path, Job], None]):
        self.run = run
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="garante-upload")

    def submit(self, folder: Path, path: Path, name: str) -> Job:
        job = Job(id=secrets.token_urlsafe(12), name=name)
        with self.lock:
            self.jobs[job.id] = job
            while len(self.jobs) > KEEP and next(iter(self.jobs.values())).status in ("done", "failed"):
                self.jobs.popitem(last=False)
        self.pool.submit(self._work, job, folder, path)
        return job

    def _work(self, job: Job, folder: Path, path: Path) -> None:
        job.status = "running"
        try:
            self.run(path, job)
            job.status = "done"
        except Exception as e:  # reported on the job's page, never lost in a log
            job.errors.append(f"{job.name}: {failure(e)}")
            job.status = "failed"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """The job once finished (for scripts and tests), or as it stands after ``timeout``."""
        end = time.monotonic() + timeout
        job = self.get(job_id)
        while job is not None and job.status in ("queued", "running") and time.monotonic() < end:
            time.sleep(0.05)
        return job
