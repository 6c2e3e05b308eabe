# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains the digits DCGAN through Keras `fit` (--trainer=keras).

The Keras counterpart of gan_train_lib.py, with tfgan_ext.keras.GANModel:
same data (scikit-learn's 8x8 digits, offline), same architecture
(keras_networks.py), same hyperparameters (`train(hparams)` takes the
example's HParams), and the same evaluation: the Fréchet classifier distance
of eval_lib.py (its classifier, real-data split and sample size), so the
trainers are compared on one task.

Distribution: `strategy` 'default' (one device), 'mirrored' (all GPUs, or the
CPU devices given / configured with tfgan_ext.keras.distribute.split_cpu
before TensorFlow starts), 'multi_worker' (TF_CONFIG; create nothing before
calling `train` in that process). The global batch is `batch_size`.
"""

import json
import os

from absl import logging
import numpy as np
import tensorflow as tf

import tfgan_ext.keras as tfk
from tfgan_ext.losses import discriminator_outputs
from examples.common import training
from examples.digits import conditioning
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import keras_networks
from examples.digits import networks
from examples.digits import sngan_keras_networks

__all__ = ['build', 'evaluate', 'fit_with_backups', 'keras_package',
           'make_dataset', 'train', 'training_data']

_KERAS = ('keras', 'tf_keras')


def keras_package(name):
  """`keras` (Keras 3 on TF >= 2.16) or `tf_keras`, by name."""
  if name not in _KERAS:
    raise ValueError('Unknown Keras package %r; valid names: %s.'
                     % (name, ', '.join(_KERAS)))
  return __import__(name)


def make_dataset(batch_size, noise_dims=32, seed=0, conditional=False,
                 dataset='digits', fraction=1.0, mnist_source='auto'):
  """Repeated, shuffled (generator_inputs, images) batches, reproducible.

  Noise is `stateless_normal` keyed by (seed, element index), so a run's
  generator inputs are fixed by the seed. With `fraction` < 1, only
  `data_provider.training_subset(..., fraction, seed)` of the images.
  """
  images, labels = data_provider.training_subset(
      *data_provider.load_numpy(dataset, 'train', mnist_source=mnist_source),
      fraction, seed)
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


def training_data(hparams):
  """The run's `make_dataset`: its batch, noise, seed, data set and fraction."""
  return make_dataset(hparams.batch_size, hparams.noise_dims,
                      seed=hparams.seed, conditional=hparams.conditional,
                      dataset=hparams.dataset,
                      fraction=hparams.train_fraction,
                      mnist_source=hparams.mnist_source)


def _networks(K, hparams, synchronized):
  """(generator, discriminator) of `hparams` as Keras models of `K`.

  Conditional: the head of `conditioning.resolve` on the discriminator's
  features, or the networks' own conditioning (`conditioning.NETWORK`).
  """
  shape = data_provider.image_shape(hparams.dataset)
  classes = (data_provider.num_classes(hparams.dataset)
             if hparams.conditional else None)
  resolved = conditioning.resolve(hparams)
  head = {} if resolved is None or resolved.head == conditioning.NETWORK else {
      'head': resolved.head}
  if hparams.networks in networks.SNGAN:
    architecture = networks.SNGAN[hparams.networks]
    return (sngan_keras_networks.GENERATORS[architecture](
        K, shape, hparams.noise_dims, hparams.generator_channels, classes,
        synchronized_batch_norm=synchronized),
            sngan_keras_networks.DISCRIMINATORS[architecture](
                K, shape, hparams.discriminator_channels, classes, **head))
  if hparams.networks == 'tfgan_mnist':
    return (keras_networks.tfgan_mnist_generator(
        K, hparams.noise_dims, classes, synchronized_batch_norm=synchronized),
            keras_networks.tfgan_mnist_discriminator(K, classes, **head))
  return (keras_networks.generator(
      K, shape, hparams.noise_dims, hparams.generator_channels, classes,
      synchronized_batch_norm=synchronized),
          keras_networks.discriminator(
              K, shape, hparams.discriminator_channels, classes, **head))


def build(K, strategy, hparams, addons):
  """The compiled GANModel of `hparams` and `addons`, built under `strategy`.

  The loss is `conditioning.keras_loss`: --gan_loss, a conditional loss's
  name, or its pair with --gan_loss as the adversarial part.
  """
  with strategy.scope():
    generator, discriminator = _networks(
        K, hparams, strategy.num_replicas_in_sync > 1)
    gan = tfk.GANModel(generator, discriminator)
    betas = (hparams.adam_beta1, hparams.adam_beta2)
    gan.compile(
        generator_optimizer=K.optimizers.Adam(hparams.generator_lr, *betas),
        discriminator_optimizer=K.optimizers.Adam(hparams.discriminator_lr,
                                                  *betas),
        loss=conditioning.keras_loss(hparams),
        addons=addons,
        discriminator_steps=hparams.discriminator_train_steps,
        fused=hparams.fused,
        jit_compile=hparams.xla)
  return gan


def _strategy(name, devices):
  if name == 'mirrored':
    return tfk.distribute.strategy_by_name(name, devices)
  return tfk.distribute.strategy_by_name(name)


# digits HParams fields the Keras trainer does not implement, with the value
# that means "not used" (the gan_train trainer has them).
_NOT_IN_KERAS_TRAINER = (
    ('spectral_norm', False), ('weight_clip', 0.0), ('lr_decay_steps', 0),
    ('generator_train_steps', 1), ('infogan', False),
)


def _check_supported(hparams):
  unsupported = ['--%s=%r' % (name, getattr(hparams, name))
                 for name, unused in _NOT_IN_KERAS_TRAINER
                 if getattr(hparams, name) != unused]
  if unsupported:
    raise ValueError('%s: not implemented by --trainer=keras; use '
                     '--trainer=gan_train.' % ', '.join(unsupported))
  resolved = conditioning.resolve(hparams)
  if (hparams.feature_matching_weight and resolved is not None and
      discriminator_outputs.HEADS.get(resolved.head) is not None):
    raise ValueError(
        '--feature_matching_weight with --conditional_head=%s: not '
        'implemented by --trainer=keras (its feature matching reads the '
        'discriminator\'s layer \'features\' beside one output, and this '
        'head returns several); use --trainer=gan_train.' % resolved.head)


def train(hparams, addons, devices=None, verbose=2, classifier_steps=1500,
          classifier_dir=None):
  """Trains through `fit` (resuming from train_log_dir), then evaluates.

  Checkpoints every hparams.save_checkpoint_steps steps (one Keras epoch,
  through BackupAndRestore in `<train_log_dir>/backup`) and at a SIGTERM
  (see `fit_with_backups`), records
  hparams.json in train_log_dir as the gan_train trainer does (refusing to
  resume a run made with other settings), writes TensorBoard logs, sample
  grids and the generator's weights, and evaluates with eval_lib's FCD
  protocol when hparams.eval. The global batch is hparams.batch_size.

  Args:
    hparams: A digits train_lib.HParams (validated): the loss, steps,
      batch, seed (networks' initialization, data order and noise), learning
      rates, Adam betas, discriminator steps, conditioning, precision, XLA,
      `strategy`, `keras_package`, `fused`.
    addons: The run's `tfgan_ext.addons` objects (`train_lib.addons`).
    devices: Devices for --strategy=mirrored (default: all GPUs, else the
      CPU; e.g. logical CPUs from tfgan_ext.keras.distribute.split_cpu).
    verbose: Keras' progress output (1: bar, 2: a line per epoch).
    classifier_steps: Training steps of the eval classifier, if trained.
    classifier_dir: The eval classifier's directory (share it between runs
      to compare FCDs); default `<train_log_dir>/eval/classifier`.

  Returns:
    None when hparams.max_number_of_steps is 0; else {'steps', 'history'}
    plus the eval metrics when evaluated.

  Raises:
    ValueError: a setting the Keras trainer does not implement.
    training.RunMismatchError: train_log_dir holds a run with other settings.
    training.NonFiniteLossError: a logged loss went NaN or infinite (the
      backup keeps the last finite epoch).
    training.Preempted: SIGTERM stopped the run, after backing up its step.
  """
  _check_supported(hparams)
  K = keras_package(hparams.keras_package)
  if hparams.max_number_of_steps == 0:
    return None
  training.check_run_dir(hparams)
  dist = _strategy(hparams.strategy, devices)
  train_log_dir = hparams.train_log_dir
  K.utils.set_random_seed(hparams.seed)
  if hparams.mixed_precision:
    K.mixed_precision.set_global_policy('mixed_float16')
  try:
    gan = build(K, dist, hparams, addons)
  finally:
    K.mixed_precision.set_global_policy('float32')
  data = training_data(hparams)
  if hparams.conditional:  # One row per class.
    grid = tfk.SampleGrid.per_class(
        data_provider.num_classes(hparams.dataset), hparams.noise_dims,
        train_log_dir, per_class=8, seed=hparams.seed + 1000, raw_too=True)
  else:
    fixed = next(iter(make_dataset(64, hparams.noise_dims,
                                   seed=hparams.seed + 1000,
                                   dataset=hparams.dataset,
                                   mnist_source=hparams.mnist_source)))[0]
    grid = tfk.SampleGrid(fixed, train_log_dir, rows=8, cols=8, raw_too=True)
  steps_per_epoch = min(hparams.save_checkpoint_steps,
                        hparams.max_number_of_steps)
  logging.info('keras trainer: %s, strategy %s (%d replicas), loss %s, '
               'add-ons %s, fused %s; logs in %s', gan.flavour,
               hparams.strategy, dist.num_replicas_in_sync, hparams.gan_loss,
               ', '.join(map(repr, addons)) or 'none', hparams.fused,
               train_log_dir)
  steps, history = fit_with_backups(
      gan, data, hparams.max_number_of_steps, steps_per_epoch, train_log_dir,
      dist, verbose=verbose, callbacks=[
          K.callbacks.TensorBoard(train_log_dir, update_freq='epoch'),
          grid,
      ])
  gan.generator.save_weights(os.path.join(train_log_dir,
                                          'generator.weights.h5'))
  result = {'steps': steps, 'history': history}
  if hparams.eval:
    result.update(evaluate(gan.generator, train_log_dir, seed=hparams.seed,
                           conditional=hparams.conditional,
                           classifier_dir=classifier_dir,
                           classifier_steps=classifier_steps,
                           dataset=hparams.dataset,
                           averaged=(gan.sampling_generator
                                     if hparams.generator_ema else None),
                           hparams=hparams))
  with tf.io.gfile.GFile(os.path.join(train_log_dir, 'keras_run.json'),
                         'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  return result


def fit_with_backups(gan, data, last_step, steps_per_epoch, train_log_dir,
                     strategy, verbose=2, callbacks=()):
  """Trains `gan` to `last_step` with the trainer's fault handling.

  tfgan_ext.keras.faults' pieces, in order: the NaN stop (first: a NaN step
  raises before its epoch's backup is written), `callbacks`, the backup in
  `<train_log_dir>/backup` every `steps_per_epoch` steps (an epoch; only
  the chief writes), a log line at the first `fit`'s start ('starting at
  step 0' or 'resumed from a backup at step N'), and the SIGTERM stop
  (last: the epoch-end callbacks save the step first).

  Returns:
    (steps, history) of `tfk.faults.fit_to_step`.

  Raises:
    training.NonFiniteLossError: a logged loss went NaN or infinite.
    training.Preempted: SIGTERM stopped the run (after saving its step).
  """
  K = gan.flavour.package

  started = []  # fit_to_step may call fit more than once: log the first.

  def log_start(logs):
    del logs
    step = int(gan.optimizer.iterations.numpy())
    if not started:
      logging.info('%s at step %d (training to %d)', 'resumed from a backup'
                   if step else 'starting', step, last_step)
    started.append(step)

  try:
    with tfk.faults.stop_on_sigterm(gan) as on_sigterm:
      return tfk.faults.fit_to_step(
          gan, data, last_step, steps_per_epoch, verbose=verbose,
          callbacks=[
              tfk.stop_on_non_finite_loss(
                  gan, hint='Lower the learning rates (--generator_lr, '
                  '--discriminator_lr), add a --penalty, or check the data.'),
              *callbacks,
              tfk.faults.backup_and_restore(
                  gan, os.path.join(train_log_dir, 'backup'), strategy),
              K.callbacks.LambdaCallback(on_train_begin=log_start),
              on_sigterm,
          ])
  except tfk.faults.NonFiniteLossError as e:
    raise training.NonFiniteLossError(str(e)) from e
  except tfk.faults.Preempted as e:
    raise training.Preempted(e.step, train_log_dir) from e


def _generate(generator, noise, labels, batch_statistics=True,
              batch_size=1000):
  """Samples, in batches, as the gan_train trainer's eval does.

  The DCGAN (`batch_statistics`): gan_train's generator always normalizes
  with the batch's statistics; so does this, and the moving averages are
  put back after. TF-GAN's MNIST networks and SNGAN's use their moving
  averages.
  """
  saved = [v.numpy() for v in generator.non_trainable_variables]
  images = []
  for i in range(0, len(noise), batch_size):
    inputs = noise[i:i + batch_size]
    if labels is not None:
      inputs = [inputs, labels[i:i + batch_size]]
    images.append(generator(inputs, training=batch_statistics).numpy())
  for variable, value in zip(generator.non_trainable_variables, saved):
    variable.assign(value)
  return np.concatenate(images)


def _evaluate_mnist(generator, train_log_dir, hparams, averaged=None):
  """`eval_lib.mnist_scores` of 10,000 samples; eval/metrics.json, grid.png."""
  out_dir = os.path.join(train_log_dir, 'eval')
  tf.io.gfile.makedirs(out_dir)
  count = eval_lib.MNIST_EVAL_IMAGES
  noise = tf.random.stateless_normal([count, hparams.noise_dims],
                                     seed=[hparams.seed, 7]).numpy()
  labels = np.arange(count) % 10 if hparams.conditional else None
  one_hot = None if labels is None else np.eye(10, dtype=np.float32)[labels]
  result = {'dataset': hparams.dataset, 'networks': hparams.networks,
            'conditional': bool(hparams.conditional), 'num_samples': count,
            **eval_lib.conditioning_fields(hparams)}
  generators = {'': generator}
  if averaged is not None:
    generators['_averaged'] = averaged
  for suffix, network in generators.items():
    generated = _generate(network, noise, one_hot,
                          batch_statistics=hparams.networks == 'dcgan')
    values = eval_lib.mnist_scores(generated, labels, hparams.mnist_source,
                                   hparams.cas_steps, hparams.seed)
    if suffix:
      values.pop('real_vs_real')
      result['averaged'] = values
    else:
      result.update(values, fcd_real_vs_real=values['real_vs_real']['fcd'])
    grid = (eval_lib.class_rows(generated, labels) if labels is not None
            else generated)[:100]  # One row per class when conditional.
    tf.io.write_file(os.path.join(out_dir, 'grid%s.png' % suffix),
                     tf.io.encode_png(tfk.callbacks.image_grid(grid, 10, 10)))
  result['grid'] = os.path.join(out_dir, 'grid.png')
  with tf.io.gfile.GFile(os.path.join(out_dir, 'metrics.json'), 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  return result


def evaluate(generator, train_log_dir, seed=0, conditional=False,
             classifier_dir=None, classifier_steps=1500, dataset='digits',
             averaged=None, hparams=None):
  """eval_lib's FCD of a Keras generator; writes eval/metrics.json, grid.png.

  Same protocol as eval_lib.evaluate: the real images permuted with seed 0
  and halved (A, B), eval_lib's classifier trained on them (or reused from
  `classifier_dir`), FCD(n generated, B) and the FCD(A, B) floor, and
  `eval_lib.scores`' other metrics. With `averaged` (the model's sampling
  generator under --generator_ema), its scores on the same noise go under
  'averaged', its grid in
  grid_averaged.png. On MNIST (needs `hparams`), `eval_lib.mnist_scores` of
  10,000 samples against the test images, as the gan_train trainer's eval.
  """
  if dataset == 'mnist':
    return _evaluate_mnist(generator, train_log_dir, hparams, averaged)
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
  # TF-GAN's and SNGAN's generators sample with their moving averages, as
  # in the gan_train trainer's eval; the DCGAN with the batch's statistics.
  batch_statistics = hparams is None or hparams.networks == 'dcgan'
  samples = {'': _generate(generator, noise, one_hot, batch_statistics)}
  if averaged is not None:
    samples['_averaged'] = _generate(averaged, noise, one_hot,
                                     batch_statistics)
  classifier_dir = classifier_dir or os.path.join(out_dir, 'classifier')
  accuracy = eval_lib.train_classifier(real, labels, classifier_dir,
                                       num_steps=classifier_steps)
  act_b = eval_lib.classifier_activations(real[half:2 * half], classifier_dir)
  real_vs_real = eval_lib.scores(
      eval_lib.classifier_activations(real[:half], classifier_dir), act_b)
  result = {
      'fcd_real_vs_real': real_vs_real['fcd'],
      'real_vs_real': real_vs_real,
      'classifier_held_out_accuracy': float(accuracy),
      'classifier_dir': classifier_dir,
      'num_samples': int(half),
  }
  for suffix, generated in samples.items():
    values = eval_lib.scores(
        eval_lib.classifier_activations(generated, classifier_dir), act_b)
    if suffix:
      result['averaged'] = values
    else:
      result.update(values)
    if conditional:  # One row per class.
      generated = eval_lib.class_rows(generated, labels[half:2 * half])
    grid = tfk.callbacks.image_grid(generated[:100], 10, 10)
    tf.io.write_file(os.path.join(out_dir, 'grid%s.png' % suffix),
                     tf.io.encode_png(grid))
  result['grid'] = os.path.join(out_dir, 'grid.png')
  with tf.io.gfile.GFile(os.path.join(out_dir, 'metrics.json'),
                         'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  return result
