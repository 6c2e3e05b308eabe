# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""ADA's adaptive augmentation probability in a TF-GAN graph.

`tfgan_ext.augment` has ADA's pipeline (`ada_augment(images, p)`) and its
update rule (`ada_adjustment`); this keeps p (and what it is measured on) in
variables of a `tfgan.gan_train` or GANEstimator graph, saved in the
checkpoints:

  ada = tfgan_ext.adaptive_augment.AdaptiveAugment(speed_images=20000)
  model = tfgan.gan_model(generator_fn, ada.discriminator_fn(discriminator_fn),
                          real_data, generator_inputs)
  loss = tfgan.gan_loss(model, generator_loss_fn=...,
                        discriminator_loss_fn=ada.with_update(d_loss_fn))

Every use of the discriminator then sees `ada_augment(data, p)`. The
discriminator loss brings p's update, an update op of the discriminator
(UPDATE_OPS under its scope, run by `tfgan.gan_train_ops` with its train
op): at each discriminator step the signs of D's outputs on the real batch
are added up,
and every `interval` steps p moves by `ada_adjustment` towards
E[sign(D(x_real))] = `target`. p is summarized as 'ada_p'.
"""

import tensorflow as tf

from tfgan_ext import _graph_state
from tfgan_ext import augment
from tfgan_ext.losses import _checks
from tfgan_ext.losses import tuple_losses

__all__ = ['AdaptiveAugment']

_v1 = tf.compat.v1
_STATE = ('p', 'sign_sum', 'image_count', 'steps')


class AdaptiveAugment:
  """ADA's p and its update in a TF-1 graph (module docstring).

  Args:
    target: ADA's target for r = E[sign(D(x_real))] (the paper's 0.6).
    interval: Discriminator steps between adjustments (the paper's 4).
    speed_images: Real images over which p may move by 1 (the paper's
      500k).
    name: Prefix of the state variables' names.

  Raises:
    ValueError / TypeError: for an interval that is not an int >= 1 or a
      speed that is not positive.
  """

  def __init__(self, target=augment.ADA_TARGET, interval=4,
               speed_images=500_000, name='ada'):
    _checks.positive_int(interval, 'interval')
    if not float(speed_images) > 0:
      raise ValueError('speed_images must be > 0, got %r.' % (speed_images,))
    self.target = float(target)
    self.interval = interval
    self.speed_images = float(speed_images)
    self.name = name
    self._graphs = {}  # graph -> {state name: variable}

  def _state(self):
    """This graph's state variables (created at the top of the graph)."""
    return _graph_state.scalar_variables(
        self._graphs, self.name, {name: tf.float32 for name in _STATE})

  @property
  def p(self):
    """The augmentation probability (a variable of the current graph)."""
    return self._state()['p']

  def augment(self, images):
    """`augment.ada_augment(images, p)`."""
    return augment.ada_augment(images, self.p)

  def discriminator_fn(self, discriminator_fn):
    """`discriminator_fn` that sees augmented data (for tfgan.gan_model)."""
    return augment.augmented_discriminator(discriminator_fn, self.augment)

  def update(self, discriminator_real_outputs, after=()):
    """The op that adds a batch's signs and adjusts p every `interval` steps.

    Args:
      discriminator_real_outputs: D's outputs on the (augmented) real batch.
      after: Other tensors that read p this step (D's outputs on generated
        data): the update waits for them.
    """
    state = self._state()
    with tf.control_dependencies(list(after) + [discriminator_real_outputs]):
      return self._update(state, discriminator_real_outputs)

  def _update(self, state, discriminator_real_outputs):
    outputs = tf.cast(discriminator_real_outputs, tf.float32)
    sign_sum = state['sign_sum'] + tf.reduce_sum(tf.sign(outputs))
    image_count = state['image_count'] + tf.cast(tf.shape(outputs)[0],
                                                 tf.float32)
    steps = state['steps'] + 1.0
    ready = tf.equal(tf.math.floormod(steps, float(self.interval)), 0.0)
    adjusted = augment.ada_adjustment(
        state['p'], sign_sum / tf.maximum(image_count, 1.0), image_count,
        self.speed_images, self.target)
    return tf.group(
        state['p'].assign(tf.where(ready, adjusted, state['p'])),
        state['sign_sum'].assign(tf.where(ready, 0.0, sign_sum)),
        state['image_count'].assign(tf.where(ready, 0.0, image_count)),
        state['steps'].assign(steps), name='ada_update')

  def with_update(self, discriminator_loss_fn):
    """A GANModel-style discriminator loss that also updates p.

    The loss is `discriminator_loss_fn(gan_model, **kwargs)` (the gan_loss
    options it cannot take are dropped); `update` on
    `gan_model.discriminator_real_outputs` goes to UPDATE_OPS under the
    discriminator's scope, so `tfgan.gan_train_ops` runs it with the
    discriminator's train op: once per discriminator step, not at every
    evaluation of the loss (summaries, hooks).

    Raises:
      ValueError: (from the loss) a model without a discriminator scope.
    """
    def discriminator_loss(gan_model, **kwargs):
      if gan_model.discriminator_scope is None:
        raise ValueError('ADA needs gan_model.discriminator_scope (as '
                         "tfgan.gan_model sets it): p's update runs with the "
                         "discriminator's train op.")
      with _v1.name_scope(gan_model.discriminator_scope.name + '/'):
        update = self.update(gan_model.discriminator_real_outputs,
                             after=[gan_model.discriminator_gen_outputs])
      _v1.add_to_collection(_v1.GraphKeys.UPDATE_OPS, update)
      if kwargs.get('add_summaries', False):
        _v1.summary.scalar('ada_p', self.p)
      return tuple_losses.call_with_options(discriminator_loss_fn, gan_model,
                                            kwargs)

    discriminator_loss.__name__ = getattr(discriminator_loss_fn, '__name__',
                                          'discriminator_loss') + '_with_ada'
    return discriminator_loss
