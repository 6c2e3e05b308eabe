# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Callbacks a GAN needs: a sample grid, a Fréchet distance; labelled samples.

The grid and the distance are Keras-package independent: `GANModel.fit`
wraps them in a Callback of the model's own Keras (`adapt`, through
`ForwardingCallback`), so the same objects serve Keras 3 and tf-keras
models (the NaN stop, in faults.py, is built for the model's package).
Progress itself is Keras' progress bar (`fit(verbose=1)`), which shows the logged losses and,
after the epochs where it is computed, the Fréchet distance.

A class-conditional generator takes (noise, one-hot labels):
`labelled_inputs(noise, labels, num_classes)` makes them from class ids,
`per_class_inputs` arranges them one row per class (what
`SampleGrid.per_class` draws), `generate(model, inputs)` samples in batches
(`GANModel.sample` does both).
"""

import os

import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

# The NaN stop lives with the other fault handling (faults.py); these names
# stay importable from here, where they were first published.
from tfgan_ext.keras.faults import NonFiniteLossError
from tfgan_ext.keras.faults import stop_on_non_finite_loss

__all__ = ['FeatureCallback', 'FrechetDistance', 'GANCallback',
           'NonFiniteLossError', 'SampleGrid', 'adapt', 'frechet_distance',
           'generate', 'image_grid', 'labelled_inputs', 'per_class_inputs',
           'stop_on_non_finite_loss']


class GANCallback:
  """Base of tfgan_ext.keras callbacks (any Keras flavour; see `adapt`)."""

  model = None

  def set_model(self, model):
    self.model = model

  def on_train_begin(self, logs=None):
    pass

  def on_epoch_end(self, epoch, logs=None):
    pass

  def on_train_end(self, logs=None):
    pass


class ForwardingCallback:
  """Forwards a Keras package's callback calls to a `GANCallback`.

  Each Keras package's module defines its adapter as this class plus that
  package's `Callback` (`keras_model.KerasCallbackAdapter`,
  `tf_keras_model.TFKerasCallbackAdapter`), so Keras sees a callback of its
  own kind.
  """

  def __init__(self, inner):
    super().__init__()
    self.inner = inner

  def set_model(self, model):
    super().set_model(model)
    self.inner.set_model(model)

  def on_train_begin(self, logs=None):
    self.inner.on_train_begin(logs)

  def on_epoch_end(self, epoch, logs=None):
    self.inner.on_epoch_end(epoch, logs)

  def on_train_end(self, logs=None):
    self.inner.on_train_end(logs)


def adapt(callbacks, flavour):
  """`callbacks` with each GANCallback wrapped for `flavour`'s Keras.

  Args:
    callbacks: A list of Keras callbacks and `GANCallback`s.
    flavour: The model's `keras_versions.KerasVersion`.

  Returns:
    A list of callbacks of the model's Keras package.
  """
  return [flavour.callback_adapter(c) if isinstance(c, GANCallback) else c
          for c in callbacks]


def _epoch_selected(epoch, every, epochs):
  """Whether 0-based `epoch` is one of the 1-based `epochs` or a multiple."""
  number = epoch + 1
  if epochs is not None:
    return number in epochs
  return number % every == 0


def _check_schedule(every, epochs):
  if epochs is not None:
    epochs = sorted(set(int(e) for e in epochs))
    if not epochs or epochs[0] < 1:
      raise ValueError('epochs must be 1-based epoch numbers, got %r.'
                       % (epochs,))
    return every, epochs
  if isinstance(every, bool) or not isinstance(every, int) or every < 1:
    raise ValueError('every must be an int >= 1, got %r.' % (every,))
  return every, None


def image_grid(images, rows, cols, padding=1, value_range=(-1.0, 1.0)):
  """Tiles images [rows * cols, H, W, C] into a uint8 [rows*H', cols*W', C].

  Args:
    images: Array of at least rows * cols images (extra ones are dropped).
    rows: Grid rows.
    cols: Grid columns.
    padding: Grey (128) pixels between tiles.
    value_range: (low, high) of the image values, mapped to 0..255.

  Returns:
    A uint8 array [rows * (H + padding) - padding, cols * (W + padding) -
    padding, C].
  """
  images = np.asarray(images, np.float32)
  if images.ndim != 4 or len(images) < rows * cols:
    raise ValueError('image_grid needs at least %d images [N, H, W, C], got '
                     'shape %s.' % (rows * cols, images.shape))
  low, high = value_range
  pixels = np.clip((images[:rows * cols] - low) / (high - low) * 255.0, 0, 255)
  pixels = np.pad(pixels, [(0, 0), (0, padding), (0, padding), (0, 0)],
                  constant_values=128)
  _, height, width, channels = pixels.shape
  grid = pixels.reshape(rows, cols, height, width, channels)
  grid = grid.transpose(0, 2, 1, 3, 4).reshape(rows * height, cols * width,
                                                channels)
  return grid[:rows * height - padding, :cols * width - padding].astype(
      np.uint8)


def generate(model, generator_inputs, batch_size=256, training=False,
             raw=False):
  """Samples of a `GANModel` for `generator_inputs`, in batches (NumPy).

  Args:
    model: A `GANModel`.
    generator_inputs: A tensor or array [N, ...], or a tuple such as
      (noise, one_hot_labels) (`labelled_inputs`).
    batch_size: Samples per generator call.
    training: The generator's `training` argument.
    raw: Sample `model.generator`, not `model.sampling_generator` (the
      moving average when there is one).

  Returns:
    The N samples, a NumPy array.
  """
  generator = model.generator if raw else model.sampling_generator
  inputs = _as_inputs(generator_inputs)
  total = int(tf.nest.flatten(inputs)[0].shape[0])
  outputs = []
  for start in range(0, total, batch_size):
    batch = tf.nest.map_structure(
        lambda t, s=start: t[s:s + batch_size], inputs)
    outputs.append(np.asarray(generator(batch, training=training)))
  return np.concatenate(outputs)


def labelled_inputs(noise, labels, num_classes):
  """Generator inputs (noise, one-hot labels) asking for chosen classes.

  Args:
    noise: Noise [N, noise_dims].
    labels: Class ids [N] (integers in [0, num_classes)).
    num_classes: Number of classes K.

  Returns:
    (noise float32 [N, noise_dims], one-hot labels float32 [N, K]).

  Raises:
    ValueError: labels that are not N integers in [0, K), K < 1, or
      scalar noise.
  """
  noise = np.asarray(noise, np.float32)
  labels = np.asarray(labels)
  if isinstance(num_classes, bool) or not isinstance(
      num_classes, (int, np.integer)) or num_classes < 1:
    raise ValueError('num_classes must be an int >= 1, got %r.'
                     % (num_classes,))
  if noise.ndim < 1:
    raise ValueError('noise must have a batch dimension [N, ...], got a '
                     'scalar.')
  if (labels.shape != noise.shape[:1] or
      labels.dtype.kind not in 'iu' or
      (labels.size and (labels.min() < 0 or labels.max() >= num_classes))):
    raise ValueError(
        'labels must be %d class ids in [0, %d) (one per noise row), got '
        '%s %s.' % (len(noise), num_classes, labels.dtype,
                    list(labels.shape)))
  return noise, np.eye(num_classes, dtype=np.float32)[labels]


def per_class_inputs(num_classes, per_class, noise_dims, seed=0):
  """Generator inputs for a grid of one row per class.

  Row k of a `num_classes` x `per_class` grid (tiled row by row, as
  `image_grid` does) asks for class k; the noise is
  `tf.random.stateless_normal` with `seed`, so the grid is the same in
  every epoch and run.

  Args:
    num_classes: Number of classes K (rows).
    per_class: Samples per class (columns).
    noise_dims: The generator's noise size.
    seed: The noise's seed.

  Returns:
    `labelled_inputs` for num_classes * per_class samples.

  Raises:
    ValueError: as `labelled_inputs`.
  """
  noise = tf.random.stateless_normal([num_classes * per_class, noise_dims],
                                     seed=[seed, 0]).numpy()
  return labelled_inputs(noise, np.repeat(np.arange(num_classes), per_class),
                         num_classes)


def _variants(model, raw_too):
  """[(suffix, raw)]: the sampling generator, and the raw one if asked and
  different (a moving average is on)."""
  if raw_too and model.sampling_generator is not model.generator:
    return [('', False), ('_raw', True)]
  return [('', False)]


def _as_inputs(generator_inputs):
  return tf.nest.map_structure(tf.convert_to_tensor, generator_inputs)


class SampleGrid(GANCallback):
  """Writes a grid of samples from fixed generator inputs every k epochs.

  To TensorBoard (an image summary under `<log_dir>/samples`, step = epoch
  number) and, if `png`, to `<log_dir>/samples/epoch_<n>.png`. Samples come
  from `model.sampling_generator` (the moving average when `compile` asks
  for one); with `raw_too`, also from the raw generator (`<name>_raw`,
  `epoch_<n>_raw.png`).

  Args:
    generator_inputs: Fixed generator inputs for rows * cols samples (a
      tensor or array [N, ...], or a tuple such as (noise, one_hot_labels)).
    log_dir: Directory (e.g. the one given to keras.callbacks.TensorBoard).
    rows: Grid rows; default the largest divisor of N up to sqrt(N).
    cols: Grid columns; default N // rows.
    every: Write after every this many epochs...
    epochs: ... or after these 1-based epochs.
    png: Also write PNG files.
    value_range: Range of the generator's outputs (mapped to 0..255).
    generator_training: The generator's `training` argument when sampling.
    name: Summary name.
    raw_too: Also write the raw generator's grid when there is an average.
  """

  def __init__(self, generator_inputs, log_dir, rows=None, cols=None,
               every=1, epochs=None, png=True, value_range=(-1.0, 1.0),
               generator_training=False, name='samples', raw_too=False):
    self.inputs = _as_inputs(generator_inputs)
    count = int(tf.nest.flatten(self.inputs)[0].shape[0])
    if rows is None:
      rows = max(r for r in range(1, int(np.sqrt(count)) + 1)
                 if count % r == 0)
    cols = cols or count // rows
    if rows * cols > count:
      raise ValueError('A %dx%d grid needs %d generator inputs, got %d.'
                       % (rows, cols, rows * cols, count))
    self.rows, self.cols = rows, cols
    self.every, self.epochs = _check_schedule(every, epochs)
    self.log_dir = os.path.join(log_dir, 'samples')
    self.png = png
    self.value_range = value_range
    self.generator_training = generator_training
    self.name = name
    self.raw_too = raw_too
    self.written = []  # PNG paths, in order.
    self._writer = None

  @classmethod
  def per_class(cls, num_classes, noise_dims, log_dir, per_class=8, seed=0,
                **kwargs):
    """A grid of one row per class for a conditional generator.

    Its generator inputs are `per_class_inputs(num_classes, per_class,
    noise_dims, seed)`: row k asks for class k.

    Args:
      num_classes: Number of classes (rows).
      noise_dims: The generator's noise size.
      log_dir: As for `SampleGrid`.
      per_class: Samples per class (columns).
      seed: The noise's seed.
      **kwargs: `SampleGrid`'s other arguments (every, epochs, png, ...).

    Returns:
      A `SampleGrid` of `num_classes` rows and `per_class` columns.
    """
    return cls(per_class_inputs(num_classes, per_class, noise_dims, seed),
               log_dir, rows=num_classes, cols=per_class, **kwargs)

  def on_epoch_end(self, epoch, logs=None):
    if not _epoch_selected(epoch, self.every, self.epochs):
      return
    for suffix, raw in _variants(self.model, self.raw_too):
      images = generate(self.model, self.inputs, self.rows * self.cols,
                        self.generator_training, raw)
      if images.ndim != 4:
        raise ValueError('SampleGrid needs image samples [N, H, W, C]; the '
                         'generator gives shape %s.' % (images.shape,))
      grid = image_grid(images, self.rows, self.cols,
                        value_range=self.value_range)
      if self._writer is None:
        tf.io.gfile.makedirs(self.log_dir)
        self._writer = tf.summary.create_file_writer(self.log_dir)
      with self._writer.as_default():
        tf.summary.image(self.name + suffix, grid[None], step=epoch + 1)
      self._writer.flush()
      if self.png:
        path = os.path.join(self.log_dir,
                            'epoch_%04d%s.png' % (epoch + 1, suffix))
        tf.io.write_file(path, tf.io.encode_png(grid))
        self.written.append(path)

  def on_train_end(self, logs=None):
    if self._writer is not None:
      self._writer.close()
      self._writer = None


class FeatureCallback(GANCallback):
  """Base of the callbacks that compare real and generated features.

  At chosen epochs, `measure(raw)` compares features of the real data with
  features of samples from fixed generator inputs; the result is kept in
  `self.values` as (epoch number, value) and `log` writes it into the
  epoch's logs (so `History`, the progress bar and TensorBoard get it).
  Samples come from `model.sampling_generator` (the moving average when
  `compile` asks for one); with `raw_too`, the raw generator is measured too
  (kept in `self.raw_values`, logged with the suffix `_raw`).

  Args:
    features_fn: `fn(data: np.ndarray) -> features [N, F]` (NumPy or
      tensor), e.g. a Keras classifier's penultimate layer.
    generator_inputs: Fixed generator inputs for the generated sample.
    real_data: Real data [N', ...] (features computed once), or None with
      `real_features`.
    real_features: Precomputed real features [N', F].
    every: Compute after every this many epochs...
    epochs: ... or after these 1-based epochs.
    batch_size: Generator batch size.
    generator_training: The generator's `training` argument when sampling.
    name: Log key (or prefix of the log keys).
    raw_too: Also measure the raw generator when there is an average.

  Raises:
    TypeError: If `features_fn` is not callable.
    ValueError: If not exactly one of `real_data` and `real_features` is
      given, or the schedule is not valid.
  """

  def __init__(self, features_fn, generator_inputs, real_data, real_features,
               every, epochs, batch_size, generator_training, name, raw_too):
    if not callable(features_fn):
      raise TypeError('features_fn must be callable, got %r.' % features_fn)
    if (real_data is None) == (real_features is None):
      raise ValueError('Give exactly one of real_data and real_features.')
    self.features_fn = features_fn
    self.inputs = _as_inputs(generator_inputs)
    self.real_data = real_data
    self.real_features = (None if real_features is None else
                          self._checked(real_features))
    self.every, self.epochs = _check_schedule(every, epochs)
    self.batch_size = batch_size
    self.generator_training = generator_training
    self.name = name
    self.raw_too = raw_too
    self.values = []  # (epoch number, value)
    self.raw_values = []  # (epoch number, the raw generator's value)

  @staticmethod
  def _checked(features):
    features = np.asarray(features, np.float64)
    if features.ndim != 2:
      raise ValueError('features_fn must return [N, F] features, got shape '
                       '%s.' % (features.shape,))
    return features

  def on_train_begin(self, logs=None):
    if self.real_features is None:
      self.real_features = self._checked(
          self.features_fn(np.asarray(self.real_data)))

  def generated_features(self, raw=False):
    """Features of the samples (of the raw generator with `raw`)."""
    generated = generate(self.model, self.inputs, self.batch_size,
                         self.generator_training, raw)
    return self._checked(self.features_fn(generated))

  def measure(self, raw=False):
    """The value for the current samples (defined by each callback)."""
    raise NotImplementedError

  def log(self, logs, value, suffix):
    """Writes `value` into `logs` (defined by each callback)."""
    raise NotImplementedError

  def on_epoch_end(self, epoch, logs=None):
    if not _epoch_selected(epoch, self.every, self.epochs):
      return
    for suffix, raw in _variants(self.model, self.raw_too):
      value = self.measure(raw)
      (self.raw_values if raw else self.values).append((epoch + 1, value))
      if logs is not None:
        self.log(logs, value, suffix)


class FrechetDistance(FeatureCallback):
  """Fréchet distance between real and generated features at chosen epochs.

  FD = |m_r - m_g|^2 + Tr(C_r + C_g - 2 (C_r C_g)^(1/2)) between Gaussians
  fitted to features of real and generated data (Heusel et al. 2017,
  https://arxiv.org/abs/1706.08500), computed by
  `tfgan.eval.frechet_classifier_distance_from_activations`; with a
  classifier's penultimate layer as `features_fn` it is the Fréchet
  classifier distance (FCD; Fréchet Inception distance with Inception).
  Logged as `name` (`<name>_raw` for the raw generator with `raw_too`).

  The estimate is biased upwards for finite samples: compare runs at the same
  sample size, and against the real-vs-real value (`baseline`).

  Args: those of `FeatureCallback`.
  """

  def __init__(self, features_fn, generator_inputs, real_data=None,
               real_features=None, every=1, epochs=None, batch_size=256,
               generator_training=False, name='frechet_distance',
               raw_too=False):
    super().__init__(features_fn, generator_inputs, real_data, real_features,
                     every, epochs, batch_size, generator_training, name,
                     raw_too)

  def distance(self, raw=False):
    """The Fréchet distance of the model's current samples (a float).

    Args:
      raw: Sample from the raw generator, not the sampling generator.
    """
    return frechet_distance(self.real_features, self.generated_features(raw))

  def measure(self, raw=False):
    return self.distance(raw)

  def log(self, logs, value, suffix):
    logs[self.name + suffix] = value


def frechet_distance(features_a, features_b):
  """TF-GAN's Fréchet distance between two feature sets [N, F] (a float)."""
  return float(tfgan.eval.frechet_classifier_distance_from_activations(
      tf.constant(features_a, tf.float64), tf.constant(features_b, tf.float64)))
