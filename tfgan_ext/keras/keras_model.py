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

  def _maybe_symbolic_build(self, *args, **kwargs):
    # Keras 3's fit() first builds the model symbolically from a batch it
    # reduces over replicas, which fails under MultiWorkerMirroredStrategy
    # for every model (keras-team/keras#20585). fit() has already built the
    # networks and both optimizers, so there is nothing to build.
    if self.built and getattr(self.optimizer, 'built', False):
      return None
    return super()._maybe_symbolic_build(*args, **kwargs)
