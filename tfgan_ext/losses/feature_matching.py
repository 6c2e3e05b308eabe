# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Adding feature matching to any generator loss, and Keras features.

How the features are obtained: the caller gives a `features_fn(data,
generator_inputs)` returning an intermediate discriminator layer for a batch
of data. `feature_matching_loss(gan_model, features_fn)` calls it twice, on
`gan_model.real_data` and on `gan_model.generated_data`, both under
`tf.compat.v1.variable_scope(gan_model.discriminator_scope, reuse=True)`:

* TF-1-style discriminator: write the trunk of `discriminator_fn` as its own
  function with explicitly named layers and use it as `features_fn`; under
  the reused scope its layers are the discriminator's own variables::

    def trunk(x, unused_inputs):
      return tf.compat.v1.layers.dense(x, 64, tf.nn.relu, name='hidden')
    def discriminator_fn(x, inputs):
      return tf.compat.v1.layers.dense(trunk(x, inputs), 1, name='logit')

* Keras discriminator: `keras_layer_features(model, 'layer_name')` returns a
  `features_fn` built on the sub-model `tf.keras.Model(model.inputs,
  model.get_layer('layer_name').output)`, which shares the model's weights
  (the variable scope does not matter to it; `generator_inputs` is ignored
  unless `pass_generator_inputs=True`). For `tfgan.gan_model` to list the
  Keras model's weights as `discriminator_variables`, build the model under
  `tf.compat.v1.variable_scope('Discriminator')` (or on the first call of
  `discriminator_fn`); tests/losses show both.

`with_feature_matching(generator_loss_fn, features_fn, weight)` returns a
GANModel-style generator loss `adversarial + weight * feature_matching`, for
`tfgan.gan_loss(model, generator_loss_fn=...)`. The loss itself is
`losses_impl.feature_matching_loss` (argument style) and
`tuple_losses.feature_matching_loss` (GANModel style).
"""


import tensorflow as tf

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import tuple_losses

__all__ = [
    'keras_layer_features',
    'with_feature_matching',
]

_LOSSES = _reduction.LOSSES


def keras_layer_features(model, layer_name, pass_generator_inputs=False):
  """Returns a `features_fn` reading layer `layer_name` of a Keras model.

  Args:
    model: A built functional or Sequential `tf.keras.Model` (the
      discriminator, or one whose layers the discriminator uses).
    layer_name: Name of the layer whose output is the feature.
    pass_generator_inputs: If True the sub-model is called on
      `[data, generator_inputs]` (a conditional discriminator with two
      inputs); otherwise on `data` alone.

  Returns:
    `features_fn(data, generator_inputs)`.

  Raises:
    ValueError: if the model has no layer `layer_name` (naming the layers).
  """
  try:
    layer = model.get_layer(layer_name)
  except ValueError:
    raise ValueError('Keras model %r has no layer %r; its layers are %s.'
                     % (model.name, layer_name,
                        [l.name for l in model.layers])) from None
  sub_model = tf.keras.Model(model.inputs, layer.output,
                             name='%s_%s_features' % (model.name, layer_name))

  def features_fn(data, generator_inputs):
    if pass_generator_inputs:
      return sub_model([data, generator_inputs])
    return sub_model(data)

  features_fn.__name__ = '%s_features' % layer_name
  features_fn.sub_model = sub_model
  return features_fn


def with_feature_matching(generator_loss_fn, features_fn, weight=1.0):
  """Adds `weight` * feature matching to a GANModel-style generator loss.

  L_G' = generator_loss_fn(gan_model, **kwargs)
         + weight * feature_matching_loss(gan_model, features_fn)

  The result drops into `tfgan.gan_loss(model, generator_loss_fn=...)`:
  keyword arguments (`reduction`, `add_summaries`, the loss's own
  hyperparameters) go to `generator_loss_fn`. The feature matching term is
  always the mean over features (a scalar, added to per-example losses when
  `reduction=NONE`), is added to `loss_collection` (weighted) once, and is
  summarized when `add_summaries` is True.

  Args:
    generator_loss_fn: A GANModel-style generator loss, e.g.
      `tfgan_ext.losses.hinge_generator_loss`.
    features_fn: As for `feature_matching_loss`.
    weight: Python float or scalar tensor multiplying the feature term.

  Returns:
    `fn(gan_model, **kwargs)` -> loss tensor.

  Raises:
    TypeError: if `generator_loss_fn` or `features_fn` is not callable.
  """
  for arg, value in (('generator_loss_fn', generator_loss_fn),
                     ('features_fn', features_fn)):
    if not callable(value):
      raise TypeError('`%s` must be callable, got %r.' % (arg, value))

  def generator_loss_with_feature_matching(gan_model, **kwargs):
    adversarial = tuple_losses.call_with_options(generator_loss_fn, gan_model,
                                                 kwargs)
    loss_collection = kwargs.get('loss_collection', _LOSSES)
    features = tuple_losses.feature_matching_loss(
        gan_model, features_fn, loss_collection=None,
        add_summaries=kwargs.get('add_summaries', False))
    term = weight * features
    tf.compat.v1.losses.add_loss(term, loss_collection)
    return adversarial + term

  name = getattr(generator_loss_fn, '__name__', 'generator_loss')
  generator_loss_with_feature_matching.__name__ = (
      name + '_with_feature_matching')
  generator_loss_with_feature_matching.__doc__ = (
      '`%s` + %s * feature matching (see with_feature_matching).'
      % (name, weight))
  return generator_loss_with_feature_matching
