# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""A small MNIST classifier in plain TensorFlow ops, with committed weights.

The network (LeCun et al. 1998's convolutional pattern, sized like
TensorFlow's MNIST tutorials), for images [N, 28, 28, 1] in [-1, 1]:

  conv 3x3, 32, ReLU -> max-pool 2x2 -> conv 3x3, 64, ReLU -> max-pool 2x2
  -> flatten (7 * 7 * 64 = 3,136) -> dense 128, ReLU ('features')
  -> dense 10 ('logits')

`logits_and_features` is written with `tf.nn` ops over a dict of weights
(NumPy arrays, constants or variables), so the same code runs in a TF-1
graph (`tfgan.gan_train`'s world), inside `tf.function` and eagerly, with no
Keras. `load_weights` reads the committed
`assets/mnist_classifier.npz` (421,642 float32 parameters, 1.7 MB) and
checks its SHA-256 against `WEIGHTS_SHA256` first.

The weights are what

  python -m examples.digits.mnist_classifier --train

wrote: `train` on MNIST's 60,000 training images (the packaged file,
`examples.digits.mnist_file`), seed 0, `TRAIN_STEPS` steps of
`TRAIN_BATCH` images, Adam (learning rate 1e-3 decayed linearly to 1e-4),
He-normal initial weights from NumPy's seeded generator. Their accuracy on
the 10,000 test images is `TEST_ACCURACY`, 0.9917 (99.17%; `python -m
examples.digits.mnist_classifier` measures it again). The run that wrote them
(2026-12-07, this project's 2-core machine, nice'd beside other jobs): 5,000
steps in 136 s (116 s of CPU), final loss 0.0013, file 1,688,638 bytes.
CPU training is not bit-reproducible, so a new run gives weights of about
the same accuracy but another SHA-256.
"""

import argparse
import functools
import hashlib
import io
import os
import sys
import time

from absl import logging
import numpy as np
import tensorflow as tf

__all__ = [
    'ClassifierWeightsError',
    'TEST_ACCURACY',
    'TRAIN_BATCH',
    'TRAIN_STEPS',
    'WEIGHTS_FILE',
    'WEIGHTS_SHA256',
    'accuracy',
    'load_weights',
    'logits_and_features',
    'predict',
    'train',
]

WEIGHTS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            'assets', 'mnist_classifier.npz')
# sha256sum of the file `--train` wrote (see the module docstring).
WEIGHTS_SHA256 = (
    '21cc13510a38f4df62430a42317f6cf662d2ae19486fa7780c3215325f95e994')
# Its accuracy on the 10,000 MNIST test images, as `--train` printed it.
TEST_ACCURACY = 0.9917
TRAIN_STEPS = 5000
TRAIN_BATCH = 128

# name -> shape of every weight, in the network's order.
_SHAPES = {
    'conv1/kernel': (3, 3, 1, 32), 'conv1/bias': (32,),
    'conv2/kernel': (3, 3, 32, 64), 'conv2/bias': (64,),
    'features/kernel': (7 * 7 * 64, 128), 'features/bias': (128,),
    'logits/kernel': (128, 10), 'logits/bias': (10,),
}


class ClassifierWeightsError(RuntimeError):
  """The committed classifier weights are missing or not the ones trained."""


def logits_and_features(images, weights):
  """The network's logits [N, 10] and penultimate features [N, 128].

  Args:
    images: float32 [N, 28, 28, 1] in [-1, 1] (tensor or array).
    weights: {name: [shape]} as `load_weights` returns, or tensors /
      variables of those shapes.

  Returns:
    (logits, features), float32 tensors.
  """
  def conv_block(net, name):
    net = tf.nn.conv2d(net, weights[name + '/kernel'], strides=1,
                       padding='SAME')
    net = tf.nn.relu(tf.nn.bias_add(net, weights[name + '/bias']))
    return tf.nn.max_pool2d(net, ksize=2, strides=2, padding='SAME')

  net = conv_block(conv_block(images, 'conv1'), 'conv2')
  net = tf.reshape(net, [-1, 7 * 7 * 64])
  features = tf.nn.relu(
      tf.matmul(net, weights['features/kernel']) + weights['features/bias'])
  logits = tf.matmul(features, weights['logits/kernel']) + weights[
      'logits/bias']
  return logits, features


@functools.lru_cache(maxsize=4)
def load_weights(path=WEIGHTS_FILE, sha256=WEIGHTS_SHA256):
  """The classifier's weights {name: float32 array}, checked.

  Args:
    path: The .npz (default: the committed one).
    sha256: Its expected SHA-256 (default: the committed one's).

  Returns:
    A dict of read-only float32 arrays with the shapes of the network.

  Raises:
    ClassifierWeightsError: If the file is missing, its SHA-256 differs, or
      it does not hold the network's weights.
  """
  restore = ('Restore it with `git checkout -- %s`, or retrain with `python '
             '-m examples.digits.mnist_classifier --train` and update '
             'WEIGHTS_SHA256.' % os.path.relpath(path))
  try:
    with open(path, 'rb') as f:
      data = f.read()
  except OSError as e:
    raise ClassifierWeightsError('Cannot read the MNIST classifier weights: '
                                 '%s. %s' % (e, restore)) from e
  digest = hashlib.sha256(data).hexdigest()
  if digest != sha256:
    raise ClassifierWeightsError(
        'The MNIST classifier weights %s have SHA-256 %s, expected %s: not '
        'the trained file. %s' % (path, digest, sha256, restore))
  with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
    weights = {name: arrays[name] for name in arrays.files}
  shapes = {name: value.shape for name, value in weights.items()}
  if shapes != _SHAPES or any(v.dtype != np.float32 for v in weights.values()):
    raise ClassifierWeightsError('%s does not hold the network\'s float32 '
                                 'weights: %s' % (path, shapes))
  for value in weights.values():
    value.flags.writeable = False
  return weights


def _initial_weights(rng):
  """He-normal kernels (std sqrt(2 / fan_in)) and zero biases."""
  weights = {}
  for name, shape in _SHAPES.items():
    if name.endswith('/bias'):
      weights[name] = np.zeros(shape, np.float32)
    else:
      fan_in = int(np.prod(shape[:-1]))
      weights[name] = (rng.standard_normal(shape) *
                       np.sqrt(2.0 / fan_in)).astype(np.float32)
  return weights


def train(images, labels, steps=TRAIN_STEPS, batch_size=TRAIN_BATCH,
          learning_rate=1e-3, final_learning_rate=1e-4, seed=0,
          log_every=0):
  """Trains a fresh classifier of this architecture; returns its weights.

  Runs in its own graph and session, so it works wherever it is called
  (eagerly or while another graph is the default).

  Args:
    images: float32 [N, 28, 28, 1] in [-1, 1].
    labels: int [N] in 0..9.
    steps: Adam steps.
    batch_size: Images per step, drawn uniformly with replacement.
    learning_rate: Adam's initial learning rate, decayed linearly ...
    final_learning_rate: ... to this at the last step.
    seed: Seeds the initial weights, the batches and TensorFlow's graph.
    log_every: Log the loss every this many steps (0: never).

  Returns:
    {name: float32 array}, as `load_weights` returns.
  """
  rng = np.random.default_rng(seed)
  initial = _initial_weights(rng)
  with tf.Graph().as_default():
    tf.compat.v1.set_random_seed(seed)
    x = tf.compat.v1.placeholder(tf.float32, [None, 28, 28, 1])
    y = tf.compat.v1.placeholder(tf.int64, [None])
    weights = {name: tf.Variable(value, name=name.replace('/', '_'))
               for name, value in initial.items()}
    logits, _ = logits_and_features(x, weights)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=y, logits=logits))
    step = tf.compat.v1.train.get_or_create_global_step()
    rate = tf.compat.v1.train.polynomial_decay(
        learning_rate, step, max(steps - 1, 1), final_learning_rate)
    update = tf.compat.v1.train.AdamOptimizer(rate).minimize(
        loss, global_step=step, var_list=list(weights.values()))
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      start = time.time()
      for i in range(steps):
        batch = rng.integers(0, len(images), size=batch_size)
        value, _ = sess.run([loss, update], {x: images[batch],
                                             y: labels[batch]})
        if log_every and (i + 1) % log_every == 0:
          logging.info('step %d/%d  loss %.4f  %.1f steps/s', i + 1, steps,
                       value, (i + 1) / (time.time() - start))
      return sess.run(weights)


def predict(images, weights=None, batch_size=1000):
  """Predicted labels int64 [N] (eagerly, in batches).

  Args:
    images: float32 [N, 28, 28, 1] in [-1, 1].
    weights: As `train` returns; default `load_weights()`.
    batch_size: Images per forward pass.
  """
  weights = load_weights() if weights is None else weights
  return np.concatenate([
      np.argmax(logits_and_features(images[i:i + batch_size], weights)[0], 1)
      for i in range(0, len(images), batch_size)])


def accuracy(images, labels, weights=None, batch_size=1000):
  """Fraction of `images` whose predicted label is `labels` (float)."""
  return float(np.mean(predict(images, weights, batch_size) == labels))


def main(argv=None):
  """`--train`: train and write the weights; always: print test accuracy."""
  parser = argparse.ArgumentParser(
      prog='python -m examples.digits.mnist_classifier',
      description='Measures the committed MNIST classifier on the test '
      'images; with --train, trains and writes it first.')
  parser.add_argument('--train', action='store_true',
                      help='train the classifier and write the weights')
  parser.add_argument('--output', default=WEIGHTS_FILE,
                      help='where --train writes the .npz')
  parser.add_argument('--steps', type=int, default=TRAIN_STEPS)
  parser.add_argument('--seed', type=int, default=0)
  args = parser.parse_args(argv)
  from examples.digits import data_provider  # pylint: disable=g-import-not-at-top
  test_images, test_labels = data_provider.load_numpy(
      'mnist', 'test', mnist_source='package')
  if args.train:
    images, labels = data_provider.load_numpy('mnist', 'train',
                                              mnist_source='package')
    start, cpu = time.time(), time.process_time()
    weights = train(images, labels, steps=args.steps, seed=args.seed,
                    log_every=250)
    print('trained %d steps of %d in %.0f s (%.0f s of CPU)' % (
        args.steps, TRAIN_BATCH, time.time() - start,
        time.process_time() - cpu))
    buffer = io.BytesIO()
    np.savez(buffer, **weights)
    with open(args.output, 'wb') as f:
      f.write(buffer.getvalue())
    print('wrote %s (%d bytes), SHA-256 %s' % (
        args.output, len(buffer.getvalue()),
        hashlib.sha256(buffer.getvalue()).hexdigest()))
  else:
    weights = load_weights()
  print('test accuracy (10,000 images): %.4f'
        % accuracy(test_images, test_labels, weights))
  return 0


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  sys.exit(main())
