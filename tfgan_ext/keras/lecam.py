# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""LeCam regularization in the Keras train step (`compile(lecam_weight=...)`).

The two anchors (moving averages of D's mean output on real and on generated
data) are weights of the model, saved and restored with it. Each
discriminator step first moves them with this step's outputs, averaged over
the global batch (one all-reduce), by
`tfgan_ext.losses.wargs.lecam_moving_average`, then adds
`weight * lecam_penalty` (against the moved anchors, as the authors' code
does) to the discriminator loss. Every replica computes the
same anchors and assigns them (ONLY_FIRST_REPLICA weights), so they stay
equal across replicas.
"""

import tensorflow as tf

from tfgan_ext.keras import distribute
from tfgan_ext.losses import _checks
from tfgan_ext.losses import wargs

__all__ = ['LeCam']


class LeCam:
  """LeCam's anchors and penalty for one GANModel.

  Args:
    flavour: The model's `KerasVersion`.
    model: The GANModel (it holds the anchors).
    weight: The penalty's coefficient (> 0; the paper's 0.3).
    decay: The anchors' decay, in [0, 1) (the paper's 0.99).
    start: Discriminator steps before the average starts (anchors copy the
      batch means until then; the authors' 1,000).

  Raises:
    ValueError: a weight <= 0, a decay outside [0, 1), a negative start.
  """

  logged_name = 'lecam_penalty'

  def __init__(self, flavour, model, weight, decay, start):
    _checks.lecam_settings(weight, decay, start, prefix='lecam_')
    self.weight = float(weight)
    self.decay = float(decay)
    self.start = start
    self.real_anchor = flavour.state_variable(model, 'lecam_real_anchor')
    self.generated_anchor = flavour.state_variable(model,
                                                   'lecam_generated_anchor')

  def term(self, tensors, step):
    """Moves the anchors; returns (weight * penalty, penalty) of this replica.

    Args:
      tensors: The step's tensors (D's outputs on real and generated data).
      step: The discriminator step being taken (its optimizer's iterations).
    """
    real = tf.cast(tensors['discriminator_real_outputs'], tf.float32)
    generated = tf.cast(tensors['discriminator_gen_outputs'], tf.float32)
    means = distribute.global_means({
        'real': (tf.reduce_mean(real), tf.cast(tf.size(real), tf.float32)),
        'generated': (tf.reduce_mean(generated),
                      tf.cast(tf.size(generated), tf.float32))})
    anchors = []
    for variable, side in ((self.real_anchor, 'real'),
                           (self.generated_anchor, 'generated')):
      value = wargs.lecam_moving_average(variable, means[side][0],
                                         self.decay, step, self.start)
      variable.assign(value)
      anchors.append(value)
    penalty = wargs.lecam_penalty(real, generated, anchors[0], anchors[1],
                                  loss_collection=None)
    return self.weight * penalty, penalty
