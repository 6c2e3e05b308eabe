# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The conditional layers for the `tf_keras` package (tf-keras, Keras 2).

Each layer's code is in `keras_base` (see there and tfgan_ext.conditional);
here it is bound to `tf_keras.layers.Layer`. Importing this module imports
`tf_keras`; `keras_layers` holds the same layers for `keras`.
"""

import tf_keras

from tfgan_ext.conditional import keras_base

__all__ = ['ACHead', 'ConcatHead', 'ConditionalBatchNormalization',
           'D2DCEHead', 'MultiHingeHead', 'ProjectionACHead',
           'ProjectionHead', 'SpectralNormalization']

_register = tf_keras.saving.register_keras_serializable(package='tfgan_ext')


@_register
class SpectralNormalization(tf_keras.layers.SpectralNormalization):
  """tf-keras' SpectralNormalization, able to build whatever `tf.keras` is.

  tf-keras 2.16+ builds its wrapper with `tf.keras.layers.InputSpec`, which
  is Keras 3's unless TF_USE_LEGACY_KERAS=1 ("Layer input_spec must be an
  instance of InputSpec"); this subclass turns such a spec into tf-keras'
  own. The normalization is tf-keras'.
  """

  @property
  def input_spec(self):
    return self._input_spec

  @input_spec.setter
  def input_spec(self, value):
    if value is not None and not isinstance(value,
                                            tf_keras.layers.InputSpec):
      value = tf_keras.layers.InputSpec(shape=value.shape, ndim=value.ndim)
    self._input_spec = value


@_register
class ConditionalBatchNormalization(keras_base.ConditionalBatchNormalization, tf_keras.layers.Layer):
  __doc__ = keras_base.ConditionalBatchNormalization.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization


@_register
class ProjectionHead(keras_base.ProjectionHead, tf_keras.layers.Layer):
  __doc__ = keras_base.ProjectionHead.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization


@_register
class ProjectionACHead(keras_base.ProjectionACHead, tf_keras.layers.Layer):
  __doc__ = keras_base.ProjectionACHead.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization


@_register
class ConcatHead(keras_base.ConcatHead, tf_keras.layers.Layer):
  __doc__ = keras_base.ConcatHead.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization


@_register
class ACHead(keras_base.ACHead, tf_keras.layers.Layer):
  __doc__ = keras_base.ACHead.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization


@_register
class MultiHingeHead(keras_base.MultiHingeHead, tf_keras.layers.Layer):
  __doc__ = keras_base.MultiHingeHead.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization


@_register
class D2DCEHead(keras_base.D2DCEHead, tf_keras.layers.Layer):
  __doc__ = keras_base.D2DCEHead.__doc__
  _K = tf_keras
  _SpectralNormalization = SpectralNormalization
