# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Batch statistics of losses over the global batch under tf.distribute.

The relativistic average losses, feature matching and DRAGAN use statistics
of the whole batch, top-k training the best examples of the whole batch. Under `MirroredStrategy` over 2 logical CPU devices, each
replica's loss times its share of the batch (B_r / B) must sum to the
single-device loss of the whole batch, and the per-replica gradients with
respect to each replica's inputs must be the single-device gradients: that
is what an optimizer summing gradients over replicas needs.

The strategy runs in a fresh interpreter (this file run as a script): logical
devices must be configured before TensorFlow's runtime starts, and importing
tfgan_ext (as conftest.py does) starts it. The worker also recomputes the
distributed values with the all-reduce switched off (per-replica statistics)
to show these tests would catch its absence.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))
_BATCH = 8
_DRAGAN_SEED = 3
_RELATIVISTIC = ('relativistic_discriminator_loss',
                 'relativistic_generator_loss',
                 'relativistic_lsgan_discriminator_loss',
                 'relativistic_lsgan_generator_loss',
                 'relativistic_hinge_discriminator_loss',
                 'relativistic_hinge_generator_loss')


def _inputs():
  rng = np.random.default_rng(0)
  # The halves (one per replica) have different means, so per-replica
  # statistics differ from global ones, and hinge terms switch on and off.
  halves = np.repeat([-1.5, 1.5], _BATCH // 2)[:, None]
  return {
      'real_logits': (rng.normal(size=(_BATCH, 1)) + 1 + halves).astype(
          np.float32),
      'gen_logits': (rng.normal(size=(_BATCH, 1)) - halves).astype(
          np.float32),
      'real_features': rng.normal(size=(_BATCH, 5)).astype(np.float32),
      'gen_features': (rng.normal(size=(_BATCH, 5)) + np.arange(_BATCH)[:, None]
                       / 4.0).astype(np.float32),
      'data': (rng.normal(size=(_BATCH, 3, 2)) * np.linspace(
          0.5, 3.0, _BATCH)[:, None, None]).astype(np.float32),
  }


def _worker():  # pragma: no cover (runs in a subprocess)
  """Prints JSON: single-device and distributed values and gradients."""
  import replica_testlib  # pylint: disable=g-import-not-at-top
  strategy = replica_testlib.two_replicas()
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  import tfgan_ext  # pylint: disable=g-import-not-at-top,unused-import
  from tfgan_ext.losses import _batch_stats  # pylint: disable=g-import-not-at-top
  from tfgan_ext.losses import wargs  # pylint: disable=g-import-not-at-top

  arrays = _inputs()

  def dragan(data):
    # D(x) = sum(x^2) / 2 has gradient x, so the penalty depends on std(x).
    return wargs.dragan_penalty(
        data, None, lambda x, _: 0.5 * tf.reduce_sum(tf.square(x), [1, 2]),
        None, seed=_DRAGAN_SEED, loss_collection=None)

  cases = {name: (getattr(wargs, name), ('real_logits', 'gen_logits'))
           for name in _RELATIVISTIC}
  cases['feature_matching_loss'] = (wargs.feature_matching_loss,
                                    ('real_features', 'gen_features'))
  cases['dragan_penalty'] = (dragan, ('data',))
  cases['batch_std'] = (_batch_stats.batch_std, ('data',))

  def value_and_grads(fn, tensors):
    return replica_testlib.value_and_grads(fn, tensors, _BATCH)

  def distributed(fn, names, use_function):
    return replica_testlib.distributed(
        strategy, fn, [arrays[n] for n in names], _BATCH, use_function)

  def top_k_masks(split, use_function):
    """top_k_mask(gen_logits, 0.5) per replica, concatenated."""
    parts = np.split(arrays['gen_logits'], [split])
    values = strategy.experimental_distribute_values_from_function(
        lambda ctx: tf.constant(parts[ctx.replica_id_in_sync_group]))
    run = lambda v: strategy.run(lambda t: wargs.top_k_mask(t, 0.5),
                                 args=(v,))
    if use_function:
      run = tf.function(run)
    return np.concatenate([m.numpy().ravel() for m in
                           strategy.experimental_local_results(run(values))])

  result = {}
  # Top-k's selection: equal halves (eager, tf.function) and 5 + 3 examples.
  result['top_k_mask'] = {
      'single': wargs.top_k_mask(arrays['gen_logits'], 0.5).numpy().ravel(
          ).tolist(),
      'eager': top_k_masks(_BATCH // 2, False).tolist(),
      'function': top_k_masks(_BATCH // 2, True).tolist(),
      'uneven': top_k_masks(5, True).tolist()}
  for name, (fn, names) in cases.items():
    value, grads = value_and_grads(
        fn, [tf.constant(arrays[n]) for n in names])
    grads = [None if g is None else g.numpy() for g in grads]
    entry = {'single': [float(value),
                        [None if g is None else g.tolist() for g in grads]]}
    for mode, use_function in (('eager', False), ('function', True)):
      total, dgrads = distributed(fn, names, use_function)
      entry[mode] = [total, [g.tolist() for g in dgrads]]
    result[name] = entry
  # The same with per-replica statistics (all-reduce off).
  _batch_stats.replica_context = lambda: None
  result['top_k_mask']['per_replica_stats'] = top_k_masks(_BATCH // 2,
                                                          True).tolist()
  for name, (fn, names) in cases.items():
    total, dgrads = distributed(fn, names, True)
    result[name]['per_replica_stats'] = [total, [g.tolist() for g in dgrads]]
  # DRAGAN's noise for one replica's [B/2, 3, 2] examples (stateless: the
  # same on both replicas, so different from one device's [B, 3, 2] draw).
  result['dragan_noise_half'] = tf.random.stateless_uniform(
      [_BATCH // 2, 3, 2], seed=[_DRAGAN_SEED, 0]).numpy().tolist()
  print(json.dumps(result))


@pytest.fixture(scope='module')
def results():
  proc = subprocess.run(
      [sys.executable, os.path.abspath(__file__), '--worker'], cwd=_REPO,
      capture_output=True, text=True, timeout=600,
      env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3'))
  assert proc.returncode == 0, proc.stderr[-3000:]
  return json.loads(proc.stdout.strip().splitlines()[-1])


_CASES = _RELATIVISTIC + ('feature_matching_loss', 'batch_std')


def _dragan_reference(results, std):
  """DRAGAN (Kodali et al. 2017) in NumPy for D(x) = |x|^2 / 2, grad x.

  penalty = mean_i (sqrt(|x_hat_i|^2 + 1e-10) - 1)^2, x_hat = x + 0.5 std u,
  with the distributed run's noise u; gradient with respect to x (std is a
  constant): 2 (n_i - 1) x_hat_i / (n_i B).
  """
  data = _inputs()['data'].astype(np.float64)
  half = np.asarray(results['dragan_noise_half'])
  x_hat = data + 0.5 * std * np.concatenate([half, half])
  norms = np.sqrt(np.sum(x_hat ** 2, axis=(1, 2)) + 1e-10)
  value = np.mean((norms - 1.0) ** 2)
  grad = 2 * (norms - 1.0)[:, None, None] * x_hat / norms[:, None, None]
  return value, grad / _BATCH


@pytest.mark.parametrize('mode', ['eager', 'function'])
def test_dragan_uses_global_std(results, mode):
  want_value, want_grad = _dragan_reference(results,
                                            np.std(_inputs()['data']))
  value, (grad,) = results['dragan_penalty'][mode]
  np.testing.assert_allclose(value, want_value, rtol=1e-5)
  np.testing.assert_allclose(grad, want_grad, rtol=1e-4, atol=1e-6)
  # Control: with per-replica std (the all-reduce off) the value differs.
  value, _ = results['dragan_penalty']['per_replica_stats']
  assert not np.isclose(value, want_value, rtol=1e-3)


@pytest.mark.parametrize('mode', ['eager', 'function'])
@pytest.mark.parametrize('name', _CASES)
def test_two_replicas_match_one_device(results, name, mode):
  single_value, single_grads = results[name]['single']
  value, grads = results[name][mode]
  np.testing.assert_allclose(value, single_value, rtol=1e-5, atol=1e-6)
  for got, want in zip(grads, single_grads):
    if want is None:  # DRAGAN's std is a constant; its data gets no gradient
      continue        # through it on one device either.
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize('name', _CASES)
def test_per_replica_statistics_would_differ(results, name):
  # The control: without the all-reduce the values or gradients differ, so
  # the test above can fail.
  single_value, single_grads = results[name]['single']
  value, grads = results[name]['per_replica_stats']
  differs = not np.isclose(value, single_value, rtol=1e-3) or any(
      want is not None and not np.allclose(got, want, rtol=1e-3, atol=1e-4)
      for got, want in zip(grads, single_grads))
  assert differs


def test_relativistic_value_against_numpy(results):
  # An independent NumPy reference of RaSGAN's discriminator loss (Jolicoeur-
  # Martineau 2018, eq. for D): -mean log sigmoid(r - mean g)
  #                                 - mean log(1 - sigmoid(g - mean r)).
  arrays = _inputs()
  r, g = arrays['real_logits'][:, 0], arrays['gen_logits'][:, 0]
  log_sigmoid = lambda t: -np.logaddexp(0.0, -t)
  want = (-np.mean(log_sigmoid(r - g.mean()))
          - np.mean(log_sigmoid(-(g - r.mean()))))
  value, _ = results['relativistic_discriminator_loss']['function']
  np.testing.assert_allclose(value, want, rtol=1e-5)


def _top_k_reference(scores, fraction):
  """Top-k's mask in NumPy: the k = floor(fraction * B) best scores, ties
  to the earlier example (Sinha et al. 2020)."""
  k = max(1, int(np.floor(fraction * len(scores))))
  order = np.lexsort((np.arange(len(scores)), -scores))
  mask = np.zeros(len(scores))
  mask[order[:k]] = 1.0
  return mask


@pytest.mark.parametrize('mode', ['eager', 'function', 'uneven'])
def test_top_k_selects_over_the_global_batch(results, mode):
  want = _top_k_reference(_inputs()['gen_logits'][:, 0], 0.5)
  np.testing.assert_array_equal(results['top_k_mask']['single'], want)
  np.testing.assert_array_equal(results['top_k_mask'][mode], want)
  # The four best are all on the first replica (its half is shifted up), so
  # a selection within each replica (the control) keeps another set.
  assert want[:_BATCH // 2].sum() == 4
  per_replica = results['top_k_mask']['per_replica_stats']
  assert per_replica[:_BATCH // 2].count(1.0) == 2
  assert not np.array_equal(per_replica, want)


def test_batch_std_against_numpy(results):
  value, _ = results['batch_std']['function']
  np.testing.assert_allclose(value, np.std(_inputs()['data']), rtol=1e-5)


if __name__ == '__main__':
  if sys.argv[1:] == ['--worker']:
    _worker()
