# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Conditional parts for TF-1 graphs (`tfgan.gan_model` / `gan_train`).

Functions in TF-GAN's style: each builds its variables with
`tf.compat.v1.get_variable` under its own variable scope, so a network that
calls them is shared between `tfgan.gan_model`'s real and generated calls
(the second runs under `reuse=True`), and custom getters in scope (mixed
precision's float32 variables) apply. Labels: class ids [B] or one-hot
[B, K] (`tfgan_ext.conditional.labels`).

Spectral normalization (Miyato et al. 2018, arXiv:1802.05957): a head with
`spectral_norm=True` divides each of its weight matrices by its spectral
norm, estimated by one power iteration per call
(`tfgan.features.spectral_normalize`, whose persisted vector is updated on
each call, as TF-GAN's custom getter does). Its variables are named `w`,
`b` and `embeddings`, which the default name filter of
`tfgan.features.spectral_normalization_custom_getter` leaves alone: a head
called inside a discriminator built under that getter is normalized once,
by itself.

Heads (`HEADS`, the names of `tfgan_ext.losses.discriminator_outputs.HEADS`,
whose table says what the conditional losses read from each) and what they
return, as `DiscriminatorOutputs` or plain logits:

| head | returns | reads labels |
|---|---|---|
| concat | logits [B, 1] of a hidden layer on [features, one-hot] | yes |
| projection | logits [B, 1] | yes |
| ac | logits [B, 1], class_logits [B, K] | no |
| projection_ac | projection logits [B, 1], class_logits [B, K] | yes |
| multi_hinge | class_logits [B, K + 1] | no |
| d2dce | logits [B, 1], embeddings [B, E], proxies [B, E] | yes |
"""

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.conditional import labels as labels_lib
from tfgan_ext.losses import _checks
from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses.discriminator_outputs import DiscriminatorOutputs

__all__ = ['CONCAT_HIDDEN_UNITS', 'CONCAT_LEAKY_SLOPE', 'HEADS',
           'HEADS_READING_LABELS', 'ac_head', 'concat_head',
           'conditional_batch_norm', 'd2dce_head', 'discriminator_head',
           'multi_hinge_head', 'projection_ac_head', 'projection_head']

_v1 = tf.compat.v1

# Head names, as `discriminator_head` and the SNGAN networks take them: the
# losses' table of heads (what each returns), in its order.
HEADS = tuple(discriminator_outputs.HEADS)
# The heads whose outputs depend on the labels (the others only need them
# in the loss).
HEADS_READING_LABELS = ('concat', 'projection', 'projection_ac', 'd2dce')
# The concat head's hidden layer (graph and Keras): its width and leaky ReLU
# slope (DCGAN's slope; the width is ours: many times the classes, far below
# SNGAN's feature widths).
CONCAT_HIDDEN_UNITS = 256
CONCAT_LEAKY_SLOPE = 0.2


def _features(features):
  return labels_lib.floating_input(features, 'features', 2, 2)


def _matrix(name, shape, dtype, spectral_norm, transpose_for_norm=False):
  """A weight matrix variable, divided by its spectral norm if asked.

  `transpose_for_norm` estimates the norm on the transpose (the same
  singular values; the power iteration's persisted vector then lives in the
  space of the matrix's columns): TF-GAN's `sn_embedding` does so for a
  class embedding, and so does Keras' SpectralNormalization on an
  embedding table, so the three agree step by step.
  """
  weights = _v1.get_variable(
      name, shape, dtype=dtype,
      initializer=_v1.glorot_uniform_initializer())
  if not spectral_norm:
    return weights
  if transpose_for_norm:
    return tf.transpose(tfgan.features.spectral_normalize(
        tf.transpose(weights), equality_constrained=True, training=True,
        name=name + '_spectral_normalize'))
  return tfgan.features.spectral_normalize(
      weights, equality_constrained=True, training=True,
      name=name + '_spectral_normalize')


def _linear(features, units, spectral_norm, use_bias, scope):
  """features @ w (+ b): [B, F] -> [B, units]."""
  with _v1.variable_scope(scope):
    weights = _matrix('w', [features.shape[-1], units], features.dtype,
                      spectral_norm)
    outputs = tf.matmul(features, weights)
    if use_bias:
      outputs += _v1.get_variable('b', [units], dtype=features.dtype,
                                  initializer=_v1.zeros_initializer())
    return outputs


def _class_embedding(one_hot, num_classes, dims, spectral_norm, scope):
  """The rows of a [num_classes, dims] table picked by `one_hot`: [B, dims]."""
  with _v1.variable_scope(scope):
    table = _matrix('embeddings', [num_classes, dims], one_hot.dtype,
                    spectral_norm, transpose_for_norm=True)
    return tf.matmul(one_hot, table)


def conditional_batch_norm(inputs, labels, num_classes, training=True,
                           momentum=0.99, epsilon=1e-3,
                           scope='conditional_batch_norm'):
  """Batch normalization with a scale and offset per class.

  See `Modulating early visual processing by language` (de Vries et al.
  2017, https://arxiv.org/abs/1707.00683), as SNGAN's and BigGAN's
  generators use it:

    out = gamma[y] * (x - mean) / sqrt(var + epsilon) + beta[y]

  mean and var over all axes but the last (the batch's when training, the
  moving averages otherwise), normalized by TF-1's own BatchNormalization
  layer (`tf.compat.v1.layers`, without its scale and offset; its moving
  averages' update ops go to the UPDATE_OPS collection, which
  `tfgan.gan_train_ops` runs); gamma and beta are [num_classes, C] tables,
  initialized to 1 and 0, read as one_hot(y) @ table.

  Args:
    inputs: Floating tensor [B, ..., C] (rank >= 2).
    labels: Class ids [B] or one-hot rows [B, num_classes].
    num_classes: Number of classes K.
    training: Batch statistics (True) or moving averages; a bool or a
      boolean tensor.
    momentum: Moving averages' momentum.
    epsilon: Added to the variance.
    scope: Variable scope of the tables and the normalization.

  Returns:
    A tensor shaped like `inputs`.

  Raises:
    TypeError: `inputs` not floating point; labels neither integer nor
      floating.
    ValueError: `inputs` of rank < 2 or unknown channels; labels of the
      wrong rank, class count or batch size.
  """
  inputs = labels_lib.floating_input(inputs, 'inputs', 2)
  if inputs.shape.rank is None or inputs.shape[-1] is None:
    raise ValueError('conditional_batch_norm: the rank and channels (last '
                     'axis) of `inputs` must be known, got shape %s.'
                     % inputs.shape)
  channels = inputs.shape[-1]
  one_hot = labels_lib.one_hot_labels(labels, num_classes, inputs.dtype,
                                      batch_like=inputs, batch_name='inputs')
  with _v1.variable_scope(scope):
    normalized = _v1.layers.BatchNormalization(
        momentum=momentum, epsilon=epsilon, center=False, scale=False,
        name='batch_norm')(inputs, training=training)
    gamma = _v1.get_variable('gamma', [num_classes, channels],
                             dtype=inputs.dtype,
                             initializer=_v1.ones_initializer())
    beta = _v1.get_variable('beta', [num_classes, channels],
                            dtype=inputs.dtype,
                            initializer=_v1.zeros_initializer())
    shape = [-1] + [1] * (inputs.shape.rank - 2) + [channels]
    return (normalized * tf.reshape(tf.matmul(one_hot, gamma), shape) +
            tf.reshape(tf.matmul(one_hot, beta), shape))


def projection_head(features, labels, num_classes, spectral_norm=True,
                    use_bias=True, scope='projection_head'):
  """The projection discriminator's output.

  See `cGANs with Projection Discriminator` (Miyato & Koyama 2018,
  https://arxiv.org/abs/1802.05637):

    logit = w . phi + b + <embed(y), phi>

  phi the features, embed a [num_classes, F] class embedding table (spectral
  normalized, as in SNGAN's and TF-GAN's self-attention example).

  Args:
    features: Floating [B, F] (e.g. globally pooled activations).
    labels: Class ids [B] or one-hot rows [B, num_classes].
    num_classes: Number of classes K.
    spectral_norm: Normalize w and the table by their spectral norms.
    use_bias: Add b.
    scope: Variable scope.

  Returns:
    Logits [B, 1].

  Raises:
    TypeError, ValueError: as `one_hot_labels` and for features that are
      not floating [B, F].
  """
  features = _features(features)
  one_hot = labels_lib.one_hot_labels(labels, num_classes, features.dtype,
                                      batch_like=features)
  with _v1.variable_scope(scope):
    logits = _linear(features, 1, spectral_norm, use_bias, 'linear')
    embedded = _class_embedding(one_hot, num_classes, features.shape[-1],
                                spectral_norm, 'class_embedding')
    return logits + tf.reduce_sum(embedded * features, axis=1, keepdims=True)


def projection_ac_head(features, labels, num_classes, spectral_norm=True,
                       use_bias=True, scope='projection_ac_head'):
  """The projection logit and class logits, for the auxiliary multi-hinge.

  The projection discriminator (`projection_head`) with a linear classifier
  beside it, as the multi-hinge paper's ImageNet critic (Kavalerov et al.
  2021, https://arxiv.org/abs/1912.04216):
  logit = w . phi + b + <embed(y), phi>, class_logits = V phi + c.

  Args:
    features: Floating [B, F].
    labels: Class ids [B] or one-hot rows [B, num_classes].
    num_classes: Number of classes K.
    spectral_norm: Normalize w, the table and V by their spectral norms.
    use_bias: Add b and c.
    scope: Variable scope.

  Returns:
    DiscriminatorOutputs(logits [B, 1], class_logits [B, K]).
  """
  features = _features(features)
  with _v1.variable_scope(scope):
    return DiscriminatorOutputs(
        logits=projection_head(features, labels, num_classes, spectral_norm,
                               use_bias, scope='projection'),
        class_logits=_linear(features, num_classes, spectral_norm, use_bias,
                             'class_linear'))


def concat_head(features, labels, num_classes, spectral_norm=True,
                use_bias=True, hidden_units=CONCAT_HIDDEN_UNITS,
                scope='concat_head'):
  """Logits [B, 1] of a hidden layer on the features and the one-hot label.

  Conditioning by concatenation (Mirza & Osindero 2014,
  https://arxiv.org/abs/1411.1784) at a hidden layer, the projection
  paper's "hidden concat" (Miyato & Koyama 2018, arXiv:1802.05637, fig. 1b):

    h = leaky_relu(W [phi, one_hot(y)] + c, 0.2),  logit = w . h + b.

  The label must pass a nonlinearity with the features: concatenated just
  before the last linear layer it would only add a term of y alone,
  w . [phi, y] = w_phi . phi + w_y . y, the same for a real and a generated
  image of one label, so the discriminator could not judge whether an image
  fits its label and the generator would get no gradient towards it.

  Args:
    features: Floating [B, F].
    labels: Class ids [B] or one-hot rows [B, num_classes].
    num_classes: Number of classes K.
    spectral_norm: Normalize W and w by their spectral norms.
    use_bias: Add c and b.
    hidden_units: The width of h.
    scope: Variable scope.

  Returns:
    Logits [B, 1].
  """
  features = _features(features)
  hidden_units = _checks.positive_int(hidden_units, 'hidden_units')
  one_hot = labels_lib.one_hot_labels(labels, num_classes, features.dtype,
                                      batch_like=features)
  with _v1.variable_scope(scope):
    hidden = tf.nn.leaky_relu(
        _linear(tf.concat([features, one_hot], 1), hidden_units,
                spectral_norm, use_bias, 'hidden'), CONCAT_LEAKY_SLOPE)
    return _linear(hidden, 1, spectral_norm, use_bias, 'linear')


def ac_head(features, num_classes, spectral_norm=True, use_bias=True,
            scope='ac_head'):
  """A real/fake logit and class logits, for the ACGAN loss.

  See `Conditional Image Synthesis With Auxiliary Classifier GANs` (Odena
  et al. 2017, https://arxiv.org/abs/1610.09585): two linear maps of the
  features, logit = w . phi + b and class_logits = V phi + c.

  Args:
    features: Floating [B, F].
    num_classes: Number of classes K.
    spectral_norm: Normalize w and V by their spectral norms.
    use_bias: Add b and c.
    scope: Variable scope.

  Returns:
    DiscriminatorOutputs(logits [B, 1], class_logits [B, K]).
  """
  features = _features(features)
  num_classes = labels_lib.check_num_classes(num_classes)
  with _v1.variable_scope(scope):
    return DiscriminatorOutputs(
        logits=_linear(features, 1, spectral_norm, use_bias, 'linear'),
        class_logits=_linear(features, num_classes, spectral_norm, use_bias,
                             'class_linear'))


def multi_hinge_head(features, num_classes, spectral_norm=True,
                     use_bias=True, scope='multi_hinge_head'):
  """K + 1 class logits, the last for "generated", for the multi-hinge loss.

  See `A Multi-Class Hinge Loss for Conditional GANs` (Kavalerov et al.
  2021, https://arxiv.org/abs/1912.04216), its "K + 1 GAN":
  class_logits = V phi + c, one row per class and one for generated data.

  Args:
    features: Floating [B, F].
    num_classes: Number of classes K (of real data).
    spectral_norm: Normalize V by its spectral norm.
    use_bias: Add c.
    scope: Variable scope.

  Returns:
    DiscriminatorOutputs(class_logits [B, K + 1]).
  """
  features = _features(features)
  num_classes = labels_lib.check_num_classes(num_classes)
  with _v1.variable_scope(scope):
    return DiscriminatorOutputs(class_logits=_linear(
        features, num_classes + 1, spectral_norm, use_bias, 'class_linear'))


def d2dce_head(features, labels, num_classes, embedding_dims=512,
               spectral_norm=True, use_bias=True, scope='d2dce_head'):
  """A logit, an embedding and the label's proxy, for the D2D-CE loss.

  See `Rebooting ACGAN: Auxiliary Classifier GANs with Stable Training`
  (Kang et al. 2021, https://arxiv.org/abs/2111.01118):
  logit = w . phi + b, embedding = U phi + c, proxy = P[y] (the row of a
  [num_classes, E] class table). The loss compares them by cosine
  similarity; they are returned unnormalized.

  Args:
    features: Floating [B, F].
    labels: Class ids [B] or one-hot rows [B, num_classes].
    num_classes: Number of classes K.
    embedding_dims: E.
    spectral_norm: Normalize w, U and P by their spectral norms.
    use_bias: Add b and c.
    scope: Variable scope.

  Returns:
    DiscriminatorOutputs(logits [B, 1], embeddings [B, E], proxies [B, E]).
  """
  features = _features(features)
  embedding_dims = _checks.positive_int(embedding_dims, 'embedding_dims')
  one_hot = labels_lib.one_hot_labels(labels, num_classes, features.dtype,
                                      batch_like=features)
  with _v1.variable_scope(scope):
    return DiscriminatorOutputs(
        logits=_linear(features, 1, spectral_norm, use_bias, 'linear'),
        embeddings=_linear(features, embedding_dims, spectral_norm, use_bias,
                           'embedding_linear'),
        proxies=_class_embedding(one_hot, num_classes, embedding_dims,
                                 spectral_norm, 'class_embedding'))


def discriminator_head(head, features, labels, num_classes,
                       spectral_norm=True, embedding_dims=512, scope=None):
  """The head named `head` (one of HEADS) on `features`.

  Args:
    head: One of HEADS: 'concat', 'projection', 'ac', 'projection_ac',
      'multi_hinge', 'd2dce'.
    features: Floating [B, F].
    labels: Class ids [B] or one-hot rows [B, num_classes] (ignored by the
      heads that do not read them, 'ac' and 'multi_hinge').
    num_classes: Number of classes K.
    spectral_norm: Normalize the head's weights.
    embedding_dims: E of 'd2dce'.
    scope: Variable scope (default: the head's own, '<head>_head').

  Returns:
    What the head returns (see the module docstring's table).

  Raises:
    ValueError: an unknown head, naming the known ones.
  """
  if head not in HEADS:
    raise ValueError('Unknown discriminator head %r; choose one of: %s.'
                     % (head, ', '.join(HEADS)))
  scope = scope or head + '_head'
  if head in ('ac', 'multi_hinge'):
    fn = ac_head if head == 'ac' else multi_hinge_head
    return fn(features, num_classes, spectral_norm, scope=scope)
  if head == 'd2dce':
    return d2dce_head(features, labels, num_classes, embedding_dims,
                      spectral_norm, scope=scope)
  fn = {'concat': concat_head, 'projection': projection_head,
        'projection_ac': projection_ac_head}[head]
  return fn(features, labels, num_classes, spectral_norm, scope=scope)
