# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A callback logging KID, precision, recall, density and coverage.

`SampleQuality` is `FrechetDistance`'s sibling (tfgan_ext.keras.callbacks):
the same arguments and schedule, the same samples (`model.sampling_generator`
and, with `raw_too`, the raw generator), with the metrics of
`tfgan_ext.metrics.sample_quality` in place of the Fréchet distance.
"""

import numpy as np

from tfgan_ext import metrics
from tfgan_ext.keras.callbacks import _as_inputs
from tfgan_ext.keras.callbacks import _check_schedule
from tfgan_ext.keras.callbacks import _epoch_selected
from tfgan_ext.keras.callbacks import _generate
from tfgan_ext.keras.callbacks import _variants
from tfgan_ext.keras.callbacks import GANCallback

__all__ = ['LOGGED_METRICS', 'SampleQuality']

# The metrics written into the epoch's logs (kid_std is kept in `values`
# only: it is NaN with fewer than 2 KID blocks, i.e. up to 1024 samples).
LOGGED_METRICS = ('kid', 'precision', 'recall', 'density', 'coverage')


class SampleQuality(GANCallback):
  """KID, precision, recall, density and coverage at chosen epochs.

  Between features of real data and of samples from fixed generator inputs,
  by `tfgan_ext.metrics.sample_quality`: KID (Bińkowski et al. 2018,
  https://arxiv.org/abs/1801.01401; TF-GAN's
  `kernel_classifier_distance_and_std_from_activations`), improved precision
  and recall (Kynkäänniemi et al. 2019, https://arxiv.org/abs/1904.06991),
  density and coverage (Naeem et al. 2020, https://arxiv.org/abs/
  2002.09797). Each is added to the epoch's logs as `<name>_<metric>` (so
  `History`, the progress bar and TensorBoard get them), e.g.
  `quality_precision`, and `self.values` keeps (epoch number, dict of all
  `sample_quality` values, kid_std too). Samples come from
  `model.sampling_generator` (the moving average when `compile` asks for
  one); with `raw_too`, the raw generator's values are logged too, as
  `<name>_<metric>_raw` (and kept in `self.raw_values`).

  The k-NN metrics need enough samples to estimate the manifolds (the
  papers use 10,000 or more); compare runs at the same sample size.

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
    name: Prefix of the log keys.
    raw_too: Also log the raw generator's values when there is an average.
    precision_recall_k: `k` of `tfgan_ext.metrics.precision_recall`.
    density_coverage_k: `k` of `tfgan_ext.metrics.density_coverage`.
    max_block_size: `max_block_size` of `tfgan_ext.metrics.kernel_distance`.

  Raises:
    TypeError: If `features_fn` is not callable.
    ValueError: If not exactly one of `real_data` and `real_features` is
      given, or the schedule is not valid.
  """

  def __init__(self, features_fn, generator_inputs, real_data=None,
               real_features=None, every=1, epochs=None, batch_size=256,
               generator_training=False, name='quality', raw_too=False,
               precision_recall_k=3, density_coverage_k=5,
               max_block_size=1024):
    if not callable(features_fn):
      raise TypeError('features_fn must be callable, got %r.' % features_fn)
    if (real_data is None) == (real_features is None):
      raise ValueError('Give exactly one of real_data and real_features.')
    self.features_fn = features_fn
    self.inputs = _as_inputs(generator_inputs)
    self.real_data = real_data
    self.real_features = (None if real_features is None else
                          self._check_features(real_features))
    self.every, self.epochs = _check_schedule(every, epochs)
    self.batch_size = batch_size
    self.generator_training = generator_training
    self.name = name
    self.raw_too = raw_too
    self.precision_recall_k = precision_recall_k
    self.density_coverage_k = density_coverage_k
    self.max_block_size = max_block_size
    self.values = []  # (epoch number, {metric: value})
    self.raw_values = []  # (epoch number, the raw generator's values)

  @staticmethod
  def _check_features(features):
    features = np.asarray(features, np.float32)
    if features.ndim != 2:
      raise ValueError('features_fn must return [N, F] features, got shape '
                       '%s.' % (features.shape,))
    return features

  def on_train_begin(self, logs=None):
    if self.real_features is None:
      self.real_features = self._check_features(
          self.features_fn(np.asarray(self.real_data)))

  def quality(self, raw=False):
    """`tfgan_ext.metrics.sample_quality` of the model's current samples.

    Args:
      raw: Sample from the raw generator, not the sampling generator.

    Returns:
      A dict of floats: 'kid', 'kid_std', 'precision', 'recall', 'density',
      'coverage'.
    """
    generated = _generate(self.model, self.inputs, self.batch_size,
                          self.generator_training, raw)
    return metrics.sample_quality(
        self.real_features, self._check_features(self.features_fn(generated)),
        precision_recall_k=self.precision_recall_k,
        density_coverage_k=self.density_coverage_k,
        max_block_size=self.max_block_size)

  def on_epoch_end(self, epoch, logs=None):
    if not _epoch_selected(epoch, self.every, self.epochs):
      return
    for suffix, raw in _variants(self.model, self.raw_too):
      values = self.quality(raw)
      (self.raw_values if raw else self.values).append((epoch + 1, values))
      if logs is not None:
        for metric in LOGGED_METRICS:
          logs['%s_%s%s' % (self.name, metric, suffix)] = values[metric]
