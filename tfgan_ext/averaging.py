# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A moving average of the generator's weights for `tfgan.gan_train` and GANEstimator.

See `The Unusual Effectiveness of Averaging in GAN Training` (Yazici et al.
2019, https://arxiv.org/abs/1806.04498). `AveragingOptimizer` wraps the
generator's optimizer: after each update it updates TensorFlow's
`tf.compat.v1.train.ExponentialMovingAverage` of the variables it trained.
After update s (counted from 1 by the wrapper's own counter, so it counts
generator updates whatever `GANTrainSteps` says):

  average = weights                               if s <= max(start, 1)
  average = decay * average + (1 - decay) * weights   otherwise

(the same rule as `tfgan_ext.keras`: with `start=0` the average starts from
the weights after the first update). The averages are TensorFlow's usual
shadow variables (`<variable>/ExponentialMovingAverage`), saved in every
checkpoint; the trained variables are never changed. To sample from the
average, restore the generator from them:

  saver = tf.compat.v1.train.Saver(
      tfgan_ext.averaging.averages_to_restore(generator_variables))

TF-GAN users pass the wrapper where they pass the generator's optimizer:

  train_ops = tfgan.gan_train_ops(
      model, loss,
      generator_optimizer=tfgan_ext.averaging.AveragingOptimizer(
          tf.compat.v1.train.AdamOptimizer(2e-4, 0.5), decay=0.999),
      discriminator_optimizer=...)

(likewise `GANEstimator(generator_optimizer=lambda: AveragingOptimizer(...))`).
"""

import tensorflow as tf

__all__ = ['AveragingOptimizer', 'averages_to_restore', 'has_averages']

_v1 = tf.compat.v1
_EMA_NAME = 'ExponentialMovingAverage'


class AveragingOptimizer(_v1.train.Optimizer):
  """`optimizer`, plus a moving average of what it trains (module docstring).

  Args:
    optimizer: A `tf.compat.v1.train.Optimizer` (e.g. Adam, or a mixed
      precision LossScaleOptimizer around it).
    decay: The average's decay, in [0, 1).
    start: Updates during which the average copies the weights.
    name: The name of the update counter's scope.

  Raises:
    ValueError: for a decay outside [0, 1) or a negative start.
  """

  def __init__(self, optimizer, decay, start=0, name='Averaging'):
    if isinstance(decay, bool) or not 0.0 <= float(decay) < 1.0:
      raise ValueError('decay must be in [0, 1), got %r.' % (decay,))
    if isinstance(start, bool) or int(start) != start or start < 0:
      raise ValueError('start must be an int >= 0, got %r.' % (start,))
    super().__init__(use_locking=False, name=name)
    self._optimizer = optimizer
    self._decay = float(decay)
    self._start = int(start)
    self.average = None  # The ExponentialMovingAverage, once applied.

  def compute_gradients(self, *args, **kwargs):
    return self._optimizer.compute_gradients(*args, **kwargs)

  def apply_gradients(self, grads_and_vars, global_step=None, name=None):
    """The wrapped optimizer's update, then the average's."""
    grads_and_vars = list(grads_and_vars)
    update = self._optimizer.apply_gradients(grads_and_vars, global_step,
                                             name)
    trained = [v for g, v in grads_and_vars if g is not None]
    with _v1.variable_scope(self.get_name()):
      count = _v1.get_variable('updates', initializer=tf.constant(0, tf.int64),
                               trainable=False, use_resource=True)
    with tf.control_dependencies([update]):
      updates = count.assign_add(1)
      decay = tf.where(updates <= max(self._start, 1), 0.0, self._decay)
      self.average = _v1.train.ExponentialMovingAverage(decay,
                                                        name=_EMA_NAME)
      return self.average.apply(trained)

  def get_slot(self, var, name):
    return self._optimizer.get_slot(var, name)

  def get_slot_names(self):
    return self._optimizer.get_slot_names()

  def variables(self):
    return self._optimizer.variables()


def _average_name(variable):
  return '%s/%s' % (variable.op.name, _EMA_NAME)


def averages_to_restore(variables):
  """{checkpoint name of each variable's average: the variable}.

  For a `tf.compat.v1.train.Saver(var_list=...)` that loads the averaged
  weights (written by `AveragingOptimizer`) into `variables`.
  """
  return {_average_name(v): v for v in variables}


def has_averages(checkpoint, variables):
  """Whether `checkpoint` holds averages of all of `variables`."""
  names = tf.train.load_checkpoint(checkpoint).get_variable_to_shape_map()
  return bool(variables) and all(_average_name(v) in names
                                 for v in variables)
