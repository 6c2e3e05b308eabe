# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The digits example's networks: its DCGAN, and TF-GAN's own MNIST networks.

`--networks=dcgan` (default), for 8x8 to 32x32 images:

Generator: noise (and, when conditional, a one-hot label) -> dense to an
(H/4, W/4) map -> two stride-2 transposed convolutions -> tanh, batch
normalization and ReLU between (Radford et al., arXiv:1511.06434).
Discriminator: two stride-2 convolutions with leaky ReLU (no normalization, so
gradient penalties and spectral normalization apply cleanly) -> flatten ->
`features`; a dense logit on top, and class logits for ACGAN.

`--networks=tfgan_mnist`, for 28x28 images: TF-GAN's MNIST networks, as
they ship in its wheel (`tensorflow_gan.examples.mnist.networks`, the
networks of TF-GAN's MNIST example): unconditional, conditional (the label
conditions the generator's first hidden layer and the discriminator's
features, `tfgan.features.condition_tensor_from_onehot`) and InfoGAN (10
categorical and 2 continuous codes); a spectrally normalized discriminator
with batch normalization, l2 weight decay 2.5e-5 (`tfgan.gan_loss` adds it
to each player's loss).

`--networks=sngan_cnn` and `sngan_resnet`: SNGAN's standard CNN and ResNet
(`sngan_networks.py`, Miyato et al. 2018), for image sides that are
multiples of 4; widths w from --generator_channels and
--discriminator_channels; spectrally normalized discriminators.

Conditional (`conditioning.resolve`): a head of `tfgan_ext.conditional` on
the discriminator's features (the DCGAN's flattened convolutions, TF-GAN's
unconditional trunk, SNGAN's features), the label in the generator (the
DCGAN concatenates it to the noise, TF-GAN's and SNGAN's generators their
own way); or, with `--conditional_head=auto` on dcgan and tfgan_mnist, the
networks' own conditioning (the DCGAN's ACGAN class logits, TF-GAN's
conditional networks).

`generator_fn(hparams)`, `discriminator_fn(hparams)` and
`features_fn(hparams)` are what `tfgan.gan_model` (and feature matching) get:
the networks with the run's sizes, precision, XLA and spectral normalization.
"""

import functools

import tensorflow as tf
from tensorflow_gan.examples.mnist import networks as tfgan_mnist

from examples.common import training
from examples.digits import conditioning
from examples.digits import data_provider
from examples.digits import sngan_networks
from tfgan_ext import conditional
from tfgan_ext.losses import discriminator_outputs

__all__ = ['INFOGAN_CODES', 'NETWORKS', 'SNGAN', 'check', 'discriminator',
           'discriminator_features', 'discriminator_fn', 'features_fn',
           'generator', 'generator_fn', 'infogan_inputs']

# --networks values.
NETWORKS = ('dcgan', 'tfgan_mnist', 'sngan_cnn', 'sngan_resnet')
# SNGAN's networks: their architecture in sngan_networks.GENERATORS /
# DISCRIMINATORS (and sngan_keras_networks').
SNGAN = {'sngan_cnn': 'cnn', 'sngan_resnet': 'resnet'}
# InfoGAN's structured codes (TF-GAN's MNIST example): categorical, continuous.
INFOGAN_CODES = (10, 2)

_layers = tf.compat.v1.layers


def generator(inputs, image_shape, channels=64):
  """Maps noise, or (noise, one_hot_labels), to images in [-1, 1].

  Args:
    inputs: noise [batch, noise_dims], or a tuple (noise, one-hot labels).
    image_shape: (height, width, channels) of the output; height and width
      divisible by 4.
    channels: Width of the first convolutional map (halved after it).

  Returns:
    Images [batch, height, width, channels].
  """
  if isinstance(inputs, (tuple, list)):
    inputs = tf.concat(list(inputs), axis=1)
  height, width, out_channels = image_shape
  base_h, base_w = height // 4, width // 4
  net = _layers.Dense(base_h * base_w * channels * 2, name='project')(inputs)
  net = _layers.BatchNormalization(name='bn0')(net, training=True)
  net = tf.nn.relu(net)
  net = tf.reshape(net, [-1, base_h, base_w, channels * 2])
  net = _layers.Conv2DTranspose(channels, 4, strides=2, padding='same',
                                name='deconv1')(net)
  net = _layers.BatchNormalization(name='bn1')(net, training=True)
  net = tf.nn.relu(net)
  net = _layers.Conv2DTranspose(out_channels, 4, strides=2, padding='same',
                                name='deconv2')(net)
  return tf.tanh(net)


def discriminator_features(images, unused_generator_inputs, channels=64):
  """The discriminator's trunk: features [batch, num_features]."""
  net = _layers.Conv2D(channels, 4, strides=2, padding='same',
                       name='conv1')(images)
  net = tf.nn.leaky_relu(net, alpha=0.2)
  net = _layers.Conv2D(channels * 2, 4, strides=2, padding='same',
                       name='conv2')(net)
  net = tf.nn.leaky_relu(net, alpha=0.2)
  return _layers.Flatten(name='flatten')(net)


