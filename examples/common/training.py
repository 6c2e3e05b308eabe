# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the examples add around TF-GAN's own loop.

An example's `train_lib.train` writes TF-GAN's loop out: `tfgan.gan_model`,
`tfgan.gan_loss` (with tfgan_ext's losses by name and the run's add-ons
applied to `tfgan_ext.addons.GANParts`), then `training.gan_train_ops`
(tfgan.gan_train_ops with the parts' optimizers, built by `optimizer`) and
`training.gan_train` (tfgan.gan_train with these hooks). What this adds:

* progress in the log every `log_every_n_steps` (step, steps/s, both losses),
  read from the values the train ops already return (no extra forward pass);
* a stop with `NonFiniteLossError` naming the step and the loss as soon as a
  loss is NaN or infinite;
* checkpoints every `save_checkpoint_steps` and at the end; re-running the
  same command restores the last checkpoint (MonitoredTrainingSession) and
  trains on until the *global* step reaches `max_number_of_steps`;
* on SIGTERM, a checkpoint of the step in progress and `Preempted`
  (`hooks.StopOnSigterm`): nothing is lost to a preemption;
* a damaged newest checkpoint (unreadable index or data) is set aside and
  the run resumes from the newest readable one (`recover_checkpoints`);
* TensorBoard summaries in `train_log_dir`;
* the device in use, logged at start; the graph itself is device-agnostic;
* discriminator spectral normalization and weight clipping through
  `tfgan.features`; XLA; mixed precision (float16 compute, float32 variables
  and losses, dynamic loss scaling).
"""

import contextlib
import json
import os

from absl import logging
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from examples.common import hooks
from examples.common import hparams as hparams_lib

__all__ = [
    'DamagedCheckpointError',
    'NonFiniteLossError',
    'Preempted',
    'RUN_ERRORS',
    'RunMismatchError',
    'check_run_dir',
    'checkpoint_step',
    'compute_dtype',
    'describe_devices',
    'finished_step',
    'gan_parts',
    'gan_train',
    'gan_train_ops',
    'graph_for',
    'optimizer',
    'recover_checkpoints',
    'session_config',
    'wrap_network',
]

NonFiniteLossError = hooks.NonFiniteLossError
Preempted = hooks.Preempted

_v1 = tf.compat.v1


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


class DamagedCheckpointError(RuntimeError):
  """No checkpoint in train_log_dir can be read."""


# The errors of a run that the binaries print as one line (the user has
# something to change); see `logs.errors_as_one_line`.
RUN_ERRORS = (NonFiniteLossError, RunMismatchError, DamagedCheckpointError)


def _unreadable(path):
  """Why the checkpoint `path` cannot be restored (one line), or None."""
  try:
    reader = tf.train.load_checkpoint(path)
    for name in reader.get_variable_to_shape_map():
      reader.get_tensor(name)
  # A missing or unreadable index raises an OpError; a truncated data file
  # IndexError ('Read less bytes than requested', from the C++ reader).
  except (tf.errors.OpError, ValueError, IndexError) as e:
    return str(e).strip().splitlines()[0]
  return None


def recover_checkpoints(train_log_dir):
  """Makes the newest readable checkpoint the latest; returns its path.

  A checkpoint whose index or data cannot be read (missing, truncated: what
  a machine that fails mid-write leaves) is logged with the reason, its
  files are renamed to `<file>.damaged` (kept, not deleted), and the
  `checkpoint` file is rewritten to name the newest readable one, so the
  run resumes from there instead of crashing or starting over.

  Returns:
    The path of the latest readable checkpoint, or None if there is none
    (a new run).

  Raises:
    DamagedCheckpointError: checkpoints exist but none can be read.
  """
  state = tf.train.get_checkpoint_state(train_log_dir)
  if state is None:
    return None
  paths = list(state.all_model_checkpoint_paths)
  if state.model_checkpoint_path not in paths:
    paths.append(state.model_checkpoint_path)
  damaged = []
  while paths:
    problem = _unreadable(paths[-1])
    if problem is None:
      break
    damaged.append(paths.pop())
    logging.warning('checkpoint %s cannot be read (%s); its files are kept '
                    'as %s.*.damaged', damaged[-1], problem, damaged[-1])
  if not damaged:
    return paths[-1]
  for path in damaged:
    for name in tf.io.gfile.glob(path + '.*'):
      if not name.endswith('.damaged'):
        tf.io.gfile.rename(name, name + '.damaged', overwrite=True)
  if not paths:
    raise DamagedCheckpointError(
        'no checkpoint in %s can be read (%s); their files are kept as '
        '*.damaged. Delete the directory (or use another --train_log_dir) '
        'to train afresh.' % (train_log_dir, ', '.join(damaged)))
  _v1.train.update_checkpoint_state(train_log_dir, paths[-1],
                                   all_model_checkpoint_paths=paths)
  logging.warning('resuming from %s, the newest readable checkpoint',
                  paths[-1])
  return paths[-1]


def checkpoint_step(train_log_dir):
  """The global step of the latest checkpoint in train_log_dir, or None."""
  path = tf.train.latest_checkpoint(train_log_dir)
  if path is None:
    return None
  return int(tf.train.load_checkpoint(path).get_tensor(
      _v1.GraphKeys.GLOBAL_STEP))


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


def session_config(hparams):
  """The session's ConfigProto: XLA auto-clustering under --xla."""
  config = _v1.ConfigProto()
  if hparams.xla:
    config.graph_options.optimizer_options.global_jit_level = (
        _v1.OptimizerOptions.ON_1)
  return config


def gan_parts(hparams, generator_fn, discriminator_fn, loss_pair, addons):
  """The loop's `tfgan_ext.addons.GANParts`, with `addons` applied.

  Args:
    hparams: The run's HParams (learning rates, Adam, decay, precision).
    generator_fn, discriminator_fn: The networks (TF-GAN's signatures).
    loss_pair: The GANModel-style pair (`tfgan_ext.losses.get(name)`).
    addons: The run's `tfgan_ext.addons` objects.

  Returns:
    The parts. The optimizers are functions, built by `gan_train_ops` (or
    GANEstimator, which takes the parts as they are) in the graph, where
    the learning-rate decay reads the global step.
  """
  return tfgan_ext.addons.apply(addons, tfgan_ext.addons.GANParts(
      generator_fn, discriminator_fn, loss_pair.generator_loss_fn,
      loss_pair.discriminator_loss_fn,
      generator_optimizer=lambda: optimizer(hparams.generator_lr, hparams),
      discriminator_optimizer=lambda: optimizer(hparams.discriminator_lr,
                                                hparams)))


def _built(optimizer_or_fn):
  if isinstance(optimizer_or_fn, _v1.train.Optimizer):
    return optimizer_or_fn
  return optimizer_or_fn()


def gan_train_ops(hparams, gan_model, gan_loss, parts):
  """`tfgan.gan_train_ops` with the parts' optimizers (and weight clipping).

  Args:
    hparams: The run's HParams (weight_clip).
    gan_model: The tfgan GANModel.
    gan_loss: Its tfgan GANLoss.
    parts: The run's `tfgan_ext.addons.GANParts`: its optimizers (or
      functions building them, called here, in the graph, under 'train').

  Returns:
    A `tfgan.GANTrainOps`.
  """
  with tf.name_scope('train'):
    generator_optimizer = _built(parts.generator_optimizer)
    discriminator_optimizer = _built(parts.discriminator_optimizer)
    if hparams.weight_clip:
      discriminator_optimizer = tfgan.features.clip_discriminator_weights(
          discriminator_optimizer, gan_model, hparams.weight_clip)
    return tfgan.gan_train_ops(
        gan_model, gan_loss, generator_optimizer=generator_optimizer,
        discriminator_optimizer=discriminator_optimizer)


def gan_train(hparams, train_ops, addons=()):
  """Runs `tfgan.gan_train` to hparams.max_number_of_steps, resuming.

  Call inside `graph_for(hparams)`, after `gan_train_ops` and any summaries.
  The players' train ops run as `tfgan.get_sequential_train_hooks` runs them
  (generator first; hparams.generator_train_steps and
  discriminator_train_steps times per global step) in `hooks`' hooks, which
  also keep the losses for logging and checks.

  Args:
    hparams: HParams with the common fields (examples.common.hparams).
    train_ops: From `gan_train_ops`.
    addons: The run's `tfgan_ext.addons` objects (logged).

  Returns:
    The global step reached, or None when hparams.max_number_of_steps == 0
    (graph construction only).

  Raises:
    NonFiniteLossError: a loss went NaN or infinite.
    RunMismatchError: train_log_dir holds a run with other hyperparameters.
    Preempted: SIGTERM arrived; the step it stopped at is checkpointed.
    DamagedCheckpointError: checkpoints exist but none can be read.
  """
  if hparams.max_number_of_steps == 0:
    return None
  check_run_dir(hparams)
  recover_checkpoints(hparams.train_log_dir)
  done = finished_step(hparams)
  if done is not None:
    return done
  train_steps = tfgan.GANTrainSteps(hparams.generator_train_steps,
                                    hparams.discriminator_train_steps)
  logging.info(describe_devices())
  logging.info('train steps (generator, discriminator)=(%d, %d), add-ons: '
               '%s, spectral_norm=%s weight_clip=%s mixed_precision=%s '
               'xla=%s; logs and checkpoints in %s',
               train_steps.generator_train_steps,
               train_steps.discriminator_train_steps,
               ', '.join(map(repr, addons)) or 'none', hparams.spectral_norm,
               hparams.weight_clip, hparams.mixed_precision, hparams.xla,
               hparams.train_log_dir)
  scaffold = _v1.train.Scaffold(saver=_v1.train.Saver(max_to_keep=3))
  saver_hook = _v1.train.CheckpointSaverHook(
      hparams.train_log_dir, save_steps=hparams.save_checkpoint_steps,
      scaffold=scaffold, listeners=[hooks.LogCheckpoints(
          hparams.train_log_dir)])
  sigterm = hooks.StopOnSigterm()
  step = tfgan.gan_train(
      train_ops,
      logdir=hparams.train_log_dir,
      get_hooks_fn=hooks.train_hooks_fn(hparams, train_steps),
      hooks=[_v1.train.StopAtStepHook(last_step=hparams.max_number_of_steps),
             sigterm],
      chief_only_hooks=[saver_hook],
      scaffold=scaffold,
      save_checkpoint_secs=None,
      save_summaries_steps=hparams.save_summaries_steps,
      config=session_config(hparams))
  if sigterm.step is not None:
    raise hooks.Preempted(sigterm.step, hparams.train_log_dir)
  return step
