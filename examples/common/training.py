# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The examples' training loop: tfgan.gan_model -> gan_loss -> gan_train_ops -> gan_train.

What it adds around TF-GAN's own loop:

* progress in the log every `log_every_n_steps` (step, steps/s, both losses),
  read from the values the train ops already return (no extra forward pass);
* a stop with `NonFiniteLossError` naming the step and the loss as soon as a
  loss is NaN or infinite;
* checkpoints every `save_checkpoint_steps` and at the end; re-running the
  same command restores the last checkpoint (MonitoredTrainingSession) and
  trains on until the *global* step reaches `max_number_of_steps`;
* TensorBoard summaries in `train_log_dir`;
* the device in use, logged at start; the graph itself is device-agnostic;
* discriminator spectral normalization and WGAN weight clipping through
  `tfgan.features`; XLA; mixed precision (float16 compute, float32 variables
  and losses, dynamic loss scaling).
"""

import contextlib
import json
import os
import time

from absl import logging
import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import hparams as hparams_lib
from examples.common import losses

__all__ = [
    'NonFiniteLossError',
    'RunMismatchError',
    'check_run_dir',
    'checkpoint_step',
    'compute_dtype',
    'describe_devices',
    'finished_step',
    'graph_for',
    'optimizer',
    'train_gan',
    'train_hooks_fn',
    'wrap_network',
]

_v1 = tf.compat.v1


class NonFiniteLossError(RuntimeError):
  """A loss became NaN or infinite during training."""


class RunMismatchError(ValueError):
  """train_log_dir holds a run made with different hyperparameters."""


def describe_devices():
  """One line naming the device the graph will run on."""
  gpus = tf.config.list_logical_devices('GPU')
  if gpus:
    return 'device: %s (%d GPU(s) visible; ops are placed on GPU:0)' % (
        gpus[0].name, len(gpus))
  return 'device: CPU (no GPU visible to TensorFlow)'


def compute_dtype(hparams):
  """float16 under --mixed_precision, else float32."""
  return tf.float16 if hparams.mixed_precision else tf.float32


def _float32_variables_getter(getter, name, *args, **kwargs):
  """Custom getter: trainable float16 variables are float32 ones, cast."""
  requested = kwargs.get('dtype')
  if requested == tf.float16 and kwargs.get('trainable', True):
    kwargs['dtype'] = tf.float32
    return tf.cast(getter(name, *args, **kwargs), tf.float16)
  return getter(name, *args, **kwargs)


def _cast_floats(structure, dtype):
  def cast(x):
    if isinstance(x, tf.Tensor) and x.dtype.is_floating and x.dtype != dtype:
      return tf.cast(x, dtype)
    return x
  return tf.nest.map_structure(cast, structure)


def wrap_network(network_fn, hparams, spectral_norm=False):
  """Wraps a network function for the run's precision, SN and XLA options.

  The returned function casts floating inputs to the compute dtype, builds
  `network_fn` under the variable-scope custom getters that apply spectral
  normalization (float32 math) and float32 variables for float16 compute,
  optionally inside an XLA jit scope, and casts floating outputs to float32.

  Args:
    network_fn: fn(inputs, **kwargs) -> outputs, built from tf.compat.v1.layers.
    hparams: The run's HParams (mixed_precision, xla).
    spectral_norm: Spectrally normalize the weights (discriminator).

  Returns:
    A function with the signature of `network_fn`.
  """
  dtype = compute_dtype(hparams)

  def wrapped(inputs, *args, **kwargs):
    with contextlib.ExitStack() as stack:
      if spectral_norm:
        stack.enter_context(_v1.variable_scope(
            _v1.get_variable_scope(),
            custom_getter=tfgan.features.spectral_normalization_custom_getter(
                training=True)))
      if dtype != tf.float32:
        stack.enter_context(_v1.variable_scope(
            _v1.get_variable_scope(),
            custom_getter=_float32_variables_getter))
      if hparams.xla:
        stack.enter_context(tf.xla.experimental.jit_scope())
      outputs = network_fn(_cast_floats(inputs, dtype), *args, **kwargs)
    return _cast_floats(outputs, tf.float32)

  wrapped.__name__ = getattr(network_fn, '__name__', 'network')
  return wrapped


@contextlib.contextmanager
def graph_for(hparams):
  """A fresh default graph seeded from hparams.seed."""
  graph = tf.Graph()
  with graph.as_default():
    _v1.set_random_seed(hparams.seed)
    yield graph


def check_run_dir(hparams):
  """Records hparams in train_log_dir; refuses to resume a different run.

  Raises:
    RunMismatchError: train_log_dir holds a checkpoint of a run with other
      (non-resumable) hyperparameters.
  """
  tf.io.gfile.makedirs(hparams.train_log_dir)
  path = os.path.join(hparams.train_log_dir, hparams_lib.FILENAME)
  current = {k: v for k, v in hparams._asdict().items()}
  current = json.loads(json.dumps(current))  # tuples -> lists, as stored
  resumable = hparams_lib.resumable_fields(type(hparams))
  if tf.io.gfile.exists(path):
    with tf.io.gfile.GFile(path) as f:
      stored = json.load(f)
    differ = sorted(k for k in set(stored) | set(current)
                    if k not in resumable
                    and stored.get(k) != current.get(k))
    if differ and tf.train.latest_checkpoint(hparams.train_log_dir):
      raise RunMismatchError(
          '%s holds a run with different settings (%s); resume it with the '
          'same flags, or use another --train_log_dir.' % (
              hparams.train_log_dir,
              ', '.join('%s=%r, now %r' % (k, stored.get(k), current.get(k))
                        for k in differ)))
  with tf.io.gfile.GFile(path, 'w') as f:
    json.dump(current, f, indent=1, sort_keys=True)


def checkpoint_step(train_log_dir):
  """The global step of the latest checkpoint in train_log_dir, or None."""
  path = tf.train.latest_checkpoint(train_log_dir)
  if path is None:
    return None
  return int(tf.train.load_checkpoint(path).get_tensor(
      _v1.GraphKeys.GLOBAL_STEP))


def _non_finite_message(loss_name, value, step):
  return ('The %s loss is %s at step %d; stopping. Lower the learning '
          'rates, add a --penalty or --spectral_norm, or check the data.'
          % (loss_name, value, step))


class _RunAndRecordHook(_v1.train.SessionRunHook):
  """Runs one player's train op before each step and keeps the loss it returns.

  Like TF-GAN's RunTrainOpsHook, but the value of the train op (the player's
  loss, as created by tfgan.gan_train_ops) is kept for logging and checks.
  """

  def __init__(self, name, train_op, train_steps, record):
    self._name = name
    self._train_op = train_op
    self._train_steps = train_steps
    self._record = record

  def before_run(self, run_context):
    for _ in range(self._train_steps):
      try:
        self._record[self._name] = run_context.session.run(self._train_op)
      except tf.errors.InvalidArgumentError as e:
        # tfgan.gan_train_ops checks its losses with tf.debugging's
        # check_numerics; say which loss and which step.
        if 'inf or nan' not in e.message:
          raise
        step = run_context.session.run(
            _v1.train.get_global_step()) + 1
        raise NonFiniteLossError(_non_finite_message(
            self._name, 'nan or inf', step)) from e


class _MonitorHook(_v1.train.SessionRunHook):
  """Logs progress at intervals; stops on a non-finite loss."""

  def __init__(self, record, every_n_steps, last_step):
    self._record = record
    self._every = every_n_steps
    self._last_step = last_step
    self._global_step = None
    self._start = None

  def begin(self):
    self._global_step = _v1.train.get_global_step()

  def after_create_session(self, session, coord):
    step = session.run(self._global_step)
    if step:
      logging.info('resumed from a checkpoint at step %d (training to %d)',
                   step, self._last_step)
    self._start = (time.time(), step)

  def before_run(self, run_context):
    # The players' train ops already ran (in hooks placed before this one);
    # this step's global step is the value before increment.
    loss_values = dict(self._record)
    step = run_context.session.run(self._global_step) + 1
    for name, value in sorted(loss_values.items()):
      if not np.isfinite(value):
        raise NonFiniteLossError(_non_finite_message(name, value, step))
    if step % self._every == 0 or step == self._last_step:
      # steps/s since the previous progress line (or the session start).
      start_time, start_step = self._start
      now = time.time()
      rate = (step - start_step) / max(now - start_time, 1e-9)
      self._start = (now, step)
      logging.info('step %d/%d  %.1f steps/s  %s', step, self._last_step,
                   rate, '  '.join('%s_loss %.4f' % (k, v)
                                   for k, v in sorted(loss_values.items())))


class _LogCheckpoints(_v1.train.CheckpointSaverListener):
  """Logs each checkpoint written."""

  def __init__(self, train_log_dir):
    self._dir = train_log_dir

  def after_save(self, session, global_step_value):
    logging.info('checkpoint written: %s',
                 os.path.join(self._dir, 'model.ckpt-%d' % global_step_value))


def optimizer(learning_rate, hparams):
  """Adam for one player: hparams' betas, linear decay, loss scaling.

  Args:
    learning_rate: The player's learning rate.
    hparams: The run's HParams (adam_beta1/2, lr_decay_steps,
      max_number_of_steps, mixed_precision).

  Returns:
    A `tf.compat.v1.train.Optimizer`; build it in the training graph (the
    decay reads the global step).
  """
  lr = learning_rate
  if hparams.lr_decay_steps:
    global_step = _v1.train.get_or_create_global_step()
    start = hparams.max_number_of_steps - hparams.lr_decay_steps
    remaining = tf.cast(hparams.max_number_of_steps - global_step, tf.float32)
    fraction = tf.clip_by_value(remaining / float(hparams.lr_decay_steps),
                                0.0, 1.0)
    lr = tf.where(global_step < start, tf.constant(learning_rate),
                  learning_rate * fraction)
  opt = _v1.train.AdamOptimizer(lr, hparams.adam_beta1, hparams.adam_beta2)
  if hparams.mixed_precision:
    opt = _v1.train.experimental.MixedPrecisionLossScaleOptimizer(
        opt, loss_scale='dynamic')
  return opt


def finished_step(hparams):
  """The checkpoint's global step if training is already done, else None."""
  done = checkpoint_step(hparams.train_log_dir)
  if done is not None and done >= hparams.max_number_of_steps:
    logging.info('%s already holds a checkpoint at step %d >= '
                 'max_number_of_steps=%d; nothing to train.',
                 hparams.train_log_dir, done, hparams.max_number_of_steps)
    return done
  return None