def discriminator(images, generator_inputs, channels=64, num_classes=None,
                  head=None, spectral_norm=False):
  """The DCGAN's discriminator: logits [batch, 1], or a conditional output.

  Args:
    images: Images [batch, H, W, C].
    generator_inputs: The generator's inputs; with `head`, (noise, labels).
    channels: Width of the first convolution.
    num_classes: Number of classes, when conditional.
    head: None: logits, or with `num_classes` (logits, class logits) for
      ACGAN (`tfgan.acgan_model`). Else a `tfgan_ext.conditional` head on
      the features, returning what the head returns.
    spectral_norm: Whether the head normalizes its own weights (the trunk is
      normalized by the caller's custom getter).

  Returns:
    Logits [batch, 1]; (logits, class logits) for ACGAN; or the head's
    output.
  """
  features = discriminator_features(images, generator_inputs, channels)
  if head is not None:
    return conditional.discriminator_head(
        head, features, discriminator_outputs.labels_of(
            generator_inputs, 'The %s head' % head), num_classes,
        spectral_norm=spectral_norm)
  logits = _layers.Dense(1, name='logits')(features)
  if num_classes is None:
    return logits
  return logits, _layers.Dense(num_classes, name='class_logits')(features)


def check(hparams):
  """Raises ValueError for settings the chosen networks cannot take."""
  if hparams.infogan and hparams.networks != 'tfgan_mnist':
    raise ValueError('--infogan needs --networks=tfgan_mnist (TF-GAN\'s '
                     'InfoGAN networks).')
  if hparams.networks in SNGAN:
    if hparams.spectral_norm:
      raise ValueError('--networks=%s: SNGAN\'s discriminator is spectrally '
                       'normalized already (every kernel, and its head); drop '
                       '--spectral_norm.' % hparams.networks)
    if hparams.feature_matching_weight and hparams.trainer != 'keras':
      raise ValueError('--feature_matching_weight with --networks=%s: the '
                       'TF-1 SNGAN networks expose no features function; use '
                       '--trainer=keras (its layer \'features\').'
                       % hparams.networks)
    return
  if hparams.networks == 'dcgan':
    return
  if data_provider.image_shape(hparams.dataset) != (28, 28, 1):
    raise ValueError('--networks=tfgan_mnist makes 28x28x1 images: use '
                     '--dataset=mnist or fashion_mnist, not %s.'
                     % hparams.dataset)
  if hparams.spectral_norm:
    raise ValueError('--networks=tfgan_mnist: TF-GAN\'s MNIST discriminator '
                     'is spectrally normalized already; drop '
                     '--spectral_norm.')
  if hparams.conditional and hparams.infogan:
    raise ValueError('--conditional and --infogan are two models; choose one.')


def infogan_inputs(batch_size, noise_dims):
  """InfoGAN's generator inputs: (noise, categorical codes, continuous codes).

  As TF-GAN's MNIST example draws them: N(0, 1) noise, a uniform category
  of 10 (int [batch]) and 2 codes uniform in [-1, 1].

  Returns:
    (unstructured inputs [noise], structured inputs [categorical,
    continuous]), as `tfgan.infogan_model` takes them.
  """
  categories, continuous = INFOGAN_CODES
  noise = tf.random.normal([batch_size, noise_dims])
  category = tf.random.uniform([batch_size], 0, categories, dtype=tf.int32)
  codes = tf.random.uniform([batch_size, continuous], -1.0, 1.0)
  return [noise], [category, codes]


def _num_classes(hparams):
  """The class count of a conditional run, else None."""
  if not hparams.conditional:
    return None
  return data_provider.num_classes(hparams.dataset)


