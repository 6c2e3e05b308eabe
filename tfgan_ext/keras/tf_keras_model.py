# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`GANModel` for networks of the `tf_keras` package (Keras 2).

`tfgan_ext.keras.GANModel(generator, discriminator)` returns a
`TFKerasGANModel` when the networks are `tf_keras` models; importing this
module imports `tf_keras` (and not Keras 3).
"""

import tf_keras

from tfgan_ext.keras import callbacks
from tfgan_ext.keras import keras_versions
from tfgan_ext.keras import model

__all__ = ['TFKerasCallbackAdapter', 'TFKerasGANModel']


class TFKerasCallbackAdapter(callbacks.ForwardingCallback,
                             tf_keras.callbacks.Callback):
  """A `tf_keras` callback forwarding to a tfgan_ext `GANCallback`."""


class TFKerasGANModel(model.GANModel, tf_keras.Model):
  """`GANModel` (see there) on `tf_keras.Model`."""

  _keras_version = keras_versions.KerasVersion(tf_keras,
                                               TFKerasCallbackAdapter)
