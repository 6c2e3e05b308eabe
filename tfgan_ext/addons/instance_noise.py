# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Instance noise with an annealed standard deviation, for both trainers.

See `Amortised MAP Inference for Image Super-resolution` (Sønderby et al.
2016, https://arxiv.org/abs/1610.04490, section 3.2 and appendix C) and
`Towards Principled Methods for Training Generative Adversarial Networks`
(Arjovsky & Bottou 2017, https://arxiv.org/abs/1701.04862, section 3): the
real and the generated distributions may not overlap, so the discriminator
can separate them perfectly and its gradients vanish; adding the same
Gaussian noise to both makes them overlap. Every input of the
discriminator (real and generated data, and the penalties'
re-applications) becomes

  x + sigma_t * n,   n ~ N(0, I),   sigma_t = stddev * max(0, 1 - t / anneal_steps)

with t the generator step (TF-GAN: the global step, the same for both
players' updates of a step; Keras: the generator optimizer's `iterations`
when the discriminator is called, so with the default order the
discriminator's update, which follows the generator's, sees t + 1): the
noise is annealed linearly to zero, as Sønderby et al. anneal it, so the end
of training sees the data as they are. The noise is drawn anew for every call; the generator learns through
it (it is added, not multiplied).

* TF-GAN: the discriminator function is wrapped; sigma_t is summarized as
  'instance_noise_stddev'.
* Keras: every discriminator input gets the noise; sigma_t is logged as
  'instance_noise_stddev'.
"""

import tensorflow as tf

from tfgan_ext.addons import base
from tfgan_ext.losses import _checks

__all__ = ['InstanceNoise']

_v1 = tf.compat.v1


class InstanceNoise(base.AddOn):
  """Annealed Gaussian instance noise on the discriminator's inputs.

  Args:
    stddev: sigma_0, the noise's standard deviation at step 0 (> 0; in the
      data's units, e.g. 0.1 for images in [-1, 1]).
    anneal_steps: Generator steps over which sigma falls linearly to 0 (an
      int >= 1; e.g. the run's length).

  Raises:
    ValueError: stddev <= 0 or not finite, anneal_steps < 1.
    TypeError: a non-int anneal_steps.
  """

  def __init__(self, stddev=0.1, anneal_steps=10000):
    if not _checks.is_real(stddev) or (
        not 0 < stddev < float('inf')):
      raise ValueError('InstanceNoise stddev must be a finite number > 0, '
                       'got %r.' % (stddev,))
    _checks.positive_int(anneal_steps, 'InstanceNoise anneal_steps')
    self.stddev = float(stddev)
    self.anneal_steps = anneal_steps
    self._summarized = set()  # Graphs with the summary.

  def stddev_at(self, step):
    """sigma_t at generator step `step` (a float32 scalar tensor)."""
    remaining = 1.0 - tf.cast(step, tf.float32) / float(self.anneal_steps)
    return self.stddev * tf.maximum(remaining, 0.0)

  def noisy(self, data, step):
    """`data` + sigma_t * N(0, I), the noise in `data`'s dtype."""
    data = tf.convert_to_tensor(data)
    noise = tf.random.normal(tf.shape(data), dtype=data.dtype)
    return data + tf.cast(self.stddev_at(step), data.dtype) * noise

  # ------------------------------------------------------------- TF-GAN ---

  def for_tfgan(self, parts):
    """The discriminator sees noisy data (sigma_t from the global step)."""
    discriminator_fn = parts.discriminator_fn

    def discriminator(data, generator_inputs):
      step = base.global_step()
      self._summarize(step)
      with _v1.name_scope('instance_noise'):
        data = self.noisy(data, step)
      return discriminator_fn(data, generator_inputs)

    return parts._replace(discriminator_fn=base.named_after(
        discriminator, discriminator_fn))

  def _summarize(self, step):
    """One summary of sigma_t per graph, outside any control flow."""
    with tf.init_scope():
      graph = _v1.get_default_graph()
      if graph not in self._summarized:
        self._summarized.add(graph)
        with graph.name_scope(None):
          _v1.summary.scalar('instance_noise_stddev', self.stddev_at(step))

  # -------------------------------------------------------------- Keras ---

  def for_keras(self, gan):
    return _KerasInstanceNoise(self, gan)


class _KerasInstanceNoise(base.StepPart):
  """Instance noise in GANModel's step (sigma_t from the generator steps)."""

  logged_names = ('instance_noise_stddev',)

  def discriminator_input(self, data):
    return self.addon.noisy(data, self.gan.optimizer.iterations)

  def after_discriminator_step(self, tensors, logs):
    del tensors
    base.log(logs, 'instance_noise_stddev',
             self.addon.stddev_at(self.gan.optimizer.iterations))