def _head(hparams):
  """The run's `tfgan_ext.conditional` head name, or None (unconditional or
  the networks' own conditioning)."""
  resolved = conditioning.resolve(hparams)
  if resolved is None or resolved.head == conditioning.NETWORK:
    return None
  return resolved.head


def generator_fn(hparams, is_training=True):
  """The generator for `hparams` (also used by eval).

  Args:
    hparams: The run's HParams.
    is_training: For TF-GAN's MNIST and SNGAN's generators: batch
      normalization with the batch's statistics (True) or the moving
      averages (eval). The DCGAN's always uses the batch's.
  """
  if hparams.networks in SNGAN:
    return training.wrap_network(functools.partial(
        sngan_networks.GENERATORS[SNGAN[hparams.networks]],
        image_shape=data_provider.image_shape(hparams.dataset),
        width=hparams.generator_channels, num_classes=_num_classes(hparams),
        training=is_training), hparams)
  if hparams.networks == 'tfgan_mnist':
    if hparams.infogan:
      network = functools.partial(tfgan_mnist.infogan_generator,
                                  categorical_dim=INFOGAN_CODES[0],
                                  is_training=is_training)
    else:
      network = functools.partial(
          tfgan_mnist.conditional_generator if hparams.conditional else
          tfgan_mnist.unconditional_generator, is_training=is_training)
    return training.wrap_network(network, hparams)
  return training.wrap_network(
      functools.partial(generator,
                        image_shape=data_provider.image_shape(hparams.dataset),
                        channels=hparams.generator_channels), hparams)


def _tfgan_mnist_with_head(images, generator_inputs, head, num_classes):
  """TF-GAN's unconditional MNIST trunk with a conditional head.

  The head is not spectrally normalized, as TF-GAN's own logit layer is not.
  """
  features = tfgan_mnist.discriminator_helper(images, False, None,
                                              weight_decay=2.5e-5)
  return conditional.discriminator_head(
      head, features, discriminator_outputs.labels_of(
          generator_inputs, 'The %s head' % head), num_classes,
      spectral_norm=False)


def discriminator_fn(hparams):
  """The discriminator: logits, ACGAN's pair or a conditional head's output."""
  head = _head(hparams)
  num_classes = _num_classes(hparams)
  if hparams.networks in SNGAN:
    # Spectrally normalized by itself: no custom getter here.
    return training.wrap_network(functools.partial(
        sngan_networks.DISCRIMINATORS[SNGAN[hparams.networks]],
        width=hparams.discriminator_channels, num_classes=num_classes,
        **({'head': head} if head else {})), hparams)
  if hparams.networks == 'tfgan_mnist':
    if hparams.infogan:
      network = functools.partial(tfgan_mnist.infogan_discriminator,
                                  categorical_dim=INFOGAN_CODES[0],
                                  continuous_dim=INFOGAN_CODES[1])
    elif head:
      network = functools.partial(_tfgan_mnist_with_head, head=head,
                                  num_classes=num_classes)
    else:
      network = (tfgan_mnist.conditional_discriminator if hparams.conditional
                 else tfgan_mnist.unconditional_discriminator)
    return training.wrap_network(network, hparams)
  return training.wrap_network(
      functools.partial(discriminator,
                        channels=hparams.discriminator_channels,
                        num_classes=num_classes, head=head,
                        spectral_norm=hparams.spectral_norm), hparams,
      spectral_norm=hparams.spectral_norm)


def _tfgan_mnist_features(images, generator_inputs, conditional_trunk):
  one_hot = generator_inputs[1] if conditional_trunk else None
  return tfgan_mnist.discriminator_helper(images, conditional_trunk, one_hot,
                                          weight_decay=2.5e-5)


def features_fn(hparams):
  """The discriminator's trunk, for feature matching (TF-GAN's trainers).

  None for SNGAN's networks, which have no trunk function (`check` refuses
  feature matching with them there; Keras reads their layer 'features').
  """
  if hparams.networks in SNGAN:
    return None
  if hparams.networks == 'tfgan_mnist':
    # TF-GAN's conditional trunk when the networks' own conditioning is used,
    # its unconditional one under a head.
    return training.wrap_network(functools.partial(
        _tfgan_mnist_features,
        conditional_trunk=hparams.conditional and _head(hparams) is None),
                                 hparams)
  return training.wrap_network(
      functools.partial(discriminator_features,
                        channels=hparams.discriminator_channels), hparams,
      spectral_norm=hparams.spectral_norm)
