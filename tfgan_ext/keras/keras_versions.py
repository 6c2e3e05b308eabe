# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Which Keras a model belongs to, and the few calls that differ between them.

tfgan_ext.keras trains models of two Keras lines:

* Keras 3 (`import keras` with keras >= 3; on TensorFlow >= 2.16 that is
  Keras 3 whatever `TF_USE_LEGACY_KERAS` says);
* Keras 2: the `tf_keras` package, or the `keras` 2.x package that is
  `tf.keras` on TensorFlow 2.15.

The package is read from the classes of the user's models (the first class in
their MRO defined in a `keras` or `tf_keras` module), so this module imports
no Keras itself: a tf-keras user never loads Keras 3 and vice versa. A
`KerasVersion` holds the package and implements the calls whose spelling
differs: loss scaling for mixed precision, optimizer building, metrics and
functional models. `keras_model.KerasGANModel` and
`tf_keras_model.TFKerasGANModel` each hold one.
"""

import sys

import tensorflow as tf

__all__ = ['KerasVersion', 'package_name_of', 'common_package_name']


class KerasVersion:
  """One Keras package (`keras` or `tf_keras`) and its spelling of things.

  Attributes:
    package: The package module.
    package_name: 'keras' or 'tf_keras'.
    version: Its `__version__`.
    name: 'keras3' (multi-backend Keras, with `keras.ops`) or 'keras2'.
    callback_adapter: The package's `Callback` subclass that forwards to a
      `tfgan_ext.keras.callbacks.GANCallback` (see `callbacks.adapt`).
  """

  def __init__(self, package, callback_adapter):
    self.package = package
    self.callback_adapter = callback_adapter
    self.package_name = package.__name__
    self.version = getattr(package, '__version__', 'unknown')
    self.name = 'keras3' if hasattr(package, 'ops') else 'keras2'

  def __repr__(self):
    return '%s (%s %s)' % (self.name, self.package_name, self.version)

  @property
  def is_keras3(self):
    return self.name == 'keras3'

  def mean_metric(self, name):
    return self.package.metrics.Mean(name=name)

  def functional_model(self, inputs, outputs, name):
    return self.package.Model(inputs, outputs, name=name)

  # ------------------------------------------------------ loss scaling ---

  def _loss_scale_class(self):
    if self.is_keras3:
      return self.package.optimizers.LossScaleOptimizer
    return self.package.mixed_precision.LossScaleOptimizer

  def is_loss_scaled(self, optimizer):
    return isinstance(optimizer, self._loss_scale_class())

  def with_loss_scale(self, optimizer):
    """`optimizer` wrapped in this package's dynamic LossScaleOptimizer."""
    if self.is_loss_scaled(optimizer):
      return optimizer
    return self._loss_scale_class()(optimizer)

  def loss_scaled_if_needed(self, optimizer, network, loss_scaling):
    """`optimizer`, wrapped for dynamic loss scaling when asked or needed.

    Args:
      optimizer: A player's optimizer.
      network: Its network.
      loss_scaling: 'auto' (when the network computes in float16), True or
        False.
    """
    if loss_scaling is True or (loss_scaling == 'auto' and
                                _computes_in_float16(network)):
      return self.with_loss_scale(optimizer)
    return optimizer

  def scale_loss(self, optimizer, loss):
    """The loss to differentiate (multiplied by the current loss scale).

    Keras 3: `optimizer.scale_loss` (a LossScaleOptimizer's dynamic scale, or
    any optimizer's `loss_scale_factor`); its `apply_gradients` divides the
    gradients back. Keras 2: `get_scaled_loss` of a LossScaleOptimizer.
    """
    if self.is_keras3:
      return optimizer.scale_loss(loss)
    if self.is_loss_scaled(optimizer):
      return optimizer.get_scaled_loss(loss)
    return loss

  def unscale_gradients(self, optimizer, gradients):
    """Gradients as `apply_gradients` expects them (Keras 2 unscales here)."""
    if not self.is_keras3 and self.is_loss_scaled(optimizer):
      return optimizer.get_unscaled_gradients(gradients)
    return gradients

  def build_optimizer(self, optimizer, variables):
    """Creates `optimizer`'s slots for `variables` now (under the strategy).

    Keras 3 optimizers must be built before the training function is traced;
    Keras 2 ones would create their slots lazily, but building them here
    means a checkpoint restored at the start of `fit` finds them.
    """
    if getattr(optimizer, 'built', True) or not hasattr(optimizer, 'build'):
      return
    optimizer.build(variables)

  def state_variable(self, model, name):
    """A float32 scalar weight of `model`, 0 at first, not trained.

    Saved and restored with the model; created once (a second `compile`
    reuses it). Its aggregation is ONLY_FIRST_REPLICA, so every replica may
    assign it (the same value) inside a train step under tf.distribute.
    """
    for weight in model.weights:
      if weight.name.split('/')[-1].split(':')[0] == name:
        return weight
    if self.is_keras3:
      return model.add_weight(name=name, shape=(), initializer='zeros',
                              dtype='float32', trainable=False,
                              aggregation='only_first_replica')
    return model.add_weight(
        name=name, shape=(), initializer='zeros', dtype='float32',
        trainable=False,
        aggregation=tf.VariableAggregation.ONLY_FIRST_REPLICA)

  def set_global_policy(self, name):
    self.package.mixed_precision.set_global_policy(name)

  def backup_and_restore(self, backup_dir, model, chief=True):
    """The package's `BackupAndRestore` for `model`, keeping its files.

    Keras 3's also keeps the previous backup (`double_checkpoint`) and
    restores it when the latest cannot be read; tf-keras' has no such
    option. Keras 3's has every worker write: a worker that is not the
    `chief` gets a callback that only restores (tf-keras' own
    BackupAndRestore lets only the chief write).
    """
    if not self.is_keras3:
      return self.package.callbacks.BackupAndRestore(backup_dir,
                                                     delete_checkpoint=False)
    backup = self.package.callbacks.BackupAndRestore(
        backup_dir, delete_checkpoint=False, double_checkpoint=True)
    if chief:
      return backup
    backup.set_model(model)
    return self.package.callbacks.LambdaCallback(
        on_train_begin=backup.on_train_begin)


