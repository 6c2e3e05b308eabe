# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A moving average of the generator's weights, for `GANModel`.

See `The Unusual Effectiveness of Averaging in GAN Training` (Yazici et al.
2019, https://arxiv.org/abs/1806.04498); BigGAN, StyleGAN, compare_gan and
PyTorch-StudioGAN sample from such an average. After generator step s (the
generator optimizer's `iterations`, counted from 1):

  average = raw weights                              if s <= max(start, 1)
  average = decay * average + (1 - decay) * raw      otherwise

so with `start=0` the average starts from the weights after the first step
(Keras' `use_ema` convention): the random initial weights never enter it.
Non-trainable weights (batch-norm moving statistics) are copied from the raw
generator at every update, as StudioGAN and BigGAN-PyTorch do.

The average lives in `sampling_generator`, a clone of the generator
(`clone_model` of the generator's Keras package) that `GANModel` tracks, so
`BackupAndRestore` and checkpoints save and restore it, and whose weights
are not trainable. It is updated the way Keras' optimizers apply their
updates under `tf.distribute` (`merge_call`, then `extended.update` on each
variable), so it is the same on every replica. The raw generator is never
overwritten. Keras 3's optimizer `use_ema` is not used: `fit` ends by
copying its average into the trained weights (so a further `fit`, or a
resumed run, would train from the average), it has no start step, and it
exists only in Keras.
"""

import tensorflow as tf

__all__ = ['GeneratorAverage', 'check_decay']


def check_decay(decay, start):
  """Validates `generator_ema` and `generator_ema_start` of `compile`.

  Raises:
    TypeError / ValueError: naming the argument.
  """
  if isinstance(decay, bool) or not isinstance(decay, (int, float)):
    raise TypeError('generator_ema must be None or a float in [0, 1), got %r.'
                    % (decay,))
  if not 0.0 <= decay < 1.0:
    raise ValueError('generator_ema must be in [0, 1), got %r.' % (decay,))
  if isinstance(start, bool) or not isinstance(start, int) or start < 0:
    raise ValueError('generator_ema_start must be an int >= 0, got %r.'
                     % (start,))


def _tf_variable(variable):
  """The TensorFlow variable behind a Keras 3 variable (or `variable`)."""
  return getattr(variable, 'value', variable) if not isinstance(
      variable, tf.Variable) else variable


class GeneratorAverage:
  """The averaged generator and its update (module docstring).

  Args:
    generator: The raw generator (a functional or Sequential model).
    clone_model: The Keras package's `models.clone_model`.
    decay: The average's decay, in [0, 1).
    start: Generator steps before which the average copies the weights.

  Raises:
    ValueError: if the generator cannot be cloned (a subclassed model).
  """

  def __init__(self, generator, clone_model, decay, start):
    check_decay(decay, start)
    try:
      self.model = clone_model(generator)
      self.model.set_weights(generator.get_weights())
    except Exception as e:  # Keras raises several kinds for subclasses.
      raise ValueError(
          'generator_ema needs a generator that keras.models.clone_model can '
          'copy with its weights (a functional or Sequential model); %r '
          'cannot: %s' % (generator.name, e)) from e
    self.model.trainable = False
    self.decay = float(decay)
    self.start = int(start)
    self._pairs = list(zip(self.model.weights, generator.weights))
    self._trainable = [any(v is w for w in generator.trainable_weights)
                       for _, v in self._pairs]

  def update(self, step):
    """Updates the average after generator step `step` (in a replica)."""
    copy = tf.cast(step <= max(self.start, 1), tf.float32)
    decay = (1.0 - copy) * self.decay
    pairs = [(_tf_variable(a), _tf_variable(r), trainable)
             for (a, r), trainable in zip(self._pairs, self._trainable)]

    def merge_fn(strategy, decay):
      for average, raw, trainable in pairs:
        strategy.extended.update(
            average, _assign_average,
            args=(raw, decay if trainable else 0.0),  # Statistics: copied.
            group=False)

    tf.distribute.get_replica_context().merge_call(merge_fn, args=(decay,))


def _assign_average(average, raw, decay):
  """average <- decay * average + (1 - decay) * raw."""
  decay = tf.cast(decay, average.dtype)
  return average.assign(decay * average +
                        (1.0 - decay) * tf.cast(raw, average.dtype))
