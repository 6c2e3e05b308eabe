# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.metrics: k-NN metrics against NumPy, KID against TF-GAN's.

Precision/recall (Kynkäänniemi et al. 2019) and density/coverage (Naeem et
al. 2020) are compared with a brute-force NumPy reference written here from
the papers' definitions (full float64 distance matrices, np.sort), with tiles
smaller than the sample counts; KID is TF-GAN's own function, so it is
compared with a direct call of it. Toy cases check the values the papers
derive (identical sets, disjoint sets, E[density] = 1 and E[coverage] for
one distribution); a 50,000-sample case checks that memory stays bounded.
"""

import resource
import time

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import metrics


def _features(seed, count, dims=6, shift=0.0):
  rng = np.random.default_rng(seed)
  return (rng.normal(size=(count, dims)) + shift).astype(np.float32)


def _distances(a, b):
  a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
  return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))


def _radii(x, k):
  """Distance to the k-th nearest other sample: column k of the sorted
  distances, column 0 being the sample itself (distance 0)."""
  return np.sort(_distances(x, x), axis=1)[:, k]


def reference(real, generated, k):
  """The four metrics from the papers' formulas, and the smallest relative
  gap |d - radius| / radius over all (sample, ball) pairs."""
  real_radii, generated_radii = _radii(real, k), _radii(generated, k)
  d = _distances(generated, real)  # [M, N]: d[j, i] = ||g_j - r_i||.
  in_real_ball = d <= real_radii[None, :]
  in_generated_ball = d <= generated_radii[:, None]
  values = {
      'precision': in_real_ball.any(axis=1).mean(),
      'recall': in_generated_ball.any(axis=0).mean(),
      'density': in_real_ball.sum() / (k * len(generated)),
      'coverage': in_real_ball.any(axis=0).mean(),
  }
  gap = min(np.min(np.abs(d - real_radii[None, :]) / real_radii[None, :]),
            np.min(np.abs(d - generated_radii[:, None]) /
                   generated_radii[:, None]))
  return values, gap


def _knn_metrics(real, generated, k, batch_size):
  precision, recall = metrics.precision_recall(real, generated, k=k,
                                               batch_size=batch_size)
  density, coverage = metrics.density_coverage(real, generated, k=k,
                                               batch_size=batch_size)
  return {'precision': precision, 'recall': recall, 'density': density,
          'coverage': coverage}


REAL = _features(0, 53)
GENERATED = _features(1, 41, shift=0.3)


# ------------------------------------------------- against the reference ---


@pytest.mark.parametrize('k,batch_size', [(1, 16), (3, 16), (10, 16),
                                          (10, 7), (5, 1024)])
def test_knn_metrics_match_the_numpy_reference(k, batch_size):
  # batch_size=16 splits 53 real and 41 generated samples into 4 and 3
  # blocks, the last ones partial; 7 gives tiles narrower than the k + 1 =
  # 11 nearest kept per row; 1024 is one tile.
  expected, gap = reference(REAL, GENERATED, k)
  # No sample lies within float32 rounding of a ball's border (float32
  # ||a||^2 - 2 a.b + ||b||^2 is off by about 1e-7 * (||a||^2 + ||b||^2) /
  # d^2, under 1e-6 relative here), so float32 and float64 distances give
  # the same counts. The smallest gap of these samples is 4.9e-5 (k = 10).
  assert gap > 1e-5
  got = _knn_metrics(REAL, GENERATED, k, batch_size)
  for name, value in expected.items():
    np.testing.assert_allclose(float(got[name]), value, atol=1e-5,
                               err_msg=name)


def test_graph_mode_with_unknown_sample_counts_matches_eager():
  expected, _ = reference(REAL, GENERATED, 3)
  with tf.Graph().as_default():
    real = tf.compat.v1.placeholder(tf.float32, [None, 6])
    generated = tf.compat.v1.placeholder(tf.float32, [None, 6])
    values = _knn_metrics(real, generated, 3, batch_size=16)
    kid = metrics.kernel_distance(real, generated, max_block_size=20)
    upstream = tfgan.eval.kernel_classifier_distance_and_std_from_activations(
        real, generated, max_block_size=20)
    with tf.compat.v1.Session() as sess:
      feed = {real: REAL, generated: GENERATED}
      got, kid, upstream = sess.run((values, kid, upstream), feed)
      with pytest.raises(tf.errors.InvalidArgumentError,
                         match='k must be smaller than the number of real'):
        sess.run(values, {real: REAL[:3], generated: GENERATED})
  for name, value in expected.items():
    np.testing.assert_allclose(got[name], value, atol=1e-5, err_msg=name)
  np.testing.assert_allclose(kid, upstream, rtol=1e-6)


@pytest.mark.parametrize('dtype', [np.float16, np.float64])
def test_other_float_dtypes_are_computed_in_float32(dtype):
  real, generated = REAL.astype(dtype), GENERATED.astype(dtype)
  want = _knn_metrics(real.astype(np.float32), generated.astype(np.float32),
                      3, 16)
  got = _knn_metrics(real, generated, 3, 16)
  for name in want:
    assert got[name].dtype == tf.float32
    assert float(got[name]) == float(want[name]), name


# ------------------------------------------------------------ toy cases ---


def test_identical_sets_have_full_precision_recall_coverage():
  # Each sample is in its own twin's ball (distance 0 <= radius).
  precision, recall = metrics.precision_recall(REAL, REAL, k=3,
                                               batch_size=16)
  _, coverage = metrics.density_coverage(REAL, REAL, k=5, batch_size=16)
  assert (float(precision), float(recall), float(coverage)) == (1, 1, 1)


def test_disjoint_sets_score_zero():
  # 100 units apart; the balls' radii are a few units.
  far = _features(1, 41, shift=100.0)
  got = _knn_metrics(REAL, far, 3, 16)
  assert {name: float(v) for name, v in got.items()} == {
      'precision': 0.0, 'recall': 0.0, 'density': 0.0, 'coverage': 0.0}


def test_one_distribution_gives_density_one_and_the_expected_coverage():
  # Naeem et al. 2020, for real and generated samples of one distribution:
  # E[density] = 1 (g_j is among the k nearest of r_i's N - 1 real
  # neighbours and itself with probability k / N) and E[coverage] =
  # 1 - prod_{i=1..k} (N - i) / (N + M - i) (r_i is uncovered when the k
  # samples nearest it among the N - 1 other real and M generated ones are
  # all real): 0.969 for k = 5, N = M = 2000.
  count, k = 2000, 5
  real, generated = _features(2, count, 8), _features(3, count, 8)
  density, coverage = metrics.density_coverage(real, generated, k=k,
                                               batch_size=512)
  expected_coverage = 1 - np.prod([(count - i) / (2 * count - i)
                                   for i in range(1, k + 1)])
  # The bounds are generous against the sampling noise at 2,000 samples:
  # seed pairs (2, 3), (4, 5), ..., (10, 11) gave density 0.984-1.034 and
  # coverage within 0.006 of its expectation.
  assert 0.9 <= float(density) <= 1.1
  assert abs(float(coverage) - expected_coverage) < 0.02


def test_kernel_distance_is_tfgans_and_separates_distributions():
  real = _features(4, 1000, 16)
  same, shifted = _features(5, 1000, 16), _features(6, 1000, 16, shift=0.5)
  kid, std = metrics.kernel_distance(real, same, max_block_size=250)
  upstream = tfgan.eval.kernel_classifier_distance_and_std_from_activations(
      tf.constant(real), tf.constant(same), max_block_size=250)
  np.testing.assert_allclose((kid, std), upstream, rtol=1e-6)
  assert kid.dtype == std.dtype == tf.float32
  # The estimator is unbiased: for one distribution it is 0 within a few
  # standard errors (4 blocks of 250); a 0.5 shift in every feature is
  # many standard errors away.
  assert abs(float(kid)) < 3 * float(std)
  kid_shifted, std_shifted = metrics.kernel_distance(real, shifted,
                                                     max_block_size=250)
  assert float(kid_shifted) > 10 * float(std_shifted) > 0


def test_sample_quality_collects_the_metrics_as_floats():
  got = metrics.sample_quality(REAL, GENERATED, batch_size=16,
                               max_block_size=20)
  kid, kid_std = metrics.kernel_distance(REAL, GENERATED, max_block_size=20)
  precision, recall = metrics.precision_recall(REAL, GENERATED, k=3)
  density, coverage = metrics.density_coverage(REAL, GENERATED, k=5)
  assert got == {'kid': float(kid), 'kid_std': float(kid_std),
                 'precision': float(precision), 'recall': float(recall),
                 'density': float(density), 'coverage': float(coverage)}
  with tf.Graph().as_default():
    with pytest.raises(RuntimeError, match='eagerly only'):
      metrics.sample_quality(REAL, GENERATED)


# --------------------------------------------------------------- errors ---


@pytest.mark.parametrize('fn', [metrics.precision_recall,
                                metrics.density_coverage,
                                metrics.kernel_distance])
def test_bad_features_raise_clear_errors(fn):
  with pytest.raises(TypeError, match='real_features must be floating '
                     'point features, got int64'):
    fn(np.ones((5, 2), np.int64), GENERATED[:, :2])
  with pytest.raises(ValueError, match=r'generated_features must be '
                     r'\[num_samples, feature_dim\] features \(rank 2\), '
                     r'got shape \(5,\)'):
    fn(REAL, np.ones(5, np.float32))
  with pytest.raises(ValueError, match='same feature dimension, got 6 and '
                     '4'):
    fn(REAL, GENERATED[:, :4])
  with pytest.raises(ValueError, match='real_features needs at least 2 '
                     'samples, got 1'):
    fn(REAL[:1], GENERATED)


def test_bad_k_and_batch_size_raise_clear_errors():
  with pytest.raises(ValueError, match=r'k must be smaller than the number '
                     r'of real samples \(53\), got k = 53'):
    metrics.density_coverage(REAL, GENERATED, k=53)
  with pytest.raises(ValueError, match=r'k must be smaller than the number '
                     r'of generated samples \(41\), got k = 41'):
    metrics.precision_recall(REAL, GENERATED, k=41)
  with pytest.raises(ValueError, match='k must be an int >= 1, got 0'):
    metrics.precision_recall(REAL, GENERATED, k=0)
  with pytest.raises(ValueError, match='k must be an int >= 1, got 2.5'):
    metrics.density_coverage(REAL, GENERATED, k=2.5)
  with pytest.raises(ValueError, match='batch_size must be an int >= 1'):
    metrics.density_coverage(REAL, GENERATED, batch_size=0)
  with pytest.raises(ValueError, match='max_block_size must be an int >= 1'):
    metrics.kernel_distance(REAL, GENERATED, max_block_size=None)


# --------------------------------------------------------------- memory ---


def test_50000_samples_run_in_bounded_memory():
  # A full 50,000 x 50,000 float32 distance matrix would take 10 GB; tiles
  # of 1024 x 1024 take 4 MB each. D = 64 as from a small classifier (the
  # time hardly depends on D: it goes to the N^2 distance tiles).
  count = 50000
  real, generated = _features(7, count, 64), _features(8, count, 64)
  before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB (Linux)
  start = time.perf_counter()
  precision, recall = metrics.precision_recall(real, generated, k=3,
                                               batch_size=1024)
  density, coverage = metrics.density_coverage(real, generated, k=5,
                                               batch_size=1024)
  values = [float(v) for v in (precision, recall, density, coverage)]
  seconds = time.perf_counter() - start
  growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss -
               before) / 1024
  print('50,000 x 64: %.1f s, peak memory growth %.0f MB' % (seconds,
                                                            growth_mb))
  assert growth_mb < 1000  # 10% of one full matrix; 46-145 MB measured.
  # One distribution, N = M: precision and recall have one expectation (the
  # roles are symmetric; 0.555 and 0.556 measured); density's is 1 and
  # coverage's 1 - prod_{i=1..5} (N - i) / (2N - i) = 0.969 (Naeem et al.;
  # 0.988 and 0.968 measured).
  precision, recall, density, coverage = values
  assert 0.0 < precision < 1.0 and abs(precision - recall) < 0.02
  assert 0.9 < density < 1.1
  assert abs(coverage - 0.969) < 0.01
