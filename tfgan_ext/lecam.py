# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""LeCam regularization in a TF-GAN graph (`tfgan.gan_train`, GANEstimator).

`tfgan_ext.losses.lecam_penalty` needs two anchors, moving averages of D's
mean output on real and on generated data; this keeps them in variables of
the graph, saved in the checkpoints, and adds the penalty to any
discriminator loss:

  lecam = tfgan_ext.lecam.LeCam(weight=0.3)
  loss = tfgan.gan_loss(model, generator_loss_fn=...,
                        discriminator_loss_fn=lecam.with_penalty(d_loss_fn))

The loss is d_loss_fn's plus `weight * lecam_penalty` against the anchors
moved with this batch's mean outputs
(`tfgan_ext.losses.wargs.lecam_moving_average`), as in the authors' code
(google/lecam-gan). The assignment of the moved
anchors is an update op of the discriminator (graph collection UPDATE_OPS,
under its scope), which `tfgan.gan_train_ops` runs with the discriminator's
train op: once per discriminator step, however often else the loss is
evaluated (summaries, hooks). The anchors and the penalty are summarized as
'lecam_real_anchor', 'lecam_generated_anchor' and 'lecam_penalty'. The Keras
trainer's counterpart is `compile(lecam_weight=...)`.
"""

import tensorflow as tf

from tfgan_ext import _graph_state
from tfgan_ext.losses import _checks
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = ['LeCam']

_v1 = tf.compat.v1


class LeCam:
  """LeCam's anchors and penalty in a TF-1 graph (module docstring).

  Args:
    weight: The penalty's coefficient (> 0; the paper's 0.3).
    decay: The anchors' decay, in [0, 1) (the paper's 0.99).
    start: Discriminator steps before the average starts (until then the
      anchors are the batch means; the authors' 1,000).
    name: Prefix of the state variables' names.

  Raises:
    ValueError: a weight <= 0, a decay outside [0, 1) or a negative start.
  """

  def __init__(self, weight=0.3, decay=0.99, start=1000, name='lecam'):
    _checks.lecam_settings(weight, decay, start)
    self.weight = float(weight)
    self.decay = float(decay)
    self.start = start
    self.name = name
    self._graphs = {}  # graph -> {state name: variable}

  def state(self):
    """This graph's anchors and step count (variables, created once)."""
    return _graph_state.scalar_variables(
        self._graphs, self.name, {'real_anchor': tf.float32,
                                  'generated_anchor': tf.float32,
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
    real = tf.cast(gan_model.discriminator_real_outputs, tf.float32)
    generated = tf.cast(gan_model.discriminator_gen_outputs, tf.float32)
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
    """A GANModel-style discriminator loss plus `weight` times LeCam's penalty.

    The loss is `discriminator_loss_fn(gan_model, **kwargs)` (the gan_loss
    options it cannot take are dropped) + weight * `penalty(gan_model)`.
    """
    def discriminator_loss(gan_model, **kwargs):
      penalty = self.penalty(gan_model, kwargs.get('add_summaries', False))
      return tuple_losses.call_with_options(
          discriminator_loss_fn, gan_model, kwargs) + self.weight * penalty

    discriminator_loss.__name__ = getattr(discriminator_loss_fn, '__name__',
                                          'discriminator_loss') + '_with_lecam'
    return discriminator_loss
