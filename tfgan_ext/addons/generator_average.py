# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A moving average of the generator's weights, for both trainers.

See `The Unusual Effectiveness of Averaging in GAN Training` (Yazici et al.
2019, https://arxiv.org/abs/1806.04498); BigGAN, StyleGAN, compare_gan and
PyTorch-StudioGAN sample from such an average. After generator update s
(counted from 1):

  average = weights                                   if s <= max(start, 1)
  average = decay * average + (1 - decay) * weights   otherwise

so with `start=0` the average starts from the weights after the first update
(Keras' `use_ema` convention): the random initial weights never enter it.
The trained weights are never overwritten.

* TF-GAN (`tfgan.gan_train`, GANEstimator): `AveragingOptimizer` wraps the
  generator's optimizer and, after each update, updates TensorFlow's
  `tf.compat.v1.train.ExponentialMovingAverage` of the variables it trained
  (its own counter counts generator updates, whatever `GANTrainSteps`
  says). The averages are the usual shadow variables
  (`<variable>/ExponentialMovingAverage`), saved in every checkpoint; to
  sample from them, restore the generator with
  `tf.compat.v1.train.Saver(averages_to_restore(generator_variables))`.
* Keras: the average lives in `GANModel.sampling_generator`, a clone of the
  generator (`clone_model` of its Keras package) that the model tracks as
  `averaged_generator`, so `BackupAndRestore` and checkpoints save and
  restore it; its weights are not trainable. Non-trainable weights
  (batch-norm moving statistics) are copied from the raw generator at every
  update, as StudioGAN and BigGAN-PyTorch do. It is updated the way Keras'
  optimizers apply their updates under `tf.distribute` (`merge_call`, then
  `extended.update` on each variable), so it is the same on every replica.
  Keras 3's optimizer `use_ema` is not used: `fit` ends by copying its
  average into the trained weights (so a further `fit`, or a resumed run,
  would train from the average), it has no start step, and it exists only
  in Keras.
"""

import tensorflow as tf

from tfgan_ext.addons import base
from tfgan_ext.losses import _checks

__all__ = ['AveragingOptimizer', 'GeneratorAverage', 'averages_to_restore',
           'has_averages']

_v1 = tf.compat.v1
_EMA_NAME = 'ExponentialMovingAverage'


def _check(decay, start):
  if not _checks.is_real(decay):
    raise TypeError('The average\'s decay must be a float in [0, 1), got %r.'
                    % (decay,))
  if not 0.0 <= decay < 1.0:
    raise ValueError('The average\'s decay must be in [0, 1), got %r.'
                     % (decay,))
  if isinstance(start, bool) or not isinstance(start, int) or start < 0:
    raise ValueError('The average\'s start must be an int >= 0, got %r.'
                     % (start,))


class GeneratorAverage(base.AddOn):
  """A moving average of the generator's weights (module docstring).

  Args:
    decay: The average's decay, in [0, 1) (e.g. 0.999).
    start: Generator updates during which the average copies the weights.

  Raises:
    TypeError / ValueError: a decay outside [0, 1), a negative start.
  """

  def __init__(self, decay=0.999, start=0):
    _check(decay, start)
    self.decay = float(decay)
    self.start = int(start)

  def for_tfgan(self, parts):
    """The generator's optimizer wrapped in `AveragingOptimizer`.

    A function returning an optimizer (GANEstimator's form) becomes one
    returning the wrapped optimizer.

    Raises:
      ValueError: `parts` has no generator optimizer.
      TypeError: a generator optimizer that is neither a
        `tf.compat.v1.train.Optimizer` nor a function returning one.
    """
    optimizer = parts.generator_optimizer
    if optimizer is None:
      raise ValueError('GeneratorAverage wraps the generator\'s optimizer: '
                       'give GANParts a generator_optimizer.')
    if isinstance(optimizer, _v1.train.Optimizer):
      wrapped = AveragingOptimizer(optimizer, self.decay, self.start)
    elif not callable(optimizer):
      raise TypeError('GeneratorAverage wraps a tf.compat.v1.train.Optimizer '
                      '(or a function returning one), as TF-GAN trains with; '
                      'got %r. In Keras, pass the add-on to GANModel.compile.'
                      % (optimizer,))
    else:
      wrapped = lambda: AveragingOptimizer(optimizer(), self.decay,
                                           self.start)
    return parts._replace(generator_optimizer=wrapped)

  def for_keras(self, gan):
    return _KerasAverage(self, gan)


class AveragingOptimizer(_v1.train.Optimizer):
  """`optimizer`, plus a moving average of what it trains (module docstring).

  Args:
    optimizer: A `tf.compat.v1.train.Optimizer` (e.g. Adam, or a mixed
      precision LossScaleOptimizer around it).
    decay: The average's decay, in [0, 1).
    start: Updates during which the average copies the weights.
    name: The name of the update counter's scope.

  Raises:
    TypeError / ValueError: a decay outside [0, 1), a negative start.
  """

  def __init__(self, optimizer, decay, start=0, name='Averaging'):
    _check(decay, start)
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


def _tf_variable(variable):
  """The TensorFlow variable behind a Keras 3 variable (or `variable`)."""
  return getattr(variable, 'value', variable) if not isinstance(
      variable, tf.Variable) else variable


class _KerasAverage(base.StepPart):
  """The averaged generator in GANModel (module docstring).

  Raises:
    ValueError: if the generator cannot be cloned (a subclassed model).
  """

  def __init__(self, addon, gan):
    super().__init__(addon, gan)
    generator = gan.generator
    try:
      model = gan.flavour.package.models.clone_model(generator)
      model.set_weights(generator.get_weights())
    except Exception as e:  # Keras raises several kinds for subclasses.
      raise ValueError(
          'GeneratorAverage needs a generator that keras.models.clone_model '
          'can copy with its weights (a functional or Sequential model); %r '
          'cannot: %s' % (generator.name, e)) from e
    model.trainable = False
    self.sampling_model = model
    # An attribute of the GANModel, so Keras saves and restores it.
    self.tracked = {'averaged_generator': model}
    self._pairs = list(zip(model.weights, generator.weights))
    self._trainable = [any(v is w for w in generator.trainable_weights)
                       for _, v in self._pairs]

  def after_generator_step(self):
    """Updates the average after the generator step (in a replica)."""
    step = self.gan.optimizer.iterations
    copy = tf.cast(step <= max(self.addon.start, 1), tf.float32)
    decay = (1.0 - copy) * self.addon.decay
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
