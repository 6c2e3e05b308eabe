# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains the digits DCGAN with tfgan.estimator.GANEstimator (--trainer=estimator).

TF-GAN's Estimator path, as TF-GAN's own examples and tutorial use it, on any
TensorFlow tfgan_ext supports (on TF >= 2.16 through the real
tensorflow-estimator 2.15 that `tfgan_ext.compat` patches in; install
`tfgan_ext[estimator]`). Same networks, loss (by registry name, so a loss
swap is one flag), penalty, optimizers and schedule as the `gan_train`
trainer (gan_train_lib.py), and the same checkpoint layout (`Generator/...`,
`Discriminator/...`), so eval_lib evaluates both alike. The Estimator's own
methods do the work: `train` up to max_number_of_steps (a re-run resumes
from the last checkpoint), `evaluate` (both losses on fresh batches) and
`predict` (a grid of generated digits). The add-ons join through the same
`tfgan_ext.addons.GANParts` as in gan_train (`gan_train_lib.parts`), whose
fields are GANEstimator's arguments.

Conditional runs: GANEstimator's model is `tfgan.gan_model` on the
input_fn's features, so the features are the generator inputs (noise,
one-hot labels), which the conditional generator and the discriminator's
head read (the real images' labels are those labels, TF-GAN's convention);
the loss is the `tfgan_ext.losses.get_conditional` pair, through
GANEstimator's own `tfgan.gan_loss`. Every head works; what GANEstimator
cannot build is `tfgan.acgan_model` (the DCGAN's ACGAN of
`--conditional_head=auto`), which `conditioning.resolve` refuses.
"""

import itertools
import json
import os

from absl import logging
import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import hooks
from examples.common import training
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import gan_train_lib

__all__ = ['EVAL_BATCHES', 'IMAGE_SUMMARY_BATCH', 'estimator_for', 'input_fn',
           'train']

EVAL_BATCHES = 10  # Batches `GANEstimator.evaluate` averages the losses over.
# TF-GAN's image summaries draw a 4x4 grid of a batch's first images: smaller
# batches train without them.
IMAGE_SUMMARY_BATCH = 16

# Fields the gan_train trainer supports and GANEstimator cannot: it builds
# the GANModel itself (weight clipping wraps the optimizer with the model's
# variables) and has no InfoGAN variant. (--conditional with
# --conditional_head=auto on the DCGAN needs its ACGAN variant: refused by
# `conditioning.resolve`, with the heads that work.)
_UNSUPPORTED = (
    ('infogan', 'GANEstimator has no InfoGAN variant'),
    ('weight_clip', 'clipping needs the GANModel, which GANEstimator builds '
     'inside its model_fn'),
)


def _check_supported(hparams):
  for field, why in _UNSUPPORTED:
    if getattr(hparams, field):
      raise ValueError('--%s is not supported with --trainer=estimator (%s); '
                       'use --trainer=gan_train.' % (field, why))


def input_fn(hparams, seed):
  """The training input_fn: (generator inputs, real images) for GANEstimator.

  The generator inputs (the features) are noise, or (noise, the real
  images' one-hot labels) for a conditional run.

  Args:
    hparams: A digits train_lib.HParams (data set, batch size, data source).
    seed: The shuffle's seed.
  """
  def fn():
    images, one_hot = data_provider.provide_data(
        hparams.dataset, hparams.batch_size, seed=seed,
        data_dir=hparams.data_dir, download=hparams.tfds_download,
        fraction=hparams.train_fraction, subset_seed=hparams.seed,
        mnist_source=hparams.mnist_source)
    noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    return ((noise, one_hot) if hparams.conditional else noise), images
  return fn


def estimator_for(hparams, addons):
  """The GANEstimator of `hparams`: gan_train's networks, losses, optimizers.

  Args:
    hparams: A digits train_lib.HParams.
    addons: The run's `tfgan_ext.addons` objects.

  Returns:
    A `tfgan.estimator.GANEstimator` whose model_dir is train_log_dir.

  Raises:
    ValueError: a setting GANEstimator cannot honour (see `_UNSUPPORTED`).
  """
  _check_supported(hparams)
  config = tf.estimator.RunConfig(
      model_dir=hparams.train_log_dir, tf_random_seed=hparams.seed,
      save_checkpoints_steps=hparams.save_checkpoint_steps,
      save_summary_steps=hparams.save_summaries_steps,
      keep_checkpoint_max=3, log_step_count_steps=hparams.log_every_n_steps,
      session_config=training.session_config(hparams))
  # The optimizers are functions, called in the Estimator's graph (the
  # learning-rate decay reads the global step there).
  return tfgan.estimator.GANEstimator(
      **gan_train_lib.parts(hparams, addons)._asdict(),
      get_hooks_fn=hooks.train_hooks_fn(
          hparams, tfgan.GANTrainSteps(hparams.generator_train_steps,
                                       hparams.discriminator_train_steps)),
      add_summaries=(tfgan.estimator.SummaryType.IMAGES
                     if hparams.batch_size >= IMAGE_SUMMARY_BATCH else None),
      config=config)


def _predicted_grid(estimator, hparams, path):
  """Writes a 10x10 grid of `GANEstimator.predict` samples to `path`.

  Conditional: one row per class (row k asks for label k).
  """
  def predict_input_fn():
    noise = tf.random.stateless_normal([100, hparams.noise_dims],
                                       seed=[hparams.seed, 1])
    if not hparams.conditional:
      return tf.data.Dataset.from_tensor_slices(noise).batch(100)
    # (features, no labels): the Estimator reads a 2-tuple so; a dataset
    # element (noise, labels) would be read as (features, labels).
    labels = tf.repeat(tf.range(10), 10)
    return (noise, tf.one_hot(
        labels, data_provider.num_classes(hparams.dataset))), None
  images = np.stack(list(itertools.islice(
      estimator.predict(predict_input_fn), 100)))
  grid = eval_lib.image_grid(images, 10, 10, padding=1)
  eval_lib.write_png(grid, path, scale=max(1, 32 // images.shape[1]))
  return images


def train(hparams, addons):
  """Trains with GANEstimator, then evaluates (if hparams.eval).

  Args:
    hparams: A digits train_lib.HParams (validated).
    addons: The run's `tfgan_ext.addons` objects (`train_lib.addons`).

  Returns:
    eval_lib's metrics (FCD) plus the Estimator's evaluation
    ('estimator_generator_loss', 'estimator_discriminator_loss') when
    evaluated, else None.

  Raises:
    ValueError: a setting GANEstimator cannot honour.
    NonFiniteLossError: a loss went NaN or infinite.
    RunMismatchError: train_log_dir holds a run with other hyperparameters.
    hooks.Preempted: SIGTERM arrived; the step it stopped at is checkpointed.
  """
  _check_supported(hparams)
  if hparams.max_number_of_steps == 0:
    estimator_for(hparams, addons)  # Construction only, as gan_train does.
    return None
  training.check_run_dir(hparams)
  training.recover_checkpoints(hparams.train_log_dir)
  estimator = estimator_for(hparams, addons)
  if training.finished_step(hparams) is None:
    logging.info(training.describe_devices())
    logging.info('trainer=estimator (tfgan.estimator.GANEstimator) '
                 'gan_loss=%s penalty=%s; checkpoints in %s',
                 hparams.gan_loss, hparams.penalty, hparams.train_log_dir)
    sigterm = hooks.StopOnSigterm()
    try:
      estimator.train(input_fn(hparams, hparams.seed),
                      max_steps=hparams.max_number_of_steps, hooks=[sigterm])
    except tf.compat.v1.train.NanLossDuringTrainingError as e:
      # The Estimator's own NaN check (on its loss, the discriminator's)
      # can stop the run before the examples' hooks see the loss.
      raise hooks.NonFiniteLossError(hooks.non_finite_message(
          'discriminator', 'nan or inf', max(sigterm.last_step or 0, 1))
      ) from e
    if sigterm.step is not None:
      raise hooks.Preempted(sigterm.step, hparams.train_log_dir)
  if not hparams.eval:
    return None
  metrics = estimator.evaluate(input_fn(hparams, hparams.seed + 1),
                               steps=EVAL_BATCHES, name='digits')
  out_dir = os.path.join(hparams.train_log_dir, 'eval')
  tf.io.gfile.makedirs(out_dir)
  _predicted_grid(estimator, hparams,
                  os.path.join(out_dir, 'estimator_predict_grid.png'))
  result = eval_lib.evaluate(hparams, seed=hparams.seed)
  result.update(
      estimator_generator_loss=float(metrics['generator_loss']),
      estimator_discriminator_loss=float(metrics['discriminator_loss']),
      estimator_global_step=int(metrics['global_step']))
  with tf.io.gfile.GFile(os.path.join(out_dir, 'estimator_metrics.json'),
                         'w') as f:
    json.dump({k: result[k] for k in result if k.startswith('estimator_')},
              f, indent=1, sort_keys=True)
  return result
