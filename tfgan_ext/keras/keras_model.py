# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`GANModel` for networks of the `keras` package.

That package is Keras 3 on TensorFlow >= 2.16 (and Keras 2.15 on TensorFlow
2.15). `tfgan_ext.keras.GANModel(generator, discriminator)` returns a
`KerasGANModel` when the networks are `keras` models; importing this module
imports `keras`.
"""

import keras

from tfgan_ext.keras import callbacks
from tfgan_ext.keras import keras_versions
from tfgan_ext.keras import model

__all__ = ['KerasCallbackAdapter', 'KerasGANModel']


class KerasCallbackAdapter(callbacks.ForwardingCallback,
                           keras.callbacks.Callback):
  """A `keras` callback forwarding to a tfgan_ext `GANCallback`."""


class KerasGANModel(model.GANModel, keras.Model):
  """`GANModel` (see there) on `keras.Model`."""

  _keras_version = keras_versions.KerasVersion(keras, KerasCallbackAdapter)

  def save_own_variables(self, store):
    """Saves the model's own weights (the add-ons' state) by name.

    Keras 3 would store them by position, so a model whose add-ons come in
    another order would restore them into the wrong variables.
    """
    for variable in self._own_weights():
      store[variable.name] = variable

  def load_own_variables(self, store):
    """Restores the model's own weights by name (`save_own_variables`).

    A file written by tfgan_ext 0.1 stored them by position ('0', '1',
    ...), in the order 0.1 created them (ADA's, then LeCam's): such a file
    restores when the add-ons that hold state come in that order.

    Raises:
      ValueError: names or a count that do not match this model's weights,
        saying what was expected.
    """
    own = self._own_weights()
    keys = sorted(store.keys())
    if keys and all(k.isdigit() for k in keys):  # tfgan_ext 0.1's format.
      if len(keys) != len(own):
        raise ValueError(
            'This checkpoint (written by tfgan_ext 0.1, which stored the '
            "add-ons' state by position) holds %d state weights; this model "
            'has %d (%s). Compile it with the add-ons that wrote it, those '
            'with state in the order ADA, then LeCam.'
            % (len(keys), len(own), ', '.join(v.name for v in own)))
      for i, variable in enumerate(own):
        variable.assign(store[str(i)])
      return
    names = sorted(v.name for v in own)
    if keys != names:
      raise ValueError(
          'This checkpoint holds the state weights %s; this model has %s. '
          'Compile it with the add-ons that wrote it.' % (keys, names))
    for variable in own:
      variable.assign(store[variable.name])

  def _own_weights(self):
    if self.flavour.is_keras3:
      return self._trainable_variables + self._non_trainable_variables
    return self._trainable_weights + self._non_trainable_weights  # Keras 2.

  def _maybe_symbolic_build(self, *args, **kwargs):
    # Keras 3's fit() first builds the model symbolically from a batch it
    # reduces over replicas, which fails under MultiWorkerMirroredStrategy
    # for every model (keras-team/keras#20585). fit() has already built the
    # networks and both optimizers, so there is nothing to build.
    if self.built and getattr(self.optimizer, 'built', False):
      return None
    return super()._maybe_symbolic_build(*args, **kwargs)
