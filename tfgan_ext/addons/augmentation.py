# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the discriminator sees: DiffAugment, ADA or your augmentation, for both trainers.

Every use of the discriminator sees augmented data: real and generated data
in its loss, generated data in the generator's, and the penalties'
re-applications (R1 on augmented real data, as ADA computes it). The
operations are differentiable (`tfgan_ext.augment`), so the generator
learns through them.

* `DiffAugment(policy)`: Zhao et al. 2020, `Differentiable Augmentation for
  Data-Efficient GAN Training` (https://arxiv.org/abs/2006.10738),
  `augment.diff_augment`.
* `ADA(target, interval, speed_images)`: Karras et al. 2020, `Training
  Generative Adversarial Networks with Limited Data`
  (https://arxiv.org/abs/2006.06676): `augment.ada_augment(images, p)` with
  an adaptive p. After each discriminator step the signs of D's outputs on
  the (augmented) real batch are added up; every `interval` steps p moves by
  `augment.ada_adjustment` towards E[sign(D(x_real))] = target, at most from
  0 to 1 in `speed_images` real images. In a TF-GAN graph p and its counters
  are variables (`ada_p`, ...) updated by an update op of the discriminator
  (run by `tfgan.gan_train_ops` with its train op), summarized as 'ada_p'
  and put in the `base.PROGRESS` collection; in Keras they are weights of
  the model, the signs summed over all replicas, logged as 'ada_p'.
* `Augmentation(fn)`: your `fn(data)`, applied as it is.
"""

import functools

import tensorflow as tf

from tfgan_ext import augment
from tfgan_ext.addons import base
from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import tuple_losses

__all__ = ['ADA', 'Augmentation', 'DiffAugment']

_v1 = tf.compat.v1
_ADA_STATE = ('p', 'sign_sum', 'image_count', 'steps')


def _logits(outputs):
  """D's real/fake logits in its outputs (a conditional head's `logits`)."""
  return discriminator_outputs.logits_of(
      outputs, "The discriminator output ADA's p is adjusted by")


def _check_images(spec, what):
  if spec[1].shape.rank != 4:
    raise ValueError(
        '%s needs images, real_data of shape [batch, height, width, '
        'channels]; got shape %s. Use Augmentation(fn) with your own '
        'fn(data) for other data.' % (what, spec[1].shape))


class Augmentation(base.AddOn):
  """The discriminator sees `fn(data)` (a function of yours).

  Args:
    fn: `fn(data)` -> augmented data of the same shape.

  Raises:
    TypeError: `fn` is not callable.
  """

  def __init__(self, fn):
    if not callable(fn):
      raise TypeError('Augmentation needs a function of the data, got %r.'
                      % (fn,))
    self.fn = fn

  def __call__(self, data):
    return self.fn(data)

  def for_tfgan(self, parts):
    return parts._replace(discriminator_fn=augment.augmented_discriminator(
        parts.discriminator_fn, self))

  def for_keras(self, gan):
    return _KerasAugmentation(self, gan)


class DiffAugment(Augmentation):
  """DiffAugment with the given policies (module docstring).

  Args:
    policy: Comma-separated subset of 'color', 'translation', 'cutout'.

  Raises:
    ValueError: an unknown policy (the message lists the valid ones).
  """

  def __init__(self, policy='color,translation,cutout'):
    augment.parse_policy(policy)  # ValueError listing the policies.
    super().__init__(functools.partial(augment.diff_augment, policy=policy))
    self.policy = policy

  def _settings(self):
    return {'policy': self.policy}


class _KerasAugmentation(base.StepPart):

  def check_data(self, spec):
    if isinstance(self.addon, DiffAugment):
      _check_images(spec, 'DiffAugment')

  def discriminator_input(self, data):
    return self.addon(data)


class ADA(base.AddOn):
  """ADA's pipeline with its probability p adapted (module docstring).

  Args:
    target: ADA's target for r = E[sign(D(x_real))] (the paper's 0.6).
    interval: Discriminator steps between adjustments of p (the paper's 4).
    speed_images: Real images over which p may move by 1 (the paper's 500k).
    name: Prefix of the state variables' names.

  Raises:
    ValueError / TypeError: an interval that is not an int >= 1, a speed
      that is not a number > 0, a target that is not a number in [0, 1], a
      name that is not a string.
  """

  def __init__(self, target=augment.ADA_TARGET, interval=4,
               speed_images=500_000, name='ada'):
    _checks.positive_int(interval, 'ADA interval')
    if not _checks.is_real(speed_images) or not speed_images > 0:
      raise ValueError('ADA speed_images must be a number > 0, got %r.'
                       % (speed_images,))
    if not _checks.is_real(target) or not 0.0 <= target <= 1.0:
      raise ValueError('ADA target must be a number in [0, 1], got %r.'
                       % (target,))
    if not isinstance(name, str):
      raise TypeError('ADA name (its variables\' prefix) must be a string, '
                      'got %r.' % (name,))
    self.target = float(target)
    self.interval = interval
    self.speed_images = float(speed_images)
    self.name = name
    self._graphs = {}  # graph -> {state name: variable}
    self._reads = {}  # graph -> p as read in a step of it

  def adjusted(self, state, real_signs, real_count):
    """The new (p, sign_sum, image_count, steps) after one step.

    Args:
      state: {name: current value} of p, sign_sum, image_count, steps.
      real_signs: Sum of sign(D(x_real)) over this step's real batch.
      real_count: Real images in this step's batch.
    """
    sign_sum = state['sign_sum'] + real_signs
    image_count = state['image_count'] + real_count
    steps = state['steps'] + 1.0
    ready = tf.equal(tf.math.floormod(steps, float(self.interval)), 0.0)
    p = augment.ada_adjustment(
        state['p'], sign_sum / tf.maximum(image_count, 1.0), image_count,
        self.speed_images, self.target)
    return (tf.where(ready, p, state['p']),
            tf.where(ready, 0.0, sign_sum),
            tf.where(ready, 0.0, image_count), steps)

  # ------------------------------------------------------------- TF-GAN ---

  def for_tfgan(self, parts):
    """The discriminator sees ADA's augmentation; its loss updates p."""
    return parts._replace(
        discriminator_fn=self.discriminator_fn(parts.discriminator_fn),
        discriminator_loss_fn=self.with_update(parts.discriminator_loss_fn))

  def _state(self):
    return base.graph_variables(self._graphs, self.name,
                                {name: tf.float32 for name in _ADA_STATE})

  @property
  def p(self):
    """The augmentation probability (a variable of the current graph)."""
    return self._state()['p']

  def _p_read(self):
    """p as read once per step (session run) of the current graph.

    Every augmentation of a step (the losses', the penalties'
    re-applications) and p's update use this one read, so they all see p
    before the update, whatever order the session runs them in.
    """
    state = self._state()
    with tf.init_scope():
      graph = _v1.get_default_graph()
      if graph not in self._reads:
        self._reads[graph] = tf.identity(state['p'], name=self.name + '_p_read')
      return self._reads[graph]

  def augment(self, images):
    """`augment.ada_augment(images, p)`."""
    return augment.ada_augment(images, self._p_read())

  def discriminator_fn(self, discriminator_fn):
    """`discriminator_fn` that sees augmented data (for tfgan.gan_model)."""
    return augment.augmented_discriminator(discriminator_fn, self.augment)

  def update(self, discriminator_real_outputs, after=()):
    """The op that adds a batch's signs and adjusts p every `interval` steps.

    Args:
      discriminator_real_outputs: D's outputs on the (augmented) real batch
        (of a conditional head's outputs, its real/fake `logits`).
      after: Other tensors that read p this step (D's outputs on generated
        data): the update waits for them.
    """
    state = self._state()
    real = _logits(discriminator_real_outputs)
    after = [_logits(outputs) for outputs in after]
    with tf.control_dependencies(after + [real]):
      outputs = tf.cast(real, tf.float32)
      new = self.adjusted(dict(state, p=self._p_read()),
                          tf.reduce_sum(tf.sign(outputs)),
                          tf.cast(tf.shape(outputs)[0], tf.float32))
    # Every state read is upstream of `new`: no assignment runs before them.
    with tf.control_dependencies(new):
      return tf.group(*[state[name].assign(value)
                        for name, value in zip(_ADA_STATE, new)],
                      name='ada_update')

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
      if not any(v is self.p for v in _v1.get_collection(base.PROGRESS)):
        _v1.add_to_collection(base.PROGRESS, self.p)
      if kwargs.get('add_summaries', False):
        _v1.summary.scalar('ada_p', self.p)
      return tuple_losses.call_with_options(discriminator_loss_fn, gan_model,
                                            kwargs)

    return base.named_after(discriminator_loss, discriminator_loss_fn,
                            '_with_ada')

  # -------------------------------------------------------------- Keras ---

  def for_keras(self, gan):
    return _KerasADA(self, gan)


class _KerasADA(base.StepPart):
  """ADA in GANModel's step: p and its counters are weights of the model."""

  logged_names = ('ada_p',)

  def __init__(self, addon, gan):
    super().__init__(addon, gan)
    self._state = {name: gan.flavour.state_variable(
        gan, '%s_%s' % (addon.name, name)) for name in _ADA_STATE}

  def check_data(self, spec):
    _check_images(spec, 'ADA')

  def discriminator_input(self, data):
    return augment.ada_augment(data, self._state['p'])

  def after_discriminator_step(self, tensors, logs):
    """Adds this step's signs (all replicas); adjusts p every interval."""
    outputs = tf.cast(tf.stop_gradient(
        _logits(tensors['discriminator_real_outputs'])), tf.float32)
    signs = tf.reduce_sum(tf.sign(outputs))
    count = tf.cast(tf.shape(outputs)[0], tf.float32)
    context = _batch_stats.replica_context()
    if context is not None:
      signs, count = context.all_reduce(tf.distribute.ReduceOp.SUM,
                                        [signs, count])
    used = tf.identity(self._state['p'])
    new = self.addon.adjusted(self._state, signs, count)
    # Assigned on every step, outside any tf.cond: under tf.distribute each
    # replica computes the same values and the first replica's are kept.
    for name, value in zip(_ADA_STATE, new):
      self._state[name].assign(value)
    base.log(logs, 'ada_p', used)
