# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Class-conditional parts: discriminator heads and conditional batch norm.

For TF-1 graphs (`tfgan.gan_model` / `gan_train`), functions that build
their variables with `get_variable` (shared between the real and generated
discriminator calls):

  logits = tfgan_ext.conditional.projection_head(features, labels, 10)
  net = tfgan_ext.conditional.conditional_batch_norm(net, labels, 10)

For Keras, the same parts as layers, one class per part and Keras package:
`tfgan_ext.conditional.keras_layers` (the `keras` package: Keras 3, or
Keras 2.15 on TensorFlow 2.15) and `tf_keras_layers` (tf-keras), each
importing only its own package; `layers_for(K)` picks the module of
package `K`:

  layers = tfgan_ext.conditional.layers_for(keras)
  logits = layers.ProjectionHead(10)([features, labels])

Parts: the projection head (Miyato & Koyama 2018), conditional batch
normalization (de Vries et al. 2017), and a head for every name of the
conditional losses' table (`tfgan_ext.losses.discriminator_outputs.HEADS`),
giving what those losses read: concat and projection give logits; ac
logits and class logits [B, K]; projection_ac the projection logits and
class logits [B, K]; multi_hinge class logits [B, K + 1]; d2dce logits,
embeddings and proxies. Labels are class ids [B] or one-hot rows [B, K], checked
(`labels`). Modules: `graph` (TF-1), `keras_base` (the layers' code),
`keras_layers` / `tf_keras_layers`, `labels`. See docs/conditional.md.
"""

import importlib

from tfgan_ext.conditional import labels
from tfgan_ext.conditional.graph import HEADS
from tfgan_ext.conditional.graph import HEADS_READING_LABELS
from tfgan_ext.conditional.graph import ac_head
from tfgan_ext.conditional.graph import concat_head
from tfgan_ext.conditional.graph import conditional_batch_norm
from tfgan_ext.conditional.graph import d2dce_head
from tfgan_ext.conditional.graph import discriminator_head
from tfgan_ext.conditional.graph import multi_hinge_head
from tfgan_ext.conditional.graph import projection_ac_head
from tfgan_ext.conditional.graph import projection_head
from tfgan_ext.conditional.labels import one_hot_labels

__all__ = ['HEADS', 'HEADS_READING_LABELS', 'ac_head', 'concat_head',
           'conditional_batch_norm', 'd2dce_head', 'discriminator_head',
           'head_layer', 'labels', 'layers_for', 'multi_hinge_head',
           'one_hot_labels', 'projection_ac_head', 'projection_head']

# The Keras layer class of each head name.
_HEAD_CLASSES = {'concat': 'ConcatHead', 'projection': 'ProjectionHead',
                 'ac': 'ACHead', 'projection_ac': 'ProjectionACHead',
                 'multi_hinge': 'MultiHingeHead', 'd2dce': 'D2DCEHead'}
_LAYER_MODULES = {
    'keras': 'tfgan_ext.conditional.keras_layers',
    'tf_keras': 'tfgan_ext.conditional.tf_keras_layers',
}


def layers_for(K):
  """The module of conditional layers for the Keras package `K`.

  Args:
    K: The `keras` or `tf_keras` module.

  Returns:
    `tfgan_ext.conditional.keras_layers` or `tf_keras_layers` (imported on
    first use).

  Raises:
    ValueError: `K` is neither package.
  """
  name = getattr(K, '__name__', None)
  if name not in _LAYER_MODULES:
    raise ValueError('layers_for takes the keras or tf_keras package, got %r.'
                     % (K,))
  return importlib.import_module(_LAYER_MODULES[name])


def head_layer(K, head, num_classes, spectral_norm=True, embedding_dims=512,
               name=None):
  """The Keras layer of the head named `head`, for the Keras package `K`.

  The Keras twin of `discriminator_head`: call it on `[features, labels]`
  when its `uses_labels` is True (HEADS_READING_LABELS), else on
  features.

  Args:
    K: The `keras` or `tf_keras` module.
    head: One of HEADS.
    num_classes: Number of classes K.
    spectral_norm: Normalize the head's weights.
    embedding_dims: E of 'd2dce'.
    name: Layer name.

  Returns:
    A layer of `layers_for(K)`.

  Raises:
    ValueError: an unknown head (naming the known ones) or package.
  """
  if head not in HEADS:
    raise ValueError('Unknown discriminator head %r; choose one of: %s.'
                     % (head, ', '.join(HEADS)))
  layer_class = getattr(layers_for(K), _HEAD_CLASSES[head])
  extra = {'embedding_dims': embedding_dims} if head == 'd2dce' else {}
  return layer_class(num_classes, spectral_norm=spectral_norm, name=name,
                     **extra)
