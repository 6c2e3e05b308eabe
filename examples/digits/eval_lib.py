# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Evaluates a digits generator from its checkpoint: image grid and FCD.

Fréchet classifier distance (FCD): the Fréchet distance between Gaussians
fitted to the activations of a classifier's penultimate layer on two image
sets (Heusel et al., arXiv:1706.08500, with a small classifier in place of
Inception), computed with TF-GAN's
`tfgan.eval.frechet_classifier_distance_from_activations`.

The classifier is a small CNN this module trains on the same data set
(no download), on a fixed 80% of the real images; its accuracy on the other
20% is reported. The real images are split at random (seed 0) into two
disjoint halves A and B of equal size n:

* `fcd`: FCD(n generated images, B);
* `fcd_real_vs_real`: FCD(A, B), the baseline a perfect generator would reach
  at this sample size (the estimate is biased upwards for finite n);
* `kid`, `kid_std`, `precision`, `recall`, `density`, `coverage`: those of
  `tfgan_ext.metrics.sample_quality` on the same activations (generated
  against B; KID in blocks of at most `KID_BLOCK` samples), and the same
  for A against B under `real_vs_real` (what a perfect generator reaches).

Evaluation is independent of training: it rebuilds the generator from the
run's hparams.json and restores it from the latest checkpoint.
"""

import json
import os

from absl import logging
import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import training
from examples.digits import conditioning
from examples.digits import data_provider
from examples.digits import networks
from tfgan_ext.addons import generator_average
from tfgan_ext import metrics as metrics_lib
from tfgan_ext.keras import callbacks as keras_callbacks

__all__ = ['MNIST_EVAL_IMAGES', 'class_rows', 'classifier_activations',
           'conditioning_fields', 'evaluate', 'fcd', 'generate', 'image_grid',
           'mnist_scores', 'scores', 'summary_lines', 'train_classifier',
           'write_png']

_v1 = tf.compat.v1
_layers = tf.compat.v1.layers

# Real images used by the eval for tfds data sets (the first of 'train').
MAX_EVAL_EXAMPLES = 10000
# KID's blocks (TF-GAN's max_block_size): 898 digits give 9 blocks, so KID
# has a standard error (a single block gives none).
KID_BLOCK = 100


def _generator_inputs(hparams, num_images, labels, seed):
  """NumPy generator inputs: noise (and one-hot labels, or InfoGAN's codes)."""
  rng = np.random.default_rng(seed)
  noise = rng.standard_normal((num_images, hparams.noise_dims)).astype(
      np.float32)
  if hparams.infogan:
    categories, continuous = networks.INFOGAN_CODES
    return (noise, rng.integers(0, categories, num_images).astype(np.int32),
            rng.uniform(-1, 1, (num_images, continuous)).astype(np.float32))
  if labels is None:
    return (noise,)
  num_classes = data_provider.num_classes(hparams.dataset)
  return noise, np.eye(num_classes, dtype=np.float32)[labels]


def generate(hparams, num_images, labels=None, seed=0, averaged=False,
             batch_size=1000):
  """`num_images` images [-1, 1] from the run's latest checkpoint.

  Args:
    hparams: The run's HParams, as trained (`examples.common.hparams.load`
      reads them back).
    num_images: How many images.
    labels: int labels [num_images] for a conditional run (default: cycling
      0..9).
    seed: Noise seed (NumPy's generator: the same images for any batching).
    averaged: Restore the trainable weights from their moving average
      (`tfgan_ext.addons.GeneratorAverage`; the batch-norm statistics are
      not averaged).
    batch_size: Images per forward pass. The DCGAN normalizes with each
      batch's statistics, as in training; TF-GAN's MNIST networks with their
      moving averages, as TF-GAN's MNIST eval does.

  Returns:
    (images float32 [N, H, W, C], labels int [N] or None, checkpoint path).
  """
  hparams = hparams._replace(xla=False, seed=seed)
  checkpoint = tf.train.latest_checkpoint(hparams.train_log_dir)
  if checkpoint is None:
    raise FileNotFoundError('No checkpoint in %s' % hparams.train_log_dir)
  num_classes = data_provider.num_classes(hparams.dataset)
  if hparams.conditional and labels is None:
    labels = np.arange(num_images) % num_classes
  if not hparams.conditional:
    labels = None
  inputs = _generator_inputs(hparams, num_images, labels, seed)
  with training.graph_for(hparams):
    feeds = [_v1.placeholder(tf.as_dtype(x.dtype), [None] + list(x.shape[1:]))
             for x in inputs]
    with _v1.variable_scope('Generator'):
      images = networks.generator_fn(hparams, is_training=False)(
          feeds[0] if len(feeds) == 1 else tuple(feeds))
    variables = _v1.global_variables('Generator')
    if averaged:
      trainable = _v1.trainable_variables('Generator')
      variables = dict(
          {v.op.name: v for v in variables if v not in trainable},
          **generator_average.averages_to_restore(trainable))
    saver = _v1.train.Saver(var_list=variables)
    with _v1.Session() as sess:
      saver.restore(sess, checkpoint)
      batches = [sess.run(images, dict(zip(
          feeds, [x[i:i + batch_size] for x in inputs])))
                 for i in range(0, num_images, batch_size)]
  return np.concatenate(batches), labels, checkpoint


def _classifier(images, num_classes):
  net = _layers.Conv2D(32, 3, padding='same', activation=tf.nn.relu,
                       name='conv1')(images)
  net = _layers.Conv2D(64, 3, strides=2, padding='same',
                       activation=tf.nn.relu, name='conv2')(net)
  net = _layers.Flatten()(net)
  activations = _layers.Dense(64, activation=tf.nn.relu, name='hidden')(net)
  return activations, _layers.Dense(num_classes, name='logits')(activations)


def train_classifier(images, labels, model_dir, num_steps=1500, batch_size=64,
                     seed=0):
  """Trains the eval classifier (once; reused from `model_dir` after that).

  Returns:
    Held-out accuracy on the last 20% of `images` (a fixed split).
  """
  num_train = int(0.8 * len(images))
  checkpoint = tf.train.latest_checkpoint(model_dir)
  with tf.Graph().as_default():
    _v1.set_random_seed(seed)
    x = _v1.placeholder(tf.float32, [None] + list(images.shape[1:]))
    y = _v1.placeholder(tf.int64, [None])
    with _v1.variable_scope('classifier'):
      _, logits = _classifier(x, 10)
    loss = tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
    step = _v1.train.AdamOptimizer(1e-3).minimize(loss)
    correct = tf.reduce_sum(tf.cast(tf.equal(tf.argmax(logits, 1), y),
                                    tf.float32))
    saver = _v1.train.Saver(_v1.global_variables('classifier'))
    with _v1.Session() as sess:
      if checkpoint:
        saver.restore(sess, checkpoint)
      else:
        sess.run(_v1.global_variables_initializer())
        rng = np.random.default_rng(seed)
        for _ in range(num_steps):
          batch = rng.integers(0, num_train, size=batch_size)
          sess.run(step, {x: images[batch], y: labels[batch]})
        tf.io.gfile.makedirs(model_dir)
        saver.save(sess, os.path.join(model_dir, 'classifier'))
      held_out = 0.0
      for start in range(num_train, len(images), 1000):
        stop = min(start + 1000, len(images))
        held_out += sess.run(correct, {x: images[start:stop],
                                       y: labels[start:stop]})
  return held_out / max(len(images) - num_train, 1)


def _classifier_outputs(images, model_dir):
  """(penultimate activations [N, 64], logits [N, 10]) of the classifier."""
  with tf.Graph().as_default():
    x = _v1.placeholder(tf.float32, [None] + list(images.shape[1:]))
    with _v1.variable_scope('classifier'):
      outputs = _classifier(x, 10)
    saver = _v1.train.Saver(_v1.global_variables('classifier'))
    with _v1.Session() as sess:
      saver.restore(sess, tf.train.latest_checkpoint(model_dir))
      batches = [sess.run(outputs, {x: images[i:i + 1000]})
                 for i in range(0, len(images), 1000)]
  return tuple(np.concatenate(parts) for parts in zip(*batches))


def classifier_activations(images, model_dir):
  """Penultimate-layer activations [N, 64] of the trained classifier."""
  return _classifier_outputs(images, model_dir)[0]


def fcd(activations_a, activations_b):
  """TF-GAN's Fréchet distance between two activation sets (float)."""
  with tf.Graph().as_default():
    distance = tfgan.eval.frechet_classifier_distance_from_activations(
        tf.constant(activations_a, tf.float64),
        tf.constant(activations_b, tf.float64))
    with _v1.Session() as sess:
      return float(sess.run(distance))


def scores(activations, reference_activations):
  """FCD and `tfgan_ext.metrics.sample_quality` against the reference.

  Returns:
    {'fcd', 'kid', 'kid_std', 'precision', 'recall', 'density',
    'coverage'} as floats.
  """
  return dict(fcd=fcd(activations, reference_activations),
              **metrics_lib.sample_quality(reference_activations,
                                           activations,
                                           max_block_size=KID_BLOCK))


def image_grid(images, rows, cols, padding=0):
  """Tiles images [rows*cols, H, W, C] in [-1, 1] into a uint8 array.

  `tfgan_ext.keras.callbacks.image_grid` (`padding` grey pixels between
  tiles), squeezed to [H', W'] for one channel.
  """
  grid = keras_callbacks.image_grid(images, rows, cols, padding=padding)
  return grid[..., 0] if grid.shape[-1] == 1 else grid


def class_rows(images, labels, per_row=10):
  """`images` arranged one row per class: row k holds class k's first ones.

  Args:
    images: [N, H, W, C].
    labels: int [N], the class of each image.
    per_row: Images per class (the grid's columns).

  Returns:
    [num_classes * per_row, H, W, C] for classes 0..max(labels), in order.

  Raises:
    ValueError: a class with fewer than `per_row` images.
  """
  labels = np.asarray(labels)
  rows = []
  for c in range(int(labels.max()) + 1):
    indices = np.flatnonzero(labels == c)[:per_row]
    if len(indices) < per_row:
      raise ValueError('A row of class %d needs %d images, got %d.'
                       % (c, per_row, len(indices)))
    rows.append(images[indices])
  return np.concatenate(rows)


def conditioning_fields(hparams):
  """The run's conditioning for its metrics: head and loss, resolved.

  Args:
    hparams: A digits train_lib.HParams.

  Returns:
    {'conditional_head': a head name, 'network' (the networks' own) or None,
     'conditional_loss': a conditional loss name or None}.

  Raises:
    ValueError: as `conditioning.resolve`.
  """
  resolved = conditioning.resolve(hparams)
  return {'conditional_head': resolved and resolved.head,
          'conditional_loss': resolved and resolved.loss}


def write_png(array, path, scale):
  """Writes a grid image in [-1, 1] to `path`, each pixel scale x scale."""
  import matplotlib  # pylint: disable=g-import-not-at-top
  matplotlib.use('Agg')
  from matplotlib import pyplot as plt  # pylint: disable=g-import-not-at-top
  array = np.repeat(np.repeat(array, scale, axis=0), scale, axis=1)
  plt.imsave(path, array, cmap='gray' if array.ndim == 2 else None,
             vmin=0, vmax=255)


# MNIST: generated images scored against the 10,000 test images
# (`mnist_eval`, whose floors are measured at this size).
MNIST_EVAL_IMAGES = 10000


def mnist_scores(generated, labels=None, mnist_source='auto',
                 cas_steps=None, seed=0):
  """`mnist_eval`'s scores of generated MNIST images (no download).

  Args:
    generated: float [N, 28, 28, 1] in [-1, 1].
    labels: For a conditional model, the label each image was asked for:
      adds 'conditional_accuracy' (the committed classifier's agreement with
      them), 'classification_accuracy_score' (CAS: a classifier trained on
      the generated images, tested on the real test images) and the
      intra-class FCD with its per-class floors
      (`mnist_eval.intra_class_fcd`'s keys).
    mnist_source: Where the real images come from.
    cas_steps: The CAS classifier's training steps (None: `mnist_eval`'s
      default, 5,000).
    seed: The CAS classifier's seed.

  Returns:
    `mnist_eval.evaluate_images`' dict (FCD, KID, precision / recall,
    density / coverage, classifier score, class histogram, the floors under
    'real_vs_real', the source), plus the above.
  """
  # Imported here: mnist_eval reads this module's `scores`.
  from examples.digits import mnist_eval  # pylint: disable=g-import-not-at-top
  values = mnist_eval.evaluate_images(generated, mnist_source, labels)
  if labels is not None:
    predicted = np.argmax(mnist_eval.classifier_fn(
        tf.constant(generated)).numpy(), axis=1)
    values['conditional_accuracy'] = float(np.mean(predicted == labels))
    values['classification_accuracy_score'] = float(
        mnist_eval.classification_accuracy_score(
            generated, labels, steps=cas_steps, seed=seed,
            mnist_source=mnist_source))
  return values


def _evaluate_mnist(hparams, seed, cas_steps):
  """`evaluate` on MNIST: 10,000 generated images vs the test images."""
  out_dir = os.path.join(hparams.train_log_dir, 'eval')
  tf.io.gfile.makedirs(out_dir)
  labels = (np.arange(MNIST_EVAL_IMAGES) % 10 if hparams.conditional
            else None)
  result = {'dataset': hparams.dataset, 'gan_loss': hparams.gan_loss,
            'penalty': hparams.penalty, 'networks': hparams.networks,
            'conditional': bool(hparams.conditional),
            'infogan': bool(hparams.infogan),
            'num_samples': MNIST_EVAL_IMAGES, **conditioning_fields(hparams)}
  for averaged in (False, True) if hparams.generator_ema else (False,):
    suffix = '_averaged' if averaged else ''
    generated, gen_labels, checkpoint = generate(
        hparams, MNIST_EVAL_IMAGES, labels=labels, seed=seed,
        averaged=averaged)
    values = mnist_scores(generated, gen_labels, hparams.mnist_source,
                          cas_steps, seed)
    if averaged:
      values.pop('real_vs_real')
      result['averaged'] = values
    else:
      result.update(values, checkpoint=checkpoint,
                    fcd_real_vs_real=values['real_vs_real']['fcd'])
    grid = (class_rows(generated, gen_labels) if gen_labels is not None
            else generated)  # One row per class when conditional.
    write_png(image_grid(grid[:100], 10, 10, padding=1),
              os.path.join(out_dir, 'grid%s.png' % suffix), 1)
  with tf.io.gfile.GFile(os.path.join(out_dir, 'metrics.json'), 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  result['grid'] = os.path.join(out_dir, 'grid.png')
  logging.info('eval of %s: %s', result['checkpoint'], json.dumps(result))
  return result


def evaluate(hparams, seed=0, classifier_steps=1500, classifier_dir=None,
             cas_steps=None):
  """Writes eval/grid.png and eval/metrics.json; returns the metrics dict.

  On MNIST, `mnist_scores` of 10,000 generated images against the test
  images, with the committed classifier (nothing is trained but, for a
  conditional model, the CAS classifier); on the other data sets, the
  classifier below, trained on the data set.

  With a generator average in the checkpoint (--generator_ema), the
  averaged generator is evaluated too, from the same checkpoint and noise:
  its FCD (and conditional accuracy) under 'averaged', its grid in
  eval/grid_averaged.png.

  Args:
    hparams: The run's HParams, as trained.
    seed: Noise seed for the generated images.
    classifier_steps: Training steps of the eval classifier (when trained).
    classifier_dir: Where the eval classifier is (or is trained and kept);
      default `<train_log_dir>/eval/classifier`. Training it is not
      bit-reproducible on CPU (FCDs move by a few tenths), so point several
      runs of one data set at the same directory to compare their FCDs.
    cas_steps: MNIST, conditional: the CAS classifier's training steps
      (default hparams.cas_steps).
  """
  if hparams.dataset == 'mnist':
    return _evaluate_mnist(hparams, seed, cas_steps or hparams.cas_steps)
  train_log_dir = hparams.train_log_dir
  out_dir = os.path.join(train_log_dir, 'eval')
  tf.io.gfile.makedirs(out_dir)
  real, labels = data_provider.load_numpy(
      hparams.dataset, 'train',
      None if hparams.dataset == 'digits' else MAX_EVAL_EXAMPLES,
      data_dir=hparams.data_dir, download=hparams.tfds_download,
      mnist_source=hparams.mnist_source)
  order = np.random.default_rng(0).permutation(len(real))
  real, labels = real[order], labels[order]
  classifier_dir = classifier_dir or os.path.join(out_dir, 'classifier')
  accuracy = train_classifier(real, labels, classifier_dir,
                              num_steps=classifier_steps)

  half = len(real) // 2
  real_a, real_b = real[:half], real[half:2 * half]
  act_a = classifier_activations(real_a, classifier_dir)
  act_b = classifier_activations(real_b, classifier_dir)
  result = {
      'dataset': hparams.dataset,
      'gan_loss': hparams.gan_loss,
      'penalty': hparams.penalty,
      'conditional': bool(hparams.conditional),
      **conditioning_fields(hparams),
      'classifier_dir': classifier_dir,
      'num_samples': int(half),
      'fcd_real_vs_real': fcd(act_a, act_b),
      'real_vs_real': scores(act_a, act_b),
      'classifier_held_out_accuracy': float(accuracy),
  }
  eval_labels = labels[half:2 * half] if hparams.conditional else None
  grid_labels = np.repeat(np.arange(10), 10) if hparams.conditional else None
  for averaged in (False, True) if hparams.generator_ema else (False,):
    suffix = '_averaged' if averaged else ''
    generated, gen_labels, checkpoint = generate(
        hparams, half, labels=eval_labels, seed=seed, averaged=averaged)
    values = scores(classifier_activations(generated, classifier_dir), act_b)
    if gen_labels is not None:
      values['conditional_accuracy'] = float(np.mean(
          _predicted(generated, classifier_dir) == gen_labels))
    if averaged:
      result['averaged'] = values
    else:
      result.update(values, checkpoint=checkpoint)
    grid_images, _, _ = generate(hparams, 100, labels=grid_labels, seed=seed,
                                 averaged=averaged)
    scale = max(1, 32 // data_provider.image_shape(hparams.dataset)[0])
    write_png(image_grid(grid_images, 10, 10, padding=1),
              os.path.join(out_dir, 'grid%s.png' % suffix), scale)
  with tf.io.gfile.GFile(os.path.join(out_dir, 'metrics.json'), 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  result['grid'] = os.path.join(out_dir, 'grid.png')
  logging.info('eval of %s: %s', result['checkpoint'], json.dumps(result))
  return result


def _predicted(images, model_dir):
  return np.argmax(_classifier_outputs(images, model_dir)[1], axis=1)


_QUALITY = ('kid', 'kid_std', 'precision', 'recall', 'density', 'coverage')


def summary_lines(result):
  """What train and eval print for the user (steps only without an eval)."""
  if 'fcd' not in result:  # The Keras trainer's result under --noeval.
    return ['trained to step %d (no evaluation)' % result['steps']]
  lines = ['FCD (generated vs real): %.3f' % result['fcd'],
           'FCD baseline (real vs real, same sample size): %.3f'
           % result['fcd_real_vs_real']]
  if 'mnist_source' in result:
    lines.append(
        'MNIST (%s), committed classifier (test accuracy %.4f): classifier '
        'score %.3f (real test images %.3f), classes %s' % (
            result['mnist_source'], result['real_vs_real']['test_accuracy'],
            result['classifier_score'],
            result['real_vs_real']['test_classifier_score'],
            result['class_histogram']))
  else:
    lines.append('eval classifier held-out accuracy: %.3f'
                 % result['classifier_held_out_accuracy'])
  lines.append(
      'KID %.4f +- %.4f, precision %.3f, recall %.3f, density %.3f, '
      'coverage %.3f (real vs real: KID %.4f, %.3f, %.3f, %.3f, %.3f)' % (
          tuple(result[k] for k in _QUALITY) +
          tuple(result['real_vs_real'][k] for k in _QUALITY
                if k != 'kid_std')))
  if 'conditional_accuracy' in result:
    lines.append('generated images classified as their label: %.3f'
                 % result['conditional_accuracy'])
  if 'classification_accuracy_score' in result:
    lines.append('classification accuracy score (trained on generated, '
                 'tested on real): %.4f'
                 % result['classification_accuracy_score'])
  if 'intra_class_fcd' in result:
    lines.append('intra-class FCD (each class against its test images, '
                 'mean of 10): %.3f (floor %.3f); per class %s' % (
                     result['intra_class_fcd'],
                     result['intra_class_fcd_floor'],
                     ' '.join('%.1f' % v for v in
                              result['intra_class_fcd_per_class'])))
  if 'averaged' in result:
    lines.append('averaged generator: FCD %.3f, KID %.4f, precision %.3f, '
                 'recall %.3f, density %.3f, coverage %.3f' % tuple(
                     result['averaged'][k] for k in ('fcd',) + _QUALITY
                     if k != 'kid_std'))
  lines += ['image grid: %s' % result['grid'],
            'metrics: %s' % os.path.join(os.path.dirname(result['grid']),
                                         'metrics.json')]
  return lines
