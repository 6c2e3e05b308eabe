# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Evaluates a toy2d generator from its checkpoint: samples, metrics, plot.

Metrics, as in VEEGAN (arXiv:1705.07761) and PacGAN (arXiv:1712.04086), for
N generated samples and the K mixture centres c_1..c_K of standard deviation s:

* Each sample x is assigned to its nearest centre k(x) = argmin_k |x - c_k|.
* `high_quality_fraction`: the fraction of samples with |x - c_k(x)| <= 3 s.
* `modes_captured`: the number of centres that are the nearest centre of at
  least one high-quality sample (out of `num_modes` = K).
* `reverse_kl`: KL(q || u) in nats, where q_k is the fraction of all N samples
  whose nearest centre is k and u is uniform (1/K): sum over q_k > 0 of
  q_k log(K q_k). 0 when samples spread evenly over the centres; log K
  (2.079 for the ring, 3.219 for the grid) when all share one nearest centre.
* `kid`, `kid_std`, `precision`, `recall`, `density`, `coverage`:
  `tfgan_ext.metrics.sample_quality` of the samples against as many points
  drawn from the mixture (seeded), on the 2D coordinates themselves.

Evaluation is independent of training: it rebuilds the generator from the
run's hparams.json and restores it from the latest checkpoint.
"""

import json
import os

from absl import logging
import numpy as np
import tensorflow as tf

from examples.common import training
from examples.toy2d import data_provider
from examples.toy2d import networks
from tfgan_ext.addons import generator_average
from tfgan_ext import metrics as metrics_lib

__all__ = ['evaluate', 'generate', 'metrics', 'plot', 'summary_lines']

_v1 = tf.compat.v1


def metrics(samples, dataset, real=None):
  """The metrics above for `samples` ([N, 2]) against `dataset`'s mixture.

  Args:
    samples: Generated points [N, 2].
    dataset: 'ring' or 'grid'.
    real: Points drawn from the mixture [M, 2] for `sample_quality`'s
      metrics (kid, precision, ...), or None to leave them out.
  """
  # KID in blocks of 500: 2,500 samples give 5 blocks, so a standard error.
  quality = ({} if real is None else metrics_lib.sample_quality(
      np.asarray(real, np.float32), np.asarray(samples, np.float32),
      max_block_size=500))
  samples = np.asarray(samples, dtype=np.float64)
  means = data_provider.centers(dataset).astype(np.float64)
  dist = np.linalg.norm(samples[:, None, :] - means[None, :, :], axis=-1)
  nearest = np.argmin(dist, axis=1)
  high_quality = dist[np.arange(len(samples)), nearest] <= (
      3 * data_provider.std(dataset))
  num_modes = len(means)
  q = np.bincount(nearest, minlength=num_modes) / len(samples)
  nonzero = q > 0
  reverse_kl = float(np.sum(q[nonzero] * np.log(num_modes * q[nonzero])))
  return {
      'dataset': dataset,
      'num_samples': int(len(samples)),
      'num_modes': int(num_modes),
      'modes_captured': int(len(np.unique(nearest[high_quality]))),
      'high_quality_fraction': float(np.mean(high_quality)),
      'reverse_kl': reverse_kl,
      **quality,
  }


def generate(hparams, num_samples, seed=0, averaged=False):
  """Draws `num_samples` points from the run's latest checkpoint.

  Args:
    hparams: The run's HParams, as trained (`examples.common.hparams.load`
      reads them back).
    num_samples: How many points.
    seed: Noise seed.
    averaged: Restore the generator's moving average
      (`tfgan_ext.addons.GeneratorAverage`) instead of its trained weights.

  Returns:
    (points [num_samples, 2], checkpoint path).
  """
  hparams = hparams._replace(xla=False, seed=seed)
  checkpoint = tf.train.latest_checkpoint(hparams.train_log_dir)
  if checkpoint is None:
    raise FileNotFoundError('No checkpoint in %s' % hparams.train_log_dir)
  with training.graph_for(hparams):
    noise = tf.random.normal([num_samples, hparams.noise_dims])
    with _v1.variable_scope('Generator'):
      points = networks.generator_fn(hparams)(noise)
    variables = _v1.trainable_variables('Generator')
    saver = _v1.train.Saver(
        var_list=generator_average.averages_to_restore(variables)
        if averaged else variables)
    with _v1.Session() as sess:
      saver.restore(sess, checkpoint)
      return sess.run(points), checkpoint


def plot(samples, dataset, path, title=''):
  """Writes a scatter plot of `samples` over the true centres to `path`."""
  import matplotlib  # pylint: disable=g-import-not-at-top
  matplotlib.use('Agg')
  from matplotlib import pyplot as plt  # pylint: disable=g-import-not-at-top
  means = data_provider.centers(dataset)
  limit = {'ring': 1.5, 'grid': 6.0}[dataset]
  fig, ax = plt.subplots(figsize=(4, 4), dpi=80)
  ax.scatter(samples[:, 0], samples[:, 1], s=2, alpha=0.3, color='tab:blue',
             label='generated')
  ax.scatter(means[:, 0], means[:, 1], s=40, marker='x', color='tab:red',
             label='true centres')
  ax.set_xlim(-limit, limit)
  ax.set_ylim(-limit, limit)
  ax.set_aspect('equal')
  ax.set_title(title, fontsize=8)
  ax.legend(loc='upper right', fontsize=7)
  fig.tight_layout()
  fig.savefig(path)
  plt.close(fig)


def _plot_title(hparams, result, what):
  loss_name = hparams.gan_loss + (
      '' if hparams.penalty == 'none' else '+' + hparams.penalty)
  return '%s on %s%s\n%d/%d modes, %.0f%% high quality, reverse KL %.3f' % (
      loss_name, hparams.dataset, what, result['modes_captured'],
      result['num_modes'], 100 * result['high_quality_fraction'],
      result['reverse_kl'])


def evaluate(hparams, num_samples=2500, seed=0):
  """Writes eval/samples.npy, eval/metrics.json and eval/samples.png.

  With a generator average in the checkpoint (--generator_ema), the
  averaged generator is evaluated too, from the same checkpoint and noise:
  its metrics under 'averaged', its plot in eval/samples_averaged.png.

  Args:
    hparams: The run's HParams, as trained.
    num_samples: Points to draw.
    seed: Noise seed.

  Returns:
    The metrics dict, with the scatter plot's path under 'plot'.
  """
  out_dir = os.path.join(hparams.train_log_dir, 'eval')
  tf.io.gfile.makedirs(out_dir)
  samples, checkpoint = generate(hparams, num_samples, seed)
  # Seeded apart from the noise seeds (a fixed reference for every run).
  real = data_provider.sample_numpy(hparams.dataset, num_samples,
                                    seed=10_000 + seed)
  result = metrics(samples, hparams.dataset, real)
  result.update(gan_loss=hparams.gan_loss, penalty=hparams.penalty,
                checkpoint=checkpoint, seed=seed)
  np.save(os.path.join(out_dir, 'samples.npy'), samples)
  png = os.path.join(out_dir, 'samples.png')
  plot(samples, hparams.dataset, png, _plot_title(hparams, result, ''))
  if hparams.generator_ema:
    averaged, _ = generate(hparams, num_samples, seed, averaged=True)
    result['averaged'] = metrics(averaged, hparams.dataset, real)
    plot(averaged, hparams.dataset,
         os.path.join(out_dir, 'samples_averaged.png'),
         _plot_title(hparams, result['averaged'], ', averaged generator'))
  with tf.io.gfile.GFile(os.path.join(out_dir, 'metrics.json'), 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  logging.info('eval of %s: %s', checkpoint, json.dumps(result))
  return dict(result, plot=png)


def summary_lines(result):
  """What train and eval print for the user."""
  png = result['plot']
  averaged = result.get('averaged')
  lines = ([] if averaged is None else [
      'averaged generator: %d/%d modes, %.1f%% high quality, reverse KL '
      '%.3f' % (averaged['modes_captured'], averaged['num_modes'],
                100 * averaged['high_quality_fraction'],
                averaged['reverse_kl'])])
  return [
      'modes captured: %d/%d' % (result['modes_captured'],
                                 result['num_modes']),
      'high-quality samples: %.1f%%' % (100 * result['high_quality_fraction']),
      'reverse KL (nats): %.3f' % result['reverse_kl'],
  ] + lines + [
      'plot: %s' % png,
      'metrics: %s' % os.path.join(os.path.dirname(png), 'metrics.json'),
  ]
