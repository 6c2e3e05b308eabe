# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Speed part 4: end-to-end `tfgan.gan_train` against other training loops.

The digits GAN fed by the example's input pipeline, trained through
`tfgan.gan_train` (reference) and by hand-written `tf.function` GradientTape
loops (variants) with the same networks (the example's, variables tracked with
`tf.compat.v1.keras.utils.track_tf1_style_variables`), losses (tfgan_ext's
pair named by the example's default `gan_loss`) and optimizers
(`tf.compat.v1.train.AdamOptimizer` with the example's settings); and by
`tfgan_ext.keras.GANModel.fit` (`speed_keras`: the same networks as Keras
models, the same loss, Keras' Adam with the same settings).
"""

import functools
import time

import tensorflow as tf
import tensorflow_gan as tfgan
import tf_keras

import tfgan_ext
from benchmarks import speed_digits_step
from benchmarks import speed_keras
from benchmarks import timing
from examples.digits import data_provider
from examples.digits import networks

__all__ = ['GAN_TRAIN', 'GanTrainLoop', 'PART', 'StepTimerHook', 'TapeLoop',
           'run', 'seconds_per_step']

PART = '4 end to end'
GAN_TRAIN = 'tfgan.gan_train'
_BATCH = speed_digits_step.BATCH


class StepTimerHook(tf.compat.v1.train.SessionRunHook):
  """Records when steps finish, from the end of the `warmup`-th one."""

  def __init__(self, warmup):
    self.warmup = warmup
    self.count = 0
    self.t_first = None
    self.t_last = None

  def after_run(self, run_context, run_values):
    del run_context, run_values
    self.count += 1
    if self.count == self.warmup:
      self.t_first = time.perf_counter()
    self.t_last = time.perf_counter()

  def seconds_per_step(self):
    return (self.t_last - self.t_first) / (self.count - self.warmup)


class GanTrainLoop:
  """A digits-example GAN trained by `tfgan.gan_train` (sequential G, D hooks).

  Args:
    hparams: A digits `train_lib.HParams` (networks, data set, batch, loss,
      Adam); default: the example's defaults.
  """

  def __init__(self, hparams=None):
    hparams = hparams or speed_digits_step.digits_hparams()
    pair = tfgan_ext.losses.get(hparams.gan_loss)
    batch = hparams.batch_size
    self.graph = tf.Graph()
    with self.graph.as_default():
      tf.compat.v1.set_random_seed(0)
      images, _ = data_provider.provide_data(
          hparams.dataset, batch, seed=0, mnist_source=hparams.mnist_source)
      noise = tf.random.normal([batch, hparams.noise_dims])
      model = tfgan.gan_model(
          generator_fn=networks.generator_fn(hparams),
          discriminator_fn=networks.discriminator_fn(hparams),
          real_data=images, generator_inputs=noise)
      gan_loss = tfgan.gan_loss(model, add_summaries=False, **pair._asdict())
      self.train_ops = tfgan.gan_train_ops(
          model, gan_loss,
          generator_optimizer=speed_digits_step.adam(hparams,
                                                     hparams.generator_lr),
          discriminator_optimizer=speed_digits_step.adam(
              hparams, hparams.discriminator_lr))

  def seconds_per_step(self, steps, warmup):
    timer = StepTimerHook(warmup)
    with self.graph.as_default():
      tfgan.gan_train(
          self.train_ops, logdir=None,
          hooks=[tf.compat.v1.train.StopAtStepHook(num_steps=steps + warmup),
                 timer],
          save_checkpoint_secs=None, save_summaries_steps=None)
    return timer.seconds_per_step()


class _Network(tf_keras.layers.Layer):
  """Wraps an example network function; its variables are created once."""

  def __init__(self, fn, scope):
    super().__init__()
    self._fn, self._scope = fn, scope

  @tf.compat.v1.keras.utils.track_tf1_style_variables
  def call(self, *args):
    with tf.compat.v1.variable_scope(self._scope):
      return self._fn(*args)


class TapeLoop:
  """The digits GAN trained by a hand-written tf.function GradientTape loop.

  simultaneous=True: one forward pass, two tapes, both updates (the TF 2
  DCGAN tutorial's loop). False: a generator update, then a discriminator
  update with its own forward pass (TF-GAN's sequential schedule).
  """

  def __init__(self, simultaneous):
    hparams = speed_digits_step.digits_hparams()
    generator = _Network(networks.generator_fn(hparams), 'Generator')
    discriminator = _Network(networks.discriminator_fn(hparams),
                             'Discriminator')
    g_opt = speed_digits_step.adam(hparams, hparams.generator_lr)
    d_opt = speed_digits_step.adam(hparams, hparams.discriminator_lr)
    images, _ = data_provider.load_numpy('digits')
    ds = tf.data.Dataset.from_tensor_slices(images)
    ds = ds.shuffle(len(images), seed=0, reshuffle_each_iteration=True)
    ds = ds.repeat().batch(_BATCH, drop_remainder=True).prefetch(2)
    self._iterator = iter(ds)
    noise_dims = hparams.noise_dims
    pair = tfgan_ext.losses.get(hparams.gan_loss)
    g_loss_fn = pair.generator_loss_fn.args_loss_fn
    d_loss_fn = pair.discriminator_loss_fn.args_loss_fn

    def d_outputs(real, noise):
      fake = generator(noise)
      return discriminator(real, noise), discriminator(fake, noise)

    @tf.function
    def simultaneous_step(iterator):
      real = next(iterator)
      noise = tf.random.normal([_BATCH, noise_dims])
      with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        d_real, d_gen = d_outputs(real, noise)
        g_loss = g_loss_fn(d_gen)
        d_loss = d_loss_fn(d_real, d_gen)
      g_vars = generator.trainable_variables
      d_vars = discriminator.trainable_variables
      g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_vars), g_vars))
      d_opt.apply_gradients(zip(d_tape.gradient(d_loss, d_vars), d_vars))
      return g_loss, d_loss

    @tf.function
    def sequential_step(iterator):
      real = next(iterator)
      noise = tf.random.normal([_BATCH, noise_dims])
      with tf.GradientTape() as g_tape:
        _, d_gen = d_outputs(real, noise)
        g_loss = g_loss_fn(d_gen)
      g_vars = generator.trainable_variables
      g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_vars), g_vars))
      with tf.GradientTape() as d_tape:
        d_real, d_gen = d_outputs(real, noise)
        d_loss = d_loss_fn(d_real, d_gen)
      d_vars = discriminator.trainable_variables
      d_opt.apply_gradients(zip(d_tape.gradient(d_loss, d_vars), d_vars))
      return g_loss, d_loss

    # Build the variables eagerly before tracing the step.
    first = next(self._iterator)
    d_outputs(first, tf.random.normal([_BATCH, noise_dims]))
    self._step = simultaneous_step if simultaneous else sequential_step

  def seconds_per_step(self, steps, warmup):
    return seconds_per_step(self._step, self._iterator, steps, warmup)


def seconds_per_step(step, iterator, steps, warmup):
  """Seconds per call of `step(iterator)` (a tf.function), after `warmup`.

  The timed calls are dispatched back to back; the clock stops when the
  last one's first output is on the host.
  """
  for _ in range(warmup):
    step(iterator)[0].numpy()
  start = time.perf_counter()
  for _ in range(steps):
    out = step(iterator)
  out[0].numpy()
  return (time.perf_counter() - start) / steps


def run(settings, log):
  """One row per loop (hand-written, Keras fit) against gan_train."""
  loops = {
      GAN_TRAIN: GanTrainLoop(),
      'tf.function loop, sequential (G then D, 2 forward passes)':
          TapeLoop(simultaneous=False),
      'tf.function loop, simultaneous (1 forward pass, 2 tapes)':
          TapeLoop(simultaneous=True),
  }
  loops.update(speed_keras.keras_loops(settings))
  steps, warmup = settings['e2e_steps'], settings['e2e_warmup']
  times = timing.interleaved(
      {name: functools.partial(loop.seconds_per_step, steps, warmup)
       for name, loop in loops.items()}, settings['e2e_repeats'])
  rows = []
  for name in loops:
    if name == GAN_TRAIN:
      continue
    rows.append(timing.ratio_row(
        PART, name, 'digits GAN, batch %d, input pipeline included' % _BATCH,
        name, GAN_TRAIN, times[name], times[GAN_TRAIN], 1))
    log(rows[-1])
  return rows
