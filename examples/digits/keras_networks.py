# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The digits example's DCGAN networks as Keras models (Keras 3 or tf-keras).

The same architecture as networks.py (TF-1 layers for `gan_train`):
generator noise (and, when conditional, a one-hot label) -> dense to an
(H/4, W/4, 2c) map -> two stride-2 transposed 4x4 convolutions -> tanh, batch
normalization and ReLU between (Radford et al., arXiv:1511.06434);
discriminator two stride-2 4x4 convolutions with leaky ReLU (0.2), no
normalization -> flatten (layer 'features', for feature matching) -> a dense
logit. Layer defaults match TF-1's (BN momentum 0.99, epsilon 1e-3; Glorot
uniform kernels, zero biases).

Conditional: the generator takes [noise, one_hot]; the discriminator takes
[images, one_hot] and concatenates the label to its features before the logit
(GANModel passes the generator inputs' labels to it; see
tfgan_ext.keras.GANModel). The gan_train trainer's --conditional is ACGAN
instead.
"""

__all__ = ['discriminator', 'generator']


def generator(K, image_shape, noise_dims=32, channels=64, num_classes=None,
              synchronized_batch_norm=False, name='generator'):
  """The generator as a functional Keras model of package `K`.

  Args:
    K: The Keras package (`keras` or `tf_keras`).
    image_shape: (height, width, channels); height and width divisible by 4.
    noise_dims: Noise size.
    channels: Width of the first convolution (the dense map has twice it).
    num_classes: If set, a second input of one-hot labels.
    synchronized_batch_norm: Batch statistics over all replicas (use under
      a multi-replica tf.distribute strategy; the same maths as one device).
    name: Model name.

  Returns:
    A Keras Model: noise [batch, noise_dims] (and one-hot labels) -> images
    [batch, H, W, C] in [-1, 1].
  """
  height, width, out_channels = image_shape
  layers = K.layers
  noise = K.Input((noise_dims,), name='noise')
  inputs = [noise]
  net = noise
  if num_classes:
    labels = K.Input((num_classes,), name='labels')
    inputs.append(labels)
    net = layers.Concatenate()([noise, labels])

  def batch_norm(layer_name):
    kwargs = {'synchronized': True} if synchronized_batch_norm else {}
    return layers.BatchNormalization(momentum=0.99, epsilon=1e-3,
                                     name=layer_name, **kwargs)

  net = layers.Dense((height // 4) * (width // 4) * channels * 2,
                     name='project')(net)
  net = layers.ReLU()(batch_norm('bn0')(net))
  net = layers.Reshape((height // 4, width // 4, channels * 2))(net)
  net = layers.Conv2DTranspose(channels, 4, strides=2, padding='same',
                               name='deconv1')(net)
  net = layers.ReLU()(batch_norm('bn1')(net))
  net = layers.Conv2DTranspose(out_channels, 4, strides=2, padding='same',
                               name='deconv2')(net)
  images = layers.Activation('tanh', dtype='float32', name='images')(net)
  return K.Model(inputs if num_classes else noise, images, name=name)


def discriminator(K, image_shape, channels=64, num_classes=None,
                  name='discriminator'):
  """The discriminator as a functional Keras model of package `K`.

  Args:
    K: The Keras package.
    image_shape: (height, width, channels).
    channels: Width of the first convolution (the second has twice it).
    num_classes: If set, a second input of one-hot labels, concatenated to
      the features.
    name: Model name.

  Returns:
    A Keras Model: images (and one-hot labels) -> logits [batch, 1]
    (float32 under mixed precision).
  """
  layers = K.layers
  images = K.Input(tuple(image_shape), name='images')
  net = layers.Conv2D(channels, 4, strides=2, padding='same',
                      name='conv1')(images)
  net = layers.LeakyReLU(0.2)(net)
  net = layers.Conv2D(channels * 2, 4, strides=2, padding='same',
                      name='conv2')(net)
  net = layers.LeakyReLU(0.2)(net)
  features = layers.Flatten(name='features')(net)
  inputs = images
  if num_classes:
    labels = K.Input((num_classes,), name='labels')
    inputs = [images, labels]
    features = layers.Concatenate()([features, labels])
  logits = layers.Dense(1, dtype='float32', name='logits')(features)
  return K.Model(inputs, logits, name=name)