def train_hooks_fn(hparams, train_steps):
  """A `get_hooks_fn` for tfgan.gan_train and tfgan.estimator.GANEstimator.

  Like `tfgan.get_sequential_train_hooks(train_steps)`: the generator's
  train op, then the discriminator's, that many times per global step; and
  also keeps each player's loss, logs progress every
  hparams.log_every_n_steps and stops with NonFiniteLossError when a loss
  is NaN or infinite.

  Args:
    hparams: The run's HParams (log_every_n_steps, max_number_of_steps).
    train_steps: A tfgan.GANTrainSteps.

  Returns:
    fn(tfgan.GANTrainOps) -> list of session run hooks.
  """
  def get_hooks(ops):
    record = {}
    return [
        _RunAndRecordHook('generator', ops.generator_train_op,
                          train_steps.generator_train_steps, record),
        _RunAndRecordHook('discriminator', ops.discriminator_train_op,
                          train_steps.discriminator_train_steps, record),
        _MonitorHook(record, hparams.log_every_n_steps,
                     hparams.max_number_of_steps),
    ] + list(ops.train_hooks)
  return get_hooks


def train_gan(hparams, gan_model, generator_loss_fn=None,
              discriminator_loss_fn=None, gan_loss_kwargs=None,
              train_steps=None):
  """Builds losses and train ops for `gan_model` and runs tfgan.gan_train.

  Call inside `graph_for(hparams)`, after building `gan_model` (with networks
  from `wrap_network`) and any summaries.

  Args:
    hparams: HParams with the common fields (examples.common.hparams).
    gan_model: A tfgan GANModel (or ACGANModel, ...).
    generator_loss_fn: GANModel-style generator loss; default: the pair named
      by hparams.gan_loss.
    discriminator_loss_fn: likewise, before hparams.penalty is added.
    gan_loss_kwargs: extra keyword arguments for tfgan.gan_loss.
    train_steps: tfgan.GANTrainSteps, generator and discriminator steps per
      global step; default: hparams.generator_train_steps and
      hparams.discriminator_train_steps. The players' train ops run as
      tfgan.get_sequential_train_hooks runs them (generator first), in this
      module's own hooks, which also keep the losses for logging and checks.

  Returns:
    The global step reached, or None when hparams.max_number_of_steps == 0
    (graph construction only).

  Raises:
    NonFiniteLossError: a loss went NaN or infinite.
    RunMismatchError: train_log_dir holds a run with other hyperparameters.
  """
  if train_steps is None:
    train_steps = tfgan.GANTrainSteps(hparams.generator_train_steps,
                                      hparams.discriminator_train_steps)
  pair = losses.get(hparams.gan_loss)
  generator_loss_fn = generator_loss_fn or pair.generator_loss_fn
  discriminator_loss_fn = discriminator_loss_fn or pair.discriminator_loss_fn
  discriminator_loss_fn = losses.discriminator_loss_with_penalty(
      discriminator_loss_fn, hparams.penalty, hparams.penalty_weight,
      hparams.penalty_every)
  kwargs = dict(gan_loss_kwargs or {})

  with tf.name_scope('loss'):
    gan_loss = tfgan.gan_loss(
        gan_model, generator_loss_fn=generator_loss_fn,
        discriminator_loss_fn=discriminator_loss_fn, add_summaries=True,
        **kwargs)

  with tf.name_scope('train'):
    generator_optimizer = optimizer(hparams.generator_lr, hparams)
    discriminator_optimizer = optimizer(hparams.discriminator_lr,
                                        hparams)
    if hparams.weight_clip:
      discriminator_optimizer = tfgan.features.clip_discriminator_weights(
          discriminator_optimizer, gan_model, hparams.weight_clip)
    train_ops = tfgan.gan_train_ops(
        gan_model, gan_loss,
        generator_optimizer=generator_optimizer,
        discriminator_optimizer=discriminator_optimizer)

  if hparams.max_number_of_steps == 0:
    return None

  check_run_dir(hparams)
  done = finished_step(hparams)
  if done is not None:
    return done
  logging.info(describe_devices())
  logging.info('gan_loss=%s penalty=%s spectral_norm=%s weight_clip=%s '
               'train steps (generator, discriminator)=(%d, %d) '
               'mixed_precision=%s xla=%s; logs and checkpoints in %s',
               hparams.gan_loss, hparams.penalty, hparams.spectral_norm,
               hparams.weight_clip, train_steps.generator_train_steps,
               train_steps.discriminator_train_steps, hparams.mixed_precision,
               hparams.xla, hparams.train_log_dir)

  scaffold = _v1.train.Scaffold(saver=_v1.train.Saver(max_to_keep=3))
  saver_hook = _v1.train.CheckpointSaverHook(
      hparams.train_log_dir, save_steps=hparams.save_checkpoint_steps,
      scaffold=scaffold, listeners=[_LogCheckpoints(hparams.train_log_dir)])
  config = _v1.ConfigProto()
  if hparams.xla:
    config.graph_options.optimizer_options.global_jit_level = (
        _v1.OptimizerOptions.ON_1)
  return tfgan.gan_train(
      train_ops,
      logdir=hparams.train_log_dir,
      get_hooks_fn=train_hooks_fn(hparams, train_steps),
      hooks=[_v1.train.StopAtStepHook(last_step=hparams.max_number_of_steps)],
      chief_only_hooks=[saver_hook],
      scaffold=scaffold,
      save_checkpoint_secs=None,
      save_summaries_steps=hparams.save_summaries_steps,
      config=config)
