# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""pytest plugin that runs upstream TF-GAN's shipped tests under tfgan_ext.

Use: ``python -m pytest -p tests.upstream_plugin <tensorflow_gan test paths>``.
Upstream's tests get no help but ``import tfgan_ext`` and absl flags marked
parsed (as ``absltest.main`` does). Everything must pass, except:

- without the real tf.estimator (TF >= 2.16 without tensorflow-estimator),
  the tests under ``python/estimator`` are skipped with the reason;
- known defects in upstream's own test code, listed in ``_KNOWN_DEFECTS``: a
  test is reported as skipped only when it fails with exactly that defect's
  error, so a failure for any other reason still fails;
- ``_INVALID_HPARAMS``: tests whose hyperparameters are outside the
  optimizer's domain run with a valid value where the stack exposes it.
  The terminal summary lists every such change.
"""

import collections
import os

from absl import flags
import pytest

import tfgan_ext

__all__ = [
    'pytest_collection_modifyitems',
    'pytest_runtest_makereport',
    'pytest_terminal_summary',
]

_ESTIMATOR_DIR = os.path.join('tensorflow_gan', 'python', 'estimator') + os.sep
_NO_ESTIMATOR = ('tf.estimator was removed in TensorFlow 2.16 and '
                 'tensorflow-estimator is not installed (pip install '
                 'tfgan_ext[estimator]); TF-GAN estimators raise '
                 'tfgan_ext.compat.EstimatorRemovedError here')

Defect = collections.namedtuple(
    'Defect', ['path', 'classes', 'error', 'message', 'reason'])

_KNOWN_DEFECTS = (
    Defect(
        path='tensorflow_gan/examples/evaluation_helper_test.py',
        classes=('EvaluateOnceTest', 'EvaluateRepeatedlyTest'),
        error=TypeError,
        message='only 0-dimensional arrays can be converted to Python scalars',
        reason=('upstream test-code defect on numpy >= 2: setUp calls int() '
                'on a one-element array (`int(2 * self._labels[i] + ...)`); '
                'the library code under test is not reached')),
    Defect(
        path='tensorflow_gan/examples/progressive_gan/data_provider_test.py',
        classes=('DataProviderTest',),
        error=ValueError,
        message='need at least one array to stack',
        reason=('upstream packaging defect: the test reads JPEG files from '
                'progressive_gan/testdata/, which the tensorflow-gan wheel '
                'does not ship (fails on TF 2.15 too)')),
)

# (path, class, tests, hparams field, upstream value, value used, why).
_INVALID_HPARAMS = (
    ('tensorflow_gan/examples/self_attention_estimator/'
     'train_experiment_test.py', 'TrainExperimentTest',
     ('test_estimator_train_notpu', 'test_run_train_cpu_local_gpuestimator',
      'test_train_and_eval_cpu_local'),
     'beta1', 1.0, 0.5,
     "Adam's beta1 must be < 1: with 1.0 its bias correction divides by "
     '1 - beta1**t = 0, so the first update makes the generator variable NaN '
     "and TF-GAN's check_numerics stops training. TF <= 2.15 hid this: its "
     'Grappler folded zeros * NaN to 0 in the fake networks; newer '
     'TensorFlow keeps the NaN'),
)

_CHANGED = []  # Test ids run with a changed hyperparameter.


def _matches(path, suffix):
  return str(path).replace(os.sep, '/').endswith(suffix)


def _grappler_keeps_nan():
  """True when a graph session computes zeros * NaN as NaN (TF >= 2.16)."""
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  graph = tf.Graph()
  with graph.as_default():
    nan = tf.compat.v1.placeholder_with_default(float('nan'), [])
    product = tf.reduce_sum(tf.zeros([2]) * nan)
  with tf.compat.v1.Session(graph=graph) as session:
    return bool(session.run(product) != session.run(product))


def _use_valid_hparams(items):
  """Wraps setUp of the `_INVALID_HPARAMS` tests to use a valid value."""
  for path, cls_name, tests, field, upstream, used, why in _INVALID_HPARAMS:
    chosen = [i for i in items if _matches(i.path, path) and
              i.cls is not None and i.cls.__name__ == cls_name and
              i.name in tests]
    if not chosen or not _grappler_keeps_nan():
      continue
    cls = chosen[0].cls
    original = cls.setUp

    def set_up(self, original=original, field=field, upstream=upstream,
               used=used, tests=tests):
      original(self)
      if self._testMethodName in tests:  # pylint: disable=protected-access
        assert getattr(self.hparams, field) == upstream, self.hparams
        self.hparams = self.hparams._replace(**{field: used})

    cls.setUp = set_up
    _CHANGED.extend(
        (i.nodeid, '%s=%r instead of %r' % (field, used, upstream), why)
        for i in chosen)


def pytest_collection_modifyitems(config, items):
  """Parses absl flags (as absltest.main would); marks estimator skips."""
  del config
  # Upstream's tests read absl flags (e.g. --use_tpu, --test_srcdir) that
  # absltest.main parses; under pytest, use their defaults.
  if not flags.FLAGS.is_parsed():
    flags.FLAGS.mark_as_parsed()
  _use_valid_hparams(items)
  if tfgan_ext.compat.estimator_available():
    return
  skip = pytest.mark.skip(reason=_NO_ESTIMATOR)
  for item in items:
    if _ESTIMATOR_DIR in str(item.path):
      item.add_marker(skip)


def _known_defect(item, excinfo):
  for defect in _KNOWN_DEFECTS:
    if (_matches(item.path, defect.path) and item.cls is not None and
        item.cls.__name__ in defect.classes and
        excinfo.errisinstance(defect.error) and
        defect.message in str(excinfo.value) and
        any(_matches(entry.path, defect.path) for entry in excinfo.traceback)):
      return defect
  return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
  """Reports a failure that is exactly a known upstream defect as skipped."""
  outcome = yield
  report = outcome.get_result()
  if call.excinfo is None or report.outcome != 'failed':
    return
  defect = _known_defect(item, call.excinfo)
  if defect is not None:
    report.outcome = 'skipped'
    report.longrepr = (str(item.path), item.location[1],
                       'Skipped: ' + defect.reason)


def pytest_terminal_summary(terminalreporter):
  if _CHANGED:
    terminalreporter.write_sep('-', 'upstream tests run with valid '
                               'hyperparameters (tests/upstream_plugin.py)')
    for nodeid, change, _ in _CHANGED:
      terminalreporter.write_line('%s: %s' % (nodeid, change))
    for why in sorted(set(why for _, _, why in _CHANGED)):
      terminalreporter.write_line('why: ' + why)
