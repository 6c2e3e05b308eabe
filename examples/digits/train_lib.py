# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains a DCGAN-style GAN on small digit images (unconditional or ACGAN)."""

import functools

import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.common import losses
from examples.common import training
from examples.digits import data_provider
from examples.digits import networks

__all__ = ['HParams', 'TRAINERS', 'discriminator_fn', 'features_fn',
           'generator_fn', 'generator_loss_fn', 'train']

_Field = hparams_lib.Field

TRAINERS = ('gan_train', 'estimator', 'keras')

# The one source of digits' defaults (flags, tests and benchmarks read them),
# shared by every loss.
HParams = hparams_lib.hparams_class('HParams', hparams_lib.common_fields(
    max_number_of_steps=3000, save_summaries_steps=200) + (
        _Field('dataset', 'digits', 'digits: scikit-learn 8x8 (offline); '
               'others via tensorflow_datasets.',
               choices=data_provider.DATASETS),
        _Field('data_dir', None, 'tensorflow_datasets data directory.',
               resumable=True),
        _Field('tfds_download', False,
               'Let tensorflow_datasets download the data set.',
               resumable=True),
        _Field('noise_dims', 32, 'Generator noise dimension.', lower_bound=1),
        _Field('generator_channels', 64, 'Generator width.', lower_bound=1),
        _Field('discriminator_channels', 64, 'Discriminator width.',
               lower_bound=1),
        _Field('conditional', False,
               'Class-conditional ACGAN (tfgan.acgan_model).'),
        _Field('feature_matching_weight', 0.0, 'If > 0, add this times '
               'feature matching on the discriminator trunk to the generator '
               'loss.', lower_bound=0.0),
        _Field('adversarial_generator_loss', True, 'Keep the adversarial '
               'generator loss; --noadversarial_generator_loss with '
               '--feature_matching_weight trains on feature matching alone.'),
        _Field('grid_size', 4, 'TensorBoard image grid side.', lower_bound=1,
               resumable=True),
        _Field('eval', True, 'Evaluate at the end (--noeval to skip).',
               resumable=True),
        _Field('trainer', 'gan_train', 'gan_train: tfgan.gan_model -> '
               'gan_loss -> gan_train_ops -> gan_train; estimator: '
               'tfgan.estimator.GANEstimator; keras: tfgan_ext.keras.GANModel '
               'through Keras fit.', choices=TRAINERS),
        _Field('strategy', 'default', '--trainer=keras: tf.distribute '
               'strategy (default: one device; mirrored: all GPUs, else the '
               'CPU; multi_worker: the cluster in TF_CONFIG).',
               choices=('default', 'mirrored', 'multi_worker')),
        _Field('keras_package', 'keras', '--trainer=keras: build the networks '
               'with keras (Keras 3 on TF >= 2.16) or tf_keras.',
               choices=('keras', 'tf_keras')),
        _Field('fused', False, "--trainer=keras: GANModel's one-forward-pass "
               'step (both players updated from one G(z), D(x), D(G(z))).'),
    ), module=__name__)


def generator_fn(hparams):
  """The generator network for `hparams` (also used by eval)."""
  return training.wrap_network(
      functools.partial(networks.generator,
                        image_shape=data_provider.image_shape(hparams.dataset),
                        channels=hparams.generator_channels), hparams)


def discriminator_fn(hparams):
  """The discriminator (with class logits when conditional)."""
  num_classes = (data_provider.num_classes(hparams.dataset)
                 if hparams.conditional else None)
  return training.wrap_network(
      functools.partial(networks.discriminator,
                        channels=hparams.discriminator_channels,
                        num_classes=num_classes), hparams,
      spectral_norm=hparams.spectral_norm)


def features_fn(hparams):
  """The discriminator's trunk, for feature matching."""
  return training.wrap_network(
      functools.partial(networks.discriminator_features,
                        channels=hparams.discriminator_channels), hparams,
      spectral_norm=hparams.spectral_norm)


def generator_loss_fn(hparams):
  """The generator loss: adversarial, feature matching, or their sum."""
  adversarial = losses.get(hparams.gan_loss).generator_loss_fn
  if not hparams.feature_matching_weight:
    if not hparams.adversarial_generator_loss:
      raise ValueError('--noadversarial_generator_loss needs '
                       '--feature_matching_weight > 0.')
    return adversarial
  if hparams.adversarial_generator_loss:
    return tfgan_ext.losses.with_feature_matching(
        adversarial, features_fn(hparams), hparams.feature_matching_weight)
  features = features_fn(hparams)
  weight = hparams.feature_matching_weight

  def feature_matching_only(gan_model, **kwargs):
    return weight * tfgan_ext.losses.feature_matching_loss(
        gan_model, features, add_summaries=kwargs.get('add_summaries', False))
  return feature_matching_only


def train(hparams):
  """Trains with hparams.trainer, then (if hparams.eval) evaluates.

  Args:
    hparams: An HParams.

  Returns:
    The eval result dict when evaluated, else None.

  Raises:
    ValueError: a field is outside its choices or bounds, or feature matching
      alone without a weight.
  """
  hparams_lib.validate(hparams)
  # pylint: disable=g-import-not-at-top (they import this module)
  if hparams.trainer == 'estimator':
    from examples.digits import estimator_train_lib
    return estimator_train_lib.train(hparams)
  if hparams.trainer == 'keras':
    from examples.digits import keras_train_lib
    return keras_train_lib.train_from_hparams(hparams)
  # pylint: enable=g-import-not-at-top
  gen_loss_fn = generator_loss_fn(hparams)  # validates before building.
  with training.graph_for(hparams):
    with tf.name_scope('inputs'), tf.device('/cpu:0'):
      images, one_hot = data_provider.provide_data(
          hparams.dataset, hparams.batch_size, seed=hparams.seed,
          data_dir=hparams.data_dir, download=hparams.tfds_download)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    if hparams.conditional:
      gan_model = tfgan.acgan_model(
          generator_fn=generator_fn(hparams),
          discriminator_fn=discriminator_fn(hparams),
          real_data=images,
          generator_inputs=(noise, one_hot),
          one_hot_labels=one_hot)
      gan_loss_kwargs = {'aux_cond_generator_weight': 1.0,
                         'aux_cond_discriminator_weight': 1.0}
    else:
      gan_model = tfgan.gan_model(
          generator_fn=generator_fn(hparams),
          discriminator_fn=discriminator_fn(hparams),
          real_data=images,
          generator_inputs=noise)
      gan_loss_kwargs = {}
    tfgan.eval.add_gan_model_image_summaries(gan_model, hparams.grid_size)
    step = training.train_gan(hparams, gan_model,
                              generator_loss_fn=gen_loss_fn,
                              gan_loss_kwargs=gan_loss_kwargs)
  if step is None or not hparams.eval:
    return None
  from examples.digits import eval_lib  # pylint: disable=g-import-not-at-top
  return eval_lib.evaluate(hparams.train_log_dir, seed=hparams.seed)
