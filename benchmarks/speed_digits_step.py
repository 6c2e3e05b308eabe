# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""One digits GAN training step, graph mode, with the losses being compared.

Parts 1 (each loss against its upstream counterpart) and 3 (penalty
overhead) of the speed benchmark time this step: the digits example's
networks and default hyperparameters (`examples.digits.train_lib.HParams()`),
`tfgan.gan_model` -> `tfgan.gan_loss` -> `tfgan.gan_train_ops`, and the
generator, discriminator and global-step ops run one after the other, as
`tfgan.gan_train` runs them.
"""

import functools
import inspect
import time

import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from benchmarks import speed_counterparts
from benchmarks import timing
from examples.digits import data_provider
from examples.digits import gan_train_lib
from examples.digits import networks
from examples.digits import train_lib
from tfgan_ext import averaging

__all__ = [
    'BATCH',
    'DigitsStep',
    'adam',
    'digits_hparams',
    'ext_losses',
    'fixed_real_batch',
    'time_step_variants',
    'upstream_losses',
    'upstream_wgan_gp',
]


def digits_hparams():
  """The digits example's defaults (only the networks' fields matter here)."""
  return train_lib.HParams()


BATCH = digits_hparams().batch_size


def fixed_real_batch():
  """BATCH sklearn digits (a fixed permutation, seed 0) as a NumPy array."""
  images, _ = data_provider.load_numpy('digits')
  order = np.random.default_rng(0).permutation(len(images))
  return images[order[:BATCH]]


def adam(hparams, lr):
  """The examples' optimizer: Adam with hparams' betas."""
  return tf.compat.v1.train.AdamOptimizer(lr, hparams.adam_beta1,
                                          hparams.adam_beta2)


class DigitsStep:
  """One digits GAN training step in its own graph and session.

  `losses_fn(gan_model)` returns a `tfgan.GANLoss`. The real batch is a
  fixed constant, so the input pipeline is not part of what is compared.
  `hparams` (default: the example's) choose the networks, the
  augmentation (`gan_train_lib.Augmentation`) and the generator's average
  (`training.optimizer`).
  """

  def __init__(self, losses_fn, real_images, hparams=None):
    hparams = hparams or digits_hparams()
    augmented = gan_train_lib.Augmentation(hparams)
    self.graph = tf.Graph()
    with self.graph.as_default():
      tf.compat.v1.set_random_seed(0)
      real = tf.constant(real_images)
      noise = tf.random.normal([BATCH, hparams.noise_dims])
      model = tfgan.gan_model(
          generator_fn=networks.generator_fn(hparams),
          discriminator_fn=augmented.discriminator_fn(
              networks.discriminator_fn(hparams)),
          real_data=real, generator_inputs=noise)
      gan_loss = losses_fn(model, augmented)
      generator_optimizer = adam(hparams, hparams.generator_lr)
      if hparams.generator_ema:
        generator_optimizer = averaging.AveragingOptimizer(
            generator_optimizer, hparams.generator_ema,
            hparams.generator_ema_start)
      ops = tfgan.gan_train_ops(
          model, gan_loss, generator_optimizer=generator_optimizer,
          discriminator_optimizer=adam(hparams, hparams.discriminator_lr))
      self._ops = (ops.generator_train_op, ops.discriminator_train_op,
                   ops.global_step_inc_op)
      init = tf.compat.v1.global_variables_initializer()
    self.session = tf.compat.v1.Session(graph=self.graph)
    self.session.run(init)

  def run(self, steps):
    """Runs `steps` steps; returns the seconds they took."""
    run = self.session.run
    g_op, d_op, inc_op = self._ops
    start = time.perf_counter()
    for _ in range(steps):
      run(g_op)
      run(d_op)
      run(inc_op)
    return time.perf_counter() - start

  def close(self):
    self.session.close()


def ext_losses(name, penalty=None, weight=0.0, every=1):
  """losses_fn: tfgan_ext's pair `name`, optionally with a penalty."""
  pair = tfgan_ext.losses.get(name)

  def build(model, augmented):
    d_fn = pair.discriminator_loss_fn
    if penalty:
      d_fn = tfgan_ext.losses.with_penalty(d_fn, penalty, weight=weight,
                                           every=every)
    return tfgan.gan_loss(
        model, generator_loss_fn=pair.generator_loss_fn,
        discriminator_loss_fn=augmented.discriminator_loss_fn(d_fn),
        add_summaries=False)
  return build


def _by_field_names(fn):
  """Calls argument-style `fn` with the GANModel fields its parameters name."""
  wanted = [p for p in inspect.signature(fn).parameters
            if p.startswith('discriminator_') and p.endswith('_outputs')]

  def call(model):
    return fn(**{p: getattr(model, p) for p in wanted})
  return call


def upstream_losses(name):
  """losses_fn: the upstream counterpart of `name` (speed_counterparts)."""
  ref = speed_counterparts.counterpart(name)
  if not ref.takes_reduction:
    # Upstream's relativistic losses take no `reduction` / `add_summaries`,
    # so `tfgan.gan_loss` raises TypeError on them: adapt the wargs form.
    g_fn = _by_field_names(getattr(tfgan.losses.wargs, ref.generator_loss))
    d_fn = _by_field_names(getattr(tfgan.losses.wargs,
                                   ref.discriminator_loss))

    def build(model, unused_augmented):
      return tfgan.GANLoss(g_fn(model), d_fn(model))
    return build

  def build_tuple(model, unused_augmented):
    return tfgan.gan_loss(
        model, generator_loss_fn=getattr(tfgan.losses, ref.generator_loss),
        discriminator_loss_fn=getattr(tfgan.losses, ref.discriminator_loss),
        add_summaries=False)
  return build_tuple


def upstream_wgan_gp(model, unused_augmented):
  """losses_fn: upstream's WGAN-GP, gan_loss(gradient_penalty_weight=10)."""
  return tfgan.gan_loss(
      model, generator_loss_fn=tfgan.losses.wasserstein_generator_loss,
      discriminator_loss_fn=tfgan.losses.wasserstein_discriminator_loss,
      gradient_penalty_weight=10.0, add_summaries=False)


def time_step_variants(builders, settings, real, hparams=None):
  """Builds a DigitsStep per losses_fn, warms them up, times them interleaved.

  Args:
    builders: {name: losses_fn}.
    settings: The mode's settings (step_warmup, step_block, repeats).
    real: The fixed real batch.
    hparams: {name: digits HParams} for the variants that differ from the
      defaults.

  Returns:
    {name: [seconds per block of settings['step_block'] steps, per repeat]}.
  """
  hparams = hparams or {}
  steps = {name: DigitsStep(fn, real, hparams.get(name))
           for name, fn in builders.items()}
  try:
    for step in steps.values():
      step.run(settings['step_warmup'])
    block = settings['step_block']
    return timing.interleaved(
        {name: functools.partial(step.run, block)
         for name, step in steps.items()}, settings['repeats'])
  finally:
    for step in steps.values():
      step.close()
