# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A pytest plugin: slow subprocess jobs start when the session starts.

A test module may name the jobs its fixtures will wait for, in a
module-level tuple of functions:

  def _quick_run(tmp_dir):   # runs child processes only, no TensorFlow here
    subprocess.run([...], check=True, timeout=600)
    return tmp_dir

  BACKGROUND = (_quick_run,)

  @pytest.fixture(scope='module')
  def quick_run(background):
    return background.result(_quick_run)

When collection ends, one thread starts running the jobs of every module
that has a selected test, one after the other, while the tests run: these
jobs mostly wait on their child processes, and the session's own process
keeps about one of the machine's two cores busy (measured: 13.5 CPU-minutes
in 11.5 minutes), so the other core does the jobs' work. `result(fn)`
returns the job's value, or raises its exception; a job the thread has not
started yet runs at once in the caller. Each job gets a fresh temporary
directory, removed when the session ends. Loaded by pyproject.toml's
addopts (`-p tests.background`).

Under pytest-xdist (scripts/test.sh runs `-n auto --dist loadfile
--no-loadscope-reorder`) the workers already keep the cores busy, and every
worker collects every module, so no job starts early: each runs when a
fixture first asks for it, in the one worker that runs its module's tests.
Those modules are handed out first (then the others, most tests first), so
that the session does not end waiting on one long job.
"""

import os
import shutil
import tempfile
import threading

import pytest

__all__ = ['Runner']


class _Job:

  def __init__(self, fn):
    self.fn = fn
    self.done = threading.Event()
    self.value = None
    self.error = None

  def run(self, tmp_dir):
    try:
      self.value = self.fn(tmp_dir)
    except BaseException as e:  # pylint: disable=broad-except
      self.error = e
    finally:
      self.done.set()


class Runner:
  """Runs the queued jobs in one thread; `result` waits for one."""

  def __init__(self):
    self._lock = threading.Lock()
    self._jobs = {}  # fn -> _Job, once started.
    self._dirs = []
    self._thread = None
    self._stopping = False

  def _claim(self, fn):
    """The job of `fn` and whether the caller must run it."""
    with self._lock:
      if fn in self._jobs:
        return self._jobs[fn], False
      job = self._jobs[fn] = _Job(fn)
      self._dirs.append(tempfile.mkdtemp(prefix='tfgan_ext_bg_'))
      return job, self._dirs[-1]

  def start(self, fns):
    """Runs `fns` one after the other in a thread (skipping claimed ones)."""
    def run_all():
      for fn in fns:
        if self._stopping:  # The session ended (e.g. pytest -x).
          return
        job, tmp_dir = self._claim(fn)
        if tmp_dir:
          job.run(tmp_dir)
    self._thread = threading.Thread(target=run_all, daemon=True,
                                    name='tfgan_ext background jobs')
    self._thread.start()

  def result(self, fn):
    """`fn`'s value (running it now if not started); re-raises its error."""
    job, tmp_dir = self._claim(fn)
    if tmp_dir:
      job.run(tmp_dir)
    job.done.wait()
    if job.error is not None:
      raise job.error
    return job.value

  def close(self):
    """Waits for the job in progress; removes the temporary directories."""
    self._stopping = True
    if self._thread is not None:
      self._thread.join()
    for path in self._dirs:
      shutil.rmtree(path, ignore_errors=True)


_RUNNER = Runner()


def pytest_collection_modifyitems(session, config, items):
  """Under xdist: modules with jobs first, then by test count (stable)."""
  del session, config
  if not os.environ.get('PYTEST_XDIST_WORKER'):
    return
  counts = {}
  for item in items:
    counts[item.path] = counts.get(item.path, 0) + 1
  def order(item):
    module = getattr(item, 'module', None)
    return (not getattr(module, 'BACKGROUND', ()), -counts[item.path])
  items.sort(key=order)


def pytest_collection_finish(session):
  """Starts the jobs of the modules that have a selected test."""
  if os.environ.get('PYTEST_XDIST_WORKER'):
    return  # Each job runs in the worker that asks for it (see above).
  fns, seen = [], set()
  for item in session.items:
    module = getattr(item, 'module', None)
    if module is None or module in seen:
      continue
    seen.add(module)
    fns.extend(getattr(module, 'BACKGROUND', ()))
  if fns:
    _RUNNER.start(fns)


def pytest_sessionfinish(session, exitstatus):
  del session, exitstatus
  _RUNNER.close()


@pytest.fixture(scope='session')
def background():
  """The session's `Runner`: `background.result(fn)`."""
  return _RUNNER
