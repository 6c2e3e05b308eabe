# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The conditional Keras layers' code, for either Keras package.

Each class here holds all of one layer (its weights, maths, checks and
config) and none of Keras: `keras_layers` (Keras 3, or Keras 2.15 on
TensorFlow 2.15) and `tf_keras_layers` (tf-keras) define each layer as
`class X(keras_base.X, <package>.layers.Layer)` and set `_K` to their
package, from which the layers take their sublayers (BatchNormalization,
Dense, SpectralNormalization). Importing this module imports no Keras.

Layers that take labels are called on `[inputs, labels]`, labels class ids
[B] or one-hot rows [B, K] (`tfgan_ext.conditional.labels`). Heads return
float32 (mixed precision computes in float16 up to them): plain logits
[B, 1] (concat, projection), or a dict holding the
`DiscriminatorOutputs` fields the head fills, because Keras 3's functional
models cannot output None (`DiscriminatorOutputs(**outputs)` makes the
named tuple).

Spectral normalization (`spectral_norm=True`) wraps the head's Dense
sublayers in the package's SpectralNormalization: at each training call it
replaces the kernel by W / sigma(W), sigma by one power iteration (Keras'
scheme, not TF-GAN's custom getter, which divides on the fly and keeps W).
A class embedding table is the kernel of a Dense layer without bias applied
to one-hot rows, so Keras' wrapper normalizes it too.
"""

import tensorflow as tf

from tfgan_ext.conditional import graph
from tfgan_ext.conditional import labels as labels_lib
from tfgan_ext.losses import _checks

__all__ = ['ACHead', 'ConcatHead', 'ConditionalBatchNormalization',
           'D2DCEHead', 'MultiHingeHead', 'ProjectionACHead', 'ProjectionHead']


def _pair(inputs, layer):
  """(inputs, labels) from the `[inputs, labels]` a layer is called on."""
  if not isinstance(inputs, (list, tuple)) or len(inputs) != 2:
    raise ValueError('%s is called on [inputs, labels] (labels: class ids '
                     '[B] or one-hot rows [B, %d]), got %r.'
                     % (type(layer).__name__, layer.num_classes, inputs))
  return inputs[0], inputs[1]


def _shape_pair(input_shape, layer):
  """The inputs' shape from the shapes `build` gets for `[inputs, labels]`."""
  is_shape = lambda s: isinstance(s, (list, tuple, tf.TensorShape))
  if (not isinstance(input_shape, (list, tuple)) or len(input_shape) != 2
      or not all(is_shape(s) for s in input_shape)):
    raise ValueError('%s is called on [inputs, labels] (labels: class ids '
                     '[B] or one-hot rows [B, %d]), got inputs of shape %s.'
                     % (type(layer).__name__, layer.num_classes,
                        input_shape))
  return tf.TensorShape(input_shape[0])


def _features(features):
  return labels_lib.floating_input(features, 'features', 2, 2)


def _to_float32(outputs):
  return tf.nest.map_structure(lambda t: tf.cast(t, tf.float32), outputs)


class _Part:
  """What the conditional layers share: the package and its Dense layers."""

  # The Keras package (set by keras_layers / tf_keras_layers).
  _K = None
  # Its SpectralNormalization wrapper (tf_keras_layers sets a fixed one).
  _SpectralNormalization = None

  def _dense(self, units, use_bias, spectral_norm, name):
    """A Dense sublayer (of this layer's dtype policy), normalized if asked."""
    layer = self._K.layers.Dense(units, use_bias=use_bias, name=name,
                                 dtype=self.dtype_policy)
    if spectral_norm:
      layer = self._SpectralNormalization(layer, name=name + '_sn',
                                          dtype=self.dtype_policy)
    return layer


class ConditionalBatchNormalization(_Part):
  """Batch normalization with a scale and offset per class.

  See `Modulating early visual processing by language` (de Vries et al.
  2017, https://arxiv.org/abs/1707.00683), as in SNGAN's and BigGAN's
  generators:

    out = gamma[y] * (x - mean) / sqrt(var + epsilon) + beta[y]

  The normalization is the package's own BatchNormalization (without its
  scale and offset: mean and var over all axes but the last, the batch's in
  training and the moving averages otherwise; with `synchronized=True` the
  batch's statistics are the global batch's under a tf.distribute
  strategy). gamma and beta are [num_classes, C] weights, initialized to 1
  and 0, read as one_hot(y) @ table. Called on `[inputs, labels]`.

  Args:
    num_classes: Number of classes K.
    momentum: Moving averages' momentum.
    epsilon: Added to the variance.
    synchronized: Batch statistics over all replicas (use under a
      multi-replica strategy; the same maths as one device).
    **kwargs: Layer arguments (name, dtype, ...).

  Raises:
    TypeError, ValueError: bad num_classes (when built); when called:
      inputs not floating or of rank < 2, unknown channels; labels of the
      wrong rank, class count or batch size.
  """

  def __init__(self, num_classes, momentum=0.99, epsilon=1e-3,
               synchronized=False, **kwargs):
    super().__init__(**kwargs)
    self.num_classes = labels_lib.check_num_classes(num_classes)
    self.momentum = momentum
    self.epsilon = epsilon
    self.synchronized = synchronized
    extra = {'synchronized': True} if synchronized else {}
    self.batch_norm = self._K.layers.BatchNormalization(
        momentum=momentum, epsilon=epsilon, center=False, scale=False,
        name='batch_norm', dtype=self.dtype_policy, **extra)

  def build(self, input_shape):
    inputs_shape = _shape_pair(input_shape, self)
    if inputs_shape.rank is None or inputs_shape[-1] is None:
      raise ValueError('%s: the rank and channels (last axis) of the inputs '
                       'must be known, got shape %s.'
                       % (type(self).__name__, inputs_shape))
    channels = inputs_shape[-1]
    self.gamma = self.add_weight(name='gamma',
                                 shape=(self.num_classes, channels),
                                 initializer='ones')
    self.beta = self.add_weight(name='beta',
                                shape=(self.num_classes, channels),
                                initializer='zeros')
    self.batch_norm.build(tuple(inputs_shape.as_list()))

  def call(self, inputs, training=None):
    x, labels = _pair(inputs, self)
    x = labels_lib.floating_input(x, 'inputs', 2)
    one_hot = labels_lib.one_hot_labels(labels, self.num_classes, x.dtype,
                                        batch_like=x, batch_name='inputs')
    normalized = self.batch_norm(x, training=training)
    shape = [-1] + [1] * (x.shape.rank - 2) + [x.shape[-1]]
    gamma = tf.matmul(one_hot, tf.cast(self.gamma, x.dtype))
    beta = tf.matmul(one_hot, tf.cast(self.beta, x.dtype))
    return normalized * tf.reshape(gamma, shape) + tf.reshape(beta, shape)

  def get_config(self):
    config = super().get_config()
    config.update(num_classes=self.num_classes, momentum=self.momentum,
                  epsilon=self.epsilon, synchronized=self.synchronized)
    return config


class _Head(_Part):
  """A discriminator head: Dense sublayers on features [B, F]."""

  # Whether the head is called on [features, labels] (else on features).
  uses_labels = False

  def __init__(self, num_classes, spectral_norm=True, use_bias=True,
               **kwargs):
    super().__init__(**kwargs)
    self.num_classes = labels_lib.check_num_classes(num_classes)
    self.spectral_norm = bool(spectral_norm)
    self.use_bias = bool(use_bias)

  def _features_shape(self, input_shape):
    shape = (_shape_pair(input_shape, self) if self.uses_labels else
             tf.TensorShape(input_shape))
    if shape.rank != 2 or shape[-1] is None:
      raise ValueError('%s takes features [B, F] with F known, got shape %s.'
                       % (type(self).__name__, shape))
    return shape

  def _inputs(self, inputs):
    """(features, one-hot labels or None) from what the head is called on."""
    if not self.uses_labels:
      return _features(inputs), None
    features, labels = _pair(inputs, self)
    features = _features(features)
    return features, labels_lib.one_hot_labels(
        labels, self.num_classes, features.dtype, batch_like=features)

  def get_config(self):
    config = super().get_config()
    config.update(num_classes=self.num_classes,
                  spectral_norm=self.spectral_norm, use_bias=self.use_bias)
    return config


class ProjectionHead(_Head):
  """The projection discriminator's output, on `[features, labels]`.

  See `cGANs with Projection Discriminator` (Miyato & Koyama 2018,
  https://arxiv.org/abs/1802.05637):

    logit = w . phi + b + <embed(y), phi>

  phi the features [B, F], embed a [num_classes, F] class table (spectral
  normalized, as in SNGAN's and TF-GAN's self-attention example).

  Args:
    num_classes: Number of classes K.
    spectral_norm: Normalize w and the table by their spectral norms.
    use_bias: Add b.
    **kwargs: Layer arguments.

  Returns (when called):
    Logits [B, 1], float32.
  """

  uses_labels = True

  def build(self, input_shape):
    features_shape = self._features_shape(input_shape)
    self.linear = self._dense(1, self.use_bias, self.spectral_norm, 'linear')
    self.class_embedding = self._dense(features_shape[-1], False,
                                       self.spectral_norm, 'class_embedding')
    self.linear.build(tuple(features_shape.as_list()))
    self.class_embedding.build((None, self.num_classes))

  def call(self, inputs, training=None):
    features, one_hot = self._inputs(inputs)
    embedded = self.class_embedding(one_hot, training=training)
    logits = self.linear(features, training=training) + tf.reduce_sum(
        embedded * features, axis=1, keepdims=True)
    return _to_float32(logits)


class ProjectionACHead(ProjectionHead):
  """The projection logit and class logits, for the auxiliary multi-hinge.

  `ProjectionHead` with a linear classifier beside it, as the multi-hinge
  paper's ImageNet critic (Kavalerov et al. 2021,
  https://arxiv.org/abs/1912.04216): logit = w . phi + b + <embed(y), phi>,
  class_logits = V phi + c. Called on `[features, labels]`; arguments as
  `ProjectionHead`.

  Returns (when called):
    {'logits': [B, 1], 'class_logits': [B, K]}, float32.
  """

  def build(self, input_shape):
    super().build(input_shape)
    self.class_linear = self._dense(self.num_classes, self.use_bias,
                                    self.spectral_norm, 'class_linear')
    self.class_linear.build(
        tuple(self._features_shape(input_shape).as_list()))

  def call(self, inputs, training=None):
    features, _ = self._inputs(inputs)
    return {'logits': super().call(inputs, training=training),
            'class_logits': _to_float32(
                self.class_linear(features, training=training))}


class ConcatHead(_Head):
  """Logits of a hidden layer on the features and the one-hot label.

  Conditioning by concatenation (Mirza & Osindero 2014,
  https://arxiv.org/abs/1411.1784) at a hidden layer, the projection
  paper's "hidden concat" (Miyato & Koyama 2018, fig. 1b):

    h = leaky_relu(W [phi, one_hot(y)] + c, 0.2),  logit = w . h + b

  (`graph.concat_head` says why the label must pass a nonlinearity). Called
  on `[features, labels]`.

  Args:
    num_classes: Number of classes K.
    spectral_norm: Normalize W and w by their spectral norms.
    use_bias: Add c and b.
    hidden_units: The width of h.
    **kwargs: Layer arguments.

  Returns (when called):
    Logits [B, 1], float32.
  """

  uses_labels = True

  def __init__(self, num_classes, spectral_norm=True, use_bias=True,
               hidden_units=graph.CONCAT_HIDDEN_UNITS, **kwargs):
    super().__init__(num_classes, spectral_norm, use_bias, **kwargs)
    self.hidden_units = _checks.positive_int(hidden_units, 'hidden_units')

  def build(self, input_shape):
    features_shape = self._features_shape(input_shape)
    self.hidden = self._dense(self.hidden_units, self.use_bias,
                              self.spectral_norm, 'hidden')
    self.linear = self._dense(1, self.use_bias, self.spectral_norm, 'linear')
    self.hidden.build((None, features_shape[-1] + self.num_classes))
    self.linear.build((None, self.hidden_units))

  def call(self, inputs, training=None):
    features, one_hot = self._inputs(inputs)
    hidden = tf.nn.leaky_relu(
        self.hidden(tf.concat([features, one_hot], 1), training=training),
        graph.CONCAT_LEAKY_SLOPE)
    return _to_float32(self.linear(hidden, training=training))

  def get_config(self):
    config = super().get_config()
    config.update(hidden_units=self.hidden_units)
    return config


class ACHead(_Head):
  """A real/fake logit and class logits, for the ACGAN loss.

  See `Conditional Image Synthesis With Auxiliary Classifier GANs` (Odena
  et al. 2017, https://arxiv.org/abs/1610.09585): logit = w . phi + b and
  class_logits = V phi + c. Called on features [B, F].

  Args:
    num_classes: Number of classes K.
    spectral_norm: Normalize w and V by their spectral norms.
    use_bias: Add b and c.
    **kwargs: Layer arguments.

  Returns (when called):
    {'logits': [B, 1], 'class_logits': [B, K]}, float32.
  """

  def build(self, input_shape):
    features_shape = tuple(self._features_shape(input_shape).as_list())
    self.linear = self._dense(1, self.use_bias, self.spectral_norm, 'linear')
    self.class_linear = self._dense(self.num_classes, self.use_bias,
                                    self.spectral_norm, 'class_linear')
    self.linear.build(features_shape)
    self.class_linear.build(features_shape)

  def call(self, inputs, training=None):
    features, _ = self._inputs(inputs)
    return _to_float32({
        'logits': self.linear(features, training=training),
        'class_logits': self.class_linear(features, training=training)})


class MultiHingeHead(_Head):
  """K + 1 class logits, the last for "generated", for the multi-hinge loss.

  See `A Multi-Class Hinge Loss for Conditional GANs` (Kavalerov et al.
  2021, https://arxiv.org/abs/1912.04216), its "K + 1 GAN":
  class_logits = V phi + c. Called on features [B, F].

  Args:
    num_classes: Number of classes K (of real data).
    spectral_norm: Normalize V by its spectral norm.
    use_bias: Add c.
    **kwargs: Layer arguments.

  Returns (when called):
    {'class_logits': [B, K + 1]}, float32.
  """

  def build(self, input_shape):
    features_shape = tuple(self._features_shape(input_shape).as_list())
    self.class_linear = self._dense(self.num_classes + 1, self.use_bias,
                                    self.spectral_norm, 'class_linear')
    self.class_linear.build(features_shape)

  def call(self, inputs, training=None):
    features, _ = self._inputs(inputs)
    return _to_float32(
        {'class_logits': self.class_linear(features, training=training)})


class D2DCEHead(_Head):
  """A logit, an embedding and the label's proxy, for the D2D-CE loss.

  See `Rebooting ACGAN: Auxiliary Classifier GANs with Stable Training`
  (Kang et al. 2021, https://arxiv.org/abs/2111.01118):
  logit = w . phi + b, embedding = U phi + c, proxy = P[y] (the row of a
  [num_classes, E] class table); the loss compares them by cosine
  similarity, so they are returned unnormalized. Called on
  `[features, labels]`.

  Args:
    num_classes: Number of classes K.
    embedding_dims: E.
    spectral_norm: Normalize w, U and P by their spectral norms.
    use_bias: Add b and c.
    **kwargs: Layer arguments.

  Returns (when called):
    {'logits': [B, 1], 'embeddings': [B, E], 'proxies': [B, E]}, float32.
  """

  uses_labels = True

  def __init__(self, num_classes, embedding_dims=512, spectral_norm=True,
               use_bias=True, **kwargs):
    super().__init__(num_classes, spectral_norm, use_bias, **kwargs)
    self.embedding_dims = _checks.positive_int(embedding_dims,
                                               'embedding_dims')

  def build(self, input_shape):
    features_shape = tuple(self._features_shape(input_shape).as_list())
    self.linear = self._dense(1, self.use_bias, self.spectral_norm, 'linear')
    self.embedding_linear = self._dense(
        self.embedding_dims, self.use_bias, self.spectral_norm,
        'embedding_linear')
    self.class_embedding = self._dense(self.embedding_dims, False,
                                       self.spectral_norm, 'class_embedding')
    self.linear.build(features_shape)
    self.embedding_linear.build(features_shape)
    self.class_embedding.build((None, self.num_classes))

  def call(self, inputs, training=None):
    features, one_hot = self._inputs(inputs)
    return _to_float32({
        'logits': self.linear(features, training=training),
        'embeddings': self.embedding_linear(features, training=training),
        'proxies': self.class_embedding(one_hot, training=training)})

  def get_config(self):
    config = super().get_config()
    config.update(embedding_dims=self.embedding_dims)
    return config
