# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""LeCam regularization of the discriminator, for both trainers.

See `Regularizing Generative Adversarial Networks under Limited Data` (Tseng
et al. 2021, https://arxiv.org/abs/2104.03310). Two anchors, moving
averages of D's mean output on real (a_R) and on generated data (a_G), are
kept as state; at each discriminator step they move with this batch's mean
outputs (`tfgan_ext.losses.wargs.lecam_moving_average`), then

  L_D' = L_D + weight * (mean(relu(D(x) - a_G)^2) + mean(relu(a_R - D(G(z)))^2))

against the moved anchors, as in the authors' code (google/lecam-gan).

* TF-GAN: the anchors are variables of the graph (`lecam_real_anchor`,
  `lecam_generated_anchor`, `lecam_steps`), saved in the checkpoints; their
  assignment is an update op of the discriminator (UPDATE_OPS under its
  scope), which `tfgan.gan_train_ops` runs with the discriminator's train
  op: once per discriminator step, however often else the loss is
  evaluated. Summarized as 'lecam_penalty', 'lecam_real_anchor',
  'lecam_generated_anchor'.
* Keras: the anchors are weights of the GANModel; the step's batch means
  are over the global batch (one all-reduce) and every replica assigns the
  same values. Logged as 'lecam_penalty'.
"""

import tensorflow as tf

from tfgan_ext.addons import base
from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = ['LeCam']

_v1 = tf.compat.v1


def _logits(real_outputs, gen_outputs):
  """D's float32 real/fake logits on real and generated data (a conditional
  head's `logits`)."""
  return tuple(tf.cast(discriminator_outputs.logits_of(
      outputs, 'The discriminator output LeCam regularizes'), tf.float32)
               for outputs in (real_outputs, gen_outputs))


class LeCam(base.AddOn):
  """LeCam's anchors and penalty (module docstring).

  Args:
    weight: The penalty's coefficient (> 0; the paper's 0.3).
    decay: The anchors' decay, in [0, 1) (the paper's 0.99).
    start: Discriminator steps before the average starts (until then the
      anchors are the batch means; the authors' 1,000).
    name: Prefix of the state variables' names.

  Raises:
    ValueError: a weight that is not a number > 0, a decay outside [0, 1),
      a start that is not an int >= 0.
    TypeError: a name that is not a string.
  """

  def __init__(self, weight=0.3, decay=0.99, start=1000, name='lecam'):
    _checks.lecam_settings(weight, decay, start)
    if not isinstance(name, str):
      raise TypeError('LeCam name (its variables\' prefix) must be a string, '
                      'got %r.' % (name,))
    self.weight = float(weight)
    self.decay = float(decay)
    self.start = start
    self.name = name
    self._graphs = {}  # graph -> {state name: variable}

  # ------------------------------------------------------------- TF-GAN ---

  def for_tfgan(self, parts):
    """The discriminator loss plus LeCam's penalty (`with_penalty`)."""
    return parts._replace(discriminator_loss_fn=self.with_penalty(
        parts.discriminator_loss_fn))

  def state(self):
    """This graph's anchors and step count (variables, created once)."""
    return base.graph_variables(self._graphs, self.name, {
        'real_anchor': tf.float32, 'generated_anchor': tf.float32,
        'steps': tf.int64})

  def penalty(self, gan_model, add_summaries=False):
    """LeCam's penalty against the anchors moved with this step's outputs.

    The op that stores the moved anchors (and counts the step) goes to
    UPDATE_OPS under `gan_model.discriminator_scope`, for the
    discriminator's train op. It assigns the tensors the penalty uses, so
    the penalty and the stored anchors agree within a step.

    Raises:
      ValueError: a model without a discriminator scope.
    """
    if gan_model.discriminator_scope is None:
      raise ValueError('LeCam needs gan_model.discriminator_scope (as '
                       'tfgan.gan_model sets it): its anchor update runs '
                       "with the discriminator's train op.")
    state = self.state()
    real, generated = _logits(gan_model.discriminator_real_outputs,
                              gan_model.discriminator_gen_outputs)
    step = state['steps'].read_value()
    real_anchor = wargs.lecam_moving_average(
        state['real_anchor'], tf.reduce_mean(real), self.decay, step,
        self.start)
    generated_anchor = wargs.lecam_moving_average(
        state['generated_anchor'], tf.reduce_mean(generated), self.decay,
        step, self.start)
    with _v1.name_scope(gan_model.discriminator_scope.name + '/'):
      update = tf.group(state['real_anchor'].assign(real_anchor),
                        state['generated_anchor'].assign(generated_anchor),
                        state['steps'].assign(step + 1), name='lecam_update')
    _v1.add_to_collection(_v1.GraphKeys.UPDATE_OPS, update)
    penalty = wargs.lecam_penalty(real, generated, real_anchor,
                                  generated_anchor, loss_collection=None)
    if add_summaries:
      _v1.summary.scalar('lecam_penalty', penalty)
      _v1.summary.scalar('lecam_real_anchor', real_anchor)
      _v1.summary.scalar('lecam_generated_anchor', generated_anchor)
    return penalty

  def with_penalty(self, discriminator_loss_fn):
    """A GANModel-style discriminator loss plus `weight` times the penalty.

    The loss is `discriminator_loss_fn(gan_model, **kwargs)` (the gan_loss
    options it cannot take are dropped) + weight * `penalty(gan_model)`.
    """
    def discriminator_loss(gan_model, **kwargs):
      penalty = self.penalty(gan_model, kwargs.get('add_summaries', False))
      return tuple_losses.call_with_options(
          discriminator_loss_fn, gan_model, kwargs) + self.weight * penalty

    return base.named_after(discriminator_loss, discriminator_loss_fn,
                            '_with_lecam')

  # -------------------------------------------------------------- Keras ---

  def for_keras(self, gan):
    return _KerasLeCam(self, gan)


class _KerasLeCam(base.StepPart):
  """LeCam in GANModel's step: the anchors are weights of the model."""

  logged_names = ('lecam_penalty',)

  def __init__(self, addon, gan):
    super().__init__(addon, gan)
    self._real_anchor = gan.flavour.state_variable(
        gan, '%s_real_anchor' % addon.name)
    self._generated_anchor = gan.flavour.state_variable(
        gan, '%s_generated_anchor' % addon.name)

  def discriminator_term(self, tensors, logs):
    """Moves the anchors; returns weight * penalty (this replica's)."""
    real, generated = _logits(tensors['discriminator_real_outputs'],
                              tensors['discriminator_gen_outputs'])
    means = _batch_stats.global_means({
        'real': (tf.reduce_mean(real), tf.cast(tf.size(real), tf.float32)),
        'generated': (tf.reduce_mean(generated),
                      tf.cast(tf.size(generated), tf.float32))})
    step = self.gan.discriminator_optimizer.iterations
    anchors = []
    for variable, side in ((self._real_anchor, 'real'),
                           (self._generated_anchor, 'generated')):
      value = wargs.lecam_moving_average(variable, means[side][0],
                                         self.addon.decay, step,
                                         self.addon.start)
      variable.assign(value)
      anchors.append(value)
    penalty = wargs.lecam_penalty(real, generated, anchors[0], anchors[1],
                                  loss_collection=None)
    base.log(logs, 'lecam_penalty', penalty)
    return self.addon.weight * penalty
