# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Session run hooks of the examples' `tfgan.gan_train` and GANEstimator runs.

`train_hooks_fn(hparams, train_steps)` is a `get_hooks_fn` like TF-GAN's
`get_sequential_train_hooks`: it runs the generator's train op, then the
discriminator's, that many times per global step, and also keeps each
player's loss (the value the train op returns), logs progress and stops with
`NonFiniteLossError` naming the step and the loss as soon as a loss is NaN
or infinite. Scalars that add-ons put in the graph collection
`tfgan_ext.addons.PROGRESS` are logged on the progress lines too.

`StopOnSigterm` is what a scheduler's or a preemptible machine's SIGTERM
does to a run: the step in progress finishes, the session ends (so its
`CheckpointSaverHook` writes a checkpoint of that step), and the trainer
raises `Preempted`, which the binaries turn into one line and exit status
143 (128 + SIGTERM); the same command resumes from that checkpoint.
"""

import os
import signal
import threading
import time

from absl import logging
import numpy as np
import tensorflow as tf

import tfgan_ext

__all__ = ['LogCheckpoints', 'NonFiniteLossError', 'Preempted',
           'StopOnSigterm', 'non_finite_message', 'train_hooks_fn']

_v1 = tf.compat.v1


class NonFiniteLossError(RuntimeError):
  """A loss became NaN or infinite during training."""


class Preempted(RuntimeError):
  """Training stopped on SIGTERM, after writing a checkpoint."""

  def __init__(self, step, train_log_dir):
    super().__init__(
        'SIGTERM received: stopped at step %d with a checkpoint of it in %s; '
        'run the same command again to resume.' % (step, train_log_dir))
    self.step = step


class StopOnSigterm(_v1.train.SessionRunHook):
  """Ends the session after the step during which SIGTERM arrives.

  Installs a SIGTERM handler for the session's lifetime (from the main
  thread only; elsewhere SIGTERM keeps its default action) and restores the
  previous one at the end. `step` is the global step the session stopped
  at, or None if no SIGTERM came. The session's `CheckpointSaverHook`
  saves that step when the session ends. `last_step` is the global step
  seen by the last run (to name the step when another hook stops it).
  """

  def __init__(self):
    self.step = None
    self.last_step = None
    self._signalled = False
    self._previous = None
    self._global_step = None

  def begin(self):
    self._global_step = _v1.train.get_global_step()
    if threading.current_thread() is threading.main_thread():
      self._previous = signal.signal(signal.SIGTERM, self._on_sigterm)

  def _on_sigterm(self, signum, frame):
    del signum, frame  # Python runs this between two session.run calls.
    self._signalled = True

  def before_run(self, run_context):
    del run_context
    return _v1.train.SessionRunArgs(self._global_step)

  def after_run(self, run_context, run_values):
    # Read in the run that increments it: that step or the one before.
    self.last_step = int(run_values.results)
    if self._signalled and self.step is None:
      self.step = int(run_context.session.run(self._global_step))
      logging.warning('SIGTERM received at step %d: writing a checkpoint '
                      'and stopping', self.step)
      run_context.request_stop()

  def end(self, session):
    if self._previous is not None:
      signal.signal(signal.SIGTERM, self._previous)
      self._previous = None


def non_finite_message(loss_name, value, step):
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
        raise NonFiniteLossError(non_finite_message(
            self._name, 'nan or inf', step)) from e


class _MonitorHook(_v1.train.SessionRunHook):
  """Logs progress at intervals; stops on a non-finite loss."""

  def __init__(self, record, every_n_steps, last_step):
    self._record = record
    self._every = every_n_steps
    self._last_step = last_step
    self._global_step = None
    self._start = None
    self._extra = {}

  def begin(self):
    self._global_step = _v1.train.get_global_step()
    self._extra = {t.op.name: t for t in
                   _v1.get_collection(tfgan_ext.addons.PROGRESS)}

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
        raise NonFiniteLossError(non_finite_message(name, value, step))
    if step % self._every == 0 or step == self._last_step:
      # steps/s since the previous progress line (or the session start).
      start_time, start_step = self._start
      now = time.time()
      rate = (step - start_step) / max(now - start_time, 1e-9)
      self._start = (now, step)
      extra = run_context.session.run(self._extra)
      logging.info('step %d/%d  %.1f steps/s  %s', step, self._last_step,
                   rate, '  '.join(
                       ['%s_loss %.4f' % kv for kv in sorted(
                           loss_values.items())] +
                       ['%s %.4f' % kv for kv in sorted(extra.items())]))


class LogCheckpoints(_v1.train.CheckpointSaverListener):
  """Logs each checkpoint written."""

  def __init__(self, train_log_dir):
    self._dir = train_log_dir

  def after_save(self, session, global_step_value):
    logging.info('checkpoint written: %s',
                 os.path.join(self._dir, 'model.ckpt-%d' % global_step_value))


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