def _computes_in_float16(model):
  pending = [model]
  while pending:
    layer = pending.pop()
    if getattr(layer, 'compute_dtype', None) == 'float16':
      return True
    pending.extend(getattr(layer, 'layers', None) or [])
  return False


def package_name_of(obj, what='model'):
  """'keras' or 'tf_keras': the Keras package `obj`'s class comes from.

  Args:
    obj: A Keras model (or layer, optimizer, callback).
    what: Its name, for the error message.

  Returns:
    The package's name.

  Raises:
    TypeError: if `obj` is not a Keras object.
  """
  for cls in type(obj).__mro__:
    top = (cls.__module__ or '').split('.')[0]
    if top in ('keras', 'tf_keras') and top in sys.modules:
      return top
  raise TypeError(
      '%s must be a Keras model (keras.Model from Keras 3, or tf_keras / '
      'Keras 2 tf.keras.Model), got %r.' % (what, type(obj)))


def common_package_name(objects):
  """The Keras package of named Keras objects, which must be the same.

  Args:
    objects: dict of name -> Keras object (None values are skipped).

  Returns:
    'keras' or 'tf_keras'.

  Raises:
    TypeError: if an object is not a Keras object, or they come from
      different Keras packages (Keras 3 and tf-keras objects cannot be mixed).
  """
  found = {name: package_name_of(obj, name) for name, obj in objects.items()
           if obj is not None}
  if len(set(found.values())) > 1:
    raise TypeError(
        'All Keras objects of a GANModel must come from one Keras package; '
        'got %s. Build the generator, discriminator and optimizers with the '
        'same one (`import keras` for Keras 3, `import tf_keras` for '
        'tf-keras).' % ', '.join('%s: %s' % kv for kv in sorted(
            found.items())))
  return next(iter(found.values()))
