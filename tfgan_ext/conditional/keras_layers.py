# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The conditional layers for the `keras` package (Keras 3; 2.15 on TF 2.15).

Each layer's code is in `keras_base` (see there and tfgan_ext.conditional);
here it is bound to `keras.layers.Layer`. Importing this module imports
`keras`; `tf_keras_layers` holds the same layers for tf-keras.
"""

import functools

import keras
import tensorflow as tf

from tfgan_ext.conditional import keras_base

__all__ = ['ACHead', 'ConcatHead', 'ConditionalBatchNormalization',
           'D2DCEHead', 'MultiHingeHead', 'ProjectionACHead',
           'ProjectionHead', 'SpectralNormalization']

_register = keras.saving.register_keras_serializable(package='tfgan_ext')


@functools.lru_cache(maxsize=None)
def _keras2_normalize_weights():
  """Keras 2.15's `SpectralNormalization.normalize_weights`, via AutoGraph."""
  return tf.autograph.to_graph(
      keras.layers.SpectralNormalization.normalize_weights)


@_register
class SpectralNormalization(keras.layers.SpectralNormalization):
  """`keras.layers.SpectralNormalization`, traceable on Keras 2.15 too.

  Keras 2.15 (the `keras` of TensorFlow 2.15) normalizes in its training
  calls with `normalize_weights`, which branches in Python on a tensor
  (`if not tf.reduce_all(...)`): inside a tf.function, such as fit's train
  step, that raises OperatorNotAllowedInGraphError. This class runs that
  same method converted by AutoGraph (the `if` becomes a tf.cond). Keras 3
  normalizes with `normalized_weights` and never calls this method: there
  the class is Keras' own.
  """

  def normalize_weights(self):
    return _keras2_normalize_weights()(self)


@_register
class ConditionalBatchNormalization(keras_base.ConditionalBatchNormalization, keras.layers.Layer):
  __doc__ = keras_base.ConditionalBatchNormalization.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization


@_register
class ProjectionHead(keras_base.ProjectionHead, keras.layers.Layer):
  __doc__ = keras_base.ProjectionHead.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization


@_register
class ProjectionACHead(keras_base.ProjectionACHead, keras.layers.Layer):
  __doc__ = keras_base.ProjectionACHead.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization


@_register
class ConcatHead(keras_base.ConcatHead, keras.layers.Layer):
  __doc__ = keras_base.ConcatHead.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization


@_register
class ACHead(keras_base.ACHead, keras.layers.Layer):
  __doc__ = keras_base.ACHead.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization


@_register
class MultiHingeHead(keras_base.MultiHingeHead, keras.layers.Layer):
  __doc__ = keras_base.MultiHingeHead.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization


@_register
class D2DCEHead(keras_base.D2DCEHead, keras.layers.Layer):
  __doc__ = keras_base.D2DCEHead.__doc__
  _K = keras
  _SpectralNormalization = SpectralNormalization
