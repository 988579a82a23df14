"""Batches: many inputs in, exactly one record (or error record) per input out.

    walk.py ─► [fetch.py] ─► pool.py / worker.py ─► sitelearn.py ─► run.py ─► sinks.py
    inputs      URLs          extraction, isolated    site templates  reorder    atomic.py

``jobs.py`` holds the records every stage shares (Job, Outcome, Summary, BatchConfig);
``resume.py`` decides what a previous run already wrote; ``warc.py`` reads archives.
"""

from .atomic import AtomicFile, write_atomic
from .jobs import EXTENSIONS, BatchConfig, Format, Job, Outcome, Settings, Summary
from .resume import output_complete
from .run import OutputError, extract_one, run_batch
from .sinks import render
from .walk import is_url, is_warc, output_name, url_output_name, walk
from .worker import process_job

__all__ = [
    "EXTENSIONS",
    "AtomicFile",
    "BatchConfig",
    "Format",
    "Job",
    "Outcome",
    "OutputError",
    "Settings",
    "Summary",
    "extract_one",
    "is_url",
    "is_warc",
    "output_complete",
    "output_name",
    "process_job",
    "render",
    "run_batch",
    "url_output_name",
    "walk",
    "write_atomic",
]
