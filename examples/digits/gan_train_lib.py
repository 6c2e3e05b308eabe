# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains the digits DCGAN through TF-GAN's loop (--trainer=gan_train).

`train(hparams)` writes the loop out: `tfgan.gan_model` (or
`tfgan.acgan_model` when conditional), `tfgan.gan_loss` with the loss pair,
penalty and feature matching named by the flags, `tfgan.gan_train_ops` and
`tfgan.gan_train` (through `examples.common.training`, which adds the run's
optimizers, checkpoints, progress and NaN checks), then the evaluation.
--augment wraps the discriminator (`tfgan_ext.augment`: every use of it
sees augmented data) and, for ADA, its loss (p's update,
`tfgan_ext.adaptive_augment`); --generator_ema wraps the generator's
optimizer (`tfgan_ext.averaging`); --lecam_weight adds LeCam regularization
to the discriminator loss (`tfgan_ext.lecam`); top-k training, bCR and zCR
come from `examples.common.regularizers`.
"""

import functools

import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from tfgan_ext import adaptive_augment
from tfgan_ext import augment
from tfgan_ext import lecam
from examples.common import hooks
from examples.common import regularizers
from examples.common import training
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import networks

__all__ = ['Augmentation', 'discriminator_loss_fn', 'generator_loss_fn',
           'train']


class Augmentation:
  """--augment in a TF-GAN graph: the discriminator and its loss.

  Args:
    hparams: The run's HParams (augment, augment_policy, ada_*).
  """

  def __init__(self, hparams):
    self.ada = None
    if hparams.augment == 'ada':
      self.ada = adaptive_augment.AdaptiveAugment(
          hparams.ada_target, hparams.ada_interval, hparams.ada_speed_images)
      self._fn = self.ada.augment
    elif hparams.augment == 'diffaugment':
      augment.parse_policy(hparams.augment_policy)  # Fails early.
      self._fn = functools.partial(augment.diff_augment,
                                   policy=hparams.augment_policy)
    else:
      self._fn = None

  def discriminator_fn(self, discriminator_fn):
    """`discriminator_fn`, seeing augmented data when --augment is on."""
    if self._fn is None:
      return discriminator_fn
    return augment.augmented_discriminator(discriminator_fn, self._fn)

  def discriminator_loss_fn(self, discriminator_loss_fn):
    """The loss, carrying ADA's update of p under --augment=ada."""
    if self.ada is None:
      return discriminator_loss_fn
    return self.ada.with_update(discriminator_loss_fn)


def generator_loss_fn(hparams):
  """The generator loss: adversarial (top-k), feature matching, or the sum.

  Raises:
    ValueError: feature matching alone without a weight, top-k without the
      adversarial loss or with a loss it cannot restrict.
  """
  adversarial = tfgan_ext.losses.get(hparams.gan_loss).generator_loss_fn
  if hparams.top_k_epoch_steps and not hparams.adversarial_generator_loss:
    raise ValueError('--top_k_epoch_steps restricts the adversarial '
                     'generator loss; --noadversarial_generator_loss drops '
                     'it.')
  # Top-k and zCR's generator term.
  adversarial = regularizers.generator_loss_fn(hparams, adversarial)
  weight = hparams.feature_matching_weight
  if not weight:
    if not hparams.adversarial_generator_loss:
      raise ValueError('--noadversarial_generator_loss needs '
                       '--feature_matching_weight > 0.')
    return adversarial
  features = networks.features_fn(hparams)
  if hparams.adversarial_generator_loss:
    return tfgan_ext.losses.with_feature_matching(adversarial, features,
                                                  weight)

  def feature_matching_only(gan_model, **kwargs):
    return weight * tfgan_ext.losses.feature_matching_loss(
        gan_model, features, add_summaries=kwargs.get('add_summaries', False))
  return feature_matching_only


def discriminator_loss_fn(hparams, augmented):
  """The discriminator loss of hparams.gan_loss plus hparams.penalty.

  And plus zCR and bCR (`examples.common.regularizers`) and LeCam
  regularization with --lecam_weight (`tfgan_ext.lecam`).

  Args:
    hparams: The run's HParams.
    augmented: The run's `Augmentation` (ADA's update rides on the loss).
  """
  loss = tfgan_ext.losses.with_penalty(
      tfgan_ext.losses.get(hparams.gan_loss).discriminator_loss_fn,
      hparams.penalty, hparams.penalty_weight, hparams.penalty_every)
  loss = regularizers.discriminator_loss_fn(
      hparams, loss, functools.partial(augment.diff_augment,
                                       policy=hparams.bcr_augment))
  if hparams.lecam_weight:
    loss = lecam.LeCam(hparams.lecam_weight, hparams.lecam_decay,
                       hparams.lecam_start).with_penalty(loss)
  return augmented.discriminator_loss_fn(loss)


def train(hparams):
  """Trains with tfgan.gan_train, then (if hparams.eval) evaluates.

  Args:
    hparams: A digits train_lib.HParams (validated).

  Returns:
    The eval result dict when evaluated, else None.

  Raises:
    ValueError: feature matching alone without a weight.
    training.NonFiniteLossError: a loss went NaN or infinite.
    training.RunMismatchError: train_log_dir holds another run.
  """
  generator_loss = generator_loss_fn(hparams)  # Validates before building.
  augmented = Augmentation(hparams)
  with training.graph_for(hparams):
    with tf.name_scope('inputs'), tf.device('/cpu:0'):
      images, one_hot = data_provider.provide_data(
          hparams.dataset, hparams.batch_size, seed=hparams.seed,
          data_dir=hparams.data_dir, download=hparams.tfds_download,
          fraction=hparams.train_fraction)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    if hparams.conditional:
      gan_model = tfgan.acgan_model(
          generator_fn=networks.generator_fn(hparams),
          discriminator_fn=augmented.discriminator_fn(
              networks.discriminator_fn(hparams)),
          real_data=images,
          generator_inputs=(noise, one_hot),
          one_hot_labels=one_hot)
      auxiliary = {'aux_cond_generator_weight': 1.0,
                   'aux_cond_discriminator_weight': 1.0}
    else:
      gan_model = tfgan.gan_model(
          generator_fn=networks.generator_fn(hparams),
          discriminator_fn=augmented.discriminator_fn(
              networks.discriminator_fn(hparams)),
          real_data=images,
          generator_inputs=noise)
      auxiliary = {}
    tfgan.eval.add_gan_model_image_summaries(gan_model, hparams.grid_size)
    with tf.name_scope('loss'):
      gan_loss = tfgan.gan_loss(
          gan_model,
          generator_loss_fn=generator_loss,
          discriminator_loss_fn=discriminator_loss_fn(hparams, augmented),
          add_summaries=True, **auxiliary)
    if augmented.ada is not None:
      tf.compat.v1.add_to_collection(hooks.PROGRESS, augmented.ada.p)
    train_ops = training.gan_train_ops(hparams, gan_model, gan_loss)
    step = training.gan_train(hparams, train_ops)
  if step is None or not hparams.eval:
    return None
  return eval_lib.evaluate(hparams, seed=hparams.seed)
