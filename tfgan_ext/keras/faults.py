# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Training that survives faults: NaN, SIGTERM, killed workers, restarts.

  with tfk.faults.stop_on_sigterm(gan) as on_sigterm:
    steps, history = tfk.faults.fit_to_step(
        gan, dataset, last_step=10_000, steps_per_epoch=500,
        callbacks=[tfk.stop_on_non_finite_loss(gan),
                   tfk.faults.backup_and_restore(gan, backup_dir),
                   on_sigterm])

Keras' `BackupAndRestore` is the checkpoint: with one epoch per save
interval its 'epoch' saves come every `steps_per_epoch` steps, and a
restart restores the weights, the optimizers' state and the epoch. A killed
run loses at most one interval; a SIGTERM stops after the step in progress,
whose end-of-epoch save is then the backup (nothing lost). Keras marks that
cut-short epoch as done, so `fit_to_step` counts steps, not epochs: it
trains until the generator's optimizer has made `last_step` steps, however
many restarts and cut-short epochs there were.

Keras 3's `BackupAndRestore` under MultiWorkerMirroredStrategy has every
worker write the same files; `backup_and_restore` lets only the chief write
and every worker restore from the chief's files (tf-keras' does this
itself), so a job whose worker was killed restarts from one state.
`BackupAndRestore(save_freq=<int>)` is not used: Keras 3 restores the epoch
of such a mid-epoch save but not the batch, so the steps since the epoch
began would be trained twice.
"""

import contextlib
import math
import signal
import threading

import numpy as np
import tensorflow as tf

__all__ = ['NonFiniteLossError', 'Preempted', 'SECOND_STRATEGY_MESSAGE',
           'backup_and_restore', 'explain_collective_error', 'fit_to_step',
           'is_chief',
           'stop_on_non_finite_loss', 'stop_on_sigterm']

SECOND_STRATEGY_MESSAGE = (
    'A collective operation failed with "Shape mismatch in the collective '
    'instance": TensorFlow\'s defect with a second tf.distribute strategy '
    'in one process (tensorflow/tensorflow#62790), met when a train step '
    'all-reduces more than gradients (relativistic losses, penalty gates, '
    'batch statistics). Create one strategy and reuse it for every model in '
    'the process, or train each model in its own process.')


class NonFiniteLossError(RuntimeError):
  """A logged loss became NaN or infinite during `fit`."""


class Preempted(RuntimeError):
  """`fit` stopped on SIGTERM after the step in progress (see stop_on_sigterm).

  Attributes:
    step: The generator step it stopped at.
  """

  def __init__(self, step):
    super().__init__('SIGTERM received: fit stopped at generator step %d.'
                     % step)
    self.step = step


def stop_on_non_finite_loss(gan, hint='Lower the learning rates, add a '
                            'penalty or spectral normalization, or check '
                            'the data.'):
  """A callback that stops `fit` at the first NaN or infinite logged value.

  Keras' `TerminateOnNaN` reads only `logs['loss']`, which a GANModel does
  not log; this is a `LambdaCallback` of the model's Keras package that
  checks every value the step logs (both players' losses, the penalties)
  and raises `NonFiniteLossError` naming the value and the generator step.
  Raising, rather than setting `model.stop_training`, ends `fit` before the
  epoch's end, so `BackupAndRestore` and `ModelCheckpoint` keep the last
  finite state as their latest. Reading the values makes each step wait for
  the previous one, as with TerminateOnNaN.

  Args:
    gan: The `GANModel` to be trained.
    hint: What the message suggests.

  Returns:
    A Keras callback of `gan`'s Keras package.
  """
  def check(batch, logs):
    del batch
    for name, value in sorted((logs or {}).items()):
      value = float(value)
      if not np.isfinite(value):
        raise NonFiniteLossError(
            'The %s is %s at generator step %d; stopping. %s'
            % (name.replace('_', ' '), value,
               int(gan.optimizer.iterations.numpy()), hint))

  return gan.flavour.package.callbacks.LambdaCallback(
      on_train_batch_end=check)


@contextlib.contextmanager
def stop_on_sigterm(gan):
  """Within the block, SIGTERM makes `fit` stop and raise `Preempted`.

  Yields a callback (of `gan`'s Keras package) for `fit`'s list; put it
  last. At the end of the batch during which SIGTERM arrives, it sets
  `gan.stop_training`; Keras then ends the epoch, so the epoch-end
  callbacks run (`BackupAndRestore` saves that step), and at the end of
  `fit` it raises `Preempted`. The handler is installed on entering the
  block (from the main thread only: elsewhere SIGTERM keeps its action)
  and the previous one restored on leaving it, however the block ends.

  Args:
    gan: The `GANModel` to be trained.

  Yields:
    The callback.
  """
  state = {'signalled': False, 'step': None}

  def on_sigterm(signum, frame):
    del signum, frame  # Python runs this between two of fit's steps.
    state['signalled'] = True

  def on_batch_end(batch, logs):
    del batch, logs
    if state['signalled'] and state['step'] is None:
      state['step'] = int(gan.optimizer.iterations.numpy())
      gan.stop_training = True

  def on_train_end(logs):
    del logs
    if state['step'] is not None:
      raise Preempted(state['step'])

  callback = gan.flavour.package.callbacks.LambdaCallback(
      on_train_batch_end=on_batch_end, on_train_end=on_train_end)
  previous = None
  if threading.current_thread() is threading.main_thread():
    previous = signal.signal(signal.SIGTERM, on_sigterm)
  try:
    yield callback
  finally:
    if previous is not None:
      signal.signal(signal.SIGTERM, previous)


def is_chief(strategy):
  """Whether this process writes checkpoints under `strategy`.

  True without a cluster (one process), for the 'chief' task, and for
  worker 0 of a cluster that has no 'chief' task (TF_CONFIG's convention).
  """
  resolver = getattr(strategy, 'cluster_resolver', None)
  if resolver is None or not resolver.task_type:
    return True
  if resolver.task_type == 'chief':
    return True
  return (resolver.task_type == 'worker' and resolver.task_id == 0 and
          'chief' not in resolver.cluster_spec().as_dict())


def backup_and_restore(gan, backup_dir, strategy=None):
  """Keras' `BackupAndRestore` for `gan`, safe with several workers.

  The chief (or the only process) gets the package's `BackupAndRestore`,
  keeping its files after `fit` (`delete_checkpoint=False`: the same
  command re-run after the end trains nothing) and, on Keras 3, also the
  previous backup (`double_checkpoint`), restored when the latest cannot be
  read. On Keras 3, other workers of a MultiWorkerMirroredStrategy get a
  callback that restores from the chief's backup and writes nothing; on
  tf-keras they get `BackupAndRestore`, which does the same itself.

  Args:
    gan: The `GANModel` to be trained (built).
    backup_dir: The backup directory (the same path on every worker).
    strategy: `gan`'s strategy (default `gan.distribute_strategy`).

  Returns:
    A Keras callback of `gan`'s Keras package.
  """
  return gan.flavour.backup_and_restore(
      backup_dir, gan, chief=is_chief(strategy or gan.distribute_strategy))


def fit_to_step(gan, dataset, last_step, steps_per_epoch, callbacks=(),
                **fit_kwargs):
  """`gan.fit` until the generator's optimizer has made `last_step` steps.

  Epochs of `steps_per_epoch` steps (the save interval of an epoch-end
  `BackupAndRestore`). When a restored backup marks a cut-short epoch as
  done (a SIGTERM stop), the planned epochs fall short of `last_step`; `fit`
  is then called again with more epochs, and the run stops at `last_step`
  exactly, mid-epoch if need be.

  Args:
    gan: The compiled `GANModel`.
    dataset: Its training dataset (repeated: each epoch takes
      `steps_per_epoch` batches from it).
    last_step: The generator step to train to.
    steps_per_epoch: Steps per epoch.
    callbacks: `fit`'s callbacks (with the backup, which restores).
    **fit_kwargs: Other arguments of `fit` (e.g. `verbose`).

  Returns:
    (steps, history): the generator steps made in all (restored ones
    included) and each logged value's list over this call's epochs.

  Raises:
    ValueError: `last_step` or `steps_per_epoch` below 1, or a dataset
      that yields nothing.
  """
  if last_step < 1 or steps_per_epoch < 1:
    raise ValueError('last_step and steps_per_epoch must be >= 1, got %r '
                     'and %r.' % (last_step, steps_per_epoch))
  iterations = gan.optimizer.iterations

  def stop_at_last_step(batch, logs):
    del batch, logs
    if int(iterations.numpy()) >= last_step:
      gan.stop_training = True

  callbacks = list(callbacks) + [gan.flavour.package.callbacks.LambdaCallback(
      on_train_batch_end=stop_at_last_step)]
  epochs = math.ceil(last_step / steps_per_epoch)
  history = {}
  while True:
    result = gan.fit(dataset, epochs=epochs, steps_per_epoch=steps_per_epoch,
                     callbacks=callbacks, **fit_kwargs)
    if result.epoch and not result.history:
      # Keras 3 runs epochs on a dataset that yields nothing, logging nothing.
      raise ValueError('fit ran epochs without logging a step: the dataset '
                       'yields nothing; repeat it (dataset.repeat()).')
    for name, values in result.history.items():
      history.setdefault(name, []).extend(float(v) for v in values)
    steps = int(iterations.numpy())
    if steps >= last_step:
      return steps, history
    # `fit` restored an epoch count that the planned epochs do not exceed
    # by enough (a cut-short epoch counts as done): plan more epochs.
    epochs += math.ceil((last_step - steps) / steps_per_epoch)


def explain_collective_error(error):
  """Re-raises `error` with cause and fix if it is the second-strategy defect."""
  if (isinstance(error, tf.errors.OpError) and
      'collective instance' in str(error)):
    raise RuntimeError(SECOND_STRATEGY_MESSAGE) from error
