# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Which Keras a model belongs to, and the few calls that differ between them.

tfgan_ext.keras trains models of two Keras lines:

* Keras 3 (`import keras` with keras >= 3; on TensorFlow >= 2.16 that is
  Keras 3 whatever `TF_USE_LEGACY_KERAS` says);
* Keras 2: the `tf_keras` package, or the `keras` 2.x package that is
  `tf.keras` on TensorFlow 2.15.

The flavour is read from the classes of the user's models (the first class in
their MRO defined in a `keras` or `tf_keras` module), so this module imports
no Keras itself: a tf-keras user never loads Keras 3 and vice versa. Each
flavour is a `Flavour` holding its package and implementing the calls whose
spelling differs: loss scaling for mixed precision, optimizer building, and
the base classes to derive from.
"""

import sys

__all__ = ['Flavour', 'flavour_of', 'same_flavour']


class Flavour:
  """One Keras line (its package module, 'keras3' or 'keras2')."""

  def __init__(self, package):
    self.package = package
    self.package_name = package.__name__
    self.version = getattr(package, '__version__', 'unknown')
    # Keras 3 is the multi-backend Keras, with its own `ops` namespace.
    self.name = 'keras3' if hasattr(package, 'ops') else 'keras2'

  def __repr__(self):
    return '%s (%s %s)' % (self.name, self.package_name, self.version)

  def __eq__(self, other):
    return (isinstance(other, Flavour) and
            self.package_name == other.package_name)

  def __hash__(self):
    return hash(self.package_name)

  @property
  def is_keras3(self):
    return self.name == 'keras3'

  @property
  def model_class(self):
    return self.package.Model

  @property
  def callback_class(self):
    return self.package.callbacks.Callback

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
    """`optimizer` wrapped in this flavour's dynamic LossScaleOptimizer."""
    if self.is_loss_scaled(optimizer):
      return optimizer
    return self._loss_scale_class()(optimizer)

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

  def set_global_policy(self, name):
    self.package.mixed_precision.set_global_policy(name)


def _keras_package_of(obj):
  """The Keras package module that `obj`'s class comes from, or None."""
  for cls in type(obj).__mro__:
    top = (cls.__module__ or '').split('.')[0]
    if top in ('keras', 'tf_keras') and top in sys.modules:
      return sys.modules[top]
  return None


def flavour_of(model, what='model'):
  """The `Flavour` of a Keras model (or layer, optimizer, callback).

  Args:
    model: A Keras object.
    what: Its name, for the error message.

  Returns:
    A `Flavour`.

  Raises:
    TypeError: if `model` is not a Keras object.
  """
  package = _keras_package_of(model)
  if package is None:
    raise TypeError(
        '%s must be a Keras model (keras.Model from Keras 3, or tf_keras / '
        'Keras 2 tf.keras.Model), got %r.' % (what, type(model)))
  return Flavour(package)


def same_flavour(objects):
  """The common `Flavour` of named Keras objects.

  Args:
    objects: dict of name -> Keras object (None values are skipped).

  Returns:
    A `Flavour`.

  Raises:
    TypeError: if an object is not a Keras object, or they come from
      different Keras packages (Keras 3 and tf-keras objects cannot be mixed).
  """
  found = {name: flavour_of(obj, name) for name, obj in objects.items()
           if obj is not None}
  flavours = set(found.values())
  if len(flavours) > 1:
    raise TypeError(
        'All Keras objects of a GANModel must come from one Keras package; '
        'got %s. Build the generator, discriminator and optimizers with the '
        'same one (`import keras` for Keras 3, `import tf_keras` for '
        'tf-keras).' % ', '.join('%s: %r' % kv for kv in sorted(
            found.items())))
  return flavours.pop()
