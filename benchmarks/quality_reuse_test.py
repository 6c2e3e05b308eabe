# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`python -m benchmarks.quality --reuse_runs`: earlier runs as finished."""

import json
import os

import pytest

from benchmarks import quality
from benchmarks import quality_files
from benchmarks import quality_plan
from benchmarks import quality_runs


def _quick_jobs():
  jobs = quality_plan.plan(quality.MODES['quick'], quality_plan.configs(
      quality_plan.SCHEDULES))
  return jobs, quality_runs.mark_same_runs(jobs)


def _earlier_csv(path, jobs):
  """A quality_runs.csv as an earlier benchmark wrote it: no sample quality.

  Each ring run gets modes_captured = seed-independent 8 - (its index % 3)
  and a penalty weight the preset 'chose' (0.25), to check both come back.
  """
  results = [dict(job, status='ok', modes_captured=8 - i % 3, num_modes=8,
                  high_quality_fraction=0.5, reverse_kl=0.01 * i,
                  penalty_weight=0.25, wall_time_s=3.0)
             for i, job in enumerate(j for j in jobs if j['dataset'] == 'ring')]
  quality_files.write_runs_csv(results, str(path))
  return results


def test_reused_runs_are_reported_with_their_values_and_no_new_metrics(
    tmp_path):
  jobs, trained = _quick_jobs()
  earlier = _earlier_csv(tmp_path / 'earlier_runs.csv', trained)
  out_dir = tmp_path / 'out'
  rows = quality.main([
      '--quick', '--report_only', '--work_dir', str(tmp_path / 'work'),
      '--out_dir', str(out_dir), '--reuse_runs',
      str(tmp_path / 'earlier_runs.csv'), '--reuse_datasets', 'ring'])
  ring = {r['config']: r for r in rows
          if r['source'] == 'measured' and r['dataset'] == 'ring'}
  # Every ring configuration (the shared-run twin too) is there, nothing else
  # was measured (report_only trains nothing).
  assert set(ring) == {j['config'] for j in jobs if j['dataset'] == 'ring'}
  assert {r['dataset'] for r in rows if r['source'] == 'measured'} == {'ring'}
  for result in earlier:
    row = ring[result['config']]
    assert row['modes_captured_mean'] == result['modes_captured']
    assert row['reverse_kl_mean'] == pytest.approx(result['reverse_kl'])
    assert row['penalty_weight'] == 0.25  # The CSV's, not the job's.
  # The new metrics are absent, not zero.
  assert all(r['kid_mean'] != r['kid_mean'] for r in ring.values())  # NaN
  text = (out_dir / 'quality.md').read_text()
  assert ('- reused: %d run(s) (ring %d) were not trained by this '
          'benchmark\'s invocations: their results are read from an earlier '
          'earlier_runs.csv' % (len(earlier), len(earlier))) in text
  # hinge is the first ring job: modes 8 - 0, high quality 0.5, reverse KL
  # 0.01 * 0 (_earlier_csv); one seed, 50 steps (quick mode).
  assert '| hinge | 8.0 | 50.0 | 0.000 | — | — | — | — | — | 1 | 50 |' in text
  stored = json.loads((tmp_path / 'work' / 'runs' / earlier[0]['key']
                       / 'result.json').read_text())
  assert stored['reused_from'] == 'earlier_runs.csv'
  assert 'finished_at' not in stored


def test_a_run_missing_from_the_csv_is_an_error(tmp_path):
  _, trained = _quick_jobs()
  _earlier_csv(tmp_path / 'earlier_runs.csv', trained)
  with pytest.raises(ValueError, match=r'has no run of .* on grid with seed 0 '
                     r'and 50 steps; train it'):
    quality_runs.reuse_runs(trained, str(tmp_path),
                            str(tmp_path / 'earlier_runs.csv'), ('grid',))
  assert not os.path.exists(tmp_path / 'runs')
