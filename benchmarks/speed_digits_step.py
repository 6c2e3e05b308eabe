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

import collections
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
from examples.digits import networks
from examples.digits import train_lib

__all__ = [
    'BATCH',
    'DigitsStep',
    'Losses',
    'UPSTREAM_WGAN_GP',
    'adam',
    'digits_hparams',
    'ext_losses',
    'fixed_real_batch',
    'time_step_variants',
    'upstream_losses',
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

  `losses_fn` is a `Losses`: the GANModel-style pair and any other
  `tfgan.gan_loss` arguments. The real batch is a fixed constant, so the
  input pipeline is not part of what is compared. `hparams` (default: the
  example's) choose the networks and the add-ons (`train_lib.addons`: the
  augmentation, the generator's average), applied as the gan_train trainer
  applies them.
  """

  def __init__(self, losses_fn, real_images, hparams=None):
    hparams = hparams or digits_hparams()
    parts = tfgan_ext.addons.apply(
        train_lib.addons(hparams), tfgan_ext.addons.GANParts(
            networks.generator_fn(hparams),
            networks.discriminator_fn(hparams),
            losses_fn.generator_loss_fn, losses_fn.discriminator_loss_fn,
            adam(hparams, hparams.generator_lr),
            adam(hparams, hparams.discriminator_lr)))
    self.graph = tf.Graph()
    with self.graph.as_default():
      tf.compat.v1.set_random_seed(0)
      real = tf.constant(real_images)
      noise = tf.random.normal([BATCH, hparams.noise_dims])
      model = tfgan.gan_model(
          generator_fn=parts.generator_fn,
          discriminator_fn=parts.discriminator_fn,
          real_data=real, generator_inputs=noise)
      gan_loss = tfgan.gan_loss(
          model, generator_loss_fn=parts.generator_loss_fn,
          discriminator_loss_fn=parts.discriminator_loss_fn,
          add_summaries=False, **losses_fn.gan_loss_kwargs)
      ops = tfgan.gan_train_ops(
          model, gan_loss, generator_optimizer=parts.generator_optimizer,
          discriminator_optimizer=parts.discriminator_optimizer)
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


class Losses(collections.namedtuple(
    'Losses', 'generator_loss_fn discriminator_loss_fn gan_loss_kwargs')):
  """What a compared variant gives `tfgan.gan_loss`: the pair and options."""


def ext_losses(name, penalty=None, weight=0.0, every=1):
  """tfgan_ext's pair `name`, optionally with a penalty."""
  pair = tfgan_ext.losses.get(name)
  d_fn = pair.discriminator_loss_fn
  if penalty:
    d_fn = tfgan_ext.losses.with_penalty(d_fn, penalty, weight=weight,
                                         every=every)
  return Losses(pair.generator_loss_fn, d_fn, {})


def _by_field_names(fn):
  """Calls argument-style `fn` with the GANModel fields its parameters name.

  As a GANModel-style loss that takes (and ignores) gan_loss's options.
  """
  wanted = [p for p in inspect.signature(fn).parameters
            if p.startswith('discriminator_') and p.endswith('_outputs')]

  def call(model, **unused_options):
    return fn(**{p: getattr(model, p) for p in wanted})
  return call


def upstream_losses(name):
  """The upstream counterpart of `name` (speed_counterparts)."""
  ref = speed_counterparts.counterpart(name)
  if not ref.takes_reduction:
    # Upstream's relativistic losses take no `reduction` / `add_summaries`,
    # so `tfgan.gan_loss` raises TypeError on them: adapt the wargs form.
    return Losses(
        _by_field_names(getattr(tfgan.losses.wargs, ref.generator_loss)),
        _by_field_names(getattr(tfgan.losses.wargs, ref.discriminator_loss)),
        {})
  return Losses(getattr(tfgan.losses, ref.generator_loss),
                getattr(tfgan.losses, ref.discriminator_loss), {})


# Upstream's WGAN-GP, tfgan.gan_loss(gradient_penalty_weight=10).
UPSTREAM_WGAN_GP = Losses(tfgan.losses.wasserstein_generator_loss,
                          tfgan.losses.wasserstein_discriminator_loss,
                          {'gradient_penalty_weight': 10.0})


def time_step_variants(builders, settings, real, hparams=None):
  """Builds a DigitsStep per losses_fn, warms them up, times them interleaved.

  Args:
    builders: {name: a `Losses`}.
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
