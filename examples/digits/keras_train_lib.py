# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains the digits DCGAN through Keras `fit` with tfgan_ext.keras.GANModel.

The Keras counterpart of train_lib.py (which trains through `gan_train`):
same data (scikit-learn's 8x8 digits, offline), same architecture
(keras_networks.py), same optimizer defaults (Adam 2e-4, beta1 0.5), and the
same evaluation: the Fréchet classifier distance of eval_lib.py (its
classifier, real-data split and sample size), so both trainers are compared
on one task. `train(...)` takes explicit arguments; flags are the caller's.

Distribution: `strategy` 'default' (one device), 'mirrored' (all GPUs, or the
CPU devices given / configured with tfgan_ext.keras.distribute.split_cpu
before TensorFlow starts), 'multi_worker' (TF_CONFIG; create nothing before
calling `train` in that process). The global batch is `batch_size`.
"""

import json
import math
import os

from absl import logging
import numpy as np
import tensorflow as tf

import tfgan_ext
import tfgan_ext.keras as tfk
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import keras_networks

__all__ = ['build', 'evaluate', 'make_dataset', 'train', 'train_from_hparams']

_KERAS = ('keras', 'tf_keras')


def keras_package(name):
  """`keras` (Keras 3 on TF >= 2.16) or `tf_keras`, by name."""
  if name not in _KERAS:
    raise ValueError('Unknown Keras package %r; valid names: %s.'
                     % (name, ', '.join(_KERAS)))
  return __import__(name)


def make_dataset(batch_size, noise_dims=32, seed=0, conditional=False,
                 dataset='digits'):
  """Repeated, shuffled (generator_inputs, images) batches, reproducible.

  Noise is `stateless_normal` keyed by (seed, element index), so a run's
  generator inputs are fixed by the seed.
  """
  images, labels = data_provider.load_numpy(dataset, 'train')
  num_classes = data_provider.num_classes(dataset)
  real = tf.data.Dataset.from_tensor_slices(
      (images, np.eye(num_classes, dtype=np.float32)[labels]))
  real = real.shuffle(len(images), seed=seed,
                      reshuffle_each_iteration=True).repeat()
  noise = tf.data.Dataset.counter().map(
      lambda i: tf.random.stateless_normal(
          [noise_dims], seed=tf.stack([tf.cast(seed, tf.int64), i])))

  def arrange(z, image_and_label):
    image, one_hot = image_and_label
    return ((z, one_hot) if conditional else z), image

  return tf.data.Dataset.zip((noise, real)).map(arrange).batch(
      batch_size, drop_remainder=True).prefetch(2)


def build(K, strategy, loss='non_saturating', penalty=None, penalty_weight=10.0,
          penalty_every=1, fused=False, noise_dims=32, channels=64,
          conditional=False, feature_matching_weight=0.0, learning_rate=2e-4,
          beta1=0.5, beta2=0.999, xla=False, dataset='digits',
          discriminator_learning_rate=None, discriminator_steps=1):
  """The compiled GANModel, built under `strategy`.

  `learning_rate` is the generator's, and the discriminator's unless
  `discriminator_learning_rate` is given.
  """
  d_learning_rate = (learning_rate if discriminator_learning_rate is None
                     else discriminator_learning_rate)
  shape = data_provider.image_shape(dataset)
  classes = data_provider.num_classes(dataset) if conditional else None
  with strategy.scope():
    generator = keras_networks.generator(
        K, shape, noise_dims, channels, classes,
        synchronized_batch_norm=strategy.num_replicas_in_sync > 1)
    discriminator = keras_networks.discriminator(K, shape, channels, classes)
    gan = tfk.GANModel(generator, discriminator)
    gan.compile(
        generator_optimizer=K.optimizers.Adam(learning_rate, beta1, beta2),
        discriminator_optimizer=K.optimizers.Adam(d_learning_rate, beta1,
                                                  beta2),
        discriminator_steps=discriminator_steps,
        loss=loss, penalty=penalty, penalty_weight=penalty_weight,
        penalty_every=penalty_every, fused=fused,
        feature_matching_weight=feature_matching_weight,
        feature_matching_layer='features' if feature_matching_weight else None,
        jit_compile=bool(xla))
  return gan


def _strategy(name, devices):
  if name == 'mirrored':
    return tfk.distribute.strategy_by_name(name, devices)
  return tfk.distribute.strategy_by_name(name)


def train(train_log_dir, loss='non_saturating', penalty=None,
          penalty_weight=10.0, penalty_every=1, steps=3000, batch_size=64,
          seed=0, strategy='default', keras='keras', fused=False,
          steps_per_epoch=500, conditional=False, feature_matching_weight=0.0,
          mixed_precision=False, xla=False, devices=None, evaluate_at_end=True,
          classifier_dir=None, classifier_steps=1500, verbose=2,
          generator_lr=2e-4, discriminator_lr=2e-4, beta1=0.5, beta2=0.999,
          discriminator_steps=1, noise_dims=32, channels=64):
  """Trains (resuming from `train_log_dir`), then evaluates.

  Args:
    train_log_dir: Checkpoints (Keras BackupAndRestore in `backup/`, the
      generator's weights), TensorBoard logs, sample grids, eval output.
    loss: A `tfgan_ext.losses.names()` name.
    penalty: None or a `tfgan_ext.losses.penalty_names()` name.
    penalty_weight: The penalty's weight.
    penalty_every: Lazy regularization interval (discriminator steps).
    steps: Generator steps (rounded up to whole epochs of
      `steps_per_epoch`).
    batch_size: Global batch size.
    seed: Seeds the networks' initialization, the data order and the noise.
    strategy: 'default', 'mirrored' or 'multi_worker'.
    keras: 'keras' (Keras 3 on TF >= 2.16) or 'tf_keras'.
    fused: GANModel's one-forward-pass step.
    steps_per_epoch: Steps between checkpoints, logs and sample grids.
    conditional: Condition both networks on the digit label.
    feature_matching_weight: Feature matching on the 'features' layer.
    mixed_precision: float16 compute (mixed_float16 policy), float32
      variables, dynamic loss scaling.
    xla: Compile the train step with XLA.
    devices: Devices for 'mirrored' (default: all GPUs, else the CPU).
    evaluate_at_end: Compute the FCD at the end.
    classifier_dir: eval_lib's classifier directory (share it between runs
      to compare FCDs); default `<train_log_dir>/eval/classifier`.
    classifier_steps: Training steps of that classifier, if it is trained.
    verbose: Keras' progress output (1: bar, 2: a line per epoch).
    generator_lr: The generator's Adam learning rate.
    discriminator_lr: The discriminator's.
    beta1: Adam's beta1 (both players).
    beta2: Adam's beta2 (both players).
    discriminator_steps: Discriminator steps per generator step (each on
      its own batch).
    noise_dims: Generator noise dimension.
    channels: Width of both networks.

  Returns:
    The eval metrics dict when evaluated, plus 'history' and 'steps'.
  """
  K = keras_package(keras)
  tfgan_ext.losses.get(loss)  # Clear errors before anything is built.
  tfgan_ext.losses.get_penalty(penalty)
  dist = _strategy(strategy, devices)
  tf.io.gfile.makedirs(train_log_dir)
  K.utils.set_random_seed(seed)
  if mixed_precision:
    K.mixed_precision.set_global_policy('mixed_float16')
  try:
    gan = build(K, dist, loss, penalty, penalty_weight, penalty_every, fused,
                noise_dims=noise_dims, channels=channels,
                conditional=conditional,
                feature_matching_weight=feature_matching_weight,
                learning_rate=generator_lr, beta1=beta1, beta2=beta2, xla=xla,
                discriminator_learning_rate=discriminator_lr,
                discriminator_steps=discriminator_steps)
  finally:
    K.mixed_precision.set_global_policy('float32')
  data = make_dataset(batch_size, noise_dims, seed=seed,
                      conditional=conditional)
  fixed = next(iter(make_dataset(64, noise_dims, seed=seed + 1000,
                                 conditional=conditional)))[0]
  epochs = max(1, math.ceil(steps / steps_per_epoch))
  callbacks = [
      K.callbacks.BackupAndRestore(os.path.join(train_log_dir, 'backup'),
                                   delete_checkpoint=False),
      K.callbacks.TensorBoard(train_log_dir, update_freq='epoch'),
      tfk.SampleGrid(fixed, train_log_dir, rows=8, cols=8),
  ]
  logging.info('keras trainer: %s, strategy %s (%d replicas), loss %s, '
               'penalty %s, fused %s; logs in %s', gan.flavour,
               strategy, dist.num_replicas_in_sync, loss, penalty, fused,
               train_log_dir)
  history = gan.fit(data, epochs=epochs, steps_per_epoch=steps_per_epoch,
                    callbacks=callbacks, verbose=verbose)
  gan.generator.save_weights(os.path.join(train_log_dir,
                                          'generator.weights.h5'))
  result = {'steps': int(gan.optimizer.iterations.numpy()),
            'history': {k: [float(v) for v in vs]
                        for k, vs in history.history.items()}}
  if evaluate_at_end:
    result.update(evaluate(gan.generator, train_log_dir, seed=seed,
                           conditional=conditional,
                           classifier_dir=classifier_dir,
                           classifier_steps=classifier_steps))
  with tf.io.gfile.GFile(os.path.join(train_log_dir, 'keras_run.json'),
                         'w') as f:
    json.dump(dict(result, loss=loss, penalty=penalty, keras=keras,
                   strategy=strategy, fused=fused, batch_size=batch_size,
                   seed=seed), f, indent=1, sort_keys=True)
  return result


def _generate(generator, noise, labels):
  """Samples with batch statistics (as networks.generator in gan_train).

  gan_train's generator always normalizes with the batch's statistics; so
  does this, in one batch, and the moving averages are put back after.
  """
  saved = [v.numpy() for v in generator.non_trainable_variables]
  inputs = noise if labels is None else [noise, labels]
  images = generator(inputs, training=True).numpy()
  for variable, value in zip(generator.non_trainable_variables, saved):
    variable.assign(value)
  return images


def evaluate(generator, train_log_dir, seed=0, conditional=False,
             classifier_dir=None, classifier_steps=1500, dataset='digits'):
  """eval_lib's FCD of a Keras generator; writes eval/metrics.json, grid.png.

  Same protocol as eval_lib.evaluate: the real images permuted with seed 0
  and halved (A, B), eval_lib's classifier trained on them (or reused from
  `classifier_dir`), FCD(n generated, B) and the FCD(A, B) floor.
  """
  out_dir = os.path.join(train_log_dir, 'eval')
  tf.io.gfile.makedirs(out_dir)
  real, labels = data_provider.load_numpy(dataset, 'train')
  order = np.random.default_rng(0).permutation(len(real))
  real, labels = real[order], labels[order]
  half = len(real) // 2
  noise_dims = generator.inputs[0].shape[-1]
  noise = tf.random.stateless_normal([half, noise_dims], seed=[seed, 7])
  one_hot = (np.eye(10, dtype=np.float32)[labels[half:2 * half]]
             if conditional else None)
  # Sample before eval_lib builds its TF-1 graphs: with tf-keras, layers
  # made in a tf.Graph invalidate Keras models made outside it.
  generated = _generate(generator, noise, one_hot)
  classifier_dir = classifier_dir or os.path.join(out_dir, 'classifier')
  accuracy = eval_lib.train_classifier(real, labels, classifier_dir,
                                       num_steps=classifier_steps)
  act_b = eval_lib.classifier_activations(real[half:2 * half], classifier_dir)
  result = {
      'fcd': eval_lib.fcd(
          eval_lib.classifier_activations(generated, classifier_dir), act_b),
      'fcd_real_vs_real': eval_lib.fcd(
          eval_lib.classifier_activations(real[:half], classifier_dir),
          act_b),
      'classifier_held_out_accuracy': float(accuracy),
      'classifier_dir': classifier_dir,
      'num_samples': int(half),
  }
  grid = tfk.callbacks.image_grid(generated[:100], 10, 10)
  result['grid'] = os.path.join(out_dir, 'grid.png')
  tf.io.write_file(result['grid'], tf.io.encode_png(grid))
  with tf.io.gfile.GFile(os.path.join(out_dir, 'metrics.json'),
                         'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  return result


# digits train_lib.HParams fields the Keras trainer does not implement, with
# the value that means "not used" (the gan_train trainer has them).
_NOT_IN_KERAS_TRAINER = (
    ('spectral_norm', False), ('weight_clip', 0.0), ('lr_decay_steps', 0),
    ('generator_train_steps', 1), ('adversarial_generator_loss', True),
    ('dataset', 'digits'),
)


def train_from_hparams(hparams):
  """`train` for a digits train_lib.HParams (`--trainer=keras`).

  Maps the shared fields (loss, penalty, steps, batch, seed, learning rates,
  Adam betas, discriminator steps, conditioning, feature matching, mixed
  precision, XLA, eval) onto `train`, checkpoints every
  hparams.save_checkpoint_steps steps (one Keras epoch), and records
  hparams.json in train_log_dir as the gan_train trainer does, refusing to
  resume a run made with other settings.

  Args:
    hparams: A digits train_lib.HParams with trainer='keras'.

  Returns:
    As `train`, or None when hparams.max_number_of_steps is 0.

  Raises:
    ValueError: a field the Keras trainer does not implement is set.
    RunMismatchError: train_log_dir holds a run with other settings.
  """
  from examples.common import training  # pylint: disable=g-import-not-at-top
  unsupported = ['--%s=%r' % (name, getattr(hparams, name))
                 for name, unused in _NOT_IN_KERAS_TRAINER
                 if getattr(hparams, name) != unused]
  if hparams.discriminator_channels != hparams.generator_channels:
    unsupported.append('--discriminator_channels != --generator_channels')
  if unsupported:
    raise ValueError('%s: not implemented by --trainer=keras; use '
                     '--trainer=gan_train.' % ', '.join(unsupported))
  if hparams.max_number_of_steps == 0:
    return None
  training.check_run_dir(hparams)
  return train(
      hparams.train_log_dir, loss=hparams.gan_loss,
      penalty=None if hparams.penalty == 'none' else hparams.penalty,
      penalty_weight=hparams.penalty_weight,
      penalty_every=hparams.penalty_every, steps=hparams.max_number_of_steps,
      batch_size=hparams.batch_size, seed=hparams.seed,
      strategy=hparams.strategy, keras=hparams.keras_package,
      fused=hparams.fused,
      steps_per_epoch=min(hparams.save_checkpoint_steps,
                          hparams.max_number_of_steps),
      conditional=hparams.conditional,
      feature_matching_weight=hparams.feature_matching_weight,
      mixed_precision=hparams.mixed_precision, xla=hparams.xla,
      evaluate_at_end=hparams.eval, generator_lr=hparams.generator_lr,
      discriminator_lr=hparams.discriminator_lr, beta1=hparams.adam_beta1,
      beta2=hparams.adam_beta2,
      discriminator_steps=hparams.discriminator_train_steps,
      noise_dims=hparams.noise_dims,
      channels=hparams.generator_channels)

